"""The site search page, /zoeken/. For now Wagtail's database search over Kennislab items;
issue 3 replaces the engine with the Dutch analysis."""

import logging
import re

from django.core.paginator import Paginator
from django.db import DatabaseError
from django.shortcuts import render

from kennislab.content.models import ArticlePage

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
PAGE_SIZE = 10
WORD = re.compile(r"[^\W_]+")

logger = logging.getLogger(__name__)


def search_terms(query: str) -> str:
    """Only words reach the search backend: no quotes, brackets, wildcards or column filters,
    and in lower case so that AND, OR, NOT and NEAR are never operators."""
    return " ".join(WORD.findall(query.lower())[:MAX_TERMS])


def search(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    terms = search_terms(query)
    results, failed = [], False
    if terms:
        try:
            results = list(ArticlePage.objects.live().public().search(terms, operator="or")[:500])
        except DatabaseError:
            logger.exception("search failed for %r", terms)
            failed = True
    paginator = Paginator(results, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("pagina"))
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "results": page,
            "result_count": paginator.count,
            "search_failed": failed,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=1),
        },
    )
