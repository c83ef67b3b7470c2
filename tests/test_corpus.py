"""Corpora: JSONL, Parquet and folders of text files cleaned on a local process
pool and on Ray Data, with identical bytes out, failed records listed (never
dropped silently), and reruns that finish only what an interrupted run left.

The Ray tests need ``pip install 'paperclean[ray]'`` (they are skipped without
Ray); they share one local Ray with two CPUs for the module.
"""

import gzip
import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paperclean import clean
from paperclean.corpus import (
    DETAIL_FIELDS,
    ERRORS_FILE,
    CorpusError,
    Options,
    Piece,
    _clean_piece,
    clean_corpus,
    corpus_format,
    find_shards,
    main_corpus,
)
from paperclean.pipeline import Config

from strategies import running_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

#: (text in, text out), from the spec: hard wraps joined, spaces between
#: Hanzi dropped, half-width commas between Hanzi widened, one newline at
#: the end; clean text and "" unchanged.
CLEANING = [
    ("我 市以项目建设补齐基础设施短板,逐\n年加大民生保障领域投入。", "我市以项目建设补齐基础设施短板，逐年加大民生保障领域投入。\n"),
    ("记者 张三 报道：今天天气很好,大家都出门了。", "记者张三报道：今天天气很好，大家都出门了。\n"),
    ("第一段。\n\n第二段,继续\n写。\n", "第一段。\n\n第二段，继续写。\n"),
    ("已经干净的一段文字。\n", "已经干净的一段文字。\n"),
    ("", ""),
]


def run(src, dst, **options):
    """clean_corpus without a bar, in this process unless `workers` or
    `engine` says otherwise (a pool costs a second to start)."""
    if options.get("engine", "local") == "local":
        options.setdefault("workers", 1)
    return clean_corpus(src, dst, progress=False, **options)


def write_jsonl(path: Path, records) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [record if isinstance(record, str) else json.dumps(record, ensure_ascii=False) for record in records]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list:
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def tree(folder: Path) -> dict:
    """Every file under `folder`, by relative path, with its bytes."""
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def seed_texts(count: int) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))[:count]]


def make_jsonl_corpus(folder: Path) -> Path:
    """Three shards, one nested, one gzipped, one with every kind of bad record."""
    write_jsonl(folder / "a.jsonl", [{"id": n, "text": text, "source": "hand", "tags": ["x", n]} for n, (text, _) in enumerate(CLEANING)])
    write_jsonl(
        folder / "sub" / "b.jsonl",
        [
            {"id": "b0", "text": CLEANING[0][0]},
            {"id": "b1", "body": "没有正文字段"},
            {"id": "b2", "text": 42},
            "{not json",
            "",
            "[1, 2]",
            {"id": "b6", "text": None},
            {"text": CLEANING[1][0]},
        ],
    )
    texts = seed_texts(2)
    data = "".join(json.dumps({"id": f"seed{n}", "text": text}, ensure_ascii=False) + "\n" for n, text in enumerate(texts))
    (folder / "c.jsonl.gz").write_bytes(gzip.compress(data.encode("utf-8")))
    (folder / "_SUCCESS").write_text("")
    return folder


# --- what is a corpus -----------------------------------------------------------


@pytest.mark.parametrize(
    "name, fmt",
    [
        ("pages.jsonl", "jsonl"),
        ("pages.JSONL", "jsonl"),
        ("pages.ndjson", "jsonl"),
        ("part-0001.jsonl.gz", "jsonl"),
        ("pages.parquet", "parquet"),
        ("A1.txt", "text"),
        ("pages.json", None),
        ("pages.csv", None),
        ("pages.txt.bak", None),
    ],
)
def test_corpus_format(name, fmt):
    assert corpus_format(name) == fmt


@pytest.mark.parametrize(
    "files, reason",
    [
        ([], "no .jsonl, .parquet or .txt files"),
        (["readme.md"], "no .jsonl, .parquet or .txt files"),
        (["_hidden.jsonl", ".also.jsonl"], "no .jsonl, .parquet or .txt files"),
        (["a.jsonl", "b/c.parquet"], "more than one format"),
        (["a.jsonl", "b.txt"], "more than one format"),
    ],
)
def test_folders_that_are_not_one_corpus_are_refused(tmp_path, files, reason):
    for name in files:
        (tmp_path / "in" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "in" / name).write_text("{}\n")
    (tmp_path / "in").mkdir(exist_ok=True)
    with pytest.raises(CorpusError, match=reason):
        run(tmp_path / "in", tmp_path / "out")


