"""/robots.txt: where the sitemap is, and what crawlers should leave alone.

* Always: the back office (/admin/), search results (/zoeken/) and the health check. The API
  (/api/) stays open: it is the library's open data.
* Private links: read from the URL configuration, like the log masking does
  (kennislab.ops.logging): every route with a parameter named token, key, code or uidb64 is
  disallowed up to that parameter (/vignet/aanvraag/<token>/… gives `Disallow: /vignet/aanvraag/`,
  /uitdaging/<slug>/team/<code>/ gives `Disallow: /uitdaging/*/team/`). A new private link is
  covered without anyone remembering to add it here.
* Form steps and confirmations (FORM_STEPS, by URL name, and a survey's `?bedankt=1`): the form
  itself may be crawled, the "thank you" page and a step behind it not. Every named public route
  is private, a form step or in CRAWLABLE: a test fails when a new route is in none of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from django.http import HttpResponse
from django.urls import get_resolver, reverse
from django.views.decorators.http import require_safe

from kennislab.core.siteurl import absolute
from kennislab.ops.logging import SECRET_PARAMETERS

ALWAYS_DISALLOWED = ("/admin/", "/zoeken/", "/health/")

# Confirmation pages and steps behind a form (by URL name), and the forms that ask for a private
# link (their path is the start of the link's own).
FORM_STEPS = frozenset(
    {
        # Wagtail's password and login forms for pages and documents behind a restriction
        "wagtailcore_authenticate_with_password",
        "wagtailcore_login",
        "wagtaildocs_authenticate_with_password",
        "network:pledge-new-link",
        "newsletter:request-link",
        "personal:request-link",
        "campaigns:registered",
        "challenge:signed-up",
        "network:pledge-link-sent",
        "network:story-thanks",
        "newsletter:signed-up",
        "newsletter:link-sent",
        "personal:link-sent",
        "questions:asked",
        "questions:interest-done",
        "vignet:preview",
    }
)
# Named public routes that crawlers may visit: listings, detail pages, calendar and RSS feeds,
# the forms themselves.
CRAWLABLE = frozenset(
    {
        "campaigns:feed", "campaigns:archive", "campaigns:theme-feed", "campaigns:event-ics",
        "campaigns:register", "campaigns:recording",
        "challenge:sign-up",
        "relay:feed", "relay:register", "relay:region-feed", "relay:activity",
        "relay:activity-ics",
        "network:pledge-wall", "network:pledge-sign", "network:pledge",
        "network:story",
        "movement:map",
        "newsletter:sign-up",
        "questions:ask", "questions:interest",
        "vignet:apply", "vignet:register", "vignet:verify", "vignet:badge",
        "vouchers:apply",
        "discovery:sitemap", "discovery:sitemap-section", "discovery:sitemap-section-page",
        "discovery:robots", "discovery:kennislab-feed", "discovery:theme-feed",
        "discovery:type-feed", "discovery:agenda-feed",
        # Wagtail: every page of the tree (the sitemap lists the public ones) and documents
        "wagtail_serve", "wagtaildocs_serve",
    }
)  # fmt: skip

_GROUP = re.compile(r"\(\?P<(\w+)>[^()]*\)")


def _strip(regex: str) -> str:
    return regex.removeprefix("^").removesuffix("\\Z").removesuffix("$")


def routes(patterns=None, prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str]]:
    """(qualified name or "", full regular expression without anchors) of every route."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for entry in patterns:
        regex = prefix + _strip(entry.pattern.regex.pattern)
        if hasattr(entry, "url_patterns"):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            try:
                yield from routes(entry.url_patterns, regex, inner)
            except Exception:  # noqa: S112 - an include that cannot load has no routes to list
                continue
        else:
            yield (f"{namespace}{entry.name}" if entry.name else ""), regex


def robots_path(regex: str, stop_at=SECRET_PARAMETERS) -> str:
    """A route's regular expression as a robots.txt path: literal parts as they are, other
    parameters as `*`, cut off at the first parameter in `stop_at`."""
    parts, position = [], 0
    for match in _GROUP.finditer(regex):
        parts.append(regex[position : match.start()])
        if match.group(1) in stop_at:
            position = None
            break
        parts.append("*")
        position = match.end()
    if position is not None:
        parts.append(regex[position:])
    path = "/" + "".join(re.sub(r"\\(.)", r"\1", part) if part != "*" else part for part in parts)
    return path


def _covered(path: str, by: str) -> bool:
    return path != by and "*" not in by and path.startswith(by)


def _query_steps() -> set[str]:
    """Steps that a page shows through its query string: a survey's thank-you text."""
    from kennislab.surveys.models import THANKS

    return {f"/*?*{THANKS}="}


@lru_cache(maxsize=1)
def disallowed() -> tuple[str, ...]:
    """Every Disallow path: the fixed ones, private links and form steps."""
    found = set(ALWAYS_DISALLOWED) | _query_steps()
    for name, regex in routes():
        groups = set(_GROUP.findall(regex))
        if groups & SECRET_PARAMETERS or name in FORM_STEPS:
            found.add(robots_path(regex))
    return tuple(sorted(path for path in found if not any(_covered(path, by) for by in found)))


def is_disallowed(path: str, rules=None) -> bool:
    """Whether a crawler that follows Google's rules (`*` is any text, `$` the end) keeps out."""
    for rule in disallowed() if rules is None else rules:
        pattern = re.escape(rule).replace(r"\*", ".*")
        if pattern.endswith(r"\$"):
            pattern = pattern[:-2] + r"\Z"
        if re.match(pattern, path):
            return True
    return False


def robots_text() -> str:
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in disallowed()]
    lines += ["", f"Sitemap: {absolute(reverse('discovery:sitemap'))}", ""]
    return "\n".join(lines)


@require_safe
def robots_txt(request):
    return HttpResponse(robots_text(), content_type="text/plain; charset=utf-8")
