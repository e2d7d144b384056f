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

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page

from kennislab.core.tokens import derived_key, new_seed, token_hash

from .blocks import IssueBody
from .panels import SendingPanel

PENDING_DAYS = 7  # an unconfirmed sign-up (and its confirmation link) lives this long
LINK_DAYS = 7  # a preferences link mailed on request works this long
UNSUBSCRIBED_DAYS = 30  # the minimal entry of an unsubscribed address is kept this long
MAX_HARD_BOUNCES = 3  # after this many refusals in a row (SMTP 5xx) no more newsletters
DELIVERY_DAYS = 90  # who received an issue (Delivery) is kept this long; the totals stay


def new_unsubscribe_seed() -> str:  # named in the migrations
    return new_seed()


def unsubscribe_key_for(seed: str) -> str:
    """The key in a subscriber's unsubscribe link, derived from the row's random seed and the
    SECRET_KEY (core.tokens.derived_key); the database holds the seed and the key's hash."""
    return derived_key("kennislab.newsletter.unsubscribe", seed)


key_hash = token_hash  # the stored form of a key


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

    def mailable(self):
        """Who gets a newsletter issue: confirmed subscribers whose address the mail server has
        not refused MAX_HARD_BOUNCES times in a row."""
        return self.confirmed().filter(hard_bounces__lt=MAX_HARD_BOUNCES)

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
    # Newsletter mails the mail server refused for good (SMTP 5xx) in a row; at
    # MAX_HARD_BOUNCES no more issues are sent (a delivered mail sets it back to 0).
    hard_bounces = models.PositiveSmallIntegerField(_("harde bounces"), default=0, editable=False)
    last_bounce_at = models.DateTimeField(_("laatste bounce"), null=True, blank=True,
                                          editable=False)  # fmt: skip

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


# --- newsletter issues ------------------------------------------------------------------------

# The newsletter's own URLs under /nieuwsbrief/ (urls.py) and the archive: no issue may take them.
RESERVED_ISSUE_SLUGS = frozenset(
    {"aanmelden", "aangemeld", "voorkeuren", "link-verstuurd", "afmelden", "archief"}
)


class NewsletterIndexPage(RoutablePageMixin, Page):
    """/nieuwsbrief/: the archive of sent issues (/nieuwsbrief/archief/) with its RSS feed; the
    issues are its children, so their web versions live under /nieuwsbrief/."""

    intro = models.TextField(_("introductie"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["newsletter.NewsletterIssuePage"]
    max_count = 1
    template = "newsletter/archive.html"

    class Meta:
        verbose_name = _("nieuwsbrieven")

    def sent_issues(self):
        """Issues whose sending finished, newest first: the archive."""
        return (
            NewsletterIssuePage.objects.live().public().child_of(self)
            .filter(sending__status=Sending.Status.SENT)
            .select_related("sending").order_by("-sending__finished_at", "-pk")
        )  # fmt: skip

    @path("")
    def index(self, request):
        from .archive import archive_view

        return archive_view(request, self)

    @path("archief/")
    def archive(self, request):
        from .archive import archive_view

        return archive_view(request, self)

    @path("archief/feed/")
    def feed(self, request):
        from .archive import feed_view

        return feed_view(request, self)


class NewsletterIssuePage(Page):
    """One issue of the newsletter: its web version is this page; the mail is rendered from the
    same blocks per subscriber (render.py) and sent by services.start_sending."""

    subject = models.CharField(
        _("onderwerp van de e-mail"), max_length=150,
        help_text=_("Wat ontvangers in hun inbox zien."),
    )  # fmt: skip
    intro = models.TextField(_("introductie"), blank=True)
    body = StreamField(IssueBody(), blank=True, verbose_name=_("secties"))

    content_panels = [
        *Page.content_panels,
        SendingPanel(heading=_("Versturen")),
        FieldPanel("subject"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    parent_page_types = ["newsletter.NewsletterIndexPage"]
    subpage_types = []
    template = "newsletter/issue_page.html"

    class Meta:
        verbose_name = _("nieuwsbrief")
        verbose_name_plural = _("nieuwsbrieven")

    def clean(self):
        super().clean()
        if self.slug in RESERVED_ISSUE_SLUGS:
            raise ValidationError({"slug": _("Deze korte naam is gereserveerd; kies een andere.")})

    @property
    def sending_or_none(self):
        try:
            return self.sending
        except Sending.DoesNotExist:
            return None

    def get_context(self, request, *args, **kwargs):
        from .render import web_context

        context = super().get_context(request, *args, **kwargs)
        context.update(web_context(self))
        return context


class Sending(models.Model):
    """The sending of one issue: not part of the page's revisions (publishing a new revision
    never resets it). At most one per issue, so an issue is sent once."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Ingepland")
        SENDING = "sending", _("Wordt verstuurd")
        SENT = "sent", _("Verstuurd")

    issue = models.OneToOneField(
        NewsletterIssuePage, on_delete=models.CASCADE, related_name="sending",
        verbose_name=_("nieuwsbrief"),
    )  # fmt: skip
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, db_index=True)
    # the revision that is sent (the live one when sending was started)
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("versie"),
    )  # fmt: skip
    scheduled_at = models.DateTimeField(_("versturen vanaf"))
    started_at = models.DateTimeField(_("begonnen op"), null=True, blank=True)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("ingepland door"),
    )  # fmt: skip
    # totals, kept when the per-recipient records are deleted after DELIVERY_DAYS
    sent_count = models.PositiveIntegerField(_("verstuurd"), default=0)
    failed_count = models.PositiveIntegerField(_("mislukt"), default=0)
    # a worker holds the sending while it builds a batch (heartbeat; see services)
    locked_at = models.DateTimeField(_("bezig sinds"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("verzending")
        verbose_name_plural = _("verzendingen")
        default_permissions = ()

    def __str__(self):
        return f"{self.issue} ({self.get_status_display()})"


class Delivery(models.Model):
    """One issue to one subscriber: created just before its mail is built, unique per issue and
    subscriber, so no worker (nor a restarted one) ever builds a second copy."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("In de wachtrij")
        SENT = "sent", _("Verstuurd")
        FAILED = "failed", _("Mislukt")
        BOUNCED = "bounced", _("Geweigerd (harde bounce)")
        SKIPPED = "skipped", _("Overgeslagen (afgemeld)")

    sending = models.ForeignKey(
        Sending, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("verzending")
    )
    subscriber = models.ForeignKey(
        Subscriber, null=True, on_delete=models.SET_NULL, related_name="deliveries",
        verbose_name=_("abonnee"),
    )  # fmt: skip
    email = models.OneToOneField(
        "core.OutgoingEmail", null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("e-mail"),
    )  # fmt: skip
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    created_at = models.DateTimeField(_("aangemaakt"), default=timezone.now)

    class Meta:
        verbose_name = _("verzonden nieuwsbrief")
        verbose_name_plural = _("verzonden nieuwsbrieven")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["sending", "subscriber"], name="newsletter_one_delivery_per_subscriber"
            )
        ]

    def __str__(self):
        return f"{self.sending} → {self.subscriber_id or '-'} ({self.get_status_display()})"
