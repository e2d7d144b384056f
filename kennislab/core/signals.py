"""Keep the cached navigation in step with the page tree."""

from django.core.cache import cache
from django.db.models.signals import post_delete
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished

from .context_processors import NAVIGATION_CACHE_KEY


def clear_navigation_cache(**kwargs):
    keys = [
        NAVIGATION_CACHE_KEY.format(site_id=pk) for pk in Site.objects.values_list("pk", flat=True)
    ]
    cache.delete_many(keys)


def connect():
    page_published.connect(clear_navigation_cache, dispatch_uid="core-nav-published")
    page_unpublished.connect(clear_navigation_cache, dispatch_uid="core-nav-unpublished")
    page_slug_changed.connect(clear_navigation_cache, dispatch_uid="core-nav-slug")
    post_delete.connect(clear_navigation_cache, sender=Page, dispatch_uid="core-nav-deleted")
