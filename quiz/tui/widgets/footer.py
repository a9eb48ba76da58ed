"""The key footer every screen shows, rebuilt only when the keys it shows change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.binding import Binding
from textual.compose import compose
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.screen import Screen
    from textual.widget import Widget

HELP_ACTIONS = frozenset({"help", "app.help"})
"""The help's key: the app's ? (its own action) or a screen's f1 (the app's, named)."""
WAY_OUT_ACTIONS = frozenset(
    {"end", "back", "quit", "app.quit", "app.pop_screen", "leave", "leave_passed"}
)
"""A screen's way out (a session's esc End, a list's esc Back, Home's q Quit, a drill's esc
Back or Next card, the stats' esc Back): on a footer too narrow for every key it follows
Help, rather than being the key cut ("esc E"). A drill's escape was not one: a passed
drill's footer at 80 columns ended "^f Next drill esc", its Back cut off."""
COMPACT_KEY_CELLS = 2
"""A compact key's cells besides its key and description: the space between them and
the one after it."""
ShownKey = tuple[str, "Binding", bool, str, str]
"""One key as the footer draws it: the key pressed, the binding, enabled, tooltip, display."""
KeyLook = tuple[str, str, str, str, bool, object, bool]
"""A key widget as composed: key, display, description, action, disabled, tooltip, and
whether it is the command palette's."""


def _look(widget: Widget) -> KeyLook | None:
    """What a key widget was composed with (None for anything but a plain FooterKey)."""
    tooltip = widget.tooltip if type(widget) is FooterKey else None
    if type(widget) is not FooterKey or not (tooltip is None or isinstance(tooltip, str)):
        return None
    return (
        widget.key,
        widget.key_display,
        widget.description,
        widget.action,
        widget._disabled,
        tooltip,
        widget.has_class("-command-palette"),
    )


def declared_keys(bindings: object) -> dict[tuple[str, str], int]:
    """Each (key, action) of a BINDINGS list -> where it is declared."""
    order: dict[tuple[str, str], int] = {}
    for binding in bindings if isinstance(bindings, list) else []:
        keys, action = (
            (binding.key, binding.action) if isinstance(binding, Binding) else binding[:2]
        )
        for key in keys.split(","):
            order.setdefault((key.strip(), action), len(order))
    return order


def in_declared_order(
    widgets: list[Widget],
    screen: dict[tuple[str, str], int],
    app: dict[tuple[str, str], int],
    *,
    help_first: bool = False,
) -> list[Widget]:
    """The footer's keys in a fixed order: the focused widget's own keys first (a
    checklist's "1-3 Tick a point", the options' "⏎ Submit"), as they came; then the
    screen's, in the order of its BINDINGS (`screen`: (key, action) -> place); then the app's
    (`app`, Help); the palette's key last.

    Footer lists keys in the order the focused widget, then the screen, then the app
    first bind them: a key a focused Input or TextArea also binds (ctrl+e, taken over by
    the screen) came first, so the card browser's footer began "^e $EDITOR ⏎ Open", and
    a drill's ^e moved from first to third as the focus left the editor. Anything but
    plain keys (a group of keys, none in drillbit) is left as Textual orders it.

    `help_first` puts the help's key (the app's ?, or a screen's f1) before all others,
    then the screen's way out (WAY_OUT_ACTIONS), for a footer too narrow for every key:
    what is cut is then a key the help lists, not the help nor the way out.
    """
    keys = [w for w in widgets if type(w) is FooterKey and not w.has_class("-grouped")]
    if len(keys) != len(widgets):
        return widgets
    palette = [key for key in keys if key.has_class("-command-palette")]
    keys = [key for key in keys if key not in palette]

    def first(key: FooterKey) -> int:
        if not help_first:
            return 2
        return 0 if key.action in HELP_ACTIONS else 1 if key.action in WAY_OUT_ACTIONS else 2

    def place(key: FooterKey) -> tuple[int, tuple[int, int]]:
        return (first(key), declared_place((key.key, key.action), screen, app))

    ordered = sorted(keys, key=place)
    return [*ordered, *palette]


