"""Character classes and precompiled patterns shared by the repairs.

Everything here is built once at import and is cheap: pattern compilation only.
The classes are written as `regex` set fragments so they can be combined.
"""

from __future__ import annotations

import re

import regex

# --- character classes (regex set fragments, without the brackets) ---------

#: Hanzi, including the compatibility and extension blocks.
HAN = r"\p{Han}"

#: Full-width punctuation that is unambiguously Chinese typesetting.  Curly
#: quotes, the ellipsis and the dash are shared with Western typography, so
#: they are not in this class: a space next to them is judged by its *other*
#: neighbour.
CJK_PUNCT = (
    r"\u3001-\u3003\u3008-\u3011\u3014-\u301f"  # 、。〃 〈〉《》「」『』【】 〔〕〖〗〘〙〚〛〜〝〞〟
    r"\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f"  # ！（），：；？
    r"\uff0e\uff3b\uff3d\uff5b\uff5d\uff5e\uff5f\uff60"  # ．［］｛｝～
    r"\u00b7\u30fb"  # middle dots ·・
)

#: Hanzi or Chinese punctuation: the "CJK" of the spec's context rules.
CJK = HAN + CJK_PUNCT

#: Closing marks that may follow the last word of a sentence.
CLOSERS = "”’）》」』】〕\"')"

#: Marks that end a sentence (spec §5).
SENTENCE_END = "。！？…!?"

# --- patterns ----------------------------------------------------------------

HAN_RE = regex.compile(rf"[{HAN}]")
CJK_RE = regex.compile(rf"[{CJK}]")
LATIN_LETTER_RE = regex.compile(r"[A-Za-z]")

#: Characters that count as content for the preservation checks: Hanzi,
#: letters and digits.
CONTENT_RE = regex.compile(r"[\p{Han}\p{L}\p{Nd}]")

#: Characters that must never survive: zero-width, BOM, bidi and other format
#: characters, C0/C1 controls except tab, newline and form feed, and lone
#: surrogates (no character at all: what a broken decoding leaves, which
#: UTF-8 cannot write).  These
#: two classes use the standard `re`, which scans text for a plain class of
#: code points several times faster than `regex` (same matches: no property,
#: no case folding).
INVISIBLE_RE = re.compile(
    r"[\u200b-\u200d\u2060-\u2064\ufeff\u00ad\u180e\u200e\u200f\u202a-\u202e"
    r"\u2066-\u2069\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff]"
)

#: Unicode spaces other than the ASCII space, tab, newline and form feed.
ODD_SPACE_RE = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\x0b]")

#: Full-width ASCII letters and digits (Ａ-Ｚ ａ-ｚ ０-９).
FULLWIDTH_ALNUM_RE = regex.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")


def is_wide(char: str) -> bool:
    """True when `char` takes two cells (see :func:`display_width`)."""
    return _WIDE_RE.match(char) is not None


def display_width(text: str) -> int:
    """Width of `text` in cells as printed in a Chinese layout: a character
    outside ASCII counts two cells when it takes three or four bytes in UTF-8
    (Hanzi, CJK punctuation, curly quotes, the ellipsis and dash) and one and a
    half when it takes two (accented Latin letters, rounded down over the
    text).  Computed from the encoded length: no per-character loop.

    >>> display_width("ab中文")
    6
    >>> display_width("“快7”路")
    9
    """
    if text.isascii():
        return len(text)
    # (a lone surrogate, which hygiene removes later, measures as wide)
    return len(text) + (len(text.encode("utf-8", "surrogatepass")) - len(text)) // 2


