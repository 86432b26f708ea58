#!/usr/bin/env python3
"""Generate ``fixtures/``: small Danish minutes of our own, in TXT, DOCX, PDF and Markdown.

Every fixture is one source spec (Python data in ``scripts/fixture_specs.py``) rendered into
each format, with its ``expected.json`` (the ground truth, in the format of
``../shared/samples/*/expected.json``) beside it::

    fixtures/<name>/<name>.txt  .docx  .pdf  .md  expected.json

Run ``make fixtures`` (or ``python scripts/make_fixtures.py``). The output is deterministic:
fixed dates in the DOCX core properties and the PDF metadata, fixed ZIP timestamps, no clock
anywhere, so regenerating gives the same bytes on the same machine (and the same text
everywhere).

Markup inside spec strings
--------------------------
``**bold**``  a bold run (DOCX/PDF bold, Markdown ``**``, dropped in TXT)
``{-}``       a line-end hyphenation as a PDF extraction shows it: ``-`` + line break in TXT
              and PDF, nothing in DOCX/Markdown ("fo{-}kusområder")
``{|}``       a line break in TXT/PDF that joins without a space in DOCX/Markdown
              (after a real hyphen: "F-{|}ACT", "2021-{|}22")
``{/}``       a line break in TXT/PDF, a space in DOCX/Markdown ("social-{/}og")
``{page}``    a page break in the middle of a paragraph (TXT/PDF), a space elsewhere

PDFs need a TrueType font that covers Danish and typographic punctuation (– ” …): DejaVu Sans
(Debian/Ubuntu ``fonts-dejavu-core``). Without it, use ``--formats txt,md,docx,json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import itertools
import json
import re
import shutil
import subprocess
import sys
import textwrap
import unicodedata
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "fixtures"
ALL_FORMATS = ("txt", "md", "docx", "pdf", "json")
FIXED_TIME = dt.datetime(2022, 1, 1, 12, 0, 0, tzinfo=dt.UTC)
ZIP_TIME = (2022, 1, 1, 12, 0, 0)
NESTED_COLUMN_GAP = "\u2003" * 3  # PDF: three em spaces between the cells of a nested row

# --------------------------------------------------------------------------------------------
# The document model of a spec
# --------------------------------------------------------------------------------------------


@dataclass
class Title:
    """The document's title line (DOCX style Title, Markdown ``#``)."""

    text: str


@dataclass
class P:
    """A paragraph. ``indent`` in mm."""

    text: str
    indent: float = 0
    size: float | None = None  # PDF/DOCX font size override


@dataclass
class Label:
    """A section label alone on its line ("Beslutning:"). ``bold`` as most secretaries do."""

    text: str
    bold: bool = True


@dataclass
class Head:
    """A heading (notat sections, årsrapport chapters, Markdown ``##``).

    ``number`` is printed in TXT/PDF/Markdown; in DOCX it is printed too unless the fixture
    sets ``docx_heading_numbering`` (then Word's numbering through the heading style draws it).
    """

    text: str
    level: int = 1
    number: str | None = None


@dataclass
class Item:
    """An agenda item heading: ``label`` as printed ("1.", "4B)", "Pkt. 3", "§1", "715.").

    ``docx``: "text" (number typed in the paragraph), "style" (Word numbering through the
    paragraph style ``Punktoverskrift``), "direct" (numPr on the paragraph itself, same list).
    """

    label: str
    title: str
    docx: str = "text"
    bold: bool = True
    md_level: int = 2


@dataclass
class Bullets:
    """A bulleted list. ``marker`` as printed in TXT/PDF; DOCX uses style List Bullet when
    ``docx_style`` is true (Word bullets through the style), else the marker as text."""

    items: list[str]
    marker: str = "•"
    docx_style: bool = False
    indent: float = 5


@dataclass
class Numbered:
    """A numbered list inside an item. In DOCX with ``docx_auto`` Word numbering is used: a new
    list (restarting at ``start``) unless ``list_id`` names an earlier list to continue."""

    items: list[str]
    fmt: str = "{n}."  # "{n}." or "{n})"
    numfmt: str = "decimal"  # decimal | lowerLetter | upperLetter
    start: int = 1
    docx_auto: bool = True
    list_id: str | None = None
    indent: float = 5


@dataclass
class Cell:
    """A table cell with paragraphs (``\\n`` separates them) and optionally a nested table."""

    text: str = ""
    nested: Table | None = None
    after: str = ""  # text after the nested table


@dataclass
class Table:
    rows: list[list[str | Cell]]
    widths: list[float]  # mm
    header: bool = True  # first row is a header row (bold)
    txt: str = "stacked"  # stacked | columns | rows: how a text extraction shows it
    size: float | None = None


@dataclass
class Toc:
    """A table of contents: (label, title, page) with dot leaders."""

    entries: list[tuple[str, str, int]]


@dataclass
class Blank:
    pass


@dataclass
class PageBreak:
    pass


@dataclass
class Only:
    """Blocks rendered only into the given formats (extraction artefacts, Markdown extras)."""

    formats: tuple[str, ...]
    blocks: list[Any]


Block = Title | P | Label | Head | Item | Bullets | Numbered | Table | Toc | Blank | PageBreak | Only


