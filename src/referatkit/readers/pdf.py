"""PDF reader: pdfium characters and ruling lines → visual lines, ruled tables, page furniture.

Why pdfium and not pdfplumber: pdfium gives the same characters, boxes and fonts several
times faster (≈70 pages/s on the real-world corpus against ≈10 for pdfplumber's
``extract_words``), and an archive holds tens of thousands of pages. Most pages take a fast
path that handles each run of one text object as a whole instead of a Python object per
glyph (≈2.5× faster); where the optional helper ``_glyphs.c`` is built, that loop over a
page's glyphs runs in C, asking Python only once per text object for its size and boldness
(3.5 against 6.1 ms of CPU per page of the benchmark archive of ``make bench`` with the
loop in Python and ctypes calls for the glyph facts in C, against 1.5 for pypdfium2's bare
``get_text_range``); it gives the same blocks as the glyph path, to which it hands every page it cannot reproduce exactly
(turned text, runs out of order or overlapping on a line, a run across a table ruling).
Tables are found from
the page's path objects with the ruling-line method pdfplumber uses (snap and join strokes,
crossings, smallest cells, cells sharing corners make a table). PDFium is not thread-safe:
documents are read one at a time per process.

What comes out, per page, in reading order (top to bottom):

* one ``PARA`` block per visual line outside tables, with ``x0``, ``font_size`` and
  ``bold`` (every glyph bold); ``BLANK`` where the vertical gap to the previous line is
  clearly larger than the page's usual line gap;
* one ``TABLE_CELL`` block per ruled cell (``table``/``row``/``col``, cells in row order),
  its lines joined by ``"\n"`` (an empty line where the cell has a paragraph gap); a table
  that runs on at the top of the next page with the same columns keeps its index and row
  numbering, and a repeated header row there is dropped (``meta["continued_tables"]``,
  ``meta["repeated_header_rows"]``; ``meta["page_break_rows"]`` lists "table:row" of each
  first row after a page break, which may continue a row Word broke across pages); a
  table drawn inside a cell follows that cell with
  ``nested`` = 1; boxes stacked in a single column (page frames) are not tables;
* running headers/footers and page-number lines in the top/bottom margins, with
  ``source="header"``/``"footer"`` (found by position, repetition and number patterns
  only); text that is not upright (margin labels) as ``source="footer"`` at the page end.

Words are rebuilt from glyph gaps relative to the font size, so PDFs without space
characters (a gap of a third of an em between words) keep their spaces; a gap wider than
:data:`TAB_GAP_EM` becomes ``"\t"`` (tab stops, columns without rulings). Line-end hyphens
stay in the text (the normaliser joins words).
"""

from __future__ import annotations

import bisect
import ctypes
import math
import re
import statistics
import threading
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from referatkit.errors import ReadError
from referatkit.model import BLANK, PARA, TABLE_CELL, Block, RawDocument

# --- words and lines -------------------------------------------------------------------
SPACE_GAP_EM = 0.1  # a glyph gap wider than this share of the font size separates words
TAB_GAP_EM = 2.0  # a gap wider than this (tab stop, unruled column) becomes "\t"
BASELINE_TOL_EM = 0.3  # glyphs whose baselines differ by less than this are on one line
DUPLICATE_OVERLAP = 0.6  # same glyph overlapping its twin by this share: fake-bold overprint
UPRIGHT_TOL_DEG = 10.0  # text rotated more than this is margin text, not body
# --- blank lines ----------------------------------------------------------------------
BLANK_EXTRA_EM = 0.45  # a line gap this much (in em) above the page's usual gap is a BLANK
# --- page furniture -------------------------------------------------------------------
MARGIN_ZONE = 0.18  # top/bottom share of the page height where headers/footers live
FURNITURE_MAX_LINES = 6  # only this many lines at the top/bottom of a page are candidates
FURNITURE_POSITION_TOL = 4.0  # a running header recurs at the same height (points)
PAGE_NUMBER_OFFSET = 2  # printed page numbers may lag the physical ones (unnumbered cover)
REPEAT_MIN_PAGES = 2  # a running header repeats on at least this many pages ...
REPEAT_MIN_SHARE = 0.4  # ... and on at least this share of the pages
# --- ruled tables ---------------------------------------------------------------------
EDGE_MIN_LENGTH = 3.0  # shorter strokes are glyph decoration, not rulings
EDGE_SNAP_TOL = 3.0  # parallel rulings closer than this are one line
EDGE_JOIN_TOL = 3.0  # collinear rulings with a gap smaller than this are one line
EDGE_THIN = 2.0  # a path segment or box thinner than this is a ruling
INTERSECT_TOL = 3.0  # how far a ruling may stop short of a crossing
WHITE_LEVEL = 245  # a path painted only in colours this light (0–255) is invisible on paper
MAX_STROKES = 20_000  # more ruling strokes than this: a drawing or chart, no tables sought
MAX_RULINGS = 1000  # ... nor with more rulings than this once strokes are joined
MAX_FORM_DEPTH = 12  # form XObjects nested deeper than this are not searched for rulings
CONTINUED_COL_TOL = 4.0  # column edges within this many points continue a table
MIN_TABLE_CELLS = 2  # a single ruled box is a frame, not a table (so is a single column)
# --- document level -------------------------------------------------------------------
MIN_TEXT_CHARS = 1  # fewer visible characters in the whole file: no text layer
UNICODE_ERROR_SHARE = 0.3  # share of glyphs without a Unicode mapping that earns a warning

# Glyphs from symbol fonts (Symbol, Wingdings) mapped into the Private Use Area: Word bullets.
PUA_BULLETS = {
    "\uf0b7": "•",
    "\uf0a7": "▪",
    "\uf0a8": "□",
    "\uf06e": "■",
    "\uf0d8": "➢",
    "\uf0fc": "✓",
    "\uf076": "❖",
    "\uf0e0": "→",
    "\uf02d": "-",
    "\uf06f": "o",
}
LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
# Word's PDF export with Calibri maps some ligatures to Latin letters: "sƟlle" (ti), "haŌ" (ft),
# "saƩe" (tt), "łerne" (fj). Real letters elsewhere, so they are replaced only inside words of a
# document where at least two of them occur that way.
MISMAPPED_LIGATURES = {"\u019f": "ti", "\u014c": "ft", "\u01a9": "tt", "\u0142": "fj"}
_MISMAPPED_RE = re.compile("(?<=[a-zæøåA-ZÆØÅ])[" + "".join(MISMAPPED_LIGATURES) + "]|[" + "".join(MISMAPPED_LIGATURES) + "](?=[a-zæøå])")
_MISMAPPED_ANY = re.compile("[" + "".join(MISMAPPED_LIGATURES) + "]")
MISMAPPED_MIN_KINDS = 2
BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demibold|extrabold|ultrabold|,b\b", re.I)
BOLD_WEIGHT = 600
FONT_FLAG_FORCE_BOLD = 1 << 18
RENDER_FILL_STROKE = (2, 6)  # text drawn filled and stroked: synthetic bold
# "Side 1 af 8", "Side 8 af 12 sider", "3 of 5", "Page 3", "3/4", "- 3 -", "3 (3)", "3". A bare
# number has at most three digits: "2019" alone on a title page is a year.
PAGE_NUMBER = re.compile(
    r"""^[-–—(\[]?\s*
    (?:
      (?:side|page|seite|sida|pg\.?|s\.)\s*\d{1,4}
      (?:\s*(?:af|of|av|von|/)\s*\d{1,4})?
    | \d{1,4}\s*(?:af|of|av|von|/)\s*\d{1,4}
    | \d{1,4}\s*\(\d{1,4}\)
    | \d{1,3}
    )
    (?:\s*(?:sider|pages|sidor|seiten))?
    \s*[-–—)\]]?$""",
    re.I | re.X,
)
PDF_DATE = re.compile(r"D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?")

_FPDF_ERRORS = {
    pdfium_c.FPDF_ERR_PASSWORD: "encrypted PDF (password required)",
    pdfium_c.FPDF_ERR_SECURITY: "encrypted PDF (unsupported security handler)",
    pdfium_c.FPDF_ERR_FORMAT: "not a PDF (damaged or truncated file)",
    pdfium_c.FPDF_ERR_FILE: "cannot open PDF file",
}


