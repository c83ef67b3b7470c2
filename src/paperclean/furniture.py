"""Page furniture: mastheads, dates, editor lines, footers -> metadata (spec §7).

*Page furniture* is what the page prints around its articles: the masthead
(``HENGSHUIRIBAO``, ``衡水日报``), the publisher (``中共衡水市委主办``), the
issue date and weekday, the site address, the page label (``A4 要闻``), the
editors (``责任编辑 李红丽 李真``), running headers
(``2023年2月9日 星期四  经济  责任编辑：刘洋``), page numbers and the footer
strip (``订版热线``, phone numbers).  None of it is article text.

How it is recognized
--------------------
By general signals, never by one newspaper's names.  A *line* (furniture is a
line of its own: a raw block may hold a masthead line above an article) is
furniture when all of it reads as furniture pieces, separated by spaces:

=============  ========================================================  ========
kind           pieces                                                    strength
=============  ========================================================  ========
editor         ``责任编辑``, ``美术编辑``, ``校对``… and names              strong
publisher      ``…主办``, ``…主管``, ``…出版`` (not ``由…主办``)            strong
masthead       all-capital romanized name (``HENGSHUIRIBAO``)              strong
newspaper      a name from :data:`NEWSPAPER_SUFFIXES` (``…日报``, ``…晚报``  strong
               and the OCR misreadings ``…口報``, ``…曰报``)
url            a site address, with its label (``衡水新闻网:www…``)         strong
page_label     ``A4``, ``A4版``, ``第4版``, ``第四版``                      strong
header         several pieces on one line (``A4 要闻``, ``2021年12月3日    strong
               星期五``); a section word (``要闻``, ``经济``) only next to
               a date, weekday, page label or editor
running        a line repeated at the top (or bottom) of several pages      strong
footer         a short line with footer words (``订版热线``, ``邮发代号``)   strong
date           ``2021年12月3日``, ``2021-12-03``, ``二〇二一年…``            weak
weekday        ``星期五``, ``周五``; lunar date ``农历…``                   weak
phone          phone numbers, with a label (``热线：…``)                    weak
page_number    ``3``, ``- 3 -``, ``第3页``                                  edge
=============  ========================================================  ========

Position decides the rest, since almost all furniture stands at the top or
the bottom of a page (pages are separated by form feeds; a text without form
feeds is one page):

- a *strong* line is furniture among the lines at the top of a page before
  which stand at most :data:`MAX_SLACK_CHARS` characters of lines that are
  not furniture (a stray section word, a short headline),
  and likewise at the bottom;
- a *weak* or *edge* line only in the unbroken run of furniture that starts
  at the very top or bottom; at the bottom a weak line needs a strong line in
  that run (a notice that ends with its date or contact phone keeps them);
- in the middle of a page only unmistakable lines go: editor lines with an
  editor's title, running headers with an editor or a date and a weekday,
  romanized mastheads ending in ``BAO``/``DAILY``.

Bylines, datelines, headlines, section labels belonging to an article
(``衡水新闻发布``, ``县市区党政主要负责人访谈``), captions and credits are not
furniture: they read as text, not as the pieces above.

Reported metadata
-----------------
``doc.metadata["furniture"]``: a list of ``{"text", "kind", "page", "block",
"line"}`` (``page`` counts form feeds, ``block`` is the index of the block as
this step received the blocks, ``line`` the index of the line in it), and
where found: ``"newspaper"`` (the Chinese name, or
else the romanized masthead), ``"date"`` (ISO ``2021-12-03``), ``"weekday"``,
``"page"`` (the page label, normalized: ``"A4"``), ``"section"``,
``"editors"`` (names, in order), ``"publisher"``, ``"url"``.

With ``config.keep_furniture`` the lines stay, each as a block of its own of
kind ``furniture``; they are reported all the same.
"""

from __future__ import annotations

import regex

from .chardata import ends_sentence
from .document import FURNITURE, JUMP, TABLE, Block, Document
from .jumps import chinese_number, parse_page_label

STEP_NAME = "remove_furniture"

