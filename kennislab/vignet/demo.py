"""Demo content for the vignet: its page, four holders (two current, one up for renewal, one
expired), an application being assessed, a draft in progress, and a submitted application that
counts a 30DagenGezonder team (last March's edition, its team and ticked-off days made here
through the challenge's models; the captain confirmed). Invented organisations and people; dates
are relative to today, so the demo tells the same story on any day. Idempotent."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from kennislab.challenge import services as challenge_services
from kennislab.challenge.models import (
    ChallengePage,
    CheckIn,
    Participant,
    Participation,
    Team,
    Theme,
)
from kennislab.challenge.models import Status as ParticipantStatus
from kennislab.content.demo.loader import DemoLoader, Report
from kennislab.content.site import ensure_home
from kennislab.core.tokens import new_token

from . import challenge_link, criteria, services
from .models import Application, Event, TeamLink, Vignet, VignetPage

PAGE = {
    "slug": "vignet",
    "title": "Vignet Vitaal Bedrijf",
    "intro": (
        "Laat zien dat je als werkgever goed zorgt voor de gezondheid van je mensen. Heb je een "
        "plan voor vitaliteit dat aan de eisen voldoet? Dan krijg je het Vignet Vitaal Bedrijf. "
        "Het vignet is twee jaar geldig."
    ),
}

# organisation, place, contact, months since the award (None: not awarded), status, themes
HOLDERS = [
    ("Drukkerij Kleurrijk", "Turfhaven", "Sanne Wolterink", 8, ["bewegen", "voeding"]),
    ("Zorggroep Lindehof", "Lindeloo", "Youssef Amrani", 14,
     ["ontspanning-mentale-balans", "bewegen", "roken"]),
    ("Logistiek Centrum Waterstreek", "Waterstreek", "Anouk Dijkhuis", 22,
     ["bewegen", "alcohol-drugs-medicijnen"]),  # up for renewal
    ("ICT-bureau Bitvaart", "Vlietdal", "Joost Verheij", 26,
     ["voeding", "ontspanning-mentale-balans"]),
]  # fmt: skip
IN_ASSESSMENT = ("Tuincentrum De Vlinder", "Heuvelrade", "Fenna Kuipers", ["bewegen", "voeding"])
DRAFT = ("Bakkerij Het Korenaar", "Oosterwaard", "Ruud Stamhuis", ["voeding"])

# A submitted application with a 30DagenGezonder team: organisation, place, province, contact,
# target group; the team's name and members (name, challenge theme, days ticked off; the first
# started the team and is its captain). 6 count for bewegen (27% of 22), 2 for voeding.
WITH_TEAM = ("Stroomwijs Installatietechniek", "Kanaaldorp", "overijssel", "Marloes Tiemens", 22)
TEAM_NAME = "Stroomwijs Stapt Door"
TEAM_MEMBERS = [
    ("Gerrit Hoekstra", Theme.EXERCISE, 27),
    ("Naima El Idrissi", Theme.EXERCISE, 24),
    ("Koen Wessels", Theme.EXERCISE, 22),
    ("Petra Lammers", Theme.EXERCISE, 30),
    ("Dewi Santoso", Theme.EXERCISE, 20),
    ("Ruben Kamphuis", Theme.EXERCISE, 21),
    ("Ilse Veenstra", Theme.LESS_SUGAR, 25),
    ("Tom Brouwer", Theme.EXERCISE, 12),  # fewer than 20 days: does not count
    ("Sevda Yilmaz", Theme.HEALTHY_EATING, 23),
]
TEAM_GOALS = {
    Theme.EXERCISE: "Elke werkdag een half uur bewegen.",
    Theme.LESS_SUGAR: "Geen suiker in de koffie en geen koek bij de pauze.",
    Theme.HEALTHY_EATING: "Elke dag groente bij de lunch.",
}
ACTIVITY_TITLES = {
    "bewegen": "Wandelen in de lunchpauze, twee keer per week",
    "roken": "Stoppen-met-rokenbegeleiding onder werktijd",
    "alcohol-drugs-medicijnen": "Voorlichting en gesprek over alcohol en medicijnen",
    "voeding": "Gezonde lunch en workshop boodschappen doen",
    "ontspanning-mentale-balans": "Training omgaan met werkdruk",
}
TARGET = 80


def database_has_content() -> bool:
    return Vignet.objects.exists()


def _email(name: str) -> str:
    return name.lower().replace(" ", ".") + "@kennislab.example"


def _months_ago(today: date, months: int) -> date:
    return criteria.add_months(today, -months)


def _draft(organisation, place, contact, themes, start: date, baseline: bool = True, **extra):
    fields = {
        "organisation": organisation,
        "place": place,
        "contact_name": contact,
        "email": _email(contact),
        "phone": "",
        "target_group_size": TARGET,
        "baseline_date": start if baseline else None,
        "baseline_method": "Vragenlijst vitaliteit en werkplezier" if baseline else "",
        "baseline_participants": 52 if baseline else None,
        "guidance_name": "Lotte Brinkhorst",
        "guidance_organisation": "Bureau Vitaal Werk (verzonnen)",
        "guidance_description": (
            "Begeleiding bij de nulmeting, de keuze van activiteiten en de evaluatie."
        ),
    } | extra  # fmt: skip
    activities = [
        {
            "theme": theme,
            "title": ACTIVITY_TITLES[theme],
            "start": start + timedelta(days=21 * (number + 1)),
            "end": start + timedelta(days=21 * (number + 1) + 56),
            "participants": 20 + 6 * number,  # 25% of 80 is 20: the first just counts
            "target_group_size": None,
        }
        for number, theme in enumerate(themes)
    ]
    application, _token = services.save_draft(
        services.Draft(fields, activities, [], []), None, "Demo-aanvraag (verzonnen)."
    )
    return application


class VignetDemoLoader(DemoLoader):
    def load(self) -> Report:
        home = ensure_home()
        self.child(home, VignetPage, PAGE["slug"], title=PAGE["title"], intro=PAGE["intro"],
                   show_in_menus=True)  # fmt: skip
        if Application.objects.exists():
            return self.report
        today = timezone.localdate()
        for organisation, place, contact, months, themes in HOLDERS:
            awarded_on = _months_ago(today, months)
            application = _draft(organisation, place, contact, themes,
                                 _months_ago(today, months + 9))  # fmt: skip
            for action in ("submit", "start", "award"):
                services.take_step(application.pk, action, actor=_actor(action))
            Vignet.objects.filter(application=application).update(
                first_awarded_on=awarded_on,
                awarded_on=awarded_on,
                valid_from=awarded_on,
                valid_until=criteria.valid_until(awarded_on),
            )
            _backdate(application, awarded_on)
            self.report.add(f"vignet {organisation}")
        organisation, place, contact, themes = IN_ASSESSMENT
        application = _draft(organisation, place, contact, themes, _months_ago(today, 7))
        services.take_step(application.pk, "submit", actor="applicant")
        services.take_step(application.pk, "start", actor="assessor")
        self.report.add(f"vignetaanvraag in beoordeling {organisation}")
        organisation, place, contact, themes = DRAFT
        _draft(organisation, place, contact, themes, _months_ago(today, 3))
        self.report.add(f"vignetaanvraag concept {organisation}")
        return self.report

    def load_team_application(self) -> None:
        """The application that counts a 30DagenGezonder team (also added to a database whose
        vignet demo was loaded before this part existed)."""
        organisation, place, province, contact, size = WITH_TEAM
        if Application.objects.filter(organisation=organisation).exists():
            return
        today = timezone.localdate()
        edition = self._past_edition(today)
        team = self._team(edition)
        starts_on = edition.starts_on
        application = _draft(organisation, place, contact, [], starts_on - timedelta(days=45),
                             province=province, target_group_size=size,
                             baseline_participants=18)  # fmt: skip
        rows = [{
            "theme": "voeding", "title": "Fruit op de werkplek en een kookworkshop",
            "start": starts_on + timedelta(days=45), "end": starts_on + timedelta(days=100),
            "participants": 8, "target_group_size": None,
        }]  # fmt: skip
        application = services.save_draft(services.Draft({}, rows), application)[0]
        asked_on = challenge_link.linkable_from(starts_on) + timedelta(days=4)
        link = services.request_team_link(application.pk, team.code, today=asked_on)
        services.decide_team_link(link.pk, confirm=True)
        services.submit(application.pk)
        asked, decided = _noon(asked_on), _noon(asked_on + timedelta(days=2))
        TeamLink.objects.filter(pk=link.pk).update(requested_at=asked, decided_at=decided)
        Application.objects.filter(pk=application.pk).update(created_at=asked - timedelta(days=3))
        Event.objects.filter(application=application, action="created").update(
            at=asked - timedelta(days=3)
        )
        Event.objects.filter(application=application, action="team_requested").update(at=asked)
        Event.objects.filter(application=application, action="team_confirmed").update(at=decided)
        self.report.add(f"vignetaanvraag met 30DagenGezonder-team {organisation}")

    def _past_edition(self, today: date) -> ChallengePage:
        """Last March's edition (the latest whose 30 days are over), published."""
        year = today.year if today > date(today.year, 3, 30) else today.year - 1
        starts_on = date(year, 3, 1)
        page, _created = self.child(
            ensure_home(), ChallengePage, f"30dagengezonder-{year}",
            title=f"30DagenGezonder {year}", year=year, starts_on=starts_on,
            signup_opens_at=_noon(starts_on - timedelta(days=45)),
            signup_closes_at=_noon(starts_on + timedelta(days=14)),
            intro=(
                f"Dit was de editie van maart {year}. Dertig dagen lang werkten mensen aan hun "
                "eigen gezonde doel. Ze deden alleen mee, of in een team met collega's. Aanmelden "
                "kan niet meer."
            ),
            show_in_menus=False,
        )  # fmt: skip
        return page

    def _team(self, edition: ChallengePage) -> Team:
        """The demo team in that edition, its members confirmed and their days ticked off."""
        code = challenge_services.new_code()
        while Team.objects.filter(code=code).exists():  # pragma: no cover — 31^8 codes
            code = challenge_services.new_code()
        signed_up = _noon(edition.starts_on - timedelta(days=10))
        team = Team.objects.create(page=edition, name=TEAM_NAME, code=code, created_at=signed_up)
        for number, (name, theme, days) in enumerate(TEAM_MEMBERS):
            email = f"teamlid{number + 1}.stroomwijs@example.org"
            participant = Participant(
                page=edition, team=team, status=ParticipantStatus.CONFIRMED, name=name,
                email=email, email_key=email, theme=theme, goal=TEAM_GOALS[theme],
                participation=Participation.START_TEAM if number == 0 else Participation.JOIN_TEAM,
                province=WITH_TEAM[2], consent_text="Demo-aanmelding (verzonnen).",
                created_at=signed_up + timedelta(hours=number), confirmed_at=signed_up,
                token_hash=new_token()[1], token_expires_at=edition.links_expire_at(),
            )  # fmt: skip
            participant.save()
            CheckIn.objects.bulk_create(
                CheckIn(participant=participant, day=day) for day in range(1, days + 1)
            )
        self.report.add(f"30DagenGezonder-team {TEAM_NAME}")
        return team


def _backdate(application: Application, awarded_on: date) -> None:
    """Move the demo's history to the (invented) award date: submitted three weeks before,
    taken into assessment two weeks before, awarded on the day (demo data only: the audit log
    is append-only for everything else)."""
    moments = {
        "created": awarded_on - timedelta(days=30),
        "submit": awarded_on - timedelta(days=21),
        "start": awarded_on - timedelta(days=14),
        "award": awarded_on,
    }
    at = {action: _noon(day) for action, day in moments.items()}
    Application.objects.filter(pk=application.pk).update(
        created_at=at["created"], updated_at=at["submit"], submitted_at=at["submit"],
        decided_at=at["award"],
    )  # fmt: skip
    for action, moment in at.items():
        Event.objects.filter(application=application, action=action).update(at=moment)


def _noon(day: date):
    return timezone.make_aware(datetime.combine(day, time(12)))


def _actor(action: str) -> str:
    return "applicant" if action == "submit" else "assessor"


def load_demo() -> Report:
    with transaction.atomic():
        loader = VignetDemoLoader()
        report = loader.load()
        loader.load_team_application()
        return report
