"""The grammar of minutes: meeting metadata, agenda items and their sections.

The segmenter never opens files and knows nothing of formats beyond the hints on blocks.
It works in passes over a flat list of :class:`Line`:

1. *flatten* — blocks to lines; Word list numbers become part of the text ("1. …") so every
   format speaks the same language; agenda tables (Dagsordenspunkt | Referat) become an item
   line, its agenda text, and a synthetic "Referat" section.
2. *meetings* — a file holding several meetings is cut at repeated meeting headers.
3. *contents* — tables of contents and overview lists are recognised and set aside.
4. *items* — every line that the numbering grammar (:data:`ITEM_RULES`) accepts is a
   candidate; the agenda is the best-scoring increasing chain of candidates, so numbered lists
   inside items (which restart at 1, sit close together and share another Word list) lose.
5. *sections* — item bodies are cut at Danish section labels (:data:`vocab.SECTION_LABELS`).
6. *meeting* — doc type, forum, date, time and place from the header zone.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from referatkit import dates, vocab
from referatkit.model import (
    BLANK,
    HEADING,
    LIST_ITEM,
    TABLE_CELL,
    Block,
    Document,
    Item,
    RawDocument,
    Section,
)

# --------------------------------------------------------------------------- named data

# How an agenda item may be numbered. Ordered: the first rule that matches a line wins.
# Every rule yields ``num`` (digits, or a roman numeral for "roman") and ``title``.
ITEM_RULES: list[tuple[str, re.Pattern[str]]] = [
    (
        "word",
        re.compile(
            r"^(?P<word>" + "|".join(vocab.ITEM_WORDS) + r")\s*(?P<num>\d{1,4}[A-Za-z]?)"
            r"(?:\s*/\s*(?P<year>\d{2,4}))?(?:\s*[:.)\-–—]+\s*|\s+|$)(?P<title>.*)$",
            re.IGNORECASE,
        ),
    ),
    ("paragraph", re.compile(r"^§\s*(?P<num>\d{1,3}[A-Za-z]?)\s*[.:)\-–]?\s*(?P<title>.*)$")),
    ("dash", re.compile(r"^(?P<num>\d{1,4})\s+[-–—]\s+(?P<title>\S.*)$")),
    (
        "punct",
        re.compile(r"^(?P<num>\d{1,4}(?:[A-Za-z](?=[.)]))?)(?P<punct>[.)])(?!\d)\s*(?P<title>.*)$"),
    ),
    ("space", re.compile(r"^(?P<num>\d{1,4})\s+(?P<title>[A-ZÆØÅ\"”“«].*)$")),
    ("roman", re.compile(r"^(?P<num>[IVX]{1,4})[.)]\s+(?P<title>[A-ZÆØÅ].*)$")),
    ("time", re.compile(r"^\[(?P<num>\d{1,2}[:.]\d{2})\]\s*(?P<title>\S.*)$")),
]

# Rules whose candidates are only believed on a heading, a bold line or a Word list level 0
# ("1 Velkommen" in running prose is too common to trust otherwise).
WEAK_RULES = {"space", "roman", "time"}

# A "title" that starts like this is a date or an amount, not an agenda item ("15. maj …").
NOT_A_TITLE = re.compile(
    r"^(?:" + "|".join(sorted(dates.MONTHS, key=len, reverse=True)) + r")\b\.?|^(?:\d|%|kr\b|mio\b|mia\b|år\b|gang\b|halvår\b|kvartal\b|klasse\b|sal\b|sal\.|etage\b|time\b|uge\b|pladser\b|personer\b|stk\b)",
    re.IGNORECASE,
)

# Tables of contents: dot leaders or a trailing page number after a title.
TOC_HEADING = re.compile(r"^(?:indholdsfortegnelse|indhold|contents|table of contents|innhold|innehåll|indholdsfortegnelse:)\s*:?$", re.IGNORECASE)
TOC_LINE = re.compile(r"^(?P<title>.*?\S)\s*(?:\.{3,}|…{2,}|(?:\. ){3,}|_{3,})\s*\.?\s*(?P<page>\d{1,4})?\s*$")
# Every line TOC_LINE matches holds one of its leaders: looking for them first is cheap, and
# most lines hold none (the pattern's lazy title tries every position of the line).
TOC_LEADERS = ("...", "……", ". . . ", "___")
TOC_TRAILING_PAGE = re.compile(r"^(?P<title>.*?\S)\s+(?P<page>\d{1,3})$")
TOC_FIELD_HEADER = re.compile(r"^(?:punkt\s*nr\.?|side|pkt\.?|nr\.?)(?:\s+(?:side|titel))*\.?$", re.IGNORECASE)
OPEN_PART_HEADING = re.compile(r"^(?:åbent|åben|offentlig)\s+(?:referat|dagsorden|møde|del)\s*:?$", re.IGNORECASE)
TOC_MAX_WRAP = 3

# Two-column agenda tables: a header row like "Dagsordenspunkt | Referat (hovedpunkter)".
AGENDA_TABLE_LEFT = re.compile(r"^(?:dagsordens?punkt|dagsorden|punkt|pkt\.?|emne|sag|tema|item)\b", re.IGNORECASE)
AGENDA_TABLE_RIGHT = re.compile(r"^(?:referat|beslutning|bemærkning|konklusion|opfølgning|drøftelse|minutes|notes)", re.IGNORECASE)
# The label a table of people gets when no participant label stands above it.
PARTICIPANT_TABLE_LABEL = "Medlemmer"
TWO_COLUMN_TEXT_HEADER = re.compile(
    r"^(?:dagsordens?punkt|dagsorden|punkt|emne)\s{1,}(?:referat|beslutning|bemærkninger|konklusion)",
    re.IGNORECASE,
)

# Case numbers under an item title: "Sagsnr.: 12/27845", "Dok.nr.: 2012-202935", "EMN-2025-003383".
CASE_NUMBER = re.compile(
    r"^(?:(?:sagsnr|sags\s*nr|sag\s*nr|journalnr|j\.\s*nr|dok\.?\s*nr|dokumentnr|saksnr|ärendenr|diarienr)\.?\s*:?\s*(?P<case>\S+)"
    r"|(?P<case2>(?:EMN|SAG|KB|ACA)-\d{4}-\d+))\s*$",
    re.IGNORECASE,
)

# Closed parts of a meeting: "Lukket punkt", "Lukket: Køb af …", a "Lukket referat" heading.
CLOSED_TITLE = re.compile(vocab.CLOSED_ITEM, re.IGNORECASE)
# A closed marker on a line of its own under the title: "Lukket punkt", "Fortroligt – behandles
# for lukkede døre."; not prose that starts with the word ("Lukket for nye indskrivninger").
CLOSED_MARKER_LINE = re.compile(
    rf"(?:{vocab.CLOSED_ITEM}(?:\.?$|(?<=[:\-–])|\s*[-–:]\s))|(?:{vocab.CLOSED_NOTE})", re.IGNORECASE)
# A line that is nothing but the marker: no text of the item.
BARE_CLOSED_MARKER = re.compile(rf"(?:{vocab.CLOSED_ITEM}\s*\.?$)|(?:{vocab.CLOSED_NOTE})", re.IGNORECASE)
CLOSED_SUFFIX = re.compile(vocab.CLOSED_SUFFIX, re.IGNORECASE)
CLOSED_PART_HEADING = re.compile(r"^lukket\s+(?:referat|dagsorden|møde|del|punkter)\s*:?$", re.IGNORECASE)

# Wrapping: a line at least this share of the document's usual line width was wrapped.
WRAP_SHARE = 0.82
SHORT_LINE_SHARE = 0.6
# A blank-separated sentence of at least this many words is prose, not a list entry.
PROSE_MIN_WORDS = 8
# A wrapped line of a list entry hangs under the entry's text, this far right of its bullet.
HANGING_INDENT_PT = 6.0
MAX_TITLE_CHARS = 320
# Below this length a title is compared whole, not as a part of the other.
SHORT_TITLE_CHARS = 12
MAX_TITLE_LINES = 4
# How far back (in candidates) a chain may look for its previous member.
DP_WINDOW = 400

# DP scores for choosing the agenda among the candidates.
SCORE = {
    "node": 1.0,
    "bold": 0.8,
    "heading": 1.2,
    "list_level0": 0.4,
    "word_rule": 0.8,
    "weak_rule": -1.2,
    "body": 0.6,  # × log(1 + body lines)
    "sentence_title": -0.6,
    "long_title": -0.8,
    "unexplained": 3.0,
    "mid_list": -4.0,  # a chain member that visibly continues a list it did not start  # per candidate left out of the chain that no inner list explains
    "overview_match": 1.0,
    "start_at_one": 1.0,
    "step1": 2.0,
    "step_gap": -0.9,  # per missing number
    "step_gap_cap": -4.0,
    "same_style": 1.0,
    "other_style": -1.2,
    "same_list": 2.5,
    "other_list": -3.5,
    "x0_mismatch": -1.0,
    "introduced_list": -3.0,
    "repeat_number": -1.0,  # the same number again (a slip), costs less than leaving an item out  # "Initiativer der iværksættes i 2021:" / "1. …": a list, not the agenda
    "min_chain": 2.2,  # a chain of one must score at least this
}

ATTACHMENT_LINE = re.compile(vocab.ATTACHMENT_FILE_SUFFIX + r"\s*\)?\s*$", re.IGNORECASE)
# "2022." alone on a line ends a wrapped sentence; it numbers nothing.
BARE_YEAR = re.compile(r"^(?:19|20)\d\d[.)]?$")
LONE_YEAR = re.compile(r"^(?:19|20)\d\d$")
# "16." alone on a line after an unfinished sentence ("… senest fredag i uge" / "16."): its end.
BARE_NUMBER = re.compile(r"^\d{1,4}[.)]?$")
SENTENCE_END = re.compile(r"[.!?…:;]\s*$")
_BULLET = re.compile(r"^(?:[•●○▪■◦‣∙·\-–—*o]\s+|[a-zæøåA-ZÆØÅ][.)]\s+|\(?[a-zæøå]\)\s+|\(?[ivx]{1,4}\)\s+|[ivx]{1,4}\.\s+|\d{1,2}[.)]\s+)")

_LABEL_ALT = "|".join(f"(?:{p})" for p, _ in vocab.SECTION_LABELS)
_LABEL_KIND = [(re.compile(rf"^(?:{p})$", re.IGNORECASE), kind) for p, kind in vocab.SECTION_LABELS]
LABEL_RE = re.compile(
    rf"^(?P<label>{_LABEL_ALT})(?:{vocab.LABEL_ITEM_SUFFIX})?(?P<source>\s+(?:fra|from)\s+[^.:!?]{{1,80}})?"
    rf"\s*(?P<colon>:|(?<=\s)[-–—](?=\s))?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# "Beslutning Styregruppen tiltrådte, at …": a decision label needs no colon before a sentence
INLINE_SENTENCE = re.compile(r"^[A-ZÆØÅ][\wæøåÆØÅ\-]*(?:\s+\S+){2,}")
PRIOR_RES = [re.compile(p, re.IGNORECASE) for p in vocab.PRIOR_DECISION_PATTERNS]

_PART_ALT = "|".join(f"(?:{p})" for p, _ in vocab.PARTICIPANT_LABELS)
PARTICIPANT_LABEL_RE = re.compile(rf"^\*?(?P<label>{_PART_ALT})\*?\s*(?P<colon>:)?\s*(?P<rest>.*)$", re.IGNORECASE)
PARTICIPANT_KIND = [(re.compile(rf"^(?:{p})$", re.IGNORECASE), role) for p, role in vocab.PARTICIPANT_LABELS]

FROM_BODY_RE = re.compile(rf"^(?:{vocab.FROM_BODY_LABEL})$", re.IGNORECASE)
# A second list label inside an inline list: "Til stede: A, B. Afbud: C."
INLINE_PARTICIPANT_LABEL = re.compile(rf"(?<=[.;])\s+(?P<label>{_PART_ALT})\s*:\s*", re.IGNORECASE)

DOC_TYPE_RES = [(t, re.compile(p, re.IGNORECASE)) for t, p in vocab.DOC_TYPE_PATTERNS]
FORUM_LABEL_RE = re.compile(r"^(?P<label>" + "|".join(vocab.FORUM_LABELS) + r")\s*:\s*(?P<value>\S.*)$", re.IGNORECASE)
DATE_LABEL_RE = re.compile(r"^(?P<label>" + "|".join(vocab.DATE_LABELS) + r")\s*:?\s+(?P<value>\S.*)$", re.IGNORECASE)
PLACE_LABEL_RE = re.compile(r"^(?P<label>" + "|".join(vocab.PLACE_LABELS) + r")\s*:?\s+(?P<value>\S.*)$", re.IGNORECASE)
ONLINE_PLACE = re.compile(r"\b(?:teams(?:-?\s*møde)?|zoom|skype|online|virtuelt|webex|google meet)\b", re.IGNORECASE)
HEADER_ZONE_MAX_LINES = 25
MEETING_HELD = re.compile(vocab.MEETING_HELD, re.IGNORECASE)
LETTER_REFERENCE = re.compile(vocab.LETTER_REFERENCE, re.IGNORECASE)
# What holds a body: "…, Fjordby Kommune", "…, Region Sydvest", "…, Social og Sundhed".
HOLDER_RE = re.compile(r"\b(?:kommune|kommunes|region|regionen|forvaltning\w*|municipality|county|kommun|fylkeskommune)\b", re.IGNORECASE)
# A forum's name is short ("Udvalget for plan, udvikling og kultur (PUK)").
FORUM_MAX_WORDS = 9


# How many line texts the parse of a line (its item number, section or participant label)
# is remembered for: the passes over a document ask about each line several times
# (contents, items, sections, participants, the header), and the answers depend on the text
# alone (dates.find_dates keeps its own). A document's lines fit many times over; a long
# ingest keeps the recent ones.
LINE_CACHE_SIZE = 16_384


# --------------------------------------------------------------------------- lines


@dataclass(slots=True)
class Line:
    text: str
    bold: bool = False
    heading: int | None = None
    list_number: str | None = None
    list_level: int | None = None
    list_id: str | None = None
    page: int | None = None
    blank_before: bool = False
    in_table: bool = False
    x0: float | None = None
    synthetic: str | None = None  # a section kind for labels the segmenter made up
    toc: bool = False
    paragraph: bool = False  # a whole paragraph (DOCX/MD), not a wrapped visual line
    width: int | None = None  # the visual line's length where the text is only part of it
    cell_line: bool = False  # a visual line inside a table cell of a line-based format (PDF)


@dataclass(slots=True)
class Candidate:
    pos: int
    rule: str
    num: str  # normalised: "4B", "1", "715"
    value: float  # for ordering: 4 → 4.0, 4B → 4.02
    title: str
    style: str
    bold: bool
    heading: bool
    list_id: str | None
    list_level: int | None
    x0: float | None
    score: float = 0.0
    overview: bool = False
    spill: str = ""  # text after a back-reference ("Ad 2. Martin orienterede …"): the body's


@dataclass(slots=True)
class _Zone:
    """A span of lines that is one meeting."""

    start: int
    end: int
    head: int | None = None  # the meeting's header line (absolute index), where one was cut at
    head_date: str | None = None  # the date that header gives


def _roman(s: str) -> int:
    vals = {"I": 1, "V": 5, "X": 10}
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=False):
        v = vals[a]
        total += -v if b != " " and vals.get(b, 0) > v else v
    return total


# The number of an item or label as written, and its letter: "4B)", "Pkt. 3", "§1".
NUMBER_PART = re.compile(r"(\d+)\s*([A-Za-z]?)")


def normalise_number(raw: str) -> str:
    """"4B)" → "4B", "1." → "1", "Pkt. 3" → "3", "§1" → "1", "07" → "7"."""
    m = NUMBER_PART.search(raw)
    if not m:
        return raw.strip(" .):")
    return str(int(m.group(1))) + m.group(2).upper()


_FIELD_KEYS = {k.casefold() for k in (*vocab.HEADER_FIELD_LABELS, *vocab.FORUM_LABELS, *vocab.DATE_LABELS, *vocab.PLACE_LABELS)}


def _is_field_key(key: str) -> bool:
    k = key.strip().rstrip(":").strip()
    if not k or len(k) > 40:
        return False
    if k.casefold() in _FIELD_KEYS:
        return True
    pl = participant_label(k)
    if pl and not pl[2]:
        return True
    lab = label_of(k)
    return bool(lab and not lab[2])


def _untab(text: str) -> str:
    """A line with column gaps ("\t") whose first cell is a header or section key reads as
    "key: value" (the same as a two-column table row); other gaps stay for the classifier
    (participant rows "name <gap> organisation") and read as spaces in running text."""
    if "\t" not in text:
        return text
    cells = [c.strip() for c in text.split("\t") if c.strip()]
    if len(cells) >= 2 and _is_field_key(cells[0]):
        return f"{cells[0].rstrip(':').strip()}: " + "\t".join(cells[1:])
    return "\t".join(cells)


def _detab(text: str) -> str:
    return text.replace("\t", " ")


def _block_lines(b: Block, line_based: bool) -> list[Line]:
    text = b.text
    if b.kind in (LIST_ITEM, HEADING) and b.list_number and b.list_number.strip():
        text = f"{b.list_number.strip()} {text}"
    parts = text.split("\n")
    out = []
    for k, part in enumerate(parts):
        if not part.strip():
            continue
        out.append(
            Line(
                text=_untab(part.strip()),
                bold=b.bold,
                heading=b.heading_level if b.kind == HEADING else None,
                list_number=b.list_number if k == 0 else None,
                list_level=b.list_level if k == 0 else None,
                list_id=b.list_id if k == 0 else None,
                page=b.page,
                x0=b.x0,
                paragraph=not line_based and k == len(parts) - 1,
            )
        )
    return out


def _is_agenda_table(rows: list[list[str]]) -> bool:
    if not rows or max(len(r) for r in rows) < 2:
        return False
    header = rows[0]
    if len(header) >= 2 and AGENDA_TABLE_LEFT.match(header[0].strip()) and AGENDA_TABLE_RIGHT.match(header[1].strip()):
        return True
    numbered = sum(1 for r in rows if r and _match_item(r[0].split("\n")[0].strip()) is not None)
    return numbered >= 2 and numbered >= 0.5 * len(rows) and all(len(r) <= 3 for r in rows)


def _responsible_header(text: str) -> bool:
    """"Ansvarlig/frist", "Ansvarlig", "Frist", "Tovholder": a column of owners and deadlines."""
    lab = label_of(" ".join(text.split()))
    return bool(lab and lab[1] == "responsible" and not lab[2])


def _is_participant_header(row: list[str]) -> bool:
    """A header row whose every cell names a field of a person (vocab.PARTICIPANT_COLUMNS),
    one of them the name."""
    cells = [" ".join(c.split()).strip(" :.*").casefold() for c in row if c.strip()]
    fields = [vocab.PARTICIPANT_COLUMNS.get(c) for c in cells]
    return len(cells) >= 2 and all(fields) and "name" in fields


def _cell_lines(text: str, page: int | None, line_based: bool) -> list[Line]:
    """A cell's text as lines: paragraphs (DOCX, Markdown), or visual lines that wrap, with a
    blank line where the cell has a paragraph gap (PDF)."""
    out: list[Line] = []
    gap = False
    for part in text.split("\n"):
        if not part.strip():
            gap = True
            continue
        out.append(Line(part.strip(), page=page, paragraph=not line_based, blank_before=gap or not out,
                        cell_line=line_based))
        gap = False
    return out


def _table_lines(cells: list[Block], line_based: bool = False, labelled: bool = False) -> list[Line]:
    rows: dict[int, dict[int, str]] = {}
    for c in cells:
        rows.setdefault(c.row or 0, {})[c.col or 0] = c.text
    grid = [[r[k] for k in sorted(r)] for _, r in sorted(rows.items())]
    page = cells[0].page
    out: list[Line] = []
    if _is_agenda_table(grid):
        # the right column's header names its text ("Referat (hovedpunkter)"): minutes, whose
        # every line is not a decision
        right_label = "Referat"
        # a column headed "Ansvarlig/frist" holds who does the row's task and by when
        responsible: dict[int, str] = {}
        for r in grid:
            left = r[0] if r else ""
            right = "\n".join(x for k, x in enumerate(r[1:], 1) if x.strip() and k not in responsible)
            if AGENDA_TABLE_LEFT.match(left.strip()) and AGENDA_TABLE_RIGHT.match(r[1].strip() if len(r) > 1 else ""):
                right_label = " ".join(r[1].split()) or right_label
                responsible = {k: " ".join(h.split()) for k, h in enumerate(r) if k >= 2 and _responsible_header(h)}
                continue  # the header row, repeated on every page
            for k, part in enumerate(ln for ln in left.split("\n") if ln.strip()):
                # a PDF cell's lines are visual lines: its title may wrap onto the next one
                out.append(Line(part.strip(), page=page, bold=False, paragraph=k > 0, blank_before=k == 0,
                                cell_line=line_based and k > 0))
            if right.strip():
                out.append(Line(right_label, page=page, synthetic="minutes"))
                out.extend(_cell_lines(right, page, line_based))
            for k, header in responsible.items():
                if k < len(r) and r[k].strip():
                    out.append(Line(header, page=page, synthetic="responsible"))
                    out.extend(_cell_lines(r[k], page, line_based))
        return out
    people = bool(grid) and _is_participant_header(grid[0])
    if people and not labelled:
        # "Navn | Repræsenterer | Fremmøde": a table of people wherever it stands (no label
        # above it, or an item title such as "Netværkets medlemmer")
        out.append(Line(f"{PARTICIPANT_TABLE_LABEL}:", page=page, paragraph=True))
    width = 1 + max((k for r in rows.values() for k in r), default=0)
    row_keys = sorted(rows)
    for n, r in enumerate(grid):
        kept = [x.strip() for x in r if x.strip()]
        if len(kept) == 1 and "\n" in kept[0] and _is_field_key(kept[0].split("\n", 1)[0]):
            # "Medlemmer" and its people in one cell (a table nested under the label)
            kept = [x.strip() for x in kept[0].split("\n", 1)]
        if len(kept) == 2 and "\n" in kept[1] and _is_field_key(kept[0]):
            # "Deltagere | one person per line (or a nested table)": the lines stay lines
            out.append(Line(f"{kept[0].rstrip(':').strip()}:", page=page, paragraph=True))
            out.extend(Line(x.strip(), page=page, paragraph=True) for x in kept[1].split("\n") if x.strip())
            continue
        cells_text = [_detab(x.replace("\n", " ")).strip() for x in r]
        nonempty = [x for x in cells_text if x]
        if not nonempty:
            continue
        if people and len(nonempty) > 1:
            # A person's row keeps its empty cells: the header says what each column holds.
            by_col = rows[row_keys[n]]
            text = " | ".join(_detab(by_col.get(k, "").replace("\n", " ")).strip()
                              for k in range(width)).rstrip(" |")
        elif len(nonempty) == 2 and len(nonempty[0]) <= 30 and not nonempty[0].endswith(":") and _is_field_key(nonempty[0]):
            text = f"{nonempty[0]}: {nonempty[1]}"
        elif len(nonempty) == 2 and nonempty[0].endswith(":"):
            text = f"{nonempty[0]} {nonempty[1]}"
        else:
            text = " | ".join(nonempty)
        out.append(Line(text, page=page, in_table=len(nonempty) > 1, paragraph=True))
    return out


def _names_people(text: str) -> bool:
    """A line that labels a list of people, on its own or as an item's title ("3. Medlemmer")."""
    hit = _match_item(text)
    return participant_label((hit[1].group("title") or "") if hit else text) is not None


