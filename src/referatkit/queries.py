"""Read-only questions to the archive: search, decisions, show, stats, export.

Every function takes an open :class:`~referatkit.store.Store` (or a database path, opened
read-only for the call) and returns dataclasses or plain data; rendering is the CLI's business.
The connection of a query store is ``query_only``: these functions cannot write.
"""

from __future__ import annotations

import calendar
import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from referatkit.errors import NotFoundError, QueryError, UsageError
from referatkit.model import (
    OPEN_STATUSES,
    STATUSES,
    Action,
    Attachment,
    Decision,
    Document,
    Item,
    Participant,
    Section,
)
from referatkit.store import FILE_FAILED, FTS_CONTENT_TABLE, FTS_TABLE, Store, open_store

DEFAULT_LIMIT = 20
# Highlight markers around matched words in snippets: plain text that survives JSON and CSV;
# the terminal renderer turns them into bold.
HIGHLIGHT_START = "**"
HIGHLIGHT_END = "**"
SNIPPET_ELLIPSIS = "…"
SNIPPET_TOKENS = 16
# bm25 weights per FTS column (title, body): a word in an item title says more than one in a
# page of minutes.
BM25_WEIGHTS = (3.0, 1.0)
SEARCH_KINDS = ("document", "item", "section", "decision")
DECISION_KINDS = ("decision", "proposal", "prior")
# Ids are hex; a prefix shorter than this is more likely an ordinal or a typo.
MIN_ID_PREFIX = 4

# A search term: a "quoted phrase" or a run of non-space characters.
_TERM = re.compile(r'"([^"]*)"|(\S+)')
# A term must hold a letter or digit: the tokenizer drops everything else, and an empty
# phrase would match nothing without telling the user why.
_SEARCHABLE = re.compile(r"[^\W_]")
_HEX = re.compile(r"^[0-9a-f]+$")


# ---------------------------------------------------------------------------------------------
# Result types


@dataclass(slots=True)
class SearchHit:
    path: str
    meeting_date: str | None
    forum: str | None
    item_number: str | None
    item_title: str | None
    kind: str  # document | item | section | decision
    snippet: str
    score: float  # higher is better (negated bm25)
    document_id: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class DecisionRow:
    id: str
    status: str
    text: str
    owner: str | None
    due: str | None
    meeting_date: str | None
    forum: str | None
    item_number: str | None
    item_title: str | None
    path: str
    document_id: str
    kind: str = "decision"
    copies: int = 1  # documents holding this decision (the same minutes as PDF and DOCX)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class StoredDocument:
    """A document as the archive holds it: the model object plus what the archive adds."""

    id: str
    document: Document
    paths: list[str] = field(default_factory=list)  # every file holding this content
    ingested_at: str | None = None

    def export(self) -> dict[str, Any]:
        """The object of ``referatkit export`` and ``show --format json``: DESIGN.md's schema
        (``Document.export()``) plus ``id`` and ``paths``."""
        return {"id": self.id, **self.document.export(), "paths": self.paths}


@dataclass(slots=True)
class Stats:
    database: str
    schema_version: int
    documents: int
    documents_by_format: dict[str, int]
    documents_by_doc_type: dict[str, int]
    documents_with_date: int
    documents_with_items: int
    items: int
    sections: int
    decisions: int
    decisions_by_status: dict[str, int]
    open_decisions: int
    participants: int
    attachments: int
    files: dict[str, int]  # ok | failed | removed
    failed: list[dict[str, str]]  # [{path, reason}] of files that failed
    last_run: dict[str, Any] | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# ---------------------------------------------------------------------------------------------
# Opening


def open_archive(path: str | os.PathLike[str]) -> Store:
    """The archive for reading: must exist, is migrated, cannot be written through."""
    return open_store(path, create=False, readonly=True)


@contextmanager
def _opened(db: Store | str | os.PathLike[str]) -> Iterator[Store]:
    if isinstance(db, Store):
        yield db
        return
    with open_archive(db) as st:
        yield st


