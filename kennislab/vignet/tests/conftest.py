"""Fixtures for the vignet tests: private uploads in a temporary directory, and staff users."""

import pytest
from django.contrib.auth.models import Group, Permission, User


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Evidence goes to a fresh PRIVATE_MEDIA_ROOT per test; MEDIA_ROOT (public) is separate, so
    that a test can show nothing lands there."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.PRIVATE_MEDIA_ROOT


def make_staff(username: str, *codenames: str) -> User:
    """A staff user who may use the admin, with these vignet permissions."""
    user = User.objects.create_user(username, password="x", is_staff=True)
    group = Group.objects.create(name=f"groep-{username}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        group.permissions.add(
            Permission.objects.get(codename=codename, content_type__app_label="vignet")
        )
    user.groups.add(group)
    return user


@pytest.fixture
def staff():
    """make_staff(username, *vignet codenames)."""
    return make_staff


@pytest.fixture
def assessor(db):
    return make_staff("beoordelaar", "view_application", "view_vignet", "assess_application")


@pytest.fixture
def assessor_client(client, assessor):
    client.force_login(assessor)
    return client
