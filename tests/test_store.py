"""The store: schema and migrations, the write path, the full-text index."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive_docs import notat_document, sample_document
from referatkit import ids, queries, store, words
from referatkit.errors import DatabaseError
from referatkit.model import Decision, Document, Item, Participant, Section
from referatkit.store import FileRecord, open_store
from v1_archive import v1_archive


@pytest.fixture
def db(tmp_path: Path) -> store.Store:
    s = open_store(tmp_path / "a.db")
    yield s
    s.close()


def _rec(path: str, sha: str, size: int = 10, mtime: int = 1) -> FileRecord:
    return FileRecord(path=path, size=size, mtime_ns=mtime, sha256=sha)


def _store(s: store.Store, doc: Document, run: int | None = None) -> list[str]:
    run = run or s.start_run([doc.path])
    return s.store_file(_rec(doc.path, doc.sha256), [doc], run)


def _count(s: store.Store, table: str) -> int:
    return s.scalar(f"SELECT count(*) FROM [{table}]")


def _fts_hits(s: store.Store, word: str) -> int:
    return s.scalar(f"SELECT count(*) FROM {store.FTS_TABLE} WHERE {store.FTS_TABLE} MATCH ?",
                    [f'"{word}"'])


# --- opening and schema -----------------------------------------------------------------------


def test_new_database_is_private_wal_and_current(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with open_store(path) as s:
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        assert s.scalar("PRAGMA journal_mode") == "wal"
        assert s.schema_version == store.SCHEMA_VERSION
        tables = set(s.db.table_names())
        assert set(store.SCHEMA) <= tables
        assert store.FTS_TABLE in tables
        triggers = {r["name"] for r in s.rows("SELECT name FROM sqlite_master WHERE type='trigger'")}
        assert set(store.FTS_TRIGGERS) <= triggers
        for name, spec in store.SCHEMA.items():
            assert set(s.db[name].columns_dict) == set(spec.columns), name


def test_fts_uses_a_tokenizer_that_keeps_danish_letters(db: store.Store) -> None:
    sql = db.scalar("SELECT sql FROM sqlite_master WHERE name = ?", [store.FTS_TABLE])
    assert "remove_diacritics 0" in sql
    _store(db, sample_document())
    assert _fts_hits(db, "søer") >= 1
    assert _fts_hits(db, "soer") == 0
    assert _fts_hits(db, "åer") >= 1


def test_reopening_applies_no_migration_twice(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    with open_store(path) as s:
        _store(s, sample_document())
    with open_store(path) as s:
        assert s.schema_version == store.SCHEMA_VERSION
        assert _count(s, "documents") == 1


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    open_store(path).close()
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {store.SCHEMA_VERSION + 1}")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="newer referatkit"):
        open_store(path)


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("this is not a database, just notes " * 100)
    with pytest.raises(DatabaseError, match="cannot use database"):
        open_store(path)


def test_another_applications_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE customers (id INTEGER)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="not a referatkit database"):
        open_store(path)


def test_missing_database_is_not_created_for_reading(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="no database at"):
        open_store(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="is a folder"):
        open_store(tmp_path)


def test_readonly_store_cannot_write(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    open_store(path).close()
    with open_store(path, readonly=True) as s, pytest.raises(DatabaseError):
        s.start_run(["x"])


def test_migrations_run_in_order_and_set_the_version(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.db"
    open_store(path).close()
    calls: list[int] = []
    nxt = store.SCHEMA_VERSION + 1  # a migration after the current ones

    def migrate_next(db: object) -> None:
        calls.append(nxt)
        db.execute("ALTER TABLE documents ADD COLUMN note TEXT")  # type: ignore[attr-defined]

    monkeypatch.setattr(store, "SCHEMA_VERSION", nxt)
    monkeypatch.setitem(store.MIGRATIONS, nxt, migrate_next)
    with open_store(path) as s:
        assert s.schema_version == nxt
        assert "note" in s.db["documents"].columns_dict
    with open_store(path) as s:
        assert calls == [nxt]


def test_a_failing_migration_leaves_the_old_version(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.db"
    open_store(path).close()

    def broken(db: object) -> None:
        db.execute("ALTER TABLE documents ADD COLUMN half TEXT")  # type: ignore[attr-defined]
        raise sqlite3.OperationalError("disk I/O error")

    current = store.SCHEMA_VERSION
    monkeypatch.setattr(store, "SCHEMA_VERSION", current + 1)
    monkeypatch.setitem(store.MIGRATIONS, current + 1, broken)
    with pytest.raises(DatabaseError):
        open_store(path)
    monkeypatch.setattr(store, "SCHEMA_VERSION", current)
    with open_store(path) as s:
        assert s.schema_version == current
        assert "half" not in s.db["documents"].columns_dict


# --- the write path ---------------------------------------------------------------------------


def test_a_document_round_trips_through_the_store(db: store.Store) -> None:
    doc = sample_document()
    (doc_id,) = _store(db, doc)
    assert doc_id == ids.document_id(doc.sha256, 0)
    loaded = queries.load_document(db, doc_id)
    # store filled Decision.id in place; the export from the database equals the original's
    assert all(d.id for it in doc.items for d in it.decisions)
    assert loaded.document.export() == doc.export()
    assert loaded.paths == [doc.path]


def test_rows_land_in_their_tables(db: store.Store) -> None:
    _store(db, sample_document())
    assert _count(db, "items") == 5
    assert _count(db, "sections") == 6  # 1 document-level + 5 in items
    assert _count(db, "decisions") == 7  # incl. one proposal
    assert _count(db, "actions") == 1
    assert _count(db, "participants") == 2
    assert _count(db, "attachments") == 1
    closed = db.rows("SELECT closed, case_number FROM items ORDER BY ordinal")
    assert [r["closed"] for r in closed] == [0, 0, 0, 1, 0]
    assert closed[1]["case_number"] == "21/1234"
    doc_level = db.rows("SELECT text FROM sections WHERE item_id IS NULL")
    assert doc_level == [{"text": "Mødet blev holdt på rådhuset."}]


def test_cpr_numbers_never_reach_the_index(db: store.Store) -> None:
    _store(db, sample_document())
    assert _fts_hits(db, "010203") == 0
    assert _fts_hits(db, "010203-1234") == 0
    body = db.scalar(f"SELECT body FROM {store.FTS_CONTENT_TABLE} WHERE body LIKE '%CPR%'")
    assert store.CPR_MASK in body


def test_a_changed_file_replaces_its_rows(db: store.Store) -> None:
    run = db.start_run(["x"])
    old = sample_document(sha256="1" * 64)
    db.store_file(_rec(old.path, old.sha256), [old], run)
    new = sample_document(sha256="2" * 64, budget_decision="Godkendt med bemærkninger.")
    (new_id,) = db.store_file(_rec(new.path, new.sha256, size=11, mtime=2), [new], run)
    assert [r["id"] for r in db.rows("SELECT id FROM documents")] == [new_id]
    assert _count(db, "items") == 5
    assert _count(db, "decisions") == 7
    assert _fts_hits(db, "udsat") == 0
    assert _fts_hits(db, "bemærkninger") == 2  # section + decision
    db.check_fts()


def _wrong_spans(st_: store.Store) -> list[dict[str, object]]:
    """Documents whose search span is not the least and greatest rid of their search rows."""
    return st_.rows(
        "SELECT d.id, d.search_lo, d.search_hi, min(s.rid) AS lo, max(s.rid) AS hi "
        f"FROM documents d LEFT JOIN {store.FTS_CONTENT_TABLE} s ON s.document_id = d.id "
        "GROUP BY d.id HAVING d.search_lo IS NOT lo OR d.search_hi IS NOT hi")


def test_a_document_knows_the_span_of_its_search_rows(db: store.Store) -> None:
    run = db.start_run(["x"])
    a = sample_document(path="/a.txt", sha256="1" * 64)
    b = notat_document(path="/b.txt", sha256="3" * 64)
    db.store_file(_rec(a.path, a.sha256), [a], run)
    db.store_file(_rec(b.path, b.sha256), [b], run)
    changed = sample_document(path="/a.txt", sha256="2" * 64,
                              budget_decision="Godkendt med bemærkninger.")
    db.store_file(_rec(changed.path, changed.sha256, size=11, mtime=2), [changed], run)
    spans = db.rows("SELECT search_lo, search_hi FROM documents ORDER BY search_lo")
    assert len(spans) == 2 and all(r["search_lo"] <= r["search_hi"] for r in spans)
    assert spans[0]["search_hi"] < spans[1]["search_lo"]  # the changed file's rows came last
    assert _wrong_spans(db) == []
    db.replace_search_rows(db.rows(f"SELECT * FROM {store.FTS_CONTENT_TABLE} ORDER BY rid DESC"))
    assert _wrong_spans(db) == []


@pytest.mark.parametrize("params", [1, 25, store.SEARCH_ROWS_PARAMS])
def test_search_rows_go_in_many_to_a_statement_and_all_reach_the_index(
        tmp_path: Path, params: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """However many rows one statement takes (one, two, all of a document), the same rows with
    the same rids are stored and indexed."""
    monkeypatch.setattr(store, "SEARCH_ROWS_PARAMS", params)
    with open_store(tmp_path / f"p{params}.db") as s:
        run = s.start_run(["x"])
        for i, doc in enumerate((sample_document(path="/a.txt", sha256="1" * 64),
                                 notat_document(path="/b.txt", sha256="2" * 64))):
            s.store_file(_rec(doc.path, doc.sha256, mtime=i), [doc], run)
        s.check_fts()
        rows = s.rows(f"SELECT rid, kind, ref_id, title, body FROM {store.FTS_CONTENT_TABLE} "
                      "ORDER BY rid")
        assert len(rows) > 10 and [r["rid"] for r in rows] == sorted({r["rid"] for r in rows})
        for r in rows:  # each row is in the index under its own words
            word = words.tokens(f"{r['title'] or ''} {r['body'] or ''}")[0]
            assert s.scalar(f"SELECT count(*) FROM {store.FTS_TABLE} WHERE "
                            f"{store.FTS_TABLE} MATCH ? AND rowid = ?", [f'"{word}"', r["rid"]])
        assert _wrong_spans(s) == []
    with open_store(tmp_path / "one.db") as one:  # the write as one row a statement
        run = one.start_run(["x"])
        monkeypatch.setattr(store, "SEARCH_ROWS_PARAMS", 1)
        for i, doc in enumerate((sample_document(path="/a.txt", sha256="1" * 64),
                                 notat_document(path="/b.txt", sha256="2" * 64))):
            one.store_file(_rec(doc.path, doc.sha256, mtime=i), [doc], run)
        assert one.rows(f"SELECT rid, kind, ref_id, title, body FROM {store.FTS_CONTENT_TABLE} "
                        "ORDER BY rid") == rows


def _dates_in_rid_order(st_: store.Store) -> list[str | None]:
    return [r["meeting_date"] for r in st_.rows(
        f"SELECT meeting_date FROM {store.FTS_CONTENT_TABLE} ORDER BY rid")]


def test_search_rows_are_numbered_in_meeting_order_whatever_order_they_come_in(
        db: store.Store) -> None:
    run = db.start_run(["x"])
    docs = [sample_document(path=f"/{d}.txt", sha256=str(i) * 64, meeting_date=d)
            for i, d in enumerate(("2023-05-01", "2021-02-03", "2022-11-30"), start=1)]
    memo = notat_document(path="/memo.txt", sha256="9" * 64)
    memo.meeting_date = None
    for i, doc in enumerate([*docs, memo]):
        db.store_file(_rec(doc.path, doc.sha256, mtime=i), [doc], run)
    dates = _dates_in_rid_order(db)
    assert dates == sorted(dates, key=lambda d: d or "")  # undated first, then by date
    # a changed file of the oldest meeting takes its rowids among that date's again
    again = sample_document(path="/2021-02-03.txt", sha256="8" * 64, meeting_date="2021-02-03",
                            budget_decision="Godkendt.")
    db.store_file(_rec(again.path, again.sha256, size=11, mtime=9), [again], run)
    assert _dates_in_rid_order(db) == dates
    lo = store.rid_base("2021-02-03")
    assert db.scalar(f"SELECT min(rid) FROM {store.FTS_CONTENT_TABLE} WHERE "
                     "meeting_date = '2021-02-03'") >= lo
    db.replace_search_rows(db.rows(f"SELECT * FROM {store.FTS_CONTENT_TABLE} ORDER BY rid DESC"))
    assert _dates_in_rid_order(db) == dates and _wrong_spans(db) == []
    db.check_fts()


def test_a_date_with_more_rows_than_rowids_goes_after_every_row(
        db: store.Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "RID_DATE_SHIFT", 2)  # four rowids a date
    run = db.start_run(["x"])
    old = sample_document(path="/a.txt", sha256="1" * 64, meeting_date="2020-01-01")
    new = sample_document(path="/b.txt", sha256="2" * 64, meeting_date="2024-01-01")
    db.store_file(_rec(new.path, new.sha256), [new], run)
    db.store_file(_rec(old.path, old.sha256, mtime=2), [old], run)
    rids = [r["rid"] for r in db.rows(f"SELECT rid FROM {store.FTS_CONTENT_TABLE}")]
    assert len(rids) == len(set(rids)) > 8
    # each date's four rowids hold its first rows; the rest went after every row there was
    dates = _dates_in_rid_order(db)
    assert dates[:4] == ["2020-01-01"] * 4 and dates[4:8] == ["2024-01-01"] * 4
    assert dates[-1] == "2020-01-01"  # stored last, after the rows of 2024
    assert _wrong_spans(db) == []
    db.check_fts()
    assert {h.meeting_date for h in queries.search(db, "budget", limit=50)} == {
        "2020-01-01", "2024-01-01"}


def test_a_rebuild_numbers_dates_that_spill_into_each_other_without_a_clash(
        db: store.Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: the index rebuild numbers every row before writing any, and a date with
    more rows than rowids spilled into the next date's rowids, which that date then gave
    again (UNIQUE constraint failed: search_docs.rid)."""
    monkeypatch.setattr(store, "RID_DATE_SHIFT", 2)  # four rowids a date
    run = db.start_run(["x"])
    for i, d in enumerate(("2020-01-02", "2020-01-01")):
        doc = sample_document(path=f"/{d}.txt", sha256=str(i + 1) * 64, meeting_date=d)
        db.store_file(_rec(doc.path, doc.sha256, mtime=i), [doc], run)
    db.replace_search_rows(db.rows(f"SELECT * FROM {store.FTS_CONTENT_TABLE} "
                                   "ORDER BY meeting_date"))
    rids = [r["rid"] for r in db.rows(f"SELECT rid FROM {store.FTS_CONTENT_TABLE}")]
    assert len(rids) == len(set(rids)) > 8
    assert _dates_in_rid_order(db)[:4] == ["2020-01-01"] * 4
    assert _wrong_spans(db) == []
    db.check_fts()


