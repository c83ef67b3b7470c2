"""The fast paths taken for speed give what the plain code they replace gives.

Each helper below measures or tests many lines (or a whole block) at once,
where the code before it made one call per line; the rows are written by hand
around the edges that differ between the two ways (no line at all, an empty
line, indents of either width, curly quotes, accented letters, spaces that
`str.strip` and `regex` see differently).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from paperclean.chardata import (
    DATELINE_LEAD_RE,
    dateline_lines,
    display_width,
    display_widths,
    ends_sentence,
    ends_sentences,
)
from paperclean import columns, wrap
from paperclean.document import parse
from paperclean.findings import PAIRS, _is_balanced, _PAIR_RES, find_unbalanced

LINE_SETS = [
    [],
    [""],
    ["ab中文", "", "“快7”路"],
    ["　　今年以来，我市持续推进“民生”工程", "建设，成效明显。"],
    ["  indented a b", "no indent", " ‘x’ y"],
    ["\u3000x", " y", "café 中"],
    ["一二三", "  ", "本报讯（记者张三）今天"],
]


@pytest.mark.parametrize("lines", LINE_SETS)
def test_display_widths_is_display_width_per_line(lines):
    assert display_widths(lines) == [display_width(line) for line in lines]


@pytest.mark.parametrize(
    "lines",
    [[], ["好。”", "未完", "", "…谁审查”", "他说：“好。” "]],
)
def test_ends_sentences_is_ends_sentence_per_line(lines):
    assert ends_sentences(lines) == [ends_sentence(line) for line in lines]


@pytest.mark.parametrize(
    "lines",
    [
        [],
        ["标题", "本报讯（记者）今天", "新华社北京12月2日电", "讯"],
        ["  ", "本报讯 今天"],  # a blank line before: the lead does not reach across
        ["电力公司", "  河北日报讯"],
    ],
)
def test_dateline_lines_is_the_lead_per_line(lines):
    assert dateline_lines(lines) == {index for index, line in enumerate(lines) if DATELINE_LEAD_RE.match(line)}


@pytest.mark.parametrize(
    "text, blocks",
    [
        ("一\n\u3000\u200b\n二", ["一", "二"]),  # odd and invisible spaces only: blank
        ("一\n\x1c\n二", ["一\n\x1c\n二"]),  # U+001C is no Unicode space: not blank
        ("一\r\n\r\n二\r三", ["一", "二\n三"]),
    ],
)
def test_parse_blank_lines(text, blocks):
    assert [block.text for block in parse(text).blocks] == blocks


@pytest.mark.parametrize("text", ["《决议》（全文）", "决议》，《中国", "“”“", "（（））", "）（", "《《》"])
def test_balanced_marks_have_no_unbalanced_finding(text):
    for (opener, closer), pattern in zip(PAIRS, _PAIR_RES):
        balanced = _is_balanced(pattern.findall(text), opener + closer)
        assert balanced == (not [mark for _, mark in find_unbalanced(text) if mark in (opener, closer)])



@pytest.mark.parametrize(
    "lines, may",
    [
        ([], False),
        (["左栏的文字内容很长很长 右栏的文字内容也很长"] * 3, True),
        # two lines of several words, but a region of two lines: no band of three
        (["学党史 悟思想 办实事", "增进福祉 补齐短板", "", "一段正文的文字内容很长很长"], False),
        # ... unless one of them may be cut in two (two spaces between words)
        (["学党史 悟思想 办实事", "增进福祉  补齐短板", "", "一段正文的文字内容很长很长"], True),
        # one line of several words in each region, whatever the regions' lengths
        (["标题 短语", "正文的文字", "正文的文字", "\u3000\u200b", "标题 短语", "正文的文字", "正文的文字"], False),
        # a run of spaces at a line's start or end separates no words
        (["  正文的文字  ", "  正文的文字", "正文 文字"], False),
        (["第一栏\u3000第二栏", "第一栏\u3000第二栏", "正文"], True),
    ],
)
def test_may_have_columns(lines, may):
    assert columns._may_have_columns(lines) is may


EXTRACTED = Path(__file__).parent / "fixtures" / "extracted"


@pytest.mark.parametrize("path", sorted(EXTRACTED.glob("*/*.txt")), ids=lambda path: f"{path.parent.name}/{path.name}")
def test_pages_said_to_have_no_columns_are_left_as_they_are(path, monkeypatch):
    """`_may_have_columns` never says no where the column search reads
    columns: the search run without it leaves such pages as they are."""
    pages = path.read_text(encoding="utf-8").split("\f")
    said = [columns._may_have_columns(page.split("\n")) for page in pages]
    monkeypatch.setattr(columns, "_may_have_columns", lambda lines: True)
    for page, may in zip(pages, said):
        if not may:
            assert columns.read_columns_of_page(page) == page
