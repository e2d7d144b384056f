"""Pledges that show their deeds (issue 18): suggestions by name that only editors see, links
only an editor confirms, the public timeline (public facts only, while the record itself is
public), the progress on the wall, the deeds page in the admin and the page cache."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kennislab.campaigns.tests.conftest import build_event
from kennislab.campaigns.tests.relay_factories import approved, campaign, clock  # noqa: F401
from kennislab.core import pagecache
from kennislab.network import deeds, services
from kennislab.network.models import PledgeEvent, PledgeLink, PledgeUpdate
from kennislab.vignet.tests.factories import awarded_vignet
from kennislab.vouchers import services as voucher_services
from kennislab.vouchers.tests.factories import application_data, build_voucher_site

from .conftest import latest_link_token, sign, staff, story_data, text

pytestmark = pytest.mark.django_db

THREE = ("Dit spreken we af:\n- Een watertap op elk schoolplein.\n- Vier gezonde kantines.\n"
         "- Rookvrije sportclubs.")  # fmt: skip


def deeds_url(pledge) -> str:
    return f"/admin/netwerk/pledge/{pledge.pk}/daden/"


def voucher(organisation: str, site=None):
    site = site or build_voucher_site()
    application, _token = voucher_services.submit(
        site.examples[0], application_data(organisation=organisation, contact_name="Vera Geheim",
                                           email="vera@geheim.example"), "Ik geef toestemming.",
    )  # fmt: skip
    return application


def confirm(pledge, record, kind, commitment=None):
    return services.decide_link(pledge.pk, kind, record.pk, "confirm", None, commitment)


def page(client, pledge) -> str:
    return text(client.get(pledge.get_absolute_url()))


def test_suggestions_match_by_name_and_never_show_before_an_editor_confirms(client):
    pledge, _ = sign("approved", organisation="Gemeente Lindedal (test)")
    ours = voucher("Gemeente  LINDEDAL")
    voucher("Gemeente Lindedal-Noord")  # another organisation
    suggested = deeds.suggestions(pledge)
    assert [(c.kind, c.target_id) for c in suggested] == [("voucher", ours.pk)]
    assert suggested[0].deed.text == "Kennisvoucher toegekend voor ‘Goed voorbeeld 1’"
    assert "Kennisvoucher toegekend" not in page(client, pledge)  # a suggestion: never public
    confirm(pledge, ours, "voucher")
    html = page(client, pledge)
    assert "Kennisvoucher toegekend voor ‘Goed voorbeeld 1’" in html
    assert f'href="{ours.example.url}"' in html
    assert "Vera Geheim" not in html and "vera@geheim.example" not in html
    assert ours.reference not in html
    assert deeds.suggestions(pledge) == []  # decided: not suggested again
    event = PledgeEvent.objects.filter(pledge=pledge).latest("pk")
    assert event.action == "link_confirm" and event.action_label == "Daad gekoppeld"


def test_a_rejected_suggestion_is_not_suggested_again_and_unlinking_hides_it(client):
    pledge, _ = sign("approved", organisation="Stichting Wijkkracht Lindedal")
    site = build_voucher_site()
    first, second = voucher("Wijkkracht Lindedal", site), voucher("Wijkkracht Lindedal B.V.", site)
    services.decide_link(pledge.pk, "voucher", first.pk, "reject", None)
    assert [c.target_id for c in deeds.suggestions(pledge)] == [second.pk]
    confirm(pledge, second, "voucher")
    assert "Kennisvoucher toegekend" in page(client, pledge)
    services.decide_link(pledge.pk, "voucher", second.pk, "reject", None)
    assert "Kennisvoucher toegekend" not in page(client, pledge)
    assert set(PledgeLink.objects.values_list("status", flat=True)) == {"rejected"}
    with pytest.raises(services.Refused):
        services.decide_link(pledge.pk, "voucher", second.pk, "reject", None)


def test_a_voucher_shows_while_it_is_granted_and_its_change_empties_the_page_cache(
    client, django_capture_on_commit_callbacks
):
    pledge, _ = sign("approved", organisation="Gemeente Cachedorp")
    application = voucher("Gemeente Cachedorp")
    confirm(pledge, application, "voucher")
    assert "Kennisvoucher toegekend" in page(client, pledge)
    cache.clear()
    before = pagecache.generation()
    with django_capture_on_commit_callbacks(execute=True):
        voucher_services.decide(application.pk, "withdraw", "Toch niet.")
    assert pagecache.generation() != before  # vouchers.application alone is ignored
    assert "Kennisvoucher toegekend" not in page(client, pledge)
    unlinked = voucher("Gemeente Elders")
    before = pagecache.generation()
    with django_capture_on_commit_callbacks(execute=True):
        voucher_services.decide(unlinked.pk, "withdraw", "Toch niet.")
    assert pagecache.generation() == before


def test_a_vignet_shows_until_it_is_revoked(client):
    pledge, _ = sign("approved", organisation="Drukkerij Testkleur")
    vignet = awarded_vignet(organisation="Drukkerij Testkleur B.V.")
    assert [c.kind for c in deeds.suggestions(pledge)] == ["vignet"]
    confirm(pledge, vignet, "vignet")
    html = page(client, pledge)
    assert "Vignet behaald, geldig tot en met" in html
    assert f"/vignet/controle/{vignet.public_id}/" in html
    assert vignet.contact_name not in html and vignet.email not in html
    vignet.revoked_at = timezone.now()
    vignet.save()
    assert "Vignet behaald" not in page(client, pledge)


def test_an_event_shows_while_its_page_is_live(client):
    pledge, _ = sign("approved", organisation="GGD Testregio")
    past = build_event(title="Rookvrij sporten", organiser="GGD Testregio",
                       starts_in=-timedelta(days=20))  # fmt: skip
    coming = build_event(title="Gezond de winter door", organiser="GGD Testregio")
    confirm(pledge, past, "event")
    confirm(pledge, coming, "event")
    html = page(client, pledge)
    assert (
        "Organiseerde ‘Rookvrij sporten’" in html and "Organiseert ‘Gezond de winter door’" in html
    )
    assert html.index("Gezond de winter door") < html.index("Rookvrij sporten")  # newest first
    coming.unpublish()
    assert "Gezond de winter door" not in page(client, pledge)


def test_a_practice_story_shows_once_its_article_is_published(client):
    pledge, _ = sign("approved", organisation="Welzijn Verhaaldorp")
    story = services.submit_story(story_data(title="Koken met buren",
                                             organisation="Welzijn Verhaaldorp"), None, "")  # fmt: skip
    assert deeds.suggestions(pledge) == []  # not accepted: nothing to show
    story = services.moderate_story(story.pk, "accept", "", None)
    confirm(pledge, story, "story")
    assert "Koken met buren" not in page(client, pledge)  # a draft article
    story.article.save_revision().publish()
    html = page(client, pledge)
    assert "Praktijkverhaal ‘Koken met buren’ op Kennislab" in html
    assert story.article.url in html and story.contact_name not in html


def test_a_relay_activity_shows_while_it_is_approved(client, campaign):  # noqa: F811
    pledge, _ = sign("approved", organisation="Zorggroep Estafettedorp")
    activity = approved(campaign, organiser="Zorggroep Estafettedorp (afdeling wijk)",
                        title="Beeldbellen oefenen")  # fmt: skip
    assert [c.target_id for c in deeds.suggestions(pledge)] == [activity.pk]
    confirm(pledge, activity, "activity")
    html = page(client, pledge)
    assert "Activiteit ‘Beeldbellen oefenen’ in Slimme Zorg Estafette" in html
    assert activity.get_absolute_url() in html and activity.email not in html
    assert '<time datetime="2021-02-03">' in html


def test_progress_counts_commitments_with_an_update_or_deed(client):
    pledge, _token = sign("approved", organisation="Gemeente Voortgang", commitments=THREE)
    first = services.post_update(pledge.pk, "Zes watertaps geplaatst.", None, 1)
    services.moderate_update(first.pk, "approve", "", None)
    loose = services.post_update(pledge.pk, "Een goed gesprek gehad.")
    services.moderate_update(loose.pk, "approve", "", None)
    waiting = services.post_update(pledge.pk, "Nog niet bekeken.", None, 2)
    assert waiting.commitment == 2
    vignet = awarded_vignet(organisation="Gemeente Voortgang")
    confirm(pledge, vignet, "vignet", commitment=3)
    wall = text(client.get("/netwerk/pledges/"))
    assert "Voortgang bij 2 van 3 afspraken" in wall
    assert (
        f'<progress class="pledge-progress__bar" id="voortgang-{pledge.slug}" max="3" value="2">'
        in wall
    )
    html = page(client, pledge)
    assert '<ol class="commitment-list">' in html and "<li>Vier gezonde kantines.</li>" in html
    assert "bij afspraak 3" in html and "bij afspraak 1" in html
    assert "Nog niet bekeken" not in html
    assert 'style="' not in wall and 'style="' not in html
    with pytest.raises(services.Refused):
        services.post_update(pledge.pk, "Te ver.", None, 4)


def test_one_commitment_counts_every_entry(client):
    pledge, _ = sign("approved", organisation="Gemeente Eenvoud")
    assert "Voortgang bij 0 van 1 afspraak" in text(client.get("/netwerk/pledges/"))
    update = services.post_update(pledge.pk, "Begonnen.")
    services.moderate_update(update.pk, "approve", "", None)
    assert "Voortgang bij 1 van 1 afspraak" in text(client.get("/netwerk/pledges/"))


def test_the_wall_does_not_query_per_pledge(client):
    site = build_voucher_site()

    def add(number):
        pledge, _ = sign("approved", organisation=f"Gemeente Telling {number}")
        confirm(pledge, voucher(f"Gemeente Telling {number}", site), "voucher")
        update = services.post_update(pledge.pk, "Gedaan.")
        services.moderate_update(update.pk, "approve", "", None)

    add(1), add(2)
    client.get("/netwerk/pledges/")  # what the first request of all looks up (the site, …)
    cache.clear()
    with CaptureQueriesContext(connection) as two:
        client.get("/netwerk/pledges/")
    add(3), add(4)
    cache.clear()
    with CaptureQueriesContext(connection) as four:
        client.get("/netwerk/pledges/")
    assert len(four) == len(two)


def test_the_signer_says_which_commitment_an_update_serves(client):
    _pledge, token = sign("approved", organisation="Gemeente Kiesdorp", commitments=THREE)
    url = f"/netwerk/pledges/link/{token}/"
    form = text(client.get(url))
    assert "Bij welke afspraak hoort dit?" in form and "2. Vier gezonde kantines." in form
    bad = client.post(url, {"soort": "voortgang", "website": "", "text": "Gedaan.",
                            "commitment": "9"})  # fmt: skip
    assert bad.status_code == 400 and "Kies een afspraak uit de lijst." in text(bad)
    assert not PledgeUpdate.objects.exists()
    client.post(url, {"soort": "voortgang", "website": "", "text": "Gedaan.", "commitment": "2"})
    assert PledgeUpdate.objects.get().commitment == 2
    single, single_token = sign("approved", organisation="Gemeente Een")
    assert "Bij welke afspraak" not in text(client.get(f"/netwerk/pledges/link/{single_token}/"))
    assert latest_link_token(single.email) == single_token


# --- the admin ----------------------------------------------------------------------------------


def test_only_moderators_see_the_deeds_page(client):
    pledge, _ = sign("approved", organisation="Gemeente Geheimdal")
    voucher("Gemeente Geheimdal")
    client.force_login(staff("kijker", "view_pledge"))
    assert client.get(deeds_url(pledge)).status_code in (302, 403)
    response = client.post(deeds_url(pledge), {"action": "confirm", "kind": "voucher",
                                               "target": "1"})  # fmt: skip
    assert response.status_code in (302, 403) and not PledgeLink.objects.exists()


def test_a_moderator_confirms_searches_sets_commitments_and_unlinks(client):
    pledge, _ = sign("approved", organisation="Gemeente Beheerdal", commitments=THREE)
    ours = voucher("Gemeente Beheerdal")
    other = voucher("Sportraad Beheerdal")
    update = services.post_update(pledge.pk, "Watertaps geplaatst.")
    services.moderate_update(update.pk, "approve", "", None)
    client.force_login(staff("moderator", "view_pledge", "moderate_pledge"))
    inspect = text(client.get(f"/admin/netwerk/pledges/inspect/{pledge.pk}/"))
    assert deeds_url(pledge) in inspect and "Daden op de tijdlijn" in inspect
    html = text(client.get(deeds_url(pledge)))
    assert "Voorstellen" in html and ours.reference in html and other.reference not in html
    assert "Vera Geheim" not in html and "vera@geheim.example" not in html
    response = client.post(deeds_url(pledge), {"action": "confirm", "kind": "voucher",
                                               "target": ours.pk, "commitment": "2"})  # fmt: skip
    assert response.status_code == 302
    link = PledgeLink.objects.get()
    assert (link.status, link.commitment, link.decided_by.username) == ("confirmed", 2, "moderator")
    found = text(client.get(deeds_url(pledge) + "?soort=voucher&q=sportraad"))
    assert other.reference in found and "Zelf zoeken en koppelen" in found
    response = client.post(deeds_url(pledge), {"action": "confirm", "kind": "voucher",
                                               "target": other.pk, "soort": "voucher",
                                               "q": "sportraad"})  # fmt: skip
    assert response.status_code == 302 and response["Location"].endswith(
        "?soort=voucher&q=sportraad"
    )
    response = client.post(deeds_url(pledge), {"action": "commitment", "kind": "update",
                                               "target": update.pk, "commitment": "1"})  # fmt: skip
    assert response.status_code == 302
    update.refresh_from_db()
    assert update.commitment == 1
    assert "Voortgang bij 2 van 3 afspraken" in text(client.get("/netwerk/pledges/"))
    response = client.post(deeds_url(pledge), {"action": "reject", "kind": "voucher",
                                               "target": other.pk})  # fmt: skip
    assert response.status_code == 302
    assert PledgeLink.objects.get(target_id=other.pk).status == "rejected"
    steps = list(PledgeEvent.objects.filter(pledge=pledge, action__startswith="link")
                 .values_list("action", flat=True))  # fmt: skip
    assert steps == ["link_confirm", "link_confirm", "link_reject"]


@pytest.mark.parametrize(
    ("post", "status", "message"),
    [
        ({"action": "confirm", "kind": "voucher", "target": "999999"}, 409,
         "Dit record bestaat niet (meer)."),
        ({"action": "confirm", "kind": "onbekend", "target": "1"}, 400, ""),
        ({"action": "confirm", "kind": "voucher", "target": "x"}, 400, ""),
        ({"action": "confirm", "kind": "voucher", "target": "{ours}", "commitment": "7"}, 400,
         "Deze pledge heeft geen afspraak met dat nummer."),
        ({"action": "commitment", "kind": "voucher", "target": "{ours}"}, 400,
         "Dit besluit past niet bij dit record."),
        ({"action": "commitment", "kind": "update", "target": "999999", "commitment": "1"}, 409,
         "Dit hoort niet (meer) bij deze pledge."),
        ({"action": "verwijderen", "kind": "voucher", "target": "{ours}"}, 400, ""),
    ],
)  # fmt: skip
def test_bad_decisions_change_nothing(client, post, status, message):
    pledge, _ = sign("approved", organisation="Gemeente Foutdal", commitments=THREE)
    ours = voucher("Gemeente Foutdal")
    client.force_login(staff("moderator", "view_pledge", "moderate_pledge"))
    data = {key: value.format(ours=ours.pk) for key, value in post.items()}
    response = client.post(deeds_url(pledge), data)
    assert response.status_code == status
    assert message in text(response)
    assert not PledgeLink.objects.exists()
    assert not PledgeEvent.objects.filter(action__startswith="link").exists()
