"""Simplified/Traditional conversion with OpenCC (spec §8): off by default,
an explicit option with three modes.

Expected outputs are written by hand (standard Simplified/Traditional pairs).
"""

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import paperclean
from paperclean.document import Block, Document
from paperclean.pipeline import Config
from paperclean.script import (
    convert_minority_script,
    convert_script,
    to_simplified,
    to_traditional,
)
from strategies import HANZI, running_text

TO_SIMPLIFIED_CASES = [
    # --- must come out unchanged ---
    ("", ""),
    ("衡水日报", "衡水日报"),
    ("ABC 123，。PM2.5 www.hsrb.com.cn", "ABC 123，。PM2.5 www.hsrb.com.cn"),
    # --- converted ---
    ("衡水口報", "衡水口报"),
    ("後來", "后来"),
    ("經濟發展", "经济发展"),
    ("報紙報導本地新聞", "报纸报导本地新闻"),
]

TO_TRADITIONAL_CASES = [
    ("", ""),
    ("報紙", "報紙"),
    ("ABC 123，。", "ABC 123，。"),
    ("后来", "後來"),
    ("衡水日报", "衡水日報"),
    ("经济发展", "經濟發展"),
]

MINORITY_CASES = [
    # --- must come out unchanged: one script throughout, or nothing to convert ---
    ("", ""),
    ("衡水日报是一份报纸，报道本地新闻", "衡水日报是一份报纸，报道本地新闻"),
    ("衡水日報是一份報紙，報導本地新聞", "衡水日報是一份報紙，報導本地新聞"),
    ("ABC 123", "ABC 123"),
    # --- the stray characters of the minority script ---
    ("衡水口報是一份报纸，报道本地新闻", "衡水口报是一份报纸，报道本地新闻"),
    ("衡水日報是一份報紙，报導本地新聞", "衡水日報是一份報紙，報導本地新聞"),
]


@pytest.mark.parametrize("text, expected", TO_SIMPLIFIED_CASES)
def test_to_simplified(text, expected):
    assert to_simplified(text) == expected


@pytest.mark.parametrize("text, expected", TO_TRADITIONAL_CASES)
def test_to_traditional(text, expected):
    assert to_traditional(text) == expected


@pytest.mark.parametrize("text, expected", MINORITY_CASES)
def test_convert_minority_script(text, expected):
    assert convert_minority_script(text) == expected


@pytest.mark.parametrize(
    "conversion, expected",
    [
        ("t2s", ["衡水口报", "后来", "表\t格"]),
        ("s2t", ["衡水口報", "後來", "表\t格"]),
        ("minority", ["衡水口報", "后来", "表\t格"]),
    ],
)
def test_convert_script_step(conversion, expected):
    doc = Document([Block("衡水口報"), Block("后来"), Block("表\t格", "table")])
    doc = convert_script(doc, Config(convert_script=True, script_conversion=conversion))
    assert [block.text for block in doc.blocks] == expected


def test_convert_script_rejects_an_unknown_conversion():
    with pytest.raises(ValueError, match="script_conversion"):
        convert_script(Document([Block("后来")]), Config(script_conversion="t2x"))


def test_script_is_unchanged_by_default():
    assert paperclean.clean("衡水口報的記者後來到了。") == "衡水口報的記者後來到了。\n"


def test_script_conversion_is_an_explicit_option():
    text = "衡水口報的記者後來到了。"
    assert paperclean.clean(text, convert_script=True) == "衡水口报的记者后来到了。\n"
    assert paperclean.clean("后来", convert_script=True, script_conversion="s2t") == "後來\n"


# --- properties ------------------------------------------------------------

TRADITIONAL = "報紙聞經濟發後來記者衡門東區縣開會習導體機實現關係處進歷"
script_text = st.one_of(
    st.text(alphabet=HANZI + TRADITIONAL + "，。 abc123", max_size=30),
    running_text,
    st.text(max_size=30),
)
CONVERSIONS = [to_simplified, to_traditional, convert_minority_script]
_HAN_RE = regex.compile(r"\p{Han}")


@pytest.mark.parametrize("convert", CONVERSIONS)
@given(text=script_text)
def test_conversion_is_idempotent(convert, text):
    once = convert(text)
    assert convert(once) == once


@pytest.mark.parametrize("convert", CONVERSIONS)
@given(text=script_text)
def test_conversion_changes_only_hanzi(convert, text):
    assert _HAN_RE.sub("", convert(text)) == _HAN_RE.sub("", text)
