"""Challenge pages in the site search (title, intro and body, like any content page)."""


def register_providers(documents):
    from kennislab.search.documents import content_page_document

    from .models import ChallengePage

    documents.register(
        ChallengePage, content_page_document, lambda: ChallengePage.objects.live().iterator(200)
    )
