"""Page furniture (spec §7): found by general signals and by position, removed
line by line, reported as metadata; article text is never touched."""

from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from paperclean.document import FURNITURE, Block, Document, parse, render
from paperclean.pipeline import Config
from paperclean.furniture import furniture_strength, read_furniture_line, remove_furniture

from strategies import headline_line, running_text

SEEDS = Path(__file__).parent.parent / "seeds"


class Keep:
    keep_furniture = True


def clean(text, config=None):
    return remove_furniture(parse(text), config)


def texts(doc):
    return [b.text for b in doc.blocks]


# --- what a line is -------------------------------------------------------------

FURNITURE_LINES = [
    ("2021年12月3日", "date"),
    ("2021 年 12 月 3 日", "date"),
    ("二〇二一年十二月三日", "date"),
    ("2021-12-03", "date"),
    ("星期五", "weekday"),
    ("周五", "weekday"),
    ("农历辛丑年十月廿九", "lunar"),
    ("2021年12月3日 星期五", "header"),
    ("2021年12月3日星期五", "header"),
    ("2023年2月9日 星期四  经济  责任编辑：刘洋", "header"),
    ("A4 要闻", "header"),
    ("要闻 A4", "header"),
    ("A3", "page_label"),
    ("A4版", "page_label"),
    ("第4版", "page_label"),
    ("第四版", "page_label"),
    ("3", "page_number"),
    ("- 3 -", "page_number"),
    ("第3页", "page_number"),
    ("衡水新闻网:www.hsrb.com.cn", "url"),
    ("www.hsrb.com.cn", "url"),
    ("http://www.people.com.cn", "url"),
    ("13503189058", "phone"),
    ("12634049921", "phone"),  # eleven digits from 1: a phone number, valid mobile prefix or not
    ("0318-2155555", "phone"),
    ("联系电话：0318-2155555", "phone"),
    ("新闻热线：0312-5550123", "footer"),
    ("限 限 直 微信息 订版热线", "footer"),
    ("订版热线", "footer"),
    ("邮发代号：17-8", "footer"),
    ("HENGSHUIRIBAO", "masthead"),
    ("HENGSHUI RIBAO", "masthead"),
    ("CHINA DAILY", "masthead"),
    ("衡水日报", "newspaper"),
    ("衡水口報", "newspaper"),
    ("衡 水 日 报", "newspaper"),
    ("燕赵晚报", "newspaper"),
    ("参考消息", "newspaper"),
    ("中共衡水市委主办", "publisher"),
    ("中共衡水市委主办 衡水日报社出版", "publisher"),
    ("责任编辑 李红丽 李真", "editor"),
    ("责任编辑：刘洋", "editor"),
    ("（责任编辑：刘洋）", "editor"),
    ("美术编辑 王五", "editor"),
    ("校对 张三", "editor"),
    ("责任编辑：张三 美术编辑：李四 校对：王五", "editor"),
]


@pytest.mark.parametrize("line, kind", FURNITURE_LINES)
def test_furniture_lines(line, kind):
    read = read_furniture_line(line)
    assert read is not None and read[0] == kind


NOT_FURNITURE = [
    "本报讯（记者张月亭）入冬以来",
    "本报记者 李晨阔",
    "河北日报记者 陈凤来 通讯员 田静云",
    "河北日报通讯员 贾彦忠摄",
    "袁占林 摄",
    "陈康 摄",
    "衡水新闻发布",
    "县市区党政主要负责人访谈",
    "学党史 悟思想 办实事 开新局",
    "排查到位 维护周到 处理及时",
    "奋斗百年路 启航新征程",
    "盘 点 2021",
    "高占峰 任玉静",
    "访冀州区委书记张洪涛",
    "——我市疫情防控工作综述",
    "图为民警带领小学生参与货车盲区体验活动。",
    "新华社北京12月2日电",
    "12月3日",
    "2021年，全市新增就业1.2万人。",
    "截至12月2日17时",
    "第一期衡水市创建全国文明城市社区专项考评结果公布",
    "本次活动由市委宣传部主办",
    "开通市民热线",
    "人民日报 评论员",
    "经济 要闻",
    "编辑",
    "GDP",
    "PM2.5",
    "……",
    "# 衡水日报",
    "衡水日报社举办新闻发布会",
    "红榜\t\t黑榜",
    "",
]


