"""The command line: thin commands over ingest and queries, errors caught in one place.

Every command takes ``--db PATH`` (also before the subcommand); each command resolves the
database, calls one library function and hands the result to :mod:`referatkit.render`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from referatkit import __version__, config, people, queries, render
from referatkit import search as search_lib
from referatkit.errors import EXIT_PARTIAL, EXIT_USAGE, ReferatkitError, UsageError

# The pipeline, linking, diff, report and doctor are imported by the commands that use them:
# a search or a listing starts without compiling the segmenter's grammar or loading rapidfuzz.

# Exit code for Ctrl-C, as shells report it (128 + SIGINT).
EXIT_INTERRUPTED = 130

app = typer.Typer(
    name="referatkit",
    help="Danish meeting minutes in, a structured, searchable SQLite archive out.",
    epilog=(
        "\b\nExamples:\n"
        "  referatkit ingest ~/referater\n"
        '  referatkit search "F-ACT"\n'
        "  referatkit timeline psykiatri\n"
        "  referatkit show 1\n"
        "  referatkit decisions --open\n"
        "  referatkit doctor\n"
        '  referatkit history "Rammeaftale 2021-2022"\n'
        "  referatkit diff --forum styregruppe --date 2020-03-10 --date 2020-10-02\n"
        "  referatkit report --year 2021 --format html -o rapport.html\n"
        "  referatkit --db archive.db stats --format json\n\n"
        "The database is --db PATH, else $REFERATKIT_DB, else referatkit.db in your data folder."
    ),
    # Plain click help: examples keep their line breaks, and rich stays in render.py.
    rich_markup_mode=None,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

DbOption = Annotated[
    Path | None,
    typer.Option("--db", metavar="PATH", help="Database file (default: $REFERATKIT_DB, else one "
                 "in your data folder).", dir_okay=False, show_default=False),
]
ListFormat = Annotated[str, typer.Option("--format", "-f", metavar="table|json|csv",
                                          help="Output format.")]
WaitOption = Annotated[float, typer.Option("--wait", metavar="SECONDS", min=0,
                                           help="When another run is writing to the database, "
                                           "wait this long for it (else exit 3).")]
IncludeClosed = Annotated[bool, typer.Option("--include-closed", help="Include closed items "
                                             "(Lukket punkt, Fortroligt), left out by "
                                             "default.")]


def _examples(*lines: str) -> str:
    # "\b" stops click from re-wrapping the example lines into one paragraph.
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


def _db(ctx: typer.Context, db: Path | None) -> Path:
    """The command's --db, else the one given before the subcommand, else env/default."""
    given = db if db is not None else (ctx.obj or {}).get("db")
    return config.resolve_db_path(given)


def _version(value: bool) -> None:
    if value:
        print(f"referatkit {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    ctx: typer.Context,
    db: DbOption = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    ctx.obj = {"db": db}


@app.command(epilog=_examples(
    "referatkit ingest ~/referater",
    "referatkit ingest referat-2021-03-26.pdf notat.docx --format json",
    "referatkit --db /srv/referater.db ingest /share/referater --quiet --wait 600 "
    "--log-file /var/log/referatkit.log   # from cron",
    "referatkit ingest /share/referater --prune   # forget files gone from the share",
))
def ingest(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(metavar="PATH...", show_default=False,
                                                help="Files and folders to ingest.")],
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="table|json",
                                     help="Summary as a table on stderr, or JSON on stdout."
                                     )] = "table",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only problems: no progress and "
                                        "no summary; failures and warnings are still "
                                        "reported.")] = False,
    log_file: Annotated[Path | None, typer.Option("--log-file", metavar="FILE", dir_okay=False,
                                                  help="Append a timestamped log of the run "
                                                  "(files read, failures, summary).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Re-read every file, changed or not."
                                        )] = False,
    prune: Annotated[bool, typer.Option("--prune", help="Forget files gone from a folder "
                                        "scanned completely (their documents go too, unless "
                                        "another file holds them).")] = False,
    max_size: Annotated[str, typer.Option("--max-size", metavar="SIZE", help="Do not read "
                                          "larger files (200M, 1G, 500k).")] = "200M",
    wait: WaitOption = 0.0,
    keep_cpr: Annotated[bool, typer.Option("--keep-cpr", help="Keep CPR numbers in the "
                                           "stored text (they never reach the search "
                                           "index).")] = False,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, show_default=False,
        help="Worker processes that read files (default: one per core, or REFERATKIT_JOBS)."
    )] = None,
) -> None:
    """Read files and folders of minutes (PDF, DOCX, TXT, Markdown) into the archive.

    Unchanged files are not read again. Files gone from a folder that was scanned completely
    are marked removed and kept until --prune. Exit code 0 when everything was stored, 1 when
    some files failed (the rest was stored), 2 for a usage error, 3 when the database cannot
    be used (another run is writing to it, or it is damaged).
    """
    from referatkit.ingest import ingest as run_ingest
    from referatkit.ingest import parse_size
    from referatkit.workers import default_jobs
    fmt = render.check_format(fmt, (render.TABLE, render.JSON))
    size = parse_size(max_size)
    db_path = _db(ctx, db)
    start = (f"start: referatkit {__version__} ingest {' '.join(str(p) for p in paths)} "
             f"(database {db_path})")
    with render.ingest_log(log_file, start) as log, \
            render.ingest_progress(quiet=quiet, log=log) as progress:
        report = run_ingest(paths, db_path, on_progress=progress, force=force,
                            keep_cpr=keep_cpr, max_size=size, prune=prune, wait=wait,
                            jobs=jobs or default_jobs())
        if log:
            log.summary(report)
    if fmt == render.JSON:
        render.write_json(report.to_dict())
        render.ingest_summary(report, quiet=True)
    else:
        render.ingest_summary(report, quiet=quiet)
    if report.exit_code:
        raise typer.Exit(report.exit_code)


