"""Spaces (spec §3): running text, headline phrases, datelines, letter-spacing."""

from __future__ import annotations

import regex

from .chardata import CJK_PUNCT, HAN, ends_sentence
from .classify import REPORTER_RE, classify, is_headline_text
from .document import BYLINE, CREDIT, HEADLINE, MARKUP, PHRASE_KINDS, TABLE, Document

_SPACE_RUN_RE = regex.compile(r"[ \t]{2,}|\t")

#: Punctuation shared by Chinese and Western typography (straight quotes turn
#: curly later, in pair_quotes): a space next to one is judged by its other
#: neighbour.
SHARED_PUNCT = "“”‘’…—\"'"

# Running text: a space touching Chinese punctuation goes; a space touching a
# Hanzi goes unless a Latin letter stands on the other side (then one stays).
_RUNNING_SPACE_RE = regex.compile(
    rf"(?<=[{CJK_PUNCT}]) +|"
    rf" +(?=[{CJK_PUNCT}])|"
    rf"(?<=[{HAN}]) +(?![A-Za-z])|"
    rf"(?<![A-Za-z ]) +(?=[{HAN}])|"
    # a number next to Chinese takes no space on its other side either
    # (`“民生难题” 30件`), unless a Latin word or a number stands there
    rf"(?<![A-Za-z0-9 ]) +(?=\d+(?:\.\d+)? *[{HAN}{CJK_PUNCT}])|"
    rf"(?<=[{HAN}{CJK_PUNCT}] *\d+(?:\.\d+)?) +(?![A-Za-z0-9 ])|"
    # a lone hyphen counts as punctuation next to Chinese
    rf"(?<=[{HAN}]) +(?=-)|(?<=-) +(?=[{HAN}])|"
    # quotes, the ellipsis and the dash (shared with Western typography) lose
    # a space unless a Latin word or a number stands on its other side: the
    # same rule as in headlines, so a block reads the same whichever kind it
    # is given
    rf"(?<=[{SHARED_PUNCT}]) +(?![A-Za-z0-9])|(?<![A-Za-z0-9]) +(?=[{SHARED_PUNCT}])"
)

# Single digits that justification spread apart inside Chinese text
# (`2 0 2 1 年`, `6 9 . 3%`): a run of lone digits, with a decimal point
# among them, with Chinese (or the block's edge, or a percent sign) on both
# sides; a quote mark after Chinese counts as Chinese (`“驿站” 1 2 6个`).
# A run between Latin words (`a list of 2 3 numbers`) is left.
_SPREAD_DIGITS_RE = regex.compile(
    rf"(?<=(?:^|[{HAN}{CJK_PUNCT}]|[{HAN}{CJK_PUNCT}][{SHARED_PUNCT}]) ?)\d(?: \d| ?\. ?\d)*(?: \d| ?\. ?\d)(?= ?(?:[{HAN}{CJK_PUNCT}%％]|$))"
)

# A credit in brackets (`（记者焦磊 通讯员李彦芬）`, or any bracket right after
# the `…讯` / `…日电` dateline that opens the block): the names inside keep one
# space between them.
_CREDIT_IN_BRACKETS_RE = regex.compile(
    r"[（(][^（()）\n]{0,40}?(?:记者|通讯员)[^（()）\n]{0,40}[）)]"
    r"|(?<=^[^（()）\n]{0,20}(?:讯|日电|社电|社[^（()）\n]{1,8}电) ?)[（(][^（()）\n]{1,40}[）)]"
)

# A space next to a Hanzi that stands alone between spaces (or at the edge):
# names have two characters or more, so the space was spread by justification.
_SPREAD_NAME_SPACE_RE = regex.compile(
    rf"(?<=(?:^| )[{HAN}]) +(?=[{HAN}])|(?<=[{HAN}]) +(?=[{HAN}](?: |$))"
)