#: How much text that is not furniture (in characters, spaces left out) may
#: stand above a strong furniture line at the top of a page (and below one at
#: the bottom): a stray section word, a short headline.  Counted in
#: characters, not lines: the lines of a wrapped paragraph are one line once
#: joined, and a second pass must reach no further from the edge than the
#: first.
MAX_SLACK_CHARS = 20
#: How often the page edges are looked at again after stray pieces went.
MAX_EDGE_ROUNDS = 3
#: How many lines at each edge of a page are examined at most.
EDGE_LINES = 12
#: Furniture lines are short; longer lines are never furniture.
MAX_FURNITURE_CHARS = 80
#: A line at the same edge of at least this many pages (and of a third of
#: them) is a running header or footer.
MIN_REPEATS = 2
#: How many lines at each edge are compared across pages.
REPEAT_LINES = 4

#: Endings of Chinese newspaper names, with the usual OCR misreadings of 日
#: (口, 曰).  Only a line that is nothing but such a name counts.
NEWSPAPER_SUFFIXES = (
    "日报", "日報", "口报", "口報", "曰报", "曰報", "晚报", "晚報", "早报", "早報",
    "晨报", "晨報", "时报", "時報", "商报", "商報", "都市报", "青年报", "法制报",
    "法治报", "农民报", "工人报", "经济报", "科技报", "导报", "周报",
)
#: Well-known names that do not end like the above.
NEWSPAPER_NAMES = ("参考消息", "新京报", "解放军报", "南方周末", "环球时报")
#: Romanized mastheads that end like this are furniture anywhere on a page.
MASTHEAD_ENDINGS = ("BAO", "DAILY", "NEWS", "TIMES", "POST")
#: Titles of the people who made the page.  Those in the second tuple also
#: mark an editor line in the middle of a page.
EDITOR_TITLES = ("编辑", "主编", "组版", "排版", "审读", "审校", "签发", "值班主任", "值班编委")
STRONG_EDITOR_TITLES = (
    "责任编辑", "本版编辑", "美术编辑", "图片编辑", "文字编辑", "执行编辑", "视觉编辑",
    "网络编辑", "责编", "美编", "校对", "版式设计", "版式", "版面设计",
)
#: Words of a footer strip (subscription, advertising, printing notices).
FOOTER_WORDS = (
    "订版", "订报", "订阅", "广告热线", "发行热线", "新闻热线", "邮发代号", "统一刊号",
    "连续出版物号", "定价", "零售价", "广告经营许可证", "广告许可证", "社址", "邮编",
    "邮政编码", "传真", "印刷厂", "印刷：", "发行：",
)

STRONG, WEAK, EDGE, ANYWHERE = "strong", "weak", "edge", "anywhere"

_NAME = r"[\p{Han}·]{2,4}"
_CN_NUM = r"[〇零一二三四五六七八九十两]"
_DATE = (
    r"(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日"
    r"|\d{4}[-./]\d{1,2}[-./]\d{1,2})"
)
_WEEKDAY = r"(?:星期|礼拜|周)[一二三四五六日天]"
_LUNAR = r"农历[\p{Han}]{2,12}"
_LABEL = rf"(?:[A-Z]\d{{1,2}}(?:版)?|(?:第\s*)?[A-Z]?\d{{1,2}}\s*版|第{_CN_NUM}{{1,3}}版)"
_URL = (
    r"(?:[\p{Han}A-Za-z]{0,10}\s*[:：]?\s*)?"
    r"(?:(?:https?://)?www\.[\w.-]+|https?://[\w.-]+|[\w-]+(?:\.[\w-]+)*\.(?:com|cn|net|org|gov|edu))"
    r"(?:/[\w./?=&%-]*)?"
)
_EMAIL = r"(?:[\p{Han}A-Za-z-]{0,8}\s*[:：]?\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# eleven digits from a 1 (a mobile number, or one misprinted), a trunk number,
# a 400 service number, a local number
_PHONE_NUMBER = r"(?:1\d{10}|0\d{2,3}[-－—]?\d{7,8}|400[-－]?\d{3}[-－]?\d{4}|\d{7,8})(?!\d)"
_PHONE = rf"(?:[\p{{Han}}]{{0,8}}\s*[:：]?\s*)?{_PHONE_NUMBER}(?:\s*[、,，/]\s*{_PHONE_NUMBER})*"
_NEWSPAPER = (
    r"(?:[\p{Han}]{1,8}(?:" + "|".join(NEWSPAPER_SUFFIXES) + r")|" + "|".join(NEWSPAPER_NAMES) + ")"
)
_PUBLISHER = r"(?:(?![\p{Han}]*由)[\p{Han}·（）()]{2,24}?(?:主管主办|主办出版|主办|主管|社出版))"
_EDITOR_TITLE = "(?:" + "|".join(sorted(STRONG_EDITOR_TITLES + EDITOR_TITLES, key=len, reverse=True)) + ")"
_STRONG_EDITOR_TITLE = "(?:" + "|".join(sorted(STRONG_EDITOR_TITLES, key=len, reverse=True)) + ")"
_PAGE_NUMBER = r"(?:[-—–－]\s*\d{1,3}\s*[-—–－]|\d{1,3}|第\s*\d{1,3}\s*页)"

