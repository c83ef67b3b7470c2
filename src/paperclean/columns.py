"""Side-by-side columns of layout-preserving extraction (spec §2).

``pdftotext -layout`` and PyMuPDF's sorted text set the columns of a page side
by side on each line, separated by a gutter: a run of spaces at the same
display position on many consecutive lines.  This step cuts each page at its
gutters (by display width: East Asian wide characters take two cells) and
reads the columns one after another, left to right, each top to bottom.  A
line that crosses a gutter (a headline spanning the columns) stays whole and
separates the bands of columns above and below it.
"""

from __future__ import annotations

import regex

from .chardata import is_wide
from .document import Block, Document, parse

#: A line shorter than this many cells is not used to find gutters.
MIN_LINE_CELLS = 30
#: A gutter is at least this many cells wide...
MIN_GUTTER_CELLS = 2
#: ...blank on at least this share of the long lines that reach past it...
GUTTER_BLANK_SHARE = 0.9
#: ...with text on both sides on at least this share of them.
GUTTER_TEXT_SHARE = 0.5
#: Fewest long lines with a wide space run for a page to be layout text.
MIN_LAYOUT_LINES = 5

_WIDE_GAP_RE = regex.compile(r"\S[ \u3000]{3,}\S")


def _cells(line: str) -> list[str]:
    """The line as display cells: a wide character fills two cells (the second
    holds an empty string); U+3000 becomes two spaces."""
    cells: list[str] = []
    for char in line:
        if char == "\u3000":
            cells += [" ", " "]
        elif is_wide(char):
            cells += [char, ""]
        else:
            cells.append(char)
    return cells


def find_gutters(lines: list[str]) -> list[tuple[int, int]]:
    """Cell ranges ``[start, end)`` that are column gutters on these lines.

    >>> rows = ["第一栏的文字内容很长很长    第二栏的文字内容也很长"] * 6
    >>> find_gutters(rows)
    [(24, 28)]
    """
    rows = [_cells(line.rstrip()) for line in lines if "\t" not in line]
    long_rows = [row for row in rows if len(row) >= MIN_LINE_CELLS]
    if len(long_rows) < MIN_LAYOUT_LINES:
        return []
    width = max(len(row) for row in long_rows)
    blank = []
    for position in range(width):
        reaching = [row for row in long_rows if len(row) > position + MIN_GUTTER_CELLS]
        if len(reaching) < MIN_LAYOUT_LINES:
            blank.append(False)
            continue
        spaces = sum(1 for row in reaching if row[position] == " ")
        blank.append(spaces >= GUTTER_BLANK_SHARE * len(reaching))
    gutters = []
    position = 0
    while position < width:
        if not blank[position]:
            position += 1
            continue
        end = position
        while end < width and blank[end]:
            end += 1
        if end - position >= MIN_GUTTER_CELLS and position > 0 and _text_on_both_sides(long_rows, position, end):
            gutters.append((position, end))
        position = end
    return gutters


def _text_on_both_sides(rows: list[list[str]], start: int, end: int) -> bool:
    both = sum(
        1
        for row in rows
        if any(cell.strip() for cell in row[:start]) and any(cell.strip() for cell in row[end:])
    )
    return both >= GUTTER_TEXT_SHARE * len(rows)


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
    lines = text.split("\n")
    if sum(1 for line in lines if _WIDE_GAP_RE.search(line)) < MIN_LAYOUT_LINES:
        return text
    gutters = find_gutters(lines)
    if not gutters:
        return text
    out: list[str] = []
    band: list[list[str]] = []
    for line in lines:
        cells = _cells(line.rstrip())
        if "\t" in line or _crosses(cells, gutters):  # table rows stay whole
            out.extend(_read_band(band, gutters))
            band = []
            out.append(line.strip())
        else:
            band.append(cells)
    out.extend(_read_band(band, gutters))
    return "\n".join(out)


def _crosses(cells: list[str], gutters: list[tuple[int, int]]) -> bool:
    return any(any(cell.strip() for cell in cells[start:end]) for start, end in gutters)


def _read_band(rows: list[list[str]], gutters: list[tuple[int, int]]) -> list[str]:
    """The lines of each column of a band, column after column."""
    if not rows:
        return []
    bounds = [0]
    for start, end in gutters:
        bounds += [start, end]
    bounds.append(max(len(row) for row in rows))
    columns = []
    for left, right in zip(bounds[::2], bounds[1::2]):
        column = ["".join(row[left:right]).rstrip() for row in rows]
        while column and not column[-1]:
            column.pop()
        columns.append(column)
    out: list[str] = []
    for column in columns:
        out.extend(column)
    return out


def read_columns(doc: Document, config) -> Document:
    """Cut every page of layout text into its columns (see the module)."""
    pages: dict[int, list[Block]] = {}
    for block in doc.blocks:
        pages.setdefault(block.page, []).append(block)
    blocks: list[Block] = []
    for page, page_blocks in pages.items():
        text = "\n\n".join(block.text for block in page_blocks)
        if not _WIDE_GAP_RE.search(text):
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
