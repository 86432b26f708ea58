"""Hand-built Documents and a stand-in parser for the archive-side tests (store, ingest,
queries, CLI). They do not depend on the readers or the grammar, which are written in parallel.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from referatkit.errors import ReadError
from referatkit.model import (
    Action,
    Attachment,
    Decision,
    Document,
    Item,
    Participant,
    Section,
)

FORUM = "Styregruppen for Rammeaftale Sjælland"


def sample_document(
    path: str = "/arkiv/2021/referat-26-marts.txt",
    sha256: str = "a" * 64,
    *,
    forum: str | None = FORUM,
    meeting_date: str | None = "2021-03-26",
    fmt: str = "txt",
    budget_decision: str = "Udsat til næste møde.",
) -> Document:
    """A referat with every kind of thing the store keeps."""
    return Document(
        path=path,
        format=fmt,
        sha256=sha256,
        doc_type="referat",
        title="Referat af styregruppemøde",
        forum=forum,
        meeting_date=meeting_date,
        meeting_time="09:00–10:00",
        place="Ringsted",
        attendance_count=12,
        pages=3,
        participants=[
            Participant("Jette Hansen", "Solrød Kommune", "formand"),
            Participant("Ole Ørsted", "Region Sjælland", absent=True),
        ],
        sections=[Section("", "body", "Mødet blev holdt på rådhuset.")],
        items=[
            Item(
                "1",
                "Velkommen og godkendelse af dagsorden",
                number_as_written="1.",
                sections=[Section("Referat", "minutes", "Formanden bød velkommen.")],
                decisions=[Decision("Dagsordenen blev godkendt.", "approved")],
            ),
            Item(
                "2",
                "Økonomi for F-ACT teamet 2021",
                case_number="21/1234",
                sections=[
                    Section("Baggrund", "background", "Budgettet for F-ACT teamet er presset."),
                    Section("Indstilling", "proposal", "Det indstilles, at budgettet godkendes."),
                    Section("Beslutning", "decision", budget_decision),
                ],
                decisions=[
                    Decision("Det indstilles, at budgettet godkendes.", "approved", kind="proposal"),
                    Decision(
                        budget_decision,
                        "postponed",
                        body="Styregruppen",
                        owner="Sekretariatet",
                        due="2021-05-28",
                        actions=[Action("Sekretariatet undersøger økonomien", owner="Sekretariatet",
                                        due="2021-05-28", due_text="til næste møde")],
                    ),
                ],
                attachments=[Attachment("Budgetnotat 2021.pdf")],
            ),
            Item(
                "4B",
                "Søer og åer i Region Sjælland",
                number_as_written="4B)",
                sections=[Section("Referat", "minutes",
                                  "Drøftelse af søer og åer. Borger med CPR 010203-1234 nævnt.")],
                decisions=[Decision("Godkendt.", "approved"), Decision("Godkendt.", "approved")],
            ),
            Item("5", "Lukket punkt: personalesag", closed=True,
                 decisions=[Decision("Sagen oversendes til KKR.", "referred", owner="KKR")]),
            Item(None, "Eventuelt", decisions=[Decision("Intet.", "none")]),
        ],
        warnings=["a warning kept with the document"],
    )


def notat_document(path: str = "/arkiv/notat.txt", sha256: str = "b" * 64) -> Document:
    """A memo: no meeting date, no items, document-level sections only."""
    return Document(
        path=path,
        format="txt",
        sha256=sha256,
        doc_type="notat",
        title="Notat om psykiatri-initiativer",
        forum="Social- og psykiatriudvalget",
        sections=[Section("Resumé", "background", "Anbefaling 6: flere sengepladser i psykiatrien.")],
    )


def other_meeting_document() -> Document:
    """A second forum's referat, a year earlier, that also mentions F-ACT."""
    return Document(
        path="/arkiv/2020/netvaerk.txt", format="txt", sha256="d" * 64, doc_type="referat",
        title="Referat netværksmøde", forum="Netværket for Voksne Sindslidende",
        meeting_date="2020-05-15",
        items=[Item("1", "Rammeaftale og F-ACT", decisions=[
            Decision("Netværket undersøger F-ACT modellen.", "action", owner="Jette Hansen"),
        ])],
    )


def store_documents(store: Any, *docs: Document) -> None:
    """Store ``docs`` as files of one run (each file holding one document)."""
    from referatkit.store import FileRecord

    run = store.start_run(["test"])
    for doc in docs:
        store.store_file(FileRecord(doc.path, 1, 1, doc.sha256), [doc], run)


# --- a stand-in for pipeline.parse_file ------------------------------------------------------
#
# Test files hold JSON describing the documents (or plain text, giving one bare document whose
# title is the first line). The marker "FAIL-READ" raises ReadError, "FAIL-CRASH" a ValueError.


def write_doc_file(path: Path, spec: dict[str, Any] | list[dict[str, Any]] | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(spec if isinstance(spec, str) else json.dumps(spec, ensure_ascii=False),
                    encoding="utf-8")
    return path


def fake_parse_file(path: str | Path, *, keep_cpr: bool = False, **_: object) -> list[Document]:
    p = Path(path)
    text = p.read_text(encoding="utf-8")
    if "FAIL-READ" in text:
        raise ReadError("no text layer (scanned PDF?)")
    if "FAIL-CRASH" in text:
        raise ValueError("boom\nsecond line")
    fmt = p.suffix.lower().lstrip(".")
    try:
        spec = json.loads(text)
    except ValueError:
        first = text.strip().splitlines()[0] if text.strip() else None
        return [Document(path=str(p), format=fmt, title=first)]
    specs = spec if isinstance(spec, list) else [spec]
    return [_from_spec(str(p), fmt, s) for s in specs]


def _from_spec(path: str, fmt: str, s: dict[str, Any]) -> Document:
    return Document(
        path=path,
        format=fmt,
        doc_type=s.get("doc_type", "referat"),
        title=s.get("title"),
        forum=s.get("forum"),
        meeting_date=s.get("meeting_date"),
        items=[
            Item(
                it.get("number"),
                it["title"],
                sections=[Section(*sec) for sec in it.get("sections", [])],
                decisions=[Decision(d[0], d[1], owner=d[2] if len(d) > 2 else None)
                           for d in it.get("decisions", [])],
            )
            for it in s.get("items", [])
        ],
    )


def meeting_spec(title: str, date: str, *items: tuple[str, str, str, str],
                 forum: str = FORUM) -> dict[str, Any]:
    """items: (number, title, section text, decision status) — the decision text is the
    section text."""
    return {
        "title": title,
        "forum": forum,
        "meeting_date": date,
        "items": [
            {"number": n, "title": t, "sections": [["Beslutning", "decision", txt]],
             "decisions": [[txt, status]]}
            for n, t, txt, status in items
        ],
    }
