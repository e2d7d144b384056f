"""Which imported items read above taalniveau B1 (kennislab.core.readability), for the summary
of `import_dump`. Pure: parsed items in, report lines out. The check is advice: an item above B1
is imported all the same."""

from __future__ import annotations

from collections.abc import Iterable

from kennislab.core.readability import Report, check

from .parser import Item

SHOWN = 100  # lines listed at normal verbosity; -v 2 lists every item


def item_text(item: Item) -> str:
    """What a reader reads of the item: its title, intro and text blocks (Item.text)."""
    return "\n\n".join(part for part in (item.title, item.text) if part)


def above_b1(items: Iterable[tuple[str, Item]]) -> list[tuple[str, Item, Report]]:
    """The (path, item, report) of every item whose text reads above B1, in input order."""
    found = []
    for path, item in items:
        report = check(item_text(item))
        if not report.passes:
            found.append((path, item, report))
    return found


def summary_lines(items: list[tuple[str, Item]], show_all: bool = False) -> list[str]:
    """The readability part of the summary: a count, then a line per item above B1 (file:line,
    title and the main reason)."""
    found = above_b1(items)
    if not items:
        return []
    if not found:
        return [f"Leesbaarheid: alle {len(items)} items lezen op taalniveau B1."]
    lines = [f"Leesbaarheid: {len(found)} van {len(items)} items lezen boven taalniveau B1 "
             "(ze zijn wel geïmporteerd):"]  # fmt: skip
    shown = found if show_all else found[:SHOWN]
    for path, item, report in shown:
        lines.append(f"  {path}:{item.line}: {item.title} — {report.main_reason}")
    if len(shown) < len(found):
        lines.append(f"  … en nog {len(found) - len(shown)} (-v 2 toont ze allemaal)")
    return lines
