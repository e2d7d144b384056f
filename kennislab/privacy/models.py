"""What the privacy app keeps itself: staff access to personal data on record (AVG art. 32),
and erasure requests that need a person's decision."""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def address_hash(address: str) -> str:
    """A keyed hash of a (normalised) address: the access log can answer "was this person looked
    up?" for someone who knows the address, without holding the address itself."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, address.strip().lower().encode(), hashlib.sha256).hexdigest()


class AccessEvent(models.Model):
    """One look at, export of or change to personal data by staff (or the person themselves).
    Kept 2 years (the register's rule privacy_access_log), read by the privacy officer."""

    class Action(models.TextChoices):
        VIEW = "view", _("bekeken")
        LIST_EXPORT = "list_export", _("lijst geëxporteerd")
        LOOKUP = "lookup", _("opgezocht op e-mailadres")
        EXPORT = "export", _("gegevens van een persoon geëxporteerd")
        ERASE = "erase", _("gegevens van een persoon gewist")
        SELF_EXPORT = "self_export", _("eigen gegevens gedownload")
        SELF_ERASE = "self_erase", _("eigen gegevens laten wissen")

    at = models.DateTimeField(_("moment"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("medewerker"),
    )  # fmt: skip
    user_label = models.CharField(_("door"), max_length=150)
    action = models.CharField(_("handeling"), max_length=20, choices=Action.choices)
    what = models.CharField(_("wat"), max_length=200)  # "Voucheraanvragen" or a model's label
    object_id = models.CharField(_("record"), max_length=64, blank=True)
    rows = models.PositiveIntegerField(_("aantal rijen"), default=1)
    address_hash = models.CharField(_("adres (versleuteld)"), max_length=64, blank=True,
                                    db_index=True)  # fmt: skip
    reason = models.TextField(_("reden"), blank=True)

    class Meta:
        verbose_name = _("inzage in persoonsgegevens")
        verbose_name_plural = _("inzagelogboek")
        ordering = ["-at", "-pk"]
        default_permissions = ("view",)
        permissions = [
            ("manage_personal_data", _("Persoonsgegevens opzoeken, exporteren en wissen"))
        ]

    def __str__(self):
        return f"{self.user_label}: {self.get_action_display()} – {self.what}"


class ErasureRequest(models.Model):
    """A person asked (on Mijn Kennislab) to have their data erased, and part of it is in
    progress or held by a legal term: staff decide within the AVG's month. The address is kept
    only until the request is handled."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        HANDLED = "handled", _("afgehandeld")

    created_at = models.DateTimeField(_("ontvangen"), default=timezone.now)
    email = models.EmailField(_("e-mailadres"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.OPEN)  # fmt: skip
    reasons = models.TextField(_("waarom niet meteen"), blank=True)
    handled_at = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("afgehandeld door"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("verwijderverzoek")
        verbose_name_plural = _("verwijderverzoeken")
        ordering = ["created_at", "pk"]
        default_permissions = ("view",)

    def __str__(self):
        return str(_("Verwijderverzoek van %(date)s") % {
            "date": timezone.localtime(self.created_at).strftime("%d-%m-%Y")})  # fmt: skip
