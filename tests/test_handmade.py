"""End to end on pages written for the project (tests/fixtures/handmade/README.md):
the default pipeline gives the hand-written gold, character for character."""

from pathlib import Path

import pytest

from paperclean import clean

HANDMADE = Path(__file__).parent / "fixtures" / "handmade"
PAGES = sorted(path for path in HANDMADE.glob("*.txt") if not path.name.endswith(".gold.txt"))


def test_every_page_has_its_gold():
    assert len(PAGES) == 9
    assert all(page.with_suffix(".gold.txt").exists() for page in PAGES)


@pytest.mark.parametrize("page", PAGES, ids=lambda path: path.stem)
def test_a_hand_made_page_comes_out_as_its_gold(page):
    gold = page.with_suffix(".gold.txt").read_text(encoding="utf-8")
    assert clean(page.read_text(encoding="utf-8")) == gold


@pytest.mark.parametrize("page", PAGES, ids=lambda path: path.stem)
def test_a_gold_page_is_left_as_it_is(page):
    # gold text is clean text: cleaning it again changes nothing
    gold = page.with_suffix(".gold.txt").read_text(encoding="utf-8")
    assert clean(gold) == gold
