"""The grammar of minutes (placeholder, being written)."""

from __future__ import annotations

from referatkit.model import Document, RawDocument


def segment(raw: RawDocument) -> list[Document]:
    return [Document(path=raw.path, format=raw.format, pages=raw.pages)]
