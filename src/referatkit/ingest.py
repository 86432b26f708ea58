"""Ingest: walk folders, read what changed, store it, and mark what vanished.

Made to run unattended every night over a shared folder that people keep editing:

* **Incremental and exact.** A file with the size, mtime and reading (version, options) the
  archive has is not read; a touched file is hashed and, with the same sha256, not parsed;
  the same content at two paths is parsed once and is one document with both paths. Ids come
  from content, so a moved or renamed file keeps its documents and what people recorded.
* **Never loses what it has.** One bad file never stops a run: any exception while reading
  one file is that file's failure (a one-line reason in ``files`` and ``failures``), and a
  file that fails keeps what was last read from it. A vanished file is marked removed only
  below a folder scanned completely in this run (never below a folder that could not be
  listed, nor in a folder that suddenly holds nothing: an unmounted share), and its documents
  stay until ``prune``.
* **Crash-safe.** Each file's writes are atomic (committed in batches of files), a lock so
  two runs never write at once (:func:`referatkit.store.write_lock`), and a run killed at any
  moment leaves a sound database that the next run completes.
* **Parallel.** With ``jobs`` > 1 worker processes parse (:func:`parse_job`); this process
  alone writes, and stores the results in the order of the walk with the decisions a
  one-job run makes, so the archive is the same whatever ``jobs`` is. Only a few files per
  worker are read ahead: memory is bounded by the work in flight, not by the archive. An
  unchanged file costs a stat: what the archive knows is loaded in one query per folder.

The read step, :func:`examine`, touches no database: it takes what the archive knows about
the path and returns a :class:`FileResult`; :func:`apply_result` writes it through the store.
:func:`examine` is :func:`look` (stat, hash, decide) then :func:`read_file` (parse), the part
the workers do.
"""

from __future__ import annotations

import errno
import fnmatch
import hashlib
import os
import re
import stat
from collections import deque
from collections.abc import Callable, Container, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from pathlib import Path
from time import perf_counter
from typing import Any

from referatkit import __version__, link, pipeline, readers, workers
from referatkit.errors import EXIT_OK, EXIT_PARTIAL, DatabaseError, ReadError, UsageError
from referatkit.model import Document
from referatkit.store import (
    FILE_OK,
    FILE_REMOVED,
    DocumentRows,
    FileRecord,
    RunCounts,
    Store,
    WriteBatch,
    open_store,
    prepare_documents,
    write_lock,
)
from referatkit.workers import JOBS_ENV, default_jobs  # noqa: F401 - ingest's API

# What a folder walk reads when the readers do not say (readers.SUPPORTED_SUFFIXES wins).
DEFAULT_SUPPORTED_SUFFIXES = frozenset({".pdf", ".docx", ".txt", ".md", ".markdown"})

# Names never read during a folder walk: Office lock files ("~$referat.docx"), editor and
# Office temp files, hidden files and folders (".DS_Store", ".git", ".~lock.x#").
IGNORED_NAME_PATTERNS = ("~$*", "~*", "*.tmp", ".*")

HASH_CHUNK = 1 << 20  # stream files through sha256 1 MiB at a time

# Parallel reading: each worker has this many files in hand or queued, so memory holds at
# most jobs × IN_FLIGHT_PER_JOB parsed files besides the one being stored.
IN_FLIGHT_PER_JOB = 4
# A run that parsed up to this many files links in its parse workers (a night's new and
# changed minutes); after more, linking starts workers of its own: on the 10,000-document
# bench archive the long-lived workers took the peak memory from 264 to 331 MB.
LINK_IN_PARSE_WORKERS_MAX_FILES = 500
MAX_QUEUED = 1000  # planned files (mostly unchanged ones) waiting for their turn to be stored
# The stages this process times itself (the workers time referatkit.pipeline.STAGES and
# "rows", their turning documents into rows).
MAIN_STAGES = ("scan", "plan", "start", "wait", "store", "link", "index")
CRASHED = "the reader crashed on this file (its worker process died)"

# Files larger than this are not read (``--max-size``): minutes are rarely above a few MB, and
# a multi-GB file in the share is a video or a disk image that would only cost the night.
DEFAULT_MAX_SIZE = 200 * 1024 * 1024
SIZE_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "m": 1024**2, "mb": 1024**2,
              "g": 1024**3, "gb": 1024**3}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$")

# What ``files.version`` says about a reading: the version, plus the options that change what
# is stored. A file read another way is read again.
KEEP_CPR_TAG = "+keep-cpr"