@pytest.mark.parametrize("line", NOT_FURNITURE)
def test_not_furniture_lines(line):
    assert read_furniture_line(line) is None


@pytest.mark.parametrize(
    "line, strength",
    [
        ("责任编辑：刘洋", "anywhere"),
        ("2023年2月9日 星期四  经济  责任编辑：刘洋", "anywhere"),
        ("HENGSHUIRIBAO", "anywhere"),
        ("衡水日报", "strong"),
        ("A4 要闻", "strong"),
        ("衡水新闻网:www.hsrb.com.cn", "strong"),
        ("2021年12月3日", "weak"),
        ("联系电话：13503189058", "weak"),
        ("13503189058", "edge"),  # a bare number: debris at the very edge
        ("3", "edge"),
    ],
)
def test_strength(line, strength):
    assert furniture_strength(*read_furniture_line(line)) == strength


# --- position -----------------------------------------------------------------

ARTICLE = "本报讯（记者王斌）今年以来，我市持续推进重点民生项目建设。\n\n全市新建改造城市道路12条。"


def test_masthead_block_at_the_top_goes():
    doc = clean("HENGSHUIRIBAO\n\n2021年12月3日\n\n中共衡水市委主办\n\n星期五\n\n衡水新闻网:www.hsrb.com.cn\n\n" + ARTICLE)
    assert texts(doc) == ARTICLE.split("\n\n")
    assert [f["kind"] for f in doc.metadata["furniture"]] == ["masthead", "date", "publisher", "weekday", "url"]
    assert doc.metadata["newspaper"] == "HENGSHUIRIBAO"
    assert doc.metadata["date"] == "2021-12-03"
    assert doc.metadata["weekday"] == "星期五"


def test_furniture_lines_inside_a_block_go_alone():
    doc = clean("衡水日报\n2021年12月3日\n本报讯（记者王斌）今年以来，我市持续推进\n重点民生项目建设。")
    assert texts(doc) == ["本报讯（记者王斌）今年以来，我市持续推进\n重点民生项目建设。"]
    assert doc.metadata["newspaper"] == "衡水日报"


def test_editor_line_and_page_label():
    doc = clean("A4 要闻\n\n责任编辑 李红丽 李真\n\n" + ARTICLE)
    assert texts(doc) == ARTICLE.split("\n\n")
    assert doc.metadata["page"] == "A4"
    assert doc.metadata["section"] == "要闻"
    assert doc.metadata["editors"] == ["李红丽", "李真"]


def test_one_stray_line_above_a_strong_line_is_allowed():
    doc = clean("衡水新闻发布\n\n责任编辑：刘洋\n\n" + ARTICLE)
    assert texts(doc) == ["衡水新闻发布"] + ARTICLE.split("\n\n")


def test_a_few_short_stray_lines_above_a_page_label_are_allowed():
    # what counts is how much text stands between the label and the edge,
    # not in how many lines the extraction set it
    doc = clean("（\n；\n\nA4\n\n" + ARTICLE)
    assert texts(doc) == ["（\n；"] + ARTICLE.split("\n\n")


def test_a_section_word_needs_strong_furniture_on_the_edge_side():
    # the date at the bottom is weak, and stays (no strong line in its run):
    # the word between it and the header is then no piece of a header
    doc = clean("2021年12月3日 星期五\n一一\n2021年12月3日")
    assert texts(doc) == ["一一\n2021年12月3日"]


def test_a_header_set_line_by_line_date_section_page_number():
    # pdftotext writes the header's pieces on lines of their own
    doc = clean("2024年4月8日 星期一\n要闻\n3\n" + ARTICLE)
    assert texts(doc) == ARTICLE.split("\n\n")
    assert doc.metadata["section"] == "要闻"


def test_a_headline_between_a_date_and_a_page_number_is_not_taken_for_a_section_word():
    # only a short section word stands between the pieces of a header
    doc = clean("2024年4月8日 星期一\n城市更新让老城区焕发新活力\n3\n" + ARTICLE)
    assert texts(doc)[0].startswith("城市更新让老城区焕发新活力\n3\n")


