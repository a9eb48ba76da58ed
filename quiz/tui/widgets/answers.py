"""Answer widgets of the study screen: pick options, type a number, tick key points."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, SelectionList, Static


class ChoicePicker(Static, can_focus=True):
    """The options of a choice card: digits toggle a pick, enter submits."""

    BINDINGS = [
        *[Binding(str(n), f"pick({n - 1})", f"Pick {n}", show=False) for n in range(1, 9)],
        Binding("enter", "submit", "Submit"),
    ]

    picked: reactive[frozenset[int]] = reactive(frozenset())
    """Indexes currently picked."""

    class AnswerSubmitted(Message):
        """The person submitted their picks."""

        def __init__(self, picked: frozenset[int]) -> None:
            super().__init__()
            self.picked = picked

    def __init__(self, choices: Sequence[str], *, multiple: bool, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self.choices = tuple(choices)
        self.multiple = multiple
        self.correct: frozenset[int] | None = None
        """Set once graded: the right indexes, shown with marks."""

    def action_pick(self, index: int) -> None:
        """Pick (or, for multi-answer cards, toggle) one option."""
        if self.correct is not None or not 0 <= index < len(self.choices):
            return
        if self.multiple:
            self.picked = self.picked ^ {index}
        else:
            self.picked = frozenset({index})

    def action_submit(self) -> None:
        """Send the picks up; nothing is sent while nothing is picked."""
        if self.correct is None and self.picked:
            self.post_message(self.AnswerSubmitted(self.picked))
        elif not self.picked:
            self.notify("Pick an option with its number first.", severity="warning")

    def show_result(self, correct: frozenset[int]) -> None:
        """Mark the right options and the wrong picks; picking is over."""
        self.correct = correct
        self.refresh()

    def render(self) -> Table:
        """One row per option: mark, pick box and number, then the wrapped option text."""
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        for index, choice in enumerate(self.choices):
            box = "[x]" if index in self.picked else "[ ]"
            style = ""
            mark = " "
            if self.correct is not None:
                if index in self.correct:
                    mark, style = "✓", "bold green"
                elif index in self.picked:
                    mark, style = "✗", "bold red"
            grid.add_row(Text(f"{mark} {box} {index + 1}.", style=style), Text(choice, style=style))
        if self.correct is None:
            hint = "several answers: toggle each" if self.multiple else "one answer"
            grid.add_row("", Text(f"({hint}; enter submits)", style="dim"))
        return grid

    def watch_picked(self) -> None:
        self.refresh()


class NumberAnswer(Input):
    """A typed number; enter submits."""

    class AnswerSubmitted(Message):
        """The person submitted a number (still text: the workspace parses it)."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, *, unit: str | None, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        placeholder = "type a number (1e-3, 25%, 1/4 work)" + (f" in {unit}" if unit else "")
        super().__init__(placeholder=placeholder, id=id)

    async def action_submit(self) -> None:
        """Post the text up instead of Input's own Submitted."""
        self.post_message(self.AnswerSubmitted(self.value))


class KeyPointChecklist(SelectionList[int]):
    """A concept card's key points, ticked with space to guide the self-rating."""

    BINDINGS = [Binding("space", "select", "Tick")]

    class Ticked(Message):
        """The set of ticked key points changed."""

        def __init__(self, ticked: int, total: int) -> None:
            super().__init__()
            self.ticked = ticked
            self.total = total

    def __init__(self, points: Sequence[str], *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(*[(point, index) for index, point in enumerate(points)], id=id)
        self.border_title = "Key points you covered (space ticks)"

    def _on_selection_list_selected_changed(
        self, event: SelectionList.SelectedChanged[int]
    ) -> None:
        event.stop()
        self.post_message(self.Ticked(len(self.selected), self.option_count))
