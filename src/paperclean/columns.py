"""Side-by-side columns of layout-preserving extraction (spec §2).

``pdftotext -layout`` and PyMuPDF's sorted text (``get_text(sort=True)``) set
the columns of a page side by side on each line.  This step finds where each
word of a line stood on the page, finds the column gutters (positions blank
on nearly every line of a region, with text on both sides), and reads the
columns one after another, left to right, each top to bottom.  A page where
no text stands side by side is left exactly as it is.

Two ways of laying a line out are understood; which one a page uses shows in
its spacing (see :func:`_placements_to_try`):

- *on a grid* (``pdftotext -layout``): every character, wide or narrow, takes
  one position, and a word stands at the position of its first character;
  columns stand at least two positions apart;
- *by distances* (PyMuPDF): the words of a visual line are joined with as many
  spaces as the distance to the previous word holds characters of the next
  word (one space at least), so a word's position is the sum of the widths
  before it (a wide character is one unit, a narrow one half) and of those
  spaces.  Sums drift: a justified line is as wide as its column on the
  page whatever its text holds, so once a region's column width is known,
  lines about that wide are placed that wide, positions are snapped to the
  column starts, and a word after a column's full line opens the next
  column.  A line PyMuPDF glued to the one above is cut off again.  A
  caption's line in a smaller face is wider in characters than its column:
  it and the words after it on its row are left out when gutters are
  looked for, a column's line after it that fills its column is not taken
  for an indented one, and a credit's words one space apart stay together.

A region is a run of lines between blank lines (extractors leave a blank line
where the page has vertical space: above a headline, between articles).  A
region too short to show its gutters uses those found elsewhere on its page
that it keeps clear; a region that goes on with the columns above it (same
gutters, no article ended above, no headline or jump line on top) is read
with them.  Within a region:

- lines at its top that do not fit the columns (a headline across them, a
  kicker of phrases, a centred line, a byline) stay whole, as blocks of their
  own unless they start level with the line above;
- a photo box inside a column (a caption in a smaller face, wider than the
  column or not lined up with it, and its credit) is set apart as a block
  of its own where it stands; reading order puts it after its paragraph;
- a paragraph's first line keeps a two-space indent, so that the next steps
  see where paragraphs start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate, islice
from typing import Callable

import regex

from .chardata import KICKER_VERB_RE, display_width, ends_sentence
from .document import _BLANK_CHARS, Block, Document, parse
from .jumps import find_jumps

#: A line whose words reach less far than this (in character units) is not
#: used to find gutters.
MIN_LINE_UNITS = 15
#: A gutter is blank on at least this share of the long lines that reach past it...
GUTTER_BLANK_SHARE = 0.85
#: ...with text on both sides on at least this share of them.
GUTTER_TEXT_SHARE = 0.4
#: A region keeps a gutter found elsewhere on its page when at most this
#: share of its lines, and one, have a word in it (a caption box in a
#: smaller face, a headline, a word placed a little early).
KEPT_GUTTER_CROSSING_SHARE = 0.3
#: Fewest long lines to find gutters (on a page, or a region of its own).
MIN_LAYOUT_LINES = 5
#: Words at least this wide (units) are runs of text, not letters spread apart.
SOLID_WORD_UNITS = 3
#: Most lines across the columns at the top of a region (kicker, headline
#: lines, subtitle, byline).
MAX_TOP_LINES = 4
#: Words are placed by distances when at least this share of the space runs
#: between Chinese words are single spaces (measured: 0.47 and more in
#: PyMuPDF's sorted text, 0.24 at most in pdftotext -layout).
SINGLE_GAP_SHARE = 0.35
#: Summed distances put a column's line this close to its column's start,
#: or to an indent (two characters) in.
SNAP_UNITS = 1.5
INDENT_UNITS_DISTANCE = 2.0
#: Most lines of a page (this share) end left of its right edge.
GLUE_EDGE_SHARE = 0.8
#: No column is narrower than this (units): blank stretches closer together
#: are one gutter that a word of a headline crossed.
MIN_COLUMN_UNITS = 4
#: A line at the top of a region this many times wider (on the page: narrow
#: characters count half) than its column's lines is a headline.
WIDE_LINE_SHARE = 1.2
#: A word this many times wider than a column's lines is set in a smaller
#: face (a caption) and is left out when gutters are looked for, with the
#: words after it on its row (placed by distances from its width, which is
#: not known).  A caption's full line holds a character or more than the
#: column's: 12 in a column of 11 is 1.09 times as wide.
CAPTION_WIDTH_SHARE = 1.05
#: A column's line at most this much (units) narrower than the column is full.
FULL_LINE_SLACK = 1.5
#: A region of fewer lines is kept whole: there is nothing to reorder.
MIN_REGION_LINES = 3
#: A word this far (units) right of its column's start is indented (a
#: paragraph's first line: two ideographic spaces).
INDENT_UNITS = 1.5
#: A paragraph's first line, set two characters in, is at least this much
#: (units) narrower than its column (the indent leaves two; a narrow
#: character more may stand in one of them).
INDENTED_LINE_ROOM = 1.0
#: Gutters are looked for in cells this wide (units).
CELL_UNITS = 0.5

_WORD_RE = regex.compile(r"[^ \u3000]+")
_GAP_RE = regex.compile(r"\S[ \u3000]+\S")
#: Two runs of text side by side (not letters spread apart by justification).
_SIDE_BY_SIDE_RE = regex.compile(r"[^\s\u3000]{3}[ \u3000]+[^\s\u3000]{3}")
_CJK_GAP_RE = regex.compile(r"(?<=[\p{Han}，。、；：”“）》])[ ]+(?=[\p{Han}“（《])")
#: A run of blank cells (in the bytes of :func:`_gutters_from_counts`, 1 for blank).
_BLANK_CELLS_RE = re.compile(rb"\x01+")
#: A space between two words of a line (as :data:`_WORD_RE` cuts them).
_INNER_SPACE_RE = regex.compile(r"[^ \u3000][ \u3000]+[^ \u3000]")
#: Two spaces or more between two words: where :func:`_unglue` may cut a line.
_WIDE_INNER_SPACE_RE = regex.compile(r"[^ \u3000][ \u3000]{2,}[^ \u3000]")


@dataclass(slots=True)
class Word:
    """A word of a line: where it starts and ends (in character units), and
    where it is in the line's text."""

    x0: float
    x1: float
    start: int
    end: int
    #: its width on the page: a wide character is one unit, a narrow one half
    units: float


