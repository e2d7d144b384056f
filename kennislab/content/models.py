"""The Kennislab's pages and snippets: home, the Kennislab listing, articles, themes, people."""

from types import SimpleNamespace

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Prefetch, Q
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from kennislab.core.memo import memo

from .blocks import ArticleBodyBlock, ContentPageBody, HomeBlock, PlainPageBody
from .panels import ReadabilityPanel
from .text import first_words, stream_text

LISTING_PAGE_SIZE = 12


class ItemType(models.TextChoices):
    NEWS = "news", _("Nieuws")
    INTERVIEW = "interview", _("Interview")
    PUBLICATION = "publication", _("Publicatie")
    PRACTICE_EXAMPLE = "practice_example", _("Praktijkvoorbeeld")
    TOOLKIT = "toolkit", _("Toolkit")
    WEBINAR = "webinar", _("Webinar")
    IN_BEELD = "in_beeld", _("In beeld")
    CAMPAIGN = "campaign", _("Campagne")
    CALL = "call", _("Oproep")
    CONSULTATION_RESPONSE = "consultation_response", _("Consultatiereactie")
    SERIES_PART = "series_part", _("Serie")


# --- Snippets -------------------------------------------------------------------------------


class Theme(index.Indexed, models.Model):
    """A theme of the network (Positieve Gezondheid, Mentale gezondheid, …)."""

    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("korte naam in de URL"), max_length=100, unique=True)
    description = models.TextField(_("omschrijving"), blank=True)
    keywords = models.TextField(
        _("trefwoorden"),
        blank=True,
        help_text=_(
            "Woorden of woorddelen, gescheiden door komma's. De importeur gebruikt ze om "
            "thema's voor te stellen bij geïmporteerde items."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("keywords"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")

    def __str__(self):
        return self.name

    @property
    def keyword_list(self) -> list[str]:
        return [word.strip().lower() for word in self.keywords.split(",") if word.strip()]


class Domain(models.Model):
    """The domains the network works across: wijk, school, werk, zorg, regio."""

    code = models.SlugField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("naam"), max_length=50)
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["sort_order"]
        verbose_name = _("domein")
        verbose_name_plural = _("domeinen")

    def __str__(self):
        return self.name


class Person(index.Indexed, ClusterableModel):
    """A contact person, usually one of the network's advisers."""

    name = models.CharField(_("naam"), max_length=120)
    role = models.CharField(
        _("rol"), max_length=150, help_text=_("Bijvoorbeeld: Netwerkadviseur groen")
    )
    organisation = models.CharField(_("organisatie"), max_length=150, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=40, blank=True)
    bio = models.TextField(_("korte introductie"), blank=True)
    themes = ParentalManyToManyField(
        Theme, blank=True, related_name="people", verbose_name=_("thema's")
    )
    is_adviser = models.BooleanField(_("tonen op de pagina met netwerkadviseurs"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        MultiFieldPanel([FieldPanel("email"), FieldPanel("phone")], heading=_("Contact")),
        FieldPanel("bio"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("is_adviser"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("role"),
        index.SearchField("bio"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")

    def __str__(self):
        return f"{self.name} ({self.role})"

    @property
    def initials(self) -> str:
        parts = [part for part in self.name.split() if part[:1].isupper()]
        return "".join(part[0] for part in (parts[:1] + parts[-1:] if len(parts) > 1 else parts))


# --- Pages ----------------------------------------------------------------------------------


class HomePage(Page):
    intro = models.TextField(_("introductie"), blank=True)
    calls_to_action = StreamField(HomeBlock(), blank=True, verbose_name=_("oproepen tot actie"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("calls_to_action")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    template = "content/home_page.html"
    serve_from_memo = True  # kept whole per cache generation when served (core.routing)

    class Meta:
        verbose_name = _("startpagina")

    def get_context(self, request, *args, **kwargs):
        from .links import kennislab_url

        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.live().public().order_by("-date", "-pk")
        # read only when the template's fragment with them is not kept (core fragments)
        context["latest_articles"] = articles.prefetch_related("themes")[:8]
        context["themes"] = (
            ThemePage.objects.live().public().select_related("theme").order_by("theme__sort_order")
        )
        context["kennislab_url"] = kennislab_url(request)
        context["article_count"] = memo("home-article-count", articles.count)
        return context


class FilterableListingMixin:
    """The Kennislab listing with filters (type, theme, domain, year) and pagination."""

    def base_articles(self):
        return ArticlePage.objects.live().public()

    def listing_cache_key(self, fixed_theme) -> str:
        """Names base_articles() (filtered on fixed_theme) for the kept filter counts."""
        return f"{self.pk}:{fixed_theme.pk if fixed_theme else 'all'}"

    def filtered_listing(self, request, fixed_theme=None):
        from .forms import ArticleFilterForm

        base = self.base_articles()
        if fixed_theme is not None:
            base = base.filter(themes=fixed_theme)
        form = ArticleFilterForm(
            request.GET or None,
            base=base,
            show_theme=fixed_theme is None,
            cache_key=self.listing_cache_key(fixed_theme),
        )
        articles = form.apply(base).order_by("-date", "-pk")
        articles = articles.prefetch_related("themes").distinct()
        paginator = Paginator(articles, LISTING_PAGE_SIZE)
        # the count (a COUNT DISTINCT over the whole selection) kept with the filter counts
        paginator.count = memo(
            "listing-count",
            articles.count,
            self.listing_cache_key(fixed_theme),
            urlencode(sorted(form.selection().items())),
        )
        page = paginator.get_page(request.GET.get("pagina"))
        selection = urlencode(sorted(form.selection().items()))
        listing = f"{self.listing_cache_key(fixed_theme)}|{selection}"
        return {
            "filter_form": form,
            # the filter form's and the cards' HTML is kept per valid selection (core fragments);
            # the form never with errors
            "filter_fragment_key": "" if form.errors else f"{listing}|{request.path}",
            "cards_key": f"{listing}|{page.number}",
            "articles": page,
            "paginator": paginator,
            "result_count": paginator.count,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=1),
        }


class KennislabIndexPage(FilterableListingMixin, Page):
    intro = models.TextField(_("introductie"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["content.ArticlePage"]
    parent_page_types = ["content.HomePage"]
    max_count = 1
    template = "content/kennislab_index_page.html"
    serve_from_memo = True  # kept whole per cache generation when served (core.routing)

    class Meta:
        verbose_name = _("Kennislab-overzicht")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.filtered_listing(request))
        return context


class ArticleContact(Orderable):
    """A contact on an article: a person, or (for imported items) only a role or a note."""

    page = ParentalKey("content.ArticlePage", on_delete=models.CASCADE, related_name="contacts")
    person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("contactpersoon"),
    )
    role = models.CharField(
        _("rol"),
        max_length=150,
        blank=True,
        help_text=_("Leeg laten om de rol van de contactpersoon te tonen."),
    )
    note = models.TextField(
        _("toelichting"),
        blank=True,
        help_text=_("Bijvoorbeeld hoe of waarvoor je contact opneemt."),
    )

    panels = [FieldPanel("person"), FieldPanel("role"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("contact")
        verbose_name_plural = _("contacten")

    @property
    def display_role(self) -> str:
        return self.role or (self.person.role if self.person else "")


class ArticlePage(Page):
    """One Kennislab item: news, interview, publication, practice example, toolkit, …"""

    date = models.DateField(_("publicatiedatum"))
    item_type = models.CharField(
        _("soort"), max_length=30, choices=ItemType.choices, default=ItemType.NEWS, db_index=True
    )
    intro = models.TextField(_("introductie"), blank=True)
    body = StreamField(ArticleBodyBlock(), blank=True, verbose_name=_("inhoud"))
    themes = ParentalManyToManyField(
        Theme, blank=True, related_name="articles", verbose_name=_("thema's")
    )
    domains = ParentalManyToManyField(
        Domain, blank=True, related_name="articles", verbose_name=_("domeinen")
    )
    source = models.CharField(
        _("geïmporteerd uit"),
        max_length=255,
        blank=True,
        help_text=_("Bestandsnaam van de dump waaruit dit item is geïmporteerd."),
    )
    import_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    import_hash = models.CharField(max_length=64, blank=True, editable=False)
    import_guesses = models.JSONField(default=dict, blank=True, editable=False)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("date"), FieldPanel("item_type")], heading=_("Publicatie")),
        FieldPanel("intro"),
        FieldPanel("body"),
        ReadabilityPanel(),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("domains", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Thema's en domeinen"),
        ),
        InlinePanel("contacts", label=_("Contacten")),
        FieldPanel("source", read_only=True),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body_text"),
        index.FilterField("item_type"),
        index.FilterField("date"),
        index.RelatedFields("themes", [index.SearchField("name")]),
    ]

    parent_page_types = ["content.KennislabIndexPage"]
    subpage_types = []
    template = "content/article_page.html"
    serve_from_memo = True  # kept whole per cache generation when served (core.routing)
    # read with the page when it is served (kennislab.core.routing): the header and metadata
    serve_prefetch = (
        "themes",
        "domains",
        Prefetch("contacts", queryset=ArticleContact.objects.select_related("person")),
    )

    class Meta:
        verbose_name = _("Kennislab-item")
        verbose_name_plural = _("Kennislab-items")
        indexes = [models.Index(fields=["-date"], name="content_article_date_idx")]

    def __str__(self):
        return self.title

    @property
    def body_text(self) -> str:
        return stream_text(self.body)

    @property
    def text(self) -> str:
        """Intro and readable body text: what `export_articles` writes."""
        return "\n\n".join(part for part in (self.intro.strip(), self.body_text) if part)

    @cached_property
    def teaser(self) -> str:
        return first_words(self.intro or self.body_text, 170)

    @property
    def type_label(self) -> str:
        return self.get_item_type_display()

    def related_articles(self, limit=3):
        """Other items that share the most themes with this one, newest first."""
        # Not values_list("pk"): a preview's themes are modelcluster's in-memory queryset, which
        # knows only real field names ("Theme has no field named 'pk'", a 500 on preview).
        theme_ids = [theme.pk for theme in self.themes.all()]
        if not theme_ids:
            return ArticlePage.objects.none()
        return (
            ArticlePage.objects.live()
            .public()
            .exclude(pk=self.pk)
            .filter(themes__in=theme_ids)
            .annotate(shared=Count("themes", filter=Q(themes__in=theme_ids)))
            .order_by("-shared", "-date")
            .prefetch_related("themes")[:limit]
        )

    def read_also(self, limit=3):
        """'Lees ook': the search engine's related items (shared distinctive terms and themes);
        items on the same themes while the search index has no entry for this page yet."""
        from kennislab.search.service import related

        found = related(f"{self._meta.label_lower}:{self.pk}", limit=limit)
        if found:
            return found
        return [
            SimpleNamespace(
                title=page.title,
                url=page.url,
                type=page.item_type,
                type_label=page.type_label,
                date=page.date,
                teaser=page.teaser,
            )
            for page in self.related_articles(limit)
        ]

    def get_context(self, request, *args, **kwargs):
        from .links import kennislab_url, people_url

        context = super().get_context(request, *args, **kwargs)
        if "contacts" in getattr(self, "_prefetched_objects_cache", {}):
            context["contacts"] = self.contacts.all()
        else:
            context["contacts"] = self.contacts.select_related("person")
        if getattr(request, "is_preview", False) or not self.pk:
            context["read_also"] = self.read_also()
        else:  # the search engine's answer changes with the content: kept per generation
            context["read_also"] = memo("read-also", self.read_also, self.pk)
        context["people_url"] = people_url(request)
        context["listing_url"] = kennislab_url(request)
        return context


class ThemeIndexPage(Page):
    intro = models.TextField(_("introductie"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["content.ThemePage"]
    parent_page_types = ["content.HomePage"]
    max_count = 1
    template = "content/theme_index_page.html"
    serve_from_memo = True  # kept whole per cache generation when served (core.routing)

    class Meta:
        verbose_name = _("overzicht van thema's")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["theme_pages"] = (
            ThemePage.objects.live()
            .public()
            .child_of(self)
            .select_related("theme")
            .annotate(
                article_count=Count(
                    "theme__articles",
                    filter=Q(theme__articles__live=True),
                    distinct=True,
                )
            )
            .order_by("theme__sort_order", "title")
        )
        return context


class ThemePage(FilterableListingMixin, Page):
    theme = models.OneToOneField(
        Theme, on_delete=models.PROTECT, related_name="page", verbose_name=_("thema")
    )
    intro = models.TextField(_("introductie"), blank=True)
    body = StreamField(ContentPageBody(), blank=True, verbose_name=_("inhoud"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("theme"),
        FieldPanel("intro"),
        FieldPanel("body"),
        ReadabilityPanel(),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["content.ThemeIndexPage"]
    serve_prefetch = ("theme",)  # read with the page when it is served (core.routing)
    subpage_types = []
    template = "content/theme_page.html"
    serve_from_memo = True  # kept whole per cache generation when served (core.routing)

    class Meta:
        verbose_name = _("themapagina")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.filtered_listing(request, fixed_theme=self.theme))
        advisers = self.theme.people.filter(is_adviser=True)
        context["advisers"] = memo("theme-advisers", lambda: list(advisers), self.theme_id)
        return context


class PeopleIndexPage(Page):
    intro = models.TextField(_("introductie"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = []
    max_count = 1
    template = "content/people_index_page.html"
    serve_from_memo = True  # kept whole per cache generation when served (core.routing)

    class Meta:
        verbose_name = _("pagina met netwerkadviseurs")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["people"] = Person.objects.filter(is_adviser=True).prefetch_related("themes")
        return context


class ContentPage(Page):
    """A plain page: about the network, privacy statement, accessibility statement."""

    intro = models.TextField(_("introductie"), blank=True)
    body = StreamField(PlainPageBody(), blank=True, verbose_name=_("inhoud"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        ReadabilityPanel(),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["content.HomePage", "content.ContentPage"]
    template = "content/content_page.html"
    serve_from_memo = True  # kept whole per cache generation when served (core.routing)

    class Meta:
        verbose_name = _("tekstpagina")
