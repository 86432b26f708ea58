"""The command line end to end: output shapes, --db everywhere, one error path per exit code."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from archive_docs import fake_parse_file, meeting_spec, write_doc_file
from referatkit import __version__, cli, pipeline

# Every command and subcommand the app has (a new one is checked without being listed here).
_GROUP = typer.main.get_command(cli.app)
COMMANDS = tuple(sorted(_GROUP.commands))
SUBCOMMANDS = tuple(sorted((name, sub) for name, cmd in _GROUP.commands.items()
                           for sub in getattr(cmd, "commands", {})))


@pytest.fixture(autouse=True)
def _grammar_stand_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "parse_file", fake_parse_file)
    # rich lays tables out for 80 columns when stdout is no terminal; wide enough that no
    # cell is folded, so the assertions can look for whole phrases
    monkeypatch.setenv("COLUMNS", "200")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "referater"
    write_doc_file(root / "2020-05-15.txt", meeting_spec(
        "Referat maj", "2020-05-15",
        ("1", "Rammeaftale 2021", "Rammeaftalen blev godkendt.", "approved"),
        ("2", "F-ACT", "Punktet udsættes til næste møde.", "postponed")))
    write_doc_file(root / "2021-03-26.md", meeting_spec(
        "Referat marts", "2021-03-26",
        ("1", "Økonomi", "Sekretariatet undersøger økonomien.", "action")))
    return root


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.run(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    assert "unexpected" not in err  # normal failures never reach the catch-all
    return code, out, err


@pytest.fixture
def ingested(capsys: pytest.CaptureFixture[str], folder: Path) -> Path:
    code, _, _ = run(capsys, "ingest", str(folder))
    assert code == 0
    return folder


# --- ingest -----------------------------------------------------------------------------------


def test_ingest_prints_a_summary_on_stderr_and_nothing_on_stdout(
        capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    code, out, err = run(capsys, "ingest", str(folder))
    assert code == 0
    assert out == ""
    assert "Ingest summary" in err
    assert "[1/2] new" in err and "2020-05-15.txt" in err  # plain lines: stderr is no terminal
    assert f"Database: {os.environ['REFERATKIT_DB']}" in err
    code, out, err = run(capsys, "ingest", str(folder))
    assert "[1/2]" not in err  # unchanged files stay silent


def test_ingest_json_summary(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    write_doc_file(folder / "scannet.txt", "FAIL-READ")
    code, out, err = run(capsys, "ingest", str(folder), "--format", "json", "--quiet")
    assert code == 1
    summary = json.loads(out)
    assert (summary["new"], summary["failed"], summary["exit_code"]) == (2, 1, 1)
    assert summary["failures"] == [{"path": str(folder / "scannet.txt"),
                                    "reason": "no text layer (scanned PDF?)"}]
    assert "Ingest summary" not in err
    assert f"Failed: {folder / 'scannet.txt'}: no text layer (scanned PDF?)" in err


def test_ingest_of_a_missing_path_is_a_usage_error(capsys: pytest.CaptureFixture[str],
                                                   tmp_path: Path) -> None:
    code, out, err = run(capsys, "ingest", str(tmp_path / "nope"))
    assert code == 2
    assert err.strip() == f"Error: no such file or folder: {tmp_path / 'nope'}"


def test_ingest_without_a_path(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "ingest")
    assert code == 2
    assert "Error: Missing argument 'PATH...'" in err
    assert "Try 'referatkit ingest --help'" in err


def test_ingest_for_cron_quiet_log_file_and_exit_codes(capsys: pytest.CaptureFixture[str],
                                                      folder: Path, tmp_path: Path) -> None:
    log = tmp_path / "logs" / "referatkit.log"
    log.parent.mkdir()
    code, out, err = run(capsys, "ingest", str(folder), "--quiet", "--log-file", str(log))
    assert (code, out, err) == (0, "", "")  # nothing to say: cron mails nothing
    write_doc_file(folder / "scannet.txt", "FAIL-READ")
    code, out, err = run(capsys, "ingest", str(folder), "-q", "--log-file", str(log))
    assert code == 1 and out == ""
    assert err == f"Failed: {folder / 'scannet.txt'}: no text layer (scanned PDF?)\n"
    lines = log.read_text(encoding="utf-8").splitlines()
    assert oct(os.stat(log).st_mode & 0o777) == "0o600"
    assert lines[0].split(" ", 1)[1].startswith(f"start: referatkit {__version__} ingest {folder}")
    assert any(f"new {folder / '2020-05-15.txt'}" in ln for ln in lines)
    assert any(f"failed {folder / 'scannet.txt'}: no text layer (scanned PDF?)" in ln
               for ln in lines)
    assert lines[-1].endswith("done: 0 new, 0 updated, 2 unchanged, 1 failed, 0 removed, "
                              "0 pruned, 0 skipped; 0 document(s) stored; exit 1")
    assert sum(ln.split(" ", 1)[1].startswith("start:") for ln in lines) == 2  # appended


def test_a_second_ingest_while_one_is_writing_exits_3(capsys: pytest.CaptureFixture[str],
                                                      folder: Path, tmp_path: Path) -> None:
    from referatkit import store

    log = tmp_path / "run.log"
    with store.write_lock(os.environ["REFERATKIT_DB"]):
        code, out, err = run(capsys, "ingest", str(folder), "--quiet", "--log-file", str(log))
    assert code == 3 and out == ""
    assert err.startswith("Error: another referatkit run (ingest, pid ")
    assert "this ingest did not start (wait for it with --wait SECONDS)" in err
    assert log.read_text(encoding="utf-8").splitlines()[-1].endswith("; exit 3")
    assert run(capsys, "ingest", str(folder), "--quiet", "--wait", "5")[0] == 0


def test_ingest_options_are_checked(capsys: pytest.CaptureFixture[str], folder: Path,
                                    tmp_path: Path) -> None:
    code, _, err = run(capsys, "ingest", str(folder), "--max-size", "stor")
    assert code == 2 and "Error: --max-size 'stor' is not a size" in err
    code, _, err = run(capsys, "ingest", str(folder), "--wait", "-1")
    assert code == 2 and "--wait" in err
    code, _, err = run(capsys, "ingest", str(folder), "--log-file", str(tmp_path / "no" / "x.log"))
    assert code == 2 and "Error: cannot write the log file" in err


# --- search -----------------------------------------------------------------------------------


def test_search_table(capsys: pytest.CaptureFixture[str], ingested: Path) -> None:
    code, out, err = run(capsys, "search", "rammeaftale")
    assert code == 0
    assert "match" in out and "Rammeaftale 2021" in out and "2020-05-15" in out
    assert "\x1b[" not in out  # NO_COLOR and no terminal: plain text


def test_search_json_and_csv(capsys: pytest.CaptureFixture[str], ingested: Path) -> None:
    code, out, _ = run(capsys, "search", "F-ACT", "--format", "json")
    assert code == 0
    hits = json.loads(out)
    assert isinstance(hits, list)
    assert {h["kind"] for h in hits} == {"item"}
    assert hits[0]["item_title"] == "F-ACT"
    assert set(hits[0]) == {"path", "meeting_date", "forum", "item_number", "item_title", "kind",
                            "snippet", "score", "document_id", "match", "copies",
                            "other_paths"}
    code, out, _ = run(capsys, "search", "næste møde", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and rows[0]["meeting_date"] == "2020-05-15"
    assert "**næste" in rows[0]["snippet"]


def test_search_without_matches(capsys: pytest.CaptureFixture[str], ingested: Path) -> None:
    code, out, err = run(capsys, "search", "kommunalvalg")
    assert (code, out) == (0, "")
    assert "No matches for 'kommunalvalg'." in err
    code, out, _ = run(capsys, "search", "kommunalvalg", "--format", "json")
    assert json.loads(out) == []


def test_empty_query(capsys: pytest.CaptureFixture[str], ingested: Path) -> None:
    code, out, err = run(capsys, "search", "")
    assert (code, out) == (2, "")
    assert err.startswith("Error: empty query (give a word to search for")


def test_bad_format(capsys: pytest.CaptureFixture[str], ingested: Path) -> None:
    code, out, err = run(capsys, "search", "x", "--format", "xml")
    assert (code, out) == (2, "")
    assert err.strip() == "Error: unknown --format 'xml' (choose table, json, csv)"
    code, _, err = run(capsys, "export", "--format", "csv")
    assert code == 2 and "choose json" in err


def test_bad_date(capsys: pytest.CaptureFixture[str], ingested: Path) -> None:
    code, _, err = run(capsys, "decisions", "--from", "i går")
    assert code == 2
    assert err.strip() == "Error: --from 'i går' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"


# --- decisions --------------------------------------------------------------------------------


def test_decisions(capsys: pytest.CaptureFixture[str], ingested: Path) -> None:
    code, out, _ = run(capsys, "decisions", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert [r["status"] for r in rows] == ["approved", "postponed", "action"]
    assert {"id", "status", "text", "owner", "due", "meeting_date", "forum", "item_number",
            "item_title", "path"} <= set(rows[0])
    code, out, _ = run(capsys, "decisions", "--open", "--from", "2021", "--format", "json")
    assert [r["text"] for r in json.loads(out)] == ["Sekretariatet undersøger økonomien."]
    code, out, _ = run(capsys, "decisions", "--open")
    assert "postponed" in out and "Punktet udsættes til næste møde." in out
    assert "approved" not in out
    code, out, _ = run(capsys, "decisions", "--status", "approved", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["text"] for r in rows] == ["Rammeaftalen blev godkendt."]


def test_unknown_status(capsys: pytest.CaptureFixture[str], ingested: Path) -> None:
    code, _, err = run(capsys, "decisions", "--status", "udsat")
    assert code == 2
    assert err.startswith("Error: unknown status 'udsat' (choose approved, noted, postponed")


# --- show and export --------------------------------------------------------------------------


def test_show_tree_and_json(capsys: pytest.CaptureFixture[str], ingested: Path) -> None:
    code, out, _ = run(capsys, "show", "1")
    assert code == 0
    assert "Referat maj" in out and "1 Rammeaftale 2021" in out and "2 F-ACT" in out
    assert "[postponed] Punktet udsættes til næste møde." in out
    code, out, _ = run(capsys, "show", "2021-03-26.md", "--format", "json")
    doc = json.loads(out)
    assert doc["title"] == "Referat marts"
    assert doc["items"][0]["decisions"][0]["status"] == "action"
    code, out2, _ = run(capsys, "show", doc["id"][:6], "--format", "json")
    assert json.loads(out2) == doc


def test_show_unknown_document(capsys: pytest.CaptureFixture[str], ingested: Path) -> None:
    code, out, err = run(capsys, "show", "referat-1999.pdf")
    assert (code, out) == (2, "")
    assert err.startswith("Error: no document 'referat-1999.pdf' in the archive")


def test_export_is_one_json_array(capsys: pytest.CaptureFixture[str], ingested: Path) -> None:
    code, out, _ = run(capsys, "export", "--format", "json")
    assert code == 0
    docs = json.loads(out)
    assert [d["title"] for d in docs] == ["Referat maj", "Referat marts"]
    code, show_out, _ = run(capsys, "show", docs[0]["id"], "--format", "json")
    assert json.loads(show_out) == docs[0]
    code, default_out, _ = run(capsys, "export")
    assert json.loads(default_out) == docs


# --- stats ------------------------------------------------------------------------------------


def test_stats_json_lists_failed_files(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    write_doc_file(folder / "crash.txt", "FAIL-CRASH")
    assert run(capsys, "ingest", str(folder))[0] == 1
    code, out, _ = run(capsys, "stats", "--format", "json")
    assert code == 0
    s = json.loads(out)
    assert s["documents"] == 2 and s["decisions"] == 3 and s["open_decisions"] == 2
    assert s["failed"] == [{"path": str(folder / "crash.txt"),
                            "reason": "internal error while reading: ValueError: boom second line"}]
    assert s["last_run"]["status"] == "partial"
    code, out, _ = run(capsys, "stats")
    assert "documents" in out and "Failed files" in out and "crash.txt" in out
    code, out, _ = run(capsys, "stats", "--format", "csv")
    rows = dict(csv.reader(io.StringIO(out)))
    assert rows["documents"] == "2"
    assert rows["files.failed"] == "1"


# --- where the database is --------------------------------------------------------------------


def test_db_option_before_and_after_the_subcommand(capsys: pytest.CaptureFixture[str],
                                                   folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "elsewhere.db"
    assert run(capsys, "--db", str(db), "ingest", str(folder))[0] == 0
    assert db.exists()
    assert not Path(os.environ["REFERATKIT_DB"]).exists()
    code, out, _ = run(capsys, "search", "rammeaftale", "--db", str(db), "--format", "json")
    assert code == 0 and json.loads(out)
    code, out, _ = run(capsys, "--db", str(db), "stats", "--format", "json")
    assert json.loads(out)["documents"] == 2
    # the subcommand's --db wins over the one before it
    code, _, err = run(capsys, "--db", str(db), "stats", "--db", str(tmp_path / "none.db"))
    assert code == 3 and "no database at" in err


def test_query_on_a_missing_database(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "decisions")
    assert (code, out) == (3, "")
    assert err.strip() == (f"Error: no database at {os.environ['REFERATKIT_DB']} "
                           "(run 'referatkit ingest FOLDER' first)")


def test_unreadable_database(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"definitely not sqlite " * 200)
    code, out, err = run(capsys, "--db", str(bad), "stats")
    assert (code, out) == (3, "")
    assert err.startswith(f"Error: cannot use database {bad}: file is not a database")


def test_database_from_a_newer_version(capsys: pytest.CaptureFixture[str], ingested: Path) -> None:
    con = sqlite3.connect(os.environ["REFERATKIT_DB"])
    con.execute("PRAGMA user_version = 99")
    con.commit()
    con.close()
    code, _, err = run(capsys, "search", "x")
    assert code == 3
    assert "written by a newer referatkit (schema 99" in err


# --- usage, help, version ---------------------------------------------------------------------


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "search", "x", "--colour")
    assert (code, out) == (2, "")
    assert "Error: No such option: --colour" in err
    code, _, err = run(capsys, "frobnicate")
    assert code == 2 and "No such command 'frobnicate'" in err
    code, _, err = run(capsys, "search", "x", "--limit", "many")
    assert code == 2 and "Invalid value for '--limit'" in err


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(capsys: pytest.CaptureFixture[str],
                                                command: str) -> None:
    code, out, _ = run(capsys, command, "--help")
    assert code == 0
    assert "Examples:" in out
    assert f"referatkit {command}" in out
    assert "--db PATH" in out


@pytest.mark.parametrize(("group", "command"), SUBCOMMANDS)
def test_every_subcommand_has_help_with_an_example(capsys: pytest.CaptureFixture[str],
                                                   group: str, command: str) -> None:
    code, out, _ = run(capsys, group, command, "--help")
    assert code == 0
    assert "Examples:" in out and f"referatkit {group} {command}" in out and "--db PATH" in out


def test_top_level_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "Examples:" in out
    for command in COMMANDS:
        assert command in out
    code, out, _ = run(capsys, "--version")
    assert (code, out.strip()) == (0, f"referatkit {__version__}")
    code, _, err = run(capsys)
    assert code == 2 and "Usage: referatkit" in err


def test_an_unexpected_error_is_one_line(capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from referatkit import queries

    def broken(*a: object, **k: object) -> None:
        raise RuntimeError("something\nbroke")

    monkeypatch.setattr(queries, "stats", broken)
    code = cli.run(["stats"])
    _, err = capsys.readouterr()
    assert code == 1
    assert err == "Error: unexpected: RuntimeError: something broke\n"


# --- as a user runs it ------------------------------------------------------------------------


def _subprocess(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "referatkit", *args], capture_output=True,
                          text=True, env=env, timeout=60, check=False)


def test_python_dash_m_end_to_end(tmp_path: Path) -> None:
    env = {**os.environ, "REFERATKIT_DB": str(tmp_path / "sub.db"), "NO_COLOR": "1"}
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "referat.txt").write_text("Referat\n\n1. Rammeaftale\n\nBeslutning: Godkendt.\n",
                                        encoding="utf-8")
    (folder / "regneark.xlsx").write_text("x")
    done = _subprocess("--version", env=env)
    assert (done.returncode, done.stdout.strip()) == (0, f"referatkit {__version__}")
    done = _subprocess("ingest", str(folder), "--format", "json", env=env)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert (summary["new"], summary["skipped"]) == (1, 1)
    done = _subprocess("export", env=env)
    assert done.returncode == 0
    assert json.loads(done.stdout)[0]["path"] == str(folder / "referat.txt")
    done = _subprocess("show", "nothing-here", env=env)
    assert done.returncode == 2
    assert done.stderr.startswith("Error: no document 'nothing-here'")
    assert "Traceback" not in done.stderr


def test_a_search_starts_without_the_pipeline_or_the_linking() -> None:
    # Imported by the commands that need them: `referatkit search` went from 0.65 to 0.43 s.
    code = ("import sys, referatkit.cli; "
            "print(sorted(m for m in ('referatkit.segment', 'referatkit.classify', "
            "'referatkit.ingest', 'referatkit.matters', 'referatkit.diff', 'referatkit.report', "
            "'rapidfuzz') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"