def flatten(raw: RawDocument) -> list[Line]:
    """Blocks to lines, in reading order; tables grouped and interpreted."""
    line_based = raw.format in ("pdf", "txt")
    body = [b for b in raw.blocks if b.source == "body"]
    lines: list[Line] = []
    blank = False
    i = 0
    while i < len(body):
        b = body[i]
        if b.kind == BLANK:
            blank = True
            i += 1
            continue
        if b.kind == TABLE_CELL and b.nested == 0:
            j = i
            cells = []
            nested_row: tuple[int | None, int | None] | None = None
            while j < len(body) and body[j].kind == TABLE_CELL and (body[j].table == b.table or body[j].nested > 0):
                nb = body[j]
                if nb.nested == 0:
                    cells.append(nb)
                    nested_row = None
                elif cells:
                    # a table inside a cell: its rows become lines of the host cell, its
                    # cells column gaps (as a layout extraction prints them)
                    key = (nb.table, nb.row)
                    sep = "\t" if key == nested_row else "\n"
                    host = cells[-1]
                    cells[-1] = replace(host, text=(host.text + sep if host.text else "") + nb.text)
                    nested_row = key
                j += 1
            tl = _table_lines(cells, line_based, labelled=bool(lines) and _names_people(lines[-1].text))
            if tl:
                tl[0].blank_before = True
            lines.extend(tl)
            blank = True
            i = j
            continue
        new = _block_lines(b, line_based)
        if new:
            new[0].blank_before = blank or not line_based
            lines.extend(new)
        blank = False
        i += 1
    return lines


