"""Where a connection stands between packets (`quiz.serve.framing`, fifty-fifth round,
serve55): whether the packet that ended a request's head goes on into the next request's,
which then needs its head's clock at once, where the fifty-fourth round's guess from the
packet's last blank line (`begins_another`) missed a head behind a body that ended in one."""

from __future__ import annotations

import socket
from types import SimpleNamespace

from multidict import CIMultiDict, CIMultiDictProxy

from quiz.serve.framing import Framing
from quiz.serve.headers import HEAD_TOO_SLOW, begins_another
from tests.web.helpers import WAIT_SECONDS, Served, dribbled_head

BODY = b"token=x\r\n\r\n"
"""A form that ends in a blank line, as a body may."""
BEGUN = b"GET / HTTP/"
"""The start of the next head, as many bytes as `BODY`: the guess read the two as a head
that ended at `BODY`'s blank line and a body of `BODY`'s length that ended the packet."""


def _message(**headers: str) -> SimpleNamespace:
    """A parsed request as aiohttp hands it: its headers, chunked or not, no upgrade."""
    chunked = headers.get("Transfer-Encoding") == "chunked"
    proxy = CIMultiDictProxy(CIMultiDict(headers))
    return SimpleNamespace(headers=proxy, chunked=chunked, upgrade=False)


def _post(body: bytes) -> tuple[bytes, SimpleNamespace]:
    head = f"POST /login HTTP/1.1\r\nHost: h\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode() + body, _message(**{"Content-Length": str(len(body))})


GET = b"GET / HTTP/1.1\r\nHost: h\r\n\r\n"


def test_a_head_behind_a_body_that_ends_in_a_blank_line_is_seen_begun() -> None:
    post, message = _post(BODY)
    assert len(BEGUN) == len(BODY)
    assert begins_another(post + BEGUN, message) is False  # the guess's miss
    assert Framing().feed(post + BEGUN, [message]) is True
    # and one byte more or less of the next head: seen by both
    assert Framing().feed(post + BEGUN[:-1], [message]) is True
    assert Framing().feed(post + BEGUN + b"1", [message]) is True


def test_whole_requests_and_blank_lines_after_them_begin_nothing() -> None:
    post, message = _post(BODY)
    framing = Framing()
    assert framing.feed(post + GET, [message, _message()]) is False
    assert framing.feed(GET + b"\r\n\r\n", [_message()]) is False  # llhttp skips CR and LF
    assert framing.feed(b"\r\n" + GET, [_message()]) is False
    assert framing.feed(b"\r\nGET /", []) is True


def test_a_head_and_a_body_split_between_packets_are_followed() -> None:
    """A head whose blank line straddles two packets, a body that goes on into the next
    packet and ends there with a head behind it: each packet read where the last left off."""
    framing = Framing()
    assert framing.feed(GET[:-1], []) is True  # in a head: ends with b"\r\n\r"
    assert framing.feed(b"\n", [_message()]) is False
    assert framing.feed(GET[:-3], []) is True
    assert framing.feed(GET[-3:] + BEGUN, [_message()]) is True
    assert framing.feed(b"1.1\r\nHost: h\r\n\r\n", [_message()]) is False
    post, message = _post(BODY)
    assert framing.feed(post[:-5], [message]) is False  # in the body
    assert framing.feed(post[-5:-2], []) is False
    assert framing.feed(post[-2:] + BEGUN, []) is True
    assert framing.feed(b"1.1\r\n\r\n" + post + GET, [_message(), message, _message()]) is False


def test_a_chunked_body_is_walked_chunk_by_chunk() -> None:
    """Chunks that hold blank lines, an extension, a trailer; a chunked body split between
    packets is followed into the next (`tests/web/test_serve_chunked_framing.py` splits
    one at every byte of its size lines)."""
    head = b"POST /login HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
    chunks = b"4\r\n\r\n\r\n\r\n3;x=y\r\nab\n\r\n0\r\nTrailer: t\r\n\r\n"
    chunked = _message(**{"Transfer-Encoding": "chunked"})
    assert Framing().feed(head + chunks + BEGUN, [chunked]) is True
    assert Framing().feed(head + chunks, [chunked]) is False
    assert Framing().feed(head + chunks + GET, [chunked, _message()]) is False
    framing = Framing()
    assert framing.feed(head + chunks[:10], [chunked]) is False
    assert framing.feed(chunks[10:] + BEGUN, []) is True


def test_what_the_walk_cannot_follow_loses_its_place() -> None:
    """A request aiohttp refused (its error has no headers), an upgrade, a head the parser
    ended where the walk finds none, heads parsed from what the parser held back."""
    refused = SimpleNamespace(headers=None)
    assert Framing().feed(b"GET /\x00 HTTP/1.1\r\n\r\nGET", [refused]) is None
    upgrade = SimpleNamespace(headers=CIMultiDictProxy(CIMultiDict()), upgrade=True)
    assert Framing().feed(GET + b"\x81\x00", [upgrade]) is None
    assert Framing().feed(b"GET / HTTP/1.1\r\n", [_message()]) is None
    framing = Framing()
    assert framing.feed(b"", [_message()]) is None
    assert framing.feed(GET + BEGUN, [_message()]) is None
    lost = Framing()
    lost.lose()
    assert lost.feed(GET + BEGUN, [_message()]) is None


def test_a_head_behind_a_body_that_ends_in_a_blank_line_gets_its_408(served: Served) -> None:
    """A login form that ends in a blank line, with as many bytes of the next request's
    head behind it in the same packet: that head's clock starts with the packet, so a client
    that then sends nothing gets its 408 (it held the connection for aiohttp's 75 s and was
    closed without a word), and one that dribbles the head a byte at a time is cut off with
    the same 408, its head never served."""
    head = (
        f"POST /login HTTP/1.1\r\nHost: 127.0.0.1:{served.port}\r\n"
        f"Origin: http://127.0.0.1:{served.port}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(BODY)}\r\n\r\n"
    ).encode()
    rest = f"1.1\r\nHost: 127.0.0.1:{served.port}\r\nX-Slow: {'a' * 200}".encode()

    def connect() -> socket.socket:
        return socket.create_connection(("127.0.0.1", served.port), timeout=WAIT_SECONDS)

    with connect() as silent, connect() as dribbling:
        silent.sendall(head + BODY + BEGUN)
        dribbling.sendall(head + BODY + BEGUN)
        answer, dribbled = dribbled_head(dribbling, rest)
        quiet = b""
        while chunk := silent.recv(65536):
            quiet += chunk
    for said in (quiet, answer):
        assert said.startswith(b"HTTP/1.1 403 "), said[:300]  # the form's wrong token
        assert said.count(b"HTTP/1.1 ") == 2 and b"HTTP/1.1 408 " in said, said[-600:]
        assert HEAD_TOO_SLOW.encode() in said
    assert dribbled < len(rest), "the head was cut off before it was whole"