@app.command(epilog=_examples(
    "referatkit doctor",
    "referatkit doctor --format json",
    "referatkit doctor --rebuild-index",
    "referatkit doctor --quiet   # from cron: says something only when something is wrong",
))
def doctor(
    ctx: typer.Context,
    db: DbOption = None,
    rebuild_index: Annotated[bool, typer.Option("--rebuild-index", help="Rebuild the "
                                                "full-text index from the stored documents, "
                                                "then check.")] = False,
    wait: WaitOption = 0.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only problems, on stderr "
                                        "(nothing when all is well).")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="table|json",
                                     help="Output format.")] = "table",
) -> None:
    """Check the archive: SQLite integrity, the full-text index, the schema version, rows
    that point at something gone, killed runs, file permissions. Exit code 0 when all is
    well, 1 when a check found a problem, 3 when the database cannot be opened."""
    from referatkit import doctor as doctor_mod
    fmt = render.check_format(fmt, (render.TABLE, render.JSON))
    path = config.resolve_db_path(db if db is not None else (ctx.obj or {}).get("db"),
                                  create_dir=False)
    report = (doctor_mod.rebuild_index(path, wait=wait) if rebuild_index
              else doctor_mod.check(path))
    render.doctor(report, fmt, quiet=quiet)
    if report.exit_code:
        raise typer.Exit(report.exit_code)


SEARCH_HELP = """\
Words: every word must occur in the hit. A word also finds its other forms (beslutning:
beslutninger, beslutningen, beslutningerne; Snowball Danish stemming) and the compounds it
is part of (aftale: rammeaftale, samarbejdsaftale, aftalegrundlag). Hits come in that order:
words as written, then other forms, then compounds; within each, hits in titles before hits in
the text, then by relevance (bm25; compounds newest first), ties going to the newest meeting.
æ, ø and å are letters of their own: "soer" does not find "søer". --exact: the words as
written only.
--aa: "aa" and "å" are the same (Aabenraa, Åbenrå).

"quoted words" must occur together, as written. A word ending in * is a prefix (rammeaft*).
Any other character is searched as text: F-ACT, § 107, AND, (, ' and - are never query
syntax. --raw passes FTS5 syntax through instead (AND, OR, NOT, NEAR(a b, 5), prefix*,
"phrase", title: or body: for one column).

The same minutes as PDF, DOCX and TXT, or an item both the agenda and the minutes list, give
one hit; the table says how many files hold it (JSON: copies, other_paths). Items marked
closed (lukket punkt) are left out unless --include-closed. When a search finds little,
close words of the archive are suggested: on stderr, or as "suggestions" in JSON.

JSON: an object {query, hits, more, offset, suggestions, words}; each hit has path,
meeting_date, forum, item_number, item_title, kind, snippet (matches in **bold**), score,
document_id, match (exact, form or compound), copies and other_paths. CSV: one row per hit.
"""

InOption = Annotated[str, typer.Option("--in", metavar="items|decisions|all",
                                       help="Where to look: agenda items (titles, sections, "
                                       "decisions), decisions only, or everything (also "
                                       "document titles, preambles and memos).")]
ExactOption = Annotated[bool, typer.Option("--exact", help="Words as written only: no "
                                           "other forms, no compounds.")]
