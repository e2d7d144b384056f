"""Public URLs of the network app under /netwerk/. A pledge's slug never is one of
rules.RESERVED_SLUGS, so /pledges/tekenen/ stays the form."""

from django.urls import path

from . import views

app_name = "network"

urlpatterns = [
    path("pledges/", views.pledge_wall, name="pledge-wall"),
    path("pledges/tekenen/", views.sign_pledge, name="pledge-sign"),
    path("pledges/link/", views.request_link, name="pledge-new-link"),
    path("pledges/link/verstuurd/", views.link_sent, name="pledge-link-sent"),
    path("pledges/link/<str:token>/", views.pledge_private, name="pledge-private"),
    path("pledges/<slug:slug>/", views.pledge_detail, name="pledge"),
    path("praktijkverhaal/", views.share_story, name="story"),
    path("praktijkverhaal/verstuurd/", views.story_thanks, name="story-thanks"),
]
