"""The warm worker pool: one child always started ahead with numpy imported, one child per submission."""

from __future__ import annotations

import atexit
import contextlib
import functools
import os
import signal
import threading
from collections import deque
from types import TracebackType

from engine.sandbox.bwrap import SANDBOX_SITE, BwrapStatus, bwrap_status
from engine.sandbox.config import SandboxConfig, landlock_abi
from engine.sandbox.pycache import ready_cache
from engine.sandbox.worker import Worker


class SandboxUnavailableError(RuntimeError):
    """The pool is closed."""


def _bwrap_for(config: SandboxConfig) -> BwrapStatus | None:
    """The bwrap layer to use, or None; a required-but-broken bwrap becomes a worker failure."""
    requested = config.use_bwrap_requested()
    if requested is False:
        return None
    status = bwrap_status()
    if status.active:
        return status
    if requested is True:
        return BwrapStatus(False, status.reason)
    return None


def start_worker(config: SandboxConfig) -> Worker:
    """Spawn a worker in the calling thread and wait until it is ready (or has failed).

    With bwrap, the sandbox dies with the thread that spawned it (--die-with-parent
    uses the parent-death signal), so that thread must outlive the worker.
    """
    status = _bwrap_for(config)
    if status is not None and not status.active:
        worker = Worker(config, None)
        worker.failure = f"bubblewrap was required but is not usable: {status.reason}"
        worker.close()
        return worker
    worker = Worker(config, status)
    worker.wait_ready()
    return worker


