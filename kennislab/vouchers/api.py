"""The voucher schemes in the public API (CONTRACTS.md): live figures, no personal data.

Amounts are euros as decimal strings with two decimals ("180000.00"), never floats; the
figures change with every application, so answers may be kept only briefly (10 seconds)."""

import re
from decimal import Decimal

from django.http import Http404
from ninja import Field, Router, Schema

from kennislab.api.base import cache_for

from . import services
from .models import GoodExamplePage, Scheme, VoucherSchemePage

router = Router(tags=["Kennisvouchers"])


class SchemeSummaryOut(Schema):
    slug: str
    title: str
    is_open: bool


class ExampleOut(Schema):
    slug: str
    title: str
    allocated: int
    remaining: int


class SchemeOut(Schema):
    slug: str
    is_open: bool
    budget_total: str = Field(
        pattern=r"^[0-9]+\.[0-9]{2}$",
        description="Totaal budget in euro, als decimale tekst met twee decimalen: `180000.00`.",
    )
    budget_allocated: str = Field(
        pattern=r"^[0-9]+\.[0-9]{2}$",
        description="Voorlopig toegekend bedrag in euro, als decimale tekst: `18000.00`.",
    )
    vouchers_total: int
    vouchers_allocated: int
    applications: int
    waiting: int
    examples: list[ExampleOut]


LIVE_SECONDS = 10
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,100}")


def euros(amount: Decimal) -> str:
    """An amount as a decimal string with two decimals: Decimal("18000") -> "18000.00"."""
    return str(Decimal(amount).quantize(Decimal("0.01")))


@router.get("", response=list[SchemeSummaryOut], summary="Alle voucherregelingen")
@cache_for(LIVE_SECONDS)
def list_schemes(request):
    """Elke regeling, ook gesloten regelingen; `is_open` zegt of er nu aangevraagd kan worden."""
    return [
        {"slug": scheme.slug, "title": scheme.title, "is_open": scheme.is_open}
        for scheme in Scheme.objects.order_by("-opens_at", "slug")
    ]


@router.get("/{slug}", response=SchemeOut, summary="Stand van zaken van één regeling")
@cache_for(LIVE_SECONDS)
def scheme_detail(request, slug: str):
    """Budget en vouchers (toegekend = voorlopig toegekend), het aantal aanvragen dat ooit is
    ontvangen, de wachtlijst, en per goed voorbeeld hoeveel vouchers zijn toegekend en over zijn.
    Bedragen in euro als decimale tekst met twee decimalen (`"180000.00"`), nooit als
    kommagetal."""
    scheme = Scheme.objects.filter(slug=slug).first() if SLUG.fullmatch(slug) else None
    if scheme is None:
        raise Http404("Er is geen voucherregeling met deze korte naam.")
    state = services.availability(scheme)
    scheme_page = VoucherSchemePage.objects.filter(scheme=scheme).first()
    examples = (
        GoodExamplePage.objects.live().public().child_of(scheme_page).order_by("path")
        if scheme_page
        else []
    )
    return {
        "slug": scheme.slug,
        "is_open": state.is_open,
        "budget_total": euros(state.budget_total),
        "budget_allocated": euros(state.budget_allocated),
        "vouchers_total": state.vouchers_total,
        "vouchers_allocated": state.vouchers_allocated,
        "applications": state.applications,
        "waiting": state.waiting,
        "examples": [
            {
                "slug": example.slug,
                "title": example.title,
                "allocated": state.example(example.pk).allocated,
                "remaining": state.example(example.pk).remaining,
            }
            for example in examples
        ],
    }
