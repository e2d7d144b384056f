"""Load the demo voucher scheme (demo_data.py): the scheme, its page with the 11 good examples,
and a handful of invented applications, so that `make run` shows a scheme in use (two examples
full, one application on the waiting list, one withdrawn, one granted definitively).
Idempotent."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from kennislab.content.demo.loader import DemoLoader, Report
from kennislab.content.models import Theme
from kennislab.content.site import ensure_home

from . import demo_data, services
from .models import Application, GoodExamplePage, Scheme, VoucherIndexPage, VoucherSchemePage

INDEX = {
    "slug": "kennisvouchers",
    "title": "Kennisvouchers",
    "intro": (
        "Leer van organisaties die het al doen: met een kennisvoucher haal je een expert van een "
        "goed voorbeeld in huis."
    ),
}

# (example slug, organisation, type, contact, region) in order of arrival.
APPLICATIONS = [
    ("gezonde-regio-veenland", "Gemeente Turfhaven", "government", "Wendy Hoogeboom", "Turfhaven"),
    ("bewoners-onderzoeken-de-kolken-heuvelrade", "Buurtwerk Oosterwaard", "social_domain",
     "Mirjam Kloosterboer", "Oosterwaard"),
    ("gezonde-regio-veenland", "Regio Noorderzand", "government", "Bart Eikenhout", "Noorderzand"),
    ("huisartsenpraktijk-hazelbeek-spinnenweb", "Gezondheidshuis De Linde", "care_welfare",
     "Esra Yilmazer", "Lindeloo"),
    ("bewoners-onderzoeken-de-kolken-heuvelrade", "Stichting Wijkkracht Rijnmeer", "social_domain",
     "Thijs Oudekerk", "Rijnmeer"),
    ("gezonde-regio-veenland", "GGD Waterstreek", "care_welfare", "Nadia el Moussaoui",
     "Waterstreek"),
    ("scholennetwerk-zandhoeve", "Onderwijsgroep Vlietdal", "other", "Marloes Hendrikse-Ploeg",
     "Vlietdal"),
    ("welzijn-zilverdam-medewerkers-trainen", "Welzijn Heuvelrade", "care_welfare",
     "Koen Boerstra", "Heuvelrade"),
    ("sportvereniging-beekveld-vitale-vereniging", "Sportraad Turfhaven", "other",
     "Ilse van Dommelen", "Turfhaven"),
    ("gezonde-regio-veenland", "Gemeente Waterstreek", "government", "Rik Scheltema",
     "Waterstreek"),
]  # fmt: skip
WITHDRAWN = "Regio Noorderzand"  # withdraws, so the first waiting application moves up
CONFIRMED = "Gemeente Turfhaven"  # granted definitively by the network's staff


def _moment(text: str) -> datetime:
    return timezone.make_aware(datetime.fromisoformat(text))


def database_has_content() -> bool:
    return Scheme.objects.exists()


class VoucherDemoLoader(DemoLoader):
    def __init__(self, applications: bool = True):
        super().__init__()
        self.with_applications = applications  # load tests start from an untouched scheme

    def load(self) -> Report:
        home = ensure_home()
        self.pages["home"] = home
        index, _ = self.child(
            home, VoucherIndexPage, INDEX["slug"], title=INDEX["title"], intro=INDEX["intro"],
            show_in_menus=True,
        )  # fmt: skip
        scheme = self._scheme()
        scheme_page = VoucherSchemePage.objects.filter(scheme=scheme).first()
        if scheme_page is None:
            spec = demo_data.SCHEME
            scheme_page, _ = self.child(
                index, VoucherSchemePage, scheme.slug, title=spec["title"], scheme=scheme,
                intro=spec["intro"], body=self.stream(spec["body"]),
            )  # fmt: skip
        self._examples(scheme_page)
        if self.with_applications:
            self._applications(scheme)
        return self.report

    def _scheme(self) -> Scheme:
        spec = demo_data.SCHEME
        scheme = Scheme.objects.filter(slug=spec["slug"]).first()
        if scheme is None:
            scheme = Scheme.objects.create(
                slug=spec["slug"], title=spec["title"], funder=spec["funder"],
                opens_at=_moment(spec["opens_at"]), closes_at=_moment(spec["closes_at"]),
                budget_total=Decimal("180000"), voucher_amount=Decimal("9000"), max_vouchers=20,
                max_per_example=2, status_text=spec["status_text"],
            )  # fmt: skip
            self.report.add(f"voucherregeling {scheme.title}")
        return scheme

    def _examples(self, scheme_page):
        themes = {theme.slug: theme for theme in Theme.objects.all()}
        for spec in demo_data.EXAMPLES:
            if scheme_page.get_children().filter(slug=spec["slug"]).exists():
                continue
            expert = spec["expert"]
            page = GoodExamplePage(
                slug=spec["slug"], title=spec["title"], level=spec["level"], intro=spec["intro"],
                offer=self.stream(spec["offer"]), audience=spec["audience"], place=spec["place"],
                expert_name=expert["name"], expert_role=expert.get("role", ""),
                expert_organisation=expert.get("organisation", ""),
                expert_email=expert.get("email", ""), expert_phone=expert.get("phone", ""),
            )  # fmt: skip
            page.themes = [themes[slug] for slug in spec["themes"] if slug in themes]
            scheme_page.add_child(instance=page)
            page.save_revision().publish()
            self.report.add(f"goed voorbeeld {page.title}")

    def _applications(self, scheme):
        if scheme.applications.exists() or not scheme.is_open:
            return  # once, and only while the scheme takes applications
        examples = {page.slug: page for page in GoodExamplePage.objects.all()}
        for slug, organisation, kind, contact, region in APPLICATIONS:
            name = contact.lower().replace(" ", ".").replace("-", ".")
            application, _token = services.submit(
                examples[slug],
                {
                    "organisation": organisation,
                    "organisation_type": kind,
                    "contact_name": contact,
                    "region": region,
                    "email": f"{name}@kennislab.example",
                    "phone": "",
                    "motivation": (
                        f"Wij willen in {region} leren van dit voorbeeld. Met de expert zetten we "
                        "de eerste stappen en maken we een plan voor de komende twee jaar."
                    ),
                    "own_contribution": (
                        "Een projectleider voor 8 uur per week gedurende een half jaar, en "
                        "€ 3.000 voor bijeenkomsten en materialen."
                    ),
                },
                consent_text="Demo-aanvraag (verzonnen).",
            )
            self.report.add(f"aanvraag {application.reference} ({organisation})")
        withdrawn = Application.objects.get(scheme=scheme, organisation=WITHDRAWN)
        services.decide(
            withdrawn.pk, "withdraw", "Wij stellen de aanvraag uit naar volgend jaar.",
            actor_label=services.APPLICANT,
        )  # fmt: skip
        confirmed = Application.objects.get(scheme=scheme, organisation=CONFIRMED)
        services.decide(confirmed.pk, "confirm", "Een sterk plan; de voucher is voor jullie.")


def load_demo() -> Report:
    with transaction.atomic():
        return VoucherDemoLoader().load()
