"""referatkit doctor: the checks find what is wrong, and --rebuild-index repairs the index."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from archive_docs import notat_document, sample_document
from referatkit import cli, doctor, queries, store
from referatkit.errors import DatabaseError, LockedError
from referatkit.store import FileRecord, open_store
from v1_archive import V1_DIR, v1_archive


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "a.db"
    with open_store(path) as s:
        run = s.start_run(["/arkiv"])
        for doc in (sample_document(), notat_document()):
            s.store_file(FileRecord(path=doc.path, size=1, mtime_ns=1, sha256=doc.sha256),
                         [doc], run)
        s.finish_run(run, "ok", store.RunCounts(new=2))
    return path


def _checks(report: doctor.DoctorReport) -> dict[str, tuple[bool, str]]:
    return {c.name: (c.ok, c.detail) for c in report.checks}


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.run(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_a_sound_archive(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = doctor.check(db)
    assert report.ok and report.exit_code == 0
    checks = _checks(report)
    assert set(checks) == {"schema", "integrity", "foreign keys", "search index", "orphan rows",
                           "runs", "permissions"}
    assert checks["schema"] == (True, f"version {store.SCHEMA_VERSION}")
    assert checks["permissions"] == (True, "0o600 (owner only)")
    code, out, err = _run(capsys, "--db", str(db), "doctor")
    assert code == 0 and "integrity" in out and err.strip() == "The archive is sound."
    code, out, _ = _run(capsys, "--db", str(db), "doctor", "--format", "json")
    data = json.loads(out)
    assert (code, data["ok"], data["exit_code"]) == (0, True, 0)


def test_doctor_changes_nothing(db: Path) -> None:
    with sqlite3.connect(db) as raw:
        raw.execute(f"DROP TRIGGER [{store.FTS_CONTENT_TABLE}_ad]")
    before = db.read_bytes()
    report = doctor.check(db)
    assert not report.ok
    ok, detail = _checks(report)["search index"]
    assert not ok and "search_docs_ad missing" in detail and "--rebuild-index" in detail
    with sqlite3.connect(db) as raw:  # open_store would have put the trigger back
        names = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    assert f"{store.FTS_CONTENT_TABLE}_ad" not in names
    assert db.read_bytes() == before


def test_a_damaged_index_is_found_and_rebuilt(db: Path, capsys: pytest.CaptureFixture[str]
                                              ) -> None:
    with sqlite3.connect(db) as raw:
        for name in store.FTS_TRIGGERS:
            raw.execute(f"DROP TRIGGER [{name}]")
        raw.execute(f"DELETE FROM [{store.FTS_CONTENT_TABLE}] WHERE kind = 'section'")
        for sql in store.FTS_TRIGGERS.values():
            raw.execute(sql)  # the triggers are back, the index still holds the sections
    assert queries.search(db, "bød") == []  # the content row is gone: search cannot say it
    code, out, err = _run(capsys, "--db", str(db), "doctor")
    assert code == 1 and "PROBLEM" in out and "1 problem(s) found." in err
    assert not _checks(doctor.check(db))["search index"][0]
    code, out, err = _run(capsys, "--db", str(db), "doctor", "--rebuild-index")
    assert code == 0, out
    assert "Rebuilt the search index" in err and "The archive is sound." in err
    assert [h.kind for h in queries.search(db, "bød")] == ["section"]  # rows made again
    assert _run(capsys, "--db", str(db), "doctor", "--quiet") == (0, "", "")


def test_a_wrong_search_span_is_found_and_rebuilt(db: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE documents SET search_hi = search_lo")
    ok, detail = _checks(doctor.check(db))["search index"]
    assert not ok and "wrong search span" in detail and "--rebuild-index" in detail
    code, out, err = _run(capsys, "--db", str(db), "doctor", "--rebuild-index")
    assert code == 0 and "The archive is sound." in err, out


def test_quiet_says_only_the_problems(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.chmod(db, 0o640)
    code, out, err = _run(capsys, "--db", str(db), "doctor", "-q")
    assert (code, out) == (1, "")
    assert err == f"Problem: permissions: 0o640: others may read it (chmod 600 {db})\n"


def test_the_rebuilt_index_is_the_index_ingest_makes(db: Path, tmp_path: Path) -> None:
    def rows(path: Path) -> list[tuple]:
        with sqlite3.connect(path) as raw:
            return sorted(raw.execute(
                f"SELECT kind, ref_id, document_id, item_id, title, body "
                f"FROM [{store.FTS_CONTENT_TABLE}]").fetchall())

    before = rows(db)
    report = doctor.rebuild_index(db)
    assert report.ok and report.search_rows == len(before)
    assert rows(db) == before


def test_orphan_rows_are_named(db: Path) -> None:
    with sqlite3.connect(db) as raw:
        raw.execute("PRAGMA foreign_keys = OFF")
        raw.execute("DELETE FROM documents WHERE title LIKE 'Notat%'")
        raw.execute("INSERT INTO files (path, size, mtime_ns, sha256, status) VALUES "
                    "('/arkiv/borte.txt', 1, 1, 'f00d', 'ok')")
    report = doctor.check(db)
    problems = [c.detail for c in report.checks if not c.ok]
    assert any("sections without their document" in p for p in problems)
    assert any("read files without their documents" in p for p in problems)
    assert not _checks(report)["foreign keys"][0]


def test_permissions_and_killed_runs(db: Path) -> None:
    with open_store(db) as s:
        s.start_run(["/arkiv"])  # killed: never finished
    os.chmod(db, 0o644)
    checks = _checks(doctor.check(db))
    assert checks["permissions"] == (False, f"0o644: others may read it (chmod 600 {db})")
    ok, detail = checks["runs"]
    assert ok and "1 run(s) running or killed" in detail


def test_an_old_schema_is_reported_not_upgraded(tmp_path: Path) -> None:
    db = tmp_path / "v1.db"
    v1_archive(db)
    os.chmod(db, 0o600)  # a checkout makes it 0o644, which doctor would rightly report
    report = doctor.check(db)
    assert report.schema_version == 1
    ok, detail = _checks(report)["schema"]
    assert ok and "upgraded in place" in detail
    assert report.ok
    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 1


def test_what_cannot_be_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(DatabaseError, match="no database at"):
        doctor.check(tmp_path / "nope.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not sqlite at all" * 100)
    code, _, err = _run(capsys, "--db", str(junk), "doctor")
    assert code == 3 and err.startswith("Error: cannot use database")
    assert not (tmp_path / "nope.db").exists()


def test_a_rebuild_waits_for_the_lock(db: Path) -> None:
    with store.write_lock(db), pytest.raises(LockedError, match="this index rebuild did not"):
        doctor.rebuild_index(db)


def test_a_v1_archive_upgraded_by_a_nightly_run_is_sound(tmp_path: Path) -> None:
    """The first released schema, upgraded in place by an ingest of this version (removal
    kept until prune, the lock, failures that keep what was read): doctor finds it sound."""
    from referatkit.ingest import ingest

    db = tmp_path / "v1.db"
    v1_archive(db)
    os.chmod(db, 0o600)
    with sqlite3.connect(db) as raw:
        v1_decisions = sorted(r[0] for r in raw.execute("SELECT id FROM decisions"))
        v1_paths = [r[0] for r in raw.execute("SELECT path FROM files ORDER BY path")]
    src = tmp_path / "arkiv"
    src.mkdir()
    for f in sorted(V1_DIR.glob("*.txt")):
        shutil.copy(f, src / f.name)
    (src / "tom.txt").write_bytes(b"")
    report = ingest([src], db, prune=True)
    assert (report.new, report.failed) == (2, 1)
    checked = doctor.check(db)
    assert checked.ok, checked.checks
    assert checked.schema_version == store.SCHEMA_VERSION
    # the same texts at new paths: the same documents, held by the old and the new paths
    with open_store(db) as s:
        assert sorted(r["id"] for r in s.rows("SELECT DISTINCT id FROM decisions")) == \
            v1_decisions
        paths = [r["path"] for r in s.rows("SELECT path FROM files WHERE status = 'ok' "
                                           "ORDER BY path")]
    assert set(v1_paths) <= set(paths)
