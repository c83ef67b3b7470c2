"""Reading order across column and page breaks (spec §5), and split tables (§8).

A block that does not end a sentence was usually cut by a column or page
break.  It is joined only to a block that *continues* it, and only on
evidence found at the joint:

- the next block starts with what cannot start a sentence (``，`` ``）`` ``、``),
  or with a unit or measure word right after a number (``2021年12`` + ``月，``);
- the two sides make a word across the joint (``小桥流`` + ``水`` gives 流水):
  looked up in the word-frequency dictionary that ships with `jieba`, loaded
  on first use, the only dictionary of Chinese words with frequencies in a
  well-kept package we could find;
- weaker evidence: the unfinished block ends inside a clause (``，`` ``、``
  ``：``) or on a word that cannot end a sentence (a preposition, a
  conjunction, 的), the next starts with one that cannot open one (a
  particle, 和), its last line filled the column, it holds an open quotation,
  or the two characters at the joint occur side by side inside some
  dictionary word;
- weakest: the parts of speech of the words at the joint (the tags of the
  same dictionary) make a phrase: a verb and its object, a noun compound, an
  adjective or a number and its noun, an adverb and its verb; or the next
  block opens with what no paragraph opens with (a one-character adverb
  running on into its verb, a measure word, a count, a bracketed aside).

A word across the joint spans no quotation mark (`“…”` closes a whole name),
and does not count where it breaks the first word of a block that opens like
a new sentence (`…图书` + `市民张女士说，` gives 书市 and breaks 市民).

No evidence counts below a word across the joint when the next block opens
like a new sentence (``张华强调，`` ``目前，`` a date, a dateline, a list
item) or the unfinished block ends in the first half of a word (``…浓厚氛``):
the text between was lost.

A photo caption or credit that the extraction dropped between the two halves
moves after the joined paragraph.  A short fragment that reads as a word at
both of its ends is moved between the halves it belongs to; an orphan
fragment (continuing nothing, continued by nothing) moves into the one gap
of its article where it reads on from a clause and into the next block.  Nothing is joined
after a block that a jump line to another page (`下转`) ended, or to a block
that a jump line from another page (`上接`) opened, or to a headline, byline
or table.
"""

from __future__ import annotations

import math
from functools import lru_cache

import regex

from .chardata import HAN, KICKER_VERB_RE, PHRASE_GAP_RE, ends_sentence, has_running_commas, looks_like_names
from .chardata import DATELINE_LEAD_RE
from .classify import CAPTION_RE
from .punctuation import curl_quotes, widen_half_width_punctuation
from .repetition import collapse_doubled_word_text, collapse_repeated_phrase_text, collapse_repeated_phrases, repeat_thresholds
from .spacing import space_phrases, space_running_text
from .script import to_simplified, traditional_chars
from .wrap import join_lines
from .document import BYLINE, CAPTION, CREDIT, FURNITURE, HEADLINE, MARKUP, PARAGRAPH, SUBTITLE, TABLE, Block, Document

#: Fewest occurrences in the dictionary for a word across a joint to count.
MIN_WORD_FREQUENCY = 10
#: A block whose last line fills this share of its column was probably cut.
CUT_LINE_SHARE = 0.85
#: ... but a line clearly wider than its column is a headline across columns.
MAX_CUT_LINE_SHARE = 1.05
#: A headline-shaped line at least this wide may be a paragraph's first line.
PIECE_LINE_SHARE = 0.75
#: Fewest weighted occurrences of a character pair inside dictionary words for
#: the pair across a joint to count as (weak) evidence.
MIN_PAIR_FREQUENCY = 3
#: How far (in blocks) to look for a displaced fragment or a continuation.
SEARCH_WINDOW = 8
#: Longest fragment (characters) that may be moved into another sentence.
MAX_FRAGMENT_CHARS = 40

NO_SENTENCE_START = "，、；：。！？）》」』】〕…%,;:!?)"
CLAUSE_END = "，、；：（《“,;:(-—"
#: Units and measure words that follow a number (`2021年12` + `月`, `第1` +
#: `剂次`, `37` + `篇`); none opens a sentence after a number that ended one.
UNITS = "年月日时分秒个名万亿元项家件次人天周岁号层米吨亩户座条所台辆套批位倍余多%剂篇株棵届轮趟栋幢盏册份"

_DIGIT_END_RE = regex.compile(r"(?r)\d$")  # (?r): tried from the end, not across the block
#: `共有36家`: a number and its measure word want the noun that follows
_COUNTED_END_RE = regex.compile(r"(?r)\d[个名家项件位条座所户台辆套批]$")
_FIRST_SENTENCE_RE = regex.compile(r"^[^。！？!?]*[。！？!?]")
_HAN_RE = regex.compile(rf"[{HAN}]")
_HAN_RUN_RE = regex.compile(rf"[{HAN}]+")
_CONTENT_RE = regex.compile(r"[\p{L}\p{N}]")
_SENTENCE_END_RE = regex.compile(r"[。！？!?]")
#: `管理的实施意见》，部署了…`: the first sentence closes a title or an
#: aside it never opened, so the block starts inside one
_CLOSES_UNOPENED_RE = regex.compile(rf"^[{HAN}][^《（(。！？!?]*[》）)]")
_LEADING_MARKS = "“”‘’\"'《》（）() "

#: What the extraction may drop into the middle of a sentence: a photo's
#: caption and credit, furniture, and an extractor's image or HTML block.
INTERRUPTIONS = frozenset({CAPTION, CREDIT, FURNITURE, MARKUP})
JOINABLE = frozenset({PARAGRAPH, HEADLINE})

STRONG, WORD, WEAK, HINT, PHRASE, NONE = 5, 4, 3, 2, 1, 0


@lru_cache(maxsize=1)
def _dictionary() -> tuple[dict[str, int], dict[str, str]]:
    """jieba's dictionary, read once (~0.3 s): word -> frequency, and word ->
    part-of-speech tag (``n`` noun, ``v`` verb, ``p`` preposition, ...)."""
    import os

    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    frequencies: dict[str, int] = {}
    tags: dict[str, str] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            word, frequency, tag = line.split()
            frequencies[word] = int(frequency)
            tags[word] = tag
    return frequencies, tags


def word_frequencies() -> dict[str, int]:
    """Word -> frequency, from jieba's dictionary."""
    return _dictionary()[0]


def word_tags() -> dict[str, str]:
    """Word -> part-of-speech tag, from jieba's dictionary."""
    return _dictionary()[1]


_OPENERS = "“‘（《(「『【"
_CLOSERS = "”’）》)」』】"


def _open_quotation(text: str) -> bool:
    """A quotation or bracket opened in `text` and not closed (straight quotes,
    not yet paired, count as open when their number is odd)."""
    opened = any(text.count(opener) > text.count(closer) for opener, closer in zip(_OPENERS, _CLOSERS))
    return opened or text.count('"') % 2 == 1 or text.count("'") % 2 == 1


@lru_cache(maxsize=1)
def character_pairs() -> dict[str, int]:
    """How often each pair of adjacent characters occurs inside the words of
    the dictionary, weighted by word frequency."""
    pairs: dict[str, int] = {}
    for word, frequency in word_frequencies().items():
        for index in range(len(word) - 1):
            pair = word[index : index + 2]
            pairs[pair] = pairs.get(pair, 0) + frequency
    return pairs


#: Part-of-speech tags (jieba's, from the ICTCLAS set) grouped by what they
#: do at a joint.  Nouns include verbal and adjectival nouns (``vn`` ``an``)
#: and abbreviations (``j``); names (``nr``), pronouns (``r``) and time words
#: (``t``) are left out: a sentence very often opens with them.
NOUN_TAGS = frozenset({"n", "ng", "nl", "ns", "nt", "nz", "j", "s", "vn", "an"})
VERB_TAGS = frozenset({"v", "vn", "vd", "vi"})
ADJECTIVE_TAGS = frozenset({"a", "b"})
NUMBER_TAGS = frozenset({"m", "mq", "q"})
#: A sentence cannot end on a preposition, a conjunction or a structural
#: particle (的 地 得 之 等): the words it needs come next.
OPEN_ENDING_TAGS = frozenset({"p", "c", "u", "uj", "uv", "ud"})
#: Idioms and set phrases: their grammar is that of their last word (Chinese
#: phrases are head-final: 民生福祉 is a noun phrase, 全面提升 a verb phrase).
PHRASE_TAGS = frozenset({"l", "i"})
#: What cannot open a sentence: a particle (了 着 过 的 地 得 之 等), the
#: plural suffix 们 (``k``), a conjunction that joins two words.
JOINING_WORDS = frozenset({"和", "及", "以及", "或", "或者"})
#: Words that link what follows to a clause before it (`也是…` `并…`
#: `而且…`): a fragment that opens with one is the rest of a sentence.
LINKING_WORDS = JOINING_WORDS | frozenset({"也", "还", "又", "更", "亦", "并", "并且", "而", "而且", "还要", "更是"})
#: A single character that the dictionary rarely lists as a word on its own
#: (fewer occurrences than this) is the first half of a word (氛 of 氛围).
#: (A relative test, rarely alone against often at the start of a word,
#: vetoed more lost-text joins but also joins of real column breaks inside
#: words the dictionary lacks: ERR on real extractions went down.)
BOUND_MORPHEME_FREQUENCY = 200
#: How much of each side (characters) is segmented to find the words at a joint.
SEGMENT_WINDOW = 8
#: Segmentations kept (of short runs of text: a few hundred bytes each).
SEGMENT_CACHE_SIZE = 4096
#: How far back (characters) a preposition is looked for in the last clause.
AWAITING_WINDOW = 20
PLAIN_VERB_TAGS = frozenset({"v", "vd", "vi"})
#: The aspect particles 了 着 过: after them, a quoted name is the object
#: (`发生着` + `“脱胎换骨”的变化`).
ASPECT_TAGS = frozenset({"ul", "uz", "ug"})

_HAN_TAIL_RE = regex.compile(rf"[{HAN}]+$")
_HAN_HEAD_RE = regex.compile(rf"^[{HAN}]+")
_NUMBER_TAIL_RE = regex.compile(rf"\d[{HAN}]{{0,2}}$")
_LAST_CLAUSE_RE = regex.compile(r"[^，,。；;：:！？!?]*$")
_FIRST_CLAUSE_RE = regex.compile(r"^([^，,：:。！？；;!?“”\"]{1,8})[，,]")
_DATE_CLAUSE_RE = regex.compile(r"^(?:\d{1,4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:以来|来|上午|下午|晚|前|后)?$")
#: `张华强调，` `市长李明指出，`: a name (or a title and name) and a verb of
#: speech open a paragraph that reports what was said.
_SPEECH_OPENING_RE = regex.compile(
    rf"^[{HAN}·]{{2,10}}?(?:强调|指出|表示|说|认为|介绍|坦言|透露|告诉记者)[，,：:]"
)
#: `…负责人表示，`: a verb of speech and the comma after it report what was
#: said, which a headline does not do (it quotes with a colon: `张华：…`).
_REPORTED_SPEECH_RE = regex.compile(rf"[{HAN}](?:强调|指出|表示|认为|介绍|坦言|透露|告诉记者)[，,]")
#: `“我们终于住上新房了！”`: a quoted sentence opens a paragraph.
_QUOTED_SENTENCE_RE = regex.compile(r"^[“\"][^”\"]*[。！？!?][”\"]")


@lru_cache(maxsize=SEGMENT_CACHE_SIZE)
def _segment(text: str) -> tuple[str, ...]:
    """The most probable split of a short run of Hanzi into dictionary words
    (jieba's own method without its model of unknown words): each word costs
    minus the log of its relative frequency, an unknown character the most.
    Cached: reading order asks for the words at the same joints again and
    again while it weighs the places a block may go."""
    words = word_frequencies()
    total = math.log(_total_frequency())
    size = len(text)
    best: list[tuple[float, int]] = [(0.0, size)] * (size + 1)
    for start in range(size - 1, -1, -1):
        # one character is always a choice (a word or not); longer words
        # only when the dictionary has them; the best (cost, end) is kept
        choice = (math.log(words.get(text[start], 0) or 1) - total + best[start + 1][0], start + 1)
        for end in range(start + 2, min(size, start + 6) + 1):
            frequency = words.get(text[start:end])
            if frequency:
                choice = max(choice, (math.log(frequency) - total + best[end][0], end))
        best[start] = choice
    pieces, start = [], 0
    while start < size:
        end = best[start][1]
        pieces.append(text[start:end])
        start = end
    return tuple(pieces)


