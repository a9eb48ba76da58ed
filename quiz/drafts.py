"""Drafts of drill code: autosave, the starter for a review, and the person's $EDITOR.

A draft older than the card's last review is stale: a review starts from the starter,
so recall is tested, and the stale draft stays available as the previous code.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.drill_source import SOURCE_LIMIT, is_oversized, source_size
from quiz.paths import data_dir
from quiz.store import Store
from quiz.textsafe import describe_size, read_regular_text

SET_EDITOR = "Set EDITOR to your editor's command (export EDITOR=nano) and start drillbit again."
"""How a person names the editor ctrl+e runs, said when it did not start."""

if TYPE_CHECKING:
    from quiz.bank.models import Card
    from quiz.store import Draft


@dataclass(frozen=True)
class DraftReading:
    """A drill's draft as its editor opens on it, read once (`Drafts.read`)."""

    starter: str
    draft: Draft | None
    """The draft, unless there is none or it is over SOURCE_LIMIT (see `Drafts.set_aside`)."""
    previous_code: str | None
    """The code the editor opens away from, one key away (ctrl+o): the draft saved before
    the card's last review (a stale one), or the code a `drillbit grade` of a file passed
    with (`passed_from_file`); None otherwise."""
    passed_from_file: str | None
    """The file whose code the draft is and passed (`drillbit grade`, untouched in the app
    since), or None. Such a pass records no review, unlike one in the app or under `watch`:
    the drill reopened on that code, where a pass in either of them reopens on the starter
    with the code one key away, as rustlings shows a done exercise."""
    oversized: Draft | None = None
    """The draft when it is over SOURCE_LIMIT: the editor opens on the starter instead."""

    @property
    def initial_code(self) -> str:
        """The draft in progress, or the starter (always the starter for a review, and for
        a draft over the limit: see `Drafts.set_aside`)."""
        if self.draft is None or self.previous_code is not None:
            return self.starter
        return self.draft.text


def over_the_limit(size: int) -> str:
    """Why code of `size` UTF-8 bytes is refused: the limit, and that an answer is far less."""
    return (
        f"{describe_size(size)}, over the {describe_size(SOURCE_LIMIT)} a drill's code may have "
        "(a real answer is a few KiB)"
    )


