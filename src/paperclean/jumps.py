"""Jump lines (转版): `（下转A4版）`, `（上接第一版）` -> continuations (spec §7).

An article that does not fit on its page is cut with a *jump line* that says
where it goes on (`（下转A4版）`, "continued on page A4") and resumes on that
page after a jump line that says where it came from (`（上接A1版）`).  The
markers are not article text: they are removed and reported, so that
:mod:`paperclean.issue` can join the pieces again.

What counts as a jump line
--------------------------
A *direction* -- ``下转``, ``转`` (``转至``, ``转到``) point forward ("to");
``上接``, ``接`` (``接自``) and ``续`` point back ("from") -- followed by a
*page label*: ``A4版``, ``第4版``, ``第四版``, ``4版``, ``A4`` (half- or
full-width, any spacing).  A label needs ``版`` or a section letter, so ``转4``
is not a jump; a Chinese numeral needs ``版`` or ``第`` (``第十二版`` -> 12).

Ordinary words that merely contain 转 or 接 (``转变``, ``接受``, ``转A股``,
``接A1版块``) never match, and the context decides the rest:

- in brackets (``(下转A4版)``, ``（ 上接第一版 ）``, ``【续第3版】``) a jump
  line is one wherever it stands;
- without brackets it must end its line (``…做大做强，下转第3版``), and a
  one-character direction (``转``, ``接``, ``续``) must moreover stand after
  a space, a punctuation mark or the start of the line: ``直接4版`` is text.

What the step does
------------------
Each jump line is removed with the spaces around it, and reported in
``doc.metadata["continuations"]``, a list of dicts:

``direction``  ``"to"`` (``下转``) or ``"from"`` (``上接``)
``label``      the page label as printed, normalized: ``"A4"``, ``"1"``
``section``    the section letter (``"A"``) or ``None``
``page``       the page number (``int``)
``block``      the index of the block (as this step received the blocks)
``offset``     where the jump line starts in that block's text
``text``       the removed text as printed (``"(下转A4版)"``)
``on_page``    the page of the document it stands on (form feeds before it)
``before``     up to 40 characters of text before it (across blocks)
``after``      up to 40 characters of text after it (across blocks)

A jump line marks the edge of an article, so a block is split where a jump
line stood at the start or the end of a line with more lines on the other
side (``把实事办到群众心坎上`` / ``（上接A1版）`` / ``今年以来，…`` gives a
headline block and a paragraph block).  A block left empty is dropped.  With
``config.keep_furniture`` the text stays: a jump line of its own line becomes
a block of kind ``jump``; the continuations are reported all the same.
"""

from __future__ import annotations

import regex

from .document import JUMP, Block, Document

STEP_NAME = "remove_jump_lines"

#: Characters of context kept before and after a jump line in its report.
CONTEXT_CHARS = 40
#: Rounds of :func:`strip_jumps` at most (a jump line revealed by another).
_MAX_ROUNDS = 4

_OPENING = "(（[【〔［"
_CLOSING = ")）]】〕］"

#: A direction and a page label, optionally in brackets, with the spaces
#: around it.  Whether a match is really a jump line is decided by
#: :func:`_is_jump` (brackets, line end, what stands before it).
_JUMP_RE = regex.compile(
    r"""
    (?:(?P<open>[(（\[【〔［])[ \t]*+)?
    (?P<dir>下转(?:[ \t]*+[至到])?|上接|转(?:[ \t]*+[至到])?|接(?:[ \t]*+自)?|续)
    [ \t]*+(?P<di>第)?[ \t]*+
    (?P<section>[A-Za-zＡ-Ｚａ-ｚ](?![A-Za-zＡ-Ｚａ-ｚ]))?[ \t]*+
    (?P<num>[0-9０-９]{1,3}(?![0-9０-９])|[〇零一二三四五六七八九十两百]{1,4})
    [ \t]*+(?P<ban>版(?![块面图权式本税次型画主]))?
    [ \t]*+(?P<close>[)）\]】〕］])?
    [ \t]*+
    """,
    regex.VERBOSE,
)
#: What may stand right before a one-character direction (``转A4``).
_SEPARATOR_RE = regex.compile(r"[\s\p{P}\p{S}]")
_LATIN_OR_DIGIT_RE = regex.compile(r"[A-Za-z0-9]")