@dataclass
class Fixture:
    name: str
    about: str  # one line for fixtures/README.md: genre or construct
    blocks: list[Any]
    expected: dict[str, Any]
    letterhead: list[str] = field(default_factory=list)  # top of every page
    page_label: str | None = None  # "Side {n} af {N}" (header) — {n} page, {N} pages
    page_label_pos: str = "header"  # header | footer
    formats: tuple[str, ...] = ("txt", "md", "docx", "pdf")
    txt_wrap: int | None = 90  # None: lines as typed (no extraction wrapping)
    txt_encoding: str = "utf-8"  # utf-8 | utf-8-sig | cp1252 | latin-1
    txt_newline: str = "\n"
    txt_formfeed: bool = False  # "\f" between pages, as pdftotext writes
    unicode_form: str = "NFC"  # NFD writes decomposed letters into every format
    pdf_tight_words: bool = False  # words placed without space glyphs, gaps < 3 pt
    docx_heading_numbering: bool = False  # Heading 1/2 numbered "1." / "4.1" via styles
    md_front_matter: str | None = None
    font_size: float = 10


# --------------------------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------------------------

_MARKERS = {
    "extracted": {"{-}": "-\n", "{|}": "\n", "{/}": "\n"},
    "source": {"{-}": "", "{|}": "", "{/}": " ", "{page}": " "},
}


def markers(text: str, target: str) -> str:
    """Resolve the break markers for an extracted rendering (TXT, PDF) or a source one."""
    for k, v in _MARKERS[target].items():
        text = text.replace(k, v)
    return text


def plain(text: str) -> str:
    """The text as a reader of the document sees it: no markup, no breaks."""
    return markers(text, "source").replace("**", "")


def _cell(c: str | Cell) -> Cell:
    return c if isinstance(c, Cell) else Cell(c)


def _label_for(n: int, numfmt: str) -> str:
    if numfmt == "lowerLetter":
        return chr(ord("a") + n - 1)
    if numfmt == "upperLetter":
        return chr(ord("A") + n - 1)
    return str(n)


def _map_strings(obj: Any, fn: Callable[[str], str]) -> Any:
    """Apply ``fn`` to every string inside blocks (dataclasses, lists, tuples)."""
    if isinstance(obj, str):
        return fn(obj)
    if isinstance(obj, list):
        return [_map_strings(x, fn) for x in obj]
    if isinstance(obj, tuple):
        return tuple(_map_strings(x, fn) for x in obj)
    if is_dataclass(obj) and not isinstance(obj, type):
        return replace(obj, **{f.name: _map_strings(getattr(obj, f.name), fn) for f in fields(obj)})
    return obj


def _flatten(blocks: Iterable[Any], fmt: str) -> list[Any]:
    out: list[Any] = []
    for b in blocks:
        if isinstance(b, Only):
            if fmt in b.formats:
                out.extend(_flatten(b.blocks, fmt))
        else:
            out.append(b)
    return out


def prepared(fx: Fixture, fmt: str) -> list[Any]:
    blocks = _flatten(fx.blocks, fmt)
    if fx.unicode_form != "NFC":
        blocks = _map_strings(blocks, lambda s: unicodedata.normalize(fx.unicode_form, s))
    return blocks


def _lines_of(fx: Fixture, text: str) -> str:
    return unicodedata.normalize(fx.unicode_form, text) if fx.unicode_form != "NFC" else text


def plain_text(fx: Fixture, fmt: str = "docx") -> str:
    """The document's text as its author wrote it (no artefacts, no markup), one block a line.
    Tests check the ground truth against it."""
    out: list[str] = []

    def cell_text(c: str | Cell) -> None:
        c = _cell(c)
        out.append(plain(c.text))
        if c.nested is not None:
            for r in c.nested.rows:
                for x in r:
                    cell_text(x)
        if c.after:
            out.append(plain(c.after))

    for b in prepared(fx, fmt):
        if isinstance(b, (Title, P, Label)):
            out.append(plain(b.text))
        elif isinstance(b, Head):
            out.append(plain(f"{b.number} {b.text}" if b.number else b.text))
        elif isinstance(b, Item):
            out.append(plain(f"{b.label} {b.title}"))
        elif isinstance(b, (Bullets, Numbered)):
            out.extend(plain(x) for x in b.items)
        elif isinstance(b, Table):
            for r in b.rows:
                for c in r:
                    cell_text(c)
        elif isinstance(b, Toc):
            out.extend(plain(f"{lab} {t}") for lab, t, _ in b.entries)
    return "\n".join(out)


# --------------------------------------------------------------------------------------------
# TXT: a plain-text extraction of the PDF, with its artefacts
# --------------------------------------------------------------------------------------------


