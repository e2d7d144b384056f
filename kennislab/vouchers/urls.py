"""Public voucher URLs (the form's URL is a contract: CONTRACTS.md). Included before Wagtail's
catch-all, so they win over page paths."""

from django.urls import path

from kennislab.surveys.views import impact_survey

from . import views

app_name = "vouchers"

urlpatterns = [
    path("aanvraag/<str:token>/", views.application, name="application"),
    path("effect/<str:key>/", impact_survey, {"kind": "voucher"}, name="impact"),
    path("<slug:scheme_slug>/<slug:example_slug>/aanvragen/", views.apply, name="apply"),
]
