"""An action due "på næste møde" is due on the date of the forum's next meeting in the archive,
when its own minutes do not give that date (issue 3, actions)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from referatkit import cli, queries
from referatkit.ingest import ingest

FORUM = "Netværksgruppen for Hjemmepleje"


def _minutes(day: str, decision: str) -> str:
    return "\n".join(["Referat", "", FORUM, f"Møde tirsdag den {day} kl. 10.00-12.00",
                      "", "", "1. Godkendelse af dagsorden", "", "Godkendt.", "",
                      "2. Fælles kørselsordning", "", f"Beslutning: {decision}", "",
                      "3. Eventuelt", "", "Intet.", ""])


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("due")
    src = root / "referater"
    src.mkdir()
    (src / "2021-03-02-referat.txt").write_text(_minutes(
        "2. marts 2021", "Karen Juhl undersøger priserne og tilbagemelder på næste møde."),
        encoding="utf-8")
    # the next meeting is known only as its agenda: a meeting all the same
    (src / "2021-05-04-dagsorden.txt").write_text(_minutes(
        "4. maj 2021", "").replace("Referat", "Dagsorden", 1).replace("Beslutning: ", ""),
        encoding="utf-8")
    (src / "2021-09-07-referat.txt").write_text(_minutes(
        "7. september 2021", "Ole Brix følger op på aftalen til næste møde."),
        encoding="utf-8")
    path = root / "a.db"
    report = ingest([src], path)
    assert report.failed == 0, report.failures
    return path


def _actions(db: Path, **kw: str) -> dict[str, queries.DecisionRow]:
    return {r.owner or "": r for r in queries.decisions(db, status="action", **kw)}


def test_next_meeting_gives_the_due_date(db: Path) -> None:
    rows = _actions(db, as_of="2021-06-01")
    karen = rows["Karen Juhl"]
    assert (karen.due, karen.due_from) == ("2021-05-04", "next_meeting")
    assert karen.open and karen.overdue


def test_without_a_later_meeting_there_is_no_due_date(db: Path) -> None:
    ole = _actions(db)["Ole Brix"]
    assert ole.due is None and ole.due_from is None and not ole.overdue


def test_the_listing_says_where_the_date_came_from(db: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["--db", str(db), "decisions", "--open", "--as-of", "2021-06-01",
                    "--format", "json"]) == 0
    rows = {r["owner"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["Karen Juhl"]["due_from"] == "next_meeting"
    assert rows["Karen Juhl"]["overdue"] is True
    assert cli.run(["--db", str(db), "decisions", "--open", "--as-of", "2021-06-01"]) == 0
    assert "(next meeting)" in capsys.readouterr().out