def test_a_short_stray_line_above_a_page_label_is_allowed():
    doc = clean("我市召开会议\n\nA4\n\n" + ARTICLE)
    assert texts(doc) == ["我市召开会议"] + ARTICLE.split("\n\n")


@pytest.mark.parametrize("wrap", ["", "\n"])
def test_a_sentence_above_a_page_label_ends_the_top_edge(wrap):
    # a line of article text is no stray section word: what stands below it
    # is not at the page's edge, whether the sentence is wrapped or not (a
    # second pass sees the wrapped sentence as one line)
    sentence = "今年以来，我市全力打好清洁取暖“组合拳”。" + wrap + "努力让民心更暖天更蓝。"
    doc = clean(sentence + "\n\nA4\n\n" + ARTICLE)
    assert texts(doc) == [sentence, "A4"] + ARTICLE.split("\n\n")


def test_weak_line_at_the_top_needs_an_unbroken_run():
    doc = clean("我市召开会议\n\n2021年12月3日\n\n" + ARTICLE)
    assert texts(doc) == ["我市召开会议", "2021年12月3日"] + ARTICLE.split("\n\n")


def test_date_alone_at_the_bottom_stays():
    notice = ARTICLE + "\n\n衡水市创建全国文明城市指挥部\n\n2022年4月28日"
    assert texts(clean(notice)) == notice.split("\n\n")


def test_contact_phone_alone_at_the_bottom_stays():
    notice = ARTICLE + "\n\n联系电话：0318-2155555"
    assert texts(clean(notice)) == notice.split("\n\n")


def test_a_bare_phone_number_alone_at_the_bottom_goes():
    doc = clean(ARTICLE + "\n\n13907835666")
    assert texts(doc) == ARTICLE.split("\n\n")


def test_footer_strip_takes_the_phone_with_it():
    doc = clean(ARTICLE + "\n\n限 限 直 微信息 订版热线\n\n13503189058")
    assert texts(doc) == ARTICLE.split("\n\n")
    assert [f["kind"] for f in doc.metadata["furniture"]] == ["footer", "phone"]


def test_page_number_at_the_very_bottom_goes():
    assert texts(clean(ARTICLE + "\n\n- 4 -")) == ARTICLE.split("\n\n")


def test_middle_of_the_page():
    # more than MAX_SLACK_CHARS of text on either side: the middle of the page
    middle = "第一段写的是全市民生工程的进展。\n\n{}\n\n第二段。\n\n第三段写的是群众对民生工程的评价。\n\n第四段。"
    for line in ("责任编辑：刘洋", "2023年2月9日 星期四  经济  责任编辑：刘洋", "HENGSHUIRIBAO"):
        text = "开头。\n\n开头二。\n\n开头三写的是今年以来民生实事的办理情况。\n\n" + middle.format(line)
        assert line not in render(clean(text)), line
    for line in ("2021年12月3日", "衡水日报", "A3", "www.hsrb.com.cn", "13503189058", "星期五", "订版热线"):
        text = "开头。\n\n开头二。\n\n开头三写的是今年以来民生实事的办理情况。\n\n" + middle.format(line)
        assert texts(clean(text)) == text.split("\n\n"), line


def test_running_header_repeated_on_pages():
    pages = [
        "2023年2月{0}日 经济·要闻\n\n第{0}页的第一段文字，内容各不相同。\n\n第{0}页的第二段。\n\n经济版 {0}".format(n)
        for n in (7, 8, 9)
    ]
    doc = clean("\f".join(pages))
    assert texts(doc) == [t for n in (7, 8, 9) for t in (f"第{n}页的第一段文字，内容各不相同。", f"第{n}页的第二段。")]
    assert {f["page"] for f in doc.metadata["furniture"]} == {0, 1, 2}


def test_a_page_written_twice_is_no_running_header():
    page = "我市召开安全生产会议\n\n本报讯 会议要求压实安全生产责任。"
    assert texts(clean(page + "\f" + page)) == page.split("\n\n") * 2


def test_furniture_at_every_page_edge():
    doc = clean("A1\n\n第一页。\f第二页。\n\nA2")
    assert texts(doc) == ["第一页。", "第二页。"]
    assert [(f["text"], f["page"], f["block"]) for f in doc.metadata["furniture"]] == [("A1", 0, 0), ("A2", 1, 3)]


