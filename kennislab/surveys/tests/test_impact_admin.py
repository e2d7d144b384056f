"""The impact follow-up in the back office: a scheme's report (figures, the chart, per good
example, quotes) for staff who may see voucher applications, quotes put on the site by staff who
may decide, an edition's report for staff who may see participants, and the exports on record."""

import csv
import io
import re
from datetime import timedelta
from html import unescape

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from kennislab.challenge.models import ChallengePage
from kennislab.challenge.tests.factories import build_challenge, confirmed
from kennislab.surveys import impact
from kennislab.surveys.models import ImpactInvitation, ImpactKind

from .test_impact import answered, granted, site, survey  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def staff(username, *codenames):
    user = User.objects.create_user(username, password="x", is_staff=True)
    group = Group.objects.create(name=f"groep-{username}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for app_label, codename in codenames:
        group.permissions.add(
            Permission.objects.get(codename=codename, content_type__app_label=app_label)
        )
    user.groups.add(group)
    return user


VIEW = ("vouchers", "view_application")
DECIDE = ("vouchers", "decide_application")


def text(response) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", response.content.decode())))


@pytest.fixture
def followed_up(site):  # noqa: F811
    """Example 1: two answers (5 and 4; one allows quoting); example 2: one voucher, no answer;
    a third voucher invited and reminded without an answer."""
    quoted = answered(site, score="5", text="=Onze wijkteams werken nu samen.")
    answered(site, score="4", text="Geen citaat.", consent=False)
    granted(site, example=1, consent=False)
    waiting = granted(site, example=1)
    ImpactInvitation.objects.create(
        page=site.scheme.impact_survey, kind=ImpactKind.VOUCHER, application=waiting,
        expires_at=timezone.now() + timedelta(days=5), reminded_at=timezone.now(),
    )  # fmt: skip
    return quoted


def report_url(site):  # noqa: F811
    return reverse("surveys_impact_scheme", args=[site.scheme.pk])


def test_staff_without_the_voucher_permission_see_nothing(client, site, followed_up):  # noqa: F811
    client.force_login(staff("buitenstaander"))
    assert client.get(reverse("surveys_impact_index")).status_code in (302, 403)
    assert client.get(report_url(site)).status_code in (302, 403)
    assert client.get(report_url(site) + "?export=csv").status_code in (302, 403)
    assert "/admin/effect/" not in client.get("/admin/").content.decode()


def test_the_scheme_report(client, site, followed_up):  # noqa: F811
    client.force_login(staff("kijker", VIEW))
    assert "/admin/effect/" in client.get("/admin/").content.decode()  # the menu
    index = client.get(reverse("surveys_impact_index"))
    assert index.status_code == 200 and site.scheme.title in text(index)
    response = client.get(report_url(site))
    assert response.status_code == 200
    html = response.content.decode()
    figures = dict(re.findall(r'data-figure="(\w+)">([^<]*)<', html))
    assert figures == {
        "eligible": "4", "consenting": "3", "invited": "3", "reminded": "1",
        "responded": "2 (67%)", "declined": "0",
    }  # fmt: skip
    page = text(response)
    assert "Gemiddeld 4,5 van 5." in page
    assert html.count("data-bar") == 5 and "<svg" in html  # the chart, drawn on the server
    rows = re.findall(r"<tr data-example>(.*?)</tr>", html, re.S)
    cells = [re.findall(r"<td>([^<]*)</td>", row)[:4] for row in rows]
    assert cells == [["Goed voorbeeld 1", "2", "2", "4,5"], ["Goed voorbeeld 2", "2", "0", "–"]]
    assert "=Onze wijkteams werken nu samen." in page and "Geen citaat" not in page
    assert "Op de site zetten" not in page  # seeing is not deciding


def test_a_decider_puts_a_quote_on_the_site_and_takes_it_off(client, site, followed_up):  # noqa: F811
    client.force_login(staff("besluiter", VIEW, DECIDE))
    url = report_url(site)
    assert "Op de site zetten" in text(client.get(url))
    response = client.post(url, {"citaat": followed_up.pk, "tonen": "1"})
    assert response.status_code == 303
    assert ImpactInvitation.objects.get(pk=followed_up.pk).quote_shown
    example_page = text(client.get(site.examples[0].url))
    assert "‘=Onze wijkteams werken nu samen.’" in example_page
    client.post(url, {"citaat": followed_up.pk, "tonen": "0"})
    assert not ImpactInvitation.objects.get(pk=followed_up.pk).quote_shown
    other = ImpactInvitation.objects.exclude(pk=followed_up.pk).filter(response__isnull=False)
    client.post(url, {"citaat": other.get().pk, "tonen": "1"})  # no consent: refused
    assert not other.get().quote_shown
    client.post(url, {"citaat": "geen-getal", "tonen": "1"})  # never a 500


def test_a_viewer_cannot_put_quotes_on_the_site(client, site, followed_up):  # noqa: F811
    client.force_login(staff("kijker", VIEW))
    response = client.post(report_url(site), {"citaat": followed_up.pk, "tonen": "1"})
    assert response.status_code in (302, 403)
    assert not ImpactInvitation.objects.get(pk=followed_up.pk).quote_shown


def test_the_exports_are_on_record_and_never_run_formulas(client, site, followed_up):  # noqa: F811
    from kennislab.privacy.models import AccessEvent

    client.force_login(staff("kijker", VIEW))
    response = client.get(report_url(site) + "?export=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Kenmerk", "Organisatie", "Goed voorbeeld", "Ingevuld op",
                       "Citaat toegestaan", "Tevredenheid", "Wat is er veranderd",
                       "Wat wil je meegeven"]  # fmt: skip
    assert len(rows) == 3
    first = rows[1]
    assert first[1].startswith("Stichting Gezonde Wijk") and first[2] == "Goed voorbeeld 1"
    assert first[4:] == ["ja", "5", "Een plan", "'=Onze wijkteams werken nu samen."]
    event = AccessEvent.objects.get(action=AccessEvent.Action.LIST_EXPORT)
    assert event.rows == 2

    workbook = client.get(report_url(site) + "?export=xlsx")
    sheet = load_workbook(io.BytesIO(workbook.content)).active
    assert sheet.cell(row=2, column=8).data_type == "s"


def test_the_edition_report(client, survey):  # noqa: F811
    edition = build_challenge()
    ChallengePage.objects.filter(pk=edition.pk).update(impact_survey=survey)
    participant = confirmed(edition, impact_consent=True)
    invitation = ImpactInvitation.objects.create(
        page=survey, kind=ImpactKind.CHALLENGE, participant=participant,
        expires_at=timezone.now() + timedelta(days=5),
    )  # fmt: skip
    impact.record_response(
        invitation.pk, {"tevredenheid": "3", "wat_is_er_veranderd": ["Een plan"],
                        "wat_wil_je_meegeven": "Meer berichten graag."}, "", False,
    )  # fmt: skip
    url = reverse("surveys_impact_edition", args=[edition.pk])
    client.force_login(staff("kijker", VIEW))
    assert client.get(url).status_code in (302, 403)  # vouchers are not the challenge
    client.logout()
    client.force_login(staff("uitdaging", ("challenge", "view_participant")))
    response = client.get(url)
    assert response.status_code == 200
    page = text(response)
    assert "Gemiddeld 3,0 van 5." in page and "Citaten" not in page
    rows = list(
        csv.reader(io.StringIO(client.get(url + "?export=csv").content.decode("utf-8-sig")))
    )
    assert rows[0][0] == "Ingevuld op" and participant.email not in repr(rows)
    assert rows[1][1:] == ["3", "Een plan", "Meer berichten graag."]
