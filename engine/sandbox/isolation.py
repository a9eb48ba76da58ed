"""Which isolation layers are active: per verdict (verified by the child) and for this machine."""

from __future__ import annotations

import sys
from typing import Any

from engine.sandbox.bwrap import bwrap_status, sandbox_paths_note
from engine.sandbox.config import MiB, SandboxConfig, host_paths
from engine.sandbox.worker import Worker

PROCESS = "process: a fresh `python -I -B` per submission, own session, temp work dir, allow-listed environment"
RESULTS = (
    "results: length-prefixed JSON/.npy frames on a dedicated pipe, 8 MiB bound, never unpickled"
)
HOOKS = (
    "audit hooks: no subprocesses, fork/exec, sockets, ctypes, signals to other processes,"
    " writes outside the work dir, or reading/importing engine and quiz"
)
BWRAP = "bubblewrap: no network, private PID/IPC/UTS namespaces"


def _rlimit_text(config: SandboxConfig, verified: dict[str, Any] | None) -> str:
    """The rlimits, listing only those the child read back as set (when it reported them)."""
    wanted = config.rlimits()
    parts = {
        "RLIMIT_CPU": f"CPU {config.cpu_soft_s} s soft / {config.cpu_hard_s} s hard",
        "RLIMIT_AS": f"address space {config.address_space // MiB} MiB",
        "RLIMIT_FSIZE": f"file size {config.file_size // MiB} MiB",
        "RLIMIT_NOFILE": f"{config.open_files} open files",
        "RLIMIT_CORE": "no core files",
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
