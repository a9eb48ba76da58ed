"""Properties of `semicolonrows`: Quizlet's rows on one line come back as written, and a
line it cannot part is refused, never parted wrong."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.ecosystem.semicolonrows import rows_on_one_line

_TEXT = st.text(
    st.characters(
        codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"), exclude_characters=";,\t"
    ),
    min_size=1,
    max_size=20,
).filter(lambda text: text.strip() == text and text.strip() != "")
"""A term or a definition Quizlet writes: no separator in it, no blank at its ends."""


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(_TEXT, _TEXT), min_size=2, max_size=8),
    st.sampled_from(["\t", ","]),
    st.booleans(),
)
def test_rows_on_one_line_come_back_as_written(
    rows: list[tuple[str, str]], separator: str, closed: bool
) -> None:
    line = ";".join(f"{term}{separator}{definition}" for term, definition in rows)
    found = rows_on_one_line(line + (";" if closed else "") + "\n", separator, 4)
    if separator == "\t" and len(rows) == 2 and not closed and len(rows[1][1].split()) <= 1:
        # `Q<TAB>A;B<TAB>ml`: one note of three fields, its tags last, as older Anki wrote
        # it (import46); a definition of words after the tab is a row (import48)
        assert found is None
        return
    assert found is not None and found.refused is None
    assert found.line == 4
    assert [row.split(separator) for row in found.rows] == [list(row) for row in rows]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_TEXT, _TEXT), min_size=2, max_size=8), st.integers(0, 7))
def test_a_row_holding_two_separators_is_refused_not_parted(
    rows: list[tuple[str, str]], at: int
) -> None:
    """A comma inside a definition (Comma chosen in Quizlet): the line gives no rows."""
    written = [f"{term},{definition}" for term, definition in rows]
    written[at % len(written)] += ", and more"
    found = rows_on_one_line(";".join(written), ",")
    assert found is not None and found.rows == ()
    assert found.refused is not None and "holds 2 commas" in found.refused


def test_rows_a_line_and_prose_semicolons_are_no_such_list() -> None:
    """Quizlet's default export (a row a line), a definition's `; ` and a single row are
    left to the card list reader as they are."""
    assert rows_on_one_line("a\tb;c\nd\te;f\n", "\t") is None
    assert rows_on_one_line("What is X?\tIt is fast; it is small\n", "\t") is None
    assert rows_on_one_line("softmax\texp;sum\n", "\t") is None
    assert rows_on_one_line("term;def;term2;def2\n", "\t") is None
