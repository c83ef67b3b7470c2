"""The command line: ``paperclean [PATH ...]``, ``paperclean explain FILE``,
and the subcommands ``paperclean issue PAGE ...`` (:mod:`paperclean.issue`)
and ``paperclean corpus IN OUT`` (:mod:`paperclean.corpus`).

What it does
------------
``paperclean [PATH ...]`` cleans files and directories (recursively, taking
the files that match ``--include``, default ``*.txt``, and not ``--exclude``;
hidden files and directories are skipped; a file named on the command line is
always taken).  With no path, or ``-``, it reads standard input.  By default
the cleaned text goes to standard output (UTF-8, or ``--output-encoding``);
``-o OUT`` writes it to a file (one input) or under a directory (several
inputs, or a directory: the tree below each directory given is mirrored).

``--in-place`` rewrites a file only when its text changed, atomically (see
:mod:`paperclean.fileio`), keeping its permissions and its encoding (BOM
included) unless ``--output-encoding`` says otherwise; ``--backup SUFFIX``
keeps the original beside it.  ``--check`` writes nothing and lists the files
that would change; ``--diff`` prints a unified diff of them.

Exit codes follow black and ruff: 0 when nothing would change (or the files
were cleaned), 1 when ``--check`` or ``--diff`` finds a file that would
change, 2 for bad options, bad configuration, or input that cannot be read,
decoded or written (one line on stderr, ``paperclean: error: <path>:
<reason>``, no traceback; the other files are still processed, and 2 wins
over 1).  130 after Ctrl-C; 141 when standard output is closed early (``|
head``), silently, as ``cat`` would.

Configuration: ``[tool.paperclean]`` in ``pyproject.toml``, or the top level
of ``paperclean.toml``, whichever is found first looking upward from the
working directory (``paperclean.toml`` first within one directory; a
``pyproject.toml`` without the table is passed over), or the file given with
``--config``.  Keys: ``skip``, ``only`` (lists of step names), ``include``,
``exclude`` (lists of globs) and any :class:`~paperclean.pipeline.Config`
option (``keep_furniture = true``, ``convert_script = true``,
``script_conversion = "s2t"``; ``-`` and ``_`` are interchangeable in keys).
Command-line flags win: ``--only``, ``--include`` and ``--exclude`` replace the
configured lists, ``--skip`` and ``--enable`` switch steps on top of them,
``--set NAME=VALUE`` sets any option.

JSON output, schema version 1
-----------------------------
``--format jsonl`` writes one JSON object per input file and per line, in
input order, as each file is done; ``--format json`` writes one object
``{"schema_version": 1, "files": [...]}`` holding the same objects, at the
end.  Output is UTF-8.  The mode flags keep their meaning (``--in-place``
still writes, ``--check`` still exits 1); ``--diff`` cannot be combined with
them.  One object per file:

``schema_version``
    ``1``.  Raised only when a field changes meaning or goes away; fields may
    be added within a version.
``path``
    the path as given or found under a directory; ``"-"`` for standard input.
``encoding``, ``bom``
    the input's encoding as a Python codec name (``"utf-8"``,
    ``"utf-16-le"``, ``"gb18030"``, ``"big5"``...) and whether it began with
    a byte order mark.
``changed``
    whether the cleaned text differs from the input text.
``text``
    the cleaned text.
``changes``
    every edit, in the order made: ``{"step", "block", "offset", "before",
    "after", "note"}`` -- the step's name (as in ``--list-steps``), the index
    of the block when the step ran, the character offset in that block's
    text before the step, the text replaced and its replacement, and a note
    saying why (``""`` when the text says it all).
``findings``
    what is flagged but not changed: ``{"kind", "block", "offset",
    "context"}``.
``metadata``
    an object with what the steps report beside the text (continuations
    from jump lines, page furniture...); each key is documented by the step
    that writes it.

A file that cannot be read, decoded or written gives
``{"schema_version": 1, "path": ..., "error": "<reason>"}`` instead (and the
same line on stderr, and exit code 2).
"""

from __future__ import annotations

import argparse
import difflib
import fnmatch
import json
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, fields

