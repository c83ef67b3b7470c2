"""Findings (findings.py, spec §8): flagged, never changed.

Cases are written by hand from the spec with text of my own: an unfinished
paragraph, unbalanced brackets and quotes, stray Latin words, debris.
"""

import copy

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paperclean.classify import classify_text
from paperclean.document import (
    BYLINE,
    CAPTION,
    CREDIT,
    HEADLINE,
    PARAGRAPH,
    TABLE,
    Block,
    Document,
    Finding,
)
from paperclean.findings import find_unbalanced, flag_findings
from paperclean.pipeline import Config
from strategies import running_text

CONFIG = Config()


def _findings(*blocks):
    doc = flag_findings(Document(list(blocks)), CONFIG)
    return [(f.kind, f.block, f.offset) for f in doc.findings]


def _kinds(*blocks):
    return [kind for kind, _, _ in _findings(*blocks)]


# --- find_unbalanced ---------------------------------------------------------

UNBALANCED_CASES = [
    # --- a partner is missing (text lost by the extraction) ---
    ("学习贯彻全会通过的决议》，", [(11, "》")]),
    ("根据《关于加强农村公路养护的实施意见，", [(2, "《")]),
    ("（记者刘晓宁近日，", [(0, "（")]),
    ("刘晓宁）近日，", [(3, "）")]),
    ("他说：“这下方便多了。", [(3, "“")]),
    ("这下方便多了。”他说。", [(7, "”")]),
    ("【民生实事", [(0, "【")]),
    ("「城市书房", [(0, "「")]),
    ("《决议》》", [(4, "》")]),
    ("》《", [(0, "》"), (1, "《")]),
    # --- balanced: nothing ---
    ("学习贯彻《中共中央关于党的百年奋斗重大成就和历史经验的决议》。", []),
    ("《关于加强农村公路养护的实施意见（试行）》", []),
    ("本报讯（记者刘晓宁 通讯员李倩）近日，", []),
    ("推行“1+6+1+1”工作模式，打造“15分钟便民服务圈”。", []),
    ("【民生实事】「城市书房」", []),
    ("", []),
    ("会议由副市长刘建国主持。", []),
]


@pytest.mark.parametrize("text, expected", UNBALANCED_CASES)
def test_find_unbalanced(text, expected):
    assert find_unbalanced(text) == expected


# --- flag_findings -----------------------------------------------------------

FINDING_CASES = [
    # --- unfinished paragraph ---
    pytest.param([Block("会议要求，各地要切实压紧压实安全生产责任，确保全年安全生产形势")], ["unfinished"], id="unfinished"),
    pytest.param([Block("全市新建改建农村公路320公里，")], ["unfinished"], id="unfinished-comma"),
    pytest.param([Block("他说：“这下方便多了。”")], [], id="finished-in-quote"),
    pytest.param([Block("全市共排查各类隐患3200余处！")], [], id="finished-exclamation"),
    # a paragraph that a jump line ended continues on another page
    pytest.param([Block("为方便农户，合作社联合周边村庄成", continued=True)], [], id="continued"),
    # headlines, bylines, captions and credits do not end sentences: not flagged
    pytest.param([Block("春耕生产有序推进", HEADLINE)], [], id="headline"),
    pytest.param([Block("本报记者 王晓东", BYLINE)], [], id="byline"),
    pytest.param([Block("王晓东 摄", CREDIT)], [], id="credit"),
    # --- unbalanced brackets and quotes ---
    pytest.param([Block("不久前，全会审议通过的决议》，为我们指明了方向。")], ["unbalanced"], id="unbalanced-book-title"),
    pytest.param([Block("他说：“这下方便多了。")], ["unbalanced"], id="unbalanced-quote"),
    pytest.param([Block("图为市民在新建成的城市书房（城东店阅读。", CAPTION)], ["unbalanced"], id="unbalanced-in-caption"),
    # --- stray Latin words inside Chinese ---
    pytest.param([Block("大力推进民生工程 and 民生实事等重点项目。")], ["stray-latin"], id="stray-latin"),
    pytest.param([Block("持续开展城乡环境整治 the 专项行动。")], ["stray-latin"], id="stray-latin-the"),
    # Latin that belongs: not flagged
    pytest.param([Block("全市PM2.5平均浓度同比下降12%。")], [], id="pm25"),
    pytest.param([Block("重点监管涉VOCs企业56家。")], [], id="vocs"),
    pytest.param([Block("登录www.hsrb.com.cn查询。")], [], id="url"),
    pytest.param([Block("全市GDP增长6.5%。")], [], id="gdp"),
    pytest.param([Block("会上发布了the sustainable development report。")], [], id="latin-phrase"),
    # --- debris: a short block of lone characters separated by spaces ---
    # (kinds as the classifier gives them: a short block without a sentence end is a headline)
    pytest.param([Block("图 文 编", classify_text("图 文 编"))], ["debris"], id="debris"),
    pytest.param([Block("广 告 热 线", HEADLINE)], ["debris"], id="debris-headline"),
    pytest.param([Block("建好一条路 带富一方人", HEADLINE)], [], id="phrase-spaces"),
    pytest.param([Block("本报记者 王晓东 通讯员 李倩", BYLINE)], [], id="names"),
    # --- tables are not flagged ---
    pytest.param([Block("项目\t说明\t\n道路改造\t年底前完成，\t\n管网\t（试行\t", TABLE)], [], id="table"),
    # --- nothing to flag ---
    pytest.param([Block("会议由副市长刘建国主持。")], [], id="clean"),
    pytest.param([], [], id="empty-document"),
]


