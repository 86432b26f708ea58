"""``referatkit doctor``: is the archive sound, and rebuild its full-text index if asked.

The checks read the database as it is (no migration, no repair on open, nothing written):
SQLite's integrity and foreign-key checks, FTS5's integrity check and its triggers, the
schema version, rows that point at something gone, runs that were killed, the file's
permissions. ``rebuild_index`` takes the write lock, rebuilds every search row from the
stored documents (so rows lost or damaged come back) and checks again.
"""

from __future__ import annotations

import os
import stat
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from referatkit import queries
from referatkit.errors import EXIT_OK, EXIT_PARTIAL
from referatkit.store import (
    FTS_CONTENT_TABLE,
    LINKS_CHECK,
    SCHEMA_VERSION,
    Store,
    document_rows,
    now_iso,
    open_for_check,
    open_store,
    write_lock,
)

# The database holds personal data: no permission bit beyond the owner's.
OTHERS_BITS = 0o077


@dataclass(slots=True)
class Check:
    name: str
    ok: bool
    detail: str


@dataclass(slots=True)
class DoctorReport:
    database: str
    schema_version: int
    checks: list[Check] = field(default_factory=list)
    rebuilt: bool = False  # the full-text index was rebuilt in this call
    search_rows: int | None = None  # rows the rebuilt index holds

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    @property
    def exit_code(self) -> int:
        return EXIT_OK if self.ok else EXIT_PARTIAL

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "ok": self.ok, "exit_code": self.exit_code}


def check(db: str | os.PathLike[str]) -> DoctorReport:
    """Every check, on the database as it is. Raises DatabaseError when it cannot be opened."""
    path = Path(db)
    with open_for_check(path) as st:
        report = DoctorReport(database=str(path), schema_version=st.schema_version)
        report.checks = [_schema(st), _problems("integrity", st.integrity_problems()),
                         _problems("foreign keys", st.foreign_key_problems()), _fts(st),
                         *_orphans(st), _runs(st), _permissions(path)]
    return report


def rebuild_index(db: str | os.PathLike[str], *, wait: float = 0.0) -> DoctorReport:
    """Rebuild the full-text index from the stored documents (under the write lock, one
    transaction), then check everything."""
    path = Path(db)
    with write_lock(path, wait=wait, what="index rebuild"), open_store(path, create=False) as st:
        rows = search_rows(st)
        st.replace_search_rows(rows)
    report = check(path)
    report.rebuilt, report.search_rows = True, len(rows)
    return report


def search_rows(st: Store) -> list[dict[str, Any]]:
    """The search rows of every stored document, made as ingest makes them."""
    stamp = now_iso()
    out: list[dict[str, Any]] = []
    for r in st.rows("SELECT id FROM documents ORDER BY path, part"):
        doc = queries.load_document(st, r["id"]).document
        out.extend(document_rows(doc, stamp).tables.get(FTS_CONTENT_TABLE, []))
    return out


def _schema(st: Store) -> Check:
    v = st.schema_version
    if v == SCHEMA_VERSION:
        return Check("schema", True, f"version {v}")
    return Check("schema", True, f"version {v}; upgraded in place to {SCHEMA_VERSION} by the "
                                 "next ingest or any command")


def _problems(name: str, problems: list[str]) -> Check:
    if not problems:
        return Check(name, True, "ok")
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return Check(name, False, problems[0] + more)


def _fts(st: Store) -> Check:
    problem = st.fts_problem()
    if problem is None:
        return Check("search index", True, "ok")
    return Check("search index", False, f"{problem} (repair: referatkit doctor --rebuild-index)")


def _orphans(st: Store) -> list[Check]:
    counts = st.orphan_counts()
    bad = {name: n for name, n in counts.items() if n}
    if not bad:
        return [Check("orphan rows", True, f"none ({len(counts)} checks)")]
    return [Check("orphan rows", False, f"{n} {name}" + (
        " (stale until the next ingest; or run 'referatkit link')" if name == LINKS_CHECK
        else "")) for name, n in bad.items()]


def _runs(st: Store) -> Check:
    rows = st.rows("SELECT id, started FROM runs WHERE status = 'running' ORDER BY id")
    if not rows:
        return Check("runs", True, "no run left unfinished")
    first = rows[0]
    # A killed run loses nothing: each file is one transaction, and the next run goes on.
    return Check("runs", True, f"{len(rows)} run(s) running or killed (first: run {first['id']}, "
                               f"started {first['started'][:19]}); the next ingest completes "
                               "their work")


def _permissions(path: Path) -> Check:
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & OTHERS_BITS:
        return Check("permissions", False, f"{oct(mode)}: others may read it (chmod 600 {path})")
    return Check("permissions", True, f"{oct(mode)} (owner only)")
