"""The words of `drillbit serve`'s answers to an address or a method it serves nothing at,
for a browser that is logged in (fifty-sixth round, serve56; without a login every such
request is the login's 403, which says what to do).

aiohttp's own answers said only their status: "404: Not Found" for an address that is no
route, "405: Method Not Allowed" for the login's address opened in the address bar; and a
file under `/static/` that is not there was an empty 404 of `application/octet-stream`,
which Chromium shows as its own "This site can't be reached ... ERR_INVALID_RESPONSE"
page, as if the server were down. Here each says, in a line of plain text as the server's
other refusals do, what is wrong and where to go: the app's page, `/`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from aiohttp import web
from aiohttp.typedefs import Middleware

__all__ = ["NOTHING_HERE", "OTHER_ERROR", "WRONG_METHOD", "worded_errors"]

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

_OPEN = " Open the app's page, {page} (or the URL `drillbit serve` printed).\n"
NOTHING_HERE = "drillbit serve: nothing is served at this address." + _OPEN
WRONG_METHOD = (
    "drillbit serve: this address answers a {allowed} that the app's page sends, not a {method}."
    + _OPEN
)
OTHER_ERROR = "drillbit serve: this address answers {status} {reason}." + _OPEN


def _page(request: web.Request) -> str:
    """The app page's address, as the request named the server (its Host, which the login
    checked is this server's)."""
    return f"http://{request.host}/"


def _bare(error: web.HTTPException) -> bool:
    """Whether `error` carries aiohttp's own words: its status and reason, no more."""
    return error.status >= 400 and error.text in (None, f"{error.status}: {error.reason}")


def worded_errors(statics: Path) -> Middleware:
    """A middleware that words aiohttp's bare 404s and 405s (and its other bare errors),
    and answers a worded 404 for a file `statics` (the static route's folder) does not
    hold, where aiohttp sent an empty one. An error the server worded itself is kept."""

    @web.middleware
    async def wording(request: web.Request, handler: Handler) -> web.StreamResponse:
        page = _page(request)
        try:
            response = await handler(request)
        except web.HTTPException as error:
            if not _bare(error):
                raise
            if error.status == 404:
                text = NOTHING_HERE.format(page=page)
            elif isinstance(error, web.HTTPMethodNotAllowed):
                allowed = " or ".join(sorted(error.allowed_methods)) or "another method"
                text = WRONG_METHOD.format(allowed=allowed, method=request.method, page=page)
            else:
                text = OTHER_ERROR.format(status=error.status, reason=error.reason, page=page)
            error.text = text
            raise
        if isinstance(response, web.FileResponse) and not _holds(statics, request):
            raise web.HTTPNotFound(text=NOTHING_HERE.format(page=page))
        return response

    return wording


def _holds(statics: Path, request: web.Request) -> bool:
    """Whether the static folder holds the file the request names (aiohttp's static route
    refused a name outside the folder before it made its answer)."""
    name = request.match_info.get("filename", "")
    return (statics / name).is_file()
