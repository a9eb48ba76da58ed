"""Note shapes the forty-sixth round reads or refuses (import46): Quizlet's exports with
other separators (` - `, a blank line between rows, Comma in a `.txt`), an older Anki
export of one note with a glued `;`, and the notes people keep in Notion, Bear, Apple
Notes, Mochi, Obsidian Spaced Repetition and spreadsheets. Each test pins the cards made
(title, answer, tags, line) and the report's place for every question not used."""

from __future__ import annotations

from pathlib import Path

from tests.ecosystem.test_import_kept_shapes_45 import _import


def _read(tmp_path: Path, text: str, name: str) -> tuple[dict[str, dict[str, object]], str]:
    """`text` imported from `name`: the cards as `_import` gives them, the report on one line."""
    tmp_path.mkdir(exist_ok=True)
    cards, report = _import(tmp_path, text, name)
    return cards, " ".join(report.split())


DASH_ROWS = """\
precision - of the predicted positives, the share that is right
recall - of the real positives, the share that is found
F1 score - the harmonic mean of precision and recall
"""


def test_quizlet_dash_rows_are_a_card_each(tmp_path: Path) -> None:
    """` - ` between term and definition, New line between rows: it was Markdown with no
    question ("no questions found"); now a card a row, each at its line."""
    cards, report = _read(tmp_path, DASH_ROWS, "quizlet.txt")
    assert cards == {
        "precision": {
            "answer": "of the predicted positives, the share that is right",
            "tags": [],
            "line": 1,
        },
        "recall": {
            "answer": "of the real positives, the share that is found",
            "tags": [],
            "line": 2,
        },
        "F1 score": {
            "answer": "the harmonic mean of precision and recall",
            "tags": [],
            "line": 3,
        },
    }
    assert (
        "quizlet.txt:1: note: Quizlet: 3 rows, ' - ' between term and definition and a new"
        " line between rows (Quizlet's export with those separators), read as a card a row"
        in report
    )


BLANK_LINE_ROWS = """\
bagging\tmodels fit on bootstrap samples,
their votes averaged

boosting\tmodels fit in sequence, each on the errors before it

stacking\ta second model learns
how to weigh the first models' outputs
"""


def test_quizlet_rows_parted_by_blank_lines_keep_their_definitions_lines(
    tmp_path: Path,
) -> None:
    """Tab between term and definition, a blank line between rows: a definition over two
    lines made its second line a note of one field, skipped; now it is the card's answer."""
    cards, report = _read(tmp_path, BLANK_LINE_ROWS, "blank.txt")
    assert cards == {
        "bagging": {
            "answer": "models fit on bootstrap samples,\ntheir votes averaged",
            "tags": [],
            "line": 1,
        },
        "boosting": {
            "answer": "models fit in sequence, each on the errors before it",
            "tags": [],
            "line": 4,
        },
        "stacking": {
            "answer": "a second model learns\nhow to weigh the first models' outputs",
            "tags": [],
            "line": 6,
        },
    }
    assert "blank.txt:1: note: Quizlet: 3 rows, a tab between term and definition and a" in report
    assert "a blank line between rows" in report
    assert "skipped" not in report


def test_quizlet_dash_rows_with_blank_lines_between_them(tmp_path: Path) -> None:
    text = "dropout - zeroes units at random\n\nweight decay - shrinks the weights\ntoward zero\n"
    cards, report = _read(tmp_path, text, "dash.txt")
    assert cards == {
        "dropout": {"answer": "zeroes units at random", "tags": [], "line": 1},
        "weight decay": {"answer": "shrinks the weights\ntoward zero", "tags": [], "line": 3},
    }
    assert "dash.txt:1: note: Quizlet: 2 rows, ' - ' between" in report


def test_quizlet_comma_and_new_line_in_a_txt_is_a_card_list(tmp_path: Path) -> None:
    """Comma between term and definition, New line between rows, saved as `.txt`: it was
    no card list (a `.txt` list has tabs). Quizlet writes `term,definition` with no blank,
    so the definition's own commas stay in it."""
    text = (
        "epoch,one pass over the training set, every example once\nbatch,the examples of one step\n"
    )
    cards, report = _read(tmp_path, text, "comma.txt")
    assert cards == {
        "epoch": {
            "answer": "one pass over the training set, every example once",
            "tags": [],
            "line": 1,
        },
        "batch": {"answer": "the examples of one step", "tags": [], "line": 2},
    }
    assert "comma.txt:1: note: Quizlet: 2 rows, a comma between term and definition" in report


