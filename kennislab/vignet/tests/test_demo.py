"""The vignet's demo content: its page, holders in every state, an application in assessment
and a draft; loading it twice changes nothing."""

import pytest

from kennislab.core.models import OutgoingEmail
from kennislab.vignet import criteria, demo, services
from kennislab.vignet.models import Activity, Application, Event, Status, Vignet, VignetPage

from .factories import today

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    return {
        "pages": VignetPage.objects.count(),
        "applications": sorted(Application.objects.values_list("organisation", "status")),
        "activities": Activity.objects.count(),
        "events": Event.objects.count(),
        "vignets": sorted(Vignet.objects.values_list("public_id", "valid_until")),
        "emails": OutgoingEmail.objects.count(),
    }


def test_loading_the_demo_twice_is_idempotent():
    report = demo.load_demo()
    assert "vignet Drukkerij Kleurrijk" in report.created
    first = snapshot()
    assert first["pages"] == 1
    again = demo.load_demo()
    assert again.created == []
    assert snapshot() == first


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
