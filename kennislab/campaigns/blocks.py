"""StreamField blocks of an event page: the programme (time slots), the speakers, and the
materials to watch back (recording and slides as links or documents, besides plain text)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from kennislab.content.blocks import ContentPageBody, ExternalMediaBlock


class ProgrammeSlotBlock(blocks.StructBlock):
    starts = blocks.TimeBlock(label=_("Begintijd"), format="%H:%M")
    ends = blocks.TimeBlock(label=_("Eindtijd"), required=False, format="%H:%M")
    title = blocks.CharBlock(label=_("Onderdeel"), max_length=200)
    speaker = blocks.CharBlock(
        label=_("Door"), required=False, max_length=200,
        help_text=_("Bijvoorbeeld de naam van de spreker of 'alle deelnemers'."),
    )  # fmt: skip
    description = blocks.TextBlock(label=_("Toelichting"), required=False)

    class Meta:
        icon = "time"
        label = _("Tijdvak")

    def clean(self, value):
        value = super().clean(value)
        if value.get("ends") and value.get("starts") and value["ends"] <= value["starts"]:
            message = _("De eindtijd moet na de begintijd liggen.")
            raise StructBlockValidationError(block_errors={"ends": ValidationError(message)})
        return value


class ProgrammeBlock(blocks.StreamBlock):
    slot = ProgrammeSlotBlock()


class SpeakerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Naam"), max_length=150)
    role = blocks.CharBlock(label=_("Functie"), required=False, max_length=200)
    organisation = blocks.CharBlock(label=_("Organisatie"), required=False, max_length=200)
    bio = blocks.TextBlock(label=_("Korte introductie"), required=False)

    class Meta:
        icon = "user"
        label = _("Spreker")


class SpeakersBlock(blocks.StreamBlock):
    speaker = SpeakerBlock()


class EventMaterialsBlock(ContentPageBody):
    """The text blocks and downloads of a content page, plus recordings and slides hosted
    elsewhere (a link card, never an embed: docs/decisions/0003-no-third-party-embeds.md)."""

    embed = ExternalMediaBlock(label=_("Opname of presentatie (link)"))


MATERIAL_LABELS = {
    "recording": _("Opname"),
    "slides": _("Presentatie"),
    "document": _("Document"),
    "other": _("Link"),
}


def material_kinds(materials) -> list[str]:
    """What a past event offers to watch back, in a fixed order ("Opname", "Presentatie", …):
    for the archive, which names the materials without giving them away."""
    found = set()
    for block in materials or ():
        if block.block_type == "embed":
            kind = block.value.get("kind")
            found.add({"video": "recording", "audio": "recording", "slides": "slides"}.get(
                kind, "other"))  # fmt: skip
        elif block.block_type == "download":
            found.add("document")
    return [str(label) for key, label in MATERIAL_LABELS.items() if key in found]
