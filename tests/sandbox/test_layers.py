"""Each layer on its own, and the honesty of `isolation`: a layer is listed only when verified."""

from __future__ import annotations

import contextlib
import os
import selectors
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from engine.grade_sandboxed import grade
from engine.sandbox import SandboxConfig, WorkerPool, isolation, isolation_report
from engine.sandbox import bwrap as bwrap_module
from engine.sandbox.config import ENGINE_DIR, host_paths
from engine.sandbox.worker import CHILD_MARKER
from engine.verdict import Status
from tests.sandbox.conftest import skip_unless_bwrap_for
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import (
    GOOD,
    WARM_WITHIN_SECONDS,
    assert_clean,
    run_adversarial,
    shown,
)

DOUBLE = PatientDoubleChecker()
"""Every grading here is about a layer, not the deadline: with the drill's 1 s wall clock, a
busy machine (a load average past 10 on 2 cores) turned a pass, or the refusal a test looks
for, into a timeout. The CPU limit (3 s) still ends anything that runs away."""

ENGINE_FILE = ENGINE_DIR / "checkers" / "base.py"


def _layer(verdict_layers: list[str], name: str) -> str:
    (entry,) = [layer for layer in verdict_layers if layer.startswith(f"{name}:")]
    return entry


def test_every_verdict_lists_the_layers_it_had(pool: WorkerPool) -> None:
    verdict = grade(DOUBLE, GOOD, pool=pool)
    assert verdict.status is Status.PASSED
    layers = verdict.isolation
    assert _layer(layers, "process").startswith("process: a fresh `python -I -B`")
    rlimits = _layer(layers, "rlimits")
    assert "CPU 2 s soft / 3 s hard" in rlimits and "512 MiB" in rlimits
    assert "NOT verified" not in rlimits
    assert "60 s," in _layer(layers, "wall clock")
    assert _layer(layers, "audit hooks").startswith("audit hooks: no subprocesses")
    bubblewrap = _layer(layers, "bubblewrap")
    if pool.config.bwrap:
        assert bubblewrap.startswith("bubblewrap: no network, private PID")
    else:
        assert bubblewrap.startswith("bubblewrap: not active (turned off")
    assert _layer(layers, "results").startswith("results: length-prefixed")


@pytest.fixture
def bwrap_missing(monkeypatch: pytest.MonkeyPatch, full_pools: None) -> Iterator[None]:
    """This machine without a bwrap binary, for this process: once its pools are full, so
    that no spawner builds a session pool's worker meanwhile (one was built as "bwrap is not
    installed", and a later test on that pool was an internal error)."""
    monkeypatch.setattr("shutil.which", lambda name: None)
    bwrap_module.reset_bwrap_status()
    yield
    bwrap_module.reset_bwrap_status()


def test_without_bwrap_the_fallback_says_so(bwrap_missing: None) -> None:
    with WorkerPool(SandboxConfig(bwrap=None)) as pool:
        verdict = grade(DOUBLE, GOOD, pool=pool)
    assert verdict.status is Status.PASSED
    assert _layer(verdict.isolation, "bubblewrap") == (
        "bubblewrap: not active (bwrap is not installed (Debian package bubblewrap))"
    )
    report = isolation_report()
    assert _layer(report, "bubblewrap").startswith("bubblewrap: not active (bwrap is not installed")


def test_required_bwrap_that_is_missing_is_an_internal_error(bwrap_missing: None) -> None:
    with WorkerPool(SandboxConfig(bwrap=True)) as pool:
        verdict = grade(DOUBLE, GOOD, pool=pool)
    assert verdict.status is Status.INTERNAL
    assert "not your code" in verdict.summary
    assert "bubblewrap was required" in verdict.summary
    assert not any(layer.startswith("bubblewrap: no network") for layer in verdict.isolation)


@pytest.mark.usefixtures("full_pools")  # what it patches, a spawner would take
def test_env_switch_turns_bwrap_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRILLBIT_SANDBOX_BWRAP", "0")
    assert SandboxConfig().use_bwrap_requested() is False
    assert _layer(isolation_report(), "bubblewrap").startswith("bubblewrap: not active (turned off")


