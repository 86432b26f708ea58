"""Forums: names written differently are one forum; where unsure, the user confirms with
``forums merge`` (and undoes with ``forums unmerge``); the choice is kept by name, survives
re-ingest and backups, changes which meetings settle which decisions, and never changes a
decision's id."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from referatkit import cli, queries, state
from referatkit.errors import NotFoundError, UsageError
from referatkit.ingest import ingest
from series_docs import FORUM, Meeting, write_meeting, write_series

# A meeting whose minutes name no forum, only "styregruppemøde" in the title: maybe the
# steering group of the series, maybe another one. It settles two of the series' open items.
UNSURE = Meeting("2022-03-04-referat", "txt", "", "den 4. marts 2022", [
    ("1", "Kvalitetsmodel for socialområdet", [("Beslutning", "Modellen blev godkendt.")]),
    ("2", "Botilbud til borgere med autisme", [
        ("Beslutning", "Notatet blev taget til efterretning.")]),
    ("3", "Eventuelt", [("", "Intet.")]),
], kind="Referat af styregruppemøde", folder="2022")


@pytest.fixture(scope="module")
def series_src(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("series") / "referater"
    write_series(root)
    write_meeting(UNSURE, root)
    return root


@pytest.fixture
def db(series_src: Path, tmp_path: Path) -> Path:
    root = tmp_path / "referater"
    shutil.copytree(series_src, root)
    path = tmp_path / "a.db"
    assert ingest([root], path).failed == 0
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.run(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def _open(db: Path) -> list[str]:
    return [r.item_title for r in queries.decisions(db, open_only=True)]


def test_an_unsure_forum_is_suggested_not_merged(db: Path, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    forums = {f.name: f for f in queries.forums(db)}
    assert {n: f.meetings for n, f in forums.items()} == {FORUM: 7, "styregruppemøde": 1}
    assert [s["name"] for s in forums[FORUM].suggestions] == ["styregruppemøde"]
    assert _open(db) == ["Botilbud til borgere med autisme", "Kvalitetsmodel for socialområdet",
                         "Eventuelt"]
    monkeypatch.setenv("COLUMNS", "200")
    code, out, err = run(capsys, "--db", str(db), "forums")
    assert code == 0 and "2 forums" in out and "2020–2021" in out
    assert ("Maybe the same forum" in err and
            f'referatkit forums merge "styregruppemøde" "{FORUM}"' in err)


def test_merge_and_unmerge(db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ids_before = sorted(r.id for r in queries.decisions(db))
    code, out, _ = run(capsys, "--db", str(db), "forums", "merge", "styregruppemøde",
                       "rammeaftale sjælland")
    assert code == 0
    assert out.startswith(f"Merged: {FORUM} — 8 meetings, 9 documents")
    (forum,) = queries.forums(db)
    assert forum.how == "user" and "styregruppemøde" in forum.names and forum.years == [
        2020, 2021, 2022]
    # the merged forum's later meeting settles the referral and the action
    assert _open(db) == ["Eventuelt"]
    (h,) = queries.history(db, "Kvalitetsmodel for socialområdet")
    assert [o.meeting_date for o in h.occurrences] == ["2021-01-22", "2021-12-10", "2022-03-04"]
    # decision ids use the forum as written: a merge changes none
    assert sorted(r.id for r in queries.decisions(db)) == ids_before
    # the choice survives a forced re-read and travels in the state file
    ingest([Path(queries.export(db)[0]["path"]).parents[1]], db, force=True)
    assert len(queries.forums(db)) == 1
    saved = state.export_state(db)
    # every name the two forums were written as is recorded: what the user saw is kept,
    # whatever later matching rules would say
    assert sorted((a["name"], a["choice"], a["target"]) for a in saved["forum_aliases"]) == [
        ("Styregruppen for Rammeaftaler Sjælland", "same", FORUM),
        ("Styregruppen for Rammeaftalesamarbejdet i Region Sjælland", "same", FORUM),
        ("styregruppemøde", "same", FORUM)]
    # undo
    code, out, _ = run(capsys, "--db", str(db), "forums", "unmerge", "styregruppemøde")
    assert code == 0 and out.startswith("Apart: styregruppemøde — 1 meeting")
    assert len(queries.forums(db)) == 2 and len(_open(db)) == 3
    # a state file restores the merge
    state.import_state(db, json.loads(json.dumps(saved)))
    assert len(queries.forums(db)) == 2  # the unmerge is newer than the backup: it stays
    for alias in saved["forum_aliases"]:
        alias["created_at"] = "2999-01-01T00:00:00+00:00"
    state.import_state(db, saved)
    assert len(queries.forums(db)) == 1 and _open(db) == ["Eventuelt"]


def test_an_automatic_match_can_be_undone(db: Path) -> None:
    change = state.unmerge_forum(db, "Styregruppen for Rammeaftaler Sjælland")
    assert change.forum is not None and change.forum.meetings == 1
    names = [f.name for f in queries.forums(db)]
    assert "Styregruppen for Rammeaftaler Sjælland" in names and FORUM in names
    # its meeting's postponement and action are now settled by nothing in its own forum
    assert "Budget 2022" in _open(db)


def test_forum_errors(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", str(db), "forums", "merge", FORUM,
                       "Styregruppen for Rammeaftaler Sjælland")
    assert code == 2 and "are already one forum" in err
    code, _, err = run(capsys, "--db", str(db), "forums", "merge", "netværket", FORUM)
    assert code == 2 and "no forum 'netværket'" in err
    code, _, err = run(capsys, "--db", str(db), "forums", "merge", "styregruppe", FORUM)
    assert code == 2 and "matches 2 forums" in err
    with pytest.raises(UsageError, match="not a name any document is written with"):
        state.unmerge_forum(db, "rammeaftale sjælland")
    with pytest.raises(NotFoundError):
        state.unmerge_forum(db, "netværket")
