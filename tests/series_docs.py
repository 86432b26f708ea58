"""A series of meetings of one forum over two years, written as real files in mixed formats
(TXT in two encodings, Markdown, DOCX, PDF) for the tests that follow matters across meetings.

The series is text, not hand-built Documents: it goes through the real pipeline, so the tests
also show that the grammar reads what the matching needs (forum, date, items, case numbers,
decisions with statuses).

What happens in it (the expected open decisions are at the end):

* M1 2020-03-10 (TXT, Windows-1252) — "Rammeaftale 2021-2022" postponed; "Rekruttering" an action
  for the secretariat; "Høring om specialundervisning" referred to KKR.
* M2 2020-06-12 (Markdown; the forum written "Styregruppen for Rammeaftalesamarbejdet i Region
  Sjælland") — "Rammeaftale 2021-2022 II" approved (settles M1's postponement); "Takstaftale"
  postponed; "Botilbud til borgere med autisme" an action with a due date that never comes back.
* M3 2020-10-02 (agenda as TXT, minutes as DOCX: one meeting) — "Rekruttering og fastholdelse af
  medarbejdere" noted (settles M1's action: the item came back renamed); "Takstaftale 2021"
  postponed again; "Rammeaftale 2021-2022 III" approved.
* M4 2021-01-22 (PDF) — "Takstaftale 2021" approved (settles both postponements); "Tilbagemelding
  på høring" noted, its background refers to "mødet den 10. marts 2020" (settles M1's referral);
  "Kvalitetsmodel for socialområdet" referred to K17 and never settled.
* M5 2021-05-07 (DOCX; "Styregruppen for Rammeaftaler Sjælland") — "Budget 2022" postponed; the
  recruitment matter (case 20/1234) gets a new action for Jette Hansen.
* M6 2021-11-19 (TXT, UTF-8) — "Budget 2022" approved; "Fastholdelse af personale", case
  20/1234, noted (settles M5's action through the case number); under "Eventuelt" an action for
  the secretariat, never taken up again.
* M7 2021-12-10 (Markdown agenda only) — "Kvalitetsmodel for socialområdet" is on the agenda:
  an agenda settles nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

FORUM = "Styregruppen for Rammeaftale Sjælland"


@dataclass
class Meeting:
    key: str  # file stem
    fmt: str  # txt | txt-cp1252 | md | docx | pdf
    forum: str
    date_line: str
    items: list[tuple[str, str, list[tuple[str, str]]]]  # (number, title, [(label, text)])
    kind: str = "Referat"  # Referat | Dagsorden
    folder: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    # lines between the date and the first item (a participant list), one paragraph each
    preamble: list[str] = field(default_factory=list)


def _items(*items: tuple[str, str, list[tuple[str, str]]]) -> list[tuple[str, str, list[tuple[str, str]]]]:
    return list(items)


DAGSORDEN = ("1", "Godkendelse af dagsorden", [("Beslutning", "Godkendt.")])
EVENTUELT = ("5", "Eventuelt", [("", "Intet.")])

SERIES: list[Meeting] = [
    Meeting("2020-03-10-referat", "txt-cp1252", FORUM, "Tirsdag den 10. marts 2020 kl. 13.00", _items(
        DAGSORDEN,
        ("2", "Rammeaftale 2021-2022", [
            ("Baggrund", "Udkast til rammeaftale for 2021-2022 er sendt ud."),
            ("Beslutning", "Punktet udsættes til næste møde."),
        ]),
        ("3", "Rekruttering", [
            ("Beslutning", "Sekretariatet undersøger mulighederne for fælles rekruttering og "
                           "vender tilbage."),
        ]),
        ("4", "Høring om specialundervisning", [
            ("Beslutning", "Sagen oversendes til KKR."),
        ]),
        EVENTUELT,
    ), folder="2020"),
    Meeting("2020-06-12-referat", "md", "Styregruppen for Rammeaftalesamarbejdet i Region Sjælland",
            "Fredag den 12. juni 2020", _items(
        ("1", "Godkendelse af dagsorden", [("Beslutning", "Dagsordenen blev godkendt.")]),
        ("2", "Rammeaftale 2021-2022 II", [
            ("Baggrund", "Punktet blev udsat på mødet den 10. marts."),
            ("Beslutning", "Rammeaftalen blev godkendt."),
        ]),
        ("3", "Takstaftale", [("Beslutning", "Udsat til næste møde.")]),
        ("4", "Botilbud til borgere med autisme", [
            ("Beslutning", "Sekretariatet udarbejder et notat om kapaciteten senest den "
                           "1. september 2020."),
        ]),
        EVENTUELT,
    ), folder="2020"),
    Meeting("2020-10-02-dagsorden", "txt", FORUM, "den 2. oktober 2020", _items(
        ("1", "Godkendelse af dagsorden", []),
        ("2", "Rekruttering og fastholdelse af medarbejdere", [
            ("Indstilling", "Det indstilles, at styregruppen tager orienteringen til efterretning."),
        ]),
        ("3", "Takstaftale 2021", []),
        ("4", "Rammeaftale 2021-2022 III", []),
        ("5", "Eventuelt", []),
    ), kind="Dagsorden", folder="2020"),
    Meeting("2020-10-02-referat", "docx", FORUM, "den 2. oktober 2020", _items(
        DAGSORDEN,
        ("2", "Rekruttering og fastholdelse af medarbejdere", [
            ("", "Sagsnr.: 20/1234"),
            ("Baggrund", "Sekretariatet har undersøgt mulighederne for fælles rekruttering."),
            ("Beslutning", "Styregruppen tog orienteringen til efterretning."),
        ]),
        ("3", "Takstaftale 2021", [("Beslutning", "Punktet udsættes igen.")]),
        ("4", "Rammeaftale 2021-2022 III", [
            ("Beslutning", "Styregruppen godkendte udmøntningsplanen."),
        ]),
        EVENTUELT,
    ), folder="2020"),
    Meeting("2021-01-22-referat", "pdf", FORUM, "Fredag den 22. januar 2021", _items(
        DAGSORDEN,
        ("2", "Takstaftale 2021", [("Beslutning", "Takstaftalen blev godkendt.")]),
        ("3", "Tilbagemelding på høring", [
            ("Baggrund", "Punktet blev oversendt til KKR på mødet den 10. marts 2020. KKR har "
                         "behandlet sagen."),
            ("Beslutning", "Taget til efterretning."),
        ]),
        ("4", "Kvalitetsmodel for socialområdet", [
            ("Beslutning", "Sagen oversendes til K17."),
        ]),
        EVENTUELT,
    ), folder="2021"),
    Meeting("2021-05-07-referat", "docx", "Styregruppen for Rammeaftaler Sjælland",
            "den 7. maj 2021", _items(
        DAGSORDEN,
        ("2", "Budget 2022", [("Beslutning", "Punktet udsættes.")]),
        ("3", "Rekruttering og fastholdelse af medarbejdere", [
            ("", "Sagsnr.: 20/1234"),
            ("Beslutning", "Jette Hansen følger op på fastholdelsesinitiativerne."),
        ]),
        ("4", "Meddelelser", [("", "Formanden orienterede om status på rammeaftalen.")]),
        EVENTUELT,
    ), folder="2021"),
    Meeting("2021-11-19-referat", "txt", FORUM, "den 19. november 2021", _items(
        ("1", "Godkendelse af dagsorden og referat", [("Beslutning", "Godkendt.")]),
        ("2", "Budget 2022", [("Beslutning", "Budgettet blev godkendt.")]),
        ("3", "Fastholdelse af personale", [
            ("", "Sagsnr.: 20/1234"),
            ("Beslutning", "Taget til efterretning."),
        ]),
        ("4", "Eventuelt", [("Beslutning", "Sekretariatet indkalder til temadag i foråret.")]),
    ), folder="2021"),
    Meeting("2021-12-10-dagsorden", "md", FORUM, "den 10. december 2021", _items(
        ("1", "Godkendelse af dagsorden", []),
        ("2", "Kvalitetsmodel for socialområdet", [
            ("Indstilling", "Det indstilles, at styregruppen drøfter modellen."),
        ]),
        ("3", "Eventuelt", []),
    ), kind="Dagsorden", folder="2021"),
]

# (meeting date, item title, decision text) of the decisions that stay open in the series.
EXPECTED_OPEN = [
    ("2020-06-12", "Botilbud til borgere med autisme",
     "Sekretariatet udarbejder et notat om kapaciteten senest den 1. september 2020."),
    ("2021-01-22", "Kvalitetsmodel for socialområdet", "Sagen oversendes til K17."),
    ("2021-11-19", "Eventuelt", "Sekretariatet indkalder til temadag i foråret."),
]


def meeting(key: str) -> Meeting:
    return next(m for m in SERIES if m.key == key)


def suffix(m: Meeting) -> str:
    return {"txt-cp1252": ".txt"}.get(m.fmt, "." + m.fmt)


def text_lines(m: Meeting) -> list[str]:
    lines = [m.kind, m.forum, m.date_line, ""]
    if m.preamble:
        lines += [*m.preamble, ""]
    for number, title, sections in m.items:
        lines.append(f"{number}. {title}")
        for label, text in sections:
            lines.append(f"{label}: {text}" if label else text)
        lines.append("")
    return lines


def write_meeting(m: Meeting, folder: Path) -> Path:
    """Write one meeting into ``folder`` (its ``m.folder`` below it) in its format."""
    target = folder / m.folder / (m.key + suffix(m))
    target.parent.mkdir(parents=True, exist_ok=True)
    if m.fmt in ("txt", "txt-cp1252"):
        encoding = "cp1252" if m.fmt == "txt-cp1252" else "utf-8"
        target.write_bytes(("\r\n".join(text_lines(m)) + "\r\n").encode(encoding))
    elif m.fmt == "md":
        target.write_text(_markdown(m), encoding="utf-8")
    elif m.fmt == "docx":
        _docx(m, target)
    elif m.fmt == "pdf":
        _pdf(m, target)
    else:  # pragma: no cover - a typo in the series
        raise ValueError(m.fmt)
    return target


def write_series(folder: Path, meetings: list[Meeting] | None = None) -> dict[str, Path]:
    return {m.key: write_meeting(m, folder) for m in (meetings or SERIES)}


def _markdown(m: Meeting) -> str:
    out = [f"# {m.kind}", "", m.forum, "", m.date_line, ""]
    if m.preamble:
        out += ["  \n".join(m.preamble), ""]  # hard line breaks: one paragraph, many lines
    for number, title, sections in m.items:
        out += [f"## {number}. {title}", ""]
        for label, text in sections:
            out += [f"**{label}:** {text}" if label else text, ""]
    return "\n".join(out)


def _docx(m: Meeting, target: Path) -> None:
    import docx  # python-docx

    d = docx.Document()
    d.add_heading(m.kind, level=0)
    d.add_paragraph(m.forum)
    d.add_paragraph(m.date_line)
    for line in m.preamble:
        d.add_paragraph(line)
    for number, title, sections in m.items:
        d.add_heading(f"{number}. {title}", level=2)
        for label, text in sections:
            p = d.add_paragraph()
            if label:
                p.add_run(f"{label}:").bold = True
                p.add_run(f" {text}")
            else:
                p.add_run(text)
    d.save(str(target))


def _pdf(m: Meeting, target: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(True, margin=60)
    pdf.add_page()
    pdf.set_font("helvetica", "B", 16)
    pdf.cell(0, 24, m.kind, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 11)
    for line in (m.forum, m.date_line, *m.preamble, ""):
        pdf.cell(0, 16, line, new_x="LMARGIN", new_y="NEXT")
    for number, title, sections in m.items:
        pdf.set_font("helvetica", "B", 12)
        pdf.cell(0, 20, f"{number}. {title}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("helvetica", "", 11)
        for label, text in sections:
            pdf.multi_cell(0, 15, f"{label}: {text}" if label else text, new_x="LMARGIN",
                           new_y="NEXT")
        pdf.cell(0, 10, "", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(target))
