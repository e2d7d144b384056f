"""The public survey form end to end: answers stored with nothing personal, the answered cookie,
closed and not-yet-open surveys, every kind of bad input (a Dutch message and nothing stored),
CSRF, the rate limit and the page cache."""

from datetime import datetime, time, timedelta
from html import unescape

import pytest
from django.test import Client
from django.utils import timezone

from kennislab.surveys.models import SurveyResponse

from .conftest import KEYS, valid_post

pytestmark = pytest.mark.django_db


def test_the_questions_have_the_expected_keys(survey):
    assert [question.key for question in survey.questions()] == KEYS


def test_the_empty_form(client, survey):
    response = client.get(survey.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<fieldset" in html and "<legend" in html
    assert 'name="themas"' in html and 'type="checkbox"' in html
    assert "1 – Laag" in html and "Wil ik niet zeggen" in html
    assert "geen naam, e-mailadres of IP-adres" in html
    assert 'name="website"' in html and "csrfmiddlewaretoken" in html
    assert "<script>" not in html and "style=" not in html
    assert 'name="consent"' not in html  # nothing personal is stored, so no consent box
    assert "no-cache" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_response_stores_only_the_answers_region_and_day(client, survey):
    response = client.post(survey.url, valid_post(), REMOTE_ADDR="203.0.113.9",
                           HTTP_USER_AGENT="Testbrowser")  # fmt: skip
    assert response.status_code == 303
    assert response["Location"].endswith("?bedankt=1")
    stored = SurveyResponse.objects.get()
    assert stored.page_id == survey.pk
    assert stored.form_data == {
        "themas": ["Roken", "Eenzaamheid"],
        "urgentie": "3",
        "rol": "GGD",
        "toelichting": "Meer aandacht voor eenzaamheid.",
        "gemeente": "",
    }
    assert stored.region == "utrecht"
    midnight = timezone.make_aware(datetime.combine(timezone.localdate(), time.min))
    assert stored.submit_time == midnight
    fields = {field.name for field in SurveyResponse._meta.get_fields()}
    assert fields == {"id", "page", "form_data", "submit_time", "region"}
    everything = repr(list(SurveyResponse.objects.values()))
    assert "203.0.113.9" not in everything and "Testbrowser" not in everything

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "Bedankt voor het meedoen aan de test." in thanks.content.decode()


def test_the_cookie_says_answered_and_offers_no_form(client, survey):
    client.post(survey.url, valid_post())
    cookie = client.cookies[f"vragenlijst-{survey.pk}"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert "Roken" not in cookie.value and "utrecht" not in cookie.value
    html = client.get(survey.url).content.decode()
    assert "Je hebt deze vragenlijst al ingevuld" in html
    assert "<form" not in html.split("<main", 1)[-1]
    assert "Vul de vragenlijst in als iemand anders" in html
    # a second post without choosing "someone else" stores nothing
    again = client.post(survey.url, valid_post())
    assert again.status_code == 400
    assert "Je hebt deze vragenlijst al ingevuld. Er is niets opgeslagen." in again.content.decode()
    assert SurveyResponse.objects.count() == 1


def test_someone_else_on_the_same_computer(client, survey):
    client.post(survey.url, valid_post())
    page = client.get(survey.url + "?ander=1").content.decode()
    assert "Je vult de vragenlijst in als iemand anders" in page and "<form" in page
    response = client.post(survey.url + "?ander=1", valid_post(rol="Gemeente"))
    assert response.status_code == 303
    assert SurveyResponse.objects.count() == 2


def test_a_forged_cookie_is_ignored(client, survey):
    client.cookies[f"vragenlijst-{survey.pk}"] = "1"
    html = client.get(survey.url).content.decode()
    assert "Je hebt deze vragenlijst al ingevuld" not in html


def test_the_cookie_of_another_survey_does_not_count(client, survey, make_survey):
    other = make_survey()
    client.post(other.url, valid_post())
    assert client.post(survey.url, valid_post()).status_code == 303


@pytest.mark.parametrize(
    ("opens_in", "closes_in", "message"),
    [
        (timedelta(days=2), None, "Deze vragenlijst is nog niet open"),
        (timedelta(days=-10), timedelta(days=-1), "Deze vragenlijst is gesloten"),
    ],
)
def test_not_open_says_so_and_stores_nothing(client, make_survey, opens_in, closes_in, message):
    page = make_survey(opens_in=opens_in, closes_in=closes_in)
    html = client.get(page.url).content.decode()
    assert message in html and 'name="themas"' not in html
    response = client.post(page.url, valid_post())
    assert response.status_code == 400
    assert "Er is niets opgeslagen" in response.content.decode()
    assert SurveyResponse.objects.count() == 0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (valid_post(themas=None), "Kies minstens één antwoord bij ‘Thema's’."),
        (valid_post(urgentie=None), "Kies een antwoord bij ‘Urgentie’."),
        (valid_post(rol=""), "Kies een antwoord bij ‘Rol’."),
        (valid_post(rol="Burgemeester"), "Kies een van de antwoorden die bij de vraag staan."),
        (valid_post(themas=["Roken", "Drugs"]), "Kies een van de antwoorden die bij de vraag"),
        (valid_post(urgentie="9"), "Kies een van de antwoorden die bij de vraag staan."),
        (valid_post(region="atlantis"), "Kies een van de antwoorden die bij de vraag staan."),
        (valid_post(toelichting="x" * 100_000), "gebruik hoogstens 2000 tekens"),
        (valid_post(gemeente="y" * 300), "gebruik hoogstens 255 tekens"),
        (valid_post(website="https://spam.example"), "automatisch te zijn ingevuld"),
    ],
)
def test_bad_input_gives_a_dutch_message_and_stores_nothing(client, survey, data, message):
    response = client.post(survey.url, data)
    assert response.status_code == 400
    html = unescape(response.content.decode())
    assert message in html
    assert "Er is nog niets opgeslagen" in html  # the error summary
    assert "<title>Fout:" in html
    assert SurveyResponse.objects.count() == 0
    assert f"vragenlijst-{survey.pk}" not in response.cookies


