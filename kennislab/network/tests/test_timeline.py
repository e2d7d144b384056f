"""The rules of a pledge's timeline and progress (timeline.py), as pure functions."""

from datetime import date

import pytest

from kennislab.network import timeline
from kennislab.network.timeline import Entry
from kennislab.vouchers.services import organisation_key as voucher_key


@pytest.mark.parametrize(
    "name",
    ["Gemeente Turfhaven", "  GEMEENTE   turfhaven ", "Buurtcoöperatie De Wilg", "Zorg_en-Welzijn!",
     "Stichting 't Hof (Noord)", "", "Ÿsselland B.V."],
)  # fmt: skip
def test_the_organisation_key_is_the_vouchers_key(name):
    assert timeline.organisation_key(name) == voucher_key(name)


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Gemeente Turfhaven (verzonnen)", "gemeente  Turfhaven", True),
        ("Stichting Wijkkracht Rijnmeer", "Wijkkracht Rijnmeer", True),
        ("Drukkerij Kleurrijk B.V.", "drukkerij kleurrijk", True),
        ("Drukkerij Kleurrijk bv", "Drukkerij Kleurrijk", True),
        ("Buurtcoöperatie De Wilg", "Buurtcooperatie de wilg", True),
        ("Coöperatie Zorgdorp U.A.", "Zorgdorp", True),
        ("Gemeente Turfhaven", "Sportraad Turfhaven", False),
        ("Gemeente Turfhaven", "Gemeente Turfhaven-Noord", False),
        ("Stichting", "stichting", True),  # nothing but the legal form: the plain key
        ("", "", False),
        ("(verzonnen)", "", False),
    ],
)
def test_same_organisation(first, second, same):
    assert timeline.same_organisation(first, second) is same
    assert timeline.same_organisation(second, first) is same


@pytest.mark.parametrize(
    ("text", "intro", "items"),
    [
        ("Wij zorgen dat elke school een gezonde kantine heeft.", "",
         ["Wij zorgen dat elke school een gezonde kantine heeft."]),
        ("Dit spreken we af:\n- Watertaps op elk plein.\n- Een gezonde kantine\n  op vier "
         "scholen.\n\nWe beginnen in 2027.", "Dit spreken we af:\n\nWe beginnen in 2027.",
         ["Watertaps op elk plein.", "Een gezonde kantine op vier scholen."]),
        ("1. Eén\r\n2) Twee\r\n• Drie", "", ["Eén", "Twee", "Drie"]),
        ("Eerste afspraak.\n\nTweede afspraak\ngaat verder.", "",
         ["Eerste afspraak.", "Tweede afspraak gaat verder."]),
        ("Eerste regel\nTweede regel\n", "", ["Eerste regel", "Tweede regel"]),
        ("-minteken zonder spatie is geen opsomming", "",
         ["-minteken zonder spatie is geen opsomming"]),
        ("", "", []),
        ("- \n-  ", "", []),
    ],
)  # fmt: skip
def test_commitments(text, intro, items):
    assert timeline.split_commitments(text) == (intro, items)
    assert timeline.commitment_items(text) == items


@pytest.mark.parametrize(
    ("total", "marked", "done"),
    [
        (0, [1, None], 0),
        (1, [], 0),
        (1, [None], 1),  # one commitment: every entry counts for it
        (1, [7], 1),
        (3, [], 0),
        (3, [None, None], 0),  # entries that name no commitment count for none
        (3, [1, None, 3, 3], 2),
        (3, [0, 4, -1], 0),  # numbers the text no longer has
        (3, [3, 2, 1], 3),
    ],
)
def test_progress(total, marked, done):
    found = timeline.progress(total, marked)
    assert (found.done, found.total) == (done, max(total, 0))


def test_progress_percent():
    assert timeline.Progress(2, 3).percent == 67
    assert timeline.Progress(0, 0).percent == 0
    assert timeline.Progress(3, 3).percent == 100


def test_valid_commitment():
    assert timeline.valid_commitment(None, 3) is None
    assert timeline.valid_commitment(0, 3) is None
    assert timeline.valid_commitment(3, 3) == 3
    assert timeline.valid_commitment(4, 3) is None


def test_the_timeline_is_newest_first_and_stable_on_one_day():
    day = date(2027, 3, 1)
    entries = [
        Entry("story", day, "B"),
        Entry("update", date(2026, 1, 1), "oud"),
        Entry("voucher", day, "A"),
        Entry("update", day, "Z"),
        Entry("event", date(2027, 5, 1), "later"),
        Entry("story", day, "A"),
    ]
    assert [(e.kind, e.text) for e in timeline.ordered(entries)] == [
        ("event", "later"),
        ("update", "Z"),
        ("voucher", "A"),
        ("story", "A"),
        ("story", "B"),
        ("update", "oud"),
    ]
    assert timeline.ordered(reversed(entries)) == timeline.ordered(entries)


def test_every_kind_has_a_dutch_label():
    assert set(timeline.KIND_LABELS) == set(timeline.KIND_ORDER)
    assert Entry("vignet", date(2027, 1, 1), "x").label == "Vignet Vitaal Bedrijf"
    assert Entry("update", date(2027, 1, 1), "x").is_update
