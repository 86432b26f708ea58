#!/usr/bin/env python3
"""Generate a benchmark archive: N invented Danish minutes as PDF, DOCX and TXT.

Each document is built from its own random generator, seeded by ``(seed, index)``, so a
document is the same whatever N is, documents can be rendered in parallel, and the same seed
gives the same bytes (the renderers of ``make_fixtures.py`` fix every date and ZIP stamp).
What a document looks like:

* one of three genres of DESIGN.md: a two-column referat table (Dagsordenspunkt | Referat
  (hovedpunkter)), a combined dagsorden + referat with labelled sections, or items followed
  by "Referat – punkt N:" blocks with numbered decisions and a participant list at the end;
* 4–12 pages, each filled to a budget and closed by a page break, so the PDF, the DOCX
  (Word page breaks) and the TXT (form feeds, as pdftotext writes) have the same pages;
* numbered items in the styles archives use (``1.``, ``2)``, ``Pkt. 3``, ``Punkt 3``),
  participants with organisations and "afbud", decisions in the statuses of the vocabulary
  (godkendt, taget til efterretning, udsat, oversendes til, actions with an owner), bilag,
  Danish letters everywhere, a letterhead and "Side n af N" on every page.

The archive is ``<out>/<forum>/<year>/<date>-<kind>-<index>.<ext>`` plus ``manifest.json``
(one entry per document: path, format, genre, pages, items, decisions). ``edit`` changes a
share of the files, as a nightly run meets them: rewritten whole (the same meeting and file,
other items, texts and decisions: ``--kind rewrite``) or corrected (one sentence added to one
item's text, all else as it was: ``--kind correct``); ``add`` writes that share of new
documents, of meetings after every other (a night's new minutes), into ``<out>/_added/`` —
outside the manifest, and removed by ``remove_added`` (and by ``cached``).

    python scripts/benchgen.py generate --n 120 --out bench-out/archive
    python scripts/benchgen.py edit bench-out/archive --share 0.01
    python scripts/benchgen.py edit bench-out/archive --share 0.01 --kind correct
    python scripts/benchgen.py add bench-out/archive --share 0.01
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_fixtures as MF  # noqa: E402 - the renderers and block model of the fixtures

# Bump when the output changes: a cached archive of another version is generated again.
GENERATOR_VERSION = 2
FORMATS = ("pdf", "docx", "txt")
GENRES = ("table", "combined", "punkt")
MIN_PAGES, MAX_PAGES = 4, 12
MANIFEST = "manifest.json"
MAX_SENTENCES = 10  # the most body sentences of one item (a table row fits on a page)
# New documents (``add``): their folder, and their meetings' first possible date (the
# archive's own run from 2016 to the end of 2024).
ADDED_DIR = "_added"
ADDED_FROM = dt.date(2025, 1, 6)
ADDED_DAYS = 120

# How much of a page the packer fills, in mm of the A4 page's ~240 mm of body height at the
# fixtures' 10 pt (5 mm lines): kept below the page so a page break never comes on its own.
PAGE_BUDGET_MM = 205.0
LINE_MM = 5.0
CHARS_PER_LINE = 80  # body text, 170 mm wide
TABLE_LINE_MM = 4.3  # 9.5 pt table text
TABLE_ROW_PAD_MM = 3.5
TABLE_COLS_MM = (62.0, 108.0)
TABLE_CHARS = (28, 50)  # characters per line in each column

# --- invented names (no real forum, person or place) ---------------------------------------

FORUMS = (
    ("Styregruppen for Rammeaftalen Sydvest", "Styregruppen"),
    ("Netværk for Socialpsykiatri Sydvest", "Netværket"),
    ("Driftsforum for Hjemmeplejen i Fjordby", "Driftsforum"),
    ("Udvalget for Børn, Unge og Læring", "Udvalget"),
    ("KKR-netværket for Beskæftigelse", "Netværket"),
    ("Koordinationsgruppen for Sundhedsaftalen – Klynge Øst", "Koordinationsgruppen"),
    ("Samarbejdsforum for Genoptræning – Område Nord", "Samarbejdsforum"),
    ("Styregruppen for Fælles Digitalisering", "Styregruppen"),
    ("Netværksgruppen for Ældre og Sundhed", "Netværksgruppen"),
    ("Følgegruppen for Socialtilsyn Øst", "Følgegruppen"),
)
# Forums: the named ones, and each again for a municipality ("… – Bakkedal"): 10 × 12, so a
# forum of a 10,000-document archive holds about 80 meetings over the nine years (some 9 a
# year, as real ones do) rather than a thousand.
FORUM_AREAS = 12
# What a correction adds to one paragraph of an item's text, and which paragraph (after the
# standing items' first ones, counted from 0; the nth correction the nth after it).
CORRECTION = "Tallene i punktet er rettet efter mødet på baggrund af sekretariatets opgørelse."
CORRECTED_PARAGRAPH = 3
# Which documents an edit of each kind changes: those at this share of every 1/share-th
# (a correction never meets a rewritten file).
EDIT_SLOTS = {"rewrite": 0.5, "correct": 0.25}


def _forum(k: int) -> tuple[str, str]:
    name, body = FORUMS[k % len(FORUMS)]
    area = k // len(FORUMS)
    return (name if area == 0 else f"{name} – {MUNICIPALITIES[area]}"), body


MUNICIPALITIES = ("Fjordby", "Bakkedal", "Lyngså", "Østervang", "Højmark", "Søby", "Ådalen",
                  "Nørreå", "Bøgelund", "Kærby", "Egeskov", "Sølvsted")
FIRST = ("Kirsten", "Ole", "Sanne", "Thomas", "Peter", "Mette", "Søren", "Bjørn", "Åse",
         "Jørgen", "Lærke", "Maja", "Anders", "Helle", "Rasmus", "Birgitte", "Jens", "Signe",
         "Henrik", "Dorthe", "Mikkel", "Tove", "Frederik", "Gitte")
LAST = ("Vang", "Brask", "Juul", "Rye", "Lund", "Østergaard", "Sørensen", "Bæk", "Møller",
        "Kjær", "Damgård", "Højer", "Nørgaard", "Friis", "Holt", "Bjerre", "Kvist", "Due",
        "Skov", "Krogh", "Thygesen", "Lønborg")
ROLES = ("formand", "næstformand", "referent", "sekretariatet")
MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
          "september", "oktober", "november", "december")
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag")
PLACES = ("Teams-møde", "mødelokale 2, Fjordby Rådhus", "Bakkedal Kulturhus, lokale 3",
          "Lyngså Sundhedscenter", "Regionshuset, mødesal Ø")

THEMES = (
    "kapacitet og ventelister på botilbud", "fælles indsats for unge med angst",
    "rekruttering af social- og sundhedsassistenter", "F-ACT-teams i psykiatrien",
    "digital understøttelse af genoptræning", "udskrivning af borgere med komplekse forløb",
    "akutfunktionen aften og nat", "misbrugsbehandling for unge", "den fælles takstmodel",
    "tværkommunale pladser på forsorgshjem", "kompetenceudvikling for sygeplejersker",
    "handleplaner for udsatte børn", "mødestruktur og årshjul", "velfærdsteknologi i plejen",
    "tidlig opsporing af demens", "brugerinddragelse i socialpsykiatrien",
)
STANDING_FIRST = ("Velkommen og godkendelse af dagsorden", "Godkendelse af referat fra sidste møde")
STANDING_LAST = ("Eventuelt", "Næste møde og afslutning")
ITEM_TEMPLATES = (
    "Status på {theme}", "Orientering om {theme}", "Drøftelse af {theme}",
    "Budgetopfølgning {q}. kvartal {year}", "Høring: {theme}", "Evaluering af {theme}",
    "Rammeaftale {year}-{next2}: {theme}", "Forslag om {theme}", "Nyt fra formandskabet",
    "Økonomi og takster {next}",
)
SENTENCES = (
    "{muni} Kommune oplever stigende efterspørgsel, og ventetiden er nu {n} uger.",
    "Der er p.t. {n} ledige pladser, og {m} borgere venter på visitation.",
    "Sekretariatet har udarbejdet et oplæg, som beskriver tre mulige modeller for {theme}.",
    "Det blev drøftet, hvordan erfaringerne med {theme} kan udbredes til de øvrige kommuner.",
    "Samarbejdet med regionen fungerer godt, men økonomien er fortsat presset i flere kommuner.",
    "Budgettet for {year} viser et forventet merforbrug på {n},{m} mio. kr.",
    "{person} fremlagde de foreløbige tal og gjorde opmærksom på, at opgørelsen er usikker.",
    "Flere kommuner ønsker en fælles opgørelsesmetode, så tallene kan sammenlignes på tværs.",
    "Der var enighed om, at brugernes perspektiv skal fylde mere i det videre arbejde.",
    "Medarbejderne i {muni} har gode erfaringer med at arbejde i tværfaglige teams.",
    "Høringssvaret skal være sekretariatet i hænde senest {date}.",
    "Arbejdsgruppen mødes igen i {month} og forelægger et samlet forslag til efteråret.",
    "Det er vigtigt, at også de små kommuner får mulighed for at bidrage til løsningen.",
    "Erfaringerne fra pilotprojektet i {muni} og {muni2} viser en tydelig effekt på trivslen.",
    "Sagen har været behandlet i KKR, som bakker op om den foreslåede retning.",
    "Der mangler fortsat data fra to kommuner, før en samlet status kan gives.",
)
# (status, template): the decision wordings of DESIGN.md's vocabulary.
DECISIONS = (
    ("approved", "{body} godkendte indstillingen."),
    ("approved", "Det blev besluttet at igangsætte en analyse af {theme}."),
    ("approved", "Indstillingen blev godkendt med de bemærkninger, der fremkom på mødet."),
    ("noted", "{body} tog orienteringen til efterretning."),
    ("noted", "Orienteringen blev taget til efterretning."),
    ("postponed", "Punktet blev udsat til næste møde."),
    ("postponed", "Punktet genoptages på mødet i {month}."),
    ("referred", "Sagen oversendes til KKR Sydvest til videre behandling."),
    ("action", "{person} følger op og tilbagemelder på næste møde."),
    ("action", "{person} udarbejder et notat om {theme} senest den {date}."),
    ("rejected", "Forslaget blev ikke godkendt."),
)
ATTACHMENTS = ("Notat om {theme}", "Kapacitetsoversigt {year}", "Budgetopfølgning {year}",
               "Referat fra arbejdsgruppen", "Oversigt over ventetider", "Udkast til høringssvar")


# --- one document ----------------------------------------------------------------------------


@dataclass
class Spec:
    """One generated document: its fixture spec (for the renderers) and its facts."""

    fixture: MF.Fixture
    fmt: str
    genre: str
    pages: int
    items: int
    decisions: int
    relpath: str


class _Words:
    """The random choices of one document; ``correct_at``: the paragraph (counted from 0) that
    gets CORRECTION added, without a random choice of its own (all else stays as it was)."""

    def __init__(self, rng: random.Random, year: int, body: str,
                 correct_at: int | None = None) -> None:
        self.rng = rng
        self.year = year
        self.body = body
        self.people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(rng.randint(6, 14))]
        self.correct_at = correct_at
        self.paragraphs = 0

    def fill(self, template: str) -> str:
        r = self.rng
        day, month = r.randint(1, 28), r.randrange(12)
        return template.format(
            muni=r.choice(MUNICIPALITIES), muni2=r.choice(MUNICIPALITIES), n=r.randint(2, 40),
            m=r.randint(1, 9), theme=r.choice(THEMES), year=self.year, next=self.year + 1,
            next2=str(self.year + 1)[2:], q=r.randint(1, 4), person=r.choice(self.people),
            body=self.body, month=MONTHS[month], date=f"{day}. {MONTHS[month]} {self.year}",
        )

    def paragraph(self, sentences: int) -> str:
        text = " ".join(self.fill(self.rng.choice(SENTENCES)) for _ in range(sentences))
        self.paragraphs += 1
        if self.paragraphs - 1 == self.correct_at:
            text = f"{text} {CORRECTION}"
        return text

    def decision(self) -> str:
        return self.fill(self.rng.choice(DECISIONS)[1])

    def item_title(self) -> str:
        return self.fill(self.rng.choice(ITEM_TEMPLATES))


def _lines(text: str, chars: int = CHARS_PER_LINE) -> int:
    return sum(max(1, -(-len(part) // chars)) for part in text.split("\n"))


def _height(block: Any) -> float:
    """A block's height on the PDF page in mm, roughly as make_fixtures' renderer draws it."""
    if isinstance(block, MF.Title):
        return 7 + 3
    if isinstance(block, MF.Item):
        return 4 + LINE_MM * _lines(f"{block.label} {block.title}") + 1.5
    if isinstance(block, MF.Label):
        return 1.5 + LINE_MM
    if isinstance(block, MF.P):
        return LINE_MM * _lines(block.text)
    if isinstance(block, (MF.Bullets, MF.Numbered)):
        return sum(LINE_MM * _lines(x, CHARS_PER_LINE - 8) for x in block.items)
    if isinstance(block, MF.Blank):
        return LINE_MM
    raise TypeError(block)


def _row_height(row: list[str]) -> float:
    lines = max(_lines(c, w) for c, w in zip(row, TABLE_CHARS, strict=True))
    return lines * TABLE_LINE_MM + TABLE_ROW_PAD_MM


class _Pages:
    """Packs blocks into pages of PAGE_BUDGET_MM, with a page break before a block that does
    not fit. A two-column table is packed row by row: a new table (header repeated, as Word
    does) on every page it runs onto."""

    def __init__(self) -> None:
        self.blocks: list[Any] = []
        self.page = 1
        self.used = 0.0
        self.rows: list[list[str]] | None = None  # the open table's rows

    def _break(self) -> None:
        self.close_table()
        self.blocks.append(MF.PageBreak())
        self.page += 1
        self.used = 0.0

    def add(self, block: Any, height: float | None = None) -> None:
        self.close_table()
        h = _height(block) if height is None else height
        if self.used + h > PAGE_BUDGET_MM and self.used:
            self._break()
        self.blocks.append(block)
        self.used += h

    def row(self, header: list[str], row: list[str]) -> None:
        h = _row_height(row)
        if self.rows is not None and self.used + h > PAGE_BUDGET_MM:
            self._break()
        if self.rows is None:
            self.rows = [header]
            self.used += _row_height(header) + 4  # the gap after a table
        self.rows.append(row)
        self.used += h

    def close_table(self) -> None:
        if self.rows is not None:
            self.blocks.append(MF.Table(rows=self.rows, widths=list(TABLE_COLS_MM), txt="stacked"))
            self.rows = None


def _numbering(rng: random.Random) -> Callable[[int], str]:
    style = rng.choice(("{n}.", "{n}.", "{n})", "Pkt. {n}", "Punkt {n}"))
    return lambda n: style.format(n=n)


def _meeting_line(rng: random.Random, date: dt.date) -> str:
    start = rng.choice((9, 10, 13, 14))
    return (f"{WEEKDAYS[date.weekday()].capitalize()} den {date.day}. {MONTHS[date.month - 1]} "
            f"{date.year} kl. {start}.00 – {start + 2}.00")


def _participants(w: _Words) -> tuple[list[str], list[str]]:
    present, absent = [], []
    for i, name in enumerate(w.people):
        org = f"{w.rng.choice(MUNICIPALITIES)} Kommune"
        role = f", {ROLES[i]}" if i < 2 else ""
        (absent if w.rng.random() < 0.15 else present).append(f"{name} ({org}{role})")
    return present, absent


def _item_texts(w: _Words, n_items: int, per_item: float) -> list[tuple[str, int, int]]:
    """(title, body sentences, decisions) per item; ``per_item`` sentences on average."""
    middle = [w.item_title() for _ in range(max(0, n_items - 4))]
    titles = [*STANDING_FIRST, *middle, *STANDING_LAST]
    mean = min(max(1, round(per_item)), MAX_SENTENCES - 2)
    out = []
    for i, title in enumerate(titles):
        standing = i < 2 or i >= len(titles) - 2
        sentences = 1 if standing else w.rng.randint(max(1, mean - 2), mean + 2)
        out.append((title, sentences, 1 if standing else w.rng.choice((1, 1, 2))))
    return out


def _genre_table(w: _Words, pk: _Pages, items: list[tuple[str, int, int]],
                 number: Callable[[int], str]) -> tuple[int, int]:
    present, absent = _participants(w)
    pk.add(MF.P("Deltagere: " + ", ".join(present) + "."))
    if absent:
        pk.add(MF.P("Afbud: " + ", ".join(absent) + "."))
    pk.add(MF.Blank())
    header = ["Dagsordenspunkt", "Referat (hovedpunkter)"]
    decisions = 0
    for n, (title, sentences, n_dec) in enumerate(items, 1):
        left = f"{number(n)} {title}"
        if sentences > 2 and w.rng.random() < 0.4:
            left += "\nBilag: " + w.fill(w.rng.choice(ATTACHMENTS)) + ".pdf"
        right = [w.paragraph(1) for _ in range(sentences)]
        right += [w.decision() for _ in range(n_dec)]
        decisions += n_dec
        pk.row(header, [left, "\n".join(right)])
    return len(items), decisions


def _genre_combined(w: _Words, pk: _Pages, items: list[tuple[str, int, int]],
                    number: Callable[[int], str]) -> tuple[int, int]:
    present, absent = _participants(w)
    pk.add(MF.P("Deltagere: " + "; ".join(present + [f"{a} (afbud)" for a in absent])))
    pk.add(MF.Blank())
    pk.add(MF.Label("Dagsorden:"))
    for n, (title, _, _) in enumerate(items, 1):
        pk.add(MF.P(f"{number(n)} {title}", indent=4))
    decisions = 0
    for n, (title, sentences, n_dec) in enumerate(items, 1):
        pk.add(MF.Item(number(n), title))
        if sentences > 1:
            pk.add(MF.Label("Beslutningstema"))
            pk.add(MF.P(w.paragraph(1)))
            pk.add(MF.Label("Baggrund"))
            for chunk in range(0, sentences - 1, 3):
                pk.add(MF.P(w.paragraph(min(3, sentences - 1 - chunk))))
            pk.add(MF.Label("Indstilling"))
            pk.add(MF.P("Det indstilles:"))
            pk.add(MF.Bullets([f"At {w.fill('{body}').lower()} drøfter og godkender oplægget",
                               "At sekretariatet arbejder videre med forslaget"]))
            if w.rng.random() < 0.5:
                pk.add(MF.Label("Bilag"))
                pk.add(MF.P(w.fill(w.rng.choice(ATTACHMENTS))))
        pk.add(MF.Label("Beslutning"))
        pk.add(MF.P(" ".join(w.decision() for _ in range(n_dec))))
        decisions += n_dec
    return len(items), decisions


def _genre_punkt(w: _Words, pk: _Pages, items: list[tuple[str, int, int]],
                 number: Callable[[int], str]) -> tuple[int, int]:
    decisions = 0
    for n, (title, sentences, n_dec) in enumerate(items, 1):
        pk.add(MF.Item(number(n), title))
        for chunk in range(0, max(0, sentences - 1), 3):
            pk.add(MF.P(w.paragraph(min(3, sentences - 1 - chunk))))
        pk.add(MF.Label(f"Referat – punkt {n}:", bold=False))
        pk.add(MF.P("Beslutning:"))
        pk.add(MF.Numbered([w.decision() for _ in range(n_dec)], docx_auto=False))
        if sentences > 2:
            pk.add(MF.P("Uddybning:"))
            pk.add(MF.P(w.paragraph(1)))
        decisions += n_dec
    present, absent = _participants(w)
    pk.add(MF.Label("Deltagere:"))
    for p in present:
        pk.add(MF.P(p))
    for a in absent:
        pk.add(MF.P(f"{a} - afbud"))
    return len(items), decisions


_GENRES = {"table": _genre_table, "combined": _genre_combined, "punkt": _genre_punkt}


def spec(seed: int, index: int, variant: int = 0, added: bool = False) -> Spec:
    """Document ``index`` of the archive of ``seed``; ``variant`` > 0 is an edited version
    (same meeting, same file name, changed content); ``added``: a new document (an index
    beyond the archive's) of a meeting after all of the archive's."""
    rng = random.Random(f"referatkit-bench/{seed}/{index}")
    target = rng.randint(MIN_PAGES, MAX_PAGES)
    n_items = rng.randint(max(5, target), target * 2 + 2)
    # Lay the document out with more or less text per item until it fills ``target`` pages
    # (each attempt from the same random state, so the result depends on the seed only).
    per_item = 6.0
    best: Spec | None = None
    laid_out = (n_items, per_item)
    # A correction is laid out as the document it corrects, so that only its sentence differs.
    fitted = max(variant, 0)
    for _ in range(12):
        s, filled = _build(seed, index, fitted, n_items, per_item, added)
        if best is None or abs(s.pages - target) < abs(best.pages - target):
            best, laid_out = s, (n_items, per_item)
        if s.pages == target:
            break
        # aim at the middle of the last page: ``filled`` pages make ceil(filled) pages
        per_item = max(1.0, per_item * (target - 0.45) / max(filled, 0.5))
        if per_item > MAX_SENTENCES:  # a table row must fit on a page: more items instead
            n_items = round(n_items * per_item / MAX_SENTENCES)
            per_item = MAX_SENTENCES
    assert best is not None
    if variant < 0:
        return _build(seed, index, variant, *laid_out, added)[0]
    return best


def _build(seed: int, index: int, variant: int, n_items: int,
           per_item: float, added: bool = False) -> tuple[Spec, float]:
    rng = random.Random(f"referatkit-bench/{seed}/{index}/body")
    fmt = FORMATS[index % len(FORMATS)]
    genre = GENRES[(index // len(FORMATS)) % len(GENRES)]
    forum, body = _forum(rng.randrange(len(FORUMS) * FORUM_AREAS))
    date = dt.date(2016, 1, 4) + dt.timedelta(days=rng.randrange(9 * 365))
    if added:
        date = ADDED_FROM + dt.timedelta(days=rng.randrange(ADDED_DAYS))
    while date.weekday() > 4:
        date += dt.timedelta(days=1)
    if variant > 0:  # rewritten: the same meeting (forum, date, file name), other words
        rng = random.Random(f"referatkit-bench/{seed}/{index}/body/{variant}")
    # corrected (variant < 0): the paragraphs of the standing items first come before it
    w = _Words(rng, date.year, body, CORRECTED_PARAGRAPH - variant if variant < 0 else None)
    number = _numbering(rng)
    pk = _Pages()
    kind = {"table": "Referat", "combined": "Dagsorden og referat", "punkt": "Referat"}[genre]
    pk.add(MF.Title(kind))
    pk.add(MF.P(f"**{forum}**"))
    pk.add(MF.P(_meeting_line(rng, date)))
    pk.add(MF.P(rng.choice(PLACES)))
    pk.add(MF.Blank())
    items = _item_texts(w, n_items, per_item)
    n_items, n_decisions = _GENRES[genre](w, pk, items, number)
    pk.close_table()
    fixture = MF.Fixture(
        name=f"bench_{index:06d}", about=f"benchmark document {index} ({genre})",
        blocks=pk.blocks, expected={}, letterhead=[f"{forum} · Sekretariatet"],
        page_label="Side {n} af {N}", formats=(fmt,), txt_formfeed=True,
    )
    slug = "-".join(forum.lower().replace("–", "").replace(",", "").split())
    name = f"{date.isoformat()}-{kind.split()[0].lower()}-{index:06d}.{fmt}"
    rel = f"{slug}/{date.year}/{name}"
    s = Spec(fixture, fmt, genre, pk.page, n_items, n_decisions,
             f"{ADDED_DIR}/{rel}" if added else rel)
    return s, pk.page - 1 + pk.used / PAGE_BUDGET_MM


def render(s: Spec, fonts: tuple[Path, Path] | None) -> bytes:
    return MF.render(s.fixture, s.fmt, fonts)


# --- the archive -----------------------------------------------------------------------------


def _entry(s: Spec, data: bytes) -> dict[str, Any]:
    pages = s.pages
    if s.fmt == "pdf":
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(data)
        pages = len(doc)
        doc.close()
    return {"path": s.relpath, "format": s.fmt, "genre": s.genre, "pages": pages,
            "planned_pages": s.pages, "items": s.items, "decisions": s.decisions,
            "bytes": len(data)}


_Task = tuple[str, int, int, int, tuple[Path, Path] | None, bool]


def _write_one(args: _Task) -> dict[str, Any]:
    out, seed, index, variant, fonts, added = args
    s = spec(seed, index, variant, added)
    data = render(s, fonts)
    path = Path(out) / s.relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)
    return {"index": index, "variant": variant, **_entry(s, data)}


def _run(tasks: list[_Task], jobs: int) -> Iterator[dict[str, Any]]:
    if jobs <= 1 or len(tasks) < 8:
        yield from map(_write_one, tasks)
        return
    with ProcessPoolExecutor(jobs) as pool:
        yield from pool.map(_write_one, tasks, chunksize=4)


def _fonts(formats: set[str]) -> tuple[Path, Path] | None:
    fonts = MF.find_fonts() if "pdf" in formats else None
    if "pdf" in formats and fonts is None:
        raise SystemExit("benchgen: PDF needs DejaVu Sans (apt install fonts-dejavu-core)")
    return fonts


def generate(out: Path, n: int, seed: int = 1, jobs: int | None = None) -> dict[str, Any]:
    """Write the archive of ``n`` documents to ``out`` (files already right are left alone)
    and its manifest; returns the manifest."""
    out.mkdir(parents=True, exist_ok=True)
    fonts = _fonts({FORMATS[i % len(FORMATS)] for i in range(min(n, len(FORMATS)))})
    tasks = [(str(out), seed, i, 0, fonts, False) for i in range(n)]
    docs = list(_run(tasks, jobs or os.cpu_count() or 1))
    manifest = {"generator": GENERATOR_VERSION, "seed": seed, "n": n, "documents": docs}
    _write_manifest(out, manifest)
    return manifest


def cached(out: Path, n: int, seed: int = 1, jobs: int | None = None) -> dict[str, Any]:
    """The archive at ``out`` as :func:`generate` writes it. When its manifest is of this
    generator, seed and size, only edited or missing files are written again."""
    try:
        m = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        if (m["generator"], m["seed"], m["n"]) != (GENERATOR_VERSION, seed, n):
            raise ValueError("another archive")
    except (OSError, ValueError, KeyError):
        return generate(out, n, seed, jobs)
    remove_added(out)
    docs = m["documents"]
    stale = [d["index"] for d in docs if d["variant"] or not (out / d["path"]).is_file()]
    if stale:
        fonts = _fonts({docs[i]["format"] for i in stale})
        tasks = [(str(out), seed, i, 0, fonts, False) for i in stale]
        for entry in _run(tasks, jobs or os.cpu_count() or 1):
            docs[entry["index"]] = entry
        _write_manifest(out, m)
    return m


def _write_manifest(out: Path, m: dict[str, Any]) -> None:
    (out / MANIFEST).write_text(json.dumps(m, ensure_ascii=False, indent=1) + "\n",
                                encoding="utf-8")


def edit(out: Path, share: float, jobs: int | None = None, variant: int = 1,
         kind: str = "rewrite") -> list[str]:
    """Change every ``1/share``-th document of the archive (``kind``: rewrite or correct,
    each its own documents; ``variant``: which rewrite or correction); returns the paths
    changed (relative to ``out``)."""
    m = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    docs = m["documents"]
    step = max(1, round(1 / share)) if share > 0 else len(docs) + 1
    slot = round(step * EDIT_SLOTS[kind]) % step
    variant = -abs(variant) if kind == "correct" else abs(variant)
    chosen = [d for d in docs if d["index"] % step == slot]
    fonts = _fonts({d["format"] for d in chosen})
    tasks = [(str(out), m["seed"], d["index"], variant, fonts, False) for d in chosen]
    for entry in _run(tasks, jobs or os.cpu_count() or 1):
        docs[entry["index"]] = entry
    _write_manifest(out, m)
    return [d["path"] for d in chosen]


def add(out: Path, share: float, jobs: int | None = None) -> list[dict[str, Any]]:
    """Write ``share`` of the archive's size in new documents (indexes after the archive's)
    of meetings after all of its own, under ``out/ADDED_DIR``; returns their entries."""
    m = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    n = len(m["documents"])
    k = max(1, round(n * share))
    fonts = _fonts({FORMATS[i % len(FORMATS)] for i in range(n, n + k)})
    tasks = [(str(out), m["seed"], i, 0, fonts, True) for i in range(n, n + k)]
    return list(_run(tasks, jobs or os.cpu_count() or 1))


def remove_added(out: Path) -> None:
    """Remove what ``add`` wrote."""
    root = out / ADDED_DIR
    if root.is_dir():
        shutil.rmtree(root)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate", help="write an archive of N documents")
    g.add_argument("--n", type=int, default=120)
    g.add_argument("--seed", type=int, default=1)
    g.add_argument("--out", type=Path, default=Path("bench-out/archive"))
    g.add_argument("--jobs", type=int, default=None)
    e = sub.add_parser("edit", help="change a share of the files of an archive")
    e.add_argument("out", type=Path)
    e.add_argument("--share", type=float, default=0.01)
    e.add_argument("--variant", type=int, default=1)
    e.add_argument("--kind", choices=sorted(EDIT_SLOTS), default="rewrite")
    a = sub.add_parser("add", help="write a share of new documents, of later meetings")
    a.add_argument("out", type=Path)
    a.add_argument("--share", type=float, default=0.01)
    args = ap.parse_args(argv)
    if args.cmd == "generate":
        m = generate(args.out, args.n, args.seed, args.jobs)
        pages = sum(d["pages"] for d in m["documents"])
        print(f"{args.out}: {len(m['documents'])} documents, {pages} pages", file=sys.stderr)
    elif args.cmd == "add":
        added = add(args.out, args.share)
        print(f"{args.out}: {len(added)} documents added under {ADDED_DIR}/", file=sys.stderr)
    else:
        changed = edit(args.out, args.share, variant=args.variant, kind=args.kind)
        print(f"{args.out}: {len(changed)} documents changed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
