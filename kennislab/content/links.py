"""Where the content's fixed pages are: theme pages per theme, the Kennislab listing, the people
page. Read on nearly every public page, kept per cache generation (kennislab.core.memo) and per
site, as relative URLs (what Page.get_url gives on a single-site install)."""

from __future__ import annotations

from wagtail.models import Site

from kennislab.core.memo import memo, per_request


def _site_id(request) -> int | None:
    site = Site.find_for_request(request) if request is not None else None
    return site.pk if site else None


def theme_urls(request) -> dict[int, str]:
    """{theme id: URL of its live, public theme page}."""

    def compute():
        from .models import ThemePage

        return {
            page.theme_id: page.get_url(request)
            for page in ThemePage.objects.live().public().only("id", "url_path", "theme_id", "path")
        }

    return per_request(
        request, "theme_urls", lambda: memo("theme-urls", compute, _site_id(request))
    )


def _page_url(request, model_name: str) -> str:
    def compute():
        from . import models

        page = getattr(models, model_name).objects.live().first()
        return page.get_url(request) if page else ""

    return per_request(
        request,
        f"url:{model_name}",
        lambda: memo("page-url", compute, model_name, _site_id(request)),
    )


def kennislab_url(request) -> str:
    """The Kennislab listing's URL, or ""."""
    return _page_url(request, "KennislabIndexPage")


def people_url(request) -> str:
    """The network advisers page's URL, or ""."""
    return _page_url(request, "PeopleIndexPage")
