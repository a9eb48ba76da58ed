"""The report's list of property lines is made from the rows the reader left out
(fifty-fifth round), where import54 parsed the notes a second time for their code: the
list must be the same as that second parse's, on notes of every shape a property line can
hide in (fences, `~~~`, indented code, a code span over a line break, `Q::` over `A::`,
Logseq's own keys, `source::`), read whole or in pieces."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from quiz.ecosystem.importer import plan_import
from quiz.ecosystem.notes.blockprops import asked_pair_rows
from quiz.ecosystem.notes.coderows import PROPERTY_LINE, CodeRows
from quiz.ecosystem.notes.read import parse_notes, read_part
from quiz.ecosystem.properties import Properties, find_properties
from quiz.ecosystem.takeoff import take_off
from tests.conftest import linux_only
from tests.ecosystem.test_import_split_read import _split_always

_SOURCE_KEYS = frozenset({"source", "sources", "reference", "ref"})
_LOGSEQ_KEYS = frozenset({"id", "collapsed", "heading"})  # those the fragments use


def _second_parse(text: str) -> Properties:
    """import54's list: every property-like line, less those in code by a parse of its own."""
    found: list[tuple[int, str]] = []
    rows = text.split("\n")
    code = CodeRows(text)
    asked = asked_pair_rows(text, code)
    for index, row in enumerate(rows):
        match = PROPERTY_LINE.match(row.rstrip("\r"))
        if match is None or index in asked or index in code:
            continue
        key = match.group("key")
        if key.lower() in _SOURCE_KEYS | _LOGSEQ_KEYS or key.lower().startswith("card-"):
            continue
        value = " ".join((match.group("value") or "").split())
        value = value if len(value) <= 40 else value[:39] + "…"
        found.append((index + 1, f"{key}:: {value}" if value else f"{key}::"))
    return Properties(tuple(found))


_PIECES = (
    "- What does `np.dot` return for case {n}? #card\n  id:: 6571a2b4-1c2d-4e5f-8a9b-"
    "{n:012d}\n  collapsed:: true\n  card-repeats:: 2\n\t- The inner product of `a` and\n"
    "\t  `b`, a long enough answer for its card.\n",
    "## Question {n}: what is weight decay?\n\nStatus:: draft\nIt shrinks every weight a "
    "little at each step.\nsource:: Goodfellow 7.{n}\n",
    "- Which line is code in case {n}? #card\n\t- A fenced block keeps its lines:\n"
    "\t  ```cpp\n\t  Foo::\n\t  key:: value {n}\n\t  ```\n\t  Related:: [[Statistics]]\n",
    "Q:: What is case {n}?\nA:: It is the {n}th case of many.\n",
    "## Why a span {n}?\n\nA span `a\nb:: c` crosses a line, and `x`\ntopic:: after it\n",
    "## Tilde fence {n}?\n\n~~~\nStatus:: in a tilde fence\n~~~\nOwner:: me\n",
    "## Indented {n}?\n\nText first.\n\n    Indented:: code\n    more:: code\n\nAfter:: it\n",
    "Q:: A lone question property {n}\nEmpty::\n\nPlain text with std:: in it, and a\n  deep:: one\n",
)


def _notes(seed: int, blocks: int) -> str:
    chooser = random.Random(seed)
    return "\n".join(chooser.choice(_PIECES).format(n=n) for n in range(1, blocks + 1))


@pytest.mark.parametrize("seed", range(12))
def test_the_readers_rows_name_what_a_second_parse_named(seed: int) -> None:
    off = take_off(_notes(seed, 40), ".md")
    before = _second_parse(off.text)
    assert before.found  # the notes hold properties to name
    assert find_properties(off.text, parse_notes(off.text).property_rows) == before
    # read in pieces of about 600 bytes (a long note's way), the rows are the same
    pieces = read_part(off.text, piece_bytes=600).parsed
    assert find_properties(off.text, pieces.property_rows) == before
    assert find_properties(off.text) == before  # no rows given: the reader's take-off asked


def test_the_rows_are_the_notes_rows_in_a_piece_and_in_code_none() -> None:
    text = "## What is X?\n\nIt is Y.\n```\nkey:: code\n```\nStatus:: draft\n"
    read = parse_notes(text)
    assert read.property_rows == (6,)
    assert find_properties(text, read.property_rows).found == ((7, "Status:: draft"),)
    # a property the reader did not leave out is not named, whatever it looks like
    assert find_properties(text, ()).found == ()


def _said(notes: Path, tmp_path: Path) -> list[str]:
    plan = plan_import(notes, content_dir=tmp_path / "content", pack="p")
    return [n.message for n in plan.notices if n.group == "properties"]


@linux_only
def test_the_import_names_them_read_by_one_process_or_two(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = _notes(5, 60)
    notes = tmp_path / "notes.md"
    notes.write_text(text, encoding="utf-8")
    expected = _second_parse(take_off(text, ".md").text).note()
    assert expected is not None and "and 51 more hold properties" in expected
    assert _said(notes, tmp_path) == [expected]
    tried: list[bool] = []
    with monkeypatch.context() as patch:
        _split_always(patch, tried)
        assert _said(notes, tmp_path) == [expected]  # the helper's half's rows came back
    assert tried == [True]  # read by two processes, the parts agreeing
