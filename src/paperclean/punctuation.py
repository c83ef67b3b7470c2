"""Punctuation in CJK context (spec §4): half width to full width, quote
pairing, ellipses and dashes, and the opposite policy for Latin runs.

Extraction often writes ASCII punctuation inside Chinese sentences
(``近年来,我市``).  Three steps repair it:

- :func:`widen_punctuation` (before the space rules, so that they see the
  marks as Chinese punctuation) applies :func:`widen_half_width_punctuation`;
- :func:`pair_quotes` (after reading order is restored, so that a quotation
  cut by a column break is whole again) applies :func:`curl_quotes`;
- :func:`narrow_latin_punctuation` (an option, off by default) applies
  :func:`narrow_full_width_punctuation`.

Design note: *context* is the nearest character on each side that is not a
space and not itself punctuation of the kind these steps convert (either
width), quotes, brackets, dots or dashes.  Skipping those marks makes every
decision independent of the conversions made around it, which is what makes
the steps idempotent: ``好?!`` and ``好？!`` both become ``好？！``.  A mark
is in CJK context when that character is a Hanzi or Chinese punctuation on at
least one side; a mark between two digits or two Latin letters never is, which
keeps ``1,000``, ``17:00``, ``7.92万``, ``PM2.5`` and ``www.hsrb.com.cn``
intact without a list of exceptions.

Spaces next to a converted mark are left for the space rules (spec §3).
"""

from __future__ import annotations

import regex

from .chardata import CJK_PUNCT, HAN
from .document import VERBATIM_KINDS, Document

# --- character classes --------------------------------------------------------

#: What the context look-around steps over: spaces, and every mark that these
#: steps convert or pair, in both widths.
_SKIP = (
    r"\s"
    r",;:?!.\-()\"'"
    r"\uff0c\uff1b\uff1a\uff1f\uff01\u3002\uff08\uff09"  # ，；：？！。（）
    r"\u201c\u201d\u2018\u2019\u2026\u2014"  # “”‘’…—
)
#: CJK context: a Hanzi or Chinese punctuation that is not in _SKIP.
_CONTEXT = rf"[[{HAN}{CJK_PUNCT}]--[{_SKIP}]]"
#: After a candidate mark (which is in _SKIP itself): CJK context before it
#: or after it.  The look-behind comes after the mark, so that the pattern
#: fails fast on every other character.
_IN_CONTEXT = rf"(?:(?<={_CONTEXT}[{_SKIP}]*)|(?=[{_SKIP}]*{_CONTEXT}))"

_WIDE = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）", ".": "。"}
_NARROW = {v: k for k, v in _WIDE.items()}

# --- widening -----------------------------------------------------------------


def _in_context(pattern: str) -> regex.Pattern:
    return regex.compile(pattern + _IN_CONTEXT, regex.V1)


#: Characters of transliterated foreign names (Xinhua's name tables use a
#: few hundred): a ``.`` between two of them may be the name's middle dot
#: (``卡尔.马克思``), so it stays.
TRANSLITERATION_CHARS = (
    "阿埃艾爱安奥巴拜班邦鲍贝本比彼毕波伯博布查达戴丹道德迪蒂丁东杜多厄恩尔法范菲费芬"
    "丰弗伏福盖甘冈高戈哥格古瓜哈海汉豪赫黑亨胡华霍基吉加嘉贾杰捷金卡凯坎康考柯科克肯"
    "库奎拉莱赖兰朗劳勒雷蕾里莉利丽连林琳留龙隆卢鲁路伦罗洛吕马玛迈麦曼梅蒙米敏明摩莫"
    "姆穆纳娜奈南内妮尼宁纽努诺欧帕潘佩彭皮珀普齐奇恰乔琼丘萨塞赛桑瑟森沙莎善舍什史舒"
    "斯丝松苏索塔泰坦汤唐特提汀通图托瓦万威韦维温沃乌伍西希锡谢辛休雅亚扬耶伊因英尤于"
    "约泽扎詹珍朱兹佐吐勃策茨迭俄贡圭季夸列柳涅契切热若绍施叶茹祖澳菈娅黛"
)

