"""Records of every kind the map counts, written directly (fast, no e-mail): pledges, relay
activities, vignets, voucher applications and challenge participants, each in a province and
with the dates that decide their year."""

from __future__ import annotations

import itertools
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from kennislab.campaigns.models import Activity, ActivityStatus
from kennislab.campaigns.tests.relay_factories import build_campaign
from kennislab.challenge.models import Participant, Status
from kennislab.challenge.tests.factories import ParticipantFactory, build_challenge
from kennislab.core.tokens import new_token
from kennislab.network.models import Pledge, PledgeStatus
from kennislab.vignet.tests.factories import VignetFactory
from kennislab.vouchers.models import Application
from kennislab.vouchers.services import organisation_key
from kennislab.vouchers.tests.factories import build_voucher_site

_numbers = itertools.count(1)


def moment(year: int, month: int = 6, day: int = 15):
    return timezone.make_aware(datetime.combine(date(year, month, day), time(12)))


def pledge(province: str, status=PledgeStatus.APPROVED, year: int = 2026, **fields) -> Pledge:
    number = next(_numbers)
    return Pledge.objects.create(
        status=status, slug=f"kaart-pledge-{number}",
        organisation=fields.pop("organisation", f"Gemeente Kaartdorp {number}"),
        contact_name="Geheime Contactpersoon", email=f"geheim{number}@voorbeeld.example",
        province=province, commitments="Wij doen mee.", consent_text="Ja.",
        created_at=moment(year), approved_at=moment(year) if status == "approved" else None,
        token_hash=new_token()[1], token_expires_at=timezone.now() + timedelta(days=30),
        **fields,
    )  # fmt: skip


def campaign(live: bool = True):
    return build_campaign(live=live)


def activity(campaign, province: str, status=ActivityStatus.APPROVED, day=date(2021, 2, 3),
             **fields) -> Activity:  # fmt: skip
    number = next(_numbers)
    return Activity.objects.create(
        campaign=campaign, status=status, province=province,
        organiser=fields.pop("organiser", f"Zorggroep Kaart {number}"),
        contact_name="Geheime Organisator", email=f"organisator{number}@voorbeeld.example",
        title=fields.pop("title", f"Slimme zorg {number}"), date=day,
        token_hash=new_token()[1], token_expires_at=timezone.now() + timedelta(days=30),
        **fields,
    )  # fmt: skip


def vignet(province: str, awarded_on: date | None = None, **fields):
    if awarded_on is not None:
        fields["awarded_on"] = awarded_on
    return VignetFactory(province=province, **fields)


def voucher_site():
    return build_voucher_site(examples=3, max_vouchers=20)


def voucher(site, province: str, status="granted", organisation=None, example=0,
            year: int = 2026) -> Application:  # fmt: skip
    number = next(_numbers)
    organisation = organisation or f"Stichting Kaart {number}"
    sequence = Application.objects.filter(scheme=site.scheme).count() + 1
    return Application.objects.create(
        scheme=site.scheme, example=site.examples[example], sequence=sequence,
        received_at=moment(year), status=status, organisation=organisation,
        organisation_key=organisation_key(organisation), organisation_type="social_domain",
        province=province, contact_name="Geheime Aanvrager",
        email=f"aanvrager{number}@voorbeeld.example", motivation="Leren.",
        own_contribution="Tijd.", consent=True, token_hash=new_token()[1],
        token_expires_at=timezone.now() + timedelta(days=30),
    )  # fmt: skip


def edition(year: int, live: bool = True):
    return build_challenge(starts_on=date(year, 3, 1), live=live)


def participant(page, province: str, status=Status.CONFIRMED, **fields) -> Participant:
    number = next(_numbers)
    return ParticipantFactory(
        page=page, province=province, status=status,
        name=fields.pop("name", f"Geheime Deelnemer{number}"), **fields,
    )  # fmt: skip
