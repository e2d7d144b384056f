"""Every public form's bad input: a clear Dutch message, status 400 (403 for CSRF), and nothing
stored — no pledge, story, update, log line or e-mail."""

import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from kennislab.core.models import OutgoingEmail
from kennislab.network.models import Pledge, PledgeEvent, PledgeUpdate, Story, StoryEvent

from .conftest import field_error, pledge_post, sign, story_post, text

pytestmark = pytest.mark.django_db
SIGN = "/netwerk/pledges/tekenen/"
STORY = "/netwerk/praktijkverhaal/"
LONG = "x" * 100_000


def nothing_stored() -> bool:
    return not any(model.objects.exists() for model in (Pledge, PledgeEvent, PledgeUpdate, Story,
                                                        StoryEvent, OutgoingEmail))  # fmt: skip


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("organisation", "", "Vul de naam van je organisatie in."),
        ("contact_name", "", "Vul de naam van de contactpersoon in."),
        ("email", "", "Vul je e-mailadres in."),
        ("email", "anne@", "Vul een geldig e-mailadres in, zoals naam@organisatie.nl."),
        ("province", "", "Kies de provincie van je organisatie."),
        ("province", "atlantis", "Kies een provincie uit de lijst."),
        ("commitments", "", "Beschrijf wat je organisatie concreet gaat doen."),
        ("commitments", LONG, "Houd deze tekst korter dan 5000 tekens."),
        ("partners", LONG, "Houd deze tekst korter dan 2000 tekens."),
        ("organisation", LONG, "Dit is te lang: hoogstens 200 tekens."),
        ("phone", "bel me maar", "Vul een telefoonnummer in met alleen cijfers"),
        ("consent", None, "Geef toestemming om je pledge te kunnen verwerken."),
        ("themes", ["999999"], "Kies thema's uit de lijst."),
        ("domains", ["abc"], "Kies domeinen uit de lijst."),
    ],
)
def test_pledge_form_bad_input(client, field, value, message):
    response = client.post(SIGN, pledge_post(**{field: value}))
    assert response.status_code == 400
    html = text(response)
    assert any(error.startswith(message) for error in field_error(html, field))
    assert "Er is 1 ding niet goed ingevuld" in html
    assert "<title>Fout: Teken een pledge" in html
    assert nothing_stored()


def test_pledge_form_empty(client):
    response = client.post(SIGN, {})
    assert response.status_code == 400
    assert "Er zijn 6 dingen niet goed ingevuld" in text(response)
    assert nothing_stored()


def test_pledge_honeypot_stores_nothing(client):
    response = client.post(SIGN, pledge_post(website="https://spam.example"))
    assert response.status_code == 400
    assert "automatisch te zijn ingevuld" in text(response)
    assert nothing_stored()


def csrf_token_in(response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text(response)).group(1)


@pytest.mark.parametrize(("url", "post"), [(SIGN, pledge_post), (STORY, story_post)])
def test_a_tampered_csrf_token_is_refused(url, post):
    client = Client(enforce_csrf_checks=True)
    token = csrf_token_in(client.get(url))
    tampered = token[:-4] + ("aaaa" if not token.endswith("aaaa") else "bbbb")
    response = client.post(url, post(csrfmiddlewaretoken=tampered))
    assert response.status_code == 403
    assert "Formulier niet verstuurd" in text(response)
    assert nothing_stored()
    accepted = client.post(url, post(csrfmiddlewaretoken=token))
    assert accepted.status_code == 303


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "", "Geef je verhaal een titel."),
        ("summary", "", "Vat je verhaal kort samen."),
        ("what_was_done", "", "Beschrijf wat er is gedaan."),
        ("what_worked", "", "Beschrijf wat werkte."),
        ("lessons", "", "Beschrijf de lessen voor anderen."),
        ("lessons", LONG, "Houd deze tekst korter dan 5000 tekens."),
        ("summary", LONG, "Houd deze tekst korter dan 1000 tekens."),
        ("contact_name", "", "Vul je naam in."),
        ("email", "sam@@voorbeeld", "Vul een geldig e-mailadres in"),
        ("organisation", "", "Vul de naam van je organisatie in."),
        ("consent", None, "Geef toestemming om je verhaal te kunnen verwerken."),
    ],
)
def test_story_form_bad_input(client, field, value, message, private_media):
    response = client.post(STORY, story_post(**{field: value}))
    assert response.status_code == 400
    assert any(error.startswith(message) for error in field_error(text(response), field))
    assert nothing_stored()


def test_story_honeypot_stores_nothing(client, private_media):
    response = client.post(STORY, story_post(website="http://spam.example"))
    assert response.status_code == 400 and "automatisch" in text(response)
    assert nothing_stored()


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("virus.exe", "MZ")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("verhaal.pdf", b"MZ\x90\x00 not a pdf at all", "verhaal.pdf is geen PDF"),
        ("foto.png", b"GIF89a....", "foto.png is geen PDF"),
        ("verhaal.docx", zip_bytes(), "verhaal.docx is geen PDF"),
        ("leeg.pdf", b"", "Dit bestand is leeg."),
    ],
)
def test_story_upload_of_the_wrong_type_is_refused(client, private_media, name, content,
                                                   message):  # fmt: skip
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    response = client.post(STORY, {**story_post(), "attachment": upload})
    assert response.status_code == 400
    assert any(error.startswith(message) for error in field_error(text(response), "attachment"))
    assert nothing_stored()
    assert not private_media.exists() or not any(p.is_file() for p in private_media.rglob("*"))


def test_story_upload_over_10_mb_is_refused(client, private_media):
    content = b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024)
    upload = SimpleUploadedFile("groot.pdf", content, content_type="application/pdf")
    response = client.post(STORY, {**story_post(), "attachment": upload})
    assert response.status_code == 400
    assert field_error(text(response), "attachment") == ["groot.pdf is te groot: hoogstens 10 MB."]
    assert nothing_stored()


def test_update_form_bad_input(client):
    _pledge, token = sign(status="approved")
    emails = OutgoingEmail.objects.count()
    url = f"/netwerk/pledges/link/{token}/"
    for data, field, message in [
        ({"text": ""}, "text", "Beschrijf de voortgang."),
        ({"text": LONG}, "text", "Houd deze tekst korter dan 3000 tekens."),
        ({"text": "Goed bezig", "happened_on": "gisteren"}, "happened_on",
         "Vul een geldige datum in"),
    ]:  # fmt: skip
        response = client.post(url, {"soort": "voortgang", "website": "", **data})
        assert response.status_code == 400
        assert any(e.startswith(message) for e in field_error(text(response), field)), data
    response = client.post(url, {"soort": "voortgang", "text": "x", "website": "spam"})
    assert response.status_code == 400
    assert not PledgeUpdate.objects.exists() and OutgoingEmail.objects.count() == emails


def test_the_private_change_form_refuses_bad_input(client):
    pledge, token = sign(status="changes_requested")
    assert pledge.status == "changes_requested"
    url = f"/netwerk/pledges/link/{token}/"
    response = client.post(url, pledge_post(soort="pledge", commitments=""))
    assert response.status_code == 400
    assert field_error(text(response), "commitments") == [
        "Beschrijf wat je organisatie concreet gaat doen."]  # fmt: skip
    pledge.refresh_from_db()
    assert pledge.status == "changes_requested" and pledge.commitments.startswith("Wij zorgen")
