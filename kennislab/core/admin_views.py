"""Admin views shared by the capabilities."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet

from . import inbox
from .admin_display import Section, ValueColumn, WhenColumn, export_value, sections_of
from .workflow import Stale, ensure_unchanged

# Hooks the shared admin views call, so another app can record what staff looked at or exported
# without each listing or detail page knowing about it (the privacy app's access log):
# RECORD_VIEWED(request, instance) after a detail page was shown (GET), and
# LIST_EXPORTED(request, model, rows, format) before a listing is sent as CSV or XLSX.
RECORD_VIEWED = "kennislab_record_viewed"
LIST_EXPORTED = "kennislab_list_exported"


class RecordInspectView(InspectView):
    """A record's detail page in plain Dutch: `sections` of labelled values
    (core/admin_display.py), in the order a staff member needs them, and the record's history
    when `history()` returns its audit events. Nothing internal is shown: only what the sections
    name."""

    template_name = "core/admin/record_inspect.html"
    sections: list[Section] = []

    def get_queryset(self):
        return self.model._default_manager.all()

    def get_object(self, queryset=None):
        return get_object_or_404(self.get_queryset(), pk=unquote(str(self.pk)))

    def get_fields(self):
        return []  # the sections say what is shown (never "every field of the model")

    def get_sections(self) -> list[Section]:
        return self.sections

    def history(self):
        """The record's audit events (oldest first), or None when it keeps no history."""
        events = getattr(self.object, "events", None)
        return events.select_related("actor") if events is not None else None

    def notices(self) -> list[str]:
        """Short Dutch sentences shown above the details (e.g. what is still missing)."""
        return []

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        for announce in hooks.get_hooks(RECORD_VIEWED):
            announce(request, self.object)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = sections_of(self.object, self.get_sections())
        history = self.history()
        context["history"] = None if history is None else list(history)
        context["history_steps"] = any(event.step_label for event in context["history"] or [])
        context["notices"] = self.notices()
        return context


class ActionInspectView(RecordInspectView):
    """A detail page with one action form below the details (a decision, a workflow step,
    revoking). Subclasses say who may act, which form, and what acting does:

    * `can_act()`: whether the user may use the form (else it is not shown, and a POST is 403);
    * `action_form(data=None)`: the form; `offered(form)` whether to show it (not when nothing
      can be done any more — a POST then still gets the form's errors, with status 400);
    * `act(form)`: do it and return the success message (a Dutch sentence); raise one of
      `refusals` (a Dutch message) to show it on the form instead.

    The form carries the record's state as the page showed it (`seen_state()`, hidden field
    "gezien"). A POST from a page that no longer matches the record — someone else decided
    meanwhile — is refused with a Dutch message (status 409) and changes nothing; `act()` passes
    `self.seen` to its service, which checks it again under its lock
    (core.workflow.ensure_unchanged), so two decisions at once cannot both pass.
    """

    form_context_name = "action_form"
    refusals: tuple[type[Exception], ...] = ()
    action_title = _lazy("Besluit")
    action_intro = ""
    submit_label = _lazy("Besluit vastleggen")
    action_danger = False  # a red button (revoking)
    seen = None

    def can_act(self) -> bool:
        raise NotImplementedError

    def action_form(self, data=None):
        raise NotImplementedError

    def offered(self, form) -> bool:
        return True

    def act(self, form) -> str:
        raise NotImplementedError

    def seen_state(self) -> str:
        return str(getattr(self.object, "status", ""))

    def seen_state_label(self) -> str:
        display_status = getattr(self.object, "get_status_display", None)
        return str(display_status()) if display_status else self.seen_state()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.can_act():
            form = kwargs.get("bound_form") or self.action_form()
            shown = self.offered(form) or (form.is_bound and form.errors)  # say what went wrong
            context[self.form_context_name] = context["action_form"] = form if shown else None
            context.update(
                seen_state=self.seen_state(),
                action_title=self.action_title,
                action_intro=self.action_intro,
                submit_label=self.submit_label,
                action_danger=self.action_danger,
            )
        return context

    def post(self, request, *args, **kwargs):
        if not self.can_act():
            raise PermissionDenied
        self.seen = request.POST.get("gezien")
        try:
            ensure_unchanged(self.seen_state(), self.seen, self.seen_state_label())
        except Stale as refused:
            return self.refuse_stale(refused)
        form = self.action_form(request.POST)
        if form.is_valid():
            try:
                message = self.act(form)
            except Stale as refused:
                return self.refuse_stale(refused)
            except self.refusals as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(request, message)
                return redirect(request.path)
        return self.render_to_response(self.get_context_data(bound_form=form), status=400)

    def refuse_stale(self, refused: Stale):
        """The page was stale: show the record as it is now, with the options that apply now
        and the Dutch message (409); nothing was changed."""
        self.object = self.get_object()
        context = self.get_context_data()
        context["action_refusal"] = str(refused)
        return self.render_to_response(context, status=409)


