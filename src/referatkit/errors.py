"""The error hierarchy. The CLI catches :class:`ReferatkitError` in one place and prints
``Error: <message>`` on stderr with the error's exit code; nothing else reaches a user.

Exit codes (documented in the README):

* 0 — everything done
* 1 — some inputs failed (the rest was stored), or a command found nothing it could act on
* 2 — usage error: bad option, bad query, unknown document
* 3 — the database cannot be used (locked by another run, corrupt, newer schema)
* 130 — interrupted (Ctrl-C)
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_USAGE = 2
EXIT_DATABASE = 3


class ReferatkitError(Exception):
    """Base class: a problem we can explain in one line."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(ReferatkitError):
    """The user asked for something that cannot be done as asked."""

    exit_code = EXIT_USAGE


class NotFoundError(UsageError):
    """A document, decision or forum the user named does not exist."""


class QueryError(UsageError):
    """A search query that cannot be run (empty, or invalid with --raw)."""


class ReadError(ReferatkitError):
    """A file could not be read as a document. The message is the one-line reason stored
    with the failed file ("encrypted PDF", "no text layer (scanned PDF?)")."""

    exit_code = EXIT_PARTIAL


class DatabaseError(ReferatkitError):
    """The database cannot be opened, is locked by another run, or is from a newer version."""

    exit_code = EXIT_DATABASE


class LockedError(DatabaseError):
    """Another run holds the database's write lock (and ``--wait`` ran out)."""
