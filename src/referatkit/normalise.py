"""Format-independent clean-up of reader blocks (placeholder, being written)."""

from __future__ import annotations

from referatkit.model import RawDocument


def normalise(raw: RawDocument) -> RawDocument:
    return raw