from . import __version__, clean, clean_and_explain, sample_text
from .document import jsonable
from .fileio import Decoded, InputError, codec_name, decode_bytes, encode_text, read_text, write_atomic
from .pipeline import STEPS, Config

JSON_SCHEMA_VERSION = 1
#: The progress bar appears from this many files on (and only on a terminal).
PROGRESS_MIN_FILES = 20
DEFAULT_INCLUDE = ("*.txt",)
#: The path shown for ``--sample``.
SAMPLE = "<sample>"
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141
#: Configuration keys that are not Config options.
_LIST_SETTINGS = ("skip", "only", "include", "exclude")
_OPTION_FIELDS = {f.name: f for f in fields(Config)}
_STEP_NAMES = [step.name for step in STEPS]
#: ``paperclean NAME ...`` is handed to ``paperclean.MODULE.FUNCTION(argv)``
#: (a file named like a subcommand is reached as ``./NAME``).
SUBCOMMANDS = {"issue": ("issue", "main_issue"), "corpus": ("corpus", "main_corpus")}


class UsageError(Exception):
    """Bad options or configuration (exit 2); the message is one line."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit code 2, raised
    rather than printed so that :func:`main` returns instead of exiting."""

    def error(self, message: str):
        raise UsageError(f"{message} (see '{self.prog} --help')")


@dataclass(frozen=True)
class Job:
    """What to do with one file; plain data so that it crosses process pools."""

    path: str  # "-" for standard input
    config: Config
    mode: str  # "print", "output", "in-place", "check", "diff"
    fmt: str = "text"  # "text", "json", "jsonl"
    encoding: str | None = None
    output_encoding: str | None = None
    output: str | None = None
    backup: str | None = None
    error: str | None = None  # known before reading (e.g. an unreadable directory)


@dataclass
class Outcome:
    """What became of one job: `changed` (the text would change), `rewritten`
    (the file was rewritten in place), bytes for standard output, the JSON
    record, or the error."""

    path: str
    changed: bool = False
    rewritten: bool = False
    error: str | None = None
    stdout: bytes = b""
    record: dict | None = None


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``paperclean [PATH ...]``."""
    parser = _Parser(
        prog="paperclean",
        description="Repair text extracted from Chinese newspaper pages. "
        "Other commands: 'paperclean explain FILE', 'paperclean issue PAGE ...', 'paperclean corpus IN OUT' "
        "(each with --help).",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or directories; none or '-' reads stdin")
    parser.add_argument("--sample", action="store_true",
                        help="take the bundled sample page (a real extracted page) as the input")
    mode = parser.add_argument_group("what to do (default: print the cleaned text)")
    mode.add_argument("-o", "--output", metavar="OUT", help="write to OUT (a directory when there are several inputs)")
    mode.add_argument("-i", "--in-place", action="store_true", help="rewrite the files that change, atomically")
    mode.add_argument("--backup", metavar="SUFFIX", help="with --in-place, keep the original as FILE+SUFFIX")
    mode.add_argument("--check", action="store_true", help="write nothing; list the files that would change, exit 1 if any")
    mode.add_argument("--diff", action="store_true", help="write nothing; print a unified diff, exit 1 if any change")
    mode.add_argument("--format", choices=["text", "json", "jsonl"], default="text", dest="fmt",
                      help="json/jsonl: per file the text, changes, findings and metadata (schema: pydoc paperclean.cli)")
    files = parser.add_argument_group("files")
    files.add_argument("--include", action="append", metavar="GLOB", help="files to take in directories (default *.txt)")
    files.add_argument("--exclude", action="append", metavar="GLOB", help="files and directories to leave out")
    files.add_argument("--encoding", help="read input in this encoding instead of detecting it")
    files.add_argument("--output-encoding", metavar="ENCODING",
                       help="write in this encoding (default: the input's with --in-place, else UTF-8)")
    files.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="N processes (0: one per CPU)")
    files.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no list, no summary; errors only")
    _add_config_options(parser)
    parser.add_argument("--list-steps", action="store_true", help="list the steps in order, on or off, and exit")
    parser.add_argument("--version", action="version", version=f"paperclean {__version__}")
    return parser


def _add_config_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("steps and options (flags win over the configuration file)")
    group.add_argument("--skip", action="append", default=[], metavar="STEP", help="leave out a step")
    group.add_argument("--only", action="append", default=[], metavar="STEP", help="run only these steps")
    group.add_argument("--enable", action="append", default=[], metavar="STEP", help="switch on a step that is off by default")
    group.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", dest="settings",
                       help="set any option of paperclean.Config")
    group.add_argument("--keep-furniture", action="store_true", help="keep page furniture and jump lines in the text")
    group.add_argument("--config", metavar="FILE", help="read this configuration file instead of searching for one")


def main(argv: list[str] | None = None) -> int:
    """Run the command line with `argv` (default: ``sys.argv[1:]``) and
    return the exit code; never exits, never shows a traceback for a user's
    mistake.

    >>> main(["--version"])  # doctest: +ELLIPSIS
    paperclean ...
    0
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv[:1] and argv[0] in SUBCOMMANDS:
            return _subcommand(argv[0], argv[1:])
        if argv[:1] == ["explain"]:
            return _explain(argv[1:])
        return _clean_files(argv)
    except UsageError as error:
        _say(f"paperclean: error: {_one_line(str(error))}")
        return 2
    except BrokenPipeError:  # piped into `head`: not an error of ours
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        _say("paperclean: interrupted")
        return EXIT_INTERRUPTED


