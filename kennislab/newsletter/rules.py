"""Who reads which part of an issue: plain functions on plain data (ids), easy to test and to
explain. A section without a theme is general and goes to everyone; a theme section goes to
subscribers who chose that theme, and to subscribers who chose no theme at all (= everything)."""

from __future__ import annotations

from collections.abc import Iterable


def section_applies(section_theme_id: int | None, chosen_theme_ids: Iterable[int]) -> bool:
    chosen = frozenset(chosen_theme_ids)
    return section_theme_id is None or not chosen or section_theme_id in chosen


def variant_key(chosen_theme_ids: Iterable[int], section_theme_ids: Iterable[int | None]):
    """The sections a subscriber gets depend only on which of the issue's section themes they
    chose: subscribers with the same key get the same mail (but for name and links), so an
    issue is rendered once per key, not once per subscriber. None: everything."""
    chosen = frozenset(chosen_theme_ids)
    if not chosen:
        return None
    return frozenset(t for t in section_theme_ids if t is not None and t in chosen)
