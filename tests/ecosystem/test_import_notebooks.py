"""Jupyter notebooks: their markdown cells read as the Markdown they hold, code cells as
fenced blocks in place, raw cells and outputs left out and counted, every place named as
`lecture.ipynb: cell N, line M`; a notebook import cannot read is refused, saying why.
Before, every notebook was refused ("save it as Markdown")."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from quiz.bank.lint import lint
from quiz.ecosystem.linenames import (
    line_numbers,
    line_said,
    lines_named_by,
    place_of,
    span_said,
    spans_said,
)
from quiz.ecosystem.notebook.cells import NotebookRefused, read_cells
from quiz.ecosystem.notebook.joined import join_cells
from quiz.ecosystem.notebook.places import CellPlaces
from quiz.errors import InputFileError
from tests.ecosystem.test_import_notes import front, run_import

MIB = 1024 * 1024


def md(text: str) -> dict[str, Any]:
    """A markdown cell as Jupyter saves it: its source a list of lines."""
    return {"cell_type": "markdown", "metadata": {}, "source": text.splitlines(keepends=True)}


def code(text: str, outputs: int = 0) -> dict[str, Any]:
    """A code cell with `outputs` printed outputs; its source one string (nbformat allows
    either)."""
    printed = {"output_type": "stream", "name": "stdout", "text": ["ok\n"]}
    return {
        "cell_type": "code",
        "metadata": {},
        "execution_count": 1,
        "outputs": [printed] * outputs,
        "source": text,
    }


def notebook(cells: list[dict[str, Any]], **top: Any) -> str:
    data = {
        "cells": cells,
        "metadata": {"kernelspec": {"language": "python", "name": "python3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
        **top,
    }
    return json.dumps(data, indent=1)


LECTURE = [
    md("# Lecture 4: training deep nets\n\nNotes from Tuesday's lecture."),
    md(
        "## Q1: What does momentum add to SGD?\n\nIt keeps a moving average of past gradients "
        "and steps along it. It damps oscillations across a ravine and speeds travel along "
        "its floor."
    ),
    code("v = beta * v + grad\nw = w - lr * v", outputs=1),
    md(
        "**Why does Adam correct its moments for bias?**\n\nThe moments start at zero, so "
        "early averages lean toward zero. Dividing by one minus beta to the power t undoes "
        "that lean."
    ),
    {"cell_type": "raw", "metadata": {}, "source": "\\newpage"},
    md(
        "Q: What does label smoothing do to the targets?\nA: It replaces the one-hot target "
        "with a mix of it and a uniform distribution. It keeps the model from growing "
        "overconfident."
    ),
    md(
        "> [!question] How does dropout act at test time?\n> Every unit is kept and no mask "
        "is drawn. Inverted dropout already scaled the kept units in training, so nothing "
        "changes."
    ),
    md(
        "### How does batch norm behave at inference?\n\nIt normalizes with running averages "
        "of the mean and variance gathered in training. The batch's own statistics are not "
        "used."
    ),
    code("model.eval()\nwith torch.no_grad():\n    out = model(x)", outputs=2),
]


def imported(tmp_path: Path, cells: list[dict[str, Any]], *args: str) -> tuple[str, Path]:
    """The notebook of `cells` imported as `lecture.ipynb` into pack p: what the command
    said, and the topic folder."""
    (tmp_path / "lecture.ipynb").write_text(notebook(cells), encoding="utf-8")
    result = run_import(
        str(tmp_path / "lecture.ipynb"), "--pack", "p", "--into", str(tmp_path / "c"), *args
    )
    assert result.exit_code == 0, result.output
    return result.output, tmp_path / "c" / "p" / "p"


def test_a_lecture_gives_a_card_per_question_with_its_code(tmp_path: Path) -> None:
    said, folder = imported(tmp_path, LECTURE)
    titles = {str(front(path)["title"]): path for path in folder.glob("*.md")}
    assert sorted(titles) == [
        "How does batch norm behave at inference?",
        "How does dropout act at test time?",
        "What does label smoothing do to the targets?",
        "What does momentum add to SGD?",
        "Why does Adam correct its moments for bias?",
    ]
    momentum = titles["What does momentum add to SGD?"].read_text(encoding="utf-8")
    assert "```python\nv = beta * v + grad\nw = w - lr * v\n```" in momentum
    assert "ok" not in momentum.split("## Answer")[1]  # the cell's output is no answer
    batch_norm = titles["How does batch norm behave at inference?"].read_text(encoding="utf-8")
    assert "```python\nmodel.eval()\nwith torch.no_grad():\n    out = model(x)\n```" in batch_norm
    adam = titles["Why does Adam correct its moments for bias?"].read_text(encoding="utf-8")
    assert "```" not in adam and "newpage" not in adam  # the raw cell is in no answer
    assert front(titles["What does momentum add to SGD?"])["source"] == "lecture.ipynb Q1"
    assert lint([tmp_path / "c" / "p"])[1] == []
    assert (
        "lecture.ipynb: note: Jupyter notebook: read its 6 markdown cells and 2 code cells "
        "(as fenced blocks); left out: 1 raw cell (cell 5), 3 code cell outputs"
    ) in said


def test_every_place_is_a_cell_and_its_line(tmp_path: Path) -> None:
    said, _ = imported(tmp_path, LECTURE, "--dry-run")
    notes = tmp_path / "lecture.ipynb"
    lines = said.splitlines()
    assert any(
        line.endswith(f"← {notes}: cell 8, line 1 How does batch norm behave at inference?")
        for line in lines
    ), said
    assert any(
        line.endswith(f"← {notes}: cell 2, line 1 Q1 What does momentum add to SGD?")
        for line in lines
    ), said
    assert (
        f"{notes}: cell 1, line 3: skipped 'Notes from Tuesday's lecture.': text under the "
        "title 'Lecture 4: training deep nets', in no question's answer, not imported"
    ) in lines
    # a repeated note's places, parted so that a place's own comma parts none
    assert (
        "note: 3 questions had no answer marker; the text under each was taken as its answer "
        f"({notes}: cell 2, line 1; {notes}: cell 4, line 1; {notes}: cell 8, line 1)"
    ) in lines
    assert f"{notes}:" not in said.replace(f"{notes}: ", "")  # no joined line is named


def test_lines_a_message_names_are_said_in_cells(tmp_path: Path) -> None:
    """A reason names other lines than its place's (the rule that ended an answer): those
    are the joined text's too, and were said as such."""
    cells = [
        md("## Q1: What is weight decay?"),
        md(
            "It adds the squared norm of the weights to the loss. Large weights then cost "
            "more than they help.\n\n---\n\nSee also the slides."
        ),
    ]
    said, _ = imported(tmp_path, cells, "--dry-run")
    notes = tmp_path / "lecture.ipynb"
    assert (
        f"{notes}: cell 2, line 5: skipped 'See also the slides.': text after the rule "
        "(cell 2, line 3) that ends the answer of 'What is weight decay?' (cell 1, line 1)"
    ) in said, said