def test_an_archive_before_search_spans_gets_them(tmp_path: Path) -> None:
    path = tmp_path / "v5.db"
    with open_store(path) as s:
        run = s.start_run(["x"])
        for i, doc in enumerate((sample_document(path="/a.txt", sha256="1" * 64),
                                 notat_document(path="/b.txt", sha256="2" * 64))):
            s.store_file(_rec(doc.path, doc.sha256, mtime=i), [doc], run)
    raw = sqlite3.connect(path)
    raw.execute("DROP INDEX ix_documents_span")
    raw.execute("ALTER TABLE documents DROP COLUMN search_lo")
    raw.execute("ALTER TABLE documents DROP COLUMN search_hi")
    raw.execute("PRAGMA user_version = 5")
    raw.commit()
    raw.close()
    with open_store(path) as s:
        assert s.schema_version == store.SCHEMA_VERSION
        assert s.scalar("SELECT count(*) FROM documents WHERE search_lo IS NOT NULL") == 2
        assert _wrong_spans(s) == []


def test_a_failed_write_rolls_back_to_the_previous_document(db: store.Store) -> None:
    run = db.start_run(["x"])
    old = sample_document(sha256="1" * 64)
    db.store_file(_rec(old.path, old.sha256), [old], run)
    bad = sample_document(sha256="2" * 64)
    bad.participants.append(Participant(name=None))  # type: ignore[arg-type]  # NOT NULL
    with pytest.raises(sqlite3.IntegrityError):
        db.store_file(_rec(bad.path, bad.sha256), [bad], run)
    assert db.scalar("SELECT sha256 FROM documents") == "1" * 64
    assert db.file_record(old.path).sha256 == "1" * 64
    assert _count(db, "items") == 5
    db.check_fts()