_PDFIUM_LOCK = threading.Lock()


@dataclass(slots=True)
class _Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    base: float
    size: float
    bold: bool
    obj: int  # the text object drawing it: overprinted twins come from different objects


@dataclass(slots=True)
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    source: str = "body"


@dataclass(slots=True)
class _Cell:
    row: int
    col: int
    x0: float
    top: float
    x1: float
    bottom: float
    lines: list[_Line] = field(default_factory=list)
    nested: list[_Table] = field(default_factory=list)  # tables drawn inside this cell


@dataclass(slots=True)
class _Table:
    x0: float
    top: float
    x1: float
    bottom: float
    cells: list[_Cell]
    col_edges: list[float]  # the x0 of each column, for telling continued tables


@dataclass(slots=True)
class _Page:
    number: int
    height: float
    elements: list[_Line | _Table]  # top to bottom
    margin_text: list[_Line]  # text that is not upright


def read_pdf(path: Path) -> RawDocument:
    """Read a PDF into blocks. Raises :class:`ReadError` with a one-line reason."""
    # PDFium is not thread-safe: one document at a time per process (use processes to
    # read PDFs in parallel).
    with _PDFIUM_LOCK, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            doc = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as e:
            code = getattr(e, "err_code", None)
            raise ReadError(_FPDF_ERRORS.get(code, "not a PDF (damaged or truncated file)")) from e
        try:
            return _read_document(path, doc)
        finally:
            doc.close()


def _read_document(path: Path, doc: pdfium.PdfDocument) -> RawDocument:
    raw = RawDocument(path=str(path), format="pdf")
    raw.meta.update(_metadata(doc))
    n_pages = len(doc)
    raw.pages = n_pages
    if n_pages == 0:
        raise ReadError("empty PDF (no pages)")
    pages: list[_Page] = []
    chars_total = 0
    unmapped_total = 0
    empty_pages: list[int] = []
    failed_pages: list[int] = []
    for index in range(n_pages):
        try:
            page, n_chars, n_unmapped = _read_page(doc, index)
        except pdfium.PdfiumError:
            # One broken page must not cost the whole document.
            failed_pages.append(index + 1)
            continue
        chars_total += n_chars
        unmapped_total += n_unmapped
        if n_chars == 0:
            empty_pages.append(index + 1)
        pages.append(page)
    if chars_total < MIN_TEXT_CHARS:
        if failed_pages and len(failed_pages) == n_pages:
            raise ReadError("damaged PDF (no page could be read)")
        raise ReadError("no text layer (scanned PDF?)")
    if failed_pages:
        raw.warnings.append(
            f"{len(failed_pages)} page(s) could not be read: {_pages(failed_pages)}"
        )
    if empty_pages:
        raw.warnings.append(f"no text on page(s) {_pages(empty_pages)} (scanned pages?)")
    if unmapped_total > UNICODE_ERROR_SHARE * chars_total:
        raw.warnings.append("many glyphs have no Unicode mapping; the text may be garbled")
    _mark_furniture(pages)
    _emit(pages, raw)
    _repair_ligatures(raw)
    return raw


def _repair_ligatures(raw: RawDocument) -> None:
    """Undo the mismapped Calibri ligatures (see :data:`MISMAPPED_LIGATURES`)."""
    # (only blocks holding one of the letters at all: the pattern's lookbehind tried at every
    # position of every block cost a millisecond a document)
    found = {m.group(0) for b in raw.blocks if _MISMAPPED_ANY.search(b.text)
             for m in _MISMAPPED_RE.finditer(b.text)}
    if len(found) < MISMAPPED_MIN_KINDS:
        return
    for b in raw.blocks:
        b.text = _MISMAPPED_RE.sub(lambda m: MISMAPPED_LIGATURES[m.group(0)], b.text)
    raw.warnings.append("ligatures mapped to letters by the PDF's font were repaired")


def _pages(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:10])
    return shown + (" …" if len(numbers) > 10 else "")


# --- metadata -------------------------------------------------------------------------


def _metadata(doc: pdfium.PdfDocument) -> dict[str, str]:
    try:
        info = doc.get_metadata_dict(skip_empty=True)
    except Exception:  # metadata is a courtesy; a broken Info dict must not fail the read
        return {}
    meta: dict[str, str] = {}
    for key, name in (
        ("Title", "title"),
        ("Author", "author"),
        ("Subject", "subject"),
        ("Creator", "creator"),
        ("Producer", "producer"),
    ):
        value = _clean_meta(info.get(key, ""))
        if value:
            meta[name] = value
    for key, name in (("CreationDate", "created"), ("ModDate", "modified")):
        value = _pdf_date(info.get(key, ""))
        if value:
            meta[name] = value
    return meta


def _clean_meta(value: str) -> str:
    return " ".join(value.replace("\x00", "").split())


def _pdf_date(value: str) -> str:
    """``D:20241027195234Z00'00'`` → ``2024-10-27T19:52:34`` (the time zone is dropped)."""
    m = PDF_DATE.match(value.strip())
    if not m:
        return ""
    year, month, day, hour, minute, second = (g or "" for g in m.groups())
    if not month:
        return year
    if not day:
        return f"{year}-{month}"
    date = f"{year}-{month}-{day}"
    if hour:
        date += f"T{hour}:{minute or '00'}:{second or '00'}"
    return date


# --- one page -------------------------------------------------------------------------


def _read_page(doc: pdfium.PdfDocument, index: int) -> tuple[_Page, int, int]:
    page = doc[index]
    try:
        transform = _Transform(page)
        textpage = page.get_textpage()
        try:
            has_text = pdfium_c.FPDFText_CountChars(textpage.raw) > 0
            tables = _find_tables(page.raw, transform) if has_text else []
            fast = _runs(textpage.raw, transform, centres=bool(tables))
            if fast is not None:
                runs, n_visible, n_unmapped = fast
                if not runs:
                    tables = []
                elements = _layout_runs(runs, tables)
                if elements is not None:
                    return _Page(index + 1, transform.height, elements, []), n_visible, n_unmapped
            chars, margin_chars, n_unmapped = _chars(textpage.raw, transform)
        finally:
            textpage.close()
        if not chars:
            tables = []  # (a fast path that gave up left cell lines behind: _layout sets all)
    finally:
        page.close()
    elements = _layout(chars, tables)
    margin_text = _margin_lines(margin_chars)
    upright = sum(1 for c in chars if not c.text.isspace())
    turned = sum(1 for c in margin_chars if not c.isspace())
    if turned > upright:
        # Most of the page is turned (a sideways scan with OCR, a rotated landscape
        # page): that is its body, read in content order, not a margin label.
        for line in margin_text:
            line.source = "body"
    n_chars = upright + turned
    return _Page(index + 1, transform.height, elements, margin_text), n_chars, n_unmapped


class _Transform:
    """Maps PDF user space to the page as displayed: origin top-left, y downwards."""

    def __init__(self, page: pdfium.PdfPage) -> None:
        left, bottom, right, top = page.get_cropbox()
        self.rotation = page.get_rotation() % 360
        self.left, self.bottom, self.right, self.top = left, bottom, right, top
        if self.rotation in (90, 270):
            self.width, self.height = top - bottom, right - left
        else:
            self.width, self.height = right - left, top - bottom

    def point(self, x: float, y: float) -> tuple[float, float]:
        r = self.rotation
        if r == 90:
            return y - self.bottom, x - self.left
        if r == 180:
            return self.right - x, y - self.bottom
        if r == 270:
            return self.top - y, self.right - x
        return x - self.left, self.top - y

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        ax, ay = self.point(x0, y0)
        bx, by = self.point(x1, y1)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


# FPDFText_GetTextObject with a plain address as result: a hashable key per glyph, without
# a ctypes cast for every glyph (the object pointer itself is fetched once per object).
_TEXT_OBJECT_ADDRESS = ctypes.cast(
    pdfium_c.FPDFText_GetTextObject,
    ctypes.CFUNCTYPE(ctypes.c_void_p, pdfium_c.FPDF_TEXTPAGE, ctypes.c_int),
)


