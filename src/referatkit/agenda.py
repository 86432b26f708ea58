"""Agenda items as the archive holds them, for comparing meetings and reporting on years.

An item is read either from one document (its rows in ``items``) or from one meeting: an
*occurrence* (:mod:`referatkit.matters`) merges the item over the meeting's documents — the
agenda and the minutes, the same minutes as PDF and DOCX — taking its title and text from the
minutes first and its decisions from every copy. Either way an item carries the matter it
belongs to, so that two meetings can be lined up by matter.

Read-only: plain SELECTs over a :class:`~referatkit.store.Store`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from referatkit.matters import DOC_TYPE_ORDER, standing_kind
from referatkit.store import Store, chunks

# Section kinds that are not the item's own text.
NOT_ITEM_TEXT = ("participants",)
# Section kinds whose content is the item's decisions (compared as decisions, not as text).
DECISION_KINDS = ("decision",)


@dataclass(slots=True)
class ItemDecision:
    id: str
    status: str
    text: str
    owner: str | None = None
    due: str | None = None
    open: bool | None = None  # None: the archive is not linked

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class AgendaItem:
    key: str  # the item id (one document) or the occurrence id (one meeting)
    position: tuple[int, int]  # order within its document or meeting
    number: str | None
    title: str
    closed: bool  # "Lukket punkt", "Fortroligt": kept out of reports unless asked for
    text: str  # the sections, "Label: text" per section
    background: str = ""  # the same without the decision sections
    decisions: list[ItemDecision] = field(default_factory=list)
    matter_id: str | None = None
    standing: str | None = None  # the kind of standing item ("dagsorden", "eventuelt", …)
    meeting_date: str | None = None
    case_numbers: list[str] = field(default_factory=list)


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


def section_text(sections: Sequence[dict[str, Any]], skip: Sequence[str] = ()) -> str:
    """An item's sections as one text: "Label: text", one section a line (sections of the
    kinds ``skip`` left out)."""
    out = []
    for s in sections:
        if s["kind"] in NOT_ITEM_TEXT or s["kind"] in skip or not (s["text"] or "").strip():
            continue
        out.append(f"{s['label']}: {s['text']}" if s["label"] else s["text"])
    return "\n".join(out)


def _sections(st: Store, item_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for chunk in chunks(list(item_ids)):
        for r in st.rows(f"SELECT item_id, label, kind, text FROM sections WHERE item_id IN "
                         f"({_marks(chunk)}) ORDER BY item_id, ordinal", chunk):
            out[r["item_id"]].append(r)
    return out


def _decisions(st: Store, item_ids: Sequence[str]) -> dict[str, list[ItemDecision]]:
    out: dict[str, list[ItemDecision]] = defaultdict(list)
    for chunk in chunks(list(item_ids)):
        for r in st.rows(
                f"SELECT d.item_id, d.id, d.status, d.text, d.owner, d.due, ds.open "
                f"FROM decisions d LEFT JOIN decision_state ds ON ds.id = d.id "
                f"WHERE d.kind = 'decision' AND d.item_id IN ({_marks(chunk)}) "
                f"ORDER BY d.item_id, d.ordinal", chunk):
            out[r["item_id"]].append(ItemDecision(
                id=r["id"], status=r["status"], text=r["text"] or "", owner=r["owner"],
                due=r["due"], open=None if r["open"] is None else bool(r["open"])))
    return out


def document_items(st: Store, document_id: str) -> list[AgendaItem]:
    """The items of one document, in order, each with its matter where the archive is
    linked."""
    rows = st.rows(
        "SELECT i.*, doc.meeting_date, o.matter_id FROM items i "
        "JOIN documents doc ON doc.id = i.document_id "
        "LEFT JOIN occurrence_items oi ON oi.item_id = i.id "
        "LEFT JOIN occurrences o ON o.id = oi.occurrence_id "
        "WHERE i.document_id = ? ORDER BY i.ordinal", [document_id])
    ids = [r["id"] for r in rows]
    sections, decisions = _sections(st, ids), _decisions(st, ids)
    return [AgendaItem(
        key=r["id"], position=(0, r["ordinal"]), number=r["number"], title=r["title"] or "",
        closed=bool(r["closed"]), text=section_text(sections.get(r["id"], [])),
        background=section_text(sections.get(r["id"], []), DECISION_KINDS),
        decisions=decisions.get(r["id"], []), matter_id=r["matter_id"],
        standing=standing_kind(r["title"]), meeting_date=r["meeting_date"],
        case_numbers=[r["case_number"]] if r["case_number"] else [],
    ) for r in rows]


def occurrence_items(st: Store, occurrence_ids: Sequence[str]) -> dict[str, AgendaItem]:
    """Occurrences as items, by occurrence id: the title and text of the minutes' copy (an
    agenda's where there are no minutes), the decisions of every copy, closed if any copy
    says so."""
    copies: dict[str, list[dict[str, Any]]] = defaultdict(list)
    heads: dict[str, dict[str, Any]] = {}
    for chunk in chunks(list(occurrence_ids)):
        for r in st.rows(
                f"SELECT o.id AS occurrence_id, o.matter_id, o.meeting_date, o.number AS "
                f"o_number, o.title AS o_title, o.case_numbers, m.standing, i.id AS item_id, "
                f"i.ordinal, i.number, i.title, i.closed, doc.doc_type, doc.path, doc.part "
                f"FROM occurrences o JOIN occurrence_items oi ON oi.occurrence_id = o.id "
                f"JOIN items i ON i.id = oi.item_id JOIN documents doc ON doc.id = oi.document_id "
                f"LEFT JOIN matters m ON m.id = o.matter_id "
                f"WHERE o.id IN ({_marks(chunk)})", chunk):
            copies[r["occurrence_id"]].append(r)
            heads.setdefault(r["occurrence_id"], r)
    item_ids = [c["item_id"] for cs in copies.values() for c in cs]
    sections, decisions = _sections(st, item_ids), _decisions(st, item_ids)
    out: dict[str, AgendaItem] = {}
    for oid, cs in copies.items():
        cs.sort(key=lambda c: (DOC_TYPE_ORDER.get(c["doc_type"], 2), c["path"], c["part"]))
        texts = [(section_text(sections.get(c["item_id"], [])),
                  section_text(sections.get(c["item_id"], []), DECISION_KINDS)) for c in cs]
        seen: set[str] = set()
        decs: list[ItemDecision] = []
        for c in cs:
            for d in decisions.get(c["item_id"], []):
                if d.id not in seen:
                    seen.add(d.id)
                    decs.append(d)
        head, first = heads[oid], cs[0]
        out[oid] = AgendaItem(
            key=oid, position=(DOC_TYPE_ORDER.get(first["doc_type"], 2), first["ordinal"]),
            number=head["o_number"], title=head["o_title"] or "",
            closed=any(c["closed"] for c in cs),
            text=next((t for t, _ in texts if t), ""),
            background=next((b for t, b in texts if t), ""),
            decisions=decs, matter_id=head["matter_id"],
            standing=head["standing"] or standing_kind(head["o_title"]),
            meeting_date=head["meeting_date"],
            case_numbers=json.loads(head["case_numbers"] or "[]"))
    return out


def meeting_items(st: Store, meeting_id: str) -> list[AgendaItem]:
    """The items of one meeting (its occurrences), in agenda order."""
    ids = [r["id"] for r in st.rows("SELECT id FROM occurrences WHERE meeting_id = ?",
                                    [meeting_id])]
    items = occurrence_items(st, ids)
    return sorted(items.values(), key=lambda it: (it.position, it.key))
