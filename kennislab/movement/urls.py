"""/netwerk/kaart/ (mounted before the network app's /netwerk/ in kennislab/urls.py)."""

from django.urls import path

from . import views

app_name = "movement"

urlpatterns = [
    path("", views.map_page, name="map"),
]
