"""Decisions, proposals, actions, participants and attachments of a segmented document.

The classifier reads the sections the segmenter cut and never looks at formats:

* **decisions** — every point of a decision section (Beslutning, Konklusion, Aftale, an explicit
  "Referat – punkt N"), and in free-form minutes the sentences that carry a decision phrase;
  each with a status from :data:`vocab.STATUS_RULES` and the raw text beside it;
* **proposals** — points of Indstilling / Beslutningspunkter, kept apart from decisions;
* **prior decisions** — "Beslutning i Økonomiudvalget den 04-12-2012", kept apart too;
* **actions** — "X undersøger …", "X er ansvarlig …", "besluttede at undersøge", with an owner
  and a due date ("senest den 2. juni", "på næste møde", "om ca. ½ år");
* **participants** — names, organisations or parties, roles and absences;
* **attachments** — Bilag lists, embedded file captions, "vedlagt som bilag".
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from referatkit import dates, vocab
from referatkit.fold import fold, folded
from referatkit.ids import assign_decision_ids
from referatkit.model import Action, Attachment, Decision, Document, Item, Participant, Section
from referatkit.segment import participant_label

# --------------------------------------------------------------------------- compiled vocabulary

# The long word lists run on folded text (see referatkit.fold): *_FOLDED patterns are
# searched in fold(text), and what they capture is read from the text by its span.
STATUS_FOLDED = [(status, folded(p, re.MULTILINE)) for status, p in vocab.STATUS_RULES]
CUE_FOLDED = folded(vocab.DECISION_CUES)
BARE_ADOPTION_RE = re.compile(vocab.BARE_ADOPTION, re.IGNORECASE)
PROPOSAL_WORDS_RE = re.compile(vocab.PROPOSAL_WORDS, re.IGNORECASE)
DISSENT_RE = re.compile(vocab.DISSENT, re.IGNORECASE)
SIGNATURE_RE = re.compile(vocab.SIGNATURE_LINES, re.IGNORECASE)
PASSIVE_TASK_FOLDED = folded(vocab.PASSIVE_TASKS)
EXPLAINS_DECISION_RE = re.compile(vocab.EXPLAINS_DECISION, re.IGNORECASE)
NEXT_MEETING_FIELD_RE = re.compile(vocab.NEXT_MEETING_FIELD, re.IGNORECASE)
MEETING_CLOSED_RE = re.compile(vocab.MEETING_CLOSED, re.IGNORECASE)
NEXT_MEETING_DATE_FOLDED = folded(vocab.NEXT_MEETING_MENTION)
# How far after "næste møde" its date may stand ("Næste møde afholdes tirsdag den 2. december").
NEXT_MEETING_DATE_REACH = 60
# "blev forslaget forkastet", "er vedtaget": the sentence reports an outcome, it proposes nothing
OUTCOME_REPORTED_RE = re.compile(r"\b(?:blev|er\s+blevet|var|blevet)\b", re.IGNORECASE)
# "… bør fastholdes": a recommendation, not a decision
RECOMMENDATION_RE = re.compile(r"\b(?:bør|burde|should|ought\s+to|kunne\s+overveje)\b", re.IGNORECASE)
NONE_RES = [pat for status, pat in ((st, re.compile(p, re.IGNORECASE)) for st, p in vocab.STATUS_RULES) if status == "none"]
PROPOSAL_REF_RE = re.compile(vocab.PROPOSAL_REFERENCE, re.IGNORECASE)
PROPOSAL_CUE_RE = re.compile(vocab.PROPOSAL_CUES, re.IGNORECASE)
NEXT_MEETING_RE = re.compile(vocab.NEXT_MEETING_TITLE, re.IGNORECASE)
ACTION_VERB_FOLDED = folded(rf"\b(?:{vocab.ACTION_VERBS})\b")
# "Udvalget besluttede at undersøge …": the body that decided owns the task.
DECIDED_TO_INVESTIGATE_FOLDED = folded(
    r"\bbesluttede\s+at\s+(?:undersøge|udarbejde|afklare|indhente|nedsætte|igangsætte)\b")
DECIDING_RE = re.compile(
    rf"^(?P<body>[A-ZÆØÅ][\wæøåÆØÅ\-]*(?:\s+(?:og|for|i|[A-ZÆØÅ][\wæøåÆØÅ\-]*)){{0,5}}?)\s+"
    rf"(?:{vocab.DECIDING_VERBS})\b"
)
HEAD_COUNT_RES = [re.compile(p, re.IGNORECASE | re.MULTILINE) for p in vocab.HEAD_COUNT_PATTERNS]
ELECTION_RES = [re.compile(p) for p in vocab.ELECTION_PATTERNS]
# Elections of a chair or a minute-taker are read in the first items of a meeting.
ELECTION_ITEMS = 4
DUE_FOLDED = [(kind, folded(p)) for kind, p in vocab.DUE_PATTERNS]
# "senest uge 16": the week's Friday (0 = Monday), the end of a working week.
DUE_WEEKDAY_DEFAULT = 4
# Part of a month → (day, approximate); day 0 is the month's last.
MONTH_PART_DAY = {
    "udgangen": (0, False), "slutningen": (0, False), "ultimo": (0, False),
    "midten": (15, True), "medio": (15, True), "starten": (1, True), "begyndelsen": (1, True), "primo": (1, True),
}
ATTACHMENT_FILE_RE = re.compile(vocab.ATTACHMENT_FILE_SUFFIX + r"\s*\)?\s*$", re.IGNORECASE)
ROLE_RE = re.compile(r"\b(?:" + "|".join(sorted(vocab.ROLE_WORDS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
ABSENT_RE = re.compile(r"(?:^|[\s(\-–,])(?:" + "|".join(vocab.ABSENT_MARKERS) + r")\b\)?\s*\.?$", re.IGNORECASE)
ENGLISH_ACTION = re.compile(r"^\**\s*(?:action(?:\s+item)?|todo|to do|handling|oppgave)\s*\**\s*:\s*\**\s*(?P<text>.+)$", re.IGNORECASE)

# Section kinds whose every point is a decision of this meeting.
DECISION_KINDS = {"decision"}
# Labels of "minutes" sections that hold the meeting's outcome ("Referat – punkt 3").
OUTCOME_LABELS = re.compile(
    r"^(?:referat|drøftelse og beslutning|aftaler?|konklusion(?:er)?)(?:\s*[-–]\s*(?:punkt|pkt\.?)\s*\w+)?$", re.IGNORECASE
)
# "Referat – punkt 3": a label that gives an item's outcome.
MINUTES_OF_ITEM = re.compile(r"^referat\s*[-–]", re.IGNORECASE)
# Words that are a sentence's subject but never an owner.
NOT_OWNERS = {
    "der", "det", "man", "vi", "punktet", "sagen", "den", "de", "dette", "disse", "hvis", "når",
    "her", "der er", "i", "og", "som", "samt", "endvidere", "generelt", "derudover", "ligeledes",
    "alle", "begge", "nogle", "mange", "flere", "referatet", "arbejdet", "forslaget", "indstillingen",
    "the", "it", "we", "this", "that", "jf", "fx", "evt", "ift", "ved", "hvor", "hvordan", "kunne",
    "kan", "skal", "vil", "bl.a", "herunder", "desuden", "efterfølgende", "dernæst", "til",
}
NAME_TOKEN = r"(?:[A-ZÆØÅ][\wæøåÆØÅ\-]*\.?|[A-ZÆØÅ]\.)"
# "Magistratsafdelingen for Kultur og Borgerservice", "Kirsten Vang (Fjordby)": a name, its
# connecting words, a place in brackets
OWNER_NAME = rf"{NAME_TOKEN}(?:\s+(?:(?:og|for|i|af|&)\s+)?{NAME_TOKEN}){{0,5}}"
OWNER_AT_END = re.compile(rf"(?P<owner>{OWNER_NAME})(?:\s+\([^()]{{1,40}}\))?\s+(?:(?:også|derefter|endvidere|desuden|nu|selv|gerne|fortsat|så)\s+)*$")
OWNER_RELATIVE = re.compile(r".*\b(?:i|til|for|med|hos)\s+(?P<owner>[^,.;:]{3,60}?),\s*(?:der|som)\s+(?:dels\s+|også\s+)?$", re.IGNORECASE)
SUBJECT_START = re.compile(rf"^(?P<owner>{OWNER_NAME})(?:\s+\([^()]{{1,40}}\))?\s+\w")

LIST_MARKER = re.compile(r"^(?:\d{1,2}[.)]|[a-zA-Z][.)]|\(?[a-z]\)|\(?[ivx]{1,4}[.)]|[•●○▪■◦‣∙·\-–—*o])\s+")
NUMBERED_MARKER = re.compile(r"^(?:\d{1,2}[.)]|[a-zA-Z][.)]|\(?[a-z]\))\s+")
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ\"”“(])")
# Abbreviations that end with a dot but not a sentence ...
ABBREVIATIONS = ("bl.a.", "f.eks.", "fx.", "ift.", "jf.", "evt.", "ca.", "pkt.", "nr.", "d.", "kl.", "mht.", "vedr.", "inkl.", "ekskl.", "incl.", "excl.", "dvs.", "m.fl.", "mv.", "m.m.", "osv.", "t.o.", "s.", "stk.", "tlf.", "ang.", "kr.", "mio.", "mia.", "hhv.", "iflg.", "jvf.", "ca.", "e.g.", "i.e.")

# --------------------------------------------------------------------------- helpers


# ... unless it closes an amount or a list and a capitalised word follows: "ca. 300.000 kr.
# Bestyrelsen tog …" is two sentences ("kr." is written after its number, never before a word).
CLOSING_ABBREVIATIONS = ("kr.", "mio.", "mia.", "osv.", "mv.", "m.fl.", "m.m.", "etc.")
_ABBREVIATION_RE = re.compile(
    r"(?<![\wæøåÆØÅ])(?:"
    + "|".join(re.escape(a) + (r"(?-i:(?!\s+[A-ZÆØÅ][a-zæøå]))" if a in CLOSING_ABBREVIATIONS else "")
               for a in sorted(set(ABBREVIATIONS) | set(CLOSING_ABBREVIATIONS), key=len, reverse=True))
    + ")",
    re.IGNORECASE,
)
_PROTECTED = re.compile(r"\x00(\d+)\x00")


@functools.lru_cache(maxsize=4096)
def _sentence_tuple(text: str) -> tuple[str, ...]:
    if not SENTENCE_SPLIT.search(text):
        # protecting abbreviations only ever removes places to split: with none, one sentence
        return (stripped,) if (stripped := text.strip()) else ()
    found: list[str] = []

    def protect(m: re.Match[str]) -> str:
        found.append(m.group(0))
        return f"\x00{len(found) - 1}\x00"

    parts = SENTENCE_SPLIT.split(_ABBREVIATION_RE.sub(protect, text))

    def restore(part: str) -> str:
        return _PROTECTED.sub(lambda m: found[int(m.group(1))], part)

    return tuple(restore(p).strip() for p in parts if p.strip())


def _sentences(text: str) -> list[str]:
    """Sentences of a text; an abbreviation's dot ("bl.a.", "kr.") ends none."""
    return list(_sentence_tuple(text))


