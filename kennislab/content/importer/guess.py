"""Guess an imported item's type, themes and domains from its text. Editors correct them.

Pure functions on plain data. Each rule is one line of the tables below, first match wins for
the type; themes and domains are scored by keyword counts (title counts three times).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

# (type code, where to look, pattern). "title" = the title; "intro" = the first paragraph;
# "asides" = calls to action and cards; "text" = the whole readable text; "all" = text and
# asides; a "count:N:" prefix = the pattern must occur at least N times there.
TYPE_RULES: list[tuple[str, str, str]] = [
    ("in_beeld", "title", r"^in beeld\b"),
    ("interview", "title", r"^interview\b"),
    ("series_part", "title", r"\s\d+\s*:\s"),
    ("call", "title", r"^(?:oproep|open brief|brandbrief|manifest)\b"),
    ("consultation_response", "title", r"^reactie op\b"),
    ("toolkit", "title", r"\btoolkit\b"),
    ("toolkit", "asides", r"^toolkit\b"),
    ("toolkit", "count:3:text", r"\btoolkit\b"),
    ("practice_example", "asides", r"\bbij dit voorbeeld\b"),
    ("webinar", "title", r"\bwebinar\b"),
    ("webinar", "intro", r"\bwebinar\b"),
    (
        "publication",
        "title",
        r"^publicatie\b|\b(?:boek|boekje|essay|longread|whitepaper|handboek)\b",
    ),
    ("campaign", "title", r"\bcampagne\b"),
    ("campaign", "count:2:text", r"\bcampagne|\bestafette\b"),
    ("publication", "count:2:all", r"\b(?:boek|boekje|essay|longread|whitepaper|handboek)\b"),
    ("practice_example", "asides", r"\bpraktijkverhaal\b|\bgoed voorbeeld\b"),
    ("practice_example", "all", r"\bpledgeondertekening\b|\bondertekenden\b.*\bpledge\b"),
    ("practice_example", "intro", r"\bproject\b"),
]
DEFAULT_TYPE = "news"

DOMAIN_KEYWORDS: dict[str, list[str]] = {
    "wijk": ["wijk", "buurt", "bewoner", "dorp", "gemeenschap", "inwoner"],
    "school": ["school", "scholen", "onderwijs", "leerling", "student", "opleiding", "opleiden"],
    "werk": [
        "werkgever",
        "werknemer",
        "medewerker",
        "werkplek",
        "werkvloer",
        "bedrijf",
        "arbeid",
        "werkdruk",
        "werkplezier",
    ],
    "zorg": [
        "zorg",
        "huisarts",
        "patiënt",
        "ggz",
        "dokter",
        "arts",
        "zorgprofessional",
        "behandel",
    ],
    "regio": ["regio", "regionaal", "regionale", "provincie", "provinciaal"],
}

THEME_MIN_SCORE = 3
THEME_RELATIVE = 0.35
MAX_THEMES = 3
DOMAIN_MIN_SCORE = 3
DOMAIN_RELATIVE = 0.3
TITLE_WEIGHT = 3


@dataclass(frozen=True)
class Vocabulary:
    """A theme (slug) with the keywords that suggest it."""

    slug: str
    keywords: tuple[str, ...]


_APOSTROPHES = str.maketrans("‘’‛`´", "'''''")


def _normalise(text: str) -> str:
    return text.translate(_APOSTROPHES).lower()


@lru_cache(maxsize=4096)
def _pattern(regex: str) -> re.Pattern:
    return re.compile(regex, flags=re.IGNORECASE | re.MULTILINE)


@lru_cache(maxsize=4096)
def _keyword_pattern(keyword: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + re.escape(_normalise(keyword)))


def _matches(pattern: str, text: str) -> int:
    return len(_pattern(pattern).findall(_normalise(text)))


def guess_type(title: str, intro: str, text: str, asides: str) -> str:
    fields = {
        "title": title,
        "intro": intro,
        "text": text,
        "asides": asides,
        "all": f"{text}\n{asides}",
    }
    for code, where, pattern in TYPE_RULES:
        minimum = 1
        if where.startswith("count:"):
            _, number, where = where.split(":")
            minimum = int(number)
        if _matches(pattern, fields[where]) >= minimum:
            return code
    return DEFAULT_TYPE


def keyword_score(keywords: Iterable[str], title: str, text: str) -> int:
    """Occurrences of the keywords at the start of a word (so 'mentaal' finds 'mentaal' and
    'mentale' needs its own keyword); the title weighs TITLE_WEIGHT times."""
    return _score(keywords, _normalise(title), _normalise(text))


def _score(keywords: Iterable[str], title: str, text: str) -> int:
    score = 0
    for keyword in keywords:
        pattern = _keyword_pattern(keyword)
        score += TITLE_WEIGHT * len(pattern.findall(title)) + len(pattern.findall(text))
    return score


def _select(scores: dict[str, int], minimum: int, relative: float, limit: int) -> list[str]:
    ranked = sorted(((s, code) for code, s in scores.items() if s > 0), key=lambda x: (-x[0], x[1]))
    if not ranked:
        return []
    top = ranked[0][0]
    chosen = [code for s, code in ranked if s >= minimum and s >= relative * top][:limit]
    return chosen or [ranked[0][1]]


def guess_themes(title: str, text: str, vocabulary: Iterable[Vocabulary]) -> list[str]:
    """At most three theme slugs, strongest first; at least one when any keyword occurs."""
    title, text = _normalise(title), _normalise(text)
    scores = {v.slug: _score(v.keywords, title, text) for v in vocabulary}
    return _select(scores, THEME_MIN_SCORE, THEME_RELATIVE, MAX_THEMES)


def guess_domains(title: str, text: str) -> list[str]:
    title, text = _normalise(title), _normalise(text)
    scores = {code: _score(words, title, text) for code, words in DOMAIN_KEYWORDS.items()}
    ranked = _select(scores, DOMAIN_MIN_SCORE, DOMAIN_RELATIVE, len(scores))
    return sorted(ranked, key=list(DOMAIN_KEYWORDS).index)
