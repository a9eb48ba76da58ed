"""What the drill list and a drill's screen show of the drills, decided from the workspace:
every drill's row and state from the card index and the store, the list's heading, and
which drill `n` opens next.

Textual-free, so the decisions are tested without a screen: `DrillsScreen` and
`DrillScreen` read the store themselves (`drill_rows`) and chose the next drill there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import PurePath
from typing import TYPE_CHECKING

from quiz.drill_list import DrillRow, drill_rows, next_unsolved
from quiz.plural import counted
from quiz.study.days import clock_zone

if TYPE_CHECKING:
    from quiz.bank.models import Card
    from quiz.drafts import DraftReading
    from quiz.workspace import Workspace

__all__ = [
    "ALL_PASSED",
    "PREVIOUS_CODE_BACK",
    "PREVIOUS_CODE_GRADED",
    "PREVIOUS_CODE_NOTE",
    "DrillOpening",
    "DrillsView",
    "after_a_pass",
    "draft_back",
    "drill_key_not_now",
    "drill_opening",
    "drills_view",
    "next_drill",
    "no_hint_left",
    "passed_before",
    "previous_code_note",
    "suspended_note",
]

ALL_PASSED = "Every drill is passed."
"""What `n` says, on the list or after a pass, when no drill is left to open."""
PASSED_BEFORE = "You passed this drill before."
"""The first words of a drill reopened outside a session once passed (`passed_before`)."""
PREVIOUS_CODE_NOTE = "Opened on the starter; ^o puts back your code from last time."
"""Over the task of a drill opened on the starter after a review, with the code from
before it kept (`DrillSitting.previous_code`). "A review starts from the starter code:
ctrl+o brings back your previous code." spoke of a review to a person who had opened a
passed drill from the card browser, and left which code was in the editor to guess.
"The editor has the starter" went on saying so after ctrl+o had put that code back."""
PREVIOUS_CODE_GRADED = "Opened on the starter; ^o puts back the code you passed with in {file}."
"""`PREVIOUS_CODE_NOTE` when that code is a file's that `drillbit grade` passed: the drill
opened on it as on work in progress, with no word of the pass or the file."""
PREVIOUS_CODE_BACK = "Your code from last time is in the editor; ^z undoes it."
"""What ctrl+o says once it has put that code back in place of the starter."""
SUSPENDED = "suspended"
"""A suspended drill's state cell, the card browser's word."""
PUT_BACK = "^s in Cards (b on Home) unsuspends"
"""How a suspended drill goes back into study: the card browser's ctrl+s on it."""
NEXT_CARD = "esc: rated, on to the next card."
"""After a pass in a session: escape rates the drill and the session goes on."""


@dataclass(frozen=True)
class DrillsView:
    """Every coding drill in content order, with its state now."""

    rows: tuple[DrillRow, ...]
    suspended: frozenset[str] = frozenset()
    """The drills suspended (in the card browser or a session): their state cell says so."""

    def state(self, row: DrillRow) -> str:
        """The row's state cell: "suspended" for a suspended drill, as the card browser
        says it, else how its attempts went. A suspended drill read "not started"."""
        return SUSPENDED if row.id in self.suspended else row.state

    @property
    def heading(self) -> str:
        """'Drills: 3/10 passed' (with or without hints): the word of the state column and
        of Stats, where the heading said "solved" over rows that said "passed". With a
        suspended drill listed, how to put it back (`PUT_BACK`)."""
        solved = sum(row.solved for row in self.rows)
        heading = f"Drills: {solved}/{len(self.rows)} passed"
        shown = sum(row.id in self.suspended for row in self.rows)
        return f"{heading} · {shown} suspended: {PUT_BACK}" if shown else heading

    def next_unsolved(self, after: str | None = None) -> DrillRow | None:
        """The first drill not passed yet and not suspended (after `after`, wrapping
        around), or None. `n` opened a suspended drill, which study leaves out as Anki
        does, as the next one to do."""
        return next_unsolved(self.rows, after=after, skip=self.suspended)

    @property
    def none_left(self) -> str:
        """What `n` (or a pass's "next") says when `next_unsolved` finds none: every drill
        passed, or every one left is suspended, and how to put them back (`PUT_BACK`)."""
        waiting = sum(not row.solved and row.id in self.suspended for row in self.rows)
        if not waiting:
            return ALL_PASSED
        if waiting == 1:
            return f"The drill not passed yet is suspended: {PUT_BACK} it."
        return f"The {waiting} drills not passed yet are suspended: {PUT_BACK} them."


def drills_view(workspace: Workspace) -> DrillsView:
    """The drills from the card index (no bank load) with their states from the store,
    and which are suspended (a burial ends tomorrow: not said)."""
    store = workspace.store
    suspended = frozenset(card_id for card_id, flag in store.card_flags().items() if flag.suspended)
    return DrillsView(tuple(drill_rows(workspace.content.refs, store)), suspended)


def next_drill(workspace: Workspace, after: str) -> DrillRow | None:
    """The drill a pass of `after` leads to, as rustlings does: the next one not passed
    yet, or None when every drill is."""
    return drills_view(workspace).next_unsolved(after=after)


def after_a_pass(workspace: Workspace, card_id: str, *, in_session: bool) -> tuple[str, bool]:
    """What a drill's pass says comes next, and whether a next drill is there to open:
    in a session, the next card (escape); outside one, the next drill not passed yet by
    its title, or that every drill is passed. "ctrl+f: next drill" was said with no drill
    left, and a session's pass offered only "esc Back", which read as leaving undone."""
    if in_session:
        return NEXT_CARD, False
    view = drills_view(workspace)
    following = view.next_unsolved(after=card_id)
    if following is None:
        return view.none_left, False
    return f"Next: ^f opens {following.title!r}.", True


