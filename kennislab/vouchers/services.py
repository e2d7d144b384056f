"""Applying the voucher rules: submitting applications and deciding on them.

Every change runs in one transaction that first locks the scheme's row (select_for_update: a row
lock on PostgreSQL; on SQLite the IMMEDIATE transaction mode takes the write lock at BEGIN). So
allocations never interleave: what is left is counted from the applications themselves, then the
rules decide, then the result is written, the audit log appended and the e-mail queued — all or
nothing. A SQLite "database is locked" after the busy timeout is retried a few times.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kennislab.core import terms
from kennislab.core.db import with_lock_retries
from kennislab.core.mail import absolute, queue_email, reply_address
from kennislab.core.names import organisation_key
from kennislab.core.tokens import find_by_token, new_token
from kennislab.core.workflow import ensure_unchanged

from . import rules
from .models import HOLDING, Application, ApplicationEvent, GoodExamplePage, Scheme, Status

TOKEN_DAYS = 365
SYSTEM = "systeem"
APPLICANT = "aanvrager"


class ApplicationRefused(Exception):
    """The application cannot be taken; the message is Dutch and meant for the applicant."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


# --- reading --------------------------------------------------------------------------------


def limits_of(scheme: Scheme) -> rules.Limits:
    return rules.Limits(
        max_vouchers=scheme.max_vouchers,
        max_per_example=scheme.max_per_example,
        budget_total=scheme.budget_total,
        voucher_amount=scheme.voucher_amount,
    )


def state_of(scheme: Scheme) -> rules.State:
    return _allocation_snapshot(scheme)[0]


def _allocation_snapshot(scheme: Scheme) -> tuple[rules.State, int, int]:
    """What is granted now, the highest sequence number so far and how many wait (one
    query)."""
    rows = (
        Application.objects.filter(scheme=scheme)
        .order_by()
        .values("example_id")
        .annotate(
            granted=Count("id", filter=Q(status__in=HOLDING)),
            amount=Sum("amount", filter=Q(status__in=HOLDING)),
            waiting=Count("id", filter=Q(status=Status.WAITING)),
            last=Max("sequence"),
        )
    )
    per_example, granted, amount, last, waiting = {}, 0, Decimal("0"), 0, 0
    for row in rows:
        if row["granted"]:
            per_example[row["example_id"]] = row["granted"]
        granted += row["granted"]
        amount += row["amount"] or Decimal("0")
        last = max(last, row["last"] or 0)
        waiting += row["waiting"]
    state = rules.State(granted=granted, budget_allocated=amount, per_example=per_example)
    return state, last, waiting


@dataclass
class ExampleAvailability:
    allocated: int
    maximum: int
    waiting: int

    @property
    def remaining(self) -> int:
        return max(0, self.maximum - self.allocated)

    @property
    def label(self) -> str:
        if self.remaining:
            return _("nog %(left)s van %(max)s beschikbaar") % {
                "left": self.remaining,
                "max": self.maximum,
            }
        return _("vol – wachtlijst")


@dataclass
class Availability:
    scheme: Scheme
    phase: str
    vouchers_total: int
    vouchers_allocated: int
    budget_total: Decimal
    budget_allocated: Decimal
    applications: int
    waiting: int
    examples: dict[int, ExampleAvailability] = field(default_factory=dict)

    def example(self, example_id: int) -> ExampleAvailability:
        return self.examples.get(example_id, ExampleAvailability(0, self.scheme.max_per_example, 0))

    @property
    def vouchers_remaining(self) -> int:
        return max(0, self.vouchers_total - self.vouchers_allocated)

    @property
    def budget_remaining(self) -> Decimal:
        return max(Decimal("0"), self.budget_total - self.budget_allocated)

    @property
    def is_open(self) -> bool:
        return self.phase == "open"


def example_availability(scheme: Scheme, example_id: int) -> ExampleAvailability:
    """One example's figures (one query: the form and the example page need no more)."""
    totals = Application.objects.filter(example_id=example_id).aggregate(
        granted=Count("id", filter=Q(status__in=HOLDING)),
        waiting=Count("id", filter=Q(status=Status.WAITING)),
    )
    return ExampleAvailability(totals["granted"], scheme.max_per_example, totals["waiting"])


