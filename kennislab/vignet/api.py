"""The vignet in the public API: the criteria engine (the application JSON of CONTRACTS.md in,
the verdict out; nothing is stored) and the register of current holders."""

import json

from django.urls import reverse
from ninja import Router, Schema

from kennislab.core.siteurl import absolute

from . import criteria, register

router = Router(tags=["Vignet Vitaal Bedrijf"])


class CriterionOut(Schema):
    code: str
    met: bool
    explanation: str


class VerdictOut(Schema):
    eligible: bool
    criteria: list[CriterionOut]
    themes_met: list[str]


class ProblemOut(Schema):
    field: str
    message: str


class InvalidOut(Schema):
    detail: str
    problems: list[ProblemOut]


class HolderOut(Schema):
    organisation: str
    place: str
    valid_until: str
    verification_url: str


@router.post(
    "/beoordeling",
    response={200: VerdictOut, 422: InvalidOut},
    summary="Een aanvraag toetsen aan de criteria",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"type": "object"}}},
        }
    },
)
def assess(request):
    """Toetst een vignetaanvraag (JSON zoals in CONTRACTS.md) aan de criteria en geeft het
    oordeel per criterium met een uitleg. Er wordt niets opgeslagen."""
    try:
        data = json.loads(request.body or b"null")
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        problem = {"field": "(body)", "message": f"geen geldige JSON ({error})"}
        return 422, {"detail": "Ongeldige invoer: geen geldige JSON.", "problems": [problem]}
    try:
        verdict = criteria.assess_data(data)
    except criteria.InvalidApplication as invalid:
        problems = [{"field": field, "message": message} for field, message in invalid.problems]
        return 422, {"detail": "Ongeldige invoer.", "problems": problems}
    return 200, verdict.as_dict()


@router.get("/register", response=list[HolderOut], summary="Organisaties met een geldig vignet")
def holders(request, q: str = "", pagina: int = 1):
    """Elke organisatie met een geldig vignet (25 per pagina); `q` zoekt in naam en plaats."""
    page = register.holders(q[:100], pagina)
    return [
        {
            "organisation": vignet.organisation,
            "place": vignet.place,
            "valid_until": vignet.valid_until.isoformat(),
            "verification_url": absolute(reverse("vignet:verify", args=[vignet.public_id])),
        }
        for vignet in page.object_list
    ]
