"""The origin of a `Referer` or an `Origin` header, read by yarl (fifty-fifth round, serve55),
where the fifty-fourth round cut the address by hand: an origin is `scheme://host[:port]` in
lower case, as a browser writes it, the scheme's default port left out."""

from __future__ import annotations

import pytest
from multidict import CIMultiDict, CIMultiDictProxy

from quiz.serve.login import Login, _origin_of, allowed_origins


@pytest.mark.parametrize(
    ("address", "origin"),
    [
        ("http://127.0.0.1:8000/attack.html?x=1#y", "http://127.0.0.1:8000"),
        ("HTTP://LOCALHOST:8000/Page", "http://localhost:8000"),
        ("http://[::1]:8765/", "http://[::1]:8765"),
        ("http://[::FFFF:127.0.0.1]:8000/", "http://[::ffff:7f00:1]:8000"),
        # the default port is no part of an origin: the hand parser kept `:80`
        ("http://127.0.0.1:80/", "http://127.0.0.1"),
        ("https://example.com:443/a", "https://example.com"),
        ("http://example.com:443/a", "http://example.com:443"),
        # no origin: not an absolute URL with a host, credentials, not a URL at all
        ("null", None),
        ("", None),
        ("/#token=x", None),
        ("//127.0.0.1:8000/", None),
        ("http://", None),
        ("about:blank", None),
        ("http://evil@127.0.0.1:8000/", None),
        ("http://:@127.0.0.1:8000/", None),
        ("http://127.0.0.1:99999/", None),
        ("http://127.0.0.1:port/", None),
        ("http://[::zz]:8000/", None),
        ("http://h\udcff:8000/", None),
        ("http://.\udcff/", None),  # idna's UnicodeError
        ("http://b[1]@", None),  # an IndexError in yarl's parser
        ("http://[::1]\\x/", None),
    ],
)
def test_the_origin_of_an_address(address: str, origin: str | None) -> None:
    assert _origin_of(address) == origin


@pytest.mark.parametrize(
    ("header", "ours"),
    [
        ("http://127.0.0.1:8000", True),
        ("http://127.0.0.1:8000/", True),
        ("HTTP://LocalHost:8000", True),
        ("http://[::1]:8000", True),
        ("http://127.0.0.1:8001", False),
        ("https://127.0.0.1:8000", False),
        ("null", False),
        ("", False),
        # an Origin header is an origin alone: a page's whole address is not one
        ("http://127.0.0.1:8000/page", False),
        ("http://127.0.0.1:8000?x", False),
        ("http://127.0.0.1:8000#x", False),
        ("http://127.0.0.1:8000//", False),
        ("http://127.0.0.1:8000/\udcff", False),
        ("http://me@127.0.0.1:8000", False),
        # the same origin, its port written as no browser writes an Origin's
        ("http://127.0.0.1:08000", False),
        ("http://127.0.0.1:+8000", False),
        ("http://127.0.0.1:8000:", False),
    ],
)
def test_an_origin_header_names_this_servers_page_or_not(header: str, ours: bool) -> None:
    assert Login.new("127.0.0.1", 8000).from_page(header) is ours


def test_on_port_80_the_origin_a_browser_sends_is_ours() -> None:
    """A browser leaves port 80 out of an `http` origin: the page of a server on port 80
    sent `Origin: http://127.0.0.1`, which matched none of `http://127.0.0.1:80` and its
    aliases, so its websocket and its login were refused."""
    assert allowed_origins("127.0.0.1", 80) == {
        "http://127.0.0.1",
        "http://localhost",
        "http://[::1]",
    }
    login = Login.new("127.0.0.1", 80)
    assert login.from_page("http://127.0.0.1") and login.from_page("http://localhost/")
    assert not login.from_page("http://127.0.0.1:80")  # no browser names the default port
    assert not login.from_page("http://127.0.0.1:8000")


def _headers(**named: str) -> CIMultiDictProxy[str]:
    return CIMultiDictProxy(CIMultiDict(named))


def test_a_files_referer_is_read_by_its_origin() -> None:
    """A file asked for with a `Referer` of this server's page (any alias, any case, its
    path and query) is served; one of another port, with credentials, or that is no URL
    is refused. The page's own paths ask for nothing here."""
    login = Login.new("127.0.0.1", 8000)
    path = "/static/js/textual.js"
    for referer in [
        "http://127.0.0.1:8000/",
        "http://LOCALHOST:8000/?fontsize=16#x",
        "http://[::1]:8000/static/css/xterm.css",
    ]:
        assert login.named_elsewhere(_headers(Referer=referer), path) is None, referer
    for referer in [
        "http://127.0.0.1:8001/attack.html",
        "http://evil@127.0.0.1:8000/",
        "http://127.0.0.1:80/",
        "null",
        "not a url",
    ]:
        reason = login.named_elsewhere(_headers(Referer=referer), path)
        assert reason is not None and "its Referer" in reason, referer
    assert login.named_elsewhere(_headers(Referer="http://127.0.0.1:8001/"), "/") is None
