"""The page cache and pages with live figures (cache_briefly): kept for their few seconds, then
rendered afresh; never when the page has a form, a cookie or per-visitor content. And the key:
known filters only, in any order."""

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail.models import PageViewRestriction

from kennislab.content.tests.factories import ArticlePageFactory
from kennislab.core.pagecache import LIVE_SECONDS, AnonymousPageCacheMiddleware, cache_briefly

pytestmark = pytest.mark.django_db


class Anonymous:
    is_authenticated = False


class Session(dict):
    modified = False


def run(view, path="/agenda/", session=None):
    request = RequestFactory().get(path)
    request.user = Anonymous()
    if session is not None:
        request.session = session
    return AnonymousPageCacheMiddleware(view)(request)


class Counting:
    """A view with live figures: the number of times it rendered."""

    def __init__(self, seconds=LIVE_SECONDS):
        self.calls, self.seconds = 0, seconds

    def __call__(self, request):
        self.calls += 1
        response = HttpResponse(f"<p>nog {self.calls} plaatsen</p>", content_type="text/html")
        return cache_briefly(response, self.seconds)


def test_a_page_with_live_figures_is_kept_for_its_seconds_then_rendered_afresh(cached, later):
    view = Counting()
    first = run(view)
    assert first["X-Page-Cache"] == "miss"
    assert "no-cache" in first["Cache-Control"]  # browsers and proxies still ask every time
    later.seconds = LIVE_SECONDS - 1
    again = run(view)
    assert (again["X-Page-Cache"], again.content, view.calls) == ("hit", first.content, 1)
    later.seconds = LIVE_SECONDS + 1
    fresh = run(view)
    assert (fresh["X-Page-Cache"], fresh.content, view.calls) == (
        "miss",
        b"<p>nog 2 plaatsen</p>",
        2,
    )


def test_the_page_cache_seconds_bound_a_live_page_too(settings, later):
    settings.PAGE_CACHE_SECONDS = 10
    cache.clear()
    view = Counting(seconds=60)
    run(view)
    later.seconds = 11
    assert run(view)["X-Page-Cache"] == "miss"
    assert view.calls == 2


def test_no_cache_without_cache_briefly_is_still_never_kept(cached):
    def live(request):
        response = HttpResponse("<p>beschikbaar</p>", content_type="text/html")
        patch_cache_control(response, no_cache=True)  # the voucher pages' way
        return response

    assert "X-Page-Cache" not in run(live)
    assert "X-Page-Cache" not in run(live)


def brief(content="<p>x</p>"):
    return cache_briefly(HttpResponse(content, content_type="text/html"))


def with_form(request):
    get_token(request)  # what {% csrf_token %} does
    return brief("<form>")


def with_cookie(request):
    response = brief()
    response.set_cookie("voorkeur", "1")
    return response


def private(request):
    response = brief()
    patch_cache_control(response, private=True)
    return response


def no_store(request):
    response = brief()
    patch_cache_control(response, no_store=True)
    return response


def varies_on_cookie(request):
    response = brief()
    patch_vary_headers(response, ["Cookie"])
    return response


def stores_in_session(request):
    request.session.modified = True
    return brief()


@pytest.mark.parametrize(
    "view", [with_form, with_cookie, private, no_store, varies_on_cookie, stores_in_session]
)
def test_marking_a_page_brief_never_lets_a_form_or_per_visitor_content_in(cached, view):
    for _ in range(2):
        assert "X-Page-Cache" not in run(view, session=Session()), view.__name__


def test_a_page_rendered_for_a_visitor_with_a_session_is_not_kept(cached):
    view = Counting()
    assert "X-Page-Cache" not in run(view, session=Session(unlocked=[1]))
    assert run(view, session=Session())["X-Page-Cache"] == "miss"
    assert run(view, session=Session(unlocked=[1]))["X-Page-Cache"] == "hit"  # the public page
    assert view.calls == 2


def test_a_page_unlocked_with_its_password_is_never_served_to_others(client, cached):
    page = ArticlePageFactory(title="Alleen met wachtwoord")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim-genoeg"
    )
    unlock = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    answer = client.post(unlock, {"password": "geheim-genoeg", "return_url": page.url})
    assert answer.status_code == 302
    assert "Alleen met wachtwoord" in client.get(page.url).content.decode()
    assert "Alleen met wachtwoord" in client.get(page.url).content.decode()
    stranger = type(client)()
    shown = stranger.get(page.url).content.decode()
    assert 'name="password"' in shown
    assert "Alleen met wachtwoord</h1>" not in shown


def test_known_filters_in_any_order_share_one_entry_unknown_ones_none(cached):
    view = Counting()
    assert run(view, "/agenda/?vorm=online&soort=webinar&soort=workshop")["X-Page-Cache"] == "miss"
    assert run(view, "/agenda/?soort=webinar&vorm=online&soort=workshop")["X-Page-Cache"] == "hit"
    assert run(view, "/agenda/?soort=workshop&soort=webinar&vorm=online")["X-Page-Cache"] == "miss"
    assert run(view, "/estafette/?regio=oost")["X-Page-Cache"] == "miss"
    assert run(view, "/estafette/?regio=oost")["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in run(view, "/agenda/?vorm=online&utm_source=nieuwsbrief")
    assert "X-Page-Cache" not in run(view, "/agenda/?vorm=online&utm_source=nieuwsbrief")
