"""Other processes stay out of reach by the kernel alone: no signal, no scheduling change, no IPC.

Each escape here needs no hook bypass (a file descriptor's owner, the scheduler's
calls and System V IPC raise no audit event the hooks refuse), so the pools run
without the audit hooks: what is tested is the seccomp filter, in the two modes
where the grading app's pid is visible to the child (Landlock + seccomp, and
seccomp alone). Landlock's own signal scope (ABI 6, Linux 6.12) does not cover
the scheduler or IPC, and older kernels, or seccomp alone, have no scope at all.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from engine.grade_sandboxed import grade
from engine.sandbox import SandboxConfig, WorkerPool
from engine.sandbox import worker as worker_module
from engine.sandbox.config import child_sources
from engine.sandbox.worker import CHILD_MARKER, WORKDIR_PREFIX, Worker
from engine.verdict import Status
from tests.conftest import PROCESS_TIMEOUT_SECONDS, REPO
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import (
    DOUBLE,
    GOOD,
    LIVE_POOLS,
    WARM_WITHIN_SECONDS,
    run_adversarial,
    shown,
    syscall_number,
)

PATIENT = PatientDoubleChecker()
"""A 60 s wall clock: what is tested is the kernel's refusal, not the deadline."""


@pytest.fixture(scope="module", params=["landlock", "seccomp-alone"])
def visible_parent_pool(request: pytest.FixtureRequest) -> Iterator[WorkerPool]:
    """No bubblewrap (the app's pid is visible to the child) and no audit hooks."""
    config = SandboxConfig(bwrap=False, audit_hooks=False, landlock=request.param == "landlock")
    with WorkerPool(config) as p:
        LIVE_POOLS.append(p)
        yield p


def _double(*pieces: str) -> str:
    """`double(x)` whose body runs `pieces` (each dedented) in order."""
    body = "\n".join(textwrap.dedent(piece).strip("\n") for piece in pieces)
    return "import ctypes, fcntl, os, struct\n\ndef double(x):\n" + textwrap.indent(body, "    ")


def _raw_syscall() -> str:
    """`sc(number, *args)`: a system call with 64-bit arguments as given, OSError on failure."""
    return textwrap.dedent("""
        libc = ctypes.CDLL(None, use_errno=True)
        libc.syscall.restype = ctypes.c_long
        def sc(*args):
            r = libc.syscall(*[ctypes.c_long(a) for a in args])
            if r < 0:
                raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()))
            return r
    """)


RAW_CALLS = ("fcntl", "sched_setattr", "shmget", "semget", "msgget")
"""The calls made with `sc`, whose numbers differ from one architecture to another."""


def _filled(template: str) -> str:
    """`template` with the grading app's pid and the raw calls' numbers in it."""
    return textwrap.dedent(template).format(
        pid=os.getpid(), **{name: syscall_number(name) for name in RAW_CALLS}
    )


F_SETSIG = 10
OWNER: dict[str, str] = {
    "F_SETOWN": "fcntl.fcntl(1, fcntl.F_SETOWN, {pid})",
    "F_SETOWN_EX": "fcntl.fcntl(1, 15, struct.pack('ii', 1, {pid}))",  # F_OWNER_PID
    # the kernel reads the command as 32 bits: the upper ones must not hide it from the filter
    "F_SETOWN-upper-bits": _raw_syscall() + "\nsc({fcntl}, 1, (1 << 32) | fcntl.F_SETOWN, {pid})",
}


@pytest.mark.parametrize("how", list(OWNER))
def test_the_grading_app_cannot_be_signalled_through_a_file_owner(
    visible_parent_pool: WorkerPool, sigusr1_received: list[int], how: str
) -> None:
    """SIGIO (or any signal set with F_SETSIG) goes to a descriptor's owner when its pipe is
    read: owning the child's stdout would signal the app each time it drains the output."""
    owner = _filled(OWNER[how])
    body = f"""
        fcntl.fcntl(1, {F_SETSIG}, {int(signal.SIGUSR1)})
        fcntl.fcntl(1, fcntl.F_SETFL, fcntl.fcntl(1, fcntl.F_GETFL) | os.O_ASYNC)
        for _ in range(20):
            os.write(1, b"x" * 100)
        return 2 * x
    """
    run_adversarial(
        visible_parent_pool, _double(owner, body), Status.ERROR, "PermissionError", checker=PATIENT
    )
    assert sigusr1_received == []