def words_on_grid(line: str) -> list[Word]:
    """Words of a line laid out on a grid: one position per character.

    >>> [(w.x0, w.x1) for w in words_on_grid("  本报讯    第二栏")]
    [(2, 5), (9, 12)]
    """
    return [Word(m.start(), m.end(), m.start(), m.end(), display_width(m.group()) / 2) for m in _WORD_RE.finditer(line)]


def words_by_distance(line: str, full_width: float = 0.0) -> list[Word]:
    """Words of a line laid out by distances: a wide character is one unit,
    a narrow one half; the spaces before a word count in characters of that
    word (PyMuPDF's sorted text).  With the `full_width` of the columns
    known, a word nearly that wide is a justified line, as wide as its
    column on the page whatever its text holds, and its characters that
    much wider.

    >>> [(w.x0, w.x1) for w in words_by_distance("  本报讯 第二栏")]
    [(2.0, 5.0), (6.0, 9.0)]
    >>> [(w.x0, w.x1) for w in words_by_distance("2021年  第二栏")]
    [(0.0, 3.0), (5.0, 8.0)]
    >>> [(w.x0, w.x1) for w in words_by_distance("第一栏的文字内 第二栏的文字内容", full_width=8)]
    [(0.0, 8.0), (9.0, 17.0)]
    """
    if " " not in line and "\u3000" not in line:  # the usual line of a column: one word
        return _one_word(line, full_width) if line else []
    words: list[Word] = []
    x = 0.0
    position = 0
    for match in _WORD_RE.finditer(line):
        units = _word_units(match.group(), full_width)
        x += (match.start() - position) * units / len(match.group())
        words.append(Word(round(x, 2), round(x + units, 2), match.start(), match.end(), units))
        x += units
        position = match.end()
    return words


def _one_word(line: str, full_width: float) -> list[Word]:
    """:func:`words_by_distance` of a line without spaces: one word at the
    line's start."""
    units = _word_units(line, full_width)
    return [Word(0.0, round(units, 2), 0, len(line), units)]


def _word_units(word: str, full_width: float) -> float:
    """How wide a word is placed by distances (see :func:`words_by_distance`)."""
    units = display_width(word) / 2
    if full_width and full_width - FULL_LINE_SLACK <= units < full_width:
        units = full_width
    return units


@dataclass(frozen=True, slots=True)
class Placement:
    """How a line's words are placed, and how closely that places them."""

    #: the words of a line with their positions
    words: Callable[[str], list[Word]]
    #: narrowest gutter (units)
    min_gutter: float
    #: positions may be off by this much (units)
    jitter: float
    #: a word starting this far left of a column start still opens it
    slack: float
    #: a column's line starts this close to the column's start
    align: float
    #: lines may be glued together (see :func:`_unglue`)
    unglue: bool = False


#: On a grid a gutter is at least two positions wide; distances are summed
#: from rounded space counts (PyMuPDF sets one space at least between two
#: words that do not touch, so a gutter can be one space) and drift by about
#: a unit over a line.
PLACEMENTS = (
    Placement(words_on_grid, min_gutter=2.0, jitter=0.0, slack=1.0, align=0.5),
    Placement(words_by_distance, min_gutter=1.0, jitter=1.0, slack=1.5, align=1.5, unglue=True),
)


@dataclass(slots=True)
class Gutter:
    start: float
    end: float
    #: a word starting this far left of the gutter's end opens the next column
    slack: float = 1.0


def find_gutters(rows: list[list[Word]], min_width: float, jitter: float = 0.0, slack: float = 1.0) -> list[Gutter]:
    """Gutters of these rows: intervals blank on nearly every long row that
    reaches past them, with text on both sides of them on many rows.  Each
    word is shrunk by `jitter` units at both ends (a short word by a quarter
    of its width), for positions known only that closely.

    >>> rows = [words_on_grid("第一栏的文字内容很长很长    第二栏的文字内容也很长")] * 6
    >>> [(g.start, g.end) for g in find_gutters(rows, 2)]
    [(12.0, 16.0)]
    """
    return _gutters_of_long_rows([row for row in rows if _is_long(row)], min_width, jitter, slack)


def _is_long(row: list[Word]) -> bool:
    """Whether a row is used to find gutters: long enough, not letters spread apart."""
    return bool(row) and row[-1].x1 >= MIN_LINE_UNITS and not _letter_spaced(row)


def _gutters_of_long_rows(long_rows: list[list[Word]], min_width: float, jitter: float, slack: float) -> list[Gutter]:
    """:func:`find_gutters` of rows whose long rows are these."""
    if len(long_rows) < MIN_LAYOUT_LINES:
        return []
    widest = _widest_line(long_rows) if jitter else float("inf")
    if not _may_have_gutters(long_rows, widest, min_width, jitter):
        return []
    size = _cells_for(long_rows)
    return _gutters_from_counts(long_rows, _cell_counts(long_rows, jitter, widest, size), size, min_width, slack)


def _may_have_gutters(long_rows: list[list[Word]], widest: float, min_width: float, jitter: float) -> bool:
    """Whether :func:`_gutters_from_counts` can find a gutter in these rows:
    a cheap count that lets a page without columns skip the search, and
    never says no where the search finds a gutter.

    A gutter is at least two cells wide (`min_width` one unit or more), and
    a word is shrunk by at most `jitter` (one unit or less) at each end, so a
    row of one word that has text on both sides of a gutter covers one of
    the gutter's first two cells (positions are in hundredths of a unit, as
    the words are placed here), unless it is set apart as wider than
    `widest`.  Each of those cells is blank on 85% of the rows, and 40% of
    the rows have text on both sides: so a tenth of the rows at least hold
    several words or a word wider than `widest` (one row less, for the
    rounding of the shares).

    >>> text = [words_on_grid("一段正文的文字内容很长很长很长很长很长很长")] * 20
    >>> columns = [words_on_grid("第一栏的文字内容很长很长    第二栏的文字内容也很长")] * 3
    >>> _may_have_gutters(text + columns[:1], float("inf"), 2.0, 0.0), _may_have_gutters(text + columns, float("inf"), 2.0, 0.0)
    (False, True)
    """
    if jitter > 2 * CELL_UNITS or min_width < max(jitter, 2 * CELL_UNITS):
        return True  # the count above does not hold
    spread = sum(1 for row in long_rows if len(row) > 1 or row[0].x1 - row[0].x0 > widest)
    return spread >= (GUTTER_TEXT_SHARE - 2 * (1 - GUTTER_BLANK_SHARE)) * len(long_rows) - 1


