"""Who may talk to `drillbit serve`: a random token per run, this server's Host, its own page.

Like Jupyter's login, through a file: the server prints the `file://` address of a login
file that posts the token (`quiz.serve.login_file`), since a browser records any address
it opens, a token in it too; or the token is pasted in the login page's box, which posts
it to `LOGIN_PATH`. Either answer sets a cookie, so the page's later requests (a reload,
static files) pass without it. The fragment form of the forty-fifth round (`/#token=...`)
still works, the page posting it, and so does the query form of earlier runs
(`/?token=...`): its visit is redirected to the page without it (`quiz.serve.handoff`). The
cookie holds a secret of its own, not the token: a browser hands it to every server on the
address, whatever the port, and the token opens the websocket from any local program.
Every request needs the token and a Host header naming this server (a page that rebinds
its own domain to 127.0.0.1 sends its domain as Host). The websocket, which runs the app,
also needs an Origin header naming this server's page, the cookie, and the token in its
own URL, which the cookie does not replace: a browser sends a cookie to every port of its
address, so any server on another port of 127.0.0.1 that the browser visits is handed it. The page keeps the token
where only its own origin (port included) reads it (`quiz.serve.page.TOKEN_KEEP`).
"""

from __future__ import annotations

import ipaddress
import secrets
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from yarl import URL

from quiz.serve.console import quoted
from quiz.serve.secret_match import same_secret
from quiz.serve.sessions import Sessions

if TYPE_CHECKING:
    from multidict import CIMultiDictProxy

__all__ = [
    "LOGIN_PATH",
    "TOKEN_PARAM",
    "Login",
    "allowed_hosts",
    "allowed_origins",
    "is_loopback",
    "public_url",
]

TOKEN_PARAM = "token"
"""The name of the token in the login's forms, an old printed URL's fragment and the query."""
LOGIN_PATH = "/login"
"""Where the login page posts the token pasted in its box (or an old URL's fragment's)."""

_LOOPBACK_ALIASES = ("localhost", "127.0.0.1", "::1")


