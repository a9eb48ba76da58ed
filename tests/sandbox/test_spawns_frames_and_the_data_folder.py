"""A fresh attacker's sweep (fifty-sixth round, sandbox56): classes no earlier test tried.

One got through: with no kernel layer on files (the hooks alone, a machine without
bubblewrap, Landlock or libseccomp), the code read the app's data folder (`DRILLBIT_HOME`: the
progress database, the server's notes) by a plain `open` and `os.listdir`; Landlock refused it
and bubblewrap mounts none of it. The hooks now refuse it ("reading the app's data folder").
The rest were refused already, in every mode, and stand as guards.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from platformdirs import user_data_dir

from engine.sandbox import SandboxConfig, WorkerPool
from engine.sandbox.config import data_folders, host_paths
from engine.verdict import Status
from tests.sandbox.conftest import skip_unless_bwrap_for
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import LIVE_POOLS, WARM_WITHIN_SECONDS, run_adversarial, shown

PATIENT = PatientDoubleChecker()

POSIX_SPAWN = """import os


def double(x):
    os.posix_spawn("/bin/sh", ["sh", "-c", "echo spawned"], {})
    return 2 * x
"""

MEMFD_EXEC = """import os


def double(x):
    fd = os.memfd_create("script", 0)
    os.write(fd, b"#!/bin/sh\\necho escaped\\n")
    os.execve(fd, ["script"], {})
    return 2 * x
"""


@pytest.mark.parametrize("source", [POSIX_SPAWN, MEMFD_EXEC], ids=["posix_spawn", "memfd exec"])
def test_a_new_process_by_posix_spawn_or_a_memfd_is_refused(pool: WorkerPool, source: str) -> None:
    verdict = run_adversarial(pool, source, Status.ERROR, "starting processes is not allowed")
    assert "escaped" not in verdict.stdout and "spawned" not in verdict.stdout, shown(verdict)


BLOCKED_XCPU = """import signal


def double(x):
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGXCPU, signal.SIGALRM, signal.SIGTERM})
    while True:
        pass
