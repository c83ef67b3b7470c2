"""Repetition (spec §6): doubled glyphs, repeated phrases and headlines,
duplicated blocks, doubled words.

Expected outputs are written by hand from the spec's rules and examples.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from paperclean.chardata import content_chars
from paperclean.classify import classify
from paperclean.document import (
    BYLINE,
    FURNITURE,
    HEADING,
    HEADLINE,
    PARAGRAPH,
    TABLE,
    Block,
    Document,
    parse,
)
from paperclean.pipeline import STEPS, Config, run
from paperclean.repetition import (
    EMPHATIC_WORDS,
    REDUPLICATED_VERBS,
    collapse_doubled_glyph_text,
    collapse_doubled_glyphs,
    collapse_doubled_word_text,
    collapse_doubled_words,
    collapse_repeated_headlines,
    collapse_repeated_phrase_text,
    collapse_repeated_phrases,
    drop_duplicate_blocks,
    duplicate_blocks,
)
from strategies import HANZI, running_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CONFIG = Config()

# --- doubled glyphs -------------------------------------------------------------

GLYPH_CASES = [
    # --- must come out unchanged ---
    ("", ""),
    ("谢谢", "谢谢"),
    ("天天", "天天"),
    ("人人", "人人"),
    ("谢谢大家，天天向上，人人参与。", "谢谢大家，天天向上，人人参与。"),
    ("文明创建红红火火，道德春风处处涌动", "文明创建红红火火，道德春风处处涌动"),  # AABB: two pairs
    ("取得实实在在的效果", "取得实实在在的效果"),
    ("全市2211名建档立卡贫困人口", "全市2211名建档立卡贫困人口"),  # a number
    ("电话13399887766", "电话13399887766"),  # doubled digits only: not fake bold
    ("哈哈哈哈哈哈", "哈哈哈哈哈哈"),  # one character repeated
    ("日子过得红红火火……", "日子过得红红火火……"),  # …… is one glyph
    ("红红火火——深州纪实", "红红火火——深州纪实"),
    ("市市场监督管理局", "市市场监督管理局"),
    # --- every character doubled, three pairs or more ---
    ("基基本本规规定定", "基本规定"),
    ("关关于于基基本本规规定定的的通通知知", "关于基本规定的通知"),
    ("今天天气很好，基基本本规规定定要遵守", "今天天气很好，基本规定要遵守"),
    ("学学党党史史 悟悟思思想想", "学党史 悟思想"),  # a space between doubled glyphs stays
    ("基基本本规规\n定定", "基本规\n定"),  # across a line break of the raw block
    ("红红红红火火火火的的日日子子", "红红火火的日子"),  # a real AABB word inside fake bold
    ("22002211年年1122月月", "2021年12月"),
    ("基基本本规规定定…………", "基本规定……"),
    ("““基基本本规规定定””", "“基本规定”"),
]


@pytest.mark.parametrize("text, expected", GLYPH_CASES)
def test_collapse_doubled_glyph_text(text, expected):
    assert collapse_doubled_glyph_text(text) == expected


def test_doubled_glyph_min_pairs_is_an_option():
    assert collapse_doubled_glyph_text("基基本本") == "基基本本"
    assert collapse_doubled_glyph_text("基基本本", min_pairs=2) == "基本"
    doc = Document([Block("基基本本")])
    collapse_doubled_glyphs(doc, Config(doubled_glyph_min_pairs=2))
    assert doc.blocks[0].text == "基本"


def test_collapse_doubled_glyphs_leaves_tables_and_furniture_alone():
    doc = Document(
        [
            Block("基基本本规规定定\t合合格格率率"),
            Block("基基本本规规定定", FURNITURE),
            Block("基基本本规规定定\n正常的文字"),
        ]
    )
    doc.changes = []
    collapse_doubled_glyphs(doc, CONFIG)
    assert [block.text for block in doc.blocks] == ["基基本本规规定定\t合合格格率率", "基基本本规规定定", "基本规定\n正常的文字"]
    assert [(c.block, c.offset, c.before, c.after) for c in doc.changes] == [(2, 0, "基基本本规规定定", "基本规定")]


# --- repeated phrases -------------------------------------------------------------

PHRASE_CASES = [
    # --- must come out unchanged ---
    ("", ""),
    ("研究研究", "研究研究"),  # shorter than four characters: a doubled word, or real
    ("一件件", "一件件"),
    ("2222", "2222"),
    ("20202020年", "20202020年"),  # no Hanzi in the repeat
    ("中国加油！中国加油！", "中国加油！中国加油！"),  # a chant: short sentences
    ("快点快点，加油加油！", "快点快点，加油加油！"),
    ("“把实事办到群众心坎上”是目标。我们要把实事办到群众心坎上。", "“把实事办到群众心坎上”是目标。我们要把实事办到群众心坎上。"),
    ("严格按照“谁制订、谁审查”“谁起草、谁审查”的原则", "严格按照“谁制订、谁审查”“谁起草、谁审查”的原则"),
    ("学党史 悟思想 办实事 开新局", "学党史 悟思想 办实事 开新局"),
    ("第一批共10个项目，第二批共10个项目，", "第一批共10个项目，第二批共10个项目，"),  # parallel clauses
    ("一季度同比增长，二季度同比增长，三季度同比增长。", "一季度同比增长，二季度同比增长，三季度同比增长。"),
    ("分类别、分领域、分行业、分行业现代农业园区", "分类别、分领域、分行业、分行业现代农业园区"),
    ("坚持人民至上。坚持人民至上。", "坚持人民至上。坚持人民至上。"),  # short sentences
    # --- repeated back to back: kept once ---
    (
        "把实事办到群众心坎上把实事办到群众心坎上把实事办到群众心坎上",
        "把实事办到群众心坎上",
    ),
    ("把实事办到群众心坎上 把实事办到群众心坎上", "把实事办到群众心坎上"),
    ("学党史 悟思想 学党史 悟思想", "学党史 悟思想"),
    ("陈康 摄陈康 摄", "陈康 摄"),  # four characters as written
    ("陈康摄陈康摄", "陈康摄陈康摄"),  # three
    ("二〇二〇二〇二〇年", "二〇二〇二〇二〇年"),  # numerals
    ("把实事办到群众心坎上把实事办到群众心砍上", "把实事办到群众心坎上"),  # OCR variant: the first stays
    ("把实事办到群众心砍上把实事办到群众心坎上", "把实事办到群众心砍上"),
    ("扒实事办到群众心坎上把实事办到群众心坎上", "扒实事办到群众心坎上"),  # first character misread
    ("织密“监测网”加强应急处置能力织密“监测网”加强应急处置能力", "织密“监测网”加强应急处置能力"),
    ("深州今年实施25项民生实事深州今年实施25项民生实事", "深州今年实施25项民生实事"),
    ("全市召开十九届六中全会十九届六中全会精神宣讲会", "全市召开十九届六中全会精神宣讲会"),
    ("会议强调，要推进民生工程推进民生工程建设。", "会议强调，要推进民生工程建设。"),
    (
        "全市建立起了以共产党员志愿者为中坚的志愿服务体系。全市建立起了以共产党员志愿者为中坚的志愿服务体系。",
        "全市建立起了以共产党员志愿者为中坚的志愿服务体系。",
    ),
]


@pytest.mark.parametrize("text, expected", PHRASE_CASES)
def test_collapse_repeated_phrase_text(text, expected):
    assert collapse_repeated_phrase_text(text) == expected


def test_repeat_min_chars_and_similarity_are_options():
    assert collapse_repeated_phrase_text("民生实事民生实事", min_chars=5) == "民生实事民生实事"
    assert collapse_repeated_phrase_text("民生实事民生实事") == "民生实事"
    near = "把实事办到群众心坎上把实事办到群众心砍上"
    assert collapse_repeated_phrase_text(near, similarity=0.95) == near


def _doc(*blocks: tuple[str, str]) -> Document:
    doc = Document([Block(text, kind) for text, kind in blocks])
    doc.changes = []
    return doc


REPEATED_BLOCK_CASES = [
    # (blocks, texts kept)
    (  # a headline repeated as the next block, one character misread
        [("把实事办到群众心坎上", HEADLINE), ("把实事办到群众心砍上", HEADLINE), ("正文。", PARAGRAPH)],
        ["把实事办到群众心坎上", "正文。"],
    ),
    (  # two characters misread in a longer headline; the copy classified otherwise
        [("我市综合创新生态体系建设实现新突破", HEADLINE), ("我市综合创新生态休系建设实现新突硬", PARAGRAPH)],
        ["我市综合创新生态体系建设实现新突破"],
    ),
    (  # three copies, spaces differ
        [("排查到位 维护周到 处理及时", HEADLINE), ("排查到位维护周到处理及时", HEADLINE), ("排查到位 维护周到 处理及时", HEADLINE)],
        ["排查到位 维护周到 处理及时"],
    ),
    (  # different headlines stay
        [("增进福祉 补齐短板", HEADLINE), ("增进民生 补齐短板", HEADLINE)],
        ["增进福祉 补齐短板", "增进民生 补齐短板"],
    ),
    (  # a short headline with one character different is another headline
        [("学党史", HEADLINE), ("学党课", HEADLINE)],
        ["学党史", "学党课"],
    ),
    (  # a kicker and its headline
        [("奋斗百年路 启航新征程", HEADLINE), ("我市深化公平竞争审查制度营造有序市场环境", HEADLINE)],
        ["奋斗百年路 启航新征程", "我市深化公平竞争审查制度营造有序市场环境"],
    ),
    (  # short paragraphs are not headlines: parallel sentences stay
        [("一季度同比增长5%。", PARAGRAPH), ("二季度同比增长5%。", PARAGRAPH)],
        ["一季度同比增长5%。", "二季度同比增长5%。"],
    ),
    (  # repeated table cells and repeated tables are real
        [("红榜\t红榜\t红榜红榜红榜\n1\t2\t3", TABLE), ("红榜\t红榜\t红榜红榜红榜\n1\t2\t3", TABLE)],
        ["红榜\t红榜\t红榜红榜红榜\n1\t2\t3", "红榜\t红榜\t红榜红榜红榜\n1\t2\t3"],
    ),
]


@pytest.mark.parametrize("blocks, expected", REPEATED_BLOCK_CASES)
def test_collapse_repeated_phrases_blocks(blocks, expected):
    doc = collapse_repeated_phrases(_doc(*blocks), CONFIG)
    assert [block.text for block in doc.blocks] == expected


def test_collapse_repeated_phrases_reports_what_was_repeated():
    doc = _doc(
        ("正文。", PARAGRAPH),
        ("把实事办到群众心坎上把实事办到群众心坎上把实事办到群众心坎上", HEADLINE),
        ("把实事办到群众心坎上", HEADLINE),
    )
    collapse_repeated_phrases(doc, CONFIG)
    assert [block.text for block in doc.blocks] == ["正文。", "把实事办到群众心坎上"]
    removed = [(c.step, c.block, c.offset, c.before, c.after) for c in doc.changes]
    assert removed == [
        ("collapse_repeated_phrases", 1, 10, "把实事办到群众心坎上把实事办到群众心坎上", ""),
        ("collapse_repeated_phrases", 2, 0, "把实事办到群众心坎上", ""),
    ]
    assert "把实事办到群众心坎上" in doc.changes[0].note
    assert "block 1" in doc.changes[1].note


def test_a_collapsed_headline_is_classified_again():
    # three copies are too long for a headline; one copy is a headline
    doc = _doc(("第一期衡水市创建全国文明城市社区专项考评结果公布" * 3, PARAGRAPH), ("正文。", PARAGRAPH))
    collapse_repeated_phrases(doc, CONFIG)
    assert [(block.text, block.kind) for block in doc.blocks] == [
        ("第一期衡水市创建全国文明城市社区专项考评结果公布", HEADLINE),
        ("正文。", PARAGRAPH),
    ]


def test_raw_multiline_blocks():
    """The repeat of a headline wrapped over lines (before wraps are joined)."""
    raw = "习近平新时代中国特色社会\n主义思想-新时代 新作\n为 新篇章习近平新时代中\n国特色社会主义思想-新时\n代 新作为 新篇章"
    assert collapse_repeated_phrase_text(raw) == "习近平新时代中国特色社会\n主义思想-新时代 新作\n为 新篇章"
    # the copy starts on one line and goes on on the next
    raw = "衡水出台多项促进高校\n毕业生就业创业政策衡\n水出台多项促进高校毕业\n生就业创业政策"
    assert collapse_repeated_phrase_text(raw) == "衡水出台多项促进高校\n毕业生就业创业政策"


def test_collapse_repeated_headlines_on_raw_blocks():
    doc = _doc(
        ("把实事办到群众心坎上把实事办到群众心坎上把实事\n办到群众心坎上\n——深州市深化党史学习教育办实事开新局纪实", PARAGRAPH),
        ("当前，全球新冠肺炎疫情仍在\n持续演变，国内防控形势紧急。", PARAGRAPH),
        ("红榜\t红榜\n红榜\t红榜", TABLE),
    )
    collapse_repeated_headlines(doc, CONFIG)
    assert [block.text for block in doc.blocks] == [
        "把实事办到群众心坎上\n——深州市深化党史学习教育办实事开新局纪实",
        "当前，全球新冠肺炎疫情仍在\n持续演变，国内防控形势紧急。",
        "红榜\t红榜\n红榜\t红榜",
    ]
    assert [(c.step, c.block, c.offset) for c in doc.changes] == [("collapse_repeated_headlines", 0, 10)]


# --- duplicate blocks --------------------------------------------------------------

PARAGRAPH_A = "目前，衡水市20多万名有志愿服务能力的共产党员，已全部在本单位本辖区注册为志愿者。"
PARAGRAPH_B = "全市建立起了以共产党员志愿者为中坚的志愿服务体系，温暖了整座城。"

DUPLICATE_CASES = [
    # (blocks, texts kept)
    ([(PARAGRAPH_A, PARAGRAPH), (PARAGRAPH_B, PARAGRAPH), (PARAGRAPH_A, PARAGRAPH)], [PARAGRAPH_A, PARAGRAPH_B]),
    (  # the same after removing spaces and punctuation
        [(PARAGRAPH_A, PARAGRAPH), (PARAGRAPH_A.replace("，", ",").replace("。", ""), PARAGRAPH)],
        [PARAGRAPH_A],
    ),
    (  # near-identical: one character misread in 40
        [(PARAGRAPH_A, PARAGRAPH), ("图①：志愿者在行动", "caption"), (PARAGRAPH_A.replace("辖区", "鎋区"), PARAGRAPH)],
        [PARAGRAPH_A, "图①：志愿者在行动"],
    ),
    (  # three copies: the first stays
        [(PARAGRAPH_B, PARAGRAPH), (PARAGRAPH_B, PARAGRAPH), (PARAGRAPH_A, PARAGRAPH), (PARAGRAPH_B, PARAGRAPH)],
        [PARAGRAPH_B, PARAGRAPH_A],
    ),
    (  # short blocks (headlines, bylines) are not compared
        [("本报记者 李晨阔", BYLINE), ("正文。", PARAGRAPH), ("本报记者 李晨阔", BYLINE)],
        ["本报记者 李晨阔", "正文。", "本报记者 李晨阔"],
    ),
    (  # tables and furniture are never dropped
        [
            ("序号\t社区名称\t得分\n1\t北苑社区\t95.5\n2\t南苑社区\t93.0", TABLE),
            ("序号\t社区名称\t得分\n1\t北苑社区\t95.5\n2\t南苑社区\t93.0", TABLE),
            ("2023年2月9日 星期四 经济 责任编辑：刘洋", FURNITURE),
            ("2023年2月9日 星期四 经济 责任编辑：刘洋", FURNITURE),
        ],
        [
            "序号\t社区名称\t得分\n1\t北苑社区\t95.5\n2\t南苑社区\t93.0",
            "序号\t社区名称\t得分\n1\t北苑社区\t95.5\n2\t南苑社区\t93.0",
            "2023年2月9日 星期四 经济 责任编辑：刘洋",
            "2023年2月9日 星期四 经济 责任编辑：刘洋",
        ],
    ),
    (  # the first copy was cut in two by a column break (a caption between)
        [(PARAGRAPH_A[:15], PARAGRAPH), ("图①：志愿者在行动", "caption"), (PARAGRAPH_A[15:], PARAGRAPH), (PARAGRAPH_A, PARAGRAPH)],
        [PARAGRAPH_A[:15], "图①：志愿者在行动", PARAGRAPH_A[15:]],
    ),
    (  # ... or in three
        [(PARAGRAPH_A[:10], PARAGRAPH), (PARAGRAPH_A[10:30], PARAGRAPH), (PARAGRAPH_A[30:], PARAGRAPH), (PARAGRAPH_A, PARAGRAPH)],
        [PARAGRAPH_A[:10], PARAGRAPH_A[10:30], PARAGRAPH_A[30:]],
    ),
    (  # the parts in another order are not the paragraph
        [(PARAGRAPH_A[15:], PARAGRAPH), (PARAGRAPH_A[:15], PARAGRAPH), (PARAGRAPH_A, PARAGRAPH)],
        [PARAGRAPH_A[15:], PARAGRAPH_A[:15], PARAGRAPH_A],
    ),
    (  # the copy was cut in two: both parts go
        [(PARAGRAPH_A + PARAGRAPH_B, PARAGRAPH), ("图①：志愿者在行动", "caption"), ((PARAGRAPH_A + PARAGRAPH_B)[:30], PARAGRAPH), ((PARAGRAPH_A + PARAGRAPH_B)[30:], PARAGRAPH)],
        [PARAGRAPH_A + PARAGRAPH_B, "图①：志愿者在行动"],
    ),
    (  # a whole sentence of an earlier block (a pull quote) stays
        [(PARAGRAPH_A + PARAGRAPH_B, PARAGRAPH), (PARAGRAPH_B, PARAGRAPH)],
        [PARAGRAPH_A + PARAGRAPH_B, PARAGRAPH_B],
    ),
    (  # first copy and repeat cut the same way: the repeat's short continuation goes too
        [(PARAGRAPH_A[:30], PARAGRAPH), (PARAGRAPH_A[30:], PARAGRAPH), (PARAGRAPH_B, PARAGRAPH), (PARAGRAPH_A[:30], PARAGRAPH), (PARAGRAPH_A[30:], PARAGRAPH)],
        [PARAGRAPH_A[:30], PARAGRAPH_A[30:], PARAGRAPH_B],
    ),
    (  # ... but not a block after a repeat that ends its sentence
        [(PARAGRAPH_B, PARAGRAPH), ("袁占林 摄", "credit"), (PARAGRAPH_B, PARAGRAPH), ("袁占林 摄", "credit")],
        [PARAGRAPH_B, "袁占林 摄", "袁占林 摄"],
    ),
    (  # a block that opens an earlier one, followed by something else, stays
        [(PARAGRAPH_A + PARAGRAPH_B, PARAGRAPH), (PARAGRAPH_A[:25], PARAGRAPH), (PARAGRAPH_B * 2, PARAGRAPH)],
        [PARAGRAPH_A + PARAGRAPH_B, PARAGRAPH_A[:25], PARAGRAPH_B * 2],
    ),
    (  # a long headline found inside an earlier paragraph stays
        [(PARAGRAPH_A + PARAGRAPH_B, PARAGRAPH), (PARAGRAPH_B[:30], HEADLINE)],
        [PARAGRAPH_A + PARAGRAPH_B, PARAGRAPH_B[:30]],
    ),
    (  # a block that only shares its start with an earlier one stays
        [(PARAGRAPH_A, PARAGRAPH), (PARAGRAPH_A[:20] + PARAGRAPH_B, PARAGRAPH)],
        [PARAGRAPH_A, PARAGRAPH_A[:20] + PARAGRAPH_B],
    ),
]


@pytest.mark.parametrize("blocks, expected", DUPLICATE_CASES)
def test_drop_duplicate_blocks(blocks, expected):
    doc = drop_duplicate_blocks(_doc(*blocks), CONFIG)
    assert [block.text for block in doc.blocks] == expected


def test_drop_duplicate_blocks_records_the_first_copy():
    doc = _doc((PARAGRAPH_A, PARAGRAPH), (PARAGRAPH_B, PARAGRAPH), (PARAGRAPH_A, PARAGRAPH), (PARAGRAPH_A, HEADING))
    drop_duplicate_blocks(doc, CONFIG)
    assert [(c.step, c.block, c.before, c.after, c.note) for c in doc.changes] == [
        ("drop_duplicate_blocks", 2, PARAGRAPH_A, "", "repeats block 0"),
        ("drop_duplicate_blocks", 3, PARAGRAPH_A, "", "repeats block 0"),
    ]


def test_duplicate_options():
    texts = [PARAGRAPH_B, PARAGRAPH_B]
    assert duplicate_blocks(texts) == {1: (0,)}
    assert duplicate_blocks(texts, min_chars=len(PARAGRAPH_B)) == {}
    near = [PARAGRAPH_A, PARAGRAPH_A.replace("辖区", "鎋区")]
    assert duplicate_blocks(near) == {1: (0,)}
    assert duplicate_blocks(near, similarity=0.99) == {}


def test_drop_duplicate_blocks_on_hundreds_of_blocks():
    # Distinct blocks built from a fixed shuffle of the alphabet, each repeated
    # once near the end with one character changed.
    blocks = [HANZI[i : i + 30] + HANZI[(7 * i) % 400 : (7 * i) % 400 + 10] for i in range(400)]
    copies = [text[:5] + "鑫" + text[6:] for text in blocks[:50]]
    found = duplicate_blocks(blocks + copies)
    assert found == {400 + i: (i,) for i in range(50)}


# --- doubled words ------------------------------------------------------------------

WORD_CASES = [
    # --- must come out unchanged: real reduplication and things that look like it ---
    ("", ""),
    ("红红火火", "红红火火"),  # AABB
    ("年年岁岁，日日夜夜", "年年岁岁，日日夜夜"),
    ("一件件", "一件件"),  # single characters
    ("人人", "人人"),
    ("天天向上", "天天向上"),
    ("看看", "看看"),
    ("谢谢", "谢谢"),
    ("哈哈哈哈", "哈哈哈哈"),
    ("研究研究", "研究研究"),  # ABAB verbs
    ("咱们商量商量再定", "咱们商量商量再定"),
    ("大家讨论讨论，学习学习。", "大家讨论讨论，学习学习。"),
    ("一个一个地落实，一步一步来，一点一点改", "一个一个地落实，一步一步来，一点一点改"),
    ("是的是的，来了来了，说着说着就笑了", "是的是的，来了来了，说着说着就笑了"),
    ("很多很多人，好久好久没见，千万千万要注意", "很多很多人，好久好久没见，千万千万要注意"),
    ("一部分一部分地推进，一点儿一点儿地改", "一部分一部分地推进，一点儿一点儿地改"),
    ("雨哗啦哗啦地下，心扑通扑通地跳", "雨哗啦哗啦地下，心扑通扑通地跳"),
    ("2020年，1212件", "2020年，1212件"),
    ("二〇二〇年，二零二零年", "二〇二〇年，二零二零年"),  # a year in figures
    ("市市场监督管理局", "市市场监督管理局"),
    ("多引多调引黄黄河水", "多引多调引黄黄河水"),
    ("分类别、分领域、分行业、分行业现代农业园区", "分类别、分领域、分行业、分行业现代农业园区"),
    ("积极协调各银行行审批政务大厅", "积极协调各银行行审批政务大厅"),
    ("在本单位本辖区注册", "在本单位本辖区注册"),
    # --- doubled by extraction: kept once ---
    ("巡查视频传回指挥指挥中心后", "巡查视频传回指挥中心后"),
    ("构建“天空地”一体化扬尘监管监管体系", "构建“天空地”一体化扬尘监管体系"),
    ("推进推进民生工程", "推进民生工程"),
    ("办公室办公室主任", "办公室主任"),
    ("市场监管市场监管局", "市场监管局"),
    ("指挥指挥指挥中心", "指挥中心"),
]


@pytest.mark.parametrize("text, expected", WORD_CASES)
def test_collapse_doubled_word_text(text, expected):
    assert collapse_doubled_word_text(text) == expected


@pytest.mark.parametrize("verb", sorted(REDUPLICATED_VERBS | EMPHATIC_WORDS))
def test_reduplicated_verbs_stay(verb):
    text = f"大家{verb}{verb}再说"
    assert collapse_doubled_word_text(text) == text


def test_collapse_doubled_words_step_reports_and_skips_tables():
    doc = _doc(("传回指挥指挥中心后", PARAGRAPH), ("指挥\t指挥指挥", TABLE))
    collapse_doubled_words(doc, CONFIG)
    assert [block.text for block in doc.blocks] == ["传回指挥中心后", "指挥\t指挥指挥"]
    assert [(c.block, c.offset, c.before, c.after) for c in doc.changes] == [(0, 4, "指挥", "")]
    assert "指挥" in doc.changes[0].note


# --- properties ------------------------------------------------------------------------

TEXT_REPAIRS = [collapse_doubled_glyph_text, collapse_repeated_phrase_text, collapse_doubled_word_text]
#: Hanzi that no exception of the doubled-word rule involves.
PLAIN_HANZI = [c for c in HANZI if c not in "〇零一的了着吧啊呀呢嘛哦啦哟喽么哗嘀嗒滴答叮咚扑通轰隆咕噜叽喳嘻哈呼噼啪咔嚓吱嘎砰"]
SEPARATORS = ["，", "。", "、", "；", "“", "”", "（", "）", " ", "——"]


def unique_hanzi(min_size: int, max_size: int):
    """Distinct Hanzi: text built from them holds no repeat at all."""
    return st.lists(st.sampled_from(PLAIN_HANZI), min_size=min_size, max_size=max_size, unique=True).map("".join)


@st.composite
def text_without_repeats(draw):
    """Distinct Hanzi with punctuation and spaces between some of them."""
    chars = draw(unique_hanzi(0, 60))
    out = []
    for char in chars:
        out.append(char)
        if draw(st.integers(0, 4)) == 0:
            out.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(out)


def is_subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(char in chars for char in short)


@pytest.mark.parametrize("repair", TEXT_REPAIRS)
@given(text=st.one_of(running_text, st.text()))
def test_idempotent_subsequence_no_crash(repair, text):
    once = repair(text)
    assert repair(once) == once
    assert is_subsequence(once, text)


@pytest.mark.parametrize("repair", TEXT_REPAIRS)
@given(text=text_without_repeats())
def test_text_without_repeats_is_unchanged(repair, text):
    assert repair(text) == text


@given(before=text_without_repeats(), phrase=unique_hanzi(4, 12), copies=st.integers(2, 4), after=text_without_repeats())
def test_repeated_phrase_first_copy_kept(before, phrase, copies, after):
    assume(not (set(phrase) & set(before + after)))
    text = f"{before}，{phrase * copies}，{after}"
    assert collapse_repeated_phrase_text(text) == f"{before}，{phrase}，{after}"


@given(before=unique_hanzi(0, 10), word=unique_hanzi(2, 4), after=unique_hanzi(0, 10))
def test_doubled_word_first_copy_kept(before, word, after):
    assume(word not in REDUPLICATED_VERBS | EMPHATIC_WORDS and not (set(word) & set(before + after)))
    assert collapse_doubled_word_text(before + word + word + after) == before + word + after


@given(text=unique_hanzi(3, 30), before=unique_hanzi(0, 5))
def test_doubled_glyphs_collapse_to_the_text(text, before):
    assume(not (set(text) & set(before)))
    doubled = "".join(char + char for char in text)
    assert collapse_doubled_glyph_text(before + "，" + doubled + "。") == before + "，" + text + "。"


@st.composite
def blocks_with_duplicates(draw):
    """Distinct paragraphs, some of them repeated later (exactly, or with a
    different punctuation)."""
    originals = draw(st.lists(unique_hanzi(20, 40), min_size=1, max_size=8, unique=True))
    texts = list(originals)
    for _ in range(draw(st.integers(0, 6))):
        copy = draw(st.sampled_from(originals))
        if draw(st.booleans()):
            copy = copy[:10] + "，" + copy[10:]
        texts.insert(draw(st.integers(texts.index(copy.replace("，", "")) + 1, len(texts))), copy)
    return originals, texts


@given(case=blocks_with_duplicates())
def test_duplicate_blocks_first_copy_kept(case):
    originals, texts = case
    # distinct random paragraphs may still be near-identical only by chance
    assume(len(duplicate_blocks(originals)) == 0)
    doc = drop_duplicate_blocks(Document([Block(text) for text in texts]), CONFIG)
    assert [block.text for block in doc.blocks] == originals
    again = drop_duplicate_blocks(doc, CONFIG)
    assert [block.text for block in again.blocks] == originals


STEP_FUNCTIONS = [
    collapse_doubled_glyphs,
    collapse_repeated_headlines,
    collapse_repeated_phrases,
    drop_duplicate_blocks,
    collapse_doubled_words,
]


@pytest.mark.parametrize("step", STEP_FUNCTIONS)
@given(texts=st.lists(st.one_of(running_text, st.text(), unique_hanzi(0, 30)), max_size=6))
def test_steps_idempotent_and_only_delete(step, texts):
    doc = step(Document([Block(text) for text in texts]), CONFIG)
    once = [block.text for block in doc.blocks]
    assert is_subsequence("\x00".join(once), "\x00".join(texts))
    again = step(Document([Block(text) for text in once]), CONFIG)
    assert [block.text for block in again.blocks] == once


@pytest.mark.parametrize("step", STEP_FUNCTIONS)
def test_steps_on_empty_documents(step):
    assert step(Document([]), CONFIG).blocks == []
    assert [block.text for block in step(Document([Block("")]), CONFIG).blocks] == [""]


# --- the seeds -----------------------------------------------------------------------------

SEED_NAMES = sorted(path.stem for path in SEEDS.glob("*.txt"))
REPETITION_ITEM_RE = re.compile(r"^- repetition: `(?P<text>[^`]+)`", re.M)
MY_STEPS = [collapse_repeated_phrases, drop_duplicate_blocks, collapse_doubled_words]


@pytest.mark.parametrize("name", SEED_NAMES)
def test_gold_has_no_repetition_left(name):
    """No false positive: the gold's blocks come out unchanged."""
    doc = parse((SEEDS / "gold" / f"{name}.txt").read_text(encoding="utf-8"))
    for block in doc.blocks:
        classify(block)
    before = [block.text for block in doc.blocks]
    for step in [collapse_doubled_glyphs, collapse_repeated_headlines, *MY_STEPS]:
        doc = step(doc, CONFIG)
    assert [block.text for block in doc.blocks] == before


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_repetitions_removed_as_in_the_notes(name):
    """End to end up to these steps: exactly the repetitions the gold notes
    list are removed (the tripled headline of 000, the doubled words of 002,
    the duplicated paragraph of 003), and nothing else."""
    raw = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
    notes = (SEEDS / "gold" / f"{name}.notes.md").read_text(encoding="utf-8")
    expected = Counter(content_chars("".join(REPETITION_ITEM_RE.findall(notes))))

    glyphs = collapse_doubled_glyphs(parse(raw), CONFIG)
    assert [block.text for block in glyphs.blocks] == [block.text for block in parse(raw).blocks]
    early = parse(raw)
    early.changes = []
    collapse_repeated_headlines(early, CONFIG)
    early_removed = Counter(content_chars("".join(change.before for change in early.changes)))
    assert early_removed == (expected if name.startswith("000") else Counter())

    names = [step.name for step in STEPS]
    before_mine = [step for step in STEPS[: names.index("collapse_repeated_phrases")] if step.name != "collapse_repeated_headlines"]
    doc = run(raw, before_mine, CONFIG)
    doc.changes = []
    for step in MY_STEPS:
        doc = step(doc, CONFIG)
    removed = Counter(content_chars("".join(change.before for change in doc.changes)))
    assert all(change.after == "" for change in doc.changes)
    assert removed == expected
