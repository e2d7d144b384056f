"""Surveys: a Wagtail form page (wagtail.contrib.forms) with choice, scale and open questions,
a built-in optional region question, opening and closing dates and a thank-you text.

A response stores only the answers, the province (or nothing) and the day it came in: no e-mail,
no IP address, no user, no time of day (docs/decisions/0014-surveys.md)."""

from __future__ import annotations

from datetime import datetime, time

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField, AbstractFormSubmission

from kennislab.campaigns.rules import PROVINCE_NAMES
from kennislab.core.ratelimit import rate_limited
from kennislab.core.tokens import derived_key, new_seed, token_hash

from . import results
from .forms import SurveyFormBuilder

COOKIE_PREFIX = "vragenlijst-"
COOKIE_SALT = "kennislab.surveys.answered"
COOKIE_MAX_AGE = 60 * 60 * 24 * 365
ANOTHER_PERSON = "ander"  # ?ander=1: someone else on this computer answers
THANKS = "bedankt"  # ?bedankt=1: the thank-you text after a response


class QuestionType(models.TextChoices):
    RADIO = "radio", _("Eén antwoord kiezen (keuzerondjes)")
    CHECKBOXES = "checkboxes", _("Meerdere antwoorden kiezen (vinkjes)")
    SCALE = "scale", _("Schaal (bijvoorbeeld 1 tot 5)")
    SINGLELINE = "singleline", _("Open vraag, één regel")
    MULTILINE = "multiline", _("Open vraag, meerdere regels")


