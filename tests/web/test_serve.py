"""`drillbit serve` without a browser: addresses, the app command, the Origin check, errors."""

from __future__ import annotations

import base64
import os
import shlex
import socket
import subprocess
import sys
from pathlib import Path

import pytest

import quiz.serve as serve_module
from quiz.errors import DrillbitError, UsageError
from quiz.serve import allowed_origins, app_command, is_loopback, is_wildcard, public_url, serve
from tests.web.helpers import Served, drillbit, free_loopback_port


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
    out, _ = shell.communicate(timeout=30)
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
    serve("192.0.2.7", 8000, [])
    assert stub.served
    assert (
        "warning: serving on 192.0.2.7, which is not a loopback address" in capsys.readouterr().err
    )
    serve("127.0.0.1", 8000, [])
    assert capsys.readouterr().err == ""


def test_wildcard_host_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    stub = _NoServer()
    monkeypatch.setattr(serve_module, "_make_server", lambda *_: stub)
    with pytest.raises(UsageError, match="no address a browser can open"):
        serve("0.0.0.0", 8000, [])
    assert not stub.served


def test_busy_port_is_a_clear_error() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            drillbit("serve", "--port", str(port)),
            capture_output=True,
            text=True,
            timeout=30,
            env=dict(os.environ),
        )
    assert result.returncode == DrillbitError.exit_code
    assert f"port {port} is already in use on 127.0.0.1" in result.stderr
    assert "Traceback" not in result.stderr


def test_port_out_of_range_is_a_usage_error() -> None:
    result = subprocess.run(
        drillbit("serve", "--port", "0"), capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 2
    assert "--port" in result.stderr


def _handshake(port: int, origin: str) -> str:
    """The status line the server answers a websocket upgrade from a page of `origin` with."""
    key = base64.b64encode(os.urandom(16)).decode()
    request = (
        "GET /ws?width=80&height=24 HTTP/1.1\r\n"
        f"Host: 127.0.0.1:{port}\r\n"
        "Upgrade: websocket\r\nConnection: Upgrade\r\n"
        f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
        f"Origin: {origin}\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.sendall(request.encode())
        return conn.recv(4096).decode("latin-1").split("\r\n", 1)[0]


def test_websocket_refuses_pages_of_other_origins(served: Served) -> None:
    assert " 403 " in _handshake(served.port, "http://evil.example")
    assert " 403 " in _handshake(served.port, f"http://127.0.0.1:{free_loopback_port()}")
    # (the page's own origin gets its app: the browser test connects from it)
