"""The impact follow-up's rules as plain functions: when an invitation and its one reminder are
due, what the link's page offers, and the public figures (no database)."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from kennislab.surveys import impact_rules as rules
from kennislab.surveys.impact_rules import Answer, Candidate, Sent

TODAY = date(2026, 6, 15)


# --- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 15), 3, date(2026, 4, 15)),
        (date(2026, 1, 31), 3, date(2026, 4, 30)),  # April has 30 days
        (date(2025, 11, 30), 3, date(2026, 2, 28)),  # over the year, February is short
        (date(2027, 11, 30), 3, date(2028, 2, 29)),  # a leap year
        (date(2026, 10, 1), 3, date(2027, 1, 1)),
        (date(2026, 1, 15), -3, date(2025, 10, 15)),
        (date(2026, 5, 31), -3, date(2026, 2, 28)),
    ],
)
def test_add_months(day, months, expected):
    assert rules.add_months(day, months) == expected


def test_a_voucher_is_followed_up_three_months_after_the_definitive_grant():
    assert rules.voucher_due_on(date(2026, 3, 15)) == date(2026, 6, 15)


def test_a_challenge_two_weeks_after_its_last_day():
    assert rules.challenge_due_on(date(2026, 3, 30)) == date(2026, 4, 13)


def test_the_link_works_six_weeks():
    assert rules.link_expires_on(date(2026, 6, 1)) == date(2026, 7, 13)


@pytest.mark.parametrize(
    ("email", "expected"),
    [
        ("sam@example.org", True),
        ("verwijderd-12@anoniem.invalid", False),
        ("VERWIJDERD-12@ANONIEM.INVALID", False),
        ("", False),
    ],
)
def test_an_erased_address_is_not_reachable(email, expected):
    assert rules.reachable(email) is expected


# --- the invitation --------------------------------------------------------------------------

DUE = Candidate(
    due_on=TODAY, consent=True, email="sam@example.org", survey_open=True, invited=False
)


def test_an_invitation_is_due_on_its_day():
    assert rules.invitation_due(DUE, TODAY)


def test_not_a_day_early():
    assert not rules.invitation_due(DUE, TODAY - timedelta(days=1))


def test_a_missed_run_is_made_up_but_never_too_late():
    late = TODAY + timedelta(days=rules.LATE_DAYS - 1)
    assert rules.invitation_due(DUE, late)
    assert not rules.invitation_due(DUE, late + timedelta(days=1))


@pytest.mark.parametrize(
    "change",
    [
        {"due_on": None},  # not granted definitively / not confirmed
        {"consent": False},  # did not ask for it (earlier records never did)
        {"survey_open": False},  # no survey chosen, or it is closed
        {"invited": True},  # never twice
        {"email": "verwijderd-4@anoniem.invalid"},  # erased
    ],
)
def test_each_condition_is_needed(change):
    assert not rules.invitation_due(replace(DUE, **change), TODAY)


# --- the reminder ----------------------------------------------------------------------------

SENT_ON = date(2026, 6, 1)
SENT = Sent(
    sent_on=SENT_ON, expires_on=rules.link_expires_on(SENT_ON), responded=False, declined=False,
    reminded=False, email="sam@example.org", survey_open=True,
)  # fmt: skip


def test_the_reminder_comes_two_weeks_after_the_invitation():
    assert not rules.reminder_due(SENT, SENT_ON + timedelta(days=rules.REMINDER_DAYS - 1))
    assert rules.reminder_due(SENT, SENT_ON + timedelta(days=rules.REMINDER_DAYS))


def test_a_late_reminder_still_goes_while_the_link_works():
    assert rules.reminder_due(SENT, SENT.expires_on)
    assert not rules.reminder_due(SENT, SENT.expires_on + timedelta(days=1))


@pytest.mark.parametrize(
    "change",
    [
        {"responded": True},
        {"declined": True},
        {"reminded": True},  # only once
        {"survey_open": False},
        {"email": "verwijderd-9@anoniem.invalid"},
    ],
)
def test_no_reminder_when(change):
    assert not rules.reminder_due(replace(SENT, **change), SENT_ON + timedelta(days=20))


# --- the link's page -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("responded", "expires_on", "survey_state", "expected"),
    [
        (False, TODAY, "open", "answer"),  # the last day still works
        (False, TODAY - timedelta(days=1), "open", "expired"),
        (True, TODAY - timedelta(days=1), "open", "answered"),  # thanks, also later
        (False, TODAY, "closed", "closed"),
        (False, TODAY, "not_yet", "not_yet"),
        (True, TODAY, "closed", "answered"),
    ],
)
def test_what_the_link_offers(responded, expires_on, survey_state, expected):
    state = rules.may_answer(
        responded=responded, expires_on=expires_on, survey_state=survey_state, today=TODAY
    )
    assert state == expected


# --- the figures -----------------------------------------------------------------------------


def answer(score=None, quote="", quotable=False, day=TODAY):
    return Answer(group=1, score=score, quote=quote, quotable=quotable, day=day)


def test_the_example_of_the_issue():
    answers = [answer(5), answer(4), answer(5, "Het werkt.", True), answer(4), answer(4)]
    summary = rules.summarise(12, answers, 5)
    assert (summary.used_by, summary.responses, summary.scores) == (12, 5, 5)
    assert summary.mean == 4.4 and summary.points == 5
    assert summary.quotes == ("Het werkt.",)
    assert summary.shown


def test_one_score_alone_is_not_shown():
    summary = rules.summarise(3, [answer(2)], 5)
    assert summary.mean is None and not summary.shown
    assert rules.summarise(3, [answer(2), answer(5)], 5).mean == 3.5


def test_nothing_without_responses():
    summary = rules.summarise(2, [], 5)
    assert (summary.responses, summary.mean, summary.quotes) == (0, None, ())
    assert not summary.shown


def test_a_quote_alone_is_shown():
    summary = rules.summarise(1, [answer(None, "Goed gedaan.", True)], 5)
    assert summary.shown and summary.mean is None


def test_quotes_only_with_consent_newest_first_at_most_two():
    answers = [
        answer(4, "Oud citaat.", True, date(2026, 1, 1)),
        answer(4, "Niet mogen citeren.", False, date(2026, 5, 1)),
        answer(4, "Nieuwste citaat.", True, date(2026, 4, 1)),
        answer(4, "Middelste citaat.", True, date(2026, 3, 1)),
        answer(4, "   ", True, date(2026, 6, 1)),
    ]
    summary = rules.summarise(5, answers, 5)
    assert summary.quotes == ("Nieuwste citaat.", "Middelste citaat.")


def test_answers_without_a_score_do_not_count_for_the_mean():
    summary = rules.summarise(4, [answer(5), answer(None), answer(3)], 5)
    assert (summary.responses, summary.scores, summary.mean) == (3, 2, 4.0)


def test_a_long_quote_is_shortened_at_a_word():
    text = "woord " * 100
    short = rules.shorten(text, limit=30)
    assert len(short) <= 30 and short.endswith("woord…")
    assert rules.shorten("  kort\n en   bondig ") == "kort en bondig"


def test_the_distribution_of_scores():
    bars = rules.distribution([5, 4, 4, 5, 5, 9], 5)  # 9 is not a point of the scale
    assert [(bar.label, bar.count, bar.percent) for bar in bars] == [
        ("1", 0, 0), ("2", 0, 0), ("3", 0, 0), ("4", 2, 40), ("5", 3, 60),
    ]  # fmt: skip
    assert [bar.percent for bar in rules.distribution([], 3)] == [0, 0, 0]


def test_the_response_rate():
    assert rules.response_rate(8, 7) == 88
    assert rules.response_rate(0, 0) == 0
    assert rules.mean_score([]) is None
