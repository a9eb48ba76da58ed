"""Properties of `notes/quizletrows`: Quizlet's rows of any separator it offers come back
as written, each at its line, and a `.md` file is never read so."""

from __future__ import annotations

import csv

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.ecosystem.notes.quizletrows import LABELS, read_quizlet_list

_WORD = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz"), min_size=1, max_size=8)
_TERM = st.one_of(
    st.lists(_WORD, min_size=1, max_size=3).map(" ".join), _WORD.map(lambda word: f'"{word}"')
)
_DEFINITION = st.lists(
    st.one_of(_WORD, st.sampled_from(['"quoted"', "a,", "x-y", "(b)", "1,000"])),
    min_size=1,
    max_size=8,
).map(" ".join)
_SEPARATORS = st.sampled_from([" - ", " – ", " = ", " | ", ","])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(_TERM, _DEFINITION), min_size=2, max_size=8),
    _SEPARATORS,
    st.booleans(),
)
def test_rows_come_back_as_written_at_their_lines(
    rows: list[tuple[str, str]], separator: str, blank: bool
) -> None:
    between = "\n\n" if blank and separator != "," else "\n"
    text = between.join(f"{term}{separator}{definition}" for term, definition in rows) + "\n"
    found = read_quizlet_list(text, ".txt")
    if separator == "," and any(
        term.startswith('"') or definition.startswith('"') for term, definition in rows
    ):
        assert found is None  # `term,"..."`: a CSV's field in quotes, not Quizlet's
        return
    assert found is not None and found.rows == len(rows)
    assert found.text.count("\n") == text.count("\n")  # line for line
    read = [row for row in csv.reader(found.text.splitlines(), delimiter="\t") if row]
    assert read == [[term, definition] for term, definition in rows]
    assert read_quizlet_list(text, ".md") is None


def test_a_definition_over_lines_is_one_field() -> None:
    text = "bagging\tbootstrap samples,\na vote\n\nboosting\tin sequence\n"
    found = read_quizlet_list(text, ".txt")
    assert found is not None and found.blank_lines and found.line == 1
    rows = list(csv.reader(found.text.splitlines(keepends=True), delimiter="\t"))
    assert [row for row in rows if row] == [
        ["bagging", "bootstrap samples,\na vote"],
        ["boosting", "in sequence"],
    ]


def test_shapes_that_are_not_sure_lists_are_let_go() -> None:
    """A tab list a row a line (the card list reader's), one row, a row opening as
    Markdown, prose's `, ` and comma rows with blank lines between them: None."""
    assert read_quizlet_list("a\tb\nc\td\n", ".txt") is None
    assert read_quizlet_list("dropout - zeroes units\n", ".txt") is None
    assert read_quizlet_list("## dropout - zeroes\nbagging - votes\n", ".txt") is None
    assert read_quizlet_list("- dropout - zeroes\n- bagging - votes\n", ".txt") is None
    assert read_quizlet_list("Dropout, in short, zeroes.\nBagging, too, votes.\n", ".txt") is None
    assert read_quizlet_list("epoch,one pass\nover it\n\nbatch,one step\n", ".txt") is None
    # a line of no row among rows a line: each paragraph one row would swallow the next rows
    mixed = "a - b\nc - d\nmore of d\n\ne - f\ng - h\nmore of h\n"
    assert read_quizlet_list(mixed, ".txt") is None


_COLON_TERM = (
    st.lists(_WORD, min_size=1, max_size=3)
    .map(" ".join)
    .filter(lambda term: term not in LABELS)  # `q: ...`, `back: ...` label a card's part
)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(_COLON_TERM, _DEFINITION), min_size=2, max_size=8), st.booleans())
def test_colon_rows_come_back_as_written_at_their_lines(
    rows: list[tuple[str, str]], blank: bool
) -> None:
    """Quizlet's custom separator `: ` (`dropout: zeroes units`), a row a line."""
    rows = list({term: (term, definition) for term, definition in rows}.values())
    text = ("\n\n" if blank else "\n").join(f"{t}: {d}" for t, d in rows) + "\n"
    found = read_quizlet_list(text, ".txt")
    if len(rows) < 2:
        assert found is None
        return
    assert found is not None and found.rows == len(rows) and found.term_separator == "': '"
    assert found.text.count("\n") == text.count("\n")
    read = [row for row in csv.reader(found.text.splitlines(), delimiter="\t") if row]
    assert read == [[term, definition] for term, definition in rows]
    assert read_quizlet_list(text, ".md") is None


def test_colon_lines_that_label_parts_stay_what_they_were() -> None:
    """`Front:`/`Back:`, `Q:`/`A:` in any case, Logseq's `key:: value`, labels said again
    and a paragraph opening `Lecture 3: ...` over prose are no Quizlet rows."""
    front_back = "Front: What is dropout?\nBack: It zeroes units.\n"
    assert read_quizlet_list(front_back, ".txt") is None
    assert read_quizlet_list("q: What is an epoch?\na: One pass.\n", ".txt") is None
    assert read_quizlet_list("Source: Goodfellow\nTags: ml\n", ".txt") is None
    assert read_quizlet_list("tags:: ml\ntype:: card\nstatus:: new\n", ".txt") is None
    steps = "Step: load the data\nStep: fit the model\nStep: score it\n"
    assert read_quizlet_list(steps, ".txt") is None
    lecture = "Lecture 3: optimizers\nWe covered SGD and momentum.\n\nHomework: chapter 8\n"
    assert read_quizlet_list(lecture, ".txt") is None
    assert read_quizlet_list("Why? Because: it is so\nx: y\n", ".txt") is None
    # a ` - ` row whose definition holds a colon is still parted at the dash
    found = read_quizlet_list("dropout - zeroes: units\nepoch - one: pass\n", ".txt")
    assert found is not None and found.term_separator == "' - '"
