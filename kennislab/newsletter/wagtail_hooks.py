"""Back office for the newsletter (Wagtail admin, menu "Nieuwsbrief"): a read-only list of
subscribers with filters (status, theme) and search, and an export to CSV and Excel.

* The list never shows a pending sign-up (SubscriberQuerySet.listed); the export only ever has
  confirmed subscribers (SubscriberQuerySet.confirmed), whatever the filters say.
* `view_subscriber` shows the list; `export_subscribers` adds the export. Staff without the view
  permission see no menu item and get no list.
"""

from __future__ import annotations

import django_filters
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy

from kennislab.content.models import Theme
from kennislab.core.admin_display import Field, Section, WhenColumn
from kennislab.core.admin_views import RecordIndexView, RecordInspectView, RecordViewSet
from kennislab.core.permissions import ReadOnlyPermissionPolicy

from .models import MAX_HARD_BOUNCES, NewsletterIndexPage, NewsletterIssuePage, Status, Subscriber

register_permission_policy(Subscriber, ReadOnlyPermissionPolicy(Subscriber))

EXPORT_PERMISSION = "newsletter.export_subscribers"


class SubscriberFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[
            (Status.CONFIRMED, Status.CONFIRMED.label),
            (Status.UNSUBSCRIBED, Status.UNSUBSCRIBED.label),
        ],
        empty_label=_("Alle"),
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Thema (ook wie alle thema's wil)"),
        queryset=Theme.objects.order_by("sort_order", "name"),
        method="filter_theme",
        empty_label=_("Alle"),
    )

    class Meta:
        model = Subscriber
        fields = ["status"]

    def filter_theme(self, queryset, name, value):
        return queryset.interested_in(value) if value else queryset


class SubscriberIndexView(RecordIndexView):
    """Exports hold local times and neutralised text (RecordIndexView); only confirmed
    subscribers are ever exported."""

    def get_base_queryset(self):
        queryset = Subscriber.objects.confirmed() if self.is_export else Subscriber.objects.listed()
        return queryset.prefetch_related("themes").order_by("-confirmed_at", "-pk")

    @cached_property
    def can_export(self) -> bool:
        return self.request.user.has_perm(EXPORT_PERMISSION)

    @cached_property
    def show_export_buttons(self):
        return self.can_export and super().show_export_buttons

    def get(self, request, *args, **kwargs):
        if self.is_export and not self.can_export:
            raise PermissionDenied
        return super().get(request, *args, **kwargs)


class SubscriberInspectView(RecordInspectView):
    sections = [
        Section(_("Abonnee"), [
            Field("email", label=_("E-mailadres"), value=str), "name",
            Field("themes", label=_("Thema's"), value=lambda s: s.theme_names()),
        ]),
        Section(_("Aanmelding"), ["status", "created_at", "confirmed_at", "unsubscribed_at"]),
        Section(_("Bezorging"), [
            Field("hard_bounces", label=_("Harde bounces op rij"),
                  value=lambda s: (gettext("%(n)s – krijgt geen nieuwsbrieven meer")
                                   % {"n": s.hard_bounces}) if s.hard_bounces >= MAX_HARD_BOUNCES
                  else str(s.hard_bounces)),
            "last_bounce_at",
        ]),
        Section(_("Toestemming"), [Field("consent_text", label=_("Toestemming gegeven met"))]),
    ]  # fmt: skip

    def get_queryset(self):
        # never a pending sign-up: the list does not show them either
        return Subscriber.objects.listed().prefetch_related("themes")


