"""The `slow` marker: which tests `pytest -m "not slow"` leaves out, and that the list is current;
the xdist group of the tests that serve on a port."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import pytest

from tests.conftest import (
    RUN_FIRST,
    SLOW_MODULES,
    TESTS,
    pytest_collection_modifyitems,
    pytest_itemcollected,
)


@pytest.mark.parametrize("module", sorted(SLOW_MODULES))
def test_every_slow_module_exists(module: str) -> None:
    assert (TESTS / module).is_file(), f"tests/{module} is named slow but does not exist"


@dataclass
class _Item:
    """What the hook reads of a collected test."""

    path: Path
    fixturenames: tuple[str, ...] = ()
    name: str = "test_it"
    markers: list[str] = field(default_factory=list)

    def add_marker(self, marker: Any) -> None:
        self.markers.append(" ".join([marker.name, *marker.args]))


def _markers(path: Path, *fixtures: str) -> list[str]:
    item = _Item(path, fixtures)
    pytest_itemcollected(cast(pytest.Item, item))
    return item.markers


def _marked(path: Path, *fixtures: str) -> bool:
    return _markers(path, *fixtures) == ["slow"]


def test_slow_modules_and_process_fixtures_are_marked() -> None:
    assert _marked(TESTS / "sandbox" / "test_adversarial.py")
    assert _marked(TESTS / "tui" / "test_snapshots.py")
    assert _marked(TESTS / "cli" / "test_packs.py", "tmp_path", "drillbit_process")
    assert _markers(TESTS / "web" / "test_serve.py", "served") == ["slow", "xdist_group serve"]
    assert _marked(TESTS / "engine" / "test_checks.py", "pool")


def test_fast_tests_stay_in_the_inner_loop() -> None:
    assert not _marked(TESTS / "cli" / "test_cli_bank.py", "drillbit", "mini_bank")
    assert not _marked(TESTS / "tui" / "test_study.py", "build")
    assert not _marked(TESTS / "sandbox" / "test_wire.py")
    assert not _marked(Path("/elsewhere/test_adversarial.py"))


def test_every_server_test_is_in_the_one_serve_group() -> None:
    """Ports are picked free a moment before the server binds: one worker serves at a time."""
    for fixture in ("served", "served_one_tab"):
        assert "xdist_group serve" in _markers(TESTS / "web" / "test_serve.py", fixture)
    assert _markers(TESTS / "web" / "test_serve.py", "tmp_path") == []


@pytest.mark.parametrize("entry", RUN_FIRST)
def test_every_run_first_entry_names_a_test(entry: str) -> None:
    module, _, name = entry.partition("::")
    assert (TESTS / module).is_file(), f"tests/{module} does not exist"
    assert not name or f"def {name}(" in (TESTS / module).read_text(), f"{entry}: no such test"


def test_the_longest_tests_go_first_then_the_slow_ones() -> None:
    """xdist hands tests out in this order: a long test collected last would run alone."""
    fast = _Item(TESTS / "bank" / "test_mathtext.py")
    slow = _Item(TESTS / "sandbox" / "test_adversarial.py")
    longest = _Item(
        TESTS / "sandbox" / "test_pycache.py",
        name="test_processes_grading_at_once_never_break_each_other",
    )
    same_module = _Item(
        TESTS / "sandbox" / "test_pycache.py", name="test_the_pycs_are_checked_hash"
    )
    parametrized = _Item(TESTS / "engine" / "test_statistics.py", name="test_it[seed-1]")
    items = [fast, slow, same_module, parametrized, longest]
    pytest_collection_modifyitems(cast(list[pytest.Item], items))
    assert items == [longest, same_module, parametrized, slow, fast]
