"""What an author's editor or clipboard puts in a card, told at its place with the fix: a
control character pasted into the front matter (PyYAML marks it by offset, and lint told
it at line 1 in PyYAML's words), a file saved with old Mac line ends (told as front matter
not closed), and an id with an accent or a full-width letter (its suggested id dropped the
letter: 'rélu' became 'r-lu')."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.lint import lint

CARD = Path("mini") / "basics" / "what-is-relu.md"


def _found(root: Path, path: Path) -> list[tuple[int, int, str, str]]:
    _bank, problems = lint([root], run_drills=False)
    return [(p.line, p.col, p.code, p.message) for p in problems if p.path == path]


def _line_col(path: Path, char: str) -> tuple[int, int]:
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if char in text)
    return line, lines[line - 1].index(char) + 1


@pytest.mark.parametrize(
    ("old", "new", "name"),
    [
        ("  - cheap", "  - ch\x00eap", "U+0000"),
        ("source: tests", "source: te\x1b[0msts", "U+001B"),
        ("title: What", "title: W\x07hat", "U+0007"),
    ],
)
def test_a_control_character_in_front_matter_is_told_at_its_place(
    mini_bank: Path, old: str, new: str, name: str
) -> None:
    path = mini_bank / CARD
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    line, col = _line_col(path, next(c for c in new if ord(c) < 32))
    assert _found(mini_bank, path) == [
        (
            line,
            col,
            "yaml",
            f"invalid YAML in front matter: a control character ({name}) YAML does not "
            "allow: delete it",
        )
    ]


def test_old_mac_line_ends_are_named(mini_bank: Path) -> None:
    path = mini_bank / CARD
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r"))
    ((line, col, code, message),) = _found(mini_bank, path)
    assert (line, col, code) == (1, 1, "front-matter")
    assert message.startswith("its lines end with a bare carriage return (CR"), message
    assert "save the file with LF (or CRLF) line endings" in message


def test_windows_line_ends_are_fine(mini_bank: Path) -> None:
    path = mini_bank / CARD
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert _found(mini_bank, path) == []


@pytest.mark.parametrize(
    ("written", "meant"),
    [("rélu", "relu"), ("relu-ｆ", "relu-f"), ("Naïve-Bayes", "naive-bayes")],
)
def test_an_id_with_an_accent_or_a_wide_letter_gets_the_plain_id(
    mini_bank: Path, written: str, meant: str
) -> None:
    path = mini_bank / CARD
    text = path.read_text(encoding="utf-8")
    card = path.with_name(f"{written}.md")
    card.write_text(text.replace("id: what-is-relu", f"id: {written}"), encoding="utf-8")
    path.unlink()
    ((line, _, code, message),) = _found(mini_bank, card)
    assert (line, code) == (2, "bad-value")
    assert message.endswith(
        f"{written!r} must be kebab-case (lowercase letters and digits "
        f"joined by '-'): write '{meant}'"
    ), message
