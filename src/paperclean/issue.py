"""Whole issues: clean every page and stitch the articles continued across pages.

A newspaper article often starts on one page and ends on another: the part on
page A1 ends with ``（下转A4版）`` and the rest follows ``（上接A1版）`` on page
A4, often under a short repeat of the headline (the *jump head*).  Cleaning one
page at a time removes the jump lines and reports them
(:mod:`paperclean.jumps`); this module takes all the pages of one issue and
puts each article back together.

How the pieces are matched
--------------------------
1. Every page is cleaned with :func:`paperclean.clean_and_explain`.  Its own
   label comes from its furniture (``A4 要闻`` -> ``A4``) or else from its file
   name (``A1.txt``, ``hsrb-2021-12-03-A4.txt``, ``第4版.txt``).
2. Each reported jump line is found again in the cleaned text by the text
   around it (the cleaning keeps every Hanzi, letter and digit of article
   text, so the characters just before ``（下转A4版）`` still end the cut
   block, and those just after ``（上接A1版）`` still start the continuation).
3. A ``下转`` on page P to page Q is matched with a ``上接`` on page Q that
   comes from P.  A label without a section (``第4版``) matches the page with
   that number when only one has it.  Where several articles jump between the
   same two pages, each pair is scored by the similarity of the first part's
   headline to the jump head (``rapidfuzz``) and of the words (character
   pairs) of the two parts; a pair is taken only when it beats every other
   candidate by a margin, and what is left over once the others are taken
   (one on each side) goes together.
4. Anything else stays unmatched and is reported, never guessed.

What moves where
----------------
The continuation runs from the block after ``（上接A1版）`` to the next article
on its page (a headline group followed by a byline or a dateline such as
``本报讯``), the jump head of the next continuation, a further ``下转`` (the
article jumps again, and that piece is followed in turn) or the end of the
page.  It is removed from its page, with its jump head (reported with the
article), and put right after the cut on the first page; when the cut ends in the middle of a sentence
(``…新增公交站牌`` + ``120块，…``) the two blocks are joined into one.

Nothing is matched inside one page, and nothing else is moved.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable

import regex
from rapidfuzz import fuzz

from .chardata import CONTENT_RE, ends_sentence
from .classify import classify_text
from .document import BYLINE, FURNITURE, HEADING, HEADLINE, JUMP, PARAGRAPH, SUBTITLE, parse
from .jumps import find_jumps, parse_page_label

#: Block kinds that can be a headline group (an article's head or a jump head).
HEAD_KINDS = frozenset({HEADLINE, HEADING, SUBTITLE})
#: The most blocks taken as the jump head above a ``上接`` jump line.
MAX_JUMP_HEAD_BLOCKS = 2
#: How far after a headline group a byline or dateline may stand.
ARTICLE_START_REACH = 3
#: Least score (0..1) for a pair chosen by similarity, and its least lead
#: over every competing pair.
MIN_SCORE = 0.15
MIN_MARGIN = 0.05
#: Lengths (in content characters) of the context searched for, longest first.
NEEDLE_LENGTHS = (16, 10, 6, 4)

#: A paragraph that opens an article: ``本报讯``, ``新华社北京12月2日电``,
#: ``本报北京1月18日电``, ``（记者…）``.
DATELINE_RE = regex.compile(
    r"\s*(?:本报讯|[\p{Han}]{2,8}讯[（(]|(?:新华社|中新社|本报)[\p{Han}]{0,10}\d{1,2}月\d{1,2}日电"
    r"|[\p{Han}]{2,8}社[\p{Han}]{0,8}电|[（(]记者)"
)
_FILE_LABEL_RE = regex.compile(
    r"(?:^|[^A-Za-z0-9])(?P<label>[A-Za-z]?\d{1,3}|第?[〇零一二三四五六七八九十]{1,3}版|第?\d{1,3}版)(?:版)?$"
)
_DATE_END_RE = regex.compile(r"\d{4}[-_.]\d{1,2}[-_.]\d{1,2}$")
_LATIN_EDGE_RE = regex.compile(r"[A-Za-z0-9]")


@dataclass
class Page:
    """One page of the issue: its name, its label, its text once cleaned and
    stitched, and what cleaning reported (``metadata``: furniture and
    continuations, see :mod:`paperclean.furniture` and
    :mod:`paperclean.jumps`)."""

    name: str
    label: str | None
    text: str
    metadata: dict = field(default_factory=dict)


@dataclass
class Article:
    """A stitched article: its headline (``""`` when none was found), the
    labels of its pages in reading order, its whole text (blocks separated
    by a blank line), and the jump heads dropped from its continuations
    (the short repeats of the headline above ``（上接A1版）``)."""

    headline: str
    pages: list[str]
    text: str
    jump_heads: list[str] = field(default_factory=list)


@dataclass
class Issue:
    """The result of :func:`stitch_issue`: the pages in the order given, the
    stitched articles, and the jump lines left unmatched (dicts with
    ``page``, ``label``, ``direction``, ``target``, ``text``, ``reason``)."""

    pages: list[Page]
    articles: list[Article]
    unmatched: list[dict]

    def to_json(self) -> dict:
        """A JSON-ready dict of everything."""
        return {
            "pages": [asdict(page) for page in self.pages],
            "articles": [asdict(article) for article in self.articles],
            "unmatched": self.unmatched,
        }


@dataclass
class _Page:
    """Working state for one page: its cleaned blocks and their kinds."""

    name: str
    label: str | None
    blocks: list[str]
    kinds: list[str]
    metadata: dict
    content_starts: list[int] = field(default_factory=list)
    content: str = ""
    cuts: list[dict] = field(default_factory=list)  # 下转: {"jump", "block"}
    resumes: list[dict] = field(default_factory=list)  # 上接: {"jump", "block", "head", "end"}


def page_label_from_name(name: str) -> str | None:
    """The page label that a file name carries at its end, normalized.

    >>> names = ("A1.txt", "hsrb-2021-12-03-A4.txt", "page-04.txt", "第四版.txt", "2021-12-03.txt")
    >>> [page_label_from_name(name) for name in names]
    ['A1', 'A4', '4', '4', None]
    """
    stem = Path(name).stem
    if _DATE_END_RE.search(stem):
        return None
    match = _FILE_LABEL_RE.search(stem)
    if not match:
        return None
    parsed = parse_page_label(match["label"])
    return parsed[0] if parsed else None


def stitch_issue(pages: dict[str, str] | Iterable[tuple[str, str]], config=None) -> Issue:
    """Clean every page of one issue and stitch the continued articles.

    `pages` maps page names (file names) to their extracted text, or is a
    list of ``(name, text)``.  Each page is cleaned with `config`; every
    ``下转`` jump is matched with its ``上接`` (see the module docstring), the
    continuation is moved after the cut, and the stitched articles are
    listed.  Unmatched jump lines are reported in ``Issue.unmatched``.

    >>> issue = stitch_issue({
    ...     "A1.txt": "春耕备耕\\n\\n全市组织技术人员开展指导服务，（下转A2版）",
    ...     "A2.txt": "（上接A1版）\\n\\n确保春耕生产顺利进行。",
    ... })
    >>> issue.pages[0].text
    '春耕备耕\\n\\n全市组织技术人员开展指导服务，确保春耕生产顺利进行。\\n'
    >>> issue.pages[1].text, issue.articles[0].pages
    ('', ['A1', 'A2'])
    """
    from . import clean_and_explain  # here, so that importing this module stays cheap

    items = list(pages.items()) if isinstance(pages, dict) else list(pages)
    work: list[_Page] = []
    for name, text in items:
        explanation = clean_and_explain(text, config=config)
        work.append(_read_page(name, explanation.text, explanation.metadata))
    unmatched: list[dict] = []
    for page in work:
        _locate_jumps(page, unmatched)
    links = _match(work, unmatched)
    return _assemble(work, links, unmatched)


def _read_page(name: str, text: str, metadata: dict) -> _Page:
    blocks = [block.text for block in parse(text).blocks]
    kinds = [classify_text(block) for block in blocks]
    # Kept furniture and jump lines (``keep_furniture``) are known by their text.
    reported = {_content(item["text"]): FURNITURE for item in metadata.get("furniture", [])}
    reported.update({_content(item["text"]): JUMP for item in metadata.get("continuations", [])})
    reported.pop("", None)
    if reported:
        kinds = [reported.get(_content(block), kind) for block, kind in zip(blocks, kinds)]
    label = metadata.get("page") or page_label_from_name(name)
    page = _Page(name, label, blocks, kinds, metadata)
    starts, pieces, position = [], [], 0
    for block in blocks:
        starts.append(position)
        content = "".join(CONTENT_RE.findall(block))
        pieces.append(content)
        position += len(content)
    page.content_starts, page.content = starts, "".join(pieces)
    return page


def _block_at(page: _Page, position: int) -> int:
    """The index of the block that holds content character `position`."""
    low, high = 0, len(page.content_starts) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if page.content_starts[middle] <= position:
            low = middle
        else:
            high = middle - 1
    return low


def _find(page: _Page, context: str, at_end: bool, lower: int) -> int | None:
    """Where the content of `context` (its end if `at_end`, else its start)
    stands in the page's cleaned content: the position just after it (at
    end) or of its first character; the first occurrence from `lower` on."""
    content = "".join(CONTENT_RE.findall(context))
    for length in NEEDLE_LENGTHS:
        if len(content) < length and length != NEEDLE_LENGTHS[-1]:
            continue
        needle = content[-length:] if at_end else content[:length]
        if not needle:
            return None
        for start in (lower, 0):
            found = page.content.find(needle, start)
            if found >= 0:
                return found + len(needle) if at_end else found
    return None


def _locate_jumps(page: _Page, unmatched: list[dict]) -> None:
    """Find the cut block of every 下转 and the continuation of every 上接."""
    lower = 0
    for jump in page.metadata.get("continuations", []):
        forward = jump["direction"] == "to"
        position = _find(page, jump.get("before", "") if forward else jump.get("after", ""), forward, lower)
        if position is None or not page.blocks or (forward and position == 0):
            unmatched.append(_unmatched(page, jump, "its place in the cleaned text was not found"))
            continue
        lower = position
        if forward:
            block = _block_at(page, position - 1)
            page.kinds[block] = PARAGRAPH  # a block cut by a jump line is text, however short
            if block + 1 < len(page.blocks) and page.kinds[block + 1] == JUMP:
                block += 1  # a kept jump line of its own stays with its part
            page.cuts.append({"jump": jump, "block": block})
        elif position >= len(page.content):
            unmatched.append(_unmatched(page, jump, "no text follows it on its page"))
        else:
            page.resumes.append({"jump": jump, "block": _block_at(page, position)})
    for resume in page.resumes:
        # The first block that moves: a kept jump line of its own moves too.
        start = resume["block"]
        resume["start"] = start - 1 if start > 0 and page.kinds[start - 1] == JUMP else start
        resume["head"] = _jump_head_start(page, resume["start"])
    for resume in page.resumes:
        resume["end"] = _continuation_end(page, resume["block"])


def _jump_head_start(page: _Page, block: int) -> int:
    """The first block of the jump head above a continuation (``block``
    itself when there is none)."""
    floor = max([cut["block"] + 1 for cut in page.cuts if cut["block"] < block], default=0)
    start = block
    while start > floor and block - start < MAX_JUMP_HEAD_BLOCKS and page.kinds[start - 1] in HEAD_KINDS:
        start -= 1
    return start


def _continuation_end(page: _Page, block: int) -> int:
    """The block after the last block of the continuation that starts at
    `block` (see the module docstring)."""
    stops = [r["head"] for r in page.resumes if r["block"] > block]
    stops += [cut["block"] + 1 for cut in page.cuts if cut["block"] >= block]
    limit = min(stops, default=len(page.blocks))
    for index in range(block + 1, limit):
        if _starts_article(page, index):
            return index
    return limit


def _starts_article(page: _Page, index: int) -> bool:
    """Whether an article starts at block `index`: a headline group followed
    by a byline or a dateline, or a paragraph that opens with a dateline."""
    kinds, blocks = page.kinds, page.blocks
    if kinds[index] == PARAGRAPH:
        return bool(DATELINE_RE.match(blocks[index])) and (index == 0 or kinds[index - 1] not in HEAD_KINDS)
    if kinds[index] not in HEAD_KINDS or (index > 0 and kinds[index - 1] in HEAD_KINDS):
        return False
    for following in range(index + 1, min(index + 1 + ARTICLE_START_REACH, len(blocks))):
        if kinds[following] == BYLINE or DATELINE_RE.match(blocks[following]):
            return True
        if kinds[following] not in HEAD_KINDS:
            return False
    return False


def _article_start(page: _Page, cut_block: int) -> int:
    """The first block of the article part that ends at `cut_block`."""
    floor = max(
        [c["block"] + 1 for c in page.cuts if c["block"] < cut_block]
        + [r["end"] for r in page.resumes if r["end"] <= cut_block],
        default=0,
    )
    for index in range(cut_block, floor - 1, -1):
        if _starts_article(page, index):
            while index > floor and page.kinds[index - 1] in HEAD_KINDS:
                index -= 1
            return index
    return floor


def _unmatched(page: _Page, jump: dict, reason: str) -> dict:
    return {
        "page": page.name,
        "label": page.label,
        "direction": jump["direction"],
        "target": jump["label"],
        "text": jump["text"],
        "reason": reason,
    }


def _resolve(label: str, section: str | None, number: int, pages: list[_Page]) -> list[int]:
    """The indices of the pages that a jump's label names."""
    exact = [i for i, p in enumerate(pages) if p.label == label]
    if exact:
        return exact
    by_number = []
    for i, p in enumerate(pages):
        parsed = parse_page_label(p.label) if p.label else None
        if parsed and parsed[2] == number and (section is None or parsed[1] is None):
            by_number.append(i)
    return by_number


