"""The first released schema (v1), kept as the SQL text of an archive that release wrote
(``tests/data/v1/referatkit-v1.sql``: ``sqlite3 referatkit-v1.db .dump`` plus its
``user_version``, from tests/data/v1/*.txt), so that tests upgrade a real old archive in place
without a database file in the repository."""

from __future__ import annotations

import sqlite3
from pathlib import Path

V1_DIR = Path(__file__).parent / "data" / "v1"
V1_SQL = V1_DIR / "referatkit-v1.sql"


def v1_archive(path: Path) -> Path:
    """Write the v1 archive to ``path`` (a new file) and return it."""
    conn = sqlite3.connect(path)
    try:
        conn.executescript(V1_SQL.read_text(encoding="utf-8"))
    finally:
        conn.close()
    # The full-text table was declared through the schema table: a new connection sees it.
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode = WAL")  # as the v1 release left its archives
    finally:
        conn.close()
    return path
