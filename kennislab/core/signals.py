"""Keep what is remembered per cache generation (the navigation, routes, theme links;
kennislab.core.memo) in step with the page tree: moves and slug changes also change the URLs of
pages that were not saved themselves."""

from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .pagecache import bump_generation


def tree_changed(**kwargs):
    bump_generation()


def connect():
    page_published.connect(tree_changed, dispatch_uid="core-nav-published")
    page_unpublished.connect(tree_changed, dispatch_uid="core-nav-unpublished")
    page_slug_changed.connect(tree_changed, dispatch_uid="core-nav-slug")
    post_page_move.connect(tree_changed, dispatch_uid="core-nav-moved")
    post_delete.connect(tree_changed, sender=Page, dispatch_uid="core-nav-deleted")
