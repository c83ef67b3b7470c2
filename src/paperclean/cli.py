"""The command line: ``paperclean [PATH ...]``, ``paperclean explain FILE``,
``paperclean issue PAGE ...``.

Exit codes follow black and ruff: 0 when nothing would change (or the files
were cleaned), 1 when ``--check`` or ``--diff`` finds a file that would change,
2 for bad options, bad configuration, or input that cannot be read (one line on
stderr, ``paperclean: error: <path>: <reason>``; the other files are still
processed).
"""

from __future__ import annotations

import argparse
import difflib
import fnmatch
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, fields
from typing import Iterator

from . import __version__, clean, clean_and_explain
from .fileio import InputError, decode_bytes, encode_text, read_text, write_atomic
from .pipeline import STEPS, Config

JSON_SCHEMA_VERSION = 1
PROGRESS_MIN_FILES = 20
_CONFIG_KEYS = {"skip", "only", "include", "exclude"}


class UsageError(Exception):
    """Bad options or configuration (exit 2)."""


@dataclass(frozen=True)
class Job:
    """What to do with one file; plain data so that it crosses process pools."""

    path: str  # "-" for standard input
    config: Config
    encoding: str | None
    output_encoding: str | None
    mode: str  # "print", "in-place", "check", "diff", "output"
    output: str | None
    backup: str | None
    fmt: str


@dataclass
class Outcome:
    path: str
    changed: bool = False
    error: str | None = None
    stdout: str = ""
    nbytes: int = 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="paperclean",
        description="Repair text extracted from Chinese newspaper pages. "
        "Subcommands: 'paperclean explain FILE', 'paperclean issue PAGE ...'.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or directories; none or '-' reads stdin")
    parser.add_argument("-o", "--output", metavar="OUT", help="write here (a directory when there are several inputs)")
    parser.add_argument("--in-place", action="store_true", help="rewrite the files that change, atomically")
    parser.add_argument("--backup", metavar="SUFFIX", help="with --in-place, keep the original as FILE+SUFFIX")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if any file would change")
    parser.add_argument("--diff", action="store_true", help="print a unified diff; exit 1 if any file would change")
    parser.add_argument("--include", action="append", metavar="GLOB", help="files to take in directories (default *.txt)")
    parser.add_argument("--exclude", action="append", metavar="GLOB", help="files and directories to leave out")
    parser.add_argument("--encoding", help="read input in this encoding instead of detecting it")
    parser.add_argument("--output-encoding", help="write in this encoding (default: the input's)")
    parser.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="process files in N processes")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    parser.add_argument("--format", choices=["text", "json", "jsonl"], default="text", dest="fmt")
    parser.add_argument("--skip", action="append", default=[], metavar="STEP", help="leave out a step")
    parser.add_argument("--only", action="append", default=[], metavar="STEP", help="run only these steps")
    parser.add_argument("--keep-furniture", action="store_true", help="keep page furniture and jump lines in the text")
    parser.add_argument("--list-steps", action="store_true", help="list the steps in order and exit")
    parser.add_argument("--version", action="version", version=f"paperclean {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line with `argv` (default: ``sys.argv[1:]``); return
    the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["issue"]:
        from .issue import main_issue

        return main_issue(argv[1:])
    if argv[:1] == ["explain"]:
        return _explain(argv[1:])
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if args.list_steps:
        defaults = Config()
        for step in STEPS:
            state = "on" if defaults.enabled(step.name) else "off"
            print(f"{step.name:28} {state:3}  {_first_line(step.func.__doc__)}")
        return 0
    try:
        jobs = _plan(args)
    except UsageError as error:
        print(f"paperclean: error: {error}", file=sys.stderr)
        return 2
    try:
        return _run_jobs(jobs, args)
    except BrokenPipeError:  # e.g. piped into `head`: not an error of ours
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("paperclean: interrupted", file=sys.stderr)
        return 130


def _first_line(doc: str | None) -> str:
    return (doc or "").strip().split("\n")[0]


def _plan(args) -> list[Job]:
    settings = _load_settings()
    skip = list(settings.get("skip", [])) + args.skip
    only = args.only or list(settings.get("only", []))
    include = args.include or list(settings.get("include", ["*.txt"]))
    exclude = (args.exclude or []) + list(settings.get("exclude", []))
    options = {key: value for key, value in settings.items() if key not in _CONFIG_KEYS}
    names = {step.name for step in STEPS}
    for name in skip + only:
        if name not in names:
            raise UsageError(f"unknown step {name!r} (see --list-steps)")
    for name in only:
        if name in skip:
            raise UsageError(f"step {name!r} is both skipped and the only one")
    if only:
        options.update({name: name in only for name in names})
    options.update({name: False for name in skip})
    if args.keep_furniture:
        options["keep_furniture"] = True
    try:
        config = Config(**options)
    except TypeError:
        known = {f.name for f in fields(Config)} | _CONFIG_KEYS
        bad = sorted(set(options) - known)
        raise UsageError(f"configuration: unknown option {', '.join(bad)}") from None
    modes = [name for name in ("in_place", "check", "diff") if getattr(args, name)]
    if len(modes) > 1:
        raise UsageError("choose one of --in-place, --check, --diff")
    if args.backup and not args.in_place:
        raise UsageError("--backup needs --in-place")
    if args.jobs < 1:
        raise UsageError("-j must be at least 1")
    paths = args.paths or ["-"]
    if "-" in paths and (args.in_place or len(paths) > 1):
        raise UsageError("stdin ('-') cannot be combined with --in-place or other paths")
    files = list(_expand(paths, include, exclude))
    if args.output and len(files) > 1 and os.path.isfile(args.output):
        raise UsageError(f"{args.output}: several inputs need an output directory")
    mode = "in-place" if args.in_place else "check" if args.check else "diff" if args.diff else (
        "output" if args.output else "print"
    )
    return [
        Job(
            path=path,
            config=config,
            encoding=args.encoding,
            output_encoding=args.output_encoding,
            mode=mode,
            output=_output_path(args.output, path, base, len(files)) if args.output else None,
            backup=args.backup,
            fmt=args.fmt,
        )
        for path, base in files
    ]


def _output_path(output: str, path: str, base: str | None, count: int) -> str:
    if count == 1 and not os.path.isdir(output):
        return output
    relative = os.path.relpath(path, base) if base else os.path.basename(path)
    return os.path.join(output, relative)


def _expand(paths: list[str], include: list[str], exclude: list[str]) -> Iterator[tuple[str, str | None]]:
    """Files to process, with the directory they were found under."""
    for path in paths:
        if path != "-" and os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not _matches(d, exclude) and not d.startswith("."))
                for name in sorted(names):
                    if _matches(name, include) and not _matches(name, exclude):
                        yield os.path.join(root, name), path
        else:
            yield path, None