def test_markdown_notes_that_look_close_stay_markdown(tmp_path: Path) -> None:
    """The same dash rows in a `.md` file are Markdown (no question in them, as before; the
    report says to save them as `.txt`);
    a `.txt` of headings whose answers hold ` - ` is Markdown too; prose lines with a
    comma and a blank after it are no comma list."""
    cards, report = _read(tmp_path / "md", DASH_ROWS, "notes.md")
    assert cards == {}
    assert "note: Quizlet" not in report
    assert (
        "notes.md: no questions found: expected headings like" in report
        and "; its lines are 3 rows with ' - ' between term and definition (Quizlet's export),"
        " read as Markdown in this file: save it as a .txt file and import that to read a"
        " card a row"
        in report
    )

    text = (
        "## What is dropout?\nIt zeroes units at random - about half of them.\n\n"
        "## What is bagging?\nTraining models on bootstrap samples - then a vote.\n"
    )
    cards, report = _read(tmp_path / "txt", text, "notes.txt")
    assert {title: card["line"] for title, card in cards.items()} == {
        "What is dropout?": 1,
        "What is bagging?": 4,
    }
    assert "Quizlet" not in report

    prose = "Overfitting, in short, is memorising the noise.\nUnderfitting, by contrast, misses the signal.\n"
    cards, report = _read(tmp_path / "prose", prose, "prose.txt")
    assert cards == {}
    assert "Quizlet" not in report and "prose.txt: no questions found" in report


def test_one_quizlet_row_is_no_list(tmp_path: Path) -> None:
    """One ` - ` line is a line of notes: too little to tell a list by."""
    cards, report = _read(tmp_path, "dropout - zeroes units at random during training\n", "one.txt")
    assert cards == {}
    assert "Quizlet" not in report


def test_a_headerless_anki_note_with_a_glued_semicolon_is_one_note(tmp_path: Path) -> None:
    """`Q<TAB>A;B<TAB>C`, Anki's export before 2.1.55 of one note of three fields: it read as
    two Quizlet rows ("What is ReLU?" and a card "cheap"). It is one note; its third field
    is named as the tags it may be."""
    cards, report = _read(tmp_path, "What is ReLU?\tmax(0,x);cheap\tml\n", "anki.txt")
    assert cards == {"What is ReLU?": {"answer": "max(0,x);cheap", "tags": [], "line": 1}}
    assert "Quizlet" not in report
    assert "anki.txt:1: note: 'What is ReLU?': its third field ('ml') is not read" in report


def test_quizlet_semicolon_rows_ending_in_a_semicolon_stay_rows(tmp_path: Path) -> None:
    """The rows Quizlet writes with Semicolon end with one: still a card a row."""
    cards, _ = _read(tmp_path, "relu\tmax(0,x);cheap\tfast to compute;", "rows.txt")
    assert cards == {
        "relu": {"answer": "max(0,x)", "tags": [], "line": 1},
        "cheap": {"answer": "fast to compute", "tags": [], "line": 1},
    }


NOTION = """\
# Regularisation

<aside>
💡 Why does weight decay help?

It shrinks the weights toward zero, which limits how much the model can memorise.
</aside>

<details>
<summary>What does dropout do?</summary>

It zeroes a random subset of units at each training step. At test time every unit is kept.

</details>

<details>
<summary>What is early stopping?</summary>
</details>
"""


def test_notion_toggles_and_callouts_are_cards(tmp_path: Path) -> None:
    """Notion's Markdown export writes a toggle as `<details>` and a callout as `<aside>`
    with its icon: each asks its question; a toggle left empty is named at its line."""
    cards, report = _read(tmp_path, NOTION, "Regularisation.md")
    assert cards == {
        "Why does weight decay help?": {
            "answer": "It shrinks the weights toward zero, which limits how much the model can"
            " memorise.",
            "tags": [],
            "line": 3,
        },
        "What does dropout do?": {
            "answer": "It zeroes a random subset of units at each training step. At test time"
            " every unit is kept.",
            "tags": [],
            "line": 10,
        },
    }
    assert (
        "Regularisation.md:17: skipped 'What is early stopping?': no answer under the"
        " question" in report
    )


