"""GET /api/v1/kennisvouchers and /api/v1/kennisvouchers/<slug> (CONTRACTS.md)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from kennislab.vouchers import services
from kennislab.vouchers.models import Scheme

from .demo_fixture import application_data, example, open_demo_scheme

pytestmark = pytest.mark.django_db


@pytest.fixture
def scheme():
    return open_demo_scheme()


def test_list_has_every_scheme_with_its_open_state(client, scheme):
    Scheme.objects.create(
        slug="oude-regeling", title="Oude regeling", funder="Fonds",
        opens_at=timezone.now() - timedelta(days=400),
        closes_at=timezone.now() - timedelta(days=30),
        budget_total=Decimal("9000"), voucher_amount=Decimal("9000"), max_vouchers=1,
    )  # fmt: skip
    response = client.get("/api/v1/kennisvouchers")
    assert response.status_code == 200
    body = response.json()
    assert sorted(body, key=lambda item: item["slug"]) == [
        {"slug": "oude-regeling", "title": "Oude regeling", "is_open": False},
        {"slug": scheme.slug, "title": scheme.title, "is_open": True},
    ]


def test_detail_counts_follow_the_applications(client, scheme):
    veenland = example("gezonde-regio-veenland")
    for name in ("Gemeente Een", "Gemeente Twee", "Gemeente Drie"):
        services.submit(veenland, application_data(name), "toestemming")
    first, _token = services.submit(
        example("jongerenwerk-zilverdam"), application_data("Gemeente Vier"), "toestemming"
    )
    services.decide(first.pk, "withdraw", "Toch niet.")

    response = client.get(f"/api/v1/kennisvouchers/{scheme.slug}")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {
        "slug", "is_open", "budget_total", "budget_allocated", "vouchers_total",
        "vouchers_allocated", "applications", "waiting", "examples",
    }  # fmt: skip
    assert body["slug"] == scheme.slug
    assert body["is_open"] is True
    assert body["budget_total"] == "180000.00"  # euros as a decimal string, never a float
    assert body["vouchers_total"] == 20
    assert body["vouchers_allocated"] == 2  # the withdrawn one no longer counts
    assert body["budget_allocated"] == "18000.00"
    assert body["applications"] == 4  # every application ever received
    assert body["waiting"] == 1
    assert len(body["examples"]) == 11
    by_slug = {item["slug"]: item for item in body["examples"]}
    assert set(by_slug["gezonde-regio-veenland"]) == {"slug", "title", "allocated", "remaining"}
    assert (
        by_slug["gezonde-regio-veenland"]["allocated"],
        by_slug["gezonde-regio-veenland"]["remaining"],
    ) == (2, 0)
    assert (
        by_slug["jongerenwerk-zilverdam"]["allocated"],
        by_slug["jongerenwerk-zilverdam"]["remaining"],
    ) == (0, 2)
    assert by_slug["gezonde-regio-veenland"]["title"] == veenland.title


def test_closed_scheme_is_not_open(client, scheme):
    scheme.closes_at = timezone.now() - timedelta(minutes=1)
    scheme.save()
    assert client.get(f"/api/v1/kennisvouchers/{scheme.slug}").json()["is_open"] is False


def test_unknown_scheme_is_a_dutch_404(client, scheme):
    response = client.get("/api/v1/kennisvouchers/bestaat-niet")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["detail"] == "Er is geen voucherregeling met deze korte naam."
    assert (problem["status"], problem["title"]) == (404, "Niet gevonden")


def test_no_personal_data_in_the_api(client, scheme):
    services.submit(
        example("gezonde-regio-veenland"),
        application_data("Geheime Organisatie", email="geheim@voorbeeld.example"),
        "toestemming",
    )
    text = client.get(f"/api/v1/kennisvouchers/{scheme.slug}").content.decode()
    assert "Geheime Organisatie" not in text
    assert "geheim@voorbeeld.example" not in text


def test_openapi_describes_the_voucher_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/kennisvouchers" in paths
    assert "/api/v1/kennisvouchers/{slug}" in paths
