"""Events and webinars: the agenda page, event pages, registrations with a waiting list and their
audit log, and sign-ups to watch a past webinar back.

How many places are taken is never stored as a counter: it is counted from the registrations,
under a lock on the event's row (services.py), so a capacity holds under concurrent sign-ups.
"""

from __future__ import annotations

from django import forms
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

from kennislab.content.blocks import ContentPageBody
from kennislab.content.models import Theme
from kennislab.core.models import AuditEvent

from . import rules


class Kind(models.TextChoices):
    WEBINAR = "webinar", _("Webinar")
    LECTURE = "lecture", _("Online lezing")
    WORKSHOP = "workshop", _("Workshop")
    MARKET = "market", _("Informatiemarkt")
    TALK = "talk", _("Gesprek of presentatie")
    TRY_OUT = "try_out", _("Uitproberen")
    OTHER = "other", _("Anders")


class Status(models.TextChoices):
    REGISTERED = rules.REGISTERED, _("Aangemeld")
    WAITING = rules.WAITING, _("Op de wachtlijst")
    CANCELLED = rules.CANCELLED, _("Afgemeld")


RESERVED_SLUGS = {"feed", "thema", "aanmelding"}  # used by the URLs under /agenda/ (urls.py)


class AgendaPage(Page):
    """One agenda: every upcoming event (and, later, approved campaign activities)."""

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

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        patch_cache_control(response, no_cache=True)  # live places left per event
        return response


class EventPage(Page):
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.WEBINAR)
    starts_at = models.DateTimeField(_("begint op"))
    ends_at = models.DateTimeField(_("eindigt op"))
    online = models.BooleanField(_("online"), default=False)
    location = models.CharField(
        _("plaats"), max_length=200, blank=True, help_text=_("Adres of zaal; leeg bij online.")
    )
    join_url = models.URLField(
        _("link om deel te nemen"),
        blank=True,
        help_text=_("Alleen in de bevestiging aan wie is aangemeld, niet op de pagina."),
    )
    capacity = models.PositiveIntegerField(
        _("aantal plaatsen"), null=True, blank=True, help_text=_("Leeg: geen maximum.")
    )
    registration = models.BooleanField(_("aanmelden nodig"), default=True)
    registration_closes_at = models.DateTimeField(
        _("aanmelden kan tot"), null=True, blank=True, help_text=_("Leeg: tot het begin.")
    )
    intro = models.TextField(_("introductie"), blank=True)
    body = StreamField(ContentPageBody(), blank=True, verbose_name=_("inhoud"))
    organiser = models.CharField(_("organisator"), max_length=200, blank=True)
    themes = ParentalManyToManyField(Theme, blank=True, related_name="+", verbose_name=_("thema's"))
    materials = StreamField(
        ContentPageBody(),
        blank=True,
        verbose_name=_("terugkijken: opname, presentatie en fragmenten"),
        help_text=_(
            "Na afloop zichtbaar voor wie zijn e-mailadres achterlaat. Links naar de opname, "
            "de presentatie als document, fragmenten."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("organiser")]),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading=_("Wanneer")),
        MultiFieldPanel(
            [FieldPanel("online"), FieldPanel("location"), FieldPanel("join_url")],
            heading=_("Waar"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration"),
                FieldPanel("capacity"),
                FieldPanel("registration_closes_at"),
            ],
            heading=_("Aanmelden"),
        ),
        FieldPanel("intro"),
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
        return self.ends_at <= timezone.now()

    def get_context(self, request, *args, **kwargs):
        from .services import places

        context = super().get_context(request, *args, **kwargs)
        context["places"] = places(self)
        context["phase"] = self.phase()
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        patch_cache_control(response, no_cache=True)  # live places left
        return response


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

    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="+")
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
