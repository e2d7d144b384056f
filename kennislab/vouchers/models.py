"""Knowledge vouchers: schemes, good examples (pages), applications and their audit log.

Allocation state is never stored as counters: how many vouchers a scheme or example has left is
always counted from the applications, under a lock on the scheme row (services.py). A counter on
a Wagtail page would also be overwritten by publishing an older revision.
"""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from kennislab.campaigns.rules import PROVINCES
from kennislab.content.blocks import ContentPageBody
from kennislab.content.models import Theme
from kennislab.core.models import AuditEvent


class Level(models.TextChoices):
    REGION = "region", _("Provincie of regio")
    MUNICIPALITY = "municipality", _("Wijk of gemeente")
    ORGANISATION = "organisation", _("Organisatie")


class OrganisationType(models.TextChoices):
    CARE_WELFARE = "care_welfare", _("Zorg en welzijn")
    SOCIAL_DOMAIN = "social_domain", _("Sociaal domein")
    GOVERNMENT = "government", _("Gemeente of provincie")
    OTHER = "other", _("Anders")


class Status(models.TextChoices):
    GRANTED = "granted", _("Voorlopig toegekend")
    CONFIRMED = "confirmed", _("Definitief toegekend")
    WAITING = "waiting", _("Op de wachtlijst")
    REJECTED = "rejected", _("Afgewezen")
    WITHDRAWN = "withdrawn", _("Ingetrokken")


# The statuses that hold a voucher (count against the caps and the budget).
HOLDING = (Status.GRANTED, Status.CONFIRMED)


# /kennisvouchers/aanvraag/<token>/ is the applicant's page, /kennisvouchers/effect/<key>/ the
# impact survey's private link
RESERVED_SLUGS = {"aanvraag", "effect"}


class Scheme(models.Model):
    """A voucher call: who funds it, when it is open, and its limits."""

    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(
        _("korte naam in de URL"),
        max_length=80,
        unique=True,
        help_text=_("Gelijk aan de korte naam van de pagina van de regeling."),
    )
    funder = models.CharField(_("financier"), max_length=200)
    opens_at = models.DateTimeField(_("open vanaf"))
    closes_at = models.DateTimeField(
        _("open tot"), null=True, blank=True, help_text=_("Leeg: open tot het budget op is.")
    )
    budget_total = models.DecimalField(_("totaal budget (€)"), max_digits=12, decimal_places=2)
    voucher_amount = models.DecimalField(
        _("bedrag per voucher (€)"), max_digits=10, decimal_places=2
    )
    max_vouchers = models.PositiveIntegerField(_("aantal vouchers"))
    max_per_example = models.PositiveIntegerField(_("hoogstens per goed voorbeeld"), default=2)
    status_text = models.CharField(
        _("stand van zaken"),
        max_length=300,
        blank=True,
        help_text=_("Eén zin die op de pagina van de regeling staat."),
    )
    impact_survey = models.ForeignKey(
        "surveys.SurveyPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("vragenlijst over het effect"),
        help_text=_(
            "Drie maanden na de definitieve toekenning krijgt de aanvrager deze vragenlijst, als "
            "die daar bij de aanvraag om vroeg. Leeg: geen vragenlijst."
        ),
    )  # fmt: skip

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("funder"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")], heading=_("Looptijd")),
        MultiFieldPanel(
            [
                FieldPanel("budget_total"),
                FieldPanel("voucher_amount"),
                FieldPanel("max_vouchers"),
                FieldPanel("max_per_example"),
            ],
            heading=_("Grenzen"),
        ),
        FieldPanel("status_text"),
        FieldPanel("impact_survey"),
    ]

    class Meta:
        verbose_name = _("voucherregeling")
        verbose_name_plural = _("voucherregelingen")
        ordering = ["-opens_at"]

    def __str__(self):
        return self.title

    def clean(self):
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("Deze korte naam is gereserveerd; kies een andere.")})
        if self.closes_at and self.opens_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("De sluitingsdatum moet na de opening liggen.")})
        if (
            self.voucher_amount is not None
            and self.budget_total is not None
            and self.max_vouchers is not None
            and self.voucher_amount * self.max_vouchers > self.budget_total
        ):
            raise ValidationError(
                {"max_vouchers": _("Zoveel vouchers van dit bedrag passen niet in het budget.")}
            )

    def phase(self, now=None) -> str:
        """'not_yet', 'open' or 'closed' (by date; a full scheme still takes waiting-list
        applications until it closes)."""
        now = now or timezone.now()
        if now < self.opens_at:
            return "not_yet"
        if self.closes_at and now >= self.closes_at:
            return "closed"
        return "open"

    @property
    def is_open(self) -> bool:
        return self.phase() == "open"


