"""What every command shares: the `Context` object, the progress store, paths for display.

Command modules import from here and never from `quiz.cli.group`, so the group that
registers them can import them without a cycle. The bank and the store are imported
when a command needs them: `drillbit --help` and `drillbit schema` stay fast.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from quiz.cli import plain
from quiz.cli.plain import SCHEMA_VERSION

if TYPE_CHECKING:
    from quiz.bank.index import CardRef
    from quiz.bank.loader import Bank
    from quiz.store.store import Store

__all__ = [
    "SCHEMA_VERSION",
    "Context",
    "display_path",
    "display_paths",
    "open_store",
    "pass_context",
    "warn",
]


def display_path(path: Path) -> str:
    """A path relative to the working directory when it is below it."""
    return _shown(path, path.resolve(), Path.cwd().resolve())


def display_paths(paths: Sequence[Path]) -> list[str]:
    """`display_path` of each path, with each folder resolved once: a file that is not a
    symbolic link resolves to its folder's resolved path plus its name. (`display_path`
    resolves every part of every path and the working directory again: a fifth of the
    whole import's CPU time for 2,650 cards.)"""
    cwd = Path.cwd().resolve()
    folders: dict[Path, Path] = {}
    shown: list[str] = []
    for path in paths:
        if path.is_symlink():
            shown.append(_shown(path, path.resolve(), cwd))
            continue
        folder = folders.get(path.parent)
        if folder is None:
            folder = folders[path.parent] = path.parent.resolve()
        shown.append(_shown(path, folder / path.name, cwd))
    return shown


def _shown(path: Path, resolved: Path, cwd: Path) -> str:
    """`resolved` relative to `cwd` when it is below it, else `path` as given."""
    try:
        return str(resolved.relative_to(cwd))
    except ValueError:
        return str(path)


class Context:
    """Options shared by every command (the root group's `ctx.obj`)."""

    def __init__(self, content: Sequence[Path]) -> None:
        self.content = list(content)

    def load_bank(self) -> Bank:
        """The bundled bank plus --content, DRILLBIT_CONTENT and installed packs."""
        from quiz.bank.loader import load_bank

        return load_bank(self.roots())

    def card_index(self) -> tuple[CardRef, ...]:
        """Id, pack, topic, kind, title and tags of the cards `load_bank` would give, cheaply."""
        from quiz.bank.index import card_index

        return card_index(self.roots())

    def roots(self) -> list[Path]:
        """The content roots; installed packs this drillbit cannot load are named on stderr."""
        return plain.content_roots_of(self.content, warn)


pass_context = click.make_pass_decorator(Context)
"""Hands a command the root group's `Context` as its first argument."""


def open_store() -> Store:
    """The progress database; notices (a corrupt file moved aside, nothing saved) go to stderr.

    So do notices added later (damage found while reading the logs). Its errors
    (StoreError, DataDirError) reach `main`, which prints them as one line.
    """
    return plain.open_store(warn)


def warn(message: str) -> None:
    """One line for the person on stderr (the `Warn` the click commands hand on)."""
    click.echo(message, err=True)
