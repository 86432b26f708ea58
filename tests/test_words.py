"""Words as the index sees them: tokens, stems, "aa", compounds."""

from __future__ import annotations

import sqlite3
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from referatkit import words


def test_tokens_are_what_unicode61_indexes() -> None:
    assert words.tokens("F-ACT, §107 og KKR-regi_2021") == ["f", "act", "107", "og", "kkr",
                                                             "regi", "2021"]
    assert words.tokens("Søer ÅER æble") == ["søer", "åer", "æble"]
    nfd = unicodedata.normalize("NFD", "Århus")
    assert words.tokens(nfd) == ["århus"]
    assert words.tokens("s\udcf8er") == ["ser"]  # a lone surrogate is dropped


@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40))
def test_tokens_agree_with_fts5(text: str) -> None:
    """What the store puts in search_terms is what FTS5 indexes (else expansions miss)."""
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 0')")
    con.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row')")
    con.execute("INSERT INTO t VALUES (?)", [words.normalise(text)])
    indexed = {r[0] for r in con.execute("SELECT term FROM v")}
    assert set(words.tokens(text)) == indexed


def test_the_latin_fast_path_is_exact() -> None:
    """Latin text is cut by a regular expression: every character it covers, alone, inside a
    word and upper-cased, gives the tokens SQLite gives."""
    covered = [cp for cp in range(0x2100) if words._LATIN.fullmatch(chr(cp))]
    assert len(covered) > 0x300
    for cp in covered:
        c = chr(cp)
        for text in (c, f"a{c}b", f"Q{c}", c + c.upper(), f"{c.upper()}x"):
            text = words.normalise(text)
            assert words.tokens(text) == words._fts5_tokens(text), (hex(cp), text)


def test_danish_stems() -> None:
    forms = ["beslutning", "beslutninger", "beslutningerne", "beslutningen"]
    assert {words.stem(f) for f in forms} == {"beslutning"}
    assert words.stem("rammeaftalen") == words.stem("rammeaftale") == "rammeaftal"
    assert words.stem("2021") == "2021"
    # stems are made of the letters as written: mødet is not modet
    assert words.stem("mødet") == "mød" and words.stem("modet") == "mod"


def test_aa_key() -> None:
    assert words.aa_key("handicapraad") == "handicapråd"
    assert words.aa_key("aagaard") == "ågård"
    assert words.aa_key("søer") == "søer"


@pytest.mark.parametrize(("query", "term", "part"), [
    ("aftale", "rammeaftalen", "ramme"),  # head: a kind of aftale
    ("aftale", "samarbejdsaftale", "samarbejds"),
    ("aftale", "aftalegrundlag", "grundlag"),  # modifier
    ("samarbejde", "samarbejdsaftale", "aftale"),  # stem + linking s
    ("aftale", "aftalt", None),  # too little left
    ("beslutnig", "beslutning", None),  # a typo's stem is not a modifier
    ("råd", "rådhus", None),  # too short to look inside words
    ("aftale", "aftalen", None),  # a form, not a compound
])
def test_compound_part(query: str, term: str, part: str | None) -> None:
    assert words.compound_part(query, words.stem(query), term, words.stem(term)) == part


def test_the_other_part_of_a_compound_as_a_word() -> None:
    assert {"netværk", "netværks"} <= words.part_candidates("netværks")
    assert "plan" in words.part_candidates("eplan")
    assert "samarbejde" in words.part_candidates("samarbejd")
    assert words.needs_known_part("møde") and not words.needs_known_part("aftale")
