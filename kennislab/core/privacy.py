"""The mail outbox and the task queue in the privacy register: they repeat what the other
entries hold (names, private links, goals), so they are kept short."""

from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult

from kennislab.privacy.register import Entry, Rule, not_personal, register

from .display import mask_private_links
from .models import OutgoingEmail


def readable_mail(data: dict) -> dict:
    """A mail in an export: private links shortened, attachments by name."""
    return {
        **data,
        "body": mask_private_links(data.get("body", "")),
        "html_body": mask_private_links(data.get("html_body", "")),
        "attachments": [item[0] for item in data.get("attachments") or [] if item],
    }


register(
    Entry(
        key="core.outgoing_email",
        label=_("Verstuurde e-mails"),
        model=OutgoingEmail,
        person="to",
        fields=("to", "subject", "body", "html_body", "attachments", "headers", "last_error"),
        export_also=("created_at", "status", "sent_at", "topic"),
        purpose=_("E-mails versturen en kunnen nagaan of en wanneer een e-mail is verstuurd."),
        legal_basis="legitimate_interest",
        erase="delete",
        export_filter=readable_mail,
        labels={
            "to": _("e-mailadres"),
            "subject": _("onderwerp"),
            "body": _("tekst"),
            "html_body": _("HTML-versie van de tekst"),
            "attachments": _("bijlagen"),
            "headers": _("antwoordadres"),
            "last_error": _("foutmelding als versturen mislukte"),
        },
        retention=(
            Rule(
                key="outbox_bodies",
                description=_("De tekst van een e-mail: 30 dagen na het versturen"),
                days=30,
                due=lambda cutoff, now: OutgoingEmail.objects.filter(sent_at__lt=cutoff).exclude(
                    body="", attachments=[]
                ),
                fields=("body", "html_body", "attachments", "headers", "last_error"),
            ),
            Rule(
                key="outbox_rows",
                description=_("Dat een e-mail is verstuurd (aan wie, onderwerp): 1 jaar"),
                days=365,
                due=lambda cutoff, now: OutgoingEmail.objects.filter(created_at__lt=cutoff),
                action="delete",
            ),
        ),
    ),
    Entry(
        key="core.task_results",
        label=_("Uitgevoerde achtergrondtaken"),
        model=DBTaskResult,
        person=None,
        fields=("args_kwargs", "return_value"),
        purpose=_("Achtergrondwerk (e-mail, zoekindex, herinneringen) uitvoeren en nagaan."),
        legal_basis="legitimate_interest",
        from_public=False,
        retention=(
            Rule(
                key="task_results",
                description=_("7 dagen na het uitvoeren"),
                days=7,
                due=lambda cutoff, now: DBTaskResult.objects.filter(
                    finished_at__lt=cutoff, status__in=("SUCCESSFUL", "FAILED")
                ),
                action="delete",
            ),
        ),
    ),
)

not_personal(
    "core.SiteSettings",
    why="Contactgegevens van het netwerk zelf, geen persoon.",
)
