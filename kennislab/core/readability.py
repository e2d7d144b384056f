"""Plain Dutch (taalniveau B1): a readability check for Dutch text, as plain functions.

What is measured, on the text as written:

* **Sentences.** Every line is at least one sentence: paragraphs, headings, list items (a list
  marker such as ``•``, ``-`` or ``1.`` is dropped). Within a line a sentence ends at ``.``,
  ``!``, ``?`` or ``…`` followed by a space, unless the next word starts with a lower-case letter
  (``o.a. gemeenten``) or the full stop belongs to an abbreviation (``bijv. Utrecht``,
  ``dr. Jansen``, ``J. de Vries``). A number such as ``1.000`` or ``2,5`` never ends a sentence.
  A hard line break inside a sentence therefore counts as two sentences: texts are judged as
  they are laid out.
* **Words.** Runs of letters (hyphens and apostrophes inside a word are kept: ``e-health``,
  ``auto's``) and numbers (``1.000``, ``25%``).
* **Syllables** (a heuristic; Dutch has no silent letters, so vowel groups come close): a
  word has one syllable per vowel group, where a group is one of the written long vowels and
  diphthongs — ``aai ooi oei eeu ieu`` before ``aa ee oo uu ie oe eu ui ei ij au ou ai`` — or
  else a single vowel (``y`` counts as a vowel, ``ij`` as one). Two vowels that form none of these
  groups are two syllables (``the-a-ter``, ``ma-te-ri-aal``), and a vowel with a diaeresis always
  starts a new one (``co-ör-di-na-tor``, ``fi-nan-ci-ë-le``). A word without vowels that is
  written in capitals is spelled out (``GGD``: 3); any other word has at least one syllable; a
  number counts as one. English loanwords are counted the Dutch way (``team``: 2), which errs
  on the strict side.
* **Flesch-Douma** (Douma's Dutch adaptation of the Flesch reading ease):
  ``206.835 − 0.93 × words per sentence − 77 × syllables per word``. Higher is easier.
* **Long words**: words of four or more syllables (``samenwerking``, ``organisatie``). Counted
  in syllables rather than letters because Dutch compounds are long in letters but not
  necessarily hard (``buurthuisje``); it is the extra syllables that slow a reader down.
* **Hard words** from the bundled list ``data/moeilijke_woorden.tsv`` (officialese with a plain
  alternative: ``middels`` → ``met``), matched as whole words in lower case, with simple
  inflections (:func:`word_forms`) and as fixed phrases (``met betrekking tot``).

The verdict: a text reads at **B1** when all four hold —

* **at most 15 words per sentence** on average (the usual advice for B1 is 10 to 15);
* Flesch-Douma **at least 60** (on the Douma scale 60–70 is "normaal", readable for someone
  with a vocational education; below 60 a text is "redelijk moeilijk");
* **at most 15 % long words**: the plain demo texts of this site have about 6 % (median), the
  public dumps the importer reads (policy texts) 13 %, with single pages far above; 15 % still
  leaves room for the domain words readers here know (``Positieve``, ``preventieakkoord``);
* **at most 1 hard word per 100 words**, so one ``echter`` does not spoil a long page, while a
  short question with ``middels`` gets the tip.

Each limit is a function of its own (``sentence_length_reason`` …), and the reasons come in
that order: shorter sentences first, as they help most. Below 25 words there is too little text
for averages to mean anything: the verdict is then "te kort" (not above B1); hard words are
still listed. Messages are Dutch, for the writer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

B1, ABOVE_B1, TOO_SHORT = "b1", "above_b1", "too_short"

WORDS_LIST = Path(__file__).parent / "data" / "moeilijke_woorden.tsv"


@dataclass(frozen=True)
class Thresholds:
    """The limits of the B1 verdict (module docstring)."""

    min_flesch_douma: float = 60.0
    max_sentence_words: float = 15.0
    max_long_word_share: float = 0.15
    max_hard_words_per_100: float = 1.0
    min_words: int = 25
    long_word_syllables: int = 4
    long_sentence_words: int = 25  # sentences longer than this are shown to the writer

    @property
    def max_long_word_percentage(self) -> float:
        return self.max_long_word_share * 100


DEFAULT_THRESHOLDS = Thresholds()


# --- sentences and words --------------------------------------------------------------------

# Abbreviations whose full stop does not end a sentence, in lower case without the last full stop.
ABBREVIATIONS = frozenset(
    """
    a.s bijv bv b.v c.q ca d.d d.w.z dhr dr drs e.a e.d e.e.a enz etc evt excl gem i.c i.p.v
    blz i.v.m incl ing ir jl jr m.a.w m.b.t m.i.v m.n max mevr min mln mld mr mw n.a.v nl nr o.a
    o.b.v o.i.d o.l.v ong p.p pag prof resp sr st t.a.v t.b.v t.o.v t.z.t tel vgl vs z.g.a.n
    z.o.z z.s.m zgn feb mrt apr jun jul aug sep sept okt nov dec
    """.split()
)

_LIST_MARKER = re.compile(r"^\s*(?:[•·▪◦*\-–—]|\(?\d{1,2}[.)]|[a-z][.)])\s+")
# A possible sentence end: the punctuation, closing quotes or brackets, then white space.
_END = re.compile(r"([.!?…]+)([\"'”’»)\]]*)\s+")
_WORD = re.compile(r"\d+(?:[.,]\d+)*%?|[^\W\d_]+(?:[-'’.][^\W\d_]+)*\.?", re.UNICODE)
_PREVIOUS_TOKEN = re.compile(r"(\S+)$")


def _is_abbreviation(token: str) -> bool:
    token = token.lstrip("(\"'“‘").lower()
    if token.endswith("."):
        token = token[:-1]
    if len(token) == 1 and token.isalpha():  # an initial: J. de Vries
        return True
    return token in ABBREVIATIONS


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, each stripped; empty lines and list markers are dropped."""
    sentences: list[str] = []
    for raw_line in text.splitlines():
        line = _LIST_MARKER.sub("", raw_line).strip()
        if not line:
            continue
        start = 0
        for match in _END.finditer(line):
            following = line[match.end() : match.end() + 1]
            if not following or following.islower():
                continue
            if match.group(1) == "." and not match.group(2):
                before = _PREVIOUS_TOKEN.search(line[start : match.start()])
                if before and _is_abbreviation(before.group(1)):
                    continue
            sentence = line[start : match.end()].strip()
            if words(sentence):
                sentences.append(sentence)
            start = match.end()
        rest = line[start:].strip()
        if rest and words(rest):
            sentences.append(rest)
        elif rest and sentences:  # punctuation only: part of the previous sentence
            sentences[-1] = f"{sentences[-1]} {rest}"
    return sentences