# The classifier asks the same questions of a sentence several times (is it a decision? a
# task? when is it due?) as it splits points and joins them again; the answers are pure
# functions of the text, so they are kept for the sentences of about one document.
SENTENCE_CACHE = 4096


@functools.lru_cache(maxsize=SENTENCE_CACHE)
def status_of(text: str, *, default: str | None = "approved", next_meeting_item: bool = False,
              people: frozenset[str] = frozenset()) -> str | None:
    """The status a decision's wording gives, by the first matching rule; ``default`` when
    none matches (``None`` to require a phrase). ``people``: the meeting's participants
    (casefolded names and first names), whose tasks need no task verb of the vocabulary."""
    t = " ".join(text.split())
    t_marker = LIST_MARKER.sub("", t)
    t_folded = fold(t_marker)
    for status, pat in STATUS_FOLDED:
        if pat.search(t_folded):
            if status == "postponed" and next_meeting_item:
                return "approved"  # planning the next meeting is an agreement, not a deferral
            return status
    if any(_is_main_clause_task(s, o) for s, o in _action_sentences(t, people)):
        return "action"
    if PASSIVE_TASK_FOLDED.search(t_folded) and not PROPOSAL_WORDS_RE.search(t_marker) and not t.rstrip().endswith("?"):
        return "action"  # "Der udarbejdes en handleplan.": a task, its owner maybe in a column
    return default


def _is_main_clause_task(sentence: str, owner: str | None) -> bool:
    """A task is the point of the sentence when its owner is the sentence's subject, not a
    party named in a relative clause ("… reserveres til møde i X, der samler op")."""
    if owner is None:
        return False
    s = _strip_marker(sentence)
    return s.startswith(owner) or bool(re.match(r"^(?:\W*action\b|\w+\s+besluttede\s+at)", s, re.IGNORECASE))


def _strip_marker(text: str) -> str:
    return LIST_MARKER.sub("", text.strip(), count=1).strip()


def points(section_text: str) -> list[str]:
    """A decision section's points: numbered entries (with their unnumbered continuation
    paragraphs), bullets, or paragraphs; a paragraph ending in ':' keeps the list after it."""
    paras = [p.strip() for p in section_text.split("\n") if p.strip()]
    numbered = any(re.match(r"^\d{1,2}[.)]\s", p) for p in paras)
    out: list[str] = []
    absorb_list = False
    for p in paras:
        is_marker = bool(LIST_MARKER.match(p))
        is_number = bool(re.match(r"^\d{1,2}[.)]\s", p))
        if out and absorb_list and (is_marker or not out[-1].count("\n")):
            out[-1] += "\n" + p  # the list, or the one remark, a colon introduces
            continue
        absorb_list = False
        if not re.search(r"\w", p):
            continue  # a stray "." on a line of its own
        if out and not is_marker and (p[:1].islower() or DISSENT_RE.search(p)):
            # "Indstillingen godkendt" / "med denne bemærkning:"; a minority's note
            out[-1] += " " + p
        elif out and numbered and not is_marker and re.match(r"^\d{1,2}[.)]\s", out[-1]) and not is_number:
            out[-1] += "\n" + p  # a continuation paragraph of a numbered decision
        else:
            out.append(p)
        if p.rstrip().endswith(":"):
            absorb_list = True
    return out


def _has_status(sentence: str, people: frozenset[str] = frozenset()) -> bool:
    """Does the sentence carry a decision of its own (a status phrase, or a task)?"""
    return status_of(sentence, default=None, people=people) is not None


