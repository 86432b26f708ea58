"""Fault injection: ``kill -9`` an ingest at random moments; after each, the database passes
``PRAGMA integrity_check`` and FTS5's integrity check, and the next run gives the same archive
(export, open decisions, file statuses) as a run that was never killed.

Two scenarios, each against its own clean reference: a first ingest of a folder, and a
nightly re-ingest after the folder changed (a file edited, one deleted, one moved, one
added). The kills fall at a random SQL statement (tests/kill_after.py: inside transactions,
between them, before a COMMIT) or at a random time (which can also land inside a COMMIT's
writes). Runs go in parallel, a few at a time, and the databases live in memory-backed
/dev/shm where there is one: a kill -9 is a process crash, which the page cache survives, so
where the file lives does not change what is tested, and skipping the disk's fsyncs keeps the
test near 20 s.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from referatkit import ingest, queries, store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
KILL_AFTER = Path(__file__).resolve().parent / "kill_after.py"

STATEMENT_KILLS = 10  # per scenario: killed just before a random SQL statement
TIMED_KILLS = 2  # per scenario: killed after a random time
WORKERS = 3
SEED = 20240607  # fixed: a failure can be replayed; change it to explore

# The folder: (name in the folder, fixture file). A copy, a file with several meetings, closed
# items, CPR numbers, every format, and an empty file that fails.
CORPUS = (
    ("2021/01-referat.txt", "minutes_only/minutes_only.txt"),
    ("2021/02-referat.docx", "table_referat/table_referat.docx"),
    ("2021/03-dagsorden-referat.md", "combined_dagsorden_referat/combined_dagsorden_referat.md"),
    ("2021/04-to-moeder.txt", "several_meetings_one_file/several_meetings_one_file.txt"),
    ("2021/05-lukkede-punkter.txt", "closed_items/closed_items.txt"),
    ("2021/06-cpr.md", "cpr_number/cpr_number.md"),
    ("2022/07-status.pdf", "status_vocabulary/status_vocabulary.pdf"),
    ("2022/08-prosa.txt", "prose_decisions/prose_decisions.txt"),
    ("kopi/01-referat.txt", "minutes_only/minutes_only.txt"),
)


def _write_corpus(root: Path) -> None:
    for name, fixture in CORPUS:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(FIXTURES / fixture, root / name)
    (root / "tom.txt").write_bytes(b"")


def _change_folder(root: Path) -> None:
    """What a week in a shared folder does: edit, delete, move, add."""
    with open(root / "2021/05-lukkede-punkter.txt", "a", encoding="utf-8") as f:
        f.write("\n7. Tilføjet punkt\n\nBeslutning: Sagen blev udsat.\n")
    (root / "2022/08-prosa.txt").unlink()
    (root / "arkiv").mkdir()
    (root / "2021/03-dagsorden-referat.md").rename(root / "arkiv/03-dagsorden-referat.md")
    shutil.copy(FIXTURES / "prior_body_decisions/prior_body_decisions.txt",
                root / "2022/09-tidligere.txt")


def _state(db: Path) -> dict[str, Any]:
    """What a run must leave behind, as data to compare."""
    with queries.open_archive(db) as st:
        files = st.rows("SELECT path, status, sha256, reason FROM files ORDER BY path")
        running = st.scalar("SELECT count(*) FROM runs WHERE status = 'running'")
    return {
        "export": queries.export(db, include_closed=True),
        "open": sorted(r.id for r in queries.decisions(db, open_only=True)),
        "files": files,
        "running": running,
    }


def _integrity(db: Path, *, killed: bool = False) -> None:
    """What a run left: sound, by SQLite's and FTS5's own checks (opened raw, as any SQLite
    client would, so no repair on open can hide a problem), and consistent: no row points at
    something gone (every transaction leaves a whole state behind). A killed run may leave
    the derived links behind the documents: the next run links again (store.LINKS_CHECK)."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        if not conn.execute("PRAGMA user_version").fetchone()[0]:
            return  # killed before the schema was made: an empty database
        conn.execute(f"INSERT INTO [{store.FTS_TABLE}] ([{store.FTS_TABLE}], rank) "
                     "VALUES ('integrity-check', 1)")
    finally:
        conn.close()
    with store.open_for_check(db) as st:
        orphans = st.orphan_counts()
    if killed:
        orphans.pop(store.LINKS_CHECK)
    assert set(orphans.values()) == {0}, orphans


