"""Helpers for the serve tests: the browser pack, a free loopback port, the drillbit command line."""

from __future__ import annotations

import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

BROWSER_PACK = Path(__file__).resolve().parent / "data"
"""A one-card pack served next to the bundled bank (`--content`)."""


@dataclass
class Served:
    """A running server: the URL it printed (with its token), port, process and log file."""

    url: str
    port: int
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def token(self) -> str:
        """This run's token, from the printed URL."""
        return self.url.split("?token=", 1)[1]


def free_loopback_port() -> int:
    """A port nobody listens on right now (the kernel's pick)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def drillbit(*args: str) -> list[str]:
    """The command line of `drillbit --content <browser pack> ARGS` in this interpreter."""
    return [sys.executable, "-m", "quiz", "--content", str(BROWSER_PACK), *args]