_FORWARD = ("下转", "转")

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_FULLWIDTH = str.maketrans(
    "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ",
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
)


def chinese_number(text: str) -> int | None:
    """The value of a small number written in Chinese numerals (or digits).

    Page numbers are small, so ``十`` and ``百`` are all the units needed.

    >>> [chinese_number(s) for s in ("一", "十", "十二", "二十", "二十四", "一百零五", "〇四", "12")]
    [1, 10, 12, 20, 24, 105, 4, 12]
    >>> chinese_number("百百") is None
    True
    """
    text = text.translate(_FULLWIDTH)
    if text.isdigit():
        return int(text)
    if all(ch in _CN_DIGITS for ch in text):
        value = 0
        for ch in text:
            value = value * 10 + _CN_DIGITS[ch]
        return value
    total, current, last_unit = 0, 0, 1000
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch in "十百":
            unit = 10 if ch == "十" else 100
            if unit >= last_unit:
                return None
            total += (current or 1) * unit
            current, last_unit = 0, unit
        else:
            return None
    return total + current


def parse_page_label(text: str) -> tuple[str, str | None, int] | None:
    """``(label, section, page)`` from a printed page label, or ``None``.

    >>> parse_page_label("A4版")
    ('A4', 'A', 4)
    >>> parse_page_label("第十二版")
    ('12', None, 12)
    >>> parse_page_label("Ａ０４")
    ('A4', 'A', 4)
    >>> parse_page_label("要闻") is None
    True
    """
    m = _LABEL_RE.fullmatch(text.strip())
    if not m:
        return None
    page = chinese_number(m["num"])
    if not page:
        return None
    section = m["section"].translate(_FULLWIDTH).upper() if m["section"] else None
    return f"{section or ''}{page}", section, page


_LABEL_RE = regex.compile(
    r"(?:第[ \t]*)?(?P<section>[A-Za-zＡ-Ｚａ-ｚ])?[ \t]*"
    r"(?P<num>[0-9０-９]{1,3}|[〇零一二三四五六七八九十两百]{1,4})[ \t]*版?"
)


def _is_jump(match: regex.Match, line: str) -> bool:
    """Whether a match of :data:`_JUMP_RE` in `line` is a jump line."""
    num = match["num"]
    chinese = not num[0].isdigit() and num[0] not in "０１２３４５６７８９"
    if chinese and not (match["ban"] or match["di"]):
        return False
    if not (match["ban"] or match["section"]):
        return False
    if not chinese_number(num):
        return False
    if match["open"] and match["close"]:
        return True
    # Without a pair of brackets: the jump line must end its line ...
    if match.end() != len(line):
        return False
    # ... and a one-character direction must not be the end of a word.
    start = match.start("open") if match["open"] else match.start("dir")
    if match["dir"][0] in "下上":
        return True
    before = line[start - 1] if start > 0 else ""
    return not before or bool(_SEPARATOR_RE.match(before))


def _has_hint(text: str) -> bool:
    """The cheap test before the real pattern: no jump line without 转, 接
    or 续 (three substring tests are much faster than a regex scan)."""
    return "转" in text or "接" in text or "续" in text


def find_jumps(line: str) -> list[regex.Match]:
    """The jump lines in one line of text (see the module docstring).

    >>> [m.group().strip() for m in find_jumps("安装公交站牌300余块， (下转A4版)")]
    ['(下转A4版)']
    >>> [m.group().strip() for m in find_jumps("（ 上接第一版 ）今年以来，我市")]
    ['（ 上接第一版 ）']
    >>> find_jumps("转变作风，接受监督，转A股上市，直接4版")
    []
    """
    if not _has_hint(line):
        return []
    return [m for m in _JUMP_RE.finditer(line) if _is_jump(m, line)]


def describe_jump(match: regex.Match) -> dict:
    """The direction and page label of a jump line found by :func:`find_jumps`.

    >>> describe_jump(find_jumps("（上接第一版）")[0])
    {'direction': 'from', 'label': '1', 'section': None, 'page': 1, 'text': '（上接第一版）'}
    """
    page = chinese_number(match["num"])
    section = match["section"].translate(_FULLWIDTH).upper() if match["section"] else None
    direction = "to" if match["dir"].startswith(_FORWARD) else "from"
    return {
        "direction": direction,
        "label": f"{section or ''}{page}",
        "section": section,
        "page": page,
        "text": match.group().strip(" \t"),
    }


def strip_jumps(line: str) -> tuple[str, list[tuple[int, str, dict]]]:
    """`line` without its jump lines, and for each jump line removed its
    offset in `line`, the exact text removed (spaces included) and its
    description.  Text on both sides is left as it was; where a jump line
    stood between two Latin words or numbers a single space stays.

    A bare jump line followed by a bracketed one (``下转第3版(下转A4版)``)
    only ends its line once the other is gone, so the search is repeated
    (a few times at most) until the line holds no jump line.

    >>> strip_jumps("扶持企业做大做强， (下转A2版)")[0]
    '扶持企业做大做强，'
    >>> strip_jumps("把实事办到群众心坎上（上接A1版） ")[0]
    '把实事办到群众心坎上'
    >>> strip_jumps("下转第3版(下转A4版)")[0]
    ''
    >>> strip_jumps("转变作风，接受监督")
    ('转变作风，接受监督', [])
    """
    removed: list[tuple[int, str, dict]] = []
    current = line
    # positions[i]: where character i of `current` stood in `line`.
    positions = list(range(len(line) + 1))
    for _ in range(_MAX_ROUNDS):
        matches = find_jumps(current)
        if not matches:
            break
        pieces: list[str] = []
        new_positions: list[int] = []
        last = 0
        for match in matches:
            start = match.start()
            while start > last and current[start - 1] in " \t":
                start -= 1  # the spaces before a jump line go with it
            pieces.append(current[last:start])
            new_positions.extend(positions[last:start])
            left = current[start - 1] if start else ""
            right = current[match.end()] if match.end() < len(current) else ""
            if _LATIN_OR_DIGIT_RE.match(left) and _LATIN_OR_DIGIT_RE.match(right):
                pieces.append(" ")
                new_positions.append(positions[start])
            removed.append((positions[match.start()], current[start : match.end()], describe_jump(match)))
            last = match.end()
        pieces.append(current[last:])
        new_positions.extend(positions[last:])
        current, positions = "".join(pieces), new_positions
    removed.sort(key=lambda item: item[0])
    return current, removed


def remove_jump_lines(doc: Document, config) -> Document:
    """Remove jump lines and report them as continuations (spec §7).

    Why: `（下转A4版）` is a printer's note, not article text; reported with
    its page, it lets the pieces of a continued article be joined.  Ordinary
    words with 转 or 接 are left alone (see the module docstring), and so is
    every other character of the block.

    >>> doc = Document([Block("安装公交站牌300余块， (下转A4版)"), Block("（上接第一版）")])
    >>> [b.text for b in remove_jump_lines(doc, None).blocks]
    ['安装公交站牌300余块，']
    >>> [(c["direction"], c["label"], c["block"], c["offset"]) for c in doc.metadata["continuations"]]
    [('to', 'A4', 0, 13), ('from', '1', 1, 0)]
    """
    keep = bool(getattr(config, "keep_furniture", False))
    continuations: list[dict] = []
    blocks: list[Block] = []
    old_blocks = doc.blocks
    for index, block in enumerate(old_blocks):
        if not (_has_hint(block.text) and _JUMP_RE.search(block.text)):  # no line holds one
            blocks.append(block)
            continue
        pieces = _strip_block(doc, index, block, keep, continuations)
        if pieces is None:
            blocks.append(block)
            continue
        blocks.extend(pieces)
        if len(pieces) != 1:
            doc.record(STEP_NAME, index, 0, "", "", f"block split or dropped at a jump line ({len(pieces)} parts)")
    for item in continuations:
        item["before"], item["after"] = _context(old_blocks, item)
    doc.blocks = blocks
    doc.metadata["continuations"] = continuations
    return doc


