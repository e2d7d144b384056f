"""The question form's "Controleer leesbaarheid": it checks the question's plain Dutch (B1),
sends and stores nothing, keeps what was typed, and works without JavaScript."""

import html as html_lib

import pytest

from kennislab.core.models import OutgoingEmail
from kennislab.questions.models import Question

from .conftest import question_data

pytestmark = pytest.mark.django_db
ASK = "/vragen/stel-je-vraag/"
OFFICIAL = (
    "Indien mogelijk wil ik middels deze vraag informatie verkrijgen teneinde de implementatie "
    "van Positieve Gezondheid in onze gemeentelijke organisatie te bewerkstelligen, alsmede de "
    "samenwerking met maatschappelijke partners te optimaliseren."
)


def text(response) -> str:
    return html_lib.unescape(response.content.decode())


def test_the_form_offers_the_check_without_javascript(client, theme):
    html = text(client.get(ASK))
    assert 'name="actie" value="leesbaarheid"' in html
    assert f'formaction="{ASK}#leesbaarheid"' in html
    assert 'id="leesbaarheid"' not in html  # no report before asking


def test_checking_shows_the_report_and_sends_nothing(client, theme):
    data = question_data(theme, question=OFFICIAL, website="")
    response = client.post(ASK, {**data, "actie": "leesbaarheid"})
    assert response.status_code == 200
    html = text(response)
    assert 'id="leesbaarheid"' in html
    assert "Deze tekst is waarschijnlijk moeilijker dan taalniveau B1." in html
    assert "‘middels’: schrijf liever ‘met, via’" in html
    assert "Gemiddeld 29,0 woorden per zin; probeer er hoogstens 15." in html
    # what was typed comes back, without error messages
    assert 'value="Anna Testers"' in html and OFFICIAL in html
    assert f'<option value="{theme.slug}" selected>' in html
    assert "checked" in html.split('name="consent"')[1].split(">")[0]
    assert 'class="form-error"' not in html and "Fout:" not in html
    assert (Question.objects.count(), OutgoingEmail.objects.count()) == (0, 0)


def test_a_plain_question_passes_and_an_empty_one_gets_a_hint(client, theme):
    plain = ("Wij willen in onze wijk meer doen aan gezond eten. Hoe beginnen we? Wie kan ons "
             "helpen? We zijn een klein team van vier mensen en we hebben weinig geld.")  # fmt: skip
    html = text(client.post(ASK, {**question_data(theme, question=plain), "actie": "leesbaarheid"}))
    assert "Deze tekst is goed te lezen: taalniveau B1." in html
    short = text(client.post(ASK, {**question_data(theme, question="Hoe begin ik?"),
                                   "actie": "leesbaarheid"}))  # fmt: skip
    assert "Te weinig tekst om het taalniveau te bepalen." in short
    empty = text(client.post(ASK, {**question_data(theme, question="  "), "actie": "leesbaarheid"}))
    assert "Schrijf eerst je vraag." in empty
    assert Question.objects.count() == 0


def test_the_spam_trap_is_not_copied_into_the_checked_form(client, theme):
    data = question_data(theme, question=OFFICIAL, website="http://spam.example")
    html = text(client.post(ASK, {**data, "actie": "leesbaarheid"}))
    assert "spam.example" not in html


def test_a_failed_send_shows_the_report_too_and_a_question_above_b1_is_still_sent(client, theme):
    failed = client.post(ASK, question_data(theme, question=OFFICIAL, name=""))
    assert failed.status_code == 400
    assert 'id="leesbaarheid"' in text(failed)
    sent = client.post(ASK, question_data(theme, question=OFFICIAL))
    assert sent.status_code == 303
    assert Question.objects.get().question == OFFICIAL