def passed_before(workspace: Workspace, card_id: str, *, in_session: bool) -> tuple[str, bool]:
    """What a drill opened outside a session says when it was passed before ("" if it was
    not), and whether ctrl+f has a next drill to open: reopened from the list, a passed
    drill looked new (the starter code, no "Next drill" until passed again), where
    rustlings shows a done exercise as done and goes on from it."""
    if in_session:
        return "", False
    view = drills_view(workspace)
    if not any(row.solved for row in view.rows if row.id == card_id):
        return "", False
    following = view.next_unsolved(after=card_id)
    if following is None:
        return f"{PASSED_BEFORE} {view.none_left}", False
    return f"{PASSED_BEFORE} Next: ^f opens {following.title!r}.", True


SUSPENDED_NOTE = f"Suspended: study leaves this drill out; {PUT_BACK} it."
"""Over the task of a suspended drill opened from the list or the browser: it opened as
any other, and passing it did not bring it back into study, with no word of either."""


def suspended_note(workspace: Workspace, card_id: str, *, in_session: bool) -> str:
    """`SUSPENDED_NOTE` for a suspended drill opened outside a session, else ""."""
    if in_session:
        return ""
    flag = workspace.store.card_flag(card_id)
    return SUSPENDED_NOTE if flag is not None and flag[0].suspended else ""


@dataclass(frozen=True)
class DrillOpening:
    """What a drill's screen opens on: its draft read once (`Drafts.read`), and what the
    screen says of it over the task. Opening a drill read the draft four times and a graded
    file's attempts twice, one question (`previous_code`, `previous_code_note`) at a time."""

    reading: DraftReading
    note: str
    """`previous_code_note` when earlier code is one key away, else `draft_back` ("" for
    neither)."""

    @property
    def code(self) -> str:
        """The editor's first text: the draft in progress, or the starter."""
        return self.reading.initial_code

    @property
    def previous_code(self) -> str | None:
        """The code ctrl+o puts back (`DraftReading.previous_code`)."""
        return self.reading.previous_code


def drill_opening(workspace: Workspace, card: Card) -> DrillOpening:
    """The drill's draft as its screen opens on it, read now, with its note."""
    reading = workspace.drafts.read(card)
    if reading.previous_code is not None:
        note = previous_code_note(reading)
    else:
        note = draft_back(card, reading, workspace.now(), workspace.tz)
    return DrillOpening(reading, note)


def draft_back(card: Card, reading: DraftReading, now: datetime, tz: tzinfo) -> str:
    """What a drill opening on a saved draft (the editor's first text) says of it at `now`:
    "Your draft is back, as saved at 09:40." ("" when the editor starts from the starter).
    After the app was killed or its terminal closed, the draft came back with no word, and
    a person who had typed in it could not tell whether the last lines were kept; the time
    says up to when."""
    from quiz.drill_grading import is_untouched_starter

    draft, code = reading.draft, reading.initial_code
    if draft is None or draft.text != code:
        return ""
    if code == reading.starter or is_untouched_starter(card, code):
        return ""
    zone = clock_zone(tz)
    saved, today = draft.updated_at.astimezone(zone), now.astimezone(zone).date()
    when = f"at {saved:%H:%M}" if saved.date() == today else f"on {saved:%Y-%m-%d at %H:%M}"
    return f"Your draft is back, as saved {when}."


def previous_code_note(reading: DraftReading) -> str:
    """What a drill opened on the starter with earlier code kept says over its task: the
    file `drillbit grade` passed, when the code is that file's (`PREVIOUS_CODE_GRADED`)."""
    graded = reading.passed_from_file
    if graded is None:
        return PREVIOUS_CODE_NOTE
    return PREVIOUS_CODE_GRADED.format(file=PurePath(graded).name)


def no_hint_left(hints: int) -> str:
    """What the drill's help says of its hint keys once none is left to show: "Hint: one
    more (the pass is Hard at best) (not now)", three times, said not why, and was wider
    than the help's box at 80 columns. `hints`: how many the drill has."""
    if hints == 0:
        return "Hint: this drill has none"
    return f"Hint: none left, {counted(hints, 'hint')} seen"


NOT_NOW_OUTSIDE = {
    "give_up": "Give up: in a session, rates it Again",
    "next_drill": "Next drill: once this one passes",
}
"""What a drill's help says of its keys that work only in a study session or after a pass,
opened from the list or the browser: "(not now)" alone left a newcomer to guess when."""


def drill_key_not_now(action: str, *, in_session: bool, passed: bool) -> str | None:
    """The drill help's words for a key that does nothing now, saying when it works: the
    help read "Give up: rate it Again (asks first) (not now)", "Switch pane: task or
    editor (not now)" (tab indents in the editor, which has the focus), "Previous code:
    your last try's code (not now)" and "Reset: the starter code again (not now)". None:
    the help's own "(not now)"."""
    if action == "switch_pane":
        return "Switch pane: shift+tab first (tab indents here)"
    if action == "previous_code":
        return "Previous code: none kept from a last try"
    if action in ("reset", "web_reset"):
        return "Reset: the starter is in the editor"
    if action == "give_up":
        return "Give up: not after a pass" if in_session else NOT_NOW_OUTSIDE[action]
    if action == "next_drill":
        if in_session:
            return "Next drill: outside a session (esc goes on)"
        return "Next drill: none left to pass" if passed else NOT_NOW_OUTSIDE[action]
    return None
