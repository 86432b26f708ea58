"""The data that flows through the pipeline.

readers → :class:`RawDocument` (a flat list of :class:`Block`)
normalise → :class:`RawDocument` (same shape, cleaned text)
segment → :class:`Document` (meeting, items, sections)
classify → :class:`Document` (plus decisions, actions, participants, attachments)
store ← :class:`Document`

Every stage takes and returns these dataclasses; nothing here knows about files or SQL.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Block kinds a reader may emit.
PARA = "para"  # a paragraph (DOCX, Markdown) or a line (PDF, TXT)
HEADING = "heading"  # a heading with heading_level set
LIST_ITEM = "list_item"  # a paragraph of a list; list_number/list_level set where known
TABLE_CELL = "table_cell"  # one cell of a table; table/row/col set
BLANK = "blank"  # an empty line kept where vertical space is a hint (TXT, PDF)

BLOCK_KINDS = (PARA, HEADING, LIST_ITEM, TABLE_CELL, BLANK)


@dataclass(slots=True)
class Block:
    """One piece of text with the layout hints its format gave.

    Readers fill what their format knows and leave the rest at the defaults.
    """

    text: str
    kind: str = PARA
    page: int | None = None  # 1-based page (PDF), None where the format has no pages
    bold: bool = False  # the whole visible text is bold
    heading_level: int | None = None  # 1 = top heading (Markdown #, Word Heading 1 / outline 0)
    list_number: str | None = None  # rebuilt list label as printed: "1.", "4.1", "a)", "•"
    list_level: int | None = None  # 0-based nesting level of a list item
    list_id: str | None = None  # identity of the list a LIST_ITEM belongs to (DOCX numId), where known
    table: int | None = None  # index of the table in the document (0-based)
    row: int | None = None  # row within the table (0-based)
    col: int | None = None  # column within the row (0-based)
    nested: int = 0  # depth of table nesting (a table inside a cell is 1)
    font_size: float | None = None  # dominant font size in points, where known
    x0: float | None = None  # left edge on the page in points (PDF), where known
    source: str = "body"  # body | header | footer

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, False, 0, "body")}


@dataclass(slots=True)
class RawDocument:
    """What a reader returns: the file's text as blocks, in reading order."""

    path: str
    format: str  # pdf | docx | txt | md
    blocks: list[Block] = field(default_factory=list)
    pages: int = 0  # pages for PDF; 0 where the format has none
    meta: dict[str, str] = field(default_factory=dict)  # title, author, created, modified, encoding
    warnings: list[str] = field(default_factory=list)

    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks if b.source == "body")


# Section kinds: the canonical meaning of a Danish section label (see vocab.SECTION_LABELS).
SECTION_KINDS = (
    "decision",  # Beslutning, Konklusion, Aftale
    "minutes",  # Referat, Uddybning, Drøftelse(r), Opfølgning
    "proposal",  # Indstilling, Beslutningspunkter, Forslag
    "background",  # Baggrund, Sagsfremstilling, Resumé, Beslutningstema, Høring, Økonomi
    "attachments",  # Bilag
    "prior_decision",  # Beslutning i Økonomiudvalget den ..., Forretningsudvalgets beslutning
    "participants",  # Deltagere, Til stede, Afbud (document level)
    "responsible",  # Ansvarlig, Frist, Tovholder: who does the item's task, and by when
    "body",  # text before any label
    "other",
)

# Document types (Document.doc_type).
DOC_TYPES = ("referat", "dagsorden", "dagsorden+referat", "notat", "aarsrapport", "other")

# Decision statuses (DESIGN.md "Decision vocabulary").
STATUSES = ("approved", "noted", "postponed", "rejected", "referred", "action", "none")
OPEN_STATUSES = ("postponed", "referred", "action")


@dataclass(slots=True)
class Section:
    label: str  # as written, without colon ("" for body text before any label)
    kind: str  # one of SECTION_KINDS
    text: str


