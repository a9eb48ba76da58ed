"""How large one header of a request to `drillbit serve` may be, what a browser whose
header is larger is told, and the headers every answer carries so no other page frames it.

A browser sends an address's cookies to every port of it, so the cookies that other servers
on 127.0.0.1 set (a notebook's, a dev server's, or a page's that sets many on purpose) come
with every request to drillbit, in one `Cookie` header. Past aiohttp's 8190 bytes every
request, the printed URL's too, was answered "Got more than 8190 bytes when reading:
b'drillbit-token-8000=<the token>; ...'": no way in, and the token on show. Here a header may
hold `MOST_HEADER_BYTES`, and a larger one is answered 431 with what to do.

No answer said who may frame it: a page on another port of 127.0.0.1 (the same site, so
the strict cookie comes along) could put the app's page in an invisible frame, which reads
the token its own origin keeps, and steer the visitor's clicks and keys into it
(clickjacking). Every answer now forbids frames (`NO_FRAMES`).

The two pages (the app's and the refusal's) carry a whole policy (`page_policy`): nothing
loads but this server's own files, scripts only those with this answer's random nonce, and
connections only to this server (its websocket), so a script that got into the page could
neither run nor send the token anywhere.

A request's headers may take `HEAD_SECONDS` from their first byte (fifty-third round):
aiohttp bounded them by its keep-alive alone, so a head trickled a byte at a time held its
connection for 75 s. The clock starts at a request's first byte, never on an idle
connection, so a browser's kept-alive connections stay open as long as before.
"""

from __future__ import annotations

import asyncio
import secrets

from aiohttp import web
from aiohttp.http_exceptions import LineTooLong
from aiohttp.web_protocol import RequestHandler

from quiz.serve.framing import Framing

__all__ = [
    "BAD_REQUEST",
    "HEADER_TOO_LARGE",
    "HEAD_SECONDS",
    "HEAD_TOO_SLOW",
    "MOST_HEADER_BYTES",
    "NONCE_KEY",
    "NO_FRAMES",
    "HeaderLimitHandler",
    "asks_upgrade",
    "begins_another",
    "forbid_frames",
    "new_nonce",
    "nonce_context",
    "page_policy",
    "request_nonce",
]

MOST_HEADER_BYTES = 64 * 1024
"""The most bytes of one header's name and value: the cookies of a dozen local servers."""

HEADER_TOO_LARGE = (
    "drillbit serve: this request has a header larger than the server reads "
    f"({MOST_HEADER_BYTES // 1024} KiB), most likely the cookies that other servers on this "
    "address set: a browser sends them to all of its ports. Clear this site's cookies in the "
    "browser, then open the URL `drillbit serve` printed again.\n"
)

BAD_REQUEST = (
    "drillbit serve: this request is not one the server reads (a malformed or over-long "
    "request line, most likely an address longer than 8 KiB). Open the URL `drillbit serve` "
    "printed.\n"
)

HEAD_SECONDS = 15.0
"""How long a request's line and headers may take from their first byte: a browser sends
them in one packet; a slow link takes a second or two."""

HEAD_TOO_SLOW = (
    "drillbit serve: this request's headers did not arrive within "
    f"{HEAD_SECONDS:g} s of their first byte; the connection is closed. Reload the page.\n"
)

