import pytest

from .factories import build_challenge


@pytest.fixture
def challenge(db):
    """An edition starting in ten days; sign-up opened yesterday and closes in twenty days."""
    return build_challenge(title="30DagenGezonder 2099", slug="30dagengezonder-test")


@pytest.fixture
def make_challenge(db):
    return build_challenge


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Documents made by the tests (and the demo) go to a scratch directory, not to media/."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
