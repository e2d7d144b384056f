"""The demo scheme (11 examples) as test data, opened for the test whatever today's date."""

from datetime import timedelta

from django.utils import timezone

from kennislab.vouchers.demo import VoucherDemoLoader
from kennislab.vouchers.models import GoodExamplePage, Scheme


def open_demo_scheme() -> Scheme:
    VoucherDemoLoader(applications=False).load()
    scheme = Scheme.objects.get()
    scheme.opens_at = timezone.now() - timedelta(hours=1)
    scheme.closes_at = None
    scheme.save()
    return scheme


def example(slug: str) -> GoodExamplePage:
    return GoodExamplePage.objects.get(slug=slug)


def application_data(organisation: str, **extra) -> dict:
    return {
        "organisation": organisation,
        "organisation_type": "government",
        "contact_name": "Tess Testpersoon",
        "email": "tess@voorbeeld.example",
        "phone": "",
        "region": "",
        "motivation": "We willen leren van dit voorbeeld.",
        "own_contribution": "Twintig uur en € 1.000.",
        **extra,
    }
