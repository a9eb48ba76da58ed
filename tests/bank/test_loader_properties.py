"""Property tests: whatever a file holds, loading raises only ContentError, never a bare exception."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.bank.loader import load_card_text
from quiz.bank.models import Card
from quiz.bank.problems import ContentError

PATH = Path("pack/topic/card-id.md")
SECTIONS = ["Question", "Answer", "Explanation", "Task", "Starter", "Hints", "Bogus"]
KEYS = [
    "id",
    "kind",
    "title",
    "topic",
    "tags",
    "difficulty",
    "source",
    "related",
    "key_points",
    "choices",
    "answer",
    "tolerance",
    "unit",
    "entry",
    "checker",
    "params",
    "extra",
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 10),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.sampled_from(
        ["concept", "choice", "numeric", "coding", "card-id", "topic", "nn.optim.adam_step"]
    ),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
front_matter = st.dictionaries(st.sampled_from(KEYS), values, max_size=len(KEYS))
body = st.lists(st.tuples(st.sampled_from(SECTIONS), st.text(max_size=60)), max_size=5).map(
    lambda parts: "\n".join(f"## {title}\n\n{text}\n" for title, text in parts)
)


def _load(text: str) -> Card | None:
    try:
        return load_card_text(text, PATH, "pack", "topic")
    except ContentError as exc:
        assert exc.problems, "a ContentError always carries at least one problem"
        for problem in exc.problems:
            assert problem.line >= 1 and problem.col >= 1
        return None


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_raises_only_content_error(text: str) -> None:
    _load(text)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(front_matter, body)
def test_arbitrary_front_matter_raises_only_content_error(data: dict[str, Any], text: str) -> None:
    _load(f"---\n{yaml.safe_dump(data)}---\n\n{text}")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="-:#$`{}[]\n abc\\", max_size=200))
def test_markup_heavy_text_raises_only_content_error(text: str) -> None:
    _load(f"---\nid: card-id\nkind: concept\n---\n{text}")
