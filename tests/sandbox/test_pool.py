"""The warm worker pool and the public grade() call: threads, closing, cold grading, seeds.

The pool is under test, not a wall clock: the gradings use the patient 60 s one, as right
answers graded on DoubleChecker's 1 s used up to 49% of it (their loading stalled) in
flaky53's audit at a load average of 13-18."""

from __future__ import annotations

import fcntl
import os
import socket
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import pytest

from engine.checkers.base import Case
from engine.grade_sandboxed import grade
from engine.sandbox import SandboxConfig, SandboxUnavailableError, WorkerPool, default_pool
from engine.sandbox import pycache as pycache_module
from engine.sandbox import worker as worker_module
from engine.sandbox.config import landlock_abi
from engine.sandbox.worker import Worker
from engine.verdict import Status
from tests.sandbox.drills import DoubleChecker
from tests.sandbox.helpers import (
    GOOD,
    PATIENT_DOUBLE,
    WARM_WITHIN_SECONDS,
    assert_clean,
    leftover_dirs,
)


def test_concurrent_grades_from_threads(pool: WorkerPool) -> None:
    statuses: list[Status] = []
    lock = threading.Lock()

    def work() -> None:
        verdict = grade(PATIENT_DOUBLE, GOOD, pool=pool)
        with lock:
            statuses.append(verdict.status)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert statuses == [Status.PASSED] * 4
    assert_clean([pool])


def test_each_submission_gets_a_fresh_process(pool: WorkerPool) -> None:
    source = (
        "import os\nMARK = os.path.exists('mark')\nopen('mark', 'w').close()\n"
        "def double(x):\n    assert not MARK, 'state leaked from an earlier submission'\n"
        "    return 2 * x\n"
    )
    assert grade(PATIENT_DOUBLE, source, pool=pool).status is Status.PASSED
    assert grade(PATIENT_DOUBLE, source, pool=pool).status is Status.PASSED


def test_close_kills_the_warm_worker_and_refuses_more() -> None:
    pool = WorkerPool()
    assert pool.wait_warm(WARM_WITHIN_SECONDS)
    (pid,) = pool.warm_pids
    pool.close()
    assert not os.path.exists(f"/proc/{pid}") or "Z" in open(f"/proc/{pid}/stat").read().split()[2]
    with pytest.raises(SandboxUnavailableError):
        pool.acquire()
    late = grade(PATIENT_DOUBLE, GOOD, pool=pool)
    assert late.status is Status.INTERNAL
    assert "pool is closed" in late.summary and "not your code" in late.summary
    pool.close()  # idempotent


def test_cold_grade_without_a_pool() -> None:
    verdict = grade(PATIENT_DOUBLE, GOOD)
    assert verdict.status is Status.PASSED
    assert verdict.duration_ms > 0
    assert_clean([])


def test_seed_is_reported_and_replays(pool: WorkerPool) -> None:
    first = grade(PATIENT_DOUBLE, GOOD, pool=pool)
    assert isinstance(first.seed, int)
    again = grade(PATIENT_DOUBLE, GOOD, pool=pool, seed=first.seed)
    assert [c.inputs for c in again.cases] == [c.inputs for c in first.cases]
    other = grade(PATIENT_DOUBLE, GOOD, pool=pool, seed=first.seed + 1, params={"n": 6})
    assert len(other.cases) == 6


def test_default_pool_is_shared() -> None:
    pool = default_pool()
    try:
        assert default_pool() is pool
        assert grade(PATIENT_DOUBLE, GOOD, pool=pool).status is Status.PASSED
    finally:
        pool.close()
    assert default_pool() is not pool
    default_pool().close()


