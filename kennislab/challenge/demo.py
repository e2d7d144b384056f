"""Demo content for the 30-day challenge: the next March's edition with sign-up open now, the
default support messages (general for all seven days, and a few per theme), four campaign
materials as small generated PDFs, and a few invented participants and teams so the figures are
not zero. Dates are relative to today. Idempotent."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection

from kennislab.content.demo.loader import DemoLoader, Report
from kennislab.content.demo.pdf import simple_pdf
from kennislab.content.site import ensure_home

from . import services
from .models import (
    Audience,
    ChallengeMaterial,
    ChallengePage,
    Participant,
    Participation,
    SupportMessage,
    Theme,
)

INTRO = (
    "Dertig dagen lang werk je aan je eigen gezonde uitdaging: meer bewegen, gezonder eten, een "
    "maand zonder alcohol, minder suiker, ontspanning of beter slapen. Alleen of samen met "
    "collega's, sportmaatjes, buren, vrienden of familie. Meedoen is gratis, en tijdens de maand "
    "krijg je steunberichten."
)
BODY = [
    ("heading", "Zo werkt het"),
    ("list", [
        "Kies een thema en schrijf je persoonlijke doel op.",
        "Doe alleen mee, start een team of doe mee met een team via de uitnodigingslink.",
        "Bevestig je deelname via de link in je e-mail en vink elke dag af wat je deed.",
        "Op dag 1, 3, 7, 14, 21, 28 en 30 krijg je een steunbericht.",
    ]),
    ("heading", "Voor regionale organisatoren"),
    ("paragraph", "GGD's, gemeenten en netwerken kunnen in februari aansluiten en de uitdaging in "
                  "hun regio onder de aandacht brengen. Hieronder staat het campagnemateriaal."),
]  # fmt: skip

GENERAL = {
    1: ("Dag 1: je bent begonnen!", "Hoi {naam},\n\nVandaag is dag 1 van je uitdaging. Je doel: "
        "{doel}\n\nBegin klein en vink vanavond je eerste dag af. Succes!"),
    3: ("Dag 3: de eerste dagen zitten erop", "Hoi {naam},\n\nDag 3 al. De eerste dagen zijn "
        "vaak het spannendst. Wat ging goed? Schrijf het voor jezelf op."),
    7: ("Een week onderweg", "Hoi {naam},\n\nEen week! Kijk eens terug: hoeveel dagen heb je "
        "afgevinkt? Een dag gemist is niet erg; morgen is een nieuwe dag."),
    14: ("Halverwege", "Hoi {naam},\n\nDag 14: je bent bijna halverwege. Vertel iemand over je "
         "doel ({doel}); samen houd je het makkelijker vol."),
    21: ("Drie weken", "Hoi {naam},\n\nDrie weken volgehouden. Nieuwe gewoontes beginnen nu "
         "vanzelf te gaan. Nog negen dagen!"),
    28: ("Bijna klaar", "Hoi {naam},\n\nDag 28. Nog even, dan heb je dertig dagen gewerkt aan "
         "{doel}. Wat neem je mee na de uitdaging?"),
    30: ("Dag 30: gefeliciteerd!", "Hoi {naam},\n\nDe laatste dag. Wat er ook van je dertig "
         "dagen terechtkwam: je hebt iets nieuws geprobeerd. Kijk op je pagina hoeveel dagen je "
         "afvinkte, en houd vast wat werkte."),
}  # fmt: skip
THEMED = {
    (1, Theme.EXERCISE): ("Dag 1: in beweging", "Hoi {naam},\n\nVandaag begin je met bewegen. "
                         "Een wandeling van tien minuten telt al. Je doel: {doel}"),
    (1, Theme.NO_ALCOHOL): ("Dag 1: een maand zonder alcohol", "Hoi {naam},\n\nDag 1 zonder "
                           "alcohol. Zet iets lekkers zonder alcohol klaar voor vanavond."),
    (7, Theme.SLEEP): ("Een week beter slapen", "Hoi {naam},\n\nEen week aan je slaap gewerkt. "
                      "Vaste tijden helpen: elke dag op hetzelfde uur naar bed."),
    (14, Theme.LESS_SUGAR): ("Halverwege met minder suiker", "Hoi {naam},\n\nTwee weken minder "
                            "suiker. Merk je al dat zoet zoeter smaakt?"),
}  # fmt: skip
MATERIALS = [
    ("Poster 30DagenGezonder (A3)", Audience.ORGANISERS, "poster-30dagengezonder.pdf",
     "Een poster om op te hangen in de wijk, de bibliotheek of de sportkantine.",
     ["Doe mee met 30DagenGezonder!", "Dertig dagen je eigen gezonde uitdaging. Meld je aan "
      "op de site van het netwerk. (Demo-materiaal, verzonnen.)"]),
    ("Toolkit voor scholen", Audience.SCHOOLS, "toolkit-scholen.pdf",
     "Lesideeën en een ouderbrief om de uitdaging op school te organiseren.",
     ["Toolkit voor scholen", "Drie lesideeën, een ouderbrief en tips om als team mee te doen. "
      "(Demo-materiaal, verzonnen.)"]),
    ("Toolkit voor bedrijven", Audience.COMPANIES, "toolkit-bedrijven.pdf",
     "Een stappenplan om collega's samen in teams mee te laten doen.",
     ["Toolkit voor bedrijven", "Stappenplan, intranetbericht en een teamkaart voor collega's. "
      "(Demo-materiaal, verzonnen.)"]),
    ("Ansichtkaarten om uit te delen", Audience.ORGANISERS, "ansichtkaarten.pdf",
     "Drukbestand voor kaarten met de uitnodiging om mee te doen.",
     ["Ansichtkaarten 30DagenGezonder", "Voorkant en achterkant, klaar om te drukken. "
      "(Demo-materiaal, verzonnen.)"]),
]  # fmt: skip
# (name, theme, goal, participation, team key); invented people, e-mail at example.org
PARTICIPANTS = [
    ("Demo Deelnemer Een", Theme.EXERCISE, "Elke dag 20 minuten wandelen.",
     Participation.START_TEAM, "wandel"),
    ("Demo Deelnemer Twee", Theme.EXERCISE, "Drie keer per week fietsen naar het werk.",
     Participation.JOIN_TEAM, "wandel"),
    ("Demo Deelnemer Drie", Theme.NO_ALCOHOL, "Een maand geen alcohol.",
     Participation.ALONE, None),
    ("Demo Deelnemer Vier", Theme.SLEEP, "Om 23.00 uur in bed, zonder telefoon.",
     Participation.START_TEAM, "slaap"),
    ("Demo Deelnemer Vijf", Theme.HEALTHY_EATING, "Elke dag twee stuks fruit.",
     Participation.ALONE, None),
    ("Demo Deelnemer Zes", Theme.LESS_SUGAR, "Geen frisdrank met suiker.",
     Participation.ALONE, None),
]  # fmt: skip
TEAM_NAMES = {"wandel": "De Wandelclub van de Lindelaan", "slaap": "Team Uitgerust"}


def edition_start(today: date) -> date:
    """1 March of the next March: this year's when March has not begun yet, else next year's."""
    year = today.year if today.month < 3 else today.year + 1
    return date(year, 3, 1)


def slug_for(year: int) -> str:
    return f"30dagengezonder-{year}"


def database_has_content() -> bool:
    return ChallengePage.objects.exists()


def _aware(day: date, hour: int = 0, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


class ChallengeDemoLoader(DemoLoader):
    def load(self) -> Report:
        today = timezone.localdate()
        starts_on = edition_start(today)
        page = self._page(ensure_home(), starts_on, today)
        self._messages()
        if not Participant.objects.filter(page=page).exists():
            self._participants(page)
        return self.report

    def _page(self, home, starts_on, today):
        slug = slug_for(starts_on.year)
        existing = home.get_children().filter(slug=slug).specific().first()
        if existing is not None:
            return existing
        page = ChallengePage(
            slug=slug,
            title=f"30DagenGezonder {starts_on.year}",
            year=starts_on.year,
            starts_on=starts_on,
            signup_opens_at=_aware(
                today - timedelta(days=1)
            ),  # open now (and in the browser tests)
            signup_closes_at=_aware(starts_on + timedelta(days=14), 23, 59),
            intro=INTRO,
            body=self.stream(BODY),
            show_in_menus=False,
        )
        for order, (title, audience, filename, description, content) in enumerate(MATERIALS):
            page.materials.add(
                ChallengeMaterial(
                    sort_order=order, title=title, audience=audience, description=description,
                    document=self._pdf(title, filename, content),
                )
            )  # fmt: skip
        home.add_child(instance=page)
        page.save_revision().publish()
        self.report.add(f"pagina {page.url_path}")
        return ChallengePage.objects.get(pk=page.pk)

    def _pdf(self, title, filename, content):
        Document = get_document_model()
        existing = Document.objects.filter(title=title).first()
        if existing:
            return existing
        document = Document(title=title, collection=Collection.get_first_root_node())
        pdf = simple_pdf(title, content)
        document.file.save(filename, ContentFile(pdf), save=False)
        document.file_size = len(pdf)
        document.save()
        self.report.add(f"document {title}")
        return document

    def _messages(self):
        specs = [((day, ""), text) for day, text in GENERAL.items()] + list(THEMED.items())
        for (day, theme), (subject, body) in specs:
            _message, created = SupportMessage.objects.get_or_create(
                day=day, theme=theme, defaults={"subject": subject, "body": body}
            )
            if created:
                self.report.add(f"steunbericht dag {day} {theme or 'algemeen'}")

    def _participants(self, page):
        codes = {}
        for number, (name, theme, goal, participation, team) in enumerate(PARTICIPANTS, 1):
            data = {
                "name": name,
                "email": f"deelnemer{number}@example.org",
                "theme": theme,
                "goal": goal,
                "participation": participation,
                "team_name": TEAM_NAMES.get(team, ""),
                "team_code": codes.get(team, ""),
            }
            signed = services.sign_up(page.pk, data, "Demo-aanmelding (verzonnen).")
            services.confirm(signed.participant)
            if signed.participant.team:
                codes[team] = signed.participant.team.code
        self.report.add(f"{len(PARTICIPANTS)} deelnemers en {len(codes)} teams")


def load_demo() -> Report:
    with transaction.atomic():
        return ChallengeDemoLoader().load()
