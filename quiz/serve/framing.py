"""Where a connection to `drillbit serve` stands between two packets: at a request's start,
in a head, in a body with so many bytes left, or somewhere in a chunked body; so that the
packet that ends a request's head can tell whether the next request's head begins in it
(fifty-fifth round, serve55), and a packet that ends a body whether a head begins behind it.

aiohttp says which heads a packet ended (the requests it parsed) but not where in the
packet they ended, nor whether bytes after them began another head, which needs its clock
(`quiz.serve.headers.HEAD_SECONDS`) at once. The fifty-fourth round guessed from the
packet's last blank line (`quiz.serve.headers.begins_another`), which a body that holds a
blank line misleads: a body ending in one, with as many bytes of the next head behind it
as the body is long, read as a request ending at the packet's end, and the head got no
clock until its next bytes came. Here each packet is walked from where the last one left
off, head by head and body by body, as the parser read it: a head ends at its first blank
line, a body is its `Content-Length` bytes or its chunks.

A chunked body is followed across packets too (fifty-sixth round, serve56; the fifty-fifth
gave up on one split between packets): its place is a handful of numbers (`Chunks`: which
part of a chunk it is in, the size read so far, the bytes left), never the bytes
themselves, so a chunk-size line or a trailer of any length costs no memory here (aiohttp
bounds a trailer by its header limit; a chunk extension it reads to its end). Where the
walk cannot follow (a malformed chunk size, which aiohttp refuses with a 400, a request
aiohttp refused, a connection upgraded) it gives up for the connection, and the guess is
used from then on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

__all__ = ["GOES_ON", "Chunks", "Framing"]

HEAD_END: Final = b"\r\n\r\n"
"""The blank line that ends a head (llhttp refuses a bare `\\n` in a request)."""
_BLANK = b"\r\n"
"""What llhttp skips before a request line: any CR and LF between requests."""
_HEX_DIGITS = re.compile(rb"[0-9A-Fa-f]*")
_MOST_CHUNK_SIZE = 1 << 64
"""llhttp refuses a chunk size that does not fit in 64 bits (leading zeros it reads)."""
GOES_ON: Final = -1
"""What `Chunks.walk` says of a chunked body that goes on past the packet."""

_START, _HEAD, _BODY, _CHUNKS = "start", "head", "body", "chunks"

# Where in a chunked body the walk stands: a chunk's size (its hex digits), the rest of
# its size line (an extension), its data, the CRLF after its data, the start of a trailer
# line (or the blank line that ends the body), a trailer line, the LF of that blank line.
_SIZE, _EXTENSION, _DATA, _DATA_END, _LINE_START, _TRAILER, _LAST_LF = range(7)


class Chunks:
    """One chunked body's place, across as many packets as it takes: which part of it the
    walk is in, the chunk size read so far (its digits may straddle two packets) and the
    bytes left of a chunk's data or of the CRLF after it. No byte of the body is kept."""

    __slots__ = ("_digits", "_left", "_part", "_size")

    def __init__(self) -> None:
        self._part = _SIZE
        self._size = 0
        self._digits = 0
        self._left = 0

    def walk(self, data: bytes, cursor: int) -> int | None:
        """Read `data` from `cursor` on: the offset just past the body's end (its trailers'
        blank line) when it ends in `data`, `GOES_ON` when it goes on past it, or None when
        it is not a chunked body llhttp reads (a size of no digit or past 64 bits, anything
        but `;` or CR after the digits, no CRLF after a chunk's data)."""
        while cursor < len(data):
            part = self._part
            if part == _SIZE:
                digits = _HEX_DIGITS.match(data, cursor)
                found = digits.group() if digits is not None else b""
                if found:
                    self._size = self._size << (4 * len(found)) | int(found, 16)
                    self._digits += len(found)
                    cursor += len(found)
                    if self._size >= _MOST_CHUNK_SIZE:
                        return None
                    continue
                if not self._digits or data[cursor] not in b";\r":
                    return None
                self._part = _EXTENSION  # a `;` begins one, a CR ends the line: both read on
            elif part == _EXTENSION:
                line_end = data.find(b"\n", cursor)
                if line_end < 0:
                    return GOES_ON
                cursor = line_end + 1
                self._end_size_line()
            elif part == _DATA:
                taken = min(self._left, len(data) - cursor)
                cursor += taken
                self._left -= taken
                if not self._left:
                    self._part, self._left = _DATA_END, 2
            elif part == _DATA_END:
                if data[cursor] != b"\r\n"[2 - self._left]:
                    return None
                cursor += 1
                self._left -= 1
                if not self._left:
                    self._part, self._size, self._digits = _SIZE, 0, 0
            elif part == _LINE_START:
                if data[cursor] == ord("\r"):
                    self._part = _LAST_LF
                    cursor += 1
                else:
                    self._part = _TRAILER
            elif part == _TRAILER:
                line_end = data.find(b"\n", cursor)
                if line_end < 0:
                    return GOES_ON
                cursor = line_end + 1
                self._part = _LINE_START
            else:  # _LAST_LF
                return cursor + 1 if data[cursor] == ord("\n") else None
        return GOES_ON

    def _end_size_line(self) -> None:
        """A size line read: the chunk's data next, or the trailers after the last chunk."""
        if self._size:
            self._part, self._left = _DATA, self._size
        else:
            self._part = _LINE_START


