"""Finding blocks and joining the hard wraps inside them (spec §2)."""

from __future__ import annotations

import regex

from .chardata import display_width, ends_sentence
from .classify import CREDIT_RE, ELLIPSIS_RE, SUBTITLE_RE, classify, is_headline_text
from .document import (
    FURNITURE,
    HEADLINE,
    JUMP,
    PARAGRAPH,
    PHRASE_KINDS,
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
SHORT_LINE_SHARE = 0.8
#: ... and a first line that ends no sentence must be narrower than this
#: share to be a headline of its own.
HEADLINE_LINE_SHARE = 0.7
#: Lines on each side that make up a line's neighbourhood for its column width.
COLUMN_WINDOW = 6
#: Fewest characters in a headline split off a paragraph.
MIN_HEADLINE_CHARS = 4

_LATIN_END_RE = regex.compile(r"[A-Za-z][A-Za-z0-9]*[.,;:!?)'\"]?$")
_LATIN_START_RE = regex.compile(r"[A-Za-z(\"']")
_HYPHEN_END_RE = regex.compile(r"[a-z]-$")


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
    >>> join_lines(["织密“监测网”", "加强应急处置能力"], phrase_space=True)
    '织密“监测网” 加强应急处置能力'
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

    >>> doc = split_blocks(Document([Block("织密“监测网”\\n加强应急处置能力\\n当前，全球新冠肺炎疫情仍在\\n持续演变，国内防控形势紧急。")]), None)
    >>> [(b.kind, b.text) for b in doc.blocks]
    [('headline', '织密“监测网”\\n加强应急处置能力'), ('paragraph', '当前，全球新冠肺炎疫情仍在\\n持续演变，国内防控形势紧急。')]
    """
    blocks: list[Block] = []
    for block in _split_tables(doc.blocks):
        if block.kind in (TABLE, FURNITURE, JUMP):
            classify(block)
            blocks.append(block)
            continue
        previous_ends = not blocks or ends_sentence(blocks[-1].text) or blocks[-1].kind != PARAGRAPH
        parts = _split_lines(block.lines, previous_ends)
        for number, part in enumerate(parts, 1):
            new = Block("\n".join(part), block.kind, block.page, block.start)
            new.continued = block.continued and number == len(parts)
            classify(new)
            blocks.append(new)
    for block, column in zip(blocks, column_widths(blocks)):
        if block.kind == HEADLINE and _is_cut_paragraph(block, column):
            block.kind = PARAGRAPH
    if doc.changes is not None and len(blocks) != len(doc.blocks):
        doc.record("split_blocks", 0, 0, "", "", f"{len(doc.blocks)} blocks -> {len(blocks)} blocks")
    doc.blocks = blocks
    return doc


def _split_tables(blocks: list[Block]) -> list[Block]:
    """Separate the rows of a table (lines with tabs) from the text lines
    around them, for extractions that write no blank line around tables."""
    out: list[Block] = []
    for block in blocks:
        if block.text.count("\t") < 2 or block.kind in (FURNITURE, JUMP):
            out.append(block)
            continue
        run: list[str] = []
        for line in block.lines:
            if run and ("\t" in line) != ("\t" in run[-1]):
                out.append(_part(block, run, "\t" in run[-1]))
                run = []
            run.append(line)
        out.append(_part(block, run, "\t" in run[-1]))
        out[-1].continued = block.continued
    return out


def _part(block: Block, lines: list[str], table: bool) -> Block:
    return Block("\n".join(lines), TABLE if table else PARAGRAPH, block.page, block.start)


def _is_cut_paragraph(block: Block, column: int) -> bool:
    """A headline-shaped block that is really a paragraph cut at a column
    end: its last line fills the column and it holds running-text commas."""
    last = block.lines[-1].strip()
    return (
        column > 0
        and display_width(last) >= FULL_LINE_SHARE * column
        and any(mark in block.text for mark in "，、,")
        and (len(block.lines) == 1 or display_width(block.lines[0].strip()) >= FULL_LINE_SHARE * column)
    )


def split_paragraphs(lines: list[str]) -> list[list[str]]:
    """Find paragraph ends in lines that no blank line separates (spec §2).

    Extractors such as PyMuPDF, pdfminer.six and ``pdftotext`` end every line
    with a single newline.  A paragraph then ends at a line that is clearly
    shorter than the column around it (justified text fills every other line),
    or before an indented line; consecutive short lines that end no sentence
    are one headline or subhead.  A full-width line never ends a paragraph
    without such evidence.

    >>> lines = ["今年以来，我市持续推进民生工", "程建设，成效明显。", "本报记者 张三", "　　记者从市住建局获悉，全市已", "完成改造任务的九成以上，进度", "超过预期。"]
    >>> [len(part) for part in split_paragraphs(lines)]
    [2, 1, 3]
    """
    if len(lines) < 3:
        return [lines]
    widths = [_printed_width(line) for line in lines]
    indented = [line[:1] in (" ", "\u3000") for line in lines]
    mostly_indented = sum(indented) * 2 > len(lines)
    parts: list[list[str]] = [[lines[0]]]
    for index in range(1, len(lines)):
        column = _local_column(widths, index)
        previous_short = widths[index - 1] < SHORT_LINE_SHARE * column
        if previous_short and len(parts[-1]) == 1 and not ends_sentence(lines[index - 1]):
            # a first line that ends no sentence is a headline only when it is
            # clearly short: a dateline opening a paragraph is short too
            previous_short = widths[index - 1] < HEADLINE_LINE_SHARE * column
        short = widths[index] < SHORT_LINE_SHARE * column
        same_headline = (
            previous_short
            and short
            and not ends_sentence(lines[index - 1])
            and not ends_sentence(lines[index])
            and not indented[index]
            and len(parts[-1]) == 1
        )
        if (indented[index] and not mostly_indented) or (previous_short and not same_headline):
            parts.append([lines[index]])
        else:
            parts[-1].append(lines[index])
    return parts


def _printed_width(line: str) -> int:
    """The width of a line as printed: spaces inside it were spread by
    justification and do not count; leading spaces are an indent, usually two
    ideographic spaces, however the extractor wrote them."""
    body = line.lstrip(" \u3000")
    indent = 4 if len(body) < len(line) else 0
    return indent + display_width(body.replace(" ", ""))


def _local_column(widths: list[int], index: int) -> int:
    """The column width around line `index`: the upper quartile of the
    widths of the lines within a few lines of it."""
    window = sorted(widths[max(0, index - COLUMN_WINDOW) : index + COLUMN_WINDOW + 1])
    return window[(len(window) * 3) // 4]


def _split_lines(lines: list[str], previous_ends: bool) -> list[list[str]]:
    parts: list[list[str]] = []
    for paragraph in split_paragraphs(lines):
        parts.extend(_split_paragraph_lines(paragraph, previous_ends and not parts))
    return parts


def _split_paragraph_lines(lines: list[str], previous_ends: bool) -> list[list[str]]:
    parts: list[list[str]] = []
    current: list[str] = []
    for index, line in enumerate(lines):
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
    for count in (2, 1):
        if len(lines) <= count:
            continue
        head, rest = lines[:count], lines[count:]
        head_text = "".join(line.strip() for line in head)
        column = max(display_width(line.strip()) for line in rest)
        if (
            len(head_text) >= MIN_HEADLINE_CHARS
            and (len(rest) >= 2 or column >= 20)
            and all(display_width(line.strip()) <= HEADLINE_WIDTH_SHARE * column for line in head)
            and is_headline_text(head_text)
            and not rest[0].strip()[:1] in "，、；：。！？）》”,;:!?)"
        ):
            return [head, rest]
    return [lines]


def join_hard_wraps(doc: Document, config) -> Document:
    """Every block but a table becomes one line (spec §1, §2).

    A headline set on two short lines keeps a space between its phrases; one
    whose first line fills the column was wrapped and is joined with nothing.
    """
    blocks = doc.blocks
    columns = column_widths(blocks)
    for block, neighbours_column in zip(blocks, columns):
        if block.kind == TABLE:
            continue
        lines = block.lines
        own = sorted(display_width(line.strip()) for line in lines[:-1])
        column = own[len(own) // 2] if len(own) >= 2 else neighbours_column
        block.last_line_share = display_width(lines[-1].strip()) / column if column > 0 else 0.0
        if len(lines) == 1:
            continue
        phrase = block.kind in PHRASE_KINDS and _is_phrase_lines(lines, neighbours_column)
        block.text = join_lines(lines, phrase_space=phrase)
    return doc


def _is_phrase_lines(lines: list[str], column: int) -> bool:
    first = display_width(lines[0].strip())
    return column > 0 and first < FULL_LINE_SHARE * column and all(
        is_headline_text(line.strip()) and not any(mark in line for mark in "，、,")
        for line in lines
        if line.strip()
    )


def column_widths(blocks: list[Block]) -> list[int]:
    """For each block, the column width of the paragraphs nearest to it: the
    median width of the lines (but the last) of the nearest paragraph of three
    lines or more after it, or else before it (0 when there is none).  One
    pass each way, so long documents stay linear."""
    own = [_own_column(block) for block in blocks]
    after = [0] * len(blocks)
    nearest = 0
    for index in range(len(blocks) - 1, -1, -1):
        after[index] = nearest
        nearest = own[index] or nearest
    widths = []
    nearest = 0
    for index, width in enumerate(own):
        widths.append(after[index] or nearest)
        nearest = width or nearest
    return widths


def _own_column(block: Block) -> int:
    if block.kind != PARAGRAPH or block.text.count("\n") < 2:
        return 0
    widths = sorted(display_width(line.strip()) for line in block.lines[:-1])
    return widths[len(widths) // 2]


__all__ = ["join_lines", "split_blocks", "join_hard_wraps", "HEADLINE"]
