from django.apps import AppConfig


class OpsConfig(AppConfig):
    """The operator's view: /health/, structured logs, error reporting, backups, task recovery."""

    name = "kennislab.ops"
    label = "ops"
    verbose_name = "Beheer"

    def ready(self):
        from . import daily, logging

        logging.connect_task_signals()
        daily.register()
