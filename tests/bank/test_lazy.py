"""The lazy bank: the remembered index at start, a card's model from its own file, the
whole bank only when asked for; and what happens when files change in between."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from quiz.bank import cachefile, index, lazy, loader
from quiz.bank.index import index_of
from quiz.bank.lazy import LazyBank
from quiz.bank.loader import load_bank
from tests.conftest import DATA


@pytest.fixture(autouse=True)
def _no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files in these tests were just written; let the index be remembered anyway."""
    monkeypatch.setattr(cachefile, "RACY_SECONDS", 0.0)


@pytest.fixture
def roots(tmp_path: Path) -> list[Path]:
    """Two packs (the mini bank and a retitled copy) and a card file that does not load."""
    root = tmp_path / "content"
    shutil.copytree(DATA / "mini_bank", root)
    shutil.copytree(root / "mini", root / "second")
    (root / "second" / "pack.yaml").write_text(
        "title: Second\ndescription: A copy.\nversion: 1.0.0\n", encoding="utf-8"
    )
    for path in (root / "second").glob("*/*.md"):
        renamed = path.with_name(f"second-{path.name}")
        text = path.read_text(encoding="utf-8")
        renamed.write_text(text.replace(f"id: {path.stem}", f"id: second-{path.stem}", 1))
        path.unlink()
    shutil.copy(DATA / "bad_cards" / "invalid-yaml.md", root / "mini" / "basics")
    return [root]


def _count_full_loads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    for name in ("load_bank", "load_parts"):  # whole, or the changed files only
        real = getattr(loader, name)

        def counted(*args: object, _real: Any = real, **kwargs: object) -> Any:
            calls.append(1)
            return _real(*args, **kwargs)

        monkeypatch.setattr(loader, name, counted)
    return calls


def test_a_warm_start_answers_from_the_index_and_builds_one_card(
    roots: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    full = load_bank(roots, use_cache=False)
    first = LazyBank.open(roots)  # nothing remembered yet: a full load, kept
    assert first.loaded and first.index == index_of(full)
    loads = _count_full_loads(monkeypatch)
    lazy = LazyBank.open(roots)
    assert not lazy.loaded and loads == []
    assert lazy.index == index_of(full)
    assert lazy.index.pack_titles == {"mini": "Mini", "second": "Second"}
    assert [path.name for path in lazy.index.broken] == ["invalid-yaml.md"]
    card_id = lazy.refs[-1].id
    card = lazy.card(card_id)
    expected = full.by_id()[card_id]
    assert card is not None and loads == [] and not lazy.loaded
    assert (card.front, card.sections, card.path, card.pack) == (
        expected.front,
        expected.sections,
        expected.path,
        expected.pack,
    )
    assert lazy.card(card_id) is card  # built once
    assert lazy.card("no-such-card") is None and loads == []
    assert lazy.bank.cards == full.cards and loads == [1] and lazy.loaded
    assert lazy.card(card_id) is lazy.bank.by_id()[card_id]


def test_a_card_edited_between_index_and_load_comes_from_a_full_load(
    roots: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    LazyBank.open(roots)
    lazy = LazyBank.open(roots)
    assert not lazy.loaded
    ref = lazy.refs[0]
    path = lazy.index.card_path(ref)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: ", "title: Edited ", 1), encoding="utf-8")
    loads = _count_full_loads(monkeypatch)
    card = lazy.card(ref.id)
    assert card is not None and card.title.startswith("Edited ")
    assert loads == [1] and lazy.loaded  # the ref no longer matched: the whole bank, afresh
    assert lazy.ref(ref.id) is not None and lazy.refs[0].title == card.title


def test_a_card_removed_or_broken_between_index_and_load_is_gone(roots: list[Path]) -> None:
    LazyBank.open(roots)
    lazy = LazyBank.open(roots)
    gone, broken = lazy.refs[0], lazy.refs[1]
    lazy.index.card_path(gone).unlink()
    lazy.index.card_path(broken).write_text("---\nid: [unclosed\n---\n", encoding="utf-8")
    assert lazy.card(gone.id) is None and lazy.loaded
    assert lazy.card(broken.id) is None
    assert {gone.id, broken.id}.isdisjoint(ref.id for ref in lazy.refs)
    assert len(lazy.index.broken) == 2  # invalid-yaml.md and the one broken here


def test_a_loaded_bank_is_its_own_index() -> None:
    bank = load_bank([DATA / "mini_bank"], use_cache=False)
    lazy = LazyBank.of(bank)
    assert lazy.loaded and lazy.bank is bank and lazy.index == index_of(bank)
    assert lazy.card(bank.cards[0].id) is bank.cards[0]


def test_a_shown_card_comes_from_a_small_packs_card_cache_else_from_its_file(
    roots: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    full = LazyBank.open(roots).bank  # a full load: the card caches and the index written
    parsed: list[Path] = []
    real = loader._parse_job

    def counted(job: loader._Job) -> object:
        parsed.append(job.path)
        return real(job)

    monkeypatch.setattr(loader, "_parse_job", counted)
    small = LazyBank.open(roots)
    ref = small.refs[0]
    card = small.card(ref.id)
    assert card is not None and card.sections == full.by_id()[ref.id].sections
    assert parsed == [] and not small.loaded  # the pack's cache file is small: read
    monkeypatch.setattr(lazy, "SMALL_CACHE_BYTES", 0)
    large = LazyBank.open(roots)
    card = large.card(ref.id)
    assert card is not None and card.sections == full.by_id()[ref.id].sections
    assert parsed == [large.index.card_path(ref)] and not large.loaded  # parsed instead


def test_a_begun_bank_answers_as_an_opened_one_after_its_walk(
    roots: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    full = load_bank(roots, use_cache=False)
    first = LazyBank.begin(roots)  # nothing remembered yet: its first use is a full load
    assert first.loaded and first.index == index_of(full)
    loads = _count_full_loads(monkeypatch)
    begun = LazyBank.begin(roots)
    assert begun.refs == LazyBank.open(roots).refs == index_of(full).refs
    assert not begun.loaded and loads == []
    (roots[0] / "mini" / "basics" / "invalid-yaml.md").unlink()  # a change before the walk
    changed = LazyBank.begin(roots)
    assert changed.index.broken == () and loads == [1]  # seen: a full load


def test_a_fault_in_the_begun_walk_is_raised_where_the_cards_are_asked_for(
    roots: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # as bank_index raises it: a bug in the walk is not turned into a quiet full load
    def broken_walk(_roots: object) -> None:
        raise RuntimeError("walk bug")

    monkeypatch.setattr(index, "_inputs", broken_walk)
    begun = LazyBank.begin(roots)
    for _ask in range(2):  # asked again, it raises again (it does not answer half-built)
        with pytest.raises(RuntimeError, match="walk bug"):
            begun.refs  # noqa: B018
    with pytest.raises(RuntimeError, match="walk bug"):
        LazyBank.open(roots)