@dataclass(slots=True)
class _Facts:
    """What is the same for every glyph of one text object."""

    size: float
    bold: bool
    upright: bool
    unmapped: bool  # the font has no Unicode mapping for its glyphs


def _chars(tp: object, tf: _Transform) -> tuple[list[_Char], list[str], int]:
    """The page's glyphs as displayed; not-upright text separately, in content order."""
    n = pdfium_c.FPDFText_CountChars(tp)
    chars: list[_Char] = []
    margin: list[str] = []
    unmapped = 0
    if n <= 0:
        return chars, margin, unmapped
    codes = _unicode(tp, n)
    rect = pdfium_c.FS_RECTF()
    objects = _FactsReader(tp, tf)
    is_generated = pdfium_c.FPDFText_IsGenerated
    object_address = _TEXT_OBJECT_ADDRESS
    loose_box = pdfium_c.FPDFText_GetLooseCharBox
    char_origin = pdfium_c.FPDFText_GetCharOrigin
    ox, oy = ctypes.c_double(), ctypes.c_double()
    upright_page = tf.rotation == 0
    in_margin = False  # whether the last real glyph was turned text
    left, top_edge = tf.left, tf.top
    for i in range(n):
        code = codes[i]
        if is_generated(tp, i):
            # pdfium's own guesses at spaces and line ends: upright text has its gaps
            # measured instead; turned text, read in content order, takes them.
            if in_margin and code in (10, 32):
                margin.append("\n" if code == 10 else " ")
            continue
        key = object_address(tp, i) or 0
        facts = objects.get(i, key)
        if code in (0, 0xFFFE, 0xFFFF) or (0xD800 <= code <= 0xDFFF) or facts.unmapped:
            unmapped += 1
            if code in (0, 0xFFFE, 0xFFFF) or (0xD800 <= code <= 0xDFFF):
                continue
        if code in (10, 13):
            continue
        text = chr(code)
        if code == 2 or code == 0xAD:  # pdfium's marker for a hyphen at a line end
            text = "-"
        elif code >= 0xF000 or 0xFB00 <= code <= 0xFB04:
            text = PUA_BULLETS.get(text, text)
            text = LIGATURES.get(text, text)
        in_margin = not facts.upright
        if in_margin:
            margin.append(text)
            continue
        loose_box(tp, i, rect)
        char_origin(tp, i, ox, oy)
        base = oy.value
        if upright_page:  # the common case, without the general transform
            chars.append(
                _Char(
                    text,
                    rect.left - left,
                    rect.right - left,
                    top_edge - rect.top,
                    top_edge - rect.bottom,
                    top_edge - base,
                    facts.size,
                    facts.bold,
                    key,
                )
            )
        else:
            x0, top, x1, bottom = tf.box(rect.left, rect.bottom, rect.right, rect.top)
            base = tf.point(ox.value, oy.value)[1]
            chars.append(_Char(text, x0, x1, top, bottom, base, facts.size, facts.bold, key))
    return chars, margin, unmapped


def _unicode(tp: object, n: int) -> list[int]:
    """All code points of the page in one call; per glyph only if astral characters make
    the UTF-16 text longer than the glyph count."""
    buffer = (ctypes.c_ushort * (n + 1))()
    written = pdfium_c.FPDFText_GetText(tp, 0, n, buffer)
    units = list(buffer[:n])
    if written != n + 1 or (max(units) >= 0xD800 and any(0xD800 <= u <= 0xDFFF for u in units)):
        return [pdfium_c.FPDFText_GetUnicode(tp, i) for i in range(n)]
    if 0xFFFE not in units:
        return units
    # GetText writes U+FFFE for the hyphen pdfium marks at a line end (code 2 per glyph).
    return [pdfium_c.FPDFText_GetUnicode(tp, i) if u == 0xFFFE else u for i, u in enumerate(units)]


class _FactsReader:
    """Effective font size, boldness and uprightness of a page's text objects, looked up
    once per object (and whether a font is bold, once per font), with plain-address calls:
    some producers draw every glyph as its own text object."""

    def __init__(self, tp: object, tf: _Transform) -> None:
        self.tp = tp
        self.tpa = ctypes.cast(tp, ctypes.c_void_p).value
        self.tf = tf
        self.matrix = pdfium_c.FS_MATRIX()
        self.matrix_at = ctypes.addressof(self.matrix)
        self.objects: dict[int, _Facts] = {}
        self.bold_fonts: dict[int, bool] = {}

    def get(self, i: int, obj: int) -> _Facts:
        """The facts of glyph *i*'s text object (at address ``obj``, 0 for none)."""
        facts = self.objects.get(obj)
        if facts is None:
            facts = self.objects[obj] = self._read(i, obj)
        return facts

    def _read(self, i: int, obj: int) -> _Facts:
        tpa, m = self.tpa, self.matrix
        size = _FONT_SIZE(tpa, i)
        upright = True
        if _GET_MATRIX(tpa, i, self.matrix_at):
            # The Tf size is scaled by the text and graphics matrices; the vertical scale is it.
            size *= math.hypot(m.c, m.d) or 1.0
            angle = math.degrees(math.atan2(m.b, m.a)) - self.tf.rotation
            upright = abs((angle + 180.0) % 360.0 - 180.0) <= UPRIGHT_TOL_DEG
        bold = False
        if obj:
            font = _FONT_OF(obj)
            if font:
                bold = self.bold_fonts.get(font)  # type: ignore[assignment]
                if bold is None:
                    bold = self.bold_fonts[font] = _font_bold(font)
            if _RENDER_MODE(obj) in RENDER_FILL_STROKE:
                bold = True
        unmapped = bool(_HAS_MAP_ERROR(tpa, i))
        return _Facts(round(size, 1), bold, upright, unmapped)



def _font_bold(address: int) -> bool:
    """Whether the font at ``address`` is bold: by its name, weight or flags."""
    font = ctypes.cast(address, pdfium_c.FPDF_FONT)
    fontbuf = _FONT_NAME_BUFFER  # (one document at a time per process: _PDFIUM_LOCK)
    length = pdfium_c.FPDFFont_GetBaseFontName(font, fontbuf, len(fontbuf))
    name = fontbuf.raw[: max(length - 1, 0)].decode("latin-1", "replace")
    weight = pdfium_c.FPDFFont_GetWeight(font)
    flags = pdfium_c.FPDFFont_GetFlags(font)
    return bool(
        BOLD_NAME.search(name.split("+")[-1])
        or weight >= BOLD_WEIGHT
        or (flags > 0 and flags & FONT_FLAG_FORCE_BOLD)
    )


_FONT_NAME_BUFFER = ctypes.create_string_buffer(256)


def _margin_lines(margin: list[str]) -> list[_Line]:
    text = "".join(margin)
    return [
        _Line(" ".join(part.split()), 0.0, 0.0, 0.0, 0.0, 0.0, False, "footer")
        for part in text.split("\n")
        if part.strip()
    ]


# --- the fast path: whole runs of one text object -------------------------------------
#
# The same lines as _chars + _layout + _lines + _line, without a _Char per glyph: the glyphs
# of one text object that follow each other in content order (a "run": one Tj) share their
# baseline, size and boldness, and lie left to right; a run is measured once, its glyphs
# only as far as the word gaps need. Whatever the fast path cannot reproduce exactly
# (turned text, a rotated page, glyphs out of order, runs of one line that overlap,
# fake-bold twins, a run across a table ruling) sends the page to the glyph path; it is
# checked against the glyph path block for block (tests/test_readers_pdf.py).


@dataclass(slots=True)
class _Run:
    key: int  # the text object
    size: float
    bold: bool
    base: float
    body: str = ""  # the visible text, with the separators inside the run
    lead_ws: bool = False  # whitespace glyphs before its first visible glyph
    trail_ws: bool = False  # ... after its last visible glyph
    visible: int = 0  # visible glyphs
    min_x0: float = 0.0  # of all its glyphs, whitespace included
    max_x0: float = 0.0
    # the first and last visible glyph: (text, x0, x1), for gaps and fake-bold twins
    first: tuple[str, float, float] | None = None
    last: tuple[str, float, float] | None = None
    x1: float = -math.inf  # of the visible glyphs
    top: float = math.inf
    bottom: float = -math.inf
    # where the centres of its glyphs lie (for the table cell it belongs to)
    cx0: float = 0.0
    cx1: float = 0.0
    cy0: float = math.inf
    cy1: float = -math.inf


