"""The public side of relay campaigns over HTTP: the campaign page with its regions and filters,
registering an activity (bad input, refusals, CSRF), the organiser's private page, the public
activity page, the iCal downloads and feeds, and the agenda that mixes events and activities."""

import re
from datetime import UTC, date, datetime, time

import pytest
from django.test import Client

from kennislab.campaigns import activities
from kennislab.campaigns.models import Activity, ActivityEvent, ActivityStatus
from kennislab.core.models import OutgoingEmail

from .relay_factories import add_activity, build_campaign, complete, required
from .test_views import calendar_of, csrf_token_in, field_error, summaries, text

pytestmark = pytest.mark.django_db

FORM = '<form class="form" method="post"'
EDIT_URL = re.compile(r"^/campagnes/activiteit/([A-Za-z0-9_-]{20,})/\?nieuw=1$")


def titles(response) -> list[str]:
    return re.findall(r'<a class="card__link" href="[^"]*">([^<]*)</a>', text(response))


def nothing_stored() -> bool:
    return (Activity.objects.count(), ActivityEvent.objects.count(),
            OutgoingEmail.objects.count()) == (0, 0, 0)  # fmt: skip


ALL = [
    "Beeldbellen met de wijkverpleging",
    "Proeftuin medicijndispenser",
    "Leefstijlcoaching op afstand",
    "Zorgrobot op bezoek",
]


# --- the campaign page --------------------------------------------------------------------------


def test_the_campaign_page_shows_the_regions_and_approved_activities(client, relay, listed):
    response = client.get(relay.url)
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    html = text(response)
    rows = re.findall(r'<tr><th scope="row">([^<]*)</th><td>([^<]*)</td><td>([^<]*)</td>', html)
    assert rows == [
        ("Oost", "Gelderland, Overijssel, Flevoland", "1 februari – 5 februari 2021"),
        ("West", "Noord-Holland, Zuid-Holland, Utrecht", "8 februari – 12 februari 2021"),
        ("Noord", "Groningen, Friesland, Drenthe", "15 februari – 19 februari 2021"),
        ("Zuid", "Zeeland, Noord-Brabant, Limburg", "22 februari – 26 februari 2021"),
    ]
    assert titles(response) == ALL
    assert "4 activiteiten" in html
    for hidden in ("Wacht op beoordeling", "Afgewezen activiteit", "Ingetrokken activiteit"):
        assert hidden not in html
    zuid = html.split('id="regio-zuid"')[1]
    assert "Nog geen activiteiten in deze regio." in zuid
    noord = html.split('id="regio-noord"')[1].split('id="regio-zuid"')[0]
    assert "Zorgrobot op bezoek" in noord and "Datum volgt" in noord
    oost = html.split('id="regio-oost"')[1].split('id="regio-west"')[0]
    assert "Datum volgt" not in oost and "maandag 1 februari 2021, 14.00 uur" in oost
    assert 'href="/campagnes/slimme-zorg-estafette/aanmelden/"' in html
    assert 'href="/campagnes/slimme-zorg-estafette.ics"' in html
    assert 'href="/campagnes/slimme-zorg-estafette/regio/oost.ics"' in html


def test_after_the_last_week_the_page_offers_no_registration(client, relay, clock):
    clock.set(date(2021, 2, 27))
    html = text(client.get(relay.url))
    assert "/campagnes/slimme-zorg-estafette/aanmelden/" not in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("regio=oost", ALL[:2]),
        ("regio=oost&regio=noord", [ALL[0], ALL[1], ALL[3]]),
        ("regio=zuid", []),
        ("soort=try_out", [ALL[1], ALL[3]]),
        ("soort=webinar&soort=lecture", [ALL[0], ALL[2]]),
        ("vorm=online", [ALL[0], ALL[2]]),
        ("vorm=op-locatie", [ALL[1], ALL[3]]),
        ("vorm=online&vorm=op-locatie", ALL),
        ("regio=oost&vorm=op-locatie", [ALL[1]]),
        ("regio=oost&regio=west&soort=webinar&soort=lecture&vorm=online", [ALL[0], ALL[2]]),
        ("regio=west&soort=try_out", []),
        ("regio=onbekend", ALL),
        ("soort=onzin&vorm=overal&regio=", ALL),
        ("soort=onzin&regio=noord", [ALL[3]]),
        ("regio=" + "x" * 5000, ALL),
    ],
)
def test_the_campaign_filters(client, relay, listed, query, expected):
    response = client.get(f"{relay.url}?{query}")
    assert response.status_code == 200
    assert titles(response) == expected


