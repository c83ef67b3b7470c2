"""What the two benchmarks share: the seeds and gold, the synthetic pages, the
public tools (each set up as well as it can be for this job), the machine
description, and the writing of one section of RESULTS.md.

Not a test module and not part of the package: run ``benchmarks/quality.py``
or ``benchmarks/speed.py``.
"""

from __future__ import annotations

import datetime
import importlib.metadata
import os
import platform
import random
import re
import sys
from pathlib import Path
from typing import Callable

import regex

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
GOLD_DIR = SEEDS_DIR / "gold"
HANDMADE_DIR = ROOT / "tests" / "fixtures" / "handmade"
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"

RESULTS_HEADER = """# Benchmark results

Written by `python benchmarks/quality.py` and `python benchmarks/speed.py`
(see `benchmarks/README.md`); each script rewrites only its own section.
"""


def load_seeds() -> list[tuple[str, str, str]]:
    """(name, extracted text, gold text) for every seed that has a gold file."""
    seeds = []
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        gold = GOLD_DIR / path.name
        if gold.is_file():
            seeds.append((path.stem, path.read_text(encoding="utf-8"), gold.read_text(encoding="utf-8")))
    return seeds


def machine() -> str:
    """One Markdown paragraph: date, Python, CPU, cores, versions."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            match = re.search(r"^model name\s*:\s*(.+)$", handle.read(), re.M)
            if match:
                cpu = match.group(1).strip()
    except OSError:
        pass
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"Run {now} on {cpu} ({os.cpu_count()} cores visible), "
        f"Python {platform.python_version()} ({platform.python_implementation()}), {platform.system()} {platform.release()}; "
        f"paperclean {version('paperclean')}."
    )


def version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def write_section(name: str, markdown: str, path: Path = RESULTS) -> None:
    """Replace the section `name` of RESULTS.md (between its markers), or
    append it; the other sections stay as they are."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n{markdown.strip()}\n{end}\n"
    text = path.read_text(encoding="utf-8") if path.is_file() else RESULTS_HEADER
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end) + r"\n?", re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text)
    else:
        text = text.rstrip("\n") + "\n\n" + block
    path.write_text(text, encoding="utf-8")


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


# --- synthetic pages -------------------------------------------------------------


def page_artifacts(page_seed: int) -> list[str]:
    """The artifacts of one synthetic page: hard wraps always (extraction
    almost always leaves them), each other artifact on half of the pages, so
    that pages differ in what damages them and no artifact dominates."""
    from paperclean.testing import ARTIFACTS

    rng = random.Random(page_seed)
    return [artifact for artifact in ARTIFACTS if artifact == "hard_wrap" or rng.random() < 0.5]


def load_handmade() -> list[tuple[str, str, str]]:
    """(name, damaged text, gold text) for the hand-made pages of
    tests/fixtures/handmade (invented articles, gold written by hand)."""
    pages = []
    for path in sorted(HANDMADE_DIR.glob("*.txt")):
        if not path.name.endswith(".gold.txt"):
            gold = path.with_suffix(".gold.txt")
            pages.append((path.stem, path.read_text(encoding="utf-8"), gold.read_text(encoding="utf-8")))
    return pages


def synthetic_pages(
    count: int, seed: int = 0, runs: tuple[int, int] = (2, 4), artifacts=None, golds: list[str] | None = None
) -> list[tuple[str, str]]:
    """`count` (damaged, gold) pairs: pages composed of runs of gold blocks
    (of the seeds' gold files unless `golds` is given), damaged by the
    corruption generator (with :func:`page_artifacts` unless `artifacts` is
    given)."""
    from paperclean.testing import compose_page, corrupt

    if golds is None:
        golds = [gold for _, _, gold in load_seeds()]
    pairs = []
    for number in range(count):
        page_seed = seed * 1_000_003 + number
        page = compose_page(golds, page_seed, runs=runs)
        damaged = corrupt(page, page_seed, page_artifacts(page_seed) if artifacts is None else artifacts)
        pairs.append((damaged.text, page))
    return pairs


_HAN_RE = regex.compile(r"\p{Han}")


def distinct_text(size_bytes: int, seed: int = 0, mutate: float = 0.2) -> str:
    """At least `size_bytes` of UTF-8 text (cut at a page boundary) made of
    synthetic damaged pages, every page distinct: besides its own layout and
    damage, a share `mutate` of its Hanzi is replaced at random by Hanzi of
    the gold, so that no block repeats another page's block and a long
    document does not only measure how fast duplicates are dropped."""
    from paperclean.testing import compose_page, corrupt

    golds = [gold for _, _, gold in load_seeds()]
    alphabet = _HAN_RE.findall("".join(golds))
    rng = random.Random(seed)
    pages: list[str] = []
    total = 0
    number = 0
    while total < size_bytes:
        page_seed = seed * 1_000_003 + number
        number += 1
        page = corrupt(compose_page(golds, page_seed, runs=(4, 8)), page_seed, page_artifacts(page_seed)).text
        chars = list(page)
        for position in rng.sample(range(len(chars)), int(len(chars) * mutate)):
            if _HAN_RE.match(chars[position]):
                chars[position] = rng.choice(alphabet)
        page = "".join(chars)
        pages.append(page)
        total += len(page.encode("utf-8")) + 1
    return "\f".join(pages)


# --- the public tools ------------------------------------------------------------

_BLANK_LINE_RE = regex.compile(r"\n[^\S\n]*\n\s*|\f")
_JOINT_RE = regex.compile(r"[ \t]*\n[ \t]*")


