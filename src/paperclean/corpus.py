"""Whole corpora: folders of text files, JSONL or Parquet, cleaned on all cores or on Ray.

Pipelines that import paperclean clean millions of pages at a time.
:func:`clean_corpus` (``paperclean corpus IN OUT`` on the command line) cleans
every record of a corpus with the configured pipeline and writes the same
format, with the same shard layout, under ``OUT``::

    paperclean corpus pages/ cleaned/                    # all local cores
    paperclean corpus pages/ cleaned/ --with-details     # + changes, findings, metadata
    paperclean corpus pages/ cleaned/ --engine ray       # a local Ray, started for the run
    paperclean corpus pages/ cleaned/ --engine ray --ray-address auto   # the Ray cluster of this node

What a corpus is
----------------
``IN`` is one file or a folder (searched recursively; names starting with
``.`` or ``_`` are skipped, as Spark and Hadoop do with ``_SUCCESS``):

- **JSONL** (``.jsonl``, ``.ndjson``, and the same gzipped, ``.jsonl.gz``):
  one JSON object per line.  Each file is a *shard*.  The text is in the field
  ``text_field`` (default ``"text"``), the record's id in ``id_field``
  (default ``"id"``, used only to report errors: a record without one is
  fine).  Blank lines are not records and are left out.
- **Parquet** (``.parquet``, read with pyarrow, imported only for Parquet):
  each file is a shard, each row a record, the same two columns.
- **Text** (``.txt``): each file is a record whose id is its path relative to
  ``IN``; the files of one folder make shards of up to
  :data:`TEXT_SHARD_FILES` files (in name order).  A file is decoded as
  :func:`paperclean.fileio.decode_bytes` does (UTF-8, UTF-16/32 with a BOM,
  GB18030, Big5).

Files of other types in ``IN`` are ignored (and counted in the summary); a
folder that mixes two of the formats above is refused.

What comes out
--------------
Every shard under ``OUT`` at the same relative path (a single input file goes
to ``OUT/<its name>``), holding the records that were cleaned, in their order,
with the cleaned text in the text field and every other field as it was:

- JSONL: one compact JSON object per line (``ensure_ascii=False``, keys in
  their order), UTF-8, ``\\n`` line ends; gzipped again if the input was (with
  no time stamp, so that the bytes depend only on the content).
- Parquet: the input's columns (the text column keeps its type), written with
  the input's compression.
- Text: UTF-8 files at the same relative paths.

With ``with_details`` each record also gets ``paperclean_changes`` (every
edit: step, block, offset, before, after, note), ``paperclean_findings``
(kind, block, offset, context) and ``paperclean_metadata`` (what the steps
report beside the text: continuations, furniture), as
:func:`paperclean.clean_and_explain` returns them (``dataclasses.asdict``).
In JSONL they are JSON arrays and an object; in Parquet the first two are
lists of structs and the metadata a JSON string (its keys vary by page,
which a Parquet schema cannot); for a text file they go to a sidecar
``<name>.txt.paperclean.json`` beside the cleaned file.

A record that cannot be cleaned (not JSON, not an object, no text field, a
text that is not a string, a file that is not text, or a bug in a step) is not
written to its shard: it goes to ``OUT/_errors.jsonl`` as
``{"shard", "index", "id", "reason"}`` (the output path of its shard relative
to ``OUT``; its 0-based line, row or file number there; its id; why), and is
counted in the summary.  ``_errors.jsonl`` is rewritten at the end of every run
from all shards, in shard order, empty when nothing failed.

Engines
-------
The driver (the calling process) reads each shard, cuts it into *pieces* of
consecutive records (about :data:`PIECE_BYTES` or :data:`PIECE_RECORDS`), and
hands the pieces to workers; a worker cleans a piece and returns its
serialized records; the driver puts the pieces of a shard back in order and
writes the shard.  Workers need neither ``IN`` nor ``OUT``: only paperclean.

- ``engine="local"``: a process pool (``concurrent.futures``) of ``workers``
  processes, all the cores by default (no more than there are pieces); one
  runs in the calling process.  The workers are forked on Linux; elsewhere
  they are spawned, so a script calling :func:`clean_corpus` there needs the
  usual ``if __name__ == "__main__":`` guard.
- ``engine="ray"``: Ray Data, ``map_batches`` over the pieces of the shards
  (one block per piece, fed in windows of :data:`RAY_WINDOW_BYTES`), on a
  local Ray started for the run (``ray.init(num_cpus=workers)``), on the
  cluster at ``ray_address``, or on the Ray the caller already started.  The
  cluster's nodes need paperclean (the same version) installed.  Ray is an
  optional extra (``pip install 'paperclean[ray]'``); nothing else in
  paperclean imports it.

Both engines run the same function on the same pieces, and the driver alone
writes, so their outputs are identical byte for byte, whatever the number of
workers.

Resuming
--------
Each shard's output is written atomically (a temporary file renamed over it,
:func:`paperclean.fileio.write_atomic`), then a small marker
``OUT/_paperclean/done/<shard>.json`` with its counts, its errors and a
fingerprint of what produced it (paperclean's version, the configuration,
the fields, ``with_details``, and the names, sizes and modification times of
its input files).  A shard is complete when its marker has the run's
fingerprint and its outputs exist; a rerun skips complete shards, so an
interrupted run (Ctrl-C, a killed job) finishes the missing shards only, and
a run with other options redoes everything.

Memory: the driver holds the shards being worked on (a shard is read whole),
so a shard should fit comfortably in memory; with Ray, at most a window of
pieces is in Ray's object store at a time.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import sys
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import __version__, clean, clean_and_explain
from .document import jsonable
from .fileio import InputError, decode_bytes, write_atomic
from .pipeline import Config

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
PARQUET_SUFFIXES = (".parquet",)
TEXT_SUFFIXES = (".txt",)
#: Where failed records are listed, relative to OUT.
ERRORS_FILE = "_errors.jsonl"
#: The markers of complete shards, relative to OUT.
DONE_DIR = "_paperclean/done"
#: The fields added by ``with_details``.
DETAIL_FIELDS = ("paperclean_changes", "paperclean_findings", "paperclean_metadata")
#: A text file's details go to ``<name>.txt`` + this suffix.
DETAILS_SUFFIX = ".paperclean.json"
#: A piece (the unit of work of a worker) is cut after this many bytes of
#: input or this many records, whichever comes first.
PIECE_BYTES = 1 << 20
PIECE_RECORDS = 1000
#: A folder of text files makes shards of at most this many files.
TEXT_SHARD_FILES = 1000
#: The Ray engine feeds pieces to Ray Data in windows of about this size.
RAY_WINDOW_BYTES = 256 << 20
#: Pieces queued per worker of the local pool (enough to keep it busy).
QUEUED_PER_WORKER = 3
#: Changes when the marker's meaning changes, so old markers are redone.
STATE_VERSION = 1

_FORMAT_OF_SUFFIX = {suffix: "jsonl" for suffix in JSONL_SUFFIXES}
_FORMAT_OF_SUFFIX.update({suffix: "parquet" for suffix in PARQUET_SUFFIXES})
_FORMAT_OF_SUFFIX.update({suffix: "text" for suffix in TEXT_SUFFIXES})
_EXTENSION = {"jsonl": ".jsonl", "parquet": ".parquet", "text": ".txt"}


class CorpusError(Exception):
    """A corpus that cannot be read or written as asked: ``path`` and
    ``reason``, shown as ``paperclean: error: <path>: <reason>``."""

    def __init__(self, path: str, reason: str):
        super().__init__(path, reason)
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class Summary:
    """What one run of :func:`clean_corpus` did: the records it cleaned
    (`changed` of them came out different), the records that failed (listed
    in `errors_file`), the shards it wrote and those it skipped because an
    earlier run had completed them, the input bytes it read, its time, and
    the files of other types it ignored."""

    output: str
    errors_file: str
    engine: str
    workers: int
    records: int = 0
    changed: int = 0
    failed: int = 0
    shards: int = 0
    skipped_shards: int = 0
    bytes: int = 0
    seconds: float = 0.0
    ignored_files: int = 0

    @property
    def records_per_second(self) -> float:
        return self.records / self.seconds if self.seconds > 0 else 0.0

    @property
    def megabytes_per_second(self) -> float:
        return self.bytes / 1e6 / self.seconds if self.seconds > 0 else 0.0

    def __str__(self) -> str:
        if not self.shards:
            return f"nothing to do: all {self.skipped_shards:,} shard(s) were complete ({self.seconds:.1f} s)"
        failed = f"{self.failed:,} failed (see {self.errors_file})" if self.failed else "0 failed"
        skipped = f", {self.skipped_shards:,} already complete" if self.skipped_shards else ""
        return (
            f"{self.records:,} records: {self.changed:,} changed, {failed}; "
            f"{self.shards:,} shard(s) written{skipped}; "
            f"{self.seconds:.1f} s, {self.megabytes_per_second:.2f} MB/s, {self.records_per_second:.1f} records/s "
            f"({self.engine}, {self.workers} worker(s))"
        )


@dataclass(frozen=True)
class Options:
    """What every worker needs to clean a record; small and picklable."""

    config: Config
    text_field: str = "text"
    id_field: str = "id"
    with_details: bool = False


@dataclass(frozen=True)
class Shard:
    """One unit of output: `name` (its marker's name), its format, its input
    files relative to the corpus root (one, or up to TEXT_SHARD_FILES text
    files), their total size, and a fingerprint of the files."""

    name: str
    fmt: str
    files: tuple[str, ...]
    size: int
    stamp: str


@dataclass
class Piece:
    """Consecutive records of one shard, for one worker: `items` are raw
    JSONL lines (bytes), Parquet rows (dicts of the text and id fields
    present) or text files ((relative path, bytes)); `start` is the index of
    the first one in its shard."""

    shard: int
    number: int
    fmt: str
    shard_output: str
    start: int
    items: list
    size: int
    options: Options


@dataclass
class PieceResult:
    """A cleaned piece: `output` (JSONL: the bytes of its lines; Parquet: a
    list holding, per row, ``None`` for a failed row or ``(text, details)``;
    text: a list of ``(path, bytes, details bytes or None)``), the errors,
    and its counts."""

    shard: int
    number: int
    output: object
    errors: list
    records: int
    changed: int
    size: int


def clean_corpus(
    src,
    dst,
    *,
    config: Config | None = None,
    engine: str = "local",
    workers: int | None = None,
    text_field: str = "text",
    id_field: str = "id",
    with_details: bool = False,
    ray_address: str | None = None,
    progress: bool = True,
) -> Summary:
    r"""Clean every record of the corpus at `src` and write it under `dst`.

    `src` is a folder of text files, a JSONL or Parquet file, or a folder of
    JSONL or Parquet shards (see the module's documentation); `dst` a folder
    that gets the same layout, ``_errors.jsonl`` and the markers that let a
    rerun skip complete shards.  `engine` is ``"local"`` (a process pool of
    `workers` processes, all cores by default) or ``"ray"`` (Ray Data on a
    local Ray of `workers` CPUs, or the cluster at `ray_address`).  A
    progress bar (records, MB/s) goes to stderr when it is a terminal and
    `progress` is true.  Raises :class:`CorpusError` for a path that cannot
    be used; a record that cannot be cleaned only goes to the errors file.

    Why: a corpus is too big for one process and must survive being
    stopped; the result must not depend on the engine.  What it leaves
    alone: every field but the text (and the detail fields, when asked), the
    order of the records, the names of the shards.

    >>> import json, shutil, tempfile
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp())
    >>> records = [{"id": "a", "text": "我 市以重点工程带动城乡道路升级,逐\n步提高公共服务保障水平。"}, {"id": "b"}]
    >>> _ = (folder / "pages.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    >>> summary = clean_corpus(folder / "pages.jsonl", folder / "out", progress=False)
    >>> summary.records, summary.changed, summary.failed
    (2, 1, 1)
    >>> print((folder / "out" / "pages.jsonl").read_text(encoding="utf-8"), end="")
    {"id":"a","text":"我市以重点工程带动城乡道路升级，逐步提高公共服务保障水平。\n"}
    >>> print((folder / "out" / "_errors.jsonl").read_text(encoding="utf-8"), end="")
    {"shard":"pages.jsonl","index":1,"id":"b","reason":"no field 'text'"}
    >>> clean_corpus(folder / "pages.jsonl", folder / "out", progress=False).skipped_shards
    1
    >>> shutil.rmtree(folder)
    """
    started = time.perf_counter()
    if engine not in ("local", "ray"):
        raise CorpusError(str(engine), "unknown engine (expected 'local' or 'ray')")
    if workers is not None and workers < 1:
        raise CorpusError(str(workers), "workers must be at least 1")
    if ray_address and engine != "ray":
        raise CorpusError(ray_address, "a Ray address needs engine 'ray'")
    source, output = Path(src), Path(dst)
    root, shards, ignored = find_shards(source)
    _check_output(source, output)
    options = Options(config or Config(), text_field, id_field, with_details)
    job_stamp = _job_stamp(options)
    default_workers = _available_cores() if engine == "local" or not (ray_address or _ray_running()) else None
    summary = Summary(
        output=str(output),
        errors_file=str(output / ERRORS_FILE),
        engine=engine,
        workers=workers or default_workers or 0,
        ignored_files=ignored,
    )
    pending, errors_by_shard = _pending_shards(output, shards, job_stamp)
    summary.skipped_shards = len(shards) - len(pending)
    writer = _ShardWriter(root, output, shards, options, job_stamp, summary, errors_by_shard)
    bar = _progress_bar(sum(shards[i].size for i in pending)) if progress and pending else None
    if bar is not None:
        writer.on_piece = lambda result: _advance(bar, result, summary)
    loads = (writer.load(index) for index in pending)
    try:
        if pending and engine == "local":
            estimate = sum(max(1, -(-shards[i].size // PIECE_BYTES)) for i in pending)  # pieces, about
            summary.workers = min(summary.workers, estimate)  # no idle processes to start
            _run_local(loads, summary.workers, writer.accept)
        elif pending:
            summary.workers = _run_ray(loads, workers, ray_address, writer.accept) or summary.workers
    finally:
        if bar is not None:
            bar.close()
    _write_errors(output, [errors_by_shard.get(index, []) for index in range(len(shards))])
    summary.seconds = time.perf_counter() - started
    return summary


# --- finding the shards -------------------------------------------------------


def corpus_format(path: str) -> str | None:
    """The format of a corpus file by its name: ``"jsonl"``, ``"parquet"``,
    ``"text"``, or ``None`` for a file that is none of them.

    >>> [corpus_format(name) for name in ("a.jsonl", "b.jsonl.gz", "c.parquet", "d.txt", "e.csv")]
    ['jsonl', 'jsonl', 'parquet', 'text', None]
    """
    name = path.lower()
    for suffix, fmt in _FORMAT_OF_SUFFIX.items():
        if name.endswith(suffix):
            return fmt
    return None


def find_shards(source: Path) -> tuple[Path, list[Shard], int]:
    """The folder the shard names are relative to, the shards of the corpus at
    `source` in name order, and the number of files of other types ignored.
    Raises :class:`CorpusError` when `source` is missing, holds no corpus, or
    mixes formats."""
    if not source.exists():
        raise CorpusError(str(source), "no such file or directory")
    if source.is_file():
        fmt = corpus_format(source.name)
        if fmt is None or fmt == "text":
            raise CorpusError(str(source), "not a corpus: give a .jsonl or .parquet file, or a folder")
        return source.parent, [_file_shard(source.parent, source.name, fmt)], 0
    by_format: dict[str, list[str]] = {}
    ignored = 0
    for relative in sorted(_walk(source), key=lambda relative: relative.split("/")):
        fmt = corpus_format(relative)
        if fmt is None:
            ignored += 1
        else:
            by_format.setdefault(fmt, []).append(relative)
    if not by_format:
        raise CorpusError(str(source), "no .jsonl, .parquet or .txt files in this folder")
    if len(by_format) > 1:
        found = ", ".join(f"{len(files)} {_EXTENSION[fmt]}" for fmt, files in sorted(by_format.items()))
        raise CorpusError(str(source), f"holds more than one format ({found} files): give one folder per format")
    fmt, files = next(iter(by_format.items()))
    if fmt != "text":
        return source, [_file_shard(source, relative, fmt) for relative in files], ignored
    return source, _text_shards(source, files), ignored


def _walk(root: Path) -> Iterator[str]:
    """Relative POSIX paths of the files under `root`, leaving out names that
    start with ``.`` or ``_``."""
    errors: list[OSError] = []
    for directory, dirs, names in os.walk(root, onerror=errors.append):
        dirs[:] = sorted(name for name in dirs if not name.startswith((".", "_")))
        relative = Path(directory).relative_to(root).as_posix()
        prefix = "" if relative == "." else relative + "/"
        for name in sorted(names):
            if not name.startswith((".", "_")) and os.path.isfile(os.path.join(directory, name)):
                yield prefix + name
    if errors:
        error = errors[0]
        raise CorpusError(error.filename or str(root), f"cannot read directory: {error.strerror or error}")


def _file_shard(root: Path, relative: str, fmt: str) -> Shard:
    return Shard(relative, fmt, (relative,), *_stamp(root, [relative]))


def _text_shards(root: Path, files: list[str]) -> list[Shard]:
    by_folder: dict[str, list[str]] = {}
    for relative in files:
        folder, _, _ = relative.rpartition("/")
        by_folder.setdefault(folder, []).append(relative)
    shards = []
    for folder, names in sorted(by_folder.items()):
        for number, start in enumerate(range(0, len(names), TEXT_SHARD_FILES)):
            group = names[start : start + TEXT_SHARD_FILES]
            name = f"{folder}/_texts-{number:05d}" if folder else f"_texts-{number:05d}"
            shards.append(Shard(name, "text", tuple(group), *_stamp(root, group)))
    return shards


def _stamp(root: Path, files: list[str]) -> tuple[int, str]:
    """Total size and a fingerprint (names, sizes, modification times)."""
    digest = hashlib.sha256()
    total = 0
    for relative in files:
        try:
            info = os.stat(root / relative)
        except OSError as error:
            raise CorpusError(str(root / relative), error.strerror or str(error)) from None
        total += info.st_size
        digest.update(f"{relative}\0{info.st_size}\0{info.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return total, digest.hexdigest()


def _check_output(source: Path, output: Path) -> None:
    if output.exists() and not output.is_dir():
        raise CorpusError(str(output), "exists and is not a folder")
    out = os.path.realpath(output)
    if source.is_dir():
        inside = os.path.realpath(source)
        if out == inside or out.startswith(inside.rstrip(os.sep) + os.sep):
            raise CorpusError(str(output), f"is inside the input folder {source}: choose an output folder outside it")
    elif out == os.path.realpath(source.parent):
        raise CorpusError(str(output), f"would overwrite {source}: choose another output folder")


# --- resuming -----------------------------------------------------------------


def _job_stamp(options: Options) -> str:
    job = {
        "state": STATE_VERSION,
        "paperclean": __version__,
        "config": jsonable(asdict(options.config)),
        "text_field": options.text_field,
        "id_field": options.id_field,
        "with_details": options.with_details,
    }
    return hashlib.sha256(json.dumps(job, sort_keys=True).encode("utf-8")).hexdigest()


def _marker_path(output: Path, shard: Shard) -> Path:
    return output / DONE_DIR / (shard.name + ".json")


def _fingerprint(shard: Shard, job_stamp: str) -> str:
    return hashlib.sha256(f"{job_stamp}\0{shard.stamp}".encode("ascii")).hexdigest()


def _pending_shards(output: Path, shards: list[Shard], job_stamp: str) -> tuple[list[int], dict[int, list]]:
    """The indexes of the shards left to do, and the errors of the others
    (from their markers)."""
    pending, errors_by_shard = [], {}
    for index, shard in enumerate(shards):
        marker = _complete_marker(output, shard, job_stamp)
        if marker is None:
            pending.append(index)
        else:
            errors_by_shard[index] = marker["errors"]
    return pending, errors_by_shard


def _complete_marker(output: Path, shard: Shard, job_stamp: str) -> dict | None:
    """The marker of `shard` if an earlier run completed it with the same
    job and input files, and its outputs are all there; else None."""
    try:
        marker = json.loads(_marker_path(output, shard).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(marker, dict) or marker.get("fingerprint") != _fingerprint(shard, job_stamp):
        return None
    outputs, errors = marker.get("outputs"), marker.get("errors")
    if not isinstance(outputs, list) or not isinstance(errors, list):
        return None
    if not all(isinstance(name, str) and (output / name).is_file() for name in outputs):
        return None
    return marker


def _write_errors(output: Path, errors: list[list]) -> None:
    lines = [_json_line(error) for shard_errors in errors for error in shard_errors]
    output.mkdir(parents=True, exist_ok=True)
    write_atomic(str(output / ERRORS_FILE), b"".join(lines))


# --- the driver: reading shards, writing them ------------------------------------


@dataclass
class _Loaded:
    """A shard being worked on: its pieces (handed to the engine, which lets
    them go once sent), their number, what the driver keeps to write it (the
    Parquet table), and the results received so far."""

    index: int
    pieces: list[Piece]
    count: int = 0
    table: object = None
    compression: str | None = None
    results: dict = field(default_factory=dict)


class _ShardWriter:
    """The driver's side: reads shards into pieces, collects the cleaned
    pieces, and writes each shard (then its marker) when all its pieces are
    in."""

    def __init__(self, root, output, shards, options, job_stamp, summary, errors_by_shard):
        self.root, self.output, self.shards, self.options = root, output, shards, options
        self.job_stamp, self.summary, self.errors_by_shard = job_stamp, summary, errors_by_shard
        self.loaded: dict[int, _Loaded] = {}
        self.on_piece: Callable[[PieceResult], None] | None = None

    def load(self, index: int) -> list[Piece]:
        shard = self.shards[index]
        reader = {"jsonl": _read_jsonl, "parquet": _read_parquet, "text": _read_texts}[shard.fmt]
        loaded = reader(self.root, shard, index, self.options)
        pieces, loaded.pieces, loaded.count = loaded.pieces, [], len(loaded.pieces)
        self.loaded[index] = loaded
        return pieces

    def accept(self, result: PieceResult) -> None:
        loaded = self.loaded[result.shard]
        loaded.results[result.number] = result
        self.summary.records += result.records
        self.summary.changed += result.changed
        self.summary.failed += len(result.errors)
        self.summary.bytes += result.size
        if self.on_piece is not None:
            self.on_piece(result)
        if len(loaded.results) == loaded.count:
            del self.loaded[result.shard]
            self._write(loaded)

    def _write(self, loaded: _Loaded) -> None:
        shard = self.shards[loaded.index]
        results = [loaded.results[number] for number in range(loaded.count)]
        if shard.fmt == "jsonl":
            data = b"".join(result.output for result in results)
            if shard.name.lower().endswith(".gz"):
                data = gzip.compress(data, compresslevel=6, mtime=0)
            outputs = {shard.name: data}
        elif shard.fmt == "parquet":
            rows = [row for result in results for row in result.output]
            outputs = {shard.name: _parquet_bytes(loaded, rows, self.options)}
        else:
            outputs = {}
            for result in results:
                for path, data, details in result.output:
                    outputs[path] = data
                    if details is not None:
                        outputs[path + DETAILS_SUFFIX] = details
        for name, data in outputs.items():
            _write_file(self.output / name, data)
        errors = [error for result in results for error in result.errors]
        marker = {
            "shard": shard.name,
            "fingerprint": _fingerprint(shard, self.job_stamp),
            "outputs": list(outputs),
            "records": sum(result.records for result in results),
            "changed": sum(result.changed for result in results),
            "failed": len(errors),
            "bytes": shard.size,
            "errors": errors,
        }
        _write_file(_marker_path(self.output, shard), json.dumps(marker, ensure_ascii=False, indent=1).encode("utf-8"))
        self.errors_by_shard[loaded.index] = errors
        self.summary.shards += 1


def _write_file(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(str(path), data)
    except OSError as error:
        raise CorpusError(error.filename or str(path), f"cannot write: {error.strerror or error}") from None


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise CorpusError(str(path), f"cannot read: {error.strerror or error}") from None


def _pieces(index: int, shard: Shard, items: list, sizes: list[int], options: Options) -> list[Piece]:
    """`items` cut into pieces of about PIECE_BYTES / PIECE_RECORDS (at least
    one piece, maybe empty, so that an empty shard is written too)."""
    pieces: list[Piece] = []
    start = used = 0
    for position, size in enumerate(sizes):
        used += size
        if used >= PIECE_BYTES or position + 1 - start >= PIECE_RECORDS:
            pieces.append(Piece(index, len(pieces), shard.fmt, shard.name, start, items[start : position + 1], used, options))
            start, used = position + 1, 0
    if start < len(items) or not pieces:
        pieces.append(Piece(index, len(pieces), shard.fmt, shard.name, start, items[start:], used, options))
    return pieces


def _read_jsonl(root: Path, shard: Shard, index: int, options: Options) -> _Loaded:
    path = root / shard.name
    data = _read_bytes(path)
    if shard.name.lower().endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as error:
            raise CorpusError(str(path), f"not gzip data: {error}") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    lines = data.split(b"\n")
    if lines and not lines[-1]:
        lines.pop()
    return _Loaded(index, _pieces(index, shard, lines, [len(line) + 1 for line in lines], options))


def _read_texts(root: Path, shard: Shard, index: int, options: Options) -> _Loaded:
    items = [(relative, _read_bytes(root / relative)) for relative in shard.files]
    return _Loaded(index, _pieces(index, shard, items, [len(data) for _, data in items], options))


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise CorpusError("Parquet", "reading Parquet needs pyarrow: pip install 'paperclean[ray]' (or pyarrow)") from None
    return pyarrow, pyarrow.parquet


def _read_parquet(root: Path, shard: Shard, index: int, options: Options) -> _Loaded:
    pa, pq = _pyarrow()
    path = root / shard.name
    try:
        parquet = pq.ParquetFile(path)
        table = parquet.read()
        compression = None
        if parquet.metadata.num_row_groups and parquet.metadata.num_columns:
            compression = parquet.metadata.row_group(0).column(0).compression
    except (OSError, pa.ArrowException) as error:
        raise CorpusError(str(path), f"cannot read Parquet: {error}") from None
    columns = {}
    for name in dict.fromkeys((options.text_field, options.id_field)):
        if name in table.column_names:
            columns[name] = table.column(name).to_pylist()
    rows = [dict(zip(columns, values)) for values in zip(*columns.values())] if columns else [{}] * table.num_rows
    text = columns.get(options.text_field, [])
    sizes = [len(value.encode("utf-8", "surrogatepass")) if isinstance(value, str) else 0 for value in text]
    sizes += [0] * (len(rows) - len(sizes))
    pieces = _pieces(index, shard, rows, sizes, options)
    return _Loaded(index, pieces, table=table, compression=_compression_name(compression))


def _compression_name(name: str | None) -> str:
    """pyarrow's writer name for a codec read from a Parquet footer."""
    name = (name or "SNAPPY").upper()
    return {"UNCOMPRESSED": "none", "LZ4_RAW": "lz4", "LZ4": "lz4"}.get(name, name.lower())


def _parquet_bytes(loaded: _Loaded, rows: list, options: Options) -> bytes:
    """The cleaned Parquet shard: the rows that did not fail, the text column
    replaced (keeping its type), the detail columns added when asked."""
    pa, pq = _pyarrow()
    table = loaded.table
    kept = [row is not None for row in rows]
    if not all(kept):
        table = table.filter(pa.array(kept, type=pa.bool_()))
    rows = [row for row in rows if row is not None]
    if rows and options.text_field in table.column_names:  # no rows: nothing to replace, the type stays
        position = table.column_names.index(options.text_field)
        column = table.schema.field(position)
        kind = column.type if _is_string_type(pa, column.type) else pa.string()  # e.g. dictionary-encoded
        table = table.set_column(position, column.with_type(kind), pa.array([text for text, _ in rows], type=kind))
    if options.with_details:
        types = _detail_types(pa)
        for number, name in enumerate(DETAIL_FIELDS):
            values = pa.array([details[number] for _, details in rows], type=types[name])
            if name in table.column_names:
                table = table.set_column(table.column_names.index(name), pa.field(name, types[name]), values)
            else:
                table = table.append_column(pa.field(name, types[name]), values)
    sink = pa.BufferOutputStream()
    pq.write_table(table.combine_chunks(), sink, compression=loaded.compression or "snappy")
    return sink.getvalue().to_pybytes()


def _is_string_type(pa, kind) -> bool:
    return pa.types.is_string(kind) or pa.types.is_large_string(kind) or getattr(pa.types, "is_string_view", lambda _: False)(kind)


def _detail_types(pa) -> dict:
    integer, text = pa.int64(), pa.string()
    change = pa.struct([("step", text), ("block", integer), ("offset", integer), ("before", text), ("after", text), ("note", text)])
    finding = pa.struct([("kind", text), ("block", integer), ("offset", integer), ("context", text)])
    return {"paperclean_changes": pa.list_(change), "paperclean_findings": pa.list_(finding), "paperclean_metadata": text}


# --- the workers: cleaning a piece ----------------------------------------------


def _clean_piece(piece: Piece) -> PieceResult:
    """Clean the records of `piece` and serialize them; never raises for a
    record (a record that fails becomes an error entry)."""
    cleaner = {"jsonl": _clean_jsonl, "parquet": _clean_parquet, "text": _clean_texts}[piece.fmt]
    result = PieceResult(piece.shard, piece.number, None, [], 0, 0, piece.size)
    result.output = cleaner(piece, result)
    return result


def _clean_jsonl(piece: Piece, result: PieceResult) -> bytes:
    options = piece.options
    lines = []
    for offset, line in enumerate(piece.items):
        if not line.strip():
            continue
        result.records += 1
        index, record = piece.start + offset, None
        try:
            try:
                record = json.loads(line.decode("utf-8"))
            except UnicodeDecodeError as error:
                raise _RecordError(f"not UTF-8: {error.reason} at byte {error.start}") from None
            except ValueError as error:
                raise _RecordError(f"invalid JSON: {error}") from None
            if not isinstance(record, dict):
                raise _RecordError(f"not a JSON object but {_json_type(record)}")
            cleaned, details = _clean_text_field(record, options)
        except _RecordError as error:
            result.errors.append(_error(piece.shard_output, index, record, options, str(error)))
            continue
        result.changed += cleaned != record[options.text_field]
        record[options.text_field] = cleaned
        if details is not None:
            record.update(details)
        lines.append(_json_line(record))
    return b"".join(lines)


def _clean_parquet(piece: Piece, result: PieceResult) -> list:
    options = piece.options
    rows = []
    for offset, record in enumerate(piece.items):
        result.records += 1
        try:
            cleaned, details = _clean_text_field(record, options)
        except _RecordError as error:
            result.errors.append(_error(piece.shard_output, piece.start + offset, record, options, str(error)))
            rows.append(None)
            continue
        result.changed += cleaned != record[options.text_field]
        if details is not None:
            details = tuple(details[name] for name in DETAIL_FIELDS)
            details = details[:2] + (json.dumps(details[2], ensure_ascii=False),)
        rows.append((cleaned, details))
    return rows


def _clean_texts(piece: Piece, result: PieceResult) -> list:
    options = piece.options
    files = []
    for offset, (path, data) in enumerate(piece.items):
        result.records += 1
        try:
            try:
                text = decode_bytes(data).text
            except InputError as error:
                raise _RecordError(str(error)) from None
            cleaned, details = _clean_value(text, options)
        except _RecordError as error:
            result.errors.append({"shard": path, "index": piece.start + offset, "id": path, "reason": str(error)})
            continue
        result.changed += cleaned != text
        sidecar = _json_line({"id": path, **details}) if details is not None else None
        files.append((path, cleaned.encode("utf-8", "surrogatepass"), sidecar))
    return files


class _RecordError(Exception):
    """Why one record cannot be cleaned (one line)."""


def _clean_text_field(record: dict, options: Options) -> tuple[str, dict | None]:
    if options.text_field not in record:
        raise _RecordError(f"no field {options.text_field!r}")
    text = record[options.text_field]
    if not isinstance(text, str):
        raise _RecordError(f"field {options.text_field!r} is {_json_type(text)}, not a string")
    return _clean_value(text, options)


def _clean_value(text: str, options: Options) -> tuple[str, dict | None]:
    """The cleaned text and, with details, the detail fields."""
    try:
        if not options.with_details:
            return clean(text, config=options.config), None
        explanation = clean_and_explain(text, config=options.config)
    except Exception as error:  # a bug in a step: this record fails, the others go on
        raise _RecordError(f"internal error, please report it: {type(error).__name__}: {error}") from None
    details = {
        "paperclean_changes": [asdict(change) for change in explanation.changes],
        "paperclean_findings": [asdict(finding) for finding in explanation.findings],
        "paperclean_metadata": jsonable(explanation.metadata),
    }
    return explanation.text, details


def _error(shard: str, index: int, record, options: Options, reason: str) -> dict:
    ident = record.get(options.id_field) if isinstance(record, dict) else None
    return {"shard": shard, "index": index, "id": jsonable(ident), "reason": reason}


def _json_type(value) -> str:
    if value is None:
        return "null"
    names = {bool: "a boolean", int: "a number", float: "a number", list: "an array", dict: "an object", str: "a string"}
    return names.get(type(value), f"a {type(value).__name__}")


def _json_line(value) -> bytes:
    """`value` as one compact JSON line, UTF-8; a string holding a lone
    surrogate (which JSON can carry as an escape) is written with escapes
    rather than failing."""
    try:
        return (json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(value, separators=(",", ":")) + "\n").encode("ascii")


# --- the engines ----------------------------------------------------------------


def _available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _run_local(loads: Iterable[list[Piece]], workers: int, accept: Callable[[PieceResult], None]) -> None:
    """Clean the pieces on a pool of `workers` processes (in this process
    when one is enough), keeping a few pieces queued per worker."""
    if workers <= 1:
        for pieces in loads:
            for piece in pieces:
                accept(_clean_piece(piece))
        return
    import multiprocessing

    # fork where it is safe (Linux): workers start at once, without importing
    # the caller's __main__ again; elsewhere the platform's default (spawn)
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_ignore_interrupts)
    queued: set = set()
    try:
        for started in [pool.submit(os.getpid) for _ in range(workers)]:  # all forked before a shard is read
            started.result()
        for pieces in loads:
            for piece in pieces:
                while len(queued) >= workers * QUEUED_PER_WORKER:
                    done, queued = wait(queued, return_when=FIRST_COMPLETED)
                    for future in done:
                        accept(future.result())
                queued.add(pool.submit(_clean_piece, piece))
        while queued:
            done, queued = wait(queued, return_when=FIRST_COMPLETED)
            for future in done:
                accept(future.result())
    except BrokenProcessPool as error:
        raise CorpusError("worker", f"a worker process died ({error}); complete shards are kept, run again to resume") from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _ignore_interrupts() -> None:
    """In workers: Ctrl-C is the driver's to handle."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _ray_running() -> bool:
    ray = sys.modules.get("ray")
    return bool(ray is not None and getattr(ray, "is_initialized", lambda: False)())


def _run_ray(loads: Iterable[list[Piece]], workers: int | None, address: str | None, accept) -> int | None:
    """Clean the pieces with Ray Data: ``map_batches`` over blocks of one
    piece each, a window of pieces at a time.  Uses the Ray this process
    already runs, or starts one (local with `workers` CPUs, or connected to
    `address`) and stops it at the end.  Returns the number of CPUs used."""
    try:
        import ray
        import ray.data
    except ImportError:
        raise CorpusError("--engine ray", "Ray is not installed: pip install 'paperclean[ray]'") from None
    import logging
    import pickle

    started = False
    if not ray.is_initialized():
        settings = {"address": address} if address else {"num_cpus": workers or _available_cores(), "include_dashboard": False}
        try:
            ray.init(**settings, log_to_driver=False, logging_level=logging.WARNING)
        except (ConnectionError, ValueError, RuntimeError) as error:
            raise CorpusError(address or "ray", f"cannot start or reach Ray: {error}") from None
        started = True
    # Ray Data's info lines and progress bars (and its notice that they are
    # off) give way to our own bar and summary for the run
    quieted = {"ray.data": logging.WARNING, "ray.data._internal.progress": logging.ERROR}
    levels = {name: logging.getLogger(name).level for name in quieted}
    for name, level in quieted.items():
        logging.getLogger(name).setLevel(level)
    context = ray.data.DataContext.get_current()
    progress_bars, context.enable_progress_bars = context.enable_progress_bars, False
    try:  # Ray >= 2.51 deprecates `concurrency` for `compute`
        limit = {"compute": ray.data.TaskPoolStrategy(size=workers)}
    except (AttributeError, TypeError):
        limit = {"concurrency": workers}
    cpus = int(ray.cluster_resources().get("CPU", 0)) or None
    try:
        for window in _windows(loads, RAY_WINDOW_BYTES):
            items = [{"piece": pickle.dumps(piece, protocol=pickle.HIGHEST_PROTOCOL)} for piece in window]
            dataset = ray.data.from_items(items, override_num_blocks=len(items))
            cleaned = dataset.map_batches(_ray_clean_batch, batch_size=1, batch_format="pyarrow", num_cpus=1, **limit)
            for row in cleaned.iter_rows():
                accept(pickle.loads(row["result"]))
    finally:
        context.enable_progress_bars = progress_bars
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)
        if started:
            ray.shutdown()
    return min(workers, cpus) if workers and cpus else workers or cpus


def _windows(loads: Iterable[list[Piece]], limit: int) -> Iterator[list[Piece]]:
    window: list[Piece] = []
    used = 0
    for pieces in loads:
        for piece in pieces:
            window.append(piece)
            used += piece.size
            if used >= limit:
                yield window
                window, used = [], 0
    if window:
        yield window


def _ray_clean_batch(batch):
    """The Ray Data task: each row holds a pickled piece; the same
    :func:`_clean_piece` as the local engine cleans it."""
    import pickle

    import pyarrow

    results = [
        pickle.dumps(_clean_piece(pickle.loads(data)), protocol=pickle.HIGHEST_PROTOCOL)
        for data in batch.column("piece").to_pylist()
    ]
    return pyarrow.table({"result": pyarrow.array(results, type=pyarrow.large_binary())})


# --- progress -------------------------------------------------------------------


def _progress_bar(total: int):
    """A tqdm bar on stderr (bytes, MB/s, records), only on a terminal."""
    try:
        if not sys.stderr.isatty():
            return None
    except (AttributeError, ValueError, OSError):
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="B", unit_scale=True, file=sys.stderr, mininterval=0.5,
                bar_format="{percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt}{postfix} [{elapsed}<{remaining}, {rate_fmt}]")


def _advance(bar, result: PieceResult, summary: Summary) -> None:
    bar.set_postfix_str(f"{summary.records:,} records, {summary.failed:,} failed", refresh=False)
    bar.update(result.size)


# --- the command line -------------------------------------------------------------


def main_corpus(argv: list[str]) -> int:
    """``paperclean corpus IN OUT [--engine local|ray] [--workers N]
    [--text-field F] [--id-field F] [--with-details] [--ray-address ADDR]
    [--quiet]`` and the configuration options of ``paperclean``.

    Cleans the corpus at IN into OUT (see :func:`clean_corpus`), with a
    progress bar on a terminal and a summary line at the end on stderr.
    Returns 0; 2 for a bad option or path (one line ``paperclean: error:
    <path>: <reason>`` on stderr) or when some records failed (listed in
    ``OUT/_errors.jsonl``); 130 after Ctrl-C (complete shards are kept: run
    the same command again to finish).

    >>> main_corpus(["/no/such/corpus", "/tmp/out"])
    2
    """
    from .cli import UsageError, _add_config_options, find_settings, make_config

    parser = _Parser(prog="paperclean corpus", description="Clean a corpus (a folder of .txt files, JSONL or Parquet) into OUT.")
    parser.add_argument("source", metavar="IN", help="a .jsonl or .parquet file, or a folder of them or of .txt files")
    parser.add_argument("output", metavar="OUT", help="the folder that gets the cleaned corpus, in the same layout")
    parser.add_argument("--engine", choices=("local", "ray"), default="local",
                        help="local: a process pool on this machine (default); ray: Ray Data")
    parser.add_argument("--workers", type=int, metavar="N", help="processes (local) or Ray CPUs (default: all cores)")
    parser.add_argument("--text-field", default="text", metavar="F", help="the field or column holding the text (default: text)")
    parser.add_argument("--id-field", default="id", metavar="F", help="the field or column holding the id (default: id)")
    parser.add_argument("--with-details", action="store_true",
                        help="add paperclean_changes, paperclean_findings and paperclean_metadata to each record")
    parser.add_argument("--ray-address", metavar="ADDR", help="the Ray cluster to use (with --engine ray); default: a local Ray")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    _add_config_options(parser)
    try:
        args = parser.parse_intermixed_args(argv)
        if args.workers is not None and args.workers < 1:
            raise UsageError("--workers must be at least 1")
        if args.ray_address and args.engine != "ray":
            raise UsageError("--ray-address needs --engine ray")
        settings, source = find_settings(args.config)
        config = make_config(settings, source, args)
    except SystemExit as exit_:  # --help
        return int(exit_.code or 0)
    except (UsageError, _ParserError) as error:
        print(f"paperclean: error: {' '.join(str(error).split())}", file=sys.stderr)
        return 2
    try:
        summary = clean_corpus(
            args.source,
            args.output,
            config=config,
            engine=args.engine,
            workers=args.workers,
            text_field=args.text_field,
            id_field=args.id_field,
            with_details=args.with_details,
            ray_address=args.ray_address,
            progress=not args.quiet,
        )
    except CorpusError as error:
        print(f"paperclean: error: {error.path}: {' '.join(error.reason.split())}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("paperclean: interrupted; complete shards are kept, run the same command to finish", file=sys.stderr)
        return 130
    if not args.quiet:
        if summary.ignored_files:
            print(f"paperclean: warning: {args.source}: {summary.ignored_files} file(s) of other types ignored", file=sys.stderr)
        print(f"paperclean: {summary}", file=sys.stderr)
    if summary.failed:
        print(f"paperclean: error: {summary.errors_file}: {summary.failed} record(s) could not be cleaned", file=sys.stderr)
        return 2
    return 0


class _ParserError(Exception):
    """A bad command line (one line)."""


class _Parser(argparse.ArgumentParser):
    """Errors raised as one line instead of printed with the usage."""

    def error(self, message: str):
        raise _ParserError(f"{message} (see '{self.prog} --help')")
