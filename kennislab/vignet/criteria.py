"""The criteria of the company vitality vignet ("Vignet Vitaal Bedrijf"): pure rules, no database.

An organisation earns the vignet when:

1. it did a baseline measurement (nulmeting) of its employees' vitality;
2. after that, activities were carried out on at least 2 of the 5 vitality themes, each with at
   least 25% of its target group taking part;
3. the process ran under expert guidance.

The vignet is valid for two years; from three months before it expires it can be renewed by having
the activities carried out since the award assessed.

How the rules are applied:

- An activity counts for its theme when it started on or after the baseline date and its
  participants are at least 25% of its target group (exactly 25% counts; shares are compared as
  fractions, never floats). One counting activity meets its theme; the same theme twice counts once.
- A renewal needs no new baseline: the award date takes the place of the baseline date, so only
  activities started on or after the award date count.
- ``valid_until`` is the award date plus two years (29 February → 28 February); the vignet is valid
  up to and including that day. ``renewal_opens`` is three calendar months earlier (the day is
  clamped to the month's end). The renewal criterion is met from that day on, also after expiry:
  a late renewal is allowed.

Product decisions on top of the rules:

- An activity that starts after the assessment date is planned, not carried out: it does not count
  yet, and the explanation says so.
- A baseline dated after the assessment date has not been done yet, and a baseline with 0
  participants measured nobody: neither meets the baseline criterion.
- Without any baseline (and no renewal) the baseline criterion fails; activities are then judged on
  their share alone, so the applicant still learns which themes would count.
- Expert guidance is met when a name or an organisation is filled in (blank text counts as empty).
- A missing or null ``assessed_on`` means today. ``baseline``, ``expert_guidance`` and
  ``renewal_of`` may be missing or null; unknown keys are ignored.
- Invalid input raises :class:`InvalidApplication` listing every problem, not just the first.
"""

from __future__ import annotations

import calendar
import datetime
import json
import re
from dataclasses import dataclass
from fractions import Fraction

from kennislab.core.dates import dutch_date

THEMES: dict[str, str] = {
    "bewegen": "Bewegen",
    "roken": "Roken",
    "alcohol-drugs-medicijnen": "Alcohol, drugs en medicijnen",
    "voeding": "Voeding",
    "ontspanning-mentale-balans": "Ontspanning en mentale balans",
}
MIN_SHARE = Fraction(1, 4)
THEMES_NEEDED = 2
VALID_YEARS = 2
RENEWAL_WINDOW_MONTHS = 3

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
MIN_PERCENT = int(MIN_SHARE * 100)


@dataclass(frozen=True)
class Baseline:
    date: datetime.date
    participants: int


@dataclass(frozen=True)
class Guidance:
    name: str
    organisation: str


@dataclass(frozen=True)
class Activity:
    theme: str
    title: str
    start: datetime.date
    end: datetime.date | None
    participants: int
    target_group_size: int  # resolved: the organisation's when the activity gives none

    @property
    def share(self) -> Fraction:
        return Fraction(self.participants, self.target_group_size)


@dataclass(frozen=True)
class Application:
    organisation: str
    assessed_on: datetime.date
    target_group_size: int
    baseline: Baseline | None
    expert_guidance: Guidance | None
    activities: tuple[Activity, ...]
    renewal_of: datetime.date | None  # the award date of the vignet to renew


@dataclass(frozen=True)
class Criterion:
    code: str  # "baseline", "themes", "guidance" or "renewal"
    met: bool
    explanation: str


@dataclass(frozen=True)
class Verdict:
    eligible: bool
    criteria: tuple[Criterion, ...]
    themes_met: tuple[str, ...]

    def criterion(self, code: str) -> Criterion | None:
        """The criterion with this code, or None (``renewal`` only exists for renewals)."""
        return next((c for c in self.criteria if c.code == code), None)

    def as_dict(self) -> dict:
        """The verdict in the contract's JSON shape."""
        return {
            "eligible": self.eligible,
            "criteria": [
                {"code": c.code, "met": c.met, "explanation": c.explanation} for c in self.criteria
            ],
            "themes_met": list(self.themes_met),
        }


