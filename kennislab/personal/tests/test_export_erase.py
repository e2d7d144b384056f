"""Jouw gegevens on Mijn Kennislab: download everything of the link's address (JSON, or a zip
when there are uploaded files), and erase it after a confirmation that says what happens to each
record. The address comes only from the overview link; both are buttons (POST with CSRF, rate
limited), a GET changes nothing."""

from __future__ import annotations

import io
import json
import types
import zipfile

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import Client

from kennislab.core import ratelimit
from kennislab.network.tests.conftest import sign as sign_pledge
from kennislab.newsletter.tests.helpers import subscribe
from kennislab.personal import services
from kennislab.personal.models import OverviewLink
from kennislab.privacy import services as privacy
from kennislab.privacy.models import AccessEvent, ErasureRequest, address_hash

from .conftest import LOOKALIKES, OWNER, overview_path, text

pytestmark = pytest.mark.django_db

OWNER_KEY = OWNER.lower()
CLEAN = "Sanne.Visser@Gemeente.example"  # an address with nothing in progress
CLEAN_KEY = CLEAN.lower()


@pytest.fixture
def overview(population) -> str:
    assert services.request_link(OWNER)
    return overview_path(OWNER)


@pytest.fixture
def clean(db) -> str:
    """The overview of an address whose records can all go at once: a pledge and a newsletter
    subscription."""
    sign_pledge(email=CLEAN, organisation="Gemeente Visserdorp")
    subscribe(CLEAN, name="Sanne Visser")
    assert services.request_link(CLEAN)
    return overview_path(CLEAN)


def snapshot(address: str) -> dict:
    """Everything the register finds for an address (to see that nothing changed)."""
    return privacy.export(address)


def export_url(overview: str) -> str:
    return f"{overview}mijn-gegevens/"


def erase_url(overview: str) -> str:
    return f"{overview}verwijderen/"


# --- the overview ----------------------------------------------------------------------------


def test_the_overview_offers_download_and_erase(client, overview):
    page = text(client.get(overview))
    assert '<h2 id="gegevens-titel">Jouw gegevens</h2>' in page
    assert f'<form method="post" action="{export_url(overview)}">' in page
    assert "Download mijn gegevens</button>" in page
    assert f'href="{erase_url(overview)}">Verwijder mijn gegevens</a>' in page
    assert page.count('name="csrfmiddlewaretoken"') == page.count('<form method="post"')


# --- download --------------------------------------------------------------------------------


def test_the_download_has_the_persons_records_and_nothing_of_another(client, population,
                                                                      overview):  # fmt: skip
    response = client.post(export_url(overview))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="mijn-gegevens-kennislab.json"'
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"
    data = json.loads(response.content)
    assert data == privacy.export(OWNER_KEY)
    owner = population.owner
    assert [r["id"] for r in data["vouchers.application"]] == [owner["kennisvoucher"].pk]
    assert [r["id"] for r in data["network.pledge"]] == [owner["pledge"].pk]
    assert [r["id"] for r in data["newsletter.subscriber"]] == [owner["nieuwsbrief"].pk]
    assert [r["id"] for r in data["network.story"]] == [owner["praktijkverhaal"].pk]
    raw = response.content.decode().lower()
    assert "stichting anna" in raw and "samen koken met anna" in raw
    for name, address in LOOKALIKES.items():
        assert address.lower() not in raw, name
        assert name.lower() not in raw, name
    event = AccessEvent.objects.get(action=AccessEvent.Action.SELF_EXPORT)
    assert event.user is None and event.user_label == "de persoon zelf"
    assert event.address_hash == address_hash(OWNER_KEY)
    assert event.rows == sum(len(records) for records in data.values())
    assert event.what == "alle eigen gegevens (Mijn Kennislab)"


