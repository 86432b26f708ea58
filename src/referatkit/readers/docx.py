"""DOCX reader: WordprocessingML walked with lxml, Word's automatic numbering rebuilt.

python-docx is not used for reading: its object model does not reach content controls,
nested tables or numbering, and parsing the parts ourselves reads each part once.

Block conventions:

* one block per paragraph, in body order (content controls ``w:sdt``, ``w:customXml``,
  tracked insertions included; tracked deletions and hidden text left out); a run of empty
  paragraphs gives one ``BLANK`` (the same paragraph-gap hint as in PDF/TXT);
* Word numbering is rebuilt from ``numbering.xml``: the label as printed goes into
  ``list_number`` ("1.", "4.1", "a)", bullets as "•"), the level into ``list_level`` and
  the ``numId`` into ``list_id``; the text itself does not carry the label;
* headings: style "Heading N"/"Overskrift N" or an outline level → ``HEADING`` with
  ``heading_level`` N (outline level 0 is 1); the "Title" style is ``heading_level`` 1 too
  (the model's top level; 0 would read as "no level" in a truth test). A numbered heading
  keeps its ``list_number``;
* tables: one ``TABLE_CELL`` per cell (``table``/``row``/``col``, ``col`` on the table grid,
  so a merged cell is reported once at its first column and vertically merged
  continuation cells are left out), its paragraphs joined by ``"\\n"``; inside a cell a
  numbered paragraph's label is written in front of its text ("1. …"), as there is no
  block of its own to carry it. Tables nested in a cell follow that cell as their own
  cells with ``nested`` = depth;
* text boxes follow the paragraph they are anchored in, as paragraphs;
* section headers and footers come after the body with ``source="header"``/``"footer"``;
* ``w:br``/``w:cr`` → "\\n", ``w:tab`` → "\\t", ``w:softHyphen`` dropped, ``w:noBreakHyphen``
  → "-", symbol-font bullets → "•".
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from referatkit.errors import ReadError
from referatkit.model import BLANK, HEADING, LIST_ITEM, TABLE_CELL, Block, RawDocument

MAX_PART_BYTES = 200 * 1024 * 1024  # larger XML parts are zip bombs, not minutes
MAX_STYLE_DEPTH = 32  # basedOn chains longer than this are cycles
MAX_TABLE_DEPTH = 16  # deeper nesting of tables is not a document a person wrote
TITLE_LEVEL = 1  # heading_level of the "Title" style: the top level, like Heading 1 (0 is falsy)
BODY_OUTLINE_LEVEL = 9  # w:outlineLvl 9 means body text

W_MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
R_MAIN = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
R_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
CORE_NS = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
}

HEADING_STYLE = re.compile(r"^(?:heading|overskrift|berschrift|rubrik)\s*([1-9])$", re.I)
TITLE_STYLE = re.compile(r"^(?:title|titel|tittel)$", re.I)
BULLET = "•"
# Symbol/Wingdings code points (as w:sym or in lvlText) that Word shows as bullets.
SYMBOL_CHARS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf06e": "■", "\uf0d8": "➢", "\uf0fc": "✓"}
TRUE_VALUES = ("1", "true", "on")
ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def read_docx(path: Path) -> RawDocument:
    """Read a .docx file into blocks. Raises :class:`ReadError` with a one-line reason."""
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile as e:
        raise ReadError("not a Word document (not a zip file)") from e
    with zf:
        package = _Package(zf)
        main = package.main_part()
        root = package.xml(main)
        reader = _Reader(package, main, root)
        raw = RawDocument(path=str(path), format="docx")
        raw.blocks = reader.read()
        raw.meta.update(package.core_properties())
        raw.warnings.extend(reader.warnings)
        return raw


# --- the package ------------------------------------------------------------------------


class _Package:
    """The zip with its relationships; every part read at most once, with a size limit."""

    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf
        self.names = set(zf.namelist())
        self._rels_cache: dict[str, etree._Element] = {}
        self._parser = etree.XMLParser(
            resolve_entities=False, no_network=True, remove_comments=True, huge_tree=False
        )

    def read(self, name: str) -> bytes:
        try:
            info = self.zf.getinfo(name)
        except KeyError as e:
            raise ReadError(f"damaged Word document (missing part {name})") from e
        if info.flag_bits & 0x1:
            raise ReadError("password-protected or encrypted Word document")
        if info.file_size > MAX_PART_BYTES:
            raise ReadError(f"damaged Word document ({name} too large)")
        try:
            with self.zf.open(info) as fh:
                data = fh.read(MAX_PART_BYTES + 1)  # the header's size may lie
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as e:
            raise ReadError(f"damaged Word document (cannot unpack {name})") from e
        if len(data) > MAX_PART_BYTES:
            raise ReadError(f"damaged Word document ({name} too large)")
        return data

    def xml(self, name: str) -> etree._Element:
        cached = self._rels_cache.get(name)
        if cached is not None:
            return cached
        data = self.read(name)
        try:
            root = etree.fromstring(data, parser=self._parser)
        except etree.XMLSyntaxError as e:
            raise ReadError(f"damaged Word document (invalid XML in {name})") from e
        if name.endswith(".rels"):
            self._rels_cache[name] = root  # asked for once per relationship type
        return root

    def main_part(self) -> str:
        """The main document part, found through the package relationships."""
        target = None
        if "_rels/.rels" in self.names:
            for rel in self.xml("_rels/.rels"):
                if str(rel.get("Type", "")).endswith("/officeDocument"):
                    target = str(rel.get("Target", "")).lstrip("/")
                    break
        if target and target in self.names:
            return target
        if "word/document.xml" in self.names:
            return "word/document.xml"
        raise ReadError("not a Word document (no word/document.xml)")

    def relationships(self, part: str) -> dict[str, str]:
        """rId → part name for *part*'s internal relationships."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if rels_name not in self.names:
            return {}
        out: dict[str, str] = {}
        for rel in self.xml(rels_name):
            if rel.get("TargetMode") == "External":
                continue
            target = str(rel.get("Target", ""))
            if target.startswith("/"):
                name = target.lstrip("/")
            else:
                name = posixpath.normpath(posixpath.join(folder, target))
            out[str(rel.get("Id", ""))] = name
        return out

    def related(self, part: str, kind: str) -> str | None:
        """The first part related to *part* by relationship type ending in /kind."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if rels_name not in self.names:
            guess = posixpath.join(folder, kind + ".xml")
            return guess if guess in self.names else None
        for rel in self.xml(rels_name):
            if (
                str(rel.get("Type", "")).endswith("/" + kind)
                and rel.get("TargetMode") != "External"
            ):
                name = posixpath.normpath(posixpath.join(folder, str(rel.get("Target", ""))))
                return name if name in self.names else None
        return None

    def core_properties(self) -> dict[str, str]:
        if "docProps/core.xml" not in self.names:
            return {}
        try:
            root = self.xml("docProps/core.xml")
        except ReadError:
            return {}  # metadata is a courtesy; the text was read
        meta: dict[str, str] = {}
        for xpath, key in (
            ("dc:title", "title"),
            ("dc:creator", "author"),
            ("dcterms:created", "created"),
            ("dcterms:modified", "modified"),
        ):
            found = root.find(xpath, CORE_NS)
            value = " ".join((found.text or "").split()) if found is not None else ""
            if value:
                meta[key] = value
        return meta


# --- styles ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Style:
    kind: str  # paragraph | character | table | numbering
    name: str
    based_on: str | None
    bold: bool | None
    vanish: bool | None
    size: float | None  # points
    num_id: str | None
    ilvl: int | None
    outline: int | None
    heading: int | None  # from the style's own name


@dataclass(slots=True)
class _Resolved:
    """A style's effective properties after following basedOn."""

    bold: bool | None = None
    vanish: bool | None = None
    size: float | None = None
    num_id: str | None = None
    ilvl: int | None = None
    outline: int | None = None
    heading: int | None = None
    numbered_style: str | None = None  # the style in the chain that carries the numPr