class _Txt:
    def __init__(self, fx: Fixture) -> None:
        self.fx = fx
        self.pages: list[list[str]] = [[]]
        self.counters: dict[str, int] = {}

    def line(self, s: str = "") -> None:
        self.pages[-1].append(s)

    def new_page(self) -> None:
        self.pages.append([])

    def para(self, text: str, prefix: str = "", width: int | None = -1) -> None:
        """Write a paragraph: markers resolved, wrapped like an extraction, {page} honoured."""
        width = self.fx.txt_wrap if width == -1 else width
        text = text.replace("**", "")
        first = True
        for pi, piece in enumerate(text.split("{page}")):
            if pi:
                self.new_page()
            for seg in markers(piece, "extracted").split("\n"):
                seg = seg.strip() if not first else seg.rstrip()
                lead = prefix if first else ""
                if width:
                    wrapped = textwrap.wrap(
                        lead + seg, width, break_long_words=False, break_on_hyphens=False
                    ) or [lead.rstrip()]
                else:
                    wrapped = [lead + seg]
                for w in wrapped:
                    self.line(w)
                first = False

    def render(self, blocks: list[Any]) -> str:
        for b in blocks:
            self.block(b)
        total = len(self.pages)
        out: list[str] = []
        for n, lines in enumerate(self.pages, 1):
            label = (
                self.fx.page_label.format(n=n, N=total) if self.fx.page_label is not None else None
            )
            head: list[str] = []
            if self.fx.letterhead:
                head += [_lines_of(self.fx, s) for s in self.fx.letterhead] + [""]
            if label and self.fx.page_label_pos == "header":
                head += [label, ""]
            foot = ["", label] if label and self.fx.page_label_pos == "footer" else []
            body = list(lines)
            while body and not body[-1].strip():
                body.pop()
            page = head + body + foot
            if n > 1:
                out.append("\f" if self.fx.txt_formfeed else "")
            out.extend(page)
        text = "\n".join(out).replace("\n\f\n", "\n\f")
        return text.rstrip("\n") + "\n"

    def block(self, b: Any) -> None:
        if isinstance(b, Title):
            self.para(b.text)
            self.line()
        elif isinstance(b, (P, Label)):
            self.para(b.text)
        elif isinstance(b, Head):
            self.line()
            self.para(f"{b.number} {b.text}" if b.number else b.text)
            self.line()
        elif isinstance(b, Item):
            self.line()
            self.para(f"{b.label} {b.title}")
            self.line()
        elif isinstance(b, Bullets):
            for it in b.items:
                self.para(it, prefix=f"{b.marker} ")
        elif isinstance(b, Numbered):
            n = self._start(b)
            for i, it in enumerate(b.items):
                lab = b.fmt.format(n=_label_for(n + i, b.numfmt))
                self.para(it, prefix=f"{lab} ")
            if b.list_id:
                self.counters[b.list_id] = n + len(b.items)
        elif isinstance(b, Table):
            self.table(b)
        elif isinstance(b, Toc):
            for lab, title, page in b.entries:
                s = f"{lab} {plain(title)} "
                self.line(s + "." * max(3, 78 - len(s)) + f" {page}")
            self.line()
        elif isinstance(b, Blank):
            self.line()
        elif isinstance(b, PageBreak):
            self.new_page()
        else:  # pragma: no cover - spec error
            raise TypeError(f"unknown block {b!r}")

    def _start(self, b: Numbered) -> int:
        if b.list_id and b.list_id in self.counters:
            return self.counters[b.list_id]
        return b.start

    def _cell_lines(self, c: Cell, width: int) -> list[str]:
        lines: list[str] = []
        parts = [c.text]
        if c.nested is not None:
            parts.append("\n".join("  ".join(plain(_cell(x).text) for x in r) for r in c.nested.rows))
        if c.after:
            parts.append(c.after)
        for part in parts:
            for para in markers(part.replace("**", ""), "extracted").split("\n"):
                lines += textwrap.wrap(para, width, break_long_words=False,
                                       break_on_hyphens=False) or [""]
        while lines and not lines[-1]:
            lines.pop()
        return lines

    def table(self, t: Table) -> None:
        widths = [max(12, int(w * 0.55)) for w in t.widths]
        self.line()
        for ri, row in enumerate(t.rows):
            cells = [self._cell_lines(_cell(c), w) for c, w in zip(row, widths, strict=True)]
            if t.txt == "columns" or (ri == 0 and t.header and t.txt == "stacked"):
                for parts in itertools.zip_longest(*cells, fillvalue=""):
                    s = "".join(p.ljust(w + 2) for p, w in zip(parts, widths, strict=True))
                    self.line(s.rstrip())
                self.line()
            elif t.txt == "rows":
                self.line("  ".join(" ".join(c) for c in cells).rstrip())
            else:  # stacked: the cells of a row one after the other
                for c in cells:
                    for s in c:
                        self.line(s)
                    self.line()


def render_txt(fx: Fixture) -> bytes:
    text = _Txt(fx).render(prepared(fx, "txt"))
    if fx.txt_newline != "\n":
        text = text.replace("\n", fx.txt_newline)
    return text.encode(fx.txt_encoding)


# --------------------------------------------------------------------------------------------
# Markdown: as a person would write the minutes in Markdown
# --------------------------------------------------------------------------------------------


def _md_inline(text: str) -> str:
    return markers(text, "source")


