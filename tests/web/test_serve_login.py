"""The logins: the token posted, never in a request line (45th and 46th rounds).

The printed login link is a file that posts the token to `/` (`quiz.serve.login_file`),
answered by a 303 to the page that sets the cookie; the login page posts the token pasted
in its box (or an old printed URL's fragment) to `/login`, whose 204 sets the cookie. A login
comes only from this server's own page (its Origin), with the right token; wrong tokens
are bounded (`quiz.serve.throttle`): after ten in a row a wrong one is answered "wait" for
a while, while the right one gets in at once.
These run the server's app in this process, its clock the test's.
"""

from __future__ import annotations

import asyncio
import html
import re
from collections.abc import Awaitable, Callable
from html.parser import HTMLParser
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from quiz.serve.login import Login
from quiz.serve.server import _make_server
from quiz.serve.throttle import FORGET_SECONDS, FREE_TRIES, LONGEST_WAIT, WrongTokens
from tests.web.helpers import Served, http_get

pytestmark = pytest.mark.filterwarnings(
    # aiohttp_jinja2 keys its request storage by a string, which aiohttp warns of (an error
    # in this suite); the server's own process runs with the default filters
    "ignore::aiohttp.web_exceptions.NotAppKeyWarning"
)

PORT = 8765
LOGIN = Login.new("127.0.0.1", PORT)
COOKIE = LOGIN.sessions.issue()
"""The cookie secret of one login (`quiz.serve.sessions`)."""
PAGE = f"http://127.0.0.1:{PORT}"
OURS = {"Host": f"127.0.0.1:{PORT}", "Origin": PAGE}


class _Clock:
    """A clock the test moves."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _with_app(test: Callable[[TestClient[Any, Any], _Clock], Awaitable[None]]) -> None:
    """Run `test` against the server's app (its login `LOGIN`), its throttle on a test clock."""
    server: Any = _make_server("true", "127.0.0.1", PORT, LOGIN, 2)
    clock = _Clock()
    server.wrong_tokens = WrongTokens(clock)

    async def run() -> None:
        async with TestClient(TestServer(await server._make_app())) as client:
            await test(client, clock)

    try:
        asyncio.run(run())
    finally:
        server.pages.cleanup()


async def _login(
    client: TestClient[Any, Any], token: str, headers: dict[str, str] = OURS
) -> tuple[int, str, list[str], dict[str, str]]:
    """Status, body, Set-Cookie headers and headers of a `POST /login` of `token`."""
    async with client.post("/login", data={"token": token}, headers=headers) as answer:
        cookies = answer.headers.getall("Set-Cookie", [])
        return answer.status, await answer.text(), cookies, dict(answer.headers)


async def _open(
    client: TestClient[Any, Any], token: str, headers: dict[str, str]
) -> tuple[int, str, list[str], dict[str, str]]:
    """Status, body, Set-Cookie headers and headers of the login file's `POST /` of `token`."""
    async with client.post(
        "/", data={"token": token}, headers=headers, allow_redirects=False
    ) as answer:
        cookies = answer.headers.getall("Set-Cookie", [])
        return answer.status, await answer.text(), cookies, dict(answer.headers)


FILE_PAGE = {"Host": OURS["Host"], "Origin": "null"}
"""What a `file://` page's form post sends: the Origin of an opaque origin."""


def test_the_login_files_post_opens_the_page_through_a_one_use_code() -> None:
    async def test(client: TestClient[Any, Any], _clock: _Clock) -> None:
        for headers in (FILE_PAGE, {"Host": OURS["Host"]}, OURS):
            status, _, cookies, answer = await _open(client, LOGIN.token, headers)
            assert (status, answer["Location"]) == (303, "/"), headers
            names = sorted(cookie.split("=", 1)[0] for cookie in cookies)
            assert names == [f"drillbit-handoff-{PORT}", f"drillbit-token-{PORT}"]
            assert not [cookie for cookie in cookies if LOGIN.token in cookie]
            assert answer["Cache-Control"] == "no-store"
        code = next(c for c in cookies if c.startswith("drillbit-handoff")).split(";")[0]
        async with client.get("/", headers={**OURS, "Cookie": code}) as page:
            assert LOGIN.token in await page.text()  # handed to the page, for its websocket
        async with client.get("/", headers={**OURS, "Cookie": code}) as page:
            assert LOGIN.token not in await page.text()  # spent: the jar's cookie opens it

    _with_app(test)