AaOption = Annotated[bool, typer.Option("--aa", help='Read "aa" as "å" (old spelling: '
                                        "Aabenraa finds Åbenrå and back).")]
RawOption = Annotated[bool, typer.Option("--raw", help="The query is FTS5 syntax (for "
                                         "experts); errors are reported, not guessed at.")]
ClosedOption = Annotated[bool, typer.Option("--include-closed", help="Also items marked "
                                            "closed (lukket punkt, fortroligt).")]
StatusOption = Annotated[str | None, typer.Option(
    "--status", metavar="STATUS", help="Only items with a decision of this status (a "
    "decision hit: its own): approved, noted, postponed, rejected, referred, action, none.")]
DocTypeOption = Annotated[str | None, typer.Option(
    "--doc-type", metavar="TYPE", help="Only documents of this type: referat, dagsorden, "
    "dagsorden+referat, notat, aarsrapport, other.")]
FromOption = Annotated[str | None, typer.Option("--from", metavar="DATE",
                                                help="From date: YYYY, YYYY-MM or YYYY-MM-DD.")]
ToOption = Annotated[str | None, typer.Option("--to", metavar="DATE",
                                              help="To date (inclusive).")]
ForumOption = Annotated[str | None, typer.Option("--forum", metavar="NAME", help="Only meetings of a forum "
                                                 "whose name contains this.")]


@app.command(help="Full-text search over titles, sections and decisions, best match "
             "first.\n\n" + SEARCH_HELP, epilog=_examples(
    'referatkit search "F-ACT"',
    "referatkit search beslutning            # also beslutninger, beslutningen, …",
    "referatkit search aftale --exact        # not rammeaftale, not aftaler",
    'referatkit search "rammeaftale psykiatri" --from 2020 --to 2021-06',
    "referatkit search udsat --in decisions --forum styregruppe --year 2021",
    "referatkit search budget --status postponed --doc-type referat",
    "referatkit search Aabenraa --aa",
    'referatkit search \'"næste møde"\' --limit 50 --offset 50',
    "referatkit search 'rammeaft* NOT budget' --raw",
    "referatkit search F-ACT --format json | jq '.hits[] | {meeting_date, item_title}'",
))
def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(metavar="QUERY", help="Words to find (all of them); "
                                         '"quoted words" must occur together.')],
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", metavar="N", help="Most hits to show.")] = search_lib.DEFAULT_LIMIT,
    offset: Annotated[int, typer.Option("--offset", metavar="N", help="Skip this many hits.")] = 0,
    forum: ForumOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    year: Annotated[str | None, typer.Option("--year", metavar="YYYY",
                                             help="Only meetings of this year.")] = None,
    scope: InOption = "all",
    kind: Annotated[str | None, typer.Option("--kind", metavar="|".join(search_lib.SEARCH_KINDS),
                                             help="Only this kind of match.")] = None,
    status: StatusOption = None,
    doc_type: DocTypeOption = None,
    include_closed: ClosedOption = False,
    exact: ExactOption = False,
    aa: AaOption = False,
    raw: RawOption = False,
    fmt: ListFormat = "table",
) -> None:
    fmt = render.check_format(fmt)
    result = search_lib.search(
        _db(ctx, db), query, limit=limit, offset=offset, forum=forum, date_from=date_from,
        date_to=date_to, year=year, scope=scope, kind=kind, status=status, doc_type=doc_type,
        include_closed=include_closed, exact=exact, aa=aa, raw=raw)
    render.search_results(result, fmt)


@app.command(help="How often a term comes up per year, and per forum: a bar chart, or the "
             "counts as JSON or CSV.\n\nTERM is searched as 'search' does (other forms and "
             "compounds included unless --exact). Mentions are search hits (the same minutes "
             "in several files once); items and meetings are those the hits are in. JSON: "
             "{query, total, years [{year, mentions, items, meetings}], forums [{forum, "
             "mentions, items, meetings, years}]}; CSV: one row per year and forum.",
             epilog=_examples(
    "referatkit timeline psykiatri",
    'referatkit timeline "F-ACT" --forum netværk',
    "referatkit timeline rammeaftale --from 2015 --format csv > rammeaftale.csv",
    "referatkit timeline udsat --in decisions --format json",
))
def timeline(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(metavar="TERM", help="A word, several words or a "
                                         '"phrase", as for search.')],
    db: DbOption = None,
    forum: ForumOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    scope: InOption = "all",
    status: StatusOption = None,
    doc_type: DocTypeOption = None,
    include_closed: ClosedOption = False,
    exact: ExactOption = False,
    aa: AaOption = False,
    raw: RawOption = False,
    fmt: ListFormat = "table",
) -> None:
    fmt = render.check_format(fmt)
    render.timeline(search_lib.timeline(
        _db(ctx, db), query, forum=forum, date_from=date_from, date_to=date_to, scope=scope,
        status=status, doc_type=doc_type, include_closed=include_closed, exact=exact, aa=aa,
        raw=raw), fmt)


