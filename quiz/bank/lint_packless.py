"""Cards a folder of packs holds outside any pack: the app never loads them, and a load
never lists them (it reads only folders with a `pack.yaml`), so lint looks for them.

The usual slip is a new pack whose `pack.yaml` was forgotten (`content/my-pack/basics/*.md`
beside the other packs), or a card saved at the top of the folder. Without this check,
`drillbit lint content` says "no problems" about cards it never read. Only the two levels
a card could sit at are listed (a folder's `*.md`, and its subfolders'), hidden and linked
folders are not walked, and a Markdown file counts only when its front matter has a
card's `kind` (a README, a docs page is no card), as inside a pack.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from quiz.bank.loader import PACK_FILE, is_misnamed, looks_like_card
from quiz.bank.problems import Problem


def _entries(folder: Path) -> list[os.DirEntry[str]]:
    """The folder's entries in name order, hidden ones left out (none when unreadable)."""
    try:
        with os.scandir(folder) as listed:
            return sorted((e for e in listed if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError:
        return []


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _markdown(folder: Path) -> Iterator[Path]:
    """The folder's Markdown files: `.md`, and a card saved as `x.MD` or `x.markdown`
    (never read even in a pack: `_also` says so), as a pack's load finds them."""
    for entry in _entries(folder):
        if (entry.name.endswith(".md") or is_misnamed(entry.name)) and not _is_folder(entry):
            yield Path(entry.path)


def _also(path: Path) -> str:
    """What else a card outside any pack needs: a `.md` name, for one saved as `x.MD`."""
    if not is_misnamed(path.name):
        return ""
    stem = path.name[: path.name.rfind(".")]
    return f", and name it {stem.lower()}.md (only `.md` files are read as cards)"


def _pack_or_unreadable(folder: Path) -> bool:
    """Whether `folder` has a pack.yaml file (as the load finds a pack), or cannot be
    looked into (the load reports such a folder as `unreadable`; `Path.exists` raised its
    PermissionError)."""
    try:
        return stat.S_ISREG(os.stat(folder / PACK_FILE).st_mode)
    except PermissionError:
        return True
    except (OSError, ValueError):
        return False


def _pack_file_not_a_file(folder: Path) -> bool:
    """Whether `folder/pack.yaml` is there but no regular file (a folder of that name):
    the load reads no pack there, so its cards are not loaded."""
    try:
        return not stat.S_ISREG(os.stat(folder / PACK_FILE).st_mode)
    except (OSError, ValueError):
        return False


def _misnamed_pack_file(folder: Path) -> str | None:
    """The name of a pack file spelt otherwise (`Pack.yaml`, `PACK.YAML`, `pack.yml`) in
    `folder`, if it has one: a case-insensitive disk (macOS, Windows) finds `Pack.yaml` as
    `pack.yaml` and loads the pack, Linux (a CI runner) does not."""
    return next(
        (
            entry.name
            for entry in _entries(folder)
            if entry.name != PACK_FILE and entry.name.lower() in ("pack.yaml", "pack.yml")
        ),
        None,
    )


def _why(folder: Path) -> str:
    """Why the cards in `folder` are not loaded, and the fix: its pack file is no file, is
    spelt otherwise, or is missing."""
    folder_name = folder.name
    if _pack_file_not_a_file(folder):
        return (
            f"folder '{folder_name}' has a {PACK_FILE} that is no file (a folder of that "
            f"name), so none of its cards is loaded: replace it with a {PACK_FILE} file "
            "(title, description, version)"
        )
    misnamed = _misnamed_pack_file(folder)
    if misnamed is not None:
        note = (
            "a Mac or Windows disk finds it whatever its case, Linux does not"
            if misnamed.lower() == PACK_FILE
            else "not `.yml`"
        )
        return (
            f"folder '{folder_name}' has {misnamed}, which is not read, so none of its cards "
            f"is loaded: rename it to {folder_name}/{PACK_FILE} (only that name makes a pack: "
            f"{note})"
        )
    return (
        f"folder '{folder_name}' has no {PACK_FILE}, so none of its cards is loaded: "
        f"add {folder_name}/{PACK_FILE} (title, description, version) to make it a pack"
    )


def packless_cards(root: Path) -> list[Problem]:
    """A `no-pack` problem at each card file in the folder of packs `root` (or in a folder
    of it without a `pack.yaml`, or in that folder's subfolders) that no pack holds. A
    folder whose pack file is spelt otherwise (`Pack.yaml`) is named with the name it needs:
    `root` itself too (a pack folder linted alone)."""
    if _pack_or_unreadable(root):
        return []  # a pack itself: its own files are checked as the pack's
    # a pack folder linted alone, its pack file spelt otherwise: the why of every card in it
    root_misnamed = _misnamed_pack_file(root) is not None
    problems = [
        Problem(
            path,
            1,
            1,
            "no-pack",
            "a card outside any pack is not loaded: move it to <pack>/<topic>/"
            f"{path.name}, in a folder with a {PACK_FILE}{_also(path)}",
        )
        for path in _markdown(root)
        if looks_like_card(path)
    ]
    for entry in _entries(root):
        folder = Path(entry.path)
        if not _is_folder(entry) or _pack_or_unreadable(folder):
            continue
        found = [path for path in _markdown(folder) if looks_like_card(path)]
        for sub in _entries(folder):
            if _is_folder(sub) and not _pack_or_unreadable(Path(sub.path)):
                found.extend(path for path in _markdown(Path(sub.path)) if looks_like_card(path))
        why = _why(root if root_misnamed else folder)
        problems.extend(Problem(path, 1, 1, "no-pack", why + _also(path)) for path in found)
    return problems
