"""The person's settings: `$DRILLBIT_HOME/config.toml`, validated with pydantic.

The file is created on the first change (`drillbit config KEY VALUE` or the settings
screen) and holds only the keys that differ from the defaults. A bad value typed on the
command line is a usage error naming the key (exit 2); a bad file is one line naming the
file, the line, the key and the command that repairs it (exit 1), and `drillbit config`
reads it key by key (`read_settings_file`) to show every problem and repair one key.

Values that are plainly valid (the types the file holds, within bounds, steps like
`10m`: what this module writes) are taken without pydantic (`_plainly_valid`), so a start
with a settings file does not import it; any other value is judged, and explained, by
the pydantic model.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import asdict, dataclass, field, fields
from datetime import timedelta
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quiz.errors import DrillbitError, InputFileError, UsageError
from quiz.paths import data_dir, dead_link
from quiz.textsafe import read_regular_text

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping

    from fsrs import Scheduler
    from pydantic import BaseModel

CONFIG_NAME = "config.toml"
CONFIG_LIMIT = 64 * 1024
"""The largest config.toml read (a full one is a few hundred bytes)."""

_STEP = re.compile(r"^([0-9]+(?:\.[0-9]+)?)\s*(s|m|h|d)$")
"""A step's duration: ASCII digits only, as Anki reads them (`\\d` took fullwidth `１０m`)."""
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
MAX_STEP_DAYS = 36500
"""The longest learning or relearning step, fsrs's longest interval (100 years): a longer
one overflowed a due date (a traceback at every start, or at the answer)."""

MAX_STEPS = 100
"""The most learning or relearning steps: far past any real schedule (Anki's defaults are
one or two), and a bound on what a typed list costs: 10,000 steps took 21 s to save and
show, and every session would have walked them."""

DEFAULT_THEME = "textual-dark"
"""The theme of a new home (the app's toolkit names its themes; the app checks the name)."""
_THEME_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
"""What a theme name looks like (every theme the toolkit ships is one): the file holds no
more than a name, whether the app has that theme is the app's to say."""
NO_STEPS = "(none)"
"""How an empty list of steps is shown (and may be typed back, as may `none` or nothing)."""


def _step_ok(step: str) -> bool:
    """A duration `_STEP` reads, at most MAX_STEP_DAYS."""
    match = _STEP.match(step.strip())
    return match is not None and (
        float(match.group(1)) * _UNIT_SECONDS[match.group(2)] <= MAX_STEP_DAYS * 86400
    )