def render_md(fx: Fixture) -> bytes:
    out: list[str] = []
    if fx.md_front_matter:
        out += ["---", fx.md_front_matter.strip("\n"), "---", ""]
    counters: dict[str, int] = {}

    def para(s: str) -> None:
        out.extend([s, ""])

    for b in prepared(fx, "md"):
        if isinstance(b, Title):
            para("# " + _md_inline(b.text).replace("**", ""))
        elif isinstance(b, P):
            para(_md_inline(b.text))
        elif isinstance(b, Label):
            t = _md_inline(b.text)
            para(f"**{t}**" if b.bold else t)
        elif isinstance(b, Head):
            t = _md_inline(b.text)
            para("#" * (b.level + 1) + " " + (f"{b.number} {t}" if b.number else t))
        elif isinstance(b, Item):
            para("#" * b.md_level + f" {b.label} " + _md_inline(b.title).replace("**", ""))
        elif isinstance(b, Bullets):
            out.extend(f"- {_md_inline(x)}" for x in b.items)
            out.append("")
        elif isinstance(b, Numbered):
            n = counters.get(b.list_id, b.start) if b.list_id else b.start
            for i, x in enumerate(b.items):
                lab = b.fmt.format(n=_label_for(n + i, b.numfmt))
                out.append(f"{lab} {_md_inline(x)}")
            if b.list_id:
                counters[b.list_id] = n + len(b.items)
            out.append("")
        elif isinstance(b, Table):
            def cell(c: str | Cell) -> str:
                c = _cell(c)
                parts = [c.text]
                if c.nested is not None:
                    # Markdown has no nested tables: a writer lists the rows, "name, org"
                    parts += ["; ".join(", ".join(plain(_cell(x).text) for x in r)
                                        for r in c.nested.rows)]
                if c.after:
                    parts.append(c.after)
                s = "<br>".join(_md_inline(p).replace("\n", "<br>") for p in parts if p)
                return s.replace("|", "\\|")

            rows = [[cell(c) for c in r] for r in b.rows]
            head = rows[0] if b.header else [""] * len(b.widths)
            body = rows[1:] if b.header else rows
            out.append("| " + " | ".join(head) + " |")
            out.append("|" + "|".join("---" for _ in head) + "|")
            out.extend("| " + " | ".join(r) + " |" for r in body)
            out.append("")
        elif isinstance(b, Toc):
            for lab, title, page in b.entries:
                s = f"{lab} {plain(title)} "
                out.append(s + "." * max(3, 60 - len(s)) + f" {page}  ")
            out.append("")
        elif isinstance(b, (Blank, PageBreak)):
            pass
        else:  # pragma: no cover
            raise TypeError(f"unknown block {b!r}")
    while out and out[-1] == "":
        out.pop()
    return ("\n".join(out) + "\n").encode("utf-8")


# --------------------------------------------------------------------------------------------
# DOCX: python-docx, Word numbering written by hand into numbering.xml
# --------------------------------------------------------------------------------------------

ITEM_STYLE = "Punktoverskrift"