# Headlines, bylines and credits: phrase spaces stay (one), a space next to a
# punctuation mark goes unless Latin text stands on its other side.  Straight
# quotes count as marks: they become curly quotes later (pair_quotes), and a
# second pass must not find a space to remove next to them then.
_PHRASE_SPACE_RE = regex.compile(
    rf"(?<=[{CJK_PUNCT}{SHARED_PUNCT}]) +(?![A-Za-z0-9])|"
    rf"(?<![A-Za-z0-9]) +(?=[{CJK_PUNCT}{SHARED_PUNCT}])|"
    rf"(?<=[{CJK_PUNCT}]) +|"
    rf" +(?=[{CJK_PUNCT}])|"
    rf"(?<=[{HAN}]) +(?=-)|(?<=-) +(?=[{HAN}])"
)

# A wire dateline that opens a paragraph (`新华社北京12月2日电`, `本报北京1月18日
# 电`), with its bracket if any: one space follows it.  (`本报讯` takes none.)
_WIRE_DATELINE_RE = regex.compile(
    rf"(?:(?:新华社|中新社)[{HAN}]{{0,8}}(?:\d{{1,2}}月\d{{1,2}}日)?电"
    rf"|(?:本报|人民日报|[{HAN}]{{2,6}}社)[{HAN}]{{0,8}}\d{{1,2}}月\d{{1,2}}日电)"
    r"(?:[（(][^（()）\n]{1,40}[）)])? ?"
)
_HEADING_MARK_RE = regex.compile(r"^#{1,6} ")


def space_running_text(text: str) -> str:
    """Remove the spaces that extraction left in running Chinese text.

    A space touching a Hanzi or Chinese punctuation goes (also next to a digit
    or a lone hyphen); one space stays between a Hanzi and a Latin word, and
    none is added.  Single digits spread apart inside Chinese text are closed
    up.  Left alone: spaces between Latin words and numbers (one each), the
    names in a reporters' credit in brackets, and the one space between a wire
    dateline (`新华社北京12月2日电`) and its story.

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
    >>> space_running_text("本报讯 （记者李辉 通讯员亓雨） 日前，会议召开。")
    '本报讯（记者李辉 通讯员亓雨）日前，会议召开。'
    >>> space_running_text("会议 召开。（记者焦磊 通讯员李彦芬）")
    '会议召开。（记者焦磊 通讯员李彦芬）'
    >>> space_running_text("本报讯（记 者 张 月亭）入冬以来")
    '本报讯（记者张月亭）入冬以来'
    """
    text = _SPACE_RUN_RE.sub(" ", text).strip()
    if text.isascii():
        return text
    text = _space_sentences(text)
    # The dateline is looked for after the spaces went, so that a second pass
    # sees what the first one saw.
    match = _WIRE_DATELINE_RE.match(text)
    if match and match.end() < len(text):
        return f"{text[: match.end()].rstrip(' ')} {text[match.end() :]}"
    return text


def _space_sentences(text: str) -> str:
    """The running-text rules; credits in brackets keep spaces between names."""
    if "记者" in text or "通讯员" in text or "讯" in text or "电" in text:
        parts = []
        end = 0
        for match in _CREDIT_IN_BRACKETS_RE.finditer(text):
            credit = match.group()
            before = _space_plain(text[end : match.start()])
            parts.append(before.rstrip(" ") if credit[0] == "（" else before)
            parts.append(credit[0] + _space_names(credit[1:-1]) + credit[-1])
            end = match.end()
        if parts:
            after = _space_plain(text[end:])
            parts.append(after.lstrip(" ") if text[end - 1] == "）" else after)
            return "".join(parts)
    return _space_plain(text)


def _space_plain(text: str) -> str:
    text = _RUNNING_SPACE_RE.sub("", text)
    if " " in text:
        closed = _SPREAD_DIGITS_RE.sub(lambda m: m.group().replace(" ", ""), text)
        if closed != text:  # a number closed up is a number next to Chinese now
            text = _RUNNING_SPACE_RE.sub("", closed)
    return text


