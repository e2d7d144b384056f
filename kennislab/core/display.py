"""Values as a Dutch staff member reads them: one way for every detail page, listing and e-mail
of the back office (docs/decisions/0017-back-office.md).

* empty (None, "", an empty list) → None: the caller shows "–" or leaves the line out;
* yes/no → "ja" / "nee"; a choice → its label (the caller passes the field);
* a moment → local time (Europe/Amsterdam) as "4 december 2026 om 16:31"; a date → "30 juni
  2027"; never "zojuist" or "over 2 jaar";
* money → "€ 9.000" ("€ 9.000,50" with cents); a file size → "45 kB";
* a record → its name; several → "a, b en c".

Raw dicts and lists of dicts are refused (TypeError): they need a renderer of their own, so an
internal structure never reaches a staff member by accident.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from .dates import dutch_date

EMPTY = "–"


def yes_no(value: bool) -> str:
    return _("ja") if value else _("nee")


def thousands(number: int) -> str:
    """12345 → "12.345" (Dutch digit grouping)."""
    return f"{number:,}".replace(",", ".")


def money(amount) -> str:
    """Decimal("9000.00") → "€ 9.000"; Decimal("9000.5") → "€ 9.000,50"."""
    amount = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    whole, cents = divmod(abs(amount) * 100, 100)
    text = f"€ {sign}{thousands(int(whole))}"
    return f"{text},{int(cents):02d}" if cents else text


def file_size(size: int | None) -> str | None:
    """45_000 → "44 kB"; 1_300_000 → "1,2 MB" (binary units, as file managers count)."""
    if size is None:
        return None
    if size < 1024:
        return f"{size} bytes" if size != 1 else "1 byte"
    for unit in ("kB", "MB", "GB"):
        size /= 1024
        if size < 1024 or unit == "GB":
            if size >= 10:
                return f"{round(size)} {unit}"
            return f"{size:.1f} {unit}".replace(".", ",")
    raise AssertionError("unreachable")


def moment(value: datetime.datetime) -> str:
    """An aware datetime in Dutch local time: "4 december 2026 om 16:31"."""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return _("%(date)s om %(time)s") % {"date": dutch_date(local.date()),
                                        "time": f"{local:%H:%M}"}  # fmt: skip


def short_moment(value: datetime.datetime) -> str:
    """For listings: "4 dec. 2026 16:31" in local time."""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{short_date(local.date())} {local:%H:%M}"


SHORT_MONTHS = "jan. feb. mrt. apr. mei jun. jul. aug. sep. okt. nov. dec.".split()


def short_date(value: datetime.date) -> str:
    return f"{value.day} {SHORT_MONTHS[value.month - 1]} {value.year}"


def join(names: Iterable[str]) -> str:
    """["a", "b", "c"] → "a, b en c"."""
    names = [str(name) for name in names if str(name).strip()]
    if len(names) <= 1:
        return "".join(names)
    return _("%(first)s en %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def is_empty(value) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple, set, frozenset, models.QuerySet)):
        return len(value) == 0
    return False


def format_value(value, field: models.Field | None = None, *, kind: str = "") -> str | None:
    """`value` as Dutch text, or None when it is empty. `field` (a model field) supplies the
    labels of a choice field; `kind` is "money" or "filesize" where the type cannot tell."""
    if isinstance(value, models.Manager):
        value = value.all()
    if is_empty(value):
        return None
    if kind == "money":
        return money(value)
    if kind == "filesize":
        return file_size(value)
    if field is not None and getattr(field, "choices", None) and not isinstance(value, bool):
        labels = {str(key): label for key, label in field.flatchoices}
        return str(labels.get(str(value), value))
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, datetime.datetime):
        return moment(value)
    if isinstance(value, datetime.date):
        return dutch_date(value)
    if isinstance(value, datetime.time):
        return f"{value:%H:%M}"
    if isinstance(value, Decimal):
        return str(value).replace(".", ",")
    if isinstance(value, int):
        return thousands(value) if abs(value) >= 10_000 else str(value)
    if isinstance(value, dict):
        raise TypeError("a dict needs a renderer of its own (display.format_value)")
    if isinstance(value, (list, tuple, set, frozenset, models.QuerySet)):
        items = list(value)
        if any(isinstance(item, (dict, list, tuple)) for item in items):
            raise TypeError("a list of structures needs a renderer of its own")
        if field is not None and getattr(field, "base_field", None) is not None:
            items = [format_value(item, field.base_field) for item in items]
        return join(str(item) for item in items if item is not None)
    return str(value)


PRIVATE_SEGMENT = re.compile(r"(https?://\S+?/)([A-Za-z0-9_-]{20,})(?=[/\s]|$)")


def mask_private_links(text: str) -> str:
    """`text` with private links shortened: a reader sees which link was sent, not a working
    link to someone's application or unsubscribe page (the outbox in the admin, exports)."""
    return PRIVATE_SEGMENT.sub(lambda match: match.group(1) + match.group(2)[:4] + "…", text or "")
