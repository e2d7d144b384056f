import itertools
from datetime import timedelta

import pytest
from django.utils import timezone

from kennislab.content.site import ensure_home
from kennislab.surveys.models import SurveyPage, SurveyQuestion

_numbers = itertools.count(1)

# (label, kind, choices, required)
QUESTIONS = [
    ("Thema's", "checkboxes", "Roken\nOvergewicht\nEenzaamheid", True),
    ("Urgentie", "scale", "Laag\nMiddel\nHoog", True),
    ("Rol", "radio", "Gemeente\nGGD", True),
    ("Toelichting", "multiline", "", False),
    ("Gemeente", "singleline", "", False),
]
KEYS = ["themas", "urgentie", "rol", "toelichting", "gemeente"]


def build_survey(*, opens_in=timedelta(days=-1), closes_in=None, questions=QUESTIONS, **fields):
    number = next(_numbers)
    now = timezone.now()
    page = SurveyPage(
        title=fields.pop("title", f"Vragenlijst test {number}"),
        slug=fields.pop("slug", f"vragenlijst-test-{number}"),
        opens_at=now + opens_in,
        closes_at=now + closes_in if closes_in is not None else None,
        thank_you_text="Bedankt voor het meedoen aan de test.",
        **fields,
    )
    for order, (label, kind, choices, required) in enumerate(questions):
        page.form_fields.add(SurveyQuestion(sort_order=order, label=label, field_type=kind,
                                            choices=choices, required=required))  # fmt: skip
    ensure_home().add_child(instance=page)
    page.save_revision().publish()
    return SurveyPage.objects.get(pk=page.pk)


def valid_post(**overrides):
    data = {
        "themas": ["Roken", "Eenzaamheid"],
        "urgentie": "3",
        "rol": "GGD",
        "toelichting": "Meer aandacht voor eenzaamheid.",
        "gemeente": "",
        "region": "utrecht",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def survey(db):
    return build_survey()


@pytest.fixture
def make_survey(db):
    return build_survey
