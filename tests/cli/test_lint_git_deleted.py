"""The pre-commit hook's entry on a commit that deletes a card of a bank that is not
./content: pre-commit passes no deleted file, so lint asks git what the commit deletes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from quiz.bank.deleted import LINTED, bank_anchors
from tests.cli.git_repo import git as _git
from tests.conftest import DATA, REPO, RunDrillbit

HOOK_FILES = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())[0]["files"]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository whose bank is `banks/ml` (no ./content), committed."""
    monkeypatch.delenv("PRE_COMMIT_FROM_REF", raising=False)
    monkeypatch.delenv("PRE_COMMIT_TO_REF", raising=False)
    root = tmp_path / "repo"
    shutil.copytree(DATA / "mini_bank", root / "banks" / "ml")
    (root / "README.md").write_text("# notes\n")
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "bank")
    return root


def _hook(drillbit: RunDrillbit, repo: Path) -> tuple[int, str]:
    """The hook's entry as pre-commit runs it: at the top, with the staged files that
    match `files` and still exist (none for a commit that only deletes)."""
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    staged = _git(repo, "diff", "--cached", "--name-only", "--diff-filter=ACMR", "-z")
    files = [f for f in staged.split("\0") if f and re.search(hook["files"], f)]
    result = drillbit(*hook["entry"].split()[1:], *files, "--no-drills", cwd=repo)
    return result.returncode, result.stdout


def test_a_commit_that_only_deletes_a_card_lints_its_bank_anywhere(
    repo: Path, drillbit: RunDrillbit
) -> None:
    _git(repo, "rm", "-q", "banks/ml/mini/basics/sigmoid-bound.md")
    code, out = _hook(drillbit, repo)
    assert code == 1, out
    assert "banks/ml/mini/basics/what-is-relu.md" in out
    assert "[unknown-related]" in out and "'sigmoid-bound' does not exist" in out
    # Without git's deletions, lint has no file and no ./content: the bundled bank passes.
    assert drillbit("lint", "--no-drills", cwd=repo).returncode == 0


def test_a_deletion_beside_a_changed_file_elsewhere_is_still_linted(
    repo: Path, drillbit: RunDrillbit
) -> None:
    (repo / "other.md").write_text("# not a card\n")
    _git(repo, "add", "other.md")
    _git(repo, "rm", "-q", "banks/ml/mini/basics/sigmoid-bound.md")
    code, out = _hook(drillbit, repo)
    assert code == 1 and "'sigmoid-bound' does not exist" in out


def test_a_clean_deletion_and_one_outside_any_bank_pass(repo: Path, drillbit: RunDrillbit) -> None:
    _git(repo, "rm", "-q", "README.md")
    assert _hook(drillbit, repo)[0] == 0
    _git(repo, "rm", "-q", "banks/ml/mini/basics/dropout-inference.md")
    code, out = _hook(drillbit, repo)
    assert code == 0, out


def test_the_range_pre_commit_gives_in_ci_is_read(
    repo: Path, drillbit: RunDrillbit, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`pre-commit run --from-ref A --to-ref B` stages nothing: the range says it."""
    _git(repo, "rm", "-q", "banks/ml/mini/basics/sigmoid-bound.md")
    _git(repo, "commit", "-q", "-m", "delete")
    assert _hook(drillbit, repo)[0] == 0  # nothing staged, no range: nothing deleted
    monkeypatch.setenv("PRE_COMMIT_FROM_REF", "HEAD~1")
    monkeypatch.setenv("PRE_COMMIT_TO_REF", "HEAD")
    code, out = _hook(drillbit, repo)
    assert code == 1 and "'sigmoid-bound' does not exist" in out


def test_outside_a_git_repository_the_flag_adds_nothing(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    shutil.copytree(DATA / "mini_bank", tmp_path / "content")
    result = drillbit("lint", "--git-deleted", "--no-drills", cwd=tmp_path)
    assert result.returncode == 0 and "3 cards checked" in result.stderr


def test_each_deleted_card_maps_to_a_pack_yaml_left_in_its_bank(tmp_path: Path) -> None:
    bank = tmp_path / "top" / "q" / "bank"
    for pack in ("b-pack", "a-pack"):
        (bank / pack / "topic").mkdir(parents=True)
        (bank / pack / "pack.yaml").write_text("title: x\n")
    (tmp_path / "top" / "docs").mkdir()
    top = tmp_path / "top"
    deleted = [
        bank / "b-pack" / "topic" / "card.md",  # its pack's own pack.yaml
        bank / "gone-pack" / "topic" / "card.md",  # whole pack gone: a pack beside it
        bank / "gone-pack" / "pack.yaml",
        bank / "b-pack" / "topic" / "image.png",  # not what the hook lints
        top / "docs" / "README.md",  # in no bank
        top / "gone" / "deep" / "x.md",
    ]
    assert bank_anchors(deleted, top) == [
        bank / "b-pack" / "pack.yaml",
        bank / "a-pack" / "pack.yaml",
    ]
    assert LINTED.pattern == HOOK_FILES  # what a deletion of matters is what the hook lints


@pytest.mark.parametrize("changed", ["notes.txt", "README.md"])
def test_a_commit_that_touches_no_bank_lints_nothing(
    repo: Path, drillbit: RunDrillbit, changed: str
) -> None:
    """The hook always runs; a commit of code or a README (passed: it matches `\\.md$`) lints
    nothing and says so, where it linted ./content or the bundled bank (146 cards)."""
    (repo / changed).write_text("changed\n")
    _git(repo, "add", changed)
    code, _ = _hook(drillbit, repo)
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    given = [changed] if re.search(hook["files"], changed) else []
    result = drillbit(*hook["entry"].split()[1:], *given, cwd=repo)
    assert code == 0 and result.returncode == 0
    assert result.stderr.startswith("nothing to lint: no file given is in a pack"), result.stderr
    assert "checked" not in result.stderr


def test_a_changed_config_lints_every_bank_of_the_repository(
    repo: Path, drillbit: RunDrillbit
) -> None:
    """A new `rev` brings new rules: each bank is linted whole, its committed cards too."""
    pack = repo / "more" / "bank" / "extra"
    (pack / "basics").mkdir(parents=True)
    (pack / "pack.yaml").write_text("title: Extra\ndescription: More.\nversion: 0.1.0\n")
    relu = (DATA / "mini_bank" / "mini" / "basics" / "what-is-relu.md").read_text()
    broken = relu.replace("id: what-is-relu", "id: relu-again").replace("concept", "concepts")
    (pack / "basics" / "relu-again.md").write_text(broken.replace("[sigmoid-bound]", "[]"))
    dropout = repo / "banks" / "ml" / "mini" / "basics" / "dropout-inference.md"
    dropout.write_text(dropout.read_text().replace("kind: choice", "kind: choise"))
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "a second bank, committed without the hook")
    assert _hook(drillbit, repo)[0] == 0  # nothing staged: nothing linted
    (repo / ".pre-commit-config.yaml").write_text("repos: []\n")
    _git(repo, "add", ".pre-commit-config.yaml")
    code, out = _hook(drillbit, repo)
    assert out.splitlines() == [
        "banks/ml/mini/basics/dropout-inference.md:3:1: kind must be one of concept, choice,"
        " numeric, coding, not 'choise' (did you mean 'choice'?) [bad-kind]",
        "more/bank/extra/basics/relu-again.md:3:1: kind must be one of concept, choice,"
        " numeric, coding, not 'concepts' (did you mean 'concept'?) [bad-kind]",
    ]
    assert code == 1
