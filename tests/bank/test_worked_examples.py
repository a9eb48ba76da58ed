"""The worked-example lint warning: a numeric card worked out, with its own numbers, by a
card taught before it in its pack and topic (`quiz.bank.worked_examples`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.lint import lint
from quiz.bank.sources import bundled_content_dir
from quiz.bank.worked_examples import numbers

CONCEPT = """---
id: batches-concept
kind: concept
title: Mini-batches
topic: {topic}
difficulty: 2
source: tests
key_points:
  - Shuffle every epoch
  - Keep the last partial batch
  - Cut consecutive batches
---

## Question

How do you cut an epoch into mini-batches?

## Answer

Shuffle, cut consecutive batches and keep the last one: $n = {n}$, $B = 64$ gives {count} batches.
"""

NUMERIC = """---
id: batches-count
kind: numeric
title: Batches per epoch
topic: training
difficulty: 1
source: tests
answer: 16
tolerance: {absolute: 0.01}
---

## Question

$m = 1000$ examples are cut into mini-batches of 64, the last one partial. How many batches?

## Explanation

$\\lceil 1000 / 64 \\rceil = 16$.
"""


def write_pack(root: Path, *, n: int, count: int, topic: str = "training") -> Path:
    """A pack whose concept card, taught first, works `n` examples in batches of 64 into
    `count` batches, and whose numeric card asks for 1000 in batches of 64."""
    pack = root / "pack"
    (pack / topic).mkdir(parents=True)
    (pack / "training").mkdir(exist_ok=True)
    (pack / "pack.yaml").write_text(
        "title: A pack\ndescription: Tests.\nversion: 1.0.0\norder: [batches-concept]\n"
    )
    (pack / topic / "batches-concept.md").write_text(CONCEPT.format(topic=topic, n=n, count=count))
    (pack / "training" / "batches-count.md").write_text(NUMERIC)
    return pack


def test_numbers_skip_powers_and_subscripts_and_read_thousands() -> None:
    assert numbers("$\\epsilon = 10^{-8}$ at $x_1$, a batch of 1,024 and $0.5$") == {1024.0, 0.5}
    assert numbers("$q \\in \\mathbb{R}^{64}$, 1e-3 and -0.9") == {64.0, 0.001, 0.9}


def test_an_earlier_card_that_works_the_same_numbers_is_warned_at_the_question(
    tmp_path: Path,
) -> None:
    pack = write_pack(tmp_path, n=1000, count=16)
    _, problems = lint([pack], roots=[tmp_path], run_drills=False)
    assert [(p.code, p.severity, p.path.name, p.line) for p in problems] == [
        ("worked-example", "warning", "batches-count.md", 12)
    ]
    message = problems[0].message
    assert "'batches-concept'" in message and "states 16" in message and "(64, 1000)" in message


@pytest.mark.parametrize(
    ("n", "count", "topic"),
    [
        (50000, 782, "training"),  # the same formula on other numbers: that is what teaches it
        (1000, 16, "batching"),  # another topic: not what was just taught
    ],
)
def test_other_numbers_or_another_topic_are_not_warned(
    tmp_path: Path, n: int, count: int, topic: str
) -> None:
    pack = write_pack(tmp_path, n=n, count=count, topic=topic)
    _, problems = lint([pack], roots=[tmp_path], run_drills=False)
    assert problems == []


def test_no_bundled_numeric_card_is_worked_out_by_a_card_taught_before_it() -> None:
    root = bundled_content_dir()
    _, problems = lint([root], roots=[root], run_drills=False)
    assert [p for p in problems if p.code == "worked-example"] == []


def test_powers_and_subscripts_are_notation_and_a_long_run_of_digits_is_one_number() -> None:
    """A power was tried from each digit of a run: 500,000 digits (a slip in a card well
    under the 1 MiB limit) kept lint running for minutes. Tried from a number's first
    digit only, the same numbers are found."""
    assert numbers("x12^2 and 1.5^2 and 10^{-8} and 3,000 and x_1 and 7") == {7.0, 3000.0}
    assert numbers("1" * 500_000 + " 5") == {float("1" * 500_000), 5.0}
