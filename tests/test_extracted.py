"""paperclean on real PDF extractions (issue 9).

The fixtures under ``tests/fixtures/extracted/`` are three small documents
(two A5 pages each: 3, 4 and 2 justified columns, a headline across the
columns, a photo box with caption and credit, a running header and a page
label on every page, an article cut by ``（下转A?版）`` and continued after
another article by ``（上接A?版）``), typeset from ``seeds/gold`` with
reportlab and extracted by six real extractors:

- ``pdftotext``, ``pdftotext-raw``, ``pdftotext-layout``: poppler's
  ``pdftotext`` default, ``-raw`` and ``-layout``;
- ``pdfminer``: pdfminer.six ``extract_text``;
- ``pymupdf``, ``pymupdf-sort``: PyMuPDF ``page.get_text()`` and
  ``page.get_text(sort=True)``, each page followed by a form feed.

``gold/NAME.txt`` is what was typeset, in reading order, without furniture
and jump lines: exactly what paperclean should output.  ``meta/NAME.json``
holds the running headers and page labels, the jump lines and the caption
blocks of the document.  Regenerate them all with
``python benchmarks/realpdf.py --write-fixtures`` (needs the ``bench`` extra
and Debian's poppler-utils, fonts-arphic-uming, fonts-wqy-zenhei); CI only
reads the committed text.

What must hold now is asserted; the targets of issue 9 that the current code
does not reach yet are strict xfails (an XPASS fails: remove its marker).
"""

from __future__ import annotations

import functools
import json
import sys
from collections import Counter
from pathlib import Path

import pytest
import regex

import paperclean
from paperclean.chardata import content_chars

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "extracted"
sys.path.insert(0, str(ROOT / "benchmarks"))

from quality import Score  # noqa: E402  (the benchmark's spec §9 metrics)

EXTRACTORS = ["pdftotext", "pdftotext-raw", "pdftotext-layout", "pdfminer", "pymupdf", "pymupdf-sort"]
NAMES = sorted(path.stem for path in (FIXTURES / "gold").glob("*.txt"))
CASES = [(extractor, name) for extractor in EXTRACTORS for name in NAMES]

#: Extractors that write the text in the order it was drawn, which is the
#: reading order here: every Hanzi of the gold comes out in the same order,
#: except that the photo caption stands where the box was drawn, inside the
#: paragraph it interrupts (spec §5 moves it after that paragraph).
READING_ORDER_EXTRACTORS = ["pdftotext-raw", "pymupdf"]

_HAN_RE = regex.compile(r"\p{Han}")
_JUMP_LINE_RE = regex.compile(r"[上下]\s*[转接]\s*[A-Z]?\s*\d+\s*版")
_CONTROL_RE = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufeff]")


def raw(extractor: str, name: str) -> str:
    return (FIXTURES / extractor / f"{name}.txt").read_text(encoding="utf-8")


def gold(name: str) -> str:
    return (FIXTURES / "gold" / f"{name}.txt").read_text(encoding="utf-8")


def meta(name: str) -> dict:
    return json.loads((FIXTURES / "meta" / f"{name}.json").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=None)
def cleaned(extractor: str, name: str) -> str:
    return paperclean.clean(raw(extractor, name))


def hanzi(text: str) -> str:
    return "".join(_HAN_RE.findall(text))


def is_subsequence(short: str, long: str) -> bool:
    """Whether every character of `short` occurs in `long`, in order.

    >>> is_subsequence("ace", "abcde"), is_subsequence("ea", "abcde")
    (True, False)
    """
    rest = iter(long)
    return all(char in rest for char in short)


def pooled(extractor: str) -> tuple[Score, Score]:
    """Raw and cleaned scores of one extractor, pooled over the fixtures."""
    raw_score, clean_score = Score(), Score()
    for name in NAMES:
        raw_score.add(raw(extractor, name), gold(name))
        clean_score.add(cleaned(extractor, name), gold(name))
    return raw_score, clean_score


