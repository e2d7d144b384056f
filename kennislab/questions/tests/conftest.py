"""Fixtures for the questions tests: themes come from the content migration; staff users with
the questions permissions; a learning community."""

import pytest
from django.contrib.auth.models import Group, Permission, User

from kennislab.content.models import Theme
from kennislab.questions.models import AdviserRoute, LearningCommunity


def staff(username: str, *codenames: str, email: str = "") -> User:
    user = User.objects.create_user(username, password="x", is_staff=True,
                                    email=email or f"{username}@kennislab.example")  # fmt: skip
    group = Group.objects.create(name=f"groep-{username}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        group.permissions.add(
            Permission.objects.get(codename=codename, content_type__app_label="questions")
        )
    user.groups.add(group)
    return user


@pytest.fixture
def theme(db) -> Theme:
    return Theme.objects.get(slug="leefstijl")


@pytest.fixture
def other_theme(db) -> Theme:
    return Theme.objects.get(slug="mentale-gezondheid")


@pytest.fixture
def adviser(db) -> User:
    return staff("adviseur-leefstijl", "answer_question", email="leefstijl@kennislab.example")


@pytest.fixture
def coordinator(db) -> User:
    return staff("coordinator", "view_question", "answer_question",
                 email="coordinator@kennislab.example")  # fmt: skip


@pytest.fixture
def route(theme, adviser) -> AdviserRoute:
    return AdviserRoute.objects.create(theme=theme, adviser=adviser)


@pytest.fixture
def community(db) -> LearningCommunity:
    return LearningCommunity.objects.create(
        name="Health Transformation Community", slug="htc", description="Samen leren.",
    )  # fmt: skip


def question_data(theme_, **overrides) -> dict:
    """The POST body of a valid question."""
    data = {"name": "Anna Testers", "email": "anna@voorbeeld.example",
            "organisation": "GGD Testregio", "phone": "", "theme": theme_.slug,
            "question": "Hoe pak ik leefstijl aan in de wijk?", "consent": "on",
            "website": ""}  # fmt: skip
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def interest_data(**overrides) -> dict:
    data = {"name": "Bart Proef", "email": "bart@voorbeeld.example",
            "organisation": "Gemeente Proefstad", "role": "", "motivation": "",
            "consent": "on", "website": ""}  # fmt: skip
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