NO_FRAMES = {
    "Content-Security-Policy": "frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
"""Headers of every answer: no page may frame it (the CSP for today's browsers, X-Frame-Options
for older ones), no address (which may hold the token) goes out as a Referer, no text is
read as a script or a page it is not, no page of another origin loads it as an image, a
script or a style (the resource policy: such a load, the cookie with it, told whether the
browser was logged in), and no page that opened the app's page keeps a handle on its
window (the opener policy: it could navigate the tab to a look-alike login page)."""


def new_nonce() -> str:
    """A fresh nonce for one page: 128 random bits, so no script guesses it."""
    return secrets.token_urlsafe(16)


NONCE_KEY = "csp_nonce"
"""The request's key of its page's nonce, and the template's name for it."""


def request_nonce(request: web.Request) -> str:
    """The nonce of the page this request is answered with, made at its first use."""
    nonce: str = request.setdefault(NONCE_KEY, new_nonce())
    return nonce


async def nonce_context(request: web.Request) -> dict[str, str]:
    """aiohttp_jinja2's context processor: the page's nonce. Its middleware runs before the
    handler, so the nonce is made here (or by the handler, whichever asks first)."""
    return {NONCE_KEY: request_nonce(request)}


def page_policy(nonce: str) -> str:
    """The Content-Security-Policy of a page whose own scripts carry `nonce`.

    Scripts: this server's files and the page's inline ones that carry the nonce (textual.js
    and drillbit's), never an injected one nor an `onclick`. Styles may be inline: xterm.js
    adds `<style>` elements and `style` attributes as it draws, which no nonce can cover.
    `connect-src 'self'` is this server's websocket too (same host and port, ws:)."""
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src 'self' 'nonce-{nonce}'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        ]
    )


def asks_upgrade(request: web.BaseRequest) -> bool:
    """Whether `request` asks to switch protocols (`Connection: upgrade` and an `Upgrade`)."""
    tokens = ",".join(request.headers.getall("Connection", [])).lower().split(",")
    return "Upgrade" in request.headers and "upgrade" in {token.strip() for token in tokens}


async def forbid_frames(request: web.BaseRequest, response: web.StreamResponse) -> None:
    """aiohttp's `on_response_prepare` signal: `NO_FRAMES` on every answer, a refusal's too;
    and an upgrade asked for and not made (a 403, a 503...) closes the connection: aiohttp
    reads nothing more of a connection that asked for one, and held it unread for 75 s."""
    for name, value in NO_FRAMES.items():
        response.headers.setdefault(name, value)
    if response.status != 101 and asks_upgrade(request):
        response.force_close()
        response.headers["Connection"] = "close"  # aiohttp chose its header before this hook


HEAD_END = b"\r\n\r\n"
"""The blank line that ends a head (llhttp refuses a bare `\\n`)."""


def begins_another(data: bytes, last: object) -> bool:
    """Whether `data`, a packet in which the request `last` (aiohttp's parsed message, or
    its error) was the last to end, goes on past it: the start of another request's head.

    A head begun holds no blank line (it would have ended), so the last request ends at the
    last blank line of the packet, or, when it has a body of `Content-Length` bytes, that
    many bytes past the last blank line before them. A chunked body ends with a blank line
    of its own. What a body holds can only make this find a later end, never an earlier
    one: a body that holds a blank line as many bytes before the packet's end as it is long
    reads as ending the packet, and the head begun behind it gets no clock here (its next
    bytes start it). The handler guesses with this only where `quiz.serve.framing`'s walk,
    which is not misled so, lost its place."""
    length = 0
    headers = getattr(last, "headers", None)
    if headers is not None and not getattr(last, "chunked", False):
        declared = headers.get("Content-Length", "0")
        length = int(declared) if declared.isdigit() else 0
    if length > len(data):
        return False
    end = data.rfind(HEAD_END, 0, len(data) - length)
    if end < 0:
        return False
    return end + len(HEAD_END) + length < len(data)


