"""Run the referatkit CLI and kill it with SIGKILL just before its Nth SQL statement.

    python tests/kill_after.py N referatkit-arguments...

N = 0 never kills; the run then ends with a line "statements: COUNT" on stderr, the number
to draw N from. Used by tests/test_ingest_crash.py: SQLite statements are where a crash can
leave half a write behind, so they are the moments to crash at.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import sys


def main(argv: list[str]) -> int:
    limit = int(argv[0])
    count = 0
    real_connect = sqlite3.connect

    def trace(_sql: str) -> None:
        nonlocal count
        count += 1
        if limit and count >= limit:
            os.kill(os.getpid(), signal.SIGKILL)

    def connect(*args, **kwargs):  # type: ignore[no-untyped-def]
        conn = real_connect(*args, **kwargs)
        conn.set_trace_callback(trace)
        return conn

    sqlite3.connect = connect  # type: ignore[assignment]
    from referatkit import cli

    code = cli.run(argv[1:])
    print(f"statements: {count}", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
