"""Which roots a lint of some paths checks (`lint_roots`) and builds on (`support_roots`),
each named once: pre-commit passes many files of one bank, a pack's `after` may name a
pack another of its packs builds on too."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint_roots, support_roots
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