# The per-glyph calls of the fast path with plain addresses: ctypes' argument checks cost
# as much as pdfium's work here.
_VOID_P_INT = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int)
_IS_GENERATED = ctypes.cast(pdfium_c.FPDFText_IsGenerated, _VOID_P_INT)
_TEXT_OBJECT_AT = ctypes.cast(
    pdfium_c.FPDFText_GetTextObject,
    ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int),
)
_LOOSE_BOX = ctypes.cast(
    pdfium_c.FPDFText_GetLooseCharBox,
    ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p),
)
_FONT_SIZE = ctypes.cast(pdfium_c.FPDFText_GetFontSize,
                         ctypes.CFUNCTYPE(ctypes.c_double, ctypes.c_void_p, ctypes.c_int))
_GET_MATRIX = ctypes.cast(
    pdfium_c.FPDFText_GetMatrix,
    ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p),
)
_HAS_MAP_ERROR = ctypes.cast(pdfium_c.FPDFText_HasUnicodeMapError, _VOID_P_INT)
_FONT_OF = ctypes.cast(pdfium_c.FPDFTextObj_GetFont,
                       ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p))
_RENDER_MODE = ctypes.cast(pdfium_c.FPDFTextObj_GetTextRenderMode,
                           ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p))


try:  # the optional C helper (readers/_glyphs.c), built where a compiler is at hand
    from referatkit.readers import _glyphs as _native_glyphs
except ImportError:  # pragma: no cover - depends on the machine that installed the package
    _native_glyphs = None

# Whether glyph facts come from the C helper ("native") or from ctypes calls ("ctypes").
GLYPH_FACTS = "native" if _native_glyphs is not None else "ctypes"
# The C form of _runs_py (None from a helper built before it had one: the Python loop).
_NATIVE_RUNS = getattr(_native_glyphs, "runs", None)

_FETCH_FUNCTIONS = tuple(
    ctypes.cast(f, ctypes.c_void_p).value or 0
    for f in (pdfium_c.FPDFText_IsGenerated, pdfium_c.FPDFText_GetTextObject,
              pdfium_c.FPDFText_GetLooseCharBox)
)


# The C form of _run_lines_py (None from a helper built before it had one).
_NATIVE_LINES = getattr(_native_glyphs, "lines", None)
# Whether the C loop also reads the text objects' facts (a helper built before answers no).
_NATIVE_FACTS = getattr(_native_glyphs, "FACTS_API", 0) >= 1
_FACTS_FUNCTIONS = tuple(
    ctypes.cast(f, ctypes.c_void_p).value or 0
    for f in (pdfium_c.FPDFText_GetFontSize, pdfium_c.FPDFText_GetMatrix,
              pdfium_c.FPDFTextObj_GetFont, pdfium_c.FPDFTextObj_GetTextRenderMode,
              pdfium_c.FPDFText_HasUnicodeMapError)
)

# The C helper's list of a page's paths and forms (None from a helper built before it had one).
_NATIVE_OBJECTS = getattr(_native_glyphs, "objects", None)
_OBJECT_FUNCTIONS = tuple(
    ctypes.cast(f, ctypes.c_void_p).value or 0
    for f in (pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject,
              pdfium_c.FPDFPageObj_GetType)
)
_RUN_FUNCTIONS = _FETCH_FUNCTIONS + tuple(
    ctypes.cast(f, ctypes.c_void_p).value or 0
    for f in (pdfium_c.FPDFText_GetText, pdfium_c.FPDFText_GetUnicode,
              pdfium_c.FPDFText_GetCharOrigin)
)
# What a glyph from the Private Use Area or a ligature reads as (the C loop's form of the
# two tables, applied in the order the glyph path applies them).
_REPLACED = {
    ord(k): LIGATURES.get(PUA_BULLETS.get(k, k), PUA_BULLETS.get(k, k))
    for k in (*PUA_BULLETS, *LIGATURES)
}


class _Generated:
    """Whether pdfium generated glyph *i*, asked when needed (the ctypes form: only spaces
    and line ends are ever asked about)."""

    __slots__ = ("tpa",)

    def __init__(self, tpa: int) -> None:
        self.tpa = tpa

    def __getitem__(self, i: int) -> int:
        return _IS_GENERATED(self.tpa, i)


def _glyph_facts(tpa: int, n: int,
                 native: bool = True) -> tuple[list[int], list[float], bytes | _Generated]:
    """Per glyph of the text page at address ``tpa``: its text object's address (0 for
    none), its loose box as four numbers in a flat list (left, top, right, bottom, in page
    space), and whether pdfium generated it. From the C helper when it is built and
    ``native``; else by a ctypes call per glyph, giving the same values."""
    if native and _native_glyphs is not None:
        keys, boxes, generated = _native_glyphs.fetch(tpa, n, *_FETCH_FUNCTIONS)
        return memoryview(keys).cast("Q").tolist(), memoryview(boxes).cast("f").tolist(), \
            generated
    object_at, loose_box = _TEXT_OBJECT_AT, _LOOSE_BOX
    rect = pdfium_c.FS_RECTF()
    rect_at = ctypes.addressof(rect)
    flat: list[float] = []
    add = flat.extend
    for i in range(n):
        loose_box(tpa, i, rect_at)
        add((rect.left, rect.top, rect.right, rect.bottom))
    return [object_at(tpa, i) or 0 for i in range(n)], flat, _Generated(tpa)


def _runs(tp: object, tf: _Transform, *,
          centres: bool = True) -> tuple[list[_Run], int, int] | None:
    """The page's glyphs as runs, or None when the page needs the glyph path. The same
    glyphs, in the same order, with the same tests as :func:`_chars`. ``centres``: where the
    glyphs' centres lie is needed (the page has tables). From the C helper's loop where it
    is built (a third of the reading time of a page of minutes), else :func:`_runs_py`."""
    if _NATIVE_RUNS is None:
        return _runs_py(tp, tf, centres=centres)
    if tf.rotation != 0:
        return None
    n = pdfium_c.FPDFText_CountChars(tp)
    if n <= 0:
        return [], 0, 0
    tpa = ctypes.cast(tp, ctypes.c_void_p).value
    if _NATIVE_FACTS:
        # size, boldness and uprightness per text object in C too; whether a font is bold
        # (its name) here, once per font of the page
        facts: object = (*_FACTS_FUNCTIONS, {}, _font_bold, UPRIGHT_TOL_DEG,
                         *RENDER_FILL_STROKE)
    else:
        objects = _FactsReader(tp, tf)

        def facts(i: int, key: int) -> tuple[float, bool, bool, bool]:  # type: ignore[misc]
            f = objects.get(i, key)
            return f.size, f.bold, f.upright, f.unmapped

    return _NATIVE_RUNS(tpa, n, _RUN_FUNCTIONS, facts, _REPLACED, _Run,
                        centres, tf.left, tf.top, SPACE_GAP_EM, TAB_GAP_EM)


