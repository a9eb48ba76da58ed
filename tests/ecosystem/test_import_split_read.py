"""Large notes are read by two processes from the start: cut at a heading near the middle,
each part read alone. Whenever the two parts say they agree, what they read must be what
the whole file reads; when they cannot agree (a fence running over the cut, a section
open across it, link references) the import reads the notes in one piece, and the plan
is the same either way."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest

import quiz.ecosystem.importer as importer
import quiz.ecosystem.importsplit as importsplit
import quiz.ecosystem.planjobs as planjobs
from quiz.bank import parallel
from quiz.bank.markdown import normalize
from quiz.ecosystem.importer import plan_import
from quiz.ecosystem.importplan import ImportPlan
from quiz.ecosystem.notes.cut import cut_notes, merge_parts, parts_agree
from quiz.ecosystem.notes.read import parse_notes, read_part
from tests.conftest import DATA, linux_only
from tests.ecosystem.plans import plan_summary

_FIXTURES = sorted((DATA / "notes").glob("*.md"))

# Documents whose cut at a heading must not be taken for the whole file's reading.
_TRAPS = {
    "unclosed fence": "## Q1: What is A?\n\n```python\nx = 1\n\n# not a heading\n\nmore\n",
    "html comment": "## Q1: What is A?\n\n<!-- a comment\n\n# inside it\n\n-->\n\nAnswer: A.\n",
    "section open": (
        "# Notes\n\n## 1. Concepts\n\n### Q1: What is A?\n\n**Answer:** A is a letter.\n"
        "It comes first. It is a vowel.\n\n### Q2: What is B?\n\n**Answer:** B is next.\n"
        "It is a consonant. It is second.\n"
    ),
    "references": (
        "## Q1: What is [A]?\n\nAnswer: A is [the first][a] letter. It is a vowel. It "
        "is big.\n\n## Q2: What is B?\n\nAnswer: B is a letter. It is second. It is "
        "small.\n\n[a]: https://example.com\n"
    ),
    "math block": "## Q1: What is A?\n\n$$\nx = 1\n\n# y\n\n$$\n\nAnswer: it is.\n",
    "list then heading": (
        "1. **What is A?**\n\n   A is a letter. It is first. It is a vowel.\n\n"
        "# Later\n\n- **What is B?** B is a letter. It is second. It is small.\n"
    ),
}


def _heading_lines(text: str) -> list[tuple[int, int]]:
    """Every (line, level) a cut could be made at: a `#` heading line after a blank line."""
    lines = text.split("\n")
    found = []
    for row in range(1, len(lines)):
        match = re.match(r"(#{1,6})(?:[ \t]|$)", lines[row])
        if match and lines[row - 1] == "":
            found.append((row, len(match.group(1))))
    return found


def _split_at(text: str, line: int) -> tuple[str, str]:
    """The notes as two parts at `line` (0-based), line by line: the lines before it, and
    blank lines for those followed by the rest (every line keeps its number). Any heading
    can be cut at here; `cut_notes` makes its own cut from an offset and must agree."""
    lines = normalize(text.lstrip("\ufeff")).split("\n")
    return "\n".join(lines[:line]), "\n" * line + "\n".join(lines[line:])


def _cut_line(text: str) -> tuple[int, int] | None:
    """(line, level) of the heading `cut_notes` cuts at, or None."""
    cut = cut_notes(text)
    return None if cut is None else (cut[2], cut[3])


def _texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in _FIXTURES]
    joined = "\n\n".join(texts)
    return [*texts, *_TRAPS.values(), joined]


def test_parts_that_agree_read_as_the_whole() -> None:
    """At every heading of every fixture, of the traps and of all fixtures joined: when
    the parts agree, their merge is the whole file's reading."""
    agreed = refused = 0
    for text in _texts():
        whole = parse_notes(text)
        for line, level in _heading_lines(text):
            first_text, second_text = _split_at(text, line)
            first, second = read_part(first_text), read_part(second_text)
            if not parts_agree(first, second, line, level):
                refused += 1
                continue
            agreed += 1
            assert merge_parts(first.parsed, second.parsed) == whole, (line, text[:60])
    assert agreed > 100 and refused > 10  # both answers are exercised


@pytest.mark.parametrize("name", sorted(_TRAPS))
def test_a_cut_over_a_trap_is_refused(name: str) -> None:
    text = _TRAPS[name]
    whole = parse_notes(text)
    cuts = [
        (line, level)
        for line, level in _heading_lines(text)
        if line > 0 and not text.split("\n")[line].startswith("## Q1")
    ]
    assert cuts, name
    for line, level in cuts:
        first_text, second_text = _split_at(text, line)
        first, second = read_part(first_text), read_part(second_text)
        if parts_agree(first, second, line, level):
            assert merge_parts(first.parsed, second.parsed) == whole, name
        else:
            assert name != "list then heading", "a heading after a list is a clean cut"


