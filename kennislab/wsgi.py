"""WSGI entry point (gunicorn kennislab.wsgi:application)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennislab.settings.production")

application = get_wsgi_application()
