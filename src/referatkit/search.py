"""Full-text search and the timeline of a term: what a Danish reader means, at once.

Any text is a query. What a user types is cut into words and ``"quoted phrases"``; a word
may end in ``*`` (a prefix). Nothing of it reaches FTS5 as syntax: every word becomes a quoted
string (DESIGN.md: always quote user text before MATCH). Experts can pass FTS5 syntax through
with ``raw``; its errors come back as one readable line.

A word finds (see :mod:`referatkit.words`):

1. itself, as written (æ, ø and å are letters of their own; "aa" is "å" only on request);
2. its other forms: the words of the archive with the same Snowball Danish stem
   (beslutning → beslutninger, beslutningen, beslutningerne);
3. the compounds it is part of: aftale → rammeaftale, samarbejdsaftale, aftalegrundlag.

Hits come in that order — every word found as written, then as another form, then inside a
compound — and within each group title hits (item and document titles) before text hits,
then by bm25 (compounds newest first), ties going to the newest meeting. ``exact`` searches
the words as written only.

The same minutes are often in the archive as PDF, DOCX and TXT, and an agenda and its
minutes list the same items: rows with the same text at the same place of the same meeting
are one hit (``copies`` says how many files hold it, ``other_paths`` which).

When a search finds little, close words of the archive's own vocabulary are suggested
(rapidfuzz): "psykatri" → "psykiatri".
"""

from __future__ import annotations

import math
import os
import re
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from referatkit import words
from referatkit.errors import DatabaseError, NotFoundError, QueryError, UsageError
from referatkit.model import DOC_TYPES, STATUSES
from referatkit.queries import _opened, fold, parse_date_bound
from referatkit.store import (
    FTS_CONTENT_TABLE,
    FTS_TABLE,
    FTS_VOCAB_TABLE,
    TERMS_TABLE,
    Store,
)

DEFAULT_LIMIT = 20
# Highlight markers around matched words in snippets: plain text that survives JSON and CSV;
# the terminal renderer turns them into bold.
HIGHLIGHT_START = "**"
HIGHLIGHT_END = "**"
SNIPPET_ELLIPSIS = "…"
SNIPPET_TOKENS = 16
# Words shown before the first match in a snippet (FTS5 starts at the match; a little before
# it reads better).
SNIPPET_LEAD = 3
# bm25 weights per FTS column (title, body): a word in an item or document title says more
# than one in a page of minutes.
BM25_WEIGHTS = (5.0, 1.0)
SEARCH_KINDS = ("document", "item", "section", "decision")
# --in: where to look. "items": what belongs to an agenda item (its title, sections and
# decisions), not document titles, preambles or memos; "decisions": decisions only.
SCOPES = ("items", "decisions", "all")
# How a hit matched, best first (see the module docstring).
EXACT, FORM, COMPOUND = "exact", "form", "compound"
MATCH_ORDER = (EXACT, FORM, COMPOUND)
# A longer query is refused: each word is a term or a group of terms in one FTS5 query.
MAX_QUERY_WORDS = 32
# A prefix needs this many letters before the "*" ("a*" would be every word with an a).
MIN_PREFIX = 2
# A prefix that begins at most this many words of the archive is searched as those words.
MAX_PREFIX_WORDS = 200
# Suggest other words when a search finds fewer hits than this.
SUGGEST_BELOW = 3
MAX_SUGGESTIONS = 3

# The rowids (least, greatest) a search looks at: all of them, unless its filters leave the
# rows of some documents only (Filters.span).
Span = tuple[int, int]
ALL_ROWS: Span = (-(2**63), 2**63 - 1)

# A term of a query: a "quoted phrase" (a lone quote opens one to the end) or a run of
# non-space characters.
_TERM = re.compile(r'"([^"]*)"?|([^\s"]+)')
# The end of a range of words sharing a beginning: the highest code point compares above
# every other UTF-8 sequence under SQLite's BINARY collation.
_TOP = "\U0010ffff"


# ---------------------------------------------------------------------------------------------
# Result types


@dataclass(slots=True)
class SearchHit:
    path: str
    meeting_date: str | None
    forum: str | None
    item_number: str | None
    item_title: str | None
    kind: str  # document | item | section | decision
    snippet: str
    score: float  # bm25 relevance, higher is better (within its match group; 0 for compounds)
    document_id: str
    match: str = EXACT  # exact | form | compound: how the query's words were found
    copies: int = 1  # files holding this hit (the same minutes as PDF, DOCX, TXT)
    other_paths: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class WordExpansion:
    """What one word of the query was searched as."""

    word: str
    forms: list[str]  # other forms of the word found in the archive
    compounds: list[str]  # compounds of the archive holding the word
    more_compounds: int = 0  # compounds left out (MAX_COMPOUNDS)


@dataclass(slots=True)
class SearchResult:
    query: str
    hits: list[SearchHit]
    more: bool  # hits beyond offset + limit
    offset: int = 0
    suggestions: list[str] = field(default_factory=list)  # other queries, of archive words
    words: list[WordExpansion] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class TimelineRow:
    year: int | None  # None: undated documents
    forum: str
    mentions: int  # hits (as search counts them: copies once)
    items: int  # agenda items the hits are in
    meetings: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Timeline:
    query: str
    rows: list[TimelineRow]  # per year and forum, years ascending, undated last

    def years(self) -> list[TimelineRow]:
        """Per year over all forums, every year from the first to the last (gaps as 0)."""
        by: dict[int | None, TimelineRow] = {}
        for r in self.rows:
            t = by.setdefault(r.year, TimelineRow(r.year, "", 0, 0, 0))
            t.mentions += r.mentions
            t.items += r.items
            t.meetings += r.meetings
        dated = [y for y in by if y is not None]
        out = [by.get(y, TimelineRow(y, "", 0, 0, 0))
               for y in (range(min(dated), max(dated) + 1) if dated else [])]
        if None in by:
            out.append(by[None])
        return out

    def forums(self) -> list[tuple[str, list[TimelineRow]]]:
        """Per forum (most mentions first), its rows by year."""
        by: dict[str, list[TimelineRow]] = {}
        for r in self.rows:
            by.setdefault(r.forum, []).append(r)
        return sorted(by.items(), key=lambda kv: (-sum(r.mentions for r in kv[1]),
                                                  kv[0].casefold()))

    def total(self) -> TimelineRow:
        return TimelineRow(None, "", sum(r.mentions for r in self.rows),
                           sum(r.items for r in self.rows), sum(r.meetings for r in self.rows))

    def to_dict(self) -> dict[str, Any]:
        t = self.total()
        return {
            "query": self.query,
            "total": {"mentions": t.mentions, "items": t.items, "meetings": t.meetings},
            "years": [{k: v for k, v in r.to_dict().items() if k != "forum"}
                      for r in self.years()],
            "forums": [{"forum": name,
                        "mentions": sum(r.mentions for r in rows),
                        "items": sum(r.items for r in rows),
                        "meetings": sum(r.meetings for r in rows),
                        "years": [{k: v for k, v in r.to_dict().items() if k != "forum"}
                                  for r in rows]}
                       for name, rows in self.forums()],
        }


