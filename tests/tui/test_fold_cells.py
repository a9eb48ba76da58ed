"""One fold for every line the app folds to a width (`quiz.wrapping.fold_cells`), counted
in terminal cells as Rich counts them: `textwrap` counted characters, so a line of CJK or
emoji folded to twice the columns the terminal has, and the ambiguous separators ("·",
"→", "•") must count one cell, as Rich and a terminal drawing them narrow do."""

from __future__ import annotations

import textwrap

import pytest
from rich.cells import cell_len

from quiz.wrapping import fit, fold_cells, fold_line, wrap_markdown

WIDE = "注意力 機構の 仕組み 🚀 と 計算量 の 話 " * 6


@pytest.mark.parametrize("width", [20, 33, 40, 80])
def test_a_line_of_wide_characters_folds_to_the_width_in_cells(width: int) -> None:
    lines = fold_line(WIDE.strip(), width)
    assert len(lines) > 1
    assert all(cell_len(line) <= width for line in lines), lines
    assert " ".join(lines).split() == WIDE.split(), "every word kept, in order"
    # the next word would not have fitted: folded no earlier than it must be
    for line, after in zip(lines, lines[1:], strict=False):
        assert cell_len(f"{line} {after.split()[0]}") > width


def test_ambiguous_separators_count_one_cell() -> None:
    line = " · ".join(["12 days left", "readiness 71% → target 90%", "• today: 34 reviews"])
    assert cell_len(line) == len(line)
    assert fold_line(line, len(line)) == [line], "a line exactly as wide as the width fits"
    assert fold_line(line, len(line) - 1) != [line]


def test_ascii_folds_as_textwrap_did() -> None:
    text = "The quick  brown fox jumps over the lazy-dog, repeatedly and    again."
    for width in range(5, 40):
        was = textwrap.wrap(
            text, width, initial_indent="> ", subsequent_indent="  ",
            break_long_words=False, break_on_hyphens=False,
        )  # fmt: skip
        assert fold_cells(text, width, "> ", "  ") == was


def test_a_word_wider_than_the_line_is_cut_only_when_asked() -> None:
    assert fold_cells("ab 注意力機構の仕組み", 6) == ["ab", "注意力機構の仕組み"]
    cut = fold_cells("注意力機構の仕組み", 5, cut_words=True)
    assert cut == ["注意", "力機", "構の", "仕組", "み"]
    assert fold_cells("   ", 5) == []


def test_wide_markdown_and_a_cut_cell_keep_within_the_width() -> None:
    folded = wrap_markdown(f"- {WIDE.strip()}", 40).splitlines()
    assert len(folded) > 1 and all(cell_len(line) <= 40 for line in folded), folded
    assert all(line.startswith("  ") for line in folded[1:]), "under the item's text"
    assert cell_len(fit("注意力機構の仕組み", 8)) <= 8
    assert fit("注意力機構の仕組み", 8).endswith("…")


def test_a_wide_heading_folds_under_its_text_within_the_width() -> None:
    """`drillbit show`'s `# title`: kept whole, a CJK title ran past 80 columns."""
    title = "# " + WIDE.strip()
    folded = wrap_markdown(title, 80).splitlines()
    assert len(folded) > 1 and all(cell_len(line) <= 80 for line in folded), folded
    assert folded[0].startswith("# ") and all(line.startswith("  ") for line in folded[1:])
    assert " ".join(folded).split() == title.split(), "every word kept, in order"
    assert wrap_markdown("## A short title", 80) == "## A short title"
    assert wrap_markdown(title, None) == title, "a pipe gets it whole"


def test_a_code_span_of_wide_characters_counts_its_cells() -> None:
    """A span 30 characters long is 58 cells: kept whole at 40, it passed the line's end."""
    span = "`" + " ".join(["注意力機構"] * 5) + "`"
    assert len(span) <= 40 < cell_len(span)
    folded = wrap_markdown(f"Read {span} before the rest of this line.", 40).splitlines()
    assert all(cell_len(line) <= 40 for line in folded), folded
    # a span that fits in cells is still never cut in two, however it is written
    fits = "`注意 力`"
    whole = wrap_markdown(f"{'word ' * 7}{fits} and more words after it here", 40)
    assert any(fits in line for line in whole.splitlines()), whole