class Drafts:
    """Where a drill's code lives between sittings (the store) and on disk for $EDITOR."""

    def __init__(
        self,
        store: Store,
        clock: Callable[[], datetime],
        *,
        folder: Path | None = None,
        editor: str | None = None,
    ) -> None:
        self.store = store
        self.clock = clock
        self._folder = folder
        self._editor = editor

    def read(self, card: Card) -> DraftReading:
        """The drill's draft as its editor opens on it: the draft, the card's state and (for
        a graded file's draft) its attempts each read once. Opening a drill read them two to
        four times over, one question (`previous_code`, `passed_from_file`) at a time."""
        draft = self.store.draft(card.id)
        if draft is None or is_oversized(draft.text):
            return DraftReading(_starter(card), None, None, None, oversized=draft)
        passed = self._passed_from_file(card, draft)
        state = self.store.card_state(card.id)
        last_review = None if state is None else state.last_review
        stale = last_review is not None and draft.updated_at <= last_review
        previous = draft.text if stale or passed else None
        graded_from = draft.graded_from if passed else None
        return DraftReading(_starter(card), draft, previous, graded_from)

    def previous_code(self, card: Card) -> str | None:
        """`DraftReading.previous_code`, read now."""
        return self.read(card).previous_code

    def _passed_from_file(self, card: Card, draft: Draft) -> bool:
        if draft.graded_from is None:
            return False
        tries = self.store.attempts(card_id=card.id, since=draft.updated_at)
        return any(attempt.passed for attempt in tries)

    def initial_code(self, card: Card) -> str:
        """`DraftReading.initial_code`, read now."""
        return self.read(card).initial_code

    def set_aside(self, card: Card, reading: DraftReading | None = None) -> tuple[Path, int] | None:
        """A draft over SOURCE_LIMIT written whole to <data dir>/drafts/<id>.too-large.py:
        that path and the draft's size; None when the draft fits (or there is none).

        Such a draft was pasted or graded before the limit existed; the drill took minutes
        to open on 5 MiB. The drill opens on the starter instead, and the store keeps the
        draft until code is saved over it: nothing is lost either way."""
        draft = self.store.draft(card.id) if reading is None else reading.oversized
        if draft is None or not is_oversized(draft.text):
            return None
        path = self._folder_path() / f"{card.id}.too-large.py"
        path.write_text(draft.text, encoding="utf-8", errors="surrogatepass")
        return path, source_size(draft.text)

    def save(self, card: Card, text: str) -> None:
        """Autosave the code (committed at once); the starter itself is not saved, give or
        take trailing spaces and blank lines (an editor that trims or adds them on save), as
        grading does not count it as a try: the drill list would call it a draft."""
        draft = self.store.draft(card.id)
        if draft is not None and _is_starter(card, text) and self.previous_code(card) is not None:
            return  # a review opens on the starter: the code from before it stays (ctrl+o)
        # a graded file's code, opened and left as it was, is still that file's, not the app's
        self._keep(card, text, draft.graded_from if draft and draft.text == text else None)

    def _keep(self, card: Card, text: str, graded_from: str | None) -> None:
        """Save the code as the draft now, or forget the draft when it is the starter."""
        if _is_starter(card, text):
            self.store.delete_draft(card.id)
        else:
            self.store.save_draft(card.id, text, updated_at=self.clock(), graded_from=graded_from)

    def take_graded(self, card: Card, text: str, written_at: datetime, graded_from: str) -> bool:
        """Code graded outside the app (`drillbit grade`, `watch`) from the file
        `graded_from`, written at `written_at`, as the draft the drill editor opens on: the
        last graded file was nowhere in the app. Not over a draft the app saved after the
        file was written (that newer work is kept); False then. A draft that holds this
        code already is kept as it is (grading the same file again found its own draft,
        newer than the file); one another file's grading left is replaced, whenever that
        file was written: it is no work of the app's, and the last code graded wins."""
        draft = self.store.draft(card.id)
        if draft is not None and draft.text == text:
            return True
        if draft is not None and draft.graded_from is None and draft.updated_at > written_at:
            return False
        self._keep(card, text, graded_from)
        return True

    def is_last_graded(self, card: Card, text: str) -> bool:
        """Whether `text` is, unchanged, the code of the drill's last recorded try from
        `drillbit grade` or `watch`: their graded code is the draft (`take_graded`), and no
        try and no edit in the app came after it. Graded again it is no new try, as
        Exercism takes no unchanged submission as a new iteration."""
        draft = self.store.draft(card.id)
        if draft is None or draft.graded_from is None or draft.text != text:
            return False
        tries = self.store.attempts(card_id=card.id, since=draft.updated_at)
        return bool(tries)

    def reset(self, card: Card) -> str:
        """Forget the draft; returns the starter code."""
        self.store.delete_draft(card.id)
        return _starter(card)

    def file(self, card: Card, text: str) -> Path:
        """Write the code to a file the person's editor can open: <data dir>/drafts/<id>.py."""
        path = self._folder_path() / f"{card.id}.py"
        path.write_text(text, encoding="utf-8")
        return path

    def _folder_path(self) -> Path:
        """The folder of the drafts' files (made when missing)."""
        folder = self._folder if self._folder is not None else data_dir() / "drafts"
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def editor_command(self, path: Path) -> list[str]:
        """$VISUAL, then $EDITOR, then vi, with the file appended."""
        editor = self._editor or os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        import shlex

        return [*shlex.split(editor), str(path)]

    def editor_not_run(self, command: Sequence[str], exc: OSError) -> str:
        """Why `command` (`editor_command`'s) did not start, and how to name an editor that
        will: "Could not run vi: [Errno 2] No such file or directory: 'vi'" told a newcomer
        with no $EDITOR neither that vi was only the default nor which variable to set."""
        why = "no such program" if isinstance(exc, FileNotFoundError) else exc.strerror or str(exc)
        said = f"Could not run {command[0]} ({why})"
        if self._editor is not None:
            return f"{said}."
        named = next((name for name in ("VISUAL", "EDITOR") if os.environ.get(name)), None)
        if named is None:
            return f"{said}: it is the default, as no VISUAL or EDITOR is set. {SET_EDITOR}"
        return f"{said}, the command ${named} names. {SET_EDITOR}"

    def read_file(self, card: Card, path: Path) -> str:
        """The code as the editor left it, saved as the draft: UTF-8 text of at most
        SOURCE_LIMIT bytes, InputFileError (naming the file, which stays) otherwise."""
        text = read_regular_text(path, limit=SOURCE_LIMIT, title="draft").removeprefix("\ufeff")
        self.save(card, text)
        return text


def _is_starter(card: Card, text: str) -> bool:
    """The starter code, give or take the blanks an editor trims or adds on save."""
    from quiz.drill_grading import is_untouched_starter

    return text == _starter(card) or is_untouched_starter(card, text)


def _starter(card: Card) -> str:
    """A drill's starter code (the grading module is imported here: not at the app's start)."""
    from quiz.drill_grading import starter_text

    return starter_text(card)