def test_chosen_filters_stay_checked_and_other_regions_are_hidden(client, relay, listed):
    html = text(client.get(f"{relay.url}?regio=noord&soort=try_out"))
    assert re.search(r'name="regio" value="noord" checked', html)
    assert re.search(r'name="soort" value="try_out" checked', html)
    assert not re.search(r'name="regio" value="oost" checked', html)
    assert 'id="regio-noord"' in html and 'id="regio-oost"' not in html
    assert "Alle filters wissen" in html
    assert "1 activiteit" in html
    empty = text(client.get(f"{relay.url}?regio=zuid&soort=webinar"))
    assert "Geen activiteiten in deze regio met deze filters." in empty


# --- registering an activity --------------------------------------------------------------------


def register_url(campaign) -> str:
    return f"/campagnes/{campaign.slug}/aanmelden/"


def form_data(**overrides) -> dict:
    data = {
        "organiser": "Zorggroep Rivierenland",
        "contact_name": "Marloes Dijkhuis",
        "email": "marloes@voorbeeld.example",
        "phone": "",
        "title": "Beeldbellen met de wijkverpleging",
        "province": "gelderland",
        "kind": "webinar",
        "date": "2021-02-03",
        "starts_at": "14:00",
        "ends_at": "15:30",
        "online": "on",
        "location": "",
        "link": "https://meet.voorbeeld.example/beeld",
        "audience": "Mantelzorgers",
        "description": "Hoe beeldbellen de dag verandert.",
        "consent": "on",
        "website": "",
        **overrides,
    }
    return {key: value for key, value in data.items() if value is not None}


def test_the_registration_form(client, relay):
    response = client.get(register_url(relay))
    assert response.status_code == 200
    html = text(response)
    assert FORM in html and 'name="csrfmiddlewaretoken"' in html
    for name in ("organiser", "contact_name", "email", "title", "province", "kind", "date",
                 "starts_at", "ends_at", "online", "location", "link", "description",
                 "consent", "website"):  # fmt: skip
        assert f'name="{name}"' in html, name
    assert "Regio Oost, 1 februari 2021 t/m 5 februari 2021" in html


def test_registering_with_only_the_required_fields(client, relay):
    minimal = {"organiser": "Welzijn Wadden", "contact_name": "Hilde Postma",
               "email": "hilde@voorbeeld.example", "title": "Zorgrobot op bezoek",
               "province": "friesland", "consent": "on"}  # fmt: skip
    response = client.post(register_url(relay), minimal)
    assert response.status_code == 303
    token = EDIT_URL.match(response["Location"]).group(1)
    activity = Activity.objects.get()
    assert (activity.title, activity.province, activity.status, activity.complete) == (
        "Zorgrobot op bezoek", "friesland", ActivityStatus.SUBMITTED, False,
    )  # fmt: skip
    assert activity.consent_text.startswith("Ik geef toestemming om mijn naam")
    assert activities.by_token(token).pk == activity.pk
    page = client.get(response["Location"])
    assert page.status_code == 200
    html = text(page)
    assert "Dank je wel, je activiteit is aangemeld" in html
    assert "hilde@voorbeeld.example" in html
    assert "Nog niet compleet. Vul nog aan: soort activiteit, datum" in html
    assert OutgoingEmail.objects.get().to == "hilde@voorbeeld.example"


def test_a_complete_registration(client, relay):
    response = client.post(register_url(relay), form_data())
    assert response.status_code == 303
    activity = Activity.objects.get()
    assert activity.complete and activity.online
    assert (activity.date, activity.starts_at, activity.ends_at) == (
        date(2021, 2, 3), time(14), time(15, 30),
    )  # fmt: skip


