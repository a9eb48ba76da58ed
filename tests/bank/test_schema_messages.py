"""Schema problems in an author's words: pack.yaml gets a card front matter's treatment
(the key's line, did-you-mean, a hint for `version: 1`), one line per mistake in a choice
card's answer, no pydantic prefixes, and a did-you-mean for a nested key."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint
from tests.bank.edits import edit
from tests.conftest import RunDrillbit


def _problems(mini_bank: Path) -> list[tuple[str, int, str, str]]:
    _, problems = lint([mini_bank], run_drills=False)
    return [(p.path.name, p.line, p.code, p.message) for p in problems]


def test_pack_yaml_problems_are_at_their_keys_with_did_you_mean(mini_bank: Path) -> None:
    (mini_bank / "mini" / "pack.yaml").write_text(
        "title: Mini\ndescripton: x\nversion: 1\n", encoding="utf-8"
    )
    assert _problems(mini_bank) == [
        # one slip, one problem: the misspelled key, not also the key it was meant to be
        ("pack.yaml", 2, "unknown-key", "unknown key 'descripton' (did you mean 'description'?)"),
        (
            "pack.yaml",
            3,
            "bad-value",
            "version: YAML reads 1 as a number: write three numbers, e.g. version: 1.0.0",
        ),
    ]


def test_a_two_part_version_is_told_the_form(mini_bank: Path) -> None:
    pack = mini_bank / "mini" / "pack.yaml"
    pack.write_text("title: Mini\ndescription: d\nversion: 1.0\n", encoding="utf-8")
    assert [m for *_, m in _problems(mini_bank)] == [
        "version: YAML reads 1.0 as a number: write three numbers, e.g. version: 1.0.0"
    ]
    pack.write_text("title: Mini\ndescription: d\nversion: '1.0'\n", encoding="utf-8")
    assert [m for *_, m in _problems(mini_bank)] == [
        "version: '1.0' is not three numbers: write e.g. version: 1.0.0"
    ]


def test_a_letter_as_a_choice_answer_is_one_problem(mini_bank: Path) -> None:
    card = mini_bank / "mini" / "basics" / "dropout-inference.md"
    edit(card, "answer: 1\n", "answer: B\n")
    assert _problems(mini_bank) == [
        (
            "dropout-inference.md",
            13,
            "bad-value",
            "answer: 'B' is not a choice index: write the zero-based index (0-2) or a list "
            "of them, e.g. [0, 2]",
        )
    ]


def test_an_out_of_range_index_has_no_pydantic_prefix(mini_bank: Path) -> None:
    card = mini_bank / "mini" / "basics" / "dropout-inference.md"
    edit(card, "answer: 1\n", "answer: 7\n")
    [(_, _, _, message)] = _problems(mini_bank)
    assert message.startswith("answer: index 7 is out of range")
    assert "Value error" not in message


def test_a_percentage_as_a_numeric_answer_is_told_the_number(mini_bank: Path) -> None:
    card = mini_bank / "mini" / "basics" / "sigmoid-bound.md"
    edit(card, "answer: 0.25\n", 'answer: "25%"\n')
    [(_, line, _, message)] = _problems(mini_bank)
    assert line == 9
    assert message.startswith("answer: '25%' is not a number: write it as 0.25")


def test_a_nested_unknown_key_gets_did_you_mean(mini_bank: Path) -> None:
    card = mini_bank / "mini" / "basics" / "sigmoid-bound.md"
    edit(card, "{absolute: 0.001}", "{abs: 0.001}")
    assert [m for *_, m in _problems(mini_bank)] == [
        "unknown key 'tolerance.abs' (did you mean 'absolute'?)"
    ]
    edit(card, "{abs: 0.001}", "{relativ: 0.001}")
    assert [m for *_, m in _problems(mini_bank)] == [
        "unknown key 'tolerance.relativ' (did you mean 'relative'?)"
    ]


def test_a_nested_unknown_key_nothing_is_close_to_lists_the_allowed_keys(
    mini_bank: Path, drillbit: RunDrillbit
) -> None:
    card = mini_bank / "mini" / "basics" / "sigmoid-bound.md"
    edit(card, "tolerance: {absolute: 0.001}", "tolerance:\n  absolute: 0.001\n  zzz: 1")
    run = drillbit("lint", "--no-drills", str(mini_bank))
    assert run.stdout.splitlines() == [
        f"{card}:12:3: unknown key 'tolerance.zzz' (allowed: absolute, relative) [unknown-key]"
    ]
    github = drillbit("lint", "--no-drills", str(mini_bank), "--format", "github")
    assert github.stdout.splitlines() == [
        f"::error file={card},line=12,col=3,title=drillbit lint (unknown-key)::"
        "unknown key 'tolerance.zzz' (allowed: absolute, relative)"
    ]


def test_a_pack_yaml_unknown_key_nothing_is_close_to_lists_the_allowed_keys(
    mini_bank: Path,
) -> None:
    pack = mini_bank / "mini" / "pack.yaml"
    pack.write_text("title: Mini\ndescription: d\nversion: 1.0.0\nauthors: me\n")
    assert _problems(mini_bank) == [
        (
            "pack.yaml",
            4,
            "unknown-key",
            "unknown key 'authors' (allowed: after, description, order, title, version)",
        )
    ]


def test_a_card_unknown_key_nothing_is_close_to_is_not_followed_by_a_dozen_keys(
    mini_bank: Path,
) -> None:
    card = mini_bank / "mini" / "basics" / "sigmoid-bound.md"
    edit(card, "answer: 0.25\n", "answer: 0.25\nzzz: 1\n")
    assert _problems(mini_bank) == [("sigmoid-bound.md", 10, "unknown-key", "unknown key 'zzz'")]


def test_a_value_out_of_range_is_named_with_the_limit(mini_bank: Path) -> None:
    """pydantic said "Input should be less than or equal to 5": the value the card gave
    was nowhere in the line a pre-commit hook or a CI annotation shows."""
    cards = mini_bank / "mini" / "basics"
    edit(cards / "dropout-inference.md", "difficulty: 2", "difficulty: 9")
    edit(cards / "sigmoid-bound.md", "difficulty: 2", "difficulty: 0")
    edit(cards / "sigmoid-bound.md", "{absolute: 0.001}", "{absolute: -0.001}")
    assert sorted(_problems(mini_bank)) == [
        (
            "dropout-inference.md",
            7,
            "bad-value",
            "difficulty: 9 is out of range: it must be at most 5",
        ),
        (
            "sigmoid-bound.md",
            7,
            "bad-value",
            "difficulty: 0 is out of range: it must be at least 1",
        ),
        (
            "sigmoid-bound.md",
            10,
            "bad-value",
            "tolerance.absolute: -0.001 is out of range: it must be at least 0",
        ),
    ]


def test_a_missing_key_says_what_to_write_for_the_cards_kind(mini_bank: Path) -> None:
    """ "missing required key 'answer'" said what was wrong, not what to write: a new author
    of a numeric card does not know an answer is a number, of a choice card an index."""
    basics = mini_bank / "mini" / "basics"
    edit(basics / "sigmoid-bound.md", "answer: 0.25\n", "")
    edit(basics / "sigmoid-bound.md", "source: tests\n", "")
    found = [(name, code, message) for name, _, code, message in _problems(mini_bank)]
    assert found == [
        ("sigmoid-bound.md", "missing-key", "missing required key 'answer': the number, "
         "e.g. answer: 0.25"),
        ("sigmoid-bound.md", "missing-key", "missing required key 'source': where the "
         "card's facts come from, e.g. source: Goodfellow et al. 2016, sec. 6.3"),
    ]  # fmt: skip


def test_a_coding_card_without_entry_names_what_entry_holds() -> None:
    from quiz.bank.parse import parse_card

    front = (
        "---\nid: relu-forward\nkind: coding\ntitle: ReLU\ntopic: basics\ndifficulty: 1\n"
        "source: tests\nchecker: nn.activations.relu\n---\n\n## Task\n\nWrite it.\n"
    )
    _card, problems = parse_card(front, Path("p/basics/relu-forward.md"), "p", "basics")
    assert [p.message for p in problems if p.code == "missing-key"] == [
        "missing required key 'entry': the function(s) of the ## Starter the grader calls, "
        "e.g. entry: [softmax]"
    ]


def test_a_word_where_a_number_goes_says_what_number_not_to_drop_quotes(
    mini_bank: Path,
) -> None:
    """`difficulty: easy` was told "'easy' is text, not a number: write it without quotes":
    it has no quotes, and without them it is still no number."""
    basics = mini_bank / "mini" / "basics"
    edit(basics / "what-is-relu.md", "difficulty: 1", "difficulty: easy")
    edit(basics / "sigmoid-bound.md", "answer: 0.25", 'answer: "0.25"')
    found = [(name, message) for name, _, _, message in _problems(mini_bank)]
    assert found == [
        ("sigmoid-bound.md", "answer: '0.25' is text, not a number: write it without quotes"),
        ("what-is-relu.md", "difficulty: 'easy' is not a number: write 1 (warm-up) to 5 "
         "(hard), e.g. difficulty: 2"),
    ]  # fmt: skip