@pytest.mark.parametrize("name", ["page.txt", "pages.csv", "missing.jsonl"])
def test_single_files_that_are_not_a_corpus_are_refused(tmp_path, name):
    if name != "missing.jsonl":
        (tmp_path / name).write_text("text\n")
    with pytest.raises(CorpusError):
        run(tmp_path / name, tmp_path / "out")


def test_shards_are_found_in_name_order_skipping_hidden_names(tmp_path):
    for name in ["b.jsonl", "a/z.jsonl", "a/b.jsonl", "_tmp/x.jsonl", ".git/y.jsonl", "notes.md"]:
        write_jsonl(tmp_path / name, [])
    root, shards, ignored = find_shards(tmp_path)
    assert root == tmp_path
    assert [shard.name for shard in shards] == ["a/b.jsonl", "a/z.jsonl", "b.jsonl"]
    assert ignored == 1


@pytest.mark.parametrize("inside", ["in", "in/out"])
def test_output_inside_the_input_is_refused(tmp_path, inside):
    write_jsonl(tmp_path / "in" / "a.jsonl", [{"text": "字"}])
    with pytest.raises(CorpusError, match="inside the input"):
        run(tmp_path / "in", tmp_path / inside)


def test_output_over_a_single_input_file_is_refused(tmp_path):
    source = write_jsonl(tmp_path / "a.jsonl", [{"text": "字"}])
    with pytest.raises(CorpusError, match="overwrite"):
        run(source, tmp_path)
    assert read_jsonl(source) == [{"text": "字"}]


# --- JSONL ----------------------------------------------------------------------


def test_jsonl_records_are_cleaned_with_their_other_fields_and_order_kept(tmp_path):
    corpus = make_jsonl_corpus(tmp_path / "in")
    summary = run(corpus, tmp_path / "out", workers=1)
    records = read_jsonl(tmp_path / "out" / "a.jsonl")
    assert records == [{"id": n, "text": cleaned, "source": "hand", "tags": ["x", n]} for n, (_, cleaned) in enumerate(CLEANING)]
    assert read_jsonl(tmp_path / "out" / "sub" / "b.jsonl") == [
        {"id": "b0", "text": CLEANING[0][1]},
        {"text": CLEANING[1][1]},
    ]
    seeds = read_jsonl(tmp_path / "out" / "c.jsonl.gz")
    assert [record["id"] for record in seeds] == ["seed0", "seed1"]
    assert [record["text"] for record in seeds] == [clean(text) for text in seed_texts(2)]
    assert sorted(tree(tmp_path / "out")) == [
        "_errors.jsonl",
        "_paperclean/done/a.jsonl.json",
        "_paperclean/done/c.jsonl.gz.json",
        "_paperclean/done/sub/b.jsonl.json",
        "a.jsonl",
        "c.jsonl.gz",
        "sub/b.jsonl",
    ]
    assert (summary.records, summary.changed, summary.failed) == (5 + 7 + 2, 3 + 2 + 2, 5)
    assert (summary.shards, summary.skipped_shards, summary.ignored_files) == (3, 0, 0)


def test_failed_records_are_listed_in_the_errors_file(tmp_path):
    corpus = make_jsonl_corpus(tmp_path / "in")
    run(corpus, tmp_path / "out")
    errors = read_jsonl(tmp_path / "out" / ERRORS_FILE)
    assert errors == [
        {"shard": "sub/b.jsonl", "index": 1, "id": "b1", "reason": "no field 'text'"},
        {"shard": "sub/b.jsonl", "index": 2, "id": "b2", "reason": "field 'text' is a number, not a string"},
        {"shard": "sub/b.jsonl", "index": 3, "id": None, "reason": errors[2]["reason"]},
        {"shard": "sub/b.jsonl", "index": 5, "id": None, "reason": "not a JSON object but an array"},
        {"shard": "sub/b.jsonl", "index": 6, "id": "b6", "reason": "field 'text' is null, not a string"},
    ]
    assert errors[2]["reason"].startswith("invalid JSON: ")