def test_the_login_files_post_refuses_in_words_what_is_not_this_runs() -> None:
    async def test(client: TestClient[Any, Any], _clock: _Clock) -> None:
        refused = [
            ("o" * 43, FILE_PAGE, "This login link is not this run's"),  # an old file
            ("", FILE_PAGE, "This login link is not this run's"),
            (COOKIE, FILE_PAGE, "This login link is not this run's"),
            (LOGIN.token, {**FILE_PAGE, "Origin": "http://evil.example"}, "may not log in"),
            (LOGIN.token, {**FILE_PAGE, "Host": f"rebound.example:{PORT}"}, "does not name"),
        ]
        for token, headers, why in refused:
            status, said, cookies, _ = await _open(client, token, headers)
            assert (status, cookies) == (403, []), (token[:4], headers)
            assert why in html.unescape(said) and LOGIN.token not in said, said
        status, said, _, answer = await _open(client, "o" * 43, FILE_PAGE)
        assert answer["Content-Type"].startswith("text/html")  # the login page, its box
        assert '<form id="login">' in said and "paste the token it printed" in said
        async with client.post("/", data=b"\xff\x00", headers=FILE_PAGE) as refusal:
            assert refusal.status == 403  # no form: no token given, a 403 not a 500

    _with_app(test)


def test_a_login_sets_a_strict_http_only_session_cookie() -> None:
    async def test(client: TestClient[Any, Any], _clock: _Clock) -> None:
        status, _, cookies, headers = await _login(client, LOGIN.token)
        assert status == 204 and headers["Cache-Control"] == "no-store"
        assert len(cookies) == 1
        cookie = cookies[0]
        value = cookie.split(";", 1)[0].split("=", 1)[1]
        assert cookie.startswith(f"drillbit-token-{PORT}=") and LOGIN.accepts_cookie(value)
        assert value not in (COOKIE, LOGIN.token)  # each login its own secret
        flags = {part.strip().split("=", 1)[0].lower() for part in cookie.split(";")[1:]}
        assert "httponly" in flags and "SameSite=Strict" in cookie and "Path=/" in cookie
        # plain http to loopback: a Secure cookie would never come back; a session's only
        assert flags.isdisjoint({"secure", "max-age", "expires"}), cookie
        assert LOGIN.token not in cookie

    _with_app(test)


def test_a_login_comes_from_this_servers_page_with_the_right_token() -> None:
    async def test(client: TestClient[Any, Any], _clock: _Clock) -> None:
        refused = [
            (LOGIN.token, {"Host": OURS["Host"]}, "from this server's own page"),
            (LOGIN.token, {**OURS, "Origin": "http://evil.example"}, "own page"),
            (LOGIN.token, {**OURS, "Origin": f"http://127.0.0.1:{PORT + 1}"}, "own page"),
            (LOGIN.token, {**OURS, "Host": f"rebound.example:{PORT}"}, "does not name"),
            (LOGIN.token[:-1], OURS, "not this run's"),
            (COOKIE, OURS, "not this run's"),  # the cookie's secret is no token
            ("", OURS, "not this run's"),
        ]
        for token, headers, why in refused:
            status, said, cookies, _ = await _login(client, token, headers)
            assert (status, cookies) == (403, []), (token[:4], headers)
            assert why in said and LOGIN.token not in said, said
        async with client.post("/login", data=b"\xff\x00", headers=OURS) as answer:
            assert answer.status == 403  # no form: no token given, a 403 not a 500
        async with client.get("/login", headers=OURS) as answer:
            assert answer.status == 403  # no GET: a login is a post

    _with_app(test)


