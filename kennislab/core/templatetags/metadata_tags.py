"""The <head>'s metadata for search engines and social media (core/metadata.py has the rules).

base.html keeps what its blocks render — `{% remember as head_title %}{% block title %}…` — so
the social card repeats the document title and description every template already sets, and
`{% page_metadata %}` then writes the canonical link, the Open Graph and Twitter tags and the
JSON-LD (includes/metadata.html):

* a Wagtail page: its own URL, an Article / NewsArticle for a Kennislab item, an Event for an
  event page, the Organization on the home page, and a BreadcrumbList where the page shows
  breadcrumbs (their ancestors are read once, for the list and the visible trail alike);
* a view (or a routable page) may name its canonical URL as `canonical_url` (absolute, e.g. one
  listing served at two paths);
* a Django view: its path, plus whatever the view hands over as `page_meta`, a dict with any of
  "json_ld" (a list of nodes from core.metadata), "breadcrumbs" ((name, absolute URL) pairs,
  the current page last), "description", "noindex";
* a page reached by a private link: only `noindex` (no canonical URL, no card, no JSON-LD).

Everything comes from the page, the site settings (cached) and the URL, never from the visitor,
so pages stay in the anonymous page cache; an item costs one query (its themes), an event none.
"""

from __future__ import annotations

import html
import re

from django import template
from django.templatetags.static import static
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from kennislab.core import metadata
from kennislab.core.memo import memo
from kennislab.core.middleware import is_private_link
from kennislab.core.siteurl import absolute, base_url

register = template.Library()

SITE_NAME = "Kennislab"
LOGO = "core/img/favicon.svg"  # the brand mark in the header
# Views whose pages are never indexed (their content is a query): canonical without parameters.
NOINDEX_URL_NAMES = frozenset({"search"})
# Page types whose template shows no breadcrumbs (the home page has none by its depth).
PAGES_WITHOUT_BREADCRUMBS = frozenset({"vignet.vignetpage"})
HOME_DEPTH = 2

_META_DESCRIPTION = re.compile(r'<meta\s+name="description"\s+content="([^"]*)"', re.IGNORECASE)
_META_ROBOTS = re.compile(r'<meta\s+name="robots"\s+content="([^"]*)"', re.IGNORECASE)


# --- keeping what a block rendered -----------------------------------------------------------


class RememberNode(template.Node):
    child_nodelists = ("nodelist",)  # blocks inside stay overridable by child templates

    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        context[self.name] = mark_safe(self.nodelist.render(context).strip())  # noqa: S308
        return ""


