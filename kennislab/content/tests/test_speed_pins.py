"""Fast without the page cache (issue 17, decision 0022): the hot pages' query counts on the demo
content, pinned so they cannot creep back. The page cache stays off here (test settings)."""

import pytest

from kennislab.content.models import ArticlePage, ItemType, ThemePage
from kennislab.core.testing import data_for_module

pytestmark = pytest.mark.django_db


# --- the query counts of the hot pages, on the demo content ----------------------------------


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    import io

    from django.core.management import call_command

    with data_for_module(django_db_blocker):
        call_command("load_demo", stdout=io.StringIO())
        yield


def demo_urls():
    article = (
        ArticlePage.objects.live().filter(contacts__isnull=False, themes__isnull=False).first()
    )
    theme_page = ThemePage.objects.live().first()
    return {
        "home": ("/", 2),
        "listing": ("/kennislab/", 2),
        "listing, filtered": (f"/kennislab/?soort={ItemType.NEWS}&pagina=1", 2),
        "article": (article.url, 4),
        "theme page": (theme_page.url, 4),
        "themes overview": ("/themas/", 3),
        "people": ("/netwerkadviseurs/", 3),
    }


@pytest.mark.parametrize(
    "name",
    ["home", "listing", "listing, filtered", "article", "theme page", "themes overview", "people"],
)
def test_the_hot_pages_read_the_database_a_few_times_at_most(
    demo, client, django_assert_max_num_queries, name
):
    url, most = demo_urls()[name]
    assert client.get(url).status_code == 200  # the first request after a change fills the memo
    with django_assert_max_num_queries(most):
        response = client.get(url)
    assert response.status_code == 200


def test_an_article_renders_the_same_from_the_memo(demo, client):
    article = ArticlePage.objects.live().filter(contacts__isnull=False).first()
    first = client.get(article.url).content.decode()
    second = client.get(article.url).content.decode()
    assert first == second
    assert article.title in second and "Lees ook" in second
