"""The dispatcher: content sniffing, and every bad input giving its one-line reason."""

from __future__ import annotations

import contextlib
import warnings
import zipfile
from pathlib import Path

import pytest
from fpdf import FPDF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from referatkit import readers
from referatkit.errors import ReadError
from referatkit.model import RawDocument
from referatkit.readers import SUPPORTED_SUFFIXES, read

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def pdf_bytes(text: str = "Referat") -> bytes:
    pdf = FPDF(unit="pt")
    pdf.add_page()
    pdf.set_font("helvetica", "", 11)
    pdf.text(72, 100, text)
    return bytes(pdf.output())


def put(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_supported_suffixes() -> None:
    assert {".pdf", ".docx", ".txt", ".md", ".markdown"} == SUPPORTED_SUFFIXES


@pytest.mark.parametrize("suffix", sorted(SUPPORTED_SUFFIXES))
def test_empty_file_for_every_format(tmp_path: Path, suffix: str) -> None:
    with pytest.raises(ReadError, match=r"^empty file$"):
        read(put(tmp_path, f"tom{suffix}", b""))


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("a.pdf", b"\x13\x37" * 500, r"^not a PDF \(damaged or truncated file\)$"),
        (
            "b.pdf",
            b"%PDF-1.7\n" + b"\x00garbage" * 100,
            r"^not a PDF \(damaged or truncated file\)$",
        ),
        ("c.docx", b"plain text pretending", r"^not a Word document \(not a zip file\)$"),
        ("d.docx", OLE, r"^password-protected or encrypted Word document$"),
        ("e.doc", OLE, r"^old Word \.doc format is not supported$"),
        ("f.odt", b"PK\x03\x04 something else", r"^unsupported file type \(\.odt\)$"),
        ("g", b"hello", r"^unsupported file type \(no suffix\)$"),
        ("h.txt", b"\x00" * 100, r"^binary data, not text$"),
    ],
)
def test_bad_inputs_give_their_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    with pytest.raises(ReadError, match=reason):
        read(put(tmp_path, name, data))


def test_zip_that_is_not_word(tmp_path: Path) -> None:
    path = tmp_path / "arkiv.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("content.xml", "<office/>")
    with pytest.raises(ReadError, match=r"^not a Word document \(no word/document.xml\)$"):
        read(path)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match=r"^cannot read file: no such file or directory$"):
        read(tmp_path / "findes-ikke.pdf")
    folder = tmp_path / "mappe.txt"
    folder.mkdir()
    with pytest.raises(ReadError, match=r"^cannot read file: is a directory$"):
        read(folder)


def test_content_wins_over_suffix(tmp_path: Path) -> None:
    raw = read(put(tmp_path, "referat.txt", pdf_bytes("Faktisk en PDF")))
    assert (raw.format, raw.text()) == ("pdf", "Faktisk en PDF")
    misnamed = tmp_path / "referat.pdf"
    import docx

    d = docx.Document()
    d.add_paragraph("Faktisk Word")
    d.save(str(misnamed))
    raw = read(misnamed)
    assert (raw.format, raw.text()) == ("docx", "Faktisk Word")


def test_unexpected_exceptions_become_read_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from referatkit.readers import pdf as pdf_reader

    def explode(path: Path) -> RawDocument:
        raise ValueError("Unexpected token at offset 42\nsecond line")

    monkeypatch.setattr(pdf_reader, "read_pdf", explode)
    with pytest.raises(ReadError, match=r"^damaged PDF file: unexpected token at offset 42$"):
        read(put(tmp_path, "x.pdf", pdf_bytes()))

    def recurse(path: Path) -> RawDocument:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(pdf_reader, "read_pdf", recurse)
    with pytest.raises(ReadError, match=r"^damaged PDF file: nested too deeply$"):
        read(put(tmp_path, "y.pdf", pdf_bytes()))


def test_no_warnings_or_output_escape(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    cases = [
        put(tmp_path, "ok.pdf", pdf_bytes()),
        put(tmp_path, "broken.pdf", pdf_bytes()[:200]),
        put(tmp_path, "odd.txt", b"M\xf8de \x81\x8d i dag"),
    ]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for path in cases:
            with contextlib.suppress(ReadError):
                read(path)
    assert caught == []
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.one_of(
        st.binary(max_size=2000),
        st.binary(max_size=2000).map(lambda b: b"%PDF-1.4\n" + b),
        st.binary(max_size=2000).map(lambda b: b"PK\x03\x04" + b),
        st.binary(max_size=2000).map(lambda b: OLE + b),
    ),
    suffix=st.sampled_from(sorted(SUPPORTED_SUFFIXES)),
)
def test_any_bytes_any_suffix(tmp_path: Path, data: bytes, suffix: str) -> None:
    try:
        raw = read(put(tmp_path, f"x{suffix}", data))
    except ReadError as e:
        message = str(e)
        assert message and "\n" not in message
        assert message[0].islower()
    else:
        assert isinstance(raw, RawDocument)