def split_point(point: str, people: frozenset[str] = frozenset()) -> list[str]:
    """One point, one decision per decision it states: "Punktet udsættes. Jonas Weber indhenter
    tilbud." is a postponement and a task. Sentences without a phrase of their own stay with the
    decision they explain, and a minority's note ("… kunne ikke tiltræde") with the one before."""
    sents = _sentences(point)
    if len(sents) < 2:
        return [point]
    pieces: list[str] = []
    cur: list[str] = []
    cur_has = False
    for sent in sents:
        has = _has_status(sent, people) and not (cur_has and DISSENT_RE.search(sent))
        if has and cur_has:
            pieces.append(" ".join(cur))
            cur = [sent]
        else:
            cur.append(sent)
        cur_has = cur_has or has
    pieces.append(" ".join(cur))
    return pieces


def _without_dissent(text: str) -> str:
    """The decision without a minority's note, which does not change its status."""
    sents = _sentences(text)
    kept = [x for x in sents if not DISSENT_RE.search(x)]
    return " ".join(kept) if kept else text


@functools.lru_cache(maxsize=SENTENCE_CACHE)
def _is_none(sentence: str) -> bool:
    t = LIST_MARKER.sub("", " ".join(sentence.split()))
    return any(p.search(t) for p in NONE_RES)


def deciding_body(text: str) -> str | None:
    m = DECIDING_RE.match(_strip_marker(text))
    if not m:
        return None
    body = m.group("body").strip()
    if body.casefold() in NOT_OWNERS or len(body) < 3:
        return None
    return body


def _owner_before(text: str, verb_start: int) -> str | None:
    before = text[:verb_start]
    m = OWNER_RELATIVE.match(before)
    if m:
        return m.group("owner").strip()
    m = OWNER_AT_END.search(before)
    if m:
        cand = m.group("owner").strip()
        first = cand.split()[0].casefold().rstrip(".")
        if first not in NOT_OWNERS and cand.casefold() not in NOT_OWNERS:
            # a capitalised word opening a sentence is only an owner if it is the subject
            return cand
    m = SUBJECT_START.match(text.strip())
    if m:
        cand = m.group("owner").strip()
        between = text[m.end("owner"): verb_start]
        # the sentence's subject owns the task if its verb follows directly, or the task is a
        # coordinated predicate ("X deltager også i …, og dagsordenssætter punktet der")
        finite = re.match(r"^\s+\w+(?:er|r)\b", between)
        coordinated = finite and re.search(r",?\s+og\s+$", between)
        if cand.split()[0].casefold().rstrip(".") not in NOT_OWNERS and (
            len(between.split()) <= 2 or coordinated
        ):
            return cand
    return None


def _action_sentences(text: str, people: frozenset[str] = frozenset()) -> list[tuple[str, str | None]]:
    """(sentence, owner) for each sentence that gives someone a task: a task verb of the
    vocabulary after its owner, or any verb in the present after a participant's name ("Karen
    indkøber præmier inden 15/6")."""
    return list(_action_tuple(text, people))


@functools.lru_cache(maxsize=SENTENCE_CACHE)
def _action_tuple(text: str, people: frozenset[str]) -> tuple[tuple[str, str | None], ...]:
    out: list[tuple[str, str | None]] = []
    for sent in _sentences(_strip_marker(text)):
        m = ENGLISH_ACTION.match(sent)
        if m:
            owner = None
            om = re.match(r"^\**\s*@?(?P<o>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)\s*(?:\(|:|to\b|will\b|-)", m.group("text"))
            if om:
                owner = om.group("o")
            out.append((sent, owner))
            continue
        folded_sent = fold(sent)
        if DECIDED_TO_INVESTIGATE_FOLDED.search(folded_sent):
            out.append((sent, deciding_body(sent)))
            continue
        vm = ACTION_VERB_FOLDED.search(folded_sent)
        if not vm and not sent.rstrip().endswith("?"):
            pm = _participant_task(sent, people)
            if pm:
                out.append((sent, pm))
                continue
        if not vm or sent.rstrip().endswith("?"):
            continue
        owner = _owner_before(sent, vm.start())
        if owner is None:
            continue
        if re.search(r"\b(?:blev|var|havde|har\s+været)\b", sent[: vm.start()], re.IGNORECASE):
            continue  # reporting the past, not a task
        out.append((sent, owner))
    return tuple(out)


# A verb in the present right after the subject ("indkøber", "tager", "går"); not the
# auxiliaries and copulas that report or describe ("er", "har", "kan").
PRESENT_VERB = re.compile(r"^\s+(?P<verb>[a-zæøå]{2,}(?:er|år|ør|ér))\b")
NOT_TASK_VERBS = {"er", "har", "var", "blev", "bliver", "kan", "skal", "vil", "må", "får", "ser", "synes", "mener",
                  "foreslår", "spørger", "fortæller", "orienterer", "oplever", "tror", "ønsker", "forklarer",
                  "påpeger", "bemærker", "understreger", "nævner", "siger", "deltager", "mangler", "savner",
                  "stiller", "genopstiller", "indleder", "byder", "fortsætter"}


def _participant_task(sent: str, people: frozenset[str]) -> str | None:
    """The owner when a participant of the meeting opens the sentence and does something in the
    present tense by a time it names ("Karen indkøber præmier inden 15/6"); None otherwise."""
    if not people:
        return None
    m = SUBJECT_START.match(sent.strip())
    if not m:
        return None
    owner = m.group("owner").strip()
    if owner.casefold() not in people:
        return None
    vm = PRESENT_VERB.match(sent.strip()[m.end("owner"):])
    if not vm or vm.group("verb").casefold() in NOT_TASK_VERBS:
        return None
    folded_sent = fold(sent)
    if not any(pat.search(folded_sent) for _, pat in DUE_FOLDED):
        return None  # "Tine Blach indleder punktet": the programme; a task has a time
    return owner


class _Spans:
    """A match in folded text, its groups read from the text it was folded from."""

    __slots__ = ("_m", "_text")

    def __init__(self, m: re.Match[str], text: str) -> None:
        self._m, self._text = m, text

    def group(self, name: int | str = 0) -> str | None:
        start, end = self._m.span(name)
        return None if start < 0 else self._text[start:end]


@functools.lru_cache(maxsize=SENTENCE_CACHE)
def due_of(text: str, meeting_date: str | None, next_meeting: str | None = None) -> tuple[str | None, str | None, bool]:
    """(due date, due wording, approximate) from an action's text; "på næste møde" is due on
    ``next_meeting`` where the minutes give its date."""
    year = int(meeting_date[:4]) if meeting_date else None
    base = dt.date.fromisoformat(meeting_date) if meeting_date else None
    folded_text = fold(text)
    for kind, pat in DUE_FOLDED:
        fm = pat.search(folded_text)
        if not fm:
            continue
        m = _Spans(fm, text)
        if kind == "week" and year:
            wd = dates.weekday_index(m.group("wd")) if m.group("wd") else DUE_WEEKDAY_DEFAULT
            try:
                d = dt.date.fromisocalendar(year, int(m.group("week")), wd + 1)
            except ValueError:
                return None, m.group(0), False
            if base and d < base:
                d = dt.date.fromisocalendar(year + 1, int(m.group("week")), wd + 1)
            return d.isoformat(), m.group(0), False
        if kind == "month_part":
            part = (m.group("part") or m.group("part2") or "").lower()
            month = vocab.MONTHS[m.group("mon").lower()]
            y = int(m.group("year")) if m.group("year") else year
            if y is None:
                return None, m.group(0), True
            if base and not m.group("year") and (y, month) < (base.year, base.month):
                y += 1  # "inden udgangen af februar" in a December meeting
            last = calendar.monthrange(y, month)[1]
            day, approx = MONTH_PART_DAY.get(part, (last, True))
            return dt.date(y, month, min(day or last, last)).isoformat(), m.group(0), approx
        if kind == "date":
            d = dates.parse_date(m.group("date"), year)
            if d and base and d < base and not re.search(r"\d{4}", m.group("date")):
                d = d.replace(year=d.year + 1)  # "senest den 2. februar" in a December meeting
            return (d.isoformat() if d else None), m.group(0), False
        if kind == "next_meeting":
            return next_meeting, m.group(0), False
        if kind == "approx":
            n_raw, unit = m.group("n"), m.group("unit").lower()
            words = {"½": 0.5, "en": 1, "et": 1, "to": 2, "tre": 3, "fire": 4, "seks": 6}
            n = words.get(n_raw)
            if n is None:
                try:
                    n = float(n_raw.replace(",", "."))
                except ValueError:
                    n = 1
            days = {"år": 365, "måned": 30, "måneder": 30, "uge": 7, "uger": 7, "dag": 1, "dage": 1}.get(unit, 30)
            due = (base + dt.timedelta(days=round(n * days))).isoformat() if base else None
            return due, m.group(0), True
    return None, None, False


