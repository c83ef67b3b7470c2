"""Cleanup quality on real PDF extractions (issue 9, spec §9).

    python benchmarks/realpdf.py                     # 60 pages, all tools: about a minute
    python benchmarks/realpdf.py --pages 12 --no-tools
    python benchmarks/realpdf.py --write-fixtures    # the committed test fixtures

The gold files (``seeds/gold``) are typeset into newspaper-like PDF pages with
reportlab and real CJK TrueType fonts: two to four columns, character-level
justification (every line but a paragraph's last fills its column, as
newspapers set it), paragraphs indented by two ideographic spaces, headlines
spanning the columns of their article, a photo box with its caption and
credit inside a column, a running header (``2021年12月3日 星期五  要闻
责任编辑：刘洋``) and a lone page label (``A3``) as footer on every page, an
article cut at a page end with a jump line (``（下转A5版）``) and continued on a
later page (``（上接A3版）``), and articles that simply run on to the next page.
Tables are skipped (the one gold file that has them loses them).

Each PDF is extracted the way users get their text: ``pdftotext`` (default,
``-raw``, ``-layout``), pdfminer.six (``extract_text``) and PyMuPDF
(``page.get_text()`` and ``page.get_text(sort=True)``, each page followed by a
form feed, as ``pdftotext`` and pdfminer.six write them).  The gold of a
document is what was typeset, in reading order, without the furniture and
jump lines (spec §7): exactly what paperclean should output.  A photo
caption and its credit stand after the paragraph whose column the box
interrupts (spec §5); a paragraph cut by a jump line is two blocks, the first
unfinished (spec §5: nothing is joined across the jump); a paragraph that
simply runs on to the next page is one block.  Blocks of the gold files that
end no sentence and are too long for a headline (text the extraction lost)
are left out.

For the raw text, paperclean and the public tools, per extractor: CER, pooled
ERR, the same without whitespace, and block-boundary P/R/F1 (the metrics of
``quality.py``).  Writes the ``realpdf`` section ("Real extractions") of
``benchmarks/RESULTS.md``; PDFs, gold and extractions go to a work directory
(``--workdir``, not committed).  A benchmark reports; it never fails on a
score.

Needs the ``bench`` extra (reportlab, pdfminer.six, PyMuPDF) and Debian's
``poppler-utils`` (pdftotext), ``fonts-arphic-uming`` (AR PL UMing, the body
face) and ``fonts-wqy-zenhei`` (WenQuanYi Zen Hei, headlines and captions).
An extractor that is not installed is reported as not run.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402
from quality import Score  # noqa: E402

import paperclean  # noqa: E402

FIXTURES = common.ROOT / "tests" / "fixtures" / "extracted"
WORKDIR = Path(tempfile.gettempdir()) / "paperclean-realpdf"

#: (path, face index in the collection): AR PL UMing CN, a Ming (Song) face,
#: from Debian's fonts-arphic-uming; WenQuanYi Zen Hei, a Hei face, from
#: fonts-wqy-zenhei.  Both TrueType (reportlab embeds no CFF OpenType, so
#: fonts-noto-cjk will not do).
BODY_FONT_FILES = [("/usr/share/fonts/truetype/arphic/uming.ttc", 0)]
HEAD_FONT_FILES = [("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0)]
BODY = "BodyMing"
HEAD = "HeadHei"

# --- the gold, cut into articles --------------------------------------------------

_SENTENCE_END_RE = regex.compile(r"[。！？…][”’）》」』]*$")
_HEADING_MARK_RE = regex.compile(r"^#+\s*")
_CREDIT_RE = regex.compile(r"摄$")
_NUMBERED_CAPTION_RE = regex.compile(r"^图[①-⑳0-9一二三四五六七八九十]*[：:]")
_SUBTITLE_RE = regex.compile(r"^——")
_OPENING_CLAUSE_RE = regex.compile(r"^\p{Han}{1,2}，")
_BYLINE_RE = regex.compile(r"(记者|通讯员)|^\p{Han}{2,3} \p{Han}{2,3}$")


@dataclass
class Article:
    """Headline blocks (kicker, headline, subtitle, byline: in order) and
    paragraphs, as the gold has them."""

    headlines: list[str]
    paragraphs: list[str]


@dataclass
class GoldSource:
    """One gold file cut into articles, with its photo captions (each a list
    of caption blocks followed by the credit block)."""

    name: str
    articles: list[Article]
    captions: list[list[str]]
    dropped: int = 0


def is_headline(block: str) -> bool:
    """A short block that ends no sentence (commas only in a short one)."""
    if _SENTENCE_END_RE.search(block) or "。" in block or len(block) > 60:
        return False
    if _OPENING_CLAUSE_RE.match(block):  # 会上，… : a sentence cut short
        return False
    return "，" not in block or len(block) <= 45


def read_gold(path: Path) -> GoldSource:
    """The articles and captions of a gold file.  Skipped: tables, and
    paragraphs that end no sentence (text the extraction lost: a page should
    not start its corpus with a riddle); counted in `dropped`."""
    blocks = [_HEADING_MARK_RE.sub("", b.strip()) for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    dropped = 0
    captions: list[list[str]] = []
    kept: list[str] = []
    for block in blocks:
        if "\t" in block:
            dropped += 1
            continue
        if _CREDIT_RE.search(block) and len(block) <= 30 and kept:
            group = [kept.pop()]
            if _NUMBERED_CAPTION_RE.match(group[0]):
                while kept and _NUMBERED_CAPTION_RE.match(kept[-1]):
                    group.insert(0, kept.pop())
            captions.append(group + [block])
            continue
        kept.append(block)
    articles: list[Article] = []
    for block in kept:
        if block == "……" or _SENTENCE_END_RE.search(block):
            if not articles:
                articles.append(Article([], []))
            articles[-1].paragraphs.append(block)
        elif is_headline(block):
            if not articles or articles[-1].paragraphs:
                articles.append(Article([], []))
            articles[-1].headlines.append(block)
        else:
            dropped += 1
    articles = [a for a in articles if a.paragraphs]
    return GoldSource(path.stem, articles, captions, dropped)


def gold_sources() -> list[GoldSource]:
    return [read_gold(path) for path in sorted(common.GOLD_DIR.glob("*.txt"))]


# --- fonts and line breaking ------------------------------------------------------


def register_fonts() -> None:
    """Register the body and headline faces with reportlab (once)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, candidates, package in ((BODY, BODY_FONT_FILES, "fonts-arphic-uming"), (HEAD, HEAD_FONT_FILES, "fonts-wqy-zenhei")):
        if name in pdfmetrics.getRegisteredFontNames():
            continue
        for path, index in candidates:
            if Path(path).is_file():
                pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))
                break
        else:
            raise RuntimeError(f"no CJK TrueType font for {name}: apt-get install {package}")