class Framing:
    """One connection's place in its requests: at a request's start (none begun), in a head
    (its last bytes kept, since its blank line may straddle two packets), in a body
    (`_left` bytes to come) or in a chunked body (`_chunks`); or lost, when the walk could
    not follow the stream."""

    __slots__ = ("_chunks", "_left", "_lost", "_state", "_tail")

    def __init__(self) -> None:
        self._state = _START
        self._left = 0
        self._tail = b""
        self._chunks: Chunks | None = None
        self._lost = False

    def lose(self) -> None:
        """Stop following this connection (an upgrade, a body aiohttp reads elsewhere)."""
        self._give_up()

    def feed(self, data: bytes, messages: Sequence[object]) -> bool | None:
        """Take the packet `data`, in which the parser ended the heads of `messages` (its
        parsed requests, in order): whether a head is begun and not ended after it; None
        when the walk cannot tell (for good: it lost its place)."""
        if self._lost:
            return None
        if not data:  # the parser read what it held back (a full queue): not where we are
            return self._give_up() if messages else self._state == _HEAD
        state, cursor, chunks = self._state, 0, self._chunks
        if state == _BODY:
            cursor = self._left
        elif chunks is not None:
            ended = chunks.walk(data, 0)
            if ended is None:
                return self._give_up()
            cursor, chunks = (len(data), chunks) if ended == GOES_ON else (ended, None)
        for message in messages:
            if state == _HEAD:  # the first head, begun before: its first blank line
                found = (self._tail + data).find(HEAD_END)
                head_end = found + len(HEAD_END) - len(self._tail)
            else:
                if cursor > len(data) or chunks is not None:  # a head inside a body
                    return self._give_up()
                found = data.find(HEAD_END, _past_blank_lines(data, cursor))
                head_end = found + len(HEAD_END)
            if found < 0 or head_end <= 0:
                return self._give_up()
            body = _body_end(data, head_end, message)
            if body is None:
                return self._give_up()
            state, (cursor, chunks) = _START, body
        return self._settle(data, state, cursor, chunks)

    def _settle(self, data: bytes, state: str, cursor: int, chunks: Chunks | None) -> bool:
        """Where the walk stands after `data`: `cursor` past the last request it read, or
        in the chunked body `chunks` that goes on past `data`."""
        if state == _HEAD:  # no head ended: still in the one begun before
            self._tail = (self._tail + data)[-len(HEAD_END) + 1 :]
            return True
        self._chunks = chunks
        if chunks is not None:
            self._state = _CHUNKS
            return False
        if cursor > len(data):
            self._state, self._left = _BODY, cursor - len(data)
            return False
        begun = _past_blank_lines(data, cursor)
        if begun < len(data):
            self._state, self._tail = _HEAD, data[begun:][-len(HEAD_END) + 1 :]
            return True
        self._state, self._left = _START, 0
        return False

    def _give_up(self) -> bool | None:
        """Lose the connection's place (`lose`); None, what `feed` then says."""
        self._lost = True
        self._chunks = None
        return None


def _past_blank_lines(data: bytes, cursor: int) -> int:
    """The first offset from `cursor` that is neither CR nor LF (what llhttp skips)."""
    while cursor < len(data) and data[cursor] in _BLANK:
        cursor += 1
    return cursor


def _body_end(data: bytes, start: int, message: object) -> tuple[int, Chunks | None] | None:
    """Where the body of `message`, starting at `start` of `data`, ends (past `data`'s end
    when it goes on into later packets), with the place of a chunked body that goes on past
    `data`; None when the walk cannot tell: a refused request (aiohttp's error has no
    headers), an upgrade, a malformed chunked body."""
    headers = getattr(message, "headers", None)
    if headers is None or getattr(message, "upgrade", False):
        return None
    if getattr(message, "chunked", False):
        chunks = Chunks()
        ended = chunks.walk(data, start)
        if ended is None:
            return None
        return (len(data), chunks) if ended == GOES_ON else (ended, None)
    declared = headers.get("Content-Length", "0")
    if not (declared.isascii() and declared.isdigit()):
        return None
    return start + int(declared), None