def test_numpy_failing_under_the_limits_is_internal() -> None:
    config = SandboxConfig(bwrap=False, address_space=48 * 1024 * 1024)
    with WorkerPool(config) as pool:
        verdict = grade(DOUBLE, GOOD, pool=pool)
        assert verdict.status is Status.INTERNAL, shown(verdict)
        assert "not your code" in verdict.summary
        assert_clean([pool])


def test_isolation_report_names_every_layer() -> None:
    report = isolation_report()
    names = [layer.split(":")[0] for layer in report]
    assert names[:6] == ["process", "rlimits", "wall clock", "audit hooks", "bubblewrap", "results"]
    status = bwrap_module.bwrap_status()
    assert _layer(report, "bubblewrap").startswith(
        "bubblewrap: no network" if status.active else "bubblewrap: not active"
    )


def test_hooks_off_is_reported(bare_bwrap_pool: WorkerPool) -> None:
    verdict = grade(DOUBLE, GOOD, pool=bare_bwrap_pool)
    assert verdict.status is Status.PASSED
    assert _layer(verdict.isolation, "audit hooks") == (
        "audit hooks: not active (disabled by configuration)"
    )
    assert _layer(verdict.isolation, "bubblewrap").startswith("bubblewrap: no network")


# bubblewrap alone (no audit hooks) still contains what the hooks would have refused.

BARE: list[tuple[str, str, Status, str]] = [
    (
        "detached-grandchild-dies-with-the-namespace",
        "import os, time\n"
        "if os.fork() == 0:\n"
        "    os.setsid()\n"
        "    if os.fork() == 0:\n"
        "        time.sleep(60)\n"
        "    os._exit(0)\n"
        "def double(x):\n"
        "    return 2 * x\n",
        Status.PASSED,
        "passed",
    ),
    (
        "segfault-through-ctypes",
        "import ctypes\n\ndef double(x):\n    return ctypes.string_at(1, 1)\n",
        Status.CRASHED,
        "SIGSEGV",
    ),
    (
        "engine-file-is-not-mounted",
        f"def double(x):\n    return open({str(ENGINE_FILE)!r}).read()\n",
        Status.ERROR,
        "No such file",
    ),
    (
        "import-engine",
        f"import sys\nsys.path.insert(0, {str(ENGINE_DIR.parent)!r})\nimport engine.grade_inprocess\n",
        Status.ERROR,
        "No module named 'engine'",
    ),
    (
        "write-into-the-project",
        f"def double(x):\n    open({str(ENGINE_DIR.parent / 'pwned.txt')!r}, 'w')\n",
        Status.ERROR,
        "Error",
    ),
    (
        "read-the-parents-environ",
        f"def double(x):\n    return open('/proc/{os.getpid()}/environ').read()\n",
        Status.ERROR,
        "No such file",
    ),
]


@pytest.mark.parametrize(
    ("source", "status", "phrase"), [pytest.param(s, st, ph, id=n) for n, s, st, ph in BARE]
)
def test_bwrap_alone(bare_bwrap_pool: WorkerPool, source: str, status: Status, phrase: str) -> None:
    run_adversarial(bare_bwrap_pool, source, status, phrase)
    assert not (ENGINE_DIR.parent / "pwned.txt").exists()


def test_bwrap_alone_hides_the_parent(
    bare_bwrap_pool: WorkerPool, sigusr1_received: list[int]
) -> None:
    source = f"import os, signal\n\ndef double(x):\n    os.kill({os.getpid()}, signal.SIGUSR1)\n"
    run_adversarial(bare_bwrap_pool, source, Status.ERROR, "ProcessLookupError")
    assert sigusr1_received == []


