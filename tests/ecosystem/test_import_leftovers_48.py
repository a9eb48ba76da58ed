"""Shapes the forty-eighth round reads or refuses (import48): Quizlet's Semicolon rows
with no `;` after the last, and files written by hand the importer had not met (a note
with CRLF and a byte-order mark, Logseq, Obsidian's Spaced Repetition plugin, RemNote's
`>>`, a Google Sheets CSV, a TSV with a trailing tab, a line of 1 MB)."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from tests.ecosystem.test_import_kept_shapes_45 import _import


def _read(tmp_path: Path, text: str | bytes, name: str) -> tuple[dict[str, dict[str, object]], str]:
    """`text` imported from `name`: the cards by title, the report on one line."""
    cards, report = _import(tmp_path, text, name)
    return cards, " ".join(report.split())


def test_two_quizlet_rows_with_no_final_semicolon_are_two_cards(tmp_path: Path) -> None:
    """Quizlet may end its Semicolon export with no `;`: two rows so were read as one Anki
    note of three fields, the second term glued to the first answer and its definition
    named as unread tags: the last card was lost."""
    text = (
        "precision\tshare of predicted positives that are real;"
        "recall\tshare of real positives that were found"
    )
    cards, report = _read(tmp_path, text, "quizlet.txt")
    assert cards == {
        "precision": {
            "answer": "share of predicted positives that are real",
            "tags": [],
            "line": 1,
        },
        "recall": {"answer": "share of real positives that were found", "tags": [], "line": 1},
    }
    assert "one line of 2 rows parted by ';'" in report
    assert "third field" not in report


def test_a_headerless_anki_note_with_one_tag_last_stays_one_note(tmp_path: Path) -> None:
    """The other reading of the same shape: a third field of one word is Anki's tags."""
    cards, report = _read(tmp_path, "What is ReLU?\tmax(0,x);cheap\tml\n", "anki.txt")
    assert cards == {"What is ReLU?": {"answer": "max(0,x);cheap", "tags": [], "line": 1}}
    assert "its third field ('ml') is not read" in report


def test_a_windows_note_with_a_byte_order_mark_reads_as_a_unix_one(tmp_path: Path) -> None:
    """Notepad's way: CRLF line ends and a UTF-8 byte-order mark before the first heading."""
    text = (
        "# Regularisation\r\n\r\n## What does weight decay add to the loss?\r\n\r\n"
        "The squared norm of the weights, scaled by a coefficient.\r\n\r\n"
        "## Why does dropout help?\r\n\r\nNo unit can rely on another being present.\r\n"
    )
    cards, report = _read(tmp_path, b"\xef\xbb\xbf" + text.encode(), "windows.md")
    assert cards == {
        "What does weight decay add to the loss?": {
            "answer": "The squared norm of the weights, scaled by a coefficient.",
            "tags": [],
            "line": 3,
        },
        "Why does dropout help?": {
            "answer": "No unit can rely on another being present.",
            "tags": [],
            "line": 7,
        },
    }
    assert "\r" not in report and "\ufeff" not in report


LOGSEQ = """\
- Optimisers #card
\t- What does momentum add to SGD? #card
\t\t- A moving average of past gradients, stepped along.
\t- Why does Adam correct its moments for bias? #card
\t\t- The moments start at zero, so early averages lean toward zero.
\t\t\t- Dividing by one minus beta to the t undoes that lean.
- A block that is no card
\t- a detail under it
"""


