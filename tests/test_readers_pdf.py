"""PDF reader: lines, blanks, bold and size; ruled tables; page furniture; word spacing;
bad input. Test PDFs are drawn with fpdf2 in points, so positions are exact."""

from __future__ import annotations

import datetime
import re
import shutil
import time
from pathlib import Path

import pytest
from fpdf import FPDF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from referatkit.errors import ReadError
from referatkit.model import BLANK, PARA, TABLE_CELL, RawDocument
from referatkit.readers import read
from referatkit.readers.pdf import GLYPH_FACTS, PAGE_NUMBER, read_pdf


def new_pdf() -> FPDF:
    pdf = FPDF(unit="pt", format="A4")  # 595 x 842 pt
    pdf.set_auto_page_break(False)
    return pdf


def body(raw: RawDocument) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in raw.blocks if b.source == "body"]


def test_lines_blank_gap_bold_and_size(tmp_path: Path) -> None:
    pdf = new_pdf()
    pdf.add_page()
    pdf.set_font("helvetica", "B", 16)
    pdf.text(72, 80, "Referat")
    pdf.set_font("helvetica", "", 11)
    pdf.text(72, 120, "Første linje i afsnittet")
    pdf.text(72, 133, "anden linje i afsnittet")
    pdf.text(72, 175, "Nyt afsnit efter luft")  # a gap far larger than the line pitch
    pdf.set_font("helvetica", "B", 11)
    pdf.text(72, 188, "Beslutning:")
    path = tmp_path / "lines.pdf"
    pdf.output(str(path))
    raw = read(path)
    assert body(raw) == [
        (PARA, "Referat"),
        (BLANK, ""),
        (PARA, "Første linje i afsnittet"),
        (PARA, "anden linje i afsnittet"),
        (BLANK, ""),
        (PARA, "Nyt afsnit efter luft"),
        (PARA, "Beslutning:"),
    ]
    blocks = {b.text: b for b in raw.blocks}
    assert blocks["Referat"].bold and blocks["Referat"].font_size == 16.0
    assert not blocks["Første linje i afsnittet"].bold
    assert blocks["Første linje i afsnittet"].font_size == 11.0
    assert blocks["Beslutning:"].bold
    assert blocks["Første linje i afsnittet"].x0 == pytest.approx(72, abs=1)
    assert all(b.page == 1 for b in raw.blocks)
    assert raw.pages == 1 and raw.format == "pdf"


def test_words_without_space_glyphs_are_separated(tmp_path: Path) -> None:
    """Some producers position every word and write no space: the gap is the only hint."""
    pdf = new_pdf()
    pdf.add_page()
    pdf.set_font("helvetica", "", 11)
    x = 72.0
    for word in ["Godkjent", "ved", "akklamasjon"]:
        pdf.text(x, 100, word)
        x += pdf.get_string_width(word) + 0.28 * 11  # a space's width, but no space glyph
    tight = 72.0
    for syllable in ["Stem", "me", "sed", "del"]:  # glyph runs that touch: one word
        pdf.text(tight, 130, syllable)
        tight += pdf.get_string_width(syllable)
    path = tmp_path / "nospace.pdf"
    pdf.output(str(path))
    assert [t for _, t in body(read(path)) if t] == ["Godkjent ved akklamasjon", "Stemmeseddel"]


def test_wide_gap_becomes_a_tab(tmp_path: Path) -> None:
    pdf = new_pdf()
    pdf.add_page()
    pdf.set_font("helvetica", "", 11)
    pdf.text(72, 100, "Punkt 3")
    pdf.text(400, 100, "Side 7")
    path = tmp_path / "tab.pdf"
    pdf.output(str(path))
    assert body(read(path)) == [(PARA, "Punkt 3\tSide 7")]


