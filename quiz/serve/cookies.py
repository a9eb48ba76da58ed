"""Every value a request carries for one cookie name: a cookie tossed in beside ours.

A browser keeps cookies per host, not per port, and a cookie of the same name with another
path or domain does not replace ours but is sent beside it: a page of another server on
127.0.0.1 (any port) may set `drillbit-token-PORT=x; Path=/static`, and one on a sibling
`evil.localhost` may set it with `Domain=localhost`. aiohttp's `request.cookies` keeps the
last of a name only, so such a cookie sent after ours shadowed the login, and every request
of the page was refused (fifty-second round). Here every value is kept, the last few
(ours, `Path=/`, comes after any longer path's), for the login to try each.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["MOST_VALUES", "cookie_values"]

MOST_VALUES = 8
"""The most values of one name tried (the last ones sent): a browser sends one per path and
domain that set it, and each is compared with every login's secret."""


def cookie_values(headers: Iterable[str], name: str) -> list[str]:
    """The values of the cookie `name` in the `Cookie` headers `headers`, in the order sent,
    the last `MOST_VALUES` of them; a value in double quotes without them. Pairs are split
    at `;` and at `,` (RFC 2965's separator, which aiohttp also reads)."""
    found = []
    for header in headers:
        for pair in header.replace(",", ";").split(";"):
            key, equals, value = pair.partition("=")
            if equals and key.strip() == name:
                value = value.strip()
                if len(value) >= 2 and value[0] == value[-1] == '"':
                    value = value[1:-1]
                found.append(value)
    return found[-MOST_VALUES:]
