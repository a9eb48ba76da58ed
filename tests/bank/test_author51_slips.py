"""Slips a bank author made in a scratch bank that lint passed or told in pydantic's words
(fifty-first round): an infinite or not-a-number tolerance, YAML's `.nan` and `.inf` where
a number goes, a code block left open in a card's last section, and a `kind` misspelt."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.loader import load_bank
from tests.bank.edits import edit, line_of
from tests.bank.edits import told as _problems
from tests.bank.test_lint_coding_checks import SOLVED, drill, found


@pytest.mark.parametrize("bound", [".inf", ".nan", ".NaN", "-.inf"])
@pytest.mark.parametrize("kind", ["absolute", "relative"])
def test_a_tolerance_that_is_no_finite_number_is_refused(
    mini_bank: Path, kind: str, bound: str
) -> None:
    """`{absolute: .inf}` took every typed number as right, and lint passed it."""
    card = mini_bank / "mini" / "basics" / "sigmoid-bound.md"
    edit(card, "tolerance: {absolute: 0.001}", f"tolerance: {{{kind}: {bound}}}")
    [(name, line, code, message)] = _problems(mini_bank)
    assert (name, line, code) == (
        "sigmoid-bound.md",
        line_of(card, f"tolerance: {{{kind}: {bound}}}"),
        "bad-value",
    )
    assert message.startswith(f"tolerance.{kind}: ")
    assert "is not a finite number (YAML reads .inf, .nan as infinity, not a number)" in message
    assert "Input should" not in message
    bank = load_bank([mini_bank])  # the app does not load it either: no card takes all
    assert "sigmoid-bound" not in {card.id for card in bank.cards}
    assert len(bank.cards) == 2


@pytest.mark.parametrize(
    ("key", "old", "example"),
    [
        ("answer", "answer: 0.25", "e.g. answer: 0.25"),
        ("difficulty", "difficulty: 2", "e.g. difficulty: 2"),
    ],
)
@pytest.mark.parametrize("written", [".nan", ".inf"])
def test_yaml_s_nan_or_inf_where_a_number_goes_says_what_to_write(
    mini_bank: Path, key: str, old: str, example: str, written: str
) -> None:
    """`answer: .nan` was told "answer: Input should be a finite number"."""
    card = mini_bank / "mini" / "basics" / "sigmoid-bound.md"
    edit(card, old, f"{key}: {written}")
    [(name, line, code, message)] = _problems(mini_bank)
    assert (name, line, code) == (
        "sigmoid-bound.md",
        line_of(card, f"{key}: {written}"),
        "bad-value",
    )
    shown = "nan" if written == ".nan" else "inf"
    assert message.startswith(f"{key}: {shown} is not a finite number (YAML reads .inf, .nan")
    assert message.endswith(example)


def test_a_finite_tolerance_still_loads(mini_bank: Path) -> None:
    """The refusal is of infinity and not-a-number only: a wide finite one is the author's."""
    card = mini_bank / "mini" / "basics" / "sigmoid-bound.md"
    edit(card, "tolerance: {absolute: 0.001}", "tolerance: {relative: 1.0e3}")
    assert _problems(mini_bank) == []


OPEN_FENCE = (
    "the code block opened here is never closed, so the words from line {line} on are "
    "shown as code: end the block with a '{marker}' line above them"
)


@pytest.mark.parametrize("marker", ["```", "~~~~"])
def test_a_code_block_left_open_before_the_last_words_is_told_at_its_opening(
    mini_bank: Path, marker: str
) -> None:
    """No section is lost to it, so it was not told: the prose after it showed as code."""
    card = mini_bank / "mini" / "basics" / "sigmoid-bound.md"
    code = f"{marker}python\nsigma = 1 / (1 + np.exp(-z))\n\n"
    edit(card, "\n$\\sigma'(z) = ", f"\n{code}$\\sigma'(z) = ")
    sentence = next(n for n, line in enumerate(card.read_text().splitlines(), 1) if "peaks" in line)
    assert _problems(mini_bank) == [
        (
            "sigmoid-bound.md",
            line_of(card, f"{marker}python"),
            "open-fence",
            OPEN_FENCE.format(line=sentence, marker=marker),
        )
    ]  # and not `answer-only-code` too: one slip, one problem
    bank = load_bank([mini_bank])  # the app shows the card as written, code and all
    assert "sigmoid-bound" in {card.id for card in bank.cards}
    assert not bank.problems


