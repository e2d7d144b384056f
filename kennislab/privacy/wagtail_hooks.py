"""Back office for privacy: the page Persoonsgegevens (views.py) with its menu item, the access
log "Inzagelogboek" (read only, in the Reports menu, filterable on one address by its hash), and
the hooks that put staff looking at and exporting personal data elsewhere on record."""

import django_filters
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.permissions import register_permission_policy

from kennislab.core import display
from kennislab.core.admin_display import Field, Section
from kennislab.core.admin_views import (
    LIST_EXPORTED,
    RECORD_VIEWED,
    RecordIndexView,
    RecordInspectView,
    RecordViewSet,
)
from kennislab.core.permissions import ReadOnlyPermissionPolicy

from . import views
from .models import AccessEvent

register_permission_policy(AccessEvent, ReadOnlyPermissionPolicy(AccessEvent))


# --- Persoonsgegevens -------------------------------------------------------------------------


@hooks.register("register_admin_urls")
def register_personal_data_urls():
    return [
        path("persoonsgegevens/", views.PersonalDataView.as_view(), name="privacy_personal_data"),
        path("persoonsgegevens/downloaden/", views.ExportView.as_view(), name="privacy_export"),
        path("persoonsgegevens/wissen/", views.EraseView.as_view(), name="privacy_erase"),
        path("persoonsgegevens/verzoeken/<int:pk>/afgehandeld/",
             views.RequestHandledView.as_view(), name="privacy_request_handled"),
        path("persoonsgegevens/logboek-adres/", views.LogAddressView.as_view(),
             name="privacy_log_address"),
    ]  # fmt: skip


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.PERMISSION)


@hooks.register("register_admin_menu_item")
def register_personal_data_menu_item():
    return PersonalDataMenuItem(
        _("Persoonsgegevens"), reverse("privacy_personal_data"), icon_name="lock",
        name="persoonsgegevens", order=800,
    )  # fmt: skip


# --- the access log ------------------------------------------------------------------------


class AccessEventFilterSet(WagtailFilterSet):
    action = django_filters.ChoiceFilter(label=_("Handeling"), choices=AccessEvent.Action.choices,
                                         empty_label=_("Alle"))  # fmt: skip
    at = django_filters.DateFromToRangeFilter(label=_("Datum"), widget=DateRangePickerWidget)
    adres = django_filters.CharFilter(
        field_name="address_hash", label=_("Adres (versleuteld)"),
        help_text=_("Vul het e-mailadres in bij ‘Adres controleren’: hier staat het versleuteld."),
    )  # fmt: skip

    class Meta:
        model = AccessEvent
        fields = []


class AccessEventIndexView(RecordIndexView):
    template_name = "privacy/admin/access_log_index.html"
    default_ordering = "-at"


class AccessEventInspectView(RecordInspectView):
    sections = [
        Section(_("Inzage"), [
            "at", "user_label", "action", "what",
            Field("object_id", label=_("Record (id)"), hide_empty=True),
            "rows",
            Field("reason", kind="text", hide_empty=True),
            Field("address_hash", label=_("Op één e-mailadres"),
                  value=lambda event: bool(event.address_hash)),
        ]),
    ]  # fmt: skip


class AccessEventViewSet(RecordViewSet):
    """Who looked at, exported or erased personal data, when, how many records and why (AVG
    art. 32). The privacy officer reads it; nobody changes it."""

    model = AccessEvent
    icon = "history"
    menu_label = _("Inzagelogboek")
    menu_hook = "register_reports_menu_item"
    menu_order = 950
    index_view_class = AccessEventIndexView
    inspect_view_class = AccessEventInspectView
    list_display = [
        Column("at", label=_("Moment"), sort_key="at",
               accessor=lambda event: display.short_moment(event.at)),
        Column("user_label", label=_("Door")),
        Column("action", label=_("Handeling"), accessor="get_action_display"),
        Column("what", label=_("Wat")),
        Column("rows", label=_("Rijen")),
        Column("reason", label=_("Reden")),
    ]  # fmt: skip
    filterset_class = AccessEventFilterSet
    search_fields = ["user_label", "what", "reason"]
    list_export = ["at", "user_label", "get_action_display", "what", "object_id", "rows",
                   "reason"]  # fmt: skip
    export_headings = {"get_action_display": _("Handeling")}
    export_filename = "inzagelogboek"
    permission_codenames = ("view_accessevent", "manage_personal_data")


@hooks.register("register_admin_viewset")
def register_access_log():
    return AccessEventViewSet("inzagelogboek")


# --- on record: what staff look at and export elsewhere ----------------------------------------


@hooks.register(RECORD_VIEWED)
def record_viewed(request, instance):
    views.record_viewed(request.user, instance)


@hooks.register(LIST_EXPORTED)
def list_exported(request, model, rows, spreadsheet_format):
    views.list_exported(request.user, model, rows, spreadsheet_format)
