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
                FieldPanel("thank_you_text"),
                FieldPanel("retention_months"),
            ],
            heading=_("Provincie, bedanktekst en bewaartermijn"),
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
