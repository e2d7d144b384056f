"""The back office: the registrations list and its export, the history per registration, and
cancelling on someone's behalf (only with `manage_registration`)."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission, User

from kennislab.campaigns.models import Registration, RegistrationEvent, Status
from kennislab.core.models import OutgoingEmail

from .conftest import register

pytestmark = pytest.mark.django_db
LIST = "/admin/aanmeldingen/"


def staff(username: str, *codenames: str) -> User:
    user = User.objects.create_user(username, password="x", is_staff=True)
    group = Group.objects.create(name=f"groep-{username}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        group.permissions.add(
            Permission.objects.get(codename=codename, content_type__app_label="campaigns")
        )
    user.groups.add(group)
    return user


def inspect_url(registration) -> str:
    return f"{LIST}inspect/{registration.pk}/"


def fresh(registration) -> Registration:
    return Registration.objects.get(pk=registration.pk)


@pytest.fixture
def registrations(event):
    """The two places taken (Anna, Bas), Cas on the waiting list."""
    made = {}
    for key, name in [("a", "Anna Alfa"), ("b", "Bas Bravo"), ("c", "Cas Charlie")]:
        made[key], _token = register(event, name=name, email=f"{key}@voorbeeld.example")
    return made


@pytest.fixture
def viewer(client):
    client.force_login(staff("kijker", "view_registration"))
    return client


@pytest.fixture
def manager(client):
    client.force_login(staff("beheerder", "view_registration", "manage_registration"))
    return client


def test_staff_without_the_permission_see_no_registrations(client, registrations):
    client.force_login(staff("redacteur"))
    listing = client.get(LIST)
    assert listing.status_code in (302, 403)
    assert b"Anna Alfa" not in listing.content
    inspect = client.get(inspect_url(registrations["a"]))
    assert inspect.status_code in (302, 403)
    assert b"Anna Alfa" not in inspect.content
    export = client.get(LIST, {"export": "csv"})
    assert export.status_code in (302, 403)
    assert not getattr(export, "streaming", False)


def test_a_viewer_lists_the_registrations(viewer, registrations):
    response = viewer.get(LIST)
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("Anna Alfa", "Bas Bravo", "Cas Charlie"):
        assert name in html
    assert "Op de wachtlijst" in html
    waiting = viewer.get(LIST, {"status": "waiting"}).content.decode()
    assert "Cas Charlie" in waiting and "Anna Alfa" not in waiting
    found = viewer.get(LIST, {"q": "b@voorbeeld.example"}).content.decode()
    assert "Bas Bravo" in found and "Anna Alfa" not in found


def _csv_rows(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_export_csv(viewer, registrations):
    response = viewer.get(LIST, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "aanmeldingen" in response["Content-Disposition"]
    rows = _csv_rows(response)
    assert {row["Naam"] for row in rows} == {"Anna Alfa", "Bas Bravo", "Cas Charlie"}
    cas = next(row for row in rows if row["Naam"] == "Cas Charlie")
    assert cas["Evenement"] == "Webinar eenzaamheid in de wijk"
    assert cas["E-mailadres"] == "c@voorbeeld.example"
    assert cas["Organisatie"] == "GGD Waterstreek"
    assert cas["Status"] == "Op de wachtlijst"
    assert cas["Plaats op de wachtlijst"] == "1"
    anna = next(row for row in rows if row["Naam"] == "Anna Alfa")
    assert anna["Status"] == "Aangemeld"
    assert cas["Aangemeld op"]
    filtered = _csv_rows(viewer.get(LIST, {"export": "csv", "status": "registered"}))
    assert {row["Naam"] for row in filtered} == {"Anna Alfa", "Bas Bravo"}


def test_the_inspect_view_shows_the_history(viewer, registrations):
    response = viewer.get(inspect_url(registrations["c"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Geschiedenis" in html
    assert "Cas Charlie" in html
    assert "(nieuw)" in html and "Op de wachtlijst" in html and "deelnemer" in html
    assert 'name="note"' not in html  # a viewer cannot cancel


def test_a_viewer_cannot_cancel(viewer, registrations):
    a = registrations["a"]
    response = viewer.post(inspect_url(a), {"note": "Belde af."})
    assert response.status_code in (302, 403)
    assert fresh(a).status == Status.REGISTERED
    assert RegistrationEvent.objects.filter(registration=a).count() == 1


def test_a_manager_cancels_with_a_note_and_the_waiting_list_moves_up(
    manager, registrations, django_capture_on_commit_callbacks
):
    a, c = registrations["a"], registrations["c"]
    page = manager.get(inspect_url(a)).content.decode()
    assert 'name="note"' in page and "Afmelden namens de deelnemer" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = manager.post(inspect_url(a), {"note": "Belde af: ziek."}, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Anna Alfa is afgemeld voor ‘" in html and "krijgt een bevestiging per e-mail." in html
    assert "Belde af: ziek." in html  # in the history
    assert "beheerder" in html
    assert fresh(a).status == Status.CANCELLED
    assert fresh(c).status == Status.REGISTERED
    log = RegistrationEvent.objects.filter(registration=a).last()
    assert (log.from_status, log.to_status, log.actor.username, log.note) == (
        Status.REGISTERED, Status.CANCELLED, "beheerder", "Belde af: ziek.",
    )  # fmt: skip
    subjects = set(OutgoingEmail.objects.values_list("subject", flat=True))
    assert "Je bent afgemeld: Webinar eenzaamheid in de wijk" in subjects
    assert any(subject.startswith("Er is een plaats vrij") for subject in subjects)
    assert 'name="note"' not in manager.get(inspect_url(a)).content.decode()  # nothing to do


@pytest.mark.parametrize("note", ["", "   "])
def test_cancelling_needs_a_note(manager, registrations, note):
    a = registrations["a"]
    events, mails = RegistrationEvent.objects.count(), OutgoingEmail.objects.count()
    response = manager.post(inspect_url(a), {"note": note})
    assert response.status_code == 400
    assert "Schrijf waarom je deze deelnemer afmeldt." in response.content.decode()
    assert fresh(a).status == Status.REGISTERED
    assert (RegistrationEvent.objects.count(), OutgoingEmail.objects.count()) == (events, mails)


def test_nobody_adds_edits_or_deletes_registrations(client, registrations):
    client.force_login(User.objects.create_superuser("baas", password="x"))
    pk = registrations["a"].pk
    for url in (f"{LIST}new/", f"{LIST}edit/{pk}/", f"{LIST}delete/{pk}/"):
        assert client.get(url).status_code in (302, 403, 404), url
    assert client.post(f"{LIST}delete/{pk}/").status_code in (302, 403, 404)
    assert Registration.objects.filter(pk=pk).exists()
