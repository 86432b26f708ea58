"""Shared test helpers. Tests that read ../shared skip with a reason when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = Path(os.environ.get("REFERATKIT_SHARED", ROOT.parent / "shared"))
SAMPLES = SHARED / "samples"
REALWORLD = SHARED / "corpus" / "realworld"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent (real documents live beside the project, not in a clone)")
    return path


@pytest.fixture
def samples_dir() -> Path:
    return _need(SAMPLES)


@pytest.fixture
def realworld_dir() -> Path:
    return _need(REALWORLD)


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test may touch the user's real database or data directory."""
    monkeypatch.setenv("REFERATKIT_DB", str(tmp_path / "referatkit.db"))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    # Ingest in this process: the stand-in parsers tests patch in do not reach workers.
    # Parallel ingest is tested by asking for it (tests/test_ingest.py).
    monkeypatch.setenv("REFERATKIT_JOBS", "1")
