"""Where drillbit keeps a user's data: one place, overridable for tests and power users."""

from __future__ import annotations

import errno
import os
import re
import shlex
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from quiz.errors import DataDirError, DrillbitError, escape_path

HOME_ENV = "DRILLBIT_HOME"
"""Environment variable that, when set and non-empty, replaces the platform data dir."""

DATABASE_NAME = "drillbit.db"


def data_dir(*, create: bool = True) -> Path:
    """The directory holding the database: `$DRILLBIT_HOME`, else the platform user data dir.

    Created on demand so callers never race on a missing folder. DataDirError (one line
    naming the path) when it exists as something other than a folder or cannot be made.
    """
    override = os.environ.get(HOME_ENV, "").strip()
    try:
        path = Path(override).expanduser() if override else Path(user_data_dir("drillbit", False))
    except RuntimeError:  # `~alcie/drillbit`: no such user (or no HOME for `~`)
        raise no_such_home(override) from None
    if override and not path.is_absolute():
        raise relative_home(path)
    if create:
        ensure_dir(path, HOME_ENV if override else "the data folder")
    return path


def no_such_home(override: str) -> DataDirError:
    """The error for a DRILLBIT_HOME starting with a `~` that names no home folder (a
    user's name mistyped, `~alcie/drillbit`; or `~` with HOME not set): pathlib's
    RuntimeError ended every command in a traceback."""
    tilde = override.split("/", 1)[0]
    whose = f"no user {tilde[1:]!r} on this system" if tilde != "~" else "HOME is not set"
    return DataDirError(
        f"{HOME_ENV}={override}: {tilde} names no home folder ({whose}); give the whole path"
    )


def relative_home(path: Path) -> DataDirError:
    """The error for a DRILLBIT_HOME that is a relative path (`DRILLBIT_HOME=drillbit-data`):
    it named another folder in every folder drillbit ran from, so a command run elsewhere
    started an empty home beside the person's work, and their progress seemed gone."""
    whole = shlex.quote(str(Path.cwd() / path))
    return DataDirError(
        f"{HOME_ENV}={path} is a relative path, so every folder drillbit runs in would have "
        f"its own progress; give it whole, as from here: export {HOME_ENV}={whole}"
    )


def user_data_dir(appname: str, appauthor: str | Literal[False] | None) -> str:
    """platformdirs' user data dir, imported only when asked: with `$DRILLBIT_HOME` set it is
    not needed, and its import (tempfile, shutil, random) was 5% of `drillbit stats --json`."""
    from platformdirs import user_data_dir as platform_data_dir

    return platform_data_dir(appname, appauthor)


def ensure_dir(path: Path, what: str) -> None:
    """Make `path` a folder (parents too), or raise DataDirError saying why it cannot be one."""
    label = f"{what}={path}" if what == HOME_ENV else f"{what} {path}"
    dead = dead_link(path)
    if dead is not None:  # it was "cannot create ...: X is not a folder" of a link `ls` shows
        where = label if dead.link == path else f"{label}: {dead.link}"
        fix = "mount it" if dead.missing else "repair the link"
        raise DataDirError(f"{where} is {dead.words()}; {fix}, or point {HOME_ENV} at a folder")
    closed = no_entry(path)
    if closed is not None:
        raise DataDirError(f"{label} cannot be reached: {closed}; point {HOME_ENV} at a folder")
    if path.exists() and not path.is_dir():
        raise DataDirError(f"{label} is {_kind(path)}, not a folder; point {HOME_ENV} at a folder")
    blocker = file_in_the_way(path)
    if blocker is not None:  # mkdir said only "Not a directory"
        raise DataDirError(
            f"{label} lies under {blocker}, which is {_kind(blocker)}, not a folder; point "
            f"{HOME_ENV} at a folder"
        )
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:  # a parent (or a dangling symlink) is not a folder
        raise DataDirError(f"cannot create {label}: {exc.filename} is not a folder") from exc
    except OSError as exc:
        raise DataDirError(f"cannot create {label}: {exc.strerror or exc}") from exc


DEAD_LINK = "a symbolic link to "
"""How `DeadLink.words` starts: callers that list missing folders tell these apart."""


