"""The command line, held to the contract users know from black and ruff.

Most tests call ``main(argv)`` in-process (exit codes, flags, stdout as
bytes, stderr); a few run ``python -m paperclean`` for real: in place on a
tree, a run killed with SIGKILL or interrupted with SIGINT mid-way, and a
pipe closed early.  What the cleaned text should be is the library's business
(tested elsewhere): here the expected text is ``paperclean.clean(input)``, and
the tests check that the command line reads, writes and reports it faithfully.
All encoded inputs are built here, in ``tmp_path``.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import time
import types
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import paperclean
from paperclean import cli, fileio
from paperclean.cli import main
from paperclean.document import jsonable
from paperclean.pipeline import STEPS
from strategies import page

DIRTY = "我 市以项目建设补齐基础设施短板,逐\n年加大民生保障领域投入。\n"
CLEAN = "我市加大民生保障领域投入。\n"
DIRTY_BIG5 = "臺灣的報紙 很多,我們\n每天閱讀新聞。\n"
CLEAN_BIG5 = "臺灣的報紙很多，我們每天閱讀新聞。\n"
STEP_NAMES = [step.name for step in STEPS]


def cleaned(text: str) -> str:
    return paperclean.clean(text)


def test_the_texts_used_here_are_what_the_tests_assume():
    assert cleaned(DIRTY) != DIRTY and cleaned(DIRTY_BIG5) != DIRTY_BIG5
    assert cleaned(CLEAN) == CLEAN and cleaned(CLEAN_BIG5) == CLEAN_BIG5
    cleaned(DIRTY_BIG5).encode("big5")  # the cleaned text is still Big5


class Result(NamedTuple):
    code: int
    out: bytes
    err: str

    @property
    def text(self) -> str:
        return self.out.decode("utf-8")

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path, monkeypatch):
    """Every test runs in its own empty directory (so no configuration file
    of the repository is found, and paths in messages are short)."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def run(capsysbinary, monkeypatch):
    """``run(*argv, stdin=b"")``: call main() with those arguments and that
    standard input; return the exit code, stdout bytes and stderr text."""

    def run_main(*argv: str, stdin: bytes = b"") -> Result:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        code = main(list(argv))
        out, err = capsysbinary.readouterr()
        return Result(code, out, err.decode("utf-8"))

    return run_main


def write(path, text: str, encoding: str = "utf-8", bom: bool = False) -> bytes:
    """Write `text` to `path` in `encoding` (creating directories); return the bytes."""
    data = fileio.encode_text(text, encoding, bom)
    path = os.fspath(path)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
    return data


