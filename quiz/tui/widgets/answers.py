"""Answer widgets of the study screen: pick options, type a number, tick key points."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Offset, Region
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from quiz.tui.widgets.in_order import InOrderInput

Inline = Sequence[tuple[str, bool]]
"""A one-line text in pieces of (text, is code), as `quiz.cardtext.inline_pieces` gives it."""

CODE = "answers--code"
"""The component class of inline code in options and key points (drillbit.tcss gives it
the style the card's Markdown gives inline code)."""


def inline_text(pieces: Inline, code: Style, style: str = "") -> Text:
    """One option or key point: its code pieces in the `code` style, all of it in `style`."""
    text = Text(style=style)
    for piece, is_code in pieces:
        text.append(piece, code if is_code else None)
    return text


def point_keys(count: int) -> str:
    """The digits that tick `count` key points or pick among `count` options: "1-3", or
    "1" for one."""
    return "1" if count == 1 else f"1-{count}"


def pick_label(*, multiple: bool) -> str:
    """What the option digits do, as the footer and the help say it: a one-answer card's
    digit picks one (another replaces it), a several-answer card's toggles each."""
    return "Toggle an option" if multiple else "Pick one"


class ChoicePicker(Static, can_focus=True):
    """The options of a choice card: digits toggle a pick, enter submits."""

    COMPONENT_CLASSES = {CODE}

    BINDINGS = [
        # 1 picks the first option; the footer shows it as the card's own digits ("1-4
        # Pick one", "1-6 Toggle"): the footer showed only "⏎ Submit", so a newcomer had no
        # word of how to pick. One binding per count and kind, check_action keeps this card's.
        *[
            Binding(
                "1",
                f"pick_first({count},{multiple})",
                pick_label(multiple=multiple),
                key_display=point_keys(count),
            )
            for count in range(1, 9)
            for multiple in (False, True)
        ],
        # undescribed: the footer's and the help's "1-4 Pick one" stands for them
        *[Binding(str(n), f"pick({n - 1})", "", show=False) for n in range(2, 9)],
        Binding("enter", "submit", "Submit"),
    ]

    picked: reactive[frozenset[int]] = reactive(frozenset())
    """Indexes currently picked."""

    class AnswerSubmitted(Message):
        """The person submitted their picks."""

        def __init__(self, picked: frozenset[int]) -> None:
            super().__init__()
            self.picked = picked

    def __init__(self, choices: Sequence[Inline], *, multiple: bool, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self.choices = tuple(choices)
        self.multiple = multiple
        self.correct: frozenset[int] | None = None
        """Set once graded: the right indexes, shown with marks."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only this card's digits: the footer's 1 made for its number of options and its
        kind, while it is not graded, and no digit past its last option (the help listed "8
        Pick 8" under four options)."""
        if action == "pick_first":
            return self.correct is None and parameters == (len(self.choices), self.multiple)
        if action == "pick":
            index = parameters[0]
            return isinstance(index, int) and index < len(self.choices)
        return True

    def action_pick_first(self, _count: int, _multiple: bool) -> None:
        """Key 1: pick the first option (the parameters only pick the footer's entry)."""
        self.action_pick(0)

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
        code = self.get_component_rich_style(CODE)
        for index, choice in enumerate(self.choices):
            box = "[x]" if index in self.picked else "[ ]"
            style = ""
            mark = " "
            if self.correct is not None:
                if index in self.correct:
                    mark, style = "✓", "bold green"
                elif index in self.picked:
                    mark, style = "✗", "bold red"
            grid.add_row(
                Text(f"{mark} {box} {index + 1}.", style=style), inline_text(choice, code, style)
            )
        if self.correct is None:
            hint = "several answers: toggle each" if self.multiple else "one answer"
            grid.add_row("", Text(f"({hint}; enter submits)", style="dim"))
        return grid

    def watch_picked(self) -> None:
        self.refresh()


DROPPED_FIRST = ("sqrt", "percent", "exponent", "fraction")
"""The forms left out, in this order, when a long unit leaves no room for them all:
√x stands for sqrt(x); a unit (parameters, pixels) seldom comes as a percentage."""

PLACEHOLDER_ROOM = 54
"""Columns inside the box (its 60 less a border and padding of 2 a side): more is cut."""


def number_placeholder(unit: str | None, examples: Mapping[str, str]) -> str:
    """The box's placeholder: the unit and as many of the card's example forms (form name
    to text, `quiz.study_view.number_examples`) as fit inside the box."""
    head = f"type a number in {unit}: " if unit else "type a number: "
    forms = dict(examples)
    for dropped in DROPPED_FIRST:
        if len(head) + len(", ".join(forms.values())) <= PLACEHOLDER_ROOM:
            break
        forms.pop(dropped, None)
    return head + ", ".join(forms.values())


class NumberAnswer(InOrderInput):
    """A typed number; enter submits."""

    class AnswerSubmitted(Message):
        """The person submitted a number (still text: the workspace parses it)."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(
        self,
        *,
        unit: str | None,
        examples: Mapping[str, str],
        value: str = "",
        id: str | None = None,  # noqa: A002 (Textual's name)
    ) -> None:
        # not selected on focus: a kept answer (`value`) is finished, not typed over
        placeholder = number_placeholder(unit, examples)
        super().__init__(value, placeholder=placeholder, id=id, select_on_focus=False)

    HELP_KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("enter", "Submit: check the number"),
        ("←, →", "Move in the number"),
        ("home, end", "Its start or its end"),
        ("^u, ^k", "Delete all before or after the cursor"),
    )
    """The box's keys in the help, in its words (help.py): Input's own were 27 rows at a
    number card's help ("^pgup  Page Left", "↑  Scroll Up", "shift+^←  Move cursor left a
    word and select"), 48 rows in a table of 17 at 80x24. ^w is left out: a browser tab
    keeps it (`drillbit serve`)."""
    SCREEN_KEYS = frozenset("? ")
    """Help and space (show the answer, as Anki's space): no answer starts with these, so an
    empty box leaves them to the screen and the app. Every letter is the box's: an answer
    may start with one (sqrt(128), ln 2, log 8), and s, b, x and u in an empty box skipped,
    buried, suspended or undid instead (escape leaves the box for the card's keys)."""

    @property
    def started(self) -> bool:
        """Something is typed: from then on space and ? belong to the answer too. Spaces
        alone are not: an Anki user's space (which reveals the answer there) still shows it."""
        return bool(self.value.strip())

    def check_consume_key(self, key: str, character: str | None) -> bool:
        """An empty box leaves ? and space to the screen (its footer shows them); the box
        takes every other printable key, and every one once something is typed."""
        if character is None or not character.isprintable():
            return False
        return self.started or character not in self.SCREEN_KEYS

    async def _on_key(self, event: events.Key) -> None:
        """? or space in an empty box goes on to the screen's keys, not into the box.

        Decided here, in the box's own turn, not by a priority key: keys typed in a burst
        ("1 ?" pasted or typed fast) reach the box in order, so the ? is judged with
        "1 " already in it.
        """
        if not self.started and event.character in self.SCREEN_KEYS:
            # neither InOrderInput's nor Input's handler: the key bubbles up unhandled
            event.prevent_default()
        # otherwise InOrderInput's handler runs next (a backspace typed fast, in order)

    async def action_submit(self) -> None:
        """Post the text up instead of Input's own Submitted."""
        self.post_message(self.AnswerSubmitted(self.value))


class KeyPointChecklist(Static, can_focus=True):
    """A concept card's key points, wrapped and numbered: a digit ticks that point.

    up/down move the highlight through points taller than their box. space is not theirs:
    it goes on to the rating keys, as the screen's footer and help say (it ticked the
    highlighted point, where an Anki user's space rates).
    """

    COMPONENT_CLASSES = {CODE}

    BINDINGS = [
        # 1 ticks the first point; the footer shows it as the card's own digits ("1-3"):
        # one binding per number of points, check_action keeps the one for this card.
        *[
            Binding("1", f"tick_first({count})", "Tick a point", key_display=point_keys(count))
            for count in range(1, 10)
        ],
        # undescribed: the footer's and the help's "1-3 Tick a point" stands for them
        *[Binding(str(n), f"tick({n - 1})", "", show=False) for n in range(2, 10)],
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("up,k", "move(-1)", "Up", show=False),
    ]

    selected: reactive[frozenset[int]] = reactive(frozenset())
    """Indexes of the ticked points."""
    cursor: reactive[int] = reactive(0)
    """The highlighted point: the last one ticked, or where up/down moved."""

    class Ticked(Message):
        """The set of ticked key points changed."""

        def __init__(self, ticked: int, total: int) -> None:
            super().__init__()
            self.ticked = ticked
            self.total = total

    def __init__(self, points: Sequence[Inline], *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self.points = tuple(points)
        self.heading = f"Key points you covered: {point_keys(len(self.points))} tick"
        """The title of the box around the points (the screen's scrolling column draws the
        border, so it stays while the points scroll)."""
        self.locked = False
        """True while the screen takes a rating: digits no longer tick."""

    @property
    def option_count(self) -> int:
        """How many points there are."""
        return len(self.points)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only this card's digits: the footer's 1 made for its number of points, and no
        digit past its last point (such a digit is left to the screen, which ignores it
        while the points are ticked)."""
        if action == "tick_first":
            return parameters == (len(self.points),)
        if action == "tick":
            index = parameters[0] if parameters else None
            return isinstance(index, int) and 0 <= index < len(self.points)
        return True

    def action_tick_first(self, _count: int) -> None:
        """Key 1: tick or untick the first point (`_count` only picks the footer's entry)."""
        self.action_tick(0)

    def action_tick(self, index: int) -> None:
        """Tick or untick one point (0-based)."""
        if self.locked or not 0 <= index < len(self.points):
            return
        self.selected = self.selected ^ {index}
        self.cursor = index
        self.post_message(self.Ticked(len(self.selected), len(self.points)))

    def action_move(self, step: int) -> None:
        """Move the highlight."""
        self.cursor = max(0, min(len(self.points) - 1, self.cursor + step))

    def render(self) -> Table:
        """One row per point: box, number and the wrapped text."""
        return self._grid(range(len(self.points)))

    def _grid(self, indexes: Sequence[int]) -> Table:
        """These points' rows: box, number and the wrapped text."""
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        code = self.get_component_rich_style(CODE)
        for index in indexes:
            ticked = index in self.selected
            style = "bold green" if ticked else ""
            if index == self.cursor and self.has_focus:
                style += " reverse"
            box = "[x]" if ticked else "[ ]"
            point = inline_text(self.points[index], code, style)
            grid.add_row(Text(f"{box} {index + 1}.", style=style), point)
        return grid

    def point_rows(self, index: int) -> Region:
        """The rows point `index` takes in the box's content (each point drawn alone takes
        the rows it takes among the others: the number column is as wide for all nine)."""
        console = self.app.console
        width = max(self.content_size.width, 1)
        options = console.options.update_width(width)
        top = sum(
            len(console.render_lines(self._grid([n]), options, pad=False)) for n in range(index)
        )
        height = len(console.render_lines(self._grid([index]), options, pad=False))
        return Region(0, top, width, height)

    def watch_selected(self) -> None:
        self.refresh()

    def watch_cursor(self) -> None:
        """Redraw, and scroll the highlighted point into view in the bordered column around
        the points (they are as tall as they are): at 80x24 the column showed five of
        seven points, and a digit or space ticked one out of sight."""
        self.refresh()
        parent = self.parent
        if self.is_mounted and isinstance(parent, Widget):
            gutter = self.styles.gutter  # the padding above the first point
            inside = self.virtual_region.offset + Offset(gutter.left, gutter.top)
            rows = self.point_rows(self.cursor).translate(inside)
            parent.scroll_to_region(rows, animate=False, immediate=True)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