@app.command(epilog=_examples(
    "referatkit show 1",
    "referatkit show 3f9a0c2b71de",
    "referatkit show 2021/referat-26-marts.pdf --format json",
))
def show(
    ctx: typer.Context,
    ref: Annotated[str, typer.Argument(metavar="REF", help="Document id (or its first "
                                       "characters), path, or number (1 = first ingested).")],
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="table|json",
                                     help="A tree, or the document as JSON.")] = "table",
    include_closed: IncludeClosed = False,
) -> None:
    """Show one document: meeting, items, sections and decisions (closed items only with
    --include-closed)."""
    fmt = render.check_format(fmt, (render.TABLE, render.JSON))
    render.document(queries.show(_db(ctx, db), ref, include_closed=include_closed), fmt)


def _sub_app(help_text: str, epilog: str) -> typer.Typer:
    """A command with subcommands that also runs by itself (``decisions``, ``forums``)."""
    return typer.Typer(help=help_text, epilog=epilog, invoke_without_command=True,
                       no_args_is_help=False, rich_markup_mode=None, add_completion=False,
                       context_settings={"help_option_names": ["-h", "--help"]})


def _keep_db(ctx: typer.Context, db: Path | None) -> None:
    # The group's --db, for its subcommands ("decisions --db X close ID").
    if db is not None:
        ctx.obj = {**(ctx.obj or {}), "db": db}


AsOfOption = Annotated[str | None, typer.Option("--as-of", metavar="DATE",
                                                help="Count age and overdue to this date "
                                                "(default: today).")]
NoteOption = Annotated[str | None, typer.Option("--note", "-m", metavar="TEXT", help="Why (kept with the "
                                                "decision, shown in listings).")]
OutFormat = Annotated[str, typer.Option("--format", "-f", metavar="table|json",
                                        help="A line, or the decision as JSON.")]

decisions_app = _sub_app(
    "List decisions in meeting order, with their status and the raw text; close, reopen or "
    "annotate one by hand.\n\nA postponed, referred or action decision is open until a later "
    "meeting of the same forum settles the same matter (approved, noted, rejected), or you "
    "close it. Subcommands: close, reopen, note.",
    _examples(
        "referatkit decisions --open",
        "referatkit decisions --status postponed --forum styregruppe --from 2020",
        "referatkit decisions --owner Jette --format csv > handlinger.csv",
        'referatkit decisions close 3f9a0c2b71de --note "Klaret på mail 3. marts"',
        "referatkit decisions reopen 3f9a0c2b71de",
    ))
app.add_typer(decisions_app, name="decisions")


@decisions_app.callback()
def decisions(
    ctx: typer.Context,
    db: DbOption = None,
    open_only: Annotated[bool, typer.Option("--open", help="Only open decisions: postponed, "
                                            "referred, or an action for someone, and not yet "
                                            "settled by a later meeting or closed by hand.")] = False,
    status: Annotated[str | None, typer.Option("--status", metavar="STATUS",
                                               help="Only this status: approved, noted, "
                                               "postponed, rejected, referred, action, none.")] = None,
    forum: Annotated[str | None, typer.Option("--forum", metavar="NAME", help="Only meetings of a forum "
                                              "whose name contains this.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", metavar="DATE",
                                                  help="From date: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", metavar="DATE",
                                                help="To date (inclusive).")] = None,
    owner: Annotated[str | None, typer.Option("--owner", metavar="NAME", help="Only decisions whose owner "
                                              "contains this.")] = None,
    as_of: AsOfOption = None,
    fmt: ListFormat = "table",
) -> None:
    if ctx.invoked_subcommand is not None:
        _keep_db(ctx, db)
        return
    fmt = render.check_format(fmt)
    rows = queries.decisions(_db(ctx, db), open_only=open_only, status=status, forum=forum,
                             date_from=date_from, date_to=date_to, owner=owner, as_of=as_of)
    render.decision_rows(rows, fmt, open_view=open_only)