@dataclass(frozen=True)
class DeadLink:
    """A symbolic link, `path` itself or one of its folders, whose target cannot be
    reached: `dead_link`'s answer for every path the command line is given."""

    link: Path
    """The link: the path given, or the first of its folders that is one."""
    target: str
    """Where it points, as the link holds it."""
    errno: int
    """Why following it failed (ENOENT, ENOTDIR, ELOOP, EACCES, ...)."""
    reason: str
    """The system's words for anything but ENOENT, ENOTDIR, ELOOP and EACCES."""

    @property
    def missing(self) -> bool:
        """Its target is simply not there: a drive not mounted, a file moved."""
        return self.errno == errno.ENOENT

    def words(self, guess: str = "a drive not mounted?") -> str:
        """What the link is, for a one-line error: "a symbolic link to T, which is not there
        (a drive not mounted?)", `guess` saying what likely moved a target that is simply
        not there; a target behind a file, a loop and a folder this user may not enter are
        each named as such, never guessed at."""
        shown = f"{DEAD_LINK}{escape_path(self.target)}"
        if self.errno == errno.ENOENT:
            return f"{shown}, which is not there ({guess})"
        if self.errno == errno.ENOTDIR:
            blocker = file_in_the_way(Path(os.path.realpath(self.link.parent / self.target)))
            why = f"{escape_path(str(blocker))} is a file" if blocker else "a part is a file"
            return f"{shown}, which is not there ({why}, not a folder)"
        if self.errno == errno.ELOOP:
            return f"{shown}, which goes round in a loop of symbolic links"
        if self.errno == errno.EACCES:
            closed = _folder_not_entered(Path(os.path.realpath(self.link.parent / self.target)))
            why = (
                f"no permission to enter {escape_path(str(closed))}"
                if closed
                else "permission denied"
            )
            return f"{shown}, which this user may not reach ({why})"
        return f"{shown}, which cannot be reached ({self.reason})"

    def under(self, path: Path) -> str:
        """ "" for the link `path` itself, else "under L, " for the folder of `path` it is."""
        return "" if self.link == path else f"under {escape_path(str(self.link))}, "


def dead_link(path: Path) -> DeadLink | None:
    """The first of `path`'s folders, or `path` itself, that is a symbolic link whose target
    cannot be reached, or None. DRILLBIT_HOME, --content, config.toml and a FILE argument
    are each checked by this one function, so one link is told in the same words wherever
    it is given: they had three checks that told a link behind a file, a loop and a folder
    not entered each differently (a loop given as --content ended in a traceback)."""
    for each in (*reversed(path.parents), path):
        if not os.path.islink(each):
            continue
        try:
            os.stat(each)
        except OSError as exc:
            try:
                target = os.readlink(each)
            except OSError:  # removed between the two looks: nothing to tell of it
                return None
            return DeadLink(each, target, exc.errno or 0, exc.strerror or str(exc))
    return None


NO_ENTRY = "this user may not enter"
"""How `no_entry`'s words start: callers that list missing folders tell these apart."""


def no_entry(path: Path) -> str | None:
    """ "this user may not enter F" when `path` lies in a folder F this user may not enter
    (another user's, mode 700), or None: Path.exists raised PermissionError's traceback
    there for DRILLBIT_HOME, --content and `grade`'s FILE (root enters every folder)."""
    closed = _folder_not_entered(path.absolute())
    return None if closed is None else f"{NO_ENTRY} {escape_path(str(closed))}"


def _folder_not_entered(target: Path) -> Path | None:
    """The first of `target`'s folders this user may not enter (EACCES's cause); a file
    in the way is `file_in_the_way`'s."""
    for folder in reversed(target.parents):
        if os.path.isdir(folder) and not os.access(folder, os.X_OK):
            return folder
    return None


def file_in_the_way(target: Path) -> Path | None:
    """The first of `target`'s folders that is there but is no folder (ENOTDIR's cause):
    named, so that `x.py/answer.py` is not told "does not exist" or "Not a directory"."""
    for folder in reversed(target.parents):
        if os.path.lexists(folder) and not folder.is_dir():
            return folder
    return None


def _kind(path: Path) -> str:
    """What is at `path` in place of a folder, as `quiz.textsafe.file_kind` words it (a
    layer above this one): a FIFO was said to be "a file"."""
    mode = path.stat().st_mode
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a socket" if stat.S_ISSOCK(mode) else "a file"


