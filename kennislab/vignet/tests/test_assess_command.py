"""manage.py vignet_assess FILE: prints the verdict as JSON; exit 2 with a Dutch message on bad input."""

import errno
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from kennislab.vignet.management.commands import vignet_assess

REPO_ROOT = Path(__file__).resolve().parents[3]
CONTRACT_EXAMPLE = """{
  "organisation": "Voorbeeld BV",
  "assessed_on": "2026-06-01",
  "target_group_size": 200,
  "baseline": {"date": "2025-01-15", "participants": 120},
  "expert_guidance": {"name": "…", "organisation": "…"},
  "activities": [
    {"theme": "bewegen", "title": "…", "start": "2025-03-01", "end": "2025-06-01",
     "participants": 50, "target_group_size": 200}
  ],
  "renewal_of": {"awarded_on": "2024-05-01"}
}
"""
ELIGIBLE = {
    "organisation": "Gezond Bedrijf",
    "assessed_on": "2026-06-01",
    "target_group_size": 200,
    "baseline": {"date": "2025-01-15", "participants": 120},
    "expert_guidance": {"name": "Jan Jansen", "organisation": "Vitaal Advies"},
    "activities": [
        {"theme": "bewegen", "start": "2025-03-01", "participants": 50},
        {"theme": "voeding", "start": "2025-04-01", "participants": 80},
    ],
}
INVALID = {
    **ELIGIBLE,
    "activities": [
        {"theme": "bewegen", "start": "2025-03-01", "participants": 50},
        {"theme": "zwemmen", "start": "2025-02-30", "participants": -1},
    ],
}
INVALID_LINES = [
    'fout: activities[1].theme: onbekend thema "zwemmen"; kies uit bewegen, roken, '
    "alcohol-drugs-medicijnen, voeding, ontspanning-mentale-balans",
    'fout: activities[1].start: "2025-02-30" is geen bestaande datum',
    "fout: activities[1].participants: mag niet negatief zijn, niet -1",
]


def write(tmp_path, content, name="aanvraag.json"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content if isinstance(content, str) else json.dumps(content), "utf-8")
    return str(path)