def test_other_field_names(tmp_path):
    source = write_jsonl(tmp_path / "pages.jsonl", [{"doc": "x1", "content": CLEANING[1][0]}, {"doc": "x2", "text": "字"}])
    summary = run(source, tmp_path / "out", text_field="content", id_field="doc")
    assert read_jsonl(tmp_path / "out" / "pages.jsonl") == [{"doc": "x1", "content": CLEANING[1][1]}]
    assert read_jsonl(tmp_path / "out" / ERRORS_FILE) == [
        {"shard": "pages.jsonl", "index": 1, "id": "x2", "reason": "no field 'content'"}
    ]
    assert summary.failed == 1


def test_details_are_added_as_json_fields(tmp_path):
    source = write_jsonl(tmp_path / "pages.jsonl", [{"id": 1, "text": CLEANING[0][0]}, {"id": 2, "text": CLEANING[3][0]}])
    run(source, tmp_path / "out", with_details=True)
    changed, unchanged = read_jsonl(tmp_path / "out" / "pages.jsonl")
    assert list(changed) == ["id", "text", *DETAIL_FIELDS]
    assert changed["paperclean_changes"], "the first record was changed"
    for change in changed["paperclean_changes"]:
        assert set(change) == {"step", "block", "offset", "before", "after", "note"}
    assert isinstance(changed["paperclean_metadata"], dict)
    assert unchanged["paperclean_changes"] == []
    assert unchanged["text"] == CLEANING[3][1]


def test_configuration_is_applied(tmp_path):
    source = write_jsonl(tmp_path / "pages.jsonl", [{"text": CLEANING[1][0]}])
    run(source, tmp_path / "out", config=Config(widen_punctuation=False))
    assert read_jsonl(tmp_path / "out" / "pages.jsonl") == [{"text": "记者张三报道：今天天气很好,大家都出门了。\n"}]