def test_identical_content_at_two_paths_is_one_document(db: store.Store) -> None:
    run = db.start_run(["x"])
    doc = sample_document(path="/a/referat.txt")
    db.store_file(_rec("/a/referat.txt", doc.sha256), [doc], run)
    assert db.has_documents(doc.sha256)
    ids_b = db.store_file(_rec("/b/kopi.txt", doc.sha256), None, run)
    assert _count(db, "documents") == 1
    assert queries.load_document(db, ids_b[0]).paths == ["/a/referat.txt", "/b/kopi.txt"]
    # the first path vanishes: the document stays and points at the copy
    assert db.mark_removed(["/a/referat.txt"], run) == 1
    assert db.scalar("SELECT path FROM documents") == "/b/kopi.txt"
    # the copy vanishes too: marked removed, the document is kept until pruned
    assert db.mark_removed(["/b/kopi.txt", "/b/kopi.txt"], run) == 1
    assert _count(db, "documents") == 1
    assert queries.load_document(db, ids_b[0]).removed
    assert db.file_record("/b/kopi.txt").status == store.FILE_REMOVED
    # pruning one keeps the document (the other still holds it), pruning both deletes it
    assert db.prune(["/a/referat.txt", "/nowhere.txt"]) == 1
    assert _count(db, "documents") == 1
    assert db.scalar("SELECT path FROM documents") == "/b/kopi.txt"
    assert db.prune(["/b/kopi.txt"]) == 1
    assert _count(db, "documents") == 0
    assert _count(db, "items") == 0
    assert _count(db, store.FTS_CONTENT_TABLE) == 0
    assert _count(db, "files") == 0
    db.check_fts()


