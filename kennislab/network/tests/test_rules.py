"""The step tables and helpers of rules.py, as pure functions (no database)."""

from datetime import UTC, datetime, timedelta

import pytest

from kennislab.network import rules


@pytest.mark.parametrize(
    ("kind", "status", "action", "target"),
    [
        ("pledge", "submitted", "approve", "approved"),
        ("pledge", "submitted", "request_changes", "changes_requested"),
        ("pledge", "submitted", "reject", "rejected"),
        ("pledge", "changes_requested", "reject", "rejected"),
        ("pledge", "approved", "reject", "rejected"),
        ("pledge", "approved", "request_changes", "changes_requested"),
        ("update", "submitted", "approve", "approved"),
        ("update", "approved", "reject", "rejected"),
        ("story", "submitted", "accept", "accepted"),
        ("story", "submitted", "reject", "rejected"),
    ],
)
def test_editor_steps(kind, status, action, target):
    assert rules.step_for(kind, status, action, rules.EDITOR).target == target


@pytest.mark.parametrize(
    ("kind", "status", "action"),
    [
        ("pledge", "approved", "approve"),
        ("pledge", "rejected", "approve"),
        ("pledge", "changes_requested", "approve"),  # the signer must change it first
        ("update", "rejected", "approve"),
        ("story", "accepted", "accept"),
        ("story", "accepted", "reject"),
        ("story", "rejected", "accept"),
    ],
)
def test_steps_the_table_refuses(kind, status, action):
    with pytest.raises(rules.NotAllowed, match="al verder in behandeling"):
        rules.step_for(kind, status, action, rules.EDITOR)


def test_a_signer_cannot_take_an_editors_step_and_vice_versa():
    with pytest.raises(rules.NotAllowed, match="bestaat niet"):
        rules.step_for("pledge", "submitted", "approve", rules.SIGNER)
    with pytest.raises(rules.NotAllowed, match="bestaat niet"):
        rules.step_for("pledge", "changes_requested", "resubmit", rules.EDITOR)
    assert rules.step_for("pledge", "changes_requested", "resubmit", rules.SIGNER).target == (
        "submitted"
    )
    with pytest.raises(rules.NotAllowed):
        rules.step_for("story", "submitted", "publish", rules.EDITOR)


def test_notes_are_required_for_changes_and_rejections():
    required = {(kind, step.action) for kind, table in rules.TABLES.items() for step in table
                if step.note_required}  # fmt: skip
    assert required == {("pledge", "request_changes"), ("pledge", "reject"),
                        ("update", "reject"), ("story", "reject")}  # fmt: skip


def test_available_steps():
    assert [s.action for s in rules.available_steps("pledge", "submitted")] == [
        "approve", "request_changes", "reject"]  # fmt: skip
    assert rules.available_steps("pledge", "rejected") == []
    assert [s.action for s in rules.available_steps("story", "submitted")] == ["accept", "reject"]
    assert rules.available_steps("story", "accepted") == []


def test_unique_slug():
    assert rules.unique_slug("Gemeente Één & Twee", []) == "gemeente-een-twee"
    assert rules.unique_slug("Gemeente X", ["gemeente-x"]) == "gemeente-x-2"
    assert rules.unique_slug("Gemeente X", ["gemeente-x", "gemeente-x-2"]) == "gemeente-x-3"
    assert rules.unique_slug("Tekenen", []) == "tekenen-2"  # the form's URL stays free
    assert rules.unique_slug("!!!", []) == "pledge"
    long = rules.unique_slug("a" * 200, ["a" * 80])
    assert len(long) <= 80 and long.endswith("-2")


def test_link_expiry_and_paragraphs():
    now = datetime(2027, 1, 1, tzinfo=UTC)
    assert rules.link_expires_at(now) == now + timedelta(days=365)
    assert rules.paragraphs("een\r\n\r\ntwee\n\n\n  \ndrie ") == ["een", "twee", "drie"]
