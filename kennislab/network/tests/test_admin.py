"""The back office: lists and inspect views only with view permission; deciding only with the
moderation permission; the links form; the attachment download; the inbox sources."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kennislab.content.models import ArticlePage
from kennislab.content.site import ensure_kennislab_index
from kennislab.core import inbox
from kennislab.core.models import OutgoingEmail
from kennislab.network import services
from kennislab.network.models import Pledge, PledgeUpdate, Story

from .conftest import sign, staff, story_data, story_post

pytestmark = pytest.mark.django_db
PLEDGES = "/admin/netwerk/pledges/"
UPDATES = "/admin/netwerk/updates/"
STORIES = "/admin/netwerk/praktijkverhalen/"


def inspect(base, obj):
    return f"{base}inspect/{obj.pk}/"


def test_staff_without_permissions_see_nothing(client):
    pledge, _ = sign(organisation="Geheime Gemeente")
    story = services.submit_story(story_data(title="Geheim verhaal"), None, "")
    client.force_login(staff("redacteur"))
    for url in (PLEDGES, inspect(PLEDGES, pledge), STORIES, inspect(STORIES, story)):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"Geheim" not in response.content
    client.post(inspect(PLEDGES, pledge), {"action": "approve"})
    client.post(inspect(STORIES, story), {"action": "accept"})
    assert Pledge.objects.get().status == "submitted" and Story.objects.get().status == "submitted"


def test_a_viewer_sees_lists_and_history_but_cannot_decide(client):
    pledge, _ = sign(organisation="Gemeente Kijkdorp")
    client.force_login(staff("kijker", "view_pledge"))
    listing = client.get(PLEDGES)
    assert listing.status_code == 200 and "Gemeente Kijkdorp" in listing.content.decode()
    page = client.get(inspect(PLEDGES, pledge)).content.decode()
    assert "Geschiedenis" in page and "Getekend" in page and 'name="action"' not in page
    response = client.post(inspect(PLEDGES, pledge), {"action": "approve", "note": ""})
    assert response.status_code in (302, 403)
    assert Pledge.objects.get().status == "submitted"
    assert client.get(f"/admin/netwerk/pledge/{pledge.pk}/koppelingen/").status_code in (302, 403)


def test_a_moderator_decides_on_a_pledge(client):
    pledge, _ = sign(organisation="Gemeente Besluit")
    client.force_login(staff("moderator", "view_pledge", "moderate_pledge"))
    page = client.get(inspect(PLEDGES, pledge)).content.decode()
    assert 'name="action"' in page and "Goedkeuren en op de pledgemuur zetten" in page
    response = client.post(inspect(PLEDGES, pledge), {"action": "reject", "note": ""})
    assert (
        response.status_code == 400 and "Schrijf de inzender waarom." in response.content.decode()
    )
    response = client.post(inspect(PLEDGES, pledge), {"action": "approve", "note": ""})
    assert response.status_code == 302
    pledge.refresh_from_db()
    assert pledge.status == "approved"
    event = pledge.events.latest("pk")
    assert event.actor.username == "moderator" and event.actor_label == "moderator"
    assert OutgoingEmail.objects.filter(to=pledge.email, subject__contains="pledgemuur").exists()


def test_lists_filter_search_and_export(client):
    sign(organisation="Gemeente Alfa", province="utrecht")
    sign(organisation="Gemeente Bravo", province="limburg", status="approved")
    client.force_login(staff("kijker", "view_pledge"))
    html = client.get(PLEDGES + "?status=approved").content.decode()
    assert "Gemeente Bravo" in html and "Gemeente Alfa" not in html
    html = client.get(PLEDGES + "?q=Alfa").content.decode()
    assert "Gemeente Alfa" in html and "Gemeente Bravo" not in html
    csv = client.get(PLEDGES + "?export=csv")
    assert csv.status_code == 200
    body = b"".join(csv.streaming_content).decode() if csv.streaming else csv.content.decode()
    assert "Gemeente Alfa" in body and "Gemeente Bravo" in body
    xlsx = client.get(PLEDGES + "?export=xlsx")
    assert xlsx.status_code == 200


def test_a_moderator_decides_on_an_update(client):
    pledge, _ = sign(status="approved")
    update = services.post_update(pledge.pk, "Twee scholen zijn begonnen.")
    client.force_login(staff("moderator", "view_pledgeupdate", "moderate_pledge"))
    assert "Twee scholen" in client.get(UPDATES).content.decode()
    response = client.post(inspect(UPDATES, update), {"action": "approve", "note": ""})
    assert response.status_code == 302
    assert PledgeUpdate.objects.get().status == "approved"


def test_the_links_form_sets_slug_and_related_pages(client):
    index = ensure_kennislab_index()
    article = ArticlePage(title="Watertaps op school", slug="watertaps", date="2027-01-01")
    index.add_child(instance=article)
    article.save_revision().publish()
    pledge, _ = sign(status="approved", organisation="Gemeente Koppel")
    sign(organisation="Bezet")
    client.force_login(staff("moderator", "view_pledge", "moderate_pledge"))
    url = f"/admin/netwerk/pledge/{pledge.pk}/koppelingen/"
    assert client.get(url).status_code == 200
    assert client.post(url, {"slug": "bezet", "add_page": ""}).status_code == 400
    assert client.post(url, {"slug": "tekenen", "add_page": ""}).status_code == 400
    assert client.post(url, {"slug": "koppel", "add_page": index.pk}).status_code == 400
    response = client.post(url, {"slug": "koppel", "add_page": article.pk})
    assert response.status_code == 302
    pledge.refresh_from_db()
    assert pledge.slug == "koppel" and list(pledge.related_pages.all()) == [article.page_ptr]
    assert "Watertaps op school" in client.get("/netwerk/pledges/koppel/").content.decode()
    client.post(url, {"slug": "koppel", "keep": []})
    assert not pledge.related_pages.exists()


def test_a_moderator_accepts_a_story_and_the_admin_links_to_the_draft(client, private_media):
    client.post("/netwerk/praktijkverhaal/", {**story_post(title="Verhaal met bijlage"),
                "attachment": SimpleUploadedFile("verslag.pdf", b"%PDF-1.4 demo")})  # fmt: skip
    story = Story.objects.get()
    client.force_login(staff("moderator", "view_story", "moderate_story"))
    page = client.get(inspect(STORIES, story)).content.decode()
    assert "Accepteren" in page and f"/admin/netwerk/praktijkverhaal/{story.pk}/bijlage/" in page
    download = client.get(f"/admin/netwerk/praktijkverhaal/{story.pk}/bijlage/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"%PDF-1.4 demo"
    assert client.post(inspect(STORIES, story), {"action": "accept"}).status_code == 302
    story.refresh_from_db()
    assert story.article is not None
    page = client.get(inspect(STORIES, story)).content.decode()
    assert f"/admin/pages/{story.article_id}/edit/" in page


def test_the_attachment_needs_permission(client, private_media):
    client.post("/netwerk/praktijkverhaal/", {**story_post(),
                "attachment": SimpleUploadedFile("verslag.pdf", b"%PDF-1.4 demo")})  # fmt: skip
    story = Story.objects.get()
    client.force_login(staff("redacteur"))
    response = client.get(f"/admin/netwerk/praktijkverhaal/{story.pk}/bijlage/")
    assert response.status_code in (302, 403)


def test_the_inbox_sources():
    pledge, _ = sign()
    approved, _ = sign(status="approved")
    update = services.post_update(approved.pk, "Voortgang.")
    story = services.submit_story(story_data(), None, "")
    sources = inbox.SOURCES
    assert list(sources["pledges"].waiting()) == [pledge]
    assert list(sources["pledge-updates"].waiting()) == [update]
    assert list(sources["stories"].waiting()) == [story]
    assert sources["pledges"].admin_url(pledge) == f"{PLEDGES}inspect/{pledge.pk}/"
    assert sources["stories"].admin_url(story) == f"{STORIES}inspect/{story.pk}/"
    assert sources["pledge-updates"].admin_url(update) == f"{UPDATES}inspect/{update.pk}/"
    moderator = staff("moderator", "moderate_story")
    assert [s.key for s in inbox.sources_for(moderator) if s.key in sources
            and s.permission.startswith("network.")] == ["stories"]  # fmt: skip
