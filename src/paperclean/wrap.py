"""Finding blocks and joining the hard wraps inside them (spec §2)."""

from __future__ import annotations

import sys
from collections import deque
from functools import cached_property
from itertools import accumulate

import regex

from .chardata import DATELINE_LEAD_RE, KICKER_VERB_RE, PHRASE_GAP_RE, dateline_lines, display_width, display_widths, ends_sentence, ends_sentences, has_running_commas
from .classify import CREDIT_RE, ELLIPSIS_RE, REPORTER_RE, SUBTITLE_RE, classify, is_headline_text
from .spacing import is_letter_spaced
from .document import (
    BYLINE,
    CAPTION,
    CREDIT,
    FURNITURE,
    HEADLINE,
    JUMP,
    PARAGRAPH,
    PHRASE_KINDS,
    SUBTITLE as SUBTITLE_KIND,
    TABLE,
    Block,
    Document,
)

#: A leading line is a headline glued to its paragraph when it is at most this
#: share of the paragraph's column width.
HEADLINE_WIDTH_SHARE = 0.75
#: A multi-line headline whose first line fills this share of the column was
#: wrapped by the column; a shorter first line was set as a phrase of its own.
FULL_LINE_SHARE = 0.9
#: A line narrower than this share of its column ends a paragraph (or is a
#: headline) when no blank lines separate the paragraphs.
SHORT_LINE_SHARE = 0.7
#: A line this many times the column is a paragraph left unwrapped.
UNWRAPPED_LINE_SHARE = 1.4
#: Longest caption (characters) recognized by the credit line under it.
MAX_CAPTION_CHARS = 200
#: A line that ends a sentence ends its paragraph when narrower than this share.
ENDED_LINE_SHARE = 0.9
#: An indent is two characters: four cells.
INDENT_CELLS = 4
#: A line this many cells wider than its column is a headline across columns.
WIDE_LINE_CELLS = 3
#: Lines narrower than this share of the column that end no sentence are the
#: phrases of one headline or byline set line by line.
PHRASE_LINE_SHARE = 0.5
#: Lines of a caption box differ from the column by more than this many cells...
CAPTION_MISFIT_CELLS = 3
#: ... or, in a box about as wide as the column, are exactly as wide as each
#: other (but for characters of unsure width), at least this many of them.
MIN_EXACT_CAPTION_LINES = 3
#: ... and a first line that ends no sentence must be narrower than this
#: share to be a headline of its own.
HEADLINE_LINE_SHARE = 0.7
#: A block of fewer lines is measured against the page's typical column...
MIN_LINES_FOR_COLUMN = 5
#: ... when the page has at least this many inner lines to tell it.
MIN_LINES_FOR_PAGE_COLUMN = 10
#: Lines on each side that make up a line's neighbourhood for its column width.
COLUMN_WINDOW = 6
#: Fewest characters in a headline split off a paragraph.
MIN_HEADLINE_CHARS = 4

#: Blocks of at most this many lines may be the lines of columns that the
#: extractor interleaved: pdfminer.six at a wide leading writes every line as
#: a box of its own, row by row across the columns.
INTERLEAVED_UNIT_LINES = 3
#: Fewest such blocks in a row before they are read as interleaved columns.
MIN_INTERLEAVED_RUN = 6
#: Narrowest column (display cells of the run's median line) whose lines may
#: have been set apart: a newspaper column holds six Hanzi a line or more,
#: and shorter one-line blocks in a row are headlines, labels or debris.
MIN_INTERLEAVED_COLUMN_CELLS = 12
#: Most columns told apart in one stretch.
MAX_INTERLEAVED_COLUMNS = 4
#: A stretch is read as interleaved only when at least this share of its
#: lines fill their column (a column's lines are justified to one width).
INTERLEAVED_FULL_SHARE = 0.6
#: Evidence every stretch must bring: a reading is changed only where the
#: joints it makes read clearly better than the joints as extracted.
STRETCH_COST = 1.5
#: Evidence of a pair of characters across a joint that the document holds
#: elsewhere (a word cut by the line end): as strong as an indented line
#: after a sentence end.
PAIR_WEIGHT = 2
#: Weight of the evidence at a column's turn (the last line of a column
#: going on at the top of the next one) against a joint inside a column: a
#: stretch has one turn per column but many joints, and a column's bottom is
#: where a short last row or a caption box breaks the rows.  Half: chosen on
#: two layout seeds of the real-extraction benchmark (1 and 2 overweigh it).
TURN_WEIGHT = 0.5
#: Longest stretch (in blocks) weighed at once, and longest run of short
#: blocks weighed together, so that time stays linear.
MAX_STRETCH_UNITS = 160
MAX_INTERLEAVED_RUN = 400
#: Lines on each side that make up a block's neighbourhood for its column.
INTERLEAVED_WINDOW = 8

