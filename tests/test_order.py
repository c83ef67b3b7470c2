"""Reading order across breaks (order.py, spec §5) and split tables (§8).

Blocks are built by hand, with their kinds, as they stand when the step runs
(one line each, spaces already normalized).  The expected outputs are written
from the spec's rules with text of my own, not from the seeds.  A few
end-to-end checks go through paperclean.clean on small hand-written pages.
"""

import copy
from collections import Counter

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import paperclean
from paperclean.classify import classify_text
from paperclean.document import (
    BYLINE,
    CAPTION,
    CREDIT,
    ELLIPSIS,
    FURNITURE,
    HEADING,
    HEADLINE,
    JUMP,
    PARAGRAPH,
    SUBTITLE,
    TABLE,
    Block,
    Document,
)
from paperclean.order import (
    NONE,
    PHRASE,
    STRONG,
    WEAK,
    WORD,
    _bring_distant_continuation,
    grammar_score,
    joint_score,
    merge_split_tables,
    opens_no_paragraph,
    opens_sentence,
    restore_reading_order,
)
from paperclean.pipeline import Config
from strategies import running_text

CONFIG = Config()

P, H, C, CR, BY, T, F = PARAGRAPH, HEADLINE, CAPTION, CREDIT, BYLINE, TABLE, FURNITURE


def _blocks(rows):
    """Blocks from rows of (kind, text) or (kind, text, {flags})."""
    return [Block(row[1], row[0], **(row[2] if len(row) > 2 else {})) for row in rows]


def _reorder(rows):
    doc = restore_reading_order(Document(_blocks(rows)), CONFIG)
    return [(block.kind, block.text) for block in doc.blocks]


# --- column and page breaks: joined on evidence ------------------------------

JOIN_CASES = [
    # the joint reads as one word: 成 + 立 (spec §5)
    pytest.param(
        [(P, "为方便农户，合作社联合周边村庄成"), (P, "立设备维修服务站，农机具坏了随时可修。")],
        [(P, "为方便农户，合作社联合周边村庄成立设备维修服务站，农机具坏了随时可修。")],
        id="word-across",
    ),
    pytest.param(
        [(P, "今年以来，全市累计为群众办理各类业"), (P, "务3200余件，群众满意率达98%。")],
        [(P, "今年以来，全市累计为群众办理各类业务3200余件，群众满意率达98%。")],
        id="word-across-digits-follow",
    ),
    # the next block starts with what cannot start a sentence
    pytest.param(
        [(P, "全市新建改建农村公路320公里"), (P, "，完成投资4.6亿元。")],
        [(P, "全市新建改建农村公路320公里，完成投资4.6亿元。")],
        id="starts-with-comma",
    ),
    pytest.param(
        [(P, "根据《关于加强农村公路养护的实施意见（试行"), (P, "）》要求，各县区迅速行动。")],
        [(P, "根据《关于加强农村公路养护的实施意见（试行）》要求，各县区迅速行动。")],
        id="starts-with-closing-bracket",
    ),
    pytest.param(
        [(P, "全市共排查各类隐患3200余处"), (P, "、整改2980处。")],
        [(P, "全市共排查各类隐患3200余处、整改2980处。")],
        id="starts-with-enumeration-comma",
    ),
    # a number and its unit: 2021年12 + 月，
    pytest.param(
        [(P, "该工程于2023年10"), (P, "月底前全面完工，届时将新增停车位800个。")],
        [(P, "该工程于2023年10月底前全面完工，届时将新增停车位800个。")],
        id="number-and-month",
    ),
    pytest.param(
        [(P, "全市累计筹集救助资金6000"), (P, "万元，惠及困难群众1.2万人。")],
        [(P, "全市累计筹集救助资金6000万元，惠及困难群众1.2万人。")],
        id="number-and-wan",
    ),
    # a list cut after its enumeration comma
    pytest.param(
        [(P, "重点整治占道经营、乱堆乱放、"), (P, "私搭乱建等突出问题。")],
        [(P, "重点整治占道经营、乱堆乱放、私搭乱建等突出问题。")],
        id="ends-in-enumeration-comma",
    ),
    # a block cut twice
    pytest.param(
        [(P, "该中心设有政务服务、医疗卫"), (P, "生、养老服务等功能区，居民在家门口就能办理社"), (P, "保、医保等32项业务。")],
        [(P, "该中心设有政务服务、医疗卫生、养老服务等功能区，居民在家门口就能办理社保、医保等32项业务。")],
        id="cut-twice",
    ),
    # a block is never split at a sentence end inside it (spec §5)
    pytest.param(
        [(P, "与会人员逐一作了表态。会议指出，要坚定信心，真抓实干"), (P, "，确保各项目标任务圆满完成。")],
        [(P, "与会人员逐一作了表态。会议指出，要坚定信心，真抓实干，确保各项目标任务圆满完成。")],
        id="sentence-end-inside",
    ),
    # the blocks after the joined one keep their order
    pytest.param(
        [
            (H, "老旧小区改造惠及万户"),
            (P, "全市新建改建农村公路320公里"),
            (P, "，完成投资4.6亿元。"),
            (P, "下一步，市交通运输局将继续加大投入。"),
        ],
        [
            (H, "老旧小区改造惠及万户"),
            (P, "全市新建改建农村公路320公里，完成投资4.6亿元。"),
            (P, "下一步，市交通运输局将继续加大投入。"),
        ],
        id="neighbours-keep-order",
    ),
]


@pytest.mark.parametrize("rows, expected", JOIN_CASES)
def test_column_breaks_are_joined(rows, expected):
    assert _reorder(rows) == expected


# --- what is never joined ----------------------------------------------------

UNCHANGED_CASES = [
    # an unfinished block followed by a new sentence stays unfinished (spec §5)
    pytest.param(
        [(P, "会议要求，各地要切实压紧压实安全生产责任，确保全年安全生产形势"), (P, "李明指出，要抓好重点行业领域专项整治。")],
        id="new-sentence",
    ),
    # finished blocks are left alone, even when the next one looks like a continuation
    pytest.param(
        [(P, "全市新建改建农村公路320公里。"), (P, "完成投资4.6亿元，惠及群众12万人。")],
        id="finished",
    ),
    # nothing after a jump line (spec §5, §7)
    pytest.param(
        [(P, "为方便农户，合作社联合周边村庄成", {"continued": True}), (P, "立设备维修服务站，农机具坏了随时可修。")],
        id="continued-word",
    ),
    pytest.param(
        [(P, "全市新建改建农村公路320公里", {"continued": True}), (P, "，完成投资4.6亿元。")],
        id="continued-comma",
    ),
    # nothing joined to a headline, byline, table or dateline
    pytest.param(
        [(P, "会议要求，各地要切实压紧压实安全生产责任，确保全年安全生产形势"), (H, "春耕生产有序推进")],
        id="to-headline",
    ),
    pytest.param(
        [(P, "为方便农户，合作社联合周边村庄成"), (BY, "本报记者 王晓东")],
        id="to-byline",
    ),
    pytest.param(
        [(P, "各县区完成情况"), (T, "县区\t完成率\t\n城东\t96%\t\n城西\t94%\t")],
        id="to-table",
    ),
    pytest.param(
        # 成 + 本 would read as a word: the dateline still opens a new article
        [(P, "为方便农户，合作社联合周边村庄成"), (P, "本报讯（记者刘晓宁）近日，市图书馆新馆正式对外开放。")],
        id="to-dateline",
    ),
    pytest.param(
        [(P, "全市新建改建农村公路320公里"), (P, "新华社北京3月5日电 十四届全国人大一次会议5日上午开幕。")],
        id="to-wire-dateline",
    ),
    # nothing joined after a headline, a caption or a table (spec §5)
    pytest.param(
        # 乡村 + 村里 reads across the joint; a headline is not continued
        [(H, "建设美丽乡村"), (P, "村里新修的文化广场成了村民休闲的好去处。")],
        id="after-headline",
    ),
    pytest.param(
        [(C, "图为工人在生产线上加紧赶制订"), (P, "单，产品远销海外。")],
        id="after-caption",
    ),
    pytest.param(
        [(T, "县区\t完成率\t\n城东\t96%，"), (P, "，确保年底前全部完成。")],
        id="after-table",
    ),
    # a table's rows are never joined, trailing tabs and empty cells kept
    pytest.param(
        [(T, "项目\t说明\t\n道路改造\t年底前完成，\t\n管网铺设\t\t")],
        id="table-rows",
    ),
    pytest.param([], id="empty"),
    pytest.param([(P, "")], id="empty-block"),
]


@pytest.mark.parametrize("rows", UNCHANGED_CASES)
def test_blocks_that_stay_as_they_are(rows):
    assert _reorder(rows) == [(row[0], row[1]) for row in rows]


def test_nothing_joined_after_a_joined_block_that_was_continued():
    # the second block ended with a jump line: once joined, the paragraph is
    # continued on another page and the third block is not joined to it
    rows = [
        (P, "为方便农户，合作社联合周边村庄成"),
        (P, "立设备维修服务站，农机具坏了随时", {"continued": True}),
        (P, "可修。"),
    ]
    doc = restore_reading_order(Document(_blocks(rows)), CONFIG)
    assert [b.text for b in doc.blocks] == ["为方便农户，合作社联合周边村庄成立设备维修服务站，农机具坏了随时", "可修。"]
    assert doc.blocks[0].continued


# --- interruptions: captions and credits move after the joined paragraph -----

INTERRUPTION_CASES = [
    pytest.param(
        [
            (P, "今年以来，全市累计为群众办理各类业"),
            (C, "图为工作人员在政务服务中心为群众办理业务。"),
            (CR, "本报记者 王晓东 摄"),
            (P, "务3200余件，群众满意率达98%。"),
            (P, "下一步，该中心将继续优化服务流程。"),
        ],
        [
            (P, "今年以来，全市累计为群众办理各类业务3200余件，群众满意率达98%。"),
            (C, "图为工作人员在政务服务中心为群众办理业务。"),
            (CR, "本报记者 王晓东 摄"),
            (P, "下一步，该中心将继续优化服务流程。"),
        ],
        id="caption-and-credit",
    ),
    pytest.param(
        [
            (P, "全市新建改建农村公路320公里"),
            (C, "图①：新建成的农村公路。"),
            (P, "，完成投资4.6亿元。"),
        ],
        [
            (P, "全市新建改建农村公路320公里，完成投资4.6亿元。"),
            (C, "图①：新建成的农村公路。"),
        ],
        id="numbered-caption",
    ),
    pytest.param(
        [
            (P, "为方便农户，合作社联合周边村庄成"),
            (CR, "本组图片由本报记者 赵磊摄"),
            (P, "立设备维修服务站，农机具坏了随时可修。"),
        ],
        [
            (P, "为方便农户，合作社联合周边村庄成立设备维修服务站，农机具坏了随时可修。"),
            (CR, "本组图片由本报记者 赵磊摄"),
        ],
        id="group-credit",
    ),
    pytest.param(
        [
            (P, "该工程于2023年10"),
            (F, "2023年3月15日 星期三"),
            (P, "月底前全面完工。"),
        ],
        [
            (P, "该工程于2023年10月底前全面完工。"),
            (F, "2023年3月15日 星期三"),
        ],
        id="furniture",
    ),
    # a caption between a finished paragraph and the next stays where it is
    pytest.param(
        [
            (P, "全市新建改建农村公路320公里。"),
            (C, "图为新建成的农村公路。"),
            (P, "下一步，市交通运输局将继续加大投入。"),
        ],
        [
            (P, "全市新建改建农村公路320公里。"),
            (C, "图为新建成的农村公路。"),
            (P, "下一步，市交通运输局将继续加大投入。"),
        ],
        id="caption-between-finished-paragraphs",
    ),
    # a caption after an unfinished block that nothing continues stays too
    pytest.param(
        [
            (P, "会议要求，各地要切实压紧压实安全生产责任，确保全年安全生产形势"),
            (C, "图为会议现场。"),
            (P, "李明指出，要抓好重点行业领域专项整治。"),
        ],
        [
            (P, "会议要求，各地要切实压紧压实安全生产责任，确保全年安全生产形势"),
            (C, "图为会议现场。"),
            (P, "李明指出，要抓好重点行业领域专项整治。"),
        ],
        id="caption-after-unfinished-new-sentence",
    ),
]


@pytest.mark.parametrize("rows, expected", INTERRUPTION_CASES)
def test_interruptions_move_after_the_joined_paragraph(rows, expected):
    assert _reorder(rows) == expected


# --- displaced fragments -----------------------------------------------------