@pytest.fixture
def own_scheduling() -> Iterator[None]:
    """This process's CPU affinity and scheduling policy, put back whatever the test did."""
    affinity = os.sched_getaffinity(0)
    policy, param = os.sched_getscheduler(0), os.sched_getparam(0)
    yield
    os.sched_setaffinity(0, affinity)
    os.sched_setscheduler(0, policy, param)


SCHEDULING: dict[str, str] = {
    "affinity": "os.sched_setaffinity({pid}, {{0}})",
    "idle-policy": "os.sched_setscheduler({pid}, os.SCHED_IDLE, os.sched_param(0))",
    "param": "os.sched_setparam({pid}, os.sched_param(0))",
    "attr": _raw_syscall()
    # struct sched_attr: size, policy (SCHED_IDLE), flags, nice, priority, runtime, deadline, period
    + "\nattr = ctypes.create_string_buffer(struct.pack('IIQiIQQQ', 48, 5, 0, 0, 0, 0, 0, 0), 48)"
    + "\nsc({sched_setattr}, {pid}, ctypes.addressof(attr), 0)",
}


@pytest.mark.parametrize("how", list(SCHEDULING))
@pytest.mark.usefixtures("own_scheduling")
def test_the_grading_app_keeps_its_scheduling(visible_parent_pool: WorkerPool, how: str) -> None:
    """Pinning the app to one core or making it SCHED_IDLE would outlive the grading."""
    affinity, policy = os.sched_getaffinity(0), os.sched_getscheduler(0)
    call = _filled(SCHEDULING[how])
    run_adversarial(
        visible_parent_pool,
        _double(call, "return 2 * x"),
        Status.ERROR,
        "PermissionError",
        checker=PATIENT,
    )
    assert os.sched_getaffinity(0) == affinity
    assert os.sched_getscheduler(0) == policy


def _sysv_keys() -> set[int]:
    """The keys of every System V shared memory segment, semaphore set and message queue."""
    keys: set[int] = set()
    for kind in ("shm", "sem", "msg"):
        try:
            lines = Path(f"/proc/sysvipc/{kind}").read_text().splitlines()[1:]
        except OSError:
            continue
        keys.update(int(line.split()[0]) for line in lines if line.split())
    return keys


SYSV: dict[str, str] = {
    "shmget": "sc({shmget}, {{key}}, 4096, 0o1600)",
    "semget": "sc({semget}, {{key}}, 1, 0o1600)",
    "msgget": "sc({msgget}, {{key}}, 0o1600)",
}


@pytest.mark.parametrize("how", list(SYSV))
def test_no_ipc_object_outlives_the_grading(visible_parent_pool: WorkerPool, how: str) -> None:
    """A System V object would stay in the machine's IPC namespace after the child is gone
    (and one the user's other programs made could be read or removed)."""
    key = 0x5D000000 + uuid.uuid4().int % 0xFFFFFF
    body = _double(_raw_syscall(), _filled(SYSV[how]).format(key=key), "return 2 * x")
    try:
        run_adversarial(visible_parent_pool, body, Status.ERROR, "PermissionError", checker=PATIENT)
        assert key not in _sysv_keys()
    finally:
        if key in _sysv_keys():
            flag = {"shmget": "-M", "semget": "-S", "msgget": "-Q"}[how]
            subprocess.run(["ipcrm", flag, hex(key)], check=False)


def test_without_a_file_system_layer_every_verdict_says_what_is_left_open() -> None:
    """seccomp alone cannot refuse a file: the verdict names the files and the memory of the
    user's other processes (/proc/<pid>/mem; not the app's, which is made undumpable)."""
    with WorkerPool(SandboxConfig(bwrap=False, landlock=False)) as pool:
        verdict = grade(DOUBLE, GOOD, pool=pool)
    assert verdict.passed, shown(verdict)
    (warning,) = [layer for layer in verdict.isolation if layer.startswith("warning:")]
    assert "read and change your files" in warning
    assert "/proc/<pid>/mem" in warning and "not this app's" in warning
    assert "rewrite the memory of your other processes, and so act through them" in warning
    assert "nor a waiting sandbox child's or its work dir" in warning
    assert "one starting beside it can be reached for a moment" in warning