def test_bwrap_alone_has_no_network(bare_bwrap_pool: WorkerPool) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(4)
        port = listener.getsockname()[1]
        source = (
            "import socket\n\ndef double(x):\n"
            f"    socket.create_connection(('127.0.0.1', {port}), timeout=1).sendall(b'x')\n"
        )
        run_adversarial(bare_bwrap_pool, source, Status.ERROR, "ConnectionRefusedError")
        sel = selectors.DefaultSelector()
        sel.register(listener, selectors.EVENT_READ)
        assert sel.select(0.2) == []
        sel.close()


SHOW_PROC = """
def double(x):
    for path in ("/proc/1/cmdline", "/proc/self/cmdline", "/proc/self/mountinfo"):
        try:
            with open(path, "rb") as f:
                text = f.read().replace(b"\\0", b" ").replace(b"\\n", b" ").decode()
        except FileNotFoundError:
            text = "(absent)"
        print(path, text)
    return 2 * x
"""


@pytest.mark.parametrize("mode", ["bwrap", "seccomp-alone"])
def test_the_command_lines_and_mounts_name_no_host_path(
    bare_bwrap_pool: WorkerPool, mode: str
) -> None:
    """Under bubblewrap, /proc/1/cmdline was bwrap's (its pid 1): it listed every mount's host
    path (the checkout, numpy in the venv, the user's home), and /proc/self/mountinfo named
    each bind mount's source (numpy in the checkout's venv, the bytecode cache). The options
    now come from a descriptor (bwrap's --args) and the sandbox has no /proc at all. The
    child's own command line listed its whole configuration (the grader's paths, the work
    dir) and the sources it runs: they come from a descriptor too."""
    numpy_dir = host_paths().numpy_dir
    if mode == "bwrap":
        verdict = grade(DOUBLE, SHOW_PROC, pool=bare_bwrap_pool)
    else:  # /proc/1 is this machine's init there: only the child's own line is the grader's
        config = SandboxConfig(bwrap=False, landlock=False, audit_hooks=False)
        with WorkerPool(config) as pool:
            verdict = grade(DOUBLE, SHOW_PROC, pool=pool)
    assert verdict.passed, shown(verdict)
    lines = verdict.stdout.splitlines()[:3]
    assert [line.split(" ", 1)[0] for line in lines] == [
        "/proc/1/cmdline",
        "/proc/self/cmdline",
        "/proc/self/mountinfo",
    ]
    if mode == "bwrap":
        assert [line.split(" ", 1)[1] for line in lines] == ["(absent)"] * 3, lines
        return
    # without bubblewrap the interpreter is the venv's, in the checkout: its path stays
    own = lines[1]
    for secret in ["--ro-bind", '"forbidden"', "REFUSED_EVENTS", numpy_dir]:
        assert secret not in own, (secret, own[:300])
    assert len(own) < 2000, own[:300]


# The walk runs at every case, over some 70,000 objects: each step is kept to a set look-up
# and a type's (the needles themselves are skipped by their ids, in `seen` from the start,
# and a string is searched for each needle without a generator). Written with `any(...)` and
# `found.update(...)` generators, the four walks took a third of the CPU limit under bwrap.
FIND_IN_MEMORY = """
import gc, sys

def double(x):
    path, marker = "/".join({checkout!r}), ":".join({marker!r})
    seen, found = {{id(path), id(marker)}}, set()
    containers = {{dict, list, tuple, set, frozenset}}
    referents = gc.get_referents
    todo = [vars(m) for m in list(sys.modules.values())] + gc.get_objects()
    pop, extend, add = todo.pop, todo.extend, seen.add
    while todo:
        obj = pop()
        if id(obj) in seen:
            continue
        add(id(obj))
        kind = type(obj)
        if kind is str:
            if path in obj:
                found.add(path)
            if marker in obj:
                found.add(marker)
        elif kind in containers:
            extend(referents(obj))
    if found:
        raise ValueError(f"found {{sorted(found)}}")
    return 2 * x
"""


