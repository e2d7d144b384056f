import pytest
from django.contrib.auth import get_user_model

PASSWORD = "een-lang-Wachtwoord-42"


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser(
        "beheerder", "beheer@kennislab.example", PASSWORD
    )


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser(
        "redacteur", "redactie@kennislab.example", PASSWORD
    )


def sign_in(client, username, password=PASSWORD, address="10.0.0.1", **extra):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        **extra,
    )