def is_loopback(host: str) -> bool:
    """True for `localhost` and loopback addresses (127.0.0.0/8, ::1)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _authority(host: str) -> str:
    """A host as it appears in a URL or a Host header: IPv6 literals in brackets, lower case."""
    bare = host.strip("[]").lower()
    return f"[{bare}]" if ":" in bare else bare


def public_url(host: str, port: int) -> str:
    """The URL a browser opens (without the token); IPv6 literals need brackets."""
    return f"http://{_authority(host)}:{port}"


def allowed_origins(host: str, port: int) -> set[str]:
    """Origins whose pages may open the app's websocket: the served URL and its loopback
    aliases, as a browser writes them (`_origin_of`: on port 80 without the port)."""
    names = [host, *(_LOOPBACK_ALIASES if is_loopback(host) else ())]
    return {_origin_of(public_url(name, port)) or public_url(name, port) for name in names}


def allowed_hosts(host: str, port: int) -> set[str]:
    """Host header values that name this server (the port may be left out only when it is 80)."""
    names = {_authority(host)}
    if is_loopback(host):
        names |= {_authority(alias) for alias in _LOOPBACK_ALIASES}
    hosts = {f"{name}:{port}" for name in names}
    return hosts | names if port == 80 else hosts


@dataclass(eq=False)
class Login:
    """One run's token and the hosts and origins that may use it; the token and the logins
    change only by `renew`."""

    token: str = field(repr=False)
    """The secret; 43 URL-safe characters (256 random bits). Not in the repr: a traceback's
    locals print it."""
    hosts: frozenset[str]
    """Host header values that name this server."""
    origins: frozenset[str]
    """Origins of this server's own page."""
    cookie: str
    """The cookie's name; per port, since browsers share cookies between a host's ports."""
    sessions: Sessions = field(default_factory=Sessions, repr=False, compare=False)
    """The cookie's secrets, one per login (`quiz.serve.sessions`), never the token: a
    browser sends the cookie to every port of the address, so another server on 127.0.0.1
    it opens reads it. It opens the page and its files, which start nothing; the token
    opened a tab too."""

    @classmethod
    def new(cls, host: str, port: int) -> Login:
        """A fresh random token for a server on host:port."""
        return cls(
            token=secrets.token_urlsafe(32),
            hosts=frozenset(allowed_hosts(host, port)),
            origins=frozenset(allowed_origins(host, port)),
            cookie=f"drillbit-token-{port}",
        )

    def renew(self) -> int:
        """A new token, and every login (cookie secret) ended: what the user asks for with
        SIGUSR1 (`quiz.serve.server`) to shut out every browser without stopping the
        server. How many logins ended."""
        self.token = secrets.token_urlsafe(32)
        return self.sessions.end_all()

    def accepts(self, candidate: str | None) -> bool:
        """True when `candidate` is this run's token (compared in constant time).

        aiohttp reads a header's bytes that are not UTF-8 as lone surrogates, which a plain
        `encode()` refuses: a cookie of such bytes, sent without the token, raised here, a
        500 and a traceback in the console whose locals showed the token. Any surrogate is
        encoded as its own bytes (`surrogatepass`), which never match the token's ASCII."""
        return same_secret(candidate, self.token)

    def accepts_cookie(self, candidate: str | None) -> bool:
        """True when `candidate` is the cookie secret of a login not yet ended."""
        return self.sessions.holds(candidate)

    def from_page(self, origin: str | None) -> bool:
        """True when the Origin header `origin` is this server's page, written as a browser
        writes it (`_origin_of`'s `bare`: on port 80 without the port; any case)."""
        return origin is not None and _origin_of(origin, bare=True) in self.origins

    def names(self, host: str | None) -> bool:
        """True when the Host header `host` names this server."""
        return host is not None and host.lower() in self.hosts

    @staticmethod
    def repeated(headers: CIMultiDictProxy[str]) -> str | None:
        """None unless the request has more than one Host or Origin header, else why it is
        refused. Only the first of each was read: a websocket with this server's Origin
        first and another site's second opened its tab."""
        for name in ("Host", "Origin"):
            count = len(headers.getall(name, []))
            if count > 1:
                return f"the request has {count} {name} headers; a browser sends one"
        return None

    @staticmethod
    def fetched_from_elsewhere(headers: CIMultiDictProxy[str]) -> str | None:
        """None unless a browser says (its `Sec-Fetch-*` headers) that a page of another
        origin asked for this answer as anything but a navigation, else why it is refused.
        A page on another port of 127.0.0.1 is the same site, so the strict cookie came
        with its `<script src>` or `<img src>` of this server's files, and whether the load
        succeeded told it whether the browser was logged in. A navigation (a link, the login
        file's form) and a websocket (its Origin is checked) pass; so does a request with
        no such header (a program, an older browser)."""
        site = headers.get("Sec-Fetch-Site", "").lower()
        mode = headers.get("Sec-Fetch-Mode", "").lower()
        if site in ("", "same-origin", "none") or mode in ("navigate", "websocket"):
            return None
        what = headers.get("Sec-Fetch-Dest", "") or "a file"
        return (
            f"a page of another origin (Sec-Fetch-Site: {quoted(site)}) asked for this as "
            f"{quoted(what)}; only this server's own page loads its files"
        )

    def named_elsewhere(self, headers: CIMultiDictProxy[str], path: str) -> str | None:
        """None unless a request for a file (any path but the page's and the websocket's,
        which navigations and the tab's page ask for and are checked as such; the server
        asks it of no login or logout post, whose Origin is checked there) names another
        origin as its `Origin` or its `Referer`, else why it is refused. A browser that sends
        no `Sec-Fetch-*` and ignores the resource policy (older ones) loaded this server's
        files into another port's page with the login cookie, so whether they loaded told
        it whether the browser was logged in; such a browser names the loading page in its
        `Referer` (and `Origin` for a CORS load). This server's page sends no `Referer` (its
        `Referrer-Policy`), and an `Origin` of its own. A page that hides its address (its
        own referrer policy) is not caught: `Sec-Fetch-*` and the resource policy are the
        browsers' own guard."""
        if path in ("/", "/ws"):
            return None
        origin = headers.get("Origin")
        if origin is not None and not self.from_page(origin):
            return f"a page of origin {quoted(origin)} asked for this; only this server's page loads its files"
        referer = headers.get("Referer")
        if referer is not None and _origin_of(referer) not in self.origins:
            return "a page of another origin (its Referer) asked for this; only this server's page loads its files"
        return None

    def refusal(
        self,
        *,
        host: str | None,
        origin: str | None,
        query: str | None,
        cookie: str | None,
        websocket: bool,
        handed: bool = False,
    ) -> str | None:
        """None when a request may proceed, else the one-line reason it is refused (a 403).

        `query` and `cookie` are what the request carries in its URL (the token) and its
        cookie (the cookie's secret); the websocket needs both, its token in its URL. `handed`:
        the request spent a code of the printed URL's redirect (`quiz.serve.handoff`), which
        opens the page once, as the token did.
        """
        if not self.names(host):
            return f"the Host header {quoted(host)} does not name this server"
        if websocket:
            if origin is None:
                return "the app's websocket needs an Origin header: open the app's page"
            if not self.from_page(origin):
                return f"origin {quoted(origin)} is not allowed"
            if not self.accepts_cookie(cookie):
                return (
                    "the app's websocket needs this server's login cookie (its page has it): "
                    "reload the page, or open the URL `drillbit serve` printed"
                )
            if not self.accepts(query):
                return (
                    "the app's websocket needs the token in its URL (the page adds it): "
                    "reload the page, or open the URL `drillbit serve` printed"
                )
            return None
        if not (handed or self.accepts(query) or self.accepts_cookie(cookie)):
            return f"a valid token is required: {_whose(query, cookie)}"
        return None


