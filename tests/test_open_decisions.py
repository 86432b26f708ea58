"""Done-when of issue 4: a series of meetings of one forum over two years in mixed formats
(TXT in two encodings, Markdown, DOCX, PDF; one meeting as agenda + minutes), read by the
real pipeline, where items are postponed, come back renamed, are settled, are referred, and
one action never comes back: ``decisions --open`` lists exactly the unsettled ones."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from referatkit import cli, queries
from referatkit.ingest import ingest
from series_docs import EXPECTED_OPEN, FORUM, SERIES, write_series

AS_OF = "2022-01-31"


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


@pytest.fixture
def db(series: Path, tmp_path: Path) -> Path:
    path = tmp_path / "series.db"
    report = ingest([series], path)
    assert report.failed == 0, report.failures
    assert report.forums_linked == 1
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.run(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_the_series_is_mixed_formats_over_two_years(db: Path) -> None:
    docs = queries.export(db)
    assert sorted({d["format"] for d in docs}) == ["docx", "md", "pdf", "txt"]
    assert len(docs) == len(SERIES) == 8
    meetings = queries.meetings(db)
    assert [m.meeting_date for m in meetings] == [
        "2020-03-10", "2020-06-12", "2020-10-02", "2021-01-22", "2021-05-07", "2021-11-19",
        "2021-12-10"]
    both = next(m for m in meetings if m.meeting_date == "2020-10-02")
    assert [d["doc_type"] for d in both.documents] == ["referat", "dagsorden"]


def test_decisions_open_lists_exactly_the_unsettled_ones(db: Path) -> None:
    rows = queries.decisions(db, open_only=True, as_of=AS_OF)
    assert [(r.meeting_date, r.item_title, r.text) for r in rows] == EXPECTED_OPEN
    assert {r.forum_name for r in rows} == {FORUM}
    botilbud = rows[0]
    assert (botilbud.owner, botilbud.due, botilbud.overdue, botilbud.age_days) == (
        "Sekretariatet", "2020-09-01", True, 598)
    assert [r.overdue for r in rows[1:]] == [False, False]
    assert queries.stats(db).open_decisions == 3


def test_what_settled_each_closed_decision(db: Path) -> None:
    rows = {(r.meeting_date, r.item_title): r
            for r in queries.decisions(db, as_of=AS_OF) if r.status in
            ("postponed", "referred", "action")}
    settled = {k: r.settled_on for k, r in rows.items() if not r.open}
    assert settled == {
        ("2020-03-10", "Rammeaftale 2021-2022"): "2020-06-12",  # renamed "… II", approved
        ("2020-03-10", "Rekruttering"): "2020-10-02",  # "Rekruttering og fastholdelse af …"
        ("2020-03-10", "Høring om specialundervisning"): "2021-01-22",  # referred; a reference
        ("2020-06-12", "Takstaftale"): "2021-01-22",  # postponed twice, then approved
        ("2020-10-02", "Takstaftale 2021"): "2021-01-22",
        ("2021-05-07", "Budget 2022"): "2021-11-19",
        ("2021-05-07", "Rekruttering og fastholdelse af medarbejdere"): "2021-11-19",  # case no.
    }
    assert {r.closed_by for r in rows.values() if not r.open} == {"matter"}


def test_cli_decisions_open_table_and_json(capsys: pytest.CaptureFixture[str], db: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = run(capsys, "--db", str(db), "decisions", "--open", "--as-of", AS_OF,
                       "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert [(r["meeting_date"], r["item_title"], r["text"]) for r in rows] == EXPECTED_OPEN
    for key in ("id", "status", "text", "owner", "due", "meeting_date", "forum", "item_number",
                "item_title", "path", "closed_by", "age_days", "overdue"):
        assert key in rows[0]
    assert {r["closed_by"] for r in rows} == {None}
    code, out, _ = run(capsys, "--db", str(db), "decisions", "--open", "--as-of", AS_OF)
    assert code == 0
    assert "3 open decisions, 1 overdue" in out and "OVERDUE" in out
    assert "Botilbud til borgere med autisme" in out and "Sagen oversendes til K17." in out
    assert "Takstaftale" not in out and "Rekruttering" not in out


def test_history_of_a_renamed_matter(capsys: pytest.CaptureFixture[str], db: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    (h,) = queries.history(db, "Rammeaftale 2021-2022", as_of=AS_OF)
    assert [(o.meeting_date, o.item_title) for o in h.occurrences] == [
        ("2020-03-10", "Rammeaftale 2021-2022"),
        ("2020-06-12", "Rammeaftale 2021-2022 II"),
        ("2020-10-02", "Rammeaftale 2021-2022 III")]
    assert [[(d.status, d.open) for d in o.decisions] for o in h.occurrences] == [
        [("postponed", False)], [("approved", False)], [("approved", False)]]
    assert [o.forum for o in h.occurrences] == [
        FORUM, "Styregruppen for Rammeaftalesamarbejdet i Region Sjælland", FORUM]
    assert h.forum == FORUM and h.open_decisions == 0
    (h,) = queries.history(db, "rekruttering")
    assert [o.item_title for o in h.occurrences] == [
        "Rekruttering", "Rekruttering og fastholdelse af medarbejdere",
        "Rekruttering og fastholdelse af medarbejdere", "Fastholdelse af personale"]
    assert [o.how for o in h.occurrences] == ["first", "contained", "case+title", "case"]
    # an agenda-only occurrence settles nothing: the referral stays open
    (h,) = queries.history(db, "kvalitetsmodel")
    assert [(o.meeting_date, [d.open for d in o.decisions]) for o in h.occurrences] == [
        ("2021-01-22", [True]), ("2021-12-10", [])]
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = run(capsys, "--db", str(db), "history", "Rammeaftale 2021-2022")
    assert code == 0
    assert "Rammeaftale 2021-2022 III" in out and "settled 2020-06-12" in out
    code, out, _ = run(capsys, "--db", str(db), "history", "takstaftale", "--format", "json")
    data = json.loads(out)
    assert [o["item_title"] for o in data[0]["occurrences"]] == [
        "Takstaftale", "Takstaftale 2021", "Takstaftale 2021"]
    code, _, err = run(capsys, "--db", str(db), "history", "psykiatriplan")
    assert code == 2 and "no matter matches 'psykiatriplan'" in err


def test_history_by_decision_id_and_standing_items(db: Path) -> None:
    open_rows = queries.decisions(db, open_only=True)
    (h,) = queries.history(db, open_rows[1].id)
    assert h.title == "Kvalitetsmodel for socialområdet"
    (h,) = queries.history(db, "eventuelt")  # nothing else matches: the standing item
    assert h.standing == "eventuelt" and len(h.occurrences) == 7
    assert h.open_decisions == 1


def test_forums_and_meetings_listing(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, out, _ = run(capsys, "--db", str(db), "forums", "--format", "json")
    assert code == 0
    (forum,) = json.loads(out)
    assert forum["name"] == FORUM and forum["how"] == "auto"
    assert forum["meetings"] == 7 and forum["documents"] == 8 and forum["years"] == [2020, 2021]
    assert sorted(forum["names"]) == sorted([
        FORUM, "Styregruppen for Rammeaftalesamarbejdet i Region Sjælland",
        "Styregruppen for Rammeaftaler Sjælland"])
    code, out, _ = run(capsys, "--db", str(db), "forums", "--format", "csv")
    assert out.splitlines()[0].startswith("id,name,names,how,documents,meetings")
    code, out, _ = run(capsys, "--db", str(db), "meetings", "--from", "2021", "--format", "json")
    assert [m["meeting_date"] for m in json.loads(out)] == [
        "2021-01-22", "2021-05-07", "2021-11-19", "2021-12-10"]
    # --forum on decisions matches the forum's name, whatever the document wrote
    rows = queries.decisions(db, forum="rammeaftale sjælland")
    assert len({r.forum for r in rows}) == 3


def test_ids_in_brackets_are_not_taken_for_markup(capsys: pytest.CaptureFixture[str], db: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    for query in ("takstaftale", "rekruttering", "rammeaftale 2021-2022", "budget"):
        (h,) = queries.history(db, query)
        code, out, _ = run(capsys, "--db", str(db), "history", query)
        assert code == 0 and f"[{h.id}]" in out
