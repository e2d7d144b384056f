"""The vignet's page in the site search (title, intro and body, like any content page)."""


def register_providers(documents):
    from kennislab.search.documents import content_page_document

    from .models import VignetPage

    documents.register(
        VignetPage, content_page_document, lambda: VignetPage.objects.live().iterator(200)
    )
