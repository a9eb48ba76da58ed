"""Notes typed in lowercase: each sentence is a sentence, and none is dropped.

A period before a lowercase word ended no sentence, so a paragraph typed in lowercase was
one "sentence": over 200 characters it was left out ("split it into shorter sentences",
though its sentences were short), and after a display formula the whole paragraph was
taken for the rest of the formula's sentence ("where ...") and dropped from the points."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.ecosystem.keypoints_sentences import split_sentences
from tests.ecosystem.test_import_notes import front, run_import

NOTES = r"""## What does dropout do?

dropout zeroes random activations during training with some probability p. it forces units not to co-adapt with each other. at test time all units are used and scaled by the keep probability so the expected activation matches training.

## What is the softmax?

$$\sigma(z)_i = e^{z_i} / \sum_j e^{z_j}$$

where the sum runs over all classes. it turns scores into probabilities. the outputs sum to one.
"""


def test_lowercase_sentences_are_key_points(tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(NOTES, encoding="utf-8")
    content = tmp_path / "c"
    result = run_import(str(notes), "--into", str(content))
    assert result.exit_code == 0, result.output
    assert "skipped" not in result.output
    (dropout,) = content.rglob("what-does-dropout-do.md")
    assert front(dropout)["key_points"] == [
        "dropout zeroes random activations during training with some probability p.",
        "it forces units not to co-adapt with each other.",
        "at test time all units are used and scaled by the keep probability so the expected"
        " activation matches training.",
    ]
    (softmax,) = content.rglob("what-is-the-softmax.md")
    points = front(softmax)["key_points"]
    assert isinstance(points, list)
    # the rest of the formula's sentence is no point; the sentences after it are
    assert "it turns scores into probabilities." in points
    assert "the outputs sum to one." in points
    assert not any(str(p).startswith("where") for p in points)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("it shrinks weights. it helps.", ["it shrinks weights.", "it helps."]),
        ("grads w.r.t. the weights vanish.", ["grads w.r.t. the weights vanish."]),
        ("see Goodfellow et al. the book.", ["see Goodfellow et al. the book."]),
        ("roughly approx. ten times.", ["roughly approx. ten times."]),
        ("slow... and then fast.", ["slow... and then fast."]),
        ("why? because it is.", ["why? because it is."]),
        ("with probability p. it drops.", ["with probability p.", "it drops."]),
    ],
)
def test_a_period_before_a_lowercase_word(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


def test_long_lowercase_runs_end() -> None:
    """Each period looks back to the space before its word only: a long run ends (no time
    asserted), and a long word is seen whole, as a long formula's blanks must be."""
    assert len(split_sentences("it is. " * 100_000)) == 100_000
    assert split_sentences("a" * 400_000 + ". b") == ["a" * 400_000 + ".", "b"]
