"""``referatkit diff``: the word-level diff, two meetings lined up by matter (a renamed
recurring item is still the same item), documents by path, title similarity where no
matter links them, a matter across its occurrences, closed items, formats and usage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from referatkit import cli
from referatkit import diff as D
from referatkit.agenda import AgendaItem, ItemDecision
from report_series import build_archive


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_archive(tmp_path_factory.mktemp("diff"))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.run(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def diff_json(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> dict:
    code, out, err = run(capsys, "--db", str(db), "diff", *args, "--format", "json")
    assert code == 0, err
    return json.loads(out)


# --- the word diff ---------------------------------------------------------------------------


def test_word_diff_marks_deleted_and_inserted_words() -> None:
    segs = D.word_diff("Punktet udsættes til næste møde.", "Punktet blev godkendt.")
    assert [(s.op, s.text) for s in segs] == [
        ("=", "Punktet"), ("-", "udsættes til næste møde."), ("+", "blev godkendt.")]
    assert D.plain(segs) == "Punktet [-udsættes til næste møde.-] {+blev godkendt.+}"
    assert not D.changed(D.word_diff("a  b\n c", "a b\nc"))  # spacing is no change
    assert D.plain(D.word_diff("", "Ny tekst")) == "{+Ny tekst+}"


def test_word_diff_keeps_line_breaks_and_collapse_cuts_long_runs() -> None:
    a = "Baggrund: " + " ".join(f"ord{i}" for i in range(40)) + "\nBeslutning: Udsat."
    b = a.replace("Udsat.", "Godkendt.")
    segs = D.word_diff(a, b)
    assert D.plain(segs).endswith("\nBeslutning: [-Udsat.-] {+Godkendt.+}")
    short = D.plain(D.collapse(segs, context=3))
    assert short.startswith("… ord37 ord38 ord39\nBeslutning:")


def _item(title: str, matter: str | None = None, standing: str | None = None,
          decisions: tuple[str, ...] = ()) -> AgendaItem:
    return AgendaItem(key=title, position=(0, 0), number=None, title=title, closed=False,
                      text="", matter_id=matter, standing=standing,
                      decisions=[ItemDecision(id=f"{title}{i}", status="approved", text=t)
                                 for i, t in enumerate(decisions)])


def test_align_by_matter_then_standing_then_title() -> None:
    a = [_item("Godkendelse af dagsorden", standing="dagsorden"), _item("Rekruttering", "m1"),
         _item("Budget 2022"), _item("Høring")]
    b = [_item("Dagsorden", standing="dagsorden"), _item("Budget 2022 (fortsat)"),
         _item("Fastholdelse af personale", "m1"), _item("Nyt punkt")]
    pairs = [(i, j, how) for i, j, how, _s in D.align(a, b)]
    # in B's order; A's "Høring" (removed) right after the B item its A neighbour went to
    assert pairs == [(0, 0, "standing"), (2, 1, "title"), (3, None, None), (1, 2, "matter"),
                     (None, 3, None)]


def test_a_single_decision_on_each_side_pairs_however_reworded() -> None:
    a = _item("X", decisions=("Punktet udsættes.",))
    b = _item("X", decisions=("Styregruppen godkendte planen med bemærkninger.",))
    d = D.compare_items(a, b, how="matter")
    assert d.change == D.CHANGED
    assert [x.change for x in d.decisions] == [D.CHANGED]


# --- two meetings ----------------------------------------------------------------------------


def test_the_renamed_recurring_item_is_one_changed_item(capsys: pytest.CaptureFixture[str],
                                                        db: Path) -> None:
    data = diff_json(capsys, db, "--forum", "netværk", "--date", "2020-11-25", "--date",
                     "2021-03-04")
    assert data["a"]["meeting_date"] == "2020-11-25" and data["b"]["kind"] == "meeting"
    assert data["counts"] == {"same": 2, "changed": 1, "added": 1, "removed": 1}
    by = {(i["change"], (i["b"] or i["a"])["title"]): i for i in data["items"]}
    renamed = by[("changed", "Udmøntning af rammeaftale 2021-2022")]
    assert renamed["how"] == "matter" and renamed["a"]["title"] == "Rammeaftale 2021-2022"
    title = D.plain([D.Segment(s["op"], s["text"]) for s in renamed["title"]])
    assert title == "[-Rammeaftale-] {+Udmøntning af rammeaftale+} 2021-2022"
    (dec,) = renamed["decisions"]
    assert (dec["change"], dec["a"]["status"], dec["b"]["status"]) == ("changed", "approved",
                                                                       "action")
    assert ("removed", "Kompetenceudvikling for medarbejdere") in by
    assert ("added", "Recovery-college") in by
    assert {k[1] for k in by if k[0] == "same"} == {"Godkendelse af dagsorden", "Eventuelt"}


def test_table_output_shows_the_marks_without_colour(capsys: pytest.CaptureFixture[str],
                                                     db: Path) -> None:
    code, out, _ = run(capsys, "--db", str(db), "diff", "--forum", "netværk", "--date",
                       "2020-11-25", "--date", "2021-03-04")
    assert code == 0
    flat = " ".join(out.split())
    assert "1 changed, 1 added, 1 removed, 2 unchanged" in flat
    assert "[-Rammeaftale-]" in flat and "{+Udmøntning af" in flat
    assert "[approved → action]" in flat
    assert "Unchanged: 1 Godkendelse af dagsorden; 4 Eventuelt" in flat


def test_markdown_output(capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path) -> None:
    target = tmp_path / "diff.md"
    code, out, err = run(capsys, "--db", str(db), "diff", "--forum", "netværk", "--date",
                         "2020-11-25", "--date", "2021-03-04", "--format", "md", "-o",
                         str(target))
    assert (code, out, err.strip()) == (0, "", f"Wrote {target}")
    md = target.read_text(encoding="utf-8")
    assert md.startswith("# Diff: 2020-11-25 · Netværksgruppen for Socialpsykiatri")
    assert "## Changed: 2 Udmøntning af rammeaftale 2021-2022" in md
    assert "Title: ~~Rammeaftale~~ **Udmøntning af rammeaftale** 2021-2022" in md
    assert "- decision changed [approved → action]:" in md
    assert "## Added: 3 Recovery-college" in md


def test_two_documents_by_path(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    root = db.parent / "styregruppe"
    data = diff_json(capsys, db, str(root / "2020" / "2020-03-10-referat.txt"),
                     str(root / "2020" / "2020-10-02-dagsorden.txt"))
    assert (data["a"]["kind"], data["b"]["kind"]) == ("document", "document")
    assert [d["doc_type"] for d in data["b"]["documents"]] == ["dagsorden"]
    recruiting = next(i for i in data["items"] if i["a"] and i["a"]["title"] == "Rekruttering")
    assert recruiting["how"] == "matter" and recruiting["change"] == "changed"
    assert recruiting["b"]["title"] == "Rekruttering og fastholdelse af medarbejdere"


def test_items_of_two_forums_pair_by_title(capsys: pytest.CaptureFixture[str],
                                           db: Path) -> None:
    data = diff_json(capsys, db, "--forum", "styregruppe", "--date", "2020-03-10", "--forum",
                     "netværk", "--date", "2020-06-10")
    pair = next(i for i in data["items"] if i["a"] and i["b"]
                and i["a"]["title"] == "Rammeaftale 2021-2022")
    assert (pair["how"], pair["score"]) == ("title", 100.0)
    assert {i["how"] for i in data["items"] if i["a"] and i["b"]} == {"title", "standing"}


def test_a_closed_item_shows_no_text_unless_asked(capsys: pytest.CaptureFixture[str],
                                                  db: Path) -> None:
    args = ("--db", str(db), "diff", "--forum", "netværk", "--date", "2021-06-17", "--date",
            "2021-11-24")
    code, out, _ = run(capsys, *args)
    assert code == 0 and "Klagesag" in out
    assert "forvaltningen" not in out and "closed item" in out
    _, out, _ = run(capsys, *args, "--include-closed")
    assert "forvaltningen" in " ".join(out.split())


# --- a matter over time ----------------------------------------------------------------------


def test_a_matter_across_its_occurrences(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    data = diff_json(capsys, db, "--matter", "Rammeaftale 2021-2022", "--forum", "netværk",
                     "--from", "2020", "--to", "2021")
    assert data["kind"] == "matter" and data["title"] == "Udmøntning af rammeaftale 2021-2022"
    assert [(o["meeting_date"], o["title"]) for o in data["occurrences"]] == [
        ("2020-06-10", "Rammeaftale 2021-2022"), ("2020-11-25", "Rammeaftale 2021-2022"),
        ("2021-03-04", "Udmøntning af rammeaftale 2021-2022"),
        ("2021-06-17", "Udmøntning af rammeaftale 2021-2022")]
    statuses = [[(d["a"]["status"], d["b"]["status"]) for d in s["item"]["decisions"]]
                for s in data["steps"]]
    assert statuses == [[("postponed", "approved")], [("approved", "action")],
                        [("action", "noted")]]
    renamed = data["steps"][1]["item"]
    assert any(s["op"] == "+" and "Udmøntning" in s["text"] for s in renamed["title"])


def test_the_period_narrows_the_occurrences(capsys: pytest.CaptureFixture[str],
                                            db: Path) -> None:
    data = diff_json(capsys, db, "--matter", "Rammeaftale", "--forum", "netværk", "--from",
                     "2021", "--to", "2021")
    assert [o["meeting_date"] for o in data["occurrences"]] == ["2021-03-04", "2021-06-17"]
    assert len(data["steps"]) == 1
    code, out, _ = run(capsys, "--db", str(db), "diff", "--matter", "Rammeaftale", "--forum",
                       "netværk", "--from", "2021", "--format", "md")
    assert code == 0 and "## 2021-03-04 → 2021-06-17" in out
    code, _, err = run(capsys, "--db", str(db), "diff", "--matter", "Recovery-college",
                       "--from", "2015", "--to", "2016")
    assert code == 2 and "did not come up between 2015 and 2016" in err


# --- usage -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("args", "message"), [
    (("--forum", "netværk", "--date", "2021-03-04"), "diff compares two sides"),
    ((), "diff compares two sides"),
    (("--forum", "netværk", "--date", "2020", "--date", "2021-03-04"),
     "3 meetings of a forum matching 'netværk' on 2020"),
    (("--date", "2018-01-01", "--date", "2021-03-04"), "no meeting on 2018-01-01"),
    (("--matter", "x", "--date", "2021-03-04"), "--matter compares a matter's occurrences"),
    (("--from", "2020", "--date", "2021-03-04", "--date", "2021-06-17"),
     "--from/--to go with --matter"),
    (("--forum", "a", "--forum", "b", "--forum", "c", "--date", "2021", "--date", "2020"),
     "one --forum for every --date"),
    (("--format", "csv",), "unknown --format 'csv'"),
])
def test_usage_errors(capsys: pytest.CaptureFixture[str], db: Path, args: tuple[str, ...],
                      message: str) -> None:
    code, out, err = run(capsys, "--db", str(db), "diff", *args)
    assert (code, out) == (2, "")
    assert err.startswith("Error: ") and message in err
