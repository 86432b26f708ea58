"""What changed between two meetings, two documents, or the occurrences of one matter.

Two sides are lined up item by item: first by matter (the link :mod:`referatkit.matters`
made — a renamed item is still the same matter), then by standing kind ("Eventuelt" and
"Evt."), then, for what is left (documents of two forums, an archive not linked yet), by the
similarity of the titles. Then each pair is compared: title, text and decisions, as a
word-level diff (:func:`word_diff`); what has no partner was added or removed.

Read-only: everything here reads the store and returns dataclasses; :mod:`referatkit.render`
and :mod:`referatkit.mdreport` turn them into tables, Markdown and JSON.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from rapidfuzz import fuzz

from referatkit import agenda, queries
from referatkit.agenda import AgendaItem, ItemDecision
from referatkit.errors import NotFoundError, UsageError
from referatkit.ids import normalise_key
from referatkit.matters import title_core
from referatkit.store import Store

# Items not linked by matter pair up when their title cores are at least this similar
# (rapidfuzz token_set_ratio: "Rekruttering" and "Rekruttering og fastholdelse" score 100).
TITLE_PAIR_MIN = 75.0
# Two decisions of a pair of items are the same decision, changed, when their texts are at
# least this similar (rapidfuzz ratio); a single decision on each side pairs whatever it says.
DECISION_PAIR_MIN = 50.0
# Renderers keep this many unchanged words on each side of a change and cut the rest ("…").
CONTEXT_WORDS = 8

SAME, CHANGED, ADDED, REMOVED = "same", "changed", "added", "removed"
CHANGES = (SAME, CHANGED, ADDED, REMOVED)
EQUAL, DELETE, INSERT = "=", "-", "+"
ELLIPSIS = "…"

_TOKEN = re.compile(r"\n|[^\S\n]*\S+")


# ---------------------------------------------------------------------------------------------
# Word-level diff


@dataclass(slots=True)
class Segment:
    op: str  # "=" unchanged, "-" only in A, "+" only in B
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"op": self.op, "text": self.text}


def _tokens(text: str) -> list[str]:
    return [t.strip(" \t") or t for t in _TOKEN.findall(text or "")]


def _join(tokens: Sequence[str]) -> str:
    return " ".join(tokens).replace(" \n ", "\n").replace(" \n", "\n").replace("\n ", "\n")


def word_diff(a: str | None, b: str | None) -> list[Segment]:
    """``a`` → ``b`` word by word (line breaks kept): runs of unchanged, deleted and inserted
    words."""
    ta, tb = _tokens(a or ""), _tokens(b or "")
    out: list[Segment] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(Segment(EQUAL, _join(ta[i1:i2])))
            continue
        if i2 > i1:
            out.append(Segment(DELETE, _join(ta[i1:i2])))
        if j2 > j1:
            out.append(Segment(INSERT, _join(tb[j1:j2])))
    return out


def changed(segments: Sequence[Segment]) -> bool:
    return any(s.op != EQUAL for s in segments)


def collapse(segments: Sequence[Segment], context: int = CONTEXT_WORDS) -> list[Segment]:
    """The segments with long unchanged runs cut to ``context`` words around each change."""
    out: list[Segment] = []
    last = len(segments) - 1
    for i, s in enumerate(segments):
        words = s.text.split(" ")
        if s.op != EQUAL or len(words) <= 2 * context + 1:
            out.append(s)
            continue
        head = words[:context] if i > 0 else []
        tail = words[-context:] if i < last else []
        out.append(Segment(EQUAL, " ".join([*head, ELLIPSIS, *tail])))
    return out


def pieces(segments: Sequence[Segment]) -> Iterator[tuple[str, str, str]]:
    """(separator, op, text) for writing segments one after another: a space between two
    segments unless one of them breaks the line there."""
    prev = ""
    for s in segments:
        if not s.text:
            continue
        sep = " " if prev and not prev.endswith("\n") and not s.text.startswith("\n") else ""
        yield sep, s.op, s.text
        prev = s.text


def plain(segments: Sequence[Segment], *, deleted: tuple[str, str] = ("[-", "-]"),
          inserted: tuple[str, str] = ("{+", "+}")) -> str:
    """Segments as one line of text, deletions and insertions marked (git's word-diff marks
    by default)."""
    marks = {DELETE: deleted, INSERT: inserted, EQUAL: ("", "")}
    return "".join(f"{sep}{marks[op][0]}{text}{marks[op][1]}" for sep, op, text in pieces(segments))


# ---------------------------------------------------------------------------------------------
# Results


@dataclass(slots=True)
class SideInfo:
    kind: str  # document | meeting
    label: str
    forum: str | None
    meeting_date: str | None
    documents: list[dict[str, Any]] = field(default_factory=list)  # [{id, doc_type, format, path}]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class ItemRef:
    number: str | None
    title: str
    closed: bool
    meeting_date: str | None = None


@dataclass(slots=True)
class DecisionDiff:
    change: str  # same | changed | added | removed
    a: ItemDecision | None
    b: ItemDecision | None
    words: list[Segment] = field(default_factory=list)

    @property
    def status_changed(self) -> bool:
        return bool(self.a and self.b and self.a.status != self.b.status)

    def to_dict(self) -> dict[str, Any]:
        return {"change": self.change, "a": self.a.to_dict() if self.a else None,
                "b": self.b.to_dict() if self.b else None,
                "words": [w.to_dict() for w in self.words]}


@dataclass(slots=True)
class ItemDiff:
    change: str  # same | changed | added | removed
    how: str | None  # how the pair was found: matter | standing | title (None: no pair)
    score: float | None
    matter_id: str | None
    a: ItemRef | None
    b: ItemRef | None
    title: list[Segment] = field(default_factory=list)
    text: list[Segment] = field(default_factory=list)
    decisions: list[DecisionDiff] = field(default_factory=list)
    hidden: bool = False  # a closed item: its text and decisions are left out

    @property
    def label(self) -> str:
        ref = self.b or self.a
        assert ref is not None
        return " ".join(x for x in (ref.number, ref.title) if x)

    def to_dict(self) -> dict[str, Any]:
        return {
            "change": self.change, "how": self.how, "score": self.score,
            "matter_id": self.matter_id,
            "a": asdict(self.a) if self.a else None, "b": asdict(self.b) if self.b else None,
            "title": [s.to_dict() for s in self.title], "text": [s.to_dict() for s in self.text],
            "decisions": [d.to_dict() for d in self.decisions], "hidden": self.hidden,
        }


@dataclass(slots=True)
class MeetingDiff:
    a: SideInfo
    b: SideInfo
    items: list[ItemDiff]

    @property
    def counts(self) -> dict[str, int]:
        return {c: sum(1 for i in self.items if i.change == c) for c in CHANGES}

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "meetings", "a": self.a.to_dict(), "b": self.b.to_dict(),
                "counts": self.counts, "items": [i.to_dict() for i in self.items]}


@dataclass(slots=True)
class MatterStep:
    a: ItemRef
    b: ItemRef
    item: ItemDiff

    def to_dict(self) -> dict[str, Any]:
        return {"a": asdict(self.a), "b": asdict(self.b), "item": self.item.to_dict()}


@dataclass(slots=True)
class MatterDiff:
    id: str
    title: str  # as written at its latest occurrence
    forum: str
    standing: str | None
    occurrences: list[ItemRef]  # in the period asked for, in date order
    steps: list[MatterStep]  # one per two consecutive occurrences
    others: list[dict[str, Any]] = field(default_factory=list)  # other matching matters

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "matter", "id": self.id, "title": self.title, "forum": self.forum,
                "standing": self.standing,
                "occurrences": [asdict(o) for o in self.occurrences],
                "steps": [s.to_dict() for s in self.steps], "others": self.others}


# ---------------------------------------------------------------------------------------------
# Comparing items


def _ref(it: AgendaItem) -> ItemRef:
    return ItemRef(number=it.number, title=it.title, closed=it.closed,
                   meeting_date=it.meeting_date)


def _pair_decisions(a: Sequence[ItemDecision], b: Sequence[ItemDecision]) -> list[DecisionDiff]:
    pairs: list[tuple[int | None, int | None]] = []
    free_a, free_b = list(range(len(a))), list(range(len(b)))
    for i in list(free_a):  # the same text first
        j = next((j for j in free_b if normalise_key(b[j].text) == normalise_key(a[i].text)), None)
        if j is not None:
            pairs.append((i, j))
            free_a.remove(i)
            free_b.remove(j)
    scored = sorted(((fuzz.ratio(normalise_key(a[i].text), normalise_key(b[j].text)), i, j)
                     for i in free_a for j in free_b), reverse=True)
    for s, i, j in scored:
        if s >= DECISION_PAIR_MIN and i in free_a and j in free_b:
            pairs.append((i, j))
            free_a.remove(i)
            free_b.remove(j)
    if len(free_a) == 1 and len(free_b) == 1:  # the item's one decision, reworded
        pairs.append((free_a.pop(), free_b.pop()))
    pairs += [(i, None) for i in free_a] + [(None, j) for j in free_b]
    out = []
    for i, j in sorted(pairs, key=lambda p: (p[1] if p[1] is not None else len(b) + (p[0] or 0),
                                             p[0] if p[0] is not None else -1)):
        da, db = (a[i] if i is not None else None), (b[j] if j is not None else None)
        words = word_diff(da.text if da else "", db.text if db else "")
        if da and db:
            change = SAME if not changed(words) and da.status == db.status else CHANGED
        else:
            change = REMOVED if da else ADDED
        out.append(DecisionDiff(change, da, db, words))
    return out


def compare_items(a: AgendaItem | None, b: AgendaItem | None, *, how: str | None = None,
                  score: float | None = None, include_closed: bool = False) -> ItemDiff:
    """One item against its partner (either may be missing: added or removed)."""
    hidden = not include_closed and any(x is not None and x.closed for x in (a, b))

    def text(x: AgendaItem | None) -> str:
        # The decisions are compared one by one below, so the text is the rest.
        return "" if x is None or hidden else x.background

    def decs(x: AgendaItem | None) -> list[ItemDecision]:
        return [] if x is None or hidden else x.decisions

    title = word_diff(a.title if a else "", b.title if b else "")
    body = word_diff(text(a), text(b))
    decisions = _pair_decisions(decs(a), decs(b))
    if a is None or b is None:
        change = ADDED if a is None else REMOVED
    elif changed(title) or changed(body) or any(d.change != SAME for d in decisions):
        change = CHANGED
    else:
        change = SAME
    matter = (b.matter_id if b else None) or (a.matter_id if a else None)
    return ItemDiff(change=change, how=how, score=score, matter_id=matter,
                    a=_ref(a) if a else None, b=_ref(b) if b else None, title=title, text=body,
                    decisions=decisions, hidden=hidden)


def align(a: Sequence[AgendaItem], b: Sequence[AgendaItem]
          ) -> list[tuple[int | None, int | None, str | None, float | None]]:
    """Pairs (index in a, index in b, how, score), in B's order with A's leftovers after
    the item they followed in A."""
    pairs: dict[int, tuple[int, str, float | None]] = {}  # b index → (a index, how, score)
    used_a: set[int] = set()

    def take(i: int, j: int, how: str, score: float | None) -> None:
        pairs[j] = (i, how, score)
        used_a.add(i)

    for j, y in enumerate(b):
        if not y.matter_id:
            continue
        i = next((i for i, x in enumerate(a) if i not in used_a and x.matter_id == y.matter_id),
                 None)
        if i is not None:
            take(i, j, "matter", None)
    for j, y in enumerate(b):
        if j in pairs or not y.standing:
            continue
        i = next((i for i, x in enumerate(a) if i not in used_a and x.standing == y.standing),
                 None)
        if i is not None:
            take(i, j, "standing", None)
    scored = []
    for j, y in enumerate(b):
        if j in pairs or y.standing:
            continue
        for i, x in enumerate(a):
            if i in used_a or x.standing:
                continue
            s = fuzz.token_set_ratio(title_core(x.title), title_core(y.title))
            if s >= TITLE_PAIR_MIN:
                scored.append((s, -abs(i - j), i, j))
    for s, _near, i, j in sorted(scored, reverse=True):
        if i not in used_a and j not in pairs:
            take(i, j, "title", round(s, 1))
    out: list[tuple[float, int | None, int | None, str | None, float | None]] = []
    for j in range(len(b)):
        i, how, score = pairs.get(j, (None, None, None))
        out.append((float(j), i, j, how, score))
    # A's leftovers go after the B item that the A item before them was paired with.
    b_of_a = {i: j for j, (i, _h, _s) in pairs.items()}
    anchor = -1.0
    for i in range(len(a)):
        if i in b_of_a:
            anchor = float(b_of_a[i])
        else:
            anchor += 1e-3
            out.append((anchor, i, None, None, None))
    out.sort(key=lambda p: p[0])
    return [(i, j, how, score) for _k, i, j, how, score in out]


def compare(a: Sequence[AgendaItem], b: Sequence[AgendaItem], *, include_closed: bool = False
            ) -> list[ItemDiff]:
    return [compare_items(a[i] if i is not None else None, b[j] if j is not None else None,
                          how=how, score=score, include_closed=include_closed)
            for i, j, how, score in align(a, b)]


# ---------------------------------------------------------------------------------------------
# Sides: a document or a meeting


@dataclass(slots=True)
class _Side:
    info: SideInfo
    items: list[AgendaItem]


def _documents(st: Store, doc_ids: Sequence[str]) -> list[dict[str, Any]]:
    if not doc_ids:
        return []
    rows = st.rows(f"SELECT id, doc_type, format, path FROM documents WHERE id IN "
                   f"({', '.join('?' for _ in doc_ids)})", list(doc_ids))
    by = {r["id"]: r for r in rows}
    return [by[d] for d in doc_ids if d in by]


def _document_side(st: Store, ref: str) -> _Side:
    doc_id = queries.resolve(st, ref)
    d = st.rows("SELECT doc.*, f.name AS forum_name FROM documents doc LEFT JOIN "
                "meeting_documents md ON md.document_id = doc.id LEFT JOIN forums f "
                "ON f.id = md.forum_id WHERE doc.id = ?", [doc_id])[0]
    forum = d["forum_name"] or d["forum"]
    label = " · ".join(x for x in (d["meeting_date"] or "undated", forum,
                                   f"{d['doc_type']} {os.path.basename(d['path'])}") if x)
    info = SideInfo("document", label, forum, d["meeting_date"], _documents(st, [doc_id]))
    return _Side(info, agenda.document_items(st, doc_id))


def find_meetings(st: Store, forum: str | None, when: str) -> list[dict[str, Any]]:
    """Meetings of forums whose name contains ``forum`` (any forum when None) on the date
    ``when`` (or in the month or year it names)."""
    lo = queries.parse_date_bound(when, option="--date")
    hi = queries.parse_date_bound(when, end=True, option="--date")
    rows = st.rows("SELECT m.id, m.forum_id, m.meeting_date, f.name, f.names FROM meetings m "
                   "JOIN forums f ON f.id = m.forum_id WHERE m.meeting_date BETWEEN ? AND ? "
                   "ORDER BY m.meeting_date, f.name", [lo, hi])
    if forum:
        key = forum.casefold()
        rows = [r for r in rows if any(key in n.casefold() for n in
                                       (r["name"], *json.loads(r["names"] or "[]")))]
    return rows


def _meeting_side(st: Store, forum: str | None, when: str) -> _Side:
    found = find_meetings(st, forum, when)
    where = f" of a forum matching {forum!r}" if forum else ""
    if not found:
        raise NotFoundError(f"no meeting{where} on {when} ('referatkit meetings' lists them)")
    if len(found) > 1:
        shown = "; ".join(f"{r['meeting_date']} {r['name']}" for r in found[:6])
        hint = "give the full date" if len({r["meeting_date"] for r in found}) > 1 else \
            "add --forum"
        raise UsageError(f"{len(found)} meetings{where} on {when} ({shown}{'; …' if len(found) > 6 else ''}): {hint}")
    m = found[0]
    doc_ids = [r["document_id"] for r in st.rows(
        "SELECT md.document_id FROM meeting_documents md JOIN documents doc "
        "ON doc.id = md.document_id WHERE md.meeting_id = ? ORDER BY doc.path, doc.part",
        [m["id"]])]
    docs = _documents(st, doc_ids)
    docs.sort(key=lambda d: (agenda.DOC_TYPE_ORDER.get(d["doc_type"], 2), d["path"]))
    kinds = ", ".join(dict.fromkeys(d["doc_type"] for d in docs))
    info = SideInfo("meeting", f"{m['meeting_date']} · {m['name']} ({kinds})", m["name"],
                    m["meeting_date"], docs)
    return _Side(info, agenda.meeting_items(st, m["id"]))


def _check_linked(st: Store) -> None:
    if not queries.is_linked(st):
        raise UsageError("meetings and matters are not linked yet: run 'referatkit link' "
                         "(every ingest does it)")


def diff_meetings(
    db: Store | str | os.PathLike[str],
    refs: Sequence[str] = (),
    *,
    forums: Sequence[str] = (),
    dates: Sequence[str] = (),
    include_closed: bool = False,
) -> MeetingDiff:
    """Two sides, each a document (``refs``: id, path or number) or a meeting (``dates``,
    each of the forum ``forums`` names: one forum for both dates, or one per date; a date
    alone when one forum met that day). Documents come first, then meetings, A before B."""
    refs, forums, dates = list(refs), list(forums), list(dates)
    if len(refs) + len(dates) != 2:
        raise UsageError("diff compares two sides: give two documents (A B), two meetings "
                         "(--forum F --date D1 --date D2), or one of each")
    if len(forums) > max(len(dates), 1) or (len(forums) == 2 and len(dates) != 2):
        raise UsageError("give one --forum for every --date, or one --forum for all of them")
    if forums and not dates:
        raise UsageError("--forum picks meetings: give --date too (or two documents alone)")
    with queries._opened(db) as st:
        _check_linked(st)
        sides = [_document_side(st, r) for r in refs]
        for k, when in enumerate(dates):
            forum = forums[k] if len(forums) == len(dates) else (forums[0] if forums else None)
            sides.append(_meeting_side(st, forum, when))
    a, b = sides
    return MeetingDiff(a.info, b.info, compare(a.items, b.items, include_closed=include_closed))


def diff_matter(
    db: Store | str | os.PathLike[str],
    query: str,
    *,
    forum: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    include_closed: bool = False,
) -> MatterDiff:
    """How one recurring matter changed from each of its occurrences to the next, in the
    period asked for. Of the matters matching ``query`` the best match with the most
    occurrences in the period is taken."""
    lo = queries.parse_date_bound(date_from, option="--from")
    hi = queries.parse_date_bound(date_to, end=True, option="--to")

    def in_period(d: str | None) -> bool:
        return not (lo or hi) or bool(d and (not lo or d >= lo) and (not hi or d <= hi))

    with queries._opened(db) as st:
        found = queries.history(st, query, forum=forum, all_matters=True)
        counted = [(sum(1 for o in m.occurrences if in_period(o.meeting_date)), i, m)
                   for i, m in enumerate(found)]
        # The best match that came up in the period; between equals, the most occurrences.
        seen = [c for c in counted if c[0]]
        if not seen:
            raise NotFoundError(f"the matter {found[0].title!r} did not come up "
                                f"{_period(date_from, date_to)}")
        hist = max(seen, key=lambda c: (c[2].score, c[0], -c[1]))[2]
        occs = [r for r in st.rows("SELECT id, meeting_date FROM occurrences WHERE matter_id = ? "
                                   "ORDER BY ordinal", [hist.id]) if in_period(r["meeting_date"])]
        items = agenda.occurrence_items(st, [r["id"] for r in occs])
    seq = [items[r["id"]] for r in occs if r["id"] in items]
    steps = [MatterStep(_ref(x), _ref(y), compare_items(x, y, how="matter",
                                                         include_closed=include_closed))
             for x, y in zip(seq, seq[1:], strict=False)]
    others = [{"id": m.id, "title": m.title, "forum": m.forum, "first_date": m.first_date,
               "last_date": m.last_date, "score": m.score} for m in found if m.id != hist.id]
    return MatterDiff(id=hist.id, title=hist.title, forum=hist.forum, standing=hist.standing,
                      occurrences=[_ref(x) for x in seq], steps=steps, others=others)


def _period(date_from: str | None, date_to: str | None) -> str:
    if date_from and date_to:
        return f"between {date_from} and {date_to}"
    if date_from:
        return f"from {date_from} on"
    return f"until {date_to}" if date_to else "at any meeting"
