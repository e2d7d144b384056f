"""Public URLs of the questions app (mounted at /vragen/)."""

from django.urls import path

from . import views

app_name = "questions"

urlpatterns = [
    path("stel-je-vraag/", views.ask, name="ask"),
    path("stel-je-vraag/verstuurd/", views.asked, name="asked"),
    path("interesse/<slug:slug>/", views.interest, name="interest"),
    path("interesse/<slug:slug>/aangemeld/", views.interest_done, name="interest-done"),
]
