"""rules.py, relay section: regions and weeks (the 2021 edition), dates, completeness, the
registration period, the private link, reminders and the moderation table. Pure: no database."""

from datetime import date, timedelta

import pytest

from kennislab.campaigns import rules
from kennislab.campaigns.rules import Week

from .relay_factories import REGIONS_2021

WEEKS = [Week(slug, name, start, end, tuple(provinces))
         for name, slug, provinces, start, end in REGIONS_2021]  # fmt: skip
OOST, WEST, NOORD, ZUID = WEEKS


# --- regions and weeks --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("province", "region", "first", "last"),
    [
        ("gelderland", "oost", date(2021, 2, 1), date(2021, 2, 5)),
        ("overijssel", "oost", date(2021, 2, 1), date(2021, 2, 5)),
        ("flevoland", "oost", date(2021, 2, 1), date(2021, 2, 5)),
        ("noord-holland", "west", date(2021, 2, 8), date(2021, 2, 12)),
        ("zuid-holland", "west", date(2021, 2, 8), date(2021, 2, 12)),
        ("utrecht", "west", date(2021, 2, 8), date(2021, 2, 12)),
        ("groningen", "noord", date(2021, 2, 15), date(2021, 2, 19)),
        ("friesland", "noord", date(2021, 2, 15), date(2021, 2, 19)),
        ("drenthe", "noord", date(2021, 2, 15), date(2021, 2, 19)),
        ("zeeland", "zuid", date(2021, 2, 22), date(2021, 2, 26)),
        ("noord-brabant", "zuid", date(2021, 2, 22), date(2021, 2, 26)),
        ("limburg", "zuid", date(2021, 2, 22), date(2021, 2, 26)),
    ],
)
def test_week_for_every_province_of_2021(province, region, first, last):
    week = rules.week_for(province, WEEKS)
    assert week is not None
    assert (week.region, week.starts_on, week.ends_on) == (region, first, last)
    assert province in week.provinces


def test_the_twelve_provinces_are_all_in_exactly_one_region():
    assert sorted(p for week in WEEKS for p in week.provinces) == sorted(
        slug for slug, _name in rules.PROVINCES
    )
    assert rules.duplicate_provinces([week.provinces for week in WEEKS]) == set()


def test_week_for_an_unknown_or_missing_province():
    assert rules.week_for("vlaanderen", WEEKS) is None
    assert rules.week_for("", WEEKS) is None
    assert rules.week_for("gelderland", [WEST, NOORD]) is None
    assert rules.week_for("gelderland", []) is None


def test_a_week_contains_its_first_and_last_day_only():
    assert date(2021, 2, 1) in OOST and date(2021, 2, 5) in OOST and date(2021, 2, 3) in OOST
    assert date(2021, 1, 31) not in OOST and date(2021, 2, 6) not in OOST


# --- the date of an activity --------------------------------------------------------------------


@pytest.mark.parametrize("day", [date(2021, 2, 8), date(2021, 2, 10), date(2021, 2, 12)])
def test_a_date_in_the_week_is_fine(day):
    assert rules.date_problem(day, WEST) is None


@pytest.mark.parametrize("day", [date(2021, 2, 7), date(2021, 2, 13), date(2021, 2, 1)])
def test_a_date_outside_the_week_is_refused_in_dutch(day):
    assert rules.date_problem(day, WEST) == (
        "De week van regio West loopt van 8 februari 2021 tot en met 12 februari 2021. "
        "Kies een datum in die week."
    )


def test_no_date_or_no_week_is_no_problem():
    assert rules.date_problem(None, OOST) is None
    assert rules.date_problem(date(2030, 1, 1), None) is None


# --- complete or not ----------------------------------------------------------------------------

