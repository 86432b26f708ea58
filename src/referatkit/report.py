"""The year in numbers, per forum: meetings, attendance, decisions, matters, themes.

:func:`report` reads the linked archive (forums, meetings, occurrences, matters and decision
states, see :mod:`referatkit.link`) and returns a :class:`Report`: for every forum and year
of the period the number of meetings, who attended and who sent apologies most, decisions by
status, the matters opened and settled, the decisions still open and their age, the main
themes and the terms that rose or fell against the year before (:mod:`referatkit.terms`),
and the meetings the year's documents plan for later.

Closed items ("Lukket punkt", "Fortroligt") are left out of everything unless
``include_closed``: a report is handed on, and what was closed stays closed.

Read-only; the writers are :mod:`referatkit.render` (terminal, JSON, CSV),
:mod:`referatkit.mdreport` (Markdown, the årsrapport draft) and :mod:`referatkit.htmlreport`.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from referatkit import __version__, agenda, dates, queries, terms
from referatkit.agenda import AgendaItem
from referatkit.errors import NotFoundError, UsageError
from referatkit.ids import normalise_key
from referatkit.matters import NO_FORUM
from referatkit.model import STATUSES
from referatkit.store import Store, chunks

# Document types that are minutes: a meeting with one of these was held and recorded.
MINUTES_TYPES = ("referat", "dagsorden+referat")
# How many people the "absent most" list names.
TOP_ABSENT = 5
# A sentence that plans a meeting holds one of these words (and a date after the year's last
# meeting, up to the end of the next year).
PLANNED_MEETING_CUE = re.compile(
    r"\b(?:\w*møde\w*|mødeplan\w*|mødedato\w*|mødekalender\w*|møte\w*|möte\w*|meeting\w*)\b",
    re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ0-9])|\n+")

TEMPLATES = ("aarsrapport",)
# The decisions an annual report lists one by one: what was decided about a matter (not a
# standing item's "Godkendt." of the agenda).
KEY_STATUSES = ("approved", "rejected", "referred")


# ---------------------------------------------------------------------------------------------
# Result types


@dataclass(slots=True)
class Person:
    name: str
    organisation: str | None
    present: int  # meetings listed as present
    absent: int  # meetings listed as absent (afbud)


@dataclass(slots=True)
class Organisation:
    name: str
    meetings: int  # meetings at which someone from it was present
    people: int  # different people from it who were present


@dataclass(slots=True)
class Attendance:
    meetings_with_list: int  # meetings whose documents list participants
    people: list[Person] = field(default_factory=list)  # most present first
    organisations: list[Organisation] = field(default_factory=list)
    absent_most: list[Person] = field(default_factory=list)


@dataclass(slots=True)
class MeetingLine:
    date: str
    minutes: bool  # the archive holds its minutes (not only the agenda)
    items: int
    present: int
    absent: int


@dataclass(slots=True)
class OpenDecision:
    id: str
    meeting_date: str
    item_number: str | None
    item_title: str
    status: str
    text: str
    owner: str | None
    due: str | None
    age_days: int
    overdue: bool


@dataclass(slots=True)
class DecisionLine:
    meeting_date: str
    item_title: str
    status: str
    text: str


@dataclass(slots=True)
class MatterLine:
    id: str
    title: str
    first_date: str | None
    settled_on: str | None = None


@dataclass(slots=True)
class PlannedMeeting:
    date: str
    text: str  # the sentence that names it
    source_date: str | None  # the meeting whose documents name it
    held: bool  # the archive holds a meeting of the forum that day


@dataclass(slots=True)
class YearReport:
    year: int
    meetings: int
    meetings_with_minutes: int
    items: int
    decisions: int
    decisions_by_status: dict[str, int]
    open: int  # decisions of the year still open (as of the report's date)
    matters_opened: int
    matters_settled: int
    meeting_list: list[MeetingLine] = field(default_factory=list)
    attendance: Attendance = field(default_factory=lambda: Attendance(0))
    open_decisions: list[OpenDecision] = field(default_factory=list)
    key_decisions: list[DecisionLine] = field(default_factory=list)  # see KEY_STATUSES
    opened: list[MatterLine] = field(default_factory=list)
    settled: list[MatterLine] = field(default_factory=list)
    themes: list[terms.TermCount] = field(default_factory=list)
    compared_to: int | None = None  # the year rising/falling compare with
    rising: list[terms.TermMove] = field(default_factory=list)
    falling: list[terms.TermMove] = field(default_factory=list)
    planned_meetings: list[PlannedMeeting] = field(default_factory=list)
    closed_items_left_out: int = 0


@dataclass(slots=True)
class ForumReport:
    id: str
    name: str
    names: list[str]
    years: list[YearReport]


@dataclass(slots=True)
class Report:
    date_from: str
    date_to: str
    as_of: str
    include_closed: bool
    forums: list[ForumReport]
    referatkit: str = __version__

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# ---------------------------------------------------------------------------------------------
# Loading one forum


@dataclass(slots=True)
class _Forum:
    id: str
    name: str
    names: list[str]
    meetings: dict[str, str]  # meeting id → date (dated meetings only)
    minutes: set[str]  # meeting ids with minutes
    items: list[AgendaItem]  # every occurrence of the forum's dated meetings
    meeting_of: dict[str, str]  # occurrence id → meeting id
    states: dict[str, dict[str, Any]]  # decision id → decision_state row
    participants: dict[str, list[dict[str, Any]]]  # meeting id → people (one per name)
    doc_texts: dict[str, list[str]]  # meeting id → document-level section texts
    matters: dict[str, dict[str, Any]]


def _load(st: Store, forum: dict[str, Any]) -> _Forum:
    fid = forum["id"]
    meetings = {r["id"]: r["meeting_date"] for r in st.rows(
        "SELECT id, meeting_date FROM meetings WHERE forum_id = ? AND meeting_date IS NOT NULL",
        [fid])}
    docs = st.rows("SELECT md.meeting_id, doc.id, doc.doc_type, doc.path, doc.part "
                   "FROM meeting_documents md JOIN documents doc ON doc.id = md.document_id "
                   "WHERE md.forum_id = ?", [fid])
    minutes = {d["meeting_id"] for d in docs if d["doc_type"] in MINUTES_TYPES}
    occ = st.rows("SELECT id, meeting_id FROM occurrences WHERE forum_id = ? AND "
                  "meeting_date IS NOT NULL", [fid])
    items = agenda.occurrence_items(st, [r["id"] for r in occ])
    rank = {d["id"]: (agenda.DOC_TYPE_ORDER.get(d["doc_type"], 2), d["path"], d["part"])
            for d in docs}
    people: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for r in sorted(st.rows(
            "SELECT p.name, p.organisation, p.absent, p.document_id, p.ordinal, md.meeting_id "
            "FROM participants p JOIN meeting_documents md ON md.document_id = p.document_id "
            "WHERE md.forum_id = ?", [fid]), key=lambda r: (rank[r["document_id"]], r["ordinal"])):
        # The minutes' list first: the same person in the agenda's list is the same person.
        people[r["meeting_id"]].setdefault(normalise_key(r["name"]), r)
    doc_texts: dict[str, list[str]] = defaultdict(list)
    meeting_of_doc = {d["id"]: d["meeting_id"] for d in docs}
    for chunk in chunks(list(meeting_of_doc)):
        for r in st.rows(f"SELECT document_id, text FROM sections WHERE item_id IS NULL AND "
                         f"kind != 'participants' AND document_id IN "
                         f"({', '.join('?' for _ in chunk)}) ORDER BY document_id, ordinal",
                         chunk):
            doc_texts[meeting_of_doc[r["document_id"]]].append(r["text"] or "")
    return _Forum(
        id=fid, name=forum["name"], names=json.loads(forum["names"] or "[]"), meetings=meetings,
        minutes=minutes, items=list(items.values()),
        meeting_of={r["id"]: r["meeting_id"] for r in occ},
        states={r["id"]: r for r in st.rows("SELECT * FROM decision_state WHERE forum_id = ?",
                                            [fid])},
        participants={m: list(p.values()) for m, p in people.items()},
        doc_texts=doc_texts,
        matters={r["id"]: r for r in st.rows("SELECT * FROM matters WHERE forum_id = ?", [fid])})


# ---------------------------------------------------------------------------------------------
# One year


def _year_of(d: str | None) -> int | None:
    return int(d[:4]) if d else None


def _attendance(f: _Forum, meeting_ids: Sequence[str]) -> Attendance:
    listed = [m for m in meeting_ids if f.participants.get(m)]
    present: Counter[str] = Counter()
    absent: Counter[str] = Counter()
    names: dict[str, Counter[str]] = defaultdict(Counter)
    orgs: dict[str, Counter[str]] = defaultdict(Counter)
    org_meetings: dict[str, set[str]] = defaultdict(set)
    org_people: dict[str, set[str]] = defaultdict(set)
    for m in listed:
        for p in f.participants[m]:
            key = normalise_key(p["name"])
            names[key][p["name"]] += 1
            if p["organisation"]:
                orgs[key][p["organisation"]] += 1
            if p["absent"]:
                absent[key] += 1
                continue
            present[key] += 1
            if p["organisation"]:
                org_meetings[p["organisation"]].add(m)
                org_people[p["organisation"]].add(key)
    people = [Person(name=names[k].most_common(1)[0][0],
                     organisation=orgs[k].most_common(1)[0][0] if orgs[k] else None,
                     present=present[k], absent=absent[k]) for k in names]
    people.sort(key=lambda p: (-p.present, p.absent, p.name))
    absent_most = sorted((p for p in people if p.absent), key=lambda p: (-p.absent, p.name))
    organisations = sorted(
        (Organisation(o, len(ms), len(org_people[o])) for o, ms in org_meetings.items()),
        key=lambda o: (-o.meetings, -o.people, o.name))
    return Attendance(meetings_with_list=len(listed), people=people,
                      organisations=organisations, absent_most=absent_most[:TOP_ABSENT])


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text or "") if s and s.strip()]


def _planned(f: _Forum, year: int, meeting_ids: Sequence[str], items: Sequence[AgendaItem]
             ) -> list[PlannedMeeting]:
    held = set(f.meetings.values())
    last = max((f.meetings[m] for m in meeting_ids), default=f"{year}-01-01")
    if not meeting_ids:
        last = f"{year - 1}-12-31"
    limit = f"{year + 1}-12-31"
    texts: list[tuple[str | None, str]] = [(it.meeting_date, f"{it.title}\n{it.text}")
                                           for it in items]
    texts += [(f.meetings[m], t) for m in meeting_ids for t in f.doc_texts.get(m, [])]
    found: dict[str, PlannedMeeting] = {}
    for source, text in texts:
        default_year = _year_of(source) or year
        for sentence in _sentences(text):
            if not PLANNED_MEETING_CUE.search(sentence):
                continue
            for dm in dates.find_dates(sentence, default_year=default_year):
                d = dm.date.isoformat()
                if last < d <= limit and d not in found:
                    found[d] = PlannedMeeting(date=d, text=sentence, source_date=source,
                                              held=d in held)
    return [found[d] for d in sorted(found)]


def _year(f: _Forum, year: int, all_terms: dict[int, terms.YearTerms], as_of: date,
          include_closed: bool) -> YearReport:
    meeting_ids = sorted((m for m, d in f.meetings.items() if _year_of(d) == year),
                         key=lambda m: f.meetings[m])
    in_year = [it for it in f.items if _year_of(it.meeting_date) == year]
    kept = [it for it in in_year if include_closed or not it.closed]
    decisions: dict[str, tuple[AgendaItem, agenda.ItemDecision]] = {}
    for it in kept:
        for d in it.decisions:
            decisions.setdefault(d.id, (it, d))
    by_status = {s: 0 for s in STATUSES}
    for _it, d in decisions.values():
        by_status[d.status] = by_status.get(d.status, 0) + 1
    open_list = []
    for it, d in decisions.values():
        state = f.states.get(d.id)
        if not state or not state["open"]:
            continue
        overdue = False
        if d.due:
            try:
                overdue = date.fromisoformat(d.due) < as_of
            except ValueError:
                overdue = False
        open_list.append(OpenDecision(
            id=d.id, meeting_date=it.meeting_date or "", item_number=it.number,
            item_title=it.title, status=d.status, text=d.text, owner=d.owner, due=d.due,
            age_days=(as_of - date.fromisoformat(it.meeting_date or as_of.isoformat())).days,
            overdue=overdue))
    open_list.sort(key=lambda o: (o.meeting_date, o.item_number or "", o.id))
    key = [DecisionLine(meeting_date=it.meeting_date or "", item_title=it.title,
                        status=d.status, text=d.text)
           for it, d in decisions.values() if d.status in KEY_STATUSES and not it.standing]
    key.sort(key=lambda k: k.meeting_date)

    # Matters: opened this year (first seen, not a standing item), settled this year (an open
    # decision of it settled by a meeting this year).
    visible = [it for it in f.items if include_closed or not it.closed]
    first_seen: dict[str, str] = {}
    title_at: dict[tuple[str, str], str] = {}  # the matter's title as written at a meeting
    for it in visible:
        if it.matter_id and it.meeting_date and not it.standing:
            first_seen[it.matter_id] = min(first_seen.get(it.matter_id, it.meeting_date),
                                           it.meeting_date)
            title_at[(it.matter_id, it.meeting_date)] = it.title
    visible_matters = set(first_seen)
    opened = [MatterLine(id=m, title=title_at[(m, d)], first_date=d)
              for m, d in first_seen.items() if _year_of(d) == year]
    settled_on: dict[str, str] = {}
    for s in f.states.values():
        if s["closed_by"] == "matter" and _year_of(s["settled_on"]) == year \
                and s["matter_id"] in visible_matters:
            settled_on[s["matter_id"]] = max(settled_on.get(s["matter_id"], ""), s["settled_on"])
    settled = [MatterLine(id=m, title=title_at.get((m, d)) or f.matters[m]["title"],
                          first_date=first_seen.get(m), settled_on=d)
               for m, d in settled_on.items() if m in f.matters]
    opened.sort(key=lambda m: (m.first_date or "", m.title))
    settled.sort(key=lambda m: (m.settled_on or "", m.title))

    items_of: Counter[str] = Counter(f.meeting_of.get(it.key, "") for it in kept)
    attendance = _attendance(f, meeting_ids)
    meeting_list = []
    for m in meeting_ids:
        people = f.participants.get(m, [])
        meeting_list.append(MeetingLine(
            date=f.meetings[m], minutes=m in f.minutes, items=items_of[m],
            present=sum(1 for p in people if not p["absent"]),
            absent=sum(1 for p in people if p["absent"])))
    this = all_terms.get(year) or terms.YearTerms(0, {})
    others = [t for y, t in all_terms.items() if y != year]
    before = all_terms.get(year - 1)
    rising, falling = terms.moves(this, before)
    return YearReport(
        year=year, meetings=len(meeting_ids),
        meetings_with_minutes=sum(1 for m in meeting_ids if m in f.minutes), items=len(kept),
        decisions=len(decisions), decisions_by_status=by_status, open=len(open_list),
        matters_opened=len(opened), matters_settled=len(settled), meeting_list=meeting_list,
        attendance=attendance, open_decisions=open_list, key_decisions=key, opened=opened, settled=settled,
        themes=terms.themes(this, others), compared_to=year - 1 if before and before.units
        else None, rising=rising, falling=falling,
        planned_meetings=_planned(f, year, meeting_ids, kept),
        closed_items_left_out=len(in_year) - len(kept))


def _terms_by_year(f: _Forum, ignore: set[str], include_closed: bool
                   ) -> dict[int, terms.YearTerms]:
    units: dict[int, list[terms.Unit]] = defaultdict(list)
    for it in f.items:
        y = _year_of(it.meeting_date)
        if y is None or it.standing or (it.closed and not include_closed):
            continue
        units[y].append(terms.Unit(title=it.title, text=it.text))
    return {y: terms.count_terms(us, ignore) for y, us in units.items()}


# ---------------------------------------------------------------------------------------------
# The report


def _as_of(value: str | date | None) -> date:
    if value is None or value == "":
        return date.today()
    if isinstance(value, date):
        return value
    bound = queries.parse_date_bound(value, option="--as-of")
    assert bound is not None
    return date.fromisoformat(bound)


def period(year: int | None, date_from: str | None, date_to: str | None) -> tuple[int | None,
                                                                                   int | None]:
    """The years asked for: ``--year Y``, or ``--from``/``--to`` (YYYY or a date: its year)."""
    if year is not None and (date_from or date_to):
        raise UsageError("give --year, or --from/--to, not both")
    if year is not None:
        return year, year
    lo = queries.parse_date_bound(date_from, option="--from")
    hi = queries.parse_date_bound(date_to, end=True, option="--to")
    y0, y1 = _year_of(lo), _year_of(hi)
    if y0 is not None and y1 is not None and y0 > y1:
        raise UsageError(f"--from {date_from} is after --to {date_to}")
    return y0, y1


def _matching_forums(st: Store, forum: str | None) -> list[dict[str, Any]]:
    rows = st.rows("SELECT * FROM forums ORDER BY name")
    if not forum:
        return rows
    key = forum.casefold()
    out = [r for r in rows if any(key in n.casefold()
                                  for n in (r["name"], *json.loads(r["names"] or "[]")))]
    if not out:
        raise NotFoundError(f"no forum matching {forum!r} ('referatkit forums' lists them)")
    return out


def report(
    db: Store | str | os.PathLike[str],
    *,
    year: int | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    forum: str | None = None,
    include_closed: bool = False,
    as_of: str | date | None = None,
) -> Report:
    """Per forum (``forum``: those whose name contains it) and year of the period, the
    numbers of :class:`YearReport`. Without a period: every year the forum met."""
    y0, y1 = period(year, date_from, date_to)
    today = _as_of(as_of)
    out: list[ForumReport] = []
    with queries._opened(db) as st:
        if not queries.is_linked(st):
            raise UsageError("meetings and matters are not linked yet: run 'referatkit link' "
                             "(every ingest does it)")
        for row in _matching_forums(st, forum):
            f = _load(st, row)
            years = sorted({int(d[:4]) for d in f.meetings.values()})
            if not years:
                continue
            lo = y0 if y0 is not None else years[0]
            hi = y1 if y1 is not None else years[-1]
            if not any(lo <= y <= hi for y in years):
                continue
            everyone = {p["name"] for ps in f.participants.values() for p in ps}
            ignore = terms.body_words([f.name, *f.names]) | terms.name_words(everyone)
            all_terms = _terms_by_year(f, ignore, include_closed)
            # A forum's years run from its first meeting in the period to its last.
            span = [y for y in years if lo <= y <= hi]
            out.append(ForumReport(
                id=f.id, name=f.name, names=f.names,
                years=[_year(f, y, all_terms, today, include_closed)
                       for y in range(span[0], span[-1] + 1)]))
    out.sort(key=lambda fr: (fr.name == NO_FORUM, fr.name.casefold()))
    if not out:
        raise NotFoundError("no meetings in the archive" + (
            f" of a forum matching {forum!r}" if forum else "") + _period_text(y0, y1))
    return Report(date_from=f"{y0 if y0 is not None else min(y.year for fr in out for y in fr.years)}-01-01",
                  date_to=f"{y1 if y1 is not None else max(y.year for fr in out for y in fr.years)}-12-31",
                  as_of=today.isoformat(), include_closed=include_closed, forums=out)


def _period_text(y0: int | None, y1: int | None) -> str:
    if y0 is None and y1 is None:
        return ""
    if y0 == y1:
        return f" in {y0}"
    return f" in {y0 if y0 is not None else '…'}–{y1 if y1 is not None else '…'}"


def one_forum_year(rep: Report, template: str) -> tuple[ForumReport, YearReport]:
    """The one forum and year a template (the årsrapport) is written for."""
    if len(rep.forums) != 1:
        names = "; ".join(f.name for f in rep.forums[:5])
        raise UsageError(f"--template {template} is written for one forum; {len(rep.forums)} "
                         f"match ({names}): give more of the name with --forum")
    fr = rep.forums[0]
    if len(fr.years) != 1:
        raise UsageError(f"--template {template} is written for one year: give --year")
    return fr, fr.years[0]


def check_template(template: str | None) -> str | None:
    if template is None:
        return None
    t = template.strip().lower().replace("å", "aa")
    if t not in TEMPLATES:
        raise UsageError(f"unknown --template {template!r} (choose {', '.join(TEMPLATES)})")
    return t
