"""StreamField blocks of an article body.

Text blocks (paragraph, heading, list, quote) form the article's readable text; the others are
asides that the page renders as cards (call to action, related item, download, external media).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

from . import actions

PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Tekst"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Niveau"),
        choices=[("h2", _("Kop 2")), ("h3", _("Kop 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Tussenkop")
        template = "content/blocks/heading.html"


class ListItemsBlock(blocks.StructBlock):
    style = blocks.ChoiceBlock(
        label=_("Soort lijst"),
        choices=[("bullet", _("Opsomming")), ("numbered", _("Genummerd"))],
        default="bullet",
    )
    items = blocks.ListBlock(blocks.TextBlock(label=_("Punt")), label=_("Punten"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Lijst")
        template = "content/blocks/list.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citaat"))
    attribution = blocks.CharBlock(label=_("Van wie"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Citaat")
        template = "content/blocks/quote.html"


class LinkTargetMixin:
    """Validation shared by blocks that link to a page or an address (not both)."""

    def clean(self, value):
        value = super().clean(value)
        if value.get("page") and value.get("url"):
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Kies een pagina óf vul een webadres in, niet allebei.")
                    )
                }
            )
        return value


class CallToActionBlock(LinkTargetMixin, blocks.StructBlock):
    """A call to action. Its kind ("action", stored as "" for general) decides where the button
    goes, through the table in actions.py; a general one goes to the chosen page or address.

    The child blocks are frozen into the migrations of every app that uses ContentPageBody, so
    their names and options stay as they are; rules live in clean() and actions.py."""

    ACTIONS = actions.CHOICES

    title = blocks.CharBlock(label=_("Titel"), max_length=200)
    text = blocks.TextBlock(label=_("Tekst"), required=False)
    action = blocks.ChoiceBlock(label=_("Soort actie"), choices=ACTIONS, required=False, default="")
    link_label = blocks.CharBlock(label=_("Tekst op de knop"), required=False, max_length=80)
    page = blocks.PageChooserBlock(label=_("Pagina"), required=False)
    url = blocks.URLBlock(label=_("Of een webadres"), required=False)

    class Meta:
        icon = "pick"
        label = _("Oproep tot actie")
        template = "content/blocks/call_to_action.html"
        help_text = _(
            "Kies een soort actie: de knop gaat dan vanzelf naar het formulier, bijvoorbeeld de "
            "open kennisvoucherregeling of de aanmelding voor de nieuwsbrief. Een pagina of "
            "webadres is alleen nodig als de knop ergens anders heen moet. Bij ‘Algemeen’ kies je "
            "een pagina of webadres; bij ‘Webinar terugkijken’ kies je als pagina het webinar in "
            "de agenda. Laat de tekst op de knop leeg voor een passende standaardtekst."
        )

    def clean(self, value):
        value = super().clean(value)
        kind = value.get("action") or ""
        page, url = value.get("page"), value.get("url")
        if not kind and not page and not url:
            raise StructBlockValidationError(
                block_errors={
                    "page": ValidationError(
                        _(
                            "Kies een pagina of vul een webadres in: een algemene oproep moet "
                            "ergens naartoe leiden. Of kies een soort actie."
                        )
                    )
                }
            )
        if kind == actions.WEBINAR and url:
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Kies bij een webinar de pagina van het webinar, geen webadres.")
                    )
                }
            )
        if kind == actions.WEBINAR and page and not actions.is_event_page(page):
            raise StructBlockValidationError(
                block_errors={
                    "page": ValidationError(_("Kies de pagina van het webinar in de agenda."))
                }
            )
        return value


class RelatedItemBlock(LinkTargetMixin, blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=200)
    teaser = blocks.TextBlock(label=_("Korte tekst"), required=False)
    page = blocks.PageChooserBlock(label=_("Pagina"), required=False)
    url = blocks.URLBlock(label=_("Of een webadres"), required=False)

    class Meta:
        icon = "link"
        label = _("Verwijzing (kaart)")
        template = "content/blocks/related_item.html"


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Titel"),
        required=False,
        max_length=200,
        help_text=_("Leeg laten om de titel van het document te gebruiken."),
    )
    description = blocks.TextBlock(label=_("Omschrijving"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Download")
        template = "content/blocks/download.html"


class ExternalMediaBlock(blocks.StructBlock):
    """A video, podcast or slide deck hosted elsewhere.

    Rendered as a link card, never as an iframe: the site loads nothing from other hosts
    (privacy and the Content-Security-Policy), see docs/decisions/0003-no-third-party-embeds.md.
    """

    url = blocks.URLBlock(label=_("Webadres"))
    title = blocks.CharBlock(label=_("Titel"), max_length=200)
    kind = blocks.ChoiceBlock(
        label=_("Soort"),
        choices=[
            ("video", _("Video")),
            ("audio", _("Podcast of audio")),
            ("slides", _("Presentatie")),
            ("other", _("Anders")),
        ],
        default="video",
    )
    description = blocks.TextBlock(label=_("Omschrijving"), required=False)
    transcript = blocks.TextBlock(
        label=_("Uitgeschreven tekst"),
        required=False,
        help_text=_("Voor wie de media niet kan afspelen of horen."),
    )

    class Meta:
        icon = "media"
        label = _("Video of externe media")
        template = "content/blocks/external_media.html"


TEXT_BLOCK_TYPES = ("paragraph", "heading", "list", "quote")


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Alinea"), features=PARAGRAPH_FEATURES, template="content/blocks/paragraph.html"
    )
    heading = HeadingBlock()
    list = ListItemsBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    related_item = RelatedItemBlock()
    download = DownloadBlock()
    embed = ExternalMediaBlock()


class HomeBlock(blocks.StreamBlock):
    call_to_action = CallToActionBlock()


class ContentPageBody(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Alinea"), features=PARAGRAPH_FEATURES, template="content/blocks/paragraph.html"
    )
    heading = HeadingBlock()
    list = ListItemsBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    download = DownloadBlock()


class PrivacyRegisterBlock(blocks.StructBlock):
    """The privacy statement generated from the register of processing (kennislab/privacy/
    statement.py): per kind of record the data, purpose, legal basis and the retention terms as
    configured, then the person's rights. Editors place it; they do not write the terms."""

    email = blocks.EmailBlock(
        label=_("E-mailadres voor vragen over privacy"),
        required=False,
        help_text=_("Leeg laten om het e-mailadres uit de site-instellingen te gebruiken."),
    )

    class Meta:
        icon = "lock"
        label = _("Privacyverklaring uit het register")
        template = "privacy/statement.html"
        help_text = _(
            "Toont vanzelf welke gegevens de site bewaart, waarvoor, waarom dat mag en hoe lang, "
            "en welke rechten bezoekers hebben. De tekst komt uit het register in de code en de "
            "ingestelde bewaartermijnen: schrijf bewaartermijnen dus niet zelf op de pagina."
        )

    def get_context(self, value, parent_context=None):
        from kennislab.core.models import SiteSettings
        from kennislab.privacy import statement

        context = super().get_context(value, parent_context=parent_context)
        email = (value or {}).get("email") or ""
        request = (parent_context or {}).get("request")
        if not email and request is not None:
            email = SiteSettings.for_request(request).contact_email
        context.update({"statement": statement.build(), "email": email})
        return context


class PlainPageBody(ContentPageBody):
    """The body of a plain page (about the network, privacy, accessibility): the blocks of
    ContentPageBody and, once, the generated privacy statement."""

    privacy_register = PrivacyRegisterBlock()

    class Meta:
        block_counts = {"privacy_register": {"max_num": 1}}
