"""Test data for the vignet app: an application's fields and activities (relative to today, so
the criteria judge them the same on any day), drafts and awards made through the services, the
POST body of the form, and factory_boy factories for registers with many holders."""

from __future__ import annotations

import itertools
from datetime import date, datetime, time, timedelta

import factory
from django.utils import timezone

from kennislab.challenge import services as challenge_services
from kennislab.challenge.models import ChallengePage, CheckIn, Participant, Participation, Team
from kennislab.challenge.models import Status as ParticipantStatus
from kennislab.content.site import ensure_home
from kennislab.core.models import OutgoingEmail
from kennislab.core.tokens import new_token
from kennislab.vignet import criteria, services
from kennislab.vignet.models import (
    Activity,
    Application,
    Event,
    Evidence,
    Status,
    TeamLink,
    Vignet,
)

TARGET = 80  # 25% of 80 is 20: an activity with 20 participants just counts
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
_numbers = itertools.count(1)


def today() -> date:
    return timezone.localdate()


def baseline_day() -> date:
    return criteria.add_months(today(), -9)


def activity(theme: str, participants: int = 20, *, start: date | None = None, **overrides):
    """One activity as services.Draft takes it (and as the formset's rows() gives it)."""
    start = start or baseline_day() + timedelta(days=30)
    return {
        "theme": theme,
        "title": f"Activiteit {criteria.THEMES[theme].lower()}",
        "start": start,
        "end": start + timedelta(days=56),
        "participants": participants,
        "target_group_size": None,
        **overrides,
    }


def application_fields(**overrides) -> dict:
    """The fields of a complete application (a new organisation each call)."""
    number = next(_numbers)
    return {
        "organisation": f"Vitale Werkgever {number}",
        "place": "Turfhaven",
        "contact_name": f"Contact Persoon{number}",
        "email": f"werkgever{number}@bedrijf.example",
        "phone": "030 123 45 67",
        "target_group_size": TARGET,
        "baseline_date": baseline_day(),
        "baseline_method": "Vragenlijst vitaliteit",
        "baseline_participants": 52,
        "guidance_name": "Lotte Brinkhorst",
        "guidance_organisation": "Bureau Vitaal Werk",
        "guidance_description": "Begeleiding bij de nulmeting en de keuze van activiteiten.",
        **overrides,
    }


def make_draft(activities=None, files=(), **overrides) -> tuple[Application, str]:
    """A complete draft (eligible: two themes at 25% and 37%), through the service."""
    if activities is None:
        activities = [activity("bewegen", 20), activity("voeding", 30)]
    draft = services.Draft(application_fields(**overrides), list(activities), list(files), [])
    application, token = services.save_draft(draft, None, "Ik geef toestemming.")
    return application, token


def submitted(**overrides) -> Application:
    application, _token = make_draft(**overrides)
    return services.submit(application.pk)


def in_assessment(user=None, **overrides) -> Application:
    application = submitted(**overrides)
    return services.take_step(application.pk, "start", user=user)


def awarded_vignet(months_ago: int = 0, **overrides) -> Vignet:
    """A vignet awarded through the workflow, then moved `months_ago` months into the past."""
    application = in_assessment(**overrides)
    services.take_step(application.pk, "award")
    vignet = Vignet.objects.get(application=application)
    if months_ago:
        move_award(vignet, criteria.add_months(today(), -months_ago))
    return vignet


def move_award(vignet: Vignet, awarded_on: date) -> Vignet:
    vignet.first_awarded_on = vignet.awarded_on = vignet.valid_from = awarded_on
    vignet.valid_until = criteria.valid_until(awarded_on)
    vignet.save()
    return vignet


def counts() -> dict:
    """How many rows of everything the vignet app stores (to prove that nothing changed)."""
    return {
        model.__name__: model.objects.count()
        for model in (Application, Activity, Evidence, Event, Vignet, TeamLink, OutgoingEmail)
    }


# --- the form's POST body -------------------------------------------------------------------

PREFIX = "activiteit"


def activity_rows(*rows: dict, initial: int = 0) -> dict:
    """The formset's management form and its rows (dicts of form values; dates as strings)."""
    data = {
        f"{PREFIX}-TOTAL_FORMS": str(len(rows)),
        f"{PREFIX}-INITIAL_FORMS": str(initial),
        f"{PREFIX}-MIN_NUM_FORMS": "0",
        f"{PREFIX}-MAX_NUM_FORMS": "30",
    }
    for index, row in enumerate(rows):
        for name, value in row.items():
            if value is not None:
                data[f"{PREFIX}-{index}-{name}"] = value
    return data


def activity_row(theme="bewegen", participants=20, **overrides) -> dict:
    """One activity as the browser posts it."""
    start = baseline_day() + timedelta(days=30)
    return {
        "theme": theme,
        "title": f"Activiteit {theme}",
        "start": start.isoformat(),
        "end": (start + timedelta(days=56)).isoformat(),
        "participants": str(participants),
        "target_group_size": "",
        **overrides,
    }


