"""All terminal output: rich tables and trees, JSON and CSV. The only module that uses rich.

Data goes to stdout; progress, summaries and messages go to stderr. rich honours ``NO_COLOR``
and drops colour and animation when the stream is not a terminal.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from referatkit.errors import ReferatkitError, UsageError
from referatkit.model import STATUSES
from referatkit.queries import (
    DecisionRow,
    ForumRow,
    MatterHistory,
    MeetingRow,
    Stats,
    StoredDocument,
)
from referatkit.search import HIGHLIGHT_END, HIGHLIGHT_START, SearchResult, Timeline

if TYPE_CHECKING:  # imported where used: a search or a listing does not load these
    from referatkit import diff as D
    from referatkit import report as R
    from referatkit.doctor import DoctorReport
    from referatkit.ingest import IngestReport
    from referatkit.ingest import Progress as IngestEvent

TABLE, JSON, CSV = "table", "json", "csv"
LISTING_FORMATS = (TABLE, JSON, CSV)

# In the tree view a long section is cut here; `show --format json` has the full text.
SECTION_PREVIEW_CHARS = 400

# Below this many columns a listing stacks its small fields (status, age, id) into the text
# cell: six columns side by side leave a few characters for the text on an 80-column terminal
# or a pipe (which rich treats as 80 columns).
WIDE_LAYOUT_MIN_WIDTH = 110

SEARCH_COLUMNS = ("path", "meeting_date", "forum", "item_number", "item_title", "kind",
                  "snippet", "score", "document_id", "match", "copies", "other_paths")
TIMELINE_COLUMNS = ("year", "forum", "mentions", "items", "meetings")
DECISION_COLUMNS = ("id", "status", "text", "owner", "due", "meeting_date", "forum",
                    "item_number", "item_title", "path", "document_id", "kind", "copies",
                    "open", "closed_by", "settled_by", "settled_on", "note", "reopened",
                    "forum_id", "forum_name", "matter_id", "age_days", "overdue", "due_from")
FORUM_COLUMNS = ("id", "name", "names", "how", "documents", "meetings", "first_date",
                 "last_date", "years", "suggestions")
MEETING_COLUMNS = ("forum_id", "forum", "meeting_date", "items", "documents")
PEOPLE_COLUMNS = ("name", "forum", "organisations", "roles", "meetings", "present", "absent",
                  "not_listed", "rate", "first_date", "last_date", "dates_absent", "forum_id")
HISTORY_COLUMNS = ("matter_id", "matter_title", "forum", "meeting_date", "forum_as_written",
                   "item_number", "item_title", "how", "decision_id", "status", "open",
                   "closed_by", "settled_on", "text")

STATUS_STYLES = {
    "approved": "green", "noted": "cyan", "postponed": "yellow", "rejected": "red",
    "referred": "magenta", "action": "yellow", "none": "dim",
}

_HIGHLIGHT = re.compile(re.escape(HIGHLIGHT_START) + r"(.*?)" + re.escape(HIGHLIGHT_END), re.S)


def check_format(value: str, allowed: Sequence[str] = LISTING_FORMATS) -> str:
    fmt = (value or "").strip().lower()
    if fmt not in allowed:
        raise UsageError(f"unknown --format {value!r} (choose {', '.join(allowed)})")
    return fmt


def _out() -> Console:
    # Created per call: tests and pipes swap sys.stdout.
    return Console(file=sys.stdout, highlight=False)


def _err() -> Console:
    return Console(file=sys.stderr, highlight=False)


def message(text: str) -> None:
    """A plain line on stderr (no markup: paths may contain brackets)."""
    print(text, file=sys.stderr)


def error(text: str) -> None:
    print(f"Error: {text}", file=sys.stderr)


def write_json(data: Any, stream: TextIO | None = None) -> None:
    out = stream or sys.stdout
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str],
              stream: TextIO | None = None) -> None:
    w = csv.writer(stream or sys.stdout, lineterminator="\n")
    w.writerow(columns)
    for row in rows:
        w.writerow([_csv_cell(row.get(c)) for c in columns])


def _csv_cell(v: Any) -> Any:
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, bool):
        return int(v)
    return "" if v is None else v


def _highlighted(snippet: str) -> Text:
    text = Text()
    pos = 0
    for m in _HIGHLIGHT.finditer(snippet):
        text.append(snippet[pos:m.start()])
        text.append(m.group(1), style="bold reverse")
        pos = m.end()
    text.append(snippet[pos:])
    return text


def _t(value: str | None) -> Text:
    # Text, not str: a table cell given a str is parsed as rich markup, and "[Bilag 2]" in
    # a title would vanish or break the table.
    return Text(value or "")


def _meeting(meeting_date: str | None, forum: str | None) -> Text:
    return Text("\n".join(x for x in (meeting_date, forum) if x))


def _item_label(number: str | None, title: str | None) -> str:
    return " ".join(x for x in (number, title) if x) or ""


# ---------------------------------------------------------------------------------------------
# Listings


def search_results(result: SearchResult, fmt: str) -> None:
    # JSON and CSV are the hits, as every listing is; what the words were also found as and
    # the suggestions go to stderr in every format
    if fmt == JSON:
        write_json([h.to_dict() for h in result.hits])
        _search_notes(result)
        return None
    if fmt == CSV:
        write_csv([h.to_dict() for h in result.hits], SEARCH_COLUMNS)
        _search_notes(result)
        return None
    hits, query = result.hits, result.query
    if not hits:
        message(f"No matches for {query!r}" + (f" after the first {result.offset}."
                                                 if result.offset else "."))
        _search_notes(result)
        return None
    out = _out()
    wide = out.width >= WIDE_LAYOUT_MIN_WIDTH
    first = result.offset + 1
    span = (f"{len(hits)} match{'es' if len(hits) != 1 else ''}" if first == 1 and not result.more
            else f"matches {first}–{result.offset + len(hits)}")
    # Text, not str: a query such as "[bilag]" must not be read as rich markup
    table = Table(title=Text(f"{span} for {query!r}"), show_lines=True, expand=True)
    table.add_column("meeting", overflow="fold", ratio=2 if wide else 3, max_width=30 if wide else None)
    if wide:
        table.add_column("item", overflow="fold", ratio=2)
    table.add_column("match", overflow="fold", ratio=4)
    if wide:
        table.add_column("document", overflow="fold", no_wrap=True)
    for h in hits:
        meeting = _meeting(h.meeting_date, h.forum)
        item = _item_label(h.item_number, h.item_title)
        match = _highlighted(h.snippet)
        about = [h.kind, *([MATCH_LABELS[h.match]] if h.match in MATCH_LABELS else []),
                 *([f"{h.copies} files"] if h.copies > 1 else [])]
        if wide:
            table.add_row(meeting, _t(item), match,
                          Text("\n".join([h.document_id, *about]), style="dim"))
        else:
            if item:
                meeting.append(f"\n{item}", style="bold")
            match.append(f"\n{' · '.join([*about, h.document_id])}", style="dim")
            table.add_row(meeting, match)
    out.print(table)
    if result.more:
        message(f"More matches: --offset {result.offset + len(hits)}")
    _search_notes(result)
    return None


# How a hit matched, as the table says it (exact matches say nothing).
MATCH_LABELS = {"form": "other form", "compound": "compound"}
# Words listed per query word in "Also searched" before "and N more".
SHOWN_EXPANSIONS = 6


def _search_notes(result: SearchResult) -> None:
    """On stderr: what the query's words were also searched as, and suggestions."""
    for w in result.words:
        also = [*w.forms, *w.compounds]
        more = len(also) - SHOWN_EXPANSIONS + w.more_compounds
        if also:
            message(f"{w.word!r} also found as: {', '.join(also[:SHOWN_EXPANSIONS])}"
                    + (f" and {more} more" if more > 0 else "") + " (--exact: as written only)")
    if result.suggestions:
        message("Did you mean: " + " · ".join(
            f"referatkit search {_shell_quote(s)}" for s in result.suggestions))


