"""The public API: items and events (filters, pagination, ordering, privacy), problem+json
errors, conditional GET and caching, CORS, money as strings, the documentation page, and the
throttle following RATE_LIMITS_ENABLED."""

import json
import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import PageViewRestriction

from kennislab.api import v1

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


# --- items ----------------------------------------------------------------------------------


def test_items_list_only_live_public_items_newest_first(client, api_data):
    restricted = api_data.items["interview"]
    response = client.get("/api/v1/items")
    body = response.json()
    assert body["count"] == 3
    assert titles(response) == [
        "Interview over mentale veerkracht",
        "Groene schoolpleinen in Zilverdam",
        "Moestuin in de wijk Veenland",
    ]
    first = body["items"][0]
    assert set(first) == {"id", "title", "url", "type", "type_label", "date", "intro", "themes",
                          "domains", "updated_at"}  # fmt: skip
    assert first["url"] == "http://testserver/kennislab/interview-over-mentale-veerkracht/"
    assert first["type"] == "interview" and first["type_label"] == "Interview"
    assert first["themes"] == [{"slug": "veerkracht-test", "name": "Veerkracht (test)"}]
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")
    assert client.get("/api/v1/items").json()["count"] == 2


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"type": "news"}, ["Groene schoolpleinen in Zilverdam"]),
        (
            {"theme": "groen-test"},
            ["Groene schoolpleinen in Zilverdam", "Moestuin in de wijk Veenland"],
        ),
        ({"domain": "wijk"}, ["Moestuin in de wijk Veenland"]),
        (
            {"year": 2025},
            ["Interview over mentale veerkracht", "Groene schoolpleinen in Zilverdam"],
        ),
        ({"theme": "groen-test", "year": 2024}, ["Moestuin in de wijk Veenland"]),
        ({"theme": "bestaat-niet"}, []),
        (
            {"ordering": "date"},
            [
                "Moestuin in de wijk Veenland",
                "Groene schoolpleinen in Zilverdam",
                "Interview over mentale veerkracht",
            ],
        ),
        (
            {"ordering": "title"},
            [
                "Groene schoolpleinen in Zilverdam",
                "Interview over mentale veerkracht",
                "Moestuin in de wijk Veenland",
            ],
        ),
    ],
)
def test_items_filters_and_ordering(client, api_data, query, expected):
    response = client.get("/api/v1/items", query)
    assert titles(response) == expected
    assert response.json()["count"] == len(expected)


def test_items_updated_since_and_updated_ordering(client, api_data):
    news = api_data.items["news"]
    news.save_revision().publish()  # published again: now the most recently updated
    news.refresh_from_db()
    since = news.last_published_at.isoformat()
    assert titles(client.get("/api/v1/items", {"updated_since": since})) == [news.title]
    assert titles(client.get("/api/v1/items", {"ordering": "-updated"}))[0] == news.title
    later = (news.last_published_at + timedelta(seconds=1)).isoformat()
    assert titles(client.get("/api/v1/items", {"updated_since": later})) == []


def test_items_pagination_counts_everything(client, api_data):
    page = client.get("/api/v1/items", {"limit": 2, "offset": 0}).json()
    rest = client.get("/api/v1/items", {"limit": 2, "offset": 2}).json()
    assert page["count"] == rest["count"] == 3
    assert len(page["items"]) == 2 and len(rest["items"]) == 1
    assert {i["id"] for i in page["items"]}.isdisjoint({i["id"] for i in rest["items"]})


