"""Following a matter across meetings: forums, meetings, occurrences, matters, open decisions.

Pure functions over plain data — no SQL, no files, no clock. :mod:`referatkit.link` reads the
store, calls these and writes the result back; the tests call them directly.

The model (DESIGN.md "Lessons": keep matter, occurrence and decision apart):

* a **forum** is one body, whatever its documents call it: written names are clustered by
  their core words (generic words such as "styregruppen", "møde", "i Region" stripped), and
  the user's choices (``forums merge`` / ``forums unmerge``) win over the automatic clustering;
* a **meeting** is one forum on one date: an agenda and the minutes of that meeting (and the
  same minutes as PDF and DOCX) are one meeting;
* an **occurrence** is one agenda item of a meeting, merged over the meeting's documents;
* a **matter** is the case that recurs: occurrences across meetings of one forum linked by
  case number, by an explicit reference ("genoptaget fra mødet den 10. marts"), by title
  ("Rammeaftale 2021-2022 II" and "… III") or, while the matter is pending, by a title that
  takes up a shorter one ("Rekruttering" → "Rekruttering og fastholdelse af medarbejdere");
* **standing items** ("Godkendelse af dagsorden", "Eventuelt", "Meddelelser", …) recur at every
  meeting but settle nothing: each kind is one standing matter per forum, kept for the history,
  and an open decision under a standing item is open until a person closes it;
* a postponed, referred or action decision is **open** until a later occurrence of its matter
  has a settling decision (approved, noted, rejected), or a person closes it.

Every threshold is data: :data:`RULES` (a frozen :class:`MatchRules`) and the word lists below.
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache, partial
from typing import NamedTuple, Protocol

from rapidfuzz import fuzz

from referatkit import dates
from referatkit.ids import normalise_item_number, normalise_key, short_hash
from referatkit.model import OPEN_STATUSES

# Decision statuses that settle an open decision of the same matter at a later meeting.
SETTLING_STATUSES = ("approved", "noted", "rejected")

# Bump when the rules change in a way that changes links: every forum is linked again.
MATCHER_VERSION = "2"


@dataclass(frozen=True, slots=True)
class MatchRules:
    """The thresholds of the matching, as data. Scores are 0–100 (rapidfuzz scale)."""

    # Forums: core words of both names soft-match both ways → the same forum, automatically.
    # A forum scoring at least ``forum_maybe`` (or whose core words are all in the other's) is
    # suggested in ``referatkit forums`` for the user to confirm with ``forums merge``.
    forum_maybe: float = 67.0
    # Two words are the same word: equal, or one extends the other by at most this many
    # letters (inflection: "rammeaftale"/"rammeaftaler"), or a typo (ratio at least this).
    word_suffix_max: int = 4
    word_prefix_min: int = 5
    word_typo_ratio: float = 90.0
    # Items of one meeting in two documents (agenda and minutes, PDF and DOCX): the same
    # number and titles at least this similar, or no number and titles this similar.
    same_meeting_numbered: float = 60.0
    same_meeting_unnumbered: float = 88.0
    # Across meetings: titles at least this similar (token_sort_ratio / ratio of the title
    # cores) are the same matter.
    title_same: float = 88.0
    # Titles at least this similar are the same matter when the content agrees as well.
    title_related: float = 70.0
    content_support: float = 50.0
    # Content overlap counts only with at least this many shared distinctive words.
    content_min_words: int = 3
    # A shorter title contained in a longer one ("Rekruttering" in "Rekruttering og
    # fastholdelse af medarbejdere") links when the earlier matter is pending (has an open
    # decision) or the content agrees; the contained title must have this many letters.
    contained_min_letters: int = 6
    # An explicit reference to an earlier meeting picks that meeting's item most like this one
    # (title or content) if it scores at least this; failing that, the one item there that
    # has an open decision.
    reference_min: float = 30.0
    # Matters not seen for this long are not linked by title any more (a case number or an
    # explicit reference still links).
    title_window_days: int = 4 * 366
    # A manual close whose decision vanished (the file was edited) follows a decision of the
    # same forum, meeting date and kind whose text is at least this similar.
    mark_text_min: float = 80.0
    # Scores given to the kinds of evidence, to order competing links.
    score_case: float = 100.0
    score_reference: float = 95.0
    score_contained: float = 80.0
    score_content: float = 75.0


RULES = MatchRules()

# --- forum names ------------------------------------------------------------------------------

# Words that say what kind of body a forum is. Two names with different body words are two
# bodies ("Styregruppen for X" is not "Netværket for X"). Listed in the base form; definite
# and plural endings are added by _BODY_FORMS. Also stripped from compounds
# ("Socialudvalget" → body udvalg, core "social").
FORUM_BODY_WORDS = (
    "koordinationsgruppe", "styregruppe", "arbejdsgruppe", "følgegruppe", "chefgruppe",
    "ledergruppe", "direktørkreds", "bestyrelse", "direktion", "netværk", "udvalg",
    "forum", "komité", "råd", "gruppe", "kreds",
)
# Words that carry no identity in a forum name (also stripped as the tail of a compound:
# "Rammeaftalesamarbejdet" → "rammeaftale", "styregruppemøde" → "styregruppe").
FORUM_GENERIC_WORDS = frozenset({
    "for", "i", "og", "af", "på", "om", "til", "fra", "med", "det", "den", "de", "vedr",
    "referat", "referatet", "dagsorden", "dagsordenen", "møde", "mødet", "møder",
    "region", "regionen", "kommune", "kommunerne", "kommuner", "samarbejde", "samarbejdet",
    "samarbejdets", "ordinært", "ekstraordinært",
})
_FORUM_GENERIC_TAILS = ("samarbejdet", "samarbejde", "mødet", "møde", "møder")
_BODY_ENDINGS = ("", "en", "et", "n", "s", "r", "er", "erne", "ne", "ets", "ens", "ene")
NO_FORUM = "(no forum)"


def _body_forms() -> list[tuple[str, str]]:
    forms = {w + e: w for w in FORUM_BODY_WORDS for e in _BODY_ENDINGS}
    return sorted(forms.items(), key=lambda kv: -len(kv[0]))


_BODY_FORMS = _body_forms()


@dataclass(frozen=True, slots=True)
class ForumName:
    """A forum name split into what kind of body it is and the words that identify it."""

    key: str  # normalise_key of the name as written
    body: str | None
    core: tuple[str, ...]


def parse_forum_name(name: str | None) -> ForumName:
    key = normalise_key(name)
    body: str | None = None
    core: list[str] = []
    for token in key.split():
        if token in FORUM_GENERIC_WORDS:
            continue
        for tail in _FORUM_GENERIC_TAILS:
            if token.endswith(tail) and len(token) - len(tail) >= 3:
                token = token[: -len(tail)]
                break
        found = None
        for form, base in _BODY_FORMS:
            if token == form or (token.endswith(form) and len(token) - len(form) >= 3):
                found = (form, base)
                break
        if found:
            form, base = found
            body = body or base
            token = token[: -len(form)] if token != form else ""
            token = token[:-1] if token.endswith("s") and len(token) > 4 else token  # linking s
        if token and token not in FORUM_GENERIC_WORDS:
            core.append(token)
    return ForumName(key=key, body=body, core=tuple(core))


def _cached_for_default_rules(
        test: Callable[[str, str, MatchRules], bool]) -> Callable[..., bool]:
    """``test(a, b, rules)``, its answers under the default rules cached: matching a meeting
    compares its titles with every candidate matter's, and a forum's titles share a few
    hundred words, compared again and again."""
    cached = lru_cache(maxsize=262144)(lambda a, b: test(a, b, RULES))

    def call(a: str, b: str, rules: MatchRules = RULES) -> bool:
        return cached(a, b) if rules is RULES else test(a, b, rules)

    call.__doc__ = test.__doc__
    return call


def _same_word(a: str, b: str, rules: MatchRules) -> bool:
    """Equal, an inflection of each other ("rammeaftale"/"rammeaftaler"), or a typo."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if (len(short) >= rules.word_prefix_min and long_.startswith(short)
            and len(long_) - len(short) <= rules.word_suffix_max):
        return True
    return min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= rules.word_typo_ratio


same_word = _cached_for_default_rules(_same_word)


def _matched(small: Sequence[str], big: Sequence[str], rules: MatchRules) -> int:
    free = list(big)
    n = 0
    for w in small:
        for i, v in enumerate(free):
            if same_word(w, v, rules):
                n += 1
                del free[i]
                break
    return n


