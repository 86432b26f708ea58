"""Read-only queries: search, decisions, show, stats, export."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_docs import notat_document, other_meeting_document, sample_document, store_documents
from referatkit import ids, queries, store
from referatkit.errors import DatabaseError, NotFoundError, UsageError
from referatkit.store import Store, open_store


@pytest.fixture
def db(tmp_path: Path) -> Store:
    s = open_store(tmp_path / "q.db")
    store_documents(s, sample_document(), notat_document(), other_meeting_document())
    s.close()
    st = queries.open_archive(tmp_path / "q.db")
    yield st
    st.close()


# --- search (tests/test_search.py has the rest) ---------------------------------------------


def test_queries_search_gives_the_hits_of_the_search_module(db: Store) -> None:
    from referatkit import search

    assert queries.search(db, "F-ACT", limit=3) == search.search(db, "F-ACT", limit=3).hits
    assert queries.build_match("F-ACT søer") == '"f act" AND "søer"'


# --- decisions --------------------------------------------------------------------------------


def test_decisions_in_meeting_order_without_proposals(db: Store) -> None:
    rows = queries.decisions(db)
    assert [r.meeting_date for r in rows] == ["2020-05-15"] + ["2021-03-26"] * 6
    texts = [r.text for r in rows]
    assert "Det indstilles, at budgettet godkendes." not in texts  # a proposal
    assert texts[1:] == ["Dagsordenen blev godkendt.", "Udsat til næste møde.", "Godkendt.",
                         "Godkendt.", "Sagen oversendes til KKR.", "Intet."]
    budget = rows[2]
    assert (budget.status, budget.owner, budget.due) == ("postponed", "Sekretariatet", "2021-05-28")
    assert (budget.item_number, budget.item_title) == ("2", "Økonomi for F-ACT teamet 2021")
    assert len(budget.id) == 12


def test_open_decisions(db: Store) -> None:
    rows = queries.decisions(db, open_only=True)
    assert [(r.status, r.text) for r in rows] == [
        ("action", "Netværket undersøger F-ACT modellen."),
        ("postponed", "Udsat til næste møde."),
        ("referred", "Sagen oversendes til KKR."),
    ]


def test_decision_filters(db: Store) -> None:
    assert [r.text for r in queries.decisions(db, status="referred")] == ["Sagen oversendes til KKR."]
    assert [r.owner for r in queries.decisions(db, owner="jette")] == ["Jette Hansen"]
    assert len(queries.decisions(db, forum="netværk")) == 1
    assert len(queries.decisions(db, date_from="2021-01-01", date_to="2021-12-31")) == 6
    assert [r.text for r in queries.decisions(db, kind="proposal")] == [
        "Det indstilles, at budgettet godkendes."]
    with pytest.raises(UsageError, match="unknown status 'udsat'"):
        queries.decisions(db, status="udsat")


def test_the_same_minutes_in_two_formats_list_each_decision_once(tmp_path: Path) -> None:
    with open_store(tmp_path / "two.db") as s:
        store_documents(s, sample_document(path="/a/referat.pdf", sha256="1" * 64, fmt="pdf"),
                        sample_document(path="/a/referat.docx", sha256="2" * 64, fmt="docx"))
        rows = queries.decisions(s)
        assert len(rows) == 6
        assert {r.copies for r in rows} == {2}
        assert {r.path for r in rows} == {"/a/referat.docx"}  # first by path


# --- show and export --------------------------------------------------------------------------


def _doc_id(db: Store, title: str) -> str:
    return db.scalar("SELECT id FROM documents WHERE title = ?", [title])


def test_show_by_id_prefix_path_suffix_and_number(db: Store) -> None:
    doc_id = _doc_id(db, "Referat af styregruppemøde")
    for ref in (doc_id, doc_id.upper(), doc_id[:6], "/arkiv/2021/referat-26-marts.txt",
                "2021/referat-26-marts.txt", "referat-26-marts.txt", "1"):
        assert queries.show(db, ref).id == doc_id, ref
    assert queries.show(db, "2").document.doc_type == "notat"
    shown = queries.show(db, doc_id)
    assert shown.document.items[1].decisions[1].actions[0].owner == "Sekretariatet"
    assert shown.paths == ["/arkiv/2021/referat-26-marts.txt"]


def test_show_unknown_references(db: Store) -> None:
    with pytest.raises(NotFoundError, match="no document 'nope.pdf' in the archive"):
        queries.show(db, "nope.pdf")
    with pytest.raises(NotFoundError, match="no document number 9: the archive holds 3 documents"):
        queries.show(db, "9")
    with pytest.raises(NotFoundError):
        queries.show(db, "0")
    with pytest.raises(UsageError, match="no document given"):
        queries.show(db, " ")


def test_an_ambiguous_reference_lists_candidates(tmp_path: Path) -> None:
    with open_store(tmp_path / "amb.db") as s:
        store_documents(s, sample_document(path="/x/2020/referat.txt", sha256="1" * 64),
                        sample_document(path="/x/2021/referat.txt", sha256="2" * 64))
        with pytest.raises(UsageError, match="'referat.txt' matches 2 documents"):
            queries.show(s, "referat.txt")
        assert queries.show(s, "2021/referat.txt").paths == ["/x/2021/referat.txt"]
        with pytest.raises(NotFoundError):
            queries.show(s, "eferat.txt")  # only whole path components match


def test_export_is_the_documents_export_plus_id_paths_and_removed(db: Store) -> None:
    exported = queries.export(db, include_closed=True)
    assert [d["path"] for d in exported] == sorted(d["path"] for d in exported)
    originals = {d.path: d for d in (sample_document(), notat_document(), other_meeting_document())}
    for obj in exported:
        original = originals[obj["path"]]
        ids.assign_decision_ids(original)
        expected = {"id": obj["id"], **original.export(), "paths": [original.path],
                    "removed": False, "warnings": original.warnings}
        assert obj == expected
    # DESIGN.md's schema: the names others rely on are there
    first = exported[0]
    for key in ("path", "sha256", "format", "doc_type", "title", "forum", "meeting_date",
                "participants", "items"):
        assert key in first
    item = next(d for d in exported if d["doc_type"] == "referat" and d["participants"])["items"][1]
    assert set(item) >= {"number", "title", "closed", "sections", "decisions", "attachments"}
    assert set(item["decisions"][0]) >= {"id", "text", "status", "owner", "due"}


# --- stats ------------------------------------------------------------------------------------


def test_stats(db: Store) -> None:
    s = queries.stats(db)
    assert s.documents == 3
    assert s.documents_by_format == {"txt": 3}
    assert s.documents_by_doc_type == {"notat": 1, "referat": 2}
    assert (s.documents_with_date, s.documents_with_items) == (2, 2)
    assert s.items == 6
    assert s.decisions == 7
    assert s.decisions_by_status == {"action": 1, "approved": 3, "none": 1, "postponed": 1,
                                     "referred": 1}
    assert s.open_decisions == 3
    assert s.participants == 2
    assert s.files == {"ok": 3, "failed": 0, "removed": 0}
    assert s.failed == []
    assert s.last_run["roots"] == ["test"]
    assert s.to_dict()["schema_version"] == store.SCHEMA_VERSION == 7


def test_parse_date_bound() -> None:
    assert queries.parse_date_bound("2020") == "2020-01-01"
    assert queries.parse_date_bound("2020", end=True) == "2020-12-31"
    assert queries.parse_date_bound("2020-2", end=True) == "2020-02-29"
    assert queries.parse_date_bound("2021-02-03") == "2021-02-03"
    assert queries.parse_date_bound(None) is None
    with pytest.raises(UsageError, match="--to '15/5' is not a date"):
        queries.parse_date_bound("15/5", option="--to")


def test_queries_cannot_write(db: Store) -> None:
    with pytest.raises(DatabaseError):
        db.rows("DELETE FROM documents")


def test_closed_items_are_left_out_of_export_and_show_unless_asked(db: Store) -> None:
    """Lukket punkt / Fortroligt: stored, but not shown or exported by default."""
    def titles(docs: list[dict]) -> list[str]:
        return [it["title"] for d in docs for it in d["items"]]

    closed = "Lukket punkt: personalesag"
    assert closed not in titles(queries.export(db))
    assert closed in titles(queries.export(db, include_closed=True))
    assert db.scalar("SELECT count(*) FROM items WHERE closed = 1") == 1  # the data is there
    doc_id = next(d["id"] for d in queries.export(db, include_closed=True)
                  if closed in titles([d]))
    shown = queries.show(db, doc_id)
    assert closed not in [it.title for it in shown.document.items]
    assert shown.closed_items_left_out == 1
    full = queries.show(db, doc_id, include_closed=True)
    assert closed in [it.title for it in full.document.items]
    assert full.closed_items_left_out == 0