class SettingsError(UsageError):
    """A key or value given on the command line is not valid (exit 2); a bad config.toml
    is a SettingsFileError (exit 1)."""

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
        default=20,
        metadata=_help(
            "New cards per day; an interview plan sets its own pace.",
            ge=0,
            le=9999,
        ),
    )
    max_reviews_per_day: int = field(
        default=200,
        metadata=_help("Most scheduled reviews a day's due sessions show.", ge=0, le=99999),
    )
    desired_retention: float = field(
        default=0.9,
        metadata=_help(
            "Chance of recalling a card when it comes due, that fsrs schedules for (70%-99%).",
            ge=0.7,
            le=0.99,
        ),
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
        default=20, metadata=_help("Length of a mock interview in minutes.", ge=1, le=600)
    )
    mock_feedback: bool = field(
        default=False,
        metadata=_help("Show right/wrong after each mock question (practice)."),
    )
    day_starts_at: int = field(
        default=4,
        metadata=_help(
            "Hour a new study day starts (Anki's next day starts at); 0 is midnight.",
            ge=0,
            le=23,
        ),
    )
    theme: str = field(
        default=DEFAULT_THEME,
        metadata=_help(
            "Colour theme; ^p, theme picks one (kept here); drillbit config theme lists them."
        ),
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
        from fsrs import Scheduler  # not at import: `drillbit stats --json` reads the settings

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
            if len(value) > MAX_STEPS:
                raise ValueError(f"{len(value)} steps are too many: at most {MAX_STEPS}")
            for step in value:
                if _STEP.match(step.strip()) is None:
                    meant = as_ascii_digits(step)
                    hint = f"digits 0-9 only: did you mean '{meant}'?" if meant else _STEP_WORDS
                    raise ValueError(f"'{step}' is not a duration: {hint}")
                if not _step_ok(step):
                    raise ValueError(f"'{step}' is too long: a step is at most {MAX_STEP_DAYS}d")
            return tuple(step.strip() for step in value)

        @field_validator("theme")
        @classmethod
        def _theme_valid(cls, value: str) -> str:
            if not _THEME_NAME.match(value.strip()):
                raise ValueError(f"{shown_raw(value)} is not a theme name: {_THEME_WORDS}")
            return value.strip()

    return SettingsModel


_STEP_WORDS = "use e.g. 30s, 1m, 10m, 1h or 1d"


def as_ascii_digits(text: str) -> str | None:
    """`text` with its decimal digits other than 0-9 (fullwidth `１０`, Arabic-Indic `١٠`)
    written 0-9, or None when it has none: a number is read from ASCII digits only, as Anki
    reads them, and a refusal shows what was likely meant."""
    if text.isascii():
        return None
    import unicodedata  # error messages only

    meant = "".join(
        str(unicodedata.decimal(char)) if char.isdecimal() and not char.isascii() else char
        for char in text
    )
    return None if meant == text else meant


_THEME_WORDS = "letters, digits, - and _, e.g. textual-dark (`drillbit config theme` lists them)"


_TYPES: dict[str, Any] = {
    "int": int,
    "float": float,
    "bool": bool,
    "tuple[str, ...]": tuple[str, ...],
    "str": str,
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
        elif type(default) is str:
            if kind is not str or not _THEME_NAME.match(value.strip()):
                return None
            value = value.strip()
        else:
            if kind is not tuple and kind is not list:
                return None
            if len(value) > MAX_STEPS:
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


def accepted(key: str, *, typed: bool = False) -> str:
    """What `key` takes, in words, for the message that refuses a value: the bounds of a
    number, true or false, durations. `typed`: as typed on the command line or the settings
    screen (a retention may be a percentage there; config.toml holds the number)."""
    default, bounds = _DEFAULTS[key], _BOUNDS[key]
    if isinstance(default, bool):
        return "true or false (yes/no, on/off and 1/0 work too)" if typed else "true or false"
    if isinstance(default, str):
        return f"a theme name: {_THEME_WORDS}"
    if isinstance(default, tuple):
        if typed:
            return 'durations such as 1m, 10m (commas or spaces between; "" or none for none)'
        return 'a list of durations such as ["1m", "10m"] ([] for none)'
    low, high = str(bounds["ge"]), str(bounds["le"])  # as config.toml holds them
    if isinstance(default, int):
        return f"a whole number from {low} to {high}"
    if typed:  # as the screen shows it and `drillbit plan --target` words its range
        percents = f"{as_percent(bounds['ge'])} to {as_percent(bounds['le'])}"
        return f"a number from {low} to {high} or {percents}, e.g. {as_percent(default)}"
    return f"a number from {low} to {high}, e.g. {default}"


def as_percent(value: float) -> str:
    """0.9 -> '90%', 0.925 -> '92.5%': exact, the way `from_percent` reads it back."""
    from decimal import Decimal

    return f"{(Decimal(repr(value)) * 100).normalize():f}%"


def _reason(key: str, error: Any, *, typed: bool = False) -> str:
    """Why pydantic refused `key`'s value, in our words: a step's own message (which names
    the step), otherwise what the key takes (`accepted`)."""
    if error["type"] == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    return f"not {accepted(key, typed=typed)}"


@dataclass(frozen=True)
class Problem:
    """One key of config.toml that cannot be used, with what is wrong and where."""

    key: str
    raw: object
    """The value as the file holds it."""
    reason: str
    """What is wrong: the model's message, or that the key is unknown."""
    line: int | None
    """The line the key is on, when it can be found (1-based)."""

    @property
    def known(self) -> bool:
        """A key drillbit has (a bad value), rather than one it does not know."""
        return self.key in _DEFAULTS

    @property
    def settings_under_a_header(self) -> bool:
        """An unknown key that is a table of known settings (`[drillbit]` above them): the
        person meant them as settings, and `--reset` of the table would lose them."""
        raw = self.raw
        return (
            not self.known
            and isinstance(raw, dict)
            and bool(raw)
            and all(key in _DEFAULTS for key in raw)
        )

    @property
    def shown_key(self) -> str:
        """The key as TOML writes it (quoted and escaped when it must be), for a message."""
        return toml_key(self.key)

    def repair(self) -> str:
        """The command that repairs this key."""
        if self.settings_under_a_header:
            return f"delete the line [{self.shown_key}], so the settings under it are read"
        if not self.known:
            if not self.key.isprintable():  # no command line a person can type back
                return "remove it from the file"
            import shlex  # error messages only: `drillbit stats --json` reads the settings

            return f"`drillbit config {shlex.quote(self.key)} --reset` removes it"
        default = _DEFAULTS[self.key]  # a retention as the file holds it, 0.9
        default = str(default) if isinstance(default, float) else format_value(default)
        return f"`drillbit config {self.key} VALUE` (`--reset` for the default, {default})"

    def one_line(self, path: Path | str) -> str:
        """`path:line: key = value: reason; repair: command`."""
        place = f"{path}:{self.line}" if self.line is not None else f"{path}"
        return (
            f"{place}: {self.shown_key} = {shown_raw(self.raw)}: {self.reason}; "
            f"repair: {self.repair()}"
        )


class SettingsFileError(DrillbitError):
    """config.toml cannot be used as it is: exit 1 (a file a person can meet, not a wrong
    command line), naming the file, the place and the command that repairs it."""

    def __init__(self, message: str) -> None:
        super().__init__(message, title="settings")


@dataclass(frozen=True)
class SettingsFile:
    """config.toml read key by key: what each good key holds and what is wrong with the rest."""

    path: Path
    data: dict[str, Any]
    """The keys and values as the file holds them (none when there is no file)."""
    values: dict[str, Any]
    """Every known key the file sets to a valid value, as the model keeps it."""
    problems: tuple[Problem, ...]
    """Every key that cannot be used, in the file's order."""

    def settings(self, kept: Settings | None = None) -> Settings:
        """The good keys' values over the defaults; a bad key has `kept`'s value (the
        settings in use, which the app keeps while the file is repaired), else its default."""
        held = _DEFAULTS if kept is None else asdict(kept)
        bad = {p.key: held[p.key] for p in self.problems if p.known}
        return Settings(**{**_DEFAULTS, **self.values, **bad})

    def problem(self, key: str) -> Problem | None:
        """What is wrong with `key`, if anything."""
        return next((p for p in self.problems if p.key == key), None)

    def error(self) -> SettingsFileError:
        """The first problem as one line, with how many more there are."""
        first = self.problems[0]
        more = len(self.problems) - 1
        rest = f" (and {more} more: `drillbit config` lists them)" if more else ""
        return SettingsFileError(first.one_line(self.path) + rest)


def _read_text(path: Path) -> str | None:
    """config.toml's text, or None when there is none; SettingsFileError when it cannot be read."""
    try:
        # only a regular file is read: a FIFO or a device at this path must not hang start-up
        text = read_regular_text(path, limit=CONFIG_LIMIT, title="settings")
    except InputFileError as exc:
        if not os.path.lexists(path):
            return None
        dead = dead_link(path)  # a link to nothing: "cannot read it: No such file or directory"
        if dead is not None and dead.link == path:
            raise SettingsFileError(
                f"{path}: {dead.words('a drive not mounted, a dotfiles folder moved')}; "
                "repair: restore what it points to, or remove the link (every setting then has "
                "its default)"
            ) from exc
        # not UTF-8 has a line; a folder, a FIFO, a device, a file too large have none
        repair = "save it as UTF-8, or move it away" if exc.line is not None else "move it away"
        said = exc.message.removesuffix("; save it as UTF-8")  # the repair below says it
        raise SettingsFileError(
            f"{said}; repair: {repair} (every setting then has its default)"
        ) from exc
    # Notepad's "UTF-8 with BOM": TOML has no byte order mark, and tomllib refused the file
    # as "Invalid statement (at line 1, column 1)" over a character no editor shows
    return text.removeprefix(BYTE_ORDER_MARK)


BYTE_ORDER_MARK = "\ufeff"
"""The byte order mark some editors start a UTF-8 file with; config.toml is read without it."""


def _parsed(path: Path, text: str) -> dict[str, Any]:
    import tomllib  # only with a settings file: most starts have none

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _not_toml(path, exc, text) from exc
    except RecursionError:  # `x = [[[[...` thousands deep: tomllib's traceback ended the start
        raise SettingsFileError(
            f"{path}: not valid settings: arrays or tables nested too deep for Python to "
            "read (a damaged or generated file?); repair: move the file away (every setting "
            "then has its default)"
        ) from None


def _not_toml(path: Path, error: ValueError, text: str | None = None) -> SettingsFileError:
    """config.toml is not TOML: the parser's words name the line, and for the two slips a
    hand edit makes most (`theme = dracula` unquoted, a key set twice), what is wrong with
    it: tomllib said only "Invalid value" and "Cannot overwrite a value"."""
    hint = _toml_slip(str(error), text) if text is not None else ""
    return SettingsFileError(
        f"{path}: not valid TOML: {error}{hint}; repair: correct that line, or move the file "
        "away (every setting then has its default)"
    )


_AT_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")
_AT_END = "(at end of document)"
"""tomllib's place for an error in a file's last line that has no newline after it."""
_KEY_VALUE = re.compile(r"\s*([A-Za-z0-9_-]+)\s*=\s*(.*?)\s*$")


def _toml_slip(said: str, text: str) -> str:
    """' (...)' saying what the parser's error `said` at its line of `text` most likely
    is, or ''."""
    at = _AT_LINE.search(said)
    # TOML's lines (\n or \r\n): splitlines also breaks at a form feed, which TOML refuses
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    if lines[-1] == "":  # the file's last newline
        lines.pop()
    if at is None and said.endswith(_AT_END) and lines:  # `theme = "x"` last, no newline
        number = len(lines)
    elif at is None or not 0 < int(at.group(1)) <= len(lines):
        return ""
    else:
        number = int(at.group(1))
        hidden = _hidden_character(lines[number - 1])
        if hidden:
            return hidden
    found = _KEY_VALUE.match(lines[number - 1])
    if found is None:
        return ""
    key, value = found.groups()
    if said.startswith("Invalid value") and re.fullmatch(r"[A-Za-z][\w.-]*", value):
        return f' (text is written in quotes: {key} = "{value}")'
    if said.startswith("Cannot overwrite a value"):
        earlier = _key_line("\n".join(lines[: number - 1]), key)
        if earlier is not None:
            return f" ({key} is set on line {earlier} too: keep one)"
    return ""


def _hidden_character(line: str) -> str:
    """' (...)' naming a control character in `line` (a NUL byte, a form feed) that no
    editor shows, or '': tomllib's "Expected newline or end of document after a
    statement" at a column where the line looks whole sent a person looking for nothing."""
    for column, char in enumerate(line, start=1):
        if char != "\t" and (char < " " or char == "\x7f"):
            return (
                f" (column {column} holds the control character {char!r}, which editors do "
                "not show: delete it)"
            )
    return ""


def _key_line(text: str, key: str) -> int | None:
    """The first line of `text` that sets `key` at the top level (`key =`, `key.x =`, `[key]`)."""
    name = rf"(?:{re.escape(key)}|\"{re.escape(key)}\"|'{re.escape(key)}')"
    pattern = re.compile(rf"^\s*(?:{name}\s*[=.]|\[\[?\s*{name}\s*[\].])")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return None


def _judged(path: Path, text: str, data: dict[str, Any]) -> SettingsFile:
    """Each key of `data` checked on its own (the model has no rule across keys)."""
    from pydantic import ValidationError

    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, raw in data.items():
        if key not in _DEFAULTS:
            import difflib  # error messages only, as shlex

            close = difflib.get_close_matches(key, KEYS, n=1, cutoff=0.6)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            problem = Problem(key, raw, f"unknown key{hint}", _key_line(text, key))
            if problem.settings_under_a_header:
                said = "settings under a header, which drillbit does not read: they go at the top"
                problem = Problem(key, raw, said, problem.line)
            problems.append(problem)
            continue
        if _true_for_a_number(key, raw):
            problems.append(Problem(key, raw, f"not {accepted(key)}", _key_line(text, key)))
            continue
        try:
            values[key] = _validator().model_validate({key: raw}).model_dump()[key]
        except ValidationError as exc:
            reason = _reason(key, exc.errors()[0])
            problems.append(Problem(key, raw, reason, _key_line(text, key)))
    return SettingsFile(path, data, values, tuple(problems))


def _true_for_a_number(key: str, raw: object) -> bool:
    """A TOML true or false for a number, or a TOML number for true or false: pydantic took
    `day_starts_at = true` as 1 (study days began at 1 am) and `mock_feedback = 1` as
    true, without a word. TOML tells the two apart, so config.toml is held to it."""
    number = type(_DEFAULTS[key]) in (int, float)
    if type(raw) is bool:
        return number
    return type(_DEFAULTS[key]) is bool and type(raw) in (int, float)


def read_settings_file(path: Path | None = None) -> SettingsFile:
    """config.toml key by key, for `drillbit config` to show and repair; SettingsFileError
    only when the whole file cannot be used (unreadable, not UTF-8, not TOML)."""
    path = path if path is not None else config_path()
    text = _read_text(path)
    if text is None:
        return SettingsFile(path, {}, {}, ())
    data = _parsed(path, text)
    plain = _plainly_valid(data)
    if plain is not None:
        return SettingsFile(path, data, {key: plain[key] for key in data}, ())
    return _judged(path, text, data)


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings, or the defaults when there is no file; SettingsFileError (one
    line: the file, the key, the repair command) when they cannot be used."""
    path = path if path is not None else config_path()
    text = _read_text(path)
    if text is None:
        return Settings()
    data = _parsed(path, text)
    plain = _plainly_valid(data)
    if plain is not None:
        return Settings(**plain)
    judged = _judged(path, text, data)  # only for a value the model must judge
    if judged.problems:
        raise judged.error()
    return judged.settings()


def settings_warned(warn: Callable[[str], None], path: Path | None = None) -> Settings:
    """The settings for a command that shows or plans (`stats`, `plan`, `cards`, `import`):
    a key that cannot be used is warned of (its one line, as `config` says it) and its
    default used, the file's good keys kept. The commands about the settings (`config`)
    and those that save answers scheduled by them (the app, `study`, `watch`) refuse the
    file instead (`load_settings`): an answer is not saved under a default not chosen."""
    try:
        found = read_settings_file(path)
    except SettingsFileError as exc:  # unreadable, not UTF-8, not TOML: every key's default
        warn(exc.error_line())
        return Settings()
    if found.problems:
        warn(found.error().error_line())
    return found.settings()


def parse_value(key: str, text: str) -> Any:
    """A value typed on the command line for `key`, as the model expects it."""
    if key not in _DEFAULTS:
        import difflib  # error messages only, as shlex

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
        raise SettingsError(f"{key}: '{text}' is not {accepted(key, typed=True)}")
    if isinstance(default, tuple):
        if raw.lower() in _NO_STEPS:
            return ()
        return tuple(part for part in re.split(r"[,\s]+", raw) if part)
    if isinstance(default, float) and raw.endswith("%"):
        number = from_percent(raw)
        return raw if number is None else number  # not a number before the %: refused
    return raw


_NO_STEPS = ("none", NO_STEPS)
"""What a list of steps may be typed as when it is empty, besides nothing at all."""


def from_percent(raw: str) -> float | None:
    """'95%' -> 0.95 (the decimal number divided by 100, rounded once), None when the text
    before the % is not a finite number. `drillbit plan --target` and the settings screen's
    target read percentages with it too, so every recall typed as a percent agrees."""
    from decimal import Decimal, InvalidOperation

    if not raw.isascii():  # Decimal read fullwidth `９５%` as 0.95: ASCII digits only
        return None
    try:
        number = Decimal(raw.removesuffix("%").strip())
    except InvalidOperation:
        return None
    return float(number / 100) if number.is_finite() else None


def _did_you_mean(key: str, value: Any) -> str:
    """A hint for a retention typed as a percentage without its % sign ('95')."""
    if not isinstance(_DEFAULTS[key], float) or not isinstance(value, str):
        return ""
    hint = percent_hint(value, _BOUNDS[key]["ge"], _BOUNDS[key]["le"])
    return f" ({hint})" if hint else ""


def _digits_hint(text: str) -> str:
    """' (digits 0-9 only: did you mean 10?)' for a number typed with other digits."""
    meant = as_ascii_digits(text.strip())
    return f" (digits 0-9 only: did you mean {meant}?)" if meant else ""


def _hour_hint(key: str, text: str) -> str:
    """' (the hour alone: did you mean 4?)' for day_starts_at typed as a time of day ("4:00",
    "04:00"), which the key takes as the hour alone; '' otherwise (a time not on the hour
    too: the day starts on an hour)."""
    found = re.fullmatch(r"\s*([0-9]{1,2})[:.h]00\s*", text) if key == "day_starts_at" else None
    if found is None or int(found.group(1)) > 23:
        return ""
    return f" (the hour alone: did you mean {int(found.group(1))}?)"


def percent_hint(text: str, low: float, high: float) -> str:
    """'did you mean 95%?' when `text`, a recall refused for lying outside low-high, is
    that range as a percentage without its % sign; else ''. `drillbit config`, `drillbit
    plan --target` and the settings screen's plan target give the same hint."""
    try:
        number = float(text)
    except ValueError:
        return ""
    return f"did you mean {text.strip()}%?" if low * 100 <= number <= high * 100 else ""


def with_value(settings: Settings, key: str, text: str) -> Settings:
    """A copy of `settings` with `key` set from its typed text; SettingsError naming the key."""
    from pydantic import ValidationError

    value = parse_value(key, text)
    try:
        return _validated({**asdict(settings), key: value})
    except ValidationError as exc:
        reason = _reason(key, exc.errors()[0], typed=True)
        if reason.startswith("not "):  # what the key takes, after the value typed
            reason = (
                f"'{text.strip()}' is {reason}{_did_you_mean(key, value)}{_hour_hint(key, text)}"
                f"{_digits_hint(text)}"
            )
        raise SettingsError(f"{key}: {reason}") from exc


def format_value(value: object) -> str:
    """A setting as `drillbit config` and the settings screen show it (and accept it back);
    no steps: (none). A retention (the one number that is not whole) in percent, '90%', as
    the plan's target beside it: the screen said "desired_retention 0.9" over "target 90%"
    (config.toml keeps 0.9)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return as_percent(value)
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value) if value else NO_STEPS
    return str(value)


def _toml_item(value: object) -> Any:
    """`value` as a tomlkit item on one line: a table inline, at any depth (tomlkit makes a
    top-level dict a [table] and a list of dicts an array of tables)."""
    import tomlkit

    if isinstance(value, dict):
        table = tomlkit.inline_table()
        for key, inner in value.items():
            table.append(str(key), _toml_item(inner))
        return table
    if isinstance(value, list | tuple):
        array = tomlkit.array()
        array.extend(_toml_item(inner) for inner in value)
        return array
    return tomlkit.item(value)


def _one_line(toml: str) -> str:
    """tomlkit's text with every character Python finds unprintable but a space escaped
    (TOML holds raw in a string what a screen does not show as itself: C1 controls, line
    separators, zero-width, bidirectional and private-use characters, spaces other than
    the space): one line, every character seen, and still TOML for the same value
    (tomlkit writes such characters only inside a basic string, where the escape means the
    character)."""
    if toml.isprintable():
        return toml
    return "".join(ch if ch.isprintable() or ch == " " else _escape(ch) for ch in toml)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def toml_text(value: object) -> str:
    """Any value TOML holds as TOML on one line, as tomlkit writes it: how a message shows
    a bad value as the file holds it (a string quoted, its control characters escaped)."""
    return _one_line(_toml_item(value).as_string())


def toml_key(key: str) -> str:
    """A key as TOML writes it: bare when it may be, else a quoted, escaped string."""
    import tomlkit

    return _one_line(tomlkit.key(key).as_string())


def shown_raw(value: object, limit: int = 40) -> str:
    """A value as config.toml holds it, cut to `limit` characters for a message."""
    text = toml_text(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


_HEADER = "# drillbit settings: `drillbit config` lists every key and its default.\n"


@contextlib.contextmanager
def _one_writer(folder: Path) -> Iterator[None]:
    """Hold the settings' folder's exclusive `flock` while config.toml is read, edited and
    replaced: two drillbits saving at once (`drillbit config` in two shells, the settings
    screen beside `import-progress`) each read the file the other had not written yet, and
    the later replace lost the earlier key, said "saved" all the same, or failed on the
    temporary file the other had just moved. The lock belongs to the open folder, so a
    crash releases it, and no lock file is left beside your settings. OSError when the
    folder cannot be opened."""
    import fcntl  # only when saving

    handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # releases the lock


def _write(path: Path, changes: Mapping[str, object | None]) -> Path:
    """Set (or, with None, remove) each key of `changes` in config.toml, atomically (a crash
    leaves the old file), one drillbit at a time (`_one_writer`).

    The file is edited, not rewritten: a person's comments, blank lines, order and the
    keys not changed stay as they wrote them (tomlkit keeps them). A new file starts with
    a header comment. SettingsFileError, nothing written, when the file cannot be read as
    TOML (it may have been edited since it was checked); OSError when it cannot be written.
    """
    with _one_writer(path.parent):
        return _write_locked(path, changes)


def _write_locked(path: Path, changes: Mapping[str, object | None]) -> Path:
    """`_write`'s edit, with the folder's lock held: the file is read here, under it."""
    import tomlkit  # only when saving

    text = _read_text(path)
    try:
        document = tomlkit.parse(_HEADER if text is None else text)
    except tomlkit.exceptions.ParseError as exc:
        raise _not_toml(path, exc) from exc
    for key, value in changes.items():
        if value is None:
            document.pop(key, None)
        else:
            document[key] = value
    temporary = path.with_suffix(".toml.tmp")
    try:
        temporary.write_text(tomlkit.dumps(document), encoding="utf-8")
        os.replace(temporary, path)
    except BaseException:  # a full disk left an empty config.toml.tmp beside the file
        with contextlib.suppress(OSError):  # a folder of that name (not ours) stays
            temporary.unlink()
        raise
    return path


def save_repair(file: SettingsFile, key: str, value: Any | None) -> SettingsFile:
    """Save config.toml with `key` set to `value` (a valid one) or, with None, removed (its
    default); every other key stays as the file holds it, a bad one too (it is the next
    repair's, not lost), and so do comments. The file as saved, read again. OSError when
    it cannot be written."""
    return read_settings_file(_write(file.path, {key: _stored(key, value)}))


def save_key(key: str, value: Any | None, path: Path | None = None) -> SettingsFile:
    """Save one setting, as `drillbit config KEY VALUE` (`--reset`: None) and the settings
    screen do: config.toml is read first, and only `key` is written (the file as saved,
    read again).

    Nothing is saved (SettingsFileError naming the file and the line) when the file cannot
    be read as TOML, or when another key is bad and `key` is not: that one is to repair
    first. When `key` was bad too, its repair is saved and the other bad keys are kept as
    written, so two bad keys are repaired one save each. A file that cannot be written is
    a DrillbitError naming it.
    """
    try:
        file = read_settings_file(path)
    except SettingsFileError as exc:
        raise SettingsFileError(f"nothing saved: {exc.message}") from exc
    others = [p for p in file.problems if p.key != key]
    if others and file.problem(key) is None:
        more = len(others) - 1
        rest = f" (and {more} more: `drillbit config` lists them)" if more else ""
        raise SettingsFileError(
            f"nothing saved: repair this key first: {others[0].one_line(file.path)}{rest}"
        )
    try:
        return save_repair(file, key, value)
    except SettingsFileError as exc:  # edited into something else since it was read
        raise SettingsFileError(f"nothing saved: {exc.message}") from exc
    except OSError as exc:
        raise DrillbitError(
            f"cannot save {file.path}: {exc.strerror or exc}", title="settings"
        ) from exc


def _stored(key: str, value: object) -> object | None:
    """A setting's value as config.toml holds it (a tuple as an array), or None at its
    default (or None): the key is then removed, the file holds only what was changed."""
    if value is None or value == _DEFAULTS[key]:
        return None
    return list(value) if isinstance(value, tuple) else value


def checked_value(key: str, raw: object) -> object:
    """`raw` as the settings keep `key`'s value (steps as a tuple), for a value written by a
    program (a progress backup's `settings`): of the key's own type, nothing converted, as
    config.toml holds it; ValueError saying what the key takes, or that it is no setting."""
    if key not in _DEFAULTS:
        raise ValueError(f"not a setting (the settings are {', '.join(KEYS)})")
    plain = _plainly_valid({key: raw})
    if plain is not None:
        return plain[key]
    from pydantic import ValidationError

    try:
        _validator().model_validate({key: raw}, strict=True)
    except ValidationError as exc:
        raise ValueError(_reason(key, exc.errors()[0])) from None
    raise ValueError(f"not {accepted(key)}")  # taken only once converted: "35" for 35


def changed_values(file: SettingsFile) -> dict[str, object]:
    """The valid keys of config.toml that differ from their defaults, as the file holds them
    (steps as a list): what a progress backup carries."""
    stored = {key: _stored(key, value) for key, value in file.values.items()}
    return {key: value for key, value in stored.items() if value is not None}


def save_keys(values: Mapping[str, object], path: Path | None = None) -> Path:
    """Save several valid settings at once (a backup's, `quiz.ecosystem.backup_settings`):
    only those keys are written, comments and the other keys stay. OSError when config.toml
    cannot be written; SettingsFileError when it is no longer TOML."""
    path = path if path is not None else config_path()
    return _write(path, {key: _stored(key, value) for key, value in values.items()})
