"""Background work of Mijn Kennislab: the daily clean-up (core/daily.py)."""

from kennislab.core.daily import daily_job

from . import services


@daily_job("mijn kennislab: verlopen links opruimen")
def purge_expired() -> int:
    """Deletes overview links past their expiry. Sends nothing (returns the number deleted)."""
    return services.purge_expired()
