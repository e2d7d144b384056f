"""The 30-day challenge "30DagenGezonder": a page per yearly edition with its campaign materials,
participants (double opt-in) and teams, the days they tick off, and the support messages that
editors write per day and theme, with a record of what was sent to whom.

Public figures are counted from the participants (confirmed ones only), never stored as counters.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from kennislab.campaigns.rules import PROVINCES
from kennislab.content.blocks import ContentPageBody
from kennislab.core.pagecache import LivePageMixin
from kennislab.core.tokens import derived_key, new_seed, token_hash

from . import rules


def new_unsubscribe_seed() -> str:  # named in the migrations
    return new_seed()


def unsubscribe_key_for(seed: str) -> str:
    """The key in a participant's unsubscribe link, derived from the row's random seed and the
    SECRET_KEY (core.tokens.derived_key); the database holds the seed and the key's hash."""
    return derived_key("kennislab.challenge.unsubscribe", seed)


key_hash = token_hash  # the stored form of a key


def new_unsubscribe_fields() -> dict[str, str]:
    """A seed and the hash of its key, for participants written without save() (bulk_create)."""
    seed = new_unsubscribe_seed()
    return {"unsubscribe_seed": seed, "unsubscribe_hash": key_hash(unsubscribe_key_for(seed))}


class Theme(models.TextChoices):
    EXERCISE = "exercise", _("Bewegen")
    HEALTHY_EATING = "healthy_eating", _("Gezonder eten")
    NO_ALCOHOL = "no_alcohol", _("Geen alcohol")
    LESS_SUGAR = "less_sugar", _("Minder suiker")
    RELAXATION = "relaxation", _("Ontspanning")
    SLEEP = "sleep", _("Slapen")
    OTHER = "other", _("Anders")


class Status(models.TextChoices):
    PENDING = rules.PENDING, _("Nog niet bevestigd")
    CONFIRMED = rules.CONFIRMED, _("Bevestigd")


class Participation(models.TextChoices):
    ALONE = rules.ALONE, _("Alleen")
    START_TEAM = rules.START_TEAM, _("Ik start een team")
    JOIN_TEAM = rules.JOIN_TEAM, _("Ik doe mee met een team")


class Audience(models.TextChoices):
    ORGANISERS = "organisers", _("Regionale organisatoren")
    SCHOOLS = "schools", _("Scholen")
    COMPANIES = "companies", _("Bedrijven")
    EVERYONE = "everyone", _("Iedereen")


SUPPORT_DAY_CHOICES = [(day, format_lazy(_("Dag {day}"), day=day)) for day in rules.SUPPORT_DAYS]
RESERVED_SLUGS = {"deelname", "afmelden", "effect"}  # used by the URLs under /uitdaging/


def local_midnight(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


class ChallengePage(LivePageMixin, Page):
    """One yearly edition of the challenge. Its live figures may be LIVE_SECONDS old in the page
    cache (core/pagecache.py); sign-ups do not empty the cache."""

    year = models.PositiveIntegerField(_("editie (jaar)"))
    starts_on = models.DateField(
        _("eerste dag"), help_text=_("Dag 1 van de 30 dagen; dag 30 is 29 dagen later.")
    )
    signup_opens_at = models.DateTimeField(_("aanmelden kan vanaf"))
    signup_closes_at = models.DateTimeField(
        _("aanmelden kan tot"),
        help_text=_("Aanmelden kan ook tijdens de maand zelf, tot dit moment."),
    )
    intro = models.TextField(_("introductie"), blank=True)
    body = StreamField(ContentPageBody(), blank=True, verbose_name=_("inhoud"))
    impact_survey = models.ForeignKey(
        "surveys.SurveyPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("vragenlijst over het effect"),
        help_text=_(
            "Twee weken na de laatste dag krijgen deelnemers deze vragenlijst, als ze daar bij "
            "het aanmelden om vroegen. Leeg: geen vragenlijst."
        ),
    )  # fmt: skip

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("year"),
                FieldPanel("starts_on"),
                FieldRowPanel([FieldPanel("signup_opens_at"), FieldPanel("signup_closes_at")]),
                FieldPanel("impact_survey"),
            ],
            heading=_("Editie en aanmelden"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel(
            "materials",
            heading=_("Campagnemateriaal"),
            label=_("Materiaal"),
            help_text=_("Posters, toolkits en kaarten om te downloaden, voor organisatoren."),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = []
    template = "challenge/challenge_page.html"

    class Meta:
        verbose_name = _("30-dagenuitdaging (editie)")
        verbose_name_plural = _("30-dagenuitdagingen (edities)")

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("Deze korte naam is gereserveerd; kies een andere.")})
        if self.signup_opens_at and self.signup_closes_at:
            if self.signup_closes_at <= self.signup_opens_at:
                raise ValidationError(
                    {"signup_closes_at": _("Aanmelden moet sluiten na het openen.")}
                )
            if self.starts_on and self.signup_closes_at > local_midnight(
                self.ends_on + timedelta(1)
            ):
                raise ValidationError(
                    {"signup_closes_at": _("Aanmelden moet uiterlijk op dag 30 sluiten.")}
                )

    @property
    def ends_on(self):
        return rules.ends_on(self.starts_on)

    def signup_state(self, now=None) -> str:
        return rules.signup_state(
            self.signup_opens_at, self.signup_closes_at, now or timezone.now()
        )

    def links_expire_at(self) -> datetime:
        """Private links work until the end of the 30th day after day 30."""
        return local_midnight(rules.link_valid_until(self.starts_on) + timedelta(days=1))

    def get_context(self, request, *args, **kwargs):
        from .services import figures

        context = super().get_context(request, *args, **kwargs)
        context["state"] = self.signup_state()
        context["figures"] = figures(self)
        context["materials"] = self.materials.select_related("document").filter(
            document__isnull=False
        )
        return context