def draw_table(pdf: FPDF, top: float, rows: list[list[list[str]]], widths: list[float]) -> float:
    """Draw a ruled table; each cell is a list of lines. Returns the bottom."""
    left = 60.0
    pitch = 13.0
    y = top
    xs = [left]
    for w in widths:
        xs.append(xs[-1] + w)
    pdf.set_font("helvetica", "", 10)
    for row in rows:
        height = pitch * max(len(c) for c in row) + 8
        for col, lines in enumerate(row):
            for i, line in enumerate(lines):
                pdf.text(xs[col] + 4, y + 14 + i * pitch, line)
        pdf.line(left, y, xs[-1], y)
        y += height
    pdf.line(left, y, xs[-1], y)
    for x in xs:
        pdf.line(x, top, x, y)
    return y


def test_ruled_table_is_read_as_cells_in_order_with_text(tmp_path: Path) -> None:
    pdf = new_pdf()
    pdf.add_page()
    pdf.set_font("helvetica", "B", 12)
    pdf.text(60, 60, "REFERAT - NETVÆRKSMØDE")
    rows = [
        [["Dagsordenspunkt"], ["Referat (hovedpunkter)"]],
        [
            ["1. Velkommen og kort intro", "til mødet"],
            ["Samme dag er møde i", "styregruppen for", "rammeaftaler"],
        ],
        [["2. Eventuelt"], ["Intet"]],
    ]
    bottom = draw_table(pdf, 80, rows, [240, 240])
    pdf.set_font("helvetica", "", 10)
    pdf.text(60, bottom + 30, "Næste møde 28. maj")
    path = tmp_path / "table.pdf"
    pdf.output(str(path))
    raw = read(path)
    assert raw.blocks[0].text == "REFERAT - NETVÆRKSMØDE"
    cells = [(b.table, b.row, b.col, b.text) for b in raw.blocks if b.kind == TABLE_CELL]
    assert cells == [
        (0, 0, 0, "Dagsordenspunkt"),
        (0, 0, 1, "Referat (hovedpunkter)"),
        (0, 1, 0, "1. Velkommen og kort intro\ntil mødet"),
        (0, 1, 1, "Samme dag er møde i\nstyregruppen for\nrammeaftaler"),
        (0, 2, 0, "2. Eventuelt"),
        (0, 2, 1, "Intet"),
    ]
    assert raw.blocks[-1].text == "Næste møde 28. maj"
    assert raw.blocks[-1].kind == PARA


def test_table_continued_on_next_page_keeps_index_and_drops_repeated_header(
    tmp_path: Path,
) -> None:
    pdf = new_pdf()
    header = [["Punkt"], ["Referat"]]
    pdf.add_page()
    draw_table(pdf, 700, [header, [["1. Velkommen"], ["Godkendt"]]], [200, 200])
    pdf.add_page()
    draw_table(pdf, 60, [header, [["2. Økonomi"], ["Taget til efterretning"]]], [200, 200])
    path = tmp_path / "cont.pdf"
    pdf.output(str(path))
    raw = read(path)
    cells = [(b.page, b.table, b.row, b.col, b.text) for b in raw.blocks if b.kind == TABLE_CELL]
    assert cells == [
        (1, 0, 0, 0, "Punkt"),
        (1, 0, 0, 1, "Referat"),
        (1, 0, 1, 0, "1. Velkommen"),
        (1, 0, 1, 1, "Godkendt"),
        (2, 0, 2, 0, "2. Økonomi"),
        (2, 0, 2, 1, "Taget til efterretning"),
    ]
    assert raw.meta["continued_tables"] == "1"
    assert raw.meta["repeated_header_rows"] == "1"
    assert raw.meta["page_break_rows"] == "0:2"


def test_single_column_frame_is_not_a_table(tmp_path: Path) -> None:
    pdf = new_pdf()
    pdf.add_page()
    pdf.rect(40, 40, 515, 760)  # a page frame
    pdf.line(40, 90, 555, 90)  # with a header band
    pdf.set_font("helvetica", "", 11)
    pdf.text(60, 120, "1 - Velkommen v/leder")
    pdf.text(60, 140, "Leder ønsker velkommen")
    path = tmp_path / "frame.pdf"
    pdf.output(str(path))
    assert body(read(path)) == [(PARA, "1 - Velkommen v/leder"), (PARA, "Leder ønsker velkommen")]


