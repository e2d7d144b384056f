"""Error reporting through sentry-sdk, only when SENTRY_DSN is set (settings/production.py).

No personal data leaves the site: send_default_pii=False (no user, no address, no cookies from
the SDK), and `scrub_event` removes what remains before sending: request bodies, cookies, query
strings and headers that can carry a token or an address, user details, private-link tokens in
URLs, and e-mail addresses and names anywhere in messages, exceptions and breadcrumbs.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from .logging import mask_path, mask_text

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
FILTERED = "[verwijderd]"
# Keys in local variables or extra data that hold a person's details.
PERSONAL_KEYS = re.compile(
    r"(e-?mail|name|naam|contact|phone|telefoon|address|adres|token|key|password|wachtwoord|"
    r"secret|cookie|session|body|data|motivation|motivatie|organisation)",
    re.IGNORECASE,
)
SAFE_HEADERS = frozenset({"accept", "accept-language", "content-type", "content-length", "host"})


def scrub_value(value, depth: int = 0):
    """E-mail addresses replaced in every string; personal keys emptied in every dict."""
    if depth > 8:
        return FILTERED
    if isinstance(value, str):
        return mask_text(EMAIL.sub(FILTERED, value))
    if isinstance(value, dict):
        return {
            key: FILTERED
            if isinstance(key, str) and PERSONAL_KEYS.search(key)
            else scrub_value(item, depth + 1)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [scrub_value(item, depth + 1) for item in value]
    return value


def scrub_request(request: dict) -> dict:
    clean = {key: request[key] for key in ("method",) if key in request}
    if "url" in request:
        parts = urlsplit(request["url"])
        clean["url"] = urlunsplit((parts.scheme, parts.netloc, mask_path(parts.path), "", ""))
    if request.get("query_string"):
        clean["query_string"] = FILTERED
    if request.get("data"):
        clean["data"] = FILTERED
    headers = request.get("headers") or {}
    clean["headers"] = {
        name: value for name, value in headers.items() if name.lower() in SAFE_HEADERS
    }
    return clean


def scrub_event(event: dict, hint: dict | None = None) -> dict:
    """before_send: the event without personal data (see the module docstring)."""
    event.pop("user", None)
    if "request" in event:
        event["request"] = scrub_request(event["request"])
    if "message" in event and isinstance(event["message"], str):
        event["message"] = scrub_value(event["message"])
    if "logentry" in event:
        entry = event["logentry"]
        entry["message"] = scrub_value(entry.get("message", ""))
        if entry.get("formatted"):
            entry["formatted"] = scrub_value(entry["formatted"])
        entry["params"] = [FILTERED for _ in entry.get("params") or []]
    for exception in (event.get("exception") or {}).get("values") or []:
        if isinstance(exception.get("value"), str):
            exception["value"] = scrub_value(exception["value"])
        for frame in (exception.get("stacktrace") or {}).get("frames") or []:
            if "vars" in frame:
                frame["vars"] = scrub_value(frame["vars"])
    crumbs = event.get("breadcrumbs")
    values = crumbs.get("values") if isinstance(crumbs, dict) else crumbs
    for crumb in values or []:
        if isinstance(crumb.get("message"), str):
            crumb["message"] = scrub_value(crumb["message"])
        if "data" in crumb:
            crumb["data"] = scrub_value(crumb["data"])
    if "extra" in event:
        event["extra"] = scrub_value(event["extra"])
    return event


def init(dsn: str, environment: str = "production", traces_sample_rate: float = 0.0) -> bool:
    """Start the SDK when a DSN is configured; False (and nothing started) otherwise."""
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        traces_sample_rate=traces_sample_rate,
        before_send=scrub_event,
        before_send_transaction=scrub_event,
        max_request_body_size="never",
    )
    return True
