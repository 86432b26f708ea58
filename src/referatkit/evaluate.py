"""``make eval``: score the pipeline against hand-made ground truth.

Every folder under ``fixtures/`` (and, when present, ``../shared/samples/``) that holds an
``expected.json`` is one document; every ``.txt``/``.docx``/``.pdf``/``.md`` beside it is one
rendering of it. Ground truth for documents that are not ours to copy (the real-world corpus)
lives outside the repository: ``--extra DIR`` or ``$REFERATKIT_EVAL_EXTRA`` (folders, separated
by ``os.pathsep``) hold ``*.json`` files of the same format with a top-level ``document``: the
file they describe, absolute or relative to the truth file or to ``../shared/corpus/realworld``.
An extra folder may also hold document folders laid out like ``fixtures/`` (renderings beside an
``expected.json``, e.g. a blind set kept out of the repository until it is measured); a folder
of only those is reported under its own name. Absent folders are skipped with a note. Each rendering goes through :func:`referatkit.pipeline.parse_file` and
:meth:`referatkit.model.Document.export`, and is compared with the expected JSON.

Usage::

    python -m referatkit.evaluate                   # table per document x format + aggregates
    python -m referatkit.evaluate -v --only inline  # every miss of the matching documents
    python -m referatkit.evaluate --format json     # for machines
    python -m referatkit.evaluate --min-f1 0.98     # exit 1 when overall items F1 is lower
    REFERATKIT_EVAL_EXTRA=/work/notes/corpus-truth make eval   # also the corpus truth

Eval is a measurement, not a gate: it exits 0 whatever the scores, 2 on a usage error, and 1
only when a ``--min-*`` threshold is given and missed.

The expected JSON (format of ``../shared/samples/*/expected.json``)::

    doc_type, forum, meeting_date (YYYY-MM-DD | null),
    items [{number, title}], decisions [{item, text_contains, status}],
    actions [{item, owner, text_contains}], participants [{name, organisation, absent}],
    attachments [{item, title_contains}], notes

Optional keys (additive; scored only where present):

* ``meetings``: a list of the objects above (without ``notes``) for a file that holds several
  meetings; meeting *i* is compared with the *i*-th Document of ``parse_file`` (part *i*).
* items ``closed`` (bool); decisions ``body`` (the deciding body where written,
  "Styregruppen besluttede"); actions ``due`` (YYYY-MM-DD); participants ``role``;
  ``language``; ``attendance_count`` (int, "Der var mødt 44 personer");
  ``proposals`` / ``prior_decisions`` ``[{item, text_contains}]`` (found in the export's
  ``proposals`` / ``prior_decisions`` of that item); ``must_not_appear`` (strings such as CPR
  numbers that no field of the export may contain: reported as leaks).

Scoring (see the functions below): items by normalised number AND title (P/R/F1; empty
expected and empty result = 1.0); date and doc_type right/wrong; forum by rapidfuzz ratio >= 90
after casefold; an expected decision is found when a decision of an item with the same number
contains ``text_contains`` (whitespace collapsed, line-end hyphenation joined, casefold), status
accuracy over the found ones, extracted decisions that match nothing are counted as extra;
action owners compare with the decision's owner or one of its actions' owners; participants by
name (casefold, whitespace), then absent flag and organisation; attachments by
``title_contains`` within the item.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DOC_TYPES = ("referat", "dagsorden", "dagsorden+referat", "notat", "aarsrapport", "other")
STATUSES = ("approved", "noted", "postponed", "rejected", "referred", "action", "none")
FORMAT_ORDER = ("txt", "docx", "pdf", "md")
FORUM_THRESHOLD = 90.0

# ---------------------------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------------------------

# Words after which a line-end hyphen is the Danish suspended hyphen ("social- og sundhed").
_SUSPENDED_NEXT = {"og", "eller", "samt", "el", "el.", "&", "and", "or", "til", "som"}
_LINE_END_HYPHEN = re.compile(r"(\S)-[ \t]*\r?\n\s*(\S+)")
_WS = re.compile(r"\s+")
_TRAILING_PUNCT = " \t:.…;,"


def join_hyphenation(text: str) -> str:
    """Undo line-end hyphenation the way a reader of the page would.

    ``beskæftigelses-⏎området`` → ``beskæftigelsesområdet`` (lower case on both sides);
    ``F-⏎ACT``, ``2021-⏎22``, ``KKR-⏎regi`` keep the hyphen (digit or capital before or
    after); ``social-⏎og`` is a suspended hyphen: ``social- og``.
    """

    def repl(m: re.Match[str]) -> str:
        before, word = m.group(1), m.group(2)
        if word.lower().rstrip(",;:") in _SUSPENDED_NEXT:
            return f"{before}- {word}"
        if before.isalpha() and before.islower() and word[0].isalpha() and word[0].islower():
            return f"{before}{word}"
        return f"{before}-{word}"

    return _LINE_END_HYPHEN.sub(repl, text)


def norm_text(text: str | None, *, hyphenation: bool = True) -> str:
    """Whitespace collapsed, line-end hyphenation joined (unless ``hyphenation`` is false)."""
    if not text:
        return ""
    if hyphenation:
        text = join_hyphenation(text)
    return _WS.sub(" ", text).strip()


def norm_title(title: str | None, *, hyphenation: bool = True) -> str:
    """A title for comparison: :func:`norm_text` and no trailing ``:`` ``.`` ``…`` etc."""
    return norm_text(title, hyphenation=hyphenation).rstrip(_TRAILING_PUNCT)


def norm_number(number: Any) -> str:
    """``"4B)"`` → ``"4B"``, ``"1."`` → ``"1"``, ``"01"`` → ``"1"``, None → ``""``."""
    if number is None:
        return ""
    s = _WS.sub("", str(number)).rstrip(".):-–").upper()
    if s.isdigit():
        s = str(int(s))
    return s


def norm_name(name: str | None) -> str:
    return _WS.sub(" ", name or "").strip().casefold()


# Role words that name the same function: a role matches when the expected role is contained in
# the extracted one, or when both name a function of the same group (the pipeline may
# normalise "Ordstyrer:" to "chair").
ROLE_GROUPS: tuple[tuple[str, ...], ...] = (
    ("chair", "formand", "mødeleder", "ordstyrer", "dirigent"),
    ("referent", "scribe", "sekretær", "secretary", "minute taker"),
)


def _role_groups(role: str) -> set[int]:
    r = norm_name(role)
    return {i for i, words in enumerate(ROLE_GROUPS)
            if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", r) for w in words)}


def role_matches(expected: str | None, actual: str | None) -> bool:
    e, a = norm_name(expected), norm_name(actual)
    if not e:
        return True
    if not a:
        return False
    whole_word = re.search(rf"(?<!\w){re.escape(e)}(?!\w)", a) is not None
    return whole_word or bool(_role_groups(e) & _role_groups(a))


def contains(haystack: str | None, needle: str | None, *, hyphenation: bool = True) -> bool:
    n = norm_text(needle, hyphenation=hyphenation).casefold()
    return bool(n) and n in norm_text(haystack, hyphenation=hyphenation).casefold()


def forum_ratio(expected: str | None, actual: str | None) -> float:
    """rapidfuzz ratio (0-100) of the two forum names after casefold; both empty = 100."""
    from rapidfuzz import fuzz

    e, a = norm_name(expected), norm_name(actual)
    if not e and not a:
        return 100.0
    if not e or not a:
        return 0.0
    return float(fuzz.ratio(e, a))


# ---------------------------------------------------------------------------------------------
# Validation of expected JSON
# ---------------------------------------------------------------------------------------------

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MEETING_REQUIRED = ("doc_type", "forum", "meeting_date", "items", "decisions", "actions",
                     "participants", "attachments")
_MEETING_OPTIONAL = ("language", "attendance_count", "proposals", "prior_decisions",
                     "must_not_appear")
_TOP_OPTIONAL = ("notes", "seed", "document")


def validate_expected(data: Any) -> list[str]:
    """Problems with an expected JSON (empty when it is valid)."""
    errs: list[str] = []
    if not isinstance(data, dict):
        return ["top level is not an object"]
    if "meetings" in data:
        extra = set(data) - {"meetings", *_TOP_OPTIONAL}
        if extra:
            errs.append(f"keys beside 'meetings': {sorted(extra)}")
        meetings = data["meetings"]
        if not isinstance(meetings, list) or not meetings:
            return errs + ["'meetings' must be a non-empty list"]
        for i, m in enumerate(meetings):
            errs += [f"meetings[{i}]: {e}" for e in _validate_meeting(m, top=False)]
    else:
        errs += _validate_meeting(data, top=True)
    if "notes" in data and not isinstance(data["notes"], str):
        errs.append("notes must be a string")
    if "document" in data and not (isinstance(data["document"], str) and data["document"].strip()):
        errs.append("document must be a non-empty path")
    return errs


def _validate_meeting(m: Any, *, top: bool) -> list[str]:
    if not isinstance(m, dict):
        return ["not an object"]
    errs: list[str] = []
    allowed = set(_MEETING_REQUIRED) | set(_MEETING_OPTIONAL) | (set(_TOP_OPTIONAL) if top else set())
    for k in _MEETING_REQUIRED:
        if k not in m:
            errs.append(f"missing '{k}'")
    for k in set(m) - allowed:
        errs.append(f"unknown key '{k}'")
    if errs:
        return errs
    if m["doc_type"] not in DOC_TYPES:
        errs.append(f"doc_type {m['doc_type']!r} not in {DOC_TYPES}")
    if m["forum"] is not None and not isinstance(m["forum"], str):
        errs.append("forum must be a string or null")
    if m["meeting_date"] is not None and not (
        isinstance(m["meeting_date"], str) and _DATE.match(m["meeting_date"])
    ):
        errs.append(f"meeting_date {m['meeting_date']!r} is not YYYY-MM-DD or null")

    def check_list(key: str, fields: dict[str, tuple[type, ...]], optional: dict[str, tuple[type, ...]]
                   ) -> list[dict[str, Any]]:
        rows = m.get(key)
        if rows is None:
            return []
        if not isinstance(rows, list):
            errs.append(f"{key} is not a list")
            return []
        for i, r in enumerate(rows):
            if not isinstance(r, dict):
                errs.append(f"{key}[{i}] is not an object")
                continue
            for f, types in fields.items():
                if f not in r:
                    errs.append(f"{key}[{i}] missing '{f}'")
                elif not isinstance(r[f], types):
                    errs.append(f"{key}[{i}].{f} has type {type(r[f]).__name__}")
            for f in set(r) - set(fields) - set(optional):
                errs.append(f"{key}[{i}] unknown key '{f}'")
            for f, types in optional.items():
                if f in r and not isinstance(r[f], types):
                    errs.append(f"{key}[{i}].{f} has type {type(r[f]).__name__}")
        return [r for r in rows if isinstance(r, dict)]

    s, n = (str,), (str, type(None))
    items = check_list("items", {"number": n, "title": s}, {"closed": (bool,)})
    decisions = check_list("decisions", {"item": s, "text_contains": s, "status": s},
                           {"body": s})
    actions = check_list("actions", {"item": s, "owner": s, "text_contains": s}, {"due": s})
    check_list("participants", {"name": s, "organisation": n, "absent": (bool,)}, {"role": s})
    attachments = check_list("attachments", {"item": s, "title_contains": s}, {})
    proposals = check_list("proposals", {"item": s, "text_contains": s}, {})
    priors = check_list("prior_decisions", {"item": s, "text_contains": s},
                        {"date": s, "body": s})
    for d in decisions:
        if d.get("status") not in STATUSES:
            errs.append(f"decision status {d.get('status')!r} not in {STATUSES}")
    for a in actions:
        if "due" in a and not _DATE.match(str(a["due"])):
            errs.append(f"action due {a['due']!r} is not YYYY-MM-DD")
    numbers = {norm_number(i.get("number")) for i in items}
    for key, rows in (("decisions", decisions), ("actions", actions),
                      ("attachments", attachments), ("proposals", proposals),
                      ("prior_decisions", priors)):
        for r in rows:
            if norm_number(r.get("item")) not in numbers:
                errs.append(f"{key}: item {r.get('item')!r} is not among the items")
            text = r.get("text_contains", r.get("title_contains"))
            if isinstance(text, str) and not text.strip():
                errs.append(f"{key}: empty text_contains/title_contains")
    if "attendance_count" in m and not isinstance(m["attendance_count"], int):
        errs.append("attendance_count must be an integer")
    if "must_not_appear" in m and not (
        isinstance(m["must_not_appear"], list)
        and all(isinstance(x, str) and x for x in m["must_not_appear"])
    ):
        errs.append("must_not_appear must be a list of non-empty strings")
    if "language" in m and not isinstance(m["language"], str):
        errs.append("language must be a string")
    return errs


def expected_meetings(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The expected meetings of a (valid) expected JSON, in file order."""
    return list(data["meetings"]) if "meetings" in data else [data]


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------


