from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "kennislab.surveys"
    label = "surveys"
    verbose_name = "Vragenlijsten"
