"""Corpus scaling: records/s on 1 and 2 local processes and on a 2-worker local Ray.

    python benchmarks/scaling.py                 # a 200 MB JSONL corpus (about an hour on 2 cores)
    python benchmarks/scaling.py --mb 20         # a quick look (figures are not written unless --write)

The corpus: JSONL shards of distinct pages, made from the five real seeds and
synthetic pages (runs of gold blocks damaged by ``paperclean.testing``'s
seeded corruption generator, each record with a fifth of its Hanzi replaced
at random so that no page repeats another); the seeds' raw text is mixed in
as every 500th record.  It is built once into ``--work`` and reused while
its parameters are the same.

Each configuration cleans the whole corpus with :func:`paperclean.corpus.clean_corpus`
into a fresh folder, and the outputs are compared byte for byte:

- ``local``, 1 process (in the calling process: no pool);
- ``local``, 2 processes (the process pool);
- ``ray``, 2 workers: a local Ray started here with ``num_cpus=2`` (its start
  is timed apart), then Ray Data ``map_batches`` over the same pieces.

Reported: wall time, records/s, MB/s; scaling efficiency = (records/s on 2) /
(2 x records/s on 1); the per-record overhead Ray adds = (Ray's time - the
2-process pool's time) / records.  The machine's load average is reported
beside: on a shared machine the figures are only as good as the cores that
were free.

Writes the ``scaling`` section (``## Corpus scaling``) of
``benchmarks/RESULTS.md`` when the corpus is at least 200 MB (or with
``--write``).  A benchmark reports; it never fails on a figure.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402

MB = 1_000_000
SEED_EVERY = 500


def build_corpus(folder: Path, megabytes: float, shards: int, seed: int, base_pages: int) -> dict:
    """Write the corpus (``shards`` JSONL files, about ``megabytes`` MB in
    all) unless ``folder`` already holds one made with the same parameters;
    return its description."""
    params = {"megabytes": megabytes, "shards": shards, "seed": seed, "base_pages": base_pages, "version": 1}
    manifest = folder / "corpus.json"
    if manifest.is_file():
        described = json.loads(manifest.read_text(encoding="utf-8"))
        if described.get("params") == params:
            return described
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "in").mkdir(parents=True)
    started = time.perf_counter()
    from paperclean.testing import compose_page, corrupt

    seeds = common.load_seeds()
    golds = [gold for _, _, gold in seeds]
    raws = [raw for _, raw, _ in seeds]
    alphabet = common._HAN_RE.findall("".join(golds))
    base = []
    for number in range(base_pages):
        page_seed = seed * 1_000_003 + number
        page = compose_page(golds, page_seed, runs=(2, 4))
        base.append(corrupt(page, page_seed, common.page_artifacts(page_seed)).text)
    rng = random.Random(seed)
    target = int(megabytes * MB)
    per_shard = target / shards
    handles = [open(folder / "in" / f"part-{n:05d}.jsonl", "wb") for n in range(shards)]
    sizes = [0] * shards
    records = total = 0
    try:
        while total < target:
            if records % SEED_EVERY == 0:
                text = raws[(records // SEED_EVERY) % len(raws)]
            else:
                text = mutate(base[records % len(base)], rng, alphabet)
            line = (json.dumps({"id": f"r{records:08d}", "text": text, "source": "synthetic"}, ensure_ascii=False) + "\n").encode("utf-8")
            shard = min(int(total // per_shard), shards - 1)
            handles[shard].write(line)
            sizes[shard] += len(line)
            total += len(line)
            records += 1
    finally:
        for handle in handles:
            handle.close()
    described = {
        "params": params,
        "records": records,
        "bytes": total,
        "build_seconds": round(time.perf_counter() - started, 1),
    }
    manifest.write_text(json.dumps(described, indent=1), encoding="utf-8")
    return described


def mutate(page: str, rng: random.Random, alphabet: list[str], share: float = 0.2) -> str:
    """`page` with `share` of its Hanzi replaced by random Hanzi of the gold."""
    chars = list(page)
    han = [index for index, char in enumerate(chars) if common._HAN_RE.match(char)]
    for index in rng.sample(han, int(len(han) * share)):
        chars[index] = rng.choice(alphabet)
    return "".join(chars)


def warm_up_ray(work: Path) -> float:
    """Time a tiny Ray run (two shards of one record): what a first run pays
    once to start Ray's worker processes, which later runs reuse."""
    from paperclean.corpus import clean_corpus

    tiny = work / "tiny"
    shutil.rmtree(tiny, ignore_errors=True)
    (tiny / "in").mkdir(parents=True)
    for number in range(2):
        (tiny / "in" / f"{number}.jsonl").write_text(json.dumps({"text": "我 市以项目建设"}, ensure_ascii=False) + "\n")
    began = time.perf_counter()
    clean_corpus(tiny / "in", tiny / "out", engine="ray", workers=2, progress=False)
    return time.perf_counter() - began