def words(text: str) -> list[str]:
    """The words of `text` (a trailing full stop of an abbreviation-like token is dropped)."""
    return [token.rstrip(".") for token in _WORD.findall(text) if token.rstrip(".")]


# --- syllables ------------------------------------------------------------------------------

VOWELS = frozenset("aeiouyáéíóúàèìòùâêîôûäëïöüÿ")
DIAERESIS = frozenset("äëïöüÿ")
# Written vowel groups that are one syllable, longest first.
VOWEL_GROUPS = ("aai", "ooi", "oei", "eeu", "ieu", "aa", "ee", "oo", "uu", "ie", "oe", "eu",
                "ui", "ei", "ij", "au", "ou", "ai")  # fmt: skip


def _strip_accents(text: str) -> str:
    """Accents without diaeresis removed (é → e); a diaeresis is kept, it marks a syllable."""
    out = []
    for char in text:
        if char in DIAERESIS:
            out.append(char)
            continue
        decomposed = unicodedata.normalize("NFD", char)
        out.append(decomposed[0])
    return "".join(out)


def syllables(word: str) -> int:
    """The number of syllables of one Dutch word (module docstring: the heuristic)."""
    if not word:
        return 0
    if word[0].isdigit():
        return 1
    letters = [char for char in word if char.isalpha()]
    if not letters:
        return 1
    plain = "".join(letters)
    lowered = _strip_accents(plain.lower())
    if not any(char in VOWELS for char in lowered):
        return len(letters) if plain.isupper() and len(letters) > 1 else 1
    count, index = 0, 0
    while index < len(lowered):
        char = lowered[index]
        is_vowel = char in VOWELS or (char == "j" and index > 0 and lowered[index - 1] == "i")
        if not is_vowel:
            index += 1
            continue
        count += 1
        if char in DIAERESIS:
            index += 1
            continue
        for group in VOWEL_GROUPS:
            if lowered.startswith(group, index):
                index += len(group)
                break
        else:
            index += 1
    return max(count, 1)


