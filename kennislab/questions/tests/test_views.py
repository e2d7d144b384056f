"""The public forms over HTTP: asking a question (routing, mails, bad input, CSRF) and
registering interest (duplicates, closed and unknown communities, bad input)."""

import html as html_lib
import re

import pytest
from django.test import Client

from kennislab.core.models import OutgoingEmail
from kennislab.questions.models import (
    InterestEvent,
    InterestRegistration,
    InterestStatus,
    LearningCommunity,
    Question,
    QuestionEvent,
    QuestionStatus,
)

from .conftest import interest_data, question_data

pytestmark = pytest.mark.django_db
ASK = "/vragen/stel-je-vraag/"


def text(response) -> str:
    return html_lib.unescape(response.content.decode())


def field_error(response, field: str) -> list[str]:
    pattern = (rf'<p class="form-error" id="id_{field}-fout"><span class="visually-hidden">'
               rf"Fout:</span> ([^<]*)</p>")  # fmt: skip
    return re.findall(pattern, text(response))


def nothing_stored() -> bool:
    return (Question.objects.count(), QuestionEvent.objects.count(),
            InterestRegistration.objects.count(), InterestEvent.objects.count(),
            OutgoingEmail.objects.count()) == (0, 0, 0, 0, 0)  # fmt: skip


def csrf_token_in(response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text(response)).group(1)


# --- asking a question --------------------------------------------------------------------------


def test_the_question_form(client, theme):
    response = client.get(ASK)
    assert response.status_code == 200
    html = text(response)
    assert "Stel je vraag aan de netwerkadviseur" in html
    for name in ("name", "email", "organisation", "phone", "theme", "question", "consent",
                 "website"):  # fmt: skip
        assert f'name="{name}"' in html, name
    assert f'<option value="{theme.slug}">' in html  # nothing selected


def test_the_theme_is_prefilled_from_the_url(client, theme):
    html = text(client.get(ASK + f"?thema={theme.slug}"))
    assert f'<option value="{theme.slug}" selected>' in html
    unknown = client.get(ASK + "?thema=bestaat-niet")
    assert unknown.status_code == 200
    assert '<option value="" selected>Kies een thema</option>' in text(unknown)


def test_a_question_is_routed_to_the_theme_adviser(client, theme, route, adviser):
    response = client.post(ASK, question_data(theme))
    assert response.status_code == 303
    assert response["Location"] == "/vragen/stel-je-vraag/verstuurd/"
    question = Question.objects.get()
    assert (question.theme, question.status, question.assigned_to) == (
        theme, QuestionStatus.OPEN, adviser)  # fmt: skip
    assert question.consent_text.startswith("Ik geef toestemming")
    event = question.events.get()
    assert (event.action, event.to_status, event.actor_label) == ("ask", "open", "vraagsteller")
    mails = {mail.to: mail for mail in OutgoingEmail.objects.all()}
    assert set(mails) == {"anna@voorbeeld.example", "leefstijl@kennislab.example"}
    ack = mails["anna@voorbeeld.example"]
    assert ack.subject == f"We hebben je vraag ontvangen ({question.reference})"
    # the receipt goes to an unconfirmed address: it quotes nothing typed (issue 14)
    assert "Hoe pak ik leefstijl" not in ack.body and "Anna" not in ack.body
    notice = mails["leefstijl@kennislab.example"]
    assert notice.subject == f"Nieuwe vraag over Leefstijl ({question.reference})"
    assert f"/admin/vragen/inspect/{question.pk}/" in notice.body
    assert "anna@voorbeeld.example" not in notice.body  # personal data stays in the admin


def test_without_an_adviser_the_question_waits_in_the_general_inbox(
    client, other_theme, coordinator, route
):
    response = client.post(ASK, question_data(other_theme))
    assert response.status_code == 303
    question = Question.objects.get()
    assert question.assigned_to is None
    assert "algemene inbox" in question.events.get().note
    recipients = sorted(OutgoingEmail.objects.values_list("to", flat=True))
    assert recipients == ["anna@voorbeeld.example", "coordinator@kennislab.example"]


