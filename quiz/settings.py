"""The person's settings: `$DRILLBIT_HOME/config.toml`, validated with pydantic.

The file is created on the first change (`drillbit config KEY VALUE` or the settings
screen) and holds only the keys that differ from the defaults. A bad file or value is
a one-line error naming the key. Values that are plainly valid (the types the file
holds, within bounds, steps like `10m`: what this module writes) are taken without
pydantic (`_plainly_valid`), so a start with a settings file does not import it; any
other value is judged, and explained, by the pydantic model.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import asdict, dataclass, field, fields
from datetime import timedelta
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fsrs import Scheduler

from quiz.errors import InputFileError, UsageError
from quiz.paths import data_dir
from quiz.textsafe import read_regular_text

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError

CONFIG_NAME = "config.toml"
CONFIG_LIMIT = 64 * 1024
"""The largest config.toml read (a full one is a few hundred bytes)."""

_STEP = re.compile(r"^(\d+(?:\.\d+)?)\s*(s|m|h|d)$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
MAX_STEP_DAYS = 36500
"""The longest learning or relearning step, fsrs's longest interval (100 years): a longer
one overflowed a due date (a traceback at every start, or at the answer)."""


def _step_ok(step: str) -> bool:
    """A duration `_STEP` reads, at most MAX_STEP_DAYS."""
    match = _STEP.match(step.strip())
    return match is not None and (
        float(match.group(1)) * _UNIT_SECONDS[match.group(2)] <= MAX_STEP_DAYS * 86400
    )


class SettingsError(UsageError):
    """config.toml or a value given for it is not valid."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.title = "config"


def _help(text: str, **bounds: float) -> Any:
    """A field's description and bounds (ge, le), for `drillbit config` and the validator."""
    return {"description": text, **bounds}


@dataclass(frozen=True)
class Settings:
    """Every setting with its default; `drillbit config` lists them.

    A plain dataclass, so that the defaults (no config.toml) cost no pydantic import at
    start-up; any value other than a default is validated by the pydantic model built
    from these fields (`_validator`), which also checks config.toml and typed values.
    """

    new_per_day: int = field(
        default=20, metadata=_help("New cards introduced per day.", ge=0, le=9999)
    )
    max_reviews_per_day: int = field(
        default=200,
        metadata=_help("Most scheduled reviews a day's due sessions show.", ge=0, le=99999),
    )
    desired_retention: float = field(
        default=0.9,
        metadata=_help("Recall probability fsrs schedules for (0.7-0.99).", ge=0.7, le=0.99),
    )
    learning_steps: tuple[str, ...] = field(
        default=("1m", "10m"), metadata=_help("Steps of a new card before it graduates.")
    )
    relearning_steps: tuple[str, ...] = field(
        default=("10m",),
        metadata=_help("Steps of a forgotten card before it returns to review."),
    )
    shuffle_choices: bool = field(
        default=True,
        metadata=_help("Show a choice card's options in a new order each time."),
    )
    mock_questions: int = field(
        default=10, metadata=_help("Questions in a mock interview.", ge=1, le=200)
    )
    mock_minutes: int = field(
        default=20, metadata=_help("Length of a mock interview.", ge=1, le=600)
    )
    mock_feedback: bool = field(
        default=False,
        metadata=_help("Show right/wrong after each mock question (practice)."),
    )

    def __post_init__(self) -> None:
        values = asdict(self)
        if values == _DEFAULTS:
            return
        checked = _plainly_valid(values)
        if checked is None:  # pydantic judges (and raises its ValidationError)
            checked = _validator().model_validate(values).model_dump()
        for name, value in checked.items():
            object.__setattr__(self, name, value)

    def steps(self, key: str) -> tuple[timedelta, ...]:
        """learning_steps or relearning_steps as durations."""
        return tuple(step_duration(step) for step in getattr(self, key))

    def scheduler(self) -> Scheduler:
        """fsrs with this retention and these steps (fuzzing on, as fsrs defaults)."""
        return Scheduler(
            desired_retention=self.desired_retention,
            learning_steps=self.steps("learning_steps"),
            relearning_steps=self.steps("relearning_steps"),
        )


_DEFAULTS: dict[str, Any] = {f.name: f.default for f in fields(Settings)}
_BOUNDS: dict[str, dict[str, float]] = {
    f.name: {k: v for k, v in f.metadata.items() if k in ("ge", "le")} for f in fields(Settings)
}
KEYS: tuple[str, ...] = tuple(_DEFAULTS)


def describe(key: str) -> str:
    """What a setting does, as `drillbit config` and the settings screen say it."""
    return str(next(f.metadata["description"] for f in fields(Settings) if f.name == key))


@cache
def _validator() -> type[BaseModel]:
    """The pydantic model of the settings: bounds, step syntax, no unknown key."""
    from pydantic import ConfigDict, Field, create_model, field_validator

    definitions: dict[str, Any] = {
        f.name: (_TYPES[str(f.type)], Field(default=f.default, **dict(f.metadata)))
        for f in fields(Settings)
    }
    fields_only = create_model(
        "Settings", __config__=ConfigDict(extra="forbid", frozen=True), **definitions
    )

    class SettingsModel(fields_only):  # type: ignore[valid-type, misc]
        @field_validator("learning_steps", "relearning_steps")
        @classmethod
        def _steps_valid(cls, value: tuple[str, ...]) -> tuple[str, ...]:
            for step in value:
                if _STEP.match(step.strip()) is None:
                    raise ValueError(f"'{step}' is not a duration: use e.g. 30s, 1m, 10m, 1h or 1d")
                if not _step_ok(step):
                    raise ValueError(f"'{step}' is too long: a step is at most {MAX_STEP_DAYS}d")
            return tuple(step.strip() for step in value)

    return SettingsModel


