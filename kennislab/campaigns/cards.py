"""Activity cards for the agenda and relay campaign pages, each rendered once per content.

Those pages list hundreds of activities. Rendering the card template
(campaigns/includes/activity_card.html) costs about 0.15 ms a card and making an Activity
instance about 0.015 ms: together most of the agenda's time with 300 activities. So the lists
load only the card's fields as rows (ActivityRow: CARD_FIELDS, plus the campaign attached), and a
card's HTML is kept per process under exactly what it is rendered from: those values, the
campaign's slug and title, the card's options and the language. A changed activity or campaign
has a new key, so nothing needs invalidating and no card is ever stale; an Activity instance is
made only to render a card not kept yet. At most CARDS_KEPT cards are kept (the least recently
used go first). Nothing on a card changes by the minute (an activity has no places left).

The card template can read nothing but these fields: a field it needs must join CARD_FIELDS
(the tests compare the kept cards with the template rendered from the full activity). With DEBUG
(development) every card is rendered, so an edited template shows at once.
"""

from __future__ import annotations

import functools

from django.conf import settings
from django.template.loader import get_template
from django.urls import get_script_prefix, get_urlconf
from django.utils.translation import get_language

from .models import Activity

TEMPLATE = "campaigns/includes/activity_card.html"
# the card's fields, and the end time the agenda needs to leave out what is over
CARD_FIELDS = ("id", "campaign", "province", "organiser", "title", "kind", "date", "starts_at",
               "ends_at", "online", "location", "complete")  # fmt: skip
CARD_COLUMNS = tuple(Activity._meta.get_field(name).attname for name in CARD_FIELDS)
CARDS_KEPT = 5000


class ActivityRow:
    """An approved activity as a list shows it: the CARD_COLUMNS as attributes (`values` in
    that order) and its campaign (relay.with_campaigns attaches it)."""

    __slots__ = (*CARD_COLUMNS, "agenda_end", "agenda_start", "campaign", "is_activity", "values")

    def __init__(self, values: tuple):
        self.values = values
        for name, value in zip(CARD_COLUMNS, values, strict=True):
            setattr(self, name, value)

    @property
    def pk(self):
        return self.id

    def activity(self) -> Activity:
        activity = Activity(**dict(zip(CARD_COLUMNS, self.values, strict=True)))
        activity.campaign = self.campaign
        return activity


def rows(found) -> list[ActivityRow]:
    """An Activity queryset as rows (one query, no model instances)."""
    return [ActivityRow(values) for values in found.values_list(*CARD_COLUMNS)]


class _Card:
    """What a card is rendered from; equal (one kept card) when the key is equal. The row is
    dropped once rendered, so a kept card holds only its key and HTML."""

    __slots__ = ("key", "options", "row")

    def __init__(self, key: tuple, row: ActivityRow, options: dict):
        self.key, self.row, self.options = key, row, options

    def __hash__(self):
        return hash(self.key)

    def __eq__(self, other):
        return isinstance(other, _Card) and self.key == other.key


def _render(activity: Activity, options: dict) -> str:
    return get_template(TEMPLATE).render({"activity": activity, **options})


@functools.lru_cache(maxsize=CARDS_KEPT)
def _kept(card: _Card) -> str:
    html = _render(card.row.activity(), card.options)
    card.row = None
    return html


def activity_card(item: ActivityRow | Activity, *, show_campaign=False, heading_tag=None) -> str:
    """The card's HTML, the same as {% include TEMPLATE with activity=… show_campaign=…
    heading_tag=… %}. An Activity instance (not a row) is simply rendered."""
    options = {"show_campaign": show_campaign, "heading_tag": heading_tag}
    if not isinstance(item, ActivityRow):
        return _render(item, options)
    if settings.DEBUG:
        return _render(item.activity(), options)
    campaign = item.campaign
    key = (get_language(), get_script_prefix(), get_urlconf(), bool(show_campaign), heading_tag,
           campaign.slug, campaign.title, item.values)  # fmt: skip
    return _kept(_Card(key, item, options))