# --------------------------------------------------------------------------- decisions


@dataclass(slots=True)
class _Ctx:
    doc: Document
    item: Item
    next_meeting_item: bool
    structured: bool  # the item has explicit decision/outcome sections
    report: bool = False  # an annual report or a memo: its prose reports, it does not decide
    agenda: bool = False  # an agenda: it proposes, nothing is decided yet
    labelled_actions: bool = False  # the document writes its tasks as "Action: …"
    next_meeting: str | None = None  # the next meeting's date where the minutes give it
    people: frozenset[str] = frozenset()  # participants' names and first names, casefolded


def _make_decision(text: str, status: str, kind: str, ctx: _Ctx) -> Decision:
    clean = _strip_marker(text)
    d = Decision(text=clean, status=status, kind=kind)
    d.body = deciding_body(clean)
    if PROPOSAL_REF_RE.search(clean):
        d.refers_to_proposal = True
    for sent, owner in _action_sentences(clean, ctx.people):
        due, due_text, approx = due_of(sent, ctx.doc.meeting_date, ctx.next_meeting)
        d.actions.append(Action(text=sent, owner=owner, due=due, due_text=due_text, approximate=approx))
    if not d.actions and status == "postponed":
        due, due_text, approx = due_of(clean, ctx.doc.meeting_date, ctx.next_meeting)
        if due_text:
            d.due = due
    if d.actions:
        d.owner = next((a.owner for a in d.actions if a.owner), None)
        d.due = next((a.due for a in d.actions if a.due), d.due)
    return d


def _decisions_from_section(sec: Section, ctx: _Ctx) -> list[Decision]:
    out: list[Decision] = []
    kind = sec.kind
    if kind in DECISION_KINDS or (kind == "minutes" and OUTCOME_LABELS.match(sec.label) and ctx.structured):
        for p in points(sec.text):
            if _meeting_frame(p):
                continue  # "Næste møde: 4. november", "Mødet hævet kl. 19.40": the meeting's frame
            if (out and not LIST_MARKER.match(p) and status_of(_without_dissent(p), default=None, people=ctx.people) is None
                    and EXPLAINS_DECISION_RE.match(p)):
                # a paragraph that states no decision but names the proposal or asks for the
                # case back explains the one before it ("Forslag om …", "Sagen bedes
                # tilbagesendt byrådet via Magistraten.")
                out[-1].text = f"{out[-1].text} {p}"
                continue
            if kind == "minutes" and not ctx.next_meeting_item and status_of(_without_dissent(p), default=None, people=ctx.people) is None:
                continue  # minutes of the discussion: what states no decision is report, not a decision
            # an enumerated point is one decision as the secretary counted it; running prose
            # is one decision per decision it states
            for piece in ([p] if LIST_MARKER.match(p) else split_point(p, ctx.people)):
                st = status_of(_without_dissent(piece), next_meeting_item=ctx.next_meeting_item, people=ctx.people) or "approved"
                out.append(_make_decision(piece, st, "decision", ctx))
        return out
    if kind == "proposal":
        for p in points(sec.text):
            if len(p) < 120 and (p.rstrip().endswith(":") or re.search(r"\bat$", p.rstrip())) and PROPOSAL_CUE_RE.search(p):
                continue  # "Det indstilles, at driftsforum:" introduces the points
            if "\n" in p and PROPOSAL_CUE_RE.search(p.split("\n", 1)[0]):
                for sub in p.split("\n")[1:]:
                    out.append(_make_decision(sub, status_of(sub) or "approved", "proposal", ctx))
                continue
            st = status_of(p) or "approved"
            out.append(_make_decision(p, st, "proposal", ctx))
        return out
    if kind == "prior_decision":
        m_date = None
        ds = dates.find_dates(sec.label, int(ctx.doc.meeting_date[:4]) if ctx.doc.meeting_date else None)
        if ds:
            m_date = ds[-1].date.isoformat()
        own = m_date is not None and m_date == ctx.doc.meeting_date
        body = _prior_body(sec.label)
        for p in points(sec.text):
            st = status_of(p, next_meeting_item=ctx.next_meeting_item) or "approved"
            d = _make_decision(p, st, "decision" if own else "prior", ctx)
            d.body = body or d.body
            d.prior_date = None if own else m_date
            out.append(d)
        return out
    if kind in ("attachments", "background", "participants", "responsible"):
        return out
    # body / minutes / other: outcome sentences only
    outcome_source = kind in ("minutes", "body") and not ctx.structured and not ctx.report and not ctx.agenda
    # tasks in the text are the meeting's, unless the secretary labels them ("Action: …"): then
    # an unlabelled "Finland will add figures" is discussion
    tasks = not ctx.report and not ctx.agenda and not (ctx.labelled_actions and kind == "body")
    out = _free_text_decisions(sec.text, ctx, outcome_source, tasks)
    _attach_trailing_due(out, sec.text, ctx)
    return out


# "Vi holder sommerafslutning lørdag d. 21/6": the members' own plan, in the first person.
WE_PLAN = re.compile(r"^vi\s+(?P<verb>[a-zæøå]{2,}(?:er|es|r))\b", re.IGNORECASE)
NOT_PLAN_VERBS = {"er", "har", "ligger", "mangler", "oplever", "ser", "synes", "mener", "tror", "kan", "skal", "vil",
                  "må", "får", "savner", "bliver"}


def _plan_of_the_meeting(sentence: str, ctx: _Ctx) -> bool:
    """Informal minutes decide in the first person: "Vi holder sommerafslutning lørdag d. 21/6"
    is a plan when it names a day after the meeting; "Vi ligger under budget" reports."""
    m = WE_PLAN.match(sentence)
    if not m or m.group("verb").casefold() in NOT_PLAN_VERBS or not ctx.doc.meeting_date:
        return False
    year = int(ctx.doc.meeting_date[:4])
    return any(d.date.isoformat() > ctx.doc.meeting_date for d in dates.find_dates(sentence, year))


def _meeting_frame(point: str) -> bool:
    """A line under the last item's decision label that states the next meeting or the end of
    this one: it decides nothing."""
    t = _strip_marker(point)
    return bool(NEXT_MEETING_FIELD_RE.match(t) or MEETING_CLOSED_RE.match(t))


