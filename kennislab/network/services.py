"""Applying the network rules: signing a pledge, changing it and posting progress updates
through the signer's private link, moderation of pledges and updates, and practice stories with
their acceptance as a draft Kennislab article.

Every change runs in one transaction on the record's locked row and writes its audit event and
its e-mail together; a link in an e-mail is always a fresh one (only its hash is stored), so the
latest e-mail holds the link that works.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kennislab.content.models import ArticleContact, ArticlePage, ItemType, Person
from kennislab.content.site import ensure_kennislab_index
from kennislab.core import terms, uploads
from kennislab.core.db import with_lock_retries
from kennislab.core.errors import Refused
from kennislab.core.mail import absolute, queue_email, reply_address
from kennislab.core.tokens import find_by_token, new_token
from kennislab.core.workflow import ensure_unchanged

from . import rules, timeline
from .models import (
    LinkStatus,
    Pledge,
    PledgeEvent,
    PledgeLink,
    PledgeStatus,
    PledgeUpdate,
    Story,
    StoryEvent,
    StoryStatus,
)

SIGNER = "ondertekenaar"
SUBMITTER = "inzender"
SYSTEM = "systeem"
PLEDGE_FIELDS = ("organisation", "contact_name", "email", "phone", "province", "partners",
                 "commitments")  # fmt: skip
STORY_FIELDS = ("title", "summary", "what_was_done", "what_worked", "lessons", "contact_name",
                "email", "organisation", "name_public")  # fmt: skip
STORY_AUTHOR_ROLE = "Auteur van een praktijkverhaal"


def _fresh_link(pledge: Pledge) -> str:
    """Give the pledge a new private link (the previous one stops working); the URL."""
    token, pledge.token_hash = new_token()
    pledge.token_expires_at = rules.link_expires_at(timezone.now())
    return absolute(reverse("network:pledge-private", args=[token]))


def _set_relations(obj, data, names):
    for name in names:
        if name in data:
            getattr(obj, name).set(data[name])


# --- pledges -----------------------------------------------------------------------------------


def sign(data: dict, consent_text: str) -> tuple[Pledge, str]:
    """(the stored pledge, its private token)."""
    return with_lock_retries(lambda: _sign(data, consent_text))


def _sign(data, consent_text):
    with transaction.atomic():
        token, hashed = new_token()
        pledge = Pledge(consent_text=consent_text, token_hash=hashed,
                        token_expires_at=rules.link_expires_at(timezone.now()))  # fmt: skip
        for field in PLEDGE_FIELDS:
            setattr(pledge, field, data.get(field) or "")
        for attempt in range(5):  # two pledges of the same name at once: the slug differs
            base = slugify(pledge.organisation)[:80] or "pledge"
            taken = Pledge.objects.filter(slug__startswith=base).values_list("slug", flat=True)
            pledge.slug = rules.unique_slug(pledge.organisation, taken)
            try:
                with transaction.atomic():
                    pledge.save()
                break
            except IntegrityError:
                if attempt == 4:
                    raise
        _set_relations(pledge, data, ("themes", "domains"))
        log_pledge(pledge, "sign", "", pledge.status, "", actor_label=SIGNER)
        link = absolute(reverse("network:pledge-private", args=[token]))
        notify_pledge(pledge, "pledge_signed", link=link)
    return pledge, token


def by_token(token: str) -> Pledge | None:
    return find_by_token(Pledge.objects.all(), token)


def send_new_links(email: str) -> int:
    """Mail a fresh private link for every pledge signed with this address that can still be
    changed or updated (not rejected); the previous links stop working. The caller answers the
    same whatever this finds, so the form never tells who signed. Returns how many were sent."""
    sent = 0
    address = (email or "").strip()
    with transaction.atomic():
        pledges = Pledge.objects.select_for_update().filter(email__iexact=address).exclude(
            status=PledgeStatus.REJECTED)  # fmt: skip
        for pledge in pledges:
            link = _fresh_link(pledge)
            pledge.save(update_fields=["token_hash", "token_expires_at"])
            notify_pledge(pledge, "pledge_new_link", link=link)
            sent += 1
    return sent


def change(pledge_id: int, data: dict) -> Pledge:
    """The signer changes the pledge the editors asked to change; it goes back to them."""
    return with_lock_retries(lambda: _change(pledge_id, data))


def _change(pledge_id, data):
    with transaction.atomic():
        pledge = Pledge.objects.select_for_update().get(pk=pledge_id)
        if pledge.status not in rules.PLEDGE_EDITABLE:
            raise Refused(_("Deze pledge kan nu niet worden gewijzigd."))
        step = rules.step_for("pledge", pledge.status, "resubmit", rules.SIGNER)
        for field in PLEDGE_FIELDS:
            if field in data and field != "email":  # the address the links go to stays
                setattr(pledge, field, data[field] or "")
        old, pledge.status = pledge.status, step.target
        pledge.updated_at = timezone.now()
        pledge.save()
        _set_relations(pledge, data, ("themes", "domains"))
        log_pledge(pledge, step.action, old, step.target, "", actor_label=SIGNER)
    return pledge


def post_update(pledge_id: int, text: str, happened_on=None, commitment=None) -> PledgeUpdate:
    """A progress update on a pledge on the wall; it waits for the editors. `commitment`: the
    number of the commitment it serves (timeline.commitment_items), or None."""
    return with_lock_retries(lambda: _post_update(pledge_id, text, happened_on, commitment))


def _post_update(pledge_id, text, happened_on, commitment=None):
    with transaction.atomic():
        pledge = Pledge.objects.select_for_update().get(pk=pledge_id)
        if pledge.status not in rules.UPDATES_ALLOWED:
            raise Refused(_("Voortgang delen kan zodra je pledge op de pledgemuur staat."))
        commitment = _checked_commitment(pledge, commitment)
        update = PledgeUpdate.objects.create(pledge=pledge, text=text, happened_on=happened_on,
                                             commitment=commitment)  # fmt: skip
        log_pledge(pledge, "post_update", "", update.status, "", update=update,
                   actor_label=SIGNER)  # fmt: skip
    return update


def moderate_pledge(pledge_id: int, action: str, note: str, user,
                    expected_status: str | None = None) -> Pledge:  # fmt: skip
    """An editor approves, asks for changes or rejects (rules.PLEDGE_STEPS); the signer hears it
    by e-mail, with a fresh private link unless the pledge was rejected. Raises
    core.workflow.Stale when the pledge no longer has `expected_status`."""
    return with_lock_retries(
        lambda: _moderate_pledge(pledge_id, action, note, user, expected_status)
    )


def _moderate_pledge(pledge_id, action, note, user, expected_status=None):
    with transaction.atomic():
        pledge = Pledge.objects.select_for_update().get(pk=pledge_id)
        ensure_unchanged(pledge.status, expected_status, pledge.get_status_display())
        step = rules.step_for("pledge", pledge.status, action, rules.EDITOR)
        note = (note or "").strip()
        if step.note_required and not note:
            raise rules.NotAllowed(_("Schrijf de ondertekenaar waarom."))
        old, pledge.status = pledge.status, step.target
        pledge.editor_note = note
        pledge.updated_at = timezone.now()
        if step.target == PledgeStatus.APPROVED and pledge.approved_at is None:
            pledge.approved_at = timezone.now()
        link = _fresh_link(pledge) if step.target != PledgeStatus.REJECTED else ""
        pledge.save()
        log_pledge(pledge, step.action, old, step.target, note, user=user,
                   actor_label=_actor(user))  # fmt: skip
        notify_pledge(pledge, f"pledge_{step.action}", link=link, note=note)
    return pledge


def moderate_update(update_id: int, action: str, note: str, user,
                    expected_status: str | None = None) -> PledgeUpdate:  # fmt: skip
    return with_lock_retries(
        lambda: _moderate_update(update_id, action, note, user, expected_status)
    )


def _moderate_update(update_id, action, note, user, expected_status=None):
    with transaction.atomic():
        update = PledgeUpdate.objects.select_for_update().get(pk=update_id)
        pledge = Pledge.objects.select_for_update().get(pk=update.pledge_id)
        ensure_unchanged(update.status, expected_status, update.get_status_display())
        step = rules.step_for("update", update.status, action, rules.EDITOR)
        note = (note or "").strip()
        if step.note_required and not note:
            raise rules.NotAllowed(_("Schrijf de ondertekenaar waarom."))
        old, update.status = update.status, step.target
        update.editor_note = note
        update.save(update_fields=["status", "editor_note"])
        link = _fresh_link(pledge) if pledge.status != PledgeStatus.REJECTED else ""
        pledge.save(update_fields=["token_hash", "token_expires_at"])
        log_pledge(pledge, step.action, old, step.target, note, update=update, user=user,
                   actor_label=_actor(user))  # fmt: skip
        notify_pledge(pledge, f"update_{step.action}", link=link, note=note, update=update)
    return update


# --- deeds: links to what the organisation did on the platform (issue 18) -------------------------


def _checked_commitment(pledge: Pledge, number) -> int | None:
    if number in (None, ""):
        return None
    total = len(timeline.commitment_items(pledge.commitments))
    try:
        number = int(number)
    except (TypeError, ValueError):
        number = 0
    if timeline.valid_commitment(number, total) is None:
        raise Refused(_("Deze pledge heeft geen afspraak met dat nummer."))
    return number


def decide_link(pledge_id: int, kind: str, target_id: int, action: str, user,
                commitment=None) -> PledgeLink:  # fmt: skip
    """An editor confirms ("confirm": it shows on the pledge's timeline, optionally as progress on
    one of its commitments) or rejects ("reject": not suggested again; a confirmed link is taken
    off) a record as a deed of the pledge's organisation. Logged in the pledge's history."""
    return with_lock_retries(
        lambda: _decide_link(pledge_id, kind, target_id, action, user, commitment)
    )


def _decide_link(pledge_id, kind, target_id, action, user, commitment):
    from . import deeds  # reads the other apps' records

    if action not in ("confirm", "reject"):
        raise Refused(_("Kies bevestigen of afwijzen."))
    with transaction.atomic():
        pledge = Pledge.objects.select_for_update().get(pk=pledge_id)
        record = deeds.find(kind, target_id)
        link = PledgeLink.objects.filter(pledge=pledge, kind=kind, target_id=target_id).first()
        if record is None and (action == "confirm" or link is None):
            raise Refused(_("Dit record bestaat niet (meer)."))
        status = LinkStatus.CONFIRMED if action == "confirm" else LinkStatus.REJECTED
        if link is not None and link.status == status:
            raise Refused(_("Dit was al zo vastgelegd."))
        link = link or PledgeLink(pledge=pledge, kind=kind, target_id=target_id)
        link.status = status
        if action == "confirm":
            link.commitment = _checked_commitment(pledge, commitment)
        link.decided_by = user
        link.decided_at = timezone.now()
        link.save()
        description = _link_note(link, record)
        log_pledge(pledge, f"link_{action}", pledge.status, pledge.status, description,
                   user=user, actor_label=_actor(user))  # fmt: skip
    return link


def _link_note(link: PledgeLink, record) -> str:
    what = (
        f"{link.get_kind_display()}: {record.organisation} – {record.description}"
        if record
        else f"{link.get_kind_display()} {link.target_id}"
    )
    if link.status == LinkStatus.CONFIRMED and link.commitment:
        return _("%(what)s (afspraak %(number)s)") % {"what": what, "number": link.commitment}
    return what


def set_commitment(pledge_id: int, item: str, pk: int, commitment, user):
    """An editor says which commitment an approved update (`item` "update") or a confirmed link
    ("link") serves — or none (`commitment` None). Counts for the pledge's progress."""
    return with_lock_retries(lambda: _set_commitment(pledge_id, item, pk, commitment, user))


