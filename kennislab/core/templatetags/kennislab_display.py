"""Template filters for values as staff and visitors read them (core/display.py)."""

from django import template

from kennislab.core import display

register = template.Library()


@register.filter
def kl_file_size(size):
    """45_000 → "44 kB" (a Dutch decimal comma, no "KB")."""
    return display.file_size(size) or "–"


@register.filter
def kl_money(amount):
    return display.money(amount) if amount is not None else "–"


@register.filter
def kl_short_date(value):
    """A date (or a moment, in local time) as "29 dec. 2020" — Django's "M" would say "Dec"."""
    if value is None:
        return "–"
    if hasattr(value, "hour"):
        from django.utils import timezone

        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return display.short_date(value)


@register.filter
def kl_chosen_count(filters) -> int:
    """How many filter values are chosen in a list of (name, label, options, chosen)."""
    return sum(len(chosen) for *_rest, chosen in filters or [])
