"""The private storage alias (kennislab/core/storage.py): vignet evidence and story attachments
land under PRIVATE_MEDIA_ROOT (never MEDIA_ROOT, never by URL), the backend is configuration only
(the views read through the storage API), and the files go when their record is erased or purged
by the privacy register."""

import errno
import html
import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage, default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError
from django.utils import timezone

from kennislab.core import storage as private
from kennislab.core.models import OutgoingEmail
from kennislab.network import services as network
from kennislab.network.models import Story
from kennislab.network.tests.conftest import story_post
from kennislab.privacy import register, services
from kennislab.vignet import services as vignet_services
from kennislab.vignet.models import Evidence
from kennislab.vignet.tests.factories import PDF, complete_post, make_draft

pytestmark = pytest.mark.django_db
IN_MEMORY = {"BACKEND": "django.core.files.storage.InMemoryStorage"}
STORY = "/netwerk/praktijkverhaal/"


def network_text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def in_memory(settings):
    """The private alias on another backend, by settings only (as a bucket would be)."""
    settings.STORAGES = {**settings.STORAGES, "private": IN_MEMORY}
    return storages["private"]


def files_under(root) -> list[Path]:
    root = Path(root)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def story(email="verteller@voorbeeld.example", attachment=b"%PDF-1.4 verslag") -> Story:
    data = {
        "title": "Samen koken in de wijk", "summary": "Buurtbewoners koken samen.",
        "what_was_done": "Elke week een kookavond.", "what_worked": "Doorverwijzen.",
        "lessons": "Begin klein.", "contact_name": "Sam Verteller", "email": email,
        "organisation": "Welzijn Testdorp", "name_public": False,
    }  # fmt: skip
    upload = SimpleUploadedFile("verslag.pdf", attachment, content_type="application/pdf")
    return network.submit_story(data, upload if attachment else None, "Ik geef toestemming.")


def evidence(email="werkgever@bedrijf.example", with_token=False):
    upload = SimpleUploadedFile("nulmeting.pdf", PDF, content_type="application/pdf")
    application, token = make_draft(files=[upload], email=email)
    item = application.evidence.get()
    return (item, token) if with_token else item


def staff(username, *permissions) -> User:
    user = User.objects.create_user(username, password="x", is_staff=True)
    group = Group.objects.create(name=f"groep-{username}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for label in permissions:
        app_label, codename = label.split(".")
        group.permissions.add(
            Permission.objects.get(codename=codename, content_type__app_label=app_label)
        )
    user.groups.add(group)
    return user


# --- one alias ------------------------------------------------------------------------------


def test_both_models_use_the_private_alias(settings):
    assert settings.STORAGES["private"]["BACKEND"] == "kennislab.core.storage.PrivateStorage"
    for model, name in ((Evidence, "file"), (Story, "attachment")):
        field = model._meta.get_field(name)
        assert field.storage is private.private_storage() is private.private_files
        # migrations name the function, not a backend
        assert field.deconstruct()[3]["storage"] is private.private_storage
    assert isinstance(storages["private"], private.PrivateStorage)


def test_uploads_land_under_the_private_root_and_have_no_url(private_media, settings):
    stored = [story().attachment, evidence().file]
    for value in stored:
        path = Path(private_media, value.name)
        assert path.is_file()
        assert not Path(settings.MEDIA_ROOT, value.name).exists()
        with pytest.raises(ValueError):
            value.url  # noqa: B018
    assert sorted(p.name for p in files_under(private_media)) == ["nulmeting.pdf", "verslag.pdf"]
    assert files_under(settings.MEDIA_ROOT) == []


def test_the_location_follows_the_setting_unless_the_options_give_one(settings, tmp_path):
    backend = private.PrivateStorage()
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "elders"
    assert backend.location == str(tmp_path / "elders")
    fixed = private.PrivateStorage(location=tmp_path / "vast")
    assert fixed.location == str(tmp_path / "vast")
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {"BACKEND": "kennislab.core.storage.PrivateStorage",
                    "OPTIONS": {"location": str(tmp_path / "opties")}},
    }  # fmt: skip
    name = private.private_files.save("a/b.txt", ContentFile(b"x"))
    assert (tmp_path / "opties" / name).read_bytes() == b"x"


# --- another backend: configuration only ------------------------------------------------------


