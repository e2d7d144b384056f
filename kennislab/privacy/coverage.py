"""Which fields of the project's models may hold personal data from the public, and which of
them the register does not cover: the test that keeps a new app from forgetting the register."""

from __future__ import annotations

import re

from django.apps import apps
from django.db import models
from wagtail.models import Page

from . import register

# Short fields that name or reach a person (longer texts, files and addresses always count).
PERSONAL_NAMES = re.compile(
    r"(^|_)(name|phone|contact|organisation|organiser|goal|role|email|dietary|access_needs|"
    r"query|partners|region|reason)(_|$)"
)


def candidate_fields(model) -> list[str]:
    """The fields of `model` that may hold personal data from the public."""
    out = []
    is_page = issubclass(model, Page)
    for field in model._meta.concrete_fields:
        if is_page and field.model is not model and field.model._meta.app_label == "wagtailcore":
            continue  # a page's own title, slug, search description: editors' text
        always = isinstance(field, (models.EmailField, models.FileField))
        text = isinstance(field, (models.TextField, models.JSONField)) and not is_page
        short = (isinstance(field, models.CharField) and not field.choices
                 and PERSONAL_NAMES.search(field.name))  # fmt: skip
        if always or text or short:
            out.append(field.name)
    return out


def covered_fields(model) -> set[str]:
    names: set[str] = set()
    for entry in register.entries():
        if entry.model is model:
            names.update(entry.fields, entry.derived, entry.export_also, entry.contact)
    return names


def uncovered(model_list=None) -> dict[str, list[str]]:
    """Model label → the candidate fields no entry covers (models declared not_personal and
    models without candidates are left out)."""
    if model_list is None:
        model_list = [m for m in apps.get_models() if m.__module__.startswith("kennislab.")]
    out = {}
    for model in model_list:
        label = model._meta.label
        if label in register.NOT_PERSONAL:
            continue
        missing = [name for name in candidate_fields(model) if name not in covered_fields(model)]
        if missing:
            out[label] = missing
    return out
