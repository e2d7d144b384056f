"""The back office as a new editor finds it: every admin listing of the project, with the demo
content, as a superuser. Each row's main column links to the record's own page, which answers
200 and reads as plain Dutch: no None, True/False, token hashes, raw dicts or English field
labels. A new listing of any app is walked too (it is found in Wagtail's viewset registry)."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page

from kennislab.content.models import Theme
from kennislab.core.testing import data_for_module
from kennislab.questions.models import AdviserRoute
from kennislab.search.models import SearchQueryStat

pytestmark = pytest.mark.django_db

FORBIDDEN = re.compile(r"\bNone\b|\bTrue\b|\bFalse\b|Token|token_|\{'|\['|\bnull\b")
# English and internal labels that must never show (Django's defaults and field names).
ENGLISH = {"id", "token hash", "token expires at", "created at", "updated at", "email key",
           "organisation key", "public id", "holder token hash", "holder token expires at",
           "unsubscribe key", "verdict", "headers", "attachments", "event", "body", "name",
           "position", "sequence", "attempts", "topic", "page", "application", "file", "size",
           "theme", "themes", "email", "phone", "organisation", "title"}  # fmt: skip
ROWS_PER_LISTING = 12  # every row of a demo listing (they are short), and at most this many


def project_models():
    return [model for model in apps.get_models() if model.__module__.startswith("kennislab.")]


def default_labels() -> set[str]:
    """The labels Django makes of field names that have no (translated) verbose name."""
    labels = set(ENGLISH)
    for model in project_models():
        for field in model._meta.get_fields():
            verbose = getattr(field, "verbose_name", None)
            if verbose is not None and not isinstance(verbose, Promise):
                labels.add(str(verbose).lower())
    return labels


def listings() -> list[str]:
    """The index URL of every model listing of the project (records and snippets; pages live in
    the page explorer)."""
    urls = []
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        if not isinstance(viewset, ModelViewSet) or not isinstance(model, type):
            continue
        if model.__module__.startswith("kennislab.") and not issubclass(model, Page):
            urls.append(viewset.menu_url)
    return sorted(set(urls))


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with data_for_module(django_db_blocker):
        call_command("load_demo", stdout=io.StringIO())
        today = timezone.localdate()
        SearchQueryStat.objects.create(day=today, query="gezonde school", searches=4,
                                       without_results=0)  # fmt: skip
        SearchQueryStat.objects.create(day=today, query="kennisvoucer", searches=2,
                                       without_results=2)  # fmt: skip
        adviser = User.objects.create_user(
            "adviseur",
            "adviseur@kennislab.example",
            "x",
            is_staff=True,
            first_name="Demi",
            last_name="Adviseur",
        )
        AdviserRoute.objects.create(theme=Theme.objects.order_by("pk").first(), adviser=adviser)
        yield


@pytest.fixture
def boss(demo):
    client = Client()
    client.force_login(User.objects.create_superuser("walker", "walker@kennislab.example", "x"))
    return client


class Page_(HTMLParser):
    """What a staff member reads on an admin page: the visible text of <main> (no scripts,
    templates, icons or attributes), the description-list labels, and per row of the listing
    table the first link in its first cell."""

    HIDDEN = {"script", "style", "template", "svg"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr"}  # fmt: skip

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.text, self.labels, self.rows = [], [], []
        self._main = self._depth = 0
        self._hidden_from = None  # the depth at which a hidden element started
        self._dt = None
        self._listing = self._tbody = False
        self._cell = 0
        self._main_cell = False
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self._main += 1
        if tag not in self.VOID:
            self._depth += 1
            if self._hidden_from is None and (tag in self.HIDDEN or "hidden" in attrs):
                self._hidden_from = self._depth
        if tag == "dt":
            self._dt = []
        if tag == "table" and "listing" in (attrs.get("class") or "").split():
            self._listing = True
        if self._listing and tag == "tbody":
            self._tbody = True
        if self._tbody and tag == "tr":
            self.rows.append(None)
            self._cell = 0
        if self._tbody and tag == "td":
            self._cell += 1  # the main column: the title cell (after any check box)
            self._main_cell = "title" in (attrs.get("class") or "").split() or (
                self._cell == 1 and "bulk-actions" not in (attrs.get("class") or "")
            )
        if self._tbody and tag == "a" and self._main_cell and self.rows and self.rows[-1] is None:
            self.rows[-1] = attrs.get("href")

    def handle_endtag(self, tag):
        if tag == "main":
            self._main -= 1
        if tag not in self.VOID:
            if self._hidden_from == self._depth:
                self._hidden_from = None
            self._depth -= 1
        if tag == "dt" and self._dt is not None:
            self.labels.append("".join(self._dt).strip())
            self._dt = None
        if tag == "tbody":
            self._tbody = False
        if tag == "table":
            self._listing = False

    def handle_data(self, data):
        if self._main and self._hidden_from is None:
            self.text.append(data)
            if self._dt is not None:
                self._dt.append(data)


def main_text(page: str) -> str:
    return " ".join(Page_(page).text)


def test_every_listing_row_opens_a_readable_page(boss):
    english = default_labels()
    urls = listings()
    urls += [reverse("kennislab_search_popular"), reverse("kennislab_search_empty")]
    assert len(urls) >= 20, urls  # every app's listings were found
    problems = []
    for url in urls:
        response = boss.get(url)
        if response.status_code != 200:
            problems.append(f"{url}: {response.status_code}")
            continue
        listing = Page_(response.content.decode())
        if found := FORBIDDEN.search(" ".join(listing.text)):
            problems.append(f"{url}: the listing shows {found.group(0)!r}")
        if not listing.rows:
            problems.append(f"{url}: no rows with the demo content")
        for link in listing.rows[:ROWS_PER_LISTING]:
            if link is None:
                problems.append(f"{url}: a row without a link in its main column")
                continue
            if link.startswith("/zoeken/") or "/zoeken/?" in link:
                continue  # a search statistic opens the public results
            detail = boss.get(link)
            if detail.status_code != 200:
                problems.append(f"{link}: {detail.status_code}")
                continue
            read = Page_(detail.content.decode())
            text = " ".join(read.text)
            if found := FORBIDDEN.search(text):
                start = max(found.start() - 60, 0)
                problems.append(f"{link}: shows {found.group(0)!r} in …{text[start : found.end()]}")
            for label in read.labels:
                if label.lower() in english:
                    problems.append(f"{link}: an English or internal label {label!r}")
    assert not problems, "\n".join(problems)


def test_the_search_statistics_open_the_public_results(boss):
    page = boss.get("/admin/reports/zoekopdrachten/").content.decode()
    assert 'href="/zoeken/?q=gezonde+school"' in page
    count = SearchQueryStat.objects.get(query="gezonde school").searches
    boss.get("/zoeken/?q=gezonde+school")  # a staff member checking the results
    assert SearchQueryStat.objects.get(query="gezonde school").searches == count


def test_listings_and_details_show_local_time_and_never_relative_dates(boss):
    from kennislab.vouchers.models import Application

    application = Application.objects.order_by("pk").first()
    listing = main_text(boss.get("/admin/voucheraanvragen/").content.decode())
    assert not re.search(r"geleden|zojuist|Zojuist|over \d", listing)
    detail = main_text(
        boss.get(f"/admin/voucheraanvragen/inspect/{application.pk}/").content.decode()
    )
    local = timezone.localtime(application.received_at)
    assert f"{local:%H:%M}" in detail  # the same time the applicant was told
    vignets = main_text(boss.get("/admin/vignetten/").content.decode())
    assert not re.search(r"over \d+ jaar|over \d+ maanden", vignets)


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_every_export_neutralises_spreadsheet_formulas(boss):
    """Text typed by the public that starts like a formula (=, +, -, @, tab, carriage return)
    stays text in every CSV and XLSX export of the project."""
    import csv

    from django.db import models
    from openpyxl import load_workbook

    from kennislab.core.admin_display import FORMULA_START

    hostile = ["=HYPERLINK(\"http://x.example\")", "+31 6 1234", "-2+3", "@SUM(A1)", "\tx",
               "\rx"]  # fmt: skip
    exported = 0
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        if not isinstance(viewset, ModelViewSet) or not isinstance(model, type):
            continue
        export = getattr(viewset, "list_export", None)
        if not model.__module__.startswith("kennislab.") or not isinstance(export, list):
            continue
        text_fields = [field.name for field in model._meta.concrete_fields
                       if isinstance(field, (models.CharField, models.TextField))
                       and not field.choices and not field.unique
                       and field.name in export]  # fmt: skip
        if not text_fields or not model.objects.exists():
            continue
        for number, pk in enumerate(model.objects.values_list("pk", flat=True)):
            value = hostile[number % len(hostile)]
            model.objects.filter(pk=pk).update(**dict.fromkeys(text_fields, value))
        url = viewset.menu_url
        response = boss.get(url + "?export=csv")
        assert response.status_code == 200, url
        rows = list(csv.reader(io.StringIO(body(response).decode("utf-8-sig"))))
        cells = [cell for row in rows[1:] for cell in row]
        assert cells and not [cell for cell in cells if cell.startswith(FORMULA_START)], url
        response = boss.get(url + "?export=xlsx")
        sheet = load_workbook(io.BytesIO(body(response))).active
        values = [cell.value for row in sheet.iter_rows(min_row=2) for cell in row]
        assert not [v for v in values if isinstance(v, str) and v.startswith(FORMULA_START)], url
        exported += 1
    assert exported >= 10  # vouchers, vignet, events, activities, challenge, network, questions…


def menu_labels(page: str) -> list[tuple[int, str]]:
    """(depth, label) of every item in the admin's sidebar (its JSON props)."""
    import json

    props = json.loads(re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', page,
                                 re.S).group(1))  # fmt: skip
    found = []

    def walk(node, depth):
        if isinstance(node, dict):
            if str(node.get("_type", "")).endswith("MenuItem"):
                args = node.get("_args", [])
                found.append((depth, args[0].get("label", "")))
                for child in args[1:]:
                    walk(child, depth + 1)
                return
            for value in node.values():
                walk(value, depth)
        elif isinstance(node, list):
            for value in node:
                walk(value, depth)

    walk(props, 0)
    return found


def test_one_clear_dutch_menu_that_asks_no_other_host(boss):
    page = boss.get("/admin/").content.decode()
    labels = menu_labels(page)
    top = [label for depth, label in labels if depth == 0]
    assert len(top) == len(set(top)), top  # no two items called the same (e.g. "Netwerk")
    assert "Help" not in top  # Wagtail's help links to an English guide elsewhere
    too_long = [label for _depth, label in labels if len(label) > 23]
    assert too_long == []  # labels fit the sidebar
    assert {"Inbox", "Kennisvouchers", "Vignet Vitaal Bedrijf", "30DagenGezonder"} <= set(top)
    assert "gravatar" not in page.lower()  # no request to another host, no e-mail hash leaves
    assert re.search(r'<html lang="nl"', page)
    login = Client().get("/admin/login/").content.decode()
    text = " ".join(Page_(login).text)
    assert "Wachtwoord" in text and "Password" not in text and "Sign in" not in text
