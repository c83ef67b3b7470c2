"""What a careful editor would flag, reported without changing the text (spec §8).

- ``unfinished``: a paragraph that ends mid-sentence and was not continued
  (text lost by the extraction, or an article continued on another page
  without a jump line);
- ``unbalanced``: a bracket or book-title mark without its partner
  (``决议》`` without ``《``);
- ``stray-latin``: a lone lowercase Latin word between Hanzi
  (``民生工程 and 民生实事``), typical of a mixed-up text layer;
- ``debris``: a short block of lone characters separated by spaces
  (``限 限 直``), the remains of a layout element.
"""

from __future__ import annotations

import re

import regex

from .chardata import HAN, ends_sentence
from .document import MARKUP, PARAGRAPH, TABLE, Document, Finding
from .order import starts_list_item

CONTEXT_CHARS = 12
PAIRS = ["（）", "《》", "“”", "【】", "「」"]
_PAIR_RES = [regex.compile(f"[{pair}]") for pair in PAIRS]
_STRAY_LATIN_RE = regex.compile(rf"(?<=[{HAN}] ?)\b[a-z]{{2,12}}\b(?= ?[{HAN}])")
#: What every stray Latin word holds; the standard `re` finds it fast.
_TWO_LOWERCASE_RE = re.compile("[a-z]{2}")
_DEBRIS_RE = regex.compile(r"\S(?: \S){2,}")


def _context(text: str, offset: int) -> str:
    return text[max(0, offset - CONTEXT_CHARS) : offset + CONTEXT_CHARS]


def find_unbalanced(text: str) -> list[tuple[int, str]]:
    """Offsets of brackets and quotes without a partner, with the mark.

    >>> find_unbalanced("中共十九大成就和历史经验的决议》，中国")
    [(15, '》')]
    >>> find_unbalanced("《决议》（全文）")
    []
    """
    found = []
    for (opener, closer), pattern in zip(PAIRS, _PAIR_RES):
        if opener not in text and closer not in text:
            continue
        if _is_balanced(pattern.findall(text), opener + closer):
            continue
        stack: list[int] = []
        for match in pattern.finditer(text):
            if match.group() == opener:
                stack.append(match.start())
            elif stack:
                stack.pop()
            else:
                found.append((match.start(), closer))
        found.extend((offset, opener) for offset in stack)
    return sorted(found)


def _is_balanced(marks: list[str], pair: str) -> bool:
    """Whether the marks, in order, pair up like brackets (deleting each
    adjacent opener-closer pair in turn leaves nothing): the cheap case of
    :func:`find_unbalanced`, without a Python step per mark."""
    joined = "".join(marks)
    while pair in joined:
        joined = joined.replace(pair, "")
    return not joined


def flag_findings(doc: Document, config) -> Document:
    """Add findings for unfinished paragraphs, unbalanced marks, stray Latin
    words and debris; the text is not changed."""
    findings = doc.findings
    for index, block in enumerate(doc.blocks):
        text = block.text
        if block.kind in (TABLE, MARKUP):
            continue
        following = doc.blocks[index + 1].text if index + 1 < len(doc.blocks) else ""
        before_list = text.rstrip().endswith(("：", ":")) and starts_list_item(following)
        if block.kind == PARAGRAPH and not block.continued and not ends_sentence(text) and not before_list:
            findings.append(Finding("unfinished", index, len(text), _context(text, len(text))))
        for offset, _mark in find_unbalanced(text):
            findings.append(Finding("unbalanced", index, offset, _context(text, offset)))
        for match in _STRAY_LATIN_RE.finditer(text) if _TWO_LOWERCASE_RE.search(text) else ():
            findings.append(Finding("stray-latin", index, match.start(), _context(text, match.start())))
        if len(text) <= 30 and _DEBRIS_RE.fullmatch(text):
            findings.append(Finding("debris", index, 0, text))
    return doc
