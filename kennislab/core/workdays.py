"""Working days and decision terms (pure: no Django).

A term of N working days runs from the day after receipt; Saturdays, Sundays and the Dutch public
holidays do not count. The holidays are those most employers and public bodies observe:

* Nieuwjaarsdag (1 January);
* Eerste en Tweede Paasdag (Easter Sunday and Monday);
* Koningsdag (27 April; 26 April when the 27th is a Sunday);
* Bevrijdingsdag (5 May) in lustrum years only (2025, 2030, …), as in most collective
  agreements;
* Hemelvaartsdag (Easter + 39 days);
* Eerste en Tweede Pinksterdag (Easter + 49 and 50 days);
* Eerste en Tweede Kerstdag (25 and 26 December).

Goede Vrijdag is not counted as a holiday (chosen: it is a working day for most public bodies).
The deadline of something received on day D with a term of N working days is the N-th working
day after D: a question received on Friday with a term of 1 working day is due on Monday.
"""

from __future__ import annotations

import datetime
from functools import cache

ONE_DAY = datetime.timedelta(days=1)


def easter(year: int) -> datetime.date:
    """Easter Sunday (the Gregorian computus, "Anonymous algorithm")."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the algorithm's own name)
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


@cache
def holidays(year: int) -> dict[datetime.date, str]:
    """The Dutch public holidays of `year`, with their names."""
    sunday = easter(year)
    kings_day = datetime.date(year, 4, 27)
    if kings_day.weekday() == 6:
        kings_day = datetime.date(year, 4, 26)
    days = {
        datetime.date(year, 1, 1): "Nieuwjaarsdag",
        sunday: "Eerste Paasdag",
        sunday + ONE_DAY: "Tweede Paasdag",
        kings_day: "Koningsdag",
        sunday + datetime.timedelta(days=39): "Hemelvaartsdag",
        sunday + datetime.timedelta(days=49): "Eerste Pinksterdag",
        sunday + datetime.timedelta(days=50): "Tweede Pinksterdag",
        datetime.date(year, 12, 25): "Eerste Kerstdag",
        datetime.date(year, 12, 26): "Tweede Kerstdag",
    }
    if year % 5 == 0:
        days[datetime.date(year, 5, 5)] = "Bevrijdingsdag"
    return days


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in holidays(day.year)


@cache
def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The `days`-th working day after `start` (`start` itself never counts)."""
    if days < 0:
        raise ValueError("a term cannot be negative")
    day = start
    while days:
        day += ONE_DAY
        if is_working_day(day):
            days -= 1
    return day


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """How many working days lie after `start` up to and including `end` (0 when end ≤ start)."""
    count, day = 0, start
    while day < end:
        day += ONE_DAY
        count += is_working_day(day)
    return count
