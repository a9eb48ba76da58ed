"""A short answer (at most two sentences, code blocks aside) may carry 1-2 key points; any
other needs 3-7."""

from __future__ import annotations

from pathlib import Path
from textwrap import wrap

import pytest

from quiz.bank.lint import lint
from quiz.bank.models import ConceptFront
from quiz.bank.sentences import count_sentences, is_short_answer
from quiz.cardtext import plain_text
from tests.bank.bundled import BANK

RULE = "3-7 needed (1-2 only when the answer is at most two sentences, code blocks aside)"


def write_card(folder: Path, points: int, answer: str) -> Path:
    listed = "".join(f"  - point number {i + 1}\n" for i in range(points))
    key_points = f"key_points:\n{listed}" if points else "key_points: []\n"
    path = folder / "short-card.md"
    path.write_text(
        "---\nid: short-card\nkind: concept\ntitle: A short card\ntopic: basics\n"
        f"difficulty: 2\nsource: tests\n{key_points}---\n\n## Question\n\nWhy?\n\n"
        f"## Answer\n\n{answer}\n",
        encoding="utf-8",
    )
    return path


def test_a_short_answer_with_two_points_passes(mini_bank: Path) -> None:
    folder = mini_bank / "mini" / "basics"
    write_card(folder, 2, "Distances follow the widest feature. Scaling evens them out.")
    bank, problems = lint([mini_bank])
    assert problems == []
    assert "short-card" in {card.id for card in bank.cards}


def test_a_one_sentence_answer_with_one_point_passes(mini_bank: Path) -> None:
    write_card(mini_bank / "mini" / "basics", 1, "It bounds the update, e.g. to $0.5$ of `np.dot`.")
    _, problems = lint([mini_bank])
    assert problems == []


def test_a_long_answer_with_two_points_fails_with_both_rules(mini_bank: Path) -> None:
    path = write_card(mini_bank / "mini" / "basics", 2, "One thing. Another thing. A third thing.")
    _, problems = lint([path])
    assert [(p.line, p.code) for p in problems] == [(8, "bad-value")]
    assert problems[0].message == f"key_points: 2 given; {RULE}; this Answer holds 3 sentences"


def test_two_sentences_beside_fenced_code_are_a_short_answer(mini_bank: Path) -> None:
    """A line of code is never a key point: the sentences are the rubric, the code is shown."""
    answer = (
        "Clipping bounds the update. It runs after the backward pass.\n\n"
        "```python\nloss.backward()\nclip(model)\n```\n\n```\nstep()\n```"
    )
    path = write_card(mini_bank / "mini" / "basics", 2, answer)
    _, problems = lint([path])
    assert problems == []


def test_three_sentences_beside_code_are_not_short(mini_bank: Path) -> None:
    answer = "Clip after the backward pass. Then step. Then zero.\n\n```python\nclip(model)\n```"
    path = write_card(mini_bank / "mini" / "basics", 2, answer)
    _, problems = lint([path])
    assert [p.message for p in problems] == [
        f"key_points: 2 given; {RULE}; this Answer holds 3 sentences"
    ]


@pytest.mark.parametrize(
    ("block", "named"),
    [
        ("    clip(model)", "an indented code block"),
        ("| a | b |\n|---|---|\n| 1 | 2 |", "a table"),
        ("$$\nx^2\n$$", "a display formula"),
        ("Inline display $$x^2$$ math.", "a display formula"),
        ("<div>\nhtml\n</div>", "an HTML block"),
    ],
)
def test_an_answer_with_other_blocks_is_not_short(mini_bank: Path, block: str, named: str) -> None:
    answer = f"Clip after the backward pass.\n\n```python\nclip(model)\n```\n\n{block}"
    path = write_card(mini_bank / "mini" / "basics", 2, answer)
    _, problems = lint([path])
    assert [p.message for p in problems] == [
        f"key_points: 2 given; {RULE}; this Answer holds {named}"
    ]


def test_a_two_sentence_answer_with_no_points_still_fails(mini_bank: Path) -> None:
    path = write_card(mini_bank / "mini" / "basics", 0, "One thing. Another thing.")
    _, problems = lint([path])
    assert [(p.line, p.code, p.message) for p in problems] == [
        (8, "bad-value", f"key_points: 0 given; {RULE}")
    ]


def test_eight_points_fail(mini_bank: Path) -> None:
    path = write_card(mini_bank / "mini" / "basics", 8, "One thing. Another thing.")
    _, problems = lint([path])
    assert [(p.line, p.code, p.message) for p in problems] == [
        (8, "bad-value", f"key_points: 8 given; {RULE}")
    ]


@pytest.mark.parametrize(
    ("markdown", "count"),
    [
        ("One sentence.", 1),
        ("One. Two! Three?", 3),
        ("An optimizer, e.g. Adam, scales steps. Rare features get more.", 2),
        ("The value is $0.5$ and `np.dot` runs. Done.", 2),
        ("Ends mid list: a. then lowercase goes on.", 1),
        ("From ESL ch. 7 and Bishop sec. 3.2, pp. 147-152. It is the largest.", 2),
        ("First line\nsame sentence. Second one.", 2),
        ("- item one\n- item two\n- item three", 3),
        ("# A heading\n\nA sentence.", 2),
        ("", 0),
    ],
)
def test_sentences_are_counted_over_the_prose(markdown: str, count: int) -> None:
    assert count_sentences(markdown) == count


@pytest.mark.parametrize(
    "markdown",
    [
        "Text.\n\n```\ncode\n```",
        "    indented code",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "$$\nx^2\n$$",
        "Inline display $$x^2$$ math.",
        "<div>\nhtml\n</div>",
    ],
)
def test_blocks_beyond_prose_are_no_sentences(markdown: str) -> None:
    assert count_sentences(markdown) is None
    assert is_short_answer(markdown) == markdown.startswith("Text.\n\n```")


def test_fenced_code_is_passed_over_only_beside_code() -> None:
    markdown = "One. Two.\n\n```python\nx = 1. y = 2. z = 3.\n```\n\nThree."
    assert count_sentences(markdown) is None
    assert count_sentences(markdown, beside_code=True) == 3
    assert not is_short_answer(markdown)


# A key point is a line of the self-grading checklist, ticked at a glance after answering.
# At 80 columns the checklist wraps its text at 66 to 67 characters (seen in tmux, with the
# scroll bar it shows when seven points overflow); transformer-block's 185-character point
# took three lines there, and seven such points no longer fit the 24-line screen beside the
# answer. Two lines at 66 characters each is the most a point may take.
CHECKLIST_WIDTH_AT_80_COLUMNS = 66


def test_every_bundled_key_point_fits_two_checklist_lines() -> None:
    """Measured as the learner reads it, math rendered, wrapped at word boundaries."""
    too_long = [
        (c.id, point)
        for c in BANK.cards
        if isinstance(c.front, ConceptFront)
        for point in c.front.key_points
        if len(wrap(plain_text(point), CHECKLIST_WIDTH_AT_80_COLUMNS, break_on_hyphens=False)) > 2
    ]
    assert too_long == []
