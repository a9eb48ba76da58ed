"""Task-worded prompts: a toggle or bold line that sets a task is a question.

A Notion page of toggles (`- Derive the gradient of softmax` over its indented answer), a
`<details>` whose summary sets a task, or a bold line with its answer under it asks as a
question ending in '?' does. Before, only a '?' made such a block a question: the toggles
were "text ... not imported" and the bold lines "not a question". The same words inside a
question's answer (its bullets) stay answer text."""

from __future__ import annotations

import re
from pathlib import Path

from quiz.ecosystem.htmlboxes import read_asking_boxes
from quiz.ecosystem.notes.read import parse_notes
from quiz.ecosystem.titles import split_title
from tests.conftest import DATA
from tests.ecosystem.test_import_notes import answer_of, run_import

TOGGLES = """\
# Deep learning

- Derive the gradient of softmax

    The Jacobian is diag(p) minus p p^T.

- Explain why batch norm helps optimisation

    It smooths the loss landscape, so larger steps are safe.

- What is dropout?

    Random units are zeroed during training.

- Compare L1 and L2 regularisation
    - L1 gives sparse weights.
    - L2 shrinks all weights smoothly.
"""


def _titles(text: str) -> list[tuple[int, str]]:
    return [(q.line, q.title) for q in parse_notes(read_asking_boxes(text).text).questions]


def test_notion_toggles_that_set_a_task_are_questions() -> None:
    parsed = parse_notes(TOGGLES)
    assert [(q.line, q.title) for q in parsed.questions] == [
        (3, "Derive the gradient of softmax"),
        (7, "Explain why batch norm helps optimisation"),
        (11, "What is dropout?"),
        (15, "Compare L1 and L2 regularisation"),
    ]
    assert parsed.questions[0].answer == "The Jacobian is diag(p) minus p p^T."
    assert (
        parsed.questions[3].answer
        == "- L1 gives sparse weights.\n- L2 shrinks all weights smoothly."
    )
    assert parsed.ignored == ()


def test_a_bold_prompt_over_its_answer_is_a_question() -> None:
    text = (
        "**Derive the MSE gradient**\nIt is 2 X^T (Xw - y) / n.\n\n"
        "**Explain weight tying**\n\nThe input and output embeddings share one matrix.\n"
    )
    parsed = parse_notes(text)
    assert [(q.title, q.answer) for q in parsed.questions] == [
        ("Derive the MSE gradient", "It is 2 X^T (Xw - y) / n."),
        ("Explain weight tying", "The input and output embeddings share one matrix."),
    ]


def test_a_details_summary_that_sets_a_task_is_a_question() -> None:
    text = (
        "# Notes\n\n<details>\n<summary>Explain the vanishing gradient problem</summary>\n\n"
        "Small derivatives multiplied layer after layer shrink the gradient.\n\n</details>\n"
    )
    assert _titles(text) == [(4, "Explain the vanishing gradient problem")]
    under_a_question = (
        "### Q: What does batch norm compute?\n\n<details>\n<summary>Explain it</summary>\n\n"
        "The batch mean and variance normalise each feature.\n\n</details>\n"
    )
    assert _titles(under_a_question) == [(1, "What does batch norm compute?")]


def test_task_words_inside_an_answer_stay_its_text() -> None:
    text = """\
## What is regularization?

- Compare L1 and L2
    - L1 gives sparse weights.
- Explain it as a budget on the weights

## Bold questions

**What is early stopping?**

Training stops when validation loss rises.

- Compare the curves of both losses
    - the gap widens

## Summary

- Explain the results to the team
- Implement the plan next week

**Compare the two:**

- Adam

**Derive the update rule**

## End
"""
    parsed = parse_notes(text)
    assert [q.title for q in parsed.questions] == [
        "What is regularization?",
        "What is early stopping?",
    ]
    assert "- Compare L1 and L2\n    - L1 gives sparse weights." in parsed.questions[0].answer
    assert "Compare the curves of both losses" in parsed.questions[1].answer


