"""workflow.py: the assessment workflow as one table (pure, no database)."""

import pytest

from kennislab.vignet import workflow
from kennislab.vignet.models import Status
from kennislab.vignet.workflow import NotAllowed, available, step_for

# (status, actor) → the steps offered, in the table's order
OFFERED = [
    ("draft", "applicant", ["submit"]),
    ("draft", "assessor", []),
    ("submitted", "applicant", []),
    ("submitted", "assessor", ["start", "request_info"]),
    ("in_assessment", "applicant", []),
    ("in_assessment", "assessor", ["request_info", "award", "reject"]),
    ("more_info", "applicant", ["submit"]),
    ("more_info", "assessor", []),
    ("awarded", "applicant", []),
    ("awarded", "assessor", []),
    ("rejected", "applicant", []),
    ("rejected", "assessor", []),
]

TARGETS = {
    "submit": "submitted",
    "start": "in_assessment",
    "request_info": "more_info",
    "award": "awarded",
    "reject": "rejected",
}


@pytest.mark.parametrize(("status", "actor", "actions"), OFFERED)
def test_available_steps_per_status_and_actor(status, actor, actions):
    assert [step.action for step in available(status, actor)] == actions


@pytest.mark.parametrize(("status", "actor", "actions"), OFFERED)
def test_every_offered_step_is_allowed_and_leads_to_its_target(status, actor, actions):
    for action in actions:
        step = step_for(status, action, actor)
        assert step.target == TARGETS[action]
        assert step.actor == actor


@pytest.mark.parametrize(("status", "actor", "actions"), OFFERED)
def test_every_other_step_is_refused_in_dutch(status, actor, actions):
    for action in set(TARGETS) - set(actions):
        with pytest.raises(NotAllowed) as refused:
            step_for(status, action, actor)
        message = str(refused.value)
        if workflow.BY_ACTION[action].actor != actor:
            assert message == "Deze stap bestaat niet."
        else:
            label = workflow.BY_ACTION[action].label
            assert message == f"‘{label}’ kan niet meer: de aanvraag is al verder in behandeling."


def test_awarding_a_submitted_application_skips_the_assessment_and_is_refused():
    with pytest.raises(NotAllowed, match="‘Toekennen’ kan niet meer"):
        step_for("submitted", "award", "assessor")


def test_an_applicant_cannot_award_their_own_application():
    with pytest.raises(NotAllowed, match=r"^Deze stap bestaat niet\.$"):
        step_for("in_assessment", "award", "applicant")


@pytest.mark.parametrize("action", ["", "delete", "AWARD", "withdraw"])
def test_unknown_steps_do_not_exist(action):
    with pytest.raises(NotAllowed, match=r"^Deze stap bestaat niet\.$"):
        step_for("submitted", action, "assessor")


def test_a_note_is_required_where_the_applicant_must_be_told_why():
    required = {step.action for step in workflow.STEPS if step.note_required}
    assert required == {"request_info", "reject"}


def test_labels_are_dutch():
    assert {step.action: step.label for step in workflow.STEPS} == {
        "submit": "Indienen",
        "start": "In behandeling nemen",
        "request_info": "Aanvulling vragen",
        "award": "Toekennen",
        "reject": "Afwijzen",
    }


def test_decisions_are_final():
    for final in ("awarded", "rejected"):
        assert not available(final, "assessor")
        assert not available(final, "applicant")
        assert all(final not in step.sources for step in workflow.STEPS)


def test_every_status_of_the_model_is_reachable_from_a_draft():
    assert {value for value, _label in Status.choices} == {
        workflow.DRAFT, workflow.SUBMITTED, workflow.IN_ASSESSMENT, workflow.MORE_INFO,
        workflow.AWARDED, workflow.REJECTED,
    }  # fmt: skip
    reached, frontier = {workflow.DRAFT}, [workflow.DRAFT]
    while frontier:
        status = frontier.pop()
        for actor in ("applicant", "assessor"):
            for step in available(status, actor):
                if step.target not in reached:
                    reached.add(step.target)
                    frontier.append(step.target)
    assert reached == {value for value, _label in Status.choices}


def test_more_info_goes_back_to_the_applicant_and_returns_as_submitted():
    asked = step_for("in_assessment", "request_info", "assessor")
    assert asked.target == "more_info"
    assert step_for(asked.target, "submit", "applicant").target == "submitted"
