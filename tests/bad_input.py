"""A folder of bad input: every case of issue 7 ("Bad input"), beside a few good files.

Used by tests/test_ingest_bad_input.py; also a script, to look at the folder or to try a
build of referatkit on it by hand::

    python tests/bad_input.py /tmp/bad-input && referatkit --db /tmp/bad.db ingest /tmp/bad-input

Each :class:`Case` says what the archive must make of its file: a failure with its one-line
``reason``, a stored document (good, or readable with a ``warning``), or a silent skip. Two
cases happen only while a run reads the folder (a file changed, a file deleted); the test
makes them happen, see :data:`DURING_THE_RUN`. Unreadable files and folders need a user the
permission bits apply to: as root (containers, CI) the test simulates them, see
:data:`UNREADABLE`.
"""

from __future__ import annotations

import io
import os
import random
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

FAILED, STORED, SKIPPED = "failed", "stored", "skipped"

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# The default --max-size is 200 MB; a sparse file this large costs no disk.
TOO_LARGE_BYTES = 201 * 1024 * 1024
ENORMOUS_LINE_WORDS = 60_000  # one line of ~300 kB: an export that lost its line breaks


@dataclass(frozen=True)
class Case:
    name: str  # path below the folder; bytes for a name that is not valid UTF-8
    what: str  # the case of the issue it stands for
    outcome: str  # FAILED | STORED | SKIPPED
    reason: str | None = None  # for FAILED: the reason stats lists, exactly
    warning: str | None = None  # for STORED: a warning the document (or the run) records

    @property
    def path_bytes(self) -> bytes:
        return self.name.encode() if isinstance(self.name, str) else self.name


def _pdf(lines: list[str], *, encrypt: bool = False) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    if encrypt:
        pdf.set_encryption(owner_password="ejer", user_password="hemmelig")
    for line in lines:
        pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _scanned_pdf() -> bytes:
    """A page with a picture and no text layer: what a scanner makes."""
    from fpdf import FPDF
    from PIL import Image

    img = Image.new("L", (400, 200), 255)
    for x in range(40, 360):  # a few dark "lines of text" in the picture
        for y in (50, 51, 90, 91, 130, 131):
            img.putpixel((x, y), 0)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(buf, x=10, y=10, w=180)
    return bytes(pdf.output())


