"""Where a notice lies while a modal (the help, a yes/no question) is open: in the rows its
box leaves free, never over the box's text; and the one step that docks a screen's notices
(the drill's too, `DrillScreen._place_notice`); and the notices raised while a modal is open
that its free rows cannot hold, held until it closes (`NoticeHold`). Textual's rack of the
modal put a notice that was current when it opened (Home's "Session ended") at the bottom
right, over the help box's last lines and its corner."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from textual.screen import ModalScreen
from textual.widgets._toast import Toast

from quiz.tui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from textual.app import App
    from textual.notifications import Notification
    from textual.screen import Screen
    from textual.widget import Widget

TOAST_SIDES = 3
"""The columns a full-width notice's text loses: its border's left edge and its padding
(drillbit.tcss: `padding: 0 1`)."""


def dock_notices(screen: Screen[Any], dock: str, margin: tuple[int, int, int, int]) -> None:
    """Dock the screen's rack of notices at `dock` with `margin`, set only when it changed:
    each setting lays the screen out again, and the placing runs after every layout."""
    for rack in screen.query("#textual-toastrack"):
        if rack.styles.dock != dock or tuple(rack.styles.margin) != margin:
            rack.styles.dock = dock  # set, it lays out again: once
            rack.styles.margin = margin


def free_band(screen: Screen[Any], box: Widget, footer: Widget) -> tuple[int, int]:
    """The larger band of rows the box leaves free, below it (above the footer) or above
    it: its first row and its height."""
    area, limit = box.region, footer.region.y or screen.size.height
    below, above = limit - area.bottom, area.y
    return (area.bottom, below) if below >= above else (0, above)


def notice_rows(notification: Notification, width: int) -> int:
    """The rows a notice takes as a full-width line on a screen `width` wide: its title's,
    and its message's once wrapped at words."""
    text_width = max(1, width - TOAST_SIDES)
    lines = notification.message.splitlines() or [""]
    wrapped = sum(len(textwrap.wrap(line, text_width)) or 1 for line in lines)
    return wrapped + (1 if notification.title else 0)


class NoticeHold:
    """The notices raised while a modal is open that the rows its box leaves free cannot
    hold: kept back, and raised again with their full time once it closes
    (`DrillbitApp.on_notify` asks the modal's `hold_notice`). Shown under the modal,
    hidden, their time ran out while the person read the help: at 80x24 the drill's help
    leaves two rows under its box, and a pass's notice (its title and two lines) that
    came while it was open was never seen."""

    def __init__(self) -> None:
        self.held: list[Notification] = []

    def take(
        self, screen: Screen[Any], box: Widget, footer: Widget, notification: Notification
    ) -> bool:
        """Hold `notification` if the free band, less the notices shown in it, cannot."""
        _start, rows = free_band(screen, box, footer)
        shown = 0
        if not screen.has_class("-notices-after"):
            shown = sum(toast.outer_size.height for toast in screen.query(Toast))
        if shown + notice_rows(notification, screen.size.width) <= rows:
            return False
        self.held.append(notification)
        return True

    def release(self, app: App[Any]) -> None:
        """Raise the held notices again, each with its full time."""
        held, self.held = self.held, []
        for notice in held:
            app.notify(
                notice.message,
                title=notice.title,
                severity=notice.severity,
                timeout=notice.timeout,
                markup=notice.markup,
            )


def notices_beside(screen: Screen[Any], box: Widget, footer: Widget) -> None:
    """Lay the screen's notices in the larger free band, below the box (above the footer)
    or above it, as full-width lines (drillbit.tcss). Notices that do not fit that band are
    not drawn here: they stay on the screen under the modal and show once it closes, if
    their time is not up."""
    start, rows = free_band(screen, box, footer)
    dock_notices(screen, "top", (start, 0, 0, 0))
    needed = sum(toast.outer_size.height for toast in screen.query(Toast))
    screen.set_class(needed > rows, "-notices-after")


ResultT = TypeVar("ResultT")


class NoticedModal(ModalScreen[ResultT]):
    """A modal box (the help, a yes/no question) over the screen, with its keys in a
    `KeysFooter`, whose notices lie in the rows the box leaves free (`notices_beside`)
    and wait for it to close when those rows cannot hold them (`NoticeHold`): one place
    for what HelpScreen and ConfirmScreen did alike. A subclass names its box (`BOX`) and
    subscribes `_place_notices` to the layout's refresh when mounted."""

    BOX: ClassVar[str]
    """The selector of the modal's box."""

    def __init__(self) -> None:
        super().__init__()
        self.notice_hold = NoticeHold()

    def hold_notice(self, notification: Notification) -> bool:
        """Keep back a notice the rows the box leaves free cannot hold (`NoticeHold`)."""
        box, footer = self.query_one(self.BOX), self.query_one(KeysFooter)
        return self.notice_hold.take(self, box, footer, notification)

    def drop_held_notices(self) -> None:
        """Forget the held notices: the app cleared every notice."""
        self.notice_hold.held.clear()

    def on_unmount(self) -> None:
        self.notice_hold.release(self.app)

    def _place_notices(self, _screen: object) -> None:
        """After every layout: the notices in the rows the box leaves free."""
        notices_beside(self, self.query_one(self.BOX), self.query_one(KeysFooter))