class HeaderLimitHandler(RequestHandler):
    """aiohttp's connection handler, whose answer to a header over its limit says what to
    do, which gives a request's headers `HEAD_SECONDS`, and which can close without
    lingering (`close_without_lingering`)."""

    __slots__ = ("_framing", "_head_timer", "_last_body")

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._head_timer: asyncio.TimerHandle | None = None
        self._last_body: object = None  # the body of the last request parsed, or None
        self._framing = Framing()  # where the connection stands between packets

    def data_received(self, data: bytes) -> None:
        """aiohttp's reading, with a clock on each request's head: started by bytes that
        are neither the last request's body nor a whole head, stopped once a head is parsed,
        and started again at once when the packet that ended a head goes on into the next
        request's (its first byte came then: fifty-third round, its next bytes started it).
        Where in the packet the last request ended is walked (`quiz.serve.framing`), since
        a body may hold a blank line; guessed (`begins_another`) where the walk lost its
        place (fifty-fifth round: the guess missed a head behind a body that ended in one).
        A packet that ends a body split between packets and begins no head starts no clock
        (fifty-sixth round: the kept-alive connection got a 408 15 s later)."""
        parsed = self._request_count
        if self._payload_parser is not None or self._upgraded:
            self._framing.lose()
        super().data_received(data)
        count = self._request_count - parsed
        messages = list(self._messages)[-count:] if 0 < count <= len(self._messages) else []
        begun = self._framing.feed(data, [message for message, _ in messages])
        if count > 0:  # a head ended here (what follows it is read with it)
            self._stop_head_timer()
            last = self._messages[-1] if self._messages else None
            self._last_body = last[1] if last is not None else None
            if begun is None:
                begun = last is not None and begins_another(data, last[0])
            if begun and self._reading_a_head():
                self._start_head_timer()
        elif data and self._head_timer is None and begun is not False and self._reading_a_head():
            self._start_head_timer()  # not for a packet that only ended a body (walked)

    def _start_head_timer(self) -> None:
        self._head_timer = self._loop.call_later(HEAD_SECONDS, self._head_too_slow)

    def _reading_a_head(self) -> bool:
        """Whether bytes received now begin or continue a request's head: the connection
        is neither upgraded nor closing, and the last request's body, if any, has ended."""
        if self._upgraded or self._payload_parser is not None or self._force_close:
            return False
        if self._close or self.transport is None:
            return False
        body = self._last_body
        return body is None or bool(getattr(body, "is_eof", lambda: True)())

    def _stop_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_too_slow(self) -> None:
        """`HEAD_SECONDS` passed with a head begun and not parsed: a 408 that says so, and
        the connection closed (what was sent of the head is never read)."""
        self._head_timer = None
        if self.transport is None or self._force_close:
            return
        body = HEAD_TOO_SLOW.encode()
        head = [
            "HTTP/1.1 408 Request Timeout",
            "Content-Type: text/plain; charset=utf-8",
            f"Content-Length: {len(body)}",
            "Connection: close",
            *(f"{name}: {value}" for name, value in NO_FRAMES.items()),
        ]
        self.transport.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)
        self.force_close()

    def connection_lost(self, exc: BaseException | None) -> None:
        self._stop_head_timer()
        self._last_body = None
        super().connection_lost(exc)

    def close_without_lingering(self) -> None:
        """Close once the answer in hand is sent, reading none of a body the client may
        still send: aiohttp reads ("lingers") up to 10 s after an answer that left a body
        unread, which a refusal that read none need not (`quiz.serve.expect`)."""
        self._lingering_time = 0.0

    def handle_error(
        self,
        request: web.BaseRequest,
        status: int = 500,
        exc: BaseException | None = None,
        message: str | None = None,
    ) -> web.StreamResponse:
        """A 431 for a header over `max_field_size`; a 400 that says what was wrong without
        the request's own bytes (aiohttp's repeated the start of an over-long request line,
        a URL that may hold the token); `NO_FRAMES` on all: these answers are built before
        any application sees the request, so its `on_response_prepare` never runs for them."""
        if isinstance(exc, LineTooLong) and exc.args[1] == self.max_field_size:
            response: web.StreamResponse = web.Response(status=431, text=HEADER_TOO_LARGE)
            response.force_close()
        else:
            if status == 400:
                message = BAD_REQUEST
            response = super().handle_error(request, status, exc, message)
        for name, value in NO_FRAMES.items():
            response.headers.setdefault(name, value)
        return response
