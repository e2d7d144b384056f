"""Asking a question, answering or closing it, registering interest and handling it.

Every change runs in one transaction (on the locked row when there is one) and writes its audit
event and its e-mails together (core.mail.queue_email: sent after commit, retried on failure).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kennislab.core import terms
from kennislab.core.db import with_lock_retries
from kennislab.core.errors import Refused
from kennislab.core.mail import absolute, queue_email, reply_address
from kennislab.core.workflow import ensure_unchanged

from .models import (
    ACTIVE_INTEREST,
    AdviserRoute,
    InterestEvent,
    InterestRegistration,
    InterestStatus,
    LearningCommunity,
    Question,
    QuestionEvent,
    QuestionStatus,
)

ASKER = "vraagsteller"
APPLICANT = "aanmelder"
SYSTEM = "systeem"
QUESTION_FIELDS = ("name", "email", "organisation", "phone", "question")
INTEREST_FIELDS = ("name", "email", "organisation", "role", "motivation")

# action → (the statuses it starts from, the status it leads to); each needs a text
QUESTION_STEPS = {
    "answer": ((QuestionStatus.OPEN,), QuestionStatus.ANSWERED),
    "close": ((QuestionStatus.OPEN,), QuestionStatus.CLOSED),
}
INTEREST_STEPS = {
    "contact": ((InterestStatus.NEW,), InterestStatus.CONTACTED),
    "decline": ((InterestStatus.NEW, InterestStatus.CONTACTED), InterestStatus.NOT_SUITABLE),
}


def _actor(user) -> str:
    return user.get_username() if user else SYSTEM


# --- routing ------------------------------------------------------------------------------------


def adviser_for(theme) -> object | None:
    """The staff user who answers questions about `theme`, or None (the general inbox)."""
    route = AdviserRoute.objects.select_related("adviser").filter(theme=theme).first()
    if route is None or not route.adviser.is_active:
        return None
    return route.adviser


def coordinators():
    """Who hears of questions without an adviser: active users that may see every question and
    answer (through a group or their own permissions)."""
    view = Permission.objects.filter(content_type__app_label="questions",
                                     codename="view_question").first()  # fmt: skip
    answer = Permission.objects.filter(content_type__app_label="questions",
                                       codename="answer_question").first()  # fmt: skip
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    if view is None or answer is None:
        return users.none()
    has_view = Q(groups__permissions=view) | Q(user_permissions=view)
    has_answer = Q(groups__permissions=answer) | Q(user_permissions=answer)
    return users.filter(pk__in=users.filter(has_view).values("pk")).filter(
        pk__in=users.filter(has_answer).values("pk")
    )


# --- questions ----------------------------------------------------------------------------------


def ask(data: dict, consent_text: str) -> Question:
    """Store a question, route it to its theme's adviser (or the general inbox), acknowledge it
    to the asker and tell the adviser."""
    return with_lock_retries(lambda: _ask(data, consent_text))


def _ask(data, consent_text):
    with transaction.atomic():
        theme = data["theme"]
        question = Question(theme=theme, consent_text=consent_text,
                            assigned_to=adviser_for(theme))  # fmt: skip
        for field in QUESTION_FIELDS:
            setattr(question, field, data.get(field) or "")
        question.email = question.email.strip()
        question.save()
        label = question.assigned_to.get_username() if question.assigned_to else _("algemene inbox")
        log_question(question, "ask", "", question.status,
                     _("Doorgestuurd naar %(who)s.") % {"who": label},
                     actor_label=ASKER)  # fmt: skip
        _mail_question(question, "question_received", question.email)
        admin_url = absolute(reverse("questions_admin:inspect", args=[question.pk]))
        recipients = (
            [question.assigned_to.email]
            if question.assigned_to and question.assigned_to.email
            else [user.email for user in coordinators()]
        )
        for address in dict.fromkeys(recipients):
            _mail_question(question, "question_new", address, admin_url=admin_url)
    return question


def answer_question(question_id: int, action: str, text: str, user,
                    expected_status: str | None = None) -> Question:  # fmt: skip
    """An adviser answers (the answer is mailed to the asker, replies go to the adviser) or
    closes with a note. Raises core.workflow.Stale when the question no longer has
    `expected_status`."""
    return with_lock_retries(lambda: _answer(question_id, action, text, user, expected_status))


def _answer(question_id, action, text, user, expected_status=None):
    with transaction.atomic():
        question = (
            Question.objects.select_for_update(of=("self",))
            .select_related("theme")
            .get(pk=question_id)
        )
        ensure_unchanged(question.status, expected_status, question.get_status_display())
        if action not in QUESTION_STEPS:
            raise Refused(_("Kies beantwoorden of sluiten."))
        sources, target = QUESTION_STEPS[action]
        if question.status not in sources:
            raise Refused(_("Deze vraag is al afgehandeld."))
        text = (text or "").strip()
        if not text:
            raise Refused(_("Schrijf het antwoord of de toelichting voor de vraagsteller."))
        old, question.status = question.status, target
        question.answer = text
        question.updated_at = timezone.now()
        if question.assigned_to_id is None and user is not None:
            question.assigned_to = user
        question.save()
        log_question(question, action, old, target, text, user=user, actor_label=_actor(user))
        _mail_question(question, f"question_{action}", question.email, text=text,
                       reply_to=reply_address(user))  # fmt: skip
    return question


def log_question(question, action, old, new, note, user=None, actor_label=SYSTEM):
    QuestionEvent.objects.create(question=question, action=action, from_status=old,
                                 to_status=new, note=note, actor=user,
                                 actor_label=actor_label)  # fmt: skip


QUESTION_SUBJECTS = {
    "question_received": "We hebben je vraag ontvangen ({reference})",
    "question_new": "Nieuwe vraag over {theme} ({reference})",
    "question_answer": "Antwoord op je vraag ({reference})",
    "question_close": "Je vraag is afgehandeld ({reference})",
}


def _mail_question(question: Question, kind: str, to: str, reply_to: str = "",
                   **context) -> None:  # fmt: skip
    term = terms.term_of("question", question.created_at) if kind == "question_received" else None
    queue_email(
        to,
        QUESTION_SUBJECTS[kind].format(reference=question.reference, theme=question.theme.name),
        f"questions/email/{kind}.txt",
        {"question": question, "term": term, **context},
        topic=f"vraag-{question.pk}",
        reply_to=reply_to,
    )


# --- interest registrations ---------------------------------------------------------------------


def duplicate_message(community) -> str:
    return _(
        "Met dit e-mailadres is al interesse gemeld voor %(name)s. We nemen contact met je op; "
        "je hoeft je niet nog een keer aan te melden."
    ) % {"name": community.name}


def closed_message(community) -> str:
    return _("Aanmelden voor %(name)s kan op dit moment niet.") % {"name": community.name}


def register_interest(community_id: int, data: dict, consent_text: str) -> InterestRegistration:
    """Store an interest registration. Raises Refused when the community is closed or this
    address already has an active registration for it (also when two arrive at once: the
    partial unique constraint decides)."""
    return with_lock_retries(lambda: _register_interest(community_id, data, consent_text))


def _register_interest(community_id, data, consent_text):
    with transaction.atomic():
        community = LearningCommunity.objects.get(pk=community_id)
        if not community.is_open:
            raise Refused(closed_message(community))
        email = data["email"].strip().lower()
        active = InterestRegistration.objects.filter(
            community=community, email=email, status__in=ACTIVE_INTEREST
        )
        if active.exists():
            raise Refused(duplicate_message(community), field="email")
        registration = InterestRegistration(community=community, consent_text=consent_text)
        for field in INTEREST_FIELDS:
            setattr(registration, field, data.get(field) or "")
        registration.email = email
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:
            raise Refused(duplicate_message(community), field="email") from None
        log_interest(registration, "register", "", registration.status, "",
                     actor_label=APPLICANT)  # fmt: skip
        _mail_interest(registration, "interest_received")
    return registration


def handle_interest(registration_id: int, action: str, note: str, user,
                    expected_status: str | None = None) -> InterestRegistration:  # fmt: skip
    """Staff mark a registration as contacted or not suitable, with a note that is mailed
    (replies go to that staff member). Raises core.workflow.Stale when the registration no
    longer has `expected_status`."""
    return with_lock_retries(lambda: _handle(registration_id, action, note, user, expected_status))


def _handle(registration_id, action, note, user, expected_status=None):
    with transaction.atomic():
        registration = (
            InterestRegistration.objects.select_for_update(of=("self",))
            .select_related("community")
            .get(pk=registration_id)
        )
        ensure_unchanged(registration.status, expected_status,
                         registration.get_status_display())  # fmt: skip
        if action not in INTEREST_STEPS:
            raise Refused(_("Kies een besluit."))
        sources, target = INTEREST_STEPS[action]
        if registration.status not in sources:
            raise Refused(_("Dit besluit kan niet meer bij deze aanmelding."))
        note = (note or "").strip()
        if not note:
            raise Refused(_("Schrijf een bericht aan de aanmelder."))
        old, registration.status = registration.status, target
        registration.note = note
        registration.updated_at = timezone.now()
        if registration.assigned_to_id is None and user is not None:
            registration.assigned_to = user
        registration.save()
        log_interest(registration, action, old, target, note, user=user,
                     actor_label=_actor(user))  # fmt: skip
        _mail_interest(registration, f"interest_{action}", note=note,
                       reply_to=reply_address(user))  # fmt: skip
    return registration


def log_interest(registration, action, old, new, note, user=None, actor_label=SYSTEM):
    InterestEvent.objects.create(registration=registration, action=action, from_status=old,
                                 to_status=new, note=note, actor=user,
                                 actor_label=actor_label)  # fmt: skip


INTEREST_SUBJECTS = {
    "interest_received": "Je interesse voor {community} is ontvangen",
    "interest_contact": "Over je interesse voor {community}",
    "interest_decline": "Over je interesse voor {community}",
}


def _mail_interest(registration: InterestRegistration, kind: str, reply_to: str = "",
                   **context) -> None:  # fmt: skip
    queue_email(
        registration.email,
        INTEREST_SUBJECTS[kind].format(community=registration.community.name),
        f"questions/email/{kind}.txt",
        {
            "registration": registration,
            "community": registration.community,
            "term": terms.term_of("interest", registration.created_at)
            if kind == "interest_received"
            else None,
            **context,
        },
        topic=f"interesse-{registration.pk}",
        reply_to=reply_to,
    )