def read(path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def assert_one_error_line(result: Result, *fragments: str) -> None:
    assert result.code == 2
    lines = result.err_lines
    errors = [line for line in lines if line.startswith("paperclean: error: ")]
    assert len(errors) == 1, lines
    for fragment in fragments:
        assert fragment in errors[0]
    assert "Traceback" not in result.err


# --- standard input -----------------------------------------------------------


@pytest.mark.parametrize("argv", [[], ["-"]])
def test_stdin_to_stdout(run, argv):
    result = run(*argv, stdin=DIRTY.encode("utf-8"))
    assert result == (0, cleaned(DIRTY).encode("utf-8"), "")


@pytest.mark.parametrize(
    "data, argv",
    [
        (DIRTY.encode("gb18030"), []),
        (codecs.BOM_UTF8 + DIRTY.encode("utf-8"), []),
        (codecs.BOM_UTF16_LE + DIRTY.encode("utf-16-le"), []),
        (DIRTY_BIG5.encode("big5"), []),
        (DIRTY_BIG5.encode("big5"), ["--encoding", "big5"]),
    ],
)
def test_stdin_is_decoded_and_stdout_is_utf8(run, data, argv):
    text = fileio.decode_bytes(data).text
    result = run(*argv, stdin=data)
    assert result.code == 0
    assert result.out == cleaned(text).encode("utf-8")


def test_stdout_in_another_encoding(run):
    result = run("--output-encoding", "gb18030", stdin=DIRTY.encode("utf-8"))
    assert result.out == cleaned(DIRTY).encode("gb18030")


def test_stdin_check(run):
    result = run("--check", stdin=DIRTY.encode("utf-8"))
    assert result.code == 1 and result.out == b""
    assert "would clean -" in result.err_lines
    assert run("--check", "-", stdin=CLEAN.encode("utf-8")).code == 0


def test_stdin_binary_is_refused(run):
    assert_one_error_line(run(stdin=b"\x89PNG\r\n\x1a\n\x00\x00"), "paperclean: error: -: binary")


def test_stdin_that_is_already_text(run, monkeypatch, capsysbinary):
    monkeypatch.setattr(sys, "stdin", io.StringIO(DIRTY))  # no .buffer
    assert main([]) == 0
    assert capsysbinary.readouterr().out == cleaned(DIRTY).encode("utf-8")


def test_sample_page(run):
    expected = cleaned(paperclean.sample_text())
    assert run("--sample") == (0, expected.encode("utf-8"), "")
    assert run("--sample", "--check", "-q").code == int(expected != paperclean.sample_text())
    assert json.loads(run("--sample", "--format", "jsonl").text)["path"] == "<sample>"
    assert run("--sample", "-o", "out.txt").code == 0 and read("out.txt") == expected.encode("utf-8")
    assert_one_error_line(run("--sample", "page.txt"), "--sample is the input")
    assert_one_error_line(run("--sample", "--in-place"), "--sample is the input")


# --- files and directories ----------------------------------------------------


def test_files_are_printed_in_the_order_given(run):
    write("b.txt", DIRTY)
    write("a.txt", DIRTY_BIG5, "big5")
    result = run("b.txt", "a.txt")
    assert result == (0, (cleaned(DIRTY) + cleaned(DIRTY_BIG5)).encode("utf-8"), "")


@pytest.fixture
def pages():
    """A tree: dirty and clean pages, a subdirectory, files that are not
    taken by default."""
    write("pages/a.txt", DIRTY)
    write("pages/b.txt", CLEAN)
    write("pages/sub/c.txt", DIRTY, "gb18030")
    write("pages/sub/deeper/d.txt", DIRTY_BIG5, "big5")
    write("pages/notes.md", DIRTY)
    write("pages/.hidden.txt", DIRTY)
    write("pages/.git/e.txt", DIRTY)
    return "pages"


def would_clean(result: Result) -> list[str]:
    return [line.split(" ", 2)[2] for line in result.err_lines if line.startswith("would clean ")]


def p(path: str) -> str:
    return path.replace("/", os.sep)


@pytest.mark.parametrize(
    "argv, listed",
    [
        ([], ["pages/a.txt", "pages/sub/c.txt", "pages/sub/deeper/d.txt"]),
        (["--include", "*.md"], ["pages/notes.md"]),
        (["--include", "*.md", "--include", "a.*"], ["pages/a.txt", "pages/notes.md"]),
        (["--exclude", "sub"], ["pages/a.txt"]),
        (["--exclude", "sub/deeper"], ["pages/a.txt", "pages/sub/c.txt"]),
        (["--exclude", "sub/*"], ["pages/a.txt"]),
        (["--exclude", "c.txt", "--exclude", "a.txt"], ["pages/sub/deeper/d.txt"]),
        (["--exclude", "*/d.txt"], ["pages/a.txt", "pages/sub/c.txt"]),
    ],
)
def test_directories_are_walked_with_include_and_exclude(run, pages, argv, listed):
    result = run("--check", pages, *argv)
    assert result.code == 1
    assert would_clean(result) == [p(path) for path in listed]


def test_a_file_named_on_the_command_line_is_always_taken(run, pages):
    result = run("--check", "pages/notes.md", "pages/.hidden.txt", "--exclude", "notes.md")
    assert result.code == 1
    assert would_clean(result) == ["pages/notes.md", "pages/.hidden.txt"]


def test_a_file_reached_twice_is_cleaned_once(run, pages):
    result = run("--check", pages, "pages/a.txt", "./pages/a.txt")
    assert would_clean(result).count("pages/a.txt") == 1
    assert len(would_clean(result)) == 3


def test_an_empty_directory_is_nothing_to_do(run):
    os.mkdir("empty")
    result = run("--check", "empty")
    assert result.code == 0 and result.out == b""
    assert "no files" in result.err
    assert run("--check", "-q", "empty") == (0, b"", "")


def test_an_unreadable_directory_is_an_error_and_the_rest_goes_on(run, pages, monkeypatch):
    real_walk = os.walk

    def walk(top, onerror=None, **kwargs):
        for entry in real_walk(top, onerror=onerror, **kwargs):
            if entry[0].endswith("deeper"):
                onerror(PermissionError(13, "Permission denied", entry[0]))
                entry[1][:] = []
                continue
            yield entry

    monkeypatch.setattr(cli.os, "walk", walk)
    result = run("--check", pages)
    assert_one_error_line(result, p("pages/sub/deeper"), "Permission denied")
    assert would_clean(result) == [p("pages/a.txt"), p("pages/sub/c.txt")]


# --- in place -----------------------------------------------------------------

OLD_TIME = 1_000_000_000


def make_tree_for_in_place(root: str) -> dict[str, tuple[str, str, bool]]:
    """Files in every supported encoding, changed and unchanged, with old
    modification times and unusual permissions."""
    files = {
        "dirty-utf8.txt": (DIRTY, "utf-8", False),
        "dirty-bom.txt": (DIRTY, "utf-8", True),
        "dirty-utf16.txt": (DIRTY, "utf-16-le", True),
        "dirty-utf16be.txt": (DIRTY, "utf-16-be", True),
        "sub/dirty-gb18030.txt": (DIRTY, "gb18030", False),
        "sub/dirty-big5.txt": (DIRTY_BIG5, "big5", False),
        "clean-utf8.txt": (CLEAN, "utf-8", False),
        "clean-utf16.txt": (CLEAN, "utf-16-le", True),
        "sub/clean-gb18030.txt": (CLEAN, "gb18030", False),
        "sub/clean-big5.txt": (CLEAN_BIG5, "big5", False),
    }
    for name, (text, encoding, bom) in files.items():
        path = os.path.join(root, name)
        write(path, text, encoding, bom)
        os.chmod(path, 0o640 if name.startswith("dirty") else 0o604)
        os.utime(path, (OLD_TIME, OLD_TIME))
    return files


def check_tree_after_in_place(root: str, files, before: dict[str, os.stat_result]) -> None:
    for name, (text, encoding, bom) in files.items():
        path = os.path.join(root, name)
        after = os.stat(path)
        if cleaned(text) == text:  # untouched: same bytes, same file, same time
            assert read(path) == fileio.encode_text(text, encoding, bom), name
            assert (after.st_ino, after.st_mtime_ns) == (before[name].st_ino, before[name].st_mtime_ns), name
        else:  # rewritten in its own encoding, BOM included
            assert read(path) == fileio.encode_text(cleaned(text), encoding, bom), name
            assert after.st_mtime > OLD_TIME
        assert stat.S_IMODE(after.st_mode) == stat.S_IMODE(before[name].st_mode), name
    assert not [name for name in os.listdir(root) if name.startswith(".paperclean-")]


def test_in_place_rewrites_only_changed_files_in_their_encoding(run):
    files = make_tree_for_in_place("tree")
    before = {name: os.stat(os.path.join("tree", name)) for name in files}
    result = run("--in-place", "tree")
    assert result.code == 0 and result.out == b""
    assert result.err_lines == ["6 file(s) cleaned, 4 left as they were"]
    check_tree_after_in_place("tree", files, before)
    assert run("--check", "tree").code == 0  # a second run finds nothing


def test_in_place_short_flag_and_quiet(run):
    write("a.txt", DIRTY)
    assert run("-i", "-q", "a.txt") == (0, b"", "")
    assert read("a.txt") == cleaned(DIRTY).encode("utf-8")


def test_in_place_with_another_output_encoding_rewrites_every_file(run):
    write("dirty.txt", DIRTY, "gb18030")
    write("clean.txt", CLEAN, "utf-16-le", bom=True)
    write("same.txt", CLEAN, "utf-8")
    result = run("--in-place", "--output-encoding", "utf-8", "dirty.txt", "clean.txt", "same.txt")
    assert result.code == 0
    assert read("dirty.txt") == cleaned(DIRTY).encode("utf-8")
    assert read("clean.txt") == CLEAN.encode("utf-8")
    assert read("same.txt") == CLEAN.encode("utf-8")


def test_in_place_follows_a_symbolic_link(run):
    write("real.txt", DIRTY)
    os.symlink("real.txt", "link.txt")
    assert run("--in-place", "link.txt").code == 0
    assert os.path.islink("link.txt")
    assert read("real.txt") == cleaned(DIRTY).encode("utf-8")


@pytest.mark.parametrize("hard_links", [True, False])
def test_backup_keeps_the_original_of_changed_files(run, monkeypatch, hard_links):
    if not hard_links:  # a file system without hard links: the backup is a copy

        def no_links(source, destination):
            raise OSError(1, "Operation not permitted")

        monkeypatch.setattr(os, "link", no_links)
    old = write("dirty.txt", DIRTY, "gb18030")
    write("clean.txt", CLEAN)
    result = run("--in-place", "--backup", ".orig", "dirty.txt", "clean.txt")
    assert result.code == 0
    assert read("dirty.txt.orig") == old
    assert read("dirty.txt") == cleaned(DIRTY).encode("gb18030")
    assert not os.path.exists("clean.txt.orig")


def test_in_place_reports_a_text_the_encoding_cannot_hold(run):
    old = write("a.txt", "这是 新闻\n", "utf-8")
    result = run("--in-place", "--output-encoding", "big5", "a.txt")
    assert_one_error_line(result, "paperclean: error: a.txt: cannot encode", "big5")
    assert read("a.txt") == old


def test_in_place_reports_an_unwritable_directory(run, monkeypatch):
    old = write("a.txt", DIRTY)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", os.path.abspath("."))

    monkeypatch.setattr(fileio.tempfile, "mkstemp", refuse)
    result = run("--in-place", "a.txt")
    assert_one_error_line(result, "paperclean: error: a.txt: cannot write", "Permission denied")
    assert read("a.txt") == old


# --- check and diff -------------------------------------------------------------


def test_check_lists_the_files_and_writes_nothing(run, pages):
    before = {path: (read(path), os.stat(path).st_mtime_ns) for path in ["pages/a.txt", "pages/sub/c.txt"]}
    result = run("--check", pages)
    assert result.code == 1 and result.out == b""
    assert result.err_lines == [
        f"would clean {p('pages/a.txt')}",
        f"would clean {p('pages/sub/c.txt')}",
        f"would clean {p('pages/sub/deeper/d.txt')}",
        "3 file(s) would be cleaned, 1 already clean",
    ]
    assert before == {path: (read(path), os.stat(path).st_mtime_ns) for path in before}
    assert run("--check", "--quiet", pages) == (1, b"", "")


def test_check_passes_when_everything_is_clean(run):
    write("a.txt", CLEAN)
    write("b.txt", CLEAN_BIG5, "big5")
    result = run("--check", "a.txt", "b.txt")
    assert result == (0, b"", "0 file(s) would be cleaned, 2 already clean\n")


def test_diff_prints_a_unified_diff_and_writes_nothing(run):
    old = write("a.txt", DIRTY, "gb18030")
    write("b.txt", CLEAN)
    result = run("--diff", "a.txt", "b.txt")
    assert result.code == 1
    assert result.text.startswith("--- a.txt\n+++ a.txt\n@@ ")
    removed = [line[1:] for line in result.text.splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in result.text.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert removed == DIRTY.splitlines()
    assert added == cleaned(DIRTY).splitlines()
    assert "b.txt" not in result.text
    assert read("a.txt") == old
    assert run("--diff", "b.txt").code == 0


def test_diff_marks_a_missing_final_newline():
    diff = cli.unified_diff("一\n二", "一\n二\n", "x")
    assert diff.endswith("-二\n\\ No newline at end of file\n+二\n")
    assert cli.unified_diff("甲\f乙\n", "甲\f丙\n", "x").count("\n-") == 1  # a form feed splits no line


# --- output files ---------------------------------------------------------------


def test_output_file_for_one_input(run):
    old = write("a.txt", DIRTY, "gb18030")
    result = run("a.txt", "-o", "out.txt")
    assert result == (0, b"", "")
    assert read("out.txt") == cleaned(DIRTY).encode("utf-8")
    assert read("a.txt") == old
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(os.stat("out.txt").st_mode) == 0o666 & ~mask


def test_output_in_another_encoding(run):
    write("a.txt", DIRTY)
    assert run("a.txt", "-o", "out.txt", "--output-encoding", "gb18030").code == 0
    assert read("out.txt") == cleaned(DIRTY).encode("gb18030")


def test_output_from_stdin(run):
    assert run("-", "-o", "out.txt", stdin=DIRTY.encode("utf-8")).code == 0
    assert read("out.txt") == cleaned(DIRTY).encode("utf-8")


def test_output_directory_for_several_files(run):
    write("a.txt", DIRTY)
    write("sub/b.txt", CLEAN)
    assert run("a.txt", "sub/b.txt", "-o", "out").code == 0
    assert sorted(os.listdir("out")) == ["a.txt", "b.txt"]
    assert read("out/a.txt") == cleaned(DIRTY).encode("utf-8")
    assert read("out/b.txt") == CLEAN.encode("utf-8")


def test_output_directory_mirrors_a_directory(run, pages):
    assert run(pages, "-o", "clean").code == 0
    assert read("clean/a.txt") == cleaned(DIRTY).encode("utf-8")
    assert read("clean/sub/c.txt") == cleaned(DIRTY).encode("utf-8")
    assert read("clean/sub/deeper/d.txt") == cleaned(DIRTY_BIG5).encode("utf-8")
    assert not os.path.exists("clean/notes.md")


def test_one_file_into_an_existing_directory(run):
    write("a.txt", DIRTY)
    os.mkdir("out")
    assert run("a.txt", "-o", "out").code == 0
    assert read(os.path.join("out", "a.txt")) == cleaned(DIRTY).encode("utf-8")


def test_output_directory_inside_the_input_is_not_read_back(run):
    write("pages/a.txt", DIRTY)
    assert run("pages", "-o", "pages/clean").code == 0
    assert run("pages", "-o", "pages/clean").code == 0
    assert os.listdir("pages/clean") == ["a.txt"]


@pytest.mark.parametrize(
    "argv, fragment",
    [
        (["a.txt", "b/a.txt", "-o", "out"], "would be written here"),
        (["a.txt", "b/a.txt", "-o", "existing.txt"], "need an output directory"),
        (["-", "-o", "out/"], "standard input needs an output file"),
    ],
)
def test_output_mistakes(run, argv, fragment):
    write("a.txt", DIRTY)
    write("b/a.txt", DIRTY)
    write("existing.txt", CLEAN)
    assert_one_error_line(run(*argv), fragment)
    assert read("existing.txt") == CLEAN.encode("utf-8")
    assert not os.path.exists("out")


# --- errors -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv, fragment",
    [
        (["--bogus"], "unrecognized arguments: --bogus"),
        (["--check", "--diff", "x.txt"], "choose one of --check, --diff"),
        (["--in-place", "--check", "x.txt"], "choose one of"),
        (["-o", "out.txt", "--in-place", "x.txt"], "choose one of"),
        (["--backup", ".bak", "x.txt"], "--backup needs --in-place"),
        (["--in-place", "--backup", "", "x.txt"], "a suffix"),
        (["--in-place", "--backup", "old/x", "x.txt"], "a suffix"),
        (["--in-place", "-"], "standard input"),
        (["--in-place"], "standard input"),
        (["-", "x.txt"], "standard input"),
        (["--skip", "no_such_step", "x.txt"], "unknown step 'no_such_step'"),
        (["--only", "no_such_step", "x.txt"], "unknown step"),
        (["--enable", "no_such_step", "x.txt"], "unknown step"),
        (["--only", "pair_quotes", "--skip", "pair_quotes", "x.txt"], "both skipped and asked for"),
        (["--encoding", "no-such-codec", "x.txt"], "unknown encoding"),
        (["--output-encoding", "no-such-codec", "x.txt"], "unknown encoding"),
        (["-j", "-1", "x.txt"], "-j"),
        (["-j", "two", "x.txt"], "invalid int value"),
        (["--format", "xml", "x.txt"], "invalid choice"),
        (["--diff", "--format", "json", "x.txt"], "cannot be combined"),
        (["--set", "no_such_option=1", "x.txt"], "NAME=VALUE"),
        (["--set", "pair_quotes", "x.txt"], "NAME=VALUE"),
        (["--set", "pair_quotes=maybe", "x.txt"], "true or false"),
        (["--set", "repeat_min_chars=many", "x.txt"], "must be a number"),
        (["--config", "missing.toml", "x.txt"], "missing.toml: cannot read configuration"),
        (["explain", "--bogus"], "unrecognized arguments"),
        (["explain", "--skip", "nope", "x.txt"], "unknown step"),
    ],
)
def test_bad_options_exit_2_with_one_line(run, argv, fragment):
    old = write("x.txt", DIRTY)
    result = run(*argv, stdin=DIRTY.encode("utf-8"))
    assert_one_error_line(result, fragment)
    assert len(result.err_lines) == 1
    assert result.out == b""
    assert read("x.txt") == old


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("missing.txt", None, "No such file or directory"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", "binary"),
        ("latin1.txt", "café au lait, crème brûlée\n".encode("latin-1"), "cannot decode"),
        ("broken-utf8.txt", (CLEAN * 5).encode("utf-8")[:-3] + b"\xff\xfe\n", "invalid UTF-8"),
        ("locked.txt", b"locked", "Permission denied"),
    ],
)
@pytest.mark.parametrize("mode", ["--in-place", "--check", "--diff", "--format=jsonl"])
def test_bad_input_exits_2_and_the_other_files_go_on(run, monkeypatch, name, data, reason, mode):
    if data is not None:
        write(name, data.decode("latin-1"), "latin-1")
    real_open = open

    def open_refusing_locked(path, *args, **kwargs):
        if os.fspath(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", path)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(fileio, "open", open_refusing_locked, raising=False)
    write("first.txt", DIRTY)
    write("last.txt", DIRTY, "gb18030")
    result = run(mode, "first.txt", name, "last.txt")
    assert_one_error_line(result, f"paperclean: error: {name}: {reason}")
    if mode == "--in-place":
        assert read("first.txt") == cleaned(DIRTY).encode("utf-8")
        assert read("last.txt") == cleaned(DIRTY).encode("gb18030")
    elif mode == "--check":
        assert would_clean(result) == ["first.txt", "last.txt"]
    elif mode == "--diff":
        assert result.text.count("\n+++ ") + result.text.startswith("+++ ") == 2
    else:
        records = [json.loads(line) for line in result.text.splitlines()]
        assert [record["path"] for record in records] == ["first.txt", name, "last.txt"]
        assert reason in records[1]["error"]


def test_a_bug_in_a_step_is_reported_for_its_file_only(run, monkeypatch):
    real_clean = paperclean.clean

    def clean_that_breaks(text, *, config=None):
        if "炸" in text:
            raise ValueError("boom")
        return real_clean(text, config=config)

    monkeypatch.setattr(cli, "clean", clean_that_breaks)
    write("a.txt", DIRTY)
    write("bomb.txt", "炸\n")
    write("c.txt", DIRTY)
    result = run("a.txt", "bomb.txt", "c.txt")
    assert_one_error_line(result, "bomb.txt: internal error, please report it: ValueError: boom")
    assert result.out == (cleaned(DIRTY) * 2).encode("utf-8")


@pytest.mark.parametrize(
    "name, content, fragment",
    [
        ("pyproject.toml", "[tool.paperclean]\nskip = ['no_such_step']\n", "unknown step 'no_such_step'"),
        ("pyproject.toml", "[tool.paperclean]\ncolour = 'red'\n", "unknown option 'colour'"),
        ("pyproject.toml", "[tool.paperclean]\nrepeat_min_chars = 'x'\n", "repeat_min_chars must be an integer"),
        ("pyproject.toml", "[tool.paperclean]\nkeep_furniture = 1\n", "keep_furniture must be true or false"),
        ("pyproject.toml", "[tool.paperclean]\nduplicate_similarity = 'high'\n", "must be a number"),
        ("pyproject.toml", "[tool.paperclean]\nonly = ['pair_quotes']\nskip = ['pair_quotes']\n", "both in skip and in only"),
        ("pyproject.toml", "[tool]\npaperclean = 3\n", "must be a table"),
        ("paperclean.toml", "skip = [\n", "bad configuration"),
        ("paperclean.toml", "include = 3\n", "include must be a list of strings"),
        ("paperclean.toml", "script_conversion = 3\n", "must be a string"),
    ],
)
def test_bad_configuration_exits_2_with_one_line(run, name, content, fragment):
    with open(name, "w", encoding="utf-8") as handle:
        handle.write(content)
    old = write("x.txt", DIRTY)
    for argv in (["--in-place", "x.txt"], ["explain", "x.txt"], ["--list-steps"]):
        result = run(*argv)
        assert_one_error_line(result, f"{name}: ", fragment)
    assert read("x.txt") == old


def test_broken_pipe_is_quiet(run, monkeypatch, capsysbinary):
    class ClosedPipe:
        def write(self, data):
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self):
            pass

    class Stdout(io.StringIO):
        buffer = ClosedPipe()

    write("a.txt", DIRTY)
    monkeypatch.setattr(sys, "stdout", Stdout())
    assert main(["a.txt", "a.txt"]) == cli.EXIT_BROKEN_PIPE
    assert capsysbinary.readouterr().err == b""


