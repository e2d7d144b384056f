"""Demo content of the network app: approved pledges (one with progress updates, one linked to a
demo article), one waiting, one practice story waiting and one accepted (with its draft article).
Invented organisations and people; addresses under kennislab.example. Idempotent: nothing is
added once a demo pledge exists."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from kennislab.content.demo.loader import Report
from kennislab.content.models import ArticlePage, Domain, Theme

from . import services
from .models import Pledge, Story

CONSENT = "Demo (verzonnen)."
# organisation, contact, province, domains, themes, partners, commitments, state
PLEDGES = [
    ("Gemeente Lindeloo (verzonnen)", "Anouk Verhoef", "gelderland", ["school", "wijk"],
     ["leefstijl", "preventie"], "GGD Rivierenland-Oost, Sportbedrijf Lindeloo",
     "Elke basisschool in Lindeloo heeft in 2028 een gezonde kantine en een watertap. We "
     "starten met vier scholen in de wijk De Esch.", "approved"),
    ("Zorggroep Vechtdal (verzonnen)", "Jeroen Smit", "overijssel", ["zorg"],
     ["positieve-gezondheid"], "Huisartsen Vechtdal, Welzijn Vechtdal",
     "Alle praktijkondersteuners voeren het gesprek over wat mensen belangrijk vinden; we "
     "verwijzen vaker naar welzijn op recept.", "approved"),
    ("Bedrijvenkring Turfhaven (verzonnen)", "Mila Hoekstra", "friesland", ["werk"],
     ["mentale-gezondheid"], "Arbodienst Noord",
     "Twaalf werkgevers bieden hun medewerkers een vitaliteitsprogramma en meten elk jaar hoe "
     "het gaat.", "approved"),
    ("Buurtcoöperatie De Wilg (verzonnen)", "Kees Brouwer", "utrecht", ["wijk"],
     ["groen-en-gezondheid"], "", "We vergroenen drie pleinen samen met bewoners.", "submitted"),
]  # fmt: skip
UPDATES = [
    ("2026-10-01", "Vier scholen hebben nu een watertap; twee kantines zijn vernieuwd."),
    ("2027-02-15", "De ouderraden van alle scholen doen mee; in het voorjaar volgen er drie."),
]
STORIES = [
    ("Samen koken in de wijk", "Welzijn Polderland (verzonnen)", "Sanne de Boer", True,
     ["leefstijl"], "accepted"),
    ("Beweegmaatjes voor ouderen", "Sportbedrijf Zeeuwse Delta (verzonnen)", "Bram Visser",
     False, ["leefstijl", "positieve-gezondheid"], "submitted"),
]  # fmt: skip


def _email(name: str) -> str:
    return name.lower().replace(" ", ".") + "@kennislab.example"


def database_has_content() -> bool:
    return Pledge.objects.exists() or Story.objects.exists()


def load_demo() -> Report:
    report = Report()
    with transaction.atomic():
        if not Pledge.objects.filter(consent_text=CONSENT).exists():
            _pledges(report)
        if not Story.objects.filter(consent_text=CONSENT).exists():
            _stories(report)
    return report


def _pledges(report: Report):
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    domains = {domain.code: domain for domain in Domain.objects.all()}
    created = []
    for (
        organisation,
        contact,
        province,
        domain_codes,
        theme_slugs,
        partners,
        text,
        state,
    ) in PLEDGES:
        data = {
            "organisation": organisation, "contact_name": contact, "email": _email(contact),
            "phone": "", "province": province, "partners": partners, "commitments": text,
            "themes": [themes[s] for s in theme_slugs if s in themes],
            "domains": [domains[c] for c in domain_codes if c in domains],
        }  # fmt: skip
        pledge, _token = services.sign(data, CONSENT)
        if state == "approved":
            services.moderate_pledge(pledge.pk, "approve", "", None)
        created.append(pledge)
        report.add(f"pledge {organisation}")
    first = created[0]
    for day, text in UPDATES:
        update = services.post_update(first.pk, text, date.fromisoformat(day))
        services.moderate_update(update.pk, "approve", "", None)
    article = ArticlePage.objects.live().order_by("pk").first()
    if article is not None:
        created[1].related_pages.set([article])


def _stories(report: Report):
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    for title, organisation, contact, name_public, theme_slugs, state in STORIES:
        data = {
            "title": title,
            "summary": f"{organisation} vertelt hoe ‘{title.lower()}’ begon en wat het oplevert.",
            "what_was_done": "We begonnen klein, met een paar bewoners en één vaste plek.\n\n"
            "Na drie maanden deden er twintig mensen mee.",
            "what_worked": "Een vast moment in de week, en de huisarts die mensen wees op het "
            "initiatief.",
            "lessons": "Vraag bewoners eerst wat zij willen. Zoek een vaste partner voor de "
            "ruimte.",
            "contact_name": contact, "email": _email(contact), "organisation": organisation,
            "name_public": name_public,
            "themes": [themes[s] for s in theme_slugs if s in themes],
        }  # fmt: skip
        story = services.submit_story(data, None, CONSENT)
        if state == "accepted":
            services.moderate_story(story.pk, "accept", "", None)
        report.add(f"praktijkverhaal {title}")
