"""Demo content for the agenda: upcoming events (one full with a waiting list, one on site that
asks for dietary and accessibility needs and costs money, one without registration), each with
its programme, speakers, costs, accessibility, route and contact person, and a past webinar with
a recording (link) and slides (a PDF document) to watch back; a regional relay campaign with the
regions and provinces of the 2021 edition, in the coming February, with activities in every
state (published, incomplete, waiting, changes asked). Invented organisations and people; dates
are relative to today. Idempotent."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from kennislab.content.demo.loader import DemoLoader, Report
from kennislab.content.models import Person, Theme
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
# The webinars the Kennislab's demo items are about (same slug as the item): their calls to
# action ("Kijk het webinar terug") lead to these events' watch-back forms.
PAST_WEBINARS = [
    ("webinar-samen-werken-aan-een-lokaal-preventieakkoord",
     "Webinar: samen werken aan een lokaal preventieakkoord", "webinar", -75, 14, 1, True, "",
     None, ["preventie"], "Drie gemeenten over hoe zij met partners een lokaal akkoord sloten."),
    ("webinar-de-nulmeting-vitaliteit", "Webinar: de nulmeting vitaliteit", "webinar", -60, 11,
     1, True, "", None, ["werk-en-vitaliteit"],
     "Een bedrijfsarts, een vitaliteitscoach en een HR-manager over de nulmeting."),
]  # fmt: skip
# What an event page shows besides its core fields, by slug: programme (start, end, part, by
# whom), speakers (name, role, organisation, bio), costs (empty: free), accessibility, route,
# the contact person (a demo adviser, by e-mail) and the questions the sign-up form asks.
DETAILS = {
    "webinar-eenzaamheid-in-de-wijk": {
        "programme": [
            ("15:00", "15:05", "Welkom en uitleg", "Priya Ramdin", ""),
            ("15:05", "15:35", "Drie gemeenten over hun aanpak", "Sanne Oldenkamp, Bart Welling "
             "en Hanna Zuidveld", "Hoe buurtwerk, huisartsen en bibliotheek samen signaleren."),
            ("15:35", "15:55", "Vragen uit de chat", "", ""),
            ("15:55", "16:00", "Afsluiting: wat neem je mee?", "", ""),
        ],
        "speakers": [
            ("Sanne Oldenkamp", "Buurtwerker", "Welzijn Lindeloo (verzonnen)",
             "Werkt tien jaar in de wijk en zette een signaleringsnetwerk op."),
            ("Bart Welling", "Huisarts", "Gezondheidscentrum De Beuk (verzonnen)", ""),
            ("Hanna Zuidveld", "Beleidsadviseur", "Gemeente Turfhaven (verzonnen)", ""),
        ],
        "costs": "",
        "accessibility": "Met live ondertiteling in het Nederlands. Vragen stel je in de chat of "
                         "via je microfoon.",
        "contact": "p.ramdin@kennislab.example",
    },
    "werkplaats-gezonde-schoolpleinen": {
        "programme": [
            ("10:00", "10:15", "Inloop met koffie en thee", "", ""),
            ("10:15", "11:00", "Een groen plein: ontwerp en budget", "Joris Meulenbelt", ""),
            ("11:00", "12:15", "Aan de slag met je eigen plein", "Alle deelnemers",
             "In kleine groepen, met een plattegrond van je eigen schoolplein."),
            ("12:15", "13:00", "Lunch en afsluiting", "", ""),
        ],
        "speakers": [
            ("Joris Meulenbelt", "Landschapsarchitect", "Bureau Buitenspel (verzonnen)",
             "Ontwierp meer dan twintig groene schoolpleinen."),
        ],
        "costs": "€ 25 (inclusief lunch); gratis voor scholen in de regio",
        "accessibility": "Het buurthuis is rolstoeltoegankelijk, met een invalidentoilet en een "
                         "ringleiding in de grote zaal. Er is een rustige ruimte om even bij te "
                         "komen.",
        "directions": "Vanaf station Lindeloo 10 minuten lopen, of bus 4 tot halte De Wilg. "
                 "Gratis parkeren achter het buurthuis; fietsenstalling bij de hoofdingang.",
        "directions_url": "https://www.buurthuisdewilg.example/route",
        "contact": "f.lindhout@kennislab.example",
        "ask_dietary": True,
        "ask_accessibility": True,
    },
    "informatiemarkt-vitaal-werken": {
        "programme": [
            ("13:00", "17:00", "Informatiemarkt met twintig stands", "", "Loop binnen wanneer "
             "het je uitkomt."),
            ("14:00", "14:30", "Korte lezing: vitaal werken in kleine bedrijven", "Mila Oosterveld",
             ""),
        ],
        "speakers": [
            ("Mila Oosterveld", "Bedrijfsarts", "Arbodienst Turfhaven (verzonnen)", ""),
        ],
        "costs": "",
        "accessibility": "Het stadskantoor is rolstoeltoegankelijk; de lift staat links van de "
                         "hoofdingang.",
        "directions": "Tram 2 tot halte Turfhaven. Parkeergarage Turfhaven ligt ernaast (betaald).",
        "contact": "y.aydemir@kennislab.example",
    },
    "webinar-positieve-gezondheid-in-de-praktijk": {
        "programme": [
            ("15:00", "15:10", "Welkom", "Ruben Hagedoorn", ""),
            ("15:10", "15:45", "Het andere gesprek in de spreekkamer en het sociaal team",
             "Inge Bartels en Koen Verhoef", ""),
            ("15:45", "16:00", "Vragen", "", ""),
        ],
        "speakers": [
            ("Inge Bartels", "Praktijkondersteuner", "Huisartsenpraktijk De Linde (verzonnen)", ""),
            ("Koen Verhoef", "Teamleider sociaal team", "Gemeente Zilverdam (verzonnen)", ""),
        ],
        "costs": "",
        "accessibility": "De opname heeft ondertitels.",
        "contact": "r.hagedoorn@kennislab.example",
    },
    "webinar-samen-werken-aan-een-lokaal-preventieakkoord": {
        "programme": [
            ("14:00", "14:10", "Welkom en waarom een lokaal akkoord", "Ruben Hagedoorn", ""),
            ("14:10", "14:45", "Drie gemeenten vertellen", "Femke Roozendaal en Arjen Smit",
             "Van eerste bijeenkomst tot getekend akkoord."),
            ("14:45", "15:00", "Vragen", "", ""),
        ],
        "speakers": [
            ("Femke Roozendaal", "Beleidsadviseur gezondheid", "Gemeente Rijnmeer (verzonnen)", ""),
            ("Arjen Smit", "Adviseur preventie", "GGD Kustregio (verzonnen)", ""),
        ],
        "costs": "",
        "accessibility": "De opname heeft ondertitels.",
        "contact": "r.hagedoorn@kennislab.example",
    },
    "webinar-de-nulmeting-vitaliteit": {
        "programme": [
            ("11:00", "11:10", "Welkom", "Mila Oosterveld", ""),
            ("11:10", "11:45", "Zo zet je een nulmeting op", "Mila Oosterveld en Dirk Bakels", ""),
            ("11:45", "12:00", "Vragen", "", ""),
        ],
        "speakers": [
            ("Mila Oosterveld", "Bedrijfsarts", "Arbodienst Turfhaven (verzonnen)", ""),
            ("Dirk Bakels", "HR-manager", "Drukkerij Kleurrijk (verzonnen)", ""),
        ],
        "costs": "",
        "accessibility": "De opname heeft ondertitels.",
        "contact": "y.aydemir@kennislab.example",
    },
}  # fmt: skip
# The past webinar's materials: the recording and the slides as links, the slides as a PDF too.
PAST_MATERIALS = [
    ("heading", "Opname en presentatie"),
    ("embed", {"url": "https://video.kennislab.example/webinars/positieve-gezondheid-praktijk",
               "title": "Opname van het webinar (58 minuten, met ondertitels)", "kind": "video",
               "description": "De hele uitzending, met de vragen uit de chat."}),
    ("embed", {"url": "https://video.kennislab.example/webinars/positieve-gezondheid-dia",
               "title": "De presentatie online bekijken", "kind": "slides"}),
    ("download", {"title": "Presentatie Positieve Gezondheid in de praktijk",
                  "filename": "presentatie-positieve-gezondheid-in-de-praktijk.pdf",
                  "content": ["Positieve Gezondheid in de praktijk",
                              "Het andere gesprek: wat vindt u belangrijk?",
                              "Voorbeelden uit de spreekkamer en het sociaal team"],
                  "description": "De dia's van het webinar (demo)."}),
    ("list", ["Fragment 1: het gesprek over wat mensen belangrijk vinden",
              "Fragment 2: Positieve Gezondheid in het sociaal team"]),
]  # fmt: skip
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
        for spec in [*EVENTS, PAST, *PAST_WEBINARS]:
            self._event(agenda, spec, themes)
        self._link_webinar_items()
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
        existing = agenda.get_children().filter(slug=slug).specific().first()
        if existing is not None:
            if not existing.programme and slug in DETAILS:  # loaded before events had details
                self._details(existing, slug, days)
                existing.save_revision().publish()
                self.report.add(f"details {title}")
            return
        page = EventPage(
            slug=slug, title=title, kind=kind, starts_at=_moment(days, hour),
            ends_at=_moment(days, hour) + timedelta(hours=hours), online=online,
            location=location, capacity=capacity, registration=days > 0 and kind != "market",
            intro=intro, organiser="Netwerk Gezond Samen",
            join_url="https://webinar.kennislab.example/demo" if online else "",
        )  # fmt: skip
        self._details(page, slug, days)
        page.themes = [themes[slug] for slug in theme_slugs if slug in themes]
        agenda.add_child(instance=page)
        page.save_revision().publish()
        self.report.add(f"evenement {title}")

    def _link_webinar_items(self):
        """The demo items about a past webinar get their call to action's event (the items are
        loaded before the agenda): "Kijk het webinar terug" then opens its watch-back form."""
        from kennislab.content.models import ArticlePage

        events = {spec[0]: EventPage.objects.get(slug=spec[0]) for spec in PAST_WEBINARS}
        for article in ArticlePage.objects.filter(slug__in=events).specific():
            changed = False
            for block in article.body:
                value = block.value
                if block.block_type == "call_to_action" and value.get("action") == "webinar" and (
                        not value.get("page")):  # fmt: skip
                    value["page"] = events[article.slug]
                    changed = True
            if changed:
                article.save_revision().publish()
                self.report.add(f"oproep {article.title}")

    def _details(self, page, slug, days):
        details = DETAILS.get(slug, {})
        page.programme = [
            {"type": "slot", "value": {"starts": starts, "ends": ends, "title": part,
                                       "speaker": who, "description": text}}
            for starts, ends, part, who, text in details.get("programme", [])
        ]  # fmt: skip
        page.speakers = [
            {"type": "speaker", "value": {"name": name, "role": role, "organisation": org,
                                          "bio": bio}}
            for name, role, org, bio in details.get("speakers", [])
        ]  # fmt: skip
        page.costs = details.get("costs", "")
        page.accessibility = details.get("accessibility", "")
        page.directions = details.get("directions", "")
        page.directions_url = details.get("directions_url", "")
        page.ask_dietary = details.get("ask_dietary", False)
        page.ask_accessibility = details.get("ask_accessibility", False)
        page.contact = Person.objects.filter(email=details.get("contact", "-")).first()
        if days < 0:
            page.materials = self.stream(PAST_MATERIALS)


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
