"""Markdown: diffs, reports and the draft årsrapport, as text a person can edit.

Pure functions from the dataclasses of :mod:`referatkit.diff` and :mod:`referatkit.report`
to a string. The årsrapport is in Danish (it is handed to Danish management); its wording is
data here (:data:`STATUS_DA`, :data:`AARSRAPPORT`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from referatkit import diff as D
from referatkit import report as R
from referatkit.model import STATUSES

# Deleted and inserted words in Markdown.
MD_DELETED = ("~~", "~~")
MD_INSERTED = ("**", "**")

_SPECIAL = re.compile(r"([\\`*_~\[\]<>|#])")


def esc(text: str | None) -> str:
    """Text safe inside Markdown (a title with "*" or "|" stays text)."""
    return _SPECIAL.sub(r"\\\1", (text or "").replace("\n", " "))


def _marked(segments: Sequence[D.Segment]) -> str:
    marks = {D.DELETE: MD_DELETED, D.INSERT: MD_INSERTED, D.EQUAL: ("", "")}
    out = []
    for sep, op, text in D.pieces(D.collapse(segments)):
        lines = text.split("\n")
        a, b = marks[op]
        # Emphasis cannot span a line break in Markdown: mark each line.
        out.append(sep + "  \n".join(f"{a}{esc(x)}{b}" if x else "" for x in lines))
    return "".join(out)


def _table(head: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    out = ["| " + " | ".join(head) + " |", "|" + "|".join(" --- " for _ in head) + "|"]
    for r in rows:
        out.append("| " + " | ".join(esc(str(c)) if c is not None else "" for c in r) + " |")
    return out


# ---------------------------------------------------------------------------------------------
# diff


def _counts_line(counts: dict[str, int]) -> str:
    return ", ".join(f"{counts[c]} {c if c != D.SAME else 'unchanged'}" for c in
                     (D.CHANGED, D.ADDED, D.REMOVED, D.SAME))


def show_text(it: D.ItemDiff) -> bool:
    """An item's text is shown when it changed, or when the whole item was added or
    removed."""
    return any(s.text for s in it.text) and (D.changed(it.text)
                                             or it.change in (D.ADDED, D.REMOVED))


def _item_lines(it: D.ItemDiff, heading: str) -> list[str]:
    out = [f"{heading} {it.change.capitalize()}: {esc(it.label)}", ""]
    if it.how == "title" and it.score is not None:
        out += [f"*paired by title similarity ({it.score:.0f})*", ""]
    if it.a and it.b and D.changed(it.title):
        out += [f"Title: {_marked(it.title)}", ""]
    if it.hidden:
        out += ["*Closed item: text and decisions left out (--include-closed shows them).*", ""]
    elif show_text(it):
        out += ["> " + _marked(it.text).replace("  \n", "  \n> "), ""]
    for d in it.decisions:
        if d.change == D.SAME:
            continue
        status = (f"{d.a.status} → {d.b.status}" if d.a and d.b and d.status_changed
                  else (d.b or d.a).status)  # type: ignore[union-attr]
        out.append(f"- decision {d.change} [{status}]: {_marked(d.words)}")
    if any(d.change != D.SAME for d in it.decisions):
        out.append("")
    return out


def meeting_diff(m: D.MeetingDiff) -> str:
    out = [f"# Diff: {esc(m.a.label)} → {esc(m.b.label)}", "",
           f"- A: {esc(m.a.label)}", f"- B: {esc(m.b.label)}", "",
           _counts_line(m.counts) + ".", ""]
    for it in m.items:
        if it.change != D.SAME:
            out += _item_lines(it, "##")
    same = [it.label for it in m.items if it.change == D.SAME]
    if same:
        out += ["Unchanged: " + "; ".join(esc(s) for s in same) + ".", ""]
    return "\n".join(out).rstrip() + "\n"


def matter_diff(m: D.MatterDiff) -> str:
    out = [f"# {esc(m.title)} — {esc(m.forum)}", "",
           f"{len(m.occurrences)} occurrences: " + "; ".join(
               f"{o.meeting_date or 'undated'} {esc(o.title)}" for o in m.occurrences) + ".", ""]
    for s in m.steps:
        out += [f"## {s.a.meeting_date} → {s.b.meeting_date}", ""]
        body = _item_lines(s.item, "###")[2:]
        out += body if s.item.change != D.SAME else ["No change.", ""]
    if m.others:
        out += ["Other matters matching: " + "; ".join(
            f"{esc(o['title'])} ({esc(o['forum'])}) [{o['id']}]" for o in m.others[:5]) + ".", ""]
    return "\n".join(out).rstrip() + "\n"


# ---------------------------------------------------------------------------------------------
# report


def _age(days: int) -> str:
    years, rest = divmod(days, 365)
    months = rest // 30
    if years:
        return f"{years}y {months}m"
    return f"{months}m" if months else f"{days}d"


def _statuses(by: dict[str, int]) -> str:
    return ", ".join(f"{by[s]} {s}" for s in STATUSES if by.get(s)) or "none"


def _year_lines(y: R.YearReport) -> list[str]:
    out = [f"### {y.year}", ""]
    dates = ", ".join(m.date + ("" if m.minutes else " (agenda only)") for m in y.meeting_list)
    out += [f"**Meetings:** {y.meetings}" + (f" ({dates})" if dates else ""), ""]
    a = y.attendance
    if a.people:
        out += [f"**Attendance** ({a.meetings_with_list} meeting(s) with a participant list):", ""]
        out += _table(("person", "organisation", "present", "absent"),
                      [(p.name, p.organisation, p.present, p.absent) for p in a.people])
        out.append("")
        if a.organisations:
            out += ["Organisations present: " + "; ".join(
                f"{esc(o.name)} ({o.meetings})" for o in a.organisations) + ".", ""]
        if a.absent_most:
            out += ["Absent most: " + "; ".join(
                f"{esc(p.name)} ({p.absent} of {p.present + p.absent})" for p in a.absent_most)
                + ".", ""]
    out += [f"**Decisions:** {y.decisions} — {_statuses(y.decisions_by_status)}.", ""]
    out += [f"**Matters:** {y.matters_opened} opened, {y.matters_settled} settled.", ""]
    for label, rows in (("Opened", y.opened), ("Settled", y.settled)):
        if rows:
            out += [f"{label}: " + "; ".join(
                f"{esc(m.title)} ({m.settled_on or m.first_date})" for m in rows) + ".", ""]
    if y.open_decisions:
        out += [f"**Still open:** {y.open}", ""]
        out += _table(("meeting", "item", "status", "decision", "age"),
                      [(o.meeting_date, f"{o.item_number or ''} {o.item_title}".strip(), o.status,
                        o.text + (" (overdue)" if o.overdue else ""), _age(o.age_days))
                       for o in y.open_decisions])
        out.append("")
    else:
        out += ["**Still open:** none", ""]
    if y.themes:
        out += ["**Themes:** " + ", ".join(f"{esc(t.term)} ({t.items})" for t in y.themes)
                + ".", ""]
    if y.compared_to:
        for label, moves in (("Rose", y.rising), ("Fell", y.falling)):
            if moves:
                out += [f"**{label} against {y.compared_to}:** " + ", ".join(
                    f"{esc(t.term)} ({t.change:+.0f} pp)" for t in moves) + ".", ""]
    if y.planned_meetings:
        out += ["**Planned meetings:** " + ", ".join(
            p.date + (" (held)" if p.held else "") for p in y.planned_meetings) + ".", ""]
    if y.closed_items_left_out:
        out += [f"*{y.closed_items_left_out} closed item(s) left out.*", ""]
    return out


SUMMARY_HEAD = ("year", "meetings", "items", "decisions", *STATUSES, "open", "opened", "settled")


def summary_rows(fr: R.ForumReport) -> list[tuple[object, ...]]:
    return [(y.year, y.meetings, y.items, y.decisions,
             *(y.decisions_by_status.get(s, 0) for s in STATUSES), y.open, y.matters_opened,
             y.matters_settled) for y in fr.years]


def report(rep: R.Report) -> str:
    years = sorted({y.year for fr in rep.forums for y in fr.years})
    span = f"{years[0]}" if years[0] == years[-1] else f"{years[0]}–{years[-1]}"
    out = [f"# Report {span}", "",
           f"{len(rep.forums)} forum(s); open decisions and ages as of {rep.as_of}; "
           + ("closed items included." if rep.include_closed else "closed items left out."), ""]
    for fr in rep.forums:
        out += [f"## {esc(fr.name)}", ""]
        out += _table(SUMMARY_HEAD, summary_rows(fr))
        out.append("")
        for y in fr.years:
            out += _year_lines(y)
    return "\n".join(out).rstrip() + "\n"


# ---------------------------------------------------------------------------------------------
# årsrapport (Danish)

STATUS_DA = {
    "approved": "godkendt", "noted": "taget til efterretning", "postponed": "udsat",
    "rejected": "afvist", "referred": "oversendt", "action": "opgave til opfølgning",
    "none": "uden beslutning",
}
MONTHS_DA = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
             "september", "oktober", "november", "december")
AARSRAPPORT = {
    "title": "Årsrapport {year} — {forum}",
    "draft": ("> Udkast skrevet af referatkit {version} den {today} ud fra arkivets {documents} "
              "for {year}. Tallene er talt op fra referaterne; ret, forkort og suppler teksten, "
              "før rapporten sendes videre."),
    "meetings": "## 1. Møder og deltagelse",
    "themes": "## 2. Temaer i året",
    "decisions": "## 3. Beslutninger",
    "open": "## 4. Åbne sager",
    "planned": "## 5. Planlagte møder",
}


def dato(iso: str | None) -> str:
    """2021-03-04 → "4. marts 2021"."""
    if not iso:
        return "udateret"
    d = date.fromisoformat(iso)
    return f"{d.day}. {MONTHS_DA[d.month - 1]} {d.year}"


def _dates_da(isos: Sequence[str]) -> str:
    parts = [dato(d) for d in isos]
    if len(parts) > 1:
        return ", ".join(parts[:-1]) + " og " + parts[-1]
    return parts[0] if parts else ""


def _join_da(parts: Sequence[str]) -> str:
    return ", ".join(parts[:-1]) + " og " + parts[-1] if len(parts) > 1 else "".join(parts)


def aarsrapport(rep: R.Report, fr: R.ForumReport, y: R.YearReport) -> str:
    from referatkit import __version__

    T = AARSRAPPORT
    n_docs = sum(1 for m in y.meeting_list if m.minutes)
    out = [f"# {T['title'].format(year=y.year, forum=esc(fr.name))}", "",
           T["draft"].format(version=__version__, today=dato(rep.as_of),
                             documents=f"{n_docs} referat{'er' if n_docs != 1 else ''}",
                             year=y.year), ""]

    out += [T["meetings"], ""]
    held = [m.date for m in y.meeting_list]
    out.append(f"{esc(fr.name)} har i {y.year} holdt {y.meetings} møde"
               f"{'r' if y.meetings != 1 else ''}" + (f": {_dates_da(held)}." if held else "."))
    agenda_only = [m.date for m in y.meeting_list if not m.minutes]
    if agenda_only:
        out.append(f"For {_dates_da(agenda_only)} findes kun dagsordenen i arkivet.")
    out.append("")
    a = y.attendance
    if a.people:
        out += _table(("Navn", "Organisation", "Deltog", "Afbud"),
                      [(p.name, p.organisation, p.present, p.absent) for p in a.people])
        out.append("")
        if a.organisations:
            out.append("Repræsenterede organisationer: " + _join_da(
                [f"{esc(o.name)} ({o.meetings} af {a.meetings_with_list} møder)"
                 for o in a.organisations]) + ".")
        if a.absent_most:
            p = a.absent_most[0]
            out.append(f"Flest afbud: {esc(p.name)} ({p.absent} af {p.present + p.absent} "
                       "møder).")
        out.append("")
    else:
        out += ["Referaterne har ingen deltagerlister; tilføj deltagerne.", ""]

    out += [T["themes"], ""]
    if y.themes:
        out.append("Årets gennemgående emner (antal dagsordenspunkter): " + ", ".join(
            f"{esc(t.term)} ({t.items})" for t in y.themes) + ".")
        if y.compared_to and y.rising:
            out.append(f"Fyldte mere end i {y.compared_to}: "
                       + _join_da([esc(t.term) for t in y.rising]) + ".")
        if y.compared_to and y.falling:
            out.append(f"Fyldte mindre end i {y.compared_to}: "
                       + _join_da([esc(t.term) for t in y.falling]) + ".")
        out += ["", "*Beskriv her kort hvert tema, og hvad der blev nået.*", ""]
    else:
        out += ["Ingen emner fundet i årets dagsordenspunkter.", ""]

    out += [T["decisions"], ""]
    parts = [f"{y.decisions_by_status[s]} {STATUS_DA[s]}" for s in STATUSES
             if y.decisions_by_status.get(s) and s != "none"]
    made = y.decisions - y.decisions_by_status.get("none", 0)
    out.append(f"Der blev truffet {made} beslutning{'er' if made != 1 else ''}"
               + (f": {_join_da(parts)}." if parts else "."))
    out.append("")
    if y.key_decisions:
        out += ["Årets beslutninger om sagerne:", ""] + [
            f"- {dato(k.meeting_date)}, {esc(k.item_title)}: {esc(k.text)}"
            + ("" if k.status == "approved" else f" ({STATUS_DA[k.status]})")
            for k in y.key_decisions] + [""]
    if y.opened:
        out += ["Nye sager i året:", ""] + [f"- {esc(m.title)} ({dato(m.first_date)})"
                                            for m in y.opened] + [""]
    if y.settled:
        out += ["Sager afsluttet i året:", ""] + [f"- {esc(m.title)} (afsluttet "
                                                  f"{dato(m.settled_on)})" for m in y.settled] + [""]

    out += [T["open"], ""]
    if y.open_decisions:
        out += _table(("Møde", "Punkt", "Status", "Beslutning", "Dage åben"),
                      [(dato(o.meeting_date), o.item_title, STATUS_DA.get(o.status, o.status),
                        o.text + (" (frist overskredet)" if o.overdue else ""), o.age_days)
                       for o in y.open_decisions])
        out += ["", f"Opgjort {dato(rep.as_of)}.", ""]
    else:
        out += [f"Ingen åbne sager fra {y.year} (opgjort {dato(rep.as_of)}).", ""]

    out += [T["planned"], ""]
    if y.planned_meetings:
        # One line per sentence that names them: "3. marts, 16. juni og 1. december 2022".
        by_text: dict[tuple[str | None, str], list[R.PlannedMeeting]] = {}
        for p in y.planned_meetings:
            by_text.setdefault((p.source_date, p.text), []).append(p)
        for (source, text), ps in by_text.items():
            out.append(f"- {_dates_da([p.date for p in ps])}"
                       + (" (afholdt)" if all(p.held for p in ps) else "")
                       + f" — jf. referatet fra {dato(source)}: \"{esc(text)}\"")
        out.append("")
    else:
        last = held[-1] if held else None
        out += [f"Referaterne nævner ingen møder efter {dato(last)}; tilføj mødeplanen."
                if last else "Referaterne nævner ingen planlagte møder; tilføj mødeplanen.", ""]
    return "\n".join(out).rstrip() + "\n"
