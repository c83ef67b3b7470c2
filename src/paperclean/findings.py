"""What a careful editor would flag without changing the text (spec §8)."""

from __future__ import annotations

from .document import Document


def flag_findings(doc: Document, config) -> Document:
    """(Stub.)"""
    return doc