class ChallengeMaterial(Orderable):
    """A download for regional organisers, schools or companies (poster, toolkit, postcards)."""

    page = ParentalKey(ChallengePage, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    audience = models.CharField(
        _("voor wie"), max_length=20, choices=Audience.choices, default=Audience.ORGANISERS
    )
    # null: a deleted document hides the material instead of blocking the deletion
    document = models.ForeignKey(
        get_document_model_string(), null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("document"),
    )  # fmt: skip

    panels = [
        FieldPanel("title"),
        FieldPanel("audience"),
        FieldPanel("description"),
        FieldPanel("document"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("campagnemateriaal")
        verbose_name_plural = _("campagnemateriaal")

    def __str__(self):
        return self.title


class Team(models.Model):
    page = models.ForeignKey(
        ChallengePage, on_delete=models.PROTECT, related_name="teams", verbose_name=_("editie")
    )
    name = models.CharField(_("teamnaam"), max_length=100)
    code = models.CharField(_("uitnodigingscode"), max_length=rules.CODE_LENGTH, unique=True)
    created_at = models.DateTimeField(_("gestart op"), default=timezone.now)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["page", "name"]
        default_permissions = ("view",)

    def __str__(self):
        return self.name


class Participant(models.Model):
    page = models.ForeignKey(
        ChallengePage, on_delete=models.PROTECT, related_name="participants",
        verbose_name=_("editie"),
    )  # fmt: skip
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    name = models.CharField(_("naam"), max_length=150)
    email = models.EmailField(_("e-mailadres"))
    email_key = models.CharField(max_length=254, editable=False)
    theme = models.CharField(_("thema"), max_length=20, choices=Theme.choices)
    goal = models.CharField(_("persoonlijk doel"), max_length=500)
    participation = models.CharField(
        _("deelname"), max_length=12, choices=Participation.choices, default=Participation.ALONE
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.PROTECT, related_name="members",
        verbose_name=_("team"),
    )  # fmt: skip
    province = models.CharField(
        _("provincie"), max_length=20, choices=PROVINCES, blank=True,
        help_text=_("Voor de kaart van de beweging (/netwerk/kaart/)."),
    )  # fmt: skip
    consent_text = models.TextField(_("tekst van de toestemming"))
    impact_consent = models.BooleanField(
        _("wil de vragenlijst over het effect"),
        default=False,
        help_text=_("Gevraagd bij het aanmelden; alleen dan sturen we de vragenlijst."),
    )
    created_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    subscribed = models.BooleanField(_("ontvangt steunberichten"), default=True)
    unsubscribed_at = models.DateTimeField(_("afgemeld voor berichten op"), null=True, blank=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    token_expires_at = models.DateTimeField(editable=False)
    # The unsubscribe link is in every support message, which a later job writes, so its key is
    # derived from a random seed and the SECRET_KEY (unsubscribe_key_for); only its hash is
    # stored, like the other private links. It only switches the support messages off or on.
    unsubscribe_seed = models.CharField(max_length=64, default=new_unsubscribe_seed, editable=False)
    unsubscribe_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The hash of the random key of a participant from before keys were hashed: links in mails
    # sent before then keep working.
    old_unsubscribe_hash = models.CharField(
        max_length=64, null=True, blank=True, unique=True, editable=False
    )

    class Meta:
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        ordering = ["page", "created_at", "pk"]
        default_permissions = ("view",)
        constraints = [
            models.UniqueConstraint(
                fields=["page", "email_key"], name="challenge_one_participation_per_email"
            ),
        ]
        indexes = [models.Index(fields=["page", "status", "subscribed"], name="challenge_mailable")]

    def __str__(self):
        return f"{self.name} – {self.page}"

    def save(self, *args, **kwargs):
        if not self.unsubscribe_hash:
            self.unsubscribe_hash = key_hash(self.unsubscribe_key)
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "unsubscribe_hash"}
        super().save(*args, **kwargs)

    @property
    def unsubscribe_key(self) -> str:
        return unsubscribe_key_for(self.unsubscribe_seed)


class CheckIn(models.Model):
    """A day the participant ticked off."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="checkins")
    day = models.PositiveSmallIntegerField(_("dag"))
    created_at = models.DateTimeField(_("afgevinkt op"), default=timezone.now)

    class Meta:
        verbose_name = _("afgevinkte dag")
        verbose_name_plural = _("afgevinkte dagen")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["participant", "day"], name="challenge_checkin_once"),
            models.CheckConstraint(
                condition=models.Q(day__gte=1, day__lte=rules.CHALLENGE_DAYS),
                name="challenge_checkin_day_in_range",
            ),
        ]

    def __str__(self):
        return f"{self.participant}: dag {self.day}"


class SupportMessage(models.Model):
    """A support message for one day, for one theme or (theme empty) for every theme without its
    own text. Edited by editors as a snippet."""

    day = models.PositiveSmallIntegerField(_("dag"), choices=SUPPORT_DAY_CHOICES)
    theme = models.CharField(
        _("thema"),
        max_length=20,
        choices=Theme.choices,
        blank=True,
        help_text=_("Leeg: voor alle thema's die voor deze dag geen eigen bericht hebben."),
    )
    subject = models.CharField(_("onderwerp"), max_length=150)
    body = models.TextField(
        _("tekst"),
        help_text=_(
            "Gewone tekst. Je kunt invullen: {naam} (de naam van de deelnemer), {doel} (het "
            "persoonlijke doel), {dag} (de dag van de uitdaging) en {thema}. Onder elk bericht "
            "zetten we zelf de link om af te melden."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("day"), FieldPanel("theme")]),
        FieldPanel("subject"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("steunbericht")
        verbose_name_plural = _("steunberichten")
        ordering = ["day", "theme"]
        constraints = [
            models.UniqueConstraint(
                fields=["day", "theme"],
                name="challenge_message_per_day_theme",
                violation_error_message=_("Voor deze dag en dit thema is er al een bericht."),
            )
        ]

    def __str__(self):
        theme = self.get_theme_display() if self.theme else _("alle thema's")
        return f"Dag {self.day} ({theme}): {self.subject}"

    def clean(self):
        super().clean()
        errors = {}
        for field in ("subject", "body"):
            unknown = rules.unknown_placeholders(getattr(self, field) or "")
            if unknown:
                errors[field] = _(
                    "Onbekend om in te vullen: %(names)s. Wel mogelijk: %(known)s."
                ) % {
                    "names": ", ".join("{" + name + "}" for name in unknown),
                    "known": ", ".join("{" + name + "}" for name in rules.PLACEHOLDERS),
                }
        if errors:
            raise ValidationError(errors)
        duplicate = SupportMessage.objects.filter(day=self.day, theme=self.theme).exclude(
            pk=self.pk
        )
        if self.day and duplicate.exists():
            raise ValidationError(
                {"theme": _("Voor deze dag en dit thema is er al een bericht; pas dat aan.")}
            )


class SentMessage(models.Model):
    """A support message that was queued for a participant (so no day is sent twice)."""

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="sent_messages"
    )
    day = models.PositiveSmallIntegerField(_("dag"))
    message = models.ForeignKey(
        SupportMessage, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(_("verstuurd op"), default=timezone.now)

    class Meta:
        verbose_name = _("verstuurd steunbericht")
        verbose_name_plural = _("verstuurde steunberichten")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["participant", "day"], name="challenge_sent_once")
        ]

    def __str__(self):
        return f"{self.participant}: dag {self.day}"
