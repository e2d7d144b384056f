"""core/sites.py and SiteSettings.for_request: the site and its settings come from the cache,
and saving either starts afresh."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from wagtail.models import Site

from kennislab.core import sites
from kennislab.core.models import SiteSettings

pytestmark = pytest.mark.django_db


def request_for(host="testserver", path="/"):
    return RequestFactory().get(path, HTTP_HOST=host)


def test_the_site_is_looked_up_once_per_host(django_assert_num_queries):
    site = Site.objects.get(is_default_site=True)
    assert sites.site_for_request(request_for()) == site
    with django_assert_num_queries(0):
        assert sites.site_for_request(request_for()) == site


def test_saving_a_site_forgets_what_was_remembered(django_assert_num_queries):
    site = Site.objects.get(is_default_site=True)
    sites.site_for_request(request_for())
    site.site_name = "Nieuwe naam"
    site.save()
    found = sites.site_for_request(request_for())
    assert found.site_name == "Nieuwe naam"


def test_a_host_outside_allowed_hosts_is_not_remembered(settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    before = set(cache._cache.keys())  # locmem in the tests
    sites.site_for_request(request_for(host="verzonnen.example"))
    assert not any("verzonnen" in key for key in set(cache._cache.keys()) - before)


def test_the_middleware_hands_the_site_to_wagtail():
    request = request_for()
    sites.SiteCacheMiddleware(lambda r: None)(request)
    assert request._wagtail_site == Site.objects.get(is_default_site=True)


def through_middleware(path="/"):
    return sites.SiteCacheMiddleware(lambda request: request)(request_for(path=path))


def test_site_settings_come_from_the_cache_on_public_pages_only(
    settings, django_assert_num_queries, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 30
    SiteSettings.for_request(through_middleware())
    with django_assert_num_queries(0):
        assert SiteSettings.for_request(through_middleware()).pk
    with django_capture_on_commit_callbacks(execute=True):
        SiteSettings.objects.update(tagline="Vers")  # no signal: the cache does not know yet
        stale = SiteSettings.for_request(through_middleware())
        fresh = SiteSettings.objects.get()
        fresh.tagline = "Nog verser"
        fresh.save()  # a save bumps the page cache's generation
    assert stale.tagline != "Vers"
    assert SiteSettings.for_request(through_middleware()).tagline == "Nog verser"
    SiteSettings.objects.update(tagline="In de beheeromgeving")
    assert SiteSettings.for_request(through_middleware("/admin/")).tagline == "In de beheeromgeving"
