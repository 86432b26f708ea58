"""Format-independent clean-up of reader blocks.

Unicode NFC and odd spaces, page furniture ("Side 1 af 8", repeated letterheads, bare URL
and mailto lines), and line-end hyphenation: "fo-␤kusområder" becomes one word, while "F-ACT",
"2021-22", "KKR-regi" and the suspended hyphen in "social- og sundhedsudvalget" keep theirs.
Nothing here knows which format a block came from beyond its hints.
"""

from __future__ import annotations

import math
import operator
import re
import unicodedata
from collections import Counter
from dataclasses import fields, replace
from typing import Any

from referatkit import vocab
from referatkit.model import BLANK, TABLE_CELL, Block, RawDocument

# Characters replaced before anything else looks at the text.
CHAR_MAP = {
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u2002": " ", "\u2003": " ",
    "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "", "\u00ad": "", "\u2060": "",
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\uf0b7": "•", "\uf0a7": "▪", "\uf076": "•", "\uf0d8": "•", "\uf0fc": "•", "\uf02d": "-",
    "\u2010": "-", "\u2011": "-", "\u2212": "-",
    "\r": "",
}
_CHAR_RE = re.compile("[" + "".join(re.escape(c) for c in CHAR_MAP) + "]")
_SPACES = re.compile(r"[ \f\v]+")
# A tab between words is a reader's column hint (tab stop, unruled table column); it is kept,
# once, and blanks around it go.
_TABS = re.compile(r"[ \f\v]*\t[ \t\f\v]*")

# Words after a line-end hyphen that make it a suspended hyphen ("social- og sundhed").
SUSPENDED_HYPHEN_NEXT = {"og", "eller", "samt", "el", "el.", "and", "or", "&", "til", "som", "eller/og", "och", "/"}

# How many lines around a page boundary count as the page's margin, and how often a line
# must recur there to be a running header or footer.
MARGIN_LINES = 6
MIN_REPEATS = 2
MAX_FURNITURE_LEN = 120
FURNITURE_PAGE_SHARE = 0.5
# Most occurrences of a running header sit at page breaks; the same words may also open the
# document (the committee's name above the first page).
FURNITURE_TOTAL_SHARE = 0.6
# The page-number part of a running header ("… Side 2", "… 3 af 8").
_PAGE_PART = re.compile(
    r"(?:^|\s)(?:(?:side|sida|page)\s*\d+(?:\s*(?:af|of|av|/)\s*\d+)?|\d+\s*(?:af|of|av)\s*\d+)\s*$",
    re.IGNORECASE,
)

_PAGE_NUMBER_RE = re.compile(
    r"^(?:" + "|".join(p for p in vocab.PAGE_NUMBER_LINES if p != r"\d{1,3}") + r")\.?$",
    re.IGNORECASE,
)
_URL_LINE_RE = re.compile(r"^(?:<?(?:https?://|www\.|mailto:)\S+>?\s*)+$", re.IGNORECASE)
_HYPHEN_END = re.compile(r"(?P<word>[\wæøåÆØÅ]+)-$")
_FIRST_WORD = re.compile(r"^(?P<word>[^\s]+)(?P<rest>.*)$", re.DOTALL)


def _clean_line(line: str) -> str:
    """One line with its runs of blanks collapsed and its ends stripped."""
    # _SPACES changes a line only where it holds two spaces in a row, a form feed or a
    # vertical tab (a single space becomes itself), and _TABS only where it holds a tab:
    # most lines hold none, and the tests cost a fraction of the substitutions.
    if "  " in line or "\f" in line or "\v" in line:
        line = _SPACES.sub(" ", line)
    if "\t" in line:
        line = _TABS.sub("\t", line)
    return line.strip()


def clean_text(text: str) -> str:
    """NFC, odd spaces and invisible characters, runs of blanks collapsed per line."""
    text = unicodedata.normalize("NFC", text)
    text = _CHAR_RE.sub(lambda m: CHAR_MAP[m.group(0)], text)
    if "\n" not in text:
        return _clean_line(text)  # (a stripped line has no newline to strip)
    return "\n".join([_clean_line(ln) for ln in text.split("\n")]).strip("\n")


# A Block's fields in the order its constructor takes them.
_BLOCK_FIELDS = operator.attrgetter(*(f.name for f in fields(Block)))


def _with(b: Block, **changes: Any) -> Block:
    """``dataclasses.replace(b, **changes)``, without its cost: replace inspects the
    dataclass's fields on every call, which made it the largest part of normalising (one
    call per block)."""
    new = Block(*_BLOCK_FIELDS(b))
    for name, value in changes.items():
        setattr(new, name, value)
    return new


