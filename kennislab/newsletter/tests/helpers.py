"""Shared by the newsletter tests: counting what is stored, reading links from the outbox, and
signing up and confirming through the services."""

from __future__ import annotations

import html as html_lib
import re

from kennislab.core.models import OutgoingEmail
from kennislab.newsletter import services
from kennislab.newsletter.models import Subscriber

PRIVATE_LINK = re.compile(r"http://testserver/nieuwsbrief/voorkeuren/([A-Za-z0-9_-]{20,})/")
UNSUBSCRIBE_LINK = re.compile(r"http://testserver/nieuwsbrief/afmelden/([A-Za-z0-9_-]{20,})/")
SIGN_UP = "/nieuwsbrief/aanmelden/"


def text(response) -> str:
    return html_lib.unescape(response.content.decode())


def counts() -> tuple[int, int, int]:
    return (
        Subscriber.objects.count(),
        Subscriber.themes.through.objects.count(),
        OutgoingEmail.objects.count(),
    )


def link_in(email: OutgoingEmail) -> str:
    match = PRIVATE_LINK.search(email.body)
    assert match, email.body
    return match.group(1)


def last_mail_to(address: str) -> OutgoingEmail:
    return OutgoingEmail.objects.filter(to=address).order_by("-pk").first()


def field_error(html: str, field: str) -> list[str]:
    pattern = (
        rf'<p class="form-error" id="id_{field}-fout"><span class="visually-hidden">Fout:</span>'
        r" ([^<]*)</p>"
    )
    return re.findall(pattern, html)


def subscribe(email: str, name: str = "", themes=(), confirmed: bool = True) -> Subscriber:
    signed = services.sign_up({"email": email, "name": name, "themes": list(themes)}, "Test.")
    if confirmed:
        services.confirm(signed.subscriber)
    subscriber = Subscriber.objects.get(pk=signed.subscriber.pk)
    subscriber.token = signed.token  # the link of the confirmation mail (tests only)
    return subscriber
