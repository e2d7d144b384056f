"""Fast without the page cache (issue 17, decision 0022): what is kept per cache generation (kennislab.core.memo: routes, theme links, filter counts,
cards, "Lees ook", static StreamField blocks, fragments) never shows what has changed since.

The page cache stays off here (test settings): every request renders."""

from datetime import timedelta
from unittest import mock

import pytest
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

from kennislab.content.models import KennislabIndexPage
from kennislab.core import routing

from .factories import ArticlePageFactory, ThemeIndexPageFactory, ThemePageFactory, theme

pytestmark = pytest.mark.django_db


# --- what is kept never outlives a change ----------------------------------------------------


def test_a_new_article_shows_at_once_on_the_listing_and_the_home_page(client):
    ArticlePageFactory(title="Eerste bericht")
    assert "Eerste bericht" in client.get("/kennislab/").content.decode()
    assert "Eerste bericht" in client.get("/").content.decode()
    ArticlePageFactory(title="Tweede bericht")
    assert "Tweede bericht" in client.get("/kennislab/").content.decode()
    assert "Tweede bericht" in client.get("/").content.decode()
    assert "2 items" in client.get("/kennislab/").content.decode()


def test_a_remembered_route_follows_unpublish_and_slug_changes(client):
    page = ArticlePageFactory(title="Verhuisd bericht", slug="oud-adres")
    old_url = page.url
    assert client.get(old_url).status_code == 200
    assert client.get(old_url).status_code == 200  # from the remembered route
    page.slug = "nieuw-adres"
    page.save_revision().publish()
    page.refresh_from_db()
    assert client.get(old_url).status_code == 404
    assert client.get(page.url).status_code == 200
    assert page.url in client.get("/kennislab/").content.decode()
    page.unpublish()
    assert client.get(page.url).status_code == 404


def test_a_view_restriction_applies_to_a_remembered_route(client):
    page = ArticlePageFactory(title="Straks besloten")
    assert "Straks besloten</h1>" in client.get(page.url).content.decode()
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim-genoeg"
    )
    shown = client.get(page.url).content.decode()
    assert 'name="password"' in shown and "Straks besloten</h1>" not in shown
    assert "Straks besloten" not in client.get("/kennislab/").content.decode()


def test_public_answers_as_wagtail_does(client):
    inside = ArticlePageFactory(title="Binnen")
    outside = ArticlePageFactory(title="Buiten")
    PageViewRestriction.objects.create(page=inside, restriction_type=PageViewRestriction.LOGIN)
    wagtail_q = Q()
    for restriction in PageViewRestriction.objects.select_related("page"):
        wagtail_q |= Page.objects.all().descendant_of_q(restriction.page, inclusive=True)
    expected = set(Page.objects.exclude(wagtail_q).values_list("pk", flat=True))
    assert set(Page.objects.public().values_list("pk", flat=True)) == expected
    assert outside.pk in expected and inside.pk not in expected
    assert PageQuerySet.private_q is routing.private_q


def test_theme_links_follow_the_theme_page(client):
    index = ThemeIndexPageFactory()
    theme_page = ThemePageFactory(parent=index, theme=theme("positieve-gezondheid"))
    article = ArticlePageFactory(themes=[theme("positieve-gezondheid")])
    assert f'href="{theme_page.url}"' in client.get(article.url).content.decode()
    theme_page.slug = "gezond-leven"
    theme_page.save_revision().publish()
    theme_page.refresh_from_db()
    assert f'href="{theme_page.url}"' in client.get(article.url).content.decode()
    theme_page.unpublish()
    shown = client.get(article.url).content.decode()
    assert "?thema=positieve-gezondheid" in shown


def test_a_call_to_action_follows_the_clock_while_the_text_around_it_is_kept(client):
    from kennislab.vouchers.tests.factories import build_voucher_site

    site = build_voucher_site(examples=1)
    site.set_phase("open")
    body = [
        {"type": "paragraph", "value": "<p>Vaste tekst rond de oproep.</p>"},
        {"type": "call_to_action", "value": {"title": "Doe mee", "text": "", "action": "voucher",
                                             "link_label": "", "page": None, "url": ""}},
    ]  # fmt: skip
    article = ArticlePageFactory(body=body)
    shown = client.get(article.url).content.decode()
    assert "Vaste tekst rond de oproep." in shown and f'href="{site.page.url}"' in shown
    later = timezone.now() + timedelta(days=2)  # the round has closed; nothing was saved
    with mock.patch("kennislab.content.actions.timezone.now", return_value=later):
        shown = client.get(article.url).content.decode()
    assert "Vaste tekst rond de oproep." in shown
    assert "geen kennisvoucherregeling open" in shown and f'href="{site.page.url}"' not in shown


def test_an_invalid_filter_is_reported_and_never_kept(client):
    ArticlePageFactory()
    assert "Een filter kon niet worden toegepast" in (
        client.get("/kennislab/?jaar=twintig").content.decode()
    )
    assert "Een filter kon niet worden toegepast" not in (
        client.get("/kennislab/?jaar=2025").content.decode()
    )
    assert "Een filter kon niet worden toegepast" in (
        client.get("/kennislab/?jaar=twintig").content.decode()
    )


def test_with_the_memo_off_every_request_reads_the_database(
    client, settings, django_assert_max_num_queries
):
    ArticlePageFactory()
    settings.DATA_CACHE_SECONDS = 0
    client.get("/kennislab/")
    # the pins (test_speed_pins) hold because of the memo
    with pytest.raises(pytest.fail.Exception), django_assert_max_num_queries(2):
        client.get("/kennislab/")
    assert KennislabIndexPage.objects.live().exists()
