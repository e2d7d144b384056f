"""The archive of sent issues at /nieuwsbrief/archief/ (also at /nieuwsbrief/) and its RSS feed
at /nieuwsbrief/archief/feed/: only issues whose sending finished, newest first, each linking to
its web version (which has no personal parts)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from kennislab.core.dates import dutch_date
from kennislab.core.siteurl import absolute, page_url

ARCHIVE_PER_PAGE = 20
FEED_ITEMS = 30
FEED_CONTENT_TYPE = "application/rss+xml; charset=utf-8"


def archive_url(index_page) -> str:
    return index_page.url + index_page.reverse_subpage("archive")


def feed_url(index_page) -> str:
    return index_page.url + index_page.reverse_subpage("feed")


def archive_view(request, index_page):
    paginator = Paginator(index_page.sent_issues(), ARCHIVE_PER_PAGE)
    items = paginator.get_page(request.GET.get("pagina"))
    for issue in items:
        issue.sent_on = dutch_date(timezone.localtime(issue.sending.finished_at).date())
    context = {
        **index_page.get_context(request),
        "items": items,
        "page_range": paginator.get_elided_page_range(items.number, on_each_side=1),
        "archive_url": archive_url(index_page),
        "canonical_url": absolute(archive_url(index_page)),
        "feed_url": feed_url(index_page),
    }
    return TemplateResponse(request, index_page.get_template(request), context)


def feed_view(request, index_page):
    """RSS 2.0: title, link to the web version, the intro, and when it was sent."""
    feed = Rss201rev2Feed(
        title=_("Nieuwsbrief van het Kennislab"),
        link=absolute(archive_url(index_page)),
        description=index_page.intro or _("De nieuwsbrieven van het Kennislab."),
        language="nl",
        feed_url=absolute(feed_url(index_page)),
    )
    for issue in index_page.sent_issues()[:FEED_ITEMS]:
        url = page_url(issue)
        feed.add_item(
            title=issue.subject or issue.title,
            link=url,
            unique_id=url,
            unique_id_is_permalink=True,
            description=issue.intro,
            pubdate=issue.sending.finished_at,
        )
    response = HttpResponse(content_type=FEED_CONTENT_TYPE)
    feed.write(response, "utf-8")
    return response
