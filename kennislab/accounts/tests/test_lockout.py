"""Lockout after repeated failures (django-axes), per account and per client address."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.test import override_settings
from wagtail.models import ModelLogEntry

from kennislab.accounts import services

from .conftest import PASSWORD, sign_in

pytestmark = pytest.mark.django_db


@override_settings(AXES_FAILURE_LIMIT=3)
def test_an_account_is_locked_after_the_limit_even_from_other_addresses(client, editor):
    for number in range(3):
        response = sign_in(client, "redacteur", "fout", address=f"10.0.0.{number + 1}")
        # the sign-in form again with an error; the third failure locks at once
        assert response.status_code == (429 if number == 2 else 200)
    # the right password from a fourth address: still refused, with the Dutch message
    response = sign_in(client, "redacteur", PASSWORD, address="10.0.0.9")
    assert response.status_code == 429
    text = response.content.decode()
    assert "tijdelijk geblokkeerd" in text
    assert "Account locked" not in text
    assert "_auth_user_id" not in client.session


@override_settings(AXES_FAILURE_LIMIT=3)
def test_an_address_is_locked_after_the_limit_for_any_user_name(client, editor):
    for name in ("iemand", "niemand", "wie"):
        sign_in(client, name, "fout", address="10.0.0.5")
    response = sign_in(client, "redacteur", PASSWORD, address="10.0.0.5")
    assert response.status_code == 429
    assert "tijdelijk geblokkeerd" in response.content.decode()
    # another address is not affected
    assert sign_in(client, "redacteur", PASSWORD, address="10.0.0.6").status_code == 302


@override_settings(AXES_FAILURE_LIMIT=3)
def test_the_lockout_ends_after_the_cool_off_time(client, editor):
    for _ in range(3):
        sign_in(client, "redacteur", "fout")
    assert sign_in(client, "redacteur", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=services.cooloff_start() - timedelta(minutes=1))
    assert sign_in(client, "redacteur", PASSWORD).status_code == 302


@override_settings(AXES_FAILURE_LIMIT=3)
def test_an_administrator_unlocks_from_the_admin(client, admin_user, editor):
    for _ in range(3):
        sign_in(client, "redacteur", "fout", address="10.0.0.7")
    locked = {(lockout.kind, lockout.value) for lockout in services.current_lockouts()}
    assert locked == {("username", "redacteur"), ("ip_address", "10.0.0.7")}

    client.force_login(admin_user)
    page = client.get("/admin/aanmeldbeveiliging/")
    assert page.status_code == 200
    assert "Deblokkeren" in page.content.decode() and "redacteur" in page.content.decode()
    response = client.post(
        "/admin/aanmeldbeveiliging/deblokkeren/", {"kind": "username", "value": "redacteur"}
    )
    assert response.status_code == 302
    client.post(
        "/admin/aanmeldbeveiliging/deblokkeren/", {"kind": "ip_address", "value": "10.0.0.7"}
    )
    assert services.current_lockouts() == []
    assert ModelLogEntry.objects.filter(action=services.UNLOCKED, object_id=str(editor.pk)).exists()
    client.logout()
    assert sign_in(client, "redacteur", PASSWORD, address="10.0.0.7").status_code == 302


def test_only_superusers_see_the_security_page(client, editor):
    from django.contrib.auth.models import Group

    editor.is_superuser = False
    editor.save()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    # Wagtail answers a refusal in the admin with a redirect to the dashboard and a message
    response = client.get("/admin/aanmeldbeveiliging/")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    AccessAttempt.objects.create(
        username="iemand", ip_address="10.0.0.8", failures_since_start=9, user_agent="x",
        http_accept="x", path_info="/admin/login/", get_data="", post_data="",
    )  # fmt: skip
    client.post("/admin/aanmeldbeveiliging/deblokkeren/", {"kind": "username", "value": "iemand"})
    assert AccessAttempt.objects.filter(username="iemand").exists()


def test_unknown_lockout_kind_gives_a_message_not_an_error(client, admin_user):
    client.force_login(admin_user)
    response = client.post("/admin/aanmeldbeveiliging/deblokkeren/", {"kind": "x", "value": ""})
    assert response.status_code == 302


def test_failures_are_audited_without_the_password(client, editor):
    sign_in(client, "redacteur", "geheim-getypt-1")
    sign_in(client, "onbekende-naam", "geheim-getypt-2")
    assert ModelLogEntry.objects.filter(
        action=services.SIGN_IN_FAILED, object_id=str(editor.pk)
    ).exists()
    # the unknown user name is kept by axes, shown on the admin page
    assert AccessFailureLog.objects.filter(username="onbekende-naam").exists()
    for model in (AccessAttempt, AccessFailureLog, ModelLogEntry):
        for row in model.objects.all():
            values = " ".join(str(value) for value in row.__dict__.values())
            assert "geheim-getypt" not in values


@override_settings(AXES_FAILURE_LIMIT=2)
def test_a_lockout_is_audited(client, editor):
    sign_in(client, "redacteur", "fout")
    sign_in(client, "redacteur", "fout")
    assert ModelLogEntry.objects.filter(
        action=services.LOCKED_OUT, object_id=str(editor.pk)
    ).exists()


def test_sign_in_and_out_are_audited(client, editor):
    assert sign_in(client, "redacteur").status_code == 302
    client.post("/admin/logout/")
    actions = set(
        ModelLogEntry.objects.filter(object_id=str(editor.pk)).values_list("action", flat=True)
    )
    assert {services.SIGNED_IN, services.SIGNED_OUT} <= actions
    # with Dutch labels in the site history report
    from wagtail.log_actions import registry

    assert registry.get_action_label(services.SIGNED_IN) == "Aanmelden"
