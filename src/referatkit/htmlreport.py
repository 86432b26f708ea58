"""The report as one self-contained HTML file: inline CSS, charts as inline SVG
(:mod:`referatkit.svg`), no script, no font, no image and no link that leaves the file — it
opens from a mail attachment or a shared folder as it is, and prints on A4 (print CSS).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from referatkit import __version__, svg
from referatkit import report as R
from referatkit.ids import short_hash
from referatkit.model import STATUSES

# Colours per decision status (the terminal's STATUS_STYLES in print-friendly shades).
STATUS_COLOURS = {
    "approved": "#3a9d5d", "noted": "#1b6ca8", "postponed": "#e0a526", "rejected": "#b8405e",
    "referred": "#7a5aa6", "action": "#e07b24", "none": "#b5b5b5",
}
PRESENT_COLOUR, ABSENT_COLOUR, THEME_COLOUR = "#3a9d5d", "#e07b24", "#1b6ca8"
# How many people the attendance chart shows (the table lists everyone).
CHART_PEOPLE = 12

CSS = """
:root { --ink: #1d2329; --muted: #5b6670; --line: #d9dee3; --panel: #f5f7f9; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial,
       sans-serif; color: var(--ink); margin: 0 auto; max-width: 1180px; padding: 24px 28px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 21px; margin: 36px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 17px; margin: 26px 0 8px; }
h4 { font-size: 14px; margin: 18px 0 6px; color: var(--muted); text-transform: uppercase;
     letter-spacing: .04em; }
.meta { color: var(--muted); margin: 0 0 12px; }
nav ul { margin: 6px 0 0; padding-left: 18px; }
a { color: inherit; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 8px 0 12px; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 6px;
        padding: 8px 14px; min-width: 112px; }
.card b { display: block; font-size: 22px; line-height: 1.2; }
.card span { color: var(--muted); font-size: 12px; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(460px, 1fr)); gap: 14px 24px; }
figure { margin: 0; padding: 10px 12px; border: 1px solid var(--line); border-radius: 6px;
         break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: 6px; }
svg.chart { max-width: 100%; height: auto; display: block; }
svg.chart text { fill: var(--ink); font-family: inherit; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 10px; font-size: 13px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line);
         vertical-align: top; }
