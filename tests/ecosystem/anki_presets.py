"""Anki deck-option presets read as flat settings, for the tests that compare two of them."""

from __future__ import annotations

from collections.abc import Mapping


def flat_options(options: Mapping[str, object], prefix: str = "") -> dict[str, object]:
    """A preset's settings as `section.key` -> value (nested sections joined by dots)."""
    flat: dict[str, object] = {}
    for key, value in options.items():
        if isinstance(value, Mapping):
            flat.update(flat_options(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat
