"""The map of the movement (issue 18), as plain functions on plain data.

* Five kinds are counted per province: pledges on the wall, published relay activities,
  vignet holders, organisations with a knowledge voucher and confirmed challenge participants
  (services.py says which records count, and for which year).
* A record without a province, or with one the map does not know, is not on the map: the table
  counts it as "onbekend".
* Colours: the provinces with more than zero are split into at most LEVELS classes by quantile
  (the class k of n holds the counts up to the value at k/n of the sorted non-zero counts); the
  classes that coincide merge, and the remaining ones spread over the colour scale so that the
  highest class always has the darkest colour. Zero has a colour of its own.
* The page's query string: `soort` (one of KINDS; default pledges), `jaar` (a year the data
  covers; default all years) and `provincie` (a province slug: list what is there). An unknown
  value is ignored and explained in Dutch, never an error.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from kennislab.campaigns.rules import PROVINCE_NAMES, PROVINCES

PROVINCE_SLUGS = tuple(slug for slug, _name in PROVINCES)

PLEDGES, ACTIVITIES, VIGNETS, VOUCHERS, CHALLENGE = (
    "pledges", "activiteiten", "vignetten", "vouchers", "uitdaging",
)  # fmt: skip
KINDS = (PLEDGES, ACTIVITIES, VIGNETS, VOUCHERS, CHALLENGE)
DEFAULT_KIND = PLEDGES
LEVELS = 4
MAX_YEAR_LENGTH = 4


@dataclass(frozen=True)
class Tally:
    """One kind's counts: per province (in the order of PROVINCES, zeros included) and the
    records that are not on the map."""

    per_province: tuple[tuple[str, int], ...]
    unknown: int = 0

    def count(self, province: str) -> int:
        return dict(self.per_province).get(province, 0)

    @property
    def on_map(self) -> int:
        return sum(count for _province, count in self.per_province)

    @property
    def total(self) -> int:
        return self.on_map + self.unknown


def tally(rows: Iterable[tuple[str | None, int]]) -> Tally:
    """Counts per province from (province, count) rows, such as a GROUP BY gives; rows of one
    province add up, a blank or unknown province counts as unknown."""
    counts = dict.fromkeys(PROVINCE_SLUGS, 0)
    unknown = 0
    for province, count in rows:
        if province in counts:
            counts[province] += count
        else:
            unknown += count
    return Tally(tuple(counts.items()), unknown)


def class_bounds(counts: Iterable[int], levels: int = LEVELS) -> tuple[int, ...]:
    """The upper bound of each colour class (ascending, without repeats) for these counts."""
    values = sorted(count for count in counts if count > 0)
    if not values:
        return ()
    bounds: list[int] = []
    for k in range(1, levels + 1):
        value = values[math.ceil(k * len(values) / levels) - 1]
        if not bounds or value > bounds[-1]:
            bounds.append(value)
    return tuple(bounds)


def colour_level(count: int, bounds: Sequence[int], levels: int = LEVELS) -> int:
    """0 for zero (or less), else 1…levels: the class's place spread over the colour scale."""
    if count <= 0 or not bounds:
        return 0
    index = next((i for i, bound in enumerate(bounds) if count <= bound), len(bounds) - 1)
    return round((index + 1) * levels / len(bounds))


@dataclass(frozen=True)
class LegendEntry:
    level: int
    low: int
    high: int


def legend(bounds: Sequence[int], levels: int = LEVELS) -> list[LegendEntry]:
    """The legend: zero first, then each class with the counts it holds."""
    entries = [LegendEntry(0, 0, 0)]
    low = 1
    for bound in bounds:
        entries.append(LegendEntry(colour_level(bound, bounds, levels), low, bound))
        low = bound + 1
    return entries


@dataclass(frozen=True)
class Choice:
    """What the visitor asked to see, after checking; `problems` explain what was ignored."""

    kind: str = DEFAULT_KIND
    year: int | None = None
    province: str | None = None
    problems: tuple[str, ...] = ()


def choose(kind: str | None, year: str | None, province: str | None,
           years: Sequence[int]) -> Choice:  # fmt: skip
    """Check the query string's values against the kinds, the years with data and the
    provinces; empty values mean "the default"."""
    problems = []
    chosen_kind = DEFAULT_KIND
    if kind:
        if kind in KINDS:
            chosen_kind = kind
        else:
            problems.append(_("Deze soort kennen we niet; je ziet de pledges."))
    chosen_year = None
    if year:
        text = year.strip()
        if not (text.isascii() and text.isdigit() and len(text) <= MAX_YEAR_LENGTH):
            problems.append(_("Kies een jaar uit de lijst; je ziet nu alle jaren."))
        elif int(text) not in years:
            problems.append(
                _("Over %(year)s hebben we geen gegevens; je ziet nu alle jaren.") % {"year": text}
            )
        else:
            chosen_year = int(text)
    chosen_province = None
    if province:
        if province in PROVINCE_NAMES:
            chosen_province = province
        else:
            problems.append(_("Deze provincie kennen we niet; kies een provincie op de kaart."))
    return Choice(chosen_kind, chosen_year, chosen_province, tuple(problems))


def year_range(first: int | None, last: int | None, this_year: int,
               most: int = 15) -> list[int]:  # fmt: skip
    """The years to offer, newest first: from the first year with data up to this year (or a
    later year with data, such as next March's challenge), at most `most` of them."""
    newest = max(this_year, last or this_year)
    oldest = min(first or this_year, newest)
    return list(range(newest, max(oldest, newest - most + 1) - 1, -1))
