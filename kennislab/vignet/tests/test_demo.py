"""The vignet's demo content: its page, holders in every state, an application in assessment
and a draft; loading it twice changes nothing."""

import pytest

from kennislab.core.models import OutgoingEmail
from kennislab.vignet import criteria, demo, services
from kennislab.vignet.models import (
    Activity,
    Application,
    Event,
    Status,
    TeamLink,
    TeamLinkStatus,
    Vignet,
    VignetPage,
)

from .factories import today

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    return {
        "pages": VignetPage.objects.count(),
        "applications": sorted(Application.objects.values_list("organisation", "status")),
        "activities": Activity.objects.count(),
        "events": Event.objects.count(),
        "vignets": sorted(Vignet.objects.values_list("public_id", "valid_until")),
        "team_links": TeamLink.objects.count(),
        "emails": OutgoingEmail.objects.count(),
    }


def test_loading_the_demo_twice_is_idempotent():
    report = demo.load_demo()
    assert "vignet Drukkerij Kleurrijk" in report.created
    assert "vignetaanvraag met 30DagenGezonder-team Stroomwijs Installatietechniek" in (
        report.created
    )
    first = snapshot()
    assert first["team_links"] == 1
    assert first["pages"] == 1
    again = demo.load_demo()
    assert again.created == []
    assert snapshot() == first


def test_the_team_application_is_added_to_a_demo_loaded_before_it_existed():
    demo.VignetDemoLoader().load()  # what the demo loaded before the team application
    assert Application.objects.exists() and not TeamLink.objects.exists()
    report = demo.load_demo()
    assert report.created[-1] == (
        "vignetaanvraag met 30DagenGezonder-team Stroomwijs Installatietechniek"
    )
    assert TeamLink.objects.get().status == TeamLinkStatus.CONFIRMED


def test_the_demo_tells_every_part_of_the_story(client):
    demo.load_demo()
    vignets = {vignet.organisation: vignet for vignet in Vignet.objects.all()}
    assert set(vignets) == {name for name, *_rest in demo.HOLDERS}
    states = {name: vignet.state() for name, vignet in vignets.items()}
    assert states == {
        "Drukkerij Kleurrijk": "valid",
        "Zorggroep Lindehof": "valid",
        "Logistiek Centrum Waterstreek": "valid",
        "ICT-bureau Bitvaart": "expired",
    }
    # exactly one holder is in its renewal window and may renew now
    renewable = [
        name
        for name, vignet in vignets.items()
        if vignet.state() == "valid" and services.renewal_refusal(vignet) is None
    ]
    assert renewable == ["Logistiek Centrum Waterstreek"]
    waterstreek = vignets["Logistiek Centrum Waterstreek"]
    assert waterstreek.awarded_on == criteria.add_months(today(), -22)
    assert waterstreek.valid_until == criteria.valid_until(waterstreek.awarded_on)
    # the demo's reminders: only the holder in its window gets one today
    assert services.send_renewal_reminders() == 1
    waterstreek.refresh_from_db()
    assert waterstreek.reminders_sent == 1

    in_assessment = Application.objects.get(status=Status.IN_ASSESSMENT)
    assert in_assessment.organisation == "Tuincentrum De Vlinder"
    assert in_assessment.reference and in_assessment.verdict["eligible"] is True
    draft = Application.objects.get(status=Status.DRAFT)
    assert draft.organisation == "Bakkerij Het Korenaar"
    assert services.verdict_of(draft).eligible is False  # one theme: still working on it
    for application in Application.objects.filter(status=Status.AWARDED):
        assert application.verdict["eligible"] is True, application.organisation

    # a submitted application that counts a 30DagenGezonder team, confirmed by its captain
    with_team = Application.objects.get(organisation=demo.WITH_TEAM[0])
    assert (with_team.status, with_team.province) == (Status.SUBMITTED, "overijssel")
    assert with_team.verdict["eligible"] is True
    assert with_team.verdict["themes_met"] == ["bewegen", "voeding"]
    [link] = TeamLink.objects.filter(application=with_team)
    assert (link.status, link.team_label) == (TeamLinkStatus.CONFIRMED, demo.TEAM_NAME)
    assert link.participants == {"bewegen": 6, "voeding": 2}
    assert link.starts_on.month == 3 and link.ends_on < today()
    assert link.requested_at.date() > link.ends_on and link.decided_at > link.requested_at
    team_rows = with_team.activities.filter(team_link=link)
    assert sorted(team_rows.values_list("theme", "participants")) == [
        ("bewegen", 6), ("voeding", 2),
    ]  # fmt: skip
    themes = services.verdict_of(with_team).criterion("themes").explanation
    assert "Bewegen (27%)" in themes  # 6 of 22: the team counts for bewegen
    assert link.team.page.live and link.team.page.title == f"30DagenGezonder {link.starts_on.year}"

    register = client.get("/vignet/register/").content.decode()
    assert "3 organisaties met een geldig vignet" in register
    assert "Logistiek Centrum Waterstreek" in register
    assert "ICT-bureau Bitvaart" not in register

    page = VignetPage.objects.get()
    assert page.live and page.url == "/vignet/"
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vignet Vitaal Bedrijf" in html
    assert "Bekijk het register (3 organisaties)" in html
    assert 'href="/vignet/aanvragen/"' in html
