"""RSS 2.0 feeds: the Kennislab as a whole, per theme, per item type, and the agenda.

* /kennislab/feed.xml — the newest items; /kennislab/thema/<slug>/feed.xml — the items of one
  theme; /kennislab/soort/<soort>/feed.xml — the items of one type (the same codes as the
  listing's `?soort=` filter); /agenda/feed.xml — upcoming events and approved relay activities,
  the first to start first. The newsletter archive has its own feed (newsletter/archive.py).
* Each entry: title, absolute link (also its guid), the full intro as description, the date
  (an item's publication date, at the moment it was first published when that was the same
  day), and its themes as categories.
* The paths end in ".xml": no page slug can take them. An unknown theme or type is a 404.
  A query string is answered with a redirect to the plain feed, so the anonymous page cache
  (which caches these feeds) never holds variants of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kennislab.core.siteurl import absolute, page_url

FEED_ITEMS = 30
AGENDA_ITEMS = 50


@dataclass(frozen=True)
class Selection:
    """What a feed follows: its title and description, where it lives and what it links to."""

    title: str
    description: str
    path: str
    link: str
    filters: dict = field(default_factory=dict)


class KennislabFeedBase(Feed):
    language = "nl"

    def __call__(self, request, *args, **kwargs):
        if request.GET:
            return HttpResponsePermanentRedirect(request.path)
        return super().__call__(request, *args, **kwargs)

    def title(self, obj: Selection) -> str:
        return obj.title

    def description(self, obj: Selection) -> str:
        return obj.description

    def link(self, obj: Selection) -> str:
        return obj.link

    def feed_url(self, obj: Selection) -> str:
        return absolute(obj.path)

    def item_title(self, item) -> str:
        return item.title

    def item_categories(self, item) -> list[str]:
        return [theme.name for theme in item.themes.all()]


def _listing_url(query: str = "") -> str:
    from kennislab.content.models import KennislabIndexPage

    listing = KennislabIndexPage.objects.live().public().first()
    url = page_url(listing) if listing else absolute("/")
    return f"{url}?{query}" if query else url


class ArticleFeed(KennislabFeedBase):
    """Kennislab items, newest first (by their publication date)."""

    def get_object(self, request, *args, **kwargs) -> Selection:
        return Selection(
            title=_("Kennislab: de nieuwste items"),
            description=_(
                "Nieuws, interviews, publicaties, praktijkvoorbeelden en meer uit het Kennislab."
            ),
            path=request.path,
            link=_listing_url(),
        )

    def items(self, obj: Selection):
        from kennislab.content.models import ArticlePage

        found = ArticlePage.objects.live().public().filter(**obj.filters)
        return list(
            found.order_by("-date", "-pk")
            .defer_streamfields()
            .prefetch_related("themes")[:FEED_ITEMS]
        )

    def item_description(self, item) -> str:
        return item.intro

    def item_link(self, item) -> str:
        return page_url(item)

    def item_pubdate(self, item) -> datetime:
        first = item.first_published_at
        if first and timezone.localtime(first).date() == item.date:
            return first
        return timezone.make_aware(datetime.combine(item.date, time.min))

    def item_updateddate(self, item):
        return item.last_published_at


class ThemeFeed(ArticleFeed):
    def get_object(self, request, slug: str) -> Selection:
        from kennislab.content.models import Theme, ThemePage

        theme = Theme.objects.get(slug=slug)  # DoesNotExist: Feed answers 404
        theme_page = ThemePage.objects.live().public().filter(theme=theme).first()
        return Selection(
            title=_("Kennislab: %(theme)s") % {"theme": theme.name},
            description=theme.description
            or _("De nieuwste items over %(theme)s uit het Kennislab.") % {"theme": theme.name},
            path=request.path,
            link=page_url(theme_page) if theme_page else _listing_url(f"thema={theme.slug}"),
            filters={"themes": theme},
        )


class TypeFeed(ArticleFeed):
    def get_object(self, request, item_type: str) -> Selection:
        from kennislab.content.models import ItemType

        if item_type not in ItemType.values:
            raise Http404(_("Deze soort bestaat niet."))
        label = ItemType(item_type).label
        return Selection(
            title=_("Kennislab: %(type)s") % {"type": label},
            description=_("De nieuwste items van de soort %(type)s uit het Kennislab.")
            % {"type": str(label).lower()},
            path=request.path,
            link=_listing_url(f"soort={item_type}"),
            filters={"item_type": item_type},
        )


class AgendaFeed(KennislabFeedBase):
    """Upcoming events and approved relay activities, the first to start first."""

    def get_object(self, request, *args, **kwargs) -> Selection:
        from kennislab.campaigns.agenda import agenda_page

        page = agenda_page()
        return Selection(
            title=_("Agenda van het Kennislab"),
            description=_("Webinars, bijeenkomsten en activiteiten die binnenkort beginnen."),
            path=request.path,
            link=page_url(page) if page else absolute("/"),
        )

    def items(self, obj: Selection) -> list:
        from kennislab.campaigns import activities, relay
        from kennislab.campaigns.agenda import upcoming
        from kennislab.campaigns.services import moment, when

        entries = []
        for event in upcoming().defer_streamfields().prefetch_related("themes")[:AGENDA_ITEMS]:
            entries.append(
                AgendaEntry(
                    title=event.title,
                    link=page_url(event),
                    starts=event.starts_at,
                    when=when(event),
                    where=_("Online") if event.online else event.location,
                    text=event.intro,
                    published=event.first_published_at or event.starts_at,
                    categories=[theme.name for theme in event.themes.all()],
                )
            )
        campaign_themes = {}
        for activity in relay.upcoming_dated()[:AGENDA_ITEMS]:
            campaign = activity.campaign
            if campaign.pk not in campaign_themes:
                campaign_themes[campaign.pk] = [theme.name for theme in campaign.themes.all()]
            starts = activities.starts(activity)
            entries.append(
                AgendaEntry(
                    title=activity.title,
                    link=absolute(activity.get_absolute_url()),
                    starts=starts,
                    when=moment(starts),
                    where=activities.where(activity),
                    text=activity.description,
                    published=activity.created_at,
                    categories=[campaign.title, *campaign_themes[campaign.pk]],
                )
            )
        entries.sort(key=lambda entry: entry.starts)
        return entries[:AGENDA_ITEMS]

    def item_description(self, item) -> str:
        heading = f"{item.when} · {item.where}" if item.where else item.when
        return f"{heading}\n\n{item.text}" if item.text else heading

    def item_link(self, item) -> str:
        return item.link

    def item_pubdate(self, item):
        return item.published

    def item_categories(self, item) -> list[str]:
        return item.categories


@dataclass
class AgendaEntry:
    title: str
    link: str
    starts: datetime
    when: str
    where: str
    text: str
    published: datetime
    categories: list[str]


def feed_path(name: str, *args) -> str:
    return reverse(f"discovery:{name}", args=args)
