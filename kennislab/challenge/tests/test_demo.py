"""The challenge demo: next March's edition with sign-up open now, the support messages, four
materials, invented participants and teams; loading it twice changes nothing."""

from datetime import date

import pytest
from django.utils import timezone

from kennislab.challenge import demo, rules, services
from kennislab.challenge.models import (
    ChallengePage,
    Participant,
    Status,
    SupportMessage,
    Team,
)
from kennislab.core.models import OutgoingEmail

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        sorted(ChallengePage.objects.values_list("slug", flat=True)),
        SupportMessage.objects.count(),
        Participant.objects.count(),
        Team.objects.count(),
        OutgoingEmail.objects.count(),
    )


@pytest.mark.parametrize(
    ("today", "start"),
    [("2026-11-26", "2027-03-01"), ("2027-01-10", "2027-03-01"), ("2027-02-28", "2027-03-01"),
     ("2027-03-01", "2028-03-01"), ("2027-03-20", "2028-03-01")],
)  # fmt: skip
def test_the_edition_is_next_march(today, start):
    assert demo.edition_start(date.fromisoformat(today)) == date.fromisoformat(start)


def test_load_demo_twice_is_idempotent(client):
    assert not demo.database_has_content()
    report = demo.load_demo()
    assert report.created and demo.database_has_content()
    first = snapshot()
    assert first[1] == 7 + len(demo.THEMED)
    assert first[2] == len(demo.PARTICIPANTS) and first[3] == 2
    again = demo.load_demo()
    assert again.created == []
    assert snapshot() == first


def test_the_demo_edition_is_open_with_figures_and_materials(client):
    demo.load_demo()
    page = ChallengePage.objects.get()
    assert page.live and page.starts_on == demo.edition_start(timezone.localdate())
    assert page.signup_state() == rules.OPEN
    page.full_clean()  # the demo passes the editors' own checks
    assert page.materials.count() == 4
    assert all(m.document and m.document.file_size > 0 for m in page.materials.all())
    figures = services.figures(page)
    assert figures.participants == len(demo.PARTICIPANTS) and figures.teams == 2
    assert all(p.status == Status.CONFIRMED for p in Participant.objects.all())
    assert all(p.email.endswith("@example.org") for p in Participant.objects.all())
    for day in rules.SUPPORT_DAYS:
        assert SupportMessage.objects.filter(day=day, theme="").exists(), day
    for message in SupportMessage.objects.all():
        message.full_clean()
    html = client.get(page.url).content.decode()
    assert "Toolkit voor scholen" in html and "(PDF," in html
    assert client.get(f"/uitdaging/{page.slug}/aanmelden/").status_code == 200
