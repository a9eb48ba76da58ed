"""A value of the wrong type or form is told in an author's words, by lint and by the
app's load alike: what YAML read and what to write, never pydantic's "Input should be a
valid dictionary or instance of Tolerance" or "String should match pattern '^[a-z0-9]+...'"
(which `drillbit lint` printed for a pack.yaml's `order: [Not_An_Id]`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from quiz.bank.loader import load_bank, load_card_text
from quiz.bank.problems import ContentError
from tests.bank.edits import edit, told

PYDANTIC_WORDS = ("Input should", "String should", "instance of", "Field required", "Value error")
"""How pydantic's own messages start (or what they name): a message with one is a dump."""


@pytest.mark.parametrize(
    ("file", "old", "new", "line", "message"),
    [
        (
            "pack.yaml",
            "version: 0.1.0\n",
            "version: 0.1.0\norder:\n  - What_Is_Relu\n",
            5,
            "order.0: 'What_Is_Relu' must be kebab-case (lowercase letters and digits joined "
            "by '-'): write 'what-is-relu'",
        ),
        (
            "pack.yaml",
            "version: 0.1.0\n",
            "version: 0.1.0\nafter: [3]\n",
            4,
            "after.0: YAML reads the number 3 here, where a text goes: put it in quotes",
        ),
        (
            "basics/sigmoid-bound.md",
            "difficulty: 2\n",
            "difficulty: [2]\n",
            7,
            "difficulty: a list where one number goes: write the number, e.g. difficulty: 2",
        ),
        (
            "basics/sigmoid-bound.md",
            "difficulty: 2\n",
            "difficulty: 2.5\n",
            7,
            "difficulty: 2.5 is not a whole number: write one, e.g. difficulty: 2",
        ),
        (
            "basics/sigmoid-bound.md",
            "difficulty: 2\n",
            "difficulty:\n",
            7,
            "difficulty: empty: write a number after 'difficulty:', e.g. difficulty: 2",
        ),
        (
            "basics/sigmoid-bound.md",
            "answer: 0.25\n",
            "answer: [0.25]\n",
            9,
            "answer: a list where one number goes: write the number, e.g. answer: 0.25",
        ),
        (
            "basics/sigmoid-bound.md",
            "tolerance: {absolute: 0.001}\n",
            "tolerance: 0.001\n",
            10,
            "tolerance: the number 0.001 where a mapping goes: write 'name: value' pairs, "
            "e.g. tolerance: {absolute: 0.01} (or {relative: 0.01})",
        ),
        (
            "basics/sigmoid-bound.md",
            "source: tests\n",
            "source: {book: tests}\n",
            8,
            "source: YAML read 'text: more text' as a mapping, where a text goes: put the "
            "text in quotes",
        ),
    ],
)
def test_a_wrong_type_is_told_with_what_to_write(
    mini_bank: Path, file: str, old: str, new: str, line: int, message: str
) -> None:
    path = mini_bank / "mini" / file
    edit(path, old, new)
    assert told(mini_bank) == [(path.name, line, "bad-value", message)]
    # the app's load says the same, at the same line (the one message both give)
    loaded = load_bank([mini_bank], use_cache=False)
    assert [(p.line, p.message) for p in loaded.problems] == [(line, message)]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("- title: Mini\n", "a list where 'key: value' lines go"),
        ("7\n", "the number 7 where 'key: value' lines go"),
        ("just a title\n", "the text 'just a title' where 'key: value' lines go"),
    ],
)
def test_a_pack_yaml_that_is_no_mapping_names_the_keys_to_write(
    mini_bank: Path, written: str, message: str
) -> None:
    (mini_bank / "mini" / "pack.yaml").write_text(written, encoding="utf-8")
    assert told(mini_bank) == [
        (
            "pack.yaml",
            1,
            "bad-value",
            f"{message}: write one per line (title:, description:, version:)",
        )
    ]


CODING = {
    "id": "a-drill",
    "kind": "coding",
    "title": "A drill",
    "topic": "basics",
    "tags": ["t"],
    "difficulty": 2,
    "source": "tests",
    "entry": ["f"],
    "checker": "nn.activations.sigmoid",
    "params": {"n": 1},
}
NUMERIC = {
    "id": "a-drill",
    "kind": "numeric",
    "title": "A number",
    "topic": "basics",
    "tags": ["t"],
    "difficulty": 2,
    "source": "tests",
    "answer": 0.25,
    "tolerance": {"absolute": 0.01},
    "unit": "m",
}
SECTIONS = {
    "coding": "## Task\n\nT.\n\n## Starter\n\n```python\ndef f(x):\n    raise NotImplementedError\n"
    "```\n\n## Hints\n\n- h\n\n## Explanation\n\nE.\n",
    "numeric": "## Question\n\nQ?\n\n## Explanation\n\nE.\n",
}
WRONG_VALUES: list[Any] = [[2, 3], {"a": 1}, True, 7, 2.5, "Some Text", None, [[1]]]


@pytest.mark.parametrize("base", [CODING, NUMERIC], ids=["coding", "numeric"])
def test_no_wrong_value_of_any_key_gets_pydantic_words(base: dict[str, Any]) -> None:
    """Every key of a coding and a numeric card (every type of field a card has), given
    each kind of wrong value: each refusal is worded, none is pydantic's."""
    sections = SECTIONS[base["kind"]]
    front = yaml.safe_dump(base, sort_keys=False)
    load_card_text(f"---\n{front}---\n\n{sections}", Path("p/basics/a-drill.md"), "p", "basics")
    refused = 0
    for key in base:
        if key in ("id", "kind"):
            continue  # the id must equal the file name; the kind picks the schema
        for wrong in WRONG_VALUES:
            front = yaml.safe_dump({**base, key: wrong}, sort_keys=False)
            try:
                text = f"---\n{front}---\n\n{sections}"
                load_card_text(text, Path("p/basics/a-drill.md"), "p", "basics")
            except ContentError as exc:
                refused += 1
                for problem in exc.problems:
                    assert not any(word in problem.message for word in PYDANTIC_WORDS), (
                        key,
                        wrong,
                        problem.message,
                    )
    assert refused > 40  # the card loads as written: each refusal is the wrong value's
