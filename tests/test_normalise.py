from referatkit.model import BLANK, Block, RawDocument
from referatkit.normalise import clean_text, join_hyphenation, normalise


def _raw(lines: list[str], fmt: str = "txt") -> RawDocument:
    return RawDocument(
        path="x.txt", format=fmt,
        blocks=[Block(t, kind=BLANK) if not t.strip() else Block(t) for t in lines],
    )


def _texts(raw: RawDocument) -> list[str]:
    return [b.text for b in raw.blocks if b.source == "body" and b.kind != BLANK]


def test_line_end_hyphenation_is_joined() -> None:
    assert join_hyphenation("implementering af fo-", "kusområder og mere") == (
        "implementering af fokusområder", "og mere",
    )


def test_real_hyphens_are_kept() -> None:
    assert join_hyphenation("Der er kommet flere F-", "ACT teams") == ("Der er kommet flere F-ACT", "teams")
    assert join_hyphenation("Rammeaftale 2021-", "22 er vedtaget") == ("Rammeaftale 2021-22", "er vedtaget")
    assert join_hyphenation("drøftet i KKR-", "regi i foråret") == ("drøftet i KKR-regi", "i foråret")
    # the suspended hyphen: "social- og sundhedsudvalget" keeps hyphen and space
    assert join_hyphenation("sendes til social-", "og sundhedsudvalget") is None


def test_hyphenation_across_a_blank_line() -> None:
    raw = normalise(_raw(["Drøftelse af beskæftigelses-", "", "området og Psykiatrien"]))
    assert _texts(raw) == ["Drøftelse af beskæftigelsesområdet", "og Psykiatrien"]


def test_nfc_and_odd_spaces() -> None:
    nfd = "Sa\u030amarbejde\u00a0om  pa\u030a"
    assert clean_text(nfd) == "Såmarbejde om på"
    assert clean_text("soft\u00adhyphen") == "softhyphen"


def test_a_column_gap_is_kept_as_one_tab() -> None:
    assert clean_text("Dato \t \t 12. maj  2020") == "Dato\t12. maj 2020"
    assert clean_text("\tindrykket\t") == "indrykket"


def test_page_furniture_is_dropped() -> None:
    lines = []
    for page in range(1, 4):
        lines += ["Driftsforum Nord", f"Side {page} af 3", "", f"Tekst på side {page}.", ""]
    lines += ["https://www.example.dk/link", "mailto:someone@example.dk"]
    raw = normalise(_raw(lines))
    assert _texts(raw) == ["Tekst på side 1.", "Tekst på side 2.", "Tekst på side 3."]
    # the running header is kept out of the body, not thrown away
    assert any(b.text == "Driftsforum Nord" for b in raw.blocks if b.source != "body")


def test_a_name_that_recurs_twice_in_a_long_document_is_not_furniture() -> None:
    lines = []
    for page in range(1, 7):
        lines += [f"{page} of 6", f"Indhold {page}."]
        if page in (1, 6):
            lines.append("Jesper Hansen (A)")
    raw = normalise(_raw(lines))
    assert _texts(raw).count("Jesper Hansen (A)") == 2


def test_a_text_files_letterhead_and_bare_page_numbers_are_furniture() -> None:
    """Blind set (ho01, ho15 TXT): a text file marks its page breaks only by footers - the
    letterhead above page 1 is the same running header as after each break, and footers of a
    bare page number ("1", "2") are furniture; a lone number, or numbers a few lines apart, stay."""
    body = [f"Linje {k} om sagen." for k in range(14)]
    lines = ["Hedelund Kommune", "", *body, "", "Side 1 af 2", "", "Hedelund Kommune", "", *body, "", "Side 2 af 2"]
    assert "Hedelund Kommune" not in _texts(normalise(_raw(lines)))
    lines = ["Kommunalbestyrelsen", *body, "", "1", "", *body, "", "2"]
    assert _texts(normalise(_raw(lines))) == ["Kommunalbestyrelsen", *body, *body]
    lines = ["Afstemning", "", "1", "", "Godkendt.", "", "2", "", "Udsat."]
    assert _texts(normalise(_raw(lines))) == ["Afstemning", "1", "Godkendt.", "2", "Udsat."]


def test_block_copy_is_dataclasses_replace() -> None:
    from dataclasses import fields, replace

    from referatkit.normalise import _with

    # every field set to something other than its default: a field _with missed would show
    b = Block("x", kind="heading", page=3, bold=True, heading_level=2, list_number="1.", list_level=1,
              list_id="7", table=1, row=2, col=3, nested=1, font_size=11.0, x0=72.0, source="footer")
    assert all(f.init for f in fields(Block))
    assert _with(b, text="y", kind=BLANK) == replace(b, text="y", kind=BLANK)
    assert _with(b) == b and _with(b) is not b


def test_furniture_key_only_strips_a_page_number() -> None:
    from referatkit.normalise import _furniture_key

    assert _furniture_key("Fjordby Kommune Side 2") == _furniture_key("Fjordby Kommune Side 3") == "Fjordby Kommune#"
    assert _furniture_key("Referat 2 af 8 \n") == "Referat#"
    assert _furniture_key("Fjordby Kommune") == "Fjordby Kommune"
    assert _furniture_key("Side 2 af tekst") == "Side 2 af tekst"
