"""The document model (spec §1, §2): line endings, parse, render.

Expected outputs are written by hand from the spec: `\\r\\n` and `\\r` become
`\\n`; blank lines (whitespace and invisible characters only) and form feeds
separate blocks; the rendered text has its blocks separated by exactly one
blank line and ends with exactly one newline.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paperclean.chardata import content_chars
from paperclean.document import (
    PARAGRAPH,
    Block,
    Change,
    Document,
    normalize_line_endings,
    parse,
    render,
)
from strategies import page, running_text

LINE_ENDING_CASES = [
    # --- must come out unchanged ---
    ("", ""),
    ("一\n二", "一\n二"),
    ("一\f二", "一\f二"),
    ("一\t二", "一\t二"),
    # --- to \n ---
    ("一\r\n二", "一\n二"),
    ("一\r二", "一\n二"),
    ("一\r\r\n二", "一\n\n二"),
    ("一\n\r二", "一\n\n二"),
    ("一\r\n\r\n二\r\n", "一\n\n二\n"),
    ("一\u2028二\u2029三\x85四", "一\n二\n三\n四"),
]


@pytest.mark.parametrize("text, expected", LINE_ENDING_CASES)
def test_normalize_line_endings(text, expected):
    assert normalize_line_endings(text) == expected


PARSE_CASES = [
    ("", []),
    ("\n\n\n", []),
    (" \u3000\n\t\n", []),
    ("一", [("一", 0)]),
    ("一\n二\n\n\n三\f四\n", [("一\n二", 0), ("三", 0), ("四", 1)]),
    ("一\r\n二\r\n\r\n三\r\n", [("一\n二", 0), ("三", 0)]),
    ("一\r二\r\r三", [("一\n二", 0), ("三", 0)]),
    # a line of spaces, U+3000 and zero-width characters is blank
    ("一\n \u3000\u200b\ufeff\n二", [("一", 0), ("二", 0)]),
    ("\f\f一", [("一", 2)]),
    ("一\f\n\n\f二", [("一", 0), ("二", 2)]),
    # a page break ends a block even without a blank line
    ("一\n二\f三\n四", [("一\n二", 0), ("三\n四", 1)]),
    # lines are kept as extracted: indentation and tabs are evidence for later steps
    ("\u3000\u3000入冬以来\n来了", [("\u3000\u3000入冬以来\n来了", 0)]),
    ("项目\t数量\t\n合计\t12\t", [("项目\t数量\t\n合计\t12\t", 0)]),
]


@pytest.mark.parametrize("text, expected", PARSE_CASES)
def test_parse(text, expected):
    doc = parse(text)
    assert [(block.text, block.page) for block in doc.blocks] == expected
    assert all(block.kind == PARAGRAPH for block in doc.blocks)
    assert doc.changes is None and doc.findings == [] and doc.metadata == {}


def test_parse_records_where_each_block_starts():
    doc = parse("一\r\n二\r\n\r\n三\f\n四")
    # offsets are into the text after line endings were normalized: "一\n二\n\n三\f\n四"
    assert [block.start for block in doc.blocks] == [0, 5, 8]


RENDER_CASES = [
    ([], ""),
    (["一"], "一\n"),
    (["一", "二"], "一\n\n二\n"),
    (["一", "", "二"], "一\n\n二\n"),  # an emptied block leaves no trace
    ([""], ""),
    (["项目\t数量\t\n合计\t12\t"], "项目\t数量\t\n合计\t12\t\n"),
]


@pytest.mark.parametrize("texts, expected", RENDER_CASES)
def test_render(texts, expected):
    assert render(Document([Block(text) for text in texts])) == expected


def test_record_is_a_no_op_unless_changes_are_recorded():
    doc = Document([Block("一")])
    doc.record("a_step", 0, 0, "x", "y")
    assert doc.changes is None
    doc = Document([Block("一")], changes=[])
    doc.record("a_step", 0, 1, "x", "y", "why")
    assert doc.changes == [Change("a_step", 0, 1, "x", "y", "why")]


def test_block_lines():
    assert Block("一\n二").lines == ["一", "二"]
    assert Block("").lines == [""]


# --- properties ------------------------------------------------------------

#: Text with every kind of line ending, page breaks and blank-looking lines.
messy_piece = st.one_of(
    running_text,
    st.sampled_from(["\r\n", "\r", "\n", "\n\n", "\f", "\u2028", "\x85", " \u3000\n", "\u200b\n", "\t"]),
)
messy_text = st.one_of(st.text(), page(), st.lists(messy_piece, max_size=12).map("".join))


@given(messy_text)
def test_parse_properties(text):
    normalized = normalize_line_endings(text)
    doc = parse(text)
    for block in doc.blocks:
        assert block.text
        assert "\r" not in block.text and "\f" not in block.text
        assert all(line.strip("\u200b\u200c\u200d\u2060\ufeff" + " \t\u3000\u00a0") for line in block.lines)
        assert normalized[block.start : block.start + len(block.text)] == block.text
    assert [block.page for block in doc.blocks] == sorted(block.page for block in doc.blocks)
    # nothing but blank lines and line breaks is lost, and nothing moves
    assert content_chars("".join(block.text for block in doc.blocks)) == content_chars(text)


@given(messy_text)
def test_render_has_the_output_shape(text):
    out = render(parse(text))
    if out:
        assert out.endswith("\n") and not out.endswith("\n\n")
        assert not out.startswith("\n")
    assert "\n\n\n" not in out
    assert "\r" not in out and "\f" not in out


@given(messy_text)
def test_parse_and_render_round_trip(text):
    doc = parse(text)
    rendered = render(doc)
    assert [block.text for block in parse(rendered).blocks] == [block.text for block in doc.blocks]
    assert render(parse(rendered)) == rendered