# ---------------------------------------------------------------------------------------------
# Filters


def parse_date_bound(value: str | None, *, end: bool = False, option: str = "date") -> str | None:
    """``2020`` / ``2020-05`` / ``2020-05-15`` → a YYYY-MM-DD bound (the first or, with
    ``end``, the last day of the period)."""
    if value is None or value == "":
        return None
    v = value.strip()
    try:
        if re.fullmatch(r"\d{4}", v):
            return f"{v}-12-31" if end else f"{v}-01-01"
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})", v):
            y, mo = int(m[1]), int(m[2])
            last = calendar.monthrange(y, mo)[1]
            return f"{y:04d}-{mo:02d}-{last if end else 1:02d}"
        return date.fromisoformat(v).isoformat()
    except ValueError:
        pass
    raise UsageError(f"{option} {value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")


def _meeting_filters(
    forum: str | None, date_from: str | None, date_to: str | None
) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if forum:
        # Substring, case-insensitive including Æ/Ø/Å (rk_fold is registered by the store).
        where.append("instr(rk_fold(doc.forum), rk_fold(?)) > 0")
        params.append(forum)
    lo = parse_date_bound(date_from, option="--from")
    hi = parse_date_bound(date_to, end=True, option="--to")
    if lo:
        where.append("doc.meeting_date >= ?")
        params.append(lo)
    if hi:
        where.append("doc.meeting_date <= ?")
        params.append(hi)
    return where, params


# ---------------------------------------------------------------------------------------------
# search


def build_match(query: str) -> str:
    """The FTS5 MATCH expression for what a user typed.

    User text is never passed through as FTS5 syntax: every term becomes a quoted string, so
    ``F-ACT``, ``AND``, ``*`` or a stray quote cannot break or change the query. ``"two
    words"`` stays a phrase. Terms are ANDed. This is the seam for Danish-aware search
    (stems, compounds, typo tolerance): expand each term here.
    """
    terms: list[str] = []
    for m in _TERM.finditer(query or ""):
        text = m.group(1) if m.group(1) is not None else m.group(2)
        if not _SEARCHABLE.search(text):
            continue
        terms.append('"' + text.replace('"', '""') + '"')
    if not terms:
        if not (query or "").strip():
            raise QueryError("empty query")
        raise QueryError(f"nothing to search for in {query!r} (no letters or digits)")
    return " ".join(terms)


def search(
    db: Store | str | os.PathLike[str],
    query: str,
    *,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
    forum: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    kind: str | None = None,
) -> list[SearchHit]:
    """Full-text search over document titles, item titles, section text and decisions, best
    first (bm25)."""
    match = build_match(query)
    if limit < 1:
        raise UsageError("--limit must be at least 1")
    if offset < 0:
        raise UsageError("--offset must not be negative")
    if kind is not None and kind not in SEARCH_KINDS:
        raise UsageError(f"unknown kind {kind!r} (choose {', '.join(SEARCH_KINDS)})")
    where, params = _meeting_filters(forum, date_from, date_to)
    if kind:
        where.append("s.kind = ?")
        params.append(kind)
    w1, w2 = BM25_WEIGHTS
    sql = f"""
        SELECT doc.path, doc.meeting_date, doc.forum, i.number AS item_number,
               i.title AS item_title, s.kind, doc.id AS document_id,
               snippet([{FTS_TABLE}], -1, ?, ?, ?, ?) AS snippet,
               -bm25([{FTS_TABLE}], {w1}, {w2}) AS score
        FROM [{FTS_TABLE}]
        JOIN [{FTS_CONTENT_TABLE}] s ON s.rid = [{FTS_TABLE}].rowid
        JOIN documents doc ON doc.id = s.document_id
        LEFT JOIN items i ON i.id = s.item_id
        WHERE [{FTS_TABLE}] MATCH ? {''.join(' AND ' + c for c in where)}
        ORDER BY score DESC, doc.meeting_date DESC, doc.path, i.ordinal
        LIMIT ? OFFSET ?
    """
    args = [HIGHLIGHT_START, HIGHLIGHT_END, SNIPPET_ELLIPSIS, SNIPPET_TOKENS, match, *params,
            limit, offset]
    with _opened(db) as st:
        rows = st.rows(sql, args)
    return [SearchHit(**{**r, "score": round(float(r["score"]), 4)}) for r in rows]


