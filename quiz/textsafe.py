"""Reading a file a person names, and printing text that came from one, safely.

`read_regular` opens only a regular file (never a FIFO that would block forever, nor a
device such as /dev/zero that never ends) and reads at most a stated number of bytes,
so a wrong or hostile path costs neither a hang nor unbounded memory. `printable`
removes the characters that let a file's text drive the terminal: escape sequences
(ESC, CSI, OSC) and the bidirectional overrides that reorder what is shown.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Sequence
from pathlib import Path

from quiz.errors import CONTROL_CHARACTERS, InputFileError

MIB = 1024 * 1024

# Whole escape sequences first, so their parameters do not stay behind as text:
# OSC (ESC ] or 0x9d, up to BEL or ST), CSI (ESC [ or 0x9b, parameters, one final
# byte), and any other two-byte ESC sequence.
_SEQUENCE = re.compile(
    r"(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|\x1b[ -~]?"
)
# Then single characters: C0 controls except tab and newline, DEL, C1 controls, and the
# Unicode bidirectional embedding, override and isolate controls and implicit marks (the
# characters an error line escapes, quiz.errors.escape_controls).
_UNPRINTABLE = CONTROL_CHARACTERS


def printable(text: str) -> str:
    """`text` without terminal escape sequences and control characters (tab, newline kept)."""
    # Every sequence starts with a character _UNPRINTABLE finds, and that one search is a
    # tenth of the sequences' (57 -> 5 ms for 1 MB of notes, which nearly never hold one).
    if _UNPRINTABLE.search(text) is None:
        return text
    return _UNPRINTABLE.sub("", _SEQUENCE.sub("", text))


def printable_lines(lines: Sequence[str]) -> str:
    """`printable` of each line, joined by newlines: one search of the whole text when no
    line holds a character it removes (every sequence it removes starts with one)."""
    text = "\n".join(lines)
    if _UNPRINTABLE.search(text) is None:  # as `printable` would find first
        return text
    return "\n".join(printable(line) for line in lines)


def describe_size(size: int) -> str:
    """A byte count for people: '1 MiB', '512 KiB', '300 bytes'. A size between two shown
    steps is rounded up, so a file just over a limit never reads as the limit itself
    ("64 KiB, over the limit of 64 KiB")."""
    if size >= MIB and size % MIB == 0:
        return f"{size // MIB} MiB"
    if size >= MIB:
        return f"{-(-size * 10 // MIB) / 10:.1f} MiB"
    if size >= 1024:
        return f"{-(-size // 1024)} KiB"
    return f"{size} bytes"


def file_kind(mode: int) -> str:
    """'a folder', 'a FIFO (named pipe)', 'a device'... for a mode that is not a regular file's."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


Signature = tuple[int, int, int] | None
"""(mtime_ns, size, inode) of one version of a file, or None while it cannot be read."""