def _clean_files(argv: list[str]) -> int:
    parser = build_parser()
    try:
        args = parser.parse_intermixed_args(argv)
    except SystemExit as exit_:  # --help, --version
        return int(exit_.code or 0)
    settings, source = find_settings(args.config)
    config = make_config(settings, source, args)
    if args.list_steps:
        for step in STEPS:
            state = "on" if config.enabled(step.name) else "off"
            print(f"{step.name:28} {state:3}  {_first_line(step.func.__doc__)}")
        return 0
    jobs = _plan(args, settings, config)
    if not jobs:
        if not args.quiet:
            _say("paperclean: no files to clean (see --include)")
        return 0
    if jobs[0].path == "-" and not args.quiet and _isatty(sys.stdin):
        _say("paperclean: reading standard input (end it with Ctrl-D; see --help)")
    return _run_jobs(jobs, args)


def _first_line(doc: str | None) -> str:
    return (doc or "").strip().split("\n")[0]


def _one_line(text: str) -> str:
    return " ".join(text.split("\n")).strip()


def _plan(args, settings: dict, config: Config) -> list[Job]:
    """The jobs, one per file, after checking the options."""
    modes = [flag for flag, given in (("--in-place", args.in_place), ("--check", args.check),
                                       ("--diff", args.diff), ("-o", args.output)) if given]
    if len(modes) > 1:
        raise UsageError(f"choose one of {', '.join(modes)}")
    if args.backup is not None:
        if not args.in_place:
            raise UsageError("--backup needs --in-place")
        if not args.backup or os.sep in args.backup or "/" in args.backup:
            raise UsageError(f"--backup {args.backup!r}: a suffix such as .orig, not a path")
    if args.diff and args.fmt != "text":
        raise UsageError("--diff prints a diff; it cannot be combined with --format " + args.fmt)
    if args.jobs < 0:
        raise UsageError("-j must be 0 (one per CPU) or more")
    try:
        encoding = codec_name(args.encoding) if args.encoding else None
        output_encoding = codec_name(args.output_encoding) if args.output_encoding else None
    except InputError as error:
        raise UsageError(str(error)) from None
    if args.sample:
        if args.paths or args.in_place:
            raise UsageError("--sample is the input: give no path, and no --in-place")
        files = [(SAMPLE, None, None)]
        outputs = _output_targets(args.output, files) if args.output else [None]
        return [Job(SAMPLE, config, _mode(args), args.fmt, None, output_encoding, outputs[0])]
    paths = args.paths or ["-"]
    if "-" in paths and len(paths) > 1:
        raise UsageError("standard input ('-') cannot be combined with other paths")
    if "-" in paths and args.in_place:
        raise UsageError("standard input ('-') cannot be cleaned --in-place")
    include = list(args.include or settings.get("include") or DEFAULT_INCLUDE)
    exclude = list(args.exclude if args.exclude is not None else settings.get("exclude", []))
    avoid = os.path.realpath(args.output) if args.output else None
    files = expand_paths(paths, include, exclude, avoid)
    outputs = _output_targets(args.output, files) if args.output else [None] * len(files)
    mode = _mode(args)
    return [
        Job(
            path=path,
            config=config,
            mode=mode,
            fmt=args.fmt,
            encoding=encoding,
            output_encoding=output_encoding,
            output=output,
            backup=args.backup,
            error=error,
        )
        for (path, _base, error), output in zip(files, outputs)
    ]