th { background: var(--panel); font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.status { display: inline-block; padding: 0 6px; border-radius: 3px; color: #fff; font-size: 12px; }
.none-found { color: var(--muted); font-style: italic; }
.overdue { color: #b8405e; font-weight: 600; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  nav { display: none; }
  section.forum + section.forum { break-before: page; }
  h2, h3, h4 { break-after: avoid; }
  figure, table, .cards { break-inside: avoid; }
  .grid { grid-template-columns: 1fr 1fr; }
  a { text-decoration: none; }
}
"""


def _e(v: object) -> str:
    return escape("" if v is None else str(v))


def _status(s: str) -> str:
    return f'<span class="status" style="background:{STATUS_COLOURS.get(s, "#888")}">{_e(s)}</span>'


def _table(head: Sequence[str], rows: Sequence[Sequence[object]],
           numeric: Sequence[int] = ()) -> str:
    cls = [' class="n"' if i in numeric else "" for i in range(len(head))]
    out = ["<table><thead><tr>", *(f"<th{cls[i]}>{_e(h)}</th>" for i, h in enumerate(head)),
           "</tr></thead><tbody>"]
    for r in rows:
        out.append("<tr>" + "".join(
            f"<td{cls[i]}>{c if isinstance(c, _Raw) else _e(c)}</td>" for i, c in enumerate(r))
            + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


class _Raw(str):
    """Markup already escaped, to put in a table cell as it is."""


def _figure(caption: str, chart: str) -> str:
    return f"<figure><figcaption>{_e(caption)}</figcaption>{chart}</figure>"


def _none(text: str) -> str:
    return f'<p class="none-found">{_e(text)}</p>'


def _forum_charts(fr: R.ForumReport) -> str:
    years = [str(y.year) for y in fr.years]
    series = [(s, STATUS_COLOURS[s]) for s in STATUSES]
    decisions = svg.columns(
        "decisions-per-year", f"{fr.name}: decisions per year by status", years,
        [[y.decisions_by_status.get(s, 0) for s in STATUSES] for y in fr.years], series)
    meetings = svg.columns(
        "year-in-numbers", f"{fr.name}: meetings, matters and open decisions per year", years,
        [[y.meetings, y.matters_opened, y.matters_settled, y.open] for y in fr.years],
        [("meetings", THEME_COLOUR), ("matters opened", "#7a5aa6"),
         ("matters settled", STATUS_COLOURS["approved"]),
         ("decisions still open", STATUS_COLOURS["postponed"])], grouped=True)
    return ('<div class="grid">' + _figure("Decisions per year, by status", decisions)
            + _figure("Meetings, matters opened and settled, decisions still open", meetings) + "</div>")


def _summary(fr: R.ForumReport) -> str:
    head = ("year", "meetings", "items", "decisions", *STATUSES, "open", "opened", "settled")
    rows = [(y.year, y.meetings, y.items, y.decisions,
             *(y.decisions_by_status.get(s, 0) for s in STATUSES), y.open, y.matters_opened,
             y.matters_settled) for y in fr.years]
    return _table(head, rows, numeric=range(1, len(head)))


def _cards(y: R.YearReport) -> str:
    cards = (("meetings", y.meetings), ("agenda items", y.items), ("decisions", y.decisions),
             ("still open", y.open), ("matters opened", y.matters_opened),
             ("matters settled", y.matters_settled))
    return '<div class="cards">' + "".join(
        f'<div class="card"><b>{v}</b><span>{_e(k)}</span></div>' for k, v in cards) + "</div>"


def _year(fr: R.ForumReport, y: R.YearReport) -> str:
    out = [f'<section class="year" id="{_e(_anchor(fr))}-{y.year}"><h3>{y.year}</h3>', _cards(y)]
    figures = []
    a = y.attendance
    if a.people:
        people = a.people[:CHART_PEOPLE]
        figures.append(_figure(
            f"Attendance ({a.meetings_with_list} meeting(s) with a participant list)",
            svg.stacked_bars("attendance", f"{fr.name} {y.year}: attendance per person",
                             [(p.name, (p.present, p.absent)) for p in people],
                             [("present", PRESENT_COLOUR), ("absent (afbud)", ABSENT_COLOUR)])))
    if y.decisions:
        shown = [s for s in STATUSES if y.decisions_by_status.get(s)]
        figures.append(_figure(f"Decisions by status ({y.decisions})", svg.stacked_bars(
            "decisions-by-status", f"{fr.name} {y.year}: decisions by status",
            # one bar per status, in the status's colour
            [(s, tuple(y.decisions_by_status[s] if t == s else 0 for t in shown))
             for s in shown], [(s, STATUS_COLOURS[s]) for s in shown], legend=False)))
    if y.themes:
        figures.append(_figure("Main themes (agenda items mentioning them)", svg.stacked_bars(
            "themes", f"{fr.name} {y.year}: main themes",
            [(t.term, (t.items,)) for t in y.themes], [("items", THEME_COLOUR)])))
    moves = [(t.term, t.change) for t in y.rising] + [(t.term, t.change) for t in y.falling]
    if y.compared_to and moves:
        figures.append(_figure(
            f"Rose and fell against {y.compared_to} (share of items, percentage points)",
            svg.diverging("terms-moved", f"{fr.name} {y.year}: terms that rose and fell",
                          moves, unit=" pp")))
    if figures:
        out.append('<div class="grid">' + "".join(figures) + "</div>")
    out.append("<h4>Meetings</h4>")
    if y.meeting_list:
        out.append(_table(("date", "minutes", "items", "present", "absent"),
                          [(m.date, "yes" if m.minutes else "agenda only", m.items, m.present,
                            m.absent) for m in y.meeting_list], numeric=(2, 3, 4)))
    else:
        out.append(_none(f"No meetings in {y.year}."))
    if a.people:
        out.append("<h4>Attendance</h4>")
        out.append(_table(("person", "organisation", "present", "absent"),
                          [(p.name, p.organisation, p.present, p.absent) for p in a.people],
                          numeric=(2, 3)))
        if a.organisations:
            out.append("<p>Organisations present: " + "; ".join(
                f"{_e(o.name)} ({o.meetings} meeting{'s' if o.meetings != 1 else ''})"
                for o in a.organisations) + ".</p>")
        if a.absent_most:
            out.append("<p>Absent most: " + "; ".join(
                f"{_e(p.name)} ({p.absent} of {p.present + p.absent})" for p in a.absent_most)
                + ".</p>")

    out.append("<h4>Still open</h4>")
    if y.open_decisions:
        out.append(_table(("meeting", "item", "status", "decision", "days open"), [
            (o.meeting_date, " ".join(x for x in (o.item_number, o.item_title) if x),
             _Raw(_status(o.status)),
             _Raw(_e(o.text) + (' <span class="overdue">overdue</span>' if o.overdue else "")),
             o.age_days) for o in y.open_decisions], numeric=(4,)))
    else:
        out.append(_none(f"No decision of {y.year} is still open."))

    out.append("<h4>Matters</h4>")
    rows = [(m.first_date, "opened", m.title) for m in y.opened] + \
           [(m.settled_on, "settled", m.title) for m in y.settled]
    out.append(_table(("date", "", "matter"), rows) if rows else _none("No matter opened or settled."))

    out.append("<h4>Planned meetings</h4>")
    if y.planned_meetings:
        out.append(_table(("date", "named in the minutes of", "text"), [
            (p.date + (" (held)" if p.held else ""), p.source_date, p.text)
            for p in y.planned_meetings]))
    else:
        out.append(_none("The documents name no meeting after the year's last."))
    if y.closed_items_left_out:
        out.append(_none(f"{y.closed_items_left_out} closed item(s) left out."))
    out.append("</section>")
    return "".join(out)


def _anchor(fr: R.ForumReport) -> str:
    return "forum-" + (fr.id or short_hash(fr.name))


def report(rep: R.Report) -> str:
    years = sorted({y.year for fr in rep.forums for y in fr.years})
    span = f"{years[0]}" if years[0] == years[-1] else f"{years[0]}–{years[-1]}"
    title = f"Report {span}"
    meta = (f"{len(rep.forums)} forum{'s' if len(rep.forums) != 1 else ''} · open decisions and "
            f"their age as of {rep.as_of} · closed items "
            f"{'included' if rep.include_closed else 'left out'}")
    out = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{_e(title)} · referatkit</title><style>{CSS}</style></head><body>",
           f"<header><h1>{_e(title)}</h1><p class=\"meta\">{_e(meta)}</p></header>"]
    if len(rep.forums) > 1:
        out.append("<nav><ul>" + "".join(
            f'<li><a href="#{_e(_anchor(fr))}">{_e(fr.name)}</a></li>' for fr in rep.forums)
            + "</ul></nav>")
    for fr in rep.forums:
        out.append(f'<section class="forum" id="{_e(_anchor(fr))}"><h2>{_e(fr.name)}</h2>')
        if len(fr.names) > 1:
            out.append(f'<p class="meta">Written as: {_e("; ".join(fr.names))}</p>')
        out.append(_forum_charts(fr))
        out.append(_summary(fr))
        out.extend(_year(fr, y) for y in fr.years)
        out.append("</section>")
    out.append(f"<footer>Made by referatkit {_e(__version__)} from the archive's minutes. "
               "Counts leave out standing items where they would only add noise (themes, "
               "matters).</footer></body></html>")
    return "\n".join(out) + "\n"
