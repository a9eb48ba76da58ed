"""Which roots a lint of some paths checks (`lint_roots`) and builds on (`support_roots`),
each named once: pre-commit passes many files of one bank, a pack's `after` may name a
pack another of its packs builds on too."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import _unloaded_siblings, lint, lint_roots, support_roots
from tests.cli.test_lint_app_bank import write_pack

PACK_YAML = "title: t\ndescription: d\nversion: 0.1.0\nafter: {}\n"


def test_a_pack_two_of_the_packs_build_on_is_read_once(tmp_path: Path) -> None:
    base = write_pack(tmp_path, "base", ["base-card"])
    middle = write_pack(tmp_path, "middle", ["middle-card"])
    mine = write_pack(tmp_path, "mine", ["my-card"])
    (mine / "pack.yaml").write_text(PACK_YAML.format("[middle, base]"))
    (middle / "pack.yaml").write_text(PACK_YAML.format("[base]"))
    assert support_roots([mine]) == [middle, base]


def test_changed_files_of_one_bank_check_that_bank_once(tmp_path: Path) -> None:
    content = tmp_path / "content"
    mine = write_pack(content, "mine", ["card-a", "card-b"])
    files = [mine / "t" / "card-a.md", mine / "t" / "card-b.md", mine / "pack.yaml"]
    assert lint_roots(files) == [content]


def test_a_pack_whose_whole_folder_is_linted_is_not_named_again(tmp_path: Path) -> None:
    content = tmp_path / "content"
    mine = write_pack(content, "mine", ["my-card"])
    assert lint_roots([content, mine]) == [content]
    assert lint_roots([mine]) == [mine], "alone, a pack is its own root"


def test_a_file_in_no_pack_is_checked_in_its_folder(tmp_path: Path) -> None:
    loose = tmp_path / "notes" / "card.md"
    loose.parent.mkdir()
    loose.write_text("id: x\n", encoding="utf-8")
    assert lint_roots([loose]) == [loose.parent]


def test_only_the_neighbours_a_load_does_not_read_are_checked_for_clashing_ids(
    tmp_path: Path,
) -> None:
    # those the load reads (the pack, what its `after` names, a whole folder of the app's
    # bank) report a clash themselves: warned here too, it was said twice
    content = tmp_path / "content"
    mine, base, other = (
        write_pack(content, name, [f"{name}-card"]) for name in ("mine", "base", "other")
    )
    assert _unloaded_siblings(mine, [base, mine]) == [other]
    assert _unloaded_siblings(mine, [mine, content]) == []


def test_the_packs_a_pack_builds_on_are_loaded_once_when_the_roots_given_lack_them(
    tmp_path: Path,
) -> None:
    write_pack(tmp_path, "base", ["base-card"])
    mine = write_pack(tmp_path, "mine", ["my-card"], related="[base-card]")
    (mine / "pack.yaml").write_text(PACK_YAML.format("[base]"))
    # the app's roots hold the pack itself only: what it builds on is loaded after them,
    # and the pack is not loaded a second time (its ids would clash with themselves)
    bank, problems = lint([mine], roots=[mine], run_drills=False)
    assert sorted(card.id for card in bank.cards) == ["base-card", "my-card"]
    assert problems == []
