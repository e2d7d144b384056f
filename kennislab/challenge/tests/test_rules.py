"""The challenge's rules as pure functions: days and dates, the sign-up window, the support
schedule with its grace day, who gets a message, the theme fallback and the placeholders."""

from datetime import UTC, date, datetime, timedelta

import pytest

from kennislab.challenge import rules

START = date(2027, 3, 1)
D = date.fromisoformat


def test_day_dates():
    assert rules.day_date(START, 1) == START
    assert rules.day_date(START, 30) == D("2027-03-30")
    assert rules.ends_on(START) == D("2027-03-30")
    assert rules.ends_on(D("2028-02-15")) == D("2028-03-15")  # a leap year: 29 February counts


@pytest.mark.parametrize("day", [0, 31, -1])
def test_day_date_refuses_days_outside_the_challenge(day):
    with pytest.raises(ValueError):
        rules.day_date(START, day)


@pytest.mark.parametrize(
    ("today", "number"),
    [("2027-02-28", None), ("2027-03-01", 1), ("2027-03-02", 2), ("2027-03-30", 30),
     ("2027-03-31", None), ("2026-03-01", None)],
)  # fmt: skip
def test_day_number(today, number):
    assert rules.day_number(START, D(today)) == number


@pytest.mark.parametrize(
    ("today", "days"),
    [("2027-02-28", 0), ("2027-03-01", 1), ("2027-03-12", 12), ("2027-03-30", 30),
     ("2027-04-20", 30)],
)  # fmt: skip
def test_days_open_for_check_in(today, days):
    assert rules.days_open_for_check_in(START, D(today)) == days


OPENS = datetime(2027, 1, 15, 9, 0, tzinfo=UTC)
CLOSES = datetime(2027, 3, 15, 23, 59, tzinfo=UTC)
SECOND = timedelta(seconds=1)


@pytest.mark.parametrize(
    ("now", "state"),
    [(OPENS - SECOND, rules.NOT_OPEN), (OPENS, rules.OPEN), (CLOSES - SECOND, rules.OPEN),
     (CLOSES, rules.CLOSED), (CLOSES + timedelta(days=30), rules.CLOSED)],
)  # fmt: skip
def test_signup_state(now, state):
    assert rules.signup_state(OPENS, CLOSES, now) == state


def test_links_are_valid_until_30_days_after_day_30():
    assert rules.link_valid_until(START) == D("2027-04-29")


@pytest.mark.parametrize(
    ("today", "due"),
    [
        ("2027-02-28", None),  # before the start
        ("2027-03-01", 1),
        ("2027-03-02", 1),  # the grace day for day 1
        ("2027-03-03", 3),
        ("2027-03-04", 3),
        ("2027-03-05", None),  # two days late: day 3 is not made up any more
        ("2027-03-06", None),
        ("2027-03-07", 7),
        ("2027-03-08", 7),
        ("2027-03-14", 14),
        ("2027-03-21", 21),
        ("2027-03-28", 28),
        ("2027-03-29", 28),
        ("2027-03-30", 30),
        ("2027-03-31", 30),  # the grace day after the last day
        ("2027-04-01", None),
    ],
)
def test_due_day(today, due):
    assert rules.due_day(START, D(today)) == due


def test_every_support_day_is_due_on_its_date_and_the_day_after_only():
    for day in rules.SUPPORT_DAYS:
        dated = rules.day_date(START, day)
        assert rules.due_day(START, dated) == day
        assert rules.due_day(START, dated + timedelta(days=1)) == day
        assert rules.due_day(START, dated + timedelta(days=2)) != day


def eligible(**overrides):
    facts = {"status": rules.CONFIRMED, "subscribed": True, "signed_up_on": START,
             "day_date": START, "already_sent": False, **overrides}  # fmt: skip
    return rules.is_eligible(**facts)


def test_is_eligible():
    assert eligible()
    assert eligible(signed_up_on=START - timedelta(days=40))
    assert not eligible(status=rules.PENDING)
    assert not eligible(subscribed=False)
    assert not eligible(already_sent=True)
    assert not eligible(signed_up_on=START + timedelta(days=1))  # a late joiner skips day 1
    assert eligible(signed_up_on=D("2027-03-05"), day_date=D("2027-03-07"))


def test_choose_message_falls_back_to_the_general_one():
    messages = {"": "algemeen", "sleep": "slapen"}
    assert rules.choose_message(messages, "sleep") == "slapen"
    assert rules.choose_message(messages, "exercise") == "algemeen"
    assert rules.choose_message({"sleep": "slapen"}, "exercise") is None
    assert rules.choose_message({}, "sleep") is None


def test_placeholders():
    text = "Hoi {naam}, dag {dag}: {doel} ({thema}). {onbekend} blijft staan, {} ook."
    values = {"naam": "Sam", "dag": 7, "doel": "wandelen", "thema": "bewegen"}
    assert rules.fill_placeholders(text, values) == (
        "Hoi Sam, dag 7: wandelen (bewegen). {onbekend} blijft staan, {} ook."
    )
    assert rules.unknown_placeholders(text) == ["onbekend"]
    assert rules.unknown_placeholders("Hoi {naam}") == []
    # a value is not filled in again: a goal with braces stays as typed
    assert rules.fill_placeholders("{doel}", {"doel": "{naam}", "naam": "X"}) == "{naam}"


@pytest.mark.parametrize(
    ("typed", "code"), [("abcd-2345", "ABCD2345"), (" AB CD 23 45 ", "ABCD2345"), ("", "")]
)
def test_normalise_code(typed, code):
    assert rules.normalise_code(typed) == code


def test_the_code_alphabet_has_no_ambiguous_characters():
    assert not set("0O1IL") & set(rules.CODE_ALPHABET)
    assert len(set(rules.CODE_ALPHABET)) == len(rules.CODE_ALPHABET) == 31