def test_an_inactive_adviser_falls_back_to_the_general_inbox(client, theme, route, adviser):
    adviser.is_active = False
    adviser.save()
    client.post(ASK, question_data(theme))
    assert Question.objects.get().assigned_to is None


def test_the_confirmation_page_shows_nothing_personal(client, theme):
    response = client.post(ASK, question_data(theme), follow=True)
    html = text(response)
    assert response.status_code == 200
    assert "Dank je wel, je vraag is verstuurd" in html
    assert "Anna" not in html and "anna@voorbeeld.example" not in html
    assert "leefstijl aan in de wijk" not in html


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": ""}, "name", "Vul je naam in."),
        ({"email": ""}, "email", "Vul je e-mailadres in."),
        ({"email": "anna@"}, "email", "Vul een geldig e-mailadres in, zoals naam@organisatie.nl."),
        ({"theme": ""}, "theme", "Kies het thema van je vraag."),
        ({"theme": "bestaat-niet"}, "theme", "Kies een thema uit de lijst."),
        ({"question": ""}, "question", "Schrijf je vraag."),
        ({"question": "   "}, "question", "Schrijf je vraag."),
        ({"question": "x" * 3001}, "question", "Houd je vraag korter dan 3000 tekens."),
        ({"question": "x" * 100_000}, "question", "Houd je vraag korter dan 3000 tekens."),
        (
            {"phone": "bel me maar"},
            "phone",
            "Vul een telefoonnummer in met alleen cijfers, spaties, +, - of haakjes.",
        ),
        ({"consent": None}, "consent", "Geef toestemming om je vraag te kunnen beantwoorden."),
    ],
)
def test_bad_input_is_refused_in_dutch(client, theme, overrides, field, message):
    response = client.post(ASK, question_data(theme, **overrides))
    assert response.status_code == 400
    assert field_error(response, field) == [message]
    assert "Er is 1 ding niet goed ingevuld" in text(response)
    assert text(response).count("<title>Fout:") == 1
    assert nothing_stored()


def test_the_longest_question_is_accepted(client, theme):
    assert client.post(ASK, question_data(theme, question="x" * 3000)).status_code == 303
    assert len(Question.objects.get().question) == 3000


def test_the_spam_trap(client, theme):
    response = client.post(ASK, question_data(theme, website="http://spam.example"))
    assert response.status_code == 400
    assert "Dit formulier lijkt automatisch te zijn ingevuld en is niet verstuurd." in text(
        response
    )
    assert nothing_stored()


def test_a_tampered_csrf_token_is_refused(theme):
    client = Client(enforce_csrf_checks=True)
    token = csrf_token_in(client.get(ASK))
    tampered = token[:-4] + ("aaaa" if not token.endswith("aaaa") else "bbbb")
    response = client.post(ASK, question_data(theme, csrfmiddlewaretoken=tampered))
    assert response.status_code == 403
    assert "Formulier niet verstuurd" in text(response)
    assert nothing_stored()
    assert client.post(ASK, question_data(theme, csrfmiddlewaretoken=token)).status_code == 303


# --- interest registrations ---------------------------------------------------------------------


def interest_url(community) -> str:
    return f"/vragen/interesse/{community.slug}/"


def test_the_interest_form(client, community):
    response = client.get(interest_url(community))
    assert response.status_code == 200
    html = text(response)
    assert "Interesse in Health Transformation Community" in html and "Samen leren." in html
    for name in ("name", "email", "organisation", "role", "motivation", "consent", "website"):
        assert f'name="{name}"' in html, name


