"""The ordered list of steps, the configuration, and the runner.

A step is a small, named unit that does one repair.  It takes the document and
the configuration and returns the document (it may change it in place).  A plain
``str -> str`` function is a step too: :func:`as_step` applies it to the text
of every block.

The runner records what each step changed only when asked (``explain=True``):
for a step that keeps the number of blocks, it compares every block's text
before and after; a step that adds, drops or moves blocks records its own
changes with :meth:`Document.record`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Callable, Iterable, Union

from rapidfuzz.distance import Levenshtein

from . import (
    columns,
    findings,
    furniture,
    jumps,
    order,
    punctuation,
    repetition,
    script,
    spacing,
    unicode,
    wrap,
)
from .document import TABLE, Document, parse


@dataclass(frozen=True)
class Config:
    """Every option of the pipeline.  A step is switched by the field of its
    own name; the other fields tune the steps.  Frozen and picklable.

    >>> Config(pair_quotes=False).enabled("pair_quotes")
    False
    >>> Config().enabled("a_step_of_my_own")
    True
    """

    # --- steps (the names in STEPS) ---
    read_columns: bool = True
    normalize_unicode: bool = True
    remove_jump_lines: bool = True
    remove_furniture: bool = True
    collapse_doubled_glyphs: bool = True
    collapse_repeated_headlines: bool = True
    split_blocks: bool = True
    join_hard_wraps: bool = True
    widen_punctuation: bool = True
    normalize_spaces: bool = True
    close_letter_spacing: bool = True
    collapse_repeated_phrases: bool = True
    drop_duplicate_blocks: bool = True
    collapse_doubled_words: bool = True
    restore_reading_order: bool = True
    pair_quotes: bool = True
    narrow_latin_punctuation: bool = False
    flag_findings: bool = True
    convert_script: bool = False

    # --- options ---
    #: keep furniture and jump lines in the text (they are reported either way)
    keep_furniture: bool = False
    #: a phrase repeated back to back is collapsed from this many characters
    repeat_min_chars: int = 4
    #: back-to-back repeats this similar (0..1) count as repeats (OCR variants)
    repeat_similarity: float = 0.9
    #: blocks at least this long are compared for duplication
    duplicate_min_chars: int = 20
    #: blocks this similar (0..1) to an earlier block are duplicates
    duplicate_similarity: float = 0.95
    #: doubled glyphs are collapsed from this many pairs in a row
    doubled_glyph_min_pairs: int = 3
    #: OpenCC conversion for convert_script: "t2s", "s2t", or "minority"
    #: (convert only the stray characters of the script a block uses less)
    script_conversion: str = "t2s"

    def enabled(self, step_name: str) -> bool:
        return bool(getattr(self, step_name, True))

    @classmethod
    def step_names(cls) -> list[str]:
        return [s.name for s in STEPS]


@dataclass(frozen=True)
class Step:
    """A named step: `func(doc, config) -> doc`."""

    name: str
    func: Callable[[Document, Config], Document]

    def __call__(self, doc: Document, config: Config) -> Document:
        return self.func(doc, config)


@dataclass(frozen=True)
class TextStep:
    """A ``str -> str`` function used as a step: applied to the text of every
    block (tables included unless `skip_tables`)."""

    name: str
    func: Callable[[str], str]
    skip_tables: bool = False

    def __call__(self, doc: Document, config: Config) -> Document:
        for block in doc.blocks:
            if self.skip_tables and block.kind == TABLE:
                continue
            block.text = self.func(block.text)
        return doc


StepLike = Union[Step, TextStep, Callable[[str], str]]


def as_step(step: StepLike) -> Step | TextStep:
    """A step from a step or from a plain ``str -> str`` function.

    >>> as_step(str.upper).name
    'upper'
    """
    if isinstance(step, (Step, TextStep)):
        return step
    if callable(step):
        return TextStep(getattr(step, "__name__", type(step).__name__), step)
    raise TypeError(f"not a step: {step!r}")


# The order matters, and this is why:
#  0. Side-by-side columns are cut apart first, while every character still
#     has the display width the extractor laid the page out with.
#  1. Unicode hygiene next: every later pattern assumes NFC, plain spaces and
#     no invisible characters.
#  2. Jump lines and furniture are found line by line, while the lines of the
#     extraction still stand as they were printed (a jump line sits at a
#     paragraph's last line; a masthead is a line of its own).
#  3. Doubled glyphs and a headline printed several times over are collapsed
#     before the block kinds are decided, since a doubled or tripled headline
#     does not look like a headline.
#  4. Blocks are split (a headline glued to its paragraph, a credit to its
#     caption) and then the hard wraps inside them are joined.
#  5. Half-width punctuation is widened before spaces are normalized, so that
#     the space rules see the marks as CJK punctuation.
#  6. Repetitions are removed before reading order is restored (spec §6), so a
#     fragment joins the copy that stays.
#  7. Quotes are paired after the column breaks are joined: a quotation cut by
#     a column break is only whole again then.
#  8. Findings are flagged on the final text; script conversion, an explicit
#     option, comes last so that every rule above sees the text as extracted.
STEPS: list[Step] = [
    Step("read_columns", columns.read_columns),
    Step("normalize_unicode", unicode.normalize_unicode),
    Step("remove_jump_lines", jumps.remove_jump_lines),
    Step("remove_furniture", furniture.remove_furniture),
    Step("collapse_doubled_glyphs", repetition.collapse_doubled_glyphs),
    Step("collapse_repeated_headlines", repetition.collapse_repeated_headlines),
    Step("split_blocks", wrap.split_blocks),
    Step("join_hard_wraps", wrap.join_hard_wraps),
    Step("widen_punctuation", punctuation.widen_punctuation),
    Step("normalize_spaces", spacing.normalize_spaces),
    Step("close_letter_spacing", spacing.close_letter_spacing),
    Step("collapse_repeated_phrases", repetition.collapse_repeated_phrases),
    Step("drop_duplicate_blocks", repetition.drop_duplicate_blocks),
    Step("collapse_doubled_words", repetition.collapse_doubled_words),
    Step("restore_reading_order", order.restore_reading_order),
    Step("pair_quotes", punctuation.pair_quotes),
    Step("narrow_latin_punctuation", punctuation.narrow_latin_punctuation),
    Step("flag_findings", findings.flag_findings),
    Step("convert_script", script.convert_script),
]

STEP_NAMES = frozenset(step.name for step in STEPS)


def make_config(**options) -> Config:
    """A :class:`Config` from keyword options, with a clear error for a typo.

    >>> make_config(pair_qoutes=False)
    Traceback (most recent call last):
    ...
    TypeError: unknown option 'pair_qoutes'
    """
    names = {f.name for f in fields(Config)}
    for key in options:
        if key not in names:
            raise TypeError(f"unknown option {key!r}")
    return Config(**options)


def run(
    text: str,
    steps: Iterable[StepLike] | None = None,
    config: Config | None = None,
    explain: bool = False,
) -> Document:
    """Parse `text`, run every enabled step in order, return the document."""
    config = config or Config()
    doc = parse(text)
    if explain:
        doc.changes = []
    for step in map(as_step, STEPS if steps is None else steps):
        if not config.enabled(step.name):
            continue
        if not explain:
            doc = step(doc, config)
            continue
        before = [block.text for block in doc.blocks]
        recorded = len(doc.changes)
        doc = step(doc, config)
        if len(doc.changes) == recorded and len(doc.blocks) == len(before):
            _record_text_changes(doc, step.name, before)
    return doc


def _record_text_changes(doc: Document, step_name: str, before: list[str]) -> None:
    """Record, for every block whose text changed, each edited span."""
    for index, (old, block) in enumerate(zip(before, doc.blocks)):
        new = block.text
        if old == new:
            continue
        for start_old, end_old, start_new, end_new in _merged_spans(old, new):
            doc.record(step_name, index, start_old, old[start_old:end_old], new[start_new:end_new])


def _merged_spans(old: str, new: str) -> list[tuple[int, int, int, int]]:
    """Edit spans between two strings, adjacent edits merged into one."""
    spans: list[list[int]] = []
    for op in Levenshtein.opcodes(old, new):
        if op.tag == "equal":
            continue
        if spans and spans[-1][1] == op.src_start and spans[-1][3] == op.dest_start:
            spans[-1][1], spans[-1][3] = op.src_end, op.dest_end
        else:
            spans.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
    return [tuple(span) for span in spans]
