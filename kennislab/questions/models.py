"""Questions to the network advisers and interest registrations for learning communities.

A question is routed to the adviser of its theme (AdviserRoute, edited by editors as a snippet);
without a route it waits unassigned in the general inbox. Interest registrations belong to a
LearningCommunity (a snippet); one active registration per e-mail address and community, held by
a partial unique constraint. Every status change is logged (QuestionEvent, InterestEvent)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from kennislab.content.models import Theme
from kennislab.core.models import AuditEvent


class AdviserRoute(models.Model):
    """Which staff member answers the questions about a theme."""

    theme = models.OneToOneField(
        Theme, on_delete=models.CASCADE, related_name="+", verbose_name=_("thema")
    )
    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to={"is_staff": True, "is_active": True},
        verbose_name=_("netwerkadviseur (gebruiker in de beheeromgeving)"),
        help_text=_(
            "Krijgt de vragen over dit thema in ‘Mijn vragen’ en een e-mail bij elke nieuwe "
            "vraag. Geef de gebruiker ook het recht ‘Kan vragen beantwoorden’."
        ),
    )

    panels = [FieldPanel("theme"), FieldPanel("adviser")]

    class Meta:
        verbose_name = _("vraagroute")
        verbose_name_plural = _("vraagroutes (thema → adviseur)")
        ordering = ["theme__sort_order", "theme__name"]

    def __str__(self):
        return f"{self.theme} → {self.adviser.get_full_name() or self.adviser.get_username()}"


class QuestionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ANSWERED = "answered", _("Beantwoord")
    CLOSED = "closed", _("Gesloten")


class Question(models.Model):
    """A question to the network adviser of a theme ("Stel je vraag aan de netwerkadviseur")."""

    theme = models.ForeignKey(
        Theme, on_delete=models.PROTECT, related_name="+", verbose_name=_("thema")
    )
    status = models.CharField(_("status"), max_length=20, choices=QuestionStatus.choices,
                              default=QuestionStatus.OPEN, db_index=True)  # fmt: skip
    name = models.CharField(_("naam"), max_length=150)
    email = models.EmailField(_("e-mailadres"))
    organisation = models.CharField(_("organisatie"), max_length=200, blank=True)
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    question = models.TextField(_("vraag"))
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("toegewezen aan"),
    )
    answer = models.TextField(_("antwoord of toelichting"), blank=True)
    consent_text = models.TextField(_("tekst van de toestemming"), blank=True)
    created_at = models.DateTimeField(_("gesteld op"), default=timezone.now)
    updated_at = models.DateTimeField(_("gewijzigd op"), default=timezone.now)

    class Meta:
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        ordering = ["-created_at", "-pk"]
        default_permissions = ("view",)
        permissions = [("answer_question", _("Kan vragen beantwoorden"))]

    def __str__(self):
        return _("Vraag %(number)s over %(theme)s") % {"number": self.reference,
                                                         "theme": self.theme}  # fmt: skip

    @property
    def reference(self) -> str:
        return f"V-{self.pk:05d}" if self.pk else "V-?"


class QuestionEvent(AuditEvent):
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="events", verbose_name=_("vraag")
    )
    action = models.CharField(_("stap"), max_length=30)
    from_status = models.CharField(_("van"), max_length=20, choices=QuestionStatus.choices,
                                   blank=True)  # fmt: skip
    to_status = models.CharField(_("naar"), max_length=20, choices=QuestionStatus.choices)

    class Meta(AuditEvent.Meta):
        verbose_name = _("wijziging van een vraag")
        verbose_name_plural = _("wijzigingen van vragen")

    def __str__(self):
        return f"{self.question}: {self.action}"

    @property
    def action_label(self) -> str:
        return str(STEP_LABELS.get(self.action, ""))


class LearningCommunity(models.Model):
    """A learning community people can register their interest for (e.g. the Health
    Transformation Community): the network gets back to them."""

    name = models.CharField(_("naam"), max_length=150, unique=True)
    slug = models.SlugField(_("korte naam in de URL"), max_length=100, unique=True)
    description = models.TextField(_("omschrijving"), blank=True)
    is_open = models.BooleanField(_("open voor aanmeldingen"), default=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"),
              FieldPanel("is_open")]  # fmt: skip

    class Meta:
        verbose_name = _("leergemeenschap")
        verbose_name_plural = _("leergemeenschappen")
        ordering = ["name"]

    def __str__(self):
        return self.name


class InterestStatus(models.TextChoices):
    NEW = "new", _("Nieuw")
    CONTACTED = "contacted", _("Contact opgenomen")
    NOT_SUITABLE = "not_suitable", _("Past niet")


ACTIVE_INTEREST = (InterestStatus.NEW, InterestStatus.CONTACTED)


class InterestRegistration(models.Model):
    community = models.ForeignKey(
        LearningCommunity, on_delete=models.PROTECT, related_name="registrations",
        verbose_name=_("leergemeenschap"),
    )  # fmt: skip
    status = models.CharField(_("status"), max_length=20, choices=InterestStatus.choices,
                              default=InterestStatus.NEW, db_index=True)  # fmt: skip
    name = models.CharField(_("naam"), max_length=150)
    email = models.EmailField(_("e-mailadres"))  # stored in lower case
    organisation = models.CharField(_("organisatie"), max_length=200)
    role = models.CharField(_("functie of rol"), max_length=150, blank=True)
    motivation = models.TextField(_("motivatie"), blank=True)
    note = models.TextField(_("laatste bericht aan de aanmelder"), blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("toegewezen aan"),
    )
    consent_text = models.TextField(_("tekst van de toestemming"), blank=True)
    created_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    updated_at = models.DateTimeField(_("gewijzigd op"), default=timezone.now)

    class Meta:
        verbose_name = _("interesse-aanmelding")
        verbose_name_plural = _("interesse-aanmeldingen")
        ordering = ["-created_at", "-pk"]
        default_permissions = ("view",)
        permissions = [("handle_interest", _("Kan interesse-aanmeldingen afhandelen"))]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "email"],
                condition=Q(status__in=["new", "contacted"]),
                name="questions_one_active_interest",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.community})"


STEP_LABELS = {
    "ask": _("Vraag gesteld"),
    "answer": _("Beantwoord"),
    "close": _("Gesloten zonder antwoord"),
    "register": _("Aangemeld"),
    "contact": _("Contact opgenomen"),
    "decline": _("Past niet"),
}


class InterestEvent(AuditEvent):
    registration = models.ForeignKey(
        InterestRegistration, on_delete=models.PROTECT, related_name="events",
        verbose_name=_("aanmelding"),
    )  # fmt: skip
    action = models.CharField(_("stap"), max_length=30)
    from_status = models.CharField(_("van"), max_length=20, choices=InterestStatus.choices,
                                   blank=True)  # fmt: skip
    to_status = models.CharField(_("naar"), max_length=20, choices=InterestStatus.choices)

    class Meta(AuditEvent.Meta):
        verbose_name = _("wijziging van een interesse-aanmelding")
        verbose_name_plural = _("wijzigingen van interesse-aanmeldingen")

    def __str__(self):
        return f"{self.registration}: {self.action}"

    @property
    def action_label(self) -> str:
        return str(STEP_LABELS.get(self.action, ""))