def _set_commitment(pledge_id, item, pk, commitment, user):
    with transaction.atomic():
        pledge = Pledge.objects.select_for_update().get(pk=pledge_id)
        number = _checked_commitment(pledge, commitment)
        if item == "update":
            record = pledge.updates.filter(pk=pk).first()
            what = _("Voortgangsupdate")
        else:
            record = pledge.links.filter(pk=pk, status=LinkStatus.CONFIRMED).first()
            what = record.get_kind_display() if record else ""
        if record is None:
            raise Refused(_("Dit hoort niet (meer) bij deze pledge."))
        record.commitment = number
        record.save(update_fields=["commitment"])
        note = (_("%(what)s: afspraak %(number)s") % {"what": what, "number": number} if number
                else _("%(what)s: geen bepaalde afspraak") % {"what": what})  # fmt: skip
        log_pledge(pledge, "commitment", pledge.status, pledge.status, note,
                   update=record if item == "update" else None, user=user,
                   actor_label=_actor(user))  # fmt: skip
    return record


def _actor(user) -> str:
    return user.get_username() if user else SYSTEM


def log_pledge(pledge, action, old, new, note, update=None, user=None, actor_label=SYSTEM):
    PledgeEvent.objects.create(pledge=pledge, update=update, action=action, from_status=old,
                               to_status=new, note=note, actor=user,
                               actor_label=actor_label)  # fmt: skip


