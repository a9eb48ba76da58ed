"""Lint's warnings of the forty-fourth round: Markdown marks in a title, a tag a card lists
twice, and an answer that is a code block with no words.

A title is shown as written, so its `**`, `_`, backticks and link syntax reached every
list and the Anki export; `tags: [adam, adam]` loaded without a word; and a concept
card's answer of code alone never said what the code does. Each is told at the place an
author fixes it, the place found in the file here, never copied from lint's output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.title_markup import title_markup
from tests.bank.edits import edit, line_of, told_in_full, tui_bank_copy

TITLE = "title: What ReLU computes"
SHOWN_AS_WRITTEN = "a title is shown as written (lists, headings, the Anki export), never rendered"


def _relu(root: Path) -> Path:
    return root / "mini" / "basics" / "what-is-relu.md"


@pytest.mark.parametrize(
    ("title", "run", "marks", "fixed"),
    [
        ("What **ReLU** computes", "**ReLU**", "asterisks", "What ReLU computes"),
        ("What _ReLU_ computes", "_ReLU_", "underscores", "What ReLU computes"),
        ("What __ReLU__ computes", "__ReLU__", "underscores", "What ReLU computes"),
        ("What `relu(z)` computes", "`relu(z)`", "backticks", "What relu(z) computes"),
        ("What [ReLU](https://x.org/relu) computes", "[ReLU](https://x.org/relu)",
         "link syntax", "What ReLU computes"),
        ("What ~~GELU~~ ReLU computes", "~~GELU~~", "tildes", "What GELU ReLU computes"),
    ],
)  # fmt: skip
def test_a_title_s_markdown_marks_are_a_warning_at_its_line(
    tmp_path: Path, title: str, run: str, marks: str, fixed: str
) -> None:
    root = tui_bank_copy(tmp_path)
    path = _relu(root)
    written = f'title: "{title}"'  # quoted: YAML reads a leading `*` or backtick otherwise
    edit(path, TITLE, written)
    assert told_in_full(root) == [
        (
            path,
            line_of(path, written),
            1,
            "title-markup",
            f"title: '{run}' (column {title.index(run) + 1} of the title) shows its {marks}: "
            f"{SHOWN_AS_WRITTEN}: write '{fixed}'",
            False,
        )
    ]


def test_every_marked_run_is_in_the_fix_and_counted(tmp_path: Path) -> None:
    root = tui_bank_copy(tmp_path)
    path = _relu(root)
    written = 'title: "What **ReLU** computes in `f(z)` and _why_"'
    edit(path, TITLE, written)
    [(_, line, _, code, message, is_error)] = told_in_full(root)
    assert (line, code, is_error) == (line_of(path, written), "title-markup", False)
    assert message == (
        "title: '**ReLU**' (column 6 of the title) shows its asterisks, and 2 more runs their "
        f"marks: {SHOWN_AS_WRITTEN}: write 'What ReLU computes in f(z) and why'"
    )


@pytest.mark.parametrize(
    "title",
    [
        "What 2*3*4 = 24 says of a 3×3 kernel",  # a product: marks inside numbers
        "What __init__ sets up in a layer",  # a Python dunder
        "Why learning_rate and weight_decay interact",  # underscores inside names
        "What a * b * c costs",  # spaced stars open nothing
        "Is $5 a lot for a GPU hour?",  # a price
        "Why x[0] and [1, 2] are not links",  # brackets without a link
        "Plain words, no marks",
    ],
)
def test_marks_no_reader_takes_for_markup_pass(tmp_path: Path, title: str) -> None:
    assert title_markup(title) == []
    root = tui_bank_copy(tmp_path)
    edit(_relu(root), TITLE, f'title: "{title}"')
    assert told_in_full(root) == []


def test_a_tag_listed_twice_is_a_warning_at_the_second(tmp_path: Path) -> None:
    root = tui_bank_copy(tmp_path)
    path = _relu(root)
    written = "tags: [activations, relu, activations]"
    edit(path, "tags: [activations]", written)
    assert told_in_full(root) == [
        (
            path,
            line_of(path, written),
            written.rindex("activations") + 1,
            "duplicate-tag",
            "tags.2: 'activations' is this card's tag already (tags.0): delete it, or write "
            "the tag you meant",
            False,
        )
    ]


def test_a_repeated_tag_in_a_block_list_is_told_at_its_own_line(tmp_path: Path) -> None:
    root = tui_bank_copy(tmp_path)
    path = _relu(root)
    edit(path, "tags: [activations]", "tags:\n  - activations\n  - relu\n  - activations")
    lines = path.read_text(encoding="utf-8").splitlines()
    second = max(n for n, text in enumerate(lines, 1) if text == "  - activations")
    assert told_in_full(root) == [
        (
            path,
            second,
            lines[second - 1].index("activations") + 1,
            "duplicate-tag",
            "tags.2: 'activations' is this card's tag already (tags.0): delete it, or write "
            "the tag you meant",
            False,
        )
    ]


def test_a_tag_differing_only_in_case_is_the_load_s_error_with_its_fix(tmp_path: Path) -> None:
    """`Adam` beside `adam` never loads: a tag is kebab-case, so the load refuses the card
    at the capitalised item and writes the tag out; lint adds no warning of its own."""
    root = tui_bank_copy(tmp_path)
    path = _relu(root)
    written = "tags: [activations, Activations]"
    edit(path, "tags: [activations]", written)
    assert [(p, line, col, code, error) for p, line, col, code, _, error in told_in_full(root)] == [
        (path, line_of(path, written), written.index("Activations") + 1, "bad-value", True)
    ]
    assert "write 'activations'" in told_in_full(root)[0][4]


def test_the_same_tag_on_two_cards_is_no_slip(tmp_path: Path) -> None:
    """Tags filter across cards: two cards sharing one is what tags are for."""
    root = tui_bank_copy(tmp_path)
    edit(root / "mini" / "basics" / "dropout-inference.md", "tags: [dropout]", "tags: [relu]")
    edit(_relu(root), "tags: [activations]", "tags: [activations, relu]")
    assert told_in_full(root) == []


RELU_ANSWER = r"$\text{ReLU}(z) = \max(0, z)$, with derivative $1$ for $z > 0$ and $0$ for $z < 0$."
CODE = "```python\nnp.maximum(0, z)\n```"
ONLY_CODE = (
    "## {name} is a code block with no words (nor a comment in it): say in a sentence or two what the code does "
    "and why, before or after it (the words are what a reader recalls and an interviewer "
    "asks for)"
)


def test_an_answer_of_code_alone_is_a_warning_at_its_heading(tmp_path: Path) -> None:
    root = tui_bank_copy(tmp_path)
    path = _relu(root)
    edit(path, RELU_ANSWER, CODE)
    assert told_in_full(root) == [
        (path, line_of(path, "## Answer"), 1, "answer-only-code", ONLY_CODE.format(name="Answer"),
         False)
    ]  # fmt: skip


def test_a_choice_explanation_is_told_and_an_indented_answer_once(tmp_path: Path) -> None:
    root = tui_bank_copy(tmp_path)
    relu, dropout = _relu(root), root / "mini" / "basics" / "dropout-inference.md"
    edit(relu, RELU_ANSWER, "    np.maximum(0, z)")
    text = dropout.read_text(encoding="utf-8")
    dropout.write_text(
        text[: text.index("## Explanation")] + f"## Explanation\n\n{CODE}\n", encoding="utf-8"
    )
    told = [(p, line, code) for p, line, _, code, _, _ in told_in_full(root)]
    # the indented answer is one cause, told once: Markdown shows it as code, but it is
    # most often a paragraph indented by mistake (`indented-code` says how to fix either)
    assert told == [
        (dropout, line_of(dropout, "## Explanation"), "answer-only-code"),
        (relu, line_of(relu, "    np.maximum(0, z)"), "indented-code"),
    ]


@pytest.mark.parametrize(
    "answer",
    [
        f"The elementwise maximum with zero:\n\n{CODE}",
        f"{CODE}\n\nIt keeps positive inputs and zeroes the rest.",
        "Call `np.maximum(0, z)`: positive inputs pass, the rest become zero.",
        "```python\nnp.maximum(0, z)  # negatives become zero\n```",
    ],
)
def test_code_with_words_passes(tmp_path: Path, answer: str) -> None:
    root = tui_bank_copy(tmp_path)
    edit(_relu(root), RELU_ANSWER, answer)
    assert told_in_full(root) == []


def test_a_coding_card_s_explanation_may_be_code_alone(tmp_path: Path) -> None:
    """The drill's task said what to write: the explanation's code is its worked answer."""
    root = tui_bank_copy(tmp_path)
    path = root / "mini" / "drills" / "tiny-sgd.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text[: text.index("## Explanation")]
        + "## Explanation\n\n```python\nreturn theta - lr * grad\n```\n",
        encoding="utf-8",
    )
    assert told_in_full(root) == []
