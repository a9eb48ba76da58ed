"""A chunked request body followed across packets (`quiz.serve.framing.Chunks`, fifty-sixth
round, serve56): the fifty-fifth round's walk gave up on a chunked body split between
packets, and the guess it fell back on missed a head begun behind a later body that held a
blank line (75 s with no clock); and the packet that ended a body split between packets
started the head clock with no head begun, so the kept-alive connection got a 408."""

from __future__ import annotations

import contextlib
import socket
import time
from collections.abc import Iterator
from types import SimpleNamespace

from multidict import CIMultiDict, CIMultiDictProxy

from quiz.serve.framing import Chunks, Framing
from quiz.serve.headers import HEAD_TOO_SLOW
from tests.web.helpers import WAIT_SECONDS, Served, dribbled_head

HEAD = b"POST /login HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
BEGUN = b"GET / HTTP/"
GET = b"GET / HTTP/1.1\r\nHost: h\r\n\r\n"

PIECES = [
    (b"token=x\r\n\r\n", "b", ""),
    (b"&" + b"y" * 299, "12C", ";ext=1"),
    (b"\r\n", "0002", ";a;b=c"),
    (b"", "0", ";last"),
]
"""A chunked body's chunks: data, its size as written (hex, either case, leading zeros),
an extension; the last is the zero chunk."""
TRAILERS = [b"Trailer-One: 1", b"T2: \r"]


def _message(**headers: str) -> SimpleNamespace:
    """A parsed request as aiohttp hands it: its headers, chunked or not, no upgrade."""
    chunked = headers.get("Transfer-Encoding") == "chunked"
    return SimpleNamespace(
        headers=CIMultiDictProxy(CIMultiDict(headers)), chunked=chunked, upgrade=False
    )


CHUNKED = _message(**{"Transfer-Encoding": "chunked"})


def _chunked_body() -> tuple[bytes, list[range]]:
    """`PIECES` and `TRAILERS` as one chunked body, and the offsets of each of its size
    lines and trailer lines (their CRLF too)."""
    body, lines = b"", []
    for data, size, extension in PIECES:
        line = f"{size}{extension}\r\n".encode()
        lines.append(range(len(body), len(body) + len(line)))
        body += line + (data + b"\r\n" if data else b"")
    for trailer in [*TRAILERS, b""]:
        lines.append(range(len(body), len(body) + len(trailer) + 2))
        body += trailer + b"\r\n"
    return body, lines


BODY, LINES = _chunked_body()


def _kept_bytes(framing: Framing) -> int:
    """How many bytes of the stream the walk holds: in its own slots and its chunked
    body's place."""
    kept = 0
    places: list[object] = [framing, getattr(framing, "_chunks", None)]
    for place in places:
        for slot in getattr(type(place), "__slots__", ()):
            value = getattr(place, slot, None)
            kept += len(value) if isinstance(value, bytes) else 0
    return kept


def _cuts() -> Iterator[tuple[int, ...]]:
    """Every byte boundary of every size and trailer line, and every pair of boundaries
    inside one line: where a packet may end."""
    for line in LINES:
        bounds = [*line, line.stop]
        yield from ((cut,) for cut in bounds)
        yield from ((a, b) for a in bounds for b in bounds if a < b)


def test_the_body_is_whole_and_well_formed() -> None:
    """The body the tests split: its lines where `_chunked_body` says, the zero chunk last."""
    assert len(LINES) == len(PIECES) + len(TRAILERS) + 1
    assert BODY[LINES[1].start : LINES[1].stop] == b"12C;ext=1\r\n"
    assert BODY.endswith(b"0;last\r\nTrailer-One: 1\r\nT2: \r\r\n\r\n")
    assert Chunks().walk(BODY, 0) == len(BODY)
    assert Chunks().walk(BODY[:-1], 0) == -1  # goes on past the packet