ON_SITE = {
    "kind": "workshop",
    "date": date(2021, 2, 3),
    "starts_at": "14:00",
    "ends_at": "15:30",
    "online": False,
    "location": "Buurthuis De Wilg",
    "link": "",
    "description": "Een middag uitproberen.",
}
ONLINE = {**ON_SITE, "online": True, "location": "", "link": "https://meet.voorbeeld.example/x"}


def test_complete_on_site_and_online():
    assert rules.missing(ON_SITE) == []
    assert rules.missing(ONLINE) == []


def test_online_needs_the_link_and_on_site_needs_the_location():
    assert rules.missing({**ONLINE, "link": ""}) == ["plaats of link"]
    assert rules.missing({**ONLINE, "link": "", "location": "Zaal 1"}) == ["plaats of link"]
    assert rules.missing({**ON_SITE, "location": ""}) == ["plaats of link"]
    assert rules.missing({**ON_SITE, "location": "", "link": "https://x.example"}) == [
        "plaats of link"
    ]


@pytest.mark.parametrize(
    ("field", "label"),
    [
        ("kind", "soort activiteit"),
        ("date", "datum"),
        ("starts_at", "begintijd"),
        ("ends_at", "eindtijd"),
        ("description", "beschrijving"),
    ],
)
def test_each_missing_field_is_named(field, label):
    assert rules.missing({**ON_SITE, field: None}) == [label]
    assert rules.missing({key: value for key, value in ON_SITE.items() if key != field}) == [label]


def test_an_empty_activity_lacks_everything_in_form_order():
    assert rules.missing({}) == [
        "soort activiteit", "datum", "begintijd", "eindtijd", "plaats of link", "beschrijving",
    ]  # fmt: skip


# --- regions with the same province -------------------------------------------------------------


def test_duplicate_provinces():
    assert rules.duplicate_provinces([["utrecht", "gelderland"], ["gelderland"]]) == {"gelderland"}
    assert rules.duplicate_provinces(
        [["utrecht", "zeeland"], ["zeeland", "limburg"], ["limburg", "utrecht", "drenthe"]]
    ) == {"utrecht", "zeeland", "limburg"}
    assert rules.duplicate_provinces([["utrecht", "utrecht"], ["drenthe"]]) == set()
    assert rules.duplicate_provinces([]) == set()


# --- registration period and the private link ---------------------------------------------------


def test_registration_is_open_until_the_last_day_of_the_last_week_by_default():
    assert rules.registration_open(WEEKS, None, date(2020, 11, 1))
    assert rules.registration_open(WEEKS, None, date(2021, 2, 26))
    assert not rules.registration_open(WEEKS, None, date(2021, 2, 27))
    shuffled = [ZUID, OOST, NOORD, WEST]
    assert rules.registration_open(shuffled, None, date(2021, 2, 26))
    assert not rules.registration_open(shuffled, None, date(2021, 2, 27))


def test_registration_closes_on_the_closing_day():
    closes = date(2021, 1, 20)
    assert rules.registration_open(WEEKS, closes, date(2021, 1, 20))
    assert not rules.registration_open(WEEKS, closes, date(2021, 1, 21))


def test_no_weeks_no_registration():
    assert not rules.registration_open([], None, date(2021, 1, 1))
    assert not rules.registration_open([], date(2021, 12, 31), date(2021, 1, 1))


def test_the_link_expires_thirty_days_after_the_last_week():
    assert rules.link_expires_on(WEEKS) == date(2021, 3, 28)
    assert rules.link_expires_on([OOST]) == date(2021, 3, 7)
    assert rules.link_expires_on([ZUID, OOST]) == date(2021, 3, 28)


# --- reminders ----------------------------------------------------------------------------------

START = OOST.starts_on  # Monday 1 February 2021


@pytest.mark.parametrize(
    ("days_before", "due"),
    [(29, False), (28, True), (27, True), (1, True), (0, False), (-1, False)],
)
def test_reminders_from_28_days_before_until_the_first_day(days_before, due):
    assert rules.reminder_due(START, START - timedelta(days=days_before), None, 0) is due