def _free_text_decisions(text: str, ctx: _Ctx, outcome_source: bool, tasks: bool) -> list[Decision]:
    """Decisions in running minutes: each sentence with a decision phrase, "Intet." and its
    kin, tasks ("X undersøger …"); a vote ("Enstemmigt vedtaget.") adopts the proposal or
    candidacy just before it and makes one decision with it; a minority's note joins the
    decision before it; signatures end the minutes."""
    out: list[Decision] = []
    # sentences since the last settled decision that a vote may adopt: (sentence, its decision)
    pending: list[tuple[str, Decision | None, bool]] = []
    for para in [p for p in text.split("\n") if p.strip()]:
        if SIGNATURE_RE.match(LIST_MARKER.sub("", para.strip())):
            break
        in_list = bool(LIST_MARKER.match(para.strip()))
        # a vote inside a list entry ("b) Bestyrelsens forslag om …. Enstemmigt vedtaget.")
        # adopts that entry; a vote after a list adopts the list
        entry_start = len(pending) if in_list else 0
        for sent in _sentences(para):
            bare = LIST_MARKER.sub("", sent).strip()
            if PROPOSAL_CUE_RE.search(bare) and not sent.rstrip().endswith("?"):
                # "Det indstilles, at …" in running text is a proposal wherever it stands
                prop = _make_decision(sent, status_of(bare) or "approved", "proposal", ctx)
                out.append(prop)
                pending.append((bare, None, in_list))
                continue
            if outcome_source and _is_none(bare):
                out.append(_make_decision(sent, "none", "decision", ctx))
                pending.clear()
                continue
            scope = pending[entry_start:] if in_list else pending
            if outcome_source and BARE_ADOPTION_RE.match(bare) and _adopts(scope):
                adopted = [x for x, _, _ in scope]
                taken = [d for _, d, _ in scope if d is not None]
                out = [d for d in out if all(d is not t for t in taken)]
                taken += [d for d in out if d.kind == "proposal" and _strip_marker(d.text) in adopted]
                sts = [t.status for t in taken if t.status not in ("approved", "action")]
                d = _make_decision(" ".join([*adopted, bare]), sts[0] if sts else "approved", "decision", ctx)
                out.append(d)
                pending.clear()
                continue
            if (outcome_source and CUE_FOLDED.search(fold(sent)) and not sent.rstrip().endswith("?") and not _is_background(sent)
                    and not RECOMMENDATION_RE.search(sent) and not NEXT_MEETING_FIELD_RE.match(bare)):
                if out and DISSENT_RE.search(sent) and out[-1].status != "rejected":
                    out[-1].text = f"{out[-1].text} {_strip_marker(sent)}"
                    continue
                st = status_of(sent, next_meeting_item=ctx.next_meeting_item, people=ctx.people) or "approved"
                d = _make_decision(sent, st, "decision", ctx)
                out.append(d)
                if (PROPOSAL_WORDS_RE.search(sent) or in_list) and not OUTCOME_REPORTED_RE.search(sent):
                    pending.append((bare, d, in_list))  # a proposal the meeting may still vote on
                else:
                    pending.clear()
                continue
            if outcome_source and _plan_of_the_meeting(bare, ctx):
                out.append(_make_decision(sent, "approved", "decision", ctx))
                pending.clear()
                continue
            if not tasks and not ENGLISH_ACTION.match(sent):
                pending.append((bare, None, in_list))
                continue
            acts = [] if _is_background(sent) else _action_sentences(sent, ctx.people)
            passive = (outcome_source and PASSIVE_TASK_FOLDED.search(fold(sent)) and not sent.rstrip().endswith("?")
                       and not PROPOSAL_WORDS_RE.search(sent))  # "Forslag om, at der rundsendes …" proposes
            if acts or ENGLISH_ACTION.match(sent) or passive:
                out.append(_make_decision(sent, "action", "decision", ctx))
                pending.clear()
                continue
            pending.append((bare, None, in_list))
    return out


def _adopts(pending: list[tuple[str, Decision | None, bool]]) -> bool:
    """Is there a proposal, a candidacy or a list of points among what a vote would adopt?"""
    return any(PROPOSAL_WORDS_RE.search(x) or listed for x, _, listed in pending) or (
        sum(1 for _, d, _ in pending if d is not None) > 0 and len(pending) > 1)


_BACKGROUND = re.compile(
    r"\b(?:blev\s+(?:godkendt|vedtaget|besluttet)\s+(?:af|i|på)\s+(?:den|det|de|regionsrådet|byrådet|kommunalbestyrelsen)"
    r"|i\s+forbindelse\s+med\s+indgåelsen|tidligere\s+(?:besluttet|vedtaget|godkendt)|det\s+er\s+besluttet"
    r"|,\s*(?:der|som)\s+(?:blev|er\s+blevet|var)\s+(?:aftalt|vedtaget|besluttet|godkendt)\s+(?:i|på|under|af|ved)\b"
    r"(?!\s+(?:mødet|dette\s+møde|dagens\s+møde)\b))",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=SENTENCE_CACHE)
def _is_background(text: str) -> bool:
    return bool(_BACKGROUND.search(text))


def _attach_trailing_due(decisions: list[Decision], text: str, ctx: _Ctx) -> None:
    """"… X undersøger … Der tilbagemeldes på næstkommende møde": a sentence that only
    gives a time belongs to the tasks before it."""
    if not any(d.actions for d in decisions):
        return
    for sent in _sentences(" ".join(text.split())):
        due, due_text, approx = due_of(sent, ctx.doc.meeting_date, ctx.next_meeting)
        if not due_text or _action_sentences(sent, ctx.people) and not sent.lower().startswith("der "):
            continue
        for d in decisions:
            for a in d.actions:
                if a.due_text is None and a.text in text and text.find(a.text) < text.find(sent):
                    a.due, a.due_text, a.approximate = due, due_text, approx
            if d.actions and d.due is None:
                d.due = next((a.due for a in d.actions if a.due), None)


def _prior_body(label: str) -> str | None:
    m = re.match(r"^beslutning\s+i\s+(?P<b>.+?)\s+den\b", label, re.IGNORECASE)
    if m:
        return m.group("b").strip()
    m = re.match(r"^(?P<b>.+?)s\s+beslutning\b", label, re.IGNORECASE)
    if m:
        return m.group("b").strip()
    return None


def next_meeting_date(doc: Document) -> str | None:
    """"Næste møde: 14. september 2021", "Næste møde afholdes den 2. december": the date of
    the forum's next meeting, when the minutes give it (and it lies after this one)."""
    year = int(doc.meeting_date[:4]) if doc.meeting_date else None
    texts = [it.title for it in doc.items] + [s.text for it in doc.items for s in it.sections] + [s.text for s in doc.sections]
    for text in texts:
        for m in NEXT_MEETING_DATE_FOLDED.finditer(fold(text)):
            for d in dates.find_dates(text[m.end(): m.end() + NEXT_MEETING_DATE_REACH], year):
                iso = d.date.isoformat()
                if not doc.meeting_date or iso > doc.meeting_date:
                    return iso
    return None