class _Styles:
    def __init__(self, root: etree._Element | None, w: str) -> None:
        self.w = w
        self.styles: dict[str, _Style] = {}
        self.default_para: str | None = None
        self.default_char: str | None = None
        self.doc_bold: bool | None = None
        self.doc_size: float | None = None
        self._cache: dict[str, _Resolved] = {}
        if root is None:
            return
        q = _Q(w)
        rpr_default = root.find(f"{q.docDefaults}/{q.rPrDefault}/{q.rPr}")
        if rpr_default is not None:
            self.doc_bold = _toggle(rpr_default.find(q.b), w)
            self.doc_size = _half_points(rpr_default.find(q.sz), w)
        for st in root.iter(q.style):
            sid = st.get(q.styleId)
            if not sid:
                continue
            kind = st.get(q.type) or "paragraph"
            name_el = st.find(q.name)
            name = (name_el.get(q.val) if name_el is not None else None) or sid
            based = st.find(q.basedOn)
            rpr = st.find(q.rPr)
            ppr = st.find(q.pPr)
            num_id, ilvl = _num_pr(ppr, w)
            outline_el = ppr.find(q.outlineLvl) if ppr is not None else None
            heading = None
            for candidate in (name, sid):
                m = HEADING_STYLE.match(candidate.strip())
                if m:
                    heading = int(m.group(1))
                    break
                if TITLE_STYLE.match(candidate.strip()):
                    heading = TITLE_LEVEL
                    break
            self.styles[sid] = _Style(
                kind=kind,
                name=name,
                based_on=based.get(q.val) if based is not None else None,
                bold=_toggle(rpr.find(q.b), w) if rpr is not None else None,
                vanish=_toggle(rpr.find(q.vanish), w) if rpr is not None else None,
                size=_half_points(rpr.find(q.sz), w) if rpr is not None else None,
                num_id=num_id,
                ilvl=ilvl,
                outline=_int(outline_el.get(q.val)) if outline_el is not None else None,
                heading=heading,
            )
            if st.get(q.default) in TRUE_VALUES:
                if kind == "paragraph":
                    self.default_para = sid
                elif kind == "character":
                    self.default_char = sid

    def resolve(self, sid: str | None, kind: str = "paragraph") -> _Resolved:
        if sid is None or sid not in self.styles:
            sid = self.default_para if kind == "paragraph" else self.default_char
        if sid is None:
            return _Resolved()
        key = f"{kind}:{sid}"
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        out = _Resolved()
        seen: set[str] = set()
        current: str | None = sid
        while current and current in self.styles and current not in seen:
            if len(seen) >= MAX_STYLE_DEPTH:
                break
            seen.add(current)
            st = self.styles[current]
            if out.bold is None:
                out.bold = st.bold
            if out.vanish is None:
                out.vanish = st.vanish
            if out.size is None:
                out.size = st.size
            if out.num_id is None and st.num_id is not None:
                out.num_id = st.num_id
                out.numbered_style = current
            if out.ilvl is None:
                out.ilvl = st.ilvl
            if out.outline is None:
                out.outline = st.outline
            if out.heading is None:
                out.heading = st.heading
            current = st.based_on
        self._cache[key] = out
        return out

    def num_id_of_style(self, sid: str) -> str | None:
        return self.resolve(sid).num_id