# ---------------------------------------------------------------------------------------------
# The query language


@dataclass(slots=True)
class Term:
    """One word or phrase of a query."""

    tokens: list[str]  # as the index cuts them
    prefix: bool = False  # ended in "*"

    @property
    def is_word(self) -> bool:
        """A single word of letters: it gets other forms and compounds."""
        return len(self.tokens) == 1 and not self.prefix and words.is_word(self.tokens[0])

    def fts(self) -> str:
        return _quote(" ".join(self.tokens)) + (" *" if self.prefix else "")


def parse(query: str) -> list[Term]:
    """The words and phrases of what a user typed. Raises QueryError for an empty query or
    one with nothing to search for."""
    text = words.normalise(query)
    terms: list[Term] = []
    for m in _TERM.finditer(text):
        quoted = m.group(1) is not None
        raw = m.group(1) if quoted else m.group(2)
        prefix = raw.rstrip().endswith("*")
        toks = words.tokens(raw)
        if not toks:
            continue
        if prefix and len(toks[-1]) < MIN_PREFIX:
            raise QueryError(f"{raw.strip()!r}: a prefix needs at least {MIN_PREFIX} letters "
                             "before the *")
        terms.append(Term(toks, prefix))
    if not terms:
        if not text.strip():
            raise QueryError('empty query (give a word to search for, e.g. '
                             'referatkit search "rammeaftale")')
        raise QueryError(f"nothing to search for in {query!r} (no letters or digits)")
    if len(terms) > MAX_QUERY_WORDS:
        raise QueryError(f"the query has {len(terms)} words; at most {MAX_QUERY_WORDS} "
                         "are searched together")
    return terms


def build_match(query: str) -> str:
    """The FTS5 MATCH expression for what a user typed, words as written (no other forms):
    every word and phrase quoted, ANDed."""
    return " AND ".join(t.fts() for t in parse(query))


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _any_of(terms: Sequence[str]) -> str:
    quoted = [_quote(t) for t in terms]
    return quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")"


@dataclass(slots=True)
class _Highlighter:
    """Which words of a hit's text the query found: snippets are made here, from the words
    the query was expanded to, not by FTS5 (whose snippet() runs the whole query again for
    every hit shown, costly for a word with many compounds)."""

    words: set[str] = field(default_factory=set)
    phrases: list[Term] = field(default_factory=list)  # phrases and prefixes

    def add_phrase(self, t: Term) -> None:
        self.phrases.append(t)

    def marks(self, toks: Sequence[str]) -> list[bool]:
        marked = [t in self.words for t in toks]
        for ph in self.phrases:
            n = len(ph.tokens)
            for i in range(len(toks) - n + 1):
                if all(toks[i + k] == ph.tokens[k] for k in range(n - 1)) and (
                        toks[i + n - 1].startswith(ph.tokens[-1]) if ph.prefix
                        else toks[i + n - 1] == ph.tokens[-1]):
                    for k in range(n):
                        marked[i + k] = True
        return marked

    def snippet(self, text: str) -> str:
        """Up to SNIPPET_TOKENS words of ``text`` around the most matches, matches marked
        (``**``), "…" where text is left out: the form of FTS5's snippet()."""
        text = words.normalise(text)
        spans = list(words.TOKEN.finditer(text))
        if not spans:
            return text
        marked = self.marks([m.group().lower() for m in spans])
        n = SNIPPET_TOKENS
        best, best_score = 0, -1
        for j, hit in enumerate(marked):
            if not hit:
                continue
            a = max(0, min(j - SNIPPET_LEAD, len(spans) - n))
            score = len({spans[k].group().lower() for k in range(a, min(a + n, len(spans)))
                         if marked[k]})
            if score > best_score:
                best, best_score = a, score
        a, b = best, min(best + n, len(spans))
        out = [SNIPPET_ELLIPSIS] if a > 0 else []
        pos = 0 if a == 0 else spans[a].start()
        k = a
        while k < b:
            m = spans[k]
            out.append(text[pos:m.start()])
            if marked[k]:
                # A run of matches separated by spaces only is one highlight ("næste møde").
                end = k
                while end + 1 < b and marked[end + 1] and \
                        not text[spans[end].end():spans[end + 1].start()].strip():
                    end += 1
                out += [HIGHLIGHT_START, text[m.start():spans[end].end()], HIGHLIGHT_END]
                pos, k = spans[end].end(), end + 1
                continue
            out.append(m.group())
            pos, k = m.end(), k + 1
        out.append(text[pos:] if b == len(spans) else SNIPPET_ELLIPSIS)
        return "".join(out)


@dataclass(slots=True)
class _Plan:
    """The FTS5 expressions of one query: everything it finds, and the expressions whose
    matches rank first (words as written) and second (as written or another form)."""

    full: str
    exact: str | None = None  # None: every match is exact
    whole: str | None = None  # None: no compounds
    words: list[WordExpansion] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    highlight: _Highlighter | None = None  # None (raw queries): FTS5 makes the snippets
    # Per word or phrase of the query (None for raw queries): the phrases it is an OR of in
    # each expression — as written, with other forms, with compounds (see _Part).
    parts: list[_Part] | None = None

    def groups(self) -> list[tuple[str, str]]:
        """(how it matched, FTS5 expression) of each group of hits, best first. Each group's
        expression matches the rows of the groups before it too; ``full`` matches all."""
        e, w, f = self.exact, self.whole, self.full
        if e is None and w is None:
            return [(EXACT, f)]
        if w is None:
            return [(EXACT, e), (FORM, f)]
        if e is None:
            return [(EXACT, w), (COMPOUND, f)]
        return [(EXACT, e), (FORM, w), (COMPOUND, f)]

    def group_levels(self) -> list[tuple[str, int]]:
        """(how it matched, which of _Part.levels its expression is made of) of each group,
        as groups() gives them."""
        level = {self.exact: 0, self.whole: 1, self.full: 2}
        return [(label, level[expr]) for label, expr in self.groups()]


# A phrase of an FTS5 expression: its tokens, and whether the last one is a prefix.
Phrase = tuple[tuple[str, ...], bool]


@dataclass(slots=True)
class _Part:
    """One word or phrase of a query as the phrases its expressions OR together: as written,
    with other forms, with compounds too (each level holds the one before it)."""

    levels: tuple[list[Phrase], list[Phrase], list[Phrase]]


