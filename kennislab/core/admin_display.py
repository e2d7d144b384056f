"""How a record reads in the back office: detail pages in sections of labelled values, listing
columns and exports — one mechanism for every app (docs/decisions/0017-back-office.md).

A detail page declares its sections::

    sections = [
        Section(_("Organisatie"), ["organisation", "get_organisation_type_display", "region"]),
        Section(_("Aanvraag"), ["example", Field("amount", kind="money"), "motivation"]),
    ]

A field is a model field's name (its verbose name is the label, its value is formatted by
core.display), or a `Field` with its own label, value function or kind ("money", "filesize",
"text" for several lines, "email", "url"). Empty values show as "–".
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.html import format_html, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from wagtail.admin.ui.tables import Column

from . import display


@dataclass(frozen=True)
class Field:
    name: str
    label: str | None = None  # default: the model field's verbose name
    value: Callable | None = None  # (obj) -> value; default: the attribute `name`
    kind: str = ""  # "money", "filesize", "text", "email", "url", "html" (already safe)
    hide_empty: bool = False  # leave the line out when there is nothing to show


@dataclass(frozen=True)
class Section:
    title: str
    fields: list = field(default_factory=list)


@dataclass
class Row:
    label: str
    value: SafeString


def model_field(model, name: str):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def label_of(model, spec: Field) -> str:
    if spec.label is not None:
        return str(spec.label)
    found = model_field(model, spec.name)
    if found is None or not hasattr(found, "verbose_name"):
        raise ValueError(f"{model.__name__}.{spec.name} needs a label")
    return capfirst(str(found.verbose_name))


def raw_value(obj, spec: Field):
    if spec.value is not None:
        return spec.value(obj)
    return getattr(obj, spec.name)


def render(value, model_field_=None, kind: str = "") -> SafeString | None:
    """One value as safe HTML, or None when it is empty."""
    if kind == "html":
        return mark_safe(value) if value else None  # noqa: S308 (the caller built it safely)
    text = display.format_value(value, model_field_, kind=kind)
    if text is None:
        return None
    if kind == "email":
        return format_html('<a href="mailto:{}">{}</a>', text, text)
    if kind == "url":
        return format_html('<a href="{}" rel="noopener noreferrer">{}</a>', text, text)
    if kind == "text" or "\n" in text:
        return mark_safe(linebreaks(text, autoescape=True))  # noqa: S308 (escaped)
    return format_html("{}", text)


def rows_of(obj, fields) -> list[Row]:
    model = type(obj)
    rows = []
    for spec in fields:
        spec = spec if isinstance(spec, Field) else Field(spec)
        found = model_field(model, spec.name) if spec.value is None else None
        value = render(raw_value(obj, spec), found, spec.kind)
        if value is None:
            if spec.hide_empty:
                continue
            value = format_html("{}", display.EMPTY)
        rows.append(Row(label_of(model, spec), value))
    return rows


def sections_of(obj, sections) -> list[dict]:
    built = []
    for section in sections:
        rows = rows_of(obj, section.fields)
        if rows:
            built.append({"title": section.title, "rows": rows})
    return built


# --- listing columns ---------------------------------------------------------------------------


class ValueColumn(Column):
    """A listing column whose values read like the detail page (ja/nee, labels, money, "–")."""

    empty_value_display = display.EMPTY

    def __init__(self, name, kind: str = "", **kwargs):
        super().__init__(name, **kwargs)
        self.kind = kind

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        raw = context["raw_value"]
        text = display.format_value(raw, kind=self.kind) if not hasattr(raw, "__html__") else raw
        context["value"] = self.empty_value_display if text is None else text
        return context


class WhenColumn(ValueColumn):
    """A date or moment in a listing: absolute and local ("4 dec. 2026 16:31", "30 jun. 2027"),
    never relative."""

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        raw = context["raw_value"]
        if isinstance(raw, datetime.datetime):
            context["value"] = display.short_moment(raw)
        elif isinstance(raw, datetime.date):
            context["value"] = display.short_date(raw)
        return context


# --- exports -----------------------------------------------------------------------------------

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text):
    """Text typed by the public stays text in a spreadsheet: a value starting with =, +, -, @,
    a tab or a carriage return gets a leading apostrophe (CSV/formula injection, OWASP)."""
    if isinstance(text, str) and text.startswith(FORMULA_START):
        return "'" + text
    return text


def export_value(value):
    """A value for a CSV or XLSX cell: local time without zone (what a spreadsheet user expects),
    ja/nee, labels for records, formulas neutralised."""
    if isinstance(value, models.Manager):
        value = value.all()
    if value is None:
        return ""
    if isinstance(value, bool):
        return display.yes_no(value)
    if isinstance(value, datetime.datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return local.replace(tzinfo=None, microsecond=0)
    if isinstance(value, (datetime.date, datetime.time, int, float, Decimal)):
        return value
    if isinstance(value, (list, tuple, models.QuerySet)):
        return neutralise(", ".join(str(item) for item in value))
    if isinstance(value, models.Model):
        return neutralise(str(value))
    return neutralise(value if isinstance(value, str) else str(value))
