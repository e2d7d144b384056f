"""Demo content for the agenda: upcoming events (one full with a waiting list, one on site, one
without registration) and a past webinar to watch back. Invented organisations and people;
dates are relative to today. Idempotent."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from kennislab.content.demo.loader import DemoLoader, Report
from kennislab.content.models import Theme
from kennislab.content.site import ensure_home

from . import services
from .models import AgendaPage, EventPage, Registration

AGENDA = {
    "slug": "agenda",
    "title": "Agenda",
    "intro": (
        "Webinars, werkplaatsen en bijeenkomsten van het netwerk en zijn partners. Meld je aan, "
        "zet ze in je agenda of abonneer je op de hele agenda."
    ),
}

# slug, title, kind, days from today, start hour, hours, online, location, capacity, themes, intro
EVENTS = [
    ("webinar-eenzaamheid-in-de-wijk", "Webinar: eenzaamheid in de wijk samen aanpakken",
     "webinar", 9, 15, 1, True, "", 3, ["mentale-gezondheid"],
     "Drie gemeenten vertellen hoe buurtwerk, huisartsen en bibliotheek samen eenzaamheid "
     "signaleren. Met ruimte voor vragen."),
    ("werkplaats-gezonde-schoolpleinen", "Werkplaats: een groen schoolplein in een jaar",
     "workshop", 23, 10, 3, False, "Buurthuis De Wilg, Lindeloo", 25, ["groen-en-gezondheid"],
     "Een ochtend aan de slag met ontwerp, budget en bewonersparticipatie voor een groen "
     "schoolplein."),
    ("informatiemarkt-vitaal-werken", "Informatiemarkt vitaal werken", "market", 37, 13, 4,
     False, "Stadskantoor Turfhaven", None, ["leefstijl"],
     "Werkgevers en aanbieders laten zien wat werkt voor een vitaal personeel."),
]  # fmt: skip
PAST = (
    "webinar-positieve-gezondheid-in-de-praktijk", "Webinar: Positieve Gezondheid in de praktijk",
    "webinar", -40, 15, 1, True, "", None, ["positieve-gezondheid"],
    "Zorgverleners en gemeenten over het gesprek over wat mensen belangrijk vinden.",
)  # fmt: skip
# people on the (full) first webinar: three places, then two on the waiting list
PARTICIPANTS = ["Ilse Verbeek", "Thomas Brandsma", "Nora Haddou", "Pieter Slagter", "Eva Lammers"]


def database_has_content() -> bool:
    return EventPage.objects.exists()


def _moment(days: int, hour: int) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour)))


class AgendaDemoLoader(DemoLoader):
    def load(self) -> Report:
        home = ensure_home()
        agenda, _ = self.child(home, AgendaPage, AGENDA["slug"], title=AGENDA["title"],
                               intro=AGENDA["intro"], show_in_menus=True)  # fmt: skip
        themes = {theme.slug: theme for theme in Theme.objects.all()}
        for spec in [*EVENTS, PAST]:
            self._event(agenda, spec, themes)
        first = EventPage.objects.get(slug=EVENTS[0][0])
        if not Registration.objects.filter(event=first).exists():
            for name in PARTICIPANTS:
                email = name.lower().replace(" ", ".") + "@kennislab.example"
                services.register(first.pk, {"name": name, "email": email,
                                             "organisation": "Demo-organisatie (verzonnen)"},
                                  "Demo-aanmelding (verzonnen).")  # fmt: skip
            self.report.add(f"aanmeldingen {first.title}")
        return self.report

    def _event(self, agenda, spec, themes):
        slug, title, kind, days, hour, hours, online, location, capacity, theme_slugs, intro = spec
        if agenda.get_children().filter(slug=slug).exists():
            return
        page = EventPage(
            slug=slug, title=title, kind=kind, starts_at=_moment(days, hour),
            ends_at=_moment(days, hour) + timedelta(hours=hours), online=online,
            location=location, capacity=capacity, registration=days > 0 and kind != "market",
            intro=intro, organiser="Netwerk Gezond Samen",
            join_url="https://webinar.kennislab.example/demo" if online else "",
        )  # fmt: skip
        if days < 0:
            page.materials = self.stream(
                [
                    ("heading", "Opname en presentatie"),
                    ("paragraph", "De opname van het webinar (58 minuten) en de presentatie."),
                    ("list", ["Fragment 1: het gesprek over wat mensen belangrijk vinden",
                              "Fragment 2: Positieve Gezondheid in het sociaal team"]),
                ]
            )  # fmt: skip
        page.themes = [themes[slug] for slug in theme_slugs if slug in themes]
        agenda.add_child(instance=page)
        page.save_revision().publish()
        self.report.add(f"evenement {title}")


def load_demo() -> Report:
    with transaction.atomic():
        return AgendaDemoLoader().load()