def file_signature(path: Path) -> Signature:
    """What tells a file saved again (or replaced by a rename) from the one read before:
    `drillbit watch` grades each new save, and the app's bank reloads a card file edited
    while it runs. None while the file does not exist (mid-rename) or cannot be read."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


def read_regular(
    path: Path, *, limit: int, follow_symlinks: bool = True, title: str = "input"
) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them.

    InputFileError (naming the path) for anything else: a missing file, a folder, a
    FIFO, a device, a symlink when `follow_symlinks` is False, a file over `limit`, or
    one written to while it was read (its size or change time differ after the read:
    what was read may be cut anywhere).
    The open is non-blocking and the type is checked on the opened descriptor, so a
    file swapped for a FIFO between the check and the open still cannot block.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    if not follow_symlinks:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        if not follow_symlinks and stat.S_ISLNK(os.lstat(path).st_mode):
            raise InputFileError(
                path, title=title, reason="a symbolic link; links are not followed here"
            )
        fd = os.open(path, flags)
    except InputFileError:
        raise
    except OSError as exc:
        raise InputFileError(
            path, title=title, reason=f"cannot read it: {exc.strerror or exc}"
        ) from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputFileError(
                path, title=title, reason=f"{file_kind(info.st_mode)}, not a regular file"
            )
        if info.st_size > limit:
            raise InputFileError(
                path,
                title=title,
                reason=f"{describe_size(info.st_size)}, over the limit of {describe_size(limit)}",
            )
        chunks: list[bytes] = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, MIB))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        after = os.fstat(fd)
    except OSError as exc:
        raise InputFileError(
            path, title=title, reason=f"cannot read it: {exc.strerror or exc}"
        ) from exc
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise InputFileError(
            path,
            title=title,
            reason=f"over the limit of {describe_size(limit)} (it grew while read)",
        )
    if (after.st_size, after.st_mtime_ns) != (info.st_size, info.st_mtime_ns):
        # written to while read (an editor saving in place, a download going on): what
        # was read may be cut mid-answer, and a card made of it would lose the rest
        raise InputFileError(
            path,
            title=title,
            reason="it changed while it was read; try again once it is saved",
        )
    return data


def read_regular_text(
    path: Path, *, limit: int, follow_symlinks: bool = True, title: str = "input"
) -> str:
    """`read_regular` decoded as UTF-8; InputFileError (with the line) otherwise."""
    data = read_regular(path, limit=limit, follow_symlinks=follow_symlinks, title=title)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        kind = binary_kind(data)
        if kind is not None:
            raise InputFileError(path, title=title, reason=f"{NOT_TEXT_BUT}{kind}", line=1) from exc
        before = data[: exc.start]
        line = _line_ends(before) + 1
        start = max(before.rfind(b"\n"), before.rfind(b"\r")) + 1
        # A byte-order mark takes no column in an editor (and the bank reads past it).
        shown = before[start:].removeprefix(b"\xef\xbb\xbf" if start == 0 else b"")
        column = len(shown.decode("utf-8", "replace")) + 1
        raise InputFileError(
            path,
            title=title,
            reason=f"not UTF-8 text (byte 0x{data[exc.start]:02X} at column {column}: "
            f"{exc.reason}); save it as UTF-8",
            line=line,
            column=column,
        ) from exc
    if _mostly_nul(data):  # NUL is valid UTF-8, but a file of them is no text
        kind = _utf16_without_mark(data[:8192]) or _NUL_KIND
        raise InputFileError(path, title=title, reason=f"{NOT_TEXT_BUT}{kind}", line=1)
    return text


def _mostly_nul(data: bytes) -> bool:
    """Whether an eighth or more of the start is NUL bytes (a zero-filled or binary file);
    a stray NUL in text stays text, told at its place by the reader that meets it."""
    start = data[:8192]
    return bool(start) and start.count(0) * 8 >= len(start)


_SIGNATURES = (
    (
        b"\xff\xfe\x00\x00",
        "UTF-32 text (it starts with a UTF-32 byte-order mark); save it as UTF-8",
    ),
    (
        b"\x00\x00\xfe\xff",
        "UTF-32 text (it starts with a UTF-32 byte-order mark); save it as UTF-8",
    ),
    (
        b"\xff\xfe",
        "UTF-16 text (it starts with a UTF-16 byte-order mark, as Windows Notepad's "
        "'Unicode' writes); save it as UTF-8",
    ),
    (b"\xfe\xff", "UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8"),
    (b"PK\x03\x04", "a ZIP archive (such as an Anki .apkg or .colpkg deck, or a .docx)"),
    (b"SQLite format 3\x00", "an SQLite database (such as an Anki collection)"),
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b", "gzip-compressed data"),
)
"""The first bytes of files that are no UTF-8 text, and what each is."""


NOT_TEXT_BUT = "not UTF-8 text but "
"""How `read_regular_text` starts the reason for a file whose first bytes tell what it is."""

_NUL_KIND = "a binary file (it holds NUL bytes)"
_BINARY_KINDS = frozenset(
    {_NUL_KIND, *(kind for _, kind in _SIGNATURES if not kind.endswith("save it as UTF-8"))}
)


def names_binary(reason: str) -> bool:
    """True when `reason` (an InputFileError's from `read_regular_text`) says the file is
    no text at all (a PDF, an archive, NUL bytes), not text in another encoding: its fix is
    then the caller's to say (remove it, rename it), not saving it as UTF-8."""
    return reason.startswith(NOT_TEXT_BUT) and reason[len(NOT_TEXT_BUT) :] in _BINARY_KINDS


def binary_kind(data: bytes) -> str | None:
    """What a file that is not UTF-8 text is, by its first bytes, or 'a binary file' when
    its start holds NUL bytes; None when it looks like text in another encoding."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    if b"\x00" in data[:8192]:
        return _utf16_without_mark(data[:8192]) or _NUL_KIND
    return None


def _utf16_without_mark(start: bytes) -> str | None:
    """'UTF-16 text ...' when the start is text of one byte a character with a NUL beside
    nine in ten of them (PowerShell's and some exporters' UTF-16 without a byte-order
    mark: Latin text), else None.
    Such a file was "a binary file (it holds NUL bytes)", which named no way to fix it."""
    start = start[: len(start) // 2 * 2]
    if len(start) < 4:
        return None
    for nul_at, order in ((1, "little"), (0, "big")):
        nuls, chars = start[nul_at::2], start[1 - nul_at :: 2]
        if (
            nuls.count(0) * 10 >= len(nuls) * 9
            and chars.count(0) * 10 <= len(chars)  # a file of NULs is none
            and all(byte >= 32 or byte in (9, 10, 13) for byte in chars if byte)
        ):
            return f"UTF-16 text ({order}-endian, with no byte-order mark); save it as UTF-8"
    return None


def _line_ends(data: bytes) -> int:
    """The line ends in `data`, as Markdown counts them: LF, CRLF, or a lone CR."""
    return data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n")