def test_bear_notes_tags_under_the_title_are_every_cards(tmp_path: Path) -> None:
    """Bear writes its tags on a line of their own (`#ml/optim`): they are the cards'."""
    text = (
        "# Optimisers\n#ml/optim #interview\n\n## What does Adam keep per weight?\n"
        "A running mean of the gradient and a running mean of its square, both corrected"
        " for bias.\n\n## Why warm up the learning rate?\n"
        "Early updates are noisy, so small steps at first keep the moments from blowing up.\n"
    )
    cards, report = _read(tmp_path, text, "Optimisers.md")
    assert cards == {
        "What does Adam keep per weight?": {
            "answer": "A running mean of the gradient and a running mean of its square, both"
            " corrected for bias.",
            "tags": ["ml", "ml-optim", "interview"],
            "line": 4,
        },
        "Why warm up the learning rate?": {
            "answer": "Early updates are noisy, so small steps at first keep the moments from"
            " blowing up.",
            "tags": ["ml", "ml-optim", "interview"],
            "line": 7,
        },
    }
    assert "Optimisers.md:2: note: tags: line 2 holds only Obsidian tags" in report


def test_apple_notes_plain_text_is_refused_with_its_lines_named(tmp_path: Path) -> None:
    """An Apple Notes text export marks no question (a title, then plain paragraphs): it
    is refused, its lines named, never read as questions it does not mark; the refusal
    names the paragraphs that open on a question line and the mark to add (it named none)."""
    text = (
        "Optimisers\n\nWhat does Adam keep per weight?\nA running mean of the gradient and of"
        " its square.\n\nWhy warm up the learning rate?\nEarly updates are noisy.\n"
    )
    cards, report = _read(tmp_path, text, "Optimisers.txt")
    assert cards == {}
    assert "Optimisers.txt:1: skipped 'Optimisers': text (lines 1-7) at the top" in report
    assert (
        "Optimisers.txt: no questions found: expected headings like" in report
        and "; 2 paragraphs open with a question line over their answer (line 3 'What does"
        " Adam keep per weight?', line 6 'Why warm up the learning rate?'), which plain text"
        " does not mark as questions: make each question a heading ('## What is X?') or a"
        " 'Q:' line, its answer under it, and import it again"
        in report
    )
    assert "Quizlet" not in report


def test_notes_with_no_question_paragraph_get_no_such_hint(tmp_path: Path) -> None:
    """Prose with no paragraph opening on a question line is told only what is expected."""
    text = "Optimisers\n\nAdam keeps two running means.\nWarm-up keeps early steps small.\n"
    _, report = _read(tmp_path, text, "prose.txt")
    assert "prose.txt: no questions found" in report
    assert "paragraphs open with a question line" not in report


def test_mochi_cards_parted_by_a_rule_are_cards(tmp_path: Path) -> None:
    """Mochi writes a card's front, a `---` line, then its back."""
    text = (
        "What is a learning rate?\n---\nThe step size of each gradient update. Too large"
        " diverges and too small crawls.\n\nWhat is momentum?\n---\nA running average of past"
        " gradients that smooths each update step.\n"
    )
    cards, report = _read(tmp_path, text, "mochi.md")
    assert cards == {
        "What is a learning rate?": {
            "answer": "The step size of each gradient update. Too large diverges and too small"
            " crawls.",
            "tags": [],
            "line": 1,
        },
        "What is momentum?": {
            "answer": "A running average of past gradients that smooths each update step.",
            "tags": [],
            "line": 5,
        },
    }
    assert "skipped" not in report


SPACED_REPETITION = """\
#flashcards/ml

What is bagging::Training models on bootstrap samples and averaging their votes.
Boosting:::Fitting models in sequence, each on the errors of the ones before.

What does batch norm do?
?
It normalises each feature over the batch, then scales and shifts it.

What is the bias-variance trade-off?
??
A simpler model has more bias and less variance; a richer one the other way round.

What is a GAN?
?
"""


