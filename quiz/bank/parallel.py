"""Parse a large cold bank in two processes: this one and one forked helper.

A card file costs a quarter of a millisecond or more to parse (YAML, Markdown, math), so
a bank of thousands with a cold card cache (the first start, a new version, `drillbit
lint` in CI) spends seconds in one core. `map_split` shares such a list with one forked
child: this process takes chunks from the front, the child from the back, and each claim
is made under a lock, so neither waits while there is work left (on a busy machine the
child may get little CPU; this process then simply does more). The child writes its
results (pickled: it is this program's own fork, reached by no one else) into an
unlinked temporary file; anything it did not deliver (it died, was killed) is done here.

It forks only where that is safe and can pay: Linux, this thread the only one (forking a
threaded process can leave a lock held forever in the child), at least `MIN_ITEMS` items,
and a free core (two usable CPUs or more, fewer tasks running right now than their number:
`quiz.cores`). On a machine whose cores are all busy the helper only competes with this
process and the hand-over is extra work: measured on 2 cores at load averages of 4.5-6,
10,000 cards took 16.6 s with it and 13.9 s without. Everywhere else it is a plain loop.
"""

from __future__ import annotations

import contextlib
import fcntl
import mmap
import os
import pickle
import signal
import struct
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any, NoReturn, TypeVar

from quiz import cores

Item = TypeVar("Item")
Result = TypeVar("Result")

MIN_ITEMS = 600
"""Fewer items than this are parsed here: a fork and the hand-over would cost more."""
CHUNK = 32
"""Items claimed at a time: small enough that the last wait is short."""
_COUNTERS = struct.Struct("qq")  # next item from the front, end of what is left (the back)


def can_fork() -> bool:
    """True where `map_split` may use a helper process: it must have a core of its own."""
    return (
        sys.platform.startswith("linux")
        and hasattr(os, "fork")
        and threading.active_count() == 1
        and cores.usable_cpus() >= 2
        and cores.idle_cpus() >= 1
    )


Handover = tuple[Callable[[Any], Any], Callable[[Any, Any], Any]]
"""(pack, unpack): the helper pickles `pack(result)` and this process makes the result
again with `unpack(item, packed)`, for results whose own pickles are slow to load."""


def _as_is(result: Any) -> Any:
    return result


def _unpacked_as_is(item: Any, packed: Any) -> Any:
    return packed


_AS_IS: Handover = (_as_is, _unpacked_as_is)
"""Results handed over as they are (their own pickles)."""


def map_split(
    work: Callable[[Item], Result],
    items: Sequence[Item],
    *,
    min_items: int | None = None,
    handover: Handover | None = None,
) -> list[Result]:
    """`[work(item) for item in items]`, shared with a forked helper when that is safe and
    the list has at least `min_items` (default `MIN_ITEMS`) items. `work` should not raise
    (what the helper computes is handed over pickled, through `handover` when given)."""
    if len(items) < (MIN_ITEMS if min_items is None else min_items) or not can_fork():
        return [work(item) for item in items]
    return _split(work, items, handover or _AS_IS)


