"""Privacy, per person and per rule: find, export and erase everything of one address; apply the
retention rules (the daily job and `manage.py personal_data purge`); record who looked.

Everything here reads the register (register.py) and nothing else, so a new app is covered by
declaring its entries. Erasing and purging run in transactions, lock the rows they change, leave
rows that counts, caps and audit trails rely on in place (anonymised), and delete uploaded files
only after the transaction committed.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import zipfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from functools import partial

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext as _

from kennislab.core.db import with_lock_retries

from . import register
from .models import AccessEvent, ErasureRequest, address_hash

logger = logging.getLogger(__name__)

BATCH = 500
# Fields whose values identify the person: scrubbed from mails, logs and audit notes on erase.
PERSON_FIELDS = frozenset({"name", "contact_name", "email", "phone"})
SCRUBBED = "[verwijderd]"


class InvalidAddress(ValueError):
    """Not an e-mail address; the message is Dutch, for the user."""


def normalise(email: str) -> str:
    address = (email or "").strip().lower()
    try:
        validate_email(address)
    except ValidationError:
        raise InvalidAddress(
            _("‘%(value)s’ is geen geldig e-mailadres.") % {"value": email}
        ) from None
    return address


# --- finding and exporting ----------------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    entry: register.Entry
    records: list

    @property
    def label(self) -> str:
        return str(self.entry.label)


def find(address: str) -> list[Found]:
    """Per entry of the register, the records of the address (entries without any left out)."""
    found = []
    for entry in register.entries():
        if not entry.findable:
            continue
        records = list(entry.live(entry.records(address)).order_by("pk"))
        if records:
            found.append(Found(entry, records))
    return found


def json_value(value):
    if isinstance(value, FieldFile):
        return os.path.basename(value.name) if value else ""
    if isinstance(value, datetime):
        return (
            timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
        )
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    return value


def serialise(entry: register.Entry, record) -> dict:
    """One record as the person reads it in the export: the context fields, then the personal
    ones; choices by their Dutch label, files by name."""
    data = {"id": record.pk}
    for name in (*entry.export_also, *entry.fields):
        model_field = record._meta.get_field(name)
        if model_field.many_to_many:
            data[name] = [str(item) for item in getattr(record, name).all()]
            continue
        if getattr(model_field, "choices", None):
            data[name] = str(getattr(record, f"get_{name}_display")())
            continue
        data[name] = json_value(getattr(record, name))
    return entry.export_filter(data) if entry.export_filter else data


def related_fields(entry: register.Entry) -> list[str]:
    """The entry's foreign keys among what the export shows, to fetch them in the same query."""
    names = []
    for name in (*entry.export_also, *entry.fields):
        model_field = entry.model._meta.get_field(name)
        if model_field.many_to_one or model_field.one_to_one:
            names.append(name)
    return names


def export(address: str) -> dict[str, list[dict]]:
    """The export of CONTRACTS.md: one key per findable entry, each a list of records."""
    result = {}
    for entry in register.entries():
        if entry.findable:
            records = entry.live(entry.records(address)).order_by("pk")
            related = related_fields(entry)
            if related:
                records = records.select_related(*related)
            result[entry.key] = [serialise(entry, record) for record in records]
    return result


def export_json(address: str) -> str:
    return json.dumps(export(address), ensure_ascii=False, indent=2)


def files(address: str) -> list[tuple[str, FieldFile]]:
    """The uploaded files of the address: (name in an archive, the file)."""
    out = []
    for found in find(address):
        for record in found.records:
            for name in found.entry.files:
                value = getattr(record, name)
                if value:
                    arcname = f"{found.entry.key}/{record.pk}-{os.path.basename(value.name)}"
                    out.append((arcname, value))
    return out