@decisions_app.command("close", epilog=_examples(
    'referatkit decisions close 3f9a0c2b71de --note "Klaret på mail 3. marts"',
    "referatkit decisions close 3f9a --format json",
))
def decisions_close(
    ctx: typer.Context,
    decision: Annotated[str, typer.Argument(metavar="ID", help="The decision's id (or its "
                                            "first characters), as 'decisions' lists it.")],
    note: NoteOption = None,
    db: DbOption = None,
    fmt: OutFormat = "table",
) -> None:
    """Close a decision by hand: it leaves 'decisions --open' for good (until reopened).

    The close is kept under the decision's stable id: it survives re-ingest, an edited or
    moved file, and (through export-state/import-state) a rebuilt database.
    """
    from referatkit import state
    fmt = render.check_format(fmt, (render.TABLE, render.JSON))
    render.decision_marked(state.close(_db(ctx, db), decision, note), "Closed", fmt)


@decisions_app.command("reopen", epilog=_examples(
    "referatkit decisions reopen 3f9a0c2b71de",
    'referatkit decisions reopen 3f9a --note "Ikke afklaret alligevel"',
))
def decisions_reopen(
    ctx: typer.Context,
    decision: Annotated[str, typer.Argument(metavar="ID", help="The decision's id (or its "
                                            "first characters).")],
    note: NoteOption = None,
    db: DbOption = None,
    fmt: OutFormat = "table",
) -> None:
    """Open a decision again, after a close by hand or a settling decision at a later meeting
    (a settling decision at a still later meeting closes it again)."""
    from referatkit import state
    fmt = render.check_format(fmt, (render.TABLE, render.JSON))
    render.decision_marked(state.reopen(_db(ctx, db), decision, note), "Reopened", fmt)


@decisions_app.command("note", epilog=_examples(
    'referatkit decisions note 3f9a0c2b71de "Jette rykker KKR i april"',
))
def decisions_note(
    ctx: typer.Context,
    decision: Annotated[str, typer.Argument(metavar="ID", help="The decision's id (or its "
                                            "first characters).")],
    text: Annotated[str, typer.Argument(metavar="TEXT", help="The note.")],
    db: DbOption = None,
    fmt: OutFormat = "table",
) -> None:
    """Attach a note to a decision without closing or opening it."""
    from referatkit import state
    fmt = render.check_format(fmt, (render.TABLE, render.JSON))
    render.decision_marked(state.annotate(_db(ctx, db), decision, text), "Noted", fmt)


forums_app = _sub_app(
    "List the forums: the bodies the documents are from, each name as written matched to one "
    "forum, with meeting counts and years. Names that may be the same forum are listed "
    "below the table; confirm with 'forums merge', undo with 'forums unmerge'.",
    _examples(
        "referatkit forums",
        'referatkit forums merge "Styregruppemøde" "Styregruppen for Rammeaftale Sjælland"',
        'referatkit forums unmerge "Styregruppen for Rammeaftaler Sjælland"',
        "referatkit forums --format json",
    ))
app.add_typer(forums_app, name="forums")


@forums_app.callback()
def forums(
    ctx: typer.Context,
    db: DbOption = None,
    fmt: ListFormat = "table",
) -> None:
    if ctx.invoked_subcommand is not None:
        _keep_db(ctx, db)
        return
    fmt = render.check_format(fmt)
    render.forums(queries.forums(_db(ctx, db)), fmt)


@forums_app.command("merge", epilog=_examples(
    'referatkit forums merge "Styregruppemøde" "Styregruppen for Rammeaftale Sjælland"',
    "referatkit forums merge 1a2b 3c4d",
))
def forums_merge(
    ctx: typer.Context,
    forum: Annotated[str, typer.Argument(metavar="FORUM", help="A forum (name, a name it is "
                                         "written as, a unique part of one, or its id).")],
    into: Annotated[str, typer.Argument(metavar="INTO", help="The forum it is; the merged "
                                        "forum takes this one's name.")],
    note: NoteOption = None,
    db: DbOption = None,
) -> None:
    """Record that FORUM is the same body as INTO (kept as your choice, by name)."""
    from referatkit import state
    render.forum_changed(state.merge_forums(_db(ctx, db), forum, into, note), "Merged")


@forums_app.command("unmerge", epilog=_examples(
    'referatkit forums unmerge "Styregruppen for Rammeaftaler Sjælland"',
))
def forums_unmerge(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help="A forum name as documents "
                                        "write it.")],
    note: NoteOption = None,
    db: DbOption = None,
) -> None:
    """Record that documents written with NAME are a forum of their own (never matched)."""
    from referatkit import state
    render.forum_changed(state.unmerge_forum(_db(ctx, db), name, note), "Apart")


