"""challenge_link.py: a 30DagenGezonder team as vignet evidence — the theme map, who counts, the
captain, and when a team can be added (pure rules, no database)."""

from datetime import date

import pytest

from kennislab.challenge.models import Theme
from kennislab.vignet import challenge_link as rules
from kennislab.vignet.challenge_link import Member
from kennislab.vignet.criteria import THEMES

STARTS = date(2026, 3, 1)  # day 30 is 30 March 2026


def member(theme="exercise", days=20, confirmed=True, started=False, order=0, id=None):
    return Member(id=id if id is not None else order, theme=theme, confirmed=confirmed,
                  days_ticked=days, started_team=started, order=order)  # fmt: skip


# --- the theme map --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("challenge_theme", "vignet_theme"),
    [
        ("exercise", "bewegen"),
        ("healthy_eating", "voeding"),
        ("less_sugar", "voeding"),
        ("no_alcohol", "alcohol-drugs-medicijnen"),
        ("relaxation", "ontspanning-mentale-balans"),
        ("sleep", "ontspanning-mentale-balans"),
        ("other", None),
        ("unknown", None),
    ],
)
def test_the_challenge_theme_maps_to_a_vignet_theme(challenge_theme, vignet_theme):
    assert rules.vignet_theme(challenge_theme) == vignet_theme


def test_every_challenge_theme_is_mapped_or_knowingly_left_out():
    """Fails when the challenge gets a new theme that nobody placed."""
    assert set(Theme.values) == set(rules.THEME_MAP) | rules.UNMAPPED
    assert not set(rules.THEME_MAP) & rules.UNMAPPED
    assert set(rules.THEME_MAP.values()) <= set(THEMES)
    assert "roken" not in rules.THEME_MAP.values()  # the challenge has no smoking theme


# --- who counts -----------------------------------------------------------------------------


@pytest.mark.parametrize(("days", "confirmed", "counts"), [
    (19, True, False), (20, True, True), (30, True, True), (0, True, False), (25, False, False),
])  # fmt: skip
def test_a_member_counts_when_confirmed_with_at_least_20_days(days, confirmed, counts):
    assert rules.counts(member(days=days, confirmed=confirmed)) is counts


def test_participants_are_counted_per_member_for_their_own_theme():
    members = [
        member("exercise", 27), member("exercise", 20), member("exercise", 19),
        member("less_sugar", 22), member("healthy_eating", 30), member("sleep", 21),
        member("other", 30), member("no_alcohol", 28, confirmed=False),
    ]  # fmt: skip
    assert rules.participants_per_theme(members) == {
        "bewegen": 2,
        "voeding": 2,
        "ontspanning-mentale-balans": 1,
    }
    # in the criteria's order of themes, whatever the order of the members
    assert list(rules.participants_per_theme(reversed(members))) == [
        "bewegen", "voeding", "ontspanning-mentale-balans",
    ]  # fmt: skip


def test_a_team_without_counting_members_has_no_participants():
    assert rules.participants_per_theme([]) == {}
    assert rules.participants_per_theme([member(days=5), member("other", 30)]) == {}


# --- the captain ----------------------------------------------------------------------------


def test_the_captain_is_the_member_who_started_the_team():
    members = [member(order=0, id=1), member(started=True, order=3, id=2), member(order=1, id=3)]
    assert rules.captain(members).id == 2


def test_without_a_confirmed_starter_the_captain_is_who_joined_first():
    members = [
        member(started=True, confirmed=False, order=0, id=1),
        member(order=2, id=2),
        member(order=1, id=3),
    ]
    assert rules.captain(members).id == 3


def test_a_team_without_confirmed_members_has_no_captain():
    assert rules.captain([member(confirmed=False), member(started=True, confirmed=False)]) is None
    assert rules.captain([]) is None


# --- dates and when a team can be added -----------------------------------------------------


def test_the_activity_has_the_editions_dates():
    assert rules.edition_dates(STARTS) == (date(2026, 3, 1), date(2026, 3, 30))
    assert rules.linkable_from(STARTS) == date(2026, 3, 31)
    assert rules.linkable_until(STARTS) == date(2026, 4, 29)  # 30 days after day 30


@pytest.mark.parametrize(("today", "allowed"), [
    (date(2026, 3, 20), False), (date(2026, 3, 30), False), (date(2026, 3, 31), True),
    (date(2026, 4, 29), True), (date(2026, 4, 30), False),
])  # fmt: skip
def test_a_team_can_be_added_after_day_30_for_30_days(today, allowed):
    refusal = rules.refusal(STARTS, [member(days=25, started=True)], today)
    assert (refusal is None) is allowed, refusal


def test_the_refusals_say_why_in_dutch():
    during = rules.refusal(STARTS, [member()], date(2026, 3, 15))
    assert during == (
        "Dit team kan meetellen als de uitdaging voorbij is: vanaf 31 maart 2026. Dan staat vast "
        "wie minstens 20 dagen afvinkte."
    )
    late = rules.refusal(STARTS, [member()], date(2026, 6, 1))
    assert "dat kon tot en met 29 april 2026" in late
    day = date(2026, 4, 2)
    assert rules.refusal(STARTS, [member(confirmed=False)], day) == (
        "Dit team heeft geen bevestigde deelnemers; het kan niet meetellen."
    )
    assert "thema ‘Anders’" in rules.refusal(STARTS, [member("other", 30), member(days=3)], day)
    assert rules.refusal(STARTS, [member(days=19), member("other", 4)], day) == (
        "Niemand in dit team vinkte minstens 20 van de 30 dagen af; het team telt daarom niet mee."
    )
    # one counting member with a vignet theme is enough
    assert rules.refusal(STARTS, [member("other", 30), member("sleep", 20)], day) is None


def test_describe_what_is_shared():
    assert rules.describe({"bewegen": 7, "voeding": 1}) == (
        "Bewegen: 7 deelnemers, Voeding: 1 deelnemer"
    )
    assert rules.describe({}) == ""