def _match(pages: list[_Page], unmatched: list[dict]) -> list[tuple[int, dict, int, dict]]:
    """Pairs ``(page, cut, page, resume)`` of matched jump lines."""
    # Which page each jump line points to, when exactly one page fits.
    groups: dict[tuple[int, int], tuple[list[dict], list[dict]]] = {}
    for index, page in enumerate(pages):
        for side, items in (("to", page.cuts), ("from", page.resumes)):
            for item in items:
                jump = item["jump"]
                targets = [t for t in _resolve(jump["label"], jump["section"], jump["page"], pages) if t != index]
                if len(targets) != 1:
                    label = jump["label"]
                    reason = f"several pages are {label}" if targets else f"no page {label} in the issue"
                    unmatched.append(_unmatched(page, jump, reason))
                    continue
                key = (index, targets[0]) if side == "to" else (targets[0], index)
                groups.setdefault(key, ([], []))[0 if side == "to" else 1].append(item)
    links = []
    ambiguous = "several candidates, none clearly the one"
    for (source, target), (cuts, resumes) in sorted(groups.items(), key=lambda item: item[0]):
        pairs, left_cuts, left_resumes = _pair(pages[source], cuts, pages[target], resumes)
        links.extend((source, cut, target, resume) for cut, resume in pairs)
        for cut in left_cuts:
            reason = ambiguous if resumes else f"no matching jump line on page {pages[target].label}"
            unmatched.append(_unmatched(pages[source], cut["jump"], reason))
        for resume in left_resumes:
            reason = ambiguous if cuts else f"no matching jump line on page {pages[source].label}"
            unmatched.append(_unmatched(pages[target], resume["jump"], reason))
    return sorted(links, key=lambda link: (link[0], link[1]["block"]))