def display_widths(lines: list[str]) -> list[int]:
    """:func:`display_width` of each of `lines` (none holding ``\n``), in
    one encoding of them all: the per-line sizes come from splitting the
    text and its UTF-8 bytes at the newlines, so no Python code runs per
    character and little per line.

    >>> display_widths(["ab中文", "", "“快7”路"])
    [6, 0, 9]
    """
    chars = list(map(len, lines))
    joined = "\n".join(lines)
    if joined.isascii():
        return chars
    sizes = map(len, joined.encode("utf-8", "surrogatepass").split(b"\n"))
    return [count + (size - count) // 2 for count, size in zip(chars, sizes)]


#: Wide in Chinese typesetting: Hanzi, kana, hangul, full-width forms, and the
#: curly quotes, ellipsis and dash that East Asian Width calls ambiguous but a
#: Chinese font sets full width.
_WIDE_RE = regex.compile(
    r"[\p{Han}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6\u2e80-\u2fff\u3040-\u30ff\uac00-\ud7af“”‘’…—]"
)


def ends_sentence(text: str) -> bool:
    """True when `text` ends a sentence (spec §5): its last character, after
    closing quotes and brackets, is 。！？ or an ellipsis.

    >>> ends_sentence("他说：“好。”")
    True
    >>> ends_sentence("…谁审查”")
    False
    """
    return text.rstrip().rstrip(_CLOSERS_AND_SPACE)[-1:] in _SENTENCE_END_CHARS


def ends_sentences(lines: list[str]) -> list[bool]:
    """:func:`ends_sentence` of each of `lines`, without a call per line.

    >>> ends_sentences(["好。”", "未完", ""])
    [True, False, False]
    """
    return [line.rstrip().rstrip(_CLOSERS_AND_SPACE)[-1:] in _SENTENCE_END_CHARS for line in lines]


_CLOSERS_AND_SPACE = CLOSERS + " "
_SENTENCE_END_CHARS = frozenset(SENTENCE_END)


def content_chars(text: str) -> str:
    """The Hanzi, letters and digits of `text`, in order.

    >>> content_chars("我市，1030名 abc")
    '我市1030名abc'
    """
    return "".join(CONTENT_RE.findall(text))

#: A dateline that opens a paragraph: `本报讯`, `河北日报讯`, `新华社北京12月2日电`.
#: Only the lead; the spacing step has its own, fuller pattern with the bracket.
DATELINE_LEAD_RE = regex.compile(
    r"\s*(?:本报讯|\p{Han}{2,8}讯|(?:新华社|中新社)\p{Han}{0,8}(?:\d{1,2}月\d{1,2}日)?电"
    r"|(?:本报|人民日报|\p{Han}{2,6}社)\p{Han}{0,8}\d{1,2}月\d{1,2}日电)"
)

#: The same lead at the start of any line of a multi-line text (the leading
#: spaces may not cross a line break), to find every line a dateline opens
#: with one search.
_DATELINE_AT_LINE_RE = regex.compile(r"(?m)^[^\S\n]*" + DATELINE_LEAD_RE.pattern.removeprefix(r"\s*"))


def dateline_lines(lines: list[str]) -> set[int]:
    """The indexes of the lines that :data:`DATELINE_LEAD_RE` matches at
    their start, found with one search over all of them.

    >>> sorted(dateline_lines(["标题", "本报讯（记者）今天", "新华社北京12月2日电", "讯"]))
    [1, 2]
    """
    joined = "\n".join(lines)
    found: set[int] = set()
    if "讯" not in joined and "电" not in joined:  # every lead ends in one of them
        return found
    line, position = 0, 0
    for match in _DATELINE_AT_LINE_RE.finditer(joined):
        line += joined.count("\n", position, match.start())
        position = match.start()
        found.add(line)
    return found


#: Phrases of a headline: two Hanzi or more, a space, two Hanzi or more.
PHRASE_GAP_RE = regex.compile(r"\p{Han}{2} +\p{Han}{2}")

#: A kicker that ends in a verb of saying (``王伟在…座谈会上强调``,
#: ``…会上表示``) is no headline by itself: its object is the headline
#: under it.  强调 and 指出 always take one; 表示, 要求 and 提出 are also
#: nouns (``落实各项要求``), so only after ``上``, ``时`` or ``中``
#: (``在…会上``, ``…时``, ``讲话中``).
KICKER_VERB_RE = regex.compile(r"(?:强调|指出|[上时中](?:表示|要求|提出))\s*$")


def has_running_commas(text: str) -> bool:
    """True when `text` holds the commas of running text (``，`` ``、`` ``,``),
    the sign that a headline-shaped block is really a piece of a paragraph.

    >>> has_running_commas("当前，全市秋粮收购工作仍在"), has_running_commas("市住建局让百姓温暖过冬")
    (True, False)
    """
    return "，" in text or "、" in text or "," in text


#: The most common Chinese surnames (about a hundred, which cover most of the
#: population): a byline's names start with one.  A general table, not taken
#: from any page.
COMMON_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
    "谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
_NAME_RE = regex.compile(r"[\p{Han}·]{2,3}")


def looks_like_names(text: str) -> bool:
    """Every space-separated part of `text` is two or three Hanzi that start
    with a common surname: a list of names (`高占峰 任玉静`), not headline
    phrases (`学党史 悟思想`).

    >>> looks_like_names("高占峰 任玉静"), looks_like_names("学党史 悟思想"), looks_like_names("王斌")
    (True, False, True)
    """
    parts = text.split()
    return bool(parts) and all(_NAME_RE.fullmatch(part) and part[0] in COMMON_SURNAMES for part in parts)