def test_the_next_worker_starts_once_the_running_one_is_done() -> None:
    """No replacement competes with a running submission for the CPU; a waiting caller still gets one."""
    with WorkerPool(size=1) as pool:
        assert pool.wait_warm(WARM_WITHIN_SECONDS)
        first = pool.acquire()
        with pool._cond:
            assert not pool._should_spawn()  # a submission runs and nobody waits
        got: list[object] = []
        waiter = threading.Thread(target=lambda: got.append(pool.acquire()))
        waiter.start()  # someone waiting: a worker is started for them at once
        waiter.join(60)
        assert len(got) == 1 and got[0] is not first
        first.close()
        second = got[0]
        assert isinstance(second, Worker)
        with pool._cond:
            assert not pool._should_spawn()  # the second one still runs
        second.close()
        assert pool.wait_warm(WARM_WITHIN_SECONDS)
    assert_clean([pool])


class _OwnHarness(DoubleChecker):
    """`call` by name, but the job carries a different text: the child must run the job's."""

    def harness_source(self) -> str:
        return super().harness_source().replace('return {"out": ', 'return {"out": 0.5 * ')


def test_a_precompiled_harness_is_used_only_for_the_same_text(pool: WorkerPool) -> None:
    """The warm child compiles every harness before its job; a job whose harness text
    differs from the one compiled under that name is run with its own text."""
    assert pool.wait_warm(WARM_WITHIN_SECONDS)
    assert grade(PATIENT_DOUBLE, GOOD, seed=3, pool=pool).status is Status.PASSED
    halved = grade(_OwnHarness(), GOOD, seed=3, pool=pool)
    assert halved.status is Status.FAILED, halved.summary


@pytest.mark.skipif(not hasattr(fcntl, "F_GETPIPE_SZ"), reason="Linux pipes only")
def test_the_result_pipe_holds_a_large_result_unread() -> None:
    """A child writes results larger than a pipe's default 64 KiB without waiting for the
    parent to read them (the parent judges on the same cores meanwhile): the child's end of
    the channel sends up to RESULT_PIPE_BYTES, or the most the kernel allows."""
    parent_fd, child_fd = worker_module.result_channel()
    child = socket.socket(fileno=child_fd)
    try:
        size = child.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF)
        limit = int(Path("/proc/sys/net/core/wmem_max").read_text(encoding="ascii"))
        assert size >= min(worker_module.RESULT_PIPE_BYTES, limit)
        child.sendall(b"frame")  # one way: the parent reads what the child sends, never back
        assert os.read(parent_fd, 16) == b"frame"
        with pytest.raises(OSError):
            os.write(parent_fd, b"x")
    finally:
        child.close()
        os.close(parent_fd)


class _NoCases(DoubleChecker):
    """A checker bug: making the cases fails after the child was handed the submission."""

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        raise ValueError("no cases today")


def test_a_checker_that_cannot_make_its_cases_spends_only_its_worker() -> None:
    """The child loads the submission while the cases are made; when making them fails, the
    verdict blames the grader, that child is killed and the next submission gets a fresh one."""
    with WorkerPool(size=1) as pool:
        assert pool.wait_warm(WARM_WITHIN_SECONDS)
        (first,) = pool.warm_pids
        broken = grade(_NoCases(), GOOD, pool=pool)
        assert broken.status is Status.INTERNAL
        assert "could not prepare its cases (ValueError: no cases today)" in broken.summary
        assert grade(PATIENT_DOUBLE, GOOD, pool=pool).status is Status.PASSED
        assert pool.wait_warm(WARM_WITHIN_SECONDS) and first not in pool.warm_pids
    assert_clean([pool])


def test_a_submission_finds_nothing_on_its_stdin(pool: WorkerPool) -> None:
    """The cases follow the submission on the child's stdin, and are read in full before any
    submitted code runs: code that reads its stdin (here at import) finds nothing to take."""
    source = (
        "import os\nos.set_blocking(0, False)\ntry:\n    LEFT = os.read(0, 1 << 20)\n"
        "except BlockingIOError:\n    LEFT = b''\n"
        "def double(x):\n    assert LEFT == b'', f'read {len(LEFT)} bytes of the job'\n"
        "    return 2 * x\n"
    )
    verdict = grade(PATIENT_DOUBLE, source, pool=pool)
    assert verdict.status is Status.PASSED, verdict.summary


