"""Demo content of the surveys app: a survey on the local prevention themes, open now, with 40
invented responses across the provinces so the results page shows something, and the impact
follow-up (demo_impact.py). Idempotent: the page is found by its slug, and responses are only
added to a survey that has none."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from kennislab.campaigns.rules import PROVINCES
from kennislab.content.demo.loader import Report
from kennislab.content.site import ensure_home

from .demo_impact import ImpactDemoLoader
from .models import SurveyPage, SurveyQuestion, SurveyResponse

SLUG = "vragenlijst-preventie-in-je-gemeente"
THEMES = [
    "Problematisch alcoholgebruik",
    "Roken",
    "Overgewicht",
    "Eenzaamheid",
    "Werkloosheid",
    "Armoede",
    "Psychische problemen",
]
URGENCY = ["Niet urgent", "Weinig urgent", "Enigszins urgent", "Urgent", "Zeer urgent"]
ROLES = [
    "Gemeente",
    "GGD",
    "Zorg of welzijn",
    "Onderwijs",
    "Werkgever",
    "Bewonersinitiatief",
    "Anders",
]
QUESTIONS = [
    ("Welke thema's spelen in je gemeente?", "checkboxes", THEMES, True,
     "Kies de thema's waar in je gemeente het meest mee te doen is."),
    ("Hoe urgent is een lokaal preventieakkoord in je gemeente?", "scale", URGENCY, True, ""),
    ("Wat is je rol?", "radio", ROLES, True, ""),
    ("Wat zou het netwerk voor je gemeente kunnen doen?", "multiline", [], False,
     "Bijvoorbeeld een vervolgbijeenkomst, hulp bij een gezamenlijk doel of een goed voorbeeld."),
]  # fmt: skip
INTRO = (
    "Het landelijke akkoord over preventie gaat over drie dingen: te veel alcohol drinken, roken "
    "en overgewicht. Maar ook eenzaamheid, geen werk hebben, armoede en psychische klachten "
    "spelen mee. Met deze korte vragenlijst willen we weten wat er in je gemeente speelt. Daarna "
    "helpen we je graag verder. Bijvoorbeeld met een nieuwe bijeenkomst, of met een doel dat je "
    "samen kiest."
)
THANKS = (
    "Dank je wel voor het invullen. We bespreken de uitkomsten in het netwerk en nemen contact op "
    "met gemeenten die een vervolgbijeenkomst willen (demo-inhoud, verzonnen)."
)
OPEN_ANSWERS = [
    "Een bijeenkomst met de wijkteams over eenzaamheid onder ouderen.",
    "Voorbeelden van gemeenten die al een lokaal akkoord hebben.",
    "Hulp bij het betrekken van sportverenigingen bij een rookvrije omgeving.",
    "Een gezamenlijk doel met de scholen over gezond gewicht.",
    "Kennis over schulden en gezondheid, voor onze schuldhulpverleners.",
    "",
]
RESPONSES = 40


def _invented_responses(page: SurveyPage, keys: list[str]) -> list[SurveyResponse]:
    chance = random.Random(7)  # noqa: S311 — invented demo data, the same every time
    today = timezone.localdate()
    regions = [slug for slug, _name in PROVINCES] + [""] * 3
    responses = []
    for _n in range(RESPONSES):
        themes = chance.sample(THEMES, chance.randint(1, 4))
        answers = {
            keys[0]: [theme for theme in THEMES if theme in themes],
            keys[1]: str(chance.choice([2, 3, 3, 4, 4, 4, 5, 5])),
            keys[2]: chance.choice(ROLES),
            keys[3]: chance.choice(OPEN_ANSWERS),
        }
        day = today - timedelta(days=chance.randint(0, 20))
        responses.append(
            SurveyResponse(
                page=page, form_data=answers, region=chance.choice(regions),
                submit_time=timezone.make_aware(datetime.combine(day, time.min)),
            )
        )  # fmt: skip
    return responses


def database_has_content() -> bool:
    return SurveyPage.objects.exists()


def load_demo() -> Report:
    report = Report()
    with transaction.atomic():
        home = ensure_home()
        page = SurveyPage.objects.filter(slug=SLUG).first()
        if page is None:
            page = SurveyPage(
                slug=SLUG,
                title="Preventie in je gemeente",
                intro=INTRO,
                thank_you_text=THANKS,
                opens_at=timezone.now() - timedelta(days=21),
                closes_at=None,
                show_in_menus=False,
            )
            for order, (label, kind, choices, required, help_text) in enumerate(QUESTIONS):
                page.form_fields.add(
                    SurveyQuestion(sort_order=order, label=label, field_type=kind,
                                   choices="\n".join(choices), required=required,
                                   help_text=help_text)
                )  # fmt: skip
            home.add_child(instance=page)
            page.save_revision().publish()
            page = SurveyPage.objects.get(pk=page.pk)
            report.add(f"pagina {page.url_path}")
        if not SurveyResponse.objects.filter(page=page).exists():
            keys = [question.key for question in page.questions()]
            SurveyResponse.objects.bulk_create(_invented_responses(page, keys))
            report.add(f"{RESPONSES} antwoorden op de vragenlijst")
        report.created.extend(ImpactDemoLoader().load().created)
    return report
