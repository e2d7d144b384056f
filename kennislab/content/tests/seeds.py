"""Where the reference dumps (../shared/seeds) are, for tests and benchmarks."""

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
CANDIDATES = [REPO.parent / "shared" / "seeds", Path("/work/shared/seeds")]


def seeds_dir() -> Path | None:
    configured = os.environ.get("KENNISLAB_SEEDS")
    for candidate in [Path(configured)] if configured else CANDIDATES:
        if candidate.is_dir() and any(candidate.glob("*.txt")):
            return candidate
    return None


def require_seeds() -> list[Path]:
    """The seed files, or a skip (a failure under CI=true) when they are not on this machine."""
    directory = seeds_dir()
    if directory is None:
        message = "seed dumps not found: set KENNISLAB_SEEDS or check out ../shared/seeds"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return sorted(directory.glob("*.txt"))