def _mode(args) -> str:
    if args.in_place:
        return "in-place"
    return "check" if args.check else "diff" if args.diff else "output" if args.output else "print"


def _output_targets(output: str, files: list[tuple[str, str | None, str | None]]) -> list[str]:
    """Where ``-o OUT`` puts each file: OUT itself for one file, else the
    file's path below the directory it was found in (its name for a file
    given by name), under OUT."""
    as_directory = (
        os.path.isdir(output)
        or output.endswith(("/", os.sep))
        or len(files) > 1
        or any(base is not None for _, base, _ in files)
    )
    if not as_directory:
        return [output]
    if os.path.exists(output) and not os.path.isdir(output):
        raise UsageError(f"{output}: several inputs need an output directory, not a file")
    targets = []
    seen: dict[str, str] = {}
    for path, base, _ in files:
        if path in ("-", SAMPLE):
            raise UsageError("standard input needs an output file, not a directory")
        target = os.path.join(output, os.path.relpath(path, base) if base else os.path.basename(path))
        key = os.path.normcase(os.path.abspath(target))
        if key in seen:
            raise UsageError(f"{target}: both {seen[key]} and {path} would be written here")
        seen[key] = path
        targets.append(target)
    return targets


def expand_paths(
    paths: list[str], include: list[str], exclude: list[str], avoid: str | None = None
) -> list[tuple[str, str | None, str | None]]:
    """The files to process, in a stable order, as ``(path, base, error)``:
    `base` is the directory the file was found under (``None`` for a path
    given by name), `error` says why a directory could not be read.

    Directories are walked in sorted order; hidden files and directories,
    the directory `avoid` (the output directory) and anything matching an
    `exclude` glob are left out, and only names matching an `include` glob are
    taken.  A glob is matched against the name and against the path relative
    to the directory given (``archive/*``).  A path given by name is always
    taken; a file reached twice is taken once.
    """
    seen: set[str] = set()
    files = []
    for path in paths:
        found = _walk(path, include, exclude, avoid) if path != "-" and os.path.isdir(path) else [(path, None, None)]
        for file, base, error in found:
            key = file if file == "-" else os.path.realpath(file)
            if key not in seen:
                seen.add(key)
                files.append((file, base, error))
    return files


def _walk(root: str, include: list[str], exclude: list[str], avoid: str | None):
    errors: list[OSError] = []
    for directory, dirs, names in os.walk(root, onerror=errors.append):
        for error in errors:
            yield error.filename or directory, None, f"cannot read directory: {error.strerror or error}"
        errors.clear()
        relative = os.path.relpath(directory, root).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        dirs[:] = sorted(
            name
            for name in dirs
            if not name.startswith(".")
            and not _matches(name, prefix + name, exclude)
            and os.path.realpath(os.path.join(directory, name)) != avoid
        )
        for name in sorted(names):
            if name.startswith("."):
                continue
            if _matches(name, prefix + name, include) and not _matches(name, prefix + name, exclude):
                yield os.path.join(directory, name), root, None
    for error in errors:  # the root itself could not be listed
        yield error.filename or root, None, f"cannot read directory: {error.strerror or error}"


def _matches(name: str, relative: str, globs: list[str]) -> bool:
    return any(fnmatch.fnmatch(name, glob) or fnmatch.fnmatch(relative, glob) for glob in globs)


# --- configuration --------------------------------------------------------