def classify_decisions(doc: Document) -> None:
    agenda_only = doc.doc_type == "dagsorden"
    next_meeting = next_meeting_date(doc)
    people = frozenset(
        n for p in doc.participants for n in (p.name.casefold(), p.name.split()[0].casefold()) if p.name.strip())
    labelled_actions = any(
        ENGLISH_ACTION.match(p.strip()) for it in doc.items for s in it.sections for p in s.text.split("\n")
    )
    # an explicit "Referat:" label counts as the outcome when the document uses labels
    labelled_doc = any(s.kind in DECISION_KINDS for it in doc.items for s in it.sections) or any(
        s.kind == "minutes" and MINUTES_OF_ITEM.match(s.label) for it in doc.items for s in it.sections
    )
    for item in doc.items:
        structured = any(
            s.kind in DECISION_KINDS or (s.kind == "minutes" and OUTCOME_LABELS.match(s.label) and s.label.lower() != "referat")
            or s.kind == "prior_decision"
            for s in item.sections
        )
        ctx = _Ctx(
            doc=doc, item=item,
            next_meeting_item=bool(NEXT_MEETING_RE.search(item.title)),
            report=doc.doc_type in ("aarsrapport", "notat"),
            structured=structured or (labelled_doc and any(s.label.lower() == "referat" for s in item.sections)),
        )
        ctx.agenda = agenda_only
        ctx.labelled_actions = labelled_actions
        ctx.next_meeting = next_meeting
        ctx.people = people
        decisions: list[Decision] = []
        for sec in item.sections:
            if agenda_only and sec.kind not in ("prior_decision", "proposal", "body", "minutes", "other"):
                continue
            decisions.extend(_decisions_from_section(sec, ctx))
        _assign_responsible(item, decisions, ctx)
        # the title itself may carry the outcome in compact minutes ("3. Regnskab – godkendt")
        item.decisions = _dedupe(decisions)


# What leads a deadline in an owner column ("Inden 1. april 2025", "Frist: 1/3").
DUE_LEAD = re.compile(r"^(?:inden|senest|før|frist|deadline|by|due)\b[\s:.]*", re.IGNORECASE)
# ... or ending the owner's line when the cell's lines ran together ("Trine Bach Inden 1. april")
DUE_TRAIL = re.compile(r"[\s,;]*\b(?:inden|senest|før|frist|deadline|by|due)\b[\s:.]*$", re.IGNORECASE)


def _assign_responsible(item: Item, decisions: list[Decision], ctx: _Ctx) -> None:
    """"Ansvarlig/frist: Trine Bach, inden 1. april 2025" (a table column, or labels under the
    decision): the owner and due date of the item's tasks that name none - its actions, else
    what stays open, else its last decision."""
    texts = [s.text for s in item.sections if s.kind == "responsible" and s.text.strip()]
    if not texts:
        return
    year = int(ctx.doc.meeting_date[:4]) if ctx.doc.meeting_date else None
    owner = due = due_text = None
    for line in (ln.strip(" .;,") for t in texts for ln in re.split(r"\n|[;,]\s+", t)):
        if not line:
            continue
        found = dates.find_dates(line, year)
        if found:
            due = due or found[0].date.isoformat()
            due_text = due_text or line
            line = (line[: found[0].start] + line[found[0].end:]).strip(" .,;:")
        line = DUE_TRAIL.sub("", DUE_LEAD.sub("", line)).strip(" .,;:")
        if line and owner is None and re.search(r"[A-Za-zÆØÅæøå]{2}", line):
            owner = line
    own = [d for d in decisions if d.kind == "decision" and d.status != "none"]
    targets = ([d for d in own if d.status == "action" and not d.owner]
               or [d for d in own if d.status in ("postponed", "referred") and not d.owner] or own[-1:])
    for d in targets:
        d.owner = d.owner or owner
        if not d.actions:
            d.actions.append(Action(text=d.text, owner=owner, due=due, due_text=due_text))
        for a in d.actions:
            a.owner = a.owner or owner
            if a.due is None and due:
                a.due, a.due_text = due, due_text
        d.due = d.due or due


def _dedupe(decisions: list[Decision]) -> list[Decision]:
    seen: set[tuple[str, str]] = set()
    out = []
    for d in decisions:
        key = (d.kind, " ".join(d.text.split()).casefold())
        if key in seen or not d.text.strip():
            continue
        seen.add(key)
        out.append(d)
    return out


# --------------------------------------------------------------------------- participants

PARTY = re.compile(r"\((?P<party>[A-ZÆØÅ]{1,3}|[A-ZÆØÅ][a-zæøå]{1,3}\.?)\)")
NAME_SPLIT = re.compile(r"\s+[-–—]\s+|\s*\(|,\s+|\s+\|\s+|\t")
CELL_SPLIT = re.compile(r"\s*\t\s*|\s+\|\s+")
# The cells of a table row in place, empty ones too ("Ida Rask |  | formand").
CELL_PLACES = re.compile(r"\s*\|\s*")
EMAIL = re.compile(r"<?[\w.+\-]+@[\w\-]+\.[\w.\-]+>?")
NOT_A_NAME = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in vocab.NOT_A_NAME_WORDS) + r")\b", re.IGNORECASE)
ROLE_SUFFIX_RE = re.compile(r"^[a-zæøåéöä\-]+(?:" + "|".join(vocab.ROLE_SUFFIXES) + r")$")
ABSENT_WORD = re.compile(r"^(?:" + "|".join(vocab.ABSENT_MARKERS) + r")\.?$", re.IGNORECASE)
ABSENCE_REASON = re.compile(r"^(?:" + "|".join(vocab.ABSENCE_REASONS) + r")\.?$", re.IGNORECASE)
FROM_BODY = re.compile(rf"^(?:{vocab.FROM_BODY_LABEL})$", re.IGNORECASE)
BULLET_PREFIX = re.compile(r"^(?:[•●○▪■◦‣∙·\-–—*]|\(?[a-z]\)|\d{1,2}[.)])\s*")
HONORIFIC_RE = re.compile(
    r"^(?P<title>" + "|".join(re.escape(h) for h in sorted(set(vocab.HONORIFICS), key=len, reverse=True))
    + r")\s+(?=[A-ZÆØÅ][\wæøåÆØÅ\-]+\s+[A-ZÆØÅ])", re.IGNORECASE)
PEOPLE_SEPARATORS = re.compile(r"\s*,\s*|\s+(?:og|and|samt|och|&)\s+")
COLLECTIVE = re.compile(r"^(?:" + "|".join(vocab.COLLECTIVE_WORDS) + r")\b", re.IGNORECASE)
EXCEPT = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in vocab.EXCEPT_WORDS) + r")\b\s*",
                    re.IGNORECASE)


def _looks_like_name(s: str) -> bool:
    s = s.strip()
    if not s or len(s) > 60 or re.search(r"\d", s):
        return False
    toks = s.split()
    if not 1 <= len(toks) <= 6:
        return False
    caps = sum(1 for t in toks if t[:1].isupper())
    return caps >= max(1, len(toks) - 2) and not NOT_A_NAME.search(s)


def _split_multi(line: str) -> list[str]:
    """"Jesper Mathiesen (A) Ole Bjerregaard (V)" — two members on one line (a two-column
    member list read row by row)."""
    parts = re.split(r"(?<=\))\s+(?=[A-ZÆØÅ][a-zæøå])", line)
    return parts if len(parts) > 1 and all(PARTY.search(p) for p in parts) else [line]


