"""What kind each block is: paragraph, headline, byline, caption, credit, table...

The rules look only at the block's own text (and, for headlines, at whether it
ends a sentence).  They are deliberately simple and documented here, since
every later step depends on them:

- **table**: most lines hold a tab (extractors write table cells with tabs).
- **heading**: a Markdown heading the extractor wrote (``# …``).
- **ellipsis**: only ``……`` / ``...`` / ``。。。``.
- **subtitle**: starts with ``——`` and is short.
- **credit**: a short line ending in ``摄`` (``袁占林 摄``, ``河北日报通讯员
  贾彦忠摄``), or ``本组图片由…摄``.
- **caption**: starts with ``图为``, ``图①：``, ``图1：``, ``上图：``...
- **byline**: a short line naming reporters (``本报记者 李晨阔``, ``河北日报记者
  陈凤来 通讯员 田静云``) or a short line of two to four names separated by
  spaces (``高占峰 任玉静``).
- **headline**: a short block (at most 2 lines and 64 characters, or any
  number of lines of at most 8 characters: phrases set line by line) that does
  not end a sentence and does not end in a mark that continues one (``，、；``),
  nor start with one.
- **paragraph**: everything else.

Jump lines and furniture get their kinds from the steps that find them.
"""

from __future__ import annotations

import regex

from .chardata import DATELINE_LEAD_RE, SENTENCE_END, ends_sentence
from .document import (
    BYLINE,
    CAPTION,
    CREDIT,
    ELLIPSIS,
    FURNITURE,
    HEADING,
    HEADLINE,
    JUMP,
    MARKUP,
    PARAGRAPH,
    SUBTITLE,
    TABLE,
    Block,
)

HEADLINE_MAX_CHARS = 64
HEADLINE_MAX_LINES = 2
SHORT_LINE_CHARS = 40
PHRASE_LINE_CHARS = 8
LONG_COMMA_HEADLINE_CHARS = 28
_CLAUSE_MARK_RE = regex.compile(r"[，、；,;]")

HEADING_RE = regex.compile(r"#{1,6}\s")
#: A line of markup that a Markdown-writing extractor (MinerU, marker) put
#: between the paragraphs: an image (`![](images/p3.jpg)`), an HTML block
#: (`<table>…</table>`, `<img …>`), display math (`$$…$$`).  It is kept as
#: extracted, and never joined to text.
MARKUP_LINE_RE = regex.compile(
    r"\s*(?:(?:!\[[^\]\n]*\]\([^)\n]*\)\s*)+"
    r"|<(?:table|img|div|figure|figcaption|html|body|p|br|hr|center|iframe)\b[^\n]*>"
    r"|\$\$[^\n]*\$\$)\s*",
    regex.IGNORECASE,
)
ELLIPSIS_RE = regex.compile(r"\s*(?:…{1,2}|\.{3,6}|。{3,6}|⋯{1,6})\s*")
SUBTITLE_RE = regex.compile(r"\s*(?:——|--|─{2}|—\s?—)")
#: `袁占林 摄`, `河北日报通讯员 贾彦忠摄`: a name before 摄, not a word ending in
#: 摄 (`拍摄`, `航摄`).
CREDIT_RE = regex.compile(r"(?:[^\n。！？]{1,36}(?<![拍航])\s?摄(?:影)?|本组图片由[^\n]{1,36}摄(?:影)?)\s*")
CAPTION_RE = regex.compile(
    r"\s*(?:图为|图片为|[上下左右中]?图[①-⑳\d一二三四五六七八九十]*\s*[:：]|[（(]?图[①-⑳\d][）)]?\s*[:：]?)"
)
REPORTER_RE = regex.compile(
    r"\s*(?:本报(?:特约)?(?:记者|通讯员)|[\p{Han}]{2,8}(?:日报|晚报|新闻社|电视台)?(?:特约)?(?:记者|通讯员)|通讯员|见习记者)"
    r"\s?[\p{Han}·]{2,4}"
    r"(?:[\s、，,]+(?:(?:本报)?(?:特约)?(?:记者|通讯员)\s?)?[\p{Han}·]{2,4})*\s*"
)
NAMES_RE = regex.compile(r"[\p{Han}·]{2,3}(?: [\p{Han}·]{2,3}){1,2}")
CONTINUING_END = "，、；：,;:（(“\"《-—"
CONTINUING_START = "，、；：。！？）》”,;:!?)"


def classify_text(text: str) -> str:
    """The kind of a block with this text (see the module docstring).

    >>> classify_text("袁占林 摄")
    'credit'
    >>> classify_text("排查到位 维护周到 处理及时")
    'headline'
    >>> classify_text("本报讯（记者张月亭）入冬以来，市住房和城乡建设局把保障群众清洁温暖安全过冬作为一项重大民心工程。")
    'paragraph'
    >>> classify_text("——某县推进乡村振兴工作纪实")
    'subtitle'
    >>> classify_text("![](images/3f2a.jpg)")
    'markup'
    """
    lines = text.split("\n")
    if "\t" in text and _is_table(lines):
        return TABLE
    stripped = text.strip()
    if not stripped:
        return PARAGRAPH
    if stripped[0] in "!<$" and all(MARKUP_LINE_RE.fullmatch(line) for line in lines if line.strip()):
        return MARKUP
    if HEADING_RE.match(stripped):
        return HEADING
    if ELLIPSIS_RE.fullmatch(stripped):
        return ELLIPSIS
    short = len(stripped) <= HEADLINE_MAX_CHARS and (
        len(lines) <= HEADLINE_MAX_LINES
        # a headline or byline set phrase by phrase, one short line each
        or all(len(line.strip()) <= PHRASE_LINE_CHARS for line in lines)
    )
    if short and SUBTITLE_RE.match(stripped):
        return SUBTITLE
    if len(stripped) <= SHORT_LINE_CHARS and len(lines) <= HEADLINE_MAX_LINES:
        if CREDIT_RE.fullmatch(stripped):
            return CREDIT
        if REPORTER_RE.fullmatch(stripped) or NAMES_RE.fullmatch(stripped):
            return BYLINE
    if CAPTION_RE.match(stripped):
        return CAPTION
    if DATELINE_LEAD_RE.match(stripped):
        return PARAGRAPH  # `本报讯（记者…）近日，…`: a story begins, cut or not
    if short and is_headline_text(stripped):
        return HEADLINE
    return PARAGRAPH


def is_headline_text(text: str) -> bool:
    """A short text that neither ends a sentence nor visibly continues one.
    A long line of running-text commas without phrase spaces is a piece of a
    paragraph: headlines with commas are short (`坚持问题导向，统筹兼顾，…`)."""
    if not text:
        return False
    closing_quote = text[-1] in "\"'" and text.count(text[-1]) % 2 == 0  # straight, but paired: it closes
    if ends_sentence(text) or (text[-1] in CONTINUING_END and not closing_quote) or text[0] in CONTINUING_START:
        return False
    if len(text) > LONG_COMMA_HEADLINE_CHARS and _CLAUSE_MARK_RE.search(text) and " " not in text.strip():
        return False
    return not any(mark in text for mark in SENTENCE_END)


def _is_table(lines: list[str]) -> bool:
    tabbed = sum(1 for line in lines if "\t" in line)
    return tabbed > 0 and tabbed * 2 >= len(lines)


def classify(block: Block) -> str:
    """Set and return the kind of `block`; jump lines and furniture keep theirs."""
    if block.kind not in (JUMP, FURNITURE):
        block.kind = classify_text(block.text)
    return block.kind
