"""A yes/no question, answered with y or n."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from quiz.tui.screens.modal_notices import NoticedModal
from quiz.tui.widgets.footer import KeysFooter


class ConfirmScreen(NoticedModal[bool]):
    """Dismisses with True on `y`, False on `n` or escape."""

    BOX = "#confirm-box"
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", tooltip="go ahead"),
        Binding("n", "answer(False)", "No", tooltip="leave it as it was"),
        Binding("escape", "answer(False)", "Cancel", show=False),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
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

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)