def test_another_backend_needs_no_code(in_memory, private_media, client):
    attached = story(attachment=b"%PDF-1.4 in het geheugen")
    assert attached.attachment.storage.exists(attached.attachment.name)
    assert in_memory.exists(attached.attachment.name)
    assert files_under(private_media) == []
    client.force_login(staff("redacteur", "network.view_story"))
    download = client.get(f"/admin/netwerk/praktijkverhaal/{attached.pk}/bijlage/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 in het geheugen"

    item, token = evidence(with_token=True)
    assert in_memory.exists(item.file.name)
    applicant = client.get(f"/vignet/aanvraag/{token}/bewijs/{item.pk}/")
    assert applicant.status_code == 200 and b"".join(applicant.streaming_content) == PDF
    client.force_login(staff("kijker", "vignet.view_application"))
    download = client.get(f"/admin/vignet/bewijs/{item.pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    in_memory.delete(item.file.name)
    assert client.get(f"/admin/vignet/bewijs/{item.pk}/").status_code == 404


def test_a_changed_alias_is_followed(settings):
    first = storages["private"]
    assert private.private_files.location  # resolved
    settings.STORAGES = {**settings.STORAGES, "private": IN_MEMORY}
    assert isinstance(storages["private"], InMemoryStorage)
    assert private.private_files.exists("nergens.txt") is False
    assert private.private_files._wrapped is storages["private"] is not first


# --- files go with their record -----------------------------------------------------------------


def stored_files(*values) -> list[tuple]:
    return [(value.storage, value.name) for value in values]


def test_the_register_names_the_files():
    assert register.REGISTRY["network.story"].files == ("attachment",)
    assert register.REGISTRY["vignet.evidence"].files == ("file",)


def test_erasing_a_person_deletes_their_files(private_media, django_capture_on_commit_callbacks):
    attached = story(email="wis@voorbeeld.example")
    item = evidence(email="wis@voorbeeld.example")
    other = story(email="blijft@voorbeeld.example")
    files = stored_files(attached.attachment, item.file)
    assert all(storage.exists(name) for storage, name in files)
    with django_capture_on_commit_callbacks(execute=True):
        result = services.erase("wis@voorbeeld.example", reason="verzoek")
    assert "network.story" in result.per_entry and "vignet.evidence" in result.per_entry
    assert not any(storage.exists(name) for storage, name in files)
    assert Story.objects.filter(pk=attached.pk, attachment="").exists()
    assert other.attachment.storage.exists(other.attachment.name)
    assert [p.name for p in files_under(private_media)] == ["verslag.pdf"]


def test_nothing_is_deleted_when_the_erasure_rolls_back(django_capture_on_commit_callbacks):
    attached = story(email="terug@voorbeeld.example")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.erase("terug@voorbeeld.example")
    assert callbacks  # the deletion waits for the commit
    assert attached.attachment.storage.exists(attached.attachment.name)


def test_purging_deletes_the_files_of_records_past_their_term(
    private_media, django_capture_on_commit_callbacks
):
    attached = story(email="oud@voorbeeld.example")
    item = evidence(email="oud@voorbeeld.example")
    files = stored_files(attached.attachment, item.file)
    with django_capture_on_commit_callbacks(execute=True):
        services.purge(timezone.now() + timedelta(days=30))
    assert all(storage.exists(name) for storage, name in files)  # not due yet

    later = timezone.now() + timedelta(days=30 * 365)
    with django_capture_on_commit_callbacks(execute=True):
        results = services.purge(later)
    done = {result.rule.key: result.count for result in results}
    story_rules = [rule.key for rule in register.REGISTRY["network.story"].retention]
    assert sum(done[key] for key in story_rules) >= 1
    assert not any(storage.exists(name) for storage, name in files)
    assert files_under(private_media) == []
    with django_capture_on_commit_callbacks(execute=True):
        again = services.purge(later)
    assert sum(result.count for result in again) == 0


# --- file modes, detected types, a full disk ------------------------------------------------------


def mode(path) -> int:
    return os.stat(path).st_mode & 0o777


def test_private_files_are_0600_in_folders_0700(private_media):
    old_umask = os.umask(0o022)  # a usual umask: without the storage's modes files become 0644
    try:
        stored = [story().attachment, evidence().file]
    finally:
        os.umask(old_umask)
    for value in stored:
        path = Path(private_media, value.name)
        assert mode(path) == 0o600
        folder = path.parent
        while folder != Path(private_media).parent:
            assert mode(folder) == 0o700, folder
            folder = folder.parent


def test_public_media_are_readable_by_the_web_server(settings):
    old_umask = os.umask(0o077)
    try:
        name = default_storage.save("openbaar/map/logo.txt", ContentFile(b"x"))
    finally:
        os.umask(old_umask)
    path = Path(settings.MEDIA_ROOT, name)
    assert mode(path) == 0o644
    assert mode(path.parent) == 0o755 and mode(path.parent.parent) == 0o755


@pytest.mark.parametrize(
    ("name", "content", "stored", "kind"),
    [
        ("rapport.html", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "rapport.pdf", "application/pdf"),
        ("foto", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "foto.png", "image/png"),
        ("scan.pdf.exe", b"\xff\xd8\xff\xe0\x00\x10JFIF", "scan.pdf.jpg", "image/jpeg"),
    ],
)
def test_a_story_attachment_gets_the_extension_of_its_content(
    client, private_media, name, content, stored, kind
):
    upload = SimpleUploadedFile(name, content, content_type="text/html")
    response = client.post(STORY, {**story_post(), "attachment": upload})
    assert response.status_code == 303
    attached = Story.objects.get()
    assert (attached.attachment_name, attached.attachment_type) == (stored, kind)
    assert attached.attachment.name.endswith("/" + stored)
    assert [p.name for p in files_under(private_media)] == [stored]

    client.force_login(staff("redacteur", "network.view_story"))
    download = client.get(f"/admin/netwerk/praktijkverhaal/{attached.pk}/bijlage/")
    assert download.status_code == 200
    assert download["Content-Type"] == kind
    assert download["Content-Disposition"] == f'attachment; filename="{stored}"'
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == content


def test_evidence_gets_the_extension_of_its_content(client, private_media):
    application, token = make_draft()
    upload = SimpleUploadedFile("rapport.html", PDF, content_type="text/html")
    data = complete_post(action="next", evidence=[upload])
    response = client.post(f"/vignet/aanvraag/{token}/stap/4/", data)
    assert response.status_code == 303
    item = application.evidence.get()
    assert (item.name, item.content_type) == ("rapport.pdf", "application/pdf")
    assert item.file.name.endswith("/rapport.pdf")
    for url in (f"/vignet/aanvraag/{token}/bewijs/{item.pk}/", f"/admin/vignet/bewijs/{item.pk}/"):
        if url.startswith("/admin/"):
            client.force_login(staff("kijker", "vignet.view_application"))
        download = client.get(url)
        assert download.status_code == 200, url
        assert download["Content-Type"] == "application/pdf"
        assert download["Content-Disposition"] == 'attachment; filename="rapport.pdf"'
        assert download["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("rapport.pdf", b"<!doctype html><script>alert(1)</script>"),
        ("archief.docx", b"PK\x03\x04" + b"\x00" * 40),  # a ZIP, not a Word document
        ("leeg.gif", b"GIF89a\x01\x00\x01\x00"),  # an image, but not an allowed one
    ],
)
def test_content_of_another_type_is_refused_in_dutch(client, private_media, name, content):
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    response = client.post(STORY, {**story_post(), "attachment": upload})
    assert response.status_code == 400
    assert f"{name} is geen PDF, Word-document (.docx), PNG of JPEG." in network_text(response)
    assert not Story.objects.exists() and files_under(private_media) == []


def full_disk(monkeypatch):
    def no_space(self, name, content):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(private.PrivateStorage, "_save", no_space)


def test_a_full_disk_keeps_no_story_and_says_so(client, private_media, monkeypatch):
    full_disk(monkeypatch)
    upload = SimpleUploadedFile("verslag.pdf", b"%PDF-1.4 verslag", content_type="application/pdf")
    response = client.post(STORY, {**story_post(title="Vol"), "attachment": upload})
    assert response.status_code == 503
    page = network_text(response)
    assert "De bijlage kon niet worden opgeslagen" in page and "Traceback" not in page
    assert 'value="Vol"' in page  # the form again, filled in
    assert not Story.objects.exists() and not OutgoingEmail.objects.exists()
    assert files_under(private_media) == []


def test_a_full_disk_keeps_nothing_of_the_evidence_step(client, private_media, monkeypatch):
    application, token = make_draft()
    before = (application.guidance_name, application.evidence.count())
    full_disk(monkeypatch)
    data = complete_post(
        action="next", evidence=[SimpleUploadedFile("b.pdf", PDF)], guidance_name="Dr. Nieuw"
    )
    response = client.post(f"/vignet/aanvraag/{token}/stap/4/", data)
    assert response.status_code == 503
    page = network_text(response)
    assert "De bijlage kon niet worden opgeslagen" in page and "Traceback" not in page
    application.refresh_from_db()
    assert (application.guidance_name, application.evidence.count()) == before
    assert files_under(private_media) == []


def test_a_file_written_before_a_database_failure_is_removed(private_media, monkeypatch):
    def broken(*args, **kwargs):
        raise DatabaseError("de database viel weg")

    monkeypatch.setattr(network, "log_story", broken)
    with pytest.raises(DatabaseError):
        story()
    assert not Story.objects.exists()
    assert files_under(private_media) == []

    monkeypatch.setattr(vignet_services, "log", broken)  # a new draft logs its creation
    with pytest.raises(DatabaseError):
        evidence()
    assert not Evidence.objects.exists()
    assert files_under(private_media) == []