class WorkerPool:
    """Keeps warm children ready; each `acquire` hands one out and the next starts in the background.

    `size` children are kept ready (1 for an interactive app; more for a
    benchmark or a test suite grading back to back). Thread-safe. Use as a
    context manager or call `close()`.

    A replacement starts once the workers handed out have finished their run,
    or at once when someone is waiting for a worker: starting one (an
    interpreter importing numpy, most of a second of CPU) while a submission
    runs would compete with that submission for the CPU.
    """

    def __init__(self, config: SandboxConfig | None = None, *, size: int = 1) -> None:
        if size < 1:
            raise ValueError("a pool keeps at least one warm worker")
        self.config = config or SandboxConfig()
        self.size = size
        self._cond = threading.Condition()
        self._ready: deque[Worker] = deque()
        self._starting: list[Worker] = []
        self._running = 0
        """Workers handed out whose run has not ended."""
        self._handed: set[Worker] = set()
        """Those workers themselves, for `stop_running`."""
        self._waiting = 0
        """Callers blocked in `acquire`."""
        self._closed = False
        self._checking = False
        """The spawner is running the bubblewrap check (its canary), which `close` does not wait for."""
        self._error: str | None = None
        if self.config.use_bwrap_requested() is not False or (
            self.config.landlock and landlock_abi() > 0
        ):
            ready_cache(
                SANDBOX_SITE
            )  # built here, in the caller's thread, never half-built by ours
        self._thread = threading.Thread(
            target=self._spawner, name="drillbit-sandbox-spawner", daemon=True
        )
        self._thread.start()

    def _spawner(self) -> None:
        """Spawn workers; this thread outlives every worker it spawns (bwrap's parent-death signal).

        A failure to even start a process (no file descriptors left, no temp dir)
        is kept for `acquire` to report, and retried a second later.
        """
        while True:
            with self._cond:
                while not self._closed and not self._should_spawn():
                    self._cond.wait()
                if self._closed:
                    return
                need = self.size - len(self._ready)
            try:
                self._spawn_batch(need)
                self._error = None
            except Exception as exc:  # an OS failure; grade() turns it into an internal verdict
                with self._cond:
                    orphans, self._starting = self._starting, []
                for worker in orphans:
                    worker.close()
                with self._cond:
                    self._error = (
                        f"the sandbox could not start a process ({type(exc).__name__}: {exc})"
                    )
                    self._cond.notify_all()
                    self._cond.wait(1.0)

    def _should_spawn(self) -> bool:
        """Short of ready workers, and no submission running (or someone waiting); under the lock."""
        return len(self._ready) < self.size and (self._running == 0 or self._waiting > 0)

    def _spent(self, worker: Worker) -> None:
        """A handed-out worker's run ended (its process is killed): replacements may start."""
        with self._cond:
            self._handed.discard(worker)
            self._running -= 1
            self._cond.notify_all()

    def _spawn_batch(self, need: int) -> None:
        with self._cond:
            self._checking = True
        try:
            status = _bwrap_for(self.config)
        finally:
            with self._cond:
                self._checking = False
                closed = self._closed
        if closed:  # closed during the check: no worker is started
            return
        batch: list[Worker] = []
        for _ in range(need):
            if status is not None and not status.active:
                worker = start_worker(self.config)
            else:
                worker = Worker(self.config, status)
            with self._cond:
                self._starting.append(worker)
            batch.append(worker)
        for worker in batch:
            if not self._closed:
                worker.wait_ready()
            with self._cond:
                self._starting.remove(worker)
                if self._closed:
                    worker.close()
                    continue
                self._ready.append(worker)
                self._cond.notify_all()

    def acquire(self) -> Worker:
        """A warm worker (waiting for one if none is ready yet); a replacement starts at once."""
        with self._cond:
            self._waiting += 1
            try:
                while not self._ready and not self._closed and self._error is None:
                    self._cond.notify_all()  # the spawner starts one now, runs or not
                    self._cond.wait()
            finally:
                self._waiting -= 1
            if self._closed:
                raise SandboxUnavailableError("the worker pool is closed")
            if not self._ready and self._error is not None:
                raise SandboxUnavailableError(self._error)
            worker = self._ready.popleft()
            self._running += 1
            self._handed.add(worker)
            worker.on_spent = functools.partial(self._spent, worker)
            self._cond.notify_all()
        return worker

    def stop_running(self) -> None:
        """Kill the children of every worker handed out whose grade has not ended (the person
        left the drill): each grading thread then reaps its child, and the pool starts the
        next warm worker as after any run. The workers waiting for a job are left as they are.
        """
        with self._cond:
            handed = list(self._handed)
        for worker in handed:
            worker.stop()

    @property
    def running_pids(self) -> list[int]:
        """Pids of the workers handed out whose grade has not ended (tests watch them end)."""
        with self._cond:
            return [w.pid for w in self._handed if w.pid is not None]

    @property
    def warm_pids(self) -> list[int]:
        """Pids of the workers ready or starting (tests use them to tell them from leftovers)."""
        with self._cond:
            return [w.pid for w in [*self._ready, *self._starting] if w.pid is not None]

    @property
    def warm_workdirs(self) -> list[str]:
        """Host work directories of the waiting workers (only without bwrap)."""
        with self._cond:
            return [w.workdir_top for w in [*self._ready, *self._starting] if w.workdir_top]

    def wait_warm(self, timeout: float | None = None) -> bool:
        """Block until `size` workers are ready (the benchmark and tests use it)."""
        with self._cond:
            return self._cond.wait_for(
                lambda: len(self._ready) >= self.size or self._closed, timeout
            )

    def close(self) -> None:
        """Kill the waiting workers and stop spawning.

        The spawner is joined (a worker it is starting is closed by it) unless it is in the
        bubblewrap check, which starts no worker and dies with this process: an app quit
        during a drill's warm-up waited for that canary (0.3 s, seconds on a busy machine).
        """
        with self._cond:
            if self._closed:
                return
            self._closed = True
            checking = self._checking
            ready = list(self._ready)
            self._ready.clear()
            starting = list(self._starting)
            self._cond.notify_all()
        for worker in starting:
            if worker.pid is not None:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(worker.pid, signal.SIGKILL)
        for worker in ready:
            worker.close()
        if not checking and self._thread is not threading.current_thread():
            self._thread.join(timeout=10)

    @property
    def closed(self) -> bool:
        """True once `close()` was called."""
        return self._closed

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


_default_lock = threading.Lock()
_default: WorkerPool | None = None


def default_pool() -> WorkerPool:
    """The process-wide pool (the TUI and watch mode share it); closed at interpreter exit."""
    global _default
    with _default_lock:
        if _default is None or _default.closed:
            _default = WorkerPool()
            atexit.register(_default.close)
        return _default