@pytest.mark.parametrize("blocks, kinds", FINDING_CASES)
def test_flag_findings(blocks, kinds):
    assert _kinds(*blocks) == kinds


def test_findings_carry_block_position_and_context():
    text = "不久前，全会审议通过的决议》，为我们指明了方向。"
    doc = flag_findings(Document([Block("会议由副市长刘建国主持。"), Block(text)]), CONFIG)
    assert len(doc.findings) == 1
    finding = doc.findings[0]
    assert isinstance(finding, Finding)
    assert (finding.kind, finding.block, finding.offset) == ("unbalanced", 1, text.index("》"))
    assert "决议》" in finding.context


def test_unfinished_finding_points_at_the_end():
    text = "会议要求，各地要切实压紧压实安全生产责任，确保全年安全生产形势"
    doc = flag_findings(Document([Block(text)]), CONFIG)
    finding = doc.findings[0]
    assert (finding.kind, finding.block, finding.offset) == ("unfinished", 0, len(text))
    assert finding.context.endswith("安全生产形势")


def test_stray_latin_finding_points_at_the_word():
    text = "大力推进民生工程 and 民生实事等重点项目。"
    doc = flag_findings(Document([Block(text)]), CONFIG)
    finding = doc.findings[0]
    assert (finding.kind, finding.offset) == ("stray-latin", text.index("and"))
    assert "and" in finding.context


def test_several_findings_in_one_document():
    blocks = [
        Block("春耕生产有序推进", HEADLINE),
        Block("大力推进民生工程 and 民生实事等重点项目，"),
        Block("图 文 编", classify_text("图 文 编")),
    ]
    assert sorted(_findings(*blocks)) == sorted(
        [("unfinished", 1, len(blocks[1].text)), ("stray-latin", 1, blocks[1].text.index("and")), ("debris", 2, 0)]
    )


def test_colon_before_a_list_is_not_unfinished():
    blocks = [
        Block("会议就做好下一步工作提出三点要求："),
        Block("一是压实工作责任，确保各项任务落到实处。"),
        Block("二是加强督导检查，及时发现和解决问题。"),
    ]
    assert _kinds(*blocks) == []


def test_findings_are_added_to_earlier_ones():
    earlier = Finding("unfinished", 0, 3, "earlier")
    doc = Document([Block("会议由副市长刘建国主持。")], findings=[earlier])
    flag_findings(doc, CONFIG)
    assert doc.findings == [earlier]


# --- the text is never changed -----------------------------------------------

PAGE = [
    Block("春耕生产有序推进", HEADLINE),
    Block("本报记者 王晓东", BYLINE),
    Block("不久前，全会审议通过的决议》，为我们指明了方向"),
    Block("大力推进民生工程 and 民生实事等重点项目。"),
    Block("图 文 编"),
    Block("项目\t说明\t\n道路改造\t年底前完成，\t", TABLE),
    Block("为方便农户，合作社联合周边村庄成", continued=True),
]


def test_flag_findings_does_not_change_the_text():
    blocks = copy.deepcopy(PAGE)
    doc = flag_findings(Document(blocks, changes=[]), CONFIG)
    assert [(b.kind, b.text, b.continued) for b in doc.blocks] == [(b.kind, b.text, b.continued) for b in PAGE]
    assert doc.changes == []
    assert doc.findings  # something was flagged


kinds = st.sampled_from([PARAGRAPH, PARAGRAPH, HEADLINE, BYLINE, CAPTION, CREDIT, TABLE])


@given(st.lists(st.tuples(st.one_of(st.text(), running_text), kinds, st.booleans()), max_size=6))
def test_flag_findings_never_changes_text_nor_raises(rows):
    doc = Document([Block(text, kind, continued=continued) for text, kind, continued in rows])
    flag_findings(doc, CONFIG)
    assert [(b.text, b.kind) for b in doc.blocks] == [(text, kind) for text, kind, _ in rows]
    for finding in doc.findings:
        assert 0 <= finding.block < len(rows)
        assert 0 <= finding.offset <= len(rows[finding.block][0])
