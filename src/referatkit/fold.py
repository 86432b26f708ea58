"""Case-insensitive patterns, run fast: without the flag, on text folded to lower case.

Python's ``re`` finds no literal prefix to skip to in a pattern compiled with
``re.IGNORECASE``, and it tries every branch of an alternation at every position of the text;
the same pattern compiled without the flag, on lower-case text, skips the branches whose first
letter is not there. For the long word lists of :mod:`referatkit.vocab` that is three to four
times faster.

:func:`fold` lowers a text the way ``re`` compares characters under the flag, one character
for one, so a :func:`folded` pattern matches ``fold(text)`` exactly where its
case-insensitive twin matches ``text``: at the same positions, with the same spans. Its
groups hold folded text; callers that need the wording read the span from the original.
"""

from __future__ import annotations

import re

# Characters ``str.lower`` folds otherwise than ``re`` does: "İ" lowers to two characters,
# and ``re`` counts dotless "ı" as "i" and long "ſ" as "s" (its own equivalence table; the
# others there are Greek and ligatures, which no vocabulary pattern spells).
_RE_EQUIVALENT = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
# What a folded pattern may not contain: upper-case letters outside an escape or a named
# group (they would never match folded text) and inline flags (a case-sensitive part
# ``(?-i:…)`` cannot be folded away).
_UPPER_ESCAPES = re.compile(r"\\[ABDSWZ]|\(\?P<\w+>|\(\?P=\w+\)")
_INLINE_FLAGS = re.compile(r"\(\?(?:[aiLmsux]+(?:-[imsx]*)?|-[imsx]+)[:)]")


def fold(text: str) -> str:
    """``text`` in lower case as ``re.IGNORECASE`` compares it, of the same length."""
    if "İ" in text or "ı" in text or "ſ" in text:
        return text.translate(_RE_EQUIVALENT).lower()
    return text.lower()


def folded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` (written for ``re.IGNORECASE``) compiled to run on :func:`fold` of a text.

    ``flags`` are the other flags (``re.MULTILINE``); ``re.IGNORECASE`` is refused."""
    if flags & re.IGNORECASE:
        raise ValueError("a folded pattern runs without re.IGNORECASE")
    bare = _UPPER_ESCAPES.sub("", pattern)
    if bare != bare.lower() or _INLINE_FLAGS.search(pattern):
        raise ValueError(f"pattern cannot be folded (upper case or inline flags): {pattern[:60]!r}")
    return re.compile(pattern, flags)
