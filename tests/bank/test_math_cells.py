"""A `$` is read the same wherever a text starts: at the start of a table cell, list item,
quote, heading or paragraph dollarmath's rule read the text's *last* character as the one
before the `$` (a digit there meant currency, a backslash an escape), so `| $x$ 0 |` was
"unclosed inline math" although every `$` is paired. And a table cell's `\\|` (read as
`|` by the table rule) no longer hides the cell's formulas and stray `$` from lint and
the renderer. Lint (`find_math_problems`, `lint`) and the card renderer (`render_math`,
`cardtext`) read the same spans, so each case checks both.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.lint import lint
from quiz.bank.markdown import code_spans, escape_offsets, scan_math
from quiz.bank.mathtext import find_math_problems, render_math
from quiz.cardtext import plain_text

HEAD2 = "| a | b |\n|---|---|\n"
HEAD3 = "| a | b | c |\n|---|---|---|\n"
UNCLOSED = "unclosed inline math: '$' has no closing '$' (write \\$ for a literal dollar sign)"


def _formulas(text: str) -> list[str]:
    return [text[s.start : s.end] for s in scan_math(text).spans]


def _problems(text: str) -> list[tuple[int, int, str]]:
    return [(p.line, p.col, p.message) for p in find_math_problems(text)]


@pytest.mark.parametrize(
    ("row", "formulas"),
    [
        # the reported row: digits either side of the `|`
        ("| near 0 for $z$ far from 0 | 1 for $z > 0$ |", ["$z$", "$z > 0$"]),
        # a cell that starts with `$` and ends with a digit
        ("| $z$ near 0 | 1 for $z > 0$ |", ["$z$", "$z > 0$"]),
        ("| $x$ 0 | $y$ 1 |", ["$x$", "$y$"]),
        ("| $w_1$ | $w_2$ |", ["$w_1$", "$w_2$"]),
        # a cell that starts with `$` and ends with a backslash (an escape, once)
        ("| $x$ and a\\\\ | b |", ["$x$"]),
    ],
)
def test_every_formula_of_a_table_row_is_read(row: str, formulas: list[str]) -> None:
    text = HEAD2 + row + "\n"
    assert _formulas(text) == formulas
    assert _problems(text) == []
    rendered = render_math(text)
    assert all(formula not in rendered for formula in formulas), rendered


def test_a_cell_that_starts_with_a_formula_and_ends_with_a_digit_renders_it() -> None:
    text = HEAD2 + "| $\\alpha$ near 0 | 1 for $\\beta > 0$ |\n"
    assert render_math(text).splitlines()[2] == "| α near 0 | 1 for β \\> 0 |"


@pytest.mark.parametrize(
    "text",
    [
        "$x$ is near 0\n",  # a paragraph
        "- $x$ is near 0\n",  # a list item
        "1. $x$ is near 0\n",
        "> $x$ is near 0\n",  # a block quote
        "> - $x$ is near 0\n",
        "## $x$ near 0\n",  # a heading
        "[$x$ is near 0](https://example.org)\n",  # link text
        "$x$ ends in a backslash\\\\\n",
    ],
)
def test_a_formula_at_the_start_of_any_block_is_read(text: str) -> None:
    assert _formulas(text) == ["$x$"]
    assert _problems(text) == []
    assert plain_text(text.rstrip("\n")).count("$") == 0


@pytest.mark.parametrize(
    ("text", "where", "kept"),
    [
        # currency still needs `\$`, in prose and in a cell, wherever the line starts
        ("It costs $5 and 6.\n", [(1, 10)], "$5"),
        ("$5 is the price, not 6\n", [(1, 1)], "$5"),
        (HEAD2 + "| costs $5 | $y$ 1 |\n", [(3, 9)], "| costs $5 | y 1 |"),
        (HEAD2 + "| $5 | 6 |\n", [(3, 3)], "| $5 | 6 |"),
        # a real unclosed `$` in a cell, after cells that hold formulas
        (HEAD3 + "| $a$ 1 | 2 | $x_1 is lost 3 |\n", [(3, 15)], "| a 1 | 2 | $x_1 is lost 3 |"),
        # `$x$1`: a digit right after the closing `$` is still not math
        ("| a |\n|---|\n| $x$1 |\n", [(3, 3), (3, 5)], "| $x$1 |"),
    ],
)
def test_a_dollar_that_opens_nothing_is_reported_where_it_is(
    text: str, where: list[tuple[int, int]], kept: str
) -> None:
    assert [(line, col) for line, col, _ in _problems(text)] == where
    assert kept in render_math(text)  # the `$` that opens nothing is shown as written


def test_an_escaped_pipe_in_a_cell_keeps_its_formula() -> None:
    """The table rule reads `\\|` as `|` before the inline rules: `$a \\| b$` is the
    formula `a | b`, found where it is written, and rendered in place."""
    text = HEAD2 + "| $a \\| b$ 0 | 1 |\n"
    spans = scan_math(text).spans
    assert [(text[s.start : s.end], s.latex) for s in spans] == [("$a \\| b$", "a | b")]
    assert _problems(text) == []
    assert render_math(text).splitlines()[2] == "| a \\| b 0 | 1 |"


def test_formulas_after_escaped_pipes_are_found_in_their_own_cells() -> None:
    text = HEAD3 + "| x \\| y | x \\| $y$ | $\\|v\\|$ 2 |\n"
    assert [(text[s.start : s.end], s.latex) for s in scan_math(text).spans] == [
        ("$y$", "y"),
        ("$\\|v\\|$", "|v|"),
    ]
    assert render_math(text).splitlines()[2] == "| x \\| y | x \\| y | \\|v\\| 2 |"


def test_an_unclosed_dollar_after_an_escaped_pipe_is_reported_at_its_column() -> None:
    text = HEAD2 + "| x \\| y | x \\| $y | 1 |\n"
    assert _problems(text) == [(3, 17, UNCLOSED)]


def test_math_never_spans_a_cell_boundary() -> None:
    """A `|` that is not escaped ends the cell before the inline rules run (GFM), so
    `$a | b$` in a row is two unpaired `$`, each reported in its own cell."""
    text = HEAD2 + "| $a | b$ |\n"
    assert _formulas(text) == []
    assert [(line, col) for line, col, _ in _problems(text)] == [(3, 3), (3, 9)]
    assert "| $a | b$ |" == text.splitlines()[2]
    # the same text outside a table is one formula
    assert _formulas("$a | b$\n") == ["$a | b$"]


def test_lint_reports_an_unclosed_dollar_in_a_card_s_table_at_file_line_col(
    mini_bank: Path,
) -> None:
    target = mini_bank / "mini" / "basics" / "what-is-relu.md"
    table = (
        "\n\n| $z$ | ReLU'(z) |\n|---|---|\n| $z$ near 0 | 1 for $z > 0$ |\n"
        "| $z < 0$ | costs $5 |\n"
    )
    target.write_text(target.read_text() + table)
    lines = target.read_text().splitlines()
    row = lines.index("| $z < 0$ | costs $5 |") + 1
    _, problems = lint([target])
    assert [(p.path, p.line, p.col, p.code) for p in problems] == [(target, row, 19, "math")]
    assert UNCLOSED in problems[0].message


def test_code_spans_and_escapes_in_cells_with_escaped_pipes_are_found() -> None:
    """The same cell lookup serves `code_spans` and `escape_offsets`: a cell with `\\|`
    was not found in its line, so its code span and its escapes were left out."""
    text = HEAD3 + "| `x \\| y` | x | y `z` \\* |\n"
    assert [text[start:end] for start, end in code_spans(text)] == ["`x \\| y`", "`z`"]
    assert [text[at : at + 2] for at in escape_offsets(text)] == ["\\*"]
