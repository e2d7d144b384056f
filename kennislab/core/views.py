"""Error pages in Dutch. The 500 page renders without database or context processors."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({}))


def csrf_failure(request, reason=""):
    """A form sent without a valid security token (expired page, cookies off, tampering):
    explain in Dutch, keep nothing, and offer the way back."""
    return render(request, "403_csrf.html", {"path": request.path}, status=403)


def private(response):
    """Mark a response as one person's own page (a private link): never stored by a cache or a
    browser's history cache, never indexed."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


MAX_FILTER_VALUES = 20


def chosen_filters(request, name: str, allowed) -> list[str]:
    """The values of a multi-select filter in the query string that are allowed (known
    options), at most MAX_FILTER_VALUES: unknown or endless values are ignored, never an error."""
    return [value for value in request.GET.getlist(name) if value in allowed][:MAX_FILTER_VALUES]