def _cells_for(long_rows: list[list[Word]]) -> int:
    """How many cells the counts of :func:`_cell_counts` need for these rows."""
    return int(max(row[-1].x1 for row in long_rows) / CELL_UNITS) + 2


def _cell_counts(long_rows: list[list[Word]], jitter: float, widest: float, size: int) -> list[list[int]]:
    """For each cell, how many rows have a word on it, reach past it, have
    text left of it; kept as differences from the cell before (so that a
    row's counts can be taken out again: :func:`_add_row_counts`)."""
    counts = [[0] * (size + 1) for _ in range(3)]
    for row in long_rows:
        _add_row_counts(counts, row, jitter, widest, 1)
    return counts


def _add_row_counts(counts: list[list[int]], row: list[Word], jitter: float, widest: float, sign: int) -> None:
    step = CELL_UNITS
    occupied, reaching, left_text = counts
    covered_to = 0
    reach = row[-1].x1
    for word in row:
        if word.x1 - word.x0 > widest:
            # a caption in a smaller face: its width is not known, nor
            # where the words after it stand; a row that it opens (its
            # leading spaces counted in its smaller characters) tells nothing
            reach = word.x0 if word is not row[0] else 0.0
            break
        shrink = min(jitter, (word.x1 - word.x0) / 4)
        first_cell = max(int((word.x0 + shrink) / step), covered_to)
        end_cell = max(int((word.x0 + shrink) / step) + 1, int((word.x1 - shrink) / step + 0.999))
        if end_cell > first_cell:
            occupied[first_cell] += sign
            occupied[end_cell] -= sign
            covered_to = end_cell
    reaching[0] += sign
    reaching[int(reach / step)] -= sign
    left_text[int(row[0].x0 / step) + 1] += sign


def _gutters_from_counts(
    long_rows: list[list[Word]], counts: list[list[int]], size: int, min_width: float, slack: float
) -> list[Gutter]:
    """The gutters of :func:`find_gutters` from the cell counts of these rows."""
    step = CELL_UNITS
    occupied, reaching, left_text = (list(accumulate(cell_counts)) for cell_counts in counts)
    least_left_text = GUTTER_TEXT_SHARE * len(long_rows)
    blank = bytes(
        reach >= MIN_LAYOUT_LINES and reach - occupied_count >= GUTTER_BLANK_SHARE * reach and left_count >= least_left_text
        for reach, occupied_count, left_count in zip(reaching[:size], occupied, left_text)
    )
    gutters: list[Gutter] = []
    for run in _BLANK_CELLS_RE.finditer(blank):  # each run of blank cells, found in one pass
        cell, end = run.span()
        if (end - cell) * step >= min_width and _text_on_both_sides(long_rows, cell * step, end * step):
            if gutters and cell * step - gutters[-1].end < MIN_COLUMN_UNITS:
                gutters[-1].end = end * step  # a headline's word split one gutter in two
            else:
                gutters.append(Gutter(cell * step, end * step, slack))
    return gutters


def _grid_may_have_gutters(lines: list[str]) -> bool:
    """Whether the search in :func:`read_columns_of_page` can find gutters
    in these lines placed on a grid: a cheap count that lets a page without
    columns skip it, and never says no where the search finds a gutter.

    On every cell of a gutter, at least 85% of the long rows reaching it are
    blank, and at least 40% of the long rows have text on both sides of it;
    so at least 25% of the long rows have a space between two words.  A
    line of one word as long as a long row is one of the other long rows:
    lines with a space between words must be at least a third as many, on
    the page without its first lines (`MAX_TOP_LINES`) or in its longest
    region.

    >>> _grid_may_have_gutters(["第一栏的文字内容很长很长    第二栏的文字内容也很长"] * 6)
    True
    >>> _grid_may_have_gutters(["一段正文的文字内容很长很长很长很长很长很长"] * 6 + ["标题  短语"])
    False
    """
    spaced = [0] * len(lines)  # 1: a space between words; -1: one long word
    for number, line in enumerate(lines):
        if "\t" in line:
            continue
        if _INNER_SPACE_RE.search(line):
            spaced[number] = 1
        elif len(line.rstrip(" \u3000")) >= MIN_LINE_UNITS and len(line.strip(" \u3000")) >= SOLID_WORD_UNITS:
            spaced[number] = -1
    top_lines = max(0, min(MAX_TOP_LINES, len(lines) - MIN_LAYOUT_LINES))
    if 1 in spaced and 3 * spaced.count(1) >= spaced.count(-1) - spaced[:top_lines].count(-1):
        return True
    regions = _regions(lines)
    region = [spaced[index] for index in max(regions, key=len)] if regions else []
    return 3 * region.count(1) >= region.count(-1) and 1 in region


def _widest_line(rows: list[list[Word]]) -> float:
    """How wide a column's line can be, from the most common width of long
    words (full lines of the columns), with a margin."""
    counts: dict[int, int] = {}
    for row in rows:
        _count_word_widths(counts, row, 1)
    return _widest_of(counts)


def _count_word_widths(counts: dict[int, int], row: list[Word], sign: int) -> None:
    """Add (`sign` 1) or take out (-1) the widths of a row's long words."""
    for word in row:
        if word.x1 - word.x0 >= MIN_COLUMN_UNITS:
            width = round(word.x1 - word.x0)
            counts[width] = counts.get(width, 0) + sign


