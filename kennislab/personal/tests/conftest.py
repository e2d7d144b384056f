"""Test data for Mijn Kennislab: one record of every kind for an address, each made through its
app's own service or test factory (so the records look exactly as the forms leave them), and the
overview links read from the outbox."""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from kennislab.campaigns.models import (
    EventPage,
    RecordingAccess,
    Registration,
    RelayCampaignPage,
)
from kennislab.campaigns.tests.conftest import build_event
from kennislab.campaigns.tests.conftest import register as register_for_event
from kennislab.campaigns.tests.relay_factories import add_activity, build_campaign, required
from kennislab.challenge.models import ChallengePage
from kennislab.challenge.tests.factories import build_challenge
from kennislab.challenge.tests.factories import sign_up as challenge_sign_up
from kennislab.content.models import Theme
from kennislab.core.models import OutgoingEmail
from kennislab.network import services as network_services
from kennislab.network.tests.conftest import sign as sign_pledge
from kennislab.network.tests.conftest import story_data
from kennislab.newsletter.tests.helpers import subscribe
from kennislab.questions import services as question_services
from kennislab.questions.models import LearningCommunity
from kennislab.vignet.tests.factories import awarded_vignet, make_draft
from kennislab.vouchers.tests.factories import build_voucher_site
from kennislab.vouchers.tests.factories import submit as submit_voucher

CONSENT = "Ik geef toestemming (test)."
OVERVIEW_LINK = re.compile(r"http://testserver(/mijn-kennislab/([A-Za-z0-9_-]{20,})/)")
# Every kind on the page, and the ones with a private page of their own ("Openen").
KINDS = ["kennisvoucher", "vignetaanvraag", "vignet", "aanmelding", "terugkijken", "activiteit",
         "uitdaging", "pledge", "praktijkverhaal", "vraag", "interesse", "nieuwsbrief"]  # fmt: skip
OPENABLE = ["kennisvoucher", "vignetaanvraag", "vignet", "aanmelding", "activiteit", "uitdaging",
            "pledge", "nieuwsbrief"]  # fmt: skip


def text(response) -> str:
    return html_lib.unescape(response.content.decode())


def overview_mails(address: str):
    return OutgoingEmail.objects.filter(to=address, topic="mijn-kennislab").order_by("pk")


def overview_path(address: str) -> str:
    """The overview's path in the latest overview mail to `address`."""
    mail = overview_mails(address.strip()).last()
    assert mail is not None, f"no overview mail to {address}"
    match = OVERVIEW_LINK.search(mail.body)
    assert match, mail.body
    return match.group(1)


@dataclass
class World:
    """The pages the records hang on: a voucher scheme, an event, a relay campaign whose weeks are
    still to come, a challenge edition and a learning community."""

    voucher_example: object
    event: EventPage
    campaign: RelayCampaignPage
    challenge: ChallengePage
    community: LearningCommunity
    theme: Theme


def build_world() -> World:
    today = timezone.localdate()
    weeks = [
        ("Oost", "oost", ["gelderland", "overijssel", "flevoland"],
         today + timedelta(days=40), today + timedelta(days=44)),
        ("West", "west", ["noord-holland", "zuid-holland", "utrecht"],
         today + timedelta(days=47), today + timedelta(days=51)),
    ]  # fmt: skip
    site = build_voucher_site(examples=1, max_vouchers=20, max_per_example=20)
    return World(
        voucher_example=site.examples[0],
        event=build_event(title="Webinar gezonde wijk", slug="webinar-gezonde-wijk", capacity=50),
        campaign=build_campaign(regions=weeks, title="Slimme Zorg Estafette 2099"),
        challenge=build_challenge(title="30DagenGezonder 2099", slug="30dagengezonder-2099"),
        community=LearningCommunity.objects.create(
            name="Health Transformation Community", slug="htc", description="Samen leren."
        ),
        theme=Theme.objects.get(slug="leefstijl"),
    )


def everything(world: World, address: str, name: str = "Anna") -> dict[str, object]:
    """One record of every kind for `address` (written as given: case and all); the records by
    kind. `name` goes into titles so that a page can be told apart."""
    voucher, _token = submit_voucher(world.voucher_example, email=address,
                                     organisation=f"Stichting {name}")  # fmt: skip
    draft, _token = make_draft(email=address, organisation=f"Concept {name} BV")
    vignet = awarded_vignet(email=address, organisation=f"Vitaal {name} BV")
    register_for_event(world.event, email=address, name=f"{name} Jansen")
    registration = Registration.objects.get(event=world.event, email_key=address.lower())
    recording = RecordingAccess.objects.create(event=world.event, email=address)
    activity, _token = add_activity(
        world.campaign, required(email=address, title=f"Beeldbellen met {name}")
    )
    participant = challenge_sign_up(world.challenge, email=address, name=f"{name} Jansen")
    pledge, _token = sign_pledge(email=address, organisation=f"Gemeente {name}dorp")
    story = network_services.submit_story(
        story_data(email=address, title=f"Samen koken met {name}"), None, CONSENT
    )
    question = question_services.ask(
        {"name": f"{name} Jansen", "email": address, "theme": world.theme,
         "question": f"Hoe pakt {name} leefstijl aan?"}, CONSENT,
    )  # fmt: skip
    interest = question_services.register_interest(
        world.community.pk, {"name": f"{name} Jansen", "email": address,
                             "organisation": f"Gemeente {name}dorp"}, CONSENT,
    )  # fmt: skip
    subscriber = subscribe(address, name=f"{name} Jansen")
    return {
        "kennisvoucher": voucher,
        "vignetaanvraag": draft,
        "vignet": vignet,
        "aanmelding": registration,
        "terugkijken": recording,
        "activiteit": activity,
        "uitdaging": participant.participant,
        "pledge": pledge,
        "praktijkverhaal": story,
        "vraag": question,
        "interesse": interest,
        "nieuwsbrief": subscriber,
    }


@pytest.fixture
def world(db, settings, tmp_path) -> World:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return build_world()


# The owner of the overview, and three addresses that only look like it: a wildcard character
# (`_` matches any one character in SQL LIKE), a longer domain and a longer local part.
OWNER = "Anna_Jansen@Voorbeeld.example"
LOOKALIKES = {
    "Bertolt": "annaXjansen@voorbeeld.example",
    "Carlijn": "anna_jansen@voorbeeld.example.org",
    "Dirkjan": "hanna_jansen@voorbeeld.example",
}


@dataclass
class Population:
    world: World
    owner: dict[str, object]  # the owner's records by kind
    others: dict[str, dict[str, object]]  # name → that address's records by kind


@pytest.fixture(scope="module")
def population(django_db_setup, django_db_blocker):
    """The world, every kind for OWNER (as "Anna") and for each look-alike address; built once
    per test module, rolled back after it (each test still runs in its own transaction)."""
    from kennislab.core.testing import data_for_module

    with data_for_module(django_db_blocker):
        world = build_world()
        owner = everything(world, OWNER, "Anna")
        others = {name: everything(world, address, name) for name, address in LOOKALIKES.items()}
        yield Population(world, owner, others)
