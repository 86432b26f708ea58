"""DOCX reader: body order, Word numbering rebuilt, headings, bold, tables, furniture."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Pt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from referatkit.errors import ReadError
from referatkit.model import BLANK, HEADING, LIST_ITEM, PARA, TABLE_CELL, RawDocument
from referatkit.readers import docx as docx_reader
from referatkit.readers import read
from referatkit.readers.docx import read_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""
PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="word/document.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
</Relationships>"""
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def build_docx(
    path: Path,
    body: str,
    *,
    styles: str = "",
    numbering: str = "",
    header: str | None = None,
    footer: str | None = None,
) -> Path:
    """A minimal .docx from WordprocessingML snippets (for what python-docx cannot make)."""
    rels = [f'<Relationship Id="rStyles" Type="{REL}styles" Target="styles.xml"/>']
    sect = ""
    parts = {
        "word/styles.xml": f'<w:styles xmlns:w="{W}">{styles}</w:styles>',
    }
    if numbering:
        rels.append(f'<Relationship Id="rNum" Type="{REL}numbering" Target="numbering.xml"/>')
        parts["word/numbering.xml"] = f'<w:numbering xmlns:w="{W}">{numbering}</w:numbering>'
    if header is not None:
        rels.append(f'<Relationship Id="rH1" Type="{REL}header" Target="header1.xml"/>')
        parts["word/header1.xml"] = f'<w:hdr xmlns:w="{W}">{header}</w:hdr>'
        sect += '<w:headerReference w:type="default" r:id="rH1"/>'
    if footer is not None:
        rels.append(f'<Relationship Id="rF1" Type="{REL}footer" Target="footer1.xml"/>')
        parts["word/footer1.xml"] = f'<w:ftr xmlns:w="{W}">{footer}</w:ftr>'
        sect += '<w:footerReference w:type="default" r:id="rF1"/>'
    parts["word/document.xml"] = (
        f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}'
        f"<w:sectPr>{sect}</w:sectPr></w:body></w:document>"
    )
    parts["word/_rels/document.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(rels)
        + "</Relationships>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", PACKAGE_RELS)
        for name, xml in parts.items():
            zf.writestr(name, xml)
    return path


def p(
    text: str, *, num: tuple[int, int] | None = None, style: str | None = None, extra: str = ""
) -> str:
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    ppr += extra
    return f'<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def abstract(aid: int, *levels: str) -> str:
    return f'<w:abstractNum w:abstractNumId="{aid}">{"".join(levels)}</w:abstractNum>'


