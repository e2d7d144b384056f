from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "kennislab.surveys"
    label = "surveys"
    verbose_name = "Vragenlijsten"

    def ready(self):
        from . import tasks  # noqa: F401  (registers the daily job)