def plan(st: Store, query: str, *, exact: bool = False, aa: bool = False,
         raw: bool = False) -> _Plan:
    """Turn a query into FTS5 expressions, expanding each word through the archive's
    vocabulary (see the module docstring)."""
    if raw:
        text = words.normalise(query).strip()
        if not text:
            raise QueryError("empty query")
        return _Plan(full=text)
    terms = parse(query)
    exact_parts, whole_parts, full_parts, expansions = [], [], [], []
    parts: list[_Part] = []
    hl = _Highlighter()
    for t in terms:
        if not t.is_word:
            listed = _prefix_words(st, t)
            expr = _any_of(listed) if listed else t.fts()
            phrases: list[Phrase] = ([((w,), False) for w in listed] if listed
                                     else [(tuple(t.tokens), t.prefix)])
            parts.append(_Part((phrases, phrases, phrases)))
            exact_parts.append(expr)
            whole_parts.append(expr)
            full_parts.append(expr)
            hl.add_phrase(t)
            continue
        w = t.tokens[0]
        bases = [w]
        if aa:
            bases = words.distinct([w, *_same_aa(st, w)])
        forms: list[str] = []
        compounds: list[str] = []
        more = 0
        if not exact:
            # With --aa, "handicapraad" also takes the forms of "handicapråd" (handicaprådet),
            # whether or not the archive holds that spelling itself.
            stems_of = words.distinct(bases + ([words.aa_key(w)] if aa else []))
            forms = [f for f in _forms(st, stems_of) if f not in bases]
            compounds, more = _compounds(st, bases, set(bases) | set(forms))
        parts.append(_Part(([((b,), False) for b in bases],
                            [((b,), False) for b in bases + forms],
                            [((b,), False) for b in bases + forms + compounds])))
        exact_parts.append(_any_of(bases))
        whole_parts.append(_any_of(bases + forms))
        full_parts.append(_any_of(bases + forms + compounds))
        hl.words.update(bases + forms + compounds)
        if forms or compounds or len(bases) > 1:
            expansions.append(WordExpansion(w, [b for b in bases if b != w] + forms, compounds,
                                            more))
    p = _Plan(full=" AND ".join(full_parts), words=expansions, terms=terms, highlight=hl,
              parts=parts)
    whole = " AND ".join(whole_parts)
    exact_expr = " AND ".join(exact_parts)
    if whole != p.full:
        p.whole = whole
    if exact_expr != whole:
        p.exact = exact_expr
    return p


def _prefix_words(st: Store, t: Term) -> list[str]:
    """A one-word prefix as the words of the archive it begins (to OR), or none to leave it
    to FTS5: FTS5 merges the postings of every such word before it returns the first row, an
    OR of words is read lazily, as far as a window of hits needs."""
    if len(t.tokens) != 1 or not t.prefix:
        return []
    head = t.tokens[0]
    found = [r[0] for r in st._exec(
        f"SELECT term FROM [{TERMS_TABLE}] WHERE term >= ? AND term < ? ORDER BY term LIMIT ?",
        [head, head + _TOP, MAX_PREFIX_WORDS + 1])]
    if not found or len(found) > MAX_PREFIX_WORDS:
        return []
    return found


def _same_aa(st: Store, w: str) -> list[str]:
    return [r["term"] for r in st.rows(
        f"SELECT term FROM [{TERMS_TABLE}] WHERE aa_key = ? ORDER BY term", [words.aa_key(w)])]


def _forms(st: Store, bases: Sequence[str]) -> list[str]:
    """Words of the archive with the stem of a base word — or whose stem is the base word
    itself (Snowball cuts "budget" to "budg" but "budgettet" to "budget")."""
    stems = words.distinct([s for b in bases for s in (words.stem(b), b)])
    marks = ", ".join("?" for _ in stems)
    return [r["term"] for r in st.rows(
        f"SELECT term FROM [{TERMS_TABLE}] WHERE stem IN ({marks}) "
        f"ORDER BY length(term), term LIMIT ?", [*stems, words.MAX_VARIANTS])]


def _compounds(st: Store, bases: Sequence[str], found: set[str]) -> tuple[list[str], int]:
    """Compounds of the archive holding a base word, shortest first, at most MAX_COMPOUNDS
    (and how many more there were)."""
    candidates: dict[str, str] = {}  # term → the other part
    unsure: set[str] = set()  # terms whose other part must be a known word
    for b in bases:
        if len(b) < words.COMPOUND_MIN_WORD or not words.is_word(b):
            continue
        qs = words.stem(b)
        rq = words.reverse(qs)
        rows = st.rows(
            f"SELECT term, stem FROM [{TERMS_TABLE}] WHERE rstem > ? AND rstem < ? "
            f"UNION SELECT term, stem FROM [{TERMS_TABLE}] WHERE stem > ? AND stem < ?",
            [rq, rq + _TOP, qs, qs + _TOP])
        for r in rows:
            if r["term"] in found or r["term"] in candidates:
                continue
            part = words.compound_part(b, qs, r["term"], r["stem"])
            if part is None:
                continue
            candidates[r["term"]] = part
            if words.needs_known_part(b):
                unsure.add(r["term"])
    if unsure:
        parts = {p for t in unsure for p in words.part_candidates(candidates[t])}
        known = _known_terms(st, parts)
        for t in unsure:
            if not words.part_candidates(candidates[t]) & known:
                del candidates[t]
    ordered = sorted(candidates, key=lambda t: (len(t), t))
    return ordered[:words.MAX_COMPOUNDS], max(0, len(ordered) - words.MAX_COMPOUNDS)


def _known_terms(st: Store, terms: set[str]) -> set[str]:
    out: set[str] = set()
    values = sorted(terms)
    for i in range(0, len(values), 500):
        chunk = values[i:i + 500]
        marks = ", ".join("?" for _ in chunk)
        out.update(r["term"] for r in st.rows(
            f"SELECT term FROM [{TERMS_TABLE}] WHERE term IN ({marks})", chunk))
    return out


# ---------------------------------------------------------------------------------------------
# Filters


