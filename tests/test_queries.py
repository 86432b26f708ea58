"""Read-only queries: search, decisions, show, stats, export."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_docs import FORUM, notat_document, sample_document
from referatkit import ids, queries, store
from referatkit.errors import DatabaseError, NotFoundError, QueryError, UsageError
from referatkit.model import Decision, Document, Item
from referatkit.store import FileRecord, Store, open_store


def _put(s: Store, *docs: Document) -> None:
    run = s.start_run(["test"])
    for doc in docs:
        s.store_file(FileRecord(doc.path, 1, 1, doc.sha256), [doc], run)


def _other_meeting() -> Document:
    return Document(
        path="/arkiv/2020/netvaerk.txt", format="txt", sha256="d" * 64, doc_type="referat",
        title="Referat netværksmøde", forum="Netværket for Voksne Sindslidende",
        meeting_date="2020-05-15",
        items=[Item("1", "Rammeaftale og F-ACT", decisions=[
            Decision("Netværket undersøger F-ACT modellen.", "action", owner="Jette Hansen"),
        ])],
    )


@pytest.fixture
def db(tmp_path: Path) -> Store:
    s = open_store(tmp_path / "q.db")
    _put(s, sample_document(), notat_document(), _other_meeting())
    s.close()
    st = queries.open_archive(tmp_path / "q.db")
    yield st
    st.close()


# --- build_match: user text never reaches MATCH as syntax ----------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("F-ACT", '"F-ACT"'),
        ("budget AND NOT", '"budget" "AND" "NOT"'),
        ('"søer og åer" region', '"søer og åer" "region"'),
        ('unbalanced "quote', '"unbalanced" """quote"'),
        ("NEAR(a b) col:x *", '"NEAR(a" "b)" "col:x"'),
    ],
)
def test_build_match_quotes_every_term(query: str, expected: str) -> None:
    assert queries.build_match(query) == expected


def test_empty_and_wordless_queries_are_refused() -> None:
    with pytest.raises(QueryError, match="^empty query$"):
        queries.build_match("   ")
    with pytest.raises(QueryError, match="no letters or digits"):
        queries.build_match('- * ""')


# --- search -----------------------------------------------------------------------------------


def test_search_finds_items_sections_and_decisions(db: Store) -> None:
    hits = queries.search(db, "F-ACT")
    kinds = {(h.kind, h.item_title) for h in hits}
    assert ("item", "Økonomi for F-ACT teamet 2021") in kinds
    assert ("section", "Økonomi for F-ACT teamet 2021") in kinds
    assert ("decision", "Rammeaftale og F-ACT") in kinds
    top = hits[0]
    assert top.score >= hits[-1].score
    assert "**F**-**ACT**" in " ".join(h.snippet for h in hits) or "**F-ACT**" in " ".join(
        h.snippet for h in hits)
    assert all(h.path and h.document_id for h in hits)


def test_search_rows_carry_the_meeting(db: Store) -> None:
    (hit,) = queries.search(db, "bød velkommen")
    assert hit.kind == "section"
    assert (hit.meeting_date, hit.forum) == ("2021-03-26", FORUM)
    assert (hit.item_number, hit.item_title) == ("1", "Velkommen og godkendelse af dagsorden")
    assert hit.path == "/arkiv/2021/referat-26-marts.txt"
    assert hit.snippet == "Formanden **bød** **velkommen**."


def test_search_keeps_danish_letters_apart(db: Store) -> None:
    assert queries.search(db, "søer")
    assert queries.search(db, "soer") == []
    assert queries.search(db, "SØER")  # case folds, letters do not


def test_a_phrase_must_occur_together(db: Store) -> None:
    assert queries.search(db, '"søer og åer"')
    assert queries.search(db, '"åer og søer"') == []


def test_search_filters(db: Store) -> None:
    assert {h.forum for h in queries.search(db, "F-ACT", forum="netVÆRKET")} == {
        "Netværket for Voksne Sindslidende"}
    assert {h.meeting_date for h in queries.search(db, "F-ACT", date_from="2021")} == {"2021-03-26"}
    assert {h.meeting_date for h in queries.search(db, "F-ACT", date_to="2020-12")} == {"2020-05-15"}
    assert {h.kind for h in queries.search(db, "F-ACT", kind="decision")} == {"decision"}
    with pytest.raises(UsageError, match="unknown kind"):
        queries.search(db, "F-ACT", kind="page")
    with pytest.raises(UsageError, match="'2021-13-01' is not a date"):
        queries.search(db, "F-ACT", date_from="2021-13-01")


def test_search_pages(db: Store) -> None:
    everything = queries.search(db, "F-ACT", limit=50)
    assert len(everything) >= 4
    assert queries.search(db, "F-ACT", limit=2) == everything[:2]
    assert queries.search(db, "F-ACT", limit=2, offset=2) == everything[2:4]
    with pytest.raises(UsageError):
        queries.search(db, "F-ACT", limit=0)


def test_document_titles_and_memo_sections_are_searchable(db: Store) -> None:
    assert {h.kind for h in queries.search(db, "styregruppemøde")} == {"document"}
    (hit,) = queries.search(db, "sengepladser")
    assert (hit.kind, hit.item_title, hit.meeting_date) == ("section", None, None)


def test_search_opens_a_path_too(tmp_path: Path, db: Store) -> None:
    assert queries.search(tmp_path / "q.db", "søer")
    with pytest.raises(DatabaseError, match="no database at"):
        queries.search(tmp_path / "none.db", "søer")


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
        _put(s, sample_document(path="/a/referat.pdf", sha256="1" * 64, fmt="pdf"),
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
        _put(s, sample_document(path="/x/2020/referat.txt", sha256="1" * 64),
             sample_document(path="/x/2021/referat.txt", sha256="2" * 64))
        with pytest.raises(UsageError, match="'referat.txt' matches 2 documents"):
            queries.show(s, "referat.txt")
        assert queries.show(s, "2021/referat.txt").paths == ["/x/2021/referat.txt"]
        with pytest.raises(NotFoundError):
            queries.show(s, "eferat.txt")  # only whole path components match


def test_export_is_the_documents_export_plus_id_paths_and_removed(db: Store) -> None:
    exported = queries.export(db, include_closed=True)
    assert [d["path"] for d in exported] == sorted(d["path"] for d in exported)
    originals = {d.path: d for d in (sample_document(), notat_document(), _other_meeting())}
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
    assert s.to_dict()["schema_version"] == store.SCHEMA_VERSION == 2


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
