"""Ingest: walk folders, read what changed, store it, and mark what vanished.

One bad file never stops a run: any exception while reading one file is recorded as that
file's failure (a one-line reason in ``files`` and ``failures``) and the run goes on. Only a
database that cannot be used stops it.
"""

from __future__ import annotations

import fnmatch
import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from referatkit import __version__, link, pipeline, readers
from referatkit.errors import EXIT_OK, EXIT_PARTIAL, DatabaseError, ReadError, UsageError
from referatkit.model import Document
from referatkit.store import FILE_OK, FILE_REMOVED, FileRecord, RunCounts, Store, open_store

# What a folder walk reads when the readers do not say (readers.SUPPORTED_SUFFIXES wins).
DEFAULT_SUPPORTED_SUFFIXES = frozenset({".pdf", ".docx", ".txt", ".md", ".markdown"})

# Names never read during a folder walk: Office lock files ("~$referat.docx"), editor and
# Office temp files, hidden files and folders (".DS_Store", ".git", ".~lock.x#").
IGNORED_NAME_PATTERNS = ("~$*", "~*", "*.tmp", ".*")

HASH_CHUNK = 1 << 20  # stream files through sha256 1 MiB at a time

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
class Scan:
    """The result of walking the given paths, before anything is read."""

    files: list[Path] = field(default_factory=list)
    skipped: int = 0
    # Explicitly named files that cannot be read at all (unsupported type): (path, reason).
    rejected: list[tuple[Path, str]] = field(default_factory=list)
    # Folders walked to the end. Only below these may a vanished file be marked removed.
    complete_dirs: list[Path] = field(default_factory=list)
    # Folders that could not be listed: nothing below them is marked removed.
    unlisted_dirs: list[Path] = field(default_factory=list)


def supported_suffixes() -> frozenset[str]:
    return frozenset(getattr(readers, "SUPPORTED_SUFFIXES", DEFAULT_SUPPORTED_SUFFIXES))


def is_ignored(name: str) -> bool:
    return any(fnmatch.fnmatchcase(name, pat) for pat in IGNORED_NAME_PATTERNS)


def _absolute(p: str | os.PathLike[str]) -> Path:
    # Absolute without resolving symlinks: the path the user knows is the path we store.
    return Path(os.path.normpath(os.path.abspath(os.path.expanduser(os.fspath(p)))))