@dataclass(slots=True)
class Filters:
    """What narrows a search or a timeline (all optional)."""

    forum: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    year: int | str | None = None
    scope: str = "all"  # items | decisions | all
    kind: str | None = None  # document | item | section | decision
    status: str | None = None
    doc_type: str | None = None
    include_closed: bool = False

    def sql(self, st: Store) -> tuple[list[str], list[Any]]:
        """WHERE conditions on ``s`` (search_docs) and their parameters."""
        where: list[str] = []
        params: list[Any] = []
        if self.scope not in SCOPES:
            raise UsageError(f"unknown --in {self.scope!r} (choose {', '.join(SCOPES)})")
        if self.scope == "items":
            where.append("s.item_id IS NOT NULL")
        elif self.scope == "decisions":
            where.append("s.kind = 'decision'")
        if self.kind is not None:
            if self.kind not in SEARCH_KINDS:
                raise UsageError(f"unknown kind {self.kind!r} (choose {', '.join(SEARCH_KINDS)})")
            where.append("s.kind = ?")
            params.append(self.kind)
        if not self.include_closed:
            where.append("s.closed IS NOT 1")
        lo, hi = self._dates()
        if lo:
            where.append("s.meeting_date >= ?")
            params.append(lo)
        if hi:
            where.append("s.meeting_date <= ?")
            params.append(hi)
        if self.status is not None:
            if self.status not in STATUSES:
                raise UsageError(f"unknown status {self.status!r} (choose {', '.join(STATUSES)})")
            # Hits in items with a decision of this status; a decision hit, its own status.
            where.append("s.item_id IN (SELECT item_id FROM decisions WHERE status = ? "
                         "AND kind = 'decision') AND (s.kind != 'decision' OR s.ref_id IN "
                         "(SELECT id FROM decisions WHERE status = ?))")
            params += [self.status, self.status]
        if self.doc_type is not None:
            if self.doc_type not in DOC_TYPES:
                raise UsageError(f"unknown document type {self.doc_type!r} "
                                 f"(choose {', '.join(DOC_TYPES)})")
            where.append("s.document_id IN (SELECT id FROM documents WHERE doc_type = ?)")
            params.append(self.doc_type)
        if self.forum:
            docs, args = _forum_documents(st, self.forum)
            where.append(f"s.document_id IN ({docs})")
            params += args
        return where, params

    def span(self, st: Store) -> Span:
        """The least and greatest rowid of the rows of the period asked for: the spans of its
        documents (store.DOCUMENTS_V6_COLUMNS, read from an index); ALL_ROWS without a
        period, an empty span when no document is of it. Only the period: a forum's or a
        document type's documents are spread over the years, and so over the index."""
        lo, hi = self._dates()
        if not lo and not hi:
            return ALL_ROWS
        least, greatest = st._exec(
            "SELECT min(search_lo), max(search_hi) FROM documents "
            "WHERE meeting_date >= ? AND meeting_date <= ?", [lo or "", hi or _TOP]).fetchone()
        return (1, 0) if least is None else (least, greatest)

    @property
    def narrows(self) -> bool:
        """Whether anything beyond the default (closed items left out) is asked for."""
        return bool(self.forum or self.date_from or self.date_to or self.year
                    or self.scope != "all" or self.kind or self.status or self.doc_type)

    def _dates(self) -> tuple[str | None, str | None]:
        if self.year is not None and self.year != "":
            if self.date_from or self.date_to:
                raise UsageError("--year cannot be combined with --from/--to")
            y = str(self.year).strip()
            if not re.fullmatch(r"\d{4}", y):
                raise UsageError(f"--year {self.year!r} is not a year (use YYYY)")
            return f"{y}-01-01", f"{y}-12-31"
        lo = parse_date_bound(self.date_from, option="--from")
        hi = parse_date_bound(self.date_to, end=True, option="--to")
        if lo and hi and lo > hi:
            raise UsageError(f"--from {self.date_from} is after --to {self.date_to}")
        return lo, hi


def _forum_documents(st: Store, forum: str) -> tuple[str, list[Any]]:
    """A query of the ids of the documents of a forum whose name — as written, or the
    forum's name after linking (all names of a merged forum count) — contains ``forum``,
    case-insensitively with Æ/Ø/Å, and its parameters. The names are matched here, once
    each, not once per hit."""
    want = fold(words.normalise(forum)).strip()
    if not want:
        raise UsageError("--forum is empty")
    names = [r["forum"] for r in st.rows(
        "SELECT DISTINCT forum FROM documents WHERE forum IS NOT NULL")
        if want in fold(r["forum"])]
    forum_ids = words.distinct(
        [r["id"] for r in st.rows("SELECT id, name FROM forums") if want in fold(r["name"])]
        + [r["forum_id"] for r in st.rows("SELECT name, forum_id FROM forum_names")
           if want in fold(r["name"])])
    if not names and not forum_ids:
        raise NotFoundError(f"no forum matches {forum!r} (see 'referatkit forums')")
    parts, params = [], []
    if names:
        parts.append(f"SELECT id FROM documents WHERE forum IN ({', '.join('?' for _ in names)})")
        params += names
    if forum_ids:
        parts.append("SELECT document_id FROM meeting_documents WHERE forum_id IN "
                     f"({', '.join('?' for _ in forum_ids)})")
        params += forum_ids
    return " UNION ".join(parts), params


# ---------------------------------------------------------------------------------------------
# search


def search(
    db: Store | str | os.PathLike[str],
    query: str,
    *,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
    forum: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    year: int | str | None = None,
    scope: str = "all",
    kind: str | None = None,
    status: str | None = None,
    doc_type: str | None = None,
    include_closed: bool = False,
    exact: bool = False,
    aa: bool = False,
    raw: bool = False,
    suggest: bool = True,
) -> SearchResult:
    """Search titles, sections and decisions; best first (see the module docstring)."""
    if limit < 1:
        raise UsageError("--limit must be at least 1")
    if offset < 0:
        raise UsageError("--offset must not be negative")
    filters = Filters(forum, date_from, date_to, year, scope, kind, status, doc_type,
                      include_closed)
    with _opened(db) as st:
        p = plan(st, query, exact=exact, aa=aa, raw=raw)
        where, params = filters.sql(st)
        hits, more = _rank(st, p, where, params, offset, limit, query if raw else None,
                           filters.narrows, filters.span(st))
        suggestions: list[str] = []
        if suggest and not raw and offset == 0 and len(hits) < SUGGEST_BELOW:
            suggestions = _suggest(st, p.terms, query)
    return SearchResult(query, hits, more, offset, suggestions, p.words)


