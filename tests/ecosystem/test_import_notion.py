"""A Notion page exported as Markdown: the `Key: value` properties under its title.

They were read as the title's introduction, named "not imported", and the page's tags
(`Tags: ML, Deep Learning`) never reached a card."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.notes.front import read_notion_properties
from tests.ecosystem.test_import_notes import front, run_import

NOTES = Path(__file__).parent.parent / "data" / "notes" / "notion-export.md"


def test_a_notion_pages_tags_are_every_cards(tmp_path: Path) -> None:
    result = run_import(str(NOTES), "--pack", "p", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    assert (
        f"{NOTES}:1: note: Notion properties: its tags (ml, deep-learning) are given to every"
        " card; Created, Status are not used"
    ) in result.output
    assert "not imported" not in result.output
    for card in ("what-is-overfitting.md", "bias-variance-tradeoff.md"):
        assert front(tmp_path / "c" / "p" / "p" / card)["tags"] == ["ml", "deep-learning"]


def test_text_under_a_title_is_no_property_block() -> None:
    """Lines that only look like properties, with no key Notion writes, are text."""
    note = "# Week 3\n\nNote: read the paper first\n\n## What is dropout?\n"
    assert read_notion_properties(note).lines == 0
    run_on = "# Week 3\n\nTags: ml\nand more words\n"
    assert read_notion_properties(run_on).lines == 0
    notion = "# Week 3\n\nTags: ml\n"
    assert read_notion_properties(notion).text == "# Week 3\n\n\n"  # lines kept