def test_a_logseq_page_of_nested_card_blocks(tmp_path: Path) -> None:
    """`#card` blocks nested under a `#card` parent: a card each, its children its answer
    (as a list, a grandchild kept under its item); the parent introduces them; a block with no tag
    is named at its lines, not imported."""
    cards, report = _read(tmp_path, LOGSEQ, "Optimisers.md")
    assert cards == {
        "What does momentum add to SGD?": {
            "answer": "- A moving average of past gradients, stepped along.",
            "tags": [],
            "line": 2,
        },
        "Why does Adam correct its moments for bias?": {
            "answer": "- The moments start at zero, so early averages lean toward zero.\n"
            "    - Dividing by one minus beta to the t undoes that lean.",
            "tags": [],
            "line": 4,
        },
    }
    assert "Optimisers.md:1: skipped 'Optimisers': no answer of its own" in report
    assert "Optimisers.md:7: skipped '- A block that is no card': text (lines 7-8)" in report


SR_NOTE = """\
#flashcards/ml

What does L2 regularisation penalise?::The sum of squared weights.

What does a ROC curve plot?
?
The true positive rate against the false positive rate,
one point per decision threshold.

Bias of an estimator
?
Its expected value minus the true value.
A biased estimator can still have lower error.

Precision:::The share of predicted positives that are real.
"""


def test_an_obsidian_spaced_repetition_note_of_every_separator(tmp_path: Path) -> None:
    """`::`, `:::`, and `?` cards over several lines: a card each, the deck tag every
    card's, a multi-line answer kept whole."""
    cards, report = _read(tmp_path, SR_NOTE, "sr.md")
    assert {title: card["line"] for title, card in cards.items()} == {
        "What does L2 regularisation penalise?": 3,
        "What does a ROC curve plot?": 5,
        "Bias of an estimator": 10,
        "Precision": 15,
    }
    assert cards["What does a ROC curve plot?"]["answer"] == (
        "The true positive rate against the false positive rate,\none point per decision threshold."
    )
    assert all(card["tags"] == ["flashcards", "ml"] for card in cards.values())
    assert "the reversed ones (':::' or '??', line 15) are asked from the front only" in report


def test_a_remnote_export_of_front_back_lines(tmp_path: Path) -> None:
    """`Front >> Back` items, one with a child line: the child stays under its answer."""
    text = (
        "- Machine learning\n"
        "    - Overfitting >> fitting noise in the training data so held-out error rises\n"
        "    - Learning rate >> the size of each step\n"
        "        - too large diverges, too small crawls\n"
    )
    cards, report = _read(tmp_path, text, "rem.md")
    assert cards == {
        "Overfitting": {
            "answer": "fitting noise in the training data so held-out error rises",
            "tags": [],
            "line": 2,
        },
        "Learning rate": {
            "answer": "the size of each step\n- too large diverges, too small crawls",
            "tags": [],
            "line": 3,
        },
    }
    assert "RemNote: 2 one-line cards" in report


def test_a_google_sheets_csv_with_a_header_and_quoted_line_breaks(tmp_path: Path) -> None:
    """Sheets writes a header row and puts a cell's line break inside its quotes: the card
    starts at its row's first line, the next card at its own (line 4, not 3)."""
    text = (
        "Front,Back,Tags\r\n"
        '"What is a confusion matrix?","A table of predicted against true classes.\n'
        'Each cell counts the examples.",ml\r\n'
        '"Why scale features?","Gradient descent converges faster\n'
        'when features share a range.","ml optim"\r\n'
    )
    cards, report = _read(tmp_path, text, "sheet.csv")
    assert cards == {
        "What is a confusion matrix?": {
            "answer": "A table of predicted against true classes.\nEach cell counts the examples.",
            "tags": ["ml"],
            "line": 2,
        },
        "Why scale features?": {
            "answer": "Gradient descent converges faster\nwhen features share a range.",
            "tags": ["ml", "optim"],
            "line": 4,
        },
    }
    assert "sheet.csv:1: skipped 'Front, Back, Tags': a row naming the columns" in report


