"""Public URLs of Mijn Kennislab under /mijn-kennislab/ (CONTRACTS.md)."""

from django.urls import path

from . import views

app_name = "personal"

urlpatterns = [
    path("", views.request_link, name="request-link"),
    path("verstuurd/", views.link_sent, name="link-sent"),
    path("<str:token>/", views.overview, name="overview"),
    path("<str:token>/openen/<slug:kind>/<int:pk>/", views.open_item, name="open"),
    path("<str:token>/mijn-gegevens/", views.export, name="export"),
    path("<str:token>/verwijderen/", views.erase, name="erase"),
]
