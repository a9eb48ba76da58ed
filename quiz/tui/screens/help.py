"""Help: every binding of the screen it was opened from."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.actions import parse
from textual.app import App, ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from quiz.tui.screens.modal_notices import NoticedModal
from quiz.tui.widgets.footer import KeysFooter, declared_keys, declared_place

TABLE_ROWS = 18
"""The table's most rows (its header counted); it scrolls for the rest."""
AROUND_TABLE = 3
"""The help box's rows besides the table: its two borders and the title."""
FOOTER_ROWS = 1
"""The help's own key footer ("esc Close"), under the box: it took the box's foot's place
("escape closes") and a row of the screen."""
BOX_WIDTH = 70
"""The help box's width (drillbit.tcss), borders and padding in: its longest row fits."""
SCROLL_BAR = 2
"""What the table's scroll bar takes from its rows' width when the rows do not all fit."""
BROWSER_KEPT_KEYS = frozenset(
    {
        "ctrl+w",
        "ctrl+shift+w",
        "ctrl+f4",
        "ctrl+t",
        "ctrl+shift+t",
        "ctrl+n",
        "ctrl+shift+n",
        "ctrl+tab",
        "ctrl+shift+tab",
        "ctrl+pageup",
        "ctrl+pagedown",
        "ctrl+shift+q",
    }
)
"""Keys a browser keeps for itself, which never reach a page (Chromium's reserved tab and
window keys: close, new, reopen, switch, quit): served in a browser tab (`drillbit serve`),
the help offers none of them. The card browser's help listed ^w ("delete a word"), which
closed the tab instead."""


def box_width(rows: int, screen_height: int) -> int:
    """The box's width: BOX_WIDTH, and room for the scroll bar when `rows` (the header
    not counted) overflow the table. On a screen under 24 rows (a browser tab's 20) the bar
    cut the longest row ("steps, moc") and the table scrolled sideways too."""
    scrolls = rows + 1 > table_height(screen_height)
    return BOX_WIDTH + (SCROLL_BAR if scrolls else 0)


CTRL_LEGEND = "  ·  ^ is the ctrl key"
"""Said after the help's title when a key it lists is a ctrl key: the footer, the help and
every hint write ctrl+t as "^t" (the footer at 80 columns has no room for "ctrl+t"), and
a reader who knows Anki's Ctrl+Z learns the caret here once."""


def help_title(title: str, rows: Sequence[tuple[str, str]]) -> str:
    """The help's title line: the screen's name, and the caret's meaning when a row's keys
    hold a ctrl key ("^r", "shift+^w")."""
    caret = any("^" in keys for keys, _what in rows)
    return f"Keys: {title}{CTRL_LEGEND if caret else ''}"


TEXTUAL_FOCUS_KEYS = {
    "app.focus_next": "Next pane: move the focus on",
    "app.focus_previous": "Previous pane: move the focus back",
}
"""What tab and shift+tab do, in our words: Textual's "Focus Next" and "Focus Previous"
read as the names of actions, not as what the key does."""


