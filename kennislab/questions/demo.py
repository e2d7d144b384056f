"""Demo content of the questions app (idempotent): the Health Transformation Community (and a
closed community), routes for two themes to a demo staff user when one exists (otherwise the
questions wait in the general inbox), and a few questions and interest registrations in various
states. Invented people; addresses on kennislab.example. Nothing is mailed: demo rows are written
directly, with their history."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from kennislab.content.demo.loader import Report
from kennislab.content.models import Theme

from .models import (
    AdviserRoute,
    InterestEvent,
    InterestRegistration,
    InterestStatus,
    LearningCommunity,
    Question,
    QuestionEvent,
    QuestionStatus,
)

CONSENT = "Ik geef toestemming (demo)."
COMMUNITIES = [
    {
        "slug": "health-transformation-community",
        "name": "Health Transformation Community",
        "description": (
            "Een groep van gemeenten, zorgverzekeraars, huisartsen en welzijn. Samen werken we in "
            "de regio aan minder zorg en meer gezondheid en preventie. Vier keer per jaar komen we "
            "bij elkaar. Dan bespreken we vragen uit de praktijk en leren we van elkaar. Meld je "
            "interesse, dan nemen we contact met je op."
        ),
        "is_open": True,
    },
    {
        "slug": "leerkring-gezonde-wijk",
        "name": "Leerkring Gezonde Wijk",
        "description": "De leerkring van dit jaar is vol; in het najaar start een nieuwe groep.",
        "is_open": False,
    },
]
ROUTED_THEMES = ["positieve-gezondheid", "leefstijl"]
# theme, name, e-mail, organisation, question, status, answer, days ago
QUESTIONS = [
    ("positieve-gezondheid", "Sanne Vermeulen", "sanne.vermeulen@kennislab.example",
     "Gemeente Lindeloo (verzonnen)",
     "Hoe beginnen we met Positieve Gezondheid in het sociaal domein als het team klein is?",
     QuestionStatus.OPEN, "", 2),
    ("leefstijl", "Jeroen Bakkum", "jeroen.bakkum@kennislab.example", "GGD Waterstreek (verzonnen)",
     "Zijn er voorbeelden van leefstijlcoaching op het mbo die we kunnen bekijken?",
     QuestionStatus.ANSWERED,
     "Ja: kijk bij ‘Eerste resultaten leefstijlcoaches op het mbo’ in het Kennislab. Ik breng "
     "je graag in contact met de projectleider.", 9),
    ("mentale-gezondheid", "Fatima el Idrissi", "fatima.elidrissi@kennislab.example", "",
     "Welke gemeenten werken al met een preventieakkoord mentale gezondheid voor jongeren?",
     QuestionStatus.OPEN, "", 1),
]  # fmt: skip
# community, name, e-mail, organisation, role, motivation, status, note, days ago
REGISTRATIONS = [
    ("health-transformation-community", "Lotte Hoekstra", "lotte.hoekstra@kennislab.example",
     "Zorgverzekeraar Noordwaard (verzonnen)", "Beleidsadviseur preventie",
     "We willen regionaal leren over gezondheid in plaats van zorg.", InterestStatus.NEW, "", 3),
    ("health-transformation-community", "Bram de Wit", "bram.dewit@kennislab.example",
     "Huisartsencoöperatie Kustvallei (verzonnen)", "", "", InterestStatus.CONTACTED,
     "Ik bel je volgende week om kennis te maken.", 12),
    ("health-transformation-community", "Mirjam Kok", "mirjam.kok@kennislab.example",
     "Adviesbureau Kok (verzonnen)", "Zelfstandig adviseur", "", InterestStatus.NOT_SUITABLE,
     "De leergemeenschap is bedoeld voor organisaties uit de regio zelf.", 20),
]  # fmt: skip


def database_has_content() -> bool:
    return LearningCommunity.objects.exists()


def demo_adviser():
    """A staff user for the demo routes: only one that already exists (none is created)."""
    users = get_user_model().objects.filter(is_staff=True, is_active=True).order_by("pk")
    return users.first()


def load_demo() -> Report:
    report = Report()
    with transaction.atomic():
        communities = {}
        for spec in COMMUNITIES:
            community, created = LearningCommunity.objects.get_or_create(
                slug=spec["slug"], defaults={k: v for k, v in spec.items() if k != "slug"}
            )
            communities[spec["slug"]] = community
            if created:
                report.add(f"leergemeenschap {community.name}")
        themes = {theme.slug: theme for theme in Theme.objects.all()}
        adviser = demo_adviser()
        if adviser is not None:
            for slug in ROUTED_THEMES:
                if slug in themes and not AdviserRoute.objects.filter(theme=themes[slug]).exists():
                    AdviserRoute.objects.create(theme=themes[slug], adviser=adviser)
                    report.add(f"vraagroute {slug} → {adviser.get_username()}")
        routes = {route.theme_id: route.adviser for route in AdviserRoute.objects.all()}
        now = timezone.now()
        for theme_slug, name, email, organisation, text, status, answer, days in QUESTIONS:
            theme = themes.get(theme_slug)
            if theme is None or Question.objects.filter(email=email, theme=theme).exists():
                continue
            at = now - timedelta(days=days)
            question = Question.objects.create(
                theme=theme, name=name, email=email, organisation=organisation, question=text,
                status=status, answer=answer, assigned_to=routes.get(theme.pk),
                consent_text=CONSENT, created_at=at, updated_at=at,
            )  # fmt: skip
            QuestionEvent.objects.create(question=question, action="ask", to_status="open",
                                         actor_label="vraagsteller", at=at)  # fmt: skip
            if status != QuestionStatus.OPEN:
                QuestionEvent.objects.create(
                    question=question, action="answer", from_status="open", to_status=status,
                    note=answer, actor_label="demo", at=at + timedelta(days=1),
                )  # fmt: skip
            report.add(f"vraag van {name}")
        for slug, name, email, organisation, role, motivation, status, note, days in REGISTRATIONS:
            community = communities[slug]
            if InterestRegistration.objects.filter(community=community, email=email).exists():
                continue
            at = now - timedelta(days=days)
            registration = InterestRegistration.objects.create(
                community=community, name=name, email=email, organisation=organisation,
                role=role, motivation=motivation, status=status, note=note,
                consent_text=CONSENT, created_at=at, updated_at=at,
            )  # fmt: skip
            InterestEvent.objects.create(registration=registration, action="register",
                                         to_status="new", actor_label="aanmelder",
                                         at=at)  # fmt: skip
            if status != InterestStatus.NEW:
                action = "contact" if status == InterestStatus.CONTACTED else "decline"
                InterestEvent.objects.create(
                    registration=registration, action=action, from_status="new",
                    to_status=status, note=note, actor_label="demo", at=at + timedelta(days=2),
                )  # fmt: skip
            report.add(f"interesse van {name}")
    return report