def test_a_tsv_whose_rows_end_with_a_tab(tmp_path: Path) -> None:
    """A sheet saved as TSV with an empty last column: each row's trailing tab is an empty
    field, no text lost and no third field named."""
    text = (
        "What is entropy?\tThe expected surprise of a distribution.\t\n"
        "What is perplexity?\tTwo to the power of the entropy in bits.\t\n"
    )
    cards, report = _read(tmp_path, text, "trail.tsv")
    assert cards == {
        "What is entropy?": {
            "answer": "The expected surprise of a distribution.",
            "tags": [],
            "line": 1,
        },
        "What is perplexity?": {
            "answer": "Two to the power of the entropy in bits.",
            "tags": [],
            "line": 2,
        },
    }
    assert "field" not in report


def test_a_line_of_a_megabyte_is_named_and_the_next_question_read(tmp_path: Path) -> None:
    """A 1 MB answer line with no sentence a key point can hold: skipped at its line with
    why; the question after it still a card. Its memory is bounded by the file's size (a
    few dozen copies at the most), not by its square."""
    text = (
        "## What is a long line?\n\n"
        + "word " * 210_000
        + "\n\n## Is the next question read?\n\nYes, it is read after the long line.\n"
    )
    tracemalloc.start()
    try:
        cards, report = _read(tmp_path, text, "long.md")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert list(cards) == ["Is the next question read?"]
    assert (
        "long.md:1: skipped 'What is a long line?': the answer has no statement of at "
        "most 200 characters"
    ) in report
    assert peak < 64 * len(text), peak


def test_a_remark_after_a_spaced_repetition_card_is_no_part_of_it(tmp_path: Path) -> None:
    """The plugin ends a card at a blank line: a remark after a `::` card, or after a `?`
    card's answer, was read into that card's answer. It is named at its line now, and the
    card after it is still a card."""
    text = (
        "#flashcards\n\n"
        "What is bagging?::Training models on bootstrap samples and averaging them.\n\n"
        "A remark of mine that is not a card.\n\n"
        "What is the kernel trick?\n?\nComputing inner products in a feature space\n"
        "without building the features.\n\n"
        "Another remark, after the second card.\n\n"
        "What is boosting?::Fitting models in sequence, each on the errors of the last.\n"
    )
    cards, report = _read(tmp_path, text, "sr.md")
    assert {title: card["answer"] for title, card in cards.items()} == {
        "What is bagging?": "Training models on bootstrap samples and averaging them.",
        "What is the kernel trick?": (
            "Computing inner products in a feature space\nwithout building the features."
        ),
        "What is boosting?": "Fitting models in sequence, each on the errors of the last.",
    }
    assert (
        "sr.md:5: skipped 'A remark of mine that is not a card.': text after the Spaced "
        "Repetition question 'What is bagging?' (line 3), whose card ends at the blank line "
        "(line 4) as the plugin reads it, not imported"
    ) in report
    assert "sr.md:12: skipped 'Another remark, after the second card.'" in report


def test_a_logseq_block_tagged_card_by_its_tags_property_is_a_card(tmp_path: Path) -> None:
    """`tags:: card` under a block makes it a flashcard in Logseq, as `#card` does: it was
    text "not imported" (lines 1-3), its property left out. A `tags::` naming other pages
    only makes no card."""
    text = (
        "- Warmup schedule\n"
        "  tags:: [[card]], optimisation\n"
        "\t- The learning rate rises from near zero over the first steps.\n"
        "- Cosine decay #[[card]]\n"
        "\t- The rate falls along half a cosine to a floor.\n"
        "- Step decay\n"
        "  tags:: optimisation\n"
        "\t- The rate drops by a factor at fixed epochs.\n"
    )
    cards, report = _read(tmp_path, text, "Schedules.md")
    assert cards == {
        "Warmup schedule": {
            "answer": "- The learning rate rises from near zero over the first steps.",
            "tags": [],
            "line": 1,
        },
        "Cosine decay": {
            "answer": "- The rate falls along half a cosine to a floor.",
            "tags": [],
            "line": 4,
        },
    }
    assert "Schedules.md:6: skipped '- Step decay'" in report