def _zip(members: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, text in members.items():
            zf.writestr(name, text)
    return buf.getvalue()


def _docx(paragraphs: list[str]) -> bytes:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _ole_encrypted() -> bytes:
    """What Word writes for a password-protected .docx: an OLE compound file holding the
    encrypted package (the stream names are UTF-16)."""
    return (OLE_MAGIC + b"\x00" * 504 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64
            + "EncryptedPackage".encode("utf-16-le") + bytes(random.Random(7).randbytes(2048)))


REFERAT = ("Referat af møde i Styregruppen for Rammeaftalen\n\nDato: 12. marts 2021\n\n"
           "1. Godkendelse af dagsorden\n\nBeslutning: Godkendt.\n\n"
           "2. Økonomi\n\nBeslutning: Punktet blev udsat til næste møde.\n")

# Every case, in the order of the list.
CASES: tuple[Case, ...] = (
    Case("tom.txt", "empty file", FAILED, "empty file"),
    Case("tom.pdf", "empty file", FAILED, "empty file"),
    Case("kun-mellemrum.md", "empty file (blank)", FAILED, "empty file"),
    Case("tilfaeldige-bytes.pdf", "random bytes with a .pdf name", FAILED,
         "not a PDF (damaged or truncated file)"),
    Case("afkortet.pdf", "truncated PDF", FAILED, "not a PDF (damaged or truncated file)"),
    Case("krypteret.pdf", "encrypted PDF", FAILED, "encrypted PDF (password required)"),
    Case("scannet.pdf", "scanned PDF without a text layer", FAILED,
         "no text layer (scanned PDF?)"),
    Case("ikke-zip.docx", ".docx that is not a zip file", FAILED,
         "not a Word document (not a zip file)"),
    Case("zip-ikke-word.docx", ".docx that is a zip but not Word", FAILED,
         "not a Word document (no word/document.xml)"),
    Case("ødelagt-xml.docx", ".docx with damaged XML", FAILED,
         "damaged Word document (invalid XML in word/document.xml)"),
    Case("tomt-dokument.docx", ".docx without text", FAILED, "empty Word document (no text)"),
    Case("adgangskode.docx", "password-protected DOCX (OLE compound file)", FAILED,
         "password-protected or encrypted Word document"),
    Case("binaert.txt", "binary data in a .txt", FAILED, "binary data, not text"),
    Case("binaert.md", "binary data in a .md", FAILED, "binary data, not text"),
    Case("nul-bytes.txt", "NUL bytes (mostly)", FAILED, "binary data, not text"),
    Case("enkelte-nul-bytes.txt", "NUL bytes (a few, in text)", STORED,
         warning="3 NUL byte(s) removed"),
    Case("ugyldig-utf8.txt", "invalid UTF-8 (a few broken bytes)", STORED,
         warning="2 invalid UTF-8 byte sequence(s) replaced"),
    Case("en-lang-linje.txt", "one enormous line", STORED),
    Case("for-stor.txt", "file larger than --max-size", FAILED,
         "larger than --max-size (201 MB > 200 MB)"),
    Case("ulaeselig.txt", "unreadable file", FAILED, "cannot read: permission denied"),
    Case("ulaeselig-mappe", "unreadable folder", FAILED, "cannot list folder: permission denied"),
    Case("loekke.txt", "symbolic link loop (a file)", FAILED, "symbolic link loop"),
    Case("mappe/tilbage", "symbolic link loop (a folder)", SKIPPED),
    Case("brudt-link.pdf", "broken symbolic link", FAILED, "broken symbolic link"),
    Case("roer.txt", "a pipe with a .txt name", FAILED,
         "not a regular file (a device, pipe or socket)"),
    Case("aendres-under-koersel.txt", "file changed during the run", FAILED,
         "changed while being read (it is read again next run)"),
    Case("slettes-under-koersel.txt", "file deleted during the run", FAILED,
         "deleted during the run"),
    Case(b"m\xf8de-latin1-navn.txt", "name that is not valid UTF-8", STORED,
         warning="not valid UTF-8"),
    Case("~$referat.docx", "Office lock file", SKIPPED),
    Case(".~lock.referat.docx#", "LibreOffice lock file", SKIPPED),
    Case("~WRL0001.tmp", "Word temporary file", SKIPPED),
    Case("kladde.tmp", "temporary file", SKIPPED),
    Case(".skjult.txt", "hidden file", SKIPPED),
    Case(".DS_Store", "hidden file (macOS)", SKIPPED),
    Case(".git/referat.txt", "file in a hidden folder", SKIPPED),
    Case("Thumbs.db", "not a document type", SKIPPED),
    # good files, beside the bad ones
    Case("godt/referat.txt", "good TXT", STORED),
    Case("godt/referat.md", "good Markdown", STORED),
    Case("godt/referat.docx", "good DOCX", STORED),
    Case("godt/referat.pdf", "good PDF", STORED),
    Case("godt/docx-med-pdf-navn.pdf", "a DOCX named .pdf (content wins)", STORED),
)

# Made to happen while a run reads the folder: the first is appended to once it is parsed,
# the second deleted when the first is parsed.
DURING_THE_RUN = ("aendres-under-koersel.txt", "slettes-under-koersel.txt")
# Cases that need permission bits to bite (not as root): (file, folder).
UNREADABLE = ("ulaeselig.txt", "ulaeselig-mappe")


def make(root: Path) -> list[Case]:
    """Write every case below ``root`` (created; must be empty or absent)."""
    root.mkdir(parents=True, exist_ok=True)
    rng = random.Random(1)
    good_pdf = (FIXTURES / "minutes_only" / "minutes_only.pdf").read_bytes()
    data: dict[str, bytes] = {
        "tom.txt": b"",
        "tom.pdf": b"",
        "kun-mellemrum.md": b"  \n\n\t \n",
        "tilfaeldige-bytes.pdf": rng.randbytes(4096),
        "afkortet.pdf": good_pdf[: len(good_pdf) // 2],
        "krypteret.pdf": _pdf(["Fortroligt referat", "1. Personalesag"], encrypt=True),
        "scannet.pdf": _scanned_pdf(),
        "ikke-zip.docx": b"<html><body>Referat gemt som HTML</body></html>",
        "zip-ikke-word.docx": _zip({"content.xml": "<office:document/>",
                                    "mimetype": "application/vnd.oasis.opendocument.text"}),
        "ødelagt-xml.docx": _zip({"[Content_Types].xml": "<Types/>",
                                  "word/document.xml": "<w:document><w:body><w:p>"}),
        "tomt-dokument.docx": _docx([]),
        "adgangskode.docx": _ole_encrypted(),
        "binaert.txt": bytes(rng.randrange(0, 32) for _ in range(4096)),
        "binaert.md": bytes(rng.randrange(0, 256) for _ in range(4096)) + b"\x00" * 64,
        "nul-bytes.txt": b"R\x00e\x00f\x00" * 10 + b"\x00" * 2000,
        "enkelte-nul-bytes.txt": REFERAT.encode().replace(b"Dato:", b"Da\x00to\x00:\x00"),
        # UTF-8 with plenty of æøå, two bytes of it damaged (a bad copy, a bad disk)
        "ugyldig-utf8.txt": (REFERAT + "\nBilag: Økonomiopfølgning på næste møde." * 20
                             ).encode().replace("Økonomi\n".encode(), b"\xd8konomi\xff\n", 1),
        "en-lang-linje.txt": ("Referat " + "ord " * ENORMOUS_LINE_WORDS).encode(),
        "ulaeselig.txt": REFERAT.encode(),
        "ulaeselig-mappe/referat.txt": REFERAT.encode(),
        "aendres-under-koersel.txt": REFERAT.encode(),
        "slettes-under-koersel.txt": REFERAT.replace("12. marts", "9. april").encode(),
        "~$referat.docx": b"\x05Jette Hansen" + b"\x00" * 100,
        ".~lock.referat.docx#": b",Jette Hansen,pc42,01.12.2026 10:00,file:///home;",
        "~WRL0001.tmp": rng.randbytes(512),
        "kladde.tmp": b"midlertidig",
        ".skjult.txt": REFERAT.encode(),
        ".DS_Store": b"\x00\x00\x00\x01Bud1",
        ".git/referat.txt": REFERAT.encode(),
        "Thumbs.db": OLE_MAGIC + b"\x00" * 100,
        "godt/referat.txt": (FIXTURES / "minutes_only" / "minutes_only.txt").read_bytes(),
        "godt/referat.md": (FIXTURES / "table_referat" / "table_referat.md").read_bytes(),
        "godt/referat.docx": (FIXTURES / "table_referat" / "table_referat.docx").read_bytes(),
        "godt/referat.pdf": good_pdf,
        "godt/docx-med-pdf-navn.pdf": (FIXTURES / "closed_items" / "closed_items.docx"
                                       ).read_bytes(),
    }
    for name, content in data.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    with open(root / "for-stor.txt", "wb") as f:
        f.truncate(TOO_LARGE_BYTES)  # sparse: the size says 201 MB, the disk holds nothing
    latin1 = os.path.join(os.fsencode(root), b"m\xf8de-latin1-navn.txt")
    with open(latin1, "wb") as f:
        f.write(REFERAT.replace("12. marts", "7. maj").encode())
    os.symlink("loekke.txt", root / "loekke.txt")
    os.symlink("findes-ikke.pdf", root / "brudt-link.pdf")
    (root / "mappe").mkdir()
    os.symlink("..", root / "mappe" / "tilbage")
    os.mkfifo(root / "roer.txt")
    os.chmod(root / "ulaeselig.txt", 0)
    os.chmod(root / "ulaeselig-mappe", 0)
    return list(CASES)


def expected_failures(root: Path) -> dict[str, str]:
    """What ``stats --format json`` must list as failed: path → reason."""
    return {str(root / c.name): c.reason for c in CASES
            if c.outcome == FAILED and isinstance(c.name, str) and c.reason}


def cleanup(root: Path) -> None:
    """Give back the permissions taken, so the folder can be deleted."""
    for name in UNREADABLE:
        p = root / name
        if p.exists():
            os.chmod(p, 0o755 if p.is_dir() else 0o644)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python tests/bad_input.py FOLDER", file=sys.stderr)
        return 2
    root = Path(argv[0])
    if root.exists() and any(root.iterdir()):
        print(f"{root} is not empty", file=sys.stderr)
        return 2
    for case in make(root):
        name = case.name if isinstance(case.name, str) else os.fsdecode(case.name)
        print(f"{case.outcome:8} {name!r:40} {case.what}"
              + (f" -> {case.reason}" if case.reason else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
