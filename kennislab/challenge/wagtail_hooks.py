"""Back office for the challenge (Wagtail admin, menu "30DagenGezonder"): participants and teams
as read-only lists with filters and export (`view` permission; staff without it see nothing),
and the support messages as snippets that editors write per day and theme."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from kennislab.core.admin_display import Field, Section, WhenColumn
from kennislab.core.admin_views import (
    ProjectSnippetViewSet,
    RecordIndexView,
    RecordInspectView,
    RecordViewSet,
)
from kennislab.core.permissions import ReadOnlyPermissionPolicy

from .models import Participant, Status, SupportMessage, Team

register_permission_policy(Participant, ReadOnlyPermissionPolicy(Participant))
register_permission_policy(Team, ReadOnlyPermissionPolicy(Team))


class ParticipantIndexView(RecordIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page", "team")


class ParticipantInspectView(RecordInspectView):
    """A participant: the personal goal is health data (special category): shown to staff with
    the view permission only, never exported with more than the list."""

    sections = [
        Section(_("Deelname"), ["page", "status", "theme", Field("goal", kind="text"),
                                "participation", "team", "created_at", "confirmed_at"]),
        Section(_("Deelnemer"), ["name", Field("email", kind="email"), "province"]),
        Section(_("Steunberichten"), ["subscribed", "unsubscribed_at"]),
        Section(_("Toestemming"), [Field("consent_text", label=_("Toestemming gegeven met")),
                                   "impact_consent"]),
    ]  # fmt: skip

    def get_queryset(self):
        return Participant.objects.select_related("page", "team")


def confirmed_members(team) -> list[str]:
    return [member.name for member in team.members.filter(status=Status.CONFIRMED)
            .order_by("created_at")]  # fmt: skip


class TeamInspectView(RecordInspectView):
    sections = [
        Section(_("Team"), [
            "name", "page", "code", "created_at",
            Field("members", label=_("Bevestigde deelnemers"), value=confirmed_members),
        ]),
    ]  # fmt: skip


class TeamIndexView(RecordIndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("page")
            .annotate(member_count=Count("members", filter=Q(members__status=Status.CONFIRMED)))
        )


class ParticipantViewSet(RecordViewSet):
    model = Participant
    icon = "user"
    menu_label = _("Deelnemers")
    menu_order = 100
    list_display = [
        "name",
        Column("page", label=_("Editie"), accessor="page.title"),
        Column("theme", label=_("Thema"), accessor="get_theme_display"),
        StatusTagColumn(
            "get_status_display", label=_("Status"),
            primary=lambda participant: participant.status == Status.CONFIRMED,
        ),
        Column("team", label=_("Team"), accessor="team"),
        Column("subscribed", label=_("Berichten")),
        WhenColumn("created_at", label=_("Aangemeld"), sort_key="created_at"),
    ]  # fmt: skip
    list_filter = ["page", "theme", "status", "subscribed", "province"]
    search_fields = ["name", "email"]
    inspect_view_class = ParticipantInspectView
    list_export = ["page.title", "name", "email", "get_province_display", "get_theme_display",
                   "get_status_display", "team", "subscribed", "created_at"]  # fmt: skip
    export_headings = {
        "page.title": _("Editie"),
        "name": _("Naam"),
        "email": _("E-mailadres"),
        "get_province_display": _("Provincie"),
        "get_theme_display": _("Thema"),
        "get_status_display": _("Status"),
        "team": _("Team"),
        "subscribed": _("Ontvangt steunberichten"),
        "created_at": _("Aangemeld op"),
    }
    export_filename = "deelnemers-30dagengezonder"
    permission_codenames = ("view_participant",)

    index_view_class = ParticipantIndexView


class TeamViewSet(RecordViewSet):
    model = Team
    icon = "group"
    menu_label = _("Teams")
    menu_order = 200
    inspect_view_class = TeamInspectView
    list_display = [
        "name",
        Column("page", label=_("Editie"), accessor="page.title"),
        "code",
        Column("member_count", label=_("Bevestigde deelnemers")),
        WhenColumn("created_at", label=_("Gestart"), sort_key="created_at"),
    ]
    list_filter = ["page"]
    search_fields = ["name", "code"]
    list_export = ["page.title", "name", "code", "member_count", "created_at"]
    export_headings = {
        "page.title": _("Editie"),
        "name": _("Teamnaam"),
        "code": _("Teamcode"),
        "member_count": _("Bevestigde deelnemers"),
        "created_at": _("Gestart op"),
    }
    export_filename = "teams-30dagengezonder"
    permission_codenames = ("view_team",)

    index_view_class = TeamIndexView


class ChallengeGroup(ModelViewSetGroup):
    menu_label = _("30DagenGezonder")
    submenu_hook = "register_challenge_menu_item"
    menu_icon = "date"
    menu_order = 280
    items = (ParticipantViewSet("uitdaging-deelnemers"), TeamViewSet("uitdaging-teams"))


@hooks.register("register_admin_viewset")
def register_viewsets():
    return ChallengeGroup()


class SupportMessageViewSet(ProjectSnippetViewSet):
    model = SupportMessage
    icon = "mail"
    menu_label = _("Steunberichten")
    add_to_admin_menu = True
    menu_hook = "register_challenge_menu_item"  # in the 30DagenGezonder menu
    menu_order = 300
    list_display = ["__str__", "day", "theme", "subject"]
    list_filter = ["day", "theme"]
    search_fields = ["subject", "body"]
    ordering = ["day", "theme"]


register_snippet(SupportMessageViewSet)
