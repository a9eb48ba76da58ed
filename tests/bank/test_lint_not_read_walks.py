"""A card saved as `x.MD` or `x.markdown` is never read; lint warned of it (`not-read`) only
on a whole-pack walk on Linux or macOS. Each other way an author meets the file says so too:
Windows' walk (its rglob matched `x.MD` as `*.md` and loaded it, and left `x.markdown` out
without a word), a `pack.yaml` whose `order` names it (pre-commit passes the changed
pack.yaml alone: "not a card of this pack"), a `related` id naming it, a folder without a
`pack.yaml`, and the pre-commit hook's file pattern (`\\.md$` passed neither file)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from quiz.bank import loader
from quiz.bank.deleted import LINTED
from quiz.bank.lint import lint
from quiz.bank.loader import load_bank
from tests.bank.edits import edit, told
from tests.conftest import DATA, REPO, RunDrillbit

MINI = DATA / "mini_bank" / "mini" / "basics"


def _save_as(mini_bank: Path, name: str, card_id: str) -> Path:
    """A copy of what-is-relu saved under `name` in the mini pack, with id `card_id`."""
    basics = mini_bank / "mini" / "basics"
    text = (basics / "what-is-relu.md").read_text(encoding="utf-8")
    path = basics / name
    path.write_text(text.replace("id: what-is-relu", f"id: {card_id}"), encoding="utf-8")
    return path


class _OtherSystem:
    """The `os` module as the loader sees it on Windows (`os.name == "nt"`), else itself."""

    name = "nt"

    def __getattr__(self, attr: str) -> Any:
        return getattr(os, attr)


def test_the_walk_on_windows_warns_of_the_same_files(
    mini_bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _save_as(mini_bank, "relu-2.MD", "relu-2")
    _save_as(mini_bank, "relu-3.markdown", "relu-3")
    monkeypatch.setattr(loader, "os", _OtherSystem())
    bank = load_bank([mini_bank])
    assert [(p.path.name, p.code, p.severity) for p in bank.problems] == [
        ("relu-2.MD", "not-read", "warning"),
        ("relu-3.markdown", "not-read", "warning"),
    ]
    assert sorted(card.id for card in bank.cards) == [
        "dropout-inference",
        "sigmoid-bound",
        "what-is-relu",
    ]


def test_a_capitalised_name_is_told_the_lower_case_one(mini_bank: Path) -> None:
    """`Relu-2.MD` renamed to `Relu-2.md`, as the warning said, is an id-file-name error."""
    _save_as(mini_bank, "Relu-2.MD", "relu-2")
    assert told(mini_bank) == [
        (
            "Relu-2.MD",
            1,
            "not-read",
            "looks like a card but is not named *.md, so it is not read: rename it to relu-2.md",
        )
    ]


def test_an_order_entry_naming_it_says_which_file_and_the_name(mini_bank: Path) -> None:
    _save_as(mini_bank, "Relu-2.MD", "relu-2")
    _save_as(mini_bank, "relu-3.markdown", "relu-3")
    pack_yaml = mini_bank / "mini" / "pack.yaml"
    with pack_yaml.open("a", encoding="utf-8") as out:
        out.write("order:\n  - what-is-relu\n  - relu-2\n  - relu-3\n")
    said = [
        (6, "order: 'relu-2' is not a card of this pack: basics/Relu-2.MD is not read "
            "(cards are `.md` files): rename it to relu-2.md"),
        (7, "order: 'relu-3' is not a card of this pack: basics/relu-3.markdown is not read "
            "(cards are `.md` files): rename it to relu-3.md"),
    ]  # fmt: skip
    # pre-commit passes the changed pack.yaml alone: the warnings at the cards are not its
    _, problems = lint([pack_yaml], run_drills=False)
    assert [(p.path, p.line, p.code, p.message) for p in problems] == [
        (pack_yaml, line, "pack", message) for line, message in said
    ]
    _, problems = lint([mini_bank], run_drills=False)
    assert [(p.path.name, p.line, p.code) for p in problems] == [
        ("Relu-2.MD", 1, "not-read"),
        ("relu-3.markdown", 1, "not-read"),
        ("pack.yaml", 6, "pack"),
        ("pack.yaml", 7, "pack"),
    ]


def test_a_related_id_naming_it_says_which_file_and_the_name(mini_bank: Path) -> None:
    _save_as(mini_bank, "relu-2.markdown", "relu-2")
    card = mini_bank / "mini" / "basics" / "what-is-relu.md"
    edit(card, "related: [sigmoid-bound]", "related: [sigmoid-bound, relu-2]")
    _, problems = lint([card], run_drills=False)
    assert [(p.path, p.code, p.message) for p in problems] == [
        (
            card,
            "unknown-related",
            "related id 'relu-2' does not exist in the bank: mini/basics/relu-2.markdown is "
            "not read (cards are `.md` files): rename it to relu-2.md",
        )
    ]


def test_a_folder_without_a_pack_yaml_tells_its_misnamed_cards_too(tmp_path: Path) -> None:
    """Once at the folder, naming its cards (the folder of packs is not told "no pack
    found" again), and a card saved as `x.MD` is its own `not-read`, as in a pack."""
    basics = tmp_path / "content" / "loose" / "basics"
    basics.mkdir(parents=True)
    for name in ("what-is-relu.md", "sigmoid-bound.md"):
        saved = name if name == "what-is-relu.md" else "Sigmoid-Bound.MD"
        (basics / saved).write_bytes((MINI / name).read_bytes())
    assert told(tmp_path / "content") == [
        (
            "loose",
            1,
            "no-pack",
            "folder 'loose' has no pack.yaml, so its 2 cards (Sigmoid-Bound.MD, "
            "what-is-relu.md) are not loaded: add loose/pack.yaml (title, description, "
            "version) to make it a pack",
        ),
        (
            "Sigmoid-Bound.MD",
            1,
            "not-read",
            "looks like a card but is not named *.md, so it is not read: rename it to "
            "sigmoid-bound.md",
        ),
    ]


def test_a_card_in_no_pack_given_alone_is_one_problem(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    """Named alone, a card of a folder without a pack.yaml got "not in a pack" and "a card
    outside any pack": one slip, told twice."""
    card = tmp_path / "notes" / "what-is-relu.md"
    card.parent.mkdir()
    card.write_bytes((MINI / "what-is-relu.md").read_bytes())
    result = drillbit("lint", "--no-drills", str(card))
    assert result.returncode == 1
    assert [line.rsplit(" [", 1)[1] for line in result.stdout.splitlines()] == ["no-pack]"]
    assert "1 problem in 1 file" in result.stderr


@pytest.mark.parametrize(
    ("name", "passed"),
    [
        ("content/ml/basics/relu.md", True),
        ("content/ml/basics/relu.MD", True),
        ("content/ml/basics/relu.Md", True),
        ("content/ml/basics/relu.markdown", True),
        ("content/ml/basics/relu.MARKDOWN", True),
        ("content/ml/pack.yaml", True),
        ("content/ml/basics/relu.txt", True),
        ("content/ml/basics/relu.md.txt", True),
        ("content/ml/basics/relu.TXT", True),
        ("content/ml/basics/relu.mdx", False),
        ("content/ml/basics/relu.md.bak", False),
    ],
)
def test_the_hook_is_passed_every_markdown_spelling(name: str, passed: bool) -> None:
    """pre-commit matches `files` with `re.search`, case-sensitively: `\\.md$` never passed
    `x.MD` or `x.markdown`, so a commit of one passed without the warning; nor `x.txt`,
    the name Notepad gives."""
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert bool(re.search(hook["files"], name)) is passed
    assert LINTED.pattern == hook["files"]


@pytest.mark.parametrize(
    ("name", "note"),
    [
        ("Pack.yaml", "a Mac or Windows disk finds it whatever its case, Linux does not"),
        ("PACK.YAML", "a Mac or Windows disk finds it whatever its case, Linux does not"),
        ("pack.yml", "not `.yml`"),
    ],
)
def test_a_pack_file_spelt_otherwise_is_named(mini_bank: Path, name: str, note: str) -> None:
    """A pack saved on a Mac as `Pack.yaml` loads there (its disk ignores case) and, on a
    Linux CI runner, was "folder 'mini' has no pack.yaml: add mini/pack.yaml", beside it.
    Told once, at the pack folder (it was told at each card, and the pack linted alone
    again as "no pack found")."""
    pack = mini_bank / "mini"
    (pack / "pack.yaml").rename(pack / name)
    why = (
        f"folder 'mini' has {name}, which is not read, so its 3 cards (dropout-inference.md, "
        "sigmoid-bound.md, what-is-relu.md) are not loaded: rename it to mini/pack.yaml (only "
        f"that name makes a pack: {note})"
    )
    for linted in (mini_bank, pack):  # the folder of packs, and the pack alone
        said = [(n, code, message) for n, _, code, message in told(linted)]
        assert said == [("mini", "no-pack", why)], said