FRAGMENT_CASES = [
    # a fragment extracted after another paragraph belongs to the unfinished sentence
    pytest.param(
        [
            (P, "要重点检查商场超市、农贸"),
            (P, "各县区要在月底前完成自查自纠。"),
            (P, "市场、宾馆饭店等人员密集场所的消防设施。"),
        ],
        [
            (P, "要重点检查商场超市、农贸市场、宾馆饭店等人员密集场所的消防设施。"),
            (P, "各县区要在月底前完成自查自纠。"),
        ],
        id="fragment-after",
    ),
    # a middle piece extracted after the paragraph it belongs inside (spec §5's shape)
    pytest.param(
        [
            (P, "会议要求，各地要重点排查学校、医"),
            (P, "场等人员密集场所的消防隐患，确保不留死角。"),
            (P, "院、商场超市、农贸市"),
            (P, "李明指出，要抓好重点行业领域专项整治。"),
        ],
        [
            (P, "会议要求，各地要重点排查学校、医院、商场超市、农贸市场等人员密集场所的消防隐患，确保不留死角。"),
            (P, "李明指出，要抓好重点行业领域专项整治。"),
        ],
        id="middle-piece",
    ),
    # the block that completes the sentence stood before it (spec §5: 2021年12 + 月，)
    pytest.param(
        [
            (P, "月起，全市启动城乡环境综合整治行动，累计清理生活垃圾3.2万吨，整治河道沟渠56条，村容村貌明显改善。"),
            (H, "全域治理 改善人居环境"),
            (P, "为改善农村人居环境，2022年3"),
        ],
        [
            (H, "全域治理 改善人居环境"),
            (P, "为改善农村人居环境，2022年3月起，全市启动城乡环境综合整治行动，累计清理生活垃圾3.2万吨，整治河道沟渠56条，村容村貌明显改善。"),
        ],
        id="completion-before",
    ),
]


@pytest.mark.parametrize("rows, expected", FRAGMENT_CASES)
def test_displaced_fragments_move_into_their_sentence(rows, expected):
    assert _reorder(rows) == expected


def test_a_fragment_that_continues_its_own_neighbour_is_not_taken():
    # 农贸 + 市场 would read as a word, but 市场… continues the block right
    # before it (订 + 单 is its own joint): it stays where it is
    rows = [
        (P, "要重点检查商场超市、农贸"),
        (P, "李明指出，要抓好重点行业领域专项整治。"),
        (P, "各县区要在月底前完成自查自纠，全面落实整改责任，逐项建立台账，形成"),
        (P, "，确保不留死角。"),
    ]
    assert _reorder(rows) == [
        (P, "要重点检查商场超市、农贸"),
        (P, "李明指出，要抓好重点行业领域专项整治。"),
        (P, "各县区要在月底前完成自查自纠，全面落实整改责任，逐项建立台账，形成，确保不留死角。"),
    ]


def test_moves_and_joins_are_recorded():
    doc = Document(
        _blocks(
            [
                (P, "今年以来，全市累计为群众办理各类业"),
                (C, "图为工作人员在政务服务中心为群众办理业务。"),
                (P, "务3200余件，群众满意率达98%。"),
            ]
        ),
        changes=[],
    )
    restore_reading_order(doc, CONFIG)
    assert doc.changes
    assert all(change.step == "restore_reading_order" for change in doc.changes)


# --- spec requirements the code misses today ---------------------------------


def test_new_sentence_after_a_full_last_line_stays_unfinished():
    rows = [
        (P, "会议要求，各地要切实压紧压实安全生产责任，确保全年安全生产形势", {"last_line_share": 1.0}),
        (P, "李明指出，要抓好重点行业领域专项整治。"),
    ]
    assert _reorder(rows) == [(row[0], row[1]) for row in rows]


def test_nothing_is_joined_to_text_that_resumes_another_article():
    # `（上接A1版）` stood before the second block (spec §5, §7): it continues
    # an article from another page, so the block before does not go on into
    # it, however well the words read across (使 + 用); the rest of that
    # block, which a column break cut, stands further on and is joined
    rows = [
        (P, "全市今年将新建社区养老服务站，力争年底前全部投入使", {"last_line_share": 1.0}),
        (P, "用智能设备的老人已达三千人。", {"resumed": True}),
        (P, "用，惠及群众十万人。"),
    ]
    assert _reorder(rows) == [
        (P, "全市今年将新建社区养老服务站，力争年底前全部投入使用，惠及群众十万人。"),
        (P, "用智能设备的老人已达三千人。"),
    ]


def test_a_caption_joined_to_its_first_lines_is_a_caption():
    # a caption's first lines, cut from its rest, read as running text; once
    # joined, the whole is the caption, which a later paragraph's sentence
    # may run past (spec §5), as it does when read again
    rows = [
        (P, "全市开展安全宣传月活动，图为民警在小区向居民讲解防", {"last_line_share": 1.0}),
        (C, "范电信诈骗知识。"),
        (CR, "王平 摄"),
    ]
    assert _reorder(rows) == [(C, "全市开展安全宣传月活动，图为民警在小区向居民讲解防范电信诈骗知识。"), (CR, "王平 摄")]


def test_cut_twice_is_joined_in_one_pass():
    # the short middle piece is joined to the block after it (全 + 面完成。);
    # the block before is then looked at again, against the joined block, as
    # a second pass would see it (once a strict xfail: one pass left it
    # unfinished)
    rows = [(P, "会议要求，各地要确保年底前各项任务"), (P, "全"), (P, "面完成。")]
    assert _reorder(rows) == [(P, "会议要求，各地要确保年底前各项任务全面完成。")]


def test_a_block_is_not_moved_behind_a_fragment_on_a_chance_word():
    rows = [(P, "会议要求，确保全年安全生产形势"), (P, "总体"), (P, "稳定。")]
    assert _reorder(rows) in (
        [(P, "会议要求，确保全年安全生产形势总体稳定。")],
        [(P, "会议要求，确保全年安全生产形势"), (P, "总体稳定。")],
        [(row[0], row[1]) for row in rows],
    )


def test_new_sentence_whose_first_word_makes_a_word_across_stays_unfinished():
    rows = [(P, "近日，市图书馆新馆正式对外开放，馆藏图书"), (P, "市民张女士说：“周末带孩子来看书，环境特别好。”")]
    assert _reorder(rows) == [(row[0], row[1]) for row in rows]


@pytest.mark.xfail(
    strict=True,
    reason="托育 is not in jieba's dictionary and no other evidence applies, so 养老托 + 育等功能区 "
    "(one word across a column break, spec §5) is not joined",
)
def test_join_on_a_word_missing_from_the_dictionary():
    rows = [(P, "该中心设有政务服务、医疗卫生、养老托"), (P, "育等功能区，居民在家门口就能办理各类业务。")]
    assert _reorder(rows) == [(P, "该中心设有政务服务、医疗卫生、养老托育等功能区，居民在家门口就能办理各类业务。")]


def test_not_joined_to_a_headline_even_when_the_joint_reads_as_a_word():
    rows = [(P, "各地积极推进城乡供水一体"), (H, "化工园区整治 安全生产见成效")]
    assert _reorder(rows) == [(row[0], row[1]) for row in rows]


def test_join_between_latin_words_keeps_a_space():
    rows = [
        (P, "会上，专家解读了the sustainable", {"last_line_share": 1.0}),
        (P, "development goals的主要内容。"),
    ]
    assert _reorder(rows) == [(P, "会上，专家解读了the sustainable development goals的主要内容。")]


LIST_AFTER_COLON = [
    pytest.param(
        [(P, "会议就做好下一步工作提出三点要求："), (P, "一是压实工作责任，确保各项任务落到实处。"), (P, "二是加强督导检查，及时发现和解决问题。")],
        id="yi-shi",
    ),
    pytest.param(
        [(P, "会议就做好下一步工作提出三点要求："), (P, "（一）压实工作责任。"), (P, "（二）加强督导检查。")],
        id="numbered",
    ),
]


@pytest.mark.parametrize("rows", LIST_AFTER_COLON)
def test_colon_before_a_list_is_not_joined(rows):
    assert _reorder(rows) == [(row[0], row[1]) for row in rows]


# --- tables (spec §8) --------------------------------------------------------

TABLE_CASES = [
    pytest.param(
        [(T, "序号\t单位\t得分\t\n1\t城东街道\t96.5\t"), (T, "2\t城西街道\t95.0\t\n3\t\t94.5\t")],
        [(T, "序号\t单位\t得分\t\n1\t城东街道\t96.5\t\n2\t城西街道\t95.0\t\n3\t\t94.5\t")],
        id="split-by-blank-line",
    ),
    pytest.param(
        [(T, "项目\t金额\n道路改造\t1200万元"), (T, "管网铺设\t560万元"), (T, "绿化提升\t300万元")],
        [(T, "项目\t金额\n道路改造\t1200万元\n管网铺设\t560万元\n绿化提升\t300万元")],
        id="split-three-times",
    ),
    pytest.param(
        [(H, "各县区完成情况"), (T, "县区\t完成率\t\n城东\t96%\t"), (P, "下一步，各县区要加快进度。")],
        [(H, "各县区完成情况"), (T, "县区\t完成率\t\n城东\t96%\t"), (P, "下一步，各县区要加快进度。")],
        id="single-table-unchanged",
    ),
]


@pytest.mark.parametrize("rows, expected", TABLE_CASES)
def test_split_tables_are_merged(rows, expected):
    assert _reorder(rows) == expected


def test_merge_split_tables_leaves_other_blocks_alone():
    blocks = _blocks([(P, "全市新建改建农村公路320公里"), (T, "县区\t完成率\t"), (P, "，完成投资4.6亿元。")])
    assert [b.text for b in merge_split_tables(blocks)] == [b.text for b in blocks]


# --- joint_score -------------------------------------------------------------


@pytest.mark.parametrize(
    "left, right, at_least",
    [
        ("全市新建改建农村公路", "，完成投资4.6亿元。", STRONG),
        ("该工程于2023年10", "月底前全面完工。", STRONG),
        ("为方便农户，合作社联合周边村庄成", "立设备维修服务站。", WORD),
        # Traditional script reads like Simplified (the dictionary is Simplified)
        ("為方便農戶，合作社聯合周邊村莊成", "立設備維修服務站。", WORD),
        ("財政司司長昨日公布新一", "輪紓困措施。", WORD),
        # a list item of one character was cut; a direction follows its place
        ("为老人提供助餐、助浴、陪", "护服务、健康咨询等帮助。", PHRASE),
        ("项目位于城东新区", "南的一片空地上，占地50亩。", PHRASE),
    ],
)
def test_joint_score_evidence(left, right, at_least):
    assert joint_score(left, right) >= at_least


@pytest.mark.parametrize(
    "left, right",
    [
        ("会议要求，确保全年安全生产形势", "李明指出，要抓好重点行业领域专项整治。"),
        ("會議要求，確保全年安全生產形勢", "李明指出，要抓好重點行業領域專項整治。"),
        # a cut list item before a new sentence, or before a paragraph that lists nothing: lost text
        ("为老人提供助餐、助浴、陪", "王伟强调，要抓好落实。"),
        ("为老人提供助餐、助浴、陪", "全市共有养老机构30家。"),
        ("", "，完成投资"),
        ("全市新建改建农村公路", ""),
    ],
)
def test_joint_score_no_evidence(left, right):
    assert joint_score(left, right) == 0


# --- evidence from the parts of speech at the joint ---------------------------

GRAMMAR_CASES = [
    # a sentence cannot end on a preposition, a conjunction or 的
    ("推动养老服务由机构照料向", "“居家+社区”模式转变。", WEAK),
    ("全面落实国家和", "省里关于耕地保护的各项要求。", WEAK),
    ("提升了城市的", "“颜值”和“气质”。", WEAK),
    ("这些志愿者既是组织者，更是", "参与者。", WEAK),
    # what cannot open a sentence: a particle, 们, a conjunction joining words
    ("各乡镇的包村干部", "们纷纷走进农户家中。", WEAK),
    ("重点检查供热管网", "和换热站的运行情况。", WEAK),
    # a verb and its object, a noun compound, an adjective or a number and its noun
    ("各单位要切实增强", "工作的责任感。", PHRASE),
    ("全面推行垃圾分类等治理", "新模式，改善人居环境。", PHRASE),
    ("为经济发展注入强劲", "动力。", PHRASE),
    ("深入开展春节前", "环境卫生大扫除。", PHRASE),
    ("今年共有12家", "企业通过认定。", PHRASE),
    ("活动旨在讲好", "“最美家庭”故事。", PHRASE),
    ("全市累计接种达", "36.8万人。", PHRASE),
    ("市里出台了", "“十条措施”支持企业。", PHRASE),
    ("各地要逐年", "加大投入力度。", PHRASE),
    # a prepositional phrase and the verb it waits for
    ("各部门要始终把群众利益", "摆在突出位置。", PHRASE),
    ("各单位分别针对检查发现的问题", "整改到位。", PHRASE),
    ("各部门对群众诉求认真办理", "加强督导检查。", NONE),
    ("", "的良好氛围。", WEAK),
    # no evidence: a measure word followed by a verb, a name, a pronoun
    ("全年建成便民服务点200余个", "改造提升背街小巷。", NONE),
    ("努力确保全年安全生产形势", "张华主持会议并讲话。", NONE),
    ("各县区普遍建立了工作台账", "我们要进一步压实责任。", NONE),
    # a lone verb character may be the first half of a word cut in two
    ("让企业家安心经营、放手发", "乡村旅游示范点建设提速。", NONE),
]


