"""Reading files in whatever encoding they came in, and writing them atomically.

Decoding (:func:`decode_bytes`), in this order:

1. ``--encoding`` given: that codec, strictly (a UTF-8 BOM is still honoured
   and kept, so ``--encoding utf-8`` on a file with a BOM round-trips).
2. A byte order mark: UTF-8, UTF-16 (LE/BE) or UTF-32 (LE/BE).  The BOM is
   remembered, so a file rewritten in place keeps it.
3. A NUL byte in the first 8000 bytes: a binary file, refused (git's rule).
4. Valid UTF-8.
5. Otherwise `charset-normalizer`, limited to the encodings Chinese pages come
   in: GB18030 (which covers GBK and GB2312) and Big5.  When both read the
   bytes equally well (a few characters only), GB18030 wins: the mainland
   press is what this tool is mostly fed.

Whatever the route, text with many control characters is refused as binary,
and bytes that are almost all valid UTF-8 are reported as broken UTF-8 rather
than guessed as GB18030 mojibake.

Why charset-normalizer: it is maintained (it is what `requests` uses), pure
Python with optional speedups and no C dependency to build, it accepts a list
of candidate encodings (``cp_isolation``), and it ranks candidates by how
coherent the decoded text is, which is what separates GB18030 from Big5 (every
Big5 byte pair is also a valid GBK pair, so a strict decode cannot decide).
chardet is slower and ranks by byte statistics; cchardet is unmaintained.

Writing (:func:`write_atomic`): a temporary file ``.paperclean-*.tmp`` in the
target's directory, written, flushed and fsynced, given the old file's
permissions (and owner, where allowed), then renamed over the target, and the
directory fsynced.  An interruption at any moment leaves the target either
exactly old or exactly new, never missing or half written.  A process killed
with SIGKILL (or a power cut) may leave its ``.paperclean-*.tmp`` behind: it is
a complete or partial copy of the *new* text, safe to delete; nothing else
refers to it.
"""

from __future__ import annotations

import codecs
import os
import secrets
import shutil
import stat
import tempfile
from dataclasses import dataclass

import regex


class InputError(Exception):
    """A file that cannot be read or written as text: the message says why,
    in one line."""


@dataclass(frozen=True)
class Decoded:
    """Decoded text and how to encode it again: `encoding` is a Python codec
    name (``"utf-8"``, ``"utf-16-le"``, ``"gb18030"``, ``"big5"``, or the one
    forced), `bom` whether the bytes began with a byte order mark."""

    text: str
    encoding: str
    bom: bool = False


#: Candidates for detection, in order of preference when they tie.
DETECTABLE = ("gb18030", "big5")
#: Longest first: the UTF-32-LE BOM begins with the UTF-16-LE one.
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
_BOM_OF = {name: bom for bom, name in _BOMS}
#: Control characters that do not occur in text (tab, newlines, form feed and
#: escape do).
_CONTROL_RE = regex.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_NON_ASCII_RE = regex.compile(r"[^\x00-\x7f]")
_BINARY_SAMPLE = 8000