def test_the_download_is_a_zip_when_the_person_uploaded_a_file(client, population, overview,
                                                                settings, tmp_path):  # fmt: skip
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    story = population.owner["praktijkverhaal"]
    story.attachment.save("verslag.pdf", ContentFile(b"%PDF-1.4 verslag van Anna"), save=True)
    response = client.post(export_url(overview))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="mijn-gegevens-kennislab.zip"'
    assert response["Cache-Control"] == "private, no-store"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    assert names[0] == "gegevens.json"
    assert json.loads(archive.read("gegevens.json")) == privacy.export(OWNER_KEY)
    stored = [name for name in names if name.startswith("network.story/")]
    assert len(stored) == 1 and stored[0].endswith(".pdf")
    assert archive.read(stored[0]) == b"%PDF-1.4 verslag van Anna"
    assert AccessEvent.objects.filter(action=AccessEvent.Action.SELF_EXPORT).count() == 1


def test_a_get_of_the_download_only_goes_back_to_the_overview(client, overview):
    response = client.get(export_url(overview))
    assert response.status_code == 303
    assert response["Location"] == overview
    assert not AccessEvent.objects.exists()


def test_the_download_needs_the_csrf_token(overview):
    client = Client(enforce_csrf_checks=True)
    assert client.post(export_url(overview)).status_code == 403
    assert not AccessEvent.objects.exists()


def test_an_unknown_link_downloads_nothing(client, population):
    response = client.post(export_url("/mijn-kennislab/onbekend-token-van-32-tekens-lang12/"))
    assert response.status_code == 404
    assert "Deze link werkt niet (meer)" in text(response)
    assert not AccessEvent.objects.exists()


def test_ten_downloads_an_hour_per_visitor(client, overview, monkeypatch):
    cache.clear()
    monkeypatch.setattr(ratelimit, "time", types.SimpleNamespace(time=lambda: 1_800_000_030.0))
    for _ in range(10):
        assert client.post(export_url(overview)).status_code == 200
    blocked = client.post(export_url(overview))
    assert blocked.status_code == 429
    assert "Wacht" in text(blocked)
    assert AccessEvent.objects.filter(action=AccessEvent.Action.SELF_EXPORT).count() == 10


# --- the confirmation ------------------------------------------------------------------------


def test_the_confirmation_says_what_happens_to_each_record(client, population, overview):
    before = snapshot(OWNER_KEY)
    response = client.get(erase_url(overview))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    page = text(response)
    assert '<meta name="robots" content="noindex">' in page
    assert "<h1>Verwijder mijn gegevens</h1>" in page
    for heading in ("Dit verwijderen we helemaal", "Hier halen we je gegevens uit",
                    "Dit moeten we bewaren", "Hier beslist eerst een medewerker over"):  # fmt: skip
        assert f"{heading}</h2>" in page, heading
    # the newsletter goes, the pledge is emptied, the voucher application waits for its decision
    assert "Abonnees van de nieuwsbrief: " in page
    assert "Pledges: Gemeente Annadorp" in page
    assert "De aanvraag wacht nog op een besluit" in page
    assert "Vitaal Anna BV" in page and "Wat we bewaren:" in page  # kept by a legal term
    # the check box, and never an address field: the address is the link's
    assert 'type="checkbox" name="confirm"' in page
    assert "Ik begrijp dat dit niet ongedaan kan worden" in page
    assert 'name="email"' not in page
    assert page.count('name="csrfmiddlewaretoken"') == 1
    assert snapshot(OWNER_KEY) == before  # reading the page changed nothing
    assert not ErasureRequest.objects.exists()


def test_erasing_needs_the_check_box(client, clean):
    before = snapshot(CLEAN_KEY)
    for data in ({}, {"confirm": ""}, {"email": "iemand@anders.example"}):
        response = client.post(erase_url(clean), data)
        assert response.status_code == 400, data
        page = text(response)
        assert page.count("<title>Fout:") == 1
        assert "data-error-summary" in page
        assert "Vink aan dat je begrijpt dat dit niet ongedaan kan worden" in page
        assert 'aria-invalid="true"' in page
        assert response["Cache-Control"] == "private, no-store"
    assert snapshot(CLEAN_KEY) == before
    assert client.get(clean).status_code == 200  # the link still works
    assert not AccessEvent.objects.exists()


def test_erasing_needs_the_csrf_token(clean):
    before = snapshot(CLEAN_KEY)
    client = Client(enforce_csrf_checks=True)
    assert client.post(erase_url(clean), {"confirm": "on"}).status_code == 403
    assert snapshot(CLEAN_KEY) == before