#: One token of a furniture line: one or more pieces written together.  Each
#: piece is atomic (the first alternative that reads it wins, and is not
#: tried again), which keeps the search linear on long tokens.
_TOKEN_RE = regex.compile(
    rf"""(?>
        (?P<date>{_DATE})
      | (?P<weekday>{_WEEKDAY})
      | (?P<lunar>{_LUNAR})
      | (?P<page_label>{_LABEL})
      | (?P<url>{_URL}|{_EMAIL})
      | (?P<phone>{_PHONE})
      | (?P<publisher>{_PUBLISHER})
      | (?P<newspaper>{_NEWSPAPER})
      | (?P<masthead>[A-Z]{{2,}})
      | (?P<editor>{_EDITOR_TITLE}\s*[:：]\s*{_NAME}(?:[、，,]{_NAME})*
                   |{_STRONG_EDITOR_TITLE}{_NAME}(?:[、，,]{_NAME})*
                   |{_EDITOR_TITLE}[:：]?)
    )+""",
    regex.VERBOSE,
)
_SECTION_RE = regex.compile(r"[\p{Han}]{2,6}")
#: A section word standing alone in the middle of a page: short.
_SECTION_WORD_RE = regex.compile(r"[\p{Han}]{2,4}")
_NAME_RE = regex.compile(_NAME)
_EDITOR_TITLE_RE = regex.compile(rf"^{_EDITOR_TITLE}\s*[:：]?\s*")
_PAGE_NUMBER_RE = regex.compile(_PAGE_NUMBER)
_FOOTER_RE = regex.compile("|".join(map(regex.escape, FOOTER_WORDS)))
_SEPARATOR_RE = regex.compile(r"\s+|[|｜•·・]")
_BRACKETS_RE = regex.compile(r"[（(【\[](?P<inner>[^（()）【】\[\]]*)[）)】\]]")
#: Spaces inside a date (``2021年 12月 3日``) are closed up before reading it.
_DATE_SPACE_RE = regex.compile(r"(?<=[\d年月])\s+(?=\d)|(?<=\d)\s+(?=[年月日])")
_DIGITS_RE = regex.compile(r"\d+")
_HAN_OR_LETTER_RE = regex.compile(r"[\p{Han}A-Za-z]")
_SPACES_RE = regex.compile(r"\s+")
#: Middle-of-page furniture needs one of these; the other lines are skipped
#: without being read piece by piece.
_ANYWHERE_HINT_RE = regex.compile("编|校对|版式|版面设计|星期|" + "|".join(MASTHEAD_ENDINGS))
#: A line that is furniture anywhere holds one of these characters, however
#: its letters are spaced: an editor's title (编 校 版), a weekday (星 礼 周),
#: the capitals of a romanized masthead.  The other lines of a block with a
#: hint are not read.
_ANYWHERE_CHARS_RE = regex.compile("[编校版星礼周A-ZＡ-Ｚ]")
_FULLWIDTH = str.maketrans(
    "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ",
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
)

