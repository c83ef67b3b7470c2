"""Jump lines (spec §7): every common form found, reported and removed; ordinary
text with 转 or 接 left alone."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paperclean.chardata import content_chars
from paperclean.document import JUMP, Block, Document, parse, render
from paperclean.jumps import chinese_number, find_jumps, remove_jump_lines, strip_jumps

from strategies import HANZI, running_text

SEEDS = Path(__file__).parent.parent / "seeds"


def run(*texts, keep=False):
    class Options:
        keep_furniture = keep

    doc = Document([Block(text) for text in texts])
    return remove_jump_lines(doc, Options())


# --- the forms ----------------------------------------------------------------

# (line, direction, label, section, page, what stays of the line)
FORMS = [
    ("(下转A4版)", "to", "A4", "A", 4, ""),
    ("（下转A4版）", "to", "A4", "A", 4, ""),
    ("（ 上接第一版 ）", "from", "1", None, 1, ""),
    ("(上接A1版)", "from", "A1", "A", 1, ""),
    ("下转第3版", "to", "3", None, 3, ""),
    ("转A4", "to", "A4", "A", 4, ""),
    ("接A1版", "from", "A1", "A", 1, ""),
    ("转 A4 版", "to", "A4", "A", 4, ""),
    ("（转第十二版）", "to", "12", None, 12, ""),
    ("【续第二十版】", "from", "20", None, 20, ""),
    ("〔下转第四版〕", "to", "4", None, 4, ""),
    ("（下转Ａ４版）", "to", "A4", "A", 4, ""),
    ("(下转 a2 版)", "to", "A2", "A", 2, ""),
    ("（转至A5版）", "to", "A5", "A", 5, ""),
    ("（接自第2版）", "from", "2", None, 2, ""),
    ("（上接4版）", "from", "4", None, 4, ""),
    ("（下转A04版）", "to", "A4", "A", 4, ""),
    ("安装公交站牌300余块， (下转A4版)", "to", "A4", "A", 4, "安装公交站牌300余块，"),
    ("扶持企业做大做强，下转第3版", "to", "3", None, 3, "扶持企业做大做强，"),
    ("大力宣传普及疫情防控知识，（下转A4版）  ", "to", "A4", "A", 4, "大力宣传普及疫情防控知识，"),
    ("（上接A1版）今年以来，深州市持续推进", "from", "A1", "A", 1, "今年以来，深州市持续推进"),
    ("把实事办到群众心坎上（上接A1版）", "from", "A1", "A", 1, "把实事办到群众心坎上"),
    ("一批项目落地。转A4", "to", "A4", "A", 4, "一批项目落地。"),
    ("项目进展顺利 接第2版", "from", "2", None, 2, "项目进展顺利"),
    ("他说（下转第3版）", "to", "3", None, 3, "他说"),
    ("成效（下转A2版）显著", "to", "A2", "A", 2, "成效显著"),
]


@pytest.mark.parametrize("line, direction, label, section, page, rest", FORMS)
def test_jump_forms(line, direction, label, section, page, rest):
    new_line, removed = strip_jumps(line)
    assert new_line == rest
    assert len(removed) == 1
    _, _, info = removed[0]
    assert (info["direction"], info["label"], info["section"], info["page"]) == (direction, label, section, page)


# Ordinary text that merely contains 转, 接, 续 or 版: never a jump line.
FALSE_FRIENDS = [
    "转变作风",
    "接受监督",
    "公司转A股上市",
    "接A1版块的内容",
    "直接4版",
    "该书已转2版",
    "转4",
    "（转4）",
    "（转载）",
    "他说转A4纸就行",
    "转第3版的内容",
    "连续3版刊发",
    "持续4版",
    "衔接第3版",
    "（续）",
    "转发第3版",
    "本报第4版",
    "详见A4版",
    "转A",
    "下转",
    "（上接）",
    "转0版",
    "接1234版",
    "转化为振奋精神、干事创业",
    "有人接听。同时，建立并公开投诉网",
    "对接活动，成功引进落地一批重大",
]


@pytest.mark.parametrize("line", FALSE_FRIENDS)
def test_false_friends_stay(line):
    assert find_jumps(line) == []
    assert strip_jumps(line) == (line, [])
    doc = run(line)
    assert [b.text for b in doc.blocks] == [line]
    assert doc.metadata["continuations"] == []


@pytest.mark.parametrize(
    "numeral, value",
    [("一", 1), ("九", 9), ("十", 10), ("十一", 11), ("十二", 12), ("二十", 20), ("二十四", 24), ("两", 2), ("〇四", 4)],
)
def test_chinese_numerals(numeral, value):
    assert chinese_number(numeral) == value


# --- the step -----------------------------------------------------------------


def test_jump_at_paragraph_end_is_removed_with_its_space():
    doc = run("在重点乡镇、村安装公交站牌\n300余块， (下转A4版)")
    assert [b.text for b in doc.blocks] == ["在重点乡镇、村安装公交站牌\n300余块，"]
    (item,) = doc.metadata["continuations"]
    assert item["direction"] == "to"
    assert item["label"] == "A4"
    assert item["page"] == 4
    assert item["block"] == 0
    assert item["offset"] == len("在重点乡镇、村安装公交站牌\n300余块， ")
    assert item["text"] == "(下转A4版)"
    assert item["before"].endswith("300余块，")


def test_jump_block_of_its_own_is_dropped():
    doc = run("第一段。", "（下转第二版）", "第二段。")
    assert [b.text for b in doc.blocks] == ["第一段。", "第二段。"]
    (item,) = doc.metadata["continuations"]
    assert (item["block"], item["offset"], item["page"]) == (1, 0, 2)
    assert item["before"] == "第一段。"
    assert item["after"] == "第二段。"


def test_jump_line_inside_a_block_splits_it():
    doc = run("把实事办到群众心坎上\n（上接A1版）\n今年以来，深州市\n持续推进重点民生项目。")
    assert [b.text for b in doc.blocks] == ["把实事办到群众心坎上", "今年以来，深州市\n持续推进重点民生项目。"]


def test_jump_at_line_end_inside_a_block_splits_after_it():
    doc = run("发展。三是抓帮扶，\n扶持企业做大做强，（下转A2版）\n县市区党政主要负责人访谈")
    assert [b.text for b in doc.blocks] == ["发展。三是抓帮扶，\n扶持企业做大做强，", "县市区党政主要负责人访谈"]


def test_jump_at_line_start_splits_before_it():
    doc = run("黄河大桥\n（上接第一版）双塔斜拉桥结构，\n主塔高度达168米。")
    assert [b.text for b in doc.blocks] == ["黄河大桥", "双塔斜拉桥结构，\n主塔高度达168米。"]
    assert doc.metadata["continuations"][0]["offset"] == len("黄河大桥\n")


def test_several_jumps_are_reported_in_order():
    doc = run("甲文，（下转A4版）", "乙文。", "丙文，(下转A2版)")
    assert [(c["label"], c["block"]) for c in doc.metadata["continuations"]] == [("A4", 0), ("A2", 2)]


def test_block_kind_and_page_are_kept():
    doc = Document([Block("甲文，\n（下转A4版）\n乙文。", kind="paragraph", page=3, start=10)])
    remove_jump_lines(doc, None)
    assert [(b.text, b.page, b.start) for b in doc.blocks] == [("甲文，", 3, 10), ("乙文。", 3, 10 + len("甲文，\n（下转A4版）\n"))]
    assert doc.metadata["continuations"][0]["on_page"] == 3


def test_keep_furniture_keeps_the_text_and_reports():
    doc = run("甲文，（下转A4版）", "（上接A1版）", keep=True)
    assert [(b.text, b.kind) for b in doc.blocks] == [("甲文，（下转A4版）", "paragraph"), ("（上接A1版）", JUMP)]
    assert [c["direction"] for c in doc.metadata["continuations"]] == ["to", "from"]


def test_changes_are_recorded():
    doc = Document([Block("300余块， (下转A4版)")], changes=[])
    remove_jump_lines(doc, None)
    assert [(c.step, c.block, c.offset, c.before, c.after) for c in doc.changes] == [
        ("remove_jump_lines", 0, len("300余块，"), " (下转A4版)", "")
    ]


def test_no_jump_leaves_document_alone():
    doc = run("转变作风。", "接受监督。")
    assert [b.text for b in doc.blocks] == ["转变作风。", "接受监督。"]


def test_empty_document():
    doc = run()
    assert doc.blocks == [] and doc.metadata["continuations"] == []


# --- the seeds ----------------------------------------------------------------


@pytest.mark.parametrize(
    "seed, labels",
    [("000_aebb837ece3bc3ad", ["A4", "A4", "A4", "A4"]), ("001_6453be698e533787", ["A2"])],
)
def test_seed_jumps(seed, labels):
    raw = (SEEDS / f"{seed}.txt").read_text(encoding="utf-8")
    doc = remove_jump_lines(parse(raw), None)
    found = doc.metadata["continuations"]
    assert [(c["direction"], c["label"], c["page"]) for c in found] == [("to", label, int(label[1:])) for label in labels]
    text = render(doc)
    assert "下转" not in text
    removed = "".join(content_chars(c["text"]) for c in found)
    assert len(content_chars(raw)) - len(content_chars(text)) == len(removed)


@pytest.mark.parametrize("seed", ["002_3845ae9a7fc38530", "003_336f0fcc9462c43f", "004_1925918be1277f88"])
def test_seeds_without_jumps_are_untouched(seed):
    raw = (SEEDS / f"{seed}.txt").read_text(encoding="utf-8")
    doc = parse(raw)
    before = [b.text for b in doc.blocks]
    remove_jump_lines(doc, None)
    assert [b.text for b in doc.blocks] == before
    assert doc.metadata["continuations"] == []


@pytest.mark.parametrize("gold", sorted((SEEDS / "gold").glob("*.txt")), ids=lambda p: p.stem)
def test_gold_text_is_left_alone(gold):
    text = gold.read_text(encoding="utf-8")
    doc = remove_jump_lines(parse(text), None)
    assert render(doc) == text
    assert doc.metadata["continuations"] == []


# --- properties ---------------------------------------------------------------

jump_forms = st.sampled_from([form[0] for form in FORMS[:17]] + FALSE_FRIENDS)
line = st.one_of(running_text.map(lambda s: s.replace("\n", "")), jump_forms)
text_with_jumps = st.lists(
    st.tuples(line, st.sampled_from(["\n", "\n\n", " ", ""]), st.one_of(st.just(""), jump_forms)),
    max_size=12,
).map(lambda parts: "".join(a + c + sep for a, sep, c in parts))


def _lines(doc):
    return [line for block in doc.blocks for line in block.text.split("\n")]


@given(text_with_jumps)
def test_only_jump_lines_are_removed(text):
    doc = parse(text)
    expected = []
    for line in _lines(doc):
        new_line, _ = strip_jumps(line)
        if new_line.strip():
            expected.append(new_line)
    remove_jump_lines(doc, None)
    assert _lines(doc) == expected


@given(text_with_jumps)
def test_content_lost_is_the_reported_jumps(text):
    doc = remove_jump_lines(parse(text), None)
    removed = sum(len(content_chars(c["text"])) for c in doc.metadata["continuations"])
    assert len(content_chars(render(parse(text)))) - len(content_chars(render(doc))) == removed


@given(text_with_jumps)
def test_idempotent(text):
    once = render(remove_jump_lines(parse(text), None))
    assert render(remove_jump_lines(parse(once), None)) == once


@given(st.text())
def test_no_crash_on_any_text(text):
    remove_jump_lines(parse(text), None)
    remove_jump_lines(parse(text), type("Options", (), {"keep_furniture": True})())


@given(st.text(alphabet=HANZI + "，。", max_size=60))
def test_plain_chinese_text_is_unchanged(text):
    doc = parse(text)
    before = [b.text for b in doc.blocks]
    assert [b.text for b in remove_jump_lines(doc, None).blocks] == before


def test_text_before_a_to_jump_is_marked_continued():
    # Nothing may be joined after it: the article goes on on another page.
    doc = remove_jump_lines(Document([Block("第一段文字，\n（下转A4版）"), Block("下一篇文章。")]), None)
    assert [(block.text, block.continued) for block in doc.blocks] == [("第一段文字，", True), ("下一篇文章。", False)]
    doc = remove_jump_lines(Document([Block("全力推进项目建设， (下转A2版)")]), None)
    assert doc.blocks[0].continued


def test_text_after_a_from_jump_is_an_article_edge():
    # `…493万元，撬` + `（上接A7版）` + `景县殡仪馆…`: the text after the jump line
    # resumes another article, so nothing is joined across it (spec §5); the
    # text before it is not continued on another page: its rest may follow
    # further down (an extractor may set the resumed article between the
    # columns of the one before).
    doc = remove_jump_lines(Document([Block("全市共投入资金493万元，撬"), Block("（上接A7版）\n景县殡仪馆开通了网上祭扫。")]), None)
    assert [(block.text, block.continued, block.resumed) for block in doc.blocks] == [
        ("全市共投入资金493万元，撬", False, False),
        ("景县殡仪馆开通了网上祭扫。", False, True),
    ]
    # the jump line alone at a block's end: the next block resumes the article
    doc = remove_jump_lines(Document([Block("全市共投入资金493万元，撬\n（上接A7版）"), Block("景县殡仪馆开通了网上祭扫。")]), None)
    assert [(block.text, block.continued, block.resumed) for block in doc.blocks] == [
        ("全市共投入资金493万元，撬", False, False),
        ("景县殡仪馆开通了网上祭扫。", False, True),
    ]
    # a `下转` line still ends its article: the text before it is continued
    doc = remove_jump_lines(Document([Block("全市共投入资金493万元，撬\n（下转A7版）"), Block("景县殡仪馆开通了网上祭扫。")]), None)
    assert [(block.continued, block.resumed) for block in doc.blocks] == [(True, False), (False, False)]