def _space_names(text: str) -> str:
    """Inside a credit's brackets names keep one space between them; a
    Hanzi standing alone is no name but a word spread by justification
    (``记 者 张 月 亭``), and its spaces go."""
    text = _PHRASE_SPACE_RE.sub("", _SPACE_RUN_RE.sub(" ", text).strip())
    return _SPREAD_NAME_SPACE_RE.sub("", text) if " " in text else text


def space_phrases(text: str) -> str:
    """Headline spacing: one space between phrases, none next to punctuation.

    Headlines, kickers, bylines and credits set their phrases or names apart
    with spaces (`增进福祉 补齐短板`, `袁占林 摄`): those stay, one each.  A
    space next to a punctuation mark goes, unless a Latin word or a number
    stands on its other side.  A Markdown heading marker keeps its space.

    >>> space_phrases("增进福祉   补齐短板")
    '增进福祉 补齐短板'
    >>> space_phrases("乡村振兴战略实施规划 -新时代 新作为")
    '乡村振兴战略实施规划-新时代 新作为'
    >>> space_phrases("### “我为群众办实事” 最美人物（集体）颁奖")
    '### “我为群众办实事”最美人物（集体）颁奖'
    """
    text = _SPACE_RUN_RE.sub(" ", text).strip()
    marker = _HEADING_MARK_RE.match(text)
    if marker:
        return marker.group() + _PHRASE_SPACE_RE.sub("", text[marker.end() :].lstrip())
    return _PHRASE_SPACE_RE.sub("", text)


_TRAILING_SPACES_RE = regex.compile(r" +$", flags=regex.MULTILINE)


def normalize_spaces(doc: Document, config) -> Document:
    r"""Apply the space rules of each block's kind (spec §3).

    Headlines, subtitles, bylines, credits and Markdown headings keep their
    phrase spaces (:func:`space_phrases`); every other block is running text
    (:func:`space_running_text`).  A table keeps its cells, spaces and tabs
    (trailing tabs too, spec §8); only the spaces at the end of its rows go
    (spec §1: no trailing spaces).

    >>> from .document import Block
    >>> doc = Document([Block("我 市以项目"), Block("增进福祉 补齐短板", "headline"),
    ...                 Block("项目 \t数量\t \n合计\t12 ", "table")])
    >>> [b.text for b in normalize_spaces(doc, None).blocks]
    ['我市以项目', '增进福祉 补齐短板', '项目 \t数量\t\n合计\t12']
    """
    for block in doc.blocks:
        if block.kind == HEADLINE and block.text.strip() and not is_headline_text(block.text.strip()):
            # short lines that hold or end a sentence (once their wraps are
            # joined and their marks widened) are a paragraph's, not a
            # headline's: classified again, as a second pass would
            classify(block)
        if block.kind in (TABLE, MARKUP):
            block.text = _TRAILING_SPACES_RE.sub("", block.text)
        elif block.kind in PHRASE_KINDS:
            block.text = space_phrases(block.text)
        else:
            spaced = space_running_text(block.text)
            removed = removed_han_spaces(block.text, spaced) if spaced != block.text else set()
            block.wrap_gaps = tuple(sorted(set(block.wrap_gaps) | removed))
            block.text = spaced
    return doc


_HAN_SPACE_HAN_RE = regex.compile(rf"(?<=[{HAN}])\s+(?=[{HAN}])")
_HAN_RE = regex.compile(rf"[{HAN}]")


def removed_han_spaces(before: str, after: str) -> set[int]:
    """Where whitespace between two Hanzi of `before` is gone in `after`
    (the same text with some whitespace removed), each place counted by the
    Hanzi before it: a line break that the extraction wrote as a space.

    >>> sorted(removed_han_spaces("局领导包联乡镇党委 考核评比，共 3 项", "局领导包联乡镇党委考核评比，共3项"))
    [9]
    """
    return _han_space_gaps(before) - _han_space_gaps(after)