def _pair(source: _Page, cuts: list[dict], target: _Page, resumes: list[dict]):
    """Pair the cuts on one page with the continuations on another: alone
    they go together; several are paired by similarity, cautiously."""
    scores = [[_similarity(source, cut, target, resume) for resume in resumes] for cut in cuts]
    left_cuts, left_resumes = list(range(len(cuts))), list(range(len(resumes)))
    pairs = []
    while left_cuts and left_resumes:
        if len(left_cuts) == 1 and len(left_resumes) == 1:
            pairs.append((left_cuts[0], left_resumes[0]))
            left_cuts, left_resumes = [], []
            break
        best = max(((scores[i][j], i, j) for i in left_cuts for j in left_resumes))
        score, i, j = best
        rivals = [scores[i][k] for k in left_resumes if k != j] + [scores[k][j] for k in left_cuts if k != i]
        if score < MIN_SCORE or score - max(rivals, default=0.0) < MIN_MARGIN:
            break
        pairs.append((i, j))
        left_cuts.remove(i)
        left_resumes.remove(j)
    return (
        [(cuts[i], resumes[j]) for i, j in pairs],
        [cuts[i] for i in left_cuts],
        [resumes[j] for j in left_resumes],
    )


def _similarity(source: _Page, cut: dict, target: _Page, resume: dict) -> float:
    """How well a first part and a continuation go together (0..1)."""
    start = _article_start(source, cut["block"])
    first_head = _headline(source, start, cut["block"] + 1)
    first_text = "".join(source.blocks[start : cut["block"] + 1])
    jump_head = "".join(target.blocks[resume["head"] : resume["start"]])
    rest_text = "".join(target.blocks[resume["block"] : resume["end"]])
    signals = []
    if first_head and jump_head:
        signals.append(fuzz.partial_ratio(_content(first_head), _content(jump_head)) / 100)
    signals.append(_overlap(first_head + first_text, jump_head + rest_text))
    return sum(signals) / len(signals)