def is_page_number_line(text: str) -> bool:
    return bool(_PAGE_NUMBER_RE.match(text.strip()))


def is_url_line(text: str) -> bool:
    return bool(_URL_LINE_RE.match(text.strip()))


def join_hyphenation(first: str, second: str) -> tuple[str, str] | None:
    """If ``first`` ends in a line-break hyphen, return the two lines with the broken word
    put together on the first; ``None`` when the hyphen is a real one."""
    m = _HYPHEN_END.search(first)
    if not m:
        return None
    w = _FIRST_WORD.match(second.lstrip())
    if not w:
        return None
    nxt, rest = w.group("word"), w.group("rest")
    head = m.group("word")
    if nxt.lower() in SUSPENDED_HYPHEN_NEXT or nxt[0] in "(/,&-–":
        return None  # "social- og …": the hyphen stays, the break becomes a space later
    keep_hyphen = (
        head.isdigit()
        or nxt[0].isdigit()
        or nxt[0].isupper()
        or (head.isupper() and len(head) >= 1 and not head.istitle())
        or (len(head) == 1 and head.isupper())
    )
    joined = first[:-1] + ("-" if keep_hyphen else "") + nxt
    return joined, rest.strip()


def _furniture_key(text: str) -> str:
    """Running headers differ only in their page number ("… Side 2", "… Side 3")."""
    # _PAGE_PART ends in a digit before trailing blanks (str.isdigit holds for every \d, and
    # str.rstrip strips what \s matches): a text that does not cannot change, and searching
    # it for the pattern at every position is the cost.
    if not text.rstrip()[-1:].isdigit():
        return text
    return _PAGE_PART.sub("#", text)


# A section label alone on its line ("Bilag", "Indstilling") is the minutes' own text.
_LABEL_LINE = re.compile(
    r"^(?:" + "|".join(f"(?:{p})" for p, _ in vocab.SECTION_LABELS + vocab.PARTICIPANT_LABELS) + r")\s*:?$",
    re.IGNORECASE,
)


_NUMBERED_TITLE = re.compile(r"^(?:\d{1,3}[A-Za-z]?[.)]|[A-Za-z][.)]|§\s*\d+)\s")
_SENTENCE_END = re.compile(r"[a-zæøå]{2}[.!?]$")


def _reads_as_text(line: str) -> bool:
    """A label ("Beslutning:"), a sentence ("Godkendt.") or a numbered title ("4B) Budget", in the
    overview and again in the body) that recurs near page breaks is the minutes' own text;
    running headers are names and addresses."""
    t = line.strip()
    numbered = _NUMBERED_TITLE.match(t)  # "4B) Økonomi: Budget 2022"
    return t.endswith(":") or bool(_SENTENCE_END.search(t)) or bool(numbered) or bool(_LABEL_LINE.match(t))


def _is_line_based(raw: RawDocument) -> bool:
    return raw.format in ("pdf", "txt")


def _drop_furniture(blocks: list[Block]) -> list[Block]:
    """Page-number lines, URL-only lines, and short lines that recur in the margins around
    page boundaries (running letterheads)."""
    n = len(blocks)
    near_break = [False] * n
    # each block's key and page-number test, once (the counts and the last pass use both)
    keys = [_furniture_key(b.text) for b in blocks]
    page_number = [is_page_number_line(b.text) for b in blocks]
    anchors = [
        i for i, b in enumerate(blocks)
        if page_number[i] or (i > 0 and b.page is not None and blocks[i - 1].page is not None and b.page != blocks[i - 1].page)
    ]
    # the top of the first page is a page's margin too: a letterhead printed on every page
    # stands there as well as after each break (a text file marks its breaks only by the
    # page labels of its footers)
    first = next((i for i, b in enumerate(blocks) if b.kind != BLANK), None)
    for a in anchors + ([first] if first is not None and anchors else []):
        for j in range(max(0, a - MARGIN_LINES), min(n, a + MARGIN_LINES + 1)):
            near_break[j] = True
    counts = Counter(
        keys[i] for i, b in enumerate(blocks)
        if near_break[i] and b.kind != BLANK and len(b.text) <= MAX_FURNITURE_LEN
    )
    total = Counter(keys[i] for i, b in enumerate(blocks) if b.kind != BLANK)
    # a running header recurs on most pages, not merely twice in a long document (nor on the
    # cover and the signature page of a short one: member lists stand there)
    pages = len({b.page for b in blocks if b.page is not None})
    n_pages = pages if pages > 1 else len(anchors) + 1
    need = max(MIN_REPEATS, math.ceil(FURNITURE_PAGE_SHARE * n_pages))
    furniture = {
        t for t, c in counts.items()
        if c >= need and c >= FURNITURE_TOTAL_SHARE * total[t] and len(anchors) >= 2 and not _reads_as_text(t)
    }
    numbers = _bare_page_numbers(blocks)
    out: list[Block] = []
    for i, b in enumerate(blocks):
        if b.kind == TABLE_CELL:
            out.append(b)
            continue
        url = is_url_line(b.text)
        if page_number[i] or url or keys[i] in furniture or i in numbers:
            # kept out of the body, but a running header still tells the document type
            if not url and b.source == "body":
                out.append(_with(b, source="header"))
            continue
        out.append(b)
    return out


