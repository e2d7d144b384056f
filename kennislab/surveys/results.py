"""Aggregating survey responses: plain functions on plain data, so they can be tested without a
database. `aggregate(questions, responses)` gives a QuestionResult per question."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from kennislab.campaigns.rules import PROVINCES

CHOICE_KINDS = ("radio", "checkboxes", "scale")
TEXT_KINDS = ("singleline", "multiline")
NOT_SAID = "niet-gezegd"  # the region filter's value for responses without a province


@dataclass(frozen=True)
class Question:
    key: str
    label: str
    kind: str  # radio, checkboxes, scale, singleline, multiline
    choices: tuple[tuple[str, str], ...] = ()  # (stored value, label)


@dataclass(frozen=True)
class Response:
    answers: dict
    region: str = ""  # a province slug or "" (not said)
    day: date | None = None


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int
    percent: int  # of those who answered the question, rounded; 0 when nobody did


@dataclass
class QuestionResult:
    question: Question
    respondents: int  # responses in the selection
    answered: int  # of which answered this question
    options: list[Option] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    mean: float | None = None  # scales only

    @property
    def is_choice(self) -> bool:
        return self.question.kind in CHOICE_KINDS


def _values(answer) -> list[str]:
    """The chosen values of one answer (a list for several answers, a string for one)."""
    if answer in (None, "", []):
        return []
    if isinstance(answer, (list, tuple)):
        return [str(value) for value in answer if value not in (None, "")]
    return [str(answer)]


def percent(count: int, total: int) -> int:
    return round(100 * count / total) if total else 0


def aggregate(questions, responses) -> list[QuestionResult]:
    """Per question: how many answered and, for choice questions and scales, the count and the
    percentage per answer (of those who answered; with several answers possible the percentages
    add up to more than 100); the open answers in order; the mean of a scale. Stored values that
    are no longer answers of the question (an editor changed it) are counted under their own
    value, after the known answers."""
    responses = list(responses)
    results = []
    for question in questions:
        answers = [_values(response.answers.get(question.key)) for response in responses]
        answered = sum(1 for values in answers if values)
        result = QuestionResult(question, respondents=len(responses), answered=answered)
        if question.kind in CHOICE_KINDS:
            counts = Counter(value for values in answers for value in dict.fromkeys(values))
            known = [value for value, _label in question.choices]
            labels = dict(question.choices)
            others = sorted(value for value in counts if value not in labels)
            for value in [*known, *others]:
                result.options.append(
                    Option(value, labels.get(value, value), counts[value],
                           percent(counts[value], answered))
                )  # fmt: skip
            if question.kind == "scale":
                points = [int(v) for values in answers for v in values if v.isdigit()]
                result.mean = round(sum(points) / len(points), 1) if points else None
        else:
            result.texts = [values[0] for values in answers if values and values[0].strip()]
        results.append(result)
    return results


def by_region(responses, region: str | None):
    """The responses from one province (NOT_SAID: those without one); None or "": all."""
    if not region:
        return list(responses)
    wanted = "" if region == NOT_SAID else region
    return [response for response in responses if response.region == wanted]


def region_counts(responses) -> list[Option]:
    """How many responses per province (in the order of PROVINCES), then 'not said'."""
    responses = list(responses)
    counts = Counter(response.region for response in responses)
    rows = [(slug, name) for slug, name in PROVINCES] + [(NOT_SAID, _("Wil ik niet zeggen"))]
    return [
        Option(slug, name, n, percent(n, len(responses)))
        for slug, name in rows
        if (n := counts["" if slug == NOT_SAID else slug])
    ]


def display(question: Question, answer) -> str:
    """An answer as text for exports: labels joined with '; ' (a scale: its number)."""
    values = _values(answer)
    if question.kind == "scale":
        return "; ".join(values)
    if question.kind in CHOICE_KINDS:
        labels = dict(question.choices)
        return "; ".join(labels.get(value, value) for value in values)
    return values[0] if values else ""