@pytest.mark.parametrize("left, right, expected", GRAMMAR_CASES)
def test_grammar_score(left, right, expected):
    assert grammar_score(left, right) == expected


OPENING_CASES = [
    ("张华强调，要抓好落实。", True),
    ("市委书记李明指出，当前形势复杂。", True),
    ("目前，工程已完工。", True),
    ("今年以来，全县新增就业3000人。", True),
    ("一年来，各项工作稳步推进。", True),
    ("5月8日，市里召开调度会。", True),
    ("同时，加强督导检查。", True),
    ("座谈会上，企业代表踊跃发言。", True),
    ("“我们终于住上新房了！”村民老王说。", True),
    ("本报讯（记者王平）近日，", True),
    ("河北日报讯（记者王平）近日，", True),
    ("一是加强组织领导。", True),
    # the rest of a sentence
    ("工作的责任感和紧迫感，锚定目标。", False),
    ("动力，推动高质量发展。", False),
    ("“面子”到“里子”都有了变化。", False),
    ("12个重点项目全部开工。", False),
    ("2.5万人，同比增长12%。", False),
    ("上传来喜讯，全县获评先进。", False),  # `…表彰大会` + `上传来喜讯`: no dateline
    ("强化监督检查。", False),
]


@pytest.mark.parametrize("text, expected", OPENING_CASES)
def test_opens_sentence(text, expected):
    assert opens_sentence(text) is expected


#: An unfinished block and a block that opens a new sentence, or after a word
#: whose rest was lost: the text between was lost, nothing is joined (spec §5).
VETO_CASES = [
    ("会议传达了省委全会精神并就近期工作作出", "李明强调，要抓好重点行业领域专项整治。"),
    ("营造了学党史、知党史的良好氛", "全员抓党建，实战练兵提能力。"),
    ("全年建成便民服务点200余个", "改造提升背街小巷，方便群众出行。"),
    ("会议要求，各地要确保全年安全生产形势", "目前，全市安全形势总体平稳。"),
    ("全县各级干部深入田间地头，", "5月8日，市里召开调度会。"),
]


@pytest.mark.parametrize("left, right", VETO_CASES)
def test_no_join_before_a_new_sentence(left, right):
    assert joint_score(left, right) == NONE
    assert joint_score(left, right, cut=True) == NONE
    rows = [(P, left), (P, right)]
    assert _reorder(rows) == rows


PHRASE_JOIN_CASES = [
    ([(P, "各级各部门要认清形势，切实增强"), (P, "工作的责任感和紧迫感，锚定目标不放松。")],
     [(P, "各级各部门要认清形势，切实增强工作的责任感和紧迫感，锚定目标不放松。")]),
    ([(P, "实现了救助方式由单一的“物质救助”向"), (P, "“物质救助+身心救助”转变。")],
     [(P, "实现了救助方式由单一的“物质救助”向“物质救助+身心救助”转变。")]),
    # a title that the next block closes: the short piece before it is its start
    ([(H, "市创建卫生城市“三项机制”强"), (P, "督查、促落实工作方案》，通报了有关情况。")],
     [(P, "市创建卫生城市“三项机制”强督查、促落实工作方案》，通报了有关情况。")]),
    # ... but running text before it is not: the opening mark was lost with the text
    ([(P, "会上，传达了市委主要领导近期"), (P, "市创建卫生城市“三项机制”强督查、促落实工作方案》，通报了有关情况。")],
     [(P, "会上，传达了市委主要领导近期"), (P, "市创建卫生城市“三项机制”强督查、促落实工作方案》，通报了有关情况。")]),
    # ... nor a block that does not open with a Hanzi (debris, a number)
    ([(H, "市创建卫生城市工作推进会"), (P, "2021年度督查工作方案》，通报了有关情况。")],
     [(H, "市创建卫生城市工作推进会"), (P, "2021年度督查工作方案》，通报了有关情况。")]),
    # a title opened in the block before
    ([(P, "会议传达了《关于进一步加强城市"), (P, "管理的实施意见》，部署下一步工作。")],
     [(P, "会议传达了《关于进一步加强城市管理的实施意见》，部署下一步工作。")]),
]


@pytest.mark.parametrize("rows, expected", PHRASE_JOIN_CASES)
def test_joins_on_the_grammar_of_the_joint(rows, expected):
    assert _reorder(rows) == expected


SANDWICH_CASES = [
    # an orphan fragment that reads on from a clause and into the next block
    pytest.param(
        [
            (P, "这项工程既是改善人居环境的重要举措，"),
            (P, "乡村振兴的有力抓手。各乡镇要抓好落实。"),
            (P, "各县区要在月底前完成自查。"),
            (H, "也是增加农民收入、助推"),
        ],
        [
            (P, "这项工程既是改善人居环境的重要举措，也是增加农民收入、助推乡村振兴的有力抓手。各乡镇要抓好落实。"),
            (P, "各县区要在月底前完成自查。"),
        ],
        id="orphan-between",
    ),
    # a real headline (no running commas) is no fragment
    pytest.param(
        [(P, "这项工程是改善人居环境的重要举措，"), (P, "乡村振兴的有力抓手。"), (H, "全力助推")],
        [(P, "这项工程是改善人居环境的重要举措，乡村振兴的有力抓手。"), (H, "全力助推")],
        id="headline-stays",
    ),
    # a fragment that its own neighbour continues is not an orphan
    pytest.param(
        [
            (P, "这项工程是改善人居环境的重要举措，"),
            (P, "乡村振兴的有力抓手。"),
            (P, "也是增加农民收入、助推"),
            (P, "集体经济发展的好办法。"),
        ],
        [
            (P, "这项工程是改善人居环境的重要举措，乡村振兴的有力抓手。"),
            (P, "也是增加农民收入、助推集体经济发展的好办法。"),
        ],
        id="not-an-orphan",
    ),
    # two gaps where it reads as well: it stays where it is
    pytest.param(
        [
            (P, "这项工程既是改善人居环境的重要举措，"),
            (P, "乡村振兴的有力抓手。"),
            (P, "那项工程既是方便群众出行的民生实事，"),
            (P, "乡村旅游的重要支撑。"),
            (H, "也是增加农民收入、助推"),
        ],
        [
            (P, "这项工程既是改善人居环境的重要举措，乡村振兴的有力抓手。"),
            (P, "那项工程既是方便群众出行的民生实事，乡村旅游的重要支撑。"),
            (H, "也是增加农民收入、助推"),
        ],
        id="two-gaps",
    ),
    # the gap is in another article (a headline stands between): it stays
    pytest.param(
        [
            (P, "这项工程既是改善人居环境的重要举措，"),
            (P, "乡村振兴的有力抓手。"),
            (H, "我市召开春季农业生产调度会"),
            (P, "会议要求抓好春耕备耕。"),
            (H, "也是增加农民收入、助推"),
        ],
        [
            (P, "这项工程既是改善人居环境的重要举措，乡村振兴的有力抓手。"),
            (H, "我市召开春季农业生产调度会"),
            (P, "会议要求抓好春耕备耕。"),
            (H, "也是增加农民收入、助推"),
        ],
        id="other-article",
    ),
    # a block that holds a sentence of its own is no fragment
    pytest.param(
        [(P, "这项工程既是改善人居环境的重要举措，"), (P, "乡村振兴的有力抓手。"), (P, "制度逐步健全。各单位均成立了专班，")],
        [(P, "这项工程既是改善人居环境的重要举措，乡村振兴的有力抓手。"), (P, "制度逐步健全。各单位均成立了专班，")],
        id="holds-a-sentence",
    ),
    # no word links it to a clause before it: it may be a piece of anything
    pytest.param(
        [(P, "这项工程是改善人居环境的重要举措，"), (P, "乡村振兴的有力抓手。"), (H, "增加农民收入、助推")],
        [(P, "这项工程是改善人居环境的重要举措，乡村振兴的有力抓手。"), (H, "增加农民收入、助推")],
        id="no-linking-word",
    ),
]


@pytest.mark.parametrize("rows, expected", SANDWICH_CASES)
def test_orphan_fragment_moves_into_the_only_gap_it_fits(rows, expected):
    assert _reorder(rows) == expected


def test_fragment_move_is_reported_with_its_evidence():
    rows = [(P, "这项工程既是改善人居环境的重要举措，"), (P, "乡村振兴的有力抓手。"), (H, "也是增加农民收入、助推")]
    doc = Document(_blocks(rows), changes=[])
    restore_reading_order(doc, CONFIG)
    notes = [change.note for change in doc.changes]
    assert "orphan fragment moved into the one gap it fits (evidence 3, then 1)" in notes




# --- more evidence at the joint ----------------------------------------------

MORE_EVIDENCE_CASES = [
    # a number and its measure word (份 篇 剂 ... are units too)
    pytest.param("全市累计发放宣传册12", "份，覆盖群众3万人。", STRONG, id="measure-word-fen"),
    pytest.param("全年共刊发稿件37", "篇，阅读量超过10万。", STRONG, id="measure-word-pian"),
    # an aspect particle (着 过, like 了) and its quoted object
    pytest.param("群众感受着", "“家门口”的便利。", PHRASE, id="zhe-and-a-quoted-object"),
    # a time noun and the noun it modifies
    pytest.param("该村入选2022—2024年创建周期", "全省文明村镇推荐名单。", PHRASE, id="time-noun-and-noun"),
    # a short sentence without a verb is the end of a noun phrase
    pytest.param("名单上有我们", "县城关镇中心小学。", WEAK, id="verbless-sentence"),
]


@pytest.mark.parametrize("left, right, expected", MORE_EVIDENCE_CASES)
def test_more_evidence_at_the_joint(left, right, expected):
    assert joint_score(left, right) == expected


@pytest.mark.parametrize(
    "left, right",
    [
        # a time word before a one-character noun: as often an adverbial before
        # a new clause (`近期` + `区开展…`)
        pytest.param("会上，传达了上级领导近期", "区开展“双创”工作的部署要求。", id="time-word-and-one-character"),
        # a sentence without a verb but longer than a dozen Hanzi, or with a
        # clause mark, may open a paragraph
        pytest.param("名单上有我们", "城市管理工作、民生事业。", id="verbless-with-a-comma"),
    ],
)
def test_no_evidence_at_these_joints(left, right):
    assert joint_score(left, right) == NONE


@pytest.mark.parametrize(
    "rows, expected",
    [
        # a headline-shaped piece that reports speech (`表示，`) is running text:
        # a phrase at the joint joins it
        pytest.param(
            [(H, "该局负责人表示，此次活动旨在讲好"), (P, "“文明城市”建设故事，凝聚正能量。")],
            [(P, "该局负责人表示，此次活动旨在讲好“文明城市”建设故事，凝聚正能量。")],
            id="speech",
        ),
        # ... and so is one that opens with a date clause
        pytest.param(
            [(H, "2022年3月，该村入选2022—2024年创建周期"), (P, "全省文明村镇推荐名单。")],
            [(P, "2022年3月，该村入选2022—2024年创建周期全省文明村镇推荐名单。")],
            id="date-clause",
        ),
        # a headline with commas that opens like neither needs more than a phrase
        pytest.param(
            [(H, "坚持问题导向，全力推进"), (P, "“文明城市”创建工作。")],
            [(H, "坚持问题导向，全力推进"), (P, "“文明城市”创建工作。")],
            id="headline-with-commas",
        ),
    ],
)
def test_headline_shaped_running_text_is_joined_on_a_phrase(rows, expected):
    assert _reorder(rows) == expected


# --- a fragment inside a sentence, at a space that stood for a line break ----

#: An enumeration of parallel clauses (…包联…抓…) whose line break the
#: extraction wrote as a space, after 乡镇党委 (offset 14), and the line that
#: belongs there, displaced after the paragraph (spec §5: "at a space that
#: stood for one").
WRAP_HOST = "他们推行了局领导包联乡镇党委考核评比、业务骨干包联村党支部抓运行规范机制，全年开展督导40次。"
WRAP_FRAGMENT = "抓责任落实、科室干部包联站所抓"
WRAP_JOINED = "他们推行了局领导包联乡镇党委抓责任落实、科室干部包联站所抓考核评比、业务骨干包联村党支部抓运行规范机制，全年开展督导40次。"
NEXT = "五是强化保障，完善考核办法。"

