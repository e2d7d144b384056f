"""The agenda, event and relay campaign pages from the page cache (kept LIVE_SECONDS at most,
core/pagecache.py) with the registration form never cached; the queries of those pages, which
must not grow with the number of cards; and the activity cards kept per content (cards.py)."""

import re
from datetime import date, timedelta
from datetime import time as clock_time

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from kennislab.campaigns import cards
from kennislab.campaigns.models import Activity, ActivityStatus, RelayCampaignPage
from kennislab.campaigns.relay import with_campaigns
from kennislab.core.pagecache import LIVE_SECONDS

from .conftest import build_event, register
from .relay_factories import add_activity, approved, complete
from .test_relay_views import AGENDA, titles
from .test_views import text

pytestmark = pytest.mark.django_db

# The most queries each page may make, however many cards it shows; the route, menus and view
# restrictions come from kennislab.core.memo. The agenda: the page and its events' places left
# (the rest is kept per generation and day, campaigns/agenda.py). A campaign page: the page,
# its regions, the activities. An event page: the page, its places, its themes.
AGENDA_QUERIES = 2
CAMPAIGN_QUERIES = 3
EVENT_QUERIES = 3


# --- the page cache -----------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["agenda", "event"])
def test_places_left_come_from_the_cache_for_a_few_seconds_at_most(
    client, cached, later, event, page
):
    url = "/agenda/" if page == "agenda" else event.url
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss"
    assert "no-cache" in first["Cache-Control"]  # browsers ask again every time
    assert "nog 2 van 2 plaatsen vrij" in text(first)
    register(event)
    later.seconds = LIVE_SECONDS - 1
    kept = client.get(url)
    assert kept["X-Page-Cache"] == "hit"
    assert "nog 2 van 2 plaatsen vrij" in text(kept)
    # the registration form is never cached and counts at once
    form = client.get(f"/agenda/{event.slug}/aanmelden/")
    assert "X-Page-Cache" not in form
    assert "nog 1 van 2 plaatsen vrij" in text(form)
    later.seconds = LIVE_SECONDS + 1
    fresh = client.get(url)
    assert fresh["X-Page-Cache"] == "miss"
    assert "nog 1 van 2 plaatsen vrij" in text(fresh)


def test_the_agendas_filters_are_kept_apart_unknown_parameters_not_at_all(
    client, cached, agenda, mixed
):
    online = [
        "Webinar mentaal",
        "Beeldbellen met de wijkverpleging",
        "Leefstijlcoaching op afstand",
    ]
    assert client.get("/agenda/?vorm=online")["X-Page-Cache"] == "miss"
    hit = client.get("/agenda/?vorm=online")
    assert (hit["X-Page-Cache"], titles(hit)) == ("hit", online)
    both = client.get("/agenda/?vorm=online&soort=webinar")
    assert (both["X-Page-Cache"], len(titles(both))) == ("miss", 2)
    swapped = client.get("/agenda/?soort=webinar&vorm=online")
    assert (swapped["X-Page-Cache"], swapped.content) == ("hit", both.content)
    everything = client.get("/agenda/")
    assert (everything["X-Page-Cache"], titles(everything)) == ("miss", AGENDA)
    assert "X-Page-Cache" not in client.get("/agenda/?vorm=online&fbclid=x")


def test_an_approved_activity_shows_on_the_campaign_page_and_agenda_at_once(
    client, cached, agenda, relay, listed, django_capture_on_commit_callbacks
):
    from kennislab.campaigns import activities

    for url in (relay.url, "/agenda/", f"{relay.url}?regio=oost"):
        assert client.get(url)["X-Page-Cache"] == "miss"
        assert client.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        activities.moderate(listed["waiting"].pk, "approve", "", None)
    for url in (relay.url, "/agenda/"):
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss"
        assert "Wacht op beoordeling" in text(response)


def test_the_forms_stay_uncached(client, cached, event, relay):
    for url in (f"/agenda/{event.slug}/aanmelden/", f"/campagnes/{relay.slug}/aanmelden/"):
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200 and "X-Page-Cache" not in response, url


# --- the agenda kept per generation and day (agenda.py) ----------------------------------------


def agenda_shows(client, settings) -> tuple:
    """The agenda's cards, places left and archive count, after checking that the page with
    nothing kept (DATA_CACHE_SECONDS = 0) shows the same."""

    def shown(response):
        html = text(response)
        archive = re.search(r"presentatie</a>( \(\d+\))?</li>", html).group(1) or ""
        return titles(response), re.findall(r'class="availability[^"]*">([^<]*)<', html), archive

    kept = shown(client.get("/agenda/"))
    seconds, settings.DATA_CACHE_SECONDS = settings.DATA_CACHE_SECONDS, 0
    fresh = shown(client.get("/agenda/"))
    settings.DATA_CACHE_SECONDS = seconds
    assert kept == fresh
    return kept