CEILING_SCRIPT = """
import sys, time
from paperclean.corpus import clean_corpus
began = time.perf_counter()
clean_corpus(sys.argv[1], sys.argv[2], workers=1, progress=False)
print(time.perf_counter() - began)
"""


def ceiling(work: Path, source: Path, shards: int) -> tuple[float, float]:
    """What the machine itself allows: the time of one process cleaning
    `shards` shards alone, and the longest time of two independent processes
    each cleaning as many other shards at the same time (no pool, no
    driver).  Their ratio is the best scaling efficiency two processes can
    have here."""
    import subprocess

    files = sorted(source.glob("*.jsonl"))
    halves = []
    for number, chosen in enumerate((files[:shards], files[shards : 2 * shards])):
        folder = work / f"ceiling-in-{number}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for path in chosen:
            (folder / path.name).symlink_to(path)
        halves.append(folder)

    def start(number: int):
        out = work / f"ceiling-out-{number}"
        shutil.rmtree(out, ignore_errors=True)
        return subprocess.Popen([sys.executable, "-c", CEILING_SCRIPT, str(halves[number]), str(out)], stdout=subprocess.PIPE, text=True)

    alone = float(start(0).communicate()[0])
    together = [start(0), start(1)]
    both = max(float(process.communicate()[0]) for process in together)
    print(f"ceiling: one process alone {alone:.1f} s, two at once {both:.1f} s", file=sys.stderr, flush=True)
    return alone, both


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def run_one(label: str, corpus: Path, out: Path, **options) -> dict:
    from paperclean.corpus import clean_corpus

    shutil.rmtree(out, ignore_errors=True)
    load_before = os.getloadavg()[0]
    cpu_before = time.process_time()
    summary = clean_corpus(corpus, out, progress=sys.stderr.isatty(), **options)
    result = {
        "label": label,
        "seconds": summary.seconds,
        "records": summary.records,
        "failed": summary.failed,
        "bytes": summary.bytes,
        "records_per_second": summary.records_per_second,
        "mb_per_second": summary.megabytes_per_second,
        "driver_cpu_seconds": time.process_time() - cpu_before,
        "load": (load_before, os.getloadavg()[0]),
        "digest": tree_digest(out),
    }
    print(f"{label}: {summary}; load {result['load'][0]:.1f} -> {result['load'][1]:.1f}", file=sys.stderr, flush=True)
    return result


