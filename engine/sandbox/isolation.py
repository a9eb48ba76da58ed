"""Which isolation layers are active: per verdict (verified by the child) and for this machine."""

from __future__ import annotations

import sys
from typing import Any

from engine.sandbox.bwrap import bwrap_status, sandbox_paths_note
from engine.sandbox.config import MiB, SandboxConfig, host_paths, seccomp_support
from engine.sandbox.pool import start_worker
from engine.sandbox.room import room_hint
from engine.sandbox.worker import Worker

PROCESS = "process: a fresh `python -I -B` per submission, own session, temp work dir, allow-listed environment"
RESULTS = (
    "results: length-prefixed JSON and bulk frames on a dedicated one-way socket (array dtypes and shapes"
    " checked against a fixed table), 8 MiB bound, never unpickled"
)
HOOKS = (
    "audit hooks: no subprocesses, fork/exec, sockets, ctypes, CPython's test modules,"
    " signals to other processes (pidfds and a descriptor's owner included), priority or"
    " scheduling changes to other processes, signal handlers, second copies of _signal, _imp,"
    " gc and posix (and of sys, _thread and _tracemalloc), gc.DEBUG_SAVEALL, tracing, profiling,"
    " monitoring and audit hooks of the code's, stack frames, where coroutines were made, where"
    " memory was allocated, the collector's lists of objects, links, file modes,"
    " C extensions from the work dir, flushing every disk, terminals, devices and FIFOs,"
    " the machine's network interfaces,"
    " the machine's load, memory and disk space, the page cache,"
    " faulthandler's handlers and watchdog (and stack dumps), folder watches (F_NOTIFY),"
    " writes outside the work dir, the app's data folder, or reading/importing engine and quiz"
)
BWRAP = "bubblewrap: no network, private PID/IPC/UTS namespaces"
SECCOMP = (
    "seccomp: the kernel refuses new processes (threads allowed), exec, sockets, signals"
    " (a descriptor's owner included), pidfds, ptrace, CPU clocks and scheduling changes to other"
    " processes,"
    " System V and POSIX message IPC, mknod, mount, namespaces and changing limits;"
    " its own SIGXCPU, SIGKILL or SIGSYS (a timer's included); installing signal handlers; file"
    " modes, owners, times, attributes (read or changed), flags and leases; creating a"
    " set-user-ID or set-group-ID file; blocks past a file's end; growing a pipe;"
    " watching folders (dnotify too) and inotify instances; typing into a"
    " terminal or changing its settings or size; the machine's load, memory and disk space;"
    " probing the page cache; the machine's network interfaces and addresses;"
    " the clock and the other powers of root"
)
LANDLOCK = (
    "landlock: the kernel lets the code read only the stdlib, numpy and system libraries"
    " and write only its work dir"
)
UNCONFINED = (
    "warning: no kernel-enforced layer is active here: your code ran with your user's rights"
    " and can read (and change) your files; only the audit hooks stood in its way"
    " (`drillbit doctor` says how to get the missing layers)"
)
SELF_CHECKS = (
    "note: 'changed an input in place' and 'numpy reported overflow' are measured inside the"
    " child (with private references to numpy, counters that only go up, frames out of reach):"
    " best-effort self-checks that code in the same process could still defeat; every output"
    " is judged here, in the parent"
)
FILES_READABLE = (
    "warning: the file system is not restricted by the kernel here (no bubblewrap or Landlock):"
    " your code could read and change your files (the grader's own answers among them: a pass"
    " here can be faked), and, through /proc/<pid>/mem, read and"
    " rewrite the memory of your other processes, and so act through them (not this app's: it"
    " made itself undumpable; nor a waiting sandbox child's or its work dir, though one"
    " starting beside it can be reached for a moment) (`drillbit doctor` says how to get the"
    " missing layers)"
)


def kernel_layers(
    config: SandboxConfig, bwrap_active: bool, kernel: dict[str, Any] | None
) -> list[str]:
    """seccomp and Landlock as the child reported them (None: not run yet), plus a warning when unconfined."""
    kernel = kernel or {}
    layers = []
    state = kernel.get("seccomp")
    if state == "verified":
        layers.append(SECCOMP)
    elif not config.seccomp:
        layers.append("seccomp: not active (disabled by configuration)")
    elif seccomp_support().reason:
        layers.append(f"seccomp: not active ({seccomp_support().reason})")
    else:
        layers.append(f"seccomp: not active ({state or 'not reported by the sandbox'})")
    lock = kernel.get("landlock")
    if bwrap_active:
        layers.append("landlock: not needed (bubblewrap mounts only what the code may read)")
    elif not config.landlock:
        layers.append("landlock: not active (disabled by configuration)")
    elif not sys.platform.startswith("linux"):
        layers.append(f"landlock: not available on {sys.platform}")
    elif isinstance(lock, str) and lock.startswith("abi "):
        layers.append(f"{LANDLOCK} ({lock.replace('abi', 'ABI')})")
    else:
        layers.append(f"landlock: not active ({lock or 'not reported by the sandbox'})")
    files = bwrap_active or layers[1].startswith("landlock: the kernel")
    if not files and not layers[0].startswith("seccomp: the kernel"):
        layers.append(UNCONFINED)
    elif not files:
        layers.append(FILES_READABLE)
    return layers


def _rlimit_text(config: SandboxConfig, verified: dict[str, Any] | None) -> str:
    """The rlimits, listing only those the child read back as set (when it reported them)."""
    wanted = config.rlimits()
    parts = {
        "RLIMIT_CPU": f"CPU {config.cpu_soft_s} s soft / {config.cpu_hard_s} s hard",
        "RLIMIT_AS": f"address space {config.address_space // MiB} MiB",
        "RLIMIT_FSIZE": f"file size {config.file_size // MiB} MiB",
        "RLIMIT_NOFILE": f"{config.open_files} open files",
        "RLIMIT_CORE": "no core files",
        "RLIMIT_SIGPENDING": f"queued signals {config.queued_signals}",
        "RLIMIT_RTPRIO": "real-time priority 0",
        "RLIMIT_NICE": "priority ceiling 0",
    }
    shown = []
    for name, text in parts.items():
        if name not in wanted:
            shown.append(f"no {text.split(' ')[0]} limit on {sys.platform}")
        elif verified is None or list(verified.get(name, ())) == list(wanted[name]):
            shown.append(text)
        else:
            shown.append(f"{text} NOT verified")
    return "rlimits: " + ", ".join(shown)


def verified_layers(worker: Worker, timeout_s: float) -> list[str]:
    """The layers this worker's child confirmed (hooks, rlimits) or the parent enforced."""
    ready = worker.ready or {}
    layers = [PROCESS, _rlimit_text(worker.config, ready.get("rlimits"))]
    layers.append(f"wall clock: {timeout_s:g} s, then SIGKILL to the whole process group")
    if not worker.config.audit_hooks:
        layers.append("audit hooks: not active (disabled by configuration)")
    elif ready.get("hooks") is True:
        layers.append(HOOKS)
    else:
        layers.append("audit hooks: not active (their self-check failed)")
    if worker.bwrap is not None:
        layers.append(f"{BWRAP}; {sandbox_paths_note(host_paths())}")
    else:
        layers.append(f"bubblewrap: not active ({bwrap_reason(worker.config)})")
    layers.append(RESULTS)
    kernel = ready.get("kernel") if isinstance(ready.get("kernel"), dict) else None
    layers += kernel_layers(worker.config, worker.bwrap is not None, kernel or {})
    layers.append(SELF_CHECKS)
    return layers


def bwrap_reason(config: SandboxConfig) -> str:
    """Why the bubblewrap layer is off for this configuration."""
    requested = config.use_bwrap_requested()
    if requested is False:
        return "turned off (bwrap=False or DRILLBIT_SANDBOX_BWRAP=0)"
    status = bwrap_status()
    return status.reason if not status.active else "active"


def isolation_report(config: SandboxConfig | None = None) -> list[str]:
    """What this machine can provide, for `drillbit doctor`-like messages (runs the bwrap canary once)."""
    config = config or SandboxConfig()
    layers = [
        PROCESS,
        _rlimit_text(config, None),
        "wall clock: per-drill deadline, then SIGKILL to the whole process group",
    ]
    layers.append(
        HOOKS if config.audit_hooks else "audit hooks: not active (disabled by configuration)"
    )
    requested = config.use_bwrap_requested()
    status = bwrap_status()
    if requested is not False and status.active:
        layers.append(f"{BWRAP}; {sandbox_paths_note(host_paths())} ({status.reason})")
    else:
        layers.append(f"bubblewrap: not active ({bwrap_reason(config)})")
    layers.append(RESULTS)
    return layers


def probe_layers(config: SandboxConfig, timeout_s: float = 5.0) -> tuple[list[str], str | None]:
    """Start one sandbox child with `config`: the layers it verified, or why it could not start."""
    try:
        worker = start_worker(config)
    except OSError as error:  # no temporary folder, no room on the disk, no process
        hint = room_hint(str(error))
        return [], f"{error}; {hint}" if hint else str(error)
    try:
        if worker.ready is None:
            return [], worker.failure or "the sandbox did not start"
        return verified_layers(worker, timeout_s), None
    finally:
        worker.close()