def write_archive(target, text: str, stored: list[tuple[str, FieldFile]]) -> None:
    """Write a zip of the export (`gegevens.json`) and the uploaded files into the file object
    `target` (for staff and for the person alike). A file missing from storage is logged and
    left out."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("gegevens.json", text)
        for arcname, value in stored:
            try:
                with value.open("rb") as source, archive.open(arcname, "w") as copy:
                    shutil.copyfileobj(source, copy)
            except OSError:
                logger.warning("privacy export: file %s is missing", value.name)


# --- what erasing will do -----------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """What erasing does with one record: "delete", "anonymise", or "contact" (a legal term
    holds the record: only the contact person goes), or "queued" (in progress, e.g. an
    application awaiting its decision: nothing changes until staff decided on it; a person's own
    request then waits for staff as an ErasureRequest)."""

    entry: register.Entry
    record: models.Model
    action: str
    reason: str = ""

    @property
    def kept_fields(self) -> list[str]:
        if self.action != "contact":
            return []
        gone = set(self.entry.erasable_fields(contact_only=True))
        meta = self.entry.model._meta
        return [str(meta.get_field(name).verbose_name) for name in self.entry.fields
                if name not in gone]  # fmt: skip

    @property
    def title(self) -> str:
        return str(self.record)


def plan(address: str, *, self_service: bool = False, lock: bool = False) -> list[Step]:
    steps = []
    for entry in register.entries():
        if not entry.findable:
            continue
        records = entry.live(entry.records(address)).order_by("pk")
        if lock:
            records = records.select_for_update(of=("self",))
        for record in records:
            pending = entry.pending(record)
            hold = entry.hold(record)
            if pending:
                steps.append(Step(entry, record, "queued", str(pending)))
            elif hold:
                steps.append(Step(entry, record, "contact", str(hold)))
            else:
                steps.append(Step(entry, record, entry.erase))
    return steps


# --- applying ------------------------------------------------------------------------------------


def _person_strings(entry: register.Entry, rows: Iterable[dict]) -> set[str]:
    strings = set()
    for row in rows:
        for name, value in row.items():
            if name in PERSON_FIELDS and isinstance(value, str) and len(value.strip()) >= 3:
                strings.add(value.strip())
    return strings


def scrub_text(text: str, strings: Iterable[str]) -> str:
    """`text` with every occurrence of the strings (ignoring case) replaced."""
    lowered = text.lower()
    for needle in sorted(strings, key=len, reverse=True):
        low = needle.lower()
        start = lowered.find(low)
        while start != -1:
            text = text[:start] + SCRUBBED + text[start + len(needle) :]
            lowered = text.lower()
            start = lowered.find(low, start + len(SCRUBBED))
    return text


def _scrub_related(entry: register.Entry, pks: list, strings_by_pk: dict) -> None:
    """Clean the person's name and address out of the records' audit notes (the rows stay)."""
    for accessor, text_fields in entry.scrub:
        relation = entry.model._meta.get_field(accessor)
        related_model, fk = relation.related_model, relation.field.name
        rows = related_model.objects.filter(**{f"{fk}__in": pks}).values("pk", fk, *text_fields)
        for row in rows:
            strings = strings_by_pk.get(row[fk], set())
            changes = {}
            for name in text_fields:
                value = row[name] or ""
                if value and strings:
                    cleaned = scrub_text(value, strings)
                    if cleaned != value:
                        changes[name] = cleaned
            if changes:
                related_model.objects.filter(pk=row["pk"]).update(**changes)


def _files_of(entry: register.Entry, queryset) -> list[tuple]:
    out = []
    if not entry.files:
        return out
    for record in queryset.only("pk", *entry.files):
        for name in entry.files:
            value = getattr(record, name)
            if value:
                out.append((value.storage, value.name))
    return out


def _delete_files_after_commit(stored: list[tuple]) -> None:
    def delete():
        for storage, name in stored:
            try:
                storage.delete(name)
            except OSError:
                logger.warning("could not delete private file %s", name)

    if stored:
        transaction.on_commit(delete)


def apply(entry: register.Entry, queryset, action: str, fields: tuple[str, ...] = ()) -> int:
    """Apply an action to the records of `queryset` (inside a transaction). How many records.
    `fields`: anonymise only these instead of the entry's personal fields."""
    pks = list(queryset.values_list("pk", flat=True))
    if not pks:
        return 0
    records = entry.model.objects.filter(pk__in=pks)
    if action == "files":
        stored = _files_of(entry, records)
        _delete_files_after_commit(stored)
        changes = dict.fromkeys(entry.files, "")
        records.update(**changes)
        return len(pks)
    contact_only = action == "contact"
    names = fields or entry.erasable_fields(contact_only=contact_only)
    if not names and action != "delete":
        return 0
    value_names = [name for name in names if name in PERSON_FIELDS]
    strings_by_pk = {}
    if entry.scrub:
        for row in records.values("pk", *value_names):
            strings_by_pk[row["pk"]] = _person_strings(entry, [row])
        _scrub_related(entry, pks, strings_by_pk)
    file_names = [name for name in entry.files if name in names or action == "delete"]
    stored = _files_of(entry, records) if file_names else []
    _delete_files_after_commit(stored)
    if action == "delete":
        records.delete()
        return len(pks)
    changes = {name: entry.placeholder_expression(name) for name in names
               if not callable(entry.placeholders.get(name))}  # fmt: skip
    records.update(**changes)
    for name in names:
        if callable(entry.placeholders.get(name)):
            for pk in pks:
                entry.model.objects.filter(pk=pk).update(**{name: entry.placeholder(name, pk)})
    return len(pks)


