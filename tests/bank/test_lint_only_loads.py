"""A card whose only problems are lint's own (math that does not render, `$` in a title)
loads in the app, so lint's `order:` and `related:` checks treat it as loaded; a card that
really does not load is one problem, at its file, not one more per pack.yaml `order:` entry
or `related:` id naming it."""

from __future__ import annotations

import json
from pathlib import Path

from quiz.bank.lint import lint
from quiz.bank.loader import load_bank
from tests.conftest import RunDrillbit


def _order_all(mini_bank: Path) -> Path:
    pack = mini_bank / "mini"
    with (pack / "pack.yaml").open("a", encoding="utf-8") as out:
        out.write("order: [sigmoid-bound, what-is-relu, dropout-inference]\n")
    return pack


def test_a_card_with_only_math_problems_is_loaded_for_order_and_related(
    mini_bank: Path,
) -> None:
    pack = _order_all(mini_bank)
    card = pack / "basics" / "sigmoid-bound.md"  # what-is-relu names it in `related`
    text = card.read_text(encoding="utf-8")
    text = text.replace("title: The largest value of sigmoid'", "title: Max of $\\sigma'$")
    card.write_text(text.replace("peaks at $z = 0$", "peaks at $z = 0"), encoding="utf-8")
    bank, problems = lint([mini_bank], run_drills=False)
    assert sorted((p.path.name, p.code) for p in problems) == [
        ("sigmoid-bound.md", "math"),
        ("sigmoid-bound.md", "title-math"),
    ]
    assert bank.get("sigmoid-bound") is not None  # as the app loads it
    assert load_bank([mini_bank]).get("sigmoid-bound") is not None


def test_a_card_that_does_not_load_is_one_problem(mini_bank: Path) -> None:
    pack = _order_all(mini_bank)
    for name in ("sigmoid-bound.md", "dropout-inference.md"):
        card = pack / "basics" / name
        card.write_text(card.read_text(encoding="utf-8").replace("difficulty: 2", "difficulty: 9"))
    _, problems = lint([mini_bank], run_drills=False)
    assert sorted(p.path.name for p in problems) == ["dropout-inference.md", "sigmoid-bound.md"]


def test_an_order_entry_that_names_no_card_file_is_still_a_problem(mini_bank: Path) -> None:
    pack = _order_all(mini_bank)
    yaml_text = (pack / "pack.yaml").read_text(encoding="utf-8")
    (pack / "pack.yaml").write_text(yaml_text.replace("what-is-relu,", "what-is-relux,"))
    _, problems = lint([mini_bank], run_drills=False)
    assert [(p.path.name, p.line, p.message) for p in problems] == [
        (
            "pack.yaml",
            4,
            "order: 'what-is-relux' is not a card of this pack (did you mean 'what-is-relu'?)",
        )
    ]


def test_the_summary_counts_a_card_with_a_math_problem_as_loaded_not_fine(
    mini_bank: Path, drillbit: RunDrillbit
) -> None:
    card = mini_bank / "mini" / "basics" / "sigmoid-bound.md"
    text = card.read_text(encoding="utf-8")
    card.write_text(text.replace("peaks at $z = 0$", "peaks at $z = 0"), encoding="utf-8")
    text_run = drillbit("lint", "--no-drills", str(mini_bank))
    assert "1 problem in 1 file; 2 cards are fine" in text_run.stderr
    report = json.loads(drillbit("lint", "--no-drills", str(mini_bank), "--format", "json").stdout)
    assert report["totals"]["cards_loaded"] == 3


_BROKEN_WAYS = {
    "bad-yaml": ("tags: [activations, sigmoid]", "tags: [activations, sigmoid"),
    "bad-kind": ("kind: numeric", "kind: essay"),
    "no-section": ("## Explanation\n", ""),
}


def test_cards_broken_every_way_are_one_problem_each_in_text_and_github(
    mini_bank: Path, drillbit: RunDrillbit
) -> None:
    """Bad YAML, an unknown kind, a missing section, a card file at the wrong depth: each
    is one problem at its own file, not one more at the pack.yaml `order:` entry or the
    `related:` id naming it, and pack.yaml is not counted as a file with errors."""
    pack = mini_bank / "mini"
    source = (pack / "basics" / "sigmoid-bound.md").read_text(encoding="utf-8")
    for name, (old, new) in _BROKEN_WAYS.items():
        assert old in source
        text = source.replace("id: sigmoid-bound", f"id: {name}").replace(old, new)
        (pack / "basics" / f"{name}.md").write_text(text, encoding="utf-8")
    (pack / "misplaced.md").write_text(source.replace("sigmoid-bound", "misplaced"))
    ids = [*_BROKEN_WAYS, "misplaced"]
    with (pack / "pack.yaml").open("a", encoding="utf-8") as out:
        out.write("order:\n" + "".join(f"  - {card_id}\n" for card_id in ids))
    relu = pack / "basics" / "what-is-relu.md"
    text = relu.read_text(encoding="utf-8")
    relu.write_text(text.replace("related: [sigmoid-bound]", f"related: [{', '.join(ids)}]"))
    basics = pack / "basics"
    question = source.splitlines().index("## Question") + 1
    expected = [
        (basics / "bad-kind.md", 3, 1, "bad-kind", "kind must be one of concept, choice, "
         "numeric, coding, not 'essay'"),
        (basics / "bad-yaml.md", 6, 7, "yaml", "invalid YAML in front matter: the list opened "
         "here by '[' is never closed by ']': close it, or put a text that starts "
         "with '[' in quotes"),
        (basics / "no-section.md", 12, 1, "missing-section", "missing section '## Explanation': "
         f"add it after the '## Question' section (line {question})"),
        (pack / "misplaced.md", 1, 1, "misplaced", "card files live at "
         "<pack>/<topic>/<id>.md; this one is not loaded: move it into a topic folder named "
         "as its topic, mini/<topic>/misplaced.md"),
    ]  # fmt: skip
    text_run = drillbit("lint", "--no-drills", str(mini_bank))
    assert text_run.stdout.splitlines() == [
        f"{path}:{line}:{col}: {message} [{code}]" for path, line, col, code, message in expected
    ]
    assert "4 problems in 4 files; 3 cards are fine" in text_run.stderr
    github = drillbit("lint", "--no-drills", str(mini_bank), "--format", "github")
    assert github.stdout.splitlines() == [
        f"::error file={path},line={line},col={col},title=drillbit lint ({code})::{message}"
        for path, line, col, code, message in expected
    ]
