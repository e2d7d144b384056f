"""Background work of the challenge: the support messages, one of the daily jobs (core/daily.py)."""

from kennislab.core.daily import daily_job

from . import services


@daily_job("30-dagenuitdaging: steunberichten")
def support_messages() -> int:
    return services.send_support_messages()
