"""CPR numbers: the rule, and the promise end to end (no search finds one, no export holds one)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from referatkit import queries
from referatkit.ingest import ingest
from referatkit.model import Block, RawDocument
from referatkit.redact import CPR_MASK, redact, redact_cpr
from referatkit.store import FTS_CONTENT_TABLE, open_store


def test_cpr_numbers_are_masked() -> None:
    text, n = redact_cpr("Borgeren (cpr 010203-1234) klagede. Sag 2012-202935.")
    assert n == 1
    assert "010203-1234" not in text and CPR_MASK in text
    assert "2012-202935" in text  # a case number is not a date


def test_implausible_dates_and_other_numbers_are_kept() -> None:
    for s in ("Sagsnr. 450299-1234", "tlf. 12345678", "Budget 2021-2022", "konto 1234-567890"):
        assert redact_cpr(s) == (s, 0)


def test_bare_ten_digits_only_in_cpr_context() -> None:
    assert redact_cpr("Faktura 0102031234")[1] == 0
    assert redact_cpr("CPR-nr.: 0102031234")[1] == 1


def test_redact_document_warns() -> None:
    raw = RawDocument(path="x", format="txt", blocks=[Block("CPR 311299-1111"), Block("ok")])
    out = redact(raw)
    assert out.blocks[0].text == f"CPR {CPR_MASK}"
    assert out.warnings == ["1 CPR number(s) redacted"]


def test_metadata_is_redacted_too() -> None:
    raw = RawDocument(path="x", format="pdf", blocks=[Block("ok")],
                      meta={"title": "Klage fra 121212-1212", "author": "Jette"})
    out = redact(raw)
    assert out.meta == {"title": f"Klage fra {CPR_MASK}", "author": "Jette"}
    assert out.warnings == ["1 CPR number(s) redacted"]


# --- end to end: a CPR number in a fixture reaches no search, no export, no byte of the file --

CPR_FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "cpr_number"
CPR_NUMBERS = ("121212-1212", "030303-3033")  # in fixtures/cpr_number/*, every format


def _searches(cpr: str) -> list[str]:
    """Every way a user might look for a CPR number."""
    birth, serial = cpr.split("-")
    return [cpr, f'"{cpr}"', birth, serial, birth + serial, f"{birth} {serial}", f"cpr {birth}"]


def _ingested(tmp_path: Path, **kw: bool) -> Path:
    src = tmp_path / "in"
    shutil.copytree(CPR_FIXTURE, src, ignore=shutil.ignore_patterns("*.json"))
    db = tmp_path / "cpr.db"
    report = ingest([src], db, **kw)
    assert (report.new, report.failed) == (4, 0), report.failures
    return db


def test_a_cpr_number_is_found_by_no_search_and_is_in_no_export(tmp_path: Path) -> None:
    db = _ingested(tmp_path)
    for cpr in CPR_NUMBERS:
        for q in _searches(cpr):
            assert queries.search(db, q) == [], q
    exported = json.dumps(queries.export(db, include_closed=True), ensure_ascii=False)
    assert CPR_MASK in exported
    assert "CPR number(s) redacted" in exported  # each document says so
    for cpr in CPR_NUMBERS:
        birth, serial = cpr.split("-")
        assert birth not in exported and birth + serial not in exported
    # nor in any byte of the database (closed, so its WAL is folded in and gone)
    assert not Path(f"{db}-wal").exists()
    data = db.read_bytes()
    for cpr in CPR_NUMBERS:
        assert cpr.split("-")[0].encode() not in data


def test_keep_cpr_keeps_them_in_the_text_and_out_of_the_index(tmp_path: Path) -> None:
    db = _ingested(tmp_path, keep_cpr=True)
    exported = json.dumps(queries.export(db), ensure_ascii=False)
    assert all(cpr in exported for cpr in CPR_NUMBERS)
    for cpr in CPR_NUMBERS:
        for q in _searches(cpr):
            assert queries.search(db, q) == [], q
    with open_store(db) as st:
        index = json.dumps(st.rows(f"SELECT title, body FROM {FTS_CONTENT_TABLE}"))
    assert not any(cpr.split("-")[0] in index for cpr in CPR_NUMBERS)
    # and a run without the option reads the files again, masked
    src = tmp_path / "in"
    assert ingest([src], db).updated == 4
    assert not any(cpr in json.dumps(queries.export(db), ensure_ascii=False)
                   for cpr in CPR_NUMBERS)
