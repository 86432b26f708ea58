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

from referatkit.errors import NotFoundError, UsageError
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
from referatkit.store import (
    FILE_FAILED,
    FILE_OK,
    FILE_REMOVED,
    Store,
    open_store,
)
from referatkit.vocab import DUE_PATTERNS

DECISION_KINDS = ("decision", "proposal", "prior")
# Ids are hex; a prefix shorter than this is more likely an ordinal or a typo.
MIN_ID_PREFIX = 4

_HEX = re.compile(r"^[0-9a-f]+$")


# ---------------------------------------------------------------------------------------------
# Result types


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
    # Following the matter (issue 4): is it still open, and what closed it.
    open: bool = False
    closed_by: str | None = None  # None | "matter" (a later meeting settled it) | "manual"
    settled_by: str | None = None  # the id of the decision that settled it
    settled_on: str | None = None  # that decision's meeting date
    note: str | None = None  # a person's note (decisions close/reopen/note --note)
    reopened: bool = False
    forum_id: str | None = None
    forum_name: str | None = None  # the forum as one name (forums merge), not as written
    matter_id: str | None = None
    age_days: int | None = None  # days since the meeting (to --as-of, default today)
    overdue: bool = False  # open and its due date has passed
    # "next_meeting" when ``due`` is the date of the forum's next meeting, for a task due "på
    # næste møde" whose own minutes did not give that date; None when the minutes gave it
    due_from: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class StoredDocument:
    """A document as the archive holds it: the model object plus what the archive adds."""

    id: str
    document: Document
    paths: list[str] = field(default_factory=list)  # every file holding this content
    ingested_at: str | None = None
    # Every file that held it is gone from its folder: kept until ``ingest --prune``.
    removed: bool = False
    closed_items_left_out: int = 0  # closed items not loaded (see include_closed)

    def export(self) -> dict[str, Any]:
        """The object of ``referatkit export`` and ``show --format json``: DESIGN.md's schema
        (``Document.export()``) plus ``id``, ``paths``, ``removed`` and the ``warnings`` of
        its reading ("3 NUL byte(s) removed", "2 CPR number(s) redacted")."""
        return {"id": self.id, **self.document.export(), "paths": self.paths,
                "removed": self.removed, "warnings": list(self.document.warnings)}


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
        # Substring, case-insensitive including Æ/Ø/Å (rk_fold is registered by the store), of
        # the forum as written or of the forum's name (all names of a merged forum count).
        where.append("(instr(rk_fold(doc.forum), rk_fold(?)) > 0 OR doc.id IN ("
                     "SELECT md.document_id FROM meeting_documents md JOIN forums f "
                     "ON f.id = md.forum_id WHERE instr(rk_fold(f.name), rk_fold(?)) > 0))")
        params.extend([forum, forum])
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
# search (the implementation is referatkit.search)


def search(db: Store | str | os.PathLike[str], query: str, **options: Any) -> list[Any]:
    """The hits of :func:`referatkit.search.search` (its options), as a list."""
    from referatkit import search as _search

    return _search.search(db, query, suggest=False, **options).hits


