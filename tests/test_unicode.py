"""Unicode hygiene (issue 2, spec §3 and §4): fix_unicode and the
normalize_unicode step.

Expected outputs are written by hand from the spec: NFC; zero-width
characters, the BOM and control characters removed; U+3000, U+00A0 and the
other Unicode spaces as spaces; full-width ASCII letters and digits to half
width; full-width punctuation and sub/superscripts kept.
"""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paperclean.chardata import content_chars
from paperclean.document import Block, Document
from paperclean.unicode import fix_unicode, normalize_unicode
from strategies import page, running_text

FIX_UNICODE_CASES = [
    # --- must come out unchanged ---
    ("", ""),
    ("衡水日报", "衡水日报"),
    ("截至目前，1030名驻村安全员。", "截至目前，1030名驻村安全员。"),
    ("plain ASCII text, 2021.", "plain ASCII text, 2021."),
    ("SO₂和PM2.5", "SO₂和PM2.5"),  # subscripts kept
    ("面积18万m²", "面积18万m²"),  # superscripts kept
    ("H₂O x³", "H₂O x³"),
    ("（记者焦磊）“快7”路！？：；、《》", "（记者焦磊）“快7”路！？：；、《》"),  # full-width punctuation kept
    ("图①：村民正在采收", "图①：村民正在采收"),  # circled digits are not full-width ASCII
    ("a\tb\nc\fd", "a\tb\nc\fd"),  # tab, newline, form feed survive
    ("\u00e9t\u00e9", "\u00e9t\u00e9"),  # already NFC
    # --- NFC ---
    ("e\u0301te\u0301", "\u00e9t\u00e9"),
    ("A\u030a", "\u00c5"),
    # --- zero-width, BOM, bidi and format characters ---
    ("\ufeff衡水日报", "衡水日报"),
    ("衡\u200b水\u200c日\u200d报\u2060", "衡水日报"),
    ("衡水\ufeff日报", "衡水日报"),
    ("\u200e衡水\u200f日报\u202a\u202c", "衡水日报"),
    # --- control characters other than tab, newline, form feed ---
    ("衡\x00水\x07日\x1b报\x7f", "衡水日报"),
    ("衡水\x85日报\x9f", "衡水日报"),
    ("ascii\x00 only\x08", "ascii only"),
    # --- Unicode spaces become an ASCII space ---
    ("\u3000\u3000入冬以来", "  入冬以来"),
    ("衡水\u00a0日报", "衡水 日报"),
    ("a\u2002b\u2003c\u2009d\u202fe\u205ff\u1680g", "a b c d e f g"),
    # --- full-width ASCII letters and digits to half width ---
    ("ＡＢＣ１２３", "ABC123"),
    ("ａｂｃｘｙｚ０９", "abcxyz09"),
    ("全市１．５６万户", "全市1．56万户"),  # the full-width full stop is punctuation: kept
    ("ＰＭ２.５浓度", "PM2.5浓度"),
    # --- all at once ---
    ("\ufeff衡水\u200b日报\u3000ＡＢＣ１２３ SO₂", "衡水日报 ABC123 SO₂"),
]


@pytest.mark.parametrize("text, expected", FIX_UNICODE_CASES)
def test_fix_unicode(text, expected):
    assert fix_unicode(text) == expected
    assert fix_unicode(expected) == expected  # a second pass changes nothing


def test_fix_unicode_composes_across_a_removed_invisible_character():
    # Removing the zero-width space (or narrowing the letter) brings the
    # combining accent next to its base: the result must already be NFC, or a
    # second pass would change it.
    assert fix_unicode("e\u200b\u0301") == "\u00e9"
    assert fix_unicode("Ａ\u0301") == "\u00c1"


NORMALIZE_UNICODE_CASES = [
    (["衡水日报"], ["衡水日报"]),
    (["\ufeff衡水\u200b日报", "ＡＢＣ\u3000１２３"], ["衡水日报", "ABC 123"]),
    # a block left with nothing but spaces is dropped
    (["\x00\u3000", "衡水日报"], ["衡水日报"]),
    (["衡水日报", "\u200b\x07", "本报讯"], ["衡水日报", "本报讯"]),
    (["表格\t一\n行\t二"], ["表格\t一\n行\t二"]),
    # a line left blank separates blocks, as a blank line does (spec §1, §2)
    (["一。\n\x1f\n二。"], ["一。", "二。"]),
    (["一。\n\u200e\u3000\x00\n\n二。\n三。"], ["一。", "二。\n三。"]),
    (["0\t\n\x1f"], ["0\t"]),
    (["\x07\n一。"], ["一。"]),
    ([], []),
]


