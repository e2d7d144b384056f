"""Good examples are found by the site search, as practice examples, and leave it when
unpublished."""

import pytest

from kennislab.search import indexer, service
from kennislab.vouchers.demo import VoucherDemoLoader
from kennislab.vouchers.models import GoodExamplePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed():
    VoucherDemoLoader(applications=False).load()
    indexer.rebuild()


def test_a_good_example_is_found_by_its_place_and_offer(indexed):
    found = service.search("Veenland regio brede gezondheid")
    assert found.results, "nothing found"
    top = found.results[0]
    assert top.title == GoodExamplePage.objects.get(slug="gezonde-regio-veenland").title
    assert top.type == "practice_example"
    assert top.url == "/kennisvouchers/positieve-gezondheid-2026/gezonde-regio-veenland/"


def test_an_unpublished_example_leaves_the_index(indexed, django_capture_on_commit_callbacks):
    page = GoodExamplePage.objects.get(slug="jongerenwerk-zilverdam")
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    titles = [result.title for result in service.search("jongerenwerk Zilverdam").results]
    assert page.title not in titles
