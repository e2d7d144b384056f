"""Absolute links in e-mails and .ics files follow the site (kennislab/core/siteurl.py): in
development the address the site is served on — any port — and in production the configured
SITE_BASE_URL, never a Host header. The demo content sends every app's mails (applications,
registrations, sign-ups, decisions); each link in each of them must use the port the site was
started on."""

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from kennislab.core.models import OutgoingEmail
from kennislab.core.siteurl import absolute, serving_at
from kennislab.core.testing import data_for_module

pytestmark = pytest.mark.django_db

SERVED_AT = "http://127.0.0.1:8123"
LINK = re.compile(r"https?://[^\s<>\"')\]]+")


def unfold(calendar: str) -> str:
    """An .ics file folds long lines (RFC 5545): a line break and a space continue a line."""
    return re.sub(r"\r?\n[ \t]", "", calendar)


def links_in(email: OutgoingEmail) -> list[str]:
    text = " ".join([email.body, *(str(v) for v in (email.headers or {}).values()),
                     *(unfold(content) for _name, content, _type in email.attachments or [])])  # fmt: skip
    return [link for link in LINK.findall(text) if "kennislab.example" not in link
            and "voorbeeld.example" not in link]  # fmt: skip


@pytest.fixture(scope="module")
def demo_mails(django_db_setup, django_db_blocker):
    """The demo content loaded and the daily jobs run as on a development site on port 8123
    (the configured address says port 8000: it must not show)."""
    with data_for_module(django_db_blocker):
        original = settings.SITE_URL_FROM_REQUEST, settings.WAGTAILADMIN_BASE_URL
        settings.SITE_URL_FROM_REQUEST, settings.WAGTAILADMIN_BASE_URL = (
            True,
            "http://127.0.0.1:8000",
        )
        try:
            with serving_at(SERVED_AT):
                call_command("load_demo", stdout=io.StringIO())
                call_command("daily_jobs", stdout=io.StringIO())
            yield list(OutgoingEmail.objects.order_by("pk"))
        finally:
            settings.SITE_URL_FROM_REQUEST, settings.WAGTAILADMIN_BASE_URL = original


def test_every_link_in_every_demo_mail_uses_the_port_the_site_runs_on(demo_mails):
    kinds = {re.sub(r"[\d\-A-Z]{4,}|‘.*’|\(.*\)", "", mail.subject).strip() for mail in demo_mails}
    assert len(kinds) >= 12, kinds  # vouchers, vignet, events, relay, challenge, pledges, …
    wrong = [(mail.subject, link) for mail in demo_mails for link in links_in(mail)
             if not link.startswith(SERVED_AT + "/")]  # fmt: skip
    checked = sum(len(links_in(mail)) for mail in demo_mails)
    assert checked >= 20, checked
    assert wrong == []


def test_a_request_on_another_port_mails_links_to_that_port(settings, demo_mails):
    settings.SITE_URL_FROM_REQUEST = True
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    client = Client(HTTP_HOST="localhost:8124")
    before = OutgoingEmail.objects.count()
    response = client.post("/nieuwsbrief/aanmelden/", {
        "email": "poort@voorbeeld.example", "name": "", "consent": "on", "website": ""})  # fmt: skip
    assert response.status_code in (200, 302, 303)
    mails = OutgoingEmail.objects.order_by("pk")[before:]
    links = [link for mail in mails for link in LINK.findall(mail.body)]
    assert links and all(link.startswith("http://localhost:8124/") for link in links), links


def test_in_production_links_use_the_configured_address_whatever_the_host(settings, rf):
    from kennislab.core.siteurl import RequestBaseUrlMiddleware

    settings.SITE_URL_FROM_REQUEST = False
    settings.WAGTAILADMIN_BASE_URL = "https://kennislab.voorbeeld.nl"
    seen = []
    middleware = RequestBaseUrlMiddleware(lambda request: seen.append(absolute("/a/")))
    middleware(rf.get("/", HTTP_HOST="evil.example"))
    assert seen == ["https://kennislab.voorbeeld.nl/a/"]


def test_development_settings_take_the_port_from_make_run():
    """`PORT=8123 make run` passes PORT; outside a request (commands, daily jobs) the links use
    it too."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "kennislab.settings.dev", "PORT": "8123"}
    env.pop("SITE_BASE_URL", None)
    printed = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.conf import settings;"
         " print(settings.WAGTAILADMIN_BASE_URL, settings.SITE_URL_FROM_REQUEST)"],
        env=env, capture_output=True, text=True, cwd=Path(settings.BASE_DIR), check=True,
    ).stdout.split()  # fmt: skip
    assert printed == ["http://127.0.0.1:8123", "True"]


def test_no_other_way_to_write_an_absolute_link():
    """One source: absolute links come from core.siteurl, not from a request's Host, a Wagtail
    Site record (get_full_url: "localhost:80") or the setting read elsewhere."""
    offenders = []
    pattern = re.compile(r"build_absolute_uri|get_full_url|\bfull_url\b|WAGTAILADMIN_BASE_URL")
    root = Path(settings.BASE_DIR) / "kennislab"
    for path in root.rglob("*.py"):
        relative = path.relative_to(root).as_posix()
        if "/tests/" in f"/{relative}" or relative.startswith(("settings/", "bench/")) or (
                relative == "core/siteurl.py"):  # fmt: skip
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if pattern.search(line):
                offenders.append(f"{relative}:{number}: {line.strip()}")
    assert offenders == []