PLEDGE_SUBJECTS = {
    "pledge_signed": "Je pledge is ontvangen",
    "pledge_new_link": "Je nieuwe link voor je pledge",
    "pledge_approve": "Je pledge staat op de pledgemuur: {name}",
    "pledge_request_changes": "Wil je je pledge aanpassen? {name}",
    "pledge_reject": "Je pledge is niet geplaatst: {name}",
    "update_approve": "Je voortgangsupdate staat bij je pledge: {name}",
    "update_reject": "Je voortgangsupdate is niet geplaatst: {name}",
}


def notify_pledge(pledge: Pledge, kind: str, link: str = "", note: str = "", update=None):
    queue_email(
        pledge.email,
        PLEDGE_SUBJECTS[kind].format(name=pledge.organisation),
        f"network/email/{kind}.txt",
        {
            "pledge": pledge,
            "link": link,
            "note": note,
            "update": update,
            "public_url": absolute(pledge.get_absolute_url()),
            "term": pledge_term(pledge) if kind == "pledge_signed" else None,
        },
        topic=f"pledge-{pledge.pk}",
        reply_to=reply_address() if kind in REPLY_KINDS else "",
    )


# Decisions of the editors: the signer or submitter may answer them.
REPLY_KINDS = ("pledge_approve", "pledge_request_changes", "pledge_reject", "update_approve",
               "update_reject", "story_accept", "story_reject")  # fmt: skip


