"""The themes of a year of minutes: the words its agenda items are about, and how they moved.

A *term* is a content word of an item's title, text and decisions, grouped over its Danish
inflections ("rammeaftale", "rammeaftalen", "rammeaftaler" are one term, shown in the form
written most). Each agenda item counts a term once (a word in a title counts more, see
:data:`TITLE_WEIGHT`), so one long item cannot make a theme on its own.

The words that carry no theme are data: :data:`DANISH_STOPWORDS` (function words),
:data:`MINUTES_WORDS` (the vocabulary of minutes themselves: "punktet", "godkendt",
"orientering") and, given by the caller, the words of the forum's own names and of its
participants' names.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from referatkit.matters import FORUM_BODY_WORDS


def _wordlist(text: str) -> frozenset[str]:
    return frozenset(text.split())


DANISH_STOPWORDS = _wordlist("""
ad af aldrig alle alt anden andet andre at bag begge blandt blev blive bliver da de dem den
denne dens der deres det dette dig din dine disse dit dog du efter eller en end endnu ens er
et eller fem fik fire flere fleste for foran fordi forrige fra få får før god godt ham han
hans har havde have hel heller hen hende hendes her hos hun hvad hvem hver hvilken hvilke
hvis hvor hvordan hvorfor hvornår i ikke ind ingen intet ja jeg jer jeres jo kan kom komme
kommer kun kunne lad langs lav lidt lige lille man mand mange med meget men mens mere mest
mig min mine mit mod må måske ned nej nemlig ni nogen nogle nok nu ny nye nyt når og også om
omkring op os over på samme se seks selv ser ses sig sin sine sit skal skulle som stor store
syv så sådan tag tage thi ti til to tre ud uden udover under var ved vi via vil ville vor
vore vores være været samt mv mm jf bl ca dvs evt fx pga vedr iht inkl osv the of and to in
for on with is are be this that at as by from or an it was
""")

# The vocabulary of minutes: true of every item, so it says nothing about what the year was
# about. Forms are grouped by the same inflection rule as the terms (see _key), so the base
# form is enough.
MINUTES_WORDS = _wordlist("""
punkt punktet punkter beslutning beslutte besluttede besluttet godkende godkendt godkendte
godkendes godkendelse tiltrådt vedtaget vedtog orientering orienterede orienteres
efterretning efterretningen taget tog tager udsat udsættes udsætte genoptages oversendes
oversendt videresendes sendes sendt indstilling indstilles indstiller anbefales foreslås
drøftelse drøftede drøfter drøftes drøftet baggrund sagsfremstilling referat referatet
dagsorden dagsordenen bilag møde mødet møder mødes mødet næste sidste kommende sagen sag
sager sagsnr status sekretariatet sekretariat formand formanden næstformand deltagere afbud
eventuelt intet ingen bemærkninger bemærkning følger følge op vender tilbage tilbagemelding
udarbejder udarbejde undersøger undersøge ansvarlig opfølgning medlemmer medlem
kommune kommunen kommunerne region regionen januar februar marts april maj juni juli august
september oktober november december mandag tirsdag onsdag torsdag fredag lørdag søndag kl
""")

# A word in an item's title counts this many times a word in its text.
TITLE_WEIGHT = 2
# Endings stripped to group inflections (longest first); the stem left must keep this many
# letters.
INFLECTIONS = ("erne", "ernes", "ene", "enes", "ens", "ets", "en", "et", "er", "es", "e", "s")
MIN_STEM = 4
# Words shorter than this are not terms, unless written as an acronym ("KKR", "K17").
MIN_WORD = 4
# How many themes, risers and fallers a year reports.
TOP_THEMES = 10
TOP_MOVES = 6
# A term rises or falls only if it was in at least this many items of the two years.
MIN_MOVE_ITEMS = 2

_WORD = re.compile(r"[^\W\d_](?:[\w-]*[^\W_])?")
# Roman numerals of continued items ("Rammeaftale II") are no acronyms.
_ROMAN = re.compile(r"^[IVXLC]+$")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _key(word: str) -> str:
    w = word.casefold()
    if "-" in w:  # "recovery-college": group by the last part's inflection only
        head, _, tail = w.rpartition("-")
        return f"{head}-{_key(tail)}" if tail else w
    for end in INFLECTIONS:
        if w.endswith(end) and len(w) - len(end) >= MIN_STEM:
            return w[: -len(end)]
    return w


_IGNORED_KEYS = frozenset(_key(w) for w in DANISH_STOPWORDS | MINUTES_WORDS)


def words(text: str, ignore: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(group key, word as written) of the content words of ``text``."""
    ignored = _IGNORED_KEYS | {_key(w) for w in ignore}
    out = []
    for w in _WORD.findall(_nfc(text or "")):
        if _ROMAN.match(w):
            continue
        acronym = w.isupper() or any(c.isdigit() for c in w)
        if len(w) < MIN_WORD and not (acronym and len(w) >= 2):
            continue
        k = _key(w)
        if w.casefold() in DANISH_STOPWORDS or k in ignored:
            continue
        out.append((k, w if acronym else w.casefold()))
    return out