def _han_space_gaps(text: str) -> set[int]:
    gaps, counted, total = set(), 0, 0
    for match in _HAN_SPACE_HAN_RE.finditer(text):
        total += len(_HAN_RE.findall(text, counted, match.start()))
        counted = match.start()
        gaps.add(total)
    return gaps


_LETTER_SPACED_RE = regex.compile(rf"[{HAN}](?: [{HAN}])+")
_JOINED_HAN_RE = regex.compile(rf"[{HAN}]{{2}}")
# lone digits set apart like the Hanzi around them: one number (`2 0 2 4`)
_LETTER_SPACED_DIGITS_RE = regex.compile(r"(?<!\S)\d(?: \d)+(?!\S)")
# a byline or credit spread out letter by letter keeps the space between a
# reporter's title and the name (`本 报 记 者 刘 洋` -> `本报记者 刘洋`)
_TITLE_BEFORE_NAME_RE = regex.compile(rf"(?<=(?:记者|通讯员|摄影))(?=[{HAN}·]{{2,4}}(?: |$))")
# a credit: what stands before `摄` keeps its space to it (`刘 洋 摄`)
_CREDIT_TAIL_RE = regex.compile(r" ?摄影?$")

#: A letter-spaced line is short: a justified paragraph line is not one.
MAX_LETTER_SPACED_CHARS = 40


def is_letter_spaced(text: str) -> bool:
    """True for a short text whose Hanzi all stand alone, set apart by
    spaces (spec §3): a word spread out for display, not garbled text.

    >>> is_letter_spaced("盘 点 2 0 2 1"), is_letter_spaced("盘点 2021"), is_letter_spaced("高标准农田 民 展")
    (True, False, False)
    """
    return (
        len(text) <= MAX_LETTER_SPACED_CHARS
        and _LETTER_SPACED_RE.search(text) is not None
        and _JOINED_HAN_RE.search(text) is None
    )


def close_letter_spacing(doc: Document, config) -> Document:
    """Close up letter-spaced words in short blocks whose Hanzi all stand
    alone: ``盘 点 2021`` -> ``盘点 2021``, and digits spread with them:
    ``盘 点 2 0 2 4`` -> ``盘点 2024``.  A byline or credit spread out
    so keeps one space after the reporter's title and before ``摄``
    (``本 报 记 者 王 明 摄`` -> ``本报记者 王明 摄``).  A block that mixes words and lone
    characters (``高标准农田 民 展``) is garbled, not letter-spaced: untouched.

    >>> from .document import Block
    >>> doc = Document([Block("盘 点 2021", "headline"), Block("高标准农田 民 展", "headline"),
    ...                 Block("回 眸 2 0 2 4", "headline"), Block("本 报 记 者 王 明 摄", "credit"),
    ...                 Block("本 报 记 者 王 明", "headline")])
    >>> [(b.text, b.kind) for b in close_letter_spacing(doc, None).blocks][2:]
    [('回眸 2024', 'headline'), ('本报记者 王明 摄', 'credit'), ('本报记者 王明', 'byline')]
    """
    for block in doc.blocks:
        text = block.text
        if block.kind in (TABLE, MARKUP):
            continue
        tail = _CREDIT_TAIL_RE.search(text) if block.kind == CREDIT else None
        body = text[: tail.start()] if tail else text
        if block.kind == CREDIT and not tail or not is_letter_spaced(body):
            continue
        closed = _LETTER_SPACED_RE.sub(lambda m: m.group().replace(" ", ""), body)
        closed = _LETTER_SPACED_DIGITS_RE.sub(lambda m: m.group().replace(" ", ""), closed)
        if block.kind == CREDIT:
            closed = _TITLE_BEFORE_NAME_RE.sub(" ", closed)
        elif REPORTER_RE.fullmatch(closed):
            # read as a headline while spread out: a byline once closed up
            closed, block.kind = _TITLE_BEFORE_NAME_RE.sub(" ", closed), BYLINE
        block.text = closed + (" " + tail.group().strip() if tail else "")
    return doc
