"""Format readers (placeholder, being written): file → RawDocument."""

from __future__ import annotations

from pathlib import Path

from referatkit.errors import ReadError
from referatkit.model import Block, RawDocument


def read(path: Path) -> RawDocument:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ReadError(f"cannot read: {e}") from e
    fmt = path.suffix.lower().lstrip(".")
    return RawDocument(path=str(path), format=fmt, blocks=[Block(t) for t in text.splitlines()])
