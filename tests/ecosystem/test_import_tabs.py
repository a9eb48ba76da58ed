"""An answer pasted with a tab before its lines: prose to its writer, code to Markdown.

Import read a tab-indented answer under its question as a code block: no sentence in it,
and the question was skipped as "too short for 3 key points". Prose so pasted is read as
prose (and the report says so); a block that looks like code stays code."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.ecosystem.importplan import Notice
from quiz.ecosystem.importreport import notice_lines
from quiz.ecosystem.notes.tabs import looks_like_code, untab_prose
from tests.ecosystem.test_import_notes import answer_of, front, run_import

PROSE = (
    "# Regularization\n"
    "\n"
    "## What is weight decay?\n"
    "\n"
    "\tWeight decay adds a penalty on the size of the weights to the loss.\n"
    "\tIt shrinks every weight toward zero at each step.\n"
    "\n"
    "\tThis acts as a regularizer and reduces overfitting.\n"
)
CODE = (
    "## How do you compute a softmax stably?\n"
    "\n"
    "\tdef softmax(x):\n"
    "\t    z = x - x.max()\n"
    "\t    return np.exp(z) / np.exp(z).sum()\n"
    "\n"
    "Subtracting the maximum keeps every exponent at most zero. The result is unchanged.\n"
    "Large scores then never overflow to infinity.\n"
)


def _import(tmp_path: Path, text: str) -> tuple[str, Path]:
    notes = tmp_path / "vault.md"
    notes.write_text(text, encoding="utf-8")
    content = tmp_path / "c"
    result = run_import(str(notes), "--into", str(content))
    assert result.exit_code == 0, result.output
    return result.output, content


def test_a_tab_indented_answer_under_its_question_is_prose_and_said(tmp_path: Path) -> None:
    output, content = _import(tmp_path, PROSE)
    (card,) = content.rglob("weight-decay.md")
    assert answer_of(card) == (
        "Weight decay adds a penalty on the size of the weights to the loss.\n"
        "It shrinks every weight toward zero at each step.\n"
        "\n"
        "This acts as a regularizer and reduces overfitting."
    )
    assert sorted(front(card)["key_points"]) == [  # type: ignore[call-overload]
        "It shrinks every weight toward zero at each step.",
        "This acts as a regularizer and reduces overfitting.",
        "Weight decay adds a penalty on the size of the weights to the loss.",
    ]
    notes = tmp_path / "vault.md"
    assert (
        f"{notes}:5: note: indented by a tab: lines 5-6 are indented by a tab, which Markdown"
        " reads as code, but read as prose: taken without the tab as the answer to the"
        " question at line 3"
    ) in output
    assert f"{notes}:8: note: indented by a tab: line 8 is indented" in output
    assert f"← {notes}:3 What is weight decay?" in output


def test_tab_indented_code_under_a_question_stays_code(tmp_path: Path) -> None:
    output, content = _import(tmp_path, CODE)
    (card,) = content.rglob("*softmax*.md")
    assert "\n\tdef softmax(x):\n\t    z = x - x.max()\n" in card.read_text(encoding="utf-8")
    assert "indented by a tab" not in output


def test_tab_indented_lines_in_a_fence_or_under_other_text_are_left_alone() -> None:
    fenced = "## What does this print?\n\n```\n\tSome words here.\n```\n"
    assert untab_prose(fenced).text == fenced
    under_text = "## What is X?\n\nX is a thing.\n\n\tIndented quote of a thing.\n"
    assert untab_prose(under_text).text == under_text
    # a paragraph line right after the block would join it, a question with it
    joined = "## What is X?\n\n\tX is a thing.\nQ: What is Y?\nY is another.\n"
    assert untab_prose(joined).text == joined


def test_line_count_and_crlf_are_kept() -> None:
    text = "## What is X?\r\n\r\n\tX is a thing we use.\r\n"
    untabbed = untab_prose(text)
    assert untabbed.text == "## What is X?\r\n\r\nX is a thing we use.\r\n"
    assert [(b.first, b.last, b.under) for b in untabbed.blocks] == [(3, 3, 1)]


@pytest.mark.parametrize(
    ("bodies", "code"),
    [
        (["Weight decay shrinks the weights."], False),
        (["It helps (a lot) in practice, as (Loshchilov 2019) shows."], False),
        (["- Adam keeps two moments.", "\t- Both are bias-corrected."], False),
        (["- Adam keeps two moments.", "    - Both are bias-corrected."], False),
        (["def f(x):"], True),
        (["z = x - x.max()."], True),
        (["np.exp(z) overflows."], True),
        (["w[0] is the bias."], True),
        (["print"], True),
        (["The loss goes down", "    fast"], True),
        (["A line that ends no sentence"], True),
        # math notation in a sentence is prose: `O(n` and `y = ...` read as code before
        (["Self-attention is O(n^2 d) in time for n tokens."], False),
        (["The block outputs y = x + F(x), its input added back."], False),
        (["- The cost of a sort is O(n log n) in the worst case."], False),
        (["Batch norm normalizes f(x) over the", "batch and then rescales it."], False),
        (["X = np.linalg.solve(A, b)", "This solves the linear system."], True),
        (["np.exp(z) overflows for large scores."], True),
    ],
)
def test_looks_like_code(bodies: list[str], code: bool) -> None:
    assert looks_like_code(bodies) is code


def test_pathological_tab_lines_end() -> None:
    """Long runs the code patterns could retry at each position: linear, so they end."""
    for run in ("a" * 400_000, "a(" * 200_000, " " * 400_000, "a =" * 100_000):
        text = f"## What is X?\n\n\t{run}\n"
        assert untab_prose(text).text == text or untab_prose(text).blocks


SPACED = (
    "# Regularization\n"
    "\n"
    "**What is weight decay?**\n"
    "\n"
    "    Weight decay adds a penalty on the size of the weights to the loss.\n"
    "    It shrinks every weight toward zero at each step.\n"
    "    This acts as a regularizer and reduces overfitting.\n"
    "\n"
    "## What is early stopping?\n"
    "\n"
    "\tEarly stopping ends training when the validation loss stops improving.\n"
    "    It keeps the weights of the best epoch seen so far.\n"
    "\tIt needs a held-out set that training never sees.\n"
)


def test_an_answer_indented_by_four_spaces_is_prose_as_a_tabbed_one(tmp_path: Path) -> None:
    """Four spaces before an answer are as common as a tab: the same rule reads both."""
    output, content = _import(tmp_path, SPACED)
    (decay,) = content.rglob("weight-decay.md")
    assert answer_of(decay) == (
        "Weight decay adds a penalty on the size of the weights to the loss.\n"
        "It shrinks every weight toward zero at each step.\n"
        "This acts as a regularizer and reduces overfitting."
    )
    assert len(front(decay)["key_points"]) == 3  # type: ignore[arg-type]
    (stopping,) = content.rglob("early-stopping*.md")
    assert answer_of(stopping).startswith("Early stopping ends training when")
    notes = tmp_path / "vault.md"
    assert (
        f"{notes}:5: note: indented by four spaces: lines 5-7 are indented by four spaces, "
        "which Markdown reads as code, but read as prose: taken without the indent as the "
        "answer to the question at line 3"
    ) in output
    assert f"{notes}:11: note: indented by tabs and four spaces: lines 11-13 are" in output
    assert "skipped" not in output


def test_four_space_code_and_the_lines_of_a_question_paragraph_stay_as_written() -> None:
    code = CODE.replace("\t", "    ")
    assert untab_prose(code).text == code
    # no blank line: Markdown reads them as the question paragraph's next lines, not code
    joined = "**What is X?**\n    X is a thing we use.\n"
    untabbed = untab_prose(joined)
    assert (untabbed.text, untabbed.blocks) == (joined, ())


@pytest.mark.parametrize("indent", ["\t", "    "])
def test_the_skip_advice_fits_code_and_prose(tmp_path: Path, indent: str) -> None:
    """Code kept as code is told to be fenced (without its indent it would be a paragraph
    of code); prose that stayed a code block is told to lose its indent."""
    notes = (
        "## How do you clip gradients?\n"
        "\n"
        f"{indent}torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)\n"
        "\n"
        "## What is a warmup?\n"
        "\n"
        "A schedule.\n"
        "\n"
        f"{indent}The learning rate rises from zero over the first steps.\n"
        "\n"
        "## What is label smoothing?\n"
        "\n"
        "It mixes the targets with a uniform one. It curbs overconfidence.\n"
    )
    output, _ = _import(tmp_path, notes)
    where = tmp_path / "vault.md"
    clip = next(line for line in output.splitlines() if line.startswith(f"{where}:1: skipped"))
    assert clip.endswith(
        "which Markdown reads as a code block, not prose ('torch.nn.utils.clip_grad_norm_(model.pa…' "
        "reads as code): to keep them code, fence them with ``` and write the answer in "
        "sentences beside them; if they are prose, remove the indent"
    )
    warmup = next(line for line in output.splitlines() if line.startswith(f"{where}:5: skipped"))
    assert warmup.endswith(
        "which Markdown reads as a code block, not prose: remove the indent to make them prose"
    )


def test_the_report_notes_come_in_line_order(tmp_path: Path) -> None:
    """The indented blocks' notes were made before the questions' and printed first: the
    note on line 11 came before the one on line 3."""
    output, _ = _import(tmp_path, SPACED)
    noted = [line for line in output.splitlines() if ": note: " in line]
    lines = [int(line.split(".md:", 1)[1].split(":", 1)[0]) for line in noted]
    assert lines == [3, 5, 9, 11]


def test_a_kind_summed_up_is_said_at_its_first_place_among_the_others() -> None:
    def notice(line: int, group: str) -> Notice:
        return Notice(line, f"Q{line}", f"said of {line}", group, f"n.md:{line}")

    notices = [notice(line, "indented answer") for line in (4, 20, 30)]
    notices += [notice(2, "other"), notice(25, "other")]
    assert notice_lines(notices) == [
        "n.md:2: note: Q2: said of 2",
        "note: 3 blocks of answers indented by a tab or four spaces, which Markdown reads "
        "as code, were read as prose without the indent (they look like no code) (n.md:4, "
        "n.md:20, n.md:30)",
        "n.md:25: note: Q25: said of 25",
    ]