def availability(scheme: Scheme) -> Availability:
    """What the public pages, the dashboard and the API show (no lock: a snapshot)."""
    rows = (
        Application.objects.filter(scheme=scheme)
        .order_by()
        .values("example_id")
        .annotate(
            granted=Count("id", filter=Q(status__in=HOLDING)),
            waiting=Count("id", filter=Q(status=Status.WAITING)),
        )
    )
    examples = {
        row["example_id"]: ExampleAvailability(
            row["granted"], scheme.max_per_example, row["waiting"]
        )
        for row in rows
    }
    from .models import VoucherSchemePage

    scheme_page = VoucherSchemePage.objects.filter(scheme=scheme).first()
    if scheme_page is not None:  # examples without applications yet
        for page_id in GoodExamplePage.objects.child_of(scheme_page).values_list("id", flat=True):
            examples.setdefault(page_id, ExampleAvailability(0, scheme.max_per_example, 0))
    totals = Application.objects.filter(scheme=scheme).aggregate(
        all=Count("id"),
        granted=Count("id", filter=Q(status__in=HOLDING)),
        waiting=Count("id", filter=Q(status=Status.WAITING)),
        amount=Sum("amount", filter=Q(status__in=HOLDING)),
    )
    return Availability(
        scheme=scheme,
        phase=scheme.phase(),
        vouchers_total=scheme.max_vouchers,
        vouchers_allocated=totals["granted"],
        budget_total=scheme.budget_total,
        budget_allocated=totals["amount"] or Decimal("0"),
        applications=totals["all"],
        waiting=totals["waiting"],
        examples=examples,
    )


# --- submitting -----------------------------------------------------------------------------


def submit(
    example: GoodExamplePage, data: dict, consent_text: str, scheme_id: int | None = None
) -> tuple[Application, str]:
    """Take an application: (the stored application, its private token).
    Raises ApplicationRefused (closed scheme, duplicate). `scheme_id` saves looking it up
    when the caller knows it already."""
    if scheme_id is None:
        scheme_id = example.get_parent().specific.scheme_id
    return with_lock_retries(lambda: _submit(scheme_id, example, data, consent_text))


def _submit(scheme_id, example, data, consent_text):
    key = organisation_key(data["organisation"])
    with transaction.atomic():
        scheme = Scheme.objects.select_for_update().get(pk=scheme_id)
        phase = scheme.phase()
        if phase != "open":
            raise ApplicationRefused(closed_message(scheme, phase))
        # One application per organisation and example: the unique constraint on (example,
        # organisation_key) refuses the insert below; the transaction then rolls back whole.
        state, last, waiting = _allocation_snapshot(scheme)
        decision = rules.on_arrival(limits_of(scheme), state, example.pk)
        token, hashed = new_token()
        now = timezone.now()
        try:
            application = Application.objects.create(
                scheme=scheme,
                example=example,
                sequence=last + 1,
                received_at=now,
                status=decision.status,
                amount=scheme.voucher_amount if decision.status == Status.GRANTED else None,
                organisation=data["organisation"],
                organisation_key=key,
                organisation_type=data["organisation_type"],
                region=data.get("region", ""),
                province=data.get("province", ""),
                contact_name=data["contact_name"],
                email=data["email"],
                phone=data.get("phone", ""),
                motivation=data["motivation"],
                own_contribution=data["own_contribution"],
                consent=True,
                consent_text=consent_text,
                impact_consent=bool(data.get("impact_consent")),
                token_hash=hashed,
                token_expires_at=now + timedelta(days=TOKEN_DAYS),
            )
        except IntegrityError:
            raise ApplicationRefused(duplicate_message(), field="organisation") from None
        application.reference = f"KV-{timezone.localtime(now):%Y}-{application.pk:04d}"
        application.save(update_fields=["reference"])
        log(application, "", decision.status, decision.reason, actor_label=APPLICANT)
        # a new waiting application is the last in the queue
        position = waiting + 1 if decision.status == Status.WAITING else None
        notify(application, "received", token=token, position=position)
    return application, token


def closed_message(scheme: Scheme, phase: str) -> str:
    if phase == "not_yet":
        return _("Aanvragen kan vanaf %(moment)s.") % {
            "moment": timezone.localtime(scheme.opens_at).strftime("%d-%m-%Y %H:%M")
        }
    return _("Deze regeling is gesloten: er kunnen geen aanvragen meer worden ingediend.")


def duplicate_message() -> str:
    return _(
        "Deze organisatie heeft al een aanvraag gedaan voor dit goede voorbeeld. Per "
        "organisatie kan één aanvraag per voorbeeld worden ingediend."
    )


# --- deciding -------------------------------------------------------------------------------


def decide(application_id: int, action: str, note: str = "", user=None, actor_label: str = "",
           expected_status: str | None = None):  # fmt: skip
    """Grant, confirm (definitively), reject or withdraw an application; waiting applications
    move up when a voucher comes free. Raises rules.NotAllowed (Dutch message) when the rules
    do not allow it, and workflow.Stale when the application no longer has `expected_status`
    (the status the staff member saw: someone else decided meanwhile)."""
    return with_lock_retries(
        lambda: _decide(application_id, action, note, user, actor_label, expected_status)
    )