@lru_cache(maxsize=1)
def _total_frequency() -> int:
    return sum(word_frequencies().values())


def _tag(word: str | None) -> str:
    """The part of speech of `word`; a set phrase takes its last word's."""
    if word is None:
        return ""
    tag = word_tags().get(word, "")
    if tag in PHRASE_TAGS and len(word) > 2:
        return word_tags().get(_segment(word[1:])[-1], tag)
    return tag


def _last_word(text: str) -> str | None:
    match = _HAN_TAIL_RE.search(text[-SEGMENT_WINDOW:])
    return _segment(match.group())[-1] if match else None


def _first_word(text: str) -> str | None:
    match = _HAN_HEAD_RE.match(text.lstrip(_LEADING_MARKS)[:SEGMENT_WINDOW])
    return _segment(match.group())[0] if match else None


def opens_with_dateline(text: str) -> bool:
    """`本报讯（记者王平）…`, `新华社北京5月8日电 …`: a dateline opens the
    text.  A `…讯` dateline is followed by its bracket or a space: `…表彰
    大会` + `上传来喜讯，` is the rest of a sentence.

    >>> opens_with_dateline("河北日报讯（记者王平）近日，"), opens_with_dateline("上传来喜讯，全县获评")
    (True, False)
    """
    match = DATELINE_LEAD_RE.match(text)
    if match is None:
        return False
    lead = match.group().strip()
    return lead.endswith("电") or lead == "本报讯" or text[match.end() : match.end() + 1] in ("（", "(", " ", "\u3000")


def opens_sentence(text: str) -> bool:
    """Whether `text` opens like a new sentence, not like the rest of one: a
    dateline, a list item, a name and a verb of speech (`张华强调，`), a
    quoted sentence, a time, place, date or connective clause (`目前，`
    `今年以来，` `调度会上，` `5月8日，` `同时，`).

    >>> opens_sentence("张明强调，要抓好落实。"), opens_sentence("目前，工程已完工。")
    (True, True)
    >>> opens_sentence("群众的获得感和满意度，提升服务。")
    False
    """
    text = text.lstrip()
    if opens_with_dateline(text) or starts_list_item(text):
        return True
    if _SPEECH_OPENING_RE.match(text) or _QUOTED_SENTENCE_RE.match(text):
        return True
    clause = _FIRST_CLAUSE_RE.match(text)
    if clause is None:
        return False
    clause = clause.group(1)
    if clause[0].isdigit():
        return _DATE_CLAUSE_RE.match(clause) is not None
    if not _HAN_HEAD_RE.fullmatch(clause):
        return False
    if clause.endswith(("以来", "年来")):
        return True
    words = _segment(clause)
    first, last = word_tags().get(words[0], ""), word_tags().get(words[-1], "")
    if len(words) == 2 and first in NOUN_TAGS and last == "f":
        return True  # `调度会上，` `检查中，`: where it happened
    return (first == "t" and len(words) <= 3) or (len(words) == 1 and first in ("c", "d", "r"))


def _opens_with_date_clause(text: str) -> bool:
    """`2022年3月，…`: the text opens with a date and a comma, as a sentence
    does and a headline does not.

    >>> _opens_with_date_clause("2022年3月，该村入选"), _opens_with_date_clause("2022年全市十件民生实事")
    (True, False)
    """
    clause = _FIRST_CLAUSE_RE.match(text.lstrip())
    return clause is not None and clause.group(1)[0].isdigit() and _DATE_CLAUSE_RE.match(clause.group(1)) is not None


def _cut_word(left: str) -> bool:
    """`left` ends in the first half of a word whose rest was lost: a single
    character that is rarely a word of its own (`…浓厚氛`)."""
    word = _last_word(left)
    if word is None or len(word) != 1:
        return False
    return word_frequencies().get(word, 0) < BOUND_MORPHEME_FREQUENCY


def grammar_score(left: str, right: str) -> int:
    """The evidence that the words at the joint make one phrase, from their
    parts of speech (for a joint where no dictionary word spans it):

    - WEAK: `left` ends on a word that cannot end a sentence (a preposition,
      a conjunction, 的 地 得), or `right` opens with one that cannot open a
      sentence (a particle, 们, 和 及 或);
    - PHRASE: a verb and its object (also a quoted name or a number), a
      noun compound, an adjective and its noun, a number and measure word and
      the noun counted, an adverb and its verb, a prepositional phrase and the
      verb it waits for;
    - NONE, also where a number and measure word are followed by a verb.

    >>> grammar_score("实现了由单一救助向", "综合救助的转变。"), grammar_score("不断提升", "服务的质量。")
    (3, 1)
    >>> grammar_score("新建公厕120余座", "改造提升背街小巷。")
    0
    """
    last, first = _last_word(left), _first_word(right)
    left_tag, right_tag = _tag(last), _tag(first)
    if left_tag in OPEN_ENDING_TAGS or (last or "").endswith("是"):
        return WEAK  # 是 (也是, 更是) wants what it links
    if right_tag.startswith("u") or right_tag == "k" or first in JOINING_WORDS:
        return WEAK
    if last is None:
        return NONE
    if right.lstrip()[:1].isdigit():
        # `全年共接待` + `12.6万人次。`: a verb or a noun and the number it counts
        return PHRASE if left_tag in VERB_TAGS or left_tag in NOUN_TAGS else NONE
    if first is None or (len(last) < 2 and (left_tag in VERB_TAGS or left_tag in NOUN_TAGS)):
        return NONE  # a lone verb or noun character (`…放手发`) is as often a word cut in two
    if left_tag == "d" and right_tag in ("v", "vn", "a"):
        return PHRASE  # `逐步` + `完善制度`: an adverb and its verb
    if right_tag in PLAIN_VERB_TAGS and _awaits_verb(left):
        return PHRASE  # `要把群众利益` + `摆在突出位置`: a preposition's phrase and its verb
    if right_tag in ADJECTIVE_TAGS:
        # `新机制`: an adjective and its noun make a noun phrase
        rest = _HAN_HEAD_RE.match(right.lstrip(_LEADING_MARKS)[len(first) : len(first) + SEGMENT_WINDOW])
        right_tag = _tag(_segment(rest.group())[0]) if rest else right_tag
    quoted = right.lstrip()[:1] in "“《\""  # a quoted name is a noun phrase
    if right_tag not in NOUN_TAGS and not quoted:
        return NONE
    counted = _NUMBER_TAIL_RE.search(left) is not None and left_tag in NUMBER_TAGS
    if counted or left_tag in VERB_TAGS or left_tag in ADJECTIVE_TAGS or (quoted and left_tag in ASPECT_TAGS):
        return PHRASE  # a verb (`出台了`) and its object, an adjective or a number and its noun
    if left_tag in NOUN_TAGS or left_tag == "f":
        return PHRASE if not quoted else NONE  # a noun compound: `汛期前` + `河道清淤`
    if left_tag == "t" and len(first) >= 2 and not quoted:
        # `创建周期` + `全省…名单`: a time noun modifies the noun after it.  A
        # time word before a one-character noun (`近期` + `市创建…`) is as
        # often an adverbial before a new clause whose subject is short
        return PHRASE
    return NONE


def _awaits_verb(left: str) -> bool:
    """The last clause of `left` ends in a prepositional phrase whose verb
    has not come yet (`…要把群众利益`, `…针对检查中发现的问题`): no verb
    after the last preposition but in a relative clause (a verb before 的).

    >>> _awaits_verb("各部门要把群众利益"), _awaits_verb("各部门对群众诉求认真办理")
    (True, False)
    """
    clause = _LAST_CLAUSE_RE.search(left[-AWAITING_WINDOW:]).group()
    words = _segment(clause)
    tags = [word_tags().get(word, "") for word in words]
    if "p" not in tags:
        return False
    start = len(tags) - tags[::-1].index("p")
    after = tags[start:]
    if not after or not any(tag in NOUN_TAGS for tag in after):
        return False
    return not any(
        tag in PLAIN_VERB_TAGS and "uj" not in after[position + 1 : position + 3] for position, tag in enumerate(after)
    )


def _counted_then_verb(left: str, right: str) -> bool:
    """`…公厕120余座` + `改造…`: a measure word is not followed by a verb."""
    if _NUMBER_TAIL_RE.search(left) is None:
        return False
    last, first = _last_word(left), _first_word(right)
    return _tag(last) in NUMBER_TAGS and _tag(first) in ("v", "vd", "vi")


def joint_score(left: str, right: str, cut: bool = False) -> int:
    """How strongly `right` continues the unfinished `left` (0 to 5).  `cut`
    says that `left`'s last line filled its column.

    >>> joint_score("整合周边村庄，成", "立设备维修服务站，设立服务电话。")
    4
    >>> joint_score("衡水市开展了2021年12", "月，衡水市开展了活动。")
    5
    >>> joint_score("保持全县文化旅游市场总体形势", "王伟强调，要紧盯重点行业。")
    0
    """
    left, right = _simplified_near_joint(left.rstrip(), right.lstrip())
    if not left or not right:
        return NONE
    plain = _plain_evidence(left, right)
    if plain:
        return plain
    if _LOCALIZER_START_RE.match(right):
        return PHRASE  # `…位于城东新区` + `南的空地上`: a direction follows the place it locates
    if _LIST_ITEM_CUT_RE.search(left) and _ENUMERATION_START_RE.match(right) and not opens_sentence(right):
        # `…助餐、助浴、陪` + `护服务、健康咨询等`: a list item of one
        # character is cut (the weakest evidence: a fragment that makes a
        # word of it elsewhere still goes there first)
        return PHRASE
    if opens_sentence(right) or _cut_word(left) or _counted_then_verb(left, right):
        return NONE  # a new sentence, or a word whose rest was lost: the text between is lost
    if left[-1] in CLAUSE_END or cut or _open_quotation(left) or _COUNTED_END_RE.search(left):
        return WEAK
    grammar = grammar_score(left, right)
    if grammar == WEAK:
        return WEAK
    if character_pairs().get(left[-1] + right[0], 0) >= MIN_PAIR_FREQUENCY:
        return HINT  # the two characters meet inside some word: `建成区` + `公共`
    first = _FIRST_SENTENCE_RE.match(right)
    if first and len(_HAN_RE.findall(first.group())) <= 4:
        return WEAK  # `“寒流”前。`: a new paragraph does not open with a 2-word sentence
    if first and _verbless_sentence(first.group()):
        return WEAK  # `…名单上有我们` + `县城关镇中心小学。`: the end of a noun phrase
    if grammar < PHRASE and opens_no_paragraph(right, left):
        return PHRASE  # `…中国共产党` + `将坚持走和平发展道路`: the rest of a sentence
    return grammar


def plain_joint_score(left: str, right: str) -> int:
    """:func:`joint_score` where it is WORD or STRONG (the plain evidence,
    which it weighs first), NONE where it is less: for the callers that
    only ask for plain evidence, without the weighing of grammar.

    >>> plain_joint_score("整合周边村庄，成", "立设备维修服务站，设立服务电话。"), plain_joint_score("不断提升", "服务的质量。")
    (4, 0)
    """
    left, right = _simplified_near_joint(left.rstrip(), right.lstrip())
    if not left or not right:
        return NONE
    return _plain_evidence(left, right)


def _plain_evidence(left: str, right: str) -> int:
    """The evidence of :func:`joint_score` that is WORD or STRONG, else NONE
    (`left` and `right` stripped and simplified near the joint)."""
    if right[0] in NO_SENTENCE_START:
        return STRONG
    if _DIGIT_END_RE.search(left) and (right[0] in UNITS or right[0].isdigit()):
        return STRONG  # `2021年12` + `月`, `202` + `1年`: a number goes on
    if _date_goes_on(left, right):
        return STRONG  # `2021年7月` + `以来，`, `4月` + `26日，`: a date goes on
    if _word_across(left, right) and not (opens_sentence(right) and not _word_across(left, right, whole_first_word=True)):
        return WORD  # (no word spans a quotation mark, nor breaks the first word of a new sentence)
    if _CLOSES_UNOPENED_RE.match(right) and _open_quotation(left):
        return STRONG  # `right` ends the title or aside that `left` opened
    return NONE


