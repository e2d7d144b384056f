"""The company vitality vignet: applications (with their activities and evidence), the audit log
of every step, and the vignets awarded (the public register).

The criteria live in criteria.py (pure), the workflow table in workflow.py (pure); services.py
applies them in transactions. An application is plain data an employer fills in over time (a
draft behind a private link); `as_criteria_data()` turns it into the JSON of CONTRACTS.md.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from kennislab.campaigns.rules import PROVINCES
from kennislab.content.blocks import ContentPageBody
from kennislab.core.models import AuditEvent
from kennislab.core.storage import private_storage

from . import criteria


class Status(models.TextChoices):
    DRAFT = "draft", _("Concept")
    SUBMITTED = "submitted", _("Ingediend")
    IN_ASSESSMENT = "in_assessment", _("In beoordeling")
    MORE_INFO = "more_info", _("Aanvulling gevraagd")
    AWARDED = "awarded", _("Toegekend")
    REJECTED = "rejected", _("Afgewezen")


THEME_CHOICES = list(criteria.THEMES.items())


def evidence_path(instance, filename):
    return f"vignet/{timezone.now():%Y/%m}/{secrets.token_hex(16)}/{filename}"


class VignetPage(Page):
    """The vignet's page for editors: what it is, the criteria, and the way in (the form, the
    register). The form, register and verification pages live under /vignet/ (urls.py)."""

    intro = models.TextField(_("introductie"), blank=True)
    body = StreamField(ContentPageBody(), blank=True, verbose_name=_("inhoud"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = []
    max_count = 1
    template = "vignet/vignet_page.html"

    class Meta:
        verbose_name = _("pagina van het vignet")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = criteria.THEMES.values()
        context["holders"] = Vignet.objects.current().count()
        return context


class Application(models.Model):
    reference = models.CharField(_("kenmerk"), max_length=20, unique=True, null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    renewal_of = models.ForeignKey(
        "Vignet",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="renewals",
        verbose_name=_("verlenging van"),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    updated_at = models.DateTimeField(_("laatst bewaard"), default=timezone.now)
    submitted_at = models.DateTimeField(_("ingediend op"), null=True, blank=True)
    decided_at = models.DateTimeField(_("besluit op"), null=True, blank=True)

    organisation = models.CharField(_("organisatie"), max_length=200)
    place = models.CharField(_("plaats"), max_length=100, blank=True)
    province = models.CharField(
        _("provincie"), max_length=20, choices=PROVINCES, blank=True,
        help_text=_("Voor de kaart van de beweging (/netwerk/kaart/)."),
    )  # fmt: skip
    contact_name = models.CharField(_("contactpersoon"), max_length=150)
    email = models.EmailField(_("e-mailadres"))
    phone = models.CharField(_("telefoonnummer"), max_length=40, blank=True)
    target_group_size = models.PositiveIntegerField(_("aantal medewerkers in de doelgroep"),
                                                    null=True, blank=True)  # fmt: skip

    baseline_date = models.DateField(_("datum nulmeting"), null=True, blank=True)
    baseline_method = models.CharField(_("methode nulmeting"), max_length=200, blank=True)
    baseline_participants = models.PositiveIntegerField(
        _("deelnemers nulmeting"), null=True, blank=True
    )
    guidance_name = models.CharField(_("naam begeleider"), max_length=150, blank=True)
    guidance_organisation = models.CharField(_("organisatie begeleider"), max_length=150,
                                             blank=True)  # fmt: skip
    guidance_description = models.TextField(_("wat de begeleiding inhield"), blank=True)

    consent = models.BooleanField(_("toestemming gegeven"), default=False)
    consent_text = models.TextField(_("tekst van de toestemming"), blank=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    token_expires_at = models.DateTimeField(editable=False)
    verdict = models.JSONField(
        _("oordeel volgens de criteria bij indienen"), null=True, blank=True, editable=False
    )
    decision_note = models.TextField(_("toelichting bij het besluit"), blank=True)
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("beoordelaar"),
    )

    class Meta:
        verbose_name = _("vignetaanvraag")
        verbose_name_plural = _("vignetaanvragen")
        ordering = ["-updated_at"]
        default_permissions = ("view",)
        permissions = [("assess_application", _("Kan vignetaanvragen beoordelen"))]

    def __str__(self):
        return f"{self.reference or _('concept')} – {self.organisation}"

    @property
    def is_renewal(self) -> bool:
        return self.renewal_of_id is not None

    @property
    def editable_by_applicant(self) -> bool:
        return self.status in (Status.DRAFT, Status.MORE_INFO)

    @cached_property
    def activity_list(self) -> list[Activity]:
        return list(self.activities.select_related("team_link__team"))

    def as_criteria_data(self, today=None) -> dict:
        """The application as the JSON of CONTRACTS.md (input of criteria.assess_data)."""
        baseline = None
        if self.baseline_date is not None:
            baseline = {
                "date": self.baseline_date.isoformat(),
                "participants": self.baseline_participants or 0,
            }
        guidance = None
        if self.guidance_name or self.guidance_organisation:
            guidance = {"name": self.guidance_name, "organisation": self.guidance_organisation}
        return {
            "organisation": self.organisation,
            "assessed_on": (today or timezone.localdate()).isoformat(),
            "target_group_size": self.target_group_size,
            "baseline": baseline,
            "expert_guidance": guidance,
            "activities": [activity.as_criteria_data() for activity in self.activity_list],
            "renewal_of": (
                {"awarded_on": self.renewal_of.awarded_on.isoformat()} if self.renewal_of else None
            ),
        }


class Activity(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="activities"
    )
    position = models.PositiveSmallIntegerField(default=0)
    theme = models.CharField(_("thema"), max_length=40, choices=THEME_CHOICES)
    title = models.CharField(_("activiteit"), max_length=200)
    start = models.DateField(_("begindatum"))
    end = models.DateField(_("einddatum"), null=True, blank=True)
    participants = models.PositiveIntegerField(_("deelnemers"))
    target_group_size = models.PositiveIntegerField(_("doelgroep van deze activiteit"),
                                                    null=True, blank=True)  # fmt: skip
    team_link = models.ForeignKey(
        "TeamLink", null=True, blank=True, on_delete=models.CASCADE, related_name="activities",
        verbose_name=_("uit 30DagenGezonder"),
        help_text=_("Leeg: ingevuld door de aanvrager."),
    )  # fmt: skip

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        ordering = ["position", "pk"]

    def __str__(self):
        return f"{self.get_theme_display()}: {self.title}"

    def as_criteria_data(self) -> dict:
        return {
            "theme": self.theme,
            "title": self.title,
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "participants": self.participants,
            "target_group_size": self.target_group_size,
        }


class TeamLinkStatus(models.TextChoices):
    PENDING = "pending", _("Wacht op de teamcaptain")
    CONFIRMED = "confirmed", _("Bevestigd door de teamcaptain")
    DECLINED = "declined", _("Niet bevestigd door de teamcaptain")


class TeamLink(models.Model):
    """A 30DagenGezonder team added to an application as evidence (challenge_link.py). What the
    captain is asked to confirm is taken from the challenge when the applicant asks for it (the
    edition, its dates, participants per vignet theme: no names) and kept here, so the
    application keeps it when the challenge removes its participants' data. The team's name is
    not copied: it is shown from the challenge for as long as the challenge keeps it. Once the
    captain confirms, the link becomes the application's activities (one per vignet theme)."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="team_links",
        verbose_name=_("aanvraag"),
    )  # fmt: skip
    team = models.ForeignKey(
        "challenge.Team", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("team"),
    )  # fmt: skip
    status = models.CharField(_("status"), max_length=12, choices=TeamLinkStatus.choices,
                              default=TeamLinkStatus.PENDING)  # fmt: skip
    edition = models.CharField(_("editie"), max_length=255)
    starts_on = models.DateField(_("eerste dag"))
    ends_on = models.DateField(_("laatste dag"))
    participants = models.JSONField(
        _("deelnemers per thema"), default=dict,
        help_text=_("Teamleden met minstens 20 afgevinkte dagen, per thema van het vignet."),
    )  # fmt: skip
    requested_at = models.DateTimeField(_("aangevraagd op"), default=timezone.now)
    decided_at = models.DateTimeField(_("besluit van de teamcaptain op"), null=True, blank=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    token_expires_at = models.DateTimeField(editable=False)

    class Meta:
        verbose_name = _("team van 30DagenGezonder")
        verbose_name_plural = _("teams van 30DagenGezonder")
        ordering = ["requested_at", "pk"]
        default_permissions = ()

    def __str__(self):
        return f"{self.team_label} ({self.edition})"

    @property
    def team_label(self) -> str:
        """The team's name while the challenge keeps it (it is erased 30 days after day 30)."""
        if self.team_id and self.team.name:
            return self.team.name
        return str(_("team (naam niet meer bewaard)"))

    @property
    def is_confirmed(self) -> bool:
        return self.status == TeamLinkStatus.CONFIRMED

    @property
    def is_expired(self) -> bool:
        """Pending, and the captain's link no longer works."""
        return self.status == TeamLinkStatus.PENDING and self.token_expires_at < timezone.now()

    def participant_total(self) -> int:
        return sum(self.participants.values())


class Evidence(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("bestand"), upload_to=evidence_path, storage=private_storage,
                            max_length=255)  # fmt: skip
    name = models.CharField(_("bestandsnaam"), max_length=200)
    content_type = models.CharField(_("soort"), max_length=60)
    size = models.PositiveIntegerField(_("grootte (bytes)"))
    uploaded_at = models.DateTimeField(_("toegevoegd op"), default=timezone.now)

    class Meta:
        verbose_name = _("bewijsstuk")
        verbose_name_plural = _("bewijsstukken")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.name


class Event(AuditEvent):
    """Append-only audit log: every step of an application, who took it, and why."""

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="events", verbose_name=_("aanvraag")
    )
    action = models.CharField(_("stap"), max_length=30)
    from_status = models.CharField(_("van"), max_length=16, choices=Status.choices, blank=True)
    to_status = models.CharField(_("naar"), max_length=16, choices=Status.choices)

    class Meta(AuditEvent.Meta):
        verbose_name = _("stap in de beoordeling")
        verbose_name_plural = _("stappen in de beoordeling")

    def __str__(self):
        return f"{self.application}: {self.from_status or '–'} → {self.to_status}"

    @property
    def action_label(self) -> str:
        from .workflow import BY_ACTION

        step = BY_ACTION.get(self.action)
        labels = {
            "created": _("Concept aangemaakt"),
            "team_requested": _("Team van 30DagenGezonder toegevoegd"),
            "team_confirmed": _("Team bevestigd door de teamcaptain"),
            "team_declined": _("Team niet bevestigd door de teamcaptain"),
            "team_removed": _("Team van 30DagenGezonder verwijderd"),
        }
        return step.label if step else str(labels.get(self.action, ""))


