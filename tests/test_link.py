"""link.relink: the links are the same whatever ``jobs`` is, also when the workers cannot
start; forums are written a few at a time in bounded memory."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from referatkit import link, workers
from referatkit.ingest import ingest
from referatkit.store import open_store
from series_docs import FORUM, Meeting, write_meeting, write_series

# A second forum, so that there are two forums to hand to workers.
OTHER = Meeting("2021-05-03-referat", "txt", "Netværket for Tværgående Data", "den 3. maj 2021", [
    ("1", "Fælles datastrategi", [("Beslutning", "Sagen blev udsat til næste møde.")]),
    ("2", "Eventuelt", [("", "Intet.")]),
], kind="Referat", folder="data")

TABLES = ("meetings", "meeting_documents", "matters", "occurrences", "occurrence_items",
          "decision_state", "link_state")


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("link") / "referater"
    write_series(root)
    write_meeting(OTHER, root)
    db = root.parent / "a.db"
    assert ingest([root], db).failed == 0
    return db


@pytest.fixture(autouse=True)
def _workers_for_a_small_archive(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(link, "POOL_MIN_DOCUMENTS", 0)


def _links(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    with open_store(db) as st:
        return {t: sorted(tuple(v for k, v in r.items() if k != "linked_at")
                          for r in st.rows(f"SELECT * FROM [{t}]")) for t in TABLES}


def _relinked(archive: Path, tmp_path: Path, jobs: int) -> tuple[link.LinkReport, Path]:
    db = tmp_path / f"jobs{jobs}.db"
    shutil.copy(archive, db)
    with open_store(db) as st:
        return link.relink(st, force=True, jobs=jobs), db


def test_workers_link_as_this_process_does(archive: Path, tmp_path: Path) -> None:
    one, db1 = _relinked(archive, tmp_path, 1)
    two, db2 = _relinked(archive, tmp_path, 2)
    assert len(one.linked) == len(two.linked) == 2
    assert (one.matters, one.open_decisions) == (two.matters, two.open_decisions)
    assert one.open_decisions > 0
    assert _links(db1) == _links(db2) == _links(archive)


def test_workers_that_cannot_start_leave_the_linking_here(
        archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    @contextmanager
    def broken(*_args: Any) -> Iterator[Any]:
        raise workers.BrokenProcessPool("no worker started")
        yield  # pragma: no cover

    monkeypatch.setattr(workers, "pool", broken)
    report, db = _relinked(archive, tmp_path, 2)
    assert len(report.linked) == 2
    assert _links(db) == _links(archive)


def test_a_small_link_starts_no_workers(
        archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*_args: Any) -> Any:
        raise AssertionError("workers started for a link of a few documents")

    monkeypatch.setattr(link, "POOL_MIN_DOCUMENTS", 10_000)
    monkeypatch.setattr(workers, "pool", never)
    report, db = _relinked(archive, tmp_path, 2)
    assert len(report.linked) == 2
    assert _links(db) == _links(archive)


def test_running_workers_link_as_this_process_does(
        archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An ingest hands its parse workers over: they open the archive themselves."""
    db = tmp_path / "running.db"
    shutil.copy(archive, db)
    with workers.pool(2, workers.ignore_interrupt) as running, open_store(db) as st:
        monkeypatch.setattr(workers, "pool", None)  # none other is started
        report = link.relink(st, force=True, jobs=2, pool=running)
    assert len(report.linked) == 2
    assert _links(db) == _links(archive)


def _ingested_series(tmp_path: Path) -> tuple[Path, Path]:
    """The series' folder, and an archive it was ingested into."""
    root = tmp_path / "referater"
    write_series(root)
    db = tmp_path / "a.db"
    assert ingest([root], db).failed == 0
    return root, db


def test_an_unchanged_archive_links_nothing(archive: Path, tmp_path: Path) -> None:
    db = tmp_path / "same.db"
    shutil.copy(archive, db)
    with open_store(db) as st:
        assert link.relink(st, jobs=2).linked == []


def test_a_forum_linked_again_matches_a_fresh_archive(tmp_path: Path) -> None:
    # write_link_changes writes only the rows that differ: what it leaves must be what a new
    # archive of the same files holds, also after documents moved forum and back.
    root, db = _ingested_series(tmp_path)
    joined = dataclasses.replace(OTHER, forum=FORUM)  # into the series' forum: "data" is gone
    renamed = dataclasses.replace(OTHER, forum="Netværket for Tværgående Data og IT")
    for i, meeting in enumerate((OTHER, joined, renamed, OTHER)):
        write_meeting(meeting, root)
        assert ingest([root], db, jobs=2).failed == 0
        fresh = tmp_path / f"fresh-{i}.db"
        assert ingest([root], fresh).failed == 0
        assert _links(db) == _links(fresh), meeting.forum


LATER = Meeting("2022-03-04-referat", "md", FORUM, "den 4. marts 2022", [
    ("1", "Godkendelse af dagsorden", [("Beslutning", "Godkendt.")]),
    ("2", "Rammeaftale 2021-2022", [("Beslutning", "Godkendt.")]),
], kind="Referat")


def test_new_minutes_take_the_last_links_over_and_link_as_afresh(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A night's new minutes: the forum is linked again, but the decisions about the meetings
    # before them are taken over from the last link (matters.PriorLinks), not matched again.
    root, db = _ingested_series(tmp_path)
    reports: list[link.LinkReport] = []
    relink = link.relink

    def recorded(*args: Any, **kwargs: Any) -> link.LinkReport:
        reports.append(relink(*args, **kwargs))
        return reports[-1]

    monkeypatch.setattr(link, "relink", recorded)
    write_meeting(LATER, root)
    assert ingest([root], db, jobs=2).failed == 0
    with open_store(db) as st:
        meetings = int(st.scalar("SELECT count(*) FROM meetings WHERE meeting_date < ?",
                                 ["2022-03-04"]))
    assert reports[-1].linked and reports[-1].reused_meetings == meetings > 0
    fresh = tmp_path / "fresh.db"
    assert ingest([root], fresh).failed == 0
    assert _links(db) == _links(fresh)
    forced = tmp_path / "forced.db"
    shutil.copy(db, forced)
    with open_store(forced) as st:
        assert relink(st, force=True).reused_meetings == 0
    assert _links(forced) == _links(fresh)


def test_new_minutes_read_only_the_texts_of_what_they_are_compared_with(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The texts of items and decisions are read when the matcher first reads them: the new
    # meeting's, and those of the matters its items could match; not the whole forum's.
    root, db = _ingested_series(tmp_path)
    read: list[str] = []
    real = link._StoredTexts.read

    def counted(self: link._StoredTexts, items: Any) -> None:
        read.extend(it.id for it in items)
        real(self, items)

    monkeypatch.setattr(link._StoredTexts, "read", counted)
    write_meeting(LATER, root)
    assert ingest([root], db, jobs=1).failed == 0
    with open_store(db) as st:
        items = int(st.scalar("SELECT count(*) FROM items"))
        new = {r["id"] for r in st.rows("SELECT i.id FROM items i JOIN documents d ON "
                                        "d.id = i.document_id WHERE d.meeting_date = ?",
                                        ["2022-03-04"])}
    assert len(read) == len(set(read))  # each once
    assert new <= set(read) and len(read) < items, (len(read), items)
    monkeypatch.undo()
    fresh = tmp_path / "fresh.db"
    assert ingest([root], fresh).failed == 0
    assert _links(db) == _links(fresh)
