"""The plain-Dutch (B1) panel in the page editor (content/panels.py) and its admin-only check
while typing (wagtail_hooks.py): shown on the server, checked again from the unsaved form,
nothing stored, only for who may edit."""

import json

import pytest
from django.contrib.auth.models import Group, Permission, User
from wagtail.models import Revision

from kennislab.content.models import ArticlePage
from kennislab.content.panels import page_text
from kennislab.content.site import ensure_kennislab_index
from kennislab.core.readability import check

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

OFFICIAL = (
    "Indien u middels dit formulier een verzoek indient, dient u tevens de relevante stukken mee "
    "te sturen. Wij trachten uw verzoek binnen vier weken af te handelen. Teneinde de voortgang "
    "te bewaken, wordt uw aanvraag geregistreerd in ons systeem."
)
PLAIN = (
    "In de Lindestraat koken buren elke dinsdag samen. Ze kiezen een recept en kopen de "
    "boodschappen bij de markt. Daarna eten ze aan één lange tafel. Wie wil, neemt een bakje "
    "mee naar huis. Zo eet niemand alleen."
)


@pytest.fixture
def editor(client):
    client.force_login(User.objects.create_superuser("redacteur", "r@kennislab.example", "x"))
    return client


@pytest.fixture
def article():
    return ArticlePageFactory(
        title="Samen koken in de buurt",
        intro=PLAIN,
        body=[
            {"type": "heading", "value": {"text": "Hoe het begon", "level": "h2"}},
            {"type": "paragraph", "value": f"<p>{OFFICIAL}</p>"},
            {"type": "call_to_action", "value": {"title": "Doe mee", "text": "Ondanks alles.",
                                                 "action": "", "link_label": "", "page": None,
                                                 "url": ""}},
        ],
    )  # fmt: skip


def form_data(title, intro, paragraph):
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    return nested_form_data({
        "title": title, "slug": "samen-koken", "date": "2025-03-18", "item_type": "news",
        "intro": intro, "body": streamfield([("paragraph", rich_text(f"<p>{paragraph}</p>"))]),
        "contacts": inline_formset([]), "comments": inline_formset([]),
    })  # fmt: skip


def test_page_text_is_title_intro_and_text_blocks(article):
    text = page_text(article)
    assert text.split("\n\n") == ["Samen koken in de buurt", PLAIN, "Hoe het begon", OFFICIAL]
    assert "Doe mee" not in text  # calls to action are not read as text
    assert page_text(article, title="Ander").startswith("Ander\n\n")


def test_the_editor_shows_the_report_of_the_saved_text(editor, article):
    response = editor.get(f"/admin/pages/{article.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Leesbaarheid (taalniveau B1)" in html
    assert f'data-url="/admin/leesbaarheid/pagina/{article.pk}/"' in html
    assert "‘middels’: schrijf liever ‘met, via’" in html
    assert check(page_text(article)).summary in html
    # its script and style sheet are files (the admin's CSP forbids inline ones)
    assert "content/js/readability-panel.js" in html
    assert "content/css/readability-panel.css" in html


def test_the_report_follows_what_the_editor_types_without_saving(editor, article):
    revisions = Revision.objects.count()
    url = f"/admin/leesbaarheid/pagina/{article.pk}/"

    response = editor.post(url, form_data("Samen koken", PLAIN, OFFICIAL))
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["verdict"] == "above_b1"
    assert [hit["word"] for hit in data["hard_words"]][:2] == ["indien", "middels"]
    assert "‘Indien’: schrijf liever ‘als’" in data["html"]

    plain = json.loads(editor.post(url, form_data("Samen koken", PLAIN, PLAIN)).content)
    assert plain["verdict"] == "b1"
    assert plain["hard_words"] == []
    assert plain["words"] == check(f"Samen koken\n\n{PLAIN}\n\n{PLAIN}").words

    assert Revision.objects.count() == revisions  # nothing saved
    assert ArticlePage.objects.get(pk=article.pk).intro == PLAIN


def test_a_new_page_is_checked_too(editor):
    index = ensure_kennislab_index()
    url = f"/admin/leesbaarheid/nieuw/content/articlepage/{index.pk}/"
    data = json.loads(editor.post(url, form_data("Nieuw", PLAIN, OFFICIAL)).content)
    assert data["verdict"] == "above_b1"
    assert ArticlePage.objects.count() == 0
    # the add form's panel knows where to post
    html = editor.get(f"/admin/pages/add/content/articlepage/{index.pk}/").content.decode()
    assert f'data-url="{url}"' in html


def test_only_who_may_edit_the_page_gets_a_report(client, article):
    url = f"/admin/leesbaarheid/pagina/{article.pk}/"
    anonymous = client.post(url, form_data("Samen koken", PLAIN, OFFICIAL))
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]

    user = User.objects.create_user("lezer", password="x", is_staff=True)
    group = Group.objects.create(name="alleen admin")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    refused = client.post(url, form_data("Samen koken", PLAIN, OFFICIAL))
    assert refused.status_code in (302, 403)
    assert refused.get("Content-Type", "") != "application/json"

    client.force_login(User.objects.create_superuser("baas", "b@kennislab.example", "x"))
    assert client.get(url).status_code == 405  # posting only
