"""Where content comes from: the bundled bank, --content folders, DRILLBIT_CONTENT, installed packs."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.bank import dists
from quiz.paths import dead_link, file_in_the_way, no_entry
from quiz.textsafe import file_kind

if TYPE_CHECKING:
    from importlib import metadata

ENTRY_POINT_GROUP = "drillbit.packs"
REQUIRES_GROUP = "drillbit.requires"
"""A pack's `drillbit.requires` entry point (same name as its `drillbit.packs` one) names a
PEP 440 specifier string, e.g. ">=0.1,<1": the drillbit versions the pack works with."""


def bundled_content_dir() -> Path:
    """The bank shipped with drillbit: inside the wheel, or the checkout's content/ folder."""
    package_dir = Path(__file__).resolve().parent.parent
    wheel_copy = package_dir / "_bundled_content"
    if wheel_copy.is_dir():
        return wheel_copy
    return package_dir.parent / "content"


def env_content_dirs() -> list[Path]:
    """Folders named in DRILLBIT_CONTENT (separated like PATH)."""
    value = os.environ.get("DRILLBIT_CONTENT", "")
    return [Path(part) for part in value.split(os.pathsep) if part.strip()]


NOT_THERE = "does not exist"
"""`folder_trouble`'s answer for a content folder that is not there at all."""

NOT_A_FOLDER = "not a folder"
"""How `folder_trouble`'s answer for a path that is there but is no folder ends."""

GIVEN_BY = "(--content or DRILLBIT_CONTENT)"


def folder_trouble(path: Path) -> str | None:
    """None for a folder; else what is wrong with `path` as a content folder: NOT_THERE,
    or what it is instead ("is a FIFO (named pipe), not a folder"): a FIFO given as
    --content was said to be "no such content folder", sending a person to look for a
    folder that was there. A folder that is, or lies under, a symbolic link to nothing (a
    drive not mounted) names that link and where it points, as DRILLBIT_HOME's does: it
    too was "no such content folder" of a name `ls` lists. The errors `Path.is_dir` reads
    as "no" are NOT_THERE; any other (a name too long) is raised, as is_dir raised it."""
    try:
        mode = path.stat().st_mode
    except OSError as error:
        dangling = _dangling(path)  # a link into a folder not entered too (EACCES)
        if dangling is not None:
            return dangling
        closed = no_entry(path) if error.errno == errno.EACCES else None
        if closed is not None:  # PermissionError's traceback ended every command
            return f"cannot be reached: {closed}"
        blocker = file_in_the_way(path) if error.errno == errno.ENOTDIR else None
        if blocker is not None:  # `--content notes.md/x` was "no such content folder"
            return f"is under {blocker}, a file, {NOT_A_FOLDER}"
        if error.errno in (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP):
            return NOT_THERE
        raise
    if stat.S_ISDIR(mode):
        return None
    kind = "a file" if stat.S_ISREG(mode) else file_kind(mode)
    return f"is {kind}, {NOT_A_FOLDER}"


def _dangling(path: Path) -> str | None:
    """`path`'s trouble when it, or a folder it lies in, is a symbolic link that leads to
    nothing (`quiz.paths.dead_link`: a loop, a target behind a file too)."""
    dead = dead_link(path)
    return None if dead is None else f"is {dead.under(path)}{dead.words()}"


def content_folder_problem(paths: Sequence[Path]) -> str | None:
    """One line naming the --content and DRILLBIT_CONTENT folders that are not there and
    those that are not folders, or None when each is a folder."""
    troubles = {path: folder_trouble(path) for path in dict.fromkeys(paths)}
    gone = [str(path) for path, trouble in troubles.items() if trouble == NOT_THERE]
    parts = [f"no such content folder {GIVEN_BY}: {', '.join(gone)}"] if gone else []
    parts.extend(
        f"{path} {trouble} {GIVEN_BY}"
        for path, trouble in troubles.items()
        if trouble not in (None, NOT_THERE)
    )
    return "; ".join(parts) or None


def _same_place(one: Path, other: Path) -> bool:
    """Whether two content roots are one folder; a root that is a loop of symbolic links
    is its own (`Path.resolve` raised RuntimeError's traceback for `--content loop`, which
    `folder_trouble` names)."""
    try:
        return one.resolve() == other.resolve()
    except (OSError, RuntimeError):
        return one.absolute() == other.absolute()


def drillbit_version() -> str:
    """The running drillbit's version, from its installed metadata."""
    from importlib import metadata

    return metadata.version("drillbit")


def _requirement_problem(entry_point: metadata.EntryPoint) -> str | None:
    """Why an installed pack cannot be loaded by this drillbit, or None when it can."""
    from importlib import metadata

    from packaging.specifiers import InvalidSpecifier, SpecifierSet

    dist = entry_point.dist
    owner = f"{dist.name} {dist.version}" if dist is not None else entry_point.value
    requires = [
        ep
        for ep in metadata.entry_points(group=REQUIRES_GROUP, name=entry_point.name)
        if dist is None or ep.dist is None or ep.dist.name == dist.name
    ]
    if not requires:
        return None
    try:
        wanted = requires[0].load()
        specifier = SpecifierSet(str(wanted))
    except InvalidSpecifier:
        return f"pack '{entry_point.name}' ({owner}): {REQUIRES_GROUP} is not a version specifier: {wanted!r}"
    except Exception as exc:  # a broken pack must not stop drillbit; say which one
        return f"pack '{entry_point.name}' ({owner}): cannot read {REQUIRES_GROUP}: {exc}"
    have = drillbit_version()
    if specifier.contains(have, prereleases=True):
        return None
    return (
        f"pack '{entry_point.name}' ({owner}) needs drillbit {specifier}, this is drillbit "
        f"{have}: it is not loaded (upgrade drillbit or install a pack version made for it)"
    )


def installed_packs() -> tuple[list[Path], list[str]]:
    """Pack folders of installed packages that this drillbit can load, and why others are not."""
    dirs: list[Path] = []
    refused: list[str] = []
    installed = dists.scan()
    if installed is not None and not dists.registers(installed, ENTRY_POINT_GROUP):
        return dirs, refused  # no package names the group: importlib.metadata not needed
    from importlib import metadata

    for entry_point in metadata.entry_points(group=ENTRY_POINT_GROUP):
        problem = _requirement_problem(entry_point)
        if problem is not None:
            refused.append(problem)
            continue
        target = entry_point.load()
        value = target() if callable(target) else target
        dirs.append(Path(str(value)))
    return dirs, refused


def entry_point_dirs() -> list[Path]:
    """Pack folders registered by installed packages under the `drillbit.packs` entry points.

    Each entry point names an object that is a path, or a callable returning one. A pack
    whose `drillbit.requires` excludes this drillbit's version is left out
    (`installed_packs` says why).
    """
    return installed_packs()[0]


def content_roots(
    extra: Sequence[Path] = (),
    *,
    include_bundled: bool = True,
    installed: Sequence[Path] | None = None,
) -> list[Path]:
    """Every content root to load, bundled first, without duplicates.

    `installed`: the pack folders of an `installed_packs()` call the caller already made
    (reading every package's entry points is a tenth of `drillbit stats`); else read here.
    """
    roots = [bundled_content_dir()] if include_bundled else []
    packs = entry_point_dirs() if installed is None else installed
    roots += [*env_content_dirs(), *extra, *packs]
    unique: list[Path] = []
    for root in roots:
        if all(not _same_place(root, seen) for seen in unique):
            unique.append(root)
    return unique
