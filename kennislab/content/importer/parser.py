"""Parse the network's page dumps (DOMAIN.md, "The dump format") into plain records.

Pure: text in, dataclasses out; no Django, no database. The loader turns records into pages.

The format, and how this module reads it:

* An item starts at a line ``Terug``; the marker may be glued to the end of the previous line
  (``…blijven?Terug``). Text before the first marker is a section header (``Kennislab`` and its
  tagline) and is skipped.
* After the marker: the title line, then the Dutch date (``18 maart 2021``), which may be glued
  to the first sentence (``15 maart 2021Hoe versterken we …``).
* Then the body: paragraphs, ``•`` bullets, numbered lines, sub-headings (short lines without
  final punctuation) and quotes. Contact lines, calls to action and related-item cards are
  recognised and taken out of the running text:

  - contact role lines (``Netwerkadviseur & regiocoördinator``) become contacts;
  - contact paragraphs (``Meer weten? Neem contact op met … via …``) become contact notes;
  - calls to action (``Vraag een kennisvoucher aan``, ``Meld jouw activiteit aan``, …) become
    call-to-action blocks, with the short line before them as their title;
  - at the end of an item, short titles followed by a one-line teaser become related-item cards.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date

MONTHS = {
    "januari": 1,
    "februari": 2,
    "maart": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "augustus": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
}
WEEKDAYS = "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
DATE_LINE = re.compile(
    rf"^(?:(?:{WEEKDAYS})\s+)?(\d{{1,2}})\s+({'|'.join(MONTHS)})\s+(\d{{4}})(?!\d)\s*(.*)$",
    re.IGNORECASE,
)
MARKER = "Terug"
# "Terug" glued to the end of a line: preceded by anything but a space or a capital letter.
GLUED_MARKER = re.compile(r"^(.*[^\sA-Z])Terug$")
SECTION_HEADER = "Kennislab"

BULLET = re.compile(r"^[•◦▪·]\s*")
NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+(?=\S)")
MAX_TITLE_LENGTH = 255

# Words a line cannot end with if it is complete: such a line continues on the next one.
FUNCTION_WORDS = frozenset(
    [
        "aan",
        "als",
        "bij",
        "de",
        "dat",
        "door",
        "een",
        "en",
        "het",
        "in",
        "met",
        "naar",
        "of",
        "om",
        "op",
        "over",
        "te",
        "tot",
        "uit",
        "van",
        "voor",
        "zoals",
    ]
)
TERMINAL = '.!?:;”"’)…'

ROLE = re.compile(
    r"^(?:netwerkadviseur|communicatieadviseur|beleidsadviseur|adviseur|programmacoördinator|"
    r"programmamanager|regiocoördinator|coördinator|projectleider|kwartiermaker|directeur)\b",
    re.IGNORECASE,
)

# Calls to action: phrase → kind (the CallToActionBlock's "action"; kinds: content/actions.py).
CALLS_TO_ACTION = [
    (re.compile(r"\bvraag (?:een|je|de) kennisvoucher aan\b", re.IGNORECASE), "voucher"),
    (re.compile(r"\bvraag (?:een|het) vignet aan\b", re.IGNORECASE), "vignet"),
    (re.compile(r"\bmeld (?:jouw|je|uw) activiteit\w* aan\b", re.IGNORECASE), "activity"),
    (
        re.compile(
            r"\bheb je ook relevante praktijkkennis\b|\bdeel (?:je|jouw) praktijkverhaal\b",
            re.IGNORECASE,
        ),
        "story",
    ),
    (re.compile(r"\bwe komen er graag bij je op terug\b", re.IGNORECASE), "interest"),
    (
        re.compile(
            r"\bmeld je (?:dan |hier )?aan voor de nieuwsbrief\b"
            r"|\bschrijf je in voor de nieuwsbrief\b",
            re.IGNORECASE,
        ),
        "newsletter",
    ),
    (re.compile(r"\bbekijk (?:hier )?het webinar terug\b", re.IGNORECASE), "webinar"),
]

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<!\d)(?:\+31|0)[\s-]?\d(?:[\s-]?\d){7,9}(?!\d)")
CONTACT_PHRASE = re.compile(r"\bcontact (?:op|opnemen)\b|\bmail (?:dan )?naar\b", re.IGNORECASE)
CONTACT_HEADING = re.compile(r"^(?:contact|meer weten\??|vragen\??|meer informatie\??)$", re.I)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^\s])")
INNER_SENTENCE = re.compile(r"(?<!\d)[.!?]\s+\S")

TEASER_MAX_CHARS = 240
TEASER_MAX_SENTENCES = 3
TITLE_MAX_CHARS = 100
TITLE_MAX_WORDS = 12


# --- Records --------------------------------------------------------------------------------


@dataclass
class Block:
    """One StreamField block: kind is paragraph, heading, list, quote, call_to_action or
    related_item; value is a string (paragraph) or a dict (the others)."""

    kind: str
    value: str | dict


@dataclass
class Contact:
    role: str = ""
    note: str = ""


@dataclass
class Item:
    source: str
    line: int
    title: str
    date: date
    intro: str = ""
    body: list[Block] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)

    @property
    def key(self) -> str:
        """Stable identity of an item: its title and date (not its file or position)."""
        basis = f"{' '.join(self.title.lower().split())}|{self.date.isoformat()}"
        return hashlib.sha256(basis.encode()).hexdigest()[:32]

    @property
    def fingerprint(self) -> str:
        """Changes whenever anything the importer writes would change."""
        data = asdict(self)
        data.pop("line")
        data["date"] = self.date.isoformat()
        raw = json.dumps(data, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(raw.encode()).hexdigest()

    @property
    def text(self) -> str:
        """Intro plus the readable body text (no calls to action, cards or contacts)."""
        parts = [self.intro] if self.intro else []
        for block in self.body:
            if block.kind == "paragraph":
                parts.append(block.value)
            elif block.kind == "heading":
                parts.append(block.value["text"])
            elif block.kind == "list":
                parts.append("\n".join(block.value["items"]))
            elif block.kind == "quote":
                parts.append(block.value["text"])
        return "\n\n".join(parts)

    @property
    def asides_text(self) -> str:
        """Text of calls to action and cards, for guessing type and themes."""
        parts = []
        for block in self.body:
            if block.kind in ("call_to_action", "related_item"):
                parts.extend(str(v) for v in block.value.values() if isinstance(v, str) and v)
        return "\n".join(parts)


@dataclass
class Problem:
    source: str
    line: int
    message: str

    def __str__(self):
        return (
            f"{self.source}:{self.line}: {self.message}"
            if self.line
            else f"{self.source}: {self.message}"
        )


@dataclass
class ParseResult:
    items: list[Item] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


# --- Text helpers ---------------------------------------------------------------------------

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACE_LIKE = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def clean_line(raw: str) -> str:
    """NFC, no invisible characters, one space between words, no space at the ends."""
    text = unicodedata.normalize("NFC", raw).translate(_INVISIBLE)
    return _SPACE_LIKE.sub(" ", text).strip()


def parse_date(text: str) -> tuple[date, str] | None:
    """('18 maart 2021…rest') → (date(2021, 3, 18), 'rest'); None when the line is no date.

    Raises ValueError for a date-shaped line that names no real day (31 februari)."""
    match = DATE_LINE.match(text)
    if not match:
        return None
    day, month, year, rest = match.groups()
    return date(int(year), MONTHS[month.lower()], int(day)), rest.strip()


def sentences(text: str) -> list[str]:
    return [part for part in SENTENCE_END.split(text) if part]


def is_title_like(text: str) -> bool:
    """A short line that reads as a title: no final full stop, no second sentence."""
    if not text or len(text) > TITLE_MAX_CHARS or len(text.split()) > TITLE_MAX_WORDS:
        return False
    if text[-1] in ".,;:" or not (text[0].isupper() or text[0].isdigit() or text[0] in "‘“'\""):
        return False
    return not INNER_SENTENCE.search(text.rstrip("?!…"))


def is_role(text: str) -> bool:
    return bool(ROLE.match(text)) and len(text.split()) <= 8 and is_title_like(text)


def cta_action(text: str) -> str | None:
    for pattern, action in CALLS_TO_ACTION:
        if pattern.search(text):
            return action
    return None


def is_contact(text: str) -> bool:
    """A paragraph that only says how to reach someone (questions plus contact details)."""
    if not (CONTACT_PHRASE.search(text) or EMAIL.search(text) or PHONE.search(text)):
        return False
    for sentence in sentences(text):
        contactish = (
            CONTACT_PHRASE.search(sentence) or EMAIL.search(sentence) or PHONE.search(sentence)
        )
        if not contactish and not sentence.rstrip().endswith("?"):
            return False
    return True


def is_questions_only(text: str) -> bool:
    parts = sentences(text)
    return bool(parts) and all(part.rstrip().endswith("?") for part in parts)


def is_teaser(text: str) -> bool:
    if len(text) > TEASER_MAX_CHARS or len(sentences(text)) > TEASER_MAX_SENTENCES:
        return False
    return not is_title_like(text) or text[-1] in ".?!:…"


def is_quote(text: str) -> bool:
    return len(text) > 40 and text[0] in '“"„' and text.rstrip()[-1] in '”"'


def continues(previous: str, following: str) -> bool:
    """Whether `following` continues the sentence of `previous` (a hard line break)."""
    if not previous or previous[-1] in TERMINAL:
        return False
    if previous[-1] in "–-,(" or following[:1].islower():
        return True
    last_word = previous.rsplit(" ", 1)[-1].lower()
    return last_word in FUNCTION_WORDS


# --- Units: the lines of a body, grouped ----------------------------------------------------


@dataclass
class Unit:
    line: int
    text: str = ""
    items: list[str] | None = None  # a list unit
    numbered: bool = False

    @property
    def is_list(self) -> bool:
        return self.items is not None


def to_units(lines: list[tuple[int, str]]) -> list[Unit]:
    """Group body lines into paragraphs-or-lines and lists (blank lines separate chunks)."""
    units: list[Unit] = []
    previous_blank = True
    for number, text in lines:
        if not text:
            previous_blank = True
            continue
        bullet = BULLET.match(text)
        numbered = NUMBERED.match(text)
        if bullet or numbered:
            item = text[(bullet or numbered).end() :].strip()
            last = units[-1] if units else None
            if last and last.is_list and last.numbered == bool(numbered) and item:
                last.items.append(item)
            elif item:
                units.append(Unit(number, items=[item], numbered=bool(numbered)))
        else:
            last = units[-1] if units else None
            if last and not previous_blank and not last.is_list and continues(last.text, text):
                last.text = f"{last.text} {text}"
            elif last and not previous_blank and last.is_list and text[:1].islower():
                last.items[-1] = f"{last.items[-1]} {text}"
            else:
                units.append(Unit(number, text))
        previous_blank = False
    # A single numbered line is a sentence that starts with a number, not a list.
    for unit in units:
        if unit.is_list and unit.numbered and len(unit.items) == 1:
            unit.text, unit.items = f"1. {unit.items[0]}", None
    return units


# --- Body and tail --------------------------------------------------------------------------


def _cta_block(title: str, text: str, action: str) -> Block:
    text = text.rstrip(": ")
    if not title and is_title_like(text):
        title, text = text, ""
    return Block("call_to_action", {"title": title, "text": text, "action": action})


def _card(title: str, teaser: str = "") -> Block:
    return Block("related_item", {"title": title, "teaser": teaser})


def split_tail(units: list[Unit]) -> tuple[int, list[tuple[str, object]]]:
    """Walk back from the end over contacts, calls to action and related-item cards.

    Returns the index where the tail starts and its elements in reading order. Cards are only
    recognised after (below) the last contact paragraph: above it is still running text.
    """
    tail: list[tuple[str, object]] = []
    cards_allowed = True
    i = len(units) - 1
    while i >= 0:
        unit = units[i]
        if unit.is_list:
            break
        text = unit.text
        previous = units[i - 1] if i > 0 and not units[i - 1].is_list else None
        if is_role(text):
            tail.append(("role", text))
            i -= 1
        elif is_contact(text):
            tail.append(("contact", text))
            i -= 1
            if previous and CONTACT_HEADING.match(previous.text):
                i -= 1
            cards_allowed = False
        elif action := cta_action(text):
            i -= 1
            if previous and is_questions_only(previous.text) and not is_title_like(previous.text):
                text = f"{previous.text} {text}"
                i -= 1
                previous = units[i] if i >= 0 and not units[i].is_list else None
            title = ""
            if previous and is_title_like(previous.text) and not is_role(previous.text):
                title = previous.text
                i -= 1
            tail.append(("block", _cta_block(title, text, action)))
        elif (
            cards_allowed
            and previous
            and is_teaser(text)
            and is_title_like(previous.text)
            and not is_role(previous.text)
        ):
            tail.append(("card", _card(previous.text, text)))
            i -= 2
        elif cards_allowed and is_title_like(text):
            tail.append(("bare", text))
            i -= 1
        else:
            break
    tail.reverse()
    return i + 1, tail


def build_body(units: list[Unit]) -> tuple[str, list[Block], list[Contact]]:
    """Turn units into (intro, blocks, contacts)."""
    start, tail = split_tail(units)
    body_units = units[:start]
    blocks: list[Block] = []
    contacts: list[Contact] = []

    # Bare titles at the front of the tail, above cards with a teaser, head that card section.
    lead_headings: list[str] = []
    if any(kind == "card" for kind, _ in tail):
        while tail and tail[0][0] == "bare":
            lead_headings.append(tail.pop(0)[1])

    for index, unit in enumerate(body_units):
        if unit.is_list:
            style = "numbered" if unit.numbered else "bullet"
            blocks.append(Block("list", {"style": style, "items": unit.items}))
            continue
        text = unit.text
        following = body_units[index + 1] if index + 1 < len(body_units) else None
        if is_role(text):
            contacts.append(Contact(role=text))
        elif is_contact(text):
            if (
                blocks
                and blocks[-1].kind == "heading"
                and CONTACT_HEADING.match(blocks[-1].value["text"])
            ):
                blocks.pop()
            contacts.append(Contact(note=text))
        elif action := cta_action(text):
            title = ""
            if blocks and blocks[-1].kind == "heading":
                title = blocks.pop().value["text"]
            blocks.append(_cta_block(title, text, action))
        elif is_quote(text):
            blocks.append(Block("quote", {"text": text.strip('“”"„ '), "attribution": ""}))
        elif _is_heading(text, index, following):
            level = "h3" if blocks and blocks[-1].kind == "heading" else "h2"
            blocks.append(Block("heading", {"text": text, "level": level}))
        else:
            blocks.append(Block("paragraph", text))

    for text in lead_headings:
        blocks.append(Block("heading", {"text": text, "level": "h2"}))
    for kind, value in tail:
        if kind == "role":
            contacts.append(Contact(role=value))
        elif kind == "contact":
            contacts.append(Contact(note=value))
        elif kind == "bare":
            blocks.append(_card(value))
        else:
            blocks.append(value)

    intro = ""
    if blocks and blocks[0].kind == "paragraph":
        intro = blocks.pop(0).value
    return intro, blocks, _unique(contacts)


def _is_heading(text: str, index: int, following: Unit | None) -> bool:
    if not is_title_like(text) or following is None:
        return False
    if index == 0 and not text.endswith("?"):
        return False  # the opening line is the lead, unless it asks the section's question
    if following.is_list or not is_title_like(following.text):
        return True
    return text.endswith("?")


def _unique(contacts: list[Contact]) -> list[Contact]:
    seen, result = set(), []
    for contact in contacts:
        key = (contact.role.lower(), contact.note)
        if key not in seen:
            seen.add(key)
            result.append(contact)
    return result


# --- Files ----------------------------------------------------------------------------------


def split_items(
    lines: list[tuple[int, str]],
) -> tuple[list[tuple[int, str]], list[tuple[int, list[tuple[int, str]]]]]:
    """(preamble lines, [(marker line, item lines) …]); item lines follow their marker."""
    preamble: list[tuple[int, str]] = []
    items: list[tuple[int, list[tuple[int, str]]]] = []
    current = preamble
    for number, text in lines:
        glued = None if text == MARKER else GLUED_MARKER.match(text)
        if text == MARKER or glued:
            if glued:
                current.append((number, glued.group(1).strip()))
            current = []
            items.append((number, current))
            continue
        current.append((number, text))
    return preamble, items


def parse_item(source: str, lines: list[tuple[int, str]], marker_line: int) -> Item | Problem:
    content = [(n, t) for n, t in lines if t]
    if not content:
        return Problem(source, marker_line, "item zonder titel: na 'Terug' volgt geen tekst")
    title_line, title = content[0]
    try:
        if parse_date(title):
            return Problem(
                source, title_line, "item zonder titel: na 'Terug' staat direct een datum"
            )
    except ValueError:
        return Problem(source, title_line, "item zonder titel: na 'Terug' staat direct een datum")
    if len(title) > MAX_TITLE_LENGTH:
        return Problem(
            source,
            title_line,
            f"titel is te lang ({len(title)} tekens, hoogstens {MAX_TITLE_LENGTH})",
        )
    if len(content) < 2:
        return Problem(source, title_line, f"item '{title}' heeft geen datum")
    date_line, date_text = content[1]
    try:
        parsed = parse_date(date_text)
    except ValueError:
        return Problem(source, date_line, f"ongeldige datum '{date_text[:40]}' bij item '{title}'")
    if parsed is None:
        return Problem(
            source,
            date_line,
            f"item '{title}' heeft geen geldige datum (verwacht zoals '18 maart 2021', "
            f"gevonden: '{date_text[:40]}')",
        )
    item_date, rest = parsed
    start = next(i for i, (n, _) in enumerate(lines) if n == date_line)
    body_lines = lines[start + 1 :]
    if rest:
        body_lines = [(date_line, rest), *body_lines]
    intro, blocks, contacts = build_body(to_units(body_lines))
    return Item(source, title_line, title, item_date, intro, blocks, contacts)


def parse_text(source: str, text: str) -> ParseResult:
    """Parse the text of one dump file; `source` names it in records and messages."""
    result = ParseResult()
    lines = [(number, clean_line(raw)) for number, raw in enumerate(text.splitlines(), start=1)]
    preamble, chunks = split_items(lines)
    leftover = [(n, t) for n, t in preamble if t]
    if leftover and leftover[0][1] == SECTION_HEADER:
        leftover = leftover[2:] if len(leftover) >= 2 else []
    if leftover:
        result.warnings.append(
            Problem(source, leftover[0][0], "tekst vóór het eerste item ('Terug') is overgeslagen")
        )
    if not chunks:
        result.errors.append(
            Problem(source, 0, "geen items gevonden: een item begint met een regel 'Terug'")
        )
        return result
    for marker_line, chunk in chunks:
        parsed = parse_item(source, chunk, marker_line)
        if isinstance(parsed, Problem):
            result.errors.append(parsed)
        else:
            result.items.append(parsed)
    return result


def parse_bytes(source: str, data: bytes) -> ParseResult:
    """Decode UTF-8 (with or without BOM) and parse; undecodable bytes are a file error."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        result = ParseResult()
        result.errors.append(
            Problem(source, line, "geen geldige UTF-8-tekst; sla het bestand op als UTF-8")
        )
        return result
    if "\x00" in text:
        result = ParseResult()
        result.errors.append(Problem(source, 0, "dit is geen tekstbestand (bevat nul-tekens)"))
        return result
    return parse_text(source, text.replace("\r\n", "\n").replace("\r", "\n"))
