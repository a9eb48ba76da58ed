"""Card text as the app shows it: Markdown sections and one-line strings, math as Unicode.

Shared by the TUI and the CLI's `show`, so a card reads the same everywhere.
"""

from __future__ import annotations

from quiz.bank.models import Card


def render_text(text: str) -> str:
    """Markdown card text (a section, a hint) with math shown as Unicode."""
    from quiz.bank.mathtext import render_math

    return render_math(text)


def section_markdown(card: Card, section: str) -> str:
    """A section of a card, ready for a Markdown widget (math shown as Unicode)."""
    return render_text(card.section(section))


def plain_text(text: str) -> str:
    """A one-line plain string (a choice, a key point) with each `$...$` as Unicode.

    A formula with no faithful Unicode form stays as written.
    """
    from quiz.bank.markdown import scan_math
    from quiz.bank.mathtext import latex_to_unicode

    pieces, last = [], 0
    for span in scan_math(text).spans:  # the formulas lint checked, paired the same way
        pieces += [
            text[last : span.start],
            latex_to_unicode(span.latex) or text[span.start : span.end],
        ]
        last = span.end
    return "".join([*pieces, text[last:]]).replace("\\$", "$")
