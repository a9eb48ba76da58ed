"""A card list (`question<TAB>answer` lines in a `.txt`) under front matter or a tag line.

Whether the file was a card list was asked twice: of the file as written, to decide whether
to take off the notes' own parts, and of the text with them off, to pick the reader. Front
matter hid the tabs from the first question, so every notes rule ran over the cards, and
then the second read them as a card list: two `printf` cards' `%%` were taken as one
Obsidian comment, and the cards between them with it ("nothing imported")."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.takeoff import take_off
from tests.ecosystem.test_import_notes import answer_of, front, run_import

PRINTF_CARDS = (
    "---\ntags: [c]\n---\n"
    "How does printf print a literal percent sign?\t"
    'Write two of them in the format: printf("100%%") prints 100%.\n'
    "What does printf return?\t"
    "The number of characters it wrote, or a negative value on an error.\n"
    "How do you print a share like 50% with printf?\t"
    'Double the sign after the number: printf("%d%%", share) prints 50%.\n'
)


def test_a_card_list_under_front_matter_keeps_its_cards_as_written(tmp_path: Path) -> None:
    notes = tmp_path / "printf.txt"
    notes.write_text(PRINTF_CARDS, encoding="utf-8")
    content = tmp_path / "c"
    result = run_import(str(notes), "--into", str(content))
    assert result.exit_code == 0, result.output
    assert "3 questions seen, 3 cards written" in result.output
    assert "comments" not in result.output
    (percent,) = content.rglob("*literal-percent-sign.md")
    assert answer_of(percent) == 'Write two of them in the format: printf("100%%") prints 100%.'
    assert front(percent)["tags"] == ["c"]
    again = run_import(str(notes), "--into", str(content))
    assert "0 cards written, 3 unchanged" in again.output, again.output


def test_the_card_list_is_decided_once_on_the_text_its_reader_reads() -> None:
    """A tag line and a comment on lines of no card are the list's frame, taken off; the
    cards' `%%` stay; notes with tab-indented lines stay notes."""
    cards = "What is dropout?\tIt zeroes units at random.\nWhat is ^2?\tIt squares: x ^2\n"
    framed = "#ml #interview\n%% from my deck %%\n" + cards
    off = take_off(framed, ".txt")
    assert off.anki
    assert off.tag_lines.tags == ("ml", "interview") and off.comments.lines == (2,)
    assert off.text == "\n\n" + cards  # the block id look-alike `^2` kept
    assert not take_off(PRINTF_CARDS, ".md").anki  # a card list is a .txt's, .tsv's, .csv's
    notes = "# Loss\n\n## What is a hinge loss?\n\n\tIt is max(0, 1 - margin).\n"
    assert not take_off(notes, ".txt").anki
    assert take_off("What is X?\tIt is Y.\n", ".txt").anki