def test_running_header_and_page_numbers_are_furniture(tmp_path: Path) -> None:
    pdf = new_pdf()
    pages = 4
    for n in range(1, pages + 1):
        pdf.add_page()
        pdf.set_font("helvetica", "", 8)
        pdf.text(60, 40, "Driftsforum Voksenpsykiatri")
        pdf.text(480, 40, f"Side {n} af {pages}")
        pdf.set_font("helvetica", "", 11)
        pdf.text(60, 100, f"Bilag {n + 4}")  # at the same place on every page: body
        pdf.text(60, 400, "Beslutning:")  # repeats on every page, but mid-page: body
        pdf.set_font("helvetica", "", 8)
        pdf.text(290, 810, str(n))
    path = tmp_path / "furniture.pdf"
    pdf.output(str(path))
    raw = read(path)
    sources = {(b.page, b.text): b.source for b in raw.blocks}
    for n in range(1, pages + 1):
        assert sources[(n, f"Driftsforum Voksenpsykiatri\tSide {n} af {pages}")] == "header"
        assert sources[(n, str(n))] == "footer"
        assert sources[(n, f"Bilag {n + 4}")] == "body"
        assert sources[(n, "Beslutning:")] == "body"
    assert "Side" not in raw.text()


def test_turned_text_is_a_margin_label_unless_it_is_the_page(tmp_path: Path) -> None:
    pdf = new_pdf()
    pdf.add_page()
    pdf.set_font("helvetica", "", 11)
    pdf.text(72, 100, "Brødtekst på siden, den egentlige tekst")
    with pdf.rotation(90, 30, 700):
        pdf.set_font("helvetica", "", 7)
        pdf.text(30, 700, "Dok.nr. 2012-202935")
    pdf.add_page()
    pdf.set_font("helvetica", "", 11)
    with pdf.rotation(90, 100, 700):
        pdf.text(100, 700, "En hel side skrevet på tværs af papiret")
        pdf.text(100, 715, "med to linjer tekst")
    path = tmp_path / "turned.pdf"
    pdf.output(str(path))
    raw = read(path)
    assert [(b.page, b.source, b.text) for b in raw.blocks] == [
        (1, "body", "Brødtekst på siden, den egentlige tekst"),
        (1, "footer", "Dok.nr. 2012-202935"),
        (2, "body", "En hel side skrevet på tværs af papiret"),
        (2, "body", "med to linjer tekst"),
    ]


def test_page_number_patterns() -> None:
    for text in [
        "Side 1 af 8",
        "Side 8 af 12 sider",
        "3 of 5",
        "Side 3",
        "3",
        "- 3 -",
        "3/4",
        "Page 2",
    ]:
        assert PAGE_NUMBER.match(text), text
    for text in ["2019", "1. Velkommen", "Side", "2021-22", "Punkt 3"]:
        assert not PAGE_NUMBER.match(text), text


def test_metadata(tmp_path: Path) -> None:
    pdf = new_pdf()
    pdf.set_title("Referat af bestyrelsesmøde")
    pdf.set_author("Sekretariatet")
    pdf.set_creation_date(datetime.datetime(2021, 3, 26, 9, 30, 0))
    pdf.set_producer("Referatværktøj 1.0")
    pdf.add_page()
    pdf.set_font("helvetica", "", 11)
    pdf.text(72, 100, "Tekst")
    path = tmp_path / "meta.pdf"
    pdf.output(str(path))
    meta = read(path).meta
    assert meta["title"] == "Referat af bestyrelsesmøde"
    assert meta["author"] == "Sekretariatet"
    assert meta["created"].startswith("2021-03-26T09:30")
    assert meta["producer"] == "Referatværktøj 1.0"


# --- bad input ------------------------------------------------------------------------


def test_pages_without_text_are_a_scan(tmp_path: Path) -> None:
    pdf = new_pdf()
    for _ in range(2):
        pdf.add_page()
        pdf.rect(100, 100, 300, 400, style="F")  # an image would do the same
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(ReadError, match=r"^no text layer \(scanned PDF\?\)$"):
        read(path)