def font_segments(text: str, font: str) -> list[tuple[str, str]]:
    """`text` cut into runs that `font` can draw, the rest in the other face
    (AR PL UMing has no ``₂``, WenQuanYi Zen Hei has it)."""
    from reportlab.pdfbase.pdfmetrics import getFont

    covered = getFont(font).face.charToGlyph
    other = HEAD if font == BODY else BODY
    segments: list[tuple[str, str]] = []
    for char in text:
        face = font if ord(char) in covered or char.isspace() else other
        if segments and segments[-1][1] == face:
            segments[-1] = (segments[-1][0] + char, face)
        else:
            segments.append((char, face))
    return segments


def text_width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(stringWidth(segment, face, size) for segment, face in font_segments(text, font))


#: Marks that may not start a line, and marks that may not end one (kinsoku).
NO_LINE_START = set("，。、；：？！）》」』”’…—%·,.;:?!)")
NO_LINE_END = set("（《「『“‘(")
_TOKEN_RE = regex.compile(r"[A-Za-z0-9][A-Za-z0-9.%+\-/:]*|……|——|\s|.")


def break_lines(text: str, font: str, size: float, width: float, first_indent: float = 0.0) -> list[tuple[int, int]]:
    """Greedy line breaking of `text` into lines at most `width` wide (the
    first `first_indent` narrower): Latin words and numbers stay whole,
    closing marks never start a line and opening marks never end one (the
    previous character moves down with them).  Returns (start, end) offsets
    into `text`; spaces at a break are left out."""
    tokens = []
    for match in _TOKEN_RE.finditer(text):
        token = match.group()
        if len(token) > 1 and text_width(token, font, size) > width:
            tokens += [(match.start() + i, match.start() + i + 1, c) for i, c in enumerate(token)]
        else:
            tokens.append((match.start(), match.end(), token))
    widths = [text_width(token, font, size) for _, _, token in tokens]
    lines: list[list[int]] = []
    current: list[int] = []
    used = 0.0
    available = width - first_indent
    for index, (_, _, token) in enumerate(tokens):
        if not current and token.isspace():
            continue
        if current and used + widths[index] > available + 0.01:
            carry: list[int] = []
            if token[0] in NO_LINE_START:
                while len(current) > 1 and tokens[current[-1]][2][0] in NO_LINE_START:
                    carry.insert(0, current.pop())
                if len(current) > 1:
                    carry.insert(0, current.pop())
            while len(current) > 1 and tokens[current[-1]][2][-1] in NO_LINE_END:
                carry.insert(0, current.pop())
            while current and tokens[current[-1]][2].isspace():
                current.pop()
            lines.append(current)
            current = [i for i in carry if not (i == carry[0] and tokens[i][2].isspace())]
            used = sum(widths[i] for i in current)
            available = width
            if token.isspace() and not current:
                continue
        current.append(index)
        used += widths[index]
    while current and tokens[current[-1]][2].isspace():
        current.pop()
    if current:
        lines.append(current)
    return [(tokens[line[0]][0], tokens[line[-1]][1]) for line in lines if line]


# --- page layout --------------------------------------------------------------------


@dataclass
class TextRun:
    """One drawn line: text at (x, baseline y from the top), with the extra
    space after every character (PDF character spacing, ``Tc``)."""

    x: float
    y: float
    text: str
    font: str
    size: float
    char_space: float = 0.0


@dataclass
class Box:
    x: float
    y: float
    width: float
    height: float
    fill: float | None = None  # grey level, None: outline only


@dataclass
class Page:
    label: str
    width: float
    height: float
    header: str
    margin: float
    items: list = field(default_factory=list)


@dataclass
class Item:
    """A paragraph (or the rest of one) to set in a band: `key` names the
    gold block it belongs to; `gold` is that block's text when this item
    starts it (None for the rest of a paragraph that runs on to the next
    page: its gold was given where it started)."""

    key: tuple
    text: str
    indent: bool
    gold: str | None


@dataclass
class Params:
    """The layout of one document."""

    page_width: float = 595.0
    page_height: float = 842.0
    margin_x: float = 36.0
    margin_top: float = 62.0
    margin_bottom: float = 52.0
    body_size: float = 10.0
    leading: float = 1.5
    gutter: float = 12.0
    columns: tuple[int, ...] = (2, 3, 4)
    glyph_indent: bool = False  # U+3000 drawn, or the first line set in by 2 em
    first_page: int = 1
    date: datetime.date = datetime.date(2021, 12, 3)
    jump: bool = True


SECTIONS = ["要闻", "经济", "综合", "民生", "社会", "时政", "城建", "文明创建"]
EDITORS = ["刘洋", "张华", "李明", "王静", "赵磊", "陈晨", "孙立", "周敏", "郭亮", "何萍"]
WEEKDAYS = "一二三四五六日"


