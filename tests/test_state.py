"""What people record survives: a manual close survives re-ingest, an edited file, a moved
and renamed file, a forced re-read, and (through export-state/import-state) a database
rebuilt from the same files. A reopen holds against the settlement it overrode. A v1 archive
upgrades in place to schema 2."""

from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from referatkit import cli, queries, state, store
from referatkit.errors import NotFoundError, UsageError
from referatkit.ingest import ingest
from series_docs import EXPECTED_OPEN, Meeting, meeting, write_meeting, write_series
from v1_archive import V1_DIR, v1_archive

K17 = "Sagen oversendes til K17."
M4 = "2021-01-22-referat"  # the PDF meeting whose referral to K17 is closed by hand


@pytest.fixture(scope="module")
def series_src(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("series") / "referater"
    write_series(root)
    return root


@pytest.fixture
def series(series_src: Path, tmp_path: Path) -> Path:
    root = tmp_path / "referater"
    shutil.copytree(series_src, root)
    return root


def _ingest(root: Path, db: Path, **kw: bool) -> None:
    report = ingest([root], db, **kw)
    assert report.failed == 0, report.failures


def _open(db: Path) -> list[str]:
    return [r.text for r in queries.decisions(db, open_only=True)]


def _k17(db: Path) -> queries.DecisionRow:
    return next(r for r in queries.decisions(db) if r.text.startswith("Sagen oversendes til K17"))


def _edited(m: Meeting, number: str, sections: list[tuple[str, str]]) -> Meeting:
    items = [(n, t, sections if n == number else s) for n, t, s in m.items]
    return replace(m, items=items)


@pytest.fixture
def closed(series: Path, tmp_path: Path) -> tuple[Path, str]:
    db = tmp_path / "a.db"
    _ingest(series, db)
    assert _open(db) == [t for _, _, t in EXPECTED_OPEN]
    row = state.close(db, _k17(db).id[:6], note="K17 svarede på mail")
    assert (row.open, row.closed_by, row.note) == (False, "manual", "K17 svarede på mail")
    assert K17 not in _open(db)
    return db, row.id


def test_a_manual_close_survives_edit_move_and_reingest(series: Path, closed: tuple[Path, str]
                                                        ) -> None:
    db, dec_id = closed
    pdf = series / "2021" / f"{M4}.pdf"
    doc_before = queries.show(db, str(pdf)).id
    # re-ingest, nothing changed
    _ingest(series, db)
    assert K17 not in _open(db) and len(_open(db)) == 2
    # edit the file: another item's background changes (new content, new document id)
    write_meeting(_edited(meeting(M4), "3", [
        ("Baggrund", "Punktet blev oversendt til KKR på mødet den 10. marts 2020. KKR har "
                     "behandlet sagen og sendt et svar."),
        ("Beslutning", "Taget til efterretning.")]), series)
    _ingest(series, db)
    assert queries.show(db, str(pdf)).id != doc_before
    assert _k17(db).id == dec_id and not _k17(db).open
    # move and rename the file into another folder
    moved = series / "arkiv" / "styregruppen-januar-2021.pdf"
    moved.parent.mkdir()
    pdf.rename(moved)
    _ingest(series, db)
    assert _k17(db).path == str(moved)
    assert K17 not in _open(db) and len(_open(db)) == 2
    # every file read again
    _ingest(series, db, force=True)
    row = _k17(db)
    assert (row.id, row.open, row.closed_by, row.note) == (dec_id, False, "manual",
                                                           "K17 svarede på mail")


def test_a_manual_close_follows_an_edited_decision_text(series: Path,
                                                        closed: tuple[Path, str]) -> None:
    db, dec_id = closed
    write_meeting(_edited(meeting(M4), "4", [
        ("Beslutning", "Sagen oversendes til K17 til videre behandling.")]), series)
    _ingest(series, db)
    row = _k17(db)
    assert row.id != dec_id  # the text is part of the id
    assert (row.open, row.closed_by, row.note) == (False, "manual", "K17 svarede på mail")
    marks = state.export_state(db)["decision_marks"]
    assert [(m["decision_id"], m["orphaned"]) for m in marks] == [(dec_id, False)]
    # the item is gone altogether: the mark is kept, reported as orphaned, and harms nothing
    m4 = meeting(M4)
    write_meeting(replace(m4, items=[i for i in m4.items if i[0] != "4"]), series)
    _ingest(series, db)
    assert [m["orphaned"] for m in state.export_state(db)["decision_marks"]] == [True]
    assert len(_open(db)) == 2


def test_a_rebuilt_database_gets_the_people_s_state_back(series: Path, closed: tuple[Path, str],
                                                         tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    db, dec_id = closed
    backup = tmp_path / "state.json"
    assert cli.run(["--db", str(db), "export-state", "--output", str(backup)]) == 0
    assert "Wrote 1 decision mark(s)" in capsys.readouterr().err
    rebuilt = tmp_path / "rebuilt.db"
    _ingest(series, rebuilt)
    assert K17 in _open(rebuilt)
    assert cli.run(["--db", str(rebuilt), "import-state", str(backup)]) == 0
    assert "Imported 1 decision mark(s) and 0 forum choice(s)" in capsys.readouterr().err
    assert K17 not in _open(rebuilt) and _k17(rebuilt).note == "K17 svarede på mail"
    # importing again changes nothing; an older backup does not undo a newer reopen
    state.reopen(rebuilt, dec_id)
    assert state.import_state(rebuilt, json.loads(backup.read_text())).skipped == 1
    assert K17 in _open(rebuilt)


def test_a_bad_state_file_is_a_usage_error(tmp_path: Path, series: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "a.db"
    _ingest(series, db)
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}')
    assert cli.run(["--db", str(db), "import-state", str(bad)]) == 2
    assert "not a referatkit state file" in capsys.readouterr().err
    bad.write_text("{not json")
    assert cli.run(["--db", str(db), "import-state", str(bad)]) == 2
    assert "not JSON" in capsys.readouterr().err
    with pytest.raises(UsageError, match="unknown state"):
        state.import_state(db, {"format": state.STATE_FORMAT, "version": 1, "decision_marks": [
            {"decision_id": "abc", "state": "vanished"}]})


def test_reopen_holds_until_a_later_meeting_settles_again(series: Path, tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    _ingest(series, db)
    postponed = next(r for r in queries.decisions(db) if r.text == "Punktet udsættes til næste møde.")
    assert (postponed.open, postponed.settled_on) == (False, "2020-06-12")
    row = state.reopen(db, postponed.id, note="Ikke endeligt godkendt")
    assert (row.open, row.reopened, row.closed_by) == (True, True, None)
    _ingest(series, db, force=True)
    assert "Punktet udsættes til næste møde." in _open(db)
    # a later meeting settles the matter again
    m = Meeting("2022-02-04-referat", "txt", "Styregruppen for Rammeaftale Sjælland",
                "den 4. februar 2022", [
                    ("1", "Rammeaftale 2021-2022 IV", [
                        ("Beslutning", "Rammeaftalen blev endeligt godkendt.")]),
                    ("2", "Eventuelt", [("", "Intet.")])], folder="2022")
    write_meeting(m, series)
    _ingest(series, db)
    row = next(r for r in queries.decisions(db) if r.id == postponed.id)
    assert (row.open, row.closed_by, row.settled_on) == (False, "matter", "2022-02-04")


def test_close_reopen_note_through_the_cli(series: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "a.db"
    _ingest(series, db)
    dec = _k17(db)
    assert cli.run(["--db", str(db), "decisions", "close", dec.id, "--note", "klaret"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Closed {dec.id}: 2021-01-22") and "→ closed by hand" in out
    assert cli.run(["decisions", "--db", str(db), "reopen", dec.id[:5], "--format", "json"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert (row["open"], row["closed_by"], row["note"]) == (True, None, "klaret")
    assert cli.run(["--db", str(db), "decisions", "note", dec.id, "rykket i april"]) == 0
    assert "→ open (note: rykket i april)" in capsys.readouterr().out
    assert cli.run(["--db", str(db), "decisions", "close", "ffffffffffff"]) == 2
    assert "no decision 'ffffffffffff'" in capsys.readouterr().err
    with pytest.raises(NotFoundError):
        state.close(db, "zz")
    with pytest.raises(UsageError, match="the note is empty"):
        state.annotate(db, dec.id, "  ")


# --- schema 1 → 2 -----------------------------------------------------------------------------


def test_a_v1_archive_upgrades_in_place(tmp_path: Path) -> None:
    """tests/data/v1 holds an archive written by referatkit before schema 2 (two referater of
    tests/data/v1/*.txt): it opens, keeps its documents and decision ids, answers by status
    until linked, and follows the matter once linked."""
    db = tmp_path / "v1.db"
    v1_archive(db)
    raw = sqlite3.connect(db)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 1
    ids_before = sorted(r[0] for r in raw.execute("SELECT id FROM decisions"))
    raw.close()
    with store.open_store(db) as st:
        assert st.schema_version == store.SCHEMA_VERSION == 7
        assert set(store.SCHEMA_V2) <= set(st.db.table_names())
        assert sorted(r["id"] for r in st.rows("SELECT id FROM decisions")) == ids_before
        st.check_fts()
    # not linked yet: open by status
    assert [r.status for r in queries.decisions(db, open_only=True)] == ["postponed", "action"]
    with pytest.raises(UsageError, match="not linked yet"):
        queries.history(db, "rammeaftale")
    assert cli.run(["--db", str(db), "link"]) == 0
    assert [r.status for r in queries.decisions(db, open_only=True)] == ["action"]
    (h,) = queries.history(db, "rammeaftale")
    assert [o.item_title for o in h.occurrences] == ["Rammeaftale 2021-2022",
                                                     "Rammeaftale 2021-2022 II"]


def test_the_v1_texts_give_the_v1_decision_ids(tmp_path: Path) -> None:
    """The upgrade keeps ids stable: reading the same files today gives the ids the v1 archive
    stored (marks recorded under them stay valid). Better extraction may find more decisions
    ("Intet." under Eventuelt is one now), never other ids for the ones it had."""
    raw = sqlite3.connect(v1_archive(tmp_path / "v1.db"))
    v1 = sorted(r[0] for r in raw.execute("SELECT id FROM decisions"))
    raw.close()
    src = tmp_path / "arkiv"
    src.mkdir()
    for f in sorted(V1_DIR.glob("*.txt")):
        shutil.copy(f, src / f.name)
    db = tmp_path / "new.db"
    _ingest(src, db)
    assert set(v1) <= {r.id for r in queries.decisions(db, kind="decision")}
