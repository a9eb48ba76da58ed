"""What a file given to `import-progress` is, when it is plainly not a progress backup.

Read as JSON, an Anki package or any binary file stopped at its first bytes with "not
UTF-8 text", which said nothing of what the file was or what was expected. Its first
bytes tell: a ZIP archive (an Anki package when it holds an Anki collection), an SQLite
database, gzip around something binary, other binary data, nothing at all, or text that
no JSON value starts (Markdown notes meant for `drillbit import`).
"""

from __future__ import annotations

import codecs
import gzip
import re
import shlex
import struct
import zlib
from pathlib import Path
from typing import IO, cast

from quiz.store.jsonstream import Readable, open_regular
from quiz.textsafe import binary_kind

HEAD = 4096
"""Bytes read to tell binary from text (a JSON backup's first line is its header)."""
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
"""A ZIP archive's first bytes: a local file header, or the end record of an empty one."""
ANKI_COLLECTIONS = frozenset({"collection.anki2", "collection.anki21", "collection.anki21b"})
"""The collection inside an .apkg or .colpkg (genanki, older and newer Anki)."""
ZIP_ENTRIES = 4
"""Entries of a ZIP looked at for an Anki collection (it is the first or the second)."""
EXPECTED = (
    "progress backups are the JSON files `drillbit export progress` writes (FILE.json or "
    "FILE.json.gz)"
)


def not_a_backup(path: Path) -> str | None:
    """Why the file at `path` cannot be a progress backup, by its first bytes; None when it
    may be one (text, or a file that cannot be opened: the reader says why)."""
    try:
        with open_regular(path) as source:
            head = _head(source)
            if head is None:
                return None
            if not head:
                return f"{path} is empty, not a drillbit progress backup; {EXPECTED}"
            if len(head) < HEAD and not head.strip(b" \t\r\n"):  # the whole file
                return f"{path} holds only blank space, not a drillbit progress backup; {EXPECTED}"
            what = _binary_kind(head, source)
    except (OSError, ValueError):  # the reader opens it again and names the trouble
        return None
    if what is None:
        return _text_kind(path, head)
    if what.startswith("UTF-"):  # a backup saved again in another encoding
        return f"{path}: not UTF-8 but {what}"
    return f"{path}: this is {what}, not a drillbit progress backup; {EXPECTED}"


JSON_STARTS = (b"{", b"[", b'"', b"-", *b"0 1 2 3 4 5 6 7 8 9 true false null".split())
"""How a JSON text's first value starts (the first bytes after blank space and a BOM)."""


def _text_kind(path: Path, head: bytes) -> str | None:
    """Why UTF-8 text that no JSON value starts cannot be a backup: notes given to
    `import-progress` instead of `import` said "not JSON (line 1, column 1: Expecting
    value)", which named neither what the file was nor the command meant for it."""
    start = head.removeprefix(codecs.BOM_UTF8).lstrip(b" \t\r\n")
    if start.startswith(JSON_STARTS):
        return None
    return (
        f"{path}: this is text, not JSON: not a drillbit progress backup; {EXPECTED}; "
        f"Q&A notes (Markdown, or an Anki plain-text export) become cards with "
        f"`drillbit import {shlex.quote(str(path))}`"
    )


def _head(source: Readable, size: int = HEAD) -> bytes | None:
    """Up to `size` bytes of the (decompressed) file; None when gzip cannot be read."""
    head = b""
    try:
        while len(head) < size:
            chunk = source.read1(size - len(head))
            if not chunk:
                break
            head += chunk
    except (OSError, EOFError, zlib.error):  # a damaged gzip file: the reader names it
        return None
    return head


def _binary_kind(head: bytes, source: Readable) -> str | None:
    """What a file starting with `head` is when it is not UTF-8 text, else None."""
    if isinstance(source, gzip.GzipFile):  # `head` is what it decompresses to
        text = binary_kind(head) is None and _utf8_start(head)
        return None if text else "gzip-compressed data that is not JSON text"
    if head.startswith(ZIP_MAGICS):
        return _zip_kind(source)
    kind = binary_kind(head)  # UTF-16, SQLite, PDF, NUL bytes...
    if kind is None and not _utf8_start(head):
        kind = "a binary file (not UTF-8 text)"
    return kind


def _utf8_start(head: bytes) -> bool:
    """Whether `head` is UTF-8 text, a character cut at its end aside."""
    try:
        codecs.getincrementaldecoder("utf-8")("strict").decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _zip_kind(source: Readable) -> str:
    """'an Anki package' for a ZIP holding an Anki collection, else 'a ZIP archive'."""
    names = _first_zip_names(cast("IO[bytes]", source))  # not gzip: the plain file
    return "an Anki package" if ANKI_COLLECTIONS.intersection(names) else "a ZIP archive"


def _first_zip_names(raw: IO[bytes]) -> list[str]:
    """The names of the archive's first entries, from their local headers.

    Not `zipfile`: it reads the whole central directory at the end of the file, as long as
    the file makes it; these are ZIP_ENTRIES reads of 30 bytes and a name each (Anki writes
    `meta`, then its collection; genanki the collection first)."""
    names: list[str] = []
    offset = 0
    for _ in range(ZIP_ENTRIES):
        raw.seek(offset)
        header = raw.read(30)
        if len(header) < 30 or not header.startswith(b"PK\x03\x04"):
            break
        flags, size = (
            struct.unpack_from("<H", header, 6)[0],
            struct.unpack_from("<I", header, 18)[0],
        )
        name_size, extra_size = struct.unpack_from("<HH", header, 26)
        names.append(raw.read(name_size).decode("utf-8", "replace"))
        if flags & 0x08 or size == 0xFFFFFFFF:  # its size comes after it, or in zip64's extra
            break
        offset += 30 + name_size + extra_size + size
    return names


_OUR_HEADER = re.compile(
    r'\ufeff?[ \t\r\n]*\{[ \t\r\n]*"format"[ \t\r\n]*:[ \t\r\n]*"drillbit-progress"'
)
"""How every backup drillbit writes starts (gzip or not, indented in older versions)."""


def is_progress_backup(path: Path) -> bool:
    """Whether `path` starts as a backup `export progress` writes, so an export may replace
    it (a file cut short still does: it is drillbit's own)."""
    try:
        with open_regular(path) as source:
            head = _head(source, 256)
    except (OSError, ValueError):  # unreadable, or a FIFO or a device: not replaced
        return False
    if not head:
        return False
    text = codecs.getincrementaldecoder("utf-8")("replace").decode(head)
    return _OUR_HEADER.match(text) is not None
