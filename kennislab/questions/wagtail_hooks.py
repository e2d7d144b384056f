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
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from kennislab.core import terms
from kennislab.core.admin_display import Field, Section, WhenColumn
from kennislab.core.admin_views import (
    ActionInspectView,
    ProjectSnippetViewSet,
    RecordIndexView,
    RecordViewSet,
    decided_message,
)
from kennislab.core.permissions import ReadOnlyPermissionPolicy
from kennislab.core.terms import describe_term

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


class QuestionIndexView(RecordIndexView):
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


def question_deadline(question):
    if question.status != QuestionStatus.OPEN:
        return None
    return describe_term(terms.term_of("question", question.created_at))


class QuestionInspectView(ActionInspectView):
    form_context_name = "action_form"
    refusals = (services.Refused,)
    action_title = _("Beantwoorden")
    submit_label = _("Opslaan en de vraagsteller mailen")
    sections = [
        Section(_("Vraag"), [
            Field("reference", label=_("Nummer")), "theme", "status",
            Field("deadline", label=_("Antwoord uiterlijk"), value=question_deadline,
                  kind="html", hide_empty=True),
            Field("question", kind="text"), "assigned_to", "created_at",
        ]),
        Section(_("Vraagsteller"), ["name", Field("email", kind="email"), "organisation",
                                    "phone"]),
        Section(_("Antwoord"), [Field("answer", kind="text"), "updated_at"]),
        Section(_("Toestemming"), [Field("consent_text", label=_("Toestemming gegeven met"))]),
    ]  # fmt: skip

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

    def act(self, form) -> str:
        action = form.cleaned_data["action"]
        services.answer_question(self.object.pk, action, form.cleaned_data["text"],
                                 self.request.user, expected_status=self.seen)  # fmt: skip
        if action == "answer":
            return _t("Vraag %(reference)s is beantwoord; het antwoord is naar de vraagsteller "
                      "gemaild.") % {"reference": self.object.reference}  # fmt: skip
        return _t("Vraag %(reference)s is gesloten; de vraagsteller krijgt je toelichting per "
                  "e-mail.") % {"reference": self.object.reference}  # fmt: skip


class QuestionViewSet(RecordViewSet):
    model = Question
    icon = "help"
    menu_label = _("Alle vragen")
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
        Column("deadline", label=_("Antwoord uiterlijk"), accessor=question_deadline),
        Column("assigned_to", label=_("Toegewezen aan"), accessor="assigned_to"),
        WhenColumn("created_at", label=_("Gesteld"), sort_key="created_at"),
    ]  # fmt: skip
    search_fields = ["name", "email", "organisation", "question"]
    ordering = ["status", "-created_at"]
    list_export = ["reference", "theme.name", "name", "email", "organisation", "phone",
                   "get_status_display", "assigned_to", "created_at"]  # fmt: skip
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


def interest_deadline(registration):
    if registration.status != InterestStatus.NEW:
        return None
    return describe_term(terms.term_of("interest", registration.created_at))


class InterestInspectView(ActionInspectView):
    form_context_name = "action_form"
    refusals = (services.Refused,)
    action_title = _("Afhandelen")
    submit_label = _("Opslaan en de aanmelder mailen")
    sections = [
        Section(_("Aanmelding"), [
            "community", "status",
            Field("deadline", label=_("Reactie uiterlijk"), value=interest_deadline, kind="html",
                  hide_empty=True),
            "assigned_to", "created_at", "updated_at",
        ]),
        Section(_("Aanmelder"), ["name", Field("email", kind="email"), "organisation", "role",
                                 Field("motivation", kind="text")]),
        Section(_("Laatste bericht"), [Field("note", kind="text")]),
        Section(_("Toestemming"), [Field("consent_text", label=_("Toestemming gegeven met"))]),
    ]  # fmt: skip

    def can_act(self) -> bool:
        user = self.request.user
        return user.is_active and user.has_perm("questions.handle_interest")

    def action_form(self, data=None):
        return DecisionForm(data, status=self.object.status)

    def offered(self, form) -> bool:
        return bool(form.fields["action"].choices)

    def act(self, form) -> str:
        registration = services.handle_interest(
            self.object.pk, form.cleaned_data["action"], form.cleaned_data["note"],
            self.request.user, expected_status=self.seen)  # fmt: skip
        return decided_message(str(registration), registration.get_status_display(),
                               _t("De aanmelder"))  # fmt: skip


class InterestViewSet(RecordViewSet):
    model = InterestRegistration
    icon = "group"
    menu_label = _("Interesse")
    menu_order = 200
    inspect_view_class = InterestInspectView
    list_display = [
        "name",
        Column("community", label=_("Leergemeenschap"), accessor="community.name"),
        "organisation",
        StatusTagColumn("get_status_display", label=_("Status"),
                        primary=lambda r: r.status == InterestStatus.NEW),
        Column("deadline", label=_("Reactie uiterlijk"), accessor=interest_deadline),
        WhenColumn("created_at", label=_("Aangemeld"), sort_key="created_at"),
    ]  # fmt: skip
    list_filter = ["community", "status"]
    search_fields = ["name", "email", "organisation"]
    ordering = ["status", "-created_at"]
    list_export = ["community.name", "name", "email", "organisation", "role",
                   "get_status_display", "created_at"]  # fmt: skip
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
    menu_label = _("Vragen en interesse")
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


class LearningCommunityViewSet(ProjectSnippetViewSet):
    model = LearningCommunity
    icon = "group"
    menu_label = _("Leergemeenschappen")
    add_to_admin_menu = True
    menu_hook = "register_questions_menu_item"  # in the "Vragen en interesse" menu
    menu_order = 300
    list_display = ["name", "slug", "is_open"]
    search_fields = ["name"]


class AdviserRouteViewSet(ProjectSnippetViewSet):
    model = AdviserRoute
    icon = "resubmit"
    menu_label = _("Vraagroutes")
    add_to_admin_menu = True
    menu_hook = "register_questions_menu_item"
    menu_order = 310
    list_display = [Column("theme", label=_("Thema"), accessor="theme.name"),
                    Column("adviser", label=_("Netwerkadviseur"),
                           accessor=lambda r: r.adviser.get_username())]  # fmt: skip


register_snippet(LearningCommunityViewSet)
register_snippet(AdviserRouteViewSet)
