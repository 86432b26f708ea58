"""Dates and times as Danish (and Nordic, and English) minutes write them.

"Onsdag d. 9. december 2020", "FREDAG DEN 26. marts 2021 KL. 9.00 – 10.00", "den 15. maj 2020",
"15/5" (year from the document), "15.05.2020", "2020-05-15", "04-12-2012", "4.december2017",
"29 Sep 2014", "March 13, 2023".
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from referatkit.vocab import MONTHS, WEEKDAYS

# Years a meeting date may plausibly have; outside this a number is not a year.
MIN_YEAR = 1950
MAX_YEAR = 2100

_MONTH_NAMES = sorted(MONTHS, key=len, reverse=True)
_MONTH = r"(?P<mon>" + "|".join(_MONTH_NAMES) + r")\.?"
_WEEKDAY = r"(?<![\wæøåÆØÅ])(?P<wd>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"  # not "stati·ons"
_YEAR4 = r"(?P<year>(?:19|20)\d\d)"

# Ordered: the first pattern that matches at a position wins (longest forms first).
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # 2020-05-15
    ("iso", re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")),
    # (Onsdag) (d./den) 9. december (2020) — spaces optional ("4.december2017")
    (
        "text",
        re.compile(
            r"(?:" + _WEEKDAY + r"\s*(?:,\s*)?(?:(?:d\.|den|d)\s*)?)?"
            r"(?:(?<![\wæøåÆØÅ])(?:d\.|den)\s*)?"  # "den 1. april", not the end of "Inden"
            r"(?<!\d)(?P<d>\d{1,2})\.?\s*(?:(?:de|of)\s+)?" + _MONTH +
            r"(?:\s*,?\s*" + _YEAR4 + r")?(?!\w)",
            re.IGNORECASE,
        ),
    ),
    # March 13, 2023 / Sep 29 2014
    (
        "text_us",
        re.compile(
            r"(?:" + _WEEKDAY + r",?\s*)?" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s*"
            + _YEAR4 + r"(?!\d)",
            re.IGNORECASE,
        ),
    ),
    # 15.05.2020 / 15-05-2020 / 15/5/2020 / 15.05.20 / 16/02-08
    (
        "numeric",
        re.compile(
            r"(?:" + _WEEKDAY + r"\s*(?:(?:d\.|den)\s*)?)?"
            r"(?<![\d.,/-])(?P<d>\d{1,2})[./-](?P<m>\d{1,2})[./-](?P<year>(?:19|20)?\d\d)(?![\d/]|[.,]\d)",
            re.IGNORECASE,
        ),
    ),
    # d. 17-11 (no year) — a dash only after "d."/"den", where it cannot be a range
    (
        "short_dash",
        re.compile(r"(?:(?<![\w.])d\.|\bden)\s*(?P<d>\d{1,2})-(?P<m>\d{1,2})(?![\d/.,-])", re.IGNORECASE),
    ),
    # 15/5 (no year) — only slash, so "4.1" section numbers are never dates
    (
        "short",
        re.compile(
            r"(?:" + _WEEKDAY + r"\s*(?:(?:d\.|den)\s*)?)?"
            r"(?<![\d./,-])(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![\d/.,-]|-\d)",
            re.IGNORECASE,
        ),
    ),
]


@dataclass(frozen=True, slots=True)
class DateMatch:
    date: dt.date
    start: int
    end: int
    text: str
    has_year: bool
    has_weekday: bool
    form: str


def _year(raw: str | None, default: int | None) -> int | None:
    if raw is None:
        return default
    y = int(raw)
    if y < 100:
        y += 2000 if y < 70 else 1900
    return y


def _make(y: int | None, m: int, d: int) -> dt.date | None:
    if y is None or not (MIN_YEAR <= y <= MAX_YEAR):
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str, default_year: int | None = None) -> list[DateMatch]:
    """Every date in ``text`` in order. A date without a year takes ``default_year`` and is
    skipped when there is none."""
    if not _DIGIT.search(text):
        return []  # every form has a day
    return list(_dates(text, default_year))


# The segmenter and the classifier look for dates in the same lines and sentences.
DATES_CACHE = 4096
_DIGIT = re.compile(r"\d")


@functools.lru_cache(maxsize=DATES_CACHE)
def _dates(text: str, default_year: int | None) -> tuple[DateMatch, ...]:
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for form, pat in _PATTERNS:
        for m in pat.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            g = m.groupdict()
            month = MONTHS.get(g["mon"].lower().rstrip(".")) if g.get("mon") else int(g["m"])
            if month is None or not 1 <= month <= 12:
                continue
            if form == "text" and g.get("year") is None and g["mon"].lower() in _AMBIGUOUS_SHORT \
                    and not re.match(r"\d{1,2}\.\s*\w", m.group(0)[m.start("d") - s:]):
                continue  # "2 man", "Per 5 Maj": but "1. maj" with its day's dot is a date
            year = _year(g.get("year"), default_year)
            date = _make(year, month, int(g["d"]))
            if date is None:
                continue
            found.append(
                DateMatch(date, s, e, m.group(0), g.get("year") is not None,
                          bool(g.get("wd")), form)
            )
            taken.append((s, e))
    found.sort(key=lambda d: d.start)
    return tuple(found)


# Month-like words that are also ordinary words; without a year they are not dates
# ("5. mar" fine, "2 man" is not a month at all, but "maj" is a name as well as a month).
_AMBIGUOUS_SHORT = {"mar", "jan", "jun", "jul", "des", "sep", "may", "mai", "maj"}


def parse_date(text: str, default_year: int | None = None) -> dt.date | None:
    ds = find_dates(text, default_year)
    return ds[0].date if ds else None


_TIME = r"(?P<h{n}>[01]?\d|2[0-3])(?:[.:](?P<m{n}>[0-5]\d))?"
_TIME_RE = re.compile(
    r"\b(?:kl\.?|klokken|klokka|kl)\s*" + _TIME.format(n=1)
    + r"(?:\s*(?:[-–—]|til|to)\s*(?:kl\.?\s*)?" + _TIME.format(n=2) + r")?",
    re.IGNORECASE,
)
_BARE_TIME_RE = re.compile(
    r"(?<![\d.:])(?P<h1>[01]?\d|2[0-3])[:.](?P<m1>[0-5]\d)(?:\s*[-–—]\s*(?P<h2>[01]?\d|2[0-3])[:.](?P<m2>[0-5]\d))?(?![\d.:])"
)


def find_time(text: str, *, bare: bool = False) -> str | None:
    """'kl. 8.30 – 11.30' → '08:30–11:30'; 'Kl. 10:30' → '10:30'. ``bare`` also accepts
    '13:00' without 'kl.' (for labelled time fields)."""
    m = _TIME_RE.search(text) or (_BARE_TIME_RE.search(text) if bare else None)
    if not m:
        return None

    def hm(h: str | None, mm: str | None) -> str | None:
        return None if h is None else f"{int(h):02d}:{mm or '00'}"

    start = hm(m.group("h1"), m.group("m1"))
    end = hm(m.group("h2"), m.group("m2"))
    return f"{start}–{end}" if end else start


# Weekday names → 0 (Monday) … 6; abbreviations and Nordic/English forms included.
_WEEKDAY_INDEX: dict[str, int] = {}
for _names, _i in (
    (("mandag", "måndag", "monday", "man"), 0), (("tirsdag", "tisdag", "tuesday", "tirs"), 1),
    (("onsdag", "wednesday", "ons"), 2), (("torsdag", "thursday", "tors"), 3),
    (("fredag", "friday", "fre"), 4), (("lørdag", "lördag", "saturday", "lør"), 5),
    (("søndag", "söndag", "sunday", "søn"), 6),
):
    for _n in _names:
        _WEEKDAY_INDEX[_n] = _i
_DAY_MONTH = re.compile(
    r"\b(?P<wd>" + "|".join(sorted(_WEEKDAY_INDEX, key=len, reverse=True)) + r")\.?\s*,?\s*(?:(?:d\.|den)\s*)?"
    r"(?P<d>\d{1,2})(?:\.\s*(?P<mon>" + "|".join(_MONTH_NAMES) + r")\.?|\s*[/.]\s*(?P<m>\d{1,2})(?![\d/.]))",
    re.IGNORECASE,
)
def weekday_index(name: str) -> int:
    """"fredag" → 4 (Monday is 0); Nordic and English names and their abbreviations."""
    return _WEEKDAY_INDEX[name.lower().rstrip(".")]


# Years tried when a document gives weekdays but no year.
WEEKDAY_YEARS = range(1970, 2100)
# The best year must explain this share of the weekday dates, and at least this many.
WEEKDAY_YEAR_SHARE = 0.8
WEEKDAY_YEAR_MIN_DATES = 2


def year_from_weekdays(text: str) -> int | None:
    """The one year in which the dates written with a weekday fall on that weekday
    ("Tirsdag d. 11/02", "Søndag d. 15/03" → 2020), for documents that never write the year;
    None when the dates are too few or two years fit equally well."""
    seen: set[tuple[int, int, int]] = set()
    for m in _DAY_MONTH.finditer(text):
        month = MONTHS.get(m.group("mon").lower().rstrip(".")) if m.group("mon") else int(m.group("m"))
        if month and 1 <= month <= 12:
            seen.add((_WEEKDAY_INDEX[m.group("wd").lower()], int(m.group("d")), month))
    if len(seen) < WEEKDAY_YEAR_MIN_DATES:
        return None
    scores: list[tuple[int, int]] = []
    for y in WEEKDAY_YEARS:
        hits = 0
        for wd, d, mo in seen:
            day = _make(y, mo, d)
            hits += day is not None and day.weekday() == wd
        scores.append((hits, y))
    best = max(h for h, _ in scores)
    # the calendar repeats every 28 years: of the years that fit, the latest that is not in
    # the future (an archive holds past meetings)
    fitting = [y for h, y in scores if h == best and y <= dt.date.today().year + 1]
    if best < WEEKDAY_YEAR_SHARE * len(seen) or not fitting:
        return None
    recent = max(fitting)
    if any(h == best and recent - 28 < y < recent for h, y in scores):
        return None  # two years within one calendar cycle fit equally well
    return recent


_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def years_in(text: str) -> list[int]:
    return [int(y) for y in _YEAR_RE.findall(text) if MIN_YEAR <= int(y) <= MAX_YEAR]


_FILENAME_DATE = [
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-_.]?(?P<m>[01]\d)[-_.]?(?P<d>[0-3]\d)(?!\d)"),
    re.compile(r"(?<!\d)(?P<d>[0-3]\d)[-_.](?P<m>[01]\d)[-_.](?P<y>(?:19|20)\d\d)(?!\d)"),
]


def date_from_filename(name: str) -> dt.date | None:
    for pat in _FILENAME_DATE:
        for m in pat.finditer(name):
            d = _make(int(m["y"]), int(m["m"]), int(m["d"]))
            if d:
                return d
    return None