#: A direction word and 的 (`南的`, `内的`): it follows the place it locates,
#: so no paragraph opens with it.
_LOCALIZER_START_RE = regex.compile(r"[东南西北内外旁里上下前后左右]的")
#: A list item of one Hanzi at the end (`、陪`): the items of a list in running
#: text are words of two characters or more, so this one was cut.
_LIST_ITEM_CUT_RE = regex.compile(r"、\p{Han}$")
#: A first clause that goes on listing (`护服务、健康咨询等…`).
_ENUMERATION_START_RE = regex.compile(r"[^，。；！？：,;!?:\s]{1,12}?[、等]")

#: How many characters on each side of a joint the word and grammar
#: evidence reads (and converts from Traditional script when it must).
JOINT_WINDOW = 24


def _simplified_near_joint(left: str, right: str) -> tuple[str, str]:
    """`left` and `right` with the characters near their joint in Simplified
    script: the dictionary that the evidence reads is Simplified, so a
    Traditional page (``新一輪`` + ``紓困措施``) is read as ``新一轮`` +
    ``纾困措施``.  Simplified text is returned as it is."""
    traditional = traditional_chars()
    head, tail = left[-JOINT_WINDOW:], right[:JOINT_WINDOW]
    if traditional.isdisjoint(head) and traditional.isdisjoint(tail):
        return left, right
    head_simplified, tail_simplified = to_simplified(head), to_simplified(tail)
    if len(head_simplified) != len(head) or len(tail_simplified) != len(tail):
        return left, right  # a phrase table changed the length: left as it is
    return left[: len(left) - len(head)] + head_simplified, tail_simplified + right[len(tail) :]


#: Longest sentence (Hanzi) without a verb that is taken for the rest of a
#: sentence: a paragraph opens with a clause that says something.  (Longer
#: verbless sentences are mostly ones whose verb the dictionary tags as a
#: noun: `工作关系民生`.)
MAX_VERBLESS_HANZI = 12
#: Parts of speech that make a clause say something: verbs, prepositions
#: (coverbs), adjectives (Chinese adjectives are predicates).
PREDICATE_TAGS = frozenset({"v", "vd", "vi", "vg", "vq", "vn", "p", "a", "ad"})
_CLAUSE_MARK_RE = regex.compile(r"[，,、；;：:]")


#: Fewest characters of the first clause (up to a mark) that makes a
#: one-character adverb its predicate's, not a short adverbial set off by a
#: comma (`就在这时，` `再过几天，` open paragraphs).
MIN_ADVERB_CLAUSE = 8
_FIRST_PLAIN_CLAUSE_RE = regex.compile(r"^[^，、。；：！？,;:!?…“”\"]*")
#: A number that does not start a date (`2021年…` may open a paragraph).
_COUNT_START_RE = regex.compile(r"^\d+(?:\.\d+)?(?![\d.年月日])")


#: A number and its unit (`42` `22万剂` `1000平方米`) end the text.
_QUANTITY_TAIL_RE = regex.compile(rf"\d[{HAN}]{{0,3}}$")
#: What follows a quantity (`1000平方米` + `以上`).
APPROXIMATORS = frozenset({"以上", "以下", "以内", "左右", "上下"})
#: `指出，`: a verb of speech without its speaker.
_BARE_SPEECH_RE = regex.compile(r"^(?:强调|指出|表示|说|认为|介绍|坦言|透露|告诉记者)[，,：:]")
#: Conjunctions that join a predicate to the clause before it, whose
#: subject they share (`…收集问题并及时解决`): no paragraph opens with one.
PREDICATE_LINKS = frozenset({"并", "并且", "而且", "从而", "进而"})
#: jieba's tags of personal names (a surname alone is mostly tagged ``nr``).
NAME_TAGS = frozenset({"nr", "nrfg", "nrt"})
#: Titles and roles that Chinese news writes right before a person's name
#: (`副市长彭晓明`, `市民李华`, `记者王平`); after one, a name is the rest of
#: the sentence.
ROLE_WORDS = frozenset(
    "书记 市长 县长 区长 镇长 乡长 村长 局长 部长 厅长 处长 科长 主任 主席 委员 会长 院长 校长 经理 董事长 总经理 "
    "调研员 记者 通讯员 居民 市民 村民 农民 大爷 大妈 老人 老师 教师 医生 民警 干部 党员 代表 专家 教授 负责人 "
    "发言人 队长 站长 所长 组长 社长 技术员 农技员 志愿者".split()
)


#: Parts of speech of a one-word clause (`机制，` `协调，` `点，`) that
#: ends a phrase begun before: a noun, a verb, a measure word.  A paragraph's
#: opening clause of one word is an adverbial (`同时，` `目前，` `之后，`
#: `显然，` `一大早，`: a connective, an adverb, a time or place word, an
#: adjective), which these leave out.
PHRASE_END_TAGS = NOUN_TAGS | frozenset({"v", "vi", "q"})
#: Verbs of saying and thinking that open a sentence before a comma
#: (`据悉，` `没想到，`); every `据…` ("according to") is one.
OPENING_VERBS = frozenset({"比如", "例如", "譬如", "看来", "可见", "没想到", "想不到", "要知道", "听说", "据说", "试想"})
_ONE_WORD_CLAUSE_RE = regex.compile(rf"^([{HAN}]{{1,3}})[，,](.?)")


def _ends_a_phrase_then_comma(text: str, first: str, tag: str) -> bool:
    """`text` opens with a clause of one word, a noun, a verb or a measure
    word, and a comma (`机制，搭建…` `协调，达成共识`): the end of a phrase
    begun before, not a paragraph's opening adverbial.  A topic and 是
    (`发展，是硬道理`) may open one.

    >>> _ends_a_phrase_then_comma("机制，搭建供需对接平台。", "机制", "n"), _ends_a_phrase_then_comma("据悉，该项目已开工。", "据悉", "v")
    (True, False)
    """
    clause = _ONE_WORD_CLAUSE_RE.match(text)
    if clause is None or clause.group(1) != first or clause.group(2) == "是":
        return False
    if len(first) == 1 and tag == "f":
        return True  # `外，` `后，`: a place or time word of one character is said of a noun
    if tag not in PHRASE_END_TAGS:
        return False
    return not (first.startswith("据") or first in OPENING_VERBS or opens_sentence(text))


def opens_no_paragraph(text: str, before: str = "") -> bool:
    """`text` opens with what a paragraph of news does not open with, so
    that it is the rest of a sentence begun before it.  A paragraph opens
    with a subject, a time, place or framing clause, a connective, a quote, a
    name and a verb of speech, or a verb phrase that sums up what follows;
    none of these opens with

    - a one-character adverb running on into its verb (`将坚持走和平发展道
      路`, `正诠释着…`): the adverb follows its subject, which came before
      (a short clause, `就在这时，`, is an adverbial that may open one, and
      so is a clause on 的是: `更值得一提的是，`);
    - a measure word (`公里`, `立方米`, or any after a number: `42` +
      `微克/立方米`), or what follows a quantity (`1000平方米` + `以上`);
    - a noun morpheme standing alone (`友介绍…`: the rest of a word or name);
    - a number that counts something (`66支消杀队伍`), not a date;
    - a bracket that is no list item's number (`（市）获得…`): an aside on
      the word before it;
    - a verb of speech without its speaker (`指出，`), or a conjunction that
      joins a predicate to the clause before it (`并及时予以解决`);
    - a name right after a title or role that ends `before` (`…副市长` +
      `彭晓明主持会议`);
    - a clause of one noun, verb or measure word, or of a one-character
      place or time word, and a comma (`机制，` `协调，` `后，`): a
      paragraph's opening clause of one word is an adverbial (`同时，`
      `目前，` `之后，` `据悉，`).

    `before` is the text before the joint.  Only the first words are
    looked at: the test knows nothing of the joint itself.

    >>> opens_no_paragraph("将继续加大投入力度，推动全县产业提质增效。")
    True
    >>> opens_no_paragraph("就在这时，一辆救护车开了过来。"), opens_no_paragraph("该局将按照方案推进。")
    (False, False)
    >>> opens_no_paragraph("66支消杀队伍全部到位。"), opens_no_paragraph("2021年全市新增就业3万人。")
    (True, False)
    """
    text = text.lstrip()
    if _COUNT_START_RE.match(text) or (text.startswith(("（", "(")) and not starts_list_item(text)):
        return True
    if _BARE_SPEECH_RE.match(text):
        return True
    first = _first_word(text)
    if first is None or not text.startswith(first):
        return False
    tag = _tag(first)
    if tag in NAME_TAGS and _last_word(before) in ROLE_WORDS:
        return True  # `…副市长` + `彭晓明主持会议`: the name after its title
    if first in PREDICATE_LINKS:
        return True  # `…困难和问题` + `并及时予以解决`
    if _ends_a_phrase_then_comma(text, first, tag):
        return True  # `…建立了“以赛代评”` + `机制，搭建…`
    after_quantity = _QUANTITY_TAIL_RE.search(before.rstrip()) is not None
    if tag == "q":
        return len(first) > 1 or after_quantity
    if first in APPROXIMATORS:
        return after_quantity
    if len(first) != 1:
        return False
    if tag == "ng":
        return True
    clause = _FIRST_PLAIN_CLAUSE_RE.match(text).group()
    # `更值得一提的是，`: a clause on `…的是` opens what it introduces
    return tag == "d" and len(clause) >= MIN_ADVERB_CLAUSE and not clause.endswith("的是")


def _verbless_sentence(sentence: str) -> bool:
    """`sentence` is one short clause without a verb, a preposition or an
    adjective: a noun phrase that ends a sentence begun elsewhere.

    >>> _verbless_sentence("县城关镇中心小学。"), _verbless_sentence("工程已完工。")
    (True, False)
    """
    hanzi = _HAN_RE.findall(sentence)
    if not hanzi or len(hanzi) > MAX_VERBLESS_HANZI or _CLAUSE_MARK_RE.search(sentence):
        return False
    words = [word for run in _HAN_RUN_RE.findall(sentence) for word in _segment(run)]
    return not any(word_tags().get(word, "") in PREDICATE_TAGS for word in words)


_DATE_END_RE = regex.compile(r"(?r)\d(?P<unit>[年月日])$")
_DATE_REST_RE = regex.compile(r"^(?:\d{1,2}(?P<unit>[月日])|以来|上午|下午|晚上|上旬|中旬|下旬)")
#: The unit a date's next number takes after each unit (`年` -> `月`).
_NEXT_DATE_UNIT = {"年": "月", "月": "日"}


def _date_goes_on(left: str, right: str) -> bool:
    """`left` ends in a date (`2021年7月`) and `right` opens with its rest:
    the next unit's number (`26日`), or what follows a date (`以来`
    `下午` `下旬`), which opens no paragraph after a date of its own.

    >>> _date_goes_on("本报讯 4月", "26日，我市召开会议。"), _date_goes_on("2021年7月", "以来，全市…")
    (True, True)
    >>> _date_goes_on("今年4月", "3日，我市召开会议。"), _date_goes_on("本报讯 4月", "2022年，我市…")
    (True, False)
    """
    end = _DATE_END_RE.search(left)
    rest = _DATE_REST_RE.match(right) if end is not None else None
    if rest is None:
        return False
    return rest.group("unit") is None or _NEXT_DATE_UNIT.get(end.group("unit")) == rest.group("unit")


def _may_be_strong(left: str, right: str) -> bool:
    """A cheap test for the STRONG evidence of :func:`joint_score`."""
    first = right.lstrip()[:1]
    return bool(first) and (
        first in NO_SENTENCE_START
        or ((first in UNITS or first.isdigit()) and left.rstrip()[-1:].isdigit())
        or _date_goes_on(left.rstrip(), right.lstrip())
    )