# ---------------------------------------------------------------------------------------------
# decisions


def decisions(
    db: Store | str | os.PathLike[str],
    *,
    open_only: bool = False,
    status: str | None = None,
    forum: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    owner: str | None = None,
    kind: str = "decision",
) -> list[DecisionRow]:
    """Decisions in meeting order, one row per decision id (the PDF and the DOCX of the same
    minutes hold the same decisions; ``copies`` says how many documents do).

    ``open_only``: status postponed, referred or action (DESIGN.md: open until a later meeting
    deals with the matter — matching that is a later issue).
    """
    if status is not None and status not in STATUSES:
        raise UsageError(f"unknown status {status!r} (choose {', '.join(STATUSES)})")
    if kind not in DECISION_KINDS:
        raise UsageError(f"unknown decision kind {kind!r} (choose {', '.join(DECISION_KINDS)})")
    where, params = _meeting_filters(forum, date_from, date_to)
    where.append("d.kind = ?")
    params.append(kind)
    if open_only:
        where.append(f"d.status IN ({', '.join('?' for _ in OPEN_STATUSES)})")
        params.extend(OPEN_STATUSES)
    if status:
        where.append("d.status = ?")
        params.append(status)
    if owner:
        where.append("instr(rk_fold(coalesce(d.owner, '')), rk_fold(?)) > 0")
        params.append(owner)
    sql = f"""
        SELECT id, status, text, owner, due, meeting_date, forum, item_number, item_title,
               path, document_id, kind, copies
        FROM (
            SELECT d.id, d.status, d.text, d.owner, d.due, d.kind, doc.meeting_date, doc.forum,
                   i.number AS item_number, i.title AS item_title, doc.path,
                   doc.id AS document_id, i.ordinal AS item_ordinal, d.ordinal AS ordinal,
                   ROW_NUMBER() OVER (PARTITION BY d.id ORDER BY doc.path, doc.part) AS rn,
                   COUNT(*) OVER (PARTITION BY d.id) AS copies
            FROM decisions d
            JOIN documents doc ON doc.id = d.document_id
            JOIN items i ON i.id = d.item_id
            WHERE {' AND '.join(where)}
        )
        WHERE rn = 1
        ORDER BY meeting_date IS NULL, meeting_date, forum, path, item_ordinal, ordinal
    """
    with _opened(db) as st:
        return [DecisionRow(**r) for r in st.rows(sql, params)]


# ---------------------------------------------------------------------------------------------
# show / export


