"""The importer's front matter writer gives yaml's safe dumper's text, byte for byte."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.ecosystem.frontyaml import dump_front
from quiz.ecosystem.importer import plan_import
from tests.conftest import DATA

_DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _dumped(front: dict[str, Any]) -> str:
    return yaml.dump(front, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=1000)


_TRICKY = [
    "yes",
    "No",
    "off",
    "null",
    "~",
    "1e3",
    "0x10",
    "2024-01-01",
    "12:30",
    "-",
    "- a",
    "?",
    "? a",
    ":a",
    "a: b",
    "a:",
    "a #b",
    "a#b",
    "#a",
    "'q'",
    '"q"',
    "it's",
    "---",
    "...a",
    "=",
    "<<",
    "a, b",
    "[x]",
    "{x}",
    "%x",
    "@x",
    "`x`",
    "|",
    ">",
    "!x",
    "&x",
    "*x",
    " a",
    "a ",
    "a\tb",
    "a\nb",
    "\u2028",
    "\xa0a",
    "a\x85b",
    "\ufeffa",
    "∞ × —",
    "é",
    "🤔",
    "\\$5",
    "$x^2$",
    "",
]
_ALPHABET = st.sampled_from(
    list("aZ09 :#-?,[]{}&*!|>'\"%@`$\\._~=<\t\n")
    + ["é", "∞", "\xa0", "\u2028", "\x85", "\ufeff", "🤔", "\x7f", "\x9f"]
)
_TEXT = st.one_of(st.sampled_from(_TRICKY), st.text(_ALPHABET, max_size=12), st.text(max_size=8))


def _front(title: str, points: list[str], tags: list[str]) -> dict[str, Any]:
    return {
        "id": "x",
        "kind": "concept",
        "title": title,
        "topic": "t",
        "tags": tags,
        "difficulty": 2,
        "source": "notes.md Q1",
        "key_points": points,
    }


def test_tricky_scalars_are_written_as_the_dumper_writes_them() -> None:
    for text in _TRICKY:
        front = _front(text, [text, "plain text", f"x {text}"], [])
        assert dump_front(front) == _dumped(front), repr(text)
        assert yaml.safe_load(dump_front(front)) == front


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.lists(_TEXT, max_size=4), st.lists(_TEXT, max_size=2))
def test_any_front_matter_is_written_as_the_dumper_writes_it(
    title: str, points: list[str], tags: list[str]
) -> None:
    front = _front(title, points, tags)
    assert dump_front(front) == _dumped(front)


def test_every_fixture_card_front_matter_is_the_dumpers(tmp_path: Path) -> None:
    for notes in sorted((DATA / "notes").glob("*.md")):
        for card in plan_import(notes, content_dir=tmp_path, pack="p").cards:
            yaml_text = card.text.split("---\n", 2)[1]
            assert yaml_text == _dumped(yaml.safe_load(yaml_text)), card.card_id
