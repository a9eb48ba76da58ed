"""`drillbit show CARD --answer` folds its prose to the terminal: an explanation paragraph was
one line of up to 516 columns, which an 80-column terminal broke mid-word. Code blocks and
tables stay as written, and a pipe gets every line whole."""

from __future__ import annotations

from quiz.wrapping import wrap_markdown
from tests.cli.printing import printed_on_a_terminal
from tests.conftest import RunDrillbit

CARD = """# A title

Some prose that runs on well past the width of this narrow test terminal, to be folded.

- **A list item.** Its text goes on and on, past the width, with `the code span` near the end.
  1. a nested item that is also long enough to be folded under its own marker here
> A quoted remark that is long enough to be folded, and keeps its quote mark on each line.

```python
x = "a long line of code that must stay exactly as written, however wide it is"
```

| a table row | that is wider than the width | and must not be folded at all |

    indented code that is wider than the width and stays exactly as it was written
"""


def test_prose_folds_under_its_indent_and_code_and_tables_stay() -> None:
    assert wrap_markdown(CARD, 40).splitlines() == [
        "# A title",
        "",
        "Some prose that runs on well past the",
        "width of this narrow test terminal, to",
        "be folded.",
        "",
        "- **A list item.** Its text goes on and",
        "  on, past the width, with",  # the code span is not cut in two
        "  `the code span` near the end.",
        "  1. a nested item that is also long",
        "     enough to be folded under its own",
        "     marker here",
        "> A quoted remark that is long enough to",
        "> be folded, and keeps its quote mark on",
        "> each line.",
        "",
        "```python",
        'x = "a long line of code that must stay exactly as written, however wide it is"',
        "```",
        "",
        "| a table row | that is wider than the width | and must not be folded at all |",
        "",
        "    indented code that is wider than the width and stays exactly as it was written",
    ]
    assert wrap_markdown(CARD, None) == CARD  # a pipe: as it is


def test_show_answer_fits_an_80_column_terminal_and_a_pipe_keeps_each_line(
    drillbit: RunDrillbit,
) -> None:
    piped = drillbit("show", "attention", "--answer").stdout
    assert max(len(line) for line in piped.splitlines()) > 300  # the explanation's points
    for columns in (80, 60):
        lines = printed_on_a_terminal("show", "attention", "--answer", columns=columns)
        assert max(len(line) for line in lines) <= columns
        assert " ".join(lines).split() == piped.split()  # every word, in order, none cut
    table = printed_on_a_terminal("show", "layernorm-vs-batchnorm", "--answer", columns=60)
    rows = [line for line in table if line.startswith("|")]
    assert rows and any(len(row) > 60 for row in rows)  # a table row is never folded
    assert all(len(line) <= 60 for line in table if not line.startswith("|"))
    assert rows == [
        line
        for line in drillbit("show", "layernorm-vs-batchnorm", "--answer").stdout.split("\n")
        if line.startswith("|")
    ]


def test_hints_fit_the_terminal_too(drillbit: RunDrillbit) -> None:
    """A hint is one paragraph of up to 340 characters, printed as one line as well."""
    for _ in range(5):
        assert drillbit("hint", "embedding").returncode == 0
    piped = drillbit("hint", "embedding", "--seen").stdout
    assert max(len(line) for line in piped.splitlines()) > 80
    lines = printed_on_a_terminal("hint", "embedding", "--seen", columns=80)
    assert max(len(line) for line in lines) <= 80
    assert " ".join(lines).split() == piped.split()