@dataclass(slots=True)
class Action:
    text: str
    owner: str | None = None
    due: str | None = None  # YYYY-MM-DD where a date could be given
    due_text: str | None = None  # the wording ("på næste møde", "om ca. ½ år")
    approximate: bool = False


@dataclass(slots=True)
class Decision:
    text: str  # raw text as written (normalised whitespace)
    status: str  # one of STATUSES
    kind: str = "decision"  # decision | proposal | prior (an earlier body's dated decision)
    body: str | None = None  # deciding body where written ("Styregruppen")
    owner: str | None = None
    due: str | None = None
    refers_to_proposal: bool = False  # "Indstillingen godkendt"
    prior_date: str | None = None  # for kind == "prior": the earlier decision's date
    actions: list[Action] = field(default_factory=list)
    id: str = ""  # stable id, filled by ids.decision_id once the document is known


@dataclass(slots=True)
class Attachment:
    title: str


@dataclass(slots=True)
class Participant:
    name: str
    organisation: str | None = None
    role: str | None = None
    absent: bool = False


@dataclass(slots=True)
class Item:
    number: str | None  # normalised: "4B", "1", "715"; None for unnumbered items
    title: str
    closed: bool = False
    case_number: str | None = None  # sagsnr where written
    sections: list[Section] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    number_as_written: str | None = None  # "4B)", "Pkt. 3", "§1"

    def text(self) -> str:
        return "\n\n".join(s.text for s in self.sections if s.text)


@dataclass(slots=True)
class Document:
    """One meeting's document (or a memo/report), as recognised by segment + classify.

    A file holding several meetings gives several Documents with the same path and
    increasing ``part``.
    """

    path: str
    format: str
    sha256: str = ""
    part: int = 0
    doc_type: str = "other"  # referat | dagsorden | dagsorden+referat | notat | aarsrapport | other
    title: str | None = None
    forum: str | None = None
    meeting_date: str | None = None  # YYYY-MM-DD
    meeting_time: str | None = None  # "09:00–10:00" or "09:00"
    place: str | None = None
    language: str = "da"
    attendance_count: int | None = None  # "Der var mødt 44 personer"
    participants: list[Participant] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    # Document-level text outside the items: the preamble, participant lists, and the whole
    # body of documents without agenda items (a notat, an årsrapport without numbering).
    sections: list[Section] = field(default_factory=list)
    pages: int = 0
    warnings: list[str] = field(default_factory=list)

    def export(self) -> dict[str, Any]:
        """The JSON object of ``referatkit export`` (DESIGN.md "Interfaces")."""
        return {
            "path": self.path,
            "sha256": self.sha256,
            "format": self.format,
            "part": self.part,
            "doc_type": self.doc_type,
            "title": self.title,
            "forum": self.forum,
            "meeting_date": self.meeting_date,
            "meeting_time": self.meeting_time,
            "place": self.place,
            "attendance_count": self.attendance_count,
            "participants": [asdict(p) for p in self.participants],
            "sections": [asdict(s) for s in self.sections],
            "items": [
                {
                    "number": it.number,
                    "title": it.title,
                    "closed": it.closed,
                    "case_number": it.case_number,
                    "sections": [asdict(s) for s in it.sections],
                    "decisions": [_decision(d) for d in it.decisions if d.kind == "decision"],
                    "proposals": [_decision(d) for d in it.decisions if d.kind == "proposal"],
                    "prior_decisions": [
                        _decision(d) for d in it.decisions if d.kind == "prior"
                    ],
                    "attachments": [a.title for a in it.attachments],
                }
                for it in self.items
            ],
        }


def _decision(d: Decision) -> dict[str, Any]:
    return {
        "id": d.id,
        "text": d.text,
        "status": d.status,
        "body": d.body,
        "owner": d.owner,
        "due": d.due,
        "prior_date": d.prior_date,
        "refers_to_proposal": d.refers_to_proposal,
        "actions": [asdict(a) for a in d.actions],
    }
