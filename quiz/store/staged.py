"""A new database made all or nothing, for a step that must leave no trace when it fails.

`drillbit import-progress` into a home without a database used to open (so create) the
database first, then refuse the file: the person was left with an empty, initialised
home, as if the import had half worked. `build_new` instead builds the database under a
hidden temporary name beside it and gives it its real name only once the step has
succeeded:

- a refused step (or any error) deletes the temporary file, its -wal and -shm, and the
  folders made for it: the home is as it was;
- a crash or SIGKILL mid-step leaves only the hidden `.drillbit.db.new-PID-*` file (and
  its -wal and -shm), which nothing opens: the home still has no database, and the next
  open of the store there removes it (`quiz.store.leftovers`: the file is locked while
  it is built, and only a file whose lock is free is removed);
- another drillbit that opens the home meanwhile creates its own database, which is never
  overwritten (the finished file is hard-linked into place, and a link does not replace
  a file): `build_new` then answers None and the caller does the step again on that
  database, as on any existing one;
- a failure of the store's own (the disk full, a write refused, the final checkpoint or
  the link failing) is told in the real database's words, never the temporary file's,
  which means nothing to the person: `~/…/drillbit.db was not created: could not give it
  its name (No space left on device). Nothing was changed: …` (`NotCreatedError`).
"""

from __future__ import annotations

import contextlib
import glob
import os
import signal
import sqlite3
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from types import FrameType
from typing import TypeVar

from quiz.errors import DataDirError
from quiz.paths import ensure_dir
from quiz.store.errors import DamagedFileReplaced, NotSavedError, StoreError
from quiz.store.leftovers import Claim, clear_leftovers, remove_staged
from quiz.store.recovery import MOVED_ASIDE, SIDECARS
from quiz.store.store import Store

_T = TypeVar("_T")


def build_new(
    target: Path, build: Callable[[Store], _T], *, now: datetime | None = None
) -> _T | None:
    """`build` run on a new database that appears at `target` only if it returns.

    None, with nothing done, when this cannot be done here: a database (or anything) is
    at `target` already or appeared there meanwhile, or its folder cannot be made or
    written. The caller then runs the step on `Store.open(target)`, whose own messages
    say what is wrong; a step run in one transaction leaves an existing database as it was.
    An error raised by `build` is raised again once everything made for it is removed; a
    StoreError (the store could not write the temporary file, or the finished file could
    not be checked or named) as a NotCreatedError naming `target`.
    """
    clear_leftovers(target)  # as `Store.open(target)` does: a killed build's file
    if os.path.lexists(target):
        return None
    made = _missing_folders(target.parent)
    try:
        ensure_dir(target.parent, "the database folder")
    except DataDirError:
        return None  # Store.open raises it again, with the home's own wording
    try:
        claimed = Claim.take(target)
    except OSError:  # the folder refuses a new file: Store.open(target) says why itself
        _remove_folders(made)
        return None
    try:
        return _build(claimed.path, target, build, made, now)
    finally:
        claimed.release()  # once its name is gone (or is `target`'s)


def _build(
    staged: Path, target: Path, build: Callable[[Store], _T], made: list[Path], now: datetime | None
) -> _T | None:
    """`build_new`'s step on the claimed (locked, empty) temporary file `staged`."""
    done = False
    try:
        try:
            store = Store.open(staged, now=now)
            try:
                if not store.saving:  # an unwritable folder: Store.open(target) says so itself
                    return None
                result = build(store)
            finally:
                store.close()
            _self_contained(staged)
            if not _publish(staged, target):
                return None
        except _Failed as failed:
            raise NotCreatedError(target, failed.what) from failed.__cause__
        except StoreError as error:  # its message names the temporary file
            raise NotCreatedError(target, _reason(error, staged, target)) from error
        done = True
    finally:
        remove_staged(staged)  # after a success only its name goes: it is `target` now
        if not done:
            _remove_moved_aside(staged)
            _remove_folders(made)
    return result


class NotCreatedError(NotSavedError):
    """`build_new` failed once its temporary file was made: it is removed, and the home is
    as it was (no database at `target`, no folder made for it). The message names
    `target` and says what failed."""

    def __init__(self, target: Path, what: str) -> None:
        super().__init__(
            f"{target} was not created: {what}. Nothing was changed: there is still no "
            "database there"
        )
        self.target = target
        self.what = what


