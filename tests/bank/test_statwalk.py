"""The index's stat walk: one string of records, the same for any spelling of a root that
names the same folders, and a begun walk says when it is done."""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

import pytest

from quiz.bank import cachefile, index, statwalk
from quiz.bank.index import bank_index
from quiz.bank.lazy import LazyBank
from quiz.bank.loader import load_bank
from quiz.bank.sources import bundled_content_dir
from tests.conftest import DATA


@pytest.fixture(autouse=True)
def _no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files in these tests were just written; let the index be remembered anyway."""
    monkeypatch.setattr(cachefile, "RACY_SECONDS", 0.0)


@pytest.fixture
def roots(tmp_path: Path) -> list[Path]:
    root = tmp_path / "content"
    shutil.copytree(DATA / "mini_bank", root)
    shutil.copytree(root / "mini", root / "second")
    return [bundled_content_dir(), root]


def test_the_walk_is_one_string_of_records_and_its_digest_is_the_strings(
    roots: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = statwalk.walk([str(root) for root in roots])
    assert found is not None
    newest, records = found
    cards = sorted(roots[1].glob("*/*/*.md"))
    assert records.count("card\0") >= len(cards) and newest > 0
    inputs = index._inputs(roots)
    assert inputs is not None and inputs.records == records
    assert inputs.digest == hashlib.blake2b(records.encode(), digest_size=20).hexdigest()
    monkeypatch.chdir(tmp_path)  # a relative root walks as its folder does, named as given
    relative = statwalk.walk(["content"])
    assert relative is not None and relative[1].count("card\0") == len(cards)
    assert "\0content/mini\0" in relative[1]
    assert statwalk.walk([str(tmp_path / "gone")]) == (0, f"missing\0{tmp_path / 'gone'}")
    (roots[1] / "mini" / "basics" / "linked.md").symlink_to(roots[1] / "mini" / "pack.yaml")
    assert statwalk.walk([str(root) for root in roots]) is None  # a link: cannot vouch


def test_a_begun_bank_says_when_its_walk_is_done(roots: list[Path]) -> None:
    expected = bank_index(roots)[0]
    begun = LazyBank.begin(roots)
    deadline = time.monotonic() + 60
    while not begun.ready:  # the walk ends by itself, asked or not
        assert time.monotonic() < deadline
        time.sleep(0.01)
    assert begun.index == expected and begun.ready
    assert LazyBank.of(load_bank(roots)).ready
