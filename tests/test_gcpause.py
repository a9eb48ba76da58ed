"""The collector pause used around bulk reads and loads restores the collector's state."""

from __future__ import annotations

import gc

import pytest

from quiz.gcpause import gc_paused


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
