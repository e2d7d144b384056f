from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from kennislab.api.v1 import api
from kennislab.search import views as search_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("zoeken/", search_views.search, name="search"),
    path("zoeken/suggesties/", search_views.suggestions, name="search-suggestions"),
    path("api/v1/", api.urls),
    path("kennisvouchers/", include("kennislab.vouchers.urls")),
    path("vignet/", include("kennislab.vignet.urls")),
    path("agenda/", include("kennislab.campaigns.urls")),
    path("uitdaging/", include("kennislab.challenge.urls")),
    path("campagnes/", include("kennislab.campaigns.relay_urls")),
    path("netwerk/", include("kennislab.network.urls")),
    path("vragen/", include("kennislab.questions.urls")),
    path("nieuwsbrief/", include("kennislab.newsletter.urls")),
    path("mijn-kennislab/", include("kennislab.personal.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "kennislab.core.views.page_not_found"
handler500 = "kennislab.core.views.server_error"
