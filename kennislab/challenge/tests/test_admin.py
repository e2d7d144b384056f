"""The back office: participants and teams as read-only lists with filters (only with the view
permission), and the support messages as snippets editors write."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission, User

from kennislab.challenge.models import Participant, Status, SupportMessage, Theme

from .factories import ParticipantFactory, TeamFactory

pytestmark = pytest.mark.django_db
PARTICIPANTS = "/admin/uitdaging-deelnemers/"
TEAMS = "/admin/uitdaging-teams/"
SNIPPETS = "/admin/snippets/challenge/supportmessage/"


def staff(username: str, *codenames: str) -> User:
    user = User.objects.create_user(username, password="x", is_staff=True)
    group = Group.objects.create(name=f"groep-{username}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        group.permissions.add(
            Permission.objects.get(codename=codename, content_type__app_label="challenge")
        )
    user.groups.add(group)
    return user


@pytest.fixture
def people(challenge, make_challenge):
    team = TeamFactory(page=challenge, name="De Lopers")
    return {
        "anna": ParticipantFactory(page=challenge, name="Anna Alfa", theme=Theme.SLEEP, team=team),
        "bas": ParticipantFactory(page=challenge, name="Bas Bravo", theme=Theme.EXERCISE,
                                  status=Status.PENDING),
        "cas": ParticipantFactory(page=make_challenge(title="Andere editie"), name="Cas Charlie"),
    }  # fmt: skip


def test_the_permissions_offered_are_view_only():
    codenames = set(Permission.objects.filter(content_type__app_label="challenge",
                                              content_type__model__in=["participant", "team"])
                    .values_list("codename", flat=True))  # fmt: skip
    assert codenames == {"view_participant", "view_team"}


def test_staff_without_the_permission_see_no_participants(client, people):
    client.force_login(staff("redacteur"))
    for url in (PARTICIPANTS, f"{PARTICIPANTS}inspect/{people['anna'].pk}/", TEAMS):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"Anna Alfa" not in response.content and b"De Lopers" not in response.content
    export = client.get(PARTICIPANTS, {"export": "csv"})
    assert export.status_code in (302, 403)
    assert not getattr(export, "streaming", False)


def test_a_viewer_lists_and_filters_participants(client, people, challenge):
    client.force_login(staff("kijker", "view_participant"))
    html = client.get(PARTICIPANTS).content.decode()
    for name in ("Anna Alfa", "Bas Bravo", "Cas Charlie"):
        assert name in html
    sleep = client.get(PARTICIPANTS, {"theme": "sleep"}).content.decode()
    assert "Anna Alfa" in sleep and "Bas Bravo" not in sleep
    pending = client.get(PARTICIPANTS, {"status": "pending"}).content.decode()
    assert "Bas Bravo" in pending and "Anna Alfa" not in pending
    edition = client.get(PARTICIPANTS, {"page": challenge.pk}).content.decode()
    assert "Anna Alfa" in edition and "Cas Charlie" not in edition
    inspect = client.get(f"{PARTICIPANTS}inspect/{people['anna'].pk}/")
    assert inspect.status_code == 200 and "Anna Alfa" in inspect.content.decode()
    assert client.get(TEAMS).status_code in (302, 403)  # teams need their own permission


def test_the_participant_export(client, people):
    client.force_login(staff("kijker", "view_participant"))
    response = client.get(PARTICIPANTS, {"export": "csv", "status": "confirmed"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content)
                                           .decode("utf-8-sig"))))  # fmt: skip
    assert {row["Naam"] for row in rows} == {"Anna Alfa", "Cas Charlie"}
    anna = next(row for row in rows if row["Naam"] == "Anna Alfa")
    assert (anna["Thema"], anna["Team"], anna["Status"]) == ("Slapen", "De Lopers", "Bevestigd")


def test_the_team_list_counts_confirmed_members(client, people):
    client.force_login(staff("teamkijker", "view_team"))
    response = client.get(TEAMS)
    assert response.status_code == 200
    html = response.content.decode()
    assert "De Lopers" in html
    rows = list(csv.DictReader(io.StringIO(b"".join(client.get(TEAMS, {"export": "csv"})
                                                    .streaming_content).decode("utf-8-sig"))))  # fmt: skip
    assert [(row["Teamnaam"], row["Bevestigde deelnemers"]) for row in rows] == [("De Lopers", "1")]


def test_nobody_adds_edits_or_deletes_participants(client, people):
    client.force_login(User.objects.create_superuser("baas", password="x"))
    pk = people["anna"].pk
    for url in (f"{PARTICIPANTS}new/", f"{PARTICIPANTS}edit/{pk}/", f"{PARTICIPANTS}delete/{pk}/"):
        assert client.get(url).status_code in (302, 403, 404), url
    assert client.post(f"{PARTICIPANTS}delete/{pk}/").status_code in (302, 403, 404)
    assert Participant.objects.filter(pk=pk).exists()


def test_editors_write_support_messages_as_snippets(client):
    client.force_login(staff("schrijver", "add_supportmessage", "change_supportmessage",
                             "view_supportmessage"))  # fmt: skip
    assert client.get(SNIPPETS).status_code == 200
    response = client.post(f"{SNIPPETS}add/", {
        "day": "7", "theme": "sleep", "subject": "Een week, {naam}",
        "body": "Hoi {naam}, dag {dag}.",
    })  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    assert SupportMessage.objects.get().subject == "Een week, {naam}"
    bad = client.post(f"{SNIPPETS}add/", {"day": "7", "theme": "", "subject": "X",
                                          "body": "Hoi {voornaam}"})  # fmt: skip
    assert bad.status_code == 200  # the form again, with the error
    assert "Onbekend om in te vullen: {voornaam}" in bad.content.decode()
    assert SupportMessage.objects.count() == 1


def test_staff_without_snippet_permissions_cannot_write_messages(client):
    client.force_login(staff("lezer"))
    assert client.get(f"{SNIPPETS}add/").status_code in (302, 403)