def test_keep_furniture_sets_the_lines_apart():
    doc = clean("衡水日报\n2021年12月3日\n本报讯 今年以来，我市持续推进。", Keep())
    assert [(b.text, b.kind) for b in doc.blocks] == [
        ("衡水日报", FURNITURE),
        ("2021年12月3日", FURNITURE),
        ("本报讯 今年以来，我市持续推进。", "paragraph"),
    ]
    assert doc.metadata["newspaper"] == "衡水日报"


def test_changes_are_recorded():
    doc = parse("衡水日报\n2021年12月3日\n正文。")
    doc.changes = []
    remove_furniture(doc, None)
    assert [(c.block, c.offset, c.before) for c in doc.changes] == [(0, 0, "衡水日报\n"), (0, 5, "2021年12月3日\n")]


@pytest.mark.parametrize("text", ["", "正文。", ARTICLE])
def test_no_furniture_no_change(text):
    doc = parse(text)
    before = texts(doc)
    remove_furniture(doc, None)
    assert texts(doc) == before
    assert doc.metadata["furniture"] == []


# --- the seeds ------------------------------------------------------------------

SEED_FURNITURE = {
    "001_6453be698e533787": ["HENGSHUIRIBAO", "2021年12月3日", "中共衡水市委主办", "星期五", "衡水新闻网:www.hsrb.com.cn"],
    "004_1925918be1277f88": ["责任编辑 李红丽 李真", "衡水口報", "限 限 直 微信息 订版热线", "13503189058"],
    "000_aebb837ece3bc3ad": [],
    "002_3845ae9a7fc38530": [],
    "003_336f0fcc9462c43f": [],
}


@pytest.mark.parametrize("seed, expected", SEED_FURNITURE.items())
def test_seed_furniture(seed, expected):
    raw = (SEEDS / f"{seed}.txt").read_text(encoding="utf-8")
    doc = parse(raw)
    lines_before = [line for b in doc.blocks for line in b.text.split("\n")]
    remove_furniture(doc, None)
    assert [f["text"] for f in doc.metadata["furniture"]] == expected
    lines_after = [line for b in doc.blocks for line in b.text.split("\n")]
    assert lines_after == [line for line in lines_before if line.strip() not in expected]


def test_seed_metadata():
    doc = remove_furniture(parse((SEEDS / "001_6453be698e533787.txt").read_text(encoding="utf-8")), None)
    assert (doc.metadata["date"], doc.metadata["weekday"], doc.metadata["publisher"]) == (
        "2021-12-03",
        "星期五",
        "中共衡水市委主办",
    )
    doc = remove_furniture(parse((SEEDS / "004_1925918be1277f88.txt").read_text(encoding="utf-8")), None)
    assert (doc.metadata["newspaper"], doc.metadata["editors"]) == ("衡水口報", ["李红丽", "李真"])


@pytest.mark.parametrize("gold", sorted((SEEDS / "gold").glob("*.txt")), ids=lambda p: p.stem)
def test_gold_text_is_left_alone(gold):
    text = gold.read_text(encoding="utf-8")
    doc = remove_furniture(parse(text), None)
    assert render(doc) == text
    assert doc.metadata["furniture"] == []


# --- properties -----------------------------------------------------------------

furniture_line = st.sampled_from([line for line, _ in FURNITURE_LINES] + NOT_FURNITURE[:-2])
any_line = st.one_of(running_text.map(lambda s: s.replace("\n", "")), headline_line, furniture_line)
page_text = st.lists(st.tuples(any_line, st.sampled_from(["\n", "\n\n", "\n\n\n"])), max_size=14).map(
    lambda parts: "".join(line + sep for line, sep in parts)
)
document = st.lists(page_text, min_size=1, max_size=3).map("\f".join)


def _lines(doc):
    return [line for block in doc.blocks for line in block.text.split("\n")]


@given(document)
def test_only_whole_reported_lines_are_removed(text):
    doc = parse(text)
    numbered = [(b, i, line) for b, block in enumerate(doc.blocks) for i, line in enumerate(block.text.split("\n"))]
    remove_furniture(doc, None)
    reported = {(f["block"], f["line"]): f["text"] for f in doc.metadata["furniture"]}
    # What stays is the input minus the reported lines, in order and unchanged.
    assert _lines(doc) == [line for b, i, line in numbered if (b, i) not in reported]
    assert all(reported[(b, i)] == line.strip() for b, i, line in numbered if (b, i) in reported)


