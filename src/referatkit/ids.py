"""Stable ids from normalised natural keys.

Every id in the archive is a short hex digest of a *natural key* — content hash, forum, date,
item number, decision text — never a row number and never a mutable field such as the path.
Re-ingesting the same content therefore gives the same ids, and a person's notes keyed by a
decision id survive a re-ingest (DESIGN.md "Lessons": duplicated imports after re-runs are the
most reported bug in peer projects).

The scheme (documented in the README):

* document  = H("document", sha256, part)
* item      = H("item", document id, ordinal, number)
* section   = H("section", item id (document id for document-level sections), ordinal)
* decision  = H("decision", forum, meeting date, item number, kind, decision text, occurrence),
  each part normalised (see :func:`normalise_key`), so the same decision in the PDF and the
  DOCX of one meeting, or in an edited file whose decision did not change, keeps its id
* action    = H("action", document id, decision id, ordinal)
* participant = H("participant", document id, ordinal)
* attachment  = H("attachment", item id, ordinal)

where H is the first :data:`ID_LENGTH` hex digits of SHA-256 over the parts joined by a unit
separator.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import Counter

from referatkit.model import Document

# 12 hex digits = 48 bits: collision-free for any archive a municipality will keep
# (birthday bound ~16 million rows) and still short enough to type in `referatkit show`.
ID_LENGTH = 12

# Joins key parts; a character that never occurs in normalised text, so ("a b", "c") and
# ("a", "b c") cannot collide.
_SEPARATOR = "\x1f"

# Anything that is not a letter or digit separates words in a key: punctuation, dashes,
# quotes and layout differ between formats ("Godkendt." in the PDF, "Godkendt" in the DOCX).
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)

# Item numbers as written → the key form: "4b)" → "4B", "Pkt. 3" → "3", "§1" → "1".
_ITEM_NUMBER_NOISE = re.compile(r"^(?:ad\s+)?(?:pkt\.?|punkt|§)\s*|[.):\s]+$", re.IGNORECASE)


def short_hash(*parts: str) -> str:
    """The first :data:`ID_LENGTH` hex digits of SHA-256 over ``parts``."""
    joined = _SEPARATOR.join(parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:ID_LENGTH]


@functools.lru_cache(maxsize=4096)  # a meeting's forum and item numbers, once per decision
def normalise_key(text: str | None) -> str:
    """Text as it enters a key: NFC, case-folded, words separated by single spaces.

    Case folding keeps æ/ø/å apart (``"Æ".casefold() == "æ"``): they are letters, not accents.
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text).casefold()
    return _NON_WORD.sub(" ", text).strip()


def normalise_item_number(number: str | None) -> str:
    """``"4b)"`` → ``"4B"``, ``"1."`` → ``"1"``, ``None`` → ``""``."""
    if not number:
        return ""
    return _ITEM_NUMBER_NOISE.sub("", number.strip()).strip().upper()


def document_id(sha256: str, part: int = 0) -> str:
    """A document is its content (and its place in a file holding several meetings)."""
    return short_hash("document", sha256.lower(), str(part))


def item_id(doc_id: str, ordinal: int, number: str | None = None) -> str:
    return short_hash("item", doc_id, str(ordinal), normalise_item_number(number))


def section_id(parent_id: str, ordinal: int) -> str:
    """``parent_id``: the item's id, or the document's for a document-level section."""
    return short_hash("section", parent_id, str(ordinal))


def decision_id(
    forum: str | None,
    meeting_date: str | None,
    item_number: str | None,
    text: str,
    *,
    kind: str = "decision",
    occurrence: int = 0,
    fallback: str = "",
) -> str:
    """The id of a decision, independent of the file it was read from.

    ``occurrence`` tells apart identical texts within one item ("Godkendt." under points 1 and
    2). ``fallback`` (the document's title, else its id) stands in for a meeting that has
    neither forum nor date — a memo — so unrelated memos' "1: Godkendt" do not share an id.
    """
    meeting = [normalise_key(forum), meeting_date or ""]
    if not any(meeting):
        meeting = [normalise_key(fallback), ""]
    return short_hash(
        "decision",
        *meeting,
        normalise_item_number(item_number),
        kind,
        normalise_key(text),
        str(occurrence),
    )


def action_id(doc_id: str, dec_id: str, ordinal: int) -> str:
    return short_hash("action", doc_id, dec_id, str(ordinal))


def participant_id(doc_id: str, ordinal: int) -> str:
    return short_hash("participant", doc_id, str(ordinal))


def attachment_id(it_id: str, ordinal: int) -> str:
    return short_hash("attachment", it_id, str(ordinal))


def assign_decision_ids(doc: Document, doc_id: str | None = None) -> None:
    """Fill ``Decision.id`` for every decision of ``doc`` (in place).

    An unnumbered item is keyed by its title instead of its number, so two unnumbered items of
    one meeting do not share decision ids.
    """
    if doc_id is None:
        doc_id = document_id(doc.sha256, doc.part)
    fallback = doc.title or doc_id
    # Counted over the whole document, not per item: a segmenter that gives two items the same
    # number must still not give two decisions of one document the same id.
    seen: Counter[tuple[str, str, str]] = Counter()
    for item in doc.items:
        item_key = item.number if item.number else f"title:{normalise_key(item.title)}"
        for dec in item.decisions:
            text_key = (normalise_item_number(item_key), dec.kind, normalise_key(dec.text))
            dec.id = decision_id(
                doc.forum,
                doc.meeting_date,
                item_key,
                dec.text,
                kind=dec.kind,
                occurrence=seen[text_key],
                fallback=fallback,
            )
            seen[text_key] += 1