def _outside_brackets(text: str, pattern: re.Pattern[str]) -> list[str]:
    """``text`` split at ``pattern``, except inside (…)."""
    out, depth, last, pos = [], 0, 0, 0
    while pos < len(text):
        ch = text[pos]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            m = pattern.match(text, pos)
            if m and m.end() > pos:
                out.append(text[last:pos])
                last = pos = m.end()
                continue
        pos += 1
    out.append(text[last:])
    return [p.strip() for p in out if p.strip()]


def _is_role(part: str) -> bool:
    p = part.strip(" .")
    if not p:
        return False
    return bool(ROLE_RE.fullmatch(p) or ROLE_RE.match(p) and len(p.split()) <= 4 or ROLE_SUFFIX_RE.match(p))


def _people_inline(text: str) -> list[str]:
    """One line naming several people: "A (X), B (Y) og C", "A, Org (formand); B, Org".

    With semicolons each part is one person ("name, organisation"); otherwise commas and "og"
    separate people, and a part that is no name is the organisation of the person before it."""
    if ";" in text:
        return _outside_brackets(text, re.compile(r"\s*;\s*"))
    out: list[str] = []
    for part in _outside_brackets(text, PEOPLE_SEPARATORS):
        name = re.split(r"\s*\(", part, maxsplit=1)[0]
        # "David Bryant, Secretary (note taker)": a role after a comma is the person's
        if out and (not _looks_like_name(name) or _is_role(name)):
            out[-1] = f"{out[-1]}, {part}"
        else:
            out.append(part)
    return out


def _column_header(cells: list[str]) -> list[str] | None:
    fields = [vocab.PARTICIPANT_COLUMNS.get(c.strip(" :.*").casefold()) for c in cells]
    if len(cells) >= 2 and all(fields) and "name" in fields:
        return [f for f in fields if f]
    return None


def _person_from_cells(cells: list[str], columns: list[str] | None, org: str | None, role: str,
                       absent_all: bool) -> Participant | None:
    cols = columns or ["name", "organisation"] + ["other"] * (len(cells) - 2)
    values: dict[str, str] = {}
    for field_, cell in zip(cols, cells, strict=False):
        cell = EMAIL.sub("", cell).strip(" ,;")
        if cell and field_ not in values:
            values[field_] = cell
    name = values.get("name", "")
    if not name:
        return None
    p = _parse_person(name, org, role, absent_all)
    if p is None:
        return None
    if values.get("organisation") and not _is_role(values["organisation"]):
        p.organisation = values["organisation"]
    elif values.get("organisation"):
        p.role = p.role or values["organisation"].lower()
    if values.get("role"):
        p.role = p.role or values["role"]
    att = values.get("attendance", "")
    if att and (ABSENT_WORD.match(att) or att.strip().casefold() in ("nej", "no", "-", "÷")):
        p.absent = True
    return p


def parse_participants(section: Section) -> list[Participant]:
    lab = participant_label(section.label) if section.label else None
    role = lab[1] if lab else "present"
    absent_all = role == "absent"
    fm = FROM_BODY.match(section.label.strip()) if section.label else None
    group_org: str | None = fm.group("org") if fm else None
    org = group_org
    columns: list[str] | None = None
    out: list[Participant] = []
    lines = [ln.strip() for ln in section.text.split("\n") if ln.strip()]
    for raw in lines:
        bare = line = BULLET_PREFIX.sub("", raw, count=1).strip()
        cells = [c for c in CELL_SPLIT.split(line) if EMAIL.sub("", c).strip(" ;,.")]
        line = EMAIL.sub("", line).strip(" ;,.")
        line = re.sub(r"[;,]?\s*\bog$", "", line).strip()
        if not line:
            continue
        if line.endswith(":") and len(line) < 60:
            org = line[:-1].strip()
            continue
        if len(cells) >= 2 or len(CELL_SPLIT.split(raw)) >= 2 and cells:
            header = _column_header(cells)
            if header:
                columns = header
                continue
            if columns is None and all(PARTY.search(c) for c in cells):
                # "Jesper Mathiesen (A) <gap> Ole Bjerregaard (V)": a member list in two columns
                out.extend(p for c in cells if (p := _parse_person(c, org, role, absent_all)))
                continue
            if columns is not None and "|" in raw:
                # under a header, a cell's column says what it is: empty cells keep their place
                cells = CELL_PLACES.split(bare)
            p = _person_from_cells(cells, columns, org, role, absent_all)
            if p:
                out.append(p)
            continue
        if COLLECTIVE.match(line):
            out.extend(_missing_from_all(line, org))
            continue
        several = _people_inline(line)
        if len(lines) > 1 and any(re.search(r"\s[-–—]\s", x) for x in several):
            several = [line]  # one person per line, with a job description after the dash
        if len(several) == 1:
            several = _split_multi(line)
        for part in several:
            p = _parse_person(part, org, role, absent_all)
            if p:
                out.append(p)
    return out


def _missing_from_all(line: str, org: str | None) -> list[Participant]:
    """"Alle" names no one; "Alle pånær Kristian", "Alle (Ingen Kristian - meldt)" name the
    ones away."""
    m = EXCEPT.search(line, COLLECTIVE.match(line).end())  # type: ignore[union-attr]
    if m is None:
        return []
    rest = re.split(r"[)\]]|\s[-–—]\s", line[m.end():], maxsplit=1)[0]
    out = []
    for part in PEOPLE_SEPARATORS.split(rest):
        p = _parse_person(part.strip(" .("), org, "absent", True)
        if p:
            out.append(p)
    return out


def _parse_person(line: str, org: str | None, role: str, absent_all: bool) -> Participant | None:
    """"Hanne Bjerre, Fjordby Kommune (formand)", "Jytte Balle (formand, DH Fjordby)",
    "Maj Skårhøj – Klinikchef i … (Medformand) - mødeleder", "Jonas Friis (afbud)"."""
    absent = absent_all or bool(ABSENT_RE.search(line))
    line_wo = ABSENT_RE.sub("", line).strip(" -–,")
    title = HONORIFIC_RE.match(line_wo)
    if title:
        line_wo = line_wo[title.end():]  # "Borgmester Anders Lykke": the title is no name
    name = NAME_SPLIT.split(line_wo, maxsplit=1)[0].strip().strip(".")
    if not _looks_like_name(name):
        return None
    rest = line_wo[len(name):].strip()
    role_word: str | None = None
    organisation: str | None = None
    # bracketed parts: roles, a party letter, an organisation, "afbud"
    for inner in re.findall(r"\(([^()]*)\)", rest):
        org_parts: list[str] = []
        for part in (x.strip() for x in inner.split(",")):
            if not part:
                continue
            if ABSENT_WORD.match(part):
                absent = True
            elif ABSENCE_REASON.match(part):
                absent = absent or role == "absent"  # a reason for being away, no organisation
            elif _is_role(part):
                if role_word is None:
                    rm = ROLE_RE.search(part)
                    role_word = rm.group(0).lower() if rm and rm.group(0).casefold() == part.casefold() else part if ROLE_SUFFIX_RE.match(part) else (rm.group(0).lower() if rm else part)
            elif organisation is None and not re.search(r"\b(?:for|i|hos|af)\b", part):
                org_parts.append(part)
        if org_parts and organisation is None:
            organisation = ", ".join(org_parts)
    # "name, organisation": the part after a comma (not a dash-led job description)
    m = re.match(r"^,\s*(?P<org>[^,(]+)", rest)
    if m and organisation is None:
        cand = m.group("org").strip(" .")
        if _is_role(cand):
            role_word = role_word or cand.lower()
        elif cand:
            organisation = cand
    if role_word is None:
        rm = ROLE_RE.search(re.sub(r"\([^()]*\)", " ", rest)) or ROLE_RE.search(rest)
        if rm:
            role_word = rm.group(0).lower()
        elif role in ("referent", "chair"):
            role_word = role
    if role_word is None and title:
        role_word = title.group("title").lower()
    return Participant(name=name, organisation=organisation or org, role=role_word, absent=absent)