def test_the_childs_memory_names_no_host_path_under_bwrap(bare_bwrap_pool: WorkerPool) -> None:
    """The launcher's globals held the configuration, with the checkout's paths (the grader's
    files the hooks refuse, their probe) and the app's pid (the command line's marker): a
    submission under bubblewrap read them with `sys.modules["__main__"]._cfg`, though the
    sandbox hides every host path but the interpreter's. Strings in every module's globals
    and every tracked object are searched."""
    checkout = str(ENGINE_DIR.parent).split("/")
    marker = [CHILD_MARKER, str(os.getpid())]
    source = FIND_IN_MEMORY.format(checkout=checkout, marker=marker)
    verdict = grade(DOUBLE, source, pool=bare_bwrap_pool)
    assert verdict.passed, shown(verdict)


def _descendants(pid: int) -> list[int]:
    """`pid`'s children, theirs, and so on (from /proc/<pid>/task/*/children)."""
    found: list[int] = []
    todo = [pid]
    while todo:
        parent = todo.pop()
        for children in Path(f"/proc/{parent}/task").glob("*/children"):
            with contextlib.suppress(OSError):
                kids = [int(k) for k in children.read_text().split()]
                found.extend(kids)
                todo.extend(kids)
    return found


def test_bwrap_gives_the_child_namespaces_of_its_own(bare_bwrap_pool: WorkerPool) -> None:
    """The README names private IPC and UTS namespaces besides PID and network: the waiting
    child's namespace links, read from outside, differ from this process's for each one."""
    assert bare_bwrap_pool.wait_warm(timeout=WARM_WITHIN_SECONDS)
    kinds = ("ipc", "uts", "pid", "net", "mnt", "user")
    ours = {kind: os.readlink(f"/proc/self/ns/{kind}") for kind in kinds}
    children = [
        child
        for pid in bare_bwrap_pool.warm_pids
        for child in _descendants(pid)
        if CHILD_MARKER.encode() in Path(f"/proc/{child}/cmdline").read_bytes()
    ]
    assert children, "no sandbox child under the warm workers"
    for child in children:
        theirs = {kind: os.readlink(f"/proc/{child}/ns/{kind}") for kind in kinds}
        assert [kind for kind in kinds if theirs[kind] == ours[kind]] == []