def test_past_ten_wrong_tokens_a_wrong_one_waits_and_the_right_one_gets_in_at_once() -> None:
    """A local program sending wrong tokens without end kept every token out, the right one
    too, for up to a minute after its last: the user's new login (the login box, the printed
    link, a kept token) was refused "too many wrong tokens". Now only wrong ones wait."""

    async def test(client: TestClient[Any, Any], clock: _Clock) -> None:
        for _ in range(FREE_TRIES):
            assert (await _login(client, "guess"))[0] == 403
        assert (await _login(client, "guess"))[0] == 403  # past the free ones: a wait begins
        near = [
            LOGIN.token[:-1],
            LOGIN.token + "A",
            LOGIN.token.swapcase(),
            LOGIN.token[:-1] + ("A" if LOGIN.token[-1] != "A" else "B"),
            COOKIE,
        ]
        for guess in near:  # wrong, however near: a 429, no cookie, nothing counted
            status, said, cookies, headers = await _login(client, guess)
            assert (status, cookies) == (429, []) and headers["Retry-After"] == "1", guess
            assert "too many wrong tokens" in said and "the right one gets in" in said
            async with client.get(f"/?token={guess}", headers=OURS) as answer:
                assert answer.status == 429
            async with client.get(f"/ws?token={guess}", headers=OURS) as answer:
                assert answer.status == 429
        # the right one, during the wait, through each door that reads a token
        status, _, cookies, _ = await _login(client, LOGIN.token)
        assert status == 204 and cookies[0].startswith(f"drillbit-token-{PORT}=")
        async with client.get(
            f"/?token={LOGIN.token}", headers=OURS, allow_redirects=False
        ) as answer:
            assert answer.status == 303
        # ...and it cleared the count: wrong ones are free again, then wait again
        for _ in range(FREE_TRIES):
            assert (await _login(client, "guess"))[0] == 403
        assert (await _login(client, "guess"))[0] == 403
        assert (await _login(client, "guess"))[0] == 429
        jar = {"Cookie": f"drillbit-token-{PORT}={COOKIE}", **OURS}
        async with client.get("/static/js/textual.js", headers=jar) as answer:
            assert answer.status == 200  # the cookie reads no token: never kept out
        clock.now += 1
        assert (await _login(client, "guess"))[0] == 403  # counted again, and wrong: 2 s now
        assert (await _login(client, "guess"))[0] == 429
        clock.now += 2
        assert (await _login(client, "guess"))[0] == 403
        assert (await _login(client, "guess"))[0] == 429
        # the websocket's token is the right one during a wait: the refusal is the missing
        # Origin's, not the throttle's
        async with client.get(f"/ws?token={LOGIN.token}", headers={"Host": OURS["Host"]}) as answer:
            assert answer.status == 403 and "Origin" in await answer.text()

    _with_app(test)


def test_the_wait_doubles_up_to_a_minute_and_is_forgotten() -> None:
    clock = _Clock()
    wrong = WrongTokens(clock)
    waits = []
    for _ in range(FREE_TRIES + 9):
        wrong.wrong()
        waits.append(wrong.wait_left())
        clock.now += wrong.wait_left()  # a patient guesser: each try once the wait is over
    assert waits == [0] * FREE_TRIES + [1, 2, 4, 8, 16, 32, 60, 60, 60]
    assert wrong.wait_left() == 0  # never longer than LONGEST_WAIT after the last try
    wrong.wrong()
    assert wrong.wait_left() == LONGEST_WAIT
    clock.now += FORGET_SECONDS
    wrong.wrong()  # ten minutes without a wrong try: the count starts again
    assert wrong.wait_left() == 0


def test_the_printed_banner_holds_no_address_with_the_token(served: Served) -> None:
    """The page's address, the login link (a file of the user's) and the token to paste:
    no address a browser opens carries the token."""
    said = served.log.read_text()
    page = f"http://127.0.0.1:{served.port}/"
    assert f"drillbit is served at {page}\n" in said
    assert re.fullmatch(r"file:///\S+/serve/login-\d+\.html", served.link)
    assert re.fullmatch(r"[\w-]{43}", served.token)
    lines_with_token = [line for line in said.splitlines() if served.token in line]
    assert lines_with_token == [f"    {served.token}"], "printed once, on a line of its own"
    status, cookie, body = http_get(page)
    assert status == 403 and not cookie and served.token not in body
    assert "A valid token is required." in body and '<form id="login">' in body


class _Parts(HTMLParser):
    """The login page's title, its labels' `for`, its inputs by id and its visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self.label_for: list[str] = []
        self.inputs: dict[str, dict[str, str | None]] = {}
        self.text: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in.append(tag)
        named = dict(attrs)
        if tag == "label" and named.get("for"):
            self.label_for.append(str(named["for"]))
        if tag == "input" and named.get("id"):
            self.inputs[str(named["id"])] = named

    def handle_endtag(self, tag: str) -> None:
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if self._in and self._in[-1] == "title":
            self.title += data
        elif "script" not in self._in:
            self.text.append(data)


def test_the_login_page_names_both_ways_in_and_labels_its_box(served: Served) -> None:
    """The page said one line ("open the URL `drillbit serve` printed") over a bare "Token:"
    box, its label not tied to it and its tab titled "drillbit": the box's use (a token, or
    the whole printed URL, pasted) was left to guess, and a screen reader named no box."""
    status, _, body = http_get(f"http://127.0.0.1:{served.port}/")
    assert status == 403
    parts = _Parts()
    parts.feed(body)
    assert parts.title == "drillbit serve: log in"
    text = " ".join(" ".join(parts.text).split())
    assert "Open the login link that drillbit serve printed in its terminal" in text
    assert "paste the token it printed in the box" in text
    assert parts.label_for == ["token"], "one label, tied to the box by its id"
    box = parts.inputs["token"]
    assert box["name"] == "token" and box["type"] == "password"
    assert "Token it printed:" in text
    assert not re.search(r"\b(src|href)=", body), "nothing loaded from anywhere"