def test_the_cut_is_a_heading_near_the_middle_outside_code() -> None:
    body = "".join(f"## Q{i}: What is item {i}?\n\nAnswer: it is item {i}.\n\n" for i in range(40))
    code = "```python\n\n# a comment, not a heading\n\n```\n\n"
    text = f"# Title\n\n{body}{code}{body}"
    line, level = _cut_line(text) or (0, 0)
    assert text.split("\n")[line].startswith("## Q")
    assert level == 2
    assert abs(sum(len(r) + 1 for r in text.split("\n")[:line]) - len(text) / 2) < len(text) / 5
    with_title = f"{body}\n\n# Second part\n\n{body}"
    assert _cut_line(with_title) is not None
    assert with_title.split("\n")[_cut_line(with_title)[0]] == "# Second part"  # type: ignore[index]
    assert _cut_line("no headings at all\n" * 100) is None
    for notes in (text, with_title, "\ufeff" + text.replace("\n", "\r\n")):
        line, level = _cut_line(notes) or (0, 0)
        assert cut_notes(notes) == (*_split_at(notes, line), line, level)
    assert _cut_line(f"{text}\n- [a]: https://example.com\n") is None  # a link reference


def _plan_in_one(notes: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ImportPlan:
    """The notes' plan made by this process alone."""
    with monkeypatch.context() as patch:
        patch.setattr(importer, "split_pays", lambda questions: False)
        return plan_import(notes, content_dir=tmp_path / "content", pack="p")


def _split_always(patch: pytest.MonkeyPatch, tried: list[bool]) -> None:
    """Read any notes in two from the start; `tried` gets, per attempt, whether the two
    parts agreed (and were planned in two)."""
    patch.setattr(planjobs, "SPLIT_MIN_BYTES", 1)
    patch.setattr(planjobs, "SPLIT_MIN_QUESTIONS", 1)
    patch.setattr(parallel, "can_fork", lambda: True)
    real = importsplit.read_and_plan

    def recording(*args: Any) -> object:
        result: object = real(*args)
        tried.append(result is not None)
        return result

    patch.setattr(planjobs, "read_and_plan", recording)


@linux_only
@pytest.mark.parametrize("kind", ["fixtures", "references", "fence"])
def test_notes_read_in_two_plan_as_in_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """The whole plan, read and planned by two processes, is the one-process plan; with a
    cut the parts refuse (link references, a fence over it), the notes are read in one."""
    text = "\n\n".join(path.read_text(encoding="utf-8") for path in _FIXTURES)
    text = text.replace("?", " (again)?")  # titles met twice get -2 ids: across the cut too
    if kind == "references":
        text += "\n\n[a]: https://example.com\n"
    elif kind == "fence":  # a fence no line closes, cut at the heading after it
        middle = text.index("\n\n#", len(text) // 2)
        text = text[:middle] + "\n\n~~~~~~~~~~\n" + text[middle:]
        row = text[: text.index("\n\n#", middle + 14)].count("\n") + 2
        level = len(text.split("\n")[row]) - len(text.split("\n")[row].lstrip("#"))
        parts = (*_split_at(text, row), row, level)
        monkeypatch.setattr(planjobs, "cut_notes", lambda _text: parts)
    notes = tmp_path / "notes.md"
    notes.write_text(text, encoding="utf-8")
    plain = _plan_in_one(notes, tmp_path, monkeypatch)
    read: list[bool] = []
    with monkeypatch.context() as patch:
        _split_always(patch, read)
        split = plan_import(notes, content_dir=tmp_path / "content", pack="p")
    # notes with link references are not even cut; a fence over the cut is refused
    assert read == {"fixtures": [True], "references": [], "fence": [False]}[kind]
    assert plan_summary(split) == plan_summary(plain)


@linux_only
@pytest.mark.parametrize("dies", ["reading", "planning"])
def test_a_helper_that_dies_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dies: str
) -> None:
    """A helper that dies before handing its part over leaves the notes to be read here in
    one piece; one that dies while planning leaves its cards to be planned here."""
    notes = tmp_path / "notes.md"
    notes.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in _FIXTURES), "utf-8")
    plain = _plan_in_one(notes, tmp_path, monkeypatch)
    here = os.getpid()
    real_read, real_merge = read_part, merge_parts

    def read(text: str) -> object:
        if os.getpid() != here and dies == "reading":
            os._exit(3)
        return real_read(text)

    def merge(*args: Any) -> object:
        if os.getpid() != here and dies == "planning":
            os._exit(3)
        return real_merge(*args)

    tried: list[bool] = []
    with monkeypatch.context() as patch:
        _split_always(patch, tried)
        patch.setattr(importsplit, "read_part", read)
        patch.setattr(importsplit, "merge_parts", merge)
        split = plan_import(notes, content_dir=tmp_path / "content", pack="p")
    assert tried == [dies == "planning"]  # read in one piece / the helper's cards planned here
    assert plan_summary(split) == plan_summary(plain)
