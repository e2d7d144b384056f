"""The staff page Persoonsgegevens and the access log in the back office: who may use them, a
lookup over several apps with what erasing would do, the downloads (JSON, zip with the uploaded
files), erasing with a reason and a confirmation, the erasure requests, and every look at
personal data on record (lookup, export, erase, a record's detail page, a listing's export)."""

from __future__ import annotations

import html as html_lib
import io
import json
import zipfile

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from kennislab.content.models import Theme
from kennislab.network import services as network_services
from kennislab.network.models import Pledge, Story
from kennislab.network.tests.conftest import sign as sign_pledge
from kennislab.network.tests.conftest import story_data
from kennislab.newsletter.models import Subscriber
from kennislab.newsletter.tests.helpers import subscribe
from kennislab.privacy import services
from kennislab.privacy.models import AccessEvent, ErasureRequest, address_hash
from kennislab.questions import services as question_services
from kennislab.vignet.tests.factories import awarded_vignet
from kennislab.vouchers.tests.factories import build_voucher_site
from kennislab.vouchers.tests.factories import submit as submit_voucher

pytestmark = pytest.mark.django_db

PAGE = "/admin/persoonsgegevens/"
EXPORT = "/admin/persoonsgegevens/downloaden/"
ERASE = "/admin/persoonsgegevens/wissen/"
LOG = "/admin/inzagelogboek/"
LOG_ADDRESS = "/admin/persoonsgegevens/logboek-adres/"
ADDRESS = "anna.jansen@voorbeeld.example"
CONSENT = "Ik geef toestemming (test)."
PDF = b"%PDF-1.7\n%\xe2\xe3\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


def text(response) -> str:
    return html_lib.unescape(response.content.decode())


def staff(username: str, *groups: Group) -> Client:
    user = User.objects.create_user(username, f"{username}@kennislab.example", "x",
                                    is_staff=True, first_name=username.title())  # fmt: skip
    user.groups.add(*groups)
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def officer() -> Client:
    """A member of the group "Privacyfunctionaris" (made by migration 0002)."""
    return staff("privacyfunctionaris", Group.objects.get(name="Privacyfunctionaris"))


@pytest.fixture
def editor() -> Client:
    """May use the back office, but has no privacy permissions."""
    group = Group.objects.create(name="Redactie (test)")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    return staff("redacteur", group)


@pytest.fixture
def boss() -> Client:
    client = Client()
    client.user = User.objects.create_superuser("baas", "baas@kennislab.example", "x")
    client.force_login(client.user)
    return client


@pytest.fixture
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def person(private_media) -> dict:
    """Records of ADDRESS in five apps, through their own services: a voucher application
    (granted: waiting for the definitive decision), an awarded vignet (held: only the contact
    goes), a pledge (anonymised), a question and a newsletter subscription (deleted)."""
    site = build_voucher_site(examples=1)
    voucher, _token = submit_voucher(site.examples[0], email=ADDRESS,
                                     organisation="Stichting Anna")  # fmt: skip
    vignet = awarded_vignet(email=ADDRESS, organisation="Vitaal Anna BV")
    pledge, _token = sign_pledge(email=ADDRESS, organisation="Gemeente Annadorp")
    question = question_services.ask(
        {"name": "Anna Jansen", "email": ADDRESS, "theme": Theme.objects.get(slug="leefstijl"),
         "question": "Hoe pak ik leefstijl aan in de wijk?"}, CONSENT,
    )  # fmt: skip
    subscriber = subscribe(ADDRESS, name="Anna Jansen")
    return {"voucher": voucher, "vignet": vignet, "pledge": pledge, "question": question,
            "subscriber": subscriber}  # fmt: skip


def with_story(address: str = ADDRESS) -> Story:
    upload = SimpleUploadedFile("verslag.pdf", PDF, content_type="application/pdf")
    return network_services.submit_story(
        story_data(email=address, title="Samen koken met Anna"), upload, CONSENT
    )


def events(action: str):
    return AccessEvent.objects.filter(action=action).order_by("pk")


# --- who may ---------------------------------------------------------------------------------


def refused(response) -> bool:
    """Wagtail answers a refusal in its admin with a redirect to the dashboard."""
    return response.status_code in (302, 403) and response.get("Location", "/admin/") == "/admin/"


def test_only_with_the_permission(editor, officer, person):
    home = text(editor.get("/admin/"))
    assert "Persoonsgegevens" not in home and PAGE not in home and LOG not in home
    assert refused(editor.get(PAGE))
    for url in (PAGE, EXPORT, ERASE):
        assert refused(editor.post(url, {"email": ADDRESS, "reason": "x", "bevestigd": "ja"}))
    assert refused(editor.get(LOG))
    assert refused(editor.post(LOG_ADDRESS, {"email": ADDRESS}))
    assert not AccessEvent.objects.exists()
    assert Pledge.objects.get(pk=person["pledge"].pk).email == ADDRESS

    home = text(officer.get("/admin/"))
    assert PAGE in home and LOG in home  # the menu item, and the log in the reports menu
    page = officer.get(PAGE)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]
    assert "Verwijderverzoeken" in text(page)
    assert officer.get(LOG).status_code == 200