def resolve(st: Store, ref: str) -> str:
    """A document id from what a user typed: an id, an id prefix, a path (or the end of
    one), or an ordinal (1 = the first document ingested)."""
    ref = (ref or "").strip()
    if not ref:
        raise UsageError("no document given (an id, a path or a number)")
    low = ref.lower()
    if st.scalar("SELECT 1 FROM documents WHERE id = ?", [low]):
        return low
    candidates: list[str] = []
    if ref.isdigit() and len(ref) < MIN_ID_PREFIX:
        n = int(ref)
        row = st.rows(
            "SELECT id FROM documents ORDER BY ingested_at, path, part LIMIT 1 OFFSET ?",
            [max(n - 1, 0)],
        )
        if n >= 1 and row:
            return row[0]["id"]
        total = st.scalar("SELECT count(*) FROM documents")
        raise NotFoundError(
            f"no document number {ref}: the archive holds {total} document"
            f"{'' if total == 1 else 's'}"
        )
    # A path: exact (as given or made absolute), else a unique ending ("2021/referat.pdf").
    absolute = os.path.normpath(os.path.abspath(os.path.expanduser(ref)))
    candidates = _doc_ids_for_paths(st, [ref, absolute])
    if not candidates:
        # Whole path components only: "referat.pdf" matches ".../2021/referat.pdf", not
        # ".../2021/xreferat.pdf".
        suffix = os.sep + os.path.normpath(ref).lstrip(os.sep)
        candidates = [
            r["id"]
            for r in st.rows(
                "SELECT DISTINCT doc.id FROM documents doc JOIN files f ON f.sha256 = doc.sha256 "
                "WHERE f.status = 'ok' AND substr(f.path, -?) = ? ORDER BY doc.id",
                [len(suffix), suffix],
            )
        ]
    if not candidates and len(low) >= MIN_ID_PREFIX and _HEX.match(low):
        candidates = [
            r["id"]
            for r in st.rows(
                "SELECT id FROM documents WHERE substr(id, 1, ?) = ? ORDER BY id",
                [len(low), low],
            )
        ]
    if len(candidates) == 1:
        return candidates[0]
    if len(candidates) > 1:
        shown = ", ".join(candidates[:5])
        raise UsageError(f"{ref!r} matches {len(candidates)} documents ({shown}); be more specific")
    raise NotFoundError(
        f"no document {ref!r} in the archive (give an id, a path, or a number such as 1; "
        "'referatkit search' finds ids)"
    )


def _doc_ids_for_paths(st: Store, paths: list[str]) -> list[str]:
    marks = ", ".join("?" for _ in paths)
    rows = st.rows(
        "SELECT DISTINCT doc.id FROM documents doc JOIN files f ON f.sha256 = doc.sha256 "
        f"WHERE f.status = 'ok' AND f.path IN ({marks}) ORDER BY doc.part",
        paths,
    )
    return [r["id"] for r in rows]


def show(db: Store | str | os.PathLike[str], ref: str) -> StoredDocument:
    """One document with its meeting, items, sections, decisions, participants, attachments."""
    with _opened(db) as st:
        return load_document(st, resolve(st, ref))


