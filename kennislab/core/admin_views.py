"""Admin views shared by the capabilities."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from . import inbox


class ActionInspectView(InspectView):
    """An inspect view with one action form below the details (a decision, a workflow step,
    revoking). Subclasses say who may act, which form, and what acting does:

    * `can_act()`: whether the user may use the form (else it is not shown, and a POST is 403);
    * `action_form(data=None)`: the form; `offered(form)` whether to show it (not when nothing
      can be done any more — a POST then still gets the form's errors, with status 400);
    * `act(form)`: do it and return the success message; raise one of `refusals` (a Dutch
      message) to show it on the form instead.
    """

    form_context_name = "action_form"
    refusals: tuple[type[Exception], ...] = ()

    def can_act(self) -> bool:
        raise NotImplementedError

    def action_form(self, data=None):
        raise NotImplementedError

    def offered(self, form) -> bool:
        return True

    def act(self, form) -> str:
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.can_act():
            form = kwargs.get("bound_form") or self.action_form()
            shown = self.offered(form) or (form.is_bound and form.errors)  # say what went wrong
            context[self.form_context_name] = form if shown else None
        return context

    def post(self, request, *args, **kwargs):
        if not self.can_act():
            raise PermissionDenied
        form = self.action_form(request.POST)
        if form.is_valid():
            try:
                message = self.act(form)
            except self.refusals as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(request, message)
                return redirect(request.path)
        return self.render_to_response(self.get_context_data(bound_form=form), status=400)


class RecordViewSet(ModelViewSet):
    """Records the site writes itself (applications, awards): listed with filters, searched,
    exported and inspected, never added, edited, copied or deleted by hand (pair the model with
    permissions.ReadOnlyPermissionPolicy). `permission_codenames` are the permissions the
    group editor offers (e.g. view and a decision permission)."""

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
    with filters, and taking an item or handing it to a colleague."""

    template_name = "core/admin/inbox.html"

    def dispatch(self, request, *args, **kwargs):
        if not inbox.sources_for(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sources = inbox.sources_for(self.request.user)
        source_key = self.request.GET.get("soort", "")
        assigned = self.request.GET.get("toegewezen", "")
        keys = {source.key for source in sources}
        source_key = source_key if source_key in keys else ""
        assigned = assigned if assigned in ("mij", "niemand") else ""
        colleagues = get_user_model().objects.filter(is_active=True).order_by(
            "first_name", "last_name", "username")  # fmt: skip
        by_source = {
            source.key: [user for user in colleagues if source.visible_to(user)]
            for source in sources
        }
        items = inbox.items_for(self.request.user, source_key=source_key, assigned=assigned)
        for item in items:
            item.colleagues = by_source[item.source.key]
        context.update(
            {
                "items": items,
                "counts": inbox.counts_for(self.request.user),
                "chosen_source": source_key,
                "assigned": assigned,
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