WRAP_CASES = [
    pytest.param(
        [(P, WRAP_HOST, {"wrap_gaps": (14,)}), (H, WRAP_FRAGMENT), (P, NEXT)],
        [(P, WRAP_JOINED), (P, NEXT)],
        id="parallel-clauses",
    ),
    # the same before the paragraph
    pytest.param(
        [(P, "全县召开组织工作会议。"), (H, WRAP_FRAGMENT), (P, WRAP_HOST, {"wrap_gaps": (14,)})],
        [(P, "全县召开组织工作会议。"), (P, WRAP_JOINED)],
        id="before-the-paragraph",
    ),
    # no line break known there: it stays
    pytest.param(
        [(P, WRAP_HOST), (H, WRAP_FRAGMENT), (P, NEXT)],
        [(P, WRAP_HOST), (H, WRAP_FRAGMENT), (P, NEXT)],
        id="no-gap",
    ),
    # the line break cut a word (考 + 核): nothing was lost there
    pytest.param(
        [(P, WRAP_HOST, {"wrap_gaps": (15,)}), (H, WRAP_FRAGMENT), (P, NEXT)],
        [(P, WRAP_HOST), (H, WRAP_FRAGMENT), (P, NEXT)],
        id="inside-a-word",
    ),
    # two paragraphs where it fits as well: it stays
    pytest.param(
        [(P, WRAP_HOST, {"wrap_gaps": (14,)}), (P, WRAP_HOST.replace("全年", "今年"), {"wrap_gaps": (14,)}), (H, WRAP_FRAGMENT), (P, NEXT)],
        [(P, WRAP_HOST), (P, WRAP_HOST.replace("全年", "今年")), (H, WRAP_FRAGMENT), (P, NEXT)],
        id="two-places",
    ),
    # a headline repeats no clause of the paragraph: it stays
    pytest.param(
        [(P, WRAP_HOST, {"wrap_gaps": (14,)}), (H, "我市召开春季农业生产调度会"), (P, NEXT)],
        [(P, WRAP_HOST), (H, "我市召开春季农业生产调度会"), (P, NEXT)],
        id="headline",
    ),
    # only one joint repeats the parallel clauses (抓 + 考核 as 抓运行): it stays
    pytest.param(
        [(P, WRAP_HOST, {"wrap_gaps": (14,)}), (H, "加强责任落实、科室干部包联站所抓"), (P, NEXT)],
        [(P, WRAP_HOST), (H, "加强责任落实、科室干部包联站所抓"), (P, NEXT)],
        id="one-joint-parallel",
    ),
    # in another article (a headline stands between): it stays
    pytest.param(
        [(P, WRAP_HOST, {"wrap_gaps": (14,)}), (H, "全市春耕备耕工作有序推进"), (P, "会议要求抓好春耕备耕。"), (H, WRAP_FRAGMENT)],
        [(P, WRAP_HOST), (H, "全市春耕备耕工作有序推进"), (P, "会议要求抓好春耕备耕。"), (H, WRAP_FRAGMENT)],
        id="other-article",
    ),
    # a block that holds a sentence of its own is no fragment
    pytest.param(
        [(P, WRAP_HOST, {"wrap_gaps": (14,)}), (P, "抓责任落实。科室干部包联站所抓"), (P, NEXT)],
        [(P, WRAP_HOST), (P, "抓责任落实。科室干部包联站所抓"), (P, NEXT)],
        id="holds-a-sentence",
    ),
]


@pytest.mark.parametrize("rows, expected", WRAP_CASES)
def test_fragment_moves_into_the_one_line_break_it_fits(rows, expected):
    assert _reorder(rows) == expected


def test_fragment_move_into_a_line_break_is_reported():
    rows = [(P, WRAP_HOST, {"wrap_gaps": (14,)}), (H, WRAP_FRAGMENT), (P, NEXT)]
    doc = Document(_blocks(rows), changes=[])
    restore_reading_order(doc, CONFIG)
    assert [(change.block, change.offset, change.after) for change in doc.changes] == [(0, 14, WRAP_FRAGMENT)]
    assert "line break" in doc.changes[0].note


def test_fragment_moves_to_a_line_break_end_to_end():
    # the paragraph wrapped at 14 characters, after 乡镇党委: joining the
    # hard wraps keeps the place of each line break between two Hanzi
    lines = [WRAP_HOST[start : start + 14] for start in range(0, len(WRAP_HOST), 14)]
    page = "\n".join(lines) + f"\n\n{WRAP_FRAGMENT}\n\n{NEXT}\n"
    gold = f"{WRAP_JOINED}\n\n{NEXT}\n"
    assert paperclean.clean(page) == gold


def test_fragment_moves_to_a_space_that_stood_for_a_line_break_end_to_end():
    # the spacing step keeps the place of the space it removed (乡镇党委 考核)
    page = f"{WRAP_HOST[:14]} {WRAP_HOST[14:]}\n\n{WRAP_FRAGMENT}\n\n{NEXT}\n"
    gold = f"{WRAP_JOINED}\n\n{NEXT}\n"
    assert paperclean.clean(page) == gold
    assert paperclean.clean(gold) == gold


# --- properties --------------------------------------------------------------

ALL_KINDS = [PARAGRAPH] * 6 + [HEADLINE, SUBTITLE, BYLINE, CAPTION, CREDIT, TABLE, HEADING, ELLIPSIS, FURNITURE, JUMP]

#: Pieces that end or start a sentence half, so that joins and moves happen.
PIECES = [
    "为方便农户，合作社联合周边村庄成",
    "立设备维修服务站，农机具坏了随时可修。",
    "全市新建改建农村公路320公里",
    "，完成投资4.6亿元。",
    "该工程于2023年10",
    "月底前全面完工。",
    "要重点检查商场超市、农贸",
    "市场、宾馆饭店等人员密集场所的消防设施。",
    "李明指出，要抓好重点行业领域专项整治。",
    "本报讯（记者刘晓宁）近日，市图书馆新馆",
    "项目\t金额\t",
    "道路改造\t1200万元\t",
    "图为新建成的农村公路。",
    "王晓东 摄",
    "",
]

stripped_text = st.one_of(st.text(), running_text, st.sampled_from(PIECES)).map(str.strip)


@st.composite
def blocks(draw, text=stripped_text):
    """Blocks as they stand when restore_reading_order runs: one per text,
    with a kind (drawn, or what the classifier says), `continued` and the
    share of the column that the last line filled."""
    result = []
    for value in draw(st.lists(text, max_size=8)):
        kind = draw(st.one_of(st.sampled_from(ALL_KINDS), st.just(classify_text(value))))
        share = draw(st.sampled_from([0.0, 0.5, 0.8, 1.0]))
        result.append(Block(value, kind, continued=draw(st.booleans()), last_line_share=share))
    return result


#: Reading order alone: the repetition and widening steps that it redoes at
#: a new joint (spec §6 may drop characters, §4 turns `--` into `——`) are
#: turned off for the content properties.
ORDER_ONLY = Config(collapse_repeated_phrases=False, collapse_doubled_words=False, widen_punctuation=False)


def _run(block_list):
    return restore_reading_order(Document(block_list), ORDER_ONLY).blocks


@pytest.mark.parametrize(
    "left, right, joined",
    [
        # a phrase that the joint doubles is kept once (spec §6) ...
        ("他说：“把实事办到群众心坎上", "把实事办到群众心坎上，让群众满意。”", "他说：“把实事办到群众心坎上，让群众满意。”"),
        # ... and a doubled word (`指挥指挥中心`)
        ("他说：“我们要建好应急指挥", "指挥中心，让群众放心。”", "他说：“我们要建好应急指挥中心，让群众放心。”"),
        # a half-width mark that the joint puts next to Chinese is widened,
        # and the space beside it goes (§3, §4)
        ("他说 (", ")社区工作者很辛苦。", "他说（）社区工作者很辛苦。"),
    ],
)
def test_a_joint_gets_the_repairs_of_the_earlier_steps(left, right, joined):
    doc = restore_reading_order(Document([Block(left), Block(right)]), CONFIG)
    assert [b.text for b in doc.blocks] == [joined]


def test_a_joint_keeps_a_doubled_phrase_when_the_repetition_steps_are_off():
    doc = restore_reading_order(Document([Block("他说：“我们要建好应急指挥"), Block("指挥中心，让群众放心。”")]), ORDER_ONLY)
    assert [b.text for b in doc.blocks] == ["他说：“我们要建好应急指挥指挥中心，让群众放心。”"]


def _whitespace_free(text):
    return "".join(text.split())


_WIDE_TO_NARROW = str.maketrans("，；：？！（）。", ",;:?!().")


def _folded(text):
    """`text` with the punctuation that a join may widen (spec §4: a mark that
    a join puts next to Chinese is widened) folded to half width."""
    return text.translate(_WIDE_TO_NARROW)


def _visible(counter):
    return Counter({char: count for char, count in counter.items() if char.strip()})


def _merged_tables(before, after):
    """How many table blocks were merged into the one before them."""
    return sum(b.kind == TABLE for b in before) - sum(b.kind == TABLE for b in after)


@given(blocks())
@example([Block("一--"), Block("0")])  # `--` widened to `——` at a joint is the widening step's
def test_no_character_added_dropped_or_changed(block_list):
    after = _run(copy.deepcopy(block_list))
    before_chars = Counter(_folded("".join(b.text for b in block_list)))
    after_chars = Counter(_folded("".join(b.text for b in after)))
    # every character but whitespace is kept exactly; whitespace may only go
    # (a headline-shaped piece joined into running text loses its spaces,
    # spec §3), except the newline between the rows of two merged tables
    assert _visible(after_chars) == _visible(before_chars)
    # ... and one space where a join puts two Latin words side by side (§2)
    joins = len(block_list) - len(after)
    allowed = before_chars + Counter({"\n": _merged_tables(block_list, after), " ": joins})
    assert all(after_chars[c] <= allowed[c] for c in after_chars if not c.strip())


@given(blocks(text=stripped_text.map(_whitespace_free)))
def test_no_character_added_dropped_or_changed_ignoring_nothing(block_list):
    # without whitespace in the blocks, the multiset of all characters of all
    # blocks is the same before and after; the only character added is the
    # newline between the rows of two merged tables, and one space where a join
    # puts two Latin words side by side
    before = Counter(_folded("".join(b.text for b in block_list)))
    after = _run(copy.deepcopy(block_list))
    added = Counter({"\n": _merged_tables(block_list, after), " ": _latin_joints(block_list, after)})
    assert Counter(_folded("".join(b.text for b in after))) == before + added


def _latin_joints(before, after):
    """Spaces added where a join put two Latin words side by side (spec §2)."""
    return sum(b.text.count(" ") for b in after) - sum(b.text.count(" ") for b in before)


# Once a strict xfail: the evidence for a joint depended on joins made later
# in the same pass (全 + 面完成。 made the block before continue into it only
# on a second pass).  A join now looks again at the block before it.
@given(blocks())
@example([Block("会议要求，各地要确保年底前各项任务"), Block("全"), Block("面完成。")])
def test_idempotent_on_its_own_output(block_list):
    once = _run(block_list)
    snapshot = [(b.kind, b.text, b.continued) for b in once]
    twice = _run(copy.deepcopy(once))
    assert [(b.kind, b.text, b.continued) for b in twice] == snapshot


@pytest.mark.xfail(
    strict=True,
    reason="found by a wider random search of the property above: two tables merge only once the "
    "headline-shaped piece between them was joined to the copy before it, on a second pass",
)
def test_idempotent_when_a_join_brings_two_tables_together():
    row = "为方便农户，合作社联合周边村庄成"
    block_list = [Block(""), Block(row, HEADLINE), Block("", TABLE), Block(row, HEADLINE), Block("", TABLE)]
    once = _run(block_list)
    snapshot = [(b.kind, b.text, b.continued) for b in once]
    twice = _run(copy.deepcopy(once))
    assert [(b.kind, b.text, b.continued) for b in twice] == snapshot


@given(blocks())
def test_a_block_is_never_split(block_list):
    # every block ends up whole inside one block (its whitespace aside)
    after = [_folded(_whitespace_free(b.text)) for b in _run(copy.deepcopy(block_list))]
    assert len(after) <= len(block_list)
    for block in block_list:
        assert any(_folded(_whitespace_free(block.text)) in text for text in after)


@given(blocks(text=st.text()))
def test_no_crash_on_any_text(block_list):
    _run(block_list)


@given(st.lists(st.text(), max_size=8))
def test_no_crash_on_classified_blocks_of_any_text(texts):
    _run([Block(text, classify_text(text)) for text in texts])


# --- end to end through paperclean.clean -------------------------------------

