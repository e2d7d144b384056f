"""No list ever holds an unconfirmed address: the recipients of a newsletter, the admin list,
and the CSV and Excel exports whatever their filters; the export's columns and theme filter; and
who may see and export."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission, User
from openpyxl import load_workbook

from kennislab.newsletter import services
from kennislab.newsletter.models import Subscriber

from .helpers import subscribe, text

pytestmark = pytest.mark.django_db
LIST = "/admin/nieuwsbrief-abonnees/"
PENDING = "nog.niet@example.org"


def staff(username: str, *codenames: str) -> User:
    user = User.objects.create_user(username, password="x", is_staff=True)
    group = Group.objects.create(name=f"groep-{username}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    group.permissions.add(*Permission.objects.filter(codename__in=codenames))
    user.groups.add(group)
    return user


@pytest.fixture
def people(themes):
    mental, exercise, _food = themes
    return {
        "ans": subscribe("ans@example.org", "Ans", [mental]),
        "bo": subscribe("bo@example.org", '=HYPERLINK("x")', [exercise, mental]),
        "cor": subscribe("cor@example.org", "Cor"),  # no themes: everything
        "pending": subscribe(PENDING, "Niet Bevestigd", [mental], confirmed=False),
        "gone": _unsubscribed(),
    }


def _unsubscribed():
    subscriber = subscribe("weg@example.org", "Weg", [])
    services.unsubscribe(subscriber)
    return subscriber


@pytest.fixture
def exporter(client):
    client.force_login(staff("exporteur", "view_subscriber", "export_subscribers"))
    return client


def csv_rows(response) -> list[dict]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def xlsx_rows(response) -> list[tuple]:
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return list(workbook.active.iter_rows(values_only=True))


FILTERS = [{}, {"status": "pending"}, {"status": "confirmed"}, {"status": "unsubscribed"},
           {"q": "niet"}, {"q": PENDING}, {"theme": "THEME"}]  # fmt: skip


def _params(filters, themes):
    return {k: (themes[0].pk if v == "THEME" else v) for k, v in filters.items()}


def test_recipients_are_confirmed_only(people, themes):
    assert {s.email for s in services.recipients()} == {"ans@example.org", "bo@example.org",
                                                        "cor@example.org"}  # fmt: skip
    assert {s.email for s in services.recipients(themes[1])} == {"bo@example.org",
                                                                 "cor@example.org"}  # fmt: skip
    assert {s.email for s in services.recipients(themes[2])} == {"cor@example.org"}


@pytest.mark.parametrize("filters", FILTERS)
def test_no_export_ever_has_an_unconfirmed_address(exporter, people, themes, filters):
    params = _params(filters, themes)
    rows = csv_rows(exporter.get(LIST, {**params, "export": "csv"}))
    sheet = xlsx_rows(exporter.get(LIST, {**params, "export": "xlsx"}))
    confirmed = set(Subscriber.objects.confirmed().values_list("email", flat=True))
    assert {row["E-mailadres"] for row in rows} <= confirmed
    assert {row[0] for row in sheet[1:]} <= confirmed
    assert len(rows) == len(sheet) - 1
    for content in (str(rows), str(sheet)):
        assert PENDING not in content and "Niet Bevestigd" not in content


@pytest.mark.parametrize("filters", FILTERS)
def test_the_admin_list_never_shows_an_unconfirmed_address(exporter, people, themes, filters):
    response = exporter.get(LIST, _params(filters, themes))
    assert response.status_code == 200
    html = text(response).replace(f'value="{PENDING}"', "")  # the search box repeats the query
    assert PENDING not in html and "Niet Bevestigd" not in html


def test_the_export_columns_and_the_theme_filter(exporter, people, themes):
    rows = csv_rows(exporter.get(LIST, {"export": "csv"}))
    assert list(rows[0]) == ["E-mailadres", "Naam", "Thema's", "Bevestigd op"]
    by_email = {row["E-mailadres"]: row for row in rows}
    assert set(by_email) == {"ans@example.org", "bo@example.org", "cor@example.org"}
    assert by_email["ans@example.org"]["Thema's"] == "Testthema a"
    assert by_email["bo@example.org"]["Thema's"] == "Testthema a, Testthema b"
    assert by_email["bo@example.org"]["Naam"] == '\'=HYPERLINK("x")'  # never a formula
    assert by_email["cor@example.org"]["Thema's"] == "Alle thema's"
    assert by_email["ans@example.org"]["Bevestigd op"].startswith("20")
    filtered = csv_rows(exporter.get(LIST, {"export": "csv", "theme": themes[1].pk}))
    assert {row["E-mailadres"] for row in filtered} == {"bo@example.org", "cor@example.org"}
    sheet = xlsx_rows(exporter.get(LIST, {"export": "xlsx", "theme": themes[2].pk}))
    assert sheet[0] == ("E-mailadres", "Naam", "Thema's", "Bevestigd op")
    assert [row[0] for row in sheet[1:]] == ["cor@example.org"]


def test_the_list_filters_and_search(exporter, people, themes):
    html = text(exporter.get(LIST))
    assert "ans@example.org" in html and "(afgemeld, adres verwijderd)" in html
    assert "Download CSV" in html
    gone = text(exporter.get(LIST, {"status": "unsubscribed"}))
    assert "ans@example.org" not in gone and "(afgemeld, adres verwijderd)" in gone
    found = text(exporter.get(LIST, {"q": "cor@"}))
    assert "cor@example.org" in found and "ans@example.org" not in found


def test_view_without_export_permission(client, people):
    client.force_login(staff("kijker", "view_subscriber"))
    response = client.get(LIST)
    assert response.status_code == 200
    assert "ans@example.org" in text(response)
    assert "Download CSV" not in text(response) and "Download XLSX" not in text(response)
    for export in ("csv", "xlsx"):
        refused = client.get(LIST, {"export": export})
        assert refused.status_code in (302, 403)
        assert not getattr(refused, "streaming", False)
        assert b"ans@example.org" not in getattr(refused, "content", b"")


def test_staff_without_permission_see_nothing(client, people):
    client.force_login(staff("redacteur"))
    for params in ({}, {"export": "csv"}, {"export": "xlsx"}):
        response = client.get(LIST, params)
        assert response.status_code in (302, 403)
        assert not getattr(response, "streaming", False)
    assert "nieuwsbrief-abonnees" not in text(client.get("/admin/"))


def test_nobody_adds_edits_or_deletes_subscribers(client, people):
    admin = User.objects.create_superuser("baas", password="x")
    client.force_login(admin)
    assert client.get(LIST).status_code == 200
    assert client.get(f"{LIST}new/").status_code in (403, 404, 302)
    pk = people["ans"].pk
    assert client.get(f"{LIST}edit/{pk}/").status_code in (403, 404, 302)
    assert client.post(f"{LIST}delete/{pk}/").status_code in (403, 404, 302)
    assert Subscriber.objects.filter(pk=pk).exists()


def test_only_view_and_export_are_offered_as_group_permissions():
    from wagtail import hooks

    codenames = set()
    for hook in hooks.get_hooks("register_permissions"):
        codenames |= set(
            hook().filter(content_type__app_label="newsletter").values_list("codename", flat=True)
        )
    assert codenames == {"view_subscriber", "export_subscribers"}