# --- numbering ------------------------------------------------------------------------


@dataclass(slots=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart (1-based level), None = after any higher level
    legal: bool = False  # w:isLgl: show all levels as decimal
    style: str | None = None  # w:pStyle: the paragraph style bound to this level


@dataclass(slots=True)
class _Num:
    abstract: str
    levels: dict[int, _Level]
    start_overrides: dict[int, int] = field(default_factory=dict)


class _Numbering:
    """Word's list counters: shared per abstractNum, restarted by a num's startOverride."""

    def __init__(self, root: etree._Element | None, w: str, styles: _Styles) -> None:
        self.nums: dict[str, _Num] = {}
        self.counters: dict[str, dict[int, int]] = {}  # abstractNum → level → last value
        self.pending: dict[str, dict[int, int]] = {}  # abstractNum → level → restart value
        self.started: set[str] = set()
        if root is None:
            return
        q = _Q(w)
        abstracts: dict[str, dict[int, _Level]] = {}
        style_links: dict[str, str] = {}
        for ab in root.iter(q.abstractNum):
            aid = ab.get(q.abstractNumId)
            if aid is None:
                continue
            abstracts[aid] = {}
            for lvl in ab.iter(q.lvl):
                ilvl = _int(lvl.get(q.ilvl))
                if ilvl is not None:
                    abstracts[aid][ilvl] = _level(lvl, w)
            link = ab.find(q.numStyleLink)
            if link is not None and link.get(q.val):
                style_links[aid] = str(link.get(q.val))
        raw_nums: dict[str, etree._Element] = {}
        for num in root.iter(q.num):
            nid = num.get(q.numId)
            if nid is not None:
                raw_nums[nid] = num
        for nid, num in raw_nums.items():
            ref = num.find(q.abstractNumId)
            aid = ref.get(q.val) if ref is not None else None
            if aid is None:
                continue
            # An abstractNum that only links to a numbering style takes that style's list.
            for _ in range(3):
                link = style_links.get(aid)
                if not link:
                    break
                linked_num = styles.num_id_of_style(link)
                target = raw_nums.get(linked_num) if linked_num else None
                ref2 = target.find(q.abstractNumId) if target is not None else None
                if ref2 is None or ref2.get(q.val) in (None, aid):
                    break
                aid = str(ref2.get(q.val))
            levels = dict(abstracts.get(aid, {}))
            overrides: dict[int, int] = {}
            for ov in num.iter(q.lvlOverride):
                ilvl = _int(ov.get(q.ilvl))
                if ilvl is None:
                    continue
                so = ov.find(q.startOverride)
                if so is not None and _int(so.get(q.val)) is not None:
                    overrides[ilvl] = _int(so.get(q.val)) or 0
                lvl = ov.find(q.lvl)
                if lvl is not None:
                    levels[ilvl] = _level(lvl, w)
                    overrides.setdefault(ilvl, levels[ilvl].start)
            self.nums[nid] = _Num(str(aid), levels, overrides)

    def level_for_style(self, num_id: str, style: str | None) -> int | None:
        num = self.nums.get(num_id)
        if num is None or style is None:
            return None
        for ilvl, lvl in num.levels.items():
            if lvl.style == style:
                return ilvl
        return None

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the counters for one numbered paragraph; the label as Word prints it.
        None when the list does not exist (numId 0 removes numbering)."""
        num = self.nums.get(num_id)
        if num is None:
            return None
        ilvl = max(0, min(ilvl, 8))
        counters = self.counters.setdefault(num.abstract, {})
        pending = self.pending.setdefault(num.abstract, {})
        if num_id not in self.started:
            # A num with startOverride restarts those levels of the shared list when it is
            # first used; without one it continues where the other nums left off.
            self.started.add(num_id)
            for lvl, start in num.start_overrides.items():
                counters.pop(lvl, None)
                pending[lvl] = start
        level = num.levels.get(ilvl, _Level())
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = pending.pop(ilvl, level.start)
        for deeper in [k for k in counters if k > ilvl]:
            limit = num.levels.get(deeper, _Level()).restart
            if ilvl < (deeper if limit is None else limit):
                del counters[deeper]
        if level.fmt == "bullet":
            return BULLET
        if level.fmt == "none":
            return ""

        def value(match: re.Match[str]) -> str:
            n = int(match.group(1)) - 1
            lvl = num.levels.get(n, _Level())
            count = counters.get(n, lvl.start)
            fmt = "decimal" if level.legal else lvl.fmt
            return _format_number(count, fmt)

        return re.sub(r"%([1-9])", value, level.text).strip()


def _level(lvl: etree._Element, w: str) -> _Level:
    q = _Q(w)

    def val(tag: str) -> str | None:
        el = lvl.find(tag)
        return el.get(q.val) if el is not None else None

    start = _int(val(q.start))
    restart = _int(val(q.lvlRestart))
    text = val(q.lvlText)
    return _Level(
        start=1 if start is None else start,
        fmt=val(q.numFmt) or "decimal",
        text="" if text is None else text,
        restart=restart,
        legal=lvl.find(q.isLgl) is not None and _toggle(lvl.find(q.isLgl), w) is not False,
        style=val(q.pStyle),
    )


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        if n < 1:
            return str(n)
        # Word repeats the letter: a … z, aa … zz, aaa …
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        if not 0 < n < 4000:
            return str(n)
        out = ""
        for value, letters in ROMAN:
            while n >= value:
                out += letters
                n -= value
        return out.upper() if fmt == "upperRoman" else out
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)  # decimal and every format we do not spell out


# --- the body -------------------------------------------------------------------------


@dataclass(slots=True)
class _Para:
    text: str
    bold: bool
    size: float | None
    style: _Resolved
    num_id: str | None
    ilvl: int | None
    label: str | None
    heading: int | None
    boxes: list[etree._Element]  # text boxes anchored in this paragraph


class _Reader:
    def __init__(self, package: _Package, main: str, root: etree._Element) -> None:
        self.package = package
        self.main = main
        ns = etree.QName(root).namespace or W_MAIN
        self.w = ns if ns in (W_MAIN, W_STRICT) else W_MAIN
        self.r = R_STRICT if self.w == W_STRICT else R_MAIN
        self.q = _Q(self.w)
        self.root = root
        self.warnings: list[str] = []
        styles_part = package.related(main, "styles")
        numbering_part = package.related(main, "numbering")
        self.styles = _Styles(package.xml(styles_part) if styles_part else None, self.w)
        self.numbering = _Numbering(
            package.xml(numbering_part) if numbering_part else None, self.w, self.styles
        )
        self.table_count = 0
        self.skipped_deep_tables = 0

    # The walk -----------------------------------------------------------------------

    def read(self) -> list[Block]:
        body = self.root.find(self.q.body)
        if body is None:
            raise ReadError("damaged Word document (no document body)")
        blocks: list[Block] = []
        self._block_level(body, blocks, source="body")
        # Empty paragraphs at the start and end are not paragraph gaps.
        while blocks and blocks[0].kind == BLANK:
            blocks.pop(0)
        while blocks and blocks[-1].kind == BLANK:
            blocks.pop()
        blocks.extend(self._headers_footers(body))
        if self.skipped_deep_tables:
            self.warnings.append(
                f"{self.skipped_deep_tables} table(s) nested deeper than {MAX_TABLE_DEPTH} left out"
            )
        return blocks

    def _block_level(self, container: etree._Element, out: list[Block], source: str) -> None:
        q = self.q
        for el in container:
            tag = el.tag
            if tag == q.p:
                self._paragraph_blocks(el, out, source)
            elif tag == q.tbl:
                self._table(el, out, source, depth=0)
            elif tag in (q.sdt, q.customXml, q.ins, q.moveTo):
                inner = el.find(q.sdtContent) if tag == q.sdt else el
                if inner is not None:
                    self._block_level(inner, out, source)
            elif tag == f"{{{MC}}}AlternateContent":
                branch = _choice(el)
                if branch is not None:
                    self._block_level(branch, out, source)

    def _paragraph_blocks(self, p: etree._Element, out: list[Block], source: str) -> None:
        para = self._paragraph(p)
        text = para.text
        if not text.strip() and not para.label:
            if source == "body" and out and out[-1].kind != BLANK:
                out.append(Block("", kind=BLANK, source=source))
        else:
            block = Block(text, bold=para.bold, font_size=para.size, source=source)
            if para.label is not None and para.label != "":
                block.kind = LIST_ITEM
                block.list_number = para.label
                block.list_level = para.ilvl
                block.list_id = para.num_id
            if para.heading is not None:
                block.kind = HEADING
                block.heading_level = para.heading
            out.append(block)
        for box in para.boxes:
            self._block_level(box, out, source)

    # Paragraphs ---------------------------------------------------------------------

    def _paragraph(self, p: etree._Element) -> _Para:
        q = self.q
        ppr = p.find(q.pPr)
        style_id = None
        if ppr is not None:
            ps = ppr.find(q.pStyle)
            style_id = ps.get(q.val) if ps is not None else None
        style = self.styles.resolve(style_id)
        num_id, ilvl = _num_pr(ppr, self.w)
        numbered_style = None
        if num_id is None:
            num_id = style.num_id
            numbered_style = style.numbered_style
        if ilvl is None:
            ilvl = style.ilvl
        if ilvl is None and num_id is not None:
            # A style bound to a level of its list (w:pStyle in the level) numbers at it.
            ilvl = self.numbering.level_for_style(num_id, numbered_style or style_id)
        outline = None
        if ppr is not None:
            ol = ppr.find(q.outlineLvl)
            outline = _int(ol.get(q.val)) if ol is not None else None
        if outline is None:
            outline = style.outline
        heading = style.heading
        if heading is None and outline is not None and 0 <= outline < BODY_OUTLINE_LEVEL:
            heading = outline + 1

        pieces: list[str] = []
        runs: list[tuple[str, bool, float | None]] = []
        boxes: list[etree._Element] = []
        self._inline(p, style, pieces, runs, boxes)
        text = _tidy("".join(pieces))
        visible = [(t, b, s) for t, b, s in runs if t.strip()]
        bold = bool(visible) and all(b for _, b, _ in visible)
        sizes: Counter[float] = Counter()
        for t, _, s in visible:
            if s is not None:
                sizes[s] += len(t)
        size = sizes.most_common(1)[0][0] if sizes else None

        label = None
        if num_id is not None and num_id != "0":
            label = self.numbering.label(num_id, ilvl or 0)
        return _Para(text, bold, size, style, num_id, ilvl or 0, label, heading, boxes)

    def _inline(
        self,
        el: etree._Element,
        style: _Resolved,
        pieces: list[str],
        runs: list[tuple[str, bool, float | None]],
        boxes: list[etree._Element],
    ) -> None:
        q = self.q
        for child in el:
            tag = child.tag
            if tag == q.r:
                self._run(child, style, pieces, runs, boxes)
            elif tag in (
                q.hyperlink,
                q.ins,
                q.moveTo,
                q.smartTag,
                q.customXml,
                q.fldSimple,
                q.dir,
                q.bdo,
            ):
                self._inline(child, style, pieces, runs, boxes)
            elif tag == q.sdt:
                content = child.find(q.sdtContent)
                if content is not None:
                    self._inline(content, style, pieces, runs, boxes)
            elif tag == f"{{{MC}}}AlternateContent":
                branch = _choice(child)
                if branch is not None:
                    self._inline(branch, style, pieces, runs, boxes)
            # w:pPr, w:del, w:moveFrom, bookmarks, comments, proofing marks: no text.

    def _run(
        self,
        r: etree._Element,
        style: _Resolved,
        pieces: list[str],
        runs: list[tuple[str, bool, float | None]],
        boxes: list[etree._Element],
    ) -> None:
        q = self.q
        rpr = r.find(q.rPr)
        bold, vanish, size = style.bold, style.vanish, style.size
        if rpr is not None:
            rs = rpr.find(q.rStyle)
            if rs is not None:
                char = self.styles.resolve(rs.get(q.val), "character")
                bold = char.bold if char.bold is not None else bold
                vanish = char.vanish if char.vanish is not None else vanish
                size = char.size if char.size is not None else size
            direct = _toggle(rpr.find(q.b), self.w)
            bold = direct if direct is not None else bold
            hidden = _toggle(rpr.find(q.vanish), self.w)
            vanish = hidden if hidden is not None else vanish
            sz = _half_points(rpr.find(q.sz), self.w)
            size = sz if sz is not None else size
        if bold is None:
            bold = self.styles.doc_bold or False
        if size is None:
            size = self.styles.doc_size
        if vanish:
            return
        text: list[str] = []
        for child in r:
            tag = child.tag
            if tag == q.t:
                text.append(child.text or "")
            elif tag in (q.tab, q.ptab):
                text.append("\t")
            elif tag in (q.br, q.cr):
                text.append("\n")
            elif tag == q.noBreakHyphen:
                text.append("-")
            elif tag == q.sym:
                code = child.get(q.char) or ""
                try:
                    ch = chr(int(code, 16))
                except ValueError:
                    continue
                text.append(SYMBOL_CHARS.get(ch, ch))
            elif tag in (q.drawing, q.pict, q.object) or tag == f"{{{MC}}}AlternateContent":
                boxes.extend(_text_boxes(child, q))
            # w:softHyphen, w:instrText, w:delText, w:fldChar, footnote marks: nothing.
        joined = "".join(text)
        if joined:
            pieces.append(joined)
            runs.append((joined, bool(bold), size))

    # Tables -------------------------------------------------------------------------

    def _table(self, tbl: etree._Element, out: list[Block], source: str, depth: int) -> None:
        if depth > MAX_TABLE_DEPTH:
            self.skipped_deep_tables += 1
            return
        q = self.q
        index = self.table_count
        self.table_count += 1
        rows = [tr for tr in self._rows(tbl) if not _deleted_row(tr, q)]
        for row_index, tr in enumerate(rows):
            col = 0
            trpr = tr.find(q.trPr)
            if trpr is not None:
                before = trpr.find(q.gridBefore)
                col = _int(before.get(q.val)) if before is not None else 0
                col = col or 0
            for tc in self._cells(tr):
                tcpr = tc.find(q.tcPr)
                span = 1
                merged = False
                if tcpr is not None:
                    gs = tcpr.find(q.gridSpan)
                    span = max(1, _int(gs.get(q.val)) or 1) if gs is not None else 1
                    vm = tcpr.find(q.vMerge)
                    hm = tcpr.find(q.hMerge)
                    merged = (vm is not None and vm.get(q.val) in (None, "continue")) or (
                        hm is not None and hm.get(q.val) in (None, "continue")
                    )
                if not merged:
                    self._cell(tc, out, source, depth, index, row_index, col)
                col += span

    def _rows(self, tbl: etree._Element) -> list[etree._Element]:
        return self._children(tbl, self.q.tr)

    def _cells(self, tr: etree._Element) -> list[etree._Element]:
        return self._children(tr, self.q.tc)

    def _children(self, parent: etree._Element, tag: str) -> list[etree._Element]:
        """Direct children with *tag*, looking through content controls and custom XML."""
        q = self.q
        out: list[etree._Element] = []
        for child in parent:
            if child.tag == tag:
                out.append(child)
            elif child.tag == q.sdt:
                content = child.find(q.sdtContent)
                if content is not None:
                    out.extend(self._children(content, tag))
            elif child.tag in (q.customXml, q.ins):
                out.extend(self._children(child, tag))
        return out

    def _cell(
        self,
        tc: etree._Element,
        out: list[Block],
        source: str,
        depth: int,
        table: int,
        row: int,
        col: int,
    ) -> None:
        lines: list[str] = []
        bolds: list[bool] = []
        sizes: Counter[float] = Counter()
        inner: list[Block] = []
        self._cell_content(tc, lines, bolds, sizes, inner, source, depth)
        # Empty paragraphs: one empty line marks a paragraph gap, at most, and only inside.
        kept: list[str] = []
        for line in lines:
            if line.strip() or (kept and kept[-1].strip()):
                kept.append(line if line.strip() else "")
        while kept and not kept[-1]:
            kept.pop()
        out.append(
            Block(
                "\n".join(kept),
                kind=TABLE_CELL,
                bold=bool(bolds) and all(bolds),
                table=table,
                row=row,
                col=col,
                nested=depth,
                font_size=sizes.most_common(1)[0][0] if sizes else None,
                source=source,
            )
        )
        out.extend(inner)

    def _cell_content(
        self,
        container: etree._Element,
        lines: list[str],
        bolds: list[bool],
        sizes: Counter[float],
        inner: list[Block],
        source: str,
        depth: int,
    ) -> None:
        q = self.q
        for el in container:
            if el.tag == q.p:
                para = self._paragraph(el)
                text = para.text
                if para.label:
                    text = f"{para.label} {text}" if text else para.label
                lines.append(text)
                if text.strip():
                    bolds.append(para.bold)
                    if para.size is not None:
                        sizes[para.size] += len(text)
                for box in para.boxes:
                    self._cell_content(box, lines, bolds, sizes, inner, source, depth)
            elif el.tag == q.tbl:
                self._table(el, inner, source, depth + 1)
            elif el.tag in (q.sdt, q.customXml, q.ins):
                content = el.find(q.sdtContent) if el.tag == q.sdt else el
                if content is not None:
                    self._cell_content(content, lines, bolds, sizes, inner, source, depth)
            elif el.tag == f"{{{MC}}}AlternateContent":
                branch = _choice(el)
                if branch is not None:
                    self._cell_content(branch, lines, bolds, sizes, inner, source, depth)

    # Headers and footers ------------------------------------------------------------

    def _headers_footers(self, body: etree._Element) -> list[Block]:
        q = self.q
        rels = self.package.relationships(self.main)
        seen: set[str] = set()
        found: dict[str, list[str]] = {"header": [], "footer": []}
        for sect in body.iter(q.sectPr):
            for kind, tag in (("header", q.headerReference), ("footer", q.footerReference)):
                for ref in sect.findall(tag):
                    target = rels.get(str(ref.get(f"{{{self.r}}}id", "")))
                    if target and target not in seen and target in self.package.names:
                        seen.add(target)
                        found[kind].append(target)
        blocks: list[Block] = []
        saved = self.numbering.counters, self.numbering.started
        self.numbering.counters, self.numbering.started = {}, set()
        try:
            for kind in ("header", "footer"):
                for part in found[kind]:
                    try:
                        root = self.package.xml(part)
                    except ReadError as e:
                        self.warnings.append(f"{kind} skipped: {e.message}")
                        continue
                    self._block_level(root, blocks, source=kind)
        finally:
            self.numbering.counters, self.numbering.started = saved
        return blocks


# --- helpers --------------------------------------------------------------------------


class _Q:
    """Clark names ``{namespace}local`` for the WordprocessingML namespace in use."""

    _cache: dict[str, _Q] = {}

    def __new__(cls, w: str) -> _Q:
        cached = cls._cache.get(w)
        if cached is None:
            cached = super().__new__(cls)
            cached._w = w
            cls._cache[w] = cached
        return cached

    _w: str

    def __getattr__(self, local: str) -> str:
        name = f"{{{self._w}}}{local}"
        object.__setattr__(self, local, name)
        return name


def _toggle(el: etree._Element | None, w: str) -> bool | None:
    """A toggle property (w:b, w:vanish): absent → None, present → its w:val (default on)."""
    if el is None:
        return None
    val = el.get(f"{{{w}}}val")
    return True if val is None else val.lower() in TRUE_VALUES


def _half_points(el: etree._Element | None, w: str) -> float | None:
    if el is None:
        return None
    n = _int(el.get(f"{{{w}}}val"))
    return n / 2 if n else None


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        try:
            return int(float(value))
        except ValueError:
            return None


def _num_pr(ppr: etree._Element | None, w: str) -> tuple[str | None, int | None]:
    if ppr is None:
        return None, None
    num_pr = ppr.find(f"{{{w}}}numPr")
    if num_pr is None:
        return None, None
    nid = num_pr.find(f"{{{w}}}numId")
    lvl = num_pr.find(f"{{{w}}}ilvl")
    return (
        nid.get(f"{{{w}}}val") if nid is not None else None,
        _int(lvl.get(f"{{{w}}}val")) if lvl is not None else None,
    )


def _deleted_row(tr: etree._Element, q: _Q) -> bool:
    trpr = tr.find(q.trPr)
    return trpr is not None and trpr.find(q.__getattr__("del")) is not None


def _choice(alternate: etree._Element) -> etree._Element | None:
    """The branch of mc:AlternateContent to read: the first Choice, else the Fallback (both
    hold the same content; reading both would double it)."""
    choice = alternate.find(f"{{{MC}}}Choice")
    return choice if choice is not None else alternate.find(f"{{{MC}}}Fallback")


def _text_boxes(el: etree._Element, q: _Q) -> list[etree._Element]:
    """Text box contents inside a drawing: the outermost w:txbxContent elements, read
    through one branch of mc:AlternateContent only (the VML fallback repeats the box)."""
    if el.tag == q.txbxContent:
        return [el]
    if el.tag == f"{{{MC}}}AlternateContent":
        branch = _choice(el)
        return _text_boxes(branch, q) if branch is not None else []
    found: list[etree._Element] = []
    for child in el:
        if isinstance(child.tag, str):
            found.extend(_text_boxes(child, q))
    return found


def _tidy(text: str) -> str:
    """Trim outer whitespace and the line breaks Word users put at paragraph ends."""
    return text.replace("\r", "\n").strip()
