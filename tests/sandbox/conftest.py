"""Sandbox fixtures: one warm pool per isolation mode, shared by the whole session."""

from __future__ import annotations

import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from engine.sandbox import SandboxConfig, WorkerPool, pycache
from engine.sandbox.bwrap import SANDBOX_SITE, bwrap_status
from tests.sandbox.helpers import LIVE_POOLS, wait_for_full_pools

BWRAP = bwrap_status()


def skip_unless_bwrap_for(mode: str) -> None:
    """Skip a test of the bubblewrap mode on a machine where bubblewrap cannot run (CI has it,
    so there nothing is skipped); the other modes run everywhere."""
    if mode == "bwrap" and not BWRAP.active:
        pytest.skip(f"bubblewrap is not usable here: {BWRAP.reason}")


@pytest.fixture(scope="session", params=["bwrap", "no-bwrap"])
def pool(request: pytest.FixtureRequest) -> Iterator[WorkerPool]:
    """A pool with every layer this machine has, and one with bubblewrap forced off."""
    skip_unless_bwrap_for(request.param)
    with WorkerPool(SandboxConfig(bwrap=request.param == "bwrap"), size=2) as p:
        LIVE_POOLS.append(p)
        yield p


@pytest.fixture(scope="session")
def bare_bwrap_pool() -> Iterator[WorkerPool]:
    """bubblewrap alone, without the audit hooks or seccomp: shows that layer holds by itself."""
    skip_unless_bwrap_for("bwrap")
    with WorkerPool(SandboxConfig(bwrap=True, audit_hooks=False, seccomp=False)) as p:
        LIVE_POOLS.append(p)
        yield p


@pytest.fixture(scope="session", params=["bwrap", "landlock", "seccomp-alone"])
def mode_pool(request: pytest.FixtureRequest) -> Iterator[tuple[str, WorkerPool]]:
    """Each isolation mode the README names, without the audit hooks: what a test then sees
    refused is refused by the kernel layers alone."""
    mode = request.param
    skip_unless_bwrap_for(mode)
    config = SandboxConfig(bwrap=mode == "bwrap", landlock=mode == "landlock", audit_hooks=False)
    with WorkerPool(config) as pool:
        LIVE_POOLS.append(pool)
        yield mode, pool


@pytest.fixture(scope="session", params=["bwrap", "landlock", "hooks-alone"])
def no_seccomp_pool(request: pytest.FixtureRequest) -> Iterator[tuple[str, WorkerPool]]:
    """Each mode a machine without libseccomp runs in (bubblewrap, Landlock, nothing), with
    the audit hooks: what a test then sees refused is refused without the seccomp filter."""
    mode = request.param
    skip_unless_bwrap_for(mode)
    config = SandboxConfig(bwrap=mode == "bwrap", landlock=mode == "landlock", seccomp=False)
    with WorkerPool(config) as pool:
        LIVE_POOLS.append(pool)
        yield mode, pool


@pytest.fixture
def sigusr1_received() -> Iterator[list[int]]:
    """Records SIGUSR1 deliveries to this process (a harmless stand-in for killing the app)."""
    received: list[int] = []
    old = signal.signal(signal.SIGUSR1, lambda signum, frame: received.append(signum))
    yield received
    signal.signal(signal.SIGUSR1, old)


@pytest.fixture
def full_pools() -> None:
    """Every pool of this process warm, its spawner idle: for tests that change what the
    workers are built from for the whole process (`tempfile`'s dir, the cache's state,
    bwrap's status), which a replacement built meanwhile would take."""
    wait_for_full_pools()


@pytest.fixture
def own_pycache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, full_pools: None
) -> Iterator[Path]:
    """A bytecode cache of this test's own, for the workers its pools start from now on.

    The shared one (one per user) is retired by any grading whose children could write it
    (another xdist worker's seccomp-alone test), and a child started while it is rebuilt
    runs without one, by design: a test that looks at the cache's contents must not see
    that race. The shared cache is never damaged by a failing test either."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(pycache, "_state", {})
    built = pycache.ready_cache(SANDBOX_SITE)
    assert built is not None and str(built).startswith(str(tmp_path))
    yield built
    pycache._state.clear()