# --- Flesch-Douma and long words --------------------------------------------------------------


def flesch_douma(word_count: int, sentence_count: int, syllable_count: int) -> float:
    """Douma's reading ease: 206.835 − 0.93 × words/sentence − 77 × syllables/word."""
    if not word_count or not sentence_count:
        return 0.0
    return 206.835 - 0.93 * (word_count / sentence_count) - 77 * (syllable_count / word_count)


def is_long_word(word: str, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> bool:
    return not word[:1].isdigit() and syllables(word) >= thresholds.long_word_syllables


# --- hard words -------------------------------------------------------------------------------


VERB, ADJECTIVE, NOUN = "ww", "bn", "zn"  # the word classes of the list (third column)


@dataclass(frozen=True)
class HardWord:
    """One entry of the list: the word (or phrase) as listed, its plain alternative, its word
    class (VERB, ADJECTIVE, NOUN or '' for a word that does not inflect) and any extra forms
    listed with it (irregular inflections)."""

    word: str
    alternative: str
    kind: str = ""
    forms: tuple[str, ...] = ()


@dataclass(frozen=True)
class HardWordHit:
    word: str  # as listed
    alternative: str
    found: str  # the first form met in the text, as written there
    count: int


_SHORT_VOWELS = "aeou"


def _verb_stem(infinitive: str) -> str:
    """The stem of a regular verb: drop -en, undouble a double consonant, else double a
    single vowel before the last consonant (realiseren → realiseer, beogen → beoog; not when
    it is part of a vowel group: verzoeken → verzoek), v → f and z → s at the end."""
    stem = infinitive[:-2]
    if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in VOWELS:
        stem = stem[:-1]
    elif (len(stem) >= 3 and stem[-1] not in VOWELS and stem[-2] in _SHORT_VOWELS
          and stem[-3:-1] not in VOWEL_GROUPS):  # fmt: skip
        stem = f"{stem[:-1]}{stem[-2]}{stem[-1]}"
    if stem.endswith("v"):
        stem = f"{stem[:-1]}f"
    elif stem.endswith("z"):
        stem = f"{stem[:-1]}s"
    return stem


_UNSTRESSED_PREFIXES = ("be", "ge", "ver", "ont", "her", "er")
_DIAERESIS_OF = {"e": "ë", "i": "ï", "u": "ü"}


def word_forms(word: str, kind: str = "") -> set[str]:
    """The forms of a listed word that count as a hit (lower case), by its word class.

    * '' (does not inflect: ``indien``, ``middels``): only the word — so ``indien`` never
      matches ``indienen``;
    * NOUN: plus -s, -'s and -en (``interventies``);
    * ADJECTIVE: plus -e (``relevante``);
    * VERB (an infinitive on -en, regular): plus the stem, stem + t, the past tense
      (stem + te/de, + ten/den) and the past participle (ge- + stem + t/d, with a diaeresis
      before e, i or u: ``geïmplementeerd``; without ge- after be-, ge-, ver-, ont-, her-,
      er-), and the participle + e.

    Irregular forms are listed in the word list itself, and so are the forms of verbs whose
    stem ends in an unstressed -er (``bevorderen`` → ``bevordert``; the rule would double the
    e)."""
    word = word.lower()
    forms = {word}
    if kind == NOUN:
        forms |= {f"{word}s", f"{word}'s", f"{word}en"}
    elif kind == ADJECTIVE:
        forms.add(f"{word}e")
    elif kind == VERB and word.endswith("en") and len(word) > 4:
        stem = _verb_stem(word)
        forms |= {stem, f"{stem}t"}
        forms |= {f"{stem}{end}" for end in ("te", "ten", "de", "den")}
        if word.startswith(_UNSTRESSED_PREFIXES):
            participles = {f"{stem}t", f"{stem}d"}
        else:
            first = _DIAERESIS_OF.get(stem[0], stem[0])
            participles = {f"ge{first}{stem[1:]}t", f"ge{first}{stem[1:]}d"}
        forms |= participles | {f"{form}e" for form in participles}
    return forms


def parse_word_list(lines: Iterable[str]) -> list[HardWord]:
    """Read the list: `word<TAB>alternative[<TAB>class]` per line, the class one of ww, bn,
    zn (or none: the word does not inflect); the word may carry extra forms after a `|`
    (``verzoeken|verzocht``). Blank lines and lines starting with `#` are skipped."""
    entries = []
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        columns = [column.strip() for column in line.split("\t")]
        if len(columns) not in (2, 3) or not columns[0] or not columns[1]:
            raise ValueError(f"regel {number}: verwacht 'woord<TAB>alternatief': {line!r}")
        kind = columns[2].lower() if len(columns) == 3 else ""
        if kind not in ("", VERB, ADJECTIVE, NOUN):
            raise ValueError(f"regel {number}: onbekende woordsoort {kind!r} (ww, bn of zn)")
        word, *extra = (part.strip().lower() for part in columns[0].split("|"))
        entries.append(HardWord(word, columns[1], kind, tuple(extra)))
    return entries


@cache
def default_word_list() -> tuple[HardWord, ...]:
    with WORDS_LIST.open(encoding="utf-8") as lines:
        return tuple(parse_word_list(lines))


@dataclass(frozen=True)
class WordIndex:
    """The list, ready for matching: single words by form, phrases by their first word."""

    single: Mapping[str, HardWord]
    phrases: Mapping[str, tuple[tuple[tuple[str, ...], HardWord], ...]]


def _key(word: str) -> str:
    return word.lower().replace("’", "'").rstrip(".")


def build_index(entries: Iterable[HardWord]) -> WordIndex:
    single: dict[str, HardWord] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], HardWord]]] = {}
    for entry in entries:
        for listed in (entry.word, *entry.forms):
            parts = tuple(_key(part) for part in words(listed))
            if len(parts) > 1:
                phrases.setdefault(parts[0], []).append((parts, entry))
            elif parts:
                forms = word_forms(parts[0], entry.kind) if listed == entry.word else {parts[0]}
                for form in forms:
                    single.setdefault(form, entry)
    ordered = {
        first: tuple(sorted(items, key=lambda item: -len(item[0])))
        for first, items in phrases.items()
    }
    return WordIndex(single, ordered)