def minimal_post(action="save", **overrides) -> dict:
    """What saving a first draft needs: who you are and consent, no activities."""
    number = next(_numbers)
    data = {
        "organisation": f"Concept Werkgever {number}",
        "contact_name": "Mila de Vries",
        "email": f"mila{number}@bedrijf.example",
        "consent": "on",
        "website": "",
        "action": action,
        **activity_rows(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def complete_post(action="submit", rows=None, **overrides) -> dict:
    """A complete, eligible application as the browser posts it (two themes)."""
    if rows is None:
        rows = [activity_row("bewegen", 20), activity_row("voeding", 30)]
    data = minimal_post(
        action=action,
        place="Turfhaven",
        phone="030 123 45 67",
        target_group_size=str(TARGET),
        baseline_date=baseline_day().isoformat(),
        baseline_method="Vragenlijst vitaliteit",
        baseline_participants="52",
        guidance_name="Lotte Brinkhorst",
        guidance_organisation="Bureau Vitaal Werk",
        guidance_description="Begeleiding bij de nulmeting.",
        **activity_rows(*rows),
    )
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


# --- factories for many rows ----------------------------------------------------------------


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A stored application (awarded by default), without going through the workflow."""

    class Meta:
        model = Application

    status = Status.AWARDED
    reference = factory.Sequence(lambda n: f"VV-2020-{n + 9000:04d}")
    organisation = factory.Sequence(lambda n: f"Fabriek {n}")
    place = "Turfhaven"
    contact_name = "Sam Jansen"
    email = factory.Sequence(lambda n: f"fabriek{n}@bedrijf.example")
    target_group_size = TARGET
    consent = True
    token_hash = factory.LazyFunction(lambda: new_token()[1])
    token_expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=180))


class VignetFactory(factory.django.DjangoModelFactory):
    """A vignet awarded on `awarded_on` (today by default), valid for two years."""

    class Meta:
        model = Vignet

    organisation = factory.Sequence(lambda n: f"Fabriek {n:03d}")
    place = "Turfhaven"
    contact_name = "Sam Jansen"
    email = factory.Sequence(lambda n: f"houder{n}@bedrijf.example")
    awarded_on = factory.LazyFunction(today)
    first_awarded_on = factory.SelfAttribute("awarded_on")
    valid_from = factory.SelfAttribute("awarded_on")
    valid_until = factory.LazyAttribute(lambda o: criteria.valid_until(o.awarded_on))
    application = factory.SubFactory(
        ApplicationFactory,
        organisation=factory.SelfAttribute("..organisation"),
        email=factory.SelfAttribute("..email"),
    )


# --- 30DagenGezonder: an edition that ended, a team with its ticked-off days -----------------


def ended_edition(days_since_end: int = 5, **fields):
    """A published edition whose day 30 was `days_since_end` days ago (a team of it can be
    added from the day after day 30 until 30 days after it)."""
    number = next(_numbers)
    starts_on = today() - timedelta(days=29 + days_since_end)
    noon = timezone.make_aware(datetime.combine(starts_on, time(12)))
    page = ChallengePage(
        title=fields.pop("title", f"30DagenGezonder test {number}"),
        slug=f"30dagengezonder-vignet-{number}",
        year=starts_on.year,
        starts_on=starts_on,
        signup_opens_at=noon - timedelta(days=30),
        signup_closes_at=noon + timedelta(days=10),
        **fields,
    )
    ensure_home().add_child(instance=page)
    page.save_revision().publish()
    return ChallengePage.objects.get(pk=page.pk)


def team_of(page, *members, name="Team Stapvoets"):
    """A team in `page` with these members: (challenge theme, days ticked off[, confirmed]);
    the first started the team (its captain)."""
    team = Team.objects.create(page=page, name=name, code=challenge_services.new_code())
    for index, (theme, days, *rest) in enumerate(members):
        confirmed = rest[0] if rest else True
        number = next(_numbers)
        email = f"teamlid{number}@team.example"
        participant = Participant(
            page=page, team=team, name=f"Teamlid Nummer{number}", email=email, email_key=email,
            status=ParticipantStatus.CONFIRMED if confirmed else ParticipantStatus.PENDING,
            theme=theme, goal="Elke dag iets gezonds.",
            participation=Participation.START_TEAM if index == 0 else Participation.JOIN_TEAM,
            consent_text="Ik geef toestemming.", token_hash=new_token()[1],
            token_expires_at=page.links_expire_at(),
            created_at=timezone.now() - timedelta(days=60) + timedelta(minutes=index),
        )  # fmt: skip
        participant.save()
        CheckIn.objects.bulk_create(
            CheckIn(participant=participant, day=day) for day in range(1, days + 1)
        )
    return team


def small_draft(**overrides):
    """A draft of a small organisation (12 employees) with one counting activity (voeding):
    a team of 3 or more that counts for another theme makes it eligible."""
    fields = {"target_group_size": 12, "baseline_participants": 10, **overrides}
    return make_draft(activities=[activity("voeding", 4)], **fields)
