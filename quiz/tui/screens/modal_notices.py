"""Where a notice lies while a modal (the help, a yes/no question) is open: in the rows its
box leaves free, never over the box's text; and the one step that docks a screen's notices
(the drill's too, `DrillScreen._place_notice`). Textual's rack of the modal put a notice that
was current when it opened (Home's "Session ended") at the bottom right, over the help
box's last lines and its corner."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.widgets._toast import Toast

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.widget import Widget


def dock_notices(screen: Screen[Any], dock: str, margin: tuple[int, int, int, int]) -> None:
    """Dock the screen's rack of notices at `dock` with `margin`, set only when it changed:
    each setting lays the screen out again, and the placing runs after every layout."""
    for rack in screen.query("#textual-toastrack"):
        if rack.styles.dock != dock or tuple(rack.styles.margin) != margin:
            rack.styles.dock = dock  # set, it lays out again: once
            rack.styles.margin = margin


def notices_beside(screen: Screen[Any], box: Widget, footer: Widget) -> None:
    """Lay the screen's notices in the larger free band, below the box (above the footer)
    or above it, as full-width lines (drillbit.tcss). Notices that do not fit that band are
    not drawn here: they stay on the screen under the modal and show once it closes, if
    their time is not up."""
    area, limit = box.region, footer.region.y or screen.size.height
    below, above = limit - area.bottom, area.y
    start, rows = (area.bottom, below) if below >= above else (0, above)
    dock_notices(screen, "top", (start, 0, 0, 0))
    needed = sum(toast.outer_size.height for toast in screen.query(Toast))
    screen.set_class(needed > rows, "-notices-after")
