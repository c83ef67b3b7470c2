"""Throughput, linearity and memory of the default pipeline, beside the public tools.

    python benchmarks/speed.py                  # pages + single documents up to 100 MB
    python benchmarks/speed.py --max-mb 10      # stop the single documents at 10 MB

Everything runs on one core (the process is pinned where the OS allows it).

- **Pages**: many page-sized documents (synthetic damaged pages, every one
  distinct), each cleaned on its own; MB/s of UTF-8 input for paperclean, for
  each public tool and for one single ``regex`` substitution pass (the floor
  no cleaner beats).
- **Single documents** of distinct text from 10 KB up to ``--max-mb``: pages
  joined by form feeds, each page with its own layout, damage and a fifth of
  its Hanzi replaced at random (so no block repeats another and the run does
  not only measure how fast duplicates are dropped).  Each size runs in a
  fresh process that reports the time and the peak memory (``ru_maxrss``);
  the report gives the time per MB of the largest size over that of the
  smallest (1.0 is linear) and the peak memory as a multiple of the input.

Writes the ``speed`` section of ``benchmarks/RESULTS.md``.  A benchmark
reports; it never fails on a figure.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402

MB = 1_000_000
SIZES_KB = [10, 100, 1_000, 10_000, 100_000]

#: The floor: one compiled substitution over the whole text (spaces between
#: two Hanzi removed), the least any cleaner does.
FLOOR_RE = regex.compile(r"(?<=\p{Han}) +(?=\p{Han})")


def floor_pass(text: str) -> str:
    return FLOOR_RE.sub("", text)


def time_pages(function: Callable[[str], str], pages: list[str], repeats: int) -> tuple[float, float]:
    """Best CPU time and best wall time of `repeats` passes over all pages,
    one call per page."""
    best_cpu = best_wall = float("inf")
    for _ in range(repeats):
        cpu, wall = time.process_time(), time.perf_counter()
        for page in pages:
            function(page)
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
    return best_cpu, best_wall


def build_pages(count: int, seed: int) -> list[str]:
    return [damaged for damaged, _ in common.synthetic_pages(count, seed=seed, runs=(4, 8))]


def build_documents(sizes: list[int], seed: int) -> dict[int, str]:
    """For each size in bytes, a document of distinct pages at least that big
    (the smaller ones are beginnings of the larger)."""
    text = common.distinct_text(max(sizes), seed=seed)
    pages = text.split("\f")
    documents = {}
    for size in sorted(sizes):
        total, taken = 0, []
        for page in pages:
            taken.append(page)
            total += len(page.encode("utf-8")) + 1
            if total >= size:
                break
        documents[size] = "\f".join(taken)
    return documents


def _status_kb(field: str) -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return None


def _reset_peak() -> bool:
    """Reset the peak resident memory (Linux: VmHWM), so that the peak
    measured next is that of what follows."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as handle:
            handle.write("5")
        return True
    except OSError:
        return False


def _peak_rss() -> int:
    peak = _status_kb("VmHWM")
    if peak is not None:
        return peak
    unit = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB elsewhere
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * unit


def child(path: str, traced: bool) -> int:
    """Run in a fresh process: clean the document at `path`, print JSON with
    the best CPU and wall times, the resident memory around it and (if
    `traced`) the peak of Python allocations while cleaning (tracemalloc, in
    a separate run)."""
    import tracemalloc

    import paperclean

    paperclean.clean(common.load_seeds()[0][1])  # load what loads on first use (dictionaries)
    reset = _reset_peak()
    before_input = _status_kb("VmRSS") or _peak_rss()
    text = Path(path).read_bytes().decode("utf-8")
    cpu_times, wall_times = [], []
    started_all = time.perf_counter()
    while True:
        cpu, wall = time.process_time(), time.perf_counter()
        output = paperclean.clean(text)
        cpu_times.append(time.process_time() - cpu)
        wall_times.append(time.perf_counter() - wall)
        del output
        if time.perf_counter() - started_all > 1.0 or len(cpu_times) >= 20:
            break
    peak = _peak_rss()
    traced_peak = None
    if traced:
        tracemalloc.start()
        paperclean.clean(text)
        traced_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    result = {
        "bytes": len(text.encode("utf-8")),
        "cpu": min(cpu_times),
        "wall": min(wall_times),
        "runs": len(cpu_times),
        "before_input": before_input,
        "peak": peak,
        "peak_reset": reset,
        "traced_peak": traced_peak,
    }
    print(json.dumps(result))
    return 0


