"""Where the database lives: ``--db PATH`` > ``$REFERATKIT_DB`` > the user's data directory.

One database per user by default, so ``referatkit ingest`` then ``referatkit search`` work with
no options (DESIGN.md "Interfaces that others rely on").
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from referatkit.errors import DatabaseError

ENV_DB = "REFERATKIT_DB"
APP_NAME = "referatkit"
DB_FILENAME = "referatkit.db"


def default_db_path() -> Path:
    """The per-user database: ``~/.local/share/referatkit/referatkit.db`` on Linux,
    ``~/Library/Application Support/referatkit/`` on macOS, ``%LOCALAPPDATA%`` on Windows."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


def resolve_db_path(cli_value: str | os.PathLike[str] | None = None, *, create_dir: bool = True) -> Path:
    """The database path to use, its parent directory created when ``create_dir``.

    An empty ``--db`` or ``REFERATKIT_DB`` counts as unset: an empty variable left in a
    crontab should not turn into a database called "" in the working directory.
    """
    if cli_value is not None and str(cli_value) != "":
        path = Path(cli_value).expanduser()
    elif os.environ.get(ENV_DB):
        path = Path(os.environ[ENV_DB]).expanduser()
    else:
        path = default_db_path()
    if create_dir:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise DatabaseError(f"cannot create the folder for the database {path}: {e.strerror or e}") from e
    return path
