"""Spaces (spec §3): running text, headline phrases, datelines, letter-spacing."""

from __future__ import annotations

import regex

from .chardata import CJK_PUNCT, HAN
from .document import CREDIT, PHRASE_KINDS, TABLE, Document

_SPACE_RUN_RE = regex.compile(r"[ \t]{2,}|\t")

# Running text: a space touching Chinese punctuation goes; a space touching a
# Hanzi goes unless a Latin letter stands on the other side (then one stays).
_RUNNING_SPACE_RE = regex.compile(
    rf"(?<=[{CJK_PUNCT}]) +|"
    rf" +(?=[{CJK_PUNCT}])|"
    rf"(?<=[{HAN}]) +(?![A-Za-z])|"
    rf"(?<![A-Za-z ]) +(?=[{HAN}])|"
    # single digits spread apart by justification inside Chinese text
    rf"(?<=(?:^|[^0-9A-Za-z.,])\d) (?=\d(?: \d)*(?:[{HAN}{CJK_PUNCT}]|$))|"
    rf"(?<=[{HAN}{CJK_PUNCT}]\d(?: \d)*) (?=\d(?![0-9A-Za-z.]))|"
    # a lone hyphen counts as punctuation next to Chinese
    rf"(?<=[{HAN}]) +(?=-)|(?<=-) +(?=[{HAN}])"
)

# Headlines, bylines and credits: phrase spaces stay (one), a space next to a
# punctuation mark goes unless Latin text stands on its other side.
_PHRASE_SPACE_RE = regex.compile(
    rf"(?<=[{CJK_PUNCT}“”‘’…—]) +(?![A-Za-z0-9])|"
    rf"(?<![A-Za-z0-9]) +(?=[{CJK_PUNCT}“”‘’…—])|"
    rf"(?<=[{CJK_PUNCT}]) +|"
    rf" +(?=[{CJK_PUNCT}])|"
    rf"(?<=[{HAN}]) +(?=-)|(?<=-) +(?=[{HAN}])"
)

# A dateline that opens a paragraph: `本报讯（记者…）`, `新华社北京12月2日电`.
_DATELINE_RE = regex.compile(
    rf"^\s*(?P<lead>本报讯|[{HAN}]{{2,8}}讯|(?:本报|新华社|中新社|人民日报|[{HAN}]{{2,6}}社)[{HAN}\d]{{0,12}}电)"
    rf"\s*(?P<paren>[（(][^（()）\n]{{1,40}}[）)])?\s*"
)
_HEADING_MARK_RE = regex.compile(r"^#{1,6} ")


def space_running_text(text: str) -> str:
    """Remove the spaces that extraction left in running Chinese text.

    >>> space_running_text("截至目前， 1030 名驻村安全员")
    '截至目前，1030名驻村安全员'
    >>> space_running_text("“快 7”路城市公交，我 市以项目")
    '“快7”路城市公交，我市以项目'
    >>> space_running_text("民生工程  and 民生实事，涉VOCs企业")
    '民生工程 and 民生实事，涉VOCs企业'
    >>> space_running_text("赞 不 绝 口。 2 0 2 1 年")
    '赞不绝口。2021年'
    >>> space_running_text("a list of 2 3 numbers")
    'a list of 2 3 numbers'
    """
    text = _SPACE_RUN_RE.sub(" ", text).strip()
    if text.isascii():
        return text
    match = _DATELINE_RE.match(text)
    if not match:
        return _RUNNING_SPACE_RE.sub("", text)
    lead = _RUNNING_SPACE_RE.sub("", match["lead"])
    paren = match["paren"] or ""
    if paren:
        paren = paren[0] + _space_names(paren[1:-1]) + paren[-1]
    rest = _RUNNING_SPACE_RE.sub("", text[match.end() :])
    joint = " " if lead.endswith("电") and rest else ""
    return f"{lead}{paren}{joint}{rest}"


def _space_names(text: str) -> str:
    """Inside a dateline's brackets names keep one space between them."""
    return _PHRASE_SPACE_RE.sub("", _SPACE_RUN_RE.sub(" ", text).strip())


def space_phrases(text: str) -> str:
    """Headline spacing: one space between phrases, none next to punctuation.

    >>> space_phrases("增进福祉   补齐短板")
    '增进福祉 补齐短板'
    >>> space_phrases("习近平新时代中国特色社会主义思想 -新时代 新作为")
    '习近平新时代中国特色社会主义思想-新时代 新作为'
    >>> space_phrases("### “我为群众办实事” 最美人物（集体）颁奖")
    '### “我为群众办实事”最美人物（集体）颁奖'
    """
    text = _SPACE_RUN_RE.sub(" ", text).strip()
    marker = _HEADING_MARK_RE.match(text)
    if marker:
        return marker.group() + _PHRASE_SPACE_RE.sub("", text[marker.end() :].lstrip())
    return _PHRASE_SPACE_RE.sub("", text)


def normalize_spaces(doc: Document, config) -> Document:
    """Apply the space rules of each block's kind; tables keep their cells."""
    for block in doc.blocks:
        if block.kind == TABLE:
            continue
        if block.kind in PHRASE_KINDS:
            block.text = space_phrases(block.text)
        else:
            block.text = space_running_text(block.text)
    return doc


_LETTER_SPACED_RE = regex.compile(rf"[{HAN}](?: [{HAN}])+")
_JOINED_HAN_RE = regex.compile(rf"[{HAN}]{{2}}")


def close_letter_spacing(doc: Document, config) -> Document:
    """Close up letter-spaced words in short blocks whose Hanzi all stand
    alone: ``盘 点 2021`` -> ``盘点 2021``.  A block that mixes words and lone
    characters (``高标准农田 民 展``) is garbled, not letter-spaced: untouched.

    >>> from .document import Block
    >>> [b.text for b in close_letter_spacing(Document([Block("盘 点 2021", "headline"), Block("高标准农田 民 展", "headline")]), None).blocks]
    ['盘点 2021', '高标准农田 民 展']
    """
    for block in doc.blocks:
        text = block.text
        if block.kind == TABLE or block.kind == CREDIT or len(text) > 40 or " " not in text:
            continue
        if _JOINED_HAN_RE.search(text) or not _LETTER_SPACED_RE.search(text):
            continue
        block.text = _LETTER_SPACED_RE.sub(lambda m: m.group().replace(" ", ""), text)
    return doc