def test_a_line_map_names_cells_as_jupyter_numbers_them() -> None:
    joined = join_cells(
        read_cells(
            notebook(
                [
                    md("# Title\n\nintro"),  # joined lines 1-3, then a blank line
                    {"cell_type": "raw", "metadata": {}, "source": "left out"},
                    code("a = 1\nb = 2"),  # joined 5: fence, 6-7, 8: fence, 9 blank
                    md(""),  # an empty cell: nothing joined, but it is cell 4
                    md("## Q?\nanswer"),  # joined 10-11
                ]
            )
        )
    )
    assert joined.text == "# Title\n\nintro\n\n```python\na = 1\nb = 2\n```\n\n## Q?\nanswer\n"
    at = joined.lines.at
    assert [at(line) for line in (1, 3, 4, 5, 6, 7, 8, 9, 10, 11)] == [
        (1, 1), (1, 3), (1, 3), (3, 1), (3, 1), (3, 2), (3, 2), (3, 2), (5, 1), (5, 2)
    ]  # fmt: skip
    places = CellPlaces(Path("lecture.ipynb"), joined.lines)
    with lines_named_by(places):
        assert spans_said([(1, 1), (3, 3), (6, 7), (11, 11)]) == (
            "cell 1, lines 1, 3; cell 3, lines 1-2; cell 5, line 2"
        )
        assert line_said(10) == "cell 5, line 1"
        assert line_numbers([1, 3, 6, 7, 10, 11, 12, 13, 14]) == (
            "cell 1, lines 1, 3; cell 3, lines 1, 2; cell 5, line 1 and 4 more"
        )
        assert span_said(2, 10) == "cell 1, line 2 to cell 5, line 1"
        assert place_of(Path("lecture.ipynb"), 6) == "lecture.ipynb: cell 3, line 1"
    assert line_said(10) == "line 10"  # outside, plain notes' lines again
    assert place_of(Path("notes.md"), 6) == "notes.md:6"


