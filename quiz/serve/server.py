"""The server of `drillbit serve`: the same Textual app in a browser, through textual-serve.

textual-serve runs one app process per browser tab (`python -m quiz`, which opens
Home) and relays its terminal over a websocket. The app runs code as the user who
started the server (the drill grader), so by default it listens on loopback only,
every request must pass the login (`quiz.serve.login`: token, Host, Origin), at most
`max_tabs` app processes run at once, and the connections it holds are bounded
(`quiz.serve.connections`); it runs its own aiohttp runner for that, stopped by Ctrl-C or
SIGTERM. SIGUSR1 ends every login and makes a new token, the server kept (`renew`). What strangers can make it log stays short and inert (`quiz.serve.console`), and
a tab's messages are read defensively (`quiz.serve.messages`), and of its app's stderr
only the end is kept (`quiz.serve.tabapp`).
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import ipaddress
import logging
import os
import shlex
import signal
import socket
import sys
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quiz.errors import DrillbitError, UsageError
from quiz.paths import data_dir
from quiz.plural import counted
from quiz.serve.login import LOGIN_PATH, TOKEN_PARAM, Login, is_loopback, public_url
from quiz.serve.login_file import login_folder
from quiz.serve.sessions import LOGOUT_PATH

if TYPE_CHECKING:
    from quiz.serve.tabapp import TabApp

SHUTDOWN_SECONDS = 3.0
"""How long Ctrl-C waits for requests in flight once every tab is closed."""
KEEPALIVE_SECONDS = 75.0
"""How long a connection may stay idle, or take to send a request (aiohttp's default)."""
APP_QUIT_SECONDS = 3.0
"""How long a tab's app process gets to quit (and save) before it is killed."""
CLOSED_POLL_SECONDS = 0.5
"""How often a relay of keys the app is slow to take looks whether the tab has closed."""
SLOT_WAIT_SECONDS = 3.0
"""How long a new tab waits for a slot when every one is taken: a reloaded page asks for
its new tab before the server has seen its old one close."""

log = logging.getLogger("drillbit.serve")

LOGIN_BODY_SECONDS = 10.0
"""How long a login's form may take to arrive (a browser sends its few bytes at once): a
post that named a length and sent its body a byte now and then, or never, held its
connection and handler for as long as it liked (fiftieth round)."""
UNREADABLE_BODY: tuple[type[Exception], ...] = (
    ValueError,
    LookupError,
    RuntimeError,
    ConnectionResetError,
)
"""What aiohttp's `request.post()` raises for a body it cannot read as a form: no form
(`ValueError`), a charset Python does not know (`LookupError`), a multipart part of an
unknown transfer encoding (`RuntimeError`), a sender gone before its body's end
(`ConnectionResetError`); aiohttp's payload errors (a gzip body that does not inflate)
join them where aiohttp is loaded. Each went through as a 500 and a traceback in the console (fiftieth round)."""
WEBSOCKET_VERSION = "13"
"""The one version of the websocket protocol a tab's page speaks (RFC 6455), and a browser."""
MOST_BODY_BYTES = 1024**2
"""The largest body the server reads (aiohttp's `client_max_size`, made explicit): a login
is a few dozen bytes."""


def is_wildcard(host: str) -> bool:
    """True for 0.0.0.0 and ::, which bind every interface but are no address a browser can open."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return False


def resolved_addresses(host: str, port: int) -> set[str]:
    """The addresses `host` names, before anything is said about them: a name that did not
    resolve was warned about as "not loopback" and then failed with the resolver's bare
    "Name or service not known"."""
    try:
        found = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        why = exc.strerror if isinstance(exc, socket.gaierror) else str(exc)
        raise UsageError(
            f"--host {host} names no address this machine can listen on ({why}); pass an "
            "IP address of this machine (e.g. its LAN address) or a name that resolves to "
            "one, or leave the default 127.0.0.1",
            title="serve",
        ) from exc
    return {str(info[4][0]) for info in found}


def app_command(content_dirs: list[Path]) -> str:
    """The shell command textual-serve runs per tab: this interpreter, `-m quiz`, the same --content.

    `exec` makes the app replace the shell, so the process textual-serve holds (and
    may kill) is the app itself, not a shell that would leave it orphaned.
    """
    argv = [sys.executable, "-m", "quiz"]
    for folder in content_dirs:
        argv += ["--content", str(folder.resolve())]
    return "exec " + shlex.join(argv)


async def _stop_app(service: Any) -> None:
    """Ask one tab's app process to quit; kill it if it lingers, and reap it before the loop closes."""
    try:
        await asyncio.wait_for(service.stop(), APP_QUIT_SECONDS)
    except (TimeoutError, asyncio.CancelledError):
        pass  # cancelled or not, the process must not outlive the server
    process = getattr(service, "_process", None)  # textual-serve keeps the Process here
    if process is None or process.returncode is not None:
        return
    from quiz.serve.tabapp import end_within  # loaded with the server (textual-serve)

    await end_within(process, 1.0)


async def _cancel_leftover_tasks() -> None:
    """Cancel what still runs once the server has shut down (a connection's handler that
    outlived the shutdown's wait), so closing the loop leaves no task pending."""
    leftover = asyncio.all_tasks() - {asyncio.current_task()}
    for task in leftover:
        task.cancel()
    await asyncio.gather(*leftover, return_exceptions=True)


async def _unless_closed(websocket: Any, relay: Awaitable[object]) -> bool:
    """Await `relay` (keys handed to a tab's app, which takes them as fast as it reads them)
    unless the tab's websocket closes first; False then, the relay cancelled. A tab that
    pasted 120 MB of keys and read no answers was dropped by the heartbeat while the server
    waited on its app's stdin, and the app ran on for minutes, its memory growing to 1.2 GB
    and its tab's slot taken, before the handler could end it (sandbox40's attack)."""
    task = asyncio.ensure_future(relay)
    try:
        while not task.done():
            await asyncio.wait({task}, timeout=CLOSED_POLL_SECONDS)
            if not task.done() and websocket.closed:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
                return False
        task.result()  # its exception, if it raised one
        return True
    finally:
        task.cancel()  # the handler itself cancelled: the relay goes with it


async def _end_apps(services: Iterable[TabApp]) -> None:
    """End the app of every tab whose handler was cancelled before it had reaped it (the
    server's shutdown gives handlers `SHUTDOWN_SECONDS`; a tab closing as Ctrl-C came
    could need longer)."""
    await asyncio.gather(*(service.end_now() for service in list(services)))


def _make_server(
    command: str,
    host: str,
    port: int,
    login: Login,
    max_tabs: int,
    check: Callable[[], object] | None = None,
    login_folder: Path | None = None,
    data: Path | None = None,
) -> Any:
    """A textual-serve Server with drillbit's banner, the login, a tab limit, a check
    before each tab (`check`: a DrillbitError refuses it) and a clean shutdown; its login
    file (`quiz.serve.login_file`) is written to `login_folder` once it listens, if given,
    and its running file (`quiz.serve.running`: `drillbit serve --new-token`) in `data`."""
    from aiohttp import web
    from aiohttp.http_exceptions import HttpProcessingError
    from aiohttp.web_protocol import RequestPayloadError
    from aiohttp.web_urldispatcher import _default_expect_handler
    from textual_serve.server import Server

    from quiz.serve.connections import (
        ACCEPT_BURST,
        ConnectionGuard,
        GuardedRunner,
        connection_limit,
    )
    from quiz.serve.console import MalformedRequests, RefusalLog, quoted
    from quiz.serve.cookies import cookie_values
    from quiz.serve.errors import worded_errors
    from quiz.serve.expect import refusing_unread_bodies
    from quiz.serve.handoff import (
        HANDED_TOKEN,
        HANDOFF_SECONDS,
        Handoffs,
        handed_context,
        handoff_cookie,
    )
    from quiz.serve.headers import (
        forbid_frames,
        new_nonce,
        nonce_context,
        page_policy,
        request_nonce,
    )
    from quiz.serve.login_file import (
        OPEN_PATH,
        login_file_page,
        remove_login_file,
        write_login_file,
    )
    from quiz.serve.messages import read_envelope, terminal_size
    from quiz.serve.page import (
        APP_FAILED,
        LOGGED_OUT,
        LOGINS_ENDED,
        MOST_MESSAGE_BYTES,
        SERVER_STOPPED,
        refused_page,
    )
    from quiz.serve.running import remove_running_file, write_running_file
    from quiz.serve.tabapp import TabApp
    from quiz.serve.throttle import WrongTokens
    from quiz.serve.versions import refusing_other_versions

    Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
    unreadable: tuple[type[Exception], ...] = (
        *UNREADABLE_BODY,
        HttpProcessingError,
        RequestPayloadError,
    )
    handoff_name = handoff_cookie(port)
    body_doors = [("POST", LOGIN_PATH), ("POST", OPEN_PATH), ("POST", LOGOUT_PATH)]
    body_paths = frozenset(path for _, path in body_doors)

    async def continue_within_limit(request: web.Request) -> web.StreamResponse | None:
        """aiohttp's answer to `Expect: 100-continue`, but a body announced over
        `MOST_BODY_BYTES` is refused at once (413, the connection closed), before the
        client is told to send it: aiohttp said "100 Continue" to any length, then read a
        mebibyte before its 413 (fiftieth round)."""
        length = request.content_length
        if length is not None and length > MOST_BODY_BYTES:
            too_large = web.Response(
                status=413,
                text=(
                    f"drillbit serve: a body of {length} bytes is announced; the server reads "
                    f"at most {MOST_BODY_BYTES} (a login is a few dozen)\n"
                ),
            )
            too_large.force_close()
            return too_large
        await _default_expect_handler(request)  # "100 Continue", or a 417 for another Expect
        return None

    class DrillbitServer(Server):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.open_tabs: dict[Any, web.WebSocketResponse] = {}
            self.tab_logins: dict[Any, frozenset[str]] = {}  # each tab's live logins, for a logout
            self.unended: set[TabApp] = set()  # app processes started, not yet reaped
            self.pages: Any = None  # the folder of the rewritten page, kept while serving
            self.tabs_starting = 0  # admitted, app process not registered yet
            self.slot_freed: asyncio.Condition | None = None  # made in the event loop
            self.guard = ConnectionGuard(connection_limit(max_tabs))
            self.refusals = RefusalLog()
            self.skipped_messages = 0  # from tabs, none that textual.js sends
            self.stopping: asyncio.Event | None = None  # made in the event loop
            self.handoffs = Handoffs()  # the login link's one-use codes for the page
            self.wrong_tokens = WrongTokens()  # a bound on guesses (`quiz.serve.throttle`)
            self.login_file: Path | None = None  # written once listening, removed at the end
            self.running_file: Path | None = None  # the same: `--new-token` finds the PID
            self.renewals: set[asyncio.Future[None]] = set()  # SIGUSR1's, until each is done

        async def _make_app(self) -> web.Application:
            """textual-serve's routes, but its static folder served without a listing
            (`show_index=True` there showed the folder's files to any holder of the token)."""
            import aiohttp_jinja2
            import jinja2

            expect: dict[str, Any] = {"expect_handler": continue_within_limit}
            # the login first: its handed token must be set before the page's context is made;
            # then a logged-in browser's 404s and 405s worded (`quiz.serve.errors`)
            app = web.Application(
                middlewares=[self.check_login, worded_errors(Path(self.statics_path))],
                client_max_size=MOST_BODY_BYTES,
            )
            aiohttp_jinja2.setup(
                app,
                loader=jinja2.FileSystemLoader(self.templates_path),
                context_processors=[nonce_context, handed_context],
            )
            app.add_routes(
                [
                    # no HEAD of the page: a GET of it may spend a one-use code or set the
                    # cookie, which a HEAD answered as the page did neither (a 405 now)
                    web.get("/", self.handle_index, name="index", allow_head=False, **expect),
                    web.post(LOGIN_PATH, self.logging_in, name="login", **expect),
                    web.post(LOGOUT_PATH, self.logging_out, name="logout", **expect),
                    web.post(OPEN_PATH, self.opening, name="open", **expect),
                    # a websocket opens by GET alone (RFC 6455 4.1); aiohttp's HEAD upgraded
                    web.get(
                        "/ws",
                        self.handle_websocket,
                        name="websocket",
                        allow_head=False,
                        **expect,
                    ),
                    web.get("/download/{key}", self.handle_download, name="download", **expect),
                    web.static("/static", self.statics_path, show_index=False, name="static"),
                ]
            )
            app.on_startup.append(self.on_startup)
            app.on_shutdown.append(self.on_shutdown)
            app.on_response_prepare.append(forbid_frames)
            return app

        @web.middleware
        async def check_login(self, request: web.Request, handler: Handler) -> web.StreamResponse:
            """Refuse (403) any request without the token, for another Host, or a websocket
            from no page or another site's, and any wrong token while too many wrong ones
            were tried (429, `quiz.serve.throttle`; the right one is never kept waiting); the page's login (`LOGIN_PATH`) sets the
            cookie, and an address with the token in its query is answered by a 303 to the
            page without it (`quiz.serve.handoff`), which sets the cookie too."""
            door = request.method == "POST" and request.path in body_paths  # its own Origin check
            elsewhere = login.fetched_from_elsewhere(request.headers)
            if elsewhere is None and not door:
                elsewhere = login.named_elsewhere(request.headers, request.path)
            if elsewhere is not None:
                self.refusals.refused(request.method, request.path, elsewhere)
                raise web.HTTPForbidden(text=f"drillbit serve: {elsewhere}\n")
            if door:
                return await handler(request)  # `logging_in`, `opening`, `logging_out`: their own
            query_token = request.query.get(TOKEN_PARAM)
            page = request.method == "GET" and request.path == "/"
            handed = page and any(
                self.handoffs.spend(code) for code in self.sent_cookies(request, handoff_name)
            )
            host = request.headers.get("Host")
            if query_token is not None and login.names(host) and not login.accepts(query_token):
                self.throttled(request)  # a wrong token waits; the right one never does
            reason = login.repeated(request.headers) or login.refusal(
                host=host,
                origin=request.headers.get("Origin"),
                query=query_token,
                cookie=self.login_cookie(request),
                websocket=request.path == "/ws",
                handed=handed,
            )
            if query_token is not None and login.names(host):
                self.tried(query_token)
            if reason is not None:
                self.refusals.refused(request.method, request.path, reason)
                said = f"drillbit serve: {reason}\n"
                if page and login.names(request.headers.get("Host")):
                    nonce = new_nonce()
                    raise web.HTTPForbidden(
                        text=refused_page(said, nonce),
                        content_type="text/html",
                        headers={"Content-Security-Policy": page_policy(nonce)},
                    )
                raise web.HTTPForbidden(text=said)
            self.guard.trust(request.protocol)
            if page and login.accepts(query_token):
                raise self.handed_over(request)
            if handed:
                request[HANDED_TOKEN] = login.token
            response = await handler(request)
            if handed and not response.prepared:
                response.del_cookie(handoff_name, path="/")
                response.headers["Cache-Control"] = "no-store"  # the page holds the token
            return response

        @staticmethod
        def sent_cookies(request: web.Request, name: str) -> list[str]:
            """Every value of the cookie `name` the request carries (`quiz.serve.cookies`)."""
            return cookie_values(request.headers.getall("Cookie", []), name)

        def login_cookie(self, request: web.Request) -> str | None:
            """The request's login cookie: the value of a login not ended, if any value of the
            cookie's name is one, else the last sent (a cookie of that name tossed in by
            another server of the address no longer shadows the login; the last alone was
            read), or None without one."""
            sent = self.sent_cookies(request, login.cookie)
            live = self.live_logins(request)
            return live[0] if live else (sent[-1] if sent else None)

        def live_logins(self, request: web.Request) -> list[str]:
            """Every value of the login cookie the request carries that is a login not
            ended, in the order sent, each once. Two are two logins whose cookies this
            browser holds: ours, and one tossed in by another server of the address (a
            cookie of the same name with another path or domain, a login's secret it was
            handed). A logout ends them all, and a tab opened with them stays open while
            either lives: which of them is this browser's own no server can tell, and a
            logout that ended the first sent alone left the user's own login open, while
            the other's logout closed the user's tab (fifty-fourth round)."""
            sent = self.sent_cookies(request, login.cookie)
            return list(dict.fromkeys(value for value in sent if login.accepts_cookie(value)))

        def throttled(self, request: web.Request) -> None:
            """Raise a 429 while wrong tokens are answered "wait" (`quiz.serve.throttle`):
            called for a wrong token only, so the right one gets in during the wait."""
            wait = self.wrong_tokens.wait_left()
            if wait:
                reason = (
                    f"too many wrong tokens were tried; a wrong one is answered this way for "
                    f"{wait} s more (the right one gets in)"
                )
                self.refusals.refused(request.method, request.path, reason)
                raise web.HTTPTooManyRequests(
                    text=f"drillbit serve: {reason}. Open the login link it printed.\n",
                    headers={"Retry-After": str(wait), "Cache-Control": "no-store"},
                )

        def tried(self, token: str | None) -> None:
            """Count a token given (`quiz.serve.throttle`): a wrong one towards the wait."""
            if login.accepts(token):
                self.wrong_tokens.right()
            else:
                self.wrong_tokens.wrong()

        async def posted_right_token(self, request: web.Request) -> bool:
            """Whether the form posted carries this run's token; a wrong one (or none) is
            counted, and answered 429 while wrong ones wait (the right one never does)."""
            try:
                async with asyncio.timeout(LOGIN_BODY_SECONDS):
                    given = (await request.post()).get(TOKEN_PARAM)
            except TimeoutError:
                self.refusals.refused(request.method, request.path, "its body came too slowly")
                late = web.HTTPRequestTimeout(
                    text=(
                        f"drillbit serve: the login's form did not arrive within "
                        f"{LOGIN_BODY_SECONDS:g} s; open the login link it printed again\n"
                    )
                )
                late.force_close()  # what is left of the body is not waited for
                raise late from None
            except web.HTTPException:
                raise  # a body past aiohttp's `client_max_size`: its 413
            except unreadable:  # no form, or one it cannot decode: no token given
                given = None
            token = given if isinstance(given, str) else None
            if not login.accepts(token):
                self.throttled(request)
            self.tried(token)
            return login.accepts(token)

        def page_post_refusal(self, request: web.Request, not_from_page: str) -> str | None:
            """Why a POST only this server's page may make (a login, a logout) is refused, or
            None: a header given twice, a Host not naming this server, another Origin (then
            `not_from_page`, which says what the page is for)."""
            host = request.headers.get("Host")
            reason = login.repeated(request.headers)
            if reason is None and not login.names(host):
                reason = f"the Host header {quoted(host)} does not name this server"
            if reason is None and not login.from_page(request.headers.get("Origin")):
                reason = not_from_page
            return reason

        async def logging_in(self, request: web.Request) -> web.StreamResponse:
            """`POST LOGIN_PATH` from this server's page: the token it was given (pasted in
            its box, or an old printed URL's fragment) in a form's `token`. Right, a 204
            that sets the cookie; else a 403 (or a 429) that says why, which the page shows."""
            reason = self.page_post_refusal(
                request, "a login comes from this server's own page: open the login link it printed"
            )
            if reason is None:
                if not await self.posted_right_token(request):
                    reason = (
                        "that token is not this run's (each run of `drillbit serve` makes a "
                        "new one): paste the one it printed this time, or open its login link"
                    )
            if reason is not None:
                self.refusals.refused(request.method, request.path, reason)
                raise web.HTTPForbidden(text=f"drillbit serve: {reason}\n")
            self.guard.trust(request.protocol)
            done = web.Response(status=204, headers={"Cache-Control": "no-store"})
            self.set_login_cookie(done)
            return done

        async def opening(self, request: web.Request) -> web.StreamResponse:
            """`POST OPEN_PATH` from the login file (`quiz.serve.login_file`), whose page is
            a `file://` one (Origin `null`): the right token is answered by the 303 of an
            address with the token (`handed_over`), to the page without it, which sets the
            cookie and hands the page its token; anything else by the login page saying why.
            No other site's page may post here (it could not know the token all the same)."""
            host = request.headers.get("Host")
            origin = request.headers.get("Origin")
            reason = login.repeated(request.headers)
            if reason is None and not login.names(host):
                reason = f"the Host header {quoted(host)} does not name this server"
            if reason is None and origin not in (None, "null") and not login.from_page(origin):
                reason = f"origin {quoted(origin)} may not log in here: open the login link"
            if reason is None:
                if not await self.posted_right_token(request):
                    reason = (
                        "this login link is not this run's (each run of `drillbit serve` "
                        "writes a new one): open the one it printed this time"
                    )
            if reason is not None:
                self.refusals.refused(request.method, request.path, reason)
                said = f"drillbit serve: {reason}\n"
                if not login.names(host):
                    raise web.HTTPForbidden(text=said)
                nonce = new_nonce()
                raise web.HTTPForbidden(
                    text=refused_page(said, nonce),
                    content_type="text/html",
                    headers={"Content-Security-Policy": page_policy(nonce)},
                )
            self.guard.trust(request.protocol)
            raise self.handed_over(request)

        async def logging_out(self, request: web.Request) -> web.StreamResponse:
            """`POST LOGOUT_PATH` from this server's page (its Origin: no other site's page
            may end a login, as none may make one): the login of the cookie it carries ends
            (`quiz.serve.sessions`), its tabs' apps too, and the answer, a 204, clears the
            cookie and the page's storage, which keeps the token. Another browser's login
            stands; a logout without a live login is a 204 all the same."""
            reason = self.page_post_refusal(request, "a logout comes from this server's own page")
            if reason is not None:
                self.refusals.refused(request.method, request.path, reason)
                raise web.HTTPForbidden(text=f"drillbit serve: {reason}\n")
            ended = [cookie for cookie in self.live_logins(request) if login.sessions.end(cookie)]
            if ended:
                await self.close_tabs_of(ended)
            done = web.Response(
                status=204,
                headers={"Cache-Control": "no-store", "Clear-Site-Data": '"storage"'},
            )
            done.del_cookie(login.cookie, path="/")
            return done

        async def close_tabs_of(self, ended: list[str]) -> None:
            """Close the tabs opened with a login of `ended` and with no login still held
            (their handlers end their apps): a tab opened with two logins' cookies (one tossed
            in) stays open while the other lives."""
            said = b"you logged out"  # the page says it in its own words (LOGGED_OUT)
            tabs = [
                websocket
                for service, websocket in self.open_tabs.items()
                if (logins := self.tab_logins.get(service, frozenset())) & set(ended)
                and not any(login.accepts_cookie(cookie) for cookie in logins)
            ]
            await asyncio.gather(
                *(tab.close(code=LOGGED_OUT, message=said) for tab in tabs),
                return_exceptions=True,
            )

        def set_login_cookie(self, response: web.StreamResponse) -> None:
            """The cookie that opens the page and its files: its own secret (any port of the
            address reads it), no script's (HttpOnly), no other site's request's (Strict),
            gone as the browser closes. Not Secure: the server speaks plain http to
            loopback, where a Secure cookie would never be sent back."""
            response.set_cookie(
                login.cookie,
                login.sessions.issue(),
                httponly=True,
                samesite="Strict",
                path="/",
            )

        def handed_over(self, request: web.Request) -> web.HTTPSeeOther:
            """An address with the token in its query (the printed URL of earlier runs): a
            303 to the page without the token (its other parameters kept), which sets the
            cookie and a one-use code for the page."""
            kept = [(key, value) for key, value in request.query.items() if key != TOKEN_PARAM]
            redirect = web.HTTPSeeOther(str(request.rel_url.with_query(kept)))
            self.set_login_cookie(redirect)
            redirect.set_cookie(  # Lax: a printed URL opened from another site's link works
                handoff_name,
                self.handoffs.issue(),
                httponly=True,
                samesite="Lax",
                path="/",
                max_age=HANDOFF_SECONDS,
            )
            redirect.headers["Cache-Control"] = "no-store"
            return redirect

        def tabs_full(self) -> bool:
            """True when `max_tabs` app processes run (or are starting) already."""
            return len(self.open_tabs) + self.tabs_starting >= max_tabs

        async def wait_for_slot(self) -> bool:
            """Whether a tab slot is free, waiting up to `SLOT_WAIT_SECONDS` for a tab to
            close. With every slot taken, a reload was refused ("close one and reload")
            whenever its request came before its old tab's websocket had closed."""
            if self.slot_freed is None:
                self.slot_freed = asyncio.Condition()
            async with self.slot_freed:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(
                        self.slot_freed.wait_for(lambda: not self.tabs_full()),
                        SLOT_WAIT_SECONDS,
                    )
            return not self.tabs_full()

        async def free_slot(self, service: Any) -> None:
            """The tab of `service` has closed: its slot goes to a tab that waits for one."""
            self.open_tabs.pop(service, None)
            self.tab_logins.pop(service, None)
            if self.slot_freed is not None:
                async with self.slot_freed:
                    self.slot_freed.notify_all()

        def _full_message(self) -> str:
            return (
                f"drillbit serve: {counted(max_tabs, 'tab is', 'tabs are')} open, the limit "
                "(--max-tabs); close one and reload\n"
            )

        async def on_startup(self, app: web.Application) -> None:
            """No logo: the banner comes once the port is bound (`_listening`)."""

        def _listening(self, *_: object) -> None:
            """The banner, once the port is bound: the page's address, the login link (the
            login file, written now) and the token to paste."""
            page = f"{self.public_url}/"
            renew = self.write_running_file()
            print(f"drillbit is served at {page}", flush=True)
            link = self.write_login_file()
            if link is not None:
                print(
                    "To log in, open this run's login link in a browser (one click; no address "
                    f"with the token goes in the browser's history):\n    {link}",
                    flush=True,
                )
            print(
                f"{'Or' if link is not None else 'To log in,'} open {page} and paste this "
                f"run's token into its box:\n    {login.token}",
                flush=True,
            )
            print(
                f"Each tab runs its own app, at most {max_tabs} at once. Ctrl-C stops.", flush=True
            )
            print(
                f"To end every login and make a new token without stopping the server: {renew}"
                f"kill -USR1 {os.getpid()}",
                flush=True,
            )

        def write_running_file(self) -> str:
            """Write the running file (`quiz.serve.running`) to `data`; the words of the
            banner's last line that name `drillbit serve --new-token`, or none when there is
            no such file (said on the console)."""
            if data is None:
                return ""
            try:
                self.running_file = write_running_file(data, port)
            except OSError as exc:
                print(
                    f"drillbit serve: no `--new-token` for this server: cannot write its note "
                    f"in {data} ({exc.strerror or exc})",
                    flush=True,
                )
                return ""
            option = "" if port == 8000 else f" --port {port}"
            return f"drillbit serve --new-token{option}, or "

        def request_renewal(self) -> None:
            """SIGUSR1: end every login and make a new token (`renew`), the server kept."""
            renewal = asyncio.ensure_future(self.renew())
            self.renewals.add(renewal)
            renewal.add_done_callback(self.renewals.discard)

        async def renew(self) -> None:
            """End every login: a new token (the old one, a printed login link and any
            browser's kept copy open nothing), every cookie's login ended, the printed URL's
            one-use codes forgotten, every tab closed (their apps end, their answers saved);
            the new login link and token printed, as at the start."""
            logins = login.renew()
            self.handoffs = Handoffs()
            tabs = list(self.open_tabs.values())
            said = b"every login ended"  # the page says it in its own words (LOGINS_ENDED)
            await asyncio.gather(
                *(tab.close(code=LOGINS_ENDED, message=said) for tab in tabs),
                return_exceptions=True,
            )
            print(
                f"drillbit serve ended every login ({counted(logins, 'browser')}, "
                f"{counted(len(tabs), 'tab')} closed) and made a new token; the old one "
                "opens nothing now.",
                flush=True,
            )
            link = self.write_login_file()
            if link is not None:
                print(f"To log in, open the new login link in a browser:\n    {link}", flush=True)
            print(
                f"{'Or' if link is not None else 'To log in,'} open {self.public_url}/ and "
                f"paste the new token into its box:\n    {login.token}",
                flush=True,
            )

        def write_login_file(self) -> str | None:
            """Write the login file to `login_folder`; its `file://` address, or None (said
            on the console) when there is no folder or it cannot be written."""
            if login_folder is None:
                return None
            try:
                self.login_file = write_login_file(
                    login_folder, port, login_file_page(self.public_url, login.token)
                )
            except OSError as exc:
                print(
                    f"drillbit serve: no login link: cannot write {login_folder} "
                    f"({exc.strerror or exc})",
                    flush=True,
                )
                return None
            return self.login_file.resolve().as_uri()

        async def on_shutdown(self, app: web.Application) -> None:
            """Close every tab and end its app process while the event loop still runs."""
            tabs = list(self.open_tabs.items())
            said = b"drillbit serve stopped"  # the page says it in its own words (STOPPED)
            await asyncio.gather(
                *(socket.close(code=SERVER_STOPPED, message=said) for _, socket in tabs),
                return_exceptions=True,
            )
            await asyncio.gather(*(_stop_app(service) for service, _ in tabs))

        def cannot_start(self) -> str | None:
            """Why a tab's app would not start (a config.toml edited into a bad state since
            the server started: the app would exit at once, its words in this console
            only, the page blank), or None. The page says it instead."""
            if check is None:
                return None
            try:
                check()
            except DrillbitError as exc:
                log.warning("no app started for a tab: %s", exc.one_line())
                return (
                    f"drillbit serve: no app started: {exc.one_line()}\n"
                    "Reload this page once it is repaired.\n"
                )
            return None

        async def handle_index(self, request: web.Request) -> web.StreamResponse:
            """The page, unless every tab slot is taken or the app cannot start (then a 503
            that says why)."""
            if not await self.wait_for_slot():
                raise web.HTTPServiceUnavailable(text=self._full_message())
            if (reason := self.cannot_start()) is not None:
                raise web.HTTPServiceUnavailable(text=reason)
            response: web.StreamResponse = await super().handle_index(request)
            response.headers["Content-Security-Policy"] = page_policy(request_nonce(request))
            return response

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            """One tab (the login already passed): start an app process, relay until either side ends."""
            version = request.headers.get("Sec-WebSocket-Version")
            if version is not None and version != WEBSOCKET_VERSION:
                # aiohttp also upgraded the drafts' 7 and 8, which RFC 6455 4.4 answers so
                refused = web.HTTPUpgradeRequired(
                    text=(
                        "drillbit serve: the app's websocket speaks version "
                        f"{WEBSOCKET_VERSION} of the protocol (RFC 6455) only\n"
                    ),
                    headers={"Sec-WebSocket-Version": WEBSOCKET_VERSION},
                )
                refused.force_close()  # no upgrade: the connection is not kept for another
                raise refused
            if (reason := self.cannot_start()) is not None:
                raise web.HTTPServiceUnavailable(text=reason)
            if not await self.wait_for_slot():
                raise web.HTTPServiceUnavailable(text=self._full_message())
            self.tabs_starting += 1  # no await between the check and this line
            try:
                websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=MOST_MESSAGE_BYTES)
                await websocket.prepare(request)
            except ConnectionResetError:
                # the page left between its upgrade and this answer (a tab closed at once):
                # no tab to start, and a 400 no one reads (its write finds the connection
                # gone, which aiohttp logs quietly), where re-raised it was a 500 with
                # aiohttp's traceback in the console
                self.tabs_starting -= 1
                raise web.HTTPBadRequest(text="the page left before its tab started\n") from None
            except BaseException:
                self.tabs_starting -= 1
                raise

            async def close() -> None:
                # the app exits, or has ended: a failure's last words go to the page
                reason = service.failure()
                if reason is None:
                    await websocket.close()
                else:
                    await websocket.close(code=APP_FAILED, message=reason.encode("utf-8"))

            service = TabApp(
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            self.tabs_starting -= 1
            self.open_tabs[service] = websocket
            self.tab_logins[service] = frozenset(self.live_logins(request))
            self.unended.add(service)
            try:
                width, height = terminal_size(
                    request.query.get("width"), request.query.get("height")
                )
                await service.start(width, height)
                await self._process_messages(websocket, service)
            except (asyncio.CancelledError, ConnectionResetError):
                pass  # a tab gone as it was answered (a ping's pong) is a tab closed
            except Exception:
                log.exception("the app of a tab failed")
            finally:
                await self.free_slot(service)
                await _stop_app(service)
                self.unended.discard(service)
                await websocket.close()
            return websocket

        def request_exit(self) -> None:
            """Ctrl-C or SIGTERM: `run` stops listening, closes every tab and returns."""
            if self.stopping is not None:
                self.stopping.set()

        async def run(self) -> None:
            """Listen (each connection through the guard) until `request_exit`, then shut
            down: every tab's app stopped, requests in flight given `SHUTDOWN_SECONDS`."""
            self.stopping = asyncio.Event()
            runner = GuardedRunner(
                await self._make_app(),
                self.guard,
                front=lambda handler: refusing_other_versions(
                    refusing_unread_bodies(handler, body_doors)
                ),
                access_log=None,
                keepalive_timeout=KEEPALIVE_SECONDS,
                shutdown_timeout=SHUTDOWN_SECONDS,
            )
            await runner.setup()
            try:
                await web.TCPSite(runner, self.host, self.port, backlog=ACCEPT_BURST).start()
                self._listening()
                await self.stopping.wait()
            finally:
                await runner.cleanup()

        def initialize_logging(self) -> None:
            super().initialize_logging()
            requests = logging.getLogger("aiohttp.server")
            if not any(isinstance(known, MalformedRequests) for known in requests.filters):
                requests.addFilter(MalformedRequests())

        async def _process_messages(
            self, websocket: web.WebSocketResponse, app_service: Any
        ) -> None:
            """Relay a tab's messages to its app, skipping any textual.js never sends
            (`quiz.serve.messages`): textual-serve's own reading ended the app with a traceback."""
            async for message in websocket:
                if message.type != web.WSMsgType.TEXT:
                    continue
                envelope = read_envelope(message.data)
                if envelope is None:
                    if self.skipped_messages == 0:
                        log.warning("skipped a tab's message that is none the page sends")
                    self.skipped_messages += 1
                elif envelope.kind == "stdin":
                    # a lone surrogate (JSON allows "\\ud800") has no UTF-8: it ended the tab
                    keys = envelope.text.encode("utf-8", "replace")
                    if not await _unless_closed(websocket, app_service.send_bytes(keys)):
                        break
                elif envelope.kind == "resize":
                    await app_service.set_terminal_size(*envelope.size)
                elif envelope.kind == "ping":
                    await websocket.send_json(["pong", envelope.ping])
                elif envelope.kind == "blur":
                    await app_service.blur()
                elif envelope.kind == "focus":
                    await app_service.focus()

        def serve(self, debug: bool = False) -> None:
            self.debug = debug
            self.initialize_logging()
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)  # as aiohttp's run_app: textual-serve may look it up
            loop.set_exception_handler(self.guard.loop_exception)
            for signum, handler in (
                (signal.SIGINT, self.request_exit),
                (signal.SIGTERM, self.request_exit),
                (signal.SIGUSR1, self.request_renewal),
            ):
                try:
                    loop.add_signal_handler(signum, handler)
                except (NotImplementedError, RuntimeError):
                    pass
            try:
                loop.run_until_complete(self.run())
            finally:
                loop.run_until_complete(_cancel_leftover_tasks())
                loop.run_until_complete(_end_apps(self.unended))
                loop.run_until_complete(loop.shutdown_asyncgens())
                loop.close()
                if self.pages is not None:
                    self.pages.cleanup()  # not left to the collector, which warns of it
                remove_login_file(self.login_file)
                remove_running_file(self.running_file)

    import tempfile

    import textual_serve

    from quiz.serve.page import write_served_templates

    # The rewritten page (local font, no CDN; a tab title and icon) lives as long as the server.
    pages = tempfile.TemporaryDirectory(prefix="drillbit-serve-")
    templates = write_served_templates(
        Path(textual_serve.__file__).resolve().parent / "templates", Path(pages.name)
    )
    server = DrillbitServer(
        command,
        host=host,
        port=port,
        title="drillbit",
        public_url=public_url(host, port),
        templates_path=templates,
    )
    server.pages = pages
    return server


