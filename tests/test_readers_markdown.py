"""Markdown reader: front matter, headings, bold lines, lists, tables, inline markup."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from referatkit.errors import ReadError
from referatkit.model import HEADING, LIST_ITEM, PARA, TABLE_CELL, RawDocument
from referatkit.readers import read


def md(tmp_path: Path, text: str | bytes, name: str = "referat.md") -> RawDocument:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return read(path)


def shape(raw: RawDocument) -> list[tuple]:
    out: list[tuple] = []
    for b in raw.blocks:
        if b.kind == HEADING:
            out.append((HEADING, b.heading_level, b.text))
        elif b.kind == LIST_ITEM:
            out.append((LIST_ITEM, b.list_number, b.list_level, b.text))
        elif b.kind == TABLE_CELL:
            out.append((TABLE_CELL, b.table, b.row, b.col, b.text))
        else:
            out.append((b.kind, b.bold, b.text))
    return out


def test_yaml_front_matter_is_skipped_into_meta(tmp_path: Path) -> None:
    raw = md(
        tmp_path,
        '---\nlayout: page\ntitle: "2024-01-15 Referat"\ndate: 2024-01-15\n'
        "referent: Helene\ntags:\n  - styre\n---\n\n# Referat\n",
    )
    assert raw.meta["title"] == "2024-01-15 Referat"
    assert raw.meta["date"] == "2024-01-15"
    assert raw.meta["referent"] == raw.meta["author"] == "Helene"
    assert shape(raw) == [(HEADING, 1, "Referat")]


def test_toml_front_matter(tmp_path: Path) -> None:
    raw = md(tmp_path, '+++\ntitle = "Møde"\nauthor = "Sekretær"\n+++\nTekst\n')
    assert (raw.meta["title"], raw.meta["author"]) == ("Møde", "Sekretær")
    assert shape(raw) == [(PARA, False, "Tekst")]


def test_headings_atx_setext_html_and_without_space(tmp_path: Path) -> None:
    text = (
        "# Hovedstyret\n"
        "###Topic: http2 update\n"
        "## 544 Godkjenning av referat ##\n"
        "Dagsorden\n=========\n\n"
        "Referat\n-------\n\n"
        '<h2 id="07">Uge 07</h2>\n'
    )
    assert shape(md(tmp_path, text)) == [
        (HEADING, 1, "Hovedstyret"),
        (HEADING, 3, "Topic: http2 update"),
        (HEADING, 2, "544 Godkjenning av referat"),
        (HEADING, 1, "Dagsorden"),
        (HEADING, 2, "Referat"),
        (HEADING, 2, "Uge 07"),
    ]


def test_bold_only_line_is_a_bold_block_of_its_own(tmp_path: Path) -> None:
    text = (
        "**Referat fra vejledermøde 30/09/2025**\n"
        "- Første punkt\n\n"
        "**Sted:** Ø22-508-1  \n**Tidspunkt:** 08.00 - 14.00\n\n"
        "**Forberedelse**  \nIngen forberedelse\n"
    )
    assert shape(md(tmp_path, text)) == [
        (PARA, True, "Referat fra vejledermøde 30/09/2025"),
        (LIST_ITEM, "•", 0, "Første punkt"),
        (PARA, False, "Sted: Ø22-508-1\nTidspunkt: 08.00 - 14.00"),
        (PARA, True, "Forberedelse"),
        (PARA, False, "Ingen forberedelse"),
    ]


def test_lists_numbers_levels_and_continuations(tmp_path: Path) -> None:
    text = (
        "1. Valg af dirigent\n"
        "2) Beretning\n"
        "   - godkendt\n"
        "     * enstemmigt\n"
        "   + med bemærkninger\n"
        "     der fortsætter her\n"
        "3. Eventuelt\n\n"
        "Afsnit mellem listerne\n\n"
        "- Ny liste\n"
    )
    raw = md(tmp_path, text)
    assert shape(raw) == [
        (LIST_ITEM, "1.", 0, "Valg af dirigent"),
        (LIST_ITEM, "2)", 0, "Beretning"),
        (LIST_ITEM, "•", 1, "godkendt"),
        (LIST_ITEM, "•", 2, "enstemmigt"),
        (LIST_ITEM, "•", 1, "med bemærkninger\nder fortsætter her"),
        (LIST_ITEM, "3.", 0, "Eventuelt"),
        (PARA, False, "Afsnit mellem listerne"),
        (LIST_ITEM, "•", 0, "Ny liste"),
    ]
    ids = [b.list_id for b in raw.blocks if b.kind == LIST_ITEM]
    assert ids[:6] == ["1"] * 6 and ids[6] == "2"


def test_inline_markup_is_stripped(tmp_path: Path) -> None:
    text = (
        "Se [referatet](https://example.org/ref.pdf) og ![logo](logo.png) *kursiv* _også_ "
        "__fed__ ~~slettet~~ `kode *x*` snake_case_name 5 * 3 <span>tag</span> &amp; "
        "<https://example.org> \\*escaped\\*<br>ny linje\n"
    )
    raw = md(tmp_path, text)
    assert raw.blocks[0].text == (
        "Se referatet og logo kursiv også fed slettet kode *x* snake_case_name 5 * 3 tag & "
        "https://example.org *escaped*\nny linje"
    )
    assert not raw.blocks[0].bold


def test_tables_become_cells(tmp_path: Path) -> None:
    text = (
        "Før\n\n"
        "| Navn | Kommune |\n"
        "|:-----|--------:|\n"
        "| **Anna** | Aarhus |\n"
        "| Bo \\| Jensen | Odense |\n\n"
        "Efter\n"
    )
    assert shape(md(tmp_path, text)) == [
        (PARA, False, "Før"),
        (TABLE_CELL, 0, 0, 0, "Navn"),
        (TABLE_CELL, 0, 0, 1, "Kommune"),
        (TABLE_CELL, 0, 1, 0, "Anna"),
        (TABLE_CELL, 0, 1, 1, "Aarhus"),
        (TABLE_CELL, 0, 2, 0, "Bo | Jensen"),
        (TABLE_CELL, 0, 2, 1, "Odense"),
        (PARA, False, "Efter"),
    ]


def test_code_liquid_comments_breaks_and_link_definitions(tmp_path: Path) -> None:
    text = (
        "# {{ page.title }}\n"
        "{% include header.html %}\n"
        "<!-- en kommentar\nover to linjer -->\n"
        "[comment]: <> (skjult)\n"
        "```\n# ikke en overskrift\n**ikke fed**\n```\n"
        "* * *\n"
        "> Citat fra sidste møde\n"
        "<div>\n"
        "Slut\n"
    )
    assert shape(md(tmp_path, text)) == [
        (PARA, False, "# ikke en overskrift"),
        (PARA, False, "**ikke fed**"),
        (PARA, False, "Citat fra sidste møde"),
        (PARA, False, "Slut"),
    ]


def test_markdown_uses_the_txt_decoder(tmp_path: Path) -> None:
    raw = md(tmp_path, b"# M\xf8de \x96 referat\n", name="gammel.markdown")
    assert raw.meta["encoding"] == "cp1252"
    assert shape(raw) == [(HEADING, 1, "Møde – referat")]
    assert raw.format == "md"


def test_empty_markdown(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match=r"^empty file$"):
        md(tmp_path, "\n \n")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(alphabet=st.sampled_from(list("#*_-+|`~<>![]() 1.\n=abcæø{}%:\\&;")), max_size=400)
)
def test_markdown_like_noise_never_crashes(tmp_path: Path, text: str) -> None:
    try:
        raw = md(tmp_path, text)
    except ReadError as e:
        assert str(e) == "empty file"
        return
    assert all(b.text.strip() or b.kind == TABLE_CELL for b in raw.blocks)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes_give_read_error_or_document(tmp_path: Path, data: bytes) -> None:
    try:
        assert isinstance(md(tmp_path, data), RawDocument)
    except ReadError as e:
        assert "\n" not in str(e)


# --- real documents -----------------------------------------------------------------------


@pytest.mark.shared
def test_realworld_markdown(realworld_dir: Path) -> None:
    eco = read(realworld_dir / "semesterprojekt-ecoquest" / "referat.md")
    assert any(b.bold and b.text == "Referat fra vejledermøde 30/09/2025" for b in eco.blocks)
    log = read(realworld_dir / "creditoro-logbook" / "README.md")
    assert any(
        b.kind == HEADING and b.heading_level == 2 and b.text == "Uge 07" for b in log.blocks
    )
    fui = read(realworld_dir / "fui-uio" / "2024-01-15-referat.md")
    assert fui.meta["referent"] == "Helene Nordrum Grun"
    assert not any("{{" in b.text or "{%" in b.text for b in fui.blocks)
    dotkom = read(realworld_dir / "dotkom" / "2014-09-04.md")
    assert dotkom.meta["date"] == "2014-09-04"
    assert any(b.kind == HEADING and b.text.startswith("61 Godkjenning") for b in dotkom.blocks)
    tag = read(realworld_dir / "w3ctag" / "09-29-minutes.md")
    assert any(b.kind == HEADING and b.text == "Topic: http2 update" for b in tag.blocks)
