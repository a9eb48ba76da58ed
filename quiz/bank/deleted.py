"""What the pre-commit hook (`drillbit lint --git-deleted`) lints besides the files it is given.

pre-commit passes the files a commit adds or changes, never the ones it deletes: a commit
that only deletes a card passed nothing, and lint fell back to ./content (or the bundled
bank), so a card anywhere else that names the deleted one in `related` went unreported.
Git itself says what is deleted; each deleted card or `pack.yaml` is mapped to a
`pack.yaml` still in its bank, which lint checks with that whole bank (the references
into the deleted card included), wherever the bank is in the repository.

The hook runs on every commit (`always_run`, for those deletions); a commit that changes
no card and deletes none has nothing to lint, and linting ./content (or the bundled bank)
then cost seconds for nothing. A change of the hook's config (`.pre-commit-config.yaml`:
a new `rev` brings new lint rules) lints every bank of the repository whole.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path

LINTED = re.compile(r"\.(?i:md|markdown|mdown|mkd|txt|text)$|pack\.yaml$")
"""The hook's `files` pattern (.pre-commit-hooks.yaml): what a deletion of matters."""
_GIT_SECONDS = 60.0
"""A bound on each git call, which reads only the index and the object store."""


CONFIGS = (".pre-commit-config.yaml", ".pre-commit-config.yml")
"""pre-commit's config file, at the top of the repository (the second name is also read)."""


def hook_paths(paths: Sequence[Path], cwd: Path) -> list[Path] | None:
    """What the hook lints in the repository at `cwd`: the given files that are in a pack
    (pre-commit passes every changed `.md`, a README too, which no bank holds), then
    `hook_targets` not already given. None outside a git work tree or when git is missing
    (lint then does as without the flag); [] when there is nothing to lint."""
    targets = hook_targets(cwd)
    if targets is None:
        return None
    kept = [p for p in paths if p.is_dir() or not p.is_file() or _in_a_pack(p)]
    given = {_where(p) for p in kept}
    return [*kept, *(p for p in targets if _where(p) not in given)]


def _where(path: Path) -> Path:
    """Where `path` resolves to; a link loop (pre-commit passes a linked card) where it
    sits (`Path.resolve` raises RuntimeError on one)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        from quiz.paths import as_found

        return as_found(path)


def _in_a_pack(path: Path) -> bool:
    """Whether a file is in a pack folder (one with a `pack.yaml`, at any depth above it)."""
    return any((folder / "pack.yaml").is_file() for folder in path.absolute().parents)


def hook_targets(cwd: Path) -> list[Path] | None:
    """What the hook lints besides its files, for the repository at `cwd`: a `pack.yaml` of
    each bank git's deletions touch (`bank_anchors`), and every bank folder of the
    repository when the change touches pre-commit's config. None outside a git work tree
    or when git is missing (lint then does as without the flag)."""
    top = git_output(cwd, "rev-parse", "--show-toplevel")
    if top is None:
        return None
    root = Path(top.rstrip("\n"))
    targets = bank_anchors(git_deleted(cwd, root), root)
    if any(name in CONFIGS for name in git_changed(cwd)):
        targets.extend(bank_folders(cwd, root))
    return targets


def _span() -> list[str]:
    """The staged changes, or the range pre-commit runs with (`--from-ref`, `--to-ref`)."""
    span = [os.environ.get("PRE_COMMIT_FROM_REF", ""), os.environ.get("PRE_COMMIT_TO_REF", "")]
    return [f"{span[0]}...{span[1]}"] if all(span) else ["--cached"]


def git_deleted(cwd: Path, root: Path) -> list[Path]:
    """The files deleted by the staged changes (or, when pre-commit runs with `--from-ref`
    and `--to-ref`, by that range), under the work tree's `root`."""
    listed = git_output(
        cwd, "diff", "--name-only", "--no-renames", "--diff-filter=D", "-z", *_span()
    )
    return [root / name for name in (listed or "").split("\0") if name]


def git_changed(cwd: Path) -> list[str]:
    """Every file the staged changes (or pre-commit's range) add, change or delete, as git
    names it (relative to the top of the work tree)."""
    listed = git_output(cwd, "diff", "--name-only", "--no-renames", "-z", *_span())
    return [name for name in (listed or "").split("\0") if name]


def bank_folders(cwd: Path, root: Path) -> list[Path]:
    """The folder of packs around each `pack.yaml` git tracks (one a bank), each once, in
    git's order; a pack that is a whole content folder by itself is its own folder."""
    listed = git_output(cwd, "ls-files", "-z", "--", ":(glob)**/pack.yaml")
    folders: list[Path] = []
    for name in (listed or "").split("\0"):
        pack = (root / name).parent
        if not name or not (pack / "pack.yaml").is_file():
            continue
        folder = pack.parent if pack != root else pack
        if folder not in folders:
            folders.append(folder)
    return folders


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


def git_output(cwd: Path, *args: str) -> str | None:
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