def table_height(screen_height: int) -> int:
    """The table's most rows on a screen this high: TABLE_ROWS, or what the box (at most
    90% of the screen above the footer, as drillbit.tcss says) leaves with the title in it.

    Kept at 18 rows, the table filled a 24-row screen's box (21 rows) with the title, and
    the box's last row was cut off.
    """
    above_footer = screen_height - FOOTER_ROWS
    return max(3, min(TABLE_ROWS, above_footer * 9 // 10 - AROUND_TABLE))


def _no_tooltip(action: str) -> str | None:
    """A screen without `help_tooltip`: every key's binding says what it does."""
    return None


def help_rows(app: App[Any], screen: Screen[Any]) -> list[tuple[str, str]]:
    """The help's (keys, what they do) rows for `screen`: one row per meaning, its keys
    joined ("esc, q  End"), what a key does now before what it does at other times.

    A key that does something now is listed with that meaning only: the study screen's
    help listed enter four times ("⏎ Rate", "⏎ Open drill (not now)", "⏎ Suggested (not
    now)"...). A key that does nothing now is listed once, with its meanings at other
    times joined ("⏎  Rate / Next / Open drill (not now)"). A screen whose table hands it
    enter (Home's and the settings' RowSelected) names it in HELP_SCREEN_KEYS: the help
    lists what enter does there, not the table's "Select". A screen whose focused widget's
    own names mean nothing there (Home's table: "home  Home", "←  Cursor left") says what
    those keys do in HELP_FOCUSED_KEYS (or the widget in its HELP_KEYS), listed instead;
    tab and shift+tab are left out where only one widget takes the focus.
    """
    declared = [b for b in type(screen).BINDINGS if isinstance(b, Binding)]
    mine = {
        (b.action, b.description)
        for b in [*declared, *type(app).BINDINGS]
        if isinstance(b, Binding)
    }
    active = dict(screen.active_bindings)
    for key in getattr(screen, "HELP_SCREEN_KEYS", ()):
        for binding in declared:
            _namespace, name, parameters = parse(binding.action)
            if key in binding.key.split(",") and screen.check_action(name, parameters):
                own = Binding(key, binding.action, binding.description, tooltip=binding.tooltip)
                active[key] = ActiveBinding(screen, own, True, binding.tooltip)
                break
    if len(screen.focus_chain) <= 1:  # Home's table alone: tab moves the focus nowhere
        active = {
            key: found
            for key, found in active.items()
            if found.binding.action not in ("app.focus_next", "app.focus_previous")
        }
    # in the order the screen, then the app, declare them, as the footer shows them: the
    # drill's help began with "^a  Select all", a key its editor binds too
    screen_order, app_order = (
        declared_keys(type(screen).BINDINGS),
        declared_keys(type(app).BINDINGS),
    )
    active = dict(
        sorted(
            active.items(),
            key=lambda item: declared_place(
                (item[0], item[1].binding.action), screen_order, app_order
            ),
        )
    )
    doing = {key for key, found in active.items() if found.enabled}
    """Keys that do something now (a described binding or not)."""
    first: dict[str, list[str]] = {}  # what it does -> its keys, in order
    rest: dict[str, list[str]] = {}
    widget: dict[str, list[str]] = {}
    web = app.is_web
    for found in active.values():
        binding = found.binding
        if not found.enabled or not binding.description:
            continue
        if web and binding.key in BROWSER_KEPT_KEYS:
            continue
        description = binding.description
        if binding.action == "command_palette":
            description = "Find a card or a tag to study (command palette)"
        elif binding.action in TEXTUAL_FOCUS_KEYS:
            description = TEXTUAL_FOCUS_KEYS[binding.action]
        elif binding.tooltip and found.node is screen:
            # Home's d: "Plan: study today's plan in the highlighted row" (Textual's own
            # keys' tooltips repeat their description: "Quit the app and return ...");
            # a screen may say what a key does in its state (`help_tooltip`)
            said = getattr(screen, "help_tooltip", _no_tooltip)(binding.action)
            description = f"{description}: {said or binding.tooltip}"
        if found.node not in (screen, app):
            description = _widget_words(found.node, binding)
            target = widget
        else:
            target = first if (binding.action, binding.description) in mine else rest
        keys = target.setdefault(description, [])
        shown = app.get_key_display(binding)
        if shown not in keys:
            keys.append(shown)
    listed = {found.binding.description for found in active.values() if found.enabled}
    # One key's meanings in two states (Home's d: Due, or Plan while a plan runs) are
    # listed as the one that applies: Home's help said "d Plan" and "⏎, d Due (not now)".
    standing_in = {
        description
        for group in getattr(screen, "HELP_ALTERNATIVES", ())
        if group & listed
        for description in group
    }
    later: dict[str, list[tuple[str, str]]] = {}  # keys -> (word, what it does) at other times
    for binding in declared:
        # this screen's keys that do nothing right now (another phase, or a widget has them);
        # an undescribed one (study's space on a drill) is not listed: its empty word made
        # a choice card's space row "Reveal / ... / Next /  / Good (not now)", too wide
        if not binding.description:
            continue
        if binding.description in listed or binding.description in standing_in:
            continue
        keys = [key for key in binding.key.split(",") if key not in doing]
        if web:
            keys = [key for key in keys if key not in BROWSER_KEPT_KEYS]
        if not keys:
            continue
        shown = ", ".join(app.get_key_display(Binding(key, binding.action)) for key in keys)
        meanings = later.setdefault(shown, [])
        meaning = f"{binding.description} (not now)"
        if binding.tooltip:  # Home's a: "Ahead" alone told a new user nothing
            meaning = f"{binding.description}: {binding.tooltip} (not now)"
        why = getattr(screen, "help_not_now", None)
        words = why(binding.action) if callable(why) else None  # as `help_tooltip`: "rate(1)"
        if (
            isinstance(words, str) and words
        ):  # the screen says when it works: "(not now)" alone, with no plan set, did not
            meaning = words
        if meaning not in [said for _word, said in meanings]:
            meanings.append((binding.description, meaning))
    for description in [d for d in rest if d in first]:  # Home's q and ctrl+q: one Quit
        first[description] += [
            key for key in rest.pop(description) if key not in first[description]
        ]
    rows = [(", ".join(keys), description) for description, keys in first.items()]
    # keys meaning the same at other times in one row: the drill's ^t, f2 and h were
    # three rows of one "Hint ... (not now)"
    together: dict[str, list[str]] = {}
    for key_list, meanings in later.items():
        together.setdefault(_not_now(meanings), []).append(key_list)
    rows += [(", ".join(joined), meaning) for meaning, joined in together.items()]
    rows += [(", ".join(keys), description) for description, keys in rest.items()]
    focused: Sequence[tuple[str, str]] = getattr(screen, "HELP_FOCUSED_KEYS", ())
    if web:  # without the keys a browser keeps (^w there closed the tab)
        focused = getattr(screen, "HELP_FOCUSED_KEYS_WEB", focused)
    if not focused:  # a widget may say what its keys do (the number box: 27 rows of Input's)
        focused = getattr(screen.focused, "HELP_KEYS", ())
    if widget and focused:
        rows += [("", ""), *focused]
    elif widget:
        rows += [("", ""), ("", "In the focused widget:")]
        rows += [(", ".join(keys), description) for description, keys in widget.items()]
    return rows


def _not_now(meanings: Sequence[tuple[str, str]]) -> str:
    """A key's row for what it does at other times: what it does, or for a key of several
    meanings their words alone, each said in full in the help where it applies (the study
    screen's enter, "Rate, Next, Open drill, Suggested rating", would not fit 80 columns
    with what each does). Commas, not " / ": a choice card's space, "Reveal / Show answer
    / Rate / Next / Good (not now)", was two columns wider than the box at 80. A meaning
    comes with its "(not now)", or the screen's own words of when it works."""
    if len(meanings) == 1:
        return meanings[0][1]
    return ", ".join(word for word, _said in meanings) + " (not now)"


def _widget_words(node: object, binding: Binding) -> str:
    """What a focused widget's key does, in Textual's words but for one: an Input's right
    arrow, "Move cursor right or accept the completion suggestion", offers a suggestion a
    box without a suggester (the number box) never makes, and was wider than the help's
    box at 80 columns."""
    if isinstance(node, Input) and binding.action == "cursor_right" and node.suggester is None:
        return "Move cursor right"
    return binding.description


class HelpScreen(NoticedModal[None]):
    """A table of keys and what they do; escape closes it."""

    BOX = "#help-box"
    BINDINGS = [
        Binding("escape", "dismiss", "Close", tooltip="back to the screen"),
        Binding("q", "dismiss", "Close", show=False),
        Binding("question_mark", "dismiss", "Close", show=False),
    ]

    def __init__(self, title: str, rows: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.rows = list(rows)
        """(key, description) pairs, in binding order."""

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(help_title(self.title_text, self.rows), id="help-title")
            table: DataTable[str] = DataTable(id="help-table", cursor_type="row", show_cursor=False)
            table.styles.max_height = table_height(self.app.size.height)  # from the first frame
            yield table
        # its own keys at the bottom ("esc Close"), as ConfirmScreen: the screen under it
        # showed its keys there (Home's "d Due  c Cram ..."), none of which did anything here
        yield KeysFooter()

    def on_mount(self) -> None:
        self.screen_layout_refresh_signal.subscribe(self, self._place_notices)
        self._fit(self.app.size.height)
        table = self.query_one(DataTable)
        table.add_columns("key", "what it does")
        for key, description in self.rows:
            table.add_row(key, description)
        table.focus()

    def on_resize(self) -> None:
        self._fit(self.size.height)

    def _fit(self, screen_height: int) -> None:
        """The table's height and the box's width for a screen this high."""
        self.query_one(DataTable).styles.max_height = table_height(screen_height)
        self.query_one("#help-box").styles.width = box_width(len(self.rows), screen_height)