def test_spaced_repetition_separators_are_cards(tmp_path: Path) -> None:
    """Obsidian Spaced Repetition's `::`, `:::` (reversed), `?` and `??` (multi-line,
    reversed) cards: a card each, asked from the front; a `?` with no answer is named."""
    cards, report = _read(tmp_path, SPACED_REPETITION, "sr.md")
    tags = ["flashcards", "ml"]  # the deck tag `#flashcards/ml`: the marker and its deck
    assert cards == {
        "What is bagging": {
            "answer": "Training models on bootstrap samples and averaging their votes.",
            "tags": tags,
            "line": 3,
        },
        "Boosting": {
            "answer": "Fitting models in sequence, each on the errors of the ones before.",
            "tags": tags,
            "line": 4,
        },
        "What does batch norm do?": {
            "answer": "It normalises each feature over the batch, then scales and shifts it.",
            "tags": tags,
            "line": 6,
        },
        "What is the bias-variance trade-off?": {
            "answer": "A simpler model has more bias and less variance; a richer one the other"
            " way round.",
            "tags": tags,
            "line": 10,
        },
    }
    assert "the reversed ones (':::' or '??', lines 4, 10) are asked from the front only" in report
    assert "sr.md:14: skipped 'What is a GAN?': no answer under the question" in report


def test_a_csv_with_quoted_multiline_fields_keeps_each_cards_line(tmp_path: Path) -> None:
    """A spreadsheet's CSV: a header row, answers over two lines in quotes, a Tags column;
    each card at its row's first line, and a row with no answer named at its line."""
    text = (
        "Front,Back,Tags\n"
        '"What is dropout?","It zeroes units at random.\nIt is off at test time.",ml\n'
        '"What is bagging?","Training models on bootstrap samples\nand averaging their'
        ' votes.","ml ensembles"\n'
        '"What is an epoch?",,ml\n'
    )
    cards, report = _read(tmp_path, text, "cards.csv")
    assert cards == {
        "What is dropout?": {
            "answer": "It zeroes units at random.\nIt is off at test time.",
            "tags": ["ml"],
            "line": 2,
        },
        "What is bagging?": {
            "answer": "Training models on bootstrap samples\nand averaging their votes.",
            "tags": ["ml", "ensembles"],
            "line": 4,
        },
    }
    assert "cards.csv:1: skipped 'Front, Back, Tags': a row naming the columns" in report
    assert (
        "cards.csv:6: skipped 'What is an epoch?': a note whose second field is empty: no"
        " answer" in report
    )


def test_quizlet_rows_saved_with_a_byte_order_mark_and_crlf(tmp_path: Path) -> None:
    """Windows' Notepad saves the pasted export with a byte-order mark and CRLF: the first
    term is 'precision', not a mark and 'precision'; a quote in a definition is its text."""
    text = '\ufeffprecision - of the predicted positives\r\nrecall - of the real "positives"\r\n'
    cards, _ = _read(tmp_path, text, "bom.txt")
    assert cards == {
        "precision": {"answer": "of the predicted positives", "tags": [], "line": 1},
        "recall": {"answer": 'of the real "positives"', "tags": [], "line": 2},
    }


def test_a_quizlet_row_with_no_definition_is_named_at_its_line(tmp_path: Path) -> None:
    """A term not yet defined (`stacking -`, its blank cut by the editor): the list is still
    read, and that row is named at its line with why it gives no card."""
    text = (
        "dropout - zeroes units at random\nbagging - models on bootstrap samples\n"
        "stacking -\nboosting - models in sequence\n"
    )
    cards, report = _read(tmp_path, text, "gaps.txt")
    assert {title: card["line"] for title, card in cards.items()} == {
        "dropout": 1,
        "bagging": 2,
        "boosting": 4,
    }
    assert "gaps.txt:1: note: Quizlet: 4 rows, ' - ' between term and definition" in report
    assert "gaps.txt:3: skipped 'stacking': a note whose second field is empty: no answer" in report


def test_a_tab_list_in_quotes_over_lines_is_read_as_before(tmp_path: Path) -> None:
    """Fields in quotes holding a line break (Anki's, a spreadsheet's) with blank lines
    between notes are the card list reader's: no Quizlet rows, nothing quoted twice."""
    text = (
        '"What is dropout?"\t"It zeroes units at random.\nIt is off at test time."\n\n'
        '"What is bagging?"\t"Bootstrap samples\nand a vote."\n'
    )
    cards, report = _read(tmp_path, text, "anki.txt")
    assert cards == {
        "What is dropout?": {
            "answer": "It zeroes units at random.\nIt is off at test time.",
            "tags": [],
            "line": 1,
        },
        "What is bagging?": {"answer": "Bootstrap samples\nand a vote.", "tags": [], "line": 4},
    }
    assert "Quizlet" not in report
