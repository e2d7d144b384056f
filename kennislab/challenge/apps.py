from django.apps import AppConfig


class ChallengeConfig(AppConfig):
    name = "kennislab.challenge"
    label = "challenge"
    verbose_name = "30DagenGezonder"

    def ready(self):
        from kennislab.search import documents

        from . import tasks  # noqa: F401  (registers the daily job)
        from .search import register_providers

        register_providers(documents)