LONG = "x" * 100_000
OOST_WEEK = ("De week van regio Oost loopt van 1 februari 2021 tot en met 5 februari 2021. "
             "Kies een datum in die week.")  # fmt: skip


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"organiser": None}, "organiser", "Vul de naam van je organisatie in."),
        ({"contact_name": ""}, "contact_name", "Vul de naam van de contactpersoon in."),
        ({"email": None}, "email", "Vul je e-mailadres in."),
        ({"email": "marloes@"}, "email", "Vul een geldig e-mailadres in"),
        ({"title": "   "}, "title", "Geef de activiteit een titel."),
        ({"province": ""}, "province", "Kies de provincie van je activiteit."),
        ({"province": "vlaanderen"}, "province", "Kies een provincie uit de lijst."),
        ({"kind": "feest"}, "kind", "Kies een soort uit de lijst."),
        ({"description": LONG}, "description", "Houd de beschrijving korter dan 3000 tekens."),
        ({"title": LONG}, "title", "200 tekens"),
        ({"date": "2021-02-08"}, "date", OOST_WEEK),
        ({"date": "2021-01-31"}, "date", OOST_WEEK),
        ({"date": "3 februari"}, "date", "Vul een geldige datum in"),
        ({"ends_at": "13:00"}, "ends_at", "De eindtijd moet na de begintijd liggen."),
        ({"ends_at": "14:00"}, "ends_at", "De eindtijd moet na de begintijd liggen."),
        ({"starts_at": ""}, "starts_at", "Vul ook de begintijd in."),
        ({"link": "geen link"}, "link", "Vul een geldige link in"),
        ({"phone": "bel me"}, "phone", "Vul een telefoonnummer in"),
        ({"consent": None}, "consent", "Geef toestemming om je aanmelding te kunnen verwerken."),
    ],
)
def test_bad_input_stores_nothing_and_says_why_in_dutch(client, relay, overrides, field, message):
    response = client.post(register_url(relay), form_data(**overrides))
    assert response.status_code == 400
    html = text(response)
    errors = field_error(html, field)
    assert errors, html[:3000]
    assert any(message in error for error in errors), errors
    assert "<title>Fout:" in html
    assert FORM in html
    assert nothing_stored()


def test_the_honeypot_stores_nothing(client, relay):
    response = client.post(register_url(relay), form_data(website="https://spam.example"))
    assert response.status_code == 400
    assert "Dit formulier lijkt automatisch te zijn ingevuld en is niet verstuurd." in text(
        response
    )
    assert nothing_stored()


def test_a_closed_campaign_takes_no_activities(client, db, clock):
    closed = build_campaign(title="Estafette gesloten", closes_on=date(2021, 1, 3))
    response = client.post(register_url(closed), form_data())
    assert response.status_code == 409
    message = "Activiteiten aanmelden voor ‘Estafette gesloten’ kan niet meer."
    assert message in text(response)
    assert FORM not in text(response)
    assert nothing_stored()
    shown = client.get(register_url(closed))
    assert shown.status_code == 200
    assert message in text(shown) and FORM not in text(shown)


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_unknown_or_draft_campaign_is_a_dutch_404(client, db, clock, method):
    draft = build_campaign(live=False)
    for url in ("/campagnes/bestaat-niet/aanmelden/", register_url(draft)):
        response = getattr(client, method)(url, form_data())
        assert response.status_code == 404
        assert "Niet gevonden" in text(response)
    assert nothing_stored()


def test_a_tampered_csrf_token_is_refused(relay):
    client = Client(enforce_csrf_checks=True)
    token = csrf_token_in(client.get(register_url(relay)))
    tampered = token[:-4] + ("aaaa" if not token.endswith("aaaa") else "bbbb")
    response = client.post(register_url(relay), form_data(csrfmiddlewaretoken=tampered))
    assert response.status_code == 403
    assert "Formulier niet verstuurd" in text(response)
    assert nothing_stored()
    accepted = client.post(register_url(relay), form_data(csrfmiddlewaretoken=token))
    assert accepted.status_code == 303


# --- the organiser's private page ---------------------------------------------------------------


def edit_url(token) -> str:
    return f"/campagnes/activiteit/{token}/"


