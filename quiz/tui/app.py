"""The app and its one factory, `make_app`, used by the CLI and the tests alike."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Sequence
from pathlib import Path
from random import Random
from typing import TYPE_CHECKING, Any

from fsrs import Scheduler
from textual import events
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets._toast import ToastHolder

from quiz.clock import Zone
from quiz.errors import DrillbitError
from quiz.gcpause import StartupCollector, freeze_at_exit
from quiz.overview import nothing_to_study, request_for
from quiz.settings import Settings
from quiz.store import StoreNotice
from quiz.study.days import local_timezone
from quiz.tui.key_gate import KeyGate
from quiz.tui.navigation import screen_under
from quiz.tui.screens.modal_notices import NoticedModal, NoticeHold
from quiz.tui.timers import fire_late_one_shots
from quiz.workspace import Clock, Grader, StudyRequest, Workspace, utc_now

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.notifications import Notify, SeverityLevel
    from textual.theme import Theme

    from quiz.tui.screens.browser import BrowserScreen
    from quiz.tui.screens.drill import DrillScreen
    from quiz.tui.screens.home import HomeScreen
    from quiz.tui.screens.study import StudyScreen

# Every screen is imported when first shown: the study, drill, summary and stats screens
# pull in Markdown, TextArea and plotext, which Home's start does not need, and Home and
# Help (DataTable, the plan's status) are not needed for a due session's first card.

fire_late_one_shots()  # a Resize (and every set_timer) is never lost under load: timers.py


HEADER_SIDES = 18
"""The header's cells either side of its title (the icon's, and as many on the right)."""

PALETTE_PLACEHOLDER = "Find a card (words or id), a tag to study or a command (theme, quit)…"
"""The palette's search box before anything is typed (Textual's says "Search for commands…")."""


def _card_commands() -> type[Provider]:
    """The palette's card search, imported when the palette first opens."""
    from quiz.tui.commands import CardCommands

    return CardCommands


def _tag_commands() -> type[Provider]:
    """The palette's study by tag ("Study tag: X"), imported when the palette first opens."""
    from quiz.tui.tag_commands import TagCommands

    return TagCommands


def _home(workspace: Workspace, request: StudyRequest | None = None) -> Screen[None]:
    """A new Home screen (imported on first use: a due session at start does not show it),
    its cursor on the pack or topic row of `request` (a session it could not open)."""
    from quiz.tui.screens.home import HomeScreen

    at = None if request is None else (request.pack, request.topic)
    return HomeScreen(workspace, at=at)


WORDED_KEYS = frozenset({"enter", "backspace"})
"""Keys the footer and the help name in words, as every hint and doc does, not Textual's
glyphs (⏎, ⌫)."""


