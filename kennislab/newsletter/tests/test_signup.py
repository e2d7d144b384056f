"""Signing up: double opt-in end to end, the neutral answer for an address that is pending or
subscribed already (nothing new stored), and every kind of bad input (Dutch message, nothing
stored)."""

import re

import pytest
from django.test import Client

from kennislab.content.models import Theme
from kennislab.core.models import OutgoingEmail
from kennislab.newsletter.models import Status, Subscriber

from .helpers import SIGN_UP, counts, field_error, last_mail_to, link_in, subscribe, text

pytestmark = pytest.mark.django_db


def valid(**overrides) -> dict:
    data = {"email": "Marit.Test@Example.org", "name": "  Marit   Test ", "consent": "on"}
    data.update(overrides)
    return data


def test_the_form_is_a_complete_page(client, themes):
    response = client.get(SIGN_UP)
    assert response.status_code == 200
    html = text(response)
    assert "<h1>Aanmelden voor de nieuwsbrief</h1>" in html
    assert html.count('type="checkbox" name="themes"') == Theme.objects.count() >= 3
    assert 'name="website"' in html and 'name="consent"' in html
    assert "</footer>" in html  # the site's whole page, header and footer included


def test_double_opt_in_end_to_end(client, themes):
    response = client.post(SIGN_UP, {**valid(), "themes": [themes[0].pk, themes[2].pk]})
    assert response.status_code == 303
    assert response["Location"] == "/nieuwsbrief/aangemeld/"
    assert "Kijk in je mailbox" in text(client.get(response["Location"]))

    subscriber = Subscriber.objects.get()
    assert subscriber.status == Status.PENDING and subscriber.confirmed_at is None
    assert subscriber.email == "Marit.Test@Example.org"
    assert subscriber.email_key == "marit.test@example.org"
    assert subscriber.name == "Marit Test"
    assert set(subscriber.themes.all()) == {themes[0], themes[2]}
    assert "toestemming" in subscriber.consent_text
    assert not Subscriber.objects.confirmed().exists()

    mail = OutgoingEmail.objects.get()
    assert mail.to == "Marit.Test@Example.org"
    assert mail.subject == "Bevestig je aanmelding voor de nieuwsbrief"
    token = link_in(mail)
    assert token not in subscriber.token_hash  # only the hash is stored

    url = f"/nieuwsbrief/voorkeuren/{token}/"
    page = client.get(url)
    assert page.status_code == 200
    assert "Bevestig je aanmelding" in text(page)
    assert (
        Subscriber.objects.get().status == Status.PENDING
    )  # opening (or a link scanner) is not enough

    confirmed = client.post(url, {"actie": "bevestigen"})
    assert confirmed.status_code == 303
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Status.CONFIRMED and subscriber.confirmed_at is not None
    assert list(Subscriber.objects.confirmed()) == [subscriber]
    shown = text(client.get(confirmed["Location"]))
    assert "Je aanmelding is bevestigd." in shown
    assert "Je voorkeuren voor de nieuwsbrief" in shown


@pytest.mark.parametrize("confirmed", [False, True])
def test_signing_up_again_gives_the_same_answer_and_stores_nothing_new(client, themes, confirmed):
    existing = subscribe("bestaand@example.org", "Eerste Naam", [themes[0]], confirmed=confirmed)
    before = counts()
    response = client.post(
        SIGN_UP, valid(email=" BESTAAND@example.org ", name="Andere Naam", themes=[themes[1].pk])
    )
    assert response.status_code == 303
    assert response["Location"] == "/nieuwsbrief/aangemeld/"
    assert counts() == (before[0], before[1], before[2] + 1)  # only a mail
    stored = Subscriber.objects.get()
    assert stored.name == "Eerste Naam" and list(stored.themes.all()) == [themes[0]]
    assert stored.status == existing.status
    mail = last_mail_to("bestaand@example.org")
    if confirmed:
        assert mail.subject == "Je link naar je voorkeuren voor de nieuwsbrief"
        assert "Er verandert niets aan je aanmelding" in mail.body
    else:
        assert mail.subject == "Bevestig je aanmelding voor de nieuwsbrief"
    new_token = link_in(mail)
    assert client.get(f"/nieuwsbrief/voorkeuren/{new_token}/").status_code == 200
    assert client.get(f"/nieuwsbrief/voorkeuren/{existing.token}/").status_code == 404


def test_the_answer_is_the_same_for_new_and_known_addresses(client, themes):
    subscribe("bekend@example.org")
    new = client.post(SIGN_UP, valid(email="nieuw@example.org"), follow=True)
    known = client.post(SIGN_UP, valid(email="bekend@example.org"), follow=True)
    strip = lambda r: re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", text(r))  # noqa: E731
    assert new.redirect_chain == known.redirect_chain
    assert strip(new) == strip(known)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"email": ""}, "email", "Vul je e-mailadres in."),
        ({"email": "geen-adres@"}, "email", "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."),
        ({"consent": ""}, "consent", "Geef toestemming, anders kunnen we je niet aanmelden."),
        ({"themes": ["999999"]}, "themes", "Kies alleen thema's uit de lijst."),
        ({"themes": ["abc"]}, "themes", "Kies alleen thema's uit de lijst."),
    ],
)  # fmt: skip
def test_bad_input_is_explained_and_nothing_is_stored(client, themes, data, field, message):
    response = client.post(SIGN_UP, valid(**data))
    assert response.status_code == 400
    html = text(response)
    assert field_error(html, field) == [message]
    assert "Er is 1 ding niet goed ingevuld" in html
    assert "<title>Fout:" in html
    assert counts() == (0, 0, 0)


def test_the_spam_trap(client, themes):
    response = client.post(SIGN_UP, valid(website="https://spam.example"))
    assert response.status_code == 400
    assert "Dit formulier lijkt automatisch te zijn ingevuld en is niet verstuurd." in text(
        response
    )
    assert counts() == (0, 0, 0)


def test_a_tampered_csrf_token_is_refused(themes):
    client = Client(enforce_csrf_checks=True)
    page = text(client.get(SIGN_UP))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    tampered = token[:-4] + ("aaaa" if not token.endswith("aaaa") else "bbbb")
    response = client.post(SIGN_UP, {**valid(), "csrfmiddlewaretoken": tampered})
    assert response.status_code == 403
    assert 'lang="nl"' in response.content.decode()
    assert counts() == (0, 0, 0)
    accepted = client.post(SIGN_UP, {**valid(), "csrfmiddlewaretoken": token})
    assert accepted.status_code == 303
    assert counts()[0] == 1


def test_sign_up_is_rate_limited(client, settings, themes):
    settings.RATE_LIMITS_ENABLED = True
    for number in range(20):
        client.post(SIGN_UP, valid(email=f"veel{number}@example.org"))
    response = client.post(SIGN_UP, valid(email="teveel@example.org"))
    assert response.status_code == 429
    assert not Subscriber.objects.filter(email_key="teveel@example.org").exists()
