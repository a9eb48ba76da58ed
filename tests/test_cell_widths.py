"""Every card's text, as the study and drill screens show it, is drawn in the columns Textual
lays it out in, whatever the terminal: no character whose width a terminal decides by a
setting when a form of the same meaning is one column everywhere (the key-point box of
attention-scaling drew its right border a column off after "q ·", a MIDDLE DOT, East Asian
Ambiguous, where \\cdot names the DOT OPERATOR), no joiner, variation selector or other
invisible character, a combining accent only on its letter, and Rich's width of each
character equal to Unicode's."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import pytest
from rich.cells import cell_len

from quiz.bank.loader import load_bank
from quiz.bank.mathsymbols import NARROW_FORMS
from quiz.bank.models import Card, shown_front_texts
from quiz.bank.sources import bundled_content_dir
from quiz.cardtext import inline_pieces, render_text, section_markdown
from tests.cells import AMBIGUOUS_KEPT, terminal_cells, zero_width

CARDS = sorted(load_bank([bundled_content_dir()]).cards, key=lambda card: card.id)


def shown_texts(card: Card) -> Iterator[tuple[str, str]]:
    """(where, text) for each text block a screen shows of `card`, rendered as it renders
    them: the title, each section's Markdown with math as Unicode (the Starter is the
    editor's code as written), each hint, each key point and option in its pieces."""
    yield "title", card.title
    for title in card.sections:
        shown = card.starter if title == "Starter" else section_markdown(card, title)
        yield title, shown
    for number, hint in enumerate(card.hints, 1):
        yield f"hint {number}", render_text(hint)
    for key, index, text in shown_front_texts(card.front):
        yield f"{key}[{index}]", "".join(piece for piece, _code in inline_pieces(text))


def width_problems(text: str) -> Iterator[str]:
    """Each character of `text` a terminal may draw in other columns than Textual's."""
    for line_number, line in enumerate(text.splitlines(), 1):
        previous = "\n"  # an accent first on a line has no letter under it
        for column, char in enumerate(line, 1):
            where = (
                f"line {line_number} col {column}: U+{ord(char):04X} {unicodedata.name(char, '?')}"
            )
            if char in NARROW_FORMS:
                yield f"{where} has a one-column form, {NARROW_FORMS[char]!r}"
            elif zero_width(char) and not unicodedata.combining(char):
                yield f"{where} is invisible: a terminal may give it a column or none"
            elif unicodedata.combining(char) and not (previous.isalpha() or zero_width(previous)):
                yield f"{where} is an accent on {previous!r}, not on a letter"
            elif not zero_width(char) and unicodedata.east_asian_width(char) == "A":
                if char not in AMBIGUOUS_KEPT:
                    yield f"{where} is East Asian Ambiguous: one column or two by the terminal's setting"
            if cell_len(char) != terminal_cells(char):
                yield f"{where}: Rich gives {cell_len(char)} columns, Unicode {terminal_cells(char)}"
            previous = char


@pytest.mark.parametrize("card", CARDS, ids=lambda card: card.id)
def test_every_shown_character_takes_the_columns_textual_gives_it(card: Card) -> None:
    problems = [
        f"{card.id} {where} {problem}"
        for where, text in shown_texts(card)
        for problem in width_problems(text)
    ]
    assert not problems, "\n".join(problems)


def test_the_bank_is_all_there() -> None:
    assert len(CARDS) >= 140
    assert any("\\cdot" in point for c in CARDS for _k, _i, point in shown_front_texts(c.front))


def test_the_attention_scaling_key_point_shows_the_dot_operator() -> None:
    """The reported line: `$q \\cdot k$` in the first key point."""
    card = next(card for card in CARDS if card.id == "attention-scaling")
    first = dict(shown_texts(card))["key_points[0]"]
    assert "q ⋅ k has mean 0" in first
    assert "·" not in first


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("a · b", "has a one-column form, '⋅'"),  # the reported middle dot
        ("x_1, …, x_n", "has a one-column form, '...'"),
        ("a\u200db", "is invisible"),  # a zero-width joiner
        ("a\u200bb", "is invisible"),  # a zero-width space
        ("\u2764\ufe0f", "is invisible"),  # a variation selector: emoji presentation
        ("a \u0302b", "is an accent on ' '"),  # an accent on a space
        ("x\n\u0302", "is an accent on '\\n'"),  # first on its line: on no letter
        ("※ note", "is East Asian Ambiguous"),  # ambiguous, not the math's own
    ],
)
def test_each_kind_of_problem_is_found(text: str, found: str) -> None:
    problems = list(width_problems(text))
    assert any(found in problem for problem in problems), problems


@pytest.mark.parametrize(
    "text", ["x̂ᵢ = (xᵢ − μ)/√(σ² + ε)", "q ⋅ k", "h̃", "3×3", "‖θ‖²", "⌊n/2⌋", "日本"]
)
def test_the_maths_own_characters_pass(text: str) -> None:
    assert list(width_problems(text)) == []


def test_the_kept_characters_are_ambiguous_and_the_narrow_forms_are_not() -> None:
    """The kept list holds only what needs it; each narrow form is one column everywhere."""
    assert all(unicodedata.east_asian_width(char) == "A" for char in AMBIGUOUS_KEPT)
    assert not set(NARROW_FORMS) & AMBIGUOUS_KEPT
    for char, narrow in NARROW_FORMS.items():
        assert unicodedata.east_asian_width(char) == "A", char
        assert all(unicodedata.east_asian_width(c) in {"N", "Na"} for c in narrow), narrow
        assert cell_len(narrow) == len(narrow)