def _content(text: str) -> str:
    return "".join(CONTENT_RE.findall(text))


def _overlap(first: str, second: str) -> float:
    """Shared character pairs of two texts, relative to the shorter."""
    a, b = _content(first), _content(second)
    pairs_a = {a[i : i + 2] for i in range(len(a) - 1)}
    pairs_b = {b[i : i + 2] for i in range(len(b) - 1)}
    if not pairs_a or not pairs_b:
        return 0.0
    return len(pairs_a & pairs_b) / min(len(pairs_a), len(pairs_b))


def _headline(page: _Page, start: int, end: int) -> str:
    for index in range(start, end):
        if page.kinds[index] in HEAD_KINDS:
            return page.blocks[index]
    return ""


def _assemble(pages: list[_Page], links, unmatched: list[dict]) -> Issue:
    """Move every matched continuation after its cut, build the articles."""
    follow: dict[tuple[int, int], tuple[int, dict]] = {}  # (page, cut block) -> (page, resume)
    moved: dict[int, set[int]] = {}
    for source, cut, target, resume in links:
        follow[(source, cut["block"])] = (target, resume)
        moved.setdefault(target, set()).update(range(resume["head"], resume["end"]))
    continued = {(target, resume["block"]) for _, _, target, resume in links}

    def expand(page_index: int, start: int, end: int, seen: frozenset, whole_page: bool):
        """The blocks of a range of a page with the continuations of its
        cuts inserted (blocks moved elsewhere skipped on a whole page), the
        labels of the pages they come from and the jump heads dropped."""
        page = pages[page_index]
        out: list[str] = []
        labels = [page.label or page.name]
        heads: list[str] = []
        skip = moved.get(page_index, set()) if whole_page else set()
        for index in range(start, end):
            if index in skip:
                continue
            out.append(page.blocks[index])
            link = follow.get((page_index, index))
            if link and (link[0], link[1]["block"]) not in seen:
                target, resume = link
                key = (target, resume["block"])
                heads.extend(pages[target].blocks[resume["head"] : resume["start"]])
                more, more_labels, more_heads = expand(target, resume["start"], resume["end"], seen | {key}, False)
                if more:
                    _join_or_append(out, page.kinds[index], more, pages[target].kinds[resume["start"]])
                labels += [label for label in more_labels if label not in labels]
                heads.extend(more_heads)
        return out, labels, heads

    out_pages = []
    for index, page in enumerate(pages):
        blocks, _, _ = expand(index, 0, len(page.blocks), frozenset(), True)
        text = "\n\n".join(blocks) + "\n" if blocks else ""
        out_pages.append(Page(page.name, page.label, text, page.metadata))

    articles = []
    for source, cut, target, resume in links:
        if (source, _article_start_key(pages[source], cut)) in continued:
            continue  # a middle piece: its article starts on another page
        page = pages[source]
        start = _article_start(page, cut["block"])
        blocks, labels, heads = expand(source, start, cut["block"] + 1, frozenset(), True)
        headline = _headline(page, start, cut["block"] + 1) or " ".join(heads[:1])
        articles.append(Article(headline, labels, "\n\n".join(blocks), heads))
    return Issue(out_pages, articles, unmatched)


