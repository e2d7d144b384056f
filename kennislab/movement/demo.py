"""Demo content for the map of the movement: data in every province for every kind. Runs last
(settings.DEMO_LOADERS). It gives the other apps' demo records a province where they have none
(by the invented places they name) and adds invented records through the apps' own services
where a province is still empty: approved pledges and published relay activities (a few more in
some provinces, so the map shows more than one colour), vignets, voucher applications that are
granted at once (only for good examples with room that the other demos and tests leave alone,
and only while the demo scheme takes applications) and confirmed challenge participants (while
the demo edition takes sign-ups). Idempotent: provinces are only set where blank, and records
are only added while a province has fewer than its target."""

from __future__ import annotations

from datetime import time, timedelta

from django.db import transaction
from django.utils import timezone

from kennislab.campaigns import activities as relay_activities
from kennislab.campaigns.models import RelayCampaignPage
from kennislab.challenge import services as challenge_services
from kennislab.challenge.models import ChallengePage, Participant, Participation
from kennislab.challenge.models import Theme as ChallengeTheme
from kennislab.content.demo.loader import Report
from kennislab.core.errors import Refused
from kennislab.network import services as network_services
from kennislab.network.models import Pledge
from kennislab.vignet import criteria
from kennislab.vignet import services as vignet_services
from kennislab.vignet.models import Application as VignetApplication
from kennislab.vignet.models import Vignet
from kennislab.vouchers import services as voucher_services
from kennislab.vouchers.models import Application as VoucherApplication
from kennislab.vouchers.models import GoodExamplePage, Scheme

from . import rules, services

CONSENT = "Demo kaart van de beweging (verzonnen)."
RELAY_SLUG = "slimme-zorg-estafette"  # kennislab/campaigns/demo.py
VOUCHER_SCHEME = "positieve-gezondheid-2026"  # kennislab/vouchers/demo_data.py

# The invented places of the other apps' demos, and the province we put them in.
PLACES = {
    "Turfhaven": "friesland",
    "Oosterwaard": "groningen",
    "Lindeloo": "gelderland",
    "Vlietdal": "utrecht",
    "Noorderzand": "noord-holland",
    "Rijnmeer": "zuid-holland",
    "Waterstreek": "zeeland",
    "Heuvelrade": "limburg",
}
# Our own invented places, one per province.
OWN_PLACES = {
    "groningen": "Kwelderdam",
    "friesland": "Reidhuzen",
    "drenthe": "Esveen",
    "overijssel": "Vechtwolde",
    "flevoland": "Nieuwe Polderhaven",
    "gelderland": "Rivierdaal",
    "utrecht": "Heuvelrug-Oost",
    "noord-holland": "Duinmeer",
    "zuid-holland": "Veenkoog",
    "zeeland": "Schorredijk",
    "noord-brabant": "Kempenbroek",
    "limburg": "Heuvelgraaf",
}
# How many pledges and relay activities each province should have (at least one everywhere;
# Gelderland keeps its one pledge: the pledge wall's browser test filters on it).
PLEDGE_TARGETS = {
    "groningen": 2, "friesland": 1, "drenthe": 1, "overijssel": 2, "flevoland": 1,
    "gelderland": 1, "utrecht": 3, "noord-holland": 4, "zuid-holland": 4, "zeeland": 1,
    "noord-brabant": 3, "limburg": 2,
}  # fmt: skip
ACTIVITY_TARGETS = {
    "groningen": 1, "friesland": 1, "drenthe": 2, "overijssel": 1, "flevoland": 1,
    "gelderland": 2, "utrecht": 2, "noord-holland": 3, "zuid-holland": 2, "zeeland": 1,
    "noord-brabant": 3, "limburg": 1,
}  # fmt: skip
# Good examples with room that no other demo or browser test counts on (tests/browser).
VOUCHER_EXAMPLES = [
    "scholennetwerk-zandhoeve",
    "sportvereniging-beekveld-vitale-vereniging",
    "huisartsenpraktijk-hazelbeek-spinnenweb",
    "welzijn-zilverdam-medewerkers-trainen",
    "groene-zorg-kustvallei",
]
PLEDGE_TEXTS = [
    "Wij maken van elke sportvereniging in de gemeente een rookvrije plek, samen met de clubs.",
    "Elke wijk krijgt een vast punt waar bewoners terechtkunnen met vragen over gezond leven.",
    "We bieden alle medewerkers een beweegprogramma en meten ieder jaar hoe het gaat.",
    "Scholen, huisartsen en het sociaal team maken samen één plan tegen eenzaamheid bij jongeren.",
]
ACTIVITY_KINDS = ["webinar", "workshop", "market", "talk", "try_out", "lecture"]
VIGNET_THEMES = [["bewegen", "voeding"], ["ontspanning-mentale-balans", "roken"]]
CHALLENGE_THEMES = [
    (ChallengeTheme.EXERCISE, "Elke dag een half uur buiten lopen."),
    (ChallengeTheme.HEALTHY_EATING, "Elke dag groente bij de lunch."),
    (ChallengeTheme.SLEEP, "Voor half twaalf naar bed."),
]