def scrub_elsewhere(address: str, strings: set[str]) -> dict[str, int]:
    """The person's address and name out of everything that is no register record: the mail
    outbox (mails to the address deleted, mentions in other mails cleaned), finished task
    results, search statistics, overview links, erasure requests and the admin's history."""
    from django_tasks_db.models import DBTaskResult

    from kennislab.core.models import OutgoingEmail
    from kennislab.search.models import SearchQueryStat

    strings = {s for s in strings | {address} if s and len(s) >= 3}
    done: Counter = Counter()
    done["outbox"] += OutgoingEmail.objects.filter(to__iexact=address).delete()[0]
    mentions = models.Q()
    for needle in strings:
        mentions |= models.Q(body__icontains=needle) | models.Q(subject__icontains=needle)
    for mail in OutgoingEmail.objects.filter(mentions).only("pk", "subject", "body"):
        OutgoingEmail.objects.filter(pk=mail.pk).update(
            subject=scrub_text(mail.subject, strings)[:200], body=scrub_text(mail.body, strings)
        )
        done["outbox"] += 1
    finished = DBTaskResult.objects.exclude(status__in=["READY", "RUNNING"]).annotate(
        text=Cast("args_kwargs", models.TextField()),
        returned=Cast("return_value", models.TextField()),
    )  # fmt: skip
    task_mentions = models.Q()
    for needle in strings:
        task_mentions |= models.Q(text__icontains=needle) | models.Q(returned__icontains=needle)
    done["tasks"] += finished.filter(task_mentions).delete()[0]
    stat_mentions = models.Q()
    for needle in strings:
        stat_mentions |= models.Q(query__icontains=needle)
    done["search"] += SearchQueryStat.objects.filter(stat_mentions).delete()[0]
    from kennislab.personal.models import OverviewLink

    done["links"] += OverviewLink.objects.filter(email_key=address).delete()[0]
    done["requests"] += ErasureRequest.objects.filter(email__iexact=address).update(
        email=f"{register.PLACEHOLDER_PREFIX}verzoek@{register.ANONYMOUS_DOMAIN}",
        status=ErasureRequest.Status.HANDLED, handled_at=timezone.now(),
    )  # fmt: skip
    done["history"] += _scrub_history(strings)
    return dict(done)


def _scrub_history(strings: set[str]) -> int:
    """Wagtail's history (log entries of snippets and pages) keeps an object's title as it was."""
    from wagtail.models import ModelLogEntry, PageLogEntry

    changed = 0
    for model in (ModelLogEntry, PageLogEntry):
        query = models.Q()
        for needle in strings:
            query |= models.Q(label__icontains=needle)
        annotated = model.objects.annotate(data_text=Cast("data", models.TextField()))
        for needle in strings:
            query |= models.Q(data_text__icontains=needle)
        for entry in annotated.filter(query).only("pk", "label", "data"):
            data = json.loads(scrub_text(json.dumps(entry.data, ensure_ascii=False), strings))
            model.objects.filter(pk=entry.pk).update(label=scrub_text(entry.label, strings),
                                                     data=data)  # fmt: skip
            changed += 1
    return changed


@dataclass
class Result:
    """What an erase did, per entry: {"deleted": n, "anonymised": n, "contact": n, "queued": n}."""

    per_entry: dict
    elsewhere: dict
    queued: list  # Steps left for staff (self-service only)

    @property
    def nothing_found(self) -> bool:
        return not self.per_entry

    def lines(self) -> list[str]:
        words = {
            "deleted": _("verwijderd"), "anonymised": _("geanonimiseerd"),
            "contact": _("contactgegevens verwijderd, rest bewaard (wettelijke termijn)"),
            "queued": _("voorgelegd aan een medewerker"),
        }  # fmt: skip
        out = []
        for key, counts in self.per_entry.items():
            label = str(register.REGISTRY[key].label)
            parts = [f"{count} {words[action]}" for action, count in counts.items() if count]
            out.append(f"{label}: {', '.join(parts)}")
        return out


ACTION_COUNTS = {"delete": "deleted", "anonymise": "anonymised", "contact": "contact",
                 "queued": "queued"}  # fmt: skip


def erase(address: str, *, user=None, reason: str = "", self_service: bool = False) -> Result:
    """Erase everything of the address as the register says, in one transaction; afterwards the
    address and the person's name occur nowhere except in records a legal term holds. Records
    in progress are left alone (staff decide on them first); a person's own request for them
    becomes an ErasureRequest for staff. Safe to run twice at once: the rows are locked, and
    the second run finds nothing left."""
    return with_lock_retries(lambda: _erase(address, user, reason, self_service))


