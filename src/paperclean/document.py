"""The data that flows through the pipeline: a document of typed blocks.

Text in -> :func:`parse` -> :class:`Document` -> steps -> :func:`render` -> text.

A block is what the extraction separated by blank lines (or a page break): a
paragraph, a headline, a table...  Until hard wraps are joined a block holds
several lines; afterwards every block but a table is one line (spec §1).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, is_dataclass

import regex

# Block kinds.  Plain strings, so that they print well in reports and JSON.
PARAGRAPH = "paragraph"
HEADLINE = "headline"
SUBTITLE = "subtitle"  # a line that starts with ——
BYLINE = "byline"
CAPTION = "caption"
CREDIT = "credit"
TABLE = "table"
HEADING = "heading"  # a Markdown heading the extractor wrote
ELLIPSIS = "ellipsis"  # a line that is only ……
FURNITURE = "furniture"
JUMP = "jump"
MARKUP = "markup"  # a Markdown image or an HTML block the extractor wrote

#: Kinds whose characters the typesetting steps (spaces, punctuation) leave as
#: extracted: table cells, markup, and furniture and jump lines kept on request.
VERBATIM_KINDS = frozenset({TABLE, MARKUP, FURNITURE, JUMP})

#: Kinds whose spaces separate phrases or names and are kept (spec §3).
PHRASE_KINDS = frozenset({HEADLINE, SUBTITLE, BYLINE, CREDIT, HEADING})


@dataclass(slots=True)
class Block:
    """One block of the document.

    `text` holds the block's lines joined by ``\\n``; `page` counts the page
    breaks (form feeds) before it; `start` is the offset of its first character
    in the text given to :func:`parse` (after line endings were normalized);
    `continued` is set when a jump line (``下转A4版``) ended the block,
    `resumed` when one (``上接A1版``) opened it.
    """

    text: str
    kind: str = PARAGRAPH
    page: int = 0
    start: int = 0
    #: the article continues on another page (a jump line ended this block):
    #: nothing is joined after it
    continued: bool = False
    #: the width of its last line as extracted, as a share of its column
    #: (set when hard wraps are joined); near 1, a column or page break may
    #: have cut it
    last_line_share: float = 0.0
    #: its first line is not indented and fills its column (set when hard
    #: wraps are joined): it may be the rest of a paragraph that a column
    #: break cut, as a paragraph's first line is indented or short by an indent
    opens_full_line: bool = False
    #: a line of its own: a sentence end (or the text's start) stands before
    #: it and a paragraph starts after it (set when blocks are split), so no
    #: break cut it and nothing continues it
    own_line: bool = False
    #: where a line break between two Hanzi was closed up (set when hard
    #: wraps are joined), or a space between two Hanzi of running text that
    #: stood for one (`乡镇党委 考核评比`, set by the spacing step): places
    #: where reading order may put a fragment back (spec §5).  Each counts the
    #: Hanzi before it, which the steps between leave as they are.
    wrap_gaps: tuple[int, ...] = ()
    #: a jump line from another page (``上接A4版``) opened this block: it
    #: resumes an article from there, so nothing before it continues into it
    resumed: bool = False
    #: the page its last line is on, when reading order joined to it a
    #: paragraph piece from a later page (None: `page`)
    end_page: int | None = None

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


@dataclass(frozen=True, slots=True)
class Change:
    """What one step changed: in block `block` at character `offset`,
    `before` became `after`.  `note` says why, when the text alone does not."""

    step: str
    block: int
    offset: int
    before: str
    after: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    """Something a careful editor would flag, reported without changing the
    text: `kind` (e.g. ``"unfinished"``), the block, the offset and the text
    around it."""

    kind: str
    block: int
    offset: int
    context: str


@dataclass(slots=True)
class Document:
    """A list of blocks plus what the steps learned about them.

    `changes` is ``None`` unless the caller asked for an explanation, so that
    plain cleaning pays nothing for the report.
    """

    blocks: list[Block]
    changes: list[Change] | None = None
    findings: list[Finding] = field(default_factory=list)
    metadata: dict = field(default_factory=dict)

    def record(self, step: str, block: int, offset: int, before: str, after: str, note: str = "") -> None:
        """Record a change, when changes are being recorded."""
        if self.changes is not None:
            self.changes.append(Change(step, block, offset, before, after, note))


_LINE_ENDINGS_RE = regex.compile(r"\r\n?|[\u2028\u2029\x85]")
#: A blank line holds nothing but these: the Unicode White_Space characters
#: (regex's \s; Python's whitespace but U+001C-U+001F) and the invisible
#: ones.  Tested with `str.strip`, faster than a regex per line.
_BLANK_CHARS = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff"
)


def normalize_line_endings(text: str) -> str:
    r"""``\r\n``, ``\r`` and the Unicode line separators become ``\n``.

    >>> normalize_line_endings("a\r\nb\rc")
    'a\nb\nc'
    """
    if "\r" not in text and "\u2028" not in text and "\u2029" not in text and "\x85" not in text:
        return text  # the usual case, told without a regex scan
    return _LINE_ENDINGS_RE.sub("\n", text)


def parse(text: str) -> Document:
    r"""Split text into blocks at blank lines and page breaks (form feeds).

    >>> [b.text for b in parse("一\n二\n\n\n三\f四\n").blocks]
    ['一\n二', '三', '四']
    >>> [b.page for b in parse("一\f二").blocks]
    [0, 1]
    """
    text = normalize_line_endings(text)
    blocks: list[Block] = []
    offset = 0
    for page, page_text in enumerate(text.split("\f")):
        current: list[str] = []
        current_start = offset
        for line in page_text.split("\n"):
            if not line.strip(_BLANK_CHARS):
                if current:
                    blocks.append(Block("\n".join(current), page=page, start=current_start))
                    current = []
            else:
                if not current:
                    current_start = offset
                current.append(line)
            offset += len(line) + 1
        if current:
            blocks.append(Block("\n".join(current), page=page, start=current_start))
    return Document(blocks)


def render(doc: Document) -> str:
    r"""Blocks separated by one blank line, one newline at the end (spec §1).

    >>> render(parse("一\n\n二"))
    '一\n\n二\n'
    >>> render(parse(""))
    ''
    """
    texts = [block.text for block in doc.blocks if block.text]
    return "\n\n".join(texts) + "\n" if texts else ""


def jsonable(value):
    """`value` made of JSON types only: dataclasses become objects, tuples and
    sets lists, anything else unknown its ``str``."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted((jsonable(item) for item in value), key=repr)
    if is_dataclass(value) and not isinstance(value, type):
        return jsonable(asdict(value))
    return str(value)