def database_has_content() -> bool:
    return Pledge.objects.filter(consent_text=CONSENT).exists()


def _email(name: str) -> str:
    return name.lower().replace(" ", ".").replace("(", "").replace(")", "") + "@kennislab.example"


def _province_of(text: str) -> str:
    return next((province for place, province in PLACES.items() if place in text), "")


def load_demo() -> Report:
    report = Report()
    with transaction.atomic():
        _place_existing(report)
        _pledges(report)
        _activities(report)
        _vignets(report)
        _vouchers(report)
        _participants(report)
    return report


# --- the other demos' records ----------------------------------------------------------------


def _place_existing(report: Report) -> None:
    """A province for the other apps' demo records that have none, by the place they name."""
    placed = 0
    for model, fields in (
        (Vignet, ("place", "organisation")),
        (VignetApplication, ("place", "organisation")),
        (VoucherApplication, ("region", "organisation")),
    ):
        for record in model.objects.filter(province=""):
            province = _province_of(" ".join(getattr(record, f) for f in fields))
            if province:
                model.objects.filter(pk=record.pk).update(province=province)
                placed += 1
    numbered = Participant.objects.filter(province="", email__startswith="deelnemer",
                                          email__endswith="@example.org")  # fmt: skip
    for participant in numbered:
        number = participant.email.removeprefix("deelnemer").split("@")[0]
        if number.isdigit() and 1 <= int(number) <= len(rules.PROVINCE_SLUGS):
            province = rules.PROVINCE_SLUGS[int(number) - 1]
            Participant.objects.filter(pk=participant.pk).update(province=province)
            placed += 1
    if placed:
        report.add(f"provincie bij {placed} bestaande demorecords")


# --- new records where a province is empty ---------------------------------------------------


def _pledges(report: Report) -> None:
    have = services.count(rules.PLEDGES)
    for index, province in enumerate(rules.PROVINCE_SLUGS):
        for number in range(have.count(province), PLEDGE_TARGETS[province]):
            place = OWN_PLACES[province]
            organisation = (
                f"Gemeente {place} (verzonnen)" if number == 0
                else f"Gezondheidsnetwerk {place} {number + 1} (verzonnen)"
            )  # fmt: skip
            contact = f"Kaart Contact {province.title()} {number + 1}"
            pledge, _token = network_services.sign(
                {
                    "organisation": organisation, "contact_name": contact,
                    "email": _email(contact), "phone": "", "province": province,
                    "partners": f"GGD en welzijn in {place}",
                    "commitments": PLEDGE_TEXTS[(index + number) % len(PLEDGE_TEXTS)],
                },
                CONSENT,
            )  # fmt: skip
            network_services.moderate_pledge(pledge.pk, "approve", "", None)
            report.add(f"pledge {organisation}")


def _activities(report: Report) -> None:
    campaign = RelayCampaignPage.objects.live().filter(slug=RELAY_SLUG).first()
    if campaign is None:
        return
    have = services.count(rules.ACTIVITIES)
    for index, province in enumerate(rules.PROVINCE_SLUGS):
        week = next((w for w in campaign.weeks() if province in w.provinces), None)
        if week is None:
            continue
        for number in range(have.count(province), ACTIVITY_TARGETS[province]):
            place = OWN_PLACES[province]
            organiser = f"Zorgnetwerk {place} (verzonnen)"
            contact = f"Estafette Contact {province.title()} {number + 1}"
            online = (index + number) % 2 == 0
            data = {
                "organiser": organiser, "contact_name": contact, "email": _email(contact),
                "phone": "", "province": province,
                "title": f"Slimme zorg in {place}" + (f", deel {number + 1}" if number else ""),
                "kind": ACTIVITY_KINDS[(index + number) % len(ACTIVITY_KINDS)],
                "date": week.starts_on + timedelta(days=(index + number) % 5),
                "starts_at": time(10 + number * 3), "ends_at": time(11 + number * 3, 30),
                "online": online, "location": "" if online else f"Wijkcentrum {place}",
                "link": "https://www.kennislab.example/meedoen" if online else "",
                "audience": "Zorgverleners, cliënten en mantelzorgers",
                "description": f"Organisaties uit {place} laten zien wat slimme zorg oplevert, "
                "en je probeert het zelf.",
            }  # fmt: skip
            try:
                activity, _token = relay_activities.register(campaign.pk, data, CONSENT)
            except Refused:  # the campaign no longer takes activities
                return
            relay_activities.moderate(activity.pk, "approve", "", None)
            report.add(f"estafette-activiteit {data['title']}")


