"""Working days and decision terms: weekends and the Dutch public holidays do not count."""

import datetime

import pytest

from kennislab.core.workdays import (
    add_working_days,
    easter,
    holidays,
    is_working_day,
    working_days_between,
)

D = datetime.date


@pytest.mark.parametrize(
    ("year", "sunday"),
    [(2024, D(2024, 3, 31)), (2025, D(2025, 4, 20)), (2026, D(2026, 4, 5)), (2027, D(2027, 3, 28)),
     (2030, D(2030, 4, 21)), (2038, D(2038, 4, 25)), (2285, D(2285, 3, 22))],
)  # fmt: skip
def test_easter(year, sunday):
    assert easter(year) == sunday


def test_the_holidays_of_2025_a_lustrum_year():
    assert holidays(2025) == {
        D(2025, 1, 1): "Nieuwjaarsdag",
        D(2025, 4, 20): "Eerste Paasdag",
        D(2025, 4, 21): "Tweede Paasdag",
        D(2025, 4, 26): "Koningsdag",  # the 27th is a Sunday
        D(2025, 5, 5): "Bevrijdingsdag",
        D(2025, 5, 29): "Hemelvaartsdag",
        D(2025, 6, 8): "Eerste Pinksterdag",
        D(2025, 6, 9): "Tweede Pinksterdag",
        D(2025, 12, 25): "Eerste Kerstdag",
        D(2025, 12, 26): "Tweede Kerstdag",
    }


def test_liberation_day_counts_only_in_lustrum_years():
    assert not is_working_day(D(2025, 5, 5))  # Monday, lustrum
    assert is_working_day(D(2026, 5, 5))  # Tuesday, no lustrum
    assert D(2030, 5, 5) in holidays(2030)


def test_kings_day_moves_to_saturday_26_april_only_when_the_27th_is_a_sunday():
    assert D(2026, 4, 27) in holidays(2026)  # a Monday
    assert D(2025, 4, 26) in holidays(2025) and D(2025, 4, 27) not in holidays(2025)


def test_good_friday_is_a_working_day():
    assert is_working_day(D(2026, 4, 3))


@pytest.mark.parametrize(
    ("received", "days", "deadline", "why"),
    [
        (D(2026, 12, 4), 10, D(2026, 12, 18), "two plain weeks"),
        (D(2026, 12, 4), 1, D(2026, 12, 7), "Friday: the next working day is Monday"),
        (D(2026, 12, 5), 1, D(2026, 12, 7), "received on Saturday"),
        (D(2026, 12, 18), 10, D(2027, 1, 5), "Christmas (Fri 25, Sat 26) and New Year (Fri)"),
        (D(2026, 3, 30), 10, D(2026, 4, 14), "Easter Monday 6 April"),
        (D(2026, 4, 20), 10, D(2026, 5, 5), "Koningsdag Monday 27 April; 5 May is no holiday"),
        (D(2025, 4, 22), 10, D(2025, 5, 7), "Koningsdag on Saturday, Bevrijdingsdag 2025"),
        (D(2026, 5, 8), 10, D(2026, 5, 26), "Hemelvaart Thursday 14 May, Pinksteren 25 May"),
        (D(2026, 12, 4), 0, D(2026, 12, 4), "no term"),
    ],
)
def test_add_working_days(received, days, deadline, why):
    assert add_working_days(received, days) == deadline, why


def test_working_days_between_counts_what_add_working_days_adds():
    start = D(2026, 12, 18)
    for days in range(0, 30):
        assert working_days_between(start, add_working_days(start, days)) == days


def test_a_negative_term_is_refused():
    with pytest.raises(ValueError):
        add_working_days(D(2026, 1, 1), -1)
