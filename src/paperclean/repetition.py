"""Repetition: repeated headlines, duplicated blocks, doubled words and glyphs (spec §6).

Extraction repeats things that were printed once: a headline three times in a
row, a whole paragraph twice on the page, a word twice (`指挥指挥中心`), and,
from PDFs that fake bold type by drawing every glyph twice, every character
twice (`基基本本规规定定`).  The four steps below keep the first copy and remove
the others; they only ever delete characters, so their output is a
subsequence of their input.  Tables, furniture and jump lines are never
touched.

- :func:`collapse_doubled_glyphs` runs early, on the raw multi-line blocks:
  a doubled headline does not look like a headline to the classifier.
  :func:`collapse_repeated_headlines` is meant to run there too (a tripled
  headline is too long to look like one, and its wrapped lines get split
  wrong); it is not in ``pipeline.STEPS`` yet.
- :func:`collapse_repeated_phrases` (a phrase or headline repeated back to
  back, also with an OCR variant), :func:`drop_duplicate_blocks` (a block
  repeating an earlier one) and :func:`collapse_doubled_words` run on
  one-line blocks, before reading order is restored, so that a fragment joins
  the copy that stays.

Every removal is recorded (when changes are recorded) with its position and
what it repeated.  A step repeats its own pass over a block until nothing
changes, so that removing one copy never leaves a new repeat behind (the step
is idempotent); in practice a second pass runs only on a block that changed.

The back-reference patterns use the standard library's :mod:`re` rather than
:mod:`regex`: for ``(…{2,4})\\1`` it is about five times faster (measured on
the seed pages), and these patterns need no Unicode properties.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from rapidfuzz.distance import Levenshtein

from .chardata import ends_sentence
from .classify import classify
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
    SUBTITLE,
    TABLE,
    Block,
    Document,
)

# --- character classes for `re` (no \p{Han} there) ---------------------------

#: Hanzi: 々 〇, extension A, the URO, compatibility ideographs, extensions B-G.
_HAN = "\u3005\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HAN_RE = re.compile(f"[{_HAN}]")

#: Blocks no repetition rule touches: tables (repeated cells are real), and
#: furniture and jump lines (kept only on request, and repeated by nature).
_UNTOUCHED_KINDS = frozenset({TABLE, MARKUP, FURNITURE, JUMP})

#: Blocks that may be repeated as the next block with a character or two
#: misread (spec §6): the short, title-like kinds.
_TITLE_KINDS = frozenset({HEADLINE, SUBTITLE, HEADING, BYLINE, CREDIT, CAPTION})

#: A headline repeated as the next block counts as the same headline with at
#: most this many characters misread, and at most one in five.
MAX_MISREAD_CHARS = 2
MISREAD_CHARS_PER = 5

#: Marks after which a phrase is a finished sentence, and marks that end a
#: clause: a "phrase" ending in one is not a headline repeated by extraction
#: (`中国加油！中国加油！`, `快点，快点，` are real).
_SENTENCE_END = "。！？!?…"
_CLAUSE_END = "，、；：,;:"

#: A doubled word is 2 to this many Hanzi (longer repeats are phrases).
DOUBLED_WORD_MAX_CHARS = 4
#: A phrase repeated inside running text is found up to this length; a longer
#: one only when it opens the block (see :func:`collapse_repeated_phrase_text`).
INLINE_PHRASE_MAX_CHARS = 64

#: Real ABAB reduplication of two-character verbs ("do it a little": 研究研究,
#: 商量商量).  The class is open, so this is a short list of the ones news
#: text quotes; a doubled word outside it is taken for an extraction repeat.
REDUPLICATED_VERBS = frozenset(
    "研究 商量 讨论 学习 考虑 休息 锻炼 活动 介绍 了解 交流 琢磨 打听 收拾 打扫 整理 检查 比较 准备 欢迎".split()
)
#: Words of quantity and duration said twice for emphasis (`很多很多人`,
#: `好久好久`): the ABAB forms a dictionary lists, but the numerals.
EMPHATIC_WORDS = frozenset("很多 许多 好多 很久 好久 许久 千万 大批 大片 彼此".split())
#: Particles: `是的是的`, `来了来了`, `好吧好吧` are speech, and `说着说着`
#: is "while saying".
_PARTICLES = frozenset("的了着吧啊呀呢嘛哦啦哟喽么")
#: Sound words repeat as ABAB (`哗啦哗啦`, `扑通扑通`, `叮咚叮咚`).
_ONOMATOPOEIA = frozenset("哗啦嘀嗒滴答叮咚扑通轰隆咕噜叽喳嘻哈呼噼啪咔嚓吱呀嘎砰")
#: Chinese numerals: a repeat of numerals alone is no phrase, and one with a
#: zero is a year written in figures (`二〇二〇年`), not a doubled word.
_NUMERALS = "〇零一二三四五六七八九十百千万亿两"
_ZEROS = "〇零"

# --- patterns ----------------------------------------------------------------

#: A Hanzi that is not a numeral: what makes a repeat a repeated word.
_WORD_HAN_RE = re.compile(f"(?![{_NUMERALS}])[{_HAN}]")

#: One glyph of fake-bold text: any character but spaces, or the paired marks
#: …… and ——, which are one glyph of Chinese typesetting (so `红红火火……` is
#: not three doubled glyphs).
_GLYPH = "(?:……|——|[^\\s…—])"
_DOUBLED_GLYPH_RE = re.compile(f"({_GLYPH})\\1")
#: Two doubled characters in a row, as in every run of two doubled glyphs or
#: more (a doubled ``……`` is two doubled characters): the cheap test before
#: the run pattern.
_TWO_DOUBLED_RE = re.compile("(.)\\1(?:[ \u3000]{1,2}|\n)?(.)\\2")
#: A word of Hanzi followed by itself (greedy: the longest such word).
_DOUBLED_WORD_RE = re.compile(f"([{_HAN}]{{2,{DOUBLED_WORD_MAX_CHARS}}})\\1")
_SENTENCE_END_RE = re.compile(f"[{_SENTENCE_END}]")
#: Everything that is not a Hanzi, letter or digit (spaces, punctuation).
_NOT_CONTENT_RE = re.compile(r"[\W_]+")
#: A run of Hanzi, letters and digits (a clause, between punctuation marks).
_CONTENT_RUN_RE = re.compile(r"[^\W_]+")


@lru_cache(maxsize=16)
def _doubled_run_re(min_pairs: int) -> re.Pattern:
    """A run of at least `min_pairs` doubled glyphs; a space (or two: a doubled
    space) or a line break may stand between two of them."""
    more = max(min_pairs - 1, 0)
    return re.compile(f"({_GLYPH})\\1(?:(?:[ \u3000]{{1,2}}|\\n)?({_GLYPH})\\2){{{more},}}")


@lru_cache(maxsize=16)
def _inline_phrase_re(min_chars: int) -> re.Pattern:
    """A phrase of Hanzi, letters and digits followed by itself (greedy)."""
    low = max(min_chars, 2)
    return re.compile(f"([{_HAN}0-9A-Za-z]{{{low},{max(low, INLINE_PHRASE_MAX_CHARS)}}})\\1")


# --- edits ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` by `replacement`; `note` says what the
    removed text repeated."""

    start: int
    end: int
    replacement: str
    note: str


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits, given in order of position.

    >>> apply_edits("指挥指挥中心", [Edit(2, 4, "", "doubled word '指挥'")])
    '指挥中心'
    """
    if not edits:
        return text
    parts = []
    last = 0
    for edit in edits:
        parts.append(text[last : edit.start])
        parts.append(edit.replacement)
        last = edit.end
    parts.append(text[last:])
    return "".join(parts)


def comparison_key(text: str) -> str:
    """The Hanzi, letters and digits of `text`: what two copies of a block or
    a headline share whatever their spaces and punctuation.

    >>> comparison_key("排查到位 维护周到，处理及时")
    '排查到位维护周到处理及时'
    """
    return _NOT_CONTENT_RE.sub("", text)


def _until_stable(text: str, find_edits: Callable[[str], list[Edit]]) -> tuple[str, list[list[Edit]]]:
    """Apply `find_edits` until it finds nothing; return the text and the
    edits of each pass (offsets of a pass are in the text before that pass)."""
    passes = []
    edits = find_edits(text)
    while edits:
        passes.append(edits)
        text = apply_edits(text, edits)
        edits = find_edits(text)
    return text, passes


def _primitive_root(unit: str) -> str:
    """The shortest string whose repetition gives `unit` (`研究研究` -> `研究`)."""
    size = len(unit)
    for period in range(1, size // 2 + 1):
        if size % period == 0 and unit[:period] * (size // period) == unit:
            return unit[:period]
    return unit


def _copies_end(text: str, unit: str, start: int) -> int:
    """Where the exact copies of `unit` that follow ``text[start]`` end."""
    size = len(unit)
    while text.startswith(unit, start):
        start += size
    return start


# --- doubled glyphs ------------------------------------------------------------


def _doubled_glyph_edits(text: str, min_pairs: int) -> list[Edit]:
    edits = []
    for match in _doubled_run_re(min_pairs).finditer(text):
        run = match.group()
        glyphs = [pair.group(1) for pair in _DOUBLED_GLYPH_RE.finditer(run)]
        # a doubled number (`2211`), `哈哈哈哈哈哈`: not fake bold by itself
        if len(set(glyphs)) < 2 or not any(_HAN_RE.match(glyph) for glyph in glyphs):
            continue
        edits.append(Edit(match.start(), match.end(), _DOUBLED_GLYPH_RE.sub(r"\1", run), "doubled glyphs"))
    return edits


def collapse_doubled_glyph_text(text: str, min_pairs: int = 3) -> str:
    """Keep once every glyph of a run in which each one is drawn twice.

    PDFs fake bold type by drawing each glyph twice, slightly offset, and
    their text layer then holds every character twice (spec §6).  A run of at
    least `min_pairs` doubled glyphs (a space, a doubled space or a line break
    may stand between them) holding at least one Hanzi and two different
    glyphs is collapsed.  A real reduplicated word inside a doubled run comes
    out right, since the run is read pair by pair (`红红红红火火火火` ->
    `红红火火`).

    Left alone: fewer pairs (`谢谢`, `天天`, `红红火火`, `实实在在`), a doubled
    number (`2211`), one character repeated (`哈哈哈哈哈哈`), and the paired
    marks `……` and `——`, which are one glyph each.  Known limit: three or
    more reduplicated words in a row with nothing between them
    (`家家户户人人`) read as fake bold.

    >>> collapse_doubled_glyph_text("基基本本规规定定")
    '基本规定'
    >>> collapse_doubled_glyph_text("日子过得红红火火，人人天天开心。")
    '日子过得红红火火，人人天天开心。'
    >>> collapse_doubled_glyph_text("22002211年年1122月月")
    '2021年12月'
    """
    return _until_stable(text, lambda current: _doubled_glyph_edits(current, min_pairs))[0]


def collapse_doubled_glyphs(doc: Document, config) -> Document:
    """Collapse fake-bold doubled glyphs in every block (see
    :func:`collapse_doubled_glyph_text`), on the raw lines: a run may cross a
    line break.  Blocks with a tab (table rows) are left alone.

    >>> doc = collapse_doubled_glyphs(Document([Block("基基本本规规\\n定定")]), None)
    >>> doc.blocks[0].text
    '基本规\\n定'
    """
    min_pairs = getattr(config, "doubled_glyph_min_pairs", 3)
    may_hold = _TWO_DOUBLED_RE if min_pairs >= 2 else _DOUBLED_GLYPH_RE
    if not may_hold.search("\f".join(block.text for block in doc.blocks)):
        return doc
    for index, block in enumerate(doc.blocks):
        if block.kind in _UNTOUCHED_KINDS or "\t" in block.text or not may_hold.search(block.text):
            continue
        text, passes = _until_stable(block.text, lambda current: _doubled_glyph_edits(current, min_pairs))
        if passes:
            _record(doc, "collapse_doubled_glyphs", index, block.text, passes)
            block.text = text
    return doc


# --- repeated phrases ------------------------------------------------------------


def _phrase_threshold(unit: str, min_chars: int, similarity: float, long_chars: int, long_similarity: float):
    """The similarity a copy of `unit` needs, or None when `unit` is not a
    phrase whose back-to-back repeat is an extraction artifact: too short, no
    Hanzi, ending a clause, or a short sentence (a chant: `中国加油！`).  A
    unit holding a sentence end must be long and its copies nearly exact."""
    core = unit.strip()
    if len(core) < min_chars or not _WORD_HAN_RE.search(core) or core[-1] in _CLAUSE_END:
        return None
    if _SENTENCE_END_RE.search(core):
        if len(core) < long_chars:
            return None
        return max(similarity, long_similarity)
    return similarity


def _inline_phrase_edits(text: str, min_chars: int) -> list[Edit]:
    """Exact back-to-back repeats of a phrase of Hanzi, letters and digits."""
    edits = []
    pattern = _inline_phrase_re(min_chars)
    position = 0
    while True:
        match = pattern.search(text, position)
        if match is None:
            return edits
        start = match.start()
        unit = _primitive_root(match.group(1))
        if len(unit) < min_chars or not _WORD_HAN_RE.search(unit):
            position = start + 1
            continue
        end = _copies_end(text, unit, start + len(unit))
        edits.append(Edit(start + len(unit), end, "", f"repeats {unit!r} at {start}"))
        position = end


def _leading_copy_edit(
    text: str, min_chars: int, similarity: float, long_chars: int, long_similarity: float
) -> Edit | None:
    """Copies, exact or near (OCR variants), of the phrase that opens `text`.

    Spaces and line breaks are ignored (a hard wrap, or a wrap joined with a
    space, may fall inside one copy and not the other), so this works on raw
    multi-line blocks too.  The candidate phrase lengths are the places where
    two characters of the start come back (the first two, or the next ones,
    when the copy's first characters were misread); a copy may be up to two
    characters longer or shorter.
    """
    if len(text) < 2 * min_chars - 2:
        return None
    # spaces and line breaks are ignored when copies are compared
    bare = text.replace(" ", "").replace("\n", "") if " " in text or "\n" in text else text
    size = len(bare)
    candidates = set()
    for shift in (0, 2, 4):
        probe = bare[shift : shift + 2]
        found = bare.find(probe, shift + 2) if len(probe) == 2 else -1
        while found != -1 and found - shift <= (size + 2) // 2:
            candidates.add(found - shift)
            found = bare.find(probe, found + 1)
    for length in sorted(candidates):
        unit = bare[:length]
        # the length is the phrase's as written, spaces included (`陈康 摄`)
        written = unit if length >= min_chars or bare is text else text[: _text_end(text, length)]
        threshold = _phrase_threshold(written, min_chars, similarity, long_chars, long_similarity)
        if threshold is None:
            continue
        position = length
        while position < size:
            best_score, best_end = 0.0, 0
            for end in range(position + max(length - 2, 1), min(position + length + 2, size) + 1):
                score = Levenshtein.normalized_similarity(unit, bare[position:end], score_cutoff=threshold)
                if score > best_score:
                    best_score, best_end = score, end
            if not best_score:
                break
            position = best_end
        if position > length:
            if bare is text:
                return Edit(length, position, "", f"repeats {unit!r} at 0")
            return Edit(_text_end(text, length), _text_end(text, position), "", f"repeats {unit!r} at 0")
    return None


def _text_end(text: str, count: int) -> int:
    """Where the first `count` characters of `text` that are not spaces or
    line breaks end."""
    return re.match(f"(?:[ \n]*[^ \n]){{{count}}}", text).end()


def _phrase_edits(text: str, min_chars: int, similarity: float, long_chars: int, long_similarity: float) -> list[Edit]:
    """Copies of the phrase that opens `text`, or else exact repeats inside it."""
    leading = _leading_copy_edit(text, min_chars, similarity, long_chars, long_similarity)
    if leading is not None:
        return [leading]
    return _inline_phrase_edits(text, min_chars)


def collapse_repeated_phrase_text(
    text: str,
    min_chars: int = 4,
    similarity: float = 0.9,
    long_chars: int = 20,
    long_similarity: float = 0.95,
) -> str:
    """Keep once a phrase of `min_chars` or more characters repeated back to back.

    Extraction repeats headlines (`把实事办到群众心坎上` three times in a row,
    spec §6).  Two kinds of repeat are collapsed, the first copy kept:

    - anywhere in the text, a phrase of Hanzi, letters and digits (at least
      one Hanzi) followed by exact copies of itself;
    - at the start of the text, a phrase (it may hold punctuation and spaces)
      followed by copies at least `similarity` alike (Levenshtein, 0..1: an
      OCR variant with one character in ten misread).  A phrase holding a
      sentence end must be `long_chars` long and its copies `long_similarity`
      alike: a paragraph glued to its own copy.

    Left alone: repeats shorter than `min_chars` (`研究研究`, `一件件`, `2222`,
    doubled words are :func:`collapse_doubled_word_text`'s job), a phrase that
    ends a clause or is a short sentence (`中国加油！中国加油！`), a repeat that
    is not back to back (a slogan in two sentences), near copies inside the
    text.

    >>> collapse_repeated_phrase_text("把实事办到群众心坎上把实事办到群众心坎上把实事办到群众心坎上")
    '把实事办到群众心坎上'
    >>> collapse_repeated_phrase_text("把实事办到群众心坎上把实事办到群众心砍上")
    '把实事办到群众心坎上'
    >>> collapse_repeated_phrase_text("中国加油！中国加油！")
    '中国加油！中国加油！'
    """

    def find_edits(current: str) -> list[Edit]:
        return _phrase_edits(current, min_chars, similarity, long_chars, long_similarity)

    return _until_stable(text, find_edits)[0]


def repeat_thresholds(config) -> tuple[int, float, int, float]:
    """The thresholds of the repetition rules in `config` (or their
    defaults): shortest repeated phrase, its similarity, shortest duplicated
    block, its similarity -- in the order :func:`collapse_repeated_phrase_text`
    takes them.

    >>> repeat_thresholds(None)
    (4, 0.9, 20, 0.95)
    """
    return (
        getattr(config, "repeat_min_chars", 4),
        getattr(config, "repeat_similarity", 0.9),
        getattr(config, "duplicate_min_chars", 20),
        getattr(config, "duplicate_similarity", 0.95),
    )


def collapse_repeated_headlines(doc: Document, config) -> Document:
    """Collapse the copies of the phrase that opens a raw block, before
    blocks are split and classified (see :func:`collapse_repeated_phrase_text`:
    only its check at the start of the text, which ignores line breaks).

    A headline printed three times is too long to be taken for a headline,
    and its wrapped lines get split at the wrong places: collapsed first, it
    is one headline again.  Meant to run right after
    :func:`collapse_doubled_glyphs`; :func:`collapse_repeated_phrases` still
    runs later on the one-line blocks.

    >>> doc = collapse_repeated_headlines(Document([Block("某市出台多项扶持小微\\n企业发展壮大的新政策某\\n市出台多项扶持小微企业\\n发展壮大的新政策")]), None)
    >>> doc.blocks[0].text
    '某市出台多项扶持小微\\n企业发展壮大的新政策'
    """
    min_chars, similarity, long_chars, long_similarity = repeat_thresholds(config)

    def find_edits(current: str) -> list[Edit]:
        leading = _leading_copy_edit(current, min_chars, similarity, long_chars, long_similarity)
        return [] if leading is None else [leading]

    for index, block in enumerate(doc.blocks):
        if block.kind in _UNTOUCHED_KINDS or "\t" in block.text:
            continue
        text, passes = _until_stable(block.text, find_edits)
        if passes:
            _record(doc, "collapse_repeated_headlines", index, block.text, passes)
            block.text = text
    return doc


def _is_misread_copy(first: str, second: str, min_chars: int, similarity: float) -> bool:
    """Whether `second` is `first` again, with at most one character in five
    (and two in all) misread, or at least `similarity` alike."""
    if len(first) < min_chars or not second:
        return False
    allowed = min(MAX_MISREAD_CHARS, min(len(first), len(second)) // MISREAD_CHARS_PER)
    if Levenshtein.distance(first, second, score_cutoff=allowed) <= allowed:
        return True
    return Levenshtein.normalized_similarity(first, second, score_cutoff=similarity) > 0


def collapse_repeated_phrases(doc: Document, config) -> Document:
    """Collapse phrases repeated back to back inside each block (see
    :func:`collapse_repeated_phrase_text`), and drop a title-like block
    (headline, subtitle, heading, byline, caption, credit) repeated as the next
    block with one or two characters misread (spec §6): the first stays.
    Spaces and punctuation are ignored in that comparison.  A block whose
    repeats were collapsed is classified again (a headline repeated three
    times is too long to have been taken for one).

    >>> doc = Document([Block("把实事办到群众心坎上", "headline"), Block("把实事办到群众心砍上", "headline")])
    >>> [block.text for block in collapse_repeated_phrases(doc, None).blocks]
    ['把实事办到群众心坎上']
    """
    min_chars, similarity, long_chars, long_similarity = repeat_thresholds(config)

    def find_edits(current: str) -> list[Edit]:
        return _phrase_edits(current, min_chars, similarity, long_chars, long_similarity)

    kept: list[Block] = []
    title_key: str | None = None  # the key of the last kept block, if it is title-like
    title_index = -1
    for index, block in enumerate(doc.blocks):
        if block.kind in _UNTOUCHED_KINDS or block.kind == ELLIPSIS:
            kept.append(block)
            title_key = None
            continue
        text, passes = _until_stable(block.text, find_edits)
        if passes:
            _record(doc, "collapse_repeated_phrases", index, block.text, passes)
            block.text = text
            classify(block)  # a headline printed three times did not look like one
        key = comparison_key(text) if title_key is not None or block.kind in _TITLE_KINDS else ""
        if title_key is not None and _is_misread_copy(title_key, key, min_chars, similarity):
            doc.record("collapse_repeated_phrases", index, 0, text, "", f"repeats block {title_index} (headline)")
            continue
        kept.append(block)
        title_key, title_index = (key, index) if block.kind in _TITLE_KINDS else (None, -1)
    doc.blocks = kept
    return doc


# --- duplicate blocks ------------------------------------------------------------


#: A shingle shared by this many blocks (a slogan in every article) tells
#: nothing: it stops being indexed, so the candidates stay few.
MAX_BLOCKS_PER_SHINGLE = 8


def _shingles(runs: list[str], key: str) -> list[str]:
    """What a near-duplicate of a block almost surely shares with it: the
    first, middle and last eight characters of its key and its longest
    clause (run of Hanzi, letters and digits).  A few edits cannot change
    all of them."""
    middle = len(key) // 2
    shingles = ["<" + key[:8], ">" + key[-8:], "=" + key[middle - 4 : middle + 4]]
    longest = max(runs, key=len)
    if len(longest) >= 6:
        shingles.append(longest)
    return shingles


def duplicate_blocks(
    texts: list[str],
    min_chars: int = 20,
    similarity: float = 0.95,
    skip: set[int] | frozenset = frozenset(),
) -> dict[int, tuple[int, ...]]:
    """Which texts repeat earlier ones: ``{index: indexes of the first copy}``.

    Texts are compared by their Hanzi, letters and digits (spaces and
    punctuation removed), only when that key has `min_chars` or more
    characters: identical keys, or keys at least `similarity` alike
    (normalized Levenshtein similarity).  The first copy may also have been
    cut in two or three blocks (by a column break, say): a text is a
    duplicate of earlier texts whose keys, put together in order, are alike.
    And the copy may have been cut: a text that opens an earlier one and,
    with the one or two texts that follow it, is alike to it, is a duplicate
    (all its parts are).  Exact keys are found by hashing; near copies only
    among earlier texts that share their longest clause or the start, middle
    or end of the key, and whose length is close enough, so a long document
    is not compared pair by pair.  Indexes in `skip` are never duplicates
    nor originals.

    >>> duplicate_blocks(["目前，全县建成了以村级综合服务站为依托的便民服务网络。", "短句", "目前,全县建成了以村级综合服务站为依托的便民服务网络。"])
    {2: (0,)}
    >>> duplicate_blocks(["目前，全县建成了以村级综合服务站", "图①", "为依托的便民服务网络。", "目前，全县建成了以村级综合服务站为依托的便民服务网络。"])
    {3: (0, 2)}
    """
    duplicates: dict[int, tuple[int, ...]] = {}
    first_of_key: dict[str, int] = {}
    by_shingle: dict[str, list[int]] = {}
    keys: dict[int, str] = {}
    indexed_blocks: list[int] = []
    for index, text in enumerate(texts):
        if index in skip or index in duplicates:
            continue
        runs = _CONTENT_RUN_RE.findall(text)
        key = "".join(runs)
        if not key:
            continue
        if key in first_of_key and len(key) >= min_chars:
            duplicates[index] = (first_of_key[key],)
            _mark_continuations(index, first_of_key[key], texts, skip, keys, duplicates)
            continue
        shingles = _shingles(runs, key)
        if len(key) >= min_chars:
            candidates: set[int] = set()
            for shingle in shingles:
                indexed = by_shingle.get(shingle)
                if indexed:
                    candidates.update(indexed)
            candidates = sorted(candidates)
            originals = _near_copy_of(key, candidates, keys, indexed_blocks, similarity)
            if originals:
                duplicates[index] = originals
                _mark_continuations(index, originals[-1], texts, skip, keys, duplicates)
                continue
        cut = _cut_copy_of(index, key, texts, skip, by_shingle, keys, similarity, min_chars)
        if cut is not None:
            parts, earlier = cut
            duplicates.update((part, (earlier,)) for part in parts)
            continue
        # every block is indexed, a short one too: it may be a part of a
        # paragraph that a column break cut
        first_of_key.setdefault(key, index)
        keys[index] = key
        indexed_blocks.append(index)
        for shingle in shingles:
            indexed = by_shingle.setdefault(shingle, [])
            if len(indexed) < MAX_BLOCKS_PER_SHINGLE:
                indexed.append(index)
    return duplicates


#: A first copy cut in parts is looked for among the blocks that share a
#: shingle with the copy and the few blocks that follow each possible first
#: part (a column break leaves the parts close together).
PART_FOLLOWERS = 4
#: ... and a part is looked for no further than this many blocks after the first
#: part, so that a long document full of alike blocks stays linear.
PART_DISTANCE = 12


def _near_copy_of(
    key: str, candidates: list[int], keys: dict[int, str], indexed: list[int], similarity: float
) -> tuple[int, ...]:
    """The earlier block, or two or three blocks in order, whose keys put
    together are at least `similarity` alike to `key` (or ``()``).  `keys`
    holds the earlier blocks, `indexed` their indexes in order."""
    size = len(key)
    slack = (1 - similarity) * size

    def alike(parts: tuple[int, ...]) -> bool:
        joined = "".join(keys[part] for part in parts)
        if abs(len(joined) - size) > max(slack, (1 - similarity) * len(joined)):
            return False
        return bool(Levenshtein.normalized_similarity(key, joined, score_cutoff=similarity))

    for earlier in candidates:
        if alike((earlier,)):
            return (earlier,)
    for first in candidates:
        if len(keys[first]) >= size or not key.startswith(keys[first][:4]):
            continue
        after = bisect.bisect_right(indexed, first)
        near = first + PART_DISTANCE  # the parts of a cut copy stand close together
        rest = sorted({*indexed[after : after + PART_FOLLOWERS], *(c for c in candidates if first < c <= near)})
        rest = [part for part in rest if len(keys[part]) < size]
        for number, second in enumerate(rest):
            if alike((first, second)):
                return (first, second)
            for third in rest[number + 1 :]:
                if alike((first, second, third)):
                    return (first, second, third)
    return ()


def _mark_continuations(
    index: int,
    original: int,
    texts: list[str],
    skip: set[int] | frozenset,
    keys: dict[int, str],
    duplicates: dict[int, tuple[int, ...]],
) -> None:
    """A repeat that ends in mid-sentence, followed by the same block as its
    first copy, carries that continuation with it: both were cut the same
    way (`…共完成核酸检测` + `2597.6807万例。`).  Mark the continuation (of
    any length) as a duplicate too."""
    while not ends_sentence(texts[index]) and index + 1 < len(texts) and index + 1 not in skip:
        following, original = index + 1, original + 1
        key = keys.get(original)
        if not key or following == original or comparison_key(texts[following]) != key:
            return
        duplicates[following] = (original,)
        index = following


def _cut_copy_of(
    index: int,
    key: str,
    texts: list[str],
    skip: set[int] | frozenset,
    by_shingle: dict[str, list[int]],
    keys: dict[int, str],
    similarity: float,
    min_chars: int,
) -> tuple[list[int], int] | None:
    """A copy that was cut in parts: the block `index` opens an earlier block
    (exactly), and with the one or two blocks that follow it, it is at least
    `similarity` alike to that whole block.  Returns (the parts, the earlier
    block) or None."""
    if len(key) < 8:
        return None
    for earlier in by_shingle.get("<" + key[:8], ()):
        whole = keys[earlier]
        if len(whole) < min_chars or len(whole) <= len(key) or not whole.startswith(key):
            continue
        parts, joined = [index], key
        for following in range(index + 1, min(index + 3, len(texts))):
            if following in skip:
                break
            parts.append(following)
            joined += comparison_key(texts[following])
            if Levenshtein.normalized_similarity(whole, joined, score_cutoff=similarity):
                return parts, earlier
            if len(joined) > len(whole):
                break
    return None


def drop_duplicate_blocks(doc: Document, config) -> Document:
    """Drop every block that repeats an earlier block of the document (spec §6):
    identical, the same without spaces and punctuation, or at least
    `duplicate_similarity` alike, from `duplicate_min_chars` characters, also
    when the first copy or the repeat was cut in two or three blocks (see
    :func:`duplicate_blocks`).  The first copy stays.  Tables, furniture and
    jump lines are never dropped; short blocks (headlines) are not compared
    on their own.

    >>> doc = Document([Block("全县建成了以村级综合服务站为依托的便民服务网络。"), Block("图①"), Block("全县建成了以村级综合服务站为依托的便民服务网络。")])
    >>> [block.text for block in drop_duplicate_blocks(doc, None).blocks]
    ['全县建成了以村级综合服务站为依托的便民服务网络。', '图①']
    """
    skip = {index for index, block in enumerate(doc.blocks) if block.kind in _UNTOUCHED_KINDS}
    duplicates = duplicate_blocks(
        [block.text for block in doc.blocks],
        getattr(config, "duplicate_min_chars", 20),
        getattr(config, "duplicate_similarity", 0.95),
        skip,
    )
    if not duplicates:
        return doc
    for index, originals in sorted(duplicates.items()):
        which = " + ".join(map(str, originals))
        doc.record("drop_duplicate_blocks", index, 0, doc.blocks[index].text, "", f"repeats block {which}")
    doc.blocks = [block for index, block in enumerate(doc.blocks) if index not in duplicates]
    return doc


# --- doubled words ---------------------------------------------------------------


def _is_real_reduplication(word: str) -> bool:
    """ABAB forms that Chinese uses on purpose (see REDUPLICATED_VERBS)."""
    return (
        word in REDUPLICATED_VERBS
        or word in EMPHATIC_WORDS
        or word[0] == "一"  # 一个一个, 一步一步, 一点儿一点儿, 一部分一部分
        or word[-1] in _PARTICLES  # 是的是的, 来了来了
        or all(char in _ONOMATOPOEIA for char in word)  # 哗啦哗啦
        or (not _WORD_HAN_RE.search(word) and any(zero in word for zero in _ZEROS))  # 二〇二〇年
    )


def _doubled_word_edits(text: str) -> list[Edit]:
    edits = []
    position = 0
    while True:
        match = _DOUBLED_WORD_RE.search(text, position)
        if match is None:
            return edits
        start = match.start()
        word = _primitive_root(match.group(1))
        if len(word) < 2 or _is_real_reduplication(word):
            position = start + 1
            continue
        end = _copies_end(text, word, start + len(word))
        edits.append(Edit(start + len(word), end, "", f"doubled word {word!r} at {start}"))
        position = end


def collapse_doubled_word_text(text: str) -> str:
    """Keep once a word of two to four Hanzi that extraction doubled.

    `指挥指挥中心` -> `指挥中心`, `监管监管体系` -> `监管体系` (spec §6).
    Real reduplication stays: AABB and single characters are not doubled
    words at all (`红红火火`, `一件件`, `人人`, `天天`, `哈哈哈哈`, `市市场`);
    ABAB stays for the verbs in :data:`REDUPLICATED_VERBS` (`研究研究`,
    `商量商量`) and the words in :data:`EMPHATIC_WORDS` (`很多很多`), for a
    word that starts with `一` (`一个一个`, `一步一步`, `一部分一部分`), for a
    word ending in a particle (`是的是的`, `说着说着`), for sound words
    (`哗啦哗啦`) and for a year in figures (`二〇二〇年`).  Words split by punctuation
    (`分行业、分行业`) are not back to back.

    >>> collapse_doubled_word_text("监控画面传回调度调度中心后")
    '监控画面传回调度中心后'
    >>> collapse_doubled_word_text("大家一起研究研究，一步一步来，日子红红火火。")
    '大家一起研究研究，一步一步来，日子红红火火。'
    """
    return _until_stable(text, _doubled_word_edits)[0]


def collapse_doubled_words(doc: Document, config) -> Document:
    """Collapse doubled words in every block but tables, furniture and jump
    lines (see :func:`collapse_doubled_word_text`).

    >>> doc = collapse_doubled_words(Document([Block("构建一体化扬尘监管监管体系。")]), None)
    >>> doc.blocks[0].text
    '构建一体化扬尘监管体系。'
    """
    for index, block in enumerate(doc.blocks):
        if block.kind in _UNTOUCHED_KINDS:
            continue
        text, passes = _until_stable(block.text, _doubled_word_edits)
        if passes:
            _record(doc, "collapse_doubled_words", index, block.text, passes)
            block.text = text
    return doc


# --- reporting -------------------------------------------------------------------


def _record(doc: Document, step: str, index: int, text: str, passes: list[list[Edit]]) -> None:
    """Record each edit of each pass (offsets in the text before that pass)."""
    if doc.changes is None:
        return
    for edits in passes:
        for edit in edits:
            doc.record(step, index, edit.start, text[edit.start : edit.end], edit.replacement, edit.note)
        text = apply_edits(text, edits)


__all__ = [
    "EMPHATIC_WORDS",
    "REDUPLICATED_VERBS",
    "Edit",
    "apply_edits",
    "collapse_doubled_glyph_text",
    "collapse_doubled_glyphs",
    "collapse_doubled_word_text",
    "collapse_doubled_words",
    "collapse_repeated_headlines",
    "collapse_repeated_phrase_text",
    "collapse_repeated_phrases",
    "drop_duplicate_blocks",
    "duplicate_blocks",
]