# --------------------------------------------------------------------------- item grammar


@lru_cache(maxsize=LINE_CACHE_SIZE)
def _match_item(text: str) -> tuple[str, re.Match[str]] | None:
    for name, pat in ITEM_RULES:
        m = pat.match(text)
        if m:
            return name, m
    return None


CARRIED_DAY = re.compile(r"^\d{1,2}\.\s+(?P<rest>.*)$")


def _carried_date(text: str) -> bool:
    """"27. august 2025 om …": a date carried over a line end, not a list number."""
    m = CARRIED_DAY.match(text)
    return bool(m and NOT_A_TITLE.match(m.group("rest")))


@lru_cache(maxsize=LINE_CACHE_SIZE)
def _opens_item(text: str) -> bool:
    """Does a line open with an item number: not a year ending a sentence ("2022."), not a
    date carried over ("27. august 2025 om …")?"""
    hit = _match_item(text)
    if not hit or BARE_YEAR.match(text):
        return False
    rule, m = hit
    return rule == "time" or not NOT_A_TITLE.match((m.group("title") or "").strip())


NORMALISED_NUMBER = re.compile(r"(\d+)([A-Z]?)")


def _value(num: str) -> float:
    m = NORMALISED_NUMBER.match(num)
    if not m:
        return 0.0
    return int(m.group(1)) + (ord(m.group(2)) - 64) / 100 if m.group(2) else float(int(m.group(1)))


_NON_WORD_CHAR = re.compile(r"\W")
TIME_SEPARATOR = re.compile(r"[:.]")


def _candidate(pos: int, ln: Line) -> Candidate | None:
    if ln.toc or ln.synthetic or ln.in_table:
        return None
    text = ln.text.lstrip("#").strip() if ln.text.startswith("#") else ln.text
    text = text.strip("*_ ").strip() if text.startswith(("**", "__")) else text
    hit = _match_item(text)
    if not hit:
        return None
    rule, m = hit
    raw_num = m.group("num")
    title = (m.group("title") or "").strip().strip("*_").strip()
    if rule == "roman":
        num = str(_roman(raw_num))
    elif rule == "time":
        num = raw_num
    else:
        num = normalise_number(raw_num)
    case_year = m.groupdict().get("year")
    if rule != "time" and NOT_A_TITLE.match(title):
        return None
    if rule == "punct" and not title and not (ln.bold or ln.heading):
        # "3." alone on a line: the title follows on the next line (handled by caller)
        pass
    if rule in ("word",) and not title and m.group("word").lower().startswith("ad"):
        pass
    style = rule + (m.groupdict().get("punct") or "")
    if rule == "word":
        style += ":" + _NON_WORD_CHAR.sub("", m.group("word").lower())
    if rule == "time":
        h, mm = TIME_SEPARATOR.split(raw_num)
        value = int(h) * 60 + int(mm)
    else:
        value = _value(num)
    if case_year:
        num = f"{num}/{case_year}"  # "Sak 12/21": a case of the year, 12/22 is another
    return Candidate(
        pos=pos, rule=rule, num=num, value=value, title=title, style=style,
        bold=ln.bold, heading=ln.heading is not None, list_id=ln.list_id,
        list_level=ln.list_level, x0=ln.x0,
    )


def _line_width(lines: list[Line]) -> float:
    lens = sorted(len(ln.text) for ln in lines if not ln.paragraph and len(ln.text) > 20)
    if len(lens) < 5:
        return 10_000.0
    return float(lens[int(len(lens) * 0.9)])


def _is_structural(ln: Line) -> bool:
    return bool(
        ln.synthetic or label_of(ln.text) or _match_item(ln.text) or participant_label(ln.text)
        or _BULLET.match(ln.text) or CASE_NUMBER.match(ln.text)
    )


def _lower_word_line(ln: Line) -> bool:
    """"opfølgning" opening a wrapped title's last line: a label word in lower case and without
    a colon is the title's word, not a label (labels are written capitalised)."""
    t = ln.text.strip()
    return t[:1].islower() and ":" not in t and label_of(t) is not None and participant_label(t) is None


def _title_continues(prev: Line, nxt: Line, width: float) -> bool:
    """Does the visual line ``nxt`` continue the wrapped title ``prev``?"""
    if (prev.paragraph and not prev.cell_line) or (nxt.paragraph and not nxt.cell_line) or nxt.toc or nxt.in_table:
        return False
    if LONE_YEAR.match(nxt.text.strip()) and not SENTENCE_END.search(prev.text):
        return True  # "Sygefravær 4. kvartal" / "2024": a year alone opens nothing
    structural = _is_structural(nxt) and not _lower_word_line(nxt)
    if nxt.cell_line:
        # a wrapped title in a cell ends where a line ends a phrase or the next one opens a new one
        return not SENTENCE_END.search(prev.text) and not structural and (
            nxt.text[:1].islower() or prev.text.rstrip().endswith(("–", "-", "og", "af", "i", "for", "med", "til"))
            or len(nxt.text.split()) <= 3 and not ATTACHMENT_LINE.search(nxt.text)
        )
    if SENTENCE_END.search(prev.text) or structural or CLOSED_MARKER_LINE.match(nxt.text):
        return False
    first = nxt.text[:1]
    if first.islower() or first in "(-–&/":
        return True
    if prev.bold and nxt.bold and not nxt.heading:
        return True
    # a wrapped title's last line is short; a full-width line after it is the body
    return len(prev.text) >= WRAP_SHARE * width and len(nxt.text) < WRAP_SHARE * width


# --------------------------------------------------------------------------- labels


# A prior decision's body names a body, not a sentence.
SENTENCE_MARK = re.compile(r"[.!?]")


@lru_cache(maxsize=LINE_CACHE_SIZE)
def label_of(text: str) -> tuple[str, str, str, str | None] | None:
    """If ``text`` starts with a section label, return (label, kind, rest, item number).

    A label counts alone on its line (colon optional) or inline before a colon
    ("Beslutning: Styregruppen …"); "Baggrund for projektet er …" is prose, not a label.
    """
    t = text.strip().strip("*_").strip()
    for pat in PRIOR_RES:
        m = pat.match(t)
        if m and len(t) < 160:
            body = m.groupdict().get("body") or ""
            if len(body) < 100 and not SENTENCE_MARK.search(body):
                return t.rstrip(":"), "prior_decision", "", None
    m = LABEL_RE.match(t)
    if not m:
        return None
    label = m.group("label")
    end = m.end("label")
    labelnum = m.groupdict().get("labelnum")
    if end < len(t) and t[end].isalnum() and not labelnum:
        return None  # "Beslutningen om …", "Referatet blev …": a word, not the label
    rest = (m.group("rest") or "").strip()
    colon = m.group("colon")
    kind = next((k for p, k in _LABEL_KIND if p.match(label)), "other")
    if m.group("source") and kind != "proposal":
        return None  # "Indstilling fra Magistratsafdelingen" is a label; "Referat fra mødet" a title
    if colon and colon != ":" and label.casefold().startswith(("referat", "dagsorden")):
        return None  # "REFERAT – NETVÆRKSMØDE …", "Referat – Kultur- og Fritidsudvalget": a title
    if rest and not colon and not (kind == "decision" and INLINE_SENTENCE.match(rest)):
        return None
    if rest.startswith(("//", "/")):
        return None
    written = (t[: m.start("rest")] if rest else t).strip().rstrip(":-–— ").strip()
    return written, kind, rest, normalise_number(labelnum) if labelnum else None