class SurveyQuestion(AbstractFormField):
    page = ParentalKey("SurveyPage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(_("soort vraag"), max_length=16, choices=QuestionType.choices)
    field_type.required_on_save = True

    panels = [
        FieldPanel("label", heading=_("Vraag")),
        FieldPanel("help_text", heading=_("Uitleg bij de vraag")),
        FieldRowPanel([FieldPanel("field_type"), FieldPanel("required", heading=_("Verplicht"))]),
        FieldPanel(
            "choices",
            heading=_("Antwoorden"),
            help_text=_(
                "Eén antwoord per regel. Bij een schaal: de omschrijving van elk punt, van laag "
                "naar hoog (leeg: 1 tot 5)."
            ),
        ),
    ]

    class Meta(AbstractFormField.Meta):
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")


class SurveyResponse(AbstractFormSubmission):
    """One response: `form_data` holds only the answers (keyed by the questions' clean names);
    `submit_time` is local midnight of the day it came in."""

    submit_time = models.DateTimeField(_("ingevuld op (dag)"), db_index=True)
    region = models.CharField(
        _("provincie"), max_length=20, blank=True, choices=list(PROVINCE_NAMES.items())
    )

    class Meta:
        verbose_name = _("antwoord op een vragenlijst")
        verbose_name_plural = _("antwoorden op vragenlijsten")

    def get_data(self):
        return {**super().get_data(), "region": self.get_region_display()}


def today_at_midnight() -> datetime:
    return timezone.make_aware(datetime.combine(timezone.localdate(), time.min))


class SurveyPage(AbstractForm):
    intro = models.TextField(_("introductie"), blank=True)
    thank_you_text = models.TextField(
        _("bedanktekst"),
        default="Dank je wel voor het invullen. Je antwoorden zijn opgeslagen.",
        help_text=_("Wat iemand leest na het versturen."),
    )
    opens_at = models.DateTimeField(_("open vanaf"), default=timezone.now)
    closes_at = models.DateTimeField(
        _("open tot"), null=True, blank=True, help_text=_("Leeg: blijft open.")
    )
    ask_region = models.BooleanField(
        _("vraag naar de provincie"),
        default=True,
        help_text=_("Een vraag (niet verplicht) zodat je de uitkomsten per provincie ziet."),
    )
    invitation_only = models.BooleanField(
        _("alleen met een persoonlijke uitnodiging"),
        default=False,
        help_text=_(
            "Voor een vragenlijst over het effect (kennisvouchers, 30-dagenuitdaging): alleen wie "
            "een uitnodiging per e-mail kreeg, kan hem invullen. Het cijfer komt van de eerste "
            "schaalvraag, een citaat van de eerste open vraag."
        ),
    )
    retention_months = models.PositiveSmallIntegerField(
        _("antwoorden bewaren (maanden)"),
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_(
            "Zo lang na het invullen blijven de antwoorden bewaard; daarna verwijdert de "
            "dagelijkse taak ze (privacyregister)."
        ),
    )

    content_panels = [
        *AbstractForm.content_panels,
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        InlinePanel("form_fields", heading=_("Vragen"), label=_("Vraag")),
        MultiFieldPanel(
            [
                FieldPanel("ask_region"),
                FieldPanel("invitation_only"),
                FieldPanel("thank_you_text"),
                FieldPanel("retention_months"),
            ],
            heading=_("Provincie, uitnodiging, bedanktekst en bewaartermijn"),
        ),
    ]
    form_builder = SurveyFormBuilder
    parent_page_types = ["content.HomePage"]
    subpage_types = []
    template = "surveys/survey_page.html"
    landing_page_template = "surveys/survey_page.html"

    class Meta:
        verbose_name = _("vragenlijst")
        verbose_name_plural = _("vragenlijsten")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("Een vragenlijst moet sluiten na het openen.")})

    # --- state --------------------------------------------------------------------------------

    def state(self, now=None) -> str:
        """One of "not_yet", "open" or "closed"."""
        now = now or timezone.now()
        if now < self.opens_at:
            return "not_yet"
        if self.closes_at and now >= self.closes_at:
            return "closed"
        return "open"

    @property
    def unlisted(self) -> bool:
        """Not in the footer's links (kennislab.core.context_processors) nor the sitemap."""
        return self.invitation_only

    def get_sitemap_urls(self, request=None):
        """A survey for invited people only is reached by their private links, not found."""
        return [] if self.invitation_only else super().get_sitemap_urls(request)

    def questions(self) -> list[results.Question]:
        return [question_of(field) for field in self.get_form_fields()]

    def get_submission_class(self):
        return SurveyResponse

    def get_form(self, *args, **kwargs):
        kwargs.setdefault("page", self)
        return super().get_form(*args, **kwargs)

    def process_form_submission(self, form):
        return SurveyResponse.objects.create(
            page=self,
            form_data=form.answers(),
            region=form.cleaned_data.get("region", "") if self.ask_region else "",
            submit_time=today_at_midnight(),
        )

    # --- the answered cookie ------------------------------------------------------------------

    @property
    def cookie_name(self) -> str:
        return f"{COOKIE_PREFIX}{self.pk}"

    def answered_here(self, request) -> bool:
        value = request.get_signed_cookie(self.cookie_name, default=None, salt=COOKIE_SALT)
        return value == "1"

    # --- serving ------------------------------------------------------------------------------

    def serve(self, request, *args, **kwargs):
        response = _serve_limited(request, self)
        patch_cache_control(response, no_cache=True, private=True)
        return response

    def serve_form(self, request):
        state = self.state()
        answered = self.answered_here(request)
        another = request.GET.get(ANOTHER_PERSON) == "1"
        context = self.get_context(request)
        context.update(state=state, answered=answered, another=another, form=None,
                       thanks=answered and request.GET.get(THANKS) == "1")  # fmt: skip
        context["another_url"] = f"{self.get_url(request)}?{ANOTHER_PERSON}=1"
        status = 200
        if state != "open":
            if request.method == "POST":
                context["refusal"] = (
                    _t("Deze vragenlijst is nog niet open. Er is niets opgeslagen.")
                    if state == "not_yet"
                    else _t("Deze vragenlijst is gesloten. Er is niets opgeslagen.")
                )
                status = 400
        elif self.invitation_only:
            if request.method == "POST":
                context["refusal"] = _t(
                    "Deze vragenlijst vul je in via de persoonlijke link in je e-mail. Er is "
                    "niets opgeslagen."
                )
                status = 400
        elif answered and not another:
            if request.method == "POST":
                context["refusal"] = _t(
                    "Je hebt deze vragenlijst al ingevuld. Er is niets opgeslagen."
                )
                status = 400
        elif request.method == "POST":
            form = self.get_form(request.POST, page=self, user=None)
            if form.is_valid():
                self.process_form_submission(form)
                response = redirect(f"{self.get_url(request)}?{THANKS}=1")
                response.status_code = 303
                response.set_signed_cookie(
                    self.cookie_name, "1", salt=COOKIE_SALT, max_age=COOKIE_MAX_AGE,
                    httponly=True, samesite="Lax", secure=request.is_secure(),
                )  # fmt: skip
                return response
            context["form"] = form
            status = 400
        else:
            context["form"] = self.get_form(page=self, user=None)
        return TemplateResponse(request, self.get_template(request), context, status=status)