_STRENGTH = {
    "editor": STRONG, "publisher": STRONG, "masthead": STRONG, "newspaper": STRONG, "url": STRONG,
    "page_label": STRONG, "header": STRONG, "running": STRONG, "footer": STRONG,
    "date": WEAK, "weekday": WEAK, "lunar": WEAK, "phone": WEAK, "page_number": EDGE,
}
#: The kinds that are groups of _TOKEN_RE, in the order of _STRENGTH.
_TOKEN_KINDS = [kind for kind in _STRENGTH if kind in _TOKEN_RE.groupindex]
#: Blocks whose lines are never furniture.
_NEVER = frozenset({TABLE, JUMP})
_SECTION_ANCHORS = frozenset({"date", "weekday", "page_label", "editor"})


def read_furniture_line(line: str) -> tuple[str, list[tuple[str, str]]] | None:
    """What kind of furniture `line` is, with its pieces ``(kind, text)``;
    ``None`` for a line that is not only furniture.  Position is not looked
    at here (see :func:`furniture_lines`).

    >>> read_furniture_line("责任编辑 李红丽 李真")
    ('editor', [('editor', '责任编辑'), ('name', '李红丽'), ('name', '李真')])
    >>> read_furniture_line("2023年2月9日 星期四  经济  责任编辑：刘洋")[0]
    'header'
    >>> read_furniture_line("衡水新闻网:www.hsrb.com.cn")[0]
    'url'
    >>> read_furniture_line("本报记者 李晨阔") is None
    True
    >>> read_furniture_line("县市区党政主要负责人访谈") is None
    True
    """
    text = line.strip().translate(_FULLWIDTH)
    if not text or len(text) > MAX_FURNITURE_CHARS or "\t" in line:
        return None
    bracketed = _BRACKETS_RE.fullmatch(text)
    if bracketed:  # （责任编辑：刘洋）
        text = bracketed["inner"].strip()
    text = _DATE_SPACE_RE.sub("", text)
    tokens = [t for t in _SEPARATOR_RE.split(text) if t]
    if not tokens:
        return None
    if len(tokens) > 1 and all(len(t) == 1 for t in tokens):  # 衡 水 日 报
        tokens = ["".join(tokens)]
    pieces = _read_tokens(tokens)
    if pieces is None:
        return _read_footer(line.strip())
    kinds = [kind for kind, _ in pieces if kind not in ("name", "section")]
    sections = sum(1 for kind, _ in pieces if kind == "section")
    if not kinds:
        return _read_footer(line.strip())
    if sections and (sections > 2 or not _SECTION_ANCHORS.intersection(kinds)):
        return None
    if all(kind == "masthead" for kind in kinds):
        letters = sum(len(text) for kind, text in pieces if kind == "masthead")
        return ("masthead", pieces) if letters >= 6 else None
    if kinds.count("editor") and set(kinds) == {"editor"}:
        if not any(kind == "name" for kind, _ in pieces) and not any("：" in t or ":" in t for _, t in pieces):
            return None  # a title alone (``编辑``) is no editor line
        return "editor", pieces
    if len(set(kinds)) == 1 and not sections:
        if kinds[0] == "phone" and ("热线" in text or _FOOTER_RE.search(text)):
            return "footer", pieces  # 新闻热线：0312-5550123
        return kinds[0], pieces
    return "header", pieces


def _read_tokens(tokens: list[str]) -> list[tuple[str, str]] | None:
    """The pieces of a line split at spaces, or ``None`` when a token is not
    furniture.  Names may follow an editor's title; a page number only stands
    alone."""
    if len(tokens) == 1 and _PAGE_NUMBER_RE.fullmatch(tokens[0]):
        return [("page_number", tokens[0])]
    pieces: list[tuple[str, str]] = []
    after_editor = False
    for token in tokens:
        match = _TOKEN_RE.fullmatch(token)
        if match:
            found = sorted(
                (start, kind, token[start:end]) for kind in _TOKEN_KINDS for start, end in match.spans(kind)
            )
            pieces.extend((kind, text) for _, kind, text in found)
            after_editor = found[-1][1] == "editor"
        elif after_editor and _NAME_RE.fullmatch(token):
            pieces.append(("name", token))
        elif _SECTION_RE.fullmatch(token):
            pieces.append(("section", token))
            after_editor = False
        else:
            return None
    return pieces


