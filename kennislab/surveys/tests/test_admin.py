"""The results in the back office: only staff who may see the page's form submissions (edit
permission on the page) see them; counts, percentages, open answers, the region filter, and the
CSV and XLSX exports parsed back."""

import csv
import io
from datetime import datetime

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import GroupPagePermission

from kennislab.surveys.models import SurveyResponse

from .conftest import KEYS

pytestmark = pytest.mark.django_db
DAY = timezone.make_aware(datetime(2026, 5, 4))


def respond(page, region="", **answers):
    data = {"themas": ["Roken"], "urgentie": "2", "rol": "GGD", "toelichting": "",
            "gemeente": ""}  # fmt: skip
    data.update(answers)
    return SurveyResponse.objects.create(page=page, form_data=data, region=region,
                                         submit_time=DAY)  # fmt: skip


@pytest.fixture
def answered(survey):
    respond(survey, "utrecht", themas=["Roken", "Eenzaamheid"], rol="Gemeente",
            toelichting="Meer buurtsport")  # fmt: skip
    respond(survey, "utrecht", toelichting='=HYPERLINK("http://evil.example")')
    respond(survey, "limburg", themas=["Overgewicht"], urgentie="3")
    respond(survey, "", rol="Gemeente")
    return survey


def staff(username, page=None):
    user = User.objects.create_user(username, password="x", is_staff=True)
    group = Group.objects.create(name=f"groep-{username}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    if page is not None:
        GroupPagePermission.objects.create(
            group=group, page=page, permission=Permission.objects.get(codename="change_page")
        )
    user.groups.add(group)
    return user


def url(page, **params):
    from django.urls import reverse

    query = "&".join(f"{key}={value}" for key, value in params.items())
    return reverse("surveys_results", args=[page.pk]) + (f"?{query}" if query else "")


def test_without_permission_nothing_is_shown(client, answered, make_survey):
    client.force_login(staff("zonder"))
    for address in (url(answered), url(answered, export="csv"), "/admin/vragenlijsten/"):
        response = client.get(address)
        assert response.status_code in (302, 403, 404), address
        assert b"Meer buurtsport" not in response.content
    other = make_survey()
    client.force_login(staff("ander", page=other))  # may edit another survey only
    assert client.get(url(answered)).status_code == 404
    assert client.get(url(answered, export="xlsx")).status_code == 404
    assert client.get(url(other)).status_code == 200


def test_anonymous_visitors_go_to_the_login(client, answered):
    response = client.get(url(answered))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_results_page_shows_counts_percentages_and_open_answers(client, answered):
    client.force_login(staff("redacteur", page=answered))
    response = client.get(url(answered))
    assert response.status_code == 200
    html = response.content.decode()
    assert "4 antwoorden in totaal" in html
    assert "<svg" in html
    # Thema's: Roken 3 of 4 (75%), Eenzaamheid 1, Overgewicht 1
    assert (
        "<td>Roken</td>\n                    <td>3</td>\n                    <td>75%</td>" in html
    )
    assert (
        "<td>Gemeente</td>\n                    <td>2</td>\n                    <td>50%</td>"
        in html
    )
    assert "Meer buurtsport" in html
    assert "Gemiddelde: 2.2" in html or "Gemiddelde: 2,2" in html
    assert "Meer antwoorden mogelijk" in html


def test_the_region_filter(client, answered):
    client.force_login(staff("redacteur", page=answered))
    html = client.get(url(answered, regio="utrecht")).content.decode()
    assert "2 antwoorden in deze selectie" in html
    assert (
        "<td>Roken</td>\n                    <td>2</td>\n                    <td>100%</td>" in html
    )
    assert "Meer buurtsport" in html
    limburg = client.get(url(answered, regio="limburg")).content.decode()
    assert "1 antwoord in deze selectie" in limburg and "Meer buurtsport" not in limburg
    unsaid = client.get(url(answered, regio="niet-gezegd")).content.decode()
    assert "1 antwoord in deze selectie" in unsaid
    nonsense = client.get(url(answered, regio="atlantis")).content.decode()
    assert "in deze selectie" not in nonsense and "4 antwoorden in totaal" in nonsense


def test_the_menu_and_the_index(client, answered):
    client.force_login(staff("redacteur", page=answered))
    html = client.get("/admin/vragenlijsten/").content.decode()
    assert answered.title in html and url(answered) in html
    assert "Vragenlijsten" in client.get("/admin/").content.decode()


def test_the_csv_export(client, answered):
    client.force_login(staff("redacteur", page=answered))
    response = client.get(url(answered, export="csv", regio="utrecht"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "-utrecht.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Ingevuld op", "Provincie", "Thema's", "Urgentie", "Rol", "Toelichting",
                       "Gemeente"]  # fmt: skip
    assert len(rows) == 3
    assert rows[1] == ["2026-05-04", "Utrecht", "Roken; Eenzaamheid", "2", "Gemeente",
                       "Meer buurtsport", ""]  # fmt: skip
    assert rows[2][5] == '\'=HYPERLINK("http://evil.example")'  # never a formula


def test_the_xlsx_export(client, answered):
    client.force_login(staff("redacteur", page=answered))
    response = client.get(url(answered, export="xlsx"))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][:3] == ["Ingevuld op", "Provincie", "Thema's"]
    assert len(rows) == 5
    assert rows[1][0].date() == DAY.date() and rows[1][1] == "Utrecht"
    formula_cell = sheet.cell(row=3, column=6)
    assert formula_cell.value == '\'=HYPERLINK("http://evil.example")'  # neutralised, as in CSV
    assert formula_cell.data_type == "s"  # text, not a formula
    assert rows[4][1] is None or rows[4][1] == ""  # no province given


def test_keys_line_up_with_the_conftest(survey):
    assert [question.key for question in survey.questions()] == KEYS


def test_an_export_of_answers_is_on_record(client, answered):
    from kennislab.privacy.models import AccessEvent

    client.force_login(staff("redacteur", page=answered))
    client.get(url(answered, export="csv", regio="utrecht"))
    event = AccessEvent.objects.get(action=AccessEvent.Action.LIST_EXPORT)
    assert event.rows == 2 and "Antwoorden op vragenlijsten" in event.what
    assert event.user_label == "redacteur" or event.user is not None