class InvalidApplication(ValueError):
    """The application cannot be assessed; ``problems`` lists (field path, Dutch message)."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = list(problems)
        super().__init__("\n".join(f"{field}: {message}" for field, message in self.problems))


# --- Dates and figures ---------------------------------------------------------------------------


def add_months(d: datetime.date, n: int) -> datetime.date:
    """``d`` moved ``n`` calendar months (``n`` may be negative), the day clamped to month end."""
    year, month_index = divmod(d.year * 12 + d.month - 1 + n, 12)
    day = min(d.day, calendar.monthrange(year, month_index + 1)[1])
    return datetime.date(year, month_index + 1, day)


def valid_until(awarded_on: datetime.date) -> datetime.date:
    """The last day the vignet is valid: two years after the award (29 February → 28 February)."""
    return add_months(awarded_on, 12 * VALID_YEARS)


def renewal_opens(awarded_on: datetime.date) -> datetime.date:
    """The first day a renewal may be requested: three months before the vignet expires."""
    return add_months(valid_until(awarded_on), -RENEWAL_WINDOW_MONTHS)


def share_percent(participants: int, size: int) -> int:
    """Participants as a percentage of the target group, floored (24.9% → 24)."""
    return participants * 100 // size


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


# --- Assessment ----------------------------------------------------------------------------------


def assess_data(data, *, today: datetime.date | None = None) -> Verdict:
    """Parse the application JSON (already decoded) and assess it."""
    return assess(parse(data, today=today))


def assess(application: Application) -> Verdict:
    criteria = [
        _baseline(application),
        _themes(application),
        _guidance(application.expert_guidance),
    ]
    if application.renewal_of:
        criteria.append(_renewal(application.renewal_of, application.assessed_on))
    return Verdict(
        eligible=all(c.met for c in criteria),
        criteria=tuple(criteria),
        themes_met=tuple(_best_per_theme(application, counting=True)),
    )


def _baseline(app: Application) -> Criterion:
    if app.renewal_of:
        return Criterion(
            "baseline",
            True,
            "Bij een verlenging is geen nieuwe nulmeting nodig; activiteiten tellen mee vanaf de "
            f"toekenning op {dutch_date(app.renewal_of)}.",
        )
    b = app.baseline
    if b is None:
        return Criterion(
            "baseline",
            False,
            "Er is nog geen nulmeting ingevuld. Een nulmeting van de vitaliteit van de medewerkers "
            "is nodig vóór de activiteiten.",
        )
    if b.date > app.assessed_on:
        return Criterion(
            "baseline",
            False,
            f"De nulmeting staat gepland op {dutch_date(b.date)} en is dus nog niet gedaan. "
            "Een nulmeting van de vitaliteit van de medewerkers is nodig vóór de activiteiten.",
        )
    if b.participants == 0:
        return Criterion(
            "baseline",
            False,
            f"De nulmeting van {dutch_date(b.date)} heeft geen deelnemers. Een nulmeting met "
            "medewerkers uit de doelgroep is nodig vóór de activiteiten.",
        )
    people = _plural(b.participants, "deelnemer", "deelnemers")
    return Criterion("baseline", True, f"Nulmeting gedaan op {dutch_date(b.date)} met {people}.")


def _reasons(activity: Activity, app: Application) -> list[str]:
    """Why the activity does not count for its theme; empty when it counts."""
    reasons = []
    since = app.renewal_of or (app.baseline.date if app.baseline else None)
    if since and activity.start < since:
        reference = "toekenning" if app.renewal_of else "nulmeting"
        reasons.append(
            f"begon op {dutch_date(activity.start)}, vóór de {reference} van {dutch_date(since)}"
        )
    if activity.start > app.assessed_on:
        reasons.append(f"begint pas op {dutch_date(activity.start)}, telt nog niet mee")
    if activity.share < MIN_SHARE:
        percent = share_percent(activity.participants, activity.target_group_size)
        reasons.append(f"haalt {percent}% van de doelgroep, {MIN_PERCENT}% is nodig")
    return reasons


def _best_per_theme(app: Application, *, counting: bool) -> dict[str, Activity]:
    """Per theme (canonical order) its best counting activity, or its best non-counting one."""
    best: dict[str, tuple] = {}
    for activity in app.activities:
        reasons = _reasons(activity, app)
        if counting == (not reasons):
            rank = (len(reasons), -activity.share, -activity.start.toordinal())
            if activity.theme not in best or rank < best[activity.theme][0]:
                best[activity.theme] = (rank, activity)
    return {theme: best[theme][1] for theme in THEMES if theme in best}


def _label(activity: Activity) -> str:
    title = f" (‘{activity.title}’)" if activity.title.strip() else ""
    return f"{THEMES[activity.theme]}{title}"


def _themes(app: Application) -> Criterion:
    met = _best_per_theme(app, counting=True)
    if len(met) >= THEMES_NEEDED:
        count = _plural(len(met), "thema", "thema's")
        shown = ", ".join(
            f"{THEMES[t]} ({share_percent(a.participants, a.target_group_size)}%)"
            for t, a in met.items()
        )
        return Criterion(
            "themes",
            True,
            f"Voldaan: {count} met minstens {MIN_PERCENT}% van de doelgroep: {shown}.",
        )
    if not app.activities:
        return Criterion(
            "themes",
            False,
            "Er zijn nog geen activiteiten ingevuld; activiteiten op minstens "
            f"{THEMES_NEEDED} van de {len(THEMES)} thema's zijn nodig, elk met minstens "
            f"{MIN_PERCENT}% van de doelgroep.",
        )
    missing = _plural(THEMES_NEEDED - len(met), "thema", "thema's")
    misses = {t: a for t, a in _best_per_theme(app, counting=False).items() if t not in met}
    details = "; ".join(f"{_label(a)} {' en '.join(_reasons(a, app))}" for a in misses.values())
    return Criterion(
        "themes",
        False,
        f"Nog {missing} nodig: "
        + (details or "er zijn nog geen activiteiten op een ander thema ingevuld")
        + ".",
    )


def _guidance(guidance: Guidance | None) -> Criterion:
    name = guidance.name.strip() if guidance else ""
    organisation = guidance.organisation.strip() if guidance else ""
    if not (name or organisation):
        return Criterion(
            "guidance",
            False,
            "Er is nog geen deskundige begeleiding ingevuld. Het proces moet begeleid worden door "
            "een deskundige; vul de naam of de organisatie van de begeleider in.",
        )
    who = f"{name} ({organisation})" if name and organisation else name or organisation
    return Criterion("guidance", True, f"Het proces is begeleid door een deskundige: {who}.")


def _renewal(awarded_on: datetime.date, assessed_on: datetime.date) -> Criterion:
    opens, until = renewal_opens(awarded_on), valid_until(awarded_on)
    awarded = f"Het vignet is toegekend op {dutch_date(awarded_on)}"
    if assessed_on < opens:
        explanation = (
            f"Verlenging kan vanaf {dutch_date(opens)} (drie maanden voor de vervaldatum "
            f"{dutch_date(until)})."
        )
    elif assessed_on > until:
        explanation = (
            f"{awarded} en is verlopen op {dutch_date(until)} (het was geldig tot en met die dag); "
            "verlengen kan nog steeds."
        )
    else:
        explanation = (
            f"{awarded} en geldig tot en met {dutch_date(until)}; verlengen kan sinds "
            f"{dutch_date(opens)}."
        )
    return Criterion("renewal", assessed_on >= opens, explanation)


# --- Parsing -------------------------------------------------------------------------------------


def parse(data, *, today: datetime.date | None = None) -> Application:
    """The application from decoded JSON; raises InvalidApplication listing every problem."""
    r = _Reader()
    if not isinstance(data, dict):
        raise InvalidApplication([("aanvraag", f"moet een JSON-object zijn, niet {_kind(data)}")])
    organisation = data.get("organisation")
    if organisation is None:
        r.problem("organisation", "ontbreekt; vul de naam van de organisatie in")
    elif not isinstance(organisation, str) or not organisation.strip():
        r.problem("organisation", "moet de naam van de organisatie zijn (niet leeg)")
    assessed_on = r.day(data, "assessed_on", required=False) or today or datetime.date.today()
    size = r.count(data, "target_group_size", minimum=1)
    application = Application(
        organisation=organisation.strip() if isinstance(organisation, str) else "",
        assessed_on=assessed_on,
        target_group_size=size,
        baseline=_parse_baseline(r, data, size),
        expert_guidance=_parse_guidance(r, data),
        activities=_parse_activities(r, data, size),
        renewal_of=_parse_renewal(r, data),
    )
    if r.problems:
        raise InvalidApplication(r.problems)
    return application


def _parse_baseline(r: _Reader, data: dict, size: int | None) -> Baseline | None:
    b = r.obj(data, "baseline")
    if b is None:
        return None
    day = r.day(b, "date", "baseline.date")
    participants = r.count(b, "participants", "baseline.participants")
    r.within(participants, size, "baseline.participants", "de doelgroep van de organisatie")
    return Baseline(day, participants)


def _parse_guidance(r: _Reader, data: dict) -> Guidance | None:
    g = r.obj(data, "expert_guidance")
    if g is None:
        return None
    return Guidance(
        r.text(g, "name", "expert_guidance.name"),
        r.text(g, "organisation", "expert_guidance.organisation"),
    )


def _parse_renewal(r: _Reader, data: dict) -> datetime.date | None:
    renewal = r.obj(data, "renewal_of")
    return r.day(renewal, "awarded_on", "renewal_of.awarded_on") if renewal is not None else None


def _parse_activities(r: _Reader, data: dict, size: int | None) -> tuple[Activity, ...]:
    items = data.get("activities")
    if items is None:
        return ()
    if not isinstance(items, list):
        r.problem("activities", f"moet een lijst zijn, niet {_kind(items)}")
        return ()
    return tuple(_parse_activity(r, item, f"activities[{i}]", size) for i, item in enumerate(items))


def _parse_activity(r: _Reader, item, path: str, size: int | None) -> Activity | None:
    if not isinstance(item, dict):
        r.problem(path, f"moet een object zijn, niet {_kind(item)}")
        return None
    theme = item.get("theme")
    if not isinstance(theme, str) or theme not in THEMES:
        shown = "ontbreekt" if theme is None else f"onbekend thema {_show(theme)}"
        r.problem(f"{path}.theme", f"{shown}; kies uit {', '.join(THEMES)}")
    start = r.day(item, "start", f"{path}.start")
    end = r.day(item, "end", f"{path}.end", required=False)
    if start and end and end < start:
        r.problem(
            f"{path}.end",
            f"de einddatum {dutch_date(end)} ligt vóór de begindatum {dutch_date(start)}",
        )
    participants = r.count(item, "participants", f"{path}.participants")
    own_size = item.get("target_group_size")
    if own_size is not None:  # else the organisation's target group
        size = r.count(item, "target_group_size", f"{path}.target_group_size", minimum=1)
    r.within(participants, size, f"{path}.participants", "de doelgroep van de activiteit")
    title = r.text(item, "title", f"{path}.title")
    return Activity(theme, title, start, end, participants, size)


def _kind(value) -> str:
    """The JSON type of a value, in Dutch."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    kinds = {
        dict: "een object",
        list: "een lijst",
        str: "tekst",
        int: "een getal",
        float: "een getal",
    }
    return kinds.get(type(value), type(value).__name__)


