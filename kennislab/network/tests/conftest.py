"""Helpers and fixtures for the network tests: valid pledge and story data, pledges signed
through the service (and moved on by an editor), staff with the network permissions."""

from __future__ import annotations

import html as html_lib
import itertools
import re

import pytest
from django.contrib.auth.models import Group, Permission, User

from kennislab.network import services

_numbers = itertools.count(1)


def text(response) -> str:
    return html_lib.unescape(response.content.decode())


def field_error(html: str, field: str) -> list[str]:
    pattern = (
        rf'<p class="form-error" id="id_{field}-fout"><span class="visually-hidden">Fout:</span>'
        r" ([^<]*)</p>"
    )
    return re.findall(pattern, html)


def pledge_data(**overrides) -> dict:
    """The cleaned data of a valid pledge (a new organisation and address each call)."""
    number = next(_numbers)
    return {
        "organisation": f"Gemeente Testdorp {number}",
        "contact_name": "Anne de Vries",
        "email": f"ondertekenaar{number}@voorbeeld.example",
        "phone": "",
        "province": "gelderland",
        "partners": "GGD Waterstreek, Sportbedrijf Testdorp",
        "commitments": "Wij zorgen dat elke school in 2027 een gezonde kantine heeft.",
        **overrides,
    }


def pledge_post(**overrides) -> dict:
    """The POST body of a valid pledge form (consent ticked, honeypot empty)."""
    data = {**pledge_data(), "consent": "on", "website": ""}
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def sign(status=None, **overrides):
    """Sign through the service; with `status` "approved", "changes_requested" or "rejected"
    an editor moves it on. (pledge, token) — the token of the latest e-mail."""
    pledge, token = services.sign(pledge_data(**overrides), "Ik geef toestemming.")
    if status == "approved":
        services.moderate_pledge(pledge.pk, "approve", "", None)
    elif status == "changes_requested":
        services.moderate_pledge(pledge.pk, "request_changes", "Graag concreter.", None)
    elif status == "rejected":
        services.moderate_pledge(pledge.pk, "reject", "Past niet.", None)
    if status in ("approved", "changes_requested"):
        token = latest_link_token(pledge.email)
    pledge.refresh_from_db()
    return pledge, token


def latest_link_token(email: str) -> str:
    from kennislab.core.models import OutgoingEmail

    body = OutgoingEmail.objects.filter(to=email).order_by("-pk").first().body
    return re.findall(r"/netwerk/pledges/link/([^/\s]+)/", body)[-1]


def story_post(**overrides) -> dict:
    number = next(_numbers)
    data = {
        "title": f"Samen koken in de wijk {number}",
        "summary": "Buurtbewoners koken wekelijks samen met de wijkverpleging.",
        "what_was_done": "We begonnen met één kookavond in het buurthuis.\n\nDaarna elke week.",
        "what_worked": "De huisarts verwees mensen door.",
        "lessons": "Begin klein en vraag bewoners wat ze willen.",
        "contact_name": "Sam Jansen",
        "email": f"verteller{number}@voorbeeld.example",
        "organisation": "Welzijn Testdorp",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def story_data(**overrides) -> dict:
    data = story_post(**overrides)
    data.pop("consent")
    data.pop("website")
    data.setdefault("name_public", False)
    return data


def staff(username: str, *codenames: str) -> User:
    user = User.objects.create_user(username, password="x", is_staff=True)
    group = Group.objects.create(name=f"groep-{username}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        group.permissions.add(
            Permission.objects.get(codename=codename, content_type__app_label="network")
        )
    user.groups.add(group)
    return user


@pytest.fixture
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT
