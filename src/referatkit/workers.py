"""Worker processes, as ingest (parsing) and link (following matters) use them.

Workers are forked from a small clean process (forkserver) that has imported the pipeline
once, not from the calling process, which holds a database connection and threads; where
forkserver is missing they are spawned. Ctrl-C reaches every process of the terminal's
group: workers ignore it, and the caller decides what it means.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import multiprocessing.forkserver as forkserver
import os
import signal
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any

from referatkit.errors import UsageError

__all__ = ["BrokenProcessPool", "JOBS_ENV", "default_jobs", "ignore_interrupt", "mp_context",
           "interrupt_deferred", "pool", "warm_up"]

JOBS_ENV = "REFERATKIT_JOBS"  # the default of --jobs

# Imported once by the process the workers are forked from, so a worker starts warm.
PRELOAD = ("referatkit.ingest", "referatkit.link", "referatkit.readers.pdf",
           "referatkit.readers.docx", "referatkit.readers.txt", "referatkit.readers.markdown")


def default_jobs() -> int:
    """The worker processes an ingest (or a link) uses by default: ``REFERATKIT_JOBS``, else
    one per core this process may run on."""
    given = os.environ.get(JOBS_ENV, "").strip()
    if given:
        try:
            return max(1, int(given))
        except ValueError:
            raise UsageError(f"{JOBS_ENV} must be a whole number, not {given!r}") from None
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def mp_context() -> multiprocessing.context.BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(list(PRELOAD))
        _start_forkserver()
        return ctx
    return multiprocessing.get_context("spawn")


def warm_up() -> None:
    """Start the process workers are forked from, without waiting for it: it imports the
    pipeline (most of a second) while the caller goes on, so the first workers start sooner."""
    mp_context()


def _start_forkserver() -> None:
    """The forkserver, started ignoring Ctrl-C (an ignored signal stays ignored in the
    program it runs): it would print a traceback if Ctrl-C came while it imports."""
    if threading.current_thread() is not threading.main_thread():
        forkserver.ensure_running()  # signal handlers are the main thread's to change
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        forkserver.ensure_running()
    finally:
        signal.signal(signal.SIGINT, previous)


@contextmanager
def interrupt_deferred() -> Iterator[None]:
    """Ctrl-C held back until the block ends. Around a submit that may start a worker: a
    worker half started when this process exits prints a traceback (its queue's semaphore
    is gone); started whole, it is stopped with the pool."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: held.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if held:
        raise KeyboardInterrupt


def ignore_interrupt() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def pool(n: int, initializer: Callable[..., None] | None = None,
         *initargs: Any) -> Iterator[ProcessPoolExecutor]:
    """``n`` worker processes, stopped (after the tasks in hand) when the block ends."""
    ex = ProcessPoolExecutor(n, mp_context=mp_context(), initializer=initializer,
                             initargs=initargs)
    try:
        yield ex
    finally:
        ex.shutdown(wait=True, cancel_futures=True)
