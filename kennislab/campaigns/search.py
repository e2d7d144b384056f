"""Event pages and relay campaign pages in the site search (title, intro and body, like any
content page). Activities are found through their campaign page."""


def register_providers(documents):
    from kennislab.search.documents import content_page_document

    from .models import EventPage, RelayCampaignPage

    for model in (EventPage, RelayCampaignPage):
        documents.register(
            model, content_page_document, lambda model=model: model.objects.live().iterator(200)
        )