def _runs_py(tp: object, tf: _Transform, *,
             centres: bool = True) -> tuple[list[_Run], int, int] | None:
    """:func:`_runs` with a ctypes call per glyph (where the C helper is not built)."""
    if tf.rotation != 0:
        return None
    n = pdfium_c.FPDFText_CountChars(tp)
    if n <= 0:
        return [], 0, 0
    codes = _unicode(tp, n)
    tpa = ctypes.cast(tp, ctypes.c_void_p).value or 0
    keys, boxes, generated = _glyph_facts(tpa, n)
    objects = _FactsReader(tp, tf)
    char_origin = pdfium_c.FPDFText_GetCharOrigin
    ox, oy = ctypes.c_double(), ctypes.c_double()
    left, top_edge = tf.left, tf.top
    inf = math.inf
    runs: list[_Run] = []
    unmapped = visible = 0
    fkey = -1  # the object whose facts are at hand
    f_unmapped = f_upright = False
    facts: _Facts | None = None
    # The open run, kept in locals while it grows (see _Run for the meaning).
    run: _Run | None = None
    current = -1
    parts: list[str] = []
    pending = lead_ws = False
    r_visible = 0
    r_max_x0 = r_cx1 = r_last_x0 = r_last_x1 = 0.0
    r_cy0, r_cy1, r_x1, r_top, r_bottom = inf, -inf, -inf, inf, -inf
    r_first: tuple[str, float, float] | None = None
    r_last = ""
    cx = cy = 0.0
    for i in range(n):
        code = codes[i]
        if code <= 32 and (code == 32 or code == 10 or code == 13) and generated[i]:
            continue  # pdfium's guessed spaces and line ends: upright gaps are measured
        key = keys[i]
        if key != fkey:
            facts = objects.get(i, key)
            fkey, f_unmapped, f_upright = key, facts.unmapped, facts.upright
        if code == 0 or code >= 0xD800:
            if code == 0 or code == 0xFFFE or code == 0xFFFF or code <= 0xDFFF:
                unmapped += 1
                continue
            if f_unmapped:
                unmapped += 1
            text = chr(code)
            text = PUA_BULLETS.get(text, text)
            text = LIGATURES.get(text, text)
        else:
            if f_unmapped:
                unmapped += 1
            if code == 10 or code == 13:
                continue
            text = "-" if code == 2 or code == 0xAD else chr(code)
        if not f_upright:
            return None  # margin labels are read in content order: the glyph path does it
        j = 4 * i
        x0 = boxes[j] - left
        top = top_edge - boxes[j + 1]
        x1 = boxes[j + 2] - left
        bottom = top_edge - boxes[j + 3]
        if centres:
            cx = (x0 + x1) / 2
            cy = (top + bottom) / 2
        if key != current:
            if run is not None:
                _close_run(run, parts, pending, lead_ws, r_visible, r_max_x0, r_cx1, r_cy0,
                           r_cy1, r_first, (r_last, r_last_x0, r_last_x1), r_x1, r_top,
                           r_bottom)
            assert facts is not None
            char_origin(tp, i, ox, oy)
            run = _Run(key, facts.size, facts.bold, top_edge - oy.value, min_x0=x0, cx0=cx)
            runs.append(run)
            current = key
            parts = []
            pending = lead_ws = False
            r_visible = 0
            r_cy0, r_cy1, r_x1, r_top, r_bottom = inf, -inf, -inf, inf, -inf
            r_first = None
        elif x0 < r_max_x0:
            return None  # glyphs of one object out of order: sort them one by one
        r_max_x0 = x0
        if centres:
            r_cx1 = cx
            if cy < r_cy0:
                r_cy0 = cy
            if cy > r_cy1:
                r_cy1 = cy
        if text.isspace():
            if r_visible:
                pending = True
            else:
                lead_ws = True
            continue
        if r_visible:
            gap = x0 - r_last_x1
            if pending or gap > SPACE_GAP_EM:
                assert run is not None
                sep = _separator(gap, run.size, run.size, pending)
                if sep:
                    parts.append(sep)
        else:
            r_first = (text, x0, x1)
        parts.append(text)
        r_visible += 1
        r_last, r_last_x0, r_last_x1 = text, x0, x1
        pending = False
        if x1 > r_x1:
            r_x1 = x1
        if top < r_top:
            r_top = top
        if bottom > r_bottom:
            r_bottom = bottom
    if run is not None:
        _close_run(run, parts, pending, lead_ws, r_visible, r_max_x0, r_cx1, r_cy0, r_cy1,
                   r_first, (r_last, r_last_x0, r_last_x1), r_x1, r_top, r_bottom)
    visible = sum(r.visible for r in runs)
    return runs, visible, unmapped


def _close_run(run: _Run, parts: list[str], pending: bool, lead_ws: bool, visible: int,
               max_x0: float, cx1: float, cy0: float, cy1: float,
               first: tuple[str, float, float] | None, last: tuple[str, float, float],
               x1: float, top: float, bottom: float) -> None:
    run.body = "".join(parts)
    run.lead_ws = lead_ws
    run.trail_ws = pending and visible > 0
    run.visible = visible
    run.max_x0, run.cx1, run.cy0, run.cy1 = max_x0, cx1, cy0, cy1
    run.first = first
    run.last = last if visible else None
    run.x1, run.top, run.bottom = x1, top, bottom


def _layout_runs(runs: list[_Run], tables: list[_Table]) -> list[_Line | _Table] | None:
    """:func:`_layout` for runs; None when the page needs the glyph path."""
    free: list[_Run] = []
    per_cell: dict[int, list[_Run]] = {}
    cells = [cell for t in tables for cell in t.cells]
    for r in runs:
        if cells:
            slots = {_cell_at(tables, cells, x, y)
                     for x in (r.cx0, r.cx1) for y in (r.cy0, r.cy1)}
            if len(slots) != 1:
                return None  # the run crosses a ruling: cut it glyph by glyph
            slot = slots.pop()
        else:
            slot = None
        if slot is None:
            free.append(r)
        else:
            per_cell.setdefault(slot, []).append(r)
    for ci, cell in enumerate(cells):
        lines = _run_lines(per_cell.get(ci, []))
        if lines is None:
            return None
        cell.lines = lines
    free_lines = _run_lines(free)
    if free_lines is None:
        return None
    return _with_tables(free_lines, tables)


def _run_lines(runs: list[_Run]) -> list[_Line] | None:
    """:func:`_lines` for runs (glyphs sorted by baseline then x, a line per baseline). From
    the C helper where it is built (the same lines), else :func:`_run_lines_py`."""
    if _NATIVE_LINES is not None:
        got = _NATIVE_LINES(runs, _Line, BASELINE_TOL_EM, SPACE_GAP_EM, TAB_GAP_EM,
                            DUPLICATE_OVERLAP)
        if got is not NotImplemented:  # (a coordinate that is not a number: Python's order)
            return got  # type: ignore[no-any-return]
    return _run_lines_py(runs)


def _run_lines_py(runs: list[_Run]) -> list[_Line] | None:
    """:func:`_run_lines` in Python."""
    if not runs:
        return []
    runs = sorted(runs, key=lambda r: (r.base, r.min_x0))
    groups: list[list[_Run]] = []
    ref: _Run | None = None
    k = 0
    while k < len(runs):
        # Runs on one baseline interleave glyph by glyph: they must agree on their line.
        level = [runs[k]]
        while k + len(level) < len(runs) and runs[k + len(level)].base == runs[k].base:
            level.append(runs[k + len(level)])
        k += len(level)
        if ref is None:
            joins = {False}
        else:
            joins = {r.base - ref.base <= BASELINE_TOL_EM * max(r.size, ref.size, 1.0)
                     for r in level}
        if len(joins) != 1:
            return None
        if joins.pop():
            groups[-1].extend(level)
        else:
            groups.append(level)
            ref = level[0]
    lines: list[_Line] = []
    for g in groups:
        line = _run_line(g)
        if line is False:
            return None
        if line is not None:
            lines.append(line)
    lines.sort(key=lambda ln: ln.top)
    return lines


def _run_line(group: list[_Run]) -> _Line | None | bool:
    """:func:`_line` for the runs of one line; False when they overlap (the glyph path
    sorts such glyphs one by one)."""
    group.sort(key=lambda r: r.min_x0)
    for a, b in zip(group, group[1:], strict=False):
        if b.min_x0 <= a.max_x0:
            return False
    parts: list[str] = []
    prev: _Run | None = None  # the last run with visible glyphs
    pending = False
    sizes: dict[float, int] = {}
    bold = True
    x0 = top = math.inf
    x1 = bottom = -math.inf
    for r in group:
        if not r.visible:
            pending = pending or prev is not None
            continue
        assert r.first is not None and r.last is not None
        if prev is not None:
            assert prev.last is not None
            text, fx0, _ = r.first
            ptext, px0, px1 = prev.last
            if (text == ptext and r.key != prev.key
                    and px1 - fx0 > DUPLICATE_OVERLAP * max(px1 - px0, 0.1)):
                return False  # a fake-bold twin: the glyph path drops it glyph by glyph
            sep = _separator(fx0 - px1, r.size, prev.size, pending or r.lead_ws)
            if sep:
                parts.append(sep)
        parts.append(r.body)
        sizes[r.size] = sizes.get(r.size, 0) + r.visible
        bold = bold and r.bold
        prev = r
        pending = r.trail_ws
        x0 = min(x0, r.first[1])
        x1 = max(x1, r.x1)
        top = min(top, r.top)
        bottom = max(bottom, r.bottom)
    if prev is None:
        return None
    size = max(sizes, key=lambda s: sizes[s])  # the first of the most common, as Counter
    return _Line(text="".join(parts), x0=x0, x1=x1, top=top, bottom=bottom, size=size,
                 bold=bold)