@pytest.mark.shared
def test_every_real_file_reads_or_gives_a_reason(realworld_dir: Path, samples_dir: Path) -> None:
    files = [
        p
        for p in sorted([*realworld_dir.rglob("*"), *samples_dir.rglob("*")])
        if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and p.name != "SOURCES.md"
    ]
    assert len(files) > 40
    failed = {}
    for path in files:
        try:
            raw = readers.read(path)
        except ReadError as e:
            failed[path.name] = str(e)
            continue
        assert raw.blocks, path
        assert raw.text().strip(), path
    assert failed == {"115-referat_genfors_2013.pdf": "no text layer (scanned PDF?)"}


# --- fuzzing each format from a real file: damaged the way files get damaged -----------------

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REAL = {
    ".pdf": (FIXTURES / "minutes_only" / "minutes_only.pdf").read_bytes(),
    ".docx": (FIXTURES / "minutes_only" / "minutes_only.docx").read_bytes(),
    ".txt": (FIXTURES / "legacy_encoding_cp1252" / "legacy_encoding_cp1252.txt").read_bytes(),
    ".md": (FIXTURES / "markdown_headings" / "markdown_headings.md").read_bytes(),
}
FUZZ_READERS = settings(max_examples=40, deadline=None,
                        suppress_health_check=[HealthCheck.function_scoped_fixture,
                                               HealthCheck.too_slow])


def _only_read_errors(path: Path) -> None:
    try:
        raw = read(path)
    except ReadError as e:
        message = str(e)
        assert message and "\n" not in message and message == message.strip()
    else:
        assert isinstance(raw, RawDocument)
        assert all(isinstance(b.text, str) for b in raw.blocks)


_edits = st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.binary(min_size=1, max_size=8)),
                  max_size=6)


@FUZZ_READERS
@given(suffix=st.sampled_from(sorted(REAL)), edits=_edits,
       cut=st.none() | st.floats(0, 1, exclude_min=True))
def test_a_damaged_real_file_gives_a_document_or_a_reason(tmp_path: Path, suffix: str,
                                                          edits: list[tuple[float, bytes]],
                                                          cut: float | None) -> None:
    data = bytearray(REAL[suffix])
    for where, new in edits:  # bytes overwritten here and there (a bad disk, a bad copy)
        at = int(where * len(data))
        data[at:at + len(new)] = new
    if cut is not None:  # and the end missing (a copy that stopped)
        data = data[: int(cut * len(data))]
    _only_read_errors(put(tmp_path, f"skadet{suffix}", bytes(data)))


_xml_text = st.text(max_size=200)


@FUZZ_READERS
@given(body=_xml_text, members=st.dictionaries(
    st.sampled_from(["word/styles.xml", "word/numbering.xml", "word/_rels/document.xml.rels",
                     "docProps/core.xml", "word/header1.xml", "[Content_Types].xml"]),
    _xml_text, max_size=4), wrap=st.booleans())
def test_any_word_package_gives_a_document_or_a_reason(tmp_path: Path, body: str,
                                                       members: dict[str, str],
                                                       wrap: bool) -> None:
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = (f'<w:document {ns}><w:body><w:p><w:r><w:t>{body}</w:t></w:r></w:p>'
                "</w:body></w:document>") if wrap else body
    path = tmp_path / "pakke.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", document)
        for name, text in members.items():
            zf.writestr(name, text)
    _only_read_errors(path)


@FUZZ_READERS
@given(text=st.text(max_size=500), encoding=st.sampled_from(
    ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1", "cp865"]),
    suffix=st.sampled_from([".txt", ".md"]))
def test_any_text_in_any_encoding_gives_a_document_or_a_reason(tmp_path: Path, text: str,
                                                               encoding: str,
                                                               suffix: str) -> None:
    data = text.encode(encoding, errors="replace")
    _only_read_errors(put(tmp_path, f"tekst{suffix}", data))
