"""Shared fixtures: every test runs with its own DRILLBIT_HOME and no stray content sources."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """A fresh DRILLBIT_HOME per test, so no test reads or writes a real user's progress."""
    home = tmp_path_factory.mktemp("drillbit-home")
    monkeypatch.setenv("DRILLBIT_HOME", str(home))
    monkeypatch.delenv("DRILLBIT_CONTENT", raising=False)
    yield home


@pytest.fixture
def mini_bank(tmp_path: Path) -> Path:
    """A writable copy of the small valid bank in tests/data/mini_bank (the content root)."""
    root = tmp_path / "content"
    shutil.copytree(DATA / "mini_bank", root)
    return root
