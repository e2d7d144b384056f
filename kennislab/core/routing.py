"""Serving Wagtail pages without walking the page tree on every request.

Wagtail finds the page for a URL by walking the tree from the site's root: per level a query for
the child with that slug and one for its specific page, then two queries for the view
restrictions of the page and its ancestors — 5–7 queries and about a third of an article's render
time. `serve` below does what `wagtail.views.serve` does, but remembers per cache generation
(kennislab.core.memo) which page a path leads to, and whether any view restriction can apply to
it. A content page (`serve_from_memo` on its class: articles, theme pages, the listings, plain
pages — changed only by publishing) is kept itself, with the relations its template shows, so a
remembered path costs no query at all; any other page (events, schemes, the challenge: figures
that change without a publish) is read again by its id, one query, and checked to be still live
at that path. Any committed change starts a new generation (a page published, moved or
unpublished; with a shared cache on every server at once, with the per-process cache in other
processes after DATA_CACHE_SECONDS — the page cache's bound). Anything unusual takes Wagtail's
own way: a path not remembered yet, a routable page's sub-page, a page under a view restriction
(the restriction check runs), and every page when the site has alias pages (their restrictions
are their source's).

`restricted_paths()` also answers `PageQuerySet.public()` (patched in CoreConfig.ready), which
otherwise reads all view restrictions for every listing it filters.
"""

from __future__ import annotations

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, prefetch_related_objects
from django.http import Http404, HttpResponse
from wagtail import hooks
from wagtail import wagtail_hooks as core_hooks
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.query import PageQuerySet
from wagtail.url_routing import RouteResult

from .memo import memo, recall, remember


def restricted_paths() -> tuple[tuple[str, int], ...]:
    """(path, depth) of every page with a view restriction, per generation."""
    return memo(
        "restrictions",
        lambda: tuple(
            PageViewRestriction.objects.values_list("page__path", "page__depth")
            .order_by("page__path")
            .distinct()
        ),
    )


def _has_aliases() -> bool:
    return memo("aliases", lambda: Page.objects.filter(alias_of__isnull=False).exists())


def may_be_restricted(path: str) -> bool:
    """Whether a view restriction can apply to the page with this tree path."""
    if _has_aliases():
        return True
    return any(path.startswith(restricted) for restricted, _depth in restricted_paths())


def private_q(self) -> Q:
    """PageQuerySet.private_q from the remembered restrictions (same Q as Wagtail builds)."""
    q = Q()
    for path, depth in restricted_paths():
        q |= Q(path__startswith=path) & Q(depth__gte=depth)
    return q if q else Q(pk__in=[])


def patch_public() -> None:
    PageQuerySet.private_q = private_q


def _route_key(site: Site, path: str) -> tuple[int, str]:
    normalised = "/".join(part for part in path.split("/") if part)
    return site.pk, hashlib.sha1(normalised.encode(), usedforsecurity=False).hexdigest()


def _remembered(entry):
    """The page a remembered route leads to: kept itself, or read again by its id."""
    if isinstance(entry, Page):
        return entry
    content_type_id, page_id, url_path = entry
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    pages = model.objects.filter(pk=page_id)
    if prefetch := getattr(model, "serve_prefetch", ()):
        pages = pages.prefetch_related(*prefetch)
    page = pages.first()
    if page is None or not page.live or page.url_path != url_path:
        return None
    return page


def _entry(page: Page):
    """What to remember of a page: the page itself with what its template reads, when its class
    says it may be kept (`serve_from_memo`: content pages, changed only by publishing); else its
    content type, id and path (pages with figures that change by the minute)."""
    if not getattr(type(page), "serve_from_memo", False):
        return (page.content_type_id, page.pk, page.url_path)
    if prefetch := getattr(type(page), "serve_prefetch", ()):
        prefetch_related_objects([page], *prefetch)
    return page


def route(request, path: str):
    """(page, args, kwargs, unrestricted) for the path, or None; fills Wagtail's per-request
    route attribute so Page.route_for_request / find_for_request agree."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    entry = recall("route", *_route_key(site, path))
    page = _remembered(entry) if entry is not None else None
    if page is not None:
        result = RouteResult(page)
    else:
        result = Page.route_for_request(request, path)
        if result is None:
            return None
        page, args, kwargs = result
        if not args and not kwargs and page.live:
            remember("route", _entry(page), *_route_key(site, path))
    request._wagtail_route_for_request = result
    page, args, kwargs = result
    return page, args, kwargs, not may_be_restricted(page.path)


def serve(request, path):
    """wagtail.views.serve, with remembered routes and no restriction queries for pages that
    no restriction can apply to."""
    found = route(request, path)
    if found is None:
        raise Http404
    page, args, kwargs, unrestricted = found

    def serve_chain(page, request, args, kwargs):
        return page.serve(request, *args, **kwargs)

    on_serve_chain = serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        if unrestricted and fn is core_hooks.check_view_restrictions:
            continue
        on_serve_chain = fn(on_serve_chain)

    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result

    return on_serve_chain(page, request, args, kwargs)
