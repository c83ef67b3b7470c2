"""Simplified/Traditional conversion with OpenCC, off by default (spec §8)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .document import Document


@lru_cache(maxsize=None)
def _converter(conversion: str):
    import opencc  # loaded on first use: keeps `import paperclean` cheap

    return opencc.OpenCC(conversion)


def to_simplified(text: str) -> str:
    """Traditional characters to Simplified.

    >>> to_simplified("衡水口報")
    '衡水口报'
    """
    return _converter("t2s").convert(text)


@lru_cache(maxsize=None)
def traditional_chars() -> frozenset[str]:
    """The characters OpenCC turns into another when it converts to
    Simplified (``報``, ``輪``): a sign of Traditional text.  Read on first
    use from OpenCC's own character table.  Whether a text holds one is
    ``not traditional_chars().isdisjoint(text)``: a set lookup per character
    in C, many times faster than a pattern of thousands of characters.

    >>> "輪" in traditional_chars(), "轮" in traditional_chars()
    (True, False)
    """
    import opencc

    table = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    try:
        lines = table.read_text(encoding="utf-8").splitlines()
    except OSError:  # another OpenCC layout: no character counts as Traditional
        return frozenset()
    chars = {line.split("\t", 1)[0] for line in lines if "\t" in line}
    return frozenset(char for char in chars if len(char) == 1)


def to_traditional(text: str) -> str:
    """Simplified characters to Traditional.

    The text goes to Simplified first: OpenCC's Simplified-to-Traditional
    tables expect Simplified input, and on text that is already Traditional
    they can change it again (``干預`` -> ``幹預``), so a second pass would
    not be a no-op.

    >>> to_traditional("后来")
    '後來'
    >>> to_traditional("干预") == to_traditional(to_traditional("干预")) == "干預"
    True
    """
    return _converter("s2t").convert(to_simplified(text))


def convert_minority_script(text: str) -> str:
    """Convert only the stray characters of the script the text uses less.

    A Simplified page with a few Traditional characters left by OCR gets those
    few converted; a Traditional page keeps its script the same way.  The
    votes compare the text with its Simplified and its Traditional forms:
    characters that differ from the Simplified form are Traditional, those
    that differ from the Traditional form are Simplified.  A tie goes to
    Simplified; a conversion that changes the length (a phrase table) leaves
    the text alone.

    >>> convert_minority_script("衡水口報是一份报纸，报道本地新闻")
    '衡水口报是一份报纸，报道本地新闻'
    >>> convert_minority_script("衡水日報是一份報紙，报導本地新聞")
    '衡水日報是一份報紙，報導本地新聞'
    """
    simplified = to_simplified(text)
    traditional = _converter("s2t").convert(simplified)
    if len(simplified) != len(text) or len(traditional) != len(text):
        return text
    traditional_votes = sum(1 for a, b in zip(text, simplified) if a != b)
    simplified_votes = sum(1 for a, b in zip(text, traditional) if a != b)
    if simplified_votes >= traditional_votes:
        return simplified if traditional_votes else text
    return traditional if simplified_votes else text


_CONVERSIONS = {"t2s": to_simplified, "s2t": to_traditional, "minority": convert_minority_script}


def convert_script(doc: Document, config) -> Document:
    """Convert the script of every block as ``config.script_conversion`` says."""
    try:
        convert = _CONVERSIONS[config.script_conversion]
    except KeyError:
        raise ValueError(
            f"script_conversion must be one of {sorted(_CONVERSIONS)}, not {config.script_conversion!r}"
        ) from None
    for block in doc.blocks:
        block.text = convert(block.text)
    return doc
