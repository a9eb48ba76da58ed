"""`drillbit schema` (card front matter, for an editor) and the loader agree: a front
matter one accepts, the other accepts, and what one refuses, the other refuses."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from quiz.bank import safeyaml
from quiz.bank.parse import split_front_matter
from quiz.bank.schema import validate_front
from quiz.bank.sources import bundled_content_dir
from tests.conftest import RunDrillbit

CONCEPT = """id: bias-variance
kind: concept
title: Bias and variance
topic: basics
difficulty: 2
source: "Hastie et al. 2009, ch. 7"
key_points: [error splits into bias squared, variance and noise]
"""
NUMERIC = CONCEPT.replace("kind: concept", "kind: numeric").replace(
    "key_points: [error splits into bias squared, variance and noise]\n",
    "answer: 0.5\ntolerance: {absolute: 0.01}\n",
)
CHOICE = CONCEPT.replace("kind: concept", "kind: choice").replace(
    "key_points: [error splits into bias squared, variance and noise]\n",
    "choices: [more data, a bigger model, less noise]\nanswer: 0\n",
)
CODING = CONCEPT.replace("kind: concept", "kind: coding").replace(
    "key_points: [error splits into bias squared, variance and noise]\n",
    "entry: [softmax]\nchecker: nn.activations.softmax\n",
)


def _changed(front: str, old: str, new: str) -> str:
    assert old in front, old
    return front.replace(old, new)


CASES: dict[str, tuple[str, bool]] = {
    # (front matter, whether both accept it)
    "a concept card": (CONCEPT, True),
    "a difficulty of true": (_changed(CONCEPT, "difficulty: 2", "difficulty: true"), False),
    "a blank title": (_changed(CONCEPT, "title: Bias and variance", 'title: "   "'), False),
    "a blank source": (_changed(CONCEPT, '"Hastie et al. 2009, ch. 7"', '"  "'), False),
    "a blank key point": (
        _changed(CONCEPT, "[error splits", '["  ", error splits'),
        False,
    ),
    "a numeric card": (NUMERIC, True),
    "a numeric answer of true": (_changed(NUMERIC, "answer: 0.5", "answer: true"), False),
    "a numeric card with a unit": (NUMERIC + "unit: ms\n", True),
    "an empty unit": (NUMERIC + "unit: ''\n", False),
    "a blank unit": (NUMERIC + "unit: '  '\n", False),
    "a unit with nothing after it": (NUMERIC + "unit:\n", False),
    "one choice": (
        _changed(CHOICE, "[more data, a bigger model, less noise]", "[more data]"),
        False,
    ),
    "nine choices": (
        _changed(CHOICE, "[more data, a bigger model, less noise]", str(list("abcdefghi"))),
        False,
    ),
    "a tolerance of true": (_changed(NUMERIC, "{absolute: 0.01}", "{absolute: true}"), False),
    "an empty tolerance": (_changed(NUMERIC, "{absolute: 0.01}", "{}"), False),
    "both tolerances": (
        _changed(NUMERIC, "{absolute: 0.01}", "{absolute: 0.01, relative: 0.1}"),
        False,
    ),
    "a tolerance beside a null one": (
        _changed(NUMERIC, "{absolute: 0.01}", "{absolute: 0.01, relative: null}"),
        True,
    ),
    "a choice card": (CHOICE, True),
    "two right choices": (_changed(CHOICE, "answer: 0", "answer: [0, 2]"), True),
    "a choice answer of true": (_changed(CHOICE, "answer: 0", "answer: true"), False),
    "a negative choice index": (_changed(CHOICE, "answer: 0", "answer: -1"), False),
    "no right choice": (_changed(CHOICE, "answer: 0", "answer: []"), False),
    "a right choice twice": (_changed(CHOICE, "answer: 0", "answer: [1, 1]"), False),
    "a blank choice": (_changed(CHOICE, "less noise]", '" "]'), False),
    "the last choice": (_changed(CHOICE, "answer: 0", "answer: 2"), True),
    "a choice index past the last choice": (_changed(CHOICE, "answer: 0", "answer: 3"), False),
    "an index past the last choice, in a list": (
        _changed(CHOICE, "answer: 0", "answer: [0, 3]"),
        False,
    ),
    "an index past two choices": (
        _changed(_changed(CHOICE, ", less noise]", "]"), "answer: 0", "answer: 2"),
        False,
    ),
    "a choice index in quotes": (_changed(CHOICE, "answer: 0", 'answer: "0"'), False),
    "a difficulty in quotes": (_changed(CONCEPT, "difficulty: 2", 'difficulty: "3"'), False),
    "a numeric answer in quotes": (_changed(NUMERIC, "answer: 0.5", 'answer: "0.5"'), False),
    "a tolerance in quotes": (_changed(NUMERIC, "{absolute: 0.01}", '{absolute: "0.01"}'), False),
    "an exponent": (_changed(NUMERIC, "answer: 0.5", "answer: 1e-3"), True),
    "an exponent in quotes": (_changed(NUMERIC, "answer: 0.5", 'answer: "1e-3"'), False),
    "an exponent in single quotes": (_changed(NUMERIC, "answer: 0.5", "answer: '1e-3'"), False),
    "a tolerance exponent in quotes": (
        _changed(NUMERIC, "{absolute: 0.01}", '{absolute: "1e-3"}'),
        False,
    ),
    "a difficulty exponent in quotes": (
        _changed(CONCEPT, "difficulty: 2", 'difficulty: "2e0"'),
        False,
    ),
    "a title exponent": (_changed(CONCEPT, "title: Bias and variance", "title: 1e3"), False),
    "a title exponent in quotes": (
        _changed(CONCEPT, "title: Bias and variance", 'title: "1e3"'),
        True,
    ),
    "a source exponent": (_changed(CONCEPT, '"Hastie et al. 2009, ch. 7"', "2.5e-3"), False),
    "a key point exponent": (_changed(CONCEPT, "[error splits", "[1E6, error splits"), False),
    "a tag exponent": (_changed(CONCEPT, "topic: basics", "topic: basics\ntags: [1e3]"), False),
    "a tag exponent in quotes": (
        _changed(CONCEPT, "topic: basics", "topic: basics\ntags: ['1e3']"),
        True,
    ),
    "a choice exponent": (_changed(CHOICE, "less noise]", "1e-9]"), False),
    "a unit exponent": (_changed(NUMERIC, "answer: 0.5", "answer: 0.5\nunit: 1e3"), False),
    "a title of yes": (_changed(CONCEPT, "title: Bias and variance", "title: yes"), False),
    "spaces around an id": (_changed(CONCEPT, "id: bias-variance", 'id: " bias-variance "'), False),
    "spaces around a tag": (
        _changed(CONCEPT, "topic: basics", 'topic: basics\ntags: [" a "]'),
        False,
    ),
    "a coding card": (CODING, True),
    "one entry, not in a list": (_changed(CODING, "entry: [softmax]", "entry: softmax"), True),
    "a parameter that is no name": (
        _changed(CODING, "checker:", 'params: {"2x": 1}\nchecker:'),
        False,
    ),
    "a parameter of 2**53": (
        _changed(CODING, "checker:", "params: {n: 9007199254740992}\nchecker:"),
        True,
    ),
    "an integer parameter beyond 2**53": (
        _changed(CODING, "checker:", "params: {n: 9007199254740993}\nchecker:"),
        False,
    ),
    "a negative integer parameter beyond 2**53": (
        _changed(CODING, "checker:", "params: {n: [1, -9007199254740993]}\nchecker:"),
        False,
    ),
    "a float parameter beyond 2**53": (
        _changed(CODING, "checker:", "params: {n: 1.0e+20}\nchecker:"),
        False,
    ),
}


def _front(text: str) -> Any:
    """A front matter's data as the loader reads it (its own YAML reader)."""
    return safeyaml.load(text)


