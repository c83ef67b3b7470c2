"""The hand-made gold files: the shape of spec §1, and nothing lost or invented.

Every gold file in ``seeds/gold/`` must look like paperclean's output should
(spec §1) and keep every Hanzi, letter and digit of its seed, except what its
notes file lists under ``## Removed`` (jump lines, furniture, repetitions;
spec §6, §7, §8).  The notes must also record the judgment calls.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from paperclean.chardata import content_chars

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
GOLD = SEEDS / "gold"
SEED_NAMES = sorted(path.stem for path in SEEDS.glob("*.txt"))

#: A bullet of the notes' "## Removed" section: ``- kind: `text` — reason``.
REMOVED_ITEM_RE = re.compile(r"^- (?P<kind>[a-z]+): `(?P<text>[^`]+)` — (?P<reason>\S.*)$")
REMOVED_KINDS = {"jump", "furniture", "repetition"}
_FULLWIDTH_ALNUM = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF5B)}


def content(text: str) -> Counter:
    """The Hanzi, letters and digits of `text`, full-width letters and digits
    folded to half width (the gold narrows them, spec §4)."""
    return Counter(content_chars(text.translate(_FULLWIDTH_ALNUM)))


def section(notes: str, title: str) -> str:
    """The body of the ``## title`` section of a notes file ('' if none)."""
    match = re.search(rf"^## {re.escape(title)}[ \t]*\n(.*?)(?=^## |\Z)", notes, re.S | re.M)
    return match.group(1) if match else ""


def removed_items(notes: str) -> list[tuple[str, str]]:
    """(kind, text) of every bullet of the "## Removed" section; a bullet that
    does not follow the format fails the test that reads it."""
    items = []
    for line in section(notes, "Removed").splitlines():
        if not line.startswith("- "):
            continue
        match = REMOVED_ITEM_RE.match(line)
        assert match, f"malformed Removed bullet: {line!r}"
        items.append((match["kind"], match["text"]))
    return items


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def test_every_seed_has_gold_and_notes():
    assert SEED_NAMES, "no seeds found"
    for name in SEED_NAMES:
        assert (GOLD / f"{name}.txt").is_file(), name
        assert (GOLD / f"{name}.notes.md").is_file(), name


# --- helpers, checked on hand-written cases -----------------------------------


@pytest.mark.parametrize(
    "line, expected",
    [
        ("- jump: `(下转A4版)` — jump line to page A4", ("jump", "(下转A4版)")),
        ("- furniture: `衡水新闻网:www.hsrb.com.cn` — site address", ("furniture", "衡水新闻网:www.hsrb.com.cn")),
        ("- repetition: `指挥` — doubled word", ("repetition", "指挥")),
    ],
)
def test_removed_item_format(line, expected):
    match = REMOVED_ITEM_RE.match(line)
    assert match and (match["kind"], match["text"]) == expected


@pytest.mark.parametrize(
    "line",
    ["- jump (下转A4版) — no backquotes", "- jump: `(下转A4版)`", "* jump: `x` — star bullet", "- Jump: `x` — capital"],
)
def test_removed_item_format_rejects(line):
    assert not REMOVED_ITEM_RE.match(line)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ＡＢＣ１２３，我市", "ABC123我市"),
        ("PM2.5 和 SO₂", "PM25和SO"),
        ("（下转A4版）", "下转A4版"),
        ("", ""),
    ],
)
def test_content(text, expected):
    assert content(text) == Counter(expected)


def test_section():
    notes = "# T\n\n## Removed\n- a\n- b\n\n## Judgment calls\n- c\n"
    assert section(notes, "Removed") == "- a\n- b\n\n"
    assert section(notes, "Judgment calls") == "- c\n"
    assert section(notes, "Other") == ""


# --- the gold files -----------------------------------------------------------