def export(db: Store | str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Every document as DESIGN.md's export object (plus ``id`` and ``paths``), by path."""
    with _opened(db) as st:
        doc_ids = [r["id"] for r in st.rows("SELECT id FROM documents ORDER BY path, part")]
        return [load_document(st, doc_id).export() for doc_id in doc_ids]


def load_document(st: Store, doc_id: str) -> StoredDocument:
    """Rebuild the :class:`Document` stored under ``doc_id``."""
    rows = st.rows("SELECT * FROM documents WHERE id = ?", [doc_id])
    if not rows:
        raise NotFoundError(f"no document {doc_id!r} in the archive")
    d = rows[0]
    doc = Document(
        path=d["path"], format=d["format"], sha256=d["sha256"], part=d["part"],
        doc_type=d["doc_type"], title=d["title"], forum=d["forum"],
        meeting_date=d["meeting_date"], meeting_time=d["meeting_time"], place=d["place"],
        language=d["language"], attendance_count=d["attendance_count"], pages=d["pages"] or 0,
        warnings=json.loads(d["warnings"] or "[]"),
    )
    doc.participants = [
        Participant(name=r["name"], organisation=r["organisation"], role=r["role"],
                    absent=bool(r["absent"]))
        for r in st.rows("SELECT * FROM participants WHERE document_id = ? ORDER BY ordinal",
                         [doc_id])
    ]
    sections = _grouped(st, "sections", doc_id)
    doc.sections = [Section(label=s["label"], kind=s["kind"], text=s["text"])
                    for s in sections.get(None, [])]
    decs = _grouped(st, "decisions", doc_id)
    attachments = _grouped(st, "attachments", doc_id)
    actions: dict[str, list[Action]] = {}
    for r in st.rows("SELECT * FROM actions WHERE document_id = ? ORDER BY ordinal", [doc_id]):
        actions.setdefault(r["decision_id"], []).append(
            Action(text=r["text"], owner=r["owner"], due=r["due"], due_text=r["due_text"],
                   approximate=bool(r["approximate"]))
        )
    for r in st.rows("SELECT * FROM items WHERE document_id = ? ORDER BY ordinal", [doc_id]):
        doc.items.append(Item(
            number=r["number"], title=r["title"], closed=bool(r["closed"]),
            case_number=r["case_number"], number_as_written=r["number_as_written"],
            sections=[Section(label=s["label"], kind=s["kind"], text=s["text"])
                      for s in sections.get(r["id"], [])],
            decisions=[
                Decision(text=x["text"], status=x["status"], kind=x["kind"], body=x["body"],
                         owner=x["owner"], due=x["due"],
                         refers_to_proposal=bool(x["refers_to_proposal"]),
                         prior_date=x["prior_date"], actions=actions.get(x["id"], []),
                         id=x["id"])
                for x in decs.get(r["id"], [])
            ],
            attachments=[Attachment(title=a["title"]) for a in attachments.get(r["id"], [])],
        ))
    paths = [r["path"] for r in st.rows(
        "SELECT path FROM files WHERE sha256 = ? AND status = 'ok' ORDER BY path", [d["sha256"]])]
    return StoredDocument(id=doc_id, document=doc, paths=paths or [d["path"]],
                          ingested_at=d["ingested_at"])


def _grouped(st: Store, table: str, doc_id: str) -> dict[str | None, list[dict[str, Any]]]:
    """Rows of ``table`` by item id (None: document level), each list in ordinal order."""
    out: dict[str | None, list[dict[str, Any]]] = {}
    for r in st.rows(f"SELECT * FROM [{table}] WHERE document_id = ? ORDER BY ordinal", [doc_id]):
        out.setdefault(r["item_id"], []).append(r)
    return out


# ---------------------------------------------------------------------------------------------
# stats


def stats(db: Store | str | os.PathLike[str]) -> Stats:
    with _opened(db) as st:
        def count(sql: str, params: list[Any] | None = None) -> int:
            return int(st.scalar(sql, params or []) or 0)

        def by(sql: str) -> dict[str, int]:
            return {str(r["k"]): int(r["n"]) for r in st.rows(sql)}

        marks = ", ".join("?" for _ in OPEN_STATUSES)
        last = st.rows("SELECT * FROM runs ORDER BY id DESC LIMIT 1")
        files = {"ok": 0, "failed": 0, "removed": 0}
        files.update(by("SELECT status AS k, count(*) AS n FROM files GROUP BY status"))
        return Stats(
            database=str(Path(st.path)),
            schema_version=st.schema_version,
            documents=count("SELECT count(*) FROM documents"),
            documents_by_format=by(
                "SELECT format AS k, count(*) AS n FROM documents GROUP BY format ORDER BY format"),
            documents_by_doc_type=by(
                "SELECT doc_type AS k, count(*) AS n FROM documents GROUP BY doc_type "
                "ORDER BY doc_type"),
            documents_with_date=count(
                "SELECT count(*) FROM documents WHERE meeting_date IS NOT NULL"),
            documents_with_items=count("SELECT count(DISTINCT document_id) FROM items"),
            items=count("SELECT count(*) FROM items"),
            sections=count("SELECT count(*) FROM sections"),
            decisions=count("SELECT count(*) FROM decisions WHERE kind = 'decision'"),
            decisions_by_status=by(
                "SELECT status AS k, count(*) AS n FROM decisions WHERE kind = 'decision' "
                "GROUP BY status ORDER BY status"),
            open_decisions=count(
                f"SELECT count(DISTINCT id) FROM decisions WHERE kind = 'decision' "
                f"AND status IN ({marks})", list(OPEN_STATUSES)),
            participants=count("SELECT count(*) FROM participants"),
            attachments=count("SELECT count(*) FROM attachments"),
            files=files,
            failed=[
                {"path": r["path"], "reason": r["reason"]}
                for r in st.rows("SELECT path, reason FROM files WHERE status = ? ORDER BY path",
                                 [FILE_FAILED])
            ],
            last_run={**last[0], "roots": json.loads(last[0]["roots"] or "[]")} if last else None,
        )
