"""Hypothesis strategies that build newspaper-like text by construction.

Inputs are assembled from the pieces extraction produces (Hanzi, both widths of
punctuation, digits, Latin words, spaces, U+3000, newlines, headline lines)
instead of filtering arbitrary text, so every example exercises the rules.
"""

from hypothesis import strategies as st

HANZI = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
CJK_PUNCT = "，。、；：？！（）“”‘’《》……——"
ASCII_PUNCT = ",.;:?!()\"'-"
LATIN_WORDS = ["PM2.5", "and", "VOCs", "www.hsrb.com.cn", "SO₂", "Python", "A4", "GDP"]

hanzi = st.sampled_from(HANZI)
pieces = st.one_of(
    st.text(alphabet=HANZI, min_size=1, max_size=8),
    st.sampled_from(CJK_PUNCT),
    st.sampled_from(ASCII_PUNCT),
    st.integers(min_value=0, max_value=99999).map(str),
    st.sampled_from(LATIN_WORDS),
    st.sampled_from([" ", "  ", "\u3000", "\u00a0", "\n", "\n\n"]),
)

#: A line of running text: Hanzi, punctuation of both widths, digits, Latin.
running_text = st.lists(pieces, max_size=30).map("".join)

#: A headline line: a few phrases separated by spaces.
headline_line = st.lists(st.text(alphabet=HANZI, min_size=2, max_size=8), min_size=1, max_size=4).map(" ".join)

#: A page: paragraphs (wrapped at a random width) and headline lines.
@st.composite
def page(draw):
    blocks = []
    for _ in range(draw(st.integers(min_value=0, max_value=6))):
        if draw(st.booleans()):
            blocks.append(draw(headline_line))
        else:
            text = draw(running_text).replace("\n", "")
            width = draw(st.integers(min_value=5, max_value=20))
            blocks.append("\n".join(text[i : i + width] for i in range(0, len(text), width)))
    return "\n\n".join(blocks)
