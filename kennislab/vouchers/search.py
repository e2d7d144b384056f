"""The voucher pages in the site search: each good example is found as a practice example
("Goed voorbeeld"), the scheme page as a page (like any content page)."""

from kennislab.content.text import stream_text


def good_example_document(page):
    from kennislab.search.documents import (
        ASIDE,
        BODY,
        SUMMARY,
        TITLE,
        DocumentData,
        is_public,
        object_key,
    )  # fmt: skip

    if not is_public(page):
        return None
    offer = stream_text(page.offer)
    expert = " ".join(
        part for part in (page.expert_name, page.expert_role, page.expert_organisation) if part
    )
    themes = list(page.themes.all())
    published = page.first_published_at or page.last_published_at
    return DocumentData(
        key=object_key(page),
        kind="page",
        url=page.url or page.url_path,
        title=page.title,
        fields=[
            (page.title, TITLE),
            (page.intro, SUMMARY),
            (offer, BODY),
            (page.audience, BODY),
            (page.place, SUMMARY),
            (expert, ASIDE),
            (" ".join(theme.name for theme in themes), ASIDE),
            ("kennisvoucher goed voorbeeld", ASIDE),
        ],
        text="\n\n".join(part for part in (page.intro, offer, page.audience) if part),
        date=published.date() if published else None,
        item_type="practice_example",
        themes=[theme.slug for theme in themes],
    )


def register_providers(documents):
    from kennislab.search.documents import content_page_document

    from .models import GoodExamplePage, VoucherSchemePage

    documents.register(
        GoodExamplePage,
        good_example_document,
        lambda: GoodExamplePage.objects.live().prefetch_related("themes").iterator(200),
    )
    documents.register(
        VoucherSchemePage,
        content_page_document,  # title, intro and body, like any content page
        lambda: VoucherSchemePage.objects.live().iterator(200),
    )
