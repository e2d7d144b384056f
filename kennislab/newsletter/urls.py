"""Public URLs of the newsletter app under /nieuwsbrief/."""

from django.urls import path

from . import views

app_name = "newsletter"

urlpatterns = [
    path("aanmelden/", views.sign_up, name="sign-up"),
    path("aangemeld/", views.signed_up, name="signed-up"),
    path("voorkeuren/", views.request_link, name="request-link"),
    path("link-verstuurd/", views.link_sent, name="link-sent"),
    path("voorkeuren/<str:token>/", views.preferences, name="preferences"),
    path("afmelden/<str:key>/", views.unsubscribe, name="unsubscribe"),
]
