#!/usr/bin/env python3
"""``make bench``: ingest a generated archive and measure it against the extractors' limit.

What one run measures, on the archive of ``scripts/benchgen.py`` (N documents, a third each
PDF, DOCX and TXT; cached in ``bench-out/archive-n<N>-s<seed>/``):

1. raw text extraction of the archive's PDFs in this process (all files read once before,
   so that every timing reads from the page cache): pypdfium2 alone (every PDF,
   ``get_text_range`` per page) and pdfplumber alone (``extract_text`` per page, on a
   deterministic sample of the PDFs of at most ``--plumber-pages`` pages: it is slow);
2. full ingest into a fresh database, one run per format (PDF, then DOCX, then TXT; or one
   run over everything with ``--mixed``), each in a child process: wall time, pages/s and
   docs/s, the time per stage (the pipeline's stages are summed over the worker processes;
   ``wait`` is the writer waiting for them), peak RSS (the child's process tree, sampled
   from /proc, and its largest process), database size;
3. a second run over the unchanged archive (size and mtime only, nothing read);
4. a run after ``--changed`` (1 %) of the files were rewritten with other content, and one
   after as many other files were corrected (a sentence added to one item's text);
5. a run after as many new files were added, of meetings after all others (a night's new
   minutes; removed again after the run);
6. search latency: the ``search`` benchmark module when it exists, else a few queries here.

It prints a table (stderr) and writes ``bench-out/bench-n<N>.json`` (and prints its path).
Timings are figures, never pass/fail. Run ``make bench`` or
``make bench N=10000 JOBS=2``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import platform
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
import benchgen  # noqa: E402 - a sibling script

from referatkit.readers import pdf as pdf_reader  # noqa: E402 - after the path set-up

FORMATS = benchgen.FORMATS
SEARCH_QUERIES = ("rammeaftale", "ventetid", "F-ACT", '"social- og sundhedsassistenter"',
                  "genoptræning", "takstmodel budget", "Fjordby", "orienteringen efterretning")
# The search benchmark of issue 5: run(db, warm_repeats=, command=) -> report with
# to_dict(), and format_report(report). Without it, a few queries are timed here.
SEARCH_BENCH_MODULE = "referatkit.bench_search"
SEARCH_REPEATS = 5
RSS_SAMPLE_S = 0.02
LINK_MARK = "bench: linking"  # the child's line on stderr when the link step begins


# --- raw extraction ----------------------------------------------------------------------


def pdfium_raw(files: list[Path]) -> dict[str, Any]:
    import pypdfium2 as pdfium

    pages = chars = 0
    t = time.perf_counter()
    for f in files:
        doc = pdfium.PdfDocument(str(f))
        for i in range(len(doc)):
            page = doc[i]
            tp = page.get_textpage()
            chars += len(tp.get_text_range())
            tp.close()
            page.close()
            pages += 1
        doc.close()
    s = time.perf_counter() - t
    return {"files": len(files), "pages": pages, "chars": chars, "seconds": s,
            "pages_per_s": pages / s if s else 0.0}


def pdfplumber_raw(files: list[Path], max_pages: int) -> dict[str, Any]:
    import pdfplumber

    pages = chars = used = 0
    t = time.perf_counter()
    for f in files:
        if pages >= max_pages:
            break
        with pdfplumber.open(str(f)) as pdf:
            for page in pdf.pages:
                chars += len(page.extract_text() or "")
                pages += 1
        used += 1
    s = time.perf_counter() - t
    return {"files": used, "pages": pages, "chars": chars, "seconds": s,
            "pages_per_s": pages / s if s else 0.0}


def _sample(files: list[Path], pages_of: dict[Path, int], max_pages: int) -> list[Path]:
    """Every k-th file, k chosen so the sample holds about ``max_pages`` pages."""
    total = sum(pages_of[f] for f in files)
    step = max(1, round(total / max_pages)) if max_pages else len(files) + 1
    return files[::step]


# --- ingest in a child process -------------------------------------------------------------


def ingest_once(argv: list[str]) -> int:
    """The child: one ingest run, its figures as JSON on stdout."""
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("paths_file")
    ap.add_argument("--jobs", type=int, required=True)
    args = ap.parse_args(argv)
    from referatkit import ingest

    paths = json.loads(Path(args.paths_file).read_text(encoding="utf-8"))
    timings: dict[str, float] = {}
    before_link: list[float] = []
    real_link = ingest._link

    def link(*a: Any, **kw: Any) -> Any:
        # The link step (issue 4) holds the whole archive's matters: say when it begins, so
        # the memory of reading and storing is told apart from the memory of linking.
        before_link.append(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        print(LINK_MARK, file=sys.stderr, flush=True)
        return real_link(*a, **kw)

    ingest._link = link  # type: ignore[assignment]
    t = time.perf_counter()
    report = ingest.ingest(paths, args.db, jobs=args.jobs, timings=timings)
    wall = time.perf_counter() - t
    out = {
        "wall_s": wall, "timings": timings,
        "main_maxrss_before_link_mb": before_link[0] if before_link else None,
        "new": report.new, "updated": report.updated, "unchanged": report.unchanged,
        "failed": report.failed, "removed": report.removed, "documents": report.documents,
        "failures": report.failures[:5], "warnings": report.warnings,
        "main_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    print(json.dumps(out))
    return 0


def _tree_rss_mb(pid: int) -> tuple[float, float]:
    """(sum, largest) resident set size of ``pid`` and its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read().rsplit(b")", 1)[1].split()
            ppid = int(stat[1])
            rss[int(entry.name)] = int(stat[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
    todo, tree = [pid], []
    while todo:
        p = todo.pop()
        tree.append(p)
        todo.extend(children.get(p, []))
    sizes = [rss.get(p, 0) / 2**20 for p in tree]
    return sum(sizes), max(sizes, default=0.0)


def run_ingest(db: Path, paths: list[str], jobs: int) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(paths, f)
        paths_file = f.name
    try:
        proc = subprocess.Popen(
            [sys.executable, __file__, "_ingest", str(db), paths_file, "--jobs", str(jobs)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        peak = [0.0, 0.0]  # tree, largest process
        at_link: list[float] = []  # the tree's peak when the link step began
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                try:
                    total, largest = _tree_rss_mb(proc.pid)
                except OSError:
                    break
                peak[0], peak[1] = max(peak[0], total), max(peak[1], largest)
                done.wait(RSS_SAMPLE_S)

        def watch(stream: Any, lines: list[str]) -> None:
            for line in stream:
                if line.startswith(LINK_MARK):
                    at_link.append(peak[0])
                else:
                    lines.append(line)

        errors: list[str] = []
        threads = [threading.Thread(target=watch, args=(proc.stderr, errors), daemon=True)]
        if Path("/proc").is_dir():
            threads.append(threading.Thread(target=sample, daemon=True))
        for th in threads:
            th.start()
        assert proc.stdout is not None
        out = proc.stdout.read()
        proc.wait()
        done.set()
        for th in threads:
            th.join()
    finally:
        os.unlink(paths_file)
    if proc.returncode:
        sys.stderr.write("".join(errors))
        raise SystemExit(f"bench: the ingest child failed (exit {proc.returncode})")
    result = json.loads(out)
    result["tree_peak_rss_mb"] = peak[0] or None
    result["tree_peak_rss_before_link_mb"] = at_link[0] if at_link else None
    result["largest_process_rss_mb"] = peak[1] or result["main_maxrss_mb"]
    return result


def db_size_mb(db: Path) -> float:
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 2**20


# --- search --------------------------------------------------------------------------------


def search_latency(db: Path, repeat: int = SEARCH_REPEATS) -> dict[str, Any]:
    try:
        module = importlib.import_module(SEARCH_BENCH_MODULE)
    except ImportError:
        module = None
    if module is not None:
        report = module.run(db, warm_repeats=repeat, command=False)
        return {"module": SEARCH_BENCH_MODULE, "report": report.to_dict(),
                "text": module.format_report(report)}
    from referatkit import queries

    per_query: dict[str, float] = {}
    hits: dict[str, int] = {}
    for q in SEARCH_QUERIES:
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            found = queries.search(db, q)
            times.append(time.perf_counter() - t)
        per_query[q] = statistics.median(times) * 1000
        hits[q] = len(found)
    ms = sorted(per_query.values())
    return {"module": None, "queries": len(ms), "median_ms": statistics.median(ms),
            "max_ms": ms[-1], "per_query_ms": per_query, "hits": hits}


# --- the run -------------------------------------------------------------------------------


def _rate(n: float, s: float) -> float:
    return n / s if s else 0.0


def bench(args: argparse.Namespace) -> dict[str, Any]:
    out = args.out
    archive = out / f"archive-n{args.n}-s{args.seed}"
    t = time.perf_counter()
    manifest = benchgen.cached(archive, args.n, args.seed)
    gen_s = time.perf_counter() - t
    docs = manifest["documents"]
    by_fmt = {f: [d for d in docs if d["format"] == f] for f in FORMATS}
    pages_of = {archive / d["path"]: d["pages"] for d in docs}
    pdfs = [archive / d["path"] for d in by_fmt["pdf"]]
    _log(f"archive {archive}: {len(docs)} documents, {sum(pages_of.values())} pages "
         f"({gen_s:.1f} s to generate or check)")

    # Every timing below reads the files from the page cache: the raw extractions first,
    # then the ingests (a cold first reader would make the others look faster).
    t = time.perf_counter()
    cached_mb = sum(len((archive / d["path"]).read_bytes()) for d in docs) / 2**20
    _log(f"file cache: {cached_mb:.0f} MB read in {time.perf_counter() - t:.1f} s")
    _log("raw extraction: pypdfium2 …")
    raw = {"pypdfium2": pdfium_raw(pdfs)}
    _log("raw extraction: pdfplumber (sample) …")
    raw["pdfplumber"] = pdfplumber_raw(_sample(pdfs, pages_of, args.plumber_pages),
                                       args.plumber_pages)

    db = out / f"bench-n{args.n}.db"
    for p in out.glob(db.name + "*"):
        p.unlink()
    runs: dict[str, Any] = {}
    groups = {"all": docs} if args.mixed else by_fmt
    for name, group in groups.items():
        if not group:
            continue
        _log(f"full ingest: {name} ({len(group)} files, jobs {args.jobs}) …")
        r = run_ingest(db, [str(archive / d["path"]) for d in group], args.jobs)
        r["files"] = len(group)
        r["pages"] = sum(d["pages"] for d in group)
        r["pages_per_s"] = _rate(r["pages"], r["wall_s"])
        r["docs_per_s"] = _rate(len(group), r["wall_s"])
        # The same run without its last step, linking matters (issue 4's link.relink).
        r["pages_per_s_before_link"] = _rate(r["pages"], r["wall_s"] - r["timings"].get("link", 0))
        runs[name] = r
    full_wall = sum(r["wall_s"] for r in runs.values())
    full = {"files": len(docs), "pages": sum(pages_of.values()), "wall_s": full_wall,
            "pages_per_s": _rate(sum(pages_of.values()), full_wall),
            "docs_per_s": _rate(len(docs), full_wall),
            "pages_per_s_before_link": _rate(sum(pages_of.values()), full_wall - sum(
                r["timings"].get("link", 0) for r in runs.values())),
            "tree_peak_rss_mb": max((r["tree_peak_rss_mb"] or 0) for r in runs.values()) or None,
            "tree_peak_rss_before_link_mb": max(
                (r["tree_peak_rss_before_link_mb"] or 0) for r in runs.values()) or None,
            "largest_process_rss_mb": max(r["largest_process_rss_mb"] for r in runs.values()),
            "db_mb": db_size_mb(db)}
    stages: dict[str, float] = {}
    for r in runs.values():
        for k, v in r["timings"].items():
            stages[k] = stages.get(k, 0.0) + v

    _log("second run, unchanged archive …")
    unchanged = run_ingest(db, [str(archive)], args.jobs)
    edited: dict[str, dict[str, Any]] = {}
    for kind, done in (("rewrite", "changed"), ("correct", "corrected")):
        _log(f"run after {args.changed:.0%} of the files {done} …")
        changed = benchgen.edit(archive, args.changed, kind=kind)
        run = edited[kind] = run_ingest(db, [str(archive)], args.jobs)
        run["changed_files"] = len(changed)
        run["share_of_full_run"] = _rate(run["wall_s"], full_wall)
    _log(f"run after {args.changed:.0%} new files (a night's new minutes) …")
    added = benchgen.add(archive, args.changed)
    try:
        after_add = run_ingest(db, [str(archive)], args.jobs)
    finally:
        benchgen.remove_added(archive)
    after_add["added_files"] = len(added)
    after_add["share_of_full_run"] = _rate(after_add["wall_s"], full_wall)
    _log("search latency …")
    search = search_latency(db)

    ratios: dict[str, dict[str, float | None]] = {}
    if "pdf" in runs:
        for key in ("pages_per_s", "pages_per_s_before_link"):
            ratios[key] = {k: runs["pdf"][key] / v["pages_per_s"] if v["pages_per_s"] else None
                           for k, v in raw.items()}
    return {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "pdf_glyph_facts": pdf_reader.GLYPH_FACTS,
                    "platform": platform.platform()},
        "args": {"n": args.n, "seed": args.seed, "jobs": args.jobs, "mixed": args.mixed,
                 "changed": args.changed, "plumber_pages": args.plumber_pages},
        "archive": {"path": str(archive), "documents": len(docs),
                    "pages": sum(pages_of.values()),
                    "by_format": {f: {"files": len(g), "pages": sum(d["pages"] for d in g)}
                                  for f, g in by_fmt.items()}},
        "raw_extraction": raw, "ingest": runs, "full": full, "stages_s": stages,
        "pdf_ingest_ratio": ratios, "unchanged_run": unchanged, "changed_run": edited["rewrite"],
        "corrected_run": edited["correct"],
        "added_run": after_add,
        "search": search,
    }


def table(r: dict[str, Any]) -> str:
    lines = []
    a = r["archive"]
    lines.append(f"archive: {a['documents']} documents, {a['pages']} pages "
                 f"(jobs {r['args']['jobs']}, {r['machine']['cpus']} cpus; PDF glyph facts: "
                 f"{r['machine'].get('pdf_glyph_facts', '?')})")
    lines.append("")
    lines.append(f"{'raw extraction (1 process)':34} {'pages':>7} {'s':>8} {'pages/s':>9}")
    for k, v in r["raw_extraction"].items():
        lines.append(f"{k:34} {v['pages']:7d} {v['seconds']:8.2f} {v['pages_per_s']:9.1f}")
    lines.append("")
    lines.append("full ingest (a run per format; 'before link': without the link step at the "
                 "end of each run)")
    lines.append(f"{'':8} {'files':>6} {'pages':>7} {'s':>8} {'link s':>7} {'pages/s':>8} "
                 f"{'before link':>11} {'docs/s':>7} {'RSS MB':>7} {'before link':>11}")
    for k, v in [*r["ingest"].items(), ("total", r["full"])]:
        link = (v["timings"].get("link", 0) if "timings" in v
                else sum(x["timings"].get("link", 0) for x in r["ingest"].values()))
        tree, before = v.get("tree_peak_rss_mb"), v.get("tree_peak_rss_before_link_mb")
        lines.append(f"{k:8} {v['files']:6d} {v['pages']:7d} {v['wall_s']:8.1f} {link:7.1f} "
                     f"{v['pages_per_s']:8.1f} {v['pages_per_s_before_link']:11.1f} "
                     f"{v['docs_per_s']:7.1f} {(f'{tree:.0f}' if tree else '-'):>7} "
                     f"{(f'{before:.0f}' if before else '-'):>11}")
    lines.append("(RSS: the ingest's process tree, the writer and its workers, sampled)")
    lines.append(f"database: {r['full']['db_mb']:.1f} MB")
    for key, label in (("pages_per_s", ""), ("pages_per_s_before_link", " (before link)")):
        for k, v in r["pdf_ingest_ratio"].get(key, {}).items():
            if v is not None:
                lines.append(f"PDF ingest{label} / {k} raw: {v:.2f}x")
    lines.append("")
    lines.append("time per stage, s (pipeline stages summed over workers):")
    lines.append("  " + "  ".join(f"{k} {v:.1f}" for k, v in r["stages_s"].items()))
    u = r["unchanged_run"]
    lines.append("")
    lines.append(f"unchanged re-run: {u['wall_s']:.2f} s ({u['unchanged']} unchanged, "
                 f"{u['new'] + u['updated']} read; link {u['timings'].get('link', 0):.2f} s)")
    for c, done in ((r["changed_run"], "changed"), (r.get("corrected_run"), "corrected")):
        if c:  # (a JSON of an earlier bench has no corrected run)
            lines.append(f"after {c['changed_files']} files {done}: {c['wall_s']:.2f} s "
                         f"({c['share_of_full_run']:.1%} of the full run; {c['updated']} "
                         f"updated; link {c['timings'].get('link', 0):.2f} s)")
    a = r.get("added_run")
    if a:
        lines.append(f"after {a['added_files']} new files (later meetings): {a['wall_s']:.2f} s "
                     f"({a['share_of_full_run']:.1%} of the full run; {a['new']} new; "
                     f"link {a['timings'].get('link', 0):.2f} s)")
    s = r["search"]
    if s.get("module"):
        lines.append(s["text"])
    else:
        lines.append(f"search: {s['queries']} queries, median {s['median_ms']:.1f} ms, "
                     f"max {s['max_ms']:.1f} ms")
    return "\n".join(lines)


def _log(msg: str) -> None:
    print(f"bench: {msg}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_ingest"]:
        return ingest_once(argv[1:])
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=300,
                    help="documents in the archive (default 300)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=None, help="ingest workers (default: cores)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench-out")
    ap.add_argument("--mixed", action="store_true",
                    help="one full ingest run over all formats (default: one run per format)")
    ap.add_argument("--changed", type=float, default=0.01,
                    help="share of files changed before the incremental run (default 0.01)")
    ap.add_argument("--plumber-pages", type=int, default=150,
                    help="pages of the pdfplumber sample (default 150)")
    args = ap.parse_args(argv)
    if args.jobs is None:
        from referatkit.ingest import default_jobs

        args.jobs = default_jobs()
    args.out.mkdir(parents=True, exist_ok=True)
    result = bench(args)
    path = args.out / f"bench-n{args.n}{'-mixed' if args.mixed else ''}.json"
    path.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(table(result), file=sys.stderr)
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
