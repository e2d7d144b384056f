from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "kennislab.search"
    label = "kennislab_search"
    verbose_name = "Zoeken"

    def ready(self):
        from . import documents, signals

        documents.register_content_providers()
        signals.connect()
