"""Obsidian comments between the cards of a card list, and inside a card's answer, are taken
off; the cards stay a card list (tests/data/notes/commented-cards.txt).

A card's own `%%` is its text (`printf("100%%")`), so a comment on a card's line made every
comment text: the `%%` lines between the cards then outnumbered the cards' lines, the file
no longer read as tab-separated, and all of it was "no questions found". Each comment is
now judged alone: one on lines of no card is taken off, one inside a card's field whose
marks stand apart from the words around them (`costly. %%check ESL 9.2%%`) too, and a `%%`
glued to a word or a quote, or pairing with another card's, stays the card's text."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.obsidiancomments import take_comments
from tests.conftest import DATA
from tests.ecosystem.test_import_notes import answer_of, front, run_import

NOTES = DATA / "notes" / "commented-cards.txt"


def test_comments_between_and_inside_cards_are_left_out(tmp_path: Path) -> None:
    content = tmp_path / "c"
    result = run_import(str(NOTES), "--pack", "metrics", "--into", str(content))
    assert result.exit_code == 0, result.output
    cards = {path.stem: path for path in content.rglob("*.md")}
    assert sorted(cards) == ["printf-d-print", "what-is-precision", "what-is-recall"]
    assert answer_of(cards["what-is-recall"]) == (
        "The share of actual positives the model finds. It ignores false alarms. It matters "
        "when misses are costly."
    )
    assert front(cards["what-is-recall"])["key_points"] == [
        "The share of actual positives the model finds.",
        "It ignores false alarms.",
        "It matters when misses are costly.",
    ]
    assert front(cards["printf-d-print"])["title"] == 'What does printf("%%d%%") print?'
    assert "F1 score" not in "".join(path.read_text() for path in cards.values())
    assert (
        f"{NOTES}:1: note: comments: lines 1, 3-9 hold Obsidian comments (%% ... %%), which "
        "Obsidian does not show: left out"
    ) in result.output


def test_a_list_that_reads_as_cards_as_written_loses_its_comment_lines(tmp_path: Path) -> None:
    """Three cards and one comment line read as a card list before: the comment was a
    one-field note, "skipped"."""
    notes = tmp_path / "c.txt"
    notes.write_text(
        "What is a logit?\tThe input of the softmax. It is unbounded. It is a log-odds.\n"
        "%% softmax cards below %%\n"
        "What does softmax return?\tA probability vector. Its entries are positive. They "
        "sum to one.\n"
        "What is 100%% in printf?\tA literal percent sign after 100. The doubled sign "
        "escapes it. Only one sign prints.\n",
        encoding="utf-8",
    )
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    assert "3 questions seen, 3 cards written" in result.output
    assert "skipped" not in result.output
    assert f"{notes}:2: note: comments: line 2 holds" in result.output


def test_a_card_list_comment_is_judged_by_where_its_marks_are() -> None:
    rows = [
        "A?\tOne. %%to do%%",  # in a field, apart from words: a comment
        'B?\tprintf("%%d %%s")',  # glued to a quote and a letter: text
        "C?\t100%% and %% more",  # glued to a digit: text
        "D?\tx %%\tthen%% y",  # across the fields: text
        "E?\t50%%",  # one mark, then the next card's: each card's own
        "F?\t%%d means an int",
        "%%",
        "a block between cards",
        "%%",
        "%% around",
        "G?\ta card",
        "a card %%",  # around a card: text
    ]
    taken = take_comments("\n".join(rows), "\t")
    assert taken.text.split("\n") == [
        "A?\tOne. ",
        *rows[1:6],
        "",
        "",
        "",
        *rows[9:],
    ]
    assert taken.lines == (1, 7, 8, 9)
