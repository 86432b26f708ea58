"""The reading pipeline for one file: read → normalise → segment → classify.

Nothing here touches the database; :mod:`referatkit.ingest` hands the result to
:mod:`referatkit.store`.
"""

from __future__ import annotations

from pathlib import Path

from referatkit import classify, normalise, readers, redact, segment
from referatkit.model import Document, RawDocument


def parse_raw(raw: RawDocument, *, keep_cpr: bool = False) -> list[Document]:
    """Recognise the documents (usually one; several meetings in one file give several).

    CPR numbers are masked first, unless ``keep_cpr``: nothing downstream ever sees them."""
    if not keep_cpr:
        raw = redact.redact(raw)
    clean = normalise.normalise(raw)
    docs = segment.segment(clean)
    for doc in docs:
        classify.classify(doc)
        # What the reading noticed ("3 NUL byte(s) removed", CPR numbers masked) stays with
        # each document: the archive records it, show and export say it.
        doc.warnings[:0] = [w for w in raw.warnings if w not in doc.warnings]
    return docs


def parse_file(path: str | Path, *, keep_cpr: bool = False) -> list[Document]:
    """Read and recognise one file. Raises :class:`referatkit.errors.ReadError` with a
    one-line reason when the file cannot be read as a document."""
    return parse_raw(readers.read(Path(path)), keep_cpr=keep_cpr)