def serve(
    host: str,
    port: int,
    content_dirs: list[Path],
    *,
    max_tabs: int,
    check: Callable[[], object] | None = None,
) -> None:
    """Serve the app on host:port until Ctrl-C, behind a fresh token; the app processes
    inherit the environment (DRILLBIT_HOME...). `check` runs before each tab's app starts:
    a DrillbitError it raises is the page's answer instead (503), and no app starts."""
    if is_wildcard(host):
        # the page tells the browser to open its websocket at this very host
        raise UsageError(
            f"--host {host} is no address a browser can open; pass one this machine is "
            "reached at (e.g. its LAN address), or leave the default 127.0.0.1",
            title="serve",
        )
    addresses = resolved_addresses(host, port)
    if not is_loopback(host) and not all(is_loopback(address) for address in addresses):
        print(
            f"warning: serving on {host}, which is not a loopback address: anyone who can reach "
            f"this machine on port {port} and has the printed token can use the app and "
            "run code in its grader.",
            file=sys.stderr,
            flush=True,
        )
    login = Login.new(host, port)
    data = data_dir()
    folder = login_folder(data)  # where a sandboxed browser can open it
    server = _make_server(
        app_command(content_dirs), host, port, login, max_tabs, check, folder, data
    )
    try:
        server.serve()
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            message = f"port {port} is already in use on {host}; choose another with --port"
        else:
            message = f"cannot listen on {host}:{port}: {exc.strerror or exc}"
        raise DrillbitError(message, title="serve") from exc