def test_a_prompt_with_no_answer_asks_nothing_beside_a_dropped_list_question() -> None:
    """Whether any candidate set a task was read from how many candidates were left after
    the unanswered '?' items were dropped: one such item dropped hid one task-worded line,
    which then asked with no answer under it."""
    text = """\
# Notes

- Is dropout used at test time?

**Explain weight tying**

## Next part

Some text.
"""
    assert _titles(text) == []


def test_no_fixture_bullet_or_bold_line_becomes_a_prompt() -> None:
    """The notes fixtures' bullets and bold lines were written before prompts counted
    (their task words are answer text, or headings and tagged items that asked already):
    no question of theirs is a prompt (no false positive on 28 real-world shapes; 106
    questions, as before). The one prompt found is the thirty-sixth round's, written as
    one: a checked task item that sets a task over its nested answer."""
    found = [
        f"{path.name}: {title}"
        for path in sorted((DATA / "notes").glob("*.md"))
        for title in _prompts_in(read_asking_boxes(path.read_text(encoding="utf-8")).text)
    ]
    assert found == ["task-list-questions.md: Explain early stopping"]
    assert _prompts_in(TOGGLES) == [
        "Derive the gradient of softmax",
        "Explain why batch norm helps optimisation",
        "Compare L1 and L2 regularisation",
    ]


_MARK = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+")


def _prompts_in(text: str) -> list[str]:
    """The titles of a text's questions asked only as prompts: a task-worded list item or
    bold line, with no heading, callout, `?`, number or tag that asks."""
    rows = text.split("\n")
    found = []
    for question in parse_notes(text).questions:
        row = _MARK.sub("", rows[question.line - 1]).strip()
        asked_so = split_title(row.strip("*_")).question_like or row.startswith(("#", ">"))
        if split_title(question.title).asks and not asked_so:
            found.append(question.title)
    return found


def test_import_writes_a_card_per_toggle(tmp_path: Path) -> None:
    notes = tmp_path / "toggles.md"
    notes.write_text(TOGGLES, encoding="utf-8")
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    assert "not imported" not in result.output
    cards = tmp_path / "c" / "p" / "p"
    assert sorted(path.name for path in cards.iterdir()) == [
        "batch-norm-helps-optimisation.md",
        "compare-l1-l2-regularisation.md",
        "derive-gradient-softmax.md",
        "what-is-dropout.md",
    ]
    assert answer_of(cards / "derive-gradient-softmax.md") == "The Jacobian is diag(p) minus p p^T."


TASK_HEADINGS = """\
# Interview prep

## Write the update rule for gradient descent with weight decay

```python
w = w - lr * grad - lr * wd * w
```

The decay shrinks every weight toward zero.

## Design a rate limiter for an API

Use a token bucket per client.

## Compute the gradient of the softmax cross-entropy

It is the predicted distribution minus the one-hot label.

## Design patterns

Singletons are rarely needed.

## Compute budget

We had eight GPUs for a week.

## List comprehensions

They build a list in one expression.
"""


def test_a_heading_with_a_noun_verb_asks_when_an_article_follows() -> None:
    """`## Write the update rule ...` was "not a question (... no asking verb such as
    'Explain')" and its code and answer were lost: write, design, compute, list, show,
    state, give, name, sketch, estimate and outline ask before what they ask for, and
    stay a section's name alone (`Design patterns`, `Compute budget`)."""
    assert _titles(TASK_HEADINGS) == [
        (3, "Write the update rule for gradient descent with weight decay"),
        (11, "Design a rate limiter for an API"),
        (15, "Compute the gradient of the softmax cross-entropy"),
    ]
    assert split_title("Show that the MLE of a Gaussian's mean is the sample mean").asks
    assert not split_title("Write").asks and not split_title("Outline").asks
    assert not split_title("Estimate accuracy").asks