class _Failed(Exception):
    """A step of `build_new`'s own failed; `what` says which and why, without a path."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def _reason(error: StoreError, staged: Path, target: Path) -> str:
    """What a store error says, less the temporary file's name it starts with
    (`could not save to /…/.drillbit.db.new-…: the disk is full`)."""
    if isinstance(error, DamagedFileReplaced):  # its notice tells of a copy `build_new` removes
        return f"it was found damaged while being written ({error.notice.reason})"
    message = error.message.rstrip(". ")
    _, named, reason = message.partition(f"{staged}: ")
    if named and str(staged) not in reason:
        return reason
    return message.replace(str(staged), target.name)


def _missing_folders(folder: Path) -> list[Path]:
    """`folder` and those of its parents that do not exist yet, deepest first."""
    missing: list[Path] = []
    for each in (folder, *folder.parents):
        if os.path.lexists(each):
            break
        missing.append(each)
    return missing


def _remove_folders(made: list[Path]) -> None:
    """Remove the folders `build_new` made, deepest first, each only while it is empty."""
    for folder in made:
        try:
            folder.rmdir()
        except OSError:  # something else was put there meanwhile: keep it and its parents
            return


def _remove_moved_aside(staged: Path) -> None:
    """The temporary database as the store moved it aside when it found it damaged
    (`<name>.corrupt-<stamp>`, see `Store.open`): a copy of a file that is gone."""
    for name in glob.glob(glob.escape(str(staged)) + MOVED_ASIDE + "*"):
        if not name.endswith(SIDECARS):
            remove_staged(Path(name))


def _self_contained(staged: Path) -> None:
    """Everything the closed store wrote moved into the file itself (no -wal left beside it).

    Closing the last connection already copies the write-ahead log into the file and
    removes it; a checkpoint on a connection of its own makes sure of it, and the file
    stays in WAL mode, as every open leaves it (the next open does not rewrite it).
    """
    log = staged.with_name(staged.name + SIDECARS[0])
    try:
        conn = sqlite3.connect(str(staged), isolation_level=None)
        try:
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            conn.close()
        left = log.stat().st_size if log.exists() else 0
    except (sqlite3.Error, OSError) as error:
        raise _Failed(f"could not write it whole ({_said(error)})") from error
    if busy or left:
        raise _Failed("could not write it whole (its write-ahead log stayed beside it)")


def _publish(staged: Path, target: Path) -> bool:
    """Give the finished file its real name; False when a database got there first."""
    try:
        os.link(staged, target)  # never replaces: a database made meanwhile is kept
    except FileExistsError:
        return False
    except OSError:  # a file system without hard links: a rename, checked first
        if os.path.lexists(target):
            return False
        try:
            os.rename(staged, target)
        except OSError as again:
            raise _Failed(f"could not give it its name ({_said(again)})") from again
    _sync_folder(target.parent)
    return True


def _said(error: BaseException) -> str:
    """An OSError's reason without the file names it may carry, or any error's text."""
    return (error.strerror if isinstance(error, OSError) else None) or str(error)


def _sync_folder(folder: Path) -> None:
    """Make the new name survive a power cut (best effort: not every system can)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


ENDING_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)
"""What ends a process other than Ctrl-C (`kill`, a closed terminal or ssh session)."""


class _Ended(BaseException):
    """One of ENDING_SIGNALS arrived: unwinds the step as KeyboardInterrupt would."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def ending_cleanly() -> Iterator[None]:
    """While inside, SIGTERM and SIGHUP end the process as Ctrl-C does, cleanly.

    By default either ends Python at once: an import into a new home left its hidden
    temporary database (a heavy backup's 130 MB) for a later import to remove, and one
    into an existing database its write-ahead log full of rolled-back pages. Here the
    signal raises inside the step, whose cleanup runs (the transaction rolled back, the
    temporary file removed; a second signal meanwhile is ignored), and the process then
    ends by the same signal, as it would have. Outside the main thread it does nothing
    (only that thread may set handlers), nor to a signal the process ignores.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, _frame: FrameType | None) -> None:
        for each in previous:
            signal.signal(each, signal.SIG_IGN)
        raise _Ended(signum)

    previous: dict[int, signal.Handlers | Callable[[int, FrameType | None], object] | int] = {}
    for each in ENDING_SIGNALS:
        if signal.getsignal(each) is not signal.SIG_IGN:  # `nohup drillbit …` keeps it so
            previous[each] = signal.signal(each, stop) or signal.SIG_DFL
    ended: int | None = None
    try:
        yield
    except _Ended as error:
        ended = error.signum
    finally:
        for each, handler in previous.items():
            signal.signal(each, handler)
    if ended is not None:
        signal.raise_signal(ended)  # the handler it had: by default, the process ends
        raise KeyboardInterrupt  # a handler that did not end it: stop as Ctrl-C does
