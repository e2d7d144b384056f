"""Test data for the challenge: an edition page with sign-up open (dates relative to today unless
given), sign-ups through the service, the POST body of the form, and factory_boy factories for
participants, teams and support messages."""

from __future__ import annotations

import itertools
from datetime import date, datetime, time, timedelta

import factory
from django.utils import timezone

from kennislab.challenge import services
from kennislab.challenge.models import (
    ChallengePage,
    Participant,
    Participation,
    Status,
    SupportMessage,
    Team,
    Theme,
)
from kennislab.content.site import ensure_home
from kennislab.core.tokens import new_token

_numbers = itertools.count(1)
_people = itertools.count(1)


def aware(day: date, hour: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def build_challenge(
    *,
    starts_on: date | None = None,
    opens_in=timedelta(days=-1),
    closes_in=timedelta(days=20),
    live=True,
    **fields,
) -> ChallengePage:
    """A published edition under the home page; sign-up opens/closes relative to now."""
    number = next(_numbers)
    now = timezone.now()
    starts_on = starts_on or timezone.localdate() + timedelta(days=10)
    page = ChallengePage(
        title=fields.pop("title", f"30DagenGezonder test {number}"),
        slug=fields.pop("slug", f"30dagengezonder-test-{number}"),
        year=starts_on.year,
        starts_on=starts_on,
        signup_opens_at=now + opens_in,
        signup_closes_at=now + closes_in,
        intro="Dertig dagen gezonder, om te testen.",
        **fields,
    )  # fmt: skip
    home = ensure_home()
    if not live:
        page.live = False
        home.add_child(instance=page)
        return ChallengePage.objects.get(pk=page.pk)
    home.add_child(instance=page)
    page.save_revision().publish()
    return ChallengePage.objects.get(pk=page.pk)


def person(**overrides) -> dict:
    """The cleaned data of a valid sign-up (a new address each call)."""
    number = next(_people)
    return {
        "name": f"Deelnemer Nummer{number}",
        "email": f"deelnemer{number}@example.org",
        "theme": Theme.EXERCISE,
        "goal": "Elke dag een half uur wandelen.",
        "participation": Participation.ALONE,
        "team_name": "",
        "team_code": "",
        **overrides,
    }


def form_data(**overrides) -> dict:
    """The POST body of a valid sign-up form (consent ticked, honeypot empty); None drops a key."""
    data = {**person(), "consent": "on", "website": ""}
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def sign_up(page, **overrides) -> services.SignUp:
    return services.sign_up(page.pk, person(**overrides), "Ik geef toestemming.")


def confirmed(page, **overrides) -> Participant:
    signed = sign_up(page, **overrides)
    services.confirm(signed.participant)
    return Participant.objects.get(pk=signed.participant.pk)


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    name = factory.Sequence(lambda n: f"Team Test {n}")
    code = factory.LazyFunction(services.new_code)


class ParticipantFactory(factory.django.DjangoModelFactory):
    """A confirmed, subscribed participant, created directly (no e-mail)."""

    class Meta:
        model = Participant

    name = factory.Sequence(lambda n: f"Fabrieks Deelnemer{n}")
    email = factory.Sequence(lambda n: f"fabriek{n}@example.org")
    email_key = factory.LazyAttribute(lambda o: o.email.lower())
    status = Status.CONFIRMED
    theme = Theme.EXERCISE
    goal = "Elke dag bewegen."
    consent_text = "Ik geef toestemming."
    token_hash = factory.LazyFunction(lambda: new_token()[1])
    token_expires_at = factory.LazyAttribute(lambda o: o.page.links_expire_at())


class SupportMessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportMessage
        django_get_or_create = ("day", "theme")

    day = 1
    theme = ""
    subject = factory.LazyAttribute(lambda o: f"Dag {o.day} algemeen")
    body = "Hoi {naam}, dag {dag}. Je doel: {doel}."