def _word_across(left: str, right: str, whole_first_word: bool = False) -> bool:
    """Whether the last characters of `left` and the first of `right` make
    a dictionary word.  With `whole_first_word`, the word must take all of
    the first word of `right` read alone (`成` + `立设备` gives 成立, 立
    being a word of one character): a word that splits it (`…馆藏图书` +
    `市民张女士…` gives 书市 and breaks 市民) is a chance meeting of
    characters, as often before a new paragraph as across a column break.

    >>> _word_across("合作社联合周边村庄成", "立设备维修服务站"), _word_across("馆藏图书", "市民张女士说", True)
    (True, False)
    """
    if not left or not right or not _HAN_RE.match(left[-1]) or not _HAN_RE.match(right[0]):
        return False
    words = word_frequencies()
    first = _first_word(right) if whole_first_word else None
    for take_left in (1, 2, 3):
        for take_right in (1, 2, 3):
            if take_left + take_right > 4 or (first is not None and take_right < len(first)):
                continue
            word = left[-take_left:] + right[:take_right]
            if len(word) == take_left + take_right and words.get(word, 0) >= MIN_WORD_FREQUENCY:
                return True
    return False


def merge_split_tables(blocks: list[Block]) -> list[Block]:
    """Tables cut by a blank line or a column break become one block again:
    adjacent table blocks with the same number of columns are merged."""
    merged: list[Block] = []
    for block in blocks:
        if (
            block.kind == TABLE
            and merged
            and merged[-1].kind == TABLE
            and _columns(merged[-1]) == _columns(block)
        ):
            merged[-1].text += "\n" + block.text
        else:
            merged.append(block)
    return merged


