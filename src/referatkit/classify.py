"""Decisions, actions, participants, attachments (placeholder, being written)."""

from __future__ import annotations

from referatkit.model import Document


def classify(doc: Document) -> Document:
    return doc
