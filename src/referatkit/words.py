"""Words as the search index sees them: tokens, Danish stems, the old "aa" spelling, compounds.

The full-text index (SQLite FTS5, ``unicode61 remove_diacritics 0``) holds every word as
written, lower-cased, with æ, ø and å kept as letters of their own. Beside it the store keeps
a table of the index's vocabulary with each word's Snowball Danish stem (``search_terms``),
so that a query word can be expanded, through the archive's own words, to the other forms of
the same word (beslutning → beslutninger, beslutningerne) and to the compounds it is part of
(aftale → rammeaftale, samarbejdsaftale). Expanding through the vocabulary keeps the fast
word index (a trigram index, the other way to find words inside words, is almost three times
its size and several times slower) and lets snippets highlight the forms that matched.

This module holds the mechanisms and their thresholds; it knows nothing of SQL.

* **Stem before folding** (DESIGN.md): stems are computed on the words as written. Folding
  "aa" to "å" happens only on request, and only for matching, never before stemming.
* Tokens mirror unicode61's default: runs of letters and digits (Unicode L* and N*), every
  other character separates. A word the tokenizer would split ("F-ACT") is a phrase.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

# The tokenizer of the full-text index (store.FTS_TOKENIZE): æ, ø and å are letters.
FTS5_TOKENIZER = "unicode61 remove_diacritics 0"
# A token as unicode61 cuts Latin text: letters and digits; "_" and everything else separate.
TOKEN = re.compile(r"[^\W_]+")
_LETTER = re.compile(r"[^\W\d_]")
_SURROGATE = re.compile("[\ud800-\udfff]")

# --- compounds ----------------------------------------------------------------------------
# Danish writes compounds as one word: ramme+aftale, samarbejd+s+aftale, psykiatri+plan.
# A vocabulary word is a compound of a query word when the query word's stem stands at its
# end (the head: rammeaftalen is a kind of aftale) or at its start (the modifier:
# aftalegrundlag), and the rest is a part of its own.

# A query word shorter than this is not looked for inside other words ("tal", "råd", "sag").
COMPOUND_MIN_WORD = 4
# The other part of a compound has at least this many letters (af+tale is not a compound).
COMPOUND_MIN_PART = 3
# A query word shorter than this finds compounds only where the other part is itself a word
# of the archive (as written, or with a linking letter): møde finds
# styregruppemøde (styregruppe is a word) but tale does not find hospital ("hospi" is not).
COMPOUND_TRUSTED_WORD = 6
# Danish linking letters between the parts: samarbejd-s-aftale, børn-e-have.
COMPOUND_LINKS = ("s", "e")
# At most this many compounds per query word, shortest first: a very common modifier
# ("social…") can have hundreds, and each is one more term in the query.
MAX_COMPOUNDS = 40
# At most this many other forms of one word (a stem has a handful; this guards odd data).
MAX_VARIANTS = 40

# --- typo suggestions ---------------------------------------------------------------------
# Words at most this far apart in length are compared (two edits change it by at most two).
SUGGEST_LENGTH_SLACK = 2
# rapidfuzz ratio (0-100) a vocabulary word must reach to be suggested for a query word.
SUGGEST_MIN_SCORE = 80.0
# Words shorter than this get no suggestions (too many neighbours to mean anything).
SUGGEST_MIN_WORD = 4

_STEMMER = snowballstemmer.stemmer("danish")


def normalise(text: str | None) -> str:
    """The form text is indexed and queried in: NFC (an NFD "å" is one letter), lone
    surrogates (undecodable bytes in a command line) dropped."""
    text = text or ""
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def tokens(text: str | None) -> list[str]:
    """The index's tokens of ``text``, lower-cased, in order: exactly what FTS5's unicode61
    makes of it. Text of Latin letters (Danish, Norwegian, English, …) is cut here; other
    text by SQLite itself, whose Unicode tables (version 6.1) differ from Python's in places
    (combining marks, letters and symbols added since)."""
    text = normalise(text)
    if _LATIN.fullmatch(text):
        return TOKEN.findall(text.lower())
    return _fts5_tokens(text)


# Where TOKEN and str.lower() agree with unicode61 character by character (tests/test_words.py
# checks every one of them against SQLite): Latin letters, less three that unicode61 folds
# otherwise (µ, İ, ſ), and the punctuation and currency signs of Unicode 6.1 (dashes,
# quotes, bullets, "€"), which one minutes' line in ten has.
LATIN_RANGES = "\x00-\xb4\xb6-\u012f\u0131-\u017e\u0180-\u02ff\u2000-\u2064\u20a0-\u20b9"
_LATIN = re.compile(f"[{LATIN_RANGES}]*")
_ORACLE = threading.local()


def _fts5_tokens(text: str) -> list[str]:
    con = getattr(_ORACLE, "con", None)
    if con is None:
        con = sqlite3.connect(":memory:")
        con.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize='{FTS5_TOKENIZER}')")
        con.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
        _ORACLE.con = con
    con.execute("INSERT INTO t (rowid, x) VALUES (1, ?)", [text])
    out = [r[0] for r in con.execute("SELECT term FROM v ORDER BY offset")]
    con.execute("DELETE FROM t")
    return out


def is_word(term: str) -> bool:
    """A token with a letter: words get stems and compounds, numbers stay as written."""
    return bool(_LETTER.search(term))


@lru_cache(maxsize=100_000)
def stem(term: str) -> str:
    """The Snowball Danish stem of a lower-case token (a number is its own stem)."""
    if not is_word(term):
        return term
    return _STEMMER.stemWord(term)


def aa_key(term: str) -> str:
    """``term`` with the old spelling "aa" read as "å" (Aabenraa = Åbenrå), for matching only."""
    return term.replace("aa", "å")


def reverse(text: str) -> str:
    return text[::-1]


@dataclass(frozen=True, slots=True)
class TermRow:
    """One word of the index's vocabulary, as ``search_terms`` stores it."""

    term: str
    stem: str
    rstem: str  # the stem reversed: words whose stem ends in X are a range of rstem
    aa_key: str

    def as_dict(self) -> dict[str, str]:
        return {"term": self.term, "stem": self.stem, "rstem": self.rstem, "aa_key": self.aa_key}