def test_all_missing_lists_every_required_question(client, survey):
    html = client.post(survey.url, {"website": ""}).content.decode()
    assert "Er zijn 3 dingen niet goed ingevuld" in html
    assert 'href="#id_themas"' in html and 'id="id_themas"' in html
    assert 'aria-invalid="true"' in html


def test_a_tampered_csrf_token_is_refused(survey):
    client = Client(enforce_csrf_checks=True)
    client.get(survey.url)
    data = valid_post(csrfmiddlewaretoken="x" * 64)
    response = client.post(survey.url, data)
    assert response.status_code == 403
    assert SurveyResponse.objects.count() == 0
    token = client.cookies["csrftoken"].value
    assert client.post(survey.url, valid_post(csrfmiddlewaretoken=token)).status_code == 303


def test_posts_are_rate_limited(client, survey, settings):
    settings.RATE_LIMITS_ENABLED = True
    statuses = [client.post(survey.url, {"website": ""}).status_code for _ in range(61)]
    assert statuses[:60] == [400] * 60 and statuses[60] == 429
    assert client.get(survey.url).status_code == 200  # reading is not limited


def test_the_page_is_never_served_from_the_page_cache(client, survey, settings):
    settings.PAGE_CACHE_SECONDS = 600
    first = client.get(survey.url)
    client.post(survey.url, valid_post())
    second = client.get(survey.url)
    assert first.get("X-Page-Cache") != "hit" and second.get("X-Page-Cache") != "hit"
    assert "Je hebt deze vragenlijst al ingevuld" in second.content.decode()


def test_without_the_region_question(client, make_survey):
    page = make_survey(ask_region=False)
    html = client.get(page.url).content.decode()
    assert 'name="region"' not in html
    assert client.post(page.url, valid_post()).status_code == 303
    assert SurveyResponse.objects.get().region == ""