def decode_bytes(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode `data`: with `encoding` if given, else by BOM, UTF-8, or
    detection among GB18030 and Big5; refuse binary data.

    Why: extracted pages arrive in the encoding of whatever tool or archive
    produced them, and a wrong guess silently corrupts the only copy.  What
    it leaves alone: the text itself (no normalization happens here).

    >>> decode_bytes("本报讯 记者".encode("gb18030"))
    Decoded(text='本报讯 记者', encoding='gb18030', bom=False)
    >>> decode_bytes(b"\\xef\\xbb\\xbfabc")
    Decoded(text='abc', encoding='utf-8', bom=True)
    >>> decode_bytes(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    Traceback (most recent call last):
    ...
    paperclean.fileio.InputError: binary file (NUL bytes), not text
    """
    if encoding:
        name = codec_name(encoding)
        bom = name == "utf-8" and data.startswith(codecs.BOM_UTF8)
        decoded = Decoded(_decode(data[3:] if bom else data, encoding), name, bom)
    else:
        decoded = _detect(data)
    if _looks_binary(decoded.text):
        raise InputError("binary file (control characters), not text")
    return decoded


def _detect(data: bytes) -> Decoded:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return Decoded(_decode(data[len(bom) :], name), name, True)
    if b"\x00" in data[:_BINARY_SAMPLE]:
        raise InputError("binary file (NUL bytes), not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        if _mostly_utf8(data):
            raise InputError(
                f"invalid UTF-8 at byte {error.start} in an otherwise UTF-8 file (use --encoding to force one)"
            ) from None
    from charset_normalizer import from_bytes  # imported on demand: most input is UTF-8

    results = list(from_bytes(data, cp_isolation=list(DETECTABLE)))
    if not results:
        raise InputError("cannot decode: not UTF-8, UTF-16, GB18030 or Big5 (use --encoding)")
    best = min(results, key=lambda r: (r.chaos, -r.coherence, _preference(r.encoding)))
    name = "gb18030" if best.encoding in ("gb18030", "gbk", "gb2312") else best.encoding
    return Decoded(_decode(data, name), name)


def _preference(encoding: str) -> int:
    name = "gb18030" if encoding in ("gbk", "gb2312") else encoding
    return DETECTABLE.index(name) if name in DETECTABLE else len(DETECTABLE)


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as error:
        raise InputError(f"not valid {encoding} at byte {error.start}") from None


def _mostly_utf8(data: bytes) -> bool:
    """Whether the non-ASCII bytes are nearly all well-formed UTF-8."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    valid = len(_NON_ASCII_RE.findall(text)) - broken
    return valid >= 4 * broken


def _looks_binary(text: str) -> bool:
    sample = text[:_BINARY_SAMPLE]
    if "\x00" in sample:
        return True
    controls = len(_CONTROL_RE.findall(sample))
    return controls > 2 and controls * 20 > len(sample)


def codec_name(encoding: str) -> str:
    """The canonical Python name of `encoding`, or :class:`InputError`.

    >>> codec_name("GBK"), codec_name("utf8")
    ('gbk', 'utf-8')
    """
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None


def read_text(path: str, encoding: str | None = None) -> Decoded:
    """Read and decode the file at `path` (see :func:`decode_bytes`)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise InputError(error.strerror or str(error)) from None
    return decode_bytes(data, encoding)


def encode_text(text: str, encoding: str, bom: bool = False) -> bytes:
    """`text` in `encoding`, preceded by the encoding's BOM when `bom`.

    >>> encode_text("ab", "utf-16-le", bom=True)
    b'\\xff\\xfea\\x00b\\x00'
    """
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError as error:
        raise InputError(
            f"cannot encode {text[error.start]!r} in {encoding} (use --output-encoding)"
        ) from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    if bom and encoding in _BOM_OF:
        data = _BOM_OF[encoding] + data
    return data


def write_atomic(path: str, data: bytes, backup_suffix: str | None = None) -> None:
    """Replace the file at `path` by `data` so that an interruption leaves the
    old or the new file, never a half-written or missing one.

    The temporary file sits in the same directory (a rename is atomic only
    within one file system), is fsynced before the rename, and gets the old
    file's permissions; a new file gets the usual ones (0666 less the umask).
    A symbolic link is followed: the file it points to is replaced and the
    link stays.  With `backup_suffix` the old file is kept as
    ``path + backup_suffix`` (a hard link where the file system allows it, a
    copy otherwise).
    """
    target = os.path.realpath(path)
    directory = os.path.dirname(target)
    try:
        old = os.stat(target)
    except FileNotFoundError:
        old = None
    fd, temporary = tempfile.mkstemp(prefix=".paperclean-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if old is None:
            os.chmod(temporary, 0o666 & ~_umask())
        else:
            os.chmod(temporary, stat.S_IMODE(old.st_mode))
            _keep_owner(temporary, old)
            if backup_suffix:
                _backup(target, path + backup_suffix)
        os.replace(temporary, target)
    except BaseException:
        _remove_quietly(temporary)
        raise
    _fsync_directory(directory)


def _backup(source: str, backup: str) -> None:
    """Make `backup` a copy of `source`, replacing any older backup in one
    step (so an interruption never leaves a half-written backup either)."""
    staging = os.path.join(os.path.dirname(os.path.abspath(backup)), f".paperclean-{secrets.token_hex(8)}.tmp")
    try:
        try:
            os.link(source, staging)
        except OSError:  # no hard links here (FAT, some network file systems) or across devices
            shutil.copy2(source, staging)
        os.replace(staging, backup)
    except BaseException:
        _remove_quietly(staging)
        raise


def _keep_owner(path: str, old: os.stat_result) -> None:
    if not hasattr(os, "chown"):
        return
    try:
        current = os.stat(path)
        if (current.st_uid, current.st_gid) != (old.st_uid, old.st_gid):
            os.chown(path, old.st_uid, old.st_gid)
    except OSError:  # only root may give a file away; the permissions are kept anyway
        pass


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _remove_quietly(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


def _fsync_directory(directory: str) -> None:
    """Make the rename itself durable (POSIX; a no-op where directories
    cannot be opened)."""
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