def forum_score(a: ForumName, b: ForumName, rules: MatchRules = RULES) -> tuple[float, bool]:
    """(score, same): ``same`` when the names are one forum without asking; the score orders
    the suggestions for names that may be one forum (shown when >= ``rules.forum_maybe``)."""
    if a.key == b.key or a.key.replace(" ", "") == b.key.replace(" ", ""):
        return 100.0, True  # "ArbejdsgruppenforKlimatilpasning": a PDF lost the spaces
    if a.body and b.body and a.body != b.body:
        return 0.0, False
    if a.body == b.body and a.core == b.core:
        return 100.0, True  # "af bestyrelsesmøde" and "bestyrelsesmøde"
    if not a.core or not b.core:
        # "Styregruppemøde" names only the kind of body: maybe any forum of that kind.
        return (rules.forum_maybe if (a.body and a.body == b.body) else 0.0), False
    small, big = (a.core, b.core) if len(a.core) <= len(b.core) else (b.core, a.core)
    m = _matched(small, big, rules)
    if m == len(small) == len(big):
        return 100.0, True
    score = 100.0 * (m / len(small) + m / len(big)) / 2
    if m == len(small):  # all of the shorter name is in the longer one
        score = max(score, rules.forum_maybe)
    return round(score, 1), False


# A document title that names its forum: "Referat af styregruppemøde", "Dagsorden for mødet i
# Styregruppen for X". What follows the lead is the forum, if it names a kind of body.
_TITLE_LEAD = re.compile(
    r"^\s*(?:referat\s+og\s+dagsorden|dagsorden\s+og\s+referat|beslutningsreferat|"
    r"mødereferat|referat|dagsorden)\b[\s:–-]*(?:(?:af|fra|for)\s+)?"
    r"(?:(?:det\s+)?(?:ordinære\s+|ekstraordinære\s+)?møde[t]?\s+(?:i|for)\s+)?",
    re.IGNORECASE)


# What a segmenter may leave in front of a forum's name: "fra møde i Handicaprådet",
# "af ordinært møde i Ældrerådet", "Møde: Styregruppen for …".
_NAME_LEAD = re.compile(
    r"^(?:(?:af|fra|for|referat\s+fra)\s+)?(?:(?:det\s+)?(?:ordinære?|ordinært|"
    r"ekstraordinære?|ekstraordinært|årleg|årligt?)\s+)?(?:møde[t]?|møte[t]?)\s*(?:i|for|:)\s*"
    r"|^(?:af|fra)\s+(?=\w)", re.IGNORECASE)


def display_name(name: str) -> str:
    """A forum's name for display: "fra møde i Handicaprådet" → "Handicaprådet"."""
    cleaned = _NAME_LEAD.sub("", name.strip(), count=1).strip(" :–-")
    if not cleaned:
        return name
    return cleaned[0].upper() + cleaned[1:] if cleaned[0].islower() and name[0].isupper() \
        else cleaned


def forum_label(forum: str | None, title: str | None) -> str | None:
    """The forum a document is from: its forum as written, else a body its title names
    ("Referat af styregruppemøde" → "styregruppemøde"), else None."""
    if forum and forum.strip():
        return forum
    m = _TITLE_LEAD.match(title or "")
    if not m:
        return None
    rest = (title or "")[m.end():]
    ds = dates.find_dates(rest)
    if ds:
        rest = rest[:ds[0].start]
    rest = re.sub(r"(?:\s+(?:den|d\.|kl\.?|,|–|-))+\s*$", "", rest.strip(" ,:–-\t"), flags=re.I)
    return rest if rest and parse_forum_name(rest).body else None


@dataclass(slots=True)
class ForumChoice:
    """A user's recorded choice about a written forum name (table ``forum_aliases``)."""

    name_key: str
    name: str
    choice: str  # "same": the name belongs to the forum named ``target``; "separate": alone
    target: str | None = None  # the forum's name as the user gave it (for "same")


@dataclass(slots=True)
class Forum:
    id: str
    name: str  # display name: the user's target, else the most used written name
    names: list[str]  # written names, most documents first
    how: str  # single | auto | user
    documents: int = 0


@dataclass(slots=True)
class ForumSuggestion:
    forum_id: str
    other_id: str
    score: float


@dataclass(slots=True)
class ForumClustering:
    forums: list[Forum]
    by_name_key: dict[str, str]  # written name key → forum id
    suggestions: list[ForumSuggestion]

    def forum_of(self, name: str | None) -> str:
        return self.by_name_key[normalise_key(name)]

    @property
    def unnamed(self) -> set[str]:
        """The id of the pseudo-forum of the documents that name no forum (if any)."""
        return {f.id for f in self.forums if f.names == [NO_FORUM]}


def _forum_pairs(keys: Sequence[str], parsed: dict[str, ForumName]) -> list[tuple[str, str]]:
    """The pairs of names worth comparing (a block index, so thousands of names do not cost
    millions of comparisons): names sharing the first letters of a core word, names equal
    without spaces, and a name that names only a kind of body with the names of that body."""
    blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
    for k in keys:
        p = parsed[k]
        blocks[("nospace", k.replace(" ", ""))].append(k)
        for w in p.core:
            blocks[("word", w[:4])].append(k)
        if p.body:
            blocks[("body", p.body)].append(k)
    body_only = {k for k in keys if not parsed[k].core}
    pairs: set[tuple[str, str]] = set()
    for (kind, _), members in blocks.items():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if a == b or (kind == "body" and a not in body_only and b not in body_only):
                    continue
                pairs.add((min(a, b), max(a, b)))
    return sorted(pairs)


def forum_id(name: str | None) -> str:
    return short_hash("forum", normalise_key(name))


def cluster_forums(names: dict[str | None, int], choices: Sequence[ForumChoice] = (),
                   rules: MatchRules = RULES) -> ForumClustering:
    """Cluster written forum names (name → number of documents) into forums.

    Names with the same key are one name. A user's "same" choice joins a name to its target
    (the target need not be a written name any more); "separate" keeps a name alone. Other
    names join when :func:`forum_score` says "same". Documents without a forum form one
    pseudo-forum, :data:`NO_FORUM`, that is never merged.
    """
    counts: Counter[str] = Counter()
    written: dict[str, Counter[str]] = defaultdict(Counter)
    for name, n in names.items():
        k = normalise_key(name)
        counts[k] += n
        written[k][name or NO_FORUM] += n
    chosen = {c.name_key: c for c in choices}
    for c in choices:  # a target the user named is a name even without documents
        if c.choice == "same" and c.target is not None:
            tk = normalise_key(c.target)
            if tk and tk not in written:
                written[tk][c.target] += 0
                counts[tk] += 0
    keys = sorted(written)
    parent = {k: k for k in keys}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    user_joined: set[str] = set()
    for c in choices:
        if c.choice == "same" and c.target is not None and c.name_key in parent:
            tk = normalise_key(c.target)
            if tk in parent and tk != c.name_key:
                union(c.name_key, tk)
                user_joined.update((c.name_key, tk))
    separate = {k for k, c in chosen.items() if c.choice == "separate"}
    auto_ok = [k for k in keys if k and k not in separate]
    parsed = {k: parse_forum_name(k) for k in auto_ok}
    maybe: list[tuple[str, str, float]] = []
    for a, b in _forum_pairs(auto_ok, parsed):
        score, same = forum_score(parsed[a], parsed[b], rules)
        if same:
            union(a, b)
        elif score >= rules.forum_maybe:
            maybe.append((a, b, score))
    groups: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        groups[find(k)].append(k)
    targets = {normalise_key(c.target): c.target for c in choices
               if c.choice == "same" and c.target}
    forums: list[Forum] = []
    by_key: dict[str, str] = {}
    for members in groups.values():
        variants: Counter[str] = Counter()
        for k in members:
            variants.update(written[k])
        # Sorted: most documents first, then the longer (fuller) name, then alphabetically.
        ordered = sorted(variants, key=lambda n: (-variants[n], -len(n), n))
        user_target = next((targets[k] for k in sorted(members) if k in targets), None)
        name = user_target or display_name(ordered[0])
        how = ("user" if any(k in user_joined for k in members)
               else "auto" if len(members) > 1 else "single")
        fid = forum_id(name if members != [""] else None)
        forums.append(Forum(id=fid, name=name, names=ordered, how=how,
                            documents=sum(counts[k] for k in members)))
        for k in members:
            by_key[k] = fid
    forums.sort(key=lambda f: (f.name == NO_FORUM, f.name.casefold()))
    best: dict[tuple[str, str], float] = {}
    for a, b, score in maybe:
        fa, fb = by_key[a], by_key[b]
        if fa != fb:
            pair = (min(fa, fb), max(fa, fb))
            best[pair] = max(best.get(pair, 0.0), score)
    suggestions = [ForumSuggestion(a, b, s) for (a, b), s in
                   sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))]
    return ForumClustering(forums=forums, by_name_key=by_key, suggestions=suggestions)


# --- meetings, occurrences --------------------------------------------------------------------

# Which document of a meeting gives an occurrence its title first: the minutes.
DOC_TYPE_ORDER = {"referat": 0, "dagsorden+referat": 1, "other": 2, "dagsorden": 3,
                  "notat": 4, "aarsrapport": 5}


