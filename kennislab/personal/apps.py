from django.apps import AppConfig


class PersonalConfig(AppConfig):
    name = "kennislab.personal"
    label = "personal"
    verbose_name = "Mijn Kennislab"

    def ready(self):
        from . import tasks  # noqa: F401  (registers the daily job)