def find_settings(config_path: str | None = None) -> tuple[dict, str | None]:
    """The checked settings and the file they came from: the file given, or
    ``[tool.paperclean]`` of the nearest pyproject.toml / the nearest
    paperclean.toml upward from the working directory; ``({}, None)`` if
    there is none."""
    if config_path:
        data = _read_toml(config_path)
        if os.path.basename(config_path) == "pyproject.toml":
            data = data.get("tool", {}).get("paperclean", {})
        return _checked_settings(data, config_path), config_path
    directory = os.getcwd()
    while True:
        for name in ("paperclean.toml", "pyproject.toml"):
            candidate = os.path.join(directory, name)
            if not os.path.isfile(candidate):
                continue
            data = _read_toml(candidate)
            if name == "pyproject.toml":
                tool = data.get("tool", {})
                if not isinstance(tool, dict) or "paperclean" not in tool:
                    continue
                data = tool["paperclean"]
            return _checked_settings(data, candidate), candidate
        parent = os.path.dirname(directory)
        if parent == directory:
            return {}, None
        directory = parent


def _read_toml(path: str) -> dict:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise UsageError(f"{path}: cannot read configuration: {error.strerror or error}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: bad configuration: {error}") from None


def _checked_settings(data, source: str) -> dict:
    """Settings with ``-`` in keys turned to ``_``, every key known and every
    value of the right type; :class:`UsageError` otherwise."""
    if not isinstance(data, dict):
        raise UsageError(f"{source}: bad configuration: [tool.paperclean] must be a table")
    settings = {}
    for key, value in data.items():
        name = key.replace("-", "_")
        try:
            if name in _LIST_SETTINGS:
                if isinstance(value, str):
                    value = [value]
                if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                    raise ValueError(f"{key} must be a list of strings")
                if name in ("skip", "only"):
                    _check_step_names(value)
            elif name in _OPTION_FIELDS:
                value = _checked_option(name, value)
            else:
                raise ValueError(f"unknown option {key!r}")
        except ValueError as error:
            raise UsageError(f"{source}: bad configuration: {error}") from None
        settings[name] = value
    if set(settings.get("skip", [])) & set(settings.get("only", [])):
        raise UsageError(f"{source}: bad configuration: a step is both in skip and in only")
    return settings


def _check_step_names(names: list[str]) -> None:
    for name in names:
        if name not in _STEP_NAMES:
            raise ValueError(f"unknown step {name!r} (see paperclean --list-steps)")


def _checked_option(name: str, value):
    """`value` for the Config option `name`, if it has the option's type."""
    default = _OPTION_FIELDS[name].default
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ValueError(f"{name} must be true or false")
    elif isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{name} must be an integer")
    elif isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"{name} must be a number")
        value = float(value)
    elif isinstance(default, str) and not isinstance(value, str):
        raise ValueError(f"{name} must be a string")
    return value


def _parse_setting(item: str) -> tuple[str, object]:
    """``NAME=VALUE`` from ``--set``, VALUE read by the option's type."""
    name, equals, text = item.partition("=")
    name = name.strip().replace("-", "_")
    if not equals or name not in _OPTION_FIELDS:
        raise UsageError(f"--set {item}: expected NAME=VALUE with NAME an option of paperclean.Config")
    default = _OPTION_FIELDS[name].default
    text = text.strip()
    try:
        if isinstance(default, bool):
            words = {"true": True, "yes": True, "on": True, "1": True, "false": False, "no": False, "off": False, "0": False}
            if text.lower() not in words:
                raise ValueError(f"{name} must be true or false")
            return name, words[text.lower()]
        if isinstance(default, int):
            return name, int(text)
        if isinstance(default, float):
            return name, float(text)
    except ValueError as error:
        message = str(error) if str(error).startswith(name) else f"{name} must be a number"
        raise UsageError(f"--set {item}: {message}") from None
    return name, text