def _as_an_editor_reads(data: Any) -> Any:
    """The data as an editor's YAML 1.2 reads it, the reading the printed schema checks:
    an unquoted exponent (`1e-3`, text to PyYAML) is a number."""
    if isinstance(data, dict):
        return {key: _as_an_editor_reads(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_as_an_editor_reads(item) for item in data]
    return float(data) if isinstance(data, safeyaml.PlainExponent) else data


def _loader_accepts(data: Any) -> bool:
    try:
        validate_front(data)
    except ValidationError:
        return False
    return True


@pytest.fixture(scope="module")
def printed_schema() -> Draft202012Validator:
    """The card schema as `drillbit schema` prints it."""
    from click.testing import CliRunner

    from quiz.cli.group import cli

    result = CliRunner().invoke(cli, ["schema", "card"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    Draft202012Validator.check_schema(document)
    return Draft202012Validator(document)


@pytest.mark.parametrize("name", list(CASES))
def test_the_printed_schema_and_the_loader_agree(
    name: str, printed_schema: Draft202012Validator
) -> None:
    text, valid = CASES[name]
    data = _front(text)
    assert _loader_accepts(data) is valid, f"loader on {name}"
    errors = [error.message for error in printed_schema.iter_errors(_as_an_editor_reads(data))]
    assert (errors == []) is valid, f"schema on {name}: {errors}"


def test_every_bundled_card_is_valid_under_the_printed_schema(
    printed_schema: Draft202012Validator,
) -> None:
    """Real cards, as an editor checks them against `drillbit schema`: none is refused."""
    cards = sorted(bundled_content_dir().rglob("*.md"))
    refused: dict[str, list[str]] = {}
    checked = 0
    for path in cards:
        split = split_front_matter(path.read_text(encoding="utf-8"))
        if split is None:
            continue
        data = _front(split[0])
        checked += 1
        errors = [error.message for error in printed_schema.iter_errors(_as_an_editor_reads(data))]
        if errors:
            refused[path.name] = errors
    assert checked > 100
    assert refused == {}


def test_lint_names_a_yes_no_where_a_number_goes(mini_bank: Path, drillbit: RunDrillbit) -> None:
    """What the loader took as 1 before (pydantic's lax mode) is a problem at its line."""
    cards = mini_bank / "mini" / "basics"
    for name, key in (("dropout-inference.md", "difficulty"), ("sigmoid-bound.md", "answer")):
        card = cards / name
        text = card.read_text(encoding="utf-8")
        card.write_text(re.sub(rf"(?m)^{key}: .*$", f"{key}: true", text, count=1))
    result = drillbit("lint", str(mini_bank))
    assert result.returncode == 1
    assert "dropout-inference.md:7:1: difficulty: true is not a number" in result.stdout
    assert "sigmoid-bound.md:9:1: answer: true is not a number" in result.stdout


def test_lint_names_a_quoted_number_and_a_spaced_id(mini_bank: Path, drillbit: RunDrillbit) -> None:
    """What the loader read as the number or the id it spells before is a problem at its line."""
    cards = mini_bank / "mini" / "basics"
    sigmoid = cards / "sigmoid-bound.md"
    text = sigmoid.read_text(encoding="utf-8")
    sigmoid.write_text(text.replace("difficulty: 2", 'difficulty: "2"'), encoding="utf-8")
    dropout = cards / "dropout-inference.md"
    text = dropout.read_text(encoding="utf-8")
    dropout.write_text(
        text.replace("id: dropout-inference", 'id: " dropout-inference"'), encoding="utf-8"
    )
    result = drillbit("lint", str(mini_bank))
    assert result.returncode == 1
    assert "sigmoid-bound.md:7:1: difficulty: '2' is text, not a number" in result.stdout
    assert "dropout-inference.md:2:1: id: ' dropout-inference' has spaces around it" in (
        result.stdout
    )


def test_an_exponent_pyyaml_reads_as_text_is_still_a_number() -> None:
    """`answer: 1e-3` is a number in an editor; PyYAML (YAML 1.1) reads it as text, and the
    loader takes it as the number it spells, not as a quoted number."""
    text = _changed(NUMERIC, "answer: 0.5", "answer: 1e-3").replace("0.01}", "2.5e-4}")
    data = _front(text)
    assert data["answer"] == "1e-3"
    front = validate_front(data)
    assert front.answer == 0.001  # type: ignore[union-attr]
    assert front.tolerance.absolute == 0.00025  # type: ignore[union-attr]


def test_lint_names_a_quoted_exponent_at_its_line(mini_bank: Path, drillbit: RunDrillbit) -> None:
    """`answer: "2.5e-1"` is text to the printed schema; PyYAML reads it as the same text
    as `answer: 2.5e-1`, and lint took it as 0.25 where an editor flagged it."""
    card = mini_bank / "mini" / "basics" / "sigmoid-bound.md"
    text = card.read_text(encoding="utf-8")
    card.write_text(_changed(text, "answer: 0.25", 'answer: "2.5e-1"'), encoding="utf-8")
    result = drillbit("lint", str(mini_bank))
    assert result.returncode == 1
    assert (
        "sigmoid-bound.md:9:1: answer: '2.5e-1' is text, not a number: write it without quotes"
        in result.stdout
    )
    card.write_text(_changed(text, "answer: 0.25", "answer: 2.5e-1"), encoding="utf-8")
    assert drillbit("lint", str(mini_bank)).returncode == 0


def test_an_unquoted_exponent_parameter_reaches_the_checker_as_a_number() -> None:
    """`params: {eps: 1e-5}` is a number to an editor; the checker got the text "1e-5"."""
    text = _changed(
        CODING, "checker:", 'params: {eps: 1e-5, lrs: [3e-4, 1.0e-3], name: "1e-5"}\nchecker:'
    )
    front = validate_front(_front(text))
    params = front.params  # type: ignore[union-attr]
    assert params["eps"] == 1e-5 and type(params["eps"]) is float
    assert params["lrs"] == [3e-4, 1e-3] and all(type(x) is float for x in params["lrs"])
    assert params["name"] == "1e-5"  # in quotes: the text it is


def test_lint_names_a_text_yaml_reads_as_a_number_at_its_line(
    mini_bank: Path, drillbit: RunDrillbit
) -> None:
    """`title: 1e3` was taken as the text "1e3" (PyYAML's YAML 1.1) where an editor
    checking the card against `drillbit schema` reads the number 1000 and flags it; a
    title of `1.5` or `yes` said only "Input should be a valid string". Each is named at
    its line with the quotes that keep it text, and a failed key point is not also
    counted as "0 given"."""
    cards = mini_bank / "mini" / "basics"
    relu = cards / "what-is-relu.md"
    text = relu.read_text(encoding="utf-8")
    relu.write_text(
        _changed(
            _changed(text, "title: What ReLU computes", "title: 1e3"),
            "key_points:\n  - max(0, z) elementwise\n  - gradient 1 for z > 0 and 0 for z < 0\n"
            "  - cheap to compute",
            "key_points: [1e-3]",
        ),
        encoding="utf-8",
    )
    sigmoid = cards / "sigmoid-bound.md"
    sigmoid_text = sigmoid.read_text(encoding="utf-8")
    sigmoid.write_text(
        _changed(sigmoid_text, "title: The largest value of sigmoid'", "title: yes"),
        encoding="utf-8",
    )
    result = drillbit("lint", str(mini_bank))
    assert result.returncode == 1
    assert (
        "what-is-relu.md:4:1: title: 1e3 is the number 1000 to an editor's YAML 1.2: "
        'put it in quotes ("1e3") to keep it text [bad-value]'
    ) in result.stdout
    assert (
        "what-is-relu.md:10:14: key_points.0: 1e-3 is the number 0.001 to an editor's "
        'YAML 1.2: put it in quotes ("1e-3") to keep it text'
    ) in result.stdout
    assert "given;" not in result.stdout
    assert (
        "sigmoid-bound.md:4:1: title: YAML reads this as true (a yes/no), not text: "
        "put it in quotes"
    ) in result.stdout
    relu.write_text(_changed(text, "title: What ReLU computes", 'title: "1e3"'), encoding="utf-8")
    sigmoid.write_text(
        _changed(sigmoid_text, "title: The largest value of sigmoid'", "title: 'yes'"),
        encoding="utf-8",
    )
    assert drillbit("lint", str(mini_bank)).returncode == 0