def test_item_detail_full_text_contacts_and_read_also(client, api_data):
    news, practice = api_data.items["news"], api_data.items["practice"]
    body = client.get(f"/api/v1/items/{news.pk}").json()
    assert body["title"] == news.title
    assert body["text"].startswith("Een korte inleiding bij dit artikel.\n\nWat we deden")
    types = [block["type"] for block in body["body"]]
    assert types == ["heading", "paragraph", "list", "paragraph"]
    assert body["body"][1]["value"] == "<p>Een <b>alinea</b> met uitleg.</p>"
    link = f'href="http://testserver/kennislab/{practice.slug}/"'
    assert link in body["body"][3]["value"]  # an internal link, resolved and absolute
    assert "linktype" not in json.dumps(body)
    assert body["contacts"][0] == {
        "name": "Anouk Verbeek",
        "role": "Netwerkadviseur groen",
        "organisation": "Netwerk Gezond Samen",
        "email": api_data.person.email,  # shown on the item page (person card)
        "phone": api_data.person.phone,
        "note": "",
    }
    assert body["contacts"][1]["name"] is None and body["contacts"][1]["role"] == "Redactie"
    assert {"id": practice.pk, "title": practice.title,
            "url": f"http://testserver/kennislab/{practice.slug}/"} in body["read_also"]  # fmt: skip


def test_item_detail_404_as_problem_for_unknown_unpublished_private(client, api_data):
    news = api_data.items["news"]
    PageViewRestriction.objects.create(page=news, restriction_type="password", password="x")
    for item_id in (999999, api_data.items["draft"].pk, news.pk, 0, 2**40):
        response = client.get(f"/api/v1/items/{item_id}")
        assert response.status_code == 404, item_id
        assert response["Content-Type"].startswith(PROBLEM)
        problem = response.json()
        assert problem["type"] == "about:blank"
        assert problem["title"] == "Niet gevonden"
        assert problem["status"] == 404
        assert problem["detail"] == "Er is geen openbaar Kennislab-item met dit nummer."
        assert problem["instance"] == f"/api/v1/items/{item_id}"


def test_invalid_parameters_give_422_problem_with_errors(client, api_data):
    response = client.get("/api/v1/items", {"limit": 500, "type": "roman", "year": "twee"})
    assert response.status_code == 422
    assert response["Content-Type"].startswith(PROBLEM)
    problem = response.json()
    assert problem["title"] == "Ongeldige invoer"
    by_field = {error["field"]: error for error in problem["errors"]}
    assert set(by_field) == {"limit", "type", "year"}
    assert by_field["limit"]["loc"] == ["query", "limit"]
    assert by_field["limit"]["message"] == "is te groot"
    assert by_field["limit"]["type"] == "less_than_equal"
    assert by_field["year"]["message"] == "moet een geheel getal zijn"
    assert "kies uit" in by_field["type"]["message"]
    assert problem["detail"].startswith("Ongeldige invoer. ")
    not_rfc3339 = client.get("/api/v1/items", {"updated_since": "0.5"})
    assert not_rfc3339.status_code == 422
    assert not_rfc3339.json()["errors"][0]["field"] == "updated_since"


# --- events ---------------------------------------------------------------------------------


def test_events_upcoming_in_agenda_order_without_private_data(client, api_data):
    response = client.get("/api/v1/events")
    body = response.json()
    ids = [item["id"] for item in body["items"]]
    assert ids == [
        f"event-{api_data.events['open_online'].pk}",  # in 3 days
        f"activity-{api_data.activities['approved'].pk}",  # in 5 days
        f"event-{api_data.events['upcoming'].pk}",  # in 10 days
    ]  # the submitted activity and the past event are not there
    assert body["count"] == 3
    text = response.content.decode()
    for secret in ("geheim", "marloes@voorbeeld.example", "Marloes Dijkhuis", "06 00000000"):
        assert secret not in text


