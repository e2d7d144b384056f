"""{% page_feeds as feeds %}: the RSS feeds that follow the current page, for
<link rel="alternate"> in the head and the visible "Volg … via RSS" links.

The Kennislab listing offers the whole library, and also the feed of the type or theme it is
filtered on; a theme page its theme (and the type it is filtered on); the agenda its feed."""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

register = template.Library()


@dataclass(frozen=True)
class FeedLink:
    title: str  # the <link>'s title: which feed it is
    label: str  # the visible link text
    url: str


def _type_feed(request) -> FeedLink | None:
    from kennislab.content.models import ItemType

    value = request.GET.get("soort", "") if request else ""
    if value not in ItemType.values:
        return None
    label = ItemType(value).label
    return FeedLink(
        title=_("Kennislab: %(type)s (RSS)") % {"type": label},
        label=_("Volg de soort %(type)s via RSS") % {"type": str(label).lower()},
        url=reverse("discovery:type-feed", args=[value]),
    )


def _theme_feed(theme, label: str) -> FeedLink:
    return FeedLink(
        title=_("Kennislab: %(theme)s (RSS)") % {"theme": theme.name},
        label=label,
        url=reverse("discovery:theme-feed", args=[theme.slug]),
    )


def feeds_for(page, request) -> list[FeedLink]:
    from kennislab.campaigns.models import AgendaPage
    from kennislab.content.models import KennislabIndexPage, Theme, ThemePage

    page = getattr(page, "specific_deferred", page)
    feeds: list[FeedLink | None] = []
    if isinstance(page, KennislabIndexPage):
        feeds.append(
            FeedLink(
                title=_("Kennislab: de nieuwste items (RSS)"),
                label=_("Volg het Kennislab via RSS"),
                url=reverse("discovery:kennislab-feed"),
            )
        )
        slug = request.GET.get("thema", "") if request else ""
        theme = Theme.objects.filter(slug=slug).first() if slug else None
        if theme is not None:
            label = _("Volg het thema %(theme)s via RSS") % {"theme": theme.name}
            feeds.append(_theme_feed(theme, label))
        feeds.append(_type_feed(request))
    elif isinstance(page, ThemePage):
        feeds.append(_theme_feed(page.theme, _("Volg dit thema via RSS")))
        feeds.append(_type_feed(request))
    elif isinstance(page, AgendaPage):
        feeds.append(
            FeedLink(
                title=_("Agenda van het Kennislab (RSS)"),
                label=_("Volg de agenda via RSS"),
                url=reverse("discovery:agenda-feed"),
            )
        )
    return [feed for feed in feeds if feed is not None]


@register.simple_tag(takes_context=True)
def page_feeds(context) -> list[FeedLink]:
    return feeds_for(context.get("page"), context.get("request"))
