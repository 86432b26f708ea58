"""Format readers: a file → :class:`~referatkit.model.RawDocument`, a flat list of blocks.

Readers know the formats, not minutes: no Danish vocabulary, no item detection. Each
module's docstring states its block conventions; in short:

* ``pdf`` — one ``PARA`` per visual line, ``BLANK`` for a clear vertical gap, ruled tables
  as one ``TABLE_CELL`` per cell (lines joined by "\\n"), running headers/footers and page
  numbers with ``source="header"/"footer"``; ``page``, ``x0``, ``font_size``, ``bold`` set.
* ``docx`` — one block per paragraph, Word numbering rebuilt into ``list_number`` /
  ``list_level`` / ``list_id``, headings with ``heading_level``, table cells (nested tables
  with ``nested``), a ``BLANK`` for a run of empty paragraphs; section headers/footers
  after the body.
* ``txt`` — one ``PARA`` per line, ``BLANK`` for a run of empty lines, form feeds as pages.
* ``md`` — one block per paragraph, headings, list items, table cells; front matter into
  ``meta``.

:func:`read` chooses the reader by content first (a PDF signature, a zip with a Word
document, an OLE compound file) and by suffix otherwise, and turns every failure into a
:class:`~referatkit.errors.ReadError` with a one-line reason.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from referatkit.errors import ReadError
from referatkit.model import RawDocument

SUPPORTED_SUFFIXES = frozenset({".pdf", ".docx", ".txt", ".md", ".markdown"})

SNIFF_BYTES = 8192  # enough of the head of a file to recognise its format
PDF_SIGNATURE_WINDOW = 1024  # PDF readers accept junk before "%PDF-" within this many bytes
OLE_SCAN_BYTES = 8 * 1024 * 1024  # how much of an OLE file is searched for its stream names
REASON_MAX_CHARS = 120  # a converted exception's reason is cut to this length

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
# Stream names inside OLE files (UTF-16LE): an encrypted OOXML package, or a Word 97-2003 file.
OLE_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
OLE_WORD_DOC = "WordDocument".encode("utf-16-le")

FORMAT_NAMES = {"pdf": "PDF", "docx": "Word", "txt": "text", "md": "Markdown"}
SUFFIX_FORMATS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".docm": "docx",
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
}


def read(path: Path) -> RawDocument:
    """Read one file into blocks. Raises :class:`ReadError` with a one-line, lowercase
    reason for anything that cannot be read as a document; never another exception."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        with path.open("rb") as fh:
            head = fh.read(SNIFF_BYTES)
            rest = b""
            fmt = _sniff(path, suffix, head)
            if fmt in ("txt", "md"):
                rest = fh.read()  # text readers need all of it; read once, here
    except OSError as e:
        raise ReadError(f"cannot read file: {(e.strerror or str(e)).lower()}") from e
    with warnings.catch_warnings():
        # Libraries warn about odd but readable files; the reader's warnings list says
        # what matters, and nothing may reach the terminal.
        warnings.simplefilter("ignore")
        try:
            return _dispatch(path, fmt, head + rest)
        except ReadError:
            raise
        except MemoryError as e:
            raise ReadError(f"file too large to read ({FORMAT_NAMES[fmt]})") from e
        except RecursionError as e:
            raise ReadError(f"damaged {FORMAT_NAMES[fmt]} file: nested too deeply") from e
        except Exception as e:  # the reader boundary: no traceback reaches a user
            raise ReadError(f"damaged {FORMAT_NAMES[fmt]} file: {_reason(e)}") from e


def _dispatch(path: Path, fmt: str, data: bytes) -> RawDocument:
    if fmt == "pdf":
        from referatkit.readers.pdf import read_pdf

        return read_pdf(path)
    if fmt == "docx":
        from referatkit.readers.docx import read_docx

        raw = read_docx(path)
        if not any(b.text.strip() for b in raw.blocks):
            raise ReadError("empty Word document (no text)")
        return raw
    if fmt == "md":
        from referatkit.readers.markdown import read_markdown

        return read_markdown(path, data)
    from referatkit.readers.txt import read_txt

    return read_txt(path, data)


def _sniff(path: Path, suffix: str, head: bytes) -> str:
    """The reader for a file: its content's signature first, its suffix otherwise."""
    if not head:
        raise ReadError("empty file")
    if head.startswith(b"%PDF-") or (suffix == ".pdf" and b"%PDF-" in head[:PDF_SIGNATURE_WINDOW]):
        return "pdf"
    if head.startswith(OLE_MAGIC):
        raise ReadError(_ole_reason(path, suffix))
    if head.startswith(ZIP_MAGIC) and (suffix in (".docx", ".docm") or b"word/" in head):
        return "docx"
    fmt = SUFFIX_FORMATS.get(suffix)
    if fmt is None:
        raise ReadError(f"unsupported file type ({suffix or 'no suffix'})")
    return fmt


def _ole_reason(path: Path, suffix: str) -> str:
    """An OLE compound file: a Word 97-2003 .doc, or an encrypted Office package."""
    try:
        with path.open("rb") as fh:
            data = fh.read(OLE_SCAN_BYTES)
    except OSError:
        data = b""
    if OLE_ENCRYPTED in data:
        return "password-protected or encrypted Word document"
    if OLE_WORD_DOC in data or suffix in (".doc", ".dot"):
        return "old Word .doc format is not supported"
    if suffix == ".docx":
        return "password-protected or encrypted Word document"
    return "an OLE compound file (old Office format), not a supported document"


def _reason(e: BaseException) -> str:
    text = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    text = " ".join(text.split())
    if len(text) > REASON_MAX_CHARS:
        text = text[: REASON_MAX_CHARS - 1] + "…"
    return text[:1].lower() + text[1:]
