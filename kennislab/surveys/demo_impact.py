"""Demo content of the impact follow-up: two invitation-only surveys ("Wat heeft je kennisvoucher
opgeleverd?" and "Hoe gaat het na 30DagenGezonder?"), chosen for the voucher schemes and the
challenge edition of the demo, and an earlier, closed voucher round (2025) whose eight
definitively granted vouchers were followed up three months later: invitations, reminders,
responses and quotes. So the good example "Welzijnsnetwerk Lindeveld" shows "Gebruikt door
6 organisaties · 4,4 van 5" and two quotes, and the admin's impact report has figures.

Everything is invented: the round, the organisations, the people and their answers. Dates of
the past round are fixed (like the current round's in vouchers/demo_data.py). Idempotent: pages
are found by their slug, the round by its scheme's slug, and answers are added only once."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from kennislab.content.demo.loader import DemoLoader
from kennislab.content.models import Theme
from kennislab.content.site import ensure_home
from kennislab.core.tokens import new_token

from . import impact_rules
from .models import ImpactInvitation, ImpactKind, SurveyPage, SurveyQuestion, SurveyResponse

SATISFACTION = ["Heel ontevreden", "Ontevreden", "Neutraal", "Tevreden", "Heel tevreden"]
CHANGES = [
    "We werken nu vanuit Positieve Gezondheid",
    "We hebben een plan voor de komende jaren",
    "Bewoners of cliënten doen meer mee",
    "We werken meer samen met andere organisaties",
    "Nog niets",
]
ADVICE = ["Ja", "Misschien", "Nee"]
VOUCHER_SURVEY = {
    "slug": "vragenlijst-effect-kennisvoucher",
    "title": "Wat heeft je kennisvoucher opgeleverd?",
    "intro": (
        "Drie maanden geleden kreeg je organisatie een kennisvoucher. Wat heeft die jullie "
        "gebracht? Dat willen we graag weten. Zo kunnen we de regeling beter maken. Er zijn maar "
        "vier korte vragen."
    ),
    "thanks": (
        "Dank je wel! Met je antwoorden laten we zien wat de kennisvouchers opleveren, en maken "
        "we de volgende ronde beter. (Demo-inhoud, verzonnen.)"
    ),
    "questions": [
        ("Hoe tevreden ben je over wat de voucher heeft opgeleverd?", "scale", SATISFACTION,
         True, ""),
        ("Wat is er veranderd?", "checkboxes", CHANGES, True,
         "Kies wat past bij je organisatie, wijk of gemeente."),
        ("Zou je dit goede voorbeeld aanraden aan andere organisaties?", "radio", ADVICE, True, ""),
        ("Wat wil je andere organisaties meegeven?", "multiline", [], False,
         "Bijvoorbeeld wat goed werkte, of wat je de volgende keer anders doet."),
    ],
}  # fmt: skip
KEEPING_UP = ["Helemaal niet", "Een beetje", "Redelijk", "Goed", "Heel goed"]
HELPED = ["De steunberichten", "Elke dag afvinken", "Samen met anderen meedoen", "Mijn eigen doel"]
CHALLENGE_SURVEY = {
    "slug": "vragenlijst-effect-30dagengezonder",
    "title": "Hoe gaat het na 30DagenGezonder?",
    "intro": (
        "Twee weken geleden was de laatste dag van de uitdaging. Hoe gaat het nu? Met je "
        "antwoorden maken we de volgende editie beter. De vragenlijst heeft drie korte vragen."
    ),
    "thanks": "Dank je wel voor je antwoorden! (Demo-inhoud, verzonnen.)",
    "questions": [
        ("Hoe goed houd je vol wat je in de uitdaging deed?", "scale", KEEPING_UP, True, ""),
        ("Wat hielp je het meest?", "checkboxes", HELPED, True, ""),
        ("Wat kunnen we de volgende keer beter doen?", "multiline", [], False, ""),
    ],
}  # fmt: skip
SURVEYS_OPEN_FROM = date(2025, 1, 1)
RETENTION_MONTHS = 60  # accounted for with the vouchers (their term is seven years)

PAST_SCHEME = {
    "slug": "positieve-gezondheid-2025",
    "title": "Kennisvouchers Positieve Gezondheid 2025",
    "funder": "Fonds Gezond Samenleven",
    "opens_at": "2025-01-14T09:00",
    "closes_at": "2025-04-30T17:00",
    "status_text": (
        "Deze ronde is gesloten. Bij de goede voorbeelden lees je wat de vouchers opleverden."
    ),
    "intro": (
        "De eerste ronde liep van januari tot en met april 2025. Acht organisaties kregen toen "
        "een voucher. Drie maanden later vroegen we hun wat het had opgeleverd. Dat lees je bij "
        "de goede voorbeelden."
    ),
}
PAST_EXAMPLES = [
    {
        "slug": "welzijnsnetwerk-lindeveld-wat-mensen-zelf-willen",
        "title": "Welzijnsnetwerk Lindeveld: samen kijken naar wat mensen zelf willen",
        "level": "municipality",
        "place": "Lindeveld",
        "intro": (
            "In Lindeveld werken wijkwerkers, huisartsen en vrijwilligers op dezelfde manier. Ze "
            "vragen eerst aan een bewoner wat voor hem of haar telt. Pas dan kijken ze samen wat "
            "er nodig is."
        ),
        "offer": [
            ("paragraph", "De expert geeft je team een training van drie dagdelen. Daarna "
                          "leidt ze twee bijeenkomsten waarin je wijkwerkers van elkaar leren."),
            ("list", ["de kaarten voor gesprekken en het werkboek van Lindeveld",
                      "een training van drie dagdelen voor je team",
                      "twee bijeenkomsten om van elkaar te leren, na de training"]),
        ],
        "audience": (
            "Voor gemeenten en het welzijnswerk: als je in een wijk wilt beginnen met Positieve "
            "Gezondheid."
        ),
        "expert": ("Saskia Verhoeff", "Opbouwwerker en trainer", "Welzijnsnetwerk Lindeveld",
                   "s.verhoeff@kennislab.example", "030 000 00 41"),
        "themes": ["positieve-gezondheid"],
    },
    {
        "slug": "zorggroep-meerland-thuiszorg",
        "title": "Zorggroep Meerland: Positieve Gezondheid in de thuiszorg",
        "level": "organisation",
        "place": "Meerland",
        "intro": (
            "De wijkverpleegkundigen van Zorggroep Meerland vragen cliënten eerst wat voor hen "
            "een goed leven is. De zorg sluit daarop aan."
        ),
        "offer": [
            ("paragraph", "De expert helpt je teams in de thuiszorg om het eerste gesprek met "
                          "een cliënt anders te voeren. Je krijgt een korte training. Later is "
                          "er nog een dag om terug te kijken."),
        ],
        "audience": "Voor thuiszorg en wijkverpleging.",
        "expert": ("Jeroen Dekkers-Baan", "Wijkverpleegkundige en coach", "Zorggroep Meerland",
                   "j.dekkersbaan@kennislab.example", "030 000 00 42"),
        "themes": ["positieve-gezondheid"],
    },
]  # fmt: skip
LINDEVELD, MEERLAND = (example["slug"] for example in PAST_EXAMPLES)

# (example, organisation, type, contact, province, received, confirmed,
#  answers: None (no response) or (score, changes, advice, text, quote consent, shown),
#  reminded, declined)
PAST_VOUCHERS = [
    (LINDEVELD, "Gemeente Kreekdal", "government", "Anouk Visschedijk", "zeeland",
     "2025-01-14T09:12", "2025-01-28T10:00",
     (5, [0, 1, 3], "Ja", "Onze wijkwerkers vragen nu eerst wat iemand zelf belangrijk vindt. "
      "Dat levert andere gesprekken op, en vaak kortere trajecten.", True, True), False, False),
    (LINDEVELD, "Welzijn Dommelweide", "care_welfare", "Fenna Rietbroek", "noord-brabant",
     "2025-01-14T09:40", "2025-01-30T14:00",
     (4, [0, 2], "Ja", "De training was praktisch. We gebruiken de gesprekskaarten nu in elk "
      "keukentafelgesprek.", True, True), True, False),
    (LINDEVELD, "Stichting Buurtkracht Veenhorst", "social_domain", "Daan Ellerbroek",
     "drenthe", "2025-01-15T11:05", "2025-02-04T09:30",
     (5, [0, 2, 3], "Ja", "Bewoners zitten nu zelf aan tafel bij het wijkplan.", False, False),
     False, False),
    (LINDEVELD, "GGD Maasrand", "care_welfare", "Yara Lemmens", "limburg",
     "2025-01-20T15:20", "2025-02-11T11:00",
     (4, [1, 3], "Ja", "We hebben samen met de huisartsen een plan gemaakt voor de komende "
      "twee jaar.", True, False), False, False),
    (LINDEVELD, "Gemeente IJsselwaard", "government", "Ruben Kamphorst", "overijssel",
     "2025-02-03T10:10", "2025-02-17T16:00",
     (4, [3], "Misschien", "", False, False), True, False),
    (LINDEVELD, "Wijkteam De Brink Lemmerveen", "social_domain", "Sietske Hoekstra",
     "friesland", "2025-02-10T13:45", "2025-02-24T10:30", None, False, True),
    (MEERLAND, "Thuiszorg Grachtenhof", "care_welfare", "Mirela Novak", "noord-holland",
     "2025-01-16T08:55", "2025-02-05T12:00",
     (4, [0, 2], "Ja", "Onze wijkverpleegkundigen zien de cliënt nu breder dan alleen de "
      "zorgvraag.", True, True), False, False),
    (MEERLAND, "Zorgcoöperatie Dijkzicht", "care_welfare", "Bram Oosterhuis", "zuid-holland",
     "2025-02-12T09:25", "2025-03-03T15:00",
     (3, [4], "Misschien", "Goed idee, maar onze teams hadden weinig tijd.", False, False),
     True, False),
]  # fmt: skip
ANSWERED_AFTER_DAYS = 3  # after the invitation, or after the reminder


def _aware(text: str) -> datetime:
    return timezone.make_aware(datetime.fromisoformat(text))


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


class ImpactDemoLoader(DemoLoader):
    def load(self):
        home = ensure_home()
        voucher_survey = self._survey(home, VOUCHER_SURVEY)
        challenge_survey = self._survey(home, CHALLENGE_SURVEY)
        self._choose(voucher_survey, challenge_survey)
        self._past_round(voucher_survey)
        return self.report

    def _survey(self, home, spec) -> SurveyPage:
        page = SurveyPage.objects.filter(slug=spec["slug"]).first()
        if page is not None:
            return page
        page = SurveyPage(
            slug=spec["slug"], title=spec["title"], intro=spec["intro"],
            thank_you_text=spec["thanks"], opens_at=_midnight(SURVEYS_OPEN_FROM),
            ask_region=False, invitation_only=True, retention_months=RETENTION_MONTHS,
            show_in_menus=False,
        )  # fmt: skip
        for order, (label, kind, choices, required, help_text) in enumerate(spec["questions"]):
            page.form_fields.add(
                SurveyQuestion(sort_order=order, label=label, field_type=kind,
                               choices="\n".join(choices), required=required,
                               help_text=help_text)
            )  # fmt: skip
        home.add_child(instance=page)
        page.save_revision().publish()
        self.report.add(f"pagina {page.url_path}")
        return SurveyPage.objects.get(pk=page.pk)

    def _choose(self, voucher_survey, challenge_survey):
        """The impact surveys for every voucher scheme and challenge edition without one."""
        from kennislab.challenge.models import ChallengePage
        from kennislab.vouchers.models import Scheme

        for scheme in Scheme.objects.filter(impact_survey__isnull=True):
            scheme.impact_survey = voucher_survey
            scheme.save(update_fields=["impact_survey"])
            self.report.add(f"vragenlijst over het effect bij {scheme.title}")
        for edition in ChallengePage.objects.filter(impact_survey__isnull=True):
            draft = edition.get_latest_revision_as_object()
            draft.impact_survey = challenge_survey
            draft.save_revision().publish()
            self.report.add(f"vragenlijst over het effect bij {edition.title}")

    # --- the earlier voucher round -------------------------------------------------------------

    def _past_round(self, survey):
        from kennislab.vouchers.models import Scheme

        if Scheme.objects.filter(slug=PAST_SCHEME["slug"]).exists():
            return
        scheme = Scheme.objects.create(
            slug=PAST_SCHEME["slug"], title=PAST_SCHEME["title"], funder=PAST_SCHEME["funder"],
            opens_at=_aware(PAST_SCHEME["opens_at"]), closes_at=_aware(PAST_SCHEME["closes_at"]),
            budget_total=Decimal("90000"), voucher_amount=Decimal("7500"), max_vouchers=12,
            max_per_example=6, status_text=PAST_SCHEME["status_text"], impact_survey=survey,
        )  # fmt: skip
        self.report.add(f"voucherregeling {scheme.title}")
        examples = self._past_examples(scheme)
        keys = [question.key for question in survey.questions()]
        for sequence, row in enumerate(PAST_VOUCHERS, 1):
            self._past_voucher(scheme, examples, survey, keys, sequence, row)
        self.report.add(f"{len(PAST_VOUCHERS)} vouchers met vragenlijsten over het effect")

    def _past_examples(self, scheme):
        from kennislab.vouchers.demo import INDEX
        from kennislab.vouchers.models import GoodExamplePage, VoucherIndexPage, VoucherSchemePage

        index, _ = self.child(
            ensure_home(), VoucherIndexPage, INDEX["slug"], title=INDEX["title"],
            intro=INDEX["intro"], show_in_menus=True,
        )  # fmt: skip
        scheme_page, _ = self.child(
            index, VoucherSchemePage, scheme.slug, title=scheme.title, scheme=scheme,
            intro=PAST_SCHEME["intro"],
        )  # fmt: skip
        themes = {theme.slug: theme for theme in Theme.objects.all()}
        examples = {}
        for spec in PAST_EXAMPLES:
            name, role, organisation, email, phone = spec["expert"]
            page = GoodExamplePage(
                slug=spec["slug"], title=spec["title"], level=spec["level"],
                intro=spec["intro"], offer=self.stream(spec["offer"]), audience=spec["audience"],
                place=spec["place"], expert_name=name, expert_role=role,
                expert_organisation=organisation, expert_email=email, expert_phone=phone,
            )  # fmt: skip
            page.themes = [themes[slug] for slug in spec["themes"] if slug in themes]
            scheme_page.add_child(instance=page)
            page.save_revision().publish()
            self.report.add(f"goed voorbeeld {page.title}")
            examples[spec["slug"]] = page
        return examples

    def _past_voucher(self, scheme, examples, survey, keys, sequence, row):
        from kennislab.vouchers.models import Application, ApplicationEvent, Status
        from kennislab.vouchers.services import organisation_key

        slug, organisation, kind, contact, province, received, confirmed = row[:7]
        answers, reminded, declined = row[7:]
        received_at, confirmed_at = _aware(received), _aware(confirmed)
        application = Application.objects.create(
            scheme=scheme, example=examples[slug], sequence=sequence, received_at=received_at,
            status=Status.CONFIRMED, amount=scheme.voucher_amount, organisation=organisation,
            organisation_key=organisation_key(organisation), organisation_type=kind,
            region=examples[slug].place, province=province, contact_name=contact,
            email=f"{contact.lower().replace(' ', '.').replace('-', '.')}@kennislab.example",
            motivation=f"{organisation} wil leren van dit voorbeeld en het in de eigen wijk "
                       "toepassen.",
            own_contribution="Een projectleider voor 8 uur per week en € 2.500 voor "
                             "bijeenkomsten.",
            consent=True, consent_text="Demo-aanvraag (verzonnen).", impact_consent=True,
            decided_at=confirmed_at, decision_note="Een sterk plan; de voucher is voor jullie.",
            token_hash=new_token()[1], token_expires_at=received_at + timedelta(days=365),
        )  # fmt: skip
        application.reference = f"KV-2025-{application.pk:04d}"
        application.save(update_fields=["reference"])
        ApplicationEvent.objects.bulk_create([
            ApplicationEvent(application=application, actor_label="aanvrager", from_status="",
                             to_status=Status.GRANTED, at=received_at,
                             note="Voorlopig toegekend: er was nog ruimte bij aankomst."),
            ApplicationEvent(application=application, actor_label="systeem", at=confirmed_at,
                             from_status=Status.GRANTED, to_status=Status.CONFIRMED,
                             note="Een sterk plan; de voucher is voor jullie."),
        ])  # fmt: skip
        sent_on = impact_rules.voucher_due_on(timezone.localdate(confirmed_at))
        reminded_on = sent_on + timedelta(days=impact_rules.REMINDER_DAYS)
        invitation = ImpactInvitation(
            page=survey, kind=ImpactKind.VOUCHER, application=application,
            sent_at=_midnight(sent_on) + timedelta(hours=7),
            expires_at=_midnight(impact_rules.link_expires_on(sent_on) + timedelta(days=1)),
            reminded_at=_midnight(reminded_on) + timedelta(hours=7) if reminded else None,
            declined_at=_midnight(sent_on) + timedelta(hours=12) if declined else None,
        )  # fmt: skip
        if answers is not None:
            score, changes, advice, text, consent, shown = answers
            day = (reminded_on if reminded else sent_on) + timedelta(days=ANSWERED_AFTER_DAYS)
            invitation.response = SurveyResponse.objects.create(
                page=survey, region=province, submit_time=_midnight(day),
                form_data={keys[0]: str(score), keys[1]: [CHANGES[n] for n in changes],
                           keys[2]: advice, keys[3]: text},
            )  # fmt: skip
            invitation.responded_at = _midnight(day) + timedelta(hours=10)
            invitation.quote_consent, invitation.quote_shown = consent, shown
        invitation.save()
