from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    name = "kennislab.newsletter"
    label = "newsletter"
    verbose_name = "Nieuwsbrief"

    def ready(self):
        from . import tasks  # noqa: F401  (registers the daily job)
