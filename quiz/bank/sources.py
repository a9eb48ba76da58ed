"""Where content comes from: the bundled bank, --content folders, DRILLBIT_CONTENT, installed packs."""

from __future__ import annotations

import os
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

ENTRY_POINT_GROUP = "drillbit.packs"


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


def entry_point_dirs() -> list[Path]:
    """Pack folders registered by installed packages under the `drillbit.packs` entry points.

    Each entry point names an object that is a path, or a callable returning one.
    """
    dirs: list[Path] = []
    for entry_point in metadata.entry_points(group=ENTRY_POINT_GROUP):
        target = entry_point.load()
        value = target() if callable(target) else target
        dirs.append(Path(str(value)))
    return dirs


def content_roots(extra: Sequence[Path] = (), *, include_bundled: bool = True) -> list[Path]:
    """Every content root to load, bundled first, without duplicates."""
    roots = [bundled_content_dir()] if include_bundled else []
    roots += [*env_content_dirs(), *extra, *entry_point_dirs()]
    unique: list[Path] = []
    for root in roots:
        if all(root.resolve() != seen.resolve() for seen in unique):
            unique.append(root)
    return unique