def make_config(settings: dict, source: str | None, args) -> Config:
    """The Config from the settings and the flags, the flags winning:
    ``--only`` replaces the configured ``only`` and ``skip``; ``--enable``
    and ``--skip`` then switch single steps; ``--set`` comes last."""
    options = {name: value for name, value in settings.items() if name not in _LIST_SETTINGS}
    steps = [name for name in _STEP_NAMES if name in _OPTION_FIELDS]
    for flag, names in (("--skip", args.skip), ("--only", args.only), ("--enable", args.enable)):
        try:
            _check_step_names(names)
        except ValueError as error:
            raise UsageError(f"{flag}: {error}") from None
    clash = set(args.skip) & (set(args.only) | set(args.enable))
    if clash:
        raise UsageError(f"step {sorted(clash)[0]!r} is both skipped and asked for")
    only = args.only or settings.get("only", [])
    if only:
        options.update({name: name in only for name in steps})
    if not args.only:
        options.update({name: False for name in settings.get("skip", []) if name in steps})
    options.update({name: True for name in args.enable if name in steps})
    options.update({name: False for name in args.skip if name in steps})
    if args.keep_furniture:
        options["keep_furniture"] = True
    for item in args.settings:
        name, value = _parse_setting(item)
        options[name] = value
    return Config(**options)


# --- running --------------------------------------------------------------


