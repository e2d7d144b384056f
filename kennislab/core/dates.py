"""Dutch dates, independent of the locale (pure: usable in the pure rule modules)."""

import datetime

MONTHS = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()


def dutch_date(d: datetime.date) -> str:
    """``15 januari 2025``."""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