@register.tag
def remember(parser, token):
    """`{% remember as name %}…{% endremember %}`: render the content into `name` (already
    escaped, as the template wrote it) and output nothing."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% remember as name %}…{% endremember %}")
    nodelist = parser.parse(("endremember",))
    parser.delete_first_token()
    return RememberNode(nodelist, bits[2])


@register.filter
def breadcrumb_ancestors(page):
    """The page's ancestors (root included), read once per page object: for the visible
    breadcrumbs and for their BreadcrumbList."""
    if not isinstance(page, Page):
        return []
    cached = getattr(page, "_breadcrumb_ancestors", None)
    if cached is None:
        if page.pk and page.path:
            # the same for every page under one parent: kept per generation (core.memo)
            parent_path = page.path[: -page.steplen]
            cached = memo("ancestors", lambda: list(page.get_ancestors()), parent_path)
        else:
            cached = list(page.get_ancestors())
        page._breadcrumb_ancestors = cached
    return cached


# --- the metadata ------------------------------------------------------------------------------


@register.inclusion_tag("includes/metadata.html", takes_context=True)
def page_metadata(context):
    request = context.get("request")
    if request is None:
        return {}
    head_meta = str(context.get("head_meta", ""))
    robots = _robots(head_meta)
    if is_private_link(request):
        return {"robots": "" if robots else "noindex"}

    page = _served_page(context.get("page"), request)
    extra = context.get("page_meta") or {}
    match = getattr(request, "resolver_match", None)
    noindex = (
        "noindex" in robots
        or bool(extra.get("noindex"))
        or getattr(match, "url_name", None) in NOINDEX_URL_NAMES
    )
    site = context.get("current_site")
    site_name = getattr(site, "site_name", "") or SITE_NAME
    settings = _site_settings(request)

    paginator = _paginator(context)
    canonical = metadata.canonical_url(
        context.get("canonical_url") or absolute(_path(page, request)),
        request.GET,
        indexable=not noindex,
        last_page=getattr(paginator, "num_pages", None),
    )
    title = metadata.strip_site_suffix(html.unescape(str(context.get("head_title", ""))),
                                       site_name) or site_name  # fmt: skip
    description = _description(head_meta, page, extra, settings)
    network = _network(settings)

    card = {"title": title, "description": description, "site_name": site_name,
            "url": canonical}  # fmt: skip
    nodes = []
    if page is not None:
        label = page._meta.label_lower
        if page.depth == HOME_DEPTH:
            nodes.append(_network(settings, full=True))
        elif label == "content.articlepage":
            nodes.append(_article(page, context, canonical, network, card))
        elif label == "campaigns.eventpage":
            nodes.append(_event(page, context, canonical, network))
        if label not in PAGES_WITHOUT_BREADCRUMBS:
            nodes.append(metadata.breadcrumbs(_page_trail(page, request)))
    nodes.extend(extra.get("json_ld") or ())
    if extra.get("breadcrumbs"):
        nodes.append(metadata.breadcrumbs(extra["breadcrumbs"]))
    document = metadata.graph(nodes)
    return {
        "robots": "noindex" if noindex and "noindex" not in robots else "",
        "canonical": canonical,
        "card": metadata.SocialCard(**card),
        "json_ld": mark_safe(metadata.json_ld(document)) if document else "",  # noqa: S308
    }


def _paginator(context):
    """The listing's paginator: a page of results under one of the usual names (the one
    includes/pagination.html shows), or the paginator itself."""
    for name in ("items", "articles", "page"):
        paginator = getattr(context.get(name), "paginator", None)
        if paginator is not None:
            return paginator
    return context.get("paginator")


def _robots(head_meta: str) -> str:
    found = _META_ROBOTS.search(head_meta)
    return found.group(1).lower() if found else ""


def _site_settings(request):
    from kennislab.core.models import SiteSettings

    return SiteSettings.for_request(request)


def _served_page(page, request):
    """`page` when it is the Wagtail page this request shows (or previews); None for anything
    else called "page" (a page of search results, a page a form view mentions)."""
    if not isinstance(page, Page):
        return None
    if getattr(request, "is_preview", False):
        return page
    own = _page_path(page, request)
    if request.path == own:
        return page
    if isinstance(page, RoutablePageMixin) and request.path.startswith(own):
        return page
    return None


def _path(page, request) -> str:
    """The page's own path (a routable page's sub-page: the path asked for); else the path."""
    if page is None:
        return request.path
    if getattr(request, "is_preview", False):
        return _page_path(page, request)
    return request.path


def _page_path(page, request) -> str:
    parts = page.get_url_parts(request)
    return parts[2] if parts else "/"


def _description(head_meta, page, extra, settings) -> str:
    found = _META_DESCRIPTION.search(head_meta)
    text = html.unescape(found.group(1)) if found else ""
    if not text:
        text = extra.get("description") or ""
    if not text and page is not None:
        text = getattr(page, "search_description", "") or getattr(page, "intro", "") or ""
    if not text:
        text = settings.tagline or _("Kennis, tools en leerervaringen uit het netwerk.")
    return metadata.shorten(text, 200)


def _network(settings, full: bool = False) -> dict:
    """The network as an Organization: its name and address, on the home page also its logo
    and e-mail address."""
    home = base_url() + "/"
    if not full:
        return metadata.organisation(settings.organisation_name, home,
                                     node_id=base_url() + metadata.ORGANISATION_ID)  # fmt: skip
    return metadata.organisation(
        settings.organisation_name,
        home,
        logo=absolute(static(LOGO)),
        email=settings.contact_email,
        node_id=base_url() + metadata.ORGANISATION_ID,
    )


def _page_trail(page, request) -> list[tuple[str, str]]:
    ancestors = [a for a in breadcrumb_ancestors(page) if not a.is_root()]
    trail = []
    for ancestor in ancestors:
        name = _("Startpagina") if ancestor.depth == HOME_DEPTH else ancestor.title
        trail.append((name, absolute(_page_path(ancestor, request))))
    trail.append((page.title, absolute(_page_path(page, request))))
    return trail


def _local(moment):
    return timezone.localtime(moment) if moment and timezone.is_aware(moment) else moment


def _article(page, context, url, network, card) -> dict:
    contacts = context.get("contacts")
    if contacts is None:
        contacts = page.contacts.select_related("person")
    # the same queryset the page lists its contacts from: read once
    authors = [c.person.organisation for c in contacts if c.person and c.person.organisation]
    themes = [theme.name for theme in page.themes.all()]
    modified = _local(page.last_published_at)
    section = str(page.type_label)
    card.update(type="article", published=page.date, modified=modified, section=section,
                tags=themes)  # fmt: skip
    return metadata.article(
        url=url,
        title=page.title,
        description=page.search_description or page.intro,
        published=page.date,
        modified=modified,
        publisher=network,
        authors=authors,
        themes=themes,
        section=section,
        news=page.item_type == "news",
    )


def _event(page, context, url, network) -> dict | None:
    places = context.get("places")
    phase = context.get("phase")
    if page.is_past:
        available = None
    elif not page.registration:
        available = True
    elif phase == "open" and places is not None:
        available = places.remaining is None or places.remaining > 0
    else:
        available = None
    organizer = metadata.organisation(page.organiser) if page.organiser.strip() else network
    return metadata.event(
        url=url,
        name=page.title,
        description=page.search_description or page.intro,
        starts=_local(page.starts_at),
        ends=_local(page.ends_at),
        online=page.online,
        location=page.location,
        organizer=organizer,
        free=not page.costs.strip(),
        available=available,
    )
