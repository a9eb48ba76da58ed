"""A progress backup's settings: config.toml's changed keys written into the backup, and
the file's merged into this machine's config.toml after an import.

The merge fills in, never overrides: a key at its default here takes the file's value; a
key changed here stays (config.toml has no time to say which change came last, and a
setting chosen on this machine is not undone by a sync from another).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from quiz.errors import DrillbitError
from quiz.settings import (
    SettingsFileError,
    changed_values,
    checked_value,
    read_settings_file,
    save_keys,
)
from quiz.store.backup_report import MergeReport

__all__ = ["exported_settings", "merged_settings"]


def exported_settings(warn: Callable[[str], None]) -> dict[str, object]:
    """config.toml's valid keys that differ from their defaults; a key that cannot be used
    (or a file that cannot be read) is warned of and left out, as `stats` leaves it."""
    try:
        found = read_settings_file()
    except SettingsFileError as exc:
        warn(f"{exc.error_line()} (the backup holds no settings)")
        return {}
    if found.problems:
        warn(f"{found.error().error_line()} (the backup leaves it out)")
    return changed_values(found)


def merged_settings(report: MergeReport) -> MergeReport:
    """`report` with what became of the file's settings, config.toml saved with those
    taken. DrillbitError when config.toml cannot be read or written: the progress is
    imported by then (the command prints its line first), and the message says so."""
    if not report.file_settings:
        return report
    try:
        here = read_settings_file()
    except SettingsFileError as exc:
        raise DrillbitError(_not_merged(exc.message), title="import-progress") from exc
    taken: dict[str, Any] = {}
    same = kept = 0
    for key, value in report.file_settings.items():
        theirs = checked_value(key, value)
        if key not in here.data:  # at its default here
            if theirs == checked_value(key, _default(key)):
                same += 1
            else:
                taken[key] = theirs
        elif here.values.get(key) == theirs:
            same += 1
        else:  # changed here, or a bad value here that `drillbit config` repairs
            kept += 1
    if taken:
        try:
            save_keys(taken, here.path)
        except (OSError, SettingsFileError) as exc:
            reason = exc.message if isinstance(exc, SettingsFileError) else str(exc)
            raise DrillbitError(_not_merged(reason), title="import-progress") from exc
    return replace(report, settings_taken=len(taken), settings_same=same, settings_kept=kept)


def _default(key: str) -> object:
    from quiz.settings import Settings

    value = getattr(Settings(), key)
    return list(value) if isinstance(value, tuple) else value


def _not_merged(reason: str) -> str:
    return (
        f"the file's settings were not merged (its progress is): {reason}; import the "
        "file again once config.toml is repaired (nothing is added twice)"
    )