def test_an_unknown_link_erases_nothing(client, clean):
    before = snapshot(CLEAN_KEY)
    unknown = "/mijn-kennislab/onbekend-token-van-32-tekens-lang12/"
    for method in (client.get, client.post):
        response = method(erase_url(unknown), {"confirm": "on"})
        assert response.status_code == 404
        assert "Deze link werkt niet (meer)" in text(response)
    assert snapshot(CLEAN_KEY) == before


def test_ten_erase_attempts_an_hour_per_visitor(client, clean, monkeypatch):
    cache.clear()
    monkeypatch.setattr(ratelimit, "time", types.SimpleNamespace(time=lambda: 1_800_000_030.0))
    for _ in range(10):
        assert client.post(erase_url(clean), {}).status_code == 400
    assert client.get(erase_url(clean)).status_code == 200  # reading the page is not counted
    blocked = client.post(erase_url(clean), {"confirm": "on"})
    assert blocked.status_code == 429
    assert privacy.find(CLEAN_KEY)  # the blocked request did nothing


# --- erasing ---------------------------------------------------------------------------------


def test_erasing_removes_everything_and_the_link_stops_working(client, clean):
    assert privacy.find(CLEAN_KEY)
    response = client.post(erase_url(clean), {"confirm": "on", "email": "iemand@anders.example"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    page = text(response)
    assert "<h1>Je gegevens zijn verwijderd</h1>" in page
    assert "Pledges: 1 onderdeel verwijderd" in page
    assert "Abonnees van de nieuwsbrief: 1 onderdeel verwijderd" in page
    assert "Je krijgt geen e-mail meer van ons" in page
    assert "De link naar je overzicht werkt niet meer." in page
    assert "medewerker" not in page
    assert privacy.find(CLEAN_KEY) == []
    assert not OverviewLink.objects.filter(email_key=CLEAN_KEY).exists()
    assert not ErasureRequest.objects.exists()
    assert AccessEvent.objects.filter(action=AccessEvent.Action.SELF_ERASE,
                                      address_hash=address_hash(CLEAN_KEY)).count() == 1  # fmt: skip
    for path in (clean, erase_url(clean)):
        assert client.get(path).status_code == 404, path
    again = client.post(erase_url(clean), {"confirm": "on"})
    assert again.status_code == 404


def test_a_record_in_progress_goes_to_staff(client, population, overview):
    others = {name: snapshot(address.lower()) for name, address in LOOKALIKES.items()}
    response = client.post(erase_url(overview), {"confirm": "on"})
    assert response.status_code == 200
    page = text(response)
    assert "<h1>Je verzoek is voorgelegd aan een medewerker</h1>" in page
    assert "Voorgelegd aan een medewerker</h2>" in page
    assert "De aanvraag wacht nog op een besluit: eerst intrekken of besluiten." in page
    assert "De activiteit moet nog komen" in page  # the webinar registration
    assert "Bewaard zonder je contactgegevens</h2>" in page and "Vitaal Anna BV" in page
    assert "Je hoort binnen een maand wat we ermee doen." in page
    assert "Je krijgt geen nieuwsbrief meer van ons." in page
    request = ErasureRequest.objects.get()
    assert request.email == OWNER_KEY and request.status == ErasureRequest.Status.OPEN
    assert "De aanvraag wacht nog op een besluit" in request.reasons
    # what was in progress is still there, for staff (with the request itself); the rest is gone
    left = {found.entry.key for found in privacy.find(OWNER_KEY)}
    assert left == {"vouchers.application", "campaigns.registration", "privacy.erasure_request"}
    # the overview link stops working, also now that a part waits
    assert client.get(overview).status_code == 404
    # nothing of the look-alike addresses changed
    for name, address in LOOKALIKES.items():
        assert snapshot(address.lower()) == others[name], name


def test_a_get_of_the_erase_page_changes_nothing(client, clean):
    before = snapshot(CLEAN_KEY)
    for _ in range(2):
        assert client.get(erase_url(clean)).status_code == 200
    assert snapshot(CLEAN_KEY) == before
    assert client.get(clean).status_code == 200
