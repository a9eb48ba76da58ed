"""The banks that git's deletions touch, for the pre-commit hook (`drillbit lint --git-deleted`).

pre-commit passes the files a commit adds or changes, never the ones it deletes: a commit
that only deletes a card passed nothing, and lint fell back to ./content (or the bundled
bank), so a card anywhere else that names the deleted one in `related` went unreported.
Git itself says what is deleted; each deleted card or `pack.yaml` is mapped to a
`pack.yaml` still in its bank, which lint checks with that whole bank (the references
into the deleted card included), wherever the bank is in the repository.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable
from pathlib import Path

LINTED = re.compile(r"\.md$|pack\.yaml$")
"""The hook's `files` pattern (.pre-commit-hooks.yaml): what a deletion of matters."""
_GIT_SECONDS = 60.0
"""A bound on each git call, which reads only the index and the object store."""


def deleted_banks(cwd: Path) -> list[Path]:
    """A `pack.yaml` of each bank of the repository at `cwd` that git's deletions touch
    (see `bank_anchors`); [] outside a git work tree or when git is missing."""
    top = _git(cwd, "rev-parse", "--show-toplevel")
    if top is None:
        return []
    root = Path(top.rstrip("\n"))
    return bank_anchors(git_deleted(cwd, root), root)


def git_deleted(cwd: Path, root: Path) -> list[Path]:
    """The files deleted by the staged changes (or, when pre-commit runs with `--from-ref`
    and `--to-ref`, by that range), under the work tree's `root`."""
    span = [os.environ.get("PRE_COMMIT_FROM_REF", ""), os.environ.get("PRE_COMMIT_TO_REF", "")]
    which = [f"{span[0]}...{span[1]}"] if all(span) else ["--cached"]
    listed = _git(cwd, "diff", "--name-only", "--no-renames", "--diff-filter=D", "-z", *which)
    return [root / name for name in (listed or "").split("\0") if name]


def bank_anchors(deleted: Iterable[Path], top: Path | None = None) -> list[Path]:
    """For each deleted card or `pack.yaml`, a `pack.yaml` of its bank that still exists:
    its own pack's, or, when the whole pack went, the first of a pack beside it. Each
    once, in order; none for a file in no bank (a README) or a bank that is all gone."""
    anchors: list[Path] = []
    for path in deleted:
        if not LINTED.search(path.name):
            continue
        anchor = _anchor(path, top)
        if anchor is not None and anchor not in anchors:
            anchors.append(anchor)
    return anchors


def _anchor(path: Path, top: Path | None) -> Path | None:
    for folder in path.parents:
        if folder.is_dir():
            own = folder / "pack.yaml"
            if own.is_file():
                return own
            beside = sorted(p for p in folder.glob("*/pack.yaml") if p.is_file())
            if beside:
                return beside[0]
        if top is not None and folder == top:
            return None
    return None


def _git(cwd: Path, *args: str) -> str | None:
    """git's output, or None when git is missing, fails, or this is no work tree."""
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            timeout=_GIT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None
