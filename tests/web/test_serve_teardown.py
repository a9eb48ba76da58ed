"""The serve fixtures' teardown (tests/web/conftest.py): no process the server started
outlives the test, in its process group or in a session of its own."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from tests.conftest import linux_only
from tests.web.conftest import _descendants, _running, _stop

READY = "import signal\nsignal.signal(signal.SIGINT, signal.default_int_handler)\n"
"""A stand-in server takes Ctrl-C as `drillbit serve` does, even where it was started with
SIGINT ignored (as an xdist worker starts its children); it says so before the test stops it."""

STAND_IN = (
    READY
    + """
import subprocess, sys, time
# a sandbox worker's way out of the server's group: a session of its own (setsid)
worker = subprocess.Popen(
    [sys.executable, "-c", "import signal, time; signal.signal(signal.SIGINT, signal.SIG_IGN); time.sleep(600)"],
    start_new_session=True,
)
print(worker.pid, flush=True)
try:
    time.sleep(600)
except KeyboardInterrupt:  # Ctrl-C ends the stand-in server, not its worker
    pass
"""
)


@linux_only
def test_a_process_the_server_started_in_its_own_session_is_reported_and_ended() -> None:
    """The teardown checked the server's process group only: a worker in a session of its
    own that did not end with the server was neither reported nor killed."""
    server = subprocess.Popen(
        [sys.executable, "-c", STAND_IN], stdout=subprocess.PIPE, start_new_session=True
    )
    assert server.stdout is not None
    worker = int(server.stdout.readline())
    started = _descendants(server.pid)[worker]
    try:
        left = _stop(server, grace=0.5)
        assert left == [f"process {worker}, started by the server in a session of its own"]
        assert not _running(worker, started)
    finally:
        if _running(worker, started):
            os.kill(worker, signal.SIGKILL)
        server.stdout.close()


@linux_only
def test_a_server_whose_processes_all_end_leaves_nothing_to_report() -> None:
    code = (
        READY
        + "import time\nprint(flush=True)\ntry:\n    time.sleep(600)\nexcept KeyboardInterrupt:\n    pass"
    )
    server = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, start_new_session=True
    )
    assert server.stdout is not None
    server.stdout.readline()
    try:
        assert _stop(server, grace=0.5) == []
    finally:
        server.stdout.close()
