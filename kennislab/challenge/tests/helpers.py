import html as html_lib
import re

from kennislab.challenge.models import CheckIn, Participant, SentMessage, Team
from kennislab.core.models import OutgoingEmail

PRIVATE_LINK = re.compile(r"http://testserver/uitdaging/deelname/([A-Za-z0-9_-]{20,})/")
UNSUBSCRIBE_LINK = re.compile(r"http://testserver/uitdaging/afmelden/([A-Za-z0-9_-]{20,})/")


def text(response) -> str:
    return html_lib.unescape(response.content.decode())


def counts() -> tuple[int, int, int, int, int]:
    return (
        Participant.objects.count(),
        Team.objects.count(),
        CheckIn.objects.count(),
        SentMessage.objects.count(),
        OutgoingEmail.objects.count(),
    )


def nothing_stored() -> bool:
    return counts() == (0, 0, 0, 0, 0)


def link_in(email: OutgoingEmail) -> str:
    match = PRIVATE_LINK.search(email.body)
    assert match, email.body
    return match.group(1)


def participant_url(token: str) -> str:
    return f"/uitdaging/deelname/{token}/"


def field_error(html: str, field: str) -> list[str]:
    pattern = rf'<p class="form-error" id="id_{field}-fout"><span class="visually-hidden">Fout:</span> ([^<]*)</p>'
    return re.findall(pattern, html)
