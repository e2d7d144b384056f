"""gunicorn settings for `make serve` (bin/serve) and the systemd unit
(deploy/kennislab-web.service).

Every value can be overridden from the environment: HOST, PORT, WORKERS, THREADS,
FORWARDED_ALLOW_IPS, GUNICORN_TIMEOUT, GUNICORN_CONTROL_SOCKET.
"""

import os
import re

host, port = os.environ.get("HOST", "127.0.0.1"), os.environ.get("PORT", "8000")
bind = f"{host}:{port}"
# gunicorn's control socket (for `gunicornc`) defaults to one path per user
# (~/.gunicorn/gunicorn.ctl): a second server on the machine would take it over and either
# server's stop would remove it. One per server, in var/ (relative to the checkout; systemd's
# ReadWritePaths has it).
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET") or (
    f"var/gunicorn-{re.sub(r'[^A-Za-z0-9.-]', '_', f'{host}-{port}')}.ctl"
)
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