def _erase(address: str, user, reason: str, self_service: bool) -> Result:
    per_entry: dict[str, Counter] = {}
    with transaction.atomic():
        steps = plan(address, self_service=self_service, lock=True)
        strings: set[str] = set()
        for step in steps:
            if step.action == "queued":
                continue
            names = step.entry.erasable_fields(contact_only=step.action == "contact")
            row = {name: getattr(step.record, name) for name in names if name in PERSON_FIELDS}
            strings |= _person_strings(step.entry, [row])
        groups: dict[tuple[str, str], list] = {}
        for step in steps:
            counts = per_entry.setdefault(step.entry.key, Counter())
            counts[ACTION_COUNTS[step.action]] += 1
            if step.action != "queued":
                groups.setdefault((step.entry.key, step.action), []).append(step.record.pk)
        for (key, action), pks in groups.items():  # one statement per entry and action
            entry = register.REGISTRY[key]
            apply(entry, entry.model.objects.filter(pk__in=pks), action)
        queued = [step for step in steps if step.action == "queued"]
        elsewhere = scrub_elsewhere(address, strings) if not queued else {}
        if queued and self_service:
            reasons = "\n".join(sorted({f"{step.entry.label}: {step.reason}" for step in queued}))
            ErasureRequest.objects.get_or_create(
                email=address, status=ErasureRequest.Status.OPEN, defaults={"reasons": reasons}
            )
        log_access(
            user, AccessEvent.Action.SELF_ERASE if self_service else AccessEvent.Action.ERASE,
            what=", ".join(sorted(per_entry)) or _("niets gevonden"),
            rows=sum(sum(c.values()) for c in per_entry.values()), address=address, reason=reason,
        )  # fmt: skip
    return Result({key: dict(counts) for key, counts in per_entry.items()}, elsewhere, queued)


# --- retention -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleResult:
    entry: register.Entry
    rule: register.Rule
    count: int


def _due(entry: register.Entry, rule: register.Rule, now: datetime):
    queryset = rule.due(rule.cutoff(now), now)
    if rule.action in ("anonymise", "contact"):
        queryset = entry.live(queryset)
    if rule.action == "files":
        for name in entry.files:
            queryset = queryset.exclude(**{name: ""})
    return queryset


def purge(now: datetime | None = None, *, dry_run: bool = False) -> list[RuleResult]:
    """Apply every retention rule of the register now; per rule how many records it removed or
    anonymised (or, with dry_run, would). In batches, each in its own transaction."""
    now = now or timezone.now()
    results = []
    for entry, rule in register.rules():
        queryset = _due(entry, rule, now)
        if dry_run:
            results.append(RuleResult(entry, rule, queryset.count()))
            continue
        done, last = 0, None
        while True:
            count, last = with_lock_retries(partial(_purge_batch, entry, rule, queryset, last))
            if last is None:
                break
            done += count
        if done:
            logger.info("privacy: rule %s: %s records (%s)", rule.key, done, rule.action)
        results.append(RuleResult(entry, rule, done))
    return results


def _purge_batch(entry, rule, queryset, last):
    """One batch of a rule in one transaction: (how many, the last pk) or (0, None) when done."""
    with transaction.atomic():
        batch = queryset.order_by("pk")
        if last is not None:
            batch = batch.filter(pk__gt=last)
        pks = list(batch.values_list("pk", flat=True)[:BATCH])
        if not pks:
            return 0, None
        # Lock the plain rows (a rule's query may group, which FOR UPDATE refuses), then keep
        # those still due: another purge running at once may have done them meanwhile.
        locked = entry.model.objects.filter(pk__in=pks).select_for_update()
        still_due = queryset.filter(pk__in=list(locked.values_list("pk", flat=True)))
        records = entry.model.objects.filter(pk__in=list(still_due.values_list("pk", flat=True)))
        return apply(entry, records, rule.action, rule.fields), pks[-1]


# --- the access log ------------------------------------------------------------------------------


def log_access(user, action: str, *, what: str, rows: int = 1, object_id: str = "",
               address: str = "", reason: str = "") -> AccessEvent:  # fmt: skip
    if user is not None and getattr(user, "is_authenticated", False):
        label = user.get_full_name() or user.get_username()
    else:
        label = _("de persoon zelf") if action.startswith("self_") else _("systeem")
        user = None
    return AccessEvent.objects.create(
        user=user, user_label=label[:150], action=action, what=str(what)[:200],
        object_id=str(object_id)[:64], rows=rows, reason=reason,
        address_hash=address_hash(address) if address else "",
    )  # fmt: skip
