"""paperclean: repair text extracted from Chinese newspaper pages.

>>> clean("我 市以重点工程带动城乡道路升级,逐\\n步提高公共服务保障水平。")
'我市以重点工程带动城乡道路升级，逐步提高公共服务保障水平。\\n'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from .document import Block, Change, Document, Finding, parse, render
from .pipeline import STEPS, Config, Step, StepLike, TextStep, as_step, make_config, run

__version__ = "0.1.0"

__all__ = [
    "Block",
    "Change",
    "Config",
    "Document",
    "Explanation",
    "Finding",
    "STEPS",
    "Step",
    "TextStep",
    "as_step",
    "clean",
    "clean_and_explain",
    "parse",
    "render",
    "sample_text",
    "stitch_issue",
]


def stitch_issue(pages, config=None):
    """Clean all pages of one issue and join the articles continued across
    them (see :mod:`paperclean.issue`)."""
    from .issue import stitch_issue as stitch

    return stitch(pages, config)


@dataclass(frozen=True)
class Explanation:
    """The cleaned text with everything the pipeline learned on the way."""

    text: str
    changes: list[Change] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    metadata: dict = field(default_factory=dict)


def clean(
    text: str,
    *,
    steps: Iterable[StepLike] | None = None,
    config: Config | None = None,
    **options,
) -> str:
    """Clean `text` with the default pipeline (or `steps`).

    Options are the fields of :class:`Config`: a step's name switches it
    (``clean(text, pair_quotes=False)``), the others tune the steps.
    """
    config = config or make_config(**options)
    return render(run(text, steps, config))


def clean_and_explain(
    text: str,
    *,
    steps: Iterable[StepLike] | None = None,
    config: Config | None = None,
    **options,
) -> Explanation:
    """Like :func:`clean`, and also return what each step changed (step name,
    block, offset, before and after), the findings and the metadata
    (continuations, furniture)."""
    config = config or make_config(**options)
    doc = run(text, steps, config, explain=True)
    return Explanation(render(doc), doc.changes or [], doc.findings, doc.metadata)


def sample_text() -> str:
    """The bundled sample page (a real extracted newspaper page)."""
    from importlib.resources import files

    return files(__package__).joinpath("data/sample.txt").read_text(encoding="utf-8")
