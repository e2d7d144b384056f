"""A page cache for anonymous visitors (docs/decisions/0004-anonymous-page-cache.md).

Serving a Wagtail page costs 25–80 ms on the reference machine (routing through the tree, view
restrictions, StreamField and templates); the same page from the cache costs about 1 ms.

* Only GET requests from anonymous visitors for public pages are cached, and only responses that
  are the same for everyone: status 200, HTML (or the sitemap's XML and the RSS/Atom feeds,
  CACHED_CONTENT_TYPES), no cookie set, not varying on Cookie (a page with
  a CSRF token varies on Cookie, so no form page is ever cached), not marked private.
* Query strings are part of the key, but only known parameters are cached (CACHED_PARAMETERS:
  the filters and page numbers public pages read), so random query strings cannot fill the
  cache. The parameters are ordered by name in the key: ?a=1&b=2 and ?b=2&a=1 share one entry.
* Per-visitor content is never cached: nor is a response rendered for a visitor whose session
  holds anything, as what a page shows from a session is that visitor's (pages under a view
  restriction, such as one unlocked with its password, Wagtail marks no-store itself).
* Pages with figures that change by the minute without bumping the generation (places left on
  the agenda and event pages, live sign-up figures) call `cache_briefly(response)`: they keep
  `Cache-Control: no-cache` for browsers and proxies, but this cache may keep them for
  LIVE_SECONDS at most (never longer than PAGE_CACHE_SECONDS). Whatever such a figure guards is
  decided again where it matters (a registration counts the places under a lock).
* Any committed change to a model that can show on a public page bumps a generation number that
  is part of every key: the next request renders fresh. With a shared cache (Redis) that holds for
  all app servers at once; with the per-process default cache, other processes may show the old
  page until PAGE_CACHE_SECONDS have passed (30 s by default then).
* While the shared cache (Redis) cannot be reached, nothing is served from or stored in this
  cache (kennislab.core.cache): a copy in one process would miss other servers' changes.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.cache import cc_delim_re, patch_cache_control
from django.utils.encoding import escape_uri_path
from django.utils.http import urlencode

from .cache import is_degraded, on_reconnect

GENERATION_KEY = "pagecache:generation"
# soort, thema, domein, jaar: listing filters; vorm (online or on site) and regio: the agenda's and
# a relay campaign's filters; pagina: page numbers.
CACHED_PARAMETERS = frozenset({"soort", "thema", "domein", "jaar", "vorm", "regio", "pagina"})
# How long a page with live figures (cache_briefly) may come from the cache: places left on the
# agenda may lag a registration by this much; the registration form itself is never cached.
LIVE_SECONDS = 30
MAX_PATH_LENGTH = 300
# HTML pages, the sitemap (kennislab.discovery) and RSS/Atom feeds.
CACHED_CONTENT_TYPES = (
    "text/html",
    "application/xml",
    "text/xml",
    "application/rss+xml",
    "application/atom+xml",
)

# Writes to these apps never change what anonymous visitors see.
IGNORED_APPS = frozenset(
    {
        "auth",
        "contenttypes",
        "sessions",
        "django_tasks_database",
        "wagtailsearch",
        "modelsearch",
        "wagtailusers",
        "wagtailadmin",
        # The search index only changes after content changed (which invalidates already);
        # search statistics change with every new query and never show on a cached page.
        "kennislab_search",
        # staff sign-in (kennislab.accounts): failed attempts and lockouts (django-axes), the
        # second factor's devices and recovery codes (django-otp)
        "axes",
        "otp_totp",
        "otp_static",
    }
)


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns() // 1000, None)
        value = cache.get(GENERATION_KEY, 0)
    return value


def bump_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet (or evicted): any new value invalidates
        cache.set(GENERATION_KEY, time.time_ns() // 1000, None)


# changes made while Redis was unreachable bumped the generation only in the per-process fallback
on_reconnect(bump_generation)


# Single models that never show on a cached page: the mail outbox, audit logs, and voucher
# applications (their figures show only on the voucher pages, which are never cached: a round
# that opens brings many applications a minute, which must not empty the whole cache each time).
IGNORED_MODELS = frozenset(
    {
        "core.outgoingemail",
        "vouchers.applicationevent",
        "vouchers.application",
        # vignet drafts and their steps show on no public page (an award, a Vignet, does)
        "vignet.application",
        "vignet.activity",
        "vignet.evidence",
        "vignet.event",
        "vignet.teamlink",
        # impact invitations show only as figures on good example pages (kept LIVE_SECONDS at
        # most) and in the admin
        "surveys.impactinvitation",
        # event registrations show only as places left, on pages kept LIVE_SECONDS at most
        # (cache_briefly) and on the registration form, which is never cached;
        # an activity's log never shows (the activity itself does, on its cached public page)
        "campaigns.registration",
        "campaigns.registrationevent",
        "campaigns.recordingaccess",
        "campaigns.activityevent",
        # the challenge's participants and what they tick off show only as live figures on the
        # challenge page, which is kept LIVE_SECONDS at most (cache_briefly)
        "challenge.participant",
        "challenge.team",
        "challenge.checkin",
        "challenge.sentmessage",
        # a pledge's log and practice stories never show publicly (an accepted story becomes a
        # draft article, a page, which bumps the generation itself)
        "network.pledgeevent",
        "network.story",
        "network.storyevent",
        "network.story_themes",
        # newsletter subscribers (and their themes) never show on a public page
        "newsletter.subscriber",
        "newsletter.subscriber_themes",
        # who received which issue: the admin only (the archive follows newsletter.sending)
        "newsletter.delivery",
        # questions to advisers and interest registrations (and their logs) never show publicly
        "questions.question",
        "questions.questionevent",
        "questions.interestregistration",
        "questions.interestevent",
        "questions.adviserroute",
        # survey responses show only in the admin (the survey page itself is never cached)
        "surveys.surveyresponse",
        # a person's overview links (Mijn Kennislab) never show on a public page
        "personal.overviewlink",
        # the privacy app's access log and erasure requests are for staff only
        "privacy.accessevent",
        "privacy.erasurerequest",
        # Wagtail's audit log of non-page objects (sign-ins, decisions): the admin only
        "wagtailcore.modellogentry",
    }
)
# The models whose changes do show on cached pages (a change empties the cache). Every model of
# the project is in one of the two lists: a test fails when a new model is in neither, so a new
# app decides instead of forgetting.
SHOWN_MODELS = frozenset(
    {
        "core.sitesettings",
        *(f"content.{name}" for name in (
            "theme", "domain", "person", "person_themes", "homepage", "kennislabindexpage",
            "articlecontact", "articlepage", "articlepage_themes", "articlepage_domains",
            "themeindexpage", "themepage", "peopleindexpage", "contentpage")),
        *(f"vouchers.{name}" for name in (
            "scheme", "voucherindexpage", "voucherschemepage", "goodexamplepage",
            "goodexamplepage_themes")),
        "vignet.vignetpage", "vignet.vignet",
        *(f"campaigns.{name}" for name in (
            "agendapage", "eventpage", "eventpage_themes", "relaycampaignpage",
            "relaycampaignpage_themes", "campaignregion", "activity")),
        "challenge.challengepage", "challenge.challengematerial", "challenge.supportmessage",
        *(f"network.{name}" for name in (
            "pledge", "pledge_domains", "pledge_themes", "pledge_related_pages", "pledgeupdate",
            "pledgelink")),
        "questions.learningcommunity",
        "surveys.surveypage", "surveys.surveyquestion",
        # the newsletter's archive and web versions; a sending that finishes adds to the archive
        "newsletter.newsletterindexpage", "newsletter.newsletterissuepage", "newsletter.sending",
    }
)  # fmt: skip


def content_changed(sender, **kwargs) -> None:
    if sender._meta.app_label in IGNORED_APPS or sender._meta.label_lower in IGNORED_MODELS:
        return
    # Inside a transaction also at once, so that a request in the same transaction sees its own
    # change in what is kept per generation (kennislab.core.memo); the bump after commit covers
    # what another process kept in between. A row made with its defaults when first read (the
    # site settings) changes nothing on a page.
    first_read = kwargs.get("created") and getattr(sender, "created_on_first_read", False)
    if not first_read and transaction.get_connection().in_atomic_block:
        bump_generation()
    transaction.on_commit(bump_generation)  # at once when not in a transaction


def connect() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid=f"pagecache-{signal}")


def cache_briefly(response, seconds: int = LIVE_SECONDS):
    """Mark a page whose live figures may be `seconds` old: browsers and proxies still get
    Cache-Control: no-cache (they ask again every time), the page cache keeps it that long at
    most. Everything else still applies: a page with a form, a cookie or per-visitor content is
    not cached however it is marked."""
    patch_cache_control(response, no_cache=True)
    response.page_cache_seconds = seconds
    return response


class LivePageMixin:
    """For Wagtail pages with live figures: serve() marks the response with cache_briefly()."""

    page_cache_seconds = LIVE_SECONDS

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        return cache_briefly(response, self.page_cache_seconds)


def cache_key(request) -> str:
    query = sorted(request.GET.lists())  # by name; the values of one name keep their order
    path = escape_uri_path(request.path)
    if query:
        path = f"{path}?{urlencode(query, doseq=True)}"
    return f"pagecache:{generation()}:{request.get_host()}:{path}"


class AnonymousPageCacheMiddleware:
    """Serve cached pages to anonymous visitors. Must come after AuthenticationMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    @property
    def seconds(self) -> int:
        return settings.PAGE_CACHE_SECONDS

    def __call__(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        key = cache_key(request)
        response = cache.get(key)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        seconds = self._seconds_to_keep(request, response)
        if seconds > 0:
            cache.set(key, response, seconds)
            response["X-Page-Cache"] = "miss"
        return response

    def _seconds_to_keep(self, request, response) -> int:
        """How long the response may be served from the cache: 0 for not at all."""
        if not self._cacheable_response(request, response):
            return 0
        return min(self.seconds, getattr(response, "page_cache_seconds", self.seconds))

    def _cacheable_request(self, request) -> bool:
        if self.seconds <= 0 or request.method != "GET" or is_degraded():
            return False
        if request.path.startswith(settings.PAGE_CACHE_EXEMPT_PREFIXES):
            return False
        if len(request.get_full_path()) > MAX_PATH_LENGTH:
            return False
        if not set(request.GET).issubset(CACHED_PARAMETERS):
            return False
        user = getattr(request, "user", None)
        return user is None or not user.is_authenticated

    @staticmethod
    def _cacheable_response(request, response) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        # CsrfViewMiddleware and SessionMiddleware run after this one and would add the cookie
        # and "Vary: Cookie" too late for the checks below: ask the request instead.
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False
        session = getattr(request, "session", None)
        # modified: the page stored something for this visitor; any keys: it may show something
        # the session holds for this visitor
        if session is not None and (session.modified or session.keys()):
            return False
        if response.get("Content-Type", "").split(";")[0].strip() not in CACHED_CONTENT_TYPES:
            return False
        vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", ""))}
        control = response.get("Cache-Control", "").lower()
        # no-cache: browsers and proxies must ask again; this cache keeps the page only when the
        # page said how long its figures may be old (cache_briefly)
        brief = getattr(response, "page_cache_seconds", None) is not None
        return (
            "cookie" not in vary
            and "*" not in vary
            and not ("private" in control or "no-store" in control)
            and (brief or "no-cache" not in control)
        )
