"""Search that Danish users trust (issue 5): any text is a query, Danish words meet their
other forms and compounds, typos get suggestions, filters and ranking, and the timeline.

Two archives: a small hand-built one (archive_docs) for exact expectations, and fixtures/
ingested whole (every document as TXT, DOCX, PDF and Markdown) for real Danish text.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive_docs import (
    FORUM,
    notat_document,
    other_meeting_document,
    sample_document,
    store_documents,
)
from referatkit import cli, search, store
from referatkit.errors import DatabaseError, NotFoundError, QueryError, ReferatkitError, UsageError
from referatkit.ingest import ingest
from referatkit.model import Document, Item, Section
from referatkit.store import Store, open_store
from v1_archive import v1_archive


@pytest.fixture(scope="module")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("small") / "q.db"
    with open_store(path) as s:
        store_documents(s, sample_document(), notat_document(), other_meeting_document())
    return path


@pytest.fixture
def db(small_db: Path) -> Store:
    from referatkit import queries

    st_ = queries.open_archive(small_db)
    yield st_
    st_.close()


@pytest.fixture(scope="module")
def fixtures_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """fixtures/ ingested: every document in four formats."""
    path = tmp_path_factory.mktemp("fixtures") / "fx.db"
    report = ingest([Path(__file__).parent.parent / "fixtures"], path)
    assert report.failed == 0
    return path


def _hits(db: Store | Path, query: str, **kw: object) -> list[search.SearchHit]:
    return search.search(db, query, limit=kw.pop("limit", 100), **kw).hits  # type: ignore[arg-type]


def _texts(hits: list[search.SearchHit]) -> str:
    return " ".join(h.snippet for h in hits).lower()


# --- any text is a query ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("F-ACT", '"f act"'),
        ("budget AND NOT", '"budget" AND "and" AND "not"'),
        ('"søer og åer" region', '"søer og åer" AND "region"'),
        ('unbalanced "quote', '"unbalanced" AND "quote"'),
        ("NEAR(a b) col:x *", '"near a" AND "b" AND "col x"'),
        ("'; DROP TABLE items; --", '"drop" AND "table" AND "items"'),
        ("§ 107", '"107"'),
        ('"KKR-regi"', '"kkr regi"'),
        ("rammeaft*", '"rammeaft" *'),
        ('"næste mø*"', '"næste mø" *'),
    ],
)
def test_build_match_quotes_every_term(query: str, expected: str) -> None:
    assert search.build_match(query) == expected


def test_empty_and_wordless_queries_are_refused() -> None:
    for empty in ("", "   ", "\t\n"):
        with pytest.raises(QueryError, match="^empty query"):
            search.parse(empty)
    with pytest.raises(QueryError, match="no letters or digits"):
        search.parse('- * "" § ()')
    with pytest.raises(QueryError, match="a prefix needs at least 2 letters"):
        search.parse("a*")
    with pytest.raises(QueryError, match="at most 32"):
        search.parse(" ".join(f"ord{i}" for i in range(40)))


def test_undecodable_bytes_in_a_command_line_are_no_problem(db: Store) -> None:
    # Python reads bytes that are not UTF-8 as lone surrogates: they are dropped, not fatal.
    assert _hits(db, "s\udcf8er") == []
    assert _hits(db, "søer\udcff")


@pytest.mark.parametrize("query", ["F-ACT", "§ 107", '"KKR-regi"', '"quoted"', "(parens)",
                                   "*", "-", "AND", "OR", "NOT", "'; DROP TABLE items; --",
                                   "NEAR(a b)", "col:x", "^start", "a-", "--", "\\", "x'y"])
def test_odd_text_searches_as_text(db: Store, query: str) -> None:
    try:
        search.search(db, query)
    except QueryError as e:  # only "nothing to search for"
        assert "no letters or digits" in e.message


def test_raw_passes_fts5_syntax_through(db: Store) -> None:
    assert {h.kind for h in _hits(db, '"f act" NOT budgettet', raw=True)} >= {"item", "decision"}
    assert _hits(db, "title: søer", raw=True)[0].kind == "item"
    assert all("**" in h.snippet for h in _hits(db, "søer OR åer", raw=True))


@pytest.mark.parametrize(("query", "says"), [
    ('"unclosed', "unterminated string"),
    ("budget AND", "syntax error at the end"),
    ("x:budget", "no such column: x"),
    ("NEAR(a b, x)", 'expected integer, got "x"'),
    ("(", "syntax error"),
])
def test_raw_errors_are_one_readable_line(db: Store, query: str, says: str) -> None:
    with pytest.raises(QueryError) as e:
        search.search(db, query, raw=True)
    assert says in e.value.message
    assert e.value.message.startswith(f"invalid --raw query {query!r}: ")
    assert "\n" not in e.value.message
    with pytest.raises(QueryError, match="^empty query$"):
        search.search(db, "  ", raw=True)


# Property tests: whatever a user types, search answers or refuses in one clean line.

_ANY_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60) | \
    st.text(alphabet='"*()-^:+ ANDORNEAR§\'; ', max_size=30)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=_ANY_TEXT, raw=st.booleans(), exact=st.booleans(), aa=st.booleans())
def test_any_text_is_a_query_for_the_library(small_db: Path, query: str, raw: bool,
                                             exact: bool, aa: bool) -> None:
    try:
        result = search.search(small_db, query, raw=raw, exact=exact, aa=aa)
    except QueryError as e:
        assert e.exit_code == 2 and e.message and "\n" not in e.message
    else:
        assert all(isinstance(h.snippet, str) for h in result.hits)


def _cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.run(list(args))
    return code, out.getvalue(), err.getvalue()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=_ANY_TEXT, raw=st.booleans(), fmt=st.sampled_from(["table", "json", "csv"]))
def test_any_text_is_a_query_for_the_command(small_db: Path, query: str, raw: bool,
                                             fmt: str) -> None:
    args = ["--db", str(small_db), "search", "--format", fmt, *(["--raw"] if raw else []),
            "--", query]
    code, out, err = _cli(*args)
    assert code in (0, 2), err
    assert "Traceback" not in err and "unexpected" not in err
    if code == 2:
        assert out == ""
        lines = [x for x in err.splitlines() if x.strip()]
        assert lines[0].startswith("Error: ") and len(lines) == 1
    elif fmt == "json":
        assert isinstance(json.loads(out), list)


def test_the_command_reports_a_bad_query_and_bad_options(small_db: Path) -> None:
    code, out, err = _cli("--db", str(small_db), "search", "")
    assert (code, out) == (2, "")
    assert err.startswith("Error: empty query (give a word to search for")
    code, _, err = _cli("--db", str(small_db), "search", "budget AND", "--raw")
    assert code == 2 and err.strip() == (
        "Error: invalid --raw query 'budget AND': syntax error at the end (FTS5 syntax: "
        'words, "phrases", prefix*, AND, OR, NOT, NEAR(a b, 5), title: or body:)')
    for opts, says in ((["--in", "pages"], "unknown --in 'pages'"),
                       (["--status", "udsat"], "unknown status 'udsat'"),
                       (["--doc-type", "mail"], "unknown document type 'mail'"),
                       (["--year", "21"], "--year '21' is not a year"),
                       (["--year", "2021", "--from", "2020"], "cannot be combined"),
                       (["--from", "2022", "--to", "2021"], "is after --to"),
                       (["--forum", "ingen sådan"], "no forum matches 'ingen sådan'"),
                       (["--limit", "0"], "--limit must be at least 1"),
                       (["--offset", "-1"], "--offset must not be negative")):
        code, out, err = _cli("--db", str(small_db), "search", "søer", *opts)
        assert (code, out) == (2, ""), opts
        assert says in err and err.startswith("Error: "), (opts, err)


# --- the small archive: letters, phrases, filters, paging -------------------------------------


def test_search_finds_items_sections_and_decisions(db: Store) -> None:
    hits = _hits(db, "F-ACT")
    kinds = {(h.kind, h.item_title) for h in hits}
    assert ("item", "Økonomi for F-ACT teamet 2021") in kinds
    assert ("section", "Økonomi for F-ACT teamet 2021") in kinds
    assert ("decision", "Rammeaftale og F-ACT") in kinds
    assert "**F**-**ACT**" in _texts(hits).upper()
    assert all(h.path and h.document_id for h in hits)


def test_search_rows_carry_the_meeting(db: Store) -> None:
    (hit,) = _hits(db, "bød velkommen")
    assert hit.kind == "section"
    assert (hit.meeting_date, hit.forum) == ("2021-03-26", FORUM)
    assert (hit.item_number, hit.item_title) == ("1", "Velkommen og godkendelse af dagsorden")
    assert hit.path == "/arkiv/2021/referat-26-marts.txt"
    assert hit.snippet == "Formanden **bød velkommen**."
    assert (hit.match, hit.copies, hit.other_paths) == ("exact", 1, [])


def test_search_keeps_danish_letters_apart(db: Store) -> None:
    assert _hits(db, "søer")
    assert _hits(db, "soer") == []
    assert _hits(db, "SØER")  # case folds, letters do not
    assert _hits(db, "aer") == [] and _hits(db, "åer")


def test_a_phrase_must_occur_together(db: Store) -> None:
    assert _hits(db, '"søer og åer"')
    assert _hits(db, '"åer og søer"') == []


def test_cpr_numbers_are_not_searchable(db: Store) -> None:
    assert _hits(db, "010203-1234") == []
    assert _hits(db, "010203") == []
    assert "XXXXXX-XXXX" in _hits(db, "CPR")[0].snippet


def test_search_filters(db: Store) -> None:
    assert {h.forum for h in _hits(db, "F-ACT", forum="netVÆRKET")} == {
        "Netværket for Voksne Sindslidende"}
    assert {h.meeting_date for h in _hits(db, "F-ACT", date_from="2021")} == {"2021-03-26"}
    assert {h.meeting_date for h in _hits(db, "F-ACT", date_to="2020-12")} == {"2020-05-15"}
    assert {h.meeting_date for h in _hits(db, "F-ACT", year=2020)} == {"2020-05-15"}
    assert {h.kind for h in _hits(db, "F-ACT", kind="decision")} == {"decision"}
    assert {h.kind for h in _hits(db, "F-ACT", scope="decisions")} == {"decision"}
    # --in items: not the document title or the memo
    assert _hits(db, "styregruppemøde", scope="items") == []
    assert _hits(db, "sengepladser", scope="items") == []
    assert _hits(db, "sengepladser", scope="all")
    assert _hits(db, "sengepladser", doc_type="referat") == []
    assert _hits(db, "sengepladser", doc_type="notat")
    with pytest.raises(UsageError, match="unknown kind"):
        search.search(db, "F-ACT", kind="page")
    with pytest.raises(UsageError, match="'2021-13-01' is not a date"):
        search.search(db, "F-ACT", date_from="2021-13-01")
    with pytest.raises(NotFoundError, match="no forum matches"):
        search.search(db, "F-ACT", forum="byrådet")


def test_status_filter_keeps_items_with_a_decision_of_that_status(db: Store) -> None:
    hits = _hits(db, "budgettet", status="postponed")
    assert hits and {h.item_title for h in hits} == {"Økonomi for F-ACT teamet 2021"}
    assert _hits(db, "budgettet", status="rejected") == []
    # a decision hit has the status itself
    assert [h.snippet for h in _hits(db, "udsat", status="postponed", kind="decision")] == [
        "**Udsat** til næste møde."]
    assert _hits(db, "udsat", status="approved", kind="decision") == []


def test_closed_items_are_left_out_unless_asked_for(db: Store) -> None:
    assert _hits(db, "personalesag") == []
    assert _hits(db, "KKR") == []
    closed = _hits(db, "personalesag", include_closed=True)
    assert [h.item_title for h in closed] == ["Lukket punkt: personalesag"]


def test_search_pages(db: Store) -> None:
    everything = search.search(db, "F-ACT", limit=50)
    assert len(everything.hits) >= 4 and not everything.more
    first = search.search(db, "F-ACT", limit=2)
    assert first.hits == everything.hits[:2] and first.more
    second = search.search(db, "F-ACT", limit=2, offset=2)
    assert second.hits == everything.hits[2:4] and second.offset == 2
    assert search.search(db, "F-ACT", offset=50).hits == []
    with pytest.raises(UsageError):
        search.search(db, "F-ACT", limit=0)


def test_document_titles_and_memo_sections_are_searchable(db: Store) -> None:
    assert {h.kind for h in _hits(db, "styregruppemøde")} == {"document"}
    (hit,) = _hits(db, "sengepladser")
    assert (hit.kind, hit.item_title, hit.meeting_date) == ("section", None, None)


def test_search_opens_a_path_too(tmp_path: Path, small_db: Path) -> None:
    assert _hits(small_db, "søer")
    with pytest.raises(DatabaseError, match="no database at"):
        search.search(tmp_path / "none.db", "søer")


def test_title_hits_come_before_text_hits_and_ties_go_to_the_newest(tmp_path: Path) -> None:
    def meeting(n: int, date: str, title: str, text: str) -> Document:
        return Document(path=f"/m/{n}.txt", format="txt", sha256=f"{n:064d}",
                        doc_type="referat", forum="Udvalget", meeting_date=date,
                        items=[Item("1", title, sections=[Section("Referat", "minutes", text)])])

    with open_store(tmp_path / "r.db") as s:
        store_documents(
            s, meeting(1, "2019-01-10", "Eventuelt", "Snerydning blev nævnt."),
            meeting(2, "2021-01-10", "Eventuelt", "Snerydning blev nævnt."),
            meeting(3, "2020-01-10", "Snerydning og vejsalt i vinteren", "Intet nyt."),
            meeting(4, "2018-01-10", "Eventuelt", "Snerydning blev nævnt igen og igen."))
        hits = _hits(s, "snerydning")
    assert [(h.kind, h.meeting_date) for h in hits] == [
        ("item", "2020-01-10"),  # the title hit first
        ("section", "2021-01-10"), ("section", "2019-01-10"),  # equal text: the newest first
        ("section", "2018-01-10"),  # a longer text ranks lower
    ]


# --- fixtures: real Danish text in four formats -----------------------------------------------


def test_stemming_meets_the_forms_of_a_word(fixtures_db: Path) -> None:
    r = search.search(fixtures_db, "beslutning", limit=100)
    assert {"beslutningen"} <= set(r.words[0].forms)
    matches = [h.match for h in r.hits]
    assert "exact" in matches and "form" in matches
    assert matches == sorted(matches, key=search.MATCH_ORDER.index)  # exact first
    assert "**beslutningen**" in _texts([h for h in r.hits if h.match == "form"])
    # the same from the other side: the definite form finds the bare word
    assert "**beslutning**" in _texts(_hits(fixtures_db, "beslutningen"))


def test_compounds_come_after_whole_words_and_exact_turns_them_off(fixtures_db: Path) -> None:
    r = search.search(fixtures_db, "aftale", limit=200)
    (w,) = r.words
    assert {"rammeaftale", "samarbejdsaftale"} <= set(w.compounds)
    assert {"aftalen", "aftaler"} <= set(w.forms)
    matches = [h.match for h in r.hits]
    assert matches == sorted(matches, key=search.MATCH_ORDER.index)
    compound_text = _texts([h for h in r.hits if h.match == "compound"])
    assert "**rammeaftale" in compound_text and "**samarbejdsaftale" in compound_text
    exact = search.search(fixtures_db, "aftale", exact=True, limit=200)
    assert exact.words == [] and {h.match for h in exact.hits} == {"exact"}
    assert "rammeaftale" not in _texts(exact.hits)
    assert "aftaler" not in _texts(exact.hits).replace("**aftale**", "")


def test_short_words_find_compounds_only_with_a_known_other_part(fixtures_db: Path) -> None:
    (w,) = search.search(fixtures_db, "møde").words
    assert {"temamøde", "netværksmøde", "mødested"} <= set(w.compounds)  # tema, netværk(s), sted
    (w,) = search.search(fixtures_db, "råd").words  # too short to look inside words
    assert w.forms == ["rådet", "rådets"] and w.compounds == []


def test_danish_letters_stay_letters(fixtures_db: Path) -> None:
    assert "**møde**" in _texts(_hits(fixtures_db, "møde", exact=True))
    assert "**mode" not in _texts(_hits(fixtures_db, "møde"))
    assert all("møde" not in h.snippet.lower() for h in _hits(fixtures_db, "mode"))


def test_aa_reads_as_å_on_request(fixtures_db: Path) -> None:
    assert _hits(fixtures_db, "handicapraad") == []
    hits = _hits(fixtures_db, "handicapraad", aa=True)
    assert hits and "**handicaprådet**" in _texts(hits)
    # and back: "å" finds the old spelling
    assert "aagaard" in _texts(_hits(fixtures_db, "ågaard", aa=True))
    assert _hits(fixtures_db, "ågaard") == []


def test_typos_get_suggestions_from_the_archive(fixtures_db: Path) -> None:
    r = search.search(fixtures_db, "beslutnig")
    assert r.hits == [] and r.suggestions[0] == "beslutning"
    assert search.search(fixtures_db, "psykatri").suggestions == ["psykiatrien"]
    assert search.search(fixtures_db, "aftael").suggestions[0] == "aftale"
    # words the archive holds often get none; nor does a query that found enough
    assert search.search(fixtures_db, "beslutning").suggestions == []
    assert search.search(fixtures_db, "xqzvw").suggestions == []


def test_the_same_minutes_in_four_formats_are_one_hit(fixtures_db: Path) -> None:
    hits = _hits(fixtures_db, "digitaliseringsstrategi", scope="items", kind="item")
    (hit,) = hits
    assert hit.copies == 4
    assert {Path(p).suffix for p in [hit.path, *hit.other_paths]} == {".txt", ".docx", ".pdf",
                                                                        ".md"}
    # a decision and the section it was read from, with the same snippet, are one hit
    snippets = [(h.meeting_date, h.item_number, h.snippet) for h in _hits(fixtures_db, "udsat")]
    assert len(snippets) == len(set(snippets))


def test_filters_on_fixtures(fixtures_db: Path) -> None:
    years = {h.meeting_date[:4] for h in _hits(fixtures_db, "møde", year=2021)}
    assert years == {"2021"}
    assert {h.kind for h in _hits(fixtures_db, "godkendt", scope="decisions")} == {"decision"}
    forum = _hits(fixtures_db, "møde", forum="handicaprådet")
    assert forum and all("andicapråd" in (h.forum or "") for h in forum)
    assert _hits(fixtures_db, "egenbetaling") == []  # a closed item
    closed = _hits(fixtures_db, "egenbetaling", include_closed=True)
    assert closed and {h.item_title for h in closed} == {"Dispensation fra egenbetaling"}
    agendas = _hits(fixtures_db, "møde", doc_type="dagsorden")
    fixtures = Path(__file__).parent.parent / "fixtures"
    agenda_fixtures = {p.parent.name for p in fixtures.glob("*/expected.json")
                       if json.loads(p.read_text(encoding="utf-8")).get("doc_type") == "dagsorden"}
    assert "agenda_only" in agenda_fixtures
    assert agendas and all(Path(h.path).parent.name in agenda_fixtures for h in agendas)


def test_the_table_view_says_what_was_searched(fixtures_db: Path) -> None:
    code, out, err = _cli("--db", str(fixtures_db), "search", "aftale", "--limit", "5")
    assert code == 0
    assert "matches 1–5 for 'aftale'" in out and "4 files" in out
    assert "'aftale' also found as: aftalen, aftaler, rammeaftale" in err
    assert "More matches: --offset 5" in err
    code, out, err = _cli("--db", str(fixtures_db), "search", "psykatri")
    assert (code, out) == (0, "")
    assert "No matches for 'psykatri'." in err
    assert "Did you mean: referatkit search psykiatrien" in err
    code, out, err = _cli("--db", str(fixtures_db), "search", "psykatri", "--format", "json")
    assert json.loads(out) == []
    assert "Did you mean: referatkit search psykiatrien" in err
    code, out, err = _cli("--db", str(fixtures_db), "search", "aftale", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and {"match", "copies", "other_paths"} <= set(rows[0])


# --- timeline ---------------------------------------------------------------------------------


def test_timeline_counts_per_year_and_forum(small_db: Path) -> None:
    tl = search.timeline(small_db, "F-ACT")
    assert [(r.year, r.mentions, r.meetings) for r in tl.years()] == [(2020, 2, 1), (2021, 2, 1)]
    assert tl.total().mentions == 4 and tl.total().items == 2
    assert [name for name, _ in tl.forums()] == ["Netværket for Voksne Sindslidende", FORUM]
    data = tl.to_dict()
    assert data["total"] == {"mentions": 4, "items": 2, "meetings": 2}
    assert data["forums"][1]["years"] == [{"year": 2021, "mentions": 2, "items": 1,
                                           "meetings": 1}]
    undated = search.timeline(small_db, "sengepladser")
    assert [(r.year, r.mentions) for r in undated.years()] == [(None, 1)]


def test_timeline_fills_the_years_between(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.db") as s:
        store_documents(s, *(Document(path=f"/m/{y}.txt", format="txt", sha256=f"{y:064d}",
                                      forum="Rådet", meeting_date=f"{y}-03-01",
                                      items=[Item("1", "Budget")]) for y in (2015, 2018)))
        assert [(r.year, r.mentions) for r in search.timeline(s, "budget").years()] == [
            (2015, 1), (2016, 0), (2017, 0), (2018, 1)]


def test_timeline_command(fixtures_db: Path) -> None:
    code, out, _ = _cli("--db", str(fixtures_db), "timeline", "møde")
    assert code == 0 and "mentions" in out and "per forum" in out and "█" in out
    code, out, _ = _cli("--db", str(fixtures_db), "timeline", "møde", "--format", "json")
    data = json.loads(out)
    assert data["query"] == "møde" and data["total"]["mentions"] > 0
    assert [y["year"] for y in data["years"]] == sorted(y["year"] for y in data["years"]
                                                        if y["year"] is not None) + (
        [None] if any(y["year"] is None for y in data["years"]) else [])
    code, out, _ = _cli("--db", str(fixtures_db), "timeline", "møde", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert set(rows[0]) == {"year", "forum", "mentions", "items", "meetings"}
    assert sum(int(r["mentions"]) for r in rows) == data["total"]["mentions"]
    code, out, err = _cli("--db", str(fixtures_db), "timeline", "kommunalvalg")
    assert (code, out) == (0, "") and "No mentions of 'kommunalvalg'." in err
    code, _, err = _cli("--db", str(fixtures_db), "timeline", "")
    assert code == 2 and err.startswith("Error: empty query")


# --- the index: vocabulary, migration -----------------------------------------------------------


def test_a_rolled_back_document_leaves_no_word_behind_in_the_cache(tmp_path: Path) -> None:
    """Words are remembered as known per connection; a rolled-back write forgets them, or a
    later document with the same words would not add them."""
    with open_store(tmp_path / "rb.db") as s:
        with pytest.raises(RuntimeError), s.transaction():
            store_documents(s, sample_document())
            raise RuntimeError("crash")
        assert s.scalar("SELECT count(*) FROM search_terms WHERE term = 'budgettet'") == 0
        store_documents(s, sample_document(path="/b.txt", sha256="e" * 64))
        assert s.scalar("SELECT count(*) FROM search_terms WHERE term = 'budgettet'") == 1


def test_the_vocabulary_follows_the_index(tmp_path: Path) -> None:
    with open_store(tmp_path / "v.db") as s:
        store_documents(s, sample_document())
        terms = {r["term"]: r for r in s.rows("SELECT * FROM search_terms")}
        indexed = {r["term"] for r in s.rows("SELECT term FROM search_fts_vocab")}
        assert indexed <= set(terms)
        assert terms["budgettet"]["stem"] == "budget"
        assert terms["søer"]["aa_key"] == "søer"
        assert "010203" not in terms  # masked before indexing
        s.check_fts()


def test_a_v1_archive_upgrades_and_searches_the_danish_way(tmp_path: Path) -> None:
    db = tmp_path / "v1.db"
    v1_archive(db)
    raw = sqlite3.connect(db)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 1
    raw.close()
    with store.open_store(db) as s:
        assert s.schema_version == store.SCHEMA_VERSION == 7
        s.check_fts()
        assert s.scalar("SELECT count(*) FROM search_terms") > 20
        assert s.scalar("SELECT count(*) FROM search_docs WHERE dup_key IS NULL") == 0
        assert s.scalar("SELECT count(*) FROM search_docs WHERE meeting_date IS NULL "
                        "AND kind != 'document'") == 0
        r = search.search(s, "rammeaftalen")
        assert r.hits and {h.match for h in r.hits} >= {"exact"}


def test_search_errors_are_referatkit_errors() -> None:
    assert issubclass(QueryError, UsageError) and issubclass(QueryError, ReferatkitError)


# --- a narrowed search ranks the rows its filters leave ---------------------------------------
# Queries of the fixtures' own words (common and rare, with forms and compounds, phrases and
# prefixes) under each kind of filter.
NARROWED_QUERIES = ("møde", "budget", "aftale", "beslutning", "udvalg godkendt", "sag",
                    '"næste møde"', "handicap*", "status orientering", "plan", "rådet",
                    "børn unge", "tilbud", "referat godkendt møde")
NARROWING = ({"year": 2021}, {"scope": "decisions"}, {"scope": "items"},
             {"forum": "handicaprådet"}, {"kind": "section"}, {"status": "approved"},
             {"doc_type": "dagsorden"}, {"date_from": "2020", "date_to": "2022"},
             {"include_closed": True, "scope": "items"})


def _page(db: Path, query: str, **kw: object) -> list[dict[str, object]]:
    res = search.search(db, query, limit=200, **kw)  # type: ignore[arg-type]
    return [h.to_dict() for h in res.hits] + [{"more": res.more}]


@pytest.mark.parametrize("filters", NARROWING, ids=lambda f: ",".join(f))
def test_a_narrowed_search_ranks_as_the_whole_index_does(
        fixtures_db: Path, filters: dict[str, object], monkeypatch: pytest.MonkeyPatch) -> None:
    """The rows a filter leaves, ranked here (groups told apart, bm25 computed in Python), in
    the order and with the scores the FTS5 queries per group give (NARROW_MAX_MATCHES below
    every query: ranking in windows, as for an unfiltered search)."""
    mine = {q: _page(fixtures_db, q, **filters) for q in NARROWED_QUERIES}
    assert sum(len(v) > 1 for v in mine.values()) >= 4  # the filter leaves hits to compare
    monkeypatch.setattr(search, "NARROW_MAX_MATCHES", -1)
    for q in NARROWED_QUERIES:
        assert mine[q] == _page(fixtures_db, q, **filters), q


@pytest.mark.parametrize("filters", NARROWING, ids=lambda f: ",".join(f))
def test_the_span_of_the_filtered_documents_leaves_out_no_hit(
        fixtures_db: Path, filters: dict[str, object], monkeypatch: pytest.MonkeyPatch) -> None:
    """FTS5 asked only for the rowids of the documents a filter leaves finds the same page as
    asked for all of them, in windows and ranked here (fixtures/ are not stored in date order,
    so each span holds rows that do not pass too)."""
    def pages() -> dict[str, object]:
        return {q: _page(fixtures_db, q, **filters) for q in NARROWED_QUERIES}

    def timelines() -> dict[str, object]:
        period = {k: v for k, v in filters.items() if k in ("date_from", "date_to", "forum")}
        return {q: search.timeline(fixtures_db, q, **period).to_dict()  # type: ignore[arg-type]
                for q in NARROWED_QUERIES}

    spanned, spanned_timelines = pages(), timelines()
    monkeypatch.setattr(search, "NARROW_MAX_MATCHES", -1)
    windowed = pages()
    monkeypatch.setattr(search.Filters, "span", lambda self, st_: search.ALL_ROWS)
    assert spanned == windowed == pages()
    assert spanned_timelines == timelines()


def test_the_span_is_that_of_the_documents_of_the_filters(fixtures_db: Path) -> None:
    from referatkit import queries

    with queries.open_archive(fixtures_db) as st_:
        assert search.Filters().span(st_) == search.ALL_ROWS
        assert search.Filters(scope="items", kind="section").span(st_) == search.ALL_ROWS
        lo, hi = search.Filters(year=2021).span(st_)
        rows = st_.rows("SELECT rid FROM search_docs WHERE meeting_date LIKE '2021-%'")
        assert rows and lo == min(r["rid"] for r in rows) and hi == max(r["rid"] for r in rows)
        lo, hi = search.Filters(forum="handicaprådet", year=2021).span(st_)
        assert lo <= hi
        assert search.Filters(year=1901).span(st_) == (1, 0)  # no document: no row
        assert search.search(st_, "møde", year=1901).hits == []


def test_a_narrowed_search_of_many_rows_ranks_in_windows(
        fixtures_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past NARROW_MAX_PASSING rows the groups come from FTS5 as without filters, also when
    only the compounds are too many (then the words and their forms are ranked here)."""
    want = {q: _page(fixtures_db, q, year=2021) for q in NARROWED_QUERIES}
    monkeypatch.setattr(search, "NARROW_MAX_PASSING", 3)
    for q in NARROWED_QUERIES:
        assert _page(fixtures_db, q, year=2021) == want[q], q


def test_bm25_here_is_fts5s_to_the_last_bit(fixtures_db: Path) -> None:
    from referatkit import queries, words

    with queries.open_archive(fixtures_db) as st_:
        compared = 0
        for q in NARROWED_QUERIES:
            p = search.plan(st_, q)
            assert p.parts is not None
            for (_, expr), (_, lv) in zip(p.groups(), p.group_levels(), strict=True):
                phrases = [ph for part in p.parts for ph in part.levels[lv]]
                bm = search._Bm25(st_, phrases)
                w1, w2 = search.BM25_WEIGHTS
                for score, title, body in st_._exec(
                        f"SELECT bm25(search_fts, {w1}, {w2}), s.title, s.body "
                        "FROM search_fts f JOIN search_docs s ON s.rid = f.rowid "
                        "WHERE search_fts MATCH ?", [expr]):
                    assert bm.score((words.tokens(title), words.tokens(body)), phrases) == score
                    compared += 1
        assert compared > 500
