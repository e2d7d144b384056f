"""The back office of relay campaigns: the moderation list and inspect view (only with
`view_activity`; deciding only with `moderate_activity`), and the campaign page form that refuses
a province in two regions."""

import pytest
from django.contrib.auth.models import User

from kennislab.campaigns.models import Activity, ActivityEvent, ActivityStatus, RelayCampaignPage
from kennislab.content.site import ensure_home
from kennislab.core.models import OutgoingEmail

from .relay_factories import add_activity, complete, required
from .test_admin import staff

pytestmark = pytest.mark.django_db
LIST = "/admin/activiteiten/"


def inspect_url(activity) -> str:
    return f"{LIST}inspect/{activity.pk}/"


def fresh(activity) -> Activity:
    return Activity.objects.get(pk=activity.pk)


@pytest.fixture
def waiting(campaign):
    activity, _token = add_activity(
        campaign, complete(title="Beeldbellen in de wijk", email="marloes@voorbeeld.example")
    )
    return activity


@pytest.fixture
def viewer(client):
    client.force_login(staff("kijker", "view_activity"))
    return client


@pytest.fixture
def moderator(client):
    client.force_login(staff("moderator", "view_activity", "moderate_activity"))
    return client


def test_staff_without_the_permission_see_no_activities(client, waiting):
    client.force_login(staff("redacteur"))
    for url in (LIST, inspect_url(waiting)):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"Beeldbellen in de wijk" not in response.content
    response = client.post(inspect_url(waiting), {"action": "approve"})
    assert response.status_code in (302, 403)
    assert fresh(waiting).status == ActivityStatus.SUBMITTED


def test_a_viewer_sees_the_list_and_the_history_but_cannot_decide(viewer, campaign, waiting):
    add_activity(campaign, required(title="Nog onvolledig"))
    listing = viewer.get(LIST)
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Beeldbellen in de wijk" in html and "Nog onvolledig" in html
    assert "Wacht op beoordeling" in html
    inspect = viewer.get(inspect_url(waiting))
    assert inspect.status_code == 200
    page = inspect.content.decode()
    assert "Geschiedenis" in page and "Aangemeld" in page and "organisator" in page
    assert 'name="action"' not in page
    response = viewer.post(inspect_url(waiting), {"action": "approve", "note": ""})
    # PermissionDenied: Wagtail's admin answers with a redirect to the dashboard and a message
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == "/admin/"
    assert fresh(waiting).status == ActivityStatus.SUBMITTED
    assert ActivityEvent.objects.filter(activity=waiting).count() == 1


def test_the_inspect_view_names_what_is_missing(viewer, campaign):
    incomplete, _token = add_activity(campaign, required(title="Nog onvolledig"))
    html = viewer.get(inspect_url(incomplete)).content.decode()
    assert "Nog niet compleet: soort activiteit, datum" in html
    assert "Regio Oost: 1 februari 2021 tot en met 5 februari 2021" in html


def test_a_moderator_approves(moderator, waiting, django_capture_on_commit_callbacks):
    page = moderator.get(inspect_url(waiting)).content.decode()
    assert 'name="action"' in page and 'value="approve"' in page and 'name="note"' in page
    response = moderator.post(inspect_url(waiting), {"action": "approve", "note": ""},
                              follow=True)  # fmt: skip
    assert response.status_code == 200
    html = response.content.decode()
    assert ("‘Beeldbellen in de wijk’ heeft nu de status ‘Gepubliceerd’. De organisator krijgt "
            "een e-mail.") in html  # fmt: skip
    assert fresh(waiting).status == ActivityStatus.APPROVED
    log = ActivityEvent.objects.filter(activity=waiting).last()
    assert (log.action, log.from_status, log.to_status, log.actor.username) == (
        "approve", "submitted", "approved", "moderator",
    )  # fmt: skip
    mail = OutgoingEmail.objects.filter(to="marloes@voorbeeld.example").order_by("pk").last()
    assert mail.subject == "Je activiteit staat op de website: Beeldbellen in de wijk"
    assert 'value="approve"' not in html  # approved: approving is no longer offered
    assert 'value="request_changes"' in html


@pytest.mark.parametrize("note", ["", "   "])
@pytest.mark.parametrize("action", ["request_changes", "reject"])
def test_asking_changes_or_rejecting_needs_a_note(moderator, waiting, action, note):
    events, mails = ActivityEvent.objects.count(), OutgoingEmail.objects.count()
    response = moderator.post(inspect_url(waiting), {"action": action, "note": note})
    assert response.status_code == 400
    assert "Schrijf de organisator waarom." in response.content.decode()
    assert fresh(waiting).status == ActivityStatus.SUBMITTED
    assert (ActivityEvent.objects.count(), OutgoingEmail.objects.count()) == (events, mails)