def write_trouble(path: Path, exc: OSError) -> str:
    """Why `path` could not be written, for a one-line error: a file where one of its
    folders should be is named (mkdir says only "File exists" or "Not a directory"),
    anything else is the system's reason."""
    blocker = file_in_the_way(path)
    return f"{blocker} is not a folder" if blocker else exc.strerror or str(exc)


def refuse_missing_folder(path: Path, *, title: str, writing: str = "") -> None:
    """DrillbitError naming the first missing folder (and the `mkdir -p` that makes it) when
    `path`'s folder is not there; `writing` names what was to be written there.

    A file's folder is never made for it (the exports, `watch`'s starter): a typo in a path
    (`~/Dropbx/backup.json`) made a new folder tree and put the file where nobody would
    look, as `cp` or `git bundle` never do."""
    folder = path.parent
    if folder.is_dir():
        return
    missing = folder
    while not missing.parent.is_dir() and missing.parent != missing:
        missing = missing.parent
    if os.path.lexists(missing):
        return  # a file where a folder should be: write_trouble names it
    what = f"{writing} to " if writing else ""
    tilde = path.parts[0] if not path.is_absolute() and path.parts else ""
    if tilde.startswith("~"):  # `'~/backups/x.json'`, quoted: mkdir -p '~/backups' made `./~`
        whole = os.path.expanduser(str(path))
        instead = f"write it as {whole}" if whole != str(path) else "give the whole path"
        raise DrillbitError(
            f"cannot write {what}{path}: its {tilde} was not expanded by a shell (the path "
            f"was quoted); {instead}",
            title=title,
        )
    mkdir = f"mkdir -p {shlex.quote(str(folder))}"  # a command to paste: quoted for a shell
    raise DrillbitError(
        f"cannot write {what}{path}: the folder {missing} does not exist (check the path, "
        f"or create it: {mkdir})",
        title=title,
    )


def database_path(*, create: bool = True) -> Path:
    """The SQLite file with every review, attempt and draft."""
    return data_dir(create=create) / DATABASE_NAME


def as_found(path: Path) -> Path:
    """`path` made absolute with its folder resolved and its own name as given: a symbolic
    link is where it sits, never where it points (a file to fix is the link an author
    made), and a link loop never raises (`Path.resolve` raises RuntimeError on one)."""
    try:
        if path.name == "..":  # `x/..` names a folder, not a link: resolve it all
            return path.resolve()
        return path.parent.resolve() / path.name
    except (OSError, RuntimeError):  # the folder itself is a loop: as given
        return path.absolute()


def link_trouble(path: Path) -> str | None:
    """Why a symbolic link at `path` leads to no file ("a symbolic link loop", "a broken
    symbolic link"), in a card file's words, or None when `path` is not a link or its
    target exists. A card file's own words, for lint's fix line; a path the command line
    is given is told by `dead_link`."""
    if not os.path.islink(path):
        return None
    try:
        os.stat(path)
    except OSError as exc:
        return "a symbolic link loop" if exc.errno == errno.ELOOP else "a broken symbolic link"
    return None


def display_path(path: Path) -> str:
    """A path relative to the working directory when it is below it; a symbolic link is
    shown where it sits (`quiz.paths.as_found`), not where it points."""
    return _shown(path, as_found(path), Path.cwd().resolve())


def _shown(path: Path, resolved: Path, cwd: Path) -> str:
    """`resolved` (the path as found) relative to `cwd` when it is below it, else `path`
    as given."""
    try:
        return str(resolved.relative_to(cwd))
    except ValueError:
        return str(path)


_PLACE = re.compile(r"(.+?):(\d+):(\d+): ")
"""The start of lint's line: `path:line:col: `."""


def shown_summary(summary: str) -> str:
    """The load's summary with its first problem's file shown as lint shows it
    (`display_path`): an absolute `--content` below the working folder was relative in
    lint's line and absolute in the summary. The summary is remembered with the card index
    (for any working folder), so its path is shown here, not when it is made."""
    first, newline, rest = summary.partition("\n")
    place = _PLACE.match(first) if newline else None
    if place is None:
        return summary
    return display_path(Path(place.group(1))) + first[len(place.group(1)) :] + newline + rest
