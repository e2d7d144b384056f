"""Public views: the application form and the applicant's private page (thin: the rules live in
rules.py, the transactions in services.py)."""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import PageViewRestriction

from kennislab.core import pagecache
from kennislab.core.ratelimit import rate_limited

from . import rules, services
from .forms import ApplicationForm, consent_text
from .models import GoodExamplePage, VoucherSchemePage


class UnknownExample(Exception):
    def __init__(self, message, scheme_page=None):
        super().__init__(message)
        self.message = message
        self.scheme_page = scheme_page


def _example(request, scheme_slug: str, example_slug: str):
    """(scheme, scheme page, good example, breadcrumbs) behind the form's URL. The form is the
    busiest page of a round that opens, so the pages are remembered for PAGE_CACHE_SECONDS
    under the page cache's generation (any content change, a scheme's too, starts afresh; see
    pagecache.py). Whether the scheme is open is decided again, under a lock, when an
    application is submitted (services.submit)."""
    seconds = settings.PAGE_CACHE_SECONDS
    key = (
        f"vouchers:form:{pagecache.generation()}:{request.get_host()}:{scheme_slug}:{example_slug}"
    )
    found = cache.get(key) if seconds > 0 else None
    if found is None:
        found = _find_example(request, scheme_slug, example_slug)
        if seconds > 0:
            cache.set(key, found, seconds)
    if found[0] == "unknown":
        raise UnknownExample(found[1], found[2])
    _found, scheme_page, example, breadcrumbs = found
    return scheme_page.scheme, scheme_page, example, breadcrumbs


def _find_example(request, scheme_slug, example_slug):
    """("found", scheme page, example, breadcrumbs) or ("unknown", message, scheme page)."""
    scheme_page = (
        VoucherSchemePage.objects.live()
        .select_related("scheme")
        .filter(scheme__slug=scheme_slug)
        .defer_streamfields()
        .first()
    )
    if scheme_page is None:
        return ("unknown", _("Deze voucherregeling bestaat niet (meer)."), None)
    example = (
        GoodExamplePage.objects.live()
        .child_of(scheme_page)
        .filter(slug=example_slug)
        .defer_streamfields()
        .first()
    )
    if example is not None and _restricted(example):
        # a login or password on the example or on a page above it (the scheme page too)
        if _restricted(scheme_page):
            return ("unknown", _("Deze voucherregeling bestaat niet (meer)."), None)
        example = None
    if example is None:
        message = _(
            "Dit goede voorbeeld hoort niet (meer) bij deze regeling. Kies een van de goede "
            "voorbeelden op de pagina van de regeling."
        )
        return ("unknown", message, scheme_page)
    breadcrumbs = [
        (_("Startpagina") if page.depth == 2 else page.title, page.get_url(request))
        for page in example.get_ancestors().filter(depth__gt=1)
    ]
    breadcrumbs.append((example.title, example.get_url(request)))
    return ("found", scheme_page, example, breadcrumbs)


def _restricted(page) -> bool:
    """Whether a view restriction covers the page: on itself or an ancestor (one query)."""
    steps = range(page.steplen, len(page.path) + 1, page.steplen)
    paths = [page.path[:length] for length in steps]
    return PageViewRestriction.objects.filter(page__path__in=paths).exists()


@require_http_methods(["GET", "POST"])
@rate_limited("voucher-apply", limit=20, window=3600, methods=["POST"])
def apply(request, scheme_slug, example_slug):
    try:
        scheme, scheme_page, example, breadcrumbs = _example(request, scheme_slug, example_slug)
    except UnknownExample as unknown:
        return render(
            request,
            "vouchers/unknown_example.html",
            {"message": unknown.message, "scheme_page": unknown.scheme_page},
            status=404,
        )
    phase = scheme.phase()
    form = ApplicationForm(request.POST if request.method == "POST" else None)
    refusal, conflict = None, False
    if request.method == "POST" and phase == "open" and form.is_valid():
        try:
            _application, token = services.submit(
                example, form.cleaned_data, consent_text(form.cleaned_data), scheme_id=scheme.pk
            )
        except services.ApplicationRefused as refused:
            conflict = True
            if refused.field:
                form.add_error(refused.field, refused.message)
            else:
                refusal = refused.message
        else:
            return HttpResponseRedirect(reverse("vouchers:application", args=[token]), status=303)
    if phase != "open":
        refusal = services.closed_message(scheme, phase)
    return render(
        request,
        "vouchers/apply.html",
        {
            "form": form,
            "scheme": scheme,
            "scheme_page": scheme_page,
            "example": example,
            "availability": services.example_availability(scheme, example.pk),
            "refusal": refusal,
            "phase": phase,
            "blank_form_version": ApplicationForm.blank_markup_version(),
            "breadcrumbs": breadcrumbs,
        },
        status=_status(request, refusal or conflict),
    )


def _status(request, refused: bool) -> int:
    """200 for the form; a POST that stored nothing says so: 409 when the scheme refused it
    (closed, a duplicate), 400 for bad input."""
    if request.method != "POST":
        return 200
    return 409 if refused else 400


@require_http_methods(["GET", "POST"])
def application(request, token):
    """The applicant's private page: reference, status, waiting-list position, withdraw."""
    found = services.by_token(token)
    if found is None:
        return render(request, "vouchers/application_unknown.html", status=404)
    message = None
    if request.method == "POST":
        if request.POST.get("intrekken") == "ja":
            try:
                found = services.withdraw_by_applicant(token)
                message = _("Je aanvraag is ingetrokken.")
            except rules.NotAllowed as refused:
                message = str(refused)
        else:
            message = _("Vink aan dat je de aanvraag wilt intrekken.")
    response = render(
        request,
        "vouchers/application.html",
        {
            "application": found,
            "message": message,
            "scheme": found.scheme,
            "term": services.decision_term(found),
        },
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