def run_child(text: str, timeout: float, traced: bool) -> dict:
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as handle:
        handle.write(text)
        path = handle.name
    try:
        done = subprocess.run(
            [*common.python_command(), str(Path(__file__).resolve()), "--child", path] + (["--traced"] if traced else []),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if done.returncode != 0:
            return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"}
        return json.loads(done.stdout.strip().splitlines()[-1])
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    finally:
        os.unlink(path)


def _load_average() -> str:
    try:
        return " ".join(open("/proc/loadavg", encoding="ascii").read().split()[:3])
    except OSError:
        return "unknown"


def size_label(size: int) -> str:
    return f"{size / MB:g} MB" if size >= MB else f"{size / 1000:g} KB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=200, help="page-sized documents for the throughput table (default 200)")
    parser.add_argument("--repeats", type=int, default=3, help="passes over the pages; the best counts (default 3)")
    parser.add_argument("--max-mb", type=float, default=100, help="largest single document, MB (default 100)")
    parser.add_argument("--timeout", type=float, default=1200, help="seconds allowed for one single-document size (default 1200)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-tools", action="store_true", help="skip the public tools")
    parser.add_argument("--results", type=Path, default=common.RESULTS, help="Markdown file to update")
    parser.add_argument("--traced-max-mb", type=float, default=10, help="measure Python allocations (tracemalloc, slow) up to this size (default 10)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--traced", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args.child, args.traced)

    started_all = time.perf_counter()
    load_average = _load_average()
    pinned = common.pin_to_one_core()
    import paperclean

    print("building pages...", file=sys.stderr)
    pages = build_pages(args.pages, args.seed)
    page_bytes = sum(len(page.encode("utf-8")) for page in pages)

    systems: dict[str, Callable[[str], str]] = {"paperclean (default pipeline)": paperclean.clean}
    missing: dict[str, str] = {}
    if not args.no_tools:
        tools, missing = common.load_tools()
        systems.update(tools)
    systems["one `regex` substitution (floor)"] = floor_pass
    for function in systems.values():  # warm up: lazy loads, caches
        try:
            function(pages[0])
        except Exception:
            pass

    throughput: dict[str, float] = {}
    wall_throughput: dict[str, float] = {}
    for name, function in systems.items():
        try:
            cpu, wall = time_pages(function, pages, args.repeats)
            throughput[name] = page_bytes / MB / max(cpu, 1e-9)
            wall_throughput[name] = page_bytes / MB / max(wall, 1e-9)
        except Exception as error:  # report, never fail
            missing[name] = f"{type(error).__name__}: {error}"
        print(f"  {name}: {throughput.get(name, 0):.2f} MB/s", file=sys.stderr)

    sizes = [kb * 1000 for kb in SIZES_KB if kb * 1000 <= args.max_mb * MB]
    print(f"building single documents up to {size_label(max(sizes))}...", file=sys.stderr)
    build_started = time.perf_counter()
    documents = build_documents(sizes, args.seed)
    build_seconds = time.perf_counter() - build_started
    single: dict[int, dict] = {}
    for size in sizes:
        result = run_child(documents[size], args.timeout, traced=size <= args.traced_max_mb * MB)
        single[size] = result
        print(f"  {size_label(size)}: {result}", file=sys.stderr)
        if "error" in result:
            break  # larger sizes would only take longer
    del documents

    # --- report ------------------------------------------------------------
    ours = throughput.get("paperclean (default pipeline)", 0.0)
    out = ["## Speed", "", common.machine() + f" Load average at the start: {load_average}.", ""]
    command = "python benchmarks/speed.py" + ("" if args.max_mb == 100 else f" --max-mb {args.max_mb:g}") + (" --no-tools" if args.no_tools else "")
    out.append(
        f"Command: `{command}` ({time.perf_counter() - started_all:.0f} s in all, {build_seconds:.0f} s of it building the input); "
        f"{pinned}; throughput from CPU time (the machine may be shared: wall time is shown beside it). Targets: ≥ 20 MB/s and ≥ 2× the fastest public tool; time per MB constant from 10 KB to 100 MB; peak memory ≤ 5× the input."
    )
    out += ["", f"### Pages: {len(pages)} distinct synthetic pages ({page_bytes / MB:.2f} MB, {page_bytes / len(pages) / 1000:.1f} KB a page), best of {args.repeats}", ""]
    rows = []
    for name, value in sorted(throughput.items(), key=lambda item: -item[1]):
        rows.append([name, f"{value:.2f}", f"{wall_throughput[name]:.2f}", f"{value / ours:.2f}×" if ours else "—"])
    out.append(common.markdown_table(["system", "MB/s (CPU time)", "MB/s (wall time)", "relative to paperclean"], rows))
    tools_measured = {name: value for name, value in throughput.items() if name in common.PUBLIC_TOOLS}
    if tools_measured and ours:
        fastest = max(tools_measured, key=tools_measured.get)
        packages = {name: value for name, value in tools_measured.items() if name != "plain line join"}
        line = f"Fastest public tool: {fastest} ({tools_measured[fastest]:.2f} MB/s); paperclean is {ours / tools_measured[fastest]:.2f}× that."
        if packages and fastest == "plain line join":
            fastest_package = max(packages, key=packages.get)
            line += f" Fastest public package: {fastest_package} ({packages[fastest_package]:.2f} MB/s); paperclean is {ours / packages[fastest_package]:.2f}× that."
        out += ["", line]
    for name, reason in missing.items():
        out += ["", f"- {name}: not measured ({reason})"]

    out += ["", f"### Single documents (paperclean, one fresh process per size, up to {args.max_mb:g} MB)", ""]
    rows = []
    for size, result in single.items():
        if "error" in result:
            rows.append([size_label(size), "—", "—", "—", "—", "—", result["error"]])
            continue
        size_bytes = result["bytes"]
        seconds = result["cpu"]
        rss = max(0, result["peak"] - result["before_input"]) / size_bytes
        traced = f"{result['traced_peak'] / size_bytes:.1f}×" if result.get("traced_peak") is not None else "—"
        rows.append(
            [
                size_label(size),
                f"{seconds:.3f}",
                f"{result['wall']:.3f}",
                f"{size_bytes / MB / seconds:.2f}",
                f"{seconds / (size_bytes / MB):.3f}",
                traced,
                f"{rss:.1f}×" if result.get("peak_reset") else f"{rss:.1f}× (peak not reset)",
                f"best of {result['runs']}" if result["runs"] > 1 else "",
            ]
        )
    out.append(common.markdown_table(["input", "CPU s", "wall s", "MB/s (CPU)", "CPU s per MB", "allocated while cleaning / input", "peak RSS rise / input", "note"], rows))
    measured = [(size, result) for size, result in single.items() if "error" not in result]
    if len(measured) >= 2:
        (small, small_result), (large, large_result) = measured[0], measured[-1]
        per_mb_small = small_result["cpu"] / (small_result["bytes"] / MB)
        per_mb_large = large_result["cpu"] / (large_result["bytes"] / MB)
        out += [
            "",
            f"Linearity: CPU time per MB at {size_label(large)} / time per MB at {size_label(small)} = **{per_mb_large / per_mb_small:.2f}** (1.0 is linear).",
        ]
    out += [
        "",
        "*Allocated while cleaning / input*: the peak of Python allocations during one `clean` call (tracemalloc, in a separate run; "
        "the input string itself is not counted, the output is), over the input's UTF-8 size. "
        "*Peak RSS rise / input*: the peak resident memory while reading and cleaning the input (Linux `VmHWM`, reset after loading "
        "the dictionaries) minus the resident memory before, over the input size; it counts the input string, which Python holds at "
        "2 bytes a Hanzi (about 0.7× its UTF-8 size).",
    ]
    common.write_section("speed", "\n".join(out), args.results)
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
