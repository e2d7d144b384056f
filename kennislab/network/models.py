"""Pledges (an organisation's public commitment, with progress updates) and practice stories
(which become draft Kennislab articles), each with an append-only log (core.models.AuditEvent).

Contact details (name, e-mail, phone) are never shown publicly; a pledge's public page shows
the organisation, region, domains, themes, partners, commitments, approved updates, the pages
editors linked to it, and — on its timeline — the deeds of the links editors confirmed
(PledgeLink; deeds.py and timeline.py).
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kennislab.core.models import AuditEvent
from kennislab.core.storage import private_storage

from . import rules, timeline


class PledgeStatus(models.TextChoices):
    SUBMITTED = rules.SUBMITTED, _("Wacht op beoordeling")
    CHANGES = rules.CHANGES, _("Aanpassing gevraagd")
    APPROVED = rules.APPROVED, _("Op de pledgemuur")
    REJECTED = rules.REJECTED, _("Afgewezen")


class UpdateStatus(models.TextChoices):
    SUBMITTED = rules.SUBMITTED, _("Wacht op beoordeling")
    APPROVED = rules.APPROVED, _("Zichtbaar bij de pledge")
    REJECTED = rules.REJECTED, _("Afgewezen")


class StoryStatus(models.TextChoices):
    SUBMITTED = rules.SUBMITTED, _("Wacht op beoordeling")
    ACCEPTED = rules.ACCEPTED, _("Geaccepteerd (concept-artikel)")
    REJECTED = rules.REJECTED, _("Afgewezen")


def attachment_path(instance, filename):
    return f"network/{timezone.now():%Y/%m}/{secrets.token_hex(16)}/{filename}"


class Pledge(models.Model):
    """An organisation's pledge: concrete commitments toward the network's goals."""

    status = models.CharField(_("status"), max_length=20, choices=PledgeStatus.choices,
                              default=PledgeStatus.SUBMITTED, db_index=True)  # fmt: skip
    slug = models.SlugField(_("korte naam in de URL"), max_length=80, unique=True)
    organisation = models.CharField(_("organisatie"), max_length=200)
    contact_name = models.CharField(_("contactpersoon"), max_length=150)
    email = models.EmailField(_("e-mailadres"))
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    province = models.CharField(_("regio (provincie)"), max_length=20, choices=rules.PROVINCES)
    domains = models.ManyToManyField("content.Domain", blank=True, related_name="pledges",
                                     verbose_name=_("domeinen"))  # fmt: skip
    themes = models.ManyToManyField("content.Theme", blank=True, related_name="pledges",
                                    verbose_name=_("thema's"))  # fmt: skip
    partners = models.TextField(_("partners"), blank=True)
    commitments = models.TextField(_("concrete afspraken"))
    related_pages = models.ManyToManyField(
        "wagtailcore.Page", blank=True, related_name="+",
        verbose_name=_("gekoppelde artikelen en evenementen"),
    )  # fmt: skip
    consent_text = models.TextField(_("tekst van de toestemming"))
    editor_note = models.TextField(_("laatste bericht van de redactie"), blank=True)
    created_at = models.DateTimeField(_("getekend op"), default=timezone.now)
    updated_at = models.DateTimeField(_("gewijzigd op"), default=timezone.now)
    approved_at = models.DateTimeField(_("op de muur sinds"), null=True, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("behandelaar"),
    )  # fmt: skip
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    token_expires_at = models.DateTimeField(editable=False)

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering = ["-approved_at", "-created_at", "pk"]
        default_permissions = ("view",)
        permissions = [("moderate_pledge", _("Kan pledges en voortgangsupdates beoordelen"))]
        indexes = [models.Index(fields=["status", "province"], name="network_pledge_wall")]

    def __str__(self):
        return self.organisation

    def get_absolute_url(self) -> str:
        return reverse("network:pledge", args=[self.slug])

    @property
    def province_name(self) -> str:
        return rules.PROVINCE_NAMES.get(self.province, self.province)

    def public_updates(self):
        return self.updates.filter(status=UpdateStatus.APPROVED).order_by(
            "-happened_on", "-created_at"
        )


class PledgeUpdate(models.Model):
    """A progress update the signer posts through the private link; public once approved."""

    pledge = models.ForeignKey(Pledge, on_delete=models.PROTECT, related_name="updates",
                               verbose_name=_("pledge"))  # fmt: skip
    status = models.CharField(_("status"), max_length=20, choices=UpdateStatus.choices,
                              default=UpdateStatus.SUBMITTED, db_index=True)  # fmt: skip
    text = models.TextField(_("voortgang"))
    happened_on = models.DateField(_("datum"), null=True, blank=True)
    commitment = models.PositiveSmallIntegerField(
        _("hoort bij afspraak"), null=True, blank=True,
        help_text=_("Het nummer van de afspraak in de pledge (telt mee voor de voortgang)."),
    )  # fmt: skip
    editor_note = models.TextField(_("laatste bericht van de redactie"), blank=True)
    created_at = models.DateTimeField(_("ingestuurd op"), default=timezone.now)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("behandelaar"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("voortgangsupdate")
        verbose_name_plural = _("voortgangsupdates")
        ordering = ["-created_at", "pk"]
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.pledge}: {self.text[:60]}"


class LinkKind(models.TextChoices):
    VOUCHER = timeline.VOUCHER, _("Kennisvoucher")
    VIGNET = timeline.VIGNET, _("Vignet Vitaal Bedrijf")
    ACTIVITY = timeline.ACTIVITY, _("Activiteit in de estafette")
    EVENT = timeline.EVENT, _("Evenement")
    STORY = timeline.STORY, _("Praktijkverhaal")


class LinkStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Bevestigd: staat bij de pledge")
    REJECTED = "rejected", _("Afgewezen: hoort niet bij de pledge")


class PledgeLink(models.Model):
    """An editor's decision that a record elsewhere on the platform (a voucher application, a
    vignet, a relay activity, an event page, a practice story) is a deed of the pledge's
    organisation — confirmed (it shows on the pledge's public timeline while the record itself
    is public) or rejected (it is not suggested again). Names only suggest; this decides."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="links",
                               verbose_name=_("pledge"))  # fmt: skip
    kind = models.CharField(_("soort"), max_length=20, choices=LinkKind.choices)
    target_id = models.PositiveIntegerField(_("nummer van het record"))
    status = models.CharField(_("status"), max_length=20, choices=LinkStatus.choices,
                              default=LinkStatus.CONFIRMED)  # fmt: skip
    commitment = models.PositiveSmallIntegerField(
        _("hoort bij afspraak"), null=True, blank=True,
        help_text=_("Het nummer van de afspraak in de pledge (telt mee voor de voortgang)."),
    )  # fmt: skip
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("besloten door"),
    )  # fmt: skip
    decided_at = models.DateTimeField(_("besloten op"), default=timezone.now)

    class Meta:
        verbose_name = _("koppeling van een pledge")
        verbose_name_plural = _("koppelingen van pledges")
        ordering = ["pledge", "kind", "target_id"]
        default_permissions = ("view",)
        constraints = [
            models.UniqueConstraint(fields=["pledge", "kind", "target_id"],
                                    name="network_pledge_link_once"),
        ]  # fmt: skip
        indexes = [models.Index(fields=["kind", "target_id"], name="network_link_target")]

    def __str__(self):
        return f"{self.pledge}: {self.get_kind_display()} {self.target_id}"


