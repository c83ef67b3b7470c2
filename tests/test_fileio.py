"""Reading in the encodings Chinese pages come in, and atomic writing.

The encoded fixtures are built here from known Chinese text (GB18030, GBK,
Big5, UTF-8 with and without BOM, UTF-16/32 with BOM), so the expected text of
every case is the text we encoded, not something the code produced.
"""

import codecs
import os
import stat

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paperclean import fileio
from paperclean.fileio import Decoded, InputError, decode_bytes, encode_text, read_text, write_atomic
from strategies import page

SIMPLIFIED = "本报讯（记者张月亭）入冬以来，市住房和城乡建设局把保障群众清洁温暖安全过冬作为一项重大民心工程。\n"
TRADITIONAL = "臺灣的報紙很多，我們每天閱讀新聞，關心經濟與環境。\n"

DETECTED = [
    # (bytes, text, encoding, bom)
    (SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8", False),
    (b"plain ASCII\n", "plain ASCII\n", "utf-8", False),
    (b"", "", "utf-8", False),
    (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8", True),
    (codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED, "utf-16-le", True),
    (codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, "utf-16-be", True),
    (codecs.BOM_UTF32_LE + SIMPLIFIED.encode("utf-32-le"), SIMPLIFIED, "utf-32-le", True),
    (codecs.BOM_UTF16_LE + TRADITIONAL.encode("utf-16-le"), TRADITIONAL, "utf-16-le", True),
    (SIMPLIFIED.encode("gb18030"), SIMPLIFIED, "gb18030", False),
    (SIMPLIFIED.encode("gbk"), SIMPLIFIED, "gb18030", False),  # GBK is a subset of GB18030
    (SIMPLIFIED.encode("gb2312"), SIMPLIFIED, "gb18030", False),
    (TRADITIONAL.encode("gb18030"), TRADITIONAL, "gb18030", False),  # traditional characters in GB18030
    (TRADITIONAL.encode("big5"), TRADITIONAL, "big5", False),
    ("衡水".encode("gb18030"), "衡水", "gb18030", False),  # too short to tell: GB18030 wins the tie
    ("记者".encode("gb18030"), "记者", "gb18030", False),
    ("中文 and English, 2023年\n".encode("gb18030"), "中文 and English, 2023年\n", "gb18030", False),
]


@pytest.mark.parametrize("data, text, encoding, bom", DETECTED)
def test_detects_the_encoding(data, text, encoding, bom):
    assert decode_bytes(data) == Decoded(text, encoding, bom)


@pytest.mark.parametrize("data, text, encoding, bom", DETECTED)
def test_encoding_again_gives_the_same_bytes(data, text, encoding, bom):
    decoded = decode_bytes(data)
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff") or data.startswith(codecs.BOM_UTF8) or text.isascii():
        assert encode_text(decoded.text, decoded.encoding, decoded.bom) == data
    else:  # GBK/GB2312 bytes are GB18030 bytes
        assert encode_text(decoded.text, decoded.encoding, decoded.bom) == text.encode(encoding)


FORCED = [
    # (bytes, encoding given, text, encoding reported, bom)
    (TRADITIONAL.encode("big5"), "big5", TRADITIONAL, "big5", False),
    (TRADITIONAL.encode("big5"), "BIG5", TRADITIONAL, "big5", False),
    ("衡水".encode("big5"), "big5", "衡水", "big5", False),
    (SIMPLIFIED.encode("gbk"), "GBK", SIMPLIFIED, "gbk", False),
    (codecs.BOM_UTF8 + b"abc", "utf-8", "abc", "utf-8", True),  # the BOM is honoured and kept
    (codecs.BOM_UTF8 + b"abc", "utf-8-sig", "abc", "utf-8-sig", False),
    ("无BOM".encode("utf-16-le"), "utf-16-le", "无BOM", "utf-16-le", False),  # BOM-less UTF-16 only when forced
    (b"caf\xe9\n", "latin-1", "café\n", "iso8859-1", False),
]


@pytest.mark.parametrize("data, given_encoding, text, encoding, bom", FORCED)
def test_a_forced_encoding_is_used(data, given_encoding, text, encoding, bom):
    decoded = decode_bytes(data, given_encoding)
    assert decoded == Decoded(text, encoding, bom)
    assert encode_text(decoded.text, decoded.encoding, decoded.bom) == data


REFUSED = [
    # (bytes, forced encoding, words the reason must contain)
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None, "binary"),
    (b"text\x00with a NUL\n", None, "binary"),
    (bytes(range(256)) * 4, None, "binary"),
    (b"\x01\x02\x03\x04\x05\x06\x07\x08abc\x0e\x0f", None, "binary"),
    (b"\x01\x02\x03\x04\x05\x06\x07\x08abc\x0e\x0f", "latin-1", "binary"),  # forcing does not let binary in
    ((SIMPLIFIED * 3).encode("utf-8")[:-2] + b"\xff\n", None, "UTF-8"),  # broken UTF-8 is not guessed as GB18030
    (b"caf\xe9 au lait\n", None, "cannot decode"),  # Latin-1: neither UTF-8, GB18030 nor Big5
    (SIMPLIFIED.encode("gb18030"), "utf-8", "not valid utf-8"),
    (b"abc", "no-such-codec", "unknown encoding"),
    (codecs.BOM_UTF16_LE + b"\x00\xd8", None, "not valid utf-16-le"),  # an unpaired surrogate
]


@pytest.mark.parametrize("data, encoding, reason", REFUSED)
def test_refuses_what_is_not_text(data, encoding, reason):
    with pytest.raises(InputError, match=reason) as raised:
        decode_bytes(data, encoding)
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(
    "text, encoding",
    [
        ("text with\ttabs\fand page breaks\r\n", "utf-8"),
        ("escape \x1b[1m bold", "utf-8"),
    ],
)
def test_text_with_a_few_ordinary_controls_is_text(text, encoding):
    assert decode_bytes(text.encode(encoding)).text == text


def test_encode_refuses_a_character_the_encoding_lacks():
    with pytest.raises(InputError, match="cannot encode '这' in big5.*--output-encoding"):
        encode_text("这是新闻", "big5")
    with pytest.raises(InputError, match="unknown encoding"):
        encode_text("a", "no-such-codec")


@pytest.mark.parametrize(
    "encoding, bom, prefix",
    [
        ("utf-8", True, codecs.BOM_UTF8),
        ("utf-8", False, b""),
        ("utf-16-le", True, codecs.BOM_UTF16_LE),
        ("utf-16-be", True, codecs.BOM_UTF16_BE),
        ("gb18030", False, b""),
        ("gb18030", True, b""),  # no BOM exists for it: none is written
    ],
)
def test_encode_writes_the_bom_asked_for(encoding, bom, prefix):
    data = encode_text("新闻", encoding, bom)
    assert data == prefix + "新闻".encode(encoding)


@given(page())
def test_round_trip_through_every_encoding(text):
    for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
        assert decode_bytes(encode_text(text, encoding, bom=True)) == Decoded(text, encoding, True)
    assert decode_bytes(encode_text(text, "utf-8")) == Decoded(text, "utf-8", False)
    assert decode_bytes(encode_text(text, "gb18030"), "gb18030").text == text


@given(st.binary(max_size=200))
def test_any_bytes_decode_or_raise_input_error(data):
    try:
        decoded = decode_bytes(data)
    except InputError:
        return
    assert isinstance(decoded.text, str)


def test_read_text_reports_a_missing_file(tmp_path):
    with pytest.raises(InputError, match="No such file"):
        read_text(str(tmp_path / "missing.txt"))
    with pytest.raises(InputError, match="directory"):
        read_text(str(tmp_path))


# --- write_atomic ------------------------------------------------------------


def leftovers(directory):
    return sorted(name for name in os.listdir(directory) if name.startswith(".paperclean-"))


def test_write_atomic_replaces_the_content_and_keeps_the_permissions(tmp_path):
    target = tmp_path / "page.txt"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    write_atomic(str(target), "新".encode("gb18030"))
    assert target.read_bytes() == "新".encode("gb18030")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640
    assert leftovers(tmp_path) == []


def test_write_atomic_gives_a_new_file_the_usual_permissions(tmp_path):
    mask = os.umask(0o027)
    try:
        write_atomic(str(tmp_path / "new.txt"), b"x")
    finally:
        os.umask(mask)
    assert stat.S_IMODE(os.stat(tmp_path / "new.txt").st_mode) == 0o640


def test_write_atomic_follows_a_symbolic_link(tmp_path):
    real = tmp_path / "real.txt"
    real.write_bytes(b"old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomic(str(link), b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_write_atomic_keeps_a_backup(tmp_path):
    target = tmp_path / "page.txt"
    target.write_bytes(b"first")
    write_atomic(str(target), b"second", ".orig")
    assert (tmp_path / "page.txt.orig").read_bytes() == b"first"
    write_atomic(str(target), b"third", ".orig")  # an older backup is replaced
    assert (tmp_path / "page.txt.orig").read_bytes() == b"second"
    assert target.read_bytes() == b"third"
    assert leftovers(tmp_path) == []


def test_backup_falls_back_to_a_copy_without_hard_links(tmp_path, monkeypatch):
    def no_links(source, destination):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "page.txt"
    target.write_bytes(b"old")
    os.chmod(target, 0o604)
    write_atomic(str(target), b"new", ".bak")
    assert (tmp_path / "page.txt.bak").read_bytes() == b"old"
    assert stat.S_IMODE(os.stat(tmp_path / "page.txt.bak").st_mode) == 0o604
    assert target.read_bytes() == b"new"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("failing", ["fsync", "replace"])
@pytest.mark.parametrize("exception", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_an_interrupted_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch, failing, exception):
    target = tmp_path / "page.txt"
    target.write_bytes(b"old")

    def fail(*args):
        raise exception

    monkeypatch.setattr(fileio.os, failing, fail)
    with pytest.raises(type(exception)):
        write_atomic(str(target), b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_write_atomic_reports_an_unwritable_directory(tmp_path):
    with pytest.raises(OSError):
        write_atomic(str(tmp_path / "missing-dir" / "page.txt"), b"x")
