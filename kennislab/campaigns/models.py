"""Events and webinars: the agenda page, event pages, registrations with a waiting list and their
audit log, and sign-ups to watch a past webinar back. Regional relay campaigns: the campaign page
with its regions (provinces and week), activities registered by organisers, and their log.

How many places are taken is never stored as a counter: it is counted from the registrations,
under a lock on the event's row (services.py), so a capacity holds under concurrent sign-ups.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from kennislab.content.blocks import ContentPageBody
from kennislab.content.models import Person, Theme
from kennislab.core.models import AuditEvent
from kennislab.core.pagecache import LivePageMixin

from . import rules
from .blocks import EventMaterialsBlock, ProgrammeBlock, SpeakersBlock


class Kind(models.TextChoices):
    WEBINAR = "webinar", _("Webinar")
    LECTURE = "lecture", _("Online lezing")
    WORKSHOP = "workshop", _("Workshop")
    MARKET = "market", _("Informatiemarkt")
    TALK = "talk", _("Gesprek of presentatie")
    TRY_OUT = "try_out", _("Uitproberen")
    OTHER = "other", _("Anders")


KIND_LABELS = dict(Kind.choices)


class Status(models.TextChoices):
    REGISTERED = rules.REGISTERED, _("Aangemeld")
    WAITING = rules.WAITING, _("Op de wachtlijst")
    CANCELLED = rules.CANCELLED, _("Afgemeld")


# used by the URLs under /agenda/ (urls.py)
RESERVED_SLUGS = {"feed", "thema", "aanmelding", "terugkijken"}


class AgendaPage(LivePageMixin, Page):
    """One agenda: every upcoming event and the approved campaign activities. Places left change
    with every registration: the page cache keeps it LIVE_SECONDS at most (core/pagecache.py)."""

    intro = models.TextField(_("introductie"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["campaigns.EventPage"]
    max_count = 1
    template = "campaigns/agenda_page.html"

    class Meta:
        verbose_name = _("agenda")

    def get_context(self, request, *args, **kwargs):
        from .agenda import agenda_context

        context = super().get_context(request, *args, **kwargs)
        context.update(agenda_context(request, self))
        return context


class EventPage(LivePageMixin, Page):
    """An event; its places left may be LIVE_SECONDS old here (the registration form, never
    cached, counts them afresh, and the registration itself under a lock)."""

    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.WEBINAR)
    starts_at = models.DateTimeField(_("begint op"))
    ends_at = models.DateTimeField(_("eindigt op"))
    online = models.BooleanField(_("online"), default=False)
    location = models.CharField(
        _("plaats"), max_length=200, blank=True, help_text=_("Adres of zaal; leeg bij online.")
    )
    accessibility = models.TextField(
        _("toegankelijkheid"),
        blank=True,
        help_text=_(
            "Bijvoorbeeld: rolstoeltoegankelijk, invalidentoilet, ringleiding, tolk Nederlandse "
            "Gebarentaal, ondertiteling, een stilteruimte. Ook bij online evenementen."
        ),
    )
    directions = models.TextField(
        _("route"), blank=True,
        help_text=_("Openbaar vervoer, parkeren, fietsenstalling, welke ingang."),
    )  # fmt: skip
    directions_url = models.URLField(
        _("link naar de routebeschrijving"), blank=True,
        help_text=_("Bijvoorbeeld de route op de website van de locatie."),
    )  # fmt: skip
    join_url = models.URLField(
        _("link om deel te nemen"),
        blank=True,
        help_text=_(
            "Bij aanmelden: alleen in de bevestiging aan wie is aangemeld. Zonder aanmelden: op "
            "de pagina tot het einde. Na afloop nergens."
        ),
    )
    capacity = models.PositiveIntegerField(
        _("aantal plaatsen"), null=True, blank=True, help_text=_("Leeg: geen maximum.")
    )
    registration = models.BooleanField(
        _("aanmelden nodig"), default=True,
        help_text=_("Uit: de pagina zegt dat aanmelden niet nodig is."),
    )  # fmt: skip
    registration_closes_at = models.DateTimeField(
        _("aanmelden kan tot"), null=True, blank=True, help_text=_("Leeg: tot het begin.")
    )
    ask_dietary = models.BooleanField(
        _("vraag naar dieetwensen"), default=False,
        help_text=_("Bijvoorbeeld bij een lunch of diner."),
    )  # fmt: skip
    ask_accessibility = models.BooleanField(
        _("vraag naar wensen voor toegankelijkheid"), default=False,
        help_text=_("Bijvoorbeeld een rolstoelplaats, ringleiding of tolk."),
    )  # fmt: skip
    costs = models.CharField(
        _("kosten"), max_length=200, blank=True,
        help_text=_("Leeg: gratis. Bijvoorbeeld: € 35 (inclusief lunch); leden gratis."),
    )  # fmt: skip
    intro = models.TextField(_("introductie"), blank=True)
    body = StreamField(ContentPageBody(), blank=True, verbose_name=_("inhoud"))
    programme = StreamField(ProgrammeBlock(), blank=True, verbose_name=_("programma"))
    speakers = StreamField(SpeakersBlock(), blank=True, verbose_name=_("sprekers"))
    organiser = models.CharField(_("organisator"), max_length=200, blank=True)
    contact = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("contactpersoon"),
        help_text=_("Voor vragen over het evenement; staat met e-mailadres op de pagina."),
    )  # fmt: skip
    themes = ParentalManyToManyField(Theme, blank=True, related_name="+", verbose_name=_("thema's"))
    materials = StreamField(
        EventMaterialsBlock(),
        blank=True,
        verbose_name=_("terugkijken: opname, presentatie en fragmenten"),
        help_text=_(
            "Na afloop zichtbaar voor wie zijn e-mailadres achterlaat, en het evenement staat "
            "dan in het archief (Terugkijken). De opname of presentatie als link, de "
            "presentatie als document, fragmenten."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("organiser")]),
        FieldPanel("contact"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading=_("Wanneer")),
        MultiFieldPanel(
            [
                FieldPanel("online"),
                FieldPanel("location"),
                FieldPanel("accessibility"),
                FieldPanel("directions"),
                FieldPanel("directions_url"),
                FieldPanel("join_url"),
            ],
            heading=_("Waar"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration"),
                FieldPanel("capacity"),
                FieldPanel("registration_closes_at"),
                FieldPanel("costs"),
                FieldRowPanel([FieldPanel("ask_dietary"), FieldPanel("ask_accessibility")]),
            ],
            heading=_("Aanmelden en kosten"),
        ),
        FieldPanel("intro"),
        FieldPanel("programme"),
        FieldPanel("speakers"),
        FieldPanel("body"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("materials"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["campaigns.AgendaPage"]
    subpage_types = []
    template = "campaigns/event_page.html"

    class Meta:
        verbose_name = _("evenement")
        verbose_name_plural = _("evenementen")

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("Deze korte naam is gereserveerd; kies een andere.")})
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Het einde moet na het begin liggen.")})
        if (
            self.registration_closes_at
            and self.starts_at
            and (self.registration_closes_at > self.starts_at)
        ):
            raise ValidationError(
                {"registration_closes_at": _("Aanmelden moet sluiten vóór het begin.")}
            )

    def phase(self, now=None) -> str:
        return rules.phase(self.starts_at, self.registration_closes_at, now or timezone.now())

    @property
    def is_past(self) -> bool:
        """Over ("Afgelopen"): no sign-up, no join link, no calendar links any more."""
        return self.ends_at <= timezone.now()

    @property
    def registration_deadline(self):
        """The last moment to sign up: the deadline, or else the start."""
        return self.registration_closes_at or self.starts_at

    @property
    def shows_join_url(self) -> bool:
        """The join link is public only for an online event without registration, until its
        end; with registration it goes only to those registered (in their confirmation)."""
        return bool(self.online and self.join_url and not self.registration and not self.is_past)

    def get_context(self, request, *args, **kwargs):
        from .agenda import event_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_context(self))
        return context


class Registration(models.Model):
    event = models.ForeignKey(
        EventPage, on_delete=models.PROTECT, related_name="registrations",
        verbose_name=_("evenement"),
    )  # fmt: skip
    sequence = models.PositiveIntegerField(_("volgnummer"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, db_index=True)
    name = models.CharField(_("naam"), max_length=150)
    email = models.EmailField(_("e-mailadres"))
    email_key = models.CharField(max_length=254, editable=False)
    organisation = models.CharField(_("organisatie"), max_length=200, blank=True)
    # asked only when the event asks (EventPage.ask_*); emptied when the registration is cancelled
    dietary = models.CharField(_("dieetwensen"), max_length=500, blank=True)
    access_needs = models.CharField(_("wensen voor toegankelijkheid"), max_length=500, blank=True)
    consent = models.BooleanField(_("toestemming gegeven"), default=False)
    consent_text = models.TextField(_("tekst van de toestemming"), blank=True)
    created_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    token_expires_at = models.DateTimeField(editable=False)

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["event", "sequence"]
        default_permissions = ("view",)
        permissions = [("manage_registration", _("Kan aanmeldingen beheren"))]
        constraints = [
            models.UniqueConstraint(fields=["event", "sequence"], name="registration_sequence"),
            # one active registration per address and event (after cancelling, sign up again)
            models.UniqueConstraint(
                fields=["event", "email_key"],
                condition=~models.Q(status="cancelled"),
                name="registration_one_active_per_email",
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "sequence"], name="registration_queue")]

    def __str__(self):
        return f"{self.name} – {self.event}"

    @property
    def position(self) -> int | None:
        if self.status != Status.WAITING:
            return None
        ahead = Registration.objects.filter(
            event_id=self.event_id, status=Status.WAITING, sequence__lt=self.sequence
        ).count()
        return ahead + 1


class RegistrationEvent(AuditEvent):
    registration = models.ForeignKey(
        Registration, on_delete=models.PROTECT, related_name="events",
        verbose_name=_("aanmelding"),
    )  # fmt: skip
    from_status = models.CharField(_("van"), max_length=12, choices=Status.choices, blank=True)
    to_status = models.CharField(_("naar"), max_length=12, choices=Status.choices)

    class Meta(AuditEvent.Meta):
        verbose_name = _("wijziging van een aanmelding")
        verbose_name_plural = _("wijzigingen van aanmeldingen")

    def __str__(self):
        return f"{self.registration}: {self.from_status or '–'} → {self.to_status}"


class RecordingAccess(models.Model):
    """Someone who left an e-mail address to watch a past event back (one per address)."""

    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="+",
                              verbose_name=_("evenement"))  # fmt: skip
    email = models.EmailField(_("e-mailadres"))
    created_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    consent_text = models.TextField(_("tekst van de toestemming"), blank=True)

    class Meta:
        verbose_name = _("aanmelding om terug te kijken")
        verbose_name_plural = _("aanmeldingen om terug te kijken")
        default_permissions = ("view",)
        constraints = [
            models.UniqueConstraint(fields=["event", "email"], name="recording_access_once")
        ]

    def __str__(self):
        return f"{self.email} – {self.event}"


# --- regional relay campaigns -------------------------------------------------------------------


class ProvincesField(models.JSONField):
    """A list of province slugs (rules.PROVINCES), edited as checkboxes."""

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=rules.PROVINCES,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            error_messages={"required": _("Kies minstens één provincie.")},
        )


class RelayCampaignForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        regions = self.formsets.get("regions")
        if regions is None:
            return cleaned
        kept = [
            form for form in regions.forms
            if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]  # fmt: skip
        twice = rules.duplicate_provinces([form.cleaned_data["provinces"] for form in kept])
        for form in kept:
            mine = twice & set(form.cleaned_data["provinces"])
            double = sorted(rules.PROVINCE_NAMES[province] for province in mine)
            if double:
                form.add_error(
                    "provinces",
                    _("Hoort al bij een andere regio: %(names)s.") % {"names": ", ".join(double)},
                )
        return cleaned


class RelayCampaignPage(LivePageMixin, Page):
    """A campaign that travels through the regions, one week each, filled with activities that
    organisations register themselves (the "Slimme Zorg Estafette"). An approved activity shows
    within LIVE_SECONDS in every process (core/pagecache.py)."""

    intro = models.TextField(_("introductie"), blank=True)
    body = StreamField(ContentPageBody(), blank=True, verbose_name=_("inhoud"))
    themes = ParentalManyToManyField(Theme, blank=True, related_name="+", verbose_name=_("thema's"))
    registration_closes_on = models.DateField(
        _("activiteiten aanmelden kan tot en met"),
        null=True,
        blank=True,
        help_text=_("Leeg: tot en met de laatste dag van de laatste week."),
    )
    contact_email = models.EmailField(
        _("e-mailadres van het campagneteam"), blank=True,
        help_text=_("Voor vragen van organisatoren; staat in de e-mails."),
    )  # fmt: skip

    base_form_class = RelayCampaignForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("regions", heading=_("Regio's en weken"), label=_("Regio"), min_num=1),
        FieldRowPanel([FieldPanel("registration_closes_on"), FieldPanel("contact_email")]),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = []
    template = "campaigns/relay_campaign_page.html"

    class Meta:
        verbose_name = _("estafettecampagne")
        verbose_name_plural = _("estafettecampagnes")

    def clean(self):
        super().clean()
        if self.slug in RESERVED_CAMPAIGN_SLUGS:
            raise ValidationError({"slug": _("Deze korte naam is gereserveerd; kies een andere.")})

    def weeks(self) -> list[rules.Week]:
        return [region.week() for region in self.regions.all()]

    def registration_open(self, today=None, weeks=None) -> bool:
        """weeks: self.weeks() when the caller has them already (they are a query)."""
        return rules.registration_open(
            self.weeks() if weeks is None else weeks,
            self.registration_closes_on,
            today or timezone.localdate(),
        )

    def get_context(self, request, *args, **kwargs):
        from .relay import campaign_context

        context = super().get_context(request, *args, **kwargs)
        context.update(campaign_context(request, self))
        return context


RESERVED_CAMPAIGN_SLUGS = {"activiteit"}  # used by the URLs under /campagnes/ (relay_urls.py)


class CampaignRegion(Orderable):
    page = ParentalKey(RelayCampaignPage, on_delete=models.CASCADE, related_name="regions")
    name = models.CharField(_("naam"), max_length=60, help_text=_("Bijvoorbeeld: Oost."))
    slug = models.SlugField(_("korte naam"), max_length=60, help_text=_("Voor de iCal-link."))
    starts_on = models.DateField(_("eerste dag van de week"))
    ends_on = models.DateField(_("laatste dag van de week"))
    provinces = ProvincesField(_("provincies"), default=list)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldPanel("provinces"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("De laatste dag moet na de eerste dag liggen.")})

    def week(self) -> rules.Week:
        return rules.Week(self.slug, self.name, self.starts_on, self.ends_on,
                          tuple(self.provinces or ()))  # fmt: skip

    def province_names(self) -> str:
        return ", ".join(rules.PROVINCE_NAMES.get(p, p) for p in self.provinces or ())


class ActivityStatus(models.TextChoices):
    SUBMITTED = rules.SUBMITTED, _("Wacht op beoordeling")
    CHANGES = rules.CHANGES, _("Aanpassing gevraagd")
    APPROVED = rules.APPROVED, _("Gepubliceerd")
    REJECTED = rules.REJECTED, _("Afgewezen")
    WITHDRAWN = rules.WITHDRAWN, _("Ingetrokken")


class Activity(models.Model):
    """An activity an organisation registers for a relay campaign: a few fields at first, the
    rest later through the private link; public once an editor approves it."""

    campaign = models.ForeignKey(
        RelayCampaignPage, on_delete=models.PROTECT, related_name="activities",
        verbose_name=_("campagne"),
    )  # fmt: skip
    status = models.CharField(_("status"), max_length=20, choices=ActivityStatus.choices,
                              default=ActivityStatus.SUBMITTED, db_index=True)  # fmt: skip
    province = models.CharField(_("provincie"), max_length=20, choices=rules.PROVINCES)
    organiser = models.CharField(_("organisatie"), max_length=200)
    contact_name = models.CharField(_("contactpersoon"), max_length=150)
    email = models.EmailField(_("e-mailadres"))
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    title = models.CharField(_("titel"), max_length=200)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, blank=True)
    date = models.DateField(_("datum"), null=True, blank=True)
    starts_at = models.TimeField(_("begintijd"), null=True, blank=True)
    ends_at = models.TimeField(_("eindtijd"), null=True, blank=True)
    online = models.BooleanField(_("online"), default=False)
    location = models.CharField(_("plaats"), max_length=200, blank=True)
    link = models.URLField(_("link"), blank=True)
    audience = models.CharField(_("voor wie"), max_length=300, blank=True)
    description = models.TextField(_("beschrijving"), blank=True)
    complete = models.BooleanField(_("compleet"), default=False, db_index=True)
    changed_after_approval = models.BooleanField(_("gewijzigd na publicatie"), default=False)
    editor_note = models.TextField(_("laatste bericht van de redactie"), blank=True)
    consent_text = models.TextField(_("tekst van de toestemming"), blank=True)
    created_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    updated_at = models.DateTimeField(_("gewijzigd op"), default=timezone.now)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    token_expires_at = models.DateTimeField(editable=False)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("toegewezen aan"),
    )  # fmt: skip
    reminders_sent = models.PositiveSmallIntegerField(_("herinneringen"), default=0)
    last_reminded_on = models.DateField(_("laatst herinnerd"), null=True, blank=True)

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        ordering = ["date", "starts_at", "pk"]
        default_permissions = ("view",)
        permissions = [("moderate_activity", _("Kan activiteiten beoordelen"))]
        indexes = [models.Index(fields=["campaign", "status", "date"], name="activity_listing")]

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("relay:activity", args=[self.campaign.slug, self.pk])

    def missing(self) -> list[str]:
        return rules.missing({field: getattr(self, field) for field in
                              ("kind", "date", "starts_at", "ends_at", "online", "location",
                               "link", "description")})  # fmt: skip

    @property
    def province_name(self) -> str:
        return rules.PROVINCE_NAMES.get(self.province, self.province)

    @property
    def kind_label(self) -> str:
        """Like get_kind_display, without its per-call flattening of the choices (a campaign
        page shows hundreds of cards)."""
        return str(KIND_LABELS.get(self.kind, "")) if self.kind else ""

    def week(self) -> rules.Week | None:
        return rules.week_for(self.province, self.campaign.weeks())


class ActivityEvent(AuditEvent):
    activity = models.ForeignKey(
        Activity, on_delete=models.PROTECT, related_name="events", verbose_name=_("activiteit"),
    )  # fmt: skip
    action = models.CharField(_("stap"), max_length=30)
    from_status = models.CharField(_("van"), max_length=20, choices=ActivityStatus.choices,
                                   blank=True)  # fmt: skip
    to_status = models.CharField(_("naar"), max_length=20, choices=ActivityStatus.choices)

    class Meta(AuditEvent.Meta):
        verbose_name = _("wijziging van een activiteit")
        verbose_name_plural = _("wijzigingen van activiteiten")

    def __str__(self):
        return f"{self.activity}: {self.action}"

    @property
    def action_label(self) -> str:
        step = rules.STEP_BY_ACTION.get(self.action)
        labels = {"register": _("Aangemeld"), "change": _("Gewijzigd door de organisator")}
        return step.label if step else str(labels.get(self.action, self.action))
