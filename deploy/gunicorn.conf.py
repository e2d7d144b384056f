"""gunicorn settings for `make serve` (bin/serve) and the systemd unit
(deploy/kennislab-web.service).

Every value can be overridden from the environment: HOST, PORT, WORKERS, THREADS,
FORWARDED_ALLOW_IPS, GUNICORN_TIMEOUT.
"""

import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WORKERS", "2"))
# gthread: a request is handled by a thread once it has arrived, so a slow client (a slow upload,
# a slow connection) occupies one connection, not a whole worker; nginx in front buffers request
# bodies as well (deploy/nginx-kennislab.conf).
worker_class = "gthread"
threads = int(os.environ.get("THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# Limits on what a request may send before Django sees it (Django caps bodies itself:
# DATA_UPLOAD_MAX_MEMORY_SIZE, and the upload size checks of each form).
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190
max_requests = 2000  # a worker is replaced after this many requests (memory stays flat)
max_requests_jitter = 200
# The proxies whose X-Forwarded-For/-Proto gunicorn believes: keep equal to TRUSTED_PROXIES.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Access log on standard output, private-link tokens masked, no query strings.
accesslog = "-"
errorlog = "-"
logger_class = "kennislab.ops.gunicorn.MaskedLogger"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(f)s" "%(a)s"'