INTERRUPTED_PAGE = """城东新区智慧社区服务中心投用

本报记者 王晓东

本报讯（记者刘晓宁）近日，城东新区智慧社区服务中心正
式投入使用。中心设有政务服务、医疗卫生、养老托育等功
能区，开业以来，累计为群众办理各类业

图为工作人员在智慧社区服务中心为群众办理业务。

本报记者 王晓东 摄

务3200余件，群众满意率达98%。居民在家门口就能办理社
保、医保等32项业务。

下一步，该中心将继续优化服务流程，推出更多便民举措。
"""

INTERRUPTED_GOLD = """城东新区智慧社区服务中心投用

本报记者 王晓东

本报讯（记者刘晓宁）近日，城东新区智慧社区服务中心正式投入使用。中心设有政务服务、医疗卫生、养老托育等功能区，开业以来，累计为群众办理各类业务3200余件，群众满意率达98%。居民在家门口就能办理社保、医保等32项业务。

图为工作人员在智慧社区服务中心为群众办理业务。

本报记者 王晓东 摄

下一步，该中心将继续优化服务流程，推出更多便民举措。
"""

CAPTION_CREDIT_GLUED_PAGE = """全市新建改建农村公路320公里,总投
资4.6亿元,新建成的公路串联起沿线12个乡

图为新建成的农村公路。
通讯员 李倩摄

镇,惠及群众12万人。
"""

CAPTION_CREDIT_GLUED_GOLD = """全市新建改建农村公路320公里，总投资4.6亿元，新建成的公路串联起沿线12个乡镇，惠及群众12万人。

图为新建成的农村公路。

通讯员 李倩摄
"""

SPLIT_TABLE_PAGE = "各街道考评得分\n\n序号\t街道\t得分\t\n1\t城东街道\t96.5\t\n\n2\t城西街道\t95.0\t\n3\t\t94.5\t\n"

SPLIT_TABLE_GOLD = "各街道考评得分\n\n序号\t街道\t得分\t\n1\t城东街道\t96.5\t\n2\t城西街道\t95.0\t\n3\t\t94.5\t\n"


@pytest.mark.parametrize(
    "page, gold",
    [
        pytest.param(INTERRUPTED_PAGE, INTERRUPTED_GOLD, id="caption-and-credit-interrupt"),
        pytest.param(CAPTION_CREDIT_GLUED_PAGE, CAPTION_CREDIT_GLUED_GOLD, id="caption-credit-glued"),
        pytest.param(SPLIT_TABLE_PAGE, SPLIT_TABLE_GOLD, id="split-table"),
    ],
)
def test_clean_end_to_end(page, gold):
    assert paperclean.clean(page) == gold
    assert paperclean.clean(gold) == gold


def test_the_rest_of_a_cut_caption_is_joined_not_skipped():
    # A column break cut a caption; its second half stands right above the
    # credit.  It continues the caption (室 + 内: a word), so it is joined,
    # not skipped over as an interruption.
    rows = [
        (CAPTION, "图为村民正在采收自家棚室"),
        (CAPTION, "内成熟的西红柿。"),
        (CREDIT, "王某 摄"),
        (P, "一年来，全县新建温室大棚两百余座。"),
    ]
    assert _reorder(rows) == [
        (CAPTION, "图为村民正在采收自家棚室内成熟的西红柿。"),
        (CREDIT, "王某 摄"),
        (P, "一年来，全县新建温室大棚两百余座。"),
    ]


# --- a column piece set far from the paragraph it continues ------------------


def _cut(rows, shares):
    """Blocks as `_blocks` builds them, with the share of the column their
    last line filled (1.0: a column break cut the block)."""
    blocks = _blocks(rows)
    for block, share in zip(blocks, shares):
        block.last_line_share = share
    return blocks


def test_a_distant_column_piece_moves_up_to_the_paragraph_it_continues():
    # `…撬` was cut by a column break (its last line filled the column); the
    # next block opens a sentence of another column; `动社会资金…` completes
    # the word 撬动 and follows a block that ends a sentence: it is moved up,
    # with the complete paragraph after it, and joined
    rows = [
        (P, "市级科技计划给予财政资金支持，撬"),
        (P, "目前，全县已建成救助站三座，各县市区都"),
        (CAPTION, "图为志愿者在社区服务。"),
        (CREDIT, "王某 摄"),
        (P, "动社会资金五千余万元，带动了一批科技项目在园区落地，企业研发投入连续三年保持两位数增长。"),
        (P, "今年以来，全县共签订技术合同三十项。"),
    ]
    doc = restore_reading_order(Document(_cut(rows, [1.0, 1.0, 0.5, 0.5, 0.6, 0.6])), CONFIG)
    assert [(block.kind, block.text) for block in doc.blocks] == [
        (P, "市级科技计划给予财政资金支持，撬动社会资金五千余万元，带动了一批科技项目在园区落地，企业研发投入连续三年保持两位数增长。"),
        (P, "今年以来，全县共签订技术合同三十项。"),
        (P, "目前，全县已建成救助站三座，各县市区都"),
        (CAPTION, "图为志愿者在社区服务。"),
        (CREDIT, "王某 摄"),
    ]


@pytest.mark.parametrize(
    "rows, shares",
    [
        # a paragraph that ends short lost its rest: a word that merely forms
        # across the joint (发 + 明确 gives 发明) moves nothing
        pytest.param(
            [
                (P, "让企业家安心经营、放手发"),
                (HEADLINE, "我市召开安全生产工作会议"),
                (P, "会议要求，各地要压实责任。"),
                (P, "明确分类标准，开展示范创建，落实源头减量措施，完善收运处置体系，推动各项工作取得实效。"),
            ],
            [0.5, 0.5, 0.7, 0.7],
            id="short-last-line",
        ),
        # no piece is looked for past a dateline: another article
        pytest.param(
            [
                (P, "市级科技计划给予财政资金支持，撬"),
                (HEADLINE, "全县秋粮收购有序推进"),
                (P, "本报讯（记者王某）近日，全县秋粮收购进展顺利。"),
                (P, "动社会资金五千余万元，带动了一批科技项目在园区落地，企业研发投入连续三年保持两位数增长。"),
            ],
            [1.0, 0.5, 0.6, 0.6],
            id="past-a-dateline",
        ),
    ],
)
def test_no_distant_continuation_without_plain_evidence(rows, shares):
    doc = restore_reading_order(Document(_cut(rows, shares)), CONFIG)
    assert [(block.kind, block.text) for block in doc.blocks] == rows


def test_no_distant_continuation_when_the_next_block_goes_on():
    # the next block goes on from the cut paragraph (a clause, no new
    # sentence): it is joined, and nothing is looked for farther away
    rows = [
        (P, "全市累计建成各类服务站点，"),
        (P, "为群众提供便利服务。"),
        (P, "点三百余个，覆盖城乡社区，为群众提供了政策咨询、就业指导、法律援助等多项便民服务。"),
    ]
    doc = restore_reading_order(Document(_cut(rows, [1.0, 0.6, 0.6])), CONFIG)
    assert [(block.kind, block.text) for block in doc.blocks] == [
        (P, "全市累计建成各类服务站点，为群众提供便利服务。"),
        (P, "点三百余个，覆盖城乡社区，为群众提供了政策咨询、就业指导、法律援助等多项便民服务。"),
    ]


def test_a_headline_phrase_that_interrupts_a_cut_paragraph_moves_after_it():
    # a headline's phrases set one a line beside the column: the extractor
    # put one between a cut paragraph (its last line filled the column) and
    # its rest (履行协 + 调指导 makes 协调); the rest comes up, the headline
    # goes after the paragraph
    rows = [
        (P, "联席会议办公室充分发挥作用，认真履行协"),
        (HEADLINE, "启航新征程"),
        (P, "调指导职责，积极谋划工作重点，确保各项政策措施的审查工作规范有序，做到应审尽审、审必规范。"),
        (P, "今年以来，全市新增审查政策措施四十余件，未发现违反公平竞争审查标准的情况。"),
    ]
    doc = restore_reading_order(Document(_cut(rows, [1.0, 0.5, 0.9, 0.9])), CONFIG)
    assert [(block.kind, block.text) for block in doc.blocks] == [
        (P, "联席会议办公室充分发挥作用，认真履行协调指导职责，积极谋划工作重点，确保各项政策措施的审查工作规范有序，做到应审尽审、审必规范。"),
        (P, "今年以来，全市新增审查政策措施四十余件，未发现违反公平竞争审查标准的情况。"),
        (HEADLINE, "启航新征程"),
    ]


@pytest.mark.parametrize("kind, moved", [("subtitle", False), ("headline", True)])
def test_no_distant_continuation_is_looked_for_past_a_subtitle(kind, moved):
    # a `——` subtitle opens what follows it (spec §2: a block of its own, in
    # a headline group): a paragraph past it is not the rest of the cut one,
    # even where a word reads across the joint (明 + 水); past a headline's
    # phrases alone it may be (they can interrupt a sentence)
    rows = [
        ("全市开展活动，号召市民捡起小烟头，拾起大文明", PARAGRAPH),
        ("——我为创城增光彩志愿服务活动，回收烟头17公斤。", kind),
        ("水通则心通，心通则民安。", PARAGRAPH),
    ]
    blocks = [Block(text, kind) for text, kind in rows]
    blocks[0].last_line_share = 1.0  # the cut line filled its column
    assert _bring_distant_continuation(blocks, 0, 1, Document([])) is moved
    order = [0, 2, 1] if moved else [0, 1, 2]
    assert [b.text for b in blocks] == [rows[i][0] for i in order]


# --- a paragraph's first line that the extractor set apart --------------------

FIRST_LINE_CASES = [
    # justification spread the line (every space splits a word: 建 设), and
    # the paragraph goes on from it with a word across the joint (推进)
    pytest.param(
        [(H, "科技平台建 设深入推"), (P, "进，产学研协同创新不断拓展。")],
        [(P, "科技平台建设深入推进，产学研协同创新不断拓展。")],
        id="spread-line",
    ),
    # a line that opens like a sentence (a time word and a comma) is running
    # text, also when its shape made it a line of its own
    pytest.param(
        [(H, "近日，在城东新区服务站门"), (P, "口，市民们排起了长队。")],
        [(P, "近日，在城东新区服务站门口，市民们排起了长队。")],
        id="opens-like-a-sentence",
    ),
    pytest.param(
        [(H, "今年，该市将从“大刀", {"own_line": True}), (P, "阔斧减排”向精细治理转变。")],
        [(P, "今年，该市将从“大刀阔斧减排”向精细治理转变。")],
        id="opens-like-a-sentence-own-line",
    ),
    # --- must stay as they are ---
    # real phrase spaces: a headline, even where a word crosses the joint (到位)
    pytest.param(
        [(H, "排查到位 维护周到"), (P, "位率达到百分之百，群众满意。")],
        [(H, "排查到位 维护周到"), (P, "位率达到百分之百，群众满意。")],
        id="phrase-spaces",
    ),
    # running text that the next block does not plainly continue
    pytest.param(
        [(H, "近日，在城东新区服务站"), (P, "市民们排起了长队。")],
        [(H, "近日，在城东新区服务站"), (P, "市民们排起了长队。")],
        id="no-word-across",
    ),
    # a headline that opens like no sentence
    pytest.param(
        [(H, "坚持问题导向 全力推进"), (P, "进度，确保年底完工。")],
        [(H, "坚持问题导向 全力推进"), (P, "进度，确保年底完工。")],
        id="headline",
    ),
]


@pytest.mark.parametrize("rows, expected", FIRST_LINE_CASES)
def test_a_paragraphs_first_line_set_apart_is_joined(rows, expected):
    assert _reorder(rows) == expected


# --- a continuation that the extractor set before the paragraph it ends ------

#: The rest of a paragraph, longer than a fragment: it opens a column with a
#: full line, no indent (pdfminer.six wrote the column's top first).
REST = "保整治成果不反弹，各县区要在月底前完成自查自纠，逐项建立台账，全面落实整改责任，确保不留死角。"
CUT = "要建立长效机制，确"

