"""The retention rules run every day (core/daily.py), as `manage.py personal_data purge` does."""

import logging

from kennislab.core.daily import daily_job

from . import services

logger = logging.getLogger(__name__)


@daily_job("privacy: bewaartermijnen toepassen")
def apply_retention() -> int:
    """Applies every rule of the register; logs the count per rule; returns the total."""
    results = services.purge()
    for result in results:
        logger.info("privacy rule %s: %s", result.rule.key, result.count)
    return sum(result.count for result in results)