def test_a_file_that_starts_failing_keeps_what_was_read(db: store.Store) -> None:
    run = db.start_run(["x"])
    doc = sample_document()
    db.store_file(_rec(doc.path, doc.sha256), [doc], run)
    db.record_failure(_rec(doc.path, "9" * 64), "encrypted\nPDF", run)
    rec = db.file_record(doc.path)
    assert (rec.status, rec.reason) == ("failed", "encrypted PDF")
    assert rec.sha256 == doc.sha256  # the content the archive still holds for it
    assert _count(db, "documents") == 1
    assert db.rows("SELECT run_id, path, reason FROM failures") == [
        {"run_id": run, "path": doc.path, "reason": "encrypted PDF"}]
    # read again: the new content replaces the old
    new = sample_document(sha256="2" * 64, budget_decision="Godkendt.")
    db.store_file(_rec(doc.path, new.sha256, size=11), [new], run)
    assert db.scalar("SELECT sha256 FROM documents") == "2" * 64
    assert db.file_record(doc.path).status == store.FILE_OK


def test_file_upsert_keeps_first_seen_run(db: store.Store) -> None:
    doc = sample_document()
    r1 = db.start_run(["x"])
    db.store_file(_rec(doc.path, doc.sha256), [doc], r1)
    r2 = db.start_run(["x"])
    db.store_file(_rec(doc.path, doc.sha256, mtime=5), [doc], r2)
    row = db.rows("SELECT first_seen_run, last_seen_run, mtime_ns FROM files")[0]
    assert row == {"first_seen_run": r1, "last_seen_run": r2, "mtime_ns": 5}


