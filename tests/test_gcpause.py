"""The collector pause used around bulk reads and loads restores the collector's state."""

from __future__ import annotations

import gc

import pytest

from quiz.gcpause import gc_paused
from tests.conftest import PROCESS_TIMEOUT_SECONDS


def test_the_collector_is_held_inside_and_back_on_after() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():  # nested: the inner block leaves it off for the outer one
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_error_inside_still_turns_it_back_on() -> None:
    with pytest.raises(RuntimeError), gc_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off() -> None:
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_start_collector_holds_then_freezes_then_releases() -> None:
    from quiz.gcpause import StartupCollector

    collector = StartupCollector()
    collector.hold()
    assert not gc.isenabled()
    collector.settle()
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0
    collector.settle()  # a second call changes nothing
    collector.release()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_an_app_ending_before_its_first_frame_turns_the_collector_back_on() -> None:
    from quiz.gcpause import StartupCollector

    collector = StartupCollector()
    collector.hold()
    collector.release()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


class _Node:
    """A cycle-capable object (tracked by the collector)."""

    def __init__(self) -> None:
        self.other: object = None


def test_long_lived_objects_go_to_the_oldest_generation_unwalked() -> None:
    gc.collect()
    with gc_paused(long_lived=True):
        kept = [_Node() for _ in range(2_000)]
    assert gc.isenabled()
    assert gc.get_count()[0] < 2_000  # no young collection is due for them
    assert gc.get_freeze_count() == 0  # nothing stays frozen
    assert all(gc.is_tracked(node) for node in kept)
    oldest = {id(obj) for obj in gc.get_objects(generation=2)}
    assert all(id(node) in oldest for node in kept)


def test_a_cycle_built_in_a_long_lived_block_is_still_freed_by_a_full_collection() -> None:
    import weakref

    gc.collect()
    with gc_paused(long_lived=True):
        first, second = _Node(), _Node()
        first.other, second.other = second, first
        ref = weakref.ref(first)
        del first, second
    assert ref() is not None
    gc.collect()
    assert ref() is None


def test_long_lived_leaves_what_something_else_froze_frozen() -> None:
    gc.collect()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with gc_paused(long_lived=True):
            kept = [_Node() for _ in range(100)]
        assert gc.get_freeze_count() == frozen
        assert kept
    finally:
        gc.unfreeze()


def test_to_the_exit_holds_the_collector_then_freezes_what_is_alive() -> None:
    from quiz.gcpause import to_the_exit

    assert gc.get_freeze_count() == 0
    try:
        with to_the_exit():
            assert not gc.isenabled()
            kept = [[index] for index in range(100)]
        assert gc.isenabled() and gc.get_freeze_count() >= len(kept)
    finally:
        gc.unfreeze()


def test_freeze_at_exit_freezes_when_the_interpreter_exits_not_before() -> None:
    import subprocess
    import sys

    code = (
        "import atexit, gc, sys\n"
        # registered first, so it runs last: after the freeze
        "atexit.register(lambda: print('at exit', gc.get_freeze_count() > 0, file=sys.stderr))\n"
        "from quiz.gcpause import freeze_at_exit\n"
        "before = atexit._ncallbacks()\n"
        "freeze_at_exit()\n"
        "freeze_at_exit()\n"
        "kept = [[index] for index in range(100)]\n"
        "print('running', gc.get_freeze_count() > 0, gc.isenabled())\n"
        "print('registered', atexit._ncallbacks() - before)\n"  # once, however often asked
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=PROCESS_TIMEOUT_SECONDS,
    )
    assert done.stdout.splitlines() == ["running False True", "registered 1"]
    assert done.stderr.strip() == "at exit True"
