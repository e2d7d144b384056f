"""Values as staff read them (core/display.py): Dutch, local time, no Python."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db import models

from kennislab.core import display

UTC = datetime.UTC


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (None, None), ("", None), ("  ", None), ([], None),
        (True, "ja"), (False, "nee"),
        (datetime.datetime(2026, 12, 4, 15, 31, tzinfo=UTC), "4 december 2026 om 16:31"),
        (datetime.datetime(2026, 7, 1, 22, 5, tzinfo=UTC), "2 juli 2026 om 00:05"),  # summer
        (datetime.date(2027, 6, 30), "30 juni 2027"),
        (datetime.time(9, 5), "09:05"),
        (12, "12"), (12345, "12.345"),
        (["a", "b", "c"], "a, b en c"),
        (Decimal("2.5"), "2,5"),
    ],
)  # fmt: skip
def test_format_value(value, shown):
    assert display.format_value(value) == shown


@pytest.mark.parametrize(
    ("amount", "shown"),
    [(Decimal("9000.00"), "€ 9.000"), (Decimal("180000"), "€ 180.000"),
     (Decimal("9000.5"), "€ 9.000,50"), (Decimal("0"), "€ 0"), (Decimal("-12.34"), "€ -12,34")],
)  # fmt: skip
def test_money(amount, shown):
    assert display.format_value(amount, kind="money") == shown


@pytest.mark.parametrize(
    ("size", "shown"),
    [(1, "1 byte"), (900, "900 bytes"), (45 * 1024, "45 kB"), (1_300_000, "1,2 MB"),
     (5 * 1024, "5,0 kB"), (3 * 1024**3, "3,0 GB")],
)  # fmt: skip
def test_file_size(size, shown):
    assert display.format_value(size, kind="filesize") == shown


def test_a_choice_shows_its_label():
    field = models.CharField(choices=[("granted", "Voorlopig toegekend")])
    assert display.format_value("granted", field) == "Voorlopig toegekend"


def test_a_dict_is_refused_rather_than_shown():
    with pytest.raises(TypeError):
        display.format_value({"eligible": True})
    with pytest.raises(TypeError):
        display.format_value([{"code": "baseline"}])


def test_listing_moments_are_absolute_and_local():
    moment = datetime.datetime(2027, 6, 30, 10, 0, tzinfo=ZoneInfo("UTC"))
    assert display.short_moment(moment) == "30 jun. 2027 12:00"