@lru_cache(maxsize=LINE_CACHE_SIZE)
def participant_label(text: str) -> tuple[str, str, str] | None:
    """"Deltagere i driftsforum:", "Afbud: …", "Til stede" → (label, role, rest)."""
    t = text.strip().strip("*_").strip()
    m = PARTICIPANT_LABEL_RE.match(t)
    if not m:
        return None
    rest = (m.group("rest") or "").strip().strip("*_").strip()
    if rest and not m.group("colon"):
        return None
    label = m.group("label")
    if len(label.split()) > 6:
        return None
    if FROM_BODY_RE.match(label) and not m.group("colon"):
        return None  # "Fra forvaltningen" names a list only with its colon
    role = next((r for p, r in PARTICIPANT_KIND if p.match(label)), "present")
    return label, role, rest


# --------------------------------------------------------------------------- contents


def _mark_toc(lines: list[Line]) -> list[tuple[str | None, str]]:
    """Mark table-of-contents lines; return their (number, title) entries.

    A contents list is either dot-leadered lines anywhere, or the lines after a
    "Indholdsfortegnelse" heading that end in a page number (a title may wrap over a few
    lines before its page number)."""
    entries: list[tuple[str | None, str]] = []
    in_toc = False
    i = 0
    while i < len(lines):
        ln = lines[i]
        t = ln.text
        if TOC_HEADING.match(t):
            in_toc = True
            ln.toc = True
            i += 1
            continue
        m = TOC_LINE.match(t) if any(map(t.__contains__, TOC_LEADERS)) else None
        if m and (m.group("page") or in_toc):
            ln.toc = True
            entries.append(_split_number(m.group("title")))
            i += 1
            continue
        if not in_toc:
            i += 1
            continue
        if TOC_FIELD_HEADER.match(t) or CLOSED_PART_HEADING.match(t) or OPEN_PART_HEADING.match(t):
            ln.toc = True
            i += 1
            continue
        used = _toc_entry(lines, i)
        if not used:
            in_toc = False
            i += 1
            continue
        joined = " ".join(x.text for x in lines[i: i + used])
        m2 = TOC_TRAILING_PAGE.match(joined)
        for x in lines[i: i + used]:
            x.toc = True
        entries.append(_split_number(m2.group("title") if m2 else joined))
        i += used
    return entries


def _toc_entry(lines: list[Line], i: int) -> int:
    """How many lines from ``i`` make one contents entry ending in a page number (0: none)."""
    for k in range(TOC_MAX_WRAP):
        if i + k >= len(lines):
            return 0
        t = lines[i + k].text
        if k > 0 and (_match_item(t) or TOC_HEADING.match(t) or label_of(t)):
            return 0
        if TOC_TRAILING_PAGE.match(t):
            return k + 1
    return 0


def _split_number(title: str) -> tuple[str | None, str]:
    hit = _match_item(title)
    if hit:
        _, m = hit
        return normalise_number(m.group("num")), (m.group("title") or "").strip()
    return None, title.strip()


# --------------------------------------------------------------------------- choosing the agenda


_NON_WORD_RUN = re.compile(r"\W+")


def _norm_title(t: str) -> str:
    return _NON_WORD_RUN.sub(" ", t.casefold()).strip()


def _body_sizes(cands: list[Candidate], lines: list[Line], end: int) -> list[int]:
    sizes = []
    for k, c in enumerate(cands):
        stop = cands[k + 1].pos if k + 1 < len(cands) else end
        sizes.append(sum(1 for ln in lines[c.pos + 1: stop] if not ln.toc))
    return sizes


def _mark_overview(cands: list[Candidate], lines: list[Line]) -> dict[str, str]:
    """An overview list (the agenda repeated before the item bodies) is a tight run whose
    numbers and titles come back later; it is set aside and its titles kept."""
    overview: dict[str, str] = {}
    if len(cands) < 4:
        return overview
    run = [cands[0]]
    for c in cands[1:]:
        prev = run[-1]
        gap = sum(1 for ln in lines[prev.pos + 1: c.pos] if ln.text.strip())
        if c.value > prev.value and c.value - prev.value <= 1.0 and gap <= 2:
            run.append(c)
        else:
            break
    if len(run) < 2:
        return overview
    later: dict[str, list[Candidate]] = {}
    for c in cands[len(run):]:
        later.setdefault(c.num, []).append(c)  # an inner list reuses the numbers: keep all
    matched = sum(
        1 for c in run if any(
            not x.title or _refers_back(x) or fuzz.partial_ratio(_norm_title(c.title), _norm_title(x.title)) >= 80
            for x in later.get(c.num, [])
        )
    )
    if matched >= max(2, 0.6 * len(run)):
        for c in run:
            c.overview = True
            overview[c.num] = c.title
    return overview


def _same_title(a: str, b: str) -> bool:
    """Two writings of one title: a short one must match whole ("Evt." is not in "Intet.")."""
    x, y = _norm_title(a), _norm_title(b)
    if min(len(x), len(y)) < SHORT_TITLE_CHARS:
        return fuzz.ratio(x, y) >= 80
    return fuzz.partial_ratio(x, y) >= 80


def _refers_back(c: Candidate) -> bool:
    """"Ad 4." / "Ad pkt. 4" names an item listed before: what follows it may be the minutes
    themselves, not the title."""
    return c.style.startswith("word") and c.style.split(":")[-1].startswith("ad")


def _node_score(c: Candidate, body: int, overview: dict[str, str]) -> float:
    s = SCORE["node"]
    if c.bold:
        s += SCORE["bold"]
    if c.heading:
        s += SCORE["heading"]
    if c.list_level == 0:
        s += SCORE["list_level0"]
    if c.rule == "word" or c.rule == "paragraph":
        s += SCORE["word_rule"]
    if c.rule in WEAK_RULES and not (c.bold or c.heading or c.list_level == 0):
        s += SCORE["weak_rule"]
    s += SCORE["body"] * math.log1p(body)
    words = len(c.title.split())
    if c.title.endswith(".") and words > 6:
        s += SCORE["sentence_title"]
    if len(c.title) > 200:
        s += SCORE["long_title"]
    if overview and c.num in overview and fuzz.partial_ratio(_norm_title(c.title), _norm_title(overview[c.num])) >= 80:
        s += SCORE["overview_match"]
    return s


# A numbered list whose entries are mostly questions ("Får vi adgang til data?") or ticked
# tasks ("Refactor koden ✅") is a Q&A or a to-do list, not the agenda.
QA_OR_TASK_TITLE = re.compile(r"(?:\?|[✅✔☑✓]|\[[xX]\])\s*$")
QA_MIN_CHAIN = 3
QA_SHARE = 0.7
AGENDA_INTRO = re.compile(r"\b(?:dagsorden\w*|agenda|saksliste|dagordning|program(?:met)?|punkter)\b", re.IGNORECASE)


def _introduced_list(c: Candidate, lines: list[Line]) -> bool:
    """Is the candidate the first entry of a list a sentence introduces ("… i 2021:")? An
    agenda introduced as such ("Dagsorden:") is the exception."""
    def gap(ln: Line) -> bool:
        return ln.blank_before and not ln.paragraph  # a paragraph format marks every paragraph

    if c.pos == 0 or c.heading or c.bold or gap(lines[c.pos]) or _refers_back(c):
        return False  # "Ad 1." refers to an item; no list is written so
    k = c.pos - 1
    while k > 0 and _match_item(lines[k].text) and not gap(lines[k]):
        k -= 1  # the entries above it in the same list
    prev = lines[k]
    return prev.text.rstrip().endswith(":") and not AGENDA_INTRO.search(prev.text) and not prev.heading


def _transition(a: Candidate, b: Candidate) -> float | None:
    if b.value == a.value and _repeated_number(a, b):
        # "§9 Valg af bestyrelse" then "§9 Indkomne forslag": the secretary numbered twice
        return SCORE["repeat_number"] + SCORE["same_style"]
    if b.value <= a.value:
        return None
    if a.rule == "time" or b.rule == "time":
        step_ok = True
        s = SCORE["step1"]
    else:
        ia, ib = int(a.value), int(b.value)
        step_ok = (ib == ia and b.value > a.value) or ib == ia + 1
        s = SCORE["step1"] if step_ok else max(SCORE["step_gap_cap"], SCORE["step_gap"] * (ib - ia - 1))
        if not step_ok and ib - ia > 60:
            return None
    if a.style == b.style:
        s += SCORE["same_style"]
    elif a.style.split(":")[0].rstrip(".)") != b.style.split(":")[0].rstrip(".)"):
        s += SCORE["other_style"]
    if a.list_id is not None and b.list_id is not None:
        s += SCORE["same_list"] if a.list_id == b.list_id else SCORE["other_list"]
    elif (a.list_id is None) != (b.list_id is None):
        s += SCORE["other_list"] / 2
    if a.x0 is not None and b.x0 is not None and abs(a.x0 - b.x0) > 12:
        s += SCORE["x0_mismatch"]
    return s


def _repeated_number(a: Candidate, b: Candidate) -> bool:
    """The same item number twice in a row, as a slip of the pen: only with a word or
    paragraph sign before it (inner lists restart plain numbers), the same look, other titles."""
    return (
        a.rule == b.rule and a.rule in ("paragraph", "word") and a.style == b.style
        and (a.bold, a.heading) == (b.bold, b.heading) and bool(a.title) and bool(b.title)
        and fuzz.ratio(_norm_title(a.title), _norm_title(b.title)) < 60
    )


class _ListParse:
    """Candidates left out of the agenda must read as lists inside items: each restarts at 1
    and counts up. Whatever does not fit is *unexplained* and costs the chain that left it."""

    __slots__ = ("last", "unexplained")

    def __init__(self) -> None:
        self.last: float | None = None
        self.unexplained = 0

    def add(self, c: Candidate) -> None:
        if c.rule == "time":
            return
        v = c.value
        if v == 1 or (self.last is not None and (int(v) == int(self.last) + 1 and v == int(v) or int(v) == int(self.last) and v > self.last)):
            self.last = v
        else:
            self.unexplained += 1


def _continues_list(p: Candidate, b: Candidate, lines: list[Line]) -> bool:
    """Is ``b`` visibly the next entry of the list ``p`` belongs to: the number after p's,
    directly below it (no blank line, no text but a wrapped line), or on the same Word list?"""
    if not (b.value == int(p.value) + 1 or (int(b.value) == int(p.value) and b.value > p.value)):
        return False
    if p.list_id is not None and b.list_id is not None:
        return p.list_id == b.list_id
    if lines[b.pos].blank_before:
        return False
    between = [ln for ln in lines[p.pos + 1: b.pos] if not ln.toc]
    return len(between) <= 1


