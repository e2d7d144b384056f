from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """What editors change about the site as a whole: the footer and the network's contact."""

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