def _rank(st: Store, p: _Plan, where: list[str], params: list[Any], offset: int, limit: int,
          raw: str | None, narrowed: bool = False,
          span: Span = ALL_ROWS) -> tuple[list[SearchHit], bool]:
    """The hits of the page, and whether more follow.

    Hits come group by group (exact, other forms, compounds), in each group title hits
    before text hits, then by bm25, ties to the newest meeting (see _ranked).

    Copies of a row (equal ``dup_key``: the same words at the same place, see
    store.dup_key) have equal score, so ordered by dup_key after it they come one after the
    other and join the first. A hit whose snippet equals that of a better hit in the same
    item of the same meeting (a decision and the section it was read from, or the same text
    that two formats extracted a little differently) joins it too."""
    hits: list[SearchHit] = []
    rids: list[list[int]] = []  # per hit, every row it stands for
    by_key: dict[str, int] = {}  # dup_key → index into hits
    by_snippet: dict[tuple[Any, ...], int] = {}
    more = False
    with _fts_errors(raw):
        for rid, score, key, label in _ranked(st, p, where, params, narrowed, span):
            key = key or f"rid:{rid}"
            if key in by_key:
                rids[by_key[key]].append(rid)
                continue
            hit = _hit(st, p, rid, score, label)
            place = _snippet_place(hit)
            if place is not None and place in by_snippet:
                by_key[key] = by_snippet[place]
                rids[by_key[key]].append(rid)
                continue
            if len(hits) >= offset + limit:
                more = True
                break
            by_key[key] = len(hits)
            if place is not None:
                by_snippet[place] = len(hits)
            hits.append(hit)
            rids.append([rid])
    page = hits[offset:]
    _add_copies(st, page, rids[offset:])
    return page, more


# Kinds of search rows whose text is in the index's title column (item and document titles):
# a title hit ranks before a hit in the text (sections, decisions) of the same group.
TITLE_KINDS = ("item", "document")
# Matches ranked at a time within a group. bm25 costs a few µs a row (and first a count of
# each word or phrase of the query over the whole index), so a group of 50,000 matches
# ("møde" in a large archive) is ranked in windows of this many, the latest meetings first
# (the index holds them in date order, store.RID_DATE_SHIFT), and the first page comes at
# once. A group with fewer matches (nearly every query) is ranked as a whole, exactly.
RANK_WINDOW = 1000


def _ranked(st: Store, p: _Plan, where: list[str], params: list[Any], narrowed: bool = False,
            span: Span = ALL_ROWS) -> Iterator[tuple[int, float, str | None, str]]:
    """(rid, bm25, dup_key, how it matched) of the matches that pass ``where``, in rank order,
    read as far as the caller goes and never further.

    Group by group, each one FTS5 query: words as written, then with their other forms, then
    with compounds. A group's expression also matches the rows of the groups before it (all
    read by then), which are skipped: simpler expressions than "these NOT those", and bm25
    counts only the words it needs. So the compounds of a common word are not even looked up
    while its exact matches fill the page.

    ``narrowed`` (filters beyond the default): a query with few matches is ranked from the
    rows that pass the filters instead (_ranked_few), in the same order. Only the rows of
    ``span`` (rowids) can pass the filters: FTS5 is asked for no others."""
    if narrowed:
        few = _ranked_few(st, p, where, params, span)
        if few is not None:
            yield from few
            return
    groups = p.groups()
    seen: set[int] = set()
    for label, expr in groups:
        # Compounds come last and newest first: bm25 would first count every compound of
        # every word over the whole index, the costliest part of a query of common words.
        scored = label != COMPOUND
        for rid, score, key, passes in _ranked_rows(st, expr, where, params, scored, span):
            if rid in seen:
                continue
            seen.add(rid)
            if passes:
                yield rid, score, key, label


def _ranked_rows(st: Store, match: str, where: list[str], params: list[Any],
                 scored: bool = True, span: Span = ALL_ROWS) -> Iterator[tuple[Any, ...]]:
    """(rid, bm25, dup_key, passes the filters) of the rows ``match`` finds, title hits first,
    then best first, ties to the newest meeting: one window of RANK_WINDOW matches (latest
    meetings first) at a time."""
    below = min(_NO_ROWID_ABOVE, span[1] + 1)
    while True:
        rows = _one_window(st, match, where, params, below=below, scored=scored, least=span[0])
        yield from rows
        if len(rows) < RANK_WINDOW:
            return
        below = min(r[0] for r in rows)


def _one_window(st: Store, match: str, where: list[str], params: list[Any], *,
                below: int | None = None, scored: bool = True,
                least: int = ALL_ROWS[0]) -> list[tuple[Any, ...]]:
    """The newest RANK_WINDOW matches below rowid ``below`` (and from ``least`` on), ordered
    as _ranked_rows says. The filters are computed per row rather than applied, so that the
    window's size and end are known without a second query."""
    w1, w2 = BM25_WEIGHTS
    ok = " AND ".join(f"({c})" for c in where) or "1"
    title_kinds = ", ".join(f"'{k}'" for k in TITLE_KINDS)
    score = f"bm25([{FTS_TABLE}], {w1}, {w2})" if scored else "0.0"
    sql = f"""
        SELECT m.rid, m.score, s.dup_key, {ok} AS ok
        FROM (SELECT rowid AS rid, {score} AS score FROM [{FTS_TABLE}]
              WHERE [{FTS_TABLE}] MATCH ? AND rowid < ? AND rowid >= ? ORDER BY rowid DESC
              LIMIT {RANK_WINDOW}) m
        JOIN [{FTS_CONTENT_TABLE}] s ON s.rid = m.rid
        ORDER BY s.kind NOT IN ({title_kinds}), m.score, s.meeting_date IS NULL,
                 s.meeting_date DESC, s.dup_key, m.rid"""
    return st._exec(sql, [*params, match, _NO_ROWID_ABOVE if below is None else below, least]
                    ).fetchall()


# Above every rowid SQLite hands out.
_NO_ROWID_ABOVE = 2**63 - 1


# A query narrowed by filters (a forum, a period, a kind…) that matches at most this many
# rows of the index is ranked from the rows that pass the filters: one FTS5 query for its
# words and their forms (a second for the compounds, when the page needs them), the groups
# told apart and bm25 computed here for the few rows that pass — instead of one FTS5 query per
# group, each scoring every match and first counting every word over the whole index (three
# common words with forms and compounds, 200,000 items: 62 → 27 ms p50).
NARROW_MAX_MATCHES = 3000
# ... and at most this many pass the filters (each is read and cut into words here).
NARROW_MAX_PASSING = 400
# FTS5's bm25 parameters (fts5_aux.c), computed the same way as there, to the last bit.
BM25_K1 = 1.2
BM25_B = 0.75


def _ranked_few(st: Store, p: _Plan, where: list[str], params: list[Any],
                span: Span = ALL_ROWS) -> Iterator[tuple[int, float, str | None, str]] | None:
    """The matches that pass ``where``, ranked as _ranked ranks them (but each group whole,
    not in windows), or None when the query has too many for this way.

    The groups before the compounds come from one FTS5 query (the last one's expression), told
    apart and scored here; the compounds, newest first and unscored, from a second, made only
    if the caller reads that far."""
    if p.parts is None:
        return None
    levels = p.group_levels()
    groups = p.groups()
    split = len(levels) - 1 if len(levels) > 1 and levels[-1][0] == COMPOUND else len(levels)
    if split < len(levels):
        # Under filters the words and their forms seldom fill a page: the rows of every group
        # from the one query of the compounds, its matches told apart here, cost less than
        # the query of the forms and then that of the compounds (each as costly as the other
        # when the words are common).
        every = _passing(st, p.full, where, params, text=True, span=span)
        if every is not None:
            return _few_groups(st, p, levels, len(levels), every, where, params,
                               last_unscored=True, span=span)
    first = _passing(st, groups[split - 1][1], where, params, text=True, span=span)
    if first is None:
        return None
    return _few_groups(st, p, levels, split, first, where, params, span=span)