def xfail_cases(cases: list[tuple[str, str]], known: set[tuple[str, str]], reason: str) -> list:
    """`cases` as pytest params, the `known` failures marked strict xfail."""
    return [pytest.param(*case, marks=pytest.mark.xfail(strict=True, reason=reason)) if case in known else case for case in cases]


def xfail_extractors(known: set[str], reason: str) -> list:
    return [pytest.param(e, marks=pytest.mark.xfail(strict=True, reason=reason)) if e in known else e for e in EXTRACTORS]


# --- the fixtures themselves ---------------------------------------------------------------


def test_every_extractor_has_every_fixture():
    assert len(NAMES) >= 2
    for extractor in EXTRACTORS:
        assert sorted(path.stem for path in (FIXTURES / extractor).glob("*.txt")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_gold_is_clean_already(name):
    # The gold is paperclean's expected output: cleaning it changes nothing.
    assert paperclean.clean(gold(name)) == gold(name)


@pytest.mark.parametrize("name", NAMES)
def test_fixture_holds_furniture_and_jump_lines(name):
    # The raw text really carries what the tests below expect to be removed.
    info = meta(name)
    assert info["pages"] == 2 and len(info["jump_lines"]) == 2 and info["captions"]
    for extractor in EXTRACTORS:
        text = raw(extractor, name)
        assert text.count("\f") == info["pages"]
        for jump in info["jump_lines"]:
            assert jump in text.replace(" ", "")
    # each caption block was typeset once (pymupdf keeps every glyph drawn)
    text = hanzi(raw("pymupdf", name))
    assert all(text.count(hanzi(caption)) == 1 for caption in info["captions"])


# --- what holds now ----------------------------------------------------------------------


@pytest.mark.parametrize("extractor,name", CASES)
def test_output_shape(extractor, name):
    """Spec §1: one block a line, one blank line between blocks, one final
    newline, no trailing spaces, no form feed or other control character."""
    out = cleaned(extractor, name)
    assert out.endswith("\n") and not out.endswith("\n\n")
    assert not out.startswith("\n")
    assert "\n\n\n" not in out
    assert not _CONTROL_RE.search(out)
    assert all(line == line.rstrip() for line in out.split("\n"))
    assert all("\n" not in block for block in out[:-1].split("\n\n"))


# Running-header pieces and lone page labels that pdftotext's default mode
# sets as blocks of their own ("综合", "A3", blank lines around them) and
# that paperclean keeps: none left since they are read in the middle of a
# page too.
FURNITURE_LEFT: set[tuple[str, str]] = set()


@pytest.mark.parametrize("extractor,name", xfail_cases(CASES, FURNITURE_LEFT, "header pieces or a page label left"))
def test_no_running_header_or_page_label_left(extractor, name):
    """Spec §7: no output line is made only of pieces of the running header
    (date, weekday, section, editor) or of a page label."""
    pieces = {piece for line in meta(name)["furniture"] for piece in line.split()}
    left = [line for line in cleaned(extractor, name).split("\n") if line.split() and all(p in pieces for p in line.split())]
    assert left == []


@pytest.mark.parametrize("extractor,name", CASES)
def test_no_jump_line_left(extractor, name):
    """Spec §7: jump lines are removed from the text."""
    assert not _JUMP_LINE_RE.search(cleaned(extractor, name))


@pytest.mark.parametrize("extractor,name", CASES)
def test_no_content_lost(extractor, name):
    """Spec §8: every Hanzi, letter and digit of the gold is still there
    (whatever the order; extra ones may be furniture left)."""
    missing = Counter(content_chars(gold(name))) - Counter(content_chars(cleaned(extractor, name)))
    assert not missing


@pytest.mark.parametrize("extractor,name", [(e, n) for e in READING_ORDER_EXTRACTORS for n in NAMES])
def test_reading_order_kept(extractor, name):
    """The Hanzi of the gold without its caption blocks are a subsequence of
    the output's, and each caption block comes out whole (wherever it
    stands).  A subsequence rather than equality: what paperclean fails to
    remove (furniture) or to move (the caption) is extra text here, measured
    by the CER bounds below, while a block it drops or reorders fails."""
    out = hanzi(cleaned(extractor, name))
    captions = meta(name)["captions"]
    body = "\n\n".join(block for block in gold(name).rstrip("\n").split("\n\n") if block not in captions)
    assert is_subsequence(hanzi(body), out)
    for caption in captions:
        assert hanzi(caption) in out


# Interleaved columns (a caption box set between the lines of two columns)
# are classified differently once cleaned, so a second pass joins more.
# In fx2_003, pdftotext -layout sets part of a column's lines one space after
# the column to their left (a photo box beside them), so that no gutter
# separates the two there.
IDEMPOTENCE_FAILS: set[tuple[str, str]] = {("pdftotext-layout", "fx2_003")}


@pytest.mark.parametrize("extractor,name", xfail_cases(CASES, IDEMPOTENCE_FAILS, "a second pass still changes the text"))
def test_idempotent(extractor, name):
    once = cleaned(extractor, name)
    assert paperclean.clean(once) == once


# --- CER: measured now, with a margin ----------------------------------------------------

#: Pooled CER of paperclean's output on the three fixtures, measured on
#: 2026-11-23 (raw CER beside it), and the bound asserted: about 1.25 times
#: the measured figure, so that a regression shows and noise does not.
CER_BOUND = {
    "pdftotext": 0.117,  # measured 0.0938 (raw 0.2431)
    "pdftotext-raw": 0.025,  # measured 0.0197 (raw 0.2105)
    "pdftotext-layout": 0.089,  # measured 0.0713 (raw 1.0840)
    "pdfminer": 0.063,  # measured 0.0504 (raw 0.2584)
    "pymupdf": 0.025,  # measured 0.0199 (raw 0.1745)
    "pymupdf-sort": 0.049,  # measured 0.0393 (raw 0.9070)
}


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_cer_within_bound(extractor):
    _, clean_score = pooled(extractor)
    assert clean_score.cer <= CER_BOUND[extractor]


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_cleaning_reduces_the_error(extractor):
    raw_score, clean_score = pooled(extractor)
    assert clean_score.distance < raw_score.distance


# --- the targets of issue 9 --------------------------------------------------------------

#: ERR = 1 - sum(distance clean) / sum(distance raw) over the fixtures.
ERR_TARGET = {
    "pdftotext": 0.60,  # measured 0.622
    "pdftotext-raw": 0.90,  # measured 0.915
    "pdftotext-layout": 0.50,  # measured 0.934
    "pdfminer": 0.60,  # measured 0.805
    "pymupdf": 0.90,  # measured 0.897
    "pymupdf-sort": 0.50,  # measured 0.957
}
ERR_NOT_REACHED = {"pymupdf"}


@pytest.mark.parametrize("extractor", xfail_extractors(ERR_NOT_REACHED, "issue 9 target not reached yet"))
def test_err_target(extractor):
    raw_score, clean_score = pooled(extractor)
    assert clean_score.err(raw_score) >= ERR_TARGET[extractor]


#: Block-boundary F1 (spec §9) measured: pdftotext 0.872, -raw 0.956,
#: -layout 0.874, pdfminer 0.912, pymupdf 0.956, pymupdf sort 0.939.
F1_NOT_REACHED = set(EXTRACTORS) - {"pdftotext-raw", "pymupdf"}


@pytest.mark.parametrize("extractor", xfail_extractors(F1_NOT_REACHED, "issue 9 target not reached yet"))
def test_boundary_f1_target(extractor):
    _, clean_score = pooled(extractor)
    assert clean_score.f1 >= 0.95