def term_row(term: str) -> TermRow:
    s = stem(term)
    return TermRow(term, s, reverse(s), aa_key(term))


def compound_part(query_word: str, query_stem: str, term: str, term_stem: str) -> str | None:
    """The other part of ``term`` if it is a compound of the query word, else None.

    Head position: the term's stem ends in the query's stem (ramme|aftal-en ← aftale): the
    head carries the inflection. Modifier position: the term begins with the query word, or
    with its stem and a linking letter (aftale|grundlag, samarbejd-s|aftale ← samarbejde); a
    stem alone is not enough there, or "beslutnig" (a typo, stem "beslutn") would find
    beslutn|ing.
    """
    if len(query_word) < COMPOUND_MIN_WORD or not is_word(query_word):
        return None
    if len(term_stem) - len(query_stem) < COMPOUND_MIN_PART:
        return None
    if term_stem.endswith(query_stem):
        return term_stem[: len(term_stem) - len(query_stem)]
    for lead in (query_word, *(query_stem + link for link in COMPOUND_LINKS)):
        if term.startswith(lead) and len(term) - len(lead) >= COMPOUND_MIN_PART:
            return term[len(lead):]
    return None


def part_candidates(part: str) -> set[str]:
    """What the other part of a compound may be as a word of its own: itself, itself without
    a linking letter (netværk-s → netværk), or the word its stem is cut from (samarbejd →
    samarbejde)."""
    out = {part, part + "e"}
    for link in COMPOUND_LINKS:
        if part.endswith(link) and len(part) - len(link) >= COMPOUND_MIN_PART:
            out.add(part[: -len(link)])
        if part.startswith(link) and len(part) - len(link) >= COMPOUND_MIN_PART:
            out.add(part[len(link):])
    return out


def needs_known_part(query_word: str) -> bool:
    """Whether a compound of this query word counts only if its other part is a known word."""
    return len(query_word) < COMPOUND_TRUSTED_WORD


def distinct(values: Iterable[str]) -> list[str]:
    """``values`` without repeats, in first-seen order."""
    return list(dict.fromkeys(values))
