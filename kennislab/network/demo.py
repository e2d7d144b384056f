"""Demo content of the network app: approved pledges (one with progress updates, one linked to a
demo article), one waiting, one practice story waiting and one accepted (with its draft article).
Pledges that show their deeds (issue 18): a municipality's pledge with a timeline — updates per
commitment, its knowledge voucher and its published practice story — an employer's pledge with
its vignet and a municipality's with its relay activity. Those links are confirmed as an editor
would: from the suggestions by name, so only when the other apps' demo records exist (their
loaders run before this one, settings.DEMO_LOADERS).
Invented organisations and people; addresses under kennislab.example. Idempotent: nothing is
added once a demo pledge or story exists; each pledge that shows deeds is added once, by name."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from kennislab.content.demo.loader import Report
from kennislab.content.models import ArticlePage, Domain, Theme

from . import deeds, services, timeline
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
# Pledges that show their deeds: organisation, contact, province, domains, themes, partners,
# commitments, updates (days ago, text, commitment), deeds to confirm (kind, commitment), story.
DEED_PLEDGES = [
    ("Gemeente Turfhaven (verzonnen)", "Lotte Zijlstra", "friesland", ["school", "wijk"],
     ["leefstijl", "preventie"], "GGD Waterstreek (verzonnen), Sportraad Turfhaven (verzonnen)",
     "Dit spreken we af in Turfhaven:\n"
     "- Elke basisschool heeft in 2028 een watertap op het plein.\n"
     "- Vier scholen krijgen een gezonde kantine.\n"
     "- Sportclubs worden rookvrij, met hulp van de gemeente.",
     [(150, "Zes scholen hebben nu een watertap op het plein. De kinderen drinken er elke dag "
       "uit.", 1),
      (40, "Twee sportclubs zijn rookvrij. Bij de ingang staan nu borden.", 3)],
     [(timeline.VOUCHER, None), (timeline.STORY, 1)],
     ("Een watertap op elk schoolplein", "Gemeente Turfhaven (verzonnen)", "Lotte Zijlstra")),
    ("Drukkerij Kleurrijk (verzonnen)", "Dirk Bakels", "friesland", ["werk"],
     ["leefstijl"], "Arbodienst Turfhaven (verzonnen)",
     "- Al onze medewerkers kunnen twee keer per week in de pauze wandelen.\n"
     "- In de kantine is de gezonde keuze de makkelijkste keuze.",
     [], [(timeline.VIGNET, 1)], None),
    ("Gemeente Zeeuwse Delta (verzonnen)", "Bram de Wit", "zeeland", ["zorg", "wijk"],
     ["preventie"], "",
     "Inwoners leren slimme zorg kennen: elk jaar een informatiemarkt en hulp bij apps.",
     [], [(timeline.ACTIVITY, None)], None),
]  # fmt: skip
DEED_STORY = {
    "summary": "In Turfhaven drinken kinderen water uit een tap op het schoolplein. Zo begon het.",
    "what_was_done": "We vroegen scholen wat ze nodig hadden. Daarna plaatsten we op zes "
    "schoolpleinen een watertap.\n\nOuders en kinderen kozen samen de plek.",
    "what_worked": "Kinderen mochten de tap zelf versieren. Daardoor gebruiken ze hem vaker.",
    "lessons": "Begin bij één school. Laat de kinderen meedenken. Maak afspraken over het "
    "onderhoud.",
}

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
        _deed_pledges(report)
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


def _deed_pledges(report: Report):
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    domains = {domain.code: domain for domain in Domain.objects.all()}
    today = timezone.localdate()
    for spec in DEED_PLEDGES:
        (organisation, contact, province, domain_codes, theme_slugs, partners, text, updates,
         links, story) = spec  # fmt: skip
        if Pledge.objects.filter(consent_text=CONSENT, organisation=organisation).exists():
            continue
        data = {
            "organisation": organisation, "contact_name": contact, "email": _email(contact),
            "phone": "", "province": province, "partners": partners, "commitments": text,
            "themes": [themes[s] for s in theme_slugs if s in themes],
            "domains": [domains[c] for c in domain_codes if c in domains],
        }  # fmt: skip
        pledge, _token = services.sign(data, CONSENT)
        services.moderate_pledge(pledge.pk, "approve", "", None)
        report.add(f"pledge {organisation}")
        for days, update_text, commitment in updates:
            update = services.post_update(pledge.pk, update_text, today - timedelta(days=days),
                                          commitment)  # fmt: skip
            services.moderate_update(update.pk, "approve", "", None)
        if story is not None:
            _published_story(story, themes)
        pledge.refresh_from_db()
        suggested = {}
        for candidate in deeds.suggestions(pledge):
            suggested.setdefault(candidate.kind, candidate)  # the first of each kind
        for kind, commitment in links:
            if kind in suggested:
                services.decide_link(pledge.pk, kind, suggested[kind].target_id, "confirm",
                                     None, commitment=commitment)  # fmt: skip
                report.add(f"koppeling {suggested[kind].kind_label} bij {organisation}")


def _published_story(spec, themes):
    """A practice story, accepted, whose article the editors published."""
    title, organisation, contact = spec
    data = {**DEED_STORY, "title": title, "contact_name": contact, "email": _email(contact),
            "organisation": organisation, "name_public": False,
            "themes": [themes[s] for s in ("leefstijl",) if s in themes]}  # fmt: skip
    story = services.submit_story(data, None, CONSENT)
    story = services.moderate_story(story.pk, "accept", "", None)
    story.article.save_revision().publish()