def _columns(block: Block) -> int:
    counts = sorted(line.count("\t") for line in block.lines)
    return counts[len(counts) // 2]


_LIST_ITEM_RE = regex.compile(r"\s*(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．](?!\d)|第[一二三四五六七八九十]+[，、,])")


def starts_list_item(text: str) -> bool:
    """`一是…`, `（一）…`, `1.…`, `第一，…`: an item of a list.

    >>> starts_list_item("一是加强组织领导。"), starts_list_item("一年来，我市…"), starts_list_item("2.5万人。")
    (True, False, False)
    """
    return _LIST_ITEM_RE.match(text) is not None


def _is_unfinished(block: Block, after: Block | None = None) -> bool:
    """A paragraph (or a paragraph piece that looked like a headline) that
    ends no sentence and is not continued on another page.  A headline-shaped
    block is such a piece when the paragraph `after` it starts inside a title
    or an aside (`…实施意见》，`): a headline is followed by no such block, so
    the short block before it is the title's start (whose opening mark the
    extraction lost).  Running text before such a block is not: the opening
    mark was lost with the text around it.  A line of its own (`own_line`,
    set when blocks are split) is never a piece."""
    if block.kind == HEADLINE and (block.own_line or (not _headline_piece(block) and not _starts_inside(after))):
        if not _paragraph_first_line(block, after):
            return False  # a headline is never continued (spec §5)
    return block.kind in (*JOINABLE, CAPTION) and not block.continued and not ends_sentence(block.text)


def _paragraph_first_line(block: Block, after: Block | None) -> bool:
    """A headline-shaped line that is the first line of the paragraph
    `after` it, which the extractor set apart: it reads as running text, not
    as a headline (it opens like a sentence, `近日，` `今年，`; or every space
    in it was spread by justification, splitting a word or standing by a lone
    character: `科技平台建 设深入推`), and the paragraph plainly continues it
    (a word across the joint, or a mark that cannot open a sentence).

    >>> _paragraph_first_line(Block("科技平台建 设深入推", HEADLINE), Block("进，产学研协同创新不断拓展。"))
    True
    >>> _paragraph_first_line(Block("增进福祉 补齐短板", HEADLINE), Block("近年来，我市补齐短板。"))
    False
    """
    text = block.text.strip()
    if after is None or after.kind != PARAGRAPH or "\n" in text or ends_sentence(text):
        return False
    if not (opens_sentence(text) or (" " in text and all(_spread_space(text, gap.start()) for gap in _SPACE_RUN_RE.finditer(text)))):
        return False
    return plain_joint_score(text, after.text) >= WORD


_SPACE_RUN_RE = regex.compile(r" +")


def _spread_space(text: str, position: int) -> bool:
    """The space at `position` was spread by justification: it stands next
    to a lone character (`2 0 2 1`, `集 中 供 暖`) or splits a word (`建 设`)."""
    left, right = text[:position].rstrip(), text[position:].lstrip()
    lone = regex.match(r"(?:^| )\S$", left[-2:]) is not None or regex.match(r"^\S(?: |$)", right[:2]) is not None
    return lone or _word_across(left, right)


def _starts_inside(block: Block | None) -> bool:
    """`block` is a paragraph that opens with a Hanzi and whose first
    sentence closes a title or an aside (`》` `）`) that it never opened: the
    rest of a title cut after its first words."""
    return block is not None and block.kind == PARAGRAPH and _CLOSES_UNOPENED_RE.match(block.text.lstrip()) is not None


def _headline_piece(block: Block) -> bool:
    """A headline-shaped block that may be a piece of a paragraph: it holds
    running-text commas, or its line was nearly as wide as the column (a
    paragraph's indented first line, cut by a column break)."""
    if PHRASE_GAP_RE.search(block.text):
        return False  # phrase spaces: a real headline
    return has_running_commas(block.text) or block.last_line_share >= PIECE_LINE_SHARE


def _continues(left: str, right: str) -> bool:
    """`right` plainly continues `left` (a word across the joint or better)."""
    return plain_joint_score(left, right) >= WORD


def _accepts(left: Block, right: Block, score: int) -> bool:
    """Whether `right` may be joined to the unfinished `left` with this score.
    A dateline opens an article."""
    if right.kind == CAPTION or left.kind == CAPTION:  # a caption goes on only in the rest of it
        return left.kind in (CAPTION, PARAGRAPH) and right.kind == CAPTION and score >= WORD
    if right.kind not in JOINABLE or opens_with_dateline(right.text) or right.resumed:
        return False  # a dateline opens an article; `上接…` resumed one from another page
    if right.kind == HEADLINE:
        return score >= WORD and " " not in right.text.strip()  # phrase spaces: a real headline
    if left.kind == HEADLINE:  # only a headline-shaped paragraph piece gets here
        if not has_running_commas(left.text) and _HAN_RE.match(left.text.rstrip()[-1:]) and _starts_inside(right):
            return True  # the start of the title that `right` closes (see _is_unfinished)
        if _REPORTED_SPEECH_RE.search(left.text) or _opens_with_date_clause(left.text):
            return score >= PHRASE  # `…负责人表示，此次…`, `2022年3月，…`: running text, no headline
        return score >= (WEAK if has_running_commas(left.text) else WORD)
    return score >= PHRASE


def restore_reading_order(doc: Document, config) -> Document:
    """Join paragraphs cut by column and page breaks, move interrupting
    captions after them, move displaced fragments into their sentence, and
    merge split tables.

    >>> from .document import Block
    >>> doc = Document([Block("整合周边村庄，成"), Block("袁占林 摄", "credit"), Block("立设备维修服务站。")])
    >>> [b.text for b in restore_reading_order(doc, None).blocks]
    ['整合周边村庄，成立设备维修服务站。', '袁占林 摄']
    """
    blocks = merge_split_tables(doc.blocks)
    texts = {id(block): block.text for block in blocks}
    blocks = gather_headline_phrases(blocks, doc)
    gathered = [block for block in blocks if texts.get(id(block)) != block.text]
    if gathered:
        blocks = _gathered_headlines_tidied(blocks, gathered, doc, config)
    blocks = move_orphan_fragments(blocks, doc)
    blocks = move_fragments_into_wraps(blocks, doc)
    index = 0
    while index < len(blocks):
        left = blocks[index]
        if not _is_unfinished(left, blocks[index + 1] if index + 1 < len(blocks) else None):
            index += 1
            continue
        following = index + 1
        while following < len(blocks) and blocks[following].kind in INTERRUPTIONS:
            if blocks[following].kind == CAPTION and _continues(left.text, blocks[following].text):
                break  # the rest of a caption the break cut, not an interruption
            following += 1
        right = blocks[following] if following < len(blocks) else None
        if right is not None and left.text.rstrip().endswith(("：", ":")) and starts_list_item(right.text):
            index += 1  # a colon before a list ends its sentence (spec §5)
            continue
        cut = CUT_LINE_SHARE <= left.last_line_share <= MAX_CUT_LINE_SHARE  # wider: a headline
        score = joint_score(left.text, right.text, cut) if right is not None else NONE
        if _heads_article(blocks, following) or (right is not None and right.resumed):
            score = NONE  # a headline over a dateline, or a `上接` line, opens an article: it continues nothing
        if score < WEAK and any(_caption_by_place(block) for block in blocks[index + 1 : following]):
            score = NONE  # the "caption" may be the rest of the sentence: only plain evidence joins past it
        fragment = None if left.kind == CAPTION else _displaced_fragment(blocks, index, following, score)
        if fragment is not None:
            moved = blocks.pop(fragment)
            if fragment < index:
                index -= 1
                following -= 1
            elif fragment < following:
                following -= 1
            evidence = joint_score(left.text, moved.text)
            if right is not None and right is not moved:  # and how it reads on into the next block
                note = f"displaced fragment moved here (evidence {evidence}, then {joint_score(moved.text, right.text)})"
            else:
                note = f"displaced fragment moved here (evidence {evidence})"
            doc.record("restore_reading_order", index, len(left.text), "", moved.text, note)
            left.text = _rejoined(left.text + moved.text.strip(), config)
            if left.kind == HEADLINE:
                index = max(index - 1, 0)  # a paragraph now, which the block before may continue into
            left.kind = PARAGRAPH
            left.last_line_share = 1.0  # a fragment stands in the middle of its sentence
            continue
        if left.kind == PARAGRAPH and (right is None or (not _accepts(left, right, score) and _breaks_off(left, right))):
            if _bring_distant_continuation(blocks, index, following, doc) or _bring_only_continuation(blocks, index, doc):
                continue  # the continuation now follows `left`: look again
            if _bring_earlier_continuation(blocks, index, doc):
                index -= 1  # the continuation stood before `left`: it now follows it
                continue
        if right is not None and _accepts(left, right, score):
            interruptions = blocks[index + 1 : following]
            doc.record("restore_reading_order", index, len(left.text), "", right.text[:20], f"joined across a break (evidence {score})")
            left.text = _rejoined(join_lines([left.text, right.text]), config)
            left.continued, left.last_line_share = right.continued, right.last_line_share
            left.end_page = _end_page(right)
            # the interruptions now follow the joined paragraph; look at the
            # same block again, which may still be unfinished, and at the
            # block before it: the joined block reads on further now, and the
            # block before may continue into it (`…各项任务` + `全` was no
            # joint, `…各项任务` + `全面完成。` is one)
            blocks[index + 1 : following + 1] = interruptions
            if left.kind == HEADLINE:
                left.kind = PARAGRAPH  # a headline-shaped piece joined is a paragraph
            elif right.kind == CAPTION:
                left.kind = CAPTION  # a caption's first lines, cut from its rest, are the caption
            index = max(index - 1, 0)
            continue
        index += 1
    doc.blocks = blocks
    return doc


def _gathered_headlines_tidied(blocks: list[Block], gathered: list[Block], doc: Document, config) -> list[Block]:
    """What the earlier steps would have done to the headlines that took
    phrases, had the extraction set each whole: the phrase spaces of a
    headline (spec §3: none next to a punctuation mark, `情暖冬日 "暖心行动”`
    -> `情暖冬日“暖心行动”`), and the repetition rules (spec §6): a phrase
    gathered next to its copy is kept once, and a headline that the gathering
    made a copy of the headline right before it (`办实事` + `开新局` before
    `办实事 开新局`) goes.  A step turned off in `config` is not redone.

    >>> rows = [Block("办实事 开新局", HEADLINE), Block("办实事 开新局", HEADLINE), Block('情暖冬日 "暖心行动”', HEADLINE)]
    >>> [b.text for b in _gathered_headlines_tidied(rows, rows[1:], Document([]), None)]
    ['办实事 开新局', '情暖冬日"暖心行动”']
    """
    if getattr(config, "normalize_spaces", True):
        for block in gathered:
            if block.kind == HEADLINE:
                block.text = space_phrases(block.text)
    if not getattr(config, "collapse_repeated_phrases", True):
        return blocks
    doc.blocks = blocks
    return collapse_repeated_phrases(doc, config).blocks


def _heads_article(blocks: list[Block], index: int) -> bool:
    """`blocks[index]` is a headline and a dateline opens the paragraph after
    it (`去年收获257个优良天` + `河北日报讯（记者…）`): the headline of the
    article that the dateline opens, which continues no sentence before it."""
    return (
        index + 1 < len(blocks)
        and blocks[index].kind == HEADLINE
        and blocks[index + 1].kind == PARAGRAPH
        and opens_with_dateline(blocks[index + 1].text)
    )


def _caption_by_place(block: Block) -> bool:
    """A caption only by its place (running text right above a photo
    credit), which says nothing of a photo (`图为…`, `图①：`): it may as well
    be the rest of a paragraph that a column break cut before the credit.

    >>> _caption_by_place(Block("延伸到各县的工作人员走上街头。", CAPTION)), _caption_by_place(Block("图为村民在采摘。", CAPTION))
    (True, False)
    """
    return block.kind == CAPTION and CAPTION_RE.match(block.text) is None and "图为" not in block.text


def _rejoined(text: str, config=None) -> str:
    """What the earlier steps would have done to the joined text, had it
    been one block: a half-width mark that now has Chinese beside it is
    widened (spec §4), a phrase or word that the joint doubled is kept once
    (§6), and the spaces are those of running text (§3), since a joined block
    is a paragraph or a caption (a headline-shaped piece loses its phrase
    spaces).  A step turned off in `config` is not redone.

    >>> _rejoined("九‘ 1420 )）（社")
    '九‘1420））（社'
    >>> _rejoined("，要把实事办到群众心坎上" + "，要把实事办到群众心坎上")
    '，要把实事办到群众心坎上'
    """
    if getattr(config, "widen_punctuation", True):
        text = widen_half_width_punctuation(text)
    if getattr(config, "collapse_repeated_phrases", True):
        text = collapse_repeated_phrase_text(text, *repeat_thresholds(config))
    if getattr(config, "collapse_doubled_words", True):
        text = collapse_doubled_word_text(text)
    if getattr(config, "normalize_spaces", True):
        text = space_running_text(text)
    return text


def _displaced_fragment(blocks: list[Block], index: int, following: int, direct: int) -> int | None:
    """The index of a short fragment elsewhere that continues block `index`
    clearly better than its neighbour does, or None."""
    left = blocks[index].text
    # a fragment moves only when the direct neighbour has no better evidence
    # than a hint; against any evidence only a plain continuation moves
    best, best_score = None, (WEAK if direct <= PHRASE else max(direct, WORD))
    low, high = max(0, index - SEARCH_WINDOW), min(len(blocks), following + SEARCH_WINDOW + 1)
    for candidate in range(low, high):
        if candidate in (index, following):
            continue
        block = blocks[candidate]
        text = block.text.strip()
        if block.kind not in JOINABLE or not _CONTENT_RE.search(text) or opens_with_dateline(text) or block.resumed:
            continue  # only punctuation (`。。。`) is no piece of a sentence; a dateline opens an article
        if block.kind == HEADLINE and (" " in text or not has_running_commas(text)):
            continue  # a real headline (phrase spaces, no running-text commas)
        if candidate > 0 and _is_unfinished(blocks[candidate - 1]) and candidate - 1 != index:
            continue  # it continues its own neighbour
        if len(text) > MAX_FRAGMENT_CHARS and not _may_be_strong(left, text):
            continue  # only a block that plainly completes the sentence moves, whatever its length
        score = plain_joint_score(left, text)  # only plain evidence moves a fragment
        if len(text) > MAX_FRAGMENT_CHARS and score < STRONG:
            continue
        if score > best_score and score >= WORD:
            best, best_score = candidate, score
    return best


#: Most characters (spaces left out) of a headline phrase that an extraction
#: may set apart from the rest of its headline: a kicker's phrases (`学党史`,
#: `排查到位`) and a main headline set beside them (`某县多措并举建强基层队伍`).
MAX_PHRASE_CHARS = 16
#: Longest phrase (characters) whose length tells a parallel phrase: the
#: phrases of one kicker or couplet headline have the same length (`学党史
#: 悟思想 办实事`, `莫道春光难揽取 浮云过后艳阳天`); two longer headlines of
#: the same length are as often a headline and its subtitle.
MAX_PARALLEL_CHARS = 8
#: Longest phrase (characters) taken for a headline's phrase when it stands
#: alone among paragraphs: a kicker's phrases are short (`学党史`, `迎新春`,
#: `排查到位`); a subhead of the text (`加强组织领导`) is longer.
MAX_LONE_PHRASE_CHARS = 4
#: How far (in blocks) a stray phrase is carried to its headline.
PHRASE_WINDOW = 2 * SEARCH_WINDOW
_REPORTER_RE = regex.compile(r"记者")
_CORRESPONDENT_RE = regex.compile(r"^通讯员\s?\p{Han}")
_CORRESPONDENT_NAMES_RE = regex.compile(r"通讯员(?: [\p{Han}·]{2,4})+")


def gather_headline_phrases(blocks: list[Block], doc: Document) -> list[Block]:
    """Put the phrases of a headline that the extraction set apart back into
    their headline (spec §2, §5).  A headline set across the columns with
    wide gaps between its phrases (`学党史    悟思想    办实事`) comes out of
    reading-order extraction (default `pdftotext`) as one block per phrase,
    each at the top of the column under it: between the two halves of a
    sentence that a column break cut, or alone among paragraphs.  A careful
    editor reads such a phrase as part of the headline:

    - a run of short headline blocks that stands between an unfinished
      paragraph and the block that continues it (a word across the joint or
      better; where a column break cut the paragraph, its last line filling
      the column, the grammar of a phrase will do; and not better into the
      phrase) interrupts the sentence: it goes to the headline nearby with a phrase of the same
      length (parallel phrases), else to the nearest headline before it on
      the page, else after the paragraph it interrupted;
    - a lone phrase of at most :data:`MAX_LONE_PHRASE_CHARS` characters
      (or a run of them) among paragraphs goes to the headline nearby with a
      phrase of the same length, or else to such a lone phrase read before
      it (the first of a kicker's phrases stays where it is);
    - two headline blocks side by side whose facing phrases have the same
      length are one headline (`从细节做起` + `从问题改起`), and so are a
      headline that ends on a verb of speech (`…座谈会上强调`) and the
      headline after it, what was said; a correspondent's line (`通讯员
      田静云`) right after a reporter's byline is the rest of that byline.

    A headline that stays where it is takes a phrase before a lone phrase
    does.  The phrases join their headline with one space, in the order read
    (the extraction's order).

    >>> rows = [("学党史", "headline"), ("一年来，我市疫苗日接", "paragraph"), ("悟思想", "headline"),
    ...         ("种能力达22万剂次。", "paragraph")]
    >>> [b.text for b in gather_headline_phrases([Block(t, k) for t, k in rows], Document([]))]
    ['学党史 悟思想', '一年来，我市疫苗日接', '种能力达22万剂次。']
    """
    phrases: dict = {"order": {id(block): number for number, block in enumerate(blocks)}}
    texts = {id(block): block.text for block in blocks}
    index = 0
    while index < len(blocks):
        end = _interrupting_run(blocks, index)
        if end is None:
            index += 1
            continue
        anchor = _phrase_anchor(blocks, index, end, parallel_only=False)
        if anchor is None:
            index = end  # no headline to go to: the joins bring the rest of the sentence up past it
            continue
        _merge_phrases(blocks, anchor, index, end, phrases, doc, "headline phrase that interrupted a sentence")
    index = 0
    while index < len(blocks):
        end = _lone_phrases(blocks, index)
        anchor = None if end is None else _phrase_anchor(blocks, index, end, parallel_only=True)
        if anchor is None:
            index += 1
            continue
        _merge_phrases(blocks, anchor, index, end, phrases, doc, "lone headline phrase")
        index = max(0, index - 1)
    index = 1
    while index < len(blocks):
        first, second = blocks[index - 1], blocks[index]
        if _parallel_neighbours(first, second) or _byline_goes_on(first, second) or _says_what_follows(first, second):
            doc.record("restore_reading_order", index - 1, len(first.text), "", second.text, "one headline (parallel phrases) or byline")
            first.text = first.text.strip() + " " + second.text.strip()
            del blocks[index]
            continue
        index += 1
    _kickers_brought_to_their_headline(blocks, doc)
    gathered = frozenset(id(block) for block in blocks if texts.get(id(block)) != block.text)
    return _phrase_grids_read_by_rows(blocks, doc, gathered)


#: A kicker of parallel phrases: two or more phrases of Hanzi of one length.
_PARALLEL_KICKER_RE = regex.compile(rf"[{HAN}]{{2,{MAX_PARALLEL_CHARS}}}(?: [{HAN}]{{2,{MAX_PARALLEL_CHARS}}})+")


def _kickers_brought_to_their_headline(blocks: list[Block], doc: Document) -> None:
    """A kicker of parallel phrases (``迎新春 助冬奥 防疫情``) that the
    extraction read before the last paragraph of the article beside it (the
    kicker stands over the next article's columns, level with that
    paragraph) joins the headline of its article, one space apart (spec §2,
    §5): the kicker stands after a paragraph or at the start, the next block
    is one paragraph that ends a sentence, and the block after it is a
    headline over a dateline.  A kicker right over its headline stays as
    it is.

    >>> rows = [Block("一批项目相继建成。"), Block("迎新春 助冬奥 防疫情", "headline"), Block("活动中，志愿者走上街头。"),
    ...         Block("全市开展冬季安全专项行动", "headline"), Block("本报讯（记者王斌）日前，全市开展专项行动。")]
    >>> _kickers_brought_to_their_headline(rows, Document([]))
    >>> [b.text for b in rows]
    ['一批项目相继建成。', '活动中，志愿者走上街头。', '迎新春 助冬奥 防疫情 全市开展冬季安全专项行动', '本报讯（记者王斌）日前，全市开展专项行动。']
    """
    index = 0
    while index + 2 < len(blocks):
        kicker, between, headline = blocks[index : index + 3]
        match = _PARALLEL_KICKER_RE.fullmatch(kicker.text.strip())
        if (
            kicker.kind == HEADLINE
            and match is not None
            and len({len(phrase) for phrase in kicker.text.split()}) == 1
            and (index == 0 or blocks[index - 1].kind == PARAGRAPH)
            and between.kind == PARAGRAPH
            and ends_sentence(between.text)
            and kicker.page == between.page == headline.page
            and _heads_article(blocks, index + 2)
        ):
            doc.record("restore_reading_order", index + 1, 0, "", kicker.text, "kicker joined to the headline of its article")
            headline.text = kicker.text.strip() + " " + headline.text.strip()
            del blocks[index]
        index += 1


#: A phrase of a headline group set in a grid: Hanzi (the parallel ones,
#: at least three) or a label or year (``盘点``, ``2021``).
_GRID_PHRASE_RE = regex.compile(rf"[{HAN}\d]{{2,{MAX_PARALLEL_CHARS}}}")
_GRID_PARALLEL_RE = regex.compile(rf"[{HAN}]{{3,{MAX_PARALLEL_CHARS}}}")
#: Most headline blocks in a row that a grid of phrases may fill.
MAX_GRID_BLOCKS = 4


def _phrase_grids_read_by_rows(blocks: list[Block], doc: Document, gathered: frozenset[int] = frozenset()) -> list[Block]:
    """A headline group set as a grid of two rows, read column by column by
    the extraction, read by rows again (spec §2, §5): phrases ``a b c d``
    (in headline blocks in a row on one page, ``b`` ending its block and
    ``c`` opening the next, as a column read down ends and the next one
    starts, and ``d`` ending its block) where ``a`` and ``c`` are parallel
    (Hanzi of one length, two different phrases) and ``b`` is of another
    length are the rows ``a c`` and ``b d``; the blocks may have been
    gathered into one headline (`gathered`, ids of the blocks that took
    phrases) before: ``奋斗百年路 盘点`` +
    ``启航新征程 2021`` -> ``奋斗百年路 启航新征程`` + ``盘点 2021``; and
    ``…思想-新时代 新作为 增进福祉`` + ``新篇章`` + ``补齐短板`` ->
    ``…思想-新时代 新作为 新篇章`` + ``增进福祉 补齐短板``.  Parallel
    phrases (对仗) stand side by side; a row that already reads so
    (``奋斗百年路 启航新征程`` + ``盘点 2021``) is left as it is, and so is
    one block of four phrases: no column break stands inside it, and the
    rows read out of it would be read again the same way.

    >>> rows = [Block("奋斗百年路 盘点", "headline"), Block("启航新征程 2021", "headline"), Block("本报讯（记者王斌）近日，市里召开会议。")]
    >>> [b.text for b in _phrase_grids_read_by_rows(rows, Document([]))]
    ['奋斗百年路 启航新征程', '盘点 2021', '本报讯（记者王斌）近日，市里召开会议。']
    >>> rows = [Block("奋斗百年路 启航新征程", "headline"), Block("盘点 2021", "headline")]
    >>> [b.text for b in _phrase_grids_read_by_rows(rows, Document([]))]
    ['奋斗百年路 启航新征程', '盘点 2021']
    """
    index = 0
    while index < len(blocks):
        if blocks[index].kind != HEADLINE:
            index += 1
            continue
        end = index
        while end < len(blocks) and end - index < MAX_GRID_BLOCKS and blocks[end].kind == HEADLINE and blocks[end].page == blocks[index].page:
            end += 1
        tokens = [(number, token) for number in range(index, end) for token in blocks[number].text.split()]
        grid = None
        for start in range(len(tokens) - 3):
            (first, a), (column, b), (next_column, c), (last, d) = tokens[start : start + 4]
            if (
                (start + 4 == len(tokens) or tokens[start + 4][0] != last)  # `d` ends its block
                and first == index  # `a` in the first block, after nothing but the rest of its headline
                # `b` ends its block and `c` opens the next (a column read
                # down), or both stand in a headline gathered from blocks
                and (column != next_column or id(blocks[column]) in gathered)
                and _GRID_PARALLEL_RE.fullmatch(_trailing_phrase(a))
                and _GRID_PARALLEL_RE.fullmatch(c)
                and len(_trailing_phrase(a)) == len(c) != len(b)
                and _trailing_phrase(a) != c  # the same phrase twice is a repeat, not a parallel
                and _GRID_PHRASE_RE.fullmatch(b)
                and _GRID_PHRASE_RE.fullmatch(d)
            ):
                grid = (start, last)
                break
        if grid is None:
            index += 1
            continue
        start, last = grid
        a, b, c, d = (token for _, token in tokens[start : start + 4])
        head = " ".join([token for _, token in tokens[:start]] + [a, c])
        before = "\n\n".join(block.text for block in blocks[index : last + 1])
        rows = [Block(head, HEADLINE, blocks[index].page, blocks[index].start), Block(f"{b} {d}", HEADLINE, blocks[index].page, blocks[index].start)]
        doc.record("restore_reading_order", index, 0, before, f"{head}\n\n{b} {d}", "a grid of headline phrases read by rows")
        blocks[index : last + 1] = rows
        index += 1  # the second row may open a grid with the blocks after it, as it would read on its own
    return blocks


def _trailing_phrase(token: str) -> str:
    """The Hanzi at the end of a headline token (``…思想-新时代`` -> ``新时代``)."""
    match = _HAN_TAIL_RE.search(token)
    return match.group() if match else ""


def _phrase(block: Block) -> bool:
    """A headline block of one short line that may be a headline's phrase: no
    running-text commas or sentence end, whole quotations, and not a line
    that fills the column (a line of a paragraph, set apart)."""
    text = block.text.strip()
    return (
        block.kind == HEADLINE
        and "\n" not in text
        and 0 < len(text.replace(" ", "")) <= MAX_PHRASE_CHARS
        and _CONTENT_RE.search(text) is not None  # marks alone (`“”`) are no phrase
        and not has_running_commas(text)
        and _SENTENCE_END_RE.search(text) is None
        and _balanced(text)
        and not CUT_LINE_SHARE <= block.last_line_share <= MAX_CUT_LINE_SHARE  # a line that fills the column is running text
    )


def _balanced(text: str) -> bool:
    """Every bracket and quotation mark of `text` opened and closed in it, in
    order: a headline holds whole titles and quotations (`“幸福来敲门”`), a
    piece of running text may hold half of one (`行动方案》和《安全`).
    Straight quotes count as the curly ones they will become (`"幸福来敲门”`
    is whole: quotes are paired later, and a second reading sees them
    curly)."""
    if '"' in text or "'" in text:
        text = curl_quotes(text)
    for opener, closer in zip(_OPENERS, _CLOSERS):
        depth = 0
        for char in text:
            if char == opener:
                depth += 1
            elif char == closer:
                depth -= 1
                if depth < 0:
                    return False
        if depth:
            return False
    return True


def _phrase_lengths(text: str) -> set[int]:
    """The lengths of the phrases of a headline that may be parallel."""
    return {len(phrase) for phrase in text.split() if 2 <= len(phrase) <= MAX_PARALLEL_CHARS}


def _interrupting_run(blocks: list[Block], start: int) -> int | None:
    """The end of the run of phrases that starts at `start`, when the run
    stands between an unfinished paragraph and the block that continues it."""
    end = start
    while end < len(blocks) and _phrase(blocks[end]):
        end += 1
    if end == start or start == 0 or end >= len(blocks):
        return None
    before, after = blocks[start - 1], blocks[end]
    if before.kind not in JOINABLE or after.kind != PARAGRAPH or not _is_unfinished(before):
        return None
    cut = CUT_LINE_SHARE <= before.last_line_share <= MAX_CUT_LINE_SHARE
    score = joint_score(before.text, after.text, cut)
    if score < (PHRASE if cut else WORD) or not _accepts(before, after, score) or opens_with_dateline(after.text):
        return None
    if joint_score(before.text, blocks[start].text) > score or joint_score(blocks[end - 1].text, after.text) > score:
        return None  # the phrase reads on from the paragraph, or into the next one, better
    return end


def _lone_phrases(blocks: list[Block], start: int) -> int | None:
    """The end of the run of single phrases of one length that starts at
    `start`, when running text (or nothing) stands on both sides of it (a
    headline of several phrases is whole: it stays where it is).  A
    headline-shaped block that the paragraph before it goes on into is
    running text, as it reads once joined."""
    end, lengths = start, set()
    while end < len(blocks) and _single_short_phrase(blocks[end]):
        lengths.add(len(blocks[end].text.strip()))
        end += 1
    if end == start or len(lengths) != 1 or not _phrase_lengths(blocks[start].text):
        return None
    neighbours = [other for other in (start - 1, end) if 0 <= other < len(blocks)]
    if all(blocks[other].kind == PARAGRAPH or (blocks[other].kind == HEADLINE and (_headline_piece(blocks[other]) or _goes_on_from(blocks, other))) for other in neighbours):
        return end
    return None


def _goes_on_from(blocks: list[Block], index: int) -> bool:
    """The headline-shaped `blocks[index]` is the rest of the unfinished
    paragraph before it, which the joins will take it into (spec §5): running
    text, as it reads once joined."""
    if index == 0:
        return False
    before, block = blocks[index - 1], blocks[index]
    if before.kind != PARAGRAPH or not _is_unfinished(before, block):
        return False
    cut = CUT_LINE_SHARE <= before.last_line_share <= MAX_CUT_LINE_SHARE
    return _accepts(before, block, joint_score(before.text, block.text, cut))


def _single_short_phrase(block: Block) -> bool:
    """One phrase (no space) of at most :data:`MAX_LONE_PHRASE_CHARS`."""
    text = block.text.strip()
    return _phrase(block) and " " not in text and len(text) <= MAX_LONE_PHRASE_CHARS


def _in_lone_run(blocks: list[Block], index: int) -> bool:
    """`blocks[index]` belongs to a run of lone phrases (see
    :func:`_lone_phrases`), which will move to a headline themselves."""
    start = index
    while start > 0 and _single_short_phrase(blocks[start - 1]):
        start -= 1
    end = _lone_phrases(blocks, start)
    return end is not None and end > index


def _phrase_anchor(blocks: list[Block], start: int, end: int, parallel_only: bool) -> int | None:
    """The headline that the phrases `blocks[start:end]` belong to: the
    nearest one on the same page with a phrase of the same length, or (unless
    `parallel_only`) the nearest one before them on the page."""
    page = blocks[start].page
    lengths = set().union(*(_phrase_lengths(block.text) for block in blocks[start:end]))
    low, high = max(0, start - PHRASE_WINDOW), min(len(blocks), end + PHRASE_WINDOW)

    def candidate(index: int, lone: bool) -> bool:
        block = blocks[index]
        if block.kind != HEADLINE or block.page != page or "\n" in block.text:
            return False
        if _headline_piece(block) and not (block.own_line or _heads_article(blocks, index)):
            return False  # a piece of a paragraph, not a headline
        return _interrupting_run(blocks, index) is None and (lone or not _in_lone_run(blocks, index))

    near = sorted(
        (index for index in range(low, high) if not start <= index < end),
        key=lambda index: (abs(index - start), index > start),
    )
    # a headline that stays where it is first; a lone phrase (which moves
    # itself) only when there is none, and for a lone phrase only one read
    # before it (the first of a kicker's phrases stays, the others come to it)
    for lone in (False, True):
        for index in near:
            if lone and parallel_only and index > start:
                continue
            if candidate(index, lone) and lengths & _phrase_lengths(blocks[index].text):
                return index
    if parallel_only:
        return None
    for index in range(start - 1, low - 1, -1):
        if blocks[index].page != page:
            return None
        if candidate(index, True):
            return index
    return None


def _merge_phrases(blocks: list[Block], anchor: int, start: int, end: int, phrases: dict, doc: Document, note: str) -> None:
    """Join the phrases `blocks[start:end]` to the headline `blocks[anchor]`
    and drop their blocks.  `phrases` keeps, for each headline that took
    phrases, its own text and theirs with their place in the extraction
    order, so that the phrases stand in the order read."""
    host = blocks[anchor]
    texts = " ".join(block.text.strip() for block in blocks[start:end])
    doc.record("restore_reading_order", anchor, 0, "", texts, f"{note} joined to its headline")
    order = phrases["order"]
    gathered = phrases.setdefault(id(host), [(order[id(host)], host.text.strip())])
    gathered.extend((order[id(block)], block.text.strip()) for block in blocks[start:end])
    host.text = " ".join(text for _, text in sorted(gathered))
    blocks[start:end] = []


def _parallel_neighbours(first: Block, second: Block) -> bool:
    """Two headline blocks side by side whose facing phrases have the same
    length: one headline set phrase by phrase."""
    if first.kind != HEADLINE or second.kind != HEADLINE or not (_phrase(first) and _phrase(second)):
        return False
    if looks_like_names(first.text) != looks_like_names(second.text):
        return False  # a byline's names and a headline's phrase
    last, following = first.text.split()[-1], second.text.split()[0]
    return len(last) == len(following) and 2 <= len(last) <= MAX_PARALLEL_CHARS


def _says_what_follows(first: Block, second: Block) -> bool:
    """A headline that ends on a verb of speech without its colon
    (`王伟在企业家座谈会上强调`) and the headline after it (what was said,
    `打造发展新优势`) are one headline."""
    return (
        first.kind == HEADLINE
        and second.kind == HEADLINE
        and "\n" not in first.text.strip() + second.text.strip()
        # `…座谈会上强调`; not `落实各项要求`, where 要求 is a noun
        and KICKER_VERB_RE.search(first.text.strip()) is not None
        and not has_running_commas(second.text)
    )


def _byline_goes_on(first: Block, second: Block) -> bool:
    """`通讯员 田静云` right after a reporter's byline is the rest of it
    (also when its title and name were set apart and gathered again as a
    headline's phrases: a title and names only).

    >>> _byline_goes_on(Block("河北日报记者 陈凤来", "byline"), Block("通讯员 田静云", "headline"))
    True
    >>> _byline_goes_on(Block("河北日报记者 陈凤来", "byline"), Block("通讯员队伍持续壮大", "headline"))
    False
    """
    text = second.text.strip()
    return (
        first.kind == BYLINE
        and (second.kind == BYLINE or (second.kind == HEADLINE and _CORRESPONDENT_NAMES_RE.fullmatch(text) is not None))
        and _REPORTER_RE.search(first.text) is not None
        and _CORRESPONDENT_RE.match(text) is not None
    )


def move_orphan_fragments(blocks: list[Block], doc: Document) -> list[Block]:
    """Move each short unfinished fragment that fits between two blocks, and
    in no other gap within reach, into that gap (spec §5: "the only place
    where the text reads as a whole sentence"): `…重要举措，` + `也是增加
    农民收入、助推` + `乡村振兴的有力抓手。`.  The fragment is an orphan (it
    continues no block before it, and no block after it continues it); the
    block before the gap ends inside a clause and the fragment goes on from
    it; the fragment's last words make a phrase with the start of the block
    after the gap.  Done before any join, so that every gap is still open.

    >>> rows = ["这项工程既是重要举措，", "乡村振兴的有力抓手。", "也是增加农民收入、助推"]
    >>> [b.text for b in move_orphan_fragments([Block(row) for row in rows], Document([]))]
    ['这项工程既是重要举措，', '也是增加农民收入、助推', '乡村振兴的有力抓手。']
    """
    moved = True
    while moved:
        moved = False
        for candidate in range(len(blocks)):
            if not _orphan_fragment(blocks, candidate):
                continue
            text = blocks[candidate].text.strip()
            low, high = max(0, candidate - SEARCH_WINDOW), min(len(blocks) - 1, candidate + SEARCH_WINDOW)
            gaps = [
                gap
                for gap in range(low, high)
                if candidate not in (gap, gap + 1)
                and _same_article(blocks, gap, candidate)
                and _is_unfinished(blocks[gap])
                and blocks[gap + 1].kind == PARAGRAPH
                and (
                    plain_joint_score(blocks[gap].text, text) >= WORD  # plainly goes on there
                    or _fits_between(blocks[gap].text, text, blocks[gap + 1].text)
                )
            ]
            if len(gaps) != 1 or plain_joint_score(blocks[gaps[0]].text, text) >= WORD:
                continue  # nowhere, in two places, or where the joins find it anyway
            gap = gaps[0]
            note = (
                f"orphan fragment moved into the one gap it fits (evidence {joint_score(blocks[gap].text, text)}, "
                f"then {joint_score(text, blocks[gap + 1].text)})"
            )
            doc.record("restore_reading_order", gap, len(blocks[gap].text), "", text, note)
            fragment = blocks.pop(candidate)
            fragment.kind = PARAGRAPH
            blocks.insert(gap + 1 if candidate > gap else gap, fragment)
            moved = True
            break
    return blocks


def _same_article(blocks: list[Block], gap: int, candidate: int) -> bool:
    """No headline or dateline (the start of an article) stands between the
    gap after block `gap` and block `candidate`."""
    between = blocks[gap + 1 : candidate + 1] if gap < candidate else blocks[candidate + 1 : gap + 1]
    return not any(
        (block.kind == HEADLINE and not _headline_piece(block)) or opens_with_dateline(block.text)
        for block in between
        if block is not blocks[candidate]
    )


def _orphan_fragment(blocks: list[Block], candidate: int) -> bool:
    """A short piece of running text (`也是增加农民收入、助推`) that holds
    no sentence end, opens with a word that links it to a clause before it
    (`也` `并` `而且`), continues no block before it, and that no block after
    it continues.  (Without the linking word, most short unfinished pieces
    of a real extraction are interleaved columns, not orphans.)"""
    block = blocks[candidate]
    text = block.text.strip()
    if block.kind == HEADLINE and not has_running_commas(text):
        return False  # a real headline
    return _first_word(text) in LINKING_WORDS and _loose_piece(blocks, candidate)


def _loose_piece(blocks: list[Block], candidate: int) -> bool:
    """Block `candidate` is a short piece of running text that holds no
    sentence end, continues no block before it, and that no block after it
    continues."""
    block = blocks[candidate]
    text = block.text.strip()
    if block.kind not in JOINABLE or len(text) > MAX_FRAGMENT_CHARS or block.continued or block.resumed:
        return False
    if _SENTENCE_END_RE.search(text) or PHRASE_GAP_RE.search(text) or " " in text:
        return False  # it holds a sentence of its own, or it is a real headline
    if candidate > 0 and not ends_sentence(blocks[candidate - 1].text) and blocks[candidate - 1].kind in JOINABLE:
        return False
    after = blocks[candidate + 1] if candidate + 1 < len(blocks) else None
    return after is None or after.kind != PARAGRAPH or joint_score(text, after.text) == NONE


def _fits_between(before: str, fragment: str, after: str) -> bool:
    """`before` ends inside a clause and `fragment` goes on from it, and the
    end of `fragment` makes a phrase with the start of `after`."""
    before = before.rstrip()
    return (
        before[-1:] in "，、；"
        and joint_score(before, fragment) >= WEAK
        and not opens_sentence(after)
        and joint_score(fragment, after) >= PHRASE
    )


#: Parts of speech of a word that a parallel structure repeats (`抓`, `包联`):
#: a verb, a noun, an adjective; not a function word, which any clause repeats.
PARALLEL_CLASSES = {**{tag: "noun" for tag in NOUN_TAGS}, **{tag: "verb" for tag in VERB_TAGS}, "a": "adjective"}
_CLAUSE_MARKS = "，,；;：:。！？!?"
#: How much of the clause on each side of a line break (characters) is
#: looked at for a parallel structure.
CLAUSE_WINDOW = 60
_CLAUSE_START_RE = regex.compile(rf"[^{_CLAUSE_MARKS}]*$")
_CLAUSE_END_RE = regex.compile(rf"^[^{_CLAUSE_MARKS}]*")


def move_fragments_into_wraps(blocks: list[Block], doc: Document) -> list[Block]:
    """Move each short loose fragment into the one line break of its article
    where it completes a sentence (spec §5: "a fragment may also belong inside
    a sentence, at a line break or at a space that stood for one").

    The fragment continues nothing around it (:func:`_loose_piece`).  The
    places looked at are the line breaks between two Hanzi in the paragraphs
    of the same article, also those that the extraction wrote as spaces
    (`Block.wrap_gaps`).  The fragment is a piece of an enumeration: it holds
    a `、` (a headline does not).  A place fits when both joints repeat the
    parallel structure of the clause there (:func:`_parallel_joint`: the
    evidence a careful editor uses in an enumeration, where the dictionary's
    joint evidence is weak) and the line break cut no word: `局领导包联乡镇
    党委 考核评比、业务骨干包联村党支部抓运行规范` + `抓责任落实、科室干部
    包联站所抓` gives three clauses `…包联…抓…`.  It moves only where
    exactly one place fits.

    >>> host = Block("他们推行了局领导包联乡镇党委考核评比、业务骨干包联村党支部抓运行规范机制。")
    >>> host.wrap_gaps = (14,)  # 14 Hanzi before it
    >>> rows = [host, Block("抓责任落实、科室干部包联站所抓", "headline"), Block("五是强化保障。")]
    >>> [b.text for b in move_fragments_into_wraps(rows, Document([]))]
    ['他们推行了局领导包联乡镇党委抓责任落实、科室干部包联站所抓考核评比、业务骨干包联村党支部抓运行规范机制。', '五是强化保障。']
    """
    moved = True
    while moved:
        moved = False
        for candidate in range(len(blocks)):
            if "、" not in blocks[candidate].text or not _loose_piece(blocks, candidate):
                continue  # a piece of an enumeration holds its mark (a headline does not)
            text = blocks[candidate].text.strip()
            low, high = max(0, candidate - SEARCH_WINDOW), min(len(blocks), candidate + SEARCH_WINDOW + 1)
            neighbours = [index for index in range(low, high) if index != candidate and _same_article(blocks, index, candidate)]
            if any(_is_unfinished(blocks[index]) and _continues(blocks[index].text, text) for index in neighbours):
                continue  # it goes on from a block: the joins take it there
            places = [
                (index, hanzi, offset)
                for index in neighbours
                if blocks[index].kind == PARAGRAPH and blocks[index].wrap_gaps
                for hanzi, offset in _gap_offsets(blocks[index])
                if _fits_into_wrap(blocks[index].text, offset, text)
            ]
            if len(places) != 1:
                continue  # nowhere, or in two places
            index, hanzi, offset = places[0]
            host = blocks[index]
            note = "fragment moved into a line break of the paragraph (parallel clauses at both joints)"
            doc.record("restore_reading_order", index, offset, "", text, note)
            host.text = host.text[:offset] + text + host.text[offset:]
            added = len(_HAN_RE.findall(text))
            host.wrap_gaps = tuple(
                [other for other in host.wrap_gaps if other < hanzi]
                + [hanzi + other for other in blocks[candidate].wrap_gaps]
                + [other + added for other in host.wrap_gaps if other > hanzi]
            )
            blocks.pop(candidate)
            moved = True
            break
    return blocks


def _gap_offsets(block: Block) -> list[tuple[int, int]]:
    """Each of the block's wrap gaps (counted in Hanzi) and its offset in the
    text: right after that many Hanzi."""
    ends = [match.end() for match in _HAN_RE.finditer(block.text)]
    return [(hanzi, ends[hanzi - 1]) for hanzi in block.wrap_gaps if 0 < hanzi < len(ends)]


def _fits_into_wrap(host: str, gap: int, fragment: str) -> bool:
    """Whether `fragment`, put into `host` at offset `gap` (between two
    Hanzi), repeats the parallel structure of the clause there at both of its
    joints.  No fragment goes into a word that the line break cut."""
    if not (0 < gap < len(host)) or not (_HAN_RE.match(host[gap - 1]) and _HAN_RE.match(host[gap])):
        return False  # a later step changed the text around the gap
    left, right = host[max(0, gap - CLAUSE_WINDOW) : gap], host[gap : gap + CLAUSE_WINDOW]
    if _word_across(left, right):
        return False  # `管理办 法`: the two halves of a word, nothing was lost between
    before, after = _CLAUSE_START_RE.search(left).group(), _CLAUSE_END_RE.match(right).group()
    pieces = [_segment(before), _segment(fragment), _segment(after)]
    return _parallel_joint(pieces, 0) and _parallel_joint(pieces, 1)


def _parallel_joint(pieces: list[tuple[str, ...]], joint: int) -> bool:
    """Whether the two words at joint `joint` (0: between the first and the
    second of `pieces`, 1: between the second and the third) repeat a pair of
    words of the host clause outside the fragment: the same verb, noun or
    adjective after (or before) a word of the same class (`党委` + `抓` as
    in `党支部抓`; `抓` + `示范` as in `抓运行`).

    >>> pieces = [["干部", "包", "联", "党委"], ["抓", "责任"], ["、", "包", "联", "支部", "抓", "运行"]]
    >>> _parallel_joint(pieces, 0), _parallel_joint(pieces, 1)
    (True, False)
    """
    left, right = pieces[joint], pieces[joint + 1]
    if not left or not right:
        return False
    pair = (left[-1], right[0])
    return any(_repeats(pair, other) for words in (pieces[0], pieces[2]) for other in zip(words, words[1:]))


def _parallel_class(word: str) -> str | None:
    return PARALLEL_CLASSES.get(_tag(word))


def _repeats(pair: tuple[str, str], other: tuple[str, str]) -> bool:
    """`other` has one word of `pair` (a verb, noun or adjective) in the same
    place, and a word of the same class as `pair`'s other word in the other."""
    for same, differs in ((0, 1), (1, 0)):
        if pair[same] == other[same] and _parallel_class(pair[same]) is not None:
            if pair[differs] != other[differs] and _parallel_class(pair[differs]) == _parallel_class(other[differs]) is not None:
                return True
    return False
#: How far (in blocks) to look for the continuation of a paragraph that a
#: column break cut, past the other columns' complete blocks.
DISTANT_WINDOW = 30


def _end_page(block: Block) -> int:
    """The page of the last line of `block` (it may have been joined to a
    piece from the next page)."""
    return block.page if block.end_page is None else block.end_page


def _breaks_off(left: Block, right: Block) -> bool:
    """`right` plainly does not go on from `left`: it is no paragraph, it is
    on another page, it resumes an article from another page, or it opens a
    sentence."""
    return right.kind != PARAGRAPH or right.page != _end_page(left) or right.resumed or opens_sentence(right.text)


def _bring_distant_continuation(blocks: list[Block], index: int, following: int, doc: Document) -> bool:
    """Move the column piece that continues the unfinished paragraph
    `blocks[index]` up to it, when the extraction set other blocks between:
    the first paragraph on the same page, past `following` and before the
    next dateline (another article), that plainly continues it and that
    continues the block before it no better.  Plainly, this far away: it
    opens with what cannot open a sentence (``，`` ``）``), or it makes a
    word across the joint (``…撬`` + ``动社会资金``) where `blocks[index]`
    ends in the first half of a word, or where a column break cut it (its
    last line filled the column) and no headline stands between (another
    article may start there) but for headlines alone right before it (a
    headline's phrases, set one a line beside the column, interrupt the
    sentence).  (A paragraph that ends short without a
    sentence end lost its rest: ``…放手发`` + ``明确标准`` is no
    continuation.)  The piece runs on through the paragraphs
    after it until a block that is no paragraph, follows an unfinished
    paragraph (the piece's own column break), or a paragraph that continues
    the unfinished block the piece is moved past.  Returns whether it moved
    anything.

    >>> rows = ["市级科技计划给予资金支持，撬", "（上接A7版）景县殡仪馆开通了网上祭扫通道，各县市区都", "动社会资金5176万元。", "成立了服务机构。"]
    >>> blocks = [Block(row) for row in rows]
    >>> blocks[0].last_line_share = 1.0
    >>> _bring_distant_continuation(blocks, 0, 1, Document([]))
    True
    >>> [b.text[:6] for b in blocks]
    ['市级科技计划', '动社会资金5', '（上接A7版', '成立了服务机']
    """
    left = blocks[index]
    # its last line filled the column (a column break cut it), or it ends in the first half of a word
    cut = CUT_LINE_SHARE <= left.last_line_share <= MAX_CUT_LINE_SHARE
    half_word = _cut_word(left.text)
    end = min(len(blocks), following + DISTANT_WINDOW)
    if following >= len(blocks) or opens_with_dateline(blocks[following].text) or blocks[following].kind == SUBTITLE:
        return False  # a dateline or a subtitle (`——…`) opens what follows: the rest is not past it
    past_headline = False
    for candidate in range(following + 1, end):
        block = blocks[candidate]
        if block.page != _end_page(left) or opens_with_dateline(block.text) or block.kind == SUBTITLE:
            return False  # another page, or another article
        past_headline = past_headline or (blocks[candidate - 1].kind == HEADLINE and not _headline_piece(blocks[candidate - 1]))
        if block.kind != PARAGRAPH:
            continue
        score = joint_score(left.text, block.text)
        # past a headline (another article may start there), only a word's
        # lost half, unless the headlines alone interrupt (a headline's phrases
        # set one a line beside the column)
        interrupted = not past_headline or all(b.kind == HEADLINE for b in blocks[following:candidate])
        if score < (WORD if half_word or (cut and interrupted) else STRONG) or not _accepts(left, block, score) or opens_sentence(block.text):
            continue
        before = blocks[candidate - 1]
        if before.kind in JOINABLE and not ends_sentence(before.text) and joint_score(before.text, block.text) >= score:
            continue  # it continues its own neighbour as well
        skipped_open = [b for b in blocks[following:candidate] if b.kind == PARAGRAPH and not ends_sentence(b.text)]
        last = candidate + 1
        while (
            last < len(blocks)
            and blocks[last].page == _end_page(left)
            and blocks[last].kind == PARAGRAPH
            and ends_sentence(blocks[last - 1].text)
            and not opens_with_dateline(blocks[last].text)
            and not (skipped_open and joint_score(skipped_open[-1].text, blocks[last].text) >= PHRASE)
        ):
            last += 1
        _move_up(blocks, index, candidate, last, doc, "column piece of {} blocks moved up to the paragraph it continues (evidence %d)" % score)
        return True
    return False


def _move_up(blocks: list[Block], index: int, first: int, last: int, doc: Document, note: str) -> None:
    """Move `blocks[first:last]` to right after `blocks[index]` and record
    it; `note` has a ``{}`` for the number of blocks moved."""
    piece = blocks[first:last]
    doc.record("restore_reading_order", index + 1, 0, "", "\n\n".join(b.text for b in piece)[:40], note.format(len(piece)))
    blocks[first:last] = []
    blocks[index + 1 : index + 1] = piece



def _bring_earlier_continuation(blocks: list[Block], index: int, doc: Document) -> bool:
    """Move the paragraph that continues the unfinished paragraph
    `blocks[index]` from before it to right after it (spec §5: the block
    that completes an unfinished sentence moves to it, also when it stood
    before it): pdfminer.six may write the top of a column before the bottom
    of the column to its left.  `blocks[index]` was cut by a column break
    (its last line filled the column).  The paragraph stands on the same
    page, after the last headline before `blocks[index]` (a continuation
    never stands before its article's headline); its first line fills the
    column without an indent (a paragraph's first line does not); it
    continues no block before it and does not open like a new sentence; and
    it opens with what
    cannot open a sentence, or it completes the word that `blocks[index]`
    cut (its last word a single character that makes a word with what the
    paragraph opens with: ``…确`` + ``保整治成果…``).  This far away, a word
    across the joint between two whole words is no evidence (``…不少临街`` +
    ``市容问题…``).  The nearest such paragraph moves.  Returns whether it
    moved anything.

    >>> rows = ["全市开展了专项整治。", "保工程质量过硬，群众满意。", "各县区已完成整改任务。", "要建立长效机制，确"]
    >>> blocks = [Block(row) for row in rows]
    >>> blocks[3].last_line_share, blocks[1].opens_full_line = 1.0, True
    >>> _bring_earlier_continuation(blocks, 3, Document([]))
    True
    >>> [b.text for b in blocks]
    ['全市开展了专项整治。', '各县区已完成整改任务。', '要建立长效机制，确', '保工程质量过硬，群众满意。']
    """
    left = blocks[index]
    if not CUT_LINE_SHARE <= left.last_line_share <= MAX_CUT_LINE_SHARE:
        return False
    for candidate in range(index - 1, max(-1, index - DISTANT_WINDOW), -1):
        block = blocks[candidate]
        if block.page != left.page or (block.kind == HEADLINE and not _headline_piece(block)) or block.kind == SUBTITLE:
            return False  # another page, or the start of this article
        if block.kind != PARAGRAPH or not block.opens_full_line or opens_with_dateline(block.text) or opens_sentence(block.text):
            continue  # a paragraph's first line is indented or short by an indent
        before = blocks[candidate - 1] if candidate > 0 else None
        if before is not None and before.kind in JOINABLE and not ends_sentence(before.text):
            continue  # it goes on from its own neighbour
        score = joint_score(left.text, block.text)
        if score < (WORD if _completes_cut_word(left.text, block.text) else STRONG) or not _accepts(left, block, score):
            continue
        note = f"continuation moved from before the paragraph it continues (evidence {score})"
        doc.record("restore_reading_order", index, len(left.text), "", block.text[:40], note)
        blocks.insert(index, blocks.pop(candidate))
        return True
    return False


def _completes_cut_word(left: str, right: str) -> bool:
    """`left` ends in a single character, a content word of its own, that
    makes a dictionary word with the start of `right`: a word that the line
    end cut (``…确`` + ``保``, ``…市`` + ``委``).  A function word (``的``
    ``和`` ``在``) ends a phrase as often: no evidence; nor is a word across
    that breaks the first word of `right` (its rest was lost).

    >>> _completes_cut_word("要建立长效机制，确", "保整治成果"), _completes_cut_word("不少临街", "市容问题")
    (True, False)
    >>> _completes_cut_word("我们的", "确保安全"), _completes_cut_word("让企业家放手发", "明确分类标准")
    (False, False)
    """
    last, first = _last_word(left), _first_word(right)
    if last is None or len(last) != 1 or _tag(last) in OPEN_ENDING_TAGS or first is None:
        return False
    # the word across must not break the first word of `right` (`…放手发` +
    # `明确标准`: 发明 would break 明确; the text between was lost)
    return len(first) == 1 and _word_across(last, right.lstrip(_LEADING_MARKS))


def _bring_only_continuation(blocks: list[Block], index: int, doc: Document) -> bool:
    """Move up the one paragraph of the page that reads on from the
    unfinished `blocks[index]` as a word across the joint (or better), when
    it is the only such place for both (spec §5: "the only place where the
    text reads as a whole sentence"): no other unfinished paragraph of the
    page reads on into it, it does not continue the block before it as well,
    and it opens no sentence.  Reading-order extraction (default `pdftotext`)
    may set an article that spans the columns, dateline and all, between a
    column's end (`…16至24岁登记失`) and its rest (`业青年，对吸纳…`), where
    :func:`_bring_distant_continuation` does not look.  The paragraph moves
    with the paragraphs of its column after it, as there.  Returns whether it
    moved anything."""
    left = blocks[index]
    if not CUT_LINE_SHARE <= left.last_line_share <= MAX_CUT_LINE_SHARE:
        return False  # a paragraph that ends short lost its rest
    low, high = index, index + 1
    while low > 0 and blocks[low - 1].page == left.page:
        low -= 1
    while high < len(blocks) and blocks[high].page == left.page:
        high += 1
    found = []
    for candidate in range(index + 1, high):
        block = blocks[candidate]
        if block.kind != PARAGRAPH or opens_sentence(block.text):
            continue
        score = joint_score(left.text, block.text)
        if score < WORD or not _accepts(left, block, score):
            continue
        if score == WORD and not _bound_first_character(left.text, block.text):
            continue  # `…给予每人` + `为有效…`: 人为 is a word, but 为 opens clauses on its own
        before = blocks[candidate - 1] if candidate > 0 else None
        if before is not None and before is not left and before.kind in JOINABLE and not ends_sentence(before.text) and plain_joint_score(before.text, block.text) >= WORD:
            continue  # it continues its own neighbour
        found.append(candidate)
    if len(found) != 1 or found[0] == index + 1:
        return False  # nowhere, in two places, or right after it (the joins take it)
    candidate = found[0]
    rivals = [
        other
        for other in range(low, high)
        if other not in (index, candidate)
        and blocks[other].kind == PARAGRAPH
        and _is_unfinished(blocks[other])
        and plain_joint_score(blocks[other].text, blocks[candidate].text) >= WORD
    ]
    if rivals:
        return False
    last = candidate + 1
    while (
        last < high
        and last != index
        and blocks[last].kind == PARAGRAPH
        and ends_sentence(blocks[last - 1].text)
        and not opens_with_dateline(blocks[last].text)
    ):
        last += 1
    evidence = joint_score(left.text, blocks[candidate].text)
    _move_up(blocks, index, candidate, last, doc, "the one paragraph of the page that continues it moved up ({} blocks, evidence %d)" % evidence)
    return True


#: Least frequency of the two-character word across a joint, as a share of
#: the frequency of its second character alone, for the word to say that
#: the character is the second half of a word (失业 : 业 is 0.28, 措施 : 施
#: 2.9) rather than a word that opens the next clause (人为 : 为 is 0.006).
MIN_BOUND_SHARE = 0.1


def _bound_first_character(left: str, right: str) -> bool:
    """The first character of `right` is bound to the last of `left`: the
    two make a word that is common next to how often the character stands
    alone (`登记失` + `业青年`).

    >>> _bound_first_character("登记失", "业青年，"), _bound_first_character("给予每人", "为有效聚焦")
    (True, False)
    """
    left, right = left.rstrip(), right.lstrip()
    if not left or not right:
        return False
    words = word_frequencies()
    joint = words.get(left[-1] + right[0], 0)
    return joint >= MIN_WORD_FREQUENCY and joint >= MIN_BOUND_SHARE * words.get(right[0], 0)
