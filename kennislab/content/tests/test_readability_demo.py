"""The demo content reads at taalniveau B1: every live page the whole demo makes (`manage.py
load_demo`: the content app and every app in settings.DEMO_LOADERS), checked the way the page
editor's panel checks it (title, intro, text blocks). Pages with too little text to judge (forms,
listings) get no verdict and pass."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from kennislab.content.panels import page_text
from kennislab.content.text import stream_text
from kennislab.core.readability import check
from kennislab.core.testing import data_for_module
from kennislab.questions.demo import COMMUNITIES

pytestmark = pytest.mark.django_db

# A page type of each app whose demo makes pages, so that a loader that stops making its pages
# cannot make this check pass by checking less.
EXPECTED_TYPES = {
    "ArticlePage", "ContentPage", "ThemePage", "VoucherSchemePage", "GoodExamplePage",
    "VignetPage", "ChallengePage", "SurveyPage",
}  # fmt: skip


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with data_for_module(django_db_blocker):
        call_command("load_demo", verbosity=0)
        yield


def _live_pages():
    return [page for page in Page.objects.live().specific() if page.depth > 1]


def _above_b1(texts):
    """{key: (Flesch-Douma, first reason)} for the texts that read above B1."""
    reports = {key: check(text) for key, text in texts.items()}
    return {
        key: (round(report.flesch_douma, 1), report.main_reason)
        for key, report in reports.items()
        if not report.passes
    }


def test_every_demo_page_reads_at_b1(demo):
    pages = _live_pages()
    assert len(pages) >= 70
    assert {type(page).__name__ for page in pages} >= EXPECTED_TYPES
    assert _above_b1({page.url_path: page_text(page) for page in pages}) == {}


def test_the_good_examples_read_at_b1_with_their_offer(demo):
    """A good example's page also shows what the expert offers and who it is for."""
    from kennislab.vouchers.models import GoodExamplePage

    examples = GoodExamplePage.objects.live()
    assert examples.count() >= 11
    texts = {
        page.slug: "\n\n".join((page_text(page), stream_text(page.offer), page.audience))
        for page in examples
    }
    assert _above_b1(texts) == {}


def test_the_learning_communities_read_at_b1():
    for community in COMMUNITIES:
        report = check(f"{community['name']}\n\n{community['description']}")
        assert report.passes, (community["slug"], report.reasons)
