"""Background work of the newsletter: the daily clean-up (core/daily.py)."""

from kennislab.core.daily import daily_job

from . import services


@daily_job("nieuwsbrief: verlopen aanmeldingen opruimen")
def purge_expired() -> int:
    """Deletes unconfirmed sign-ups older than 7 days and unsubscribe entries older than 30.
    Sends nothing (returns the number deleted)."""
    return services.purge_expired()


@daily_job("nieuwsbrief: wie welke nieuwsbrief kreeg opruimen")
def purge_deliveries() -> int:
    """Deletes the per-recipient records of issues that went out more than 90 days ago (the
    totals stay on the sending). Sends nothing."""
    return services.purge_deliveries()