def test_a_body_split_at_every_byte_of_its_lines_is_followed() -> None:
    """Split at each boundary (one or two cuts in a line): the packets before the last are
    all in the body (no head begun), and the last, which ends it, has a head begun behind
    it; or, without one, begins nothing and the next request starts afresh."""
    cuts = list(_cuts())
    assert len(cuts) > 300
    for cut in cuts:
        bounds = [0, *cut, len(BODY)]
        packets = [BODY[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
        for behind, begun in ((BEGUN, True), (b"", False)):
            framing = Framing()
            said = [framing.feed(HEAD + packets[0], [CHUNKED])]
            said += [framing.feed(packet, []) for packet in packets[1:-1]]
            said.append(framing.feed(packets[-1] + behind, []))
            assert said == [False] * (len(packets) - 1) + [begun], (cut, said)
            assert _kept_bytes(framing) <= 3
            if not begun:
                assert framing.feed(GET, [_message()]) is False
                assert framing.feed(BEGUN, []) is True


def test_a_body_a_byte_at_a_time_is_followed() -> None:
    framing = Framing()
    assert framing.feed(HEAD, [CHUNKED]) is False
    for offset in range(len(BODY) - 1):
        assert framing.feed(BODY[offset : offset + 1], []) is False, offset
    assert framing.feed(BODY[-1:] + BEGUN, []) is True


def test_a_head_behind_a_later_body_that_ends_in_a_blank_line_is_seen_begun() -> None:
    """After a split chunked body, a login form ending in a blank line and the next head's
    first bytes in one packet: the guess, which the fifty-fifth round fell back on here,
    took the form's blank line for the head's end."""
    form = b"token=x\r\n\r\n"
    post = b"POST /login HTTP/1.1\r\nContent-Length: 11\r\n\r\n" + form
    framing = Framing()
    assert framing.feed(HEAD + BODY[:5], [CHUNKED]) is False
    assert framing.feed(BODY[5:] + post + BEGUN, [_message(**{"Content-Length": "11"})])


MALFORMED = [b"zz", b"", b" b", b"b ", b"-b", b"0xb", b"+b", b"1" + b"0" * 16, b"b\n", b"\r"]
"""Size lines llhttp refuses (a 400): no digit, a sign, a space, a size of 64 bits or more,
a bare LF, an empty line."""


def test_a_malformed_chunk_size_loses_the_place_wherever_it_is_split() -> None:
    """Each bad size line, as the first chunk's and as the second's, split at each of its
    byte boundaries: the walk says no head begun while the line may still be good, then
    gives up for good once it cannot be (the server's answer is aiohttp's 400)."""
    for line in MALFORMED:
        for before in (b"", b"3\r\nabc\r\n"):
            stream = before + line + b"\r\nb\r\ntoken=x\r\n\r\n0\r\n\r\n" + BEGUN
            start = len(before)
            for cut in range(start, start + len(line) + 2):
                framing = Framing()
                said = [
                    framing.feed(HEAD + stream[:cut], [CHUNKED]),
                    framing.feed(stream[cut:], []),
                ]
                assert said[-1] is None, (line, cut, said)
                assert said[0] in (False, None), (line, cut, said)
                assert framing.feed(GET + BEGUN, [_message()]) is None
    assert Chunks().walk(b"3\r\nabcX\r\n0\r\n\r\n", 0) is None  # no CRLF after the data
    assert Chunks().walk(b"0\r\n\rX", 0) is None  # a CR at a trailer's start, then no LF


def test_an_over_long_chunk_size_line_is_followed_in_a_few_numbers() -> None:
    """A size of 100 000 leading zeros, an extension of 100 000 bytes, a trailer of as many
    (all of which aiohttp reads, the trailer up to its header limit), each sent 1 000 bytes a
    packet: the walk follows them holding none of their bytes, and sees the head behind."""
    long_lines = [
        b"0" * 100_000 + b"7\r\ntoken=x\r\n0\r\n\r\n",
        b"7;" + b"e" * 100_000 + b"\r\ntoken=x\r\n0\r\n\r\n",
        b"7\r\ntoken=x\r\n0\r\nX: " + b"t" * 100_000 + b"\r\n\r\n",
    ]
    for body in long_lines:
        framing = Framing()
        assert framing.feed(HEAD, [CHUNKED]) is False
        for offset in range(0, len(body) - 1000, 1000):
            assert framing.feed(body[offset : offset + 1000], []) is False
            assert _kept_bytes(framing) == 0
        assert framing.feed(body[(len(body) - 1) // 1000 * 1000 :] + BEGUN, []) is True
    chunks = Chunks()
    assert chunks.walk(b"0" * 100_000, 0) == -1
    assert chunks.walk(b"1" + b"0" * 15, 0) == -1  # 2**60: still a size llhttp reads
    assert chunks.walk(b"0", 0) is None  # 2**64


def _login_head(port: int) -> bytes:
    return (
        f"POST /login HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        f"Origin: http://127.0.0.1:{port}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        "Transfer-Encoding: chunked\r\n\r\n"
    ).encode()


def _packets(port: int) -> list[bytes]:
    """A login with a wrong token, its chunked body split inside each of its size lines."""
    lines = [b"7;x=y\r\n", b"token=x\r\n", b"0B\r\n", b"&x=\r\n\r\nabcd\r\n", b"0\r\n", b"\r\n"]
    body, cuts = b"", [0]
    for line in lines:
        if line[:1] in b"07":  # a size line: cut after its first byte
            cuts.append(len(body) + 1)
        body += line
    cuts.append(len(body))
    assert Chunks().walk(body, 0) == len(body) and len(cuts) == 5
    packets = [body[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]
    return [_login_head(port) + packets[0], *packets[1:]]


def _send(sock: socket.socket, packets: list[bytes]) -> None:
    """Each packet its own send, a moment apart, so the server reads them apart."""
    for packet in packets:
        sock.sendall(packet)
        time.sleep(0.2)


def _read_all(sock: socket.socket) -> bytes:
    said = b""
    while chunk := sock.recv(65536):
        said += chunk
    return said


def test_heads_behind_a_split_chunked_body_get_their_408_and_an_idle_one_none(
    served: Served,
) -> None:
    """A chunked login split inside its size lines, then in one packet its end, a login
    form ending in a blank line and the next head's first bytes: a client that then sends
    nothing and one that dribbles the head a byte each 0.5 s both get their 408 (before, the
    walk lost its place at the split, the guess took the form's blank line for the head's
    end and the silent client held its connection 75 s). A third, which sent only the split
    body and waits, is not cut off: its next request, sent once the others' clocks ran out,
    is answered."""
    port = served.port
    form = b"token=x\r\n\r\n"
    post = (
        f"POST /login HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(form)}\r\n\r\n"
    ).encode() + form
    rest = f"1.1\r\nHost: 127.0.0.1:{port}\r\nX-Slow: {'a' * 200}".encode()
    packets = _packets(port)

    def connect() -> socket.socket:
        return socket.create_connection(("127.0.0.1", port), timeout=WAIT_SECONDS)

    with connect() as idle, connect() as silent, connect() as dribbling:
        _send(idle, packets)
        for sock in (silent, dribbling):
            _send(sock, packets[:-1])
            sock.sendall(packets[-1] + post + BEGUN)
        answer, dribbled = dribbled_head(dribbling, rest)
        quiet = _read_all(silent)
        idle.sendall(f"GET /nowhere HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        kept = b""
        while kept.count(b"HTTP/1.1 ") < 2 and (chunk := idle.recv(65536)):
            kept += chunk
    for said in (quiet, answer):
        assert said.startswith(b"HTTP/1.1 403 "), said[:300]  # the chunked form's wrong token
        assert said.count(b"HTTP/1.1 403 ") == 2, said[:2000]  # and the second form's
        assert said.count(b"HTTP/1.1 ") == 3 and b"HTTP/1.1 408 " in said, said[-600:]
        assert HEAD_TOO_SLOW.encode() in said
    assert dribbled < len(rest), "the head was cut off before it was whole"
    assert kept.startswith(b"HTTP/1.1 403 "), kept[:300]
    assert kept.count(b"HTTP/1.1 403 ") == 2 and b" 408 " not in kept, kept[-600:]  # no login


def test_a_malformed_chunk_size_split_between_packets_is_refused(served: Served) -> None:
    """A bad size line split between packets after a good chunk: aiohttp's 400, which says
    what was wrong without the request's bytes, the connection closed; so is one sent whole."""
    for packets in (
        [_login_head(served.port) + b"7\r\ntoken=x\r\nz", b"z\r\nab\r\n0\r\n\r\n"],
        [_login_head(served.port) + b"1" + b"0" * 16 + b"\r\n"],
    ):
        with socket.create_connection(("127.0.0.1", served.port), timeout=WAIT_SECONDS) as sock:
            with contextlib.suppress(ConnectionError):
                _send(sock, packets)
            said = _read_all(sock)
        assert b" 400 Bad Request\r\n" in said, said[:300]
        assert b"this request is not one the server reads" in said
        assert said.count(b"HTTP/1.") == 1