# --- looking up ------------------------------------------------------------------------------


def test_a_lookup_shows_every_app_and_what_erasing_does(officer, boss, person):
    response = officer.post(PAGE, {"email": "  Anna.Jansen@Voorbeeld.EXAMPLE "})
    assert response.status_code == 200
    page = text(response)
    assert f"Gegevens van {ADDRESS}" in page
    for label in ("Aanvragen voor een kennisvoucher", "Pledges", "Abonnees van de nieuwsbrief"):
        assert label in page, label
    assert str(person["pledge"]) in page and str(person["voucher"]) in page
    # what erasing does, per record
    assert "wordt geanonimiseerd" in page and "wordt verwijderd" in page
    assert "contactpersoon wordt verwijderd, de rest blijft bewaard: " in page
    assert "in behandeling: eerst een besluit nemen – De aanvraag wacht nog op een besluit" in page
    # a record links to its detail page, for those who may read it there
    pledge_url = reverse("network_pledges:inspect", args=[person["pledge"].pk])
    assert f'href="{pledge_url}"' not in page  # the officer may not open pledges
    assert f'href="{pledge_url}"' in text(boss.post(PAGE, {"email": ADDRESS}))
    # on record: who, how many records, the address only as its hash
    steps = services.plan(ADDRESS)
    event = events(AccessEvent.Action.LOOKUP).first()
    assert events(AccessEvent.Action.LOOKUP).count() == 2  # the officer's and the boss's
    assert event.user == officer.user and event.rows == len(steps) >= 5
    assert event.address_hash == address_hash(ADDRESS) and ADDRESS not in event.what
    assert "Pledges" in event.what


def test_an_address_that_is_not_one_gets_a_dutch_message(officer):
    response = officer.post(PAGE, {"email": "anna-at-voorbeeld"})
    assert response.status_code == 400
    assert "‘anna-at-voorbeeld’ is geen geldig e-mailadres." in text(response)
    assert "Vul een e-mailadres in." in text(officer.post(PAGE, {"email": "  "}))
    assert not AccessEvent.objects.exists()


def test_an_address_without_records(officer):
    response = officer.post(PAGE, {"email": "niemand@voorbeeld.example"})
    assert response.status_code == 200
    assert "Niets gevonden voor dit e-mailadres." in text(response)
    assert "Download als JSON" not in text(response)
    (event,) = events(AccessEvent.Action.LOOKUP)
    assert event.rows == 0


# --- downloads -------------------------------------------------------------------------------