EARLIER_CONTINUATION_CASES = [
    # the cut paragraph ends in a single character that makes a word with
    # the rest's start (确保): the rest moves to it
    pytest.param(
        [(P, "全市开展了专项整治。"), (P, REST, {"opens_full_line": True}), (P, "各县区已完成第一轮整改任务。"), (P, CUT, {"last_line_share": 1.0})],
        [(P, "全市开展了专项整治。"), (P, "各县区已完成第一轮整改任务。"), (P, CUT + REST)],
        id="word-cut-by-the-line-end",
    ),
    # --- must stay as they are ---
    # two whole words across the joint (临街 + 市容) are no evidence this far away
    pytest.param(
        [
            (P, "市容问题不只在地面上，还有空中，城市里的各类线缆影响市容，也带来一定的安全隐患，成了困扰城市发展的烦恼。", {"opens_full_line": True}),
            (P, "各县区已完成第一轮整改任务。"),
            (P, "为了招揽生意，主干道沿线不少临街", {"last_line_share": 1.0}),
        ],
        None,
        id="whole-words",
    ),
    # a paragraph's first line (indented, or short by an indent) starts no continuation
    pytest.param(
        [(P, "全市开展了专项整治。"), (P, REST), (P, "各县区已完成第一轮整改任务。"), (P, CUT, {"last_line_share": 1.0})],
        None,
        id="a-paragraph-start",
    ),
    # the cut paragraph ended short: its rest was lost, not moved
    pytest.param(
        [(P, "全市开展了专项整治。"), (P, REST, {"opens_full_line": True}), (P, "各县区已完成第一轮整改任务。"), (P, CUT, {"last_line_share": 0.5})],
        None,
        id="ended-short",
    ),
    # a continuation never stands before the headline of its article
    pytest.param(
        [(P, REST, {"opens_full_line": True}), (H, "全市开展冬季专项整治"), (P, "各县区已完成第一轮整改任务。"), (P, CUT, {"last_line_share": 1.0})],
        None,
        id="another-article",
    ),
]


@pytest.mark.parametrize("rows, expected", EARLIER_CONTINUATION_CASES)
def test_a_continuation_set_before_its_paragraph_moves_to_it(rows, expected):
    unchanged = [(row[0], row[1]) for row in rows]
    assert _reorder(rows) == (expected if expected is not None else unchanged)


# --- headline phrases that the extraction set apart (gather_headline_phrases) --
# A headline set across the columns with wide gaps between its phrases comes
# out of reading-order extraction (default pdftotext) one block per phrase,
# each at the top of the column under it.  Text of my own, written from the
# rule: parallel phrases have the same length; the phrase that interrupts a
# sentence goes to its headline, and the sentence is joined.

PHRASE_CASES = [
    pytest.param(
        [
            (HEADLINE, "抓学习"),
            (P, "今年以来，全县各级党组织认真组织干部学"),
            (HEADLINE, "强作风"),
            (P, "习党的创新理论，推动各项工作落实。"),
        ],
        [
            (HEADLINE, "抓学习 强作风"),
            (P, "今年以来，全县各级党组织认真组织干部学习党的创新理论，推动各项工作落实。"),
        ],
        id="interrupting-phrase-joins-the-parallel-one-before",
    ),
    pytest.param(
        [
            (P, "截至目前，全县已建成各类便民服务站点，覆盖城乡社区，为群众提供政策咨询等多项服务，受到群众欢迎，赢得了安"),
            (HEADLINE, "服务到位"),
            (HEADLINE, "管理精细"),
            (P, "全感和满意度的双提升。"),
            (P, "下一步，该局将继续完善服务体系。"),
            (HEADLINE, "保障有力"),
            (HEADLINE, "城区公交线路延伸到乡镇"),
        ],
        [
            (P, "截至目前，全县已建成各类便民服务站点，覆盖城乡社区，为群众提供政策咨询等多项服务，受到群众欢迎，赢得了安全感和满意度的双提升。"),
            (P, "下一步，该局将继续完善服务体系。"),
            (HEADLINE, "服务到位 管理精细 保障有力"),
            (HEADLINE, "城区公交线路延伸到乡镇"),
        ],
        id="interrupting-run-joins-the-parallel-one-after",
    ),
    pytest.param(
        [
            (HEADLINE, "专题讲座+现场教学"),
            (P, "本报讯（记者王某）近日，该县举办基层干部培训班。"),
            (P, "培训邀请有关专家为全县基层干部和驻村帮"),
            (HEADLINE, "某县强化基层干部培训"),
            (P, "扶工作队员授课，取得了良好效果。"),
        ],
        [
            (HEADLINE, "专题讲座+现场教学 某县强化基层干部培训"),
            (P, "本报讯（记者王某）近日，该县举办基层干部培训班。"),
            (P, "培训邀请有关专家为全县基层干部和驻村帮扶工作队员授课，取得了良好效果。"),
        ],
        id="no-parallel-phrase-nearest-headline-before",
    ),
    pytest.param(
        [
            (HEADLINE, "迎新春"),
            (HEADLINE, "保平安"),
            (P, "本报讯（记者王某）连日来，全市开展节前安全检查。"),
            (HEADLINE, "送温暖"),
            (P, "检查组深入企业和社区，排查各类隐患。"),
        ],
        [
            (HEADLINE, "迎新春 保平安 送温暖"),
            (P, "本报讯（记者王某）连日来，全市开展节前安全检查。"),
            (P, "检查组深入企业和社区，排查各类隐患。"),
        ],
        id="lone-parallel-phrase-among-paragraphs",
    ),
    pytest.param(
        [
            (BYLINE, "本报记者 王某"),
            (HEADLINE, "抓学习"),
            (P, "今年以来，全县各级党组织认真组织干部学习党的创新理论。"),
            (HEADLINE, "一年来，我市新建公"),
            (HEADLINE, "强作风"),
            (P, "园绿地十余处，新增绿地面积两百余亩，群众休闲有了好去处。"),
            (P, "全年共完成道路改造"),
            (HEADLINE, "促发展"),
            (HEADLINE, "惠民生"),
            (P, "12.6公里，城区路网进一步完善。"),
        ],
        [
            # the phrases stand in the order read, whichever moves first
            (BYLINE, "本报记者 王某"),
            (HEADLINE, "抓学习 强作风 促发展 惠民生"),
            (P, "今年以来，全县各级党组织认真组织干部学习党的创新理论。"),
            (P, "一年来，我市新建公园绿地十余处，新增绿地面积两百余亩，群众休闲有了好去处。"),
            (P, "全年共完成道路改造12.6公里，城区路网进一步完善。"),
        ],
        id="phrases-in-the-order-read",
    ),
    pytest.param(
        [
            (HEADLINE, "王某在全市安全生产工作会议上强调"),
            (HEADLINE, "压实责任 守牢底线"),
            (P, "本报讯（记者王某）近日，全市安全生产工作会议召开。"),
        ],
        [
            (HEADLINE, "王某在全市安全生产工作会议上强调 压实责任 守牢底线"),
            (P, "本报讯（记者王某）近日，全市安全生产工作会议召开。"),
        ],
        id="what-was-said-follows-the-verb-of-speech",
    ),
    pytest.param(
        [
            (BYLINE, "本报记者 王某"),
            (BYLINE, "通讯员 李某"),
            (P, "近日，全市安全生产工作会议召开。"),
        ],
        [
            (BYLINE, "本报记者 王某 通讯员 李某"),
            (P, "近日，全市安全生产工作会议召开。"),
        ],
        id="correspondent-after-reporter",
    ),
    pytest.param(
        [
            (HEADLINE, "张明"),
            (HEADLINE, "李华"),
            (HEADLINE, "学技能"),
            (P, "近日，全市职业技能大赛开幕。"),
        ],
        [
            (HEADLINE, "张明 李华"),
            (HEADLINE, "学技能"),
            (P, "近日，全市职业技能大赛开幕。"),
        ],
        id="names-are-not-joined-to-a-phrase",
    ),
]

# rows that must come out as they are
PHRASE_UNCHANGED = [
    pytest.param(
        [
            (HEADLINE, "全市秋粮收购有序推进"),
            (HEADLINE, "收购价格保持稳定"),
            (P, "本报讯（记者王某）近日，全市秋粮收购进展顺利。"),
        ],
        id="headline-and-subhead-of-different-lengths",
    ),
    pytest.param(
        [
            (P, "全市已建成便民服务站点三百余个。"),
            (HEADLINE, "加强组织领导"),
            (P, "各地成立了工作专班，明确责任分工。"),
            (HEADLINE, "压实工作责任 强化督导检查"),
        ],
        id="subhead-between-whole-sentences-with-no-parallel-single-phrase",
    ),
    pytest.param(
        [
            (HEADLINE, "抓学习 强作风 促发展"),
            (P, "今年以来，全县各级党组织认真组织干部学习。"),
            (HEADLINE, "保平安 送温暖"),
            (P, "检查组深入企业和社区，排查各类隐患。"),
        ],
        id="a-whole-headline-of-several-phrases-stays",
    ),
    pytest.param(
        [
            (P, "截至目前，全县已建成各类便民服务站点，"),
            (HEADLINE, "服务到位"),
            (P, "本报讯（记者王某）近日，全县召开工作会议。"),
        ],
        id="no-sentence-goes-on-past-it",
    ),
]


def test_a_lone_phrase_beside_the_rest_of_a_paragraph_is_gathered():
    # `站点` is headline-shaped, but the paragraph before it goes on into it
    # (服务 + 站点): once joined it is running text, so `办实事` stands alone
    # among paragraphs, a lone phrase of the headline (spec §2, §5); read
    # again, the joined text gives the same reading
    rows = [(H, "学党史 悟思想"), (P, "今年以来，全市共建成社区养老服务"), (H, "站点"), (H, "办实事"), (P, "王伟强调，要抓好各项工作落实。")]
    assert _reorder(rows) == [
        (H, "学党史 悟思想 办实事"),
        (P, "今年以来，全市共建成社区养老服务站点"),
        (P, "王伟强调，要抓好各项工作落实。"),
    ]


@pytest.mark.parametrize("rows, expected", PHRASE_CASES)
def test_headline_phrases_set_apart_are_gathered(rows, expected):
    assert _reorder(rows) == expected


@pytest.mark.parametrize("rows", PHRASE_UNCHANGED)
def test_headline_phrases_that_stay(rows):
    assert _reorder(rows) == rows


def test_a_headline_over_a_dateline_continues_no_sentence():
    # `登记失` + `去年…` reads on as a word (失去), but the headline stands over
    # the dateline that opens its article: it is not the rest of the sentence
    rows = [
        (P, "符合条件的毕业生和登记失"),
        (HEADLINE, "去年全市新增就业岗位"),
        (P, "本报讯（记者王某）近日，记者从市人社局获悉。"),
    ]
    assert _reorder(rows) == rows


# --- the one paragraph of the page that continues a cut one ------------------
# Reading-order extraction may set an article that spans the columns,
# dateline and all, between a column's end and its rest.  Text of my own.


def test_the_only_continuation_on_the_page_moves_up_past_another_article():
    # `登记失` was cut by a column break; `业青年` makes 失业 (a common word next
    # to how often 业 stands alone); no other cut block reads on into it
    rows = [
        (P, "对符合条件的高校毕业生和十六至二十四岁的登记失"),
        (HEADLINE, "去年全市新增就业岗位"),
        (P, "本报讯（记者王某）近日，记者从市人社局获悉，全市新增就业岗位两千余个。"),
        (P, "业青年，给予每人每月一千元就业见习补贴，见习期满后被留用的，再给予一次性吸纳就业补贴。"),
        (P, "下一步，该局将继续做好就业服务。"),
    ]
    doc = restore_reading_order(Document(_cut(rows, [1.0, 0.5, 0.6, 0.5, 0.5])), CONFIG)
    assert [(block.kind, block.text) for block in doc.blocks] == [
        (P, "对符合条件的高校毕业生和十六至二十四岁的登记失业青年，给予每人每月一千元就业见习补贴，见习期满后被留用的，再给予一次性吸纳就业补贴。"),
        (P, "下一步，该局将继续做好就业服务。"),  # the column's next paragraph comes along
        (HEADLINE, "去年全市新增就业岗位"),
        (P, "本报讯（记者王某）近日，记者从市人社局获悉，全市新增就业岗位两千余个。"),
    ]


@pytest.mark.parametrize(
    "rows, shares",
    [
        pytest.param(
            [
                (P, "对符合条件的高校毕业生和十六至二十四岁的登记失"),
                (HEADLINE, "去年全市新增就业岗位"),
                (P, "本报讯（记者王某）近日，记者从市人社局获悉，全市新增就业岗位两千余个。"),
                (P, "业青年，给予每人每月一千元就业见习补贴，见习期满后被留用的，再给予一次性吸纳就业补贴。"),
            ],
            [0.6, 0.5, 0.6, 0.5],
            id="ends-short-lost-its-rest",
        ),
        pytest.param(
            [
                (P, "对符合条件的企业给予每人"),
                (HEADLINE, "去年全市新增就业岗位"),
                (P, "本报讯（记者王某）近日，记者从市人社局获悉，全市新增就业岗位两千余个。"),
                (P, "为有效做好高校毕业生就业服务，该局开展了专项行动，组织用人单位进校园招聘两百余场次。"),
            ],
            [1.0, 0.5, 0.6, 0.5],
            id="a-word-across-but-the-character-opens-clauses",
        ),
    ],
)
def test_no_only_continuation(rows, shares):
    doc = restore_reading_order(Document(_cut(rows, shares)), CONFIG)
    assert [(block.kind, block.text) for block in doc.blocks] == rows


