"""How many connections `drillbit serve` holds at once, and which one gives way to a new one.

aiohttp keeps a connection whose request never finishes (slowloris: a header a minute)
for 75 seconds, and accepts as many as arrive. Each takes a file descriptor: at the
process's limit (1024 on most desktops) the next accept failed, the log handler could
not open the module it imports for the traceback, and the server died with every tab,
all from a client that never sent the token. Here the server holds at most `limit`
connections; a new one beyond that closes the oldest that has not passed the login, so
a flood without the token can neither exhaust the descriptors nor keep the user out.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import resource
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Protocol

from aiohttp import web

from quiz.serve.headers import MOST_HEADER_BYTES, HeaderLimitHandler

__all__ = ["ConnectionGuard", "GuardedRunner", "connection_limit"]

log = logging.getLogger("drillbit.serve")

Handler = Callable[[web.BaseRequest], Awaitable[web.StreamResponse]]

DESCRIPTORS_KEPT = 64
"""File descriptors left for the server itself (its modules, log, listening socket...)."""
DESCRIPTORS_PER_TAB = 4
"""A tab's app process: its stdin, stdout and stderr pipes and its websocket."""
ACCEPT_BURST = 64
"""The listen backlog, which is also how many connections asyncio accepts in one go, before
the guard sees any of them; twice that is kept free."""
MOST_CONNECTIONS = 1024
"""Far beyond what one person's browser opens (a few per tab)."""
FEWEST_CONNECTIONS = 16


def connection_limit(max_tabs: int, open_files: int | None = None) -> int:
    """The connections the server may hold with `max_tabs` tabs, under the process's
    soft limit of open files (`open_files`, read from the process when None)."""
    if open_files is None:
        open_files = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
        if open_files == resource.RLIM_INFINITY:
            return MOST_CONNECTIONS
    spare = open_files - DESCRIPTORS_KEPT - 2 * ACCEPT_BURST - DESCRIPTORS_PER_TAB * max_tabs
    return max(FEWEST_CONNECTIONS, min(MOST_CONNECTIONS, spare))


class Connection(Protocol):
    """What the guard needs of aiohttp's RequestHandler."""

    @property
    def connected(self) -> bool: ...

    def force_close(self) -> None: ...


class ConnectionGuard:
    """The server's protocol factory, wrapped: it makes room before each new connection."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.trusted: set[Connection] = set()
        """Open connections that carried a request with the token (the user's browser);
        a set, not weak references, which aiohttp's handlers do not take."""
        self.closed = 0
        """Connections closed to make room, over the server's life."""
        self.out_of_descriptors = 0
        """Accepts that failed for want of a file descriptor, over the server's life."""

    def trust(self, connection: Connection) -> None:
        """`connection` passed the login: it is never closed to make room."""
        self.trusted.add(connection)

    def make_room(self, connections: Sequence[Connection]) -> None:
        """With `limit` connections open, close the oldest that has not passed the login
        (`connections` are oldest first, as aiohttp's server lists them)."""
        open_now = [connection for connection in connections if connection.connected]
        self.trusted = {connection for connection in self.trusted if connection.connected}
        if len(open_now) < self.limit:
            return
        for connection in open_now:
            if connection not in self.trusted:
                connection.force_close()
                if self.closed == 0:
                    log.warning(
                        "more than %d connections at once: closing the oldest that carries "
                        "no token, for each new one (a client that stalls, or a flood)",
                        self.limit,
                    )
                self.closed += 1
                return

    def loop_exception(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        """The event loop's exception handler: an accept that failed for want of file
        descriptors is said once, in a line (asyncio accepts again a second later), not as a
        traceback whose logging had to open a file and took the server down."""
        exception = context.get("exception")
        if isinstance(exception, OSError) and exception.errno in (errno.EMFILE, errno.ENFILE):
            if self.out_of_descriptors == 0:
                log.warning(
                    "out of file descriptors (%s): new connections wait a moment",
                    exception.strerror,
                )
            self.out_of_descriptors += 1
            return
        loop.default_exception_handler(context)


Front = Callable[[Handler], Handler]
"""A wrapper of the application's handler, which sees each request before any route does."""


class GuardedRunner(web.AppRunner):
    """aiohttp's runner, whose sites accept each connection through a `ConnectionGuard`
    and read it with a `HeaderLimitHandler`; `front`, given, wraps the application's
    handler (`quiz.serve.expect`: what is answered before the routes are)."""

    def __init__(
        self,
        app: web.Application,
        guard: ConnectionGuard,
        *,
        shutdown_timeout: float,
        front: Front | None = None,
        **handler_options: Any,
    ) -> None:
        handler_options.setdefault("max_field_size", MOST_HEADER_BYTES)
        super().__init__(app, shutdown_timeout=shutdown_timeout, **handler_options)
        self.guard = guard
        self.front = front
        self.handler_options = handler_options
        """The keywords of each connection's handler (aiohttp's `RequestHandler`)."""

    async def setup(self) -> None:
        """aiohttp's setup, then the application's handler wrapped by `front` (each
        connection's handler takes it from the server as it is made, so before any)."""
        await super().setup()
        server = super().server
        if self.front is not None and server is not None:
            server.request_handler = self.front(server.request_handler)

    @property
    def server(self) -> Any:
        """The protocol factory the sites hand to asyncio (`Any`: asyncio takes any
        callable that makes a protocol), room made before each connection."""
        server = super().server
        if server is None:
            return None

        def accept() -> object:
            self.guard.make_room(server.connections)
            return HeaderLimitHandler(
                server, loop=asyncio.get_running_loop(), **self.handler_options
            )

        return accept
