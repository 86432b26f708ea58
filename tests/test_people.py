"""Attendance per person and forum: meetings counted once over their documents, the minutes'
list over the agenda's, afbud counted, filters, and the CLI's output shapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from referatkit import cli, people
from referatkit.errors import UsageError
from referatkit.ingest import ingest

FORUM = "Faglig følgegruppe for Hjemmesygepleje"


def _minutes(day: str, present: str, absent: str, kind: str = "Referat") -> str:
    lines = [kind, "", FORUM, f"Møde torsdag den {day} kl. 13.00-15.00, Sundhedshuset",
             f"Deltagere: {present}"]
    if absent:
        lines.append(f"Afbud: {absent}")
    lines += ["", "", "1. Godkendelse af dagsorden", "", "Godkendt.", "",
              "2. Eventuelt", "", "Intet.", ""]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("people")
    src = root / "referater"
    src.mkdir()
    (src / "2021-03-04-referat.txt").write_text(_minutes(
        "4. marts 2021", "Ellen Bach (Bakkedal Kommune), Rune Holst (Fjordby Kommune)",
        "Signe Møller (Lyngså Kommune)"), encoding="utf-8")
    # the same minutes twice (a copy in another format would be the same): counted once
    (src / "2021-06-03-referat.txt").write_text(_minutes(
        "3. juni 2021", "Ellen Bach (Bakkedal Kommune), Signe Møller (Lyngså Kommune)",
        "Rune Holst (Fjordby Kommune)"), encoding="utf-8")
    (src / "2021-06-03-referat-kopi.md").write_text(_minutes(
        "3. juni 2021", "Ellen Bach (Bakkedal Kommune), Signe Møller (Lyngså Kommune)",
        "Rune Holst (Fjordby Kommune)"), encoding="utf-8")
    # an agenda of a later meeting lists invitees only: not attendance when minutes exist,
    # but the only list of its meeting when they do not
    (src / "2021-09-02-dagsorden.txt").write_text(_minutes(
        "2. september 2021", "Ellen Bach (Bakkedal Kommune), Rune Holst (Fjordby Kommune), "
        "Signe Møller (Lyngså Kommune)", "", kind="Dagsorden"), encoding="utf-8")
    (src / "2022-01-13-referat.txt").write_text(_minutes(
        "13. januar 2022", "Ellen  Bach (Bakkedal Kommune)", "Rune Holst (Fjordby Kommune)"),
        encoding="utf-8")
    path = root / "a.db"
    report = ingest([src], path)
    assert report.failed == 0, report.failures
    return path


def _by_name(rows: list[people.PersonRow]) -> dict[str, people.PersonRow]:
    return {r.name: r for r in rows}


def test_attendance_counts_meetings_not_documents(db: Path) -> None:
    rows = _by_name(people.people(db, forum="hjemmesygepleje", date_from="2021", date_to="2021"))
    assert set(rows) == {"Ellen Bach", "Rune Holst", "Signe Møller"}
    ellen, rune, signe = rows["Ellen Bach"], rows["Rune Holst"], rows["Signe Møller"]
    assert ellen.meetings == 3  # March, June (two files), September (agenda only)
    assert (ellen.present, ellen.absent, ellen.not_listed) == (3, 0, 0)
    assert (rune.present, rune.absent) == (2, 1) and rune.dates_absent == ["2021-06-03"]
    assert (signe.present, signe.absent) == (2, 1) and signe.dates_absent == ["2021-03-04"]
    assert ellen.rate == 1.0 and rune.rate == pytest.approx(0.667)


def test_names_written_with_other_spacing_are_one_person(db: Path) -> None:
    rows = _by_name(people.people(db, date_from="2022"))
    assert set(rows) == {"Ellen Bach", "Rune Holst"}  # only people named in the period
    assert rows["Ellen Bach"].present == 1 and rows["Rune Holst"].absent == 1
    everyone = _by_name(people.people(db))
    assert everyone["Ellen Bach"].present == 4
    assert everyone["Signe Møller"].not_listed == 1  # not on the list of January 2022


def test_sort_and_name_filter(db: Path) -> None:
    rows = people.people(db, sort="absent")
    assert rows[0].absent >= rows[-1].absent
    assert [r.name for r in people.people(db, name="møller")] == ["Signe Møller"]
    with pytest.raises(UsageError, match="unknown --sort"):
        people.people(db, sort="age")


def test_cli_people_json_csv_and_errors(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["--db", str(db), "people", "--year", "2021", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"name", "forum", "organisations", "present", "absent", "rate"} <= set(data[0])
    assert cli.run(["--db", str(db), "people", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("name,forum,organisations")
    assert cli.run(["--db", str(db), "people"]) == 0
    assert "Ellen Bach" in capsys.readouterr().out
    assert cli.run(["--db", str(db), "people", "--year", "2021", "--from", "2020"]) == 2
    assert "--year cannot be combined" in capsys.readouterr().err
    assert cli.run(["--db", str(db), "people", "--from", "maj"]) == 2
    assert "is not a date" in capsys.readouterr().err