def test_events_filters(client, api_data):
    def ids(query):
        response = client.get("/api/v1/events", query)
        assert response.status_code == 200, response.content
        return [item["id"] for item in response.json()["items"]]

    upcoming, past = api_data.events["upcoming"], api_data.events["past"]
    activity = api_data.activities["approved"]
    assert ids({"past": "true"}) == [f"event-{past.pk}"]
    assert ids({"theme": "groen-test"}) == [f"event-{upcoming.pk}"]
    assert ids({"theme": "veerkracht-test"}) == [f"activity-{activity.pk}"]  # campaign theme
    assert ids({"kind": "workshop"}) == [f"activity-{activity.pk}"]
    assert ids({"online": "false"}) == [f"activity-{activity.pk}"]
    day = (timezone.localdate() + timedelta(days=5)).isoformat()
    assert ids({"from": day, "to": day}) == [f"activity-{activity.pk}"]
    assert client.get("/api/v1/events", {"from": "0"}).status_code == 422
    no_such_day = client.get("/api/v1/events", {"to": "2026-02-30"})
    assert no_such_day.status_code == 422
    assert no_such_day.json()["errors"][0]["loc"] == ["query", "to"]


def test_event_detail_and_404s(client, api_data):
    upcoming, open_online = api_data.events["upcoming"], api_data.events["open_online"]
    event = client.get(f"/api/v1/events/event-{upcoming.pk}").json()
    assert event["join_url"] is None  # with registration: only in the confirmation
    assert event["contact"]["name"] == "Anouk Verbeek"
    shown = client.get(f"/api/v1/events/event-{open_online.pk}").json()
    assert shown["join_url"] == "https://spreekuur.voorbeeld.example/open"  # as on its page
    activity = client.get(f"/api/v1/events/activity-{api_data.activities['approved'].pk}").json()
    assert activity["region"] == "Oost" and activity["province"] == "Gelderland"
    assert activity["campaign"]["title"].startswith("Slimme Zorg Estafette")
    submitted = api_data.activities["submitted"].pk
    for path in (f"activity-{submitted}", "event-999999", f"activity-{upcoming.pk + 999}"):
        response = client.get(f"/api/v1/events/{path}")
        assert response.status_code == 404, path
        assert response["Content-Type"].startswith(PROBLEM)
    assert client.get("/api/v1/events/feest-12").status_code == 422


# --- caching and CORS -----------------------------------------------------------------------