def test_some_pages_without_text_give_a_warning(tmp_path: Path) -> None:
    pdf = new_pdf()
    pdf.add_page()
    pdf.set_font("helvetica", "", 11)
    pdf.text(72, 100, "Tekst")
    pdf.add_page()
    path = tmp_path / "half.pdf"
    pdf.output(str(path))
    raw = read(path)
    assert raw.pages == 2
    assert raw.warnings == ["no text on page(s) 2 (scanned pages?)"]


def test_encrypted_pdf(tmp_path: Path) -> None:
    pdf = new_pdf()
    pdf.add_page()
    pdf.set_font("helvetica", "", 11)
    pdf.text(72, 100, "Hemmeligt")
    pdf.set_encryption(owner_password="ejer", user_password="bruger")
    path = tmp_path / "enc.pdf"
    pdf.output(str(path))
    with pytest.raises(ReadError, match=r"^encrypted PDF \(password required\)$"):
        read(path)


def test_permissions_only_encryption_is_readable(tmp_path: Path) -> None:
    pdf = new_pdf()
    pdf.add_page()
    pdf.set_font("helvetica", "", 11)
    pdf.text(72, 100, "Åbent referat")
    pdf.set_encryption(owner_password="ejer")
    path = tmp_path / "owner.pdf"
    pdf.output(str(path))
    assert read(path).text() == "Åbent referat"


def test_truncated_and_random_pdfs(tmp_path: Path) -> None:
    pdf = new_pdf()
    pdf.add_page()
    pdf.set_font("helvetica", "", 11)
    pdf.text(72, 100, "Tekst")
    whole = bytes(pdf.output())
    truncated = tmp_path / "trunc.pdf"
    truncated.write_bytes(whole[: len(whole) // 3])
    random = tmp_path / "random.pdf"
    random.write_bytes(bytes(range(256)) * 8)
    for path in (truncated, random):
        with pytest.raises(ReadError, match=r"^not a PDF \(damaged or truncated file\)$"):
            read(path)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=3000), prefix=st.booleans())
def test_arbitrary_bytes_give_read_error_or_document(
    tmp_path: Path, data: bytes, prefix: bool
) -> None:
    path = tmp_path / "x.pdf"
    path.write_bytes((b"%PDF-1.4\n" if prefix else b"") + data)
    try:
        assert isinstance(read_pdf(path), RawDocument)
    except ReadError as e:
        assert "\n" not in str(e)


# --- real documents -------------------------------------------------------------------


@pytest.mark.shared
def test_sample_000_two_columns_do_not_interleave(samples_dir: Path) -> None:
    raw = read(next(samples_dir.glob("000_*/*.pdf")))
    cells = [b for b in raw.blocks if b.kind == TABLE_CELL]
    assert (cells[0].text, cells[1].text) == ("Dagsordenspunkt", "Referat (hovedpunkter)")
    left = " ".join(b.text for b in cells if b.col == 0)
    right = " ".join(b.text for b in cells if b.col == 1)
    assert "2. Kort orientering" in left and "Samme dag er møde" not in left
    assert "Samme dag er møde i styregruppen" in right and "Kort orientering" not in right
    assert len({b.table for b in cells}) == 1  # continued over three pages


@pytest.mark.shared
def test_sample_004_page_numbers_are_headers(samples_dir: Path) -> None:
    raw = read(next(samples_dir.glob("004_*/*.pdf")))
    headers = [b.text for b in raw.blocks if b.source == "header"]
    assert headers == [f"Side {n} af {raw.pages}" for n in range(1, raw.pages + 1)]
    assert "Side 1 af" not in raw.text()
    assert "1. Opfølgning på møderne" in raw.text()


@pytest.mark.shared
def test_samples_pdf_text_matches_docx(samples_dir: Path) -> None:
    """The PDF (LibreOffice from the DOCX) must give the same words as the DOCX."""
    for folder in sorted(samples_dir.glob("0*")):
        pdf_words = _words(read(next(folder.glob("*.pdf"))))
        docx_words = _words(read(next(folder.glob("*.docx"))))
        common = len(set(pdf_words) & set(docx_words))
        assert common >= 0.97 * len(set(docx_words)), folder.name