def test_the_private_page_shows_the_form_prefilled_and_is_not_cached(client, relay):
    _activity, token = add_activity(relay, complete(title="Proeftuin dispenser",
                                                   location="De Esch, Hardenberg"))  # fmt: skip
    response = client.get(edit_url(token))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    html = text(response)
    assert 'value="Proeftuin dispenser"' in html
    assert 'value="De Esch, Hardenberg"' in html
    assert 'value="2021-02-03"' in html and 'value="14:00"' in html
    assert re.search(r'<option value="gelderland" selected>', html)
    assert 'name="consent"' not in html
    assert 'name="intrekken"' in html
    assert "Wacht op beoordeling" in html


def test_saving_on_the_private_page(client, relay):
    activity, token = add_activity(relay, required(title="Eerst weinig"))
    response = client.post(edit_url(token), form_data(title="Nu compleet", consent=None))
    assert response.status_code == 303
    assert response["Location"] == edit_url(token) + "?opgeslagen=1"
    assert "no-store" in response["Cache-Control"]
    stored = Activity.objects.get(pk=activity.pk)
    assert stored.title == "Nu compleet" and stored.complete
    assert ActivityEvent.objects.filter(activity=activity).last().action == "change"
    assert "Je wijzigingen zijn opgeslagen." in text(client.get(response["Location"]))


@pytest.mark.parametrize(
    ("overrides", "field"),
    [({"title": ""}, "title"), ({"date": "2021-02-10"}, "date"), ({"email": "x@"}, "email")],
)
def test_an_invalid_change_stores_nothing(client, relay, overrides, field):
    activity, token = add_activity(relay)
    events = ActivityEvent.objects.count()
    response = client.post(edit_url(token), form_data(**overrides))
    assert response.status_code == 400
    assert field_error(text(response), field)
    stored = Activity.objects.get(pk=activity.pk)
    assert (stored.title, stored.date, stored.email) == (activity.title, activity.date,
                                                         activity.email)  # fmt: skip
    assert ActivityEvent.objects.count() == events


def test_withdrawing_on_the_private_page(client, relay):
    activity, token = add_activity(relay)
    response = client.post(edit_url(token), {"intrekken": "ja"})
    assert response.status_code == 200
    html = text(response)
    assert "Je activiteit is ingetrokken." in html
    assert 'name="intrekken"' not in html and FORM not in html
    assert Activity.objects.get(pk=activity.pk).status == ActivityStatus.WITHDRAWN
    again = client.post(edit_url(token), form_data(title="Toch wel"))
    assert again.status_code == 409
    assert Activity.objects.get(pk=activity.pk).title == activity.title


def test_an_unknown_or_expired_token_is_a_dutch_404(client, relay, clock):
    activity, token = add_activity(relay)
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    for url in (edit_url(tampered), edit_url("onzin")):
        response = client.get(url)
        assert response.status_code == 404
        assert "Deze link werkt niet (meer)" in text(response)
        assert "no-store" in response["Cache-Control"]
        assert client.post(url, {"intrekken": "ja"}).status_code == 404
    clock.set(date(2021, 3, 29))
    assert client.get(edit_url(token)).status_code == 404
    assert client.post(edit_url(token), {"intrekken": "ja"}).status_code == 404
    assert Activity.objects.get(pk=activity.pk).status == ActivityStatus.SUBMITTED


def test_a_token_shows_only_its_own_activity(client, relay):
    _first, first_token = add_activity(
        relay, complete(title="Activiteit van Anna", email="anna@voorbeeld.example")
    )
    second, second_token = add_activity(
        relay, complete(title="Activiteit van Bas", email="bas@voorbeeld.example")
    )
    html = text(client.get(edit_url(first_token)))
    assert "Activiteit van Anna" in html and "anna@voorbeeld.example" in html
    assert "Activiteit van Bas" not in html and "bas@voorbeeld.example" not in html
    client.post(edit_url(first_token), {"intrekken": "ja"})
    assert Activity.objects.get(pk=second.pk).status == ActivityStatus.SUBMITTED
    assert "Activiteit van Bas" in text(client.get(edit_url(second_token)))


# --- the public activity page -------------------------------------------------------------------


