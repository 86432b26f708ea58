"""Attendance: who came to which forum's meetings over a period (``referatkit people``).

A meeting is counted once however many documents hold it (an agenda and its minutes, the same
minutes as PDF and DOCX). Within a meeting the minutes' participant list wins over the
agenda's: an agenda lists who was invited, the minutes who came and who sent apologies.
Read-only, like :mod:`referatkit.queries`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from referatkit.errors import UsageError
from referatkit.queries import _opened, fold, is_linked, parse_date_bound
from referatkit.store import Store

# Documents whose participant list says who actually attended (others list invitees).
MINUTES_DOC_TYPES = frozenset({"referat", "dagsorden+referat"})
# Sort orders for ``people --sort``.
PEOPLE_SORTS = ("attendance", "absent", "name")

_SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class PersonRow:
    name: str  # as written most often
    forum: str  # the forum's name
    forum_id: str | None
    organisations: list[str]  # as written, most frequent first
    roles: list[str]
    meetings: int  # meetings of the forum in the period with a participant list
    present: int
    absent: int  # sent apologies / listed as absent
    not_listed: int  # meetings with a list that does not name this person
    first_date: str | None  # first and last meeting the person is listed at
    last_date: str | None
    dates_absent: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float | None:
        return round(self.present / self.meetings, 3) if self.meetings else None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["rate"] = self.rate
        return d


@dataclass(slots=True)
class _Record:
    meeting: str  # meeting id (or forum+date when not linked)
    forum_id: str | None
    forum: str
    meeting_date: str | None
    minutes: bool
    name: str
    organisation: str | None
    role: str | None
    absent: bool


def person_key(name: str) -> str:
    """The same person written with other case or spacing: "Jette  Hansen" = "jette hansen"."""
    return fold(_SPACE.sub(" ", name).strip(" .,;:"))


def people(
    db: Store | str | os.PathLike[str],
    *,
    forum: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    name: str | None = None,
    sort: str = "attendance",
) -> list[PersonRow]:
    """Attendance per person and forum over a period: meetings with a participant list,
    how many the person attended, sent apologies for, or was not named at."""
    if sort not in PEOPLE_SORTS:
        raise UsageError(f"unknown --sort {sort!r} (choose {', '.join(PEOPLE_SORTS)})")
    lo = parse_date_bound(date_from, option="--from")
    hi = parse_date_bound(date_to, end=True, option="--to")
    with _opened(db) as st:
        records = [r for r in _records(st)
                   if (not lo or (r.meeting_date or "") >= lo)
                   and (not hi or (r.meeting_date is not None and r.meeting_date <= hi))
                   and (not forum or fold(forum) in fold(r.forum))]
    rows = _attendance(records)
    if name:
        rows = [r for r in rows if fold(name) in fold(r.name)]
    return _sorted(rows, sort)


def _records(st: Store) -> Iterable[_Record]:
    if is_linked(st):
        sql = ("SELECT p.name, p.organisation, p.role, p.absent, d.doc_type, d.meeting_date, "
               "md.meeting_id AS meeting, f.id AS forum_id, f.name AS forum "
               "FROM participants p JOIN documents d ON d.id = p.document_id "
               "JOIN meeting_documents md ON md.document_id = d.id "
               "JOIN forums f ON f.id = md.forum_id ORDER BY d.meeting_date, p.ordinal")
    else:
        sql = ("SELECT p.name, p.organisation, p.role, p.absent, d.doc_type, d.meeting_date, "
               "coalesce(d.forum, '') || '|' || coalesce(d.meeting_date, d.id) AS meeting, "
               "NULL AS forum_id, coalesce(d.forum, '') AS forum "
               "FROM participants p JOIN documents d ON d.id = p.document_id "
               "ORDER BY d.meeting_date, p.ordinal")
    for r in st.rows(sql):
        if not (r["name"] or "").strip():
            continue
        yield _Record(meeting=r["meeting"], forum_id=r["forum_id"], forum=r["forum"] or "",
                      meeting_date=r["meeting_date"], minutes=r["doc_type"] in MINUTES_DOC_TYPES,
                      name=r["name"].strip(), organisation=r["organisation"], role=r["role"],
                      absent=bool(r["absent"]))


def _attendance(records: list[_Record]) -> list[PersonRow]:
    # Per meeting, the minutes' list if there is one, else the agenda's.
    by_meeting: dict[str, list[_Record]] = {}
    for r in records:
        by_meeting.setdefault(r.meeting, []).append(r)
    meetings_of_forum: dict[str, set[str]] = {}
    # (forum, person) -> meeting -> [absent flags]
    seen: dict[tuple[str, str], dict[str, list[bool]]] = {}
    spelled: dict[tuple[str, str], dict[str, dict[str, int]]] = {}
    dates: dict[str, str | None] = {}
    forum_info: dict[str, tuple[str, str | None]] = {}
    for meeting, recs in by_meeting.items():
        if any(r.minutes for r in recs):
            recs = [r for r in recs if r.minutes]
        f = recs[0]
        forum_info[f.forum] = (f.forum, f.forum_id)
        meetings_of_forum.setdefault(f.forum, set()).add(meeting)
        dates[meeting] = f.meeting_date
        for r in recs:
            key = (r.forum, person_key(r.name))
            seen.setdefault(key, {}).setdefault(meeting, []).append(r.absent)
            counts = spelled.setdefault(key, {"name": {}, "org": {}, "role": {}})
            for kind, value in (("name", r.name), ("org", r.organisation), ("role", r.role)):
                if value:
                    counts[kind][value] = counts[kind].get(value, 0) + 1
    out = []
    for (forum_name, _), per_meeting in seen.items():
        # the same minutes in several formats may disagree (a lost "afbud" in one reading):
        # the majority of the readings of one meeting decides
        absent_at = sorted((dates[m] or "") for m, flags in per_meeting.items()
                           if sum(flags) * 2 > len(flags))
        listed = sorted(d for d in (dates[m] for m in per_meeting) if d)
        total = len(meetings_of_forum[forum_name])
        counts = spelled[(forum_name, _)]
        out.append(PersonRow(
            name=_most(counts["name"])[0], forum=forum_name, forum_id=forum_info[forum_name][1],
            organisations=_most(counts["org"]), roles=_most(counts["role"]), meetings=total,
            present=len(per_meeting) - len(absent_at), absent=len(absent_at),
            not_listed=total - len(per_meeting), first_date=listed[0] if listed else None,
            last_date=listed[-1] if listed else None,
            dates_absent=[d for d in absent_at if d]))
    return out


def _most(counts: dict[str, int]) -> list[str]:
    return [k for k, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _sorted(rows: list[PersonRow], sort: str) -> list[PersonRow]:
    if sort == "name":
        return sorted(rows, key=lambda r: (fold(r.name), fold(r.forum)))
    if sort == "absent":
        return sorted(rows, key=lambda r: (-r.absent, fold(r.forum), fold(r.name)))
    return sorted(rows, key=lambda r: (fold(r.forum), -r.present, r.absent, fold(r.name)))
