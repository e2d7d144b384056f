"""Background work of the vignet: the renewal reminders, one of the daily jobs (core/daily.py)."""

from kennislab.core.daily import daily_job

from . import services


@daily_job("vignet: herinneringen om te verlengen")
def renewal_reminders() -> int:
    return services.send_renewal_reminders()
