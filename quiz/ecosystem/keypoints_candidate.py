"""A candidate key point (`PointCandidate`: its text, kind and place in the answer) and the
`PointCollector` that gathers them while an answer is read; its own module so the reader
and the formula points share them without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it.token import Token

from quiz.ecosystem.keypoints_sentences import single_spaced
from quiz.ecosystem.titles import plain_inline


@dataclass(frozen=True)
class PointCandidate:
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
    """What the candidate stands for when the answer is short of points (`unfolded_parts`): a
    sentence and the display formula it introduces as two points, an introducing sentence
    as a statement without its colon, the "where $d_k$ is ..." after a formula without its
    "where"."""


class PointCollector:
    def __init__(self) -> None:
        self.items: list[PointCandidate] = []
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
        text = single_spaced(text)
        if text:
            quoted = self.quote_depth > 0 and not labelled
            self.items.append(
                PointCandidate(
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


def inline_as_line(token: Token) -> str:
    """An inline token as one line: markup dropped, math and code kept, `$` signs escaped."""
    return single_spaced(plain_inline(token.children, display_inline=True, typed_tags=False))


def inline_holder(children: list[Token]) -> Token:
    """An inline token holding these children (to read them as one line)."""
    return Token("inline", "", 0, children=children)
