"""Search latency on a generated archive: ``make bench-search`` (``make bench`` runs it too).

The work is in :mod:`referatkit.bench_search` (``main`` takes the same options: --items,
--db, --rebuild, --repeats, --no-command, --format json).
"""

from __future__ import annotations

import sys

from referatkit.bench_search import main

if __name__ == "__main__":
    sys.exit(main())
