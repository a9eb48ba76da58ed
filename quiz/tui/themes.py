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
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else f"themes: {', '.join(names)}"
    return f"theme: '{name}' is not a theme this version has: {hint}"


def fallback_note(name: str, known: Iterable[str]) -> str | None:
    """What the app says at start when the kept theme is unknown (a name from an older
    Textual), or None when it is known: the default is used until another is picked."""
    refusal = unknown_theme(name, known)
    if refusal is None:
        return None
    return (
        f"{refusal} Using {DEFAULT_THEME}; pick one with ctrl+p then theme, "
        "or `drillbit config theme NAME`."
    )