@pytest.mark.parametrize(
    "code",
    [
        "x = np.maximum(0, z)\n\nprint(x)\n",  # code alone left open: shown as closed
        "def f(z):\n\n    Returns the largest value here.\n",  # indented: code
        "# A comment that ends as a sentence.\n\n# So does this one, at the margin.\n",
    ],
)
def test_code_alone_left_open_at_the_end_is_no_problem(mini_bank: Path, code: str) -> None:
    card = mini_bank / "mini" / "basics" / "sigmoid-bound.md"
    text = card.read_text(encoding="utf-8")
    card.write_text(text + "\n```python\n" + code, encoding="utf-8")
    assert _problems(mini_bank) == []


def test_a_code_block_that_swallows_a_section_is_told_once(mini_bank: Path) -> None:
    """The block that hides `## Explanation` keeps its own message, not a second one."""
    card = mini_bank / "mini" / "basics" / "sigmoid-bound.md"
    edit(
        card,
        "\n## Explanation",
        "\n```python\nz = 0\n\nThe largest value is here.\n\n## Explanation",
    )
    [(name, line, code, message)] = _problems(mini_bank)
    assert (name, line, code) == ("sigmoid-bound.md", line_of(card, "```python"), "missing-section")
    assert message.startswith("the code block opened here is never closed, so '## Explanation'")


@pytest.mark.parametrize(
    ("written", "meant"),
    [("choise", "choice"), ("Concept", "concept"), ("numerical", "numeric"), ("code", "coding")],
)
def test_a_misspelt_kind_is_told_the_kind_it_is_close_to(
    mini_bank: Path, written: str, meant: str
) -> None:
    """An unknown key was told the key it is close to; a misspelt kind only the list."""
    card = mini_bank / "mini" / "basics" / "what-is-relu.md"
    edit(card, "kind: concept", f"kind: {written}")
    assert _problems(mini_bank) == [
        (
            "what-is-relu.md",
            line_of(card, f"kind: {written}"),
            "bad-kind",
            f"kind must be one of concept, choice, numeric, coding, not '{written}' "
            f"(did you mean '{meant}'?)",
        )
    ]


def test_a_starter_that_already_passes_is_told_what_to_leave_out(tmp_path: Path) -> None:
    """It said the drill "would be solved before it is started", not what to write."""
    card = drill(tmp_path, starter=SOLVED)
    [(_, _, code, message)] = found(card)
    assert code == "starter-passes"
    assert message == (
        "the unchanged starter code passes the checker: the drill would be solved before it "
        "is started; leave each function's body for the learner to write (e.g. `raise "
        "NotImplementedError`) and keep the solution in the checker's reference"
    )


@pytest.mark.parametrize(
    "again",
    [
        "Multiply activations by keep_prob",
        '"multiply  activations by keep_prob "',
        "MULTIPLY ACTIVATIONS BY KEEP_PROB",
    ],
)
def test_an_option_written_twice_is_told_at_the_second(mini_bank: Path, again: str) -> None:
    """Two options alike passed lint: a learner could not tell them apart."""
    card = mini_bank / "mini" / "basics" / "dropout-inference.md"
    edit(card, "  - Drop units with probability 1 - keep_prob\n", f"  - {again}\n")
    [(name, line, code, message)] = _problems(mini_bank)
    third = line_of(card, "choices:") + 3  # the option written again, not the first
    assert (name, line, code) == ("dropout-inference.md", third, "bad-value")
    shown = again.strip('"')
    assert message == (
        f"choices: option 2 (counted from 0) repeats option 0 ({shown!r}): a learner cannot "
        "tell them apart; reword one of them or drop it"
    )
    assert "dropout-inference" not in {c.id for c in load_bank([mini_bank]).cards}