def build_match(query: str) -> str:
    """:func:`referatkit.search.build_match`: the FTS5 expression of a query, words as written."""
    from referatkit import search as _search

    return _search.build_match(query)


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
    ids: list[str] | None = None,
    as_of: str | date | None = None,
) -> list[DecisionRow]:
    """Decisions in meeting order, one row per decision id (the PDF and the DOCX of the same
    minutes hold the same decisions; ``copies`` says how many documents do).

    ``open_only``: decisions still open — postponed, referred or action, until a later
    occurrence of the same matter in the same forum settles it or a person closes it
    (:mod:`referatkit.matters`; before the archive is linked, by status alone). ``as_of``:
    the day ``age_days`` and ``overdue`` are counted to (default today).
    """
    if status is not None and status not in STATUSES:
        raise UsageError(f"unknown status {status!r} (choose {', '.join(STATUSES)})")
    if kind not in DECISION_KINDS:
        raise UsageError(f"unknown decision kind {kind!r} (choose {', '.join(DECISION_KINDS)})")
    where, params = _meeting_filters(forum, date_from, date_to)
    where.append("d.kind = ?")
    params.append(kind)
    if open_only:
        where.append(f"{_IS_OPEN} = 1")
        params.extend(OPEN_STATUSES)
    if status:
        where.append("d.status = ?")
        params.append(status)
    if owner:
        where.append("instr(rk_fold(coalesce(d.owner, '')), rk_fold(?)) > 0")
        params.append(owner)
    if ids is not None:
        if not ids:
            return []
        where.append(f"d.id IN ({', '.join('?' for _ in ids)})")
        params.extend(ids)
    today = _as_of(as_of)
    open_params = list(OPEN_STATUSES)
    sql = f"""
        SELECT id, status, text, owner, due, meeting_date, forum, item_number, item_title,
               path, document_id, kind, copies, is_open AS open, closed_by, settled_by,
               settled_on, note, reopened, forum_id, forum_name, matter_id, due_text,
               next_meeting
        FROM (
            SELECT d.id, d.status, d.text, d.owner, d.due, d.kind, doc.meeting_date, doc.forum,
                   (SELECT a.due_text FROM actions a WHERE a.decision_id = d.id
                    AND a.due IS NULL AND a.due_text IS NOT NULL
                    ORDER BY a.ordinal LIMIT 1) AS due_text,
                   (SELECT min(m.meeting_date) FROM meetings m WHERE m.forum_id = md.forum_id
                    AND m.meeting_date > doc.meeting_date) AS next_meeting,
                   i.number AS item_number, i.title AS item_title, doc.path,
                   doc.id AS document_id, i.ordinal AS item_ordinal, d.ordinal AS ordinal,
                   {_IS_OPEN} AS is_open, ds.closed_by, ds.settled_by, ds.settled_on, ds.note,
                   coalesce(ds.reopened, 0) AS reopened, f.id AS forum_id,
                   f.name AS forum_name, ds.matter_id,
                   ROW_NUMBER() OVER (PARTITION BY d.id ORDER BY doc.path, doc.part) AS rn,
                   COUNT(*) OVER (PARTITION BY d.id) AS copies
            FROM decisions d
            JOIN documents doc ON doc.id = d.document_id
            JOIN items i ON i.id = d.item_id
            LEFT JOIN decision_state ds ON ds.id = d.id
            LEFT JOIN meeting_documents md ON md.document_id = doc.id
            LEFT JOIN forums f ON f.id = md.forum_id
            WHERE {' AND '.join(where)}
        )
        WHERE rn = 1
        ORDER BY meeting_date IS NULL, meeting_date, forum, path, item_ordinal, ordinal
    """
    with _opened(db) as st:
        rows = st.rows(sql, [*open_params, *params])
    return [_decision_row(r, today) for r in rows]


# A decision is open by its linked state (decision_state, see referatkit.link) and, where the
# archive has not been linked yet, by its status. Takes the OPEN_STATUSES as parameters.
_IS_OPEN = (f"(CASE WHEN ds.id IS NULL THEN d.status IN "
            f"({', '.join('?' for _ in OPEN_STATUSES)}) ELSE ds.open END)")


def _as_of(value: str | date | None) -> date:
    if value is None or value == "":
        return date.today()
    if isinstance(value, date):
        return value
    bound = parse_date_bound(value, option="--as-of")
    assert bound is not None
    return date.fromisoformat(bound)


# An action's due wording that means the forum's next meeting ("tilbagemelder på næste møde").
_NEXT_MEETING_DUE = re.compile(dict(DUE_PATTERNS)["next_meeting"], re.IGNORECASE)


def _decision_row(r: dict[str, Any], today: date) -> DecisionRow:
    due_text, next_meeting = r.pop("due_text", None), r.pop("next_meeting", None)
    row = DecisionRow(**{**r, "open": bool(r["open"]), "reopened": bool(r["reopened"])})
    if not row.due and next_meeting and due_text and _NEXT_MEETING_DUE.search(due_text):
        # due on the next meeting the archive knows of the same forum
        row.due, row.due_from = next_meeting, "next_meeting"
    if row.meeting_date:
        row.age_days = (today - date.fromisoformat(row.meeting_date)).days
    if row.open and row.due:
        try:
            row.overdue = date.fromisoformat(row.due) < today
        except ValueError:
            row.overdue = False
    return row


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


def show(db: Store | str | os.PathLike[str], ref: str, *,
         include_closed: bool = False) -> StoredDocument:
    """One document with its meeting, items, sections, decisions, participants, attachments.
    Closed items (Lukket punkt, Fortroligt) are left out unless ``include_closed``."""
    with _opened(db) as st:
        return load_document(st, resolve(st, ref), include_closed=include_closed)


