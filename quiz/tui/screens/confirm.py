"""A yes/no question, answered with y or n."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from quiz.tui.screens.modal_notices import NoticeHold, notices_beside
from quiz.tui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from textual.notifications import Notification


class ConfirmScreen(ModalScreen[bool]):
    """Dismisses with True on `y`, False on `n` or escape."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", tooltip="go ahead"),
        Binding("n", "answer(False)", "No", tooltip="leave it as it was"),
        Binding("escape", "answer(False)", "Cancel", show=False),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.notice_hold = NoticeHold()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(self.question, id="confirm-question", markup=False)  # it quotes titles
            yield Static("y = yes   n = no", id="confirm-keys")
        # its own keys at the bottom: the screen under it showed its own there ("⏎ Open
        # drill  s Skip  esc End" under "End the mock interview now?"), none of which
        # did anything while the question was up
        yield KeysFooter()

    def on_mount(self) -> None:
        self.screen_layout_refresh_signal.subscribe(self, self._place_notices)

    def hold_notice(self, notification: Notification) -> bool:
        """Keep back a notice the rows the box leaves free cannot hold (`NoticeHold`)."""
        box, footer = self.query_one("#confirm-box"), self.query_one(KeysFooter)
        return self.notice_hold.take(self, box, footer, notification)

    def drop_held_notices(self) -> None:
        """Forget the held notices: the app cleared every notice."""
        self.notice_hold.held.clear()

    def on_unmount(self) -> None:
        self.notice_hold.release(self.app)

    def _place_notices(self, _screen: object) -> None:
        """After every layout: the notices in the rows the box leaves free."""
        notices_beside(self, self.query_one("#confirm-box"), self.query_one(KeysFooter))

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)
