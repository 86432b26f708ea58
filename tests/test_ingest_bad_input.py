"""Every case of bad input in one folder (tests/bad_input.py), ingested through the CLI: exit
code 1, no traceback, every bad file in ``stats --format json`` → ``failed`` with its reason,
the good and the readable files stored, lock files, temporary and hidden files skipped."""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import bad_input
from bad_input import FAILED, SKIPPED, STORED
from referatkit import cli, ingest, pipeline
from referatkit.model import Document

ROOT_READS_EVERYTHING = os.geteuid() == 0


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    root = tmp_path / "delt-mappe"
    bad_input.make(root)
    yield root
    bad_input.cleanup(root)


@pytest.fixture
def during_the_run(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Someone saves the one file while it is read and deletes the other meanwhile."""
    changing, deleted = (folder / n for n in bad_input.DURING_THE_RUN)
    real_parse = pipeline.parse_file

    def parse(path: str | Path, **kw: bool) -> list[Document]:
        docs = real_parse(path, **kw)
        if Path(path) == changing and deleted.exists():
            with open(changing, "a", encoding="utf-8") as f:
                f.write("Tilføjet mens filen blev læst.\n")
            deleted.unlink()
        return docs

    monkeypatch.setattr(pipeline, "parse_file", parse)


@pytest.fixture
def unreadable(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """The permission bits are set (bad_input.make); root ignores them, so as root the
    refusals they would cause are made here: opening the file, listing the folder."""
    if not ROOT_READS_EVERYTHING:
        return
    file, directory = (folder / n for n in bad_input.UNREADABLE)
    real_open, real_scandir = open, os.scandir

    def open_(path, *a, **kw):  # type: ignore[no-untyped-def]
        if Path(path) == file:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *a, **kw)

    def scandir(path="."):  # type: ignore[no-untyped-def]
        if Path(os.fsdecode(path)) == directory:
            raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))
        return real_scandir(path)

    monkeypatch.setattr(ingest, "open", open_, raising=False)
    monkeypatch.setattr(os, "scandir", scandir)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_every_case_is_named_once() -> None:
    names = [c.path_bytes for c in bad_input.CASES]
    assert len(names) == len(set(names))
    assert {c.outcome for c in bad_input.CASES} == {FAILED, STORED, SKIPPED}
    assert all(c.reason for c in bad_input.CASES if c.outcome == FAILED)


@pytest.mark.slow
@pytest.mark.usefixtures("during_the_run", "unreadable")
def test_a_folder_of_bad_input(capsys: pytest.CaptureFixture[str], folder: Path,
                               tmp_path: Path) -> None:
    db = str(tmp_path / "arkiv.db")
    code, out, err = _run(capsys, "--db", db, "ingest", str(folder), "--format", "json")
    assert code == 1
    assert "Traceback" not in err and "unexpected" not in err and "internal error" not in err
    summary = json.loads(out)
    expected = bad_input.expected_failures(folder)
    assert {f["path"]: f["reason"] for f in summary["failures"]} == expected
    # skipped silently: counted, not listed (a hidden folder is left out whole, uncounted)
    skipped = [c for c in bad_input.CASES
               if c.outcome == SKIPPED and not str(c.name).startswith(".git/")]
    assert summary["skipped"] == len(skipped)
    for path, reason in expected.items():
        assert f"Failed: {path}: {reason}\n" in err  # shown
    assert "Warning: 1 file name(s) are not valid UTF-8" in err

    code, out, _ = _run(capsys, "--db", db, "stats", "--format", "json")
    stats = json.loads(out)
    assert {f["path"]: f["reason"] for f in stats["failed"]} == expected  # recorded
    assert all("\n" not in r and r == r.strip() for r in expected.values())

    code, out, _ = _run(capsys, "--db", db, "export", "--include-closed")
    docs = json.loads(out)
    stored = {p for d in docs for p in d["paths"]}
    for case in bad_input.CASES:
        key = ingest.path_key(Path(os.fsdecode(os.path.join(os.fsencode(folder),
                                                            case.path_bytes))))
        if case.outcome == STORED:
            assert key in stored, case
        else:
            assert key not in stored, case
        if case.outcome == STORED and case.warning and isinstance(case.name, str):
            (doc,) = [d for d in docs if key in d["paths"]]
            assert case.warning in doc["warnings"], case
    assert len(docs) == sum(c.outcome == STORED for c in bad_input.CASES)


@pytest.mark.slow
@pytest.mark.usefixtures("unreadable")
def test_the_next_run_reads_what_changed_and_keeps_failing_the_rest(
        capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "arkiv.db")
    deleted = folder / bad_input.DURING_THE_RUN[1]
    deleted.unlink()  # as it was after the first run
    assert _run(capsys, "--db", db, "ingest", str(folder), "-q")[0] == 1
    code, out, err = _run(capsys, "--db", db, "ingest", str(folder), "-q", "-f", "json")
    summary = json.loads(out)
    assert code == 1 and "Traceback" not in err
    assert (summary["new"], summary["updated"]) == (0, 0)
    # the stored files and the one that was changed during the first run of the other test
    assert summary["unchanged"] == sum(c.outcome == STORED for c in bad_input.CASES) + 1
    assert summary["failed"] == len(bad_input.expected_failures(folder)) - 2  # not the two
