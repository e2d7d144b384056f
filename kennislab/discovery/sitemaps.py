"""The sitemap: /sitemap.xml is an index of sections, each section is paginated
(/sitemap-<section>.xml, then /sitemap-<section>-2.xml, …).

* `paginas`: every live, public page of the site except the Kennislab items, `kennislab`: the
  items (the bulk: 100,000 of them must stay cheap), `activiteiten`: the approved activities of
  live relay campaigns (their public detail pages under /campagnes/). Not in it: pages behind a
  view restriction (and their subpages), unpublished pages, newsletter issues that were not sent
  (the archive does not show them either), and everything that is not a page (forms' steps and
  confirmations, search, private links: robots.txt keeps crawlers out of those).
* Cheap on purpose: one query per section page reads only the columns it writes (`url_path`,
  `last_published_at`); the URL is the page's `url_path` below the site's root page, not
  Wagtail's `get_url_parts` per page (a tree lookup each); the items are read in the order of
  the content type's index (no sort), and the XML is written as text, not through a template
  (about 12 µs per URL in all: 10,000 in about 0.1 s; make bench-discovery).
* Links are absolute on the site's own address (kennislab.core.siteurl), never the Host header.
* The section's page is part of the path, not `?p=`: the anonymous page cache (which ignores
  unknown query parameters) serves every page; `?p=N` redirects to it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime
from xml.sax.saxutils import escape

from django.contrib.contenttypes.models import ContentType
from django.contrib.sitemaps import Sitemap
from django.db.models import Count, Max
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.encoding import iri_to_uri
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site, get_page_models

from kennislab.core.siteurl import absolute, base_url

XML_CONTENT_TYPE = "application/xml; charset=utf-8"
NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
# Google allows 50,000 per file; 10,000 keeps one section page (about 1 MB) quick to render,
# to cache and to fetch.
LIMIT = 10_000


# When a page last changed for its visitors: published, else (a page made in code, such as the
# home page of a fresh install) first published or last saved.
MODIFIED = Coalesce("last_published_at", "first_published_at", "latest_revision_created_at")


def _site_root() -> Page | None:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page if site else None


def _lastmod(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="seconds")
    return value.isoformat()


class OnceSitemap(Sitemap):
    """A section: its rows (`items`), and per row a path (`location`) and a date (`lastmod`)."""

    limit = LIMIT
    modified = MODIFIED  # the column or expression `lastmod` reads, for the newest date

    def summary(self) -> tuple[int, datetime | None]:
        """How many entries and the newest date, in one query (for the index)."""
        found = self.items().order_by().aggregate(count=Count("pk"), latest=Max(self.modified))
        return found["count"], found["latest"]

    def rows(self, page: int) -> list:
        """The rows of one page (1-based): a slice, no count query."""
        return list(self.items()[(page - 1) * self.limit : page * self.limit])


def _content_types(models) -> list[int]:
    return [ct.pk for ct in ContentType.objects.get_for_models(*models).values()]


class PageSitemap(OnceSitemap):
    """Live, public pages below the site's root, except the Kennislab items (their own section)
    and newsletter issues that were not sent: (url_path, date) rows."""

    def __init__(self):
        self.root = _site_root()
        self.root_path_length = len(self.root.url_path) - 1 if self.root else 0

    def content_types(self) -> list[int]:
        """Every page type but the items: the content type's index finds the few pages among
        the 100,000 items without reading them all."""
        from kennislab.content.models import ArticlePage

        return _content_types(model for model in get_page_models() if model is not ArticlePage)

    def pages(self):
        from kennislab.newsletter.models import NewsletterIssuePage, Sending

        unsent = NewsletterIssuePage.objects.exclude(sending__status=Sending.Status.SENT)
        return (
            Page.objects.live()
            .public()
            .descendant_of(self.root, inclusive=True)
            .filter(content_type__in=self.content_types())
            .exclude(pk__in=unsent.values("pk"))
            .order_by("path")
        )

    def items(self):
        if self.root is None:
            return Page.objects.none().values_list("url_path", MODIFIED)
        return self.pages().values_list("url_path", MODIFIED)

    def location(self, item) -> str:
        return item[0][self.root_path_length :]

    def lastmod(self, item):
        return item[1]


class ArticleSitemap(PageSitemap):
    """The Kennislab items: ArticlePage rows of the page table, no join with their own table, in
    the order of the content type's index (by id: no sort of 100,000 rows per page)."""

    def pages(self):
        from kennislab.content.models import ArticlePage

        return (
            Page.objects.live()
            .public()
            .descendant_of(self.root)
            .filter(content_type__in=_content_types([ArticlePage]))
            .order_by("pk")
        )