def _join_block(block: str) -> str:
    """Join the lines of a block: one space between two ASCII characters,
    nothing otherwise; a table (lines holding tabs) stays as it is."""
    if "\t" in block:
        return block

    def joint(match):
        start, end = match.span()
        left = block[start - 1] if start else ""
        right = block[end] if end < len(block) else ""
        return " " if left.isascii() and right.isascii() and left and right else ""

    return _JOINT_RE.sub(joint, block.strip())


def line_join(text: str) -> str:
    """The plain line join a user writes first: blocks are what blank lines
    (or page breaks) separate, the lines of each block are joined."""
    blocks = [_join_block(block) for block in _BLANK_LINE_RE.split(text)]
    blocks = [block for block in blocks if block.strip()]
    return "\n\n".join(blocks) + "\n" if blocks else ""


def per_block(function: Callable[[str], str]) -> Callable[[str], str]:
    """Apply `function` to each block of the line-joined text (for tools that
    would merge or drop the blank lines between blocks)."""

    def apply(text: str) -> str:
        blocks = [function(block) for block in line_join(text).split("\n\n")]
        blocks = [block.strip() for block in blocks if block.strip()]
        return "\n\n".join(blocks) + "\n" if blocks else ""

    return apply


AUTOCORRECT_CONFIG = """
rules:
  space-word: 0
  space-punctuation: 0
  space-bracket: 0
  space-backticks: 0
  space-dash: 0
  fullwidth: 1
  no-space-fullwidth: 1
  no-space-fullwidth-quote: 1
  halfwidth-word: 1
  halfwidth-punctuation: 1
  spellcheck: 0
"""


def _autocorrect():
    import autocorrect_py

    # Chinese newspaper text takes no space between Hanzi and Latin or digits
    # (spec §3): every rule that adds spaces is off, every width rule on.
    autocorrect_py.load_config(AUTOCORRECT_CONFIG)
    return lambda text: autocorrect_py.format(line_join(text))


def _cjk_text_formatter():
    from cjk_text_formatter.config import DEFAULT_RULES, RuleConfig
    from cjk_text_formatter.polish import polish_text

    rules = dict(DEFAULT_RULES)
    # Off: the rules that add spaces around Latin, digits, quotes, dashes,
    # brackets and ellipses (pangu style, not newspaper style).
    rules.update(
        cjk_english_spacing=False,
        quote_spacing=False,
        single_quote_spacing=False,
        emdash_spacing=False,
        cjk_parenthesis_spacing=False,
        ellipsis_normalization=False,
    )
    config = RuleConfig(rules=rules)
    return lambda text: polish_text(line_join(text), config) + "\n"


def _unstructured():
    from unstructured.cleaners.core import clean_extra_whitespace, group_broken_paragraphs

    def clean(text: str) -> str:
        paragraphs = [clean_extra_whitespace(paragraph) for paragraph in group_broken_paragraphs(text).split("\n\n")]
        paragraphs = [paragraph for paragraph in paragraphs if paragraph]
        return "\n\n".join(paragraphs) + "\n" if paragraphs else ""

    return clean


def _jionlp():
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        import jionlp

    def clean_block(block: str) -> str:
        # Kept: full-width punctuation, bracketed text (datelines, bylines),
        # URLs; removed: odd characters, repeated spaces, phone numbers.
        return jionlp.clean_text(
            block,
            convert_full2half=False,
            remove_parentheses=False,
            remove_url=False,
            remove_email=False,
            redundant_chars=" \u3000\xa0",
        )

    return per_block(clean_block)


#: name -> (package whose version is reported, factory returning str -> str).
PUBLIC_TOOLS: dict[str, tuple[str, Callable[[], Callable[[str], str]]]] = {
    "plain line join": ("", lambda: line_join),
    "autocorrect-py": ("autocorrect-py", _autocorrect),
    "cjk-text-formatter": ("cjk-text-formatter", _cjk_text_formatter),
    "unstructured": ("unstructured", _unstructured),
    "jionlp": ("jionlp", _jionlp),
}

TOOL_NOTES = {
    "plain line join": "lines inside each blank-line block joined (a space only between two ASCII characters; tables kept)",
    "autocorrect-py": "plain line join, then `autocorrect_py.format` with the space-adding rules off",
    "cjk-text-formatter": "plain line join, then `polish_text` with the space-adding rules off",
    "unstructured": "`group_broken_paragraphs`, then `clean_extra_whitespace` on each paragraph",
    "jionlp": "plain line join, then `jionlp.clean_text` per block (no full-to-half, keep brackets and URLs, collapse spaces)",
}


def load_tools() -> tuple[dict[str, Callable[[str], str]], dict[str, str]]:
    """The tools that could be loaded, and for the others why not."""
    tools, missing = {}, {}
    for name, (_, factory) in PUBLIC_TOOLS.items():
        try:
            tools[name] = factory()
        except Exception as error:  # an optional tool: report, never fail
            missing[name] = f"{type(error).__name__}: {error}"
    return tools, missing


def tool_versions() -> str:
    parts = [f"{name} {version(package)}" for name, (package, _) in PUBLIC_TOOLS.items() if package]
    return ", ".join(parts)


def pin_to_one_core() -> str:
    """Run on one core (where the OS allows it); say what was done."""
    if hasattr(os, "sched_setaffinity"):
        try:
            core = min(os.sched_getaffinity(0))
            os.sched_setaffinity(0, {core})
            return f"pinned to core {core}"
        except OSError:
            pass
    return "single process (not pinned)"


def python_command() -> list[str]:
    return [sys.executable]
