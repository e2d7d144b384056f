"""The challenge page from the page cache: its live figures may be LIVE_SECONDS old
(core/pagecache.py), a sign-up does not empty the cache, and the sign-up form is never cached."""

import re
import time

import pytest
from django.core.cache import cache
from django.core.cache.backends import locmem

from kennislab.core.pagecache import LIVE_SECONDS

from .factories import confirmed
from .helpers import text

pytestmark = pytest.mark.django_db


class Later:
    """The cache's clock, moved forward (locmem asks time.time() whether an entry expired)."""

    seconds = 0

    def time(self):
        return time.time() + self.seconds


def participants(response) -> int:
    found = re.search(r'<span class="figure-list__number">(\d+)</span> deelnemers', text(response))
    return int(found.group(1))


def test_the_figures_come_from_the_cache_for_a_few_seconds_at_most(
    client, challenge, settings, monkeypatch
):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    later = Later()
    monkeypatch.setattr(locmem, "time", later)
    first = client.get(challenge.url)
    assert (first["X-Page-Cache"], participants(first)) == ("miss", 0)
    assert "no-cache" in first["Cache-Control"]
    confirmed(challenge)
    kept = client.get(challenge.url)
    assert (kept["X-Page-Cache"], participants(kept)) == ("hit", 0)
    form = f"/uitdaging/{challenge.slug}/aanmelden/"
    assert client.get(form).status_code == 200
    assert "X-Page-Cache" not in client.get(form)
    later.seconds = LIVE_SECONDS + 1
    fresh = client.get(challenge.url)
    assert (fresh["X-Page-Cache"], participants(fresh)) == ("miss", 1)