@dataclass
class Ratio:
    num: int = 0
    den: int = 0

    def add(self, other: Ratio) -> None:
        self.num += other.num
        self.den += other.den

    @property
    def value(self) -> float | None:
        return self.num / self.den if self.den else None

    def __str__(self) -> str:
        return f"{self.num}/{self.den}" if self.den else "-"


@dataclass
class Miss:
    kind: str  # date, doc_type, forum, item, item+, decision, status, decision+, owner, ...
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "message": self.message}


# The metrics of a Score, in display order: name -> what num/den count.
METRICS = {
    "doc_type": "right / 1",
    "date": "right / 1",
    "forum": "right / 1",
    "parts": "number of documents right / 1",
    "items_tp": "items matched by number and title / expected items",
    "items_prec": "items matched / extracted items",
    "closed": "closed flag right / matched items",
    "decisions": "expected decisions found / expected",
    "status": "status right / found decisions",
    "body": "deciding body right / found decisions with an expected body",
    "decisions_prec": "extracted decisions matching an expected one / extracted",
    "owners": "action found with the right owner / expected actions",
    "due": "action due date right / expected actions with due",
    "participants": "participants found by name / expected",
    "absent": "absent flag right / found participants",
    "organisation": "organisation right / found participants",
    "role": "role right / found participants with an expected role",
    "attachments": "attachments found / expected",
    "proposals": "proposals found / expected",
    "prior": "prior decisions found / expected",
    "attendance": "attendance_count right / 1",
    "language": "language right / 1 (only when the export has a language)",
    "leaks": "must_not_appear strings found in the export / listed",
    "errors": "files that raised / files",
}