class ActivitySitemap(OnceSitemap):
    """Approved activities of live, public relay campaigns (/campagnes/<slug>/activiteit/<pk>/)."""

    modified = "updated_at"

    def items(self):
        from kennislab.campaigns.relay import approved

        return approved().order_by("pk").values_list("campaign__slug", "pk", "updated_at")

    def location(self, item) -> str:
        return reverse("relay:activity", args=[item[0], item[1]])

    def lastmod(self, item):
        return item[2]


SECTIONS: dict[str, type[OnceSitemap]] = {
    "paginas": PageSitemap,
    "kennislab": ArticleSitemap,
    "activiteiten": ActivitySitemap,
}


@dataclass(frozen=True)
class IndexEntry:
    location: str
    lastmod: str


def section_url(section: str, page: int = 1) -> str:
    if page == 1:
        return reverse("discovery:sitemap-section", args=[section])
    return reverse("discovery:sitemap-section-page", args=[section, page])


def index_entries(sections=None) -> list[IndexEntry]:
    """One entry per page of every section that has entries, with the section's newest date."""
    entries = []
    for name, sitemap_class in (sections or SECTIONS).items():
        sitemap = sitemap_class()
        count, latest = sitemap.summary()
        pages = math.ceil(count / sitemap.limit)
        lastmod = _lastmod(latest)
        entries.extend(
            IndexEntry(absolute(section_url(name, number)), lastmod)
            for number in range(1, pages + 1)
        )
    return entries


def _xml_response(parts: list[str], last_modified=None) -> HttpResponse:
    response = HttpResponse("".join(parts), content_type=XML_CONTENT_TYPE)
    response["X-Robots-Tag"] = "noindex"
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    return response


def _loc(url: str) -> str:
    return escape(url if url.isascii() else iri_to_uri(url))


def _without_query(request, path: str):
    """Every query string is answered with a redirect to the plain path (`?p=N` to page N), so
    no parameter makes an uncached variant of a sitemap."""
    if not request.GET:
        return None
    page = request.GET.get("p", "")
    if "section" in request.resolver_match.kwargs and page.isdigit() and int(page) > 1:
        return HttpResponsePermanentRedirect(
            section_url(request.resolver_match.kwargs["section"], int(page))
        )
    return HttpResponsePermanentRedirect(path)


@require_safe
def index(request):
    redirect = _without_query(request, request.path)
    if redirect:
        return redirect
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n', f'<sitemapindex xmlns="{NAMESPACE}">\n']
    for entry in index_entries():
        parts.append(f"<sitemap><loc>{_loc(entry.location)}</loc>")
        if entry.lastmod:
            parts.append(f"<lastmod>{entry.lastmod}</lastmod>")
        parts.append("</sitemap>\n")
    parts.append("</sitemapindex>\n")
    return _xml_response(parts)


def write_urlset(sitemap: Sitemap, page: int) -> tuple[list[str], datetime | None]:
    """The <urlset> of one page of a section as text parts, and its newest date."""
    rows = sitemap.rows(page) if page >= 1 else []
    if not rows and page != 1:
        raise Http404(_("Deze pagina van de sitemap bestaat niet."))
    base = base_url()
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n', f'<urlset xmlns="{NAMESPACE}">\n']
    latest = None
    for item in rows:
        modified = sitemap.lastmod(item)
        if modified is not None and (latest is None or modified > latest):
            latest = modified
        lastmod = f"<lastmod>{_lastmod(modified)}</lastmod>" if modified is not None else ""
        parts.append(f"<url><loc>{_loc(base + sitemap.location(item))}</loc>{lastmod}</url>\n")
    parts.append("</urlset>\n")
    return parts, latest


@require_safe
def section(request, section: str, page: int = 1):
    if section not in SECTIONS:
        raise Http404(_("Deze sitemap bestaat niet."))
    if page == 1 and "page" in request.resolver_match.kwargs:
        return HttpResponsePermanentRedirect(section_url(section))
    redirect = _without_query(request, request.path)
    if redirect:
        return redirect
    parts, latest = write_urlset(SECTIONS[section](), page)
    return _xml_response(parts, latest)