def _few_groups(st: Store, p: _Plan, levels: list[tuple[str, int]], split: int,
                first: list[tuple[Any, ...]], where: list[str], params: list[Any], *,
                last_unscored: bool = False,
                span: Span = ALL_ROWS) -> Iterator[tuple[int, float, str | None, str]]:
    """Rank ``first``, the rows of the groups before ``split``. ``last_unscored``: the last of
    them is the compounds', which come newest first, unscored (as _ranked gives them)."""
    assert p.parts is not None
    parts = p.parts
    # Per group and part: its words (a set, most phrases are one word) and other phrases.
    wanted = [[({ph[0][0] for ph in part.levels[lv] if len(ph[0]) == 1 and not ph[1]},
                [ph for ph in part.levels[lv] if len(ph[0]) > 1 or ph[1]]) for part in parts]
              for _, lv in levels[:split - 1 if last_unscored else split]]
    placed = []
    for rid, kind, date, key, title, body in first:
        cols = (words.tokens(title), words.tokens(body))
        present = set(cols[0]) | set(cols[1])
        g = next((i for i, want in enumerate(wanted)
                  if all(not present.isdisjoint(one) or any(_count_in(c, ph) for ph in more
                                                             for c in cols)
                         for one, more in want)), split - 1)
        placed.append((g, cols, present, (rid, key, kind, date)))
    unscored = split - 1 if last_unscored else split
    # A phrase no row holds adds 0 to every score: only the others are counted in the index.
    bm25 = _Bm25(st, [ph for g, _, present, _ in placed if g < unscored for part in parts
                      for ph in part.levels[levels[g][1]]
                      if (ph[0][0] in present if len(ph[0]) == 1 and not ph[1] else True)])
    grouped: list[list[tuple[Any, ...]]] = [[] for _ in range(split)]
    for g, cols, _, (rid, key, kind, date) in placed:
        label, lv = levels[g]
        score = 0.0 if g >= unscored else bm25.score(
            cols, [ph for part in parts for ph in part.levels[lv] if ph in bm25.idf])
        grouped[g].append((rid, score, key, label, kind, date))
    for rs in grouped:
        yield from _in_rank_order(rs)
    if split == len(levels):
        return
    seen = {r[0] for r in first}
    rest = _passing(st, p.full, where, params, text=False, span=span)
    if rest is None:
        for rid, score, key, passes in _ranked_rows(st, p.full, where, params, scored=False,
                                                    span=span):
            if passes and rid not in seen:
                seen.add(rid)
                yield rid, score, key, COMPOUND
        return
    yield from _in_rank_order([(rid, 0.0, key, COMPOUND, kind, date)
                               for rid, kind, date, key in rest if rid not in seen])


def _passing(st: Store, match: str, where: list[str], params: list[Any], *,
             text: bool, span: Span = ALL_ROWS) -> list[tuple[Any, ...]] | None:
    """(rid, kind, meeting_date, dup_key[, title, body]) of the rows ``match`` finds that pass
    ``where``; None when it finds more than NARROW_MAX_MATCHES or more than NARROW_MAX_PASSING
    pass."""
    ok = " AND ".join(f"({c})" for c in where) or "1"
    matched = st._exec(
        f"SELECT m.rid, {ok} FROM (SELECT rowid AS rid FROM [{FTS_TABLE}] "
        f"WHERE [{FTS_TABLE}] MATCH ? AND rowid BETWEEN ? AND ? LIMIT ?) m "
        f"JOIN [{FTS_CONTENT_TABLE}] s ON s.rid = m.rid",
        [*params, match, *span, NARROW_MAX_MATCHES + 1]).fetchall()
    rids = [rid for rid, good in matched if good]
    if len(matched) > NARROW_MAX_MATCHES or len(rids) > NARROW_MAX_PASSING:
        return None
    if not rids:
        return []
    cols = "rid, kind, meeting_date, dup_key" + (", title, body" if text else "")
    return st._exec(f"SELECT {cols} FROM [{FTS_CONTENT_TABLE}] "
                    f"WHERE rid IN ({', '.join('?' for _ in rids)})", rids).fetchall()


def _in_rank_order(rows: list[tuple[Any, ...]]) -> list[tuple[int, float, str | None, str]]:
    """(rid, score, dup_key, label) of rows (… kind, meeting_date) in _one_window's ORDER BY,
    SQL's NULLs (first when ascending) included."""
    rows.sort(key=lambda r: r[0])
    rows.sort(key=lambda r: (r[2] is not None, r[2] or ""))
    rows.sort(key=lambda r: r[5] or "", reverse=True)
    rows.sort(key=lambda r: (r[4] not in TITLE_KINDS, r[1], r[5] is None))
    return [r[:4] for r in rows]


def _count_in(toks: Sequence[str], ph: Phrase) -> int:
    """How often a phrase is in a column's tokens (as FTS5 finds its instances)."""
    want, prefix = ph
    n = len(want)
    if n == 1 and not prefix:
        return toks.count(want[0])
    last = n - 1
    return sum(1 for i in range(len(toks) - last)
               if all(toks[i + k] == want[k] for k in range(last))
               and (toks[i + last].startswith(want[last]) if prefix
                    else toks[i + last] == want[last]))


class _Bm25:
    """FTS5's bm25() with BM25_WEIGHTS, for rows whose tokens are known: the same terms in
    the same order of operations, so the same number to the last bit (tests/test_search)."""

    def __init__(self, st: Store, phrases: Sequence[Phrase]) -> None:
        self.rows, totals = _fts_totals(st)
        self.avgdl = sum(totals) / self.rows if self.rows else 1.0
        single = [ph[0][0] for ph in phrases if len(ph[0]) == 1 and not ph[1]]
        counts = _doc_counts(st, single)
        self.idf: dict[Phrase, float] = {}
        for ph in phrases:
            if ph in self.idf:
                continue
            if len(ph[0]) == 1 and not ph[1]:
                hits = counts.get(ph[0][0], 0)
            else:
                hits = int(st.scalar(f"SELECT count(*) FROM [{FTS_TABLE}] WHERE "
                                     f"[{FTS_TABLE}] MATCH ?", [_phrase_fts(ph)]))
            idf = math.log((self.rows - hits + 0.5) / (hits + 0.5))
            self.idf[ph] = idf if idf > 0.0 else 1e-6

    def score(self, cols: Sequence[Sequence[str]], phrases: Sequence[Phrase]) -> float:
        k1, b = BM25_K1, BM25_B
        d = float(sum(len(c) for c in cols))
        total = 0.0
        for ph in phrases:
            freq = 0.0
            for w, c in zip(BM25_WEIGHTS, cols, strict=True):
                freq += w * _count_in(c, ph)
            total += self.idf[ph] * ((freq * (k1 + 1.0)) /
                                     (freq + k1 * (1 - b + b * d / self.avgdl)))
        return -1.0 * total