def pledge_term(pledge: Pledge):
    """The editors' term while the pledge waits for them (None otherwise)."""
    if pledge.status != PledgeStatus.SUBMITTED:
        return None
    return terms.term_of("pledge", pledge.updated_at or pledge.created_at)


def story_term(story: Story):
    if story.status != StoryStatus.SUBMITTED:
        return None
    return terms.term_of("story", story.created_at)


# --- practice stories ----------------------------------------------------------------------------


def submit_story(data: dict, upload, consent_text: str) -> Story:
    """Store a practice story (with its checked attachment, if any) and confirm it by e-mail."""
    return with_lock_retries(lambda: _submit_story(data, upload, consent_text))


def _submit_story(data, upload, consent_text):
    # All or nothing: the attachment is removed again when the story is not saved, and a full
    # disk raises uploads.UploadNotStored before anything is kept.
    with uploads.stored_together() as written, transaction.atomic():
        story = Story(consent_text=consent_text)
        for field in STORY_FIELDS:
            if field in data:
                setattr(story, field, data[field])
        if upload is not None:
            story.attachment_name = upload.name[:200]
            story.attachment_type = upload.content_type
            story.attachment_size = upload.size
            written.save(story.attachment, upload.name, upload)
        story.save()
        _set_relations(story, data, ("themes",))
        log_story(story, "submit", "", story.status, "", actor_label=SUBMITTER)
        notify_story(story, "story_received")
    return story


