"""A large cold load may share its parsing with a forked helper: the results must be the
ones a plain loop gives, in order, whatever happens to the helper."""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from pathlib import Path

import pytest

from quiz import cores
from quiz.bank import parallel
from quiz.bank.loader import load_bank
from tests.conftest import DATA, REPO, linux_only

PARENT = os.getpid()


def _square(item: int) -> tuple[int, int, int]:
    return item, item * item, os.getpid()


def _die_in_helper(item: int) -> int:
    if os.getpid() != PARENT:
        os._exit(3)  # the helper is killed before it hands anything over
    return -item


def _helper_stops_late(item: int) -> int:
    if os.getpid() != PARENT and item < 150:
        os._exit(4)  # after it delivered its first chunks, mid-way through the list
    return item + 1


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The pids `_split` forks. Asking about these alone, not about any child of the test
    process, keeps the check right whatever earlier tests in this worker left running."""
    pids: list[int] = []
    real_fork = os.fork

    def recording_fork() -> int:
        pid = real_fork()
        if pid > 0:
            pids.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", recording_fork)
    return pids


def _all_reaped(pids: list[int]) -> bool:
    """Every helper has been waited for: none is running or left as a zombie."""
    for pid in pids:
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            continue  # already reaped by `_split`
        return False
    return True


@linux_only
def test_split_gives_the_plain_loops_results_in_order(forks: list[int]) -> None:
    items = list(range(500))
    results = parallel._split(_square, items)
    assert [(i, sq) for i, sq, _ in results] == [(i, i * i) for i in items]
    assert len(forks) == 1 and _all_reaped(forks)


@linux_only
def test_a_helper_that_dies_at_once_leaves_nothing_undone(forks: list[int]) -> None:
    items = list(range(300))
    assert parallel._split(_die_in_helper, items) == [-i for i in items]
    assert len(forks) == 1 and _all_reaped(forks)


@linux_only
def test_a_helper_that_stops_midway_leaves_nothing_undone(forks: list[int]) -> None:
    items = list(range(300))
    assert parallel._split(_helper_stops_late, items) == [i + 1 for i in items]
    assert len(forks) == 1 and _all_reaped(forks)


@linux_only
def test_no_temporary_space_or_no_fork_means_one_process(
    monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    items = list(range(100))
    with monkeypatch.context() as patch:
        patch.setattr(tempfile, "TemporaryFile", refuse)
        assert parallel._split(_square, items) == [_square(i) for i in items]
    with monkeypatch.context() as patch:
        patch.setattr(os, "fork", refuse)
        assert parallel._split(_square, items) == [_square(i) for i in items]
    assert forks == []  # neither case forked


def test_short_lists_and_unsafe_places_are_a_plain_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    assert {pid for _, _, pid in parallel.map_split(_square, list(range(10)))} == {os.getpid()}
    monkeypatch.setattr(parallel, "can_fork", lambda: False)
    results = parallel.map_split(_square, list(range(50)), min_items=1)
    assert {pid for _, _, pid in results} == {os.getpid()}


@linux_only
def test_can_fork_needs_a_lone_thread_and_a_free_core(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cores, "usable_cpus", lambda: 2)
    monkeypatch.setattr(cores, "running_tasks", lambda: 1)  # only this process runs
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert parallel.can_fork()
    monkeypatch.setattr(cores, "running_tasks", lambda: 2)
    assert not parallel.can_fork(), "both cores busy: the helper would only compete"
    monkeypatch.setattr(cores, "running_tasks", lambda: None)
    assert not parallel.can_fork(), "a count that cannot be read is no free core"
    monkeypatch.setattr(cores, "running_tasks", lambda: 1)
    monkeypatch.setattr(cores, "usable_cpus", lambda: 1)
    assert not parallel.can_fork()
    monkeypatch.setattr(cores, "usable_cpus", lambda: 2)
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert not parallel.can_fork()


def _broken_bank(tmp_path: Path) -> Path:
    """The mini bank plus every bad card, a duplicate id and a stray file."""
    root = tmp_path / "bank"
    shutil.copytree(DATA / "mini_bank", root)
    topic = root / "mini" / "basics"
    for bad in sorted((DATA / "bad_cards").glob("*.md")):
        shutil.copy(bad, topic / bad.name)
    other = root / "mini" / "other"
    other.mkdir()
    shutil.copy(DATA / "bad_cards_dup" / "what-is-relu.md", other / "what-is-relu.md")
    (root / "mini" / "stray.md").write_text(
        "---\nid: stray\nkind: concept\n---\n", encoding="utf-8"
    )
    return root


@linux_only
def test_load_with_a_helper_equals_the_plain_load(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for roots in ([REPO / "content"], [_broken_bank(tmp_path)]):
        for lint in (False, True):
            plain = load_bank(roots, use_cache=False, lint=lint)
            with monkeypatch.context() as patch:
                patch.setattr(parallel, "MIN_ITEMS", 1)
                patch.setattr(parallel, "can_fork", lambda: True)
                shared = load_bank(roots, use_cache=False, lint=lint)
            assert shared == plain
            assert shared.cards
    assert {p.code for p in plain.problems} >= {"duplicate-id", "math", "misplaced", "yaml"}