def test_empty_shard_is_written_empty(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.jsonl").write_bytes(b"")
    write_jsonl(tmp_path / "in" / "blank.jsonl", ["", "  "])
    summary = run(tmp_path / "in", tmp_path / "out")
    assert (tmp_path / "out" / "empty.jsonl").read_bytes() == b""
    assert (tmp_path / "out" / "blank.jsonl").read_bytes() == b""
    assert (tmp_path / "out" / ERRORS_FILE).read_bytes() == b""
    assert (summary.records, summary.shards) == (0, 2)


def test_gzipped_output_does_not_depend_on_the_time(tmp_path):
    corpus = make_jsonl_corpus(tmp_path / "in")
    run(corpus, tmp_path / "out")
    assert (tmp_path / "out" / "c.jsonl.gz").read_bytes()[4:8] == b"\0\0\0\0"  # gzip MTIME


def test_byte_order_mark_and_crlf_lines_are_read(tmp_path):
    source = tmp_path / "pages.jsonl"
    source.write_bytes(b"\xef\xbb\xbf" + json.dumps({"text": CLEANING[0][0]}).encode() + b"\r\n")
    run(source, tmp_path / "out")
    assert read_jsonl(tmp_path / "out" / "pages.jsonl") == [{"text": CLEANING[0][1]}]


record_texts = st.one_of(st.text(), running_text)


@given(st.lists(st.tuples(st.integers(), record_texts), max_size=5))
def test_piece_round_trip(records):
    """Any text (and any id) goes through a piece and back: the line holds
    the cleaned text and the id; nothing is lost."""
    lines = [json.dumps({"id": ident, "text": text}).encode("utf-8") for ident, text in records]
    piece = Piece(0, 0, "jsonl", "x.jsonl", 0, lines, 0, Options(Config()))
    result = _clean_piece(piece)
    out = [json.loads(line) for line in result.output.decode("utf-8").splitlines()]
    assert out == [{"id": ident, "text": clean(text)} for ident, text in records]
    assert result.errors == [] and result.records == len(records)


def test_lone_surrogate_survives_as_an_escape():
    piece = Piece(0, 0, "jsonl", "x.jsonl", 0, [b'{"text": "\\u5b57\\ud800"}'], 0, Options(Config()))
    result = _clean_piece(piece)
    assert result.errors == []
    assert json.loads(result.output) == {"text": clean("字\ud800")}


# --- Parquet --------------------------------------------------------------------


def make_parquet_corpus(folder: Path) -> Path:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    folder.mkdir(parents=True)
    texts = [text for text, _ in CLEANING]
    table = pa.table({"id": list(range(len(texts))), "text": texts, "score": [0.5] * len(texts)})
    pq.write_table(table, folder / "part-0.parquet", compression="zstd")
    seeds = seed_texts(2) + [None]
    pq.write_table(pa.table({"id": ["s0", "s1", "s2"], "text": pa.array(seeds, type=pa.large_string())}), folder / "part-1.parquet")
    return folder


def test_parquet_records_are_cleaned_with_their_columns_kept(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    corpus = make_parquet_corpus(tmp_path / "in")
    summary = run(corpus, tmp_path / "out")
    first = pq.read_table(tmp_path / "out" / "part-0.parquet")
    assert first.column_names == ["id", "text", "score"]
    assert first.to_pylist() == [{"id": n, "text": cleaned, "score": 0.5} for n, (_, cleaned) in enumerate(CLEANING)]
    assert pq.ParquetFile(tmp_path / "out" / "part-0.parquet").metadata.row_group(0).column(0).compression == "ZSTD"
    second = pq.read_table(tmp_path / "out" / "part-1.parquet")
    assert str(second.schema.field("text").type) == "large_string"
    assert second.column("text").to_pylist() == [clean(text) for text in seed_texts(2)]
    assert read_jsonl(tmp_path / "out" / ERRORS_FILE) == [
        {"shard": "part-1.parquet", "index": 2, "id": "s2", "reason": "field 'text' is null, not a string"}
    ]
    assert (summary.records, summary.failed, summary.shards) == (8, 1, 2)


def test_parquet_details_are_typed_columns(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    corpus = make_parquet_corpus(tmp_path / "in")
    run(corpus, tmp_path / "out", with_details=True)
    table = pq.read_table(tmp_path / "out" / "part-0.parquet")
    assert table.column_names == ["id", "text", "score", *DETAIL_FIELDS]
    row = table.to_pylist()[0]
    assert {change["step"] for change in row["paperclean_changes"]} <= set(Config.step_names())
    assert isinstance(json.loads(row["paperclean_metadata"]), dict)


def test_parquet_without_the_text_column_fails_every_row(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    pq.write_table(pa.table({"id": [1, 2], "body": ["字", "词"]}), tmp_path / "p.parquet")
    summary = run(tmp_path / "p.parquet", tmp_path / "out")
    assert summary.failed == 2
    assert pq.read_table(tmp_path / "out" / "p.parquet").num_rows == 0
    assert [error["reason"] for error in read_jsonl(tmp_path / "out" / ERRORS_FILE)] == ["no field 'text'"] * 2


# --- folders of text files ------------------------------------------------------------


def make_text_corpus(folder: Path) -> Path:
    (folder / "2021" / "12").mkdir(parents=True)
    (folder / "A1.txt").write_text(CLEANING[0][0], encoding="utf-8")
    (folder / "2021" / "A2.txt").write_bytes(CLEANING[1][0].encode("gb18030"))
    (folder / "2021" / "12" / "A3.txt").write_text(seed_texts(1)[0], encoding="utf-8")
    (folder / "2021" / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "2021" / "notes.md").write_text("not a page")
    return folder


def test_text_folder_is_mirrored(tmp_path):
    corpus = make_text_corpus(tmp_path / "in")
    summary = run(corpus, tmp_path / "out")
    out = tmp_path / "out"
    assert (out / "A1.txt").read_text(encoding="utf-8") == CLEANING[0][1]
    assert (out / "2021" / "A2.txt").read_text(encoding="utf-8") == CLEANING[1][1]
    assert (out / "2021" / "12" / "A3.txt").read_text(encoding="utf-8") == clean(seed_texts(1)[0])
    assert not (out / "2021" / "scan.txt").exists()
    assert not (out / "2021" / "notes.md").exists()
    assert read_jsonl(out / ERRORS_FILE) == [
        {"shard": "2021/scan.txt", "index": 1, "id": "2021/scan.txt", "reason": "binary file (NUL bytes), not text"}
    ]
    assert (summary.records, summary.failed, summary.ignored_files) == (4, 1, 1)


def test_text_folder_details_go_to_sidecars(tmp_path):
    corpus = make_text_corpus(tmp_path / "in")
    run(corpus, tmp_path / "out", with_details=True)
    sidecar = json.loads((tmp_path / "out" / "A1.txt.paperclean.json").read_text(encoding="utf-8"))
    assert list(sidecar) == ["id", *DETAIL_FIELDS]
    assert sidecar["id"] == "A1.txt"


# --- engines agree; reruns resume -------------------------------------------------------


def test_process_pool_gives_the_same_bytes_as_one_process(tmp_path):
    corpus = make_jsonl_corpus(tmp_path / "in")
    one = run(corpus, tmp_path / "one", workers=1, with_details=True)
    two = run(corpus, tmp_path / "two", workers=2, with_details=True)
    assert two.workers == 2
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    assert (one.records, one.changed, one.failed) == (two.records, two.changed, two.failed)


def test_rerun_after_an_interruption_finishes_the_missing_shards_only(tmp_path):
    corpus = make_jsonl_corpus(tmp_path / "in")
    out = tmp_path / "out"
    run(corpus, out)
    before = tree(out)
    kept = {name: (out / name).stat().st_mtime_ns for name in ("a.jsonl", "c.jsonl.gz")}
    (out / "sub" / "b.jsonl").unlink()  # the run was stopped before this shard was written
    (out / ERRORS_FILE).unlink()
    summary = run(corpus, out)
    assert (summary.shards, summary.skipped_shards) == (1, 2)
    assert summary.records == 7  # the records of sub/b.jsonl only
    assert tree(out) == before
    assert {name: (out / name).stat().st_mtime_ns for name in kept} == kept


def test_rerun_of_a_complete_run_writes_nothing_but_keeps_the_errors(tmp_path):
    corpus = make_jsonl_corpus(tmp_path / "in")
    run(corpus, tmp_path / "out")
    before = tree(tmp_path / "out")
    summary = run(corpus, tmp_path / "out")
    assert (summary.shards, summary.skipped_shards, summary.records) == (0, 3, 0)
    assert tree(tmp_path / "out") == before


def test_rerun_with_other_options_or_a_changed_input_redoes_the_shards_concerned(tmp_path):
    corpus = make_jsonl_corpus(tmp_path / "in")
    run(corpus, tmp_path / "out")
    assert run(corpus, tmp_path / "out", with_details=True).shards == 3
    write_jsonl(corpus / "a.jsonl", [{"id": 0, "text": "新的文字。"}])
    os.utime(corpus / "a.jsonl", ns=(1, 1))
    summary = run(corpus, tmp_path / "out", with_details=True)
    assert (summary.shards, summary.skipped_shards) == (1, 2)
    assert [record["text"] for record in read_jsonl(tmp_path / "out" / "a.jsonl")] == ["新的文字。\n"]


def test_interrupted_shard_write_leaves_no_partial_output(tmp_path, monkeypatch):
    """A failure while writing shards: shards written before it are
    complete, the others absent, and a rerun finishes them."""
    import paperclean.corpus as corpus_module

    corpus = make_jsonl_corpus(tmp_path / "in")
    out = tmp_path / "out"
    real_write = corpus_module.write_atomic

    def write_then_fail(path, data, *args):
        if path.endswith("b.jsonl"):
            raise KeyboardInterrupt
        real_write(path, data, *args)

    monkeypatch.setattr(corpus_module, "write_atomic", write_then_fail)
    with pytest.raises(KeyboardInterrupt):
        run(corpus, out, workers=1)
    monkeypatch.setattr(corpus_module, "write_atomic", real_write)
    assert (out / "a.jsonl").is_file() and not (out / "sub" / "b.jsonl").exists()
    summary = run(corpus, out, workers=1)
    assert (summary.shards, summary.skipped_shards) == (1, 2)
    assert len(read_jsonl(out / ERRORS_FILE)) == 5


def test_progress_bar_on_a_terminal(tmp_path, monkeypatch):
    import io
    import sys

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    corpus = make_jsonl_corpus(tmp_path / "in")
    clean_corpus(corpus, tmp_path / "out", workers=1, progress=True)
    assert "14 records, 5 failed" in terminal.getvalue()
    assert "B/s" in terminal.getvalue()


def test_no_progress_bar_off_a_terminal(tmp_path, capsys):
    corpus = make_jsonl_corpus(tmp_path / "in")
    clean_corpus(corpus, tmp_path / "out", workers=1, progress=True)
    assert capsys.readouterr().err == ""


# --- the command line ---------------------------------------------------------------


def test_cli_cleans_and_summarizes(tmp_path, capsys):
    source = write_jsonl(tmp_path / "pages.jsonl", [{"id": 1, "text": CLEANING[0][0]}])
    assert main_corpus([str(source), str(tmp_path / "out")]) == 0
    assert read_jsonl(tmp_path / "out" / "pages.jsonl") == [{"id": 1, "text": CLEANING[0][1]}]
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("paperclean: 1 records: 1 changed, 0 failed;")


def test_cli_quiet_and_config_flags(tmp_path, capsys):
    source = write_jsonl(tmp_path / "pages.jsonl", [{"body": CLEANING[1][0]}])
    argv = [str(source), str(tmp_path / "out"), "--quiet", "--text-field", "body", "--skip", "widen_punctuation"]
    assert main_corpus(argv) == 0
    assert read_jsonl(tmp_path / "out" / "pages.jsonl") == [{"body": "记者张三报道：今天天气很好,大家都出门了。\n"}]
    assert capsys.readouterr().err == ""


def test_cli_failed_records_exit_2_after_writing_everything(tmp_path, capsys):
    corpus = make_jsonl_corpus(tmp_path / "in")
    assert main_corpus([str(corpus), str(tmp_path / "out"), "-q", "--workers", "1"]) == 2
    assert (tmp_path / "out" / "a.jsonl").is_file()
    assert capsys.readouterr().err == f"paperclean: error: {tmp_path / 'out' / ERRORS_FILE}: 5 record(s) could not be cleaned\n"


@pytest.mark.parametrize(
    "argv, message",
    [
        (["{tmp}/missing", "{tmp}/out"], "paperclean: error: {tmp}/missing: no such file or directory"),
        (["{tmp}/in", "{tmp}/in/out"], "paperclean: error: {tmp}/in/out: is inside the input folder"),
        (["{tmp}/in", "{tmp}/out", "--workers", "0"], "paperclean: error: --workers must be at least 1"),
        (["{tmp}/in", "{tmp}/out", "--ray-address", "auto"], "paperclean: error: --ray-address needs --engine ray"),
        (["{tmp}/in", "{tmp}/out", "--engine", "spark"], "paperclean: error: argument --engine: invalid choice"),
        (["{tmp}/in", "{tmp}/out", "--skip", "no_such_step"], "paperclean: error: --skip: unknown step"),
        (["{tmp}/in"], "paperclean: error: the following arguments are required: OUT"),
    ],
)
def test_cli_errors_are_one_line_and_exit_2(tmp_path, capsys, argv, message):
    write_jsonl(tmp_path / "in" / "a.jsonl", [{"text": "字"}])
    argv = [arg.format(tmp=tmp_path) for arg in argv]
    assert main_corpus(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(message.format(tmp=tmp_path))
    assert err.count("\n") == 1
    assert not (tmp_path / "out").exists()


# --- Ray ----------------------------------------------------------------------------


ray_deprecations = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # Ray's own, not ours


@pytest.fixture(scope="module")
def ray_session():
    """One local Ray with two CPUs for all the Ray tests (starting one takes
    seconds)."""
    ray = pytest.importorskip("ray")
    pytest.importorskip("ray.data")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


@ray_deprecations
@pytest.mark.parametrize("make, details", [(make_jsonl_corpus, True), (make_parquet_corpus, False), (make_text_corpus, True)])
def test_ray_gives_the_same_bytes_as_the_local_engine(ray_session, tmp_path, make, details):
    corpus = make(tmp_path / "in")
    local = run(corpus, tmp_path / "local", engine="local", workers=2, with_details=details)
    on_ray = run(corpus, tmp_path / "ray", engine="ray", workers=2, with_details=details)
    assert tree(tmp_path / "ray") == tree(tmp_path / "local")
    assert (on_ray.records, on_ray.changed, on_ray.failed) == (local.records, local.changed, local.failed)
    assert on_ray.failed > 0 and read_jsonl(tmp_path / "ray" / ERRORS_FILE)
    assert on_ray.engine == "ray" and on_ray.workers == 2


@ray_deprecations
def test_ray_rerun_finishes_the_missing_shards_only(ray_session, tmp_path):
    corpus = make_jsonl_corpus(tmp_path / "in")
    run(corpus, tmp_path / "local", workers=1)
    out = tmp_path / "ray"
    run(corpus, out, engine="ray")
    (out / "a.jsonl").unlink()
    summary = run(corpus, out, engine="ray")
    assert (summary.shards, summary.skipped_shards, summary.records) == (1, 2, 5)
    assert tree(out) == tree(tmp_path / "local")
