"""The site search page, /zoeken/. For now Wagtail's database search over Kennislab items;
issue 3 replaces the engine with the Dutch analysis."""

from django.core.paginator import Paginator
from django.shortcuts import render

from kennislab.content.models import ArticlePage

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 10


def search(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    results = ArticlePage.objects.none()
    if query:
        results = ArticlePage.objects.live().public().search(query, operator="or")
    paginator = Paginator(results, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("pagina"))
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "results": page,
            "result_count": paginator.count if query else 0,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=1),
        },
    )
