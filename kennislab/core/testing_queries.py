"""Queries that must never break a search: empty, huge, search-engine syntax, SQL-like text,
emoji, right-to-left marks, LIKE wildcards and backslashes. Shared by the tests of every search
entry point."""

HOSTILE_QUERIES = [
    "",
    "   ",
    '"',
    "*",
    "(",
    "NEAR",
    "AND OR NOT",
    "title:groen",
    "'; DROP TABLE wagtailcore_page; --",
    "🌳🌿",
    "\u200f\u202egroen",
    "%",
    "_",
    "\\",
    "a" * 5000,
]