def _read_footer(line: str) -> tuple[str, list[tuple[str, str]]] | None:
    """A short line of a footer strip (``限 限 直 微信息 订版热线``)."""
    if len(line) <= 40 and _FOOTER_RE.search(line) and not ends_sentence(line) and "，" not in line:
        return "footer", [("footer", line)]
    return None


def furniture_strength(kind: str, pieces: list[tuple[str, str]]) -> str:
    """How sure a furniture line of this kind is, away from the page edges:
    ``anywhere`` (even in the middle of a page), ``strong`` (near an edge),
    ``weak`` (only in a run of furniture at an edge) or ``edge`` (only at
    the very top or bottom).

    >>> furniture_strength(*read_furniture_line("责任编辑：刘洋"))
    'anywhere'
    >>> furniture_strength(*read_furniture_line("2021年12月3日"))
    'weak'
    >>> furniture_strength(*read_furniture_line("联系电话：0318-2155555")), furniture_strength(*read_furniture_line("13503189058"))
    ('weak', 'edge')
    """
    texts = [text for _, text in pieces]
    if kind in ("editor", "header") and any(t.startswith(STRONG_EDITOR_TITLES) for t in texts):
        return ANYWHERE
    if kind == "header" and {"date", "weekday"} <= {k for k, _ in pieces} and len(pieces) >= 3:
        return ANYWHERE
    if kind == "masthead" and "".join(texts).endswith(MASTHEAD_ENDINGS) and len("".join(texts)) >= 8:
        return ANYWHERE
    if kind == "phone" and not any(_HAN_OR_LETTER_RE.search(t) for t in texts):
        # a bare number, no `联系电话：` before it: footer debris at the very
        # edge, as a page number (a notice's contact line names itself)
        return EDGE
    return _STRENGTH[kind]


def furniture_lines(doc: Document) -> list[tuple[int, int, str, list[tuple[str, str]]]]:
    """Every furniture line of `doc`: ``(block index, line index, kind,
    pieces)``, in document order.  See the module docstring for the rules
    of position.

    >>> doc = Document([Block("HENGSHUIRIBAO\\n2021年12月3日"), Block("本报讯 今年以来，我市…。"), Block("联系电话：13503189058")])
    >>> [(b, i, kind) for b, i, kind, _ in furniture_lines(doc)]
    [(0, 0, 'masthead'), (0, 1, 'date')]
    """
    pages: dict[int, list[int]] = {}
    for index, block in enumerate(doc.blocks):
        pages.setdefault(block.page, []).append(index)
    running = _running_lines(doc, pages) if len(pages) > 1 else set()
    # a stray piece found in mid-page is gone, as a second pass would see it:
    # the page edges are looked at again without it (what stood behind it
    # may now be at the edge)
    stray: dict[tuple[int, int], tuple[str, list]] = {}
    # each page's furniture, with the stray lines it was found without: a
    # page where no more stray lines were found need not be read again
    by_page: dict[int, tuple[set, dict]] = {}
    for _ in range(MAX_EDGE_ROUNDS):
        skipped: dict[int, set] = {page: set() for page in pages}
        for key in stray:
            skipped[doc.blocks[key[0]].page].add(key)
        found = {}
        for page, indices in pages.items():
            if page not in by_page or by_page[page][0] != skipped[page]:
                by_page[page] = (skipped[page], _edge_and_anywhere_lines(doc, indices, running, skipped[page]))
            found.update(by_page[page][1])
        found.update(stray)
        more = _stray_pieces(doc, found)
        found.update(more)
        if more.keys() <= stray.keys():
            break
        stray.update(more)
    return [(b, i, kind, pieces) for (b, i), (kind, pieces) in sorted(found.items())]


