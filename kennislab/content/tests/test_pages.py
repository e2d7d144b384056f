"""The public pages, rendered through the test client."""

import re
from datetime import date

import pytest
from django.test import RequestFactory

from kennislab.content.models import ArticleContact, ArticlePage, Domain
from kennislab.core.testing import data_for_module
from kennislab.core.testing_queries import HOSTILE_QUERIES
from kennislab.core.views import server_error

from .factories import (
    ArticlePageFactory,
    ContentPageFactory,
    PeopleIndexPageFactory,
    PersonFactory,
    ThemeIndexPageFactory,
    ThemePageFactory,
    theme,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    with data_for_module(django_db_blocker):
        yield build_site()


def build_site():
    """A small site: three themes with pages, advisers, and items of several kinds and years."""
    groen, leefstijl, werk = (
        theme("groen-en-gezondheid"),
        theme("leefstijl"),
        theme("werk-en-vitaliteit"),
    )
    themes_index = ThemeIndexPageFactory()
    for item in (groen, leefstijl):
        ThemePageFactory(parent=themes_index, theme=item)
    people = PeopleIndexPageFactory()
    adviser = PersonFactory(name="Sanne Veldkamp", role="Netwerkadviseur groen", themes=[groen])
    PersonFactory(name="Niet Zichtbaar", is_adviser=False)
    school = Domain.objects.get(code="school")
    articles = {
        "groen": ArticlePageFactory(
            title="Groene schoolpleinen werken",
            date=date(2025, 3, 18),
            item_type="practice_example",
            themes=[groen],
            domains=[school],
        ),
        "groen-oud": ArticlePageFactory(
            title="Natuur in de wijk", date=date(2023, 6, 1), themes=[groen, leefstijl]
        ),
        "werk": ArticlePageFactory(
            title="Vitale werkgevers", date=date(2024, 9, 9), item_type="publication", themes=[werk]
        ),
    }
    ArticleContact.objects.create(page=articles["groen"], person=adviser, sort_order=0)
    ArticleContact.objects.create(
        page=articles["groen"], role="Programmacoördinator", note="Bel gerust.", sort_order=1
    )
    ContentPageFactory(title="Privacyverklaring", slug="privacyverklaring")
    return {"articles": articles, "people": people, "adviser": adviser, "themes": themes_index}


def test_home_page(client, site):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl">' in html
    assert "Groene schoolpleinen werken" in html
    assert 'href="/themas/groen-en-gezondheid/"' in html
    assert 'href="/kennislab/"' in html
    assert "Ga direct naar de inhoud" in html
    # Menu: pages shown in menus; footer: the others.
    assert re.search(r'<nav class="main-nav".*href="/netwerkadviseurs/"', html, re.S)
    assert re.search(r'aria-label="Over deze site".*href="/privacyverklaring/"', html, re.S)


def test_security_headers_on_public_pages_and_admin(client, site):
    response = client.get("/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    admin = client.get("/admin/login/")
    assert admin.status_code == 200
    # the admin has a policy of its own (core/tests/test_security_headers.py)
    assert admin["Content-Security-Policy"] != response["Content-Security-Policy"]
    assert "default-src 'self'" in admin["Content-Security-Policy"]


def test_listing_shows_everything_newest_first(client, site):
    response = client.get("/kennislab/")
    titles = [a.title for a in response.context["articles"]]
    assert titles == ["Groene schoolpleinen werken", "Vitale werkgevers", "Natuur in de wijk"]
    assert "3 items" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("soort=publication", ["Vitale werkgevers"]),
        ("thema=groen-en-gezondheid", ["Groene schoolpleinen werken", "Natuur in de wijk"]),
        ("domein=school", ["Groene schoolpleinen werken"]),
        ("jaar=2023", ["Natuur in de wijk"]),
        ("thema=groen-en-gezondheid&jaar=2025", ["Groene schoolpleinen werken"]),
        ("thema=leefstijl&soort=publication", []),
    ],
)
def test_listing_filters(client, site, query, expected):
    response = client.get(f"/kennislab/?{query}")
    assert response.status_code == 200
    assert [a.title for a in response.context["articles"]] == expected


def test_filter_options_count_with_the_other_filters_applied(client, site):
    form = client.get("/kennislab/?thema=groen-en-gezondheid").context["filter_form"]
    assert dict(form.fields["soort"].choices) == {
        "": "Alle soorten",
        "news": "Nieuws (1)",
        "practice_example": "Praktijkvoorbeeld (1)",
    }
    assert dict(form.fields["thema"].choices)["werk-en-vitaliteit"] == "Werk en vitaliteit (1)"
    assert dict(form.fields["jaar"].choices) == {
        "": "Alle jaren",
        "2025": "2025 (1)",
        "2023": "2023 (1)",
    }


