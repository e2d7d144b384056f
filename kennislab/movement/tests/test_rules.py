"""The map's pure rules: tallying, colour classes, the legend and the query string."""

import pytest

from kennislab.movement import rules

YEARS = [2027, 2026, 2025]


def test_tally_orders_the_provinces_and_counts_the_rest_as_unknown():
    tally = rules.tally([("utrecht", 3), ("", 2), (None, 1), ("atlantis", 4), ("utrecht", 1)])
    assert [slug for slug, _count in tally.per_province] == list(rules.PROVINCE_SLUGS)
    assert tally.count("utrecht") == 4 and tally.count("limburg") == 0
    assert tally.unknown == 7
    assert tally.on_map == 4 and tally.total == 11


def test_tally_of_nothing():
    tally = rules.tally([])
    assert tally.total == 0 and len(tally.per_province) == 12


@pytest.mark.parametrize(
    ("counts", "bounds"),
    [
        ([], ()),
        ([0, 0, 0], ()),
        ([5, 5, 5, 0], (5,)),
        ([1, 2, 3, 4], (1, 2, 3, 4)),
        ([1, 2, 3, 4, 5, 6, 7, 8], (2, 4, 6, 8)),
        ([1, 1, 1, 9], (1, 9)),  # classes that coincide merge
        ([10, 1, 0, 0, 3], (1, 3, 10)),
    ],
)
def test_class_bounds_are_quantiles_of_the_non_zero_counts(counts, bounds):
    assert rules.class_bounds(counts) == bounds


def test_colour_levels_spread_so_the_highest_class_is_darkest():
    assert rules.colour_level(0, (1, 2, 3, 4)) == 0
    assert [rules.colour_level(n, (1, 2, 3, 4)) for n in (1, 2, 3, 4)] == [1, 2, 3, 4]
    assert [rules.colour_level(n, (1, 9)) for n in (1, 5, 9)] == [2, 4, 4]
    assert [rules.colour_level(n, (1, 3, 10)) for n in (1, 2, 3, 10)] == [1, 3, 3, 4]
    assert rules.colour_level(5, (5,)) == 4
    assert rules.colour_level(3, ()) == 0


def test_legend_lists_zero_then_each_class():
    entries = rules.legend((1, 3, 10))
    assert [(e.level, e.low, e.high) for e in entries] == [
        (0, 0, 0), (1, 1, 1), (3, 2, 3), (4, 4, 10),
    ]  # fmt: skip
    assert [(e.level, e.low, e.high) for e in rules.legend(())] == [(0, 0, 0)]


def test_choose_takes_known_values():
    choice = rules.choose("vouchers", "2026", "utrecht", YEARS)
    assert choice == rules.Choice("vouchers", 2026, "utrecht", ())


def test_choose_defaults_to_pledges_in_all_years():
    assert rules.choose("", "", "", YEARS) == rules.Choice(rules.PLEDGES, None, None, ())
    assert rules.choose(None, None, None, YEARS) == rules.Choice()


@pytest.mark.parametrize(
    ("kind", "year", "province", "message"),
    [
        ("fietsen", "", "", "Deze soort kennen we niet"),
        ("", "twintig", "", "Kies een jaar uit de lijst"),
        ("", "２０２６", "", "Kies een jaar uit de lijst"),  # full-width digits
        ("", "20260", "", "Kies een jaar uit de lijst"),
        ("", "1999", "", "Over 1999 hebben we geen gegevens"),
        ("", "", "atlantis", "Deze provincie kennen we niet"),
    ],
)
def test_choose_ignores_unknown_values_with_a_dutch_message(kind, year, province, message):
    choice = rules.choose(kind, year, province, YEARS)
    assert (choice.kind, choice.year, choice.province) == (rules.PLEDGES, None, None)
    assert len(choice.problems) == 1 and choice.problems[0].startswith(message)


def test_choose_reports_each_problem():
    choice = rules.choose("x", "y", "z", YEARS)
    assert len(choice.problems) == 3


def test_year_range():
    assert rules.year_range(None, None, 2026) == [2026]
    assert rules.year_range(2024, 2027, 2026) == [2027, 2026, 2025, 2024]
    assert rules.year_range(2025, 2025, 2026) == [2026, 2025]
    assert rules.year_range(1990, 2026, 2026, most=3) == [2026, 2025, 2024]