class PledgeEvent(AuditEvent):
    """A step of a pledge or of one of its updates (`update` set)."""

    pledge = models.ForeignKey(Pledge, on_delete=models.PROTECT, related_name="events",
                               verbose_name=_("pledge"))  # fmt: skip
    update = models.ForeignKey(
        PledgeUpdate, on_delete=models.PROTECT, null=True, blank=True, related_name="events",
        verbose_name=_("voortgangsupdate"),
    )  # fmt: skip
    action = models.CharField(_("stap"), max_length=30)
    from_status = models.CharField(_("van"), max_length=20, choices=PledgeStatus.choices,
                                   blank=True)  # fmt: skip
    to_status = models.CharField(_("naar"), max_length=20, choices=PledgeStatus.choices)

    class Meta(AuditEvent.Meta):
        verbose_name = _("wijziging van een pledge")
        verbose_name_plural = _("wijzigingen van pledges")

    def __str__(self):
        return f"{self.pledge}: {self.action}"

    @property
    def action_label(self) -> str:
        table = rules.step_by_action("update" if self.update_id else "pledge")
        labels = {"sign": _("Getekend"), "change": _("Gewijzigd door de ondertekenaar"),
                  "post_update": _("Voortgangsupdate ingestuurd"),
                  "link_confirm": _("Daad gekoppeld"),
                  "link_reject": _("Daad afgewezen of ontkoppeld"),
                  "commitment": _("Afspraak gekozen")}  # fmt: skip
        step = table.get(self.action)
        label = step.label if step else str(labels.get(self.action, self.action))
        return f"{_('Voortgangsupdate')}: {label}" if self.update_id else label


