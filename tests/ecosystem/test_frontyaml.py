"""The importer's front matter writer gives yaml's safe dumper's text, byte for byte."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.bank import safeyaml
from quiz.ecosystem.frontyaml import FrontDumper, dump_front
from quiz.ecosystem.importer import plan_import
from tests.conftest import DATA, RunDrillbit
from tests.ecosystem.test_import_notes import run_import

_STOCK: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _dumped(front: dict[str, Any], dumper: Any = FrontDumper) -> str:
    return yaml.dump(front, Dumper=dumper, sort_keys=False, allow_unicode=True, width=1000)


_TRICKY = [
    "yes",
    "No",
    "off",
    "null",
    "~",
    "1e3",
    "1E-3",
    "+2.5e10",
    ".5e3",
    "1.e3",
    "1.0e+3",
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


def _plain_texts(data: Any) -> bool:
    """True when no text in the data is one an editor's YAML 1.2 reads as a number."""
    if isinstance(data, dict):
        return all(_plain_texts(value) for value in data.values())
    if isinstance(data, list):
        return all(_plain_texts(item) for item in data)
    return not isinstance(data, safeyaml.PlainExponent)


def test_a_text_that_spells_an_exponent_is_quoted() -> None:
    """The stock dumper writes `1e3` plain (text to PyYAML's YAML 1.1), which an editor's
    YAML 1.2 reads as 1000.0 and lint refuses in a text field; the writer quotes it, and
    changes nothing else the stock dumper writes."""
    for text in _TRICKY:
        front = _front(text, [text, "plain text", f"x {text}"], [text])
        written = dump_front(front)
        assert safeyaml.load(written) == front, repr(text)
        assert _plain_texts(safeyaml.load(written)), (repr(text), written)
        if not safeyaml.spells_exponent(text):
            assert written == _dumped(front, _STOCK), repr(text)
    assert "title: '1e3'\n" in dump_front(_front("1e3", ["a"], []))


def test_an_imported_exponent_keeps_its_card_loading(tmp_path: Path, drillbit: RunDrillbit) -> None:
    """Notes titled `# 1e3` with key points such as `- 1e-3` gave a pack.yaml and a card
    whose texts were plain exponents: lint refused them where an editor reads numbers."""
    notes = tmp_path / "rates.md"
    notes.write_text(
        "# 1e3\n\n## Q1: Which learning rates are typical for Adam?\n- 1e-3\n- 3e-4\n- 1E-4\n",
        encoding="utf-8",
    )
    content = tmp_path / "c"
    result = run_import(str(notes), "--into", str(content))
    assert result.exit_code == 0, result.output
    (card,) = sorted(content.rglob("which-*.md"))
    assert "- '1e-3'\n" in card.read_text(encoding="utf-8")
    assert "title: '1e3'\n" in (content / "rates" / "pack.yaml").read_text(encoding="utf-8")
    lint = drillbit("lint", str(content))
    assert lint.returncode == 0, lint.stdout
