"""load_demo: coverage of the demo content, idempotency, and the --if-empty switch."""

import io
import re

import pytest
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from kennislab.content.demo import data
from kennislab.content.demo.pdf import simple_pdf
from kennislab.content.models import (
    ArticlePage,
    ContentPage,
    Domain,
    ItemType,
    Person,
    Theme,
    ThemePage,
)
from kennislab.core.testing import data_for_module

pytestmark = pytest.mark.django_db


def load(*args):
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with data_for_module(django_db_blocker):
        load()
        yield


def test_demo_covers_every_type_theme_and_domain(demo):
    articles = ArticlePage.objects.live()
    assert articles.count() >= 15
    assert set(articles.values_list("item_type", flat=True)) == set(ItemType.values)
    for theme in Theme.objects.all():
        assert theme.articles.live().count() >= 2, theme.name
        assert ThemePage.objects.live().filter(theme=theme).exists(), theme.name
    for domain in Domain.objects.all():
        assert domain.articles.live().count() >= 2, domain.name
    assert Person.objects.filter(is_adviser=True).count() >= 4
    assert set(ContentPage.objects.values_list("slug", flat=True)) >= {
        "over-het-kennislab",
        "privacyverklaring",
        "toegankelijkheid",
    }


def test_demo_links_between_pages_resolve(demo):
    for page in ArticlePage.objects.live():
        for block in page.body:
            if block.block_type == "related_item":
                assert block.value["page"] is not None, (page.title, block.value["title"])
    linked = [
        block
        for page in ThemePage.objects.all()
        for block in page.body
        if block.block_type == "call_to_action" and block.value["page"]
    ]
    assert linked, "theme pages link to articles"


def test_demo_downloads_are_real_pdfs(demo):
    documents = get_document_model().objects.all()
    assert documents.exists()
    for document in documents:
        with document.file.open("rb") as handle:
            content = handle.read()
        assert content.startswith(b"%PDF-1.4") and content.rstrip().endswith(b"%%EOF")


def test_demo_uses_invented_contact_details_only():
    text = repr((data.PEOPLE, data.ARTICLES, data.THEME_PAGES, data.CONTENT_PAGES, data.HOME))
    for address in re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text):
        assert address.endswith("@kennislab.example"), address
    for url in re.findall(r"https?://[^\s'\"]+", text):
        assert url.startswith("https://www.example.org/"), url
    for person in data.PEOPLE:
        assert person["phone"] == "" or person["phone"].startswith("030 000 00")


def test_load_demo_is_idempotent(demo):
    pages, revisions = Page.objects.count(), Revision.objects.count()
    people = Person.objects.count()
    assert "niets veranderd" in load()
    assert (Page.objects.count(), Revision.objects.count(), Person.objects.count()) == (
        pages,
        revisions,
        people,
    )


def test_editor_changes_survive_a_second_run(demo):
    article = ArticlePage.objects.live().first()
    article.title = "Door de redactie aangepast"
    article.save_revision().publish()
    load()
    assert ArticlePage.objects.get(pk=article.pk).title == "Door de redactie aangepast"


def test_home_page_of_the_demo(client, demo):
    response = client.get("/")
    html = response.content.decode()
    internal = set(re.findall(r'href="(/[^"/][^"]*|/)"', html))
    assert len(internal) >= 10
    assert len(response.context["latest_articles"]) == 8
    for cta in data.HOME["calls_to_action"]:
        assert cta["title"] in html


def test_every_demo_page_renders(client, demo):
    for page in Page.objects.live().specific().filter(depth__gte=2):
        response = client.get(page.url)
        assert response.status_code == 200, page.url


def test_simple_pdf_spans_pages_and_escapes():
    pdf = simple_pdf("Titel (met haakjes)", ["Een zin met é en \\ teken."] * 80)
    assert pdf.count(b"/Type /Page ") >= 2
    assert b"Titel \\(met haakjes\\)" in pdf
