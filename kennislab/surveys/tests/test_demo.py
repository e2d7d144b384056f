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


def test_the_impact_demo_shows_a_voucher_example_with_results(client):
    import re
    from html import unescape

    from kennislab.surveys import demo_impact
    from kennislab.surveys.models import ImpactInvitation
    from kennislab.vouchers.models import Application, GoodExamplePage, Scheme, Status

    demo.load_demo()
    for spec in (demo_impact.VOUCHER_SURVEY, demo_impact.CHALLENGE_SURVEY):
        survey = SurveyPage.objects.get(slug=spec["slug"])
        assert survey.live and survey.invitation_only and survey.state() == "open"
        assert survey.questions()[0].kind == "scale"
    scheme = Scheme.objects.get(slug=demo_impact.PAST_SCHEME["slug"])
    assert (
        scheme.phase() == "closed"
        and scheme.impact_survey.slug == "vragenlijst-effect-kennisvoucher"
    )
    confirmed = Application.objects.filter(scheme=scheme, status=Status.CONFIRMED)
    assert confirmed.count() == len(demo_impact.PAST_VOUCHERS) == 8
    assert set(confirmed.values_list("province", flat=True)) >= {"zeeland", "limburg", "drenthe"}
    invitations = ImpactInvitation.objects.filter(application__scheme=scheme)
    assert invitations.count() == 8
    assert invitations.filter(response__isnull=False).count() == 7
    assert invitations.filter(declined_at__isnull=False).count() == 1

    example = GoodExamplePage.objects.get(slug=demo_impact.LINDEVELD)
    html = client.get(example.url).content.decode()
    page = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))
    assert "Gebruikt door 6 organisaties · 4,4 van 5" in page
    assert page.count("Een organisatie die de voucher gebruikte") == 2
    assert "Onze wijkwerkers vragen nu eerst" in page
    assert "plan gemaakt voor de komende twee jaar" not in page  # allowed, not yet read


def test_loading_the_impact_demo_twice_changes_nothing():
    from kennislab.surveys.models import ImpactInvitation
    from kennislab.vouchers.models import Application, GoodExamplePage, Scheme

    demo.load_demo()
    models = (Scheme, Application, GoodExamplePage, ImpactInvitation, SurveyResponse)
    before = [model.objects.count() for model in models]
    assert demo.load_demo().created == []
    assert [model.objects.count() for model in models] == before