# --- lines ----------------------------------------------------------------------------


def _lines(chars: list[_Char]) -> list[_Line]:
    """Group glyphs into visual lines by baseline, each read left to right."""
    if not chars:
        return []
    chars = sorted(chars, key=lambda c: (c.base, c.x0))
    groups: list[list[_Char]] = [[chars[0]]]
    ref = chars[0]
    for c in chars[1:]:
        if c.base - ref.base <= BASELINE_TOL_EM * max(c.size, ref.size, 1.0):
            groups[-1].append(c)
        else:
            groups.append([c])
            ref = c
    lines = [line for g in groups if (line := _line(g)) is not None]
    lines.sort(key=lambda ln: ln.top)
    return lines


def _line(group: list[_Char]) -> _Line | None:
    group.sort(key=lambda c: c.x0)
    parts: list[str] = []
    prev: _Char | None = None  # the last visible glyph
    pending_space = False
    sizes: Counter[float] = Counter()
    bold = True
    x0 = top = math.inf
    x1 = bottom = -math.inf
    for c in group:
        if c.text.isspace():
            pending_space = prev is not None
            continue
        if prev is not None:
            if (
                c.text == prev.text
                and c.obj != prev.obj
                and prev.x1 - c.x0 > DUPLICATE_OVERLAP * max(prev.x1 - prev.x0, 0.1)
            ):
                # The same glyph printed twice, slightly shifted, by another text object:
                # fake bold. (A ligature "tt" gives two glyphs at one place in one object.)
                continue
            sep = _separator(c.x0 - prev.x1, c.size, prev.size, pending_space)
            if sep:
                parts.append(sep)
        parts.append(c.text)
        sizes[c.size] += 1
        bold = bold and c.bold
        prev = c
        pending_space = False
        x0 = min(x0, c.x0)
        x1 = max(x1, c.x1)
        top = min(top, c.top)
        bottom = max(bottom, c.bottom)
    if prev is None:
        return None
    return _Line(
        text="".join(parts),
        x0=x0,
        x1=x1,
        top=top,
        bottom=bottom,
        size=sizes.most_common(1)[0][0],
        bold=bold,
    )


def _separator(gap: float, size: float, prev_size: float, pending: bool) -> str:
    """What goes between two visible glyphs ``gap`` points apart on a line (``pending``:
    whitespace glyphs lie between them): nothing, a space, or a tab."""
    if gap > SPACE_GAP_EM:  # cheap test first: most glyphs touch their neighbour
        em = size if size > prev_size else prev_size
        em = em if em > 1.0 else 1.0
        if gap > TAB_GAP_EM * em:
            return "\t"
        if pending or gap > SPACE_GAP_EM * em:
            return " "
        return ""
    return " " if pending else ""


def _layout(chars: list[_Char], tables: list[_Table]) -> list[_Line | _Table]:
    """Put each glyph into the innermost table cell holding it, or the free text; order the
    free lines and the top-level tables by position. A table lying inside another table's
    cell is attached to that cell (``nested``)."""
    free: list[_Char] = []
    per_cell: dict[int, list[_Char]] = {}
    cells = [cell for t in tables for cell in t.cells]
    for c in chars:
        cx, cy = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
        slot = _cell_at(tables, cells, cx, cy)
        if slot is None:
            free.append(c)
        else:
            per_cell.setdefault(slot, []).append(c)
    for ci, cell in enumerate(cells):
        cell.lines = _lines(per_cell.get(ci, []))
    return _with_tables(_lines(free), tables)


def _with_tables(free: list[_Line], tables: list[_Table]) -> list[_Line | _Table]:
    """The free lines and the top-level tables by position; a table lying inside another
    table's cell is attached to that cell (``nested``)."""
    top_level: list[_Table] = []
    for table in tables:
        host = _host_cell(table, tables)
        if host is None:
            top_level.append(table)
        else:
            host.nested.append(table)
    elements: list[_Line | _Table] = [*free, *top_level]
    elements.sort(key=lambda e: e.top)
    return elements


def _cell_at(tables: list[_Table], cells: list[_Cell], x: float, y: float) -> int | None:
    """Index (into *cells*) of the smallest cell containing the point."""
    best: int | None = None
    best_area = math.inf
    start = 0
    for t in tables:
        if t.x0 <= x <= t.x1 and t.top <= y <= t.bottom:
            for ci, cell in enumerate(t.cells, start):
                if cell.x0 <= x <= cell.x1 and cell.top <= y <= cell.bottom:
                    area = (cell.x1 - cell.x0) * (cell.bottom - cell.top)
                    if area < best_area:
                        best, best_area = ci, area
        start += len(t.cells)
    return best


def _host_cell(table: _Table, tables: list[_Table]) -> _Cell | None:
    """The smallest cell of another table that holds *table* entirely."""
    best: _Cell | None = None
    for other in tables:
        if other is table:
            continue
        for cell in other.cells:
            if (
                cell.x0 - INTERSECT_TOL <= table.x0
                and table.x1 <= cell.x1 + INTERSECT_TOL
                and cell.top - INTERSECT_TOL <= table.top
                and table.bottom <= cell.bottom + INTERSECT_TOL
                and (best is None or _area(cell) < _area(best))
            ):
                best = cell
    return best


def _area(cell: _Cell) -> float:
    return (cell.x1 - cell.x0) * (cell.bottom - cell.top)


# --- ruled tables ---------------------------------------------------------------------


def _graphics(page: object) -> list[object]:
    """The page's paths and forms (what can rule a table), in page order."""
    if _NATIVE_OBJECTS is None:
        return [pdfium_c.FPDFPage_GetObject(page, i)
                for i in range(pdfium_c.FPDFPage_CountObjects(page))]
    address = ctypes.cast(page, ctypes.c_void_p).value or 0
    return [ctypes.cast(a, pdfium_c.FPDF_PAGEOBJECT) for a in _NATIVE_OBJECTS(
        address, _OBJECT_FUNCTIONS, pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM)]


def _find_tables(page: object, tf: _Transform) -> list[_Table]:
    horizontal: list[tuple[float, float, float]] = []  # (y, x0, x1)
    vertical: list[tuple[float, float, float]] = []  # (x, top, bottom)
    identity = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    for obj in _graphics(page):
        _collect_edges(obj, identity, tf, horizontal, vertical)
        if len(horizontal) + len(vertical) > MAX_STROKES:
            return []
    if len(horizontal) < 2 or len(vertical) < 2:
        return []
    h_lines = _merge(horizontal)
    v_lines = _merge(vertical)
    if len(h_lines) + len(v_lines) > MAX_RULINGS:
        return []  # the grid search is quadratic; real tables have far fewer rulings
    return _grid_tables(h_lines, v_lines)


Matrix = tuple[float, float, float, float, float, float]