"""


def test_blocking_sigxcpu_does_not_outlive_the_cpu_limit(pool: WorkerPool) -> None:
    """The soft limit's SIGXCPU stays pending; the hard limit's SIGKILL ends it, told as the
    CPU limit (not the wall clock's 60 s of the patient drill)."""
    run_adversarial(
        pool, BLOCKED_XCPU, Status.TIMEOUT, "exceeded the CPU time limit", checker=PATIENT
    )


ZIPPED_BYTECODE = """import importlib.util, marshal, os, sys, zipfile


def double(x):
    code = compile("def double(x):\\n    return x\\n", "forged.py", "exec")
    data = importlib.util.MAGIC_NUMBER + bytes(12) + marshal.dumps(code)
    with zipfile.ZipFile("lib.zip", "w") as archive:
        archive.writestr("forged.pyc", data)
    sys.path.insert(0, os.path.abspath("lib.zip"))
    import forged

    return forged.double(x) * 2
"""


def test_bytecode_in_a_zip_on_the_path_is_refused(pool: WorkerPool) -> None:
    """zipimport unmarshals a .pyc of the code's making: the door to crafted bytecode that the
    forty-ninth round closed for importlib's loader."""
    run_adversarial(pool, ZIPPED_BYTECODE, Status.ERROR, "making code objects from bytes")


CORO_FRAME = """HELD = []


async def walk():
    return HELD[0].cr_frame.f_back


def double(x):
    coro = walk()
    HELD.append(coro)
    try:
        coro.send(None)
    except StopIteration as stop:
        print("reached", stop.value)
    return 2 * x
"""

ASYNC_GEN_FRAME = """HELD = []


async def walk():
    yield HELD[0].ag_frame.f_back


def double(x):
    agen = walk()
    HELD.append(agen)
    try:
        agen.asend(None).send(None)
    except StopIteration as stop:
        print("reached", stop.value)
    return 2 * x
"""


@pytest.mark.parametrize("source", [CORO_FRAME, ASYNC_GEN_FRAME], ids=["cr_frame", "ag_frame"])
def test_a_running_coroutine_s_frame_leads_nowhere(pool: WorkerPool, source: str) -> None:
    """A running coroutine's or async generator's own frame, whose f_back is the grader's."""
    verdict = run_adversarial(pool, source, Status.ERROR, "inspecting stack frames")
    assert "reached" not in verdict.stdout, shown(verdict)


OPEN_CODE = """import io


def double(x):
    io.open_code(PROBE).read()
    return 2 * x
"""


def test_io_open_code_reads_no_file_of_the_grader_s(pool: WorkerPool) -> None:
    """`io.open_code`, the path importlib reads sources by, on the engine's own file."""
    source = OPEN_CODE.replace("PROBE", repr(host_paths().probe))
    verdict = run_adversarial(pool, source, Status.ERROR)
    said = shown(verdict)
    assert "reading the grader's files" in said or "No such file" in said, said


SENDFILE_FORGED = """import json, os, stat


def double(x):
    sockets = []
    for fd in range(3, 4200):
        try:
            if stat.S_ISSOCK(os.fstat(fd).st_mode):
                sockets.append(fd)
        except OSError:
            pass
    body = json.dumps({"t": "done", "k": "0" * 32}).encode()
    frame = b"J" + len(body).to_bytes(4, "big") + body
    with open("frames", "wb") as out:
        out.write(frame * 4)
    source = os.open("frames", os.O_RDONLY)
    for fd in sockets:
        os.sendfile(fd, source, 0, len(frame) * 4)
    return x
"""


def test_frames_sent_onto_the_result_channel_by_sendfile_are_refused(pool: WorkerPool) -> None:
    """The result socket found by `fstat` at its random number and written by the kernel's
    sendfile (no `os.write`): a wrong answer's forged end is bytes without the token."""
    run_adversarial(pool, SENDFILE_FORGED, Status.INVALID, "carried bytes the grader did not write")


READ_DATA = """import os


def double(x):
    WHAT
    return 2 * x
"""
SECRET = "the user's progress, not the code's"


@pytest.fixture(params=["bwrap", "landlock", "hooks-alone"])
def data_pool(
    request: pytest.FixtureRequest, _isolated_home: Path
) -> Iterator[tuple[str, WorkerPool, Path]]:
    """A pool made under this test's DRILLBIT_HOME (a worker reads the folder as it starts),
    in each mode a machine without libseccomp has."""
    mode = request.param
    skip_unless_bwrap_for(mode)
    (_isolated_home / "drillbit.db").write_text(SECRET)
    config = SandboxConfig(bwrap=mode == "bwrap", landlock=mode == "landlock", seccomp=False)
    with WorkerPool(config, size=1) as pool:
        LIVE_POOLS.append(pool)
        pool.wait_warm(WARM_WITHIN_SECONDS)
        yield mode, pool, _isolated_home


@pytest.mark.parametrize(
    "what",
    ["print(open(HOME + '/drillbit.db').read())", "print(os.listdir(HOME))"],
    ids=["open", "listdir"],
)
def test_the_app_s_data_folder_is_not_read(
    data_pool: tuple[str, WorkerPool, Path], what: str
) -> None:
    """Before: with the hooks alone, the database's text and the folder's names were printed
    (a passing verdict); Landlock's EACCES and bubblewrap's missing folder refused it."""
    mode, pool, home = data_pool
    source = READ_DATA.replace("WHAT", what.replace("HOME", repr(str(home))))
    verdict = run_adversarial(pool, source, Status.ERROR)
    said = shown(verdict)
    assert SECRET not in said and "drillbit.db" not in verdict.stdout, said
    if mode == "hooks-alone":
        assert "reading the app's data folder" in said, said


def test_the_data_folders_and_those_left_out(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`$DRILLBIT_HOME` and the platform's folder; none that holds the work dir, none relative."""
    platform = os.path.realpath(user_data_dir("drillbit", False))
    work = str(tmp_path / "work")
    monkeypatch.setenv("DRILLBIT_HOME", str(tmp_path / "data"))
    assert data_folders(work) == [os.path.realpath(tmp_path / "data"), platform]
    monkeypatch.setenv("DRILLBIT_HOME", str(tmp_path))  # it holds the work dir
    assert data_folders(work) == [platform]
    monkeypatch.setenv("DRILLBIT_HOME", "relative/data")
    assert data_folders(work) == [platform]
    monkeypatch.delenv("DRILLBIT_HOME")
    assert data_folders(work) == [platform]
    assert data_folders(os.path.join(platform, "work")) == []