def test_conditional_get_and_cache_control(client, api_data):
    first = client.get("/api/v1/items")
    etag = first["ETag"]
    assert re.fullmatch(r'"[0-9a-f]{24}"', etag)
    assert first["Cache-Control"] == "public, max-age=60"
    again = client.get("/api/v1/items", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    news = api_data.items["news"]
    news.title = "Groene schoolpleinen, vernieuwd"
    news.save_revision().publish()
    changed = client.get("/api/v1/items", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    vouchers = client.get("/api/v1/kennisvouchers")
    assert vouchers["Cache-Control"] == "public, max-age=10"  # live figures
    assert client.get("/api/v1/items/999999").get("ETag") is None  # errors are not cached


def test_cors_for_get_not_for_post(client, api_data):
    origin = {"HTTP_ORIGIN": "https://partner.voorbeeld.example"}
    for path in ("/api/v1/items", "/api/v1/events", f"/api/v1/items/{api_data.items['news'].pk}"):
        assert client.get(path, **origin)["Access-Control-Allow-Origin"] == "*"
    post = client.post("/api/v1/vignet/beoordeling", "{}", content_type="application/json",
                       **origin)  # fmt: skip
    assert post.status_code == 422
    assert "Access-Control-Allow-Origin" not in post


# --- money ----------------------------------------------------------------------------------


def test_voucher_amounts_are_decimal_strings(client):
    from kennislab.vouchers.tests.demo_fixture import open_demo_scheme

    scheme = open_demo_scheme()
    body = client.get(f"/api/v1/kennisvouchers/{scheme.slug}").json()
    assert body["budget_total"] == f"{scheme.budget_total:.2f}"
    assert body["budget_allocated"] == "0.00"
    spec = client.get("/api/v1/openapi.json").json()
    fields = spec["components"]["schemas"]["SchemeOut"]["properties"]
    assert fields["budget_total"]["type"] == "string"
    assert "decimale tekst" in fields["budget_total"]["description"]
    assert client.get("/api/v1/kennisvouchers/%00bestaat-niet").status_code == 404


# --- the vignet assessment: typed body, problem+json ---------------------------------------


def test_assessment_body_is_described_and_empty_object_refused(client):
    spec = client.get("/api/v1/openapi.json").json()
    operation = spec["paths"]["/api/v1/vignet/beoordeling"]["post"]
    ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    application = spec["components"]["schemas"][ref.rsplit("/", 1)[1]]
    assert set(application["required"]) == {"organisation", "target_group_size"}
    activity = spec["components"]["schemas"]["VignetActivity"]["properties"]
    assert activity["theme"]["enum"] == ["bewegen", "roken", "alcohol-drugs-medicijnen",
                                         "voeding", "ontspanning-mentale-balans"]  # fmt: skip
    response = client.post("/api/v1/vignet/beoordeling", "{}", content_type="application/json")
    assert response.status_code == 422
    assert response["Content-Type"].startswith(PROBLEM)
    fields = {error["field"] for error in response.json()["errors"]}
    assert fields == {"organisation", "target_group_size"}
    bad_json = client.post("/api/v1/vignet/beoordeling", "{", content_type="application/json")
    assert bad_json.status_code == 400 and bad_json.json()["errors"][0]["type"] == "json_invalid"


def test_assessment_accepts_a_whole_number_written_as_a_float(client):
    application = {
        "organisation": "Voorbeeld BV",
        "target_group_size": 200.0,
        "activities": [{"theme": "bewegen", "start": "2025-03-01", "participants": 50}],
    }
    response = client.post(
        "/api/v1/vignet/beoordeling", json.dumps(application), content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["eligible"] is False
    application["target_group_size"] = 200.5
    refused = client.post(
        "/api/v1/vignet/beoordeling", json.dumps(application), content_type="application/json"
    )
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["loc"] == ["body", "target_group_size"]


def test_every_operation_documents_its_problems(client):
    spec = client.get("/api/v1/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            for status in ("400", "422", "429"):
                assert PROBLEM in responses[status]["content"], (method, path, status)
            if "{" in path:
                assert PROBLEM in responses["404"]["content"]
            if method == "get":
                assert "304" in responses and "ETag" in responses["200"]["headers"]


# --- documentation --------------------------------------------------------------------------


def test_docs_page_uses_only_local_files(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html
    assert not re.search(r"(src|href)=\"(https?:)?//", html)  # no other host
    assert "<script>" not in html  # no inline script: the strict CSP applies unchanged
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    for asset in re.findall(r'(?:src|href)="(/api/v1/docs/assets/[^"]+)"', html):
        served = client.get(asset)
        assert served.status_code == 200, asset
        assert b"cdn.jsdelivr" not in b"".join(served.streaming_content)
    assert client.get("/api/v1/docs/assets/settings.py").status_code == 404


# --- throttle -------------------------------------------------------------------------------


@pytest.fixture
def low_rate(monkeypatch):
    cache.clear()
    for throttle in v1.api.throttle:
        monkeypatch.setattr(throttle, "num_requests", 2)
    yield 2
    cache.clear()


def test_throttle_on_by_default_with_problem(client, low_rate, settings):
    settings.RATE_LIMITS_ENABLED = True
    codes = [client.get("/api/v1/kennisvouchers").status_code for _ in range(low_rate + 1)]
    assert codes == [200, 200, 429]
    blocked = client.get("/api/v1/kennisvouchers")
    assert blocked["Content-Type"].startswith(PROBLEM)
    assert blocked.json()["status"] == 429
    assert int(blocked["Retry-After"]) >= 1


def test_throttle_off_with_rate_limits_disabled(client, low_rate, settings):
    settings.RATE_LIMITS_ENABLED = False
    codes = {client.get("/api/v1/kennisvouchers").status_code for _ in range(low_rate + 3)}
    assert codes == {200}