def _cli(limit: int, db: Path, folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(KILL_AFTER), str(limit), "--db", str(db), "ingest", str(folder),
         "--quiet"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _statements(db: Path, folder: Path) -> tuple[int, float]:
    """How many SQL statements a clean run of the CLI makes, and how long it takes."""
    t0 = time.monotonic()
    proc = _cli(0, db, folder)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1, err  # tom.txt fails
    return int(err.strip().splitlines()[-1].split()[-1]), time.monotonic() - t0


@dataclass
class Kill:
    scenario: str
    how: str  # "statement" | "time"
    at: float  # statement number or seconds
    killed: bool = False  # False: the run ended before the kill came


@pytest.fixture
def dbs(tmp_path: Path) -> Iterator[Path]:
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield tmp_path
        return
    with tempfile.TemporaryDirectory(dir=shm, prefix="referatkit-crash-") as d:
        yield Path(d)


@pytest.mark.slow
def test_kill_9_at_random_moments_never_costs_the_archive(tmp_path: Path, dbs: Path) -> None:
    folder = tmp_path / "referater"
    _write_corpus(folder)
    before = dbs / "before.db"  # the archive of last night
    assert ingest.ingest([folder], before).failed == 1
    assert not Path(f"{before}-wal").exists()  # closed cleanly: one file to copy
    _change_folder(folder)

    starts = {"first": None, "nightly": before}
    reference: dict[str, dict[str, Any]] = {}
    budget: dict[str, tuple[int, float]] = {}
    for name, start in starts.items():
        ref = dbs / f"ref-{name}.db"
        if start:
            shutil.copy(start, ref)
        budget[name] = _statements(ref, folder)
        reference[name] = _state(ref)
        assert reference[name]["running"] == 0
    # the references differ where they must: last night's deleted file is kept, marked removed
    removed = [d for d in reference["nightly"]["export"] if d["removed"]]
    assert [d["paths"] for d in removed] == [[str(folder / "2022/08-prosa.txt")]]

    rng = random.Random(SEED)
    kills = [Kill(s, "statement", rng.randint(1, budget[s][0])) for s in starts
             for _ in range(STATEMENT_KILLS)]
    kills += [Kill(s, "time", rng.uniform(0.3, budget[s][1])) for s in starts
              for _ in range(TIMED_KILLS)]

    def crash(i: int, kill: Kill) -> Kill:
        db = dbs / f"kill-{i:02d}.db"
        if starts[kill.scenario]:
            shutil.copy(starts[kill.scenario], db)
        if kill.how == "statement":
            proc = _cli(int(kill.at), db, folder)
            proc.communicate(timeout=120)
        else:
            proc = _cli(0, db, folder)
            try:
                proc.communicate(timeout=kill.at)
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGKILL)
                proc.communicate(timeout=120)
        kill.killed = proc.returncode == -signal.SIGKILL
        return kill

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        done = list(pool.map(crash, range(len(kills)), kills))
    for i, kill in enumerate(done):
        db = dbs / f"kill-{i:02d}.db"
        if db.exists():
            _integrity(db, killed=True)
        # the next night's run completes the work (in this process: no start-up to pay)
        report = ingest.ingest([folder], db)
        assert [p for p, _ in report.failures] == [str(folder / "tom.txt")], kill
        _integrity(db)
        assert _state(db) == reference[kill.scenario], kill
    landed = [k for k in done if k.killed]
    assert sum(k.how == "statement" for k in landed) == 2 * STATEMENT_KILLS
    assert len(landed) >= 20, json.dumps([k.__dict__ for k in done])
