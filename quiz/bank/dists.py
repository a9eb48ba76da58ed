"""What is installed, read from the metadata folder names, before `importlib.metadata` is needed.

`drillbit stats` and the app's start ask two questions of the installed packages: the
versions of the libraries that decide what a card parses to (the card cache's code stamp)
and whether any package registers a `drillbit.packs` entry point. `importlib.metadata`
answers both by importing its own machinery (email parsing, zip support, about a tenth of
`drillbit stats --json`) and reading every package's metadata. A wheel's metadata folder
is named `<name>-<version>.dist-info`, and entry points live in its `entry_points.txt`, so
one listing of each `sys.path` folder answers both. Whenever that listing cannot vouch for
the answer (a zip or other non-folder on `sys.path`, a distribution finder other than the
standard one, a metadata folder without a version in its name, a package that does
register the group) the callers ask `importlib.metadata` as before.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass

_SUFFIXES = (".dist-info", ".egg-info")


def normalize(name: str) -> str:
    """A distribution name as importlib.metadata compares them (PEP 503, with underscores)."""
    return re.sub(r"[-_.]+", "_", name).lower()


@dataclass(frozen=True, slots=True)
class Installed:
    """The metadata folders on `sys.path`, first of each name (as importlib.metadata finds)."""

    versions: dict[str, str]
    """Normalized name to the version in its folder name ('' when the name has none)."""
    folders: tuple[str, ...]
    """Every metadata folder, in `sys.path` order."""


def scan() -> Installed | None:
    """The metadata folders of `sys.path`, or None when a listing cannot tell them all."""
    from importlib.machinery import PathFinder

    finders = [f for f in sys.meta_path if hasattr(f, "find_distributions")]
    if finders != [PathFinder]:
        return None  # another finder may know distributions no folder listing shows
    versions: dict[str, str] = {}
    folders: list[str] = []
    for entry in sys.path:
        root = entry or "."
        if root.lower().endswith(".egg"):
            return None  # an egg keeps its metadata inside, in EGG-INFO
        try:
            names = os.listdir(root)
        except NotADirectoryError:
            return None  # a zip file on sys.path: importlib.metadata reads inside it
        except OSError:
            continue  # missing or unreadable: importlib.metadata finds nothing there either
        for name in names:  # listing order, as importlib.metadata takes the first
            if not name.lower().endswith(_SUFFIXES):
                continue
            stem = name.rpartition(".")[0]
            dist, _, version = stem.partition("-")
            if name.lower().endswith(".egg-info"):
                version = version.partition("-")[0]  # <name>-<version>-py3.x.egg-info
            versions.setdefault(normalize(dist), version)
            folders.append(os.path.join(root, name))
    return Installed(versions, tuple(folders))


def registers(installed: Installed, group: str) -> bool:
    """Whether any metadata folder's entry_points.txt may name `group` (a plain text search)."""
    needle = f"[{group}]"
    for folder in installed.folders:
        try:
            with open(os.path.join(folder, "entry_points.txt"), encoding="utf-8") as handle:
                text = handle.read()
        except FileNotFoundError:
            continue
        except (OSError, UnicodeDecodeError):
            return True  # cannot tell: let importlib.metadata read it
        if needle in text.replace(" ", ""):
            return True
    return False