@example("一一\n3\n一一\n2021年12月3日 星期五\n")  # the page edges are looked at again after a stray piece went
@given(document)
def test_idempotent(text):
    once = render(remove_furniture(parse(text), None))
    assert render(remove_furniture(parse(once), None)) == once


@given(document)
def test_keep_furniture_keeps_every_line(text):
    doc = parse(text)
    before = _lines(doc)
    assert _lines(remove_furniture(doc, Keep())) == before


@given(st.text())
def test_no_crash_on_any_text(text):
    remove_furniture(parse(text), None)
    remove_furniture(parse(text), Keep())


def test_a_section_word_between_header_pieces_is_furniture():
    # pdftotext's default mode sets the pieces of a running header on lines of
    # their own: date, section, editor.  The lone section word between them
    # belongs to the header, not to an article.
    doc = remove_furniture(
        Document([Block("2023年9月10日 星期日"), Block("文明创建"), Block("责任编辑：赵磊"), Block("本报讯 今年以来，我市持续推进民生工程建设。")]),
        Config(),
    )
    assert [block.text for block in doc.blocks] == ["本报讯 今年以来，我市持续推进民生工程建设。"]
    assert {"text": "文明创建", "kind": "section"}.items() <= doc.metadata["furniture"][1].items()


def test_a_section_word_after_furniture_but_before_text_stays():
    # A short line right after the header that no furniture line follows is a
    # headline or section label of an article (spec §2): it stays.
    doc = remove_furniture(
        Document([Block("2023年9月10日 星期日"), Block("衡水新闻发布"), Block("本报讯 今年以来，我市持续推进民生工程建设。")]),
        Config(),
    )
    assert "衡水新闻发布" in [block.text for block in doc.blocks]


# pdftotext's default mode sets the page label of the footer, and the pieces
# of a running header, where its reading order meets them: in the middle of a
# page, often between the two halves of a sentence (issue 9).
STRAY_CASES = [
    # (blocks, the blocks that stay)
    (
        ["今年以来，我市持续推进民生", "A5", "工程建设，成效明显。"],
        ["今年以来，我市持续推进民生", "工程建设，成效明显。"],
    ),
    (
        ["A1", "第一段。", "第二段，我市持续", "A2", "推进民生工程。"],
        ["第一段。", "第二段，我市持续", "推进民生工程。"],
    ),
    (
        # the labels of this page are known from its edge: a label between
        # two finished paragraphs goes too
        ["A3", "第一段。", "第二段。", "A4", "第三段。", "第四段。"],
        ["第一段。", "第二段。", "第三段。", "第四段。"],
    ),
    (
        # a label that interrupts a sentence shows how the labels stray
        ["第一段，我市持续", "A2", "推进民生工程。", "第二段。", "A3", "第三段。"],
        ["第一段，我市持续", "推进民生工程。", "第二段。", "第三段。"],
    ),
    (
        # a header cut into pieces at a page break inside a sentence
        ["市积极推进撤乡设镇工作，", "2023年7月16日 星期日", "经济", "设镇比例由69.3%提高到73.7%。"],
        ["市积极推进撤乡设镇工作，", "设镇比例由69.3%提高到73.7%。"],
    ),
    (
        # a short line after a finished paragraph: a headline, it stays
        ["第一段。", "2023年7月16日 星期日", "经济", "设镇比例由69.3%提高到73.7%。"],
        ["第一段。", "经济", "设镇比例由69.3%提高到73.7%。"],
    ),
    (
        # a short word inside a sentence, next to no furniture: it stays
        ["我市持续推进", "民生工程", "建设，成效明显。"],
        ["我市持续推进", "民生工程", "建设，成效明显。"],
    ),
]


@pytest.mark.parametrize("blocks,kept", STRAY_CASES)
def test_stray_page_labels_and_section_words(blocks, kept):
    doc = remove_furniture(Document([Block(text) for text in blocks]), Config())
    assert [block.text for block in doc.blocks] == kept