def run(*args, **options):
    """call_command; returns (exit status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("vignet_assess", *args, stdout=out, stderr=err, **options)
    except SystemExit as exit_:
        return exit_.code, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def test_prints_the_verdict_of_the_contract_example(tmp_path):
    status, out, err = run(write(tmp_path, CONTRACT_EXAMPLE))
    assert (status, err) == (0, "")
    verdict = json.loads(out)
    assert list(verdict) == ["eligible", "criteria", "themes_met"]
    assert verdict["eligible"] is False
    assert [c["code"] for c in verdict["criteria"]] == ["baseline", "themes", "guidance", "renewal"]
    assert verdict["themes_met"] == ["bewegen"]
    assert "1 mei 2024" in out  # ensure_ascii=False keeps the text readable
    assert "… (…)" in out
    assert out.startswith('{\n  "eligible": false,')  # indent=2


def test_an_eligible_application_also_exits_0(tmp_path):
    status, out, err = run(write(tmp_path, ELIGIBLE))
    assert (status, err) == (0, "")
    assert json.loads(out)["eligible"] is True
    assert json.loads(out)["themes_met"] == ["bewegen", "voeding"]


@pytest.mark.parametrize(
    "stdin",
    [io.BytesIO(json.dumps(ELIGIBLE).encode()), io.StringIO(json.dumps(ELIGIBLE))],
)
def test_dash_reads_standard_input(stdin):
    status, out, err = run("-", stdin=stdin)
    assert (status, err) == (0, "")
    assert json.loads(out)["eligible"] is True


def test_a_byte_order_mark_is_accepted(tmp_path):
    status, out, _ = run(write(tmp_path, b"\xef\xbb\xbf" + json.dumps(ELIGIBLE).encode()))
    assert status == 0
    assert json.loads(out)["eligible"] is True


def test_writes_nothing(tmp_path):
    path = write(tmp_path, ELIGIBLE)
    before = sorted(p.name for p in tmp_path.iterdir())
    assert run(path)[0] == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == before


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b"\xff\xfe{}",
            "aanvraag.json:1: fout: geen geldige UTF-8-tekst op regel 1; sla het bestand op als UTF-8",
        ),
        (
            b'{\n"organisation": "Caf\xe9"}',
            "aanvraag.json:2: fout: geen geldige UTF-8-tekst op regel 2",
        ),
        (
            '{\n  "organisation": }',
            "aanvraag.json:2:19: fout: geen geldige JSON op regel 2, kolom 19: hier wordt een waarde verwacht",
        ),
        (
            '{"organisation": "A",}',
            "aanvraag.json:1:22: fout: geen geldige JSON op regel 1, kolom 22: hier wordt een veldnaam tussen dubbele aanhalingstekens verwacht",
        ),
        (
            "{} {}",
            "geen geldige JSON op regel 1, kolom 4: na het einde van de JSON staat nog tekst",
        ),
        (
            "",
            "aanvraag.json:1:1: fout: geen geldige JSON op regel 1, kolom 1: hier wordt een waarde verwacht",
        ),
        ("[" * 100_000, "aanvraag.json: fout: de JSON is te diep genest"),
        (
            '{"target_group_size": ' + "9" * 5000 + "}",
            "aanvraag.json: fout: geen geldige JSON: een getal is te lang",
        ),
        ("[]", "aanvraag.json: fout: aanvraag: moet een JSON-object zijn, niet een lijst"),
    ],
)
def test_unreadable_content_exits_2(tmp_path, content, expected):
    status, out, err = run(write(tmp_path, content))
    assert (status, out) == (2, "")
    assert expected in err
    assert "Traceback" not in err


def test_invalid_input_gives_one_line_per_problem(tmp_path):
    path = write(tmp_path, INVALID)
    status, out, err = run(path)
    assert (status, out) == (2, "")
    assert err.splitlines() == [f"{path}: {line}" for line in INVALID_LINES]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            (),
            "fout: geef precies één aanvraagbestand op, bijvoorbeeld: manage.py vignet_assess aanvraag.json",
        ),
        (("a.json", "b.json"), "fout: geef precies één aanvraagbestand op"),
        (("bestaat-niet.json",), "bestaat-niet.json: fout: bestand niet gevonden"),
    ],
)
def test_missing_or_unknown_file_exits_2(args, expected, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    status, out, err = run(*args)
    assert (status, out) == (2, "")
    assert expected in err


def test_a_directory_exits_2(tmp_path):
    status, _, err = run(str(tmp_path))
    assert status == 2
    assert err.strip() == f"{tmp_path}: fout: dit is een map, geen bestand"


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (
            PermissionError(errno.EACCES, "Permission denied"),
            "fout: geen toestemming om dit bestand te lezen",
        ),
        (
            OSError(errno.EIO, "Input/output error"),
            "fout: kan niet gelezen worden (Input/output error)",
        ),
    ],
)
def test_an_unreadable_file_exits_2(tmp_path, monkeypatch, error, expected):
    path = write(tmp_path, ELIGIBLE)

    def refuse(*args, **kwargs):
        raise error

    monkeypatch.setattr(vignet_assess, "open", refuse, raising=False)
    status, _, err = run(path)
    assert status == 2
    assert err.strip() == f"{path}: {expected}"


# --- Through manage.py, as an operator runs it -----------------------------------------------------


def manage(*args, stdin=b""):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["DJANGO_SETTINGS_MODULE"] = "kennislab.settings.test"
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", "vignet_assess", *args],
        cwd=REPO_ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )


# Each run starts Django (~3 s); the other cases are covered through call_command above.
@pytest.mark.parametrize(
    ("content", "status", "expected"),
    [
        (CONTRACT_EXAMPLE, 0, '"themes_met": [\n    "bewegen"\n  ]'),
        ('{"organisation": ', 2, "geen geldige JSON op regel 1, kolom 18"),
    ],
)
def test_manage_py_exit_status(tmp_path, content, status, expected):
    result = manage(write(tmp_path, content))
    output = (result.stdout if status == 0 else result.stderr).decode()
    assert result.returncode == status, result.stderr.decode()
    assert expected in output
    assert "Traceback" not in result.stderr.decode()
    assert (result.stderr if status == 0 else result.stdout) == b""


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), "fout: geef precies één aanvraagbestand op"),
        (("bestaat/niet.json",), "bestaat/niet.json: fout: bestand niet gevonden"),
    ],
)
def test_manage_py_bad_arguments_exit_2(args, expected):
    result = manage(*args)
    assert result.returncode == 2
    assert expected in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()


def test_manage_py_reads_stdin_and_reports_invalid_input():
    result = manage("-", stdin=json.dumps(INVALID).encode())
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr.decode().splitlines() == [
        f"(standaardinvoer): {line}" for line in INVALID_LINES
    ]