def test_ctrl_c_exits_130_in_one_line(run, monkeypatch):
    def interrupted(job):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "process", interrupted)
    write("a.txt", DIRTY)
    result = run("--in-place", "a.txt")
    assert result == (130, b"", "paperclean: interrupted\n")


# --- -j -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [[], ["--check"], ["--diff"], ["--format", "jsonl"], ["--format", "json", "--check"]],
)
def test_two_processes_give_what_one_gives(run, argv):
    for index in range(12):
        text = [DIRTY, CLEAN, DIRTY_BIG5][index % 3]
        write(f"tree/{index:02}.txt", text, "big5" if text == DIRTY_BIG5 else ["utf-8", "gb18030"][index % 2])
    write("tree/05-binary.txt", "\x00\x01binary", "latin-1")
    one = run("-j", "1", "tree", *argv)
    two = run("-j", "2", "tree", *argv)
    assert one.code == 2  # the binary file
    assert two == one


def test_two_processes_clean_in_place_like_one(run):
    files = make_tree_for_in_place("one")
    shutil.copytree("one", "two")
    assert run("--in-place", "-j", "1", "one") == run("--in-place", "-j", "2", "two")
    for name in files:
        assert read(os.path.join("one", name)) == read(os.path.join("two", name))
    assert run("-j", "0", "--check", "two").code == 0  # 0: one process per CPU


