"""Demo content for the vignet: its page, four holders (two current, one up for renewal, one
expired), an application being assessed and a draft in progress. Invented organisations and
people; dates are relative to today, so the demo tells the same story on any day. Idempotent."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from kennislab.content.demo.loader import DemoLoader, Report
from kennislab.content.site import ensure_home

from . import criteria, services
from .models import Application, Event, Vignet, VignetPage

PAGE = {
    "slug": "vignet",
    "title": "Vignet Vitaal Bedrijf",
    "intro": (
        "Laat zien dat vitaliteit er bij jullie toe doet. Werkgevers met een vitaliteitsprogramma "
        "dat aan de criteria voldoet, krijgen het Vignet Vitaal Bedrijf voor twee jaar."
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


def _draft(organisation, place, contact, themes, start: date, baseline: bool = True):
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
    }  # fmt: skip
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
        return VignetDemoLoader().load()