def _widest_of(counts: dict[int, int]) -> float:
    """:func:`_widest_line` from the counts of the widths of long words."""
    widths = [width for width, count in counts.items() if count > 0]
    if not widths:
        return float("inf")
    return CAPTION_WIDTH_SHARE * max(widths, key=lambda width: (counts[width], width))


def _letter_spaced(row: list[Word]) -> bool:
    """Mostly lone characters spread apart by justification (``保 生 活 方``):
    the spaces between them are no gutters."""
    if len(row) == 1:  # the usual line: one word, spread only if narrower than a solid word
        width = row[0].x1 - row[0].x0
        return 0 < width < SOLID_WORD_UNITS
    widths = [word.x1 - word.x0 for word in row]
    return sum(width for width in widths if width >= SOLID_WORD_UNITS) < 0.5 * sum(widths)


def _text_on_both_sides(rows: list[list[Word]], start: float, end: float) -> bool:
    both = sum(1 for row in rows if row[0].x0 < start and row[-1].x1 > end)
    return both >= GUTTER_TEXT_SHARE * len(rows)


def _column_of(word: Word, gutters: list[Gutter]) -> int:
    """The column a word starts in: after the last gutter whose end it
    reaches (a word starting inside a gutter belongs to the column on its
    left, like a credit set flush right in a box)."""
    column = 0
    for number, gutter in enumerate(gutters, 1):
        if word.x0 >= gutter.end - gutter.slack:
            column = number
    return column


def _crosses(word: Word, gutters: list[Gutter]) -> bool:
    return any(word.x0 < gutter.start - gutter.slack and word.x1 > gutter.end + gutter.slack for gutter in gutters)


def _in_gutter(word: Word, gutters: list[Gutter]) -> bool:
    return any(gutter.start + gutter.slack <= word.x0 < gutter.end - gutter.slack for gutter in gutters)


def _groups(
    row: list[Word],
    gutters: list[Gutter],
    widths: list[float] | None = None,
    starts: list[float] | None = None,
    phrases: bool = False,
) -> dict[int, list[Word]]:
    """The words of a row by column.  With the columns' `widths` and
    `starts` known, a word after a column's full line (indent included) goes
    to the next column even if its position, summed from a justified line
    narrower in text than on the page, falls short of it; with `phrases`
    (words placed by distances), a word one space after a column's words
    may go on with them (see :func:`_goes_on_with`)."""
    groups: dict[int, list[Word]] = {}
    previous = 0
    for word in row:
        column = max(_column_of(word, gutters), previous)
        if phrases and widths and column > previous and previous in groups and _goes_on_with(groups[previous], word, widths[previous]):
            column = previous
        if widths and column == previous < len(gutters) and previous in groups:
            words = groups[previous]
            indent = words[0].x0 - starts[previous] if starts else 0.0
            indent = indent if 0 < indent <= INDENT_UNITS + 2 else 0.0
            if indent + _span(words) >= widths[previous] - FULL_LINE_SLACK:
                column += 1
        groups.setdefault(column, []).append(word)
        previous = column
    return groups


def _goes_on_with(words: list[Word], word: Word, width: float) -> bool:
    """Whether a word one space after a column's words on a row goes on with
    them: they do not fill the column, and with it they are no wider than
    the column (a credit ``河北日报记者 焦磊摄`` in a smaller face, whose
    second word the summed distances put in the next column).  Two columns'
    lines are a space apart only where the first fills its column.

    >>> words = words_by_distance("左栏的文字内容写得很长 河北日报记者 焦磊摄 右栏的文字内容写得很长")
    >>> _goes_on_with(words[1:2], words[2], 11), _goes_on_with(words[2:3], words[3], 11)
    (True, False)
    """
    last = words[-1]
    return word.start - last.end == 1 and _span(words) < width - FULL_LINE_SLACK and _span([*words, word]) <= width


def _span(words: list[Word]) -> float:
    """How wide a line of these words is on the page: their widths and the
    gaps between them."""
    return sum(word.units for word in words) + sum(max(0.0, b.x0 - a.x1) for a, b in zip(words, words[1:]))


def _column_widths(rows: list[list[Word]], gutters: list[Gutter]) -> list[float]:
    """Each column's width: the most common width of its lines (justified
    text fills the column on every line but a paragraph's last)."""
    counts: list[dict[float, int]] = [{} for _ in range(len(gutters) + 1)]
    for row in rows:
        for column, words in _groups(row, gutters).items():
            width = round(_span(words))
            counts[column][width] = counts[column].get(width, 0) + 1
    return [max(count, key=lambda x: (count[x], x)) if count else 0.0 for count in counts]


def _is_column_row(
    index: int,
    rows: list[list[Word]],
    lines: list[str],
    gutters: list[Gutter],
    starts: list[float],
    widths: list[float],
    align: float,
) -> bool:
    """Whether a row at the top of a region fits the columns, or is a line
    across them (a headline, a kicker): it crosses a gutter, or starts in
    one, or is clearly wider than a column's lines, or has wide gaps in a
    column, or none of its pieces stands at its column's start or an indent
    in, or it stands in one column while the row below starts further left
    (columns start level)."""
    row = rows[index]
    if any(_crosses(word, gutters) for word in row):
        return False
    groups = _groups(row, gutters, widths, starts)
    if not any(_lines_up(words[0].x0 - starts[column], align) for column, words in groups.items()):
        return False
    if any(_span(words) > WIDE_LINE_SHARE * widths[column] for column, words in groups.items()):
        return False
    if len(row) > 1 and any(_in_gutter(word, gutters) for word in row):
        return False
    if len(groups) > 1 and any(_has_wide_gap(words, lines[index]) for words in groups.values()):
        return False
    if len(groups) == 1 and index + 1 < len(rows):
        (column,) = groups
        below = set(_groups(rows[index + 1], gutters))
        if column > 0 and below and min(below) < column:
            return False
    return True


def _has_wide_gap(words: list[Word], line: str) -> bool:
    return any(line[a.end : b.start].count(" ") + 2 * line[a.end : b.start].count("\u3000") >= 2 for a, b in zip(words, words[1:]))


def _has_columns(lines: list[str], rows: list[list[Word]], gutters: list[Gutter]) -> bool:
    return len(lines) >= MIN_REGION_LINES and bool(gutters) and _is_columnar(rows, gutters)


