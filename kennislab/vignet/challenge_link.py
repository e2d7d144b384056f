"""A 30DagenGezonder team as evidence for the vignet: pure rules on plain data, no database.

An employer whose team took part in the 30-day challenge may add the team to its vignet
application as an activity, once the team's captain confirms it.

* Theme: each member chose a challenge theme; it maps to a vignet theme (THEME_MAP). Exercise →
  bewegen; healthier eating and less sugar → voeding; no alcohol → alcohol-drugs-medicijnen;
  relaxation and sleep → ontspanning-mentale-balans. "Anders" (a challenge of one's own) has no
  vignet theme and does not count.
* Participants: a member counts when confirmed (double opt-in) and at least MIN_DAYS of the 30
  days are ticked off; each member counts once, for the vignet theme of their own challenge
  theme. A team whose counting members chose different themes gives one activity per theme.
* Dates: the edition's, day 1 to day 30.
* When: from the day after day 30 (the count is final) until the edition's private links stop
  working, 30 days after day 30 (after that the challenge removes its participants' data).
* The captain, who confirms the link: the confirmed member who started the team; when that
  member is gone, the confirmed member who joined first.

These functions decide; services.py applies a decision (request, confirm, decline, remove).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from kennislab.challenge import rules as challenge_rules
from kennislab.core.dates import dutch_date

from .criteria import THEMES

MIN_DAYS = 20
LINK_DAYS = 14  # the captain's private link works this long

# The challenge's themes (challenge.models.Theme values) and the vignet theme they count for.
THEME_MAP: dict[str, str] = {
    "exercise": "bewegen",
    "healthy_eating": "voeding",
    "less_sugar": "voeding",
    "no_alcohol": "alcohol-drugs-medicijnen",
    "relaxation": "ontspanning-mentale-balans",
    "sleep": "ontspanning-mentale-balans",
}
UNMAPPED = frozenset({"other"})  # challenge themes that count for no vignet theme


@dataclass(frozen=True)
class Member:
    """A team member as the rules need them (no name, no address)."""

    id: int
    theme: str  # the challenge theme
    confirmed: bool
    days_ticked: int
    started_team: bool = False
    order: int = 0  # sign-up order within the team (lower: earlier)


def vignet_theme(challenge_theme: str) -> str | None:
    """The vignet theme a challenge theme counts for, or None."""
    return THEME_MAP.get(challenge_theme)


def counts(member: Member) -> bool:
    """Whether the member counts as a participant: confirmed, at least MIN_DAYS ticked off."""
    return member.confirmed and member.days_ticked >= MIN_DAYS


def participants_per_theme(members: Iterable[Member]) -> dict[str, int]:
    """Per vignet theme (in the criteria's order) how many members count for it; themes
    nobody counts for are left out."""
    totals: dict[str, int] = {}
    for member in members:
        theme = vignet_theme(member.theme)
        if theme is not None and counts(member):
            totals[theme] = totals.get(theme, 0) + 1
    return {theme: totals[theme] for theme in THEMES if theme in totals}


def captain(members: Iterable[Member]) -> Member | None:
    """Who confirms the link: the confirmed member who started the team, else the confirmed
    member who joined first; None when nobody in the team is confirmed."""
    confirmed = [member for member in members if member.confirmed]
    if not confirmed:
        return None
    return min(confirmed, key=lambda member: (not member.started_team, member.order, member.id))


def edition_dates(starts_on: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The activity's dates: day 1 and day 30 of the edition."""
    return starts_on, challenge_rules.ends_on(starts_on)


def linkable_from(starts_on: datetime.date) -> datetime.date:
    """The first day a team can be linked: the day after day 30."""
    return challenge_rules.ends_on(starts_on) + datetime.timedelta(days=1)


def linkable_until(starts_on: datetime.date) -> datetime.date:
    """The last day a team can be linked: the last day the edition's private links work."""
    return challenge_rules.link_valid_until(starts_on)


def refusal(starts_on: datetime.date, members: Iterable[Member],
            today: datetime.date) -> str | None:  # fmt: skip
    """Why this team cannot be added now (Dutch, for the applicant), or None."""
    members = list(members)
    if today < linkable_from(starts_on):
        return (
            "Dit team kan meetellen als de uitdaging voorbij is: vanaf "
            f"{dutch_date(linkable_from(starts_on))}. Dan staat vast wie minstens {MIN_DAYS} "
            "dagen afvinkte."
        )
    if today > linkable_until(starts_on):
        return (
            "Een team van deze editie kan niet meer worden toegevoegd: dat kon tot en met "
            f"{dutch_date(linkable_until(starts_on))}. Daarna zijn de gegevens van de deelnemers "
            "verwijderd."
        )
    if captain(members) is None:
        return "Dit team heeft geen bevestigde deelnemers; het kan niet meetellen."
    if participants_per_theme(members):
        return None
    if any(counts(member) for member in members):
        return (
            f"De teamleden die minstens {MIN_DAYS} dagen afvinkten, deden een eigen uitdaging "
            "(thema ‘Anders’). Die past bij geen van de thema's van het vignet, dus het team telt "
            "niet mee."
        )
    return (
        f"Niemand in dit team vinkte minstens {MIN_DAYS} van de 30 dagen af; het team telt "
        "daarom niet mee."
    )


def describe(per_theme: dict[str, int]) -> str:
    """ "Bewegen: 7 deelnemers, Voeding: 2 deelnemers" (for mails and pages)."""
    return ", ".join(
        f"{THEMES[theme]}: {count} {'deelnemer' if count == 1 else 'deelnemers'}"
        for theme, count in per_theme.items()
    )