@pytest.mark.parametrize("texts, expected", NORMALIZE_UNICODE_CASES)
def test_normalize_unicode_step(texts, expected):
    doc = Document([Block(text) for text in texts])
    assert [block.text for block in normalize_unicode(doc, None).blocks] == expected


def test_normalize_unicode_records_its_changes_when_it_drops_a_block():
    doc = Document([Block("衡水\u200b日报"), Block("\x00"), Block("好")], changes=[])
    normalize_unicode(doc, None)
    assert [block.text for block in doc.blocks] == ["衡水日报", "好"]
    assert [(c.step, c.block, c.before, c.after) for c in doc.changes] == [
        ("normalize_unicode", 0, "衡水\u200b日报", "衡水日报"),
        ("normalize_unicode", 1, "\x00", ""),
    ]


# --- properties ------------------------------------------------------------

_FULLWIDTH_ALNUM = {
    code: code - 0xFEE0 for code in range(0xFF10, 0xFF5B) if chr(code).isalnum()
}


def content_key(text: str) -> str:
    """The letters, digits and Hanzi of `text` as a reader sees them:
    full-width letters and digits folded, accents split off (NFD), so that
    composing and folding do not count as changing content."""
    return content_chars(unicodedata.normalize("NFD", text.translate(_FULLWIDTH_ALNUM)))


CONTROL_CHARS_KEPT = set("\t\n\r\f")
ZERO_WIDTH = set("\u200b\u200c\u200d\u2060\ufeff")


def assert_clean_characters(text: str) -> None:
    """No control character but tab, newline, CR and form feed (line endings and
    page breaks are the document's business), no zero-width character or BOM,
    no space but the ASCII space, no full-width letter or digit, NFC."""
    assert unicodedata.is_normalized("NFC", text)
    for char in text:
        category = unicodedata.category(char)
        assert category != "Cc" or char in CONTROL_CHARS_KEPT, repr(char)
        assert char not in ZERO_WIDTH, repr(char)
        assert category != "Zs" or char == " ", repr(char)
        assert not ("\uff10" <= char <= "\uff5a" and char.isalnum()), repr(char)


any_text = st.one_of(st.text(), running_text, page())


@given(any_text)
def test_fix_unicode_is_idempotent(text):
    once = fix_unicode(text)
    assert fix_unicode(once) == once


@given(any_text)
def test_fix_unicode_output_is_clean(text):
    assert_clean_characters(fix_unicode(text))


@given(any_text)
def test_fix_unicode_keeps_every_letter_digit_and_hanzi(text):
    assert content_key(fix_unicode(text)) == content_key(text)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Zs", "Zl", "Zp", "Cs"))))
def test_fix_unicode_leaves_visible_half_width_text_alone_up_to_nfc(text):
    text = unicodedata.normalize("NFC", text.translate(_FULLWIDTH_ALNUM))
    assert fix_unicode(text) == text


def test_normalize_unicode_keeps_where_each_block_starts():
    doc = Document([Block("一。\n\x1f\n二。", start=10)])
    assert [(block.text, block.start) for block in normalize_unicode(doc, None).blocks] == [("一。", 10), ("二。", 15)]


block_text = st.one_of(
    st.text(),
    running_text,
    st.lists(st.sampled_from(["一。", "\n", "\x1f", "\u200b", "\u3000", "\t"])).map("".join),
)


@given(st.lists(block_text, max_size=5))
def test_normalize_unicode_step_properties(texts):
    doc = normalize_unicode(Document([Block(text) for text in texts]), None)
    out = [block.text for block in doc.blocks]
    for text in out:
        assert text.strip() and all(line.strip() for line in text.split("\n"))
        assert text == fix_unicode(text)
    assert content_key("".join(out)) == content_key("".join(texts))
    again = normalize_unicode(Document([Block(text) for text in out]), None)
    assert [block.text for block in again.blocks] == out
