"""The reading pipeline for one file: read → normalise → segment → classify.

Nothing here touches the database; :mod:`referatkit.ingest` hands the result to
:mod:`referatkit.store`. Both functions read the file and return data, nothing else, so
ingest's worker processes can run them.

``timings``, when given, accumulates the seconds spent per stage (:data:`STAGES`); the
benchmark reads it, and its cost is one clock read per stage.
"""

from __future__ import annotations

from pathlib import Path
from time import perf_counter

from referatkit import classify, normalise, readers, redact, segment
from referatkit.model import Document, RawDocument

# The stages of one file, in order (redaction counts as normalising).
STAGES = ("read", "normalise", "segment", "classify")

Timings = dict[str, float]


def _add(timings: Timings | None, stage: str, since: float) -> float:
    now = perf_counter()
    if timings is not None:
        timings[stage] = timings.get(stage, 0.0) + (now - since)
    return now


def parse_raw(raw: RawDocument, *, keep_cpr: bool = False,
              timings: Timings | None = None) -> list[Document]:
    """Recognise the documents (usually one; several meetings in one file give several).

    CPR numbers are masked first, unless ``keep_cpr``: nothing downstream ever sees them."""
    t = perf_counter()
    if not keep_cpr:
        raw = redact.redact(raw)
    clean = normalise.normalise(raw)
    t = _add(timings, "normalise", t)
    docs = segment.segment(clean)
    t = _add(timings, "segment", t)
    for doc in docs:
        classify.classify(doc)
        # What the reading noticed ("3 NUL byte(s) removed", CPR numbers masked) stays with
        # each document: the archive records it, show and export say it.
        doc.warnings[:0] = [w for w in raw.warnings if w not in doc.warnings]
    _add(timings, "classify", t)
    return docs


def parse_file(path: str | Path, *, keep_cpr: bool = False,
               timings: Timings | None = None) -> list[Document]:
    """Read and recognise one file. Raises :class:`referatkit.errors.ReadError` with a
    one-line reason when the file cannot be read as a document."""
    t = perf_counter()
    raw = readers.read(Path(path))
    _add(timings, "read", t)
    return parse_raw(raw, keep_cpr=keep_cpr, timings=timings)
