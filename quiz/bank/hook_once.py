"""Each lint problem printed once per pre-commit run, however pre-commit splits the files.

pre-commit runs a hook on at most 128 KiB of file names at a time: a commit touching
3,000 cards runs `drillbit lint` twice, each run checking its files against their whole
bank. What a run finds outside its own files (a `related` id elsewhere that no longer
resolves, the bank of a deleted card that `--git-deleted` adds) every run found again, so
the user read the same report once per run. The runs of one pre-commit invocation share
its process as their parent; a marker in the repository's git folder (never in the work
tree) keyed by that process keeps the problems already printed, and a later run leaves
them out. Only the printing changes: a run still fails for them, so the marker can never
let a broken commit pass, and a new invocation (another parent) prints everything again.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from quiz.bank.deleted import git_output
from quiz.bank.problems import Problem

MARKER = "drillbit-lint-printed.json"
"""The marker's name in git's folder (`git rev-parse --git-path`): one file, overwritten
by each invocation, so nothing piles up."""


def problem_key(problem: Problem) -> str:
    """A problem as its place and words (a digest: the marker holds no card text). The
    path is not resolved: a link loop is a problem lint reports, not one to raise."""
    text = "\0".join(
        [str(problem.path.absolute()), str(problem.line), str(problem.col), problem.code]
        + [problem.severity, problem.message]
    )
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def invocation(environ: Mapping[str, str] | None = None) -> str | None:
    """Which pre-commit invocation this run belongs to (its parent process, with the
    parent's start time where /proc has it, so a reused pid is another invocation), or
    None when pre-commit did not start it (`PRE_COMMIT=1` is set for its hooks)."""
    env = os.environ if environ is None else environ
    if env.get("PRE_COMMIT") != "1":
        return None
    parent = os.getppid()
    try:
        stat = Path(f"/proc/{parent}/stat").read_text()
        started = stat[stat.rindex(")") + 2 :].split()[19]  # field 22, after the name
    except (OSError, ValueError, IndexError):
        started = "?"
    return f"{parent}:{started}"


def printed_before(problems: Iterable[Problem], cwd: Path, run: str | None) -> set[str]:
    """The keys of `problems` an earlier run of invocation `run` printed; all of them are
    recorded as printed now. Empty (nothing recorded) when `run` is None, outside a git
    work tree, or when the marker cannot be written."""
    if run is None:
        return set()
    keys = {problem_key(p) for p in problems}
    place = git_output(cwd, "rev-parse", "--git-path", MARKER)
    if place is None:
        return set()
    path = cwd / place.rstrip("\n")
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
    except OSError:
        return set()
    with os.fdopen(fd, "r+", encoding="utf-8") as marker:
        fcntl.flock(marker, fcntl.LOCK_EX)  # runs in parallel (require_serial overridden)
        try:
            held = json.loads(marker.read() or "{}")
        except ValueError:
            held = {}
        if not isinstance(held, dict):
            held = {}
        printed = held.get("printed") if held.get("run") == run else None
        earlier = {k for k in printed if isinstance(k, str)} if isinstance(printed, list) else set()
        marker.seek(0)
        marker.truncate()
        json.dump({"run": run, "printed": sorted(earlier | keys)}, marker)
    return keys & earlier
