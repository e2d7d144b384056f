"""Newsletter subscribers (double opt-in).

A sign-up is *pending* until its owner confirms it through the private link in the confirmation
mail; a pending sign-up that is not confirmed within PENDING_DAYS is deleted by the daily job.
Unsubscribing turns the record into a minimal entry without any personal data (no address, no
name, no themes) that the daily job deletes after UNSUBSCRIBED_DAYS
(docs/decisions/0015-newsletter.md).

Anything that lists or mails subscribers starts from ``Subscriber.objects.confirmed()``: the
only way to a list that can contain an unconfirmed address is not to use it, and the tests check
every export path.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

PENDING_DAYS = 7  # an unconfirmed sign-up (and its confirmation link) lives this long
LINK_DAYS = 7  # a preferences link mailed on request works this long
UNSUBSCRIBED_DAYS = 30  # the minimal entry of an unsubscribed address is kept this long


def new_unsubscribe_seed() -> str:
    return secrets.token_urlsafe(24)


def unsubscribe_key_for(seed: str) -> str:
    """The key in a subscriber's unsubscribe link: an HMAC of the row's random seed with the
    SECRET_KEY. The database holds the seed and the key's hash, never the key: a copy of the
    database alone opens no unsubscribe link (rotating SECRET_KEY changes every key)."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"kennislab.newsletter.unsubscribe:{seed}".encode(),
        hashlib.sha256,
    ).digest()  # fmt: skip
    return base64.urlsafe_b64encode(digest[:24]).decode()


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class Status(models.TextChoices):
    PENDING = "pending", _("Nog niet bevestigd")
    CONFIRMED = "confirmed", _("Bevestigd")
    UNSUBSCRIBED = "unsubscribed", _("Afgemeld")


def email_key(email: str) -> str:
    return email.strip().lower()


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        """Subscribers who confirmed their address: the only ones ever listed, exported or
        mailed a newsletter."""
        return self.filter(status=Status.CONFIRMED)

    def listed(self):
        """What the back office lists: confirmed subscribers and the minimal entries of
        unsubscribed ones (which hold no address). Never a pending sign-up."""
        return self.exclude(status=Status.PENDING)

    def interested_in(self, theme):
        """Subscribers who chose this theme, or no theme at all (= everything)."""
        return self.filter(Q(themes=theme) | Q(themes__isnull=True)).distinct()

    def expired(self, now=None):
        """What the daily job deletes: pending sign-ups past their link's expiry, and the
        minimal entries of unsubscribed addresses older than UNSUBSCRIBED_DAYS."""
        now = now or timezone.now()
        return self.filter(
            Q(status=Status.PENDING, token_expires_at__lt=now)
            | Q(
                status=Status.UNSUBSCRIBED,
                unsubscribed_at__lt=now - timedelta(days=UNSUBSCRIBED_DAYS),
            )
        )


class Subscriber(models.Model):
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    email = models.EmailField(_("e-mailadres"), blank=True)  # empty once unsubscribed
    email_key = models.CharField(max_length=254, blank=True, editable=False)
    name = models.CharField(_("naam"), max_length=150, blank=True)
    themes = models.ManyToManyField(
        "content.Theme", blank=True, related_name="+", verbose_name=_("thema's"),
        help_text=_("Geen thema gekozen: alles."),
    )  # fmt: skip
    consent_text = models.TextField(_("tekst van de toestemming"), blank=True)
    created_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("afgemeld op"), null=True, blank=True)
    # The private link (confirm, then preferences): only its hash, with an expiry.
    token_hash = models.CharField(max_length=64, null=True, unique=True, editable=False)
    token_expires_at = models.DateTimeField(null=True, editable=False)
    # The unsubscribe link is in every mail, also in mails a later job writes, so its key is
    # derived from a random seed and the SECRET_KEY (unsubscribe_key_for); only its hash is
    # stored, like the other private links. It can only unsubscribe.
    unsubscribe_seed = models.CharField(max_length=64, default=new_unsubscribe_seed, editable=False)
    unsubscribe_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The hash of the random key of a subscriber from before keys were hashed: links in mails
    # sent before then keep working.
    old_unsubscribe_hash = models.CharField(
        max_length=64, null=True, blank=True, unique=True, editable=False
    )

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("nieuwsbriefabonnee")
        verbose_name_plural = _("nieuwsbriefabonnees")
        ordering = ["-confirmed_at", "-created_at", "pk"]
        default_permissions = ("view",)
        permissions = [("export_subscribers", _("Kan nieuwsbriefabonnees exporteren"))]
        constraints = [
            models.UniqueConstraint(
                fields=["email_key"],
                condition=~Q(status="unsubscribed"),
                name="newsletter_one_subscription_per_address",
            ),
            models.CheckConstraint(
                condition=Q(status="unsubscribed") | ~Q(email_key=""),
                name="newsletter_address_unless_unsubscribed",
            ),
        ]

    def __str__(self):
        return self.email or gettext("(afgemeld, adres verwijderd)")

    def save(self, *args, **kwargs):
        if not self.unsubscribe_hash:
            self.unsubscribe_hash = key_hash(self.unsubscribe_key)
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "unsubscribe_hash"}
        super().save(*args, **kwargs)

    @property
    def unsubscribe_key(self) -> str:
        return unsubscribe_key_for(self.unsubscribe_seed)

    def theme_names(self) -> str:
        names = [theme.name for theme in self.themes.all()]
        return ", ".join(names) if names else gettext("Alle thema's")

    theme_names.short_description = _("Thema's")
