"""The voucher schemes in the public API (CONTRACTS.md): live figures, no personal data."""

from django.http import Http404
from ninja import Router, Schema

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
    budget_total: float
    budget_allocated: float
    vouchers_total: int
    vouchers_allocated: int
    applications: int
    waiting: int
    examples: list[ExampleOut]


@router.get("", response=list[SchemeSummaryOut], summary="Alle voucherregelingen")
def list_schemes(request):
    """Elke regeling, ook gesloten regelingen; `is_open` zegt of er nu aangevraagd kan worden."""
    return [
        {"slug": scheme.slug, "title": scheme.title, "is_open": scheme.is_open}
        for scheme in Scheme.objects.order_by("-opens_at", "slug")
    ]


@router.get("/{slug}", response=SchemeOut, summary="Stand van zaken van één regeling")
def scheme_detail(request, slug: str):
    """Budget en vouchers (toegekend = voorlopig toegekend), het aantal aanvragen dat ooit is
    ontvangen, de wachtlijst, en per goed voorbeeld hoeveel vouchers zijn toegekend en over zijn."""
    scheme = Scheme.objects.filter(slug=slug).first()
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
        "budget_total": float(state.budget_total),
        "budget_allocated": float(state.budget_allocated),
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