def choose_agenda(
    cands: list[Candidate], lines: list[Line], end: int, toc: list[tuple[str | None, str]] | None = None,
) -> list[Candidate]:
    """The best-scoring increasing chain of candidates (a longest path over a DAG).

    Every candidate the chain leaves out must be explainable as part of a list inside an item
    (:class:`_ListParse`); unexplained ones cost :data:`SCORE` ["unexplained"] each. That is
    what keeps "3. Tidlig opsporing" of a proposal list from standing in for agenda item 3."""
    if not cands:
        return []
    overview = _mark_overview(cands, lines)
    for num, title in toc or []:
        if num and num not in overview:
            overview[num] = title
    pool = [c for c in cands if not c.overview]
    sizes = _body_sizes(pool, lines, end)
    for c, size in zip(pool, sizes, strict=True):
        c.score = _node_score(c, size, overview)
        if _introduced_list(c, lines):
            c.score += SCORE["introduced_list"]
    n = len(pool)
    k_unexp = SCORE["unexplained"]
    # start: numbered lines before the first item are not inside any item, so nothing
    # explains them (an overview list has been set aside already)
    best = [0.0] * n
    back = [-1] * n
    for i, c in enumerate(pool):
        start = SCORE["start_at_one"] if c.value == 1 or c.rule == "time" else 0.0
        best[i] = c.score + start - k_unexp * i
    final = []
    for a in range(n):
        gap = _ListParse()
        stop = min(n, a + 1 + DP_WINDOW)
        ca = pool[a]
        for b in range(a + 1, stop):
            if b > a + 1:
                gap.add(pool[b - 1])
            cb = pool[b]
            if cb.value < ca.value:
                continue  # (what _transition says first, without the call)
            t = _transition(ca, cb)
            if t is None:
                continue
            if b > a + 1 and _continues_list(pool[b - 1], cb, lines):
                t += SCORE["mid_list"]
            v = best[a] + t + cb.score - k_unexp * gap.unexplained
            if v > best[b]:
                best[b], back[b] = v, a
        # the end: what follows the last member must be explainable as well. That is the
        # window's gap parse carried on to the last candidate (parsing each tail afresh was
        # quadratic); best[a] is final here, only candidates before it lead to it.
        for c in pool[max(a + 1, stop - 1):]:
            gap.add(c)
        final.append(best[a] - k_unexp * gap.unexplained)
    i = max(range(n), key=lambda k: final[k])
    chain = []
    while i >= 0:
        chain.append(pool[i])
        i = back[i]
    chain.reverse()
    if sum(c.score for c in chain) < 0:
        return []  # its members read as list entries, not items: the numbers are lists, no agenda
    if len(chain) >= QA_MIN_CHAIN and sum(1 for c in chain if QA_OR_TASK_TITLE.search(c.title)) >= QA_SHARE * len(chain):
        return []  # questions with their answers, or a to-do list ticked off: no agenda
    if len(chain) == 1:
        c = chain[0]
        in_toc = c.num in overview and fuzz.partial_ratio(_norm_title(c.title), _norm_title(overview[c.num])) >= 80
        strong = c.heading or c.bold or c.rule in ("word", "paragraph") or c.list_level == 0 or in_toc
        if not strong or c.score < SCORE["min_chain"] - 1.0:
            return []
    if overview and chain:
        for c in chain:
            if not c.title and c.num in overview:
                c.title = overview[c.num]
            elif _refers_back(c) and c.num in overview and overview[c.num]:
                _split_back_reference(c, overview[c.num])
    return chain


_WORD_RUN = re.compile(r"\w+")


def _split_back_reference(c: Candidate, listed: str) -> None:
    """"Ad 1. Dagsordenen blev godkendt." / "Ad 3. Trivselsmåling: Punktet udsættes …": the
    agenda listed before gave the title; what the reference carries beyond it is the text."""
    words = _WORD_RUN.findall(listed)
    lead = re.match(r"^\W*" + r"\W+".join(map(re.escape, words)) + r"\b[\s:.–—-]*", c.title, re.IGNORECASE) if words else None
    if lead:
        rest = c.title[lead.end():].strip()
        if rest:
            c.title, c.spill = c.title[: lead.end()].strip().rstrip(":.–—- "), rest
    elif not _same_title(c.title, listed):
        c.title, c.spill = listed, c.title


# --------------------------------------------------------------------------- sections


def _paragraphs(lines: list[Line], width: float) -> list[str]:
    """Join wrapped visual lines into paragraphs; list entries and labels start new ones.
    A short line ends its paragraph: wrapped lines run to the right margin."""
    # Each paragraph is kept as its lines and joined once at the end, and only its last
    # line is searched for a sentence end: joining and searching the growing string made
    # a file of one long paragraph quadratic (2 MB of text took minutes).
    paras: list[list[str]] = []
    last = ""
    for ln in lines:
        t = ln.text
        if not paras:
            paras.append([t])
            last = t if ln.width is None else "x" * ln.width
            continue
        short_last = len(last) < SHORT_LINE_SHARE * width and not ln.paragraph
        starts_new = ln.paragraph or (_BULLET.match(t) and not _carried_date(t))
        if not starts_new:
            ended = _ends_sentence(paras[-1])
            starts_new = (
                (_opens_item(t) and not (BARE_NUMBER.match(t) and not ended))
                or (ended and (ln.blank_before or t[:1].isupper() or t[:1].isdigit()))
                or ATTACHMENT_LINE.search(paras[-1][-1])  # a file name ends its caption
                or (ln.blank_before and not t[:1].islower() and len(last) < WRAP_SHARE * width)
                or (short_last and (t[:1].isupper() or t[:1].isdigit()) and width < 10_000)
            )
        if starts_new:
            paras.append([t])
        else:
            paras[-1].append(t)
        last = t if ln.width is None else "x" * ln.width
    return [_detab(" ".join(p)) for p in paras]


def _ends_sentence(parts: list[str]) -> bool:
    """Whether the paragraph ``" ".join(parts)`` ends a sentence (SENTENCE_END)."""
    for part in reversed(parts):
        if part.strip():
            return bool(SENTENCE_END.search(part))
    return False


def _reads_as_prose(text: str) -> bool:
    return len(text.split()) >= PROSE_MIN_WORDS - 2 and not ATTACHMENT_LINE.search(text) and not _BULLET.match(text)


def build_sections(lines: list[Line], width: float) -> list[Section]:
    sections: list[Section] = []
    cur_label, cur_kind, cur = "", "body", []

    def flush() -> None:
        if cur or cur_label:
            text = "\n".join(_paragraphs(cur, width)).strip()
            sections.append(Section(label=cur_label, kind=cur_kind, text=text))

    for ln in lines:
        if ln.synthetic:
            flush()
            cur_label, cur_kind, cur = ln.text, ln.synthetic, []
            continue
        lab = label_of(ln.text)
        if lab and (not ln.in_table):
            flush()
            label, kind, rest, _num = lab
            cur_label, cur_kind = label, kind
            # the rest after an inline label ran to the margin as the whole line did
            cur = [replace(ln, text=rest, blank_before=True, width=len(ln.text))] if rest else []
            continue
        if cur_kind == "attachments" and cur and ln.blank_before and _reads_as_prose(ln.text):
            # a list of attachments ends where running text begins after a gap
            flush()
            cur_label, cur_kind, cur = "", "body", []
        cur.append(ln)
    flush()
    # merge empty labels followed directly by another label of the same kind
    # ("Referat – punkt 2:" then "Beslutning:") into one, keeping the more specific label
    merged: list[Section] = []
    for s in sections:
        if merged and not merged[-1].text and merged[-1].kind in ("minutes", "decision") and s.kind in ("minutes", "decision"):
            merged[-1] = Section(label=s.label, kind=s.kind if s.kind == "decision" else merged[-1].kind, text=s.text)
            continue
        merged.append(s)
    return [s for s in merged if s.text or s.kind not in ("body",)]


# --------------------------------------------------------------------------- meeting metadata


def _doc_type(header_text: str, has_decisions_hint: bool) -> str:
    for t, pat in DOC_TYPE_RES:
        if pat.search(header_text):
            return t
    return "referat" if has_decisions_hint else "other"


_DOC_WORDS = re.compile(
    r"\b(?:referat(?:et)?|dagsorden|åbent|lukket|ekstraordinært|ordinært|ordinær|ekstraordinær|"
    r"møde(?:referat)?|notat|protokoll?|minutes|agenda|draft|udkast|mødereferat|beslutningsprotokol|"
    r"af|fra|for|til|med|fra\s+mødet\s+i|i|generalforsamling(?:en)?|årsmøde(?:t)?|\w*møde(?:t)?|meeting)\b",
    re.IGNORECASE,
)


FORUM_LEAD_RE = re.compile(vocab.FORUM_LEAD, re.IGNORECASE)
FORUM_SOURCE_LEAD_RE = re.compile(vocab.FORUM_SOURCE_LEAD, re.IGNORECASE)
FORUM_TRAIL_RE = re.compile(vocab.FORUM_TRAIL)  # case as written: "Byalag PROTOKOLL"
MONTH_YEAR = re.compile(
    r"\b(?:" + "|".join(sorted(dates.MONTHS, key=len, reverse=True)) + r")\.?\s+(?:19|20)\d\d\b|(?<![\d.,/-])(?:19|20)\d\d(?![\d.,/-])",
    re.IGNORECASE,
)


WEEKDAY_WORD = re.compile(r"\b(?:" + "|".join(w for w in vocab.WEEKDAYS if len(w) > 4) + r")(?:en|s)?\b", re.IGNORECASE)


ORG_NUMBER = re.compile(r"\(\s*[\d\s\-/.]+\)")
CLOCK_TIME = re.compile(r"\b(?:kl\.?|klokken)\s*\d{1,2}(?:[.:]\d{2})?(?:\s*[-–]\s*\d{1,2}(?:[.:]\d{2})?)?", re.IGNORECASE)
DATE_ARTICLE = re.compile(r"(?:^|\s)(?:d\.|den)(?=\s|$)", re.IGNORECASE)
_BLANK_RUN = re.compile(r"\s+")


def _strip_meta(text: str, year: int | None) -> str:
    """A header line without its dates, times and document words: what may name the forum."""
    t = text
    for d in reversed(dates.find_dates(t, year)):
        t = t[: d.start] + " " + t[d.end:]
    t = MONTH_YEAR.sub(" ", t)
    t = ORG_NUMBER.sub(" ", t)  # an organisation number "(802431-0305)"
    t = WEEKDAY_WORD.sub(" ", t)
    t = CLOCK_TIME.sub(" ", t)
    t = DATE_ARTICLE.sub(" ", t)
    t = _BLANK_RUN.sub(" ", t).strip(" -–,:;|·")
    t = FORUM_SOURCE_LEAD_RE.sub("", t)
    t = FORUM_LEAD_RE.sub("", t, count=1)
    t = FORUM_TRAIL_RE.sub("", t)
    t = _BLANK_RUN.sub(" ", t).strip(" -–,:;|·.")
    parts = [p.strip() for p in t.split(", ")]
    if len(parts) > 1 and all(p[:1].isupper() for p in parts):
        # "Børne- og Skoleudvalget, Fjordby Kommune": the body and the authority that holds it;
        # "Område-MED, Dagtilbud Nord" is one name (its second part names no authority)
        best = max(parts, key=_has_body_word)
        if _has_body_word(best) > 0 and all(HOLDER_RE.search(p) or len(p.split()) == 1 for p in parts if p is not best):
            t = best
    return t