def _vignets(report: Report) -> None:
    have = services.count(rules.VIGNETS)
    today = timezone.localdate()
    for index, province in enumerate(rules.PROVINCE_SLUGS):
        if have.count(province):
            continue
        place = OWN_PLACES[province]
        organisation = f"Bouwbedrijf {place} (verzonnen)"
        contact = f"Vignet Contact {province.title()}"
        start = today - timedelta(days=200)
        themes = VIGNET_THEMES[index % len(VIGNET_THEMES)]
        fields = {
            "organisation": organisation, "place": place, "province": province,
            "contact_name": contact, "email": _email(contact), "phone": "",
            "target_group_size": 60, "baseline_date": start,
            "baseline_method": "Vragenlijst vitaliteit en werkplezier",
            "baseline_participants": 41, "guidance_name": "Bureau Vitaal Werk",
            "guidance_organisation": "Bureau Vitaal Werk (verzonnen)",
            "guidance_description": "Begeleiding bij nulmeting, activiteiten en evaluatie.",
        }  # fmt: skip
        rows = [
            {"theme": theme, "title": criteria.THEMES[theme],
             "start": start + timedelta(days=30 * (number + 1)),
             "end": start + timedelta(days=30 * (number + 1) + 42),
             "participants": 18 + 4 * number, "target_group_size": None}
            for number, theme in enumerate(themes)
        ]  # fmt: skip
        application, _token = vignet_services.save_draft(
            vignet_services.Draft(fields, rows), None, CONSENT
        )
        for action in ("submit", "start", "award"):
            actor = "applicant" if action == "submit" else "assessor"
            vignet_services.take_step(application.pk, action, actor=actor)
        report.add(f"vignet {organisation}")


def _vouchers(report: Report) -> None:
    scheme = Scheme.objects.filter(slug=VOUCHER_SCHEME).first()
    if scheme is None or not scheme.is_open:
        return
    have = services.count(rules.VOUCHERS)
    examples = [GoodExamplePage.objects.filter(slug=slug).first() for slug in VOUCHER_EXAMPLES]
    examples = [example for example in examples if example is not None]
    for province in rules.PROVINCE_SLUGS:
        if have.count(province):
            continue
        available = voucher_services.availability(scheme)
        if available.vouchers_remaining <= 0:
            return
        example = next(
            (e for e in examples if available.example(e.pk).remaining > 0 and
             available.example(e.pk).waiting == 0), None,
        )  # fmt: skip
        if example is None:
            return
        place = OWN_PLACES[province]
        organisation = f"Welzijn {place} (verzonnen)"
        contact = f"Voucher Contact {province.title()}"
        data = {
            "organisation": organisation, "organisation_type": "social_domain",
            "contact_name": contact, "region": place, "email": _email(contact), "phone": "",
            "motivation": f"Wij willen in {place} leren van dit voorbeeld en er samen met de "
            "expert een plan voor twee jaar van maken.",
            "own_contribution": "Een projectleider voor 6 uur per week, een half jaar lang.",
        }  # fmt: skip
        try:
            voucher_services.submit(example, data, CONSENT)
        except voucher_services.ApplicationRefused:  # closed meanwhile
            return
        VoucherApplication.objects.filter(
            scheme=scheme, organisation=organisation, province=""
        ).update(province=province)
        report.add(f"voucheraanvraag {organisation}")


def _participants(report: Report) -> None:
    page = ChallengePage.objects.live().public().order_by("-year").first()
    if page is None:
        return
    have = services.count(rules.CHALLENGE)
    for index, province in enumerate(rules.PROVINCE_SLUGS):
        if have.count(province):
            continue
        theme, goal = CHALLENGE_THEMES[index % len(CHALLENGE_THEMES)]
        data = {
            "name": f"Demo Deelnemer {OWN_PLACES[province]}",
            "email": f"kaart-{province}@example.org",
            "theme": theme,
            "goal": goal,
            "participation": Participation.ALONE,
            "team_name": "",
            "team_code": "",
        }
        try:
            signed = challenge_services.sign_up(page.pk, data, CONSENT)
        except Refused:  # sign-up has closed
            return
        challenge_services.confirm(signed.participant)
        Participant.objects.filter(pk=signed.participant.pk).update(province=province)
        report.add(f"deelnemer 30DagenGezonder in {OWN_PLACES[province]}")
