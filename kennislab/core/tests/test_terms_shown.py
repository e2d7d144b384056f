"""The decision term reaches the applicant of every kind: the date in the confirmation mail, and
on the private status page where there is one. It follows the setting (DECISION_TERMS)."""

import re

import pytest
from django.utils import timezone

from kennislab.campaigns.tests.relay_factories import (  # noqa: F401  (fixtures)
    add_activity,
    campaign,
    clock,
    required,
)
from kennislab.core.dates import dutch_date
from kennislab.core.models import OutgoingEmail
from kennislab.core.workdays import add_working_days

pytestmark = pytest.mark.django_db


def due(days: int) -> str:
    return dutch_date(add_working_days(timezone.localdate(), days))


def last_mail(to: str) -> OutgoingEmail:
    return OutgoingEmail.objects.filter(to=to).order_by("-pk").first()


def test_a_question_and_an_interest_registration(settings):
    from kennislab.content.models import Theme
    from kennislab.questions import services
    from kennislab.questions.models import LearningCommunity
    from kennislab.questions.tests.conftest import interest_data

    settings.DECISION_TERMS = {**settings.DECISION_TERMS, "question": 3, "interest": 7}
    theme = Theme.objects.get(slug="leefstijl")
    question = services.ask({"name": "Anna Testers", "email": "anna@voorbeeld.example",
                             "organisation": "", "phone": "", "theme": theme,
                             "question": "Hoe begin ik?"}, "Toestemming.")  # fmt: skip
    assert f"Je krijgt uiterlijk {due(3)} antwoord." in last_mail(question.email).body
    community = LearningCommunity.objects.create(name="Leerkring", slug="leerkring")
    registration = services.register_interest(community.pk, interest_data(), "Toestemming.")
    assert f"Je hoort uiterlijk {due(7)} van ons." in last_mail(registration.email).body


def test_a_pledge_shows_its_term_on_the_private_page(client, settings):
    from kennislab.network.tests.conftest import latest_link_token, sign

    settings.DECISION_TERMS = {**settings.DECISION_TERMS, "pledge": 4}
    pledge, _token = sign(email="termijn@voorbeeld.example")
    assert f"Je hoort het uiterlijk {due(4)}." in last_mail(pledge.email).body
    page = client.get(f"/netwerk/pledges/link/{latest_link_token(pledge.email)}/")
    assert f"Je hoort het uiterlijk {due(4)}." in page.content.decode()


def test_a_practice_story(client):
    from kennislab.network import services
    from kennislab.network.tests.conftest import story_data

    story = services.submit_story(story_data(), None, "Toestemming.")
    assert f"uiterlijk {due(10)}" in last_mail(story.email).body
    thanks = client.get("/netwerk/praktijkverhaal/verstuurd/").content.decode()
    assert re.search(r"binnen 10\s+werkdagen", thanks)


def test_a_vignet_application_once_submitted(client):
    from kennislab.vignet import services
    from kennislab.vignet.tests.factories import make_draft

    application, token = make_draft(organisation="Termijn BV")
    services.submit(application.pk)
    assert f"Je krijgt uiterlijk {due(20)} bericht." in last_mail(application.email).body
    page = client.get(f"/vignet/aanvraag/{token}/").content.decode()
    assert f"Je krijgt uiterlijk {due(20)} bericht." in page


def test_a_relay_activity(client, campaign):  # noqa: F811
    # the campaign fixture stands the clock on Monday 4 January 2021
    activity, token = add_activity(campaign, required(title="Termijnactiviteit"))
    received = timezone.localtime(activity.created_at).date()
    expected = dutch_date(add_working_days(received, 5))
    assert f"Je hoort het uiterlijk {expected}." in last_mail(activity.email).body
    page = client.get(f"/campagnes/activiteit/{token}/").content.decode()
    assert f"Je hoort het uiterlijk {expected}." in page
