"""load_demo --if-empty, on a database that starts empty."""

import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def load(*args):
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def test_if_empty_loads_once_then_skips():
    assert "Demo-inhoud geladen" in load("--if-empty")
    assert "demo-inhoud niet geladen" in load("--if-empty")


def test_every_demo_loader_offers_both_functions(settings):
    """load_demo --if-empty asks each loader whether its part is empty (make run uses it)."""
    from importlib import import_module

    for path in settings.DEMO_LOADERS:
        loader = import_module(path)
        assert callable(getattr(loader, "database_has_content", None)), path
        assert callable(getattr(loader, "load_demo", None)), path
