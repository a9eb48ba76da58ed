"""A card file the remembered index vouches for is shown without the pydantic schema; any
file changed since (or not vouched for) is validated by the schema as before."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from quiz.bank import cachefile, loader, parse, schema
from quiz.bank import lazy as lazy_module
from quiz.bank.index import bank_index
from quiz.bank.lazy import LazyBank
from tests.conftest import DATA

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files in these tests were just written; let the index be remembered anyway."""
    monkeypatch.setattr(cachefile, "RACY_SECONDS", 0.0)


@pytest.fixture
def roots(tmp_path: Path) -> list[Path]:
    root = tmp_path / "content"
    shutil.copytree(DATA / "mini_bank", root)
    return [root]


def _count_validations(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    calls: list[object] = []
    real = schema.validate_front

    def counted(data: object) -> object:
        calls.append(data)
        return real(data)

    monkeypatch.setattr(schema, "validate_front", counted)
    return calls


def _count_parses(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    calls: list[object] = []
    real = parse.parse_card_data

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(kwargs.get("vouched"))
        return real(*args, **kwargs)

    monkeypatch.setattr(parse, "parse_card_data", counted)
    return calls


def test_a_remembered_index_vouches_for_each_card_file_as_it_was(roots: list[Path]) -> None:
    fresh, bank = bank_index(roots)
    assert bank is not None and not fresh.walk  # a load's own index vouches for nothing
    remembered, again = bank_index(roots)
    assert again is None
    for ref in remembered.refs:
        path = remembered.card_path(ref)
        assert remembered.vouched_key(path) == cachefile.file_key(os.lstat(path))
    some = remembered.card_path(remembered.refs[0])
    assert remembered.vouched_key(some.with_name("not-a-card.md")) is None
    assert remembered.vouched_key(Path("/elsewhere") / some.parent.name / some.name) is None


def test_a_vouched_card_is_built_without_the_schema_and_equals_a_validated_one(
    roots: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    full = loader.load_bank(roots, use_cache=False)
    LazyBank.open(roots)  # a full load: the index is remembered
    monkeypatch.setattr(lazy_module, "SMALL_CACHE_BYTES", 0)  # each card from its own file
    parsed = _count_parses(monkeypatch)
    validations = _count_validations(monkeypatch)
    lazy = LazyBank.open(roots)
    assert not lazy.loaded
    for card in full.cards:
        assert lazy.card(card.id) == card
    assert parsed == [True] * len(full.cards)
    assert validations == []


def test_a_file_changed_after_the_index_was_read_is_validated_again(
    roots: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    LazyBank.open(roots)
    monkeypatch.setattr(lazy_module, "SMALL_CACHE_BYTES", 0)
    lazy = LazyBank.open(roots)
    assert not lazy.loaded
    ref = next(r for r in lazy.refs if r.kind == "concept")
    path = lazy.index.card_path(ref)
    text = path.read_text(encoding="utf-8")
    # Still a valid card with the same ref, but not the version the index vouched for.
    path.write_text(text.replace("difficulty: ", "difficulty:  ", 1), encoding="utf-8")
    validations = _count_validations(monkeypatch)
    card = lazy.card(ref.id)
    assert card is not None and card.id == ref.id
    assert len(validations) == 1
    # An invalid change is found by the schema: the card is no longer there.
    path.write_text(text.replace("difficulty: ", "difficulty: 9", 1), encoding="utf-8")
    other = LazyBank.open(roots)
    assert other.card(ref.id) is None


@pytest.mark.parametrize("small_cache_bytes", [0, 1024 * 1024])
def test_a_due_card_from_the_index_is_shown_without_importing_pydantic(
    roots: list[Path], small_cache_bytes: int
) -> None:
    """From its own file (a pack whose cache is too big to read for one card) or the cache."""
    LazyBank.open(roots)
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from quiz.bank import lazy as lazy_module\n"
        "from quiz.bank.lazy import LazyBank\n"
        f"lazy_module.SMALL_CACHE_BYTES = {small_cache_bytes}\n"
        "from quiz.cardtext import section_markdown\n"
        f"lazy = LazyBank.open([Path({str(roots[0])!r})])\n"
        "shown = []\n"
        "for ref in lazy.refs:\n"
        "    card = lazy.card(ref.id)\n"
        "    shown.append(card.kind)\n"
        "    section_markdown(card, 'Question' if card.kind != 'coding' else 'Task')\n"
        "print(json.dumps([lazy.loaded, 'pydantic' in sys.modules, sorted(set(shown))]))\n"
    )
    env = {**os.environ, "DRILLBIT_HOME": os.environ["DRILLBIT_HOME"]}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, env=env
    )
    loaded, pydantic, kinds = json.loads(done.stdout)
    assert not loaded and not pydantic
    assert len(kinds) == len(lazy_kinds(roots))


def lazy_kinds(roots: list[Path]) -> set[str]:
    return {card.kind for card in loader.load_bank(roots, use_cache=False).cards}