def test_a_source_as_one_string_or_a_list_of_lines_reads_the_same() -> None:
    text = "## Q1: What is a ReLU?\n\nIt is max(0, x).\n"
    as_list = read_cells(notebook([md(text)]))
    as_string = read_cells(notebook([{"cell_type": "markdown", "source": text}]))
    assert as_list.cells == as_string.cells
    assert join_cells(as_list).text == join_cells(as_string).text == text


def test_a_code_cell_holding_a_fence_gets_a_longer_one() -> None:
    cell = code('doc = """\n```python\nx = 1\n```\n"""')
    text = join_cells(read_cells(notebook([md("## Q?"), cell]))).text
    assert text == '## Q?\n\n````python\ndoc = """\n```python\nx = 1\n```\n"""\n````\n'


def test_the_notebooks_language_names_its_fences() -> None:
    data = notebook([md("## Q?"), code("x <- 1")], metadata={"language_info": {"name": "R"}})
    assert "```r\nx <- 1\n```" in join_cells(read_cells(data)).text


def test_an_attachment_is_left_out_as_an_image_and_named(tmp_path: Path) -> None:
    cell = md(
        "## Q1: What does the loss curve show?\n\n![curve](attachment:curve.png)\n\nIt falls "
        "fast at first and then flattens as the rate decays. Past the knee it barely moves."
    )
    cell["attachments"] = {"curve.png": {"image/png": "iVBORw0KGgo="}}
    said, folder = imported(tmp_path, [cell])
    (card,) = folder.glob("*.md")
    assert "attachment:" not in card.read_text(encoding="utf-8")
    assert "curve.png" in said and "left out" in said


def test_an_unknown_cell_type_is_named_and_left_out(tmp_path: Path) -> None:
    cells = [
        md("## Q1: What is early stopping?\n\nTraining stops when the validation loss has not "
        "improved for a set number of epochs. The best weights seen are kept."),
        {"cell_type": "heading", "level": 2, "metadata": {}, "source": "Old heading"},
    ]  # fmt: skip
    said, folder = imported(tmp_path, cells)
    assert "left out: cell 2 of cell_type 'heading', which nbformat 4 has not" in said
    assert "Old heading" not in next(folder.glob("*.md")).read_text(encoding="utf-8")


def test_importing_the_notebook_again_after_an_edit_keeps_ids(tmp_path: Path) -> None:
    _, folder = imported(tmp_path, LECTURE)
    ids = {path.stem: front(path)["title"] for path in folder.glob("*.md")}
    edited = [*LECTURE]
    edited.insert(
        1,
        md(
            "## Q0: Why normalize the inputs?\n\nFeatures on one scale give a loss surface "
            "closer to round. Gradient descent then needs no tiny rate for the steepest one."
        ),
    )
    edited[4] = md(  # was cell 4, now 5: its answer edited
        "**Why does Adam correct its moments for bias?**\n\nBoth moments start at zero, so "
        "their early averages lean toward zero. Dividing by one minus beta to the power t "
        "undoes that lean."
    )
    said, _ = imported(tmp_path, edited, "--force")
    after = {path.stem: front(path)["title"] for path in folder.glob("*.md")}
    assert {k: v for k, v in after.items() if k in ids} == ids  # every card kept its id
    assert set(after) - set(ids) == {"normalize-inputs"}
    adam = next(
        p for p in folder.glob("*.md") if str(front(p)["title"]).startswith("Why does Adam")
    )
    assert "Both moments start at zero" in adam.read_text(encoding="utf-8")
    assert "cell 5, line 1 Why does Adam correct its moments for bias?" in said


def _refused(tmp_path: Path, text: str, name: str = "lecture.ipynb") -> str:
    notes = tmp_path / name
    notes.write_text(text, encoding="utf-8")
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"))
    assert isinstance(result.exception, InputFileError), result.output  # no traceback
    assert result.exit_code != 0
    assert not (tmp_path / "c").exists()  # nothing written
    return str(result.exception)


def test_bad_json_is_refused_at_its_line_and_column(tmp_path: Path) -> None:
    text = '{\n "cells": [\n  {"cell_type": "markdown" "source": "x"}\n ],\n "nbformat": 4\n}'
    message = _refused(tmp_path, text)
    assert "not valid JSON at line 3, column 28: Expecting ',' delimiter" in message


def test_an_nbformat_3_notebook_is_refused_with_its_version(tmp_path: Path) -> None:
    text = json.dumps({"nbformat": 3, "nbformat_minor": 0, "worksheets": [{"cells": []}]})
    message = _refused(tmp_path, text)
    assert "a notebook of nbformat 3 (its cells in 'worksheets'), which import does not read" in (
        message
    )
    assert "save it, which writes nbformat 4" in message


