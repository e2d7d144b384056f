"""The moderation inbox: only the sources a staff member may decide on, oldest first, filters,
taking an item or handing it to a colleague who may handle it, and the dashboard counts. The
relay campaign's activities are the source used here (campaigns registers it)."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
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
from kennislab.core.tokens import new_token
from kennislab.network.models import Pledge, PledgeStatus, Story, StoryStatus

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


# --- what the inbox costs: the same queries however much waits and however many colleagues ---

# Session, user and profile; the colleagues and their permissions (2); one query per source for
# what waits (8); one per kind on the page for its records (3); Wagtail's menu and chrome.
INBOX_QUERIES = 23


def add_waiting(campaign, number: int):  # noqa: F811
    """`number` activities, pledges and practice stories waiting, received over a few weeks so
    that part of them is overdue and the kinds mix on the first page."""
    now = timezone.now()
    expires = now + datetime.timedelta(days=365)
    start = Activity.objects.count()

    def moment(n):
        return now - datetime.timedelta(hours=13 * n)

    Activity.objects.bulk_create(
        Activity(campaign=campaign, status=ActivityStatus.SUBMITTED, province="utrecht",
                 organiser=f"Organisator {start + n}", contact_name="Iemand",
                 email=f"a{start + n}@kennislab.example", title=f"Activiteit {start + n}",
                 created_at=moment(n), token_hash=new_token()[1], token_expires_at=expires)
        for n in range(number)
    )  # fmt: skip
    Pledge.objects.bulk_create(
        Pledge(status=PledgeStatus.SUBMITTED, slug=f"pledge-{start + n}",
               organisation=f"Pledger {start + n}", contact_name="Iemand",
               email=f"p{start + n}@kennislab.example", province="utrecht", commitments="A.",
               consent_text="Ja.", created_at=moment(n), updated_at=moment(n),
               token_hash=new_token()[1], token_expires_at=expires)
        for n in range(number)
    )  # fmt: skip
    Story.objects.bulk_create(
        Story(status=StoryStatus.SUBMITTED, title=f"Verhaal {start + n}", summary="S.",
              what_was_done="D.", what_worked="W.", lessons="L.", contact_name="Iemand",
              email=f"s{start + n}@kennislab.example", organisation="Organisatie",
              consent_text="Ja.", created_at=moment(n))
        for n in range(number)
    )  # fmt: skip


def inbox_permissions():
    return [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in (
            source.permission.split(".", 1) for source in inbox.SOURCES.values()
        )
    ] + [Permission.objects.get(codename="access_admin")]


def add_colleagues(number: int, first: int = 0) -> list[User]:
    """`number` moderators: every other one through a group, the rest with the permissions
    given to them directly."""
    group, _ = Group.objects.get_or_create(name="Moderatoren")
    group.permissions.set(inbox_permissions())
    people = []
    for n in range(first, first + number):
        user = User.objects.create_user(f"collega{n}", password="x", is_staff=True,
                                        first_name="Collega", last_name=str(n))  # fmt: skip
        if n % 2:
            user.user_permissions.set(inbox_permissions())
        else:
            user.groups.add(group)
        people.append(user)
    return people


def queries_of(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_the_inbox_costs_the_same_queries_however_much_waits(
    client,
    campaign,  # noqa: F811
    django_assert_max_num_queries,
):
    client.force_login(User.objects.create_superuser("baas", "baas@kennislab.example", "x"))
    add_waiting(campaign, 2)
    add_colleagues(1)
    client.get(INBOX)  # warm what is cached per process
    few = queries_of(client, INBOX)
    add_waiting(campaign, 40)  # 126 waiting, of three kinds: more than a page
    add_colleagues(6, first=1)
    html = client.get(INBOX).content.decode()
    assert "126 onderdelen wachten." in html
    assert all(f"Collega {n}</option>" in html for n in range(7))
    assert all(kind in html for kind in ("Activiteit ", "Pledger ", "Verhaal "))
    assert queries_of(client, INBOX) == few
    assert queries_of(client, INBOX + "?te_laat=ja&p=2") <= few
    with django_assert_max_num_queries(INBOX_QUERIES):
        client.get(INBOX)


def test_the_dashboard_counts_each_source_in_one_query(campaign, django_assert_num_queries):  # noqa: F811
    boss = User.objects.create_superuser("baas", "baas@kennislab.example", "x")
    add_waiting(campaign, 30)
    Activity.objects.filter(pk__in=Activity.objects.values("pk")[:4]).update(assigned_to=boss)
    with django_assert_num_queries(len(inbox.SOURCES)):
        counts = inbox.counts_for(boss)
    sources = inbox.sources_for(boss)
    expected = inbox.count_entries(boss, inbox.entries_for(boss, sources), sources)
    assert counts == expected  # the database's counts agree with each item's own term
    activities = next(count for count in counts if count.source.key == "activiteiten")
    assert (activities.waiting, activities.mine) == (30, 4)
    assert 0 < activities.overdue < 30


def test_items_received_the_same_day_share_a_term_that_is_still_their_own(campaign):  # noqa: F811
    boss = User.objects.create_superuser("baas", "baas@kennislab.example", "x")
    add_waiting(campaign, 30)
    # 23:30 UTC on 28 December is the 29th in Amsterdam: the local day counts
    late = timezone.make_aware(datetime.datetime(2020, 12, 28, 23, 30), datetime.UTC)
    Activity.objects.filter(pk=Activity.objects.order_by("pk")[0].pk).update(created_at=late)
    entries = inbox.entries_for(boss)
    assert len(entries) == 90
    today = timezone.localdate()
    for entry in entries:
        assert entry.term == terms.term_of(entry.source.term, entry.created_at, today)
    first = next(entry for entry in entries if entry.created_at == late)
    assert first.term.deadline == datetime.date(2021, 1, 6)  # 29 Dec + 5 working days


def test_staff_for_reads_everyones_permissions_as_has_perm_does(django_assert_max_num_queries):
    direct, grouped = add_colleagues(2, first=1)  # collega1 directly, collega2 through a group
    boss = User.objects.create_superuser("baas", "baas@kennislab.example", "x")
    gone = add_colleagues(1, first=3)[0]
    gone.is_active = False
    gone.save()
    viewer = staff("kijker", "view_activity")
    only_activities = staff("moderator", "view_activity", "moderate_activity")
    sources = list(inbox.SOURCES.values())
    with django_assert_max_num_queries(2):
        everyone, by_source = inbox.staff_for(sources)
    assert [user.username for user in everyone] == ["baas", "moderator", "collega1", "collega2"]
    for source in sources:
        expected = [user.username for user in User.objects.order_by("first_name", "last_name",
                                                                    "username")
                    if source.visible_to(User.objects.get(pk=user.pk))]  # fmt: skip
        assert [user.username for user in by_source[source.key]] == expected, source.key
    assert by_source["activiteiten"] == [boss, only_activities, direct, grouped]  # by name
    assert viewer not in everyone and gone not in everyone


class EveryoneModeratesActivities:
    """An authentication backend that grants a permission without any rows in the database."""

    def authenticate(self, request, **credentials):
        return None

    def has_perm(self, user, perm, obj=None):
        return user.is_active and perm == "campaigns.moderate_activity"


def test_staff_for_asks_each_user_when_another_backend_grants_permissions(settings):
    settings.AUTHENTICATION_BACKENDS = [
        *settings.AUTHENTICATION_BACKENDS, f"{__name__}.EveryoneModeratesActivities"]  # fmt: skip
    viewer = staff("kijker", "view_activity")
    everyone, by_source = inbox.staff_for([inbox.SOURCES["activiteiten"], inbox.SOURCES["pledges"]])
    assert everyone == [viewer]
    assert by_source == {"activiteiten": [viewer], "pledges": []}


def test_the_colleague_options_are_what_the_template_rendered_per_row():
    me = User.objects.create_user("ik", first_name="Ik")
    people = [
        User.objects.create_user("anne", first_name='Anne & "Bob"', last_name="<b>"),
        me,
        User.objects.create_user("zonder-naam"),
    ]
    per_row = Template(
        '{% for colleague in colleagues %}{% if colleague != request.user %}<option value="'
        '{{ colleague.pk }}">{{ colleague.get_full_name|default:colleague.get_username }}'
        "</option>{% endif %}{% endfor %}"
    ).render(Context({"colleagues": people, "request": {"user": me}}))
    assert inbox.colleague_options(people, me) == per_row
    assert "Anne &amp; &quot;Bob&quot; &lt;b&gt;" in per_row and "zonder-naam" in per_row
    assert ">Ik</option>" not in per_row
