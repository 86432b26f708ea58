"""``referatkit report``: the numbers per forum and year on two forums' series over 2019–2021
(:mod:`report_series` says what happens in them and works out the numbers), the closed items
left out, the formats, -o, and the draft årsrapport."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from referatkit import cli, render
from referatkit import report as R
from report_series import AS_OF, FORUM, build_archive

STEERING = "Styregruppen for Rammeaftale Sjælland"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_archive(tmp_path_factory.mktemp("report"))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.run(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def network(capsys: pytest.CaptureFixture[str], db: Path, *extra: str) -> dict:
    code, out, err = run(capsys, "--db", str(db), "report", "--forum", "netværk", "--from",
                         "2019", "--to", "2021", "--as-of", AS_OF, "--format", "json", *extra)
    assert code == 0, err
    data = json.loads(out)
    assert [f["name"] for f in data["forums"]] == [FORUM]
    return data["forums"][0]


def test_json_numbers_per_year(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    years = network(capsys, db)["years"]
    assert [y["year"] for y in years] == [2019, 2020, 2021]
    assert [y["meetings"] for y in years] == [2, 3, 3]
    assert [y["meetings_with_minutes"] for y in years] == [2, 3, 3]
    assert [y["items"] for y in years] == [8, 12, 12]
    assert [y["decisions"] for y in years] == [8, 12, 11]
    assert [y["open"] for y in years] == [0, 1, 1]
    assert [y["matters_opened"] for y in years] == [3, 4, 2]
    assert [y["matters_settled"] for y in years] == [1, 2, 1]
    by = [{k: v for k, v in y["decisions_by_status"].items() if v} for y in years]
    assert by == [
        {"approved": 4, "postponed": 1, "action": 1, "none": 2},
        {"approved": 4, "noted": 3, "postponed": 1, "referred": 1, "none": 3},
        {"approved": 4, "noted": 2, "postponed": 1, "action": 1, "none": 3},
    ]
    assert [m["title"] for m in years[2]["opened"]] == [
        "Recovery-college", "Recovery-college og undervisning"]
    assert [(m["title"], m["settled_on"]) for m in years[1]["settled"]] == [
        ("Peerstøtte i praksis", "2020-02-12"), ("Rammeaftale 2021-2022", "2020-11-25")]


def test_attendance_and_who_was_absent_most(capsys: pytest.CaptureFixture[str],
                                             db: Path) -> None:
    years = network(capsys, db)["years"]
    assert [y["attendance"]["meetings_with_list"] for y in years] == [2, 3, 3]
    dorte = [next(p for p in y["attendance"]["people"] if p["name"] == "Dorte Møller")
             for y in years]
    assert [(p["present"], p["absent"], p["organisation"]) for p in dorte] == [
        (1, 1, "Køge Kommune"), (1, 2, "Køge Kommune"), (0, 3, "Køge Kommune")]
    assert [(p["name"], p["absent"]) for p in years[1]["attendance"]["absent_most"]] == [
        ("Dorte Møller", 2), ("Bo Lind", 1)]
    assert [(p["name"], p["absent"]) for p in years[2]["attendance"]["absent_most"]] == [
        ("Dorte Møller", 3), ("Carl Dahl", 1)]
    orgs = {o["name"]: (o["meetings"], o["people"]) for o in years[2]["attendance"]["organisations"]}
    # nobody from Køge came in 2021; two people from the region
    assert orgs == {"Holbæk Kommune": (3, 1), "Roskilde Kommune": (3, 1),
                    "Region Sjælland": (3, 2)}


def test_open_decisions_with_their_age(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    years = network(capsys, db)["years"]
    assert [(o["meeting_date"], o["item_title"], o["status"], o["age_days"])
            for y in years for o in y["open_decisions"]] == [
        ("2020-11-25", "Kompetenceudvikling for medarbejdere", "referred", 432),
        ("2021-06-17", "Recovery-college og undervisning", "postponed", 228)]


def test_themes_and_the_terms_that_rose_and_fell(capsys: pytest.CaptureFixture[str],
                                                 db: Path) -> None:
    y2019, y2020, y2021 = network(capsys, db)["years"]
    assert y2019["compared_to"] is None and y2019["rising"] == [] == y2019["falling"]
    assert y2020["themes"][0]["term"] == "corona" and y2020["themes"][0]["items"] == 2
    assert y2021["compared_to"] == 2020
    rising = [t["term"] for t in y2021["rising"]]
    falling = [t["term"] for t in y2021["falling"]]
    assert "recovery-college" in rising[:2] and "corona" in falling
    themes = [t["term"] for t in y2021["themes"]]
    assert {"recovery-college", "rammeaftale", "udmøntning"} <= set(themes)
    # the words of minutes, the forum's body word and people's names are no themes
    for y in (y2019, y2020, y2021):
        words = {t["term"] for t in y["themes"]}
        assert not words & {"netværket", "netværksgruppen", "godkendt", "punktet", "lind",
                            "beslutning", "orienteringen"}


def test_planned_meetings_from_the_documents(capsys: pytest.CaptureFixture[str],
                                             db: Path) -> None:
    years = network(capsys, db)["years"]
    assert [[p["date"] for p in y["planned_meetings"]] for y in years] == [
        [], [], ["2022-03-03", "2022-06-16", "2022-12-01"]]
    assert not any(p["held"] for p in years[2]["planned_meetings"])


def test_closed_items_are_left_out_unless_asked_for(capsys: pytest.CaptureFixture[str],
                                                    db: Path) -> None:
    left_out = network(capsys, db)["years"]
    kept = network(capsys, db, "--include-closed")["years"]
    assert [y["closed_items_left_out"] for y in left_out] == [0, 1, 1]
    assert [y["items"] for y in kept] == [8, 13, 13]
    assert [y["decisions"] for y in kept] == [8, 13, 12]
    assert [y["open"] for y in kept] == [0, 1, 2]
    assert [y["matters_opened"] for y in kept] == [3, 5, 3]
    for fmt in ("json", "md", "html", "table", "csv"):
        _, out, _ = run(capsys, "--db", str(db), "report", "--forum", "netværk", "--as-of",
                        AS_OF, "--format", fmt)
        assert "Klagesag" not in out and "Personalesag" not in out, fmt
        assert "oversendes til forvaltningen" not in out, fmt
    _, out, _ = run(capsys, "--db", str(db), "report", "--forum", "netværk", "--as-of", AS_OF,
                    "--format", "md", "--include-closed")
    assert "Klagesag" in out


def test_every_forum_and_its_own_years(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, out, _ = run(capsys, "--db", str(db), "report", "--as-of", AS_OF, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert (data["date_from"], data["date_to"], data["as_of"]) == ("2019-01-01", "2021-12-31",
                                                                   AS_OF)
    forums = {f["name"]: f for f in data["forums"]}
    assert list(forums) == [FORUM, STEERING]
    steering = forums[STEERING]
    assert len(steering["names"]) == 3  # written three ways, one forum
    assert [(y["year"], y["meetings"], y["meetings_with_minutes"]) for y in steering["years"]] == [
        (2020, 3, 3), (2021, 4, 3)]  # the December 2021 meeting: its agenda only
    assert [y["open"] for y in steering["years"]] == [1, 2]


def test_year_and_period_are_checked(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, out, err = run(capsys, "--db", str(db), "report", "--year", "2021", "--from", "2020")
    assert (code, out) == (2, "") and "Error: give --year, or --from/--to, not both" in err
    code, _, err = run(capsys, "--db", str(db), "report", "--from", "2021", "--to", "2020")
    assert code == 2 and "is after --to" in err
    code, _, err = run(capsys, "--db", str(db), "report", "--forum", "ældreråd")
    assert code == 2 and "Error: no forum matching 'ældreråd'" in err
    code, _, err = run(capsys, "--db", str(db), "report", "--year", "2015")
    assert code == 2 and "no meetings in the archive in 2015" in err
    code, _, err = run(capsys, "--db", str(db), "report", "--format", "pdf")
    assert code == 2 and "unknown --format 'pdf'" in err


def test_csv_one_row_per_forum_and_year(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, out, _ = run(capsys, "--db", str(db), "report", "--as-of", AS_OF, "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert tuple(rows[0]) == render.REPORT_COLUMNS
    assert [(r["forum"], r["year"], r["meetings"]) for r in rows] == [
        (FORUM, "2019", "2"), (FORUM, "2020", "3"), (FORUM, "2021", "3"),
        (STEERING, "2020", "3"), (STEERING, "2021", "4")]
    assert rows[2]["absent_most"] == "Dorte Møller (3); Carl Dahl (1)"
    assert rows[2]["planned_meetings"] == "2022-03-03; 2022-06-16; 2022-12-01"


@pytest.mark.parametrize("fmt", render.REPORT_FORMATS)
def test_output_writes_any_format_to_a_file(capsys: pytest.CaptureFixture[str], db: Path,
                                            tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"rapport.{fmt}"
    code, out, err = run(capsys, "--db", str(db), "report", "--year", "2021", "--as-of", AS_OF,
                         "--format", fmt, "-o", str(target))
    assert (code, out) == (0, "")
    assert err.strip() == f"Wrote {target}"
    text = target.read_text(encoding="utf-8")
    assert FORUM in text and "Dorte Møller" in text
    if fmt == "json":
        assert json.loads(text)["forums"][0]["years"][0]["year"] == 2021


def test_terminal_report(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, out, _ = run(capsys, "--db", str(db), "report", "--forum", "netværk", "--year",
                       "2021", "--as-of", AS_OF)
    assert code == 0
    assert f"{FORUM} · 2021" in out
    assert "Dorte Møller (3 of 3); Carl Dahl (1 of 3)" in " ".join(out.split())
    assert "Still open from 2021" in out and "Punktet udsættes." in out and "7m 16d" in out
    assert "2022-03-03, 2022-06-16, 2022-12-01" in out


def test_aarsrapport_has_the_sections_of_one(capsys: pytest.CaptureFixture[str],
                                             db: Path) -> None:
    code, out, _ = run(capsys, "--db", str(db), "report", "--forum", "netværk", "--year",
                       "2021", "--as-of", AS_OF, "--template", "aarsrapport")
    assert code == 0
    headings = [line for line in out.splitlines() if line.startswith("#")]
    assert headings == [f"# Årsrapport 2021 — {FORUM}", "## 1. Møder og deltagelse",
                        "## 2. Temaer i året", "## 3. Beslutninger", "## 4. Åbne sager",
                        "## 5. Planlagte møder"]
    assert ("har i 2021 holdt 3 møder: 4. marts 2021, 17. juni 2021 og 24. november 2021."
            in out)
    assert "| Dorte Møller | Køge Kommune | 0 | 3 |" in out
    assert "Flest afbud: Dorte Møller (3 af 3 møder)." in out
    assert "Fyldte mindre end i 2020: corona." in out
    assert "- Udmøntning af rammeaftale 2021-2022 (afsluttet 17. juni 2021)" in out
    assert "| 17. juni 2021 | Recovery-college og undervisning | udsat |" in out
    assert "- 3. marts 2022, 16. juni 2022 og 1. december 2022 — jf. referatet fra 24. november" in out
    # a year whose documents plan nothing says so
    _, out, _ = run(capsys, "--db", str(db), "report", "--forum", "netværk", "--year", "2020",
                    "--as-of", AS_OF, "--template", "årsrapport")
    assert "Referaterne nævner ingen møder efter 25. november 2020; tilføj mødeplanen." in out
    assert "Ingen åbne sager" not in out  # the KKR referral is open


def test_aarsrapport_is_for_one_forum_and_one_year(capsys: pytest.CaptureFixture[str],
                                                   db: Path) -> None:
    code, _, err = run(capsys, "--db", str(db), "report", "--year", "2021", "--template",
                       "aarsrapport")
    assert code == 2 and "is written for one forum; 2 match" in err
    code, _, err = run(capsys, "--db", str(db), "report", "--forum", "netværk", "--template",
                       "aarsrapport")
    assert code == 2 and "is written for one year: give --year" in err
    code, _, err = run(capsys, "--db", str(db), "report", "--forum", "netværk", "--year",
                       "2021", "--template", "aarsrapport", "--format", "json")
    assert code == 2 and "writes Markdown" in err
    code, _, err = run(capsys, "--db", str(db), "report", "--template", "budget")
    assert code == 2 and "unknown --template 'budget'" in err


def test_report_of_an_unlinked_archive_says_how_to_link(tmp_path: Path) -> None:
    from referatkit.store import open_store

    st = open_store(tmp_path / "new.db")
    st.close()
    with pytest.raises(R.NotFoundError, match="no meetings in the archive"):
        R.report(tmp_path / "new.db")