def _shell_quote(text: str) -> str:
    return text if re.fullmatch(r"[\w*.-]+", text) else "'" + text.replace("'", "'\\''") + "'"


# Eighths of a block, for bars and sparklines.
_BLOCKS = " ▁▂▃▄▅▆▇█"


def timeline(tl: Timeline, fmt: str) -> None:
    if fmt == JSON:
        return write_json(tl.to_dict())
    if fmt == CSV:
        return write_csv([r.to_dict() for r in tl.rows], TIMELINE_COLUMNS)
    if not tl.rows:
        message(f"No mentions of {tl.query!r}.")
        return None
    out = _out()
    total = tl.total()
    years = tl.years()
    peak = max(r.mentions for r in years) or 1
    width = max(10, min(60, out.width - 40))
    chart = Table(title=Text(f"{tl.query!r}: {total.mentions} mention"
                             f"{'s' if total.mentions != 1 else ''} in {total.items} item"
                             f"{'s' if total.items != 1 else ''} at {total.meetings} meeting"
                             f"{'s' if total.meetings != 1 else ''}"),
                  box=None, show_header=True, pad_edge=False)
    chart.add_column("year", no_wrap=True)
    chart.add_column("", no_wrap=True)
    chart.add_column("mentions", justify="right", no_wrap=True)
    chart.add_column("items", justify="right", no_wrap=True, style="dim")
    chart.add_column("meetings", justify="right", no_wrap=True, style="dim")
    for r in years:
        chart.add_row(Text("undated" if r.year is None else str(r.year)),
                      Text(_bar(r.mentions, peak, width), style="cyan"),
                      str(r.mentions), str(r.items), str(r.meetings))
    out.print(chart)
    forums = tl.forums()
    if len(forums) > 1 or (forums and forums[0][0]):
        dated = [r.year for r in years if r.year is not None]
        span = f"{dated[0]}–{dated[-1]}" if dated else ""
        per = Table(title=Text("per forum"), box=None, pad_edge=False)
        per.add_column("forum", overflow="fold", ratio=1)
        per.add_column("mentions", justify="right", no_wrap=True)
        per.add_column(span, no_wrap=True, style="cyan")
        per.add_column("first–last", no_wrap=True, style="dim")
        for name, rows in forums:
            by_year = {r.year: r.mentions for r in rows}
            fyears = [r.year for r in rows if r.year is not None]
            per.add_row(_t(name or "(no forum)"), str(sum(r.mentions for r in rows)),
                        Text(_spark([by_year.get(y, 0) for y in dated])),
                        f"{min(fyears)}–{max(fyears)}" if fyears else "undated")
        out.print()
        out.print(per)
    return None


