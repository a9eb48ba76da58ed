"""A card's one-line heading: its kind, its title, and where it sits (topic, position)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget


class CardHeading(Widget):
    """Kind, title and place on one line; a title too long for the width is cut with "…".

    The place ("attention · 2 done · 18 left") is what changes from card to card and what
    a person checks; a plain Label cut the line's end, so at 80 columns a long title hid it.
    """

    DEFAULT_CSS = """
    CardHeading {
        height: 1;
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
        """Show another card's heading."""
        self._parts = (kind, title, place)
        self.refresh()

    @property
    def text(self) -> Text:
        """The heading at the widget's width (its whole title when the width is unknown)."""
        kind, title, place = self._parts
        line = Text()
        if not kind and not title and not place:
            return line
        line.append(f" {kind} ", style="reverse")
        width = self.content_region.width
        room = width - cell_len(f" {kind}  ") - cell_len(f"  {place}")
        shown = Text(title)
        if width and shown.cell_len > room:
            shown.truncate(max(room, 1), overflow="ellipsis")
        line.append(f" {shown.plain}  ", style="bold")
        line.append(place, style="dim")
        return line

    def render(self) -> Text:
        return self.text
