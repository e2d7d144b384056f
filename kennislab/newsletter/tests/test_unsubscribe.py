"""Unsubscribing: the page with one button, the POST, the one-click POST of a mail program
(RFC 8058, no CSRF token), the List-Unsubscribe headers on every mail to a subscriber, and what
is kept afterwards (nothing personal)."""

import re

import pytest
from django.core import mail
from django.test import Client

from kennislab.core.mail import deliver
from kennislab.core.models import OutgoingEmail
from kennislab.newsletter import services
from kennislab.newsletter.models import Status, Subscriber

from .helpers import UNSUBSCRIBE_LINK, subscribe, text

pytestmark = pytest.mark.django_db


def url(subscriber) -> str:
    return f"/nieuwsbrief/afmelden/{subscriber.unsubscribe_key}/"


def assert_unsubscribed(subscriber):
    stored = Subscriber.objects.get(pk=subscriber.pk)
    assert stored.status == Status.UNSUBSCRIBED and stored.unsubscribed_at is not None
    assert (stored.email, stored.email_key, stored.name, stored.consent_text) == ("", "", "", "")
    assert stored.token_hash is None and not stored.themes.exists()
    assert not Subscriber.objects.confirmed().exists()


def test_the_page_has_one_button_and_looking_changes_nothing(client, themes):
    subscriber = subscribe("af@example.org", themes=[themes[0]])
    response = client.get(url(subscriber))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    html = text(response)
    main = html[html.index("<main") : html.index("</main>")]
    assert main.count('type="submit"') == 1
    assert 'name="actie" value="afmelden"' in main
    assert Subscriber.objects.get().status == Status.CONFIRMED


def test_unsubscribe_with_the_button(themes):
    subscriber = subscribe("af@example.org", "Af", themes=[themes[0]])
    client = Client(enforce_csrf_checks=True)
    assert client.post(url(subscriber), {"actie": "afmelden"}).status_code == 403  # no token
    assert Subscriber.objects.get().status == Status.CONFIRMED
    page = text(client.get(url(subscriber)))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = client.post(url(subscriber), {"actie": "afmelden", "csrfmiddlewaretoken": token})
    assert response.status_code == 200
    assert "Je bent afgemeld." in text(response)
    assert_unsubscribed(subscriber)
    again = client.get(url(subscriber))  # the link keeps answering, without the address
    assert again.status_code == 200 and "Je bent afgemeld." in text(again)
    assert "af@example.org" not in text(again)


def test_one_click_unsubscribe_without_csrf(themes):
    subscriber = subscribe("klik@example.org", themes=[themes[1]])
    client = Client(enforce_csrf_checks=True)  # a mail program sends no cookie and no token
    response = client.post(url(subscriber), "List-Unsubscribe=One-Click",
                           content_type="application/x-www-form-urlencoded")  # fmt: skip
    assert response.status_code == 200
    assert_unsubscribed(subscriber)
    repeat = client.post(url(subscriber), "List-Unsubscribe=One-Click",
                         content_type="application/x-www-form-urlencoded")  # fmt: skip
    assert repeat.status_code == 200


def test_a_post_without_the_button_changes_nothing(client, themes):
    subscriber = subscribe("af@example.org")
    assert client.post(url(subscriber), {}).status_code == 400
    assert Subscriber.objects.get().status == Status.CONFIRMED


def test_a_pending_sign_up_can_be_withdrawn(client, themes):
    subscriber = subscribe("wacht@example.org", confirmed=False)
    client.post(url(subscriber), "List-Unsubscribe=One-Click",
                content_type="application/x-www-form-urlencoded")  # fmt: skip
    assert_unsubscribed(subscriber)
    assert client.get(f"/nieuwsbrief/voorkeuren/{subscriber.token}/").status_code == 404


@pytest.mark.parametrize("key", ["onbekend", "x" * 32])
def test_an_unknown_key_is_a_404(client, key):
    response = client.get(f"/nieuwsbrief/afmelden/{key}/")
    assert response.status_code == 404
    assert "Deze link werkt niet (meer)" in text(response)
    posted = Client().post(f"/nieuwsbrief/afmelden/{key}/", "List-Unsubscribe=One-Click",
                           content_type="application/x-www-form-urlencoded")  # fmt: skip
    assert posted.status_code == 404


def test_the_address_can_subscribe_again_with_double_opt_in(client, themes):
    subscriber = subscribe("terug@example.org")
    services.unsubscribe(subscriber)
    client.post("/nieuwsbrief/aanmelden/", {"email": "terug@example.org", "consent": "on"})
    assert Subscriber.objects.filter(status=Status.PENDING, email="terug@example.org").count() == 1
    assert not Subscriber.objects.confirmed().exists()


def test_every_mail_to_a_subscriber_has_the_unsubscribe_headers(client, themes, mailoutbox):
    client.post("/nieuwsbrief/aanmelden/", {"email": "kop@example.org", "consent": "on"})
    client.post("/nieuwsbrief/aanmelden/", {"email": "kop@example.org", "consent": "on"})
    subscriber = Subscriber.objects.get()
    services.confirm(subscriber)
    client.post("/nieuwsbrief/aanmelden/", {"email": "kop@example.org", "consent": "on"})
    client.post("/nieuwsbrief/voorkeuren/", {"email": "kop@example.org"})
    services.send_to_subscriber(subscriber, "Nieuwsbrief", "newsletter/email/confirm.txt",
                                {"link": "x", "days": 7})  # fmt: skip
    stored = list(OutgoingEmail.objects.filter(to="kop@example.org"))
    assert len(stored) == 5
    expected = f"<http://testserver/nieuwsbrief/afmelden/{subscriber.unsubscribe_key}/>"
    for email in stored:
        assert email.headers == {"List-Unsubscribe": expected,
                                 "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}  # fmt: skip
        assert UNSUBSCRIBE_LINK.search(email.body).group(1) == subscriber.unsubscribe_key
    for email in stored:
        assert deliver(email)  # what the mail task does after commit
    sent = [message for message in mail.outbox if message.to == ["kop@example.org"]]
    assert len(sent) == 5
    assert all(message.extra_headers["List-Unsubscribe"] == expected for message in sent)
    assert all(message.message()["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
               for message in sent)  # fmt: skip