# --- progress -----------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize(
    "count, argv, stderr_is_a_terminal, shown",
    [
        (25, ["--check"], True, True),
        (25, ["--in-place"], True, True),
        (25, ["--check", "--quiet"], True, False),
        (25, ["--check"], False, False),
        (5, ["--check"], True, False),
    ],
)
def test_progress_bar_only_for_many_files_on_a_terminal(run, monkeypatch, count, argv, stderr_is_a_terminal, shown):
    for index in range(count):
        write(f"tree/{index:02}.txt", DIRTY)
    terminal = Terminal()
    if stderr_is_a_terminal:
        monkeypatch.setattr(sys, "stderr", terminal)
    result = run(*argv, "tree")
    stderr = terminal.getvalue() + result.err
    assert (f"{count}/{count} files" in stderr and "%|" in stderr and "B/s" in stderr) == shown
    if "--quiet" in argv:
        assert stderr == ""


# --- JSON -----------------------------------------------------------------------------

RECORD_KEYS = {"schema_version", "path", "encoding", "bom", "changed", "text", "changes", "findings", "metadata"}


def check_record(record: dict, path: str, text: str, encoding: str, bom: bool = False) -> None:
    assert set(record) == RECORD_KEYS
    explanation = paperclean.clean_and_explain(text)
    assert record["schema_version"] == cli.JSON_SCHEMA_VERSION == 1
    assert record["path"] == path
    assert (record["encoding"], record["bom"]) == (encoding, bom)
    assert record["text"] == cleaned(text)
    assert record["changed"] == (cleaned(text) != text)
    assert len(record["changes"]) == len(explanation.changes)
    for change in record["changes"]:
        assert set(change) == {"step", "block", "offset", "before", "after", "note"}
        assert change["step"] in STEP_NAMES
        assert isinstance(change["block"], int) and isinstance(change["offset"], int)
    for finding in record["findings"]:
        assert set(finding) == {"kind", "block", "offset", "context"}
    assert isinstance(record["metadata"], dict)
    json.dumps(record)  # nothing but JSON types


