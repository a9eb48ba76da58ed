"""The advice for an answer Markdown reads as a code block because its lines are indented:
an import report says why such an answer has no statements and how to fix it.
"""

from __future__ import annotations

from markdown_it.token import Token

from quiz.bank.markdown import parse
from quiz.ecosystem.notes.tabs import why_code


def indented_hint(answer: str, answer_tokens: list[Token] | None) -> str:
    """Why an answer indented by a tab or four spaces has no statements: Markdown reads
    those lines as a code block, whose text is no prose (a note pasted from an outline).
    The advice fits the block: code is fenced to stay code (taking its indent off would
    make it a paragraph of code), prose loses its indent."""
    tokens = answer_tokens if answer_tokens is not None else parse(answer)
    block = next((token for token in tokens if token.type == "code_block"), None)
    if block is None:
        return ""
    said = (
        "; its lines are indented by a tab or four spaces, which Markdown reads as a "
        "code block, not prose"
    )
    why = why_code(block.content.rstrip("\n").split("\n"))
    if why is None:
        return f"{said}: remove the indent to make them prose"
    return (
        f"{said} ({why}): to keep them code, fence them with ``` and write the answer in "
        "sentences beside them; if they are prose, remove the indent"
    )