def test_invalid_filter_is_explained_and_ignored(client, site):
    response = client.get("/kennislab/?soort=bestaat-niet&thema=%3Cscript%3E&jaar=abc&pagina=-1")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Een filter kon niet worden toegepast" in html
    assert "Selecteer een geldige keuze" in html
    assert "<script>" not in html
    assert len(response.context["articles"]) == 3


def test_pagination(client, site):
    for number in range(11):
        ArticlePageFactory(title=f"Extra item {number}", date=date(2022, 1, number + 1))
    first = client.get("/kennislab/")
    assert len(first.context["articles"]) == 12
    assert 'href="?pagina=2"' in first.content.decode()
    second = client.get("/kennislab/?pagina=2")
    assert [a.title for a in second.context["articles"]] == ["Extra item 1", "Extra item 0"]
    assert client.get("/kennislab/?pagina=99").context["articles"].number == 2
    assert client.get("/kennislab/?pagina=abc").context["articles"].number == 1
    filtered = client.get("/kennislab/?jaar=2022&pagina=1").content.decode()
    assert "?jaar=2022&amp;pagina=2" not in filtered  # 11 items fit on one page


def test_article_page(client, site):
    response = client.get("/kennislab/groene-schoolpleinen-werken/")
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(
        r'aria-label="Kruimelpad".*Startpagina.*Kennislab.*Groene schoolpleinen werken', html, re.S
    )
    assert '<time datetime="2025-03-18">18 maart 2025</time>' in html
    assert "Praktijkvoorbeeld" in html
    assert "<h2>Wat we deden</h2>" in html
    # Contacts: a person card and a role-only contact with a note.
    assert "Sanne Veldkamp" in html and "Netwerkadviseur groen" in html
    assert 'href="mailto:' in html
    assert "Programmacoördinator" in html and "Bel gerust." in html
    # Related: the other item on the same theme.
    assert [a.title for a in response.context["read_also"]] == ["Natuur in de wijk"]  # fallback
    assert 'href="/themas/groen-en-gezondheid/"' in html
    assert 'href="/kennislab/?domein=school"' in html


def test_theme_without_page_links_to_the_filtered_listing(client, site):
    html = client.get("/kennislab/vitale-werkgevers/").content.decode()
    assert 'href="/kennislab/?thema=werk-en-vitaliteit"' in html


def test_theme_pages(client, site):
    index = client.get("/themas/")
    assert index.status_code == 200
    assert "Groen en gezondheid" in index.content.decode()
    response = client.get("/themas/groen-en-gezondheid/")
    html = response.content.decode()
    assert [a.title for a in response.context["articles"]] == [
        "Groene schoolpleinen werken",
        "Natuur in de wijk",
    ]
    assert "Sanne Veldkamp" in html
    assert 'name="thema"' not in html  # the theme is fixed on its own page
    narrowed = client.get("/themas/groen-en-gezondheid/?jaar=2023")
    assert [a.title for a in narrowed.context["articles"]] == ["Natuur in de wijk"]


def test_people_page_lists_advisers_only(client, site):
    html = client.get("/netwerkadviseurs/").content.decode()
    assert "Sanne Veldkamp" in html
    assert "Niet Zichtbaar" not in html
    assert "Helpt organisaties op weg." in html


def test_not_found_page_is_dutch(client, site):
    response = client.get("/bestaat-echt-niet/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Deze pagina bestaat niet (meer)" in html
    assert '<html lang="nl">' in html


def test_server_error_page_is_dutch():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_search_never_fails(client, site, query):
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200
    assert ArticlePage.objects.count() == 3


def test_admin_edit_forms_render(admin_client, site):
    article = site["articles"]["groen"]
    assert admin_client.get(f"/admin/pages/{article.pk}/edit/").status_code == 200
    index_id = article.get_parent().pk
    assert admin_client.get(f"/admin/pages/add/content/articlepage/{index_id}/").status_code == 200
    assert admin_client.get("/admin/snippets/content/theme/").status_code == 200
    assert admin_client.get("/admin/snippets/content/person/").status_code == 200
    assert (
        admin_client.get(f"/admin/snippets/content/person/edit/{site['adviser'].pk}/").status_code
        == 200
    )