def test_jsonl_one_record_per_file_and_line(run):
    write("a.txt", DIRTY, "gb18030")
    write("b.txt", CLEAN, "utf-8", bom=True)
    result = run("--format", "jsonl", "a.txt", "b.txt", "missing.txt")
    assert result.code == 2
    lines = result.text.splitlines()
    assert len(lines) == 3
    first, second, third = map(json.loads, lines)
    check_record(first, "a.txt", DIRTY, "gb18030")
    check_record(second, "b.txt", CLEAN, "utf-8", bom=True)
    assert third == {"schema_version": 1, "path": "missing.txt", "error": "No such file or directory"}


def test_json_one_document(run):
    write("a.txt", DIRTY_BIG5, "big5")
    result = run("--format", "json", "a.txt", "-j", "2")
    assert result.code == 0
    document = json.loads(result.text)
    assert set(document) == {"schema_version", "files"}
    assert document["schema_version"] == 1
    [record] = document["files"]
    check_record(record, "a.txt", DIRTY_BIG5, "big5")


def test_json_keeps_the_meaning_of_check_and_in_place(run):
    write("a.txt", DIRTY)
    result = run("--format", "jsonl", "--check", "a.txt")
    assert result.code == 1 and json.loads(result.text)["changed"] is True
    assert read("a.txt") == DIRTY.encode("utf-8")
    result = run("--format", "jsonl", "--in-place", "a.txt")
    assert result.code == 0 and json.loads(result.text)["text"] == cleaned(DIRTY)
    assert read("a.txt") == cleaned(DIRTY).encode("utf-8")


