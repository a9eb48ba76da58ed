"""`drillbit serve` reached by a name that is not loopback's, as a LAN address is: the page's
origin is then no secure context for a browser, as `http://192.168.1.20:PORT` is not.

A browser takes `http://127.0.0.1` and `http://localhost` for secure contexts, so the other
serve tests never saw what a page on the network sees (`Clear-Site-Data` ignored, for one).
Run as `serve ARGS...`, this script is the real server, listening where ARGS say
(127.0.0.1), that also takes `LAN_NAME` as its own name, in `Host` and `Origin`, as it
takes its address when served on one; the test's Chromium maps that name to 127.0.0.1
(`tests.web.chromium.CHROMIUM_FLAGS`). Run as a file, not imported by the tests' processes.
"""

from __future__ import annotations

import sys

__all__ = ["LAN_NAME"]

LAN_NAME = "drillbit-lan.test"
"""A name no resolver knows (`.test` is reserved), mapped by the test's Chromium alone."""


def _serve(args: list[str]) -> None:
    """The real `drillbit ARGS` (a `serve` command line), `LAN_NAME` one of its names."""
    import quiz.serve.login as login
    from quiz.cli import main

    hosts, origins = login.allowed_hosts, login.allowed_origins

    def with_lan_hosts(host: str, port: int) -> set[str]:
        return hosts(host, port) | {f"{LAN_NAME}:{port}"}

    def with_lan_origins(host: str, port: int) -> set[str]:
        return origins(host, port) | {f"http://{LAN_NAME}:{port}"}

    login.allowed_hosts = with_lan_hosts
    login.allowed_origins = with_lan_origins
    main(args)


if __name__ == "__main__":
    _serve(sys.argv[2:] if sys.argv[1] == "serve" else sys.argv[1:])
