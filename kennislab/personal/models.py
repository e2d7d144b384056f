"""The link to a person's private overview (/mijn-kennislab/): one random token per request,
only its SHA-256 hash stored, bound to one normalised e-mail address and valid LINK_HOURS.
A new request for the same address replaces the earlier links; the daily job deletes expired
ones (docs/decisions/0018-personal-overview.md)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

LINK_HOURS = 24  # the overview opens every item of an address: a short life, easy to renew


class OverviewLink(models.Model):
    # The address as the overview finds records: stripped and in lower case (providers.py).
    email_key = models.CharField(_("e-mailadres (genormaliseerd)"), max_length=254,
                                 db_index=True, editable=False)  # fmt: skip
    token_hash = models.CharField(_("hash van de link"), max_length=64, unique=True,
                                  editable=False)  # fmt: skip
    expires_at = models.DateTimeField(_("verloopt op"), editable=False, db_index=True)
    created_at = models.DateTimeField(_("aangevraagd op"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("link naar Mijn Kennislab")
        verbose_name_plural = _("links naar Mijn Kennislab")
        default_permissions = ()  # nobody manages these by hand; they are not in the admin

    def __str__(self):
        return str(_("Link naar Mijn Kennislab"))
