"""URLconf of `make bench-http` (kennislab.bench.http_settings): the site's own URLs plus a bare
Django view, the baseline the pages are compared with. Never used by the site itself."""

from django.http import HttpResponse
from django.urls import path

from kennislab import urls as site_urls

BARE_PATH = "/__bench__/"


def bare_view(request):
    """The least a Django view can do: no template, no query, a constant body."""
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path(BARE_PATH.strip("/") + "/", bare_view), *site_urls.urlpatterns]

handler400 = site_urls.handler400
handler403 = site_urls.handler403
handler404 = site_urls.handler404
handler500 = site_urls.handler500