def _read_region(lines: list[str], rows: list[list[Word]], gutters: list[Gutter], align: float, jitter: float = 0.0) -> list[str]:
    """The region's text: the lines across the columns at its top as blocks
    of their own, then each column top to bottom, left to right.  With
    positions known only to `jitter` units, a line as wide as its column is
    never indented (see :func:`_fills_column`)."""
    if not _has_columns(lines, rows, gutters):
        if len(lines) > MAX_TOP_LINES:
            return ["\n".join(line.strip() for line in lines)]
        return _split_at_edges(lines, rows, align)
    starts = _column_starts(rows, gutters)
    top = 0
    widths = _column_widths(rows, gutters)
    while top < len(rows) and not _is_column_row(top, rows, lines, gutters, starts, widths, align):
        top += 1
    parts = _split_at_edges(lines[:top], rows[:top], align)
    if top:  # the columns measured again, without the lines across them
        rows, lines = rows[top:], lines[top:]
        if not rows:
            return parts
        starts = _column_starts(rows, gutters)
        widths = _column_widths(rows, gutters)
    columns: list[list[tuple[float, float, str]]] = [[] for _ in range(len(gutters) + 1)]
    for row, line in zip(rows, lines):
        for column, words in _groups(row, gutters, widths, starts, phrases=bool(jitter)).items():
            columns[column].append((words[0].x0 - starts[column], _span(words), line[words[0].start : words[-1].end]))
    body: list[str] = []
    for column, start, width in zip(columns, starts, widths):
        in_box = _box_lines([(offset, line_width) for offset, line_width, _text in column], width, align)
        for number, (offset, line_width, text) in enumerate(column):
            if number in in_box:
                if number - 1 not in in_box:
                    parts.append("\n".join(body))
                    body = []
                body.append(text)
                if number + 1 not in in_box:
                    parts.append("\n".join(body))
                    body = []
            else:
                indented = offset >= INDENT_UNITS and not (jitter and _fills_column(line_width, width))
                body.append(("  " if indented else "") + text)
    parts.append("\n".join(body))
    return parts


def _fills_column(line_width: float, column_width: float) -> bool:
    """Whether a column's line is too wide to be a paragraph's first line set
    two characters in: it would stand out of its column.  Placed by
    distances, such a line seems indented only where the words before it on
    its row were placed too wide (a caption in a smaller face beside it, in
    PyMuPDF's sorted text).

    >>> _fills_column(16.0, 16.0), _fills_column(14.0, 16.0)
    (True, False)
    """
    return line_width > column_width - INDENTED_LINE_ROOM


def _split_at_edges(lines: list[str], rows: list[list[Word]], align: float) -> list[str]:
    """A few lines standing apart on a page of columns (a headline group:
    kicker, headline, subtitle, byline): a line that starts where the line
    above starts goes on with it; one that starts elsewhere (centred lines
    of other lengths, a byline flush left) is a block of its own.  A line
    under a kicker that ends in a verb of saying (``…会上强调``) goes on
    with it: it is what was stressed.

    >>> lines = ["      衡水推进文明城市创建", "        让群众感到幸福", "记者 陈凤来"]
    >>> _split_at_edges(lines, [words_on_grid(line) for line in lines], 0.5)
    ['衡水推进文明城市创建', '让群众感到幸福', '记者 陈凤来']
    >>> lines = ["      王伟在企业家座谈会上强调", "  打造发展新优势 贡献更大力量"]
    >>> _split_at_edges(lines, [words_on_grid(line) for line in lines], 0.5)
    ['王伟在企业家座谈会上强调\\n打造发展新优势 贡献更大力量']
    """
    parts: list[str] = []
    for number, (line, row) in enumerate(zip(lines, rows)):
        if number and row and rows[number - 1] and (abs(row[0].x0 - rows[number - 1][0].x0) <= align or KICKER_VERB_RE.search(lines[number - 1])):
            parts[-1] += "\n" + line.strip()
        else:
            parts.append(line.strip())
    return parts


def _lines_up(offset: float, align: float) -> bool:
    """Whether a line this far right of its column's start stands at the
    start or an indent in."""
    return abs(offset) <= align or INDENT_UNITS <= offset <= INDENT_UNITS + 2 + align


def _box_lines(lines: list[tuple[float, float]], width: float, align: float) -> set[int]:
    """Which lines of a column (offset from its start, width) belong to a box
    set inside it: a photo caption and its credit, in a smaller face, so
    wider than the column or not lined up with it.  A box is a run of at
    least two such lines, over single short lines (a caption's last line)
    between them.

    >>> sorted(_box_lines([(0, 16), (1, 18), (1, 18), (1, 5), (1, 18), (9, 4), (0, 16)], 16, 0.5))
    [1, 2, 3, 4, 5]
    >>> sorted(_box_lines([(0, 16), (0, 19), (0, 16), (2, 14), (0, 16)], 16, 0.5))
    []
    """
    odd = [line_width > width + 1 or not _lines_up(offset, align) for offset, line_width in lines]
    box: set[int] = set()
    number = 0
    while number < len(lines):
        if not odd[number]:
            number += 1
            continue
        end = number + 1
        while end < len(lines) and (
            odd[end] or (end + 1 < len(lines) and odd[end + 1] and lines[end][1] < width - FULL_LINE_SLACK)
        ):
            end += 1
        if sum(odd[number:end]) >= 2:
            box.update(range(number, end))
        number = end
    return box


def _column_starts(rows: list[list[Word]], gutters: list[Gutter]) -> list[float]:
    """Where each column's lines start: the most common start of its words
    that open it on a row."""
    counts: list[dict[float, int]] = [{} for _ in range(len(gutters) + 1)]
    for row in rows:
        for column, words in _groups(row, gutters).items():
            start = round(words[0].x0 * 2) / 2
            counts[column][start] = counts[column].get(start, 0) + 1
    return [max(count, key=lambda x: (count[x], -x)) if count else 0.0 for count in counts]