@pytest.fixture(scope="module", params=["landlock", "seccomp-alone"])
def sibling_pool(request: pytest.FixtureRequest) -> Iterator[WorkerPool]:
    """Two warm workers, no bubblewrap, no audit hooks: a grading runs beside a waiting sibling."""
    config = SandboxConfig(bwrap=False, audit_hooks=False, landlock=request.param == "landlock")
    with WorkerPool(config, size=2) as p:
        LIVE_POOLS.append(p)
        yield p


SIBLING = """
    marker = b"{marker}"
    ready = {ready}  # the pool's two ready workers: this one and the waiting sibling
    siblings = []
    for name in os.listdir("/proc"):
        if name.isdigit() and int(name) != os.getpid() and int(name) in ready:
            try:
                with open(f"/proc/{{name}}/cmdline", "rb") as f:
                    if marker in f.read():
                        siblings.append(int(name))
            except OSError:
                pass
    if not siblings:
        raise RuntimeError("no waiting sibling was found")
    os.close(os.open(f"/proc/{{siblings[0]}}/{what}", os.O_RDWR if "{what}" == "mem" else os.O_RDONLY))
    return 2 * x
"""


@pytest.mark.parametrize("what", ["mem", "environ"])
def test_a_waiting_sibling_worker_is_out_of_reach(sibling_pool: WorkerPool, what: str) -> None:
    """The next submission's child waits beside this one: with seccomp alone, the same user's
    process, dumpable, its /proc/<pid>/mem opened read-write (this one could rewrite it before
    its job came). Each child is now undumpable, which takes CAP_SYS_PTRACE to get past; under
    Landlock, /proc is closed to the child besides."""
    marker = f"{CHILD_MARKER}:{os.getpid()}"
    # The previous test's replacement may still be starting: graded then, the submission
    # took the one ready worker and found no sibling waiting ("no waiting sibling was
    # found", one full run of this file in a few under load).
    assert sibling_pool.wait_warm(timeout=WARM_WITHIN_SECONDS)
    # Only the worker that was ready beside this one is a target: the replacement the pool
    # starts as soon as this grading takes its worker carries the same marker, and before it
    # makes itself undumpable its /proc files open (one run in many under load).
    ready = sorted(sibling_pool.warm_pids)
    assert len(ready) == 2
    source = _double(SIBLING.format(marker=marker, what=what, ready=ready))
    run_adversarial(sibling_pool, source, Status.ERROR, "Permission denied", checker=PATIENT)


PLANTED = "planted-by-a-sibling"
"""The name of the file the attack below plants in every other work dir it can write."""

PLANT = """
    root, prefix = {root!r}, {prefix!r}  # the temp dir, and this app's work dirs' prefix
    here = os.getcwd()
    planted, seen = [], []
    try:
        names = os.listdir(root)
    except PermissionError:  # Landlock: the temp dir is out of the child's reach
        return 2 * x
    for name in names:
        top = os.path.join(root, name)
        if not name.startswith(prefix) or here == top or here.startswith(top + "/"):
            continue
        seen.append(name)
        for folder, _, _ in os.walk(top):  # every folder the listing leads to, the top first
            try:
                with open(os.path.join(folder, {planted!r}), "w") as f:
                    f.write("x")
                planted.append(folder)
            except OSError:
                pass
    if not seen:
        raise RuntimeError("no other work dir was found")
    if planted:
        raise ValueError(f"planted a file in {{planted}}")
    return 2 * x
"""


def test_no_other_work_dir_can_be_written(sibling_pool: WorkerPool) -> None:
    """With seccomp alone the child has its user's rights over every file, and the temp dir
    lists every live work dir: a submission wrote into the waiting sibling's (the next
    submission's) by its name. The child's folder now sits under one it can neither list nor
    write (mode 0o100), with 128 random bits for a name; Landlock refuses the write besides.
    The grading's replacement worker is made, and earlier ones removed, while the attack
    runs: that once failed this test under load (a file planted in a work dir writable in the
    middle of either), whatever moment the attack meets now finds nothing to write, since both
    happen in a private folder (each moment is staged in test_work_dir.py's
    test_a_dir_is_never_writable_where_a_child_finds_it)."""
    assert sibling_pool.wait_warm(timeout=WARM_WITHIN_SECONDS)
    waiting = sibling_pool.warm_workdirs
    assert len(waiting) == 2
    prefix = f"{WORKDIR_PREFIX}{os.getpid()}-"
    source = _double(PLANT.format(root=tempfile.gettempdir(), prefix=prefix, planted=PLANTED))
    run_adversarial(sibling_pool, source, Status.PASSED, None, checker=PATIENT)
    for top in sibling_pool.warm_workdirs:
        # the attack's own file, by name: a walk over every file once caught a `tmp…` file in a
        # warm work dir (one CI run in many; not the attack's, which names its file)
        planted = [f for _, _, files in os.walk(top) for f in files if f == PLANTED]
        assert planted == [], top


