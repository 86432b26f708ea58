"""Ingest: walking, change detection, failures that never stop a run, removal after a
complete scan."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from archive_docs import fake_parse_file, meeting_spec, write_doc_file
from referatkit import ingest, pipeline, queries, store
from referatkit.errors import EXIT_OK, EXIT_PARTIAL, LockedError, UsageError
from referatkit.model import Document
from referatkit.store import open_store


@pytest.fixture
def parse_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace the grammar with the stand-in parser and record which files it read."""
    calls: list[str] = []

    def counting(path: str | Path, **kw: bool) -> list[Document]:
        calls.append(Path(path).name)
        return fake_parse_file(path, **kw)

    monkeypatch.setattr(pipeline, "parse_file", counting)
    return calls


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "referater"
    write_doc_file(root / "2021" / "a-referat.txt", meeting_spec(
        "Referat A", "2021-03-26", ("1", "Velkommen", "Dagsordenen blev godkendt.", "approved")))
    write_doc_file(root / "2021" / "b-referat.md", meeting_spec(
        "Referat B", "2021-05-28", ("2", "Budget", "Udsat til næste møde.", "postponed")))
    write_doc_file(root / "c-notat.txt", "Notat om psykiatri\nTekst.")
    return root


def _db(tmp_path: Path) -> Path:
    return tmp_path / "archive.db"


def test_first_run_stores_every_document(tmp_path: Path, folder: Path, parse_calls: list[str]) -> None:
    report = ingest.ingest([folder], _db(tmp_path))
    assert (report.new, report.updated, report.unchanged, report.failed) == (3, 0, 0, 0)
    assert report.documents == 3
    assert report.exit_code == EXIT_OK
    assert parse_calls == ["a-referat.txt", "b-referat.md", "c-notat.txt"]  # sorted walk
    docs = queries.export(_db(tmp_path))
    by_title = {d["title"]: d for d in docs}
    a = by_title["Referat A"]
    assert a["path"] == str(folder / "2021" / "a-referat.txt")
    assert len(a["sha256"]) == 64
    assert a["items"][0]["decisions"][0]["status"] == "approved"
    assert by_title["Notat om psykiatri"]["format"] == "txt"


