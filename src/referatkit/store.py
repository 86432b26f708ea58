"""The SQLite archive: schema, migrations, the write path and the full-text index.

This is the only module that writes to the database (DESIGN.md "Architecture"). It takes
:class:`~referatkit.model.Document` objects and knows nothing of readers or the grammar.

Write-path rules, each from a bug peer projects shipped:

* A changed file replaces its documents' rows in **one transaction** (children deleted, then
  inserted), so a crash never leaves half a document.
* Documents are keyed by content (sha256 + part); two paths with identical content share one
  document. A document lives as long as some row of ``files`` holds its content: a file that
  fails to read keeps what was last read from it, a vanished file is only marked removed,
  and only :meth:`Store.prune` (``ingest --prune``) deletes (DESIGN.md: "never lose what it
  has").
* One ingest at a time: :func:`write_lock` is a lock file beside the database that the
  operating system releases when the process dies, so ``kill -9`` never leaves it held.
* The FTS5 index is an external-content table over ``search_docs`` kept in sync by triggers on
  insert, delete *and* update; the store never uses ``INSERT OR REPLACE`` (which with only an
  insert trigger leaves stale index rows) and checks the triggers on every open, because a
  table rebuild silently drops them.
* CPR numbers are masked before text reaches the index: a CPR number in the index is searchable.
* Beside the index, ``search_terms`` holds the index's vocabulary with each word's Danish stem
  (:mod:`referatkit.words`): the write path adds the words of every row it indexes, so a query
  word can be expanded to its other forms and compounds through the archive's own words.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

import sqlite_utils

from referatkit import __version__, ids, words
from referatkit.errors import DatabaseError, LockedError
from referatkit.model import Document, Section
from referatkit.redact import CPR_MASK as CPR_MASK  # the index's mask is redact.py's
from referatkit.redact import redact_cpr

SCHEMA_VERSION = 7

# Keep æ/ø/å distinct from a/o/a: "remove_diacritics 0". Stems live beside the index, in
# search_terms (see referatkit.words), not in the tokenizer: the index keeps every word as
# written, so an exact match is never lost and a snippet highlights the form that matched.
FTS_TOKENIZE = words.FTS5_TOKENIZER
FTS_TABLE = "search_fts"
FTS_CONTENT_TABLE = "search_docs"
# Segments of the full-text index an ingest leaves as they are (see Store.tidy_search_index).
FTS_MAX_SEGMENTS = 8
# An index whose segments beside its largest hold at most this share of its pages (what an
# incremental run leaves) has those merged with one another, not rewritten whole: at 10,000
# documents 'optimize' took 2.5 s, merging the small ones 30 ms, and searches are as fast.
FTS_SMALL_SHARE = 0.1
# FTS5 numbers the pages of a segment (segid << 37) + (height << 31) + page (fts5Int.h,
# FTS5_SEGMENT_ROWID); the rows below are the index's own records.
FTS_SEGMENT_ROWID_SHIFT = 37
FTS_COLUMNS = ("title", "body")
# The index's vocabulary as FTS5 sees it (term, rows holding it, occurrences).
FTS_VOCAB_TABLE = "search_fts_vocab"
TERMS_TABLE = "search_terms"

# A nightly ingest and a user's search may meet; wait this long for the other to finish.
BUSY_TIMEOUT_S = 10.0

# An ingest commits its files in batches: one commit (and one WAL sync) per batch instead of
# per file, and another writer waits at most about this long for the lock.
BATCH_FILES = 200
BATCH_SECONDS = 1.0

# The database holds personal data (names, sometimes worse): readable by its owner only.
DB_FILE_MODE = 0o600

# The lock file of a database is its path plus this; it holds the pid and start of the
# run that has it (for the message a second run gives).
LOCK_SUFFIX = ".lock"
LOCK_POLL_S = 0.2  # how often a run waiting for the lock (--wait) tries again

# File statuses in ``files``.
FILE_OK = "ok"
FILE_FAILED = "failed"
FILE_REMOVED = "removed"


@dataclass(frozen=True)
class TableSpec:
    """One table of the schema, as data."""

    columns: dict[str, type]
    pk: str | tuple[str, ...]
    foreign_keys: tuple[tuple[str, str, str], ...] = ()
    indexes: tuple[tuple[str, ...], ...] = ()
    unique: tuple[tuple[str, ...], ...] = ()
    not_null: tuple[str, ...] = ()


# The tables of schema version 1, as migration 1 creates them (frozen: later versions change
# them through migrations). Tables are listed so that every foreign key points backwards.
SCHEMA_V1: dict[str, TableSpec] = {
    "runs": TableSpec(
        columns={
            "id": int,  # a run is an event, not content: its number is its identity
            "started": str,
            "finished": str,
            "status": str,  # running | ok | partial | interrupted
            "roots": str,  # JSON list of the paths given
            "version": str,
            "new": int,
            "updated": int,
            "unchanged": int,
            "failed": int,
            "removed": int,
            "skipped": int,
        },
        pk="id",
    ),
    "files": TableSpec(
        columns={
            "path": str,
            "size": int,
            "mtime_ns": int,
            # the content whose documents the archive holds for this path (a failed file
            # keeps what was last read from it)
            "sha256": str,
            "status": str,  # ok | failed | removed
            "reason": str,  # why it failed, one line
            # how it was read: the referatkit version and the options that change what is
            # stored ("0.1.0", "0.1.0+keep-cpr"); another version or option re-reads
            "version": str,
            "first_seen_run": int,
            "last_seen_run": int,
            "updated_at": str,
        },
        pk="path",
        foreign_keys=(("last_seen_run", "runs", "id"), ("first_seen_run", "runs", "id")),
        indexes=(("sha256",), ("status",)),
        not_null=("status",),
    ),
    "documents": TableSpec(
        columns={
            "id": str,
            "sha256": str,
            "part": int,
            "path": str,  # one file holding this content; all of them are in ``files``
            "format": str,
            "doc_type": str,
            "title": str,
            "forum": str,
            "meeting_date": str,
            "meeting_time": str,
            "place": str,
            "language": str,
            "attendance_count": int,
            "pages": int,
            "warnings": str,  # JSON list
            "ingested_at": str,
        },
        pk="id",
        unique=(("sha256", "part"),),
        indexes=(("meeting_date",), ("forum",), ("ingested_at",)),
        not_null=("sha256", "part", "path", "format"),
    ),
    "items": TableSpec(
        columns={
            "id": str,
            "document_id": str,
            "ordinal": int,
            "number": str,
            "number_as_written": str,
            "title": str,
            "closed": int,
            "case_number": str,
        },
        pk="id",
        foreign_keys=(("document_id", "documents", "id"),),
        indexes=(("document_id", "ordinal"), ("case_number",)),
        not_null=("document_id", "ordinal"),
    ),
    "sections": TableSpec(
        columns={
            "id": str,
            "item_id": str,
            "document_id": str,
            "ordinal": int,
            "label": str,
            "kind": str,
            "text": str,
        },
        pk="id",
        foreign_keys=(("item_id", "items", "id"), ("document_id", "documents", "id")),
        indexes=(("item_id", "ordinal"), ("document_id",)),
        # item_id NULL: a document-level section (preamble, participant list, a memo's body)
        not_null=("document_id", "ordinal"),
    ),
    "decisions": TableSpec(
        columns={
            # ``id`` is the stable decision id (ids.decision_id): the same decision read from
            # the PDF and the DOCX of one meeting has one id, so the row key adds the document.
            "document_id": str,
            "id": str,
            "item_id": str,
            "ordinal": int,
            "kind": str,  # decision | proposal | prior
            "text": str,
            "status": str,
            "body": str,
            "owner": str,
            "due": str,
            "prior_date": str,
            "refers_to_proposal": int,
        },
        pk=("document_id", "id"),
        foreign_keys=(("item_id", "items", "id"), ("document_id", "documents", "id")),
        indexes=(("id",), ("item_id", "ordinal"), ("status",)),
        not_null=("document_id", "id", "item_id", "ordinal", "kind", "status"),
    ),
    "actions": TableSpec(
        columns={
            "id": str,
            "document_id": str,
            "decision_id": str,
            "item_id": str,
            "ordinal": int,
            "text": str,
            "owner": str,
            "due": str,
            "due_text": str,
            "approximate": int,
        },
        pk="id",
        foreign_keys=(("item_id", "items", "id"), ("document_id", "documents", "id")),
        indexes=(("document_id", "decision_id"),),
        not_null=("document_id", "decision_id", "ordinal"),
    ),
    "participants": TableSpec(
        columns={
            "id": str,
            "document_id": str,
            "ordinal": int,
            "name": str,
            "organisation": str,
            "role": str,
            "absent": int,
        },
        pk="id",
        foreign_keys=(("document_id", "documents", "id"),),
        indexes=(("document_id", "ordinal"), ("name",)),
        not_null=("document_id", "ordinal", "name"),
    ),
    "attachments": TableSpec(
        columns={
            "id": str,
            "item_id": str,
            "document_id": str,
            "ordinal": int,
            "title": str,
        },
        pk="id",
        foreign_keys=(("item_id", "items", "id"), ("document_id", "documents", "id")),
        indexes=(("item_id", "ordinal"), ("document_id",)),
        not_null=("item_id", "document_id", "ordinal"),
    ),
    "failures": TableSpec(
        columns={"id": int, "run_id": int, "path": str, "reason": str},
        pk="id",
        foreign_keys=(("run_id", "runs", "id"),),
        indexes=(("run_id",), ("path",)),
        not_null=("run_id", "path", "reason"),
    ),
    # The content table of the full-text index: one row per searchable thing. ``rid`` is an
    # INTEGER PRIMARY KEY on purpose: FTS5 external content is joined on rowid, and VACUUM may
    # renumber an implicit rowid, which would point the index at the wrong rows.
    FTS_CONTENT_TABLE: TableSpec(
        columns={
            "rid": int,
            "kind": str,  # document | item | section | decision
            "ref_id": str,  # id of the row in its own table
            "document_id": str,
            "item_id": str,
            "title": str,
            "body": str,
        },
        pk="rid",
        foreign_keys=(("document_id", "documents", "id"),),
        indexes=(("document_id",), ("kind", "ref_id")),
        not_null=("kind", "ref_id", "document_id"),
    ),
}

# Schema version 2: following matters across meetings (issue 4, :mod:`referatkit.matters`).
#
# What people record lives in its own tables, keyed by ids derived from content, never by row
# numbers, and no ingest ever deletes from them: ``forum_aliases`` (keyed by the normalised
# forum name as written) and ``decision_marks`` (keyed by the stable decision id, with a
# snapshot of the decision so a mark can follow it when its file is edited).
#
# Everything else here is derived by :mod:`referatkit.link` after each ingest and can be
# recomputed at any time: forums, meetings, occurrences, matters and each decision's state.
# Derived rows carry ``forum_id`` and are replaced per forum; they have no foreign keys to the
# documents, so replacing a document never waits for them.
USER_TABLES = ("forum_aliases", "decision_marks")
SCHEMA_V2: dict[str, TableSpec] = {
    "forum_aliases": TableSpec(
        columns={
            "name_key": str,  # ids.normalise_key of the forum name as written
            "name": str,  # the name as the user or the document wrote it
            "choice": str,  # same | separate
            "target": str,  # for "same": the forum's name the user chose
            "note": str,
            "created_at": str,
        },
        pk="name_key",
        not_null=("name_key", "choice"),
    ),
    "decision_marks": TableSpec(
        columns={
            "decision_id": str,  # ids.decision_id: forum as written + date + item + text
            "state": str,  # closed | open (reopened) | note (a note only)
            "note": str,
            "marked_at": str,
            "overrides": str,  # for "open": the settling decision the person overrode
            # a snapshot of the decision, to follow it when an edit changes its id
            "forum": str,
            "meeting_date": str,
            "item_number": str,
            "item_title": str,
            "kind": str,
            "text": str,
        },
        pk="decision_id",
        not_null=("decision_id", "state"),
    ),
    "forums": TableSpec(
        columns={
            "id": str,
            "name": str,
            "names": str,  # JSON list of the names as written, most documents first
            "how": str,  # single | auto | user
            "documents": int,
            "meetings": int,
            "first_date": str,
            "last_date": str,
        },
        pk="id",
    ),
    "forum_names": TableSpec(
        columns={"name_key": str, "name": str, "forum_id": str, "documents": int},
        pk="name_key",
        indexes=(("forum_id",),),
    ),
    "forum_suggestions": TableSpec(
        columns={"forum_id": str, "other_id": str, "score": float},
        pk=("forum_id", "other_id"),
    ),
    "meetings": TableSpec(
        columns={"id": str, "forum_id": str, "meeting_date": str, "documents": int},
        pk="id",
        indexes=(("forum_id", "meeting_date"),),
    ),
    "meeting_documents": TableSpec(
        columns={"document_id": str, "meeting_id": str, "forum_id": str},
        pk="document_id",
        indexes=(("meeting_id",), ("forum_id",)),
    ),
    "matters": TableSpec(
        columns={
            "id": str,
            "forum_id": str,
            "title": str,  # as written at its latest occurrence
            "standing": str,  # the kind of standing item (dagsorden, eventuelt, …) or NULL
            "first_date": str,
            "last_date": str,
            "occurrences": int,
            "open_decisions": int,
        },
        pk="id",
        indexes=(("forum_id",),),
    ),
    "occurrences": TableSpec(
        columns={
            "id": str,
            "matter_id": str,
            "meeting_id": str,
            "forum_id": str,
            "meeting_date": str,
            "ordinal": int,  # position in its matter's timeline
            "number": str,
            "title": str,
            "case_numbers": str,  # JSON list
            "how": str,  # first | standing | case | reference | title | contained | content
            "score": float,
            "via": str,  # the occurrence it was linked to
        },
        pk="id",
        indexes=(("matter_id", "ordinal"), ("forum_id",), ("meeting_id",)),
    ),
    "occurrence_items": TableSpec(
        columns={"item_id": str, "occurrence_id": str, "document_id": str, "forum_id": str},
        pk="item_id",
        indexes=(("occurrence_id",), ("forum_id",)),
    ),
    "decision_state": TableSpec(
        columns={
            "id": str,  # the decision id
            "forum_id": str,
            "matter_id": str,
            "occurrence_id": str,
            "meeting_id": str,
            "meeting_date": str,
            "status": str,
            "open": int,
            "closed_by": str,  # NULL (open or never open) | matter | manual
            "settled_by": str,  # the decision that settled it
            "settled_on": str,
            "mark_id": str,  # the decision id its mark was recorded under
            "note": str,
            "reopened": int,
            "settlements": str,  # JSON [[decision id, date], …]: every later settlement
        },
        pk="id",
        indexes=(("forum_id",), ("matter_id",), ("open",)),
    ),
    "link_state": TableSpec(
        columns={"forum_id": str, "fingerprint": str, "linked_at": str},
        pk="forum_id",
    ),
}
# Schema version 3: search that Danish users trust (issue 5, :mod:`referatkit.search`).
#
# ``search_terms`` is the vocabulary of the full-text index with each word's Snowball stem, the
# stem reversed (the words whose stem *ends* in a query word's stem, i.e. its compounds, are a
# range of it) and the word with "aa" read as "å". Words stay when their last row goes: a
# word that matches nothing costs a query nothing, and suggestions check the index's counts.
#
# ``search_docs`` gains what ranking and the default filters need without a join per match:
# the meeting date (ties go to the newest), whether the item is closed (closed items are left
# out unless asked for), and ``dup_key``, equal for rows with the same text at the same place
# of the same meeting, so the same minutes as PDF, DOCX and TXT give one hit, not three.
SCHEMA_V3: dict[str, TableSpec] = {
    TERMS_TABLE: TableSpec(
        columns={"term": str, "stem": str, "rstem": str, "aa_key": str},
        pk="term",
        indexes=(("stem",), ("rstem",), ("aa_key",)),
        not_null=("stem", "rstem", "aa_key"),
    ),
}
SEARCH_DOCS_V3_COLUMNS: dict[str, type] = {"dup_key": str, "meeting_date": str, "closed": int}

# ``documents`` gains the span of its rows in the search index (their least and greatest
# rid): a search narrowed to a period asks FTS5 only for the rowids between the spans of the
# documents that pass (search.Filters.span). Rows are numbered by meeting date
# (RID_DATE_SHIFT), so a period is one stretch of the index; an archive numbered before that
# keeps its old rids, and its spans are right, only wider.
DOCUMENTS_V6_COLUMNS: dict[str, type] = {"search_lo": int, "search_hi": int}
# What the matcher read of each occurrence (matters.content_key): an edited meeting whose
# occurrence is as it was leaves its matter alone when the forum is linked again.
OCCURRENCES_V7_COLUMNS: dict[str, type] = {"content": str}
DOCUMENTS_SPAN_INDEX = ("meeting_date", "search_lo", "search_hi")
# A search row's rid begins with its meeting's date: the rows of one date have the 2**16
# rowids from (the date's ordinal << RID_DATE_SHIFT) on, undated rows those from 1. So the
# index holds the meetings in date order whatever order the files were read in: a period is
# one stretch of it (Filters.span), and the newest rowids are the latest meetings.
RID_DATE_SHIFT = 16
# Parameters of one statement that inserts search rows (SQLite allows 32,766 since 3.32).
SEARCH_ROWS_PARAMS = 2000


def rid_base(meeting_date: str | None) -> int:
    """The first rid of the rows of a meeting on ``meeting_date`` (ISO), 0 when undated."""
    if not meeting_date:
        return 0
    try:
        return date.fromisoformat(meeting_date[:10]).toordinal() << RID_DATE_SHIFT
    except ValueError:
        return 0

# Derived tables written per forum by Store.write_link_changes (dropped by Store.drop_links).
FORUM_LINK_TABLES = ("meetings", "meeting_documents", "matters", "occurrences",
                     "occurrence_items", "decision_state")
# The key of each of them: a forum linked again writes only the rows whose key is new or whose
# values changed (Store.link_changes).
FORUM_LINK_KEYS = {"meetings": "id", "meeting_documents": "document_id", "matters": "id",
                   "occurrences": "id", "occurrence_items": "item_id", "decision_state": "id"}
# Derived tables replaced as a whole by Store.replace_forums.
FORUM_TABLES = ("forums", "forum_names", "forum_suggestions")

def _with_columns(spec: TableSpec, columns: dict[str, type]) -> TableSpec:
    """``spec`` with the columns a later migration added."""
    return replace(spec, columns={**spec.columns, **columns})


# The schema at SCHEMA_VERSION.
SCHEMA: dict[str, TableSpec] = {
    **SCHEMA_V1,
    "documents": _with_columns(SCHEMA_V1["documents"], DOCUMENTS_V6_COLUMNS),
    FTS_CONTENT_TABLE: _with_columns(SCHEMA_V1[FTS_CONTENT_TABLE], SEARCH_DOCS_V3_COLUMNS),
    **SCHEMA_V2,
    "occurrences": _with_columns(SCHEMA_V2["occurrences"], OCCURRENCES_V7_COLUMNS),
    **SCHEMA_V3,
}

# Children of a document, deleted in this order before the document row itself.
# search_docs goes first: its delete trigger takes the rows out of the index.
_CHILD_TABLES = (FTS_CONTENT_TABLE, "actions", "decisions", "sections", "attachments", "items",
                 "participants")

_FTS_VOCAB_CREATE = (
    f"CREATE VIRTUAL TABLE [{FTS_VOCAB_TABLE}] USING fts5vocab([{FTS_TABLE}], 'row')"
)
_FTS_CREATE = (
    f"CREATE VIRTUAL TABLE [{FTS_TABLE}] USING fts5({', '.join(FTS_COLUMNS)}, "
    f"content='{FTS_CONTENT_TABLE}', content_rowid='rid', tokenize='{FTS_TOKENIZE}')"
)
_NEW = ", ".join(f"new.{c}" for c in FTS_COLUMNS)
_OLD = ", ".join(f"old.{c}" for c in FTS_COLUMNS)
_COLS = ", ".join(FTS_COLUMNS)
# Insert, delete and update triggers: an upsert that takes the UPDATE path is indexed too.
# The update trigger watches the indexed columns only: filling a column the index does not
# hold (as migration 3 does) must not re-index every row.
FTS_TRIGGERS: dict[str, str] = {
    f"{FTS_CONTENT_TABLE}_ai": (
        f"CREATE TRIGGER [{FTS_CONTENT_TABLE}_ai] AFTER INSERT ON [{FTS_CONTENT_TABLE}] BEGIN "
        f"INSERT INTO [{FTS_TABLE}] (rowid, {_COLS}) VALUES (new.rid, {_NEW}); END"
    ),
    f"{FTS_CONTENT_TABLE}_ad": (
        f"CREATE TRIGGER [{FTS_CONTENT_TABLE}_ad] AFTER DELETE ON [{FTS_CONTENT_TABLE}] BEGIN "
        f"INSERT INTO [{FTS_TABLE}] ([{FTS_TABLE}], rowid, {_COLS}) "
        f"VALUES ('delete', old.rid, {_OLD}); END"
    ),
    f"{FTS_CONTENT_TABLE}_au": (
        f"CREATE TRIGGER [{FTS_CONTENT_TABLE}_au] AFTER UPDATE OF {_COLS} ON "
        f"[{FTS_CONTENT_TABLE}] BEGIN "
        f"INSERT INTO [{FTS_TABLE}] ([{FTS_TABLE}], rowid, {_COLS}) "
        f"VALUES ('delete', old.rid, {_OLD}); "
        f"INSERT INTO [{FTS_TABLE}] (rowid, {_COLS}) VALUES (new.rid, {_NEW}); END"
    ),
}


# Rows that point at something gone: name → (tables it needs, a count query). A sound archive
# has none; a crash cannot make them (one transaction per file), a bug or a hand edit can.
_DOC_CHILDREN = ("items", "sections", "decisions", "actions", "participants", "attachments")
# The derived links (referatkit.link) follow the documents at the end of each run: during a
# run, and after one that was killed, they may point at replaced documents until the next
# run (or ``referatkit link``) links again. Stale, not damaged.
LINKS_CHECK = "links to documents that are gone"
ORPHAN_CHECKS: dict[str, tuple[tuple[str, ...], str]] = {
    **{
        f"{table} without their document": (
            (table,),
            f"SELECT count(*) FROM [{table}] WHERE document_id NOT IN (SELECT id FROM documents)",
        )
        for table in _DOC_CHILDREN
    },
    "search rows without their text": (
        (FTS_CONTENT_TABLE,),
        f"SELECT count(*) FROM [{FTS_CONTENT_TABLE}] s WHERE "
        "s.document_id NOT IN (SELECT id FROM documents) "
        "OR (s.kind = 'item' AND s.ref_id NOT IN (SELECT id FROM items)) "
        "OR (s.kind = 'section' AND s.ref_id NOT IN (SELECT id FROM sections)) "
        "OR (s.kind = 'decision' AND NOT EXISTS (SELECT 1 FROM decisions d "
        "WHERE d.id = s.ref_id AND d.document_id = s.document_id))",
    ),
    "documents no file holds": (
        ("documents",),
        "SELECT count(*) FROM documents WHERE sha256 NOT IN "
        "(SELECT sha256 FROM files WHERE sha256 IS NOT NULL)",
    ),
    "read files without their documents": (
        ("files",),
        f"SELECT count(*) FROM files WHERE status = '{FILE_OK}' AND sha256 NOT IN "
        "(SELECT sha256 FROM documents)",
    ),
    LINKS_CHECK: (
        ("meeting_documents", "occurrence_items"),
        "SELECT (SELECT count(*) FROM meeting_documents WHERE document_id NOT IN "
        "(SELECT id FROM documents)) + (SELECT count(*) FROM occurrence_items WHERE "
        "document_id NOT IN (SELECT id FROM documents))",
    ),
}


@dataclass(slots=True)
class FileRecord:
    """What the archive knows about one path."""

    path: str
    size: int
    mtime_ns: int
    sha256: str | None = None
    status: str = FILE_OK
    reason: str | None = None
    version: str | None = None
    last_seen_run: int | None = None


@dataclass(slots=True)
class RunCounts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    removed: int = 0
    skipped: int = 0


@dataclass(slots=True)
class _Rows:
    """The rows one Document becomes, table by table (:func:`prepare_documents`)."""

    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    terms: set[str] = field(default_factory=set)  # the words of the search rows

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.tables.setdefault(table, []).append(row)


# What :func:`prepare_documents` gives: a Document as the rows the store inserts.
DocumentRows = _Rows


def now_iso() -> str:
    # Microseconds so that documents stored one after the other keep their order.
    return datetime.now(UTC).isoformat(timespec="microseconds")


def fold(text: str | None) -> str | None:
    """Case-insensitive comparison that also folds Æ/Ø/Å (SQLite's lower() is ASCII only)."""
    if text is None:
        return None
    return unicodedata.normalize("NFC", text).casefold()


def redact(text: str | None) -> str:
    """CPR numbers masked: the search index never holds one, whatever the stored text holds
    (``ingest --keep-cpr`` keeps them in the text only)."""
    return redact_cpr(text or "")[0]


# ---------------------------------------------------------------------------------------------
# Migrations: version → function that brings a database from version-1 to version.
# Each runs in its own transaction together with the user_version bump.


def _migrate_1_create(db: sqlite_utils.Database) -> None:
    for name, spec in SCHEMA_V1.items():
        _create_table(db, name, spec)
    db.execute(_FTS_CREATE)
    for sql in FTS_TRIGGERS.values():
        db.execute(sql)


def _migrate_2_matters(db: sqlite_utils.Database) -> None:
    """Forums, meetings, matters, decision states and what people record (issue 4). A v1
    archive upgrades in place; its links are computed by the next ingest (or ``link``)."""
    for name, spec in SCHEMA_V2.items():
        _create_table(db, name, spec)


def _migrate_3_search(db: sqlite_utils.Database) -> None:
    """Danish search (issue 5): the vocabulary with stems, and the columns ranking and
    collapsing need, filled for every row an archive already holds. The index itself is
    unchanged (same tokenizer), so an archive of any size upgrades in one pass over its rows."""
    for name in FTS_TRIGGERS:  # the update trigger now watches the indexed columns only
        db.execute(f"DROP TRIGGER IF EXISTS [{name}]")
    for sql in FTS_TRIGGERS.values():
        db.execute(sql)
    for col, typ in SEARCH_DOCS_V3_COLUMNS.items():
        db[FTS_CONTENT_TABLE].add_column(col, typ)
    for name, spec in SCHEMA_V3.items():
        _create_table(db, name, spec)
    db.execute(_FTS_VOCAB_CREATE)
    # One document at a time: an archive of any size upgrades in bounded memory.
    doc_ids = [r[0] for r in db.execute("SELECT id FROM documents ORDER BY id")]
    for doc_id in doc_ids:
        cur = db.execute(
            f"SELECT s.rid, s.kind, s.title, s.body, s.item_id, doc.forum, doc.meeting_date, "
            f"i.number, i.title AS item_title, coalesce(i.closed, 0) AS closed "
            f"FROM [{FTS_CONTENT_TABLE}] s JOIN documents doc ON doc.id = s.document_id "
            f"LEFT JOIN items i ON i.id = s.item_id WHERE s.document_id = ? ORDER BY s.rid",
            [doc_id])
        names = [d[0] for d in cur.description]
        rows = [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
        for r in rows:
            r["dup_key"] = dup_key(r["kind"], r["forum"], r["meeting_date"],
                                   r["item_id"] is not None, r["number"], r["item_title"],
                                   words.tokens(r["title"]), words.tokens(r["body"]))
        if rows and not rows[0]["meeting_date"]:
            _undated_keys(rows)
        db.conn.executemany(
            f"UPDATE [{FTS_CONTENT_TABLE}] SET dup_key = ?, meeting_date = ?, closed = ? "
            f"WHERE rid = ?", [(r["dup_key"], r["meeting_date"], r["closed"], r["rid"])
                               for r in rows])
    _refresh_terms(db.conn)


def _migrate_4_fk_indexes(db: sqlite_utils.Database) -> None:
    """An index on every foreign-key column that no index starts with. With foreign keys
    enforced, deleting a parent row looks for its children: without one (``actions.item_id``)
    every item of a changed document scanned the whole actions table — a changed file of
    a 10,000-document archive took a third of a second to replace."""
    for name, cols in _fk_columns_without_index(db):
        db[name].create_index([cols], index_name=f"ix_{name}_{cols}", if_not_exists=True)


def _fk_columns_without_index(db: sqlite_utils.Database) -> list[tuple[str, str]]:
    out = []
    for name in db.table_names():
        t = db[name]
        firsts = {ix.columns[0] for ix in t.indexes if ix.columns}
        firsts.add(t.pks[0])
        out += [(name, fk.column) for fk in t.foreign_keys if fk.column not in firsts]
    return sorted(set(out))


def _migrate_5_forum_documents(db: sqlite_utils.Database) -> None:
    """The documents of a forum straight from an index: a search narrowed to a forum reads
    their ids from it (2,000 documents of a forum, 5 ms a query from the table, 0.5 ms so)."""
    db["documents"].create_index(["forum", "id"], index_name="ix_documents_forum_id",
                                 if_not_exists=True)
    db.execute("DROP INDEX IF EXISTS ix_documents_forum")  # the new one begins with it


def _migrate_6_search_spans(db: sqlite_utils.Database) -> None:
    """Each document's span of search rows, for the searches narrowed to a period
    (one pass over the documents, two index lookups each)."""
    for col, typ in DOCUMENTS_V6_COLUMNS.items():
        db["documents"].add_column(col, typ)
    _set_search_spans(db.conn)
    db["documents"].create_index(list(DOCUMENTS_SPAN_INDEX), index_name="ix_documents_span",
                                 if_not_exists=True)


def _rows_rid(agg: str, doc: str) -> str:
    """The least or greatest rid (``agg``: min or max) of the search rows of document ``doc``."""
    return f"(SELECT {agg}(rid) FROM [{FTS_CONTENT_TABLE}] s WHERE s.document_id = {doc})"


# Documents whose span is not that of their rows (doctor: a search of a period would miss some).
_WRONG_SPANS = (f"SELECT count(*) FROM documents d WHERE "
                f"d.search_lo IS NOT {_rows_rid('min', 'd.id')} "
                f"OR d.search_hi IS NOT {_rows_rid('max', 'd.id')}")


def _set_search_spans(conn: sqlite3.Connection) -> None:
    """documents.search_lo/search_hi of every document from the rows of search_docs."""
    conn.execute(f"UPDATE documents SET search_lo = {_rows_rid('min', 'documents.id')}, "
                 f"search_hi = {_rows_rid('max', 'documents.id')}")


def _migrate_7_occurrence_content(db: sqlite_utils.Database) -> None:
    """Each occurrence's content key. The links an archive holds have none: a forum's next
    link matches an edited meeting's matters again as before, and records them."""
    have = db["occurrences"].columns_dict
    for col, typ in OCCURRENCES_V7_COLUMNS.items():
        if col not in have:  # (a copy brought back to an older version number has it)
            db["occurrences"].add_column(col, typ)


MIGRATIONS: dict[int, Callable[[sqlite_utils.Database], None]] = {
    1: _migrate_1_create,
    2: _migrate_2_matters,
    3: _migrate_3_search,
    4: _migrate_4_fk_indexes,
    5: _migrate_5_forum_documents,
    6: _migrate_6_search_spans,
    7: _migrate_7_occurrence_content,
}


def _refresh_terms(conn: sqlite3.Connection) -> None:
    """Make ``search_terms`` the index's vocabulary again (after a migration or a rebuild)."""
    conn.execute(f"DELETE FROM [{TERMS_TABLE}]")
    _insert_terms(conn, [r[0] for r in conn.execute(f"SELECT term FROM [{FTS_VOCAB_TABLE}]")])


def _insert_terms(conn: sqlite3.Connection, terms: Sequence[str]) -> None:
    conn.executemany(
        f"INSERT OR IGNORE INTO [{TERMS_TABLE}] (term, stem, rstem, aa_key) VALUES (?, ?, ?, ?)",
        [(t.term, t.stem, t.rstem, t.aa_key) for t in map(words.term_row, terms)])


def _create_table(db: sqlite_utils.Database, name: str, spec: TableSpec) -> None:
    db[name].create(
        spec.columns,
        pk=spec.pk,
        foreign_keys=list(spec.foreign_keys) or None,
        not_null=set(spec.not_null) or None,
    )
    table = db.table(name)
    for cols in spec.unique:
        table.create_index(list(cols), unique=True, index_name=f"ux_{name}_{'_'.join(cols)}")
    for cols in spec.indexes:
        table.create_index(list(cols), index_name=f"ix_{name}_{'_'.join(cols)}")


# ---------------------------------------------------------------------------------------------


class Store:
    """An open archive. Use :func:`open_store`; close it (or use it as a context manager)."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self.db = sqlite_utils.Database(conn)
        # Words known to be in search_terms, so that indexing a document asks the database
        # only about words this connection has not seen yet.
        self._known_terms: set[str] = set()

    # -- lifecycle ------------------------------------------------------------------------

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction. IMMEDIATE takes the write lock up front, so two ingests
        wait for each other (busy timeout) instead of failing half-way."""
        if self.conn.in_transaction:
            try:
                with self.db.atomic():
                    yield
            except BaseException:
                self._known_terms.clear()  # the words it added are gone with it
                raise
            return
        self._exec("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._known_terms.clear()
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        self._exec("COMMIT")

    def _exec(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        try:
            return self.conn.execute(sql, params)
        except sqlite3.OperationalError as e:
            raise _database_error(self.path, e) from e

    # -- reading (for queries; the connection of a query store is query_only) --------------

    def rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        cur = self._exec(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        row = self._exec(sql, params).fetchone()
        return row[0] if row else None

    @property
    def schema_version(self) -> int:
        return int(self.scalar("PRAGMA user_version"))

    def check_fts(self) -> None:
        """FTS5's own integrity check against the content table; raises DatabaseError."""
        try:
            self.conn.execute(
                f"INSERT INTO [{FTS_TABLE}] ([{FTS_TABLE}], rank) VALUES ('integrity-check', 1)"
            )
        except sqlite3.DatabaseError as e:
            raise DatabaseError(f"the search index of {self.path} is damaged: {e}") from e

    # -- checks (referatkit doctor) ----------------------------------------------------------

    def integrity_problems(self) -> list[str]:
        """SQLite's ``PRAGMA integrity_check``: the problems found (empty when sound)."""
        try:
            lines = [str(r[0]) for r in self.conn.execute("PRAGMA integrity_check(20)")]
        except sqlite3.DatabaseError as e:
            return [str(e)]
        return [] if lines == ["ok"] else lines

    def foreign_key_problems(self) -> list[str]:
        try:
            rows = self.conn.execute("PRAGMA foreign_key_check").fetchall()
        except sqlite3.DatabaseError as e:
            return [str(e)]
        return [f"{r[0]} row {r[1]} points at a missing {r[2]} row" for r in rows]

    def fts_problem(self) -> str | None:
        """What is wrong with the full-text index (missing triggers, FTS5's integrity-check),
        or None. Writes nothing."""
        present = {r["name"] for r in self.rows(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        missing = sorted(set(FTS_TRIGGERS) - present)
        if missing:
            return f"trigger(s) {', '.join(missing)} missing: the index no longer follows the text"
        try:
            self.check_fts()
        except DatabaseError as e:
            return e.message
        if "search_lo" in self.db["documents"].columns_dict:
            wrong = self.scalar(_WRONG_SPANS)
            if wrong:
                return (f"{wrong} document(s) with a wrong search span: searches of a period "
                        "can miss their rows")
        return None

    def orphan_counts(self) -> dict[str, int]:
        """Rows that point at something no longer there, per check in ORPHAN_CHECKS (only
        the checks whose tables this database has)."""
        tables = set(self.db.table_names())
        return {name: int(self.scalar(sql) or 0) for name, (needs, sql) in ORPHAN_CHECKS.items()
                if set(needs) <= tables}

    def replace_search_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        """Rebuild the full-text index from ``rows`` (every search row of every document), in
        one transaction. The triggers are dropped meanwhile: the old index may be damaged,
        and FTS5 rebuilds it from the content table at the end."""
        with self.transaction():
            for name in FTS_TRIGGERS:
                self._exec(f"DROP TRIGGER IF EXISTS [{name}]")
            self._exec(f"DELETE FROM [{FTS_CONTENT_TABLE}]")
            if rows:
                rows = [dict(r) for r in rows]
                self._number_search_rows(rows)
                self.db[FTS_CONTENT_TABLE].insert_all(rows)
            for sql in FTS_TRIGGERS.values():
                self._exec(sql)
            self._exec(f"INSERT INTO [{FTS_TABLE}] ([{FTS_TABLE}]) VALUES ('rebuild')")
            _refresh_terms(self.conn)  # the vocabulary follows the index
            _set_search_spans(self.conn)  # and so do the documents' spans

    # -- files and runs --------------------------------------------------------------------

    def file_record(self, path: str) -> FileRecord | None:
        rows = self.rows(
            "SELECT path, size, mtime_ns, sha256, status, reason, version, last_seen_run "
            "FROM files WHERE path = ?",
            [path],
        )
        return FileRecord(**rows[0]) if rows else None

    def file_records(self, roots: Sequence[str] = (),
                     paths: Sequence[str] = ()) -> dict[str, FileRecord]:
        """What the archive knows about every path below the folders ``roots`` and about the
        files ``paths``, by path: one query per folder (and per few hundred files), never
        one per file, so re-scanning an unchanged archive costs a stat per file."""
        cols = "path, size, mtime_ns, sha256, status, reason, version, last_seen_run"
        out: dict[str, FileRecord] = {}
        for root in roots:
            prefix = root.rstrip(os.sep) + os.sep
            for r in self._exec(f"SELECT {cols} FROM files WHERE substr(path, 1, ?) = ?",
                                [len(prefix), prefix]):
                out[r[0]] = FileRecord(*r)
        for chunk in chunks([p for p in paths if p not in out]):
            marks = ", ".join("?" for _ in chunk)
            for r in self._exec(f"SELECT {cols} FROM files WHERE path IN ({marks})", chunk):
                out[r[0]] = FileRecord(*r)
        return out

    def active_paths_under(self, root: str) -> list[str]:
        """Paths below folder ``root`` not yet marked removed."""
        return self._paths_under(root, removed=False)

    def _paths_under(self, root: str, *, removed: bool) -> list[str]:
        prefix = root.rstrip(os.sep) + os.sep
        return [
            r["path"]
            for r in self.rows(
                "SELECT path FROM files WHERE (status = ?) = ? AND substr(path, 1, ?) = ? "
                "ORDER BY path",
                [FILE_REMOVED, int(removed), len(prefix), prefix],
            )
        ]

    @contextmanager
    def bulk_load(self) -> Iterator[None]:
        """Write fast and unsafely: no journal, no syncs, a large page cache. For building a
        throwaway archive (the search benchmark's 200,000 generated items); a crash inside
        leaves a damaged file. WAL is back on afterwards."""
        self._exec("PRAGMA synchronous = OFF")
        self._exec("PRAGMA cache_size = -262144")  # 256 MiB: the indexes stay in memory
        self._exec("PRAGMA journal_mode = OFF")
        try:
            yield
        finally:
            self._exec("PRAGMA journal_mode = WAL")
            self._exec("PRAGMA synchronous = FULL")
            self._exec("PRAGMA optimize")

    def start_run(self, roots: Sequence[str]) -> int:
        with self.transaction():
            cur = self._exec(
                "INSERT INTO runs (started, status, roots, version) VALUES (?, 'running', ?, ?)",
                [now_iso(), json.dumps(list(roots), ensure_ascii=False), __version__],
            )
            return int(cur.lastrowid or 0)

    def search_segment_pages(self) -> list[int]:
        """The pages of each segment of the full-text index, largest first."""
        return sorted((n for _, n in self._exec(
            f"SELECT id >> {FTS_SEGMENT_ROWID_SHIFT}, count(*) FROM [{FTS_TABLE}_data] "
            "WHERE id >= ? GROUP BY 1", [1 << FTS_SEGMENT_ROWID_SHIFT])), reverse=True)

    def tidy_search_index(self) -> bool:
        """Merge the segments of the full-text index when it has more than
        FTS_MAX_SEGMENTS. Every transaction that indexes rows adds a segment, and FTS5 reads
        each word's postings from every segment it is in: a query of three common words with
        their compounds took 30 ms on 27 segments, 20 on one. One large segment and small
        ones (see FTS_SMALL_SHARE) have the small ones merged; else all become one. Whether
        it merged."""
        pages = self.search_segment_pages()
        if len(pages) <= FTS_MAX_SEGMENTS:
            return False
        small = sum(pages[1:])
        merge = small <= FTS_SMALL_SHARE * sum(pages)
        with self.transaction():
            if merge:
                # FTS5's 'merge': segments of one level merged, at most this many pages
                # written; the largest is of a level of its own and stays as it is.
                self._exec(f"INSERT INTO [{FTS_TABLE}] ([{FTS_TABLE}], rank) VALUES ('merge', ?)",
                           [2 * small])
            if not merge or len(self.search_segment_pages()) > FTS_MAX_SEGMENTS:
                self._exec(f"INSERT INTO [{FTS_TABLE}] ([{FTS_TABLE}]) VALUES ('optimize')")
        return True

    def finish_run(self, run_id: int, status: str, counts: RunCounts) -> None:
        with self.transaction():
            self.db["runs"].update(
                run_id,
                {
                    "finished": now_iso(),
                    "status": status,
                    "new": counts.new,
                    "updated": counts.updated,
                    "unchanged": counts.unchanged,
                    "failed": counts.failed,
                    "removed": counts.removed,
                    "skipped": counts.skipped,
                },
            )

    def mark_seen(self, rec: FileRecord, run_id: int) -> None:
        """An unchanged file: remember we saw it (and its new mtime, if only that changed)."""
        self.mark_seen_many([rec], run_id)

    def mark_seen_many(self, recs: Sequence[FileRecord], run_id: int) -> None:
        """:meth:`mark_seen` for many files in one statement."""
        with self.transaction():
            try:
                self.conn.executemany(
                    "UPDATE files SET size = ?, mtime_ns = ?, last_seen_run = ? WHERE path = ?",
                    [(r.size, r.mtime_ns, run_id, r.path) for r in recs],
                )
            except sqlite3.OperationalError as e:
                raise _database_error(self.path, e) from e

    def batch(self, files: int = BATCH_FILES, seconds: float = BATCH_SECONDS) -> WriteBatch:
        """A write transaction around the writes of many files (each file's own
        transaction becomes a savepoint in it), committed every ``files`` files or
        ``seconds``; see :class:`WriteBatch`."""
        return WriteBatch(self, files, seconds)


    def has_documents(self, sha256: str) -> bool:
        return bool(self.scalar("SELECT 1 FROM documents WHERE sha256 = ? LIMIT 1", [sha256]))

    def store_file(self, rec: FileRecord, docs: Sequence[Document | DocumentRows] | None,
                   run_id: int) -> list[str]:
        """Record ``rec`` as read and its documents, in one transaction.

        ``docs`` None means "same content as a file already stored": the path is linked to
        the existing documents. Otherwise the documents of this content are replaced. The
        documents of the file's previous content go if no other file holds it. Returns the
        ids of the documents the file now holds. A document may come as its rows already
        (:func:`prepare_documents`, done where it was parsed).
        """
        assert rec.sha256, "a stored file has a sha256"
        with self.transaction():
            old = self.file_record(rec.path)
            if docs is not None:
                # Content read again (a new version, --force) keeps its document ids, and
                # with them its forum's fingerprint: the forum is linked afresh on what is
                # read now.
                self._exec("DELETE FROM link_state WHERE forum_id IN (SELECT forum_id FROM "
                           "meeting_documents WHERE document_id IN (SELECT id FROM documents "
                           "WHERE sha256 = ?))", [rec.sha256])
                self._delete_documents(rec.sha256)
                stamp = now_iso()
                for doc in docs:
                    self._insert_document(doc, stamp)
            self._upsert_file(rec, FILE_OK, None, run_id)
            if old and old.sha256 and old.sha256 != rec.sha256:
                self._collect(old.sha256)
            self._repoint(rec.sha256, rec.path)
            return [r["id"] for r in self.rows(
                "SELECT id FROM documents WHERE sha256 = ? ORDER BY part", [rec.sha256])]

    def record_failure(self, rec: FileRecord, reason: str, run_id: int) -> None:
        """A file that could not be read: status failed, one-line reason, run's failure list.

        What was last read from it stays: the row keeps the content it held before (a file
        being copied in, locked by Word or unreadable for a night loses nothing)."""
        reason = " ".join(reason.split()) or "unknown error"
        with self.transaction():
            old = self.file_record(rec.path)
            kept = rec
            if old and old.sha256 and old.sha256 != rec.sha256 and self.has_documents(old.sha256):
                kept = FileRecord(path=rec.path, size=rec.size, mtime_ns=rec.mtime_ns,
                                  sha256=old.sha256, version=old.version)
            self._upsert_file(kept, FILE_FAILED, reason, run_id)
            self.db["failures"].insert({"run_id": run_id, "path": rec.path, "reason": reason})

    def mark_removed(self, paths: Sequence[str], run_id: int) -> int:
        """Files gone from a completely scanned folder: marked removed, their documents kept
        until :meth:`prune`. Returns how many were marked."""
        count = 0
        stamp = now_iso()
        with self.transaction():
            for path in paths:
                old = self.file_record(path)
                if old is None or old.status == FILE_REMOVED:
                    continue
                self._exec(
                    "UPDATE files SET status = ?, reason = NULL, last_seen_run = ?, "
                    "updated_at = ? WHERE path = ?",
                    [FILE_REMOVED, run_id, stamp, path],
                )
                if old.sha256:
                    self._repoint(old.sha256)
                count += 1
        return count

    def removed_paths_under(self, root: str) -> list[str]:
        """Paths below folder ``root`` marked removed (what :meth:`prune` would delete)."""
        return self._paths_under(root, removed=True)

    def prune(self, paths: Sequence[str]) -> int:
        """Forget files marked removed: their rows go, and with them the documents no other
        file holds. Returns how many files were pruned."""
        count = 0
        with self.transaction():
            for path in paths:
                old = self.file_record(path)
                if old is None or old.status != FILE_REMOVED:
                    continue
                self._exec("DELETE FROM files WHERE path = ?", [path])
                if old.sha256:
                    self._collect(old.sha256)
                count += 1
        return count

    def close_stale_runs(self) -> int:
        """Runs still 'running' when a new one holds the lock were killed: say so."""
        with self.transaction():
            cur = self._exec("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
            return cur.rowcount

    # -- matters: derived links, and what people record ------------------------------------

    def replace_forums(self, tables: dict[str, list[dict[str, Any]]]) -> None:
        """Replace the forum clustering (``forums``, ``forum_names``, ``forum_suggestions``)."""
        with self.transaction():
            for table in FORUM_TABLES:
                self._exec(f"DELETE FROM [{table}]")
                if tables.get(table):
                    self.db[table].insert_all(tables[table])

    def drop_links(self, forum_ids: Sequence[str]) -> None:
        """Delete the derived rows (meetings, matters, occurrences, decision states) and the
        fingerprints of forums that are gone, in one transaction."""
        with self.transaction():
            for chunk in chunks(list(forum_ids)):
                marks = ", ".join("?" for _ in chunk)
                for table in (*FORUM_LINK_TABLES, "link_state"):
                    self._exec(f"DELETE FROM [{table}] WHERE forum_id IN ({marks})", chunk)

    def link_changes(self, forum_id: str, tables: dict[str, list[dict[str, Any]]]
                     ) -> LinkChanges:
        """What writing ``tables`` as one forum's derived rows changes (pure reading: a link
        worker computes it, the writer only writes): a forum linked again because one of its
        eighty meetings changed rewrites the few rows that changed, not all of them.

        A row another forum holds (a document that moved forum) is taken over; a row of
        this forum that is no longer in ``tables`` goes."""
        out = LinkChanges()
        for table in FORUM_LINK_TABLES:
            key = FORUM_LINK_KEYS[table]
            new = tables.get(table) or []
            # Compared as tuples of the new rows' columns (all rows of a table have the same
            # keys): a forum of 800 items has some 10,000 rows to compare.
            cols = list(new[0]) if new else [key, "forum_id"]
            cur = self._exec(f"SELECT {', '.join(f'[{c}]' for c in cols)} FROM [{table}] "
                             "WHERE forum_id = ?", [forum_id])
            at = cols.index(key)
            old = {r[at]: r for r in cur.fetchall()}
            fresh = list(map(itemgetter(*cols), new))  # a row has its key and forum_id
            keep = {v[at] for v in fresh}
            out.gone[table] = [k for k in old if k not in keep]
            out.changed[table] = [r for r, v in zip(new, fresh, strict=True)
                                  if old.get(v[at]) != v]
        return out

    def write_link_changes(self, forum_id: str, changes: LinkChanges,
                           fingerprint: str) -> None:
        """Write what :meth:`link_changes` found and the forum's fingerprint, in one
        transaction. A row gone is deleted only while this forum holds it (another forum may
        have taken it over since the changes were computed)."""
        with self.transaction():
            for table in FORUM_LINK_TABLES:
                key = FORUM_LINK_KEYS[table]
                if changes.gone.get(table):
                    self.conn.executemany(
                        f"DELETE FROM [{table}] WHERE [{key}] = ? AND forum_id = ?",
                        [(k, forum_id) for k in changes.gone[table]])
                if changes.changed.get(table):
                    self._insert_rows(table, changes.changed[table], replace=True)
            self._insert_rows("link_state", [{"forum_id": forum_id, "fingerprint": fingerprint,
                                              "linked_at": now_iso()}], replace=True)

    def set_mark(self, row: dict[str, Any]) -> None:
        """Record a person's close, reopen or note of a decision (one row per decision id)."""
        with self.transaction():
            self._upsert("decision_marks", "decision_id", row)

    def delete_mark(self, decision_id: str) -> None:
        with self.transaction():
            self._exec("DELETE FROM decision_marks WHERE decision_id = ?", [decision_id])

    def set_forum_aliases(self, rows: Sequence[dict[str, Any]]) -> None:
        """Record a person's choices about forum names (one row per normalised name)."""
        with self.transaction():
            for row in rows:
                self._upsert("forum_aliases", "name_key", row)

    def delete_forum_aliases(self, name_keys: Sequence[str]) -> None:
        with self.transaction():
            for key in name_keys:
                self._exec("DELETE FROM forum_aliases WHERE name_key = ?", [key])

    def import_state(self, marks: Sequence[dict[str, Any]],
                     aliases: Sequence[dict[str, Any]]) -> tuple[int, int]:
        """Restore what people recorded from a backup, in one transaction. A row replaces the
        archive's row for the same key unless the archive's is newer. Returns how many rows
        of each kind were written."""
        written = [0, 0]
        with self.transaction():
            for i, (table, key, stamp, rows) in enumerate((
                    ("decision_marks", "decision_id", "marked_at", marks),
                    ("forum_aliases", "name_key", "created_at", aliases))):
                for row in rows:
                    have = self.scalar(f"SELECT [{stamp}] FROM [{table}] WHERE [{key}] = ?",
                                       [row[key]])
                    if have is not None and (have or "") >= (row.get(stamp) or ""):
                        continue
                    self._upsert(table, key, row)
                    written[i] += 1
        return written[0], written[1]

    def _upsert(self, table: str, key: str, row: dict[str, Any]) -> None:
        cols = [c for c in SCHEMA[table].columns if c in row]
        names = ", ".join(f"[{c}]" for c in cols)
        marks = ", ".join("?" for _ in cols)
        updates = ", ".join(f"[{c}] = excluded.[{c}]" for c in cols if c != key)
        self._exec(
            f"INSERT INTO [{table}] ({names}) VALUES ({marks}) "
            f"ON CONFLICT([{key}]) DO UPDATE SET {updates}",
            [row[c] for c in cols],
        )

    # -- internals of the write path ---------------------------------------------------------

    def _upsert_file(self, rec: FileRecord, status: str, reason: str | None, run_id: int) -> None:
        # A real upsert (INSERT … ON CONFLICT DO UPDATE): first_seen_run survives.
        self._exec(
            "INSERT INTO files (path, size, mtime_ns, sha256, status, reason, version, "
            "first_seen_run, last_seen_run, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns, "
            "sha256 = excluded.sha256, status = excluded.status, reason = excluded.reason, "
            "version = excluded.version, last_seen_run = excluded.last_seen_run, "
            "updated_at = excluded.updated_at",
            [rec.path, rec.size, rec.mtime_ns, rec.sha256, status, reason,
             rec.version or __version__, run_id, run_id, now_iso()],
        )

    def _collect(self, sha256: str) -> None:
        """Delete the documents of ``sha256`` if no file row holds that content any more,
        else point them at the best file that still does."""
        if self.scalar("SELECT 1 FROM files WHERE sha256 = ? LIMIT 1", [sha256]):
            self._repoint(sha256)
        else:
            self._delete_documents(sha256)

    def _repoint(self, sha256: str, path: str | None = None) -> None:
        """documents.path names a file holding the content: ``path``, else the first readable
        one, else the first that failed, else the first removed (its last known place)."""
        if path is None:
            path = self.scalar(
                "SELECT path FROM files WHERE sha256 = ? ORDER BY "
                "CASE status WHEN ? THEN 0 WHEN ? THEN 1 ELSE 2 END, path LIMIT 1",
                [sha256, FILE_OK, FILE_FAILED],
            )
            if path is None:
                return
        self._exec(
            "UPDATE documents SET path = ? WHERE sha256 = ? AND path NOT IN "
            "(SELECT path FROM files WHERE sha256 = ? AND status = ?)",
            [path, sha256, sha256, FILE_OK],
        )

    def _delete_documents(self, sha256: str) -> None:
        doc_ids = [r["id"] for r in self.rows("SELECT id FROM documents WHERE sha256 = ?", [sha256])]
        for doc_id in doc_ids:
            for table in _CHILD_TABLES:
                self._exec(f"DELETE FROM [{table}] WHERE document_id = ?", [doc_id])
            self._exec("DELETE FROM documents WHERE id = ?", [doc_id])

    def _insert_document(self, doc: Document | DocumentRows, stamp: str) -> None:
        if isinstance(doc, _Rows):
            rows = doc
            rows.tables["documents"][0]["ingested_at"] = stamp  # stored now, not parsed
        else:
            rows = document_rows(doc, stamp)
        if rows.tables.get(FTS_CONTENT_TABLE):
            # The rids are given here, so each document's span is known before it is written.
            search = rows.tables[FTS_CONTENT_TABLE]
            self._number_search_rows(search)
            for d in rows.tables["documents"]:
                own = [r["rid"] for r in search if r["document_id"] == d["id"]]
                d["search_lo"], d["search_hi"] = (min(own), max(own)) if own else (None, None)
        # Parents before children: foreign keys are enforced.
        for table in ("documents", "items", "sections", "decisions", "actions", "participants",
                      "attachments", FTS_CONTENT_TABLE):
            if rows.tables.get(table):
                self._insert_rows(table, rows.tables[table])
        self._add_terms(rows.terms)

    def _number_search_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        """Give each search row the next free rid of its meeting date (see RID_DATE_SHIFT)."""
        following: dict[int, int] = {}
        # The rids given here: rows of many dates at once (a rebuild) are numbered before any
        # is written, and a date that spilled over may have taken rids of the next one.
        given: set[int] = set()
        highest = 0
        for r in rows:
            base = rid_base(r.get("meeting_date"))
            if base not in following:
                top = base + (1 << RID_DATE_SHIFT) - 1
                last = self.scalar(f"SELECT max(rid) FROM [{FTS_CONTENT_TABLE}] "
                                   "WHERE rid >= ? AND rid <= ?", [base, top])
                following[base] = max(base, 1) if last is None else last + 1
            rid = following[base]
            while rid in given:
                rid += 1
            if rid >= base + (1 << RID_DATE_SHIFT):
                # More rows on one date than it has rowids: after every row there is; the
                # spans and the rank stay right, only this date's order is lost.
                rid = max(rid, highest + 1, int(self.scalar(
                    f"SELECT max(rid) FROM [{FTS_CONTENT_TABLE}]") or 0) + 1)
            r["rid"] = rid
            given.add(rid)
            highest = max(highest, rid)
            following[base] = rid + 1

    def _insert_rows(self, table: str, rows: Sequence[dict[str, Any]],
                     replace: bool = False) -> None:
        # One prepared statement for the rows of a table (all have the same keys): the write
        # path spends its time in the index, not in building SQL for every few rows.
        cols = list(rows[0])
        head = (f"INSERT {'OR REPLACE ' if replace else ''}INTO [{table}] "
                f"({', '.join(f'[{c}]' for c in cols)}) VALUES ")
        one = f"({', '.join('?' for _ in cols)})"
        if table != FTS_CONTENT_TABLE:
            self.conn.executemany(head + one, [tuple(r[c] for c in cols) for r in rows])
            return
        # The search rows many to a statement: each statement that fires the index's insert
        # trigger makes FTS5 write what it holds as a segment of its own (its savepoint), so
        # one statement per row wrote a segment per row and merged them again — three times
        # the cost of the whole write of a document.
        per = max(1, SEARCH_ROWS_PARAMS // len(cols))
        for i in range(0, len(rows), per):
            chunk = rows[i:i + per]
            self.conn.execute(head + ", ".join([one] * len(chunk)),
                              [r[c] for r in chunk for c in cols])

    def _add_terms(self, seen: set[str]) -> None:
        """Add the words of newly indexed rows to ``search_terms`` (the index's vocabulary)."""
        new = list(seen - self._known_terms)
        if not new:
            return
        present: set[str] = set()
        for chunk in chunks(new):
            marks = ", ".join("?" for _ in chunk)
            present.update(r[0] for r in self._exec(
                f"SELECT term FROM [{TERMS_TABLE}] WHERE term IN ({marks})", chunk))
        _insert_terms(self.conn, [t for t in new if t not in present])
        self._known_terms.update(new)


@dataclass(slots=True)
class LinkChanges:
    """Per derived table of a forum: the rows to write and the keys of the rows to delete."""

    changed: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    gone: dict[str, list[Any]] = field(default_factory=dict)

class WriteBatch:
    """Use as ``with store.batch() as b:``; call ``b.open()`` before the writes of a file and
    ``b.done()`` after them. Each file stays atomic (its savepoint); what is committed is
    always whole files. After a commit the next transaction begins only with the next
    file's writes, so a waiting writer gets its turn in between. Leaving the block commits,
    also on Ctrl-C or another error (the files written so far are complete), except after a
    database error, which rolls the open batch back."""

    def __init__(self, store: Store, files: int, seconds: float) -> None:
        self.store = store
        self.files = files
        self.seconds = seconds
        self.pending = 0
        self.started = 0.0

    def __enter__(self) -> WriteBatch:
        return self

    def open(self) -> None:
        if not self.store.conn.in_transaction:
            self.store._exec("BEGIN IMMEDIATE")
            self.pending = 0
            self.started = time.monotonic()

    def done(self, n: int = 1) -> None:
        self.pending += n
        if self.pending >= self.files or time.monotonic() - self.started >= self.seconds:
            self.commit()

    def commit(self) -> None:
        if self.store.conn.in_transaction:
            self.store._exec("COMMIT")

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: object) -> None:
        conn = self.store.conn
        if not conn.in_transaction:
            return
        if exc is not None and isinstance(exc, DatabaseError | sqlite3.Error):
            self.store._known_terms.clear()  # the words it added are gone with it
            conn.execute("ROLLBACK")
        else:
            self.commit()


def chunks(values: list[Any], size: int = 500) -> Iterator[list[Any]]:
    """``values`` in slices small enough for one statement's parameters."""
    for i in range(0, len(values), size):
        yield values[i:i + size]


def prepare_documents(docs: Sequence[Document]) -> list[DocumentRows]:
    """The rows of parsed documents, computed where they were parsed (an ingest worker), so
    that the one process writing the archive only inserts them. Their ingestion time is set
    when they are stored."""
    return [document_rows(doc, "") for doc in docs]


def document_rows(doc: Document, stamp: str) -> _Rows:
    """The rows of one Document (fills ``Decision.id`` in place, see :mod:`referatkit.ids`)."""
    doc_id = ids.document_id(doc.sha256, doc.part)
    ids.assign_decision_ids(doc, doc_id)
    out = _Rows()
    out.add("documents", {
        "id": doc_id, "sha256": doc.sha256, "part": doc.part, "path": doc.path,
        "format": doc.format, "doc_type": doc.doc_type, "title": doc.title, "forum": doc.forum,
        "meeting_date": doc.meeting_date, "meeting_time": doc.meeting_time, "place": doc.place,
        "language": doc.language, "attendance_count": doc.attendance_count, "pages": doc.pages,
        "warnings": json.dumps(doc.warnings, ensure_ascii=False),
        "ingested_at": stamp,
    })
    place = _MeetingPlace.of(doc)
    if doc.title:
        place.add_search_row(out, "document", doc_id, doc_id, None, doc.title, "")
    # Document-level sections first, then each item's: one ordinal space per parent.
    for s_ord, sec in enumerate(doc.sections):
        _add_section(out, place, ids.section_id(doc_id, s_ord), doc_id, None, s_ord, sec)
    for p_ord, part in enumerate(doc.participants):
        out.add("participants", {
            "id": ids.participant_id(doc_id, p_ord), "document_id": doc_id, "ordinal": p_ord,
            "name": part.name, "organisation": part.organisation, "role": part.role,
            "absent": int(part.absent),
        })
    for i_ord, item in enumerate(doc.items):
        it_id = ids.item_id(doc_id, i_ord, item.number)
        out.add("items", {
            "id": it_id, "document_id": doc_id, "ordinal": i_ord, "number": item.number,
            "number_as_written": item.number_as_written, "title": item.title,
            "closed": int(item.closed), "case_number": item.case_number,
        })
        at = place.at_item(item)
        at.add_search_row(out, "item", it_id, doc_id, it_id, item.title, "")
        for s_ord, sec in enumerate(item.sections):
            _add_section(out, at, ids.section_id(it_id, s_ord), doc_id, it_id, s_ord, sec)
        for d_ord, dec in enumerate(item.decisions):
            out.add("decisions", {
                "document_id": doc_id, "id": dec.id, "item_id": it_id, "ordinal": d_ord,
                "kind": dec.kind, "text": dec.text, "status": dec.status, "body": dec.body,
                "owner": dec.owner, "due": dec.due, "prior_date": dec.prior_date,
                "refers_to_proposal": int(dec.refers_to_proposal),
            })
            at.add_search_row(out, "decision", dec.id, doc_id, it_id, "", dec.text)
            for a_ord, act in enumerate(dec.actions):
                out.add("actions", {
                    "id": ids.action_id(doc_id, dec.id, a_ord), "document_id": doc_id,
                    "decision_id": dec.id, "item_id": it_id, "ordinal": a_ord, "text": act.text,
                    "owner": act.owner, "due": act.due, "due_text": act.due_text,
                    "approximate": int(act.approximate),
                })
        for a_ord, att in enumerate(item.attachments):
            out.add("attachments", {
                "id": ids.attachment_id(it_id, a_ord), "item_id": it_id, "document_id": doc_id,
                "ordinal": a_ord, "title": att.title,
            })
    if not doc.meeting_date and out.tables.get(FTS_CONTENT_TABLE):
        _undated_keys(out.tables[FTS_CONTENT_TABLE])
    return out


def _add_section(out: _Rows, place: _MeetingPlace, sec_id: str, doc_id: str,
                 it_id: str | None, ordinal: int, sec: Section) -> None:
    out.add("sections", {
        "id": sec_id, "item_id": it_id, "document_id": doc_id, "ordinal": ordinal,
        "label": sec.label, "kind": sec.kind, "text": sec.text,
    })
    if sec.text:
        place.add_search_row(out, "section", sec_id, doc_id, it_id, "", sec.text)


@dataclass(frozen=True, slots=True)
class _MeetingPlace:
    """Where a search row sits: its meeting (forum as written, date) and agenda item."""

    forum: str | None
    meeting_date: str | None
    in_item: bool = False
    number: str | None = None
    item_title: str | None = None
    closed: bool = False

    @classmethod
    def of(cls, doc: Document) -> _MeetingPlace:
        return cls(doc.forum, doc.meeting_date)

    def at_item(self, item: Any) -> _MeetingPlace:
        return _MeetingPlace(self.forum, self.meeting_date, True, item.number, item.title,
                             bool(item.closed))

    def add_search_row(self, out: _Rows, kind: str, ref_id: str, doc_id: str,
                       it_id: str | None, title: str | None, body: str | None) -> None:
        title, body = redact(title), redact(body)
        title_words, body_words = words.tokens(title), words.tokens(body)
        out.terms.update(title_words)
        out.terms.update(body_words)
        out.add(FTS_CONTENT_TABLE, {
            "kind": kind, "ref_id": ref_id, "document_id": doc_id, "item_id": it_id,
            "title": title, "body": body, "meeting_date": self.meeting_date,
            "closed": int(self.closed),
            "dup_key": dup_key(kind, self.forum, self.meeting_date, self.in_item, self.number,
                               self.item_title, title_words, body_words)})


def dup_key(kind: str, forum: str | None, meeting_date: str | None, in_item: bool,
            number: str | None, item_title: str | None, title_words: Sequence[str],
            body_words: Sequence[str]) -> str:
    """Equal for search rows with the same words at the same place of the same meeting: the
    same minutes as PDF, DOCX and TXT, or an item that both the agenda and the minutes list,
    are one hit. Layout does not count (words only, lower case).

    In an agenda item the place is the meeting date and the item's number (its title where it
    has none), not the forum as written: formats disagree about a forum's name more often than
    two forums meet on the same day with the same words under the same item number (and
    when they do, it is boilerplate such as "Intet."). Outside items (document titles,
    preambles, memos) the forum counts. An undated document has no meeting to go by:
    :func:`_undated_keys` adds its whole text, so two memos that share a title stay apart."""
    if in_item:
        place = ["item", meeting_date or "", number or "", *(() if number else
                                                             words.tokens(item_title))]
    else:
        place = ["document", meeting_date or "", fold(forum) or ""]
    return ids.short_hash(kind, *place, " ".join(title_words), " ".join(body_words))


def _undated_keys(search_rows: Sequence[dict[str, Any]]) -> None:
    """The rows of one undated document: fold the document's whole text into each key."""
    whole = ids.short_hash(*(_squash(r["title"]) + "\x1f" + _squash(r["body"])
                             for r in search_rows))
    for r in search_rows:
        r["dup_key"] = ids.short_hash(r["dup_key"], whole)


def _squash(text: str | None) -> str:
    return " ".join(words.tokens(text))


# ---------------------------------------------------------------------------------------------
# Opening


@contextmanager
def write_lock(db_path: str | os.PathLike[str], *, wait: float = 0.0,
               what: str = "ingest") -> Iterator[None]:
    """Hold the write lock of the database at ``db_path`` for one run (an ingest, an index
    rebuild), so two runs never write at once.

    The lock is ``flock`` on ``<db>.lock`` (created readable by its owner only): the operating
    system releases it when the process ends, however it ends, so a killed run never leaves
    a stale lock. Waits up to ``wait`` seconds for another run, then raises
    :class:`LockedError` naming it.
    """
    lock_path = Path(f"{os.fspath(db_path)}{LOCK_SUFFIX}")
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, DB_FILE_MODE)
    except OSError as e:
        raise DatabaseError(f"cannot create the lock file {lock_path}: {e.strerror or e}") from e
    try:
        deadline = time.monotonic() + max(wait, 0.0)
        while not _try_lock(fd):
            left = deadline - time.monotonic()
            if left <= 0:
                holder = _lock_holder(fd)
                hint = f"waited {wait:g} s" if wait > 0 else "wait for it with --wait SECONDS"
                raise LockedError(f"another referatkit run{holder} is writing to {db_path}; "
                                  f"this {what} did not start ({hint})")
            time.sleep(min(LOCK_POLL_S, left))
        _write_holder(fd, f"{what}, pid {os.getpid()}, since {now_iso()[:19]}")
        try:
            yield
        finally:
            _write_holder(fd, "")
            _unlock(fd)
    finally:
        os.close(fd)


if os.name == "nt":  # pragma: no cover - the lock on Windows: a byte range, no holder text
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

    def _write_holder(fd: int, text: str) -> None:
        return

    def _lock_holder(fd: int) -> str:
        return ""
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

    def _write_holder(fd: int, text: str) -> None:
        os.ftruncate(fd, 0)
        if text:
            os.pwrite(fd, text.encode("utf-8"), 0)

    def _lock_holder(fd: int) -> str:
        try:
            text = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
        except OSError:
            return ""
        return f" ({text})" if text else ""


def open_for_check(path: str | os.PathLike[str]) -> Store:
    """The archive exactly as it is, for ``referatkit doctor``: no migration, no repair of
    triggers, nothing written (FTS5's integrity check needs a writable connection)."""
    p = Path(path)
    if p.is_dir():
        raise DatabaseError(f"{p} is a folder, not a database file")
    if not p.exists():
        raise DatabaseError(f"no database at {p}")
    try:
        conn = sqlite3.connect(str(p), timeout=BUSY_TIMEOUT_S, isolation_level=None)
        store = Store(conn, p)
        version = store.schema_version
    except sqlite3.Error as e:
        raise _database_error(p, e) from e
    if version > SCHEMA_VERSION:
        conn.close()
        raise DatabaseError(f"{p} was written by a newer referatkit (schema {version}; this "
                            f"version knows {SCHEMA_VERSION}): upgrade referatkit")
    if version == 0 and not set(SCHEMA) & set(store.db.table_names()):
        conn.close()
        raise DatabaseError(f"{p} is not a referatkit database")
    conn.create_function("rk_fold", 1, fold, deterministic=True)
    return store


def open_store(path: str | os.PathLike[str], *, create: bool = True, readonly: bool = False) -> Store:
    """Open (and migrate) the archive at ``path``.

    ``create=False`` refuses to make a new database (queries on a path with nothing in it are
    a mistake worth telling). ``readonly`` sets ``query_only`` after migrating, so the query
    side cannot write even by accident. Every failure is a :class:`DatabaseError`.
    """
    p = Path(path)
    if p.is_dir():
        raise DatabaseError(f"{p} is a folder, not a database file")
    if not p.exists():
        if not create:
            raise DatabaseError(f"no database at {p} (run 'referatkit ingest FOLDER' first)")
        _create_private_file(p)
    try:
        conn = sqlite3.connect(str(p), timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except sqlite3.Error as e:
        raise _database_error(p, e) from e
    store = Store(conn, p)
    try:
        conn.create_function("rk_fold", 1, fold, deterministic=True)
        store._exec("PRAGMA foreign_keys = ON")
        version = store.schema_version  # the first read: "file is not a database" shows here
        if version > SCHEMA_VERSION:
            raise DatabaseError(
                f"{p} was written by a newer referatkit (schema {version}; this version "
                f"knows {SCHEMA_VERSION}): upgrade referatkit"
            )
        if store.scalar("PRAGMA journal_mode") != "wal":
            store._exec("PRAGMA journal_mode = WAL")
        _migrate(store, version)
        _ensure_fts(store)
        if readonly:
            store._exec("PRAGMA query_only = ON")
    except DatabaseError:
        conn.close()
        raise
    except sqlite3.Error as e:
        conn.close()
        raise _database_error(p, e) from e
    return store


def _create_private_file(p: Path) -> None:
    try:
        fd = os.open(p, os.O_CREAT | os.O_WRONLY, DB_FILE_MODE)
        os.close(fd)
        os.chmod(p, DB_FILE_MODE)  # O_CREAT's mode is filtered by the umask; be explicit
    except OSError as e:
        raise DatabaseError(f"cannot create database {p}: {e.strerror or e}") from e


def _migrate(store: Store, version: int) -> None:
    if version == 0:
        foreign = [n for n in store.db.table_names() if n not in SCHEMA and not n.startswith(FTS_TABLE)]
        if foreign:
            raise DatabaseError(
                f"{store.path} is not a referatkit database (it has tables such as {foreign[0]!r})"
            )
    for target in range(version + 1, SCHEMA_VERSION + 1):
        with store.transaction():
            MIGRATIONS[target](store.db)
            store._exec(f"PRAGMA user_version = {int(target)}")


def _ensure_fts(store: Store) -> None:
    """Recreate missing FTS triggers and rebuild the index. A table rebuild (ALTER via copy)
    drops triggers silently; after that the index would drift without anyone noticing."""
    present = {r["name"] for r in store.rows("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    missing = [name for name in FTS_TRIGGERS if name not in present]
    if not missing:
        return
    with store.transaction():
        for name in missing:
            store._exec(FTS_TRIGGERS[name])
        store._exec(f"INSERT INTO [{FTS_TABLE}] ([{FTS_TABLE}]) VALUES ('rebuild')")
        _refresh_terms(store.conn)


def _database_error(path: Path, e: sqlite3.Error) -> DatabaseError:
    msg = str(e)
    if "locked" in msg or "busy" in msg:
        return DatabaseError(f"database {path} is locked by another referatkit run; try again later")
    if "readonly" in msg or "read-only" in msg:
        return DatabaseError(f"database {path} is read-only: {msg}")
    return DatabaseError(f"cannot use database {path}: {msg}")