def name_words(names: Iterable[str | None]) -> set[str]:
    """The words of names (participants') as words to ignore."""
    return {w.casefold() for n in names if n for w in _WORD.findall(_nfc(n))}


def body_words(names: Iterable[str | None]) -> set[str]:
    """The words of forum names that name the body ("Styregruppen", "Netværksgruppen",
    "Socialudvalget"): every item of the forum says them. The rest of a forum's name may be a
    theme ("Styregruppen for Rammeaftale Sjælland": "rammeaftale" is one)."""
    return {w for w in name_words(names) if any(b in w for b in FORUM_BODY_WORDS)}


@dataclass(slots=True)
class Unit:
    """One agenda item as the terms see it."""

    title: str
    text: str


@dataclass(slots=True)
class TermCount:
    term: str  # as written most
    items: int  # agenda items it is in
    share: float  # of the year's items
    weight: int  # items, a title counting TITLE_WEIGHT
    titles: int  # items with it in the title

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class TermMove:
    term: str
    items: int  # this year
    before: int  # the year before
    share: float
    share_before: float
    change: float  # share - share_before, in percentage points

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class YearTerms:
    units: int
    counts: dict[str, TermCount]  # by group key


def count_terms(units: Sequence[Unit], ignore: Iterable[str] = ()) -> YearTerms:
    ignore = set(ignore)
    items: Counter[str] = Counter()
    weight: Counter[str] = Counter()
    titles: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for u in units:
        in_title = words(u.title, ignore)
        in_text = words(u.text, ignore)
        for k, w in (*in_title, *in_text):
            forms[k][w] += 1
        keys_title = {k for k, _ in in_title}
        titles.update(keys_title)
        for k in keys_title | {k for k, _ in in_text}:
            items[k] += 1
            weight[k] += TITLE_WEIGHT if k in keys_title else 1
    n = len(units)
    counts = {k: TermCount(term=_shown(forms[k]), items=c, share=round(c / n, 4) if n else 0.0,
                           weight=weight[k], titles=titles[k]) for k, c in items.items()}
    return YearTerms(units=n, counts=counts)


def _shown(forms: Counter[str]) -> str:
    # The form written most; between equals the shortest (the base form), then alphabetical.
    return min(forms, key=lambda w: (-forms[w], len(w), w))


def themes(year: YearTerms, others: Sequence[YearTerms] = (), top: int = TOP_THEMES
           ) -> list[TermCount]:
    """The year's main themes: terms of item titles (an item's text supports its title's
    words, and alone holds too many words that are no theme), in the most items (a title
    counting more); those seldom found in the other years first among equals (a term of
    every year is a theme, but not a distinctive one)."""
    def rarity(k: str) -> float:
        present = sum(1 for o in others if k in o.counts)
        return math.log((len(others) + 1) / (present + 1))

    ranked = sorted((k for k in year.counts if year.counts[k].titles), key=lambda k: (-year.counts[k].weight, -rarity(k),
                                                year.counts[k].term))
    return [year.counts[k] for k in ranked[:top]]


def moves(year: YearTerms, before: YearTerms | None, top: int = TOP_MOVES
          ) -> tuple[list[TermMove], list[TermMove]]:
    """Terms that rose and fell against the year before (by their share of the items)."""
    if before is None or not before.units or not year.units:
        return [], []
    out = []
    for k in set(year.counts) | set(before.counts):
        now, then = year.counts.get(k), before.counts.get(k)
        n, b = (now.items if now else 0), (then.items if then else 0)
        if n + b < MIN_MOVE_ITEMS or not ((now and now.titles) or (then and then.titles)):
            continue
        s, sb = n / year.units, b / before.units
        term = now.term if now else then.term  # type: ignore[union-attr]
        out.append(TermMove(term=term, items=n, before=b, share=round(s, 4),
                            share_before=round(sb, 4), change=round(100 * (s - sb), 1)))
    rising = sorted((m for m in out if m.change > 0), key=lambda m: (-m.change, -m.items, m.term))
    falling = sorted((m for m in out if m.change < 0), key=lambda m: (m.change, -m.before, m.term))
    return rising[:top], falling[:top]