def _meeting_date_field(text: str) -> bool:
    """"Mødedato: …", "Tidspunkt: …", "Dato: 12. maj (møde i udvalget)": a date field about a
    meeting; a bare "Dato: …" on a memo is the memo's date."""
    m = DATE_LABEL_RE.match(text)
    if not m:
        return False
    plain = m.group("label").casefold() in ("dato", "date", "datum")
    return not plain or MEETING_WORD_RE.search(m.group("value")) is not None or MEETING_HELD.search(text) is not None


BRACKETED = re.compile(r"\([^()]*\)")
# Any of the acronyms as a word (one alternation finds a match wherever one of them alone would).
BODY_ACRONYM_RE = re.compile(r"\b(?:" + "|".join(vocab.BODY_ACRONYMS) + r")\b")
BODY_WORD_SPLIT = re.compile(r"[\s\-/]+")


# Body words that name a body only weakly (a meeting's name, a group of anything).
WEAK_BODY_WORDS = ("generalforsamling", "generalforsamlingen", "årsmøde", "årsmöte", "gruppe", "gruppen", "group", "råd", "tag")
BODY_WORD_SCORE = 2.0
WEAK_BODY_WORD_SCORE = 0.6
# A word is a body word, or ends in one of at least four letters ("Skoleudvalget").
_STRONG_BODY_WORDS = frozenset(bw for bw in vocab.BODY_WORDS if bw not in WEAK_BODY_WORDS)
_WEAK_BODY_WORDS = frozenset(bw for bw in vocab.BODY_WORDS if bw in WEAK_BODY_WORDS)
_STRONG_BODY_ENDINGS = tuple(bw for bw in _STRONG_BODY_WORDS if len(bw) >= 4)
_WEAK_BODY_ENDINGS = tuple(bw for bw in _WEAK_BODY_WORDS if len(bw) >= 4)


@lru_cache(maxsize=LINE_CACHE_SIZE)
def _has_body_word(text: str) -> float:
    score = 0.0
    # words in brackets explain ("(24 incl. Bestyrelsen)"), they do not name
    outside = BRACKETED.sub(" ", text)
    if BODY_ACRONYM_RE.search(outside):
        return BODY_WORD_SCORE
    for w in BODY_WORD_SPLIT.split(outside.casefold()):
        w = w.strip("().,:;")
        if not w:
            continue
        if w in _STRONG_BODY_WORDS or w.endswith(_STRONG_BODY_ENDINGS):
            return BODY_WORD_SCORE  # (the most a text scores)
        if w in _WEAK_BODY_WORDS or w.endswith(_WEAK_BODY_ENDINGS):
            score = WEAK_BODY_WORD_SCORE
    return score


def _wrapped_header(header: list[Line]) -> list[Line]:
    """Header lines with a title wrapped over two visual lines joined ("Referat af ordinær
    generalforsamling i Kantineforeningen" / "Sydhavn"): both of one look, no sentence end."""
    out: list[Line] = []
    for ln in header:
        prev = out[-1] if out else None
        if (prev is not None and not prev.paragraph and not ln.paragraph and not ln.blank_before
                and (prev.bold, prev.heading) == (ln.bold, ln.heading) and (prev.bold or prev.heading)
                and not SENTENCE_END.search(prev.text) and not dates.find_dates(ln.text)
                and len(ln.text.split()) <= 3 and not _is_structural(ln)):
            out[-1] = replace(prev, text=f"{prev.text} {ln.text}")
            continue
        out.append(ln)
    return out


# Words beside a date that make it the meeting's, or a date of the paper itself.
MEETING_DATE_CONTEXT = re.compile(r"\b(?:møde|meeting|generalforsamling|referat|dagsorden|afholdt|mötesdatum|datum)\b", re.IGNORECASE)
ISSUE_DATE_CONTEXT = re.compile(r"\b(?:udsendt|godkendt|publiceret|opdateret|revideret|printed|udskrevet)\b", re.IGNORECASE)
_DIGIT_RUN = re.compile(r"\d+")
THREE_LETTERS = re.compile(r"[A-Za-zÆØÅæøå]{3}")
NO_LETTERS = re.compile(r"[\W\d]*")


def _meeting_meta(doc: Document, header: list[Line], furniture: list[str], path: str,
                  default_year: int | None = None) -> None:
    text = "\n".join(ln.text for ln in header)
    year_hint = default_year
    fdate = dates.date_from_filename(Path(path).name)
    yrs = dates.years_in(text) or dates.years_in(Path(path).name)
    if yrs:
        year_hint = yrs[0]
    elif fdate:
        year_hint = fdate.year

    # date: prefer labelled fields and lines with a weekday or a time; then any header date
    best: tuple[float, dates.DateMatch] | None = None
    for k, ln in enumerate(header):
        for d in dates.find_dates(ln.text, year_hint):
            s = 1.0 - 0.02 * k
            if DATE_LABEL_RE.match(ln.text):
                s += 2
            if d.has_weekday:
                s += 1.5
            if dates.find_time(ln.text):
                s += 1
            if d.has_year:
                s += 0.5
            if MEETING_DATE_CONTEXT.search(ln.text):
                s += 0.7
            if MEETING_HELD.search(ln.text):
                s += 1.5  # "Mødet blev holdt 15/5 kl. 10.00-12.00"
            if ISSUE_DATE_CONTEXT.search(ln.text):
                s -= 2
            if LETTER_REFERENCE.search(ln.text):
                s -= 2  # "Dato: 20.05.2020 · Sagsnr. 20/1187": the letter's date, not the meeting's
            if best is None or s > best[0]:
                best = (s, d)
    if best:
        date = best[1].date
        if fdate and date != fdate and not best[1].has_year and date.year != fdate.year:
            date = fdate
        if fdate and best[1].form == "numeric" and len(_DIGIT_RUN.findall(best[1].text)[-1]) == 2 and date.year != fdate.year and (date.month, date.day) == (fdate.month, fdate.day):
            date = fdate
        doc.meeting_date = date.isoformat()
    elif fdate and doc.doc_type != "notat":
        doc.meeting_date = fdate.isoformat()

    for ln in header:
        tm = dates.find_time(ln.text)
        if tm:
            doc.meeting_time = tm
            break
    for ln in header:
        m = PLACE_LABEL_RE.match(ln.text)
        if m:
            doc.place = m.group("value").strip()
            break
        if ONLINE_PLACE.search(ln.text) and len(ln.text) < 80 and not dates.find_dates(ln.text, year_hint):
            doc.place = ln.text.strip()
            break

    # forum: a labelled field, else the best header line naming a body
    for ln in header:
        m = FORUM_LABEL_RE.match(ln.text)
        if m and m.group("label").lower() != "dato":
            doc.forum = _strip_meta(m.group("value"), year_hint) or None
            if doc.forum:
                break
    if not doc.forum:
        scored: list[tuple[float, str]] = []
        for k, ln in enumerate(_wrapped_header(header[:HEADER_ZONE_MAX_LINES])):
            if ln.toc or participant_label(ln.text) or DATE_LABEL_RE.match(ln.text) or PLACE_LABEL_RE.match(ln.text):
                continue
            cand = _strip_meta(ln.text, year_hint)
            if ":" in cand and _has_body_word(cand.split(":", 1)[0]):
                cand = cand.split(":", 1)[0].strip()
            if not cand or len(cand) < 3 or len(cand) > 90 or not THREE_LETTERS.search(cand):
                continue
            if NO_LETTERS.fullmatch(cand) or ONLINE_PLACE.search(cand):
                continue
            if _BULLET.match(cand) or len(cand.split()) > FORUM_MAX_WORDS:
                continue  # a list entry or a sentence, not a name
            body = _has_body_word(cand)
            # a line that names no body is no forum, however it stands out
            s = body + (0.6 if ln.bold or ln.heading is not None else 0) - 0.08 * k - (1.0 if body == 0 else 0)
            if SENTENCE_END.search(cand) and len(cand.split()) > 6:
                s -= 1.5
            if _DOC_WORDS.sub("", cand).strip(" -–,.") == "":
                continue
            scored.append((s, cand))
        if furniture and max((x[0] for x in scored), default=0.0) < 1.5:
            # the committee's name may survive only as the running header of every page
            for ln in furniture[:12]:
                cand = _strip_meta(ln, year_hint)
                if cand and 3 <= len(cand) <= 90 and _has_body_word(cand) >= 2:
                    scored.append((_has_body_word(cand) - 0.5, cand))
        if scored:
            s, cand = max(scored, key=lambda x: x[0])
            if s > 0.2:
                doc.forum = cand
    if not doc.title:
        for ln in header:
            if ln.text.strip() and not ln.toc:
                doc.title = _detab(ln.text).strip()[:200]
                break


# --------------------------------------------------------------------------- meetings in one file

MEETING_WORD_RE = re.compile(rf"(?<![\w])(?:{vocab.MEETING_WORDS})\b", re.IGNORECASE)
OTHER_MEETING_RE = re.compile(vocab.OTHER_MEETING, re.IGNORECASE)
# A meeting in a file of several has more lines than this under its header.
MIN_MEETING_LINES = 2
# A header line of a meeting in a file of several is short.
MEETING_HEADER_MAX_CHARS = 90


def _header_style(ln: Line) -> str | None:
    """How a line stands out as a header: a heading level, bold, or (line-based text) a short
    line on its own between blank lines; None for running text."""
    if ln.heading is not None:
        return f"h{ln.heading}"
    if ln.bold or ln.text.startswith(("**", "__")):
        return "bold"
    return None


SENTENCE_LINE_END = re.compile(r"[a-zæøå]{2}\.$")
LETTER_WORD = re.compile(r"[A-Za-zÆØÅæøå]{3,}")
DATE_FILLER = re.compile(r"\b(?:d|den|kl)\b\.?")


def _meeting_header(lines: list[Line], i: int, year_hint: int | None) -> tuple[str, str | None] | None:
    """(style, ISO date or None) when line ``i`` opens a meeting: it names a meeting or is a
    weekday and date, stands out as a header, and is no item, label or table row."""
    ln = lines[i]
    if ln.toc or ln.in_table or ln.synthetic:
        return None
    # The look first: it is cheap, and most lines have none (every test here is one of the
    # conditions, in any order).
    style = _header_style(ln)
    if style is None:
        isolated = ln.blank_before and (i + 1 >= len(lines) or lines[i + 1].blank_before)
        style = "line" if isolated else None
    if style is None:
        return None
    t = ln.text.lstrip("#").strip().strip("*_").strip()
    if not t or len(t) > MEETING_HEADER_MAX_CHARS or t.endswith(("?", ":")):
        return None
    if _match_item(t) or label_of(t) or participant_label(t) or DATE_LABEL_RE.match(t) or OTHER_MEETING_RE.search(t):
        return None
    if ln.list_number or _BULLET.match(t) or SENTENCE_LINE_END.search(t):
        return None  # a list entry or a sentence mentions a meeting; it does not open one
    ds = dates.find_dates(t, year_hint)
    date = ds[0].date.isoformat() if ds else None
    rest = t
    for d in reversed(ds):
        rest = rest[: d.start] + rest[d.end:]
    named = MEETING_WORD_RE.search(t) is not None
    # "Tirsdag d. 11/02" (or a weekday misspelt): a date and at most one word beside it
    words = LETTER_WORD.findall(DATE_FILLER.sub("", rest))
    bare_date = bool(ds) and len(words) <= 1
    if not (named or bare_date):
        return None
    return style, date


