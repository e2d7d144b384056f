"""Public URLs of relay campaigns under /campagnes/ (the campaign page itself lives where the
editors put it; these find it by its slug). RelayCampaignPage refuses the slug "activiteit"."""

from django.urls import path

from . import views

app_name = "relay"

urlpatterns = [
    path("activiteit/<str:token>/", views.edit_activity, name="edit"),
    path("<slug:slug>.ics", views.campaign_feed, name="feed"),
    path("<slug:slug>/aanmelden/", views.register_activity, name="register"),
    path("<slug:slug>/regio/<slug:region>.ics", views.region_feed, name="region-feed"),
    path("<slug:slug>/activiteit/<int:pk>/", views.activity_detail, name="activity"),
    path("<slug:slug>/activiteit/<int:pk>.ics", views.activity_ics, name="activity-ics"),
]
