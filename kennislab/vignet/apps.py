from django.apps import AppConfig


class VignetConfig(AppConfig):
    name = "kennislab.vignet"
    label = "vignet"
    verbose_name = "Vignet Vitaal Bedrijf"

    def ready(self):
        from kennislab.search import documents

        from . import tasks  # noqa: F401  (registers the daily job)
        from .search import register_providers

        register_providers(documents)
