"""A YAML error in a card or pack.yaml is told as the author's slip, at its line, with the
line to write: PyYAML's words ("could not find expected ':'", "found unexpected end of
stream", "did not find expected key") are a parser's, and the last was placed at the
front matter's first key, lines away from the apostrophe that caused it."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.lint import lint

CARD = Path("mini") / "basics" / "what-is-relu.md"


def _yaml_problems(root: Path, old: str, new: str, name: Path = CARD) -> list[tuple[int, int, str]]:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    found = [(p.line, p.col, p.code, p.message) for p in lint([root])[1] if p.path == path]
    assert [code for _, _, code, _ in found] == ["yaml"], found
    return [(line, col, message) for line, col, _, message in found]


@pytest.mark.parametrize(
    ("old", "new", "line", "says"),
    [
        (
            "difficulty: 1",
            "difficulty 1",
            7,
            "'difficulty 1' has no ':' after its key: write 'difficulty: 1'",
        ),
        (
            "difficulty: 1",
            "difficulty:1",
            7,
            "'difficulty:1' has no space after its ':': write 'difficulty: 1'",
        ),
        (
            "key_points:",
            "key_points",
            10,
            "'key_points' has no ':' after its key: write 'key_points:'",
        ),
        (
            "  - cheap to compute",
            "  -cheap to compute",
            13,
            "a list item needs a space after its '-': write '  - cheap to compute'",
        ),
    ],
)
def test_a_key_without_its_colon_names_the_line_to_write(
    mini_bank: Path, old: str, new: str, line: int, says: str
) -> None:
    [(at, col, message)] = _yaml_problems(mini_bank, old, new)
    assert (at, col) == (line, 1 if "list item" not in says else 3)
    assert message == f"invalid YAML in front matter: {says}"


def test_an_apostrophe_inside_single_quotes_is_told_at_its_line(mini_bank: Path) -> None:
    """`title: 'What ReLU's output is'` was "did not find expected key" at line 2, the
    front matter's first key: the author looked at the id."""
    [(line, col, message)] = _yaml_problems(
        mini_bank, "title: What ReLU computes", "title: 'What ReLU's output is'"
    )
    assert (line, col) == (4, 19)
    assert "text follows the closing ' of a value in quotes" in message
    assert message.endswith("""e.g. title: "What ReLU's output is\"""")


def test_text_after_a_quoted_word_puts_the_whole_value_in_quotes(mini_bank: Path) -> None:
    [(line, col, message)] = _yaml_problems(
        mini_bank, "  - cheap to compute", '  - "cheap" to compute'
    )
    assert (line, col) == (13, 13)
    assert message.endswith("""e.g. - '"cheap" to compute'""")


def test_a_quote_left_open_is_told_where_it_opens(mini_bank: Path) -> None:
    [(line, col, message)] = _yaml_problems(
        mini_bank, "source: tests", 'source: "Goodfellow\nsec. 6.3'
    )
    assert (line, col) == (8, 9)
    assert 'a quote opened here is never closed: end the value with "' in message
    assert "end of stream" not in message


def test_a_key_indented_under_a_value_says_so(mini_bank: Path) -> None:
    [(line, col, message)] = _yaml_problems(mini_bank, "source: tests", "  source: tests")
    assert (line, col) == (8, 9)
    assert "'source:' is indented deeper than the key above" in message


def test_pack_yaml_without_a_colon_is_told_at_its_line(mini_bank: Path) -> None:
    [(line, col, message)] = _yaml_problems(
        mini_bank, "version: 0.1.0", "version 0.1.0", Path("mini") / "pack.yaml"
    )
    assert (line, col) == (3, 1)
    assert (
        message == "invalid YAML: 'version 0.1.0' has no ':' after its key: write 'version: 0.1.0'"
    )


@pytest.mark.parametrize(
    "title",
    ['"What ReLU\'s output is"', "'What ReLU''s output is'", "What ReLU's output is"],
)
def test_the_written_forms_the_messages_suggest_load(mini_bank: Path, title: str) -> None:
    path = mini_bank / CARD
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: What ReLU computes", f"title: {title}"), encoding="utf-8")
    bank, problems = lint([mini_bank])
    assert [p for p in problems if p.path == path] == []
    card = next(c for c in bank.cards if c.id == "what-is-relu")
    assert card.front.title == "What ReLU's output is"


def test_a_bracket_left_open_says_close_it_or_quote_the_text(mini_bank: Path) -> None:
    [(line, col, message)] = _yaml_problems(
        mini_bank, "title: What ReLU computes", "title: [draft ReLU"
    )
    assert (line, col) == (4, 8)
    assert "the list opened here by '[' is never closed by ']'" in message
    assert "put a text that starts with '[' in quotes" in message


def test_text_after_a_closed_bracket_puts_the_value_in_quotes(mini_bank: Path) -> None:
    [(line, col, message)] = _yaml_problems(
        mini_bank, "title: What ReLU computes", "title: [draft] ReLU"
    )
    assert (line, col) == (4, 16)
    assert "text follows the closing ] of a list" in message
    assert message.endswith("e.g. title: '[draft] ReLU'")
