"""The staff page Persoonsgegevens (/admin/persoonsgegevens/): look up everything of one e-mail
address per entry of the register, download it (JSON, or a zip with the uploaded files), erase it
after a reason and a confirmation, and handle the erasure requests people sent from Mijn
Kennislab. Only for users with the permission privacy.manage_personal_data.

Addresses travel in POST bodies only (never in a URL, which ends up in server logs), every page
that shows someone's data is not cached, and every lookup, export and erase is written to the
access log (services.log_access) with the number of records. What staff look at elsewhere in the
back office is recorded through the hooks of core.admin_views (wagtail_hooks.py): a detail page
of a register model (VIEW) and a listing's CSV or XLSX export (LIST_EXPORT).
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext
from django.views import View
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.viewsets import viewsets

from . import register, services
from .forms import AddressForm, EraseForm
from .models import AccessEvent, ErasureRequest, address_hash

PERMISSION = "privacy.manage_personal_data"
LOG_PERMISSION = "privacy.view_accessevent"
LOG_INDEX = "inzagelogboek:index"
EXPORT_NAME = "persoonsgegevens"
SPOOL_BYTES = 16 * 1024 * 1024  # a zip larger than this goes to a temporary file on disk


# --- the register, seen from a model ---------------------------------------------------------


def entry_for(model) -> register.Entry | None:
    """The register entry of a model (its first, if it has several), or None."""
    concrete = model._meta.concrete_model
    for entry in register.entries():
        if entry.model._meta.concrete_model is concrete:
            return entry
    return None


def person_address(entry: register.Entry, record) -> str:
    """The address a record belongs to (by the entry's `person` path), or ""."""
    if not entry.person:
        return ""
    value = record
    for name in entry.person.split("__"):
        value = getattr(value, name, None)
        if value is None:
            return ""
    return str(value).strip().lower()


def record_viewed(user, record) -> None:
    """A detail page of a record was shown: on record when the record is in the register."""
    entry = entry_for(type(record))
    if entry is None or isinstance(record, AccessEvent):  # reading the log is not logged
        return
    services.log_access(user, AccessEvent.Action.VIEW, what=str(entry.label),
                        object_id=str(record.pk),
                        address=person_address(entry, record))  # fmt: skip


def list_exported(user, model, rows: int, spreadsheet_format: str) -> None:
    """A listing was exported: on record when its model is in the register."""
    entry = entry_for(model)
    if entry is None:
        return
    what = f"{entry.label} ({spreadsheet_format.upper()})"
    services.log_access(user, AccessEvent.Action.LIST_EXPORT, what=what, rows=rows)


class RecordLinks:
    """Where this user reads a record in the back office: its detail page, else its edit page
    (pages, snippets), else None. The viewset of each model is looked up once."""

    def __init__(self, user):
        self.user = user
        self.finder = AdminURLFinder(user)
        self.inspect_names: dict[type, str | None] = {}

    def inspect_name(self, model) -> str | None:
        for viewset in viewsets.viewsets:
            found = getattr(viewset, "model", None)
            if (
                isinstance(found, type)
                and found._meta.concrete_model is model
                and getattr(viewset, "inspect_view_enabled", False)
                and viewset.permission_policy.user_has_permission(self.user, "view")
            ):
                return viewset.get_url_name("inspect")
        return None

    def url(self, record) -> str | None:
        model = record._meta.concrete_model
        if model not in self.inspect_names:
            self.inspect_names[model] = self.inspect_name(model)
        name = self.inspect_names[model]
        if name:
            try:
                return reverse(name, args=[quote(record.pk)])
            except NoReverseMatch:
                pass
        return self.finder.get_edit_url(record)


# --- what the page shows -------------------------------------------------------------------------


def outcome(step: services.Step) -> str:
    """What erasing does with the record, in a sentence."""
    if step.action == "delete":
        return _("wordt verwijderd")
    if step.action == "anonymise":
        return _("wordt geanonimiseerd")
    if step.action == "contact":
        return _("contactpersoon wordt verwijderd, de rest blijft bewaard: %(reason)s") % {
            "reason": step.reason
        }
    return _("in behandeling: eerst een besluit nemen – %(reason)s") % {"reason": step.reason}


@dataclass
class Row:
    step: services.Step
    title: str
    url: str | None
    outcome: str

    @property
    def kept(self) -> list[str]:
        return self.step.kept_fields


@dataclass
class Group:
    """The records of one register entry."""

    entry: register.Entry
    rows: list[Row] = field(default_factory=list)

    @property
    def label(self) -> str:
        return str(self.entry.label)

    @property
    def field_labels(self) -> str:
        return ", ".join(self.entry.field_labels)


def groups_of(user, steps: list[services.Step]) -> list[Group]:
    links = RecordLinks(user)
    groups: dict[str, Group] = {}
    for step in steps:
        group = groups.setdefault(step.entry.key, Group(step.entry))
        group.rows.append(Row(step, step.title, links.url(step.record), outcome(step)))
    return list(groups.values())


def labels_of(steps: list[services.Step]) -> str:
    return ", ".join(dict.fromkeys(str(step.entry.label) for step in steps))


# (action, heading) of the confirmation page, in the order it lists them
CONFIRM_SECTIONS = (
    ("delete", _lazy("Wordt verwijderd")),
    ("anonymise", _lazy("Wordt geanonimiseerd")),
    ("contact", _lazy("Contactpersoon wordt verwijderd, de rest blijft bewaard")),
    ("queued", _lazy("Blijft staan: eerst een besluit nemen")),
)


# --- the views -----------------------------------------------------------------------------------


class StaffOnly(View):
    """Only with the permission; nothing of these pages is cached (personal data)."""

    permission = PERMISSION

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        response = super().dispatch(request, *args, **kwargs)
        add_never_cache_headers(response)  # no-store, private
        return response


def open_requests():
    return ErasureRequest.objects.filter(status=ErasureRequest.Status.OPEN).order_by(
        "created_at", "pk"
    )


def page(request, *, form=None, address: str = "", steps=None, erase_form=None, status=200):
    """The page Persoonsgegevens: the lookup form, the results of an address (when given), and
    the open erasure requests."""
    context = {
        "form": form or AddressForm(),
        "address": address,
        "requests": open_requests(),
        "can_read_log": request.user.has_perm(LOG_PERMISSION),
    }
    if address:
        steps = steps if steps is not None else []
        context.update(
            groups=groups_of(request.user, steps),
            total=len(steps),
            has_files=bool(services.files(address)),
            erase_form=erase_form or EraseForm(initial={"email": address}),
        )
    return TemplateResponse(request, "privacy/admin/personal_data.html", context, status=status)


def look_up(request, address: str, *, reason: str = "") -> list[services.Step]:
    """What erasing would do with every record of the address; the look is on record."""
    steps = services.plan(address)
    services.log_access(request.user, AccessEvent.Action.LOOKUP,
                        what=labels_of(steps) or _("niets gevonden"), rows=len(steps),
                        address=address, reason=reason)  # fmt: skip
    return steps


class PersonalDataView(StaffOnly):
    def get(self, request):
        return page(request)

    def post(self, request):
        form = AddressForm(request.POST)
        if not form.is_valid():
            return page(request, form=form, status=400)
        address = form.cleaned_data["email"]
        return page(request, form=form, address=address, steps=look_up(request, address))


class ExportView(StaffOnly):
    """Everything of the address as JSON, or as a zip with the JSON and the uploaded files."""

    def post(self, request):
        form = AddressForm(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(form.errors.get("email", [])))
            return redirect("privacy_personal_data")
        address = form.cleaned_data["email"]
        text = services.export_json(address)
        data = json.loads(text)
        rows = sum(len(records) for records in data.values())
        labels = ", ".join(str(register.REGISTRY[key].label) for key, records in data.items()
                           if records and key in register.REGISTRY)  # fmt: skip
        if request.POST.get("formaat") == "zip":
            stored = services.files(address)
            what = _("zip met %(count)s bestanden: %(labels)s") % {"count": len(stored),
                                                                  "labels": labels}  # fmt: skip
            services.log_access(request.user, AccessEvent.Action.EXPORT, what=what, rows=rows,
                                address=address)  # fmt: skip
            return zip_response(text, stored)
        what = _("JSON: %(labels)s") % {"labels": labels or _("niets gevonden")}
        services.log_access(request.user, AccessEvent.Action.EXPORT, what=what, rows=rows,
                            address=address)  # fmt: skip
        response = HttpResponse(text, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{EXPORT_NAME}.json"'
        return response


def zip_response(text: str, stored) -> FileResponse:
    """A zip of `gegevens.json` and the files, built in memory (on disk when large)."""
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 (the response closes it)
    services.write_archive(spool, text, stored)
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=f"{EXPORT_NAME}.zip",
                        content_type="application/zip")  # fmt: skip


class EraseView(StaffOnly):
    """First a confirmation page that says what happens with every record; erasing only with
    the confirmation (`bevestigd=ja`) and a reason."""

    def post(self, request):
        form = EraseForm(request.POST)
        if not form.is_valid():
            address_form = AddressForm(request.POST)
            if not address_form.is_valid():
                return page(request, form=address_form, status=400)
            address = address_form.cleaned_data["email"]
            return page(request, form=address_form, address=address,
                        steps=look_up(request, address), erase_form=form,
                        status=400)  # fmt: skip
        address, reason = form.cleaned_data["email"], form.cleaned_data["reason"]
        if request.POST.get("bevestigd") != "ja":
            return self.confirmation(request, form, look_up(request, address, reason=reason))
        result = services.erase(address, user=request.user, reason=reason)
        done = erased_only(result)
        if done.nothing_found:
            messages.info(request, _("Er was niets (meer) te wissen voor dit e-mailadres."))
        else:
            messages.success(request, _("Gewist. %(lines)s") % {"lines": "; ".join(done.lines())})
        if result.queued:
            messages.warning(request, ngettext(
                "%(count)s gegeven wacht nog op een besluit en is niet gewist. Wis opnieuw als "
                "erover besloten is.",
                "%(count)s gegevens wachten nog op een besluit en zijn niet gewist. Wis opnieuw "
                "als erover besloten is.",
                len(result.queued)) % {"count": len(result.queued)})  # fmt: skip
        return redirect("privacy_personal_data")

    def confirmation(self, request, form, steps):
        sections = []
        for action, heading in CONFIRM_SECTIONS:
            chosen = [step for step in steps if step.action == action]
            if chosen:
                sections.append({"action": action, "heading": heading,
                                 "groups": groups_of(request.user, chosen)})  # fmt: skip
        return TemplateResponse(request, "privacy/admin/confirm_erase.html", {
            "form": form,
            "address": form.cleaned_data["email"],
            "reason": form.cleaned_data["reason"],
            "sections": sections,
            "total": len(steps),
            "erasable": sum(step.action != "queued" for step in steps),
        })  # fmt: skip


def erased_only(result: services.Result) -> services.Result:
    """The result without what was left for a decision (the warning below the message says
    that; Result.lines() words it for a person's own request)."""
    per_entry = {}
    for key, counts in result.per_entry.items():
        counts = {action: count for action, count in counts.items() if action != "queued"}
        if any(counts.values()):
            per_entry[key] = counts
    return services.Result(per_entry, result.elsewhere, [])


class RequestHandledView(StaffOnly):
    """An erasure request is handled: staff decided (and erased what could go). The address
    goes: a request keeps it only until it is handled."""

    def post(self, request, pk: int):
        handled = ErasureRequest.objects.filter(pk=pk, status=ErasureRequest.Status.OPEN).update(
            status=ErasureRequest.Status.HANDLED, handled_at=timezone.now(),
            handled_by=request.user,
            email=f"{register.PLACEHOLDER_PREFIX}verzoek@{register.ANONYMOUS_DOMAIN}",
        )  # fmt: skip
        if handled:
            messages.success(request, _("Het verwijderverzoek is afgehandeld."))
        else:
            messages.error(request, _("Dit verwijderverzoek bestaat niet of is al afgehandeld."))
        return redirect("privacy_personal_data")


class LogAddressView(StaffOnly):
    """The access log filtered on one address: the address is hashed (models.address_hash) and
    only the hash goes into the URL of the listing."""

    permission = LOG_PERMISSION

    def post(self, request):
        form = AddressForm(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(form.errors.get("email", [])))
            return redirect(LOG_INDEX)
        return redirect(f"{reverse(LOG_INDEX)}?adres={address_hash(form.cleaned_data['email'])}")