def moderate_story(story_id: int, action: str, note: str, user,
                   expected_status: str | None = None) -> Story:  # fmt: skip
    """Accept (a draft Kennislab article is made from the story) or reject (with a note); the
    submitter hears it by e-mail."""
    return with_lock_retries(lambda: _moderate_story(story_id, action, note, user, expected_status))


def _moderate_story(story_id, action, note, user, expected_status=None):
    with transaction.atomic():
        story = Story.objects.select_for_update().get(pk=story_id)
        ensure_unchanged(story.status, expected_status, story.get_status_display())
        step = rules.step_for("story", story.status, action, rules.EDITOR)
        note = (note or "").strip()
        if step.note_required and not note:
            raise rules.NotAllowed(_("Schrijf de inzender waarom."))
        old, story.status = story.status, step.target
        story.editor_note = note
        if step.target == StoryStatus.ACCEPTED and story.article_id is None:
            story.article = draft_article(story, user)
        story.save()
        log_story(story, step.action, old, step.target, note, user=user,
                  actor_label=_actor(user))  # fmt: skip
        notify_story(story, f"story_{step.action}", note=note)
    return story


def _paragraph_blocks(text: str) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{escape(part).replace(chr(10), '<br>')}</p>"}
            for part in rules.paragraphs(text)]  # fmt: skip


def story_body(story: Story) -> list[dict]:
    body = []
    for heading, text in (
        (_("Wat we deden"), story.what_was_done),
        (_("Wat werkte"), story.what_worked),
        (_("Lessen"), story.lessons),
    ):
        body.append({"type": "heading", "value": {"level": "h2", "text": heading}})
        body.extend(_paragraph_blocks(text))
    return body


def story_contact(story: Story) -> ArticleContact:
    """The article's contact: the submitter as a Person (name and organisation only, never the
    e-mail address) when they agreed to be named; otherwise only their organisation."""
    if not story.name_public:
        return ArticleContact(person=None, role=story.organisation,
                              note=_("Contact via de redactie van Kennislab."))  # fmt: skip
    person = Person.objects.filter(name=story.contact_name, organisation=story.organisation,
                                   is_adviser=False).first()  # fmt: skip
    if person is None:
        person = Person.objects.create(
            name=story.contact_name, role=STORY_AUTHOR_ROLE, organisation=story.organisation,
            is_adviser=False,
        )  # fmt: skip
    return ArticleContact(person=person)


def draft_article(story: Story, user=None) -> ArticlePage:
    """A draft practice example under the Kennislab index with the story's texts, themes and
    contact, for an editor to finish and publish through the normal workflow."""
    index = ensure_kennislab_index()
    taken = index.get_children().values_list("slug", flat=True)
    article = ArticlePage(
        title=story.title,
        slug=rules.unique_slug(story.title, taken),
        date=timezone.localdate(),
        item_type=ItemType.PRACTICE_EXAMPLE,
        intro=story.summary,
        body=story_body(story),
        live=False,
        has_unpublished_changes=True,
    )
    article.themes = list(story.themes.all())
    article.contacts = [story_contact(story)]
    index.add_child(instance=article)
    article.save_revision(user=user, log_action=True)
    return ArticlePage.objects.get(pk=article.pk)


def log_story(story, action, old, new, note, user=None, actor_label=SYSTEM):
    StoryEvent.objects.create(story=story, action=action, from_status=old, to_status=new,
                              note=note, actor=user, actor_label=actor_label)  # fmt: skip


STORY_SUBJECTS = {
    "story_received": "Je praktijkverhaal is ontvangen",
    "story_accept": "Je praktijkverhaal komt op Kennislab: {title}",
    "story_reject": "Je praktijkverhaal wordt niet geplaatst: {title}",
}


def notify_story(story: Story, kind: str, note: str = ""):
    queue_email(
        story.email,
        STORY_SUBJECTS[kind].format(title=story.title),
        f"network/email/{kind}.txt",
        {"story": story, "note": note, "term": story_term(story)},
        topic=f"praktijkverhaal-{story.pk}",
        reply_to=reply_address() if kind in REPLY_KINDS else "",
    )