@dataclass
class Score:
    metrics: dict[str, Ratio] = field(default_factory=lambda: {k: Ratio() for k in METRICS})
    misses: list[Miss] = field(default_factory=list)
    forum_ratio: float | None = None

    def __getitem__(self, key: str) -> Ratio:
        return self.metrics[key]

    def __setitem__(self, key: str, value: Ratio) -> None:
        if key not in METRICS:
            raise KeyError(key)
        self.metrics[key] = value

    def add(self, other: Score) -> None:
        for k, r in other.metrics.items():
            self.metrics[k].add(r)

    def miss(self, kind: str, message: str) -> None:
        self.misses.append(Miss(kind, message))

    # derived values ------------------------------------------------------------------------
    def items_prf(self) -> tuple[float, float, float]:
        return prf(self["items_tp"].num, self["items_tp"].den, self["items_prec"].den)

    def to_dict(self) -> dict[str, Any]:
        p, r, f = self.items_prf()
        return {
            "metrics": {k: {"num": v.num, "den": v.den, "value": v.value}
                        for k, v in self.metrics.items()},
            "items": {"precision": p, "recall": r, "f1": f},
            "forum_ratio": self.forum_ratio,
            "misses": [m.to_dict() for m in self.misses],
        }


def prf(tp: int, n_expected: int, n_extracted: int) -> tuple[float, float, float]:
    """Precision, recall, F1. Nothing expected and nothing extracted is a perfect 1.0; nothing
    expected but something extracted has recall 1.0, precision 0.0 and F1 0.0."""
    if n_expected == 0 and n_extracted == 0:
        return 1.0, 1.0, 1.0
    precision = tp / n_extracted if n_extracted else 0.0
    recall = tp / n_expected if n_expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _short(text: str | None, n: int = 70) -> str:
    t = norm_text(text)
    return t if len(t) <= n else t[: n - 1] + "…"