def test_the_kept_agenda_counts_places_afresh_and_follows_the_clock(
    client, settings, clock, relay, make_event
):
    assert settings.DATA_CACHE_SECONDS > 0
    walk_day = date(2021, 2, 1)  # in the week of the activity's region
    approved(relay, title="Ochtendwandeling", date=walk_day, starts_at=clock_time(8),
             ends_at=clock_time(10))  # fmt: skip
    clock.set(walk_day, 9)
    seats = make_event(title="Lezing met plaatsen", capacity=2, starts_in=timedelta(hours=1))
    make_event(title="Webinar met opname", starts_in=timedelta(minutes=-30),
               materials=[{"type": "embed", "value": {"url": "https://video.voorbeeld.example/1",
                           "title": "Opname", "kind": "video", "description": "",
                           "transcript": ""}}])  # fmt: skip
    cards_of = lambda shown: set(shown[0])  # noqa: E731
    first = agenda_shows(client, settings)
    assert {"Lezing met plaatsen", "Webinar met opname", "Ochtendwandeling"} <= cards_of(first)
    assert first[1:] == (["nog 2 van 2 plaatsen vrij"], "")
    register(seats)  # a registration does not change the cache generation: counted per request
    assert agenda_shows(client, settings)[1] == ["nog 1 van 2 plaatsen vrij"]
    clock.set(clock.today, 9, 45)  # the webinar has ended: off the agenda, into the archive
    later = agenda_shows(client, settings)
    assert "Webinar met opname" not in cards_of(later) and later[2] == " (1)"
    assert "Ochtendwandeling" in cards_of(later)
    clock.set(clock.today, 10, 30)  # the walk has ended too
    last = agenda_shows(client, settings)
    assert "Ochtendwandeling" not in cards_of(last) and "Lezing met plaatsen" in cards_of(last)
    with CaptureQueriesContext(connection) as captured:
        client.get("/agenda/")  # the day's list was kept: what ended is left out, not read again
    assert len(captured.captured_queries) <= AGENDA_QUERIES


# --- queries ------------------------------------------------------------------------------------


def count_queries(client, url) -> int:
    """The queries of a request after the first (which looks up what is kept per process or
    generation), with every activity card rendered afresh."""
    client.get(url)
    cards._kept.cache_clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def more_activities(campaign, count):
    for number in range(count):
        approved(campaign, title=f"Extra activiteit {number}", kind=["webinar", "market"][number % 2],
                 online=bool(number % 2), date=date(2021, 2, 1 + number % 5),
                 starts_at=clock_time(9 + number % 8), ends_at=None)  # fmt: skip


def test_the_agenda_makes_as_few_queries_with_many_cards(
    client, agenda, relay, mixed, django_assert_max_num_queries
):
    # one event with places from the start: counting them is one query for all events
    build_event(title="Evenement met plaatsen", starts_in=timedelta(days=19), capacity=5)
    few = count_queries(client, "/agenda/")
    more_activities(relay, 12)
    for number in range(4):
        build_event(title=f"Extra evenement {number}", starts_in=timedelta(days=20 + number),
                    capacity=10 if number % 2 else None, themes=["leefstijl"])  # fmt: skip
    assert count_queries(client, "/agenda/") == few
    cards._kept.cache_clear()
    with django_assert_max_num_queries(AGENDA_QUERIES):
        response = client.get("/agenda/")
    assert len(titles(response)) == len(AGENDA) + 1 + 12 + 4 > AGENDA_QUERIES


def test_the_campaign_page_makes_as_few_queries_with_many_cards(
    client, relay, listed, django_assert_max_num_queries
):
    few = count_queries(client, relay.url)
    more_activities(relay, 12)
    assert count_queries(client, relay.url) == few
    cards._kept.cache_clear()
    with django_assert_max_num_queries(CAMPAIGN_QUERIES):
        response = client.get(relay.url)
    assert len(titles(response)) == 4 + 12 > CAMPAIGN_QUERIES


def test_an_event_page_makes_few_queries(client, make_event, django_assert_max_num_queries):
    event = make_event(capacity=20, themes=["leefstijl", "mentale-gezondheid"])
    client.get(event.url)
    with django_assert_max_num_queries(EVENT_QUERIES):
        assert client.get(event.url).status_code == 200


# --- activity cards -----------------------------------------------------------------------------


def as_rows(found) -> list[cards.ActivityRow]:
    return with_campaigns(cards.rows(Activity.objects.filter(pk__in=[a.pk for a in found])))


OPTIONS = [{}, {"show_campaign": True}, {"heading_tag": "h4"}]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_kept_cards_are_what_the_template_renders_from_the_whole_activity(listed, language):
    shown = [a for a in listed.values() if a.status == ActivityStatus.APPROVED]
    shown.append(add_activity(shown[0].campaign, complete(title="Nog niet compleet", kind="",
                                                          location="", online=False),
                              status=ActivityStatus.APPROVED)[0])  # fmt: skip
    with translation.override(language):
        for row in as_rows(shown):
            whole = Activity.objects.select_related("campaign").get(pk=row.pk)
            for options in OPTIONS:
                expected = render_to_string(cards.TEMPLATE, {"activity": whole, **options})
                assert cards.activity_card(row, **options) == expected  # rendered and kept
                assert cards.activity_card(row, **options) == expected  # from what is kept


def test_a_changed_activity_or_campaign_shows_on_its_card_at_once(listed):
    activity = listed["proeftuin"]
    (row,) = as_rows([activity])
    before = cards.activity_card(row, show_campaign=True)
    assert "Proeftuin medicijndispenser" in before
    Activity.objects.filter(pk=activity.pk).update(title="Proeftuin, nieuwe datum")
    (row,) = as_rows([activity])
    assert "Proeftuin, nieuwe datum" in cards.activity_card(row, show_campaign=True)
    RelayCampaignPage.objects.filter(pk=activity.campaign_id).update(title="Estafette 2021")
    (row,) = as_rows([activity])
    assert "Estafette 2021" in cards.activity_card(row, show_campaign=True)
    assert "Estafette 2021" not in before


def test_in_development_every_card_is_rendered(listed, settings):
    settings.DEBUG = True
    kept = cards._kept.cache_info().currsize
    (row,) = as_rows([listed["lezing"]])
    assert "Leefstijlcoaching op afstand" in cards.activity_card(row)
    assert cards._kept.cache_info().currsize == kept
