"""A card body's tokens made from its answer's parse (`parse_body`) are the whole body's
parse: on every body the notes fixtures give and on generated questions and answers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.bank.markdown import parse
from quiz.ecosystem import cardbody, importer
from quiz.ecosystem.cardbody import card_body, parse_body
from tests.conftest import DATA


def _same_as_the_whole_parse(question: str, answer: str) -> None:
    env: dict[str, Any] = {}
    made = parse_body(question, answer, env)
    whole_env: dict[str, Any] = {}
    whole = parse(card_body(question, answer), env=whole_env)
    assert [t.as_dict() for t in made] == [t.as_dict() for t in whole]
    assert [(t.attrs, t.meta, t.block, t.level) for t in made] == [
        (t.attrs, t.meta, t.block, t.level) for t in whole
    ]
    assert env == whole_env


NOTES = sorted((DATA / "notes").glob("*.md"))


@pytest.mark.parametrize("notes", NOTES, ids=[n.stem for n in NOTES])
def test_every_fixture_body(monkeypatch: pytest.MonkeyPatch, notes: Path) -> None:
    seen: list[tuple[str, str]] = []
    made = cardbody.parse_body

    def recording(question: str, answer: str, env: dict[str, Any]) -> Any:
        seen.append((question, answer))
        return made(question, answer, env)

    monkeypatch.setattr(cardbody, "parse_body", recording)
    monkeypatch.setattr(importer, "split_pays", lambda _questions: False)
    importer.plan_import(notes, content_dir=Path("/nowhere/content"), pack="p")
    for question, answer in seen:
        _same_as_the_whole_parse(question, answer)
    if seen:  # most questions are one line: those bodies take the short way
        assert any(cardbody._ONE_LINE_QUESTION.fullmatch(q) for q, _answer in seen)


_QUESTION_PIECES = st.sampled_from(
    [
        "Why",
        "What is",
        " ",
        "\t",
        "*",
        "**x**",
        "`c`",
        "$x$",
        "[a]",
        "[a][r]",
        "[r]",
        "<b>",
        "\\",
        "#",
        "|",
        "-",
        "1.",
        "é",
        "?",
        "\n",
        "  ",
        "&amp;",
        "_y_",
        "~~s~~",
        "\r",
    ]
)
_ANSWER_PIECES = st.sampled_from(
    [
        "Text.",
        " ",
        "\n",
        "\n\n",
        "- item",
        "1. one",
        "> quote",
        "# h1",
        "## h2",
        "```",
        "~~~",
        "    code",
        "$$",
        "$x$",
        "[r]: /url",
        "[a]: <b> 't'",
        "| a | b |",
        "|---|---|",
        "***",
        "<div>",
        "**B:** c",
        "\t",
        "[r]",
        "\\",
        "Setext",
        "===",
        "---",
        "$",
    ]
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(_QUESTION_PIECES, min_size=1, max_size=6).map("".join),
    st.lists(_ANSWER_PIECES, min_size=1, max_size=10).map("".join),
)
def test_generated_bodies(question: str, answer: str) -> None:
    _same_as_the_whole_parse(question, answer)


def test_a_plain_one_line_question_takes_the_short_way() -> None:
    for question in ("Why is it so?", "What is [r]? See `x` and $y$.", "Explain *this*."):
        assert cardbody._ONE_LINE_QUESTION.fullmatch(question)
        _same_as_the_whole_parse(question, "Because.\n\n[r]: /url\n\n- a\n- b")
    for question in ("1. Why?", "Why? ", "- Why", "Why\nnot", "# Why", "<b>Why</b>"):
        assert not cardbody._ONE_LINE_QUESTION.fullmatch(question)
