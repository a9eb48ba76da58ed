"""Lint warning: a paragraph indented by a tab or four spaces, which Markdown reads as code.

After a blank line, a line indented four columns (a tab is four) starts an indented code
block: the app shows it as code, in a box, as written, math and emphasis unrendered. An
author who indents a paragraph (a habit from word processors, or a tab an editor put in)
sees a plain paragraph in their editor and a code box on the card. The bundled bank fences
all of its code (```), so an indented block is a slip: a warning, at its first line, since
CommonMark allows it.
"""

from __future__ import annotations

from collections.abc import Sequence

from quiz.bank.markdown import code_blocks
from quiz.bank.models import Card
from quiz.bank.problems import Problem

__all__ = ["indented_code_warnings"]


def indented_code_warnings(cards: Sequence[Card]) -> list[Problem]:
    """An `indented-code` warning at the first line of each indented code block."""
    return [
        Problem(
            card.path,
            section.line + block.first_line,
            1,
            "indented-code",
            f"## {name}: this line is indented by a tab or four spaces after a blank line, "
            "so Markdown shows it as code, unrendered: remove the indentation, or fence "
            "code with ``` lines",
            severity="warning",
        )
        for card in cards
        for name, section in card.sections.items()
        for block in code_blocks(section.text)
        if not block.fenced
    ]