class SubscriberViewSet(RecordViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = _("Nieuwsbrief")
    menu_order = 290
    add_to_admin_menu = True
    index_view_class = SubscriberIndexView
    inspect_view_class = SubscriberInspectView
    filterset_class = SubscriberFilterSet
    list_display = [
        Column("email", label=_("E-mailadres"), accessor="__str__"),
        "name",
        Column("themes", label=_("Thema's"), accessor="theme_names"),
        StatusTagColumn(
            "get_status_display", label=_("Status"),
            primary=lambda subscriber: subscriber.status == Status.CONFIRMED,
        ),
        WhenColumn("confirmed_at", label=_("Bevestigd"), sort_key="confirmed_at"),
        WhenColumn("unsubscribed_at", label=_("Afgemeld"), sort_key="unsubscribed_at"),
    ]  # fmt: skip
    search_fields = ["email", "name"]
    list_export = ["email", "name", "theme_names", "confirmed_at"]
    export_headings = {
        "email": _("E-mailadres"),
        "name": _("Naam"),
        "theme_names": _("Thema's"),
        "confirmed_at": _("Bevestigd op"),
    }
    export_filename = "nieuwsbriefabonnees"
    permission_codenames = ("view_subscriber", "export_subscribers")

    def get_permissions_to_register(self):
        content_type = ContentType.objects.get_for_model(self.model)
        return Permission.objects.filter(
            content_type=content_type, codename__in=self.permission_codenames
        )


@hooks.register("register_admin_viewset")
def register_viewsets():
    return SubscriberViewSet("nieuwsbrief-abonnees")


# --- issues ------------------------------------------------------------------------------------


def issues_view(request):
    """ "Nieuwsbrieven": the issues in the page explorer (or where to make the first)."""
    index = NewsletterIndexPage.objects.first()
    if index is None:
        return redirect("wagtailadmin_explore_root")
    return redirect("wagtailadmin_explore", index.pk)


@hooks.register("register_admin_urls")
def register_issue_urls():
    from . import admin_views

    return [
        path("nieuwsbrieven/", issues_view, name="newsletter_issues"),
        path("nieuwsbrieven/<int:page_id>/versturen/", admin_views.send_view,
             name="newsletter_send"),
        path("nieuwsbrieven/<int:page_id>/aanvullen/", admin_views.fill_view,
             name="newsletter_fill"),
    ]  # fmt: skip


class IssuesMenuItem(MenuItem):
    """Shown to staff who may write issues (add or edit pages under the newsletter index)."""

    def is_shown(self, request):
        index = NewsletterIndexPage.objects.first()
        if index is None:
            return request.user.is_superuser
        permissions = index.permissions_for_user(request.user)
        return permissions.can_add_subpage() or permissions.can_edit()


@hooks.register("register_admin_menu_item")
def register_issues_menu_item():
    return IssuesMenuItem(
        _("Nieuwsbrieven versturen"), reverse("newsletter_issues"), icon_name="mail",
        order=289,
    )  # fmt: skip


@hooks.register("register_page_header_buttons")
def issue_header_buttons(page, user, view_name, next_url=None):
    if not isinstance(page.specific_deferred, NewsletterIssuePage):
        return
    if not page.permissions_for_user(user).can_publish():
        return
    yield Button(_("Versturen"), reverse("newsletter_send", args=[page.pk]), icon_name="mail",
                 priority=5)  # fmt: skip
    yield Button(_("Vul aan met wat nieuw is"), reverse("newsletter_fill", args=[page.pk]),
                 icon_name="plus", priority=6)  # fmt: skip


@hooks.register("register_log_actions")
def register_newsletter_log_actions(actions):
    from . import sending

    actions.register_action(sending.SCHEDULED, _("Nieuwsbrief ingepland"),
                            _("Nieuwsbrief ingepland om te versturen"))  # fmt: skip
    actions.register_action(sending.CANCELLED, _("Inplannen geannuleerd"),
                            _("Inplannen van de nieuwsbrief geannuleerd"))  # fmt: skip
    actions.register_action(sending.SENT, _("Nieuwsbrief verstuurd"),
                            _("Nieuwsbrief aan alle abonnees verstuurd"))  # fmt: skip
    actions.register_action(sending.TEST_SENT, _("Test verstuurd"),
                            _("Test van de nieuwsbrief verstuurd"))  # fmt: skip
