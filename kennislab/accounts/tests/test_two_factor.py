"""Two-factor sign-in for the admin: set up at first sign-in, verified at every sign-in."""

import re

import pytest
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from kennislab.accounts import services

from .conftest import sign_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("required")]


@pytest.fixture
def required(settings):
    settings.STAFF_2FA_REQUIRED = True


def code_for(device: TOTPDevice, offset: int = 0) -> str:
    return (
        f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift + offset):06d}"
    )


def set_up(client, user):
    """Sign in and set up an app; returns (device, recovery codes)."""
    assert sign_in(client, user.username).status_code == 302
    client.get("/admin/tweestapsverificatie/instellen/")
    device = TOTPDevice.objects.get(user=user)
    response = client.post("/admin/tweestapsverificatie/instellen/", {"code": code_for(device)})
    assert response.status_code == 302
    codes = client.session["kennislab_recovery_codes"]
    client.get(response["Location"])
    return device, codes


def test_without_a_device_the_admin_sends_to_the_setup_page(client, editor):
    sign_in(client, "redacteur")
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/tweestapsverificatie/instellen/")
    page = client.get(response["Location"])
    text = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in text  # the QR code inline
    assert 'autocomplete="one-time-code"' in text and 'inputmode="numeric"' in text
    assert services.secret_text(TOTPDevice.objects.get(user=editor)) in text
    # other admin pages too, but not the sign-out
    assert client.get("/admin/pages/").status_code == 302
    assert client.post("/admin/logout/").status_code == 302


def test_setup_with_a_valid_code_gives_access_and_recovery_codes_once(client, editor):
    sign_in(client, "redacteur")
    client.get("/admin/tweestapsverificatie/instellen/")
    device = TOTPDevice.objects.get(user=editor)
    response = client.post(
        "/admin/tweestapsverificatie/instellen/", {"code": code_for(device), "next": "/admin/"}
    )
    assert response.status_code == 302
    page = client.get(response["Location"])
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", page.content.decode())
    assert len(codes) == services.RECOVERY_CODE_COUNT
    assert client.get("/admin/tweestapsverificatie/herstelcodes/").status_code == 302  # once
    assert client.get("/admin/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    # a second app cannot be set up without the reset (and the password)
    again = client.get("/admin/tweestapsverificatie/instellen/")
    assert again.status_code == 302 and again["Location"] == "/admin/tweestapsverificatie/"
    assert TOTPDevice.objects.filter(user=editor).count() == 1
    assert ModelLogEntry.objects.filter(action=services.TWO_FACTOR_SET_UP).exists()


def test_a_wrong_setup_code_is_refused(client, editor):
    sign_in(client, "redacteur")
    client.get("/admin/tweestapsverificatie/instellen/")
    device = TOTPDevice.objects.get(user=editor)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    response = client.post("/admin/tweestapsverificatie/instellen/", {"code": wrong})
    assert response.status_code == 200
    assert "Deze code klopt niet" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    assert client.get("/admin/").status_code == 302


def test_a_device_owner_verifies_at_the_next_sign_in(client, editor, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django-otp pauses a second after a wrong code
    device, _codes = set_up(client, editor)
    client.post("/admin/logout/")
    sign_in(client, "redacteur")
    response = client.get("/admin/pages/")
    assert response["Location"].startswith("/admin/tweestapsverificatie/controleren/")
    wrong = client.post("/admin/tweestapsverificatie/controleren/", {"code": "000000x"})
    assert wrong.status_code == 200 and "klopt niet" in wrong.content.decode()
    assert ModelLogEntry.objects.filter(action=services.TWO_FACTOR_FAILED).exists()
    # the next time step: the code used at setup may not be used twice
    response = client.post(
        "/admin/tweestapsverificatie/controleren/",
        {"code": code_for(device, 1), "next": "/admin/pages/"},
    )
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_a_recovery_code_works_once(client, editor):
    _device, codes = set_up(client, editor)
    for attempt in range(2):
        client.post("/admin/logout/")
        sign_in(client, "redacteur")
        response = client.post("/admin/tweestapsverificatie/controleren/", {"code": codes[0]})
        if attempt == 0:
            assert response.status_code == 302
            assert client.get("/admin/").status_code == 200
        else:
            assert response.status_code == 200
            assert client.get("/admin/").status_code == 302
    assert StaticToken.objects.filter(device__user=editor).count() == len(codes) - 1


@override_settings(STAFF_2FA_MAX_ATTEMPTS=3)
def test_wrong_codes_are_rate_limited(client, editor):
    device, _codes = set_up(client, editor)
    client.post("/admin/logout/")
    sign_in(client, "redacteur")
    for _ in range(3):
        client.post("/admin/tweestapsverificatie/controleren/", {"code": "123"})
    response = client.post(
        "/admin/tweestapsverificatie/controleren/", {"code": code_for(device, 1)}
    )
    assert response.status_code == 200
    assert "Te veel verkeerde codes" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_not_required_means_no_second_factor(client, editor, settings):
    settings.STAFF_2FA_REQUIRED = False
    sign_in(client, "redacteur")
    assert client.get("/admin/").status_code == 200


def test_a_user_resets_their_own_app_with_their_password(client, editor):
    set_up(client, editor)
    page = client.get("/admin/tweestapsverificatie/")
    assert page.status_code == 200 and "herstelcodes over" in page.content.decode()
    refused = client.post("/admin/tweestapsverificatie/", {"password": "fout"})
    assert refused.status_code == 200 and "klopt niet" in refused.content.decode()
    response = client.post("/admin/tweestapsverificatie/", {"password": "een-lang-Wachtwoord-42"})
    assert response.status_code == 302
    assert not services.has_two_factor(editor)
    assert client.get("/admin/")["Location"].startswith("/admin/tweestapsverificatie/instellen/")
    assert ModelLogEntry.objects.filter(action=services.TWO_FACTOR_RESET).exists()
    # the account page links to it
    set_up_again = client.get("/admin/tweestapsverificatie/instellen/")
    assert set_up_again.status_code == 200


def test_an_administrator_resets_someone_elses_app(client, admin_user, editor, settings):
    set_up(client, editor)
    client.post("/admin/logout/")
    settings.STAFF_2FA_REQUIRED = False
    client.force_login(admin_user)
    response = client.post(f"/admin/aanmeldbeveiliging/{editor.pk}/tweestapsverificatie-resetten/")
    assert response.status_code == 302
    assert not services.has_two_factor(editor)
    entry = ModelLogEntry.objects.get(action=services.TWO_FACTOR_RESET, object_id=str(editor.pk))
    assert entry.user_id == admin_user.pk


def test_account_page_links_to_two_factor(client, editor, settings):
    settings.STAFF_2FA_REQUIRED = False
    client.force_login(editor)
    assert "/admin/tweestapsverificatie/" in client.get("/admin/account/").content.decode()


def test_public_pages_are_not_affected(client, editor):
    sign_in(client, "redacteur")
    assert client.get("/zoeken/").status_code == 200
