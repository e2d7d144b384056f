"""The moderation inbox: only the sources a staff member may decide on, oldest first, filters,
taking an item or handing it to a colleague who may handle it, and the dashboard counts. The
relay campaign's activities are the source used here (campaigns registers it)."""

import datetime

import pytest
from django.utils import timezone

from kennislab.campaigns.models import Activity, ActivityStatus
from kennislab.campaigns.tests.relay_factories import (  # noqa: F401  (fixtures)
    add_activity,
    campaign,
    clock,
    required,
)
from kennislab.campaigns.tests.test_admin import staff
from kennislab.core import inbox, terms
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
    assert row.startswith("<td>2</td><td>0</td><td>1</td>")  # waiting, overdue, mine


def received(activity, day):
    """Say the activity came in on `day` (local noon)."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    Activity.objects.filter(pk=activity.pk).update(created_at=moment)


def test_overdue_items_come_first_then_by_deadline(client, campaign, moderator):  # noqa: F811
    # the clock stands on Monday 4 January 2021; an activity's term is 5 working days
    late, _ = add_activity(campaign, required(title="Te laat"))
    soon, _ = add_activity(campaign, required(title="Bijna"))
    later, _ = add_activity(campaign, required(title="Later"))
    received(late, datetime.date(2020, 12, 21))  # due 29 December (Christmas does not count)
    received(soon, datetime.date(2020, 12, 30))  # due 7 January (New Year does not count)
    received(later, datetime.date(2021, 1, 4))  # due 11 January
    client.force_login(moderator)
    html = client.get(INBOX).content.decode()
    assert html.index("Te laat") < html.index("Bijna") < html.index("Later")
    assert '<span class="kl-overdue">29 dec. 2020 – te laat</span>' in html
    assert "7 jan. 2021" in html and "11 jan. 2021" in html
    assert "1 onderdeel is over de termijn." in html
    overdue = client.get(INBOX + "?te_laat=ja").content.decode()
    assert "Te laat" in overdue and "Bijna" not in overdue and "Later" not in overdue
    panel = client.get("/admin/").content.decode()
    assert "1 is over de termijn" in panel
    row = panel.split('href="/admin/inbox/?soort=activiteiten">Activiteiten</a></td>', 1)[1]
    assert row.startswith('<td>3</td><td><span class="kl-overdue">1</span></td><td>0</td>')


def test_filter_on_a_colleague(client, waiting, moderator):
    first, _second, _published = waiting
    colleague = staff("collega", "view_activity", "moderate_activity")
    Activity.objects.filter(pk=first.pk).update(assigned_to=colleague)
    client.force_login(moderator)
    theirs = client.get(INBOX + f"?toegewezen={colleague.pk}").content.decode()
    assert "Eerste activiteit" in theirs and "Tweede activiteit" not in theirs
    unknown = client.get(INBOX + "?toegewezen=424242").content.decode()  # ignored, not a 500
    assert "Eerste activiteit" in unknown and "Tweede activiteit" in unknown


def test_the_database_boundary_agrees_with_each_items_term():
    """inbox.overdue_before (one comparison in the database) and Term.overdue (per item) give
    the same answer for every day of receipt around a year's holidays."""
    for kind in ("activity", "voucher"):
        for today in (datetime.date(2026, 12, 28), datetime.date(2027, 1, 4),
                      datetime.date(2026, 4, 7), datetime.date(2026, 5, 26)):  # fmt: skip
            boundary = inbox.overdue_before(kind, today)
            for back in range(0, 40):
                day = today - datetime.timedelta(days=back)
                moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
                term = terms.term_of(kind, moment, today)
                assert term.overdue == (moment < boundary), (kind, today, day)