def activity_url(activity) -> str:
    return f"/campagnes/{activity.campaign.slug}/activiteit/{activity.pk}/"


def test_the_public_activity_page(client, relay, listed):
    proeftuin = listed["proeftuin"]
    response = client.get(activity_url(proeftuin))
    assert response.status_code == 200
    html = text(response)
    assert "Proeftuin medicijndispenser" in html
    assert "woensdag 3 februari 2021, 10.00–12.00 uur" in html
    assert "De Esch, Hardenberg" in html
    assert "Oost (Overijssel)" in html
    assert f'href="{activity_url(proeftuin)[:-1]}.ics"' in html
    assert proeftuin.email not in html and proeftuin.contact_name not in html
    robot = text(client.get(activity_url(listed["robot"])))
    assert "In de week van 15 februari tot en met 19 februari 2021; de datum volgt" in robot
    assert ".ics" not in robot.split("Wanneer en waar")[1]


@pytest.mark.parametrize("key", ["waiting", "rejected", "withdrawn"])
def test_an_activity_that_is_not_approved_is_not_public(client, relay, listed, key):
    activity = listed[key]
    for url in (activity_url(activity), activity_url(activity)[:-1] + ".ics"):
        response = client.get(url)
        assert response.status_code == 404
        assert "Niet gevonden" in text(response)


def test_an_activity_under_another_slug_or_a_draft_campaign_is_not_public(client, relay, listed):
    pk = listed["proeftuin"].pk
    assert client.get(f"/campagnes/iets-anders/activiteit/{pk}/").status_code == 404
    type(relay).objects.filter(pk=relay.pk).update(live=False)
    assert client.get(activity_url(listed["proeftuin"])).status_code == 404


# --- calendars ----------------------------------------------------------------------------------


def by_summary(calendar) -> dict:
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def test_the_activity_ics_in_utc(client, relay, listed):
    beeldbellen = listed["beeldbellen"]
    response = client.get(activity_url(beeldbellen)[:-1] + ".ics")
    assert response["Content-Disposition"] == (
        'attachment; filename="beeldbellen-met-de-wijkverpleging.ics"'
    )
    (entry,) = calendar_of(response).walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Beeldbellen met de wijkverpleging"
    # 1 February 2021, 14:00 in Amsterdam (winter time, UTC+1)
    assert entry.decoded("DTSTART") == datetime(2021, 2, 1, 13, 0, tzinfo=UTC)
    assert entry.decoded("DTEND") == datetime(2021, 2, 1, 14, 0, tzinfo=UTC)
    url = f"http://testserver{activity_url(beeldbellen)}"
    assert str(entry["URL"]) == url
    assert str(entry["DESCRIPTION"]).endswith(url)
    assert str(entry["UID"]) == f"activiteit-{beeldbellen.pk}@kennislab"
    assert str(entry["LOCATION"]) == "Online"
    undated = client.get(activity_url(listed["robot"])[:-1] + ".ics")
    assert undated.status_code == 404


def test_the_campaign_feed_has_the_approved_dated_activities(client, relay, listed):
    response = client.get("/campagnes/slimme-zorg-estafette.ics")
    assert 'filename="slimme-zorg-estafette.ics"' in response["Content-Disposition"]
    calendar = calendar_of(response)
    assert str(calendar["X-WR-CALNAME"]) == "Slimme Zorg Estafette"
    assert summaries(calendar) == ALL[:3]
    lezing = by_summary(calendar)["Leefstijlcoaching op afstand"]
    assert lezing.decoded("DTSTART") == datetime(2021, 2, 9, 18, 0, tzinfo=UTC)
    assert str(lezing["URL"]) == f"http://testserver{activity_url(listed['lezing'])}"
    assert client.get("/campagnes/bestaat-niet.ics").status_code == 404


def test_activities_that_have_ended_leave_the_feed(client, relay, listed, clock):
    clock.set(date(2021, 2, 3), 11)  # Beeldbellen is over, the Proeftuin has begun
    summaries_now = summaries(calendar_of(client.get("/campagnes/slimme-zorg-estafette.ics")))
    assert summaries_now == ALL[1:3]