# The passes for everything but brackets (which are paired first): (a string
# the text must hold for the pass to run, the pattern, its replacement).  One
# pass per mark with a plain replacement is several times faster than one
# pattern with a callback; the order of the passes does not matter, since a
# conversion never changes the context of another mark.
_WIDEN_PASSES = [
    (mark, _in_context(regex.escape(mark)), wide) for mark, wide in _WIDE.items() if mark in ",;:?!"
] + [
    # an ellipsis: three or more dots; three or more ideographic full stops
    ("...", _in_context(r"(?<!\.)\.{3,}"), "……"),
    ("。。。", regex.compile(r"。{3,}"), "……"),
    # a dash: exactly two hyphens
    ("--", _in_context(r"(?<!-)--(?!-)"), "——"),
    # a full stop after a Chinese sentence: followed by the end, a space or a
    # closing mark, not by a word (``报告.pdf``, ``卡尔.马克思``), not a list
    # number (``一.``) and not part of a run of dots; also after a space
    # (``…安全 .``), which the space rules remove (spec §3), so that the text
    # reads the same once they have
    (
        ".",
        regex.compile(
            r"\.(?=$|\s|[\"'”’)）」』》〉】〕])"
            r"(?<!(?:[.。]\s*|(?:^|[\s\p{P}])[一二三四五六七八九十]{1,3}\s*)\.)"
            rf"(?<={_CONTEXT}[{_SKIP}]*)",
            regex.V1,
        ),
        "。",
    ),
    # a full stop between two Hanzi (closing and opening marks may stand
    # between): mid-block it ends a sentence (``开幕.政府工作报告``) unless it
    # stands between two characters of a transliterated name, or after a
    # list number
    (
        ".",
        regex.compile(
            rf"(?<=[{HAN}][”’)）」』》〉】〕]?)\.(?=[“‘(（「『《〈【〔]?[{HAN}])"
            rf"(?<!(?:^|[\s\p{{P}}])[一二三四五六七八九十]{{1,3}}\.)"
            rf"(?<![{TRANSLITERATION_CHARS}]\.(?=[{TRANSLITERATION_CHARS}]))",
            regex.V1,
        ),
        "。",
    ),
]

_BRACKET_RE = regex.compile(r"[()（）]")
_NOT_SKIP_RE = regex.compile(rf"[^{_SKIP}]", regex.V1)
_NOT_SKIP_BEFORE_RE = regex.compile(rf"[^{_SKIP}]", regex.V1 | regex.REVERSE)
_CONTEXT_RE = regex.compile(_CONTEXT, regex.V1)
_WORD_CHAR_RE = regex.compile(r"[\p{L}\p{N}]")


def widen_half_width_punctuation(text: str) -> str:
    """Widen the ASCII punctuation that extraction left in Chinese sentences.

    Why: a Chinese reader (and a tokenizer) expects ``，`` where extraction
    wrote ``,``.  A mark is converted when the nearest non-space character on
    at least one side is a Hanzi or Chinese punctuation (spec §4):

    - ``, ; : ? !`` -> ``，；：？！``;
    - ``...`` (or longer) and ``。。。`` -> ``……``; ``--`` -> ``——``;
    - a ``.`` ending a Chinese sentence (before the end, a space or a
      closing quote or bracket, or between two Hanzi: ``开幕.政府``) -> ``。``;
    - ``( )`` are converted as a pair, so they stay matched in width: when
      their content holds Chinese, when a Chinese character stands before
      them, or when one stands after them and no Latin word before them
      (``函数f(x)的`` stays, ``(1)加强`` does not); a half-width bracket that
      closes or opens a full-width one follows it.

    Left alone: numbers, decimals, times, ratios, dates, versions (``1,000``,
    ``7.92万``, ``17:00``, ``1:2``), URLs, e-mail addresses and file names
    (``www.hsrb.com.cn``, ``报告.pdf``), Latin phrases and code (``PM2.5``,
    ``Hello, world``, ``(A4)`` between Latin words), a ``.`` between two
    characters of a transliterated name (``卡尔.马克思``: a middle dot), quotes (:func:`curl_quotes`), a
    single ``-``, and every space: the space rules remove those that touch
    the new marks.

    >>> widen_half_width_punctuation("近年来,我 市以项目建设补齐短板;农村低保对象覆盖率达到 54%,各项")
    '近年来，我 市以项目建设补齐短板；农村低保对象覆盖率达到 54%，各项'
    >>> widen_half_width_punctuation("本报讯 (记者李晨阔) 截至12月2日17时,该县已接种39.93万人.")
    '本报讯 （记者李晨阔） 截至12月2日17时，该县已接种39.93万人。'
    >>> widen_half_width_punctuation("附:街道评比结果一览...会议--确保实现")
    '附：街道评比结果一览……会议——确保实现'
    >>> widen_half_width_punctuation("共1,000人,17:00开始,PM2.5浓度,详见www.hsrb.com.cn和报告.pdf")
    '共1,000人，17:00开始，PM2.5浓度，详见www.hsrb.com.cn和报告.pdf'
    >>> widen_half_width_punctuation("see (A4), then f(x)的值")
    'see (A4), then f(x)的值'
    """
    if text.isascii():
        return text
    if not _CONTEXT_RE.search(text) and "（" not in text and "）" not in text:
        return text
    for trigger, pattern, replacement in _WIDEN_PASSES:
        if trigger in text:
            text = pattern.sub(replacement, text)
    if "(" in text or ")" in text:
        text = _widen_brackets(text)
    return text


