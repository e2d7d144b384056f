"""Back office (Wagtail admin, menu "Vragen"): questions and interest registrations with filters,
search, export and an inspect view with the answer or decision form; learning communities and the
routing table (theme → adviser) as snippets.

Who sees which question: staff with `view_question` see every question; staff with only
`answer_question` (the advisers) see the questions assigned to them ("Mijn vragen"). Answering
needs `answer_question` and a question one can see. Interest registrations: `view_interest…` to
see, `handle_interest` to decide."""

from __future__ import annotations

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from kennislab.core.admin_views import ActionInspectView, RecordViewSet
from kennislab.core.permissions import ReadOnlyPermissionPolicy

from . import services
from .models import (
    AdviserRoute,
    InterestRegistration,
    InterestStatus,
    LearningCommunity,
    Question,
    QuestionStatus,
)


def sees_all_questions(user) -> bool:
    return user.is_active and user.has_perm("questions.view_question")


def may_answer(user) -> bool:
    return user.is_active and user.has_perm("questions.answer_question")


def visible_questions(user):
    questions = Question.objects.select_related("theme", "assigned_to")
    if sees_all_questions(user):
        return questions
    if may_answer(user):
        return questions.filter(assigned_to=user)
    return questions.none()


class QuestionPermissionPolicy(ReadOnlyPermissionPolicy):
    """Read-only; advisers with only `answer_question` may open the list too (it then shows
    the questions assigned to them)."""

    def user_has_permission(self, user, action):
        if action == "view" and may_answer(user):
            return True
        return super().user_has_permission(user, action)


register_permission_policy(Question, QuestionPermissionPolicy(Question))
register_permission_policy(InterestRegistration, ReadOnlyPermissionPolicy(InterestRegistration))


# --- questions ----------------------------------------------------------------------------------


class QuestionFilterSet(WagtailFilterSet):
    mine = django_filters.ChoiceFilter(
        label=_("Toegewezen aan"),
        choices=[("mij", _("mij")), ("niemand", _("niemand (algemene inbox)"))],
        method="filter_mine",
        empty_label=_("iedereen"),
    )

    class Meta:
        model = Question
        fields = ["theme", "status", "mine"]

    def filter_mine(self, queryset, name, value):
        if value == "mij":
            return queryset.filter(assigned_to=self.request.user)
        if value == "niemand":
            return queryset.filter(assigned_to__isnull=True)
        return queryset


class QuestionIndexView(IndexView):
    def get_base_queryset(self):
        return visible_questions(self.request.user)


class AnswerForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Besluit"), widget=forms.RadioSelect,
        choices=[("answer", _("Beantwoorden (het antwoord gaat per e-mail naar de vraagsteller)")),
                 ("close", _("Sluiten zonder antwoord (met een toelichting)"))],
        error_messages={"required": _("Kies beantwoorden of sluiten.")},
    )  # fmt: skip
    text = forms.CharField(
        label=_("Antwoord of toelichting"), max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Gaat per e-mail naar de vraagsteller en komt in het logboek."),
        error_messages={"required": _("Schrijf het antwoord of de toelichting voor de "
                                      "vraagsteller.")},
    )  # fmt: skip


class QuestionInspectView(ActionInspectView):
    template_name = "questions/admin/inspect.html"
    form_context_name = "action_form"
    refusals = (services.Refused,)
    fields = ["reference", "theme", "status", "assigned_to", "name", "email", "organisation",
              "phone", "question", "answer", "created_at", "updated_at",
              "consent_text"]  # fmt: skip

    def get_object(self, queryset=None):
        found = visible_questions(self.request.user).filter(pk=self.pk).first()
        if found is None:
            if Question.objects.filter(pk=self.pk).exists() and may_answer(self.request.user):
                raise PermissionDenied  # someone else's question
            raise Http404
        return found

    def can_act(self) -> bool:
        return may_answer(self.request.user)

    def action_form(self, data=None):
        return AnswerForm(data)

    def offered(self, form) -> bool:
        return self.object.status == QuestionStatus.OPEN

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["events"] = self.object.events.select_related("actor")
        context["history_title"] = _t("Geschiedenis")
        context["action_title"] = _t("Beantwoorden")
        context["submit_label"] = _t("Opslaan en de vraagsteller mailen")
        return context

    def act(self, form) -> str:
        action = form.cleaned_data["action"]
        services.answer_question(self.object.pk, action, form.cleaned_data["text"],
                                 self.request.user)  # fmt: skip
        if action == "answer":
            return _t("Vraag %(reference)s is beantwoord.") % {"reference": self.object.reference}
        return _t("Vraag %(reference)s is gesloten.") % {"reference": self.object.reference}