def _origin_of(address: str, *, bare: bool = False) -> str | None:
    """The origin of the URL `address` as a browser writes it (`scheme://host[:port]`, lower
    case, an IPv6 host in brackets and compressed, the scheme's default port left out), or
    None when it has none: not an absolute URL with a host (`null`, a path, `about:blank`),
    not a URL at all (a port past 65535 or not a number, a bad IPv6 literal), or one with
    credentials (no page of ours sends them). yarl reads a port as a number (`:080` and
    `:+80` are 80, `:` the default): a browser never writes those in a Referer, and one
    that matched names this server all the same. `bare`: `address` must be an origin alone
    and written as a browser writes an `Origin` header (any case, a trailing `/`), not a
    page's whole address nor its port written otherwise."""
    try:  # yarl parses lazily: any of these may find that `address` is no URL
        url = URL(address)
        if not url.absolute or not url.host or "@" in url.raw_authority:
            return None
        origin = str(url.origin())
    except (ValueError, IndexError):  # yarl 1.25 indexes an empty host after `[...]@`
        return None
    if bare and address.lower().removesuffix("/") != origin:
        return None  # a path, a query, `:080`, `:80`, a byte yarl dropped: not an Origin
    return origin


WAYS_IN = "open the login link `drillbit serve` printed, or paste the token it printed"
"""The two ways in, as a refusal for want of the token ends with them: the login page lists
them under its message, so it leaves them out of the message (`quiz.serve.page.page_words`)."""


def _whose(query: str | None, cookie: str | None) -> str:
    """What a person does about a page refused for want of the token, and why: a token or a
    cookie that is not this run's is most often an earlier run's (a server restarted, a
    tab left open), which "open the URL printed" alone left them to guess."""
    if query:
        return (
            "the token in this address is not this run's (each run of `drillbit serve` makes "
            f"a new one): {WAYS_IN} this time"
        )
    if cookie:
        return (
            "this browser's login is not this run's (each run of `drillbit serve` makes a new "
            f"token): {WAYS_IN} this time"
        )
    return WAYS_IN
