"""Finding blocks and joining hard wraps (wrap.py, spec §1, §2).

join_lines joints, split_blocks (what the extraction glued into one block),
join_hard_wraps (every block but a table becomes one line).  Cases are written
by hand from the spec with text of my own, not from the seeds.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paperclean.document import (
    BYLINE,
    CAPTION,
    CREDIT,
    ELLIPSIS,
    HEADLINE,
    PARAGRAPH,
    SUBTITLE,
    TABLE,
    Block,
    Document,
    parse,
)
from paperclean.pipeline import Config
from paperclean.wrap import han_line_breaks, join_hard_wraps, join_lines, read_interleaved_columns, split_blocks
from strategies import page, running_text

CONFIG = Config()

# --- join_lines: the joint between two wrapped lines (spec §2) ---------------

JOIN_LINES_CASES = [
    # --- CJK: nothing ---
    (["近年来，我市持续加大农村公路投", "入力度，新改建公路320公里。"], "近年来，我市持续加大农村公路投入力度，新改建公路320公里。"),
    (["全市新建改建农村公路", "，完成投资4.6亿元。"], "全市新建改建农村公路，完成投资4.6亿元。"),
    (["他说：“", "这下方便多了。”"], "他说：“这下方便多了。”"),
    (["三行", "都是", "中文"], "三行都是中文"),
    # --- Latin words: one space ---
    (["the quick brown", "fox jumps over"], "the quick brown fox jumps over"),
    (["Sustainable", "Development Goals"], "Sustainable Development Goals"),
    (["会上发布了Smart", "City白皮书"], "会上发布了Smart City白皮书"),
    # --- dehyphenation of lowercase Latin words ---
    (["environ-", "mental protection"], "environmental protection"),
    (["a new tech-", "nology"], "a new technology"),
    # a hyphen before a capital or a digit is not a wrap hyphen: kept, nothing added
    (["Anti-", "Corruption"], "Anti-Corruption"),
    (["COVID-", "19疫情"], "COVID-19疫情"),
    # --- digits, punctuation, symbols: nothing (spec §2 examples) ---
    (["推行“1+6+1+", "1”工作模式"], "推行“1+6+1+1”工作模式"),
    (["跃升计划（2019-", "2025年）"], "跃升计划（2019-2025年）"),
    (["共计1200", "余人参加"], "共计1200余人参加"),
    (["总投资2.", "16亿元"], "总投资2.16亿元"),
    (["同比增长6.5", "%"], "同比增长6.5%"),
    (["2021年12", "月，全市开展"], "2021年12月，全市开展"),
    # --- Latin next to CJK: nothing added ---
    (["发布PM2.5", "监测数据"], "发布PM2.5监测数据"),
    (["涉VOCs", "企业"], "涉VOCs企业"),
    (["全市GDP", "增长6.5%"], "全市GDP增长6.5%"),
    (["使用", "Python语言"], "使用Python语言"),
    # --- spaces at the line ends are the wrap's, not the text's ---
    (["近年来，我市  ", "  持续推进"], "近年来，我市持续推进"),
    (["近年来，我市\u3000", "\u3000持续推进"], "近年来，我市持续推进"),
    (["the quick  ", "  brown fox"], "the quick brown fox"),
    # --- blank lines inside a block are skipped ---
    (["甲乙", "", "丙丁"], "甲乙丙丁"),
    # --- unchanged ---
    (["会议由副市长刘建国主持。"], "会议由副市长刘建国主持。"),
    ([""], ""),
]


@pytest.mark.parametrize("lines, expected", JOIN_LINES_CASES)
def test_join_lines(lines, expected):
    assert join_lines(lines) == expected


@pytest.mark.parametrize(
    "lines, expected",
    [
        (["建好一条路", "带富一方人"], "建好一条路 带富一方人"),
        (["织密安全防护网", "守护群众平安路"], "织密安全防护网 守护群众平安路"),
        (["本报记者 王晓东", "通讯员 李倩"], "本报记者 王晓东 通讯员 李倩"),
        (["春耕生产有序推进"], "春耕生产有序推进"),
    ],
)
def test_join_lines_phrase_space(lines, expected):
    assert join_lines(lines, phrase_space=True) == expected


# --- split_blocks: what the extraction glued into one block ------------------

PARAGRAPH_LINES = (
    "今年以来，市住房和城乡建设局把老旧小区改造作\n"
    "为重点民生工程，累计完成改造项目56个，惠及居\n"
    "民1.2万户，群众满意率达到98%以上。"
)

SPLIT_CASES = [
    # --- a headline glued to its paragraph is split off ---
    pytest.param(
        "老旧小区改造惠及万户\n" + PARAGRAPH_LINES,
        [(HEADLINE, "老旧小区改造惠及万户"), (PARAGRAPH, PARAGRAPH_LINES)],
        id="headline-line",
    ),
    pytest.param(
        "织密安全防护网\n守护群众平安路\n" + PARAGRAPH_LINES,
        [(HEADLINE, "织密安全防护网\n守护群众平安路"), (PARAGRAPH, PARAGRAPH_LINES)],
        id="two-headline-lines",
    ),
    pytest.param(
        "建好一条路 带富一方人\n" + PARAGRAPH_LINES,
        [(HEADLINE, "建好一条路 带富一方人"), (PARAGRAPH, PARAGRAPH_LINES)],
        id="headline-with-phrase-space",
    ),
    # --- a credit on the line after its caption is split off (spec §7) ---
    pytest.param(
        "图为施工人员在新建道路上铺设沥青。\n本报记者 王晓东摄",
        [(CAPTION, "图为施工人员在新建道路上铺设沥青。"), (CREDIT, "本报记者 王晓东摄")],
        id="caption-credit",
    ),
    pytest.param(
        "图为施工人员在城东新区新建道路上铺\n设沥青，确保道路年底前通车。\n王晓东 摄",
        [(CAPTION, "图为施工人员在城东新区新建道路上铺\n设沥青，确保道路年底前通车。"), (CREDIT, "王晓东 摄")],
        id="wrapped-caption-credit",
    ),
    pytest.param(
        "3月12日，志愿者在滨湖公园参加义务植树活动。\n通讯员 李倩摄",
        # the short paragraph right above a credit is its caption, 图为 or not
        [(CAPTION, "3月12日，志愿者在滨湖公园参加义务植树活动。"), (CREDIT, "通讯员 李倩摄")],
        id="caption-without-tu-wei-credit",
    ),
    pytest.param(
        # a caption box of its own whose last line is short and ends no
        # sentence (the rest was lost): that line goes on from the one above
        # it, it is not a caption of its own
        "昨日，市公安局交警支队在市区人民广场开展\n了交通安全主题宣传活动，通过开展酒驾模\n拟体验、车辆盲区体验等活动，引导市民自\n觉遵守交通法律。图为民警带领小学生体验\n活\n王晓东 摄",
        [
            (CAPTION, "昨日，市公安局交警支队在市区人民广场开展\n了交通安全主题宣传活动，通过开展酒驾模\n拟体验、车辆盲区体验等活动，引导市民自\n觉遵守交通法律。图为民警带领小学生体验\n活"),
            (CREDIT, "王晓东 摄"),
        ],
        id="caption-box-with-a-short-last-line",
    ),
    # --- a —— subtitle and a …… line are blocks of their own (spec §2) ---
    pytest.param(
        "老城区焕发新活力\n——我市推进城市更新工作综述",
        [(HEADLINE, "老城区焕发新活力"), (SUBTITLE, "——我市推进城市更新工作综述")],
        id="headline-subtitle",
    ),
    pytest.param(
        "全市共排查各类隐患3200余处。\n……\n各县区要举一反三，抓好整改落实。",
        [
            (PARAGRAPH, "全市共排查各类隐患3200余处。"),
            (ELLIPSIS, "……"),
            (PARAGRAPH, "各县区要举一反三，抓好整改落实。"),
        ],
        id="ellipsis-line",
    ),
    pytest.param(
        "……\n各县区要举一反三，抓好整改落实。",
        [(ELLIPSIS, "……"), (PARAGRAPH, "各县区要举一反三，抓好整改落实。")],
        id="leading-ellipsis-line",
    ),
    # --- unchanged: one block, classified ---
    pytest.param(PARAGRAPH_LINES, [(PARAGRAPH, PARAGRAPH_LINES)], id="paragraph"),
    pytest.param("春耕生产有序推进", [(HEADLINE, "春耕生产有序推进")], id="headline"),
    pytest.param("本报记者 王晓东 通讯员 李倩", [(BYLINE, "本报记者 王晓东 通讯员 李倩")], id="byline"),
    pytest.param("王晓东 摄", [(CREDIT, "王晓东 摄")], id="credit"),
    pytest.param("——记市人民医院急诊科护士长李秀芳", [(SUBTITLE, "——记市人民医院急诊科护士长李秀芳")], id="subtitle"),
    # a short line that ends a sentence ends a paragraph (spec §2, extractions
    # without blank lines); it is not a headline
    pytest.param(
        "会议由副市长刘建国主持。\n" + PARAGRAPH_LINES,
        [(PARAGRAPH, "会议由副市长刘建国主持。"), (PARAGRAPH, PARAGRAPH_LINES)],
        id="short-sentence-first-line",
    ),
    # a full line that ends a sentence does not end the paragraph
    pytest.param(
        "今年以来，市住房和城乡建设局把老旧小区改造。\n" + PARAGRAPH_LINES,
        [(PARAGRAPH, "今年以来，市住房和城乡建设局把老旧小区改造。\n" + PARAGRAPH_LINES)],
        id="full-sentence-first-line",
    ),
    # a dateline that opens a paragraph stays in it
    pytest.param(
        "本报讯（记者刘晓宁）连日来，市农业农村局组织\n技术人员深入田间地头，指导农户做好春耕备播。",
        [(PARAGRAPH, "本报讯（记者刘晓宁）连日来，市农业农村局组织\n技术人员深入田间地头，指导农户做好春耕备播。")],
        id="dateline-paragraph",
    ),
    # a block is never split at a sentence end inside it (spec §5)
    pytest.param(
        "与会人员逐一作了表态。会议指出，要坚定信心，\n真抓实干，确保各项目标任务圆满完成。",
        [(PARAGRAPH, "与会人员逐一作了表态。会议指出，要坚定信心，\n真抓实干，确保各项目标任务圆满完成。")],
        id="sentence-end-inside",
    ),
    # a table is untouched, trailing tabs kept
    pytest.param(
        "项目\t金额\t\n道路改造\t1200万元\t",
        [(TABLE, "项目\t金额\t\n道路改造\t1200万元\t")],
        id="table",
    ),
]


def _split(text):
    doc = split_blocks(Document([Block(text)]), CONFIG)
    return [(block.kind, block.text) for block in doc.blocks]


@pytest.mark.parametrize("text, expected", SPLIT_CASES)
def test_split_blocks(text, expected):
    assert _split(text) == expected


def test_split_blocks_continuation_line_is_not_a_headline():
    # the block before does not end a sentence: the short first line of the
    # next column ends that sentence's paragraph (spec §2), not a headline
    # (the cut line fills the column: a wider line would be a headline set
    # across columns)
    first = Block("今年以来，市住房和城乡建设局把老旧小区改造作")
    second = Block("为重点民生工程。\n" + PARAGRAPH_LINES)
    doc = split_blocks(Document([first, second]), CONFIG)
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (PARAGRAPH, first.text),
        (PARAGRAPH, "为重点民生工程。"),
        (PARAGRAPH, PARAGRAPH_LINES),
    ]


def test_split_blocks_keeps_page_and_continued():
    block = Block("老旧小区改造惠及万户\n" + PARAGRAPH_LINES, page=2, start=40, continued=True)
    doc = split_blocks(Document([block]), CONFIG)
    assert [(b.page, b.continued) for b in doc.blocks] == [(2, False), (2, True)]


def test_split_blocks_empty_document():
    assert split_blocks(Document([]), CONFIG).blocks == []


# --- join_hard_wraps: every block but a table is one line --------------------

WRAPPED_PAGE = (
    "老旧小区改造惠及万户\n\n"
    "本报记者 王晓东\n\n"
    + PARAGRAPH_LINES
    + "\n\n"
    "图为施工人员在城东新区新建道路上铺\n设沥青，确保道路年底前通车。\n\n"
    "项目\t金额\t进度\t\n道路改造\t1200万元\t80%\t\n管网铺设\t560万元\t\t\n\n"
    "会上发布了the sustainable\ndevelopment report，引起关注。"
)


def test_join_hard_wraps_page():
    doc = join_hard_wraps(split_blocks(parse(WRAPPED_PAGE), CONFIG), CONFIG)
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (HEADLINE, "老旧小区改造惠及万户"),
        (BYLINE, "本报记者 王晓东"),
        (PARAGRAPH, "今年以来，市住房和城乡建设局把老旧小区改造作为重点民生工程，累计完成改造项目56个，惠及居民1.2万户，群众满意率达到98%以上。"),
        (CAPTION, "图为施工人员在城东新区新建道路上铺设沥青，确保道路年底前通车。"),
        (TABLE, "项目\t金额\t进度\t\n道路改造\t1200万元\t80%\t\n管网铺设\t560万元\t\t"),
        (PARAGRAPH, "会上发布了the sustainable development report，引起关注。"),
    ]


def test_join_hard_wraps_leaves_tables_alone():
    table = "序号\t单位\t得分\t\n1\t城东街道\t96.5\t\n2\t\t95.0\t"
    doc = join_hard_wraps(Document([Block(table, TABLE)]), CONFIG)
    assert doc.blocks[0].text == table


def test_join_hard_wraps_headline_phrases_keep_a_space():
    # a headline set on two short lines next to a paragraph whose lines are
    # much wider: its lines are phrases, joined with one space (spec §2)
    doc = Document([Block("织密安全防护网\n守护群众平安路", HEADLINE), Block(PARAGRAPH_LINES)])
    join_hard_wraps(doc, CONFIG)
    assert doc.blocks[0].text == "织密安全防护网 守护群众平安路"


def test_join_hard_wraps_headline_wrapped_by_the_column():
    # a headline whose first line fills the column was wrapped: nothing between
    headline = "今年以来市住房和城乡建设局把老旧小区改造作为\n重点工程"
    doc = Document([Block(headline, HEADLINE), Block(PARAGRAPH_LINES)])
    join_hard_wraps(doc, CONFIG)
    assert doc.blocks[0].text == "今年以来市住房和城乡建设局把老旧小区改造作为重点工程"


# The share of its column that a block's last line fills.  A block of three
# lines takes its column from the paragraphs around, unless those are set in
# another width and its own two lines (the longer justified) tell its own.
NARROW_THREE_LINES = "毕业两年内的高校毕业生和\n贫困县及民族县中职学校的毕业\n生以及十六至二十四岁的登记失"
WIDE_PARAGRAPH = "\n".join(["本报讯近日记者从市生态环境局获悉全市大气环境质量稳中向好"] * 4)
NEAR_PARAGRAPH = "\n".join(["贫困县及民族县中职学校毕业生和"] * 4)


@pytest.mark.parametrize(
    "neighbour, share",
    [
        pytest.param(WIDE_PARAGRAPH, 1.0, id="neighbours-in-another-width-own-lines-tell"),
        pytest.param(NEAR_PARAGRAPH, 14 / 15, id="neighbours-in-about-the-same-width-tell"),
    ],
)
def test_last_line_share_of_a_three_line_block(neighbour, share):
    doc = Document([Block(NARROW_THREE_LINES), Block(neighbour)])
    join_hard_wraps(doc, CONFIG)
    assert doc.blocks[0].last_line_share == pytest.approx(share)


@pytest.mark.parametrize(
    "text",
    ["会议由副市长刘建国主持。", "春耕生产有序推进", "建好一条路 带富一方人", "", "本报记者 王晓东"],
)
def test_join_hard_wraps_one_line_blocks_unchanged(text):
    doc = join_hard_wraps(split_blocks(Document([Block(text)]), CONFIG), CONFIG)
    assert [b.text for b in doc.blocks] == [text]


def test_join_hard_wraps_is_idempotent():
    doc = join_hard_wraps(split_blocks(parse(WRAPPED_PAGE), CONFIG), CONFIG)
    once = [(b.kind, b.text) for b in doc.blocks]
    join_hard_wraps(doc, CONFIG)
    assert [(b.kind, b.text) for b in doc.blocks] == once


# --- properties --------------------------------------------------------------


def _non_space(texts):
    return "".join(char for text in texts for char in text if not char.isspace())


def _without_wrap_hyphens(text):
    """`text` with the hyphens that join_lines removes (spec §2): a line that
    ends in a hyphen after a lowercase Latin letter, followed by a line that
    starts with a lowercase Latin letter."""
    lines = [line.strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    out = []
    for number, line in enumerate(lines):
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if (
            len(line) >= 2
            and line[-1] == "-"
            and "a" <= line[-2] <= "z"
            and following[:1].isascii()
            and following[:1].islower()
        ):
            line = line[:-1]
        out.append(line)
    return "\n".join(out)


blocks_text = st.one_of(st.text(), running_text, page())


@given(st.lists(blocks_text, max_size=6))
def test_join_hard_wraps_keeps_every_non_space_character_in_order_on_one_line(texts):
    doc = split_blocks(Document([Block(text) for text in texts]), CONFIG)
    before = [block.text if block.kind == TABLE else _without_wrap_hyphens(block.text) for block in doc.blocks]
    tables = [block.text for block in doc.blocks if block.kind == TABLE]
    join_hard_wraps(doc, CONFIG)
    assert _non_space(block.text for block in doc.blocks) == _non_space(before)
    assert [block.text for block in doc.blocks if block.kind == TABLE] == tables
    for block in doc.blocks:
        if block.kind != TABLE:
            assert "\n" not in block.text


@given(st.text())
def test_split_blocks_keeps_every_character(text):
    doc = split_blocks(Document([Block(text)]), CONFIG)
    assert "".join(block.text for block in doc.blocks).replace("\n", "") == text.replace("\n", "")


@given(st.lists(st.text(), max_size=4), st.booleans())
def test_join_lines_never_raises(lines, phrase_space):
    join_lines(lines or [""], phrase_space=phrase_space)


# --- whole pages as line-per-line extractors write them (issue 9) ------------------------
# PyMuPDF's get_text() and pdftotext -raw end every line with one newline and
# write no blank line; a photo box sits between two lines of the column it
# interrupts.  The expected blocks are written by hand from the spec.

PYMUPDF_NUMBERED_CAPTIONS = """\
　　全市共完成老旧小区改造项目四十
余个，惠及居民两万余户。目前，全
市已有三十个小区完成改造，居民满
图①：近日，社区居民在阅览室读
书，享受改造后的新环境。
图②：志愿者在小区里清扫落叶。
本组图片由本报记者王晓东摄
意度持续提升，群众获得感明显增强。
　　下一步，市住建局将继续推进改
造工作，确保年底前全部完工，让群
众住得更舒心。
"""

PYMUPDF_CAPTION_BOX = """\
　　市住建局把工程质量和运行安全放
在首位，切实加强清洁取暖工程安全
服务管理。目前，全市四千多个改造
村庄全部配备了驻村安全员和安全协
管员，全天候加强对各村庄的巡逻督
今年以来，饶阳县持续推进以种植业、冷
库、棚室为主的集体增收带贫机制，以国
字牌科研院所为依托，加大基层农技员及
高素质农民培养力度，激发了广大农民发
展棚室种植的热情。图为村民王洪玺正在
采收自家棚室内成熟的西红柿。
袁占林 摄
导，及时掌握每户取暖设备运行情况，
确保群众温暖过冬、安全过冬。
"""

# an article whose paragraphs are indented by an offset only: the extractor
# drops the indent, and a first line is two characters short of the column
RAW_HEADLINE_BEFORE_DROPPED_INDENT = """\
坐了好几趟了，现在公交车不但通到
咱家门口，取暖期还不收费。政府这
事儿办得真不赖！
以问题为导向，为群众办实事好事
平坦的道路，规范的车位，点
缀的绿植，粉刷一新的墙体，畅通的
地下污水管网，让居民出行更加方便。
"""

LINE_PER_LINE_CASES = [
    pytest.param(
        PYMUPDF_NUMBERED_CAPTIONS,
        [
            "全市共完成老旧小区改造项目四十余个，惠及居民两万余户。目前，全市已有三十个小区完成改造，"
            "居民满意度持续提升，群众获得感明显增强。",
            "图①：近日，社区居民在阅览室读书，享受改造后的新环境。",
            "图②：志愿者在小区里清扫落叶。",
            "本组图片由本报记者王晓东摄",
            "下一步，市住建局将继续推进改造工作，确保年底前全部完工，让群众住得更舒心。",
        ],
        id="pymupdf-numbered-captions-inside-a-sentence",
    ),
    pytest.param(
        PYMUPDF_CAPTION_BOX,
        [
            "市住建局把工程质量和运行安全放在首位，切实加强清洁取暖工程安全服务管理。目前，全市四千多个改造村庄"
            "全部配备了驻村安全员和安全协管员，全天候加强对各村庄的巡逻督导，及时掌握每户取暖设备运行情况，"
            "确保群众温暖过冬、安全过冬。",
            "今年以来，饶阳县持续推进以种植业、冷库、棚室为主的集体增收带贫机制，以国字牌科研院所为依托，"
            "加大基层农技员及高素质农民培养力度，激发了广大农民发展棚室种植的热情。图为村民王洪玺正在采收"
            "自家棚室内成熟的西红柿。",
            "袁占林 摄",
        ],
        id="pymupdf-caption-box-wider-than-the-column",
    ),
    pytest.param(
        RAW_HEADLINE_BEFORE_DROPPED_INDENT,
        [
            "坐了好几趟了，现在公交车不但通到咱家门口，取暖期还不收费。政府这事儿办得真不赖！",
            "以问题为导向，为群众办实事好事",
            "平坦的道路，规范的车位，点缀的绿植，粉刷一新的墙体，畅通的地下污水管网，让居民出行更加方便。",
        ],
        id="raw-headline-before-a-first-line-without-indent",
    ),
]


@pytest.mark.parametrize("text, expected", LINE_PER_LINE_CASES)
def test_line_per_line_extraction(text, expected):
    from paperclean import clean

    assert clean(text).rstrip("\n").split("\n\n") == expected


# pdfminer.six at a wide leading writes every line as a box of its own (a
# blank line after each) and orders the boxes row by row across the columns:
# the first line of each column, then the second of each...
PDFMINER_INTERLEAVED_ROWS = [
    "衡水深入推进全国文明城市创建",
    "　　今年以来，我市持续推进", "　　近日，记者从住建局获悉，",
    "民生工程建设，一批项目相继建", "全市老旧小区改造任务已完成九",
    "成投用，群众获得感明显增强，", "成以上，居民满意度持续提升，",
    "生活更加便利。", "改造工作进展顺利。",
    "　　下一步，市住建局将继续推", "　　据介绍，今年全市还将新建",
    "进改造工作，确保年底前全部完", "改造城市道路十二条，进一步完",
    "工，让群众住得更加舒心。", "善城市路网。",
]


def test_pdfminer_interleaved_columns_are_read_one_after_another():
    from paperclean import clean

    text = "\n\n".join(PDFMINER_INTERLEAVED_ROWS) + "\n"
    assert clean(text).rstrip("\n").split("\n\n") == [
        "衡水深入推进全国文明城市创建",
        "今年以来，我市持续推进民生工程建设，一批项目相继建成投用，群众获得感明显增强，生活更加便利。",
        "下一步，市住建局将继续推进改造工作，确保年底前全部完工，让群众住得更加舒心。",
        "近日，记者从住建局获悉，全市老旧小区改造任务已完成九成以上，居民满意度持续提升，改造工作进展顺利。",
        "据介绍，今年全市还将新建改造城市道路十二条，进一步完善城市路网。",
    ]


def test_short_paragraphs_of_many_widths_keep_their_order():
    # one-line paragraphs (an extraction with blank lines between them) are
    # no interleaved columns: their lines do not share a width
    paragraphs = [
        "会议指出，要坚持问题导向。",
        "会议要求，各级各部门要压实责任，确保各项任务落到实处。",
        "会议强调，要加强统筹协调。",
        "与会人员结合各自分管工作，就下一步重点任务作了发言。",
        "会议还研究了其他事项。",
        "市直有关部门负责同志列席会议，并就相关工作进行了汇报。",
        "会议由市委副书记主持。",
        "本报记者 王晓东",
    ]
    text = "\n\n".join(paragraphs) + "\n"
    from paperclean import clean

    assert clean(text).rstrip("\n").split("\n\n") == paragraphs


def test_wrapped_paragraphs_of_two_or_three_lines_keep_their_order():
    # whole paragraphs, hard-wrapped at one width and each ending a sentence,
    # with captions between them, are no interleaved columns: they once were
    # read as two columns taken in turn (text of tests/fixtures/handmade)
    blocks = [
        "清晨六点半，家住向阳街道的王大爷推门走进社区“暖心驿站”，接一\n杯热水，翻翻当天的报纸。“以前出门锻炼，渴了连口热水都没处喝，\n现在好了，驿站就在家门口。”王大爷笑着说。",
        "去年以来，市总工会联合各街道建成“暖心驿站”126个，为环卫工\n人、快递小哥、外卖骑手等户外劳动户外劳动者提供饮水、休息、充\n电、如厕等服务，累计服务超过45万人次。",
        "图①：环卫工人在驿站内休息。",
        "在东岭村电商服务站，村民李秀英正对着手机镜头介绍自家种植的小\n米。“以前种的粮食只能等着收购商上门，现在通过直播，一天就能卖\n出去两三百单。”她说，今年家里的收入比去年增加了一万多元。",
        "图②：志愿者为快递小哥测量血压。",
        "本报记者 刘洋 摄",
        "“驿站不只是歇脚的地方，更是我们的‘第二个家’。”外卖骑手小陈\n说，他每天要在城区跑四十多单，中午常在驿站吃饭、给手机充电。",
    ]
    from paperclean import clean

    cleaned = clean("\n\n".join(blocks) + "\n").rstrip("\n").split("\n\n")
    # (the doubled phrase `户外劳动户外劳动` is kept once, spec §6)
    expected = [block.replace("\n", "").replace("户外劳动户外劳动", "户外劳动") for block in blocks]
    assert cleaned == expected


def test_pdfminer_spread_line_of_its_own_is_running_text():
    # pdfminer.six breaks its text boxes inside a paragraph, and writes a
    # justified line whose glyphs stand apart with spaces between them
    from paperclean import clean

    text = (
        "　　今年取暖季开始之前，我市公交\n线路延伸至深州市前磨头镇，方便了\n沿线群众出行。据了解，此举解决了\n\n"
        "前磨 头 镇 及 周 边 六万余群 众 出 行 问\n\n"
        "题，受到群众一致好评。\n"
    )
    assert clean(text) == (
        "今年取暖季开始之前，我市公交线路延伸至深州市前磨头镇，方便了沿线群众出行。"
        "据了解，此举解决了前磨头镇及周边六万余群众出行问题，受到群众一致好评。\n"
    )


# headline, subtitle and byline lines as the extractors write them, one per
# line, before the first paragraph (no blank lines)
HEADLINE_AREA_CASES = [
    pytest.param(
        # pdftotext -raw: the byline on one line
        "让百姓住得更舒心\n——我市老旧小区改造工作纪实\n高占峰 任玉静\n"
        "今年以来，我市持续推进老旧小区改造，\n一批小区完成改造，居民满意度持续提\n升。\n",
        ["让百姓住得更舒心", "——我市老旧小区改造工作纪实", "高占峰 任玉静", "今年以来，我市持续推进老旧小区改造，一批小区完成改造，居民满意度持续提升。"],
        id="raw-names-byline",
    ),
    pytest.param(
        # PyMuPDF: the reporter's title and the name on lines of their own
        "让群众真切感到幸福来敲门\n河北日报记者\n陈凤来\n"
        "今年以来，我市持续推进老旧小区改造，\n一批小区完成改造，居民满意度持续提\n升。\n",
        ["让群众真切感到幸福来敲门", "河北日报记者 陈凤来", "今年以来，我市持续推进老旧小区改造，一批小区完成改造，居民满意度持续提升。"],
        id="pymupdf-title-and-name-lines",
    ),
    pytest.param(
        # two titles, each with its name
        "让群众真切感到幸福来敲门\n河北日报记者\n陈凤来\n通讯员\n田静云\n"
        "今年以来，我市持续推进老旧小区改造，\n一批小区完成改造，居民满意度持续提\n升。\n",
        ["让群众真切感到幸福来敲门", "河北日报记者 陈凤来 通讯员 田静云", "今年以来，我市持续推进老旧小区改造，一批小区完成改造，居民满意度持续提升。"],
        id="pymupdf-two-titles-and-names",
    ),
    pytest.param(
        # pdftotext: the title and the name as blocks of their own
        "访市住建局局长王晓东\n\n本报记者\n\n王斌\n\n“今年以来，我市持续推进老旧小区改造。”\n",
        ["访市住建局局长王晓东", "本报记者 王斌", "“今年以来，我市持续推进老旧小区改造。”"],
        id="pdftotext-title-and-name-blocks",
    ),
    pytest.param(
        # pdftotext: the title at the end of the headline's block
        "让群众真切感到幸福来敲门\n河北日报记者\n\n陈凤来\n\n“今年以来，我市持续推进老旧小区改造。”\n",
        ["让群众真切感到幸福来敲门", "河北日报记者 陈凤来", "“今年以来，我市持续推进老旧小区改造。”"],
        id="pdftotext-title-after-the-headline",
    ),
    pytest.param(
        # three short phrases are a headline's, not names
        "学党史 悟思想 办实事\n今年以来，我市持续推进老旧小区改造，\n一批小区完成改造，居民满意度持续提\n升。\n",
        ["学党史 悟思想 办实事", "今年以来，我市持续推进老旧小区改造，一批小区完成改造，居民满意度持续提升。"],
        id="three-phrases-stay-a-headline",
    ),
    pytest.param(
        # a letter-spaced kicker over its headline: two rhythms, two blocks
        "今年以来，我市持续推进老旧小区改造，一批小区完成改造。\n回 眸 2 0 2 4\n全县民生投入情况\n"
        "今年以来，我市持续推进老旧小区改造，\n一批小区完成改造，居民满意度持续提\n升。\n",
        ["今年以来，我市持续推进老旧小区改造，一批小区完成改造。", "回眸 2024", "全县民生投入情况",
         "今年以来，我市持续推进老旧小区改造，一批小区完成改造，居民满意度持续提升。"],
        id="letter-spaced-kicker-over-a-headline",
    ),
    pytest.param(
        # a headline's phrases over two lines, neither letter-spaced: one block
        "今年以来，我市持续推进老旧小区改造，一批小区完成改造。\n增进民生福祉\n补齐发展短板\n"
        "今年以来，我市持续推进老旧小区改造，\n一批小区完成改造，居民满意度持续提\n升。\n",
        ["今年以来，我市持续推进老旧小区改造，一批小区完成改造。", "增进民生福祉 补齐发展短板",
         "今年以来，我市持续推进老旧小区改造，一批小区完成改造，居民满意度持续提升。"],
        id="headline-over-two-lines-stays-one",
    ),
]


@pytest.mark.parametrize("text, expected", HEADLINE_AREA_CASES)
def test_headline_area_lines(text, expected):
    from paperclean import clean

    assert clean(text).rstrip("\n").split("\n\n") == expected


def test_pdfminer_lines_of_one_column_set_apart_are_joined():
    # the lines of one column, in order, each a box of its own
    from paperclean import clean

    rows = [
        "　　今年以来，我市持续推进", "民生工程建设，一批项目相继建", "成投用，群众获得感明显增强，",
        "生活更加便利。", "　　下一步，市住建局将继续推", "进改造工作，确保年底前全部完", "工，让群众住得更加舒心。",
    ]
    assert clean("\n\n".join(rows) + "\n").rstrip("\n").split("\n\n") == [
        "今年以来，我市持续推进民生工程建设，一批项目相继建成投用，群众获得感明显增强，生活更加便利。",
        "下一步，市住建局将继续推进改造工作，确保年底前全部完工，让群众住得更加舒心。",
    ]


@pytest.mark.parametrize(
    "blocks, own_line",
    [
        # a headline line over a subtitle, and one over an indented paragraph
        (["前面一段结束了。", "把实事办到群众心坎上", "——深州市深化党史学习教育纪实"], True),
        (["前面一段结束了。", "民生保障再升级，百姓幸福感更多", "　　“我们小区二十来年没有集中供暖了。”"], True),
        # after an unfinished sentence the line may continue it
        (["前面一段还没有结束，", "民生保障再升级，百姓幸福感更多", "　　“我们小区二十来年没有集中供暖了。”"], False),
        # before a line that is not indented it may be continued
        (["前面一段结束了。", "民生保障再升级，百姓幸福感更多", "我们小区二十来年没有集中供暖了。"], False),
    ],
)
def test_a_headline_line_of_its_own(blocks, own_line):
    doc = split_blocks(Document([Block(text) for text in blocks]), CONFIG)
    line = next(block for block in doc.blocks if block.text.startswith(("把实事", "民生保障")))
    assert line.own_line is own_line


@pytest.mark.parametrize(
    "blocks, kinds",
    [
        # a caption cut in two above its credit: the first part says what the
        # photo shows (…。图为…) and ends no sentence: it is the caption's start
        pytest.param(
            ["昨日，市交警支队在人民广场开展了交通安全宣传活动。图为民警带领小", "学生参与货车盲区体验。", "陈康 摄"],
            ["caption", "caption", "credit"],
            id="caption-start",
        ),
        # the end of such a caption lost: the part above the credit is its caption
        pytest.param(
            ["昨日，市交警支队在人民广场开展了交通安全宣传活动。图为民警带领小学生参与体验活", "陈康 摄"],
            ["caption", "credit"],
            id="caption-end-lost",
        ),
        # paragraph text glued before it (more than one sentence before 图为): unchanged
        pytest.param(
            [
                "全面完成排水管网改造。加快完善工业园区配套管网、污昨日，市交警支队开展了宣传活动。图为民警带领小",
                "学生参与货车盲区体验。",
                "陈康 摄",
            ],
            ["paragraph", "caption", "credit"],
            id="paragraph-glued",
        ),
        # an unfinished paragraph above a credit that shows no photo: unchanged
        pytest.param(
            ["昨日，市交警支队在人民广场开展了交通安全宣传活动，引导市民自觉遵守交通法", "陈康 摄"],
            ["paragraph", "credit"],
            id="no-photo",
        ),
    ],
)
def test_a_caption_that_says_what_the_photo_shows(blocks, kinds):
    doc = split_blocks(Document([Block(text) for text in blocks]), Config())
    assert [block.kind for block in doc.blocks] == kinds


def test_interleaved_lines_full_of_quotes_fill_their_column():
    # pdftotext at a wide leading writes two lines of each column in turn;
    # curly quotes, counted narrow, make the lines look short of the column
    rows = [
        "“今年，市科技局在‘以赛代评’上", "“我们将深入贯彻落实‘1559’",
        "持续发力，聚焦‘减隔震’两个领", "工作计划，以‘富美冀州’为中心",
        "域重大技术需求，发布了七个技", "任务，实施‘产业强区’等五大战",
        "术榜单。”", "略。”",
        "李存友表示，下一步将结合省市", "张洪涛表示，将全力推动各项工",
        "相关政策进一步完善立项机制。", "作落到实处，取得更大的成效。",
    ]
    from paperclean import clean

    text = "\n\n".join(f"{a}" for a in rows) + "\n"
    assert clean(text).rstrip("\n").split("\n\n") == [
        "“今年，市科技局在‘以赛代评’上持续发力，聚焦‘减隔震’两个领域重大技术需求，发布了七个技术榜单。”",
        "李存友表示，下一步将结合省市相关政策进一步完善立项机制。",
        "“我们将深入贯彻落实‘1559’工作计划，以‘富美冀州’为中心任务，实施‘产业强区’等五大战略。”",
        "张洪涛表示，将全力推动各项工作落到实处，取得更大的成效。",
    ]


def test_a_run_of_narrow_one_line_blocks_is_no_set_of_columns():
    # six Hanzi a line or more make a newspaper column: shorter one-line
    # blocks in a row (labels, headline words, debris) stay as they are
    rows = ["要闻", "一一", "综合", "一", "经济", "一一", "时评"]
    blocks = read_interleaved_columns(Document([Block(row) for row in rows]))
    assert [b.text for b in blocks] == rows


CAPTION_WITH_CREDIT_CASES = [
    pytest.param(
        "图为村民在服务站直播销售农产品。 本报记者 王明 摄\n",
        ["图为村民在服务站直播销售农产品。", "本报记者 王明 摄"],
        id="credit-on-the-caption-line",
    ),
    pytest.param(
        "图①：新建的湿地公园。\u3000河北日报通讯员 李强摄\n",
        ["图①：新建的湿地公园。", "河北日报通讯员 李强摄"],
        id="numbered-caption-ideographic-space",
    ),
    # --- must stay one block ---
    pytest.param(
        "图为村民在服务站直播。 他说，销路打开了。\n",
        ["图为村民在服务站直播。他说，销路打开了。"],
        id="a-second-sentence-is-no-credit",
    ),
    pytest.param(
        "图为工作人员用无人机拍摄巡查画面。\n",
        ["图为工作人员用无人机拍摄巡查画面。"],
        id="no-credit",
    ),
]


@pytest.mark.parametrize("text, expected", CAPTION_WITH_CREDIT_CASES)
def test_a_credit_on_its_captions_line_is_a_block_of_its_own(text, expected):
    from paperclean import clean

    assert clean(text).rstrip("\n").split("\n\n") == expected


def test_interleaved_columns_whose_first_row_holds_a_paragraphs_last_line():
    # column 2 opens with the last line of the paragraph that column 1 cut
    # (short, it ends a sentence): the rows are still a line of each column
    column_1 = ["　　今年以来，我市持续推进", "老旧小区改造工程，一批项目", "相继完工，群众获得感明显增", "强，居民生活更加便利。记者", "从市住建局获悉，全市改造任"]
    column_2 = ["务已完成九成。", "　　下一步，市住建局将继续", "推进改造工作，确保年底前全", "部完工，让群众住得更加舒心", "和放心。"]
    rows = [line for row in zip(column_1, column_2) for line in row]
    from paperclean import clean

    assert clean("\n\n".join(rows) + "\n").rstrip("\n").split("\n\n") == [
        "今年以来，我市持续推进老旧小区改造工程，一批项目相继完工，群众获得感明显增强，居民生活更加便利。记者从市住建局获悉，全市改造任务已完成九成。",
        "下一步，市住建局将继续推进改造工作，确保年底前全部完工，让群众住得更加舒心和放心。",
    ]


def test_a_headline_across_the_columns_is_no_line_of_interleaved_columns():
    # two articles of two interleaved columns each, and between them the
    # second one's headline, wider than a column: every line of interleaved
    # columns fits its column, so the columns are read on each side of it
    first_1 = ["　　近日，市交通运输局召开", "冬季道路安全工作会议，部署", "全市冬季道路交通安全工作，", "要求各县市区压实责任，确保", "群众安全出行。"]
    first_2 = ["　　会议要求，各级交通部门", "要加强道路巡查，及时清除路", "面积雪，保障道路畅通。同时", "要做好应急物资储备，确保一", "旦发生险情能够迅速处置。"]
    headline = "市人社局启动冬季农民工工资支付专项检查 维护农民工合法权益"
    second_1 = ["　　日前，市人社局启动冬季", "农民工工资支付专项检查，重", "点检查工程建设领域工资支付", "情况，确保农民工按时足额拿", "到工资。"]
    second_2 = ["　　检查中，对发现的问题将", "建立台账，逐项督办整改，对", "拒不整改的企业依法依规严肃", "处理，切实维护农民工合法权", "益，让他们安心过好年。"]
    rows = [line for row in zip(first_1, first_2) for line in row] + [headline] + [line for row in zip(second_1, second_2) for line in row]
    from paperclean import clean

    assert clean("\n\n".join(rows) + "\n").rstrip("\n").split("\n\n") == [
        "近日，市交通运输局召开冬季道路安全工作会议，部署全市冬季道路交通安全工作，要求各县市区压实责任，确保群众安全出行。",
        "会议要求，各级交通部门要加强道路巡查，及时清除路面积雪，保障道路畅通。同时要做好应急物资储备，确保一旦发生险情能够迅速处置。",
        "市人社局启动冬季农民工工资支付专项检查 维护农民工合法权益",
        "日前，市人社局启动冬季农民工工资支付专项检查，重点检查工程建设领域工资支付情况，确保农民工按时足额拿到工资。",
        "检查中，对发现的问题将建立台账，逐项督办整改，对拒不整改的企业依法依规严肃处理，切实维护农民工合法权益，让他们安心过好年。",
    ]


def test_lines_of_one_column_set_apart_keep_their_order():
    # one column whose lines pdfminer.six set apart, a paragraph's short last
    # line among them: read in order, as extracted (must stay unchanged)
    rows = ["　　今年以来，我市持续推进", "老旧小区改造工程，一批项目", "相继完工，群众获得感明显增", "强，居民生活更加便利。", "　　下一步，市住建局将继续", "推进改造工作，确保年底前全", "部完工，让群众住得更加舒心", "和放心。"]
    from paperclean import clean

    assert clean("\n\n".join(rows) + "\n").rstrip("\n").split("\n\n") == [
        "今年以来，我市持续推进老旧小区改造工程，一批项目相继完工，群众获得感明显增强，居民生活更加便利。",
        "下一步，市住建局将继续推进改造工作，确保年底前全部完工，让群众住得更加舒心和放心。",
    ]


def test_interleaved_columns_whose_paragraphs_lost_their_indent():
    # the extractor dropped the indent (an offset, no U+3000): a paragraph's
    # first line is two characters short of the column, also in the first row
    column_1 = ["今年以来，我市持续推进", "老旧小区改造工程，一批项目", "相继完工，群众获得感明显增", "强，居民生活更加便利。记者", "从市住建局获悉，全市改造任"]
    column_2 = ["下一步，市住建局将继续", "推进改造工作，确保年底前全", "部完工，让群众住得更加舒心", "和放心。据介绍，今年全市还", "将新建改造城市道路十二条。"]
    rows = [line for row in zip(column_1, column_2) for line in row]
    blocks = read_interleaved_columns(Document([Block(row) for row in rows]))
    assert [block.text for block in blocks] == ["\n".join(column_1), "\n".join(column_2)]


def test_interleaved_columns_of_another_width_start_a_stretch_of_their_own():
    # an article in two columns of twenty Hanzi, then one in three columns of
    # thirteen: no line of interleaved columns is wider than its column, so
    # the three narrow columns are not read as the two wide ones go on
    wide_1 = ["　　近日，市交通运输局召开了冬季道路安全", "工作会议，部署全市冬季道路交通安全工作，", "要求各县市区压实责任，加强道路巡查，确保", "群众安全出行。"]
    wide_2 = ["　　会议要求，各级交通部门要切实加强道路", "巡查，及时清除路面积雪，保障道路畅通。同", "时要做好应急物资储备，确保一旦发生险情能", "够迅速处置。"]
    narrow_1 = ["　　日前，市人社局启动冬季", "农民工工资支付专项检查，重", "点检查工程建设领域工资支付", "情况，确保农民工按时足额拿", "到工资。"]
    narrow_2 = ["　　检查中，对发现的问题将", "建立台账，逐项督办整改，对", "拒不整改的企业依法依规严肃", "处理，切实维护农民工合法权", "益，让他们安心过好年。"]
    narrow_3 = ["　　据了解，今年以来全市已", "为二千余名农民工追回工资三", "千余万元，有力维护了劳动者", "的合法权益，受到群众的广泛", "好评。"]
    rows = [line for row in zip(wide_1, wide_2) for line in row] + [line for row in zip(narrow_1, narrow_2, narrow_3) for line in row]
    from paperclean import clean

    assert clean("\n\n".join(rows) + "\n").rstrip("\n").split("\n\n") == [
        "近日，市交通运输局召开了冬季道路安全工作会议，部署全市冬季道路交通安全工作，要求各县市区压实责任，加强道路巡查，确保群众安全出行。",
        "会议要求，各级交通部门要切实加强道路巡查，及时清除路面积雪，保障道路畅通。同时要做好应急物资储备，确保一旦发生险情能够迅速处置。",
        "日前，市人社局启动冬季农民工工资支付专项检查，重点检查工程建设领域工资支付情况，确保农民工按时足额拿到工资。",
        "检查中，对发现的问题将建立台账，逐项督办整改，对拒不整改的企业依法依规严肃处理，切实维护农民工合法权益，让他们安心过好年。",
        "据了解，今年以来全市已为二千余名农民工追回工资三千余万元，有力维护了劳动者的合法权益，受到群众的广泛好评。",
    ]


def test_a_headline_in_one_box_with_the_first_line_of_interleaved_columns():
    # pdfminer.six put the headline across the columns and the first line of
    # the first column under it in one box: the headline is set apart, and
    # the rows of the columns start with that line
    column_1 = ["　　日前，市人社局启动冬季", "农民工工资支付专项检查，重", "点检查工程建设领域工资支付", "情况，确保农民工按时足额拿", "到工资。"]
    column_2 = ["　　检查中，对发现的问题将", "建立台账，逐项督办整改，对", "拒不整改的企业依法依规严肃", "处理，切实维护农民工合法权", "益，让他们安心过好年。"]
    rows = [line for row in zip(column_1, column_2) for line in row]
    rows[0] = "市人社局启动冬季农民工工资支付专项检查\n" + rows[0]
    from paperclean import clean

    assert clean("\n\n".join(rows) + "\n").rstrip("\n").split("\n\n") == [
        "市人社局启动冬季农民工工资支付专项检查",
        "日前，市人社局启动冬季农民工工资支付专项检查，重点检查工程建设领域工资支付情况，确保农民工按时足额拿到工资。",
        "检查中，对发现的问题将建立台账，逐项督办整改，对拒不整改的企业依法依规严肃处理，切实维护农民工合法权益，让他们安心过好年。",
    ]


OPENS_FULL_LINE_CASES = [
    # a column's top line that goes on from the column before: full, no indent
    pytest.param("市县两级共成立了消杀队伍，签约\n具备资质的第三方机构，开展全面\n消杀。", True, id="full-line"),
    # a paragraph's first line: indented, or short by the indent it lost
    pytest.param("　　市县两级共成立了消杀队伍\n具备资质的第三方机构，开展全面\n消杀。", False, id="indented"),
    pytest.param("市县两级共成立了消杀队伍\n具备资质的第三方机构，开展全面\n消杀。", False, id="short-by-an-indent"),
]


@pytest.mark.parametrize("text, expected", OPENS_FULL_LINE_CASES)
def test_a_block_that_opens_with_a_full_line(text, expected):
    doc = join_hard_wraps(Document([Block(text)]), CONFIG)
    assert doc.blocks[0].opens_full_line is expected


# --- headlines between paragraphs, no blank lines (spec §2, issue 9) ---------------------
# PyMuPDF and pdftotext -raw write a headline on its own line, right after the
# last line of the paragraph above.  When that last line fills the column, only
# the headline line itself shows where the paragraph ended: it ends no
# sentence and is too short for a paragraph's first line (even one short by an
# indent the extractor dropped), or wider than the column under it.

NO_BLANK_LINE_HEADLINE_CASES = [
    pytest.param(
        "　　今年以来，我市持续推进民生工程建\n设，一批项目相继建成投用，群众的获\n得感、幸福感和安全感明显不断增强。\n"
        "市住建局让百姓温暖过冬\n"
        "　　近日，记者从市住建局获悉，全市\n已完成改造任务的九成以上，工程的进\n度超过预期，群众纷纷拍手称赞。\n",
        [
            "今年以来，我市持续推进民生工程建设，一批项目相继建成投用，群众的获得感、幸福感和安全感明显不断增强。",
            "市住建局让百姓温暖过冬",
            "近日，记者从市住建局获悉，全市已完成改造任务的九成以上，工程的进度超过预期，群众纷纷拍手称赞。",
        ],
        id="headline-after-a-full-last-line",
    ),
    pytest.param(
        # the paragraphs are indented by an offset the extractor dropped
        "今年以来，我市持续推进民生工程建\n设，一批项目相继建成投用，群众的获\n得感、幸福感和安全感明显不断增强。\n"
        "以问题为导向，管理更精准\n"
        "近日，记者从市住建局获悉，全市\n已完成改造任务的九成以上，工程的进\n度超过预期，群众纷纷拍手称赞。\n",
        [
            "今年以来，我市持续推进民生工程建设，一批项目相继建成投用，群众的获得感、幸福感和安全感明显不断增强。",
            "以问题为导向，管理更精准",
            "近日，记者从市住建局获悉，全市已完成改造任务的九成以上，工程的进度超过预期，群众纷纷拍手称赞。",
        ],
        id="subhead-after-a-full-last-line-no-indents",
    ),
    pytest.param(
        # a headline across the columns of an article set narrower than the one above
        "　　今年以来，该区扎实开展“我为群\n众办实事”实践活动，组织干部深入农\n村、企业开展调研，已解决完成十五项\n难题，真正将为民办实事落到了实处。\n"
        "谱写生态湖城建设新篇章新局面\n访区委书记张洪涛\n本报记者\n王斌\n"
        "　　“市党代会描绘了美好\n蓝图。我们将深入贯彻落\n实，按照工作计划，推动\n全区经济社会发展迈上新\n台阶。”区委书记在接受\n记者采访时表示。\n",
        [
            "今年以来，该区扎实开展“我为群众办实事”实践活动，组织干部深入农村、企业开展调研，已解决完成十五项难题，真正将为民办实事落到了实处。",
            "谱写生态湖城建设新篇章新局面",
            "访区委书记张洪涛",
            "本报记者 王斌",
            "“市党代会描绘了美好蓝图。我们将深入贯彻落实，按照工作计划，推动全区经济社会发展迈上新台阶。”区委书记在接受记者采访时表示。",
        ],
        id="headline-wider-than-the-narrower-column-under-it",
    ),
    pytest.param(
        # after a headline set phrase by phrase, the story's first line lost
        # its indent; its curly quotes may be set half or full width
        "排查到位\n维护周到\n处理及时\n市住建局让百姓清洁温暖过冬\n"
        "“今天要去城里看大孙子。”一\n早，村里的郭坚大爷就在家门口的小\n镇车站笑呵呵地登上了通往市区的公\n交车，一路上说说笑笑，乐开了花。\n",
        [
            "排查到位 维护周到 处理及时",
            "市住建局让百姓清洁温暖过冬",
            "“今天要去城里看大孙子。”一早，村里的郭坚大爷就在家门口的小镇车站笑呵呵地登上了通往市区的公交车，一路上说说笑笑，乐开了花。",
        ],
        id="first-line-with-quotes-after-a-headline",
    ),
    pytest.param(
        # a headline and its deck: the deck is wider than the headline line
        # above it, which was therefore not wrapped by the column
        "　　今年以来，我市持续推进民生工程建设，一批\n项目相继建成投用，群众的获得感、幸福感和安全\n感明显增强，城市面貌焕然一新，市民纷纷点赞。\n"
        "全市出台多项促进就业创业政策\n高校毕业生网络创业可申请最高担保贷款\n"
        "　　本报讯（记者王斌）毕业生及毕业五年内高校\n毕业生初次创业、取得营业执照，正常运营六个月\n以上的，给予一次性创业补贴。\n",
        [
            "今年以来，我市持续推进民生工程建设，一批项目相继建成投用，群众的获得感、幸福感和安全感明显增强，城市面貌焕然一新，市民纷纷点赞。",
            "全市出台多项促进就业创业政策",
            "高校毕业生网络创业可申请最高担保贷款",
            "本报讯（记者王斌）毕业生及毕业五年内高校毕业生初次创业、取得营业执照，正常运营六个月以上的，给予一次性创业补贴。",
        ],
        id="headline-and-a-wider-deck",
    ),
    pytest.param(
        # a subhead set larger than the text wraps short of the column: its
        # second line is the shorter, and it stays one block
        "　　今年以来，我市持续推进民生工程建设，一批\n项目相继建成投用，群众的获得感、幸福感和安全\n感明显增强，城市面貌焕然一新，市民纷纷点赞。\n"
        "坚持问题导向，统筹兼顾，高\n质量建设民生工程\n"
        "　　本报讯（记者王斌）毕业生及毕业五年内高校\n毕业生初次创业、取得营业执照，正常运营六个月\n以上的，给予一次性创业补贴。\n",
        [
            "今年以来，我市持续推进民生工程建设，一批项目相继建成投用，群众的获得感、幸福感和安全感明显增强，城市面貌焕然一新，市民纷纷点赞。",
            "坚持问题导向，统筹兼顾，高质量建设民生工程",
            "本报讯（记者王斌）毕业生及毕业五年内高校毕业生初次创业、取得营业执照，正常运营六个月以上的，给予一次性创业补贴。",
        ],
        id="subhead-wrapped-over-two-short-lines",
    ),
    pytest.param(
        # unchanged: the line after the sentence end fills the column
        "今年以来，我市持续推进民生工程建\n设，一批项目相继建成投用，群众的获\n得感、幸福感和安全感明显不断增强。\n"
        "据了解，全市已完成改造任务的九成以\n上，工程的进度超过预期，群众纷纷拍\n手称赞。\n",
        [
            "今年以来，我市持续推进民生工程建设，一批项目相继建成投用，群众的获得感、幸福感和安全感明显不断增强。"
            "据了解，全市已完成改造任务的九成以上，工程的进度超过预期，群众纷纷拍手称赞。",
        ],
        id="unchanged-full-line-after-a-sentence-end",
    ),
    pytest.param(
        # unchanged: a short line that goes on with a comma is no headline
        "今年以来，我市持续推进民生工程建\n设，一批项目相继建成投用，群众的获\n得感、幸福感和安全感明显不断增强。\n"
        "据了解，\n全市已完成改造任务的九成以上，工程\n的进度超过预期，群众纷纷拍手称赞。\n",
        [
            "今年以来，我市持续推进民生工程建设，一批项目相继建成投用，群众的获得感、幸福感和安全感明显不断增强。"
            "据了解，全市已完成改造任务的九成以上，工程的进度超过预期，群众纷纷拍手称赞。",
        ],
        id="unchanged-short-clause-after-a-sentence-end",
    ),
]


@pytest.mark.parametrize("text, expected", NO_BLANK_LINE_HEADLINE_CASES)
def test_headline_after_a_paragraph_without_blank_lines(text, expected):
    from paperclean import clean

    assert clean(text).rstrip("\n").split("\n\n") == expected


# A kicker that ends in a verb of saying (``…座谈会上强调``) is no headline of
# its own: what was stressed is the headline under it, and the two are one
# headline block with phrase spaces (spec §2, §3), however the extractor cut
# its lines.

KICKER_CASES = [
    pytest.param(
        # PyMuPDF: every phrase of the headline on a line of its own
        "区，为全市经济发展营造稳定的环境。\n王伟在企业家座谈会上强调\n打造发展新优势\n为高质量发展贡献更大力量\n"
        "　　本报讯（记者刘鲜）4月26日，我\n市召开企业家座谈会，市委常委、常务\n副市长王伟出席会议并讲话。\n",
        [
            "区，为全市经济发展营造稳定的环境。",
            "王伟在企业家座谈会上强调 打造发展新优势 为高质量发展贡献更大力量",
            "本报讯（记者刘鲜）4月26日，我市召开企业家座谈会，市委常委、常务副市长王伟出席会议并讲话。",
        ],
        id="kicker-and-headline-phrases-one-per-line",
    ),
    pytest.param(
        # one block of two lines: the kicker, then the headline
        "张学锋督导检查驿站建设工作时强调\n争分夺秒加快推进健康驿站建设\n\n"
        "本报讯（记者王斌）4月26日，市委常委张学锋就健康驿站建设工作进行督导检查。\n",
        [
            "张学锋督导检查驿站建设工作时强调 争分夺秒加快推进健康驿站建设",
            "本报讯（记者王斌）4月26日，市委常委张学锋就健康驿站建设工作进行督导检查。",
        ],
        id="kicker-and-headline-in-one-block",
    ),
    pytest.param(
        # the kicker's line goes on with the first phrase of what was said
        # (pdftotext: the headline's second line, wider, in one block with the story)
        "区，为全市经济发展营造稳定的环境。\n\n王伟在企业家座谈会上强调 打造优势\n提升效能 为全市经济高质量发展贡献更大力量\n"
        "本报讯（记者刘鲜）4\n月26日，我市召开企业\n家座谈会，市委常委、常\n务副市长王伟出席会议\n并讲话。\n",
        [
            "区，为全市经济发展营造稳定的环境。",
            "王伟在企业家座谈会上强调 打造优势 提升效能 为全市经济高质量发展贡献更大力量",
            "本报讯（记者刘鲜）4月26日，我市召开企业家座谈会，市委常委、常务副市长王伟出席会议并讲话。",
        ],
        id="kicker-line-goes-on-with-a-phrase",
    ),
    pytest.param(
        # unchanged: 强调 at the end of a line of running text
        "　　今年以来，我市持续推进民生工程建\n设，一批项目相继建成投用。会议强调\n要坚持问题导向，压实各方责任，确保\n各项任务落到实处，让群众更加满意。\n",
        ["今年以来，我市持续推进民生工程建设，一批项目相继建成投用。会议强调要坚持问题导向，压实各方责任，确保各项任务落到实处，让群众更加满意。"],
        id="unchanged-verb-of-saying-in-running-text",
    ),
    pytest.param(
        # unchanged: 要求 as a noun ends a headline of its own
        "落实疫情防控各项要求\n\n市住建局让百姓温暖过冬\n\n本报讯（记者王斌）近日，市住建局召开会议，部署冬季供暖工作。\n",
        ["落实疫情防控各项要求", "市住建局让百姓温暖过冬", "本报讯（记者王斌）近日，市住建局召开会议，部署冬季供暖工作。"],
        id="unchanged-noun-requirement-ends-a-headline",
    ),
]


@pytest.mark.parametrize("text, expected", KICKER_CASES)
def test_kicker_ending_in_a_verb_of_saying(text, expected):
    from paperclean import clean

    assert clean(text).rstrip("\n").split("\n\n") == expected


# --- measuring lines whose neighbours belong elsewhere (spec §2) -------------------------
# A photo box a cell or two wider than its column, a last line whose curly
# quotes were set full width, and a paragraph right above an article set in
# wider columns: the width of the lines around would mislead.

MEASURE_CASES = [
    pytest.param(
        # the box's lines are exactly as wide as each other, the column's one
        # character narrower: the caption is set apart and the sentence joined
        "　　该县建立三级网格化\n管理体系，县级干部包联\n乡镇和部门，乡镇干部包\n村，村干部包户，确保层\n"
        "近日，工作人员在社区入户\n登记接种信息，这一做法有\n效提高了疫苗接种的效率。\n本报记者 王晓东摄\n"
        "层落实责任，户户有人分\n包，组织发动应接尽接，\n确保不漏一户一人。\n"
        "　　实施精准化提醒。该\n县根据接种进度，定期筛\n选出应种未种人员名单。\n",
        [
            "该县建立三级网格化管理体系，县级干部包联乡镇和部门，乡镇干部包村，村干部包户，确保层层落实责任，户户有人分包，组织发动应接尽接，确保不漏一户一人。",
            "近日，工作人员在社区入户登记接种信息，这一做法有效提高了疫苗接种的效率。",
            "本报记者 王晓东摄",
            "实施精准化提醒。该县根据接种进度，定期筛选出应种未种人员名单。",
        ],
        id="caption-box-a-character-wider-than-its-column",
    ),
    pytest.param(
        # measured with its quotes half width the line looks short; set full
        # width it fills the column: no paragraph end without an indent
        "　　会议强调，要认清形势、坚定信\n心，进一步增强做好对台工作的思想\n自觉、政治自觉和行动自觉，同时也\n"
        "要牢记“国之大者”“两个大局”。\n精准把握对台工作的新任务新要求，\n创新理念形式，弘扬中华文化，深化\n经贸合作和交往交流。\n",
        [
            "会议强调，要认清形势、坚定信心，进一步增强做好对台工作的思想自觉、政治自觉和行动自觉，同时也要牢记“国之大者”“两个大局”。"
            "精准把握对台工作的新任务新要求，创新理念形式，弘扬中华文化，深化经贸合作和交往交流。"
        ],
        id="line-full-of-quotes-fills-the-column",
    ),
    pytest.param(
        # unchanged: a last line a few characters short ends its paragraph
        "　　会议强调，要认清形势、坚定信\n心，进一步增强做好对台工作的思想\n自觉、政治自觉和行动自觉，同时也\n"
        "要牢记“两个大局”。\n精准把握对台工作的新任务新要求，\n创新理念形式，弘扬中华文化，深化\n经贸合作和交往交流。\n",
        [
            "会议强调，要认清形势、坚定信心，进一步增强做好对台工作的思想自觉、政治自觉和行动自觉，同时也要牢记“两个大局”。",
            "精准把握对台工作的新任务新要求，创新理念形式，弘扬中华文化，深化经贸合作和交往交流。",
        ],
        id="unchanged-short-last-line-with-quotes",
    ),
]


@pytest.mark.parametrize("text, expected", MEASURE_CASES)
def test_lines_measured_against_their_own_column(text, expected):
    from paperclean import clean

    assert clean(text).rstrip("\n").split("\n\n") == expected


def test_paragraph_above_a_wider_article_keeps_its_full_lines():
    # the lines of the article below are half as wide again: the paragraph's
    # own lines, not those, tell whether its lines are short
    paragraph = (
        "　　城市管理是城市发展的重要内容，\n事关群众切身利益。今年以来，我市以\n服务民生为主线全力推进民生工程等重\n"
        "点项目，加快补齐短板、强化基础，从\n推进精细化管理入手，着力改善城市形\n象、健全城市功能、增进百姓福祉，为\n高质量发展强筋健骨。"
    )
    wider = (
        "　　小区旁的井盖坏了，一个电话打过去，城管部门很快\n就修好了。近日，盛世小区居民张明启对城管部门的办事\n"
        "效率赞不绝口。去年，我市以实践活动为抓手，坚持城建\n为民惠民理念，聚焦人民群众的急难愁盼问题，完善配套\n"
        "设施，不断改善市容市貌，着力提升城市发展软环境，让\n群众真正享受到城市建设带来的实惠。"
    )
    assert _split(f"{paragraph}\n以问题为导向，城市管理更精准\n{wider}") == [
        (PARAGRAPH, paragraph),
        (HEADLINE, "以问题为导向，城市管理更精准"),
        (PARAGRAPH, wider),
    ]


# Parallel phrases (对仗) set one per line are as long as each other: where a
# run of them changes length, the next element of the headline group starts
# (spec §2: a headline set phrase by phrase is one block; a kicker and a
# headline are two).

_STORY_ABOVE = "　　今年以来，我市持续推进民生工程建设，一批\n项目相继建成投用，群众的获得感、幸福感和安全\n感明显增强，城市面貌焕然一新，市民纷纷点赞。\n"
_STORY_BELOW = "　　本报讯（记者王斌）今年以来，市市场监督管\n理局充分发挥牵头作用，有力有序推动公平竞争审\n查制度贯彻实施，为全市经济发展发挥了积极作用。\n"
_ABOVE = "今年以来，我市持续推进民生工程建设，一批项目相继建成投用，群众的获得感、幸福感和安全感明显增强，城市面貌焕然一新，市民纷纷点赞。"
_BELOW = "本报讯（记者王斌）今年以来，市市场监督管理局充分发挥牵头作用，有力有序推动公平竞争审查制度贯彻实施，为全市经济发展发挥了积极作用。"

PARALLEL_PHRASE_CASES = [
    pytest.param(
        _STORY_ABOVE + "砥砺奋进路\n扬帆新征程\n回眸\n2022\n" + _STORY_BELOW,
        [_ABOVE, "砥砺奋进路 扬帆新征程", "回眸 2022", _BELOW],
        id="a-pair-of-five-then-a-label",
    ),
    pytest.param(
        _STORY_ABOVE + "新担当\n新作为\n强化保障\n补齐短板\n我市织密民生保障网绘就幸福新画卷\n" + _STORY_BELOW,
        [_ABOVE, "新担当 新作为", "强化保障 补齐短板", "我市织密民生保障网绘就幸福新画卷", _BELOW],
        id="two-pairs-then-the-headline",
    ),
    pytest.param(
        # unchanged: four phrases of one length are one headline
        _STORY_ABOVE + "学党史\n悟思想\n办实事\n开新局\n" + _STORY_BELOW,
        [_ABOVE, "学党史 悟思想 办实事 开新局", _BELOW],
        id="unchanged-phrases-of-one-length",
    ),
]


@pytest.mark.parametrize("text, expected", PARALLEL_PHRASE_CASES)
def test_parallel_phrases_one_per_line(text, expected):
    from paperclean import clean

    assert clean(text).rstrip("\n").split("\n\n") == expected


HAN_LINE_BREAKS = [
    # each break between two Hanzi, counted by the Hanzi before it
    (["一二", "三四", "五"], (2, 4)),
    (["局领导包联乡镇党委", "考核评比，共3", "项"], (9,)),
    # a mark, a digit or a letter at the joint: no break between two Hanzi
    (["一二，", "三四"], ()),
    (["一二", "“三四”"], ()),
    (["中A", "文"], ()),
    (["abc", "def"], ()),
    # spaces around a line and blank lines do not count
    (["一二 ", "", "  三", "四"], (2, 3)),
    # Hanzi inside a line after a mark are counted
    (["一，二三", "四"], (3,)),
    ([], ()),
]


@pytest.mark.parametrize("lines, expected", HAN_LINE_BREAKS)
def test_han_line_breaks_are_counted_by_the_hanzi_before_them(lines, expected):
    assert han_line_breaks(lines) == expected


# Two headline lines that the extractor put in one box (pdfminer.six writes
# each text box between blank lines): a second line wider than the first is
# no wrap of it (a line wrapped by its measure is no narrower than the next),
# and a line of parallel phrases of one length is a set complete in itself;
# then the box holds two headlines, and so does a headline over an
# interview's subtitle that lost its dash (访 + post + name); a dateline
# (本报讯（…）) always opens a block.  A wrap, a kicker
# ending in a verb of saying, lines of one width and running text stay one
# block (spec §2).

_BOX_ABOVE = "　　今年以来，我市持续推进民生工程建设，一批\n项目相继建成投用，群众的获得感、幸福感和安全\n感明显增强，城市面貌焕然一新，市民纷纷点赞。"
_BOX_BELOW = "　　本报讯（记者王斌）今年以来，市市场监督管\n理局充分发挥牵头作用，有力有序推动公平竞争审\n查制度贯彻实施，为全市经济发展发挥了积极作用。"

TWO_LINE_BOX_CASES = [
    pytest.param(
        "我市城乡供水一体化工程建设全面完工\n全市农村集中供水覆盖率提升至百分之九十八",
        ["我市城乡供水一体化工程建设全面完工", "全市农村集中供水覆盖率提升至百分之九十八"],
        id="a-deck-wider-than-its-headline",
    ),
    pytest.param(
        "守牢底线 排查隐患 压实责任\n我市开展燃气安全专项整治",
        ["守牢底线 排查隐患 压实责任", "我市开展燃气安全专项整治"],
        id="parallel-phrases-then-the-headline",
    ),
    pytest.param(
        "奋力谱写生态强县建设新篇章\n访临河县委书记李国强",
        ["奋力谱写生态强县建设新篇章", "访临河县委书记李国强"],
        id="an-interview-subtitle-without-its-dash",
    ),
    pytest.param(
        "市领导深入一线开展调研走\n访困难职工家庭",
        ["市领导深入一线开展调研走\n访困难职工家庭"],
        id="unchanged-a-wrap-before-访",
    ),
    pytest.param(
        "强化担当 锤炼作风 临河多措并举建强干部队伍\n本报讯（记者王斌）近期，临河县委组织部以党",
        ["强化担当 锤炼作风 临河多措并举建强干部队伍", "本报讯（记者王斌）近期，临河县委组织部以党"],
        id="a-headline-over-a-dateline",
    ),
    pytest.param(
        "全市上下凝心聚力加快推进城乡供水一体化\n工程建设",
        ["全市上下凝心聚力加快推进城乡供水一体化\n工程建设"],
        id="unchanged-a-headline-wrapped-by-its-measure",
    ),
    pytest.param(
        "李明在全市安全生产工作会议上强调\n守牢安全底线筑牢发展根基以更高标准推进各项工作",
        ["李明在全市安全生产工作会议上强调\n守牢安全底线筑牢发展根基以更高标准推进各项工作"],
        id="unchanged-a-kicker-ending-in-a-verb-of-saying",
    ),
    pytest.param(
        "全面推进城乡环境整治\n持续改善群众居住条件",
        ["全面推进城乡环境整治\n持续改善群众居住条件"],
        id="unchanged-lines-of-one-width",
    ),
    pytest.param(
        "新时代 新作为 新篇章\n新担当 新气象",
        ["新时代 新作为 新篇章\n新担当 新气象"],
        id="unchanged-the-parallel-phrases-go-on",
    ),
    pytest.param(
        "衡水市委宣传部相关负责\n人表示，此次颁奖活动旨在",
        ["衡水市委宣传部相关负责\n人表示，此次颁奖活动旨在"],
        id="unchanged-running-text",
    ),
]


@pytest.mark.parametrize("box, expected", TWO_LINE_BOX_CASES)
def test_two_headlines_in_one_box(box, expected):
    from paperclean.document import parse

    doc = split_blocks(parse(f"{_BOX_ABOVE}\n\n{box}\n\n{_BOX_BELOW}"), Config())
    assert [block.text for block in doc.blocks[1:-1]] == expected


# --- a headline and its deck over the story, in one block (spec §2) ---------
# `pdftotext` puts a headline, its deck and the story's first lines in one
# block when their sizes make the lines close.  The deck set wider than its
# headline (a line wrapped by its measure is no narrower than the line after
# it) is a headline of its own when the story starts right under it (a
# dateline or a byline): that line shows the headline group ends there.

_STORY = "本报讯（记者王斌）近日，记者从市财政\n局获悉，该市出台多项扶持措施，助力\n企业纾困发展，激发市场主体活力。"

HEADLINE_PAIR_OVER_STORY_CASES = [
    pytest.param(
        "我市出台多项扶持小微企业发展措施\n小微企业首次贷款可享最高30万元贴息\n" + _STORY,
        ["我市出台多项扶持小微企业发展措施", "小微企业首次贷款可享最高30万元贴息", _STORY],
        id="a-deck-wider-than-its-headline-over-a-dateline",
    ),
    pytest.param(
        "我市出台多项扶持小微企业发展措施\n小微企业首次贷款可享最高30万元贴息\n本报记者 王斌\n" + _STORY,
        ["我市出台多项扶持小微企业发展措施", "小微企业首次贷款可享最高30万元贴息", "本报记者 王斌", _STORY],
        id="a-deck-wider-than-its-headline-over-a-byline",
    ),
    pytest.param(
        # the first line is the wider: one headline wrapped by its measure
        "全市上下凝心聚力加快推进城乡供水一体化\n工程建设\n" + _STORY,
        ["全市上下凝心聚力加快推进城乡供水一体化\n工程建设", _STORY],
        id="unchanged-a-headline-wrapped-by-its-measure",
    ),
    pytest.param(
        # lines of one width: nothing tells a wrap from a deck
        "全面推进城乡环境整治\n持续改善群众居住条件\n" + _STORY,
        ["全面推进城乡环境整治\n持续改善群众居住条件", _STORY],
        id="unchanged-lines-of-one-width",
    ),
]


@pytest.mark.parametrize("text, expected", HEADLINE_PAIR_OVER_STORY_CASES)
def test_headline_pair_over_the_story(text, expected):
    doc = split_blocks(parse(f"{_BOX_ABOVE}\n\n{text}\n\n{_BOX_BELOW}"), Config())
    assert [block.text for block in doc.blocks[1:-1]] == expected


# Without a dateline or byline under them, two lines at a block's top may be
# a paragraph's first lines whose indent the extractor dropped (the second
# is the wider by the indent): they stay one paragraph.
PARAGRAPH_START_CASES = [
    pytest.param(
        "为加快我市科技计划项目管理\n改革市科学技术局探索建立多项新机制\n搭建技术供需双方对接交流平台促进\n成果转化落地见效。",
        ["为加快我市科技计划项目管理改革市科学技术局探索建立多项新机制搭建技术供需双方对接交流平台促进成果转化落地见效。"],
        id="unchanged-a-paragraph-whose-indent-was-dropped",
    ),
]


@pytest.mark.parametrize("text, expected", PARAGRAPH_START_CASES)
def test_paragraph_start_is_no_headline_pair(text, expected):
    from paperclean import clean

    assert clean(f"{text}\n").rstrip("\n").split("\n\n") == expected


# --- a caption box that is a block of its own (spec §5, §7) -------------------
# `pdftotext` sets a photo's caption box apart as a block: its lines are as
# wide as each other (the box's measure), but the line-break rules may leave
# one a character short.  Such a line is no full line of a column above a
# box: the whole block up to the credit is the caption, kept out of the
# sentence that the box interrupted (joined around it, spec §5).

_CAPTION_BOX_LINES = [
    "昨日，市园林局组织志愿者在滨湖公",
    "园开展义务植树活动，栽种银杏、国",
    "槐等树木，为城市增添一抹新绿，志",
    "愿者们分工协作，挖坑、扶苗、填",  # a character short
    "土、浇水，干劲十足。图为志愿者在",
    "公园东侧的绿地上栽种一棵棵小银杏",
    "树，一旁的小学生们在帮忙扶起小树",
    "苗",
]
_CAPTION_BOX_TEXT = "".join(_CAPTION_BOX_LINES)


def test_caption_box_with_a_line_a_character_short():
    from paperclean import clean

    text = (
        "　　今年以来，我市持续推进民生工程建设，一批\n项目相继建成投用，群众的获得感、幸福感和安全\n感明显增强，城市面貌焕然一新，市民纷纷\n\n"
        + "\n".join(_CAPTION_BOX_LINES)
        + "\n王晓东 摄\n\n点赞。各县区也纷纷行动起来。\n"
    )
    assert clean(text).rstrip("\n").split("\n\n") == [
        "今年以来，我市持续推进民生工程建设，一批项目相继建成投用，群众的获得感、幸福感和安全感明显增强，城市面貌焕然一新，市民纷纷点赞。各县区也纷纷行动起来。",
        _CAPTION_BOX_TEXT,
        "王晓东 摄",
    ]


def test_caption_box_narrower_than_the_column_still_found():
    # unchanged: a box two cells narrower than the full lines above it
    column = ["　　今年以来，我市持续推进民生工程建设，一批", "项目相继建成投用，群众的获得感、幸福感和", "安全感明显增强，城市面貌焕然一新，市民纷"]
    box = ["昨日，市园林局组织志愿者在滨湖公园开", "展义务植树活动。图为志愿者在公园东侧", "栽种树苗。"]
    doc = split_blocks(parse("\n".join(column + box + ["王晓东 摄"])), Config())
    assert [(block.kind, block.text) for block in doc.blocks][-2:] == [(CAPTION, "\n".join(box)), (CREDIT, "王晓东 摄")]


# --- a headline after a jump line (spec §2, §5) -------------------------------
# A jump line (`（下转A5版）`) ends its block: nothing after it continues that
# block.  A headline at the top of the next page that is wider than the
# column and holds commas is no paragraph the extractor left unwrapped: it
# stands between the jumped block and a paragraph start (a first line short
# by its indent), so it stays a headline and the paragraph is not glued to it.

_JUMPED = ["今年，城东新区计划实施重点项目建", "设，总投资超过十亿元。其中，滨河", "公园改造提升工程将坑塘水系连通，", "规划了亲水步道、林荫广场和儿童乐", "园等多个功能区，建成后将成为市民"]
_STORY_AFTER_JUMP = ["社区食堂开门迎客，一荤两素只", "要十元……近日，东关社区居民在家", "门口吃上了热乎乎的饭菜，老人们纷", "纷点赞。"]


def test_headline_after_a_jump_line_stays_a_headline():
    from paperclean import clean

    text = "\n".join(_JUMPED) + "\n（下转A5版）\n\n守住群众冷暖，紧盯急难愁盼，办好“家门口”实事\n" + "\n".join(_STORY_AFTER_JUMP) + "\n"
    assert clean(text).rstrip("\n").split("\n\n") == [
        "".join(_JUMPED),
        "守住群众冷暖，紧盯急难愁盼，办好“家门口”实事",
        "".join(_STORY_AFTER_JUMP),
    ]


# --- a headline over a first line that ends in an ellipsis (spec §2) ----------
# Under a headline line of its own, a paragraph's first line short by its
# indent opens the paragraph even when it ends in an ellipsis: an ellipsis
# stands mid-paragraph (``扫码、填表、上传、办结……`` then ``2024年3月，…``).

_ABOVE_SUBHEAD = "全市各部门协同发力，城市面貌焕然一新。"

SUBHEAD_OVER_ELLIPSIS_CASES = [
    pytest.param(
        ["数字化赋能提速，城市服务更贴心", "扫码、填表、上传、办结……", "2024年3月，市政务服务中心上线", "“一网通办”平台，群众办事不再来回", "跑腿，满意度大幅提升。"],
        [
            "数字化赋能提速，城市服务更贴心",
            "扫码、填表、上传、办结……2024年3月，市政务服务中心上线“一网通办”平台，群众办事不再来回跑腿，满意度大幅提升。",
        ],
        id="headline-over-a-first-line-ending-in-an-ellipsis",
    ),
    pytest.param(
        # unchanged: an indented first line is no headline; the short line
        # under it that ends in an ellipsis ends the paragraph, as before
        ["　　走进城东新区，处处可见忙碌的", "身影：扫码、填表、上传……", "2024年3月，市政务服务中心上线", "“一网通办”平台，群众办事不再来回", "跑腿，满意度大幅提升。"],
        ["走进城东新区，处处可见忙碌的身影：扫码、填表、上传……", "2024年3月，市政务服务中心上线“一网通办”平台，群众办事不再来回跑腿，满意度大幅提升。"],
        id="unchanged-an-indented-first-line",
    ),
]


@pytest.mark.parametrize("lines, expected", SUBHEAD_OVER_ELLIPSIS_CASES)
def test_headline_over_a_first_line_ending_in_an_ellipsis(lines, expected):
    from paperclean import clean

    text = _ABOVE_SUBHEAD + "\n\n" + "\n".join(lines) + "\n"
    assert clean(text).rstrip("\n").split("\n\n") == [_ABOVE_SUBHEAD, *expected]


# --- an interview's deck, and a subhead over a quotation (spec §2) ------------
# A headline and the deck of its interview (`访…` whom, by office and name)
# on consecutive lines are two headlines; a subhead over a paragraph whose
# first line opens with a curly quote (set a cell wider than counted) and
# lost its indent is a block of its own.

_ABOVE_END = "市委常委会召开会议，研究部署近期工作。"

HEADLINE_OVER_DECK_CASES = [
    pytest.param(
        # pdftotext: the reporter's title in the block, the name in the next
        _ABOVE_END + "\n\n谱写生态湖城建设新篇章\n访市科技局局长李明\n本报记者\n\n王斌\n\n"
        "　　今年以来，市科技局坚持创新驱动，全力推进项目建设。\n",
        [_ABOVE_END, "谱写生态湖城建设新篇章", "访市科技局局长李明", "本报记者 王斌", "今年以来，市科技局坚持创新驱动，全力推进项目建设。"],
        id="interview-deck-under-its-headline",
    ),
    pytest.param(
        _ABOVE_END + "\n\n坚定不移走生态优先之路\n专访县委书记赵刚\n本报记者 王斌\n"
        "　　今年以来，该县坚持生态立县，全力\n推进湖城建设，一批重点项目相继开工。\n",
        [_ABOVE_END, "坚定不移走生态优先之路", "专访县委书记赵刚", "本报记者 王斌", "今年以来，该县坚持生态立县，全力推进湖城建设，一批重点项目相继开工。"],
        id="interview-deck-then-byline-and-story-in-one-block",
    ),
    pytest.param(
        # unchanged: running text wrapped to put 访 at a line start
        "　　近日，本报记者走\n访市科技局局长李明\n时了解到，该局今年\n共立项科技计划项目\n四十余项。\n",
        ["近日，本报记者走访市科技局局长李明时了解到，该局今年共立项科技计划项目四十余项。"],
        id="unchanged-visit-in-running-text",
    ),
    pytest.param(
        # the subhead's paragraph opens with a quotation and lost its indent
        "　　今年以来，该县持续推进民生工程建设，一批\n项目相继建成投用，群众获得感明显增强。\n\n"
        "就业服务再升级，群众满意度更高\n“我们村去年新办了30多家小作\n坊，在家门口就能找到工作，收入也比\n"
        "以前高多了。”村民李大姐笑着说。今\n年以来，全县新建就业服务站二十个，\n帮助三千多名群众实现家门口就业。\n",
        [
            "今年以来，该县持续推进民生工程建设，一批项目相继建成投用，群众获得感明显增强。",
            "就业服务再升级，群众满意度更高",
            "“我们村去年新办了30多家小作坊，在家门口就能找到工作，收入也比以前高多了。”村民李大姐笑着说。"
            "今年以来，全县新建就业服务站二十个，帮助三千多名群众实现家门口就业。",
        ],
        id="subhead-over-a-quotation-that-lost-its-indent",
    ),
]


@pytest.mark.parametrize("text, expected", HEADLINE_OVER_DECK_CASES)
def test_headline_over_a_deck_or_a_quotation(text, expected):
    from paperclean import clean

    assert clean(text).rstrip("\n").split("\n\n") == expected


def test_interleaved_columns_with_a_box_of_several_lines():
    # pdfminer.six put three lines of the first column in one box, and the
    # lines of the second column beside them in boxes of their own: the
    # boxes come in the order of their top rows, so the second column's next
    # three lines follow the tall box before the first column goes on (it
    # once went on with the second column's third line)
    column_1 = ["　　入冬以来，全市各地积极", "开展文化进万家活动。", "　　近日，市文旅局组织开展", "了冬季文化惠民演出季活动，", "各县市区文艺院团走进乡村、", "社区和学校，送上戏曲、歌舞", "和曲艺等节目，现场观众累计", "超过两万人次。"]
    column_2 = ["　　记者从市文旅局获悉，今", "年已举办各类演出六十场。", "　　据介绍，本次演出季将持", "续到明年二月底，期间还将举", "办非遗展示、书画展览和读书", "分享会等活动，进一步丰富群", "众的精神文化生活，营造欢乐", "祥和的节日氛围。"]
    rows = [line for row in zip(column_1[:4], column_2[:4]) for line in row]
    boxes = rows + ["\n".join(column_1[4:7]), *column_2[4:7], column_1[7], column_2[7]]
    from paperclean import clean

    assert clean("\n\n".join(boxes) + "\n").rstrip("\n").split("\n\n") == [
        "入冬以来，全市各地积极开展文化进万家活动。",
        "近日，市文旅局组织开展了冬季文化惠民演出季活动，各县市区文艺院团走进乡村、社区和学校，送上戏曲、歌舞和曲艺等节目，现场观众累计超过两万人次。",
        "记者从市文旅局获悉，今年已举办各类演出六十场。",
        "据介绍，本次演出季将持续到明年二月底，期间还将举办非遗展示、书画展览和读书分享会等活动，进一步丰富群众的精神文化生活，营造欢乐祥和的节日氛围。",
    ]


def test_interleaved_boxes_of_two_lines_and_a_column_that_ends_early():
    # boxes of two lines each, row by row; the second column is two lines
    # shorter, so its last box holds one line: that box does not leave its
    # column a row free, and the first column's last line follows it
    column_1 = ["　　入冬以来，市农业农村局", "组织农技人员深入田间地头，", "指导农户做好小麦越冬管理，", "及时浇灌越冬水，防止冻害发", "生。同时，各地还组织开展了", "设施农业生产技术培训，帮助", "农户增收。"]
    column_2 = ["　　据统计，全市今年已累计", "开展各类培训三百余场次，培", "训农民一万两千余人，发放技", "术资料三万余份，受到广大农", "民的欢迎。"]
    pairs = lambda lines: ["\n".join(lines[i : i + 2]) for i in range(0, len(lines), 2)]
    first, second = pairs(column_1), pairs(column_2)
    boxes = [first[0], second[0], first[1], second[1], first[2], second[2], first[3]]
    from paperclean import clean

    assert clean("\n\n".join(boxes) + "\n").rstrip("\n").split("\n\n") == [
        "入冬以来，市农业农村局组织农技人员深入田间地头，指导农户做好小麦越冬管理，及时浇灌越冬水，防止冻害发生。同时，各地还组织开展了设施农业生产技术培训，帮助农户增收。",
        "据统计，全市今年已累计开展各类培训三百余场次，培训农民一万两千余人，发放技术资料三万余份，受到广大农民的欢迎。",
    ]


def test_a_caption_box_of_its_own_measure_over_its_credit_in_the_next_box():
    # pdfminer.six writes a photo box's caption and its credit as two boxes
    # in the middle of a sentence cut by the column's end; the caption's
    # lines are wider than the column (a box of its own measure): they are
    # one caption, not headlines across the columns, and the sentence is
    # joined around it
    before = ["　　近日，记者从市文化广电和旅", "游局获悉，今年以来，我市持续推", "进公共文化服务体系建设，新建改", "造乡镇综合文化站四十余个，村级", "综合性文化服务中心实现全覆盖，", "群众文化生活更加丰富多彩。"]
    paragraph = ["　　入冬以来，我市各地积极开展", "送文化下乡活动，组织文艺院团走", "进村庄、社区和学校，为群众送上", "戏曲、歌舞等节目。据统计，全市", "已举办各类演出一百二十余场，观", "众累计超过五万人次，受到群众的"]
    caption = ["文艺志愿者们近日在村里的文化广场上为", "村民表演自编自演的文艺节目，现场的气", "氛热烈。"]
    rest = ["广泛好评。", "　　下一步，我市还将组织开展非", "遗展示和书画展览等活动，进一步", "丰富群众的精神文化生活。"]
    boxes = ["\n".join(before), "\n".join(paragraph), "\n".join(caption), "本报记者 王明 摄", "\n".join(rest)]
    from paperclean import clean

    assert clean("\n\n".join(boxes) + "\n").rstrip("\n").split("\n\n") == [
        "近日，记者从市文化广电和旅游局获悉，今年以来，我市持续推进公共文化服务体系建设，新建改造乡镇综合文化站四十余个，村级综合性文化服务中心实现全覆盖，群众文化生活更加丰富多彩。",
        "入冬以来，我市各地积极开展送文化下乡活动，组织文艺院团走进村庄、社区和学校，为群众送上戏曲、歌舞等节目。据统计，全市已举办各类演出一百二十余场，观众累计超过五万人次，受到群众的广泛好评。",
        "文艺志愿者们近日在村里的文化广场上为村民表演自编自演的文艺节目，现场的气氛热烈。",
        "本报记者 王明 摄",
        "下一步，我市还将组织开展非遗展示和书画展览等活动，进一步丰富群众的精神文化生活。",
    ]


def test_a_photo_box_at_the_top_of_the_second_interleaved_column():
    # a photo box at the top of the second column: pdfminer.six writes the
    # first column's lines beside it alone, then the caption and the credit,
    # then the rows of both columns under the box.  The box stands where the
    # first column turns to the second, so the caption goes after the
    # paragraph that runs across that turn, not between the paragraphs of
    # the lone lines
    column_1 = [
        "　　近日，市住建局组织开展", "老旧小区改造工程质量检查，", "对全市在建的二十个项目逐一", "进行实地查看，重点检查管网",
        "铺设、外墙保温和道路硬化等", "工程的施工质量和安全措施。", "　　检查中，对发现的问题，", "检查组现场提出整改意见，要",
        "求施工单位限期整改到位，确", "保工程质量和进度。对整改不", "力的单位，将依法依规严肃处", "理。市住建局有关负责人表示",
    ]
    column_2 = ["，下一步将建立长效管理机制", "，巩固改造成果，让居民住得", "更加舒心。", "　　据了解，今年全市计划改", "造老旧小区六十个，目前已完", "成投资九亿余元。"]
    caption = "图为检查组工作人员在小区内查看新铺\n设的雨污管网。"
    rows = [line for row in zip(column_1[6:], column_2) for line in row]
    boxes = column_1[:6] + [caption, "本报记者 王明 摄"] + rows
    from paperclean import clean

    assert clean("\n\n".join(boxes) + "\n").rstrip("\n").split("\n\n") == [
        "近日，市住建局组织开展老旧小区改造工程质量检查，对全市在建的二十个项目逐一进行实地查看，重点检查管网铺设、外墙保温和道路硬化等工程的施工质量和安全措施。",
        "检查中，对发现的问题，检查组现场提出整改意见，要求施工单位限期整改到位，确保工程质量和进度。对整改不力的单位，将依法依规严肃处理。市住建局有关负责人表示，下一步将建立长效管理机制，巩固改造成果，让居民住得更加舒心。",
        "图为检查组工作人员在小区内查看新铺设的雨污管网。",
        "本报记者 王明 摄",
        "据了解，今年全市计划改造老旧小区六十个，目前已完成投资九亿余元。",
    ]


# --- paragraph starts told by widths, whatever the extractor kept (spec §2) ----
# Measured against the benchmark's extractions, the counted width of a line
# (Hanzi two cells, digits one, curly quotes two) matches its printed width
# within a cell: a line short by an indent is a paragraph's first line, a
# line spread apart by justification fills its column.

LINE_START_CASES = [
    pytest.param(
        # the extractor kept a paragraph's first line (short by the indent it
        # dropped) with the paragraph above and broke the text after it, at
        # the column's end: the line is no headline, and it goes on
        "今年以来，我市持续推进民生工程建\n设，一批项目相继建成投用，群众的\n获得感和幸福感明显增强。\n城市更新改造提升工作取得积极\n\n"
        "进展，老旧小区改造全面铺开，今年\n计划再改造一百个小区，惠及居民两\n万余户。\n",
        [
            "今年以来，我市持续推进民生工程建设，一批项目相继建成投用，群众的获得感和幸福感明显增强。",
            "城市更新改造提升工作取得积极进展，老旧小区改造全面铺开，今年计划再改造一百个小区，惠及居民两万余户。",
        ],
        id="first-line-cut-off-by-a-column-break",
    ),
    pytest.param(
        # unchanged: a headline set apart from the paragraph above it
        "今年以来，我市持续推进民生工程建\n设，一批项目相继建成投用，群众的\n获得感和幸福感明显增强。\n\n城市更新改造提升工作成效明显\n\n"
        "老旧小区改造全面铺开，今年计划再\n改造一百个小区，惠及居民两万余户\n，群众纷纷点赞。\n",
        [
            "今年以来，我市持续推进民生工程建设，一批项目相继建成投用，群众的获得感和幸福感明显增强。",
            "城市更新改造提升工作成效明显",
            "老旧小区改造全面铺开，今年计划再改造一百个小区，惠及居民两万余户，群众纷纷点赞。",
        ],
        id="unchanged-headline-set-apart",
    ),
    pytest.param(
        # under a headline, the story's first line ends a sentence and is
        # short by just the indent the extractor dropped: the story goes on
        "今年以来，我市持续推进民生工程\n建设，一批项目相继建成投用，群\n众的获得感和幸福感明显增强。\n\n城东新区让居民温暖舒心过冬\n"
        "“今年冬天家里可暖和了。”\n家住东关社区的李大爷笑着说，今\n年小区完成了供热改造，室温比往\n年高了好几度。\n",
        [
            "今年以来，我市持续推进民生工程建设，一批项目相继建成投用，群众的获得感和幸福感明显增强。",
            "城东新区让居民温暖舒心过冬",
            "“今年冬天家里可暖和了。”家住东关社区的李大爷笑着说，今年小区完成了供热改造，室温比往年高了好几度。",
        ],
        id="first-line-ending-a-sentence-under-a-headline",
    ),
    pytest.param(
        # unchanged: a line that fills the column is no headline, and the
        # line under it that ends a sentence is its paragraph's last
        "今年以来，我市持续推进民生工程\n建设，群众的获得感明显增强。\n\n“垃圾分类宣传季”活动，发放垃\n圾分类宣传手册及明白纸4万。\n"
        "城市管理服务再升级，百姓幸福感\n愈来愈强，城市面貌焕然一新，老\n城区的街巷干净整洁，新城区的道\n路宽阔通畅，公园绿地遍布各个社\n区，发生着翻天覆地的变化。\n",
        [
            "今年以来，我市持续推进民生工程建设，群众的获得感明显增强。",
            "“垃圾分类宣传季”活动，发放垃圾分类宣传手册及明白纸4万。"
            "城市管理服务再升级，百姓幸福感愈来愈强，城市面貌焕然一新，老城区的街巷干净整洁，新城区的道路宽阔通畅，公园绿地遍布各个社区，发生着翻天覆地的变化。",
        ],
        id="unchanged-last-line-under-a-full-line",
    ),
    pytest.param(
        # a line of running text that justification spread apart (lone
        # characters between spaces, and it fills the column) after a full
        # line that ends a sentence: no headline's phrases, no paragraph end
        "同时，市县两级通过桌面推\n演、实战模拟等形式强化演\n练，做到全流程、全要素、\n全方位的实战化练兵演习。\n"
        "全 年累 计组织 演 练4 0余场\n次，参加演练两千余人次，\n切实做到提升能力。\n",
        [
            "同时，市县两级通过桌面推演、实战模拟等形式强化演练，做到全流程、全要素、全方位的实战化练兵演习。"
            "全年累计组织演练40余场次，参加演练两千余人次，切实做到提升能力。",
        ],
        id="spread-line-after-a-full-sentence-end",
    ),
    pytest.param(
        # unchanged: a headline's phrases after a sentence end, short of the column
        "同时，市县两级通过桌面推\n演、实战模拟等形式强化演\n练，做到全流程、全要素、\n全方位的实战化练兵演习。\n"
        "排查到位 维护周到\n　　记者从市住建局获悉，\n全市已完成改造任务的九\n成以上。\n",
        [
            "同时，市县两级通过桌面推演、实战模拟等形式强化演练，做到全流程、全要素、全方位的实战化练兵演习。",
            "排查到位 维护周到",
            "记者从市住建局获悉，全市已完成改造任务的九成以上。",
        ],
        id="unchanged-headline-phrases-after-a-sentence-end",
    ),
    pytest.param(
        # a paragraph's first line spread apart by justification, written as
        # a block of its own, and its rest opening with one character and a
        # comma: one paragraph
        "　　今年以来，我市持续推进民生工程建\n设，一批项目相继建成投用，群众的获\n得感和幸福感明显增强，城市面貌焕然\n一新。\n\n"
        "“我们小区 2 0 来 年没有集 中供 暖\n\n"
        "了，这里住的大多是老年人，一到冬天\n就特别冷，好多住户都搬走了。”家住城\n东的李大爷说。\n",
        [
            "今年以来，我市持续推进民生工程建设，一批项目相继建成投用，群众的获得感和幸福感明显增强，城市面貌焕然一新。",
            "“我们小区20来年没有集中供暖了，这里住的大多是老年人，一到冬天就特别冷，好多住户都搬走了。”家住城东的李大爷说。",
        ],
        id="spread-first-line-of-its-own",
    ),
    pytest.param(
        # unchanged: a headline that mixes words and lone characters, over a
        # paragraph that opens a sentence, keeps its spaces (spec §3)
        "　　今年以来，我市持续推进民生工程建\n设，一批项目相继建成投用，群众的获\n得感和幸福感明显增强，城市面貌焕然\n一新。\n\n"
        "党建引领 聚 力 攻 坚 谱写发展新篇\n\n"
        "今年以来，我市持续推进民生工程建设\n，一批项目相继建成投用，群众的获得\n感和幸福感明显增强。\n",
        [
            "今年以来，我市持续推进民生工程建设，一批项目相继建成投用，群众的获得感和幸福感明显增强，城市面貌焕然一新。",
            "党建引领 聚 力 攻 坚 谱写发展新篇",
            "今年以来，我市持续推进民生工程建设，一批项目相继建成投用，群众的获得感和幸福感明显增强。",
        ],
        id="unchanged-headline-with-lone-characters",
    ),
]


@pytest.mark.parametrize("text, expected", LINE_START_CASES)
def test_paragraph_starts_told_by_widths(text, expected):
    from paperclean import clean

    assert clean(text).rstrip("\n").split("\n\n") == expected