def _strip_block(doc: Document, index: int, block: Block, keep: bool, found: list[dict]) -> list[Block] | None:
    """The blocks that `block` becomes once its jump lines are removed (or,
    with `keep`, set apart); ``None`` when it holds no jump line."""
    parts: list[tuple[int, list[str], str]] = []  # (offset of first line, lines, kind)
    current: list[str] = []
    current_offset = 0
    line_offset = 0
    changed = False
    pending: dict = {"parts": set(), "previous": False, "resumed": set(), "resume_next": block.resumed}

    def flush(next_offset: int) -> None:
        nonlocal current, current_offset
        if current:
            if pending["resume_next"]:
                pending["resumed"].add(len(parts))
                pending["resume_next"] = False
            parts.append((current_offset, current, block.kind))
        current, current_offset = [], next_offset

    for line in block.text.split("\n"):
        new_line, removed = strip_jumps(line)
        if not removed:
            if not current:
                current_offset = line_offset
            current.append(line)
            line_offset += len(line) + 1
            continue
        changed = True
        for offset, text, info in removed:
            info.update(block=index, offset=line_offset + offset, on_page=block.page)
            found.append(info)
            if not keep:
                lead = len(text) - len(text.lstrip(" \t"))
                note = f"jump {info['direction']} {info['label']}"
                doc.record(STEP_NAME, index, line_offset + offset - lead, text, "", note)
        first, last = removed[0], removed[-1]
        alone = not new_line.strip()
        at_start = not line[: first[0]].strip()
        at_end = line.rstrip().endswith(last[1].strip())
        goes_on = last[2]["direction"] == "to"
        if alone:
            # a jump line on its own is an article edge, either way: the
            # text before it is not continued by the text after it (§5).
            # With `下转` the text before goes on on another page; `上接`
            # resumes an article from another page in the text after it,
            # while the text before may still go on further down (an
            # extractor may set the resumed article between the columns of
            # the one before)
            flush(line_offset)
            if goes_on:
                _mark_continued(parts, pending)
            else:
                pending["resume_next"] = True
            if keep:
                parts.append((line_offset, [line], JUMP))
        else:
            if at_start:
                flush(line_offset)
                if goes_on:
                    _mark_continued(parts, pending)
                else:
                    pending["resume_next"] = True
            if not current:
                current_offset = line_offset
            current.append(line if keep else new_line)
            if at_end:
                flush(line_offset + len(line) + 1)
                if goes_on:
                    _mark_continued(parts, pending)
        line_offset += len(line) + 1
    flush(line_offset)
    if not changed:
        return None
    pieces = [Block("\n".join(lines), kind, block.page, block.start + offset) for offset, lines, kind in parts]
    for number in pending["parts"]:
        pieces[number].continued = True
    for number in pending["resumed"]:
        pieces[number].resumed = True
    if pending["previous"] and index > 0:
        doc.blocks[index - 1].continued = True  # the jump line opened this block
    if pending["resume_next"] and index + 1 < len(doc.blocks):
        doc.blocks[index + 1].resumed = True  # the jump line ended this block
    return pieces


def _mark_continued(parts: list, pending: dict) -> None:
    """The text just before a `下转` jump line goes on on another page: mark
    the part that ends there (or, if none, the block before) as continued,
    so that nothing is joined after it.  (After an `上接` line, the text that
    follows is marked as resumed instead: nothing before it continues into
    it.)"""
    for number in range(len(parts) - 1, -1, -1):
        if parts[number][2] != JUMP:
            pending["parts"].add(number)
            return
    pending["previous"] = True


def _context(blocks: list[Block], item: dict) -> tuple[str, str]:
    """Up to :data:`CONTEXT_CHARS` characters before and after a jump line,
    reaching into the neighbouring blocks when the jump line stood alone."""
    index, offset = item["block"], item["offset"]
    text = blocks[index].text
    end = offset + len(item["text"])
    before = text[:offset]
    after = text[end:]
    i = index
    while len(before.strip()) < CONTEXT_CHARS and i > 0:
        i -= 1
        before = blocks[i].text + "\n\n" + before
    i = index
    while len(after.strip()) < CONTEXT_CHARS and i + 1 < len(blocks):
        i += 1
        after = after + "\n\n" + blocks[i].text
    # Other jump lines in the context are not text either.
    before = "\n".join(strip_jumps(line)[0] for line in before.split("\n")).strip()
    after = "\n".join(strip_jumps(line)[0] for line in after.split("\n")).strip()
    return before[-CONTEXT_CHARS:], after[:CONTEXT_CHARS]
