"""Structured logs: one JSON object per line (LOG_FORMAT=json, the default in production), one
line per request (kennislab.ops.middleware.RequestLogMiddleware) and one per task (the task
signals), and private-link tokens masked in every path that reaches a log.

Which URL segments are secret is read from the URL configuration itself: every parameter named
token, key, code or uidb64 (a private link, an unsubscribe key, a team code, a password-reset
link). A new private link is therefore masked without anyone remembering to add it here.
"""

from __future__ import annotations

import json
import logging
import re
import time
from datetime import UTC, datetime
from functools import lru_cache

from django.utils.functional import empty

SECRET_PARAMETERS = frozenset({"token", "key", "code", "uidb64"})
MASK = "***"
# A path inside a log message (Django's "Not Found: /…", gunicorn's request line, a referer).
PATH_IN_TEXT = re.compile(r"(?<![\w./:])/[^\s\"'?#]*")
URL_IN_TEXT = re.compile(r"(https?://[^/\s\"']+)(/[^\s\"'?#]*)")

# Attributes every LogRecord has; anything else was passed with `extra=` and is a field.
_STANDARD = frozenset(
    logging.LogRecord("", 0, "", 0, "", (), None).__dict__.keys()
    | {"message", "asctime", "taskName"}
)


def _join(prefix: str, pattern: str) -> str:
    return prefix + pattern.removeprefix("^").removesuffix("\\Z").removesuffix("$")


def _walk(patterns, prefix: str = ""):
    for entry in patterns:
        regex = _join(prefix, entry.pattern.regex.pattern)
        if hasattr(entry, "url_patterns"):
            try:
                yield from _walk(entry.url_patterns, regex)
            except Exception:  # noqa: S112 - an include that cannot load has no secret routes
                continue
        else:
            yield regex


@lru_cache(maxsize=1)
def secret_routes() -> tuple[re.Pattern, ...]:
    """The full regular expressions of every route with a secret parameter."""
    from django.urls import get_resolver

    found = []
    for regex in _walk(get_resolver().url_patterns):
        compiled = re.compile("^/" + regex + r"\Z")
        if SECRET_PARAMETERS & set(compiled.groupindex):
            found.append(compiled)
    return tuple(found)


def mask_path(path: str) -> str:
    """The path with every secret segment replaced by ***; the query string is dropped."""
    path = path.split("?", 1)[0]
    try:
        routes = secret_routes()
    except Exception:  # Django not set up (a bare gunicorn master): mask nothing but the query
        return path
    for route in routes:
        match = route.match(path)
        if match:
            spans = sorted(
                match.span(name)
                for name in SECRET_PARAMETERS & set(route.groupindex)
                if match.group(name)
            )
            for start, end in reversed(spans):
                path = path[:start] + MASK + path[end:]
            return path
    return path


def mask_text(text: str) -> str:
    """Every path in a free text (a log message) masked, query strings dropped."""
    if "/" not in text:
        return text

    def replace(match: re.Match) -> str:
        return mask_path(match.group(0))

    masked = URL_IN_TEXT.sub(lambda match: match.group(1) + mask_path(match.group(2)), text)
    masked = PATH_IN_TEXT.sub(replace, masked)
    return re.sub(r"\?[^\s\"']*", "?…", masked)


class MaskTokensFilter(logging.Filter):
    """A handler filter: the message of every record with its paths masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:
            return True
        masked = mask_text(message)
        if masked != message:
            record.msg, record.args = masked, ()
        for name in ("path", "referer"):
            value = getattr(record, name, None)
            if isinstance(value, str):
                setattr(record, name, mask_path(value))
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message, the fields passed
    with `extra=` and, for an error, the traceback as one string."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name, value in record.__dict__.items():
            if name not in _STANDARD and not name.startswith("_") and name != "request":
                entry[name] = value if isinstance(value, str | int | float | bool) else str(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def logging_config(fmt: str, level: str) -> dict:
    """The LOGGING setting: JSON lines or plain text on standard error, tokens masked."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"mask_tokens": {"()": "kennislab.ops.logging.MaskTokensFilter"}},
        "formatters": {
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
            "json": {"()": "kennislab.ops.logging.JsonFormatter"},
            "django.server": {
                "()": "django.utils.log.ServerFormatter",
                "format": "[{server_time}] {message}",
                "style": "{",
            },
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "json" if fmt == "json" else "plain",
                "filters": ["mask_tokens"],
            },
            # runserver's request lines (make run), with tokens masked like every other log.
            "django.server": {
                "class": "logging.StreamHandler",
                "formatter": "django.server",
                "filters": ["mask_tokens"],
            },
        },
        "root": {"handlers": ["console"], "level": level.upper()},
        "loggers": {
            "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
        },
    }


request_logger = logging.getLogger("kennislab.request")
task_logger = logging.getLogger("kennislab.task")


def log_request(request, response, started: float) -> None:
    duration = round((time.monotonic() - started) * 1000, 1)
    # The user only when the request loaded it already: a log line never costs a query.
    user = request.__dict__.get("user")
    if user is None or getattr(user, "_wrapped", None) is empty:
        user_id = "-"
    else:
        user_id = user.pk if getattr(user, "is_authenticated", False) else "-"
    path = mask_path(request.path)
    status = response.status_code
    request_logger.info(
        "%s %s %s %sms user=%s",
        request.method,
        path,
        status,
        duration,
        user_id,
        extra={
            "method": request.method,
            "path": path,
            "status": status,
            "duration_ms": duration,
            "user_id": user_id,
        },
    )


def log_task(sender=None, task_result=None, **kwargs) -> None:
    """One line per finished task: its name, duration and outcome."""
    if task_result is None:
        return
    started, finished = task_result.started_at, task_result.finished_at
    duration = (
        round((finished - started).total_seconds() * 1000, 1) if started and finished else None
    )
    outcome = str(getattr(task_result.status, "value", task_result.status)).lower()
    try:
        name = task_result.task.module_path
    except Exception:
        name = "?"
    level = logging.WARNING if outcome == "failed" else logging.INFO
    task_logger.log(
        level,
        "task %s %s %sms",
        name,
        outcome,
        duration,
        extra={"task": name, "outcome": outcome, "duration_ms": duration},
    )


def connect_task_signals() -> None:
    from django_tasks.signals import task_finished

    task_finished.connect(log_task, dispatch_uid="kennislab.ops.log_task")
