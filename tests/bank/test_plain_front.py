"""The plain fronts the app holds equal what the pydantic schema validates to.

`models.front_of_valid` builds a front without the schema from data that validated
before (a cache record, a card file the index vouches for). It must give exactly the
schema's answer, or decline (None) and leave the data to the schema.
"""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from bench.bankgen import generate_bank
from quiz.bank import models, schema
from quiz.bank.models import front_of_valid, pack_info_of_valid
from quiz.bank.parse import parse_card_data, split_front_matter

ROOT = Path(__file__).resolve().parents[2]


def _valid_data() -> list[dict[str, Any]]:
    """The front matter's data of every valid bundled, fixture and generated card."""
    files = sorted((ROOT / "content").rglob("*.md")) + sorted(
        (ROOT / "tests" / "data").rglob("*.md")
    )
    with tempfile.TemporaryDirectory() as tmp:
        generated = generate_bank(Path(tmp), 30)
        files += sorted(generated.rglob("*.md"))
        found = []
        for path in files:
            text = path.read_text(encoding="utf-8")
            if split_front_matter(text) is None:
                continue
            card, _, data = parse_card_data(text, path, "pack", path.parent.name, lint=False)
            if card is not None:
                found.append(data)
    return found


VALID = _valid_data()


def test_every_valid_card_builds_plain_equal_to_the_schema() -> None:
    kinds = {data["kind"] for data in VALID}
    assert kinds == {"concept", "choice", "numeric", "coding"}
    for data in VALID:
        built = front_of_valid(data)
        assert built is not None, data
        assert built == schema.validate_front(data)
        assert type(built) is models.FRONT_CLASSES[data["kind"]]


def test_the_plain_classes_have_the_schema_fields() -> None:
    pairs: dict[str, type[BaseModel]] = {
        "concept": schema.ConceptFront,
        "choice": schema.ChoiceFront,
        "numeric": schema.NumericFront,
        "coding": schema.CodingFront,
    }
    for kind, model in pairs.items():
        assert models.front_fields(kind) == set(model.model_fields)
    assert {f.name for f in dataclasses.fields(models.Tolerance)} == set(
        schema.Tolerance.model_fields
    )
    assert {f.name for f in dataclasses.fields(models.PackInfo)} == set(
        schema.PackInfo.model_fields
    )


BASE: dict[str, Any] = {
    "id": "a-card",
    "title": "A card",
    "topic": "basics",
    "difficulty": 2,
    "source": "test",
}
BY_KIND: dict[str, dict[str, Any]] = {
    "concept": {"kind": "concept", "key_points": ["one", "two"]},
    "choice": {"kind": "choice", "choices": ["a", "b", "c"], "answer": 1},
    "numeric": {"kind": "numeric", "answer": 0.5, "tolerance": {"absolute": 0.01}},
    "coding": {"kind": "coding", "entry": "relu", "checker": "nn.act.relu"},
}
ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(-2, 2, allow_nan=False),
    st.sampled_from([" padded ", "plain", "x\u2028", "\x1ftext", "", "1", "  "]),
    st.lists(st.sampled_from(["a", " b", "c", 1, True, 0.5]), max_size=3),
    st.just({"absolute": 1}),
    st.just({"relative": 0.1, "absolute": None}),
    st.just({"n": 3, "flag": True, "name": "x", "xs": [1, 2.5, "s"]}),
    st.just({" n": 1}),
)
KEYS = sorted(
    {*BASE, "tags", "related", "unit", "params", "kind", "extra"}
    | {key for extra in BY_KIND.values() for key in extra}
)


@settings(max_examples=400, deadline=None)
@given(
    kind=st.sampled_from(sorted(BY_KIND)),
    changes=st.dictionaries(st.sampled_from(KEYS), ODD_VALUES, max_size=3),
    dropped=st.sets(st.sampled_from(KEYS), max_size=1),
)
def test_front_of_valid_equals_the_schema_or_declines(
    kind: str, changes: dict[str, Any], dropped: set[str]
) -> None:
    data = {**BASE, **BY_KIND[kind], **changes}
    for key in dropped:
        data.pop(key, None)
    try:
        expected = schema.validate_front(data)
    except ValidationError:
        return  # only data that validated is ever built without the schema
    built = front_of_valid(data)
    assert built is None or built == expected


def test_lax_values_are_left_to_the_schema() -> None:
    lax: list[dict[str, Any]] = [
        {**BASE, **BY_KIND["concept"], "difficulty": True},
        {**BASE, **BY_KIND["concept"], "title": " padded "},
        {**BASE, **BY_KIND["choice"], "answer": False},
        {**BASE, **BY_KIND["concept"], "unknown": 1},
        {**BASE, "kind": "other"},
    ]
    for data in lax:
        assert front_of_valid(data) is None
    # an int where a float goes is what the schema makes of it
    numeric = {**BASE, **BY_KIND["numeric"], "answer": 3, "tolerance": {"relative": 1}}
    built = front_of_valid(numeric)
    assert built == schema.validate_front(numeric)
    assert isinstance(built, models.NumericFront) and type(built.answer) is float


def test_pack_info_of_valid() -> None:
    data = {"title": "T", "description": "D.", "version": "1.0.0"}
    assert pack_info_of_valid(data) == schema.plain_pack_info(schema.PackInfo.model_validate(data))
    assert pack_info_of_valid({**data, "title": " T"}) is None
    assert pack_info_of_valid({**data, "extra": 1}) is None


@pytest.mark.parametrize("kind", sorted(BY_KIND))
def test_the_models_module_does_not_need_pydantic(kind: str) -> None:
    import subprocess
    import sys

    code = (
        "import sys, quiz.bank.models as m;"
        f"assert m.front_of_valid({{**{BASE!r}, **{BY_KIND[kind]!r}}}) is not None;"
        "print('pydantic' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip() == "False"