def test_registering_interest(client, community):
    response = client.post(interest_url(community),
                           interest_data(email="Bart@Voorbeeld.example", role="Adviseur"))  # fmt: skip
    assert response.status_code == 303
    assert response["Location"] == "/vragen/interesse/htc/aangemeld/"
    registration = InterestRegistration.objects.get()
    assert (registration.email, registration.status, registration.role) == (
        "bart@voorbeeld.example", InterestStatus.NEW, "Adviseur")  # fmt: skip
    assert registration.events.get().action == "register"
    mail = OutgoingEmail.objects.get()
    assert mail.to == "bart@voorbeeld.example"
    assert mail.subject == "Je interesse voor Health Transformation Community is ontvangen"
    done = text(client.get(response["Location"]))
    assert "we nemen contact met je op" in done and "Bart" not in done and "bart@" not in done


def test_one_active_registration_per_address(client, community):
    assert client.post(interest_url(community), interest_data()).status_code == 303
    again = client.post(interest_url(community), interest_data(email="BART@voorbeeld.example",
                                                               name="Bart Anders"))  # fmt: skip
    assert again.status_code == 409
    assert field_error(again, "email") == [
        "Met dit e-mailadres is al interesse gemeld voor Health Transformation Community. We "
        "nemen contact met je op; je hoeft je niet nog een keer aan te melden."
    ]
    assert "Bart Proef" not in text(again)  # the earlier registration is not echoed
    assert InterestRegistration.objects.count() == 1
    other = LearningCommunity.objects.create(name="Andere kring", slug="andere-kring")
    assert client.post(interest_url(other), interest_data()).status_code == 303


def test_after_not_suitable_one_may_register_again(client, community):
    client.post(interest_url(community), interest_data())
    InterestRegistration.objects.update(status=InterestStatus.NOT_SUITABLE)
    assert client.post(interest_url(community), interest_data()).status_code == 303
    assert InterestRegistration.objects.count() == 2


def test_a_closed_community_takes_no_registrations(client, community):
    community.is_open = False
    community.save()
    page = client.get(interest_url(community))
    assert page.status_code == 200
    assert "Aanmelden voor Health Transformation Community kan op dit moment niet." in text(page)
    assert 'name="email"' not in text(page)
    response = client.post(interest_url(community), interest_data())
    assert response.status_code == 409
    assert nothing_stored()


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_unknown_community(client, db, method):
    response = getattr(client, method)("/vragen/interesse/bestaat-niet/", interest_data())
    assert response.status_code == 404
    assert "Niet gevonden" in text(response)
    assert client.get("/vragen/interesse/bestaat-niet/aangemeld/").status_code == 404
    assert nothing_stored()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": ""}, "name", "Vul je naam in."),
        ({"email": "bart"}, "email", "Vul een geldig e-mailadres in, zoals naam@organisatie.nl."),
        ({"organisation": ""}, "organisation", "Vul de naam van je organisatie in."),
        ({"motivation": "x" * 100_000}, "motivation", "Houd je motivatie korter dan 2000 tekens."),
        ({"consent": None}, "consent", "Geef toestemming om je aanmelding te kunnen verwerken."),
    ],
)
def test_bad_interest_input(client, community, overrides, field, message):
    response = client.post(interest_url(community), interest_data(**overrides))
    assert response.status_code == 400
    assert field_error(response, field) == [message]
    assert nothing_stored()


def test_the_interest_spam_trap_and_csrf(community):
    client = Client(enforce_csrf_checks=True)
    token = csrf_token_in(client.get(interest_url(community)))
    trapped = client.post(interest_url(community),
                          interest_data(website="x", csrfmiddlewaretoken=token))  # fmt: skip
    assert trapped.status_code == 400
    assert "lijkt automatisch te zijn ingevuld" in text(trapped)
    forged = client.post(interest_url(community),
                         interest_data(csrfmiddlewaretoken=token[:-4] + "zzzz"))  # fmt: skip
    assert forged.status_code == 403 and "Formulier niet verstuurd" in text(forged)
    assert nothing_stored()