def test_the_child_cannot_make_itself_dumpable_again(mode_pool: tuple[str, WorkerPool]) -> None:
    _, pool = mode_pool
    body = """
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(4, 1, 0, 0, 0) != 0:  # PR_SET_DUMPABLE
            raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()))
        return 2 * x
    """
    run_adversarial(pool, _double(body), Status.ERROR, "Operation not permitted", checker=PATIENT)


APP_WITHOUT_CAPABILITIES = textwrap.dedent("""
    import ctypes, sys
    libc = ctypes.CDLL(None, use_errno=True)
    # As an app run by any user but root: no capabilities (a capless child of an app run as
    # root is kept out of its memory by the capabilities root holds, whatever the flag).
    for cap in range(64):
        libc.prctl(24, cap, 0, 0, 0)  # PR_CAPBSET_DROP (EPERM when not root: none to drop)
    header = (ctypes.c_uint32 * 2)(0x20080522, 0)
    assert libc.capset(header, (ctypes.c_uint32 * 6)()) == 0
    from engine.grade_sandboxed import grade
    from engine.sandbox import SandboxConfig, WorkerPool
    from tests.sandbox.drills import PatientDoubleChecker
    from tests.sandbox.helpers import shown
    SECRET = "app-secret-" + "7" * 40  # in this process's heap, not in the submission
    with WorkerPool(SandboxConfig(bwrap=False, landlock=False, audit_hooks=False)) as pool:
        verdict = grade(PatientDoubleChecker(), sys.stdin.read(), pool=pool)
    print(shown(verdict))
    print("dumpable", libc.prctl(3, 0, 0, 0, 0))
""")


def _read_memory(pid: str, flags: str, secret: tuple[str, str], who: str) -> str:
    """A submission's body: open /proc/<pid>/mem with `flags`, search its writable regions for
    the secret (`secret`'s prefix, then its character 40 times, joined only when the code
    runs: the source, which the app holds, must not hold it), and raise saying whether it
    read it (the text names `who`)."""
    prefix, repeated = secret
    return f"""
    with open(f"/proc/{{{pid}}}/maps") as f:
        regions = [line.split() for line in f]
    fd = os.open(f"/proc/{{{pid}}}/mem", {flags})
    for fields in regions:
        low, high = (int(v, 16) for v in fields[0].split("-"))
        if fields[1].startswith("rw") and high - low < 256 << 20:
            try:
                data = os.pread(fd, high - low, low)
            except OSError:
                continue
            if {prefix!r}.encode() + {repeated!r}.encode() * 40 in data:
                raise ValueError("read {who} secret")
    raise ValueError("opened {who} memory")
"""


READ_THE_APPS_MEMORY = _read_memory("os.getppid()", "os.O_RDWR", ("app-secret-", "7"), "the app's")


