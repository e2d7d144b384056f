from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """What editors change about the site as a whole: the footer and the network's contact."""

    # Wagtail creates the row with its defaults when a page first reads it (core.memo)
    created_on_first_read = True

    @classmethod
    def for_request(cls, request):
        """Public pages read the settings from the cache (under the page cache's generation, so
        saving them starts afresh; kennislab.core.memo); the admin always reads the database."""
        from django.conf import settings
        from django.core.cache import cache

        from . import pagecache

        seconds = settings.DATA_CACHE_SECONDS
        attr_name = cls.get_cache_attr_name()
        if seconds <= 0 or hasattr(request, attr_name) or request.path.startswith("/admin/"):
            return super().for_request(request)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        key = f"core:sitesettings:{pagecache.generation()}:{site.pk}"
        instance = cache.get(key)
        if instance is None:
            instance = cls.for_site(site)
            cache.set(key, instance, seconds)
        instance._request = request
        setattr(request, attr_name, instance)
        return instance

    organisation_name = models.CharField(
        _("naam van het netwerk"), max_length=120, default="Netwerk Gezond Samen"
    )
    tagline = models.CharField(
        _("ondertitel"),
        max_length=200,
        blank=True,
        default="Kennis, tools en leerervaringen uit ons netwerk voor gezondheid",
    )
    contact_email = models.EmailField(_("e-mailadres voor vragen"), blank=True)
    contact_phone = models.CharField(_("telefoonnummer"), max_length=40, blank=True)
    footer_text = models.TextField(
        _("tekst in de voettekst"),
        blank=True,
        help_text=_("Eén of twee zinnen over het netwerk."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("tagline"), FieldPanel("footer_text")],
            heading=_("Netwerk"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone")], heading=_("Contact")
        ),
    ]

    class Meta:
        verbose_name = _("site-instellingen")


class OutgoingEmail(models.Model):
    """Every e-mail the site sends, written in the same transaction as what caused it and sent
    by a background task: a mail server outage delays mail, it never loses it or blocks a form."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("In de wachtrij")
        SENDING = "sending", _("Wordt verstuurd")
        SENT = "sent", _("Verstuurd")
        RETRY = "retry", _("Nog een poging")
        FAILED = "failed", _("Mislukt")

    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    to = models.EmailField(_("aan"))
    subject = models.CharField(_("onderwerp"), max_length=200)
    body = models.TextField(_("tekst"))
    # an HTML version of the same text (a newsletter issue); the mail then has both parts
    html_body = models.TextField(_("HTML-versie"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    # the mail server refused the recipient for good (SMTP 5xx): not tried again
    hard_bounce = models.BooleanField(_("harde bounce"), default=False)
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    last_error = models.TextField(_("laatste fout"), blank=True)
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True)
    # when a sender took the mail (status "sending"); a claim older than MAIL_CLAIM_TIMEOUT is
    # stale (the sender died) and the mail is sent again
    claimed_at = models.DateTimeField(_("in behandeling sinds"), null=True, blank=True)
    topic = models.CharField(_("over"), max_length=100, blank=True)  # e.g. "KV-2026-0042"
    # [[file name, text, MIME type], …], e.g. the .ics of an event registration
    attachments = models.JSONField(_("bijlagen"), default=list, blank=True)
    # extra header lines, e.g. {"List-Unsubscribe": "<https://…>"} (RFC 8058 one-click)
    headers = models.JSONField(_("kopregels"), default=dict, blank=True)

    class Meta:
        verbose_name = _("uitgaande e-mail")
        verbose_name_plural = _("uitgaande e-mails")
        ordering = ["-created_at"]
        default_permissions = ("view",)
        permissions = [("resend_outgoingemail", _("Mislukte e-mail opnieuw versturen"))]

    def __str__(self):
        return f"{self.subject} → {self.to}"


class AuditEvent(models.Model):
    """Base of the append-only audit logs (a status change, a workflow step): when, who (a
    staff user, or a label such as "aanvrager" or "systeem"), and why. A row is written once
    and never changed or removed, not even by code that tries."""

    at = models.DateTimeField(_("moment"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("door"),
    )
    actor_label = models.CharField(_("door (omschrijving)"), max_length=150)
    note = models.TextField(_("toelichting"), blank=True)

    class Meta:
        abstract = True
        default_permissions = ()
        ordering = ["at", "pk"]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError(_("Een regel in het logboek kan niet worden aangepast."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Een regel in het logboek kan niet worden verwijderd."))

    @property
    def step_label(self) -> str:
        """The step in Dutch for the history table (logs with an `action` define
        `action_label`)."""
        return str(getattr(self, "action_label", "") or "")
