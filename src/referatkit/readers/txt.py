"""Plain-text reader, and the decoder the Markdown reader shares.

Decoding, in this order: a byte-order mark (UTF-8, UTF-16, UTF-32); strict UTF-8; UTF-16
without a BOM (NULs on every other byte); mostly-UTF-8 with a few broken bytes (replaced,
with a warning); then 8-bit: Windows-1252 when bytes 0x80–0x9F occur and all are defined
there ("–", "’", "”" are such bytes; in Latin-1 they are control characters), Latin-1 when
no such byte occurs (the two agree on every other byte); anything else is left to
charset-normalizer, and as a last resort Windows-1252 with replacement and a warning.

Block conventions: one ``PARA`` per line (trailing whitespace removed, indentation kept), a
run of two or more spaces inside a line becomes ``"\t"`` (a column gap, as a layout extraction
writes table cells and key–value headers; the PDF and DOCX readers give tabs the same
meaning), a run of empty lines gives one ``BLANK``; a form feed starts a new page (``page`` is set on
every block, and ``RawDocument.pages``, only when the file has form feeds).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from referatkit.errors import ReadError
from referatkit.model import BLANK, PARA, Block, RawDocument

MAX_LINE_CHARS = 20_000  # longer lines are cut (at whitespace) so no block is enormous
MAX_STRAY_NULS = 8  # up to this many NUL bytes (or ...
STRAY_NUL_SHARE = 0.001  # ... this share of the bytes) are dropped with a warning
BINARY_CONTROL_SHARE = 0.10  # more control characters than this share: binary data
UTF16_NUL_SHARE = 0.35  # share of NULs in one byte lane that marks BOM-less UTF-16
UTF8_BROKEN_SHARE = 0.05  # at most this share of the non-ASCII characters may be broken
CN_SAMPLE_BYTES = 1_000_000  # charset-normalizer looks at this much of a large file

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
# Code pages where 0x80–0x9F are letters (Danish æøå among them), after Windows-1252.
DOS_MAC = ("cp865", "cp850", "mac_roman")
SCORE_SAMPLE_BYTES = 200_000  # enough text to tell the code pages apart
NON_LATIN_SHARE = 0.3  # more non-ASCII bytes than this share of letters: not Latin script
NON_LATIN_MIN_BYTES = 16  # ... judged only with at least this many such bytes
NON_ASCII = re.compile(r"[^\x00-\x7f]")
ASCII_LETTERS = re.compile(rb"[A-Za-z]")
TYPOGRAPHIC = frozenset("–—“”‘’„‚…•‹›«»€")
APOSTROPHES = frozenset("’'")
# Control characters that mean "not text" (tab, line feed, CR and form feed are text).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def read_txt(path: Path, data: bytes) -> RawDocument:
    """Read a plain-text file (its bytes already read) into one block per line."""
    decoded = decode_text(data)
    raw = RawDocument(path=str(path), format="txt")
    raw.meta["encoding"] = decoded.encoding
    raw.warnings.extend(decoded.warnings)
    pages = decoded.text.split("\f")
    while len(pages) > 1 and not pages[-1].strip():
        pages.pop()  # a form feed at the very end does not start a page
    paged = len(pages) > 1
    for number, page_text in enumerate(pages, start=1):
        page = number if paged else None
        blocks: list[Block] = []
        for line in split_lines(page_text):
            if line.strip():
                blocks.append(Block(column_gaps(line), kind=PARA, page=page))
            elif blocks and blocks[-1].kind != BLANK:
                blocks.append(Block("", kind=BLANK, page=page))
        while blocks and blocks[-1].kind == BLANK:
            blocks.pop()  # space before a page break or the end is no paragraph gap
        raw.blocks.extend(blocks)
    if paged:
        raw.pages = len(pages)
    return raw


_COLUMN_GAP = re.compile(r"(?<=\S)(?: {2,}|[ ]*\t[ \t]*)(?=\S)")


def column_gaps(line: str) -> str:
    """Runs of spaces inside a line (not its indentation) that separate columns → one tab."""
    return _COLUMN_GAP.sub("\t", line)


def split_lines(text: str) -> list[str]:
    """Lines without trailing whitespace; over-long lines cut at whitespace."""
    out: list[str] = []
    for line in text.split("\n"):
        line = line.rstrip()
        while len(line) > MAX_LINE_CHARS:
            cut = line.rfind(" ", MAX_LINE_CHARS // 2, MAX_LINE_CHARS)
            if cut <= 0:
                cut = MAX_LINE_CHARS
            out.append(line[:cut].rstrip())
            line = line[cut:].lstrip()
        out.append(line)
    return out


def decode_text(data: bytes) -> Decoded:
    """Bytes → normalised text (LF line ends, NFC) with the encoding used. Raises
    :class:`ReadError` for empty files and binary data."""
    if not data.strip():
        raise ReadError("empty file")
    decoded = _decode(data)
    text = decoded.text
    if text.startswith("\ufeff"):
        text = text[1:]
    controls = len(CONTROL.findall(text))
    if controls > BINARY_CONTROL_SHARE * max(len(text), 1):
        raise ReadError("binary data, not text")
    if controls:
        text = CONTROL.sub("", text)  # stray controls (a DOS end-of-file ^Z, …) are no text
    text = NEWLINES.sub("\n", text)
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise ReadError("empty file")
    decoded.text = text
    return decoded


def _decode(data: bytes) -> Decoded:
    for bom, name, codec in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(codec.replace("-sig", "")), name)
            except UnicodeDecodeError:
                text = data[len(bom) :].decode(codec.replace("-sig", ""), errors="replace")
                return Decoded(text, name, [f"invalid {name} bytes replaced"])
    warnings: list[str] = []
    nuls = data.count(0)
    if nuls:
        utf16 = _bomless_utf16(data)
        if utf16 is not None:
            return utf16
        if nuls > max(MAX_STRAY_NULS, STRAY_NUL_SHARE * len(data)):
            raise ReadError("binary data, not text")
        data = data.replace(b"\x00", b"")
        warnings.append(f"{nuls} NUL byte(s) removed")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", warnings)
    except UnicodeDecodeError:
        pass
    loose = data.decode("utf-8", errors="replace")
    broken = loose.count("\ufffd")
    non_ascii = len(loose) - len(loose.encode("ascii", "ignore")) - broken
    if non_ascii and broken <= UTF8_BROKEN_SHARE * non_ascii:
        # Real UTF-8 with a few damaged bytes: 8-bit decoding would garble every "æøå".
        warnings.append(f"{broken} invalid UTF-8 byte sequence(s) replaced")
        return Decoded(loose, "utf-8", warnings)
    sample = data[:SCORE_SAMPLE_BYTES]
    if _mostly_non_latin(sample):
        # Greek, Cyrillic … in a legacy code page: an 8-bit Latin reading would turn every
        # letter into mojibake, so ask the statistical detector.
        guess = _charset_normalizer(data)
        if guess is not None:
            guess.warnings[:0] = warnings
            return guess
    # Windows-1252 when bytes 0x80–0x9F occur (dashes, quotes; Latin-1 has controls there),
    # Latin-1 when none does (the two agree on every other byte) — unless the text reads far
    # better in a DOS or Mac code page, where those bytes are the letters æ, ø, å.
    has_c1 = any(0x80 <= b <= 0x9F for b in set(sample))
    candidates = ("cp1252" if has_c1 else "iso-8859-1", *DOS_MAC)
    scores = {c: _latin_score(sample.decode(c, errors="replace")) for c in candidates}
    best = max(candidates, key=lambda c: scores[c])  # a tie keeps the first
    if scores[best] < 0:
        guess = _charset_normalizer(data)
        if guess is not None:
            guess.warnings[:0] = warnings
            return guess
    text = data.decode(best, errors="replace")
    if "\ufffd" in text:
        warnings.append("undecodable bytes replaced")
    return Decoded(text, best, warnings)


def _mostly_non_latin(data: bytes) -> bool:
    high = sum(1 for b in data if b >= 0x80)
    ascii_letters = len(ASCII_LETTERS.findall(data))
    return high >= NON_LATIN_MIN_BYTES and high > NON_LATIN_SHARE * (high + ascii_letters)


def _latin_score(text: str) -> int:
    """How plausible a decoding is for Latin-script text. For: non-ASCII Latin letters in
    words, typographic punctuation at word edges. Against: replacement characters, symbols
    wedged between letters ("M›det"), lone accented letters, case clashes ("okÖ", "ìSag")."""
    score = 0
    for m in NON_ASCII.finditer(text):
        ch = m.group()
        before = text[m.start() - 1 : m.start()]
        after = text[m.end() : m.end() + 1]
        b_letter, a_letter = before.isalpha(), after.isalpha()
        if ch == "\ufffd":
            score -= 5
        elif ch.isalpha():
            if not unicodedata.name(ch, "").startswith("LATIN"):
                score -= 1
            elif not (b_letter or a_letter):
                score -= 1  # a one-letter word of an accented letter
            elif (ch.islower() and a_letter and after.isupper()) or (
                ch.isupper() and b_letter and before.islower()
            ):
                score -= 1
            else:
                score += 1
        elif b_letter and a_letter:
            score += 1 if ch in APOSTROPHES else -1  # "KL’s" is fine, "M›det" is not
        elif ch in TYPOGRAPHIC:
            score += 1
    return score


def _bomless_utf16(data: bytes) -> Decoded | None:
    """UTF-16 text without a BOM has NULs on every other byte (for Latin script)."""
    if len(data) < 4:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    half = len(data) / 2
    for lane, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if lane >= UTF16_NUL_SHARE * half and other <= MAX_STRAY_NULS:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            if _OUTSIDE_LATIN.search(text) and _is_utf8(data):
                return None  # UTF-8 with NULs in it ("0\x00\xc2\x80" is not "0胂")
            return Decoded(text, codec)
    return None


# Latin-script text in UTF-16 is letters, digits and punctuation of these blocks; anything
# else, when the bytes are UTF-8 as well, says the NULs were in UTF-8 text.
_OUTSIDE_LATIN = re.compile("[^\u0000-\u02ff\u2000-\u206f\u20ac]")


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _charset_normalizer(data: bytes) -> Decoded | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    best = from_bytes(data[:CN_SAMPLE_BYTES]).best()
    if best is None or not best.encoding or best.encoding.startswith(("utf_16", "utf_32")):
        return None  # UTF-16/32 without a BOM was ruled out by the NUL check
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return Decoded(text, best.encoding.replace("_", "-"))