def test_no_only_continuation_when_another_cut_block_reads_on_into_it():
    # two cut blocks of the page read on into `业青年…` (失业 both times): it is
    # not the only place, and the block right before it takes it as usual
    rows = [
        (P, "对符合条件的高校毕业生和十六至二十四岁的登记失"),
        (HEADLINE, "去年全市新增就业岗位"),
        (P, "本报讯（记者王某）近日，记者从市人社局获悉，全市新增就业人员和失"),
        (P, "业青年，给予每人每月一千元就业见习补贴，见习期满后被留用的，再给予一次性吸纳就业补贴。"),
    ]
    doc = restore_reading_order(Document(_cut(rows, [1.0, 0.5, 1.0, 0.5])), CONFIG)
    assert [(block.kind, block.text) for block in doc.blocks] == [
        rows[0],
        rows[1],
        (P, "本报讯（记者王某）近日，记者从市人社局获悉，全市新增就业人员和失业青年，给予每人每月一千元就业见习补贴，见习期满后被留用的，再给予一次性吸纳就业补贴。"),
    ]


def test_a_dateline_paragraph_is_no_displaced_fragment():
    # `…给予每人` + `本报讯…` reads 人本 across the joint, but a dateline opens
    # an article: no fragment of another sentence
    rows = [
        (P, "对符合条件的企业给予每人"),
        (HEADLINE, "去年全市新增就业岗位"),
        (P, "本报讯（记者王某）近日，全市新增就业岗位两千余个。"),
    ]
    doc = restore_reading_order(Document(_cut(rows, [1.0, 0.5, 0.6])), CONFIG)
    assert [(block.kind, block.text) for block in doc.blocks] == rows


def test_a_headline_phrase_between_a_cut_paragraph_and_its_rest_with_grammar_only():
    # `驻村帮扶` + `第一书记…`: no word across the joint, but a verb and its
    # object, and a column break cut the paragraph (its last line filled the
    # column): the phrase goes to its headline, the sentence is joined
    rows = [
        (HEADLINE, "专题讲座+现场教学"),
        (P, "本报讯（记者王某）近日，该县举办基层干部培训班。"),
        (P, "培训对象包括全县科级干部和驻村帮扶"),
        (HEADLINE, "某县强化基层干部培训"),
        (P, "第一书记等两百余人，取得了良好效果。"),
    ]
    doc = restore_reading_order(Document(_cut(rows, [0.5, 0.6, 1.0, 0.6, 0.6])), CONFIG)
    assert [(block.kind, block.text) for block in doc.blocks] == [
        (HEADLINE, "专题讲座+现场教学 某县强化基层干部培训"),
        (P, "本报讯（记者王某）近日，该县举办基层干部培训班。"),
        (P, "培训对象包括全县科级干部和驻村帮扶第一书记等两百余人，取得了良好效果。"),
    ]
    # the same paragraph ending short (text lost after it): the headline stays
    doc = restore_reading_order(Document(_cut(rows, [0.5, 0.6, 0.6, 0.6, 0.6])), CONFIG)
    assert [(block.kind, block.text) for block in doc.blocks][0] == (HEADLINE, "专题讲座+现场教学")


def test_what_was_said_follows_also_when_its_line_is_wide():
    # the headline after `…时强调` is set wide (most of the column): still the
    # headline's rest, not a piece of a paragraph
    rows = [
        (HEADLINE, "李某在检查防汛工作时强调"),
        (HEADLINE, "压紧压实责任全力确保安全度汛"),
        (P, "本报讯（记者王某）近日，李某检查全市防汛工作。"),
    ]
    doc = restore_reading_order(Document(_cut(rows, [0.6, 0.9, 0.6])), CONFIG)
    assert [(block.kind, block.text) for block in doc.blocks] == [
        (HEADLINE, "李某在检查防汛工作时强调 压紧压实责任全力确保安全度汛"),
        (P, "本报讯（记者王某）近日，李某检查全市防汛工作。"),
    ]


def test_a_wide_headline_over_a_dateline_takes_the_phrase_that_interrupts():
    # the headline over the dateline is set wide (most of the column), like
    # a piece of a paragraph by its width, but a dateline follows it: it is
    # the article's headline, and the phrase cutting `精准管` + `控。` goes to it
    rows = [
        (HEADLINE, "今年全市空气质量明显改善"),
        (P, "本报讯（记者王某）近日，记者从市生态环境局获悉，全市空气质量稳中向好。"),
        (P, "为有效防治臭氧污染，该市提出了针对性的管控措施，实现了精准管"),
        (HEADLINE, "优良天数增加19天"),
        (P, "控。"),
    ]
    doc = restore_reading_order(Document(_cut(rows, [0.8, 0.6, 1.0, 0.5, 0.2])), CONFIG)
    assert [(block.kind, block.text) for block in doc.blocks] == [
        (HEADLINE, "今年全市空气质量明显改善 优良天数增加19天"),
        (P, "本报讯（记者王某）近日，记者从市生态环境局获悉，全市空气质量稳中向好。"),
        (P, "为有效防治臭氧污染，该市提出了针对性的管控措施，实现了精准管控。"),
    ]
# --- what a paragraph does not open with --------------------------------------

NO_PARAGRAPH_START_CASES = [
    # a one-character adverb that runs on into its verb: its subject came before
    pytest.param("正悄然发生着翻天覆地的变化。", "", True, id="adverb-zheng"),
    pytest.param("将继续加大投入力度，推动项目早日建成。", "", True, id="adverb-jiang"),
    # a measure word: after a number, or one of two characters
    pytest.param("公里，惠及沿线群众3万人。", "该县今年新建农村公路8", True, id="measure-after-number"),
    pytest.param("立方米的蓄水池已经建成。", "", True, id="two-character-measure"),
    # a number that counts something, not a date
    pytest.param("2300名农民参加了培训。", "", True, id="count"),
    # a bracket that is no list number: an aside on the word before it
    pytest.param("（区）全部完成验收工作。", "", True, id="aside"),
    # what paragraphs do open with
    pytest.param("再过几天，新校区就要投入使用了。", "", False, id="short-adverbial-clause"),
    pytest.param("均已完成改造。", "", False, id="adverb-in-a-short-clause"),
    pytest.param("更值得一提的是，村里建起了图书室。", "", False, id="de-shi-clause"),
    pytest.param("该局将按照方案推进各项工作。", "", False, id="subject-then-adverb"),
    pytest.param("2022年全市新增就业3万人。", "", False, id="date"),
    pytest.param("（一）加强组织领导。", "", False, id="list-item"),
    pytest.param("张华一边擦汗一边说，日子越来越好了。", "", False, id="surname-that-is-a-measure-word"),
    pytest.param("强化监督检查，确保工作落实。", "", False, id="verb-phrase"),
    pytest.param("为加快项目建设，全县抽调骨干力量。", "", False, id="framing-preposition"),
    pytest.param("", "", False, id="empty"),
    # a verb of speech without its speaker; a name after its title
    pytest.param("指出，要把好事办好。", "", True, id="bare-speech-verb"),
    pytest.param("并及时反馈给有关部门。", "", True, id="conjunction-of-predicates"),
    pytest.param("并且要把好事办好。", "", True, id="conjunction-bingqie"),
    # a clause of one noun, verb or measure word: the end of a phrase ...
    pytest.param("机制，搭建供需对接平台。", "", True, id="one-noun-clause"),
    pytest.param("协调，达成共识，加快推进。", "", True, id="one-verb-clause"),
    # ... but a one-word opening adverbial, a source, a topic and 是 open paragraphs
    pytest.param("据悉，该项目总投资2亿元。", "", False, id="according-to"),
    pytest.param("比如，市民可以通过手机办理。", "", False, id="for-example"),
    pytest.param("之后，他又来到了村委会。", "", False, id="afterwards"),
    pytest.param("一大早，村民们就来到了广场。", "", False, id="early-in-the-morning"),
    pytest.param("发展，是硬道理。", "", False, id="topic-and-shi"),
    pytest.param("没想到，这个小村庄变化这么大。", "", False, id="evaluative-opener"),
    # a place or time word of one character is said of a noun before it
    pytest.param("后，腾出了大片空地。", "拆除这些违建", True, id="one-character-time-word"),
    # what follows a quantity, after one only
    pytest.param("以上，占全部社区的四成。", "12个社区达到1000平方米", True, id="approximator-after-quantity"),
    pytest.param("以上，是我们的几点做法。", "", False, id="approximator-without-quantity"),
    pytest.param("王明主持会议并讲话。", "会议由副市长", True, id="name-after-title"),
    pytest.param("王明主持会议并讲话。", "会议听取了各部门的汇报", False, id="name-after-no-title"),
    pytest.param("王明指出，要把好事办好。", "", False, id="speaker-and-speech-verb"),
]


@pytest.mark.parametrize("text, before, expected", NO_PARAGRAPH_START_CASES)
def test_opens_no_paragraph(text, before, expected):
    assert opens_no_paragraph(text, before) is expected


@pytest.mark.parametrize(
    "rows, expected",
    [
        pytest.param(
            [(P, "近年来，这座老城"), (P, "正悄然发生着翻天覆地的变化，街巷整洁了。")],
            [(P, "近年来，这座老城正悄然发生着翻天覆地的变化，街巷整洁了。")],
            id="adverb-after-its-subject",
        ),
        pytest.param(
            [(P, "今年以来，全县累计培训"), (P, "2300名农民，发放资料1万份。")],
            [(P, "今年以来，全县累计培训2300名农民，发放资料1万份。")],
            id="count",
        ),
        pytest.param(
            [(P, "全县12个乡镇"), (P, "（区）全部完成验收工作。")],
            [(P, "全县12个乡镇（区）全部完成验收工作。")],
            id="aside",
        ),
    ],
)
def test_joined_where_the_next_block_opens_no_paragraph(rows, expected):
    assert _reorder(rows) == expected


@pytest.mark.parametrize(
    "rows",
    [
        # the text between was lost: each of these may open a paragraph
        pytest.param([(P, "各部门要把工作抓实，确保"), (P, "再过几天，新校区就要投入使用了。")], id="short-adverbial"),
        pytest.param([(P, "各部门要把工作抓实，确保"), (P, "（一）加强组织领导。")], id="list-item"),
        pytest.param([(P, "会议要求，各地要确保全年安全生产形势"), (P, "张华一边擦汗一边说，日子越来越好了。")], id="name"),
        pytest.param([(P, "会议要求，各地要确保全年安全生产形势"), (P, "为加快项目建设，全县抽调骨干力量。")], id="framing"),
        pytest.param([(P, "会议要求，各地要确保全年安全生产形势"), (P, "据悉，该项目总投资2亿元。")], id="source"),
        pytest.param([(P, "会议要求，各地要确保全年安全生产形势"), (P, "一大早，村民们就来到了广场。")], id="one-word-adverbial"),
        pytest.param([(P, "会议要求，各地要确保"), (P, "之后，他又来到了村委会。")], id="afterwards"),
        pytest.param([(P, "会议要求，各地要确保全年安全生产形势"), (P, "一位老人拉着记者的手说，日子越过越好了。")], id="counted-subject"),
    ],
)
def test_not_joined_where_the_next_block_may_open_a_paragraph(rows):
    assert _reorder(rows) == [(row[0], row[1]) for row in rows]


# --- no word across a quotation mark, nor one that splits the next word --------


@pytest.mark.parametrize(
    "left, right",
    [
        # 半下 is a dictionary word, but `“双过半”` is a whole name: no word spans its mark
        pytest.param("努力实现“双过半”", "下一步，全县将加大督查力度。", id="closing-quote"),
        # 书市 is a word, but it breaks 市民, the first word of the next block
        pytest.param("近日，市图书馆新馆正式对外开放，馆藏图书", "市民张女士说：“环境特别好。”", id="splits-next-word"),
    ],
)
def test_no_word_across_a_quotation_mark_or_the_next_word(left, right):
    assert joint_score(left, right) < WORD


@pytest.mark.parametrize(
    "left, right",
    [
        # the second half of a word whose first word, read alone, is one character (立)
        pytest.param("为方便农户，合作社联合周边村庄成", "立设备维修服务站。", id="one-character-first-word"),
        pytest.param("该中心建成了一条智能化生产", "线，年产零件20万件。", id="rest-of-a-word"),
    ],
)
def test_word_across_that_takes_the_whole_next_word(left, right):
    assert joint_score(left, right) >= WORD


# --- a date cut by a column break ---------------------------------------------


