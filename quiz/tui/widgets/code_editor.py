"""The drill's code editor: a TextArea that keeps the line being edited in view and
indents as Python editors do."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.widgets import TextArea
from textual.widgets.text_area import Location, Selection

from quiz.drill_source import source_size, without_lone_surrogates

BLOCK_END = re.compile(r"(return|pass|raise|break|continue)\b")
"""A statement after which no more lines of its block run: enter goes back a level."""


class CodeEditor(TextArea):
    """A code TextArea that wraps its lines before it draws them at a new width, and
    scrolls the cursor back into view when it is resized.

    A verdict shown under the editor, or a narrower terminal, takes rows from it; a plain
    TextArea keeps its scroll offset, so the line with the cursor could leave the view
    while the person was editing it.

    An enter typed before the editor was on screen is dropped (see `show_keys_from_now`).

    Enter keeps the indent of the line it splits, adds one level after a line whose code
    ends in ':' (a def, an if, a for...) and goes back one after a return, pass, raise,
    break or continue; backspace in the blanks before a line's code goes back one level,
    not one space; tab and shift+tab on a selection indent and dedent its lines. A plain TextArea put the cursor at column 0 after every enter, which no
    code editor does.

    ctrl+home and ctrl+end go to the start and the end of the code (with shift, selecting
    to there), as in every code editor: a terminal and tmux send them (tmux as
    `ESC [1;5H` and `ESC [1;5F`, read by Textual as ctrl+home and ctrl+end), but TextArea
    binds neither, so the keys did nothing.

    Home and End go by the line of code, whether or not it is wrapped (`line_start`,
    `line_end`): TextArea's Home toggled between the indent and column 0 on a short line
    but, on a line wrapped at the editor's edge, only reached the start of the wrapped
    part the cursor was on, and pressed again did nothing; its End stopped a character
    before a wrapped part's end and went no further.
    """

    BINDINGS = [
        Binding("ctrl+home", "code_start", "Start of the code", show=False),
        Binding("ctrl+end", "code_end", "End of the code", show=False),
        Binding("ctrl+shift+home", "code_start(True)", "Select to the start", show=False),
        Binding("ctrl+shift+end", "code_end(True)", "Select to the end", show=False),
    ]

    HELP_KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("↑ ↓ ← →", "Move a character (with shift: select)"),
        ("^←, ^→", "Move a word (with shift: select)"),
        ("home, end", "Line start, end (with shift: select)"),
        ("^home, ^end", "Code start, end (with shift: select)"),
        ("pgup, pgdn", "Page up, down"),
        ("f6, f7", "Select the line, all the code"),
        ("^x, ^c, ^v", "Cut, copy, paste"),
        ("^z, ^y", "Undo, redo"),
        ("backspace, del", "Delete a character left, right"),
        ("^⌫, alt+del", "Delete a word left, right"),
        ("^u, ^k", "Delete to the line's start, end"),
        ("shift+^k", "Delete the line"),
    )
    """The editor's keys in the drill's help, a few to a row (help.py): TextArea's own were
    38 rows in Textual's words ("Cursor left word select", "Delete right to start of
    word"), under the drill's 15 in a table of 17 at 80x24. Keys the drill takes first
    (^a, ^e) are the drill's rows; ^w is left out, as a browser tab keeps it (`drillbit
    serve`): ^⌫ deletes the word too."""

    keys_from: float | None = None
    """When the editor was first drawn, on the clock of the keys' time stamps; None until
    then."""

    max_bytes: int | None = None
    """The most UTF-8 bytes a paste may bring the code to (None: no limit): past it the
    paste is refused whole (`PasteRefused`), as inserting megabytes froze the app."""

    class Shown(Message):
        """The editor is on screen; the message's own `time` is when."""

    class PasteRefused(Message):
        """A paste was not inserted: the code would have been `size` bytes, over `max_bytes`."""

        def __init__(self, size: int) -> None:
            super().__init__()
            self.size = size

    async def _on_paste(self, event: events.Paste) -> None:
        """Refuse a paste that brings the code over `max_bytes`: the code stays as it was
        (the paste is still on the clipboard) and `PasteRefused` says so. Any other paste
        goes on to TextArea's own handler, which inserts it (Textual calls it next), with
        any lone surrogate as U+FFFD (see `without_lone_surrogates`)."""
        event.text = without_lone_surrogates(event.text)
        if self.max_bytes is not None and not self.read_only:
            size = self._size_after_paste(event.text)
            if size > self.max_bytes:
                event.prevent_default()
                self.post_message(self.PasteRefused(size))

    def _size_after_paste(self, pasted: str) -> int:
        """The code's size in UTF-8 bytes once `pasted` replaces the selection."""
        assert self.max_bytes is not None
        added = source_size(pasted)
        if added > self.max_bytes:  # settled without measuring the code
            return added
        return source_size(self.text) - source_size(self.selected_text) + added

    def show_keys_from_now(self) -> None:
        """The editor is on screen: an enter typed from now on is typed into it.

        On a loaded machine the second enter of a quick double press on a coding card (the
        first opens the drill) was handled after this editor had the focus, a blank line
        at the top of the code. Every key carries the time the terminal's input was read
        (`Message.time`): an enter read before the editor was drawn was meant for the card,
        not the code. The stamp to compare with is a message's `time` too, on the same
        clock through public attributes only (Textual has no public function for that
        clock; `textual._time.get_time` is private). Until the message is handled every
        enter is dropped, as before the first frame: those queued before it were read
        before it was made.
        """
        self.post_message(self.Shown())

    def on_code_editor_shown(self, message: Shown) -> None:
        message.stop()
        self.keys_from = message.time

    async def _on_key(self, event: events.Key) -> None:
        if self.read_only:
            return
        if event.key in ("tab", "shift+tab") and self._shifts_lines(event.key == "tab"):
            event.prevent_default()
            event.stop()
            return
        if event.key != "enter":
            return
        event.prevent_default()  # TextArea's own handler would insert a bare line break
        event.stop()
        if self.keys_from is None or event.time < self.keys_from:
            return
        self._restart_blink()  # as TextArea's own key handler does: the cursor shows at once
        start, end = self.selection
        indent = self._indent_after(min(start, end))
        self.replace("\n" + indent, start, end, maintain_selection_offset=False)

    def _indent_after(self, location: Location) -> str:
        """The blanks a line broken at `location` starts with: the broken line's indent (no
        more than its blanks before the break), one level more when its code before the
        break ends in ':', one level less after a statement that ends its block (return,
        pass, raise, break, continue), as Python editors do."""
        row, column = location
        before = self.document[row][:column]
        indent = before[: len(before) - len(before.lstrip(" \t"))]
        code = code_of(before).strip()
        level = "\t" if self.indent_type == "tabs" else " " * self.indent_width
        if code.endswith(":"):
            return indent + level
        if BLOCK_END.match(code):
            return indent.removesuffix(level) if indent.endswith(level) else ""
        return indent

    def _shifts_lines(self, indent: bool) -> bool:
        """Tab on a selection over several lines indents them one level and shift+tab on
        any selection takes one level off its lines, as code editors do; the lines stay
        selected for the next press. False, and nothing changed, where the key keeps its
        usual job: tab types blanks, shift+tab leaves the editor.

        TextArea replaced the selection with the tab's blanks: the block a person had
        selected to indent was deleted, and shift+tab had no way to dedent it."""
        start, end = sorted(self.selection)
        first, last = start[0], end[0]
        if start == end or (indent and first == last):
            return False
        if last > first and end[1] == 0:  # ends at the start of a line: not that line
            last -= 1
        level = "\t" if self.indent_type == "tabs" else " " * self.indent_width
        lines = [self.document[row] for row in range(first, last + 1)]
        shifted = [
            (level + line if line.strip() else line) if indent else _dedented(line, level)
            for line in lines
        ]
        if shifted == lines:
            return True  # nothing left to dedent: the selection stays, nothing is undone
        self.replace("\n".join(shifted), (first, 0), (last, len(lines[-1])))
        self.selection = Selection((first, 0), (last, len(shifted[-1])))
        return True

    def action_cursor_line_start(self, select: bool = False) -> None:
        """Home: to `line_start`'s column (shift+home: selecting to it)."""
        row, column = self.cursor_location
        self.move_cursor(
            (row, line_start(self.document[row], column, self._wrap_offsets(row))), select=select
        )

    def action_cursor_line_end(self, select: bool = False) -> None:
        """End: to `line_end`'s column (shift+end: selecting to it)."""
        row, column = self.cursor_location
        self.move_cursor(
            (row, line_end(self.document[row], column, self._wrap_offsets(row))), select=select
        )

    def _wrap_offsets(self, row: int) -> list[int]:
        """Where the line `row` is wrapped on screen (empty when it fits the editor)."""
        return list(self.wrapped_document.get_offsets(row)) if self.soft_wrap else []

    def action_code_start(self, select: bool = False) -> None:
        """The cursor to the first character of the code (`select`: selecting to it)."""
        self.move_cursor((0, 0), select=select)

    def action_code_end(self, select: bool = False) -> None:
        """The cursor after the last character of the code (`select`: selecting to it)."""
        self.move_cursor(self.document.end, select=select)

    def action_delete_left(self) -> None:
        """In the blanks before a line's code, go back to the previous indent level (one
        level of spaces, fewer to reach a multiple of the indent width); elsewhere delete
        one character, as TextArea does."""
        if self.read_only or not self.selection.is_empty:
            super().action_delete_left()
            return
        row, column = self.cursor_location
        before = self.document[row][:column]
        if not before or before.strip(" ") or self.indent_type == "tabs":
            super().action_delete_left()
            return
        step = (column - 1) % self.indent_width + 1
        self.delete((row, column - step), (row, column), maintain_selection_offset=False)

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        """Rewrap as soon as the layout gives the editor its size, before it is drawn.

        TextArea rewraps in its Resize handler, and Textual sends Resize after the frame
        drawn at the new size: a drill's first frame showed the starter's long lines cut at
        the editor's edge, wrapped a frame later. The compositor calls this (a Textual
        internal, the one synchronous hook between layout and drawing) with the size the
        frame is drawn at; a renamed hook fails the drill's first-frame test.
        """
        resized = super()._size_updated(size, virtual_size, container_size, layout)
        if resized and self.soft_wrap:  # its Resize handler wraps again: a few lines
            self._rewrap_and_refresh_virtual_size()
        return resized

    def on_resize(self, event: events.Resize) -> None:
        self.scroll_cursor_visible(animate=False)


def line_start(line: str, column: int, wraps: Sequence[int]) -> int:
    """Where Home takes a cursor at `column` of `line` (wrapped on screen at `wraps`): the
    start of the wrapped part it is on, when that is past the line's indent; else the
    first character of the code, or column 0 from there (or from inside the indent), so
    pressing it again always goes on towards the line's start, as code editors do."""
    indent = len(line) - len(line.lstrip(" \t"))
    part = max((offset for offset in wraps if offset <= column), default=0)
    if indent < part < column:
        return part
    return indent if column == 0 or column > indent else 0


def line_end(line: str, column: int, wraps: Sequence[int]) -> int:
    """Where End takes a cursor at `column` of `line`: the end of the wrapped part it is on
    (its last character, where TextArea draws a cursor on that part), then the line's end."""
    part_end = min((offset - 1 for offset in wraps if offset > column), default=len(line))
    return part_end if column < part_end else len(line)


def _dedented(line: str, level: str) -> str:
    """`line` one indent `level` back: a tab, or up to the level's width of spaces."""
    if level == "\t":
        return line.removeprefix("\t")
    return line[min(len(level), len(line) - len(line.lstrip(" "))) :]


def code_of(line: str) -> str:
    """`line` without its comment: the text before a '#' that is outside every string
    literal the line opens and closes (a string still open at the end keeps the rest)."""
    quote = ""
    index = 0
    while index < len(line):
        char = line[index]
        if quote:
            if char == "\\":
                index += 1
            elif line.startswith(quote, index):
                index += len(quote) - 1
                quote = ""
        elif char == "#":
            return line[:index]
        elif char in "'\"":
            quote = char * 3 if line.startswith(char * 3, index) else char
            index += len(quote) - 1
        index += 1
    return line
