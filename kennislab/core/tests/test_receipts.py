"""Receipts mailed to an address nobody has confirmed yet (right after a public form, or a new
link asked for by typing an address) quote nothing that was typed into the form: not the name,
the organisation, the question, the story's title, the goal, the diet … Otherwise the site could
be used to send any text to a stranger. They keep what is useful: fixed text, the reference
number, the private link and the dates."""

import pytest
from django.template.loader import render_to_string

from kennislab.campaigns import activities
from kennislab.content.models import Theme
from kennislab.network import services as network
from kennislab.questions import services as questions

MARK = "XYZZY"  # every free-text field below holds MARK plus its name


class Record:
    """A stand-in for a stored record: the named attributes, "" for anything else."""

    def __init__(self, **values):
        self.__dict__.update(values)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return ""

    def __str__(self):
        return "record"


def typed(*names, **others) -> Record:
    """A record whose `names` are free text typed by the person (each a distinctive string)."""
    return Record(**{name: f"{MARK}-{name}" for name in names}, **others)


TEAM = Record(name=f"{MARK}-team", code="ABC123")
EVENT = Record(title="Wandelmiddag", online=False, location="Utrecht", costs="")
CAMPAIGN = Record(title="Beweegweek", contact_email="")
STAFF = {"title": "Gezond werken", "name": "Netwerk Vitaal"}  # page titles written by staff

RECEIPTS = {
    "vouchers/email/received.txt": {
        "application": typed(
            "contact_name",
            "organisation",
            "motivation",
            "own_contribution",
            reference="KV-2026-0001",
            status="granted",
        ),
        "example": Record(**STAFF),
        "scheme": Record(**STAFF),
        "link": "https://x/l/",
    },
    "vignet/email/draft_saved.txt": {
        "application": typed("contact_name", "organisation"),
        "link": "https://x/l/",
    },
    "vignet/email/submit.txt": {
        "application": typed("contact_name", "organisation", reference="VV-2026-0001"),
    },
    "network/email/pledge_signed.txt": {
        "pledge": typed("contact_name", "organisation", "promise", "goal"),
        "link": "https://x/l/",
    },
    "network/email/pledge_new_link.txt": {
        "pledge": typed("contact_name", "organisation", "promise"),
        "link": "https://x/l/",
    },
    "network/email/story_received.txt": {
        "story": typed("contact_name", "organisation", "title", "text", "summary"),
    },
    "questions/email/question_received.txt": {
        "question": typed(
            "name", "organisation", "question", reference="VR-1", theme=Record(name="Bewegen")
        ),
    },
    "questions/email/interest_received.txt": {
        "registration": typed("name", "organisation", "motivation"),
        "community": Record(name="Leergemeenschap"),
    },
    "campaigns/email/registered.txt": {
        "registration": typed("name", "organisation", "dietary", "access_needs"),
        "event": EVENT,
        "link": "https://x/l/",
        "when": "1 juni",
    },
    "campaigns/email/waiting.txt": {
        "registration": typed("name", "organisation", "dietary", "access_needs"),
        "event": EVENT,
        "link": "https://x/l/",
        "position": 3,
    },
    "campaigns/email/new_link.txt": {
        "registration": typed("name", "organisation", "dietary", "access_needs"),
        "event": EVENT,
        "link": "https://x/l/",
        "waiting": False,
    },
    "campaigns/email/activity_registered.txt": {
        "activity": typed("contact_name", "organisation", "title", "description", "place"),
        "campaign": CAMPAIGN,
        "link": "https://x/l/",
    },
    "challenge/email/welcome.txt": {
        "participant": typed("name", "goal", team=TEAM, participation="start_team"),
        "page": Record(**STAFF),
        "link": "https://x/l/",
        "team_link": "https://x/team/",
    },
    "challenge/email/new_link.txt": {
        "participant": typed("name", "goal", team=TEAM),
        "page": Record(**STAFF),
        "link": "https://x/l/",
    },
    "newsletter/email/confirm.txt": {
        "subscriber": typed("name"),
        "link": "https://x/l/",
        "days": 7,
    },
}


@pytest.mark.parametrize("template", sorted(RECEIPTS))
def test_a_receipt_to_an_unconfirmed_address_quotes_nothing_typed(template):
    body = render_to_string(template, RECEIPTS[template])
    assert MARK not in body, [line for line in body.splitlines() if MARK in line]
    assert body.startswith("Hallo,") and len(body) > 100  # a greeting, and what happens next


@pytest.mark.parametrize(("subjects", "kind"), [
    (network.PLEDGE_SUBJECTS, "pledge_signed"), (network.PLEDGE_SUBJECTS, "pledge_new_link"),
    (network.STORY_SUBJECTS, "story_received"), (activities.SUBJECTS, "activity_registered"),
    (questions.QUESTION_SUBJECTS, "question_received"),
])  # fmt: skip
def test_the_subject_of_a_receipt_quotes_nothing_typed(subjects, kind):
    subject = subjects[kind].format(name=MARK, title=MARK, reference="R-1", theme="Bewegen")
    assert MARK not in subject


@pytest.mark.django_db
def test_a_question_receipt_sent_through_the_form_quotes_nothing(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    """The whole way: the public question form with a distinctive string in each field."""
    from kennislab.questions.models import Question
    from kennislab.questions.tests.conftest import question_data

    theme = Theme.objects.get(slug="leefstijl")
    data = question_data(theme, name=f"{MARK} naam\r\nBcc: x@example.org",
                         organisation=f"{MARK} organisatie", question=f"{MARK} vraag")  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/vragen/stel-je-vraag/", data)
    assert response.status_code in (302, 303), response.status_code
    question = Question.objects.get()
    assert question.name == f"{MARK} naam Bcc: x@example.org"  # one line
    (receipt,) = [m for m in mailoutbox if m.to == [data["email"]]]
    assert MARK not in receipt.subject and MARK not in receipt.body
    assert question.reference in receipt.body