def _words(raw: RawDocument) -> list[str]:
    text = raw.text().replace("-\n", "")
    return re.findall(r"\w{3,}", text.lower())


@pytest.mark.shared
def test_realworld_dropped_spaces_and_word_per_line(realworld_dir: Path) -> None:
    for name in ("851-*.pdf", "849-*.pdf"):
        raw = read(next((realworld_dir / "dotkom").glob(name)))
        words = raw.text().split()
        # Glued words would show as very long tokens; one word per line as short lines.
        assert max(len(w) for w in words if w.isalpha()) < 30, name
        lines = [b.text for b in raw.blocks if b.kind == PARA and b.source == "body"]
        assert sum(len(t.split()) for t in lines) / len(lines) > 4, name
    text = read(next((realworld_dir / "dotkom").glob("851-*.pdf"))).text()
    assert "Godkjenning av saksliste" in text


@pytest.mark.shared
def test_realworld_scan_has_no_text_layer(realworld_dir: Path) -> None:
    with pytest.raises(ReadError, match="no text layer"):
        read(next((realworld_dir / "dotkom").glob("115-*.pdf")))


@pytest.mark.shared
def test_realworld_running_headers(realworld_dir: Path) -> None:
    raw = read(realworld_dir / "os2dagsorden" / "Sundheds- og Forebyggelsesudvalget.pdf")
    headers = [b.text for b in raw.blocks if b.source == "header"]
    assert headers.count("Sundheds- og Forebyggelsesudvalget") == raw.pages
    assert "Side 3" in headers
    assert "1. Meddelelser" in raw.text()


@pytest.mark.shared
def test_reading_speed(realworld_dir: Path) -> None:
    path = realworld_dir / "aarhus" / "Aarhus_Byråd-Aarhus_Byråd_den_27._august_2025.pdf"
    start = time.perf_counter()
    raw = read(path)
    seconds = time.perf_counter() - start
    assert raw.pages == 28
    assert raw.pages / seconds > 15  # pdfplumber manages about 10 pages/s here


def test_mismapped_calibri_ligatures_are_repaired() -> None:
    from referatkit.model import Block, RawDocument
    from referatkit.readers.pdf import _repair_ligatures

    raw = RawDocument("x.pdf", "pdf", [Block("et sƟlle år, vi har haŌ held"), Block("łerne buskene, Łukasz")])
    _repair_ligatures(raw)
    assert [b.text for b in raw.blocks] == ["et stille år, vi har haft held", "fjerne buskene, Łukasz"]
    one = RawDocument("y.pdf", "pdf", [Block("Michał Nowak")])
    _repair_ligatures(one)
    assert one.blocks[0].text == "Michał Nowak"  # one kind alone is a real letter


# --- the fast path (runs of one text object) gives what the glyph path gives -----------------


