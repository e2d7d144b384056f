"""Password rules, idle expiry, the removed Django admin and the password reset."""

import re
import time

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import override_settings

from kennislab.accounts.middleware import LAST_ACTIVITY_KEY
from kennislab.core.display import mask_private_links
from kennislab.core.models import OutgoingEmail

from .conftest import sign_in

pytestmark = pytest.mark.django_db


def test_passwords_need_twelve_characters_and_may_not_be_common(editor):
    with pytest.raises(ValidationError):
        validate_password("Kw8!zq3#Lp0", editor)  # 11 characters
    with pytest.raises(ValidationError):
        validate_password("password1234", editor)  # common
    with pytest.raises(ValidationError):
        validate_password("384756102938", editor)  # only digits
    validate_password("Kw8!zq3#Lp0x", editor)  # 12, not common: fine


def test_the_django_admin_is_gone(client, admin_user):
    assert client.get("/django-admin/").status_code == 404
    client.force_login(admin_user)
    assert client.get("/django-admin/").status_code == 404


@override_settings(STAFF_IDLE_MINUTES=30)
def test_staff_are_signed_out_after_being_idle(client, editor):
    sign_in(client, "redacteur")
    assert client.get("/admin/").status_code == 200
    session = client.session
    session[LAST_ACTIVITY_KEY] = int(time.time()) - 31 * 60
    session.save()
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    page = client.get(response["Location"])
    assert "niets in het beheer hebt gedaan" in page.content.decode()
    assert "_auth_user_id" not in client.session


@override_settings(STAFF_IDLE_MINUTES=30)
def test_activity_keeps_the_session_and_is_written_at_most_once_a_minute(client, editor):
    sign_in(client, "redacteur")
    session = client.session
    session[LAST_ACTIVITY_KEY] = stamp = int(time.time()) - 29 * 60
    session.save()
    assert client.get("/admin/").status_code == 200
    renewed = client.session[LAST_ACTIVITY_KEY]
    assert renewed > stamp
    client.get("/admin/pages/")
    assert client.session[LAST_ACTIVITY_KEY] == renewed  # not rewritten within the minute


def test_a_new_sign_in_restarts_the_idle_clock(client, editor):
    sign_in(client, "redacteur")
    session = client.session
    session[LAST_ACTIVITY_KEY] = int(time.time()) - 3 * 60 * 60
    session.save()
    sign_in(client, "redacteur")  # same user signs in again on the login page
    assert client.get("/admin/").status_code == 200


def test_anonymous_visitors_get_no_session(client):
    response = client.get("/zoeken/")
    assert response.status_code == 200
    assert "sessionid" not in response.cookies


def reset(client, email, address="10.0.0.1"):
    return client.post("/admin/password_reset/", {"email": email}, REMOTE_ADDR=address)


def test_password_reset_is_neutral_and_goes_through_the_outbox(client, editor, mailoutbox):
    known = reset(client, "redactie@kennislab.example")
    unknown = reset(client, "niemand@kennislab.example")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert client.get(known["Location"]).status_code == 200
    mails = OutgoingEmail.objects.all()
    assert [mail.to for mail in mails] == ["redactie@kennislab.example"]
    assert "/admin/password_reset/confirm/" in mails[0].body
    assert mails[0].subject
    # staff reading the outbox see the link masked, not a working reset link
    link = re.search(r"http\S+/password_reset/confirm/\S+", mails[0].body).group(0)
    assert link not in mask_private_links(mails[0].body)


def test_password_reset_is_rate_limited_per_address(client, editor):
    for _ in range(5):
        assert reset(client, "niemand@kennislab.example").status_code == 302
    response = reset(client, "niemand@kennislab.example")
    assert response.status_code == 429
    assert "Wacht" in response.content.decode()
    assert reset(client, "niemand@kennislab.example", address="10.0.0.2").status_code == 302


def test_at_most_three_reset_mails_an_hour_to_one_address(client, editor):
    for number in range(5):
        reset(client, "redactie@kennislab.example", address=f"10.0.1.{number}")
    assert OutgoingEmail.objects.filter(to="redactie@kennislab.example").count() == 3


def test_a_malformed_reset_address_gets_a_dutch_message(client):
    response = reset(client, "geen adres")
    assert response.status_code == 200
    assert "geldig e-mailadres" in response.content.decode()