def _decide(application_id, action, note, user, actor_label, expected_status=None):
    with transaction.atomic():
        application = Application.objects.select_related("scheme").get(pk=application_id)
        scheme = Scheme.objects.select_for_update().get(pk=application.scheme_id)
        application = Application.objects.select_for_update().get(pk=application_id)
        old = application.status
        ensure_unchanged(old, expected_status, application.get_status_display())
        new = rules.next_status(old, action)
        if new == Status.GRANTED:
            reason = rules.blocking_cap(limits_of(scheme), state_of(scheme), application.example_id)
            if reason:
                raise rules.NotAllowed(reason)
        application.status = new
        if new not in HOLDING:
            application.amount = None
        elif old not in HOLDING:
            application.amount = scheme.voucher_amount
        application.decision_note = note
        application.decided_at = timezone.now()
        application.save(update_fields=["status", "amount", "decision_note", "decided_at"])
        label = actor_label or (user.get_username() if user else SYSTEM)
        log(application, old, new, note, user=user, actor_label=label)
        notify(application, new, reply_to=reply_address())
        promoted = promote_waiting(scheme) if rules.frees_a_voucher(old, new) else []
    return application, promoted


def promote_waiting(scheme: Scheme) -> list[Application]:
    """Grant every waiting application that now fits, in arrival order (inside the lock)."""
    waiting = list(
        Application.objects.filter(scheme=scheme, status=Status.WAITING)
        .order_by("sequence")
        .values_list("id", "example_id")
    )
    chosen = rules.move_up(limits_of(scheme), state_of(scheme), waiting)
    promoted = []
    for application in Application.objects.filter(pk__in=chosen).order_by("sequence"):
        application.status = Status.GRANTED
        application.amount = scheme.voucher_amount
        application.decided_at = timezone.now()
        application.save(update_fields=["status", "amount", "decided_at"])
        log(
            application,
            Status.WAITING,
            Status.GRANTED,
            _("Doorgeschoven van de wachtlijst: er kwam een voucher vrij."),
            actor_label=SYSTEM,
        )
        notify(application, "moved_up")
        promoted.append(application)
    return promoted


def withdraw_by_applicant(token: str) -> Application:
    application = by_token(token)
    if application is None:
        raise rules.NotAllowed(_("Deze link werkt niet (meer)."))
    decide(application.pk, "withdraw", _("Ingetrokken door de aanvrager."), actor_label=APPLICANT)
    return Application.objects.get(pk=application.pk)


def by_token(token: str) -> Application | None:
    return find_by_token(Application.objects.select_related("scheme", "example"), token)


# --- audit log and mail ---------------------------------------------------------------------


def log(application, old, new, note, user=None, actor_label=SYSTEM):
    ApplicationEvent.objects.create(
        application=application,
        actor=user,
        actor_label=actor_label,
        from_status=old,
        to_status=new,
        note=note,
    )


SUBJECTS = {
    "received": "Je aanvraag voor een kennisvoucher is ontvangen ({reference})",
    "moved_up": "Goed nieuws: je aanvraag {reference} heeft een voucher",
    Status.GRANTED: "Je aanvraag {reference} is voorlopig toegekend",
    Status.CONFIRMED: "Je kennisvoucher {reference} is definitief toegekend",
    Status.REJECTED: "Besluit over je aanvraag {reference}",
    Status.WITHDRAWN: "Je aanvraag {reference} is ingetrokken",
}


def notify(
    application: Application,
    event: str,
    token: str | None = None,
    position: int | None = None,
    reply_to: str = "",
) -> None:
    link = absolute(reverse("vouchers:application", args=[token])) if token else ""
    queue_email(
        application.email,
        SUBJECTS[event].format(reference=application.reference),
        f"vouchers/email/{event}.txt",
        {
            "application": application,
            "scheme": application.scheme,
            "example": application.example,
            "position": position if position is not None else application.position,
            "link": link,
            "term": decision_term(application),
        },
        topic=application.reference or "",
        reply_to=reply_to,
    )


def decision_term(application: Application):
    """The definitive decision's term of a provisionally granted application (None otherwise):
    DECISION_TERMS["voucher"] working days from receipt — or, for one that came from the waiting
    list, from the moment it moved up (its `decided_at`)."""
    if application.status != Status.GRANTED:
        return None
    return terms.term_of("voucher", application.decided_at or application.received_at)