def whole_keys(widgets: list[Widget], room: int) -> list[Widget]:
    """The compact keys of `widgets` that fit whole in `room` cells, in order; the rest are
    left out. Cut at the right as Textual cuts them, a passed drill's edited code at 80
    columns ended "^o Previous", a key's word half drawn and its name lost; the help
    lists every key left out. Anything but plain keys is left as it is."""
    if not room or any(type(w) is not FooterKey for w in widgets):
        return widgets
    kept: list[Widget] = []
    used = 0
    for widget in widgets:
        assert isinstance(widget, FooterKey)
        key = widget.key_display or widget.key
        used += cell_len(key) + cell_len(widget.description) + COMPACT_KEY_CELLS
        if used > room:
            break
        kept.append(widget)
    return kept


def declared_place(
    bound: tuple[str, str], screen: dict[tuple[str, str], int], app: dict[tuple[str, str], int]
) -> tuple[int, int]:
    """Where a (key, action) goes, for a stable sort of the keys shown (the footer's and
    the help's): the focused widget's own first, as they came; then the screen's in the
    order of its BINDINGS; then the app's (`declared_keys` of each)."""
    if bound in screen:
        return (1, screen[bound])
    if bound in app:
        return (2, app[bound])
    return (0, 0)


class KeysFooter(Footer):
    """Textual's Footer, minus the rebuild when nothing it shows changed.

    The stock Footer removes and mounts all its key widgets on every bindings update, and
    Textual sends one on each focus change: moving between a drill's editor and its screen
    restyled every key for the same keys (a third of the Pilot tests' CPU, and the same
    work on each Tab a user presses). This one compares what it would show with what it
    shows, and when they differ, removes the keys no longer shown and mounts the new ones
    where a recompose would put them, keeping the rest (a session's first card dropped
    one key after its answer box took the focus: a recompose restyled the other five).

    Each key bound to the footer's `compact` also starts with the footer's value: a
    FooterKey starts compact and the binding then turned it back, two restylings of every
    key each time a screen mounted its footer.

    Its keys are in the screen's first frame. Footer mounts them a refresh after the
    screen's first bindings update, which comes when the screen takes its focus or at the
    latest as it is shown, just before its first frame: a drill opened at 80 columns drew
    two frames with an empty footer. This one mounts its first keys in that update, fitted
    to the terminal's width (a footer is as wide as its screen; its own width comes with
    its first resize, after the first frame): mounted widgets are in the screen's layout
    at once.
    """

    def __init__(self, *, compact: bool = False) -> None:
        super().__init__(compact=compact)
        self._shown: tuple[bool, tuple[ShownKey, ...]] | None = None
        self._compact_asked = compact
        self._help_first = False
        """Whether the help's key comes first: the keys do not all fit even compact
        and without the palette's (Home at 60 columns cut Help to "? He")."""
        self._room = 0
        """The footer's width in cells, as last fitted: with the help first, the keys past
        it are left out whole (`whole_keys`)."""

    def on_resize(self) -> None:
        self._fit(self.size.width)

    def _fit(self, width: int) -> None:
        """Narrow the footer until its keys fit: compact, then without the palette's key.

        Textual's Footer cuts whatever does not fit: at 80 columns Home's seven keys, Help
        and the palette's key need 84 cells, and Help read "? He". Compact takes a cell
        less per key (Home: 75); the card browser's eight keys (Help among them) and the
        palette's need 92 cells, 83 compact, so there the palette's key goes (ctrl+p still
        opens it; Home's hint line says so).
        A footer asked to be compact stays compact; grouped keys (none in drillbit) are
        left as Textual draws them.
        Keys that still do not fit (Home at 60 columns) are cut at the right, as Textual
        cuts them, after Help is moved first: the help lists every key cut.
        """
        if self._compact_asked or self._shown is None or not width:
            return
        app = self.app
        _palette, keys = self._shown
        if any(binding.group is not None for _key, binding, *_rest in keys):
            return
        cells: dict[str, int] = {}  # Footer shows the first key of each action
        for key, binding, _enabled, _tooltip, display in keys:
            if key != app.COMMAND_PALETTE_BINDING:
                cells.setdefault(binding.action, len(display) + len(binding.description) + 3)
        need = sum(cells.values())
        palette = 0
        found = self.screen.active_bindings.get(app.COMMAND_PALETTE_BINDING)
        if app.ENABLE_COMMAND_PALETTE and found is not None:
            palette = len(app.get_key_display(found[1])) + len(found[1].description) + 4
        self.compact = width < need + palette
        show_palette = width >= need - len(cells) + palette - 1
        help_first = width < need - len(cells)  # compact, without the palette's key
        if help_first != self._help_first or (help_first and width != self._room):
            self._help_first, self._room = help_first, width
            if show_palette == self.show_command_palette:
                self.call_after_refresh(self._reorder)
        if show_palette != self.show_command_palette:
            self.show_command_palette = show_palette
            self.call_after_refresh(self._recompose_if_changed)

    async def _reorder(self) -> None:
        """Put the keys in the order `_help_first` asks (the keys themselves unchanged)."""
        if self.is_attached and self.screen.is_current and self._shown is not None:
            await self._update_keys()

    def compose(self) -> ComposeResult:
        """Footer's keys, the bound ones already in the footer's compact style, in the
        order the screen declares them (`in_declared_order`)."""
        widgets = list(super().compose())
        for widget in widgets:
            if isinstance(widget, FooterKey) and "compact" in (widget._reactive_connect or {}):
                widget.set_reactive(FooterKey.compact, self.compact)
                widget.set_class(self.compact, "-compact", update=False)
        ordered = in_declared_order(
            widgets,
            declared_keys(type(self.screen).BINDINGS),
            declared_keys(type(self.app).BINDINGS),
            help_first=self._help_first,
        )
        yield from whole_keys(ordered, self._room) if self._help_first else ordered

    def bindings_changed(self, screen: Screen[object]) -> None:
        """As Footer's, except that the first keys are mounted at once and a later change
        waits for `_recompose_if_changed`."""
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            if self._shown is None:
                self._mount_first_keys()
            else:
                self.call_after_refresh(self._recompose_if_changed)

    def _mount_first_keys(self) -> None:
        """Mount the keys now, fitted to the terminal's width (the footer's own comes with
        its first resize, after the first frame)."""
        self._shown = self._keys()
        self._fit(self.app.size.width)
        self._shown = self._keys()  # with the palette's key if _fit kept it
        self.mount_all(compose(self))

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
        """Update the keys when they differ from those last composed. Not for a screen that
        is no longer shown: the update runs when the app's current screen is next idle, and
        a screen popped meanwhile may be half taken down, its table gone while its footer
        still asks `check_action` (the card browser raised NoMatches and the app stopped).
        A screen shown again asks for its keys anew (`bindings_changed`)."""
        if not self.is_attached or not self.screen.is_current:
            return
        keys = self._keys()
        if keys != self._shown:
            self._shown = keys
            self._fit(self.size.width)
            if any(binding.group is not None for _, binding, *_rest in keys[1]):
                await self.recompose()  # grouped keys: containers and labels, not only keys
            else:
                await self._update_keys()

    async def _update_keys(self) -> None:
        """The children a recompose would give, keeping the key widgets that stay the same."""
        if self._pruning:
            return  # as recompose: the footer is being removed
        shown = list(self.children)
        wanted = compose(self)
        old, new = [_look(w) for w in shown], [_look(w) for w in wanted]
        at = {look: index for index, look in enumerate(old)}
        kept = [at[look] for look in new if look in at]
        if (
            None in old
            or None in new
            or len(at) != len(old)
            or len(set(new)) != len(new)
            or kept != sorted(kept)
        ):
            await self.recompose()  # not only keys, or keys in another order
            return
        staying = set(new)
        async with self.batch():
            gone = [widget for widget, look in zip(shown, old, strict=True) if look not in staying]
            if gone:
                await self.remove_children(gone)
            # Each run of new keys is mounted before the next key that stays (or at the end).
            run: list[Widget] = []
            for widget, look in zip(wanted, new, strict=True):
                if look not in at:
                    run.append(widget)
                elif run:
                    await self.mount_all(run, before=shown[at[look]])
                    run = []
            if run:
                await self.mount_all(run)