# Outcomes of one file, as reported to on_progress and counted in the report.
NEW, UPDATED, UNCHANGED, FAILED = "new", "updated", "unchanged", "failed"
SCANNED = "scanned"  # the first progress event: the walk is done, ``total`` is known


@dataclass(slots=True)
class Progress:
    index: int  # 1-based; 0 for the SCANNED event
    total: int
    path: str
    outcome: str  # SCANNED | NEW | UPDATED | UNCHANGED | FAILED
    reason: str | None = None


@dataclass(slots=True)
class IngestReport:
    db_path: str
    run_id: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    removed: int = 0
    pruned: int = 0  # files marked removed (now or before) forgotten by --prune
    skipped: int = 0
    documents: int = 0  # documents stored or linked by this run
    forums_linked: int = 0  # forums whose meetings and matters were linked again
    open_decisions: int = 0  # open decisions in those forums
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    warnings: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 when every input was stored, 1 when some failed (the rest was stored)."""
        return EXIT_PARTIAL if self.failed else EXIT_OK

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["failures"] = [{"path": p, "reason": r} for p, r in self.failures]
        d["exit_code"] = self.exit_code
        return d


@dataclass(slots=True)
class Options:
    """How files are read; what changes the stored result is part of :func:`reading`."""

    force: bool = False  # read every file again, changed or not
    keep_cpr: bool = False  # keep CPR numbers in the stored text (never in the index)
    max_size: int = DEFAULT_MAX_SIZE  # bytes; larger files fail without being read
    prune: bool = False  # forget files marked removed (and documents no other file holds)


@dataclass(slots=True)
class Scan:
    """The result of walking the given paths, before anything is read."""

    files: list[Path] = field(default_factory=list)
    skipped: int = 0
    # Explicitly named files that cannot be read at all (unsupported type): (path, reason).
    rejected: list[tuple[Path, str]] = field(default_factory=list)
    # Folders walked to the end. Only below these may a vanished file be marked removed.
    complete_dirs: list[Path] = field(default_factory=list)
    # Folders that could not be listed: nothing below them is marked removed. (path, reason)
    unlisted_dirs: list[tuple[Path, str]] = field(default_factory=list)


@dataclass(slots=True)
class FileResult:
    """What reading one file gave, before anything is written."""

    record: FileRecord  # path (the key), size, mtime, sha256, reading
    outcome: str  # NEW | UPDATED | UNCHANGED | FAILED
    # None: nothing parsed (unchanged, or content known); from a worker: the rows to insert
    docs: Sequence[Document | DocumentRows] | None = None
    reason: str | None = None  # for FAILED: one line
    parse: bool = False  # from look(): the content is to be parsed (read_file does it)


def supported_suffixes() -> frozenset[str]:
    return frozenset(getattr(readers, "SUPPORTED_SUFFIXES", DEFAULT_SUPPORTED_SUFFIXES))


def is_ignored(name: str) -> bool:
    return any(fnmatch.fnmatchcase(name, pat) for pat in IGNORED_NAME_PATTERNS)


def parse_size(text: str | int) -> int:
    """``"200M"``, ``"1.5G"``, ``"500k"``, ``"1048576"`` → bytes (units of 1024)."""
    if isinstance(text, int):
        return text
    m = _SIZE.match(str(text))
    unit = m.group(2).lower() if m else ""
    if not m or unit not in SIZE_UNITS:
        raise UsageError(f"--max-size {text!r} is not a size (use e.g. 200M, 1G or 500k)")
    return int(float(m.group(1)) * SIZE_UNITS[unit])


def format_size(n: int) -> str:
    for unit, size in (("GB", 1024**3), ("MB", 1024**2), ("kB", 1024)):
        if n >= size:
            return f"{n / size:.3g} {unit}"
    return f"{n} bytes"


def reading(opts: Options) -> str:
    """The ``files.version`` of a file read with ``opts``."""
    return __version__ + (KEEP_CPR_TAG if opts.keep_cpr else "")


def path_key(path: Path) -> str:
    """The path as the archive stores it: as given (absolute, symlinks not resolved), with a
    name that is not valid UTF-8 written with \\x escapes (SQLite holds UTF-8 only)."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return text


def _absolute(p: str | os.PathLike[str]) -> Path:
    # Absolute without resolving symlinks: the path the user knows is the path we store.
    return Path(os.path.normpath(os.path.abspath(os.path.expanduser(os.fspath(p)))))