def _bar(value: int, peak: int, width: int) -> str:
    eighths = round(value / peak * width * 8)
    if value and not eighths:
        eighths = 1
    return "█" * (eighths // 8) + (_BLOCKS[eighths % 8] if eighths % 8 else "")


def _spark(values: Sequence[int]) -> str:
    peak = max(values, default=0) or 1
    return "".join(_BLOCKS[0] if not v else _BLOCKS[max(1, round(v / peak * 8))] for v in values)


def decision_rows(rows: Sequence[DecisionRow], fmt: str, *, open_view: bool = False) -> None:
    data = [r.to_dict() for r in rows]
    if fmt == JSON:
        return write_json(data)
    if fmt == CSV:
        return write_csv(data, DECISION_COLUMNS)
    if not rows:
        message("No open decisions." if open_view else "No decisions match.")
        return None
    overdue = sum(1 for r in rows if r.overdue)
    title = f"{len(rows)} {'open ' if open_view else ''}decision{'s' if len(rows) != 1 else ''}"
    if overdue:
        title += f", {overdue} overdue"
    out = _out()
    wide = out.width >= WIDE_LAYOUT_MIN_WIDTH
    table = Table(title=title, show_lines=True, expand=True)
    table.add_column("meeting", overflow="fold", ratio=2 if wide else 3, max_width=30 if wide else None)
    if wide:
        table.add_column("item", overflow="fold", ratio=2)
        table.add_column("status", no_wrap=True)
    table.add_column("decision", overflow="fold", ratio=4)
    if wide:
        table.add_column("age", no_wrap=True, justify="right")
        table.add_column("id", no_wrap=True, style="dim")
    for r in rows:
        decision = Text(r.text)
        due = (f"due {r.due}" + (" (next meeting)" if r.due_from == "next_meeting" else "")
               if r.due else None)
        extra = ", ".join(x for x in (r.owner, due) if x)
        if extra:
            decision.append(f" ({extra})", style="dim")
        if r.note:
            decision.append(f"\nNote: {r.note}", style="italic")
        status = Text(r.status, style=STATUS_STYLES.get(r.status, ""))
        status.append(_closed_label(r), style="dim")
        age = Text(_age(r.age_days) if r.open else "")
        if r.overdue:
            age.append("\nOVERDUE", style="bold red")
        meeting = _meeting(r.meeting_date, r.forum_name or r.forum)
        item = _item_label(r.item_number, r.item_title)
        if wide:
            table.add_row(meeting, _t(item), status, decision, age, r.id)
            continue
        if item:
            meeting.append(f"\n{item}", style="bold")
        # status, age and id on one line above the text
        head = Text(r.status, style=STATUS_STYLES.get(r.status, ""))
        for part in (_closed_label(r).strip(), _age(r.age_days) if r.open else ""):
            if part:
                head.append(f" · {part}", style="dim")
        if r.overdue:
            head.append(" · OVERDUE", style="bold red")
        head.append(f" · {r.id}\n", style="dim")
        table.add_row(meeting, head + decision)
    out.print(table)
    return None


def _closed_label(r: DecisionRow) -> str:
    if r.closed_by == "manual":
        return "\nclosed by hand"
    if r.closed_by == "matter":
        return f"\nsettled {r.settled_on}" if r.settled_on else "\nsettled"
    if r.reopened:
        return "\nreopened"
    return "\nopen" if r.open and r.status not in ("postponed", "referred", "action") else ""


AVERAGE_MONTH_DAYS = 365 / 12


def _age(days: int | None) -> str:
    """412 → "1y 1m"; 40 → "1m 10d"; 9 → "9d"; 729 → "1y 11m"."""
    if days is None:
        return ""
    if days < 0:
        return f"in {-days}d"
    years, rest = divmod(days, 365)
    # months of average length: 30-day months would make the last days of a year "12m"
    months = int(rest / AVERAGE_MONTH_DAYS)
    d = rest - int(months * AVERAGE_MONTH_DAYS)
    if years:
        return f"{years}y {months}m"
    if months:
        return f"{months}m {d}d"
    return f"{d}d"


def decision_marked(row: DecisionRow, verb: str, fmt: str) -> None:
    """After ``decisions close/reopen/note``: the decision as it is now."""
    if fmt == JSON:
        return write_json(row.to_dict())
    state = "open" if row.open else ("closed by hand" if row.closed_by == "manual" else
                                     f"settled {row.settled_on}" if row.closed_by == "matter"
                                     else "not open")
    print(f"{verb} {row.id}: {row.meeting_date or 'undated'} "
          f"{row.forum_name or row.forum or ''} · {_item_label(row.item_number, row.item_title)}"
          f" · [{row.status}] {row.text} → {state}"
          + (f" (note: {row.note})" if row.note else ""))
    return None


def forums(rows: Sequence[ForumRow], fmt: str) -> None:
    data = [r.to_dict() for r in rows]
    if fmt == JSON:
        return write_json(data)
    if fmt == CSV:
        return write_csv(data, FORUM_COLUMNS)
    if not rows:
        message("No forums: the archive holds no documents.")
        return None
    table = Table(title=f"{len(rows)} forum{'s' if len(rows) != 1 else ''}", show_lines=True,
                  expand=True)
    # Every wide column takes a share: a long run of years must wrap, not squeeze the names
    # into one letter a line (80 columns, as when the output is piped).
    table.add_column("forum", overflow="fold", ratio=3, min_width=12)
    table.add_column("written as", overflow="fold", ratio=2, min_width=10)
    table.add_column("meetings", justify="right")
    table.add_column("docs", justify="right")
    table.add_column("years", overflow="fold", ratio=2, min_width=9)
    table.add_column("id", no_wrap=True, style="dim")
    for r in rows:
        written = Text("\n".join(n for n in r.names if n != r.name))
        if r.how in ("auto", "user"):
            written.append(("\n" if len(written) else "") + f"({'merged by you' if r.how == 'user' else 'matched'})",
                           style="dim")
        table.add_row(Text(r.name, style="bold"), written, str(r.meetings), str(r.documents),
                      _years(r.years), r.id)
    out = _out()
    out.print(table)
    by_id = {r.id: r for r in rows}
    seen: set[tuple[str, str]] = set()
    for r in rows:
        for sug in r.suggestions:
            pair = (min(r.id, sug["id"]), max(r.id, sug["id"]))
            if pair in seen or sug["id"] not in by_id:
                continue
            seen.add(pair)
            # the smaller forum into the larger: the larger keeps its name
            small, big = sorted((r, by_id[sug["id"]]), key=lambda f: (f.documents, f.name))
            message(f"Maybe the same forum ({sug['score']:.0f}): {small.name!r} and "
                    f"{big.name!r} — if so: referatkit forums merge {_quote(small.name)} "
                    f"{_quote(big.name)}")
    return None


def _quote(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"'


def _years(years: Sequence[int]) -> str:
    """[2019, 2020, 2021, 2023] → "2019–2021, 2023"."""
    out: list[str] = []
    run: list[int] = []
    for y in sorted(years):
        if run and y == run[-1] + 1:
            run.append(y)
            continue
        if run:
            out.append(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}")
        run = [y]
    if run:
        out.append(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}")
    return ", ".join(out)


def forum_changed(change: Any, verb: str) -> None:
    f = change.forum
    if f is None:
        message(f"{verb}: {', '.join(change.names)}")
        return
    print(f"{verb}: {f.name} — {f.meetings} meeting{'s' if f.meetings != 1 else ''}, "
          f"{f.documents} document{'s' if f.documents != 1 else ''}"
          + (f", written as: {'; '.join(f.names)}" if len(f.names) > 1 else ""))


def meeting_rows(rows: Sequence[MeetingRow], fmt: str) -> None:
    data = [r.to_dict() for r in rows]
    if fmt == JSON:
        return write_json(data)
    if fmt == CSV:
        return write_csv(data, MEETING_COLUMNS)
    if not rows:
        message("No meetings match.")
        return None
    table = Table(title=f"{len(rows)} meeting{'s' if len(rows) != 1 else ''}", show_lines=True,
                  expand=True)
    table.add_column("forum", overflow="fold", ratio=1)
    table.add_column("date", no_wrap=True)
    table.add_column("items", justify="right")
    table.add_column("documents", overflow="fold", ratio=2)
    for r in rows:
        docs = Text("\n".join(f"{d['doc_type']} ({d['format']}) {d['path']}" for d in r.documents))
        table.add_row(_t(r.forum), r.meeting_date or "undated", str(r.items), docs)
    _out().print(table)
    return None


def people_rows(rows: Sequence[Any], fmt: str) -> None:
    data = [r.to_dict() for r in rows]
    if fmt == JSON:
        return write_json(data)
    if fmt == CSV:
        return write_csv(data, PEOPLE_COLUMNS)
    if not rows:
        message("No participants match (the archive's documents list none for these filters).")
        return None
    out = _out()
    forums_shown = sorted({r.forum for r in rows}, key=str.casefold)
    for forum in forums_shown:
        mine = [r for r in rows if r.forum == forum]
        table = Table(title=Text(f"{forum or '(no forum)'} — {mine[0].meetings} meeting"
                                 f"{'s' if mine[0].meetings != 1 else ''} with a participant list",
                                 style="bold"), expand=True)
        table.add_column("name", overflow="fold", ratio=1)
        table.add_column("attended", no_wrap=True, justify="right")
        table.add_column("afbud", justify="right")
        table.add_column("not named", justify="right")
        table.add_column("listed", no_wrap=True)
        for r in mine:
            who = Text(r.name)
            extra = ", ".join([*r.organisations[:2], *r.roles[:2]])
            if extra:
                who.append(f"\n{extra}", style="dim")
            rate = f" · {r.rate:.0%}" if r.rate is not None else ""
            absent = Text(str(r.absent), style="yellow" if r.absent else "")
            span = r.first_date if r.first_date == r.last_date else f"{r.first_date}…{r.last_date}"
            table.add_row(who, f"{r.present}/{r.meetings}{rate}", absent, str(r.not_listed),
                          span or "")
        out.print(table)
    return None


def history(matters: Sequence[MatterHistory], fmt: str) -> None:
    if fmt == JSON:
        return write_json([m.to_dict() for m in matters])
    if fmt == CSV:
        rows = []
        for m in matters:
            for o in m.occurrences:
                base = {"matter_id": m.id, "matter_title": m.title, "forum": m.forum,
                        "meeting_date": o.meeting_date, "forum_as_written": o.forum,
                        "item_number": o.item_number, "item_title": o.item_title, "how": o.how}
                for d in o.decisions or [None]:
                    rows.append({**base, **({
                        "decision_id": d.id, "status": d.status, "open": d.open,
                        "closed_by": d.closed_by, "settled_on": d.settled_on, "text": d.text,
                    } if d else {})})
        return write_csv(rows, HISTORY_COLUMNS)
    out = _out()
    for m in matters:
        head = f"{m.title} — {m.forum}"
        meta = (f"{len(m.occurrences)} meeting{'s' if len(m.occurrences) != 1 else ''}, "
                f"{m.first_date or '?'} to {m.last_date or '?'}, "
                f"{m.open_decisions} open decision{'s' if m.open_decisions != 1 else ''}"
                + (f", standing item ({m.standing})" if m.standing else "") + f"  [{m.id}]")
        table = Table(title=Text(head, style="bold"), caption=Text(meta), show_lines=True,
                      expand=True)
        table.add_column("meeting", no_wrap=True)
        table.add_column("item as written", overflow="fold", ratio=1)
        table.add_column("decisions", overflow="fold", ratio=2)
        for o in m.occurrences:
            meeting = Text(o.meeting_date or "undated")
            kinds = sorted({d["doc_type"] for d in o.documents})
            meeting.append(f"\n{', '.join(kinds)}", style="dim")
            item = Text(_item_label(o.item_number, o.item_title))
            if o.case_numbers:
                item.append(f"\nsag {', '.join(o.case_numbers)}", style="dim")
            if o.how not in ("first", "standing"):
                item.append(f"\nlinked by {o.how.replace('+', ', ')}", style="dim")
            decs = Text()
            for i, d in enumerate(o.decisions):
                if i:
                    decs.append("\n")
                decs.append(f"[{d.status}] ", style=STATUS_STYLES.get(d.status, ""))
                decs.append(d.text)
                if d.open:
                    decs.append(" — OPEN" + (" (overdue)" if d.overdue else ""), style="bold")
                elif d.closed_by:
                    decs.append(_closed_label(d).replace("\n", " — "), style="dim")
                if d.note:
                    decs.append(f"\nNote: {d.note}", style="italic")
            if not o.decisions:
                decs.append("on the agenda" if kinds == ["dagsorden"] else "no decision",
                            style="dim")
            table.add_row(meeting, item, decs)
        out.print(table)
        if m.others:
            message("Other matters matching: " + "; ".join(
                f"{x['title']} ({x['forum']}, {x['first_date']}…{x['last_date']}) [{x['id']}]"
                for x in m.others[:5]) + ("; …" if len(m.others) > 5 else "")
                + " — 'referatkit history ID' shows one, --all shows all")
    return None


def export_documents(docs: Sequence[dict[str, Any]]) -> None:
    write_json(list(docs))


def stats(s: Stats, fmt: str) -> None:
    data = s.to_dict()
    if fmt == JSON:
        return write_json(data)
    if fmt == CSV:
        return write_csv([{"key": k, "value": v} for k, v in _flatten(data)], ("key", "value"))
    table = Table(title="referatkit archive", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("database", escape(s.database))
    table.add_row("documents", str(s.documents))
    for k, v in s.documents_by_format.items():
        table.add_row(f"  format {k}", str(v))
    for k, v in s.documents_by_doc_type.items():
        table.add_row(f"  type {k}", str(v))
    table.add_row("  with a meeting date", str(s.documents_with_date))
    table.add_row("  with agenda items", str(s.documents_with_items))
    table.add_row("items", str(s.items))
    table.add_row("sections", str(s.sections))
    table.add_row("decisions", str(s.decisions))
    for k, v in s.decisions_by_status.items():
        table.add_row(f"  {k}", str(v))
    table.add_row("open decisions", str(s.open_decisions))
    table.add_row("participants", str(s.participants))
    table.add_row("attachments", str(s.attachments))
    for k, v in s.files.items():
        table.add_row(f"files {k}", str(v))
    if s.last_run:
        r = s.last_run
        table.add_row("last run", f"#{r['id']} {r['status']} {r.get('finished') or r['started']}")
    out = _out()
    out.print(table)
    if s.failed:
        failed = Table(title="Failed files")
        failed.add_column("path", overflow="fold")
        failed.add_column("reason", overflow="fold")
        for f in s.failed:
            failed.add_row(escape(f["path"]), escape(f["reason"]))
        out.print(failed)
    return None


def _flatten(data: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _flatten(v, f"{prefix}.{k}" if prefix else str(k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _flatten(v, f"{prefix}.{i}")
    else:
        yield prefix, data


# ---------------------------------------------------------------------------------------------
# One document


def document(stored: StoredDocument, fmt: str) -> None:
    if fmt == JSON:
        return write_json(stored.export())
    _out().print(document_tree(stored))
    return None


def document_tree(stored: StoredDocument) -> Tree:
    doc = stored.document
    head = Text(doc.title or doc.forum or doc.path, style="bold")
    meta = ", ".join(x for x in (doc.meeting_date, doc.meeting_time, doc.place) if x)
    if meta:
        head.append(f"  {meta}")
    head.append(f"  [{stored.id}]", style="dim")
    tree = Tree(head)
    info = tree.add(Text(f"{doc.doc_type} · {doc.format} · {', '.join(stored.paths)}", style="dim"))
    if stored.removed:
        info.add(Text("the file is gone from its folder (kept until 'ingest --prune')",
                      style="yellow"))
    for w in doc.warnings:
        info.add(Text(f"warning: {w}", style="yellow"))
    if doc.forum and doc.forum != doc.title:
        info.add(Text(f"forum: {doc.forum}"))
    if doc.attendance_count is not None:
        info.add(Text(f"attendance: {doc.attendance_count}"))
    if doc.participants:
        parts = tree.add(Text(f"Participants ({len(doc.participants)})", style="bold"))
        for p in doc.participants:
            line = Text(p.name)
            extra = ", ".join(x for x in (p.organisation, p.role) if x)
            if extra:
                line.append(f" ({extra})", style="dim")
            if p.absent:
                line.append(" afbud", style="yellow")
            parts.add(line)
    for sec in doc.sections:
        _section(tree, sec.label, sec.text)
    if not doc.items:
        tree.add(Text("no agenda items recognised", style="dim"))
    for item in doc.items:
        label = Text(_item_label(item.number, item.title) or "(untitled item)", style="bold")
        if item.closed:
            label.append("  lukket punkt", style="red")
        if item.case_number:
            label.append(f"  sag {item.case_number}", style="dim")
        node = tree.add(label)
        for sec in item.sections:
            _section(node, sec.label, sec.text)
        for dec in item.decisions:
            line = Text(f"[{dec.status}] ", style=STATUS_STYLES.get(dec.status, ""))
            kind = "" if dec.kind == "decision" else f"{dec.kind}: "
            line.append(f"{kind}{dec.text}")
            extra = ", ".join(x for x in (dec.owner, dec.due) if x)
            if extra:
                line.append(f" ({extra})", style="dim")
            line.append(f"  {dec.id}", style="dim")
            dnode = node.add(line)
            for act in dec.actions:
                dnode.add(Text(f"→ {act.text}" + (f" ({act.owner})" if act.owner else "")))
        for att in item.attachments:
            node.add(Text(f"Bilag: {att.title}", style="dim"))
    if stored.closed_items_left_out:
        tree.add(Text(f"{stored.closed_items_left_out} closed item(s) not shown "
                      "(--include-closed shows them)", style="dim"))
    return tree


def _section(parent: Tree, label: str, text: str) -> None:
    body = text if len(text) <= SECTION_PREVIEW_CHARS else text[:SECTION_PREVIEW_CHARS] + " …"
    line = Text(f"{label}: " if label else "", style="italic")
    line.append(body, style="")
    parent.add(line)


# ---------------------------------------------------------------------------------------------
# Ingest


@contextmanager
def ingest_progress(*, quiet: bool = False, log: IngestLog | None = None) -> Iterator[Any]:
    """A callback for :func:`referatkit.ingest.ingest`: a progress bar when stderr is a
    terminal; otherwise one plain line per file that was read (unchanged files stay silent so
    a nightly log shows what happened, not what did not). Every event also goes to ``log``."""
    from referatkit.ingest import FAILED, SCANNED, UNCHANGED
    if log is not None:
        with ingest_progress(quiet=quiet) as show:
            def both(e: IngestEvent) -> None:
                log.event(e)
                show(e)
            yield both
        return
    if quiet:
        yield lambda _e: None
        return
    console = _err()
    if not console.is_terminal:
        def plain(e: IngestEvent) -> None:
            if e.outcome in (SCANNED, UNCHANGED):
                return
            tail = f": {e.reason}" if e.outcome == FAILED and e.reason else ""
            message(f"[{e.index}/{e.total}] {e.outcome} {e.path}{tail}")
        yield plain
        return
    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), TextColumn("{task.fields[name]}", style="dim"),
        console=console, transient=True,
    ) as bar:
        task = bar.add_task("Ingesting", total=None, name="")

        def fancy(e: IngestEvent) -> None:
            if e.outcome == SCANNED:
                bar.update(task, total=e.total)
                return
            name = e.path.rsplit("/", 1)[-1]
            # Failures are listed once, in the summary, not also above the bar.
            bar.update(task, completed=e.index, name=name[-40:])
        yield fancy


def ingest_summary(report: IngestReport, *, quiet: bool = False) -> None:
    """The summary table on stderr (failures are listed even when ``quiet``)."""
    console = _err()
    if not quiet:
        table = Table(title="Ingest summary", show_header=False)
        table.add_column("what")
        table.add_column("files", justify="right")
        names = ("new", "updated", "unchanged", "failed", "removed",
                 *(("pruned",) if report.pruned else ()), "skipped")
        for name in names:
            count = getattr(report, name)
            style = "red" if name == "failed" and count else ""
            table.add_row(name, Text(str(count), style=style))
        table.add_row("documents stored", str(report.documents))
        if report.forums_linked:
            table.add_row("forums linked", str(report.forums_linked))
            table.add_row("  open decisions in them", str(report.open_decisions))
        console.print(table)
        message(f"Database: {report.db_path}")
    for w in report.warnings:
        message(f"Warning: {w}")
    for path, reason in report.failures:
        message(f"Failed: {path}: {reason}")


# ---------------------------------------------------------------------------------------------
# diff and report (issue 6): any format to stdout or, with -o, to a file

MD, HTML = "md", "html"
DIFF_FORMATS = (TABLE, MD, JSON)
REPORT_FORMATS = (TABLE, MD, JSON, CSV, HTML)
# Width of a terminal table written to a file (there is no terminal to measure).
FILE_WIDTH = 110
DIFF_STYLES = {"-": "red strike", "+": "green bold", "=": ""}
CHANGE_STYLES = {"changed": "yellow", "added": "green", "removed": "red", "same": "dim"}


@contextmanager
def output_stream(path: Path | None) -> Iterator[TextIO]:
    """stdout, or the file ``path`` (written whole, then named on stderr)."""
    if path is None:
        yield sys.stdout
        return
    try:
        f = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    except OSError as e:
        raise UsageError(f"cannot write {path}: {e.strerror or e}") from e
    with f:
        yield f
    message(f"Wrote {path}")


def _console(stream: TextIO) -> Console:
    if stream is sys.stdout:
        return _out()
    return Console(file=stream, width=FILE_WIDTH, color_system=None, highlight=False)


def _diff_text(segments: Sequence[D.Segment], *, collapse: bool = True) -> Text:
    """Word-level diff as rich Text: deletions [-struck-], insertions {+bold+} — the marks
    stay when there is no colour (a pipe, NO_COLOR)."""
    from referatkit import diff as D
    text = Text()
    marks = {D.DELETE: ("[-", "-]"), D.INSERT: ("{+", "+}"), D.EQUAL: ("", "")}
    for sep, op, part in D.pieces(D.collapse(segments) if collapse else segments):
        text.append(sep)
        a, b = marks[op]
        text.append(f"{a}{part}{b}", style=DIFF_STYLES[op])
    return text


def _item_details(it: D.ItemDiff) -> Text:
    from referatkit import diff as D
    from referatkit import mdreport
    out = Text()

    def line(label: str, body: Text) -> None:
        if len(out):
            out.append("\n")
        out.append(f"{label}: ", style="bold")
        out.append_text(body)

    if it.a and it.b and D.changed(it.title):
        line("title", _diff_text(it.title))
    if it.hidden:
        line("closed item", Text("text and decisions left out (--include-closed)", style="dim"))
    elif mdreport.show_text(it):
        line("text", _diff_text(it.text))
    for d in it.decisions:
        if d.change == D.SAME:
            continue
        status = (f"{d.a.status} → {d.b.status}" if d.status_changed
                  else (d.b or d.a).status)
        body = Text(f"[{status}] ", style=STATUS_STYLES.get((d.b or d.a).status, ""))
        body.append_text(_diff_text(d.words))
        line(f"decision {d.change}", body)
    if it.how == "title":
        line("paired by", Text(f"title similarity ({it.score:.0f})", style="dim"))
    return out


def _item_cell(it: D.ItemDiff) -> Text:
    text = Text()
    if it.a and it.b and (it.a.number != it.b.number or it.a.title != it.b.title):
        text.append(f"A: {_item_label(it.a.number, it.a.title)}\n", style="dim")
        text.append(f"B: {_item_label(it.b.number, it.b.title)}")
    else:
        text.append(it.label)
    return text


def _meeting_diff_table(m: D.MeetingDiff, console: Console) -> None:
    from referatkit import diff as D
    counts = m.counts
    console.print(Text(f"A: {m.a.label}\nB: {m.b.label}"))
    console.print(Text(", ".join(f"{counts[c]} {c if c != D.SAME else 'unchanged'}"
                                 for c in (D.CHANGED, D.ADDED, D.REMOVED, D.SAME))))
    shown = [it for it in m.items if it.change != D.SAME]
    if shown:
        table = Table(show_lines=True, expand=True)
        table.add_column("change", no_wrap=True)
        table.add_column("item", overflow="fold", ratio=1)
        table.add_column("what changed", overflow="fold", ratio=3)
        for it in shown:
            table.add_row(Text(it.change, style=CHANGE_STYLES[it.change]), _item_cell(it),
                          _item_details(it))
        console.print(table)
    same = [it.label for it in m.items if it.change == D.SAME]
    if same:
        console.print(Text("Unchanged: " + "; ".join(same), style="dim"))


def _matter_diff_table(m: D.MatterDiff, console: Console) -> None:
    from referatkit import diff as D
    head = Text(f"{m.title} — {m.forum}", style="bold")
    console.print(head)
    console.print(Text(f"{len(m.occurrences)} occurrence(s): " + "; ".join(
        f"{o.meeting_date or 'undated'} {o.title}" for o in m.occurrences)))
    if m.steps:
        table = Table(show_lines=True, expand=True)
        table.add_column("from → to", no_wrap=True)
        table.add_column("what changed", overflow="fold", ratio=1)
        for s in m.steps:
            details = _item_details(s.item) if s.item.change != D.SAME else Text(
                "no change", style="dim")
            table.add_row(Text(f"{s.a.meeting_date}\n→ {s.b.meeting_date}"), details)
        console.print(table)
    else:
        message("It came up once in the period: nothing to compare.")
    if m.others:
        message("Other matters matching: " + "; ".join(
            f"{x['title']} ({x['forum']}) [{x['id']}]" for x in m.others[:5])
            + " — 'referatkit history ID' shows one")


def diff_result(result: D.MeetingDiff | D.MatterDiff, fmt: str, output: Path | None = None) -> None:
    """A :class:`~referatkit.diff.MeetingDiff` or :class:`~referatkit.diff.MatterDiff`."""
    from referatkit import diff as D
    from referatkit import mdreport
    is_matter = isinstance(result, D.MatterDiff)
    with output_stream(output) as stream:
        if fmt == JSON:
            return write_json(result.to_dict(), stream)
        if fmt == MD:
            stream.write(mdreport.matter_diff(result) if is_matter
                         else mdreport.meeting_diff(result))
            return None
        console = _console(stream)
        if is_matter:
            _matter_diff_table(result, console)
        else:
            _meeting_diff_table(result, console)
    return None


REPORT_COLUMNS = ("forum", "forum_id", "year", "meetings", "meetings_with_minutes", "items",
                  "decisions", *(f"decisions_{s}" for s in STATUSES), "open",
                  "matters_opened", "matters_settled", "meetings_with_participant_list",
                  "people", "organisations", "absent_most", "themes", "compared_to", "rising",
                  "falling", "planned_meetings", "closed_items_left_out")


def report_rows(rep: R.Report) -> list[dict[str, Any]]:
    """One row per forum and year (lists joined by "; ")."""
    rows = []
    for fr in rep.forums:
        for y in fr.years:
            a = y.attendance
            rows.append({
                "forum": fr.name, "forum_id": fr.id, "year": y.year, "meetings": y.meetings,
                "meetings_with_minutes": y.meetings_with_minutes, "items": y.items,
                "decisions": y.decisions,
                **{f"decisions_{s}": y.decisions_by_status.get(s, 0) for s in STATUSES},
                "open": y.open, "matters_opened": y.matters_opened,
                "matters_settled": y.matters_settled,
                "meetings_with_participant_list": a.meetings_with_list,
                "people": len(a.people), "organisations": len(a.organisations),
                "absent_most": "; ".join(f"{p.name} ({p.absent})" for p in a.absent_most),
                "themes": "; ".join(f"{t.term} ({t.items})" for t in y.themes),
                "compared_to": y.compared_to,
                "rising": "; ".join(f"{t.term} ({t.change:+})" for t in y.rising),
                "falling": "; ".join(f"{t.term} ({t.change:+})" for t in y.falling),
                "planned_meetings": "; ".join(p.date for p in y.planned_meetings),
                "closed_items_left_out": y.closed_items_left_out,
            })
    return rows


def _statuses(by: dict[str, int]) -> Text:
    out = Text()
    for i, s in enumerate(s for s in STATUSES if by.get(s)):
        out.append(("" if i == 0 else ", ") + f"{by[s]} {s}", style=STATUS_STYLES.get(s, ""))
    return out


def _report_year(fr: R.ForumReport, y: R.YearReport, console: Console) -> None:
    table = Table(title=Text(f"{fr.name} · {y.year}", style="bold"), show_header=False,
                  show_lines=False, expand=True, title_justify="left")
    table.add_column("what", style="bold", no_wrap=True)
    table.add_column("value", overflow="fold", ratio=1)
    dates = ", ".join(m.date + ("" if m.minutes else " (agenda only)") for m in y.meeting_list)
    table.add_row("meetings", Text(f"{y.meetings}" + (f": {dates}" if dates else "")))
    a = y.attendance
    if a.people:
        table.add_row("attendance", Text(f"{a.meetings_with_list} meeting(s) listed: " + "; ".join(
            f"{p.name} {p.present}/{p.present + p.absent}" for p in a.people)))
        if a.organisations:
            table.add_row("organisations", Text("; ".join(
                f"{o.name} ({o.meetings})" for o in a.organisations)))
        if a.absent_most:
            table.add_row("absent most", Text("; ".join(
                f"{p.name} ({p.absent} of {p.present + p.absent})" for p in a.absent_most)))
    by = Text(f"{y.decisions}: ")
    by.append_text(_statuses(y.decisions_by_status))
    table.add_row("decisions", by)
    matters = Text(f"{y.matters_opened} opened, {y.matters_settled} settled")
    if y.opened:
        matters.append("\nopened: " + "; ".join(f"{m.title} ({m.first_date})" for m in y.opened),
                       style="dim")
    if y.settled:
        matters.append("\nsettled: " + "; ".join(f"{m.title} ({m.settled_on})"
                                                 for m in y.settled), style="dim")
    table.add_row("matters", matters)
    table.add_row("still open", Text(str(y.open)))
    if y.themes:
        table.add_row("themes", Text(", ".join(f"{t.term} ({t.items})" for t in y.themes)))
    if y.compared_to:
        if y.rising:
            table.add_row(f"rose vs {y.compared_to}", Text(", ".join(
                f"{t.term} {t.change:+.0f}" for t in y.rising), style="green"))
        if y.falling:
            table.add_row(f"fell vs {y.compared_to}", Text(", ".join(
                f"{t.term} {t.change:+.0f}" for t in y.falling), style="red"))
    if y.planned_meetings:
        table.add_row("planned", Text(", ".join(p.date + (" (held)" if p.held else "")
                                               for p in y.planned_meetings)))
    if y.closed_items_left_out:
        table.add_row("left out", Text(f"{y.closed_items_left_out} closed item(s)", style="dim"))
    console.print(table)
    if y.open_decisions:
        od = Table(title=Text(f"Still open from {y.year}"), expand=True, title_justify="left")
        od.add_column("meeting", no_wrap=True)
        od.add_column("item", overflow="fold", ratio=1)
        od.add_column("status", no_wrap=True)
        od.add_column("decision", overflow="fold", ratio=1)
        od.add_column("age", justify="right", no_wrap=True)
        for o in y.open_decisions:
            age = Text(_age(o.age_days))
            if o.overdue:
                age.append(" overdue", style="bold red")
            od.add_row(o.meeting_date, _t(_item_label(o.item_number, o.item_title)),
                       Text(o.status, style=STATUS_STYLES.get(o.status, "")), _t(o.text), age)
        console.print(od)


def _report_table(rep: R.Report, console: Console) -> None:
    console.print(Text(f"Open decisions and ages as of {rep.as_of}; closed items "
                       f"{'included' if rep.include_closed else 'left out'}.", style="dim"))
    for fr in rep.forums:
        summary = Table(title=Text(fr.name, style="bold"), expand=True)
        for col in ("year", "meetings", "items", "decisions", "open", "matters opened",
                    "settled"):
            summary.add_column(col, justify="right" if col != "year" else "left")
        for y in fr.years:
            summary.add_row(str(y.year), str(y.meetings), str(y.items), str(y.decisions),
                            str(y.open), str(y.matters_opened), str(y.matters_settled))
        console.print(summary)
        for y in fr.years:
            _report_year(fr, y, console)


def report_result(rep: R.Report, fmt: str, output: Path | None = None,
                  template: str | None = None) -> None:
    """A :class:`~referatkit.report.Report` in ``fmt``; with ``template`` (aarsrapport) the
    Markdown draft of the one forum and year."""
    from referatkit import htmlreport, mdreport
    from referatkit import report as R
    if template is not None:
        fr, y = R.one_forum_year(rep, template)
        with output_stream(output) as stream:
            stream.write(mdreport.aarsrapport(rep, fr, y))
        return None
    with output_stream(output) as stream:
        if fmt == JSON:
            return write_json(rep.to_dict(), stream)
        if fmt == CSV:
            return write_csv(report_rows(rep), REPORT_COLUMNS, stream)
        if fmt == MD:
            stream.write(mdreport.report(rep))
            return None
        if fmt == HTML:
            stream.write(htmlreport.report(rep))
            return None
        _report_table(rep, _console(stream))
    return None


# A log file is personal data too (paths, names in titles): created readable by its owner only.
LOG_FILE_MODE = 0o600


class IngestLog:
    """Plain lines appended to ``--log-file``, each with a local timestamp: the start, every
    file read (not the unchanged ones), warnings, failures and a summary line. Written line by
    line, so a killed run leaves a log up to the moment it died."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, LOG_FILE_MODE)
            self.file: TextIO = os.fdopen(fd, "a", encoding="utf-8", errors="backslashreplace",
                                          buffering=1)
        except OSError as e:
            raise UsageError(f"cannot write the log file {path}: {e.strerror or e}") from e

    def line(self, text: str) -> None:
        stamp = datetime.now().astimezone().isoformat(timespec="seconds")
        self.file.write(f"{stamp} {' '.join(text.split())}\n")

    def event(self, e: IngestEvent) -> None:
        from referatkit.ingest import SCANNED, UNCHANGED

        if e.outcome == SCANNED:
            self.line(f"scanned: {e.total} file(s) to look at")
        elif e.outcome != UNCHANGED:
            self.line(f"{e.outcome} {e.path}" + (f": {e.reason}" if e.reason else ""))

    def summary(self, report: IngestReport) -> None:
        for w in report.warnings:
            self.line(f"warning: {w}")
        counts = ", ".join(f"{getattr(report, n)} {n}" for n in
                           ("new", "updated", "unchanged", "failed", "removed", "pruned",
                            "skipped"))
        self.line(f"done: {counts}; {report.documents} document(s) stored; "
                  f"exit {report.exit_code}")

    def close(self) -> None:
        self.file.close()


# How a run that ends in an error ends its log: (exception, line). Ctrl-C exits 130.
_LOG_ENDINGS = ((ReferatkitError, lambda e: f"error: {e}; exit {e.exit_code}"),
                (KeyboardInterrupt, lambda e: "interrupted; exit 130"))


@contextmanager
def ingest_log(path: Path | None, start: str) -> Iterator[IngestLog | None]:
    """The ``--log-file`` of one run (None without one), opened with ``start``; a run that
    ends in an error or Ctrl-C says so as its last line."""
    if path is None:
        yield None
        return
    log = IngestLog(path)
    log.line(start)
    try:
        yield log
    except BaseException as e:
        for kind, line in _LOG_ENDINGS:
            if isinstance(e, kind):
                log.line(line(e))
        raise
    finally:
        log.close()


def doctor(report: DoctorReport, fmt: str, *, quiet: bool = False) -> None:
    """The checks as a table on stdout (or JSON); a one-line verdict on stderr. ``quiet``:
    only the problems, on stderr (nothing at all when the archive is sound: for cron)."""
    if quiet:
        for c in report.checks:
            if not c.ok:
                message(f"Problem: {c.name}: {c.detail}")
        return
    if fmt == JSON:
        write_json(report.to_dict())
    else:
        table = Table(title=f"referatkit doctor: {report.database}", show_header=False)
        table.add_column("check")
        table.add_column("")
        table.add_column("detail", overflow="fold")
        for c in report.checks:
            table.add_row(c.name, Text("ok" if c.ok else "PROBLEM",
                                       style="green" if c.ok else "bold red"), escape(c.detail))
        _out().print(table)
    if report.rebuilt:
        message(f"Rebuilt the search index: {report.search_rows} row(s)")
    problems = [c for c in report.checks if not c.ok]
    message("The archive is sound." if not problems else
            f"{len(problems)} problem(s) found.")
