"""What an author's editor or clipboard puts in a card, told at its place with the fix: a
control character pasted into the front matter (PyYAML marks it by offset, and lint told
it at line 1 in PyYAML's words), a file saved with old Mac line ends (told as front matter
not closed), an id with an accent or a full-width letter (its suggested id dropped the
letter: 'rélu' became 'r-lu') and a file name that is not UTF-8 (a traceback in JSON)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from quiz.bank.lint import lint
from tests.conftest import RunDrillbit

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


@pytest.mark.parametrize(
    ("lead", "said"),
    [
        (b"\xef\xbb\xbf\xef\xbb\xbf", "U+FEFF (zero width no-break space, invisible in most editors)"),
        (b"\xe2\x80\x8b", "U+200B (zero width space, invisible in most editors)"),
        (b"  ", "2 blank characters (an indent)"),
    ],
)  # fmt: skip
def test_what_stands_invisibly_before_the_opening_line_is_named(
    mini_bank: Path, lead: bytes, said: str
) -> None:
    """A second byte-order mark (one is read past), a zero-width space or an indent before
    the first `---` was "a card starts with YAML front matter: write a '---' line first",
    of a file whose first line reads `---` in the author's editor."""
    path = mini_bank / CARD
    path.write_bytes(lead + path.read_bytes())
    assert _found(mini_bank, path) == [
        (
            1,
            1,
            "front-matter",
            f"the '---' line that opens the front matter starts after {said}: delete it, so "
            "that '---' is the first thing in the file",
        )
    ]


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


def test_a_file_name_that_is_not_utf8_is_named_in_the_json_report(
    mini_bank: Path, drillbit: RunDrillbit
) -> None:
    """A card saved under a Latin-1 name (`café.md` from an old archive): `--format json`
    ended in a traceback (the name's byte has no UTF-8); the report now writes the byte
    out, and the fix no longer offers the name, which is no id, as the id to write."""
    path = mini_bank / CARD
    text = path.read_text(encoding="utf-8").replace("id: what-is-relu", "id: cafe")
    folder = os.fsencode(path.parent)
    with open(folder + b"/caf\xe9.md", "w", encoding="utf-8") as handle:
        handle.write(text)
    path.unlink()
    result = drillbit("lint", "--no-drills", "--format", "json", "mini", cwd=mini_bank)
    assert result.returncode == 1, result.stderr
    (problem,) = json.loads(result.stdout)["problems"]
    assert (problem["path"], problem["line"], problem["code"]) == (
        "mini/basics/caf\\xe9.md",
        2,
        "id-file-name",
    )
    assert problem["message"] == (
        "id 'cafe' must equal the file name 'caf\\xe9': rename the file to cafe.md "
        "(progress is kept by id)"
    )


def test_a_file_name_that_is_an_id_is_offered_as_the_id(mini_bank: Path) -> None:
    path = mini_bank / CARD
    card = path.with_name("relu-basics.md")
    path.rename(card)
    ((_, _, code, message),) = _found(mini_bank, card)
    assert code == "id-file-name"
    assert message.endswith("(progress is kept by id), or write id: relu-basics"), message
