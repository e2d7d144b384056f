"""The impact follow-up's rules, as plain functions on plain data (no Django).

* **When.** A voucher application gets the impact survey three calendar months after it was
  granted definitively (31 January → 30 April); a challenge participant two weeks after the
  edition's last day (day 30). A daily job sends what is due; a run that was missed is made up
  later, but never more than LATE_DAYS after the due date (an invitation months late would be
  odd; for the challenge the participant's data is gone 30 days after day 30 anyway).
* **Who.** Only who asked for it (the optional check box on the voucher application or the
  challenge sign-up; earlier records without it are never invited), whose voucher is still
  granted definitively or whose participation was confirmed, whose address was not erased, and
  only when the scheme or edition has an impact survey that is open now.
* **Never twice.** One invitation per application or participant, ever (a unique constraint backs
  this up); one response per invitation; one reminder, REMINDER_DAYS after the invitation, when
  there is no response, the person did not say "no thanks" and the link still works.
* **The link** works LINK_DAYS after the invitation.
* **What shows.** Per good example: how many organisations used it (a definitive voucher), the
  average of the survey's first scale question once MIN_SCORES organisations gave one (one
  answer alone would be that organisation's own score), and at most MAX_QUOTES answers to the
  first open question — only of respondents who allowed quoting and only after staff read them.
  Nothing at all when there is neither an average nor a quote.

These functions decide; impact.py applies a decision (and records what it sent).
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

VOUCHER_MONTHS = 3
CHALLENGE_DAYS_AFTER_END = 14
REMINDER_DAYS = 14
LINK_DAYS = 42
LATE_DAYS = 60
MIN_SCORES = 2
MAX_QUOTES = 2
QUOTE_LENGTH = 280
ERASED_DOMAIN = "@anoniem.invalid"  # the privacy register's placeholder addresses


def add_months(day: date, months: int) -> date:
    """The same day `months` calendar months later, or the month's last day when it is shorter
    (31 January + 1 month = 28 or 29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def voucher_due_on(confirmed_on: date) -> date:
    """When a definitively granted voucher's impact survey is due."""
    return add_months(confirmed_on, VOUCHER_MONTHS)


def challenge_due_on(ends_on: date) -> date:
    """When a challenge edition's impact survey is due (`ends_on`: day 30)."""
    return ends_on + timedelta(days=CHALLENGE_DAYS_AFTER_END)


def reachable(email: str) -> bool:
    """Whether an address can still be written to (not erased by the privacy register)."""
    return bool(email) and not email.lower().endswith(ERASED_DOMAIN)


@dataclass(frozen=True)
class Candidate:
    """A voucher application or challenge participant, as far as the invitation rule asks."""

    due_on: date | None  # None: not granted definitively / not confirmed (nothing to follow up)
    consent: bool  # asked for the survey when applying or signing up
    email: str
    survey_open: bool  # the scheme's or edition's impact survey is chosen, live and open
    invited: bool  # an invitation exists already (sent, answered or not)


def invitation_due(candidate: Candidate, today: date) -> bool:
    """Whether the invitation goes out today."""
    if candidate.due_on is None or candidate.invited:
        return False
    if not (candidate.consent and candidate.survey_open and reachable(candidate.email)):
        return False
    return candidate.due_on <= today < candidate.due_on + timedelta(days=LATE_DAYS)


def link_expires_on(sent_on: date) -> date:
    """The last day an invitation's private link works."""
    return sent_on + timedelta(days=LINK_DAYS)


@dataclass(frozen=True)
class Sent:
    """An invitation, as far as the reminder rule asks."""

    sent_on: date
    expires_on: date  # the link's last day
    responded: bool
    declined: bool  # said "no thanks" on the link's page
    reminded: bool
    email: str
    survey_open: bool


def reminder_due(invitation: Sent, today: date) -> bool:
    """Whether the one reminder goes out today: REMINDER_DAYS after the invitation, without a
    response or a "no thanks", while the link and the survey are open."""
    if invitation.responded or invitation.declined or invitation.reminded:
        return False
    if not (invitation.survey_open and reachable(invitation.email)):
        return False
    return invitation.sent_on + timedelta(days=REMINDER_DAYS) <= today <= invitation.expires_on


def may_answer(*, responded: bool, expires_on: date, survey_state: str, today: date) -> str:
    """What the link's page offers: "answer", "answered", "expired" or a survey state
    ("not_yet", "closed") when the survey itself is not open."""
    if responded:
        return "answered"
    if today > expires_on:
        return "expired"
    if survey_state != "open":
        return survey_state
    return "answer"


# --- the figures ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """One impact response, as far as the figures ask."""

    group: Hashable  # the good example (or edition) it is about
    score: int | None  # the first scale question's point, None when not answered
    quote: str  # the answer to the first open question ("" when none)
    quotable: bool  # the respondent allowed quoting and staff read it
    day: date | None = None


@dataclass(frozen=True)
class Summary:
    used_by: int  # organisations with a definitive voucher (or participants)
    responses: int
    scores: int  # responses with a score
    mean: float | None  # one decimal; None below MIN_SCORES scores
    points: int  # the scale's highest point ("4,4 van 5")
    quotes: tuple[str, ...] = ()

    @property
    def shown(self) -> bool:
        """Whether there is anything to show publicly."""
        return self.mean is not None or bool(self.quotes)


def mean_score(scores: Iterable[int]) -> float | None:
    scores = list(scores)
    return round(sum(scores) / len(scores), 1) if scores else None


def shorten(text: str, limit: int = QUOTE_LENGTH) -> str:
    """A quote of at most `limit` characters, cut at a word with "…"; white space tidied."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–-")
    return f"{cut}…"


def summarise(used_by: int, answers: Iterable[Answer], points: int) -> Summary:
    """The public figures of one good example (or edition). Quotes: the newest first."""
    answers = list(answers)
    scores = [answer.score for answer in answers if answer.score is not None]
    quotes = [answer for answer in answers if answer.quotable and answer.quote.strip()]
    quotes.sort(key=lambda answer: answer.day or date.min, reverse=True)
    return Summary(
        used_by=used_by,
        responses=len(answers),
        scores=len(scores),
        mean=mean_score(scores) if len(scores) >= MIN_SCORES else None,
        points=points,
        quotes=tuple(shorten(answer.quote) for answer in quotes[:MAX_QUOTES]),
    )


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    percent: int  # of all scores, rounded


def distribution(scores: Iterable[int], points: int) -> list[Bar]:
    """How many gave each point of the scale (1 … points), for the admin's chart."""
    counts = Counter(scores)
    total = sum(counts[point] for point in range(1, points + 1))
    return [
        Bar(str(point), counts[point], round(100 * counts[point] / total) if total else 0)
        for point in range(1, points + 1)
    ]


def response_rate(invited: int, responded: int) -> int:
    """The share of invitations answered, in whole percent (0 without invitations)."""
    return round(100 * responded / invited) if invited else 0