def _run_jobs(jobs: list[Job], args) -> int:
    workers = args.jobs or os.cpu_count() or 1
    progress = _progress_bar(jobs, args)
    try:
        if workers > 1 and len(jobs) > 1:
            with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), initializer=_ignore_interrupts) as pool:
                try:
                    chunk = max(1, min(8, len(jobs) // (workers * 4)))
                    counts = _report(pool.map(process, jobs, chunksize=chunk), jobs, args, progress)
                except BaseException:
                    pool.shutdown(wait=False, cancel_futures=True)  # the running files finish, atomically
                    raise
        else:
            counts = _report(map(process, jobs), jobs, args, progress)
    except BrokenProcessPool as error:
        _say(f"paperclean: error: a worker process died: {error}")
        return 2
    finally:
        if progress is not None:
            progress.close()
    changed, rewritten, errors = counts
    if not args.quiet and jobs[0].mode in ("in-place", "check", "diff"):
        unchanged = len(jobs) - changed - errors
        if jobs[0].mode == "in-place":
            summary = f"{rewritten} file(s) cleaned, {len(jobs) - rewritten - errors} left as they were"
        else:
            summary = f"{changed} file(s) would be cleaned, {unchanged} already clean"
        _say(summary + (f", {errors} error(s)" if errors else ""))
    if errors:
        return 2
    return 1 if changed and jobs[0].mode in ("check", "diff") else 0


def _ignore_interrupts() -> None:
    """In worker processes: leave Ctrl-C to the main process, which stops
    handing out files and lets the running ones finish."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _report(outcomes, jobs: list[Job], args, progress) -> tuple[int, int, int]:
    """Print what each outcome says, in job order; count them."""
    changed = rewritten = errors = 0
    records = []
    say = progress.write if progress is not None else _say
    for done, (job, outcome) in enumerate(zip(jobs, outcomes), start=1):
        if progress is not None:
            progress.set_description_str(f"{done}/{len(jobs)} files", refresh=False)
            progress.update(progress.sizes[done - 1])
        if outcome.error:
            errors += 1
            say(f"paperclean: error: {outcome.path}: {_one_line(outcome.error)}", file=sys.stderr)
            outcome.record = {"schema_version": JSON_SCHEMA_VERSION, "path": outcome.path, "error": outcome.error}
        else:
            changed += outcome.changed
            rewritten += outcome.rewritten
            if outcome.stdout:
                _write_stdout(outcome.stdout, job.output_encoding or "utf-8")
            if outcome.changed and job.mode == "check" and not args.quiet:
                say(f"would clean {outcome.path}", file=sys.stderr)
        if args.fmt == "jsonl":
            _write_stdout((json.dumps(outcome.record, ensure_ascii=False) + "\n").encode("utf-8"), "utf-8")
        elif args.fmt == "json":
            records.append(outcome.record)
    if args.fmt == "json":
        document = {"schema_version": JSON_SCHEMA_VERSION, "files": records}
        _write_stdout((json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8"), "utf-8")
    return changed, rewritten, errors


def _progress_bar(jobs: list[Job], args):
    """A tqdm bar (files done, MB/s, ETA) when there are many files and
    stderr is a terminal that the cleaned text is not also going to."""
    if args.quiet or len(jobs) < PROGRESS_MIN_FILES or not _isatty(sys.stderr):
        return None
    if jobs[0].mode in ("print", "diff") and _isatty(sys.stdout):
        return None
    from tqdm import tqdm  # imported on demand: most runs have no bar

    sizes = [_size(job.path) for job in jobs]
    bar = tqdm(
        total=sum(sizes),
        unit="B",
        unit_scale=True,
        file=sys.stderr,
        bar_format="{desc} {percentage:3.0f}%|{bar}| [{elapsed}<{remaining}, {rate_fmt}]",
        mininterval=0.2,
    )
    bar.set_description_str(f"0/{len(jobs)} files", refresh=False)
    bar.sizes = sizes
    return bar


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def process(job: Job) -> Outcome:
    """Read, clean and write one file as `job` says; never raises for a
    user's mistake (or for a bug in a step: that is reported as an internal
    error of this file, and the other files go on)."""
    outcome = Outcome(job.path, error=job.error)
    if job.error:
        return outcome
    try:
        decoded = _read(job)
        if job.fmt == "text":
            cleaned, explanation = clean(decoded.text, config=job.config), None
        else:
            explanation = clean_and_explain(decoded.text, config=job.config)
            cleaned = explanation.text
        outcome.changed = cleaned != decoded.text
        output_encoding = job.output_encoding or "utf-8"
        if job.mode == "in-place":
            encoding, bom = (job.output_encoding, False) if job.output_encoding else (decoded.encoding, decoded.bom)
            if outcome.changed or (encoding, bom) != (decoded.encoding, decoded.bom):
                _write(job.path, encode_text(cleaned, encoding, bom), job.backup)
                outcome.rewritten = True
        elif job.mode == "output":
            _write(job.output, encode_text(cleaned, output_encoding))
        elif job.mode == "diff" and outcome.changed:
            outcome.stdout = encode_text(unified_diff(decoded.text, cleaned, job.path), output_encoding)
        elif job.mode == "print" and job.fmt == "text":
            outcome.stdout = encode_text(cleaned, output_encoding)
        if explanation is not None:
            outcome.record = _json_record(job.path, decoded, explanation)
    except InputError as error:
        outcome.error = str(error)
    except Exception as error:  # a bug: report it for this file and go on
        outcome.error = f"internal error, please report it: {type(error).__name__}: {error}"
    return outcome


def _read(job: Job) -> Decoded:
    if job.path == SAMPLE:
        return Decoded(sample_text(), "utf-8")
    if job.path != "-":
        return read_text(job.path, job.encoding)
    if sys.stdin is None:
        raise InputError("no standard input")
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # already text (an embedding program replaced sys.stdin)
        return Decoded(sys.stdin.read(), "utf-8")
    return decode_bytes(buffer.read(), job.encoding)


def _write(path: str, data: bytes, backup: str | None = None) -> None:
    try:
        directory = os.path.dirname(os.path.abspath(path))
        os.makedirs(directory, exist_ok=True)
        write_atomic(path, data, backup)
    except OSError as error:
        raise InputError(f"cannot write {error.filename or path}: {error.strerror or error}") from None


def unified_diff(before: str, after: str, path: str) -> str:
    r"""A unified diff from `before` to `after`, both labelled `path`; lines
    are split at ``\n`` only (a form feed stays inside its line), and a last
    line without a newline is marked as ``diff`` and ``patch`` expect.

    >>> print(unified_diff("我 市\n", "我市\n", "a.txt"), end="")
    --- a.txt
    +++ a.txt
    @@ -1 +1 @@
    -我 市
    +我市
    """
    lines = difflib.unified_diff(_lines(before), _lines(after), fromfile=path, tofile=path)
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def _lines(text: str) -> list[str]:
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def _json_record(path: str, decoded: Decoded, explanation) -> dict:
    """The JSON object of one file (schema in the module docstring); fields
    are listed one by one so that the schema does not follow the classes."""
    return {
        "schema_version": JSON_SCHEMA_VERSION,
        "path": path,
        "encoding": decoded.encoding,
        "bom": decoded.bom,
        "changed": explanation.text != decoded.text,
        "text": explanation.text,
        "changes": [
            {"step": c.step, "block": c.block, "offset": c.offset, "before": c.before, "after": c.after, "note": c.note}
            for c in explanation.changes
        ],
        "findings": [
            {"kind": f.kind, "block": f.block, "offset": f.offset, "context": f.context} for f in explanation.findings
        ],
        "metadata": jsonable(explanation.metadata),
    }


# --- output ---------------------------------------------------------------


def _say(message: str, file=None) -> None:
    """One line on stderr."""
    print(message, file=file or sys.stderr)


def _write_stdout(data: bytes, encoding: str) -> None:
    """Write already-encoded text to standard output as bytes (no newline
    translation, whatever the locale), flushing at once so that a closed
    pipe is noticed here."""
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(data.decode(encoding))
    else:
        stream.flush()
        buffer.write(data)
        buffer.flush()


def _silence_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so that the final flush
    at exit does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _isatty(stream) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


# --- other commands -------------------------------------------------------


def _subcommand(name: str, argv: list[str]) -> int:
    """Hand ``paperclean NAME ...`` to the module that implements it."""
    import importlib

    module_name, function_name = SUBCOMMANDS[name]
    try:
        module = importlib.import_module(f"{__package__}.{module_name}")
    except ModuleNotFoundError as error:
        if error.name != f"{__package__}.{module_name}":
            raise
        raise UsageError(f"'paperclean {name}' is not available in this installation") from None
    return getattr(module, function_name)(argv)


def _explain(argv: list[str]) -> int:
    parser = _Parser(prog="paperclean explain", description="Show what each step changes in FILE, and the findings.")
    parser.add_argument("file", nargs="?", default="-", metavar="FILE", help="a file; none or '-' reads stdin")
    parser.add_argument("--encoding", help="read FILE in this encoding instead of detecting it")
    parser.add_argument("--limit", type=int, default=5, metavar="N", help="examples shown per step (0: all)")
    _add_config_options(parser)
    try:
        args = parser.parse_intermixed_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    settings, source = find_settings(args.config)
    config = make_config(settings, source, args)
    try:
        encoding = codec_name(args.encoding) if args.encoding else None
        decoded = _read(Job(args.file, config, "print", encoding=encoding))
    except InputError as error:
        _say(f"paperclean: error: {args.file}: {_one_line(str(error))}")
        return 2
    explanation = clean_and_explain(decoded.text, config=config)
    print(explain_report(args.file, decoded, explanation, args.limit), end="")
    sys.stdout.flush()
    return 0


def explain_report(label: str, decoded: Decoded, explanation, limit: int = 5) -> str:
    """The readable summary ``paperclean explain`` prints: per step (in
    pipeline order) how many changes and the first `limit` of them, then the
    findings and the metadata."""
    by_step: dict[str, list] = {}
    for change in explanation.changes:
        by_step.setdefault(change.step, []).append(change)
    changed = "changed" if explanation.text != decoded.text else "unchanged"
    lines = [
        f"{label}: {decoded.encoding}{' with BOM' if decoded.bom else ''}, {changed}, "
        f"{len(explanation.changes)} change(s), {len(explanation.findings)} finding(s)"
    ]
    order = [step.name for step in STEPS] + sorted(set(by_step) - set(_STEP_NAMES))
    for name in order:
        changes = by_step.get(name, [])
        if not changes:
            continue
        lines.append(f"\n{name}: {len(changes)} change(s)")
        shown = changes if limit <= 0 else changes[:limit]
        for change in shown:
            note = f"  ({change.note})" if change.note else ""
            lines.append(f"  block {change.block} at {change.offset}: {_show(change.before)} -> {_show(change.after)}{note}")
        if len(changes) > len(shown):
            lines.append(f"  ... and {len(changes) - len(shown)} more")
    if explanation.findings:
        lines.append("\nfindings:")
        for finding in explanation.findings:
            lines.append(f"  {finding.kind} in block {finding.block} at {finding.offset}: {_show(finding.context)}")
    if explanation.metadata:
        lines.append("\nmetadata:")
        for key, value in explanation.metadata.items():
            lines.append(f"  {key}: {_clip(json.dumps(jsonable(value), ensure_ascii=False), 200)}")
    return "\n".join(lines) + "\n"


def _show(text: str, width: int = 40) -> str:
    return repr(_clip(text, width))


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