def random_params(rng: random.Random, small: bool = False) -> Params:
    """Layout parameters for one document (seeded)."""
    date = datetime.date(2021, 1, 1) + datetime.timedelta(days=rng.randrange(3 * 365))
    if small:  # A5 pages for the committed fixtures
        return Params(
            page_width=420.0,
            page_height=595.0,
            margin_x=28.0,
            margin_top=56.0,
            margin_bottom=46.0,
            body_size=rng.choice([8.5, 9.0]),
            leading=1.4,
            gutter=10.0,
            columns=(rng.choice([2, 3, 4]),),
            glyph_indent=rng.random() < 0.5,
            first_page=rng.randrange(1, 6),
            date=date,
        )
    return Params(
        body_size=rng.choice([9.5, 10.0, 10.5]),
        # newspaper leading; from 1.5 on, pdfminer.six's default LAParams
        # no longer group the lines of a column (and pdftotext from 1.6)
        leading=rng.choice([1.3, 1.35, 1.4, 1.5]),
        columns=rng.choice([(2, 3), (3,), (3, 4), (4,), (2, 3, 4)]),
        glyph_indent=rng.random() < 0.5,
        first_page=rng.randrange(1, 8),
        date=date,
    )


@dataclass
class Layout:
    """Pages, and the gold blocks in reading order as (key, text)."""

    pages: list[Page]
    gold: list[tuple[tuple, str]]
    furniture: list[str]
    jump_lines: list[str]
    #: paragraph ends, and those on a full line in a document whose indent
    #: is only an offset (no U+3000): there the only sign of the end is the
    #: next line, two characters short
    paragraph_ends: int = 0
    silent_ends: int = 0
    glyph_indent: bool = False
    leading: float = 1.5

    def gold_text(self) -> str:
        return "\n\n".join(text for _, text in self.gold) + "\n"


