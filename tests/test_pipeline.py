"""Fuzzing the grammar side of the pipeline: whatever text a reader hands over, the normaliser,
the segmenter and the classifier never raise, and the store keeps what they make.

The only documented error of the pipeline is :class:`referatkit.errors.ReadError` (a reason
for a file that holds no document); anything else escaping would be a traceback in a nightly
run, or one file's "internal error" where a reason belongs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from referatkit import normalise, pipeline, queries, segment
from referatkit.errors import ReadError
from referatkit.model import BLANK, BLOCK_KINDS, Block, RawDocument
from referatkit.store import FileRecord, open_store

# What real minutes are made of, to give the grammar something to bite on between the noise.
PIECES = (
    "Referat", "Dagsorden", "Referat af møde i Styregruppen", "1.", "2)", "4B)", "Pkt. 3",
    "Punkt 2:", "Ad 3", "§1", "715.", "Beslutning:", "Beslutning: Godkendt.", "Indstilling:",
    "Det indstilles, at", "Baggrund", "Bilag:", "Drøftelse", "Uddybning:", "Lukket punkt",
    "Fortroligt", "Deltagere:", "Afbud:", "Til stede:", "Jette Hansen (formand), Solrød Kommune",
    "Dato: 12. marts 2021", "Onsdag d. 9. december 2020", "15/5", "kl. 9.00 – 10.00",
    "Side 1 af 8", "Udsat til næste møde.", "Oversendes til KKR.", "Sekretariatet undersøger",
    "Intet.", "Eventuelt", "fo-", "kusområder", "F-ACT", "•", "-", "Sag 1/2019", "CPR 010203-1234",
    "mailto:a@b.dk", "https://kl.dk", "\t", "    ", "…", "æøå ÆØÅ", "Å", "\u00a0",
)
_noise = st.text(max_size=60)
_line = st.one_of(st.sampled_from(PIECES), _noise,
                  st.lists(st.sampled_from(PIECES) | _noise, max_size=4).map(" ".join))
_block = st.builds(
    Block,
    text=_line,
    kind=st.sampled_from(BLOCK_KINDS),
    page=st.none() | st.integers(1, 5),
    bold=st.booleans(),
    heading_level=st.none() | st.integers(1, 4),
    list_number=st.none() | st.sampled_from(["1.", "2)", "a)", "•", "4.1"]),
    list_level=st.none() | st.integers(0, 3),
    table=st.none() | st.integers(0, 2),
    row=st.none() | st.integers(0, 5),
    col=st.none() | st.integers(0, 2),
    nested=st.integers(0, 2),
    font_size=st.none() | st.floats(4, 30),
    x0=st.none() | st.floats(0, 600),
    source=st.sampled_from(["body", "body", "body", "header", "footer"]),
)
_raw = st.builds(
    RawDocument,
    path=st.sampled_from(["/arkiv/referat.txt", "/arkiv/2021-03-26 dagsorden.pdf",
                          "/arkiv/notat.docx", "/x"]),
    format=st.sampled_from(["txt", "pdf", "docx", "md"]),
    blocks=st.lists(_block, max_size=40),
    pages=st.integers(0, 5),
    meta=st.dictionaries(st.sampled_from(["title", "author"]), _line, max_size=2),
)
_lines_raw = st.lists(_line, max_size=60).map(
    lambda lines: RawDocument(path="/arkiv/referat.txt", format="txt",
                              blocks=[Block(t) if t.strip() else Block("", kind=BLANK)
                                      for t in lines]))

FUZZ = settings(max_examples=80, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@FUZZ
@given(raw=_raw)
def test_the_normaliser_takes_any_blocks(raw: RawDocument) -> None:
    clean = normalise.normalise(raw)
    assert isinstance(clean, RawDocument)
    assert all(isinstance(b.text, str) for b in clean.blocks)


@FUZZ
@given(text=st.text(max_size=400))
def test_the_normaliser_takes_any_text(text: str) -> None:
    assert isinstance(normalise.clean_text(text), str)


@FUZZ
@given(raw=st.one_of(_raw, _lines_raw))
def test_the_segmenter_takes_any_blocks(raw: RawDocument) -> None:
    docs = segment.segment(normalise.normalise(raw))
    assert all(d.path == raw.path for d in docs)


@FUZZ
@given(raw=st.one_of(_raw, _lines_raw), keep_cpr=st.booleans())
def test_the_whole_grammar_raises_nothing_but_read_errors(raw: RawDocument,
                                                          keep_cpr: bool) -> None:
    try:
        docs = pipeline.parse_raw(raw, keep_cpr=keep_cpr)
    except ReadError as e:
        assert e.message and "\n" not in e.message
        return
    for doc in docs:
        assert all(d.status for it in doc.items for d in it.decisions)
        if not keep_cpr:
            assert "010203-1234" not in repr(doc)


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(raw=_lines_raw)
def test_what_the_grammar_makes_the_store_keeps(tmp_path: Path, raw: RawDocument) -> None:
    docs = pipeline.parse_raw(raw)
    for part, doc in enumerate(docs):
        doc.sha256, doc.part = "e" * 64, part
    with open_store(tmp_path / "fuzz.db") as s:
        run = s.start_run(["/arkiv"])
        if docs:
            ids = s.store_file(FileRecord(path=raw.path, size=1, mtime_ns=1, sha256="e" * 64),
                               docs, run)
            stored = [queries.load_document(s, i).document.export() for i in ids]
            assert stored == [d.export() for d in docs]
        s.check_fts()
        s.record_failure(FileRecord(path="/arkiv/anden.txt", size=0, mtime_ns=0), "x", run)



@pytest.mark.shared
def test_every_real_world_file_parses_or_gives_its_reason(realworld_dir: Path) -> None:
    """Every file of the real-world corpus goes through the whole pipeline without a traceback;
    the one scanned PDF is refused with its one-line reason; most give a date and items."""
    failed: dict[str, str] = {}
    docs = []
    for path in sorted(p for p in realworld_dir.rglob("*") if p.is_file() and p.name != "SOURCES.md"):
        try:
            docs += pipeline.parse_file(path)
        except ReadError as e:
            failed[path.name] = str(e)
    assert failed == {"115-referat_genfors_2013.pdf": "no text layer (scanned PDF?)"}
    assert sum(1 for d in docs if d.meeting_date) >= 0.8 * len(docs)