def _mul(m: Matrix, n: Matrix) -> Matrix:
    """m then n (row-vector convention, as in PDF)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _collect_edges(
    obj: object,
    outer: Matrix,
    tf: _Transform,
    horizontal: list[tuple[float, float, float]],
    vertical: list[tuple[float, float, float]],
    depth: int = 0,
) -> None:
    kind = pdfium_c.FPDFPageObj_GetType(obj)
    if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM):
        return
    fm = pdfium_c.FS_MATRIX()
    own: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    if pdfium_c.FPDFPageObj_GetMatrix(obj, fm):
        own = (fm.a, fm.b, fm.c, fm.d, fm.e, fm.f)
    matrix = _mul(own, outer)
    if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
        if depth >= MAX_FORM_DEPTH:
            return
        for j in range(pdfium_c.FPDFFormObj_CountObjects(obj)):
            child = pdfium_c.FPDFFormObj_GetObject(obj, j)
            _collect_edges(child, matrix, tf, horizontal, vertical, depth + 1)
            if len(horizontal) + len(vertical) > MAX_STROKES:
                return
        return
    if not _visible(obj):
        return
    points: list[tuple[float, float]] = []
    start: tuple[float, float] | None = None
    px, py = ctypes.c_float(), ctypes.c_float()
    a, b, c, d, e, f = matrix
    for s in range(pdfium_c.FPDFPath_CountSegments(obj)):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, s)
        if not pdfium_c.FPDFPathSegment_GetPoint(seg, px, py):
            continue
        x, y = px.value, py.value
        point = tf.point(a * x + c * y + e, b * x + d * y + f)
        kind_seg = pdfium_c.FPDFPathSegment_GetType(seg)
        if kind_seg == pdfium_c.FPDF_SEGMENT_MOVETO or not points:
            start = point
        elif kind_seg == pdfium_c.FPDF_SEGMENT_LINETO:
            _add_edge(points[-1], point, horizontal, vertical)
        # Bézier curves (rounded corners, circles) rule nothing.
        points.append(point)
        if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
            _add_edge(point, start, horizontal, vertical)
    _thin_box_edge(points, horizontal, vertical)


def _visible(path: object) -> bool:
    """Whether a path draws something that can be seen on white paper. Invisible helpers
    (clipping paths) and white boxes (OCR layers put one under every word) rule nothing."""
    fill = ctypes.c_int(0)
    stroke = ctypes.c_int(0)
    if not pdfium_c.FPDFPath_GetDrawMode(path, fill, stroke):
        return True
    r, g, b, a = (ctypes.c_uint(0) for _ in range(4))
    if stroke.value and pdfium_c.FPDFPageObj_GetStrokeColor(path, r, g, b, a):
        if a.value and min(r.value, g.value, b.value) < WHITE_LEVEL:
            return True
    elif stroke.value:
        return True
    if fill.value and pdfium_c.FPDFPageObj_GetFillColor(path, r, g, b, a):
        return bool(a.value) and min(r.value, g.value, b.value) < WHITE_LEVEL
    return bool(fill.value)


def _add_edge(
    p: tuple[float, float],
    q: tuple[float, float],
    horizontal: list[tuple[float, float, float]],
    vertical: list[tuple[float, float, float]],
) -> None:
    (x0, y0), (x1, y1) = p, q
    if abs(y1 - y0) <= 0.5 and abs(x1 - x0) >= EDGE_MIN_LENGTH:
        horizontal.append(((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
    elif abs(x1 - x0) <= 0.5 and abs(y1 - y0) >= EDGE_MIN_LENGTH:
        vertical.append(((x0 + x1) / 2, min(y0, y1), max(y0, y1)))


def _thin_box_edge(
    points: list[tuple[float, float]],
    horizontal: list[tuple[float, float, float]],
    vertical: list[tuple[float, float, float]],
) -> None:
    """A filled rectangle a point or two thick (Word draws cell borders so) is one ruling."""
    if len(points) < 3:
        return
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    if height <= EDGE_THIN and width >= EDGE_MIN_LENGTH:
        horizontal.append(((max(ys) + min(ys)) / 2, min(xs), max(xs)))
    elif width <= EDGE_THIN and height >= EDGE_MIN_LENGTH:
        vertical.append(((max(xs) + min(xs)) / 2, min(ys), max(ys)))


def _merge(edges: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Snap parallel rulings that are nearly on one line, then join touching pieces."""
    edges = sorted(edges)
    clusters: list[list[tuple[float, float, float]]] = []
    for e in edges:
        if clusters and e[0] - clusters[-1][0][0] <= EDGE_SNAP_TOL:
            clusters[-1].append(e)
        else:
            clusters.append([e])
    merged: list[tuple[float, float, float]] = []
    for cluster in clusters:
        pos = sum(e[0] for e in cluster) / len(cluster)
        spans = sorted((e[1], e[2]) for e in cluster)
        lo, hi = spans[0]
        for s0, s1 in spans[1:]:
            if s0 <= hi + EDGE_JOIN_TOL:
                hi = max(hi, s1)
            else:
                merged.append((pos, lo, hi))
                lo, hi = s0, s1
        merged.append((pos, lo, hi))
    return merged


def _grid_tables(
    h_lines: list[tuple[float, float, float]], v_lines: list[tuple[float, float, float]]
) -> list[_Table]:
    """Cells are the smallest rectangles whose four sides are rulings; cells that share a
    corner belong to one table (pdfplumber's 'lines' strategy)."""
    # Crossing points, with the index of the ruling through them in each direction.
    points: dict[tuple[float, float], tuple[set[int], set[int]]] = {}
    for vi, (x, vtop, vbottom) in enumerate(v_lines):
        for hi, (y, hx0, hx1) in enumerate(h_lines):
            if (
                vtop - INTERSECT_TOL <= y <= vbottom + INTERSECT_TOL
                and hx0 - INTERSECT_TOL <= x <= hx1 + INTERSECT_TOL
            ):
                vs, hs = points.setdefault((x, y), (set(), set()))
                vs.add(vi)
                hs.add(hi)
    if len(points) < 4:
        return []
    by_x: dict[float, list[float]] = {}
    by_y: dict[float, list[float]] = {}
    for x, y in points:
        by_x.setdefault(x, []).append(y)
        by_y.setdefault(y, []).append(x)
    for ys in by_x.values():
        ys.sort()
    for xs in by_y.values():
        xs.sort()

    def v_joined(x: float, y0: float, y1: float) -> bool:
        return bool(points[(x, y0)][0] & points[(x, y1)][0])

    def h_joined(y: float, x0: float, x1: float) -> bool:
        return bool(points[(x0, y)][1] & points[(x1, y)][1])

    cells: list[tuple[float, float, float, float]] = []
    for x, y in sorted(points):
        below = [yy for yy in by_x[x] if yy > y]
        right = [xx for xx in by_y[y] if xx > x]
        found = False
        for yb in below:
            if not v_joined(x, y, yb):
                continue
            for xr in right:
                if not h_joined(y, x, xr):
                    continue
                if (xr, yb) in points and v_joined(xr, y, yb) and h_joined(yb, x, xr):
                    cells.append((x, y, xr, yb))
                    found = True
                    break
            if found:
                break
    tables = [_table(group) for group in _group_cells(cells) if len(group) >= MIN_TABLE_CELLS]
    # Boxes stacked in one column (a page frame with header and footer bands, a framed
    # note) order nothing side by side: their text is read as free lines.
    return [t for t in tables if len(t.col_edges) > 1]


def _group_cells(
    cells: list[tuple[float, float, float, float]],
) -> list[list[tuple[float, float, float, float]]]:
    parent = list(range(len(cells)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[float, float], int] = {}
    for i, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x1, top), (x0, bottom), (x1, bottom)):
            if corner in owner:
                parent[find(i)] = find(owner[corner])
            else:
                owner[corner] = i
    groups: dict[int, list[tuple[float, float, float, float]]] = {}
    for i, cell in enumerate(cells):
        groups.setdefault(find(i), []).append(cell)
    return sorted(groups.values(), key=lambda g: min((c[1], c[0]) for c in g))


def _table(cells: list[tuple[float, float, float, float]]) -> _Table:
    tops = sorted({c[1] for c in cells})
    lefts = sorted({c[0] for c in cells})
    made = [
        _Cell(
            row=bisect.bisect_left(tops, top),
            col=bisect.bisect_left(lefts, x0),
            x0=x0,
            top=top,
            x1=x1,
            bottom=bottom,
        )
        for x0, top, x1, bottom in cells
    ]
    made.sort(key=lambda c: (c.row, c.col))
    return _Table(
        x0=min(c.x0 for c in made),
        top=min(c.top for c in made),
        x1=max(c.x1 for c in made),
        bottom=max(c.bottom for c in made),
        cells=made,
        col_edges=lefts,
    )


# --- page furniture -------------------------------------------------------------------