class VignetQuerySet(models.QuerySet):
    def current(self, today=None):
        today = today or timezone.localdate()
        return self.filter(revoked_at__isnull=True, valid_from__lte=today, valid_until__gte=today)


def new_public_id() -> str:
    return secrets.token_urlsafe(16)  # 128 bits: the verification URL cannot be guessed


class Vignet(models.Model):
    """An awarded vignet. A renewal extends the same vignet, so its verification URL and badge
    stay the same for as long as the organisation holds it."""

    public_id = models.CharField(max_length=32, unique=True, default=new_public_id,
                                 editable=False)  # fmt: skip
    organisation = models.CharField(_("organisatie"), max_length=200)
    place = models.CharField(_("plaats"), max_length=100, blank=True)
    province = models.CharField(
        _("provincie"), max_length=20, choices=PROVINCES, blank=True,
        help_text=_("Voor de kaart van de beweging (/netwerk/kaart/)."),
    )  # fmt: skip
    contact_name = models.CharField(_("contactpersoon"), max_length=150)
    email = models.EmailField(_("e-mailadres"))
    first_awarded_on = models.DateField(_("eerste toekenning"))
    awarded_on = models.DateField(_("laatst toegekend op"))
    valid_from = models.DateField(_("geldig vanaf"))
    valid_until = models.DateField(_("geldig tot en met"), db_index=True)
    application = models.ForeignKey(
        Application,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("laatste aanvraag"),
    )
    reminders_sent = models.PositiveSmallIntegerField(_("herinneringen verstuurd"), default=0)
    holder_token_hash = models.CharField(max_length=64, blank=True, editable=False)
    holder_token_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    revoked_reason = models.TextField(_("reden van intrekken"), blank=True)

    objects = VignetQuerySet.as_manager()

    class Meta:
        verbose_name = _("vignet")
        verbose_name_plural = _("vignetten")
        ordering = ["organisation"]
        default_permissions = ("view",)

    def __str__(self):
        return _("%(organisation)s (geldig tot en met %(date)s)") % {
            "organisation": self.organisation,
            "date": criteria.dutch_date(self.valid_until),
        }

    def state(self, today=None) -> str:
        """'valid', 'expired' or 'revoked'."""
        today = today or timezone.localdate()
        if self.revoked_at:
            return "revoked"
        return "valid" if self.valid_from <= today <= self.valid_until else "expired"

    @property
    def renewal_opens(self):
        return criteria.renewal_opens(self.awarded_on)

    def renewal_in_progress(self) -> Application | None:
        return (
            self.renewals.exclude(status__in=[Status.AWARDED, Status.REJECTED])
            .order_by("-created_at")
            .first()
        )
