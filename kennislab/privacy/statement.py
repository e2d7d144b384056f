"""The privacy statement, generated from the register (register.py): per process (app) each kind
of record that visitors enter themselves (`Entry.from_public`), with the data, the purpose, the
legal basis, how long it is kept (the retention rules with the term configured now, see
`rule_line`), special-category data and who else gets it. The fixed part (the person's rights and
how to use them) is in the template privacy/statement.html; the content app's block
`privacy_register` puts the whole on a page.

The register is the only source: a term changed in the settings (PRIVACY_RETENTION) or a new
entry shows on the page without anyone editing text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.apps import apps
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from . import register

# The processes in the order a visitor meets them, each with its title on the page. An app that
# is not here comes after them, under its verbose name.
GROUPS = (
    ("newsletter", gettext_lazy("Nieuwsbrief")),
    ("campaigns", gettext_lazy("Bijeenkomsten, webinars en campagnes")),
    ("questions", gettext_lazy("Vragen en leergemeenschappen")),
    ("network", gettext_lazy("Pledges en praktijkverhalen")),
    ("challenge", gettext_lazy("Uitdagingen")),
    ("surveys", gettext_lazy("Vragenlijsten")),
    ("vouchers", gettext_lazy("Kennisvouchers")),
    ("vignet", gettext_lazy("Vignet Vitaal Bedrijf")),
    ("personal", gettext_lazy("Mijn Kennislab")),
    ("privacy", gettext_lazy("Je verzoeken over je gegevens")),
    ("core", gettext_lazy("E-mail die we je sturen")),
)

DAYS_PER_MONTH = 30.44


# --- terms ---------------------------------------------------------------------------------------


def _years(days: int) -> int | None:
    years, rest = divmod(days, 365)
    if years and rest <= years // 4 + 1:  # leap days
        return years
    return None


def _months(days: int) -> int | None:
    months = round(days / DAYS_PER_MONTH)
    if months and abs(days - months * DAYS_PER_MONTH) <= 2:
        return months
    return None


def human_term(days: int) -> str:
    """A term in days as people say it: "7 jaar", "3 maanden", "2 weken", "10 dagen"."""
    days = int(days)
    if years := _years(days):
        return ngettext("%(count)s jaar", "%(count)s jaar", years) % {"count": years}
    if months := _months(days):
        return ngettext("%(count)s maand", "%(count)s maanden", months) % {"count": months}
    if days and days % 7 == 0:
        weeks = days // 7
        return ngettext("%(count)s week", "%(count)s weken", weeks) % {"count": weeks}
    return ngettext("%(count)s dag", "%(count)s dagen", days) % {"count": days}


def _spellings(days: int) -> list[str]:
    """The ways a description may write a term of `days`: "1 jaar", "12 maanden", "365 dagen"."""
    out = [human_term(days)]
    if years := _years(days):
        out.append(ngettext("%(count)s maand", "%(count)s maanden", years * 12)
                   % {"count": years * 12})  # fmt: skip
    if months := _months(days):
        out.append(ngettext("%(count)s maand", "%(count)s maanden", months) % {"count": months})
    if days % 7 == 0 and days:
        weeks = days // 7
        out.append(ngettext("%(count)s week", "%(count)s weken", weeks) % {"count": weeks})
    out.append(ngettext("%(count)s dag", "%(count)s dagen", days) % {"count": days})
    return list(dict.fromkeys(out))


def rule_line(rule: register.Rule) -> str:
    """The rule's description with the term configured now. The description states the default
    term ("1 jaar na het besluit"); when the settings set another one, that term replaces it
    ("2 jaar na het besluit"), or, where the description words it otherwise, follows it."""
    text = str(rule.description)
    actual = rule.term.days
    if actual == rule.days:
        return text
    wanted = human_term(actual)
    for spelling in _spellings(rule.days):
        pattern = re.compile(rf"(?<![\d.,]){re.escape(spelling)}\b")
        if pattern.search(text):
            return pattern.sub(wanted, text, count=1)
    return _("%(text)s (bewaartermijn: %(term)s)") % {"text": text, "term": wanted}


def retention_lines(entry: register.Entry) -> list[str]:
    lines = [rule_line(rule) for rule in entry.retention]
    if entry.retention_text:
        lines.append(str(entry.retention_text))
    return lines


# --- the statement -------------------------------------------------------------------------------


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


@dataclass(frozen=True)
class Item:
    """One kind of record on the page."""

    key: str
    label: str
    data: str  # "Naam, e-mailadres, organisatie"
    purpose: str
    basis: str
    retention: list[str]
    special: bool
    recipients: str


@dataclass(frozen=True)
class Group:
    key: str
    title: str
    items: list[Item]


@dataclass(frozen=True)
class Statement:
    groups: list[Group]
    access_log_term: str  # how long staff access is on record ("" when no rule says so)

    @property
    def items(self) -> list[Item]:
        return [item for group in self.groups for item in group.items]


def item(entry: register.Entry) -> Item:
    return Item(
        key=entry.key,
        label=str(entry.label),
        data=_sentence(", ".join(dict.fromkeys(entry.field_labels))),
        purpose=str(entry.purpose),
        basis=_sentence(entry.basis_text),
        retention=retention_lines(entry),
        special=entry.special,
        recipients=str(entry.recipients),
    )


def _group_title(app_label: str) -> str:
    titles = dict(GROUPS)
    if app_label in titles:
        return str(titles[app_label])
    return str(apps.get_app_config(app_label).verbose_name)


def groups() -> list[Group]:
    """The entries from the public, per app, in the order of GROUPS (others after them)."""
    by_app: dict[str, list[Item]] = {}
    for entry in register.entries():
        if entry.from_public:
            by_app.setdefault(entry.model._meta.app_label, []).append(item(entry))
    order = [key for key, _title in GROUPS]
    keys = sorted(by_app, key=lambda key: (order.index(key) if key in order else len(order), key))
    return [Group(key, _group_title(key), by_app[key]) for key in keys]


def _access_log_term() -> str:
    from .models import AccessEvent

    for entry in register.entries():
        if entry.model is AccessEvent:
            for rule in entry.retention:
                return human_term(rule.term.days)
    return ""


def build() -> Statement:
    return Statement(groups=groups(), access_log_term=_access_log_term())
