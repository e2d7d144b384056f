"""Error pages in Dutch. The 500 page renders without database or context processors."""

import sys

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpResponse, HttpResponseServerError, QueryDict
from django.shortcuts import render
from django.template import loader
from django.utils.html import escape
from django.utils.translation import gettext as _


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def bad_request_page(request, message, status=400):
    """The Dutch 400 page. The request itself may be what is broken (its query string or body
    cannot be read), so the page reads neither, and falls back to plain HTML if even the site's
    frame cannot be drawn."""
    request.GET = QueryDict()  # the broken original would fail again in every template
    request.POST = QueryDict()
    try:
        return render(request, "400.html", {"message": message}, status=status)
    except Exception:  # the last resort must always answer
        title = escape(_("Dit verzoek kunnen we niet verwerken"))
        body = f'<!doctype html><html lang="nl"><title>{title}</title><h1>{title}</h1>'
        return HttpResponse(f"{body}<p>{escape(message)}</p></html>", status=status)


def bad_request(request, exception=None):
    """handler400: a request Django refused (too many fields, a body over
    DATA_UPLOAD_MAX_MEMORY_SIZE, a forbidden host, …): a short Dutch answer, JSON for the API."""
    if isinstance(exception, TooManyFieldsSent):
        message = _("Dit verzoek bevat te veel velden of parameters.")
    elif isinstance(exception, RequestDataTooBig):
        message = _("Wat je stuurde is te groot om te verwerken.")
    else:
        message = _("Dit verzoek kunnen we niet verwerken. Controleer het adres of het formulier.")
    if request.path.startswith("/api/"):
        from kennislab.api.problems import problem_response

        return problem_response(request, 400, message)
    return bad_request_page(request, message)


def permission_denied(request, exception=None):
    """handler403, in Dutch."""
    return render(request, "403.html", status=403)


def server_error(request):
    # A database error outside a view (a middleware, a context processor) reaches this handler
    # with the exception still being handled: the Dutch 503 page (kennislab.ops) instead.
    from kennislab.ops.middleware import DATABASE_ERRORS, unavailable_response

    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        return unavailable_response(request)
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
    response["Referrer-Policy"] = "strict-origin"  # a Referer never carries the link
    return response


MAX_FILTER_VALUES = 20


def chosen_filters(request, name: str, allowed) -> list[str]:
    """The values of a multi-select filter in the query string that are allowed (known
    options), at most MAX_FILTER_VALUES: unknown or endless values are ignored, never an error."""
    return [value for value in request.GET.getlist(name) if value in allowed][:MAX_FILTER_VALUES]
