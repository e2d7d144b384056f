"""Demo content for the agenda: upcoming events (one full with a waiting list, one on site, one
without registration) and a past webinar to watch back; a regional relay campaign with the
regions and provinces of the 2021 edition, in the coming February, with activities in every
state (published, incomplete, waiting, changes asked). Invented organisations and people; dates
are relative to today. Idempotent."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from kennislab.content.demo.loader import DemoLoader, Report
from kennislab.content.models import Theme
from kennislab.content.site import ensure_home

from . import activities, services
from .models import (
    Activity,
    AgendaPage,
    CampaignRegion,
    EventPage,
    RecordingAccess,
    Registration,
    RelayCampaignPage,
)

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
WATCHERS = ["Lotte Hazenberg", "Wouter Sneek"]


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
        past = EventPage.objects.get(slug=PAST[0])
        if not RecordingAccess.objects.filter(event=past).exists():
            for name in WATCHERS:
                RecordingAccess.objects.create(
                    event=past, email=name.lower().replace(" ", ".") + "@kennislab.example",
                    consent_text="Demo-aanmelding om terug te kijken (verzonnen).",
                )  # fmt: skip
            self.report.add(f"terugkijkers {past.title}")
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


# The 2021 edition's regions, provinces and order (DOMAIN.md), one week each, Monday to Friday.
RELAY_REGIONS = [
    ("Oost", "oost", ["gelderland", "overijssel", "flevoland"]),
    ("West", "west", ["noord-holland", "zuid-holland", "utrecht"]),
    ("Noord", "noord", ["groningen", "friesland", "drenthe"]),
    ("Zuid", "zuid", ["zeeland", "noord-brabant", "limburg"]),
]
RELAY = {
    "slug": "slimme-zorg-estafette",
    "title": "Slimme Zorg Estafette",
    "intro": (
        "Vier weken aandacht voor slimme zorg en innovatie: elke week een andere regio, en het "
        "stokje gaat door. Organiseer je een webinar, werkplaats of een middag om slimme "
        "oplossingen uit te proberen? Meld je activiteit aan, ook als nog niet alles bekend is."
    ),
}
# organiser, contact, title, kind, province, weekday (0 = Monday) or None, hour, online,
# location, description, state (approved / incomplete / submitted / changes)
RELAY_ACTIVITIES = [
    ("Zorggroep Rivierenland-Oost (verzonnen)", "Marloes Dijkhuis",
     "Beeldbellen met de wijkverpleging: zo werkt het", "webinar", "gelderland", 0, 14, True, "",
     "Wijkverpleegkundigen laten zien hoe beeldbellen de dag van cliënten en zorgverleners "
     "verandert.", "approved"),
    ("Huisartsencoöperatie Vechtdal (verzonnen)", "Joost Veldkamp",
     "Proeftuin: de medicijndispenser thuis", "try_out", "overijssel", 2, 10, False,
     "Gezondheidscentrum De Esch, Hardenberg", "Probeer zelf een slimme medicijndispenser en "
     "praat met mensen die hem al gebruiken.", "approved"),
    ("Bibliotheek Polderland (verzonnen)", "Sanne Kooistra", "Digicafé: gezond online",
     "market", "flevoland", 3, 13, False, "Bibliotheek Polderland, Lelystad",
     "Vrijwilligers helpen met de huisarts-app, digitaal inloggen en betrouwbare "
     "gezondheidsinformatie.", "approved"),
    ("GGD Kustregio (verzonnen)", "Rachid el Amrani", "Leefstijlcoaching op afstand",
     "lecture", "zuid-holland", 1, 19, True, "", "Een avondlezing over wat werkt, en wat niet, "
     "bij leefstijlcoaching via app en video.", "approved"),
    ("Stichting Wonen en Zorg Utrecht-Oost (verzonnen)", "Femke Bakker",
     "Slimme sensoren in de thuiszorg", "workshop", "utrecht", None, None, False, "", "",
     "incomplete"),
    ("Welzijn Wadden (verzonnen)", "Hilde Postma", "Zorgrobot op bezoek", "try_out",
     "friesland", 1, 15, False, "Dorpshuis It Haske, Noardburgum",
     "Kinderen en ouderen ontmoeten samen een zorgrobot.", "approved"),
    ("Netwerk Zorg Drenthe (verzonnen)", "Gerrit Mulder", "E-health voor mantelzorgers",
     "webinar", "drenthe", 4, 11, True, "", "", "submitted"),
    ("Ziekenhuis De Maaspoort (verzonnen)", "Yasmina Bouzid", "Thuismonitoring na een operatie",
     "talk", "limburg", 2, 16, False, "Ziekenhuis De Maaspoort, Venlo",
     "Patiënten en verpleegkundigen vertellen over thuismonitoring.", "changes"),
    ("Gemeente Zeeuwse Delta (verzonnen)", "Bram de Wit", "Informatiemarkt slimme zorg",
     "market", "zeeland", 3, 14, False, "Stadhuis Zeeuwse Delta",
     "Aanbieders en zorgorganisaties laten zien wat er al kan.", "approved"),
]  # fmt: skip


def relay_weeks(today):
    """Monday to Friday of four consecutive weeks from the first Monday of the coming February
    (this February while its last week has not begun)."""
    year = today.year
    first = date(year, 2, 1)
    monday = first + timedelta(days=(7 - first.weekday()) % 7)
    if today >= monday + timedelta(days=21):
        first = date(year + 1, 2, 1)
        monday = first + timedelta(days=(7 - first.weekday()) % 7)
    return [(monday + timedelta(weeks=n), monday + timedelta(weeks=n, days=4)) for n in range(4)]


class RelayDemoLoader(DemoLoader):
    def load(self) -> Report:
        home = ensure_home()
        if home.get_children().filter(slug=RELAY["slug"]).exists():
            campaign = RelayCampaignPage.objects.get(slug=RELAY["slug"])
        else:
            weeks = relay_weeks(timezone.localdate())
            regions = [
                CampaignRegion(name=name, slug=slug, provinces=provinces, starts_on=start,
                               ends_on=end, sort_order=n)
                for n, ((name, slug, provinces), (start, end)) in enumerate(
                    zip(RELAY_REGIONS, weeks, strict=True))
            ]  # fmt: skip
            campaign = RelayCampaignPage(
                slug=RELAY["slug"], title=RELAY["title"], intro=RELAY["intro"],
                show_in_menus=True, regions=regions,
                contact_email="estafette@kennislab.example",
            )  # fmt: skip
            home.add_child(instance=campaign)
            campaign.save_revision().publish()
            campaign = RelayCampaignPage.objects.get(pk=campaign.pk)
            self.report.add(f"campagne {campaign.title}")
        if not Activity.objects.filter(campaign=campaign).exists():
            weeks = {week.region: week for week in campaign.weeks()}
            for spec in RELAY_ACTIVITIES:
                self._activity(campaign, weeks, spec)
            self.report.add(f"{len(RELAY_ACTIVITIES)} activiteiten")
        return self.report

    def _activity(self, campaign, weeks, spec):
        (organiser, contact, title, kind, province, weekday, hour, online, location,
         description, state) = spec  # fmt: skip
        week = next(week for week in weeks.values() if province in week.provinces)
        data = {
            "organiser": organiser, "contact_name": contact, "title": title,
            "email": contact.lower().replace(" ", ".") + "@kennislab.example",
            "phone": "", "province": province, "kind": kind if state != "incomplete" else "",
            "date": week.starts_on + timedelta(days=weekday) if weekday is not None else None,
            "starts_at": time(hour) if hour else None,
            "ends_at": time(hour + 1, 30) if hour else None,
            "online": online, "location": location,
            "link": "https://www.kennislab.example/meedoen" if online else "",
            "audience": "Zorgverleners, cliënten en mantelzorgers", "description": description,
        }  # fmt: skip
        activity, _token = activities.register(campaign.pk, data, "Demo (verzonnen).")
        if state in ("approved", "incomplete"):
            activities.moderate(activity.pk, "approve", "", None)
        elif state == "changes":
            activities.moderate(activity.pk, "request_changes",
                                "Wil je de tijden en de zaal nog aanvullen?", None)  # fmt: skip


def load_demo() -> Report:
    with transaction.atomic():
        report = AgendaDemoLoader().load()
        relay = RelayDemoLoader()
        relay.report = report  # one report for the whole app
        return relay.load()
