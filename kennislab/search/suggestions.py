"""What the search box suggests (/zoeken/suggesties/).

* While typing: abbreviations and synonyms the query stands for, as searches ("GGD —
  Gemeentelijke gezondheidsdienst"), then pages whose title or text match (service.suggest).
* On an empty box: the topics searched most in the last 30 days, or the themes when there are
  none. Only queries that found something, were searched by several visitors, and consist of
  words the site itself uses are shown: what one visitor typed never reaches another.
"""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import urlencode

from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import service
from .analysis.text import fold
from .analysis.wordlists import PROTECTED, STOPWORDS

LIMIT = 8
EXPANSION_LIMIT = 2
POPULAR_LIMIT = 6
POPULAR_DAYS = 30
POPULAR_MIN_SEARCHES = 3  # a query must come from several searches before anyone sees it
POPULAR_CACHE_SECONDS = 300
MIN_EXPRESSION_PREFIX = 4  # letters typed before a long expression is offered
_ACRONYM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z]{2,6}$")  # GGD, ZonMw, PG
_UNSAFE_TOPIC = re.compile(r"[@/\\:]|\d{5,}")  # e-mail and web addresses, long numbers


def search_url(text: str) -> str:
    return f"{reverse('search')}?{urlencode({'q': text})}"


def is_acronym(term: str) -> bool:
    """GGD, VWS, ZonMw, and the protected lower-case ones (mbo, Wmo); not e-health."""
    term = term.strip()
    return bool(_ACRONYM.match(term)) or (
        term.isalpha() and len(term) <= 6 and fold(term) in PROTECTED
    )


def _head_and_rest(group: list[str], matched: str) -> tuple[str, list[str], bool]:
    """The abbreviation (or else the matched term) first, then the others."""
    acronyms = [term for term in group if is_acronym(term)]
    head = acronyms[0] if acronyms else matched
    return head, [term for term in group if term != head], bool(acronyms)


def expansions(text: str, groups: list[list[str]], limit: int = EXPANSION_LIMIT):
    """Synonym groups the typed text names (whole, or as the start of one of its terms), as
    (label, term to search for, is an abbreviation), exact matches first."""
    typed = " ".join(fold(text).split())
    if len(typed) < 2:
        return []
    ranked = []
    for order, group in enumerate(groups):
        if len(group) < 2:
            continue
        best, matched = None, None
        for term in group:
            folded = " ".join(fold(term).split())
            if folded == typed:
                best, matched = 0, term
                break
            long_enough = is_acronym(term) or len(typed) >= MIN_EXPRESSION_PREFIX
            if best is None and folded.startswith(typed) and long_enough:
                best, matched = 1, term
        if best is None:
            continue
        head, rest, acronym = _head_and_rest(group, matched)
        if acronym:
            rest = [term[:1].upper() + term[1:] for term in rest]
        label = f"{head} — {' / '.join(rest)}"
        ranked.append((best, order, label, head, acronym))
    ranked.sort()
    return [(label, head, acronym) for _, _, label, head, acronym in ranked[:limit]]


def for_query(text: str) -> list[service.Suggestion]:
    """Suggestions while typing: expansions first, then pages (at most LIMIT)."""
    the_analyzer = service.analyzer()
    found = [
        service.Suggestion(
            label, search_url(head), _("Afkorting") if acronym else _("Zoekterm"), "search"
        )
        for label, head, acronym in expansions(text, the_analyzer.groups)
    ]
    found += service.suggest(text, limit=LIMIT - len(found))
    return found


def _safe_topic(query: str, reader) -> bool:
    if not 2 <= len(query) <= 60 or _UNSAFE_TOPIC.search(query):
        return False
    words = [word for word in query.split() if word not in STOPWORDS]
    return bool(words) and all(reader.word_frequency(word) for word in words)


def popular() -> list[service.Suggestion]:
    """What to show on an empty box (cached for a few minutes)."""
    key = f"search:popular:{translation.get_language()}"
    cached = cache.get(key)
    if cached is None:
        cached = [s.as_dict() for s in _popular_topics() or _themes()]
        cache.set(key, cached, POPULAR_CACHE_SECONDS)
    return [service.Suggestion(**item) for item in cached]


def _popular_topics() -> list[service.Suggestion]:
    from django.db.models import F, Sum

    from .models import SearchQueryStat

    since = timezone.localdate() - timedelta(days=POPULAR_DAYS)
    rows = (
        SearchQueryStat.objects.filter(day__gte=since)
        .values("query")
        .annotate(searches_total=Sum("searches"), empty_total=Sum("without_results"))
        .filter(searches_total__gte=POPULAR_MIN_SEARCHES, searches_total__gt=F("empty_total"))
        .order_by("-searches_total", "query")
        .values_list("query", flat=True)[: POPULAR_LIMIT * 4]
    )
    reader = service.reader()
    topics = [query for query in rows if _safe_topic(query, reader)][:POPULAR_LIMIT]
    return [
        service.Suggestion(query, search_url(query), _("Veel gezocht"), "search")
        for query in topics
    ]


def _themes() -> list[service.Suggestion]:
    from .models import SearchDocument

    themes = SearchDocument.objects.filter(kind="theme").order_by("title")
    return [
        service.Suggestion(title, url, _("Thema"))
        for title, url in themes.values_list("title", "url")[:POPULAR_LIMIT]
    ]