def decided_message(title: str, status_label: str, mailed: str = "") -> str:
    """The success message after a decision, as a sentence: "‘Wandelmiddag’ heeft nu de status
    ‘Gepubliceerd’. De organisator krijgt een e-mail." (`mailed`: who gets one, if anyone)."""
    message = _("‘%(title)s’ heeft nu de status ‘%(status)s’.") % {
        "title": title,
        "status": status_label,
    }
    if mailed:
        message += " " + _("%(who)s krijgt een e-mail.") % {"who": mailed}
    return message


class ReadableColumnsMixin:
    """For an admin listing: the first column links to the record (its detail page, else its
    edit page), values read as on that page (ja/nee, labels, "–"), and dates are absolute and
    local. Mixed into every listing of the project (records and snippets)."""

    @cached_property
    def columns(self):
        columns = list(super().columns)
        titled = False
        for position, column in enumerate(columns):
            if not isinstance(column, Column):
                continue  # the bulk actions' check boxes
            if not titled:  # the main column: a link to the record
                titled = True
                if not isinstance(column, TitleColumn):
                    columns[position] = self._get_title_column_class(TitleColumn)(
                        column.name, label=column.label, accessor=column.accessor,
                        sort_key=column.sort_key, classname=column.classname,
                        get_url=self._detail_url,
                    )  # fmt: skip
            elif type(column) in (Column, ValueColumn):
                columns[position] = ValueColumn(
                    column.name, label=column.label, accessor=column.accessor,
                    sort_key=column.sort_key, classname=column.classname,
                    kind=getattr(column, "kind", ""),
                )  # fmt: skip
            elif type(column) is DateColumn:
                columns[position] = WhenColumn(
                    column.name, label=column.label, accessor=column.accessor,
                    sort_key=column.sort_key, classname=column.classname,
                )  # fmt: skip
        return columns

    def _detail_url(self, instance):
        return self.get_inspect_url(instance) or self.get_edit_url(instance)


class AnnouncedExportMixin:
    """A listing's CSV or XLSX export is announced first (hook LIST_EXPORTED, with the number of
    rows), so that exports of personal data are on record. Mixed into every listing of the
    project."""

    def as_spreadsheet(self, queryset, spreadsheet_format):
        rows = len(queryset) if isinstance(queryset, (list, tuple)) else queryset.count()
        for announce in hooks.get_hooks(LIST_EXPORTED):
            announce(self.request, self.model, rows, spreadsheet_format)
        return super().as_spreadsheet(queryset, spreadsheet_format)


class RecordIndexView(AnnouncedExportMixin, ReadableColumnsMixin, IndexView):
    """A listing of records (ReadableColumnsMixin); exports hold local times and neutralised
    text (core.admin_display.export_value)."""

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        return type(row)((key, export_value(value)) for key, value in row.items())


class ReadableSnippetIndexView(AnnouncedExportMixin, ReadableColumnsMixin, SnippetIndexView):
    """A snippet listing of the project, read the same way as the record listings."""

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        return type(row)((key, export_value(value)) for key, value in row.items())


