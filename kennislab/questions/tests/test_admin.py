"""The back office: who sees which question (advisers only theirs, coordinators all, others
none), answering and closing (mailed, logged), interest registrations (handle permission), the
filters, exports, snippets, and that nobody adds, edits or deletes records by hand."""

import pytest
from django.contrib.auth.models import User

from kennislab.core import inbox
from kennislab.core.models import OutgoingEmail
from kennislab.questions import services
from kennislab.questions.models import (
    InterestRegistration,
    InterestStatus,
    Question,
    QuestionEvent,
    QuestionStatus,
)

from .conftest import staff

pytestmark = pytest.mark.django_db
QUESTIONS = "/admin/vragen/"
INTEREST = "/admin/interesse/"


def ask(theme, **overrides) -> Question:
    data = {"theme": theme, "name": "Anna Testers", "email": "anna@voorbeeld.example",
            "organisation": "", "phone": "", "question": "Hoe begin ik?", **overrides}  # fmt: skip
    return services.ask(data, "Ik geef toestemming.")


@pytest.fixture
def mine(route, theme):
    return ask(theme, name="Vraag Voor Adviseur")


@pytest.fixture
def not_mine(route, other_theme):
    return ask(other_theme, name="Vraag Voor Iemand Anders")


def test_an_adviser_sees_only_their_own_questions(client, adviser, mine, not_mine):
    client.force_login(adviser)
    listing = client.get(QUESTIONS)
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Vraag Voor Adviseur" in html and "Vraag Voor Iemand Anders" not in html
    assert client.get(f"{QUESTIONS}inspect/{mine.pk}/").status_code == 200
    response = client.get(f"{QUESTIONS}inspect/{not_mine.pk}/")
    assert response.status_code in (302, 403)
    assert b"Vraag Voor Iemand Anders" not in response.content
    refused = client.post(f"{QUESTIONS}inspect/{not_mine.pk}/",
                          {"action": "answer", "text": "Gekaapt"})  # fmt: skip
    assert refused.status_code in (302, 403)
    assert Question.objects.get(pk=not_mine.pk).status == QuestionStatus.OPEN
    export = client.get(QUESTIONS + "?export=csv")
    assert export.status_code == 200
    body = b"".join(export.streaming_content if export.streaming else [export.content]).decode()
    assert "Vraag Voor Adviseur" in body and "Vraag Voor Iemand Anders" not in body


def test_staff_without_permissions_see_no_questions(client, mine):
    client.force_login(staff("redacteur"))
    for url in (QUESTIONS, f"{QUESTIONS}inspect/{mine.pk}/", INTEREST):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert b"Vraag Voor Adviseur" not in response.content


def test_a_coordinator_sees_all_and_filters_mine(client, coordinator, mine, not_mine):
    client.force_login(coordinator)
    html = client.get(QUESTIONS).content.decode()
    assert "Vraag Voor Adviseur" in html and "Vraag Voor Iemand Anders" in html
    nobody = client.get(QUESTIONS + "?mine=niemand").content.decode()
    assert "Vraag Voor Iemand Anders" in nobody and "Vraag Voor Adviseur" not in nobody
    assert "Vraag Voor" not in client.get(QUESTIONS + "?mine=mij").content.decode()
    by_theme = client.get(QUESTIONS + f"?theme={mine.theme_id}").content.decode()
    assert "Vraag Voor Adviseur" in by_theme and "Vraag Voor Iemand Anders" not in by_theme
    xlsx = client.get(QUESTIONS + "?export=xlsx")
    assert xlsx.status_code == 200
    assert "spreadsheetml" in xlsx["Content-Type"]


def test_a_viewer_cannot_answer(client, mine):
    client.force_login(staff("kijker", "view_question"))
    page = client.get(f"{QUESTIONS}inspect/{mine.pk}/").content.decode()
    assert "Vraag Voor Adviseur" in page and 'name="action"' not in page
    response = client.post(f"{QUESTIONS}inspect/{mine.pk}/", {"action": "answer", "text": "x"})
    assert response.status_code in (302, 403)
    assert Question.objects.get(pk=mine.pk).status == QuestionStatus.OPEN


def test_the_adviser_answers_and_the_answer_is_mailed(client, adviser, mine):
    client.force_login(adviser)
    url = f"{QUESTIONS}inspect/{mine.pk}/"
    page = client.get(url).content.decode()
    assert 'name="action"' in page and 'name="text"' in page and "Geschiedenis" in page
    answer = "Begin met een gesprek met de GGD.\nBel me gerust."
    response = client.post(url, {"action": "answer", "text": answer}, follow=True)
    assert response.status_code == 200
    assert f"Vraag {mine.reference} is beantwoord; het antwoord is naar de vraagsteller" in (
        response.content.decode()
    )
    question = Question.objects.get(pk=mine.pk)
    assert (question.status, question.answer) == (QuestionStatus.ANSWERED, answer)
    log = QuestionEvent.objects.filter(question=question).last()
    assert (log.action, log.from_status, log.to_status, log.actor, log.note) == (
        "answer", "open", "answered", adviser, answer)  # fmt: skip
    mail = OutgoingEmail.objects.filter(to="anna@voorbeeld.example").order_by("pk").last()
    assert mail.subject == f"Antwoord op je vraag ({mine.reference})"
    assert answer in mail.body and "Hoe begin ik?" in mail.body
    assert 'name="action"' not in response.content.decode()  # answered: nothing left to do
    again = client.post(url, {"action": "close", "text": "Nog eens"})
    assert again.status_code == 400
    assert Question.objects.get(pk=mine.pk).status == QuestionStatus.ANSWERED


