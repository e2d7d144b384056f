"""Suite-wide test rules. With CI=true nothing may be skipped: a skip fails the run."""

import os

import pytest

CI = os.environ.get("CI", "").lower() == "true"


@pytest.fixture(autouse=True)
def _fresh_cache(request):
    """Django's cache (navigation, Wagtail's site root paths) must not leak between tests."""
    if "django_db_setup" in request.fixturenames or request.node.get_closest_marker("django_db"):
        from django.core.cache import cache

        cache.clear()


@pytest.fixture
def later(monkeypatch):
    """Move the per-process cache's clock forward: `later.seconds = 31`."""
    from django.core.cache.backends import locmem

    from kennislab.core.testing import Later

    clock = Later()
    monkeypatch.setattr(locmem, "time", clock)
    return clock


@pytest.fixture
def cached(settings):
    """The anonymous page cache on (600 s), empty."""
    from django.core.cache import cache

    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    if not CI:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped:
        reporter.write_line(
            f"CI=true: {len(skipped)} test(s) skipped; in CI every test must run.", red=True
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
