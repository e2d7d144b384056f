"""The surveys demo: the prevention survey, open now, with 40 invented responses spread over the
provinces; loading it twice changes nothing."""

import pytest

from kennislab.surveys import demo
from kennislab.surveys.models import SurveyPage, SurveyResponse
from kennislab.surveys.results import aggregate, region_counts
from kennislab.surveys.wagtail_hooks import plain_responses

pytestmark = pytest.mark.django_db


def test_the_demo_survey_and_its_responses(client):
    report = demo.load_demo()
    assert report.created
    page = SurveyPage.objects.get(slug=demo.SLUG)
    assert page.live and page.state() == "open"
    kinds = [question.kind for question in page.questions()]
    assert kinds == ["checkboxes", "scale", "radio", "multiline"]
    assert SurveyResponse.objects.filter(page=page).count() == 40
    responses = plain_responses(page)
    results = aggregate(page.questions(), responses)
    assert results[0].answered == 40
    assert {option.label for option in results[0].options} == set(demo.THEMES)
    assert all(option.count for option in results[0].options)
    assert len(region_counts(responses)) >= 8
    assert client.get(page.url).status_code == 200


def test_loading_twice_changes_nothing():
    demo.load_demo()
    before = (SurveyPage.objects.count(), SurveyResponse.objects.count())
    assert demo.load_demo().created == []
    assert (SurveyPage.objects.count(), SurveyResponse.objects.count()) == before