def export(db: Store | str | os.PathLike[str], *,
           include_closed: bool = False) -> list[dict[str, Any]]:
    """Every document as DESIGN.md's export object (plus ``id``, ``paths`` and ``removed``),
    by path. Closed items are left out unless ``include_closed``."""
    with _opened(db) as st:
        doc_ids = [r["id"] for r in st.rows("SELECT id FROM documents ORDER BY path, part")]
        return [load_document(st, doc_id, include_closed=include_closed).export()
                for doc_id in doc_ids]


def load_document(st: Store, doc_id: str, *, include_closed: bool = True) -> StoredDocument:
    """Rebuild the :class:`Document` stored under ``doc_id`` (without its closed items unless
    ``include_closed``: the archive holds them, what people are shown does not)."""
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
    left_out = 0
    for r in st.rows("SELECT * FROM items WHERE document_id = ? ORDER BY ordinal", [doc_id]):
        if r["closed"] and not include_closed:
            left_out += 1
            continue
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
    holders = st.rows("SELECT path, status FROM files WHERE sha256 = ? ORDER BY path",
                      [d["sha256"]])
    paths = [r["path"] for r in holders if r["status"] == FILE_OK]
    removed = bool(holders) and all(r["status"] == FILE_REMOVED for r in holders)
    return StoredDocument(id=doc_id, document=doc, paths=paths or [d["path"]],
                          ingested_at=d["ingested_at"], removed=removed,
                          closed_items_left_out=left_out)


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
                f"SELECT count(DISTINCT d.id) FROM decisions d LEFT JOIN decision_state ds "
                f"ON ds.id = d.id WHERE d.kind = 'decision' AND {_IS_OPEN} = 1",
                list(OPEN_STATUSES)),
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


# ---------------------------------------------------------------------------------------------
# forums, meetings, history (following matters across meetings: referatkit.matters)

# A matter matches a history query when one of its titles contains the query's words, or is at
# least this similar to it (rapidfuzz token_set_ratio of the normalised texts).
HISTORY_MIN_SCORE = 75.0


@dataclass(slots=True)
class ForumRow:
    id: str
    name: str
    names: list[str]  # the names as written, most documents first
    how: str  # single | auto (names matched) | user (forums merge)
    documents: int
    meetings: int
    first_date: str | None
    last_date: str | None
    years: list[int]
    suggestions: list[dict[str, Any]]  # [{id, name, score}]: may be the same forum

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class MeetingRow:
    forum_id: str
    forum: str  # the forum's name
    meeting_date: str | None
    documents: list[dict[str, Any]]  # [{id, doc_type, format, path, forum}], minutes first
    items: int  # agenda items of the meeting (over its documents)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class OccurrenceRow:
    meeting_date: str | None
    forum: str | None  # as written in the meeting's minutes (or agenda)
    item_number: str | None
    item_title: str  # as written
    how: str  # how it was linked to the matter: first, title, case, reference, contained, …
    case_numbers: list[str]
    documents: list[dict[str, Any]]  # [{id, doc_type, format, path}]
    decisions: list[DecisionRow]

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["decisions"] = [r.to_dict() for r in self.decisions]
        return d


@dataclass(slots=True)
class MatterHistory:
    id: str
    forum_id: str
    forum: str
    title: str  # as written at its latest occurrence
    standing: str | None  # a standing item (dagsorden, eventuelt, …) or None
    first_date: str | None
    last_date: str | None
    open_decisions: int
    score: float  # how well it matched the query
    occurrences: list[OccurrenceRow] = field(default_factory=list)
    others: list[dict[str, Any]] = field(default_factory=list)  # other matching matters

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["occurrences"] = [o.to_dict() for o in self.occurrences]
        return d


def forums(db: Store | str | os.PathLike[str]) -> list[ForumRow]:
    """The forums of the archive: written names clustered (and the people's merges), with
    meeting counts, years, and other forums that may be the same (to confirm with
    ``referatkit forums merge``). Computed from the documents as they are now."""
    from referatkit import link
    from referatkit import matters as M

    with _opened(db) as st:
        docs = link.load_documents(st)
        cl = link.clustering(st, docs)
    forum_of = {d.id: cl.forum_of(d.forum) for d in docs}
    dates: dict[str, list[str]] = {}
    meetings: dict[str, int] = {}
    for m in M.group_meetings(docs, forum_of, apart=cl.unnamed):
        meetings[m.forum_id] = meetings.get(m.forum_id, 0) + 1
        if m.meeting_date:
            dates.setdefault(m.forum_id, []).append(m.meeting_date)
    names = {f.id: f.name for f in cl.forums}
    suggested: dict[str, list[dict[str, Any]]] = {}
    for sug in cl.suggestions:
        for a, b in ((sug.forum_id, sug.other_id), (sug.other_id, sug.forum_id)):
            suggested.setdefault(a, []).append({"id": b, "name": names[b], "score": sug.score})
    out = []
    for f in cl.forums:
        ds = sorted(dates.get(f.id, []))
        out.append(ForumRow(
            id=f.id, name=f.name, names=f.names, how=f.how, documents=f.documents,
            meetings=meetings.get(f.id, 0), first_date=ds[0] if ds else None,
            last_date=ds[-1] if ds else None, years=sorted({int(d[:4]) for d in ds}),
            suggestions=suggested.get(f.id, [])))
    return out