def test_a_submission_cannot_reach_the_apps_memory_with_seccomp_alone() -> None:
    """seccomp alone leaves every file open, /proc/<ppid>/mem included, and the app of a
    non-root user was dumpable: a submission read (and could rewrite) the app's memory.
    The app now makes itself undumpable before such a child gets its job. Run in an app
    without capabilities (as any non-root user's is): this machine runs the tests as root."""
    result = subprocess.run(
        [sys.executable, "-c", APP_WITHOUT_CAPABILITIES],
        input=_double(READ_THE_APPS_MEMORY),
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=PROCESS_TIMEOUT_SECONDS,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Permission denied" in result.stdout, result.stdout
    assert "secret" not in result.stdout and "read-write" not in result.stdout, result.stdout
    assert "dumpable 0" in result.stdout


OTHER_PROGRAM = textwrap.dedent("""
    import ctypes, sys
    libc = ctypes.CDLL(None, use_errno=True)
    header = (ctypes.c_uint32 * 2)(0x20080522, 0)
    assert libc.capset(header, (ctypes.c_uint32 * 6)()) == 0  # as any non-root user's program
    secret = "other-secret-" + "5" * 40
    print("ready", flush=True)
    sys.stdin.read()
""")


def test_with_seccomp_alone_a_submission_reads_another_programs_memory() -> None:
    """The README's stated limit, shown: seccomp cannot refuse a file, so with no file-system
    layer a submission reads the memory of the user's other (dumpable) programs through
    /proc/<pid>/mem. Only the app and the sandbox's own children make themselves undumpable."""
    with subprocess.Popen(
        [sys.executable, "-c", OTHER_PROGRAM],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as other:
        try:
            assert other.stdout is not None and other.stdout.readline() == "ready\n"
            secret = ("other-secret-", "5")
            body = _read_memory(str(other.pid), "os.O_RDONLY", secret, "the other program's")
            config = SandboxConfig(bwrap=False, landlock=False, audit_hooks=False)
            with WorkerPool(config) as pool:
                verdict = grade(PATIENT, _double(body), pool=pool)
        finally:
            other.kill()
    assert "read the other program's secret" in shown(verdict), shown(verdict)


CAPLESS = textwrap.dedent("""
    import ctypes
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in range(64):
        libc.prctl(24, cap, 0, 0, 0)  # PR_CAPBSET_DROP: what this runs is capless too
    header = (ctypes.c_uint32 * 2)(0x20080522, 0)
    assert libc.capset(header, (ctypes.c_uint32 * 6)()) == 0
""")
"""The start of a program run as a user's process is: no capability (this machine runs the
tests as root), and none for what it starts."""


def _capless(program: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CAPLESS + textwrap.dedent(program)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_a_memory_descriptor_opened_before_undumpable_keeps_working() -> None:
    """The README's stated limit of seccomp alone, shown: a process of the user's opens another's
    /proc/<pid>/mem while it is still dumpable, and reads what it holds after it made itself
    undumpable; a fresh open is refused by then. The kernel checks access at the open only."""
    target_program = """
        import ctypes, sys
        libc = ctypes.CDLL(None, use_errno=True)
        secret = bytearray(b"before-" + b"3" * 40)
        print("dumpable", flush=True)
        sys.stdin.readline()
        libc.prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE
        secret[:7] = b"after--"
        print("undumpable", libc.prctl(3, 0, 0, 0, 0), flush=True)
        sys.stdin.readline()
    """
    reader_program = """
        import os, sys
        pid = int(sys.stdin.readline())
        regions = [line.split() for line in open(f"/proc/{pid}/maps")]
        fd = os.open(f"/proc/{pid}/mem", os.O_RDWR)
        print("opened", flush=True)
        sys.stdin.readline()  # the target is undumpable now
        try:
            os.close(os.open(f"/proc/{pid}/mem", os.O_RDONLY))
            print("reopened")
        except PermissionError:
            print("reopen refused")
        found = False
        for fields in regions:
            low, high = (int(v, 16) for v in fields[0].split("-"))
            if fields[1].startswith("rw") and high - low < 256 << 20:
                try:
                    data = os.pread(fd, high - low, low)
                except OSError:
                    continue
                found = found or b"after--" + b"3" * 40 in data
        print("read after" if found else "not read", flush=True)
    """
    with _capless(target_program) as target, _capless(reader_program) as reader:
        assert target.stdin and target.stdout and reader.stdin and reader.stdout
        try:
            assert target.stdout.readline() == "dumpable\n"
            reader.stdin.write(f"{target.pid}\n")
            reader.stdin.flush()
            assert reader.stdout.readline() == "opened\n"
            target.stdin.write("go\n")
            target.stdin.flush()
            assert target.stdout.readline() == "undumpable 0\n"
            out, _ = reader.communicate("go\n", timeout=PROCESS_TIMEOUT_SECONDS)
            assert out.split("\n")[:2] == ["reopen refused", "read after"], out
        finally:
            target.kill()
            reader.kill()


PAUSE_AFTER_CAPABILITIES = """
_kernel["capabilities"] = _drop_capabilities()
open({reached!r}, "w").close()
while not os.path.exists({go!r}):
    __import__("time").sleep(0.01)
"""
"""The launcher's capability drop, then a stop until the test lets it go on."""


@pytest.mark.usefixtures("full_pools")  # no spawner may build a worker from the patched text
def test_a_child_of_an_app_run_as_root_is_never_reachable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A child of an app run as root holds root's capabilities from its start, which keep a
    process without them (a submission graded beside it) out of its /proc files. It made
    itself undumpable only after dropping them: in between, such a process could open its
    /proc/<pid>/mem and keep it. The launcher is stopped here right after the drop."""
    if os.geteuid() != 0:
        pytest.skip("the app must run as root")
    reached, go = tmp_path / "reached", tmp_path / "go"
    real = child_sources()
    line = '        _kernel["capabilities"] = _drop_capabilities()\n'
    assert real[0].count(line) == 1
    pause = PAUSE_AFTER_CAPABILITIES.format(reached=str(reached), go=str(go))
    launcher = real[0].replace(line, textwrap.indent(pause.lstrip("\n"), " " * 8))
    monkeypatch.setattr(worker_module, "child_sources", lambda: (launcher, *real[1:]))
    worker = Worker(SandboxConfig(bwrap=False, landlock=False, audit_hooks=False), None)
    try:
        deadline = time.monotonic() + PROCESS_TIMEOUT_SECONDS  # the interpreter's start
        while time.monotonic() < deadline:
            if reached.exists() or worker.proc is None or worker.proc.poll() is not None:
                break
            time.sleep(0.01)
        assert reached.exists(), worker.failure
        probe = f"""
            try:
                open("/proc/{worker.pid}/mem", "rb").close()
                print("opened")
            except PermissionError:
                print("refused")
        """
        with _capless(probe) as prober:
            out, _ = prober.communicate("", timeout=PROCESS_TIMEOUT_SECONDS)
        assert out == "refused\n"
        go.touch()
        assert worker.wait_ready(), worker.failure
    finally:
        go.touch()
        worker.close()


OTHER_PROGRAM_HOLDING = textwrap.dedent("""
    import ctypes, sys
    libc = ctypes.CDLL(None, use_errno=True)
    header = (ctypes.c_uint32 * 2)(0x20080522, 0)
    assert libc.capset(header, (ctypes.c_uint32 * 6)()) == 0  # as any non-root user's program
    held = bytearray(b"other-held-" + b"4" * 40)
    print("ready", flush=True)
    sys.stdin.readline()
    print(held.decode(), flush=True)
""")
REWRITE = """
    with open(f"/proc/{pid}/maps") as f:
        regions = [line.split() for line in f]
    fd = os.open(f"/proc/{pid}/mem", os.O_RDWR)
    for fields in regions:
        low, high = (int(v, 16) for v in fields[0].split("-"))
        if fields[1].startswith("rw") and high - low < 256 << 20:
            try:
                data = os.pread(fd, high - low, low)
            except OSError:
                continue
            at = data.find(b"other-held-" + b"4" * 40)
            while at >= 0:
                os.pwrite(fd, b"REWRITTEN!!", low + at)
                at = data.find(b"other-held-" + b"4" * 40, at + 1)
    return 2 * x
"""


def test_with_seccomp_alone_a_submission_rewrites_another_programs_memory() -> None:
    """The README's stated limit, shown: what a submission can read there it can rewrite, and a
    program it rewrites runs with the user's rights, outside seccomp (here only a buffer the
    program prints afterwards is changed)."""
    with subprocess.Popen(
        [sys.executable, "-c", OTHER_PROGRAM_HOLDING],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as other:
        try:
            assert other.stdin is not None and other.stdout is not None
            assert other.stdout.readline() == "ready\n"
            config = SandboxConfig(bwrap=False, landlock=False, audit_hooks=False)
            with WorkerPool(config) as pool:
                verdict = grade(
                    PATIENT, _double(REWRITE.replace("{pid}", str(other.pid))), pool=pool
                )
            other.stdin.write("go\n")
            other.stdin.flush()
            printed = other.stdout.readline()
        finally:
            other.kill()
    assert verdict.passed, shown(verdict)
    assert printed == "REWRITTEN!!" + "4" * 40 + "\n"
