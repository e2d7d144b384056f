"""Error reports carry no personal data: scrub_event on sample events; no SDK without a DSN."""

from kennislab.ops.sentry import FILTERED, init, scrub_event

TOKEN = "Zq3xT0k3n-Secret_value"


def sample_event():
    return {
        "message": "Mail aan jan.jansen@voorbeeld.example mislukt",
        "user": {"id": 3, "email": "medewerker@kennislab.example", "ip_address": "10.1.2.3"},
        "request": {
            "method": "POST",
            "url": f"https://kennislab.example/mijn-kennislab/{TOKEN}/verwijderen/",
            "query_string": f"token={TOKEN}",
            "data": {"contact_name": "Jan Jansen", "email": "jan.jansen@voorbeeld.example"},
            "cookies": {"sessionid": "abc"},
            "headers": {
                "Cookie": "sessionid=abc",
                "Referer": f"https://kennislab.example/mijn-kennislab/{TOKEN}/",
                "Content-Type": "application/x-www-form-urlencoded",
            },
            "env": {"REMOTE_ADDR": "10.1.2.3"},
        },
        "logentry": {"message": "Versturen naar %s mislukt", "params": ["piet@voorbeeld.example"]},
        "exception": {
            "values": [
                {
                    "type": "SMTPRecipientsRefused",
                    "value": "{'piet@voorbeeld.example': (550, b'unknown')}",
                    "stacktrace": {
                        "frames": [
                            {
                                "function": "deliver",
                                "vars": {
                                    "email": "<OutgoingEmail: Aanvraag → piet@voorbeeld.example>",
                                    "contact_name": "Piet Pietersen",
                                    "attempts": 2,
                                    "note": "zie klaas@voorbeeld.example",
                                },
                            }
                        ]
                    },
                }
            ]
        },
        "breadcrumbs": {
            "values": [
                {
                    "message": f"GET /mijn-kennislab/{TOKEN}/",
                    "data": {"url": f"/vignet/houder/{TOKEN}/"},
                }
            ]
        },
        "extra": {"organisation": "Voorbeeld BV", "count": 3},
    }


def test_scrub_removes_addresses_names_bodies_and_tokens():
    event = scrub_event(sample_event(), {})
    text = repr(event)
    for secret in (
        "@voorbeeld.example",
        "medewerker@",
        "Jan Jansen",
        "Piet Pietersen",
        "Voorbeeld BV",
        TOKEN,
        "sessionid",
        "10.1.2.3",
    ):
        assert secret not in text, secret
    assert "user" not in event
    request = event["request"]
    assert request["url"] == "https://kennislab.example/mijn-kennislab/***/verwijderen/"
    assert request["data"] == FILTERED and request["query_string"] == FILTERED
    assert request["headers"] == {"Content-Type": "application/x-www-form-urlencoded"}
    frame = event["exception"]["values"][0]["stacktrace"]["frames"][0]
    assert frame["vars"]["attempts"] == 2  # what helps to debug stays
    assert frame["vars"]["contact_name"] == FILTERED
    assert event["extra"]["count"] == 3
    assert event["logentry"]["message"] == "Versturen naar %s mislukt"


def test_without_a_dsn_nothing_starts():
    import sentry_sdk

    assert init("") is False
    assert not sentry_sdk.get_client().is_active()


def test_with_a_dsn_the_sdk_starts_without_personal_data():
    import sentry_sdk

    try:
        assert init("https://public@sentry.invalid/1", environment="test") is True
        options = sentry_sdk.get_client().options
        assert options["send_default_pii"] is False
        assert options["before_send"] is scrub_event
        assert options["environment"] == "test"
    finally:
        sentry_sdk.init(dsn=None)