@cache
def default_index() -> WordIndex:
    return build_index(default_word_list())


def find_hard_words(text: str, index: WordIndex | None = None) -> list[HardWordHit]:
    """The listed words in `text`, in order of first appearance, with how often each occurs."""
    index = index or default_index()
    tokens = words(text)
    keys = [_key(token) for token in tokens]
    hits: dict[str, list] = {}  # listed word → [entry, first form found, count]
    position = 0
    while position < len(keys):
        key = keys[position]
        matched, length = None, 1
        for parts, entry in index.phrases.get(key, ()):
            if tuple(keys[position : position + len(parts)]) == parts:
                matched, length = entry, len(parts)
                break
        if matched is None:
            matched = index.single.get(key)
        if matched is not None:
            found = " ".join(tokens[position : position + length])
            hit = hits.setdefault(matched.word, [matched, found, 0])
            hit[2] += 1
        position += length
    return [HardWordHit(entry.word, entry.alternative, found, count)
            for entry, found, count in hits.values()]  # fmt: skip


# --- the report -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Report:
    sentences: int
    words: int
    syllables: int
    long_words: int
    average_sentence_length: float
    long_word_share: float  # 0 … 1
    flesch_douma: float
    hard_words: tuple[HardWordHit, ...]
    long_sentences: tuple[str, ...]  # the longest sentences over the limit, longest first
    verdict: str  # B1, ABOVE_B1 or TOO_SHORT
    reasons: tuple[str, ...] = ()  # Dutch, the worst first; empty at B1
    thresholds: Thresholds = DEFAULT_THRESHOLDS

    @property
    def long_word_percentage(self) -> float:
        return self.long_word_share * 100

    @property
    def passes(self) -> bool:
        """Not above B1 (a text too short to judge passes)."""
        return self.verdict != ABOVE_B1

    @property
    def main_reason(self) -> str:
        return self.reasons[0] if self.reasons else ""

    @property
    def hard_word_count(self) -> int:
        return sum(hit.count for hit in self.hard_words)

    @property
    def summary(self) -> str:
        if self.verdict == B1:
            return "Deze tekst is goed te lezen: taalniveau B1."
        if self.verdict == TOO_SHORT:
            return "Te weinig tekst om het taalniveau te bepalen."
        return "Deze tekst is waarschijnlijk moeilijker dan taalniveau B1."