def test_runs_are_recorded(db: store.Store) -> None:
    run = db.start_run(["/arkiv"])
    db.finish_run(run, "partial", store.RunCounts(new=3, failed=1, skipped=2))
    row = db.rows("SELECT * FROM runs WHERE id = ?", [run])[0]
    assert (row["status"], row["new"], row["failed"], row["skipped"]) == ("partial", 3, 1, 2)
    assert row["started"] <= row["finished"]
    assert row["roots"] == '["/arkiv"]'


# --- the full-text index stays in sync --------------------------------------------------------


def test_update_trigger_keeps_the_index_in_sync(db: store.Store) -> None:
    _store(db, sample_document())
    # An UPDATE (what an upsert's DO UPDATE does) must re-index, not leave the old words.
    db.conn.execute(
        f"UPDATE {store.FTS_CONTENT_TABLE} SET body = 'vandløb' WHERE body LIKE '%bød velkommen%'")
    assert _fts_hits(db, "bød") == 0  # the old section text
    assert _fts_hits(db, "vandløb") == 1
    db.check_fts()


def test_dropped_triggers_are_restored_on_open(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    with open_store(path) as s:
        _store(s, sample_document())
        for name in store.FTS_TRIGGERS:
            s.conn.execute(f"DROP TRIGGER [{name}]")
        # what a table rebuild without triggers would do: rows change, index does not follow
        s.conn.execute(f"DELETE FROM {store.FTS_CONTENT_TABLE} WHERE kind = 'decision'")
    with open_store(path) as s:
        triggers = {r["name"] for r in s.rows("SELECT name FROM sqlite_master WHERE type='trigger'")}
        assert set(store.FTS_TRIGGERS) <= triggers
        s.check_fts()
        assert _fts_hits(s, "intet") == 0


def test_integrity_check_reports_a_damaged_index(db: store.Store) -> None:
    _store(db, sample_document())
    db.conn.execute(f"DROP TRIGGER [{store.FTS_CONTENT_TABLE}_ad]")
    db.conn.execute(f"DELETE FROM {store.FTS_CONTENT_TABLE}")
    with pytest.raises(DatabaseError, match="search index"):
        db.check_fts()


# --- property: whatever the grammar produces, the store gives it back ------------------------

_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
_opt = st.none() | _text
_section = st.builds(Section, label=_text, kind=st.sampled_from(["decision", "minutes", "body"]),
                     text=_text)
_decision = st.builds(Decision, text=_text, status=st.sampled_from(["approved", "postponed"]),
                      kind=st.sampled_from(["decision", "proposal", "prior"]), owner=_opt)
_item = st.builds(Item, number=_opt, title=_text, closed=st.booleans(), case_number=_opt,
                  sections=st.lists(_section, max_size=3),
                  decisions=st.lists(_decision, max_size=3))
_document = st.builds(
    Document, path=st.just("/x/y.txt"), format=st.just("txt"), sha256=st.just("c" * 64),
    title=_opt, forum=_opt, meeting_date=st.none() | st.just("2020-05-15"),
    participants=st.lists(st.builds(Participant, name=_text, absent=st.booleans()), max_size=2),
    sections=st.lists(_section, max_size=2), items=st.lists(_item, max_size=4),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=_document)
def test_any_document_round_trips(tmp_path: Path, doc: Document) -> None:
    with open_store(tmp_path / "prop.db") as s:
        (doc_id,) = _store(s, doc)
        assert queries.load_document(s, doc_id).document.export() == doc.export()
        s.check_fts()


def test_notat_without_items_round_trips(db: store.Store) -> None:
    doc = notat_document()
    (doc_id,) = _store(db, doc)
    assert queries.load_document(db, doc_id).document.export() == doc.export()
    assert _fts_hits(db, "sengepladser") == 1


def test_a_locked_database_is_a_database_error(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.db"
    open_store(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another run holds the write lock
    try:
        monkeypatch.setattr(store, "BUSY_TIMEOUT_S", 0.05)
        with open_store(path) as s, pytest.raises(DatabaseError, match="locked by another"):
            s.start_run(["x"])
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_every_file_of_the_database_is_private(tmp_path: Path) -> None:
    """The database, its WAL and shared-memory files and its lock file: owner only, whatever
    the umask."""
    old = os.umask(0o022)
    try:
        path = tmp_path / "a.db"
        with open_store(path) as s, store.write_lock(path):
            _store(s, sample_document())
            files = sorted(tmp_path.iterdir())
            assert [f.name for f in files] == ["a.db", "a.db-shm", "a.db-wal", "a.db.lock"]
            assert {stat.S_IMODE(os.stat(f).st_mode) for f in files} == {0o600}
    finally:
        os.umask(old)


def test_every_foreign_key_column_is_indexed_new_and_migrated(tmp_path: Path) -> None:
    # Caught by `make bench`: deleting a changed document's items scanned all of `actions`
    # per item (no index on actions.item_id), a third of a second per changed file.
    with open_store(tmp_path / "new.db") as s:
        assert store._fk_columns_without_index(s.db) == []
    old = tmp_path / "v1.db"
    v1_archive(old)
    with open_store(old) as s:
        assert s.schema_version == store.SCHEMA_VERSION
        assert store._fk_columns_without_index(s.db) == []
        plan = " ".join(r[3] for r in s.conn.execute(
            "EXPLAIN QUERY PLAN DELETE FROM items WHERE document_id = 'x'"))
        assert "SCAN" not in plan, plan


def test_a_forums_documents_come_from_an_index_new_and_migrated(tmp_path: Path) -> None:
    # Caught by `make bench-search`: a search narrowed to a forum read 2,000 document rows
    # for their ids, 5 ms of every such query.
    old = tmp_path / "v1.db"
    v1_archive(old)
    with open_store(tmp_path / "new.db") as new, open_store(old) as migrated:
        for s in (new, migrated):
            plan = " ".join(r[3] for r in s.conn.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM documents WHERE forum IN ('a', 'b')"))
            assert "COVERING INDEX ix_documents_forum_id" in plan, plan
            names = {ix.name for ix in s.db["documents"].indexes}
            assert "ix_documents_forum" not in names


def test_the_search_index_is_merged_when_it_has_many_segments(tmp_path: Path) -> None:
    from referatkit import search

    with open_store(tmp_path / "a.db") as s:
        def segments() -> int:
            return s.scalar("SELECT count(DISTINCT segid) FROM search_fts_idx")

        # One document per transaction, each adds a segment (FTS5 merges some on its own).
        for i in range(40):
            doc = Document(path=f"/m/{i}.txt", sha256=f"{i:064x}", format="txt",
                           title=f"Referat {i}", meeting_date=f"2020-01-{i % 28 + 1:02d}",
                           items=[Item(number="1", title=f"Budget og rammeaftale {i}",
                                       sections=[Section("Beslutning", "decision",
                                                        f"Godkendt sag {i}")])])
            _store(s, doc)
        before = segments()
        hits = [h.to_dict() for h in search.search(s, "budget", limit=100).hits]
        assert before > store.FTS_MAX_SEGMENTS
        assert s.tidy_search_index() is True
        assert segments() == 1
        assert s.tidy_search_index() is False  # nothing to do now
        assert [h.to_dict() for h in search.search(s, "budget", limit=100).hits] == hits
        s.conn.execute("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')")


def test_small_segments_beside_a_large_one_are_merged_without_rewriting_it(
        tmp_path: Path) -> None:
    # What an incremental run leaves: the large segment of the first import, and a segment
    # per transaction since. Rewriting the large one ('optimize') cost 2.5 s at 10,000
    # documents; merging the small ones, milliseconds.
    from referatkit import search

    def doc(i: int) -> Document:
        return Document(path=f"/m/{i}.txt", sha256=f"{i:064x}", format="txt",
                        title=f"Referat {i}", meeting_date=f"2020-01-{i % 28 + 1:02d}",
                        items=[Item(number=str(k), title=f"Budget og rammeaftale {i} {k}",
                                    sections=[Section("Beslutning", "decision",
                                                      " ".join(f"ord{i * 97 + k * 11 + w}"
                                                               for w in range(12)))])
                               for k in range(1, 9)])

    with open_store(tmp_path / "a.db") as s:
        run = s.start_run(["/m"])
        with s.transaction():
            for i in range(300):
                s.store_file(_rec(f"/m/{i}.txt", f"{i:064x}"), [doc(i)], run)
        s.conn.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
        (large,) = s.search_segment_pages()
        # A segment per transaction, as a long run's many small ones leave them before
        # FTS5 gets round to merging them on its own.
        s.conn.execute("INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 0)")
        for i in range(300, 310):
            _store(s, doc(i))
        s.conn.execute("INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 4)")
        pages = s.search_segment_pages()
        assert len(pages) > store.FTS_MAX_SEGMENTS
        assert sum(pages[1:]) <= store.FTS_SMALL_SHARE * sum(pages)
        hits = [h.to_dict() for h in search.search(s, "budget", limit=1000).hits]
        assert s.tidy_search_index() is True
        after = s.search_segment_pages()
        assert 1 < len(after) <= store.FTS_MAX_SEGMENTS
        assert after[0] == large  # the large segment as it was
        assert [h.to_dict() for h in search.search(s, "budget", limit=1000).hits] == hits
        s.conn.execute("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')")
