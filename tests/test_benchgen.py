"""scripts/benchgen.py: the benchmark archive is deterministic, realistic in shape, and read
by the real pipeline."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from referatkit import pipeline

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"


_spec = importlib.util.spec_from_file_location("benchgen", SCRIPTS / "benchgen.py")
assert _spec is not None and _spec.loader is not None
BG = importlib.util.module_from_spec(_spec)
sys.modules["benchgen"] = BG  # the archive's workers import it by name
_spec.loader.exec_module(BG)


def _fonts():
    fonts = BG.MF.find_fonts()
    if fonts is None:
        pytest.skip("PDF generation needs DejaVu Sans (apt install fonts-dejavu-core)")
    return fonts


def test_same_seed_same_bytes_in_every_format() -> None:
    fonts = _fonts()
    for index in range(3):  # one document per format
        a, b = BG.spec(7, index), BG.spec(7, index)
        assert a.fmt == BG.FORMATS[index]
        assert BG.render(a, fonts) == BG.render(b, fonts)


def test_another_seed_or_an_edit_gives_other_content() -> None:
    base = BG.render(BG.spec(7, 2), None)  # TXT: no fonts needed
    assert BG.render(BG.spec(8, 2), None) != base
    edited = BG.spec(7, 2, variant=1)
    assert edited.relpath == BG.spec(7, 2).relpath  # same meeting, same file
    assert BG.render(edited, None) != base


def test_added_documents_are_later_meetings_outside_the_manifest(tmp_path: Path) -> None:
    _fonts()
    out = tmp_path / "archive"
    BG.generate(out, 3)  # one TXT among them; added: indexes 3.. (the 4th is a PDF)
    added = BG.add(out, 0.34)
    assert [d["path"].split("/")[0] for d in added] == [BG.ADDED_DIR]
    date = added[0]["path"].rsplit("/", 1)[1][:10]
    assert date >= BG.ADDED_FROM.isoformat()
    assert (out / added[0]["path"]).is_file()
    assert BG.cached(out, 3)["n"] == 3  # the manifest knows nothing of them ...
    assert not (out / BG.ADDED_DIR).exists()  # ... and a cached archive is without them


def test_a_document_does_not_depend_on_the_archive_size(tmp_path: Path) -> None:
    _fonts()
    small = BG.generate(tmp_path / "a", 3, seed=5, jobs=1)
    large = BG.generate(tmp_path / "b", 5, seed=5, jobs=1)
    assert small["documents"] == large["documents"][:3]
    for d in small["documents"]:
        assert (tmp_path / "a" / d["path"]).read_bytes() == (tmp_path / "b" / d["path"]).read_bytes()


def test_documents_have_the_shape_the_benchmark_promises() -> None:
    genres, formats = set(), set()
    for index in range(9):
        s = BG.spec(3, index)
        genres.add(s.genre)
        formats.add(s.fmt)
        assert BG.MIN_PAGES <= s.pages <= BG.MAX_PAGES
        assert s.items >= 5 and s.decisions >= s.items
        text = BG.render(s, None).decode("utf-8") if s.fmt == "txt" else ""
        if text:
            assert text.count("\f") == s.pages - 1  # one page break per page, as planned
            assert any(ch in text for ch in "æøå")
    assert genres == set(BG.GENRES) and formats == set(BG.FORMATS)


def test_the_pdf_has_the_planned_pages_and_a_ruled_table(tmp_path: Path) -> None:
    fonts = _fonts()
    s = BG.spec(3, 0)  # index 0: a PDF of the table genre
    assert (s.fmt, s.genre) == ("pdf", "table")
    path = tmp_path / "x.pdf"
    path.write_bytes(BG.render(s, fonts))
    (doc,) = pipeline.parse_file(path)
    assert doc.pages == s.pages
    assert len(doc.items) == s.items  # every row of the referat table is an item
    assert doc.participants


def test_edit_and_cached_restore_the_archive(tmp_path: Path) -> None:
    out = tmp_path / "arch"
    m = BG.cached(out, 4, seed=2, jobs=1)
    before = {d["path"]: (out / d["path"]).read_bytes() for d in m["documents"]}
    changed = BG.edit(out, share=0.5, jobs=1)
    assert changed and all((out / p).read_bytes() != before[p] for p in changed)
    BG.cached(out, 4, seed=2, jobs=1)
    assert {p: (out / p).read_bytes() for p in before} == before
    assert json.loads((out / BG.MANIFEST).read_text(encoding="utf-8"))["n"] == 4


def test_a_correction_adds_one_sentence_and_changes_nothing_else(tmp_path: Path) -> None:
    s, fixed = BG.spec(7, 2), BG.spec(7, 2, variant=-1)  # index 2: TXT, no fonts needed
    assert fixed.relpath == s.relpath and fixed.fmt == "txt"
    parsed = []
    for name, spec in (("a", s), ("b", fixed)):
        path = tmp_path / f"{name}.txt"
        path.write_bytes(BG.render(spec, None))
        (doc,) = pipeline.parse_file(path)
        parsed.append(doc)
    a, b = parsed
    assert [i.title for i in a.items] == [i.title for i in b.items]
    assert [[d.status for d in i.decisions] for i in a.items] == [
        [d.status for d in i.decisions] for i in b.items]
    differ = [(x, y) for x, y in zip(a.items, b.items, strict=True)
              if x.text().split() != y.text().split()]  # lines may break elsewhere
    assert len(differ) == 1
    assert " ".join(BG.CORRECTION.split()) in " ".join(differ[0][1].text().split())


def test_corrections_and_rewrites_change_other_files(tmp_path: Path) -> None:
    _fonts()
    out = tmp_path / "archive"
    BG.generate(out, 8, jobs=1)
    rewritten = BG.edit(out, 0.25, jobs=1)
    corrected = BG.edit(out, 0.25, jobs=1, kind="correct")
    assert rewritten and corrected and not set(rewritten) & set(corrected)
    m = BG.cached(out, 8)  # both kinds are written back as generated
    assert all(d["variant"] == 0 for d in m["documents"])
