"""The demo content reads at taalniveau B1: every page the content app's demo makes, checked the
way the page editor's panel checks it (title, intro, text blocks)."""

import pytest
from wagtail.models import Page

from kennislab.content.demo.loader import load_demo
from kennislab.content.panels import page_text
from kennislab.core.readability import check
from kennislab.core.testing import data_for_module
from kennislab.questions.demo import COMMUNITIES

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with data_for_module(django_db_blocker):
        load_demo()
        yield


def test_every_demo_page_reads_at_b1(demo):
    pages = [page for page in Page.objects.live().specific() if page.depth > 1]
    assert len(pages) >= 40
    above = {
        page.url_path: check(page_text(page)).main_reason
        for page in pages
        if not check(page_text(page)).passes
    }
    assert above == {}


def test_the_learning_communities_read_at_b1():
    for community in COMMUNITIES:
        report = check(f"{community['name']}\n\n{community['description']}")
        assert report.passes, (community["slug"], report.reasons)
