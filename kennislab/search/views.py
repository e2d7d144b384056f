"""The search page (/zoeken/) and its autocomplete endpoint (/zoeken/suggesties/)."""

import logging
import re

from django.core.paginator import Paginator
from django.db import DatabaseError
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET

from kennislab.content.models import Domain, Theme
from kennislab.core.memo import memo
from kennislab.core.ratelimit import rate_limited

from . import service
from . import suggestions as suggestion_lists
from .forms import FACET_FIELDS, SearchForm
from .labels import FACET_LABELS

PAGE_SIZE = 10
MAX_PAGE = 100  # deeper pages are not useful and cost the most

logger = logging.getLogger(__name__)
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _choices():
    """Every value a facet can have (so that a filter on a value with no results stays valid).
    Themes and domains are kept per cache generation (they change only with content)."""
    labels = service.type_labels()
    years = [(str(y), str(y)) for y in range(2000, 2100)]
    themes, domains = memo(
        "search:facet-choices",
        lambda: (
            [(t.slug, t.name) for t in Theme.objects.all()],
            [(d.code, d.name) for d in Domain.objects.all()],
        ),
    )
    return {"soort": list(labels.items()), "thema": themes, "domein": domains, "jaar": years}


def _facets(counts, filters, choices):
    """Per facet: (field name, label, [(value, label, count, selected)]), values with results or
    selected only, in a sensible order."""
    facets = []
    for name in FACET_FIELDS:
        selected = set(filters.get(name, []))
        facet_counts = counts.get(name, {})
        labels = dict(choices[name])
        options = [
            (value, labels.get(value, value), facet_counts.get(value, 0), value in selected)
            for value, _label in choices[name]
            if facet_counts.get(value, 0) or value in selected
        ]
        if name == "jaar":
            options.sort(key=lambda option: option[0], reverse=True)
        elif name == "soort":
            options.sort(key=lambda option: -option[2])
        if options:
            facets.append((name, FACET_LABELS[name], options))
    return facets


@require_GET
@rate_limited("search", limit=60)
def search(request):
    choices = _choices()
    form = SearchForm(request.GET or None, choices=choices)
    query, filters, sort = form.values() if request.GET else ("", {}, "relevantie")
    try:
        page_number = max(1, min(MAX_PAGE, int(request.GET.get("pagina", 1))))
    except (TypeError, ValueError):
        page_number = 1
    results = None
    failed = False
    if query:
        try:
            results = service.search(
                query,
                filters=filters,
                offset=(page_number - 1) * PAGE_SIZE,
                limit=PAGE_SIZE,
                sort="date" if sort == "datum" else "relevance",
                facets=True,
            )
            if not request.user.is_staff:  # the statistics count visitors, not staff checking
                service.record_query(query, results.total)
        except DatabaseError:
            logger.exception("search failed for %r", query)
            failed = True
    total = results.total if results else 0
    paginator = Paginator(range(min(total, MAX_PAGE * PAGE_SIZE)), PAGE_SIZE)
    page = paginator.get_page(page_number)
    theme_names = dict(choices["thema"])
    return render(
        request,
        "search/search.html",
        {
            "form": form,
            "query": query,
            "results": results.results if results else [],
            "result_count": total,
            "corrected_query": results.corrected_query if results else None,
            "facets": _facets(results.facets, filters, choices) if results else [],
            "active_filters": [
                (name, value, dict(choices[name]).get(value, value))
                for name, values in filters.items()
                for value in values
            ],
            "theme_names": theme_names,
            "sort": sort,
            "search_failed": failed,
            "page": page,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=1),
            "form_errors": [error for errors in form.errors.values() for error in errors]
            if request.GET
            else [],
            "title": _("Zoeken"),
        },
    )


@require_GET
@rate_limited("suggestions", limit=240, json=True)
def suggestions(request):
    """The search box's suggestions, JSON: {"suggestions": [{"title", "url", "type", "kind"}],
    "status": a Dutch sentence for screen readers}. An empty query gives popular topics."""
    text = service.clean_query(CONTROL_CHARACTERS.sub(" ", request.GET.get("q", "")))
    try:
        found = suggestion_lists.for_query(text) if text else suggestion_lists.popular()
    except DatabaseError:
        logger.exception("suggestions failed for %r", text)
        found = []
    count = len(found)
    if count:
        status = ngettext(
            "%(count)s suggestie. Kies met pijltje omlaag en omhoog, open met Enter.",
            "%(count)s suggesties. Kies met pijltje omlaag en omhoog, open met Enter.",
            count,
        ) % {"count": count}
    else:
        status = _("Geen suggesties.")
    response = JsonResponse(
        {"suggestions": [suggestion.as_dict() for suggestion in found], "status": status}
    )
    response["Cache-Control"] = "max-age=60"
    return response