@pytest.mark.parametrize(
    ("since", "due"), [(0, False), (1, False), (6, False), (7, True), (8, True)]
)
def test_reminders_at_most_once_a_week(since, due):
    today = START - timedelta(days=5)
    assert rules.reminder_due(START, today, today - timedelta(days=since), 1) is due


@pytest.mark.parametrize(("sent", "due"), [(0, True), (1, True), (2, True), (3, False), (4, False)])
def test_at_most_three_reminders(sent, due):
    today = START - timedelta(days=10)
    assert rules.reminder_due(START, today, today - timedelta(days=14), sent) is due


# --- the moderation table -----------------------------------------------------------------------

S, C, A, R, W = rules.SUBMITTED, rules.CHANGES, rules.APPROVED, rules.REJECTED, rules.WITHDRAWN


@pytest.mark.parametrize(
    ("status", "action", "actor", "target"),
    [
        (S, "approve", "editor", A),
        (C, "approve", "editor", A),
        (S, "request_changes", "editor", C),
        (A, "request_changes", "editor", C),
        (S, "reject", "editor", R),
        (C, "reject", "editor", R),
        (A, "reject", "editor", R),
        (C, "resubmit", "organiser", S),
        (S, "withdraw", "organiser", W),
        (C, "withdraw", "organiser", W),
        (A, "withdraw", "organiser", W),
    ],
)
def test_allowed_steps(status, action, actor, target):
    step = rules.step_for(status, action, actor)
    assert (step.action, step.target, step.actor) == (action, target, actor)


@pytest.mark.parametrize(
    ("status", "action"),
    [
        (A, "approve"), (R, "approve"), (W, "approve"),
        (C, "request_changes"), (R, "request_changes"), (W, "request_changes"),
        (R, "reject"), (W, "reject"),
    ],
)  # fmt: skip
def test_refused_editor_steps_say_why_in_dutch(status, action):
    with pytest.raises(rules.NotAllowed) as refused:
        rules.step_for(status, action, "editor")
    assert "kan niet: de activiteit is al verder in behandeling" in str(refused.value)


@pytest.mark.parametrize(
    ("status", "action", "actor"),
    [
        (S, "approve", "organiser"),  # an organiser does not approve himself
        (C, "resubmit", "editor"),
        (S, "withdraw", "editor"),
        (S, "publish", "editor"),  # no such step
        (S, "", "organiser"),
    ],
)
def test_steps_of_someone_else_or_unknown_do_not_exist(status, action, actor):
    with pytest.raises(rules.NotAllowed, match=r"Deze stap bestaat niet\."):
        rules.step_for(status, action, actor)


@pytest.mark.parametrize(
    ("status", "action"), [(S, "resubmit"), (A, "resubmit"), (R, "withdraw"), (W, "withdraw")]
)
def test_refused_organiser_steps(status, action):
    with pytest.raises(rules.NotAllowed, match="al verder in behandeling"):
        rules.step_for(status, action, "organiser")


def test_a_note_is_required_for_asking_changes_and_rejecting_only():
    required = {step.action for step in rules.STEPS if step.note_required}
    assert required == {"request_changes", "reject"}


@pytest.mark.parametrize(
    ("status", "editor", "organiser"),
    [
        (S, ["approve", "request_changes", "reject"], ["withdraw"]),
        (C, ["approve", "reject"], ["resubmit", "withdraw"]),
        (A, ["request_changes", "reject"], ["withdraw"]),
        (R, [], []),
        (W, [], []),
    ],
)
def test_available_steps(status, editor, organiser):
    assert [step.action for step in rules.available_steps(status, "editor")] == editor
    assert [step.action for step in rules.available_steps(status, "organiser")] == organiser
    assert rules.available_steps(status, "somebody") == []


def test_editable_statuses():
    assert set(rules.EDITABLE) == {S, C, A}