@pytest.mark.usefixtures("full_pools")  # what it patches, a spawner would take
def test_a_worker_makes_its_work_dir_after_the_bytecode_cache(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Rebuilding the cache (another process retired it) can take many seconds on a loaded
    machine; a work dir made before it sat in the temp dir, in no pool's list, for all that
    time, and the sandbox tests' leftover check called it left behind."""
    if landlock_abi() == 0:
        pytest.skip("without Landlock an unconfined worker does not use the cache")
    entered, release = threading.Event(), threading.Event()
    real = pycache_module.open_cache

    def slow_cache(site: str) -> int | None:
        entered.set()
        release.wait(60)
        return real(site)

    monkeypatch.setattr(worker_module, "open_cache", slow_cache)
    before = set(leftover_dirs([]))
    built: list[Worker] = []
    thread = threading.Thread(
        target=lambda: built.append(Worker(SandboxConfig(bwrap=False), None)), daemon=True
    )
    thread.start()
    try:
        assert entered.wait(60)
        assert set(leftover_dirs([])) == before  # no dir while the cache is being readied
    finally:
        release.set()
        thread.join(60)
        for worker in built:
            worker.close()
    assert built and built[0].workdir is not None
    assert not os.path.exists(built[0].workdir)


def test_close_does_not_wait_for_the_bubblewrap_check_and_starts_no_worker(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An app quit during a drill's warm-up closed the pool while its spawner ran the
    bubblewrap canary, and waited for the canary (0.3 s, seconds under load) before the
    shell came back. The check starts no process that close must kill: close returns at
    once, and the spawner, its check done, starts no worker for a closed pool."""
    checking, release = threading.Event(), threading.Event()
    order: list[str] = []
    started: list[Worker] = []

    def slow_check(config: SandboxConfig) -> None:
        checking.set()
        release.wait(5)  # under close's old 10 s join: a close that waits ends after this
        order.append("check ended")

    def no_worker(*args: Any, **kwargs: Any) -> Worker:
        started.append(args[0])
        raise AssertionError("a worker was started for a closed pool")

    monkeypatch.setattr("engine.sandbox.pool._bwrap_for", slow_check)
    monkeypatch.setattr("engine.sandbox.pool.Worker", no_worker)
    pool = WorkerPool(SandboxConfig(bwrap=False, landlock=False))
    assert checking.wait(30), "the spawner never ran the check"
    pool.close()
    order.append("closed")
    release.set()
    pool._thread.join(30)
    assert order == ["closed", "check ended"]
    assert not pool._thread.is_alive() and started == []


class _EndlessDoubleChecker(DoubleChecker):
    """DoubleChecker with a time limit of days: only `stop_running` ends its grade."""

    timeout_s: ClassVar[float] = 10.0**6


def test_stop_running_kills_and_reaps_the_graded_child_and_the_pool_grades_on() -> None:
    """A drill left mid-grade: the child running the submission dies and is reaped at once,
    the grade ends in a verdict that is no pass, and the pool's next worker (started once the
    run ended, as after any run) grades the next submission."""
    with WorkerPool() as pool:
        verdicts: list[Status] = []
        spin = "def double(x):\n    while True:\n        pass\n"
        thread = threading.Thread(
            target=lambda: verdicts.append(grade(_EndlessDoubleChecker(), spin, pool=pool).status)
        )
        thread.start()
        ready = threading.Event()
        while not pool.running_pids and thread.is_alive():
            ready.wait(0.01)
        (pid,) = pool.running_pids
        pool.stop_running()
        thread.join(60)  # a ceiling: without the stop, the grade ran for days
        assert not thread.is_alive()
        assert verdicts and verdicts[0] is not Status.PASSED, verdicts
        assert pool.running_pids == []
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # reaped by the grading thread, not left a zombie
        assert grade(PATIENT_DOUBLE, GOOD, pool=pool).status is Status.PASSED
    assert_clean([pool])