class DrillbitApp(App[None]):
    """Navigation only: screens post what the person asked for, the app switches screens."""

    CSS_PATH = "drillbit.tcss"
    TITLE = "drillbit"
    SUB_TITLE = "interview prep: quizzes and NumPy drills"
    SHORT_SUB_TITLE = "interview prep"
    """The header's subtitle on a terminal too narrow for SUB_TITLE (60 columns cut it to
    "quizzes and Nu…")."""
    COMMANDS = App.COMMANDS | {_card_commands, _tag_commands}
    COMMAND_PALETTE_BINDING = "ctrl+p"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [
        Binding("question_mark", "help", "Help"),
        Binding("f1", "help", "Help", show=False),
    ]

    def get_key_display(self, binding: Binding) -> str:
        """A key as the footer and the help show it: enter and backspace in the words the
        hints under a card and the docs' key table use. Textual's glyphs had the footer say
        "⏎ Rate" over a hint saying "enter or space: rate"."""
        if binding.key_display is None and binding.key in WORDED_KEYS:
            return binding.key
        return super().get_key_display(binding)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification as plain text, whatever `markup` says.

        Notifications quote card titles, file names, typed values and error messages, and
        Textual reads `[...]` in a message as markup: `E[x]` lost its `[x]`, and a title
        with `[/x]` ended the app with a MarkupError. No message of drillbit's uses markup.
        """
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def clear_notifications(self) -> None:
        """Clear every notice, and take their toasts' holders off every screen's rack.

        Textual's rack, shown the notices again, removes a cleared notice's toast but keeps
        its holder, empty and a row tall: after a notice was cleared (the drill and study
        clear the one shown before each new one) the next showed one row lower, the one
        after two. Clearing is the one way a notice goes before its toast times out (a toast
        that times out removes its own holder), so this public step is where the holders
        go, on the screens under the current one too (their racks are shown again when
        they come back). Textual has no public way to drop them: the rack's `show` is the
        only code that removes stale toasts, and a stylesheet's `ToastHolder:empty` is
        judged when the holder is mounted, before its toast is in it, so it hid every
        notice."""
        super().clear_notifications()
        for screen in self.screen_stack:
            for holder in screen.query(ToastHolder):
                holder.remove()
            if isinstance(screen, NoticedModal):  # its held notices are cleared too
                screen.drop_held_notices()
        self.palette_hold.held.clear()

    def on_notify(self, event: Notify) -> None:
        """A notice raised while a modal is open that its free rows cannot hold waits for
        it to close (the modal's `hold_notice`, `NoticeHold`): shown hidden under it, its
        time ran out while the person read the help, and it was never seen. Runs before
        Textual's own handler, which a held notice skips.

        A notice raised while the command palette is open waits for it to close too. At
        80x24 the palette's list reaches the screen's foot and Textual's rack, at the
        bottom right, was not drawn at all: the notice's time ran out unseen. At 120x40 it
        lay under the list, covering nothing, and now shows once the search is done."""
        from textual.command import CommandPalette

        if not self.screen_stack:
            return
        if CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.palette_hold.held.append(event.notification)
            event.prevent_default()
            return
        screen = self.screen
        if isinstance(screen, NoticedModal) and screen.hold_notice(event.notification):
            event.prevent_default()

    def _release_palette_notices(self, _screen: Screen[Any]) -> None:
        """The notices held while the command palette was open, raised once it closes."""
        from textual.command import CommandPalette

        if self.palette_hold.held and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.palette_hold.release(self)

    def action_help_quit(self) -> None:
        """Ctrl-C's hint (Textual binds ctrl+c to it): the key that quits, said as plain
        text. Textual's own hint is written in markup, which `notify` shows as typed: Home
        said "Press [b]q[/b] to quit the app"."""
        for active in self.active_bindings.values():
            if active.binding.action in ("quit", "app.quit"):
                shown = self.get_key_display(active.binding)  # "^q", as the footer writes it
                self.notify(f"Press {shown} to quit the app", title="Do you want to quit?")
                return

    async def action_quit(self) -> None:
        """Quit (ctrl+q, q on Home, the palette's Quit), closing an open command palette first.

        Teardown prunes the palette's component styles while its gathering worker may
        still build a hit's help line (KeyError 'command-palette--help-text'); Escape
        cancels that worker first, and so does this, waiting for it to end."""
        await self._close_palette()
        self.exit()

    async def _close_palette(self) -> None:
        from textual.command import CommandPalette

        palette = self.screen
        if not isinstance(palette, CommandPalette):
            return
        cancelled = self.workers.cancel_node(palette)
        # a cancelled worker's wait raises WorkerCancelled: it has ended, which is all we need
        await asyncio.gather(*(worker.wait() for worker in cancelled), return_exceptions=True)
        await palette.dismiss()

    def __init__(
        self,
        workspace: Workspace,
        *,
        study: StudyRequest | None = None,
        drill: str | None = None,
        cursor_blink: bool = True,
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.start_study_request = study
        self.start_drill = drill
        self.cursor_blink = cursor_blink
        """False in snapshot tests, so screenshots are stable."""
        self._shown_theme = ""
        """The theme on screen, once the kept one is applied: a change from it is saved."""
        self.key_gate = KeyGate(self, super().on_event)
        """Holds the keys typed after a settings row's enter until its box is open."""
        self._collector = StartupCollector()
        self.palette_hold = NoticeHold()
        """Notices raised while the command palette is open (`on_notify`)."""
        freeze_at_exit()  # quitting ends the process: no collection of the app's garbage

    def on_mount(self) -> None:
        self.screen_change_signal.subscribe(self, self._toasts_on_top_only)
        self.screen_change_signal.subscribe(self, self._release_palette_notices)
        self._use_kept_theme()
        self._collector.hold()  # until the first frame is drawn (see StartupCollector)
        self.call_after_refresh(self._collector.settle)
        # The one place the app meets a write the disk refuses (full, read-only): the
        # store goes on in memory and the person is told that nothing more is saved.
        self.workspace.store.keep_going_in_memory(self._not_saved)
        self.workspace.store.on_notice(self._store_notice)
        # A session opened at start (`drillbit study`) is the first screen on its own: Home
        # is built when the person goes back to it (`action_home`), not composed under the
        # session where nobody sees it before the session ends.
        request = self.start_study_request
        if request is None or not self.start_study(request):
            # on the row asked for: c and m, which the note suggests, take that row
            self.push_screen(_home(self.workspace, request))
            if request is None and self.start_drill is not None:
                self.open_drill(self.start_drill)
        for notice in self.workspace.store.notices:
            self.notify(notice.message, title="Progress database", severity="warning", timeout=30)
        self._tell_zone_trouble()

    def _toasts_on_top_only(self, _screen: Screen[Any]) -> None:
        """Hide the toasts of the screens under the current one. Each screen draws the
        app's toasts in a rack of its own, and a dialog (a mock's "End the mock
        interview now?") showed the session's "Skipped" twice, its own and the one of the
        screen under it. A screen shown again draws its rack anew (Textual's resume)."""
        for below in self.screen_stack[:-1]:
            for rack in below.query("#textual-toastrack"):
                rack.display = False

    def _tell_zone_trouble(self) -> None:
        """Say in the app that TZ names no zone (`tz_trouble`): said on stderr before the
        app took the screen, it was seen only after quitting (the command line leaves it
        to the app, `quiz.cli._opens_the_app`)."""
        from quiz.study.days import tz_trouble

        trouble = tz_trouble(os.environ.get("TZ"), self.workspace.zone.zone)
        if trouble is not None:
            self.notify(trouble, title="Time zone", severity="warning", timeout=30)

    def _use_kept_theme(self) -> None:
        """The theme kept in the settings, unless TEXTUAL_THEME names one for this run (it
        wins, and is not saved); a kept name this Textual lacks is said, and the default
        used. From then on a theme picked (ctrl+p, theme) is saved as the setting."""
        from quiz.tui.themes import fallback_note

        if not os.environ.get("TEXTUAL_THEME"):
            kept = self.workspace.settings.theme
            note = fallback_note(kept, self.available_themes)
            if note is None:
                self.theme = kept
            else:
                self.notify(note, title="Settings", severity="warning", timeout=20)
        self._shown_theme = self.theme
        self.theme_changed_signal.subscribe(self, self._keep_theme)

    def _keep_theme(self, theme: Theme) -> None:
        """Save a theme the person picked, so the next start has it too."""
        from dataclasses import replace

        from quiz.settings import save_key

        if theme.name in (self._shown_theme, self.workspace.settings.theme):
            return  # the start's own theme (published once), or one saved already
        self._shown_theme = theme.name
        try:
            saved = save_key("theme", theme.name)
        except DrillbitError as exc:
            self.notify(exc.message, title="Theme not kept", severity="error")
            return
        kept = saved.settings(kept=self.workspace.settings).theme
        self.workspace.apply_settings(replace(self.workspace.settings, theme=kept))

    def _not_saved(self, notice: StoreNotice) -> None:
        """Say that the store stopped saving (called from any thread: notify posts a message)."""
        self.notify(
            notice.message, title="Progress database", severity="error", timeout=60, markup=False
        )

    def _store_notice(self, notice: StoreNotice) -> None:
        """Say that the database was found damaged in use and replaced (from any thread)."""
        self.notify(
            notice.message, title="Progress database", severity="warning", timeout=30, markup=False
        )

    async def on_event(self, event: events.Event) -> None:
        """Every key in the order typed, a key read while the gate is shut after the
        others it holds (`quiz.tui.key_gate`)."""
        if isinstance(event, events.Key) and self.key_gate.holds(event):
            return
        await super().on_event(event)

    def on_resize(self, event: events.Resize) -> None:
        """The short subtitle when the whole one does not fit the header."""
        whole = len(f"{self.TITLE} — {self.SUB_TITLE}") + HEADER_SIDES
        self.sub_title = self.SUB_TITLE if event.size.width >= whole else self.SHORT_SUB_TITLE

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """A text box's cursor (a search, a number, the editor, the palette's query) blinks
        as the app says, whichever box took the focus: off in tests and screenshots, where
        a blink every 0.5 s drew the cursor or not by when the picture was taken. One rule
        here, where four boxes set it by hand and the palette's never did."""
        widget = event.widget
        if hasattr(widget, "cursor_blink"):
            widget.cursor_blink = self.cursor_blink

    def on_unmount(self) -> None:
        self._collector.release()
        self.workspace.close()

    # -- navigation (called by screens' messages and the command palette) --------------

    def start_study(self, request: StudyRequest) -> bool:
        """Open a session (True), or say why there is nothing to study (False)."""
        if not self.workspace.content.ready:
            # At start the card index's walk is still running beside this process: import
            # the screen meanwhile, rather than after waiting for the walk.
            import quiz.tui.screens.study  # noqa: F401
        session = self.workspace.start_session(request)
        if session.current is None:
            session.finish()
            # under a plan whose day's list is done, the note offers to study ahead
            status = self.workspace.plan_status() if session.plan_mode else None
            planned = None if status is None else status.queue
            note = nothing_to_study(session, planned, ahead=request.ahead)
            self.notify(note, title=request.describe(plan=session.plan_mode))
            return False
        from quiz.tui.screens.study import StudyScreen

        settings = self.workspace.settings
        self.push_screen(
            StudyScreen(
                self.workspace,
                session,
                request,
                shuffle_choices=settings.shuffle_choices,
                mock_feedback=settings.mock_feedback,
            )
        )
        return True

    def action_home(self) -> None:
        """Leave a summary (or a session that has none): back to the screen under it (Home,
        the browser, or a session the palette interrupted, which goes on), or to a new Home
        when it is alone (the session `drillbit study` opened)."""
        if screen_under(self.screen_stack, self.screen) is not None:
            self.pop_screen()
        else:
            self.switch_screen(_home(self.workspace))

    def on_study_screen_drill_requested(self, event: StudyScreen.DrillRequested) -> None:
        """A session's coding card: the drill screen, whose sitting goes back to the session."""
        from quiz.tui.screens.drill import DrillScreen

        self.push_screen(DrillScreen(self.workspace, event.sitting, event.session), event.done)

    def on_drill_screen_next_drill_requested(self, event: DrillScreen.NextDrillRequested) -> None:
        """Replace the passed drill with the next one."""
        self.pop_screen()
        self.open_drill(event.card_id)

    def open_drill(self, card_id: str) -> None:
        """Open the drill editor on one coding card."""
        from quiz.tui.screens.drill import DrillScreen

        try:
            sitting = self.workspace.open_drill(card_id)
        except DrillbitError as exc:
            self.notify(exc.message, title="Cannot open the drill", severity="error")
            return
        self.push_screen(DrillScreen(self.workspace, sitting))

    def open_card(self, card_id: str) -> None:
        """A card picked in the palette: a drill opens its editor, others a one-card cram."""
        card = self.workspace.card(card_id)
        if card is None:
            return
        if card.kind == "coding":
            self.open_drill(card_id)
        else:
            self.start_study(StudyRequest(mode="cram", card_ids=(card_id,), card_title=card.title))

    def _asked_from_the_top(self, *kinds: type[Screen[Any]]) -> bool:
        """Whether the screen on top is one that asks for this (Home, a list).

        Both enters of a quick double press are read before the first has opened its
        screen: the second one's request comes once that screen is on top, and opened a
        second session (or drill) over the first. It is dropped.
        """
        return isinstance(self.screen, kinds)

    def on_home_screen_study_requested(self, event: HomeScreen.StudyRequested) -> None:
        from quiz.tui.screens.home import HomeScreen

        if not self._asked_from_the_top(HomeScreen):
            return
        if event.ahead:  # the plan's next cards over the whole bank, whatever the row
            self.start_study(StudyRequest(mode="due", ahead=True))
            return
        self.start_study(request_for(self.workspace.content, event.mode, event.row))

    def on_home_screen_stats_requested(self, event: HomeScreen.StatsRequested) -> None:
        from quiz.tui.screens.home import HomeScreen
        from quiz.tui.screens.stats import StatsScreen

        if self._asked_from_the_top(HomeScreen):
            self.push_screen(StatsScreen(self.workspace))

    def on_home_screen_screen_requested(self, event: HomeScreen.ScreenRequested) -> None:
        from quiz.tui.screens.browser import BrowserScreen
        from quiz.tui.screens.drills import DrillsScreen
        from quiz.tui.screens.home import HomeScreen
        from quiz.tui.screens.settings import SettingsScreen

        screens = {"browser": BrowserScreen, "drills": DrillsScreen, "settings": SettingsScreen}
        if self._asked_from_the_top(HomeScreen):
            self.push_screen(screens[event.name](self.workspace))

    def on_browser_screen_card_opened(self, event: BrowserScreen.CardOpened) -> None:
        from quiz.tui.screens.browser import BrowserScreen
        from quiz.tui.screens.drills import DrillsScreen

        if self._asked_from_the_top(BrowserScreen, DrillsScreen):
            self.open_card(event.card_id)

    def on_study_screen_session_ended(self, event: StudyScreen.SessionEnded) -> None:
        if event.summary.nothing_to_show:
            self.notify("Nothing was answered.", title=f"Session ended: {event.title}")
            self.action_home()  # straight back to what was under the session
            return
        from quiz.tui.screens.summary import SummaryScreen

        self.switch_screen(SummaryScreen(self.workspace, event.summary, title=event.title))

    def action_command_palette(self) -> None:
        """Textual's palette, with a placeholder saying what drillbit's palette finds: the
        cards (CardCommands) and Textual's commands (theme, keys, screenshot, quit)."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(
                CommandPalette(placeholder=PALETTE_PLACEHOLDER, id="--command-palette")
            )

    def action_help(self) -> None:
        """List every binding of the current screen (shown or not), one row per meaning."""
        from quiz.tui.screens.help import HelpScreen, help_rows

        if isinstance(self.screen, HelpScreen):
            return
        # a screen's name as Home's footer and its title say it ("Cards", not "Browser")
        title = getattr(
            self.screen, "HELP_TITLE", type(self.screen).__name__.removesuffix("Screen")
        )
        self.push_screen(HelpScreen(title, help_rows(self, self.screen)))


def make_app(
    content_dirs: Sequence[Path] = (),
    *,
    study: StudyRequest | None = None,
    drill: str | None = None,
    include_bundled: bool = True,
    clock: Clock = utc_now,
    zone: Zone = local_timezone,
    grader: Grader | None = None,
    scheduler: Scheduler | None = None,
    rng: Random | None = None,
    editor: str | None = None,
    cursor_blink: bool = True,
    settings: Settings | None = None,
) -> DrillbitApp:
    """Build the app over the bank in `content_dirs` (plus the bundled one) and the store.

    `study` opens a session at start, `drill` a drill editor. Tests inject the clock,
    the machine's zone, a grader, a fuzz-free scheduler, a seeded rng and a fake editor command.
    """
    workspace = Workspace.open(
        content_dirs,
        include_bundled=include_bundled,
        clock=clock,
        zone=zone,
        grader=grader,
        scheduler=scheduler,
        rng=rng,
        editor=editor,
        settings=settings,
    )
    return DrillbitApp(workspace, study=study, drill=drill, cursor_blink=cursor_blink)
