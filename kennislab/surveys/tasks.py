"""Background work of the surveys app, as a daily job (core/daily.py): the impact survey's
invitations and their one reminder (impact.py)."""

from kennislab.core.daily import daily_job

from . import impact


@daily_job("effect: vragenlijsten en herinneringen")
def impact_invitations() -> int:
    return impact.send_due()
