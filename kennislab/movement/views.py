"""/netwerk/kaart/: the map of the movement, with the table as its text alternative and, after a
click on a province, what is there. A GET form (kind, year) that works without JavaScript."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from kennislab.campaigns.rules import PROVINCE_NAMES
from kennislab.core.pagecache import cache_briefly
from kennislab.core.siteurl import absolute

from . import display, rules, services


def _param(request, name: str) -> str:
    return request.GET.get(name, "")[:40]


def table(tallies: dict[str, rules.Tally], choice: rules.Choice) -> dict:
    """The text alternative: a row per province with every kind's count, the totals, and the
    records without a province."""
    columns = [
        {"kind": kind, "label": display.kind_label(kind), "current": kind == choice.kind}
        for kind in rules.KINDS
    ]

    def cells(values):
        return [{**column, "value": display.number(value)} for column, value in
                zip(columns, values, strict=True)]  # fmt: skip

    rows = [
        {
            "slug": slug,
            "name": name,
            "url": display.map_url(choice.kind, choice.year, slug, anchor="provincie"),
            "cells": cells(tallies[kind].count(slug) for kind in rules.KINDS),
            "current": slug == choice.province,
        }
        for slug, name in PROVINCE_NAMES.items()
    ]
    unknown = [
        display.count_text(kind, tallies[kind].unknown)
        for kind in rules.KINDS
        if tallies[kind].unknown
    ]
    return {
        "columns": columns,
        "rows": rows,
        "totals": cells(tallies[kind].total for kind in rules.KINDS),
        "unknown": unknown,
    }


@require_GET
def map_page(request):
    years = services.years()
    choice = rules.choose(
        _param(request, "soort"), _param(request, "jaar"), _param(request, "provincie"), years
    )
    tallies = services.counts(choice.year)
    context = {
        "choice": choice,
        "kinds": [(kind, display.kind_label(kind)) for kind in rules.KINDS],
        "years": years,
        "map": display.drawing(tallies[choice.kind], choice.kind, choice.year, choice.province),
        "table": table(tallies, choice),
        "kind_label": display.kind_label(choice.kind),
        "page_meta": {"breadcrumbs": [
            (_("Startpagina"), absolute("/")),
            (_("Kaart van de beweging"), absolute(reverse("movement:map"))),
        ]},
    }  # fmt: skip
    if choice.province:
        found = services.listing(choice.kind, choice.province, choice.year)
        context["listing"] = found
        context["province_name"] = PROVINCE_NAMES[choice.province]
        context["listing_count"] = display.count_text(choice.kind, found.total)
        context["all_provinces_url"] = display.map_url(choice.kind, choice.year)
    response = render(request, "movement/map.html", context)
    # Voucher applications and challenge sign-ups do not empty the page cache: the figures
    # may be LIVE_SECONDS old, no more.
    return cache_briefly(response)