def split_meetings(lines: list[Line], year_hint: int | None) -> list[_Zone]:
    """Cut a file holding several meetings at its meeting headers: lines that stand out (a
    heading, bold, a line on its own) and name a meeting or give a weekday and date, at least
    two of them with different dates. An undated header of the same look opens a meeting
    too ("**Møde med vejleder**" before "**Referat fra vejledermøde 30/09/2025**")."""
    found = [(i, h) for i in range(len(lines)) if (h := _meeting_header(lines, i, year_hint))]
    dated = [(i, style, d) for i, (style, d) in found if d]
    styles = {style for _, style, _ in dated}
    # the look of the file's meeting headers: the one most dated headers share
    best_style = max(styles, key=lambda st: len({d for _, s2, d in dated if s2 == st}), default=None)
    heads = [(i, d) for i, style, d in dated if style == best_style]
    if len(heads) < 2 or len({d for _, d in heads}) < 2:
        return [_Zone(0, len(lines))]
    named_dated = any(MEETING_WORD_RE.search(lines[i].text) for i, _ in heads)
    if named_dated:
        heads += [(i, None) for i, (style, d) in found if d is None and style == best_style != "line"
                  and MEETING_WORD_RE.search(lines[i].text)]
    head_dates = dict(heads)
    starts = sorted(head_dates)
    # an undated header with (almost) nothing under it is the file's title over the first meeting
    starts = [st for k, st in enumerate(starts)
              if head_dates[st] or k + 1 >= len(starts) or starts[k + 1] - st > MIN_MEETING_LINES]
    zones = [_Zone(st, starts[k + 1] if k + 1 < len(starts) else len(lines), st, head_dates[st])
             for k, st in enumerate(starts)]
    if starts[0] > 0:
        # a shared preamble belongs to the first meeting
        zones[0] = _Zone(0, zones[0].end, zones[0].head, zones[0].head_date)
    return zones


# --------------------------------------------------------------------------- the pass


def _completes_toc_title(title: str, nxt: str, toc_titles: list[str]) -> bool:
    """A wrapped title whose contents entry shows that ``nxt`` is its next part."""
    if not toc_titles or _is_structural(Line(nxt)):
        return False
    sofar = _norm_title(title)
    longer = _norm_title(f"{title} {nxt}")
    return any(t.startswith(sofar) and len(t) > len(sofar) and t.startswith(longer[: len(t)]) for t in toc_titles)


TWO_COLUMN_CUT = re.compile(r"(?<=[a-zæøå0-9)])\s+(?=[A-ZÆØÅ][a-zæøå]+\s+\S+\s+\S+)")


def _split_two_column_title(title: str) -> tuple[str, str]:
    """In a text extraction of a two-column table the right column runs into the title line:
    "… og afslutning Udbredelsen af Rosa kan …". Cut at the first lower→Upper word boundary
    that starts a sentence of at least three words."""
    m = TWO_COLUMN_CUT.search(title)
    if m and m.start() > 10:
        return title[: m.start()].strip(), title[m.end():].strip()
    return title, ""


KEY_OR_CELL_GAP = re.compile(r"\t|:\s+")


def segment_zone(lines: list[Line], raw: RawDocument, part: int, default_year: int | None = None) -> Document:
    doc = Document(path=raw.path, format=raw.format, part=part, pages=raw.pages)
    if not lines:
        return doc
    width = _line_width(lines)
    toc = _mark_toc(lines)
    two_column = any(TWO_COLUMN_TEXT_HEADER.match(ln.text) for ln in lines[:40])
    # "Punkt <gap> Referat <gap> Ansvarlig/frist" printed as text: each item's last short block
    # is the owner cell
    owner_column = next((cells[-1] for ln in lines[:60] if "\t" in ln.text  # ("Emne: …" once _untab read a key)
                         and len(cells := [c.strip() for c in KEY_OR_CELL_GAP.split(ln.text) if c.strip()]) >= 3
                         and AGENDA_TABLE_LEFT.match(cells[0]) and _responsible_header(cells[-1])), None)
    if two_column:
        for ln in lines:
            if TWO_COLUMN_TEXT_HEADER.match(ln.text):
                ln.toc = True  # not content

    cands = []
    for i, ln in enumerate(lines):
        c = _candidate(i, ln)
        if c is None:
            continue
        if not c.title and i > 0 and not ln.blank_before and not ln.paragraph and not (ln.bold or ln.heading) \
                and not SENTENCE_END.search(lines[i - 1].text) and not lines[i - 1].toc:
            continue  # "… af 19. august" / "2025.": the end of a wrapped sentence, no number
        if not c.title and i + 1 < len(lines) and c.rule in ("punct", "paragraph", "word"):
            nxt = lines[i + 1]
            if not _is_structural(nxt) and len(nxt.text) < 150:
                c.title = nxt.text
                nxt.toc = True  # consumed as the title
        cands.append(c)
    chain = choose_agenda(cands, lines, len(lines), toc)
    if not chain:
        chain = heading_items(lines, raw)
    toc_titles = [_norm_title(t) for _, t in toc] + [_norm_title(c.title) for c in cands if c.overview]

    first_item_pos = chain[0].pos if chain else len(lines)
    # the header zone: lines before the first item, or before the first label
    header_end = first_item_pos
    if not chain:
        for i, ln in enumerate(lines):
            if label_of(ln.text) and i > 0:
                header_end = i
                break
        header_end = min(header_end, HEADER_ZONE_MAX_LINES)
    header = [ln for ln in lines[:header_end] if not ln.toc]
    header_text = "\n".join(ln.text for ln in header[:HEADER_ZONE_MAX_LINES])
    has_decision_label = any((lab := label_of(ln.text)) and lab[1] == "decision" for ln in lines)
    furniture_text = "\n".join(b.text for b in raw.blocks if b.source != "body")[:2000]
    doc.doc_type = _doc_type(
        header_text + "\n" + furniture_text + "\n" + Path(raw.path).stem.replace("_", " "),
        has_decision_label,
    )
    title_meta = raw.meta.get("title") if raw.meta else None
    _meeting_meta(doc, header, [b.text for b in raw.blocks if b.source != "body"], raw.path, default_year)
    if not doc.title and title_meta:
        doc.title = title_meta
    if doc.doc_type == "notat" and doc.meeting_date and not any(_meeting_date_field(ln.text) for ln in header):
        # a memo's dates are about its subject, and its "Dato:" is the memo's own; only a
        # field that dates a meeting ("Mødedato:", "Dato for mødet: …") gives one
        doc.meeting_date = None

    # document-level sections: preamble (minus metadata), participants
    doc_sections: list[Section] = []
    pre_lines, part_blocks = _extract_participants(lines[:first_item_pos], width)
    doc_sections.extend(part_blocks)
    if not chain:
        body_sections = build_sections([ln for ln in lines[header_end:] if not ln.toc], width)
        body_lines_after, more_parts = [], []
        for s in body_sections:
            doc_sections.append(s)
        doc_sections.extend(more_parts)
        del body_lines_after
    pre_text = "\n".join(_paragraphs([ln for ln in pre_lines if not ln.toc], width)).strip()
    if pre_text:
        doc_sections.insert(0, Section(label="", kind="body", text=pre_text))

    closed_from: int | None = None
    for i, ln in enumerate(lines):
        if CLOSED_PART_HEADING.match(ln.text) and not ln.toc:
            closed_from = i
            break

    for k, c in enumerate(chain):
        stop = chain[k + 1].pos if k + 1 < len(chain) else len(lines)
        title = c.title
        body_start = c.pos + 1
        n_title_lines = 1
        while (
            c.rule != "heading" and not c.spill  # a heading is one line; after "Ad 2. <text>" the text wraps
            and body_start < stop and n_title_lines < MAX_TITLE_LINES and len(title) < MAX_TITLE_CHARS
            and not lines[body_start].toc
            and (
                _title_continues(lines[body_start - 1], lines[body_start], width)
                or _completes_toc_title(title, lines[body_start].text, toc_titles)
            )
        ):
            title = f"{title} {lines[body_start].text}"
            body_start += 1
            n_title_lines += 1
        body = [ln for ln in lines[body_start:stop] if not ln.toc]
        if c.spill:
            body = [replace(lines[c.pos], text=c.spill, list_number=None, list_level=None, list_id=None,
                            heading=None, bold=False), *body]
        if two_column and not lines[c.pos].paragraph:
            title, spill = _split_two_column_title(title)
            if spill:
                body = [Line("Referat", synthetic="minutes"), Line(spill)] + body
        if participant_label(title):
            # "3. Medlemmer", "§1 Til stede:": the item is the list of people; it stays an
            # item, and its people are the meeting's
            _, part_blocks = _extract_participants([Line(title, paragraph=True), *body], width)
            doc_sections.extend(part_blocks)
        body, part_blocks = _extract_participants(body, width)
        doc_sections.extend(part_blocks)
        case_number = None
        for ln in body[:8]:
            cm = CASE_NUMBER.match(ln.text)
            if cm:
                case_number = case_number or (cm.group("case") or cm.group("case2")).rstrip(".,;")
                ln.toc = True  # metadata, not text
        body = [ln for ln in body if not (ln.toc and CASE_NUMBER.match(ln.text))]
        closed = bool(CLOSED_TITLE.match(title)) or (closed_from is not None and c.pos > closed_from)
        if body and CLOSED_MARKER_LINE.match(body[0].text):
            closed = True
            if BARE_CLOSED_MARKER.match(body[0].text.strip()):
                body = body[1:]  # the bare marker is no text of the item
        if CLOSED_TITLE.match(title):
            title = CLOSED_TITLE.sub("", title).strip()
        if CLOSED_SUFFIX.search(title):
            closed = True
            title = CLOSED_SUFFIX.sub("", title).strip()
        item = Item(
            number=None if c.rule == "heading" else c.num if c.rule != "time" else str(k + 1),
            title=_detab(title).strip().strip("*_").strip(),
            closed=closed,
            case_number=case_number,
            number_as_written=None if c.rule == "heading" else
            lines[c.pos].text[: max(1, len(lines[c.pos].text) - len(c.title))].strip() or c.num,
        )
        if owner_column:
            body = _owner_cell_last(body, owner_column)
        item.sections = build_sections(body, width)
        if any(CLOSED_TITLE.match(s.label) for s in item.sections):
            item.closed = True
        doc.items.append(item)
    doc.sections = doc_sections
    return doc


