"""Unicode hygiene: NFC, invisible characters, odd spaces, full-width letters and digits."""

from __future__ import annotations

import unicodedata

from .chardata import FULLWIDTH_ALNUM_RE, INVISIBLE_RE, ODD_SPACE_RE
from .document import Document

_FULLWIDTH_TO_ASCII = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF5B)}


def fix_unicode(text: str) -> str:
    r"""Normalize the characters of `text`, keeping every letter and mark.

    - NFC, so that a character typed two ways compares equal;
    - zero-width characters, the BOM, bidi marks and control characters other
      than tab, newline and form feed are removed: extraction leaves them, no
      reader sees them;
    - U+3000, U+00A0 and the other Unicode spaces become an ASCII space (the
      space rules then decide whether it stays);
    - full-width ASCII letters and digits (``ＡＢＣ１２３``) become half width.

    Full-width *punctuation* and sub/superscripts (``SO₂``) are left alone:
    they carry meaning in Chinese text.

    >>> fix_unicode("\ufeff衡水\u200b日报\u3000ＡＢＣ１２３ SO₂")
    '衡水日报 ABC123 SO₂'
    """
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        text = INVISIBLE_RE.sub("", text)
        text = ODD_SPACE_RE.sub(" ", text)
        text = FULLWIDTH_ALNUM_RE.sub(lambda m: m.group().translate(_FULLWIDTH_TO_ASCII), text)
    else:
        text = INVISIBLE_RE.sub("", text)
    return text


def normalize_unicode(doc: Document, config) -> Document:
    """Apply :func:`fix_unicode` to every block."""
    for block in doc.blocks:
        block.text = fix_unicode(block.text)
    doc.blocks = [block for block in doc.blocks if block.text.strip()]
    return doc
