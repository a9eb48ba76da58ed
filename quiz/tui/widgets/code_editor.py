"""The drill's code editor: a TextArea that keeps the line being edited in view."""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.widgets import TextArea


class CodeEditor(TextArea):
    """A code TextArea that wraps its lines before it draws them at a new width, and
    scrolls the cursor back into view when it is resized.

    A verdict shown under the editor, or a narrower terminal, takes rows from it; a plain
    TextArea keeps its scroll offset, so the line with the cursor could leave the view
    while the person was editing it.
    """

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