def test_a_region_feed(client, relay, listed):
    response = client.get("/campagnes/slimme-zorg-estafette/regio/oost.ics")
    assert 'filename="slimme-zorg-estafette-oost.ics"' in response["Content-Disposition"]
    calendar = calendar_of(response)
    assert str(calendar["X-WR-CALNAME"]) == "Slimme Zorg Estafette: regio Oost"
    assert summaries(calendar) == ALL[:2]
    assert summaries(
        calendar_of(client.get("/campagnes/slimme-zorg-estafette/regio/west.ics"))
    ) == [ALL[2]]
    assert (
        summaries(calendar_of(client.get("/campagnes/slimme-zorg-estafette/regio/zuid.ics"))) == []
    )
    assert client.get("/campagnes/slimme-zorg-estafette/regio/midden.ics").status_code == 404
    assert client.get("/campagnes/bestaat-niet/regio/oost.ics").status_code == 404


# 4 Jan 09:00 + 28 days = 1 Feb 09:00; + 35 days 1 hour = 8 Feb 10:00
AGENDA = [
    "Webinar mentaal",
    "Beeldbellen met de wijkverpleging",
    "Proeftuin medicijndispenser",
    "Markt op locatie",
    "Leefstijlcoaching op afstand",
]


def test_the_agenda_feed_includes_approved_dated_activities(client, mixed):
    calendar = calendar_of(client.get("/agenda/feed.ics"))
    assert summaries(calendar) == AGENDA
    entries = by_summary(calendar)
    assert entries["Proeftuin medicijndispenser"].decoded("DTSTART") == datetime(
        2021, 2, 3, 9, 0, tzinfo=UTC
    )
    assert str(entries["Proeftuin medicijndispenser"]["URL"]) == (
        f"http://testserver{activity_url(Activity.objects.get(title=AGENDA[2]))}"
    )


def test_the_theme_feed_includes_the_activities_of_campaigns_with_that_theme(client, mixed):
    leefstijl = calendar_of(client.get("/agenda/thema/leefstijl.ics"))
    assert summaries(leefstijl) == [title for title in AGENDA if title != "Webinar mentaal"]
    mentaal = calendar_of(client.get("/agenda/thema/mentale-gezondheid.ics"))
    assert summaries(mentaal) == ["Webinar mentaal"]


def test_the_agenda_page_lists_activities_alongside_events(client, agenda, mixed):
    response = client.get("/agenda/")
    assert response.status_code == 200
    assert titles(response) == AGENDA
    html = text(response)
    assert "5 activiteiten in de agenda" in html
    assert "Slimme Zorg Estafette" in html  # the campaign on the activity's card
    assert "Zorgrobot op bezoek" not in html  # no date: not in the agenda
    assert "Wacht op beoordeling" not in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("soort=webinar", ["Webinar mentaal", "Beeldbellen met de wijkverpleging"]),
        ("soort=try_out&soort=market", ["Proeftuin medicijndispenser", "Markt op locatie"]),
        ("vorm=online", ["Webinar mentaal", "Beeldbellen met de wijkverpleging",
                         "Leefstijlcoaching op afstand"]),
        ("vorm=op-locatie", ["Proeftuin medicijndispenser", "Markt op locatie"]),
        ("thema=mentale-gezondheid", ["Webinar mentaal"]),
        ("thema=leefstijl&vorm=online", ["Beeldbellen met de wijkverpleging",
                                         "Leefstijlcoaching op afstand"]),
        ("soort=onzin", AGENDA),
    ],
)  # fmt: skip
def test_the_agenda_filters_apply_to_activities(client, agenda, mixed, query, expected):
    assert titles(client.get(f"/agenda/?{query}")) == expected


def test_an_activity_of_a_private_campaign_is_not_shown(client, campaign):
    from wagtail.models import PageViewRestriction

    activity, _token = add_activity(campaign, complete(), status=ActivityStatus.APPROVED)
    assert client.get(activity.get_absolute_url()).status_code == 200
    assert activity.title.encode() in client.get("/agenda/feed.ics").content
    PageViewRestriction.objects.create(page=campaign, restriction_type="login")
    assert client.get(activity.get_absolute_url()).status_code == 404
    assert activity.title.encode() not in client.get("/agenda/feed.ics").content