def _why(e: OSError) -> str:
    return (e.strerror or str(e)).lower()


def scan(paths: Iterable[str | os.PathLike[str]]) -> Scan:
    """Walk ``paths`` in sorted, deterministic order. Raises UsageError for a path that does
    not exist — before anything is read or marked removed.

    Symbolic links to files are read; links to folders are not followed (a loop or a link to
    half the disk cannot run away with the night) and count as skipped.
    """
    roots = [_absolute(p) for p in paths]
    missing = [str(r) for r in roots if not os.path.lexists(r)]
    if missing:
        raise UsageError(f"no such file or folder: {missing[0]}")
    out = Scan()
    suffixes = supported_suffixes()
    seen: set[Path] = set()

    def add(path: Path) -> None:
        if path not in seen:
            seen.add(path)
            out.files.append(path)

    for root in roots:
        if not root.is_dir():
            if root.suffix.lower() in suffixes:
                add(root)  # examine() gives the reason if it cannot be read
            else:
                known = ", ".join(sorted(suffixes))
                out.rejected.append((root, f"unsupported file type {root.suffix or '(none)'!r} "
                                           f"(referatkit reads {known})"))
            continue
        errors: list[OSError] = []
        below: list[Path] = []
        for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
            kept = []
            for d in dirnames:
                if is_ignored(d) or os.path.islink(os.path.join(dirpath, d)):
                    out.skipped += 1 if not is_ignored(d) else 0
                    continue
                kept.append(d)
            dirnames[:] = kept  # prune hidden folders and links to folders
            for name in filenames:
                path = Path(dirpath) / name
                if is_ignored(name) or path.suffix.lower() not in suffixes:
                    out.skipped += 1
                    continue
                below.append(path)
        # Sorted by path components, as `find | sort` would list them: the same order on
        # every machine and every run, whatever order the file system returns.
        for path in sorted(below, key=lambda q: q.parts):
            add(path)
        bad = [(_absolute(e.filename), f"cannot list folder: {_why(e)}")
               for e in errors if e.filename]
        out.unlisted_dirs.extend(bad)
        if root not in {d for d, _ in bad}:
            out.complete_dirs.append(root)
    return out


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(HASH_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def read_documents(path: Path, key: str, sha256: str, *, keep_cpr: bool = False,
                   timings: pipeline.Timings | None = None) -> list[Document]:
    """Parse one file and stamp its documents with path, content hash and part."""
    docs = pipeline.parse_file(path, keep_cpr=keep_cpr, timings=timings)
    if not docs:
        raise ReadError("no document found in the file")
    for part, doc in enumerate(docs):
        doc.path = key
        doc.sha256 = sha256
        doc.part = part  # the store keys documents by (sha256, part): keep parts distinct
    return docs


def _reason(e: BaseException) -> str:
    if isinstance(e, ReadError):
        return e.message
    detail = " ".join(str(e).split())
    return f"internal error while reading: {type(e).__name__}: {detail}" if detail else \
        f"internal error while reading: {type(e).__name__}"


def _stat_reason(path: Path, e: OSError) -> str:
    """Why a file the walk listed cannot be opened now."""
    if e.errno == errno.ELOOP:
        return "symbolic link loop"
    if e.errno == errno.ENOENT:
        return "broken symbolic link" if os.path.islink(path) else "deleted during the run"
    return f"cannot read: {_why(e)}"


def examine(path: Path, old: FileRecord | None, opts: Options, *,
            known: Callable[[str], bool], fresh: Container[str] = ()) -> FileResult:
    """Read one file as far as needed, touching no database.

    ``old`` is what the archive has for the path; ``known(sha256)`` says whether documents of
    that content are stored; ``fresh`` holds content read in this run already (a second copy
    is linked, not parsed again).
    """
    result = look(path, old, opts, known=known, fresh=fresh)
    return read_file(path, result, opts) if result.parse else result


def look(path: Path, old: FileRecord | None, opts: Options, *,
         known: Callable[[str], bool], fresh: Container[str] = ()) -> FileResult:
    """:func:`examine` up to parsing: stat, hash and :func:`decide`; ``parse`` set when the
    content is to be parsed."""
    key = path_key(path)
    version = reading(opts)

    def failed(reason: str, size: int = 0, mtime_ns: int = 0) -> FileResult:
        rec = FileRecord(path=key, size=size, mtime_ns=mtime_ns, version=version)
        return FileResult(rec, FAILED, reason=reason)

    try:
        before = path.stat()
    except OSError as e:
        return failed(_stat_reason(path, e))
    size, mtime = before.st_size, before.st_mtime_ns
    if not stat.S_ISREG(before.st_mode):
        return failed("not a regular file (a device, pipe or socket)")
    if size > opts.max_size:
        return failed(f"larger than --max-size ({format_size(size)} > "
                      f"{format_size(opts.max_size)})", size, mtime)
    rec = FileRecord(path=key, size=size, mtime_ns=mtime, version=version)
    if _current(old, opts) and old and old.size == size and old.mtime_ns == mtime:
        rec.sha256 = old.sha256
        return FileResult(rec, UNCHANGED)
    try:
        rec.sha256 = sha256_file(path)
    except OSError as e:
        return failed(_stat_reason(path, e) if e.errno in (errno.ENOENT, errno.ELOOP)
                      else f"cannot read: {_why(e)}", size, mtime)
    return decide(rec, old, opts, known=known, fresh=fresh)


def _current(old: FileRecord | None, opts: Options) -> bool:
    """Whether the archive's record of the path is a good reading of it, as it was."""
    return (not opts.force and old is not None and old.status == FILE_OK
            and old.version == reading(opts))


def decide(rec: FileRecord, old: FileRecord | None, opts: Options, *,
           known: Callable[[str], bool], fresh: Container[str] = ()) -> FileResult:
    """What to do with a file whose content hash is known: nothing (touched, not changed),
    link it to stored content, or parse it."""
    assert rec.sha256
    if _current(old, opts) and old and old.sha256 == rec.sha256 and known(rec.sha256):
        return FileResult(rec, UNCHANGED)  # touched, not changed: the new mtime is remembered
    outcome = NEW if old is None or old.status == FILE_REMOVED else UPDATED
    reread = opts.force or (old is not None and old.sha256 == rec.sha256
                            and old.version != rec.version)
    if rec.sha256 in fresh or (known(rec.sha256) and not reread):
        return FileResult(rec, outcome)  # the same content is stored: link this path to it
    return FileResult(rec, outcome, parse=True)


def read_file(path: Path, looked: FileResult, opts: Options,
              timings: pipeline.Timings | None = None) -> FileResult:
    """Parse the file :func:`look` found to be parsed; never raises (a failure is the
    result's one-line reason). What a worker process runs."""
    rec = looked.record
    assert rec.sha256
    try:
        docs = read_documents(path, rec.path, rec.sha256, keep_cpr=opts.keep_cpr,
                              timings=timings)
    except Exception as e:  # noqa: BLE001 - one bad file must never stop the run
        return FileResult(rec, FAILED, reason=_changed(path, rec) or _reason(e))
    if changed := _changed(path, rec):
        return FileResult(rec, FAILED, reason=changed)
    return FileResult(rec, looked.outcome, docs=docs)


def parse_job(path: str, looked: FileResult, opts: Options) -> tuple[FileResult, dict[str, float]]:
    """:func:`read_file` in a worker process, with the seconds it spent per stage. The
    documents come back as the rows the store inserts (the writer has less to do)."""
    timings: dict[str, float] = {}
    try:
        result = read_file(Path(path), looked, opts, timings)
        if result.docs is not None:
            t = perf_counter()
            result.docs = prepare_documents([d for d in result.docs if isinstance(d, Document)])
            timings["rows"] = perf_counter() - t
        return result, timings
    except Exception as e:  # noqa: BLE001 - read_file does not raise; be sure of it here
        return FileResult(looked.record, FAILED, reason=_reason(e)), timings


def _changed(path: Path, rec: FileRecord) -> str | None:
    """Why what was read may not be the file as it is now: it changed or went meanwhile."""
    try:
        now = path.stat()
    except OSError:
        return "deleted while being read"
    if (now.st_size, now.st_mtime_ns) != (rec.size, rec.mtime_ns):
        return "changed while being read (it is read again next run)"
    return None


def ingest(
    paths: Sequence[str | os.PathLike[str]],
    db: Store | str | os.PathLike[str],
    *,
    on_progress: Callable[[Progress], None] | None = None,
    force: bool = False,
    keep_cpr: bool = False,
    max_size: int = DEFAULT_MAX_SIZE,
    prune: bool = False,
    wait: float = 0.0,
    jobs: int = 1,
    timings: pipeline.Timings | None = None,
) -> IngestReport:
    """Bring the archive in line with ``paths`` (files and folders).

    An unchanged file (same size and mtime, read the same way) is not read; a file whose
    content is unchanged (same sha256) is not parsed; ``force`` re-reads everything. Files
    that vanished are marked removed only below folders scanned completely in this run;
    ``prune`` forgets them. Holds the database's write lock for the run, waiting up to
    ``wait`` seconds for another run (else :class:`referatkit.errors.LockedError`).

    ``jobs`` > 1 parses in that many worker processes (call it under
    ``if __name__ == "__main__":`` in a script: workers import the main module); the
    archive is the same as with one. ``timings`` accumulates seconds per stage: the
    pipeline's (:data:`referatkit.pipeline.STAGES`, summed over the workers) and this
    process's own (:data:`MAIN_STAGES`).
    """
    if not paths:
        raise UsageError("nothing to ingest: give at least one file or folder")
    if max_size < 1:
        raise UsageError("--max-size must be at least 1 byte")
    if jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {jobs}")
    opts = Options(force=force, keep_cpr=keep_cpr, max_size=max_size, prune=prune)
    # The paths are checked before waiting for the lock; the walk runs under it.
    missing = [os.fspath(p) for p in paths if not os.path.lexists(_absolute(p))]
    if missing:
        raise UsageError(f"no such file or folder: {_absolute(missing[0])}")
    db_path = db.path if isinstance(db, Store) else Path(db)
    clock: dict[str, float] = {} if timings is None else timings
    with write_lock(db_path, wait=wait):
        t = perf_counter()
        found = scan(paths)
        clock["scan"] = clock.get("scan", 0.0) + perf_counter() - t
        if isinstance(db, Store):
            return _ingest(found, db, on_progress, opts, jobs, clock)
        with open_store(db) as st:
            return _ingest(found, st, on_progress, opts, jobs, clock)


def _ingest(found: Scan, st: Store, on_progress: Callable[[Progress], None] | None,
            opts: Options, jobs: int, timings: dict[str, float]) -> IngestReport:
    report = IngestReport(db_path=str(st.path), skipped=found.skipped)
    st.close_stale_runs()  # we hold the lock: a run still 'running' was killed
    roots = [path_key(p) for p in (*found.complete_dirs, *(d for d, _ in found.unlisted_dirs),
                                   *found.files)]
    report.run_id = st.start_run(roots)
    counts = RunCounts(skipped=found.skipped)
    total = len(found.files) + len(found.rejected) + len(found.unlisted_dirs)
    notify = on_progress or (lambda _p: None)
    status = "error"
    run = _Run(st, report, notify, opts, _Workers(jobs), total, timings)
    try:
        notify(Progress(0, total, "", SCANNED))
        with st.batch() as batch:
            run.batch = batch
            for path, reason in (*found.unlisted_dirs, *found.rejected):
                run.index += 1
                rec = FileRecord(path=path_key(path), size=0, mtime_ns=0)
                run.push(_Entry(run.index, path, FileResult(rec, FAILED, reason=reason)))
            run.walk(found)
        _warn_names(found, report)
        seen = {path_key(p) for p in found.files} | {
            path_key(p) for p, _ in (*found.rejected, *found.unlisted_dirs)}
        report.removed = _remove_vanished(st, found, seen, report)
        if opts.prune:
            report.pruned = _prune(st, found)
        t = perf_counter()
        # The parse workers of a short run link too (started, they are warm); after a long
        # run their memory holds what the largest files needed: fresh ones link.
        if run.workers.asked > LINK_IN_PARSE_WORKERS_MAX_FILES:
            run.workers.close()
        _link(st, report, opts.force, jobs, run.workers.pool)
        run.workers.close()
        run.clock("link", t)
        t = perf_counter()
        st.tidy_search_index()
        run.clock("index", t)
        status = "partial" if report.failed else "ok"
    except BaseException as e:
        if isinstance(e, KeyboardInterrupt):
            status = "interrupted"
        run.workers.close(kill=True)
        raise
    finally:
        run.workers.close()
        counts.new, counts.updated, counts.unchanged = report.new, report.updated, report.unchanged
        counts.failed, counts.removed = report.failed, report.removed
        try:
            st.finish_run(report.run_id, status, counts)
        except DatabaseError:
            if status != "error":
                raise
    return report


@dataclass(slots=True)
class _Entry:
    """A planned file waiting for its turn to be stored."""

    index: int
    path: Path
    result: FileResult  # from look(): final unless it is to be parsed or linked
    old: FileRecord | None = None
    future: Future[tuple[FileResult, dict[str, float]]] | None = None  # its worker's parse


class _Workers:
    """The worker processes that read and parse; none with one job. Started when a second
    file needs parsing (one file is parsed here, cheaper than starting processes)."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self.pool: ProcessPoolExecutor | None = None
        self.asked = 0
        self.unavailable = False  # workers could not start: files are read here
        self.ready: Future[bool] | None = None  # the pool's first task: a worker is up
        self.startup_s = 0.0  # time spent starting worker processes

    @property
    def in_flight_limit(self) -> int:
        return self.jobs * IN_FLIGHT_PER_JOB

    def submit(self, path: Path, looked: FileResult,
               opts: Options) -> Future[tuple[FileResult, dict[str, float]]] | None:
        self.asked += 1
        if self.jobs <= 1 or self.unavailable:
            return None
        if self.asked < 2:
            # Parsed here (cheaper than starting processes for one file), while the workers'
            # forkserver starts importing the pipeline, in case more files follow.
            t = perf_counter()
            workers.warm_up()
            self.startup_s += perf_counter() - t
            return None
        with workers.interrupt_deferred():
            if self.pool is None:
                t = perf_counter()
                self.pool = ProcessPoolExecutor(self.jobs, mp_context=workers.mp_context(),
                                                initializer=_worker_init)
                # Not waited for: the workers start while this process plans and stores.
                self.ready = self.pool.submit(_ready)
                self.startup_s += perf_counter() - t
            return self.pool.submit(parse_job, str(path), looked, opts)

    def never_started(self) -> bool:
        """After a BrokenProcessPool: whether the workers died before doing anything (they
        cannot start, e.g. a script without a __main__ guard): that says nothing about
        the files, which are then read in this process."""
        if self.ready is None or not _broken(self.ready):
            return False
        self.close(kill=True)
        self.unavailable = True
        return True

    def restart(self) -> None:
        """After a worker died: a fresh pool for what is still to read."""
        self.close(kill=True)
        self.ready = None
        self.asked = max(self.asked, 1)

    def close(self, kill: bool = False) -> None:
        """Stop the workers: after the files in hand, or (``kill``: Ctrl-C, an error, a
        dead worker) at once."""
        pool, self.pool = self.pool, None
        if pool is None:
            return
        if kill:
            pool.shutdown(wait=False, cancel_futures=True)
            # The pool has no public way to stop a worker in the middle of a file.
            for proc in list((getattr(pool, "_processes", None) or {}).values()):
                proc.terminate()
        pool.shutdown(wait=True, cancel_futures=True)


def _ready() -> bool:
    return True


def _worker_init() -> None:
    # Only the ingest decides what Ctrl-C means (workers are stopped, the batch is committed,
    # the run recorded interrupted).
    workers.ignore_interrupt()


@dataclass
class _Run:
    """One ingest run: plans each file in walk order (:func:`look`), hands its parse to the
    workers, and stores the results in walk order, deciding again as a one-job run would
    at that point (:func:`decide`): so the archive does not depend on ``jobs``."""

    st: Store
    report: IngestReport
    notify: Callable[[Progress], None]
    opts: Options
    workers: _Workers
    total: int
    timings: dict[str, float]
    batch: WriteBatch | None = None
    index: int = 0
    queue: deque[_Entry] = field(default_factory=deque)
    seen: list[_Entry] = field(default_factory=list)  # unchanged files not yet written
    fresh: set[str] = field(default_factory=set)  # contents parsed and stored in this run
    parsing: set[str] = field(default_factory=set)  # contents a worker reads in this run
    in_flight: int = 0

    def clock(self, stage: str, since: float) -> float:
        now = perf_counter()
        self.timings[stage] = self.timings.get(stage, 0.0) + (now - since)
        return now

    def walk(self, found: Scan) -> None:
        t = perf_counter()
        folders = [path_key(d) for d in (*found.complete_dirs, *(d for d, _ in found.unlisted_dirs))]
        known = self.st.file_records(folders, [path_key(p) for p in found.files])
        t = self.clock("plan", t)
        for path in found.files:
            self.index += 1
            started = self.workers.startup_s
            old = known.get(path_key(path))
            # Read ahead what is to be parsed, unless the same content is stored or being
            # read already; whether it is parsed at all is decided again in _apply.
            result = look(path, old, self.opts, known=self.st.has_documents,
                          fresh=_Either(self.fresh, self.parsing))
            entry = _Entry(self.index, path, result, old)
            if result.parse and result.record.sha256:
                self.parsing.add(result.record.sha256)
                entry.future = self.workers.submit(path, result, self.opts)
            # starting the workers is its own stage ("start")
            self.clock("plan", t + (self.workers.startup_s - started))
            self.push(entry)
            t = perf_counter()
        while self.queue:
            self._apply(self.queue.popleft())
        self._flush_seen()
        if self.workers.startup_s:
            self.timings["start"] = self.timings.get("start", 0.0) + self.workers.startup_s
        if self.workers.unavailable:
            self.report.warnings.append("worker processes could not start; the files were "
                                        "read in this process")

    def push(self, entry: _Entry) -> None:
        self.queue.append(entry)
        if entry.future is not None:
            self.in_flight += 1
        # Store what is ready; wait for the oldest file while too many are read ahead.
        while self.queue and (self.in_flight >= self.workers.in_flight_limit
                              or len(self.queue) > MAX_QUEUED
                              or self.queue[0].future is None
                              or self.queue[0].future.done()):
            self._apply(self.queue.popleft())

    def _apply(self, entry: _Entry) -> None:
        """Store one planned file, in walk order."""
        result = entry.result
        if result.outcome in (NEW, UPDATED):
            # As a one-job run decides it here: an earlier file of this run may have stored
            # this content (link, or nothing to do) or dropped it (parse after all).
            result = decide(result.record, entry.old, self.opts, known=self.st.has_documents,
                            fresh=self.fresh)
            if result.parse:
                result = self._parsed(entry)
            elif entry.future is not None:
                self._settle(entry)  # read ahead for nothing
        if result.outcome == UNCHANGED:
            self.seen.append(entry)
            self.report.unchanged += 1
            if len(self.seen) >= MAX_QUEUED:
                self._flush_seen()
            self._done(entry, result.record.path, UNCHANGED, None)
            return
        self._flush_seen()
        t = perf_counter()
        self._open()
        outcome, reason = apply_result(self.st, result, self.report)
        self.clock("store", t)
        if result.docs is not None and outcome != FAILED and result.record.sha256:
            self.fresh.add(result.record.sha256)
        if self.batch is not None:
            self.batch.done()
        self._done(entry, result.record.path, outcome, reason)

    def _parsed(self, entry: _Entry) -> FileResult:
        """The parse of ``entry``: from its worker, or read here."""
        looked = entry.result
        if entry.future is None:
            return read_file(entry.path, looked, self.opts, self.timings)
        t = perf_counter()
        try:
            result, timings = entry.future.result()
        except BrokenProcessPool:
            if self.workers.never_started():
                for other in self.queue:
                    self._settle(other)  # all read here, when their turn comes
                result, timings = read_file(entry.path, looked, self.opts, self.timings), {}
            else:
                result, timings = self._after_crash(entry)
        finally:
            self.clock("wait", t)
            self._settle(entry)
        for stage, seconds in timings.items():
            self.timings[stage] = self.timings.get(stage, 0.0) + seconds
        return result

    def _settle(self, entry: _Entry) -> None:
        if entry.future is not None:
            entry.future = None
            self.in_flight -= 1

    def _after_crash(self, entry: _Entry) -> tuple[FileResult, dict[str, float]]:
        """A worker process died (a crash in a PDF library, the kernel's OOM killer): read
        this file alone in a fresh pool to tell whether it was the cause, then read again
        what the dead pool had in hand."""
        lost = [e for e in self.queue if e.future is not None and _broken(e.future)]
        self.workers.restart()
        retry = self.workers.submit(entry.path, entry.result, self.opts)
        try:
            got = retry.result() if retry is not None else parse_job(
                str(entry.path), entry.result, self.opts)
        except BrokenProcessPool:
            self.workers.restart()
            got = FileResult(entry.result.record, FAILED, reason=CRASHED), {}
        for other in lost:
            other.future = self.workers.submit(other.path, other.result, self.opts)
            if other.future is None:
                self.in_flight -= 1
        return got

    def _flush_seen(self) -> None:
        if self.seen:
            t = perf_counter()
            self._open()
            self.st.mark_seen_many([e.result.record for e in self.seen], self.report.run_id)
            if self.batch is not None:
                # A mark is a row, not a file's writes: these commit with the batch's time,
                # not its count (a commit is a disk sync; 10,000 unchanged files made 50).
                self.batch.done(0)
            self.seen.clear()
            self.clock("store", t)

    def _open(self) -> None:
        if self.batch is not None:
            self.batch.open()

    def _done(self, entry: _Entry, path: str, outcome: str, reason: str | None) -> None:
        self.notify(Progress(entry.index, self.total, path, outcome, reason))


@dataclass(slots=True)
class _Either:
    """In one of two collections (without building their union for every file)."""

    a: Container[str]
    b: Container[str]

    def __contains__(self, item: object) -> bool:
        return item in self.a or item in self.b


def _broken(future: Future[Any]) -> bool:
    """Whether ``future`` died with its pool (waiting for the pool to say so)."""
    try:
        future.result()
    except Exception:  # noqa: BLE001 - parse_job never raises: anything is the pool's
        return True
    return False


def apply_result(st: Store, result: FileResult, report: IngestReport
                 ) -> tuple[str, str | None]:
    """Write what :func:`examine` found, one transaction; returns (outcome, reason)."""
    rec = result.record
    if result.outcome == FAILED:
        return FAILED, _fail(st, report, rec, result.reason or "unknown error")
    if result.outcome == UNCHANGED:
        st.mark_seen(rec, report.run_id)
        report.unchanged += 1
        return UNCHANGED, None
    try:
        report.documents += len(st.store_file(rec, result.docs, report.run_id))
    except DatabaseError:
        raise
    except Exception as e:  # noqa: BLE001 - a Document the store rejects fails its file only
        detail = " ".join(str(e).split())
        return FAILED, _fail(st, report, rec,
                             f"internal error while storing: {type(e).__name__}: {detail}")
    setattr(report, result.outcome, getattr(report, result.outcome) + 1)
    return result.outcome, None


def _fail(st: Store, report: IngestReport, rec: FileRecord, reason: str) -> str:
    reason = " ".join(reason.split()) or "unknown error"
    st.record_failure(rec, reason, report.run_id)
    report.failed += 1
    report.failures.append((rec.path, reason))
    return reason


def _warn_names(found: Scan, report: IngestReport) -> None:
    odd = [path_key(p) for p in found.files if path_key(p) != str(p)]
    if odd:
        report.warnings.append(
            f"{len(odd)} file name(s) are not valid UTF-8 and are stored with \\x escapes "
            f"(first: {odd[0]})")


def _link(st: Store, report: IngestReport, force: bool, jobs: int,
          pool: ProcessPoolExecutor | None) -> None:
    """Follow matters across meetings for the forums this run changed (see referatkit.link),
    in ``jobs`` worker processes (``pool``, where the parse workers are running). A failure
    here is a warning: the documents are stored and the next run links again."""
    try:
        done = link.relink(st, force=force, jobs=jobs, pool=pool)
    except DatabaseError:
        raise
    except Exception as e:  # noqa: BLE001 - the documents are stored; linking can wait
        detail = " ".join(str(e).split())
        report.warnings.append(f"linking meetings and matters failed: {type(e).__name__}: "
                               f"{detail} (run 'referatkit link' to try again)")
        return
    report.forums_linked = len(done.linked)
    report.open_decisions = done.open_decisions


def _remove_vanished(st: Store, found: Scan, seen: set[str], report: IngestReport) -> int:
    """Mark removed what was stored below a completely scanned folder and is gone now.

    A folder that yields no files at all while the archive holds files below it is taken
    for an unmounted share, not for a deliberate clean-out: nothing is marked removed there.
    """
    unlisted = [path_key(d) + os.sep for d, _ in found.unlisted_dirs]
    gone: list[str] = []
    for root in found.complete_dirs:
        key = path_key(root)
        prefix = key + os.sep
        active = st.active_paths_under(key)
        if active and not any(s.startswith(prefix) for s in seen):
            report.warnings.append(
                f"{key} holds no documents now; its {len(active)} stored file(s) were not "
                "marked removed (an unmounted share?)"
            )
            continue
        gone.extend(
            p for p in active if p not in seen and not any(p.startswith(u) for u in unlisted)
        )
    return st.mark_removed(gone, report.run_id) if gone else 0


def _prune(st: Store, found: Scan) -> int:
    """Forget the files marked removed below the folders scanned completely in this run
    (never below a folder that could not be listed)."""
    unlisted = [path_key(d) + os.sep for d, _ in found.unlisted_dirs]
    paths = sorted({
        p for root in found.complete_dirs for p in st.removed_paths_under(path_key(root))
        if not any(p.startswith(u) for u in unlisted)
    })
    return st.prune(paths) if paths else 0