@pytest.mark.parametrize(
    ("action", "status", "subject"),
    [
        ("request_changes", ActivityStatus.CHANGES, "Wil je je activiteit aanpassen? "),
        ("reject", ActivityStatus.REJECTED, "Je activiteit is niet geplaatst: "),
    ],
)
def test_a_moderator_asks_for_changes_or_rejects(moderator, waiting, action, status, subject):
    note = "Welke zaal wordt het?"
    response = moderator.post(inspect_url(waiting), {"action": action, "note": note})
    assert response.status_code == 302
    stored = fresh(waiting)
    assert (stored.status, stored.editor_note) == (status, note)
    log = ActivityEvent.objects.filter(activity=waiting).last()
    assert (log.action, log.to_status, log.note, log.actor.username) == (
        action, status, note, "moderator",
    )  # fmt: skip
    mail = OutgoingEmail.objects.filter(to="marloes@voorbeeld.example").order_by("pk").last()
    assert mail.subject == subject + "Beeldbellen in de wijk"
    assert note in mail.body
    history = moderator.get(inspect_url(waiting)).content.decode()
    assert note in history and "moderator" in history


def test_a_step_that_is_not_offered_is_refused(moderator, campaign):
    rejected, _token = add_activity(campaign, status=ActivityStatus.REJECTED)
    page = moderator.get(inspect_url(rejected)).content.decode()
    assert 'name="action"' not in page  # nothing left to decide
    response = moderator.post(inspect_url(rejected), {"action": "approve", "note": ""})
    assert response.status_code == 400
    assert fresh(rejected).status == ActivityStatus.REJECTED


def test_nobody_adds_edits_or_deletes_activities(client, waiting):
    client.force_login(User.objects.create_superuser("baas", password="x"))
    pk = waiting.pk
    for url in (f"{LIST}new/", f"{LIST}edit/{pk}/", f"{LIST}delete/{pk}/"):
        assert client.get(url).status_code in (302, 403, 404), url
    assert client.post(f"{LIST}delete/{pk}/").status_code in (302, 403, 404)
    assert Activity.objects.filter(pk=pk).exists()


# --- the campaign page form ---------------------------------------------------------------------


def region(n, name, slug, provinces, starts_on, ends_on) -> dict:
    data = {
        f"regions-{n}-name": name,
        f"regions-{n}-slug": slug,
        f"regions-{n}-starts_on": starts_on,
        f"regions-{n}-ends_on": ends_on,
        f"regions-{n}-ORDER": str(n + 1),
        f"regions-{n}-DELETE": "",
        f"regions-{n}-id": "",
    }
    return {**data, f"regions-{n}-provinces": provinces}


def page_data(*regions) -> dict:
    data = {
        "title": "Estafette 2027",
        "slug": "estafette-2027",
        "intro": "",
        "body-count": "0",
        "registration_closes_on": "",
        "contact_email": "",
        "regions-TOTAL_FORMS": str(len(regions)),
        "regions-INITIAL_FORMS": "0",
        "regions-MIN_NUM_FORMS": "1",
        "regions-MAX_NUM_FORMS": "1000",
        "action-publish": "publish",
    }
    for n, fields in enumerate(regions):
        data.update(region(n, *fields))
    return data


@pytest.fixture
def superuser(client):
    client.force_login(User.objects.create_superuser("hoofdredactie", password="x"))
    return client


def add_url() -> str:
    return f"/admin/pages/add/campaigns/relaycampaignpage/{ensure_home().pk}/"


def test_a_province_in_two_regions_is_refused(superuser):
    response = superuser.post(add_url(), page_data(
        ("Oost", "oost", ["gelderland", "utrecht"], "2027-02-01", "2027-02-05"),
        ("West", "west", ["utrecht", "zeeland"], "2027-02-08", "2027-02-12"),
    ))  # fmt: skip
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("Hoort al bij een andere regio: Utrecht.") == 2
    assert not RelayCampaignPage.objects.filter(slug="estafette-2027").exists()


def test_regions_without_overlap_are_saved(superuser):
    response = superuser.post(add_url(), page_data(
        ("Oost", "oost", ["gelderland", "overijssel"], "2027-02-01", "2027-02-05"),
        ("West", "west", ["utrecht"], "2027-02-08", "2027-02-12"),
    ))  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:3000]
    page = RelayCampaignPage.objects.get(slug="estafette-2027")
    assert page.live
    assert [(r.slug, r.provinces) for r in page.regions.order_by("sort_order")] == [
        ("oost", ["gelderland", "overijssel"]), ("west", ["utrecht"]),
    ]  # fmt: skip


def test_the_reserved_slug_is_refused(superuser):
    data = page_data(("Oost", "oost", ["gelderland"], "2027-02-01", "2027-02-05"))
    response = superuser.post(add_url(), {**data, "slug": "activiteit"})
    assert response.status_code == 200
    assert "Deze korte naam is gereserveerd; kies een andere." in response.content.decode()
    assert not RelayCampaignPage.objects.filter(slug="activiteit").exists()
