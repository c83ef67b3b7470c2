"""A seeded corruption generator: clean text in, text damaged the way extraction damages it out.

The tests and the quality benchmark need many more damaged pages than the five
real seeds, each with a known right answer.  :func:`corrupt` takes clean text
(gold-shaped: blocks separated by one blank line, spec §1) and applies the
artifacts that PDF text layers and OCR really produce, each one switchable and
each one recorded, so a test can say which artifact a failure comes from.

The artifacts (names in :data:`ARTIFACTS`):

- ``hard_wrap``: every block but a table (and a fake-bold headline) is
  wrapped at one column width for the page, drawn from 10 to 40 Chinese
  characters (Latin letters, digits and spaces take half a character), never
  starting a line with a closing mark nor ending one with an opening mark;
- ``wrap_spaces``: line breaks turned into spaces (the block comes out as one
  line with a space at every former wrap);
- ``column_break``: a paragraph cut mid-sentence into two blocks, where a
  line of the page's column ends (a column ends with a full line);
- ``half_width_punctuation``: ``，；：？！（）`` and curly quotes written
  half-width and straight, ``……`` as ``...``, ``——`` as ``--``;
- ``repeated_headline``: a headline repeated back to back in its line;
- ``duplicated_block``: a paragraph repeated later on the page;
- ``doubled_word``: a word of two to four Hanzi doubled inside a sentence;
- ``doubled_glyphs``: every character of a headline doubled (fake-bold PDF
  text: ``基基本本规规定定``);
- ``jump_line``: ``（下转A4版）`` and its variants at a paragraph's end (or
  ``（上接第一版）`` at its start), on the same line, on a line or in a block of
  its own;
- ``furniture``: mastheads, dates, weekdays, running headers, page labels,
  publisher and editor lines, footer phone numbers at the top and bottom of the
  page;
- ``split_table``: a table cut in two by a blank line.

The damage is chosen so that the spec says how to undo it: wraps never fall
next to a space or between two ASCII characters, spaces only replace wraps
between two Chinese characters of running text, punctuation is narrowed only
next to a Hanzi and quotes only in blocks where they pair.  What is left
ambiguous is what the spec itself leaves to evidence (which blocks a column
break separated).

Everything here is deterministic for a given seed (``random.Random(seed)``),
and costs nothing at ``import paperclean``: this module is imported only by
those who need it.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

import regex

from .chardata import CJK_PUNCT, HAN, ends_sentence

ARTIFACTS: tuple[str, ...] = (
    "hard_wrap",
    "wrap_spaces",
    "column_break",
    "half_width_punctuation",
    "repeated_headline",
    "duplicated_block",
    "doubled_word",
    "doubled_glyphs",
    "jump_line",
    "furniture",
    "split_table",
)

#: Artifacts that add characters.  Each of their records holds the added
#: text in ``details["added"]``; every other artifact keeps the Hanzi,
#: letters and digits of the clean text as they are.
ADDING_ARTIFACTS = frozenset(
    {"repeated_headline", "duplicated_block", "doubled_word", "doubled_glyphs", "jump_line", "furniture"}
)

#: For each artifact applied place by place, the chance that one eligible
#: place gets it.  One eligible place always gets it, so an enabled artifact
#: shows up whenever the text allows it.
DEFAULT_RATES: Mapping[str, float] = {
    "wrap_spaces": 0.3,
    "column_break": 0.15,
    "half_width_punctuation": 0.5,
    "repeated_headline": 0.1,
    "duplicated_block": 0.04,
    "doubled_word": 0.1,
    "doubled_glyphs": 0.1,
    "jump_line": 0.05,
    "split_table": 1.0,
}

MIN_WIDTH, MAX_WIDTH = 10, 40


@dataclass(frozen=True)
class Artifact:
    """One piece of damage: its `kind` (a name in :data:`ARTIFACTS`), its
    `position` (offset in the clean text of the place it damaged, or where it
    was inserted) and `details` (``block``: the index of the clean block;
    ``added``: the text added, for :data:`ADDING_ARTIFACTS`; and what else
    describes it: a width, a variant...)."""

    kind: str
    position: int
    details: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Corrupted:
    """The damaged `text`, the `clean` text it came from, and the `records`
    of every artifact applied, in the order they were applied."""

    text: str
    clean: str
    records: tuple[Artifact, ...]

    def added(self) -> str:
        """All text the artifacts added, concatenated."""
        return "".join(record.details.get("added", "") for record in self.records)

    def kinds(self) -> Counter:
        """How many records of each kind."""
        return Counter(record.kind for record in self.records)


@dataclass
class _Unit:
    """A block being damaged: its text, the offset in the clean text it
    stands for, the clean block it came from (-1 for inserted text)."""

    text: str
    start: int
    source: int
    wrap: bool = True
    cut: bool = False
    running: bool = False
    locked: bool = False  # already damaged in a way that excludes more damage


#: A block: lines up to a blank line or the end.
_BLOCK_RE = regex.compile(r"[^\n](?:.|\n(?![ \t]*(?:\n|$)))*")
_CJK_CHAR_RE = regex.compile(rf"[{HAN}{CJK_PUNCT}]")
_HAN_CHAR_RE = regex.compile(rf"[{HAN}]")
#: Characters set full width in a Chinese column (Hanzi, Chinese punctuation,
#: curly quotes, ellipsis and dash).
_WIDE_RE = regex.compile(r"[\p{Han}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6\u2e80-\u2fff\u3040-\u30ff\uac00-\ud7af“”‘’…—\x00]")
_HAN_WORD_RE = regex.compile(rf"[{HAN}]{{2,}}")
_SENTENCE_MARK_RE = regex.compile(r"[。！？!?]")

#: Full-width marks narrowed by ``half_width_punctuation`` (quotes apart).
_NARROW = {"，": ",", "；": ";", "：": ":", "？": "?", "！": "!", "（": "(", "）": ")"}
_NARROW_RE = regex.compile(rf"(?<=[{HAN}])[，；：？！（）]|[，；：？！（）](?=[{HAN}])")
_LONG_MARK_RE = regex.compile(rf"(?<=[{HAN}])(?:……|——)|(?:……|——)(?=[{HAN}])")
_QUOTE_PAIRS = (("“", "”", '"'), ("‘", "’", "'"))

#: ABAB that is real Chinese, never made by ``doubled_word`` so that no
#: repair is expected to undo it (spec §6): verbs of speech (研究研究), a word
#: ending in a particle (是的是的, 来了来了), 一 + a measure word (一步一步).
_REAL_ABAB = frozenset(
    "研究 商量 讨论 学习 考虑 休息 锻炼 活动 介绍 了解 交流 琢磨 打听 收拾 打扫 整理 检查 比较 准备 欢迎 说道 合计 尝尝 体验 感受 放松".split()
)
_PARTICLES = frozenset("的了吧啊呀呢嘛哦啦哟喽么着过")

# Material for jump lines and furniture: made up from templates, not taken
# from any page.
_PAPERS = (
    ("衡水日报", "HENGSHUIRIBAO"),
    ("河北日报", "HEBEIRIBAO"),
    ("人民日报", "RENMINRIBAO"),
    ("光明日报", "GUANGMINGRIBAO"),
    ("经济日报", "JINGJIRIBAO"),
    ("北京日报", "BEIJINGRIBAO"),
    ("新华日报", "XINHUARIBAO"),
    ("大众日报", "DAZHONGRIBAO"),
)
_CITIES = ("衡水", "石家庄", "保定", "邯郸", "沧州", "邢台", "唐山", "廊坊", "济南", "南京")
_SECTIONS = ("要闻", "经济", "综合", "民生", "文化", "体育", "时政", "社会")
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅凤云莲真环雪荣爱妹香月莺媛瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽"
_CHINESE_NUMBERS = "一二三四五六七八九十"
_WEEKDAYS = "一二三四五六日"


def corrupt(
    clean_text: str,
    seed: int,
    artifacts: Iterable[str] = ARTIFACTS,
    *,
    rates: Mapping[str, float] | None = None,
) -> Corrupted:
    """Damage `clean_text` with the named `artifacts`, reproducibly.

    `clean_text` is gold-shaped (blocks separated by blank lines, one line per
    block, tables as lines holding tabs).  `seed` fixes every random choice:
    the same text, seed and artifacts always give the same result.  `rates`
    overrides :data:`DEFAULT_RATES` (the chance that each eligible place is
    damaged).  The records say what was done where; the clean text comes back
    unchanged in ``.clean`` (the right answer for a repair).

    Nothing is damaged that the spec does not say how to repair (see the
    module docstring), and a table is only ever split.

    >>> from paperclean.chardata import content_chars
    >>> page = "今年以来，某县持续推进农村公路建设项目，方便群众出行。\\n\\n把实事办到群众心坎上\\n"
    >>> damaged = corrupt(page, seed=7, artifacts=["hard_wrap", "half_width_punctuation"])
    >>> sorted(set(record.kind for record in damaged.records))
    ['half_width_punctuation', 'hard_wrap']
    >>> content_chars(damaged.text) == content_chars(page)
    True
    >>> "，" in damaged.text
    False
    >>> corrupt(page, seed=7, artifacts=[]).text == page
    True
    """
    chosen = set(artifacts)
    unknown = chosen - set(ARTIFACTS)
    if unknown:
        raise ValueError(f"unknown artifacts: {sorted(unknown)}")
    rng = random.Random(seed)
    all_rates = {**DEFAULT_RATES, **(rates or {})}
    units = _split_units(clean_text)
    records: list[Artifact] = []
    # one column width for the page: the wraps, and the column breaks (which
    # fall where a line of the column ends), follow it
    damage = _Damage(rng, all_rates, records, width=rng.randint(MIN_WIDTH, MAX_WIDTH))

    if "split_table" in chosen:
        units = damage.split_tables(units)
    if "column_break" in chosen:
        units = damage.column_breaks(units)
    headline_kinds = [kind for kind in ("doubled_glyphs", "repeated_headline") if kind in chosen]
    if headline_kinds:
        damage.headlines(units, headline_kinds)
    if "doubled_word" in chosen:
        damage.doubled_words(units)
    if "half_width_punctuation" in chosen:
        damage.narrow_punctuation(units)
    if "duplicated_block" in chosen:
        units = damage.duplicate_blocks(units, len(clean_text))
    if "hard_wrap" in chosen or "wrap_spaces" in chosen:
        damage.wrap(units, newlines="hard_wrap" in chosen, spaces="wrap_spaces" in chosen)
    if "jump_line" in chosen:
        units = damage.jump_lines(units)
    if "furniture" in chosen:
        units = damage.furniture(units, len(clean_text))

    texts = [unit.text for unit in units if unit.text]
    text = "\n\n".join(texts) + "\n" if texts else ""
    if not chosen:
        text = clean_text
    return Corrupted(text, clean_text, tuple(records))


def compose_page(gold_texts: Sequence[str], seed: int, runs: tuple[int, int] = (2, 4), run_blocks: tuple[int, int] = (3, 8)) -> str:
    """A new gold-shaped page made of runs of consecutive blocks drawn from
    `gold_texts`, so that synthetic pages are not just the seeds again.

    Runs of consecutive blocks keep what a block means in its context (an
    unfinished block stays followed by what really followed it); no block
    is drawn twice on one page, so the page holds no repetition its gold
    would not.

    >>> gold = ["甲一。\\n\\n甲二。\\n\\n甲三。\\n", "乙一。\\n\\n乙二。\\n"]
    >>> page = compose_page(gold, seed=3, runs=(1, 1), run_blocks=(2, 2))
    >>> len(page.split("\\n\\n"))
    2
    >>> compose_page(gold, seed=3) == compose_page(gold, seed=3)
    True
    """
    rng = random.Random(seed)
    documents = [[unit.text for unit in _split_units(text)] for text in gold_texts]
    documents = [blocks for blocks in documents if blocks]
    if not documents:
        return ""
    used: set[tuple[int, int]] = set()
    seen_texts: set[str] = set()
    page: list[str] = []
    for _ in range(rng.randint(*runs)):
        doc_index = rng.randrange(len(documents))
        blocks = documents[doc_index]
        length = min(rng.randint(*run_blocks), len(blocks))
        start = rng.randrange(len(blocks) - length + 1)
        for index in range(start, start + length):
            if (doc_index, index) in used or blocks[index] in seen_texts:
                continue
            used.add((doc_index, index))
            seen_texts.add(blocks[index])
            page.append(blocks[index])
    return "\n\n".join(page) + "\n" if page else ""


def _split_units(text: str) -> list[_Unit]:
    units = []
    for match in _BLOCK_RE.finditer(text):
        block = match.group().strip(" ")
        if not block.strip():
            continue
        units.append(_Unit(block, match.start(), len(units), running=_is_running(block)))
    return units


def _is_running(text: str) -> bool:
    """A block of running text (not a headline, byline or table): long and
    holding a sentence end."""
    return "\t" not in text and "\n" not in text and len(text) >= 40 and bool(_SENTENCE_MARK_RE.search(text))


def _is_headline(text: str) -> bool:
    """A short one-line block that ends no sentence: a headline or kicker."""
    return (
        4 <= len(text) <= 30
        and "\t" not in text
        and "\n" not in text
        and not text.startswith("#")
        and not _SENTENCE_MARK_RE.search(text)
        and text[-1] not in "，、；：,;:"
        and len(_HAN_CHAR_RE.findall(text)) >= 3
    )


def _index(units: list[_Unit], unit: _Unit) -> int:
    return next(index for index, other in enumerate(units) if other is unit)


def _ascii(char: str) -> bool:
    return char < "\x80"


#: Chinese typesetting never starts a line with these (kinsoku)...
_NO_LINE_START = "，。、；：？！）》」』】〕”’…—%,.;:?!)"
#: ... nor ends one with these.
_NO_LINE_END = "（《「『【〔“‘("


def _breakable(text: str, index: int) -> bool:
    """A line may break before text[index]: no space on either side, not
    between two ASCII characters, and not where Chinese typesetting never
    breaks (before a closing mark, after an opening one)."""
    left, right = text[index - 1], text[index]
    if left.isspace() or right.isspace() or left == "\u3000" or right == "\u3000":
        return False
    if right in _NO_LINE_START or left in _NO_LINE_END:
        return False
    return not (_ascii(left) and _ascii(right))


class _Damage:
    def __init__(self, rng: random.Random, rates: Mapping[str, float], records: list[Artifact], width: int):
        self.rng = rng
        self.rates = rates
        self.records = records
        self.width = width

    def record(self, kind: str, position: int, **details) -> None:
        self.records.append(Artifact(kind, position, details))

    def pick(self, kind: str, candidates: list) -> list:
        """Each candidate with the kind's rate; at least one when any."""
        if not candidates:
            return []
        rate = self.rates.get(kind, 0.2)
        chosen = [candidate for candidate in candidates if self.rng.random() < rate]
        return chosen or [self.rng.choice(candidates)]

    # --- block-level damage ---------------------------------------------

    def split_tables(self, units: list[_Unit]) -> list[_Unit]:
        tables = [unit for unit in units if "\t" in unit.text and unit.text.count("\n") >= 1]
        for unit in self.pick("split_table", tables):
            lines = unit.text.split("\n")
            cut = self.rng.randint(1, len(lines) - 1)
            head = "\n".join(lines[:cut])
            tail = "\n".join(lines[cut:])
            offset = len(head) + 1
            index = _index(units, unit)
            units[index : index + 1] = [
                _Unit(head, unit.start, unit.source, wrap=False, cut=True),
                _Unit(tail, unit.start + offset, unit.source, wrap=False, cut=True),
            ]
            self.record("split_table", unit.start + offset, block=unit.source, row=cut)
        for unit in units:
            if "\t" in unit.text:
                unit.wrap = False
        return units

    def column_breaks(self, units: list[_Unit]) -> list[_Unit]:
        candidates = [unit for unit in units if unit.running and len(unit.text) >= 16]
        for unit in self.pick("column_break", candidates):
            # a column ends with a full line: the cut falls where the
            # column's wrap would break the paragraph
            text = unit.text
            allowed = {index for index in range(1, len(text)) if _breakable(text, index)}
            cuts = [index for index in _wrap_points(text, self.width, allowed) if not ends_sentence(text[:index])]
            if not cuts:
                continue
            cut = self.rng.choice(cuts)
            index = _index(units, unit)
            head, tail = text[:cut], text[cut:]
            units[index : index + 1] = [
                _Unit(head, unit.start, unit.source, cut=True),
                _Unit(tail, unit.start + cut, unit.source, cut=True),
            ]
            self.record("column_break", unit.start + cut, block=unit.source, offset=cut)
        return units

    def headlines(self, units: list[_Unit], kinds: list[str]) -> None:
        candidates = [unit for unit in units if not unit.cut and _is_headline(unit.text)]
        self.rng.shuffle(candidates)
        for position, kind in enumerate(kinds):
            # the headlines are shared out between the two artifacts
            share = [unit for number, unit in enumerate(candidates) if number % len(kinds) == position]
            for unit in self.pick(kind, share):
                if kind == "doubled_glyphs":
                    original = unit.text
                    unit.text = regex.sub(r"(\S)", r"\1\1", original)
                    unit.wrap = False
                    self.record(kind, unit.start, block=unit.source, added=regex.sub(r"\s", "", original))
                else:
                    copies = self.rng.randint(2, 3)
                    added = unit.text * (copies - 1)
                    unit.text = unit.text * copies
                    self.record(kind, unit.start + len(unit.text) // copies, block=unit.source, copies=copies, added=added)
                unit.locked = True

    def doubled_words(self, units: list[_Unit]) -> None:
        places = {id(unit): _doubling_places(unit.text) for unit in units if unit.running and not unit.locked}
        candidates = [unit for unit in units if places.get(id(unit))]
        for unit in self.pick("doubled_word", candidates):
            start, length = self.rng.choice(places[id(unit)])
            word = unit.text[start : start + length]
            unit.text = unit.text[: start + length] + word + unit.text[start + length :]
            self.record("doubled_word", unit.start + start, block=unit.source, word=word, added=word)

    def narrow_punctuation(self, units: list[_Unit]) -> None:
        candidates = [unit for unit in units if not unit.locked and "\t" not in unit.text and _narrow_text(unit.text)[0] != unit.text]
        for unit in self.pick("half_width_punctuation", candidates):
            text, marks = _narrow_text(unit.text)
            if text == unit.text:
                continue
            first = next(index for index, (a, b) in enumerate(zip(unit.text, text)) if a != b)
            unit.text = text
            self.record("half_width_punctuation", unit.start + first, block=unit.source, marks=marks)

    def duplicate_blocks(self, units: list[_Unit], clean_length: int) -> list[_Unit]:
        candidates = [index for index, unit in enumerate(units) if unit.running and not unit.cut and len(unit.text) >= 30]
        # from the last, so the indexes of the candidates before stay right
        for index in sorted(self.pick("duplicated_block", candidates), reverse=True):
            unit = units[index]
            where = self.rng.randint(index + 1, len(units))
            at = units[where].start if where < len(units) else clean_length
            units.insert(where, _Unit(unit.text, unit.start, -1, running=True, locked=True))
            self.record("duplicated_block", unit.start, block=unit.source, inserted_at=at, added=unit.text)
        return units

    def wrap(self, units: list[_Unit], newlines: bool, spaces: bool) -> None:
        width = self.width
        eligible_spaces = [unit for unit in units if spaces and unit.wrap and unit.running and not unit.cut]
        spaced = set(map(id, self.pick("wrap_spaces", eligible_spaces))) if spaces else set()
        for unit in units:
            if not unit.wrap or "\n" in unit.text:
                continue
            if id(unit) in spaced:
                breaks = _wrap_points(unit.text, width, _space_breakable_set(unit.text))
                if breaks:
                    unit.text = _insert_breaks(unit.text, breaks, " ")
                    self.record("wrap_spaces", unit.start, block=unit.source, width=width, breaks=len(breaks))
            elif newlines and len(unit.text) > width:
                allowed = [index for index in range(1, len(unit.text)) if _breakable(unit.text, index)]
                breaks = _wrap_points(unit.text, width, set(allowed))
                if breaks:
                    unit.text = _insert_breaks(unit.text, breaks, "\n")
                    self.record("hard_wrap", unit.start, block=unit.source, width=width, lines=len(breaks) + 1)

    # --- inserted lines -------------------------------------------------

    def jump_lines(self, units: list[_Unit]) -> list[_Unit]:
        candidates = [index for index, unit in enumerate(units) if unit.running and not unit.locked]
        for index in sorted(self.pick("jump_line", candidates), reverse=True):
            unit = units[index]
            page = self._page_label()
            if self.rng.random() < 0.75:
                jump = self.rng.choice(
                    (f"（下转{page}版）", f"(下转{page}版)", f"（下转第{self._page_number()}版）", f"下转第{self.rng.randint(2, 16)}版", f"（转{page}）", f"转{page}")
                )
                place = self.rng.choice(("same_line", "own_line", "own_block"))
                if place == "same_line":
                    unit.text += self.rng.choice((" ", "", "  ")) + jump
                elif place == "own_line":
                    unit.text += "\n" + jump
                else:
                    units.insert(index + 1, _Unit(jump, unit.start + len(unit.text), -1, wrap=False))
                self.record("jump_line", unit.start, block=unit.source, direction="down", place=place, added=jump)
            else:
                jump = self.rng.choice((f"（上接{page}版）", f"（上接第{self._page_number()}版）", f"(上接{page}版)", f"接{page}版"))
                place = self.rng.choice(("own_line", "own_block"))
                if place == "own_line":
                    unit.text = jump + "\n" + unit.text
                else:
                    units.insert(index, _Unit(jump, unit.start, -1, wrap=False))
                self.record("jump_line", unit.start, block=unit.source, direction="up", place=place, added=jump)
        return units

    def furniture(self, units: list[_Unit], clean_length: int) -> list[_Unit]:
        top = [self._furniture_line(kind) for kind in self._furniture_kinds(("masthead", "date", "weekday", "publisher", "site", "header", "page_label"))]
        bottom = []
        if self.rng.random() < 0.5:
            bottom = [self._furniture_line(kind) for kind in self._furniture_kinds(("editor", "phone", "hotline", "page_label"))]
        for lines, position in ((top, 0), (bottom, clean_length)):
            if not lines:
                continue
            for kind, line in lines:
                self.record("furniture", position, type=kind, added=line)
            texts = [line for _, line in lines]
            new = [texts] if self.rng.random() < 0.4 else [[line] for line in texts]
            new_units = [_Unit("\n".join(group), position, -1, wrap=False) for group in new]
            units = new_units + units if position == 0 else units + new_units
        return units

    def _furniture_kinds(self, kinds: tuple[str, ...]) -> list[str]:
        count = self.rng.randint(1, min(4, len(kinds)))
        return self.rng.sample(list(kinds), count)

    def _furniture_line(self, kind: str) -> tuple[str, str]:
        rng = self.rng
        paper, masthead = rng.choice(_PAPERS)
        year, month, day = rng.randint(2015, 2024), rng.randint(1, 12), rng.randint(1, 28)
        date = f"{year}年{month}月{day}日"
        weekday = "星期" + rng.choice(_WEEKDAYS)
        city = rng.choice(_CITIES)
        if kind == "masthead":
            line = rng.choice((paper, masthead))
        elif kind == "date":
            line = date
        elif kind == "weekday":
            line = weekday
        elif kind == "publisher":
            line = f"中共{city}市委主办"
        elif kind == "site":
            line = f"{city}新闻网:www.{masthead.lower()[:6]}.com.cn"
        elif kind == "header":
            gap = rng.choice((" ", "  "))
            line = gap.join((date, weekday, rng.choice(_SECTIONS), f"责任编辑：{self._name()}"))
        elif kind == "page_label":
            line = self._page_label()
        elif kind == "editor":
            line = rng.choice((f"责任编辑 {self._name()} {self._name()}", f"责任编辑：{self._name()}", f"本版编辑 {self._name()}"))
        elif kind == "phone":
            line = "1" + "".join(str(rng.randint(0, 9)) for _ in range(10))
        else:
            line = f"订版热线：0{rng.randint(310, 319)}-{rng.randint(2000000, 8999999)}"
        return kind, line

    def _name(self) -> str:
        return self.rng.choice(_SURNAMES) + "".join(self.rng.choice(_GIVEN) for _ in range(self.rng.randint(1, 2)))

    def _page_label(self) -> str:
        return f"{self.rng.choice('ABCD')}{self.rng.randint(1, 16)}"

    def _page_number(self) -> str:
        return self.rng.choice(_CHINESE_NUMBERS)


def _pairs_cleanly(text: str, opening: str, closing: str) -> bool:
    """The block's quotes of this kind alternate opening, closing, ..."""
    marks = [char for char in text if char in (opening, closing)]
    if not marks or len(marks) % 2:
        return False
    return all(mark == (opening if number % 2 == 0 else closing) for number, mark in enumerate(marks))


def _doubling_places(text: str) -> list[tuple[int, int]]:
    """(start, length) of the words of 2 to 4 Hanzi, inside a run of Hanzi,
    whose doubling reads as an extraction error and nothing else: no
    repeated character in the word or at its edges (which would make an
    AABB or longer run), and none of the ABAB that Chinese really writes."""
    places = []
    for match in _HAN_WORD_RE.finditer(text):
        run_start, run_end = match.span()
        for start in range(run_start + 1, run_end - 2):
            for length in (2, 2, 2, 3, 4):
                if start + length >= run_end:
                    continue
                word = text[start : start + length]
                if (
                    len(set(word)) < length
                    or word in _REAL_ABAB
                    or word[0] == "一"
                    or word[-1] in _PARTICLES
                    or text[start - 1] == word[-1]
                    or text[start + length] == word[0]
                    or text[start - length : start] == word
                    or text[start + length : start + 2 * length] == word
                ):
                    continue
                places.append((start, length))
    return places


def _narrow_text(text: str) -> tuple[str, str]:
    """Narrow the marks next to a Hanzi; straighten quotes that pair."""
    marks = []

    def narrow(match):
        marks.append(match.group())
        return _NARROW[match.group()]

    def narrow_long(match):
        marks.append(match.group())
        return "..." if match.group() == "……" else "--"

    text = _NARROW_RE.sub(narrow, text)
    text = _LONG_MARK_RE.sub(narrow_long, text)
    for opening, closing, straight in _QUOTE_PAIRS:
        if _pairs_cleanly(text, opening, closing) and straight not in text:
            marks.extend(char for char in text if char in (opening, closing))
            text = text.replace(opening, straight).replace(closing, straight)
    return text, "".join(marks)


def _space_breakable_set(text: str) -> set[int]:
    """Where a wrap may become a space in running text: between two Chinese
    characters, outside brackets, past the block's first 20 characters (a
    dateline keeps its own spaces)."""
    allowed = set()
    depth = 0
    for index, char in enumerate(text):
        if char in "（(":
            depth += 1
        elif char in "）)":
            depth = max(0, depth - 1)
        if index >= 20 and depth == 0 and _CJK_CHAR_RE.match(char) and _CJK_CHAR_RE.match(text[index - 1]) and _breakable(text, index):
            allowed.add(index)
    return allowed


def _wrap_points(text: str, width: int, allowed: set[int]) -> list[int]:
    """Break offsets that set `text` in a column `width` Chinese characters
    wide (Latin letters, digits and spaces take half a character), each at an
    allowed offset: the last one that fits, else the first one after."""
    cells = _cumulative_cells(text)
    budget = 2 * width
    points = []
    position = 0
    while cells[len(text)] - cells[position] > budget:
        fits = position + 1
        while cells[fits + 1] - cells[position] <= budget:
            fits += 1
        # `fits` is the first offset past the line: break there or before it
        found = next((index for index in range(fits, position + max(1, (fits - position) // 2), -1) if index in allowed), None)
        if found is None:
            found = next((index for index in range(fits + 1, min(len(text), fits + width)) if index in allowed), None)
        if found is None:
            break
        points.append(found)
        position = found
    return points


def _cumulative_cells(text: str) -> list[int]:
    """cells[i]: the width of text[:i] in half-character cells."""
    marked = _WIDE_RE.sub("\x00", text)
    cells = [0]
    total = 0
    for char in marked:
        total += 2 if char == "\x00" else 1
        cells.append(total)
    return cells


def _insert_breaks(text: str, points: list[int], separator: str) -> str:
    pieces = []
    previous = 0
    for point in points:
        pieces.append(text[previous:point])
        previous = point
    pieces.append(text[previous:])
    return separator.join(pieces)


__all__ = ["ADDING_ARTIFACTS", "ARTIFACTS", "Artifact", "Corrupted", "DEFAULT_RATES", "compose_page", "corrupt"]