def test_second_run_reads_nothing(tmp_path: Path, folder: Path, parse_calls: list[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    ingest.ingest([folder], _db(tmp_path))
    parse_calls.clear()
    hashed: list[Path] = []
    real_hash = ingest.sha256_file
    monkeypatch.setattr(ingest, "sha256_file", lambda p: hashed.append(p) or real_hash(p))
    report = ingest.ingest([folder], _db(tmp_path))
    assert (report.new, report.updated, report.unchanged) == (0, 0, 3)
    assert parse_calls == []
    assert hashed == []  # same size and mtime: not even read for hashing


def test_a_touched_file_is_hashed_but_not_parsed(tmp_path: Path, folder: Path,
                                                 parse_calls: list[str]) -> None:
    ingest.ingest([folder], _db(tmp_path))
    parse_calls.clear()
    target = folder / "c-notat.txt"
    st = target.stat()
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    report = ingest.ingest([folder], _db(tmp_path))
    assert report.unchanged == 3
    assert parse_calls == []
    with open_store(_db(tmp_path)) as s:
        assert s.file_record(str(target)).mtime_ns == target.stat().st_mtime_ns


def test_a_changed_file_is_replaced(tmp_path: Path, folder: Path, parse_calls: list[str]) -> None:
    ingest.ingest([folder], _db(tmp_path))
    target = folder / "2021" / "b-referat.md"
    write_doc_file(target, meeting_spec(
        "Referat B", "2021-05-28", ("2", "Budget", "Budgettet blev godkendt.", "approved")))
    parse_calls.clear()
    report = ingest.ingest([folder], _db(tmp_path))
    assert (report.updated, report.unchanged) == (1, 2)
    assert parse_calls == ["b-referat.md"]
    statuses = [d.status for d in queries.decisions(_db(tmp_path))]
    assert sorted(statuses) == ["approved", "approved"]
    assert queries.search(_db(tmp_path), "udsat") == []
    assert len(queries.export(_db(tmp_path))) == 3


def test_force_rereads_everything(tmp_path: Path, folder: Path, parse_calls: list[str]) -> None:
    ingest.ingest([folder], _db(tmp_path))
    parse_calls.clear()
    report = ingest.ingest([folder], _db(tmp_path), force=True)
    assert report.updated == 3
    assert len(parse_calls) == 3
    assert len(queries.export(_db(tmp_path))) == 3


def test_junk_is_skipped(tmp_path: Path, folder: Path, parse_calls: list[str]) -> None:
    for name in ("~$a-referat.docx", "~tmp.txt", "x.tmp", ".hidden.txt", "regneark.xlsx",
                 "billede.png"):
        (folder / name).write_text("junk")
    write_doc_file(folder / ".git" / "inside.txt", "hidden folder")
    report = ingest.ingest([folder], _db(tmp_path))
    assert report.skipped == 6
    assert report.new == 3
    assert "inside.txt" not in parse_calls


def test_one_bad_file_never_stops_the_run(tmp_path: Path, folder: Path,
                                          parse_calls: list[str]) -> None:
    write_doc_file(folder / "0-scannet.txt", "FAIL-READ")
    write_doc_file(folder / "1-crash.txt", "FAIL-CRASH")
    report = ingest.ingest([folder], _db(tmp_path))
    assert report.new == 3
    assert report.failed == 2
    assert report.exit_code == EXIT_PARTIAL
    reasons = dict(report.failures)
    assert reasons[str(folder / "0-scannet.txt")] == "no text layer (scanned PDF?)"
    assert reasons[str(folder / "1-crash.txt")] == (
        "internal error while reading: ValueError: boom second line")
    stats = queries.stats(_db(tmp_path))
    assert stats.files == {"ok": 3, "failed": 2, "removed": 0}
    assert {f["path"] for f in stats.failed} == set(reasons)
    with open_store(_db(tmp_path)) as s:
        rows = s.rows("SELECT path, reason, run_id FROM failures ORDER BY path")
        assert [r["path"] for r in rows] == sorted(reasons)
        assert s.scalar("SELECT status FROM runs") == "partial"


def test_a_failed_file_is_retried_and_can_recover(tmp_path: Path, folder: Path,
                                                  parse_calls: list[str]) -> None:
    bad = write_doc_file(folder / "0-scannet.txt", "FAIL-READ")
    assert ingest.ingest([folder], _db(tmp_path)).failed == 1
    write_doc_file(bad, "Nu med tekst")
    report = ingest.ingest([folder], _db(tmp_path))
    assert (report.failed, report.updated) == (0, 1)
    assert queries.stats(_db(tmp_path)).failed == []


def test_a_file_with_no_documents_fails_with_a_reason(tmp_path: Path, folder: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "parse_file", lambda p, **kw: [])
    report = ingest.ingest([folder / "c-notat.txt"], _db(tmp_path))
    assert report.failures == [(str(folder / "c-notat.txt"), "no document found in the file")]


def test_several_meetings_in_one_file_get_parts(tmp_path: Path, parse_calls: list[str]) -> None:
    f = write_doc_file(tmp_path / "in" / "to-moeder.txt", [
        meeting_spec("Møde 1", "2020-01-10", ("1", "A", "Godkendt.", "approved")),
        meeting_spec("Møde 2", "2020-02-10", ("1", "A", "Godkendt.", "approved")),
    ])
    report = ingest.ingest([f], _db(tmp_path))
    assert report.documents == 2
    docs = queries.export(_db(tmp_path))
    assert [(d["part"], d["title"]) for d in docs] == [(0, "Møde 1"), (1, "Møde 2")]
    assert docs[0]["id"] != docs[1]["id"]
    assert len(queries.decisions(_db(tmp_path))) == 2  # different dates: different decisions


def test_identical_files_are_parsed_once(tmp_path: Path, folder: Path, parse_calls: list[str]) -> None:
    (folder / "kopi").mkdir()
    (folder / "kopi" / "a-kopi.txt").write_bytes((folder / "2021" / "a-referat.txt").read_bytes())
    report = ingest.ingest([folder], _db(tmp_path))
    assert report.new == 4
    assert "a-kopi.txt" not in parse_calls
    docs = queries.export(_db(tmp_path))
    assert len(docs) == 3
    (a,) = [d for d in docs if d["title"] == "Referat A"]
    assert a["paths"] == sorted([str(folder / "2021" / "a-referat.txt"),
                                 str(folder / "kopi" / "a-kopi.txt")])


def test_vanished_files_are_marked_removed_and_kept_until_pruned(
        tmp_path: Path, folder: Path, parse_calls: list[str]) -> None:
    ingest.ingest([folder], _db(tmp_path))
    gone = folder / "2021" / "a-referat.txt"
    gone.unlink()
    report = ingest.ingest([folder], _db(tmp_path))
    assert (report.removed, report.pruned) == (1, 0)
    docs = {d["title"]: d for d in queries.export(_db(tmp_path))}
    assert set(docs) == {"Referat A", "Referat B", "Notat om psykiatri"}  # nothing is lost
    assert [t for t, d in docs.items() if d["removed"]] == ["Referat A"]
    assert queries.stats(_db(tmp_path)).files["removed"] == 1
    # --prune forgets it: the file row and its documents
    report = ingest.ingest([folder], _db(tmp_path), prune=True)
    assert (report.removed, report.pruned) == (0, 1)
    titles = {d["title"] for d in queries.export(_db(tmp_path))}
    assert titles == {"Referat B", "Notat om psykiatri"}
    assert queries.stats(_db(tmp_path)).files == {"ok": 2, "failed": 0, "removed": 0}
    # and it comes back as new
    write_doc_file(gone, "Tilbage igen")
    assert ingest.ingest([folder], _db(tmp_path)).new == 1


def test_a_removed_file_that_comes_back_is_new_and_not_parsed_again(
        tmp_path: Path, folder: Path, parse_calls: list[str]) -> None:
    ingest.ingest([folder], _db(tmp_path))
    target = folder / "c-notat.txt"
    data = target.read_bytes()
    target.unlink()
    assert ingest.ingest([folder], _db(tmp_path)).removed == 1
    parse_calls.clear()
    target.write_bytes(data)
    report = ingest.ingest([folder], _db(tmp_path))
    assert (report.new, report.removed) == (1, 0)
    assert parse_calls == []  # its documents were kept: the same content is linked again
    assert not any(d["removed"] for d in queries.export(_db(tmp_path)))


def test_prune_respects_folders_that_could_not_be_listed(
        tmp_path: Path, folder: Path, parse_calls: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    ingest.ingest([folder], _db(tmp_path))
    (folder / "2021" / "a-referat.txt").unlink()
    ingest.ingest([folder], _db(tmp_path))  # marked removed
    _deny_listing(monkeypatch, "2021")
    report = ingest.ingest([folder], _db(tmp_path), prune=True)
    assert report.pruned == 0
    assert len(queries.export(_db(tmp_path))) == 3


def test_a_scan_of_one_folder_leaves_other_folders_alone(tmp_path: Path, folder: Path,
                                                         parse_calls: list[str]) -> None:
    ingest.ingest([folder], _db(tmp_path))
    report = ingest.ingest([folder / "2021"], _db(tmp_path))
    assert report.removed == 0
    assert report.unchanged == 2
    # a single file given on its own removes nothing either
    assert ingest.ingest([folder / "c-notat.txt"], _db(tmp_path)).removed == 0
    assert len(queries.export(_db(tmp_path))) == 3


def _deny_listing(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """As if permission were denied on every folder called ``name`` (root reads anything)."""
    real_walk = os.walk

    def walk_with_error(top: str | os.PathLike[str], onerror=None, **kw):  # type: ignore[no-untyped-def]
        for dirpath, dirnames, filenames in real_walk(top, onerror=onerror, **kw):
            if Path(dirpath).name == name:
                onerror(PermissionError(13, "Permission denied", dirpath))
                dirnames[:] = []
                continue
            yield dirpath, dirnames, filenames

    monkeypatch.setattr(ingest.os, "walk", walk_with_error)


def test_an_unlisted_folder_removes_nothing_below_it(tmp_path: Path, folder: Path,
                                                     parse_calls: list[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    ingest.ingest([folder], _db(tmp_path))
    _deny_listing(monkeypatch, "2021")
    report = ingest.ingest([folder], _db(tmp_path))
    assert report.removed == 0
    assert report.failures == [(str(folder / "2021"), "cannot list folder: permission denied")]
    assert report.exit_code == EXIT_PARTIAL
    exported = queries.export(_db(tmp_path))
    assert len(exported) == 3 and not any(d["removed"] for d in exported)
    # readable again: the folder's failure is gone from the failed list
    monkeypatch.undo()
    monkeypatch.setattr(pipeline, "parse_file", lambda p, **kw: fake_parse_file(p))
    report = ingest.ingest([folder], _db(tmp_path))
    assert (report.failed, report.unchanged) == (0, 3)
    assert queries.stats(_db(tmp_path)).failed == []


def test_an_empty_folder_is_taken_for_an_unmounted_share(tmp_path: Path, folder: Path,
                                                         parse_calls: list[str]) -> None:
    ingest.ingest([folder], _db(tmp_path))
    for p in sorted(folder.rglob("*"), reverse=True):
        p.unlink() if p.is_file() else p.rmdir()
    report = ingest.ingest([folder], _db(tmp_path))
    assert report.removed == 0
    assert "not marked removed" in report.warnings[0]
    assert len(queries.export(_db(tmp_path))) == 3


def test_a_missing_path_is_a_usage_error_before_anything_happens(tmp_path: Path, folder: Path,
                                                                 parse_calls: list[str]) -> None:
    with pytest.raises(UsageError, match="no such file or folder"):
        ingest.ingest([folder, tmp_path / "nope"], _db(tmp_path))
    assert parse_calls == []
    with pytest.raises(UsageError, match="nothing to ingest"):
        ingest.ingest([], _db(tmp_path))


def test_an_unsupported_file_named_explicitly_fails(tmp_path: Path, parse_calls: list[str]) -> None:
    sheet = tmp_path / "budget.xlsx"
    sheet.write_text("x")
    report = ingest.ingest([sheet], _db(tmp_path))
    assert report.failed == 1
    assert "unsupported file type '.xlsx'" in report.failures[0][1]


def test_progress_events_come_in_order(tmp_path: Path, folder: Path, parse_calls: list[str]) -> None:
    events: list[ingest.Progress] = []
    ingest.ingest([folder], _db(tmp_path), on_progress=events.append)
    assert events[0].outcome == ingest.SCANNED and events[0].total == 3
    assert [e.index for e in events[1:]] == [1, 2, 3]
    assert [Path(e.path).name for e in events[1:]] == ["a-referat.txt", "b-referat.md",
                                                       "c-notat.txt"]
    assert {e.outcome for e in events[1:]} == {ingest.NEW}


def test_an_interrupted_run_is_recorded(tmp_path: Path, folder: Path, parse_calls: list[str]) -> None:
    def stop(e: ingest.Progress) -> None:
        if e.index == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest.ingest([folder], _db(tmp_path), on_progress=stop)
    with open_store(_db(tmp_path)) as s:
        assert s.scalar("SELECT status FROM runs") == "interrupted"
        assert s.scalar("SELECT count(*) FROM documents") == 2  # what was stored stays


def test_the_real_pipeline_stores_a_text_file(tmp_path: Path) -> None:
    # No stand-in here: whatever the grammar makes of it today, it is stored without error.
    f = tmp_path / "in" / "referat.txt"
    f.parent.mkdir()
    f.write_text("Referat\n\n1. Velkommen\n\nBeslutning: Godkendt.\n", encoding="utf-8")
    report = ingest.ingest([f.parent], _db(tmp_path))
    assert (report.new, report.failed) == (1, 0), report.failures
    (doc,) = queries.export(_db(tmp_path))
    assert doc["path"] == str(f)
    assert doc["format"] == "txt"


def test_ignored_names() -> None:
    assert ingest.is_ignored("~$referat.docx")
    assert ingest.is_ignored(".DS_Store")
    assert ingest.is_ignored("kladde.tmp")
    assert not ingest.is_ignored("referat~1.docx")
    assert not ingest.is_ignored("referat.pdf")


# --- identity: moves, copies, touches -------------------------------------------------------


def test_a_moved_and_renamed_file_keeps_its_identity(tmp_path: Path, folder: Path,
                                                     parse_calls: list[str]) -> None:
    ingest.ingest([folder], _db(tmp_path))
    before = {d["title"]: d for d in queries.export(_db(tmp_path))}["Referat B"]
    old = folder / "2021" / "b-referat.md"
    new = folder / "arkiv" / "2021-05-28 referat (endelig).md"
    new.parent.mkdir()
    old.rename(new)
    parse_calls.clear()
    report = ingest.ingest([folder], _db(tmp_path))
    assert (report.new, report.removed, report.failed) == (1, 1, 0)
    assert parse_calls == []  # same content: linked, not parsed
    after = {d["title"]: d for d in queries.export(_db(tmp_path))}["Referat B"]
    assert after["id"] == before["id"]
    assert [d["id"] for d in after["items"][0]["decisions"]] == \
        [d["id"] for d in before["items"][0]["decisions"]]
    assert (after["paths"], after["path"], after["removed"]) == ([str(new)], str(new), False)


# --- crash safety: the lock ------------------------------------------------------------------


def test_a_second_run_does_not_start_while_one_is_writing(tmp_path: Path, folder: Path,
                                                          parse_calls: list[str]) -> None:
    with store.write_lock(_db(tmp_path), what="ingest"):
        with pytest.raises(LockedError, match=r"another referatkit run \(ingest, pid \d+, "
                                              r"since .*\) is writing to .*--wait SECONDS"):
            ingest.ingest([folder], _db(tmp_path))
        assert not _db(tmp_path).exists() or queries.stats(_db(tmp_path)).documents == 0
        t0 = time.monotonic()
        with pytest.raises(LockedError, match=r"waited 0.3 s"):
            ingest.ingest([folder], _db(tmp_path), wait=0.3)
        assert time.monotonic() - t0 >= 0.3
    assert ingest.ingest([folder], _db(tmp_path)).new == 3


def test_a_waiting_run_starts_when_the_other_ends(tmp_path: Path, folder: Path,
                                                  parse_calls: list[str]) -> None:
    held = threading.Event()

    def other_run() -> None:
        with store.write_lock(_db(tmp_path)):
            held.set()
            time.sleep(0.4)

    t = threading.Thread(target=other_run)
    t.start()
    held.wait(5)
    try:
        assert ingest.ingest([folder], _db(tmp_path), wait=30).new == 3
    finally:
        t.join()


def test_a_killed_run_is_marked_interrupted_by_the_next(tmp_path: Path, folder: Path,
                                                        parse_calls: list[str]) -> None:
    with open_store(_db(tmp_path)) as s:
        s.start_run(["/killed"])  # what a run killed with -9 leaves: 'running' for ever
    ingest.ingest([folder], _db(tmp_path))
    with open_store(_db(tmp_path)) as s:
        assert [r["status"] for r in s.rows("SELECT status FROM runs ORDER BY id")] == [
            "interrupted", "ok"]


# --- failures keep what was read --------------------------------------------------------------


def test_a_file_that_cannot_be_read_tonight_keeps_its_documents(
        tmp_path: Path, folder: Path, parse_calls: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    ingest.ingest([folder], _db(tmp_path))
    target = folder / "c-notat.txt"
    write_doc_file(target, "Notat om psykiatri, ny udgave\nTekst.")  # changed: must be read
    real_open = open

    def denied(path, *a, **kw):  # type: ignore[no-untyped-def]
        if Path(path) == target:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *a, **kw)

    monkeypatch.setattr(ingest, "open", denied, raising=False)  # root can read anything
    report = ingest.ingest([folder], _db(tmp_path))
    assert report.failures == [(str(target), "cannot read: permission denied")]
    titles = {d["title"] for d in queries.export(_db(tmp_path))}
    assert "Notat om psykiatri" in titles  # what was last read stays
    assert {f["path"] for f in queries.stats(_db(tmp_path)).failed} == {str(target)}
    monkeypatch.undo()
    monkeypatch.setattr(pipeline, "parse_file", lambda p, **kw: fake_parse_file(p))
    report = ingest.ingest([folder], _db(tmp_path))
    assert (report.failed, report.updated) == (0, 1)
    titles = {d["title"] for d in queries.export(_db(tmp_path))}
    assert "Notat om psykiatri, ny udgave" in titles and "Notat om psykiatri" not in titles


def test_a_file_changed_while_being_read_is_read_next_run(
        tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = folder / "c-notat.txt"

    def parse_while_someone_saves(path: str | Path, **kw: bool) -> list[Document]:
        docs = fake_parse_file(path)
        if Path(path) == target:
            with open(target, "a", encoding="utf-8") as f:
                f.write("Tilføjet mens filen blev læst.\n")
        return docs

    monkeypatch.setattr(pipeline, "parse_file", parse_while_someone_saves)
    report = ingest.ingest([folder], _db(tmp_path))
    assert report.failures == [(str(target),
                                "changed while being read (it is read again next run)")]
    monkeypatch.setattr(pipeline, "parse_file", lambda p, **kw: fake_parse_file(p))
    report = ingest.ingest([folder], _db(tmp_path))
    assert (report.failed, report.updated, report.unchanged) == (0, 1, 2)


def test_a_file_deleted_during_the_run_fails_and_is_removed_next_run(
        tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    victim = folder / "c-notat.txt"
    ingest.ingest([folder], _db(tmp_path), on_progress=None)
    write_doc_file(victim, "Ændret, så den skal læses igen")

    def parse_and_delete(path: str | Path, **kw: bool) -> list[Document]:
        if Path(path).name == "b-referat.md":
            victim.unlink()  # someone deletes the next file while this one is read
        return fake_parse_file(path)

    write_doc_file(folder / "2021" / "b-referat.md", "B, ændret")
    monkeypatch.setattr(pipeline, "parse_file", parse_and_delete)
    report = ingest.ingest([folder], _db(tmp_path))
    assert report.failures == [(str(victim), "deleted during the run")]
    assert "Notat om psykiatri" in {d["title"] for d in queries.export(_db(tmp_path))}
    report = ingest.ingest([folder], _db(tmp_path))
    assert (report.failed, report.removed) == (0, 1)


def test_files_larger_than_max_size_are_not_read(tmp_path: Path, folder: Path,
                                                 parse_calls: list[str]) -> None:
    big = folder / "stor.txt"
    with open(big, "wb") as f:
        f.truncate(3 * 1024 * 1024)  # sparse: 3 MB on paper, nothing on disk
    report = ingest.ingest([folder], _db(tmp_path), max_size=ingest.parse_size("2M"))
    assert report.failures == [(str(big), "larger than --max-size (3 MB > 2 MB)")]
    assert "stor.txt" not in parse_calls
    assert report.new == 3


@pytest.mark.parametrize(("text", "size"), [("200M", 200 * 1024**2), ("1.5G", 3 * 1024**3 // 2),
                                            ("500k", 500 * 1024), ("1048576", 1 << 20),
                                            (" 2 MB ", 2 * 1024**2)])
def test_parse_size(text: str, size: int) -> None:
    assert ingest.parse_size(text) == size


@pytest.mark.parametrize("text", ["", "stor", "2X", "-1M", "1,5G"])
def test_parse_size_refuses_what_is_not_a_size(text: str) -> None:
    with pytest.raises(UsageError, match="is not a size"):
        ingest.parse_size(text)


def test_a_new_version_or_option_reads_the_file_again(tmp_path: Path, folder: Path,
                                                      parse_calls: list[str]) -> None:
    ingest.ingest([folder], _db(tmp_path))
    parse_calls.clear()
    report = ingest.ingest([folder], _db(tmp_path), keep_cpr=True)
    assert (report.updated, len(parse_calls)) == (3, 3)
    with open_store(_db(tmp_path)) as s:
        assert {r["version"] for r in s.rows("SELECT version FROM files")} == {
            ingest.__version__ + ingest.KEEP_CPR_TAG}
        s._exec("UPDATE files SET version = '0.0.1'")  # as if an older referatkit read them
    parse_calls.clear()
    assert ingest.ingest([folder], _db(tmp_path)).updated == 3
    assert len(parse_calls) == 3
    parse_calls.clear()
    assert ingest.ingest([folder], _db(tmp_path)).unchanged == 3
    assert parse_calls == []



def test_a_file_read_again_by_a_new_version_links_its_forum_again(
        tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The same content keeps its document ids, so the forum's documents are the same: what a
    # new version reads differently in them (here: the decision of B) must reach the links.
    monkeypatch.setattr(pipeline, "parse_file", fake_parse_file)
    ingest.ingest([folder], _db(tmp_path))

    def open_decisions() -> list[str]:
        with open_store(_db(tmp_path)) as s:
            return [r["status"] for r in s.rows(
                "SELECT status FROM decision_state WHERE open = 1 ORDER BY status")]

    assert open_decisions() == ["postponed"]

    def reads_b_as_approved(path: str | Path, **kw: bool) -> list[Document]:
        docs = fake_parse_file(path, **kw)
        for d in docs:
            for it in d.items:
                for dec in it.decisions:
                    dec.status = "approved"
        return docs

    monkeypatch.setattr(pipeline, "parse_file", reads_b_as_approved)
    with open_store(_db(tmp_path)) as s:
        s._exec("UPDATE files SET version = '0.0.1'")  # as if an older referatkit read them
    report = ingest.ingest([folder], _db(tmp_path))
    assert report.updated == 3
    assert report.forums_linked >= 1
    assert open_decisions() == []
    with open_store(_db(tmp_path)) as s:
        assert s.scalar("SELECT count(*) FROM decision_state WHERE status = 'approved'") == 2

# --- odd things in the folder -----------------------------------------------------------------


def test_links_loops_pipes_and_odd_names(tmp_path: Path, folder: Path,
                                         parse_calls: list[str]) -> None:
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "dangling.txt").symlink_to(folder / "findes-ikke.txt")
    (folder / "link-til-c.txt").symlink_to(folder / "c-notat.txt")
    (folder / "2021" / "op").symlink_to(folder)  # a folder loop: not followed
    os.mkfifo(folder / "pipe.txt")
    odd = os.fsdecode(bytes(folder / "m") + b"\xf8de.txt")  # Latin-1 "møde.txt"
    Path(odd).write_text("Referat fra Latin-1-navnet\nTekst.", encoding="utf-8")
    report = ingest.ingest([folder], _db(tmp_path))
    reasons = dict(report.failures)
    assert reasons == {
        str(folder / "dangling.txt"): "broken symbolic link",
        str(folder / "loop.txt"): "symbolic link loop",
        str(folder / "pipe.txt"): "not a regular file (a device, pipe or socket)",
    }
    assert report.new == 5  # the three, the link to c, the odd name
    assert report.skipped == 1  # the link to a folder
    key = str(folder / "m") + "\\xf8de.txt"
    assert key in {d["path"] for d in queries.export(_db(tmp_path))}
    assert "not valid UTF-8" in report.warnings[0]
    (c,) = [d for d in queries.export(_db(tmp_path)) if d["title"] == "Notat om psykiatri"]
    assert c["paths"] == [str(folder / "c-notat.txt"), str(folder / "link-til-c.txt")]
    # the second run finds the odd name unchanged under the same key
    report = ingest.ingest([folder], _db(tmp_path))
    assert (report.unchanged, report.removed) == (5, 0)


# --- parallel ingest ---------------------------------------------------------------------

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _mixed_folder(root: Path) -> Path:
    """Real fixture files of every format, a duplicate, and files no reader can read."""
    import shutil

    names = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())[::3]
    for name in names:
        for f in (FIXTURES / name).iterdir():
            if f.suffix in (".pdf", ".docx", ".txt", ".md"):
                shutil.copy(f, root / f.name)
    first_txt = sorted(root.glob("*.txt"))[0]
    shutil.copy(first_txt, root / "zz-copy-of-a-text.txt")  # same content: parsed once
    (root / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj garbage\n")
    (root / "empty.txt").write_bytes(b"")
    (root / "kladde.docx").write_bytes(b"PK\x03\x04 not really a zip")
    return root


def _archive_state(db: Path) -> tuple[object, ...]:
    with open_store(db) as s:
        files = s.rows("SELECT path, size, mtime_ns, sha256, status, reason FROM files "
                       "ORDER BY path")
        failures = s.rows("SELECT path, reason FROM failures ORDER BY path")
        states = s.rows("SELECT id, status, open FROM decision_state ORDER BY id")
    return queries.export(db), files, failures, states


@pytest.mark.slow
def test_parallel_ingest_gives_the_same_archive_as_one_job(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    folder = _mixed_folder(tmp_path / "in")
    one = ingest.ingest([folder], tmp_path / "one.db", jobs=1)
    two = ingest.ingest([folder], tmp_path / "two.db", jobs=2)
    assert (one.new, one.failed, one.documents) == (two.new, two.failed, two.documents)
    assert one.failures == two.failures and one.failed == 3
    assert _archive_state(tmp_path / "one.db") == _archive_state(tmp_path / "two.db")
    # failures in workers are one-line reasons, never tracebacks
    for _path, reason in two.failures:
        assert "\n" not in reason and "Traceback" not in reason
    # and the second run reads nothing, in parallel too
    again = ingest.ingest([folder], tmp_path / "two.db", jobs=2)
    assert (again.new, again.updated, again.unchanged) == (0, 0, one.new)


def crashing_parse_job(path: str, looked: ingest.FileResult,
                       opts: ingest.Options) -> tuple[ingest.FileResult, dict[str, float]]:
    """A reader that takes its worker process down on one file (as a crash in a PDF
    library would); module level, so worker processes can import it."""
    if "crash" in Path(path).name:
        os._exit(3)
    return _REAL_PARSE_JOB(path, looked, opts)


_REAL_PARSE_JOB = ingest.parse_job


def test_a_worker_that_dies_fails_its_file_only(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "in"
    for name in ("a-referat.txt", "b-crash.txt", "c-referat.txt", "d-referat.txt"):
        write_doc_file(root / name, f"Referat {name}\n\n1. Velkommen\n\nBeslutning: Godkendt.\n")
    monkeypatch.setattr(ingest, "parse_job", crashing_parse_job)
    report = ingest.ingest([root], _db(tmp_path), jobs=2)
    assert (report.new, report.failed) == (3, 1)
    assert report.failures == [(str(root / "b-crash.txt"), ingest.CRASHED)]


def dying_worker_init() -> None:
    """A worker that cannot start (as under a script without a __main__ guard)."""
    os._exit(4)


def test_workers_that_cannot_start_leave_the_reading_to_this_process(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "in"
    for name in ("a.txt", "b.txt", "c.txt"):
        write_doc_file(root / name, f"Referat {name}\n\n1. Velkommen\n\nBeslutning: Godkendt.\n")
    monkeypatch.setattr(ingest, "_worker_init", dying_worker_init)
    report = ingest.ingest([root], _db(tmp_path), jobs=2)
    assert (report.new, report.failed) == (3, 0)
    assert report.warnings == ["worker processes could not start; the files were read in "
                               "this process"]


def test_jobs_must_be_positive(tmp_path: Path, folder: Path) -> None:
    with pytest.raises(UsageError, match="at least 1"):
        ingest.ingest([folder], _db(tmp_path), jobs=0)


def test_default_jobs_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REFERATKIT_JOBS", "3")
    assert ingest.default_jobs() == 3
    monkeypatch.setenv("REFERATKIT_JOBS", "many")
    with pytest.raises(UsageError, match="REFERATKIT_JOBS"):
        ingest.default_jobs()
    monkeypatch.delenv("REFERATKIT_JOBS")
    assert ingest.default_jobs() >= 1


@pytest.mark.slow
def test_ctrl_c_stops_a_parallel_ingest_cleanly(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    db = tmp_path / "c.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "referatkit", "--db", str(db), "ingest", str(FIXTURES),
         "--jobs", "2"],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, start_new_session=True)
    assert proc.stderr is not None
    lines = []
    for line in proc.stderr:  # one line per file read (stderr is no terminal)
        lines.append(line)
        if " new " in line:
            break
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal sends it: to every process
    rest = proc.stderr.read()
    code = proc.wait(timeout=60)
    if code == EXIT_OK:
        pytest.skip("the ingest finished before Ctrl-C reached it")
    assert code == 130
    err = "".join(lines) + rest
    assert "Traceback" not in err and "Error" not in err
    with open_store(db) as s:
        assert s.scalar("SELECT status FROM runs") == "interrupted"
        stored = s.scalar("SELECT count(*) FROM files WHERE status = 'ok'")
    assert 0 < stored < len(list(FIXTURES.glob("*/*.*"))) - len(list(FIXTURES.glob("*/*.json")))
    # no worker outlives the run
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _group_alive(proc.pid):
        time.sleep(0.1)
    assert not _group_alive(proc.pid)


def _group_alive(pgid: int) -> bool:
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.getpgid(int(entry.name)) == pgid:
                    return True
            except OSError:
                continue
    return False