def num(nid: int, aid: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{overrides}</w:num>'


def labels(raw: RawDocument) -> list[tuple[str, str | None]]:
    return [(b.text, b.list_number) for b in raw.blocks if b.source == "body" and b.kind != BLANK]


# --- numbering --------------------------------------------------------------------------

MULTILEVEL = abstract(
    0,
    lvl(0, "decimal", "%1."),
    lvl(1, "lowerLetter", "%2)"),
    lvl(2, "lowerRoman", "%3."),
)


def test_numbering_levels_restart_and_formats(tmp_path: Path) -> None:
    body = "".join(
        [
            p("Godkendelse", num=(1, 0)),
            p("Under a", num=(1, 1)),
            p("Under b", num=(1, 1)),
            p("Dybt i", num=(1, 2)),
            p("Dybt ii", num=(1, 2)),
            p("Økonomi", num=(1, 0)),
            p("Igen a", num=(1, 1)),  # the deeper level restarts after a higher one
            p("Tekst uden nummer"),
            p("Eventuelt", num=(1, 0)),
        ]
    )
    raw = read_docx(build_docx(tmp_path / "n.docx", body, numbering=MULTILEVEL + num(1, 0)))
    assert labels(raw) == [
        ("Godkendelse", "1."),
        ("Under a", "a)"),
        ("Under b", "b)"),
        ("Dybt i", "i."),
        ("Dybt ii", "ii."),
        ("Økonomi", "2."),
        ("Igen a", "a)"),
        ("Tekst uden nummer", None),
        ("Eventuelt", "3."),
    ]
    items = [b for b in raw.blocks if b.kind == LIST_ITEM]
    assert [b.list_level for b in items] == [0, 1, 1, 2, 2, 0, 1, 0]
    assert {b.list_id for b in items} == {"1"}
    assert all("1." not in b.text for b in items)  # the label is not in the text


def test_multilevel_heading_numbers_and_legal_style(tmp_path: Path) -> None:
    numbering = abstract(
        0, lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2"), lvl(2, "upperRoman", "%1.%2.%3")
    ) + num(1, 0)
    styles = (
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/>'
        '<w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr>'
        '<w:outlineLvl w:val="1"/></w:pPr></w:style>'
    )
    body = "".join(
        p(t, style=s)
        for t, s in [
            ("Indledning", "Heading1"),
            ("Baggrund", "Heading1"),
            ("Status", "Heading1"),
            ("Medlemmer", "Heading1"),
            ("Netværket", "Heading2"),
            ("Møder", "Heading2"),
        ]
    )
    raw = read_docx(build_docx(tmp_path / "h.docx", body, styles=styles, numbering=numbering))
    assert labels(raw)[3:] == [("Medlemmer", "4."), ("Netværket", "4.1"), ("Møder", "4.2")]
    assert [b.kind for b in raw.blocks] == [HEADING] * 6
    assert [b.heading_level for b in raw.blocks] == [1, 1, 1, 1, 2, 2]


def test_numbering_through_style_inheritance_and_level_binding(tmp_path: Path) -> None:
    # "Punkt" is based on "ListNumber", which carries the list; "ListNumber2" is bound to
    # level 1 by the level's w:pStyle, without an ilvl anywhere.
    numbering = abstract(
        0,
        lvl(0, "decimal", "%1.", extra='<w:pStyle w:val="ListNumber"/>'),
        lvl(1, "lowerLetter", "%2.", extra='<w:pStyle w:val="ListNumber2"/>'),
    ) + num(5, 0)
    styles = (
        '<w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/>'
        '<w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="ListNumber2"><w:name w:val="List Number 2"/>'
        '<w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Punkt"><w:name w:val="Punkt"/>'
        '<w:basedOn w:val="ListNumber"/></w:style>'
    )
    body = p("Et", style="Punkt") + p("Under", style="ListNumber2") + p("To", style="ListNumber")
    raw = read_docx(build_docx(tmp_path / "s.docx", body, styles=styles, numbering=numbering))
    assert labels(raw) == [("Et", "1."), ("Under", "a."), ("To", "2.")]
    assert [b.list_level for b in raw.blocks] == [0, 1, 0]


def test_shared_abstract_continues_unless_start_override(tmp_path: Path) -> None:
    numbering = (
        abstract(0, lvl(0, "decimal", "%1)"))
        + num(1, 0)
        + num(2, 0)  # same list definition, no override: continues
        + num(3, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')
        + num(4, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride>')
    )
    body = (
        p("a", num=(1, 0))
        + p("b", num=(1, 0))
        + p("c", num=(2, 0))
        + p("d", num=(3, 0))
        + p("e", num=(3, 0))
        + p("f", num=(4, 0))
        + p("g", num=(1, 0))
    )
    raw = read_docx(build_docx(tmp_path / "o.docx", body, numbering=numbering))
    assert [n for _, n in labels(raw)] == ["1)", "2)", "3)", "1)", "2)", "7)", "8)"]


def test_start_value_formats_and_bullets(tmp_path: Path) -> None:
    numbering = (
        abstract(0, lvl(0, "upperLetter", "%1.", start=3))
        + abstract(1, lvl(0, "upperRoman", "%1"))
        + abstract(2, lvl(0, "bullet", "\uf0b7"))
        + abstract(3, lvl(0, "lowerLetter", "(%1)", start=26))
        + num(1, 0)
        + num(2, 1)
        + num(3, 2)
        + num(4, 3)
    )
    body = (
        p("c1", num=(1, 0))
        + p("c2", num=(1, 0))
        + p("r1", num=(2, 0))
        + p("r2", num=(2, 0))
        + p("r3", num=(2, 0))
        + p("r4", num=(2, 0))
        + p("b", num=(3, 0))
        + p("z", num=(4, 0))
        + p("aa", num=(4, 0))
        + p("off", num=(0, 0))  # numId 0 removes numbering
    )
    raw = read_docx(build_docx(tmp_path / "f.docx", body, numbering=numbering))
    assert [n for _, n in labels(raw)] == [
        "C.",
        "D.",
        "I",
        "II",
        "III",
        "IV",
        "•",
        "(z)",
        "(aa)",
        None,
    ]


def test_lvl_restart_zero_keeps_counting(tmp_path: Path) -> None:
    numbering = abstract(
        0, lvl(0, "decimal", "%1."), lvl(1, "decimal", "%2.", extra='<w:lvlRestart w:val="0"/>')
    ) + num(1, 0)
    body = p("A", num=(1, 0)) + p("x", num=(1, 1)) + p("B", num=(1, 0)) + p("y", num=(1, 1))
    raw = read_docx(build_docx(tmp_path / "r.docx", body, numbering=numbering))
    assert [n for _, n in labels(raw)] == ["1.", "1.", "2.", "2."]


# --- headings, bold, size, inline content -------------------------------------------------


def test_python_docx_headings_title_bold_size(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_heading("Referat af mødet", level=0)  # the Title style
    d.add_heading("Punkt 1", level=1)
    d.add_heading("Underpunkt", level=2)
    para = d.add_paragraph()
    run = para.add_run("Beslutning:")
    run.bold = True
    para2 = d.add_paragraph()
    para2.add_run("Delvist ").bold = True
    para2.add_run("fed")
    big = d.add_paragraph().add_run("Stor tekst")
    big.font.size = Pt(14)
    path = tmp_path / "h.docx"
    d.save(str(path))
    raw = read(path)
    kinds = [(b.kind, b.heading_level, b.text) for b in raw.blocks]
    assert kinds[:3] == [
        (HEADING, 1, "Referat af mødet"),
        (HEADING, 1, "Punkt 1"),
        (HEADING, 2, "Underpunkt"),
    ]
    by_text = {b.text: b for b in raw.blocks}
    assert by_text["Beslutning:"].bold is True
    assert by_text["Delvist fed"].bold is False
    assert by_text["Stor tekst"].font_size == 14.0


def test_danish_heading_style_outline_level_and_style_bold(tmp_path: Path) -> None:
    styles = (
        '<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>'
        '<w:style w:type="paragraph" w:styleId="Overskrift2"><w:name w:val="Overskrift 2"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Fed"><w:name w:val="Fed"/>'
        "<w:rPr><w:b/></w:rPr></w:style>"
        '<w:style w:type="paragraph" w:styleId="MegetFed"><w:name w:val="Meget fed"/>'
        '<w:basedOn w:val="Fed"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="IkkeFed"><w:name w:val="Ikke fed"/>'
        '<w:basedOn w:val="Fed"/><w:rPr><w:b w:val="0"/></w:rPr></w:style>'
    )
    body = (
        p("Sagsfremstilling", style="Overskrift2")
        + p("Disposition", extra='<w:outlineLvl w:val="2"/>')
        + p("Bilag", style="MegetFed")
        + p("Brødtekst", style="IkkeFed")
    )
    raw = read_docx(build_docx(tmp_path / "d.docx", body, styles=styles))
    got = [(b.kind, b.heading_level, b.bold, b.font_size) for b in raw.blocks]
    assert got == [
        (HEADING, 2, False, 11.0),
        (HEADING, 3, False, 11.0),
        (PARA, None, True, 11.0),
        (PARA, None, False, 11.0),
    ]


def test_breaks_tabs_hyphens_symbols_sdt_and_tracked_changes(tmp_path: Path) -> None:
    body = (
        "<w:p><w:r><w:t>Linje et</w:t><w:br/><w:t>linje to</w:t><w:tab/><w:t>kolonne</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>fo</w:t><w:softHyphen/><w:t>kus F</w:t><w:noBreakHyphen/><w:t>ACT</w:t>"
        '<w:sym w:font="Symbol" w:char="F0B7"/></w:r></w:p>'
        '<w:p><w:r><w:t xml:space="preserve">Beholdt </w:t></w:r>'
        "<w:del><w:r><w:delText>slettet </w:delText></w:r></w:del>"
        '<w:ins><w:r><w:t xml:space="preserve">indsat </w:t></w:r></w:ins>'
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>skjult</w:t></w:r>"
        "<w:hyperlink><w:r><w:t>link</w:t></w:r></w:hyperlink></w:p>"
        "<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>I indholdskontrol</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
        "<w:p><w:sdt><w:sdtContent><w:r><w:t>Inline kontrol</w:t></w:r></w:sdtContent></w:sdt></w:p>"
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    raw = read_docx(build_docx(tmp_path / "i.docx", body))
    assert [b.text for b in raw.blocks] == [
        "Linje et\nlinje to\tkolonne",
        "fokus F-ACT•",
        "Beholdt indsat link",
        "I indholdskontrol",
        "Inline kontrol",
        "3",
    ]


def test_empty_paragraphs_give_one_blank_and_none_at_the_ends(tmp_path: Path) -> None:
    body = "<w:p/>" + p("Et") + "<w:p/><w:p/><w:p/>" + p("To") + "<w:p/>"
    raw = read_docx(build_docx(tmp_path / "b.docx", body))
    assert [(b.kind, b.text) for b in raw.blocks] == [(PARA, "Et"), (BLANK, ""), (PARA, "To")]


def test_text_box_paragraphs_follow_their_anchor(tmp_path: Path) -> None:
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    box = (
        f'<w:r><mc:AlternateContent xmlns:mc="{mc}"><mc:Choice Requires="wps"><w:drawing>'
        "<w:txbxContent><w:p><w:r><w:t>I tekstboksen</w:t></w:r></w:p></w:txbxContent>"
        "</w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r>"
        "<w:t>I tekstboksen</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    body = f"<w:p><w:r><w:t>Anker</w:t></w:r>{box}</w:p>" + p("Efter")
    raw = read_docx(build_docx(tmp_path / "t.docx", body))
    assert [b.text for b in raw.blocks] == ["Anker", "I tekstboksen", "Efter"]


# --- tables -----------------------------------------------------------------------------


def test_tables_cells_merges_nesting_and_numbered_cell_text(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Før tabellen")
    table = d.add_table(rows=3, cols=3)
    table.cell(0, 0).text = "Dagsordenspunkt"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "Referat (hovedpunkter)"
    table.cell(1, 0).text = "1. Velkommen"
    table.cell(1, 1).text = "Ingen bemærkninger"
    table.cell(1, 1).add_paragraph("Andet afsnit")
    table.cell(1, 2).merge(table.cell(2, 2)).text = "Lodret flettet"
    inner = table.cell(2, 0).add_table(rows=2, cols=1)
    inner.cell(0, 0).text = "Jesper Mathiesen (A)"
    inner.cell(1, 0).text = "Ole Bollesen (A)"
    d.add_paragraph("Efter tabellen")
    path = tmp_path / "t.docx"
    d.save(str(path))
    raw = read(path)
    cells = [(b.table, b.row, b.col, b.nested, b.text) for b in raw.blocks if b.kind == TABLE_CELL]
    assert cells == [
        (0, 0, 0, 0, "Dagsordenspunkt"),
        (0, 0, 1, 0, "Referat (hovedpunkter)"),
        (0, 1, 0, 0, "1. Velkommen"),
        (0, 1, 1, 0, "Ingen bemærkninger\nAndet afsnit"),
        (0, 1, 2, 0, "Lodret flettet"),
        (0, 2, 0, 0, ""),
        (1, 0, 0, 1, "Jesper Mathiesen (A)"),
        (1, 1, 0, 1, "Ole Bollesen (A)"),
        (0, 2, 1, 0, ""),
    ]
    assert raw.blocks[0].text == "Før tabellen"
    assert raw.blocks[-1].text == "Efter tabellen"


def test_numbered_paragraph_in_cell_carries_its_label(tmp_path: Path) -> None:
    numbering = abstract(0, lvl(0, "decimal", "%1.")) + num(1, 0)
    cell = p("Velkommen", num=(1, 0)) + "<w:p/>" + p("Referat", num=(1, 0))
    body = f"<w:tbl><w:tr><w:tc>{cell}</w:tc><w:tc>{p('Noter')}</w:tc></w:tr></w:tbl>"
    raw = read_docx(build_docx(tmp_path / "c.docx", body, numbering=numbering))
    assert [b.text for b in raw.blocks] == ["1. Velkommen\n\n2. Referat", "Noter"]


# --- headers and footers ----------------------------------------------------------------


def test_headers_and_footers_after_the_body(tmp_path: Path) -> None:
    raw = read_docx(
        build_docx(
            tmp_path / "hf.docx",
            p("Brødtekst"),
            header=p("Driftsforum – referat"),
            footer=p("Side 1 af 8"),
        )
    )
    assert [(b.source, b.text) for b in raw.blocks] == [
        ("body", "Brødtekst"),
        ("header", "Driftsforum – referat"),
        ("footer", "Side 1 af 8"),
    ]
    assert raw.text() == "Brødtekst"


def test_python_docx_section_header(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Indhold")
    d.sections[0].header.paragraphs[0].text = "Kommunen"
    d.sections[0].footer.paragraphs[0].text = "Side 2"
    d.core_properties.title = "Referat"
    d.core_properties.author = "Sekretariatet"
    path = tmp_path / "s.docx"
    d.save(str(path))
    raw = read(path)
    assert [(b.source, b.text) for b in raw.blocks] == [
        ("body", "Indhold"),
        ("header", "Kommunen"),
        ("footer", "Side 2"),
    ]
    assert raw.meta["title"] == "Referat"
    assert raw.meta["author"] == "Sekretariatet"
    assert raw.format == "docx"


# --- bad input --------------------------------------------------------------------------


def test_bad_docx_inputs(tmp_path: Path) -> None:
    not_zip = tmp_path / "a.docx"
    not_zip.write_bytes(b"this is not a zip file at all" * 10)
    with pytest.raises(ReadError, match=r"^not a Word document \(not a zip file\)$"):
        read(not_zip)

    other_zip = tmp_path / "b.docx"
    with zipfile.ZipFile(other_zip, "w") as zf:
        zf.writestr("hello.txt", "hej")
    with pytest.raises(ReadError, match=r"^not a Word document \(no word/document.xml\)$"):
        read(other_zip)

    bad_xml = tmp_path / "c.docx"
    with zipfile.ZipFile(bad_xml, "w") as zf:
        zf.writestr("word/document.xml", "<w:document><w:body>")
    with pytest.raises(ReadError, match=r"^damaged Word document \(invalid XML"):
        read(bad_xml)

    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    encrypted = tmp_path / "d.docx"
    encrypted.write_bytes(ole + "EncryptedPackage".encode("utf-16-le"))
    with pytest.raises(ReadError, match=r"^password-protected or encrypted Word document$"):
        read(encrypted)
    old_doc = tmp_path / "e.doc"
    old_doc.write_bytes(ole + "WordDocument".encode("utf-16-le"))
    with pytest.raises(ReadError, match=r"^old Word \.doc format is not supported$"):
        read(old_doc)

    empty = build_docx(tmp_path / "f.docx", "<w:p/>")
    with pytest.raises(ReadError, match=r"^empty Word document \(no text\)$"):
        read(empty)


def test_zip_bomb_guard(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = build_docx(tmp_path / "big.docx", p("x" * 5000))
    monkeypatch.setattr(docx_reader, "MAX_PART_BYTES", 2000)
    with pytest.raises(ReadError, match=r"^damaged Word document \(word/document.xml too large\)$"):
        read(path)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes_give_read_error_or_document(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "x.docx"
    path.write_bytes(data)
    try:
        assert isinstance(read(path), RawDocument)
    except ReadError as e:
        assert "\n" not in str(e)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(xml=st.text(max_size=400), numbering=st.text(max_size=200))
def test_arbitrary_document_xml_gives_read_error_or_document(
    tmp_path: Path, xml: str, numbering: str
) -> None:
    path = tmp_path / "y.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(
            "word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{xml}</w:body></w:document>'
        )
        zf.writestr("word/numbering.xml", numbering)
    try:
        assert isinstance(read(path), RawDocument)
    except ReadError as e:
        assert "\n" not in str(e)


# --- real documents ---------------------------------------------------------------------


@pytest.mark.shared
def test_sample_004_item_numbers_from_word_numbering(samples_dir: Path) -> None:
    folder = next(samples_dir.glob("004_*"))
    raw = read(next(folder.glob("*.docx")))
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))["items"]
    items = [b for b in raw.blocks if b.list_id == "10"]
    assert [b.list_number for b in items] == [f"{i}." for i in range(1, 11)]
    for block, item in zip(items, expected, strict=True):
        assert block.list_number == f"{item['number']}."
        assert " ".join(block.text.split()).startswith(" ".join(item["title"].split())[:40])
        assert block.bold
    # Lists inside items restart at 1 and are not the agenda list.
    inner = [b for b in raw.blocks if b.kind == LIST_ITEM and b.list_id != "10"]
    assert any(b.list_number == "1." for b in inner)
    assert any(b.source == "header" and "Side 1 af" in b.text for b in raw.blocks)


@pytest.mark.shared
def test_sample_000_two_column_table(samples_dir: Path) -> None:
    raw = read(next(samples_dir.glob("000_*/*.docx")))
    cells = [b for b in raw.blocks if b.kind == TABLE_CELL]
    assert (cells[0].text, cells[1].text) == ("Dagsordenspunkt", "Referat (hovedpunkter)")
    left = [b.text for b in cells if b.col == 0]
    right = [b.text for b in cells if b.col == 1]
    assert any(t.startswith("2. Kort orientering") for t in left)
    assert any(t.startswith("Samme dag er møde i styregruppen") for t in right)
    assert not any("Samme dag er møde" in t for t in left)


@pytest.mark.shared
def test_os2dagsorden_nested_tables_reach_the_names(realworld_dir: Path) -> None:
    raw = read(realworld_dir / "os2dagsorden" / "Ekstraordinært PUK.docx")
    nested = [b for b in raw.blocks if b.kind == TABLE_CELL and b.nested >= 1]
    assert any("Jesper Mathiesen (A)" in b.text for b in nested)
    assert any(b.kind == HEADING and b.text == "Resumé" for b in raw.blocks)
    assert any(b.source == "header" for b in raw.blocks)
