"""The serve fixtures' port (tests/web/conftest.py): picked free, it may be taken before the
server binds it, by another test worker or any program; that is no failure of the test."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

import tests.web.conftest as serve_fixtures
from tests.web.helpers import free_loopback_port, http_get


@pytest.mark.slow
@pytest.mark.xdist_group("serve")
def test_a_port_taken_before_the_server_binds_it_is_traded_for_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fixture picked a port, closed it and started the server on it: a listener that
    came in between made the server exit ("already in use") and failed whatever test used
    the fixture. Here the first pick is a port that is already taken."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        picks = iter([taken.getsockname()[1]])
        monkeypatch.setattr(
            serve_fixtures, "free_loopback_port", lambda: next(picks, 0) or free_loopback_port()
        )
        serving = serve_fixtures._serve(tmp_path)
        served = next(serving)
        assert served.port != taken.getsockname()[1]
        assert http_get(served.url)[0] == 200
        assert next(serving, None) is None  # Ctrl-C stopped it all (the fixture's checks)