def _phrase_fts(ph: Phrase) -> str:
    return _quote(" ".join(ph[0])) + (" *" if ph[1] else "")


def _fts_totals(st: Store) -> tuple[int, list[int]]:
    """The index's row count and tokens per column: FTS5's "averages" record (row 1 of its
    data table: varints, the row count then each column's total)."""
    blob = st.scalar(f"SELECT block FROM [{FTS_TABLE}_data] WHERE id = 1") or b""
    values, i = [], 0
    while i < len(blob):
        v, i = _varint(blob, i)
        values.append(v)
    return (values[0], values[1:]) if values else (0, [])


def _varint(blob: bytes, i: int) -> tuple[int, int]:
    """SQLite's varint at ``i`` (7 bits a byte, high bit set on all but the last, a ninth
    byte whole) and where the next begins."""
    v = 0
    for _ in range(8):
        c = blob[i]
        i += 1
        v = (v << 7) | (c & 0x7F)
        if not c & 0x80:
            return v, i
    return (v << 8) | blob[i], i + 1


def _hit(st: Store, p: _Plan, rid: int, score: float, label: str) -> SearchHit:
    r = st.rows(
        f"SELECT s.title || s.body AS text, s.kind, doc.path, doc.forum, doc.meeting_date, "
        f"i.number AS item_number, i.title AS item_title, doc.id AS document_id "
        f"FROM [{FTS_CONTENT_TABLE}] s JOIN documents doc ON doc.id = s.document_id "
        f"LEFT JOIN items i ON i.id = s.item_id WHERE s.rid = ?", [rid])[0]
    text = r.pop("text") or ""
    if p.highlight is not None:
        snippet = p.highlight.snippet(text)
    else:
        snippet = st.scalar(
            f"SELECT snippet([{FTS_TABLE}], -1, ?, ?, ?, ?) FROM [{FTS_TABLE}] "
            f"WHERE [{FTS_TABLE}] MATCH ? AND rowid = ?",
            [HIGHLIGHT_START, HIGHLIGHT_END, SNIPPET_ELLIPSIS, SNIPPET_TOKENS, p.full, rid]) or ""
    return SearchHit(**r, snippet=snippet, score=round(-float(score), 4) or 0.0, match=label)


def _snippet_place(hit: SearchHit) -> tuple[Any, ...] | None:
    """What makes two hits the same to a reader: the same words shown, in the same item of the
    same meeting (by its number: formats differ in how much of a long title they keep), or
    outside items, in a document of the same meeting date. None: an undated document's hit
    is its own."""
    if hit.item_number is not None or hit.item_title is not None:
        return ("item", hit.meeting_date, hit.item_number or hit.item_title, _plain(hit.snippet))
    if hit.meeting_date is None:
        return None
    return ("document", hit.meeting_date, hit.kind, _plain(hit.snippet))


def _plain(snippet: str) -> str:
    """A snippet's words, for comparing two snippets (markers and layout do not count)."""
    return " ".join(words.tokens(snippet))


def _add_copies(st: Store, hits: list[SearchHit], rids: list[list[int]]) -> None:
    """Each hit's other files: the paths of the rows it stands for."""
    extra = [rid for group in rids for rid in group[1:]]
    if not extra:
        return
    path_of: dict[int, str] = {}
    for i in range(0, len(extra), 500):
        chunk = extra[i:i + 500]
        path_of.update((r["rid"], r["path"]) for r in st.rows(
            f"SELECT s.rid, doc.path FROM [{FTS_CONTENT_TABLE}] s JOIN documents doc "
            f"ON doc.id = s.document_id WHERE s.rid IN ({', '.join('?' for _ in chunk)})", chunk))
    for hit, group in zip(hits, rids, strict=True):
        paths = words.distinct([hit.path, *(path_of[r] for r in group[1:])])
        hit.copies = len(paths)
        hit.other_paths = paths[1:]


class _fts_errors:
    """Turn what FTS5 says about a raw query into one readable line (a QueryError)."""

    def __init__(self, raw: str | None) -> None:
        self.raw = raw

    def __enter__(self) -> None:
        return None

    def __exit__(self, typ: type[BaseException] | None, e: BaseException | None,
                 tb: object) -> bool:
        if self.raw is None or e is None:
            return False
        cause = e.__cause__ if isinstance(e, DatabaseError) else e
        if not isinstance(cause, sqlite3.OperationalError):
            return False
        msg = str(cause)
        if any(w in msg for w in ("locked", "busy", "disk", "corrupt", "malformed", "readonly")):
            return False
        msg = msg.removeprefix("fts5: ").replace('syntax error near ""', "syntax error at the end")
        # FTS5 quotes the text it stopped at as is: a control character would break the line.
        msg = "".join(c if c.isprintable() else repr(c)[1:-1] for c in msg)
        raise QueryError(f"invalid --raw query {self.raw!r}: {msg} (FTS5 syntax: words, "
                         '"phrases", prefix*, AND, OR, NOT, NEAR(a b, 5), title: or body:)') from e


# ---------------------------------------------------------------------------------------------
# Suggestions


def _suggest(st: Store, terms: Sequence[Term], query: str) -> list[str]:
    """Other queries made of the archive's words, for a query that found little: each word
    the archive lacks (or holds less often than a close word) replaced by close words."""
    alternatives: dict[int, list[str]] = {}
    for i, t in enumerate(terms):
        if t.is_word and len(t.tokens[0]) >= words.SUGGEST_MIN_WORD:
            alts = _close_words(st, t.tokens[0])
            if alts:
                alternatives[i] = alts
    if not alternatives:
        return []
    best = {i: alts[0] for i, alts in alternatives.items()}
    choices = [best, *({**best, i: alt} for i, alts in alternatives.items() for alt in alts[1:])]
    out: list[str] = []
    for choice in choices:
        match = " AND ".join(_quote(choice[i]) if i in choice else t.fts()
                             for i, t in enumerate(terms))
        if _finds_something(st, match):
            out.append(" ".join(choice.get(i, _display(t)) for i, t in enumerate(terms)))
        if len(out) >= MAX_SUGGESTIONS:
            break
    return out