class Story(models.Model):
    """A practice story someone shares ("Deel je praktijkverhaal"); accepted, it becomes a draft
    Kennislab article (`article`) for an editor to finish and publish."""

    status = models.CharField(_("status"), max_length=20, choices=StoryStatus.choices,
                              default=StoryStatus.SUBMITTED, db_index=True)  # fmt: skip
    title = models.CharField(_("titel"), max_length=200)
    summary = models.TextField(_("samenvatting"))
    what_was_done = models.TextField(_("wat is er gedaan"))
    what_worked = models.TextField(_("wat werkte"))
    lessons = models.TextField(_("lessen"))
    contact_name = models.CharField(_("naam"), max_length=150)
    email = models.EmailField(_("e-mailadres"))
    organisation = models.CharField(_("organisatie"), max_length=200)
    themes = models.ManyToManyField("content.Theme", blank=True, related_name="stories",
                                    verbose_name=_("thema's"))  # fmt: skip
    attachment = models.FileField(_("bijlage"), upload_to=attachment_path,
                                  storage=private_storage, blank=True, max_length=255)  # fmt: skip
    attachment_name = models.CharField(_("naam van de bijlage"), max_length=200, blank=True)
    attachment_type = models.CharField(_("soort bijlage"), max_length=100, blank=True)
    attachment_size = models.PositiveIntegerField(_("grootte (bytes)"), null=True, blank=True)
    name_public = models.BooleanField(_("naam en organisatie mogen bij het artikel"),
                                      default=False)  # fmt: skip
    consent_text = models.TextField(_("tekst van de toestemming"))
    editor_note = models.TextField(_("laatste bericht van de redactie"), blank=True)
    article = models.ForeignKey(
        "content.ArticlePage", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("concept-artikel"),
    )  # fmt: skip
    created_at = models.DateTimeField(_("ingestuurd op"), default=timezone.now)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("behandelaar"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("praktijkverhaal")
        verbose_name_plural = _("praktijkverhalen")
        ordering = ["-created_at", "pk"]
        default_permissions = ("view",)
        permissions = [("moderate_story", _("Kan praktijkverhalen beoordelen"))]

    def __str__(self):
        return self.title


class StoryEvent(AuditEvent):
    story = models.ForeignKey(Story, on_delete=models.PROTECT, related_name="events",
                              verbose_name=_("praktijkverhaal"))  # fmt: skip
    action = models.CharField(_("stap"), max_length=30)
    from_status = models.CharField(_("van"), max_length=20, choices=StoryStatus.choices,
                                   blank=True)  # fmt: skip
    to_status = models.CharField(_("naar"), max_length=20, choices=StoryStatus.choices)

    class Meta(AuditEvent.Meta):
        verbose_name = _("wijziging van een praktijkverhaal")
        verbose_name_plural = _("wijzigingen van praktijkverhalen")

    def __str__(self):
        return f"{self.story}: {self.action}"

    @property
    def action_label(self) -> str:
        step = rules.step_by_action("story").get(self.action)
        return step.label if step else str(_("Ingestuurd") if self.action == "submit"
                                           else self.action)  # fmt: skip