VERDICT_CLAIMS: dict[str, str] = {
    "new processes (threads allowed)": "test_kernel_layers.py::test_threads_still_work",
    "exec": "test_kernel_layers.py::test_the_kernel_refuses_without_the_hooks",
    "sockets": "test_kernel_layers.py::test_the_kernel_refuses_without_the_hooks",
    "signals": "test_kernel_layers.py::test_the_grading_app_cannot_be_signalled",
    "(a descriptor's owner included)": "test_other_processes.py::test_the_grading_app_cannot_be_signalled_through_a_file_owner",
    "pidfds": "test_kernel_layers.py::test_the_grading_app_cannot_be_signalled",
    "ptrace": "test_kernel_layers.py::test_the_kernel_refuses_without_the_hooks",
    "scheduling changes to other processes": "test_other_processes.py::test_the_grading_app_keeps_its_scheduling",
    "CPU clocks": "test_other_clocks.py::test_another_process_cpu_clock_is_refused",
    "System V and POSIX message IPC": "test_other_processes.py::test_no_ipc_object_outlives_the_grading",
    "mknod": "test_kernel_layers.py::test_the_kernel_refuses_without_the_hooks",
    "mount": "test_kernel_layers.py::test_the_kernel_refuses_without_the_hooks",
    "namespaces": "test_kernel_layers.py::test_the_kernel_refuses_without_the_hooks",
    "changing limits": "test_kernel_layers.py::test_the_kernel_refuses_without_the_hooks",
    "installing signal handlers": "test_signal_handlers.py::test_the_kernel_refuses_a_handler_however_signal_is_reached",
    "file modes, owners, times": "test_lasting_changes.py::test_no_file_mode_owner_or_time_changes",
    "attributes (read or changed)": "test_file_metadata.py::test_no_extended_attribute_is_read_by_path",
    "flags": "test_lasting_changes.py::test_no_extended_attributes_or_truncation_by_path",
    "leases": "test_lasting_changes.py::test_no_lease_on_a_shared_file",
    "creating a set-user-ID or set-group-ID file": "test_lasting_changes.py::test_no_set_user_or_group_id_file_is_created",
    "blocks past a file's end": "test_work_dir.py::test_no_blocks_past_a_files_end",
    "watching folders": "test_lasting_changes.py::test_no_watch_on_the_users_folders",
    "inotify instances": "test_per_user_counts.py::test_no_inotify_instance_is_made",
    "(dnotify too)": "test_folder_watch.py::test_seccomp_refuses_a_folder_watch",
    "growing a pipe": "test_per_user_counts.py::test_no_pipe_is_grown",
    "its own SIGXCPU, SIGKILL or SIGSYS": "test_filter_signal.py::test_the_child_cannot_send_itself_the_filters_signal",
    "(a timer's included)": "test_timers.py::test_a_timer_cannot_send_the_limits_signals",
    "typing into a terminal": "test_terminal_input.py::test_terminal_input_requests_are_refused",
    "or changing its settings or size": "test_terminal_input.py::test_no_terminal_of_the_users_is_changed",
    "the clock and the other powers of root": "test_lasting_changes.py::test_no_root_powers_over_the_machine",
    "the machine's load, memory": "test_machine_load.py::test_seccomp_refuses_sysinfo",
    "and disk space": "test_machine_load.py::test_seccomp_refuses_statfs",
    "probing the page cache": "test_machine_load.py::test_seccomp_refuses_the_page_cache_probe",
    "the machine's network interfaces and addresses": "test_network_interfaces.py::test_seccomp_refuses_questions_about_the_network",
}
"""Each refusal the verdict's (and `drillbit doctor`'s) seccomp line names -> a test that makes
the call in a real child and sees the kernel refuse it."""
SECCOMP_GLUE = {"seccomp:", "the", "kernel", "refuses", "and", "to", "other", "processes"}
"""The words of the seccomp line that name no refusal of their own."""


