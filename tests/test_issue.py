"""Whole issues: pages cleaned, continued articles stitched across pages, the
jump lines that match nothing reported (not guessed); and the ``issue`` CLI."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paperclean import clean
from paperclean.chardata import content_chars
from paperclean.issue import main_issue, page_label_from_name, stitch_issue
from paperclean.pipeline import Config

from strategies import headline_line, running_text

FIXTURES = Path(__file__).parent / "fixtures" / "issue"


def read_pages(folder):
    return [(path.name, path.read_text(encoding="utf-8")) for path in sorted((FIXTURES / folder).glob("*.txt"))]


def blocks(text):
    return text.rstrip("\n").split("\n\n") if text else []


@pytest.mark.parametrize(
    "name, label",
    [
        ("A1.txt", "A1"),
        ("a2.txt", "A2"),
        ("hsrb-2021-12-03-A4.txt", "A4"),
        ("qhrb-2022-03-01-A04.txt", "A4"),
        ("page-04.txt", "4"),
        ("page_12.txt", "12"),
        ("3.txt", "3"),
        ("第四版.txt", "4"),
        ("2021-12-03.txt", None),
        ("front.txt", None),
        ("hsrb.txt", None),
    ],
)
def test_page_label_from_name(name, label):
    assert page_label_from_name(name) == label


# --- three articles jump from A1 to A3 and A4 --------------------------------------

A1_STITCHED = [
    "市区新增三条公交线路",
    "本报讯（记者周明远）3月1日起，市区新增3路、15路、27路三条公交线路，连接高铁站、市第一医院和东部新区，市民出行更加便捷。",
    "据市交通运输局介绍，三条新线路共设站点86个，投入新能源公交车42辆，早晚高峰发车间隔不超过8分钟。",
    "为方便群众乘车，公交集团同步优化了5条既有线路的走向，并在东部新区新建候车亭30座，新增公交站牌120块，实现东部新区公交站点500米全覆盖。",
    "市交通运输局提醒，新线路开通初期，市民可通过“清河公交”手机客户端查询车辆实时到站信息。",
    "春季植树造林活动启动",
    "本报讯（记者孙晓燕）2月28日，我市春季植树造林活动在滨河公园启动。市直机关干部、志愿者和驻地官兵1200余人参加义务植树。",
    "今年我市计划完成造林绿化2.6万亩，重点推进滨河生态廊道、环城林带和村庄绿化三项工程。",
    "市林业局负责同志表示，将坚持适地适树原则，优先选用国槐、白蜡、海棠等乡土树种，确保苗木成活率达到95%以上。同时，各县市区将建立林长制责任体系，落实管护责任，做到造一片、活一片、成林一片。",
    "据了解，去年全市共完成造林1.8万亩，森林覆盖率提高到31.2%。",
    "清河区打造十五分钟便民生活圈",
    "本报讯（记者吴宏）清河区以社区为单元，统筹布局菜市场、便利店、家政服务和养老托育设施，让居民步行15分钟就能满足日常生活需求。目前，全区已建成便民生活圈示范社区12个，新增便民网点340个。",
    "下一步，清河区将把便民生活圈建设纳入民生实事项目，持续完善社区商业设施。",
    "全市春耕备耕有序推进",
    "本报讯（记者陈立）眼下正值春耕备耕关键时期，全市各级农业部门组织技术人员深入田间地头开展指导服务。截至目前，全市已储备化肥、种子等农资8.5万吨。",
]
A3_LEFT = [
    "清河市召开安全生产工作会议",
    "本报讯（记者周明远）2月28日，全市安全生产工作会议召开。会议要求，各地各部门要压实安全生产责任，深入开展隐患排查整治，坚决防范遏制重特大事故发生。",
]
A4_LEFT = [
    "南湖湿地迎来首批候鸟",
    "本报讯（记者孙晓燕）近日，南湖湿地迎来今春首批北归候鸟，灰鹤、白琵鹭等鸟类在湿地停歇觅食。",
    "截至目前，南湖湿地已监测到鸟类186种。",
]


@pytest.fixture(scope="module")
def qhrb():
    return stitch_issue(read_pages("qhrb"))


def test_pages_keep_their_order_names_and_labels(qhrb):
    assert [(p.name, p.label) for p in qhrb.pages] == [
        ("qhrb-2022-03-01-A1.txt", "A1"),
        ("qhrb-2022-03-01-A3.txt", "A3"),
        ("qhrb-2022-03-01-A4.txt", "A4"),
    ]


def test_continuations_are_appended_to_their_articles(qhrb):
    assert blocks(qhrb.pages[0].text) == A1_STITCHED


def test_continuations_leave_their_pages(qhrb):
    assert blocks(qhrb.pages[1].text) == A3_LEFT
    assert blocks(qhrb.pages[2].text) == A4_LEFT


def test_articles_are_listed(qhrb):
    assert [(a.headline, a.pages) for a in qhrb.articles] == [
        ("市区新增三条公交线路", ["A1", "A4"]),
        ("春季植树造林活动启动", ["A1", "A4"]),
        ("清河区打造十五分钟便民生活圈", ["A1", "A3"]),
    ]
    assert [a.jump_heads for a in qhrb.articles] == [["新增公交线路"], ["植树造林"], ["社区小店 便民服务"]]
    assert qhrb.articles[0].text.split("\n\n") == A1_STITCHED[:5]
    assert qhrb.articles[1].text.split("\n\n") == A1_STITCHED[5:10]
    assert qhrb.articles[2].text.split("\n\n") == A1_STITCHED[10:13]


def test_jump_to_a_missing_page_is_reported(qhrb):
    assert [(u["page"], u["direction"], u["target"], u["text"]) for u in qhrb.unmatched] == [
        ("qhrb-2022-03-01-A4.txt", "to", "A8", "（下转A8版）")
    ]


def test_page_metadata(qhrb):
    a1, a3, a4 = (p.metadata for p in qhrb.pages)
    assert (a1["newspaper"], a1["date"]) == ("清河日报", "2022-03-01")
    assert (a3["page"], a3["editors"]) == ("A3", ["王芳", "李静", "赵强"])
    assert a4["page"] == "A4"
    assert [c["label"] for c in a1["continuations"]] == ["A4", "A4", "3"]


def test_keep_furniture_keeps_the_jump_lines_around_the_stitch():
    issue = stitch_issue(read_pages("qhrb"), Config(keep_furniture=True))
    a1 = blocks(issue.pages[0].text)
    cut = a1.index("为方便群众乘车，公交集团同步优化了5条既有线路的走向，并在东部新区新建候车亭30座，新增公交站牌（下转A4版）")
    assert a1[cut + 1 : cut + 3] == ["（上接A1版）", "120块，实现东部新区公交站点500米全覆盖。"]
    assert "120块" not in issue.pages[2].text and "新增公交线路" not in issue.pages[2].text
    assert [(a.headline, a.pages) for a in issue.articles] == [
        ("市区新增三条公交线路", ["A1", "A4"]),
        ("春季植树造林活动启动", ["A1", "A4"]),
        ("清河区打造十五分钟便民生活圈", ["A1", "A3"]),
    ]


def test_page_order_does_not_matter():
    pages = read_pages("qhrb")
    issue = stitch_issue(dict(reversed(pages)))
    assert blocks(issue.pages[2].text) == A1_STITCHED
    assert sorted(a.headline for a in issue.articles) == sorted(
        ["市区新增三条公交线路", "春季植树造林活动启动", "清河区打造十五分钟便民生活圈"]
    )


# --- an article that jumps twice: page 1 -> 2 -> 3 -----------------------------------

BRIDGE = (
    "本报讯（记者林涛）经过三年建设，黄河大桥主体工程近日完工。大桥全长3.2公里，设计时速80公里，"
    "建成后将缩短两岸通行时间40分钟。项目部负责人介绍，大桥采用双塔斜拉桥结构，主塔高度达168米，"
    "施工中攻克了深水基础等多项技术难题。目前，桥面铺装和附属工程正在抓紧推进，预计今年6月底具备通车条件。"
    "大桥通车后，将与沿黄公路连成一体，进一步完善区域路网。"
)


def test_chain_of_jumps():
    issue = stitch_issue(read_pages("chain"))
    assert [p.label for p in issue.pages] == ["1", "2", "3"]
    assert blocks(issue.pages[0].text) == [
        "黄河大桥主体工程完工",
        BRIDGE,
        "市民文化节开幕",
        "本报讯（记者赵敏）第五届市民文化节昨日开幕，将持续举办演出、展览等活动120余场。",
    ]
    assert blocks(issue.pages[1].text) == ["乡村振兴示范村名单公布", "本报讯（记者马丽）日前，全市首批30个乡村振兴示范村名单公布。"]
    assert blocks(issue.pages[2].text) == ["文化馆举办新春书画展", "本报讯（记者赵敏）新春书画展在市文化馆开幕，展出作品200余幅。"]
    assert [(a.headline, a.pages, a.text) for a in issue.articles] == [
        ("黄河大桥主体工程完工", ["1", "2", "3"], "黄河大桥主体工程完工\n\n" + BRIDGE)
    ]
    assert issue.unmatched == []


# --- nothing is guessed ------------------------------------------------------------


def test_two_continuations_with_nothing_to_tell_them_apart_stay_unmatched():
    issue = stitch_issue(
        {
            "A1.txt": "甲县召开会议\n\n会议要求，各地要认真落实，（下转A2版）\n\n乙县召开会议\n\n会议要求，各地要认真落实，（下转A2版）",
            "A2.txt": "（上接A1版）\n\n确保工作落到实处。\n\n（上接A1版）\n\n确保工作落到实处。",
        }
    )
    assert issue.articles == []
    assert sorted((u["page"], u["direction"]) for u in issue.unmatched) == [
        ("A1.txt", "to"),
        ("A1.txt", "to"),
        ("A2.txt", "from"),
        ("A2.txt", "from"),
    ]
    assert blocks(issue.pages[0].text) == ["甲县召开会议", "会议要求，各地要认真落实，", "乙县召开会议", "会议要求，各地要认真落实，"]
    assert blocks(issue.pages[1].text) == ["确保工作落到实处。", "确保工作落到实处。"]


def test_continuation_from_a_page_not_given_is_reported():
    issue = stitch_issue({"A4.txt": "（上接A1版）\n\n确保苗木成活率达到95%以上。"})
    assert blocks(issue.pages[0].text) == ["确保苗木成活率达到95%以上。"]
    assert [(u["direction"], u["target"], u["reason"]) for u in issue.unmatched] == [
        ("from", "A1", "no page A1 in the issue")
    ]


def test_pages_without_labels_match_nothing():
    issue = stitch_issue([("front.txt", "甲文，（下转A2版）"), ("back.txt", "（上接A1版）\n\n乙文。")])
    assert issue.articles == []
    assert len(issue.unmatched) == 2


def test_pages_without_jumps_are_just_cleaned():
    issue = stitch_issue({"A1.txt": "第一段。\n\n第二段。", "A2.txt": ""})
    assert [p.text for p in issue.pages] == ["第一段。\n\n第二段。\n", ""]
    assert issue.articles == [] and issue.unmatched == []


def test_empty_issue():
    issue = stitch_issue({})
    assert issue.pages == [] and issue.articles == [] and issue.unmatched == []


def test_to_json_is_serializable(qhrb):
    data = json.loads(json.dumps(qhrb.to_json(), ensure_ascii=False))
    assert [a["pages"] for a in data["articles"]] == [["A1", "A4"], ["A1", "A4"], ["A1", "A3"]]


# --- properties -------------------------------------------------------------------

JUMPS = ["（下转A2版）", "（上接A1版）", "(下转A1版)", "（上接A2版）", "下转第2版", "（接第1版）"]
piece = st.one_of(
    running_text.map(lambda s: s.replace("\n", "")),
    headline_line,
    st.sampled_from(JUMPS),
    st.sampled_from(["本报讯（记者王斌）今年以来，", "确保工作落到实处。", "新增公交站牌"]),
)
page_text = st.lists(st.tuples(piece, st.sampled_from(["", "\n", "\n\n"])), max_size=10).map(
    lambda parts: "".join(p + sep for p, sep in parts)
)


@settings(max_examples=25)
@given(page_text, page_text)
def test_stitching_moves_text_but_never_loses_or_copies_it(first, second):
    issue = stitch_issue({"A1.txt": first, "A2.txt": second})
    cleaned = content_chars(clean(first) + clean(second))
    stitched = content_chars("".join(page.text for page in issue.pages))
    heads = content_chars("".join(head for article in issue.articles for head in article.jump_heads))
    assert sorted(stitched + heads) == sorted(cleaned)


# --- the command line -------------------------------------------------------------


def test_cli_directory_to_stdout(capsys):
    assert main_issue([str(FIXTURES / "qhrb")]) == 0
    out, err = capsys.readouterr()
    assert "==> qhrb-2022-03-01-A1.txt <==" in out
    assert A1_STITCHED[3] in out
    assert "==> articles <==" in out
    assert "paperclean: warning: qhrb-2022-03-01-A4.txt: unmatched jump line （下转A8版）" in err


def test_cli_json(capsys):
    files = [str(path) for path in sorted((FIXTURES / "chain").glob("*.txt"))]
    assert main_issue(files + ["--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [p["name"] for p in data["pages"]] == ["page-1.txt", "page-2.txt", "page-3.txt"]
    assert data["articles"][0]["pages"] == ["1", "2", "3"]


@pytest.mark.parametrize("fmt, articles_file", [("text", "articles.txt"), ("json", "articles.json")])
def test_cli_outdir(tmp_path, fmt, articles_file):
    outdir = tmp_path / "out"
    assert main_issue([str(FIXTURES / "qhrb"), "-o", str(outdir), "--format", fmt]) == 0
    names = sorted(path.name for path in outdir.iterdir())
    assert names == sorted(["qhrb-2022-03-01-A1.txt", "qhrb-2022-03-01-A3.txt", "qhrb-2022-03-01-A4.txt", articles_file])
    assert blocks((outdir / "qhrb-2022-03-01-A1.txt").read_text(encoding="utf-8")) == A1_STITCHED


def test_cli_keep_furniture(capsys):
    assert main_issue([str(FIXTURES / "chain"), "--keep-furniture"]) == 0
    assert "第2版" in capsys.readouterr().out


def test_cli_missing_file(capsys, tmp_path):
    missing = tmp_path / "nope.txt"
    assert main_issue([str(missing)]) == 2
    assert capsys.readouterr().err == f"paperclean: error: {missing}: no such file\n"


def test_cli_empty_directory(capsys, tmp_path):
    assert main_issue([str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith(f"paperclean: error: {tmp_path}: ")


def test_cli_same_name_twice(capsys, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in "ab":
        (tmp_path / folder / "A1.txt").write_text("正文。", encoding="utf-8")
    assert main_issue([str(tmp_path / "a" / "A1.txt"), str(tmp_path / "b" / "A1.txt")]) == 2
    assert "paperclean: error: A1.txt: " in capsys.readouterr().err


def test_cli_bad_option(capsys):
    assert main_issue(["--format", "xml", "x.txt"]) == 2


def test_cli_other_encoding(tmp_path, capsys):
    page = tmp_path / "A1.txt"
    page.write_bytes("本报讯（记者王斌）今年以来，我市持续推进重点民生项目建设，取得明显成效。".encode("gb18030"))
    assert main_issue([str(page)]) == 0
    assert "重点民生项目" in capsys.readouterr().out
