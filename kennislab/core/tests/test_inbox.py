"""The moderation inbox: only the sources a staff member may decide on, oldest first, filters,
taking an item or handing it to a colleague who may handle it, and the dashboard counts. The
relay campaign's activities are the source used here (campaigns registers it)."""

import pytest

from kennislab.campaigns.models import Activity, ActivityStatus
from kennislab.campaigns.tests.relay_factories import (  # noqa: F401  (fixtures)
    add_activity,
    campaign,
    clock,
    required,
)
from kennislab.campaigns.tests.test_admin import staff
from kennislab.core import inbox
from kennislab.core.models import OutgoingEmail

pytestmark = pytest.mark.django_db
INBOX = "/admin/inbox/"


@pytest.fixture
def waiting(campaign):  # noqa: F811
    first, _ = add_activity(campaign, required(title="Eerste activiteit"))
    second, _ = add_activity(campaign, required(title="Tweede activiteit"))
    published, _ = add_activity(campaign, required(title="Al gepubliceerd"),
                                status=ActivityStatus.APPROVED)  # fmt: skip
    return first, second, published


@pytest.fixture
def moderator():
    user = staff("moderator", "view_activity", "moderate_activity")
    user.email = "moderator@kennislab.example"
    user.save()
    return user


def test_the_campaigns_register_their_activities():
    assert inbox.SOURCES["activiteiten"].permission == "campaigns.moderate_activity"


def test_without_a_source_there_is_no_inbox(client, waiting):
    client.force_login(staff("kijker", "view_activity"))
    response = client.get(INBOX)
    assert response.status_code in (302, 403)
    assert b"Eerste activiteit" not in response.content
    assert "/admin/inbox/" not in client.get("/admin/").content.decode()  # no menu item, no panel


def test_the_inbox_lists_what_waits_oldest_first(client, waiting, moderator):
    client.force_login(moderator)
    html = client.get(INBOX).content.decode()
    assert html.index("Eerste activiteit") < html.index("Tweede activiteit")
    assert "Al gepubliceerd" not in html
    assert f"/admin/activiteiten/inspect/{waiting[0].pk}/" in html


def test_take_an_item_and_filter_on_it(client, waiting, moderator):
    first = waiting[0]
    client.force_login(moderator)
    mails = OutgoingEmail.objects.count()
    response = client.post(INBOX, {"bron": "activiteiten", "id": first.pk, "aan": "mij"})
    assert response.status_code == 302
    assert Activity.objects.get(pk=first.pk).assigned_to == moderator
    assert OutgoingEmail.objects.count() == mails  # no mail to yourself
    mine = client.get(INBOX + "?toegewezen=mij").content.decode()
    assert "Eerste activiteit" in mine and "Tweede activiteit" not in mine
    nobody = client.get(INBOX + "?toegewezen=niemand").content.decode()
    assert "Tweede activiteit" in nobody and "Eerste activiteit" not in nobody
    client.post(INBOX, {"bron": "activiteiten", "id": first.pk, "aan": ""})
    assert Activity.objects.get(pk=first.pk).assigned_to is None


def test_hand_to_a_colleague_only_when_they_may_handle_it(client, waiting, moderator):
    first = waiting[0]
    colleague = staff("collega", "view_activity", "moderate_activity")
    outsider = staff("buitenstaander", "view_activity")
    client.force_login(moderator)
    client.post(INBOX, {"bron": "activiteiten", "id": first.pk, "aan": outsider.pk})
    assert Activity.objects.get(pk=first.pk).assigned_to is None
    page = client.get(INBOX).content.decode()
    assert "buitenstaander mag deze onderdelen niet behandelen." in page
    assert f'<option value="{outsider.pk}"' not in page
    assert f'<option value="{colleague.pk}"' in page
    colleague.email = "collega@kennislab.example"
    colleague.save()
    client.post(INBOX, {"bron": "activiteiten", "id": first.pk, "aan": colleague.pk})
    assert Activity.objects.get(pk=first.pk).assigned_to == colleague
    mail = OutgoingEmail.objects.get(to="collega@kennislab.example")
    assert mail.subject == "Toegewezen: Eerste activiteit (" + first.organiser + ")"
    assert f"http://testserver/admin/activiteiten/inspect/{first.pk}/" in mail.body


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"bron": "onbekend", "id": "1", "aan": "mij"}, "bestaat niet of je mag het niet zien"),
        ({"bron": "activiteiten", "id": "x", "aan": "mij"}, "Dit onderdeel bestaat niet."),
        ({"bron": "activiteiten", "id": "PUBLISHED", "aan": "mij"}, "wacht niet meer"),
        ({"bron": "activiteiten", "id": "FIRST", "aan": "999999"}, "Deze collega bestaat niet."),
    ],
)
def test_bad_assignments_change_nothing(client, waiting, moderator, data, message):
    first, _second, published = waiting
    data = dict(data, id={"PUBLISHED": str(published.pk), "FIRST": str(first.pk)}.get(
        data["id"], data["id"]))  # fmt: skip
    client.force_login(moderator)
    client.post(INBOX, data)
    assert not Activity.objects.filter(assigned_to__isnull=False).exists()
    assert message in client.get(INBOX).content.decode()


def test_the_dashboard_counts_what_waits(client, waiting, moderator):
    client.force_login(moderator)
    client.post(INBOX, {"bron": "activiteiten", "id": waiting[0].pk, "aan": "mij"})
    html = client.get("/admin/").content.decode()
    assert "Inbox: 2 wachten op een besluit" in html
    assert '"url": "/admin/inbox/"' in html or "&quot;url&quot;: &quot;/admin/inbox/&quot;" in html
    row = html.split('href="/admin/inbox/?soort=activiteiten">Activiteiten</a></td>', 1)[1]
    assert row.startswith("<td>2</td><td>1</td>")
