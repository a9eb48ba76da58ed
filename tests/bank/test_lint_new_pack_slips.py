"""What an author writing a new pack plausibly gets wrong, each told once at file:line with
the fix (forty-fourth round): a title over its length or empty (pydantic's "String should
have at most 120 characters"), an empty pack.yaml (three missing-key errors for one slip),
and four slips at once, one line each in the plain output, in `--format github` and
through the pre-commit hook's entry (the starter imports and page ranges have their own
files: test_starter_imports.py, test_source_ranges.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.loader import load_bank
from tests.bank.edits import edit, line_of, told_in_full, tui_bank_copy
from tests.cli.git_repo import git
from tests.conftest import RunDrillbit

DRILL = Path("mini", "drills", "tiny-sgd.md")
NUMERIC = Path("mini", "basics", "sigmoid-bound.md")
CONCEPT = Path("mini", "basics", "what-is-relu.md")
PACK = Path("mini", "pack.yaml")
LONG_TITLE = (
    "What the logistic sigmoid's derivative is at most, where it peaks, and why that bound "
    "slows the training of deep networks"
)


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    return tui_bank_copy(tmp_path)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            LONG_TITLE,
            f"title: {len(LONG_TITLE)} characters, over the 120 allowed: shorten it (a title "
            "names the card in lists and headings; the question itself goes in '## Question')",
        ),
        ('""', "title: empty: write its text after 'title:'"),
    ],
)
def test_a_title_over_its_length_or_empty_is_told_in_an_author_s_words(
    bank: Path, written: str, message: str
) -> None:
    path = bank / NUMERIC
    edit(path, "title: The largest value of sigmoid'\n", f"title: {written}\n")
    line = line_of(path, f"title: {written}")
    assert told_in_full(bank) == [(path, line, 1, "bad-value", message, True)]
    loaded = load_bank([bank], use_cache=False)  # the app's load says the same
    assert [(p.line, p.message) for p in loaded.problems] == [(line, message)]


@pytest.mark.parametrize("written", ["", "\n\n", "# filled in later\n"])
def test_an_empty_pack_yaml_is_one_error(bank: Path, written: str) -> None:
    path = bank / PACK
    path.write_text(written, encoding="utf-8")
    assert told_in_full(bank) == [
        (
            path,
            1,
            1,
            "missing-key",
            "pack file is empty: write its keys, one per line: title: (the pack's title Home "
            "shows), description: (a sentence or two under it) and version: (three numbers, "
            "e.g. 1.0.0)",
            True,
        )
    ]


def _break_four(root: Path) -> dict[str, str]:
    """Four slips in four files: each file's plain line (path from `root`'s parent)."""
    edit(root / DRILL, "import numpy as np\n", "import numpy as np\nimport subprocess\n")
    edit(root / NUMERIC, "source: tests\n", "source: Bishop 2006, pp. 200-180\n")
    edit(root / CONCEPT, "title: What ReLU computes\n", f"title: {LONG_TITLE}\n")
    (root / PACK).write_text("", encoding="utf-8")
    source = line_of(root / NUMERIC, "source: Bishop 2006, pp. 200-180")
    range_col = len("source: Bishop 2006, ") + 1
    return {
        str(DRILL): f"{line_of(root / DRILL, 'import subprocess')}:1: starter imports 'subprocess'",
        str(NUMERIC): f"{source}:{range_col}: warning: source: 'pp. 200-180' runs backwards",
        str(CONCEPT): f"{line_of(root / CONCEPT, f'title: {LONG_TITLE}')}:1: title: "
        f"{len(LONG_TITLE)} characters, over the 120 allowed",
        str(PACK): "1:1: pack file is empty",
    }


def _one_line_each(lines: list[str], expected: dict[str, str], prefix: str) -> None:
    for name, start in expected.items():
        mine = [line for line in lines if f"{prefix}{name}:" in line]
        assert len(mine) == 1, lines
        assert mine[0].startswith(f"{prefix}{name}:{start}"), mine
    assert len(lines) == len(expected), lines


def test_each_slip_is_one_line_in_plain_github_and_the_hook_s_output(
    bank: Path, drillbit: RunDrillbit, tmp_path: Path
) -> None:
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "content")
    git(tmp_path, "commit", "-q", "-m", "bank")
    expected = _break_four(bank)
    plain = drillbit("lint", "--no-drills", "content", cwd=tmp_path)
    assert plain.returncode == 1, plain.stderr
    assert "Traceback" not in plain.stderr
    _one_line_each(plain.stdout.splitlines(), expected, "content/")
    github = drillbit("lint", "--no-drills", "--format", "github", "content", cwd=tmp_path)
    assert github.returncode == 1, github.stderr
    annotations = github.stdout.splitlines()
    for name, start in expected.items():
        line, col = start.split(":")[:2]
        level = "warning" if "warning:" in start else "error"
        mine = [a for a in annotations if f"file=content/{name}," in a]
        assert len(mine) == 1 and mine[0].startswith(
            f"::{level} file=content/{name},line={line},col={col},"
        ), annotations
    assert len(annotations) == len(expected), annotations
    git(tmp_path, "add", "content")
    changed = git(tmp_path, "diff", "--cached", "--name-only").split()
    assert sorted(changed) == sorted(f"content/{name}" for name in expected)
    hook = drillbit("lint", "--git-deleted", "--no-drills", *changed, cwd=tmp_path)
    assert hook.returncode == 1, hook.stderr
    assert hook.stdout == plain.stdout


def test_a_card_of_front_matter_alone_is_one_problem(bank: Path) -> None:
    """A card whose body is not written yet: one problem naming every section to write,
    where each missing section was one."""
    path = bank / CONCEPT
    written = path.read_text(encoding="utf-8").split("## Question")[0]
    path.write_text(written, encoding="utf-8")
    line = written.count("\n") + 1  # where the body goes, as a missing section was told
    assert [(p[1], p[3], p[4]) for p in told_in_full(bank)] == [
        (
            line,
            "missing-section",
            "the card has no sections: write '## Question' and '## Answer' below the front matter",
        )
    ]


def test_one_missing_section_is_still_named_alone(bank: Path) -> None:
    path = bank / CONCEPT
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("## Answer")], encoding="utf-8")
    question = text.splitlines().index("## Question") + 1
    assert [(p[3], p[4]) for p in told_in_full(bank)] == [
        (
            "missing-section",
            f"missing section '## Answer': add it after the '## Question' section "
            f"(line {question})",
        )
    ]


def test_a_pack_yaml_that_is_a_folder_is_named_once_with_the_cards_it_leaves_out(
    tmp_path: Path,
) -> None:
    """The load reads no pack there (a pack file is a regular file), and lint's check of
    cards outside packs took the folder for one: its cards were left out without a word.
    Told once, at the pack folder: it was told at each card and at the folder of packs."""
    root = tui_bank_copy(tmp_path)
    (root / PACK).unlink()
    (root / PACK).mkdir()
    cards = sorted((root / "mini").glob("*/*.md"))
    assert len(cards) == 4
    why = (
        "folder 'mini' has a pack.yaml that is no file (a folder of that name), so its 4 "
        f"cards ({', '.join(card.name for card in cards[:3])}, ...) are not loaded: replace "
        "it with a pack.yaml file (title, description, version)"
    )
    told = [(p[0], p[1], p[3], p[4]) for p in told_in_full(root)]
    assert told == [(root / "mini", 1, "no-pack", why)]


@pytest.mark.parametrize("marker", ["```", "~~~~"])
def test_a_code_block_never_closed_is_told_at_its_opening_not_as_a_missing_section(
    bank: Path, marker: str
) -> None:
    """The block reads `## Answer` below it as code: the card was told "missing section
    '## Answer'" at the body's first line, under a heading the author can see."""
    path = bank / CONCEPT
    edit(
        path,
        "What does ReLU compute, and what is its derivative?\n",
        f"What does this compute?\n\n{marker}python\ndef relu(z):\n",
    )
    line = path.read_text(encoding="utf-8").splitlines().index(f"{marker}python") + 1
    assert [(p[1], p[2], p[3], p[4]) for p in told_in_full(bank)] == [
        (
            line,
            1,
            "missing-section",
            "the code block opened here is never closed, so '## Answer' below it is read as "
            f"its code: end the block with a '{marker}' line",
        )
    ]


def test_a_code_block_closed_or_holding_no_section_is_no_such_problem(bank: Path) -> None:
    """A closed block is code as meant; a block left open at the end of the last section
    swallows no heading (Markdown shows the rest as code, nothing is missing)."""
    path = bank / CONCEPT
    edit(
        path,
        "What does ReLU compute, and what is its derivative?\n",
        "What does this compute?\n\n```python\n## a comment, not a heading\n```\n",
    )
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\n```python\nnp.maximum(0, z)\n", encoding="utf-8")
    assert told_in_full(bank) == []


def test_a_card_related_to_itself_is_a_warning_at_the_item(bank: Path) -> None:
    path = bank / CONCEPT
    edit(path, "related: [sigmoid-bound]\n", "related:\n  - sigmoid-bound\n  - what-is-relu\n")
    line = path.read_text(encoding="utf-8").splitlines().index("  - what-is-relu") + 1
    assert told_in_full(bank) == [
        (
            path,
            line,
            5,
            "related-self",
            "related id 'what-is-relu' is this card's own: a card's related cards are the "
            "others worth reading next; delete it",
            False,
        )
    ]
