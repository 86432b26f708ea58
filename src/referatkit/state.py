"""What people record: closing, reopening and annotating decisions, merging forums, and the
backup of all of it (``export-state`` / ``import-state``).

These rows live in their own tables (``decision_marks``, ``forum_aliases``), keyed by ids
derived from content — the stable decision id (forum *as written* + date + item number +
text), the normalised forum name — so they survive a re-ingest, an edited or moved file and,
through a state file, a database rebuilt from the same files. Each function records the
choice through the store and links the affected forums again (:mod:`referatkit.link`).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from referatkit import __version__, link, queries
from referatkit import matters as M
from referatkit.errors import NotFoundError, UsageError
from referatkit.ids import normalise_key
from referatkit.store import SCHEMA, Store, open_store

STATE_FORMAT = "referatkit-state"
STATE_VERSION = 1
MARK_STATES = ("closed", "open", "note")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _writable(db: Store | str | os.PathLike[str]) -> Store:
    return db if isinstance(db, Store) else open_store(db, create=False)


class _Session:
    """A writable store for one command: the given Store, or one opened (and closed) here."""

    def __init__(self, db: Store | str | os.PathLike[str]) -> None:
        self.own = not isinstance(db, Store)
        self.st = _writable(db)

    def __enter__(self) -> Store:
        return self.st

    def __exit__(self, *exc: object) -> None:
        if self.own:
            self.st.close()


# --- decisions --------------------------------------------------------------------------------


def resolve_decision(st: Store, ref: str) -> str:
    """A decision id from what a user typed: the id or its first characters (at least 4)."""
    low = (ref or "").strip().lower()
    if not low:
        raise UsageError("no decision given (its id, as 'referatkit decisions' shows it)")
    if st.scalar("SELECT 1 FROM decisions WHERE id = ? LIMIT 1", [low]):
        return low
    if len(low) >= queries.MIN_ID_PREFIX and queries._HEX.match(low):
        found = [r["id"] for r in st.rows(
            "SELECT DISTINCT id FROM decisions WHERE substr(id, 1, ?) = ? ORDER BY id",
            [len(low), low])]
        if len(found) == 1:
            return found[0]
        if found:
            raise UsageError(f"{ref!r} matches {len(found)} decisions ({', '.join(found[:5])}); "
                             "give more of the id")
    raise NotFoundError(f"no decision {ref!r} in the archive ('referatkit decisions' lists ids)")


def _snapshot(st: Store, decision_id: str) -> dict[str, Any]:
    """The decision as a mark remembers it (to follow it if an edit changes its id)."""
    r = st.rows(
        "SELECT doc.forum, doc.title, doc.meeting_date, i.number AS item_number, "
        "i.title AS item_title, d.kind, d.text FROM decisions d "
        "JOIN documents doc ON doc.id = d.document_id JOIN items i ON i.id = d.item_id "
        "WHERE d.id = ? ORDER BY doc.path, doc.part LIMIT 1", [decision_id])[0]
    r["forum"] = M.forum_label(r["forum"], r.pop("title"))
    return r


def _forum_of_decision(st: Store, decision_id: str) -> list[str]:
    return [r["forum_id"] for r in st.rows(
        "SELECT DISTINCT md.forum_id FROM decisions d JOIN meeting_documents md "
        "ON md.document_id = d.document_id WHERE d.id = ?", [decision_id])]


def _mark(db: Store | str | os.PathLike[str], ref: str, state: str | None,
          note: str | None) -> queries.DecisionRow:
    with _Session(db) as st:
        did = resolve_decision(st, ref)
        old = st.rows("SELECT * FROM decision_marks WHERE decision_id = ?", [did])
        row: dict[str, Any] = {
            **_snapshot(st, did), "decision_id": did, "marked_at": _now(), "overrides": None,
        }
        if state is None:  # a note only: the state stays as it was
            row["state"] = old[0]["state"] if old else "note"
            row["overrides"] = old[0]["overrides"] if old else None
            row["note"] = note
        else:
            row["state"] = state
            row["note"] = note if note is not None else (old[0]["note"] if old else None)
            if state == "open":  # it holds against every settlement there is now
                seen = json.loads(st.scalar("SELECT settlements FROM decision_state "
                                            "WHERE id = ?", [did]) or "[]")
                row["overrides"] = seen[-1][0] if seen else None
        st.set_mark(row)
        forums = _forum_of_decision(st, did)
        link.relink(st, forums=forums)
        return queries.decisions(st, ids=[did])[0]


def close(db: Store | str | os.PathLike[str], ref: str, note: str | None = None
          ) -> queries.DecisionRow:
    """Close a decision by hand (it leaves ``decisions --open`` whatever later meetings do)."""
    return _mark(db, ref, "closed", note)


def reopen(db: Store | str | os.PathLike[str], ref: str, note: str | None = None
           ) -> queries.DecisionRow:
    """Open a decision again: against a person's close, and against the later decision that
    settled it automatically (a settling decision at a still later meeting closes it again)."""
    return _mark(db, ref, "open", note)


def annotate(db: Store | str | os.PathLike[str], ref: str, note: str) -> queries.DecisionRow:
    """Attach a note to a decision without changing whether it is open."""
    if not (note or "").strip():
        raise UsageError("the note is empty")
    return _mark(db, ref, None, note)


# --- forums -----------------------------------------------------------------------------------


def resolve_forum(cl: M.ForumClustering, ref: str) -> M.Forum:
    """A forum from what a user typed: its id (or first characters), its name or a name it
    is written as, or a part of one that only one forum has."""
    r = (ref or "").strip()
    if not r:
        raise UsageError("no forum given (a name as 'referatkit forums' lists it)")
    key = normalise_key(r)
    by_key = [f for f in cl.forums if key and any(normalise_key(n) == key
                                                  for n in (f.name, *f.names))]
    if r == M.NO_FORUM:
        by_key = [f for f in cl.forums if f.id in cl.unnamed]
    if len(by_key) == 1:
        return by_key[0]
    low = r.lower()
    by_id = [f for f in cl.forums if len(low) >= queries.MIN_ID_PREFIX and f.id.startswith(low)]
    if len(by_id) == 1:
        return by_id[0]
    folded = r.casefold()
    part = [f for f in cl.forums if any(folded in n.casefold() for n in (f.name, *f.names))]
    if len(part) == 1:
        return part[0]
    if part:
        shown = "; ".join(f.name for f in part[:5])
        raise UsageError(f"{ref!r} matches {len(part)} forums ({shown}); give more of the name")
    raise NotFoundError(f"no forum {ref!r} in the archive ('referatkit forums' lists them)")


@dataclass(slots=True)
class ForumChange:
    forum: queries.ForumRow | None
    names: list[str]  # the written names whose choice was recorded


def _forum_row(st: Store, name: str) -> queries.ForumRow | None:
    key = normalise_key(name)
    for f in queries.forums(st):
        if any(normalise_key(n) == key for n in (f.name, *f.names)):
            return f
    return None


def merge_forums(db: Store | str | os.PathLike[str], ref: str, into: str,
                 note: str | None = None) -> ForumChange:
    """Record that forum ``ref`` is forum ``into``: every name the two are written as
    becomes one forum, named as ``into`` is named."""
    with _Session(db) as st:
        cl = link.clustering(st)
        a, b = resolve_forum(cl, ref), resolve_forum(cl, into)
        if M.NO_FORUM in (a.name, b.name):
            raise UsageError("documents without a forum cannot be merged into a forum")
        if a.id == b.id:
            raise UsageError(f"{a.name!r} and {b.name!r} are already one forum")
        target = b.name
        stamp = _now()
        names = [n for n in dict.fromkeys([*a.names, *b.names])
                 if normalise_key(n) != normalise_key(target)]
        st.set_forum_aliases([
            {"name_key": normalise_key(n), "name": n, "choice": "same", "target": target,
             "note": note, "created_at": stamp} for n in names])
        link.relink(st)
        return ForumChange(_forum_row(st, target), names)


def unmerge_forum(db: Store | str | os.PathLike[str], name: str,
                  note: str | None = None) -> ForumChange:
    """Record that the written name ``name`` is a forum of its own: it leaves the forum it
    was merged into (by a person or automatically), and names merged into it leave it."""
    with _Session(db) as st:
        cl = link.clustering(st)
        key = normalise_key(name)
        written = {normalise_key(n): n for f in cl.forums for n in f.names}
        if key not in written:
            forum = resolve_forum(cl, name)  # a forum's name that is not written anywhere
            raise UsageError(f"{name!r} is not a name any document is written with; the forum "
                             f"{forum.name!r} is written as: " + "; ".join(forum.names))
        pointing = [r["name_key"] for r in st.rows(
            "SELECT name_key, target FROM forum_aliases WHERE choice = 'same'")
            if normalise_key(r["target"]) == key]
        st.delete_forum_aliases(pointing)
        st.set_forum_aliases([{"name_key": key, "name": written[key], "choice": "separate",
                               "target": None, "note": note, "created_at": _now()}])
        link.relink(st)
        return ForumChange(_forum_row(st, written[key]), [written[key]])


# --- backup -----------------------------------------------------------------------------------


def export_state(db: Store | str | os.PathLike[str]) -> dict[str, Any]:
    """Everything people recorded, as one JSON-able object (see :func:`import_state`)."""
    with queries._opened(db) as st:
        marks = st.rows("SELECT * FROM decision_marks ORDER BY marked_at, decision_id")
        aliases = st.rows("SELECT * FROM forum_aliases ORDER BY created_at, name_key")
        present = {r["id"] for r in st.rows(
            "SELECT DISTINCT id FROM decisions WHERE id IN (SELECT decision_id FROM "
            "decision_marks)")}
        followed = {r["mark_id"] for r in st.rows(
            "SELECT mark_id FROM decision_state WHERE mark_id IS NOT NULL")}
    for m in marks:
        # A mark whose decision is gone and that follows no other decision: kept, reported.
        m["orphaned"] = m["decision_id"] not in present and m["decision_id"] not in followed
    return {
        "format": STATE_FORMAT,
        "version": STATE_VERSION,
        "referatkit": __version__,
        "exported_at": _now(),
        "decision_marks": marks,
        "forum_aliases": aliases,
    }


@dataclass(slots=True)
class ImportReport:
    decision_marks: int
    forum_aliases: int
    skipped: int  # rows the archive had a newer version of

    def to_dict(self) -> dict[str, int]:
        return {"decision_marks": self.decision_marks, "forum_aliases": self.forum_aliases,
                "skipped": self.skipped}


def _rows(data: dict[str, Any], table: str, key: str, allowed: dict[str, type]) -> list[dict]:
    rows = data.get(table, [])
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise UsageError(f"the state file's {table!r} is not a list of objects")
    out = []
    for r in rows:
        if not r.get(key):
            raise UsageError(f"a row of {table!r} in the state file has no {key!r}")
        out.append({c: r.get(c) for c in allowed})
    return out


def import_state(db: Store | str | os.PathLike[str], data: Any) -> ImportReport:
    """Restore what :func:`export_state` wrote (into this or a rebuilt archive). A row the
    archive holds in a newer version is kept; everything is linked again."""
    if not isinstance(data, dict) or data.get("format") != STATE_FORMAT:
        raise UsageError("not a referatkit state file (made by 'referatkit export-state')")
    if not isinstance(data.get("version"), int) or data["version"] > STATE_VERSION:
        raise UsageError(f"state file version {data.get('version')!r} is newer than this "
                         f"referatkit reads ({STATE_VERSION}): upgrade referatkit")
    marks = _rows(data, "decision_marks", "decision_id", SCHEMA["decision_marks"].columns)
    aliases = _rows(data, "forum_aliases", "name_key", SCHEMA["forum_aliases"].columns)
    for m in marks:
        if m["state"] not in MARK_STATES:
            raise UsageError(f"decision mark {m['decision_id']!r} has an unknown state "
                             f"{m['state']!r}")
    for a in aliases:
        if a["choice"] not in ("same", "separate"):
            raise UsageError(f"forum alias {a['name_key']!r} has an unknown choice "
                             f"{a['choice']!r}")
    with _Session(db) as st:
        n_marks, n_aliases = st.import_state(marks, aliases)
        link.relink(st, force=True)
    return ImportReport(n_marks, n_aliases, len(marks) + len(aliases) - n_marks - n_aliases)


def read_state_file(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError as e:
        raise UsageError(f"the state file is not JSON: {e}") from e


def relink(db: Store | str | os.PathLike[str], *, force: bool = True,
           jobs: int = 1) -> link.LinkReport:
    """Link every forum again (after an upgrade, or to apply changed matching rules), in
    ``jobs`` worker processes."""
    with _Session(db) as st:
        return link.relink(st, force=force, jobs=jobs)
