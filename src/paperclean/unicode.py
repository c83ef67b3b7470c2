"""Unicode hygiene: NFC, invisible characters, odd spaces, full-width letters and digits."""

from __future__ import annotations

import re
import unicodedata

from .chardata import FULLWIDTH_ALNUM_RE, INVISIBLE_RE, ODD_SPACE_RE
from .document import Block, Document

_FULLWIDTH_TO_ASCII = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF5B)}


def fix_unicode(text: str) -> str:
    r"""Normalize the characters of `text`, keeping every letter and mark.

    - zero-width characters, the BOM, bidi marks and control characters other
      than tab, newline, carriage return and form feed are removed: extraction
      leaves them, no reader sees them (line endings and page breaks are the
      document's business);
    - U+3000, U+00A0 and the other Unicode spaces become an ASCII space (the
      space rules then decide whether it stays);
    - full-width ASCII letters and digits (``ＡＢＣ１２３``) become half width;
    - NFC last, so that a character typed two ways compares equal.  It comes
      last because removing an invisible character or narrowing a letter can
      bring a base letter next to its combining mark (``e\u200b\u0301``):
      composing before that would leave work for a second pass.

    Full-width *punctuation* and sub/superscripts (``SO₂``) are left alone:
    they carry meaning in Chinese text.

    >>> fix_unicode("\ufeff衡水\u200b日报\u3000ＡＢＣ１２３ SO₂")
    '衡水日报 ABC123 SO₂'
    >>> fix_unicode("e\u200b\u0301") == "\u00e9"
    True
    """
    if text.isascii():
        return INVISIBLE_RE.sub("", text)
    text = INVISIBLE_RE.sub("", text)
    text = ODD_SPACE_RE.sub(" ", text)
    text = FULLWIDTH_ALNUM_RE.sub(lambda m: m.group().translate(_FULLWIDTH_TO_ASCII), text)
    return unicodedata.normalize("NFC", text)


#: A line with nothing left on it but spaces.  The standard `re` (faster
#: here): its \s adds U+001C-U+001F to regex's, and fix_unicode removed those.
_BLANK_LINE_RE = re.compile(r"^[^\S\n]*$", flags=re.MULTILINE)


def normalize_unicode(doc: Document, config) -> Document:
    r"""Apply :func:`fix_unicode` to every block.

    A line that held only invisible characters and odd spaces is blank after
    hygiene, and a blank line separates blocks (spec §1, §2), as :func:`parse`
    would have found had it seen the line clean: the block is split there, and
    a block with nothing left is dropped.  When a block is split or dropped,
    the runner cannot pair blocks before and after, so this step then records
    its own changes: the whole text of each changed block, by its index
    before the step.

    >>> from .document import Block
    >>> doc = Document([Block("衡水\u200b日报"), Block("\x00\u3000"), Block("一。\n\x1f\n二。")], changes=[])
    >>> [b.text for b in normalize_unicode(doc, None).blocks]
    ['衡水日报', '一。', '二。']
    >>> [(c.block, c.before, c.after) for c in doc.changes]
    [(0, '衡水\u200b日报', '衡水日报'), (1, '\x00\u3000', ''), (2, '一。\n\x1f\n二。', '一。\n\n二。')]
    """
    texts = [block.text for block in doc.blocks]
    joined = "\f".join(texts)
    if joined.count("\f") == len(texts) - 1:
        # one pass over the whole document: fix_unicode keeps form feeds, and
        # a form feed neither composes nor reorders with its neighbours
        fixed = fix_unicode(joined).split("\f")
    else:
        fixed = [fix_unicode(text) for text in texts]
    if not any(_BLANK_LINE_RE.search(text) for text in fixed):
        for block, text in zip(doc.blocks, fixed):
            block.text = text
        return doc
    parts = [_split_at_blank_lines(block, text) for block, text in zip(doc.blocks, fixed)]
    blocks = [part for block_parts in parts for part in block_parts]
    if any(len(block_parts) != 1 for block_parts in parts):
        for index, (block, block_parts) in enumerate(zip(doc.blocks, parts)):
            after = "\n\n".join(part.text for part in block_parts)
            if after == block.text:
                continue
            if not block_parts:
                note = "blank after Unicode hygiene: block dropped"
            elif len(block_parts) > 1:
                note = "blank lines after Unicode hygiene: block split"
            else:
                note = ""
            doc.record("normalize_unicode", index, 0, block.text, after, note)
    doc.blocks = blocks
    return doc


def _split_at_blank_lines(block: Block, text: str) -> list[Block]:
    """The blocks of `text` (the hygienic text of `block`) split at blank
    lines, each starting where its first line started."""
    old_lines = block.text.split("\n")
    lines = text.split("\n")
    if len(old_lines) != len(lines):  # not from fix_unicode: offsets are approximate
        old_lines = lines
    blocks: list[Block] = []
    current: list[str] = []
    start = offset = block.start
    for line, old_line in zip(lines, old_lines):
        if line.strip():
            if not current:
                start = offset
            current.append(line)
        elif current:
            blocks.append(Block("\n".join(current), block.kind, block.page, start))
            current = []
        offset += len(old_line) + 1
    if current:
        blocks.append(Block("\n".join(current), block.kind, block.page, start))
    return blocks
