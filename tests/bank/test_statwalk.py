"""The index's stat walk in a helper process answers exactly as the walk in this one, and
a helper that does not answer only means the walk is done here."""

from __future__ import annotations

import gc
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from quiz import cores
from quiz.bank import cachefile, index, loader, statwalk
from quiz.bank.index import IndexWalk, bank_index, index_of
from quiz.bank.lazy import LazyBank
from quiz.bank.loader import load_bank
from quiz.bank.sources import bundled_content_dir
from tests.conftest import DATA, PROCESS_TIMEOUT_SECONDS

needs_helper = pytest.mark.skipif(
    not all(hasattr(os, name) for name in ("posix_spawn", "memfd_create", "sched_getaffinity")),
    reason="the walk's helper needs Linux's posix_spawn and memory files",
)


@pytest.fixture(autouse=True)
def _no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files in these tests were just written; let the index be remembered anyway; and a
    core is free for the helper (the machine's own load must not decide a test)."""
    monkeypatch.setattr(cachefile, "RACY_SECONDS", 0.0)
    monkeypatch.setattr(cores, "idle_cpus", lambda: 2)


@pytest.fixture
def roots(tmp_path: Path) -> list[Path]:
    root = tmp_path / "content"
    shutil.copytree(DATA / "mini_bank", root)
    shutil.copytree(root / "mini", root / "second")
    return [bundled_content_dir(), root]


def _helper_walk(roots: list[Path]) -> tuple[int, str] | None:
    """What the helper answers, run as IndexWalk runs it."""
    helper = index._WalkHelper.start(roots)
    assert helper is not None
    return helper.answer()


def _loads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the loads, whole or of the changed files only (`load_parts`)."""
    calls: list[int] = []
    for name in ("load_bank", "load_parts"):
        real = getattr(loader, name)

        def counting(*args: object, _real: Any = real, **kwargs: object) -> Any:
            calls.append(1)
            return _real(*args, **kwargs)

        monkeypatch.setattr(loader, name, counting)
    return calls


@needs_helper
def test_the_helper_walks_as_this_process_does(
    roots: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index, "HELPER_MIN_BYTES", 0)
    bank_index(roots)  # remembered: the helper starts only where an index is
    monkeypatch.chdir(tmp_path)
    for some in (roots, [roots[1]], [roots[1] / "mini"], [tmp_path / "gone"], [Path("content")]):
        bank_index(some)
        assert _helper_walk(some) == statwalk.walk([str(root) for root in some])
    linked = roots[1] / "mini" / "basics" / "linked.md"
    linked.symlink_to(roots[1] / "mini" / "pack.yaml")  # a link is walked as its target
    assert _helper_walk(roots) == statwalk.walk([str(root) for root in roots]) is not None
    linked.unlink()
    linked.symlink_to(linked)  # a loop: no walk can vouch, here or there
    assert _helper_walk(roots) is None is statwalk.walk([str(root) for root in roots])


@needs_helper
def test_a_walk_in_the_helper_answers_as_an_opened_bank(
    roots: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index, "HELPER_MIN_BYTES", 0)
    full = load_bank(roots, use_cache=False)
    assert LazyBank.begin(roots).index == index_of(full)  # nothing remembered: a thread
    loads = _loads(monkeypatch)
    begun = LazyBank.begin(roots)
    assert begun._walk is not None and begun._walk._helper is not None
    assert begun.refs == index_of(full).refs and not begun.loaded and loads == []
    card_path = begun.index.card_path(begun.refs[-1])
    assert begun.index.vouched_key(card_path) == cachefile.file_key(os.lstat(card_path))
    first = next((roots[1] / "mini").glob("*/*.md"))
    first.write_text(first.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    changed = LazyBank.begin(roots)  # a change before the walk: seen, the files loaded
    assert changed.index == index_of(load_bank(roots, use_cache=False)) and loads == [1]


@needs_helper
def test_a_helper_that_does_not_answer_means_a_walk_here(
    roots: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index, "HELPER_MIN_BYTES", 0)
    expected = bank_index(roots)[0]
    walked: list[int] = []
    real = index._inputs

    def counting(some: list[Path]) -> object:
        walked.append(1)
        return real(some)

    monkeypatch.setattr(index, "_inputs", counting)
    for failing in ("/bin/false", "/bin/true", str(Path(sys.executable).parent / "nowhere")):
        monkeypatch.setattr(sys, "executable", failing)  # exit 1; no output; no program
        loads = _loads(monkeypatch)
        walk = IndexWalk(roots)
        assert walk.result() == (expected, None) and loads == []
        assert walked == [1]
        walked.clear()


@needs_helper
def test_a_helper_never_asked_is_waited_for(
    roots: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index, "HELPER_MIN_BYTES", 0)
    bank_index(roots)
    walk = IndexWalk(roots)
    assert walk._helper is not None
    pid = walk._helper._pid
    del walk
    gc.collect()
    with pytest.raises(ChildProcessError):  # reaped: no zombie left behind
        os.waitpid(pid, os.WNOHANG)


def test_a_small_or_new_bank_walks_in_a_thread(
    roots: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    walk = IndexWalk(roots)  # nothing remembered yet
    assert walk._helper is None and walk._thread is not None
    walk.result()
    assert index.index_path(roots).stat().st_size < index.HELPER_MIN_BYTES
    walk = IndexWalk(roots)
    assert walk._helper is None and walk._thread is not None
    assert walk.result() == bank_index(roots)


@needs_helper
@pytest.mark.parametrize("helper", [False, True])
def test_a_begun_bank_says_when_its_walk_is_done(
    roots: list[Path], monkeypatch: pytest.MonkeyPatch, helper: bool
) -> None:
    monkeypatch.setattr(index, "HELPER_MIN_BYTES", 0 if helper else 1 << 40)
    expected = bank_index(roots)[0]
    begun = LazyBank.begin(roots)
    assert begun._walk is not None and (begun._walk._helper is not None) is helper
    deadline = time.monotonic() + PROCESS_TIMEOUT_SECONDS
    while not begun.ready:  # the walk ends by itself, asked or not
        assert time.monotonic() < deadline
        time.sleep(0.01)
    assert begun.index == expected and begun.ready
    assert LazyBank.of(load_bank(roots)).ready


@needs_helper
def test_a_helper_still_walking_when_nobody_wants_its_answer_is_ended(
    roots: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index, "HELPER_MIN_BYTES", 0)
    bank_index(roots)
    slow = tmp_path / "slow-python"
    slow.write_text("#!/bin/sh\nexec sleep 600\n", encoding="utf-8")
    slow.chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(slow))  # a helper that would walk for minutes
    walk = IndexWalk(roots)
    assert walk._helper is not None and not walk.ready()
    pid = walk._helper._pid
    del walk
    gc.collect()  # its finalizer ends it rather than waiting for it
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def test_the_helper_runs_only_beside_a_free_core(
    roots: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.undo()  # the real count of free cores, reading a made-up load file
    monkeypatch.setattr(cachefile, "RACY_SECONDS", 0.0)
    monkeypatch.setattr(index, "HELPER_MIN_BYTES", 0)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1})
    loadavg = tmp_path / "loadavg"
    loadavg.write_text("1.90 2.10 2.30 2/345 4242\n", encoding="ascii")  # another task runs
    monkeypatch.setattr(cores, "LOADAVG", str(loadavg))
    bank_index(roots)
    walk = IndexWalk(roots)  # no free core: the walk in a thread, as for a small bank
    assert walk._helper is None and walk._thread is not None
    assert walk.result() == bank_index(roots)
