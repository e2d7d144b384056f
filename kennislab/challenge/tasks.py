"""Background work of the challenge, as daily jobs (core/daily.py): the support messages, and
removing sign-ups nobody confirmed."""

from kennislab.core.daily import daily_job

from . import services


@daily_job("30-dagenuitdaging: steunberichten")
def support_messages() -> int:
    return services.send_support_messages()


@daily_job("30-dagenuitdaging: onbevestigde aanmeldingen opruimen")
def purge_unconfirmed() -> int:
    return services.purge_unconfirmed()
