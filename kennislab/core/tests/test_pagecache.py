"""The anonymous page cache: what is cached, what never is, and invalidation on change."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory, override_settings

from kennislab.content.tests.factories import ArticlePageFactory
from kennislab.core.pagecache import AnonymousPageCacheMiddleware, generation

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached(settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()


def test_anonymous_pages_are_served_from_the_cache(client, cached):
    ArticlePageFactory(title="Eerste versie")
    first = client.get("/kennislab/")
    assert first["X-Page-Cache"] == "miss"
    second = client.get("/kennislab/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Content-Security-Policy" in second


def test_a_committed_change_invalidates(client, cached, django_capture_on_commit_callbacks):
    page = ArticlePageFactory(title="Eerste versie")
    client.get("/kennislab/")
    before = generation()
    with django_capture_on_commit_callbacks(execute=True):
        page.title = "Tweede versie"
        page.save_revision().publish()
    assert generation() > before
    response = client.get("/kennislab/")
    assert response["X-Page-Cache"] == "miss"
    assert "Tweede versie" in response.content.decode()


def test_filters_are_cached_separately_and_unknown_parameters_not_at_all(client, cached):
    ArticlePageFactory()
    client.get("/kennislab/?jaar=2025")
    assert client.get("/kennislab/?jaar=2025")["X-Page-Cache"] == "hit"
    assert client.get("/kennislab/?jaar=2024")["X-Page-Cache"] == "miss"
    assert "X-Page-Cache" not in client.get("/kennislab/?utm_source=x")


def test_logged_in_users_and_the_admin_bypass_the_cache(client, cached):
    ArticlePageFactory()
    user = get_user_model().objects.create_user("redacteur", password="x" * 12)
    client.force_login(user)
    assert "X-Page-Cache" not in client.get("/kennislab/")
    assert "X-Page-Cache" not in client.get("/admin/login/")


def test_errors_are_not_cached(client, cached):
    assert "X-Page-Cache" not in client.get("/bestaat-niet/")


@override_settings(PAGE_CACHE_SECONDS=60)
def test_responses_with_csrf_tokens_cookies_or_private_are_never_cached():
    cache.clear()
    factory = RequestFactory()

    def run(view):
        middleware = AnonymousPageCacheMiddleware(view)
        request = factory.get("/pagina/")
        request.user = type("Anonymous", (), {"is_authenticated": False})()
        return middleware(request)

    def with_form(request):
        get_token(request)  # what {% csrf_token %} does
        return HttpResponse("<form>", content_type="text/html")

    def with_cookie(request):
        response = HttpResponse("x", content_type="text/html")
        response.set_cookie("voorkeur", "1")
        return response

    def private(request):
        response = HttpResponse("x", content_type="text/html")
        response["Cache-Control"] = "private"
        return response

    def json(request):
        return HttpResponse("{}", content_type="application/json")

    for view in (with_form, with_cookie, private, json):
        assert "X-Page-Cache" not in run(view), view.__name__
    assert (
        run(lambda request: HttpResponse("ok", content_type="text/html"))["X-Page-Cache"] == "miss"
    )


def test_ignored_apps_exist():
    """Every app whose writes are ignored is installed under that label (a typo would silently
    turn a frequent write into a cache flush)."""
    from django.apps import apps

    from kennislab.core.pagecache import IGNORED_APPS

    labels = {config.label for config in apps.get_app_configs()}
    assert IGNORED_APPS - labels <= {"modelsearch"}  # wagtail installs it as "wagtailsearch"
    assert "django_tasks_database" in IGNORED_APPS


def test_task_session_and_search_statistics_writes_do_not_invalidate(
    django_capture_on_commit_callbacks,
):
    from django.contrib.sessions.backends.db import SessionStore

    from kennislab.search.service import record_query

    before = generation()
    with django_capture_on_commit_callbacks(execute=True):
        session = SessionStore()
        session["x"] = 1
        session.save()
        record_query("een nieuwe zoekopdracht", 0)
    assert generation() == before


def test_every_model_of_the_project_says_whether_it_shows_on_cached_pages():
    """A new model must join IGNORED_MODELS (its changes never show on a cached page) or
    SHOWN_MODELS (a change empties the cache): forgetting fails here, not in production."""
    from django.apps import apps

    from kennislab.core.pagecache import IGNORED_APPS, IGNORED_MODELS, SHOWN_MODELS

    assert not IGNORED_MODELS & SHOWN_MODELS
    unclassified = sorted(
        model._meta.label_lower
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_config.name.startswith("kennislab.")
        and model._meta.app_label not in IGNORED_APPS
        and model._meta.label_lower not in IGNORED_MODELS | SHOWN_MODELS
    )
    assert unclassified == []
