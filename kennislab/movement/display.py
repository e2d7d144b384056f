"""What the map page and the home page's block show: the Dutch words per kind, and the drawing
with each province's count, colour class, link and accessible name."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.formats import number_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kennislab.campaigns.rules import PROVINCE_NAMES

from . import rules, shapes


def kind_label(kind: str) -> str:
    """The kind as a heading, a radio button's label or a table's column."""
    return {
        rules.PLEDGES: _("Pledges"),
        rules.ACTIVITIES: _("Estafette-activiteiten"),
        rules.VIGNETS: _("Vignethouders"),
        rules.VOUCHERS: _("Organisaties met een kennisvoucher"),
        rules.CHALLENGE: _("Deelnemers 30DagenGezonder"),
    }[kind]


def number(count: int) -> str:
    return number_format(count, force_grouping=True)


def count_text(kind: str, count: int) -> str:
    """ "12 pledges", "1 vignethouder", …"""
    values = {"count": number(count)}
    if kind == rules.PLEDGES:
        text = ngettext("%(count)s pledge", "%(count)s pledges", count)
    elif kind == rules.ACTIVITIES:
        text = ngettext("%(count)s estafette-activiteit", "%(count)s estafette-activiteiten", count)
    elif kind == rules.VIGNETS:
        text = ngettext("%(count)s vignethouder", "%(count)s vignethouders", count)
    elif kind == rules.VOUCHERS:
        text = ngettext(
            "%(count)s organisatie met een kennisvoucher",
            "%(count)s organisaties met een kennisvoucher",
            count,
        )
    else:
        text = ngettext(
            "%(count)s deelnemer aan 30DagenGezonder",
            "%(count)s deelnemers aan 30DagenGezonder",
            count,
        )
    return text % values


def map_url(kind: str = rules.DEFAULT_KIND, year: int | None = None,
            province: str | None = None, anchor: str = "") -> str:  # fmt: skip
    """The map page with these choices (the defaults left out of the query string)."""
    query = {}
    if kind != rules.DEFAULT_KIND:
        query["soort"] = kind
    if year is not None:
        query["jaar"] = year
    if province:
        query["provincie"] = province
    url = reverse("movement:map")
    if query:
        url += "?" + urlencode(query)
    return url + (f"#{anchor}" if anchor else "")


@dataclass(frozen=True)
class Area:
    """A province on the drawing."""

    slug: str
    name: str
    count: int
    level: int
    d: str
    label_x: int
    label_y: int
    url: str
    accessible_name: str
    current: bool


def drawing(tally: rules.Tally, kind: str, year: int | None = None,
            chosen: str | None = None) -> dict:  # fmt: skip
    """The drawing's data for the template svg_map.html: its size, the areas (in the order of
    PROVINCES, so the keyboard visits them in that order), the legend and the credit."""
    art = shapes.drawing()
    bounds = rules.class_bounds(count for _slug, count in tally.per_province)
    areas = []
    for slug, count in tally.per_province:
        shape = art.shape(slug)
        name = PROVINCE_NAMES[slug]
        areas.append(Area(
            slug=slug, name=name, count=count, level=rules.colour_level(count, bounds),
            d=shape.d, label_x=shape.label_x, label_y=shape.label_y,
            url=map_url(kind, year, slug, anchor="provincie"),
            accessible_name=f"{name}: {count_text(kind, count)}", current=slug == chosen,
        ))  # fmt: skip
    legend = []
    for entry in rules.legend(bounds):
        if entry.high == 0:
            text = _("geen")
        elif entry.low == entry.high:
            text = number(entry.low)
        else:
            text = _("%(low)s tot en met %(high)s") % {
                "low": number(entry.low), "high": number(entry.high)
            }  # fmt: skip
        legend.append({"level": entry.level, "text": text})
    if year is None:
        title = _("Kaart van Nederland: %(kind)s per provincie") % {"kind": kind_label(kind)}
    else:
        title = _("Kaart van Nederland: %(kind)s per provincie in %(year)s") % {
            "kind": kind_label(kind), "year": year
        }  # fmt: skip
    return {
        "width": art.width,
        "height": art.height,
        "credit": art.credit,
        "areas": areas,
        "legend": legend,
        "title": title,
        "kind_label": kind_label(kind),
    }