def _close_words(st: Store, w: str) -> list[str]:
    """Words of the archive close to ``w`` (rapidfuzz ratio of the words, or of their stems:
    "psykatri" is close to "psykiatrien" through psykiatri), one per stem — its shortest
    form — that the archive holds more often than ``w``'s own forms, closest first."""
    from rapidfuzz import fuzz, process

    slack = words.SUGGEST_LENGTH_SLACK
    qs = words.stem(w)
    # Candidates: words with the same first letter, and words whose stem ends as the query's
    # does (index ranges, a small part of the vocabulary); a typo in both places is rare.
    tail = words.reverse(qs[-2:])
    cur = st._exec(
        f"SELECT term, stem FROM [{TERMS_TABLE}] WHERE term >= ? AND term < ? "
        f"UNION SELECT term, stem FROM [{TERMS_TABLE}] WHERE rstem >= ? AND rstem < ?",
        [w[0], w[0] + _TOP, tail, tail + _TOP])
    terms: list[str] = []
    forms: dict[str, list[str]] = {}
    for term, stem_of in cur:
        if abs(len(term) - len(w)) <= slack:
            terms.append(term)
        if abs(len(stem_of) - len(qs)) <= slack:
            forms.setdefault(stem_of, []).append(term)
    score: dict[str, float] = {}  # stem → how close
    cutoff = words.SUGGEST_MIN_SCORE
    for term, s, _ in process.extract(w, terms, scorer=fuzz.ratio,
                                      limit=20, score_cutoff=cutoff):
        stem_of = words.stem(term)
        score[stem_of] = max(score.get(stem_of, 0.0), s)
    for stem_of, s, _ in process.extract(qs, list(forms), scorer=fuzz.ratio, limit=20,
                                         score_cutoff=cutoff):
        score[stem_of] = max(score.get(stem_of, 0.0), s)
    score.pop(qs, None)
    if not score:
        return []
    forms = _terms_of_stems(st, [qs, *score])
    counts = _doc_counts(st, [w, *(t for ts in forms.values() for t in ts)])
    mine = counts.get(w, 0) + sum(counts.get(t, 0) for t in forms.get(qs, []) if t != w)
    found = {s: sum(counts.get(t, 0) for t in forms.get(s, [])) for s in score}
    ranked = sorted((s for s in score if found[s] > mine),
                    key=lambda s: (-score[s], -found[s], s))
    return [min((t for t in forms[s] if counts.get(t)), key=lambda t: (len(t), t))
            for s in ranked[:MAX_SUGGESTIONS]]


def _terms_of_stems(st: Store, stems: Sequence[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    values = words.distinct(stems)
    cur = st._exec(f"SELECT stem, term FROM [{TERMS_TABLE}] WHERE stem IN "
                   f"({', '.join('?' for _ in values)})", values)
    for stem_of, term in cur:
        out.setdefault(stem_of, []).append(term)
    return out


def _display(t: Term) -> str:
    text = " ".join(t.tokens)
    if len(t.tokens) > 1:
        text = f'"{text}"'
    return text + ("*" if t.prefix else "")


def _doc_counts(st: Store, terms: Sequence[str]) -> dict[str, int]:
    """Rows of the index holding each term (words no longer in the index are left out)."""
    values = words.distinct(terms)
    out: dict[str, int] = {}
    for i in range(0, len(values), 500):
        chunk = values[i:i + 500]
        out.update((r["term"], int(r["doc"])) for r in st.rows(
            f"SELECT term, doc FROM [{FTS_VOCAB_TABLE}] WHERE term IN "
            f"({', '.join('?' for _ in chunk)})", chunk))
    return out


def count_matches(db: Store | str | os.PathLike[str], query: str, **plan_options: bool) -> int:
    """How many rows of the index a query matches (every group, before filters)."""
    with _opened(db) as st:
        return int(st.scalar(f"SELECT count(*) FROM [{FTS_TABLE}] WHERE [{FTS_TABLE}] MATCH ?",
                             [plan(st, query, **plan_options).full]))


def _finds_something(st: Store, match: str) -> bool:
    return bool(st.scalar(
        f"SELECT 1 FROM [{FTS_TABLE}] WHERE [{FTS_TABLE}] MATCH ? LIMIT 1", [match]))


# ---------------------------------------------------------------------------------------------
# timeline


def timeline(
    db: Store | str | os.PathLike[str],
    query: str,
    *,
    forum: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    scope: str = "all",
    kind: str | None = None,
    status: str | None = None,
    doc_type: str | None = None,
    include_closed: bool = False,
    exact: bool = False,
    aa: bool = False,
    raw: bool = False,
) -> Timeline:
    """How often ``query`` occurs per year and forum: mentions (search hits, copies once),
    the agenda items and the meetings they are in. A forum is the forum as linked (merged
    names are one forum), else as written."""
    filters = Filters(forum, date_from, date_to, None, scope, kind, status, doc_type,
                      include_closed)
    with _opened(db) as st:
        p = plan(st, query, exact=exact, aa=aa, raw=raw)
        where, params = filters.sql(st)
        # A meeting: as linked, else forum as written and date. An undated document (a memo)
        # is no meeting; its items count once however many files hold them.
        meeting = ("(CASE WHEN doc.meeting_date IS NOT NULL THEN coalesce(md.meeting_id, "
                   "coalesce(doc.forum, '') || '|' || doc.meeting_date) END)")
        sql = f"""
            SELECT CAST(substr(s.meeting_date, 1, 4) AS INTEGER) AS year,
                   coalesce(f.name, doc.forum, '') AS forum,
                   count(DISTINCT s.dup_key) AS mentions,
                   count(DISTINCT CASE WHEN s.item_id IS NOT NULL THEN
                         coalesce({meeting}, 'undated') || '#' || coalesce(i.number, '') ||
                         '#' || coalesce(i.title, '') END) AS items,
                   count(DISTINCT {meeting}) AS meetings
            FROM (SELECT rowid AS rid FROM [{FTS_TABLE}]
                  WHERE [{FTS_TABLE}] MATCH ? AND rowid BETWEEN ? AND ?) m
            JOIN [{FTS_CONTENT_TABLE}] s ON s.rid = m.rid
            JOIN documents doc ON doc.id = s.document_id
            LEFT JOIN items i ON i.id = s.item_id
            LEFT JOIN meeting_documents md ON md.document_id = doc.id
            LEFT JOIN forums f ON f.id = md.forum_id
            {'WHERE ' + ' AND '.join(where) if where else ''}
            GROUP BY year, forum
            ORDER BY year IS NULL, year, forum
        """
        with _fts_errors(query if raw else None):
            rows = st.rows(sql, [p.full, *filters.span(st), *params])
    return Timeline(query, [TimelineRow(**r) for r in rows])