def _mark_furniture(pages: list[_Page]) -> None:
    """Mark running headers/footers and page numbers in the page margins.

    Only position, repetition and number patterns are used: a line is a candidate when it is
    among the first/last few lines of its page, above/below any table, inside the margin
    zone; it is furniture when it is a page number, or when its text (page numbers masked)
    recurs in the same zone at the same height on enough pages.
    """
    candidates: list[tuple[_Line, str, tuple[str, str]]] = []  # (line, zone, keys)
    where: dict[tuple[str, str], list[tuple[int, float]]] = {}  # (zone, key) → (page, top)
    for page in pages:
        zone = MARGIN_ZONE * page.height
        for zone_name, seq in (("header", page.elements), ("footer", page.elements[::-1])):
            for el in seq[:FURNITURE_MAX_LINES]:
                if isinstance(el, _Table):
                    break
                if zone_name == "header":
                    inside = el.top <= zone
                else:
                    inside = el.bottom >= page.height - zone
                if not inside:
                    break
                # The text as it is ("Dato: 04.12.2012") and with the page number masked
                # ("Side # af 8"): a running header repeats in one of the two forms.
                literal = " ".join(el.text.lower().split())
                keys = (literal, _furniture_key(el.text, page.number, len(pages)))
                candidates.append((el, zone_name, keys))
                for key in set(keys):
                    where.setdefault((zone_name, key), []).append((page.number, el.top))
    need = max(REPEAT_MIN_PAGES, math.ceil(REPEAT_MIN_SHARE * len(pages)))
    repeated = {key for key, spots in where.items() if _pages_at_one_height(spots) >= need}
    for line, zone_name, keys in candidates:
        text = line.text.strip()
        if PAGE_NUMBER.match(text) or (any((zone_name, key) in repeated for key in keys) and not _sentence_or_label(text)):
            line.source = zone_name


def _sentence_or_label(text: str) -> bool:
    """A line that ends a sentence ("Godkendt.") or introduces what follows ("Beslutning:") is
    running text that happens to stand at the same height on two pages, not a header."""
    return text.endswith(":") or re.search(r"[a-zæøå]{2}[.!?]$", text) is not None


def _pages_at_one_height(spots: list[tuple[int, float]]) -> int:
    """How many pages have the line at (about) its most common height: a running header
    sits at a fixed place, body text that happens to repeat does not."""
    tops = sorted(top for _, top in spots)
    middle = tops[len(tops) // 2]
    return len({page for page, top in spots if abs(top - middle) <= FURNITURE_POSITION_TOL})


def _furniture_key(text: str, page: int, pages: int) -> str:
    """The text with the page's own number (and the page count) masked, so "Side 3 af 8"
    and "Side 4 af 8" match; other numbers stay, so "Bilag 3" and "Bilag 4" do not."""
    near = {str(n) for n in range(page - PAGE_NUMBER_OFFSET, page + PAGE_NUMBER_OFFSET + 1)}
    near.add(str(pages))

    def mask(m: re.Match[str]) -> str:
        return "#" if m.group().lstrip("0") in near else m.group()

    return re.sub(r"\d+", mask, " ".join(text.lower().split()))


# --- blocks ---------------------------------------------------------------------------


def _emit(pages: list[_Page], raw: RawDocument) -> None:
    counter = _TableCounter()
    open_table: tuple[int, _Table, int] | None = None  # (index, first page's table, next row)
    repeated_headers = 0
    continued = 0
    page_break_rows: list[str] = []  # "table:row" of the first row after each page break
    for page in pages:
        body = [e for e in page.elements if isinstance(e, _Table) or e.source == "body"]
        usual_gap = _usual_gap(body)
        prev: _Line | _Table | None = None
        for el in page.elements:
            if isinstance(el, _Line) and el.source != "body":
                raw.blocks.append(_line_block(el, page.number))
                continue
            if isinstance(el, _Table):
                first_row = 0
                if prev is None and open_table is not None and _continues(open_table[1], el):
                    index, head, row_offset = open_table
                    continued += 1
                    if _row_texts(el, 0) == _row_texts(head, 0):
                        first_row = 1
                        repeated_headers += 1
                    row_offset -= first_row
                    # This row may be the rest of the previous page's last row (Word
                    # breaks rows across pages); whether it is, is the segmenter's call.
                    page_break_rows.append(f"{index}:{row_offset + first_row}")
                else:
                    index, head, row_offset = counter.next(), el, 0
                last_row = _emit_table(
                    el, index, row_offset, first_row, 0, page.number, raw, counter
                )
                open_table = (index, head, last_row + 1)
            else:
                if isinstance(prev, _Line) and _is_paragraph_gap(prev, el, usual_gap):
                    raw.blocks.append(Block("", kind=BLANK, page=page.number))
                raw.blocks.append(_line_block(el, page.number))
            prev = el
        # A table continues onto the next page only if it is the last thing on this page.
        if not body or not isinstance(body[-1], _Table):
            open_table = None
        for line in page.margin_text:
            raw.blocks.append(_line_block(line, page.number))
    if continued:
        raw.meta["continued_tables"] = str(continued)
        raw.meta["page_break_rows"] = ",".join(page_break_rows)
    if repeated_headers:
        raw.meta["repeated_header_rows"] = str(repeated_headers)


class _TableCounter:
    """Document-wide table indices, shared by top-level and nested tables."""

    def __init__(self) -> None:
        self.last = -1

    def next(self) -> int:
        self.last += 1
        return self.last


def _emit_table(
    table: _Table,
    index: int,
    row_offset: int,
    first_row: int,
    depth: int,
    page: int,
    raw: RawDocument,
    counter: _TableCounter,
) -> int:
    """Emit the cells row by row, each cell followed by the tables nested in it; return
    the last row number used."""
    last_row = row_offset
    for cell in table.cells:
        if cell.row < first_row:
            continue
        block = _cell_block(cell, index, cell.row + row_offset, page)
        block.nested = depth
        raw.blocks.append(block)
        last_row = max(last_row, cell.row + row_offset)
        for inner in sorted(cell.nested, key=lambda t: t.top):
            _emit_table(inner, counter.next(), 0, 0, depth + 1, page, raw, counter)
    return last_row


def _is_paragraph_gap(prev: _Line, line: _Line, usual_gap: float) -> bool:
    return line.top - prev.bottom > usual_gap + BLANK_EXTRA_EM * max(line.size, prev.size, 1.0)


def _usual_gap(body: list[_Line | _Table]) -> float:
    """The page's typical space between consecutive lines (points), for finding BLANKs."""
    gaps = [
        b.top - a.bottom
        for a, b in zip(body, body[1:], strict=False)
        if isinstance(a, _Line) and isinstance(b, _Line)
    ]
    return statistics.median(gaps) if gaps else 0.0


def _continues(head: _Table, table: _Table) -> bool:
    if len(head.col_edges) != len(table.col_edges):
        return False
    return all(
        abs(a - b) <= CONTINUED_COL_TOL
        for a, b in zip(head.col_edges, table.col_edges, strict=True)
    )


def _row_texts(table: _Table, row: int) -> list[str]:
    return [_cell_text(c) for c in table.cells if c.row == row]


def _cell_text(cell: _Cell) -> str:
    out: list[str] = []
    gaps = [b.top - a.bottom for a, b in zip(cell.lines, cell.lines[1:], strict=False)]
    usual = statistics.median(gaps) if gaps else 0.0
    for i, line in enumerate(cell.lines):
        if i and _is_paragraph_gap(cell.lines[i - 1], line, usual):
            out.append("")  # a paragraph gap inside the cell
        out.append(line.text)
    return "\n".join(out)


def _line_block(line: _Line, page: int) -> Block:
    return Block(
        line.text,
        kind=PARA,
        page=page,
        bold=line.bold,
        font_size=line.size or None,
        x0=round(line.x0, 1) if line.x1 else None,  # margin text has no position
        source=line.source,
    )


def _cell_block(cell: _Cell, table: int, row: int, page: int) -> Block:
    lines = cell.lines
    sizes = Counter(ln.size for ln in lines)
    return Block(
        _cell_text(cell),
        kind=TABLE_CELL,
        page=page,
        bold=bool(lines) and all(ln.bold for ln in lines),
        table=table,
        row=row,
        col=cell.col,
        font_size=sizes.most_common(1)[0][0] if sizes else None,
        x0=round(cell.x0, 1),
    )
