"""The register of processing (AVG art. 30) in code: every model field that holds personal data,
declared once, with why it is kept, on what legal basis, for how long, and what erasing it means.

An app declares its entries in `<app>/privacy.py` with `register(Entry(...))`; `PrivacyConfig.ready`
imports every app's module, so the register is complete once Django has started. Everything else
(the retention job, export and erasure per person, the staff page, the privacy statement and the
coverage test) reads the register and nothing else (docs/decisions/0020-privacy-register.md).

Words used here:

* **anonymise**: the row stays (counts, caps, waiting-list order and audit trails stay right), its
  personal fields get a placeholder: e-mail addresses `verwijderd-<id>@anoniem.invalid`, keys and
  tokens `verwijderd-<id>` (unique and dead), the rest empty. An anonymised row is recognised by
  its placeholder address, so applying a rule twice changes nothing.
* **contact only**: a legal term requires the record (a granted voucher within its accountability
  term); only the contact person's fields go (`Entry.contact`), the organisation stays.
* **hold**: `Entry.hold(record)` says why a record must be kept now (a Dutch sentence) or None.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.db.models.functions import Cast, Concat
from django.utils.translation import gettext_lazy as _

ANONYMOUS_DOMAIN = "anoniem.invalid"
PLACEHOLDER_PREFIX = "verwijderd-"

# The legal bases of AVG article 6, as the privacy statement names them.
LEGAL_BASES = {
    "consent": _("toestemming (AVG artikel 6 lid 1a)"),
    "contract": _("uitvoering van een overeenkomst (AVG artikel 6 lid 1b)"),
    "legal_obligation": _("wettelijke verplichting (AVG artikel 6 lid 1c)"),
    "public_task": _("taak van algemeen belang (AVG artikel 6 lid 1e)"),
    "legitimate_interest": _("gerechtvaardigd belang (AVG artikel 6 lid 1f)"),
}

ERASE_MODES = ("anonymise", "delete")
RULE_ACTIONS = ("anonymise", "delete", "contact", "files")


@dataclass(frozen=True)
class Rule:
    """A retention rule of an entry: the records that `due(cutoff, now)` returns (cutoff = now
    minus the term) get `action` — "anonymise" or "delete" the record, drop the "contact" fields
    only, or delete the uploaded "files" only. `due` returns a queryset of the entry's model; the
    purge leaves out rows already done, so it may simply return every record past its term."""

    key: str  # stable, snake_case: the setting PRIVACY_RETENTION[key] (env RETENTION_<KEY>)
    description: object  # Dutch, for the statement: "1 jaar na het besluit"
    days: int  # the default term
    due: Callable[[datetime, datetime], models.QuerySet]
    action: str = "anonymise"
    fields: tuple[str, ...] = ()  # anonymise only these (e.g. a mail's body, not its address)

    def __post_init__(self):
        if self.action not in RULE_ACTIONS:
            raise ValueError(f"{self.key}: unknown action {self.action!r}")

    @property
    def term(self) -> timedelta:
        return timedelta(days=int(settings.PRIVACY_RETENTION.get(self.key, self.days)))

    def cutoff(self, now: datetime) -> datetime:
        return now - self.term


def _no_hold(record) -> None:
    return None


@dataclass(frozen=True)
class Entry:
    """One kind of record with personal data."""

    key: str  # "<app>.<what>", also the key of the export
    label: object  # Dutch, plural: "Voucheraanvragen"
    model: type[models.Model]
    fields: tuple[str, ...]  # the fields with personal data (exported, anonymised)
    purpose: object  # Dutch: why the data is kept
    legal_basis: str  # a key of LEGAL_BASES
    retention: tuple[Rule, ...] = ()
    retention_text: object = (
        ""  # Dutch, when no rule runs by itself ("zolang je ingeschreven bent")
    )
    person: str | None = "email"  # the lookup path of the person's address; None: not by address
    find: Callable[[str], models.QuerySet] | None = None  # instead of `person`
    erase: str = "anonymise"  # what erasing a record means when nothing holds it
    contact: tuple[str, ...] = ()  # dropped even when a legal term holds the record
    hold: Callable[[models.Model], object | None] = _no_hold
    pending: Callable[[models.Model], object | None] = _no_hold  # in progress: staff decide
    files: tuple[str, ...] = ()  # FileFields among `fields`: deleted from storage on erase
    derived: tuple[str, ...] = ()  # keys and tokens made from the data: placeholders on erase
    export_also: tuple[str, ...] = ()  # context for the export (status, dates), not personal
    scrub: tuple[tuple[str, tuple[str, ...]], ...] = ()  # related text (audit notes) to clean
    special: bool = False  # special-category data (health, AVG art. 9)
    recipients: object = ""  # Dutch: who else gets the data
    from_public: bool = True  # entered by visitors (False: by editors, e.g. contact persons)
    placeholders: dict = field(default_factory=dict)  # field → fixed value instead of the default
    export_filter: Callable[[dict], dict] | None = None  # e.g. mask private links in mail texts
    labels: dict = field(default_factory=dict)  # field → plain Dutch name for the statement

    def __post_init__(self):
        if self.erase not in ERASE_MODES:
            raise ValueError(f"{self.key}: unknown erase mode {self.erase!r}")
        if self.legal_basis not in LEGAL_BASES:
            raise ValueError(f"{self.key}: unknown legal basis {self.legal_basis!r}")
        names = {f.name for f in self.model._meta.get_fields()}
        for name in (*self.fields, *self.contact, *self.files, *self.derived, *self.export_also):
            if name not in names:
                raise ValueError(f"{self.key}: {self.model.__name__} has no field {name!r}")

    # --- finding ----------------------------------------------------------------------------

    def records(self, address: str) -> models.QuerySet:
        """Every record of the (normalised) address, case-insensitively."""
        if self.find is not None:
            return self.find(address)
        if self.person is None or not address:
            return self.model.objects.none()
        return self.model.objects.filter(**{f"{self.person}__iexact": address})

    @property
    def findable(self) -> bool:
        return self.find is not None or self.person is not None

    @property
    def own_email_field(self) -> str | None:
        """The entry's own e-mail field (the marker of an anonymised row), if it has one."""
        if self.person and "__" not in self.person:
            return self.person
        return None

    def live(self, queryset: models.QuerySet) -> models.QuerySet:
        """Leave out rows that were anonymised already."""
        marker = self.own_email_field
        if marker is None:
            return queryset
        return queryset.exclude(**{f"{marker}__endswith": f"@{ANONYMOUS_DOMAIN}"})

    # --- the text of the statement -----------------------------------------------------------

    @property
    def basis_text(self) -> str:
        return str(LEGAL_BASES[self.legal_basis])

    @property
    def field_labels(self) -> list[str]:
        meta = self.model._meta
        return [str(self.labels.get(name) or meta.get_field(name).verbose_name)
                for name in self.fields]  # fmt: skip

    @property
    def retention_lines(self) -> list[str]:
        lines = [str(rule.description) for rule in self.retention]
        if self.retention_text:
            lines.append(str(self.retention_text))
        return lines

    # --- anonymising -------------------------------------------------------------------------

    def erasable_fields(self, contact_only: bool = False) -> tuple[str, ...]:
        """What erasing changes: everything personal, or under a legal term the contact fields
        only (nothing, for an entry without contact fields: the record is kept whole)."""
        if contact_only:
            return self.contact
        return tuple(dict.fromkeys((*self.fields, *self.derived)))

    def placeholder(self, name: str, pk) -> object:
        """The value a field gets when its record is anonymised (one record)."""
        if name in self.placeholders:
            value = self.placeholders[name]
            return value(pk) if callable(value) else value
        model_field = self.model._meta.get_field(name)
        if isinstance(model_field, models.EmailField):
            return f"{PLACEHOLDER_PREFIX}{pk}@{ANONYMOUS_DOMAIN}"
        if name in self.derived or model_field.unique:
            return f"{PLACEHOLDER_PREFIX}{pk}"
        if isinstance(model_field, models.JSONField):
            return model_field.get_default()
        if model_field.null and not isinstance(model_field, (models.CharField, models.TextField)):
            return None
        if isinstance(model_field, models.BooleanField):
            return False
        return ""

    def placeholder_expression(self, name: str):
        """The same placeholder as an expression, for anonymising many rows in one UPDATE."""
        if name in self.placeholders:
            value = self.placeholders[name]
            if callable(value):
                raise ValueError(f"{self.key}.{name}: a callable placeholder cannot be bulk")
            return models.Value(value)
        model_field = self.model._meta.get_field(name)
        pk_text = Cast("pk", models.CharField(max_length=20))
        if isinstance(model_field, models.EmailField):
            return Concat(
                models.Value(PLACEHOLDER_PREFIX), pk_text, models.Value(f"@{ANONYMOUS_DOMAIN}"),
                output_field=models.CharField(),
            )  # fmt: skip
        if name in self.derived or model_field.unique:
            return Concat(
                models.Value(PLACEHOLDER_PREFIX), pk_text, output_field=models.CharField()
            )
        value = self.placeholder(name, 0)
        if isinstance(model_field, models.JSONField):
            return models.Value(value, output_field=models.JSONField())
        return models.Value(value)


REGISTRY: dict[str, Entry] = {}
# Models that hold no personal data from the public although they have text fields (the
# coverage test reads this): model label → why.
NOT_PERSONAL: dict[str, str] = {}


def register(*entries: Entry) -> None:
    for entry in entries:
        if entry.key in REGISTRY and REGISTRY[entry.key] is not entry:
            raise ValueError(f"privacy register: {entry.key} twice")
        REGISTRY[entry.key] = entry


def not_personal(*labels: str, why: str) -> None:
    for label in labels:
        NOT_PERSONAL[label] = why


def entries() -> list[Entry]:
    return list(REGISTRY.values())


def rules() -> Iterable[tuple[Entry, Rule]]:
    for entry in REGISTRY.values():
        for rule in entry.retention:
            yield entry, rule


def rule_keys() -> list[str]:
    return [rule.key for _entry, rule in rules()]