@rate_limited("survey", limit=60, window=3600, methods=["POST"])
def _serve_limited(request, page):
    return page.serve_form(request)


def question_of(field: SurveyQuestion) -> results.Question:
    from .forms import choices_of

    return results.Question(
        key=field.clean_name or field.get_field_clean_name(),
        label=field.label,
        kind=field.field_type,
        choices=tuple(choices_of(field)),
    )


# --- the impact follow-up (the rules: impact_rules.py; applying them: impact.py) -----------------


def new_key_seed() -> str:  # named in the migrations
    return new_seed()


KEY_PURPOSE = "kennislab.surveys.impact"


def impact_key_for(seed: str) -> str:
    """The key in an invitation's private link, derived from the row's random seed and the
    SECRET_KEY: the reminder, written two weeks later by the daily job, carries the same link
    although the database holds only the key's hash."""
    return derived_key(KEY_PURPOSE, seed)


class ImpactKind(models.TextChoices):
    VOUCHER = "voucher", _("Kennisvoucher")
    CHALLENGE = "challenge", _("30-dagenuitdaging")


class ImpactInvitation(models.Model):
    """One invitation to the impact survey, for one definitively granted voucher application or
    one confirmed challenge participant: at most one ever (the one-to-one fields), with its
    private link, the one reminder, the one response and the consent to quote it."""

    page = models.ForeignKey(
        SurveyPage, on_delete=models.PROTECT, related_name="impact_invitations",
        verbose_name=_("vragenlijst"),
    )  # fmt: skip
    kind = models.CharField(_("soort"), max_length=12, choices=ImpactKind.choices)
    application = models.OneToOneField(
        "vouchers.Application", null=True, blank=True, on_delete=models.CASCADE,
        related_name="impact_invitation", verbose_name=_("voucheraanvraag"),
    )  # fmt: skip
    participant = models.OneToOneField(
        "challenge.Participant", null=True, blank=True, on_delete=models.CASCADE,
        related_name="impact_invitation", verbose_name=_("deelnemer"),
    )  # fmt: skip
    key_seed = models.CharField(max_length=64, default=new_key_seed, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    sent_at = models.DateTimeField(_("uitnodiging verstuurd op"), default=timezone.now)
    expires_at = models.DateTimeField(_("link werkt tot"))
    reminded_at = models.DateTimeField(_("herinnering verstuurd op"), null=True, blank=True)
    declined_at = models.DateTimeField(_("wil niet meedoen sinds"), null=True, blank=True)
    responded_at = models.DateTimeField(_("ingevuld op"), null=True, blank=True)
    response = models.OneToOneField(
        SurveyResponse, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("antwoorden"),
    )  # fmt: skip
    quote_consent = models.BooleanField(_("toestemming voor een citaat"), default=False)
    quote_shown = models.BooleanField(
        _("citaat op de site"),
        default=False,
        help_text=_("Een medewerker heeft het citaat gelezen en op de site gezet."),
    )

    class Meta:
        verbose_name = _("uitnodiging voor de vragenlijst over het effect")
        verbose_name_plural = _("uitnodigingen voor de vragenlijst over het effect")
        ordering = ["-sent_at", "pk"]
        default_permissions = ()
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind="voucher", application__isnull=False, participant__isnull=True)
                    | models.Q(kind="challenge", application__isnull=True,
                               participant__isnull=False)
                ),
                name="impact_invitation_one_subject",
            ),
        ]  # fmt: skip
        indexes = [models.Index(fields=["reminded_at", "sent_at"], name="impact_reminder_idx")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.page} ({self.sent_at:%Y-%m-%d})"

    def save(self, *args, **kwargs):
        if not self.key_hash:
            self.key_hash = token_hash(self.key)
        super().save(*args, **kwargs)

    @property
    def key(self) -> str:
        return impact_key_for(self.key_seed)