def _resolve_org(org: str | None, forum: str | None) -> str | None:
    """"Fra udvalget deltog:" in the minutes of Børne- og Skoleudvalget: "udvalget" is the forum."""
    if not org or not forum:
        return org
    o, f = org.casefold(), forum.casefold()
    if len(o.split()) == 1 and o in vocab.BODY_WORDS and f.endswith(o):
        return forum
    return org


def classify_participants(doc: Document) -> None:
    people: list[Participant] = []
    for sec in doc.sections:
        if sec.kind == "participants":
            people.extend(parse_participants(sec))
    for p in people:
        p.organisation = _resolve_org(p.organisation, doc.forum)
    people.extend(_elected(doc))
    seen: dict[str, Participant] = {}
    for p in people:
        key = p.name.casefold()
        if key in seen:
            q = seen[key]
            q.absent = q.absent or p.absent
            q.organisation = q.organisation or p.organisation
            q.role = _merged_role(q.role, p.role)
            continue
        seen[key] = p
    doc.participants = list(seen.values())
    # a count under a participant label ("Fremmødte: 41 medlemmer") is read with its label
    text = "\n".join(f"{s.label}: {s.text}" if s.kind == "participants" else s.text
                     for s in doc.sections[:3]) + "\n" + "\n".join(
        s.text for it in doc.items[:2] for s in it.sections[:2]
    )
    for pat in HEAD_COUNT_RES:
        m = pat.search(text)
        if m:
            doc.attendance_count = sum(int(x) for x in re.findall(r"\d+", m.group("n")))
            break


def _merged_role(first: str | None, second: str | None) -> str | None:
    """A person listed twice with two functions has both ("projektleder" among the members,
    then "Referent: Morten Aalund"): "projektleder, referent"."""
    if not first or not second:
        return first or second
    have = [r.strip().casefold() for r in first.split(",")]
    if second.casefold() in have or second.casefold() in ("referent", "chair") and _role_says(first, second):
        return first
    return f"{first}, {second}"


def _role_says(role: str, label_role: str) -> bool:
    """Does a written role already name the function a list label gave ("mødeleder" is chair)?"""
    words = {"chair": ("mødeleder", "ordstyrer", "dirigent", "formand", "chair", "ordförande"),
             "referent": ("referent", "sekretær", "scribe", "secretary")}[label_role.casefold()]
    return any(w in role.casefold() for w in words)


def _elected(doc: Document) -> list[Participant]:
    """The chair and minute-taker a general assembly elects are there in that role."""
    out: list[Participant] = []
    for it in doc.items[:ELECTION_ITEMS]:
        for sec in it.sections:
            for para in sec.text.split("\n"):
                for pat in ELECTION_RES:
                    for m in pat.finditer(_strip_marker(para)):
                        if _looks_like_name(m.group("name")) and m.group("name").casefold() not in NOT_OWNERS:
                            out.append(Participant(name=m.group("name").strip(), role=m.group("role").lower()))
    return out


# --------------------------------------------------------------------------- attachments

ATTACHED_SENTENCE_FOLDED = folded(
    r"(?:som\s+bilag\s+(?:til\s+\w+\s+)?er\s+der\s+vedlagt|vedlagt\s+er|vedlægges|bilag\s+vedlagt:?)\s+(?P<titles>.+)$",
)
# What every phrase above and below says ("vedlagt", "vedlægges"), looked for first.
ATTACHED_WORD = "vedl"
THESE_ATTACHED = re.compile(r"^(?:disse|den|det|de|dette|denne)\s+(?:er|blev)\s+vedlagt(?:\s+som\s+bilag)?", re.IGNORECASE)
# "Formandsberetningen 2022 af … er særskilt vedlagt", "Beretning blev godkendt og er vedlagt som bilag"
SUBJECT_ATTACHED = re.compile(
    r"^(?P<title>[A-ZÆØÅ][^.;:]{2,100}?)\s+(?:blev\s+\w+\s+og\s+)?(?:er|blev)\s+(?:særskilt\s+|hermed\s+)?vedlagt(?:\s+som\s+bilag)?\b",
)
ATTACHMENT_PREFIX = re.compile(
    r"^(?:[•●○▪■◦‣∙·\-–—*]\s*|\d{1,2}[.)]\s*|bilag\s*\d*\s*[:.\-–]\s*|\d+\s+(?:åben|lukket)\s+|\d{4}-\d{3,}\s*[-–]\s*)+",
    re.IGNORECASE,
)


def _attachment_titles(item: Item) -> list[str]:
    titles: list[str] = []
    for sec in item.sections:
        paras = [p.strip() for p in sec.text.split("\n") if p.strip()]
        if sec.kind == "attachments":
            for k, p in enumerate(paras):
                t = ATTACHMENT_PREFIX.sub("", p).strip()
                if k + 1 < len(paras) and _wraps_into_file_name(p, paras[k + 1]):
                    paras[k + 1] = f"{t} {paras[k + 1]}"  # "Kapacitetsoversigt" / "2021.xlsx"
                    continue
                if t and len(t) < 300:
                    titles.append(t)
            continue
        for k, p in enumerate(paras):
            if ATTACHMENT_FILE_RE.search(p) and len(p) < 250:
                prev = paras[k - 1] if k else ""
                t = p
                if prev and len(prev) < 60 and not re.search(r"[.:;!?]$", prev) and len(p) < 40:
                    t = f"{prev} {p}"
                titles.append(t)
                continue
            if ATTACHED_WORD not in fold(p):
                continue  # no sentence of it says that something is attached
            sents = _sentences(p)
            for j, s in enumerate(sents):
                m = ATTACHED_SENTENCE_FOLDED.search(fold(s))
                if m:
                    for t in re.split(r"\s+samt\s+|,\s+|;\s*", s[m.start("titles"):m.end("titles")]):
                        if t.strip():
                            titles.append(t.strip())
                elif THESE_ATTACHED.match(s) and j > 0:
                    titles.append(sents[j - 1])
                elif (sm := SUBJECT_ATTACHED.match(s)) and not THESE_ATTACHED.match(s):
                    titles.append(sm.group("title").strip())
    out: list[str] = []
    for t in titles:
        if t not in out:
            out.append(t)
    return out


def _wraps_into_file_name(line: str, nxt: str) -> bool:
    """A title broken before its file name's last word: the next line ends the file name."""
    return (
        not ATTACHMENT_FILE_RE.search(line) and ATTACHMENT_FILE_RE.search(nxt) is not None
        and not re.search(r"[.:;!?]$", line.strip()) and len(line) < 60 and len(nxt.split()) <= 3
    )


def classify_attachments(doc: Document) -> None:
    for item in doc.items:
        item.attachments = [Attachment(title=t) for t in _attachment_titles(item)]


# --------------------------------------------------------------------------- entry point


def classify(doc: Document) -> Document:
    classify_participants(doc)
    classify_decisions(doc)
    classify_attachments(doc)
    if doc.doc_type == "other" and any(d.kind == "decision" for it in doc.items for d in it.decisions):
        doc.doc_type = "referat"
    assign_decision_ids(doc)
    return doc
