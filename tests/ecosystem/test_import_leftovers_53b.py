"""What the first pass of import53 noticed and left: a footnote mark named as written, a
Logseq block reference after a question, and a property line with no value."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.footnotes import take_footnotes
from tests.ecosystem.test_import_notes import front, run_import


def _imported(tmp_path: Path, name: str, text: str) -> tuple[dict[str, Path], str]:
    """`text` imported from `name`: each card's file by its title, and what was said."""
    notes = tmp_path / name
    notes.write_text(text, "utf-8")
    into = tmp_path / "cards"
    result = run_import(str(notes), "--into", str(into))
    assert result.exit_code == 0, result.output
    cards = {str(front(p)["title"]): p for p in into.rglob("*.md")}
    return cards, " ".join(result.output.split())


def test_a_footnote_mark_is_named_as_the_file_wrote_it_with_its_place(tmp_path: Path) -> None:
    """The note said `1 footnote mark ([^1])` of a mark written `[^aug]`."""
    notes = tmp_path / "norm.md"
    _, said = _imported(
        tmp_path,
        "norm.md",
        "## What does batch norm do?\n\n"
        "It normalizes activations per batch.[^aug] The scale is learned afterwards.\n\n"
        "[^aug]: Ioffe and Szegedy 2015.\n",
    )

    assert (
        f"{notes}:5: note: footnotes: line 5 holds a footnote and 1 footnote mark "
        f"([^aug] at {notes}:3) in the text: left out"
    ) in said
    assert "[^1]" not in said


def test_many_footnote_marks_name_the_first_three_and_count_the_rest() -> None:
    taken = take_footnotes("a.[^x] b.[^y]\nc.[^1] `d[^no]` e.[^z] f.[^w]\n")

    assert taken.marks == 5
    assert taken.named == ((1, "[^x]"), (1, "[^y]"), (2, "[^1]"))
    said = taken.note()
    assert said is not None
    assert "5 footnote marks ([^x] at line 1, [^y] at line 1, [^1] at line 2 and 2 more)" in said


OUTLINE = """\
- What is dropout? #card
  collapsed::
\t- Dropout zeroes random units during training. It reduces co-adaptation.
- What is weight decay? #card
  id::
\t- Weight decay shrinks weights toward zero at each step. It acts as an L2 penalty.
- What is label smoothing? #card
\t- collapsed:: true
\t- Label smoothing mixes the one-hot target with a uniform one. It softens confidence.
- What is gradient noise? #card
  Status::
\t- Noise added to each gradient helps escape sharp minima. Use `std::normal_distribution`.
"""


def test_a_logseq_property_without_a_value_is_no_text_of_the_card(tmp_path: Path) -> None:
    """`collapsed::` or `id::` alone under a question was a word of the title ("What is
    dropout? collapsed") or a sentence of the answer, which then was "too short"."""
    cards, said = _imported(tmp_path, "outline.md", OUTLINE)

    assert sorted(cards) == [
        "What is dropout?",
        "What is gradient noise?",
        "What is label smoothing?",
        "What is weight decay?",
    ]
    for path in cards.values():
        text = path.read_text("utf-8")
        assert "collapsed" not in text and "id::" not in text and "Status" not in text
        points = front(path)["key_points"]
        assert isinstance(points, list) and len(points) == 1
    assert "std::normal_distribution" in cards["What is gradient noise?"].read_text("utf-8")
    assert "skipped" not in said and "4 cards written" in said
    assert "line 11 holds a property (Status::), metadata" in said  # the user's own: named


def test_a_markdown_answer_loses_a_bare_property_line(tmp_path: Path) -> None:
    cards, _ = _imported(
        tmp_path,
        "dropout.md",
        "## What is dropout?\n\ncollapsed::\n"
        "Dropout zeroes random units during training. It reduces co-adaptation.\n",
    )

    assert front(cards["What is dropout?"])["key_points"] == [
        "Dropout zeroes random units during training.",
        "It reduces co-adaptation.",
    ]


ADAM = "6571a2b4-1c2d-4e5f-8a9b-0c1d2e3f4a5b"
REFERRED = f"""\
- What is Adam? #card
  id:: {ADAM}
\t- An optimizer with per-parameter step sizes from running moments.
- Which activation is ReLU? (({ADAM})) #card
\t- The function max(0, x), applied elementwise to a layer's output.
- Which step does ((aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee)) take first? #card
\t- It takes the step of (({ADAM})) with the moments still at zero.
"""


def test_a_block_reference_after_a_question_adds_nothing_to_its_title(tmp_path: Path) -> None:
    """The reference was read as its block's text: the title "Which activation is ReLU?
    What is Adam?", the id `which-activation-relu-adam`."""
    notes = tmp_path / "refs.md"
    cards, said = _imported(tmp_path, "refs.md", REFERRED)

    relu = cards["Which activation is ReLU?"]
    assert relu.name == "which-activation-relu.md"
    assert "Adam" not in relu.read_text("utf-8") and "((" not in relu.read_text("utf-8")
    assert (
        f"{notes}:4: note: block reference: (({ADAM})) after the question names the block "
        "at line 1: left out of the question, which keeps its own words"
    ) in said
    # inside the question's sentence, or in an answer, a reference reads as Logseq shows it
    step = cards["Which step does (a block not in these notes) take first?"]
    assert "It takes the step of What is Adam? with the moments" in step.read_text("utf-8")
