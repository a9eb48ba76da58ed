"""A card's heading: its kind, its title, and where it sits (topic, position)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from quiz.wrapping import fold_cells

MIN_ROOM = 8
"""The fewest cells a wrapped title's second line keeps beside the place (at 40 columns
and under, a cut title)."""


def _split(title: str, room: int) -> tuple[str, str]:
    """`title`'s first line in `room` cells, cut between words (inside a word only when its
    first word alone is wider: between characters, never inside a wide one), and the rest:
    `quiz.wrapping.fold_cells`' first line, the fold every other line of the app uses."""
    lines = fold_cells(title, room, cut_words=True)
    first = lines[0] if lines else ""
    return first, title[len(first) :].lstrip(" ")


def heading_rows(kind: str, title: str, place: str, width: int) -> list[tuple[str, str]]:
    """The heading's lines at `width` cells (the whole title on one when `width` is 0), each
    as (its part of the title, the place or ""): the first line starts with the kind's
    badge, the others under the title's first word.

    On one line when it fits; else the title wraps onto a second line and the place ends
    that line, the title cut with "…" only when two lines are not enough for it (the place
    on a third line of its own at 40 columns and under). A title cut on one line read "A
    numerically stable …" at 80 columns beside "activations · 0 done · 20 left, 1 coming
    back": the words that say which card it is were the ones lost.
    """
    if not width or cell_len(f" {kind}  {title}  {place}") <= width:
        return [(title, place)]
    room = max(width - cell_len(f" {kind}  "), 1)
    first, rest = _split(title, room)
    left = room - cell_len(f"  {place}")
    if left < MIN_ROOM:  # too narrow for both: the place on a line of its own
        return [(first, ""), *([(_cut(rest, room), "")] if rest else []), ("", place)]
    return [(first, ""), (_cut(rest, left), place)]


def _cut(text: str, room: int) -> str:
    """`text` in `room` cells, ending in "…" when it is cut."""
    if cell_len(text) <= room:
        return text
    cut = Text(text)
    cut.truncate(max(room, 1), overflow="ellipsis")
    return cut.plain


class CardHeading(Widget):
    """Kind, title and place on one line, or on two when the title is too long for one
    (`heading_lines`): the place ("attention · 2 answered · 18 still to see") is what changes from
    card to card and what a person checks, and the title is which card it is; a plain
    Label cut the line's end, so at 80 columns a long title hid the place.
    """

    DEFAULT_CSS = """
    CardHeading {
        height: auto;
    }
    """

    def __init__(
        self,
        kind: str = "",
        title: str = "",
        place: str = "",
        *,
        id: str | None = None,  # noqa: A002 (Textual's name)
    ) -> None:
        super().__init__(id=id)
        self._parts = (kind, title, place)

    def show(self, kind: str, title: str, place: str) -> None:
        """Show another card's heading (its height again: a title may need one more line)."""
        self._parts = (kind, title, place)
        self.refresh(layout=True)

    def _rows(self, width: int) -> list[tuple[str, str]]:
        kind, title, place = self._parts
        if not kind and not title and not place:
            return [("", "")]
        return heading_rows(kind, title, place, width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._rows(width))

    @property
    def text(self) -> Text:
        """The heading at the widget's width (its whole title when the width is unknown):
        the kind in reverse, the title in bold, the place dim."""
        kind, title, place = self._parts
        text = Text()
        if not kind and not title and not place:
            return text
        indent = " " * cell_len(f" {kind}  ")
        for number, (part, said) in enumerate(self._rows(self.content_region.width)):
            if number:
                text.append(f"\n{indent}")
            else:
                text.append(f" {kind} ", style="reverse")
                part = f" {part}"
            text.append(f"{part}  " if part and said else part, style="bold")
            text.append(said, style="dim")
        return text

    def render(self) -> Text:
        return self.text
