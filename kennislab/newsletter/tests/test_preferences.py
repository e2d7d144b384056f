"""The private preferences link: change name and themes, bad input, expired or unknown links
(a Dutch 404), and asking for a new link by e-mail (the same answer for every address)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kennislab.core.models import OutgoingEmail
from kennislab.newsletter.models import Status, Subscriber

from .helpers import counts, field_error, last_mail_to, link_in, subscribe, text

pytestmark = pytest.mark.django_db


def url(token: str) -> str:
    return f"/nieuwsbrief/voorkeuren/{token}/"


def test_change_name_and_themes(client, themes):
    subscriber = subscribe("voorkeur@example.org", "Oud", [themes[0]])
    page = client.get(url(subscriber.token))
    assert page.status_code == 200
    assert page["Cache-Control"] == "private, no-store"
    assert page["X-Robots-Tag"] == "noindex"
    response = client.post(url(subscriber.token), {"actie": "opslaan", "name": " Nieuwe  Naam ",
                                                   "themes": [themes[1].pk, themes[2].pk]})  # fmt: skip
    assert response.status_code == 303
    assert "Je voorkeuren zijn opgeslagen." in text(client.get(response["Location"]))
    stored = Subscriber.objects.get()
    assert stored.name == "Nieuwe Naam"
    assert set(stored.themes.all()) == {themes[1], themes[2]}
    assert stored.status == Status.CONFIRMED
    # no themes: everything
    client.post(url(subscriber.token), {"actie": "opslaan", "name": ""})
    assert not Subscriber.objects.get().themes.exists()


def test_an_unknown_theme_changes_nothing(client, themes):
    subscriber = subscribe("voorkeur@example.org", "Oud", [themes[0]])
    response = client.post(url(subscriber.token), {"actie": "opslaan", "name": "Nieuw",
                                                   "themes": ["424242"]})  # fmt: skip
    assert response.status_code == 400
    assert field_error(text(response), "themes") == ["Kies alleen thema's uit de lijst."]
    stored = Subscriber.objects.get()
    assert stored.name == "Oud" and list(stored.themes.all()) == [themes[0]]


def test_a_pending_sign_up_cannot_save_preferences_before_confirming(client, themes):
    subscriber = subscribe("wacht@example.org", "Wacht", [themes[0]], confirmed=False)
    response = client.post(url(subscriber.token), {"actie": "opslaan", "name": "Anders"})
    assert response.status_code == 400
    assert "Dit formulier kennen we niet." in text(response)
    assert Subscriber.objects.get().name == "Wacht"


@pytest.mark.parametrize("token", ["onbekend", "x" * 32, "y" * 200])
def test_an_unknown_link_is_a_dutch_404(client, token):
    response = client.get(url(token))
    assert response.status_code == 404
    assert "Deze link werkt niet (meer)" in text(response)
    assert "Vraag een nieuwe link aan" in text(response)


def test_an_expired_link_is_a_dutch_404(client, themes):
    subscriber = subscribe("verlopen@example.org", "Verlopen")
    Subscriber.objects.update(token_expires_at=timezone.now() - timedelta(seconds=1))
    response = client.get(url(subscriber.token))
    assert response.status_code == 404
    assert "Deze link werkt niet (meer)" in text(response)
    posted = client.post(url(subscriber.token), {"actie": "opslaan", "name": "Gewijzigd"})
    assert posted.status_code == 404
    assert Subscriber.objects.get().name == "Verlopen"


def test_a_new_link_on_request(client, themes):
    subscriber = subscribe("link@example.org", "Link")
    before = OutgoingEmail.objects.count()
    response = client.post("/nieuwsbrief/voorkeuren/", {"email": "LINK@example.org"})
    assert response.status_code == 303
    assert response["Location"] == "/nieuwsbrief/link-verstuurd/"
    assert OutgoingEmail.objects.count() == before + 1
    token = link_in(last_mail_to("link@example.org"))
    assert client.get(url(token)).status_code == 200
    assert client.get(url(subscriber.token)).status_code == 404  # the old link stops working


def test_a_new_link_for_an_unknown_address_gives_the_same_answer(client, themes):
    before = counts()
    response = client.post("/nieuwsbrief/voorkeuren/", {"email": "onbekend@example.org"})
    assert response.status_code == 303
    assert response["Location"] == "/nieuwsbrief/link-verstuurd/"
    assert counts() == before


@pytest.mark.parametrize(
    ("data", "message"),
    [({"email": ""}, "Vul je e-mailadres in."),
     ({"email": "fout"}, "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.")],
)  # fmt: skip
def test_the_link_request_form_explains_errors(client, data, message):
    response = client.post("/nieuwsbrief/voorkeuren/", data)
    assert response.status_code == 400
    assert field_error(text(response), "email") == [message]
    assert counts() == (0, 0, 0)


def test_the_link_request_spam_trap(client, themes):
    subscribe("link@example.org")
    before = counts()
    response = client.post(
        "/nieuwsbrief/voorkeuren/", {"email": "link@example.org", "website": "x"}
    )
    assert response.status_code == 400
    assert counts() == before
