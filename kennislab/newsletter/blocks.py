"""The blocks of a newsletter issue: sections (general or for one theme) holding item cards,
free text and calls to action. The mail and the web version render the same blocks
(render.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from kennislab.content.blocks import CallToActionBlock

# What an item card can show: Kennislab items, events, voucher schemes and relay campaigns.
ITEM_PAGE_TYPES = [
    "content.ArticlePage",
    "campaigns.EventPage",
    "vouchers.VoucherSchemePage",
    "campaigns.RelayCampaignPage",
]


class ItemCardBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Item"), page_type=ITEM_PAGE_TYPES)
    note = blocks.TextBlock(
        label=_("Eigen tekst"), required=False,
        help_text=_("Leeg: de introductie van het item."),
    )  # fmt: skip

    class Meta:
        icon = "doc-full"
        label = _("Item (kaart)")


class TextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=["bold", "italic", "link", "ol", "ul"], **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Tekst")


class SectionContentBlock(blocks.StreamBlock):
    item = ItemCardBlock()
    text = TextBlock()
    cta = CallToActionBlock()


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Kop"), max_length=120)
    theme = SnippetChooserBlock(
        "content.Theme",
        label=_("Thema"),
        required=False,
        help_text=_(
            "Leeg: een algemene sectie, voor iedereen. Met een thema: alleen voor abonnees die "
            "dat thema kozen of geen voorkeur opgaven."
        ),
    )
    content = SectionContentBlock(label=_("Inhoud"))

    class Meta:
        icon = "folder-open-inverse"
        label = _("Sectie")


class IssueBody(blocks.StreamBlock):
    section = SectionBlock()