def _placements_to_try(text: str) -> tuple[Placement, ...]:
    """The placements in the order to try them: by distances first when
    many of the space runs between Chinese words are single spaces (PyMuPDF
    sets one between full lines of two columns; on a grid, columns stand at
    least two positions apart).

    >>> [p.words.__name__ for p in _placements_to_try("第一栏的文字 第二栏的文字\\n" * 3)]
    ['words_by_distance', 'words_on_grid']
    >>> [p.words.__name__ for p in _placements_to_try("第一栏的文字    第二栏的文字\\n" * 3)]
    ['words_on_grid', 'words_by_distance']
    """
    runs = [len(match.group()) for match in _CJK_GAP_RE.finditer(text)]
    single = sum(1 for run in runs if run == 1)
    if runs and single >= SINGLE_GAP_SHARE * len(runs):
        return PLACEMENTS[::-1]
    return PLACEMENTS


def read_columns_of_page(text: str) -> str:
    """Reorder one page of layout text so its columns read one after another.

    >>> page = "\\n".join(["左栏第一行文字内容较长较长    右栏第一行文字内容较长较长",
    ...                    "左栏第二行文字内容较长较长    右栏第二行文字内容较长较长"] * 3)
    >>> print(read_columns_of_page(page))
    左栏第一行文字内容较长较长
    左栏第二行文字内容较长较长
    左栏第一行文字内容较长较长
    左栏第二行文字内容较长较长
    左栏第一行文字内容较长较长
    左栏第二行文字内容较长较长
    右栏第一行文字内容较长较长
    右栏第二行文字内容较长较长
    右栏第一行文字内容较长较长
    右栏第二行文字内容较长较长
    右栏第一行文字内容较长较长
    右栏第二行文字内容较长较长
    """
    page_lines = text.split("\n")
    side_by_side = filter(_SIDE_BY_SIDE_RE.search, page_lines)
    if len(list(islice(side_by_side, MIN_LAYOUT_LINES))) < MIN_LAYOUT_LINES or not _may_have_columns(page_lines):
        return text
    best = None
    for placement in _placements_to_try(text):
        if placement.unglue:
            lines, rows = _unglued_rows(page_lines, placement)
            rows = [row if "\t" not in line else [] for line, row in zip(lines, rows)]
        elif not placement.jitter and not _grid_may_have_gutters(page_lines):
            continue
        else:
            lines, rows = page_lines, [placement.words(line) if "\t" not in line else [] for line in page_lines]
        gutters = max(_region_gutters(rows, placement), _largest_region_gutters(lines, rows, placement), key=len)
        if gutters:
            best = (placement, lines, rows, gutters)
            break
    if best is None:
        return text
    placement, lines, rows, page_gutters = best
    parts: list[str] = []
    read: list[tuple[list[int], list[Gutter]]] = []
    band: list[int] = []
    band_gutters: list[Gutter] = []
    regions = _regions(lines)
    if placement.jitter:
        for region in regions:
            _place_justified_lines(region, lines, rows, page_gutters, placement)
    found = [_region_gutters([rows[index] for index in region], placement) for region in regions]
    known = _common_gutters(page_gutters + [gutter for gutters in found for gutter in gutters])
    for region, own in zip(regions, found):
        region_lines = [lines[index] for index in region]
        region_rows = [rows[index] for index in region]
        if any("\t" in line for line in region_lines):  # a table stays as it is
            parts.extend(_read_band(band, lines, rows, band_gutters, placement))
            read.append((band, band_gutters))
            band, band_gutters = [], []
            parts.append("\n".join(region_lines))
            continue
        gutters = own + [
            gutter
            for gutter in known
            if not any(_overlap(gutter, other) for other in own) and _keeps(region_rows, gutter, placement.jitter)
        ]
        gutters.sort(key=lambda gutter: gutter.start)
        if placement.jitter and gutters:
            region_rows = _snap(region_rows, gutters)
            for index, row in zip(region, region_rows):
                rows[index] = row
            snapped = _region_gutters(region_rows, placement)
            if len(snapped) >= len(gutters):
                gutters = snapped
        if (
            band
            and _continues_band(region_lines, region_rows, gutters, [rows[index] for index in band], band_gutters, placement.align)
            and not _band_ends_article(band, lines, rows, band_gutters)
            and not find_jumps(region_lines[0])
        ):
            band.extend(region)
            continue
        parts.extend(_read_band(band, lines, rows, band_gutters, placement))
        read.append((band, band_gutters))
        band, band_gutters = list(region), gutters
    parts.extend(_read_band(band, lines, rows, band_gutters, placement))
    read.append((band, band_gutters))
    if not any(_has_columns([lines[index] for index in region], [rows[index] for index in region], gutters) for region, gutters in read):
        return text  # no columns side by side after all: the text stays as it is
    return "\n\n".join(part for part in parts if part)


def _read_band(band: list[int], lines: list[str], rows: list[list[Word]], gutters: list[Gutter], placement: Placement) -> list[str]:
    if not band:
        return []
    return _read_region([lines[index] for index in band], [rows[index] for index in band], gutters, placement.align, placement.jitter)


def _band_ends_article(band: list[int], lines: list[str], rows: list[list[Word]], gutters: list[Gutter]) -> bool:
    """Whether the last line of a band's last column ends a sentence or holds
    a jump line: then the region below is another article, not the same
    columns going on."""
    last_column, text = -1, ""
    for index in band:
        for column, words in _groups(rows[index], gutters).items():
            if column >= last_column:
                last_column, text = column, lines[index][words[0].start : words[-1].end]
    return ends_sentence(text) or bool(find_jumps(text))


def _continues_band(
    lines: list[str],
    rows: list[list[Word]],
    gutters: list[Gutter],
    band_rows: list[list[Word]],
    band_gutters: list[Gutter],
    align: float,
) -> bool:
    """Whether a region goes on with the columns of the band above it, past
    a blank line that an extractor wrote inside the columns: both are
    columns, with the same gutters, and the region's first line is no
    headline.

    >>> lines = ["左栏的文字内容很长很长    右栏的文字内容也很长"] * 3
    >>> rows = [words_on_grid(line) for line in lines]
    >>> _continues_band(lines, rows, [Gutter(11, 15)], rows, [Gutter(11, 16)], 0.5)
    True
    >>> _continues_band(lines, rows, [Gutter(11, 15)], rows, [Gutter(11, 15), Gutter(30, 33)], 0.5)
    False
    """
    if not gutters or len(gutters) != len(band_gutters) or len(rows) < MIN_REGION_LINES:
        return False
    if any(a.end < b.start or b.end < a.start for a, b in zip(gutters, band_gutters)):
        return False
    if not (_is_columnar(rows, band_gutters) and _is_columnar(band_rows, band_gutters)):
        return False
    starts, widths = _column_starts(rows, band_gutters), _column_widths(rows, band_gutters)
    return _is_column_row(0, rows, lines, band_gutters, starts, widths, align)


