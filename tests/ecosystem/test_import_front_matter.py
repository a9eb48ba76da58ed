"""A notes file's YAML front matter (Obsidian's properties): its tags are every card's.

Import read `---`, YAML, `---` as Markdown (a rule, then a heading made of the YAML's
lines) and dropped it without a word, the vault's tags with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.ecosystem.notes.front import MAX_FRONT_LINES, read_front, read_page_properties
from tests.ecosystem.test_import_notes import front, run_import

QUESTIONS = (
    "## What does Adam keep per weight?\n"
    "Two running means, of the gradient and of its square.\n"
    "The step divides the first by the root of the second.\n"
    "Both are bias-corrected during the first steps.\n"
)


def _import(tmp_path: Path, text: str, *args: str) -> tuple[str, dict[str, object]]:
    notes = tmp_path / "vault.md"
    notes.write_text(text, encoding="utf-8")
    content = tmp_path / "c"
    result = run_import(str(notes), "--into", str(content), *args)
    assert result.exit_code == 0, result.output
    (card,) = sorted(content.rglob("adam-*.md"))
    return result.output, front(card)


@pytest.mark.parametrize(
    "tags",
    [
        "tags: [ml, optimizers]\n",
        "tags:\n  - ml\n  - '#optimizers'\n",
        "tags: ml, optimizers\n",
        "tags: '#ml #optimizers'\n",
    ],
)
def test_the_front_matters_tags_are_every_cards(tmp_path: Path, tags: str) -> None:
    text = f"---\n{tags}aliases: [adam notes]\ncreated: 2026-11-01\n---\n\n{QUESTIONS}"
    output, card = _import(tmp_path, text, "--tag", "imported")
    assert card["tags"] == ["imported", "ml", "optimizers"]
    notes = tmp_path / "vault.md"
    assert (
        f"{notes}:1: note: front matter: its tags (ml, optimizers) are given to every card;"
        " aliases, created are not used"
    ) in output
    question_line = text.split("\n").index("## What does Adam keep per weight?") + 1
    assert f"← {notes}:{question_line} What does Adam keep per weight?" in output
    assert card["title"] == "What does Adam keep per weight?"


def test_a_front_matter_that_is_not_yaml_is_left_out_and_said(tmp_path: Path) -> None:
    text = f"---\ntags: [ml\ncreated: : :\n---\n\n{QUESTIONS}"
    output, card = _import(tmp_path, text)
    assert card["tags"] == []
    assert f"{tmp_path / 'vault.md'}:1: note: front matter: lines 1-4 are left out:" in output
    assert "its YAML could not be read" in output


def test_a_rule_that_opens_the_notes_is_no_front_matter() -> None:
    unclosed = "---\n" + "Some text.\n" * (MAX_FRONT_LINES + 5) + "---\n"
    assert read_front(unclosed).lines == 0 and read_front(unclosed).text == unclosed
    assert read_front("----\ntags: [a]\n---\n").lines == 0  # four dashes: a rule
    found = read_front("\ufeff---\r\ntags: [a]\r\n---\r\n# Title\r\n")
    assert (found.lines, found.tags, found.text) == (3, ("a",), "\n\n\n# Title\r\n")


LOGSEQ = (
    "tags:: ml, [[deep learning]], #optimizers\n"
    "alias:: adam notes\n"
    "\n"
    "- What does Adam keep per weight? #card\n"
    "\t- Two running means, of the gradient and of its square.\n"
    "\t- The step divides the first by the root of the second.\n"
    "\t- Both are bias-corrected during the first steps.\n"
)


def test_logseq_page_properties_tags_are_every_cards(tmp_path: Path) -> None:
    """Logseq's page properties are its front matter: they were blanked as block
    properties, the page's tags dropped without a word."""
    notes = tmp_path / "vault.md"
    notes.write_text(LOGSEQ, encoding="utf-8")
    content = tmp_path / "c"
    result = run_import(str(notes), "--into", str(content), "--tag", "imported")
    assert result.exit_code == 0, result.output
    (card,) = sorted(content.rglob("adam-*.md"))
    assert front(card)["tags"] == ["imported", "ml", "deep-learning", "optimizers"]
    assert (
        f"{notes}:1: note: page properties: its tags (ml, deep-learning, optimizers) are"
        " given to every card; alias is not used"
    ) in result.output
    assert f"← {notes}:4 What does Adam keep per weight?" in result.output


def test_only_the_opening_property_lines_are_page_properties() -> None:
    text = "Intro line.\ntags:: ml\n"
    assert read_page_properties(text).lines == 0
    later = read_page_properties("title:: Adam\n\ntags:: ml\n")
    assert (later.lines, later.tags, later.unused) == (1, (), ("title",))
    assert later.text == "\n\ntags:: ml\n"
