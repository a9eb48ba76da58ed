"""Where a connection to `drillbit serve` stands between two packets: at a request's start,
in a head, or in a body with so many bytes left; so that the packet that ends a request's
head can tell whether the next request's head begins in it (fifty-fifth round, serve55).

aiohttp says which heads a packet ended (the requests it parsed) but not where in the
packet they ended, nor whether bytes after them began another head, which needs its clock
(`quiz.serve.headers.HEAD_SECONDS`) at once. The fifty-fourth round guessed from the
packet's last blank line (`quiz.serve.headers.begins_another`), which a body that holds a
blank line misleads: a body ending in one, with as many bytes of the next head behind it
as the body is long, read as a request ending at the packet's end, and the head got no
clock until its next bytes came. Here each packet is walked from where the last one left
off, head by head and body by body, as the parser read it: a head ends at its first blank
line, a body is its `Content-Length` bytes or its chunks. Where the walk cannot follow (a
chunked body split between packets, a request aiohttp refused, a connection upgraded) it
gives up for the connection, and the guess is used from then on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

__all__ = ["Framing"]

HEAD_END: Final = b"\r\n\r\n"
"""The blank line that ends a head (llhttp refuses a bare `\\n` in a request)."""
_BLANK = b"\r\n"
"""What llhttp skips before a request line: any CR and LF between requests."""
_CHUNK_SIZE = re.compile(rb"[0-9A-Fa-f]{1,16}")

_START, _HEAD, _BODY = "start", "head", "body"


class Framing:
    """One connection's place in its requests: at a request's start (none begun), in a head
    (its last bytes kept, since its blank line may straddle two packets), or in a body
    (`_left` bytes to come); or lost, when the walk could not follow the stream."""

    __slots__ = ("_left", "_lost", "_state", "_tail")

    def __init__(self) -> None:
        self._state = _START
        self._left = 0
        self._tail = b""
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
        state, cursor = self._state, self._left if self._state == _BODY else 0
        for message in messages:
            if state == _HEAD:  # the first head, begun before: its first blank line
                found = (self._tail + data).find(HEAD_END)
                head_end = found + len(HEAD_END) - len(self._tail)
            else:
                if cursor > len(data):
                    return self._give_up()
                found = data.find(HEAD_END, _past_blank_lines(data, cursor))
                head_end = found + len(HEAD_END)
            if found < 0 or head_end <= 0:
                return self._give_up()
            state, body = _START, _body_end(data, head_end, message)
            if body is None:
                return self._give_up()
            cursor = body
        return self._settle(data, state, cursor)

    def _settle(self, data: bytes, state: str, cursor: int) -> bool:
        """Where the walk stands after `data`: `cursor` past the last request it read."""
        if state == _HEAD:  # no head ended: still in the one begun before
            self._tail = (self._tail + data)[-len(HEAD_END) + 1 :]
            return True
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
        return None


def _past_blank_lines(data: bytes, cursor: int) -> int:
    """The first offset from `cursor` that is neither CR nor LF (what llhttp skips)."""
    while cursor < len(data) and data[cursor] in _BLANK:
        cursor += 1
    return cursor


def _body_end(data: bytes, start: int, message: object) -> int | None:
    """Where the body of `message`, starting at `start` of `data`, ends (past `data`'s end
    when it goes on into later packets); None when the walk cannot tell: a refused request
    (aiohttp's error has no headers), an upgrade, a chunked body not whole in `data`."""
    headers = getattr(message, "headers", None)
    if headers is None or getattr(message, "upgrade", False):
        return None
    if getattr(message, "chunked", False):
        return _chunks_end(data, start)
    declared = headers.get("Content-Length", "0")
    return start + int(declared) if declared.isascii() and declared.isdigit() else None


def _chunks_end(data: bytes, cursor: int) -> int | None:
    """Where a chunked body that starts at `cursor` ends (past its trailers' blank line),
    or None unless it is whole and well formed in `data`."""
    while True:
        line = data.find(b"\r\n", cursor)
        if line < 0:
            return None
        size = data[cursor:line].split(b";", 1)[0]
        if not _CHUNK_SIZE.fullmatch(size):
            return None
        cursor = line + 2
        if int(size, 16) == 0:
            break
        cursor += int(size, 16) + 2
        if cursor > len(data):
            return None
    while True:  # trailers, then a blank line
        line = data.find(b"\r\n", cursor)
        if line < 0:
            return None
        if line == cursor:
            return cursor + 2
        cursor = line + 2
