"""Reading files in whatever encoding they came in, and writing them atomically.

Encodings: UTF-8 (with or without BOM) and UTF-16 with BOM are recognized by
their bytes; anything else is handed to `charset-normalizer`, limited to the
encodings Chinese text comes in (GB18030, which covers GBK and GB2312, and
Big5).  We chose charset-normalizer over chardet and cchardet because it is
maintained, pure Python with optional speedups, and judges candidates by how
coherent the decoded text is, which is what separates GB18030 from Big5 on
short Chinese pages.
"""

from __future__ import annotations

import codecs
import os
import stat
import tempfile
from dataclasses import dataclass


class InputError(Exception):
    """A file that cannot be read as text: the message says why, in one line."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # a Python codec name, e.g. "utf-8", "utf-8-sig", "utf-16", "gb18030"


_DETECTABLE = ["gb18030", "big5"]
_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


def decode_bytes(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode `data`: with `encoding` if given, else by BOM, UTF-8, or detection.

    >>> decode_bytes("衡水".encode("gb18030")).encoding
    'gb18030'
    >>> decode_bytes(b"\\xef\\xbb\\xbfabc").text
    'abc'
    """
    if encoding:
        try:
            return Decoded(data.decode(encoding), encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as error:
            raise InputError(f"not valid {encoding} at byte {error.start}") from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(name), name)
            except UnicodeDecodeError as error:
                raise InputError(f"not valid {name} at byte {error.start}") from None
    if b"\x00" in data:
        raise InputError("binary file (NUL bytes), not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # imported on demand: most input is UTF-8

    best = from_bytes(data, cp_isolation=_DETECTABLE).best()
    if best is None:
        raise InputError("cannot decode: not UTF-8, UTF-16, GB18030 or Big5 (use --encoding)")
    name = "gb18030" if best.encoding in ("gb18030", "gbk", "gb2312") else best.encoding
    text = data.decode(name)
    if _looks_binary(text):
        raise InputError("binary file, not text")
    return Decoded(text, name)


def _looks_binary(text: str) -> bool:
    controls = sum(1 for char in text[:4096] if ord(char) < 32 and char not in "\t\n\r\f")
    return controls > 8


def read_text(path: str, encoding: str | None = None) -> Decoded:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise InputError(error.strerror or str(error)) from None
    return decode_bytes(data, encoding)


def encode_text(text: str, encoding: str) -> bytes:
    try:
        return text.encode(encoding)
    except UnicodeEncodeError as error:
        raise InputError(f"cannot encode {text[error.start]!r} as {encoding}") from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None


def write_atomic(path: str, data: bytes, backup_suffix: str | None = None) -> None:
    """Replace `path` by `data` so that a crash leaves the old or the new file,
    never a half-written one: write a temporary file in the same directory,
    flush and fsync it, give it the old file's permissions, then rename it over
    the old file.  With `backup_suffix` the old file is kept beside it."""
    directory = os.path.dirname(os.path.abspath(path))
    mode = None
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        pass
    fd, temporary = tempfile.mkstemp(prefix=".paperclean-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        if backup_suffix and mode is not None:
            backup = path + backup_suffix
            if os.path.exists(backup):
                os.remove(backup)
            os.link(path, backup)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.remove(temporary)
        except FileNotFoundError:
            pass
        raise
    try:
        dir_fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