def scan(paths: Iterable[str | os.PathLike[str]]) -> Scan:
    """Walk ``paths`` in sorted, deterministic order. Raises UsageError for a path that does
    not exist — before anything is read or marked removed."""
    roots = [_absolute(p) for p in paths]
    missing = [str(r) for r in roots if not r.exists()]
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
        if root.is_file():
            if root.suffix.lower() in suffixes:
                add(root)
            else:
                known = ", ".join(sorted(suffixes))
                out.rejected.append((root, f"unsupported file type {root.suffix or '(none)'!r} "
                                           f"(referatkit reads {known})"))
            continue
        errors: list[OSError] = []
        below: list[Path] = []
        for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
            dirnames[:] = [d for d in dirnames if not is_ignored(d)]  # prune hidden folders
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
        bad = [_absolute(e.filename) for e in errors if e.filename]
        out.unlisted_dirs.extend(bad)
        if root not in bad:
            out.complete_dirs.append(root)
    return out


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(HASH_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def read_documents(path: Path, sha256: str) -> list[Document]:
    """Parse one file and stamp its documents with path, content hash and part."""
    docs = pipeline.parse_file(path)
    if not docs:
        raise ReadError("no document found in the file")
    for part, doc in enumerate(docs):
        doc.path = str(path)
        doc.sha256 = sha256
        doc.part = part  # the store keys documents by (sha256, part): keep parts distinct
    return docs


def _reason(e: BaseException) -> str:
    if isinstance(e, ReadError):
        return e.message
    detail = " ".join(str(e).split())
    return f"internal error while reading: {type(e).__name__}: {detail}" if detail else \
        f"internal error while reading: {type(e).__name__}"


def ingest(
    paths: Sequence[str | os.PathLike[str]],
    db: Store | str | os.PathLike[str],
    *,
    on_progress: Callable[[Progress], None] | None = None,
    force: bool = False,
) -> IngestReport:
    """Bring the archive in line with ``paths`` (files and folders).

    An unchanged file (same size and mtime, read by this version) is not read; a file whose
    content is unchanged (same sha256) is not parsed; ``force`` re-reads everything. Files that
    vanished are marked removed only below folders scanned completely in this run.
    """
    if not paths:
        raise UsageError("nothing to ingest: give at least one file or folder")
    found = scan(paths)
    if isinstance(db, Store):
        return _ingest(found, db, on_progress, force)
    with open_store(db) as st:
        return _ingest(found, st, on_progress, force)


def _ingest(found: Scan, st: Store, on_progress: Callable[[Progress], None] | None,
            force: bool) -> IngestReport:
    report = IngestReport(db_path=str(st.path), skipped=found.skipped)
    roots = [str(p) for p in (*found.complete_dirs, *found.unlisted_dirs, *found.files)]
    report.run_id = st.start_run(roots)
    counts = RunCounts(skipped=found.skipped)
    total = len(found.files) + len(found.rejected)
    notify = on_progress or (lambda _p: None)
    status = "error"
    try:
        notify(Progress(0, total, "", SCANNED))
        index = 0
        for path, reason in found.rejected:
            index += 1
            rec = FileRecord(path=str(path), size=0, mtime_ns=0)
            _fail(st, report, rec, reason)
            notify(Progress(index, total, str(path), FAILED, reason))
        for path in found.files:
            index += 1
            outcome, reason = _one_file(st, path, report, force)
            if outcome != FAILED:  # failures are counted where they are recorded
                setattr(report, outcome, getattr(report, outcome) + 1)
            notify(Progress(index, total, str(path), outcome, reason))
        seen = {str(p) for p in found.files} | {str(p) for p, _ in found.rejected}
        report.removed = _remove_vanished(st, found, seen, report)
        _link(st, report, force)
        status = "partial" if report.failed else "ok"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        counts.new, counts.updated, counts.unchanged = report.new, report.updated, report.unchanged
        counts.failed, counts.removed = report.failed, report.removed
        try:
            st.finish_run(report.run_id, status, counts)
        except DatabaseError:
            if status != "error":
                raise
    return report


def _link(st: Store, report: IngestReport, force: bool) -> None:
    """Follow matters across meetings for the forums this run changed (see referatkit.link).
    A failure here is a warning: the documents are stored and the next run links again."""
    try:
        done = link.relink(st, force=force)
    except DatabaseError:
        raise
    except Exception as e:  # noqa: BLE001 - the documents are stored; linking can wait
        detail = " ".join(str(e).split())
        report.warnings.append(f"linking meetings and matters failed: {type(e).__name__}: "
                               f"{detail} (run 'referatkit link' to try again)")
        return
    report.forums_linked = len(done.linked)
    report.open_decisions = done.open_decisions


def _one_file(st: Store, path: Path, report: IngestReport, force: bool) -> tuple[str, str | None]:
    """Read and store one file; returns (outcome, failure reason)."""
    p = str(path)
    old = st.file_record(p)
    try:
        info = path.stat()
    except OSError as e:
        rec = FileRecord(path=p, size=0, mtime_ns=0, sha256=old.sha256 if old else None)
        return FAILED, _fail(st, report, rec, f"cannot read: {e.strerror or e}")
    rec = FileRecord(path=p, size=info.st_size, mtime_ns=info.st_mtime_ns)
    current = (not force and old is not None and old.status == FILE_OK
               and old.version == __version__)
    if current and old and old.size == rec.size and old.mtime_ns == rec.mtime_ns:
        rec.sha256 = old.sha256
        st.mark_seen(rec, report.run_id)
        return UNCHANGED, None
    try:
        rec.sha256 = sha256_file(path)
    except OSError as e:
        return FAILED, _fail(st, report, rec, f"cannot read: {e.strerror or e}")
    outcome = NEW if old is None or old.status == FILE_REMOVED else UPDATED
    if current and old and old.sha256 == rec.sha256 and st.has_documents(rec.sha256):
        st.mark_seen(rec, report.run_id)  # touched, not changed: the new mtime is remembered
        return UNCHANGED, None
    docs: list[Document] | None = None
    if force or not st.has_documents(rec.sha256):
        try:
            docs = read_documents(path, rec.sha256)
        except Exception as e:  # noqa: BLE001 - one bad file must never stop the run
            return FAILED, _fail(st, report, rec, _reason(e))
    # else: the same content is stored under another path; link this path to it.
    try:
        report.documents += len(st.store_file(rec, docs, report.run_id))
    except DatabaseError:
        raise
    except Exception as e:  # noqa: BLE001 - a Document the store rejects fails its file only
        detail = " ".join(str(e).split())
        return FAILED, _fail(st, report, rec,
                             f"internal error while storing: {type(e).__name__}: {detail}")
    return outcome, None


def _fail(st: Store, report: IngestReport, rec: FileRecord, reason: str) -> str:
    reason = " ".join(reason.split()) or "unknown error"
    st.record_failure(rec, reason, report.run_id)
    report.failed += 1
    report.failures.append((rec.path, reason))
    return reason


def _remove_vanished(st: Store, found: Scan, seen: set[str], report: IngestReport) -> int:
    """Mark removed what was stored below a completely scanned folder and is gone now.

    A folder that yields no files at all while the archive holds files below it is taken
    for an unmounted share, not for a deliberate clean-out: nothing is marked removed there.
    """
    unlisted = [str(d) + os.sep for d in found.unlisted_dirs]
    gone: list[str] = []
    for root in found.complete_dirs:
        prefix = str(root) + os.sep
        active = st.active_paths_under(str(root))
        if active and not any(s.startswith(prefix) for s in seen):
            report.warnings.append(
                f"{root} holds no documents now; its {len(active)} stored file(s) were not "
                "marked removed (an unmounted share?)"
            )
            continue
        gone.extend(
            p for p in active if p not in seen and not any(p.startswith(u) for u in unlisted)
        )
    return st.mark_removed(gone, report.run_id) if gone else 0