def _edge_and_anywhere_lines(doc: Document, indices: list[int], running: set, skip: set) -> dict:
    """The furniture lines at the edges of the page of these blocks (lines
    in `skip` left out, as if gone) and the unmistakable ones anywhere on it."""
    found: dict[tuple[int, int], tuple[str, list]] = {}
    top = _edge_lines(doc, indices, from_top=True, skip=skip)
    bottom = _edge_lines(doc, indices, from_top=False, skip=skip)
    for lines, at_bottom in ((top, False), (bottom, True)):
        found.update(_edge_run(lines, running, at_bottom))
    for index in indices:
        text = doc.blocks[index].text
        if doc.blocks[index].kind in _NEVER or not _ANYWHERE_HINT_RE.search(text):
            continue
        for number, line in enumerate(text.split("\n")):
            if (index, number) in found or not _ANYWHERE_CHARS_RE.search(line):
                continue
            read = read_furniture_line(line)
            if read and furniture_strength(*read) == ANYWHERE:
                found[(index, number)] = read
    return found


def _stray_pieces(doc: Document, found: dict) -> dict:
    """Page labels and section words that the extractor set apart in the
    middle of a page (``pdftotext`` puts the footer's ``A5`` where its
    reading order meets it, and cuts a running header into its pieces).

    A line that is only a page label is furniture when it interrupts a
    sentence (the text before it ends none), and anywhere once the page
    labels of this document were found at the page edges or interrupting a
    sentence.  A line that is
    only a short section word (``经济``) is furniture when it interrupts a
    sentence and stands next to a furniture line or is a section word this
    document's headers already showed.  Between two finished paragraphs,
    without such evidence, both stay: they may be article text.
    """
    labels_seen = any(piece == "page_label" for kind, pieces in found.values() for piece, _ in pieces)
    sections = {text for kind, pieces in found.values() for piece, text in pieces if piece == "section"}
    sections.update(pieces[0][1] for kind, pieces in found.values() if kind == "running" and _SECTION_RE.fullmatch(pieces[0][1]))
    stray = _stray_scan(doc, found, labels_seen, sections)
    if not labels_seen and any(kind == "page_label" for kind, _ in stray.values()):
        # a label that interrupted a sentence shows how this document's
        # labels stray: the others go too
        stray = _stray_scan(doc, found, True, sections)
    return stray


def _stray_scan(doc: Document, found: dict, labels_seen: bool, sections: set[str]) -> dict:
    stray: dict[tuple[int, int], tuple[str, list]] = {}
    previous = ""  # the last line before, that is not furniture
    previous_furniture = False
    for index, block in enumerate(doc.blocks):
        lines = block.text.split("\n")
        for number, line in enumerate(lines):
            key = (index, number)
            text = line.strip()
            if key in found:
                previous_furniture = True
                continue
            if not text:
                continue
            if block.kind not in _NEVER and len(text) <= 8:
                interrupts = bool(previous) and not ends_sentence(previous)
                read = read_furniture_line(text)
                label = read is not None and read[0] == "page_label"
                next_furniture = (index, number + 1) in found or (number == len(lines) - 1 and (index + 1, 0) in found)
                section = (
                    _SECTION_WORD_RE.fullmatch(text)
                    and interrupts
                    and (text in sections or previous_furniture or next_furniture)
                )
                if (label and (labels_seen or interrupts)) or section:
                    stray[key] = read if label else ("section", [("section", text)])
                    previous_furniture = True
                    continue
            previous, previous_furniture = text, False
    return stray


def _edge_lines(doc: Document, indices: list[int], from_top: bool, skip: set = frozenset()) -> list[tuple[int, int, str]]:
    """Up to :data:`EDGE_LINES` lines ``(block, line, text)`` from one edge
    of a page, the nearest to the edge first.  The lines of tables and jump
    lines count, with an empty text (they are never furniture)."""
    lines: list[tuple[int, int, str]] = []
    for index in indices if from_top else reversed(indices):
        block = doc.blocks[index]
        numbered = list(enumerate(block.text.split("\n")))
        for number, line in numbered if from_top else reversed(numbered):
            if line.strip() and (index, number) not in skip:
                lines.append((index, number, "" if block.kind in _NEVER else line))
                if len(lines) >= EDGE_LINES:
                    return lines
    return lines


