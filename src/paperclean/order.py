"""Reading order across column and page breaks (spec §5, tables §8)."""

from __future__ import annotations

from .document import Document


def restore_reading_order(doc: Document, config) -> Document:
    """(Stub.)"""
    return doc