@app.command(epilog=_examples(
    'referatkit history "Rammeaftale 2021-2022"',
    'referatkit history rekruttering --forum styregruppe --format json',
    "referatkit history 3f9a0c2b71de        # the matter of a decision",
))
def history(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(metavar="MATTER", help="An item title or words of "
                                         "one, a matter id, or a decision id.")],
    db: DbOption = None,
    forum: Annotated[str | None, typer.Option("--forum", metavar="NAME", help="Only matters of a forum "
                                              "whose name contains this.")] = None,
    all_matters: Annotated[bool, typer.Option("--all", help="Every matching matter, not only "
                                              "the best.")] = False,
    standing: Annotated[bool, typer.Option("--standing", help="Include standing items "
                                           "(Eventuelt, Godkendelse af dagsorden, …).")] = False,
    as_of: AsOfOption = None,
    fmt: ListFormat = "table",
) -> None:
    """A matter's timeline across meetings and years: dates, forum, titles as written,
    decisions and whether they are still open."""
    fmt = render.check_format(fmt)
    render.history(queries.history(_db(ctx, db), query, forum=forum, all_matters=all_matters,
                                   include_standing=standing, as_of=as_of), fmt)


@app.command(epilog=_examples(
    "referatkit meetings",
    "referatkit meetings --forum styregruppe --from 2021 --format json",
))
def meetings(
    ctx: typer.Context,
    db: DbOption = None,
    forum: Annotated[str | None, typer.Option("--forum", metavar="NAME", help="Only forums whose name (or a "
                                              "name they are written as) contains this.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", metavar="DATE",
                                                  help="From date: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", metavar="DATE",
                                                help="To date (inclusive).")] = None,
    fmt: ListFormat = "table",
) -> None:
    """Meetings per forum in date order, each with its documents (agenda and minutes of one
    meeting are one meeting)."""
    fmt = render.check_format(fmt)
    render.meeting_rows(queries.meetings(_db(ctx, db), forum=forum, date_from=date_from,
                                         date_to=date_to), fmt)


@app.command("people", epilog=_examples(
    "referatkit people --forum styregruppe --year 2021",
    "referatkit people --from 2020 --to 2021 --sort absent",
    'referatkit people --name "Jette" --format json',
))
def people_cmd(
    ctx: typer.Context,
    db: DbOption = None,
    forum: Annotated[str | None, typer.Option("--forum", metavar="NAME", help="Only forums whose name "
                                              "contains this.")] = None,
    year: Annotated[int | None, typer.Option("--year", metavar="YEAR", help="Only meetings of this year.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", metavar="DATE",
                                                  help="From date: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", metavar="DATE",
                                                help="To date (inclusive).")] = None,
    name: Annotated[str | None, typer.Option("--name", metavar="TEXT", help="Only people whose name "
                                             "contains this.")] = None,
    sort: Annotated[str, typer.Option("--sort", metavar="|".join(people.PEOPLE_SORTS),
                                      help="Order: most present first (per forum), most "
                                      "absent first, or by name.")] = "attendance",
    fmt: ListFormat = "table",
) -> None:
    """Attendance per person and forum: meetings with a participant list, present, sent
    apologies (afbud), not named. Agenda and minutes of one meeting count once."""
    fmt = render.check_format(fmt)
    if year is not None:
        if date_from or date_to:
            raise UsageError("--year cannot be combined with --from/--to")
        date_from = date_to = str(year)
    render.people_rows(people.people(_db(ctx, db), forum=forum, date_from=date_from,
                                     date_to=date_to, name=name, sort=sort), fmt)


OutputOption = Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE",
                                                 help="Write to FILE instead of stdout.",
                                                 dir_okay=False)]
IncludeClosedOption = Annotated[bool, typer.Option("--include-closed", help="Include closed "
                                                   "items (Lukket punkt, Fortroligt).")]


