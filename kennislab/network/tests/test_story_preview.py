"""Previewing the draft article made from an accepted practice story (was a 500: "Theme has no
field named 'pk'", the related items asked modelcluster's in-memory themes for `pk`)."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from kennislab.content.models import Theme
from kennislab.network import services

from .conftest import story_data, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    leefstijl = Theme.objects.get(slug="leefstijl")
    story = services.submit_story(
        {**story_data(title="Samen koken in de wijk", name_public=True), "themes": [leefstijl]},
        None,
        "toestemming",
    )
    services.moderate_story(story.pk, "accept", "", None)
    story.refresh_from_db()
    return story.article


def test_the_draft_revision_previews(draft):
    page = draft.get_latest_revision_as_object()
    assert [theme.slug for theme in page.themes.all()] == ["leefstijl"]
    response = page.make_preview_request()
    assert response.status_code == 200
    assert "Samen koken in de wijk" in text(response)


def test_preview_from_the_admin_edit_form(client, django_user_model, draft):
    user = django_user_model.objects.create_superuser("redacteur", "r@voorbeeld.example", "x")
    client.force_login(user)
    contact = draft.contacts.get()
    data = nested_form_data(
        {
            "title": "Samen koken in de wijk (bewerkt)",
            "slug": draft.slug,
            "date": draft.date.isoformat(),
            "item_type": draft.item_type,
            "intro": draft.intro,
            "body": streamfield(
                [
                    ("heading", {"level": "h2", "text": "Wat we deden"}),
                    ("paragraph", rich_text("<p>Elke week samen koken.</p>")),
                ]
            ),
            "themes": [theme.pk for theme in draft.themes.all()],
            "contacts": inline_formset(
                [{"id": contact.pk, "person": contact.person_id, "role": "", "note": ""}],
                initial=1,
            ),
        }
    )
    url = f"/admin/pages/{draft.pk}/edit/preview/"
    posted = client.post(url, data)
    assert posted.status_code == 200 and posted.json() == {"is_valid": True, "is_available": True}
    response = client.get(url)
    assert response.status_code == 200
    html = text(response)
    assert "Samen koken in de wijk (bewerkt)" in html and "Elke week samen koken." in html
