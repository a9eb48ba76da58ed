"""A candidate key point (`_Candidate`: its text, kind and place in the answer) and the
`_Collector` that gathers them while an answer is read; its own module so the reader
and the formula points share them without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it.token import Token

from quiz.ecosystem.keypoints_sentences import _one_line
from quiz.ecosystem.titles import plain_inline


@dataclass(frozen=True)
class _Candidate:
    text: str
    rank: int
    group: int
    order: int
    prose: bool = False
    """A sentence of running text: kept only when it ends like a sentence."""
    complete: bool = False
    """A sentence that ends with the display formula it introduces (no period after it)."""
    carries_on: bool = False
    """The rest of a sentence a formula, a list or a code block cut ("where ..."): it opens
    a paragraph in lowercase right after one, or after a paragraph left open (":")."""
    quoted: bool = False
    """Unlabelled text in a quote: "> Classic interview question." is a remark, no point."""
    parts: tuple[str, ...] = ()
    """What the candidate stands for when the answer is short of points (`_unfolded`): a
    sentence and the display formula it introduces as two points, an introducing sentence
    as a statement without its colon, the "where $d_k$ is ..." after a formula without its
    "where"."""


class _Collector:
    def __init__(self) -> None:
        self.items: list[_Candidate] = []
        self.group = 0
        self.quote_depth = 0

    def add(
        self,
        text: str,
        rank: int,
        *,
        prose: bool = False,
        complete: bool = False,
        carries_on: bool = False,
        labelled: bool = False,
        parts: tuple[str, ...] = (),
    ) -> None:
        text = _one_line(text)
        if text:
            quoted = self.quote_depth > 0 and not labelled
            self.items.append(
                _Candidate(
                    text,
                    rank,
                    self.group,
                    len(self.items),
                    prose,
                    complete,
                    carries_on,
                    quoted,
                    parts,
                )
            )

    def new_group(self) -> None:
        self.group += 1


def _inline_text(token: Token) -> str:
    """An inline token as one line: markup dropped, math and code kept, `$` signs escaped."""
    return _one_line(plain_inline(token.children, display_inline=True))


def _holder(children: list[Token]) -> Token:
    """An inline token holding these children (to read them as one line)."""
    return Token("inline", "", 0, children=children)