class ProjectSnippetViewSet(SnippetViewSet):
    """The project's snippets: listings read like the records' (ReadableColumnsMixin)."""

    index_view_class = ReadableSnippetIndexView


class RecordViewSet(ModelViewSet):
    """Records the site writes itself (applications, awards): listed with filters, searched,
    exported and inspected, never added, edited, copied or deleted by hand (pair the model with
    permissions.ReadOnlyPermissionPolicy). `permission_codenames` are the permissions the
    group editor offers (e.g. view and a decision permission). The inspect view is a
    RecordInspectView with `sections`; every row of the listing links to it."""

    index_view_class = RecordIndexView
    inspect_view_class = RecordInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    # Records, not content: Wagtail's reference index would queue index tasks per record (and
    # slow the public forms under load) for no "usage" view.
    add_to_reference_index = False
    search_backend_name = None  # plain database lookups: exact references and e-mail addresses
    exclude_form_fields = []  # never used: the permission policy allows no add or edit
    permission_codenames: tuple[str, ...] = ()

    def get_permissions_to_register(self):
        permissions = super().get_permissions_to_register()
        return permissions.filter(codename__in=self.permission_codenames)


class InboxView(TemplateView):
    """The moderation inbox (core/inbox.py): everything waiting that this user may decide on,
    overdue first and then by deadline, with filters (kind, assignee, overdue), pages of
    PAGE_SIZE, and taking an item or handing it to a colleague."""

    template_name = "core/admin/inbox.html"
    PAGE_SIZE = 50

    def dispatch(self, request, *args, **kwargs):
        if not inbox.sources_for(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        sources = inbox.sources_for(user)
        keys = {source.key for source in sources}
        source_key = self.request.GET.get("soort", "")
        source_key = source_key if source_key in keys else ""
        colleagues, by_source = inbox.staff_for(sources)  # two queries, however many there are
        assigned = self.request.GET.get("toegewezen", "")
        if assigned not in ("mij", "niemand") and assigned not in {
            str(colleague.pk) for colleague in colleagues
        }:
            assigned = ""
        overdue = self.request.GET.get("te_laat") == "ja"
        entries = inbox.entries_for(user, sources)  # one query per source for all of it
        counts = inbox.count_entries(user, entries, sources)
        chosen = inbox.select(entries, user, source_key=source_key, assigned=assigned,
                              overdue=overdue)  # fmt: skip
        page = Paginator(chosen, self.PAGE_SIZE).get_page(self.request.GET.get("p"))
        items = inbox.materialise(list(page.object_list))
        options = {key: inbox.colleague_options(people, user) for key, people in by_source.items()}
        for item in items:
            item.colleagues = by_source[item.source.key]
            item.colleague_options = options[item.source.key]
        context.update(
            {
                "items": items,
                "page_obj": page,
                "elided_page_range": page.paginator.get_elided_page_range(page.number),
                "total": len(chosen),
                "counts": counts,
                "overdue_total": sum(count.overdue for count in counts),
                "colleagues": colleagues,
                "chosen_source": source_key,
                "assigned": assigned,
                "overdue": overdue,
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        user_id = request.POST.get("aan", "")
        assignee = None
        if user_id == "mij":
            assignee = request.user
        elif user_id.isdigit():
            assignee = get_user_model().objects.filter(pk=int(user_id), is_active=True).first()
            if assignee is None:
                messages.error(request, _("Deze collega bestaat niet."))
                return redirect(request.get_full_path())
        pk = request.POST.get("id", "")
        try:
            if not pk.isdigit():
                raise inbox.NotAllowed(_("Dit onderdeel bestaat niet."))
            inbox.assign(request.user, request.POST.get("bron", ""), int(pk), assignee)
        except inbox.NotAllowed as refused:
            messages.error(request, str(refused))
        else:
            who = assignee.get_full_name() or assignee.get_username() if assignee else None
            messages.success(request, _("Toegewezen aan %(who)s.") % {"who": who} if who
                             else _("Toewijzing opgeheven."))  # fmt: skip
        return redirect(request.get_full_path())