def _matches(name: str, globs: list[str]) -> bool:
    return any(fnmatch.fnmatch(name, glob) for glob in globs)


def _load_settings() -> dict:
    """``[tool.paperclean]`` of the nearest pyproject.toml, or the nearest
    paperclean.toml, looking upward from the working directory."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    directory = os.getcwd()
    while True:
        for name in ("paperclean.toml", "pyproject.toml"):
            candidate = os.path.join(directory, name)
            if not os.path.isfile(candidate):
                continue
            try:
                with open(candidate, "rb") as handle:
                    data = tomllib.load(handle)
            except (OSError, tomllib.TOMLDecodeError) as error:
                raise UsageError(f"{candidate}: bad configuration: {error}") from None
            if name == "pyproject.toml":
                data = data.get("tool", {}).get("paperclean")
                if data is None:
                    continue
            if not isinstance(data, dict):
                raise UsageError(f"{candidate}: bad configuration: not a table")
            return data
        parent = os.path.dirname(directory)
        if parent == directory:
            return {}
        directory = parent


def _run_jobs(jobs: list[Job], args) -> int:
    progress = None
    if not args.quiet and len(jobs) >= PROGRESS_MIN_FILES and sys.stderr.isatty():
        from tqdm import tqdm

        progress = tqdm(total=len(jobs), unit="file", file=sys.stderr)
    if args.jobs > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            outcomes = pool.map(process, jobs, chunksize=max(1, len(jobs) // (args.jobs * 8)))
            records = _report(outcomes, args, progress)
    else:
        records = _report(map(process, jobs), args, progress)
    errors, changed = records
    if progress is not None:
        progress.close()
    if errors:
        return 2
    if changed and args.check or changed and args.diff:
        return 1
    return 0


def _report(outcomes, args, progress) -> tuple[int, int]:
    errors = changed = 0
    json_records = []
    for outcome in outcomes:
        if progress is not None:
            progress.update(1)
        if outcome.error:
            errors += 1
            print(f"paperclean: error: {outcome.path}: {outcome.error}", file=sys.stderr)
            continue
        changed += outcome.changed
        if args.fmt == "json":
            json_records.append(outcome.stdout)
        elif outcome.stdout:
            sys.stdout.write(outcome.stdout)
        if args.check and outcome.changed and not args.quiet:
            print(f"would clean {outcome.path}", file=sys.stderr)
    if args.fmt == "json":
        records = [json.loads(record) for record in json_records]
        json.dump({"schema_version": JSON_SCHEMA_VERSION, "files": records}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    if not args.quiet and (args.check or args.in_place):
        verb = "would be cleaned" if args.check else "cleaned"
        print(f"{changed} file(s) {verb}, {errors} error(s)", file=sys.stderr)
    return errors, changed


def process(job: Job) -> Outcome:
    """Read, clean and write one file; never raises for a user's mistake."""
    outcome = Outcome(job.path)
    try:
        if job.path == "-":
            decoded = decode_bytes(sys.stdin.buffer.read(), job.encoding)
        else:
            decoded = read_text(job.path, job.encoding)
        outcome.nbytes = len(decoded.text)
        if job.fmt == "text":
            cleaned = clean(decoded.text, config=job.config)
            record = None
        else:
            explanation = clean_and_explain(decoded.text, config=job.config)
            cleaned = explanation.text
            record = _json_record(job.path, decoded.encoding, decoded.text, explanation)
        outcome.changed = cleaned != decoded.text
        encoding = job.output_encoding or decoded.encoding
        if job.mode == "in-place":
            if outcome.changed or job.output_encoding and job.output_encoding != decoded.encoding:
                write_atomic(job.path, encode_text(cleaned, encoding), job.backup)
        elif job.mode == "output":
            os.makedirs(os.path.dirname(os.path.abspath(job.output)), exist_ok=True)
            write_atomic(job.output, encode_text(cleaned, job.output_encoding or "utf-8"))
        elif job.mode == "diff" and outcome.changed:
            outcome.stdout = "".join(
                difflib.unified_diff(
                    decoded.text.splitlines(keepends=True),
                    cleaned.splitlines(keepends=True),
                    fromfile=job.path,
                    tofile=job.path,
                )
            )
        elif job.mode == "print":
            outcome.stdout = cleaned
        if record is not None and job.mode in ("print", "output", "in-place", "check"):
            outcome.stdout = json.dumps(record, ensure_ascii=False) + "\n"
    except InputError as error:
        outcome.error = str(error)
    except OSError as error:
        outcome.error = error.strerror or str(error)
    return outcome


