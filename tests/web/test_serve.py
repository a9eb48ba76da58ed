"""`drillbit serve` without a browser: addresses, the app command, the login, the tab limit, errors."""

from __future__ import annotations

import asyncio
import base64
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

import quiz.serve.server as serve_module
from quiz.errors import DrillbitError, UsageError
from quiz.serve.headers import HEADER_TOO_LARGE, MOST_HEADER_BYTES
from quiz.serve.login import Login, allowed_hosts, allowed_origins, is_loopback, public_url
from quiz.serve.page import local_font_page, tab_titled_page
from quiz.serve.server import app_command, is_wildcard, serve
from tests.conftest import RunDrillbit
from tests.web.helpers import WAIT_SECONDS, Served, free_loopback_port, http_get, login_jar


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("localhost", True),
        ("LOCALHOST", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),
        ("192.168.1.20", False),
        ("example.org", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_wildcards_are_told_apart_from_addresses() -> None:
    assert is_wildcard("0.0.0.0") and is_wildcard("::")
    assert not is_wildcard("127.0.0.1") and not is_wildcard("localhost")


def test_public_url_brackets_ipv6() -> None:
    assert public_url("127.0.0.1", 8000) == "http://127.0.0.1:8000"
    assert public_url("::1", 8765) == "http://[::1]:8765"
    assert public_url("[::1]", 8765) == "http://[::1]:8765"


def test_app_command_runs_this_python_on_the_same_content(tmp_path: Path) -> None:
    odd = tmp_path / "my cards; rm -rf ~"
    argv = shlex.split(app_command([odd, Path("relative")]))
    assert argv[:4] == ["exec", sys.executable, "-m", "quiz"]
    assert argv[4:] == ["--content", str(odd), "--content", str(Path("relative").resolve())]
    assert shlex.split(app_command([])) == ["exec", sys.executable, "-m", "quiz"]


def test_the_app_process_is_not_hidden_behind_a_shell() -> None:
    """textual-serve runs the command through /bin/sh; the process it holds (and kills) is the app."""
    command = app_command([]).replace(" -m quiz", " -c 'import os; print(os.getpid())'", 1)
    shell = subprocess.Popen(command, shell=True, stdout=subprocess.PIPE, text=True)
    out, _ = shell.communicate(timeout=WAIT_SECONDS)
    assert int(out) == shell.pid


def test_allowed_origins_are_the_loopback_aliases_only_on_loopback() -> None:
    assert allowed_origins("127.0.0.1", 8000) == {
        "http://127.0.0.1:8000",
        "http://localhost:8000",
        "http://[::1]:8000",
    }
    assert allowed_origins("192.168.1.20", 8000) == {"http://192.168.1.20:8000"}


class _NoServer:
    served = False

    def serve(self) -> None:
        self.served = True


def test_non_loopback_host_warns_before_serving(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stub = _NoServer()
    monkeypatch.setattr(serve_module, "_make_server", lambda *_: stub)
    serve("192.0.2.7", 8000, [], max_tabs=4)
    assert stub.served
    assert (
        "warning: serving on 192.0.2.7, which is not a loopback address" in capsys.readouterr().err
    )
    serve("127.0.0.1", 8000, [], max_tabs=4)
    assert capsys.readouterr().err == ""


def test_a_stopped_server_says_it_stopped_as_watch_does(
    monkeypatch: pytest.MonkeyPatch, drillbit: RunDrillbit
) -> None:
    """Ctrl-C ended `drillbit serve` with the terminal's `^C` alone, where `drillbit watch`
    ends with "Stopped watching."."""
    stub = _NoServer()
    monkeypatch.setattr(serve_module, "_make_server", lambda *_: stub)
    stopped = drillbit("serve")
    assert stub.served and stopped.returncode == 0, stopped
    assert stopped.stdout.endswith("\nStopped serving.\n"), stopped.stdout


def test_wildcard_host_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    stub = _NoServer()
    monkeypatch.setattr(serve_module, "_make_server", lambda *_: stub)
    with pytest.raises(UsageError, match="no address a browser can open"):
        serve("0.0.0.0", 8000, [], max_tabs=4)
    assert not stub.served


def test_busy_port_is_a_clear_error(drillbit_process: RunDrillbit) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = drillbit_process("serve", "--port", str(port))
    assert result.returncode == DrillbitError.exit_code
    assert f"port {port} is already in use on 127.0.0.1" in result.stderr
    assert "Traceback" not in result.stderr


def test_port_out_of_range_is_a_usage_error(drillbit: RunDrillbit) -> None:
    result = drillbit("serve", "--port", "0")
    assert result.returncode == 2
    assert "--port" in result.stderr


def test_allowed_hosts_name_this_server_only() -> None:
    assert allowed_hosts("127.0.0.1", 8000) == {
        "127.0.0.1:8000",
        "localhost:8000",
        "[::1]:8000",
    }
    assert allowed_hosts("192.168.1.20", 8000) == {"192.168.1.20:8000"}
    assert "localhost" in allowed_hosts("localhost", 80)  # port 80 may be left out
    assert "localhost" not in allowed_hosts("localhost", 8000)


LOGIN = Login.new("127.0.0.1", 8000)
COOKIE = LOGIN.sessions.issue()
"""The cookie secret of one login (`quiz.serve.sessions`)."""
PAGE = "http://127.0.0.1:8000"


def _refusal(
    host: str | None = "127.0.0.1:8000",
    origin: str | None = PAGE,
    query: str | None = LOGIN.token,
    cookie: str | None = None,
    websocket: bool = True,
) -> str | None:
    return LOGIN.refusal(host=host, origin=origin, query=query, cookie=cookie, websocket=websocket)


def test_login_accepts_the_token_from_the_query_or_for_the_page_the_cookie() -> None:
    assert _refusal(cookie=COOKIE) is None
    assert _refusal(query=None, cookie=COOKIE, websocket=False) is None
    assert _refusal(host="LOCALHOST:8000", origin="http://localhost:8000/", cookie=COOKIE) is None
    assert _refusal(origin=None, websocket=False) is None  # the page itself: a plain GET


def test_the_websocket_needs_the_token_in_its_url_not_the_cookie() -> None:
    """A browser hands the cookie to a server on any other port of 127.0.0.1 it visits."""
    refusal = _refusal(query=None, cookie=COOKIE)
    assert refusal is not None and "the token in its URL" in refusal


def test_the_cookie_holds_its_own_secret_which_is_no_token() -> None:
    """The cookie's value was the token: a server on another port of the address, handed the
    cookie by the browser, opened the websocket with it (`test_serve_cookie.py`)."""
    assert COOKIE != LOGIN.token and len(COOKIE) >= 43
    assert _refusal(query=COOKIE) is not None  # the cookie's secret as the token
    assert _refusal(query=COOKIE, websocket=False) is not None  # nor for the page
    assert _refusal(query=None, cookie=COOKIE, websocket=False) is None
    assert _refusal(query=None, cookie=LOGIN.token, websocket=False) is not None
    assert len({LOGIN.sessions.issue() for _ in range(20)}) == 20  # per login


def test_a_login_shown_in_a_traceback_shows_neither_secret() -> None:
    """A traceback's locals printed the `Login` whole, the token in it (forty-first round)."""
    shown = repr(LOGIN) + str(LOGIN)
    assert LOGIN.token not in shown and COOKIE not in shown
    assert "127.0.0.1:8000" in shown  # the rest of it still shows


@pytest.mark.parametrize(
    ("request_", "reason"),
    [
        ({"query": None, "cookie": COOKIE}, "needs the token in its URL"),
        ({"query": "", "cookie": COOKIE}, "needs the token in its URL"),
        ({"query": LOGIN.token[:-1], "cookie": COOKIE}, "needs the token in its"),
        ({"query": LOGIN.token + "x", "cookie": LOGIN.token[::-1]}, "needs this server's login"),
        ({}, "websocket needs this server's login cookie"),
        ({"cookie": LOGIN.token}, "websocket needs this server's login cookie"),
        ({"query": None, "websocket": False}, "a valid token is required"),
        ({"query": "", "cookie": "", "websocket": False}, "a valid token is required"),
        ({"query": LOGIN.token[:-1], "websocket": False}, "a valid token is required"),
        ({"query": LOGIN.token[:-1], "websocket": False}, "this address is not this run's"),
        ({"query": None, "cookie": LOGIN.token[:-1], "websocket": False}, "a valid token is"),
        ({"query": None, "cookie": "old", "websocket": False}, "login is not this run's"),
        ({"origin": None}, "needs an Origin header"),
        ({"origin": "http://evil.example"}, "origin 'http://evil.example' is not allowed"),
        ({"origin": "http://127.0.0.1:8001"}, "is not allowed"),
        ({"host": "evil.example:8000"}, "does not name this server"),
        ({"host": "evil.example:8000", "websocket": False}, "does not name this server"),
        ({"host": None}, "does not name this server"),
        ({"host": "127.0.0.1:8001"}, "does not name this server"),
    ],
)
def test_login_refuses(request_: dict[str, object], reason: str) -> None:
    refusal = _refusal(**request_)  # type: ignore[arg-type]
    assert refusal is not None and reason in refusal


def test_every_run_has_its_own_long_token() -> None:
    tokens = {Login.new("127.0.0.1", 8000).token for _ in range(20)}
    assert len(tokens) == 20
    assert all(len(token) >= 43 for token in tokens)  # 256 random bits


def _handshake(
    port: int,
    *,
    origin: str | None = None,
    token: str | None = None,
    cookie: str | None = None,
    host: str | None = None,
) -> str:
    """The status line the server answers a websocket upgrade with."""
    key = base64.b64encode(os.urandom(16)).decode()
    query = f"&token={token}" if token is not None else ""
    headers = [
        f"GET /ws?width=80&height=24{query} HTTP/1.1",
        f"Host: {host or f'127.0.0.1:{port}'}",
        "Upgrade: websocket",
        "Connection: Upgrade",
        f"Sec-WebSocket-Key: {key}",
        "Sec-WebSocket-Version: 13",
    ]
    if origin is not None:
        headers.append(f"Origin: {origin}")
    if cookie is not None:
        headers.append(f"Cookie: drillbit-token-{port}={cookie}")
    with socket.create_connection(("127.0.0.1", port), timeout=WAIT_SECONDS) as conn:
        conn.sendall(("\r\n".join(headers) + "\r\n\r\n").encode())
        return conn.recv(4096).decode("latin-1").split("\r\n", 1)[0]


def test_websocket_needs_the_token_and_this_servers_page(served: Served) -> None:
    port, token = served.port, served.token
    page = f"http://127.0.0.1:{port}"
    # no token and no Origin: a local process that just connects
    assert " 403 " in _handshake(port)
    assert " 403 " in _handshake(port, token=token)  # the token alone: no page, no app
    assert " 403 " in _handshake(port, origin=page)  # the page without the token
    assert " 403 " in _handshake(port, origin=page, token="not-the-token")
    assert " 403 " in _handshake(port, origin=page, cookie=token[:-1])
    # the cookie alone: what a server on another port of 127.0.0.1 is handed by the browser
    assert " 403 " in _handshake(port, origin=page, cookie=token)
    assert " 403 " in _handshake(port, origin=page, cookie=served.cookie_value)
    assert " 403 " in _handshake(port, origin=page, token=served.cookie_value)
    assert " 403 " in _handshake(port, origin="http://evil.example", token=token)
    assert " 403 " in _handshake(
        port, origin=f"http://127.0.0.1:{free_loopback_port()}", token=token
    )
    # DNS rebinding: another site's name resolved to 127.0.0.1 keeps its name in Host and Origin
    rebound = f"rebound.example:{port}"
    assert " 403 " in _handshake(port, origin=f"http://{rebound}", token=token, host=rebound)
    # the page's token without its cookie: a local program that holds the token alone
    assert " 403 " in _handshake(port, origin=page, token=token, cookie=served.token)
    # the page, with its cookie and the token in the websocket's URL (the page adds it):
    # the app starts
    jar = served.cookie_value
    assert " 101 " in _handshake(port, origin=page, token=token, cookie=jar)
    assert " 101 " in _handshake(port, origin=f"http://localhost:{port}", token=token, cookie=jar)


def test_the_page_needs_the_token_and_sets_a_cookie(served: Served) -> None:
    base = f"http://127.0.0.1:{served.port}/"
    status, cookie, body = http_get(base)
    assert status == 403 and not cookie
    assert "A valid token is required." in body and "not this run's" not in body
    assert http_get(base + "?token=wrong")[0] == 403
    assert http_get(served.url, host=f"rebound.example:{served.port}")[0] == 403
    assert http_get(base + "static/js/textual.js")[0] == 403  # every path, not only the page

    status, cookie, body = http_get(served.url)
    assert status == 200 and "textual-terminal" in body
    assert cookie.startswith(f"drillbit-token-{served.port}=") and served.token not in cookie
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    # later requests carry the cookie instead of the query
    jar = cookie.split(";", 1)[0]
    assert http_get(base, cookie=f"drillbit-token-{served.port}={served.token}")[0] == 403
    assert http_get(base, cookie=jar)[0] == 200
    assert http_get(base + "static/js/textual.js", cookie=jar)[0] == 200


def test_cookies_other_local_servers_set_are_read_past_aiohttps_8_kib(served: Served) -> None:
    """A browser sends every cookie of 127.0.0.1 (a notebook's, a dev server's) to each of its
    ports: past 8190 bytes every request, the printed URL's too, got a 400."""
    others = "; ".join(f"other{n}={'o' * 1000}" for n in range(20))  # 20 KB of them
    status, _, body = http_get(served.url, cookie=others)
    assert status == 200 and "textual-terminal" in body


def test_a_cookie_header_past_the_limit_is_told_what_to_do_not_shown_the_token(
    served: Served,
) -> None:
    """The 400 said "Got more than 8190 bytes when reading: b'drillbit-token-PORT=<the
    token>; ...'": no word of what to do, and the token on the page."""
    jar = f"drillbit-token-{served.port}={served.token}; " + "; ".join(
        f"bomb{n}={'b' * 4000}" for n in range(40)
    )
    status, _, body = http_get(served.url, cookie=jar)
    assert (status, body) == (431, HEADER_TOO_LARGE)
    assert served.token not in body
    too_long = http_get(served.url + "&" + "x" * (2 * MOST_HEADER_BYTES))  # the URL, no header
    assert too_long[0] == 400 and "cookies" not in too_long[2]


def _open_tab(port: int, token: str, *, drawn: bool = False) -> socket.socket:
    """A tab's websocket, open (its upgrade answered 101); with `drawn`, once the tab's app
    has sent its first frame (it runs)."""
    key = base64.b64encode(os.urandom(16)).decode()
    jar = login_jar(port, token)
    tab = socket.create_connection(("127.0.0.1", port), timeout=WAIT_SECONDS)
    tab.sendall(
        (
            f"GET /ws?width=80&height=24&token={token} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            f"Cookie: {jar}\r\n"
            "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
            f"Origin: http://127.0.0.1:{port}\r\n\r\n"
        ).encode()
    )
    received = b""

    def waiting() -> bool:
        """No whole answer yet, or (`drawn`) nothing of the app's after it."""
        end = received.find(b"\r\n\r\n")
        return end < 0 or (drawn and len(received) == end + 4)

    while waiting():
        chunk = tab.recv(4096)
        if not chunk:
            tab.close()
            pytest.fail(f"the tab's websocket closed: {received!r}")
        received += chunk
    assert b" 101 " in received.split(b"\r\n", 1)[0], received
    return tab


def test_sigterm_stops_the_server_and_its_tabs_as_ctrl_c_does(served: Served) -> None:
    """`kill` (a service manager's stop) ends it as Ctrl-C does: exit 0, the port free; the
    fixture then finds no process of its left (the tab's app included)."""
    with _open_tab(served.port, served.token, drawn=True):
        served.process.send_signal(signal.SIGTERM)
        assert served.process.wait(timeout=WAIT_SECONDS) == 0
    assert served.log.read_text().endswith("\nStopped serving.\n")
    with socket.socket() as again:
        again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as a server binds
        again.bind(("127.0.0.1", served.port))


def test_tabs_beyond_max_tabs_are_refused(served_one_tab: Served) -> None:
    port, token = served_one_tab.port, served_one_tab.token
    page = f"http://127.0.0.1:{port}"
    jar = served_one_tab.cookie_value
    with _open_tab(port, token):
        assert " 503 " in _handshake(port, origin=page, token=token, cookie=jar)
        status, _, body = http_get(served_one_tab.url)
        assert status == 503 and "the limit (--max-tabs)" in body


def test_the_page_loads_its_font_locally_not_from_a_font_cdn(served: Served) -> None:
    jar = served.jar
    status, _, body = http_get(served.url)
    assert status == 200 and "textual-terminal" in body
    assert "googleapis" not in body and "gstatic" not in body
    font = re.search(r'url\("([^"]*RobotoMono-VariableFont_wght\.ttf)"\)', body)
    assert font, body[:2000]
    path = font.group(1).split(f":{served.port}", 1)[-1]
    request = urllib.request.Request(
        f"http://127.0.0.1:{served.port}{path}", headers={"Cookie": jar}
    )
    with urllib.request.urlopen(request, timeout=WAIT_SECONDS) as response:
        assert response.status == 200
        assert len(response.read()) > 10_000  # the font file itself
    assert '"Roboto Mono", menlo, monospace' in body  # the system monospace font as fallback


def test_the_page_rewrite_keeps_the_rest_of_the_template() -> None:
    template = (
        '<html><head>\n<link rel="stylesheet" href="x.css" />\n<link\n rel="stylesheet"\n'
        ' href="https://fonts.googleapis.com/css?family=Roboto%20Mono"\n/>\n</head><body/></html>'
    )
    page = local_font_page(template)
    assert "googleapis" not in page and 'href="x.css"' in page
    assert page.count("@font-face") == 2 and page.index("@font-face") < page.index("</head>")
    assert local_font_page("<head></head>") == "<head></head>"


def test_the_page_names_its_tab_and_brings_its_icon(served: Served) -> None:
    """textual-serve's page has no title: the tab read "127.0.0.1:PORT/?token=..." (the
    token on show), and no icon, so the browser asked for a /favicon.ico that is not there."""
    status, _, body = http_get(served.url)
    assert status == 200
    head = body[: body.index("</head>")]
    assert re.search(r"<title>drillbit</title>", head), head[:500]
    assert re.search(r'<link rel="icon" href="data:image/svg\+xml,[^"]+"', head)


def test_a_page_with_a_title_of_its_own_keeps_it() -> None:
    titled = "<html><head><title>Mine</title></head></html>"
    assert tab_titled_page(titled) == titled
    page = tab_titled_page("<html><head></head></html>")
    assert page.count("<title>") == 1 and page.index("<title>") < page.index("</head>")


class _EndsAtTheKill:
    """A tab's app process that outlives the wait and ends just before the kill, as asyncio
    reports it: the kill raises ProcessLookupError, and wait() then returns at once."""

    def __init__(self) -> None:
        self.returncode: int | None = None
        self.waits = 0

    async def wait(self) -> int:
        self.waits += 1
        if self.returncode is None:
            await asyncio.sleep(5)  # longer than _stop_app's wait for it
        return 0

    def kill(self) -> None:
        self.returncode = 0
        raise ProcessLookupError


class _Service:
    def __init__(self, process: _EndsAtTheKill) -> None:
        self._process = process

    async def stop(self) -> None:
        return None


def test_a_tab_that_ends_as_it_is_killed_is_stopped_without_an_error() -> None:
    process = _EndsAtTheKill()
    asyncio.run(serve_module._stop_app(_Service(process)))
    assert process.returncode == 0 and process.waits == 2, "killed, then reaped"


def test_a_config_broken_while_serving_is_said_by_the_page(
    served: Served, _isolated_home: Path
) -> None:
    """config.toml edited into a bad value after the server started: a new tab's app would
    exit before drawing (the page stayed on its splash, the reason only in the server's
    console); the page now says it, no app starts, and a reload after the repair opens it."""
    config = _isolated_home / "config.toml"
    config.write_text("# mine\nmock_minutes = 0\n", encoding="utf-8")
    status, _, body = http_get(served.url)
    assert status == 503
    assert body == (
        f"drillbit serve: no app started: settings: {config}:2: mock_minutes = 0: not a whole "
        "number from 1 to 600; repair: `drillbit config mock_minutes VALUE` (`--reset` for the "
        "default, 20)\nReload this page once it is repaired.\n"
    )
    page = f"http://127.0.0.1:{served.port}"
    assert " 503 " in _handshake(
        served.port, origin=page, token=served.token, cookie=served.cookie_value
    )
    config.write_text("mock_minutes = = 0\n", encoding="utf-8")
    status, _, body = http_get(served.url)
    assert status == 503 and f"settings: {config}: not valid TOML: " in body
    assert "line 1" in body
    config.write_text("# mine\nmock_minutes = 30\n", encoding="utf-8")
    status, _, body = http_get(served.url)
    assert status == 200 and "textual-terminal" in body
    assert config.read_text(encoding="utf-8") == "# mine\nmock_minutes = 30\n"
    assert "no app started for a tab: settings: " in served.log.read_text()


def test_the_page_closes_its_websocket_as_it_is_left_before_textual_js_opens_one(
    served: Served,
) -> None:
    """The script that closes the tab's websocket on leaving must wrap WebSocket before
    textual.js makes the tab's socket, or a reload's old tab holds its slot until the new
    page has arrived."""
    status, _, body = http_get(served.url)
    assert status == 200
    assert "beforeunload" in body
    assert body.index("window.WebSocket = class") < body.index("js/textual.js")


def test_the_page_is_handed_the_token_before_textual_js_opens_its_websocket(
    served: Served,
) -> None:
    """The printed URL is answered by a 303 to the page without the token; that page keeps
    the token it is handed and adds it to the websocket's URL before textual.js makes it."""
    status, _, body = http_get(served.url)
    assert status == 200
    assert f'let token = "{served.token}";' in body
    assert body.index("localStorage.setItem(key, token)") < body.index("js/textual.js")
    assert body.index("target.searchParams.set(name, token)") < body.index("js/textual.js")


@pytest.mark.parametrize(
    "path",
    [
        "/static/../server.py",
        "/static/%2e%2e/server.py",
        "/static/..%2fserver.py",
        "/static/js/../../server.py",
        "/static//etc/passwd",
    ],
)
def test_the_static_route_serves_nothing_outside_its_folder(served: Served, path: str) -> None:
    """textual-serve's server.py sits beside its static folder; /etc/passwd is anyone's."""
    jar = served.jar
    with socket.create_connection(("127.0.0.1", served.port), timeout=WAIT_SECONDS) as connection:
        connection.sendall(  # raw: a client would resolve the dots before sending
            f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{served.port}\r\nCookie: {jar}\r\n"
            "Connection: close\r\n\r\n".encode()
        )
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    status = answer.split(b"\r\n", 1)[0]
    assert b" 404 " in status or b" 403 " in status, answer[:300]
    assert b"textual_serve" not in answer and b"root:" not in answer


def test_a_host_that_does_not_resolve_is_named_without_a_loopback_warning(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--host <a name that does not resolve>` warned "not a loopback address", then failed
    with the resolver's bare "Name or service not known"."""

    def unknown(*_: object, **__: object) -> object:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    stub = _NoServer()
    monkeypatch.setattr(serve_module, "_make_server", lambda *_: stub)
    monkeypatch.setattr(socket, "getaddrinfo", unknown)
    with pytest.raises(UsageError, match=r"--host drillbit-nowhere names no address") as caught:
        serve("drillbit-nowhere", 8000, [], max_tabs=4)
    assert "127.0.0.1" in str(caught.value) and "Name or service not known" in str(caught.value)
    assert not stub.served
    assert "warning" not in capsys.readouterr().err


def test_a_name_for_loopback_is_not_warned_about(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A name is judged by the addresses it resolves to, not by being no IP literal."""
    answers = {
        "devbox.local": [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.1.1", 8000))],
        "lan.local": [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("192.0.2.9", 8000))],
    }
    stub = _NoServer()
    monkeypatch.setattr(serve_module, "_make_server", lambda *_: stub)
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *_, **__: answers[host])
    serve("devbox.local", 8000, [], max_tabs=4)
    assert stub.served and capsys.readouterr().err == ""
    serve("lan.local", 8000, [], max_tabs=4)
    assert "serving on lan.local, which is not a loopback address" in capsys.readouterr().err
