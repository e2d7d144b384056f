from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from kennislab.core.admin_views import ProjectSnippetViewSet

from .models import Person, Theme


class ThemeViewSet(ProjectSnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Thema's")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class PersonViewSet(ProjectSnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("Contactpersonen")
    list_display = ["name", "role", "organisation", "is_adviser"]
    list_filter = ["is_adviser", "themes"]
    search_fields = ["name", "role", "organisation"]


class NetworkGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, PersonViewSet)
    menu_icon = "group"
    menu_label = _("Thema's en contacten")
    menu_name = "themes-and-contacts"


register_snippet(NetworkGroup)