@dataclass(slots=True)
class DocIn:
    id: str
    forum: str | None  # as written
    meeting_date: str | None
    doc_type: str = "referat"
    path: str = ""
    part: int = 0


@dataclass(slots=True)
class ItemIn:
    id: str
    document_id: str
    ordinal: int
    number: str | None
    title: str
    case_number: str | None = None
    text: str = ""  # the item's section text


@dataclass(slots=True)
class DecisionIn:
    id: str
    item_id: str
    document_id: str
    ordinal: int
    kind: str
    status: str
    text: str


@dataclass(slots=True)
class Meeting:
    id: str
    forum_id: str
    meeting_date: str | None
    document_ids: list[str]


class TextSource(Protocol):
    """Where the texts of items and of their decisions (ItemIn.text, DecisionIn.text) are
    read when the matcher first reads them: a forum linked again for a new meeting compares
    the few items its items could match, and reading every text of the forum was most of
    reading the forum."""

    def read(self, items: Sequence[ItemIn]) -> None:
        """Fill in the text of these items and of their decisions (once each)."""


@dataclass(slots=True)
class Occurrence:
    id: str
    meeting_id: str
    forum_id: str
    meeting_date: str | None
    number: str | None
    title: str
    item_ids: list[str] = field(default_factory=list)
    document_ids: list[str] = field(default_factory=list)
    case_numbers: list[str] = field(default_factory=list)
    decisions: list[DecisionIn] = field(default_factory=list)  # kind decision, one per id
    standing: str | None = None  # the kind of standing item, if it is one
    matter_id: str = ""
    how: str = ""  # first | standing | case | reference | title | contained | content (joined by +)
    score: float = 0.0
    via: str | None = None  # the occurrence it was linked to
    items: list[ItemIn] = field(default_factory=list, repr=False)  # merged into it, in order
    source: TextSource | None = field(default=None, repr=False)  # of their texts, if unread
    # content_key, once known (taken over from the last link for an unchanged meeting)
    content: str | None = field(default=None, repr=False)
    _text: str | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        """The section texts of its items (and, read with them, its decisions' texts)."""
        if self._text is None:
            if self.source is not None:
                self.source.read(self.items)
                self.source = None
            self._text = "\n\n".join(it.text for it in self.items if it.text)
        return self._text


def read_texts(occs: Iterable[Occurrence]) -> None:
    """Read the texts of these occurrences at once (one query, not one per occurrence)."""
    by_source: dict[int, tuple[TextSource, list[ItemIn]]] = {}
    for o in occs:
        if o.source is not None:
            by_source.setdefault(id(o.source), (o.source, []))[1].extend(o.items)
            o.source = None
    for source, items in by_source.values():
        source.read(items)


@dataclass(slots=True)
class Matter:
    id: str
    forum_id: str
    title: str
    standing: str | None
    occurrences: list[Occurrence] = field(default_factory=list)