def _widen_brackets(text: str) -> str:
    """Pair the brackets of `text` (either width) and widen the half-width ones
    in CJK context, a pair together."""
    pairs, lone = _pair_brackets(text)
    chars = list(text)
    for start, end in pairs:
        if "(" not in (text[start], text[end]) and ")" not in (text[start], text[end]):
            continue
        if _pair_in_cjk_context(text, start, end):
            chars[start], chars[end] = "（", "）"
    for index in lone:
        if text[index] in "()" and (_cjk_before(text, index) or _cjk_after(text, index + 1)):
            chars[index] = _WIDE[text[index]]
    return "".join(chars)


def _pair_brackets(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Matching bracket pairs (width ignored, nesting respected) and the
    positions of the brackets left over."""
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    lone: list[int] = []
    for match in _BRACKET_RE.finditer(text):
        index = match.start()
        if match[0] in "(（":
            stack.append(index)
        elif stack:
            pairs.append((stack.pop(), index))
        else:
            lone.append(index)
    lone.extend(stack)
    return pairs, lone


def _pair_in_cjk_context(text: str, start: int, end: int) -> bool:
    if text[start] == "（" or text[end] == "）":
        return True
    if _CONTEXT_RE.search(text, start + 1, end):
        return True
    before = _NOT_SKIP_BEFORE_RE.search(text, 0, start)
    if before and _CONTEXT_RE.fullmatch(before[0]):
        return True
    if before and _WORD_CHAR_RE.fullmatch(before[0]):
        return False
    return _cjk_after(text, end + 1)


def _cjk_before(text: str, index: int) -> bool:
    """Whether the nearest context character before `index` is CJK."""
    before = _NOT_SKIP_BEFORE_RE.search(text, 0, index)
    return bool(before and _CONTEXT_RE.fullmatch(before[0]))


def _cjk_after(text: str, index: int) -> bool:
    """Whether the nearest context character from `index` on is CJK."""
    after = _NOT_SKIP_RE.search(text, index)
    return bool(after and _CONTEXT_RE.fullmatch(after[0]))


def widen_punctuation(doc: Document, config) -> Document:
    """Apply :func:`widen_half_width_punctuation` to every block but tables
    (a table's cells are data: they keep what the extraction wrote).

    >>> from .document import Block
    >>> doc = Document([Block("附:街道评比结果一览", "heading"), Block("序号\\t得分:\\t1,2", "table")])
    >>> [b.text for b in widen_punctuation(doc, None).blocks]
    ['附：街道评比结果一览', '序号\\t得分:\\t1,2']
    """
    for block in doc.blocks:
        if block.kind not in VERBATIM_KINDS:
            block.text = widen_half_width_punctuation(block.text)
    return doc


# --- quotes -------------------------------------------------------------------

_DOUBLE_QUOTE_RE = regex.compile(r"[\"“”]")
#: A single quote, but not an apostrophe inside a word (``don't``, ``it’s``).
_SINGLE_QUOTE_RE = regex.compile(r"(?<![^\W\d_\p{Han}])['‘’]|['‘’](?![^\W\d_\p{Han}])")
_NOT_SPACE_BEFORE_RE = regex.compile(r"\S", regex.REVERSE)
_NOT_SPACE_RE = regex.compile(r"\S")
_NOT_QUOTE_SPACE_BEFORE_RE = regex.compile(r"[^\s\"'“”‘’]", regex.REVERSE)
_NOT_QUOTE_SPACE_RE = regex.compile(r"[^\s\"'“”‘’]")
_CJK_RE = regex.compile(rf"[{HAN}{CJK_PUNCT}]")
_PUNCT_RE = regex.compile(r"[\p{P}\p{S}]")

#: A quote after one of these opens, before one of these closes, whatever
#: the order says.
_OPENS_AFTER = "：:（(《「『【〔[{"
_CLOSES_BEFORE = "，。、；：！？）》」』】〕,.;:!?)]}"
#: Marks inside a quotation that are unusual for a quoted term.
_CLAUSE_MARKS_RE = regex.compile(r"[，。；！？,;!?]")
#: Marks that end quoted speech: ``…发布。”李存友称``.
_SPEECH_END = "。！？，…,.!?"

_OPEN, _CLOSE = 0, 1
#: Costs of the choices `_directions` weighs (see there).
_UNPAIRED_COST = 10
_STRONG_COST = 4
_CLAUSE_COST = 3
_WEAK_COST = 1


def curl_quotes(text: str) -> str:
    """Replace straight quotes in CJK context by curly ones, paired in order.

    Why: Chinese typesetting quotes with ``“…”`` and ``‘…’`` (nested), and
    extraction often writes ``"`` and ``'``.  Double and single quotes are
    paired separately, in order within the text, so single quotes nested in
    double quotes work.  Quotes already curly keep their direction and anchor
    the pairing (``“读懂中国"`` -> ``“读懂中国”``).

    When one was lost (an odd number), the directions are chosen so that as
    few quotes as possible are left unpaired, trusting the plain evidence of
    position: a quote at the start or after ``：（《`` opens, one at the end or
    before ``，。、）`` closes, two adjacent quotes are a close and an open, and
    a quoted term seldom holds a comma.  The one left over gets the direction
    its position implies (spec §4: opening after a punctuation mark or at the
    start, closing otherwise).

    A pair is converted when its content, or the character before or after it,
    is a Hanzi or Chinese punctuation; a lone quote when its neighbour is.
    Left alone: pure ASCII text, quotes in Latin text and code
    (``print("hi")``), apostrophes inside a word (``don't``), curly quotes.

    >>> curl_quotes('设立了"京冀防贫救助专项基金",投资')
    '设立了“京冀防贫救助专项基金”,投资'
    >>> curl_quotes("\\"我市科技项目'以赛代评'机制源自挑战赛。\\"李存友介绍,\\"以赛代评\\"是")
    '“我市科技项目‘以赛代评’机制源自挑战赛。”李存友介绍,“以赛代评”是'
    >>> curl_quotes('昨日,是第十个"全国交通安全日",今礼让安全文明出行"为引导')
    '昨日,是第十个“全国交通安全日”,今礼让安全文明出行”为引导'
    >>> curl_quotes('He said "don\\'t", 中文 print("hi")')
    'He said "don\\'t", 中文 print("hi")'
    """
    if text.isascii() or ('"' not in text and "'" not in text):
        return text
    chars = list(text)
    for pattern, opening, closing, straight in (
        (_DOUBLE_QUOTE_RE, "“", "”", '"'),
        (_SINGLE_QUOTE_RE, "‘", "’", "'"),
    ):
        if straight not in text:
            continue  # nothing to curl (the test below, without the search)
        positions = [m.start() for m in pattern.finditer(text)]
        if not any(text[p] in "\"'" for p in positions):
            continue
        directions = _directions(text, positions, opening, closing)
        for index, converted in _quotes_to_convert(text, positions, directions, opening, closing):
            chars[index] = opening if directions[converted] == _OPEN else closing
    return "".join(chars)


def _directions(text: str, positions: list[int], opening: str, closing: str) -> list[int]:
    """The direction of every quote at `positions`, by a small dynamic program.

    The cost of a choice adds: an open not followed by a close, or a close not
    preceded by an open (_UNPAIRED_COST); going against the plain evidence of
    position (_STRONG_COST); a quoted span holding a clause mark that is not
    quoted speech (_CLAUSE_COST); going against the position rule of the spec
    (_WEAK_COST).  Curly quotes are fixed.  Ties go to the choice that opens
    earliest, which pairs in order and leaves the last quote over: a block
    without loss alternates.
    """
    n = len(positions)
    node_costs = []
    strong_open = []
    for k, pos in enumerate(positions):
        char = text[pos]
        if char == opening:
            node_costs.append((0, float("inf")))  # (cost as open, cost as close)
            strong_open.append(True)
            continue
        if char == closing:
            node_costs.append((float("inf"), 0))
            strong_open.append(False)
            continue
        before = _NOT_SPACE_BEFORE_RE.search(text, 0, pos)
        after = _NOT_SPACE_RE.search(text, pos + 1)
        prev_char = before[0] if before else ""
        next_char = after[0] if after else ""
        adjacent_before = k > 0 and positions[k - 1] == pos - 1
        adjacent_after = k + 1 < n and positions[k + 1] == pos + 1
        opens = not prev_char or prev_char in _OPENS_AFTER or adjacent_before
        closes = not next_char or next_char in _CLOSES_BEFORE or adjacent_after
        cost_close = cost_open = 0
        if opens and not closes:
            cost_close += _STRONG_COST
        elif closes and not opens:
            cost_open += _STRONG_COST
        if not prev_char or prev_char.isspace() or _PUNCT_RE.match(prev_char):
            cost_close += _WEAK_COST
        else:
            cost_open += _WEAK_COST
        node_costs.append((cost_open, cost_close))
        strong_open.append(opens and not closes)

    def pair_cost(k: int) -> int:
        """Cost of quotes k and k+1 being an open and its close."""
        start, end = positions[k], positions[k + 1]
        if not _CLAUSE_MARKS_RE.search(text, start + 1, end):
            return 0
        inner = text[start + 1 : end].rstrip()
        if strong_open[k] or (inner and inner[-1] in _SPEECH_END):
            return 0
        return _CLAUSE_COST

    # best[d] = (cost, path) of the best assignment of quotes 0..k ending in d.
    best = {
        _CLOSE: (node_costs[0][_CLOSE] + _UNPAIRED_COST, (_CLOSE,)),
        _OPEN: (node_costs[0][_OPEN], (_OPEN,)),
    }
    for k in range(1, n):
        new = {}
        for d in (_CLOSE, _OPEN):
            candidates = []
            for prev, (cost, path) in best.items():
                step = node_costs[k][d]
                if prev == d:
                    step += _UNPAIRED_COST
                elif prev == _OPEN:
                    step += pair_cost(k - 1)
                candidates.append((cost + step, path + (d,)))
            new[d] = min(candidates)
        best = new
    final = min((best[_CLOSE][0], best[_CLOSE][1]), (best[_OPEN][0] + _UNPAIRED_COST, best[_OPEN][1]))
    return list(final[1])


def _quotes_to_convert(text, positions, directions, opening, closing):
    """Yield (text index, quote number) for each straight quote to curl: the
    pairs in CJK context, and the lone quotes next to CJK."""
    n = len(positions)
    k = 0
    while k < n:
        if directions[k] == _OPEN and k + 1 < n and directions[k + 1] == _CLOSE:
            start, end = positions[k], positions[k + 1]
            if (
                text[start] in (opening, closing)
                or text[end] in (opening, closing)
                or _CJK_RE.search(text, start + 1, end)
                or _quote_neighbour_is_cjk(text, start, end + 1)
            ):
                for j in (k, k + 1):
                    if text[positions[j]] in "\"'":
                        yield positions[j], j
            k += 2
            continue
        pos = positions[k]
        if text[pos] in "\"'" and _quote_neighbour_is_cjk(text, pos, pos + 1):
            yield pos, k
        k += 1


def _quote_neighbour_is_cjk(text: str, before_index: int, after_index: int) -> bool:
    """Whether the nearest character (not a space or a quote) before
    `before_index` or from `after_index` on is a Hanzi or Chinese punctuation."""
    before = _NOT_QUOTE_SPACE_BEFORE_RE.search(text, 0, before_index)
    if before and _CJK_RE.match(before[0]):
        return True
    after = _NOT_QUOTE_SPACE_RE.search(text, after_index)
    return bool(after and _CJK_RE.match(after[0]))


def pair_quotes(doc: Document, config) -> Document:
    """Apply :func:`curl_quotes` to every block but tables.

    >>> from .document import Block
    >>> doc = Document([Block('市"四位一体"工作机制', "headline"), Block('"a"\\t"b"', "table")])
    >>> [b.text for b in pair_quotes(doc, None).blocks]
    ['市“四位一体”工作机制', '"a"\\t"b"']
    """
    for block in doc.blocks:
        if block.kind not in VERBATIM_KINDS:
            block.text = curl_quotes(block.text)
    return doc


# --- narrowing ----------------------------------------------------------------

_LATIN = r"[\p{Latin}&&\p{L}]"
_NARROW_MARK_RE = regex.compile(
    # ，；：？！。 between two Latin letters; ？！。 may also end the text
    rf"(?<={_LATIN} *)(?P<mark>[，；：？！。])(?= *{_LATIN})"
    rf"|(?<={_LATIN} *)(?P<mark2>[？！。])(?= *$)",
    regex.V1,
)
_FULL_BRACKET_PAIR_RE = regex.compile(r"（([^（）()]*)）")
_LATIN_WORD_CHAR_RE = regex.compile(r"[\p{Latin}\p{N}]", regex.V1)


def _narrow_mark(match: regex.Match) -> str:
    if match["mark2"]:
        return _NARROW[match["mark2"]]
    mark = _NARROW[match["mark"]]
    # Latin typesetting puts a space after the mark, which the full-width mark
    # carried in its width: ``Hello，world`` -> ``Hello, world``.
    if _LATIN_WORD_CHAR_RE.match(match.string, match.end()):
        return mark + " "
    return mark


def narrow_full_width_punctuation(text: str) -> str:
    """Narrow the full-width punctuation inside Latin-only runs (an option,
    for mixed documents: text typed with a Chinese input method).

    Converted: ``，；：？！。`` whose nearest non-space neighbours are Latin
    letters on both sides (``？！。`` also at the very end after a Latin
    letter), with one space added after the mark when a letter follows
    directly; and a ``（…）`` pair holding no Chinese, with a Latin letter or
    digit on each side (or the text's edge).

    Left alone: a mark next to a Hanzi or a digit (``1，000``,
    ``54%，GDP增长`` stay: a digit is no evidence of a Latin sentence),
    quotes, and every full-width mark in Chinese text.

    >>> narrow_full_width_punctuation("Hello，world。 It works！")
    'Hello, world. It works!'
    >>> narrow_full_width_punctuation("see（A4）now，中文，GDP增长54%，好")
    'see(A4)now，中文，GDP增长54%，好'
    """
    if text.isascii():
        return text
    text = _NARROW_MARK_RE.sub(_narrow_mark, text)
    if "（" in text:
        text = _FULL_BRACKET_PAIR_RE.sub(_narrow_bracket_pair, text)
    return text


def _narrow_bracket_pair(match: regex.Match) -> str:
    text, start, end = match.string, match.start(), match.end()
    inner = match[1]
    if _CJK_RE.search(inner) or not _LATIN_WORD_CHAR_RE.search(inner):
        return match[0]
    before = _NOT_SPACE_BEFORE_RE.search(text, 0, start)
    after = _NOT_SPACE_RE.search(text, end)
    if before and not _LATIN_WORD_CHAR_RE.fullmatch(before[0]):
        return match[0]
    if after and not _LATIN_WORD_CHAR_RE.fullmatch(after[0]):
        return match[0]
    return f"({inner})"


def narrow_latin_punctuation(doc: Document, config) -> Document:
    """Apply :func:`narrow_full_width_punctuation` to every block but tables
    (off by default: ``Config(narrow_latin_punctuation=True)``).

    >>> from .document import Block
    >>> [b.text for b in narrow_latin_punctuation(Document([Block("Hello，world")]), None).blocks]
    ['Hello, world']
    """
    for block in doc.blocks:
        if block.kind not in VERBATIM_KINDS:
            block.text = narrow_full_width_punctuation(block.text)
    return doc