def test_options_that_differ_in_more_than_case_and_spacing_load(mini_bank: Path) -> None:
    card = mini_bank / "mini" / "basics" / "dropout-inference.md"
    edit(card, "  - Drop units with probability 1 - keep_prob\n", "  - Multiply activations\n")
    assert _problems(mini_bank) == []


@pytest.mark.parametrize(
    ("place", "told"),
    [
        ("what-is-relu.md", "move it into a topic folder named as its topic, mini/<topic>/"),
        ("basics/old/what-is-relu.md", "move it up to mini/basics/"),
    ],
)
def test_a_card_at_the_wrong_depth_is_told_where_it_goes(
    mini_bank: Path, place: str, told: str
) -> None:
    """It said "this one is not loaded" and not where the author moves it."""
    pack = mini_bank / "mini"
    target = pack / place
    target.parent.mkdir(parents=True, exist_ok=True)
    (pack / "basics" / "what-is-relu.md").rename(target)
    problems = [p for p in _problems(mini_bank) if p[2] == "misplaced"]
    assert problems == [
        (
            "what-is-relu.md",
            1,
            "misplaced",
            "card files live at <pack>/<topic>/<id>.md; this one is not loaded: "
            f"{told}what-is-relu.md",
        )
    ]


@pytest.mark.parametrize(("lead", "said"), [("\n", "line 2, after 1 blank line: delete it"),
                                            ("\r\n  \r\n", "line 3, after 2 blank lines: delete them")])  # fmt: skip
def test_blank_lines_before_the_opening_line_are_named(
    mini_bank: Path, lead: str, said: str
) -> None:
    """The card was told "write a '---' line first", which it had, below a blank line."""
    card = mini_bank / "mini" / "basics" / "what-is-relu.md"
    card.write_bytes(lead.encode() + card.read_bytes())
    assert _problems(mini_bank) == [
        (
            "what-is-relu.md",
            1,
            "front-matter",
            f"the '---' line that opens the front matter is {said}, so that '---' is the "
            "file's first line",
        )
    ]


def test_a_relative_tolerance_of_an_answer_of_zero_is_told(mini_bank: Path) -> None:
    """`answer: 0` with `{relative: 0.01}` took only 0 itself, and lint passed it."""
    card = mini_bank / "mini" / "basics" / "sigmoid-bound.md"
    edit(card, "answer: 0.25", "answer: 0")
    edit(card, "tolerance: {absolute: 0.001}", "tolerance: {relative: 0.01}")
    assert _problems(mini_bank) == [
        (
            "sigmoid-bound.md",
            line_of(card, "tolerance: {relative: 0.01}"),
            "relative-of-zero",
            "tolerance: 0.01 relative to the answer 0 is 0, so only 0 itself is taken: give "
            "an absolute one, e.g. tolerance: {absolute: 0.01} (or {absolute: 0} for 0 alone)",
        )
    ]
    bank = load_bank([mini_bank])  # the card works as written: the app loads it
    assert "sigmoid-bound" in {c.id for c in bank.cards}


@pytest.mark.parametrize(
    ("answer", "tolerance"),
    [("0", "{absolute: 0.01}"), ("0", "{absolute: 0}"), ("0.25", "{relative: 0.01}")],
)
def test_other_tolerances_of_zero_or_relative_ones_are_fine(
    mini_bank: Path, answer: str, tolerance: str
) -> None:
    card = mini_bank / "mini" / "basics" / "sigmoid-bound.md"
    edit(card, "answer: 0.25", f"answer: {answer}")
    edit(card, "tolerance: {absolute: 0.001}", f"tolerance: {tolerance}")
    assert _problems(mini_bank) == []