def test_json_from_stdin(run):
    result = run("--format", "json", stdin=DIRTY.encode("gb18030"))
    check_record(json.loads(result.text)["files"][0], "-", DIRTY, "gb18030")


def test_metadata_of_any_type_becomes_json():
    from dataclasses import dataclass

    @dataclass
    class Continuation:
        direction: str
        page: str

    value = {"continuations": [Continuation("下转", "A4")], "pages": {3, 1}, "span": (1, 2), 5: object}
    assert jsonable(value) == {
        "continuations": [{"direction": "下转", "page": "A4"}],
        "pages": [1, 3],
        "span": [1, 2],
        "5": str(object),
    }


# --- configuration ----------------------------------------------------------------------


def only(*names: str) -> dict:
    return {name: name in names for name in STEP_NAMES}


def test_pyproject_is_found_upward_and_flags_win(run):
    with open("pyproject.toml", "w", encoding="utf-8") as handle:
        handle.write("[project]\nname = 'x'\n\n[tool.paperclean]\ninclude = ['*.md']\nonly = ['join_hard_wraps']\n")
    write("work/deeper/pages/a.md", DIRTY)
    write("work/deeper/pages/b.txt", DIRTY)
    os.chdir("work/deeper")
    expected = paperclean.clean(DIRTY, **only("join_hard_wraps"))
    assert expected != cleaned(DIRTY)
    result = run("pages")
    assert result.out == expected.encode("utf-8")  # only a.md, only that step
    result = run("pages", "--include", "*.txt", "--only", "normalize_spaces")
    assert result.out == paperclean.clean(DIRTY, **only("normalize_spaces")).encode("utf-8")


def test_paperclean_toml_wins_over_pyproject_in_the_same_directory(run):
    with open("pyproject.toml", "w", encoding="utf-8") as handle:
        handle.write("[tool.paperclean]\ninclude = ['*.md']\n")
    with open("paperclean.toml", "w", encoding="utf-8") as handle:
        handle.write("skip = ['join_hard_wraps']\n")
    write("pages/a.txt", DIRTY)
    expected = paperclean.clean(DIRTY, join_hard_wraps=False)
    assert run("pages").out == expected.encode("utf-8")
    # a flag switches it back on
    assert run("pages", "--only", "join_hard_wraps").out == paperclean.clean(DIRTY, **only("join_hard_wraps")).encode()
    assert run("pages", "--enable", "join_hard_wraps").out == cleaned(DIRTY).encode("utf-8")


def test_a_pyproject_without_the_table_is_passed_over(run):
    with open("paperclean.toml", "w", encoding="utf-8") as handle:
        handle.write("skip = ['join_hard_wraps']\n")
    os.mkdir("project")
    with open("project/pyproject.toml", "w", encoding="utf-8") as handle:
        handle.write("[project]\nname = 'x'\n")
    write("project/a.txt", DIRTY)
    os.chdir("project")
    assert run("a.txt").out == paperclean.clean(DIRTY, join_hard_wraps=False).encode("utf-8")


