"""Personal data that must never reach the archive: CPR numbers.

A CPR number is DDMMYY-XXXX (or DDMMYYXXXX) whose first six digits are a real date. It is
replaced before segmentation, so it is neither stored nor indexed (DESIGN.md: "Redact before
indexing, not at display").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from referatkit.model import RawDocument

CPR_MASK = "XXXXXX-XXXX"
# Digits not glued to other digits, with an optional hyphen or space before the last four.
CPR_RE = re.compile(r"(?<![\d\-/.])(?P<d>[0-3]\d)(?P<m>[01]\d)(?P<y>\d\d)[- ]?(?P<s>\d{4})(?![\d\-/])")
_SIX_DIGITS = re.compile(r"\d{6}")  # found far faster than CPR_RE, whose lookbehind runs everywhere


def _plausible(m: re.Match[str]) -> bool:
    d, mo, y = int(m["d"]), int(m["m"]), int(m["y"])
    for century in (1900, 2000):
        try:
            dt.date(century + y, mo, d)
            return True
        except ValueError:
            continue
    return False


def redact_cpr(text: str) -> tuple[str, int]:
    """``text`` with every plausible CPR number masked, and how many were masked."""
    if not _SIX_DIGITS.search(text):
        return text, 0  # most lines: the number's date part is not there
    count = 0

    def sub(m: re.Match[str]) -> str:
        nonlocal count
        if not _plausible(m):
            return m.group(0)
        # ten bare digits are a CPR number only with the hyphen or in a CPR context
        if "-" not in m.group(0) and " " not in m.group(0):
            ctx = text[max(0, m.start() - 20): m.start()].lower()
            if "cpr" not in ctx and "personnummer" not in ctx:
                return m.group(0)
        count += 1
        return CPR_MASK

    return CPR_RE.sub(sub, text), count


def redact(raw: RawDocument) -> RawDocument:
    """``raw`` with every CPR number masked: in the blocks, and in the metadata (a PDF's or
    Word file's title becomes the document's title when the text names none)."""
    total = 0
    blocks = []
    for b in raw.blocks:
        text, n = redact_cpr(b.text)
        total += n
        blocks.append(replace(b, text=text) if n else b)
    meta = {}
    for key, value in raw.meta.items():
        meta[key], n = redact_cpr(value) if isinstance(value, str) else (value, 0)
        total += n
    if not total:
        return raw
    warnings = [*raw.warnings, f"{total} CPR number(s) redacted"]
    return replace(raw, blocks=blocks, meta=meta, warnings=warnings)