@contextlib.contextmanager
def _locked(lock: IO[bytes]) -> Iterator[None]:
    """An exclusive POSIX record lock: per process, released by the kernel if one dies."""
    fcntl.lockf(lock, fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.lockf(lock, fcntl.LOCK_UN)


def _claim(counters: mmap.mmap, lock: IO[bytes], from_front: bool) -> range:
    """The next chunk for one side; empty when nothing is left."""
    with _locked(lock):
        front, back = _COUNTERS.unpack_from(counters)
        if front >= back:
            return range(0)
        if from_front:
            end = min(back, front + CHUNK)
            _COUNTERS.pack_into(counters, 0, end, back)
            return range(front, end)
        start = max(front, back - CHUNK)
        _COUNTERS.pack_into(counters, 0, front, start)
        return range(start, back)


def new_counters() -> mmap.mmap:
    """Claim counters shared with a helper forked after this (set with `set_items`)."""
    return mmap.mmap(-1, _COUNTERS.size)


def set_items(counters: mmap.mmap, count: int) -> None:
    """Let the two sides of a split claim items 0 to `count` - 1 (`claim`)."""
    _COUNTERS.pack_into(counters, 0, 0, count)


def work_from_front(
    work_at: Callable[[int], Result],
    count: int,
    pid: int,
    counters: mmap.mmap,
    lock: IO[bytes],
    out: IO[bytes],
    unpack_at: Callable[[int, Any], Result],
) -> list[Result]:
    """This process's side of a split of items 0 to `count` - 1 with the helper `pid`:
    work chunks from the front, wait for the helper, take what it handed over
    (`unpack_at(i, packed)`), and work here whatever it did not. Also for a caller that
    forks its own helper (the notes import), which runs `work_from_back`."""
    results: list[Any] = [None] * count
    done = [False] * count
    try:
        while chunk := _claim(counters, lock, from_front=True):
            for i in chunk:
                results[i] = work_at(i)
                done[i] = True
    except BaseException:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)  # interrupted: no one will read its results
        reap(pid)
        raise
    reap(pid)
    out.seek(0)
    # A record cut short (the helper was killed mid-write) ends the reading; whatever
    # was not handed over is worked here, so nothing is lost or reported twice.
    with contextlib.suppress(Exception):
        while True:
            for i, packed in pickle.load(out):
                results[i] = unpack_at(i, packed)
                done[i] = True
    for i, finished in enumerate(done):
        if not finished:  # the helper stopped before handing these over
            results[i] = work_at(i)
    return results


def work_from_back(
    work_at: Callable[[int], Any],
    counters: mmap.mmap,
    lock: IO[bytes],
    out: IO[bytes],
    pack: Callable[[Any], Any],
) -> None:
    """The helper's side of a split: work chunks from the back until none is left, each
    chunk's results handed over as one pickled record of (item, `pack(result)`)."""
    while chunk := _claim(counters, lock, from_front=False):
        pickle.dump([(i, pack(work_at(i))) for i in chunk], out, protocol=5)


def _split(
    work: Callable[[Item], Result],
    items: Sequence[Item],
    handover: Handover = _AS_IS,
) -> list[Result]:
    with contextlib.ExitStack() as stack:
        try:  # shared counters, a lock file and the helper's output file; then the fork
            counters = stack.enter_context(mmap.mmap(-1, _COUNTERS.size))  # shared on fork
            lock = stack.enter_context(tempfile.TemporaryFile())
            out = stack.enter_context(tempfile.TemporaryFile())
            _COUNTERS.pack_into(counters, 0, 0, len(items))
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
        except OSError:
            pid = -1  # no temporary space, no memory for a process: one process does all
        if pid == 0:  # the helper: parse from the back, hand results over, never return
            _helper(work, items, counters, lock, out, handover[0])
        if pid > 0:
            unpack = handover[1]
            return work_from_front(
                lambda i: work(items[i]),
                len(items),
                pid,
                counters,
                lock,
                out,
                lambda i, packed: unpack(items[i], packed),
            )
    return [work(item) for item in items]


def _helper(
    work: Callable[[Item], Result],
    items: Sequence[Item],
    counters: mmap.mmap,
    lock: IO[bytes],
    out: IO[bytes],
    pack: Callable[[Any], Any],
) -> NoReturn:
    """The forked child's whole life: claim chunks from the back until none is left."""
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends it with its parent
        work_from_back(lambda i: work(items[i]), counters, lock, out, pack)
        code = 0
    finally:
        with contextlib.suppress(BaseException):
            out.flush()
        os._exit(code)  # never run the parent's cleanup (atexit, buffered output) twice


def reap(pid: int) -> None:
    """Wait for a helper to exit (it does once nothing is left to claim)."""
    while True:
        try:
            os.waitpid(pid, 0)
            return
        except InterruptedError:
            continue
        except ChildProcessError:
            return
