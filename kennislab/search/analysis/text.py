"""Normalising and tokenising Dutch text: the first step of the analysis, pure Python.

* NFKC, lower case, diacritics folded (``één`` → ``een``, ``coördinator`` → ``coordinator``).
* A hyphenated or bracketed word yields its parts and the joined form:
  ``publiek-private`` → ``publiek``, ``private``, ``publiekprivate``;
  ``(gezondheids)zorg`` → ``gezondheids``, ``zorg``, ``gezondheidszorg``.
* CamelCase is split the same way: ``30DagenGezonder`` → ``30``, ``dagen``, ``gezonder`` and
  ``30dagengezonder``.
* An apostrophe plural or genitive is joined: ``regio's`` → ``regios``, ``GGD's`` → ``ggds``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
# A "word span": letters and digits, possibly joined by hyphens, slashes, brackets or apostrophes.
# Hyphens and brackets join parts into one word; a slash separates alternatives.
_SPAN = re.compile(r"[^\W_]+(?:[-/'()][^\W_]*)*|\([^\W_]+\)[^\W_]+", re.UNICODE)
_PART_SEPARATORS = re.compile(r"[-()]+")
_CAMEL = re.compile(r"(?<=[a-zà-ÿ])(?=[A-Z])|(?<=[0-9])(?=[A-Za-z])|(?<=[A-Za-z])(?=[0-9])")
_ACRONYM_CASE = re.compile(r"^[A-Z]{2,}[a-z]*$|^[a-z]+[A-Z]+[a-z]*$")


@lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """Lower case without diacritics."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@dataclass(frozen=True)
class RawToken:
    """A normalised word as it stands in the text, with its position (word index)."""

    text: str
    position: int
    joined: bool = False  # made by joining the parts of a hyphenated or bracketed word
    original: str = ""  # the word as written (case kept), for recognising acronyms


def _split_camel(word: str, keep_whole: frozenset[str]) -> list[str]:
    if _ACRONYM_CASE.match(word) or fold(word) in keep_whole:  # GGD, iPH, ZonMw: whole
        return [word]
    return [part for part in _CAMEL.split(word) if part]


def tokenise(text: str, keep_whole: frozenset[str] = frozenset()) -> list[RawToken]:
    """Normalised word tokens of `text`, in order. Joined forms share the position of their
    first part. Words in `keep_whole` (folded) are never split at case changes."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
    tokens: list[RawToken] = []
    position = 0
    for match in _SPAN.finditer(text):
        span = match.group(0).strip("-/'()")
        if not span:
            continue
        if "'" in span:
            # regio's, GGD's, auto's: the apostrophe only marks a plural or genitive.
            head, _, tail = span.partition("'")
            span = head + tail.replace("'", "") if len(tail) <= 2 else head + " " + tail
            if " " in span:
                for piece in span.split():
                    tokens.append(RawToken(fold(piece), position, original=piece))
                    position += 1
                continue
        for alternative in span.split("/"):  # werk/zorg: alternatives, not one word
            pieces = [piece for piece in _PART_SEPARATORS.split(alternative) if piece]
            parts: list[str] = []
            for piece in pieces:
                parts.extend(_split_camel(piece, keep_whole))
            start = position
            for part in parts:
                tokens.append(RawToken(fold(part), position, original=part))
                position += 1
            if len(parts) > 1:
                joined = fold("".join(parts))
                tokens.append(RawToken(joined, start, joined=True, original="".join(parts)))
    return tokens
