"""The back office: who sees applications, decisions with a note, history, filters, exports and
the dashboard panel."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core import mail
from openpyxl import load_workbook

from kennislab.core.models import OutgoingEmail
from kennislab.vouchers import services
from kennislab.vouchers.models import Application, ApplicationEvent, Status

from .demo_fixture import application_data, example, open_demo_scheme

pytestmark = pytest.mark.django_db
LIST = "/admin/voucheraanvragen/"


def staff(username: str, *codenames: str) -> User:
    user = User.objects.create_user(username, password="x", is_staff=True)
    group = Group.objects.create(name=f"groep-{username}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        group.permissions.add(
            Permission.objects.get(codename=codename, content_type__app_label="vouchers")
        )
    user.groups.add(group)
    return user


@pytest.fixture
def scheme():
    scheme = open_demo_scheme()
    scheme.max_per_example = 1
    scheme.save()
    return scheme


@pytest.fixture
def applications(scheme):
    """Veenland: A granted, B waiting (the example allows one); Zandhoeve: C granted."""
    veenland, zandhoeve = example("gezonde-regio-veenland"), example("scholennetwerk-zandhoeve")
    made = {}
    for key, page, name in [
        ("a", veenland, "Gemeente Alfa"),
        ("b", veenland, "Gemeente Bravo"),
        ("c", zandhoeve, "Scholengroep Charlie"),
    ]:
        made[key], _token = services.submit(page, application_data(name), "toestemming")
    return made


@pytest.fixture
def decider(client):
    client.force_login(staff("besluiter", "view_application", "decide_application"))
    return client


def test_staff_without_the_voucher_permission_sees_no_applications(client, applications):
    client.force_login(staff("redacteur"))
    home = client.get("/admin/")
    assert home.status_code == 200
    assert b"voucheraanvragen" not in home.content
    listing = client.get(LIST)
    assert listing.status_code in (302, 403)
    assert b"Gemeente Alfa" not in listing.content
    inspect = client.get(f"{LIST}inspect/{applications['a'].pk}/")
    assert b"Gemeente Alfa" not in inspect.content


def test_viewer_can_list_and_inspect_but_not_decide(client, applications):
    client.force_login(staff("kijker", "view_application"))
    listing = client.get(LIST)
    assert listing.status_code == 200
    for name in ("Gemeente Alfa", "Gemeente Bravo", "Scholengroep Charlie"):
        assert name.encode() in listing.content
    detail = client.get(f"{LIST}inspect/{applications['a'].pk}/")
    assert detail.status_code == 200
    assert b"Geschiedenis" in detail.content
    assert b"Besluit vastleggen" not in detail.content
    refused = client.post(
        f"{LIST}inspect/{applications['a'].pk}/", {"action": "reject", "note": "Nee."}
    )
    assert refused.status_code in (302, 403)  # Wagtail redirects with "no permission"
    assert Application.objects.get(pk=applications["a"].pk).status == Status.GRANTED


def test_nobody_adds_edits_or_deletes_applications_in_the_admin(client, applications):
    client.force_login(User.objects.create_superuser("baas", password="x"))
    pk = applications["a"].pk
    for url in (f"{LIST}new/", f"{LIST}edit/{pk}/", f"{LIST}delete/{pk}/"):
        assert client.get(url).status_code in (302, 403), url
    assert client.post(f"{LIST}delete/{pk}/").status_code in (302, 403)
    assert Application.objects.filter(pk=pk).exists()


def test_rejecting_with_a_note_moves_the_waiting_application_up(
    decider, applications, django_capture_on_commit_callbacks
):
    a, b = applications["a"], applications["b"]
    with django_capture_on_commit_callbacks(execute=True):
        response = decider.post(
            f"{LIST}inspect/{a.pk}/",
            {"action": "reject", "note": "Geen eigen inzet beschreven."},
            follow=True,
        )
    assert response.status_code == 200
    assert "is van de wachtlijst doorgeschoven" in response.content.decode()
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.status, a.decision_note) == (Status.REJECTED, "Geen eigen inzet beschreven.")
    assert b.status == Status.GRANTED
    event = ApplicationEvent.objects.filter(application=a).last()
    assert (event.from_status, event.to_status, event.actor.username) == (
        Status.GRANTED,
        Status.REJECTED,
        "besluiter",
    )
    assert "Geen eigen inzet beschreven." in response.content.decode()  # in the history
    subjects = [message.subject for message in mail.outbox]
    assert f"Besluit over je aanvraag {a.reference}" in subjects
    assert f"Goed nieuws: je aanvraag {b.reference} heeft een voucher" in subjects


def test_rejecting_without_a_note_is_refused_and_changes_nothing(decider, applications):
    a = applications["a"]
    events = ApplicationEvent.objects.count()
    mails = OutgoingEmail.objects.count()
    response = decider.post(f"{LIST}inspect/{a.pk}/", {"action": "reject", "note": "  "})
    assert response.status_code == 400
    assert "Schrijf waarom" in response.content.decode()
    a.refresh_from_db()
    assert a.status == Status.GRANTED
    assert ApplicationEvent.objects.count() == events
    assert OutgoingEmail.objects.count() == mails


def test_granting_a_waiting_application_for_a_full_example_is_refused(decider, applications):
    b = applications["b"]
    response = decider.post(f"{LIST}inspect/{b.pk}/", {"action": "grant", "note": ""})
    assert response.status_code == 400
    assert "zijn al 1 vouchers toegekend" in response.content.decode()
    b.refresh_from_db()
    assert b.status == Status.WAITING


def test_the_form_offers_only_the_decisions_the_rules_allow(decider, applications):
    granted = decider.get(f"{LIST}inspect/{applications['a'].pk}/").content.decode()
    assert 'value="reject"' in granted and 'value="withdraw"' in granted
    assert 'value="grant"' not in granted
    services.decide(applications["a"].pk, "reject", "Nee.")
    rejected = decider.get(f"{LIST}inspect/{applications['a'].pk}/").content.decode()
    assert "Besluit vastleggen" not in rejected
    sneaky = decider.post(f"{LIST}inspect/{applications['a'].pk}/", {"action": "grant"})
    assert sneaky.status_code == 400
    assert Application.objects.get(pk=applications["a"].pk).status == Status.REJECTED


def test_filters_and_search(decider, applications):
    waiting = decider.get(LIST, {"status": "waiting"}).content.decode()
    assert "Gemeente Bravo" in waiting
    assert "Gemeente Alfa" not in waiting
    by_example = decider.get(LIST, {"example": example("scholennetwerk-zandhoeve").pk})
    assert b"Scholengroep Charlie" in by_example.content
    assert b"Gemeente Alfa" not in by_example.content
    found = decider.get(LIST, {"q": applications["b"].reference}).content.decode()
    assert "Gemeente Bravo" in found
    assert "Gemeente Alfa" not in found


def _csv_rows(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


def test_export_csv_has_dutch_headings_and_every_filtered_row(decider, applications):
    response = decider.get(LIST, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "voucheraanvragen-" in response["Content-Disposition"]
    rows = _csv_rows(response)
    assert {row["Kenmerk"] for row in rows} == {app.reference for app in applications.values()}
    bravo = next(row for row in rows if row["Organisatie"] == "Gemeente Bravo")
    assert bravo["Status"] == "Op de wachtlijst"
    assert bravo["Plaats op de wachtlijst"] == "1"
    assert bravo["E-mailadres"] == "tess@voorbeeld.example"
    filtered = _csv_rows(decider.get(LIST, {"export": "csv", "status": "granted"}))
    assert {row["Organisatie"] for row in filtered} == {"Gemeente Alfa", "Scholengroep Charlie"}


def test_export_xlsx(decider, applications):
    response = decider.get(LIST, {"export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Kenmerk", "Ontvangen op", "Regeling")
    assert sorted(row[0] for row in rows[1:]) == sorted(a.reference for a in applications.values())


def test_exports_need_the_view_permission(client, applications):
    client.force_login(staff("redacteur"))
    response = client.get(LIST, {"export": "csv"})
    assert response.status_code in (302, 403)
    assert not getattr(response, "streaming", False)


def test_dashboard_panel_shows_budget_and_vouchers_per_example(decider, applications):
    page = decider.get("/admin/").content.decode()
    assert "Kennisvouchers Positieve Gezondheid 2026" in page
    assert "2 van 20 vouchers toegekend, 1 op de wachtlijst, 3 aanvragen ontvangen." in page
    assert "€ 18.000 toegekend, € 162.000 over" in page
    assert "Gezonde Regio Veenland" in page


def test_dashboard_panel_is_hidden_without_permission(client, applications):
    client.force_login(staff("redacteur"))
    page = client.get("/admin/").content.decode()
    assert "vouchers toegekend" not in page


def test_only_view_and_decide_are_offered_as_group_permissions():
    from wagtail import hooks

    codenames = {
        permission.codename
        for hook in hooks.get_hooks("register_permissions")
        for permission in hook()
        if permission.content_type.app_label == "vouchers"
        and permission.content_type.model == "application"
    }
    assert codenames == {"view_application", "decide_application"}


def test_schemes_are_managed_in_the_admin(client, scheme):
    client.force_login(User.objects.create_superuser("baas", password="x"))
    listing = client.get("/admin/voucherregelingen/")
    assert listing.status_code == 200
    assert scheme.title.encode() in listing.content
    assert client.get(f"/admin/voucherregelingen/edit/{scheme.pk}/").status_code == 200