_TYPES: dict[str, Any] = {
    "int": int,
    "float": float,
    "bool": bool,
    "tuple[str, ...]": tuple[str, ...],
}


def _validated(data: dict[str, Any]) -> Settings:
    """Settings from raw values (TOML or typed), checked; pydantic's ValidationError if not."""
    plain = _plainly_valid(data)
    if plain is not None:
        return Settings(**plain)
    return Settings(**_validator().model_validate(data).model_dump())


def _plainly_valid(data: Any) -> dict[str, Any] | None:
    """Every setting, when `data` is plainly valid: known keys, each value of its field's
    own type (an int or a float for a float) within the field's bounds, steps a list of
    strings `_step_ok` takes (kept stripped, as the model keeps them). None for anything else
    (a string for a number, an unknown key, a value out of bounds): the model decides.
    Whatever this takes, the model takes too, with the same values (a test holds it)."""
    if type(data) is not dict or not data.keys() <= _DEFAULTS.keys():
        return None
    values = dict(_DEFAULTS)
    for key, value in data.items():
        default, kind = _DEFAULTS[key], type(value)
        if type(default) is bool or type(default) is int:
            if kind is not type(default):
                return None
        elif type(default) is float:
            if kind is not float and kind is not int:
                return None
            value = float(value)
        else:
            if kind is not tuple and kind is not list:
                return None
            if not all(type(step) is str and _step_ok(step) for step in value):
                return None
            value = tuple(step.strip() for step in value)
        bounds = _BOUNDS[key]
        if "ge" in bounds and not value >= bounds["ge"]:
            return None
        if "le" in bounds and not value <= bounds["le"]:
            return None
        values[key] = value
    return values


def step_duration(step: str) -> timedelta:
    """'10m' -> 10 minutes."""
    match = _STEP.match(step.strip())
    if match is None:
        raise ValueError(f"'{step}' is not a duration")
    return timedelta(seconds=float(match.group(1)) * _UNIT_SECONDS[match.group(2)])


def config_path() -> Path:
    """`$DRILLBIT_HOME/config.toml` (the platform data folder without DRILLBIT_HOME)."""
    return data_dir() / CONFIG_NAME


def _error_text(exc: ValidationError) -> str:
    error = exc.errors()[0]
    key = ".".join(str(part) for part in error["loc"]) or "config"
    return f"{key}: {error['msg']}"


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings, or the defaults when there is no file; SettingsError when invalid."""
    path = path if path is not None else config_path()
    try:
        # only a regular file is read: a FIFO or a device at this path must not hang start-up
        text = read_regular_text(path, limit=CONFIG_LIMIT, title="settings")
    except InputFileError as exc:
        if not os.path.lexists(path):
            return Settings()
        raise SettingsError(f"{path}: cannot be read: {exc.reason}") from exc
    import tomllib  # only with a settings file: most starts have none

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not valid TOML: {exc}") from exc
    plain = _plainly_valid(data)
    if plain is not None:
        return Settings(**plain)
    from pydantic import ValidationError  # only for a value the model must judge

    try:
        return _validated(data)
    except ValidationError as exc:
        raise SettingsError(f"{path}: {_error_text(exc)}") from exc


def parse_value(key: str, text: str) -> Any:
    """A value typed on the command line for `key`, as the model expects it."""
    if key not in _DEFAULTS:
        matches = difflib.get_close_matches(key, KEYS, n=1, cutoff=0.6)
        close = matches[0] if matches else None
        hint = f"did you mean '{close}'?" if close else f"known keys: {', '.join(KEYS)}"
        raise SettingsError(f"unknown key '{key}': {hint}")
    default = _DEFAULTS[key]
    raw = text.strip()
    if isinstance(default, bool):
        lowered = raw.lower()
        if lowered in ("true", "yes", "on", "1"):
            return True
        if lowered in ("false", "no", "off", "0"):
            return False
        raise SettingsError(f"{key}: '{text}' is not true or false")
    if isinstance(default, tuple):
        return tuple(part for part in re.split(r"[,\s]+", raw) if part)
    return raw


def with_value(settings: Settings, key: str, text: str) -> Settings:
    """A copy of `settings` with `key` set from its typed text; SettingsError naming the key."""
    from pydantic import ValidationError

    value = parse_value(key, text)
    try:
        return _validated({**asdict(settings), key: value})
    except ValidationError as exc:
        raise SettingsError(_error_text(exc)) from exc


def format_value(value: object) -> str:
    """A setting as `drillbit config` prints it (and accepts it back)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write the keys that differ from the defaults, atomically (a crash leaves the old file)."""
    path = path if path is not None else config_path()
    defaults = Settings()
    lines = ["# drillbit settings: `drillbit config` lists every key and its default.\n"]
    for key in KEYS:
        value = getattr(settings, key)
        if value != getattr(defaults, key):
            lines.append(f"{key} = {_toml_value(value)}\n")
    temporary = path.with_suffix(".toml.tmp")
    temporary.write_text("".join(lines), encoding="utf-8")
    os.replace(temporary, path)
    return path
