"""Reading a large JSON object member by member, in bounded memory (for progress backups).

A progress backup is one JSON object whose lists (`reviews`, ...) can hold hundreds of
thousands of rows. `members` walks the object's top level itself and hands each value, or
each element of a list value, to the standard library's decoder, so at most one element
is held at a time: memory is bounded by the largest element (`item_limit`), not the file.
The standard decoder keeps its exact rules (and the caller's `parse_int` and
`parse_constant` hooks); only the punctuation of the top two levels is read here.

A file that starts with gzip's magic bytes is decompressed as it is read.
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import re
import stat
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from quiz.textsafe import MIB, describe_size, file_kind

CHUNK = MIB
"""Bytes read at a time."""
GZIP_MAGIC = b"\x1f\x8b"
_NOT_BLANK = re.compile(r"[^ \t\n\r]")
"""JSON's blanks are these four characters (RFC 8259), no other."""


class Readable(Protocol):
    """A binary file being read (a plain file or a GzipFile)."""

    def read1(self, size: int = -1, /) -> bytes: ...


class StreamError(Exception):
    """The file cannot be read as one JSON object; `path` is the JSON path reached (or ())."""

    def __init__(self, message: str, path: tuple[int | str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.path = path


class TooDeep(StreamError):
    """An element nests too deeply for the decoder; `text` is its start, for locating it."""

    def __init__(self, path: tuple[int | str, ...], text: str) -> None:
        super().__init__("nested too deeply to decode", path)
        self.text = text


class Member(NamedTuple):
    """One step of the top level: a whole value (`place` None), the start of a list
    (`place` -1, `value` None), or one element of a list (`place`: its index, from 0).
    A named tuple: one is made per row (a heavy backup's 220,000), and a frozen
    dataclass's `__init__` cost three times as much (`index` is a tuple's method)."""

    key: str
    place: int | None
    value: Any


@contextmanager
def open_regular(path: Path) -> Iterator[Readable]:
    """The regular file at `path` opened for reading, decompressed when it is gzip.

    OSError (with its strerror) when it cannot be opened; ValueError naming what it is
    when it is not a regular file (a FIFO is opened non-blocking so it cannot hang).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise ValueError(file_kind(mode))
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as raw:
        if raw.read(2) != GZIP_MAGIC:
            raw.seek(0)
            yield raw
            return
        raw.seek(0)
        with gzip.GzipFile(fileobj=raw, mode="rb") as unpacked:
            yield unpacked


class _Text:
    """UTF-8 text read in chunks, with the line and column of any position kept."""

    def __init__(self, source: Readable, total_limit: int) -> None:
        self._source = source
        self._decoder = codecs.getincrementaldecoder("utf-8")("strict")
        self._total_limit = total_limit
        self.read_bytes = 0
        self.lines_before = 0  # newlines in the text already dropped from `buf`
        self.column_before = 0  # characters after the last dropped newline
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.at: tuple[int | str, ...] = ()  # the JSON path being read, for errors
        self._started = False  # whether any text came yet: a byte-order mark opens it only

    def more(self, size: int = CHUNK) -> bool:
        """Read up to `size` more bytes into `buf` (dropping what is consumed), a chunk at
        a time, each decoded and added in place: at most a chunk's bytes and text beside
        `buf` (a 32 MiB read held its bytes, its text and the joined copy at once); False
        when the text is over."""
        if self.eof:
            return False
        self._drop()
        read = False
        while size > 0:
            asked = min(size, CHUNK)
            try:  # one read a chunk: gzip's text before a bad spot counts
                chunk = self._source.read1(asked)
            except (OSError, EOFError, zlib.error) as exc:  # gzip.BadGzipFile is an OSError
                if read:  # the text before it is parsed first; the next read fails again
                    break
                raise StreamError(f"not readable as gzip ({exc})", self.at) from exc
            if not chunk and read:  # the end, found by the next call as a read of its own
                break
            self.read_bytes += len(chunk)
            if self.read_bytes > self._total_limit:
                raise StreamError(
                    f"over the limit of {describe_size(self._total_limit)} of JSON text", self.at
                )
            try:
                text = self._decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                line = (
                    self.lines_before + self.buf.count("\n") + chunk[: exc.start].count(b"\n") + 1
                )
                raise StreamError(f"line {line}: not UTF-8 text ({exc.reason})", self.at) from exc
            if text and not self._started:
                # Notepad and PowerShell's `Out-File -Encoding utf8` save a backup with a
                # byte-order mark, which JSON's grammar has no room for: "not JSON (line 1,
                # column 1)". Dropped here, the first column is the first character after it.
                self._started = True
                text = text.removeprefix("\ufeff")
            held, self.buf = self.buf, ""  # the only reference: `+=` grows it in place
            held += text
            self.buf = held
            if not chunk:
                self.eof = True
                break
            read = True
            size -= len(chunk)
            if len(chunk) < asked:  # all there is for now: the call ends, as one read did
                break
        return read

    def _drop(self) -> None:
        consumed = self.buf[: self.pos]
        newlines = consumed.count("\n")
        if newlines:
            self.lines_before += newlines
            self.column_before = len(consumed) - consumed.rfind("\n") - 1
        else:
            self.column_before += len(consumed)
        self.buf = self.buf[self.pos :]
        self.pos = 0

    def where(self, pos: int) -> str:
        """`line L, column C` of a position in `buf`."""
        before = self.buf[:pos]
        newline = before.rfind("\n")
        line = self.lines_before + before.count("\n") + 1
        column = pos - newline if newline >= 0 else self.column_before + pos + 1
        return f"line {line}, column {column}"

    def skip_space(self) -> str:
        """The next non-blank character (not consumed), '' at the end of the text.

        Found by a regular expression, not a loop over characters: a file of 2 GB of
        blanks between two tokens took 7 minutes of CPU character by character."""
        while True:
            found = _NOT_BLANK.search(self.buf, self.pos)
            if found is not None:
                self.pos = found.start()
                return self.buf[self.pos]
            self.pos = len(self.buf)
            if not self.more():
                return ""


def members(
    source: Readable,
    *,
    item_limit: int,
    total_limit: int,
    parse_int: Callable[[str], Any] | None = None,
    parse_constant: Callable[[str], Any] | None = None,
) -> Iterator[Member]:
    """Each member of the JSON object in `source`, a list's elements one by one.

    A top-level value other than an object is yielded whole with key "" (the caller says
    what it expected). StreamError (with the JSON path reached) for text that is not JSON,
    that ends early, or an element over `item_limit` characters; TooDeep for an element
    the decoder cannot descend.
    """
    decoder = json.JSONDecoder(parse_int=parse_int, parse_constant=parse_constant)
    text = _Text(source, total_limit)

    def value(path: tuple[int | str, ...]) -> Any:
        text.at = path
        text.skip_space()  # raw_decode takes no leading blanks
        start = text.pos
        while True:
            try:
                found, end = decoder.raw_decode(text.buf, start)
            except json.JSONDecodeError as exc:
                # An element cut by the chunk's end fails too: read on and try again,
                # unless the text is over (a real error) or the element over its limit.
                if len(text.buf) - start > item_limit:
                    raise StreamError(
                        f"one value over the limit of {describe_size(item_limit)}", path
                    ) from exc
                unterminated = exc.msg.startswith("Unterminated string")
                cut = unterminated or exc.pos >= len(text.buf) - 6
                after = exc.pos - start  # `_grow` drops the text before `start`: kept relative
                seen = len(text.buf) - start
                if not cut or not _grow(text, start, item_limit):
                    ended = "the file ends inside it; was it cut short? " if text.eof else ""
                    at = text.where(text.pos + after)
                    raise StreamError(f"not JSON ({ended}{at}: {exc.msg})", path) from exc
                start = text.pos
                if unterminated and not _read_to_quote(text, seen, item_limit):
                    raise StreamError(
                        f"one value over the limit of {describe_size(item_limit)}", path
                    ) from exc
                start = text.pos
                continue
            except RecursionError:
                raise TooDeep(path, text.buf[start : start + 4 * MIB]) from None
            # Over the limit is refused before reading on: a number of 2 GB of digits, cut
            # at each chunk's end, was read whole first (5 GB of memory).
            if end - start > item_limit:
                raise StreamError(f"one value over the limit of {describe_size(item_limit)}", path)
            # A number cut at the chunk's end decodes as a shorter number: read on.
            if end == len(text.buf) and not text.eof and _grow(text, start, item_limit):
                start = text.pos
                continue
            text.pos = end
            return found

    def expect(char: str, path: tuple[int | str, ...], what: str) -> None:
        found = text.skip_space()
        if not found:
            raise StreamError(
                f"not JSON (the file ends after it; was it cut short? {text.where(text.pos)}:"
                f" {what})",
                path,
            )
        if found != char:
            raise StreamError(f"not JSON ({text.where(text.pos)}: {what}; found {found!r})", path)
        text.pos += 1

    def closed(close: str, path: tuple[int | str, ...], what: str) -> bool:
        """After an item: True at `close`, False at a ',' (either taken); else the error."""
        following = text.skip_space()
        if following != close and following != ",":
            expect(",", path, what)  # neither: it raises, saying what was expected
        text.pos += 1
        return following == close

    first = text.skip_space()
    if first != "{":
        if not first:
            raise StreamError(f"not JSON ({text.where(text.pos)}: the file is empty)")
        yield Member("", None, value(()))
        _end(text)
        return
    text.pos += 1
    if text.skip_space() == "}":
        text.pos += 1
        _end(text)
        return
    previous: str | None = None
    while True:
        if text.skip_space() != '"':
            expect('"', (), "expecting a key in double quotes")
        try:
            key = value(())
        except StreamError as exc:  # a key has no path of its own: say which one it is
            raise StreamError(f"{_key_place(text, previous)}: {exc.message}") from exc
        assert isinstance(key, str)
        previous = key
        expect(":", (key,), "expecting ':' after a key")
        if text.skip_space() == "[":
            text.pos += 1
            yield Member(key, -1, None)
            index = 0
            if text.skip_space() == "]":
                text.pos += 1
            else:
                while True:
                    yield Member(key, index, value((key, index)))
                    if closed("]", (key, index), "expecting ',' or ']' after a list item"):
                        break
                    index += 1
        else:
            yield Member(key, None, value((key,)))
        if closed("}", (key,), "expecting ',' or '}' after a value"):
            break
    _end(text)


def _key_place(text: _Text, previous: str | None) -> str:
    """Which top-level key failed (it has no JSON path): its own start, where it starts
    and the key before it (`the key starting "revi…" (line 3, column 2, after "version")`).

    Only the key's first characters are decoded (they are in memory whatever its length:
    reading stops at the limit), so a 2 GB key is named by itself, not by its neighbour.
    When even they do not decode, it is `a key after "version" (line 3, column 2)`."""
    place = text.where(text.pos)
    start = _key_start(text.buf, text.pos)
    if start is None:
        which = "the first key" if previous is None else f"a key after {_shown_key(previous)}"
        return f"{which} ({place})"
    before = "the first key" if previous is None else f"after {_shown_key(previous)}"
    return f"the key starting {start} ({place}, {before})"


_KEY_START = 24
"""The characters of a failed key shown."""
_STRING_TEXT = re.compile(r'(?:[^"\\\x00-\x1f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*')
"""JSON string text that decodes: its characters and whole escapes (none cut short)."""


def _key_start(buf: str, pos: int) -> str | None:
    """The first characters of the key whose opening quote is at `pos`, as JSON text (a
    `…` when it goes on), or None when not one of them decodes."""
    raw = buf[pos + 1 : pos + 1 + 6 * _KEY_START]  # an escape is at most 6 characters
    good = _STRING_TEXT.match(raw)
    text = good.group() if good is not None else ""
    if not text:
        return None
    decoded = json.loads(f'"{text}"')
    goes_on = len(decoded) > _KEY_START or pos + 1 + len(text) < len(buf)
    shown = json.dumps(decoded[:_KEY_START])
    return f'{shown[:-1]}…"' if goes_on else shown


def _shown_key(key: str) -> str:
    """A key as JSON text (control characters escaped), its middle cut when long."""
    if len(key) <= 40:
        return json.dumps(key)
    return f"{json.dumps(key[:24])[:-1]}…{json.dumps(key[-8:])[1:]}"


def _grow(text: _Text, start: int, limit: int) -> bool:
    """Read more text after `start` (kept): as much again as is held, but not much past
    `limit` (a chunk at most), where the value is refused; False when there is none.

    Doubling to 2 x 64 MiB before the limit's check, then joining that to the text held,
    made a 300 MB string's refusal peak at 205 MB."""
    text.pos = start
    held = len(text.buf) - start
    return text.more(max(CHUNK, min(held, limit + 1 - held)))


def _read_to_quote(text: _Text, seen: int, limit: int) -> bool:
    """After a string cut short: read on while the text after the `seen` characters of
    the value (from `text.pos`) holds no `"`, for nothing else can end the string, so the
    decoder (which copies the string's text so far before it finds no end) is not run
    at each read. False when the value is over `limit` with no quote read.

    A 1 GB string in a draft peaked at 205 MB before its refusal at 64 MiB."""
    start = text.pos
    while text.buf.find('"', start + seen) < 0:
        if len(text.buf) - start > limit:
            return False
        seen = len(text.buf) - start
        if not _grow(text, start, limit):
            return True  # the end of the file: the decoder says so, as before
        start = text.pos
    return True


def _end(text: _Text) -> None:
    extra = text.skip_space()
    if extra:
        raise StreamError(f"not JSON ({text.where(text.pos)}: extra data after the object)")
