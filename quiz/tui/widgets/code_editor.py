"""The drill's code editor: a TextArea that keeps the line being edited in view."""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea


class CodeEditor(TextArea):
    """A code TextArea that scrolls the cursor back into view when it is resized.

    A verdict shown under the editor, or a narrower terminal, takes rows from it; a plain
    TextArea keeps its scroll offset, so the line with the cursor could leave the view
    while the person was editing it.
    """

    def on_resize(self, event: events.Resize) -> None:
        self.scroll_cursor_visible(animate=False)
