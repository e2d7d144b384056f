"""Background work of the campaigns: reminders for incomplete activities (a daily job)."""

from kennislab.core.daily import daily_job

from . import activities


@daily_job("campagnes: herinneringen voor onvolledige activiteiten")
def activity_reminders() -> int:
    return activities.send_reminders()