def _edge_run(lines, running, at_bottom: bool) -> dict:
    """The furniture among the lines of one edge (nearest first)."""
    accepted: dict[tuple[int, int], tuple[str, list]] = {}
    weak_run: list[tuple[int, int]] = []
    strong_in_run = False
    not_furniture = 0  # lines that are not furniture, so far
    slack = 0  # their characters
    section = None  # a lone section word seen right after strong furniture
    after_strong = False  # the last line looked at is strong furniture
    for index, number, line in lines:
        if slack > MAX_SLACK_CHARS:
            break
        read = read_furniture_line(line)
        if (index, number) in running and (read is None or _STRENGTH[read[0]] != STRONG):
            read = ("running", [("running", line.strip())])
        strength = furniture_strength(*read) if read else None
        if strength in (STRONG, ANYWHERE):
            accepted[(index, number)] = read
            strong_in_run = strong_in_run or not_furniture == 0
            if section is not None:
                # a section word between two furniture lines is a piece of a
                # running header that the extractor set on lines of its own
                key, word = section
                accepted[key] = ("section", [("section", word)])
                not_furniture -= 1
                slack -= len(word)
        elif strength in (WEAK, EDGE) and (not_furniture == 0 or (section is not None and strength == EDGE)):
            accepted[(index, number)] = read
            if strength == WEAK:
                weak_run.append((index, number))
            if section is not None:
                # date, section word, page number: a header set line by line
                # (a page number is only furniture at the page's edge)
                key, word = section
                accepted[key] = ("section", [("section", word)])
                not_furniture -= 1
                slack -= len(word)
        else:
            not_furniture += 1
            slack += len(_SPACES_RE.sub("", line))
        word = line.strip()
        between = read is None and after_strong and not_furniture == 1 and _SECTION_RE.fullmatch(word)
        section = ((index, number), word) if between else None
        after_strong = strength in (STRONG, ANYWHERE)
    if at_bottom and not strong_in_run:
        for key in weak_run:
            del accepted[key]
    return accepted


