"""pylatexenc's nodes as the rules read them: a node list as items (each character of a
text run on its own, with its offset), the tests the rules ask of one node, and the
shape of a macro's rule (`Handler`) and of the walk it is handed (`Walk`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from pylatexenc import latexwalker as _lw

Item = tuple[str | None, Any, int]
"""A single character of a chars node (with its position), or a whole node."""


class Walk(Protocol):
    """What a rule asks of the walk (`walker.Renderer`): its arguments, and any nodes,
    rendered. A protocol, so the rules never import the walker that imports them."""

    def render(self, nodes: Sequence[Any], math: bool) -> str: ...

    def required(self, args: list[Any], k: int, pos: int, math: bool = True) -> str: ...

    def arg(self, node: Any, math: bool) -> str: ...

    def render_items(self, items: list[Item]) -> str: ...


Handler = Callable[[Walk, int, list[Any]], str]
"""A macro's rule: the walk, the macro's offset and its arguments, to its text."""


def as_items(nodes: Sequence[Any]) -> list[Item]:
    """The nodes as items: a text run split into its characters, so that a script or an
    ``&`` inside one is seen where it stands."""
    found: list[Item] = []
    for node in nodes:
        if node is None:
            continue
        if node.isNodeType(_lw.LatexCharsNode):
            found.extend((ch, None, node.pos + k) for k, ch in enumerate(node.chars))
        else:
            found.append((None, node, node.pos))
    return found


def is_macro(node: Any, *names: str) -> bool:
    """A macro node named one of `names`."""
    return node is not None and node.isNodeType(_lw.LatexMacroNode) and node.macroname in names


def blank(node: Any) -> bool:
    """Whitespace only: what may stand before a group's font switch."""
    return node is not None and node.isNodeType(_lw.LatexCharsNode) and not node.chars.strip()


class CharNode:
    """One character of a chars node, rendered again as a node (a cell of an array)."""

    def __init__(self, chars: str, pos: int) -> None:
        self.chars = chars
        self.pos = pos

    def isNodeType(self, kind: type) -> bool:  # noqa: N802 - pylatexenc's name
        return kind is _lw.LatexCharsNode