def test_any_config_option_with_dashes_or_underscores(run):
    with open("paperclean.toml", "w", encoding="utf-8") as handle:
        handle.write("keep-furniture = true\nrepeat_min_chars = 6\nduplicate-similarity = 1\nexclude = 'skip-me.txt'\n")
    write("pages/a.txt", DIRTY)
    write("pages/skip-me.txt", DIRTY)
    settings, source = cli.find_settings()
    assert source == os.path.join(os.getcwd(), "paperclean.toml")
    assert settings == {"keep_furniture": True, "repeat_min_chars": 6, "duplicate_similarity": 1.0, "exclude": ["skip-me.txt"]}
    assert would_clean(run("--check", "pages")) == [p("pages/a.txt")]


def test_explicit_config_file_and_set(run):
    os.mkdir("conf")
    with open("conf/pyproject.toml", "w", encoding="utf-8") as handle:
        handle.write("[tool.paperclean]\nskip = ['join_hard_wraps']\n")
    write("a.txt", DIRTY)
    assert run("--config", "conf/pyproject.toml", "a.txt").out == paperclean.clean(DIRTY, join_hard_wraps=False).encode()
    result = run("--config", "conf/pyproject.toml", "--set", "join_hard_wraps=on", "a.txt")
    assert result.out == cleaned(DIRTY).encode("utf-8")


def test_list_steps_shows_the_configured_state(run):
    with open("paperclean.toml", "w", encoding="utf-8") as handle:
        handle.write("skip = ['pair_quotes']\n")
    result = run("--list-steps", "--enable", "convert_script")
    assert result.code == 0
    states = {line.split()[0]: line.split()[1] for line in result.text.splitlines()}
    assert list(states) == STEP_NAMES
    assert states["pair_quotes"] == "off" and states["convert_script"] == "on"
    assert states["normalize_unicode"] == "on"


def test_make_config_precedence():
    settings = {"skip": ["pair_quotes"], "only": [], "repeat_min_chars": 6}
    args = cli.build_parser().parse_args(["--skip", "normalize_spaces", "--set", "repeat_min_chars=8", "--keep-furniture"])
    config = cli.make_config(settings, "x.toml", args)
    assert (config.pair_quotes, config.normalize_spaces, config.join_hard_wraps) == (False, False, True)
    assert (config.repeat_min_chars, config.keep_furniture) == (8, True)
    args = cli.build_parser().parse_args(["--only", "pair_quotes"])
    config = cli.make_config(settings, "x.toml", args)
    assert [name for name in STEP_NAMES if config.enabled(name)] == ["pair_quotes"]


# --- explain, issue, version ------------------------------------------------------------


def test_explain_summarizes_each_step(run):
    write("a.txt", DIRTY, "gb18030")
    result = run("explain", "a.txt")
    assert result.code == 0 and result.err == ""
    explanation = paperclean.clean_and_explain(DIRTY)
    lines = result.text.splitlines()
    assert lines[0] == f"a.txt: gb18030, changed, {len(explanation.changes)} change(s), {len(explanation.findings)} finding(s)"
    for step in {change.step for change in explanation.changes}:
        count = sum(change.step == step for change in explanation.changes)
        assert f"{step}: {count} change(s)" in lines


def test_explain_stdin_and_options(run):
    result = run("explain", "--skip", "join_hard_wraps", stdin=DIRTY.encode("utf-8"))
    assert result.code == 0 and result.text.startswith("-: utf-8, changed")
    assert "join_hard_wraps:" not in result.text
    assert run("explain", "--help").code == 0


def test_explain_an_unreadable_file(run):
    assert_one_error_line(run("explain", "missing.txt"), "paperclean: error: missing.txt: No such file")
    write("binary.txt", "\x00\x00", "latin-1")
    assert_one_error_line(run("explain", "binary.txt"), "binary.txt: binary")


@pytest.mark.parametrize("name, module_name, function", [("issue", "issue", "main_issue"), ("corpus", "corpus", "main_corpus")])
def test_subcommands_are_handed_to_their_module(run, monkeypatch, name, module_name, function):
    seen = []
    module = types.ModuleType(f"paperclean.{module_name}")
    setattr(module, function, lambda argv: seen.append(argv) or 3)
    monkeypatch.setitem(sys.modules, f"paperclean.{module_name}", module)
    assert run(name, "p1.txt", "p2.txt", "--check").code == 3
    assert seen == [["p1.txt", "p2.txt", "--check"]]


def test_a_missing_subcommand_is_one_line(run, monkeypatch):
    monkeypatch.setitem(sys.modules, "paperclean.issue", None)
    assert_one_error_line(run("issue", "p1.txt"), "not available")


def test_a_file_named_like_a_subcommand(run):
    write("issue", DIRTY)
    assert run(os.path.join(".", "issue")).out == cleaned(DIRTY).encode("utf-8")


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["-h"]])
def test_version_and_help(run, argv):
    result = run(*argv)
    assert result.code == 0 and result.out


# --- real processes ---------------------------------------------------------------------


def python_m_paperclean(*argv: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "paperclean", *argv], **kwargs)