# Minutes whose agenda points are headings without numbers ("Velkomst og præsentation" as a
# Word heading, a Markdown "###", or a short line on its own in a text file): at least this
# many, each with text under it, and only in minutes or agendas (a memo's headings are its
# sections).
MIN_HEADING_ITEMS = 2
MIN_LINE_HEADING_ITEMS = 3
HEADING_ITEM_MAX_WORDS = 10
HEADING_ITEM_DOC_TYPES = ("referat", "dagsorden", "dagsorden+referat")
HEADING_TITLE_END = re.compile(r"[.:;,]\s*$")


def _heading_like(lines: list[Line], i: int, line_based: bool) -> str | None:
    """How line ``i`` stands out as an unnumbered heading ("h2", "line"), or None."""
    ln = lines[i]
    t = ln.text.lstrip("#").strip().strip("*_").strip()
    if ln.toc or ln.synthetic or ln.in_table or ln.list_number or not t[:1].isupper():
        return None
    if len(t.split()) > HEADING_ITEM_MAX_WORDS or HEADING_TITLE_END.search(t) or _is_structural(Line(t)):
        return None
    if DATE_LABEL_RE.match(t) or PLACE_LABEL_RE.match(t) or FORUM_LABEL_RE.match(t) or dates.find_dates(t, 2000):
        return None  # the meeting's header fields
    if any(pat.search(t) for _, pat in DOC_TYPE_RES):
        return None  # "Referat fra netværksmøde …": the document's title
    if ln.heading is not None:
        return f"h{ln.heading}"
    if line_based and ln.bold and ln.blank_before:
        return "bold"  # a PDF's heading: bold, after a gap
    if line_based and ln.blank_before and (i + 1 >= len(lines) or lines[i + 1].blank_before):
        return "line"
    return None


def heading_items(lines: list[Line], raw: RawDocument) -> list[Candidate]:
    """Agenda points written as headings without numbers, for minutes that number none."""
    head_text = "\n".join(ln.text for ln in lines[:HEADER_ZONE_MAX_LINES])
    if _doc_type(head_text + "\n" + Path(raw.path).stem.replace("_", " "), False) not in HEADING_ITEM_DOC_TYPES:
        return []
    line_based = raw.format in ("pdf", "txt")
    found = [(i, style) for i in range(1, len(lines)) if (style := _heading_like(lines, i, line_based))]
    styles = [st for _, st in found]
    if not styles:
        return []
    # one look for all points: the heading level used most (a heading hint beats a bare line)
    hinted = [st for st in styles if st != "line"]
    style = max(set(hinted or styles), key=lambda st: (styles.count(st), st))
    picked = [i for i, st in found if st == style]
    # each point has text under it
    picked = [i for k, i in enumerate(picked) if i + 1 < len(lines) and (k + 1 >= len(picked) or picked[k + 1] > i + 1)]
    if len(picked) < (MIN_LINE_HEADING_ITEMS if style == "line" else MIN_HEADING_ITEMS):
        return []
    out = []
    for i in picked:
        ln = lines[i]
        title = ln.text.lstrip("#").strip().strip("*_").strip()
        out.append(Candidate(pos=i, rule="heading", num="", value=0.0, title=title, style=style, bold=ln.bold,
                             heading=ln.heading is not None, list_id=None, list_level=None, x0=ln.x0))
    return out


# The owner cell of a table printed as text: a name and/or a date, a line or two.
OWNER_CELL_MAX_LINES = 3
OWNER_CELL_MAX_CHARS = 40
OWNER_SENTENCE_END = re.compile(r"[a-zæøå]{3}[.!?]$")


def _owner_cell_last(body: list[Line], header: str) -> list[Line]:
    """An item of a three-column table printed cell after cell: its last block (after a blank
    line) of a few short lines without a sentence is the "Ansvarlig/frist" cell."""
    starts = [k for k, ln in enumerate(body) if ln.blank_before]
    if not starts or starts[-1] == 0:
        return body
    block = body[starts[-1]:]
    if len(block) > OWNER_CELL_MAX_LINES or any(
            len(ln.text) > OWNER_CELL_MAX_CHARS or OWNER_SENTENCE_END.search(ln.text) or label_of(ln.text)
            for ln in block):
        return body
    return body[: starts[-1]] + [Line(header, synthetic="responsible")] + block


def _continues_entry(prev: Line, nxt: Line) -> bool:
    """Is the visual line ``nxt`` the wrapped rest of the bulleted list entry ``prev``
    ("- Niels Bech – Chefkonsulent i … -" / "afbud")? Only lines of a line-based format wrap;
    the rest hangs indented under the entry's text, opens in lower case, or closes a
    parenthesis the entry left open."""
    if prev.paragraph or nxt.paragraph or nxt.in_table or nxt.toc or nxt.synthetic:
        return False
    if not _BULLET.match(prev.text) or _BULLET.match(nxt.text) or _match_item(nxt.text):
        return False
    if prev.text.count("(") > prev.text.count(")"):
        return True
    if nxt.x0 is not None and prev.x0 is not None and nxt.x0 > prev.x0 + HANGING_INDENT_PT:
        return True
    return nxt.text[:1].islower() and not nxt.text.rstrip().endswith(":")


def _ends_list(ln: Line) -> bool:
    """A line that cannot be part of a participant list: a heading, a label, an item, prose."""
    t = ln.text
    if participant_label(t) or label_of(t) or ln.synthetic or ln.toc or ln.heading is not None:
        return True
    if CASE_NUMBER.match(t) or TOC_HEADING.match(t) or len(t) > 200:
        return True
    if _match_item(t) and not _BULLET.match(t) and not ln.list_number:
        return True
    return bool(SENTENCE_END.search(t) and len(t.split()) >= PROSE_MIN_WORDS and ln.blank_before)


CONJUNCTION_END = re.compile(r"\b(?:og|and|samt)$")


def _inline_continues(prev: Line, nxt: Line, width: float) -> bool:
    """Does the visual line ``nxt`` carry on an inline list ("Deltagere: A, B, C" wrapped)?"""
    if prev.paragraph or nxt.paragraph or nxt.blank_before or _ends_list(nxt):
        return False
    p = prev.text.rstrip()
    return (
        len(p) >= WRAP_SHARE * width or p.endswith((",", ";")) or p.count("(") > p.count(")")
        or CONJUNCTION_END.search(p) is not None or nxt.text[:1].islower() or nxt.text[:1] == "("
    )


def _split_inline_labels(label: str, text: str) -> list[tuple[str, str]]:
    """"Lars Ibsen. Afbud: Grete Winkel." holds two lists; cut at a label after a full stop."""
    out: list[tuple[str, str]] = []
    pos = 0
    for m in INLINE_PARTICIPANT_LABEL.finditer(text):
        out.append((label, text[pos: m.start()].strip()))
        label, pos = m.group("label"), m.end()
    out.append((label, text[pos:].strip()))
    return [(lab, t) for lab, t in out if t or lab]


def _extract_participants(lines: list[Line], width: float = 10_000.0) -> tuple[list[Line], list[Section]]:
    """Cut participant lists ("Deltagere:", "Afbud:", "Til stede") out of a run of lines.

    An inline list ("Deltagere: A, B, C") runs on over the visual lines it wraps onto; a list
    under a label alone on its line has one entry per line (a wrapped entry's rest joined to
    it) and runs until a heading, a label, an item, or blank-separated prose."""
    keep: list[Line] = []
    sections: list[Section] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        pl = participant_label(ln.text)
        header_row = not pl and not ln.toc and "\t" in ln.text and _is_participant_header(ln.text.split("\t"))
        if header_row:
            # "Navn <gap> Repræsenterer <gap> Fremmøde": a table of people printed as text
            pl = (PARTICIPANT_TABLE_LABEL, "present", "")
        if not pl or ln.toc:
            keep.append(ln)
            i += 1
            continue
        label, role, rest = pl
        j = i if header_row else i + 1
        if rest:
            text, last = rest, ln
            while j < len(lines) and _inline_continues(last, lines[j], width):
                text = f"{text} {lines[j].text}"
                last = lines[j]
                j += 1
            for lab, part in _split_inline_labels(label, text):
                # an inline list is running text: a double space in it is no column
                sections.append(Section(label=lab, kind="participants", text=" ".join(part.split())))
            i = j
            continue
        body: list[str] = []
        prev: Line | None = None
        while j < len(lines):
            nxt = lines[j]
            if prev is not None and body and _continues_entry(prev, nxt):
                body[-1] = f"{body[-1]} {nxt.text}"
                j += 1
                continue
            if _ends_list(nxt) or (header_row and "\t" not in nxt.text):
                break  # (a table printed as text ends with its column gaps)
            if (prev is not None and not prev.bold and nxt.bold and nxt.blank_before
                    and not nxt.text.rstrip().endswith(":")):
                break  # a bold line of its own after plain entries heads the next block
            body.append(nxt.text)
            prev = nxt
            j += 1
        # column gaps read as table cells (the same " | " a table row gives)
        text = "\n".join(b.replace("\t", " | ") for b in body).strip()
        sections.append(Section(label=label, kind="participants", text=text))
        i = j
    return keep, sections


def segment(raw: RawDocument) -> list[Document]:
    """Recognise the meeting(s) in a normalised document."""
    lines = flatten(raw)
    yrs = dates.years_in("\n".join(ln.text for ln in lines[:40])) or dates.years_in(Path(raw.path).name)
    # a logbook that never writes its year still dates its meetings by weekday
    year = yrs[0] if yrs else dates.year_from_weekdays("\n".join(ln.text for ln in lines))
    zones = split_meetings(lines, year)
    docs = []
    for part, z in enumerate(zones):
        doc = segment_zone(lines[z.start: z.end], raw, part, default_year=year if len(zones) > 1 or not yrs else None)
        if len(zones) > 1 and z.head is not None:
            # the header the file was cut at dates its meeting ("**Referat fra vejledermøde
            # 30/09/2025**"), whatever dates its text mentions
            doc.meeting_date = z.head_date
            doc.title = _detab(lines[z.head].text).strip("#*_ ").strip()[:200]
        docs.append(doc)
    for doc, z in zip(docs[1:], zones[1:], strict=True):
        # the file's title (before the first meeting) names the body and the kind of all,
        # unless a meeting's own header says otherwise ("Dagsorden 3. maj"; a "Dagsorden"
        # label inside a meeting of minutes does not)
        doc.forum = doc.forum or docs[0].forum
        own = _doc_type(lines[z.head].text, False) if z.head is not None else "other"
        if own != "other":
            doc.doc_type = own
        elif docs[0].doc_type != "other":
            doc.doc_type = docs[0].doc_type
    return docs


__all__ = ["segment", "flatten", "label_of", "participant_label", "normalise_number", "Line", "field"]