def test_a_notebook_without_markdown_cells_has_nothing_to_import(tmp_path: Path) -> None:
    message = _refused(tmp_path, notebook([code("import numpy as np", outputs=1)]))
    assert "no markdown cells: nothing to import (it holds 1 code cell)" in message
    assert "no markdown cells: nothing to import (it holds no cell)" in _refused(
        tmp_path, notebook([])
    )


@pytest.mark.parametrize(
    ("cells", "said"),
    [
        ([md("# x"), {"cell_type": "markdown", "source": 5}], "cells[1].source (cell 2) is a number (5)"),
        (["text"], "cells[0] (cell 1) is a string (\"text\"), not an object"),
        ([{"source": "x"}], "cells[0].cell_type (cell 1) is missing or not text"),
    ],
)  # fmt: skip
def test_a_cell_not_of_nbformats_shape_is_named_by_its_json_path(
    tmp_path: Path, cells: list[Any], said: str
) -> None:
    assert said in _refused(tmp_path, json.dumps({"cells": cells, "nbformat": 4}))


def test_json_that_is_no_notebook_is_refused(tmp_path: Path) -> None:
    assert "not a notebook: no 'cells' list" in _refused(tmp_path, '{"nbformat": 4}')
    with pytest.raises(NotebookRefused, match="its JSON is a list"):
        read_cells("[1, 2]")


def test_a_notebook_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    notes = tmp_path / "lecture.ipynb"
    with notes.open("wb") as handle:
        handle.truncate(50 * MIB)  # sparse: 50 MiB without writing them
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"))
    assert isinstance(result.exception, InputFileError)
    message = str(result.exception)
    assert "50 MiB, over the limit of 8 MiB: clear its outputs" in message
    assert "--ClearOutputPreprocessor.enabled=True --inplace lecture.ipynb" in message


def test_a_block_a_cell_leaves_open_ends_with_the_cell() -> None:
    """Jupyter renders each cell alone; joined, the open block ran on as code through the
    next cells, their questions with it."""
    cells = [md("## Q1?\nIt is this:\n```python\nx = 1"), md("## Q2?\nIt is that.")]
    joined = join_cells(read_cells(notebook(cells)))
    assert joined.text == "## Q1?\nIt is this:\n```python\nx = 1\n```\n\n## Q2?\nIt is that.\n"
    assert [joined.lines.at(line) for line in (4, 5, 6, 7)] == [(1, 4), (1, 4), (1, 4), (2, 1)]


def test_an_empty_or_deeply_nested_notebook_is_refused_on_one_line(tmp_path: Path) -> None:
    assert "not valid JSON at line 1, column 1: Expecting value" in _refused(tmp_path, "")
    deep = "[" * 100_000 + "]" * 100_000
    assert "nested thousands of levels deep" in _refused(tmp_path, deep)
    line = json.dumps({"cells": [{"cell_type": "markdown", "source": ["a\n", None]}]})
    assert "cells[0].source[1] (cell 1) is null, not a line of text" in _refused(tmp_path, line)


def test_terminal_controls_in_a_cell_are_dropped(tmp_path: Path) -> None:
    cells = [
        md(
            "## Q1: What does a \x1b[31mresidual\x1b[0m path carry?\n\nThe block's input, "
            "added to its output unchanged. Gradients reach early layers through it."
        )
    ]
    said, folder = imported(tmp_path, cells)
    (card,) = folder.glob("*.md")
    assert "\x1b" not in card.read_text(encoding="utf-8") and "\x1b" not in said


def test_a_note_naming_lines_in_two_cells_names_both_cells(tmp_path: Path) -> None:
    """The NUL note lists its lines as `lines 3, 8` of the joined text: said per cell."""
    cells = [
        md(
            "## Q1: What does softmax output?\n\nA probability vector:\x00 positive entries "
            "summing to one. It exponentiates the logits and normalizes them."
        ),
        md(
            "## Q2: What is a logit?\n\nAn unnormalized\x00 score. Softmax turns the scores "
            "into probabilities."
        ),
    ]
    said, _ = imported(tmp_path, cells, "--dry-run")
    assert (
        f"{tmp_path / 'lecture.ipynb'}: cell 1, line 3: note: NUL bytes: 2 NUL bytes (cell 1, "
        "line 3; cell 2, line 3), which no text holds, taken out"
    ) in said, said


