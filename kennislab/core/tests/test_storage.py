"""The private storage alias (kennislab/core/storage.py): vignet evidence and story attachments
land under PRIVATE_MEDIA_ROOT (never MEDIA_ROOT, never by URL), the backend is configuration only
(the views read through the storage API), and the files go when their record is erased or purged
by the privacy register."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kennislab.core import storage as private
from kennislab.network import services as network
from kennislab.network.models import Story
from kennislab.privacy import register, services
from kennislab.vignet.models import Evidence
from kennislab.vignet.tests.factories import PDF, make_draft

pytestmark = pytest.mark.django_db
IN_MEMORY = {"BACKEND": "django.core.files.storage.InMemoryStorage"}


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
