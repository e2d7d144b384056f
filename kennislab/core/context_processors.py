"""Template context every public page needs: the main navigation and the site settings."""

from django.core.cache import cache
from wagtail.models import Site

NAVIGATION_CACHE_KEY = "core:navigation:v2:{site_id}"
PRIVACY_SLUG = "privacyverklaring"  # the privacy statement, linked wherever consent is asked


def _navigation(site):
    """(menu, footer, privacy): the home page's live children shown in menus, the other live
    children (privacy statement, accessibility statement …), each as (title, url) pairs, and
    the privacy statement's URL (or "")."""
    key = NAVIGATION_CACHE_KEY.format(site_id=site.pk)
    cached = cache.get(key)
    if cached is None:
        children = site.root_page.get_children().live().public()
        menu = [(page.title, page.get_url()) for page in children.in_menu()]
        footer = [(page.title, page.get_url()) for page in children.not_in_menu()]
        privacy = children.filter(slug=PRIVACY_SLUG).first()
        cached = (menu, footer, privacy.get_url() if privacy else "")
        cache.set(key, cached, 300)
    return cached


def site_navigation(request):
    if request.path.startswith(("/admin/", "/django-admin/")):
        return {}
    site = Site.find_for_request(request)
    if site is None:
        return {"main_navigation": [], "footer_navigation": [], "privacy_url": ""}
    menu, footer, privacy = _navigation(site)
    return {"main_navigation": menu, "footer_navigation": footer, "current_site": site,
            "privacy_url": privacy}  # fmt: skip
