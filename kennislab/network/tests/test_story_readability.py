"""The practice story form's "Controleer leesbaarheid": it checks the story's plain Dutch (B1)
over all its text fields, stores and sends nothing, keeps what was typed (never the spam trap),
and asks for a chosen attachment again."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kennislab.core.models import OutgoingEmail
from kennislab.network.models import Story

from .conftest import story_post, text

pytestmark = pytest.mark.django_db
STORY = "/netwerk/praktijkverhaal/"
OFFICIAL = (
    "Teneinde de participatie van kwetsbare inwoners te bevorderen hebben wij middels een "
    "integrale aanpak, in samenwerking met maatschappelijke partners en gemeentelijke "
    "beleidsmedewerkers, een laagdrempelige voorziening gerealiseerd."
)


def test_the_form_offers_the_check_and_shows_no_report_before(client):
    html = text(client.get(STORY))
    assert 'name="actie" value="leesbaarheid"' in html
    assert 'id="leesbaarheid"' not in html


def test_checking_reports_on_the_whole_story_and_stores_nothing(client):
    attachment = SimpleUploadedFile("verslag.pdf", b"%PDF-1.4 test", "application/pdf")
    data = story_post(what_was_done=OFFICIAL, website="spam", actie="leesbaarheid")
    response = client.post(STORY, {**data, "attachment": attachment})
    assert response.status_code == 200
    html = text(response)
    assert 'id="leesbaarheid"' in html
    assert "moeilijker dan taalniveau B1" in html
    assert "‘middels’: schrijf liever ‘met, via’" in html and "‘Teneinde’" in html
    assert OFFICIAL in html and data["title"] in html  # what was typed comes back
    assert 'value="spam"' not in html  # the spam trap is never echoed
    assert "Kies die opnieuw" in html  # the attachment cannot be given back
    assert 'class="form-error"' not in html
    assert (Story.objects.count(), OutgoingEmail.objects.count()) == (0, 0)


def test_sending_after_the_check_still_works(client):
    client.post(STORY, story_post(actie="leesbaarheid"))
    response = client.post(STORY, story_post())
    assert response.status_code == 303
    assert Story.objects.count() == 1
