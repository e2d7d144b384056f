"""The page tree every installation needs: a home page that is the site root and the Kennislab
index beneath it. Used by the importer and the demo loader; safe to call repeatedly."""

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from .models import HomePage, KennislabIndexPage

DEFAULT_INDEX_INTRO = (
    "Vind relevante kennis, tools, naslagwerken en leerervaringen uit ons netwerk."
)


@transaction.atomic
def ensure_home() -> HomePage:
    home = HomePage.objects.first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    # Wagtail's installation leaves a plain "Welcome" page as the site root, under slug "home".
    placeholders = [
        page
        for page in root.get_children().filter(
            content_type__model="page", content_type__app_label="wagtailcore"
        )
        if page.get_children_count() == 0
    ]
    home = root.add_child(
        instance=HomePage(
            title=_("Kennislab"),
            slug="kennislab-home",
            seo_title=_("Kennislab – kennis en leerervaringen uit ons netwerk"),
        )
    )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Kennislab",
        )
    else:
        site.root_page = home
        site.site_name = site.site_name or "Kennislab"
        site.save()
    for placeholder in placeholders:
        placeholder.delete()
    if not root.get_children().filter(slug="home").exists():
        home.slug = "home"
        home.save_revision().publish()
        home = HomePage.objects.get(pk=home.pk)  # publish() saved a fresh copy (url_path)
    return home


@transaction.atomic
def ensure_kennislab_index() -> KennislabIndexPage:
    index = KennislabIndexPage.objects.first()
    if index is None:
        home = ensure_home()
        index = home.add_child(
            instance=KennislabIndexPage(
                title=_("Kennislab"),
                slug="kennislab",
                show_in_menus=True,
                intro=DEFAULT_INDEX_INTRO,
            )
        )
    return index