CONFIGS = [
    ("local, 1 process", "local", 1),
    ("local, 2 processes", "local", 2),
    ("Ray Data, 2 workers", "ray", 2),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=200, help="corpus size in MB (default 200)")
    parser.add_argument("--shards", type=int, default=32, help="JSONL shards (default 32)")
    parser.add_argument("--base-pages", type=int, default=2000, help="synthetic pages generated before mutation (default 2000)")
    parser.add_argument("--repeats", type=int, default=3, help="rounds of the three runs; the best of each is reported (default 3)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "paperclean-scaling",
                        help="where the corpus and the outputs go (default: $TMPDIR/paperclean-scaling)")
    parser.add_argument("--no-ray", action="store_true", help="leave out the Ray runs")
    parser.add_argument("--write", action="store_true", help="write RESULTS.md even below 200 MB")
    parser.add_argument("--results", type=Path, default=common.RESULTS)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    machine = common.machine()
    load_start = os.getloadavg()
    corpus = build_corpus(args.work, args.mb, args.shards, args.seed, args.base_pages)
    print(f"corpus: {corpus['records']:,} records, {corpus['bytes'] / MB:.1f} MB in {args.shards} shards "
          f"(built in {corpus['build_seconds']} s)", file=sys.stderr, flush=True)
    source = args.work / "in"
    configs = CONFIGS[:2] if args.no_ray or not ray_installed() else CONFIGS
    limit = ceiling(args.work, source, max(1, args.shards // 8)) if args.shards >= 2 else None
    runs: dict[str, list[dict]] = {label: [] for label, _, _ in configs}
    ray_starts: list[tuple[float, float]] = []
    for _ in range(args.repeats):  # rounds, so that a busy spell of the machine hits every engine
        for label, engine, workers in configs:
            out = args.work / f"out-{engine}-{workers}"
            if engine == "local":
                runs[label].append(run_one(label, source, out, engine=engine, workers=workers))
                continue
            import ray

            began = time.perf_counter()
            ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
            try:
                ray_starts.append((time.perf_counter() - began, warm_up_ray(args.work)))
                runs[label].append(run_one(label, source, out, engine=engine, workers=workers))
            finally:
                ray.shutdown()
    identical = len({run["digest"] for results in runs.values() for run in results}) == 1
    print(f"outputs identical: {identical}", file=sys.stderr)
    markdown = report(args, corpus, runs, ray_starts, limit, identical, machine, load_start, time.perf_counter() - started)
    print(markdown)
    if corpus["bytes"] >= 200 * MB or args.write:
        common.write_section("scaling", markdown, args.results)
    return 0


def ray_installed() -> bool:
    try:
        import ray  # noqa: F401
    except ImportError:
        print("ray is not installed (pip install 'paperclean[ray]'): Ray runs left out", file=sys.stderr)
        return False
    return True


def report(args, corpus, runs, ray_starts, limit, identical, machine, load_start, total_seconds) -> str:
    best = {label: min(results, key=lambda run: run["seconds"]) for label, results in runs.items()}
    one = best[CONFIGS[0][0]]
    rows = []
    for label, _, workers in CONFIGS:
        if label not in best:
            continue
        run = best[label]
        times = sorted(result["seconds"] for result in runs[label])
        rows.append([
            label,
            f"{run['seconds']:.0f} s",
            " / ".join(f"{seconds:.0f}" for seconds in times) + " s",
            f"{run['records_per_second']:.1f}",
            f"{run['mb_per_second']:.2f}",
            f"{run['records_per_second'] / (workers * one['records_per_second']):.2f}",
            ", ".join(f"{result['load'][0]:.1f}" for result in runs[label]),
        ])
    size = f" --mb {args.mb:g}" if args.mb != 200 else ""
    repeats = f" --repeats {args.repeats}" if args.repeats != 3 else ""
    lines = [
        "## Corpus scaling",
        "",
        machine + f" Load average (1 min) at the start: {load_start[0]:.2f}.",
        "",
        f"Command: `python benchmarks/scaling.py{size}{repeats}` ({total_seconds / 60:.0f} min in all). "
        f"Corpus: {corpus['records']:,} JSONL records, {corpus['bytes'] / MB:.1f} MB in {args.shards} shards: "
        f"synthetic pages (runs of gold blocks damaged by `paperclean.testing.corrupt`, a fifth of each record's "
        f"Hanzi replaced at random so that every record is distinct) and the five raw seeds as every "
        f"{SEED_EVERY}th record. Each run cleans the whole corpus with `paperclean.corpus.clean_corpus` into a fresh "
        f"folder (pieces of about 1 MB); {args.repeats} rounds of the runs, one after the other, and the best time "
        f"of each is reported (the machine is shared: the load average says how busy it was at the start of each run).",
        "",
        common.markdown_table(
            ["engine", "best wall time", "all runs", "records/s", "MB/s", "scaling efficiency", "load average at the start"],
            rows,
        ),
        "",
        "Scaling efficiency = records/s ÷ (workers × records/s of one process), from the best runs.",
    ]
    if limit:
        alone, both = limit
        lines += [
            "",
            f"What the machine itself allows: one process cleaning {max(1, args.shards // 8)} shard(s) alone took "
            f"{alone:.1f} s; two independent processes, each cleaning as many other shards at the same time, took "
            f"{both:.1f} s, so two processes can reach at best a scaling efficiency of {alone / both:.2f} here "
            f"(the two cores are virtual and shared).",
        ]
    ray_label, pool_label = CONFIGS[2][0], CONFIGS[1][0]
    if ray_label in best:
        ray, pool = best[ray_label], best[pool_label]
        overhead = (ray["seconds"] - pool["seconds"]) / ray["records"] * 1000
        init = min(start for start, _ in ray_starts)
        warm = min(warm for _, warm in ray_starts)
        lines += [
            "",
            f"Ray adds {overhead:+.2f} ms per record over the 2-process pool "
            f"({(ray['seconds'] / pool['seconds'] - 1) * 100:+.1f} % of the time). Not counted in that, and paid once "
            f"per run: starting the local Ray (`ray.init(num_cpus=2)`, at best {init:.1f} s) and a first tiny run "
            f"(two records, which starts Ray's worker processes: at best {warm:.1f} s).",
        ]
    lines += ["", f"Outputs byte-identical across all the runs: {'yes' if identical else '**no**'}."]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