class _Docx:
    def __init__(self, fx: Fixture) -> None:
        import docx
        from docx.shared import Pt

        self.fx = fx
        self.doc = docx.Document()
        normal = self.doc.styles["Normal"]
        normal.font.name = "Calibri"
        normal.font.size = Pt(fx.font_size + 1)
        self.next_abstract = 100
        self.next_num = 100
        self.lists: dict[str, int] = {}  # list_id -> numId
        self.item_num: int | None = None

    # -- numbering.xml ---------------------------------------------------------------------
    def _numbering(self) -> Any:
        return self.doc.part.numbering_part.element

    def add_abstract(self, levels: list[tuple[str, str, str | None]]) -> int:
        """levels: (numFmt, lvlText, pStyle) per level. Returns the abstractNumId."""
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls, qn

        aid = self.next_abstract
        self.next_abstract += 1
        lvls = []
        for i, (numfmt, text, pstyle) in enumerate(levels):
            ps = f'<w:pStyle w:val="{pstyle}"/>' if pstyle else ""
            ind = 360 * (i + 1)
            lvls.append(
                f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{numfmt}"/>{ps}'
                f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="{ind}" w:hanging="360"/></w:pPr></w:lvl>'
            )
        kind = "multilevel" if len(levels) > 1 else "singleLevel"
        el = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}">'
            f'<w:nsid w:val="{0x1F000000 + aid:08X}"/><w:multiLevelType w:val="{kind}"/>'
            + "".join(lvls)
            + "</w:abstractNum>"
        )
        numbering = self._numbering()
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(el)
        else:
            numbering.append(el)
        return aid

    def add_num(self, abstract_id: int, restart: int | None = None) -> int:
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        nid = self.next_num
        self.next_num += 1
        override = (
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{restart}"/></w:lvlOverride>'
            if restart is not None
            else ""
        )
        self._numbering().append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{nid}"><w:abstractNumId w:val="{abstract_id}"/>'
                f"{override}</w:num>"
            )
        )
        return nid

    @staticmethod
    def set_numpr(ppr: Any, num_id: int, ilvl: int | None = None) -> None:
        numpr = ppr.get_or_add_numPr()
        if ilvl is not None:
            numpr.get_or_add_ilvl().val = ilvl
        numpr.get_or_add_numId().val = num_id

    def setup(self, blocks: list[Any]) -> None:
        from docx.enum.style import WD_STYLE_TYPE

        items = [b for b in blocks if isinstance(b, Item) and b.docx != "text"]
        if items:
            fmt = re.sub(r"\d+", "%1", items[0].label)
            style = self.doc.styles.add_style(ITEM_STYLE, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = self.doc.styles["Normal"]
            style.font.bold = True
            style.paragraph_format.keep_with_next = True
            aid = self.add_abstract([("decimal", fmt, ITEM_STYLE)])
            self.item_num = self.add_num(aid)
            self.set_numpr(style.element.get_or_add_pPr(), self.item_num)
        if self.fx.docx_heading_numbering:
            aid = self.add_abstract([("decimal", "%1.", "Heading1"), ("decimal", "%1.%2", "Heading2")])
            nid = self.add_num(aid)
            self.set_numpr(self.doc.styles["Heading 1"].element.get_or_add_pPr(), nid)
            self.set_numpr(self.doc.styles["Heading 2"].element.get_or_add_pPr(), nid, ilvl=1)
        self.list_abstracts: dict[tuple[str, str], int] = {}

    # -- content ---------------------------------------------------------------------------
    def runs(self, par: Any, text: str, bold: bool = False, size: float | None = None) -> None:
        from docx.shared import Pt

        text = markers(text, "source")
        for i, part in enumerate(text.split("**")):
            if not part:
                continue
            r = par.add_run(part)
            if bold or i % 2 == 1:
                r.bold = True
            if size:
                r.font.size = Pt(size)

    def para(self, text: str, bold: bool = False, style: str | None = None,
             indent: float = 0, size: float | None = None) -> Any:
        from docx.shared import Mm

        p = self.doc.add_paragraph(style=style)
        self.runs(p, text, bold=bold, size=size)
        if indent:
            p.paragraph_format.left_indent = Mm(indent)
        return p

    def numbered(self, b: Numbered) -> None:
        if not b.docx_auto:
            n = b.start
            for i, it in enumerate(b.items):
                lab = b.fmt.format(n=_label_for(n + i, b.numfmt))
                self.para(f"{lab} {it}", indent=b.indent)
            return
        key = (b.numfmt, b.fmt)
        if key not in self.list_abstracts:
            self.list_abstracts[key] = self.add_abstract(
                [(b.numfmt, b.fmt.replace("{n}", "%1"), None)]
            )
        if b.list_id and b.list_id in self.lists:
            nid = self.lists[b.list_id]
        else:
            nid = self.add_num(self.list_abstracts[key], restart=b.start)
            if b.list_id:
                self.lists[b.list_id] = nid
        for it in b.items:
            p = self.para(it, style="List Paragraph")
            self.set_numpr(p._p.get_or_add_pPr(), nid, ilvl=0)

    def table(self, t: Table) -> None:
        from docx.shared import Mm, Pt

        def fill(cell: Any, c: Cell, bold: bool) -> None:
            paras = markers(c.text, "source").split("\n") if c.text else []
            first = cell.paragraphs[0]
            for i, s in enumerate(paras):
                p = first if i == 0 else cell.add_paragraph()
                self.runs(p, s, bold=bold, size=t.size)
            if c.nested is not None:
                nt = cell.add_table(rows=0, cols=len(c.nested.widths))
                nt.style = self.doc.styles["Table Grid"]
                for row in c.nested.rows:
                    cells = nt.add_row().cells
                    for nc, x, w in zip(cells, row, c.nested.widths, strict=True):
                        nc.width = Mm(w)
                        self.runs(nc.paragraphs[0], markers(_cell(x).text, "source"))
            if c.after:
                p = cell.add_paragraph()
                self.runs(p, c.after)
            for p in cell.paragraphs:
                for r in p.runs:
                    if t.size:
                        r.font.size = Pt(t.size)

        tbl = self.doc.add_table(rows=0, cols=len(t.widths))
        tbl.style = self.doc.styles["Table Grid"]
        for ri, row in enumerate(t.rows):
            cells = tbl.add_row().cells
            for cell, c, w in zip(cells, row, t.widths, strict=True):
                cell.width = Mm(w)
                fill(cell, _cell(c), bold=t.header and ri == 0)
        self.doc.add_paragraph()

    def toc(self, b: Toc) -> None:
        from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
        from docx.shared import Mm

        for lab, title, page in b.entries:
            p = self.doc.add_paragraph()
            p.paragraph_format.tab_stops.add_tab_stop(Mm(165), WD_TAB_ALIGNMENT.RIGHT,
                                                      WD_TAB_LEADER.DOTS)
            self.runs(p, f"{lab} {title}\t{page}")

    def header_footer(self) -> None:
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        sec = self.doc.sections[0]
        head = sec.header
        paras = head.paragraphs
        lines = [_lines_of(self.fx, s) for s in self.fx.letterhead]
        for i, s in enumerate(lines):
            p = paras[0] if i == 0 else head.add_paragraph()
            p.add_run(s)
        if self.fx.page_label:
            target = head if self.fx.page_label_pos == "header" else sec.footer
            p = target.paragraphs[0] if (target is sec.footer or not lines) else target.add_paragraph()
            for part in re.split(r"(\{n\}|\{N\})", self.fx.page_label):
                if part == "{n}" or part == "{N}":
                    instr = "PAGE" if part == "{n}" else "NUMPAGES"
                    p._p.append(parse_xml(
                        f'<w:fldSimple {nsdecls("w")} w:instr="{instr}">'
                        f"<w:r><w:t>1</w:t></w:r></w:fldSimple>"))
                elif part:
                    p.add_run(part)

    def render(self, blocks: list[Any]) -> bytes:
        from docx.enum.text import WD_BREAK

        self.setup(blocks)
        for b in blocks:
            if isinstance(b, Title):
                self.para(b.text, style="Title")
            elif isinstance(b, P):
                self.para(b.text, indent=b.indent, size=b.size)
            elif isinstance(b, Label):
                self.para(b.text, bold=b.bold)
            elif isinstance(b, Head):
                style = f"Heading {b.level}"
                if b.number and not self.fx.docx_heading_numbering:
                    self.para(f"{b.number} {b.text}", style=style)
                else:
                    self.para(b.text, style=style)
            elif isinstance(b, Item):
                if b.docx == "text":
                    self.para(f"{b.label} {b.title}", bold=b.bold)
                elif b.docx == "style":
                    self.para(b.title, style=ITEM_STYLE)
                elif b.docx == "direct":
                    p = self.para(b.title, bold=True, style="List Paragraph")
                    assert self.item_num is not None
                    self.set_numpr(p._p.get_or_add_pPr(), self.item_num, ilvl=0)
                else:  # pragma: no cover
                    raise ValueError(b.docx)
            elif isinstance(b, Bullets):
                for it in b.items:
                    if b.docx_style:
                        self.para(it, style="List Bullet")
                    else:
                        self.para(f"{b.marker} {it}", indent=b.indent)
            elif isinstance(b, Numbered):
                self.numbered(b)
            elif isinstance(b, Table):
                self.table(b)
            elif isinstance(b, Toc):
                self.toc(b)
            elif isinstance(b, Blank):
                self.doc.add_paragraph()
            elif isinstance(b, PageBreak):
                self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            else:  # pragma: no cover
                raise TypeError(f"unknown block {b!r}")
        self.header_footer()
        cp = self.doc.core_properties
        title = next((plain(b.text) for b in blocks if isinstance(b, Title)), self.fx.name)
        cp.title = title
        cp.author = "referatkit fixtures"
        cp.last_modified_by = "referatkit fixtures"
        cp.comments = f"fixture {self.fx.name}, generated by scripts/make_fixtures.py"
        cp.created = cp.modified = cp.last_printed = FIXED_TIME.replace(tzinfo=None)
        cp.revision = 1
        buf = io.BytesIO()
        self.doc.save(buf)
        return stable_zip(buf.getvalue())


def stable_zip(data: bytes) -> bytes:
    """Rewrite a ZIP with fixed timestamps and modes so equal content gives equal bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def render_docx(fx: Fixture) -> bytes:
    return _Docx(fx).render(prepared(fx, "docx"))


# --------------------------------------------------------------------------------------------
# PDF: fpdf2 with an embedded DejaVu Sans
# --------------------------------------------------------------------------------------------

_FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",
    "/usr/local/share/fonts",
    "/Library/Fonts",
    str(Path.home() / "Library/Fonts"),
    "C:/Windows/Fonts",
)


def find_fonts() -> tuple[Path, Path] | None:
    """DejaVuSans.ttf and DejaVuSans-Bold.ttf, or None when the system has no DejaVu."""
    for d in _FONT_DIRS:
        reg, bold = Path(d) / "DejaVuSans.ttf", Path(d) / "DejaVuSans-Bold.ttf"
        if reg.is_file() and bold.is_file():
            return reg, bold
    if shutil.which("fc-match"):
        try:
            files = [
                subprocess.run(["fc-match", "-f", "%{file}", q], capture_output=True,
                               text=True, check=True, timeout=10).stdout.strip()
                for q in ("DejaVu Sans:style=Book", "DejaVu Sans:style=Bold")
            ]
        except (OSError, subprocess.SubprocessError):
            return None
        if all(f.endswith(".ttf") and "DejaVuSans" in f for f in files):
            return Path(files[0]), Path(files[1])
    return None


class _Pdf:
    LH = 5.0  # line height, mm

    def __init__(self, fx: Fixture, fonts: tuple[Path, Path]) -> None:
        from fpdf import FPDF

        fixture = fx

        class _Doc(FPDF):
            def header(self) -> None:  # running header on every page
                self.set_font("DejaVu", "", 8)
                for s in fixture.letterhead:
                    self.cell(0, 4, _lines_of(fixture, s), new_x="LMARGIN", new_y="NEXT")
                if fixture.page_label and fixture.page_label_pos == "header":
                    lab = fixture.page_label.format(n=self.page_no(), N="{nb}")
                    self.cell(0, 4, lab, align="R", new_x="LMARGIN", new_y="NEXT")
                if fixture.letterhead or (fixture.page_label and fixture.page_label_pos == "header"):
                    self.ln(6)
                self.set_font("DejaVu", "", fixture.font_size)

            def footer(self) -> None:
                if fixture.page_label and fixture.page_label_pos == "footer":
                    self.set_y(-15)
                    self.set_font("DejaVu", "", 8)
                    lab = fixture.page_label.format(n=self.page_no(), N="{nb}")
                    self.cell(0, 4, lab, align="C")

        self.fx = fx
        pdf = _Doc(format="A4")
        pdf.set_margins(20, 18, 20)
        pdf.set_auto_page_break(True, margin=20)
        pdf.set_creation_date(FIXED_TIME)
        pdf.set_creator("referatkit fixtures")
        pdf.set_producer("referatkit scripts/make_fixtures.py")
        pdf.set_author("referatkit fixtures")
        pdf.add_font("DejaVu", "", str(fonts[0]))
        pdf.add_font("DejaVu", "B", str(fonts[1]))
        pdf.set_font("DejaVu", "", fx.font_size)
        self.pdf = pdf
        self.counters: dict[str, int] = {}

    def write(self, text: str, bold: bool = False, indent: float = 0, prefix: str = "",
              size: float | None = None) -> None:
        """Write a paragraph with bold runs, markers and a hanging indent for ``prefix``."""
        pdf = self.pdf
        lm = pdf.l_margin
        pdf.set_font("DejaVu", "B" if bold else "", size or self.fx.font_size)
        pdf.set_x(lm + indent)
        if prefix:
            pdf.write(self.LH, prefix)
            pdf.set_left_margin(lm + indent + 6)
            pdf.set_x(lm + indent + 6)
        else:
            pdf.set_left_margin(lm + indent)
        is_bold = bold
        for tok in re.split(r"(\*\*|\{page\})", markers(text, "extracted")):
            if tok == "**":
                is_bold = not is_bold
                pdf.set_font(style="B" if is_bold else "")
            elif tok == "{page}":
                pdf.add_page()
                pdf.set_x(pdf.l_margin)
            elif tok:
                if self.fx.pdf_tight_words:
                    self._tight(tok)
                else:
                    pdf.write(self.LH, tok)
        pdf.ln(self.LH)
        pdf.set_left_margin(lm)
        pdf.set_font("DejaVu", "", self.fx.font_size)

    def _tight(self, text: str) -> None:
        """Place words one by one with a gap below pdfplumber's default x_tolerance (3 pt) and
        no space glyphs, as some PDF producers do."""
        pdf = self.pdf
        gap = 0.45  # mm (≈ 1.3 pt)
        for li, line in enumerate(text.split("\n")):
            if li:
                pdf.ln(self.LH)
            for word in line.split():
                w = pdf.get_string_width(word)
                if pdf.get_x() + w > pdf.w - pdf.r_margin:
                    pdf.ln(self.LH)
                if pdf.get_y() + self.LH > pdf.h - pdf.b_margin:
                    pdf.add_page()
                pdf.text(pdf.get_x(), pdf.get_y() + self.LH * 0.75, word)
                pdf.set_x(pdf.get_x() + w + gap)

    def gap(self, h: float = 2.5) -> None:
        self.pdf.ln(h)

    def table(self, t: Table) -> None:
        pdf = self.pdf
        size = t.size or self.fx.font_size - 0.5
        pdf.set_font("DejaVu", "", size)

        def text(c: str | Cell, header: bool) -> str:
            c = _cell(c)
            parts = [c.text]
            if c.nested is not None:
                # the nested table's columns as a visible gap (em spaces; fpdf2 cannot nest
                # tables), as Word prints an unruled inner table
                parts.append("\n".join(NESTED_COLUMN_GAP.join(plain(_cell(x).text) for x in r)
                                       for r in c.nested.rows))
            if c.after:
                parts.append(c.after)
            # header rows are bold through headings_style (a "**" here would toggle it off)
            s = "\n".join(markers(p, "extracted") for p in parts if p)
            return s.replace("**", "") if header else s

        with pdf.table(
            col_widths=tuple(t.widths),
            width=sum(t.widths),
            align="LEFT",
            text_align="LEFT",
            v_align="TOP",
            borders_layout="ALL",
            markdown=True,
            first_row_as_headings=t.header,
            line_height=size * 0.45,
            padding=1.5,
            headings_style=None if not t.header else _headings_style(),
        ) as table:
            for ri, row in enumerate(t.rows):
                r = table.row()
                for c in row:
                    r.cell(text(c, header=t.header and ri == 0))
        pdf.set_font("DejaVu", "", self.fx.font_size)
        self.gap(4)

    def render(self, blocks: list[Any]) -> bytes:
        pdf = self.pdf
        pdf.add_page()
        for b in blocks:
            if isinstance(b, Title):
                self.write(b.text, bold=True, size=self.fx.font_size + 4)
                self.gap(3)
            elif isinstance(b, P):
                self.write(b.text, indent=b.indent, size=b.size)
            elif isinstance(b, Label):
                self.gap(1.5)
                self.write(b.text, bold=b.bold)
            elif isinstance(b, Head):
                self.gap(4)
                t = f"{b.number} {b.text}" if b.number else b.text
                self.write(t, bold=True, size=self.fx.font_size + (2 if b.level == 1 else 1))
                self.gap(1.5)
            elif isinstance(b, Item):
                self.gap(4)
                self.write(f"{b.label} {b.title}", bold=b.bold)
                self.gap(1.5)
            elif isinstance(b, Bullets):
                for it in b.items:
                    self.write(it, indent=b.indent, prefix=b.marker)
            elif isinstance(b, Numbered):
                n = self.counters.get(b.list_id, b.start) if b.list_id else b.start
                for i, it in enumerate(b.items):
                    self.write(it, indent=b.indent, prefix=b.fmt.format(n=_label_for(n + i, b.numfmt)))
                if b.list_id:
                    self.counters[b.list_id] = n + len(b.items)
            elif isinstance(b, Table):
                self.table(b)
            elif isinstance(b, Toc):
                for lab, title, page in b.entries:
                    s = f"{lab} {plain(title)} "
                    self.write(s + "." * max(3, 78 - len(s)) + f" {page}")
                self.gap(3)
            elif isinstance(b, Blank):
                self.gap(self.LH)
            elif isinstance(b, PageBreak):
                pdf.add_page()
            else:  # pragma: no cover
                raise TypeError(f"unknown block {b!r}")
        title = next((plain(b.text) for b in blocks if isinstance(b, Title)), self.fx.name)
        pdf.set_title(title)
        return bytes(pdf.output())


def _headings_style() -> Any:
    from fpdf.fonts import FontFace

    return FontFace(emphasis="BOLD")


def render_pdf(fx: Fixture, fonts: tuple[Path, Path]) -> bytes:
    return _Pdf(fx, fonts).render(prepared(fx, "pdf"))


# --------------------------------------------------------------------------------------------
# expected.json
# --------------------------------------------------------------------------------------------

EXPECTED_ORDER = (
    "doc_type", "forum", "meeting_date", "language", "attendance_count", "items", "decisions",
    "actions", "participants", "attachments", "proposals", "prior_decisions", "must_not_appear",
    "meetings", "notes",
)


def expected_json(fx: Fixture) -> bytes:
    def ordered(d: dict[str, Any]) -> dict[str, Any]:
        unknown = set(d) - set(EXPECTED_ORDER)
        if unknown:
            raise ValueError(f"{fx.name}: unknown expected keys {sorted(unknown)}")
        out = {k: d[k] for k in EXPECTED_ORDER if k in d}
        if "meetings" in out:
            out["meetings"] = [ordered(m) for m in out["meetings"]]
        return out

    return (json.dumps(ordered(fx.expected), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# --------------------------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------------------------


def load_fixtures() -> list[Fixture]:
    # The specs import this module by name; when it runs as a script, make that name point
    # here so the block classes are the same objects.
    sys.modules.setdefault("make_fixtures", sys.modules[__name__])
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    try:
        import fixture_specs
    finally:
        sys.path.pop(0)
    fixtures: list[Fixture] = fixture_specs.FIXTURES
    names = [f.name for f in fixtures]
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        raise ValueError(f"duplicate fixture names: {sorted(dupes)}")
    return fixtures


def render(fx: Fixture, fmt: str, fonts: tuple[Path, Path] | None) -> bytes:
    if fmt == "txt":
        return render_txt(fx)
    if fmt == "md":
        return render_md(fx)
    if fmt == "docx":
        return render_docx(fx)
    if fmt == "pdf":
        if fonts is None:
            raise SystemExit(
                "make_fixtures: PDF needs DejaVuSans.ttf and DejaVuSans-Bold.ttf "
                "(apt install fonts-dejavu-core); or pass --formats txt,md,docx,json"
            )
        return render_pdf(fx, fonts)
    if fmt == "json":
        return expected_json(fx)
    raise ValueError(fmt)


def write_fixture(fx: Fixture, out: Path, formats: Iterable[str],
                  fonts: tuple[Path, Path] | None) -> list[Path]:
    folder = out / fx.name
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        if fmt != "json" and fmt not in fx.formats:
            continue
        path = folder / ("expected.json" if fmt == "json" else f"{fx.name}.{fmt}")
        data = render(fx, fmt, fonts)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default fixtures/)")
    ap.add_argument("--only", action="append", default=[], metavar="NAME",
                    help="generate only this fixture (repeatable)")
    ap.add_argument("--formats", default=",".join(ALL_FORMATS),
                    help="comma-separated subset of txt,md,docx,pdf,json")
    ap.add_argument("--list", action="store_true", help="list the fixtures and exit")
    ap.add_argument("--clean", action="store_true",
                    help="remove fixture folders in --out that no spec produces")
    args = ap.parse_args(argv)

    fixtures = load_fixtures()
    if args.list:
        for fx in fixtures:
            print(f"{fx.name:32} {fx.about}")
        return 0
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    bad = [f for f in formats if f not in ALL_FORMATS]
    if bad:
        ap.error(f"unknown format(s): {', '.join(bad)}")
    if args.only:
        unknown = set(args.only) - {f.name for f in fixtures}
        if unknown:
            ap.error(f"unknown fixture(s): {', '.join(sorted(unknown))}")
        fixtures = [f for f in fixtures if f.name in args.only]
    fonts = find_fonts() if "pdf" in formats else None

    args.out.mkdir(parents=True, exist_ok=True)
    for fx in fixtures:
        paths = write_fixture(fx, args.out, formats, fonts)
        print(f"{fx.name}: {', '.join(p.name for p in paths)}", file=sys.stderr)
    if not args.only:
        known = {f.name for f in fixtures}
        for d in sorted(p for p in args.out.iterdir() if p.is_dir()):
            if d.name not in known and (d / "expected.json").exists():
                if args.clean:
                    shutil.rmtree(d)
                    print(f"removed stale {d}", file=sys.stderr)
                else:
                    print(f"warning: {d} is not produced by any spec (--clean removes it)",
                          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
