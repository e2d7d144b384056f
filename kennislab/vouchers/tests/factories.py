"""Test data for the voucher app: a scheme with its page tree (home → "kennisvouchers" index →
scheme page → good examples), and applicants' form data. Limits are arguments, so that tests can
use small caps that make every boundary visible."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from kennislab.content.site import ensure_home
from kennislab.vouchers import services
from kennislab.vouchers.models import (
    GoodExamplePage,
    Level,
    Scheme,
    VoucherIndexPage,
    VoucherSchemePage,
)

AMOUNT = Decimal("9000")
_organisations = itertools.count(1)


class SchemeFactory(factory.django.DjangoModelFactory):
    """An open scheme (opened an hour ago, closes in a day): 3 vouchers of € 9,000, 2 per
    example."""

    class Meta:
        model = Scheme

    title = factory.Sequence(lambda n: f"Kennisvouchers testregeling {n}")
    slug = factory.Sequence(lambda n: f"testregeling-{n}")
    funder = "Ministerie van Testzaken"
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=1))
    voucher_amount = AMOUNT
    max_vouchers = 3
    max_per_example = 2
    budget_total = factory.LazyAttribute(lambda o: o.voucher_amount * o.max_vouchers)


def publish_child(parent, page):
    """Add `page` under `parent`, publish it, and return the fresh published page."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def voucher_index() -> VoucherIndexPage:
    index = VoucherIndexPage.objects.first()
    if index is None:
        index = publish_child(
            ensure_home(),
            VoucherIndexPage(
                title="Kennisvouchers", slug="kennisvouchers", intro="Leer van elkaar."
            ),
        )
    return index


def good_example(scheme_page, number: int, **fields) -> GoodExamplePage:
    values = {
        "title": f"Goed voorbeeld {number}",
        "slug": f"voorbeeld-{number}",
        "level": list(Level.values)[number % len(Level.values)],
        "intro": f"Zo pakte organisatie {number} het aan.",
        "place": "Turfhaven",
        "expert_name": f"Expert Nummer{number}",
        "expert_organisation": "Netwerk Gezond Samen",
        **fields,
    }
    return publish_child(scheme_page, GoodExamplePage(**values))


@dataclass
class VoucherSite:
    scheme: Scheme
    index: VoucherIndexPage
    page: VoucherSchemePage
    examples: list[GoodExamplePage] = field(default_factory=list)

    def apply_url(self, example=None) -> str:
        example = example or self.examples[0]
        return f"/kennisvouchers/{self.scheme.slug}/{example.slug}/aanvragen/"

    def set_phase(self, phase: str) -> None:
        """Move the scheme's dates so that it is 'not_yet', 'open' or 'closed' now."""
        now = timezone.now()
        dates = {
            "not_yet": (now + timedelta(days=2), now + timedelta(days=30)),
            "open": (now - timedelta(hours=1), now + timedelta(days=1)),
            "closed": (now - timedelta(days=30), now - timedelta(hours=1)),
        }[phase]
        self.scheme.opens_at, self.scheme.closes_at = dates
        self.scheme.save(update_fields=["opens_at", "closes_at"])


def build_voucher_site(examples: int = 3, **scheme_fields) -> VoucherSite:
    """A published scheme page with `examples` good examples under the voucher index page.
    `scheme_fields` go to SchemeFactory (max_vouchers, max_per_example, budget_total, …)."""
    scheme = SchemeFactory(**scheme_fields)
    index = voucher_index()
    page = publish_child(
        index,
        VoucherSchemePage(
            title=scheme.title, slug=scheme.slug, scheme=scheme, intro="Vraag een voucher aan."
        ),
    )
    site = VoucherSite(scheme=scheme, index=index, page=page)
    site.examples = [good_example(page, number) for number in range(1, examples + 1)]
    return site


def application_data(**overrides) -> dict:
    """What the form's cleaned_data holds for a valid application (a new organisation each
    call)."""
    number = next(_organisations)
    return {
        "organisation": f"Stichting Gezonde Wijk {number}",
        "organisation_type": "social_domain",
        "region": "Turfhaven",
        "contact_name": f"Contact Persoon{number}",
        "email": f"aanvrager{number}@organisatie.example",
        "phone": "030 123 45 67",
        "motivation": "We willen leren hoe de buurt zelf de regie neemt.",
        "own_contribution": "40 uur van een beleidsmedewerker en € 2.000 voor bijeenkomsten.",
        **overrides,
    }


def form_data(**overrides) -> dict:
    """The POST body of a valid application form (consent ticked, honeypot empty)."""
    data = {**application_data(), "consent": "on", "website": ""}
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def submit(example, **overrides):
    """Submit one application through the service: (application, token)."""
    return services.submit(example, application_data(**overrides), "Ik geef toestemming.")
