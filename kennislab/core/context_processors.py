"""Template context every public page needs: the main navigation and the site settings."""

from wagtail.models import Site

from .memo import memo

PRIVACY_SLUG = "privacyverklaring"  # the privacy statement, linked wherever consent is asked


def _navigation(site):
    """(menu, footer, privacy): the home page's live children shown in menus, the other live
    children (privacy statement, accessibility statement …) except pages that say they are
    `unlisted` (a survey for invited people only), each as (title, url) pairs, and the privacy
    statement's URL (or ""). Kept per cache generation (kennislab.core.memo)."""

    def compute():
        children = list(site.root_page.get_children().live().public().specific())
        menu = [(page.title, page.get_url()) for page in children if page.show_in_menus]
        footer = [
            (page.title, page.get_url())
            for page in children
            if not page.show_in_menus and not getattr(page, "unlisted", False)
        ]
        privacy = next((page for page in children if page.slug == PRIVACY_SLUG), None)
        return (menu, footer, privacy.get_url() if privacy else "")

    return memo("navigation", compute, site.pk)


def site_navigation(request):
    if request.path.startswith(("/admin/", "/django-admin/")):
        return {}
    site = Site.find_for_request(request)
    if site is None:
        return {"main_navigation": [], "footer_navigation": [], "privacy_url": ""}
    menu, footer, privacy = _navigation(site)
    return {"main_navigation": menu, "footer_navigation": footer, "current_site": site,
            "privacy_url": privacy}  # fmt: skip
