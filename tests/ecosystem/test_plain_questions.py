"""`notes/plainquestions`: which paragraphs the "no questions found" line names."""

from __future__ import annotations

from quiz.ecosystem.notes.plainquestions import question_paragraphs_hint


def test_paragraphs_under_a_question_line_are_named_and_counted() -> None:
    text = "".join(f"Why step {n}?\nBecause of step {n}.\n\n" for n in range(1, 5))
    hint = question_paragraphs_hint(text)
    assert hint.startswith(
        "; 4 paragraphs open with a question line over their answer (line 1 'Why step 1?',"
        " line 4 'Why step 2?' and 2 more)"
    )


def test_other_question_lines_are_not_named() -> None:
    """A question alone, one in the middle of a paragraph, a heading or a quote asking:
    none is a plain paragraph opening on a question over its answer."""
    assert question_paragraphs_hint("Why step 1?\n\nSome prose.\n") == ""
    assert question_paragraphs_hint("Some prose.\nWhy step 1?\nBecause.\n") == ""
    assert question_paragraphs_hint("## Why step 1?\nBecause.\n") == ""
    assert question_paragraphs_hint("> Why step 1?\n> Because.\n") == ""