def _items_by_number(actual: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for item in actual.get("items") or []:
        out.setdefault(norm_number(item.get("number")), []).append(item)
    return out


def score_items(expected: dict[str, Any], actual: dict[str, Any], score: Score,
                hyphenation: bool = True) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Match items by normalised number and title; fills items_tp, items_prec, closed.
    Returns the matched (expected, actual) pairs."""
    exp_items = expected.get("items") or []
    act_items = list(actual.get("items") or [])
    used: set[int] = set()
    pairs = []
    for e in exp_items:
        en, et = norm_number(e.get("number")), norm_title(e.get("title"), hyphenation=hyphenation)
        hit = next(
            (i for i, a in enumerate(act_items)
             if i not in used and norm_number(a.get("number")) == en
             and norm_title(a.get("title"), hyphenation=hyphenation) == et),
            None,
        )
        if hit is None:
            score.miss("item", _describe_item_miss(e, act_items, hyphenation))
            continue
        used.add(hit)
        pairs.append((e, act_items[hit]))
        if "closed" in e:
            score["closed"].den += 1
            if bool(act_items[hit].get("closed")) == e["closed"]:
                score["closed"].num += 1
            else:
                score.miss("closed", f"item {e.get('number')} closed expected {e['closed']}, "
                           f"got {bool(act_items[hit].get('closed'))}")
    for i, a in enumerate(act_items):
        if i not in used:
            score.miss("item+", f"extra item {a.get('number')!s} {_short(a.get('title'))!r}")
    score["items_tp"] = Ratio(len(pairs), len(exp_items))
    score["items_prec"] = Ratio(len(pairs), len(act_items))
    return pairs


def _describe_item_miss(e: dict[str, Any], act_items: list[dict[str, Any]],
                        hyphenation: bool) -> str:
    from rapidfuzz import fuzz

    en = norm_number(e.get("number"))
    head = f"item {e.get('number')} {_short(e.get('title'))!r} not found"
    same = [a for a in act_items if norm_number(a.get("number")) == en]
    if same:
        return head + f"; item {same[0].get('number')} has title {_short(same[0].get('title'))!r}"
    et = norm_title(e.get("title"), hyphenation=hyphenation)
    best = max(
        act_items,
        key=lambda a: fuzz.ratio(et, norm_title(a.get("title"), hyphenation=hyphenation)),
        default=None,
    )
    if best is not None and fuzz.ratio(et, norm_title(best.get("title"))) >= 80:
        return head + f"; closest is {best.get('number')!s} {_short(best.get('title'))!r}"
    return head + (f"; got {len(act_items)} items" if act_items else "; no items extracted")


def _decision_texts(d: dict[str, Any]) -> list[str]:
    return [d.get("text") or ""] + [a.get("text") or "" for a in d.get("actions") or []]


def score_decisions(expected: dict[str, Any], actual: dict[str, Any], score: Score,
                    hyphenation: bool = True) -> None:
    """decisions (recall), status (accuracy over found), decisions_prec (extracted that match
    an expected decision of their item)."""
    by_num = _items_by_number(actual)
    exp = expected.get("decisions") or []
    found = status_ok = body_n = body_ok = 0
    for e in exp:
        num = norm_number(e["item"])
        cands = [d for it in by_num.get(num, []) for d in it.get("decisions") or []]
        hits = [d for d in cands if contains(d.get("text"), e["text_contains"],
                                             hyphenation=hyphenation)]
        if not hits:
            score.miss("decision", _describe_decision_miss(e, actual, cands, hyphenation))
            continue
        found += 1
        chosen = next((d for d in hits if d.get("status") == e["status"]), hits[0])
        if chosen.get("status") == e["status"]:
            status_ok += 1
        else:
            score.miss("status", f"[{e['item']}] {_short(e['text_contains'], 50)!r}: expected "
                       f"{e['status']}, got {chosen.get('status')} in {_short(chosen.get('text'))!r}")
        if "body" in e:
            body_n += 1
            if norm_name(chosen.get("body")) == norm_name(e["body"]):
                body_ok += 1
            else:
                score.miss("body", f"[{e['item']}] {_short(e['text_contains'], 50)!r}: deciding "
                           f"body expected {e['body']!r}, got {chosen.get('body')!r}")
    score["decisions"] = Ratio(found, len(exp))
    score["status"] = Ratio(status_ok, found)
    score["body"] = Ratio(body_ok, body_n)

    extracted = matched = 0
    for it in actual.get("items") or []:
        num = norm_number(it.get("number"))
        needles = [e["text_contains"] for e in exp if norm_number(e["item"]) == num]
        for d in it.get("decisions") or []:
            extracted += 1
            if any(contains(d.get("text"), n, hyphenation=hyphenation) for n in needles):
                matched += 1
            else:
                score.miss("decision+", f"[{it.get('number')}] extra decision "
                           f"({d.get('status')}) {_short(d.get('text'))!r}")
    score["decisions_prec"] = Ratio(matched, extracted)


def _describe_decision_miss(e: dict[str, Any], actual: dict[str, Any],
                            cands: list[dict[str, Any]], hyphenation: bool) -> str:
    head = f"[{e['item']}] {e['status']} {_short(e['text_contains'], 60)!r} not found"
    num = norm_number(e["item"])
    items = actual.get("items") or []
    if not any(norm_number(i.get("number")) == num for i in items):
        return head + f"; no item {e['item']} extracted"
    # Somewhere else? (wrong item, or stored as a proposal / prior decision / section text)
    for it in items:
        for key in ("decisions", "proposals", "prior_decisions"):
            for d in it.get(key) or []:
                if contains(d.get("text"), e["text_contains"], hyphenation=hyphenation):
                    if key == "decisions":
                        return head + f"; it is a decision of item {it.get('number')}"
                    if norm_number(it.get("number")) == num:
                        return head + f"; it is among the item's {key}"
                    return head + f"; it is among the {key} of item {it.get('number')}"
    for it in items:
        if norm_number(it.get("number")) == num:
            for s in it.get("sections") or []:
                if contains(s.get("text"), e["text_contains"], hyphenation=hyphenation):
                    return head + f"; the text is in section {s.get('label')!r} ({s.get('kind')})"
    if cands:
        got = "; ".join(f"({d.get('status')}) {_short(d.get('text'), 50)!r}" for d in cands[:4])
        return head + f"; item has: {got}"
    return head + "; item has no decisions and the text is not in its sections"


def score_actions(expected: dict[str, Any], actual: dict[str, Any], score: Score,
                  hyphenation: bool = True) -> None:
    by_num = _items_by_number(actual)
    exp = expected.get("actions") or []
    owners_ok = due_n = due_ok = 0
    for e in exp:
        cands = [d for it in by_num.get(norm_number(e["item"]), []) for d in it.get("decisions") or []]
        holders = [d for d in cands
                   if any(contains(t, e["text_contains"], hyphenation=hyphenation)
                          for t in _decision_texts(d))]
        want = norm_name(e["owner"])
        if not holders:
            score.miss("owner", f"[{e['item']}] action {_short(e['text_contains'], 50)!r} "
                       f"(owner {e['owner']}) not found")
        else:
            owners = [(d.get("owner"), d) for d in holders] + [
                (a.get("owner"), d) for d in holders for a in d.get("actions") or []
            ]
            if any(norm_name(o) == want for o, _ in owners if o):
                owners_ok += 1
            else:
                got = sorted({o for o, _ in owners if o}) or ["none"]
                score.miss("owner", f"[{e['item']}] {_short(e['text_contains'], 50)!r}: owner "
                           f"expected {e['owner']!r}, got {', '.join(map(repr, got))}")
        if "due" in e:
            due_n += 1
            dues = {d.get("due") for d in holders} | {
                a.get("due") for d in holders for a in d.get("actions") or []
            }
            if e["due"] in dues:
                due_ok += 1
            elif holders:
                got = sorted(x for x in dues if x) or ["none"]
                score.miss("due", f"[{e['item']}] {_short(e['text_contains'], 50)!r}: due "
                           f"expected {e['due']}, got {', '.join(got)}")
    score["owners"] = Ratio(owners_ok, len(exp))
    score["due"] = Ratio(due_ok, due_n)


def score_participants(expected: dict[str, Any], actual: dict[str, Any], score: Score) -> None:
    from rapidfuzz import fuzz

    exp = expected.get("participants") or []
    act = actual.get("participants") or []
    by_name: dict[str, dict[str, Any]] = {}
    for p in act:
        by_name.setdefault(norm_name(p.get("name")), p)
    found = absent_ok = org_ok = role_n = role_ok = 0
    for e in exp:
        p = by_name.get(norm_name(e["name"]))
        if p is None:
            best = max(act, key=lambda a: fuzz.ratio(norm_name(e["name"]), norm_name(a.get("name"))),
                       default=None)
            hint = ""
            if best is not None and fuzz.partial_ratio(norm_name(e["name"]),
                                                       norm_name(best.get("name"))) >= 85:
                hint = f"; closest {best.get('name')!r}"
            score.miss("participant", f"{e['name']!r} not found{hint}")
            continue
        found += 1
        if bool(p.get("absent")) == e["absent"]:
            absent_ok += 1
        else:
            score.miss("absent", f"{e['name']!r}: absent expected {e['absent']}, "
                       f"got {bool(p.get('absent'))}")
        if norm_name(p.get("organisation")) == norm_name(e.get("organisation")):
            org_ok += 1
        else:
            score.miss("organisation", f"{e['name']!r}: organisation expected "
                       f"{e.get('organisation')!r}, got {p.get('organisation')!r}")
        if "role" in e:
            role_n += 1
            if role_matches(e["role"], p.get("role")):
                role_ok += 1
            else:
                score.miss("role", f"{e['name']!r}: role expected {e['role']!r}, "
                           f"got {p.get('role')!r}")
    score["participants"] = Ratio(found, len(exp))
    score["absent"] = Ratio(absent_ok, found)
    score["organisation"] = Ratio(org_ok, found)
    score["role"] = Ratio(role_ok, role_n)


def _score_texts(expected: dict[str, Any], actual: dict[str, Any], score: Score, key: str,
                 metric: str, field_: str, hyphenation: bool) -> None:
    """proposals / prior_decisions / attachments: found by text within the item."""
    exp = expected.get(key) or []
    by_num = _items_by_number(actual)
    found = 0
    export_key = {"attachments": "attachments", "proposals": "proposals",
                  "prior_decisions": "prior_decisions"}[key]
    for e in exp:
        texts = []
        for it in by_num.get(norm_number(e["item"]), []):
            for x in it.get(export_key) or []:
                texts.append(x if isinstance(x, str) else (x.get("title") or x.get("text") or ""))
        if any(contains(t, e[field_], hyphenation=hyphenation) for t in texts):
            found += 1
        else:
            got = "; ".join(repr(_short(t, 40)) for t in texts[:3]) or "nothing"
            score.miss(metric, f"[{e['item']}] {_short(e[field_], 60)!r} not found "
                       f"among {key}; item has {got}")
    score[metric] = Ratio(found, len(exp))


def score_meeting(expected: dict[str, Any], actual: dict[str, Any] | None, *,
                  hyphenation: bool = True) -> Score:
    """Compare one expected meeting with one exported Document (None: nothing extracted)."""
    score = Score()
    act = actual or {}
    # doc_type, date, forum
    score["doc_type"] = Ratio(int(act.get("doc_type") == expected["doc_type"]), 1)
    if not score["doc_type"].num:
        score.miss("doc_type", f"expected {expected['doc_type']}, got {act.get('doc_type')}")
    score["date"] = Ratio(int(act.get("meeting_date") == expected["meeting_date"]), 1)
    if not score["date"].num:
        score.miss("date", f"expected {expected['meeting_date']}, got {act.get('meeting_date')}")
    ratio = forum_ratio(expected.get("forum"), act.get("forum"))
    score.forum_ratio = ratio
    score["forum"] = Ratio(int(ratio >= FORUM_THRESHOLD), 1)
    if not score["forum"].num:
        score.miss("forum", f"expected {expected.get('forum')!r}, got {act.get('forum')!r} "
                   f"(ratio {ratio:.0f})")
    if "language" in expected and "language" in act:
        score["language"] = Ratio(int(act.get("language") == expected["language"]), 1)
        if not score["language"].num:
            score.miss("language", f"expected {expected['language']}, got {act.get('language')}")
    if "attendance_count" in expected:
        ok = act.get("attendance_count") == expected["attendance_count"]
        score["attendance"] = Ratio(int(ok), 1)
        if not ok:
            score.miss("attendance", f"expected {expected['attendance_count']}, "
                       f"got {act.get('attendance_count')}")

    score_items(expected, act, score, hyphenation)
    score_decisions(expected, act, score, hyphenation)
    score_actions(expected, act, score, hyphenation)
    score_participants(expected, act, score)
    _score_texts(expected, act, score, "attachments", "attachments", "title_contains", hyphenation)
    _score_texts(expected, act, score, "proposals", "proposals", "text_contains", hyphenation)
    _score_texts(expected, act, score, "prior_decisions", "prior", "text_contains", hyphenation)
    return score


def score_leaks(expected: dict[str, Any], exports: Sequence[dict[str, Any]], score: Score) -> None:
    """``must_not_appear`` strings (from every meeting) anywhere in the exported JSON."""
    banned = [s for m in expected_meetings(expected) for s in m.get("must_not_appear") or []]
    if not banned:
        return
    blob = json.dumps(list(exports), ensure_ascii=False)
    leaked = [s for s in banned if s in blob]
    score["leaks"] = Ratio(len(leaked), len(banned))
    for s in leaked:
        score.miss("leak", f"{s!r} appears in the export")


def score_document(expected: dict[str, Any], exports: Sequence[dict[str, Any]], *,
                   hyphenation: bool = True) -> list[Score]:
    """One Score per expected meeting; part i of the export is compared with meeting i."""
    meetings = expected_meetings(expected)
    scores = []
    for i, m in enumerate(meetings):
        s = score_meeting(m, exports[i] if i < len(exports) else None, hyphenation=hyphenation)
        scores.append(s)
    first = scores[0]
    first["parts"] = Ratio(int(len(exports) == len(meetings)), 1)
    if len(exports) != len(meetings):
        what = ("scored part 0 only" if len(meetings) == 1 and len(exports) > 1
                else "missing meetings scored as empty")
        first.miss("parts", f"expected {len(meetings)} document(s), pipeline returned "
                   f"{len(exports)} ({what})")
    score_leaks(expected, exports, first)
    return scores


# ---------------------------------------------------------------------------------------------
# Running over folders
# ---------------------------------------------------------------------------------------------


@dataclass
class Row:
    source: str  # fixtures | samples | a folder name
    name: str  # document folder name
    fmt: str  # txt | docx | pdf | md
    path: str
    part: int  # meeting index (0 unless the expected JSON has several meetings)
    parts: int  # number of expected meetings
    score: Score
    error: str | None = None
    seconds: float = 0.0

    @property
    def label(self) -> str:
        return f"{self.name}#{self.part + 1}" if self.parts > 1 else self.name

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "name": self.name, "format": self.fmt, "path": self.path,
                "part": self.part, "parts": self.parts, "error": self.error,
                "seconds": round(self.seconds, 3), **self.score.to_dict()}


def find_documents(root: Path) -> list[Path]:
    """Folders under ``root`` (recursively) that hold an expected.json, sorted."""
    return sorted(p.parent for p in root.rglob("expected.json"))


def format_files(folder: Path) -> list[Path]:
    files = [p for p in folder.iterdir() if p.is_file() and p.suffix.lower().lstrip(".") in FORMAT_ORDER]
    return sorted(files, key=lambda p: (FORMAT_ORDER.index(p.suffix.lower().lstrip(".")), p.name))


def parse_exports(path: Path) -> tuple[list[dict[str, Any]], str | None, float]:
    """Run the pipeline on one file: the exports of its Documents (in part order), or the
    one-line error it raised."""
    from referatkit import pipeline

    t0 = time.perf_counter()
    try:
        docs = pipeline.parse_file(path)
        exports = [d.export() for d in sorted(docs, key=lambda d: getattr(d, "part", 0))]
        return exports, None, time.perf_counter() - t0
    except Exception as e:  # noqa: BLE001 - eval measures, it must not stop on one file
        msg = f"{type(e).__name__}: {e}".splitlines()[0] if str(e) else type(e).__name__
        return [], msg[:200], time.perf_counter() - t0


def evaluate_folder(source: str, folder: Path, *, formats: Iterable[str] | None = None,
                    hyphenation: bool = True) -> list[Row]:
    """Rows for one document folder (one per format file and expected meeting)."""
    rows: list[Row] = []
    exp_path = folder / "expected.json"
    try:
        expected = json.loads(exp_path.read_text(encoding="utf-8"))
        problems = validate_expected(expected)
    except (OSError, ValueError) as e:
        expected, problems = None, [str(e)]
    if problems or expected is None:
        bad = Score()
        bad["errors"] = Ratio(1, 1)
        rows.append(Row(source, folder.name, "-", str(exp_path), 0, 1, bad,
                        error=f"bad expected.json: {problems[0]}"))
        return rows
    wanted = set(formats) if formats else None
    meetings = expected_meetings(expected)
    for path in format_files(folder):
        fmt = path.suffix.lower().lstrip(".")
        if wanted is not None and fmt not in wanted:
            continue
        exports, error, secs = parse_exports(path)
        scores = score_document(expected, exports, hyphenation=hyphenation)
        if error:
            scores[0].misses.insert(0, Miss("error", error))
        scores[0]["errors"] = Ratio(int(error is not None), 1)
        for i, s in enumerate(scores):
            rows.append(Row(source, folder.name, fmt, str(path), i, len(meetings), s, error, secs))
    return rows


def find_truths(root: Path) -> list[Path]:
    """The ground-truth files of an extra source: every ``*.json`` under ``root`` (each names
    its ``document``) except the ``expected.json`` of document folders, sorted."""
    return sorted(p for p in root.rglob("*.json") if p.is_file() and p.name != "expected.json")


def resolve_document(truth: Path, document: str) -> Path | None:
    """A truth file's ``document``: absolute, or relative to the truth file's folder, or to
    the shared real-world corpus (``$REFERATKIT_SHARED/corpus/realworld`` or
    ``../shared/corpus/realworld``)."""
    p = Path(document)
    if p.is_absolute():
        return p if p.is_file() else None
    for base in (truth.parent, default_corpus()):
        if (base / p).is_file():
            return base / p
    return None


def truth_format(truth: Path) -> str | None:
    """The format of the document a truth file names (None when it cannot be read)."""
    try:
        doc = json.loads(truth.read_text(encoding="utf-8")).get("document", "")
    except (OSError, ValueError, AttributeError):
        return None
    return Path(str(doc)).suffix.lower().lstrip(".") or None


def evaluate_truth(source: str, truth: Path, *, hyphenation: bool = True) -> list[Row]:
    """Rows for one ground-truth file of an extra source (a document we may not copy, judged
    where it lies)."""
    name = truth.stem
    try:
        expected = json.loads(truth.read_text(encoding="utf-8"))
        problems = validate_expected(expected)
        if not problems and "document" not in expected:
            problems = ["missing 'document' (the file it describes)"]
    except (OSError, ValueError) as e:
        expected, problems = None, [str(e)]
    path = resolve_document(truth, expected["document"]) if not problems and expected else None
    if not problems and path is None:
        problems = [f"document {expected['document']!r} not found"]
    if problems or expected is None or path is None:
        bad = Score()
        bad["errors"] = Ratio(1, 1)
        return [Row(source, name, "-", str(truth), 0, 1, bad, error=f"bad truth: {problems[0]}")]
    meetings = expected_meetings(expected)
    fmt = path.suffix.lower().lstrip(".")
    exports, error, secs = parse_exports(path)
    scores = score_document(expected, exports, hyphenation=hyphenation)
    if error:
        scores[0].misses.insert(0, Miss("error", error))
    scores[0]["errors"] = Ratio(int(error is not None), 1)
    return [Row(source, name, fmt, str(path), i, len(meetings), sc, error, secs)
            for i, sc in enumerate(scores)]


def aggregate(rows: Iterable[Row]) -> Score:
    total = Score()
    for r in rows:
        total.add(r.score)
    return total


# ---------------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------------

_COLUMNS = [
    # header, width, metric or special
    ("type", 4, "doc_type"),
    ("date", 4, "date"),
    ("forum", 5, "forum"),
    ("items P", 7, "items:p"),
    ("R", 4, "items:r"),
    ("F1", 4, "items:f"),
    ("dec", 5, "decisions"),
    ("stat", 5, "status"),
    ("extra", 5, "decisions_prec:extra"),
    ("owner", 5, "owners"),
    ("ppl", 5, "participants"),
    ("abs", 5, "absent"),
    ("org", 5, "organisation"),
    ("att", 5, "attachments"),
]
_EXTRAS = [("closed", "closed"), ("body", "body"), ("due", "due"), ("role", "role"), ("prop", "proposals"),
           ("prior", "prior"), ("count", "attendance"), ("lang", "language")]


def _cell(score: Score, key: str, aggregate_row: bool) -> str:
    if key.startswith("items:"):
        p, r, f = score.items_prf()
        value = {"p": p, "r": r, "f": f}[key[-1]]
        return f"{value:.2f}"
    if key == "decisions_prec:extra":
        r = score["decisions_prec"]
        if aggregate_row:
            return "-" if not r.den else f"{r.num / r.den:.2f}"
        return str(r.den - r.num)
    r = score[key]
    if key in ("doc_type", "date", "forum") and not aggregate_row:
        return "ok" if r.num else "NO"
    if aggregate_row:
        return "-" if not r.den else f"{r.num / r.den:.2f}"
    return str(r)


def _notes(score: Score, error: str | None, aggregate_row: bool) -> str:
    parts = []
    if error:
        parts.append("ERROR " + error)
    if score["parts"].den and score["parts"].num < score["parts"].den and not aggregate_row:
        parts.append("parts NO")
    for label, key in _EXTRAS:
        r = score[key]
        if r.den:
            parts.append(f"{label} {r.num / r.den:.2f}" if aggregate_row else f"{label} {r}")
    if score["leaks"].num:
        parts.append(f"LEAKS {score['leaks'].num}")
    if aggregate_row and score["errors"].num:
        parts.append(f"errors {score['errors'].num}/{score['errors'].den}")
    return "  ".join(parts)


def _line(first: list[tuple[str, int]], cells: list[str]) -> str:
    head = "  ".join(t.ljust(w) for t, w in first)
    body = " ".join(c.rjust(w) for c, (_, w, _) in zip(cells, _COLUMNS, strict=True))
    return f"{head}  {body}"


def render_table(rows: list[Row], aggregates: list[tuple[str, Score]], *, verbose: bool,
                 roots: dict[str, Path] | None = None) -> str:
    """Plain text: one block of rows per source, then the aggregates and a legend."""
    out: list[str] = []
    name_w = max([len(r.label) for r in rows] + [len(a) for a, _ in aggregates] + [8])
    hdr = _line([("document", name_w), ("fmt", 4)], [h for h, _, _ in _COLUMNS]) + "  notes"
    sources = list(dict.fromkeys(r.source for r in rows))
    for source in sources:
        where = f" ({roots[source]})" if roots and source in roots else ""
        out.append(f"{source}{where}")
        out.append(hdr)
        out.append("-" * len(hdr))
        for r in rows:
            if r.source != source:
                continue
            cells = [_cell(r.score, key, False) for _, _, key in _COLUMNS]
            line = _line([(r.label, name_w), (r.fmt, 4)], cells)
            out.append(f"{line}  {_notes(r.score, r.error, False)}".rstrip())
        out.append("")
    out.append("Aggregates (micro-averaged over the rows; in these lines 'extra' is decision "
               "precision)")
    out.append(hdr.replace("document", "scope   ", 1))
    out.append("-" * len(hdr))
    for label, s in aggregates:
        scope, _, fmt = label.partition(" ")
        cells = [_cell(s, key, True) for _, _, key in _COLUMNS]
        line = _line([(scope, name_w), (fmt or "all", 4)], cells)
        out.append(f"{line}  {_notes(s, None, True)}".rstrip())
    out.append("")
    out.append("type/date/forum: ok or NO.  items P/R/F1: matched by number and title.  "
               "dec: decisions found/expected.")
    out.append("stat: status right/found.  extra: extracted decisions that match no expected "
               "one.  owner: action owners right/expected.")
    out.append("ppl: participants found/expected.  abs, org: absent flag, organisation right/"
               "found.  att: attachments found/expected.")
    out.append("notes: closed flags, deciding bodies, action due dates, roles, proposals, prior "
               "decisions, attendance count, leaks (must_not_appear).")
    if verbose:
        out.append("")
        out.append("Misses")
        out.append("======")
        for r in rows:
            if not r.score.misses:
                continue
            out.append("")
            out.append(f"== {r.source}/{r.label} [{r.fmt}]  {r.path}")
            for m in r.score.misses:
                out.append(f"  {m.kind:<12} {m.message}")
    return "\n".join(out) + "\n"


def summary_line(label: str, s: Score) -> str:
    """One pasteable line per scope."""
    p, r, f = s.items_prf()

    def v(key: str) -> str:
        x = s[key].value
        return "-" if x is None else f"{x:.2f}"

    return (f"{label}: items P {p:.2f} R {r:.2f} F1 {f:.2f} | date {v('date')} | type "
            f"{v('doc_type')} | forum {v('forum')} | decisions R {v('decisions')} status "
            f"{v('status')} P {v('decisions_prec')} | owners {v('owners')} | participants R "
            f"{v('participants')} absent {v('absent')} org {v('organisation')} | attachments "
            f"{v('attachments')} | files {s['errors'].den} errors {s['errors'].num}")


# ---------------------------------------------------------------------------------------------
# CLI
# ---------------------------------------------------------------------------------------------

_REPO = Path(__file__).resolve().parents[2]


def default_fixtures() -> Path:
    here = Path.cwd() / "fixtures"
    return here if here.is_dir() else _REPO / "fixtures"


def default_samples() -> Path:
    env = os.environ.get("REFERATKIT_SHARED")
    if env:
        return Path(env) / "samples"
    here = Path.cwd().parent / "shared" / "samples"
    return here if here.is_dir() else _REPO.parent / "shared" / "samples"


def default_corpus() -> Path:
    env = os.environ.get("REFERATKIT_SHARED")
    if env:
        return Path(env) / "corpus" / "realworld"
    here = Path.cwd().parent / "shared" / "corpus" / "realworld"
    return here if here.is_dir() else _REPO.parent / "shared" / "corpus" / "realworld"


# Extra ground truth kept outside the repository (documents that are not ours to copy):
# folders of JSON files, each naming its document; os.pathsep-separated.
EXTRA_ENV = "REFERATKIT_EVAL_EXTRA"


THRESHOLDS = {
    "min_f1": ("items F1", lambda s: s.items_prf()[2]),
    "min_date": ("meeting date accuracy", lambda s: s["date"].value),
    "min_decision_recall": ("decision recall", lambda s: s["decisions"].value),
    "min_status": ("status accuracy", lambda s: s["status"].value),
    "min_owners": ("action owner accuracy", lambda s: s["owners"].value),
    "min_participants": ("participant recall", lambda s: s["participants"].value),
}


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="python -m referatkit.evaluate",
        description="Score extraction against the expected JSON of fixtures/ and ../shared/samples/.",
        epilog="Example: python -m referatkit.evaluate -v --only punkt_blocks --formats docx",
    )
    ap.add_argument("--fixtures", type=Path, metavar="DIR",
                    help="fixture folder (default: ./fixtures or the repository's fixtures/)")
    ap.add_argument("--samples", type=Path, metavar="DIR",
                    help="samples folder (default: $REFERATKIT_SHARED/samples or ../shared/samples; "
                         "skipped when absent)")
    ap.add_argument("--extra", type=Path, action="append", default=[], metavar="DIR",
                    help=f"also score the truth files (*.json, each naming its 'document') and "
                         f"the document folders (expected.json beside the files) in DIR "
                         f"(repeatable; ${EXTRA_ENV} lists more, separated by {os.pathsep!r}; "
                         f"absent folders are skipped)")
    ap.add_argument("--no-fixtures", action="store_true", help="do not score fixtures/")
    ap.add_argument("--no-samples", action="store_true", help="do not score the samples")
    ap.add_argument("--only", action="append", default=[], metavar="NAME",
                    help="only documents whose folder name contains NAME (repeatable)")
    ap.add_argument("--formats", metavar="LIST",
                    help="comma-separated subset of txt,docx,pdf,md")
    ap.add_argument("--format", choices=("table", "json"), default="table", dest="output",
                    help="output format (default table)")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="list every miss (expected item/decision not found, and what was found)")
    ap.add_argument("--strict-text", action="store_true",
                    help="do not join line-end hyphenation when comparing text")
    for opt, (what, _) in THRESHOLDS.items():
        ap.add_argument("--" + opt.replace("_", "-"), type=float, metavar="X",
                        help=f"exit 1 when overall {what} < X")
    return ap


def run(argv: Sequence[str] | None = None) -> int:
    ap = build_parser()
    args = ap.parse_args(argv)
    formats = None
    if args.formats:
        formats = [f.strip().lower().lstrip(".") for f in args.formats.split(",") if f.strip()]
        bad = [f for f in formats if f not in FORMAT_ORDER]
        if bad:
            ap.error(f"unknown format(s) {', '.join(bad)}; choose from {', '.join(FORMAT_ORDER)}")

    sources: list[tuple[str, Path]] = []
    if not args.no_fixtures:
        fx = args.fixtures or default_fixtures()
        if not fx.is_dir():
            if args.fixtures:
                ap.error(f"--fixtures {fx}: not a directory")
            print(f"note: no fixtures at {fx}", file=sys.stderr)
        else:
            sources.append(("fixtures", fx))
    if not args.no_samples:
        sm = args.samples or default_samples()
        if not sm.is_dir():
            if args.samples:
                ap.error(f"--samples {sm}: not a directory")
            print(f"note: samples skipped ({sm} is absent)", file=sys.stderr)
        else:
            sources.append(("samples", sm))
    extras = list(args.extra) + [Path(x) for x in os.environ.get(EXTRA_ENV, "").split(os.pathsep) if x.strip()]
    extra_sources: list[tuple[str, Path]] = []
    for root in extras:
        if not root.is_dir():
            print(f"note: extra truth skipped ({root} is absent)", file=sys.stderr)
            continue
        if find_documents(root) and not find_truths(root):
            label = root.name  # a blind set laid out like fixtures/: its own name
        else:
            n = sum(1 for lab, _ in extra_sources if lab.startswith("corpus")) + 1
            label = "corpus" if n == 1 else f"corpus{n}"
        if label in {lab for lab, _ in sources + extra_sources}:
            label = f"{label}{len(extra_sources) + 1}"
        extra_sources.append((label, root))
    if not sources and not extra_sources:
        ap.error("nothing to evaluate (no fixtures and no samples)")

    def folder_rows(source: str, root: Path) -> list[Row]:
        return [row for folder in find_documents(root)
                if not args.only or any(o in folder.name for o in args.only)
                for row in evaluate_folder(source, folder, formats=formats,
                                           hyphenation=not args.strict_text)]

    rows: list[Row] = []
    for source, root in sources:
        rows += folder_rows(source, root)
    for source, root in extra_sources:
        rows += folder_rows(source, root)
        for truth in find_truths(root):
            if args.only and not any(o in truth.stem for o in args.only):
                continue
            if formats and truth_format(truth) not in formats:
                continue
            rows += evaluate_truth(source, truth, hyphenation=not args.strict_text)
    sources += extra_sources
    if not rows:
        print("note: no document matched", file=sys.stderr)

    aggregates: list[tuple[str, Score]] = []
    for source, _ in sources:
        src_rows = [r for r in rows if r.source == source]
        if not src_rows:
            continue
        for fmt in FORMAT_ORDER:
            fr = [r for r in src_rows if r.fmt == fmt]
            if fr:
                aggregates.append((f"{source} {fmt}", aggregate(fr)))
        aggregates.append((f"{source} all", aggregate(src_rows)))
    overall = aggregate(rows)
    aggregates.append(("overall all", overall))

    if args.output == "json":
        aggs = []
        for label, s in aggregates:
            d = s.to_dict()
            del d["misses"], d["forum_ratio"]
            aggs.append({"scope": label, **d, "summary": summary_line(label, s)})
        payload = {"documents": [r.to_dict() for r in rows], "aggregates": aggs}
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_table(rows, aggregates, verbose=args.verbose,
                                      roots=dict(sources)))
        sys.stdout.write("\n")
        for label, s in aggregates:
            if label.endswith(" all"):
                sys.stdout.write(summary_line(label.removesuffix(" all"), s) + "\n")

    failed = []
    for opt, (what, fn) in THRESHOLDS.items():
        limit = getattr(args, opt)
        if limit is None:
            continue
        value = fn(overall)
        if value is None or value < limit:
            failed.append(f"{what} {('-' if value is None else f'{value:.3f}')} < {limit}")
    if failed:
        print("eval thresholds missed: " + "; ".join(failed), file=sys.stderr)
        return 1
    return 0


def main() -> None:
    try:
        code = run()
        sys.stdout.flush()
    except BrokenPipeError:  # piped into head: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    sys.exit(code)


if __name__ == "__main__":
    main()
