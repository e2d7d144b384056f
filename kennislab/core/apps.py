from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kennislab.core"
    label = "core"
    verbose_name = "Kern"

    def ready(self):
        from . import pagecache, signals, sites

        signals.connect()
        pagecache.connect()
        sites.connect()
