"""/robots.txt: the sitemap, and crawlers kept out of the back office, search, private links and
form steps; the private links read from the URL configuration."""

import re

import pytest

from kennislab.discovery import robots
from kennislab.ops.logging import SECRET_PARAMETERS, secret_routes

SAMPLE = {"token": "AbC123xyz", "key": "sleutel-1", "code": "TEAM42", "uidb64": "MQ", "pk": "7"}


def sample_path(regex) -> str:
    """A path the route answers, each parameter filled with a plausible value."""
    pattern = regex.pattern

    def fill(match):
        if "0-9]+" in match.group(0):
            return SAMPLE.get(match.group(1), "7")
        return SAMPLE.get(match.group(1), "voorbeeld-1")

    path = re.sub(r"\(\?P<(\w+)>[^()]*\)", fill, pattern.removeprefix("^/")).removesuffix(r"\Z")
    path = "/" + re.sub(r"\\(.)", r"\1", path)
    assert regex.match(path), path
    return path


@pytest.mark.django_db
def test_robots_txt(client, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://kennislab.example.nl"  # SITE_BASE_URL
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Sitemap: https://kennislab.example.nl/sitemap.xml" in lines
    for path in ("/admin/", "/zoeken/", "/nieuwsbrief/afmelden/", "/mijn-kennislab/",
                 "/agenda/aanmelding/", "/uitdaging/*/team/", "/campagnes/activiteit/",
                 "/agenda/*/aangemeld/", "/vignet/aanvragen/oordeel/"):  # fmt: skip
        assert f"Disallow: {path}" in lines, path
    assert not any(line.startswith("Disallow: /api") for line in lines)  # open data
    assert client.head("/robots.txt").status_code == 200  # crawlers may ask with HEAD
    assert client.head("/sitemap.xml").status_code == 200


def test_every_private_link_route_is_disallowed():
    """Each route the log masking treats as secret: a real path of it is kept out."""
    routes = secret_routes()
    assert len(routes) >= 15
    for route in routes:
        path = sample_path(route)
        assert robots.is_disallowed(path), path


def test_form_steps_disallowed_forms_and_pages_not():
    for path in ("/agenda/webinar-leefstijl/aangemeld/", "/uitdaging/30-dagen/aangemeld/",
                 "/vragen/stel-je-vraag/verstuurd/", "/nieuwsbrief/aangemeld/",
                 "/enquete-2025/?bedankt=1", "/enquete-2025/?ander=1&bedankt=1"):  # fmt: skip
        assert robots.is_disallowed(path), path
    for path in ("/", "/kennislab/", "/kennislab/groene-schoolpleinen/", "/agenda/",
                 "/agenda/webinar-leefstijl/", "/agenda/webinar-leefstijl/aanmelden/",
                 "/kennisvouchers/regeling/voorbeeld/aanvragen/", "/vignet/aanvragen/",
                 "/vignet/register/", "/nieuwsbrief/aanmelden/", "/api/v1/items",
                 "/sitemap.xml", "/kennislab/feed.xml", "/enquete-2025/"):  # fmt: skip
        assert not robots.is_disallowed(path), path


def test_every_public_route_is_decided():
    """A new named route is private (a secret parameter), a form step, or crawlable: forgetting
    fails here. The back office, search and the API are decided by their prefix."""
    undecided = []
    for name, regex in robots.routes():
        path = "/" + regex
        if not name or path.startswith((*robots.ALWAYS_DISALLOWED, "/api/")):
            continue
        secret = bool(set(re.findall(r"\(\?P<(\w+)>", regex)) & SECRET_PARAMETERS)
        if not secret and name not in robots.FORM_STEPS and name not in robots.CRAWLABLE:
            undecided.append(name)
    assert undecided == []
    assert not robots.FORM_STEPS & robots.CRAWLABLE


def test_crawlable_routes_are_not_disallowed():
    for name, regex in robots.routes():
        # (Wagtail's own routes with unnamed groups are the page tree and documents)
        if name in robots.CRAWLABLE and not re.search(r"\((?!\?P<)", regex):
            path = sample_path(re.compile("^/" + regex + r"\Z"))
            assert not robots.is_disallowed(path), (name, path)


def test_google_style_matching():
    rules = ("/uitdaging/*/team/", "/zoeken/", "/*?*bedankt=")
    assert robots.is_disallowed("/uitdaging/dertig-dagen/team/AB12/", rules)
    assert robots.is_disallowed("/zoeken/?q=wijk", rules)
    assert robots.is_disallowed("/peiling/?bedankt=1", rules)
    assert not robots.is_disallowed("/uitdaging/dertig-dagen/", rules)
    assert not robots.is_disallowed("/zoek/", rules)
    assert not robots.is_disallowed("/peiling/", rules)


@pytest.mark.parametrize("path", ["/admin/", "/zoeken/"])
def test_fixed_prefixes(path):
    assert robots.is_disallowed(path + "iets/")
