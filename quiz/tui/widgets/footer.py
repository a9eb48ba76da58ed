"""The key footer every screen shows, rebuilt only when the keys it shows change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.binding import Binding
    from textual.screen import Screen

ShownKey = tuple[str, "Binding", bool, str, str]
"""One key as the footer draws it: the key pressed, the binding, enabled, tooltip, display."""


class KeysFooter(Footer):
    """Textual's Footer, minus the rebuild when nothing it shows changed.

    The stock Footer removes and mounts all its key widgets on every bindings update, and
    Textual sends one on each focus change: moving between a drill's editor and its screen
    restyled every key for the same keys (a third of the Pilot tests' CPU, and the same
    work on each Tab a user presses). This one compares what it would show with what it
    shows, and recomposes only when they differ.

    Each key bound to the footer's `compact` also starts with the footer's value: a
    FooterKey starts compact and the binding then turned it back, two restylings of every
    key each time a screen mounted its footer.
    """

    def __init__(self, *, compact: bool = False) -> None:
        super().__init__(compact=compact)
        self._shown: tuple[bool, tuple[ShownKey, ...]] | None = None

    def compose(self) -> ComposeResult:
        """Footer's keys, the bound ones already in the footer's compact style."""
        for widget in super().compose():
            if isinstance(widget, FooterKey) and "compact" in (widget._reactive_connect or {}):
                widget.set_reactive(FooterKey.compact, self.compact)
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen[object]) -> None:
        """As Footer's, except that the rebuild waits for `_recompose_if_changed`."""
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._recompose_if_changed)

    def _keys(self) -> tuple[bool, tuple[ShownKey, ...]]:
        """Everything Footer.compose reads, as comparable values: the shown bindings and
        the command palette's, each with its enabled state, tooltip and key display."""
        app = self.app
        palette = self.show_command_palette and app.ENABLE_COMMAND_PALETTE
        return palette, tuple(
            (key, binding, enabled, tooltip, app.get_key_display(binding))
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or (palette and key == app.COMMAND_PALETTE_BINDING)
        )

    async def _recompose_if_changed(self) -> None:
        """Recompose when the keys differ from those last composed (always the first time)."""
        if not self.is_attached:
            return
        keys = self._keys()
        if keys != self._shown:
            self._shown = keys
            await self.recompose()
