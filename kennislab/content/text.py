"""Plain text out of StreamField bodies, for export, teasers and search."""

import html
import re

from django.utils.html import strip_tags

from .blocks import TEXT_BLOCK_TYPES

_BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|div)>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0]+")


def html_to_text(value: str) -> str:
    """Rich text HTML to plain text, one line per block element."""
    text = html.unescape(strip_tags(_BLOCK_END.sub("\n", str(value))))
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def block_text(block) -> str:
    """The readable text of one stream child, or '' for asides (cards, downloads, media)."""
    value = block.value
    if block.block_type == "paragraph":
        return html_to_text(value.source if hasattr(value, "source") else value)
    if block.block_type == "heading":
        return value["text"].strip()
    if block.block_type == "list":
        return "\n".join(item.strip() for item in value["items"] if item.strip())
    if block.block_type == "quote":
        return value["text"].strip()
    return ""


def stream_text(stream, types=TEXT_BLOCK_TYPES) -> str:
    """The text blocks of a stream, separated by blank lines."""
    parts = [block_text(block) for block in stream if block.block_type in types]
    return "\n\n".join(part for part in parts if part)


def first_words(text: str, limit: int = 220) -> str:
    """A teaser of at most `limit` characters, cut at a word boundary."""
    text = _SPACES.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:–-.")
    return f"{cut}…"