@pytest.mark.parametrize("name", SEED_NAMES)
def test_gold_shape(name):
    """Spec §1: UTF-8, \\n only, no BOM, no trailing spaces, exactly one \\n at
    the end, no leading blank line, blocks separated by exactly one blank
    line, every block but a table one line."""
    data = (GOLD / f"{name}.txt").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf"), "BOM"
    text = data.decode("utf-8")
    assert "\r" not in text and "\u2028" not in text and "\u2029" not in text
    assert text.endswith("\n") and not text.endswith("\n\n"), "must end with exactly one newline"
    assert not text.startswith(("\n", " ", "\t")), "leading blank line or space"
    controls = {char for char in text if (ord(char) < 32 and char not in "\n\t") or 0x7F <= ord(char) < 0xA0}
    assert not controls, f"control characters {controls}"
    for number, line in enumerate(text.split("\n"), 1):
        assert not line.endswith((" ", "\u3000")), f"trailing space on line {number}"
    for block in text[:-1].split("\n\n"):
        assert block and not block.startswith("\n") and not block.endswith("\n"), "blocks must be separated by exactly one blank line"
        lines = block.split("\n")
        assert all(line.strip() for line in lines), f"blank line inside block {block[:30]!r}"
        if len(lines) > 1:
            assert all("\t" in line for line in lines), f"multi-line block that is not a table: {block[:40]!r}"


@pytest.mark.parametrize("name", SEED_NAMES)
def test_gold_keeps_seed_content(name):
    """Every Hanzi, letter and digit of the seed is in the gold, as many times,
    except the removals the notes list; nothing else is added."""
    seed = read(SEEDS / f"{name}.txt")
    gold = read(GOLD / f"{name}.txt")
    items = removed_items(read(GOLD / f"{name}.notes.md"))
    removed = Counter()
    for kind, text in items:
        assert kind in REMOVED_KINDS, f"unknown removal kind {kind!r}"
        removed += content(text)
    seed_content = content(seed)
    assert removed <= seed_content, f"notes list removals not in the seed: {dict(removed - seed_content)}"
    expected = seed_content - removed
    actual = content(gold)
    assert actual == expected, f"missing from gold: {dict(expected - actual)}; not in seed: {dict(actual - expected)}"


@pytest.mark.parametrize("name", SEED_NAMES)
def test_removed_text_is_in_the_seed(name):
    """Each removal is text of the seed (its content in one piece), not a
    paraphrase."""
    seed_content = content_chars(read(SEEDS / f"{name}.txt").translate(_FULLWIDTH_ALNUM))
    for kind, text in removed_items(read(GOLD / f"{name}.notes.md")):
        assert content_chars(text.translate(_FULLWIDTH_ALNUM)) in seed_content, f"{kind}: {text!r}"


@pytest.mark.parametrize("name", SEED_NAMES)
def test_notes_list_judgment_calls(name):
    notes = read(GOLD / f"{name}.notes.md")
    assert "## Removed" in notes
    calls = section(notes, "Judgment calls")
    assert any(line.startswith("- ") for line in calls.splitlines()), "no judgment call listed"


#: Gold blocks that the default pipeline does not give exactly, per seed, and
#: why: seed 001 has three blocks whose lone quotation mark (the extraction
#: lost its partner) the gold turns by meaning and the pipeline by position
#: (spec §4: scored leniently); seed 004 has a headline space that splits a
#: phrase (`冀州区 部分`), which the gold removes as a line wrap and the
#: pipeline keeps as a phrase space (text alone does not tell them apart).
KNOWN_DIFFERENCES = {"001_6453be698e533787": 3, "004_1925918be1277f88": 1}


@pytest.mark.parametrize("name", SEED_NAMES)
def test_the_pipeline_gives_the_gold_blocks(name):
    """Issue 7's checks on the seeds: every column break the gold joins is
    joined, the interrupting caption moved, the displaced fragments and the
    split sentence placed, the table whole, by comparing block by block."""
    import paperclean

    cleaned = paperclean.clean(read(SEEDS / f"{name}.txt")).rstrip("\n").split("\n\n")
    gold = read(GOLD / f"{name}.txt").rstrip("\n").split("\n\n")
    missing = [block for block in gold if block not in cleaned]
    assert len(missing) <= KNOWN_DIFFERENCES.get(name, 0), missing
    assert len(cleaned) == len(gold)
