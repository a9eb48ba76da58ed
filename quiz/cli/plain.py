"""What commands share that needs no click: the content roots, the progress store, warnings.

`quiz.cli.context` hands these to the click commands with click's `echo` as the warning;
`drillbit stats --json` runs without click (`quiz.cli.stats`) and warns with `warn`.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from quiz.paths import display_path, shown_summary

if TYPE_CHECKING:
    from quiz.clock import Clock
    from quiz.store.store import Store

__all__ = [
    "SCHEMA_VERSION",
    "Warn",
    "content_roots_of",
    "display_path",
    "model_like_json",
    "open_store",
    "shown_summary",
    "unsaved_line",
    "warn",
]

SCHEMA_VERSION: Literal[1] = 1
"""The version of every JSON output (`quiz.cli.schemas`; the progress backup has its own)."""

Warn = Callable[[str], None]
"""Prints one line for the person on stderr."""

_ANSI_STYLE = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")


def warn(message: str) -> None:
    """One line on stderr, as `click.echo(message, err=True)` prints it: terminal styles are
    dropped when stderr is not a terminal."""
    stream = sys.stderr
    if not stream.isatty():
        message = _ANSI_STYLE.sub("", message)
    stream.write(message + "\n")
    stream.flush()


def content_roots_of(
    content: Sequence[Path], warn: Warn, *, name_missing: bool = True
) -> list[Path]:
    """The content roots; installed packs this drillbit cannot load are named with `warn`,
    and so, with `name_missing`, is a --content or DRILLBIT_CONTENT folder that is not
    there: a mistyped one was left out without a word by every command but `list` and
    `cards`, which name it in their load summary (and pass False)."""
    from quiz.bank.sources import content_roots, installed_packs

    installed, refused = installed_packs()
    for reason in refused:
        warn(f"drillbit: {reason}")
    if name_missing:
        name_missing_content(content, warn)
    return content_roots(content, installed=installed)


def name_missing_content(content: Sequence[Path], warn: Warn) -> None:
    """Name with `warn` each --content or DRILLBIT_CONTENT folder that is not there."""
    from quiz.bank.sources import content_folder_problem, env_content_dirs

    problem = content_folder_problem([*env_content_dirs(), *content])
    if problem is not None:
        warn(f"drillbit: {problem}; its cards are not loaded")


def open_store(warn: Warn, clock: Clock, *, says_unsaved: bool = False) -> Store:
    """The progress database; notices (a corrupt file moved aside, nothing saved) go to `warn`.

    `clock` is the command's: a damaged file moved aside is named by its time, not the
    wall clock's (a test's fixed clock names it the same on every run).

    So do notices added later (damage found while reading the logs). Its errors
    (StoreError, DataDirError) reach the caller, which prints them as one line.
    A database that cannot be written is named once, in a one-shot command's words (the
    store's own notice speaks of quitting the app); not at all when the command says
    itself what was not saved (`says_unsaved`: a grade, a plan change, an import).
    """
    from quiz.store.store import Store

    store = Store.open(clock=clock)
    for notice in store.notices:
        if not notice.unsaved:
            warn(f"drillbit: {notice.message}")
        elif not says_unsaved:
            warn(f"drillbit: {unsaved_line(store.path, notice.reason)}")
    store.on_notice(lambda notice: warn(f"drillbit: {notice.message}"))
    return store


def unsaved_line(database: Path, reason: str) -> str:
    """What a one-shot command says of a database it cannot write: what still works and
    what is lost (it said "new answers are kept only until you quit", the app's words, for
    `drillbit stats`)."""
    return (
        f"{database} cannot be written ({reason}): your saved progress is read and shown, "
        "but nothing new will be saved (drill tries, reviews, plan changes, imported "
        "progress) until it can be written."
    )


def model_like_json(value: object) -> str | None:
    """`value` (dicts, lists, text, numbers, booleans, None) as pydantic's
    `model_dump_json(indent=2)` writes it, by `json`; None when it would differ.

    The two differ only in the numbers whose `repr` has an exponent (`1e-05` where pydantic
    writes `0.00001`, `1e+16` for `1e16`) and in NaN and infinities, which pydantic's models
    refuse or write as null: then the caller asks its model. A command that prints this
    does not import pydantic (about 0.2 s of a command's CPU); tests hold its output to the
    model's.
    """
    if not _plain_numbers(value):
        return None
    return json.dumps(value, indent=2, ensure_ascii=False)


def _plain_numbers(value: object) -> bool:
    """Whether every float in `value` is finite and written without an exponent."""
    if isinstance(value, float):
        return math.isfinite(value) and "e" not in repr(value)
    if isinstance(value, dict):
        return all(_plain_numbers(item) for item in value.values())
    if isinstance(value, list | tuple):
        return all(_plain_numbers(item) for item in value)
    return True
