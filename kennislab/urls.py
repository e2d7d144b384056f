from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from kennislab.accounts import views as accounts_views
from kennislab.api.v1 import api
from kennislab.core import routing
from kennislab.ops.health import health_view
from kennislab.search import views as search_views

urlpatterns = [
    # "Wachtwoord vergeten" rate limited, mailed through the outbox (kennislab.accounts)
    path("admin/password_reset/", accounts_views.password_reset),
    path("admin/", include(wagtailadmin_urls)),
    path("health/", health_view, name="health"),
    path("documenten/", include(wagtaildocs_urls)),
    path("zoeken/", search_views.search, name="search"),
    path("zoeken/suggesties/", search_views.suggestions, name="search-suggestions"),
    path("api/v1/", api.urls),
    path("kennisvouchers/", include("kennislab.vouchers.urls")),
    path("vignet/", include("kennislab.vignet.urls")),
    path("agenda/", include("kennislab.campaigns.urls")),
    path("uitdaging/", include("kennislab.challenge.urls")),
    path("campagnes/", include("kennislab.campaigns.relay_urls")),
    # the map of the movement (kennislab.movement), before the network app's /netwerk/
    path("netwerk/kaart/", include("kennislab.movement.urls")),
    path("netwerk/", include("kennislab.network.urls")),
    path("vragen/", include("kennislab.questions.urls")),
    path("nieuwsbrief/", include("kennislab.newsletter.urls")),
    path("mijn-kennislab/", include("kennislab.personal.urls")),
    # /sitemap.xml, /robots.txt and the RSS feeds (/kennislab/feed.xml, /agenda/feed.xml, …)
    path("", include("kennislab.discovery.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    # Wagtail's own URLs, its page serving with remembered routes (kennislab.core.routing): same
    # name, same pattern, so Wagtail's URL reversing is unchanged
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(serve_pattern, routing.serve, name="wagtail_serve"),
]

handler400 = "kennislab.core.views.bad_request"
handler403 = "kennislab.core.views.permission_denied"
handler404 = "kennislab.core.views.page_not_found"
handler500 = "kennislab.core.views.server_error"