@app.command(epilog=_examples(
    "referatkit diff 2020/referat-10-marts.pdf 2020/referat-2-oktober.docx",
    "referatkit diff --forum styregruppe --date 2020-03-10 --date 2020-10-02",
    "referatkit diff --forum styregruppe --date 2021-11 --forum netværk --date 2021-11",
    'referatkit diff --matter "Rammeaftale" --from 2020 --to 2021 --format md',
))
def diff(
    ctx: typer.Context,
    refs: Annotated[list[str] | None, typer.Argument(
        metavar="[A] [B]", show_default=False,
        help="Documents to compare: id (or its first characters), path, or number.")] = None,
    db: DbOption = None,
    forum: Annotated[list[str] | None, typer.Option(
        "--forum", metavar="NAME", help="The forum of the --date meetings (a part of its name); once for "
        "all dates, or once per date.", show_default=False)] = None,
    date: Annotated[list[str] | None, typer.Option(
        "--date", metavar="DATE", help="A meeting to compare, by date (YYYY-MM-DD, or a month "
        "or year with one meeting); twice for two meetings.", show_default=False)] = None,
    matter: Annotated[str | None, typer.Option(
        "--matter", metavar="MATTER", help="Instead: how this recurring matter (title or "
        "words of it) changed from each occurrence to the next.")] = None,
    date_from: Annotated[str | None, typer.Option(
        "--from", metavar="DATE", help="With --matter: from date (YYYY, YYYY-MM, YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, typer.Option(
        "--to", metavar="DATE", help="With --matter: to date (inclusive).")] = None,
    include_closed: IncludeClosedOption = False,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="table|md|json",
                                     help="Output format.")] = "table",
    output: OutputOption = None,
) -> None:
    """What changed between two meetings or documents: items lined up by matter (by title
    where no matter links them), then added, removed and changed items, with a word-level
    diff of text and decisions ([-deleted-] {+inserted+}). With --matter: a recurring item
    across its occurrences."""
    from referatkit import diff as D
    fmt = render.check_format(fmt, render.DIFF_FORMATS)
    path = _db(ctx, db)
    if matter is not None:
        if refs or date:
            raise UsageError("--matter compares a matter's occurrences: give no documents "
                             "or --date with it")
        if forum and len(forum) > 1:
            raise UsageError("--matter takes one --forum")
        result: D.MeetingDiff | D.MatterDiff = D.diff_matter(
            path, matter, forum=forum[0] if forum else None, date_from=date_from,
            date_to=date_to, include_closed=include_closed)
    else:
        if date_from or date_to:
            raise UsageError("--from/--to go with --matter; for two meetings give --date twice")
        result = D.diff_meetings(path, refs or [], forums=forum or [], dates=date or [],
                                 include_closed=include_closed)
    render.diff_result(result, fmt, output)


@app.command(epilog=_examples(
    "referatkit report --year 2021",
    "referatkit report --from 2019 --to 2021 --forum netværk --format html -o rapport.html",
    "referatkit report --year 2021 --format json | jq '.forums[].years[].open'",
    "referatkit report --forum netværk --year 2021 --template aarsrapport -o aarsrapport.md",
))
def report(
    ctx: typer.Context,
    db: DbOption = None,
    year: Annotated[int | None, typer.Option("--year", metavar="YEAR",
                                             help="One year.", show_default=False)] = None,
    date_from: Annotated[str | None, typer.Option("--from", metavar="YEAR",
                                                  help="First year (YYYY, or a date in it).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", metavar="YEAR",
                                                help="Last year (inclusive).")] = None,
    forum: Annotated[str | None, typer.Option("--forum", metavar="NAME", help="Only forums whose name (or a "
                                              "name they are written as) contains this.")] = None,
    include_closed: IncludeClosedOption = False,
    template: Annotated[str | None, typer.Option(
        "--template", metavar="aarsrapport", help="A draft document instead of the "
        "numbers: 'aarsrapport' (Markdown, one forum and one year).")] = None,
    as_of: AsOfOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="table|md|json|csv|html",
                                     help="Output format (html: one self-contained file "
                                     "with charts).")] = "table",
    output: OutputOption = None,
) -> None:
    """Per forum and year: meetings, attendance (who was absent most), decisions by status,
    matters opened and settled, decisions still open and their age, the main themes and the
    terms that rose or fell against the year before. Without --year/--from/--to: every
    year. Closed items are left out unless --include-closed."""
    from referatkit import report as R
    chosen = R.check_template(template)
    fmt = render.check_format(fmt, render.REPORT_FORMATS)
    if chosen and fmt not in (render.TABLE, render.MD):
        raise UsageError(f"--template {chosen} writes Markdown (leave out --format)")
    rep = R.report(_db(ctx, db), year=year, date_from=date_from, date_to=date_to, forum=forum,
                   include_closed=include_closed, as_of=as_of)
    render.report_result(rep, fmt, output, template=chosen)


@app.command("export-state", epilog=_examples(
    "referatkit export-state > referatkit-state.json",
    "referatkit export-state --output /backup/referatkit-state.json",
))
def export_state(
    ctx: typer.Context,
    db: DbOption = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE",
                                                help="Write here instead of stdout.",
                                                dir_okay=False)] = None,
) -> None:
    """Write what people recorded (closed decisions, notes, forum merges) as JSON: a backup
    that 'import-state' restores, also into a database rebuilt from the same files."""
    from referatkit import state
    data = state.export_state(_db(ctx, db))
    if output is None:
        render.write_json(data)
        return
    with open(output, "w", encoding="utf-8") as f:
        render.write_json(data, f)
    render.message(f"Wrote {len(data['decision_marks'])} decision mark(s) and "
                   f"{len(data['forum_aliases'])} forum choice(s) to {output}")


