"""Every bundled drill's starter agrees with its card: each shape and dtype an entry's
docstring names is one the Task names too, and the Task calls each entry with the
starter's parameters.

A person reads the card, then codes against the docstring in the editor; where the two
said different things (cross-entropy's docstring said float64, its Task no dtype) one of
them was news."""

from __future__ import annotations

import ast
import re

import pytest

from quiz.bank.models import Card
from tests.bank.bundled import BANK

DRILLS = [c for c in BANK.cards if c.kind == "coding"]
SHAPE = re.compile(r"\([A-Za-z0-9_]+(?:, [A-Za-z0-9_]+)+\)")
DTYPE = re.compile(r"\b(?:float32|float64|int32|int64|bool)\b")


def _entries(drill: Card) -> list[ast.FunctionDef]:
    entries = set(drill.front.entry)  # type: ignore[union-attr]
    tree = ast.parse(drill.starter)
    return [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name in entries]


def _squeezed(text: str) -> str:
    """Text with LaTeX's spacing and markup out, so `(c, m)` matches `$(c, m)$`."""
    return re.sub(r"\s|\\|_|\{|\}|text|mathrm", "", text)


@pytest.mark.parametrize("drill", DRILLS, ids=lambda d: d.id)
def test_the_docstrings_shapes_and_dtypes_are_the_tasks(drill: Card) -> None:
    task = drill.section("Task")
    for node in _entries(drill):
        doc = ast.get_docstring(node) or ""
        for shape in SHAPE.findall(doc):
            assert _squeezed(shape) in _squeezed(task), f"{node.name}: {shape} not in the Task"
        for dtype in set(DTYPE.findall(doc)):
            assert dtype in task, f"{node.name}'s docstring says {dtype}; the Task does not"


@pytest.mark.parametrize("drill", DRILLS, ids=lambda d: d.id)
def test_the_tasks_calls_use_the_starters_parameters(drill: Card) -> None:
    task = drill.section("Task")
    for node in _entries(drill):
        params = [a.arg for a in [*node.args.args, *node.args.kwonlyargs]]
        for call in re.findall(rf"`{node.name}\(([^`]*)\)", task):
            named = [p.split("=")[0].strip() for p in call.split(",") if p.strip()]
            assert named == params[: len(named)], f"the Task calls {node.name}({call})"


@pytest.mark.parametrize("drill", DRILLS, ids=lambda d: d.id)
def test_the_task_states_every_default_the_starter_gives(drill: Card) -> None:
    """The grader calls several drills with arguments left out (Adam's and RMSprop's
    hyperparameters, a schedule's min_lr, a convolution's stride): a default only the
    starter's signature gave was news to a reader who wrote the signature from the Task."""
    task = drill.section("Task")
    for node in _entries(drill):
        named = node.args.args[len(node.args.args) - len(node.args.defaults) :]
        for arg, default in zip(named, node.args.defaults, strict=True):
            stated = f"{arg.arg}={ast.get_source_segment(drill.starter, default)}"
            assert stated in task, f"{node.name}: the Task does not say `{stated}`"


def test_every_drill_is_checked() -> None:
    assert len(DRILLS) >= 33
