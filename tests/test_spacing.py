"""Spaces (spec §3): space_running_text, space_phrases and the steps
normalize_spaces and close_letter_spacing.

Expected outputs are written by hand from the spec's rules and examples.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paperclean.chardata import content_chars
from paperclean.classify import classify_text, is_headline_text
from paperclean.document import (
    BYLINE,
    CAPTION,
    CREDIT,
    ELLIPSIS,
    HEADING,
    HEADLINE,
    PARAGRAPH,
    SUBTITLE,
    TABLE,
    Block,
    Document,
)
from paperclean.spacing import (
    close_letter_spacing,
    normalize_spaces,
    space_phrases,
    space_running_text,
)
from strategies import HANZI, headline_line, running_text

RUNNING_TEXT_CASES = [
    # --- must come out unchanged ---
    ("", ""),
    ("截至目前，1030名驻村安全员和4000余名安全协管员。", "截至目前，1030名驻村安全员和4000余名安全协管员。"),
    ("涉VOCs企业", "涉VOCs企业"),  # no space is added next to a Latin word
    ("民生工程 and 民生实事", "民生工程 and 民生实事"),
    ("涉 VOCs 企业", "涉 VOCs 企业"),
    ("a list of 2 3 numbers", "a list of 2 3 numbers"),
    ("in the year 2021 and 2022", "in the year 2021 and 2022"),
    ("全市1.56万户，7.92万元，17:00开始，www.hsrb.com.cn网站", "全市1.56万户，7.92万元，17:00开始，www.hsrb.com.cn网站"),
    ("思想-新时代，2017-2020年", "思想-新时代，2017-2020年"),
    ("新华社北京12月2日电 12月2日，国家主席习近平在北京。", "新华社北京12月2日电 12月2日，国家主席习近平在北京。"),
    ("本报北京1月18日电 记者从有关部门获悉。", "本报北京1月18日电 记者从有关部门获悉。"),
    ("本报讯（记者张月亭）入冬以来，", "本报讯（记者张月亭）入冬以来，"),
    ("本报讯（记者李辉 通讯员亓雨）日前，", "本报讯（记者李辉 通讯员亓雨）日前，"),
    ("本报记者昨日致电有关部门了解情况。", "本报记者昨日致电有关部门了解情况。"),  # not a wire dateline
    # --- a space touching CJK, CJK punctuation, or a digit next to CJK goes ---
    ("截至目前， 1030 名驻村安全员", "截至目前，1030名驻村安全员"),
    ("“快 7”路城市公交", "“快7”路城市公交"),
    ("我 市以项目建设补齐短板", "我市以项目建设补齐短板"),
    ("全市 1.56万“电代煤”用户", "全市1.56万“电代煤”用户"),
    ("选出 2021年 20项", "选出2021年20项"),
    ("累计检测 915.0564 万人次", "累计检测915.0564万人次"),
    ("跃升计划 （2019-2025年）", "跃升计划（2019-2025年）"),
    ("制订了 《衡水市》", "制订了《衡水市》"),
    ("表态。 会议指出", "表态。会议指出"),
    ("（记者焦磊） PM2.5", "（记者焦磊）PM2.5"),
    ("思想 -新时代", "思想-新时代"),
    ("“民生难题” 30件", "“民生难题”30件"),  # a digit next to CJK
    ("第1 “快”字", "第1“快”字"),
    ("“好” ,他说", "“好”,他说"),  # quotes and dashes: judged by the other neighbour
    ("一一— ,一", "一一—,一"),
    ("使用 “Python” 语言", "使用“Python”语言"),
    ("入冬\t以来", "入冬以来"),
    ("  入冬以来  ", "入冬以来"),
    # --- Hanzi and a Latin word: a run of spaces becomes one; none next to CJK punctuation ---
    ("民生工程   and  民生实事", "民生工程 and 民生实事"),
    ("涉   VOCs   企业", "涉 VOCs 企业"),
    ("使用 Python ，效果更好", "使用 Python，效果更好"),
    # --- Latin words and numbers keep one space ---
    ("the  GDP   of 2021", "the GDP of 2021"),
    ("他引用了 “Python is” 一句", "他引用了“Python is”一句"),
    ("版本 “3.1 beta” 发布", "版本“3.1 beta”发布"),
    ("GDP 30万元", "GDP 30万元"),
    ("增长 3.5 %", "增长3.5%"),
    ("“民生难题” 30 件", "“民生难题”30件"),
    # --- single digits and Hanzi spread apart by justification ---
    ("2 0 2 1 年", "2021年"),
    ("赞 不 绝 口。", "赞不绝口。"),
    ("赞 不 绝 口。 2 0 2 1 年", "赞不绝口。2021年"),
    ("共 3 5 人参加", "共35人参加"),
    ("第 1 2 名。", "第12名。"),
    ("比例由6 9 . 3%提高", "比例由69.3%提高"),
    ("比例由6 9 . 3 %提高", "比例由69.3%提高"),
    ("全市1. 5 6万户", "全市1.56万户"),
    ("全市1.56万户", "全市1.56万户"),
    # --- datelines ---
    ("本报讯 （记者张月亭） 入冬以来", "本报讯（记者张月亭）入冬以来"),
    ("本报讯 （记者李辉 通讯员亓雨）日前", "本报讯（记者李辉 通讯员亓雨）日前"),
    ("河北日报讯（记者焦磊  通讯员李彦芬）新春伊始", "河北日报讯（记者焦磊 通讯员李彦芬）新春伊始"),
    ("新华社北京12月2日电   12月2日，国家主席", "新华社北京12月2日电 12月2日，国家主席"),
    # a dateline inside a paragraph keeps the space between its names
    ("会议 召开。 （记者焦磊 通讯员李彦芬）", "会议召开。（记者焦磊 通讯员李彦芬）"),
    # pdfminer spreads a justified dateline: a lone Hanzi is no name
    ("本报讯（记 者 张 月 亭）入冬以来", "本报讯（记者张月亭）入冬以来"),
    ("本报讯（记 者 张向 南）十三五期间", "本报讯（记者张向南）十三五期间"),
    ("本报讯（记者 张 月亭）入冬以来", "本报讯（记者张月亭）入冬以来"),
    ("本报讯（范慧乔 纪京京）近期", "本报讯（范慧乔 纪京京）近期"),
    # OCR spreads every character: digits after a quote mark are Chinese text too
    ("建成“暖心驿站” 1 2 6个", "建成“暖心驿站”126个"),
    ('建成"暖心驿站" 1 2 6个', '建成"暖心驿站"126个'),
    # --- must come out unchanged: a quoted Latin phrase and its numbers ---
    ('see "a b" 2 3 4', 'see "a b" 2 3 4'),
]


@pytest.mark.parametrize("text, expected", RUNNING_TEXT_CASES)
def test_space_running_text(text, expected):
    assert space_running_text(text) == expected
    assert space_running_text(expected) == expected  # a second pass changes nothing


PHRASE_CASES = [
    # --- must come out unchanged ---
    ("", ""),
    ("排查到位 维护周到 处理及时", "排查到位 维护周到 处理及时"),
    ("增进福祉 补齐短板", "增进福祉 补齐短板"),
    ("河北日报记者 陈凤来 通讯员 田静云", "河北日报记者 陈凤来 通讯员 田静云"),
    ("袁占林 摄", "袁占林 摄"),  # credits keep the space before 摄
    ("坚持问题导向，统筹兼顾，高质量建设民生工程", "坚持问题导向，统筹兼顾，高质量建设民生工程"),
    ("盘 点 2021", "盘 点 2021"),  # letter-spacing is close_letter_spacing's job
    ("2021 GDP 增长", "2021 GDP 增长"),
    ("### 全民创建，人人都当“分内事儿”", "### 全民创建，人人都当“分内事儿”"),
    # --- one space between phrases ---
    ("增进福祉   补齐短板", "增进福祉 补齐短板"),
    (" 学党史 悟思想 办实事 开新局 ", "学党史 悟思想 办实事 开新局"),
    ("袁占林  摄", "袁占林 摄"),
    # --- a space next to a punctuation mark goes ---
    ("习近平新时代中国特色社会主义思想 -新时代 新作为", "习近平新时代中国特色社会主义思想-新时代 新作为"),
    ("“我为群众办实事” 最美人物（集体）颁奖", "“我为群众办实事”最美人物（集体）颁奖"),
    ("坚持问题导向， 统筹兼顾", "坚持问题导向，统筹兼顾"),
    ("织密“监测网” 加强应急处置能力", "织密“监测网”加强应急处置能力"),
    # straight quotes are marks too (pair_quotes curls them later)
    ('"我为群众办实事" 最美人物', '"我为群众办实事"最美人物'),
    ("标题 '一' 二", "标题'一'二"),
    ('" 一', '"一'),
    ("——  深州市深化党史学习教育办实事开新局纪实", "——深州市深化党史学习教育办实事开新局纪实"),
    ("###   全民创建， 人人都当“分内事儿”", "### 全民创建，人人都当“分内事儿”"),
]


@pytest.mark.parametrize("text, expected", PHRASE_CASES)
def test_space_phrases(text, expected):
    assert space_phrases(text) == expected
    assert space_phrases(expected) == expected


NORMALIZE_SPACES_CASES = [
    (PARAGRAPH, "我 市以项目建设补齐短板。", "我市以项目建设补齐短板。"),
    (PARAGRAPH, "增进福祉 补齐短板", "增进福祉补齐短板"),
    (CAPTION, "图为 村民 正在采收。", "图为村民正在采收。"),
    (HEADLINE, "增进福祉 补齐短板", "增进福祉 补齐短板"),
    (HEADLINE, "坚持问题导向， 统筹兼顾", "坚持问题导向，统筹兼顾"),
    (BYLINE, "河北日报记者  陈凤来 通讯员 田静云", "河北日报记者 陈凤来 通讯员 田静云"),
    (CREDIT, "袁占林 摄", "袁占林 摄"),
    (SUBTITLE, "—— 深州市深化党史学习教育", "——深州市深化党史学习教育"),
    (HEADING, "### “我为群众办实事” 最美人物", "### “我为群众办实事”最美人物"),
    (ELLIPSIS, "……", "……"),
    # tables keep their cells, spaces and (trailing) tabs; only trailing spaces go
    (TABLE, "项目 名称\t数 量\t\n合计\t 12 \t", "项目 名称\t数 量\t\n合计\t 12 \t"),
    (TABLE, "项目 \t数量\t  \n合计\t12 ", "项目 \t数量\t\n合计\t12"),
]


@pytest.mark.parametrize("kind, text, expected", NORMALIZE_SPACES_CASES)
def test_normalize_spaces_by_block_kind(kind, text, expected):
    doc = normalize_spaces(Document([Block(text, kind)]), None)
    assert [(block.kind, block.text) for block in doc.blocks] == [(kind, expected)]
    assert [block.text for block in normalize_spaces(doc, None).blocks] == [expected]


LETTER_SPACING_CASES = [
    (HEADLINE, "盘 点 2021", "盘点 2021"),
    (HEADLINE, "学 党 史", "学党史"),
    (HEADLINE, "我 市 举 行 座 谈 会", "我市举行座谈会"),
    (PARAGRAPH, "盘 点", "盘点"),
    (HEADLINE, "回 眸 2 0 2 4", "回眸 2024"),  # digits spread with the Hanzi: one number
    # a byline or credit spread out keeps one space after the title, one before 摄
    (CREDIT, "本 报 记 者 刘 洋 摄", "本报记者 刘洋 摄"),
    (CREDIT, "刘 洋 摄", "刘洋 摄"),
    (BYLINE, "本 报 记 者 刘 洋", "本报记者 刘洋"),
    (HEADLINE, "本 报 记 者 刘 洋", "本报记者 刘洋"),  # read as a headline while spread
    # --- must come out unchanged ---
    (HEADLINE, "高标准农田 民 展", "高标准农田 民 展"),  # garbled, not letter-spaced
    (HEADLINE, "排查到位 维护周到 处理及时", "排查到位 维护周到 处理及时"),
    (HEADLINE, "盘点 2021", "盘点 2021"),
    (HEADLINE, "A B C", "A B C"),
    (HEADLINE, "2 0 2 4", "2 0 2 4"),  # no Hanzi stands alone: no letter-spacing to read
    (HEADLINE, "", ""),
    (CREDIT, "袁 摄", "袁 摄"),
    (TABLE, "一 二\t三 四", "一 二\t三 四"),
    # not a short block
    (PARAGRAPH, " ".join("这是一个很长的段落每个字都被空格隔开了因为排版的缘故所以看起来很奇怪"), " ".join("这是一个很长的段落每个字都被空格隔开了因为排版的缘故所以看起来很奇怪")),
]


@pytest.mark.parametrize("kind, text, expected", LETTER_SPACING_CASES)
def test_close_letter_spacing(kind, text, expected):
    doc = close_letter_spacing(Document([Block(text, kind)]), None)
    assert [block.text for block in doc.blocks] == [expected]
    assert [block.text for block in close_letter_spacing(doc, None).blocks] == [expected]


def test_a_spread_out_byline_read_as_a_headline_is_a_byline_once_closed():
    doc = close_letter_spacing(Document([Block("本 报 记 者 刘 洋", HEADLINE), Block("回 眸 2 0 2 4", HEADLINE)]), None)
    assert [block.kind for block in doc.blocks] == [BYLINE, HEADLINE]


# --- properties ------------------------------------------------------------

#: Text built to exercise the space rules: lone Hanzi and digits spread apart,
#: datelines, reporters' credits, Latin words, punctuation of both widths and
#: runs of spaces and tabs.
spacing_piece = st.one_of(
    st.text(alphabet=HANZI, min_size=1, max_size=4),
    st.lists(st.sampled_from(HANZI), min_size=2, max_size=4).map(" ".join),
    st.lists(st.sampled_from("0123456789"), min_size=2, max_size=4).map(" ".join),
    st.integers(min_value=0, max_value=9999).map(str),
    st.sampled_from(["PM2.5", "and", "VOCs", "www.hsrb.com.cn", "A4", "GDP", "x", "-"]),
    st.sampled_from(list("，。、；：？！（）“”‘’《》…—") + list(",.;:?!()\"'%+/·")),
    st.sampled_from(["本报讯", "新华社北京12月2日电", "河北日报讯", "（记者焦磊 通讯员李彦芬）", "(记者 张三)", "——", "### "]),
    st.sampled_from([" ", "  ", "\t", " \t "]),
)
spaced_line = st.lists(spacing_piece, max_size=20).map("".join)
any_line = st.one_of(spaced_line, running_text.map(lambda s: s.replace("\n", "")), headline_line, st.text())

KINDS = [PARAGRAPH, HEADLINE, SUBTITLE, BYLINE, CAPTION, CREDIT, TABLE, HEADING, ELLIPSIS]


def without_spaces(text: str) -> str:
    return text.replace(" ", "").replace("\t", "")


@pytest.mark.parametrize("space", [space_running_text, space_phrases])
@given(text=any_line)
def test_space_functions_are_idempotent(space, text):
    once = space(text)
    assert space(once) == once


@pytest.mark.parametrize("space", [space_running_text, space_phrases])
@given(text=any_line)
def test_space_functions_only_remove_spaces(space, text):
    out = space(text)
    # nothing but spaces and tabs change (the text is stripped at both ends)
    assert without_spaces(out) == without_spaces(text.strip())
    assert content_chars(out) == content_chars(text)
    # and the result is tidy: no run of spaces, no tab, nothing at the ends
    assert "  " not in out and "\t" not in out
    assert out == out.strip()


@given(text=any_line)
def test_space_running_text_adds_no_space_but_after_a_wire_dateline(text):
    assert space_running_text(text).count(" ") <= text.count(" ") + text.count("\t") + 1


@given(blocks=st.lists(st.tuples(st.sampled_from(KINDS), any_line), max_size=6))
def test_spacing_steps(blocks):
    doc = Document([Block(text, kind) for kind, text in blocks])
    doc = close_letter_spacing(normalize_spaces(doc, None), None)
    # kinds are kept, but a 'headline' that reads as a sentence is classified again
    assert [block.kind for block in doc.blocks] == [
        classify_text(text) if kind == HEADLINE and text.strip() and not is_headline_text(text.strip()) else kind
        for kind, text in blocks
    ]
    for block, (kind, text) in zip(doc.blocks, blocks):
        assert content_chars(block.text) == content_chars(text)
        if kind == TABLE:
            assert block.text.split("\n") == [line.rstrip(" ") for line in text.split("\n")]
    texts = [block.text for block in doc.blocks]
    again = close_letter_spacing(normalize_spaces(doc, None), None)
    assert [block.text for block in again.blocks] == texts


@given(blocks=st.lists(st.tuples(st.sampled_from(KINDS), any_line), max_size=6))
def test_close_letter_spacing_alone(blocks):
    doc = close_letter_spacing(Document([Block(text, kind) for kind, text in blocks]), None)
    for block, (kind, text) in zip(doc.blocks, blocks):
        assert without_spaces(block.text) == without_spaces(text)
    texts = [block.text for block in doc.blocks]
    assert [block.text for block in close_letter_spacing(doc, None).blocks] == texts


def test_a_headline_whose_lines_hold_a_sentence_is_running_text():
    # short lines taken for a headline, which once joined end a sentence, are
    # a paragraph's: their spaces go (spec §3), as on a second pass
    doc = Document([Block("今天天气很好 我们一起去公园。", "headline"), Block("增进福祉 补齐短板", "headline")])
    normalize_spaces(doc, None)
    assert [(b.text, b.kind) for b in doc.blocks] == [("今天天气很好我们一起去公园。", "paragraph"), ("增进福祉 补齐短板", "headline")]