def _both_paths(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[RawDocument, RawDocument]:
    import referatkit.readers.pdf as pdf_reader

    fast = read_pdf(path)
    with monkeypatch.context() as m:
        m.setattr(pdf_reader, "_runs", lambda tp, tf, **kw: None)  # every page by glyphs
        slow = read_pdf(path)
    return fast, slow


def _same(fast: RawDocument, slow: RawDocument) -> None:
    assert [b.to_dict() for b in fast.blocks] == [b.to_dict() for b in slow.blocks]
    assert (fast.pages, fast.meta, fast.warnings) == (slow.pages, slow.meta, slow.warnings)


def test_fast_path_equals_glyph_path_on_the_fixtures(monkeypatch: pytest.MonkeyPatch) -> None:
    pdfs = sorted(Path(__file__).resolve().parent.parent.glob("fixtures/*/*.pdf"))
    assert pdfs
    for path in pdfs:
        _same(*_both_paths(path, monkeypatch))


@pytest.mark.shared
def test_fast_path_equals_glyph_path_on_real_documents(samples_dir: Path, realworld_dir: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    for path in sorted([*samples_dir.glob("*/*.pdf"), *realworld_dir.glob("**/*.pdf")]):
        try:
            fast, slow = _both_paths(path, monkeypatch)
        except ReadError:
            continue  # a scan: no text either way
        _same(fast, slow)


# --- the C helper for glyph facts gives what ctypes gives ----------------------------------


needs_c_helper = pytest.mark.skipif(GLYPH_FACTS != "native",
                                    reason="the C helper is not built here")


def _with_ctypes(path: Path, monkeypatch: pytest.MonkeyPatch) -> RawDocument:
    import referatkit.readers.pdf as pdf_reader

    with monkeypatch.context() as m:
        m.setattr(pdf_reader, "_native_glyphs", None)
        m.setattr(pdf_reader, "_NATIVE_RUNS", None)
        m.setattr(pdf_reader, "_NATIVE_OBJECTS", None)
        m.setattr(pdf_reader, "_NATIVE_LINES", None)
        return read_pdf(path)


def test_the_c_helper_is_built_where_a_compiler_is() -> None:
    """`make install` builds readers/_glyphs.c where cc and Python's headers are at hand;
    the reader falls back to ctypes quietly, so a build that failed shows only here."""
    import sysconfig

    import referatkit.readers.pdf as pdf_reader

    headers = Path(sysconfig.get_paths()["include"], "Python.h").is_file()
    if not (shutil.which("cc") or shutil.which("gcc")) or not headers:
        pytest.skip("no C compiler or Python headers here: the reader uses ctypes")
    assert pdf_reader.GLYPH_FACTS == "native"


@needs_c_helper
def test_the_c_helper_and_ctypes_give_the_same_glyph_facts(tmp_path: Path) -> None:
    import ctypes

    import pypdfium2 as pdfium

    import referatkit.readers.pdf as pdf_reader

    pdf = new_pdf()
    pdf.add_page()
    pdf.set_font("helvetica", "B", 14)
    pdf.text(72, 80, "Referat - æøå ÆØÅ")
    pdf.set_font("helvetica", "", 10)
    pdf.text(72, 110, "Ad 1) Godkendelse af dagsorden")
    pdf.text(300, 110, "kolonne")
    path = tmp_path / "facts.pdf"
    pdf.output(str(path))
    doc = pdfium.PdfDocument(path)
    try:
        tp = doc[0].get_textpage()
        tpa = ctypes.cast(tp.raw, ctypes.c_void_p).value
        n = pdfium.raw.FPDFText_CountChars(tp.raw)
        assert n > 40
        keys, boxes, generated = pdf_reader._glyph_facts(tpa, n)
        c_keys, c_boxes, c_generated = pdf_reader._glyph_facts(tpa, n, native=False)
        assert (keys, boxes) == (c_keys, c_boxes)
        assert [generated[i] for i in range(n)] == [c_generated[i] for i in range(n)]
        assert len(boxes) == 4 * n
        # three text objects; only pdfium's own spaces and line ends belong to none
        assert len(set(keys) - {0}) == 3
        assert all(k or generated[i] for i, k in enumerate(keys))
    finally:
        doc.close()


def _runs_both_ways(path: Path, max_pages: int = 1000) -> list[tuple[object, object]]:
    """Per page (the first ``max_pages``) and for both settings of ``centres``: the C
    loop's runs and the Python loop's, as comparable values."""
    import dataclasses

    import pypdfium2 as pdfium

    import referatkit.readers.pdf as pdf_reader

    def plain(result: tuple[list[object], int, int] | None) -> object:
        if result is None:
            return None
        runs, visible, unmapped = result
        return [dataclasses.astuple(r) for r in runs], visible, unmapped  # type: ignore[call-overload]

    pairs = []
    doc = pdfium.PdfDocument(path)
    try:
        for index in range(min(len(doc), max_pages)):
            page = doc[index]
            transform = pdf_reader._Transform(page)
            textpage = page.get_textpage()
            for centres in (False, True):
                pairs.append((plain(pdf_reader._runs(textpage.raw, transform, centres=centres)),
                              plain(pdf_reader._runs_py(textpage.raw, transform,
                                                        centres=centres))))
            textpage.close()
            page.close()
    finally:
        doc.close()
    return pairs


@needs_c_helper
def test_the_c_loop_gives_the_runs_of_the_python_loop(tmp_path: Path) -> None:
    """Glyph for glyph: a page of plain text with a tab gap, one with a soft hyphen and a
    double space, one the fast path gives up on (runs of one line overlapping)."""
    pdf = new_pdf()
    pdf.add_page()
    pdf.set_font("helvetica", "B", 14)
    pdf.text(72, 80, "Referat - æøå ÆØÅ")
    pdf.set_font("helvetica", "", 10)
    pdf.text(72, 110, "Ad 1) Godkendelse af dagsorden")
    pdf.text(300, 110, "kolonne    langt ude")
    pdf.add_page()
    pdf.set_font("helvetica", "", 11)
    pdf.text(72, 100, "- punkt med bin\u00addestreg og  to mellemrum")
    pdf.add_page()
    pdf.set_font("helvetica", "", 11)
    pdf.text(72, 100, "Punkt")
    pdf.text(90, 100, "fire")
    path = tmp_path / "runs.pdf"
    pdf.output(str(path))
    pairs = _runs_both_ways(path)
    assert len(pairs) == 6
    for native, python in pairs:
        assert native == python
    assert pairs[0][0] is not None


@needs_c_helper
def test_the_c_loop_gives_the_runs_of_the_python_loop_on_the_fixtures() -> None:
    pdfs = sorted(Path(__file__).resolve().parent.parent.glob("fixtures/*/*.pdf"))
    assert pdfs
    for path in pdfs:
        for native, python in _runs_both_ways(path):
            assert native == python, path


@needs_c_helper
def test_the_c_loop_reads_text_object_facts_as_the_python_reader_does(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Font size, boldness, uprightness and unmapped fonts per text object: computed in the
    C loop (the facts spec) or asked of _FactsReader per object, the same runs."""
    import referatkit.readers.pdf as pdf_reader

    def runs(path: Path) -> list[object]:
        # (a text object's address, the run's key, differs from one opening to the next)
        return [None if native is None else ([r[1:] for r in native[0]], *native[1:])
                for native, _ in _runs_both_ways(path)]

    assert pdf_reader._NATIVE_FACTS
    pdfs = sorted(Path(__file__).resolve().parent.parent.glob("fixtures/*/*.pdf"))
    for path in pdfs:
        in_c = runs(path)
        with monkeypatch.context() as m:
            m.setattr(pdf_reader, "_NATIVE_FACTS", False)
            asked = runs(path)
        assert in_c == asked, path


@needs_c_helper
def test_the_c_helper_makes_the_lines_of_the_python_function() -> None:
    """_run_lines in C and in Python: lines of the fixtures' pages, and the cases where
    both give up (runs overlapping on a line, a fake-bold twin, baselines that disagree)."""
    import pypdfium2 as pdfium

    import referatkit.readers.pdf as pdf_reader

    native = pdf_reader._NATIVE_LINES
    assert native is not None

    def both(runs: list[object]) -> tuple[object, object]:
        args = (pdf_reader._Line, pdf_reader.BASELINE_TOL_EM, pdf_reader.SPACE_GAP_EM,
                pdf_reader.TAB_GAP_EM, pdf_reader.DUPLICATE_OVERLAP)
        return native(list(runs), *args), pdf_reader._run_lines_py(list(runs))

    pages = 0
    for path in sorted(Path(__file__).resolve().parent.parent.glob("fixtures/*/*.pdf")):
        doc = pdfium.PdfDocument(path)
        try:
            for index in range(len(doc)):
                page = doc[index]
                textpage = page.get_textpage()
                got = pdf_reader._runs(textpage.raw, pdf_reader._Transform(page))
                textpage.close()
                page.close()
                if got is not None:
                    c_lines, py_lines = both(got[0])
                    assert c_lines == py_lines, (path, index)
                    pages += 1
        finally:
            doc.close()
    assert pages > 50

    def run(key: int, x0: float, text: str, base: float = 100.0, size: float = 10.0,
            visible: int = 1) -> object:
        x1 = x0 + 6 * len(text)
        return pdf_reader._Run(key, size, False, base, text, visible=visible, min_x0=x0,
                               max_x0=x1 - 6, first=(text[0], x0, x0 + 6),
                               last=(text[-1], x1 - 6, x1), x1=x1, top=base - 8,
                               bottom=base + 2)

    cases = [
        [],
        [run(1, 10, "Punkt"), run(2, 60, "fire"), run(3, 200, "langt ude")],  # space, tab
        [run(1, 10, "Punkt"), run(2, 20, "fire")],  # overlapping runs: None
        [run(1, 10, "Bold"), run(2, 29, "dBold")],  # a fake-bold twin: None
        [run(1, 10, "a", base=100), run(2, 40, "b", base=100), run(3, 10, "c", base=102),
         run(4, 60, "d", base=100.0)],
        [run(1, 10, "x", base=100), run(2, 10, "y", base=102, size=1),
         run(3, 40, "z", base=102, size=30)],  # one baseline joins, the other not: None
        [run(1, 10, " ", visible=0), run(2, 30, "ord")],
        [run(1, 10, "ét", base=100), run(2, 10, "to", base=140)],  # two lines, by top
    ]
    for runs in cases:
        c_lines, py_lines = both(runs)
        assert c_lines == py_lines, runs
    assert both(cases[2]) == (None, None) and both(cases[3]) == (None, None)
    assert both(cases[5]) == (None, None)
    assert [ln.text for ln in both(cases[1])[0]] == ["Punkt fire\tlangt ude"]


@pytest.mark.shared
@needs_c_helper
def test_the_c_loop_gives_the_runs_of_the_python_loop_on_real_documents(
        samples_dir: Path, realworld_dir: Path) -> None:
    # The first pages of each: whole documents are compared through read_pdf above.
    for path in sorted([*samples_dir.glob("*/*.pdf"), *realworld_dir.glob("**/*.pdf")]):
        try:
            pairs = _runs_both_ways(path, max_pages=3)
        except Exception:  # noqa: BLE001 - a file pdfium cannot open is read_pdf's business
            continue
        for native, python in pairs:
            assert native == python, path


@needs_c_helper
def test_the_c_helper_reads_the_fixtures_as_ctypes_does(monkeypatch: pytest.MonkeyPatch) -> None:
    pdfs = sorted(Path(__file__).resolve().parent.parent.glob("fixtures/*/*.pdf"))
    assert pdfs
    for path in pdfs:
        _same(read_pdf(path), _with_ctypes(path, monkeypatch))


@pytest.mark.shared
@needs_c_helper
def test_the_c_helper_reads_real_documents_as_ctypes_does(
        samples_dir: Path, realworld_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for path in sorted([*samples_dir.glob("*/*.pdf"), *realworld_dir.glob("**/*.pdf")]):
        try:
            native = read_pdf(path)
        except ReadError:
            continue  # a scan: no text either way
        _same(native, _with_ctypes(path, monkeypatch))


def test_fast_path_leaves_hard_pages_to_the_glyph_path(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs of one line that overlap, and turned text: the fast path hands such pages to
    the glyph path, one page each, and the result is the glyph path's."""
    import referatkit.readers.pdf as pdf_reader

    pdf = new_pdf()
    for page in range(3):
        pdf.add_page()
        pdf.set_font("Helvetica", size=12)
        pdf.text(72, 100, "Dagsordenen blev godkendt.")
        if page == 0:
            pdf.text(72, 130, "Punkt")
            pdf.text(90, 130, "fire")  # drawn over the end of "Punkt"
        elif page == 1:
            with pdf.rotation(90, 40, 400):
                pdf.text(40, 400, "Sagsnr. 21/1234")
    path = tmp_path / "hard.pdf"
    pdf.output(str(path))
    by_glyphs: list[int] = []
    real_chars = pdf_reader._chars
    monkeypatch.setattr(pdf_reader, "_chars",
                        lambda tp, tf: by_glyphs.append(1) or real_chars(tp, tf))
    fast = read_pdf(path)
    assert len(by_glyphs) == 2  # the third page is plain
    monkeypatch.setattr(pdf_reader, "_runs", lambda tp, tf, **kw: None)
    _same(fast, read_pdf(path))