HOOK_CLAIMS: dict[str, str] = {
    "subprocesses": "test_adversarial.py::test_submission[subprocess]",
    "fork/exec": "test_adversarial.py::test_submission[fork-bomb]",
    "sockets": "test_adversarial.py::test_socket_to_a_loopback_listener",
    "ctypes": "test_adversarial.py::test_submission[segfault-through-ctypes]",
    "CPython's test modules": "test_test_modules.py::test_the_interpreters_test_modules_are_refused_where_the_hooks_are_alone",
    "signals to other processes": "test_adversarial.py::test_kill_the_parent",
    "(pidfds and a descriptor's owner included)": "test_signal_handlers.py::test_no_other_process_can_be_signalled_without_seccomp",
    "priority or scheduling changes to other processes": "test_signal_handlers.py::test_no_other_process_is_rescheduled_without_seccomp",
    "signal handlers": "test_signal_handlers.py::test_a_handler_cannot_reach_the_graders_frames",
    "second copies of _signal, _imp, gc": "test_signal_handlers.py::test_every_way_to_a_second_signal_module_is_refused",
    "and posix": "test_signal_handlers.py::test_no_other_process_can_be_signalled_without_seccomp",
    "gc.DEBUG_SAVEALL": "test_grader_in_reach.py::test_the_collectors_kept_garbage_holds_no_frame_of_the_graders",
    "tracing": "test_layers.py::test_the_hooks_refuse_tracing_and_the_collectors_lists",
    "profiling": "test_test_modules.py::test_the_profiler_is_importable_but_cannot_profile",
    "monitoring": "test_signal_handlers.py::test_a_monitoring_callback_is_refused_where_python_has_them",
    "and audit hooks of the code's": "test_grader_in_reach.py::test_an_audit_hook_of_the_codes_is_not_added",
    "stack frames": "test_adversarial.py::test_submission[hook-frame-read-from-a-traceback]",
    "where coroutines were made": "test_fast_path_finalizers_and_hooks.py::test_where_coroutines_were_made_names_no_place_of_the_graders",
    "(and of sys": "test_fast_path_finalizers_and_hooks.py::test_where_coroutines_were_made_names_no_place_of_the_graders",
    "and _tracemalloc)": "test_fast_path_finalizers_and_hooks.py::test_where_memory_was_allocated_names_no_place_of_the_graders",
    "where memory was allocated": "test_fast_path_finalizers_and_hooks.py::test_where_memory_was_allocated_names_no_place_of_the_graders",
    "the collector's lists of objects": "test_layers.py::test_the_hooks_refuse_tracing_and_the_collectors_lists",
    "links": "test_adversarial.py::test_submission[symlink-to-the-engine]",
    "file modes": "test_adversarial.py::test_submission[chmod-in-the-work-dir]",
    "C extensions from the work dir": "test_native_code.py::test_an_extension_written_into_the_work_dir_is_not_loaded",
    "flushing every disk": "test_numpy_side_doors.py::test_numpys_doors_to_what_the_sandbox_refuses_stay_shut[os-sync]",
    "terminals": "test_terminal_input.py::test_the_hooks_refuse_a_terminal_where_seccomp_is_missing",
    "devices and FIFOs": "test_devices.py::test_no_device_opens_without_a_file_layer",
    "the machine's network interfaces": "test_network_interfaces.py::test_the_hooks_refuse_questions_about_the_network_without_seccomp",
    "the machine's load, memory": "test_machine_load.py::test_the_hooks_refuse_the_machines_load_and_free_memory",
    "and disk space": "test_machine_load.py::test_the_hooks_refuse_the_disks_free_space",
    "the page cache": "test_machine_load.py::test_the_hooks_refuse_the_page_cache_probe",
    "faulthandler's handlers and watchdog": "test_signal_handlers.py::test_faulthandlers_handlers_and_watchdog_are_refused_by_the_hooks",
    "(and stack dumps)": "test_fast_path_finalizers_and_hooks.py::test_a_stack_dump_names_no_place_of_the_graders",
    "folder watches (F_NOTIFY)": "test_folder_watch.py::test_the_hooks_refuse_a_folder_watch_without_seccomp",
    "writes outside the work dir": "test_adversarial.py::test_writes_into_home",
    "reading/importing engine and quiz": "test_adversarial.py::test_submission[import-engine]",
    "the app's data folder": "test_spawns_frames_and_the_data_folder.py::test_the_app_s_data_folder_is_not_read",
    "_thread": "test_thread_stacks.py::test_other_ways_to_a_small_stack_are_refused",
}
"""Each refusal the audit-hook line names (the same in every mode that has the hooks) -> a
test that makes the call in a real child with the hooks and sees it refused."""
HOOKS_GLUE = {"audit", "hooks:", "no", "or"}
"""The words of the audit-hook line that name no refusal of their own."""


def _assert_each_claim_tested(line: str, claims: dict[str, str], glue: set[str]) -> None:
    """Each claim is in the line and names a test that exists (`module::name` or
    `module::name[case id]`); no word of the line is left without a claim."""
    for claim, test in claims.items():
        assert claim in line, f"the line no longer says {claim!r}: {line}"
        module, _, name = test.partition("::")
        name, _, case = name.partition("[")
        source = (Path(__file__).parent / module).read_text()
        assert f"def {name}(" in source, f"{test} is gone"
        assert not case or f'"{case[:-1]}"' in source, f"{test}: no case {case[:-1]!r}"
    for claim in sorted(claims, key=len, reverse=True):
        line = line.replace(claim, " ")
    left = set(line.replace(",", " ").replace(";", " ").split()) - glue
    assert not left, f"the line names {sorted(left)} without a test"


def test_every_refusal_the_verdict_names_has_its_test() -> None:
    """The line named chmod but not the set-user-ID create refusal added beside it: every
    phrase now maps to a test, and a phrase added to the line without one fails here."""
    _assert_each_claim_tested(isolation.SECCOMP, VERDICT_CLAIMS, SECCOMP_GLUE)


