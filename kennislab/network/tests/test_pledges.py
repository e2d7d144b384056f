"""Pledges end to end: signing, the private link, moderation with its mails and log, progress
updates, the wall with its filters and a pledge's page."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from kennislab.content.models import Domain, Theme
from kennislab.core.models import OutgoingEmail
from kennislab.network import rules, services
from kennislab.network.models import Pledge, PledgeEvent, PledgeUpdate

from .conftest import latest_link_token, pledge_post, sign, text

pytestmark = pytest.mark.django_db
SIGN = "/netwerk/pledges/tekenen/"
WALL = "/netwerk/pledges/"


def private(token):
    return f"/netwerk/pledges/link/{token}/"


def test_signing_through_the_form(client):
    theme = Theme.objects.get(slug="leefstijl")
    domain = Domain.objects.get(code="school")
    response = client.post(SIGN, pledge_post(organisation="Gemeente Lindeloo",
                                             email="anne@voorbeeld.example",
                                             themes=[theme.pk], domains=[domain.pk]))  # fmt: skip
    assert response.status_code == 303
    assert "no-store" in response["Cache-Control"]
    pledge = Pledge.objects.get()
    assert pledge.status == "submitted" and pledge.slug == "gemeente-lindeloo"
    assert list(pledge.themes.all()) == [theme] and list(pledge.domains.all()) == [domain]
    assert "privacyverklaring" in pledge.consent_text
    assert [e.action for e in pledge.events.all()] == ["sign"]
    mail = OutgoingEmail.objects.get()
    assert mail.to == "anne@voorbeeld.example" and "ontvangen" in mail.subject
    token = latest_link_token("anne@voorbeeld.example")
    assert response["Location"] == private(token) + "?nieuw=1"
    assert token not in pledge.token_hash and len(token) >= 32
    page = client.get(response["Location"])
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert "Dank je wel, je pledge is ontvangen" in text(page)
    # not on the wall while it waits
    assert client.get(WALL + "gemeente-lindeloo/").status_code == 404
    assert "Gemeente Lindeloo" not in text(client.get(WALL))


def test_the_form_page(client):
    response = client.get(SIGN)
    assert response.status_code == 200
    html = text(response)
    assert "Teken een pledge" in html and 'name="csrfmiddlewaretoken"' in html
    assert "Leefstijl" in html and "Noord-Brabant" in html and "Wijk" in html


def test_two_pledges_of_one_organisation_get_their_own_slug():
    first, _ = sign(organisation="GGD Waterstreek")
    second, _ = sign(organisation="GGD Waterstreek")
    assert (first.slug, second.slug) == ("ggd-waterstreek", "ggd-waterstreek-2")


def test_approval_puts_it_on_the_wall_and_mails_a_fresh_link(client):
    pledge, first_token = sign(organisation="Gemeente Zonnedal")
    services.moderate_pledge(pledge.pk, "approve", "", None)
    pledge.refresh_from_db()
    assert pledge.status == "approved" and pledge.approved_at is not None
    mail = OutgoingEmail.objects.filter(to=pledge.email).latest("pk")
    assert "pledgemuur" in mail.subject and "/netwerk/pledges/gemeente-zonnedal/" in mail.body
    new_token = latest_link_token(pledge.email)
    assert new_token != first_token
    assert client.get(private(first_token)).status_code == 404  # only the latest link works
    assert client.get(private(new_token)).status_code == 200
    page = client.get(WALL + "gemeente-zonnedal/")
    assert page.status_code == 200
    html = text(page)
    assert "Pledge van Gemeente Zonnedal" in html and "gezonde kantine" in html
    assert pledge.email not in html and pledge.contact_name not in html  # never public
    assert "Gemeente Zonnedal" in text(client.get(WALL))
    event = pledge.events.latest("pk")
    assert (event.action, event.from_status, event.to_status) == ("approve", "submitted",
                                                                  "approved")  # fmt: skip


def test_changes_requested_then_changed_through_the_link(client):
    pledge, token = sign(status="changes_requested", organisation="Gemeente Veldhoven-Oost")
    mail = OutgoingEmail.objects.filter(to=pledge.email).latest("pk")
    assert "aanpassen" in mail.subject and "Graag concreter." in mail.body
    page = client.get(private(token))
    assert "Graag concreter." in text(page) and 'name="commitments"' in text(page)
    data = pledge_post(organisation="Gemeente Veldhoven-Oost",
                       commitments="Vijf scholen, vóór 2028, met de GGD.", soort="pledge")  # fmt: skip
    response = client.post(private(token), data)
    assert response.status_code == 303
    pledge.refresh_from_db()
    assert pledge.status == "submitted" and pledge.commitments.startswith("Vijf scholen")
    assert pledge.events.latest("pk").action == "resubmit"
    assert "opgeslagen" in text(client.get(response["Location"]))


def test_a_pledge_that_waits_cannot_be_changed_or_updated(client):
    pledge, token = sign()
    response = client.post(private(token), pledge_post(soort="pledge", commitments="Anders."))
    assert response.status_code == 409
    response = client.post(private(token), {"soort": "voortgang", "text": "Al gedaan."})
    assert response.status_code == 409
    assert "zodra je pledge op de pledgemuur staat" in text(response)
    pledge.refresh_from_db()
    assert pledge.commitments.startswith("Wij zorgen") and not PledgeUpdate.objects.exists()


def test_a_rejected_pledge_gets_no_link_and_leaves_the_wall(client):
    pledge, token = sign(status="approved")
    services.moderate_pledge(pledge.pk, "reject", "Niet passend bij het netwerk.", None)
    mail = OutgoingEmail.objects.filter(to=pledge.email).latest("pk")
    assert "niet geplaatst" in mail.subject and "Niet passend" in mail.body
    assert "/netwerk/pledges/link/" not in mail.body
    assert client.get(WALL + pledge.slug + "/").status_code == 404
    assert "niet geplaatst" in text(client.get(private(token)))


def test_moderation_refuses_steps_outside_the_table_and_rejections_without_a_note():
    pledge, _ = sign(status="approved")
    with pytest.raises(rules.NotAllowed):
        services.moderate_pledge(pledge.pk, "approve", "", None)
    with pytest.raises(rules.NotAllowed, match="waarom"):
        services.moderate_pledge(pledge.pk, "reject", "  ", None)
    pledge.refresh_from_db()
    assert pledge.status == "approved" and pledge.events.count() == 2


def test_progress_updates_are_moderated_before_they_show(client):
    pledge, token = sign(status="approved", organisation="Gemeente Noorderhaven")
    response = client.post(private(token), {"soort": "voortgang", "website": "",
                                            "text": "Drie scholen hebben nu water-taps.",
                                            "happened_on": "2027-03-01"})  # fmt: skip
    assert response.status_code == 303
    update = PledgeUpdate.objects.get()
    assert update.status == "submitted" and update.happened_on == date(2027, 3, 1)
    assert "water-taps" not in text(client.get(WALL + pledge.slug + "/"))
    assert "water-taps" in text(client.get(private(token)))  # the signer sees it waiting
    services.moderate_update(update.pk, "approve", "", None)
    assert "water-taps" in text(client.get(WALL + pledge.slug + "/"))
    mail = OutgoingEmail.objects.filter(to=pledge.email).latest("pk")
    assert "voortgangsupdate" in mail.subject
    assert latest_link_token(pledge.email) != token
    services.moderate_update(update.pk, "reject", "Dit klopt niet.", None)
    assert "water-taps" not in text(client.get(WALL + pledge.slug + "/"))
    actions = [(e.action, e.update_id) for e in PledgeEvent.objects.filter(pledge=pledge)]
    assert actions[-3:] == [("post_update", update.pk), ("approve", update.pk),
                            ("reject", update.pk)]  # fmt: skip


def test_private_links_are_unguessable_expire_and_show_only_their_own_pledge(client):
    mine, my_token = sign(organisation="Stichting Eigen Pledge", email="mij@voorbeeld.example")
    _other, other_token = sign(organisation="Andere Organisatie", email="ander@voorbeeld.example")
    assert my_token != other_token and len(my_token) >= 32
    html = text(client.get(private(my_token)))
    assert "Stichting Eigen Pledge" in html
    assert "Andere Organisatie" not in html and "ander@voorbeeld.example" not in html
    for guess in ("1", str(mine.pk), mine.slug, mine.token_hash, my_token[:-1] + "x", "x" * 200):
        assert client.get(private(guess)).status_code == 404, guess
    Pledge.objects.filter(pk=mine.pk).update(token_expires_at=timezone.now() - timedelta(1))
    expired = client.get(private(my_token))
    assert expired.status_code == 404 and "werkt niet" in text(expired)
    assert "no-store" in expired["Cache-Control"]


def test_the_wall_filters(client):
    leefstijl = Theme.objects.get(slug="leefstijl")
    preventie = Theme.objects.get(slug="preventie")
    school = Domain.objects.get(code="school")
    wijk = Domain.objects.get(code="wijk")
    a, _ = sign(status="approved", organisation="Alfa", province="utrecht")
    b, _ = sign(status="approved", organisation="Bravo", province="limburg")
    c, _ = sign(status="approved", organisation="Charlie", province="utrecht")
    sign(organisation="Delta wacht", province="utrecht")  # waiting: never on the wall
    a.themes.set([leefstijl]), a.domains.set([school])
    b.themes.set([preventie]), b.domains.set([school, wijk])
    c.themes.set([leefstijl, preventie])

    def shown(query):
        html = text(client.get(WALL + query))
        return {name for name in ("Alfa", "Bravo", "Charlie", "Delta wacht") if name in html}

    assert shown("") == {"Alfa", "Bravo", "Charlie"}
    assert shown("?thema=leefstijl") == {"Alfa", "Charlie"}
    assert shown("?thema=leefstijl&thema=preventie") == {"Alfa", "Bravo", "Charlie"}
    assert shown("?domein=school") == {"Alfa", "Bravo"}
    assert shown("?domein=wijk&regio=utrecht") == set()
    assert shown("?regio=utrecht") == {"Alfa", "Charlie"}
    assert shown("?regio=utrecht&regio=limburg&thema=preventie") == {"Bravo", "Charlie"}
    assert shown("?regio=atlantis&thema=onbekend") == {"Alfa", "Bravo", "Charlie"}
    response = client.get(WALL + "?thema=leefstijl")
    assert "2 pledges" in text(response) and "Alle filters wissen" in text(response)
    assert 'value="leefstijl" checked' in text(response)


def test_the_pledge_page_shows_linked_live_pages_only(client):
    from kennislab.content.models import ArticlePage
    from kennislab.content.site import ensure_kennislab_index

    index = ensure_kennislab_index()
    live = ArticlePage(title="Gezonde kantines in de praktijk", slug="gezonde-kantines",
                       date=date(2027, 1, 5))  # fmt: skip
    index.add_child(instance=live)
    live.save_revision().publish()
    draft = ArticlePage(title="Nog een concept", slug="concept", date=date(2027, 1, 5),
                        live=False)  # fmt: skip
    index.add_child(instance=draft)
    pledge, _ = sign(status="approved")
    pledge.related_pages.set([live, draft])
    html = text(client.get(pledge.get_absolute_url()))
    assert "Gezonde kantines in de praktijk" in html and "/kennislab/gezonde-kantines/" in html
    assert "Nog een concept" not in html


def test_unknown_pledge_is_404(client):
    assert client.get(WALL + "bestaat-niet/").status_code == 404


NEW_LINK = "/netwerk/pledges/link/"


def test_a_new_link_on_request_replaces_the_old_one(client):
    pledge, old_token = sign(email="anne@voorbeeld.example", status="approved")
    _rejected, _token = sign(email="anne@voorbeeld.example", organisation="Afgewezen BV",
                            status="rejected")  # fmt: skip
    assert client.get(NEW_LINK).status_code == 200
    before = OutgoingEmail.objects.count()
    response = client.post(NEW_LINK, {"email": " ANNE@voorbeeld.example "})
    assert response.status_code == 303
    assert response["Location"] == "/netwerk/pledges/link/verstuurd/"
    mails = list(OutgoingEmail.objects.order_by("pk")[before:])
    assert [(m.to, m.subject) for m in mails] == [
        ("anne@voorbeeld.example", "Je nieuwe link voor je pledge")
    ]
    new_token = latest_link_token("anne@voorbeeld.example")
    assert new_token != old_token
    assert services.by_token(old_token) is None  # the old link stops working
    assert services.by_token(new_token).pk == pledge.pk
    assert client.get(private(old_token)).status_code == 404
    assert "Vraag een nieuwe link aan" in text(client.get(private(old_token)))
    assert client.get(private(new_token)).status_code == 200


def test_asking_for_a_link_never_tells_who_signed(client):
    sign(email="anne@voorbeeld.example")
    known = client.post(NEW_LINK, {"email": "anne@voorbeeld.example"}, follow=True)
    unknown = client.post(NEW_LINK, {"email": "niemand@voorbeeld.example"}, follow=True)
    assert known.redirect_chain == unknown.redirect_chain
    assert text(known) == text(unknown)
    assert not OutgoingEmail.objects.filter(to="niemand@voorbeeld.example").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": ""}, "Vul je e-mailadres in."),
        ({"email": "anne@"}, "Vul een geldig e-mailadres in"),
        ({"email": "anne@voorbeeld.example", "website": "spam"}, "automatisch"),
    ],
)
def test_a_bad_link_request_sends_nothing(client, data, message):
    pledge, token = sign(email="anne@voorbeeld.example")
    before = OutgoingEmail.objects.count()
    response = client.post(NEW_LINK, data)
    assert response.status_code == 400
    assert message in text(response)
    assert OutgoingEmail.objects.count() == before
    assert services.by_token(token).pk == pledge.pk  # the link still works