@dataclass(slots=True)
class DecisionState:
    id: str
    forum_id: str
    matter_id: str
    occurrence_id: str
    meeting_id: str
    meeting_date: str | None
    status: str
    open: bool
    settled_by: str | None = None  # the decision that settled it
    settled_on: str | None = None  # that decision's meeting date
    closed_by: str | None = None  # None (open) | "matter" | "manual"
    mark_id: str | None = None  # the decision id the manual mark was recorded under
    note: str | None = None
    reopened: bool = False
    # every later settling decision of the matter, (decision id, meeting date), in date order
    settlements: list[tuple[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class ForumLinks:
    forum_id: str
    meetings: list[Meeting]
    occurrences: list[Occurrence]
    matters: list[Matter]
    decisions: dict[str, DecisionState]
    reused: int = 0  # meetings whose links were taken over from the last link (PriorLinks)


class PriorOccurrence(NamedTuple):
    """One occurrence as the last link placed it."""

    matter: str
    how: str
    score: float
    via: str | None
    items: frozenset[str]
    meeting: str
    # What the matcher compared it by, as it was then (the title and case numbers of an
    # edited meeting's items are gone from the documents by the time it is linked again).
    title: str
    case_numbers: tuple[str, ...]
    statuses: frozenset[str]  # of its decisions
    # content_key of its title, text and decisions (None: not recorded, an archive linked
    # before it was): an edited meeting's occurrence with the same content, case numbers and
    # decisions, in the same matter, leaves that matter as it was.
    content: str | None = None


@dataclass(slots=True)
class PriorLinks:
    """What the last link of a forum decided: per meeting its date and documents, and per
    occurrence where it went and what it was compared by (:class:`PriorOccurrence`).

    link_forum takes these decisions over for an unchanged meeting whose occurrences could
    only be compared with matters that are as they were then: matching depends only on the
    meetings before and on those matters, so it would decide the same. A nightly run that
    adds a meeting, or edits one, matches again only what that touches."""

    meetings: dict[str, tuple[str | None, frozenset[str]]]
    occurrences: dict[str, PriorOccurrence]

    @classmethod
    def of(cls, links: ForumLinks) -> PriorLinks:
        """The decisions of a link made here (the store's are read by link.prior_links)."""
        return cls({m.id: (m.meeting_date, frozenset(m.document_ids)) for m in links.meetings},
                   {o.id: PriorOccurrence(o.matter_id, o.how, o.score, o.via,
                                          frozenset(o.item_ids), o.meeting_id, o.title,
                                          tuple(o.case_numbers),
                                          frozenset(d.status for d in o.decisions),
                                          content_key(o))
                    for o in links.occurrences})


def fill_forums(docs: Sequence[DocIn]) -> list[DocIn]:
    """Documents that name no forum take the forum of the other documents of the same date
    in the same folder, when those name exactly one forum (the agenda beside its minutes);
    else the forum of their folder, when every document there that names one names the same
    (an association's folder whose older minutes never wrote its name: "Generalforsamling: 9.
    februar 2010"). Returns new DocIn objects; the others are returned as they are."""
    by_place: dict[tuple[str, str], set[str]] = defaultdict(set)
    by_folder: dict[str, Counter[str]] = defaultdict(Counter)
    for d in docs:
        if d.forum:
            by_folder[os.path.dirname(d.path)][d.forum] += 1
            if d.meeting_date:
                by_place[(os.path.dirname(d.path), d.meeting_date)].add(d.forum)
    out = []
    for d in docs:
        if not d.forum:
            folder = os.path.dirname(d.path)
            found = by_place.get((folder, d.meeting_date or ""), set())
            named = by_folder.get(folder, Counter())
            if len(found) == 1:
                d = replace(d, forum=next(iter(found)))
            elif not found and len({normalise_key(f) for f in named}) == 1:
                d = replace(d, forum=named.most_common(1)[0][0])
        out.append(d)
    return out


def meeting_id(forum: str, meeting_date: str | None, document_id: str) -> str:
    return short_hash("meeting", forum, meeting_date or f"undated:{document_id}")


def group_meetings(docs: Iterable[DocIn], forum_of: dict[str, str],
                   apart: Iterable[str] = ()) -> list[Meeting]:
    """One meeting per forum and date (documents without a date are a meeting each), in date
    order, undated last. ``forum_of``: document id → forum id. In the forums ``apart`` (the
    documents that name no forum) a meeting is also one folder's: two unnamed minutes of one
    date in two folders are two bodies' meetings."""
    meetings: dict[str, Meeting] = {}
    apart = set(apart)
    ordered = sorted(docs, key=lambda d: (DOC_TYPE_ORDER.get(d.doc_type, 2), d.path, d.part))
    for d in ordered:
        fid = forum_of[d.id]
        place = f"{fid}|{os.path.dirname(d.path)}" if fid in apart else fid
        mid = meeting_id(place, d.meeting_date, d.id)
        meetings.setdefault(mid, Meeting(mid, fid, d.meeting_date, [])).document_ids.append(d.id)
    return sorted(meetings.values(), key=lambda m: (m.meeting_date is None, m.meeting_date or "",
                                                    m.id))


# --- titles -----------------------------------------------------------------------------------

# Standing items: (kind, pattern over the normalised title). They recur at every meeting.
STANDING_ITEMS: tuple[tuple[str, str], ...] = (
    ("dagsorden", r"(?:(?:velkommen|velkomst)(?: \w+){0,3} og )?(?:godkendelse af |godkend )?"
                  r"(?:den )?dagsorden(?:en)?(?: og (?:godkendelse af )?(?:referat|protokol)\w*)?"
                  r"(?: (?:fra|af) (?:sidste|forrige) møde\w*)?"),
    ("referat", r"(?:godkendelse af |opfølgning på |underskrift af |underskrivelse af )?"
                r"(?:referat|referatet|protokol|protokollen)(?: (?:fra|af) (?:sidste|forrige) "
                r"møde\w*)?(?: \w+ \d+)?"),
    ("velkomst", r"(?:velkommen|velkomst)(?: \w+){0,3}"),
    ("meddelelser", r"(?:meddelelser|meddelelse|orientering|orienteringer|gensidig orientering|"
                    r"siden sidst|nyt fra \w+(?: \w+)?|orientering fra \w+(?: \w+)?|"
                    r"meddelelser fra \w+(?: \w+)?|formandens orientering|"
                    r"sekretariatets orientering)"),
    ("eventuelt", r"(?:eventuelt|evt|diverse|eventuelt og næste møde|evt og næste møde)"),
    ("næste møde", r"(?:næste møde|kommende møder?|mødeplan(?: \d+)?|mødekalender(?: \d+)?|"
                   r"mødedatoer(?: \d+)?|dato for næste møde|punkter til næste møde|"
                   r"emner til næste møde)"),
    ("evaluering", r"(?:evaluering af mødet|mødeevaluering)"),
    # procedure of an (annual) meeting: recurs, is never a matter to settle
    ("procedure", r"(?:valg|valget|val) (?:af|av|til|på) (?:en )?(?:dirigent|ordstyrer|ordförande "
                  r"för mötet|referent|referenter|referant|mødeleder|møteleder|stemmetællere|"
                  r"tellekorps|justeringsm[aä]n|protokolljusterare)(?: og \w+)?"),
    # Norwegian and Swedish forms of the above
    ("dagsorden", r"(?:godkjenning|godkjennelse|godkännande) av (?:innkalling(?:en)? og )?"
                  r"(?:dagsorden(?:en)?|dagordning(?:en)?|saksliste(?:n)?)"
                  r"(?: og (?:referat|protokoll)\w*)?"),
    ("referat", r"(?:godkjenning|godkännande) av (?:referat|protokoll)\w*(?: fra forrige møte)?"),
    ("velkomst", r"(?:mötets öppnande|møtet åpnes|åpning av møtet)"),
    ("eventuelt", r"(?:övriga frågor|øvrige saker|eventuelt og avslutning)"),
    ("næste møde", r"(?:nästa möte|neste møte)"),
)
_STANDING = [(kind, re.compile(rf"^{pat}$")) for kind, pat in STANDING_ITEMS]

# Lead-ins that say what is done with a matter, not which matter it is.
TITLE_LEAD_INS = (
    "drøftelse og godkendelse af", "fortsat drøftelse af", "genoptagelse af", "godkendelse af",
    "drøftelse af", "orientering om", "status på", "status for", "opfølgning på", "forslag til",
    "udkast til", "beslutning om", "behandling af", "tilbagemelding på", "tilbagemelding fra",
    "lukket punkt",
)
# Tails that mark a continuation of the same matter: "II", "III", "(fortsat)", "del 2".
_TITLE_TAILS = re.compile(
    r"(?:\s+(?:(?:i{1,3}|iv|v|vi{1,3}|ix|x)|fortsat|fortsættelse|genoptaget|opfølgning|"
    r"del \d+|\d+ behandling))+$")
_LEAD_INS = re.compile(r"^(?:" + "|".join(re.escape(x) for x in TITLE_LEAD_INS) + r")\s+")
# "2021 22" (from "2021-22") → "2021 2022"
_SHORT_YEAR = re.compile(r"\b((?:19|20)(\d\d)) (\d\d)\b")
STOPWORDS = frozenset({
    "og", "af", "for", "i", "på", "om", "til", "med", "fra", "en", "et", "den", "det", "de",
    "at", "er", "som", "der", "vedr", "samt", "ved", "efter", "mv", "mm", "jf", "the", "of",
    "and", "blev", "har", "kan", "skal", "vil", "var", "eller", "ikke", "sig", "sin", "sine",
    "punktet", "sagen", "styregruppen", "udvalget", "mødet", "møde", "næste",
})
# Content words shorter than this do not count (acronyms such as KKR, K17 do).
_CONTENT_MIN_LEN = 4
_STEM_LEN = 6


# Cached: a forum's link reads each title several times (merging a meeting's documents,
# matching, joining a matter), and the same titles recur in every forum and meeting.
@lru_cache(maxsize=65536)
def standing_kind(title: str | None) -> str | None:
    t = normalise_key(title)
    for kind, pat in _STANDING:
        if pat.match(t):
            return kind
    return None


@lru_cache(maxsize=65536)
def title_core(title: str | None) -> str:
    """The part of a title that names the matter: normalised, lead-ins ("Godkendelse af",
    "Status på") and continuation tails ("II", "fortsat") removed, "2021-22" → "2021 2022"."""
    t = normalise_key(title)
    for _ in range(2):
        t = _LEAD_INS.sub("", t)
    t = _TITLE_TAILS.sub("", t).strip()
    t = _SHORT_YEAR.sub(lambda m: f"{m[1]} {m[1][:2]}{m[3]}", t)
    return t or normalise_key(title)


@lru_cache(maxsize=65536)
def _numbers(core: str) -> frozenset[str]:
    return frozenset(w for w in core.split() if w.isdigit())


@lru_cache(maxsize=65536)
def _words(core: str) -> tuple[str, ...]:
    return tuple(w for w in core.split() if w not in STOPWORDS and not w.isdigit())


@lru_cache(maxsize=262144)
def title_score(a: str, b: str) -> float:
    """Similarity of two title cores; 0 when both carry numbers (years) that differ."""
    if a == b:
        return 100.0
    na, nb = _numbers(a), _numbers(b)
    if na and nb and na != nb:
        return 0.0
    wa, wb = " ".join(_words(a)), " ".join(_words(b))
    if not wa or not wb:
        return 0.0
    if na != nb:  # a number on one side only ("Budget" / "Budget 2022"): it counts
        return max(fuzz.token_sort_ratio(a, b), fuzz.ratio(a, b))
    return max(fuzz.token_sort_ratio(wa, wb), fuzz.ratio(a, b))


def _contained(a: str, b: str, rules: MatchRules) -> bool:
    """Every word of the shorter title core is in the longer one ("rekruttering" in
    "rekruttering fastholdelse medarbejdere"), the shorter is not trivially short, and its
    numbers are all in the longer one's."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    return _inside(wa, a, wb, b, rules) or _inside(wb, b, wa, a, rules)


contained = _cached_for_default_rules(_contained)


def _inside(small: tuple[str, ...], s_core: str, big: tuple[str, ...], b_core: str,
            rules: MatchRules) -> bool:
    if len(small) > len(big) or sum(len(w) for w in small) < rules.contained_min_letters:
        return False
    if not _numbers(s_core) <= _numbers(b_core):
        return False
    return _matched(small, big, rules) == len(small)


# A word: a run of letters and digits (one pattern without lookarounds, then sorted by
# length: two patterns, one with a lookbehind tried at every position, were half of the
# time of linking a forum afresh).
_WORD_RUN = re.compile(r"[^\W_]+")


def content_stems(text: str) -> set[str]:
    """The distinctive words of a text cut to their first letters: words of at least
    _CONTENT_MIN_LEN letters and shorter ones in capitals (KKR, K17), without stopwords and
    numbers. Each distinct word is looked at once (linking reads every item's text)."""
    found = set(_WORD_RUN.findall(text))
    out = {lw[:_STEM_LEN] for lw in {w.casefold() for w in found if len(w) >= _CONTENT_MIN_LEN}
           if lw not in STOPWORDS and not lw.isdigit()}
    for w in found:
        if 2 <= len(w) < _CONTENT_MIN_LEN and w.isupper() and not w.isdigit():
            lw = w.casefold()
            if lw not in STOPWORDS:
                out.add(lw[:_STEM_LEN])
    return out


def content_score(a: set[str], b: set[str], rules: MatchRules = RULES) -> float:
    shared = len(a & b)
    if shared < rules.content_min_words:
        return 0.0
    return 100.0 * shared / min(len(a), len(b))


# --- explicit references to earlier meetings --------------------------------------------------

# "mødet den 10. marts", "styregruppemødet d. 2/10", "møde 15.05.2020"; the date is parsed by
# dates.find_dates from the text that follows.
# Found from "møde" on, and the word's start looked up from there: a pattern that begins at
# every word (\b\w*møde) cost half of a forum's link, most texts saying "mødet" somewhere.
_REFERENCE = re.compile(r"møde[t]?\s+(?:den\s+|d\.\s*)?(?=\d)", re.IGNORECASE)
# "på sidste møde", "fra forrige møde": the forum's previous meeting (looked for only in a text
# that has one of the words).
_PREVIOUS_WORDS = ("sidste", "forrige", "seneste")
_PREVIOUS = re.compile(rf"\b(?:{'|'.join(_PREVIOUS_WORDS)})\s+\w*møde[t]?\b", re.IGNORECASE)
# Words just before "mødet den …" that make it a forward reference.
_FORWARD = re.compile(r"(?:næste|kommende|følgende|planlagte?)\s*$", re.IGNORECASE)


def references(text: str, meeting_date: str) -> tuple[list[str], bool]:
    """Earlier meeting dates ``text`` refers to, and whether it names "the last meeting".
    A date without a year is the latest such date before the meeting."""
    low = text.casefold()
    if "møde" not in low:  # both patterns need it: most texts are passed over
        return [], False
    current = date.fromisoformat(meeting_date)
    found: list[str] = []
    for m in _REFERENCE.finditer(text):
        start = _word_start(text, m.start())
        if _FORWARD.search(text[max(0, start - 20):start]):
            continue
        window = text[m.end():m.end() + 40]
        ds = dates.find_dates(window, default_year=current.year)
        if not ds or ds[0].start != 0:
            continue
        d = ds[0].date
        if not ds[0].has_year and d >= current:
            try:
                d = d.replace(year=d.year - 1)
            except ValueError:  # 29 February
                d = d - timedelta(days=365)
        if d < current:
            found.append(d.isoformat())
    previous = any(w in low for w in _PREVIOUS_WORDS) and any(
        not _FORWARD.search(text[max(0, m.start() - 20):m.start()])
        for m in _PREVIOUS.finditer(text))
    return sorted(set(found)), previous


def _word_start(text: str, at: int) -> int:
    # where the word (\w+) that ``at`` is in begins: "styregruppemødet" from its "møde"
    while at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_"):
        at -= 1
    return at


# --- linking one forum ------------------------------------------------------------------------


def _case_key(case: str) -> str:
    return re.sub(r"\s+", "", case).casefold()


def build_occurrences(meeting: Meeting, docs: dict[str, DocIn], items: dict[str, list[ItemIn]],
                      decisions: dict[str, list[DecisionIn]],
                      rules: MatchRules = RULES,
                      texts: TextSource | None = None) -> list[Occurrence]:
    """The meeting's agenda items, merged over its documents (minutes first). ``texts``:
    where their texts are read when first read (None: the items hold them)."""
    occs: list[Occurrence] = []
    seen_decisions: set[str] = set()
    for doc_id in meeting.document_ids:
        for it in sorted(items.get(doc_id, []), key=lambda i: i.ordinal):
            number = normalise_item_number(it.number)
            core = title_core(it.title)
            target = None
            for o in occs:
                if doc_id in o.document_ids:
                    continue
                onum = normalise_item_number(o.number)
                if number and onum == number:
                    if title_score(core, title_core(o.title)) >= rules.same_meeting_numbered:
                        target = o
                        break
                elif title_score(core, title_core(o.title)) >= rules.same_meeting_unnumbered:
                    target = target or o
            if target is None:
                key = number or f"title:{normalise_key(it.title)}"
                oid = short_hash("occurrence", meeting.id, key, str(len(occs)))
                target = Occurrence(id=oid, meeting_id=meeting.id, forum_id=meeting.forum_id,
                                    meeting_date=meeting.meeting_date, number=it.number,
                                    title=it.title, standing=standing_kind(it.title),
                                    source=texts)
                occs.append(target)
            target.item_ids.append(it.id)
            target.document_ids.append(doc_id)
            if it.case_number and it.case_number not in target.case_numbers:
                target.case_numbers.append(it.case_number)
            target.items.append(it)
            for d in sorted(decisions.get(it.id, []), key=lambda x: x.ordinal):
                if d.kind == "decision" and d.id not in seen_decisions:
                    seen_decisions.add(d.id)
                    target.decisions.append(d)
    return occs


@dataclass(slots=True)
class _MatterState:
    matter: Matter
    cores: set[str]
    stems_read: set[str]  # content stems of the titles and texts of the occurrences read
    cases: set[str]
    last_date: str
    pending: bool
    by_meeting: dict[str, Occurrence]
    last_ord: int  # last_date as a day number, for the title window
    stems_of: Callable[[Occurrence], set[str]]  # an occurrence's content stems (cached)
    # Occurrences whose stems are not yet in stems_read: read when a later occurrence's
    # content is compared with the matter's, which most matters never are.
    unread: list[Occurrence] = field(default_factory=list)

    @property
    def stems(self) -> set[str]:
        if self.unread:
            read_texts(self.unread)
            for o in self.unread:
                self.stems_read |= self.stems_of(o)
            self.unread.clear()
        return self.stems_read


# Candidate matters for an occurrence share a title word's first letters (an index, so a forum
# with thousands of items compares each only with the few matters that could match).
_INDEX_PREFIX = 4


@lru_cache(maxsize=65536)
def _title_prefixes(core: str) -> frozenset[str]:
    return frozenset(w[:_INDEX_PREFIX] for w in _words(core))


def _candidate(occ: Occurrence, core: str, stems: Callable[[], set[str]], cases: set[str],
               refs: set[str], ms: _MatterState, meeting_ord: int,
               rules: MatchRules) -> tuple[float, list[str]]:
    # ``stems``: the occurrence's content stems, read only if its content is compared (the
    # cached title tests first: the content is read only for the few matters that pass them)
    how, score, if_content = _evidence(core, cases, bool(refs & ms.by_meeting.keys()),
                                       ms.cores, ms.cases, ms.pending, ms.last_ord,
                                       meeting_ord, rules)
    if if_content and content_score(stems(), ms.stems, rules) >= rules.content_support:
        how.append(if_content)
        score = max(score, rules.score_contained if if_content == "contained"
                    else rules.score_content)
    return score, how


def _evidence(core: str, cases: set[str], refers: bool, m_cores: Iterable[str],
              m_cases: AbstractSet[str], m_pending: bool, m_last_ord: int, meeting_ord: int,
              rules: MatchRules) -> tuple[list[str], float, str | None]:
    """What links an occurrence (title core, case keys, whether it refers to a meeting of
    the matter) to a matter, but for its content: the tests passed, in order, the score, and
    the test ("contained" or "content") passed as well if the content agrees."""
    how: list[str] = []
    score = 0.0
    if cases & m_cases:
        how.append("case")
        score = max(score, rules.score_case)
    vetoed = bool(cases and m_cases and not (cases & m_cases))
    if refers:
        how.append("reference")
        score = max(score, rules.score_reference)
    if vetoed or meeting_ord - m_last_ord > rules.title_window_days:
        return how, score, None
    best = max((title_score(core, c) for c in m_cores), default=0.0)
    if best >= rules.title_same:
        how.append("title")
        return how, max(score, best), None
    if any(contained(core, c, rules) for c in m_cores):
        if m_pending:
            how.append("contained")
            return how, max(score, rules.score_contained), None
        return how, score, "contained"
    return how, score, "content" if best >= rules.title_related else None


@dataclass(frozen=True, slots=True)
class _Seen:
    """What a matter is compared by, but for its content: its title cores and case numbers,
    its last day and occurrence (the link's "via"), whether it is pending, and whether it is a
    standing matter (never compared)."""

    cores: frozenset[str]
    cases: frozenset[str]
    last_ord: int
    last: str | None
    pending: bool
    standing: bool
    prefixes: frozenset[str]  # of its title words: what match_meeting finds candidates by

    @classmethod
    def of(cls, cores: Iterable[str], cases: Iterable[str], last_ord: int, last: str | None,
           pending: bool, standing: bool) -> _Seen:
        return cls(frozenset(cores), frozenset(cases), last_ord, last, pending, standing,
                   frozenset().union(*map(_title_prefixes, cores)))


class _Was(NamedTuple):
    """An occurrence of a matter as the last link had it, for _Seen."""

    when: str  # its meeting's date
    meeting: str
    occurrence: str
    core: str
    cases: frozenset[str]
    statuses: frozenset[str]  # of its decisions
    standing: str | None  # the standing kind of its title


# What _outcome gives where the pair depends on the content.
_READS_CONTENT = ("content",)


def _outcome(core: str, cases: set[str], meeting_ord: int, seen: _Seen | None,
             rules: MatchRules) -> tuple[object, ...] | None:
    """match_meeting's pair of an occurrence (title core, case keys) and a matter seen so, but
    for references: None (no pair), _READS_CONTENT (it depends on the content), or its tests,
    score, and the matter's last day and occurrence."""
    if seen is None or seen.standing:
        return None
    if not (cases & seen.cases or _title_prefixes(core) & seen.prefixes):
        return None  # not a candidate: no case number or title word in common
    how, score, if_content = _evidence(core, cases, False, seen.cores, seen.cases,
                                       seen.pending, seen.last_ord, meeting_ord, rules)
    if if_content:
        return _READS_CONTENT
    return (tuple(how), score, seen.last_ord, seen.last) if how else None


def _reference_pick(occ: Occurrence, core: str, stems: Callable[[], set[str]],
                    candidates: list[Occurrence], rules: MatchRules) -> Occurrence | None:
    """The item of a referenced meeting this occurrence takes up."""
    scored = []
    for c in candidates:
        if c.standing:
            continue
        cc = title_core(c.title)
        s = max(title_score(core, cc), rules.score_contained if contained(core, cc, rules) else 0,
                content_score(stems(), _occurrence_stems(c), rules))
        scored.append((s, c))
    scored.sort(key=lambda x: -x[0])
    if scored and scored[0][0] >= rules.reference_min:
        return scored[0][1]
    pending = [c for _, c in scored if any(d.status in OPEN_STATUSES for d in c.decisions)]
    return pending[0] if len(pending) == 1 else None


def _occurrence_content(o: Occurrence) -> str:
    """What the matcher reads of an occurrence's content (its stems are this text's)."""
    text = o.text  # reads its decisions' texts too
    return f"{o.title}\n{text}\n" + "\n".join(d.text for d in o.decisions)


def _occurrence_stems(o: Occurrence) -> set[str]:
    return content_stems(_occurrence_content(o))


def content_key(o: Occurrence) -> str:
    """A digest of what the matcher reads of an occurrence: equal keys, equal content."""
    if o.content is None:
        o.content = short_hash("content", _occurrence_content(o))
    return o.content


def link_apart(forum: str, meetings: Sequence[Meeting], docs: dict[str, DocIn],
               items: dict[str, list[ItemIn]], decisions: dict[str, list[DecisionIn]],
               rules: MatchRules = RULES) -> ForumLinks:
    """:func:`link_forum` for the documents that name no forum: each folder's meetings on
    their own, so that a matter never runs from one unnamed body's minutes into another's
    ("Valg af dirigent" of an association and of a student group)."""
    parts: dict[str, list[Meeting]] = defaultdict(list)
    for m in meetings:
        parts[os.path.dirname(docs[m.document_ids[0]].path)].append(m)
    out = ForumLinks(forum_id=forum, meetings=[], occurrences=[], matters=[], decisions={})
    for folder in sorted(parts):
        links = link_forum(forum, parts[folder], docs, items, decisions, rules, scope=folder)
        out.meetings += links.meetings
        out.occurrences += links.occurrences
        out.matters += links.matters
        out.decisions.update(links.decisions)
    out.meetings.sort(key=lambda m: (m.meeting_date is None, m.meeting_date or "", m.id))
    return out


def link_forum(forum: str, meetings: Sequence[Meeting], docs: dict[str, DocIn],
               items: dict[str, list[ItemIn]], decisions: dict[str, list[DecisionIn]],
               rules: MatchRules = RULES, scope: str = "",
               prior: PriorLinks | None = None, texts: TextSource | None = None) -> ForumLinks:
    """Occurrences, matters and the automatic state of every decision of one forum.

    Meetings are taken in date order; each occurrence of a meeting is linked to at most one
    earlier matter and each matter takes at most one occurrence per meeting (strongest
    evidence first). Standing items join their forum's standing matter of the same kind.

    ``prior``: the last link of this forum (made with these rules), whose decisions are
    taken over where they still hold (see PriorLinks); the result is the same as without it.
    ``texts``: where the items' texts are read when the matcher first reads them (None: the
    items hold them).
    """
    ordered = sorted(meetings, key=lambda m: (m.meeting_date is None, m.meeting_date or "", m.id))
    states: list[_MatterState] = []
    index_of: dict[str, int] = {}  # matter id → position in states
    word_index: dict[str, set[int]] = defaultdict(set)
    case_index: dict[str, set[int]] = defaultdict(set)
    standing: dict[str, _MatterState] = {}
    occ_all: list[Occurrence] = []
    by_date: dict[str, Meeting] = {}
    occs_of: dict[str, list[Occurrence]] = {}
    previous: Meeting | None = None

    def new_matter(o: Occurrence, kind: str | None) -> _MatterState:
        # ``scope``: the part of a forum linked on its own (link_apart), whose standing
        # matters are its own
        mid = _standing_id(forum, kind, scope) if kind else short_hash("matter", forum, o.id)
        ms = _MatterState(Matter(mid, forum, o.title, kind), set(), set(), set(),
                          o.meeting_date or "", False, {}, _date_ordinal(o.meeting_date),
                          stems_of)
        index_of[mid] = len(states)
        states.append(ms)
        return ms

    stems_cache: dict[str, set[str]] = {}

    def stems_of(o: Occurrence) -> set[str]:
        # Read for the matching and again when the occurrence joins its matter.
        got = stems_cache.get(o.id)
        if got is None:
            got = stems_cache[o.id] = _occurrence_stems(o)
        return got

    def attach(ms: _MatterState, o: Occurrence, how: str, score: float, via: str | None) -> None:
        o.matter_id, o.how, o.score, o.via = ms.matter.id, how, score, via
        ms.matter.occurrences.append(o)
        ms.matter.title = o.title
        core = title_core(o.title)
        ms.cores.add(core)
        ms.unread.append(o)
        cases = {_case_key(c) for c in o.case_numbers}
        ms.cases |= cases
        if o.meeting_date:
            ms.last_date = o.meeting_date
            ms.last_ord = _date_ordinal(o.meeting_date)
            ms.by_meeting[o.meeting_date] = o
        if ms.matter.standing:
            return
        mi = index_of[ms.matter.id]
        for w in _title_prefixes(core):
            word_index[w].add(mi)
        for c in cases:
            case_index[c].add(mi)
        ms.pending = _pending_after(ms.pending, [d.status for d in o.decisions])

    refs_cache: dict[str, tuple[list[str], bool]] = {}

    def references_of(o: Occurrence, meeting_date: str) -> tuple[list[str], bool]:
        # Read when deciding whether a meeting's links can be taken over, and again when it
        # is matched after all.
        got = refs_cache.get(o.id)
        if got is None:
            got = refs_cache[o.id] = references(f"{o.title}\n{o.text}", meeting_date)
        return got

    def match_meeting(meeting: Meeting, occs: list[Occurrence]) -> set[int]:
        """Link the occurrences of a dated meeting to earlier matters; returns the indexes
        of those linked."""
        assert meeting.meeting_date is not None
        pairs: list[tuple[float, str, int, int, list[str], str | None]] = []
        meeting_ord = _date_ordinal(meeting.meeting_date)
        read_texts(occs)
        for oi, o in enumerate(occs):
            if o.standing:
                continue
            core = title_core(o.title)
            stems = partial(stems_of, o)
            cases = {_case_key(c) for c in o.case_numbers}
            ref_dates, prev = references_of(o, meeting.meeting_date)
            refs = {d for d in ref_dates if d in by_date}
            if prev and previous is not None and previous.meeting_date:
                refs.add(previous.meeting_date)
            # An explicit reference names a meeting; the item there it takes up is picked here.
            ref_targets: set[str] = set()
            for rd in refs:
                read_texts(occs_of[by_date[rd].id])
                picked = _reference_pick(o, core, stems, occs_of[by_date[rd].id], rules)
                if picked is not None:
                    ref_targets.add(picked.matter_id)
            candidates = {index_of[m] for m in ref_targets}
            for c in cases:
                candidates |= case_index.get(c, set())
            for w in _title_prefixes(core):
                candidates |= word_index.get(w, set())
            for mi in sorted(candidates):
                ms = states[mi]
                own_refs = refs if ms.matter.id in ref_targets else set()
                score, how = _candidate(o, core, stems, cases, own_refs, ms, meeting_ord,
                                        rules)
                if how:
                    via = ms.by_meeting.get(ms.last_date)
                    pairs.append((score + len(how) * 0.01, ms.last_date, mi, oi, how,
                                  via.id if via else None))
        # Strongest evidence first; between equals, the matter seen most recently.
        pairs.sort(key=lambda p: (-p[0], -_date_ordinal(p[1]), p[2]))
        taken_m: set[int] = set()
        taken_o: set[int] = set()
        for score, _last, mi, oi, how, via in pairs:
            if mi in taken_m or oi in taken_o:
                continue
            taken_m.add(mi)
            taken_o.add(oi)
            attach(states[mi], occs[oi], "+".join(how), round(score, 1), via)
        return taken_o

    # --- taking the last link over (prior): what may differ from it, as the meetings go by
    now_docs = {m.id: frozenset(m.document_ids) for m in ordered}
    old_meetings = prior.meetings if prior is not None else {}
    # Meetings new or edited since, matched again whatever they hold.
    fresh = {m.id for m in ordered if old_meetings.get(m.id, (None, None))[1] != now_docs[m.id]}
    # Matters whose state may differ from the last link's at this point in the timeline. A
    # reference to a meeting that changed needs nothing of its own: what it may pick there is
    # one of that meeting's matters, and they are among these.
    dirty: set[str] = set()
    # The matters of the last link's meetings that changed or went: as they were until that
    # meeting's date, different after it (date, matter id), latest first.
    differ_after: list[tuple[str, str, str]] = []
    # The last link's occurrences of those meetings; and the (meeting, matter) pairs of the
    # edited meetings found to leave their matter as it was (settle_meeting), which do not
    # make it differ after all.
    old_occs_of: dict[str, list[tuple[str, PriorOccurrence]]] = defaultdict(list)
    unchanged_in: set[tuple[str, str]] = set()
    # The dated occurrences of each matter of the last link, in the order they were linked;
    # and an index of the dirty matters as they were then, by title word and case number.
    old_by_matter: dict[str, list[_Was]] = defaultdict(list)
    dirty_words: dict[str, set[str]] = defaultdict(set)
    dirty_cases: dict[str, set[str]] = defaultdict(set)
    if prior is not None:
        changed = {mid for mid, (_, ds) in old_meetings.items() if now_docs.get(mid) != ds}
        differ_after = sorted(((old_meetings[rec.meeting][0] or _AFTER_ALL, rec.matter,
                                rec.meeting)
                               for rec in prior.occurrences.values() if rec.meeting in changed),
                              reverse=True)
        for oid, rec in prior.occurrences.items():
            if rec.meeting in changed:
                old_occs_of[rec.meeting].append((oid, rec))
            when = old_meetings.get(rec.meeting, (None, None))[0]
            if when:  # an undated meeting comes after every dated one
                old_by_matter[rec.matter].append(_Was(
                    when, rec.meeting, oid, title_core(rec.title),
                    frozenset(_case_key(c) for c in rec.case_numbers), rec.statuses,
                    standing_kind(rec.title)))
        for entries in old_by_matter.values():
            entries.sort()

    def make_dirty(matter_id: str) -> None:
        if matter_id in dirty:
            return
        dirty.add(matter_id)
        for was in old_by_matter.get(matter_id, ()):
            for w in _title_prefixes(was.core):
                dirty_words[w].add(matter_id)
            for c in was.cases:
                dirty_cases[c].add(matter_id)

    def seen_now(matter_id: str) -> _Seen | None:
        at = index_of.get(matter_id)
        if at is None:
            return None
        ms = states[at]
        via = ms.by_meeting.get(ms.last_date)
        return _Seen.of(ms.cores, ms.cases, ms.last_ord, via.id if via else None, ms.pending,
                        bool(ms.matter.standing))

    def seen_then(matter_id: str, meeting: Meeting) -> _Seen | None:
        """The matter as the last link had it when it came to this meeting."""
        assert meeting.meeting_date is not None
        here = (meeting.meeting_date, meeting.id)
        then = [w for w in old_by_matter.get(matter_id, ()) if (w.when, w.meeting) < here]
        if not then:
            return None
        standing = then[0].standing is not None  # a matter is standing from its first
        pending = False
        for was in then if not standing else ():
            pending = _pending_after(pending, was.statuses)
        return _Seen.of({w.core for w in then}, frozenset().union(*(w.cases for w in then)),
                        _date_ordinal(then[-1].when), then[-1].occurrence, pending, standing)

    # (matter id → as it is now, as it was) for the meeting old_pairs is looking at
    seen_here: dict[str, tuple[_Seen | None, _Seen | None]] = {}

    def may_differ(core: str, cases: set[str], meeting: Meeting, meeting_ord: int,
                   matter_id: str) -> bool:
        """Whether linking an occurrence (its title core and case keys) may decide otherwise
        than the last link because of this dirty matter: their pair, as the matter is now and
        as it was at the last link, differs or depends on the content. (A pair by reference
        is not weighed here: old_pairs looks at the meetings referred to.)"""
        seen = seen_here.get(matter_id)
        if seen is None:
            seen = seen_here[matter_id] = (seen_now(matter_id), seen_then(matter_id, meeting))
        now = _outcome(core, cases, meeting_ord, seen[0], rules)
        return now is _READS_CONTENT or now != _outcome(core, cases, meeting_ord, seen[1], rules)

    # The meeting before each in the last link's timeline ("sidste møde" refers to it).
    dated = sorted((d, mid) for mid, (d, _) in old_meetings.items() if d)
    old_previous = {mid: before for (_, before), (_, mid) in zip(dated, dated[1:], strict=False)}
    old_dates: dict[str, list[str]] = defaultdict(list)
    for d, mid in dated:
        old_dates[d].append(mid)

    def old_on(day: str, meeting: Meeting) -> str | None:
        # The last link's meeting of that day when it came to this one (by_date as it was).
        before = [mid for mid in old_dates.get(day, ()) if (day, mid) < (meeting.meeting_date,
                                                                          meeting.id)]
        return before[-1] if before else None

    def old_pairs(meeting: Meeting, occs: list[Occurrence]
                  ) -> list[tuple[int, str, str, float, str | None]] | None:
        """The last link's links of this meeting's occurrences to earlier matters, (index,
        matter id, how, score, via), if they hold now; else None (match again)."""
        assert prior is not None and meeting.meeting_date is not None
        if meeting.id in fresh:
            return None
        while differ_after and differ_after[-1][0] < meeting.meeting_date:
            _, matter_id, was_in = differ_after.pop()
            if (was_in, matter_id) not in unchanged_in:
                make_dirty(matter_id)
        # Nothing before differs from the last link (the common case: the meetings before the
        # first that changed), so neither what it refers to nor what it could be compared
        # with can.
        same_before = not dirty and old_previous.get(meeting.id) == (
            previous.id if previous is not None else None)
        meeting_ord = _date_ordinal(meeting.meeting_date)
        seen_here.clear()
        if not same_before:
            read_texts(occs)  # for the meetings they refer to
        out = []
        for oi, o in enumerate(occs):
            rec = prior.occurrences.get(o.id)
            if rec is None or rec.items != frozenset(o.item_ids):
                return None
            if o.standing:
                continue
            if rec.how not in ("first", "standing"):
                if rec.matter not in index_of:
                    return None
                out.append((oi, rec.matter, rec.how, rec.score, rec.via))
            if same_before:
                continue
            # Every dirty matter it could be compared with, now or at the last link: its own
            # and those of its case numbers and title words; then those of the meetings it
            # refers to (whichever item there it would pick).
            core = title_core(o.title)
            cases = {_case_key(c) for c in o.case_numbers}
            near: set[str] = {rec.matter} & dirty
            for c in cases:
                near.update(x for mi in case_index.get(c, ()) if (x := states[mi].matter.id)
                            in dirty)
                near |= dirty_cases.get(c, set())
            for w in _title_prefixes(core):
                near.update(x for mi in word_index.get(w, ()) if (x := states[mi].matter.id)
                            in dirty)
                near |= dirty_words.get(w, set())
            if any(may_differ(core, cases, meeting, meeting_ord, x) for x in near):
                return None
            ref_dates, prev = references_of(o, meeting.meeting_date)
            if prev:
                if old_previous.get(meeting.id) != (previous.id if previous else None):
                    return None
                if previous is not None and previous.meeting_date:
                    ref_dates = [*ref_dates, previous.meeting_date]
            # The meetings it refers to: the same as at the last link, none of their matters
            # dirty.
            for rd in ref_dates:
                now_at = by_date.get(rd)
                if old_on(rd, meeting) != (now_at.id if now_at else None):
                    return None
                if now_at is not None and any(x.matter_id in dirty for x in occs_of[now_at.id]):
                    return None
        return out

    def settle_meeting(meeting: Meeting, occs: list[Occurrence]) -> None:
        # Where an occurrence of this meeting is in another matter than at the last link, the
        # matters on both sides differ from here on. (How it was linked, its score and the
        # occurrence it was linked to are not part of a matter's state.)
        # An edited meeting's occurrence that is as it was (the same content, case numbers and
        # decisions, in the same matter) leaves its matter as it was: a correction of one
        # item makes one matter differ, not every matter of the meeting.
        assert prior is not None
        edited = meeting.id in fresh
        differs: set[str] = set()
        same: set[str] = set()
        for o in occs:
            rec = prior.occurrences.get(o.id)
            if rec is None or rec.matter != o.matter_id:
                differs.add(o.matter_id)
                if rec is not None:
                    differs.add(rec.matter)
            elif edited and not _as_it_was(o, rec):
                differs.add(o.matter_id)
            elif edited:
                same.add(o.matter_id)
        if edited:
            here = {o.id for o in occs}
            differs.update(rec.matter for oid, rec in old_occs_of.get(meeting.id, ())
                           if oid not in here)
            unchanged_in.update((meeting.id, m) for m in same - differs)
        for matter_id in differs:
            make_dirty(matter_id)

    reused = 0
    for meeting in ordered:
        occs = build_occurrences(meeting, docs, items, decisions, rules, texts)
        if prior is not None and meeting.id not in fresh:
            # The same documents, the same content (content read again is linked afresh).
            for o in occs:
                rec = prior.occurrences.get(o.id)
                if rec is not None and rec.items == frozenset(o.item_ids):
                    o.content = rec.content
        occs_of[meeting.id] = occs
        occ_all.extend(occs)
        if meeting.meeting_date is None:
            for o in occs:  # an undated meeting cannot be placed in the timeline
                attach(new_matter(o, None), o, "first", 0.0, None)
            continue
        taken_o: set[int] = set()
        kept = old_pairs(meeting, occs) if prior is not None else None
        if kept is not None:
            reused += 1
            for oi, matter_id, how, score, via in kept:
                taken_o.add(oi)
                attach(states[index_of[matter_id]], occs[oi], how, score, via)
        else:
            taken_o = match_meeting(meeting, occs)
        for oi, o in enumerate(occs):
            if oi in taken_o:
                continue
            if o.standing:
                ms = standing.get(o.standing)
                if ms is not None and meeting.meeting_date not in ms.by_meeting:
                    attach(ms, o, "standing", 100.0, ms.matter.occurrences[-1].id)
                    continue
                if ms is None:
                    attach(standing.setdefault(o.standing, new_matter(o, o.standing)), o,
                           "first", 0.0, None)
                    continue
                # a second item of the same standing kind in one meeting: on its own
                extra = new_matter(o, None)
                extra.matter.standing = o.standing
                attach(extra, o, "first", 0.0, None)
                continue
            attach(new_matter(o, None), o, "first", 0.0, None)
        if prior is not None:
            settle_meeting(meeting, occs)
        by_date[meeting.meeting_date] = meeting
        previous = meeting

    matters = [ms.matter for ms in states]
    return ForumLinks(forum_id=forum, meetings=list(ordered), occurrences=occ_all,
                      matters=matters, decisions=settle(forum, matters), reused=reused)


def _as_it_was(o: Occurrence, rec: PriorOccurrence) -> bool:
    """Whether an occurrence of an edited meeting is what the last link compared it by (its
    title is part of its content; its id, of its meeting's)."""
    return (rec.content is not None and rec.case_numbers == tuple(o.case_numbers)
            and rec.statuses == frozenset(d.status for d in o.decisions)
            and rec.content == content_key(o))


# Later than every date (an undated meeting comes after the dated ones).
_AFTER_ALL = "\uffff"


def _standing_id(forum: str, kind: str, scope: str = "") -> str:
    return short_hash("matter", forum, "standing", kind, *([scope] if scope else []))


def _pending_after(pending: bool, statuses: Collection[str]) -> bool:
    """Whether a matter is pending after an occurrence whose decisions have these statuses:
    a settling decision ends it, an open one (even with it) begins it."""
    if any(s in SETTLING_STATUSES for s in statuses):
        pending = False
    if any(s in OPEN_STATUSES for s in statuses):
        pending = True
    return pending


def _date_ordinal(d: str | None) -> int:
    return date.fromisoformat(d).toordinal() if d else 0


def settle(forum: str, matters: Sequence[Matter]) -> dict[str, DecisionState]:
    """The automatic state of every decision: open (postponed, referred, action) until a
    later occurrence of the same, non-standing matter has a settling decision. Every later
    settlement is kept (``settlements``) for a person's reopen to be weighed against."""
    out: dict[str, DecisionState] = {}
    for m in matters:
        occs = sorted(m.occurrences, key=lambda o: (o.meeting_date is None, o.meeting_date or ""))
        waiting: list[DecisionState] = []
        for o in occs:
            settling = next((d for d in o.decisions if d.status in SETTLING_STATUSES), None)
            if settling is not None and not m.standing and o.meeting_date:
                for st in waiting:
                    if st.meeting_date and st.meeting_date < o.meeting_date:
                        st.settlements.append((settling.id, o.meeting_date))
                        if st.settled_by is None:
                            st.open, st.settled_by, st.settled_on = (False, settling.id,
                                                                     o.meeting_date)
                            st.closed_by = "matter"
            for d in o.decisions:
                if d.id in out:
                    continue
                st = DecisionState(id=d.id, forum_id=forum, matter_id=m.id, occurrence_id=o.id,
                                   meeting_id=o.meeting_id, meeting_date=o.meeting_date,
                                   status=d.status, open=d.status in OPEN_STATUSES)
                out[d.id] = st
                if st.open:
                    waiting.append(st)
    return out


# --- what people record -----------------------------------------------------------------------


@dataclass(slots=True)
class Mark:
    """A person's close or reopen of a decision (table ``decision_marks``), with a snapshot of
    the decision it was made on, so it can follow the decision when its file is edited."""

    decision_id: str
    state: str  # closed | open
    note: str | None = None
    marked_at: str = ""
    overrides: str | None = None  # for "open": the latest settling decision the person overrode
    forum: str | None = None  # the forum as written in the document
    meeting_date: str | None = None
    item_number: str | None = None
    item_title: str | None = None
    kind: str = "decision"
    text: str = ""


@dataclass(slots=True)
class DecisionInfo:
    """What a mark is matched against when its own decision id is gone."""

    id: str
    forum_key: str  # forum id of the decision's document (after clustering)
    meeting_date: str | None
    item_number: str | None
    item_title: str
    kind: str
    text: str


def attach_marks(marks: Sequence[Mark], decisions: Sequence[DecisionInfo],
                 forum_of_name: dict[str, str], rules: MatchRules = RULES) -> dict[str, Mark]:
    """Decision id → the mark that applies to it.

    A mark applies to its own decision id. A mark whose decision no longer exists (the file
    was edited and the decision's text or the item's number changed) follows the decision of
    the same forum, meeting date and kind whose text is most similar (ratio; in the same item
    also token_set_ratio, so words added to the text still match), if at least
    ``rules.mark_text_min``.
    """
    present = {d.id for d in decisions}
    out: dict[str, Mark] = {m.decision_id: m for m in marks if m.decision_id in present}
    orphans = [m for m in marks if m.decision_id not in present]
    if not orphans:
        return out
    by_meeting: dict[tuple[str, str | None], list[DecisionInfo]] = defaultdict(list)
    for d in decisions:
        by_meeting[(d.forum_key, d.meeting_date)].append(d)
    for m in sorted(orphans, key=lambda x: x.marked_at):
        fid = forum_of_name.get(normalise_key(m.forum))
        if fid is not None:
            candidates = by_meeting.get((fid, m.meeting_date), [])
        else:  # the forum it was recorded under is not written any more: any of that date
            candidates = [d for (_, day), ds in by_meeting.items() if day == m.meeting_date
                          for d in ds]
        best: tuple[float, DecisionInfo] | None = None
        for d in candidates:
            if d.id in out or d.kind != m.kind:
                continue
            a, b = normalise_key(m.text), normalise_key(d.text)
            s = fuzz.ratio(a, b)
            same_item = (normalise_key(m.item_title) == normalise_key(d.item_title)
                         or (m.item_number and normalise_item_number(m.item_number)
                             == normalise_item_number(d.item_number)))
            if same_item:  # in the same item, words added or removed still say the same
                s = max(s, fuzz.token_set_ratio(a, b))
            if s >= rules.mark_text_min and (best is None or s > best[0]):
                best = (s, d)
        if best is not None:
            out[best[1].id] = m
    return out


def mark_dates(marks: Sequence[Mark], present: AbstractSet[str], forum_key: str,
               forum_of_name: dict[str, str]) -> set[str | None]:
    """The meeting dates of a forum's decisions whose texts attach_marks may compare a mark
    with: those of the marks whose decision is not among the forum's (``present``) and
    that were recorded under this forum or one no longer written."""
    return {m.meeting_date for m in marks if m.decision_id not in present
            and forum_of_name.get(normalise_key(m.forum), forum_key) == forum_key}


def apply_marks(states: dict[str, DecisionState], marks: dict[str, Mark]) -> None:
    """Overlay the people's marks on the automatic states (in place).

    A close always wins. A reopen keeps a decision open against the settlements the person
    saw (up to and including the one they overrode); a settlement at a later meeting than
    that closes it again. A note changes nothing but the note.
    """
    for did, m in marks.items():
        st = states.get(did)
        if st is None:
            continue
        st.mark_id, st.note = m.decision_id, m.note
        if m.state == "closed":
            st.open, st.closed_by = False, "manual"
        elif m.state == "open":
            seen = [i for i, (sid, _) in enumerate(st.settlements) if sid == m.overrides]
            later = st.settlements[seen[0] + 1:] if seen else st.settlements
            if m.overrides is not None and not seen:
                later = []  # the overridden settlement is gone: nothing newer to weigh
            if later:
                st.open, st.closed_by = False, "matter"
                st.settled_by, st.settled_on = later[0]
            else:
                st.open, st.closed_by, st.reopened = True, None, True


def with_rules(**changes: float) -> MatchRules:
    """RULES with some thresholds changed (for experiments and tests)."""
    return replace(RULES, **changes)
