"""TXT reader: encodings told apart byte by byte, line blocks, pages, binary data."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from referatkit.errors import ReadError
from referatkit.model import BLANK, PARA, RawDocument
from referatkit.readers import read
from referatkit.readers import txt as txt_reader
from referatkit.readers.txt import decode_text, read_txt


def write(tmp_path: Path, data: bytes, name: str = "referat.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- encodings ----------------------------------------------------------------------------


def test_utf8_and_utf8_with_bom() -> None:
    assert decode_text("Mødet – “godkendt”".encode()).encoding == "utf-8"
    decoded = decode_text(b"\xef\xbb\xbfM\xc3\xb8det")
    assert (decoded.text, decoded.encoding) == ("Mødet", "utf-8")


def test_cp1252_bytes_0x80_0x9f_are_punctuation() -> None:
    # 0x96 "–", 0x92 "’", 0x94 "”" are printable in Windows-1252, controls in Latin-1.
    data = b"Beslutning \x96 KL\x92s \x94standardkontrakt\x94 godkendt. M\xf8det sluttede."
    decoded = decode_text(data)
    assert decoded.encoding == "cp1252"
    assert decoded.text == "Beslutning – KL’s ”standardkontrakt” godkendt. Mødet sluttede."


def test_latin1_without_c1_bytes() -> None:
    decoded = decode_text(b"\xc6blerne p\xe5 \xc6r\xf8 blev godkendt")
    assert decoded.encoding == "iso-8859-1"
    assert decoded.text == "Æblerne på Ærø blev godkendt"


def test_dos_and_mac_code_pages_where_c1_bytes_are_letters() -> None:
    text = "Mødet på Ærø: årsregnskabet blev godkendt, økonomien er sund."
    assert decode_text(text.encode("cp865")).text == text
    assert decode_text(text.encode("mac_roman")).text == text


def test_utf16_with_and_without_bom() -> None:
    text = "Referat\r\nMødet blev godkendt"
    for data in (text.encode("utf-16"), text.encode("utf-16-le"), text.encode("utf-16-be")):
        decoded = decode_text(data)
        assert decoded.text == "Referat\nMødet blev godkendt"
        assert decoded.encoding.startswith("utf-16")



def test_utf8_with_a_nul_is_not_bomless_utf16() -> None:
    # Caught by hypothesis: "0\x00\x80" in UTF-8 has a NUL in every other byte, and was read
    # as UTF-16-LE "0胂".
    decoded = decode_text("0\x00\x80".encode())
    assert decoded.encoding == "utf-8"
    assert decoded.text.startswith("0")

def test_mostly_utf8_with_a_broken_byte_is_replaced_with_a_warning() -> None:
    data = "Mødet blev godkendt på årsmødet. ".encode() * 5 + b"\xff slut"
    decoded = decode_text(data)
    assert decoded.encoding == "utf-8"
    assert "Mødet" in decoded.text and "\ufffd" in decoded.text
    assert decoded.warnings == ["1 invalid UTF-8 byte sequence(s) replaced"]


def test_nfd_becomes_nfc_and_newlines_are_unified() -> None:
    nfd = unicodedata.normalize("NFD", "Årsmøde")
    decoded = decode_text(f"{nfd}\r\nlinje to\rlinje tre\n".encode())
    assert decoded.text == "Årsmøde\nlinje to\nlinje tre\n"


def test_encoding_is_recorded_in_meta(tmp_path: Path) -> None:
    raw = read(write(tmp_path, b"Dagsorden \x96 punkt 1"))
    assert raw.meta["encoding"] == "cp1252"
    assert raw.text() == "Dagsorden – punkt 1"


# --- blocks -------------------------------------------------------------------------------


def test_one_block_per_line_and_one_blank_per_gap(tmp_path: Path) -> None:
    data = b"\n\nReferat\n   \n\n\n1. Velkommen  \n\tIndrykket linje\n\n"
    raw = read(write(tmp_path, data))
    assert [(b.kind, b.text) for b in raw.blocks] == [
        (PARA, "Referat"),
        (BLANK, ""),
        (PARA, "1. Velkommen"),
        (PARA, "\tIndrykket linje"),
    ]
    assert all(b.page is None for b in raw.blocks)
    assert raw.pages == 0 and raw.format == "txt"


def test_form_feed_starts_a_page(tmp_path: Path) -> None:
    raw = read(write(tmp_path, b"Side et\n\x0cSide to\nmere\n\x0c"))
    assert [(b.page, b.text) for b in raw.blocks] == [(1, "Side et"), (2, "Side to"), (2, "mere")]
    assert raw.pages == 2


def test_enormous_line_is_split(tmp_path: Path) -> None:
    line = ("ord " * 400_000).encode()  # 1.6 MB without a newline
    raw = read_txt(tmp_path / "x.txt", line)
    assert len(raw.blocks) > 1
    assert max(len(b.text) for b in raw.blocks) <= txt_reader.MAX_LINE_CHARS
    assert " ".join(b.text for b in raw.blocks).split() == line.decode().split()


def test_stray_nuls_are_removed_with_a_warning(tmp_path: Path) -> None:
    raw = read(write(tmp_path, b"Referat\x00 af m\xc3\xb8det\n"))
    assert raw.text() == "Referat af mødet"
    assert raw.warnings == ["1 NUL byte(s) removed"]


# --- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf\n"])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(ReadError, match=r"^empty file$"):
        read(write(tmp_path, data))


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01\x02\x03" * 200,  # NULs in quantity
        bytes(range(1, 32)) * 50,  # control characters
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10,
    ],
)
def test_binary_data(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(ReadError, match=r"^binary data, not text$"):
        read(write(tmp_path, data))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=3000))
def test_arbitrary_bytes_give_read_error_or_document(tmp_path: Path, data: bytes) -> None:
    try:
        raw = read(write(tmp_path, data))
    except ReadError as e:
        assert "\n" not in str(e)
    else:
        assert isinstance(raw, RawDocument)
        assert all("\n" not in b.text and "\r" not in b.text for b in raw.blocks)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=500))
def test_any_text_round_trips_line_by_line(tmp_path: Path, text: str) -> None:
    try:
        raw = read(write(tmp_path, text.encode("utf-8")))
    except ReadError:
        return
    want = [
        txt_reader.column_gaps(line.rstrip())
        for line in unicodedata.normalize("NFC", txt_reader.NEWLINES.sub("\n", text))
        .replace("\f", "\n")
        .split("\n")
    ]
    got = [b.text for b in raw.blocks if b.kind == PARA]
    # a line of control characters only is an empty line once they are dropped
    assert got == [c for w in want if (c := txt_reader.CONTROL.sub("", w)).strip()]


def test_runs_of_spaces_inside_a_line_are_column_gaps(tmp_path: Path) -> None:
    data = "Navn          Kommune\n    Ida Rask  Bakkedal Kommune\nEn sætning.  To mellemrum\n".encode()
    raw = read(write(tmp_path, data))
    assert [b.text for b in raw.blocks] == [
        "Navn\tKommune", "    Ida Rask\tBakkedal Kommune", "En sætning.\tTo mellemrum",
    ]


# --- real documents -----------------------------------------------------------------------


@pytest.mark.shared
def test_sample_txt_files(samples_dir: Path) -> None:
    for path in sorted(samples_dir.glob("*/*.txt")):
        raw = read(path)
        assert raw.meta["encoding"] == "utf-8"
        assert raw.blocks[0].kind == PARA
    raw = read(next(samples_dir.glob("004_*/*.txt")))
    assert any(b.text.strip() == "Side 1 af 8" for b in raw.blocks)  # the normaliser drops it


def test_a_line_of_control_characters_only_is_dropped(tmp_path: Path) -> None:
    """Hypothesis found it: NEL (U+0085) ends a line, and the next line holds only a backspace."""
    raw = read(write(tmp_path, "00000000\x85\x08".encode()))
    assert [b.text for b in raw.blocks if b.kind == PARA] == ["00000000"]