def test_a_quoted_title_keeps_the_lines_it_names(tmp_path: Path) -> None:
    """A message's own line numbers are said in cells; a question's title it quotes is the
    notes' text: its `line 5` was rewritten to `cell 2, line 3`, a cell it never held."""
    cells = [
        md("## Q1: Why does line 5 of the loop fail?"),
        md(
            "The index runs one past the end of the list on the last pass. Range over the "
            "length, not the length plus one.\n\n---\n\nSee also the slides."
        ),
    ]
    said, _ = imported(tmp_path, cells, "--dry-run")
    notes = tmp_path / "lecture.ipynb"
    assert (
        f"{notes}: cell 2, line 5: skipped 'See also the slides.': text after the rule "
        "(cell 2, line 3) that ends the answer of 'Why does line 5 of the loop fail?' "
        "(cell 1, line 1)"
    ) in said, said


def test_a_title_holding_line_5_is_quoted_as_written(tmp_path: Path) -> None:
    """The message builds its cells' places from the line numbers: before, the plan's
    messages were rewritten by a pattern, which passed over a quote only while it could
    tell where the quote ended. An apostrophe after a plural (`rows'`) ended it, so the
    title 'Why do the rows' line 5 fail?' was told as 'Why do the rows' cell 2, line 3
    fail?' (and in the summary that counted it)."""
    cells = [
        md("## Q1: Why do the rows' line 5 fail?"),
        md(
            "The index runs one past the end of the list on the last pass. Range over the "
            "length, not the length plus one.\n\n---\n\nSee also the slides."
        ),
    ]
    said, _ = imported(tmp_path, cells, "--dry-run")
    notes = tmp_path / "lecture.ipynb"
    flat = " ".join(said.split())
    assert (
        f"{notes}: cell 2, line 5: skipped 'See also the slides.': text after the rule "
        "(cell 2, line 3) that ends the answer of 'Why do the rows' line 5 fail?' "
        "(cell 1, line 1)"
    ) in flat, said
    assert "cell 2, line 3 fail" not in said, said


def test_a_narrow_terminal_never_cuts_a_cell_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Folded to 40 columns, the report cut a place at its spaces (only the path was kept
    whole): `cell 2,` ended one line and `line 1;` began the next."""
    long_question = md(
        "## Q2: Why does the validation loss rise while the training loss keeps falling?\n\n"
        "The model has begun to fit noise in the training set. Its fit to held-out data "
        "worsens while the training fit improves."
    )
    notes = "week 4 lecture.ipynb"
    (tmp_path / notes).write_text(notebook([*LECTURE, long_question]), "utf-8")
    monkeypatch.chdir(tmp_path)  # the notes named as given
    monkeypatch.setattr("quiz.wrapping.terminal_width", lambda stream=None: 40)
    result = run_import(notes, "--pack", "p", "--into", "c", "--dry-run")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    # a card's file stays whole, however long (folded, it no longer names the file)
    assert all(len(line) <= 40 for line in lines if " c/p/p/" not in line), result.output
    cut = [
        line
        for line in lines
        if re.search(r"\bcell \d+,( lines?)?$", line)
        or re.match(r"\s*(lines? \d|\d+([;)]| Q|$))", line)
    ]
    assert cut == [], result.output
    # too long for one line with its path, the place goes under it whole
    assert f"  ← {notes}:" in lines and "    cell 10, line 1 Q2 Why does the" in lines
    assert f"  ← {notes}: cell 8, line 1" in lines  # with its path, when that fits
    assert [f"  ({notes}: cell 2, line 1;", f"  {notes}: cell 10, line 1)"] == [
        line for line in lines if line.endswith(("cell 2, line 1;", "cell 10, line 1)"))
    ], result.output  # the repeated note's places


def test_text_after_rules_in_cells_is_summed_up_as_in_notes(tmp_path: Path) -> None:
    """Three answers ended by a rule with a footer under each: notes get one line for the
    three; a notebook got a line each, its reasons said in cells (`after the rule (cell 2,
    line 3)`) no longer read as a rule's."""
    cells = []
    for n, topic in enumerate(("dropout", "weight decay", "early stopping"), 1):
        cells.append(md(f"## Q{n}: Why does {topic} regularise?"))
        cells.append(
            md(f"It limits how closely the model fits noise.\n\n---\n\nSlides on {topic}.")
        )
    said, _ = imported(tmp_path, cells, "--dry-run")
    notes = tmp_path / "lecture.ipynb"
    assert (
        f"skipped text after 3 answers that a rule (---) ends, not imported ({notes}: cell 2, "
        f"line 5; {notes}: cell 4, line 5; {notes}: cell 6, line 5)"
    ) in " ".join(said.split()), said
