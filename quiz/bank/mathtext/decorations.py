"""What only decorates or labels a formula: colour, boxes, phantoms and spaces of a given
width, equation labels and tags, a struck-out term. The terminal has none of them, so
each is shown by its content (``\\textcolor{red}{x}`` is ``x``, ``\\boxed{y = 1}`` is
``y = 1``), by a space, or not at all (``\\label``); a tag is set apart after the formula,
``(1)``, and a cancelled term is struck through, ``x̶``."""

from __future__ import annotations

from typing import Any, Final

from quiz.bank.mathtext.nodes import Handler, Walk


def _nothing(r: Walk, pos: int, args: list[Any]) -> str:
    """``\\color{red}``, ``\\label{eq:1}``, ``\\vphantom{x}``: nothing a line shows."""
    return ""


def _space(r: Walk, pos: int, args: list[Any]) -> str:
    """``\\hspace{1em}``, ``\\phantom{x}``: room left blank, one space in a line."""
    return " "


def _content(k: int, math: bool = True) -> Handler:
    """A decoration shown by its argument `k` (``\\boxed{y}``, ``\\textcolor{red}{y}``)."""

    def render(r: Walk, pos: int, args: list[Any]) -> str:
        return r.required(args, k, pos, math=math)

    return render


def _tag(r: Walk, pos: int, args: list[Any]) -> str:
    """``\\tag{1}`` set apart after the formula as ``(1)``; ``\\tag*{A}`` without brackets."""
    body = r.required(args, 1, pos, math=False).strip()
    starred = bool(args) and args[0] is not None
    return "  " + (body if starred else f"({body})") if body else ""


def _cancel(r: Walk, pos: int, args: list[Any]) -> str:
    """``\\cancel{x}``: each character struck through (a combining long stroke), ``x̶``."""
    body = r.required(args, 0, pos)
    return "".join(c if c.isspace() else c + "\u0336" for c in body)


DECORATIONS: Final[dict[str, Handler]] = {
    "color": _nothing,
    "label": _nothing,
    "vphantom": _nothing,
    "hspace": _space,
    "phantom": _space,
    "hphantom": _space,
    "textcolor": _content(2),
    "colorbox": _content(2, math=False),
    "boxed": _content(0),
    "fbox": _content(0, math=False),
    "tag": _tag,
    "cancel": _cancel,
    "bcancel": _cancel,
    "xcancel": _cancel,
}
"""Each decoration's rule; their argument specs are in `DECORATION_ARGS`."""

DECORATION_ARGS: Final[dict[str, str]] = {
    "color": "[{",
    "label": "{",
    "vphantom": "{",
    "hspace": "*{",
    "phantom": "{",
    "hphantom": "{",
    "textcolor": "[{{",
    "colorbox": "[{{",
    "boxed": "{",
    "fbox": "{",
    "tag": "*{",
    "cancel": "{",
    "bcancel": "{",
    "xcancel": "{",
}
"""How pylatexenc reads each decoration's arguments (``[`` optional, ``*`` a star)."""