class QuestionViewSet(RecordViewSet):
    model = Question
    icon = "help"
    menu_label = _("Vragen")
    menu_order = 100
    index_view_class = QuestionIndexView
    inspect_view_class = QuestionInspectView
    filterset_class = QuestionFilterSet
    list_display = [
        Column("reference", label=_("Nummer")),
        Column("theme", label=_("Thema"), accessor="theme.name"),
        "name",
        StatusTagColumn("get_status_display", label=_("Status"),
                        primary=lambda question: question.status == QuestionStatus.OPEN),
        Column("assigned_to", label=_("Toegewezen aan"),
               accessor=lambda q: q.assigned_to.get_username() if q.assigned_to else "–"),
        DateColumn("created_at", label=_("Gesteld")),
    ]  # fmt: skip
    search_fields = ["name", "email", "organisation", "question"]
    ordering = ["status", "-created_at"]
    list_export = ["reference", "theme.name", "name", "email", "organisation", "phone",
                   "question", "get_status_display", "assigned_to", "answer",
                   "created_at"]  # fmt: skip
    export_headings = {
        "reference": _("Nummer"),
        "theme.name": _("Thema"),
        "name": _("Naam"),
        "email": _("E-mailadres"),
        "organisation": _("Organisatie"),
        "phone": _("Telefoon"),
        "question": _("Vraag"),
        "get_status_display": _("Status"),
        "assigned_to": _("Toegewezen aan"),
        "answer": _("Antwoord of toelichting"),
        "created_at": _("Gesteld op"),
    }
    export_filename = "vragen"
    permission_codenames = ("view_question", "answer_question")


# --- interest registrations ---------------------------------------------------------------------


class DecisionForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Besluit"), widget=forms.RadioSelect,
        error_messages={"required": _("Kies een besluit.")},
    )  # fmt: skip
    note = forms.CharField(
        label=_("Bericht aan de aanmelder"), max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Gaat per e-mail naar de aanmelder en komt in het logboek."),
        error_messages={"required": _("Schrijf een bericht aan de aanmelder.")},
    )  # fmt: skip

    def __init__(self, *args, status, **kwargs):
        super().__init__(*args, **kwargs)
        labels = {"contact": _("Contact opgenomen"), "decline": _("Past niet")}
        self.fields["action"].choices = [
            (action, labels[action])
            for action, (sources, _target) in services.INTEREST_STEPS.items()
            if status in sources
        ]


class InterestInspectView(ActionInspectView):
    template_name = "questions/admin/inspect.html"
    form_context_name = "action_form"
    refusals = (services.Refused,)
    fields = ["community", "status", "name", "email", "organisation", "role", "motivation",
              "note", "assigned_to", "created_at", "updated_at", "consent_text"]  # fmt: skip

    def can_act(self) -> bool:
        user = self.request.user
        return user.is_active and user.has_perm("questions.handle_interest")

    def action_form(self, data=None):
        return DecisionForm(data, status=self.object.status)

    def offered(self, form) -> bool:
        return bool(form.fields["action"].choices)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["events"] = self.object.events.select_related("actor")
        context["history_title"] = _t("Geschiedenis")
        context["action_title"] = _t("Afhandelen")
        context["submit_label"] = _t("Opslaan en de aanmelder mailen")
        return context

    def act(self, form) -> str:
        services.handle_interest(self.object.pk, form.cleaned_data["action"],
                                 form.cleaned_data["note"], self.request.user)  # fmt: skip
        return _t("De aanmelding van %(name)s is bijgewerkt.") % {"name": self.object.name}


class InterestViewSet(RecordViewSet):
    model = InterestRegistration
    icon = "group"
    menu_label = _("Interesse-aanmeldingen")
    menu_order = 200
    inspect_view_class = InterestInspectView
    list_display = [
        "name",
        Column("community", label=_("Leergemeenschap"), accessor="community.name"),
        "organisation",
        StatusTagColumn("get_status_display", label=_("Status"),
                        primary=lambda r: r.status == InterestStatus.NEW),
        DateColumn("created_at", label=_("Aangemeld")),
    ]  # fmt: skip
    list_filter = ["community", "status"]
    search_fields = ["name", "email", "organisation"]
    ordering = ["status", "-created_at"]
    list_export = ["community.name", "name", "email", "organisation", "role", "motivation",
                   "get_status_display", "note", "created_at"]  # fmt: skip
    export_headings = {
        "community.name": _("Leergemeenschap"),
        "name": _("Naam"),
        "email": _("E-mailadres"),
        "organisation": _("Organisatie"),
        "role": _("Functie of rol"),
        "motivation": _("Motivatie"),
        "get_status_display": _("Status"),
        "note": _("Laatste bericht"),
        "created_at": _("Aangemeld op"),
    }
    export_filename = "interesse-aanmeldingen"
    permission_codenames = ("view_interestregistration", "handle_interest")


class QuestionsGroup(ModelViewSetGroup):
    menu_label = _("Vragen")
    menu_icon = "help"
    menu_order = 280
    submenu_hook = "register_questions_menu_item"
    items = (
        QuestionViewSet("vragen", url_namespace="questions_admin"),
        InterestViewSet("interesse", url_namespace="questions_interest_admin"),
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    return QuestionsGroup()


class MyQuestionsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_answer(request.user)


@hooks.register("register_questions_menu_item")
def my_questions_menu_item():
    return MyQuestionsMenuItem(
        _("Mijn vragen"), reverse("questions_admin:index") + "?mine=mij&status=open",
        icon_name="user", order=0,
    )  # fmt: skip


# --- snippets -----------------------------------------------------------------------------------


class LearningCommunityViewSet(SnippetViewSet):
    model = LearningCommunity
    icon = "group"
    list_display = ["name", "slug", "is_open"]
    search_fields = ["name"]


class AdviserRouteViewSet(SnippetViewSet):
    model = AdviserRoute
    icon = "resubmit"
    list_display = [Column("theme", label=_("Thema"), accessor="theme.name"),
                    Column("adviser", label=_("Netwerkadviseur"),
                           accessor=lambda r: r.adviser.get_username())]  # fmt: skip


register_snippet(LearningCommunityViewSet)
register_snippet(AdviserRouteViewSet)
