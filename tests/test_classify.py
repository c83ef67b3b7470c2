"""Block classification (classify.py): what kind each block is.

Every case is written by hand from spec §2, §3, §5 and §7 with text of my own
in the style of a Chinese city newspaper; none is taken from the seeds.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paperclean.classify import classify, classify_text, is_headline_text
from paperclean.document import (
    BYLINE,
    CAPTION,
    CREDIT,
    ELLIPSIS,
    FURNITURE,
    HEADING,
    MARKUP,
    HEADLINE,
    JUMP,
    PARAGRAPH,
    SUBTITLE,
    TABLE,
    Block,
)
from strategies import headline_line, running_text

KINDS = {PARAGRAPH, HEADLINE, SUBTITLE, BYLINE, CAPTION, CREDIT, TABLE, HEADING, MARKUP, ELLIPSIS, FURNITURE, JUMP}

PARAGRAPH_CASES = [
    "近日，记者走进城东新区智慧社区服务中心，看到不少居民正在自助终端前办理业务。",
    # wrapped over several lines, as the extraction wrote it
    "今年以来，市交通运输局围绕群众出行难题，\n新开通城乡公交线路12条，优化调整线路8\n条，惠及沿线群众20余万人。",
    # a short sentence is still a paragraph: it ends a sentence
    "会议由副市长刘建国主持。",
    "他说：“这下可方便多了！”",
    # ends in a mark that continues the sentence: cut by a column break
    "近年来，我市坚持以人民为中心的发展思想，",
    "全市共排查各类安全隐患3200余处、",
    # starts with what cannot start a sentence: the second half of a cut sentence
    "，完成投资4.6亿元，惠及群众12万人",
    "）的通知精神，各县市区迅速行动",
    # datelines open a paragraph (spec §3, §7)
    "本报讯（记者刘晓宁）连日来，市农业农村局组织技术人员深入田间地头，指导农户做好春耕备播。",
    "本报讯（记者刘晓宁 通讯员李倩）近日，市图书馆新馆正式对外开放，馆藏图书达120万册。",
    "新华社北京3月5日电 十四届全国人大一次会议5日上午在人民大会堂开幕。",
    # a long block without a sentence end is not a headline (the spec does not
    # say how short a headline is; this one is far longer than any headline)
    "在市区各主要路口设置交通安全宣传点，发放宣传资料2万余份，组织志愿者开展文明劝导，引导市民自觉遵守交通规则，营造文明出行的良好氛围",
]

HEADLINE_CASES = [
    "老旧小区改造惠及万余户居民",
    "春耕生产有序推进",
    # phrase spaces (spec §2, §3)
    "建好一条路 带富一方人",
    "守护绿水青山 建设美丽家园",
    # a headline may contain commas (spec §2)
    "坚持项目为王，全力推动县域经济高质量发展",
    # kickers
    "深入学习贯彻党的二十大精神",
    "奋进新征程 建功新时代",
    # a headline over two short lines
    "织密安全防护网\n守护群众平安路",
    # with quotes and a number
    "我市“放管服”改革再提速",
    "全市新建5G基站1200个",
    # a section label that belongs to an article (spec §2)
    "城市更新进行时",
]

SUBTITLE_CASES = [
    "——记市人民医院急诊科护士长李秀芳",
    "——我市推进城市更新工作综述",
    "—— 来自乡村振兴一线的报道",
]

BYLINE_CASES = [
    "本报记者 王晓东",
    "本报记者 王晓东 通讯员 李倩",
    "本报记者 王晓东 刘晓宁",
    "河北日报记者 张建华",
    "通讯员 李倩",
    "刘志刚 孙丽娜",
    "赵立新 王倩 孙丽娜",
]

CAPTION_CASES = [
    "图为市民在新建成的口袋公园内休闲健身。",
    "图为3月12日，志愿者在滨湖公园参加义务植树活动。",
    "图①：工人在生产线上加紧赶制订单。",
    "图②:技术人员在实验室内检测土壤样品。",
    "图③：城东新区智慧社区服务中心一角",
    "上图：改造后的老旧小区焕然一新。",
    "图1：新建成的城市书房",
    # a caption with its credit on the same line stays a caption
    "图为新建成的口袋公园。王晓东 摄",
]

CREDIT_CASES = [
    "王晓东 摄",
    "王晓东摄",
    "本报记者 王晓东 摄",
    "通讯员 李倩摄",
    "河北日报通讯员 赵立新摄",
    "新华社记者 李响 摄",
    "本组图片由本报记者 赵磊摄",
    "本组图片由河北日报记者 赵磊 通讯员 李倩摄",
]

TABLE_CASES = [
    "项目\t金额\t进度\n道路改造\t1200万元\t80%\n管网铺设\t560万元\t65%",
    # trailing tabs and empty cells, as extractors write them
    "序号\t单位\t得分\t\n1\t城东街道\t96.5\t\n2\t\t95.0\t",
    # a single row
    "合计\t1760万元\t",
    # a table whose cells hold sentence ends and commas is still a table
    "名称\t说明\n红榜\t环境整洁，管理规范。\n黑榜\t垃圾乱堆，整改不力。",
]

HEADING_CASES = [
    "# 民生实事",
    "## 一、总体要求",
    "### 三、保障措施",
    "### 守护绿水青山 建设美丽家园",
]

MARKUP_CASES = [
    "![](images/3f2a9c.jpg)",
    "![图1 新建的湿地公园](images/p3_1.png)",
    "![](a.jpg) ![](b.jpg)",
    "<table><tr><td>项目</td><td>投资</td></tr></table>",
    '<img src="images/p3.jpg" alt="湿地公园">',
    "$$E = mc^2$$",
]

#: Text that only mentions markup is text.
NOT_MARKUP_CASES = [
    "!重要提示：本周六停水",
    "<<关于加强管理的通知>>已印发",
    "$100万美元的投资已到位",
    "![](a.jpg) 图为新建的湿地公园",
]

ELLIPSIS_CASES = ["……", "…", "。。。", "...", "  ……  "]


def _table(kind, cases):
    return [pytest.param(text, kind, id=f"{kind}-{number}") for number, text in enumerate(cases)]


CASES = (
    _table(PARAGRAPH, PARAGRAPH_CASES)
    + _table(HEADLINE, HEADLINE_CASES)
    + _table(SUBTITLE, SUBTITLE_CASES)
    + _table(BYLINE, BYLINE_CASES)
    + _table(CAPTION, CAPTION_CASES)
    + _table(CREDIT, CREDIT_CASES)
    + _table(TABLE, TABLE_CASES)
    + _table(HEADING, HEADING_CASES)
    + _table(MARKUP, MARKUP_CASES)
    + _table(ELLIPSIS, ELLIPSIS_CASES)
)


@pytest.mark.parametrize("text, kind", CASES)
def test_classify_text(text, kind):
    assert classify_text(text) == kind


@pytest.mark.parametrize("text", NOT_MARKUP_CASES)
def test_text_that_mentions_markup_is_not_markup(text):
    assert classify_text(text) != MARKUP


# Cases that were gaps once (kept as regressions), and gaps still open (xfail).
KNOWN_GAPS = [
    pytest.param(
        "本报讯（记者刘晓宁）近日，市图书馆新馆",
        PARAGRAPH,
        id="cut-dateline",
    ),
    pytest.param(
        "本报通讯员 赵立新",
        BYLINE,
        id="byline-benbao-tongxunyuan",
    ),
    pytest.param(
        "稳就业 保民生 促发展",
        HEADLINE,
        marks=pytest.mark.xfail(
            strict=True,
            reason="a headline of three-character phrases matches NAMES_RE and is classified as a byline",
        ),
        id="headline-of-short-phrases",
    ),
    pytest.param(
        "小记者走进电视台体验新闻拍摄",
        HEADLINE,
        id="headline-ending-in-paishe",
    ),
]


@pytest.mark.parametrize("text, kind", KNOWN_GAPS)
def test_classify_text_known_gaps(text, kind):
    assert classify_text(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "会议由副市长刘建国主持。",  # ends a sentence
        "近年来，我市坚持以人民为中心的发展思想，",  # ends in a continuing mark
        "，完成投资4.6亿元",  # starts with one
        "各地要抓好春季田间管理。要加强",  # holds a sentence end
    ],
)
def test_is_headline_text_rejects_running_text(text):
    assert not is_headline_text(text)


@pytest.mark.parametrize("text", ["春耕生产有序推进", "建好一条路 带富一方人", "坚持项目为王，全力推动县域经济高质量发展"])
def test_is_headline_text_accepts_headlines(text):
    assert is_headline_text(text)


@pytest.mark.parametrize("kind", [JUMP, FURNITURE])
def test_classify_keeps_kinds_set_by_earlier_steps(kind):
    block = Block("会议由副市长刘建国主持。", kind)
    assert classify(block) == kind
    assert block.kind == kind


def test_classify_sets_the_kind_on_the_block():
    block = Block("图为市民在新建成的口袋公园内休闲健身。")
    assert classify(block) == CAPTION
    assert block.kind == CAPTION
    assert block.text == "图为市民在新建成的口袋公园内休闲健身。"


@pytest.mark.parametrize("text", ["", " ", "\n", "\t"])
def test_classify_text_on_empty_and_blank(text):
    assert classify_text(text) in KINDS


@given(st.one_of(st.text(), running_text, headline_line))
def test_classify_text_never_raises_and_returns_a_kind(text):
    assert classify_text(text) in KINDS


def test_a_headline_ending_in_a_paired_straight_quote_is_a_headline():
    # The extraction left straight quotes: the last one closes a pair, it does
    # not open a quotation that goes on in the next block.
    assert classify_text('彭晓明强调 锚定目标 努力实现"二季度好于一季度"确保实现"双过半"') == HEADLINE
    assert classify_text('他强调要实现"二季度好于一季度') == HEADLINE
    assert classify_text('市委书记强调，要实现"') != HEADLINE
