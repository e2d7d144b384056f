"""CSV and XLSX exports of a survey's responses: one row per response (the day, the province and
one column per question). Text that a spreadsheet would run as a formula is kept as text."""

from __future__ import annotations

import csv
import io

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook

from kennislab.campaigns.rules import PROVINCE_NAMES
from kennislab.core.admin_display import neutralise

from .results import display

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def rows(questions, responses):
    """The heading row, then a row per response (plain values)."""
    yield [_("Ingevuld op"), _("Provincie"), *(question.label for question in questions)]
    for response in responses:
        yield [
            response.day,
            PROVINCE_NAMES.get(response.region, ""),
            *(display(question, response.answers.get(question.key)) for question in questions),
        ]


def as_csv(questions, responses, filename: str) -> HttpResponse:
    return csv_response(rows(questions, responses), filename)


def as_xlsx(questions, responses, filename: str) -> HttpResponse:
    return xlsx_response(rows(questions, responses), filename)


def csv_response(table, filename: str) -> HttpResponse:
    """Rows of plain values as a CSV download (with a BOM, so spreadsheets read UTF-8)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in table:
        writer.writerow([neutralise(value) if value is not None else "" for value in row])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(table, filename: str) -> HttpResponse:
    """Rows of plain values as an Excel download; text is never a formula."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Antwoorden")
    for number, row in enumerate(table, 1):
        for column, value in enumerate(row, 1):
            cell = sheet.cell(row=number, column=column)
            cell.value = value = neutralise(value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever it starts with
            elif value is not None:
                cell.number_format = "yyyy-mm-dd"
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
