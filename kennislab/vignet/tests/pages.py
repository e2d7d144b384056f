"""Helpers for the tests of the vignet's public pages: reading a page as a reader sees it, the
error summary, the private link in a redirect, and walking the application's steps."""

from __future__ import annotations

import html
import re

APPLY = "/vignet/aanvragen/"
PREVIEW = "/vignet/aanvragen/oordeel/"
STEP_URL = re.compile(
    r"^/vignet/aanvraag/([A-Za-z0-9_-]{20,})/stap/([1-5])/(?:\?status=(\w+))?(#\w+)?$"
)
NOTHING_SAVED = "Er is nog niets opgeslagen."
NOT_EDITABLE = "Deze aanvraag is ingediend en kan niet meer worden gewijzigd."
LINK_UNKNOWN = "Deze link werkt niet (meer)"


def raw(response) -> str:
    return response.content.decode()


def text(response) -> str:
    """The page as a reader sees it (entities resolved: thema's, not thema&#x27;s)."""
    return html.unescape(raw(response))


def error_summary(response) -> str:
    match = re.search(r'<div class="error-summary".*?</div>', raw(response), re.S)
    assert match, "no error summary on the page"
    return html.unescape(match.group(0))


def draft_url(token: str) -> str:
    return f"/vignet/aanvraag/{token}/"


def step_url(token: str, number: int) -> str:
    return f"/vignet/aanvraag/{token}/stap/{number}/"


def redirected_to_step(response, number: int, status: str | None = "bewaard") -> str:
    """The token of the step page a 303 after a POST leads to (asserting step and status)."""
    assert response.status_code == 303, (response.status_code, raw(response)[:3000])
    match = STEP_URL.match(response["Location"])
    assert match, response["Location"]
    assert int(match.group(2)) == number, response["Location"]
    assert match.group(3) == status, response["Location"]
    return match.group(1)


def submitted_redirect(response, token: str) -> None:
    assert response.status_code == 303, (response.status_code, raw(response)[:3000])
    assert response["Location"] == f"{draft_url(token)}?status=ingediend"


def start(client, data) -> str:
    """Step 1 of a new application: the token of the draft it creates."""
    return redirected_to_step(client.post(APPLY, data), 2, "nieuw")


def fill_steps(client, token: str, data, numbers=(2, 3, 4)) -> None:
    """Save steps of a draft with "Opslaan en verder" (each must be accepted)."""
    for number in numbers:
        response = client.post(step_url(token, number), {**data, "action": "next"})
        redirected_to_step(response, number + 1)


def walk(client, data) -> str:
    """The whole application through steps 1–4 (not submitted yet): its token."""
    token = start(client, data)
    fill_steps(client, token, data)
    return token


def submit(client, token: str):
    """Press "Aanvraag indienen" on the check page."""
    return client.post(step_url(token, 5), {"action": "submit"})