def _running_lines(doc: Document, pages: dict[int, list[int]]) -> set[tuple[int, int]]:
    """Lines repeated at the same edge of several pages (digits ignored, so
    that page numbers and dates may differ).

    A page the extraction wrote twice is not a running header: the pages
    that share a line must differ in the lines next to it."""
    seen: dict[tuple[bool, str], list[tuple[int, int, tuple]]] = {}
    for indices in pages.values():
        for from_top in (True, False):
            edge = _edge_lines(doc, indices, from_top)[: REPEAT_LINES + 2]
            neighbourhood = tuple(line.strip() for _, _, line in edge)
            keys_on_page = set()
            for index, number, line in edge[:REPEAT_LINES]:
                text = line.strip()
                if not text or len(text) > MAX_FURNITURE_CHARS or ends_sentence(text) or "，" in text:
                    continue
                key = (from_top, _running_key(text))
                if key not in keys_on_page:
                    keys_on_page.add(key)
                    seen.setdefault(key, []).append((index, number, neighbourhood))
    needed = max(MIN_REPEATS, -(-len(pages) // 3))
    return {
        (index, number)
        for places in seen.values()
        if len(places) >= needed and len({n for _, _, n in places}) > 1
        for index, number, _ in places
    }


def _running_key(line: str) -> str:
    return _DIGITS_RE.sub("#", _SPACES_RE.sub("", line))


def remove_furniture(doc: Document, config) -> Document:
    """Remove page furniture and report it as metadata (spec §7).

    Why: a masthead, a date line or ``责任编辑 …`` between paragraphs is not
    article text, and a reader wants the date and the page as data.  Only the
    furniture lines go; the other lines of their block stay exactly as they
    were.  Bylines, headlines, section labels of an article, captions and
    credits stay (see the module docstring).

    >>> doc = Document([Block("HENGSHUIRIBAO\\n2021年12月3日\\n中共衡水市委主办"), Block("本报讯 今年以来，我市…。")])
    >>> [b.text for b in remove_furniture(doc, None).blocks]
    ['本报讯 今年以来，我市…。']
    >>> doc.metadata["newspaper"], doc.metadata["date"]
    ('HENGSHUIRIBAO', '2021-12-03')
    """
    keep = bool(getattr(config, "keep_furniture", False))
    found = furniture_lines(doc)
    doc.metadata["furniture"] = [
        {"text": doc.blocks[b].lines[i].strip(), "kind": kind, "page": doc.blocks[b].page, "block": b, "line": i}
        for b, i, kind, _ in found
    ]
    _collect_metadata(doc.metadata, [(kind, pieces) for _, _, kind, pieces in found])
    if not found:
        return doc
    by_block: dict[int, set[int]] = {}
    for b, i, _, _ in found:
        by_block.setdefault(b, set()).add(i)
    blocks: list[Block] = []
    for index, block in enumerate(doc.blocks):
        numbers = by_block.get(index)
        if not numbers:
            blocks.append(block)
            continue
        blocks.extend(_without_lines(doc, index, block, numbers, keep))
    doc.blocks = blocks
    return doc


def _without_lines(doc: Document, index: int, block: Block, numbers: set[int], keep: bool) -> list[Block]:
    """`block` without its furniture lines (or, with `keep`, with each of
    them set apart as a block of kind ``furniture``)."""
    lines = block.text.split("\n")
    if keep and len(lines) == 1:
        block.kind = FURNITURE
        return [block]
    parts: list[Block] = []
    current: list[str] = []
    current_offset = offset = 0
    for number, line in enumerate(lines):
        if number in numbers:
            if keep:
                if current:
                    parts.append(Block("\n".join(current), block.kind, block.page, block.start + current_offset))
                    current = []
                parts.append(Block(line, FURNITURE, block.page, block.start + offset))
            else:
                doc.record(STEP_NAME, index, offset, line + ("\n" if number < len(lines) - 1 else ""), "", "furniture")
        else:
            if not current:
                current_offset = offset
            current.append(line)
        offset += len(line) + 1
    if current:
        parts.append(Block("\n".join(current), block.kind, block.page, block.start + current_offset))
    text_parts = [part for part in parts if part.kind != FURNITURE]
    if text_parts:
        text_parts[0].resumed = block.resumed  # the text after a `上接` line still resumes an article
    if keep and len(parts) != 1:
        doc.record(STEP_NAME, index, 0, "", "", f"furniture set apart ({len(parts)} blocks)")
    return parts


def _collect_metadata(metadata: dict, found: list[tuple[str, list[tuple[str, str]]]]) -> None:
    """Newspaper, date, weekday, page, section, editors, publisher and URL
    from the pieces of the furniture lines (the first of each wins)."""
    editors: list[str] = []
    latin = None
    for kind, pieces in found:
        for piece_kind, text in pieces:
            if piece_kind == "newspaper":
                metadata.setdefault("newspaper", regex.sub(r"\s+", "", text))
            elif piece_kind == "masthead":
                latin = latin or text
            elif piece_kind == "date":
                metadata.setdefault("date", _iso_date(text))
            elif piece_kind == "weekday":
                metadata.setdefault("weekday", text)
            elif piece_kind == "page_label":
                parsed = parse_page_label(text)
                if parsed:
                    metadata.setdefault("page", parsed[0])
            elif piece_kind == "section":
                metadata.setdefault("section", text)
            elif piece_kind == "name":
                editors.append(text)
            elif piece_kind == "editor":
                editors.extend(_NAME_RE.findall(_EDITOR_TITLE_RE.sub("", text)))
            elif piece_kind == "publisher":
                metadata.setdefault("publisher", text)
            elif piece_kind == "url":
                metadata.setdefault("url", text)
    if latin and "newspaper" not in metadata:
        metadata["newspaper"] = latin
    if editors:
        metadata["editors"] = list(dict.fromkeys(editors))


def _iso_date(text: str) -> str:
    """``2021-12-03`` from a printed date; the text itself when unreadable.

    >>> _iso_date("2021年12月3日"), _iso_date("二〇二一年十二月三日"), _iso_date("2021.12.3")
    ('2021-12-03', '2021-12-03', '2021-12-03')
    """
    parts = regex.split(r"\s*[年月日./-]\s*", text.strip())
    numbers = [chinese_number(p) for p in parts if p]
    if len(numbers) == 3 and all(numbers):
        year, month, day = numbers
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return text