def test_subprocess_in_place_on_a_tree(tmp_path):
    files = make_tree_for_in_place(str(tmp_path / "tree"))
    before = {name: os.stat(tmp_path / "tree" / name) for name in files}
    process = python_m_paperclean("--in-place", str(tmp_path / "tree"), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = process.communicate(timeout=60)
    assert (process.returncode, out, err) == (0, b"", b"6 file(s) cleaned, 4 left as they were\n")
    check_tree_after_in_place(str(tmp_path / "tree"), files, before)


def make_big_tree(root, count: int) -> tuple[bytes, bytes]:
    old = "\n".join([DIRTY] * 60).encode("utf-8")
    new = cleaned(old.decode("utf-8")).encode("utf-8")
    os.makedirs(root)
    for index in range(count):
        with open(os.path.join(root, f"{index:03}.txt"), "wb") as handle:
            handle.write(old)
    return old, new


def wait_for_progress(root, inodes: dict, process, at_least: int, timeout: float = 30) -> None:
    """Wait until `at_least` more files were replaced (new inodes) since `inodes`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        replaced = sum(os.stat(os.path.join(root, name)).st_ino != inode for name, inode in inodes.items())
        if replaced >= at_least:
            return
        time.sleep(0.002)


def tree_states(root, count: int, old: bytes, new: bytes) -> dict:
    names = sorted(os.listdir(root))
    temporaries = [name for name in names if name.startswith(".paperclean-") and name.endswith(".tmp")]
    pages = [name for name in names if name not in temporaries]
    assert pages == [f"{index:03}.txt" for index in range(count)]  # nothing missing, nothing else
    states = {"old": 0, "new": 0, "temporaries": len(temporaries)}
    for name in pages:
        data = read(os.path.join(root, name))
        assert data in (old, new), f"{name} is neither the old nor the new text"
        states["old" if data == old else "new"] += 1
    return states


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only")
def test_a_killed_run_leaves_every_file_old_or_new(tmp_path):
    """SIGKILL at three moments of a run: every file is exactly the old or
    exactly the new text, none is missing.  A killed process cannot clean
    up, so a ``.paperclean-*.tmp`` may be left (at most one per process);
    the next run cleans the files that are still old."""
    root = str(tmp_path / "tree")
    count = 600  # enough that each run is still going when it is killed
    old, new = make_big_tree(root, count)
    assert old != new
    for round_, at_least in enumerate([1, 5]):
        inodes = {name: os.stat(os.path.join(root, name)).st_ino for name in os.listdir(root) if name.endswith(".txt")}
        process = python_m_paperclean("--in-place", "-q", root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wait_for_progress(root, inodes, process, at_least)
        process.kill()
        _, err = process.communicate(timeout=30)
        states = tree_states(root, count, old, new)
        assert states["temporaries"] <= round_ + 1
        assert states["old"] > 0, "the run finished before it was killed: make the tree bigger"
    assert main(["--in-place", "-q", root]) == 0  # the next run finishes the work
    states = tree_states(root, count, old, new)
    assert states["new"] == count


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_stops_a_run_cleanly(tmp_path):
    """SIGINT (Ctrl-C): exit 130 with one line, every file old or new, no
    temporary file left."""
    root = str(tmp_path / "tree")
    # enough files that the run is still going when the signal arrives (a
    # file takes a few milliseconds: 80 were all done before it, at times)
    count = 600
    old, new = make_big_tree(root, count)
    inodes = {name: os.stat(os.path.join(root, name)).st_ino for name in os.listdir(root)}
    process = python_m_paperclean("--in-place", root, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wait_for_progress(root, inodes, process, 2)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert (process.returncode, out, err) == (130, b"", b"paperclean: interrupted\n")
    states = tree_states(root, count, old, new)
    assert states["temporaries"] == 0 and states["old"] > 0 and states["new"] > 0


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")
def test_a_pipe_closed_early_is_quiet(tmp_path):
    root = str(tmp_path / "tree")
    make_big_tree(root, 60)
    process = python_m_paperclean(root, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout.read(100)
    process.stdout.close()
    err = process.stderr.read()
    process.wait(timeout=30)
    assert err == b""
    assert process.returncode == cli.EXIT_BROKEN_PIPE


def test_pre_commit_hooks_run_the_installed_command(run):
    yaml = pytest.importorskip("yaml")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(root, ".pre-commit-hooks.yaml"), encoding="utf-8") as handle:
        hooks = {hook["id"]: hook for hook in yaml.safe_load(handle)}
    assert set(hooks) == {"paperclean", "paperclean-check"}
    for hook in hooks.values():
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["language"] == "python" and hook["types"] == ["text"]
        assert re.search(hook["files"], "pages/a.txt") and not re.search(hook["files"], "a.py")
        assert hook["entry"].split()[0] == "paperclean"  # the console script of pyproject.toml
    # pre-commit appends the staged file names to the entry
    write("a.txt", DIRTY)
    write("b.txt", CLEAN)
    assert run(*hooks["paperclean-check"]["entry"].split()[1:], "a.txt", "b.txt").code == 1
    assert run(*hooks["paperclean"]["entry"].split()[1:], "a.txt", "b.txt").code == 0
    assert read("a.txt") == cleaned(DIRTY).encode("utf-8")
    assert run(*hooks["paperclean-check"]["entry"].split()[1:], "a.txt", "b.txt").code == 0


def call_main(argv: list[str], stdin: bytes) -> Result:
    """main() with its own standard streams (usable inside a Hypothesis test,
    where function-scoped fixtures are not)."""
    streams = sys.stdin, sys.stdout, sys.stderr
    stdout, stderr = io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), io.StringIO()
    sys.stdin, sys.stdout, sys.stderr = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"), stdout, stderr
    try:
        code = main(argv)
    finally:
        sys.stdin, sys.stdout, sys.stderr = streams
    stdout.flush()
    return Result(code, stdout.buffer.getvalue(), stderr.getvalue())


@settings(max_examples=30)  # two whole runs of main() per example
@given(
    st.one_of(
        st.binary(max_size=300),
        st.text(max_size=200).map(lambda text: text.encode("utf-8")),
        page().map(lambda text: text.encode("gb18030")),
        page().map(lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le")),
    )
)
def test_any_input_gives_the_cleaned_text_or_one_error_line(data):
    result = call_main([], data)
    check = call_main(["--check", "-q"], data)
    assert "Traceback" not in result.err
    if result.code == 0:
        text = fileio.decode_bytes(data).text
        assert result.out == cleaned(text).encode("utf-8") and result.err == ""
        assert check == (int(cleaned(text) != text), b"", "")
    else:
        assert result.code == 2 and result.out == b""
        assert len(result.err_lines) == 1 and result.err.startswith("paperclean: error: -: ")
        assert check.code == 2
