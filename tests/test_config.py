"""Where the database lives: --db > REFERATKIT_DB > the user's data directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from referatkit import config
from referatkit.errors import DatabaseError


def test_cli_value_wins_over_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REFERATKIT_DB", str(tmp_path / "env.db"))
    assert config.resolve_db_path(tmp_path / "cli.db") == tmp_path / "cli.db"


def test_env_wins_over_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REFERATKIT_DB", str(tmp_path / "sub" / "env.db"))
    path = config.resolve_db_path(None)
    assert path == tmp_path / "sub" / "env.db"
    assert path.parent.is_dir()  # the folder is created


def test_default_is_in_the_user_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REFERATKIT_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # platformdirs on Linux
    path = config.resolve_db_path()
    assert path.name == "referatkit.db"
    assert path.parent.name == "referatkit"
    assert path.parent.is_dir()
    assert path == config.default_db_path()


def test_empty_values_count_as_unset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REFERATKIT_DB", "")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert config.resolve_db_path("") == config.default_db_path()


def test_tilde_is_expanded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert config.resolve_db_path("~/x/a.db") == tmp_path / "x" / "a.db"


def test_uncreatable_folder_is_a_database_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(DatabaseError, match="cannot create the folder"):
        config.resolve_db_path(blocker / "a.db")
