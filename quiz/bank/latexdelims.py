"""LaTeX's own math delimiters in a card, `\\(...\\)` and `\\[...\\]`: not math here.

A card's math is `$...$` and `$$...$$` (the bank's Markdown reader knows no other), but an
author used to MathJax or LaTeX writes `\\(x^2\\)`; Markdown reads `\\(` as an escaped
parenthesis, so the card shows `(x^2)` with the LaTeX as written, and the math check,
which looks at `$` spans only, passed it. The spans are found by the same reader with its
LaTeX delimiters on (what `drillbit import` converts notes with), so code and a lone
escaped bracket (`\\[` with no `\\]`) are not reported.
"""

from __future__ import annotations

from quiz.bank.markdown import scan_math

_CLOSE = {"\\(": ("\\)", "$"), "\\[": ("\\]", "$$")}
_SHOWN = 30
"""Characters of the formula the message quotes."""


def latex_delimiter_problems(text: str) -> list[tuple[int, str]]:
    """(offset in `text`, message) of each `\\(...\\)` or `\\[...\\]` formula outside code."""
    if "\\(" not in text and "\\[" not in text:
        return []
    found: list[tuple[int, str]] = []
    for span in scan_math(text, latex_delimiters=True).spans:
        pair = _CLOSE.get(span.delimiter)
        if pair is None:
            continue
        close, dollars = pair
        latex = " ".join(span.latex.split())
        shown = latex if len(latex) <= _SHOWN else latex[: _SHOWN - 3] + "..."
        found.append(
            (
                span.start,
                f"'{span.delimiter}{shown}{close}' is not math in a card and shows as "
                f"written: write {dollars}{shown}{dollars}",
            )
        )
    return found