def _is_columnar(rows: list[list[Word]], gutters: list[Gutter]) -> bool:
    """Whether text stands side by side in these rows (on two of them at least)."""
    return sum(len(_groups(row, gutters)) > 1 for row in rows) >= 2


def _gutters(rows: list[list[Word]], placement: Placement) -> list[Gutter]:
    return find_gutters(rows, placement.min_gutter, placement.jitter, placement.slack)


def _region_gutters(rows: list[list[Word]], placement: Placement) -> list[Gutter]:
    """The gutters of a region, found also when the lines across the columns
    at its top (a headline) hide them: the most gutters found without up to
    `MAX_TOP_LINES` of its first lines."""
    best: list[Gutter] = []
    long_flags = [_is_long(row) for row in rows]
    # the counts of the rows from `base_top` on, with the widest line they were counted with
    base_top, base_widest, base_size, base_counts = 0, -1.0, 0, [[]]
    # the widths of the long words of the long rows from `top` on (for _widest_of)
    width_counts: dict[int, int] = {}
    if placement.jitter and sum(long_flags) >= MIN_LAYOUT_LINES:
        for row, long in zip(rows, long_flags):
            if long:
                _count_word_widths(width_counts, row, 1)
    for top in range(min(MAX_TOP_LINES, len(rows) - MIN_LAYOUT_LINES) + 1):
        if top and not long_flags[top - 1]:
            continue  # the same long rows as without one line less: the same gutters
        if top and width_counts:
            _count_word_widths(width_counts, rows[top - 1], -1)
        long_rows = [row for row, long in zip(rows[top:], long_flags[top:]) if long]
        if len(long_rows) < MIN_LAYOUT_LINES:
            continue
        widest = _widest_of(width_counts) if placement.jitter else float("inf")
        if not _may_have_gutters(long_rows, widest, placement.min_gutter, placement.jitter):
            continue
        if widest == base_widest:
            # the same counts without the rows above: a smaller page (cells
            # past its text, never blank, change nothing)
            counts = [list(cell_counts) for cell_counts in base_counts]
            for row, long in zip(rows[base_top:top], long_flags[base_top:top]):
                if long:
                    _add_row_counts(counts, row, placement.jitter, widest, -1)
            size = base_size
        else:
            size = _cells_for(long_rows)
            counts = _cell_counts(long_rows, placement.jitter, widest, size)
            base_top, base_widest, base_size, base_counts = top, widest, size, [list(cell_counts) for cell_counts in counts]
        gutters = _gutters_from_counts(long_rows, counts, size, placement.min_gutter, placement.slack)
        if (len(gutters), _total_width(gutters)) > (len(best), _total_width(best)):
            best = gutters
    return best


def _total_width(gutters: list[Gutter]) -> float:
    return sum(gutter.end - gutter.start for gutter in gutters)


def _overlap(a: Gutter, b: Gutter) -> bool:
    return a.start < b.end and b.start < a.end


def _common_gutters(gutters: list[Gutter]) -> list[Gutter]:
    """The gutters found on a page, those found in several regions at about
    the same place counted once (where all of them are blank)."""
    common: list[Gutter] = []
    for gutter in sorted(gutters, key=lambda gutter: gutter.start):
        if common and _overlap(common[-1], gutter):
            last = common[-1]
            common[-1] = Gutter(max(last.start, gutter.start), min(last.end, gutter.end), last.slack)
        else:
            common.append(Gutter(gutter.start, gutter.end, gutter.slack))
    return common


def _keeps(rows: list[list[Word]], gutter: Gutter, jitter: float) -> bool:
    """Whether a region keeps a gutter found elsewhere on its page: text on
    both sides of it on many rows, and few rows (a caption box, a headline)
    with a word in it."""
    both = crossing = 0
    for row in rows:
        if any(word.x0 + jitter < gutter.end and word.x1 - jitter > gutter.start for word in row):
            crossing += 1
        if any(word.x0 < gutter.start for word in row) and any(word.x0 >= gutter.end - jitter for word in row):
            both += 1
    return both >= max(2, GUTTER_TEXT_SHARE * len(rows)) and crossing <= KEPT_GUTTER_CROSSING_SHARE * len(rows) + 1


def _largest_region_gutters(lines: list[str], rows: list[list[Word]], placement: Placement) -> list[Gutter]:
    """The gutters of the page's longest region, when the page as a whole
    (articles of different columns) shows none."""
    regions = _regions(lines)
    if not regions:
        return []
    region = max(regions, key=len)
    return _gutters([rows[index] for index in region], placement)


def _place_justified_lines(
    region: list[int], lines: list[str], rows: list[list[Word]], page_gutters: list[Gutter], placement: Placement
) -> None:
    """Place the words of a region again (in `rows`), now that its columns'
    width is known: a justified line is as wide as its column."""
    region_rows = [rows[index] for index in region]
    gutters = _region_gutters(region_rows, placement) or page_gutters
    if not gutters or len(region) < MIN_REGION_LINES:
        return
    counts: dict[float, int] = {}
    for row in region_rows:
        for words in _groups(row, gutters).values():
            width = round(_span(words))
            counts[width] = counts.get(width, 0) + 1
    if not counts:  # a table: rows with tabs have no words placed
        return
    full_width = max(counts, key=lambda width: (counts[width], width))
    for index in region:
        rows[index] = words_by_distance(lines[index], full_width)


