"""The command line: thin commands over ingest and queries, errors caught in one place.

Every command takes ``--db PATH`` (also before the subcommand); each command resolves the
database, calls one library function and hands the result to :mod:`referatkit.render`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from referatkit import __version__, config, queries, render
from referatkit.errors import EXIT_PARTIAL, EXIT_USAGE, ReferatkitError
from referatkit.ingest import ingest as run_ingest

# Exit code for Ctrl-C, as shells report it (128 + SIGINT).
EXIT_INTERRUPTED = 130

app = typer.Typer(
    name="referatkit",
    help="Danish meeting minutes in, a structured, searchable SQLite archive out.",
    epilog=(
        "\b\nExamples:\n"
        "  referatkit ingest ~/referater\n"
        '  referatkit search "F-ACT"\n'
        "  referatkit show 1\n"
        "  referatkit decisions --open\n"
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
    "referatkit --db /srv/referater.db ingest /share/referater --quiet   # from cron",
))
def ingest(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(metavar="PATH...", show_default=False,
                                                help="Files and folders to ingest.")],
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="table|json",
                                     help="Summary as a table on stderr, or JSON on stdout."
                                     )] = "table",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summary; "
                                        "failures are still reported.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Re-read every file, changed or not."
                                        )] = False,
) -> None:
    """Read files and folders of minutes (PDF, DOCX, TXT, Markdown) into the archive.

    Unchanged files are not read again; files gone from a folder are marked removed. Exit code
    0 when everything was stored, 1 when some files failed (the rest was stored).
    """
    fmt = render.check_format(fmt, (render.TABLE, render.JSON))
    with render.ingest_progress(quiet=quiet) as progress:
        report = run_ingest(paths, _db(ctx, db), on_progress=progress, force=force)
    if fmt == render.JSON:
        render.write_json(report.to_dict())
        render.ingest_summary(report, quiet=True)
    else:
        render.ingest_summary(report, quiet=quiet)
    if report.exit_code:
        raise typer.Exit(report.exit_code)


@app.command(epilog=_examples(
    'referatkit search "F-ACT"',
    'referatkit search "rammeaftale psykiatri" --from 2020 --to 2021-06',
    "referatkit search '\"social- og sundhedsudvalget\"' --kind decision --format json",
))
def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(metavar="QUERY", help="Words to find (all of them); "
                                         '"quoted words" must occur together.')],
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Most results to show.")] = queries.DEFAULT_LIMIT,
    offset: Annotated[int, typer.Option("--offset", help="Skip this many results.")] = 0,
    forum: Annotated[str | None, typer.Option("--forum", help="Only meetings of a forum "
                                              "whose name contains this.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", metavar="DATE",
                                                  help="From date: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", metavar="DATE",
                                                help="To date (inclusive).")] = None,
    kind: Annotated[str | None, typer.Option("--kind", metavar="|".join(queries.SEARCH_KINDS),
                                             help="Only this kind of match.")] = None,
    fmt: ListFormat = "table",
) -> None:
    """Full-text search over titles, sections and decisions, best match first."""
    fmt = render.check_format(fmt)
    hits = queries.search(_db(ctx, db), query, limit=limit, offset=offset, forum=forum,
                          date_from=date_from, date_to=date_to, kind=kind)
    render.search_results(hits, fmt, query)


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
) -> None:
    """Show one document: meeting, items, sections and decisions."""
    fmt = render.check_format(fmt, (render.TABLE, render.JSON))
    render.document(queries.show(_db(ctx, db), ref), fmt)


@app.command(epilog=_examples(
    "referatkit decisions --open",
    "referatkit decisions --status postponed --forum styregruppe --from 2020",
    "referatkit decisions --owner Jette --format csv > handlinger.csv",
))
def decisions(
    ctx: typer.Context,
    db: DbOption = None,
    open_only: Annotated[bool, typer.Option("--open", help="Only open decisions: postponed, "
                                            "referred, or an action for someone.")] = False,
    status: Annotated[str | None, typer.Option("--status", metavar="STATUS",
                                               help="Only this status: approved, noted, "
                                               "postponed, rejected, referred, action, none.")] = None,
    forum: Annotated[str | None, typer.Option("--forum", help="Only meetings of a forum "
                                              "whose name contains this.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", metavar="DATE",
                                                  help="From date: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", metavar="DATE",
                                                help="To date (inclusive).")] = None,
    owner: Annotated[str | None, typer.Option("--owner", help="Only decisions whose owner "
                                              "contains this.")] = None,
    fmt: ListFormat = "table",
) -> None:
    """List decisions in meeting order, with their status and the raw text."""
    fmt = render.check_format(fmt)
    rows = queries.decisions(_db(ctx, db), open_only=open_only, status=status, forum=forum,
                             date_from=date_from, date_to=date_to, owner=owner)
    render.decision_rows(rows, fmt)


@app.command(epilog=_examples(
    "referatkit export --format json > archive.json",
    "referatkit export | jq '.[] | {path, meeting_date, items: (.items | length)}'",
))
def export(
    ctx: typer.Context,
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="json",
                                     help="Export format.")] = "json",
) -> None:
    """Print every document as one JSON array (the schema in the README)."""
    render.check_format(fmt, (render.JSON,))
    render.export_documents(queries.export(_db(ctx, db)))


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