def _show(value) -> str:
    return json.dumps(value, ensure_ascii=False)


class _Reader:
    """Reads fields of decoded JSON and collects every problem instead of stopping at the first."""

    def __init__(self):
        self.problems: list[tuple[str, str]] = []

    def problem(self, field: str, message: str) -> None:
        self.problems.append((field, message))

    def obj(self, data: dict, key: str) -> dict | None:
        value = data.get(key)
        if value is not None and not isinstance(value, dict):
            self.problem(key, f"moet een object zijn of null, niet {_kind(value)}")
            return None
        return value

    def text(self, data: dict, key: str, field: str) -> str:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            self.problem(field, f"moet tekst zijn, niet {_kind(value)}")
            return ""
        return value or ""

    def day(self, data: dict, key: str, field: str | None = None, *, required=True):
        field, value = field or key, data.get(key)
        if value is None:
            if required:
                self.problem(field, "ontbreekt; gebruik een datum als JJJJ-MM-DD")
            return None
        if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
            self.problem(
                field,
                f"ongeldige datum {_show(value)}; gebruik JJJJ-MM-DD, bijvoorbeeld 2025-01-15",
            )
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            self.problem(field, f"{_show(value)} is geen bestaande datum")
            return None

    def count(self, data: dict, key: str, field: str | None = None, *, minimum=0, required=True):
        field, value = field or key, data.get(key)
        if value is None:
            if required:
                self.problem(field, "ontbreekt; vul een aantal in")
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            self.problem(field, f"moet een geheel getal zijn, niet {_show(value)}")
            return None
        if value < minimum:
            limit = "mag niet negatief zijn" if minimum == 0 else f"moet minstens {minimum} zijn"
            self.problem(field, f"{limit}, niet {value}")
            return None
        return value

    def within(self, participants: int | None, size: int | None, field: str, group: str) -> None:
        if participants is not None and size is not None and participants > size:
            self.problem(field, f"{participants} deelnemers is meer dan {group} ({size})")