def test_closing_needs_a_note(client, adviser, mine):
    client.force_login(adviser)
    url = f"{QUESTIONS}inspect/{mine.pk}/"
    mails = OutgoingEmail.objects.count()
    response = client.post(url, {"action": "close", "text": ""})
    assert response.status_code == 400
    assert "Schrijf het antwoord of de toelichting voor de vraagsteller." in (
        response.content.decode())  # fmt: skip
    assert OutgoingEmail.objects.count() == mails
    assert client.post(url, {"action": "close", "text": "Dubbel gesteld."}).status_code == 302
    question = Question.objects.get(pk=mine.pk)
    assert question.status == QuestionStatus.CLOSED
    mail = OutgoingEmail.objects.filter(to="anna@voorbeeld.example").order_by("pk").last()
    assert mail.subject == f"Je vraag is afgehandeld ({mine.reference})"
    assert "Dubbel gesteld." in mail.body


def test_a_coordinator_answering_an_unassigned_question_takes_it(coordinator, not_mine):
    services.answer_question(not_mine.pk, "answer", "Zo doe je dat.", coordinator)
    assert Question.objects.get(pk=not_mine.pk).assigned_to == coordinator


# --- interest registrations ---------------------------------------------------------------------


@pytest.fixture
def registration(community):
    return services.register_interest(
        community.pk, {"name": "Bart Proef", "email": "bart@voorbeeld.example",
                       "organisation": "Gemeente Proefstad"}, "Ik geef toestemming.",
    )  # fmt: skip


def test_handling_interest(client, registration):
    client.force_login(staff("coach", "view_interestregistration", "handle_interest"))
    listing = client.get(INTEREST + f"?community={registration.community_id}&status=new")
    assert listing.status_code == 200 and "Bart Proef" in listing.content.decode()
    url = f"{INTEREST}inspect/{registration.pk}/"
    assert client.post(url, {"action": "contact", "note": ""}).status_code == 400
    assert client.post(url, {"action": "contact", "note": "Ik bel je maandag."}).status_code == 302
    stored = InterestRegistration.objects.get(pk=registration.pk)
    assert (stored.status, stored.note) == (InterestStatus.CONTACTED, "Ik bel je maandag.")
    mail = OutgoingEmail.objects.filter(to="bart@voorbeeld.example").order_by("pk").last()
    assert "Ik bel je maandag." in mail.body
    assert client.post(url, {"action": "decline", "note": "Niet de doelgroep."}).status_code == 302
    stored.refresh_from_db()
    assert stored.status == InterestStatus.NOT_SUITABLE
    steps = [(e.action, e.to_status) for e in stored.events.all()]
    assert steps == [("register", "new"), ("contact", "contacted"), ("decline", "not_suitable")]
    assert client.post(url, {"action": "contact", "note": "x"}).status_code == 400
    export = client.get(INTEREST + "?export=csv")
    assert export.status_code == 200


def test_viewing_interest_without_handle_permission(client, registration):
    client.force_login(staff("lezer", "view_interestregistration"))
    page = client.get(f"{INTEREST}inspect/{registration.pk}/").content.decode()
    assert "Bart Proef" in page and 'name="action"' not in page
    response = client.post(f"{INTEREST}inspect/{registration.pk}/",
                           {"action": "contact", "note": "x"})  # fmt: skip
    assert response.status_code in (302, 403)
    assert InterestRegistration.objects.get(pk=registration.pk).status == InterestStatus.NEW


def test_nobody_adds_edits_or_deletes_records(client, mine, registration):
    client.force_login(User.objects.create_superuser("baas", password="x"))
    for base, pk in ((QUESTIONS, mine.pk), (INTEREST, registration.pk)):
        for url in (f"{base}new/", f"{base}edit/{pk}/", f"{base}delete/{pk}/"):
            assert client.get(url).status_code in (302, 403, 404), url
        assert client.post(f"{base}delete/{pk}/").status_code in (302, 403, 404)
    assert Question.objects.filter(pk=mine.pk).exists()
    assert InterestRegistration.objects.filter(pk=registration.pk).exists()


def test_snippets_and_the_menu(client, adviser):
    client.force_login(User.objects.create_superuser("baas", password="x"))
    assert client.get("/admin/snippets/questions/learningcommunity/").status_code == 200
    assert client.get("/admin/snippets/questions/adviserroute/add/").status_code == 200
    client.force_login(adviser)
    menu = client.get("/admin/").content.decode()
    assert "Mijn vragen" in menu


def test_inbox_sources(coordinator, mine, registration):
    questions, interest = inbox.SOURCES["questions"], inbox.SOURCES["interest"]
    assert list(questions.waiting()) == [mine]
    assert questions.admin_url(mine) == f"{QUESTIONS}inspect/{mine.pk}/"
    assert list(interest.waiting()) == [registration]
    assert interest.admin_url(registration) == f"{INTEREST}inspect/{registration.pk}/"
    assert questions in inbox.sources_for(coordinator)
    assert interest not in inbox.sources_for(coordinator)
    assert mine.assigned_to is not None  # routing fills the inbox's assignment


def test_an_adviser_sees_only_their_own_questions_in_the_inbox(client, adviser, coordinator,
                                                               mine, not_mine):  # fmt: skip
    questions = inbox.SOURCES["questions"]
    assert list(questions.waiting_for(adviser)) == [mine]
    assert set(questions.waiting_for(coordinator)) == {mine, not_mine}
    client.force_login(adviser)
    html = client.get("/admin/inbox/").content.decode()
    assert f"/inspect/{mine.pk}/" in html and f"/inspect/{not_mine.pk}/" not in html
    client.post("/admin/inbox/", {"bron": "questions", "id": not_mine.pk, "aan": "mij"})
    assert Question.objects.get(pk=not_mine.pk).assigned_to is None  # not theirs to take