def _number(value: float, decimals: int = 0) -> str:
    """Dutch notation: a decimal comma."""
    return f"{value:.{decimals}f}".replace(".", ",")


# --- the four limits: each says why a text is above B1 (Dutch), or None ---------------------


def sentence_length_reason(average: float, thresholds: Thresholds = DEFAULT_THRESHOLDS):
    if average <= thresholds.max_sentence_words:
        return None
    return (
        f"Gemiddeld {_number(average, 1)} woorden per zin; probeer er hoogstens "
        f"{_number(thresholds.max_sentence_words)}."
    )


def reading_ease_reason(score: float, thresholds: Thresholds = DEFAULT_THRESHOLDS):
    if score >= thresholds.min_flesch_douma:
        return None
    return (
        f"Leesgemak (Flesch-Douma) {_number(score, 1)}; voor B1 is "
        f"{_number(thresholds.min_flesch_douma)} of hoger nodig."
    )


def long_words_reason(share: float, thresholds: Thresholds = DEFAULT_THRESHOLDS):
    if share <= thresholds.max_long_word_share:
        return None
    return (
        f"{_number(share * 100, 1)} % lange woorden ({thresholds.long_word_syllables} "
        f"lettergrepen of meer); probeer hoogstens "
        f"{_number(thresholds.max_long_word_percentage)} %."
    )


def hard_words_reason(hits, word_count: int, thresholds: Thresholds = DEFAULT_THRESHOLDS):
    count = sum(hit.count for hit in hits)
    if not word_count or count * 100 / word_count <= thresholds.max_hard_words_per_100:
        return None
    first = hits[0]
    return (
        f"{count} {'moeilijk woord' if count == 1 else 'moeilijke woorden'}, zoals "
        f"‘{first.found}’ "
        f"(schrijf liever ‘{first.alternative}’)."
    )


def check(text: str, thresholds: Thresholds = DEFAULT_THRESHOLDS,
          index: WordIndex | None = None) -> Report:  # fmt: skip
    """The readability report of `text` (module docstring: what is measured and the verdict)."""
    sentence_list = split_sentences(text)
    sentence_words = [words(sentence) for sentence in sentence_list]
    all_words = [word for group in sentence_words for word in group]
    word_count, sentence_count = len(all_words), len(sentence_list)
    syllable_count = sum(syllables(word) for word in all_words)
    long_count = sum(1 for word in all_words if is_long_word(word, thresholds))
    hits = tuple(find_hard_words(text, index))
    average = word_count / sentence_count if sentence_count else 0.0
    share = long_count / word_count if word_count else 0.0
    score = flesch_douma(word_count, sentence_count, syllable_count)
    long_sentences = tuple(
        sentence
        for sentence, group in sorted(
            zip(sentence_list, sentence_words, strict=True), key=lambda pair: -len(pair[1])
        )
        if len(group) > thresholds.long_sentence_words
    )[:3]

    if word_count < thresholds.min_words:
        verdict, reasons = TOO_SHORT, ()
    else:
        found = (
            sentence_length_reason(average, thresholds),
            reading_ease_reason(score, thresholds),
            long_words_reason(share, thresholds),
            hard_words_reason(hits, word_count, thresholds),
        )
        reasons = tuple(reason for reason in found if reason)
        verdict = ABOVE_B1 if reasons else B1

    return Report(
        sentences=sentence_count,
        words=word_count,
        syllables=syllable_count,
        long_words=long_count,
        average_sentence_length=average,
        long_word_share=share,
        flesch_douma=score,
        hard_words=hits,
        long_sentences=long_sentences,
        verdict=verdict,
        reasons=reasons,
        thresholds=thresholds,
    )
