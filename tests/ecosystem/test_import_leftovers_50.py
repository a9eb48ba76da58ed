"""Shapes the fiftieth round reads (import50): a single comma row as Anki's Import File
reads it, beside a paragraph of notes with commas that stays text; nested tags kept as a
hierarchy a search by the parent finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.ecosystem.ankiheader import tab_separated
from quiz.ecosystem.commarows import is_comma_row, join_open_fields
from quiz.ecosystem.idwords import nested_tags
from tests.conftest import RunDrillbit
from tests.ecosystem.test_import_kept_shapes_45 import _import
from tests.ecosystem.test_import_notes import run_import


def _read(tmp_path: Path, text: str | bytes, name: str) -> tuple[dict[str, dict[str, object]], str]:
    """`text` imported from `name`: the cards by title, the report on one line."""
    cards, report = _import(tmp_path, text, name)
    return cards, " ".join(report.split())


@pytest.mark.parametrize("name", ["relu.csv", "relu.txt"])
@pytest.mark.parametrize("row", ["What is ReLU?,max(0, x)", "What is ReLU?, max(0, x)"])
def test_a_single_comma_row_is_a_card_its_formula_whole(
    tmp_path: Path, name: str, row: str
) -> None:
    """Anki's Import File takes a comma for the separator of such a line and makes a note
    of Front and Back. The `.csv` was a card answered `max(0` (skipped as too short), the
    `.txt` text at the top of the notes; both are the card, its answer whole."""
    cards, report = _read(tmp_path, row + "\n", name)
    assert list(cards) == ["What is ReLU?"]
    assert cards["What is ReLU?"]["answer"] == "max(0, x)"
    assert cards["What is ReLU?"]["line"] == 1
    assert "skipped" not in report


@pytest.mark.parametrize("name", ["notes.csv", "notes.txt"])
def test_a_paragraph_of_notes_with_commas_is_no_card(tmp_path: Path, name: str) -> None:
    """A line of prose holds commas with a blank after them: it stays text, named at its
    line, where the `.csv` made it a card "Regularisation notes"."""
    text = (
        "Regularisation notes, from the third lecture, which covered dropout, weight decay"
        " and early stopping in some detail.\n"
    )
    cards, report = _read(tmp_path, text, name)
    assert cards == {}
    assert f"{name}:1: skipped 'Regularisation notes, from the third lecture" in report
    assert "no questions found" in report


def test_a_term_row_and_a_prose_row_are_told_apart() -> None:
    """A question or a few words glued to the comma is a card row; prose is not."""
    assert is_comma_row("dropout,zeroes random units while training\n")
    assert is_comma_row('"What is X?","Y, and Z"\n')
    assert not is_comma_row("Dropout, in short, zeroes random units.\n")
    assert not is_comma_row("We saw it. Then,later the loss fell\n")
    assert not is_comma_row("a,b\nc,d\n")  # two rows: the card list reader's as before
    assert not is_comma_row("What is X?,\n")
    assert not is_comma_row("bagging,bootstrap samples;boosting,models in sequence;\n")
    assert is_comma_row("What is ReLU?,max(0, x); cheap to compute\n")


def test_fields_cut_inside_brackets_or_math_are_joined_and_others_are_not() -> None:
    """`max(0` and ` x)` are one field; a bracket never closed leaves the columns as cut."""
    assert join_open_fields(["ReLU", "max(0", " x)", "ml"], ",") == ["ReLU", "max(0, x)", "ml"]
    assert join_open_fields(["f", "$g(a", " b)$"], ",") == ["f", "$g(a, b)$"]
    assert join_open_fields(["a", "$x", " y$"], ",") == ["a", "$x, y$"]
    assert join_open_fields(["a", "b (c", "d"], ",") == ["a", "b (c", "d"]
    assert join_open_fields(["cost", "$5 a day", "$3 at night"], ",") == [
        "cost",
        "$5 a day",
        "$3 at night",
    ]
    assert join_open_fields(["a", "max(0", " x)"], "\t") == ["a", "max(0", " x)"]


NESTED = {
    "obsidian.md": "#flashcards/ml/dl\n\nWhat is dropout?::Zeroing random units during training.\n",
    "anki.txt": (
        "#separator:tab\n#html:true\n#tags column:3\n"
        "What is dropout?\tZeroing random units during training.\tML::DL exam\n"
    ),
    "logseq.md": "tags:: ml/dl, exam\n\n## What is dropout?\nZeroing random units during training.\n",
}


@pytest.mark.parametrize("name", list(NESTED))
def test_a_nested_tag_is_found_by_its_parent_and_by_itself(
    tmp_path: Path, name: str, drillbit: RunDrillbit
) -> None:
    """Obsidian's `#ml/dl`, Anki's `ML::DL` and Logseq's `ml/dl` were one tag, `ml-dl` (or
    `flashcards-ml-dl`), which `--tag ml` missed; a card tag holds no level, so the card
    gets each level's path, the parent first, and both searches find it, as Anki's
    `tag:ml` finds `ml::dl`. A word that only ends the path (`dl`) is no tag."""
    cards, report = _read(tmp_path, NESTED[name], name)
    tags = cards["What is dropout?"]["tags"]
    assert isinstance(tags, list)
    assert tags[tags.index("ml") :][:2] == ["ml", "ml-dl"]
    assert "dl" not in tags
    assert "flashcards-ml-dl" not in tags
    content = str(tmp_path / "c")
    for tag in ("ml", "ml-dl"):
        listed = drillbit("--content", content, "list", "--tag", tag)
        assert listed.returncode == 0, listed.stderr
        assert "What is dropout?" in listed.stdout, tag
    assert "What is dropout?" not in drillbit("--content", content, "list", "--tag", "dl").stdout


def test_nested_tags_give_every_level_once_and_a_flat_tag_itself() -> None:
    """The levels' paths, each once, the plugin's `flashcards` marker its own tag."""
    assert nested_tags("ml/dl/rnn") == ("ml", "ml-dl", "ml-dl-rnn")
    assert nested_tags("ML::Deep_Learning") == ("ml", "ml-deep-learning")
    assert nested_tags("flashcards/ml") == ("flashcards", "ml")
    assert nested_tags("flashcards") == ("flashcards",)
    assert nested_tags("deep-learning") == ("deep-learning",)
    assert nested_tags("ml//dl/") == ("ml", "ml-dl")
    assert nested_tags("日本") == ()


def test_markdown_with_windows_line_ends_and_emoji_imports_whole(tmp_path: Path) -> None:
    """A note saved on Windows (CRLF, UTF-8 with no byte-order mark) with emoji in its
    headings and answers: each question a card at its line, the emoji kept in the answer
    and no `\\r` left in any text."""
    text = (
        "# Optimisers 🚀\n\n## What does momentum do? 🏃\n\n"
        "It keeps a running average of past gradients, so steady steps grow 📈.\n"
        "It damps the zig-zag across a narrow valley.\n\n## Why clip gradients? ✂️\n\n"
        "One huge gradient can throw the weights far away 💥.\n"
        "Clipping the global norm caps the step and keeps its direction.\n"
    ).replace("\n", "\r\n")
    cards, report = _read(tmp_path, text.encode("utf-8"), "windows.md")
    assert {title: card["line"] for title, card in cards.items()} == {
        "What does momentum do?": 3,
        "Why clip gradients?": 8,
    }
    assert cards["Why clip gradients?"]["answer"] == (
        "One huge gradient can throw the weights far away 💥.\n"
        "Clipping the global norm caps the step and keeps its direction."
    )
    assert not any("\r" in str(card) for card in cards.values())
    assert "skipped" not in report


def test_a_tsv_whose_quoted_fields_hold_line_breaks_is_a_card_list(tmp_path: Path) -> None:
    """Anki quotes a field holding a line break, so three notes of two-line answers are
    six lines of which three hold a tab: under half, and the file was read as Markdown,
    "no questions found". Counted by rows, it is three cards, each at its row's line, a
    doubled quote read as one."""
    text = (
        'What is dropout?\t"Each unit is zeroed with probability p while training.\n'
        'At inference every unit is kept."\n'
        '"What does batch norm\nnormalise?"\t"Each feature over the mini-batch, then a learned'
        ' scale and shift.\nIt smooths the loss surface."\n'
        'What is weight decay?\t"A penalty on the squared weights, added to the loss.\n'
        'AdamW applies it ""decoupled"" from the gradient step."\n'
    )
    cards, report = _read(tmp_path, text, "anki.tsv")
    assert {title: card["line"] for title, card in cards.items()} == {
        "What is dropout?": 1,
        "What does batch norm normalise?": 3,
        "What is weight decay?": 6,
    }
    assert cards["What is weight decay?"]["answer"] == (
        "A penalty on the squared weights, added to the loss.\n"
        'AdamW applies it "decoupled" from the gradient step.'
    )
    assert "no questions found" not in report


def test_a_tsv_of_prose_with_a_stray_quote_stays_notes() -> None:
    """Counting rows reads quotes as fields: prose whose first line holds a tab and whose
    rows hold none stays no card list."""
    assert tab_separated('a\tb "c\nd\ne\nf\n"g h\ni\n') is False
    assert tab_separated('q\t"a\nb"\nr\t"c\nd"\ns\t"e\nf"\n') is True


def test_a_logseq_page_of_card_blocks_and_a_cloze_imports(tmp_path: Path) -> None:
    """`#card` blocks over their child blocks, one with Logseq's review properties, and a
    `{{cloze ...}}` card: three cards, the properties no answer text."""
    text = (
        "- Regularisation #card\n"
        "  - It limits how complex a model can get, so it fits noise less.\n"
        "  - Dropout and weight decay are two kinds.\n"
        "- The {{cloze softmax}} function turns logits into probabilities #card\n"
        "- Early stopping #card\n"
        "  card-last-interval:: 4\n"
        "  card-repeats:: 2\n"
        "  - Stop when the validation loss has not improved for a set number of epochs.\n"
        "  - Keep the weights of the best epoch.\n"
    )
    cards, report = _read(tmp_path, text, "logseq.md")
    assert {title: card["line"] for title, card in cards.items()} == {
        "Regularisation": 1,
        "The [...] function turns logits into probabilities": 4,
        "Early stopping": 5,
    }
    assert "**softmax**" in str(
        cards["The [...] function turns logits into probabilities"]["answer"]
    )
    assert "card-repeats" not in str(cards["Early stopping"]["answer"])
    assert "skipped" not in report


def test_a_csv_of_200000_rows_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    """200,000 real rows of a sheet (14.7 MiB) are over the 8 MiB limit: refused on one
    line with how to split them, and no card folder made. (200,000 shorter rows, 5.1 MB,
    import whole: their peak memory is in docs/importing.md, measured, not asserted here.)"""
    notes = tmp_path / "big.csv"
    with notes.open("w", encoding="utf-8") as out:
        out.write("Front,Back,Tags\n")
        for i in range(200_000):
            out.write(f"What is term {i}?,Term {i} is a short made-up statement for the test,ml\n")
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"))
    assert result.exit_code == 1
    assert str(result.exception) == (
        f"{notes}: 14.7 MiB, over the limit of 8 MiB: split its rows into files of at most"
        " 8 MiB, each under a copy of its header row, and import each with the same --pack"
    )
    assert not (tmp_path / "c").exists()
