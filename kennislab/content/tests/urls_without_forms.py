"""A URL configuration with only the pages, none of the apps' forms: for testing calls to action
whose form is not there."""

from django.urls import include, path
from wagtail import urls as wagtail_urls

urlpatterns = [path("", include(wagtail_urls))]
