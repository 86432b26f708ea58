"""Markdown reader (.md, .markdown): a line-based reading of CommonMark/GFM as minutes use it.

Decoding is the TXT reader's. Front matter (YAML ``---`` or TOML ``+++``) is skipped; its
``title``, ``date`` and ``author``/``referent`` go into ``meta``. Liquid tags are dropped.

Block conventions:

* one block per paragraph, its source lines joined by ``"\\n"``; a line that is bold as a
  whole (``**Referat fra vejledermøde 30/09/2025**``) is a block of its own with
  ``bold=True`` — a label or a meeting header, like a bold paragraph in Word;
* ATX (``#``…``######``, also ``###Topic``), setext and HTML (``<h2 id=…>``) headings →
  ``HEADING`` with ``heading_level``;
* list items (``-``, ``*``, ``+``, ``1.``, ``1)``) → ``LIST_ITEM`` with ``list_number``
  ("1.", "1)" or "•"), ``list_level`` from the indentation and ``list_id`` numbering the
  lists of the file ("1", "2", …); lines continuing an item join its text;
* pipe tables → one ``TABLE_CELL`` per cell (``table``/``row``/``col``), the delimiter row
  left out; fenced code → one ``PARA`` per line, verbatim;
* inline markup is removed: emphasis, links (their text), images (their alt text), inline
  code (kept verbatim), HTML tags (``<br>`` → ``"\\n"``), entities decoded; no BLANK blocks
  (blank lines only separate paragraphs in Markdown).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from referatkit.model import HEADING, LIST_ITEM, PARA, TABLE_CELL, Block, RawDocument
from referatkit.readers.txt import decode_text, split_lines

TAB_WIDTH = 4  # columns a tab indents, for list levels
FRONT_MATTER_MAX_LINES = 200  # a front matter block longer than this is not one
META_KEYS = {
    "title": "title",
    "date": "date",
    "author": "author",
    "authors": "author",
    "referent": "referent",
}

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
ATX = re.compile(r"^ {0,3}(#{1,6})(?!#)[ \t]*(.*?)(?:[ \t]+#+)?[ \t]*$")
SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
THEMATIC = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
BULLET = re.compile(r"^([ \t]*)([-*+])(?:[ \t]+(.*))?$")
ORDERED = re.compile(r"^([ \t]*)(\d{1,9})([.)])(?:[ \t]+(.*))?$")
QUOTE = re.compile(r"^ {0,3}> ?")
LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S")
HTML_HEADING = re.compile(r"^\s*<h([1-6])\b[^>]*>(.*?)</h\1\s*>\s*$", re.I | re.S)
HTML_ONLY = re.compile(r"^\s*(?:<[^>]+>\s*)+$")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
LIQUID = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.S)
TABLE_DELIMITER = re.compile(r"^ {0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
CELL_SPLIT = re.compile(r"(?<!\\)\|")

CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)
IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+|mailto:[^>\s]+|[^>\s@]+@[^>\s@]+\.[^>\s]+)>")
BR_TAG = re.compile(r"<br\s*/?>", re.I)
TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.S)
EMPHASIS_STAR = re.compile(r"(?<![\w*\\])\*(?=\S)(.+?)(?<=[^\s\\])\*(?![\w*])", re.S)
EMPHASIS_UNDERSCORE = re.compile(r"(?<![\w\\])_(?=\S)(.+?)(?<=\S)_(?!\w)", re.S)
STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~", re.S)
ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
HARD_BREAK = re.compile(r"(?: {2,}|\\)$")
PLACEHOLDER = "\x00{}\x00"
PLACEHOLDER_RE = re.compile(r"\x00(\d+)\x00")


def read_markdown(path: Path, data: bytes) -> RawDocument:
    decoded = decode_text(data)
    raw = RawDocument(path=str(path), format="md")
    raw.meta["encoding"] = decoded.encoding
    raw.warnings.extend(decoded.warnings)
    text, meta = _front_matter(decoded.text)
    raw.meta.update(meta)
    text = LIQUID.sub("", text)
    text = HTML_COMMENT.sub("", text)
    raw.blocks = _Parser(split_lines(text)).parse()
    return raw


# --- front matter ---------------------------------------------------------------------


def _front_matter(text: str) -> tuple[str, dict[str, str]]:
    lines = text.split("\n", FRONT_MATTER_MAX_LINES + 1)
    if not lines or lines[0].strip() not in ("---", "+++"):
        return text, {}
    fence = lines[0].strip()
    ends = ("---", "...") if fence == "---" else ("+++",)
    for i in range(1, min(len(lines), FRONT_MATTER_MAX_LINES + 1)):
        if lines[i].strip() in ends:
            body = "\n".join(lines[i + 1 :])
            return body, _front_matter_fields(lines[1:i], toml=fence == "+++")
    return text, {}


def _front_matter_fields(lines: list[str], toml: bool) -> dict[str, str]:
    """The few keys we use, from simple ``key: value`` (YAML) or ``key = value`` (TOML)."""
    meta: dict[str, str] = {}
    sep = "=" if toml else ":"
    current: str | None = None
    items: list[str] = []

    def store(key: str | None, value: str) -> None:
        if key is None:
            return
        name = META_KEYS.get(key.lower())
        value = value.strip()
        if name and value and name not in meta:
            meta[name] = value

    for line in lines:
        item = re.match(r"^\s+-\s+(.*)$", line)
        if item and current is not None:
            items.append(_unquote(item.group(1)))
            continue
        if current is not None and items:
            store(current, ", ".join(items))
        current, items = None, []
        if sep not in line or line[:1].isspace():
            continue
        key, _, value = line.partition(sep)
        key = key.strip()
        value = value.strip()
        if not value:
            current = key  # a YAML list may follow
            continue
        if value.startswith("[") and value.endswith("]"):
            value = ", ".join(_unquote(v) for v in value[1:-1].split(",") if v.strip())
        store(key, _unquote(value))
    if current is not None and items:
        store(current, ", ".join(items))
    if "referent" in meta and "author" not in meta:
        meta["author"] = meta["referent"]
    return meta


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


# --- blocks ---------------------------------------------------------------------------


@dataclass(slots=True)
class _ListState:
    indents: list[int] = field(default_factory=list)
    count: int = 0  # lists seen so far, for list_id
    open: bool = False


class _Parser:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.blocks: list[Block] = []
        self.paragraph: list[str] = []
        self.item: Block | None = None  # the list item that continuation lines extend
        self.lists = _ListState()
        self.tables = 0

    def parse(self) -> list[Block]:
        lines = self.lines
        i = 0
        while i < len(lines):
            line = lines[i]
            fence = FENCE.match(line)
            if fence:
                i = self._code(i, fence.group(1))
                continue
            if not line.strip():
                self._flush()
                self.item = None
                i += 1
                continue
            quote = QUOTE.match(line)
            if quote:
                line = line[quote.end() :]
                if not line.strip():
                    self._flush()
                    i += 1
                    continue
            if self.paragraph and SETEXT.match(line) and not self.item:
                level = 1 if line.strip().startswith("=") else 2
                self._flush(heading=level)
                i += 1
                continue
            if THEMATIC.match(line):
                self._flush()
                self._end_list()
                i += 1
                continue
            if self._table_starts(i):
                i = self._table(i)
                continue
            if self._heading(line) or self._list_item(line):
                i += 1
                continue
            if LINK_DEFINITION.match(line):
                i += 1
                continue
            if HTML_ONLY.match(line) and not BR_TAG.search(line):
                self._flush()  # a tag alone on its line (<p>, </div>, <hr>) separates blocks
                i += 1
                continue
            if self.item is not None and not self.paragraph:
                # A lazy continuation line belongs to the list item above it.
                self.item.text = _join(self.item.text, _inline(line)[0])
                i += 1
                continue
            if not line[:1].isspace():
                self._end_list()
            self.paragraph.append(line)
            i += 1
        self._flush()
        return [b for b in self.blocks if b.text.strip() or b.kind == TABLE_CELL]

    # Paragraphs ---------------------------------------------------------------------

    def _flush(self, heading: int | None = None) -> None:
        if not self.paragraph:
            return
        lines, self.paragraph = self.paragraph, []
        if heading is not None:
            text, _ = _inline(" ".join(ln.strip() for ln in lines))
            self.blocks.append(Block(text, kind=HEADING, heading_level=heading))
            return
        group: list[tuple[str, bool]] = []
        for line in lines:
            text, bold = _inline(line.strip())
            if bold:  # a bold line is a label or a header: a block of its own
                self._emit_paragraph(group)
                group = []
                self.blocks.append(Block(text, kind=PARA, bold=True))
            else:
                group.append((text, bold))
        self._emit_paragraph(group)

    def _emit_paragraph(self, group: list[tuple[str, bool]]) -> None:
        texts = [t for t, _ in group if t.strip()]
        if texts:
            self.blocks.append(Block("\n".join(texts), kind=PARA))

    def _heading(self, line: str) -> bool:
        m = ATX.match(line)
        level: int | None = None
        content = ""
        if m and (m.group(2) or line.strip().strip("#") == ""):
            level, content = len(m.group(1)), m.group(2)
        else:
            h = HTML_HEADING.match(line)
            if h:
                level, content = int(h.group(1)), h.group(2)
        if level is None:
            return False
        self._flush()
        self._end_list()
        text, bold = _inline(content)
        if text.strip():
            self.blocks.append(Block(text, kind=HEADING, heading_level=level, bold=bold))
        return True

    # Lists --------------------------------------------------------------------------

    def _list_item(self, line: str) -> bool:
        m = ORDERED.match(line)
        if m:
            indent, label, rest = m.group(1), m.group(2) + m.group(3), m.group(4) or ""
        else:
            b = BULLET.match(line)
            if not b or THEMATIC.match(line):
                return False
            indent, label, rest = b.group(1), "•", b.group(3) or ""
        if self.paragraph and not rest.strip():
            return False  # "-" alone under a paragraph line is a setext underline
        if self.paragraph and m and m.group(2) != "1" and not self.lists.open:
            return False  # CommonMark: only "1." may interrupt a paragraph ("2020. …" may not)
        self._flush()
        width = len(indent.expandtabs(TAB_WIDTH))
        level = self._level(width)
        text, bold = _inline(rest.strip())
        self.item = Block(
            text,
            kind=LIST_ITEM,
            bold=bold,
            list_number=label,
            list_level=level,
            list_id=str(self.lists.count),
        )
        self.blocks.append(self.item)
        return True

    def _level(self, indent: int) -> int:
        st = self.lists
        if not st.open:
            st.open = True
            st.count += 1
            st.indents = [indent]
            return 0
        while len(st.indents) > 1 and indent < st.indents[-1]:
            st.indents.pop()
        if indent > st.indents[-1]:
            st.indents.append(indent)
        elif indent < st.indents[-1]:
            st.indents[-1] = indent
        return len(st.indents) - 1

    def _end_list(self) -> None:
        self.lists.open = False
        self.lists.indents = []
        self.item = None

    # Tables and code ----------------------------------------------------------------

    def _table_starts(self, i: int) -> bool:
        line = self.lines[i]
        if "|" not in line:
            return False
        if i + 1 < len(self.lines) and TABLE_DELIMITER.match(self.lines[i + 1]):
            return "-" in self.lines[i + 1]
        return line.lstrip().startswith("|") and line.rstrip().endswith("|")

    def _table(self, i: int) -> int:
        self._flush()
        self._end_list()
        table = self.tables
        self.tables += 1
        row = 0
        while i < len(self.lines) and "|" in self.lines[i] and self.lines[i].strip():
            line = self.lines[i].strip()
            i += 1
            if TABLE_DELIMITER.match(line) and "-" in line:
                continue
            if line.startswith("|"):
                line = line[1:]
            if line.endswith("|") and not line.endswith("\\|"):
                line = line[:-1]
            for col, cell in enumerate(CELL_SPLIT.split(line)):
                text, bold = _inline(cell.strip().replace("\\|", "|"))
                self.blocks.append(
                    Block(text, kind=TABLE_CELL, bold=bold, table=table, row=row, col=col)
                )
            row += 1
        return i

    def _code(self, i: int, fence: str) -> int:
        self._flush()
        self.item = None
        i += 1
        closing = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}\s*$")
        while i < len(self.lines) and not closing.match(self.lines[i]):
            if self.lines[i].strip():
                self.blocks.append(Block(self.lines[i], kind=PARA))
            i += 1
        return i + 1


# --- inline markup --------------------------------------------------------------------


def _inline(text: str) -> tuple[str, bool]:
    """Markdown inline markup removed; and whether all of the visible text is strong."""
    text = HARD_BREAK.sub("", text)
    kept: list[str] = []

    def protect(value: str) -> str:
        kept.append(value)
        return PLACEHOLDER.format(len(kept) - 1)

    text = CODE_SPAN.sub(lambda m: protect(m.group(2).strip() or m.group(2)), text)
    text = AUTOLINK.sub(lambda m: protect(m.group(1).removeprefix("mailto:")), text)
    text = IMAGE.sub(r"\1", text)
    text = LINK.sub(r"\1", text)
    text = REF_LINK.sub(r"\1", text)
    text = FOOTNOTE_REF.sub("", text)
    text = BR_TAG.sub("\n", text)
    text = TAG.sub("", text)
    outside = STRONG.sub("", text)
    bold = outside != text and not re.search(r"[^\W_]", PLACEHOLDER_RE.sub("", outside))
    for _ in range(3):  # nested emphasis: ***x***, **_x_**
        text = STRONG.sub(r"\2", text)
        text = EMPHASIS_STAR.sub(r"\1", text)
        text = EMPHASIS_UNDERSCORE.sub(r"\1", text)
        text = STRIKE.sub(r"\1", text)
    text = ESCAPE.sub(r"\1", text)
    text = PLACEHOLDER_RE.sub(lambda m: kept[int(m.group(1))], text)
    text = html.unescape(text)
    return "\n".join(part.strip() for part in text.split("\n")).strip(), bold


def _join(a: str, b: str) -> str:
    return f"{a}\n{b}" if a and b else a or b