class LiveFiguresMixin:
    """The page shows live availability, so it is never served from the page cache (which does
    not start afresh for every application: see IGNORED_MODELS in core/pagecache.py)."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        patch_cache_control(response, no_cache=True)
        return response


class VoucherIndexPage(LiveFiguresMixin, Page):
    intro = models.TextField(_("introductie"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["vouchers.VoucherSchemePage"]
    max_count = 1
    template = "vouchers/voucher_index_page.html"

    class Meta:
        verbose_name = _("overzicht van voucherregelingen")

    def get_context(self, request, *args, **kwargs):
        from .services import availability

        context = super().get_context(request, *args, **kwargs)
        pages = VoucherSchemePage.objects.live().public().child_of(self).select_related("scheme")
        context["schemes"] = [(page, availability(page.scheme)) for page in pages]
        return context


class VoucherSchemePage(LiveFiguresMixin, Page):
    scheme = models.OneToOneField(
        Scheme, on_delete=models.PROTECT, related_name="page", verbose_name=_("regeling")
    )
    intro = models.TextField(_("introductie"), blank=True)
    body = StreamField(ContentPageBody(), blank=True, verbose_name=_("inhoud"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("scheme"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["vouchers.VoucherIndexPage"]
    subpage_types = ["vouchers.GoodExamplePage"]
    template = "vouchers/voucher_scheme_page.html"

    class Meta:
        verbose_name = _("pagina van een voucherregeling")

    def clean(self):
        super().clean()
        if self.scheme_id and self.slug != self.scheme.slug:
            raise ValidationError(
                {"slug": _("De korte naam moet gelijk zijn aan die van de regeling (%(slug)s).")
                 % {"slug": self.scheme.slug}}
            )  # fmt: skip

    def get_context(self, request, *args, **kwargs):
        from .services import availability

        context = super().get_context(request, *args, **kwargs)
        state = availability(self.scheme)
        examples = GoodExamplePage.objects.live().public().child_of(self).order_by("path")
        context["availability"] = state
        context["example_count"] = len(examples)
        context["levels"] = [
            (
                label,
                [
                    (example, state.example(example.pk))
                    for example in examples
                    if example.level == code
                ],
            )
            for code, label in Level.choices
        ]
        return context


class GoodExamplePage(LiveFiguresMixin, Page):
    level = models.CharField(_("niveau"), max_length=20, choices=Level.choices)
    intro = models.TextField(_("introductie"), blank=True)
    offer = StreamField(ContentPageBody(), blank=True, verbose_name=_("wat de expert biedt"))
    audience = models.TextField(_("voor wie"), blank=True)
    place = models.CharField(_("plaats of regio"), max_length=100, blank=True)
    expert_name = models.CharField(_("naam van de expert"), max_length=120)
    expert_role = models.CharField(_("functie"), max_length=150, blank=True)
    expert_organisation = models.CharField(_("organisatie"), max_length=150, blank=True)
    expert_email = models.EmailField(_("e-mailadres"), blank=True)
    expert_phone = models.CharField(_("telefoonnummer"), max_length=40, blank=True)
    themes = ParentalManyToManyField(Theme, blank=True, related_name="+", verbose_name=_("thema's"))

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("level"), FieldPanel("place")]),
        FieldPanel("intro"),
        FieldPanel("offer"),
        FieldPanel("audience"),
        MultiFieldPanel(
            [
                FieldPanel("expert_name"),
                FieldPanel("expert_role"),
                FieldPanel("expert_organisation"),
                FieldPanel("expert_email"),
                FieldPanel("expert_phone"),
            ],
            heading=_("De expert"),
        ),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("audience")]
    parent_page_types = ["vouchers.VoucherSchemePage"]
    subpage_types = []
    template = "vouchers/good_example_page.html"

    class Meta:
        verbose_name = _("goed voorbeeld")
        verbose_name_plural = _("goede voorbeelden")

    @property
    def scheme_page(self) -> VoucherSchemePage | None:
        parent = self.get_parent()
        return parent.specific if parent else None

    def get_context(self, request, *args, **kwargs):
        from kennislab.surveys.impact import example_summary

        from .services import example_availability

        context = super().get_context(request, *args, **kwargs)
        scheme_page = self.scheme_page
        if scheme_page is not None:
            context["scheme"] = scheme_page.scheme
            context["example_availability"] = example_availability(scheme_page.scheme, self.pk)
        context["impact"] = example_summary(self)
        return context


class Application(models.Model):
    scheme = models.ForeignKey(
        Scheme, on_delete=models.PROTECT, related_name="applications", verbose_name=_("regeling")
    )
    example = models.ForeignKey(
        GoodExamplePage,
        on_delete=models.PROTECT,
        related_name="voucher_applications",
        verbose_name=_("goed voorbeeld"),
    )
    reference = models.CharField(_("kenmerk"), max_length=20, unique=True, null=True, blank=True)
    sequence = models.PositiveIntegerField(_("volgnummer"))
    received_at = models.DateTimeField(_("ontvangen op"), default=timezone.now, db_index=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, db_index=True)
    amount = models.DecimalField(
        _("bedrag (€)"), max_digits=10, decimal_places=2, null=True, blank=True
    )

    organisation = models.CharField(_("organisatie"), max_length=200)
    organisation_key = models.CharField(max_length=200, editable=False)
    organisation_type = models.CharField(
        _("soort organisatie"), max_length=20, choices=OrganisationType.choices
    )
    region = models.CharField(_("regio of gemeente"), max_length=100, blank=True)
    province = models.CharField(
        _("provincie"), max_length=20, choices=PROVINCES, blank=True,
        help_text=_("Voor de kaart van de beweging (/netwerk/kaart/)."),
    )  # fmt: skip
    contact_name = models.CharField(_("contactpersoon"), max_length=150)
    email = models.EmailField(_("e-mailadres"))
    phone = models.CharField(_("telefoonnummer"), max_length=40, blank=True)
    motivation = models.TextField(_("motivatie"))
    own_contribution = models.TextField(_("eigen inzet"))
    consent = models.BooleanField(_("toestemming gegeven"), default=False)
    consent_text = models.TextField(_("tekst van de toestemming"), blank=True)
    impact_consent = models.BooleanField(
        _("wil de vragenlijst over het effect"),
        default=False,
        help_text=_("Gevraagd bij de aanvraag; alleen dan sturen we de vragenlijst."),
    )

    decision_note = models.TextField(_("toelichting bij het besluit"), blank=True)
    decided_at = models.DateTimeField(_("besluit op"), null=True, blank=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    token_expires_at = models.DateTimeField(editable=False)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("behandelaar"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("voucheraanvraag")
        verbose_name_plural = _("voucheraanvragen")
        ordering = ["scheme", "sequence"]
        # Nobody adds, edits or deletes applications in the back office (they come from the
        # public form; decisions are actions with an audit trail). "view" lets staff see them,
        # "decide" lets staff grant, reject and withdraw.
        default_permissions = ("view",)
        permissions = [("decide_application", _("Kan besluiten over voucheraanvragen"))]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "sequence"], name="voucher_sequence_unique"),
            models.UniqueConstraint(
                fields=["example", "organisation_key"], name="voucher_one_per_organisation"
            ),
        ]
        indexes = [models.Index(fields=["scheme", "status", "sequence"], name="voucher_queue_idx")]

    def __str__(self):
        return f"{self.reference} – {self.organisation}"

    @property
    def position(self) -> int | None:
        """Place on the waiting list (1 = next), None when not waiting."""
        if self.status != Status.WAITING:
            return None
        ahead = Application.objects.filter(
            scheme_id=self.scheme_id, status=Status.WAITING, sequence__lt=self.sequence
        ).count()
        return ahead + 1


class ApplicationEvent(AuditEvent):
    """Append-only audit log: every status an application has had, who set it, and why."""

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="events", verbose_name=_("aanvraag")
    )
    from_status = models.CharField(_("van"), max_length=12, choices=Status.choices, blank=True)
    to_status = models.CharField(_("naar"), max_length=12, choices=Status.choices)

    class Meta(AuditEvent.Meta):
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")

    def __str__(self):
        return f"{self.application}: {self.from_status or '–'} → {self.to_status}"


def money(value) -> Decimal:
    return Decimal(value).quantize(Decimal("0.01"))