class Typesetter:
    """Lays out the articles of one document page after page, band after
    band: an article is a band across the page (its headlines over all its
    columns, its paragraphs in balanced columns).  Records the gold in
    reading order on the way."""

    def __init__(self, articles: list[Article], captions: list[list[str]], params: Params, rng: random.Random):
        self.articles = articles
        self.captions = list(captions)
        self.p = params
        self.rng = rng
        self.pages: list[Page] = []
        self.gold: list[tuple[tuple, str]] = []
        self.caption_after: list[tuple[tuple, list[str]]] = []
        self.jump_lines: list[str] = []
        self.jump_done = not params.jump
        self.pending_jump = None  # (items, source page index, jump run)
        self.line_height = params.body_size * params.leading
        self.paragraph_ends = 0
        self.silent_ends = 0

    # --- pages ---

    def new_page(self) -> None:
        p = self.p
        number = p.first_page + len(self.pages)
        weekday = WEEKDAYS[p.date.weekday()]
        header = f"{p.date.year}年{p.date.month}月{p.date.day}日 星期{weekday}  {self.rng.choice(SECTIONS)}  责任编辑：{self.rng.choice(EDITORS)}"
        page = Page(f"A{number}", p.page_width, p.page_height, header, p.margin_x)
        self.pages.append(page)
        self.page_columns = self.rng.choice(p.columns)
        self.y = p.margin_top
        self.bands_on_page = 0
        self.caption_on_page = False

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def room(self) -> float:
        return self.p.page_height - self.p.margin_bottom - self.y

    # --- headlines ---

    def headline_runs(self, headlines: list[str], width: float) -> tuple[list, float]:
        """The drawn lines of a headline group, and its height."""
        runs = []
        y = 0.0
        main_done = False
        for block in headlines:
            if _SUBTITLE_RE.match(block):
                font, size, align = BODY, 12.0, "center"
            elif _BYLINE_RE.search(block) and len(block) <= 24:
                font, size, align = BODY, 9.0, "left"
            elif not main_done:
                font, size, align = HEAD, 20.0, "center"
                main_done = True
            else:
                font, size, align = HEAD, 13.0, "center"
            lines = self.set_headline(block, font, size, width)
            for text_parts, size_used, spacing in lines:
                y += size_used * 1.35
                line_width = self.phrases_width(text_parts, font, size_used, spacing)
                x = (width - line_width) / 2 if align == "center" else 0.0
                for part in text_parts:
                    runs.append((x, y, part, font, size_used, spacing))
                    x += text_width(part, font, size_used) + spacing * len(part) + size_used
            y += 4.0
        return runs, y + 6.0

    @staticmethod
    def phrases_width(parts: list[str], font: str, size: float, spacing: float) -> float:
        return sum(text_width(part, font, size) + spacing * len(part) for part in parts) + size * (len(parts) - 1) - spacing

    def set_headline(self, block: str, font: str, size: float, width: float) -> list[tuple[list[str], float, float]]:
        """A headline on one line (phrases a full em apart, a short one
        letter-spaced), shrunk down to 75% if needed, else on two lines
        (split at the phrase space nearest the middle, or in the middle)."""
        parts = block.split(" ")
        spacing = size * 0.5 if len(block) <= 6 and font == HEAD else 0.0
        for scale in (1.0, 0.9, 0.8, 0.75):
            if self.phrases_width(parts, font, size * scale, spacing * scale) <= width:
                return [(parts, size * scale, spacing * scale)]
        size *= 0.75
        if len(parts) > 1:
            best = min(range(1, len(parts)), key=lambda i: abs(len(" ".join(parts[:i])) - len(block) / 2))
            halves = [parts[:best], parts[best:]]
        else:
            middle = len(block) // 2
            while middle < len(block) - 1 and block[middle] in NO_LINE_START:
                middle += 1
            halves = [[block[:middle]], [block[middle:]]]
        out = []
        for half in halves:
            scale = 1.0
            while self.phrases_width(half, font, size * scale, 0) > width and scale > 0.4:
                scale -= 0.05
            out.append((half, size * scale, 0.0))
        return out

    # --- body ---

    def body_lines(self, items: list[Item], width: float) -> list[tuple[Item, int, int, bool]]:
        """(item, start, end, last line of the item) for every line."""
        size = self.p.body_size
        lines = []
        for item in items:
            indent = 2 * size if item.indent else 0.0
            spans = break_lines(item.text, BODY, size, width, indent)
            for number, (start, end) in enumerate(spans):
                lines.append((item, start, end, number == len(spans) - 1))
        return lines

    def line_run(self, line, x: float, y: float, width: float) -> TextRun:
        """One justified body line (the last line of a paragraph is set
        flush left at its natural spacing)."""
        item, start, end, last = line
        size = self.p.body_size
        text = item.text[start:end]
        if start == 0 and item.indent:
            if self.p.glyph_indent:
                text = "\u3000\u3000" + text
            else:
                x += 2 * size
                width -= 2 * size
        natural = text_width(text, BODY, size)
        spacing = 0.0
        if last:
            self.paragraph_ends += 1
            if natural > width - size * 0.99 and not self.p.glyph_indent:
                self.silent_ends += 1
        if (not last or natural > width) and len(text) > 1:
            spacing = (width - natural) / (len(text) - 1)
        return TextRun(x, y, text, BODY, size, spacing)

    def caption_box(self, group: list[str], width: float) -> tuple[list, float]:
        """A photo (a grey box) with its caption lines and the credit set
        flush right under it, in a frame: the drawn items relative to the
        box's top left, and the box's height."""
        size = round(self.p.body_size * 0.85, 1)
        pad = 4.0
        items: list = [Box(pad, pad, width - 2 * pad, width * 0.55, fill=0.82)]
        y = pad + width * 0.55 + 2.0
        inner = width - 2 * pad
        for block in group[:-1]:
            spans = break_lines(block, HEAD, size, inner)
            for number, (start, end) in enumerate(spans):
                y += size * 1.35
                text = block[start:end]
                natural = text_width(text, HEAD, size)
                spacing = (inner - natural) / (len(text) - 1) if number < len(spans) - 1 and len(text) > 1 else 0.0
                items.append(TextRun(pad, y, text, HEAD, size, spacing))
        credit = group[-1]
        y += size * 1.35
        items.append(TextRun(width - pad - text_width(credit, HEAD, size), y, credit, HEAD, size))
        height = y + pad + 2.0
        items.append(Box(0, 0, width, height))
        return items, height

    def place_band(self, headlines: list[str], items: list[Item], continued_from: str | None, force: bool) -> list[Item] | None:
        """Set one band at the current position; return what did not fit
        (the rest runs on: on the next page, or behind a jump line)."""
        p = self.p
        columns = self.page_columns
        if self.rng.random() < 0.25 and columns > 2:
            columns -= 1
        band_width = p.page_width - 2 * p.margin_x
        column_width = (band_width - (columns - 1) * p.gutter) / columns
        head_runs, head_height = self.headline_runs(headlines, band_width) if headlines else ([], 0.0)
        lines = self.body_lines(items, column_width)
        slots = list(lines)
        if continued_from:
            slots.insert(0, ("jump", continued_from))
        room_lines = int((self.room() - head_height) // self.line_height)

        # a photo box in the second column, if the band is tall enough
        box = None
        if self.captions and not self.caption_on_page and columns >= 2 and not continued_from:
            box_items, box_height = self.caption_box(self.captions[0], column_width)
            box_lines = math.ceil((box_height + 4.0) / self.line_height)
            per_column = max(math.ceil((len(slots) + box_lines) / columns), box_lines + 1)
            if len(slots) >= columns * box_lines and per_column <= room_lines:
                box = (box_items, box_lines)
        if box:
            per_column = max(math.ceil((len(slots) + box[1]) / columns), box[1] + 1)
        else:  # balanced columns, but a short text fills a few columns of three lines or more
            per_column = max(math.ceil(len(slots) / columns), min(len(slots), 3))

        rest: list[Item] = []
        jump_text = None
        if per_column > room_lines:
            if (room_lines < 3 or (room_lines < 5 and headlines)) and not force:
                return None  # start the band on a new page
            per_column = max(room_lines, 2)
            capacity = columns * per_column
            cut = capacity
            jump_here = not self.jump_done and self.articles_left > 0
            if jump_here:
                cut = capacity - 1
                jump_text = "（下转A?版）"
            taken, rest = self.split_at(slots, cut)
            slots = taken
        # gold: the headlines, then every item that starts in this band
        for number, headline in enumerate(headlines):
            self.gold.append((("headline", self.article_number, number), headline))
        for slot in slots:
            if slot[0] == "jump":
                continue
            item, start, _, _ = slot
            if start == 0 and item.gold is not None and not any(key == item.key for key, _ in self.gold):
                self.gold.append((item.key, item.gold))
        if jump_text:
            self.jump_done = True
        # draw
        top = self.y
        for x, y, text, font, size, spacing in head_runs:
            self.page.items.append(TextRun(p.margin_x + x, top + y, text, font, size, spacing))
        body_top = top + head_height
        column, row = 0, 0
        box_column = 1 if box else -1
        line_before_box = None
        box_drawn = False
        for slot in slots:
            if column == box_column and row == 0:
                for element in box[0]:
                    shifted = self.shift(element, p.margin_x + column * (column_width + p.gutter), body_top)
                    self.page.items.append(shifted)
                row = box[1]
                box_drawn = True
            x = p.margin_x + column * (column_width + p.gutter)
            y = body_top + row * self.line_height + p.body_size
            if slot[0] == "jump":
                self.page.items.append(TextRun(x, y, slot[1], BODY, p.body_size))
                self.jump_lines.append(slot[1])
            else:
                self.page.items.append(self.line_run(slot, x, y, column_width))
                if column < box_column or box_column < 0:
                    line_before_box = slot
            row += 1
            if row >= per_column:
                column, row = column + 1, 0
        if box and not box_drawn:  # the box column was not reached: set it now
            for element in box[0]:
                self.page.items.append(self.shift(element, p.margin_x + box_column * (column_width + p.gutter), body_top))
        if jump_text:
            x = p.margin_x + (columns - 1) * (column_width + p.gutter)
            y = body_top + (per_column - 1) * self.line_height + p.body_size
            run = TextRun(x + column_width - text_width(jump_text, BODY, p.body_size), y, jump_text, BODY, p.body_size)
            self.page.items.append(run)
            self.jump_lines.append(run.text)
            self.pending_jump = (rest, len(self.pages) - 1, run)
            rest = []
        if box:
            group = self.captions.pop(0)
            anchor = line_before_box[0].key if line_before_box else None
            self.caption_after.append((anchor, group))
            self.caption_on_page = True
        self.y = body_top + per_column * self.line_height + self.line_height * 0.8
        self.bands_on_page += 1
        return rest

    @staticmethod
    def shift(element, dx: float, dy: float):
        if isinstance(element, TextRun):
            return TextRun(element.x + dx, element.y + dy, element.text, element.font, element.size, element.char_space)
        return Box(element.x + dx, element.y + dy, element.width, element.height, element.fill)

    def split_at(self, slots: list, cut: int) -> tuple[list, list[Item]]:
        """The first `cut` slots, and the items for the rest (a paragraph cut
        in the middle goes on without its indent)."""
        taken, left = slots[:cut], slots[cut:]
        rest: list[Item] = []
        for slot in left:
            item, start, _, _ = slot
            if rest and rest[-1].key == item.key:
                continue
            if start == 0:
                rest.append(item)
            else:
                rest.append(Item(item.key, item.text[start:], False, None))
        return taken, rest

    # --- the document ---

    def run(self) -> Layout:
        self.new_page()
        for number, article in enumerate(self.articles):
            self.articles_left = len(self.articles) - number - 1
            self.article_number = number
            items = [Item((number, i), text, True, text) for i, text in enumerate(article.paragraphs)]
            self.set_article(article.headlines, items)
            if self.pending_jump and len(self.pages) - 1 > self.pending_jump[1] and self.bands_on_page >= 1:
                self.set_continuation()
        self.articles_left = 0
        if self.pending_jump:
            if len(self.pages) - 1 == self.pending_jump[1]:
                self.new_page()
            self.set_continuation()
        return self.finish()

    def set_article(self, headlines: list[str], items: list[Item], continued_from: str | None = None) -> int:
        """Set an article (or the rest of one), band after band, page after
        page; return the index of the page where it starts."""
        first_page = -1
        while items:
            rest = self.place_band(headlines, items, continued_from, force=self.bands_on_page == 0)
            if rest is None:
                self.new_page()
                continue
            if first_page < 0:
                first_page = len(self.pages) - 1
            items, headlines, continued_from = rest, [], None
            if items:
                self.new_page()
        return first_page

    def set_continuation(self) -> None:
        items, source, run = self.pending_jump
        self.pending_jump = None
        # the cut paragraph: its gold is what the first page holds
        first = items[0]
        if first.gold is None:
            whole = next(text for key, text in self.gold if key == first.key)
            kept = whole[: len(whole) - len(first.text)].rstrip()
            self.gold = [(key, kept if key == first.key else text) for key, text in self.gold]
            items[0] = Item(first.key + ("continued",), first.text, False, first.text.lstrip())
        page = self.set_article([], items, continued_from=f"（上接{self.pages[source].label}版）")
        run.text = f"（下转{self.pages[page].label}版）"
        self.jump_lines[self.jump_lines.index("（下转A?版）")] = run.text

    def finish(self) -> Layout:
        gold = list(self.gold)
        for anchor, group in self.caption_after:
            position = len(gold)
            keys = [key for key, _ in gold]
            if anchor in keys:
                position = keys.index(anchor) + 1
            gold[position:position] = [(("caption", i), text) for i, text in enumerate(group)]
        furniture = [page.header for page in self.pages] + [page.label for page in self.pages]
        return Layout(self.pages, gold, furniture, self.jump_lines, self.paragraph_ends, self.silent_ends, self.p.glyph_indent, self.p.leading)


def typeset(articles: list[Article], captions: list[list[str]], params: Params, seed: int) -> Layout:
    """Lay out the articles over pages; the gold in reading order."""
    register_fonts()
    return Typesetter(articles, captions, params, random.Random(seed)).run()


def draw_pdf(layout: Layout, path: Path) -> None:
    """Write the pages with reportlab: furniture first (header, rules), then
    every item in reading order, then the footer label."""
    from reportlab.pdfgen import canvas

    first = layout.pages[0]
    pdf = canvas.Canvas(str(path), pagesize=(first.width, first.height), invariant=1)
    for number, page in enumerate(layout.pages):
        pdf.setPageSize((page.width, page.height))
        height = page.height
        margin = page.margin
        pdf.setFont(BODY, 9)
        header_y = height - 34
        if number % 2 == 0:
            pdf.drawString(margin, header_y, page.header)
        else:
            pdf.drawRightString(page.width - margin, header_y, page.header)
        pdf.setLineWidth(0.8)
        pdf.line(margin, header_y - 7, page.width - margin, header_y - 7)
        for item in page.items:
            if isinstance(item, TextRun):
                text = pdf.beginText(item.x, height - item.y)
                text.setCharSpace(item.char_space)  # Tc outlives the text object: always set it
                for segment, face in font_segments(item.text, item.font):
                    text.setFont(face, item.size)
                    text.textOut(segment)
                pdf.drawText(text)
            else:
                pdf.setLineWidth(0.5)
                if item.fill is not None:
                    pdf.setFillGray(item.fill)
                    pdf.rect(item.x, height - item.y - item.height, item.width, item.height, stroke=0, fill=1)
                    pdf.setFillGray(0)
                else:
                    pdf.rect(item.x, height - item.y - item.height, item.width, item.height, stroke=1, fill=0)
        pdf.setLineWidth(0.5)
        pdf.line(margin, 40, page.width - margin, 40)
        pdf.setFont(HEAD, 10)
        pdf.drawCentredString(page.width / 2, 26, page.label)
        pdf.showPage()
    pdf.save()


# --- extraction ----------------------------------------------------------------------


def _pdftotext(*flags: str) -> Callable[[Path], str]:
    def extract(path: Path) -> str:
        if not shutil.which("pdftotext"):
            raise RuntimeError("pdftotext not found (apt-get install poppler-utils)")
        result = subprocess.run(["pdftotext", "-enc", "UTF-8", *flags, str(path), "-"], capture_output=True, check=True)
        return result.stdout.decode("utf-8")

    return extract


def _pdfminer(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(str(path))


def _pymupdf(sort: bool) -> Callable[[Path], str]:
    def extract(path: Path) -> str:
        try:
            import pymupdf
        except ImportError:  # PyMuPDF before 1.24
            import fitz as pymupdf
        with pymupdf.open(str(path)) as document:
            return "".join(page.get_text(sort=sort) + "\f" for page in document)

    return extract


#: name -> (how it is run, function, target ERR from issue 9)
EXTRACTORS: dict[str, tuple[str, Callable[[Path], str], float]] = {
    "pdftotext": ("`pdftotext` (poppler, reading order)", _pdftotext(), 0.60),
    "pdftotext-raw": ("`pdftotext -raw` (content stream order)", _pdftotext("-raw"), 0.90),
    "pdftotext-layout": ("`pdftotext -layout` (columns side by side)", _pdftotext("-layout"), 0.50),
    "pdfminer": ("pdfminer.six `extract_text`", _pdfminer, 0.60),
    "pymupdf": ("PyMuPDF `page.get_text()`", _pymupdf(False), 0.90),
    "pymupdf-sort": ("PyMuPDF `page.get_text(sort=True)`", _pymupdf(True), 0.50),
}


def extractor_versions() -> str:
    parts = []
    try:
        out = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True).stderr.split("\n")[0]
        parts.append(out.strip())
    except OSError:
        parts.append("pdftotext not installed")
    parts.append(f"pdfminer.six {common.version('pdfminer.six')}")
    parts.append(f"PyMuPDF {common.version('PyMuPDF')}")
    parts.append(f"reportlab {common.version('reportlab')}")
    return ", ".join(parts)


# --- the corpus ------------------------------------------------------------------------


@dataclass
class Document:
    name: str
    layout: Layout
    pdf: Path
    extracted: dict[str, str]


def build_document(name: str, articles: list[Article], captions: list[list[str]], params: Params, seed: int, workdir: Path) -> Document:
    layout = typeset(articles, captions, params, seed)
    pdf = workdir / f"{name}.pdf"
    draw_pdf(layout, pdf)
    (workdir / f"{name}.gold.txt").write_text(layout.gold_text(), encoding="utf-8")
    (workdir / f"{name}.meta.json").write_text(
        json.dumps(
            {
                "pages": len(layout.pages),
                "furniture": layout.furniture,
                "jump_lines": layout.jump_lines,
                "captions": [text for key, text in layout.gold if key[0] == "caption"],
            },
            ensure_ascii=False,
            indent=1,
        ),
        encoding="utf-8",
    )
    extracted = {}
    for extractor, (_, function, _) in EXTRACTORS.items():
        try:
            text = function(pdf)
        except Exception as error:  # not installed: reported, the run goes on
            print(f"  {extractor}: {type(error).__name__}: {error}", file=sys.stderr)
            continue
        extracted[extractor] = text
        (workdir / f"{name}.{extractor}.txt").write_text(text, encoding="utf-8")
    return Document(name, layout, pdf, extracted)


def build_corpus(pages: int, seed: int, workdir: Path) -> list[Document]:
    """Documents typeset from the gold files in turn (each time with another
    layout), until `pages` pages are made."""
    sources = gold_sources()
    pool = [group for source in sources for group in source.captions]
    documents: list[Document] = []
    total = 0
    number = 0
    while total < pages:
        source = sources[number % len(sources)]
        rng = random.Random(seed * 7919 + number)
        params = random_params(rng)
        captions = list(source.captions) + [g for g in pool if g not in source.captions]
        rng.shuffle(captions)
        document = build_document(f"doc{number:02d}_{source.name[:3]}", source.articles, captions, params, seed * 7919 + number, workdir)
        documents.append(document)
        total += len(document.layout.pages)
        number += 1
    return documents


#: The committed fixtures: (name, gold file prefix, first article, gold
#: characters at least, layout seed).  Each is two A5 pages with a jump line
#: and a photo box: 3 columns with U+3000 indents, 4 columns and 2 columns
#: with the indent as an offset.
FIXTURE_DOCS = [
    ("fx1_000", "000", 2, 1100, 27),
    ("fx2_003", "003", 3, 1300, 12),
    ("fx3_004", "004", 1, 1300, 22),
]


def write_fixtures(target: Path, workdir: Path) -> list[Document]:
    """Small two- or three-page documents (A5 pages) for the tests: the gold
    and each extractor's output, under tests/fixtures/extracted/."""
    sources = {source.name[:3]: source for source in gold_sources()}
    pool = [group for source in sources.values() for group in source.captions]
    documents = []
    for name, prefix, first, budget, seed in FIXTURE_DOCS:
        source = sources[prefix]
        articles, size = [], 0
        for article in source.articles[first:]:
            if size >= budget:
                break
            articles.append(article)
            size += sum(len(p) for p in article.paragraphs)
        captions = [g for g in source.captions + pool if sum(map(len, g)) < 120][:2]
        params = random_params(random.Random(seed), small=True)
        document = build_document(name, articles, captions, params, seed, workdir)
        documents.append(document)
        (target / "gold").mkdir(parents=True, exist_ok=True)
        (target / "gold" / f"{name}.txt").write_text(document.layout.gold_text(), encoding="utf-8")
        (target / "meta").mkdir(parents=True, exist_ok=True)
        shutil.copy(workdir / f"{name}.meta.json", target / "meta" / f"{name}.json")
        for extractor, text in document.extracted.items():
            (target / extractor).mkdir(parents=True, exist_ok=True)
            (target / extractor / f"{name}.txt").write_text(text, encoding="utf-8")
        print(f"{name}: {len(document.layout.pages)} pages, {len(document.layout.gold_text())} gold characters", file=sys.stderr)
    return documents


# --- scoring ---------------------------------------------------------------------------------

_SPACES_RE = regex.compile(r"\s+")


_JUMP_LINE_RE = regex.compile(r"[上下]\s*[转接]\s*A\s*\d+\s*版")


def leftovers(output: str, layout: Layout) -> tuple[int, int]:
    """Lines of the output made only of running-header pieces and page
    labels (the extractor may cut the header into its parts), and lines
    that hold a jump line: both should be gone."""
    pieces = {piece for line in layout.furniture for piece in line.split()}
    left_furniture = sum(1 for line in output.split("\n") if line.split() and all(piece in pieces for piece in line.split()))
    left_jumps = sum(1 for line in output.split("\n") if _JUMP_LINE_RE.search(line))
    return left_furniture, left_jumps


@dataclass
class Result:
    score: Score
    furniture_left: int = 0
    jumps_left: int = 0


def evaluate(documents: list[Document], systems: dict[str, Callable[[str], str]]) -> dict[str, dict[str, Result]]:
    """results[extractor][system], pooled over the documents."""
    results: dict[str, dict[str, Result]] = {}
    for extractor in EXTRACTORS:
        pairs = [(doc, doc.extracted[extractor]) for doc in documents if extractor in doc.extracted]
        if not pairs:
            continue
        results[extractor] = {}
        for name, system in systems.items():
            result = Result(Score())
            try:
                for doc, raw in pairs:
                    started = time.perf_counter()
                    output = system(raw)
                    result.score.seconds += time.perf_counter() - started
                    result.score.add(output, doc.layout.gold_text())
                    furniture, jumps = leftovers(output, doc.layout)
                    result.furniture_left += furniture
                    result.jumps_left += jumps
            except Exception as error:  # a tool that raises: reported, never fatal
                print(f"  {name} on {extractor}: {type(error).__name__}: {error}", file=sys.stderr)
                continue
            results[extractor][name] = result
    return results


def pct(value: float) -> str:
    return f"{100 * value:.2f}%"


def report(results: dict, documents: list[Document], tools: list[str], missing: dict[str, str], command: str, seconds: float) -> str:
    pages = sum(len(doc.layout.pages) for doc in documents)
    gold_chars = sum(len(doc.layout.gold_text()) for doc in documents)
    out = ["## Real extractions", "", common.machine(), ""]
    out.append(
        f"Command: `{command}` ({seconds:.0f} s). Corpus: {len(documents)} documents, {pages} PDF pages, "
        f"{gold_chars:,} gold characters, typeset from `seeds/gold` with reportlab (AR PL UMing body, WenQuanYi Zen Hei "
        "headlines and captions; 2–4 justified columns, headlines across their columns, a photo box with caption and credit, "
        "running header and page label on every page, a jump to a later page, articles running on to the next page; "
        "tables skipped) and extracted with each tool. The gold is what was typeset, in reading order, without furniture "
        "and jump lines. Extractors: " + extractor_versions() + "."
    )
    ends = sum(doc.layout.paragraph_ends for doc in documents)
    silent = sum(doc.layout.silent_ends for doc in documents)
    offset_docs = sum(1 for doc in documents if not doc.layout.glyph_indent)
    out.append("")
    jumps = sum(1 for doc in documents if doc.layout.jump_lines)
    out.append(
        f"{jumps} of the {len(documents)} documents have a jump line pair. {offset_docs} indent paragraphs by an offset "
        "only (the others by two U+3000, which every extractor keeps); there the extractors but the layout modes drop the "
        "indent, and a paragraph's first line is simply two characters shorter than the column. "
        f"{silent} of the corpus's {ends} paragraph ends fall on a full line in those documents: that shorter next line is "
        "then the only sign of them."
    )
    out.append("")
    out.append(
        "CER = Levenshtein distance / gold length, ERR = 1 − CER_clean / CER_raw (pooled over the documents), *no ws*: "
        "whitespace removed from both texts; boundary P/R/F1 over block starts (spec §9). *Left*: output lines that are "
        "still a running header or page label / still hold a jump line. Targets (issue 9): ERR ≥ 0.90 for PyMuPDF and "
        "`pdftotext -raw`, ≥ 0.60 for pdfminer.six and default `pdftotext`, ≥ 0.50 for layout mode; boundary F1 ≥ 0.95."
    )
    out += ["", "### paperclean per extractor", ""]
    rows = []
    for extractor, (how, _, target) in EXTRACTORS.items():
        if extractor not in results or "paperclean" not in results[extractor]:
            rows.append([how, "not run", "", "", "", "", "", "", "", "", ""])
            continue
        raw = results[extractor]["raw text"].score
        clean = results[extractor]["paperclean"]
        s = clean.score
        err = s.err(raw)
        rows.append(
            [
                how,
                pct(raw.cer),
                pct(s.cer),
                f"{err:.3f}" + (" ✓" if err >= target else f" (target {target:.2f})"),
                f"{s.err_no_space(raw):.3f}",
                f"{raw.f1:.3f}",
                f"{s.precision:.3f}",
                f"{s.recall:.3f}",
                f"{s.f1:.3f}" + (" ✓" if s.f1 >= 0.95 else ""),
                f"{results[extractor]['raw text'].furniture_left} / {results[extractor]['raw text'].jumps_left}",
                f"{clean.furniture_left} / {clean.jumps_left}",
            ]
        )
    header = ["extractor", "CER raw", "CER paperclean", "ERR", "ERR no ws", "F1 raw", "boundary P", "boundary R", "boundary F1", "left raw", "left paperclean"]
    out.append(common.markdown_table(header, rows))
    out += ["", "### By line spacing", ""]
    out.append(
        "CER raw → paperclean per extractor, for the documents of each leading (line distance / font size). "
        "From 1.5, pdfminer.six's default `LAParams` no longer group a column's lines into one box and interleave "
        "the columns line by line; `pdftotext` does the same from about 1.6 (not in this corpus)."
    )
    out.append("")
    rows = []
    for leading in sorted({doc.layout.leading for doc in documents}):
        group = [doc for doc in documents if doc.layout.leading == leading]
        row = [f"{leading:g} ({len(group)} docs)"]
        for extractor in EXTRACTORS:
            raw_score, clean_score = Score(), Score()
            for doc in group:
                if extractor in doc.extracted:
                    gold_text = doc.layout.gold_text()
                    raw_score.add(doc.extracted[extractor], gold_text)
                    clean_score.add(paperclean.clean(doc.extracted[extractor]), gold_text)
            row.append(f"{pct(raw_score.cer)} → {pct(clean_score.cer)}" if raw_score.gold_length else "—")
        rows.append(row)
    out.append(common.markdown_table(["leading"] + list(EXTRACTORS), rows))
    if tools:
        out += ["", "### Every system: CER (ERR) per extractor", ""]
        names = ["raw text"] + tools + ["paperclean"]
        rows = []
        for name in names:
            row = [name]
            for extractor in EXTRACTORS:
                if extractor not in results or name not in results[extractor]:
                    row.append("—")
                    continue
                raw = results[extractor]["raw text"].score
                s = results[extractor][name].score
                row.append(pct(s.cer) + ("" if name == "raw text" else f" ({s.err(raw):.3f})"))
            rows.append(row)
        out.append(common.markdown_table(["system"] + list(EXTRACTORS), rows))
        out += ["", "Boundary F1 per extractor:", ""]
        rows = []
        for name in names:
            rows.append([name] + [f"{results[e][name].score.f1:.3f}" if e in results and name in results[e] else "—" for e in EXTRACTORS])
        out.append(common.markdown_table(["system"] + list(EXTRACTORS), rows))
        out += ["", "The public tools are used as in the quality benchmark (see its section). "]
        out[-1] += f"Versions: {common.tool_versions()}."
    for name, reason in missing.items():
        out.append(f"- **{name}**: not run ({reason})")
    out += [
        "",
        "Regenerate: `pip install -e '.[bench]'`, `apt-get install poppler-utils fonts-arphic-uming fonts-wqy-zenhei`, "
        "then the command above; PDFs, gold and extractions are left in the work directory (`--workdir`). "
        "`python benchmarks/realpdf.py --write-fixtures` rewrites the small fixtures under `tests/fixtures/extracted/`.",
    ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=60, help="PDF pages to make, at least (default 60)")
    parser.add_argument("--seed", type=int, default=0, help="layout seed")
    parser.add_argument("--workdir", type=Path, default=WORKDIR, help=f"where PDFs and extractions go (default {WORKDIR})")
    parser.add_argument("--no-tools", action="store_true", help="skip the public tools")
    parser.add_argument("--results", type=Path, default=common.RESULTS, help="Markdown file to update")
    parser.add_argument("--write-fixtures", action="store_true", help="write the committed fixtures (tests/fixtures/extracted) and stop")
    parser.add_argument("--fixtures-dir", type=Path, default=FIXTURES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    args.workdir.mkdir(parents=True, exist_ok=True)
    if args.write_fixtures:
        write_fixtures(args.fixtures_dir, args.workdir)
        return 0
    started = time.perf_counter()
    documents = build_corpus(args.pages, args.seed, args.workdir)
    print(f"{len(documents)} documents, {sum(len(d.layout.pages) for d in documents)} pages in {args.workdir}", file=sys.stderr)
    systems: dict[str, Callable[[str], str]] = {"raw text": lambda text: text}
    tools, missing = ({}, {}) if args.no_tools else common.load_tools()
    systems.update(tools)
    systems["paperclean"] = paperclean.clean
    results = evaluate(documents, systems)
    for doc in documents:
        for extractor, raw in doc.extracted.items():
            (args.workdir / f"{doc.name}.{extractor}.clean.txt").write_text(paperclean.clean(raw), encoding="utf-8")
    command = "python benchmarks/realpdf.py"
    if args.pages != 60:
        command += f" --pages {args.pages}"
    if args.seed:
        command += f" --seed {args.seed}"
    if args.no_tools:
        command += " --no-tools"
    markdown = report(results, documents, list(tools), missing, command, time.perf_counter() - started)
    common.write_section("realpdf", markdown, args.results)
    print(markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
