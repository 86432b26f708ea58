"""The search benchmark: a generated archive of 200,000 agenda items, and search latency on it.

``build_archive`` writes invented meetings straight through the store's write path (the same
``Store.store_file`` an ingest uses: rows, triggers, full-text index, vocabulary), skipping
readers and the grammar, so 200,000 items take a couple of minutes, not hours. The text is
Danish-shaped: function words, inflected nouns, compounds, names, numbers and a long tail of
rare words, drawn from a fixed seed with Zipf-like weights, so the archive is the same on
every machine and its index has the shape of a real one (a few very common words, many rare).

``run`` measures, for each kind of query (one word, a phrase, a prefix, three words with
filters), the latency of ``search.search`` warm (the same connection, after one warm-up) and
as the first query after opening the archive (a new connection each time; the operating
system's file cache is warm, as it is for someone who searches twice in a minute).

``main`` is the command-line entry (``make bench-search``; ``make bench`` calls it too).
Timings are reported, never asserted: tests never fail on timings.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from referatkit import queries, search, words
from referatkit.model import Decision, Document, Item, Section
from referatkit.store import FileRecord, RunCounts, open_store

DEFAULT_ITEMS = 200_000
DEFAULT_SEED = 5
ITEMS_PER_MEETING = 12
# Where ``main`` keeps the generated archive between runs (bench-out/ is ignored by git).
DEFAULT_DB = Path("bench-out") / "search-{items}.db"
# Bump when the generated text changes: an archive built by another version is rebuilt.
GENERATOR_VERSION = "2"
TARGET_WARM_P95_MS = 30.0
TARGET_FIRST_MS = 300.0
WARM_REPEATS = 10  # timed runs of each query, warm
FIRST_REPEATS = 2  # opens of the archive for each query
DOCS_PER_TRANSACTION = 1000

# --- the invented language --------------------------------------------------------------------
# One Zipf distribution (the k-th most common word drawn with weight 1/k) over a vocabulary
# ordered as a language's is: function words, then the common content words (inflected
# nouns, verbs, adjectives), then compounds (each modifier with a handful of heads, so that
# a family of compounds is large but each member rare), then a long tail of rare words.

def _split(text: str) -> list[str]:
    return text.split()


FUNCTION_WORDS = _split(
    "og i at det er en til på med for som af den de ikke har vi skal der om kan være blev "
    "fra var et men også efter ved så sig eller hvor meget kommer under næste nu alle får "
    "mellem mod bliver dette disse enkelte samt herunder bl.a. fx jf. inden mere flere "
    "både hvis når hvordan hvilke"
)

# Nouns in the singular indefinite; forms are made by _inflect.
NOUNS = _split(
    "aftale beslutning møde sag plan budget område gruppe indsats tilbud borger kommune "
    "region opgave model strategi politik handleplan udvikling økonomi ressource medarbejder "
    "leder projekt evaluering rapport status tidsplan proces høring orientering analyse "
    "kvalitet kapacitet takst pris ydelse kontrakt leverandør netværk forum styregruppe "
    "arbejdsgruppe sekretariat formand direktør chef konsulent psykiatri misbrug handicap "
    "botilbud bosted rehabilitering forebyggelse beskæftigelse uddannelse skole "
    "daginstitution ældrepleje hjemmepleje sundhed sygehus hospital praksis samarbejde "
    "koordinering opfølgning tilsyn målgruppe plads venteliste visitation kompetence "
    "rekruttering fastholdelse bevilling regnskab underskud overskud investering anlæg drift "
    "lov bekendtgørelse vejledning retningslinje procedure skabelon dagsorden referat bilag "
    "notat årsrapport temadag konference workshop kursus oplæg drøftelse anbefaling "
    "indstilling borgerinddragelse pårørende bruger frivillig forening"
)

VERBS = _split(
    "godkendt godkender drøftede drøfter besluttede udsat vedtaget orienterede undersøger "
    "følger tilbagemelder udarbejder indkalder sender fremlagde præsenterede bemærkede "
    "tiltrådte anbefaler ønsker vurderer forventer fastholder prioriterer gennemgik"
)

ADJECTIVES = _split(
    "ny nye samlet samlede fælles regional kommunal specialiseret særlig vigtig mulig "
    "økonomisk faglig tværgående lokal national kommende nuværende tidligere endelig"
)

MODIFIERS = _split(
    "ramme samarbejds budget social psykiatri handicap sundheds børne ældre "
    "rehabiliterings bolig beskæftigelses uddannelses kvalitets udviklings drifts "
    "forsknings kompetence rekrutterings styrings data it kommunikations hoved del "
    "over under fælles region kommune takst leverandør borger misbrugs forebyggelses "
    "visitations tilsyns projekt netværks pårørende frivillig"
)

HEADS = _split(
    "aftale plan område gruppe møde indsats tilbud politik model strategi opgave "
    "rapport analyse netværk forum udvalg råd pulje projekt ramme konsulent leder "
    "medarbejder dag kursus dialog"
)
HEADS_PER_MODIFIER = 8

FIRST_NAMES = _split(
    "Anne Jette Mette Lars Søren Henrik Hanne Birgitte Ole Peter Susanne Kirsten Niels "
    "Jens Karen Lone Morten Rasmus Louise Camilla Mads Trine Bo Ida Asger Øjvind Åse"
)
LAST_NAMES = _split(
    "Hansen Jensen Nielsen Pedersen Andersen Christensen Larsen Sørensen Rasmussen "
    "Jørgensen Petersen Madsen Kristensen Olsen Thomsen Poulsen Østergaard Ågaard"
)

FORUMS = tuple(
    f"{a} {b}" for a in ("Styregruppen for", "Netværket for", "Driftsforum for",
                         "Arbejdsgruppen for", "Koordinationsudvalget for")
    for b in ("Rammeaftale Sjælland", "Voksne Sindslidende", "Socialpsykiatri",
              "Handicapområdet", "Børn og Unge", "Ældreområdet", "Rehabilitering",
              "Misbrugsbehandling")
)  # 40 forums

DECISION_PHRASES = (
    ("approved", "{Forum} godkendte {noun}."),
    ("approved", "Indstillingen blev godkendt."),
    ("noted", "{Forum} tog orienteringen til efterretning."),
    ("postponed", "Punktet blev udsat til næste møde."),
    ("referred", "Sagen oversendes til KKR."),
    ("action", "{name} undersøger {noun} og tilbagemelder på næste møde."),
    ("rejected", "Forslaget blev ikke godkendt."),
    ("none", "Intet."),
)
# Standing items most agendas have, so that common titles are common here too.
STANDING_TITLES = ("Godkendelse af dagsorden", "Godkendelse af referat", "Meddelelser",
                   "Næste møde", "Eventuelt")

FIRST_YEAR, LAST_YEAR = 2008, 2024
RARE_WORDS = 60_000  # invented words of the long tail (names of places, products, typos)
_SYLLABLES = _split("ka ri mo le sa to vi ne bø hå næ gu pe ly fa di ro ste bor lund hus vej "
                    "gård holm by rup sted bjerg dal strup køb ing")
# Of every 100 words drawn, this many are a number (amounts, case numbers, years).
NUMBERS_PER_100 = 2


def _inflect(noun: str) -> list[str]:
    """Danish-looking forms of a noun: singular, definite, plural, plural definite."""
    if noun.endswith("e"):
        return [noun, noun + "n", noun + "r", noun + "rne"]
    return [noun, noun + "en", noun + "er", noun + "erne"]


@dataclass(slots=True)
class _Language:
    """The vocabulary in frequency order and the cumulative Zipf weights to draw from."""

    vocabulary: list[str]
    cum_weights: list[float]
    content_from: int  # index of the first content word (titles draw from here on)
    names: list[str]


def _language(rng: random.Random) -> _Language:
    content = [f for n in NOUNS for f in _inflect(n)] + VERBS + ADJECTIVES
    rng.shuffle(content)
    compounds = [f for m in MODIFIERS for h in rng.sample(HEADS, HEADS_PER_MODIFIER)
                 for f in _inflect(m + h)]
    rng.shuffle(compounds)
    rare = sorted({"".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
                   for _ in range(RARE_WORDS)})
    rng.shuffle(rare)
    vocabulary = FUNCTION_WORDS + content + compounds + rare
    cum, total = [], 0.0
    for k in range(len(vocabulary)):
        total += 1.0 / (k + 1)
        cum.append(total)
    names = [f"{f} {last}" for f in FIRST_NAMES for last in LAST_NAMES]
    return _Language(vocabulary, cum, len(FUNCTION_WORDS), names)


class _Writer:
    """Draws text from the language: fast (random.choices in bulk) and deterministic."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.lang = _language(self.rng)
        self._pool: list[str] = []
        self._at = 0
        lang = self.lang
        base = lang.cum_weights[lang.content_from - 1]
        self._title_words = lang.vocabulary[lang.content_from:]
        self._title_cum = [c - base for c in lang.cum_weights[lang.content_from:]]

    def _refill(self) -> None:
        rng, lang = self.rng, self.lang
        n = 400_000
        pool = rng.choices(lang.vocabulary, cum_weights=lang.cum_weights, k=n)
        for i in range(0, n, 100 // NUMBERS_PER_100):
            pool[i] = str(rng.randint(1, 250_000))
        self._pool = pool
        self._at = 0

    def words(self, n: int) -> list[str]:
        if self._at + n > len(self._pool):
            self._refill()
        self._at += n
        return self._pool[self._at - n:self._at]

    def text(self, n_words: int) -> str:
        out, left = [], n_words
        while left > 0:
            k = min(left, self.rng.randint(8, 18))
            out.append(" ".join(self.words(k)).capitalize() + ".")
            left -= k
        return " ".join(out)

    def title(self) -> str:
        rng = self.rng
        w = rng.choices(self._title_words, cum_weights=self._title_cum, k=rng.randint(2, 5))
        if rng.random() < 0.3:
            w.append(str(rng.randint(FIRST_YEAR, LAST_YEAR)))
        return " ".join(w).capitalize()


def _meeting(w: _Writer, n: int, meetings: int, items: int) -> Document:
    """Meeting ``n`` of ``meetings``: forums take turns, years run from first to last."""
    rng, lang = w.rng, w.lang
    forum = FORUMS[n % len(FORUMS)]
    year = FIRST_YEAR + n * (LAST_YEAR - FIRST_YEAR + 1) // meetings
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    doc_type = "dagsorden" if rng.random() < 0.15 else "referat"
    its = []
    for i in range(items):
        sections = [Section("Baggrund", "background", w.text(rng.randint(25, 70)))]
        if doc_type == "referat":
            sections.append(Section("Referat", "minutes", w.text(rng.randint(10, 40))))
        decisions = []
        if doc_type == "referat":
            status, phrase = rng.choice(DECISION_PHRASES)
            text = phrase.format(Forum=forum.split()[0], noun=w.title().lower(),
                                 name=rng.choice(lang.names))
            decisions.append(Decision(text, status))
        standing = i < 2 or i == items - 1 or (i == items - 2 and rng.random() < 0.5)
        title = (STANDING_TITLES[0 if i == 0 else 1 if i == 1 else 4 if i == items - 1 else 3]
                 if standing else w.title())
        its.append(Item(str(i + 1), title, closed=rng.random() < 0.01, sections=sections,
                        decisions=decisions))
    sha = hashlib.sha256(f"bench {n}".encode()).hexdigest()
    return Document(path=f"/bench/{forum}/{date}-{n}.txt", format="txt", sha256=sha,
                    doc_type=doc_type, title=f"{doc_type.capitalize()} {forum} {date}",
                    forum=forum, meeting_date=date, items=its)


@dataclass(slots=True)
class BuildInfo:
    path: str
    items: int
    documents: int
    seconds: float
    size_mb: float
    terms: int


def build_archive(path: str | Path, items: int = DEFAULT_ITEMS, seed: int = DEFAULT_SEED,
                  *, on_progress: Callable[[int, int], None] | None = None) -> BuildInfo:
    """Write a generated archive of ``items`` agenda items to ``path`` (replacing it), through
    the store's write path (``Store.store_file``, as ingest does)."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(str(p) + suffix).unlink(missing_ok=True)
    t0 = time.perf_counter()
    w = _Writer(seed)
    meetings = -(-items // ITEMS_PER_MEETING)
    with open_store(p) as st, st.bulk_load():
        run = st.start_run([_marker(items, seed)])
        done = 0
        for start in range(0, meetings, DOCS_PER_TRANSACTION):
            with st.transaction():
                for n in range(start, min(meetings, start + DOCS_PER_TRANSACTION)):
                    k = min(ITEMS_PER_MEETING, items - n * ITEMS_PER_MEETING)
                    doc = _meeting(w, n, meetings, k)
                    st.store_file(FileRecord(doc.path, 1, 1, doc.sha256), [doc], run)
                    done += k
            if on_progress:
                on_progress(done, items)
        st.tidy_search_index()  # as an ingest leaves it
        st.finish_run(run, "ok", RunCounts(new=meetings))
        terms = int(st.scalar("SELECT count(*) FROM search_terms"))
    return BuildInfo(str(p), items, meetings, round(time.perf_counter() - t0, 1),
                     round(p.stat().st_size / 1e6, 1), terms)


def _marker(items: int, seed: int) -> str:
    # The run's root names the generator, so main() can tell a stale archive from a good one.
    return f"bench-search:{GENERATOR_VERSION}:{items}:{seed}"


def _is_built(path: Path, items: int, seed: int) -> bool:
    if not path.exists():
        return False
    try:
        with queries.open_archive(path) as st:
            return bool(st.scalar("SELECT 1 FROM runs WHERE roots = ? AND status = 'ok'",
                                  [json.dumps([_marker(items, seed)])]))
    except Exception:  # noqa: BLE001 - an unreadable leftover is simply rebuilt
        return False


# --- the measurements -------------------------------------------------------------------------


@dataclass(slots=True)
class Case:
    name: str
    queries: list[str]
    options: dict[str, Any] = field(default_factory=dict)


# Words people search for in minutes, from common to rare in the generated archive; each
# word finds its other forms and compounds as in real use.
CASES: tuple[Case, ...] = (
    Case("one word", ["psykiatri", "rammeaftale", "budget", "botilbud", "rekruttering",
                      "handleplan", "leverandør", "evaluering", "møde", "aftale"]),
    Case("phrase", ['"næste møde"', '"orienteringen til efterretning"', '"ny handleplan"',
                    '"samlet budget"', '"godkendelse af referat"']),
    Case("prefix", ["rammeaft*", "psyk*", "rekrut*", "budg*", "evalu*"]),
    Case("three words, filters", ["budget psykiatri handleplan", "aftale tilbud kommune",
                                  "møde evaluering status", "leverandør kontrakt pris"],
         {"forum": "socialpsykiatri", "date_from": "2012", "date_to": "2020",
          "scope": "items"}),
)


@dataclass(slots=True)
class CaseResult:
    name: str
    warm_p50_ms: float
    warm_p95_ms: float
    first_p50_ms: float
    first_p95_ms: float
    matches: int  # rows the case's queries match (all groups, before filters), on average
    # CPU time of the warm queries: what they cost on an idle machine, when others' work on
    # a busy one stretches the wall-clock figures.
    cpu_p50_ms: float = 0.0
    cpu_p95_ms: float = 0.0


@dataclass(slots=True)
class BenchReport:
    database: str
    items: int
    size_mb: float
    cases: list[CaseResult]
    load: float  # the machine's 1-minute load average when the run ended
    cpus: int
    command_ms: float | None = None  # 'referatkit search' as a new process, p50
    build: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def meets_targets(self) -> bool:
        return all(c.warm_p95_ms < TARGET_WARM_P95_MS and c.first_p95_ms < TARGET_FIRST_MS
                   for c in self.cases)


def _pct(values: Sequence[float], q: int) -> float:
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    return statistics.quantiles(ordered, n=100, method="inclusive")[q - 1]


def _ms(since: float) -> float:
    return (time.perf_counter() - since) * 1000


def run(path: str | Path, *, warm_repeats: int = WARM_REPEATS,
        first_repeats: int = FIRST_REPEATS, cases: Sequence[Case] = CASES,
        command: bool = False) -> BenchReport:
    """Search latency on the archive at ``path`` (see the module docstring)."""
    p = Path(path)
    results = []
    with queries.open_archive(p) as st:
        items = int(st.scalar("SELECT count(*) FROM items"))
        for case in cases:
            matches = [search.count_matches(st, q) for q in case.queries]
            for q in case.queries:  # warm-up
                search.search(st, q, **case.options)
            warm, cpu = [], []
            for i in range(warm_repeats * len(case.queries)):
                t, c = time.perf_counter(), time.thread_time()
                search.search(st, case.queries[i % len(case.queries)], **case.options)
                warm.append(_ms(t))
                cpu.append((time.thread_time() - c) * 1000)
            first = []
            for i in range(first_repeats * len(case.queries)):
                words.stem.cache_clear()
                t = time.perf_counter()
                with queries.open_archive(p) as fresh:
                    search.search(fresh, case.queries[i % len(case.queries)], **case.options)
                first.append(_ms(t))
            results.append(CaseResult(case.name, round(_pct(warm, 50), 1),
                                      round(_pct(warm, 95), 1), round(_pct(first, 50), 1),
                                      round(_pct(first, 95), 1),
                                      round(statistics.mean(matches)),
                                      round(_pct(cpu, 50), 1), round(_pct(cpu, 95), 1)))
    report = BenchReport(str(p), items, round(p.stat().st_size / 1e6, 1), results,
                         round(os.getloadavg()[0], 2), os.cpu_count() or 1)
    if command:
        report.command_ms = _command_ms(p, cases[0].queries[0])
    return report


def _command_ms(path: Path, query: str, repeats: int = 5) -> float:
    """``referatkit search`` as a person runs it: a new Python process each time."""
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "referatkit", "--db", str(path), "search", query,
                        "--format", "json"], check=True, capture_output=True)
        times.append(_ms(t))
    return round(_pct(times, 50), 1)


def format_report(report: BenchReport) -> str:
    lines = [f"search benchmark: {report.items:,} agenda items, {report.size_mb} MB "
             f"({report.database})"]
    if report.build:
        lines.append(f"  built in {report.build['seconds']} s, {report.build['terms']:,} words "
                     "in the vocabulary")
    lines.append(f"  {'query':<24}{'warm p50':>10}{'warm p95':>10}{'first p50':>11}"
                 f"{'first p95':>11}{'cpu p50':>10}{'cpu p95':>10}{'matches':>9}")
    for c in report.cases:
        lines.append(f"  {c.name:<24}{c.warm_p50_ms:>8.1f}ms{c.warm_p95_ms:>8.1f}ms"
                     f"{c.first_p50_ms:>9.1f}ms{c.first_p95_ms:>9.1f}ms"
                     f"{c.cpu_p50_ms:>8.1f}ms{c.cpu_p95_ms:>8.1f}ms{c.matches:>9,}")
    lines.append("  first = open the archive, then the query; cpu = CPU time of the warm queries "
                 "(what they cost on an idle machine); matches = rows a query finds (all groups, "
                 "before filters), on average")
    if report.command_ms is not None:
        lines.append(f"  'referatkit search' as a new process (Python start included): "
                     f"{report.command_ms:.0f} ms (p50)")
    lines.append(f"  load average {report.load} on {report.cpus} CPUs; targets: warm p95 < "
                 f"{TARGET_WARM_P95_MS:.0f} ms, first query < {TARGET_FIRST_MS:.0f} ms: "
                 f"{'met' if report.meets_targets else 'NOT met'}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """``make bench-search`` (and ``make bench``): build the archive once, then measure."""
    ap = argparse.ArgumentParser(prog="bench-search",
                                 description="Search latency on a generated archive.")
    ap.add_argument("--items", type=int, default=DEFAULT_ITEMS, help="agenda items to generate")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--db", type=Path, help="archive to build or reuse "
                    "(default bench-out/search-ITEMS.db)")
    ap.add_argument("--rebuild", action="store_true", help="build the archive even if it exists")
    ap.add_argument("--repeats", type=int, default=WARM_REPEATS,
                    help="timed runs of each query, warm")
    ap.add_argument("--no-command", action="store_true",
                    help="skip timing 'referatkit search' as a new process")
    ap.add_argument("--format", choices=("table", "json"), default="table")
    args = ap.parse_args(argv)
    path = args.db or Path(str(DEFAULT_DB).format(items=args.items))
    build = None
    if args.rebuild or not _is_built(path, args.items, args.seed):
        print(f"building {args.items:,} items into {path} …", file=sys.stderr)
        build = asdict(build_archive(path, args.items, args.seed, on_progress=_progress))
        print(file=sys.stderr)
    report = run(path, warm_repeats=args.repeats, command=not args.no_command)
    report.build = build
    if args.format == "json":
        json.dump(report.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(format_report(report))
    return 0


def _progress(done: int, total: int) -> None:
    print(f"\r  {done:,}/{total:,} items", end="", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