def _json_record(path: str, encoding: str, original: str, explanation) -> dict:
    return {
        "schema_version": JSON_SCHEMA_VERSION,
        "path": path,
        "encoding": encoding,
        "changed": explanation.text != original,
        "text": explanation.text,
        "changes": [asdict(change) for change in explanation.changes],
        "findings": [asdict(finding) for finding in explanation.findings],
        "metadata": explanation.metadata,
    }


def _explain(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="paperclean explain", description="Show what each step changes in FILE.")
    parser.add_argument("file")
    parser.add_argument("--encoding")
    parser.add_argument("--limit", type=int, default=5, help="examples shown per step")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        decoded = read_text(args.file, args.encoding) if args.file != "-" else decode_bytes(sys.stdin.buffer.read())
    except InputError as error:
        print(f"paperclean: error: {args.file}: {error}", file=sys.stderr)
        return 2
    explanation = clean_and_explain(decoded.text)
    by_step: dict[str, list] = {}
    for change in explanation.changes:
        by_step.setdefault(change.step, []).append(change)
    print(f"{args.file}: {len(explanation.changes)} change(s), {len(explanation.findings)} finding(s)")
    for step in STEPS:
        changes = by_step.get(step.name, [])
        if not changes:
            continue
        print(f"\n{step.name}: {len(changes)} change(s)")
        for change in changes[: args.limit]:
            note = f"  ({change.note})" if change.note else ""
            print(f"  block {change.block} at {change.offset}: {_show(change.before)} -> {_show(change.after)}{note}")
        if len(changes) > args.limit:
            print(f"  ... and {len(changes) - args.limit} more")
    if explanation.findings:
        print("\nfindings:")
        for finding in explanation.findings:
            print(f"  {finding.kind} in block {finding.block} at {finding.offset}: {_show(finding.context)}")
    if explanation.metadata:
        print("\nmetadata:")
        for key, value in explanation.metadata.items():
            print(f"  {key}: {json.dumps(value, ensure_ascii=False)[:200]}")
    return 0


def _show(text: str, width: int = 40) -> str:
    text = text if len(text) <= width else text[: width - 1] + "…"
    return repr(text)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