def test_the_json_download(officer, person):
    response = officer.post(EXPORT, {"email": ADDRESS, "formaat": "json"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="persoonsgegevens.json"'
    assert response["Content-Type"].startswith("application/json")
    data = json.loads(response.content)
    assert data == json.loads(services.export_json(ADDRESS))
    assert [row["email"] for row in data["network.pledge"]] == [ADDRESS]
    assert [row["id"] for row in data["vouchers.application"]] == [person["voucher"].pk]
    (event,) = events(AccessEvent.Action.EXPORT)
    assert event.rows == sum(len(rows) for rows in data.values()) >= 5
    assert event.address_hash == address_hash(ADDRESS) and event.user == officer.user


def test_the_zip_holds_the_data_and_the_uploaded_files(officer, private_media):
    story = with_story()
    page = text(officer.post(PAGE, {"email": ADDRESS}))
    assert "Download met bestanden (zip)" in page
    response = officer.post(EXPORT, {"email": ADDRESS, "formaat": "zip"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="persoonsgegevens.zip"'
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    name = f"network.story/{story.pk}-{story.attachment.name.rsplit('/', 1)[-1]}"
    assert sorted(archive.namelist()) == ["gegevens.json", name]
    assert archive.read(name) == PDF
    data = json.loads(archive.read("gegevens.json"))
    assert [row["id"] for row in data["network.story"]] == [story.pk]
    (event,) = events(AccessEvent.Action.EXPORT)
    assert "zip met 1 bestanden" in event.what and event.rows == len(
        [row for rows in data.values() for row in rows]
    )


def test_no_zip_without_files(officer, person):
    page = text(officer.post(PAGE, {"email": ADDRESS}))
    assert "Download als JSON" in page and "Download met bestanden (zip)" not in page


# --- erasing ---------------------------------------------------------------------------------


def test_erasing_needs_a_reason(officer, person):
    response = officer.post(ERASE, {"email": ADDRESS, "reason": "  ", "bevestigd": "ja"})
    assert response.status_code == 400
    assert "Geef een reden op: die komt in het inzagelogboek." in text(response)
    assert Pledge.objects.get(pk=person["pledge"].pk).email == ADDRESS
    assert not events(AccessEvent.Action.ERASE).exists()


def test_erasing_shows_what_happens_and_erases_only_after_confirmation(officer, person):
    reason = "Verzoek per e-mail van 3 december."
    response = officer.post(ERASE, {"email": ADDRESS, "reason": reason})
    assert response.status_code == 200
    page = text(response)
    for heading in ("Wordt verwijderd", "Wordt geanonimiseerd",
                    "Contactpersoon wordt verwijderd, de rest blijft bewaard",
                    "Blijft staan: eerst een besluit nemen"):  # fmt: skip
        assert heading in page, heading
    assert "Blijft bewaard: " in page  # the vignet's fields a legal term keeps
    assert str(person["pledge"]) in page and reason in page
    assert Pledge.objects.get(pk=person["pledge"].pk).email == ADDRESS  # nothing happened yet
    assert Subscriber.objects.filter(pk=person["subscriber"].pk).exists()
    assert not events(AccessEvent.Action.ERASE).exists()

    response = officer.post(ERASE, {"email": ADDRESS, "reason": reason, "bevestigd": "ja"})
    assert response.status_code == 302 and response["Location"] == PAGE
    after = text(officer.get(PAGE))
    assert "Gewist. " in after and "Pledges: 1 geanonimiseerd" in after
    assert "Aanvragen voor een kennisvoucher:" not in after  # not erased: the warning says why
    assert ADDRESS not in Pledge.objects.get(pk=person["pledge"].pk).email
    assert not Subscriber.objects.filter(pk=person["subscriber"].pk).exists()
    left = {found.entry.key for found in services.find(ADDRESS)}
    assert left == {"vouchers.application"}  # waiting for its decision: erase again after it
    assert "1 gegeven wacht nog op een besluit en is niet gewist." in after
    (event,) = events(AccessEvent.Action.ERASE)
    assert event.reason == reason and event.user == officer.user
    assert event.address_hash == address_hash(ADDRESS)


# --- erasure requests ------------------------------------------------------------------------


def test_an_erasure_request_is_listed_and_handled(officer):
    request = ErasureRequest.objects.create(
        email=ADDRESS, reasons="Aanvragen voor een kennisvoucher: wacht op een besluit."
    )
    page = text(officer.get(PAGE))
    assert ADDRESS in page and "wacht op een besluit." in page
    # "Opzoeken" posts the address to the lookup (never in a URL)
    assert f'<input type="hidden" name="email" value="{ADDRESS}">' in page
    handled_url = reverse("privacy_request_handled", args=[request.pk])
    assert f'action="{handled_url}"' in page
    response = officer.post(handled_url)
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == ErasureRequest.Status.HANDLED
    assert request.handled_by == officer.user and request.handled_at is not None
    assert request.email != ADDRESS  # kept only until handled
    page = text(officer.get(PAGE))
    assert "Het verwijderverzoek is afgehandeld." in page and ADDRESS not in page
    assert officer.post(handled_url).status_code == 302
    assert "is al afgehandeld" in text(officer.get(PAGE))


# --- on record elsewhere in the back office ----------------------------------------------------


def test_opening_a_record_with_personal_data_is_on_record(boss, person):
    pledge = person["pledge"]
    response = boss.get(reverse("network_pledges:inspect", args=[pledge.pk]))
    assert response.status_code == 200
    (event,) = events(AccessEvent.Action.VIEW)
    assert (event.what, event.object_id, event.rows) == ("Pledges", str(pledge.pk), 1)
    assert event.user == boss.user and event.address_hash == address_hash(ADDRESS)
    # reading the access log itself adds nothing to it
    assert boss.get(reverse("inzagelogboek:inspect", args=[event.pk])).status_code == 200
    assert events(AccessEvent.Action.VIEW).count() == 1


@pytest.mark.parametrize("spreadsheet_format", ["csv", "xlsx"])
def test_exporting_a_listing_is_on_record(boss, person, spreadsheet_format):
    sign_pledge(organisation="Gemeente Tweededorp")
    response = boss.get(f"/admin/netwerk/pledges/?export={spreadsheet_format}")
    assert response.status_code == 200
    b"".join(response.streaming_content)
    (event,) = events(AccessEvent.Action.LIST_EXPORT)
    assert event.rows == Pledge.objects.count() == 2
    assert event.what == f"Pledges ({spreadsheet_format.upper()})" and event.user == boss.user


# --- the access log --------------------------------------------------------------------------


def test_the_access_log_checks_one_address_by_its_hash(officer, person):
    officer.post(PAGE, {"email": ADDRESS})
    services.log_access(None, AccessEvent.Action.LOOKUP, what="Iemand anders", rows=1,
                        address="iemand@anders.example")  # fmt: skip
    listing = text(officer.get(LOG))
    assert "Iemand anders" in listing and "Pledges" in listing
    assert "Adres controleren" in listing
    response = officer.post(LOG_ADDRESS, {"email": " Anna.Jansen@voorbeeld.example"})
    assert response.status_code == 302
    assert response["Location"] == f"{LOG}?adres={address_hash(ADDRESS)}"
    assert "voorbeeld" not in response["Location"]  # no address in a URL
    filtered = text(officer.get(response["Location"]))
    assert "Pledges" in filtered and "Iemand anders" not in filtered
    wrong = officer.post(LOG_ADDRESS, {"email": "geen adres"}, follow=True)
    assert "‘geen adres’ is geen geldig e-mailadres." in text(wrong)