_BARE_NUMBER = re.compile(r"^\d{1,3}$")
# At least this many lines of text stand between two page numbers.
MIN_PAGE_LINES = 12


def _bare_page_numbers(blocks: list[Block]) -> set[int]:
    """Footers that print only the page number ("1", "2", …): lines of nothing but a number,
    each on its own between blank lines, that count the pages up from 1 (or 2, when the first
    page has none). A lone number in the text, or numbers out of step, stay."""
    def alone(i: int) -> bool:
        before = i == 0 or blocks[i - 1].kind == BLANK or blocks[i - 1].page != blocks[i].page
        after = i + 1 >= len(blocks) or blocks[i + 1].kind == BLANK or blocks[i + 1].page != blocks[i].page
        return before and after

    found = [i for i, b in enumerate(blocks)
             if b.kind not in (BLANK, TABLE_CELL) and b.source == "body" and _BARE_NUMBER.match(b.text.strip()) and alone(i)]
    values = [int(blocks[i].text) for i in found]
    if len(values) < MIN_REPEATS or values[0] not in (1, 2) or any(b - a != 1 for a, b in zip(values, values[1:], strict=False)):
        return set()
    # a page holds text: numbers a few lines apart number something else (items, a list)
    text_lines = [sum(1 for b in blocks[a + 1: z] if b.kind != BLANK) for a, z in zip([-1, *found], found, strict=False)]
    if min(text_lines) < MIN_PAGE_LINES:
        return set()
    return set(found)


def _join_lines_hyphenation(blocks: list[Block]) -> list[Block]:
    """Join words broken at line ends across consecutive line blocks (a blank line between
    them is tolerated: extractions often put one there)."""
    out = list(blocks)
    i = 0
    while i < len(out):
        b = out[i]
        if b.kind in (BLANK, TABLE_CELL) or not b.text.endswith("-"):
            i += 1
            continue
        j = i + 1
        while j < len(out) and out[j].kind == BLANK and j - i <= 2:
            j += 1
        if j >= len(out) or out[j].kind in (BLANK, TABLE_CELL) or out[j].source != b.source:
            i += 1
            continue
        res = join_hyphenation(b.text, out[j].text)
        if res is None:
            i += 1
            continue
        first, rest = res
        out[i] = _with(b, text=first)
        if rest:
            out[j] = _with(out[j], text=rest)
            # drop the blank lines that separated the halves of one word
            del out[i + 1:j]
        else:
            del out[i + 1:j + 1]
        # the joined line may itself end with a new hyphen — stay on it
    return out


def _join_in_text(text: str) -> str:
    lines = text.split("\n")
    i = 0
    while i < len(lines) - 1:
        res = join_hyphenation(lines[i], lines[i + 1]) if lines[i].endswith("-") else None
        if res:
            lines[i], lines[i + 1] = res
            if not lines[i + 1]:
                del lines[i + 1]
                continue
        i += 1
    return "\n".join(lines)


def normalise(raw: RawDocument) -> RawDocument:
    """Return a cleaned copy of ``raw``: same blocks and hints, clean text, no furniture."""
    blocks: list[Block] = []
    for b in raw.blocks:
        text = clean_text(b.text)
        if not text and b.kind != BLANK:
            if b.kind == TABLE_CELL:
                blocks.append(_with(b, text=""))
                continue
            blocks.append(_with(b, text="", kind=BLANK))
            continue
        if "\n" in text:
            text = _join_in_text(text)
        blocks.append(_with(b, text=text))
    body = [b for b in blocks if b.source == "body"]
    other = [b for b in blocks if b.source != "body"]
    kept = _drop_furniture(body)
    body = [b for b in kept if b.source == "body"]
    other = [b for b in kept if b.source != "body"] + other
    if _is_line_based(raw):
        body = _join_lines_hyphenation(body)
    # collapse runs of blank blocks to one
    squeezed: list[Block] = []
    for b in body:
        if b.kind == BLANK and (not squeezed or squeezed[-1].kind == BLANK):
            continue
        squeezed.append(b)
    while squeezed and squeezed[-1].kind == BLANK:
        squeezed.pop()
    return replace(raw, blocks=squeezed + other)
