"""Reading a large notes file keeps no more of markdown-it's tokens alive than it must.

The block tokens of a whole notes file weigh about twenty times its text: 8 MiB of notes
made well over 200 MB of tokens. They are read into the importer's blocks one by one and
each is let go once read, so the tokens and the blocks are never all alive together.
"""

from __future__ import annotations

from typing import Any

import pytest
from markdown_it.token import Token

import quiz.ecosystem.notes.read as notes
from quiz.bank import markdown
from quiz.ecosystem.notes.read import parse_notes
from tests.conftest import DATA


def _notes_text() -> str:
    """Every notes fixture at once: every shape of block the reader turns into blocks."""
    fixtures = sorted((DATA / "notes").glob("*.md"))
    return "\n\n".join(path.read_text(encoding="utf-8") for path in fixtures)


def test_the_notes_tokens_are_let_go_as_they_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """The list of the file's tokens is emptied by the reader: none is held to the end."""
    parsed_lists: list[list[Token]] = []
    sizes: list[int] = []
    real = markdown.parse_blocks

    def parse_blocks(text: str, env: dict[str, Any] | None = None) -> list[Token]:
        tokens = real(text, env=env)
        sizes.append(len(tokens))
        parsed_lists.append(tokens)
        return tokens

    monkeypatch.setattr(notes, "parse_blocks", parse_blocks)
    parsed = parse_notes(_notes_text())
    assert parsed.questions, "the fixtures hold questions"
    assert sizes and sizes[0] > 1000, "the whole file was parsed into tokens once"
    assert [len(tokens) for tokens in parsed_lists] == [0] * len(parsed_lists)


def test_reading_the_tokens_one_by_one_gives_the_same_questions() -> None:
    """The questions do not depend on the tokens being taken: read twice, they agree, and
    a callout's first line (looked at two tokens ahead) still asks."""
    text = (
        "> [!question] What is a prior?\n> The belief before the data.\n\n## Q2: Why?\n\nBecause.\n"
    )
    first = parse_notes(text)
    assert [q.title for q in first.questions] == ["What is a prior?", "Why?"]
    assert parse_notes(text) == first
    assert parse_notes(_notes_text()) == parse_notes(_notes_text())
