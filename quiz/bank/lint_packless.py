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
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from quiz.bank.card_names import is_misnamed, misnamed_stem
from quiz.bank.loader import (
    CARD_LIMIT,
    PACK_FILE,
    looks_like_card,
    looks_like_misnamed_card,
    misnamed_problem,
)
from quiz.bank.problems import Problem
from quiz.errors import InputFileError
from quiz.plural import counted
from quiz.textsafe import read_regular_text


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
    return f", and name it {misnamed_stem(path.name)}.md (only `.md` files are read as cards)"


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


_NAMES_SHOWN = 3
"""The card files a folder's one `no-pack` problem names (the rest as '...')."""


def _cards_named(cards: list[Path]) -> str:
    """'its 3 cards (a.md, b.md, c.md)': what a folder without its pack file leaves out."""
    names = ", ".join(path.name for path in cards[:_NAMES_SHOWN])
    more = ", ..." if len(cards) > _NAMES_SHOWN else ""
    return f"its {counted(len(cards), 'card')} ({names}{more})"


def _why(folder: Path, cards: list[Path]) -> str:
    """Why the cards in `folder` are not loaded, and the fix: its pack file is no file, is
    spelt otherwise, or is missing."""
    folder_name = folder.name
    held = _cards_named(cards)
    verb = "is" if len(cards) == 1 else "are"
    if _pack_file_not_a_file(folder):
        return (
            f"folder '{folder_name}' has a {PACK_FILE} that is no file (a folder of that "
            f"name), so {held} {verb} not loaded: replace it with a {PACK_FILE} file "
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
            f"folder '{folder_name}' has {misnamed}, which is not read, so {held} {verb} not "
            f"loaded: rename it to {folder_name}/{PACK_FILE} (only that name makes a pack: "
            f"{note})"
        )
    return (
        f"folder '{folder_name}' has no {PACK_FILE}, so {held} {verb} not loaded: "
        f"add {folder_name}/{PACK_FILE} (title, description, version) to make it a pack"
    )


def _is_card(path: Path) -> bool:
    """Whether a file found here is a card (a README, a docs page, a `.txt` note is not)."""
    return looks_like_misnamed_card(path) if is_misnamed(path.name) else looks_like_card(path)


_TOPIC = re.compile(r"^topic[ \t]*:[ \t]*['\"]?([^'\"\s#]+)", re.MULTILINE)


def _topic_of(path: Path) -> str | None:
    """The `topic:` a card file writes, if it can be read: a card in a folder named as its
    topic sits in a topic folder, so the folder above is the pack that lacks its file."""
    try:
        head = read_regular_text(path, limit=CARD_LIMIT, title="card file")
    except InputFileError:
        return None
    found = _TOPIC.search(head)
    return None if found is None else found.group(1)


def _cards_in(folder: Path) -> list[Path]:
    return [path for path in _markdown(folder) if _is_card(path)]


def packless_cards(root: Path) -> list[Problem]:
    """Lint's word on the cards in `root` (a folder of packs, a pack without its file, or
    a topic folder of one) that no pack holds: one `no-pack` problem per folder that lacks
    its `pack.yaml`, at that folder (or at `root` when the folder is above it), naming its
    cards; each card at `root`'s top that belongs to no such folder is told where to go.

    A folder without its pack file was told at each of its cards (and the linted folder
    again as "no pack found"): a pack of 40 cards, one slip, 41 problems. Which folder is
    the pack: a card in a folder named as its `topic` is in a topic folder, so the folder
    above it; else the folder of `root` it is in (a folder of packs). A card saved under
    another name (`x.MD`, `x.txt`) is also its own `not-read` warning, as in a pack."""
    if _pack_or_unreadable(root):
        return []  # a pack itself: its own files are checked as the pack's
    # a pack folder linted alone, its pack file spelt otherwise: the why of every card in it
    root_misnamed = _misnamed_pack_file(root) is not None
    holds_packs = any(
        _is_folder(entry) and _pack_or_unreadable(Path(entry.path)) for entry in _entries(root)
    )
    groups: dict[Path, list[Path]] = {}
    problems: list[Problem] = []
    parent = root.resolve().parent
    for path in _cards_in(root):
        if not holds_packs and _topic_of(path) == root.name and not _pack_or_unreadable(parent):
            groups.setdefault(parent, []).append(path)
            continue
        problems.append(
            Problem(
                path,
                1,
                1,
                "no-pack",
                "a card outside any pack is not loaded: move it to <pack>/<topic>/"
                f"{path.name}, in a folder with a {PACK_FILE}{_also(path)}",
            )
        )
    for entry in _entries(root):
        folder = Path(entry.path)
        if not _is_folder(entry) or _pack_or_unreadable(folder):
            continue
        for path in _cards_in(folder):
            topic_folder = not holds_packs and _topic_of(path) == folder.name
            groups.setdefault(root if root_misnamed or topic_folder else folder, []).append(path)
        for sub in _entries(folder):
            if _is_folder(sub) and not _pack_or_unreadable(Path(sub.path)):
                found = _cards_in(Path(sub.path))
                groups.setdefault(root if root_misnamed else folder, []).extend(found)
    for pack, cards in groups.items():
        if not cards:
            continue
        cards.sort()
        at = pack if pack == root or root in pack.parents else root
        problems.append(Problem(at, 1, 1, "no-pack", _why(pack, cards)))
        problems.extend(misnamed_problem(path) for path in cards if is_misnamed(path.name))
    return problems


def packless_card_why(path: Path) -> str | None:
    """Why a card file given alone (pre-commit passes the changed ones) is in no pack,
    when it sits in a topic folder (named as its `topic`) of a folder without its
    `pack.yaml`: that folder's `no-pack` words, naming its cards. None for a file that is
    no card, or a card elsewhere (its words are the caller's: "not in a pack")."""
    if not path.is_file() or not _is_card(path) or _topic_of(path) != path.parent.name:
        return None
    pack = path.resolve().parent.parent
    if _pack_or_unreadable(pack):
        return None
    cards = sorted(
        card
        for entry in _entries(pack)
        if _is_folder(entry) and not _pack_or_unreadable(Path(entry.path))
        for card in _cards_in(Path(entry.path))
    )
    return _why(pack, cards or [path])
