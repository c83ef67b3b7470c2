"""Cleanup quality against the hand-made gold (spec §9), beside the public tools.

    python benchmarks/quality.py                 # seeds + 300 synthetic pages
    python benchmarks/quality.py --synthetic 100 --no-tools

For the five real seeds (extracted text vs. ``seeds/gold``) and for a
synthetic set (pages composed of runs of gold blocks, damaged by
``paperclean.testing.corrupt`` with hard wraps and a random half of the other artifacts), for the raw text, for
paperclean, for paperclean without each step in turn (the ablation) and for
the public tools:

- CER = Levenshtein distance / gold length, pooled over the set;
- ERR = 1 - CER_clean / CER_raw, pooled (sum of distances / sum of distances);
- the same with all whitespace removed (content and punctuation only);
- block-boundary precision / recall / F1: both texts reduced to their
  non-whitespace characters, a boundary is the index where a block starts,
  the output's boundaries mapped to the gold's through rapidfuzz's
  Levenshtein opcodes; pooled counts.

Also ERR of paperclean on pages damaged by one artifact at a time.  Writes
the ``quality`` section of ``benchmarks/RESULTS.md`` and
``benchmarks/quality.png``.  A benchmark reports; it never fails on a score.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import regex
from rapidfuzz.distance import Levenshtein

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402

import paperclean  # noqa: E402
from paperclean.pipeline import STEPS, Config  # noqa: E402

CHART = Path(__file__).resolve().parent / "quality.png"

_WHITESPACE_RE = regex.compile(r"\s+")


# --- metrics -------------------------------------------------------------------


def block_starts(text: str) -> tuple[str, list[int]]:
    """`text` without whitespace, and the index (in it) where each block
    starts.  Blocks are what blank lines and page breaks separate.

    >>> block_starts("一二\\n三\\n\\n四 五\\n")
    ('一二三四五', [0, 3])
    """
    reduced: list[str] = []
    starts: list[int] = []
    length = 0
    for block in regex.split(r"\n[^\S\n]*\n|\f", text):
        chars = _WHITESPACE_RE.sub("", block)
        if chars:
            starts.append(length)
            reduced.append(chars)
            length += len(chars)
    return "".join(reduced), starts


def map_positions(source: str, target: str, positions: list[int]) -> list[int]:
    """Where each position of `source` lands in `target` along a Levenshtein
    alignment: inside an equal or a same-length replaced run, the same
    offset; a deleted or unevenly replaced run maps to its start in target.

    >>> map_positions("xabc", "abc", [1, 3])
    [0, 2]
    """
    opcodes = [op for op in Levenshtein.opcodes(source, target) if op.src_start < op.src_end]
    starts = [op.src_start for op in opcodes]
    mapped = []
    for position in positions:
        index = bisect_right(starts, position) - 1
        if index < 0:
            mapped.append(0)
            continue
        op = opcodes[index]
        offset = position - op.src_start
        if op.tag == "equal" or (op.tag == "replace" and op.src_end - op.src_start == op.dest_end - op.dest_start):
            mapped.append(op.dest_start + offset)
        else:
            mapped.append(op.dest_start)
    return mapped


@dataclass
class Score:
    """Pooled counts over a set of pages."""

    distance: int = 0
    gold_length: int = 0
    distance_no_space: int = 0
    gold_length_no_space: int = 0
    boundaries_found: int = 0
    boundaries_gold: int = 0
    boundaries_right: int = 0
    seconds: float = 0.0

    def add(self, output: str, gold: str) -> None:
        self.distance += Levenshtein.distance(output, gold)
        self.gold_length += len(gold)
        out_reduced, out_starts = block_starts(output)
        gold_reduced, gold_starts = block_starts(gold)
        self.distance_no_space += Levenshtein.distance(out_reduced, gold_reduced)
        self.gold_length_no_space += len(gold_reduced)
        gold_set = set(gold_starts)
        mapped = set(map_positions(out_reduced, gold_reduced, out_starts))
        self.boundaries_found += len(out_starts)
        self.boundaries_gold += len(gold_starts)
        self.boundaries_right += len(mapped & gold_set)

    @property
    def cer(self) -> float:
        return self.distance / self.gold_length if self.gold_length else 0.0

    @property
    def cer_no_space(self) -> float:
        return self.distance_no_space / self.gold_length_no_space if self.gold_length_no_space else 0.0

    def err(self, raw: "Score") -> float:
        return 1 - self.distance / raw.distance if raw.distance else 0.0

    def err_no_space(self, raw: "Score") -> float:
        return 1 - self.distance_no_space / raw.distance_no_space if raw.distance_no_space else 0.0

    @property
    def precision(self) -> float:
        return self.boundaries_right / self.boundaries_found if self.boundaries_found else 0.0

    @property
    def recall(self) -> float:
        return self.boundaries_right / self.boundaries_gold if self.boundaries_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(system: Callable[[str], str], pairs: list[tuple[str, str]]) -> Score:
    """Run `system` on every (raw, gold) pair and pool the counts."""
    result = Score()
    for raw, gold in pairs:
        started = time.perf_counter()
        output = system(raw)
        result.seconds += time.perf_counter() - started
        result.add(output, gold)
    return result


# --- systems -------------------------------------------------------------------


def default_steps() -> list[str]:
    """The steps the default pipeline runs (those on by default)."""
    defaults = Config()
    return [step.name for step in STEPS if defaults.enabled(step.name)]


def without(step: str) -> Callable[[str], str]:
    return lambda text: paperclean.clean(text, **{step: False})


def run_all(sets: dict[str, list[tuple[str, str]]], systems: dict[str, Callable[[str], str]]) -> tuple[dict, dict]:
    """Scores[system][set], and for the systems that raised, the error."""
    scores: dict[str, dict[str, Score]] = {}
    failed: dict[str, str] = {}
    for name, system in systems.items():
        try:
            scores[name] = {set_name: score(system, pairs) for set_name, pairs in sets.items()}
        except Exception as error:  # report, never fail
            failed[name] = f"{type(error).__name__}: {error}"
            traceback.print_exc()
        if name in scores:
            seconds = sum(result.seconds for result in scores[name].values())
            print(f"  {name}: {seconds:.1f} s", file=sys.stderr)
    return scores, failed


# --- report --------------------------------------------------------------------


def pct(value: float) -> str:
    return f"{100 * value:.2f}%"


def ratio(value: float) -> str:
    return f"{value:.3f}"


def set_table(set_name: str, scores: dict, names: list[str]) -> str:
    raw = scores["raw text"][set_name]
    rows = []
    for name in names:
        if name not in scores:
            continue
        s = scores[name][set_name]
        rows.append(
            [
                name,
                pct(s.cer),
                ratio(s.err(raw)) if name != "raw text" else "—",
                pct(s.cer_no_space),
                ratio(s.err_no_space(raw)) if name != "raw text" else "—",
                ratio(s.precision),
                ratio(s.recall),
                ratio(s.f1),
            ]
        )
    header = ["system", "CER", "ERR", "CER no ws", "ERR no ws", "boundary P", "boundary R", "boundary F1"]
    return common.markdown_table(header, rows)


def ablation_table(scores: dict, steps: list[str], set_names: list[str]) -> str:
    rows = []
    for step in steps:
        name = f"paperclean − {step}"
        if name not in scores:
            continue
        row = [f"`{step}`"]
        for set_name in set_names:
            raw = scores["raw text"][set_name]
            full = scores["paperclean"][set_name]
            s = scores[name][set_name]
            row += [ratio(s.err(raw)), f"{full.err(raw) - s.err(raw):+.3f}", f"{full.err_no_space(raw) - s.err_no_space(raw):+.3f}", f"{full.f1 - s.f1:+.3f}"]
        rows.append(row)
    header = ["step switched off"]
    for set_name in set_names:
        header += [f"ERR ({set_name})", "ERR lost", "ERR no ws lost", "F1 lost"]
    return common.markdown_table(header, rows)


def per_seed_table(seeds: list[tuple[str, str, str]]) -> str:
    rows = []
    for name, raw, gold in seeds:
        raw_score, clean_score = Score(), Score()
        raw_score.add(raw, gold)
        clean_score.add(paperclean.clean(raw), gold)
        rows.append(
            [
                name,
                str(len(gold)),
                pct(raw_score.cer),
                pct(clean_score.cer),
                ratio(clean_score.err(raw_score)),
                ratio(clean_score.err_no_space(raw_score)),
                ratio(clean_score.f1),
            ]
        )
    return common.markdown_table(["seed", "gold chars", "CER raw", "CER clean", "ERR", "ERR no ws", "boundary F1"], rows)


def per_artifact_table(pages: int, seed: int) -> str:
    from paperclean.testing import ARTIFACTS

    rows = []
    for number, artifact in enumerate(ARTIFACTS):
        pairs = common.synthetic_pages(pages, seed=seed + 1000 + number, artifacts=[artifact])
        pairs = [(raw, gold) for raw, gold in pairs if raw != gold]
        if not pairs:
            rows.append([f"`{artifact}`", "0", "—", "—", "—", "—", "—"])
            continue
        raw, clean, undamaged = Score(), Score(), Score()
        trace = 0
        for damaged, gold in pairs:
            cleaned, cleaned_gold = paperclean.clean(damaged), paperclean.clean(gold)
            raw.add(damaged, gold)
            clean.add(cleaned, gold)
            undamaged.add(cleaned_gold, gold)
            trace += Levenshtein.distance(cleaned, cleaned_gold)
        undone = 1 - trace / raw.distance if raw.distance else 0.0
        rows.append([f"`{artifact}`", str(len(pairs)), pct(raw.cer), pct(clean.cer), pct(undamaged.cer), ratio(clean.err(raw)), ratio(undone)])
    header = ["artifact", "pages", "CER raw", "CER clean", "CER of clean(gold)", "ERR", "damage undone"]
    return common.markdown_table(header, rows)


#: Artifacts that cut a block in two, and that reading order must join again.
CUTTING_ARTIFACTS = ("column_break", "split_table")

_WHITESPACE_RE = regex.compile(r"\s")


def join_counts(artifact: str, page_seeds: list[int]) -> tuple[int, int, int]:
    """``(joined, missed, wrong)`` over the pages `page_seeds`, each composed
    of gold blocks and damaged by `artifact` alone: a cut is *joined* when
    the cleaned page has no block start where the cut was; a block start of
    clean(gold) that the cleaned page lacks is a *wrong* join."""
    from paperclean.testing import ARTIFACTS, compose_page, corrupt

    assert artifact in ARTIFACTS
    golds = [gold for _, _, gold in common.load_seeds()]
    joined = missed = wrong = 0
    for page_seed in page_seeds:
        page = compose_page(golds, page_seed)
        damaged = corrupt(page, page_seed, [artifact])
        if damaged.text == page:
            continue
        gold_reduced, _ = block_starts(page)
        clean_gold_reduced, clean_gold_starts = block_starts(paperclean.clean(page))
        cleaned_reduced, cleaned_starts = block_starts(paperclean.clean(damaged.text))
        starts = set(map_positions(cleaned_reduced, clean_gold_reduced, cleaned_starts))
        cuts = [len(_WHITESPACE_RE.sub("", page[: record.position])) for record in damaged.records if record.kind == artifact]
        for cut in map_positions(gold_reduced, clean_gold_reduced, cuts):
            if cut in starts:
                missed += 1
            else:
                joined += 1
        wrong += len(set(clean_gold_starts) - starts)
    return joined, missed, wrong


def joins_table(pages: int, seed: int, more_sets: int) -> str:
    """Precision and recall of the joins across the cuts of
    :data:`CUTTING_ARTIFACTS`: on the per-artifact pages, and on `more_sets`
    more sets of `pages` pages each (other page seeds)."""
    from paperclean.testing import ARTIFACTS

    rows = []
    for artifact in CUTTING_ARTIFACTS:
        first = (seed + 1000 + ARTIFACTS.index(artifact)) * 1_000_003
        sets = [("per-artifact pages", [first + number for number in range(pages)])]
        if more_sets:
            seeds = range(seed + 7000, seed + 7000 + more_sets)
            sets.append((f"{pages * more_sets} more pages (set seeds {seeds[0]}–{seeds[-1]})", [s * 1_000_003 + n for s in seeds for n in range(pages)]))
        for label, page_seeds in sets:
            joined, missed, wrong = join_counts(artifact, page_seeds)
            precision = joined / (joined + wrong) if joined + wrong else 0.0
            recall = joined / (joined + missed) if joined + missed else 0.0
            rows.append([f"`{artifact}`", label, str(joined + missed), str(joined), str(missed), str(wrong), ratio(precision), ratio(recall)])
    header = ["artifact", "pages", "cuts", "joined", "missed", "wrong joins", "precision", "recall"]
    return common.markdown_table(header, rows)


def chart(scores: dict, tools: list[str], steps: list[str], set_names: list[str], path: Path) -> str:
    """A PNG: ERR per system, and ERR lost per step switched off."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except Exception as error:
        return f"(no chart: matplotlib not available: {error})"
    systems = [name for name in tools + ["paperclean"] if name in scores]
    ablated = [step for step in steps if f"paperclean − {step}" in scores]
    fig, (left, right) = plt.subplots(1, 2, figsize=(14, 6), gridspec_kw={"width_ratios": [len(systems) + 1, len(ablated) + 1]})
    width = 0.8 / len(set_names)
    for number, set_name in enumerate(set_names):
        raw = scores["raw text"][set_name]
        values = [scores[name][set_name].err(raw) for name in systems]
        left.bar([i + number * width for i in range(len(systems))], values, width, label=set_name)
        lost = [scores["paperclean"][set_name].err(raw) - scores[f"paperclean − {step}"][set_name].err(raw) for step in ablated]
        right.bar([i + number * width for i in range(len(ablated))], lost, width, label=set_name)
    left.set_xticks([i + width * (len(set_names) - 1) / 2 for i in range(len(systems))], systems, rotation=30, ha="right")
    left.set_ylabel("ERR = 1 - CER_clean / CER_raw")
    left.axhline(0, color="black", linewidth=0.8)
    left.axhline(0.95, color="grey", linestyle="--", linewidth=0.8, label="target 0.95")
    left.set_title("Error reduction per system")
    left.legend()
    right.set_xticks([i + width * (len(set_names) - 1) / 2 for i in range(len(ablated))], ablated, rotation=45, ha="right")
    right.set_ylabel("ERR lost when the step is switched off")
    right.axhline(0, color="black", linewidth=0.8)
    right.set_title("Ablation: contribution of each step")
    right.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return f"![ERR per system and per step]({path.name})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--synthetic", type=int, default=300, help="synthetic pages (default 300)")
    parser.add_argument("--per-artifact", type=int, default=30, help="pages per artifact for the per-artifact table (0: skip)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic set")
    parser.add_argument("--no-tools", action="store_true", help="skip the public tools")
    parser.add_argument("--no-ablation", action="store_true", help="skip the ablation")
    parser.add_argument("--join-sets", type=int, default=10, help="more sets of per-artifact pages for the joins table (0: none)")
    parser.add_argument("--results", type=Path, default=common.RESULTS, help="Markdown file to update")
    parser.add_argument("--chart", type=Path, default=CHART, help="PNG chart to write")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    seeds = common.load_seeds()
    sets = {"seeds": [(raw, gold) for _, raw, gold in seeds]}
    if args.synthetic:
        sets["synthetic"] = common.synthetic_pages(args.synthetic, seed=args.seed)
    handmade = common.load_handmade()
    sets["hand-made"] = [(raw, gold) for _, raw, gold in handmade]
    if args.synthetic:
        handmade_golds = [gold for _, _, gold in handmade]
        sets["hand-made synthetic"] = common.synthetic_pages(args.synthetic // 3, seed=args.seed, golds=handmade_golds)
    set_names = list(sets)

    systems: dict[str, Callable[[str], str]] = {"raw text": lambda text: text}
    missing: dict[str, str] = {}
    tool_names: list[str] = []
    if not args.no_tools:
        tools, missing = common.load_tools()
        systems.update(tools)
        tool_names = list(tools)
    systems["paperclean"] = paperclean.clean
    steps = default_steps()
    if not args.no_ablation:
        for step in steps:
            systems[f"paperclean − {step}"] = without(step)

    scores, failed = run_all(sets, systems)
    missing.update(failed)
    if "paperclean" not in scores:
        print("paperclean itself failed; nothing to report", file=sys.stderr)
        return 0

    sizes = {set_name: (len(pairs), sum(len(gold) for _, gold in pairs)) for set_name, pairs in sets.items()}
    out = ["## Quality", "", common.machine(), ""]
    out.append(
        f"Command: `python benchmarks/quality.py{'' if args.synthetic == 300 else f' --synthetic {args.synthetic}'}"
        f"{'' if args.seed == 0 else f' --seed {args.seed}'}{' --no-tools' if args.no_tools else ''}{' --no-ablation' if args.no_ablation else ''}` "
        f"({time.perf_counter() - started:.0f} s). Sets: "
        + "; ".join(f"{name}: {pages} pages, {chars:,} gold characters" for name, (pages, chars) in sizes.items())
        + ". The synthetic pages are runs of consecutive gold blocks drawn from the five gold files, damaged by "
        "`paperclean.testing.corrupt` (seeded): hard wraps on every page, each other artifact on about half of them. "
        "The hand-made pages (tests/fixtures/handmade) are invented articles written for the project after the rules "
        "were written on the seeds, damaged by hand the way one kind of extraction does, with hand-written gold "
        "(some rules were then fixed on them: see the commit log); *hand-made synthetic*: the same generator on their gold, "
        "text that the rules were not written on."
    )
    out.append("")
    out.append(
        "CER = Levenshtein distance / gold length and ERR = 1 − CER_clean / CER_raw, pooled over the set; "
        "*no ws*: whitespace removed from both texts; boundary P/R/F1 over block starts (spec §9). "
        "Targets: ERR ≥ 0.95 on the seeds and the synthetic pages."
    )
    for set_name in set_names:
        out += ["", f"### {set_name.capitalize()}", "", set_table(set_name, scores, ["raw text"] + tool_names + ["paperclean"])]
    out += ["", "### Per seed (paperclean)", "", per_seed_table(seeds)]
    if not args.no_ablation:
        out += ["", "### Ablation: paperclean minus one step", ""]
        out.append("*ERR lost* = ERR of the whole pipeline − ERR without the step: what the step contributes (negative: the step does harm there).")
        out += ["", ablation_table(scores, steps, set_names)]
    if args.per_artifact:
        out += ["", f"### Per artifact (paperclean, {args.per_artifact} synthetic pages each, damaged by that artifact alone)", ""]
        out.append(
            "*CER of clean(gold)*: what cleaning does to the same pages undamaged. "
            "*Damage undone* = 1 − distance(clean(damaged), clean(gold)) / distance(damaged, gold), pooled: "
            "the share of the artifact's damage that leaves no trace after cleaning, whatever cleaning does to the gold itself."
        )
        out += ["", per_artifact_table(args.per_artifact, args.seed)]
        out += ["", "### Joins across cuts (spec §5, §8)", ""]
        out.append(
            "A cut is *joined* when the cleaned page has no block start where the artifact cut the block; a *wrong join* "
            "is a block start of clean(gold) that the cleaned page lacks. The first row of each artifact is the "
            "per-artifact pages above; the second, more pages drawn the same way from other seeds (the reading-order "
            "rules were developed looking at some of these: they are no held-out set)."
        )
        out += ["", joins_table(args.per_artifact, args.seed, args.join_sets)]
    if tool_names or missing:
        out += ["", "### How each public tool was used", ""]
        out += [f"- **{name}**: {common.TOOL_NOTES.get(name, '')}" for name in tool_names]
        out += [f"- **{name}**: not run ({reason})" for name, reason in missing.items()]
        out += ["", f"Versions: {common.tool_versions()}."]
    out += ["", chart(scores, tool_names, steps if not args.no_ablation else [], set_names, args.chart)]
    common.write_section("quality", "\n".join(out), args.results)
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
