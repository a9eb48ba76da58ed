"""The colour theme kept as a setting: config.toml holds a name, and only here, where
Textual's themes are known, is it checked against them (a Textual upgrade may drop one)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from quiz.settings import DEFAULT_THEME


def theme_names() -> tuple[str, ...]:
    """The themes Textual ships (drillbit registers none of its own), sorted."""
    from textual.theme import BUILTIN_THEMES

    return tuple(sorted(BUILTIN_THEMES))


def unknown_theme(name: str, known: Iterable[str]) -> str | None:
    """Why `name` cannot be used (the closest known name, else the list), or None when it
    is one of `known`."""
    names = sorted(known)
    if name in names:
        return None
    close = closest_theme(name, names)
    hint = f"did you mean '{close}'?" if close else f"themes: {', '.join(names)}"
    return f"theme: '{name}' is not a theme this version has: {hint}"


def closest_theme(name: str, names: Iterable[str]) -> str | None:
    """The known name closest to a mistyped or dropped `name`, or None when none is close."""
    close = difflib.get_close_matches(name, list(names), n=1, cutoff=0.6)
    return close[0] if close else None


def fallback_note(name: str, known: Iterable[str]) -> str | None:
    """What the app says at start when the kept theme is unknown (a name from an older
    Textual), or None when it is known: the default is used until another is picked.

    In a notice on Home: without the list of every theme `unknown_theme` gives (ctrl+p
    then theme lists them), and in words that end by the table's header row at 80x24 (the
    note with a close name took five rows, over the first row's counts)."""
    names = sorted(known)
    if name in names:
        return None
    close = closest_theme(name, names)
    guess = f" (did you mean '{close}'?)" if close else ""
    return (
        f"'{name}' is not a theme this version has{guess}. Using {DEFAULT_THEME}: ^p "
        "then theme picks one."
    )