@pytest.mark.parametrize(
    "left, right",
    [
        pytest.param("本报讯（记者王平）5月", "8日，全县召开春耕生产调度会。", id="month-day"),
        pytest.param("该项目计划于2024年", "6月底前全面完工。", id="year-month"),
        pytest.param("2022年3月", "以来，全县新增就业岗位1200个。", id="since"),
        pytest.param("工作组于5月8日", "下午抵达现场。", id="time-of-day"),
    ],
)
def test_a_date_goes_on_across_the_joint(left, right):
    assert joint_score(left, right) == STRONG


@pytest.mark.parametrize(
    "left, right",
    [
        # a date of its own opens the next block: the text between was lost
        pytest.param("本报讯（记者王平）5月", "2023年，全县新增就业岗位1200个。", id="year-after-month"),
        pytest.param("该项目计划于2024年", "8日，全县召开春耕生产调度会。", id="day-after-year"),
        pytest.param("活动当天，共发放资料3000余份", "8日，全县召开春耕生产调度会。", id="no-date-before"),
    ],
)
def test_no_date_goes_on_where_the_units_do_not_follow(left, right):
    assert joint_score(left, right) < STRONG


# --- a caption only by its place ------------------------------------------------


def test_no_join_on_weak_evidence_past_a_caption_that_may_be_the_rest_of_the_sentence():
    # running text above a credit is taken for its caption; it may as well be
    # the rest of the sentence that the column break cut: a noun compound at
    # the joint past it (业务 + 全市) is not enough
    rows = [
        (P, "活动中，各部门、各社会组织以及职能业务"),
        (C, "延伸到各县的工作人员走上街头，以实际行动为创城添彩。"),
        (CR, "本组图片由本报记者王平摄"),
        (P, "全市各单位还结合主题活动，组织志愿者深入社区。"),
    ]
    assert _reorder(rows) == [(row[0], row[1]) for row in rows]


def test_weak_evidence_still_joins_past_a_caption_that_says_what_the_photo_shows():
    rows = [
        (P, "各级各部门要认清形势，切实增强"),
        (C, "图为志愿者在社区开展服务。"),
        (CR, "王平 摄"),
        (P, "工作的责任感和紧迫感，锚定目标不放松。"),
    ]
    assert _reorder(rows) == [
        (P, "各级各部门要认清形势，切实增强工作的责任感和紧迫感，锚定目标不放松。"),
        (C, "图为志愿者在社区开展服务。"),
        (CR, "王平 摄"),
    ]


# --- a grid of headline phrases read column by column (spec §2, §5) ------------
# A headline group set as two rows of phrases (the parallel ones side by
# side) comes out of reading-order extraction column by column; it is read
# by rows again.  Rows that already read so stay as they are.

_GRID_ABOVE = "今年以来，我市持续推进民生工程建设，一批项目相继建成投用，群众获得感明显增强，生活更加便利。"
_GRID_BELOW = "本报讯（记者王斌）近日，记者从市发改委获悉，全市重点项目进展顺利，一批项目相继开工建设。"
# the same, wrapped in a column of 17 characters (the column gives the measure)
_GRID_ABOVE_LINES = "　　今年以来，我市持续推进民生工程建\n设，一批项目相继建成投用，群众获得感\n明显增强，生活更加便利。"
_GRID_BELOW_LINES = "本报讯（记者王斌）近日，记者从市发\n改委获悉，全市重点项目进展顺利，一批\n项目相继开工建设。"

PHRASE_GRID_CASES = [
    pytest.param(
        # pdftotext: each column of the grid a block of its own
        f"{_GRID_ABOVE_LINES}\n\n砥砺奋进路\n回眸\n\n扬帆新征程\n2022\n\n{_GRID_BELOW_LINES}\n",
        [_GRID_ABOVE, "砥砺奋进路 扬帆新征程", "回眸 2022", _GRID_BELOW],
        id="two-columns-of-two-phrases",
    ),
    pytest.param(
        # the first row's long headline, its last phrase over the second row's first
        f"{_GRID_ABOVE_LINES}\n\n学习贯彻全会精神-新时代 新作为\n强化保障\n\n新篇章\n\n补齐短板\n\n我市织密民生保障网绘就幸福新画卷\n\n{_GRID_BELOW_LINES}\n",
        [_GRID_ABOVE, "学习贯彻全会精神-新时代 新作为 新篇章", "强化保障 补齐短板", "我市织密民生保障网绘就幸福新画卷", _GRID_BELOW],
        id="long-headline-row-then-a-row-of-phrases",
    ),
    pytest.param(
        # unchanged: the rows already read so
        f"{_GRID_ABOVE}\n\n砥砺奋进路 扬帆新征程\n\n回眸 2022\n\n{_GRID_BELOW}\n",
        [_GRID_ABOVE, "砥砺奋进路 扬帆新征程", "回眸 2022", _GRID_BELOW],
        id="unchanged-rows-in-order",
    ),
    pytest.param(
        # unchanged: phrases of one length, no grid
        f"{_GRID_ABOVE}\n\n学党史 悟思想\n\n办实事 开新局\n\n{_GRID_BELOW}\n",
        [_GRID_ABOVE, "学党史 悟思想", "办实事 开新局", _GRID_BELOW],
        id="unchanged-phrases-of-one-length",
    ),
    pytest.param(
        # unchanged: one line of four phrases holds no column break (read as
        # a grid, its rows would be read again differently)
        f"{_GRID_ABOVE}\n\n砥砺奋进路 回眸 扬帆新征程 2022\n\n{_GRID_BELOW}\n",
        [_GRID_ABOVE, "砥砺奋进路 回眸 扬帆新征程 2022", _GRID_BELOW],
        id="unchanged-one-line-of-four-phrases",
    ),
]


@pytest.mark.parametrize("text, expected", PHRASE_GRID_CASES)
def test_a_grid_of_headline_phrases_is_read_by_rows(text, expected):
    assert paperclean.clean(text).rstrip("\n").split("\n\n") == expected


# --- a kicker read before the last paragraph of the article beside it --------

_KICKER_ABOVE = "　　今年以来，我市持续推进民生工程建\n设，一批项目相继建成投用，群众获得感\n明显增强，生活更加便利。"
_KICKER_BESIDE = "　　活动中，市直各部门组织干部职工走\n上街头、走进社区开展志愿服务活动，以\n实际行动为创城添彩。"
_KICKER_AFTER = "　　检查组深入企业车间，逐项查看安全设\n施，督促整改隐患。"
_KICKER_STORY = "河北日报讯（记者王斌）日前，记者从市\n应急管理局获悉，全市开展冬季安全生产\n大检查，确保群众平安过节。"

KICKER_BEFORE_CASES = [
    pytest.param(
        f"{_KICKER_ABOVE}\n\n迎新春\n\n保平安\n\n促发展\n\n{_KICKER_BESIDE}\n\n全市开展冬季安全生产大检查\n\n{_KICKER_STORY}\n",
        [
            "今年以来，我市持续推进民生工程建设，一批项目相继建成投用，群众获得感明显增强，生活更加便利。",
            "活动中，市直各部门组织干部职工走上街头、走进社区开展志愿服务活动，以实际行动为创城添彩。",
            "迎新春 保平安 促发展 全市开展冬季安全生产大检查",
            "河北日报讯（记者王斌）日前，记者从市应急管理局获悉，全市开展冬季安全生产大检查，确保群众平安过节。",
        ],
        id="kicker-joins-the-headline-of-its-article",
    ),
    pytest.param(
        # unchanged: no dateline under the headline after the paragraph
        f"{_KICKER_ABOVE}\n\n迎新春\n\n保平安\n\n促发展\n\n{_KICKER_BESIDE}\n\n全市开展冬季安全生产大检查\n\n{_KICKER_AFTER}\n",
        [
            "今年以来，我市持续推进民生工程建设，一批项目相继建成投用，群众获得感明显增强，生活更加便利。",
            "迎新春 保平安 促发展",
            "活动中，市直各部门组织干部职工走上街头、走进社区开展志愿服务活动，以实际行动为创城添彩。",
            "全市开展冬季安全生产大检查",
            "检查组深入企业车间，逐项查看安全设施，督促整改隐患。",
        ],
        id="unchanged-no-article-under-the-headline",
    ),
]


@pytest.mark.parametrize("text, expected", KICKER_BEFORE_CASES)
def test_a_kicker_read_before_the_paragraph_beside_it(text, expected):
    assert paperclean.clean(text).rstrip("\n").split("\n\n") == expected


def test_a_correspondents_title_and_name_gathered_again_go_on_with_the_byline():
    # pdftotext: `通讯员` in a block of its own, the name read inside the
    # paragraph beside it; gathered again, title and name are the rest of
    # the reporter's byline (spec §7)
    text = (
        "从细节做起\n\n从问题改起\n\n——沧州补短板强基础推进城市精细化管理\n河北日报记者\n\n王明\n\n通讯员\n\n"
        "在沧州市区，16条主干\n路穿上“崭新外衣”，总体\n罩面面积150余万平方米，面\n貌焕然一新；市区供热增容\n"
        "120余万平方米，保障了城市\n供暖“生命线”；雨污分流\n\n李华\n\n改造150.5公里，全省排名\n并列第一……一件件民生实\n事落地生根。\n"
    )
    assert paperclean.clean(text).rstrip("\n").split("\n\n") == [
        "从细节做起 从问题改起",
        "——沧州补短板强基础推进城市精细化管理",
        "河北日报记者 王明 通讯员 李华",
        "在沧州市区，16条主干路穿上“崭新外衣”，总体罩面面积150余万平方米，面貌焕然一新；市区供热增容120余万平方米，"
        "保障了城市供暖“生命线”；雨污分流改造150.5公里，全省排名并列第一……一件件民生实事落地生根。",
    ]


# --- an article resumed from another page between the columns of another ----
# pdftotext may set a continued article (`（上接A3版）…`) between the column
# pieces of the article before it.  The resumed text continues nothing
# before it, and the unfinished paragraph before the jump line is not
# continued on another page: its rest follows further down (spec §5).

_RESUMED_A1 = ["城东新区今年计划实施重点项目", "建设，总投资超过十亿元。其中，", "滨河公园改造工程将于11月"]
_RESUMED_B1 = ["东关社区新建了一座老年食堂，每", "天中午为辖区六十岁以"]
_RESUMED_A2 = ["15日正式开工，建成后将成为", "市民休闲健身的好去处。"]
_RESUMED_B2 = ["上老人提供午餐，受到居民欢迎。"]
_RESUMED_CLEAN = [
    "城东新区今年计划实施重点项目建设，总投资超过十亿元。其中，滨河公园改造工程将于11月15日正式开工，建成后将成为市民休闲健身的好去处。",
    "东关社区新建了一座老年食堂，每天中午为辖区六十岁以上老人提供午餐，受到居民欢迎。",
]


def _interleaved_with_resumed(before: str = "") -> str:
    return (
        before
        + "\n".join(_RESUMED_A1)
        + "\n\n（上接A3版）\n"
        + "\n".join(_RESUMED_B1)
        + "\n\n"
        + "\n".join(_RESUMED_A2)
        + "\n\n"
        + "\n".join(_RESUMED_B2)
        + "\n"
    )


def test_resumed_article_between_the_columns_of_another():
    from paperclean import clean

    assert clean(_interleaved_with_resumed()).rstrip("\n").split("\n\n") == _RESUMED_CLEAN


def test_resumed_article_after_a_paragraph_from_the_page_before():
    # the paragraph began on the page before: its rest is looked for on the
    # page where its last piece stands
    from paperclean import clean

    page_one = ["市住建局持续推进老旧小区改造工", "作，今年计划改造小区四十个，惠", "及居民一万余户。与此同时，城东"]
    page_two = ["新区今年计划实施重点项目建设，", "总投资超过十亿元。其中，滨河公", "园改造工程将于11月"]
    text = (
        "\n".join(page_one)
        + "\n\f"
        + "\n".join(page_two)
        + "\n\n（上接A3版）\n"
        + "\n".join(_RESUMED_B1)
        + "\n\n"
        + "\n".join(_RESUMED_A2)
        + "\n\n"
        + "\n".join(_RESUMED_B2)
        + "\n"
    )
    assert clean(text).rstrip("\n").split("\n\n") == [
        "".join(page_one + page_two) + "".join(_RESUMED_A2),
        _RESUMED_CLEAN[1],
    ]


def test_resumed_article_joins_nothing_before_it():
    # unchanged: `…将于11月` + `（上接A3版）` + `15日…`: the text after the jump
    # line resumes another article; it is not joined, however well it reads on
    from paperclean import clean

    text = "\n".join(_RESUMED_A1) + "\n（上接A3版）\n" + "\n".join(_RESUMED_A2) + "\n"
    assert clean(text).rstrip("\n").split("\n\n") == ["".join(_RESUMED_A1), "".join(_RESUMED_A2)]
