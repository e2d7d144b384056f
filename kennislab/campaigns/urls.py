"""Public event URLs under /agenda/ (included before Wagtail's catch-all, so they win over page
paths; EventPage refuses the slugs used here)."""

from django.urls import path

from . import views

app_name = "campaigns"

urlpatterns = [
    path("feed.ics", views.feed, name="feed"),
    path("terugkijken/", views.archive, name="archive"),
    path("thema/<slug:slug>.ics", views.theme_feed, name="theme-feed"),
    path("aanmelding/<str:token>/", views.registration, name="registration"),
    path("<slug:slug>.ics", views.event_ics, name="event-ics"),
    path("<slug:slug>/aanmelden/", views.register, name="register"),
    path("<slug:slug>/aangemeld/", views.registered, name="registered"),
    path("<slug:slug>/terugkijken/", views.recording, name="recording"),
]