def _snap(rows: list[list[Word]], gutters: list[Gutter]) -> list[list[Word]]:
    """Rows whose column lines are moved to start right at their column's
    start (or an indent in), when summed distances put them a little off:
    a justified line narrower in text than on the page, spaces rounded,
    a quotation mark narrower in the font than in the text.

    >>> lines = ["左栏第一行文字内容 右栏第一行文字内容"] * 3 + ["左栏第一行文字内 右栏第一行文字内容"]
    >>> rows = [words_by_distance(line) for line in lines]
    >>> [(word.x0, word.x1) for word in _snap(rows, [Gutter(9, 10)])[3]]
    [(0.0, 8.0), (10.0, 19.0)]
    """
    starts, widths = _column_starts(rows, gutters), _column_widths(rows, gutters)
    snapped = []
    for row in rows:
        words_out: list[Word] = []
        for column, words in _groups(row, gutters, widths, starts, phrases=True).items():
            offset = words[0].x0 - starts[column]
            delta = 0.0
            for target in (0.0, INDENT_UNITS_DISTANCE):
                if abs(offset - target) <= SNAP_UNITS:
                    delta = target - offset
                    break
            words_out.extend(Word(w.x0 + delta, w.x1 + delta, w.start, w.end, w.units) for w in words)
        snapped.append(words_out)
    return snapped


def _unglue(lines: list[str], placement: Placement) -> list[str]:
    """Lines that an extractor glued to the line above, cut off again.

    PyMuPDF's sorted text writes no line break before a line that starts
    above the bottom of the one before it by more than half a line (a
    caption in a smaller face beside a column): the glued line's leading
    spaces, counted from the page's left edge, then seem to put its first
    word far right of the page's text.  Such a word (right of where nearly
    all lines end, by more than a column could start) starts a line of its
    own, with those spaces, if another line of the page starts where they
    put it.

    >>> gap = " " * 20
    >>> lines = ["左栏第一行文字内容 右栏第一行文字内容"] * 9 + [f"左栏最后一行 右栏最后一行{gap}图片说明", f"{gap}说明文字"]
    >>> [line.strip() for line in _unglue(lines, PLACEMENTS[1])[-3:]]
    ['左栏最后一行 右栏最后一行', '图片说明', '说明文字']
    """
    return _unglued_rows(lines, placement)[0]


def _unglued_rows(lines: list[str], placement: Placement) -> tuple[list[str], list[list[Word]]]:
    """The lines of :func:`_unglue`, and the words of each."""
    rows = [placement.words(line) for line in lines]
    ends = sorted(row[-1].x1 for row in rows if len(row) > 1)
    if len(ends) < MIN_LAYOUT_LINES:
        return lines, rows
    edge = ends[int(len(ends) * GLUE_EDGE_SHARE)]
    line_starts = {round(row[0].x0) for row in rows if row}
    out: list[str] = []
    out_rows: list[list[Word]] = []
    for line, row in zip(lines, rows):
        for previous, word in zip(row, row[1:]):
            if word.x0 > edge + MIN_COLUMN_UNITS and word.start - previous.end >= 2:
                glued = line[previous.end :]
                glued_row = placement.words(glued)
                if round(glued_row[0].x0) in line_starts:
                    out += [line[: previous.end], glued]
                    out_rows += [placement.words(line[: previous.end]), glued_row]
                    break
        else:
            out.append(line)
            out_rows.append(row)
    return out, out_rows


def _may_have_columns(lines: list[str]) -> bool:
    """Whether :func:`read_columns_of_page` can find columns side by side in
    these lines: a cheap test that lets a page without them skip the
    search, and never says no where the search reads columns.

    Columns are read only in a band of :data:`MIN_REGION_LINES` lines or
    more where two rows at least have words on both sides of a gutter
    (:func:`_has_columns`), so two rows of several words.  A band is a
    region (lines between blank lines) and the regions after it that go on
    with its columns, each of which must have as many lines and two such
    rows itself (:func:`_continues_band`).  So some region must hold that
    many lines and two lines of several words, counting the lines that
    :func:`_unglue` may cut in two (where two spaces or more stand between
    two words) twice.

    >>> _may_have_columns(["第一栏的文字内容很长很长 第二栏的文字内容也很长"] * 3)
    True
    >>> _may_have_columns(["学党史 悟思想 办实事", "增进福祉 补齐短板", "", "一段正文的文字内容很长很长"])
    False
    """
    rows = several_words = 0  # in the current region, counting the lines _unglue may cut as two
    for line in lines:
        if not line.strip(_BLANK_CHARS):
            rows = several_words = 0  # a new region
            continue
        rows += 1
        if _INNER_SPACE_RE.search(line):
            cut = _WIDE_INNER_SPACE_RE.search(line) is not None
            rows += cut
            several_words += 1 + cut
        if several_words >= 2 and rows >= MIN_REGION_LINES:
            return True
    return False


def _regions(lines: list[str]) -> list[list[int]]:
    regions: list[list[int]] = []
    current: list[int] = []
    for index, line in enumerate(lines):
        if not line.strip(_BLANK_CHARS):  # a blank line (invisible characters too)
            if current:
                regions.append(current)
                current = []
        else:
            current.append(index)
    if current:
        regions.append(current)
    return regions


def read_columns(doc: Document, config) -> Document:
    """Cut every page of layout text into its columns (see the module).

    >>> page = "\\n".join(["左栏第一行文字内容较长    右栏第一行文字内容较长"] * 3 + ["左栏第二行文字内容较长    右栏第二行文字内容较长"] * 3)
    >>> doc = read_columns(parse(page + "\\f" + page), None)
    >>> [(block.page, block.text.count("\\n") + 1, block.text[:5]) for block in doc.blocks]
    [(0, 12, '左栏第一行'), (1, 12, '左栏第一行')]
    """
    pages: dict[int, list[Block]] = {}
    for block in doc.blocks:
        pages.setdefault(block.page, []).append(block)
    blocks: list[Block] = []
    for page, page_blocks in pages.items():
        text = "\n\n".join(block.text for block in page_blocks)
        if not _GAP_RE.search(text):
            blocks.extend(page_blocks)
            continue
        reordered = read_columns_of_page(text)
        if reordered == text:
            blocks.extend(page_blocks)
            continue
        for block in parse(reordered).blocks:
            block.page = page
            block.start = page_blocks[0].start
            blocks.append(block)
    doc.blocks = blocks
    return doc
