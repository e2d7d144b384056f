"""The editor's way through an issue in the admin: "Vul aan met wat nieuw is", the editor's
panel with the progress, a test to staff addresses, sending or planning (once), and who may."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission

from kennislab.content.tests.factories import ArticlePageFactory
from kennislab.newsletter import compose
from kennislab.newsletter.models import NewsletterIssuePage, Sending
from kennislab.newsletter.tests.issues import confirmed, make_issue, newsletter_index, text_section

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("commit_at_once")]


@pytest.fixture
def admin(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "hoofdredacteur", "hoofdredactie@example.org", "een-lang-wachtwoord-12"
    )
    client.force_login(user)
    return client


def test_the_editor_shows_the_sending_panel_and_the_buttons(admin):
    issue = make_issue("juni", [text_section("Kop", "Tekst.")])
    html = admin.get(reverse("wagtailadmin_pages:edit", args=[issue.pk])).content.decode()
    assert "Nog niet verstuurd." in html
    assert reverse("newsletter_send", args=[issue.pk]) in html
    assert reverse("newsletter_fill", args=[issue.pk]) in html


def test_send_now_from_the_admin_then_progress_and_no_second_time(admin, mailoutbox):
    confirmed("lezer@example.org")
    issue = make_issue("juli", [text_section("Kop", "Tekst.")])
    url = reverse("newsletter_send", args=[issue.pk])
    page = admin.get(url).content.decode()
    assert "Gaat naar 1 bevestigde abonnee" in page
    missing = admin.post(url, {"action": "schedule", "when": "now"})
    assert "Dit is een verplicht veld" in missing.content.decode()  # the confirmation box
    assert not Sending.objects.exists()
    response = admin.post(url, {"action": "schedule", "when": "now", "confirm": "on"})
    assert response.status_code == 302
    assert [m.to for m in mailoutbox] == [["lezer@example.org"]]
    page = admin.get(url).content.decode()
    assert "1 van 1 verstuurd, 0 mislukt" in page and "<progress" in page
    assert "kan niet opnieuw worden verstuurd" in page
    assert 'value="schedule"' not in page  # no form to send it again
    again = admin.post(url, {"action": "schedule", "when": "now", "confirm": "on"}, follow=True)
    assert "al ingepland of verstuurd" in again.content.decode()
    assert len(mailoutbox) == 1
    edit = admin.get(reverse("wagtailadmin_pages:edit", args=[issue.pk])).content.decode()
    assert "1 van 1 verstuurd" in edit


def test_plan_for_later_needs_a_moment_in_the_future(admin, mailoutbox):
    issue = make_issue("augustus", [text_section("Kop", "Tekst.")])
    url = reverse("newsletter_send", args=[issue.pk])
    past = admin.post(url, {"action": "schedule", "when": "later", "at": "2001-01-01T10:00",
                            "confirm": "on"})  # fmt: skip
    assert "Kies een moment in de toekomst" in past.content.decode()
    later = timezone.localtime() + timedelta(days=3)
    planned = admin.post(url, {"action": "schedule", "when": "later", "confirm": "on",
                               "at": later.strftime("%Y-%m-%dT%H:%M")}, follow=True)  # fmt: skip
    assert "De nieuwsbrief gaat uit op" in planned.content.decode()
    assert Sending.objects.get().status == Sending.Status.SCHEDULED and mailoutbox == []
    cancelled = admin.post(url, {"action": "cancel"}, follow=True)
    assert "geannuleerd" in cancelled.content.decode() and not Sending.objects.exists()


def test_test_send_from_the_admin(admin, mailoutbox):
    issue = make_issue("september", [text_section("Kop", "Tekst.")], publish=False)
    url = reverse("newsletter_send", args=[issue.pk])
    refused = admin.post(url, {"action": "test", "addresses": "iemand@example.org"}, follow=True)
    assert "hoort bij geen account" in refused.content.decode() and mailoutbox == []
    invalid = admin.post(url, {"action": "test", "addresses": "geen-adres"})
    assert "geen geldig e-mailadres" in invalid.content.decode()
    sent = admin.post(url, {"action": "test", "addresses": "hoofdredactie@example.org"},
                      follow=True)  # fmt: skip
    assert "De test is verstuurd naar 1 adres" in sent.content.decode()
    assert [m.subject for m in mailoutbox] == ["[Test] Nieuws uit het netwerk"]


def test_fill_with_what_is_new_adds_sections_per_theme_as_a_draft(admin, themes):
    first, second = themes[0], themes[1]
    new_a = ArticlePageFactory(title="Nieuw over A", themes=[first])
    new_ab = ArticlePageFactory(title="Nieuw over A en B", themes=[first, second])
    new_b = ArticlePageFactory(title="Nieuw over B", themes=[second])
    plain = ArticlePageFactory(title="Zonder thema", themes=[])
    issue = make_issue("oktober", [text_section("Voorwoord", "Hallo.")])
    url = reverse("newsletter_fill", args=[issue.pk])
    preview = admin.get(url).content.decode()
    assert "Nieuw over A" in preview and "Zonder thema" in preview
    assert admin.post(url).status_code == 302
    issue.refresh_from_db()
    draft = issue.get_latest_revision_as_object()
    assert issue.has_unpublished_changes  # a new draft revision; the live issue is unchanged
    sections = [(s.value["heading"], s.value["theme"],
                 [c.value["page"].pk for c in s.value["content"] if c.block_type == "item"])
                for s in draft.body]  # fmt: skip
    assert sections[0][0] == "Voorwoord"
    by_heading = {heading: (theme, pages) for heading, theme, pages in sections[1:]}
    assert by_heading[first.name] == (first, [new_ab.pk, new_a.pk])  # newest first
    assert by_heading[second.name] == (second, [new_b.pk])
    assert by_heading["Agenda en meer"] == (None, [plain.pk])
    # nothing twice: a second fill finds nothing new
    assert compose.fill(issue) == 0


def test_fill_takes_what_appeared_since_the_previous_issue_went_out(themes):
    old = ArticlePageFactory(title="Oud nieuws", themes=[themes[0]])
    previous = make_issue("vorige", [text_section("Kop", "Tekst.")])
    Sending.objects.create(issue=previous, status=Sending.Status.SENT,
                           scheduled_at=timezone.now(), started_at=timezone.now(),
                           finished_at=timezone.now())  # fmt: skip
    type(old).objects.filter(pk=old.pk).update(
        first_published_at=timezone.now() - timedelta(days=1)
    )
    fresh = ArticlePageFactory(title="Vers nieuws", themes=[themes[0]])
    issue = make_issue("volgende", [])
    found = [page.pk for s in compose.suggestions(issue) for page in s.pages]
    assert found == [fresh.pk]


def test_staff_who_may_not_publish_the_issue_get_403(client, django_user_model):
    issue = make_issue("november", [text_section("Kop", "Tekst.")])
    editors = Group.objects.create(name="Schrijvers")
    GroupPagePermission.objects.create(group=editors, page=newsletter_index(),
                                       permission_type="change")  # fmt: skip
    from django.contrib.auth.models import Permission

    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    writer = django_user_model.objects.create_user("schrijver", "schrijver@example.org", "x" * 12)
    writer.groups.add(editors)
    client.force_login(writer)
    # the admin answers "no permission" by sending back to the dashboard with a message
    for name in ("newsletter_send", "newsletter_fill"):
        refused = client.get(reverse(name, args=[issue.pk]))
        assert (refused.status_code, refused.url) == (302, reverse("wagtailadmin_home"))
    post = client.post(reverse("newsletter_send", args=[issue.pk]),
                       {"action": "schedule", "when": "now", "confirm": "on"})  # fmt: skip
    assert post.status_code == 302 and not Sending.objects.exists()
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[issue.pk])).content.decode()
    assert "Nog niet verstuurd." in edit  # the panel's status, without the way to send
    assert reverse("newsletter_send", args=[issue.pk]) not in edit


def test_issue_slugs_of_the_newsletter_urls_are_refused():
    from django.core.exceptions import ValidationError

    issue = NewsletterIssuePage(title="Archief", slug="archief", subject="x")
    newsletter_index().add_child(instance=NewsletterIssuePage(title="ok", slug="ok", subject="x"))
    with pytest.raises(ValidationError):
        issue.clean()