# the end patterns search backwards ((?r)): they are tried against the
# joined text at every wrap, and a forward search would scan it all each time
_LATIN_END_RE = regex.compile(r"(?r)[A-Za-z][A-Za-z0-9]*[.,;:!?)'\"]?$")
_LATIN_START_RE = regex.compile(r"[A-Za-z(\"']")
_HYPHEN_END_RE = regex.compile(r"(?r)[a-z]-$")
#: Characters whose printed width depends on the font: half-width
#: characters and curly quotes.
_UNSURE_WIDTH_RE = regex.compile(r"[\x21-\x7e“”‘’]")
#: Digits (half a Hanzi) and curly quotes (half or a whole Hanzi) have
#: widths known within bounds.
_BOUNDED_WIDTH_RE = regex.compile(r"[0-9“”‘’]")
#: Curly quotes and the mark one cell wide they are measured as (the narrower).
_NARROW_QUOTES = (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"))
#: A Hanzi standing alone between spaces: justification spread its line.
_LONE_HAN_RE = regex.compile(r"(?<= )\p{Han}(?= )")
#: Two names of two or three characters: a byline.  (Three such words may be
#: a headline's phrases: ``学党史 悟思想 办实事``.)
TWO_NAMES_RE = regex.compile(r"[\p{Han}·]{2,3} [\p{Han}·]{2,3}")
#: A reporter's title alone on its line (``河北日报记者``), and a line of
#: names after it (``陈凤来``).
REPORTER_TITLE_RE = regex.compile(
    r"\s*(?:本报(?:特约)?(?:记者|通讯员)|\p{Han}{2,8}(?:日报|晚报|新闻社|电视台)(?:特约)?(?:记者|通讯员)|通讯员|见习记者)\s*"
)
NAMES_LINE_RE = regex.compile(r"\s*[\p{Han}·]{2,4}(?: [\p{Han}·]{2,4}){0,3}\s*")
#: Longest line read as a byline of its own.
MAX_BYLINE_CHARS = 24
_SENTENCE_END_RE = regex.compile(r"[。！？]")
_CLAUSE_MARK_RE = regex.compile(r"[，。、；：！？,;:!?]")
#: A phrase of a headline set one per line: Hanzi only.
_HAN_PHRASE_RE = regex.compile(r"\p{Han}{2,8}")
_PHOTO_SAYS_LAST_RE = regex.compile(r"(?:^|[。！？]\s*)(?:图为|图片为)[^。！？]*$")
#: A line that opens with a numbered caption marker (``图①：``, ``图2：``)
#: starts a caption: a sentence never wraps to put ``图①：`` at a line start.
_NUMBERED_CAPTION_RE = regex.compile(r"[ \u3000]*图(?:[①-⑳]|\d{1,2})\s*[:：]")


def join_lines(lines: list[str], phrase_space: bool = False) -> str:
    """Join wrapped lines: nothing between CJK, one space between Latin words,
    lowercase Latin words dehyphenated.  With `phrase_space`, lines are
    phrases of a headline and are joined with one space.

    >>> join_lines(["成立设备维修服", "务站，设立服务电话。"])
    '成立设备维修服务站，设立服务电话。'
    >>> join_lines(["the extrac-", "tion of text", "works"])
    'the extraction of text works'
    >>> join_lines(["（2019-", "2025年）"])
    '（2019-2025年）'
    >>> join_lines(["织密“监测网”", "提升基层服务水平"], phrase_space=True)
    '织密“监测网” 提升基层服务水平'
    """
    out = lines[0].rstrip()
    for line in lines[1:]:
        line = line.strip()
        if not line:
            continue
        if not out:
            out = line
        elif phrase_space:
            out = f"{out} {line}"
        elif not line[0].isascii():
            out += line  # the usual CJK line (the joints below start with ASCII)
        elif _HYPHEN_END_RE.search(out) and line[0].islower() and line[0].isascii():
            out = out[:-1] + line
        elif _LATIN_END_RE.search(out) and _LATIN_START_RE.match(line):
            out = f"{out} {line}"
        else:
            out += line
    return out


def split_blocks(doc: Document, config) -> Document:
    """Split what the extraction glued into one block, then classify every block.

    - a line that is only ``……`` and a ``——`` subtitle line are blocks of
      their own;
    - a photo credit on the line after its caption is a block of its own;
    - short lines in front of a paragraph that read as a headline (they are
      clearly narrower than the paragraph's column and end no sentence) are
      split off.

    >>> doc = split_blocks(Document([Block("织密“监测网”\\n提升基层服务水平\\n当前，全市秋粮收购工作仍在\\n有序推进，各地收储进度较快。")]), None)
    >>> [(b.kind, b.text) for b in doc.blocks]
    [('headline', '织密“监测网”\\n提升基层服务水平'), ('paragraph', '当前，全市秋粮收购工作仍在\\n有序推进，各地收储进度较快。')]
    """
    doc.blocks = _bylines_rejoined(doc, read_interleaved_columns(doc))
    blocks: list[Block] = []
    page_column = typical_column(doc.blocks)
    source = _split_tables(doc.blocks)
    for index, block in enumerate(source):
        if block.kind in (TABLE, FURNITURE, JUMP):
            classify(block)
            blocks.append(block)
            continue
        if index + 1 < len(source) and _is_caption_box(block, source[index + 1], page_column):
            block.kind = CAPTION
            blocks.append(block)
            continue
        previous_ends = not blocks or ends_sentence(blocks[-1].text) or blocks[-1].kind != PARAGRAPH
        parts = _split_lines(block.lines, previous_ends, page_column)
        if len(parts) > 1:
            after = "\n\n".join("\n".join(part) for part, _kind in parts)
            doc.record("split_blocks", len(blocks), 0, block.text, after, f"split into {len(parts)} blocks")
        for number, (part, shape_kind) in enumerate(parts, 1):
            new = Block("\n".join(part), block.kind, block.page, block.start)
            new.continued = block.continued and number == len(parts)
            new.resumed = block.resumed and number == 1
            classify(new)
            if shape_kind is not None and new.kind in (PARAGRAPH, HEADLINE):
                new.kind = shape_kind
            pieces = _credit_set_apart(new) if new.kind == CAPTION else [new]
            if len(pieces) > 1:
                doc.record("split_blocks", len(blocks), len(pieces[0].text), " ", "\n\n", "a credit set apart from its caption")
            blocks.extend(pieces)
    for index, (block, column) in enumerate(zip(blocks, column_widths(blocks))):
        block.own_line = block.kind == HEADLINE and _stands_alone(blocks, index, column)
        if block.kind == HEADLINE and not block.own_line and (
            _is_cut_paragraph(block, column)
            or _is_spread_line(block, column)
            or _is_first_line_cut_off(blocks, index, column)
            or _is_spread_first_line(blocks, index, column)
        ):
            block.kind = PARAGRAPH
    for previous, block in reversed(list(zip(blocks, blocks[1:]))):  # a caption's parts from the credit up
        if block.kind == CREDIT and _is_caption_text(previous):
            previous.kind = CAPTION
        elif block.kind == CAPTION and previous.kind == PARAGRAPH and _is_caption_start(previous):
            previous.kind = CAPTION  # the caption's first lines, cut from its last
    doc.blocks = blocks
    return doc


#: A credit on the caption's last line, after its sentence end and a space
#: (`图为…农产品。 本报记者 王明 摄`).
_TRAILING_CREDIT_RE = regex.compile(r"(?<=[。！？…][”’）)]?)[ \u3000]+(?P<credit>[^。！？\s][^。！？\n]{0,36})$")


def _is_caption_box(block: Block, following: Block, page_column: int) -> bool:
    r"""`block` is a photo caption in a box of its own measure, above its
    credit in the next block (pdfminer.six writes the box's text and the
    credit as two boxes): a short text that ends a sentence, its lines but
    the last as wide as each other and wider or narrower than the page's
    column.  Its lines are a caption's, not headlines across the columns.

    >>> credit = Block("本报记者 王明 摄")
    >>> _is_caption_box(Block("图为村民在新建的文化广场上跳\n起广场舞，庆祝农民丰收节到来\n时的热闹场景。"), credit, 22)
    True
    >>> _is_caption_box(Block("图为村民在新建的文化广场上跳\n起广场舞，庆祝农民丰收节到来\n时的热闹场景。"), Block("新闻标题"), 22)
    False
    >>> _is_caption_box(Block("村民在文化广场上跳起广\n场舞，庆祝丰收节到来。"), credit, 22)
    False
    """
    lines = block.lines
    if (
        len(lines) < 2
        or "\n" in following.text
        or not ("摄" in following.text and CREDIT_RE.fullmatch(following.text.strip()))
        or len(block.text) > MAX_CAPTION_CHARS
        or not ends_sentence(block.text)
    ):
        return False
    widths = _printed_widths(lines[:-1])
    slack = max(_unsure_cells(line) for line in lines[:-1])
    return max(widths) - min(widths) <= slack + 1 and abs(widths[0] - page_column) > CAPTION_MISFIT_CELLS


def _credit_set_apart(caption: Block) -> list[Block]:
    """A caption and the credit that the extraction set on its last line,
    as two blocks: a credit is a block of its own (spec §7).

    >>> [(b.kind, b.text) for b in _credit_set_apart(Block("图为村民在服务站直播。 本报记者 王明 摄", CAPTION))]
    [('caption', '图为村民在服务站直播。'), ('credit', '本报记者 王明 摄')]
    >>> [b.text for b in _credit_set_apart(Block("图为村民在服务站直播。 他说，很好。", CAPTION))]
    ['图为村民在服务站直播。 他说，很好。']
    """
    match = _TRAILING_CREDIT_RE.search(caption.text)
    if match is None or not CREDIT_RE.fullmatch(match.group("credit")):
        return [caption]
    credit = Block(match.group("credit"), CREDIT, caption.page, caption.start)
    credit.continued, caption.continued = caption.continued, False
    caption.text = caption.text[: match.start()]
    return [caption, credit]


def read_interleaved_columns(doc: Document) -> list[Block]:
    r"""Columns that the extractor interleaved line by line, read one after
    another (issue 9).

    pdfminer.six (and ``pdftotext`` at a wider leading) may write every line
    of a page as a box of its own, ordered row by row across the columns: the
    first line of each column, then the second of each...  Such a run of
    short blocks is cut into stretches, and each stretch is read with the
    number of columns (1 to 4) whose lines, taken every k-th, join best: a
    sentence end before an indented line, an unfinished line before a line
    that is not indented, a pair of characters across the joint that the
    document holds elsewhere; and the last line of each column going on at
    the top of the next (weighed at :data:`TURN_WEIGHT`).  A stretch is read
    apart only when at least :data:`INTERLEAVED_FULL_SHARE` of its lines fill
    their column, none is wider than its column (a headline across the
    columns, or columns of another width, end a stretch), its first row is a
    line of each column (full, or short by a dropped indent; after the first
    column also a paragraph's last line) and the joints gain more than
    :data:`STRETCH_COST`; each column becomes one block
    whose paragraphs are found later.  A stretch of such lines that is one
    column in order becomes one block too.  Other blocks are left as they
    are.

    >>> rows = ["今年以来，我市持续推进民生工", "近日，记者从市住建局获悉，全", "程建设，一批项目相继建成投用", "市老旧小区改造任务已完成九成", "后，群众获得感明显增强，生活", "以上，居民满意度持续提升，改", "更加便利。", "造工作进展顺利。"]
    >>> [b.text for b in read_interleaved_columns(Document([Block(row) for row in rows]))]
    ['今年以来，我市持续推进民生工\n程建设，一批项目相继建成投用\n后，群众获得感明显增强，生活\n更加便利。', '近日，记者从市住建局获悉，全\n市老旧小区改造任务已完成九成\n以上，居民满意度持续提升，改\n造工作进展顺利。']
    """
    blocks = doc.blocks
    if sum(1 for block in blocks if len(block.text) < 200 and block.text.count("\n") < INTERLEAVED_UNIT_LINES) < MIN_INTERLEAVED_RUN:
        return blocks
    evidence = _JointEvidence(blocks)
    out: list[Block] = []
    start = 0
    while start < len(blocks):
        end = start
        while (
            end < len(blocks)
            and blocks[end].page == blocks[start].page
            and blocks[end].kind == PARAGRAPH
            and blocks[end].text.count("\n") < INTERLEAVED_UNIT_LINES
        ):
            end += 1
        if end - start < MIN_INTERLEAVED_RUN:
            out.extend(blocks[start : max(end, start + 1)])
            start = max(end, start + 1)
            continue
        # a page holds a few hundred lines: a longer run is weighed in pieces
        run = blocks[start : min(end, start + MAX_INTERLEAVED_RUN)]
        end = start + len(run)
        widths = sorted(display_width(block.text.split("\n", 1)[0].strip()) for block in run)
        # columns hold running text: a run without one clause mark is a list;
        # and a column's lines mostly end inside a sentence: a run of whole
        # paragraphs, each ending one, is no set of interleaved lines
        if (
            widths[len(widths) // 2] < MIN_INTERLEAVED_COLUMN_CELLS
            or not any(_CLAUSE_MARK_RE.search(b.text) for b in run)
            or sum(1 for b in run if ends_sentence(b.text)) * 2 > len(run)
        ):
            out.extend(run)
            start = end
            continue
        column_cells = widths[len(widths) // 2]
        run = _headlines_set_apart(run, column_cells)
        for first, last, columns in _interleaved_stretches(run, evidence):
            part = run[first:last]
            if columns == 1:
                out.extend(part)
                continue
            caption: list[Block] = []
            if columns == 0:  # one column whose lines the extractor set apart
                columns = 1
                cut = _caption_tail(part, column_cells)
                part, caption = part[:cut], part[cut:]
            before = "\n\n".join(block.text for block in part)
            read = _columns_by_rows(part, columns)
            merged = [Block("\n".join(b.text for b in column), PARAGRAPH, column[0].page, column[0].start) for column in read]
            after = "\n\n".join(block.text for block in merged)
            note = f"{columns} interleaved columns read one after another" if columns > 1 else "the lines of one column set apart joined"
            doc.record("split_blocks", len(out), 0, before, after, note)
            if columns == 2:
                held = _caption_over_turn(out, merged[0], evidence, column_cells)
                if held:
                    doc.record("split_blocks", len(out), 0, "\n\n".join(b.text for b in held), "", "a photo box over the second column read at its top")
                    merged[1:1] = held
            out.extend(merged)
            out.extend(caption)
        start = end
    return out


def _is_credit_unit(block: Block) -> bool:
    """A photo credit on a line of its own (``本报记者 王明 摄``)."""
    text = block.text.strip()
    return "\n" not in text and _is_credit_line(text)


def _is_credit_line(line: str) -> bool:
    """`line` (stripped) is a photo credit: short, and every credit holds 摄."""
    return len(line) <= 36 and "摄" in line and CREDIT_RE.fullmatch(line) is not None


def _caption_tail(part: list[Block], column: int) -> int:
    r"""Where a photo caption and its credit start at the end of the blocks
    of one column set apart (`part`), or ``len(part)``: a credit line last,
    and above it up to two boxes whose lines (but a short last one) are
    wider or narrower than the column (`column` display cells), the
    caption's own measure.  They stay blocks of their own.

    >>> part = [Block("今年以来，我市持续推进民生工"), Block("程建设，一批项目相继建成投用"), Block("图为市民在新建成的口袋公园里休闲\n健身。"), Block("本报记者 王明 摄")]
    >>> _caption_tail(part, 28)
    2
    >>> _caption_tail(part[:2] + part[3:], 28)
    3
    """
    if not part or not _is_credit_unit(part[-1]):
        return len(part)
    start = len(part) - 1
    while start > 0 and len(part) - start <= 2 and _off_measure(part[start - 1], column):
        start -= 1
    return start if start < len(part) - 1 else len(part)


def _off_measure(block: Block, column: int) -> bool:
    """Every line of `block` but a short last one is wider or narrower
    than the column (`column` display cells): the lines of a caption box
    set in a measure of its own, not a column's lines."""
    lines = block.lines
    widths = _printed_widths(lines[:-1] if len(lines) > 1 else lines)
    return all(abs(width - column) > CAPTION_MISFIT_CELLS for width in widths)


def _caption_over_turn(out: list[Block], first_column: Block, evidence: "_JointEvidence", column: int) -> list[Block]:
    r"""The photo caption and credit at the end of `out` that stood at the
    top of the second of two interleaved columns, taken off `out`.

    A photo box at the top of the second column leaves the first column
    alone beside it: pdfminer.six writes that column's lines, then the
    box's caption and credit, then the rows of the two columns under the
    box.  The box then stands where the first column turns to the second:
    it is read after the first column (`first_column`, which goes on from
    the lone lines before the caption), not in the middle of it.  Nothing
    is taken when the blocks before the caption are no column that
    `first_column` goes on from.  The caption is up to three blocks above
    the credit, set in a measure of their own (:func:`_off_measure`).

    >>> lone = Block("\n".join(["今年以来，我市持续推进民生工"] * 6))
    >>> out = [lone, Block("图为市民在新建成的口袋公园里休闲\n健身。"), Block("本报记者 王明 摄")]
    >>> [b.text[:4] for b in _caption_over_turn(out, Block("程建设，一批项目相继建成投用"), _JointEvidence(out), 28)], len(out)
    (['图为市民', '本报记者'], 1)

    Under a headline (no lone column's lines), the caption stays:

    >>> out = [Block("我市建成口袋公园十二个"), Block("图为市民在新建成的口袋公园里休闲\n健身。"), Block("本报记者 王明 摄")]
    >>> _caption_over_turn(out, Block("程建设，一批项目相继建成投用"), _JointEvidence(out), 28), len(out)
    ([], 3)
    """
    if len(out) < 3 or not _is_credit_unit(out[-1]):
        return []
    start = len(out) - 1
    while (
        start > 0
        and len(out) - start <= 3
        and len(out[start - 1].text) <= MAX_CAPTION_CHARS
        and not _is_credit_unit(out[start - 1])
        and _off_measure(out[start - 1], column)
    ):
        start -= 1
    lone = out[start - 1] if start > 0 else None
    if (
        start == len(out) - 1
        or lone is None
        or lone.page != first_column.page
        or lone.kind != PARAGRAPH
        or len(lone.lines) < MIN_INTERLEAVED_RUN
        or evidence.score(lone.lines[-1], first_column.lines[0], column) < 0
    ):
        return []
    held = out[start:]
    del out[start:]
    return held


def _columns_by_rows(part: list[Block], columns: int) -> list[list[Block]]:
    r"""The blocks of a stretch of `columns` interleaved columns, column by
    column.  The extractor writes the boxes in the order of their top rows,
    left to right: each box goes to the column whose next free row is
    highest (the leftmost of a tie).  A box counts at least as many rows as
    the stretch's usual box (the median): a shorter one is its column's last
    and leaves no row free.  Boxes of the usual height are read every k-th;
    a box of three lines among boxes of one keeps its column out of the
    next two rows, whose boxes are the other columns' lines.

    >>> part = [Block(text) for text in ["甲一", "乙一", "甲二\n甲三\n甲四", "乙二", "乙三", "乙四", "甲五", "乙五"]]
    >>> [[block.text[:2] for block in column] for column in _columns_by_rows(part, 2)]
    [['甲一', '甲二', '甲五'], ['乙一', '乙二', '乙三', '乙四', '乙五']]
    >>> part = [Block(text) for text in ["甲一\n甲二", "乙一\n乙二", "甲三\n甲四", "乙三", "甲五"]]
    >>> [[block.text[:2] for block in column] for column in _columns_by_rows(part, 2)]
    [['甲一', '甲三', '甲五'], ['乙一', '乙三']]
    """
    heights = [len(block.lines) for block in part]
    usual = sorted(heights)[len(heights) // 2]
    next_row = [0] * columns
    read: list[list[Block]] = [[] for _ in range(columns)]
    for block, height in zip(part, heights):
        column = next_row.index(min(next_row))
        read[column].append(block)
        next_row[column] += max(height, usual)
    return read


def _headlines_set_apart(run: list[Block], column: int) -> list[Block]:
    r"""A headline across the columns that the extractor put in one box with
    the first line of the column under it is set apart from that line: a
    block's first line that reads as a headline and is wider than the run's
    column (its median line, in display cells), above lines that fill the
    column (the first maybe short by a dropped indent).  The rows of the
    columns then start with that line, not with the headline.  (A caption's
    long line above its short last line stays.)

    >>> run = [Block("市人社局启动冬季农民工工资支付专项检查\n　　日前，市人社局启动冬季"), Block("　　检查中，对发现的问题将")]
    >>> [b.text for b in _headlines_set_apart(run, 26)]
    ['市人社局启动冬季农民工工资支付专项检查', '　　日前，市人社局启动冬季', '　　检查中，对发现的问题将']
    """
    out: list[Block] = []
    for block in run:
        lines = block.lines
        if (
            len(lines) >= 2
            and _printed_width(lines[0]) > column + WIDE_LINE_CELLS
            and is_headline_text(lines[0].strip())
            and all(-INDENT_CELLS - 2 <= _printed_width(line) - column <= 2 for line in lines[1:])
        ):
            out.append(Block(lines[0], block.kind, block.page, block.start))
            out.append(Block("\n".join(lines[1:]), block.kind, block.page, block.start))
        else:
            out.append(block)
    return out


#: The most evidence one joint can bring (:meth:`_JointEvidence.score`): a
#: sentence end before an indented line, and a pair of characters across it.
MAX_JOINT_SCORE = 2 + PAIR_WEIGHT


class _JointEvidence:
    """How well the line `right` continues the line `left` in a column."""

    def __init__(self, blocks: list[Block]):
        self.texts = [block.text for block in blocks]
        self.uses_indent = sum(1 for block in blocks for line in block.lines if line[:1] in (" ", "\u3000")) >= 3

    @cached_property
    def pairs(self) -> set[int]:
        """Every pair of characters next to each other in a line of the
        document (spaces left out), as :func:`_pair_code`, built on first
        use: most documents have no run of short blocks to weigh.  Numbers
        rather than two-character strings, read a few blocks at a time: a
        long document holds millions of pairs, and this takes less than
        half the memory.  (Pairs with the line break between two blocks are
        left out: a line break is never looked up.)"""
        pairs: set[int] = set()
        for start in range(0, len(self.texts), PAIR_CHUNK_BLOCKS):
            text = "\n".join(self.texts[start : start + PAIR_CHUNK_BLOCKS]).replace(" ", "").replace("\u3000", "")
            # two code points side by side read as one 64-bit number: the
            # pairs that start at an even character, then at an odd one
            data = memoryview(text.encode(_UTF32_NATIVE, "surrogatepass"))
            for offset in (0, 4):
                pairs.update(data[offset : offset + (len(data) - offset) // 8 * 8].cast("Q"))
        return pairs

    def score(self, left: str, right: str, column: int) -> float:
        ends = ends_sentence(left)
        indented = right[:1] in (" ", "\u3000")
        score = 0.0
        if self.uses_indent:
            if indented:
                score += 2 if ends else -3
            elif ends and _printed_width(left) < column - 2:
                score -= 1  # a paragraph ended: the next one is indented
        left, right = left.strip(), right.strip()
        if left and right and _pair_code(left[-1], right[0]) in self.pairs:
            score += PAIR_WEIGHT
        return score


#: Blocks read at a time for the pairs of characters of a document.
PAIR_CHUNK_BLOCKS = 1000
#: UTF-32 in the machine's byte order: the code points as 32-bit numbers.
_UTF32_NATIVE = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"


def _pair_code(first: str, second: str) -> int:
    """Two characters as the 64-bit number that their code points make side
    by side in memory (see :attr:`_JointEvidence.pairs`).

    >>> _pair_code("a", "b") == (97 | 98 << 32 if sys.byteorder == "little" else 97 << 32 | 98)
    True
    """
    if sys.byteorder == "little":
        return ord(first) | ord(second) << 32
    return ord(first) << 32 | ord(second)


def _interleaved_stretches(run: list[Block], evidence: _JointEvidence) -> list[tuple[int, int, int]]:
    """Cut `run` into stretches ``(first, last, columns)`` that maximize the
    evidence of their joints, each stretch paying :data:`STRETCH_COST`."""
    count = len(run)
    widths = [_printed_widths(block.lines) for block in run]
    # a curly quote may have been set full width: the line is up to a cell wider per quote
    slack = [[2 + sum(line.count(quote) for quote in "“”‘’") for line in block.lines] for block in run]
    full = [0] * (count + 1)
    lines = [0] * (count + 1)
    local_columns = []
    opens_full = []  # the block's first line fills its column
    ends_first = []  # the block's first line ends a sentence: a paragraph's last line
    shifts = (0,) if evidence.uses_indent else (0, INDENT_CELLS)
    for index in range(count):
        window = sorted(w for unit in widths[max(0, index - INTERLEAVED_WINDOW) : index + INTERLEAVED_WINDOW + 1] for w in unit)
        column = window[(len(window) * 3) // 4]
        local_columns.append(column)
        full[index + 1] = full[index] + sum(1 for w, more in zip(widths[index], slack[index]) if -more <= w - column <= 2)
        # a line that fills its column, or (where the paragraphs are not
        # indented in the text) a first line short by the indent that the
        # extractor dropped; measured against the lines after it, since a
        # stretch opens there and the lines before may be other columns
        ahead = sorted(w for unit in widths[index : index + INTERLEAVED_WINDOW + 1] for w in unit)
        ahead_column = ahead[(len(ahead) * 3) // 4]
        opens_full.append(any(-slack[index][0] - shift <= widths[index][0] - ahead_column <= 2 - shift for shift in shifts))
        ends_first.append(ends_sentence(run[index].lines[0]))
        lines[index + 1] = lines[index] + len(widths[index])
    # joint[k][b]: block b continuing block b - k, summed from the start
    joint = {}
    for columns in range(1, MAX_INTERLEAVED_COLUMNS + 1):
        sums = [0.0] * (count + 1)
        for b in range(count):
            gain = 0.0
            if b >= columns:
                gain = evidence.score(run[b - columns].lines[-1], run[b].lines[0], local_columns[b])
            sums[b + 1] = sums[b] + gain
        joint[columns] = sums
    # fits_from[last]: the lowest first block of a stretch ending before
    # `last` whose lines all fit one column width (none wider than the
    # narrowest local column in it); it never decreases as `last` grows, so
    # two pointers and running maxima and minima find it in linear time
    fits_from = [0] * (count + 1)
    widest_line = [max(unit) for unit in widths]
    widest: deque[int] = deque()  # indices, their widths decreasing
    narrowest: deque[int] = deque()  # indices, their columns increasing
    first = 0
    for last in range(1, count + 1):
        new = last - 1
        while widest and widest_line[widest[-1]] <= widest_line[new]:
            widest.pop()
        widest.append(new)
        while narrowest and local_columns[narrowest[-1]] >= local_columns[new]:
            narrowest.pop()
        narrowest.append(new)
        first = max(first, last - MAX_STRETCH_UNITS)
        while True:
            while widest and widest[0] < first:
                widest.popleft()
            while narrowest and narrowest[0] < first:
                narrowest.popleft()
            if not widest or widest_line[widest[0]] <= local_columns[narrowest[0]] + WIDE_LINE_CELLS:
                break
            first += 1
        fits_from[last] = first
    # opens_row[k][first]: the first row of a stretch of k columns from
    # `first` is a line of each column: the first fills its column, the others
    # too or end a paragraph at the top of a column
    opens_row = {
        columns: [
            opens_full[first] and all(opens_full[b] or ends_first[b] for b in range(first + 1, min(count, first + columns)))
            for first in range(count)
        ]
        for columns in range(2, MAX_INTERLEAVED_COLUMNS + 1)
    }
    best = [0.0] + [float("-inf")] * count
    back: list[tuple[int, int]] = [(0, 1)] * (count + 1)
    turns: dict[tuple[int, int], float] = {}
    in_order = joint[1]
    first_lines = [block.lines[0] for block in run]
    last_lines = [block.lines[-1] for block in run]
    for last in range(1, count + 1):
        for first in range(max(0, last - MAX_STRETCH_UNITS), last):
            if best[first] == float("-inf"):
                continue
            value = best[first] + (in_order[last] - in_order[first + 1] if last - first > 1 else 0.0) - STRETCH_COST
            if value > best[last]:
                best[last], back[last] = value, (first, 1)
            # every line of interleaved columns fits its column (a headline
            # across the columns, or columns of another width, end them)
            if first < fits_from[last] or full[last] - full[first] < INTERLEAVED_FULL_SHARE * (lines[last] - lines[first]):
                continue
            for columns in range(2, MAX_INTERLEAVED_COLUMNS + 1):
                if last - first < 2 * columns or not opens_row[columns][first]:
                    continue
                value = best[first] + joint[columns][last] - joint[columns][first + columns] - STRETCH_COST
                if value + TURN_WEIGHT * MAX_JOINT_SCORE * (columns - 1) <= best[last]:
                    continue  # the turns cannot make it the best
                # each column goes on at the top of the next one
                for column in range(1, columns):
                    bottom = last - 1 - (last - 1 - (first + column - 1)) % columns
                    key = (bottom, first + column)
                    if key not in turns:
                        turns[key] = evidence.score(last_lines[bottom], first_lines[first + column], local_columns[first + column])
                    value += TURN_WEIGHT * turns[key]
                if value > best[last]:
                    best[last], back[last] = value, (first, columns)
    stretches = []
    last = count
    while last > 0:
        first, columns = back[last]
        if columns == 1 and last - first >= MIN_INTERLEAVED_RUN and full[last] - full[first] >= INTERLEAVED_FULL_SHARE * (lines[last] - lines[first]):
            columns = 0  # the lines of one column, in order, each a block
        stretches.append((first, last, columns))
        last = first
    return stretches[::-1]


def _bylines_rejoined(doc: Document, blocks: list[Block]) -> list[Block]:
    """A reporter's title alone in its block (``本报记者``) and the names in
    the next block (``王斌``) are one byline: ``pdftotext`` sets them apart
    with a blank line."""
    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.page == block.page
            and "\n" not in block.text
            and REPORTER_TITLE_RE.fullmatch(previous.lines[-1])
            and NAMES_LINE_RE.fullmatch(block.text)
        ):
            doc.record("split_blocks", len(out) - 1, len(previous.text), "", block.text, "a byline's names joined to its title")
            title = previous.lines[-1].strip()
            if "\n" in previous.text:  # the title ended a block of headline lines
                previous.text = previous.text.rsplit("\n", 1)[0]
                out.append(Block(title, PARAGRAPH, block.page, block.start))
                previous = out[-1]
            previous.text = f"{title}\n{block.text.strip()}"
            continue
        out.append(block)
    return out


def _split_tables(blocks: list[Block]) -> list[Block]:
    """Separate the rows of a table (lines with tabs) from the text lines
    around them, for extractions that write no blank line around tables."""
    out: list[Block] = []
    for block in blocks:
        if block.text.count("\t") < 2 or block.kind in (FURNITURE, JUMP):
            out.append(block)
            continue
        run: list[str] = []
        first = len(out)
        for line in block.lines:
            if run and ("\t" in line) != ("\t" in run[-1]):
                out.append(_part(block, run, "\t" in run[-1]))
                run = []
            run.append(line)
        out.append(_part(block, run, "\t" in run[-1]))
        out[-1].continued = block.continued
        out[first].resumed = block.resumed
    return out


def _part(block: Block, lines: list[str], table: bool) -> Block:
    return Block("\n".join(lines), TABLE if table else PARAGRAPH, block.page, block.start)


def _is_caption_text(block: Block) -> bool:
    """The text right above a photo credit is its caption when it is a short
    paragraph that ends its sentences, or that says what the photo shows
    (``…交通环境。图为民警带领小学生参与…``: the end of such a caption may
    be lost).

    >>> _is_caption_text(Block("昨日，市交警支队开展了宣传活动。图为民警带领小学生参与体验活")), _is_caption_text(Block("昨日，市交警支队开展了"))
    (True, False)
    """
    return block.kind == PARAGRAPH and len(block.text) <= MAX_CAPTION_CHARS and (ends_sentence(block.text) or _says_what_photo_shows(block.text))


def _says_what_photo_shows(text: str) -> bool:
    """`text` is a caption whose last sentence says what the photo shows
    (``图为…``), after at most one sentence on what happened: a caption is
    short.  (More sentences before it: paragraph text glued to a caption.)

    >>> _says_what_photo_shows("开展了宣传活动。图为民警带领小"), _says_what_photo_shows("图为民警带领小学生。开展了宣传")
    (True, False)
    >>> _says_what_photo_shows("全市推进治污行动。加快建设管网、污水厂。昨日，开展了宣传活动。图为民警带领小")
    False
    """
    text = text.replace("\n", "")
    match = _PHOTO_SAYS_LAST_RE.search(text)
    return match is not None and len(_SENTENCE_END_RE.findall(text[: match.start() + 1])) <= 1


def _is_caption_start(block: Block) -> bool:
    """A short unfinished paragraph that says what a photo shows
    (``…交通环境。图为民警带领小``): the start of the caption after it."""
    text = block.text.replace("\n", "")
    return len(text) <= MAX_CAPTION_CHARS and not ends_sentence(text) and _says_what_photo_shows(text)


def _stands_alone(blocks: list[Block], index: int, column: int) -> bool:
    """A one-line block between the end of a sentence (or the start of the
    text, or a block that a jump line ended) and a paragraph start (an indented line, or a first line short by
    an indent before a full one) or a subtitle: nothing before it was cut
    and nothing after it continues it, so it is a line of its own, however
    wide (a headline set in a column's width)."""
    block = blocks[index]
    if "\n" in block.text or block.text[:1] in (" ", "\u3000") or index + 1 >= len(blocks):
        return False
    before = blocks[index - 1] if index else None
    # a block that a jump line ended goes on on another page: nothing after
    # it continues it (spec §5)
    starts_fresh = before is None or ends_sentence(before.text) or before.kind not in (PARAGRAPH, TABLE) or before.continued
    after = blocks[index + 1].lines
    indented = after[0][:1] in (" ", "\u3000") and blocks[index + 1].kind == PARAGRAPH
    short_by_indent = (
        len(after) >= 2
        and column > 0
        and column - 3 * INDENT_CELLS // 2 <= _printed_width(after[0]) <= column - INDENT_CELLS // 2 - 1
        and _printed_width(after[1]) >= column - 2
    )
    # a subtitle (`——…`) is set under its headline
    return starts_fresh and (indented or short_by_indent or blocks[index + 1].kind == SUBTITLE_KIND)


def _is_spread_line(block: Block, column: int) -> bool:
    """A line of running text that justification spread apart and the
    extractor wrote as a block of its own (``前磨 头 镇 及 周 边 六万余群 众
    出 行 问``): lone characters between spaces, and without its spaces it
    fills the column.  A headline's letter-spacing leaves it short."""
    text = block.text.strip()
    return (
        column > 0
        and "\n" not in text
        and len(_LONE_HAN_RE.findall(text)) >= 2
        and FULL_LINE_SHARE * column <= _inked_width(text) <= column + WIDE_LINE_CELLS
    )


def _is_first_line_cut_off(blocks: list[Block], index: int, column: int) -> bool:
    """A headline-shaped line that is a paragraph's first line cut from the
    rest of its paragraph by a column break: the extractor kept it with the
    paragraph above it (which ends a sentence) and broke the text after it;
    it is short of the column by an indent (two characters, give or take
    one), however wide its curly quotes were set; and the paragraph after it
    opens with a line that fills the column without an indent (the column's
    first line, not a paragraph's).  A headline is set apart from the
    paragraph above it, in its own width.

    >>> rows = ["工作取得明显成效。", "全市新能源汽车产业链条建设取", "得积极进展，龙头企业加快集聚。今年\\n以来，全市新签约重点项目共有"]
    >>> blocks = [Block(row, start=start) for row, start in zip(rows, (0, 0, 40))]
    >>> _is_first_line_cut_off(blocks, 1, 32)
    True
    >>> blocks[1].start = 20  # set apart from the paragraph above: a headline
    >>> _is_first_line_cut_off(blocks, 1, 32)
    False
    """
    block = blocks[index]
    if index == 0 or index + 1 >= len(blocks) or "\n" in block.text or column <= 0:
        return False
    before, after = blocks[index - 1], blocks[index + 1]
    width = _printed_width(block.text) + _unsure_cells(block.text)
    return (
        before.start == block.start != after.start
        and before.kind == PARAGRAPH
        and ends_sentence(before.text)
        and after.kind == PARAGRAPH
        and not ends_sentence(block.text)
        and block.text[:1] not in (" ", "\u3000")
        and column - 3 * INDENT_CELLS // 2 <= width <= column - INDENT_CELLS // 2 - 1
        and after.text[:1] not in (" ", "\u3000")
        and _printed_width(after.lines[0]) >= column - 2
        and not DATELINE_LEAD_RE.match(after.text)  # a story opens after a headline
    )


#: Digits that justification spread apart (``2 0来年``).
_SPLIT_DIGITS_RE = regex.compile(r"\d \d")
#: The opening of a text that goes on from a line before: a clause mark, or
#: one Hanzi and a clause mark (``了，这里…``); a sentence's first clause is
#: longer.
_GOES_ON_RE = regex.compile(r"\p{Han}?[，、；：,;:）)”’]")


def _is_spread_first_line(blocks: list[Block], index: int, column: int) -> bool:
    """A line of running text that justification spread apart (a lone
    character or digit between spaces among words: no headline is
    letter-spaced in part) and that the extractor wrote as a block of its
    own: it is about as wide as the column (short by up to an indent and a
    character that the line-break rules moved on), and the paragraph after
    it goes on from it (it opens with a clause mark, or one character and
    one), without an indent.

    >>> rows = ["城市面貌焕然一新。", "“这条老街 3 0 多 年没有翻 修过 路", "面，一下雨就坑坑洼洼，出行很不方便\\n，不少商户都陆续关门了。”"]
    >>> _is_spread_first_line([Block(row) for row in rows], 1, 34)
    True
    >>> rows[2] = "今年以来，我市持续推进民生工程建设\\n，一批项目相继建成投用。"  # a sentence opens
    >>> _is_spread_first_line([Block(row) for row in rows], 1, 34)
    False
    """
    block = blocks[index]
    if index + 1 >= len(blocks) or "\n" in block.text or column <= 0:
        return False
    text, after = block.text.strip(), blocks[index + 1]
    return (
        (_LONE_HAN_RE.search(text) is not None or _SPLIT_DIGITS_RE.search(text) is not None)
        and not is_letter_spaced(text)
        and not ends_sentence(text)
        and column - 2 * INDENT_CELLS <= _printed_width(text) + _unsure_cells(text) <= column
        and after.kind == PARAGRAPH
        and _GOES_ON_RE.match(after.text) is not None
    )


def _is_cut_paragraph(block: Block, column: int) -> bool:
    """A headline-shaped block that is really a paragraph cut at a column
    end: its last line fills the column and it holds running-text commas."""
    last = block.lines[-1].strip()
    return (
        column > 0
        and (
            FULL_LINE_SHARE * column <= display_width(last) <= column + WIDE_LINE_CELLS
            or display_width(last) >= UNWRAPPED_LINE_SHARE * column  # a paragraph the extractor did not wrap
        )
        and has_running_commas(block.text)
        and (len(block.lines) == 1 or display_width(block.lines[0].strip()) >= FULL_LINE_SHARE * column)
    )


def split_paragraphs(lines: list[str]) -> list[list[str]]:
    """Find paragraph ends in lines that no blank line separates (spec §2).

    Extractors such as PyMuPDF, pdfminer.six and ``pdftotext`` end every line
    with a single newline.  A paragraph then ends at a line that is clearly
    shorter than the column around it (justified text fills every other line),
    and a new one starts at an indented line, or at a line two characters
    short of the column after a sentence end (an indent the extractor dropped).
    A line wider than the column (a headline across columns) is a block of its
    own; a run of very short lines that end no sentence is one headline or
    byline set phrase by phrase (a change in the length of parallel phrases
    starts the next element); a photo credit (``…摄``) and the lines above it
    that do not fit the column (the caption box) are blocks of their own.
    After a sentence end, a line that ends none and is too short for a
    paragraph's first line, or wider than the column under it, starts a
    headline, even when the paragraph's last line filled the column; a
    kicker ending in a verb of saying (``…会上强调``) goes on with the
    headline under it.  A line is measured against the column of its own
    paragraph (the lines before it in its block; for a first line, the lines
    after it), since the lines around may belong to an article set in other
    columns.  A full-width line never ends a paragraph without such evidence.

    >>> lines = ["今年以来，我市持续推进民生工", "程建设，成效明显。", "本报记者 张三", "　　记者从市住建局获悉，全市已", "完成改造任务的九成以上，进度", "超过预期。"]
    >>> [len(part) for part in split_paragraphs(lines)]
    [2, 1, 3]
    """
    return [part for part, _kind in _paragraph_parts(lines)]


def _paragraph_parts(lines: list[str], page_column: int = 0) -> list[tuple[list[str], str | None]]:
    """:func:`split_paragraphs` with a kind for the parts it recognized by
    their shape (caption, credit), None for the others.  A block too short to
    show its own column width is measured against `page_column`."""
    if len(lines) == 2 and (_two_headlines(lines, page_column) or _opens_story(lines[1])):
        return [([lines[0]], None), ([lines[1]], None)]
    if len(lines) < 3:
        return [(lines, None)]
    widths = _printed_widths(lines)
    if page_column and len(lines) < MIN_LINES_FOR_COLUMN:
        columns = [page_column] * len(lines)
    else:
        columns = [_local_column(widths, index) for index in range(len(lines))]
    indented = [line[:1] in (" ", "\u3000") for line in lines]
    # the tests below need a character that most blocks lack: looked for in
    # the whole block first, so that most blocks skip the tests line by line
    text = "\n".join(lines)
    no_lines = [False] * len(lines)
    unsure = [_unsure_cells(line) for line in lines] if _CURLY_QUOTE_RE.search(text) else [0] * len(lines)
    wide_lines = [_is_wide(widths, columns, index) for index in range(len(lines))]
    mostly_indented = sum(indented) * 2 > len(lines)
    ends = ends_sentences(lines)
    # a byline holds a reporter's title or a space between names; a
    # letter-spaced line holds spaces
    reporters = "记者" in text or "通讯员" in text
    bylines = [_is_byline_line(line) for line in lines] if reporters or " " in text else no_lines
    letter_spaced = [is_letter_spaced(line.strip()) for line in lines] if " " in text else no_lines
    # a reporter's title on one line and the names on the next: one byline
    titled = no_lines
    if reporters:
        titled = [
            index + 1 < len(lines)
            and ("记者" in line or "通讯员" in line)  # every title holds one
            and REPORTER_TITLE_RE.fullmatch(line) is not None
            and NAMES_LINE_RE.fullmatch(lines[index + 1]) is not None
            for index, line in enumerate(lines)
        ]
    kinds, inside = _caption_boxes(lines, widths, columns) if "摄" in text else ({}, set())  # every credit holds 摄
    datelines = dateline_lines(lines)
    numbered_captions = {index for index, line in enumerate(lines) if "图" in line and _NUMBERED_CAPTION_RE.match(line)} if "图" in text else set()
    starts = set(kinds)
    for index in kinds:
        if kinds[index] == CREDIT:
            starts.add(index + 1)
    block_start = 0  # the first line of the block that holds line `index - 1`
    for index in range(1, len(lines)):
        if index - 1 in starts:
            block_start = index - 1
        if index in inside:
            if index in numbered_captions:
                starts.add(index)  # the next caption of a group: 图①：… 图②：…
            continue
        column, previous = columns[index], index - 1
        wide = wide_lines[index]
        previous_wide = wide_lines[previous]
        # an ellipsis may stand mid-paragraph, so it is no strong end
        share = ENDED_LINE_SHARE if ends[previous] and not lines[previous].rstrip().endswith("…") else SHORT_LINE_SHARE
        # a line is short when it is a character short however wide its
        # curly quotes were set, and it is measured against
        # the column of the lines before it (its paragraph's): the lines after
        # may be another article's, set wider
        first_line = previous == 0 or previous in starts or ends[previous - 1]
        if not first_line:
            widest = widths[previous] + unsure[previous]
            before = _column_before(widths, block_start, previous, column)
            own = before if PHRASE_LINE_SHARE * column <= before < column else column
            previous_short = widths[previous] < share * own and widest <= own - INDENT_CELLS // 2
        else:
            # a first line is measured against the column of the lines after
            # it (the paragraph it may open), which may differ from the
            # article above; a paragraph's first line is short by its indent,
            # which the extractor may have dropped; one that ends no sentence
            # is a headline only when clearly short (a dateline is short too)
            after = min(column, _column_after(widths, index, column))
            limit = after - INDENT_CELLS - 2 if ends[previous] else HEADLINE_LINE_SHARE * after
            previous_short = widths[previous] < min(limit, share * after, after - INDENT_CELLS // 2)
            # wider than the column it would open: a headline across columns
            previous_wide = previous_wide or (
                not ends[index]
                and not indented[previous]
                and is_headline_text(lines[previous].strip())
                and widths[previous] > _column_after(widths, index, column) + WIDE_LINE_CELLS
                and widths[previous] > widths[index] + WIDE_LINE_CELLS
            )
        both_short = not ends[previous] and not ends[index] and not indented[index]
        phrases = both_short and (
            # phrase after phrase of a headline or byline set line by line
            (widths[previous] < PHRASE_LINE_SHARE * column and widths[index] < PHRASE_LINE_SHARE * column)
            # or a subhead of two short lines (set larger than the text, it
            # wraps short of the column), or a short phrase and the headline
            # it opens (``筑牢“防护墙”`` ``提升基层治理能力``); a line wrapped
            # by its measure is no narrower than the line after it, so a
            # wider line after a longer one is a headline of its own (a
            # headline and its deck)
            or (
                widths[index] < SHORT_LINE_SHARE * column
                and (previous == 0 or previous in starts or ends[previous - 1])
                and (
                    widths[index] <= widths[previous] + unsure[previous] + 1
                    or widths[previous] < PHRASE_LINE_SHARE * column
                    # clauses of running text are no headline and deck
                    or has_running_commas(lines[previous])
                    or has_running_commas(lines[index])
                )
            )
        )
        # a letter-spaced line (`盘 点 2 0 2 4`) over a plain one is a kicker
        # over its headline, not one headline: the rhythm changes
        phrases = phrases and letter_spaced[index] == letter_spaced[previous]
        dropped_indent = (
            not mostly_indented
            # after a sentence end, or after a line of its own that ends none
            # (a headline: no paragraph's first line is followed by one
            # short by an indent)
            and (
                ends[previous]
                or (
                    (previous == 0 or previous in starts or ends[previous - 1])
                    and not indented[previous]
                    and is_headline_text(lines[previous].strip())
                    # half-width marks and Latin letters make the measure
                    # uncertain (digits and curly quotes are bounded below)
                    and not _UNSURE_WIDTH_RE.search(_BOUNDED_WIDTH_RE.sub("", lines[index]))
                )
            )
            # under a headline, a first line may end in an ellipsis, which
            # stands mid-paragraph (``起飞、盘旋、巡查……`` ``2024年3月，…``),
            # or end a sentence when it is short by just an indent under a
            # headline short of the column (a paragraph's last line stops
            # anywhere, and a line that fills the column is no headline)
            and (
                not ends[index]
                or (
                    not ends[previous]
                    and (
                        lines[index].rstrip().endswith("…")
                        or (
                            abs(widths[index] + unsure[index] - (column - INDENT_CELLS)) <= 1
                            and widths[previous] + unsure[previous] < column - INDENT_CELLS // 2
                        )
                    )
                )
            )
            # against the column around, or the paragraph's own when it differs
            # (the lines around may mix two articles' columns)
            and (_short_by_indent(widths, lines, index, column) or _short_by_indent(widths, lines, index, _paragraph_column(widths, lines, index, column)))
            and " " not in lines[index].strip()  # spaces took print width we cannot measure
        )
        # (a line of running text that justification spread apart has
        # gaps too, but it fills the column and leaves lone characters)
        headline_phrases = (
            ends[previous]
            and not ends[index]
            and PHRASE_GAP_RE.search(lines[index].strip())
            and not (_LONE_HAN_RE.search(lines[index]) and widths[index] >= FULL_LINE_SHARE * column)
        )
        # after a sentence end, a line that ends none and is too short for a
        # paragraph's first line (even short by an indent), or wider than the
        # column under it (across a narrower article's columns), starts a
        # headline
        headline_after_end = (
            ends[previous]
            and not ends[index]
            and not indented[index]
            and " " not in lines[index].strip()  # spaces took print width we cannot measure
            and is_headline_text(lines[index].strip())
            and (
                widths[index] + unsure[index] < column - 3 * INDENT_CELLS // 2
                # not full, and followed by a line that neither fills the
                # column nor ends a sentence: no paragraph's first line goes
                # on like that
                or (
                    widths[index] + unsure[index] < column - INDENT_CELLS // 2
                    and index + 1 < len(lines)
                    and widths[index + 1] < column - 2
                    and not ends[index + 1]
                )
                or (
                    index + 1 < len(lines)
                    and widths[index] > _column_after(widths, index + 1, column) + WIDE_LINE_CELLS
                    and widths[index] > widths[index + 1] + WIDE_LINE_CELLS
                )
            )
        )
        numbered_caption = index in numbered_captions
        if (
            (indented[index] and not mostly_indented)
            or (phrases and _ends_parallel_phrases(lines, index))
            or index in datelines  # `本报讯（记者…）` opens a story
            or headline_phrases
            or headline_after_end
            or (previous_short and not phrases)
            or wide
            or previous_wide
            or dropped_indent
            or numbered_caption
            or bylines[index]  # a byline is never a phrase of a headline
            or bylines[previous]
            or (first_line and _is_interview_deck(lines, index))
            or (first_line and _headline_pair_over_story(lines, index, column))
            or titled[index]
            or (previous >= 1 and titled[previous - 1])
        ):
            starts.add(index)
    starts.difference_update(index + 1 for index, title in enumerate(titled) if title)
    for index in _kicker_continuations(lines, starts):
        starts.discard(index)
        kinds.setdefault(max(start for start in [0, *starts] if start < index), HEADLINE)
    # `河北日报记者` `陈凤来` `通讯员` `田静云`: one byline of two pairs
    starts.difference_update(index for index, title in enumerate(titled) if title and index >= 2 and titled[index - 2])
    parts: list[tuple[list[str], str | None]] = []
    for index, line in enumerate(lines):
        if index == 0 or index in starts:
            parts.append(([line], kinds.get(index)))
        else:
            parts[-1][0].append(line)
    return parts


#: A phrase of one character by a line end (``纾解民`` ``忧 饶阳…``): the
#: line end cut a headline phrase, whose tail this is; headline phrases are
#: two characters or more.
_CUT_PHRASE_RE = regex.compile(r"^\p{Han} |(?<= )\p{Han}$")


def _opens_story(line: str) -> bool:
    """A line that opens a story with its dateline and the bracket after it
    (``本报讯（记者王斌）``, ``新华社北京12月2日电``): whatever the line above
    it, a new block starts here.

    >>> _opens_story("本报讯（记者王斌）近期，市委组织部以党"), _opens_story("中国移动通讯网络覆盖全市")
    (True, False)
    """
    lead = DATELINE_LEAD_RE.match(line)
    return lead is not None and (lead.group().endswith("电") or line[lead.end() : lead.end() + 1] in ("（", "("))


#: An interview's subtitle with its dash dropped (``访城东区委书记李建平``):
#: 访, whose post (a unit and an office) and a name of two to four
#: characters.  The common titles of office, a general list.
INTERVIEW_SUBTITLE_RE = regex.compile(
    r"专?访\p{Han}{0,12}(?:书记|市长|县长|区长|镇长|乡长|局长|厅长|部长|主任|院长|校长|所长|主席|会长|社长|行长|董事长|总经理|负责人|代表|委员|专家|教授)\p{Han}{2,4}"
)


def _two_headlines(lines: list[str], page_column: int) -> bool:
    """Two lines that the extractor put in one box are two headlines (a
    headline and its deck, a kicker and its headline), not one headline
    wrapped by its measure: neither ends a sentence or holds running-text
    commas, the first says nothing (no verb of saying, whose object is the
    line under it), and

    - the second line is wider than the first: a line wrapped by its measure
      is no narrower than the line after it (a curly quote or a character
      the line-break rules moved give a cell of slack, and a phrase of one
      character by the line end is the tail of a phrase the wrap cut); a
      first line shorter than half the column is a short phrase opening its
      headline (``筑牢“防护墙”`` ``提升基层治理能力``), as in a longer block;
    - or the first line ends in parallel phrases of one length
      (``排查到位 维护周到 处理及时``) and the second opens with a phrase of
      another length and is no wrapped tail (it is parallel phrases of its
      own, or no narrower than the first line): parallel phrases (对仗) are
      set whole, so the set is complete and the next element of the
      headline group starts;
    - or the second line is an interview's subtitle whose dash was dropped
      (``访城东区委书记李建平``: 访, the post and the name).

    >>> _two_headlines(["破解企业融资难题 推动项目建设提速", "我市创新“一站办结”机制助力民营企业发展"], 32)
    True
    >>> _two_headlines(["排查到位 维护周到 处理及时", "市水务局让群众喝上放心好水"], 32)
    True
    >>> _two_headlines(["新时代 新作为 新篇章", "增进福祉 补齐短板"], 32), _two_headlines(["夯实基础 强化担当 纾解民忧 某县多措", "并举建强基层队伍"], 32)
    (True, False)
    >>> _two_headlines(["夯实基础 强化担当 纾解民", "忧 某县多措并举建强基层队伍"], 32)
    False
    >>> _two_headlines(["谱写生态强县建设新篇章", "访临河县委书记李国强"], 32), _two_headlines(["市领导深入企业开展调研", "访问困难职工家庭"], 32)
    (True, False)
    >>> _two_headlines(["李明在企业家座谈会上强调", "打造发展新优势 为全县产业转型升级注入更强动力"], 32)
    False
    """
    first, second = (line.strip() for line in lines)
    if (
        any(line[:1] in (" ", "\u3000") for line in lines)
        or not (is_headline_text(first) and is_headline_text(second))
        or has_running_commas(first)
        or has_running_commas(second)
        or any(KICKER_VERB_RE.search(phrase) for phrase in first.split())
        or SUBTITLE_RE.match(second)
        or _CUT_PHRASE_RE.search(first)
        or _CUT_PHRASE_RE.match(second)
    ):
        return False
    if INTERVIEW_SUBTITLE_RE.fullmatch(second):
        return True
    first_width, second_width = _printed_width(first), _printed_width(second)
    # a phrase space takes print width too: the first line is at least this wide
    if second_width > first_width + first.count(" ") + _unsure_cells(first) + 1 and first_width >= PHRASE_LINE_SHARE * page_column:
        return True
    phrases, next_phrases = first.split(), second.split()
    run = 1
    while run < len(phrases) and _HAN_PHRASE_RE.fullmatch(phrases[-run - 1]) and len(phrases[-run - 1]) == len(phrases[-1]):
        run += 1
    if run < 2 or not _HAN_PHRASE_RE.fullmatch(phrases[-1]) or len(next_phrases[0]) == len(phrases[-1]):
        return False
    # the second line is no wrapped tail: parallel phrases of their own, or
    # no narrower than the first (a line wrapped by its measure is the wider)
    next_parallel = len(next_phrases) >= 2 and all(_HAN_PHRASE_RE.fullmatch(phrase) and len(phrase) == len(next_phrases[0]) for phrase in next_phrases)
    return next_parallel or second_width + _unsure_cells(second) >= first_width


def _headline_pair_over_story(lines: list[str], index: int, column: int) -> bool:
    """Lines `index - 1` and `index` are two headlines (:func:`_two_headlines`:
    a headline and its deck, told by the deck set wider than a wrapped
    line could be) and the story starts under them: the next line opens it
    with a dateline (``本报讯（记者…）``) or is its byline.  The line under
    the pair shows that the headline group ends there, as the end of a
    two-line box does; without it, two lines at a block's top may be a
    paragraph's first lines (its indent dropped, the second line is the
    wider).

    >>> lines = ["我市出台多项扶持小微企业发展措施", "小微企业首次贷款可享最高30万元贴息", "本报讯（记者王斌）近日，记者从市财", "政局获悉，该市出台多项扶持措施，"]
    >>> _headline_pair_over_story(lines, 1, 40)
    True
    >>> _headline_pair_over_story(["为推进我县农村公路养护管理", "改革县交通运输局探索建立多项新办法", "搭建城乡客运双方协调沟通平台"], 1, 30)
    False
    """
    following = lines[index + 1] if index + 1 < len(lines) else ""
    return (
        (_opens_story(following) or _is_byline_line(following) or REPORTER_TITLE_RE.fullmatch(following) is not None)
        and _two_headlines(lines[index - 1 : index + 1], column)
    )


def _is_interview_deck(lines: list[str], index: int) -> bool:
    """Line `index` is the deck of an interview (:data:`INTERVIEW_SUBTITLE_RE`)
    under the headline on the line before it: that line is not indented and
    ends no sentence, and the deck ends its block or a byline, a dateline or
    an indented line follows it.  (A line of running text wrapped to start
    with 访 and end on a name goes on with more running text.)

    >>> _is_interview_deck(["谱写城市更新新篇章", "访城东区委书记李建平", "本报记者"], 1)
    True
    >>> _is_interview_deck(["近日，记者走", "访城东区委书记李建平", "时了解到，该区今年"], 1)
    False
    """
    previous = lines[index - 1]
    following = lines[index + 1] if index + 1 < len(lines) else None
    return (
        INTERVIEW_SUBTITLE_RE.fullmatch(lines[index].strip()) is not None
        and previous[:1] not in (" ", "\u3000")
        and not ends_sentence(previous)
        and is_headline_text(previous.strip())
        and (
            following is None
            or following[:1] in (" ", "\u3000")
            or _is_byline_line(following)
            or REPORTER_TITLE_RE.fullmatch(following) is not None
            or DATELINE_LEAD_RE.match(following) is not None
        )
    )


def _ends_parallel_phrases(lines: list[str], index: int) -> bool:
    """Line `index` ends a run of parallel phrases set one per line: the two
    lines before it are phrases of Hanzi of one length (``新作为`` ``新篇章``,
    ``奋斗百年路`` ``启航新征程``) and it is one of another length, the
    next element of the headline group (``增进福祉``, ``盘点``).  Parallel
    phrases (对仗) are as long as each other.

    >>> _ends_parallel_phrases(["新作为", "新篇章", "增进福祉", "补齐短板"], 2), _ends_parallel_phrases(["新作为", "新篇章", "增进福祉", "补齐短板"], 3)
    (True, False)
    >>> _ends_parallel_phrases(["学党史", "悟思想", "办实事"], 2), _ends_parallel_phrases(["启航新征程", "盘点", "2021"], 2)
    (False, False)
    """
    if index < 2:
        return False
    first, second, line = (text.strip() for text in lines[index - 2 : index + 1])
    return bool(_HAN_PHRASE_RE.fullmatch(first) and _HAN_PHRASE_RE.fullmatch(second) and _HAN_PHRASE_RE.fullmatch(line)) and len(first) == len(second) != len(line)


#: A kicker whose verb of saying is followed, on its line, by the first
#: phrases of what was said (``…调度会上强调 锚定目标``).
_KICKER_VERB_THEN_PHRASES_RE = regex.compile(KICKER_VERB_RE.pattern.removesuffix(r"\s*$") + r"(?: \p{Han}{2,8})+\s*$")


def _kicker_continuations(lines: list[str], starts: set[int]) -> list[int]:
    """The lines that continue a kicker ending in a verb of saying
    (``王伟在企业家座谈会上强调``): what was stressed is the headline under
    it, so the kicker and the headline lines after it are one headline, up to
    the first line that is no headline's (a dateline, a byline, a subtitle,
    an indented line, a sentence).  The kicker must open a block.

    >>> _kicker_continuations(["王伟在企业家座谈会上强调", "打造发展新优势", "为高质量发展贡献力量", "本报讯（记者刘鲜）4月26日，"], {1, 2, 3})
    [1, 2]
    >>> _kicker_continuations(["王伟在企业家座谈会上强调", "本报讯（记者刘鲜）4月26日，"], {1})
    []
    >>> _kicker_continuations(["王伟在座谈会上强调 锚定目标", "攻坚克难 努力实现全年目标", "本报讯（记者刘鲜）4月26日，"], {1, 2})
    [1]
    """
    continuations: list[int] = []
    for index, line in enumerate(lines[:-1]):
        if (index and index not in starts) or line[:1] in (" ", "\u3000"):
            continue
        text = line.strip()
        kicker = KICKER_VERB_RE.search(text) or _KICKER_VERB_THEN_PHRASES_RE.search(text)
        if not kicker or not is_headline_text(text):
            continue
        following = index + 1
        while following < len(lines) and _continues_headline(lines[following]):
            continuations.append(following)
            following += 1
    return continuations


def _continues_headline(line: str) -> bool:
    """A line that may be part of a headline: not indented, headline text,
    and not a dateline, byline, reporter's title, subtitle or credit."""
    text = line.strip()
    return (
        line[:1] not in (" ", "\u3000")
        and is_headline_text(text)
        and not DATELINE_LEAD_RE.match(text)
        and not _is_byline_line(text)
        and REPORTER_TITLE_RE.fullmatch(text) is None
        and not SUBTITLE_RE.match(text)
        and not INTERVIEW_SUBTITLE_RE.fullmatch(text)
        and not CREDIT_RE.fullmatch(text)
    )


def _column_after(widths: list[int], index: int, column: int) -> int:
    """The column width of the lines from `index` on: the upper quartile of
    the widths of the few lines starting there (`column` when there are too
    few to tell)."""
    window = sorted(widths[index : index + COLUMN_WINDOW + 1])
    if len(window) < MIN_LINES_FOR_COLUMN:
        return column
    return window[(len(window) * 3) // 4]


def _column_before(widths: list[int], first: int, index: int, column: int) -> int:
    """The column width of the few lines before `index` back to `first`
    (the first line of its block): their upper quartile (`column` when
    there are too few to tell)."""
    window = sorted(widths[max(first, index - COLUMN_WINDOW) : index])
    if len(window) < 3:
        return column
    return window[(len(window) * 3) // 4]


def _paragraph_column(widths: list[int], lines: list[str], index: int, column: int) -> int:
    """The column of a paragraph that would start at line `index`: the width
    of the widest of its next few lines when another is as wide (full lines
    of one column; the lines around may mix two articles' columns), else
    `column`.  Lines holding characters of unsure width do not count."""
    window = [width for width, line in zip(widths[index + 1 : index + 5], lines[index + 1 : index + 5]) if not _UNSURE_WIDTH_RE.search(line)]
    if len(window) < 2:
        return column
    full = max(window)
    if sum(1 for width in window if width >= full - 2) >= 2 and full >= PHRASE_LINE_SHARE * column:
        return full
    return column


def _short_by_indent(widths: list[int], lines: list[str], index: int, column: int) -> bool:
    """Line `index` is short of the column by an indent (two characters,
    give or take one: a line may lose a character to the line-break rules),
    however wide its curly quotes were set, and the next line fills the
    column: a paragraph's first line whose indent the extractor dropped."""
    return (
        index + 1 < len(lines)
        and column - 3 * INDENT_CELLS // 2 <= widths[index] + _unsure_cells(lines[index])
        and widths[index] + _unsure_cells(lines[index]) <= column - INDENT_CELLS // 2 - 1
        and widths[index + 1] >= column - 2
    )


_CURLY_QUOTE_RE = regex.compile(r"[“”‘’]")


def _unsure_cells(line: str) -> int:
    """How many cells wider than measured a line may be printed: a curly
    quote is counted one cell and may be set in two."""
    return line.count("“") + line.count("”") + line.count("‘") + line.count("’")


def _is_byline_line(line: str) -> bool:
    """A line that is a byline by itself: reporters with their titles
    (``本报记者 李晨阔``), or two names (``高占峰 任玉静``)."""
    text = line.strip()
    if not text or len(text) > MAX_BYLINE_CHARS or ends_sentence(text):
        return False
    # the patterns need a reporter's title, or a space between the names
    return (("记者" in text or "通讯员" in text) and REPORTER_RE.fullmatch(text) is not None) or (
        " " in text and TWO_NAMES_RE.fullmatch(text) is not None
    )


def _is_wide(widths: list[int], columns: list[int], index: int) -> bool:
    """A line wider than its column and than the line after it (or before
    it, for the last line): a headline set across columns."""
    neighbour = widths[index + 1] if index + 1 < len(widths) else widths[index - 1]
    return widths[index] > columns[index] + WIDE_LINE_CELLS and widths[index] > neighbour + WIDE_LINE_CELLS


def _caption_boxes(lines: list[str], widths: list[int], columns: list[int]) -> tuple[dict[int, str], set[int]]:
    """Caption boxes: a credit line, and above it the lines whose width does
    not fit the column.  Returns the first line of each caption and of each
    credit with its kind, and the other lines of the captions."""
    kinds: dict[int, str] = {}
    inside: set[int] = set()
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not _is_credit_line(stripped):
            continue
        kinds[index] = CREDIT
        # the caption's last line is short like any last line: look above it;
        # also when it ends no sentence but goes on from the line above it
        tail = index >= 2 and not ends_sentence(lines[index - 2]) and widths[index - 1] < widths[index - 2] - CAPTION_MISFIT_CELLS
        last = index - 1 if index > 0 and (ends_sentence(lines[index - 1]) or tail) else index
        first = last
        while first > 0 and abs(widths[first - 1] - columns[first - 1]) > CAPTION_MISFIT_CELLS:
            first -= 1
        first = min(first, _caption_run_start(lines, widths, index))
        if first < last:
            kinds[first] = CAPTION
            inside.update(range(first + 1, index))
    return kinds, inside


def _caption_run_start(lines: list[str], widths: list[int], credit: int) -> int:
    """The first line of a caption box above the credit line at `credit`,
    told by its own width: a run of lines as wide as each other within a
    few cells (after a shorter last line) set in a box narrower or wider
    than the full column line above it.  A long caption makes its own width
    the local column, so the misfit to the column does not show it.  Returns
    `credit` when there is no such run.

    >>> lines = ["本"] * 9 + ["某某 摄"]
    >>> _caption_run_start(lines, [32, 32, 30, 32, 38, 38, 37, 38, 20, 8], 9)
    4
    >>> _caption_run_start(lines, [32, 32, 30, 32, 32, 32, 31, 32, 20, 8], 9)
    9

    The line above the box is full when as wide as the lines before it
    whose width is sure (digits take less room than counted):

    >>> lines = ["本", "自2021年8月", "本", "已超过90%。", "本", "本", "本", "本", "本", "某某 摄"]
    >>> _caption_run_start(lines, [50, 51, 50, 48, 58, 58, 56, 58, 20, 6], 9)
    4
    """
    line = credit - 1
    if line >= 1 and widths[line] < widths[line - 1] - 1:
        line -= 1  # the caption's short last line
    if line < 3:
        return credit
    width = widths[line]
    first = line
    while first > 0 and abs(widths[first - 1] - width) <= CAPTION_MISFIT_CELLS:
        first -= 1
    loose = _is_caption_run(lines, widths, first, line, credit, CAPTION_MISFIT_CELLS)
    # the lines of a box that hold no character of unsure width are exactly
    # as wide as each other: that tells a box a cell or two wider or
    # narrower than the column, whose run within a few cells takes in the
    # column's lines above it
    exact = line
    while exact > 0 and abs(widths[exact - 1] - width) <= (2 if _UNSURE_WIDTH_RE.search(lines[exact - 1]) else 0):
        exact -= 1
    if (
        line - exact >= MIN_EXACT_CAPTION_LINES - 1
        and not _UNSURE_WIDTH_RE.search(lines[exact - 1])
        and _is_caption_run(lines, widths, exact, line, credit, 1)
        and (not loose or (first >= 1 and all(abs(w - max(widths[max(0, first - 4) : first])) <= 2 for w in widths[first:exact])))
    ):
        return exact
    return first if loose else credit


def _is_caption_run(lines: list[str], widths: list[int], first: int, line: int, credit: int, misfit: int) -> bool:
    """Lines `first` to `line` (then the credit) are a caption box: more than
    one line, none indented, under a full line of the column that differs
    from the box by more than `misfit` cells, as the column above it does
    (a full line may be a character short where the line-break rules moved
    one: the widest of the lines above whose width is sure is the column).

    >>> lines = ["本"] * 9 + ["某某 摄"]
    >>> _is_caption_run(lines, [36, 34, 34, 34, 32, 34, 34, 34, 2, 6], 5, 7, 9, 1)
    False
    >>> _is_caption_run(lines, [32, 32, 32, 32, 32, 34, 34, 34, 2, 6], 5, 7, 9, 1)
    True
    """
    above = first - 1
    return not (
        first == line  # one line is no run
        # indented lines are paragraphs (or pieces of columns cut apart)
        or any(text[:1] in (" ", "\u3000") for text in lines[first + 1 : credit])
        or above < 1
        or abs(widths[above] - widths[line]) <= misfit
        or abs(_widest_sure(lines[max(0, above - 3) : above + 1], widths[max(0, above - 3) : above + 1], widths[above]) - widths[line]) <= misfit
        # the line above is a full line of its column (as wide as the widest
        # of the lines before it that hold no character of unsure width),
        # not a headline or a paragraph's last line
        or widths[above] + _unsure_cells(lines[above]) < _widest_sure(lines[max(0, above - 3) : above], widths[max(0, above - 3) : above]) - 2
    )


def _widest_sure(lines: list[str], widths: list[int], default: int | None = None) -> int:
    """The widest of `lines` that hold no character of unsure width (when
    each holds one: `default`, or the widest of them all)."""
    sure = [width for line, width in zip(lines, widths) if not _UNSURE_WIDTH_RE.search(line)]
    return max(sure) if sure else (max(widths) if default is None else default)


def typical_column(blocks: list[Block]) -> int:
    """The most common printed width of the lines that are neither the first
    nor the last of their block (0 when there are none): the column width."""
    counts: dict[int, int] = {}
    for width in _printed_widths([line for block in blocks for line in block.lines[1:-1]]):
        counts[width] = counts.get(width, 0) + 1
    if sum(counts.values()) < MIN_LINES_FOR_PAGE_COLUMN:
        return 0
    return max(counts, key=lambda width: (counts[width], width))


def _printed_width(line: str) -> int:
    """The width of a line as printed: spaces inside it were spread by
    justification and do not count; leading spaces are an indent, usually two
    ideographic spaces, however the extractor wrote them.

    >>> _printed_width("　　“快7”路 通"), _printed_width("ab 中文")  # indent 4, 快路通 6, 7 1, quotes 1 each
    (13, 6)
    """
    return _printed_widths([line])[0]


def _printed_widths(lines: list[str]) -> list[int]:
    """:func:`_printed_width` of each of `lines`, measured together (one
    encoding of them all, see :func:`display_widths`)."""
    bodies = [line.lstrip(" \u3000") for line in lines]
    # curly quotes are set half or full width, depending on the font: count
    # them as the narrower, so that a line full of quotes does not look wide
    measured = "\n".join(bodies).replace(" ", "")
    for quote, narrow in _NARROW_QUOTES:  # str.replace: several times faster than str.translate
        measured = measured.replace(quote, narrow)
    widths = display_widths(measured.split("\n"))
    return [width + (INDENT_CELLS if len(body) < len(line) else 0) for width, body, line in zip(widths, bodies, lines)]


def _local_column(widths: list[int], index: int) -> int:
    """The column width around line `index`: the upper quartile of the
    widths of the lines within a few lines of it."""
    window = sorted(widths[max(0, index - COLUMN_WINDOW) : index + COLUMN_WINDOW + 1])
    quartile = window[(len(window) * 3) // 4]
    median = window[len(window) // 2]
    if quartile - median <= WIDE_LINE_CELLS:
        return quartile
    # justified lines share one width: when half the window does, a few
    # wider lines (a headline across columns above the column) do not move it
    common = max(set(window), key=lambda width: (window.count(width), width))
    return common if window.count(common) * 2 >= len(window) and common < quartile else quartile


def _split_lines(lines: list[str], previous_ends: bool, page_column: int) -> list[tuple[list[str], str | None]]:
    parts: list[tuple[list[str], str | None]] = []
    for paragraph, kind in _paragraph_parts(lines, page_column):
        if kind is not None:
            parts.append((paragraph, kind))
            continue
        parts.extend((part, None) for part in _split_paragraph_lines(paragraph, previous_ends and not parts))
    return parts


#: What a line that is only an ellipsis or that starts a subtitle holds
#: (see :data:`ELLIPSIS_RE` and :data:`SUBTITLE_RE`).
_OWN_BLOCK_MARKS = ("…", "...", "。。。", "⋯", "—", "--", "─")


def _split_paragraph_lines(lines: list[str], previous_ends: bool) -> list[list[str]]:
    text = "\n".join(lines)
    # without any of these marks no line is an ellipsis or a subtitle: only
    # the last line (a credit) need be looked at
    first = 0 if any(mark in text for mark in _OWN_BLOCK_MARKS) else max(0, len(lines) - 1)
    parts: list[list[str]] = []
    current: list[str] = lines[:first]
    for index in range(first, len(lines)):
        line = lines[index]
        stripped = line.strip()
        own_block = ELLIPSIS_RE.fullmatch(stripped) or (index > 0 and SUBTITLE_RE.match(stripped))
        credit = (
            index > 0
            and index == len(lines) - 1
            and len(stripped) <= 36
            and CREDIT_RE.fullmatch(stripped)
            and ends_sentence(lines[index - 1])
        )
        if own_block or credit:
            if current:
                parts.append(current)
            parts.append([line])
            current = []
        else:
            current.append(line)
    if current:
        parts.append(current)
    if previous_ends and parts:
        parts[0:1] = _split_leading_headline(parts[0])
    return parts


def _split_leading_headline(lines: list[str]) -> list[list[str]]:
    inked: list[int] = []  # the lines' inked widths, measured once when first needed
    for count in (2, 1):
        if len(lines) <= count:
            continue
        head, rest = lines[:count], lines[count:]
        head_text = "".join(line.strip() for line in head)
        if (
            len(head_text) < MIN_HEADLINE_CHARS
            or not is_headline_text(head_text)
            or KICKER_VERB_RE.search(head_text)  # a kicker goes on with its headline
            or rest[0].strip()[:1] in "，、；：。！？）》”,;:!?)"
        ):
            continue  # told from the text: the widths need not be measured
        inked = inked or _inked_widths(lines)
        column = max(inked[count:])  # spaces spread by justification take no room
        if (len(rest) >= 2 or column >= 20) and all(
            # a line spread apart by justification keeps its spaces: it filled its column
            display_width(line.strip()) <= HEADLINE_WIDTH_SHARE * column
            for line in head
        ):
            return [head, rest]
    return [lines]


def join_hard_wraps(doc: Document, config) -> Document:
    """Every block but a table becomes one line (spec §1, §2).

    A headline set on two short lines keeps a space between its phrases; one
    whose first line fills the column was wrapped and is joined with nothing.
    """
    blocks = doc.blocks
    # the width of every line, measured once for the columns and the blocks
    inked = [_inked_widths(block.lines) for block in blocks]
    columns = _nearest_columns([_own_column(block, widths) for block, widths in zip(blocks, inked)])
    for block, widths, neighbours_column in zip(blocks, inked, columns):
        if block.kind == TABLE:
            continue
        lines = block.lines
        own = sorted(widths[:-1])
        # three lines or fewer tell their column poorly (a short first line,
        # a line of half-width digits): the paragraphs around tell it better
        column = own[len(own) // 2] if len(own) >= 3 or (own and not neighbours_column) else neighbours_column
        if len(own) == 2 and abs(own[1] - neighbours_column) > WIDE_LINE_CELLS:
            # the paragraphs around are set in another width (reading-order extraction
            # puts articles of different widths one after another): two lines of
            # their own, the longer being justified, tell this block's column
            column = own[1]
        block.last_line_share = widths[-1] / column if column > 0 else 0.0
        # no indent, and as wide as the widest line (justified lines fill
        # their column; a quote mark may make one look narrower): no
        # paragraph starts here
        widest = max(own[-1] if own else 0, neighbours_column)
        block.opens_full_line = widest > 0 and lines[0][:1] not in (" ", "\u3000") and widths[0] >= widest - 2
        if len(lines) == 1:
            continue
        # a byline's lines are its titles and names: phrases, always
        phrase = block.kind == BYLINE or (block.kind in PHRASE_KINDS and _is_phrase_lines(lines, neighbours_column))
        if block.kind == HEADLINE and not phrase and any(KICKER_VERB_RE.search(line.strip()) for line in lines[:-1]):
            block.text = join_kicker_lines(lines, neighbours_column)
            continue
        block.text = join_lines(lines, phrase_space=phrase)
        if not phrase:
            block.wrap_gaps = han_line_breaks(lines)
    return doc


def join_kicker_lines(lines: list[str], column: int) -> str:
    """Join a headline's lines whose kicker ends in a verb of saying: the
    kicker and the headline under it are phrases (one space), and each is
    joined as a headline of its own (spec §3: phrase spaces stay).

    >>> join_kicker_lines(["王伟在企业家座谈会", "上强调", "打造发展新优势", "为高质量发展贡献力量"], 20)
    '王伟在企业家座谈会上强调 打造发展新优势 为高质量发展贡献力量'
    """
    groups: list[list[str]] = [[]]
    for line in lines:
        groups[-1].append(line)
        if KICKER_VERB_RE.search(line.strip()):
            groups.append([])
    return " ".join(join_lines(group, phrase_space=_is_phrase_lines(group, column)) for group in groups if group)


#: What is neither a Hanzi nor a line break between two Hanzi.
_NOT_HAN_NOR_HAN_BREAK_RE = regex.compile(r"[^\p{Han}\n]+|(?<!\p{Han})\n|\n(?!\p{Han})")


def han_line_breaks(lines: list[str]) -> tuple[int, ...]:
    """The line breaks between two Hanzi, each counted by the Hanzi before it
    (reading order may put a displaced fragment back there, spec §5).

    >>> han_line_breaks(["局领导包联乡镇党委", "考核评比，共3", "项"])
    (9,)
    >>> han_line_breaks(["一二 ", "", " 三", "四", "A"])
    (2, 3)
    """
    text = "\n".join(line for line in map(str.strip, lines) if line)  # a blank line breaks nothing
    # the Hanzi, and the line breaks between two of them: found in one pass
    kept = _NOT_HAN_NOR_HAN_BREAK_RE.sub("", text)
    return tuple(accumulate(len(run) for run in kept.split("\n")))[:-1]


def _is_phrase_lines(lines: list[str], column: int) -> bool:
    """Whether the lines of a headline are phrases (joined with a space)
    rather than one phrase wrapped: they are set with phrase spaces already,
    or each is clearly shorter than the column and reads as a headline."""
    if all(PHRASE_GAP_RE.search(line) or len(line.strip()) <= 4 for line in lines if line.strip()):
        return True
    first = display_width(lines[0].strip())
    return column > 0 and first < FULL_LINE_SHARE * column and all(
        is_headline_text(line.strip()) and not has_running_commas(line)
        for line in lines
        if line.strip()
    )


def column_widths(blocks: list[Block]) -> list[int]:
    """For each block, the column width of the paragraphs nearest to it: the
    median width of the lines (but the last) of the nearest paragraph of three
    lines or more after it, or else before it (0 when there is none).  One
    pass each way, so long documents stay linear."""
    return _nearest_columns([_own_column(block) for block in blocks])


def _nearest_columns(own: list[int]) -> list[int]:
    """:func:`column_widths` from each block's own column (0 for a block
    that shows none)."""
    after = [0] * len(own)
    nearest = 0
    for index in range(len(own) - 1, -1, -1):
        after[index] = nearest
        nearest = own[index] or nearest
    widths = []
    nearest = 0
    for index, width in enumerate(own):
        widths.append(after[index] or nearest)
        nearest = width or nearest
    return widths


def _own_column(block: Block, inked: list[int] | None = None) -> int:
    """The median inked width of a paragraph's lines but the last (0 for a
    block of fewer than three lines, or no paragraph); `inked`: the widths
    of all its lines, when already measured."""
    if block.kind != PARAGRAPH or block.text.count("\n") < 2:
        return 0
    widths = sorted(inked[:-1] if inked is not None else _inked_widths(block.lines[:-1]))
    return widths[len(widths) // 2]


def _inked_width(line: str) -> int:
    """The width of a line's characters, without the spaces that
    justification spread between them (``前磨 头 镇 及 周 边``)."""
    return display_width(line.replace(" ", "").strip())


def _inked_widths(lines: list[str]) -> list[int]:
    """:func:`_inked_width` of each of `lines`, measured together."""
    return display_widths([line.replace(" ", "").strip() for line in lines])


__all__ = ["join_lines", "split_blocks", "join_hard_wraps", "read_interleaved_columns", "HEADLINE"]
