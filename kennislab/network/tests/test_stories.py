"""Practice stories end to end: sharing one (with an attachment in the private media root), the
decisions and their mails, and the accepted story as a draft Kennislab article."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kennislab.content.models import ArticlePage, ItemType, KennislabIndexPage, Person, Theme
from kennislab.core.models import OutgoingEmail
from kennislab.network import rules, services
from kennislab.network.models import Story, StoryEvent

from .conftest import story_data, story_post, text
from .test_forms import docx_bytes

pytestmark = pytest.mark.django_db
STORY = "/netwerk/praktijkverhaal/"


def test_the_form_page(client):
    response = client.get(STORY)
    assert response.status_code == 200
    html = text(response)
    assert "Deel je praktijkverhaal" in html and 'enctype="multipart/form-data"' in html


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("verslag.pdf", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "application/pdf"),
        ("foto.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"),
        ("schets.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png"),
        ("verhaal.docx", docx_bytes(), "application/vnd.openxmlformats-officedocument."
                                       "wordprocessingml.document"),
    ],
)  # fmt: skip
def test_sharing_a_story_with_an_attachment(client, private_media, settings, name, content,
                                            kind):  # fmt: skip
    theme = Theme.objects.get(slug="leefstijl")
    upload = SimpleUploadedFile(name, content, content_type="text/plain")  # the browser lies
    data = {**story_post(title="Samen koken", email="sam@voorbeeld.example", themes=[theme.pk]),
            "attachment": upload}  # fmt: skip
    response = client.post(STORY, data)
    assert response.status_code == 303 and response["Location"] == STORY + "verstuurd/"
    story = Story.objects.get()
    assert story.status == "submitted" and list(story.themes.all()) == [theme]
    assert (story.attachment_name, story.attachment_type) == (name, kind)
    assert story.attachment_size == len(content)
    path = story.attachment.path
    assert path.startswith(str(private_media)) and not path.startswith(str(settings.MEDIA_ROOT))
    with story.attachment.open("rb") as handle:
        assert handle.read() == content
    assert [e.action for e in story.events.all()] == ["submit"]
    mail = OutgoingEmail.objects.get()
    assert mail.to == "sam@voorbeeld.example" and "ontvangen" in mail.subject
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200 and "Dank je wel voor je praktijkverhaal" in text(thanks)


def test_a_story_without_attachment(client):
    response = client.post(STORY, story_post())
    assert response.status_code == 303
    assert not Story.objects.get().attachment


def test_accepting_makes_a_draft_practice_example(client):
    leefstijl = Theme.objects.get(slug="leefstijl")
    story = services.submit_story(
        {**story_data(title="Samen koken in de wijk", name_public=True,
                      what_was_done="Eerst één avond.\n\nDaarna <b>elke</b> week."),
         "themes": [leefstijl]},
        None, "toestemming",
    )  # fmt: skip
    services.moderate_story(story.pk, "accept", "Mooi verhaal!", None)
    story.refresh_from_db()
    assert story.status == "accepted"
    article = story.article
    assert isinstance(article, ArticlePage)
    assert not article.live and article.has_unpublished_changes
    assert article.get_parent().specific_class is KennislabIndexPage
    assert article.item_type == ItemType.PRACTICE_EXAMPLE
    assert article.title == "Samen koken in de wijk" and article.slug == "samen-koken-in-de-wijk"
    assert article.intro == story.summary
    assert list(article.themes.all()) == [leefstijl]
    blocks = [(block.block_type, block.value) for block in article.body]
    headings = [value["text"] for kind, value in blocks if kind == "heading"]
    assert headings == ["Wat we deden", "Wat werkte", "Lessen"]
    paragraphs = [str(value) for kind, value in blocks if kind == "paragraph"]
    assert any("Daarna &lt;b&gt;elke&lt;/b&gt; week." in p for p in paragraphs)  # escaped
    assert article.latest_revision is not None
    contact = article.contacts.get()
    assert contact.person.name == story.contact_name
    assert contact.person.email == "" and contact.person.phone == ""  # never published
    assert contact.person.is_adviser is False
    mail = OutgoingEmail.objects.filter(to=story.email).latest("pk")
    assert "komt op Kennislab" in mail.subject and "Mooi verhaal!" in mail.body
    # not public: the draft's URL gives nothing
    assert client.get("/kennislab/samen-koken-in-de-wijk/").status_code == 404
    event = story.events.latest("pk")
    assert (event.action, event.from_status, event.to_status) == ("accept", "submitted",
                                                                  "accepted")  # fmt: skip


def test_a_second_story_reuses_the_person_and_gets_its_own_slug():
    first = services.submit_story(story_data(title="Buurtmoestuin", name_public=True), None, "")
    second = services.submit_story(story_data(title="Buurtmoestuin", name_public=True), None, "")
    services.moderate_story(first.pk, "accept", "", None)
    services.moderate_story(second.pk, "accept", "", None)
    first.refresh_from_db(), second.refresh_from_db()
    assert (first.article.slug, second.article.slug) == ("buurtmoestuin", "buurtmoestuin-2")
    assert Person.objects.filter(name="Sam Jansen").count() == 1


def test_without_consent_to_be_named_only_the_organisation_is_the_contact():
    story = services.submit_story(story_data(name_public=False), None, "")
    services.moderate_story(story.pk, "accept", "", None)
    story.refresh_from_db()
    contact = story.article.contacts.get()
    assert contact.person is None and contact.role == "Welzijn Testdorp"
    assert not Person.objects.filter(name="Sam Jansen").exists()


def test_rejecting_needs_a_note_and_mails_it():
    story = services.submit_story(story_data(), None, "")
    with pytest.raises(rules.NotAllowed):
        services.moderate_story(story.pk, "reject", "", None)
    services.moderate_story(story.pk, "reject", "Dit is reclame.", None)
    story.refresh_from_db()
    assert story.status == "rejected" and story.article is None
    assert not ArticlePage.objects.exists()
    mail = OutgoingEmail.objects.filter(to=story.email).latest("pk")
    assert "niet geplaatst" in mail.subject and "Dit is reclame." in mail.body
    with pytest.raises(rules.NotAllowed):
        services.moderate_story(story.pk, "accept", "", None)
    assert StoryEvent.objects.filter(story=story).count() == 2


def test_the_log_cannot_be_changed():
    from django.core.exceptions import ValidationError

    story = services.submit_story(story_data(), None, "")
    event = story.events.get()
    event.note = "anders"
    with pytest.raises(ValidationError):
        event.save()
    with pytest.raises(ValidationError):
        event.delete()