def meetings(
    db: Store | str | os.PathLike[str],
    *,
    forum: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[MeetingRow]:
    """Meetings per forum in date order: an agenda and the minutes of one forum's meeting on
    one date (and the same minutes in several formats) are one meeting."""
    from referatkit import link
    from referatkit import matters as M

    lo = parse_date_bound(date_from, option="--from")
    hi = parse_date_bound(date_to, end=True, option="--to")
    with _opened(db) as st:
        docs = link.load_documents(st)
        cl = link.clustering(st, docs)
        info = {r["id"]: r for r in st.rows(
            "SELECT doc.id, doc.doc_type, doc.format, doc.path, doc.forum, "
            "(SELECT count(*) FROM items i WHERE i.document_id = doc.id) AS items "
            "FROM documents doc")}
    forum_of = {d.id: cl.forum_of(d.forum) for d in docs}
    by_id = {f.id: f for f in cl.forums}
    out = []
    for m in M.group_meetings(docs, forum_of, apart=cl.unnamed):
        f = by_id[m.forum_id]
        if forum and not any(fold(forum) in fold(n) for n in (f.name, *f.names)):
            continue
        if (lo or hi) and not m.meeting_date:
            continue
        if (lo and m.meeting_date < lo) or (hi and m.meeting_date > hi):
            continue
        rows = [info[d] for d in m.document_ids]
        out.append(MeetingRow(
            forum_id=f.id, forum=f.name, meeting_date=m.meeting_date,
            documents=[{k: r[k] for k in ("id", "doc_type", "format", "path", "forum")}
                       for r in rows],
            items=max((r["items"] for r in rows), default=0)))
    out.sort(key=lambda r: (r.forum.casefold(), r.meeting_date is None, r.meeting_date or ""))
    return out


def fold(text: str | None) -> str:
    return (text or "").casefold()


def is_linked(st: Store) -> bool:
    """Whether the archive's meetings and matters have been linked (ingest or ``link``)."""
    return bool(st.scalar("SELECT 1 FROM link_state LIMIT 1")) or not st.scalar(
        "SELECT 1 FROM documents LIMIT 1")


def history(
    db: Store | str | os.PathLike[str],
    query: str,
    *,
    forum: str | None = None,
    all_matters: bool = False,
    include_standing: bool = False,
    as_of: str | date | None = None,
) -> list[MatterHistory]:
    """The timeline of the matter that best matches ``query`` (a title or words of one, a
    matter id, or a decision id): every meeting it came up at, its titles as written, the
    decisions and whether they are still open. With ``all_matters``, every matching matter.

    Standing items ("Eventuelt", "Godkendelse af dagsorden") match only when asked for by
    ``include_standing`` or when nothing else matches.
    """
    from rapidfuzz import fuzz

    from referatkit.ids import normalise_key

    q = (query or "").strip()
    if not q:
        raise UsageError("no matter given (a title, some of its words, or a decision id)")
    with _opened(db) as st:
        if not is_linked(st):
            raise UsageError("meetings and matters are not linked yet: run 'referatkit link' "
                             "(every ingest does it)")
        where, params = ["1 = 1"], []
        if forum:
            where.append("o.forum_id IN (SELECT f.id FROM forums f WHERE instr(rk_fold(f.name), "
                         "rk_fold(?)) > 0 OR f.id IN (SELECT forum_id FROM forum_names n WHERE "
                         "instr(rk_fold(n.name), rk_fold(?)) > 0))")
            params += [forum, forum]
        occ = st.rows(
            "SELECT o.matter_id, o.title, m.standing, m.last_date FROM occurrences o "
            f"JOIN matters m ON m.id = o.matter_id WHERE {' AND '.join(where)}", params)
        scores: dict[str, float] = {}
        low = q.lower()
        direct = []
        if len(low) >= MIN_ID_PREFIX and _HEX.match(low):
            direct = [r["matter_id"] for r in st.rows(
                "SELECT matter_id FROM decision_state WHERE substr(id, 1, ?) = ? UNION "
                "SELECT id FROM matters WHERE substr(id, 1, ?) = ?",
                [len(low), low, len(low), low])]
        for mid in direct:
            scores[mid] = 100.0
        nq = normalise_key(q)
        standing: set[str] = set()
        last: dict[str, str] = {}
        for r in occ:
            title = normalise_key(r["title"])
            s = 100.0 if nq and nq in title else fuzz.token_set_ratio(nq, title)
            if r["standing"]:
                standing.add(r["matter_id"])
            last[r["matter_id"]] = r["last_date"] or ""
            if s >= HISTORY_MIN_SCORE and s > scores.get(r["matter_id"], 0.0):
                scores[r["matter_id"]] = s
        if not include_standing and any(m not in standing for m in scores):
            scores = {m: s for m, s in scores.items() if m not in standing or m in direct}
        if not scores:
            raise NotFoundError(f"no matter matches {query!r} (try fewer words, or "
                                "'referatkit search')")
        # Best match first; between equals, real matters before standing items, then the
        # matter seen most recently.
        ranked = sorted(scores, key=lambda m: (-scores[m], m in standing, _neg_date(last.get(m))))
        chosen = ranked if all_matters else ranked[:1]
        out = [_load_matter(st, mid, scores[mid], as_of) for mid in chosen]
        if not all_matters and len(ranked) > 1:
            heads = st.rows(
                f"SELECT m.id, m.title, f.name AS forum, m.first_date, m.last_date FROM matters m "
                f"LEFT JOIN forums f ON f.id = m.forum_id WHERE m.id IN "
                f"({', '.join('?' for _ in ranked[1:])})", ranked[1:])
            by = {h["id"]: h for h in heads}
            out[0].others = [{**by[m], "score": round(scores[m], 1)} for m in ranked[1:]
                             if m in by]
        return out


def _neg_date(d: str | None) -> int:
    return -date.fromisoformat(d).toordinal() if d else 0


def _load_matter(st: Store, matter_id: str, score: float,
                 as_of: str | date | None) -> MatterHistory:
    m = st.rows("SELECT m.*, f.name AS forum FROM matters m LEFT JOIN forums f "
                "ON f.id = m.forum_id WHERE m.id = ?", [matter_id])[0]
    hist = MatterHistory(id=m["id"], forum_id=m["forum_id"], forum=m["forum"] or "",
                         title=m["title"], standing=m["standing"], first_date=m["first_date"],
                         last_date=m["last_date"], open_decisions=m["open_decisions"] or 0,
                         score=round(score, 1))
    occs = st.rows("SELECT * FROM occurrences WHERE matter_id = ? ORDER BY ordinal", [matter_id])
    docs_of: dict[str, list[dict[str, Any]]] = {}
    for r in st.rows(
            "SELECT oi.occurrence_id, doc.id, doc.doc_type, doc.format, doc.path, doc.forum "
            "FROM occurrence_items oi JOIN documents doc ON doc.id = oi.document_id "
            "WHERE oi.occurrence_id IN (SELECT id FROM occurrences WHERE matter_id = ?) "
            "ORDER BY doc.path", [matter_id]):
        docs_of.setdefault(r.pop("occurrence_id"), []).append(r)
    dec_ids = [r["id"] for r in st.rows(
        "SELECT id FROM decision_state WHERE matter_id = ?", [matter_id])]
    rows = decisions(st, ids=dec_ids, as_of=as_of) if dec_ids else []
    occ_of = {r["id"]: r["occurrence_id"] for r in st.rows(
        "SELECT id, occurrence_id FROM decision_state WHERE matter_id = ?", [matter_id])}
    by_occ: dict[str, list[DecisionRow]] = {}
    for row in rows:
        by_occ.setdefault(occ_of.get(row.id, ""), []).append(row)
    for o in occs:
        docs = docs_of.get(o["id"], [])
        order = {"referat": 0, "dagsorden+referat": 1, "dagsorden": 3}
        docs.sort(key=lambda d: (order.get(d["doc_type"], 2), d["path"]))
        hist.occurrences.append(OccurrenceRow(
            meeting_date=o["meeting_date"], forum=docs[0]["forum"] if docs else None,
            item_number=o["number"], item_title=o["title"], how=o["how"],
            case_numbers=json.loads(o["case_numbers"] or "[]"),
            documents=[{k: d[k] for k in ("id", "doc_type", "format", "path")} for d in docs],
            decisions=by_occ.get(o["id"], [])))
    return hist
