"""Public challenge URLs under /uitdaging/ (included before Wagtail's catch-all; ChallengePage
refuses the slugs used here)."""

from django.urls import path

from kennislab.surveys.views import impact_survey

from . import views

app_name = "challenge"

urlpatterns = [
    path("deelname/<str:token>/", views.participant, name="participant"),
    path("afmelden/<str:key>/", views.unsubscribe, name="unsubscribe"),
    path("effect/<str:key>/", impact_survey, {"kind": "challenge"}, name="impact"),
    path("<slug:slug>/aanmelden/", views.sign_up, name="sign-up"),
    path("<slug:slug>/aangemeld/", views.signed_up, name="signed-up"),
    path("<slug:slug>/team/<str:code>/", views.team, name="team"),
]