def _article_start_key(page: _Page, cut: dict) -> int:
    """The continuation (if any) that the part ending at `cut` belongs to."""
    for resume in page.resumes:
        if resume["block"] <= cut["block"] < resume["end"]:
            return resume["block"]
    return -1


def _join_or_append(out: list[str], kind: str, more: list[str], more_kind: str) -> None:
    """Put the continuation after the cut block: a sentence cut in the middle
    is joined again (``…新增公交站牌`` + ``120块，…``), unless the jump line
    was kept in the text (``keep_furniture``)."""
    last = out[-1]
    if kind == PARAGRAPH and more_kind == PARAGRAPH and not ends_sentence(last) and not find_jumps(last):
        joint = " " if _LATIN_EDGE_RE.match(last[-1:]) and _LATIN_EDGE_RE.match(more[0][:1]) else ""
        out[-1] = last + joint + more[0]
        out.extend(more[1:])
    else:
        out.extend(more)


# --- command line -------------------------------------------------------------


def main_issue(argv: list[str]) -> int:
    """``paperclean issue PAGE_FILE ... | DIR [-o OUTDIR] [--format text|json]``.

    Cleans the pages of one issue and stitches the continued articles.
    Without ``-o`` the pages (each under a ``==> NAME <==`` line) and the
    articles are written to standard output, or one JSON document with
    ``--format json``.  With ``-o`` each page is written to ``OUTDIR/NAME``
    and the articles to ``OUTDIR/articles.txt`` (or ``articles.json``).
    Unmatched jump lines are reported on standard error as warnings.
    Returns 0, or 2 for a bad path or option (the error on standard error
    as ``paperclean: error: <path>: <reason>``).

    >>> main_issue(["no/such/page.txt"])
    2
    """
    parser = argparse.ArgumentParser(
        prog="paperclean issue",
        description="Clean the pages of one newspaper issue and stitch the articles continued across pages.",
    )
    parser.add_argument("paths", nargs="+", metavar="PAGE_FILE", help="page files, or one directory of *.txt pages")
    parser.add_argument("-o", "--output", metavar="OUTDIR", help="write the pages and the articles into this directory")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    parser.add_argument("--keep-furniture", action="store_true", help="keep page furniture and jump lines in the text")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit:
        return 0 if exit.code == 0 else 2
    try:
        files = _page_files(args.paths)
        pages = [(path.name, _read_text(path)) for path in files]
    except _UserError as error:
        return _error(*error.args)
    names = [name for name, _ in pages]
    duplicate = next((name for name in names if names.count(name) > 1), None)
    if duplicate:
        return _error(duplicate, "two pages have this name")

    from .pipeline import Config

    issue = stitch_issue(pages, config=Config(keep_furniture=args.keep_furniture))
    for item in issue.unmatched:
        warning = f"unmatched jump line {item['text']}: {item['reason']}"
        print(f"paperclean: warning: {item['page']}: {warning}", file=sys.stderr)
    if args.output:
        return _write_outdir(issue, Path(args.output), args.format)
    if args.format == "json":
        sys.stdout.write(json.dumps(issue.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(_issue_as_text(issue))
    return 0


class _UserError(Exception):
    """A bad path or file: reported as ``paperclean: error: <path>: <reason>``."""


def _error(path: str, reason: str) -> int:
    print(f"paperclean: error: {path}: {reason}", file=sys.stderr)
    return 2


def _page_files(paths: list[str]) -> list[Path]:
    if len(paths) == 1 and Path(paths[0]).is_dir():
        files = sorted(p for p in Path(paths[0]).iterdir() if p.is_file() and p.suffix == ".txt")
        if not files:
            raise _UserError(paths[0], "no .txt page files in this directory")
        return files
    files = []
    for path in map(Path, paths):
        if path.is_dir():
            raise _UserError(str(path), "is a directory (give one directory alone, or page files)")
        if not path.exists():
            raise _UserError(str(path), "no such file")
        files.append(path)
    return files


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise _UserError(str(path), error.strerror or str(error)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise _UserError(str(path), "not a text file (unknown encoding)")
    return str(best)


def _issue_as_text(issue: Issue) -> str:
    parts = [f"==> {page.name} <==\n{page.text}" for page in issue.pages]
    if issue.articles:
        parts.append("==> articles <==\n" + _articles_as_text(issue.articles))
    return "\n".join(parts)


def _articles_as_text(articles: list[Article]) -> str:
    return "\n".join(
        f"# {article.headline}\n({' '.join(article.pages)})\n\n{article.text}\n" for article in articles
    )


def _write_outdir(issue: Issue, outdir: Path, fmt: str) -> int:
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        for page in issue.pages:
            (outdir / page.name).write_text(page.text, encoding="utf-8")
        if fmt == "json":
            data = {"articles": [asdict(a) for a in issue.articles], "unmatched": issue.unmatched}
            text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
            (outdir / "articles.json").write_text(text, encoding="utf-8")
        else:
            (outdir / "articles.txt").write_text(_articles_as_text(issue.articles), encoding="utf-8")
    except OSError as error:
        return _error(str(error.filename or outdir), error.strerror or str(error))
    return 0
