"""The vignet in the public API: the criteria engine (the application JSON of CONTRACTS.md in,
the verdict out; nothing is stored) and the register of current holders.

The request body is described in OpenAPI by VignetApplication below, and checked by the
criteria engine itself (criteria.parse), the one reader of the application JSON that the
command line uses too: every problem named per field, in Dutch, as problem+json `errors`."""

import datetime
import json
from decimal import Decimal
from typing import Literal

from django.urls import reverse
from ninja import Field, Router, Schema, Status

from kennislab.api.base import register_schema
from kennislab.api.problems import Problem, field_errors, problem
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


class HolderOut(Schema):
    organisation: str
    place: str
    valid_until: str
    verification_url: str


# --- the application JSON (CONTRACTS.md), for the OpenAPI description -----------------------

ThemeCode = Literal[tuple(criteria.THEMES)]


class VignetBaseline(Schema):
    date: datetime.date = Field(description="Datum van de nulmeting (JJJJ-MM-DD).")
    participants: int = Field(ge=0, description="Deelnemers aan de nulmeting.")


class VignetGuidance(Schema):
    name: str | None = None
    organisation: str | None = None


class VignetActivity(Schema):
    theme: ThemeCode
    title: str | None = None
    start: datetime.date
    end: datetime.date | None = Field(None, description="Niet vóór `start`.")
    participants: int = Field(ge=0, description="Niet meer dan de doelgroep.")
    target_group_size: int | None = Field(
        None, ge=1, description="Leeg: de doelgroep van de organisatie."
    )


class VignetRenewal(Schema):
    awarded_on: datetime.date


class VignetApplication(Schema):
    """Een vignetaanvraag (CONTRACTS.md). Regels tussen velden die het schema niet kan
    uitdrukken: deelnemers niet meer dan de doelgroep, een einddatum niet vóór de begindatum;
    anders 422 met het veld in `errors`."""

    organisation: str = Field(pattern=r"\S", description="Naam van de organisatie.")
    assessed_on: datetime.date | None = Field(None, description="Leeg: vandaag.")
    target_group_size: int = Field(ge=1, description="Aantal medewerkers (de doelgroep).")
    baseline: VignetBaseline | None = None
    expert_guidance: VignetGuidance | None = None
    activities: list[VignetActivity] | None = None
    renewal_of: VignetRenewal | None = None


APPLICATION_SCHEMA = register_schema(VignetApplication)


def _number(text: str):
    """A JSON number with a fraction or exponent: a whole number (`200.0`, `2e2`) is the
    integer it equals, as in JSON Schema; anything else stays a float (and is refused)."""
    value = Decimal(text)
    return int(value) if value == value.to_integral_value() and abs(value) < 10**18 else float(text)


@router.post(
    "/beoordeling",
    response={200: VerdictOut, 400: Problem, 422: Problem},
    summary="Een aanvraag toetsen aan de criteria",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": APPLICATION_SCHEMA}},
        }
    },
)
def assess(request):
    """Toetst een vignetaanvraag (JSON zoals in CONTRACTS.md) aan de criteria en geeft het
    oordeel per criterium met een uitleg. Er wordt niets opgeslagen. Ongeldige invoer: 422
    met per veld een Nederlandse uitleg in `errors`."""
    try:
        data = json.loads(request.body or b"null", parse_float=_number)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        errors = [{"loc": ["body"], "field": "(body)", "message": f"geen geldige JSON ({error})",
                   "type": "json_invalid"}]  # fmt: skip
        detail = "Ongeldig verzoek: geen geldige JSON."
        return Status(400, problem(400, detail, errors=errors, instance=request.path))
    try:
        verdict = criteria.assess_data(data)
    except criteria.InvalidApplication as invalid:
        errors = field_errors(invalid.problems)
        detail = "Ongeldige invoer. " + "; ".join(f"{f}: {m}" for f, m in invalid.problems)
        return Status(422, problem(422, detail, errors=errors, instance=request.path))
    return Status(200, verdict.as_dict())


@router.get("/register", response=list[HolderOut], summary="Organisaties met een geldig vignet")
def holders(request, q: str = "", pagina: int = 1):
    """Elke organisatie met een geldig vignet (25 per pagina); `q` zoekt in naam en plaats."""
    page = register.holders(q.replace("\x00", "")[:100], pagina)
    return [
        {
            "organisation": vignet.organisation,
            "place": vignet.place,
            "valid_until": vignet.valid_until.isoformat(),
            "verification_url": absolute(reverse("vignet:verify", args=[vignet.public_id])),
        }
        for vignet in page.object_list
    ]
