"""`drillbit lint` as pre-commit and GitHub Actions call it: annotations GitHub can parse,
references into changed or deleted files, one summary per run."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from quiz.bank.lint import lint
from quiz.bank.lint_report import escape_property, github_lines, github_path
from quiz.bank.problems import Problem
from tests.conftest import DATA, REPO, RunDrillbit

ANNOTATION = re.compile(r"^::(error|warning) (?P<props>[^:]*)::(?P<message>.*)$")
"""A workflow command: no raw ':' in the properties, so the first '::' ends them."""


def unescape(text: str) -> str:
    """GitHub's runner reading a property back."""
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def parse_annotation(line: str) -> dict[str, str]:
    match = ANNOTATION.match(line)
    assert match, line
    props = dict(item.split("=", 1) for item in match["props"].split(","))
    return {key: unescape(value) for key, value in props.items()}


def test_an_odd_file_name_yields_a_valid_annotation(
    mini_bank: Path, drillbit: RunDrillbit, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = mini_bank / "mini" / "basics" / "odd,name:100%.md"
    shutil.copy(DATA / "bad_cards" / "unknown-key.md", target)
    monkeypatch.setenv("GITHUB_WORKSPACE", str(mini_bank))
    result = drillbit("lint", str(target), "--format", "github")
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert lines
    for line in lines:
        props = parse_annotation(line)
        assert props["file"] == "mini/basics/odd,name:100%.md"
        assert set(props) == {"file", "line", "col", "title"}
    assert "file=mini/basics/odd%2Cname%3A100%25.md," in lines[0]


def test_properties_escape_what_github_documents() -> None:
    assert escape_property("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce"


def test_paths_are_relative_to_the_workspace_when_set(tmp_path: Path) -> None:
    card = tmp_path / "repo" / "content" / "x.md"
    assert github_path(card, str(tmp_path / "repo")) == "content/x.md"
    assert github_path(card, str(tmp_path / "elsewhere")) == str(card)


def test_deleting_a_referenced_card_fails_the_lint_of_the_changed_files(mini_bank: Path) -> None:
    (mini_bank / "mini" / "basics" / "sigmoid-bound.md").unlink()
    changed = mini_bank / "mini" / "basics" / "dropout-inference.md"
    _, problems = lint([changed], run_drills=False)
    assert [(p.path.name, p.code) for p in problems] == [("what-is-relu.md", "unknown-related")]
    assert "'sigmoid-bound' does not exist" in problems[0].message


def test_a_broken_neighbour_is_its_own_problem_not_a_second_one(mini_bank: Path) -> None:
    broken = mini_bank / "mini" / "basics" / "sigmoid-bound.md"
    broken.write_text(broken.read_text().replace("difficulty: 2", "difficulty: 9"))
    _, problems = lint([mini_bank], run_drills=False)
    # what-is-relu's `related: [sigmoid-bound]` is not wrong: the broken file is.
    assert [p.path.name for p in problems] == ["sigmoid-bound.md"]


def test_the_hook_runs_serially_and_always(drillbit: RunDrillbit) -> None:
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert hook["require_serial"] is True and hook["always_run"] is True
    assert hook["entry"] == "drillbit lint --git-deleted" and hook["pass_filenames"] is True


def test_the_hook_entry_as_pre_commit_calls_it_prints_one_summary(
    mini_bank: Path, drillbit: RunDrillbit
) -> None:
    files = sorted(str(p.relative_to(mini_bank.parent)) for p in mini_bank.rglob("*"))
    files = [f for f in files if re.search(r"\.md$|pack\.yaml$", f)]
    result = drillbit(
        "lint", *files, cwd=mini_bank.parent
    )  # require_serial: every file in one call
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("checked, no problems") == 1
    assert "3 cards checked, no problems" in result.stderr


def test_lint_alone_in_a_packs_own_repository_checks_that_pack(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    """A pack kept in a repository of its own (pack.yaml at the top, no ./content): `drillbit
    lint` there checks the pack, where it checked the bundled bank and passed."""
    repo = tmp_path / "my-pack"
    shutil.copytree(DATA / "mini_bank" / "mini", repo)
    card = repo / "basics" / "what-is-relu.md"
    card.write_text(card.read_text(encoding="utf-8").replace("\ntitle:", "\ntitel:", 1))
    result = drillbit("lint", cwd=repo)
    assert result.returncode == 1, result.stderr
    assert "basics/what-is-relu.md:" in result.stdout
    assert "unknown key 'titel'" in result.stdout


def test_past_githubs_ten_annotations_a_step_the_tenth_says_the_log_lists_the_rest(
    tmp_path: Path,
) -> None:
    """GitHub shows 10 error (and 10 warning) annotations a step and drops the others
    without a word: the 10th says how many more there are, and they follow as log lines,
    none of which reads as a workflow command (a folder named like one)."""
    folder = tmp_path / "::stop-commands::x"
    errors = [Problem(folder / f"card-{n:02}.md", 3, 1, "bad-value", "wrong") for n in range(12)]
    warnings = [
        Problem(tmp_path / "w.md", n, 1, "answer-position", "crowded", "warning")
        for n in range(1, 4)
    ]
    lines = github_lines([*errors, *warnings], str, str(tmp_path))
    annotated = [parse_annotation(line) for line in lines if line.startswith("::error ")]
    assert len(annotated) == 10
    assert [a.get("file") for a in annotated[:9]] == [
        f"::stop-commands::x/card-{n:02}.md" for n in range(9)
    ]
    summary = next(line for line in lines if "more errors" in line)
    assert "3 more errors, not annotated (GitHub shows 10 errors a step)" in summary
    assert sum(line.startswith("::warning ") for line in lines) == 3  # under the limit: all
    rest = [line for line in lines if not line.startswith("::")]
    assert rest == [
        f"- ::stop-commands::x/card-{n:02}.md:3:1: error: wrong [bad-value]" for n in (9, 10, 11)
    ]


def test_a_message_over_lines_stays_one_annotation() -> None:
    """GitHub's escapeData: %, CR and LF in a message, so a message never ends the command."""
    problem = Problem(Path("a.md"), 1, 1, "yaml", "100% bad\r\n::error::forged")
    (line,) = github_lines([problem], str, "")
    assert line.endswith("::100%25 bad%0D%0A::error::forged")
