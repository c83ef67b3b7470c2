"""Side-by-side columns of layout-mode text (spec §2): small pages written by
hand, each with the reading order a reader would follow, written by hand.

Each page is built from its columns, written out below as the lines a reader
reads in each column; the expected output is those same hand-written lines,
column after column.  The padding between columns is what the two kinds of
layout-mode extractors write: ``pdftotext -layout`` puts every column at a
fixed position (one position per character, narrow or wide), PyMuPDF's
``get_text(sort=True)`` joins the pieces of a visual line with as many spaces
as the distance holds characters (a single space between two full lines).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import paperclean
from paperclean.columns import (
    MAX_TOP_LINES,
    MIN_LAYOUT_LINES,
    PLACEMENTS,
    _cell_counts,
    _cells_for,
    _grid_may_have_gutters,
    _fills_column,
    _gutters_from_counts,
    _is_long,
    _largest_region_gutters,
    _may_have_gutters,
    _region_gutters,
    _widest_line,
    find_gutters,
    read_columns_of_page,
)
from paperclean.document import Block, Document, render
from paperclean.columns import read_columns

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def on_grid(rows: list[list[tuple[int, str]]]) -> str:
    """A page as ``pdftotext -layout`` writes it: each piece at its
    position (a character index)."""
    lines = []
    for row in rows:
        line = ""
        for position, piece in row:
            line = line.ljust(position) + piece
        lines.append(line)
    return "\n".join(lines)


# --- pdftotext -layout: columns at fixed positions --------------------------------------

LEFT = [
    "  本报讯今天上午，",
    "我市召开全市工作会",
    "议，部署下一阶段的",
    "重点任务。",
    "  会议指出，要把各",
    "项工作落到实处，确",
]
MIDDLE = [
    "保取得实效。",
    "  会议强调，各部门",
    "要加强协作，形成合",
    "力，推动发展，确保",
    "全年目标任务顺利完",
    "成。",
]
RIGHT = [
    "  会议要求，要压实",
    "责任，层层传导压力",
    "，确保各项任务按期",
    "完成，以优异成绩迎",
    "接新的一年。",
    "",
]
THREE_COLUMNS_READ = "\n".join(LEFT + MIDDLE + RIGHT[:5])


def three_columns(left=LEFT, middle=MIDDLE, right=RIGHT, starts=(0, 14, 31)) -> list[list[tuple[int, str]]]:
    """Rows of three columns at `starts` (uneven gutters: 5 and 8 positions)."""
    return [[(start, text) for start, text in zip(starts, texts) if text] for texts in zip(left, middle, right)]


def test_three_columns_with_uneven_gutters_read_one_after_another():
    assert read_columns_of_page(on_grid(three_columns())) == THREE_COLUMNS_READ


def test_a_headline_across_the_columns_stays_whole_above_them():
    # The first line crosses the first gutter; the second, centred, happens
    # to start where the middle column starts, but no column starts above
    # the others.  Lines of a headline group that do not start level are
    # blocks of their own (kicker, headline, subtitle, byline).
    headline = [[(8, "全市工作会议今天召开")], [(14, "部署重点任务")]]
    page = on_grid(headline + three_columns())
    assert read_columns_of_page(page) == "全市工作会议今天召开\n\n部署重点任务\n\n" + THREE_COLUMNS_READ


def test_a_kicker_of_phrases_across_the_columns_stays_whole():
    kicker = [[(4, "排查到位"), (18, "维护周到"), (27, "处理及时")]]
    page = on_grid(kicker + three_columns())
    assert read_columns_of_page(page) == "排查到位          维护周到     处理及时\n\n" + THREE_COLUMNS_READ


def test_bands_between_headlines_are_read_band_after_band():
    second_left = ["另一篇文章的第一行", "文字，内容也很长长", "，还有第三行文字内", "容。", "  第二段的开头文字", "还要继续写下去。"]
    second_middle = ["中间一栏的第一行文", "字，内容也很长很长", "，还有第三行文字内", "容，最后一行文字内", "容。", ""]
    second_right = ["右边一栏的第一行文", "字，内容也很长很长", "，还有第三行文字内", "容，最后一行文字内", "容也在这里。", ""]
    second = three_columns(second_left, second_middle, second_right)
    page = on_grid(three_columns()) + "\n\n\n" + on_grid([[(12, "第二篇文章的标题")]] + second)
    expected = (
        THREE_COLUMNS_READ
        + "\n\n第二篇文章的标题\n\n"
        + "\n".join(second_left + second_middle[:5] + second_right[:5])
    )
    assert read_columns_of_page(page) == expected


def test_a_photo_box_inside_a_column_is_a_block_of_its_own():
    # The box stands at the top of the middle column: a blank (the photo),
    # its caption in a smaller face (more characters to the line, set one
    # position in), the credit flush right; the column's text goes on below.
    left = LEFT + ["保取得实效。会议还", "研究了其他事项。"]
    rows = [
        [(0, left[0]), (31, RIGHT[0])],
        [(0, left[1]), (15, "图为会议现场。参会人员"), (31, RIGHT[1])],
        [(0, left[2]), (15, "认真听取工作报告。"), (31, RIGHT[2])],
        [(0, left[3]), (22, "张三 摄"), (31, RIGHT[3])],
        [(0, left[4]), (14, "  下一步，各部门要"), (31, RIGHT[4])],
        [(0, left[5]), (14, "按照会议要求，抓好")],
        [(0, left[6]), (14, "落实。")],
        [(0, left[7])],
    ]
    expected = (
        "\n".join(left)
        + "\n\n图为会议现场。参会人员\n认真听取工作报告。\n张三 摄\n\n"
        + "  下一步，各部门要\n按照会议要求，抓好\n落实。\n"
        + "\n".join(RIGHT[:5])
    )
    assert read_columns_of_page(on_grid(rows)) == expected


# --- PyMuPDF sort=True: pieces joined by distances ---------------------------------------

def test_pieces_joined_by_single_spaces_are_cut_by_their_distances():
    # Full lines of the left column are followed by one space; a short last
    # line by as many spaces as the rest of its column holds characters; an
    # indent (two characters) by two more.
    page = "\n".join(
        [
            "  今天上午， 会议强调，各部",
            "我市召开全市工 门要加强协作，",
            "作会议，部署下 形成合力，推动",
            "一阶段的重点任 发展。",
            "务。会议指出，   会议要求，",
            "要把各项工作落 要压实责任，层",
            "到实处。    层传导压力。",
        ]
    )
    expected = "\n".join(
        [
            "  今天上午，",
            "我市召开全市工",
            "作会议，部署下",
            "一阶段的重点任",
            "务。会议指出，",
            "要把各项工作落",
            "到实处。",
            "会议强调，各部",
            "门要加强协作，",
            "形成合力，推动",
            "发展。",
            "  会议要求，",
            "要压实责任，层",
            "层传导压力。",
        ]
    )
    assert read_columns_of_page(page) == expected


def test_a_justified_line_with_digits_still_ends_its_column():
    # "议，2021年起" is narrower in text (digits are half width) than the
    # column it fills on the page, so the next column's piece seems to start
    # a unit early.
    page = "\n".join(
        [
            "今天上午，我市 会议强调，各部",
            "召开全市工作会 门要加强协作，",
            "议，2021年起 形成合力，推动",
            "市各部门要抓好 发展，完成任务",
            "落实，确保实效 目标。会议要求",
            "取得明显进展。 压实工作责任。",
        ]
    )
    expected = "\n".join(
        [
            "今天上午，我市",
            "召开全市工作会",
            "议，2021年起",
            "市各部门要抓好",
            "落实，确保实效",
            "取得明显进展。",
            "会议强调，各部",
            "门要加强协作，",
            "形成合力，推动",
            "发展，完成任务",
            "目标。会议要求",
            "压实工作责任。",
        ]
    )
    assert read_columns_of_page(page) == expected


def by_distance(rows: list[list[tuple[float, str, float]]]) -> str:
    """A page as PyMuPDF's sorted text writes it: each piece (where it
    starts on the page, in body characters; its text; how wide its
    characters are) after as many spaces of its own characters as the
    distance to the piece before holds, one at least."""
    lines = []
    for row in rows:
        line, end = "", 0.0
        for x0, text, char_width in row:
            line += " " * max(round((x0 - end) / char_width), 1 if line else 0) + text
            end = x0 + len(text) * char_width
        lines.append(line)
    return "\n".join(lines)


#: Four columns of eleven characters, one apart; a photo box in the second
#: column: its caption in a face 0.85 as wide, twelve characters to the
#: line, set a little in from the column's edge.
BOX_COLUMNS = (0, 12, 24, 36)
BOX_FIRST = ["本报讯（记者张月亭）入", "冬以来，市住房和城乡建", "设局把保障群众清洁温暖", "安全过冬作为一项重大民", "心工程，聚焦关键环节，", "查找短板不足，全力打好", "清洁取暖组合拳，努力让", "民心更暖天更蓝。", "  全面排查到位，让", "暖流走在寒流前。为有效", "应对可能出现的冷冬天气"]
BOX_SECOND = ["，该局就制订印发了关于", "在采暖季前全面开展各项", "问题排查切实做好冬季清", "洁取暖准备工作的通知，"]
BOX_CAPTION = ["图①：近日，社区居民在阅", "览室读书。桃城区河东街道", "桥东社区以服务居民创新社", "区治理，打造集老年之家。", "党员之家等于一体的综合性", "服务阵地，推动社区各项事"]
BOX_THIRD = ["对取暖前未购气使用新用", "户情况、清洁取暖设备停", "用情况、清洁取暖燃气安", "全问题、安全用气宣传是", "否到位等情况进行全方位", "检查。目前，全市用户全", "部达到通电、通气条件，", "温暖过冬有保障。", "  运行维护周到，让", "用户既温暖又安全。该局", "把工程质量和运行安全放"]
BOX_FOURTH = ["在首位，切实加强清洁取", "暖工程安全服务管理。目", "前，村庄全部配备了燃气", "企业驻村安全员和村燃气", "安全协管员，加强巡逻督", "导，及时掌握每户取暖实", "情和设备运行情况。同时", "，要求燃气企业实行网格", "化管理模式，整合周边村", "庄，成立设备维修服务站", "，设立服务电话。"]


def box_page() -> str:
    """The page of the box, below the second column's text: the caption's
    lines stand on the rows of the other columns' lines at first, then (a
    smaller leading) on rows of their own between them."""

    def piece(column: int, text: str) -> tuple[float, str, float]:
        return (BOX_COLUMNS[column] + (2 if text.startswith("  ") else 0), text.strip(), 1.0)

    captions = iter(BOX_CAPTION)
    rows = []
    for i in range(11):
        middle = [piece(1, BOX_SECOND[i])] if i < 4 else [(12.4, next(captions), 0.85)] if 4 <= i < 7 else []
        rows.append([piece(0, BOX_FIRST[i]), *middle, piece(2, BOX_THIRD[i]), piece(3, BOX_FOURTH[i])])
        if 5 <= i <= 7:
            rows.append([(12.4, next(captions), 0.85)])
    return by_distance(rows)


def test_a_caption_in_a_smaller_face_leaves_the_columns_beside_it_in_place():
    # The caption's twelve characters are placed twelve units wide, so the
    # next columns' lines on its rows seem to start two units late, and a
    # caption line on a row of its own, counted in its smaller characters,
    # seems to start three units late: the gutters are found without them,
    # and those lines are neither in another column nor indented.  (Only a
    # unit wider than the column, the caption is not told apart from the
    # column's lines here: it is read at the end of the second column.)
    page = box_page()
    assert page.split("\n")[4] == "心工程，聚焦关键环节，  图①：近日，社区居民在阅 否到位等情况进行全方位 安全协管员，加强巡逻督"
    assert page.split("\n")[6] == " " * 15 + "桥东社区以服务居民创新社"
    expected = "\n".join(BOX_FIRST + BOX_SECOND + BOX_CAPTION + BOX_THIRD + BOX_FOURTH)
    assert read_columns_of_page(page) == expected


def test_a_credit_in_a_smaller_face_stays_whole_in_its_column():
    # The credit is set flush right in the box, its two words one space
    # apart: summed in body characters, the distances put its second word
    # where the third column starts.  One space apart, and together no
    # wider than a column, they are one line.
    third = ["容。冀州区要进一步提高政", "治站位，增强政治意识，端", "正态度、正视问题，压实责", "任、履职尽责，以更高标", "准、更严要求，高质量完成", "实地考察点位精准对标创", "建。"]
    page = "\n".join(
        [
            "  按照《衡水市创建全国  开展巡查工作，这一做法有效 " + third[0],
            "文明城市“四位一体”强督  提高了城市管理工作效能。 " + third[1],
            "查、促落实工作机制》议      河北日报记者 焦磊摄  " + third[2],
            "定，我市召开创城约谈会， 会议强调，要做到责任到位 " + third[3],
            "“四位一体”工作机制联席 ，严格对照创城测评标准， " + third[4],
            "会成员单位市纪委监委机关 将创城任务目标进一步分解 " + third[5],
            "、市委组织部、市委宣传部 到区分包领导，落实到责任 " + third[6],
            "、市创建办有关负责同志。 部门和责任人。",
        ]
    )
    lines = [line.strip() for line in read_columns_of_page(page).split("\n")]
    assert "河北日报记者 焦磊摄" in lines
    assert "\n".join(third) in "\n".join(lines)


@pytest.mark.parametrize(
    ("line_width", "column_width", "fills"),
    [
        (16.0, 16.0, True),  # a full line
        (15.5, 16.0, True),  # a full line with a narrow character
        (14.0, 16.0, False),  # a paragraph's first line, two characters in
        (14.5, 16.0, False),  # ... with a narrow character more
        (9.0, 16.0, False),  # a short first line
    ],
)
def test_a_line_as_wide_as_its_column_leaves_no_room_for_an_indent(line_width, column_width, fills):
    assert _fills_column(line_width, column_width) is fills


def test_on_a_grid_an_indent_is_kept_whatever_the_line_width():
    # pdftotext -layout puts every character on a position of its own: an
    # indent is where it stands, even before a line as long as the others.
    rows = [[(0, "左栏第一行文字内容很长"), (14, "  右栏第一行文字内容很长")]] + [
        [(0, "左栏文字内容也写得很长"), (14, "右栏文字内容也写得很长")]
    ] * 5
    out = read_columns_of_page(on_grid(rows))
    assert "\n  右栏第一行文字内容很长\n" in out


# --- what must come out unchanged ---------------------------------------------------------

UNCHANGED = [
    # plain paragraphs with blank lines (the seeds' shape)
    "本报讯今天上午，我市召开全市工作会议。\n\n会议指出，要把各项工作落到实处，确保取得实效。\n",
    # one column with hard wraps and an indent, no blank lines
    "  本报讯今天上午，我市召开全市\n工作会议，部署下一阶段的重点任\n务。\n  会议指出，要把各项工作落到实\n处，确保取得实效。\n",
    # a headline with phrase spaces and a byline
    "排查到位 维护周到 处理及时\n\n河北日报记者 陈凤来 通讯员 田静云\n",
    # letter-spaced justified lines are no columns
    "义 务 理 发 、 义 务 量 血\n压、义务测视力、开展义诊\n保 生 活 方 式 ， 涵 养 健 康\n化 ； 开 展 健 康 科 普 进 企\n岸 、 车 站 等 窗 口 单 位 ， 超\n贸 市 场 、 背 街 小 巷 、 建 筑\n",
    # Latin text with single spaces
    "The quick brown fox jumps over the lazy dog again and again\n" * 6,
    # a table: rows with tabs stay whole
    "项目\t数量\t金额\n水面治理\t6\t11.9亿元\n道路\t4\t2.6亿元\n",
    "",
]


@pytest.mark.parametrize("text", UNCHANGED)
def test_text_without_columns_is_unchanged(text):
    doc = Document([Block(text)] if text else [])
    before = [block.text for block in doc.blocks]
    assert [block.text for block in read_columns(doc, None).blocks] == before
    for page in text.split("\f"):
        assert read_columns_of_page(page) == page


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda path: path.stem)
def test_the_seeds_are_unchanged(path):
    # Real extracted pages with blank lines between paragraphs, no columns.
    for page in path.read_text(encoding="utf-8").split("\f"):
        assert read_columns_of_page(page) == page


def test_a_table_on_a_page_of_columns_stays_as_it_is():
    table = "项目\t数量\t金额\n水面治理\t6\t11.9亿元\n道路\t4\t2.6亿元\n公园\t6\t3亿元"
    page = on_grid(three_columns()) + "\n\n" + table
    assert read_columns_of_page(page) == THREE_COLUMNS_READ + "\n\n" + table


def test_pages_are_read_each_on_its_own():
    page = on_grid(three_columns())
    text = page + "\f" + page
    expected_page = THREE_COLUMNS_READ
    doc = paperclean.pipeline.run(text, steps=[paperclean.pipeline.STEPS[0]])
    assert [block.page for block in doc.blocks] == [0, 1]
    assert render(doc) == expected_page + "\n\n" + expected_page + "\n"


# --- the cheap checks before the gutter search: never skip a page with gutters ----------------

PROSE_LINE = "一段正文的文字内容很长很长很长很长很长很长"
COLUMN_LINE = "左栏第一行文字内容较长较长    右栏第一行文字内容较长较长"

GRID_MAY_HAVE_GUTTERS = [
    # columns side by side on every line
    ([COLUMN_LINE] * 6, True),
    # a headline with phrase spaces above plain paragraphs: one line with a
    # space between words against six long lines of one word
    (["排查到位 维护周到 处理及时"] + [PROSE_LINE] * 6, False),
    # prose with a few lines whose line breaks became spaces, scattered: two
    # such lines against ten long lines of one word (fourteen, less the four
    # first lines that may be left out), fewer than a third
    ([PROSE_LINE] * 7 + ["文字内容很长很长 很长很长很长很长"] + [PROSE_LINE] * 7 + ["文字内容 很长很长很长很长很长很长"], False),
    # ...as many as a third: the search runs
    ([PROSE_LINE] * 5 + ["文字内容很长很长 很长很长很长很长"] + [PROSE_LINE] * 5 + ["文字内容 很长很长很长很长很长很长"], True),
    # a short region of columns (three lines side by side) on a page of prose:
    # the longest region is the columns
    ([PROSE_LINE] * 2 + [""] + [COLUMN_LINE] * 3 + [PROSE_LINE] * 3, True),
    # lines at the top (a kicker, a headline) may be left out of the count
    (["标题 短语"] + [PROSE_LINE] * 4 + [COLUMN_LINE] * 2, True),
    # a table: rows with tabs are never searched
    (["项目\t数量\t金额"] * 8, False),
    ([], False),
]


@pytest.mark.parametrize("lines, expected", GRID_MAY_HAVE_GUTTERS)
def test_pages_on_a_grid_skip_the_gutter_search_only_without_spaced_lines(lines, expected):
    assert _grid_may_have_gutters(lines) is expected


def _searched_gutters(lines: list[str], placement) -> list:
    rows = [placement.words(line) if "\t" not in line else [] for line in lines]
    return max(_region_gutters(rows, placement), _largest_region_gutters(lines, rows, placement), key=len)


@st.composite
def layout_lines(draw) -> list[str]:
    """Lines of a page near the edge of having columns: lines of two
    columns (text padded to a column width or not, then a gap of one to
    four spaces), lines of prose of any length, some indented, blank lines."""
    width = draw(st.integers(8, 16))
    text = st.text(alphabet="中文字a1", min_size=1, max_size=2 * width + 4)
    column_line = st.tuples(
        st.text(alphabet="中文字a1", min_size=width - 3, max_size=width),
        st.booleans(),
        st.integers(1, 4),
        st.text(alphabet="中文字a1", min_size=1, max_size=width),
    ).map(lambda parts: (parts[0].ljust(width) if parts[1] else parts[0]) + " " * parts[2] + parts[3])
    line = st.one_of(column_line, text, text.map(lambda line: "  " + line), st.just(""))
    share = draw(st.sampled_from([0.3, 0.4, 0.5, 0.8, 0.95]))  # of column lines
    return [draw(column_line if draw(st.floats(0, 1)) < share else line) for _ in range(draw(st.integers(3, 30)))]


@given(layout_lines())
def test_the_grid_check_never_skips_a_page_whose_search_finds_gutters(lines):
    if not _grid_may_have_gutters(lines):
        assert _searched_gutters(lines, PLACEMENTS[0]) == []


@st.composite
def prose_with_a_few_spaced_lines(draw) -> list[str]:
    """Lines of justified prose (one word each, as wide as the column or a
    little less, some indented, some shorter), among which a few lines have
    a gap: pages near the edge of the count of :func:`_may_have_gutters`."""
    width = draw(st.integers(16, 30))
    prose = st.tuples(
        st.sampled_from(["", "", "", "  ", "\u3000"]),
        st.text(alphabet="中文字“", min_size=width - 2, max_size=width),
        st.sampled_from([None, None, None, None, 4, 10]),  # a paragraph's short last line
    ).map(lambda parts: parts[0] + parts[1][: parts[2]])
    spaced = st.tuples(prose, st.integers(1, 6), st.text(alphabet="中文字a1", min_size=1, max_size=20)).map(
        lambda parts: parts[0] + " " * parts[1] + parts[2]
    )
    lines = draw(st.lists(prose, min_size=MIN_LAYOUT_LINES, max_size=60))
    for line in draw(st.lists(spaced, max_size=4)):
        lines.insert(draw(st.integers(0, len(lines))), line)
    return lines


@given(st.one_of(layout_lines(), prose_with_a_few_spaced_lines()), st.sampled_from(PLACEMENTS))
def test_the_row_count_never_skips_rows_whose_search_finds_gutters(lines, placement):
    # where `_may_have_gutters` says no, the search itself (run without it) finds nothing
    long_rows = [row for row in map(placement.words, lines) if _is_long(row)]
    if len(long_rows) < MIN_LAYOUT_LINES:
        return
    widest = _widest_line(long_rows) if placement.jitter else float("inf")
    if not _may_have_gutters(long_rows, widest, placement.min_gutter, placement.jitter):
        size = _cells_for(long_rows)
        counts = _cell_counts(long_rows, placement.jitter, widest, size)
        assert _gutters_from_counts(long_rows, counts, size, placement.min_gutter, placement.slack) == []


@given(layout_lines(), st.sampled_from(PLACEMENTS))
def test_the_region_search_counts_like_a_search_of_each_part(lines, placement):
    # `_region_gutters` takes the rows above out of its counts instead of
    # counting again: the same gutters as searching each part on its own.
    rows = [placement.words(line) for line in lines]
    best = []
    for top in range(min(MAX_TOP_LINES, len(rows) - MIN_LAYOUT_LINES) + 1):
        gutters = find_gutters(rows[top:], placement.min_gutter, placement.jitter, placement.slack)
        if (len(gutters), sum(g.end - g.start for g in gutters)) > (len(best), sum(g.end - g.start for g in best)):
            best = gutters
    assert [(g.start, g.end) for g in _region_gutters(rows, placement)] == [(g.start, g.end) for g in best]
