"""The person's settings: `$DRILLBIT_HOME/config.toml`, validated with pydantic.

The file is created on the first change (`drillbit config KEY VALUE` or the settings
screen) and holds only the keys that differ from the defaults. A bad file or value is
a one-line error naming the key.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any

from fsrs import Scheduler
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from quiz.errors import InputFileError, UsageError
from quiz.paths import data_dir
from quiz.textsafe import read_regular_text

CONFIG_NAME = "config.toml"
CONFIG_LIMIT = 64 * 1024
"""The largest config.toml read (a full one is a few hundred bytes)."""

_STEP = re.compile(r"^(\d+(?:\.\d+)?)\s*(s|m|h|d)$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}

Step = Annotated[str, Field(description="A duration such as 30s, 1m, 10m, 1h or 1d.")]


class SettingsError(UsageError):
    """config.toml or a value given for it is not valid."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.title = "config"


class Settings(BaseModel):
    """Every setting with its default; `drillbit config` lists them."""

    model_config = ConfigDict(extra="forbid", frozen=True, validate_assignment=True)

    new_per_day: int = Field(default=20, ge=0, le=9999, description="New cards introduced per day.")
    max_reviews_per_day: int = Field(
        default=200, ge=0, le=99999, description="Most scheduled reviews a day's due sessions show."
    )
    desired_retention: float = Field(
        default=0.9,
        ge=0.7,
        le=0.99,
        description="Recall probability fsrs schedules for (0.7-0.99).",
    )
    learning_steps: tuple[Step, ...] = Field(
        default=("1m", "10m"), description="Steps of a new card before it graduates."
    )
    relearning_steps: tuple[Step, ...] = Field(
        default=("10m",), description="Steps of a forgotten card before it returns to review."
    )
    shuffle_choices: bool = Field(
        default=True, description="Show a choice card's options in a new order each time."
    )
    mock_questions: int = Field(
        default=10, ge=1, le=200, description="Questions in a mock interview."
    )
    mock_minutes: int = Field(default=20, ge=1, le=600, description="Length of a mock interview.")
    mock_feedback: bool = Field(
        default=False, description="Show right/wrong after each mock question (practice)."
    )

    @field_validator("learning_steps", "relearning_steps")
    @classmethod
    def _steps_valid(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for step in value:
            if _STEP.match(step.strip()) is None:
                raise ValueError(f"'{step}' is not a duration: use e.g. 30s, 1m, 10m, 1h or 1d")
        return tuple(step.strip() for step in value)

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


def step_duration(step: str) -> timedelta:
    """'10m' -> 10 minutes."""
    match = _STEP.match(step.strip())
    if match is None:
        raise ValueError(f"'{step}' is not a duration")
    return timedelta(seconds=float(match.group(1)) * _UNIT_SECONDS[match.group(2)])


KEYS: tuple[str, ...] = tuple(Settings.model_fields)


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
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not valid TOML: {exc}") from exc
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        raise SettingsError(f"{path}: {_error_text(exc)}") from exc


def parse_value(key: str, text: str) -> Any:
    """A value typed on the command line for `key`, as the model expects it."""
    if key not in Settings.model_fields:
        matches = difflib.get_close_matches(key, KEYS, n=1, cutoff=0.6)
        close = matches[0] if matches else None
        hint = f"did you mean '{close}'?" if close else f"known keys: {', '.join(KEYS)}"
        raise SettingsError(f"unknown key '{key}': {hint}")
    default = Settings.model_fields[key].default
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
    value = parse_value(key, text)
    try:
        return Settings.model_validate({**settings.model_dump(), key: value})
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