@app.command("import-state", epilog=_examples(
    "referatkit import-state referatkit-state.json",
    "referatkit --db new.db ingest ~/referater && referatkit --db new.db import-state state.json",
))
def import_state(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(metavar="FILE", help="A file from export-state "
                                         "('-' for stdin).", dir_okay=False)],
    db: DbOption = None,
) -> None:
    """Restore what 'export-state' wrote. A row this archive holds in a newer version is kept."""
    from referatkit import state
    if str(path) == "-":
        text = sys.stdin.read()
    else:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as e:
            raise UsageError(f"cannot read {path}: {e.strerror or e}") from e
    report = state.import_state(_db(ctx, db), state.read_state_file(text))
    render.message(f"Imported {report.decision_marks} decision mark(s) and "
                   f"{report.forum_aliases} forum choice(s)"
                   + (f"; kept {report.skipped} newer row(s) of this archive" if report.skipped
                      else ""))


@app.command(epilog=_examples(
    "referatkit link",
))
def link(
    ctx: typer.Context,
    db: DbOption = None,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, show_default=False, metavar="N",
        help="Worker processes that link forums (default: one per core).")] = None,
) -> None:
    """Link meetings and matters again for every forum (ingest does it for what changed;
    run this after upgrading referatkit)."""
    from referatkit import state
    from referatkit.workers import default_jobs
    done = state.relink(_db(ctx, db), jobs=jobs or default_jobs())
    render.message(f"Linked {len(done.linked)} forum(s): {done.matters} matters, "
                   f"{done.open_decisions} open decision(s)")


@app.command(epilog=_examples(
    "referatkit export --format json > archive.json",
    "referatkit export | jq '.[] | {path, meeting_date, items: (.items | length)}'",
))
def export(
    ctx: typer.Context,
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="json",
                                     help="Export format.")] = "json",
    include_closed: IncludeClosed = False,
) -> None:
    """Print every document as one JSON array (the schema in the README). Closed items
    (Lukket punkt, Fortroligt) are left out unless --include-closed."""
    render.check_format(fmt, (render.JSON,))
    render.export_documents(queries.export(_db(ctx, db), include_closed=include_closed))


@app.command(epilog=_examples(
    "referatkit stats",
    "referatkit stats --format json | jq .failed",
))
def stats(
    ctx: typer.Context,
    db: DbOption = None,
    fmt: ListFormat = "table",
) -> None:
    """Counts of documents, items, decisions and files, the failed files and the last run."""
    fmt = render.check_format(fmt)
    render.stats(queries.stats(_db(ctx, db)), fmt)


def _is_click_error(e: BaseException, name: str) -> bool:
    # Typer >= 0.2x raises its vendored copy of click's exceptions, older Typer raises
    # click's own: recognise both by class name rather than by one module's classes.
    return any(c.__name__ == name for c in type(e).__mro__)


def run(argv: list[str] | None = None) -> int:
    """Run the CLI and return the exit code. Every error is caught here, once."""
    command = typer.main.get_command(app)
    try:
        rv = command.main(args=argv, prog_name="referatkit", standalone_mode=False)
    except ReferatkitError as e:
        render.error(e.message)
        return e.exit_code
    except (typer.Abort, KeyboardInterrupt):
        render.error("interrupted")
        return EXIT_INTERRUPTED
    except Exception as e:  # noqa: BLE001 - the promise: no traceback ever reaches a user
        if _is_click_error(e, "NoArgsIsHelpError"):
            render.message(e.format_message())  # type: ignore[attr-defined]
            return EXIT_USAGE
        if _is_click_error(e, "UsageError"):
            render.error(e.format_message())  # type: ignore[attr-defined]
            ctx = getattr(e, "ctx", None)
            if ctx is not None:
                render.message(f"Try '{ctx.command_path} --help' for help.")
            return EXIT_USAGE
        if _is_click_error(e, "ClickException"):
            render.error(e.format_message())  # type: ignore[attr-defined]
            return int(getattr(e, "exit_code", EXIT_PARTIAL))
        detail = " ".join(str(e).split())
        render.error(f"unexpected: {type(e).__name__}: {detail}" if detail
                     else f"unexpected: {type(e).__name__}")
        return EXIT_PARTIAL
    return rv if isinstance(rv, int) else 0


def main() -> None:
    sys.exit(run())