def test_every_refusal_the_hooks_line_names_has_its_test() -> None:
    """The audit-hook line still said only "subprocesses ... signals to other processes"
    after the hooks came to refuse pidfds, a descriptor's owner, other processes' scheduling,
    signal handlers, module copies, DEBUG_SAVEALL and the code's own audit hooks: it names
    each now, and each name maps to a test."""
    _assert_each_claim_tested(isolation.HOOKS, HOOK_CLAIMS, HOOKS_GLUE)


def test_the_hooks_refuse_tracing_and_the_collectors_lists(pool: WorkerPool) -> None:
    """`sys.settrace` (a trace function sees the grader's frames) and the collector's lists
    of objects (the grader's among them) are refused in plain words."""
    message = shown(
        grade(
            PatientDoubleChecker(),
            "import gc, sys\n\n"
            "def attempt(call):\n"
            "    try:\n"
            "        call()\n"
            "    except PermissionError as exc:\n"
            "        return str(exc)\n"
            "    return 'allowed'\n\n"
            "FOUND = [attempt(lambda: sys.settrace(lambda *a: None)),\n"
            "         attempt(gc.get_objects), attempt(lambda: gc.get_referrers(sys))]\n\n"
            "def double(x):\n"
            "    raise RuntimeError('found ' + repr(FOUND))\n",
            seed=1,
            pool=pool,
        )
    )
    objects = "drillbit sandbox: inspecting the grader's objects is not allowed in a drill"
    found = ["drillbit sandbox: tracing hooks is not allowed in a drill", objects, objects]
    assert f"found {found!r}" in message, message


WALK_THE_CACHE = """
import os, pickle, stat
import numpy

def double(x):
    for fd in range(3, 4096):  # the cache reaches the child as mounts, no descriptor of it
        try:
            folder = stat.S_ISDIR(os.fstat(fd).st_mode)
        except OSError:
            continue
        if folder:
            raise ValueError(f"descriptor {{fd}} is a folder: {{sorted(os.listdir(fd))}}")
    checkout = "/".join({checkout!r})
    for folder, dirs, files in os.walk({cache!r}):
        if checkout in folder or any(checkout in os.path.join(folder, d) for d in dirs):
            raise ValueError(f"the cache names the checkout: {{folder}} {{dirs}}")
    for module in (numpy, pickle):  # pickle: a stdlib module numpy imports (os is frozen)
        if not module.__spec__.cached.startswith({cache!r} + "/"):
            raise ValueError(f"{{module.__name__}} is not cached there: {{module.__spec__.cached}}")
        if not os.path.exists(module.__spec__.cached):
            raise ValueError(f"no bytecode for {{module.__name__}}: {{module.__spec__.cached}}")
    return 2 * x
"""


@pytest.mark.usefixtures("own_pycache")
def test_the_bytecode_cache_names_no_host_path_under_bwrap() -> None:
    """The whole cache was mounted, and it keeps numpy at its real path too (for the children
    without bubblewrap): a submission listing it read the checkout's path, which the sandbox
    otherwise hides. Only numpy's sandbox layout and the stdlib are mounted now, and the
    child still finds numpy's and the stdlib's bytecode there. The cache is handed to bwrap
    by descriptors, which bwrap consumes: the tree's own, left open, listed the checkout.

    A cache of the test's own and a pool started after it: the shared cache, retired by
    another worker's grading and being rebuilt, left a child without bytecode once."""
    skip_unless_bwrap_for("bwrap")
    source = WALK_THE_CACHE.format(
        checkout=str(ENGINE_DIR.parent).split("/"), cache=bwrap_module.SANDBOX_PYCACHE
    )
    with WorkerPool(SandboxConfig(bwrap=True, audit_hooks=False, seccomp=False)) as pool:
        verdict = grade(DOUBLE, source, pool=pool)
    assert verdict.passed, shown(verdict)
