"""Plainly valid settings are taken without pydantic, and exactly as the model takes them."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import asdict
from datetime import UTC, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from quiz import settings as settings_module
from quiz.settings import (
    KEYS,
    Settings,
    SettingsError,
    SettingsFileError,
    load_settings,
    read_settings_file,
    save_key,
    save_repair,
    with_value,
)

VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 100_001),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.7, 0.99, 0.95, 0.6999, 0.9900001, 1]),
    st.sampled_from(["20", "10m", " 5m ", "1d", "x", ""]),
    st.lists(
        st.sampled_from(
            ["1m", " 10m", "2h ", "1.5d", "bad", "", "3", "36500d", "36501d", "9" * 40 + "d"]
        ),
        max_size=3,
    ),
    st.tuples(st.sampled_from(["1m", "30s"])),
)


@settings(max_examples=500, deadline=None)
@given(st.dictionaries(st.sampled_from([*KEYS, "unknown"]), VALUES, max_size=4))
def test_plainly_valid_settings_equal_the_models(data: dict[str, Any]) -> None:
    plain = settings_module._plainly_valid(data)
    try:
        expected = settings_module._validator().model_validate(data).model_dump()
    except ValidationError:
        assert plain is None
        return
    assert plain is None or plain == expected


def test_what_save_key_writes_is_plainly_valid(tmp_path: Path) -> None:
    import tomllib

    changed = with_value(load_settings(tmp_path / "none.toml"), "desired_retention", "0.85")
    changed = with_value(changed, "learning_steps", "1m, 30m")
    changed = with_value(changed, "mock_feedback", "yes")
    path = tmp_path / "config.toml"
    for key in ("desired_retention", "learning_steps", "mock_feedback"):
        save_key(key, getattr(changed, key), path)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert settings_module._plainly_valid(data) is not None
    assert load_settings(path) == changed


def test_a_bad_file_is_still_explained_by_the_model(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("new_per_day = -1\n", encoding="utf-8")
    with pytest.raises(SettingsFileError, match="new_per_day"):
        load_settings(path)
    path.write_text('learning_steps = ["soon"]\n', encoding="utf-8")
    with pytest.raises(SettingsFileError, match="'soon' is not a duration"):
        load_settings(path)


def test_a_step_longer_than_fsrs_longest_interval_is_refused(tmp_path: Path) -> None:
    # 10 million days overflowed the due date at the answer; 1e14 days, the scheduler at start
    base = load_settings(tmp_path / "none.toml")
    for text in ("10000000d", "99999999999999d", "36501d"):
        with pytest.raises(SettingsError, match=f"'{text}' is too long: a step is at most 36500d"):
            with_value(base, "relearning_steps", text)
    assert with_value(base, "learning_steps", "36500d").steps("learning_steps") == (
        timedelta(days=36500),
    )
    path = tmp_path / "config.toml"
    path.write_text('learning_steps = ["1m", "99999999999999d"]\n', encoding="utf-8")
    with pytest.raises(SettingsFileError, match="learning_steps = .* is too long"):
        load_settings(path)


def test_a_start_with_a_settings_file_does_not_import_pydantic(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        'new_per_day = 5\ndesired_retention = 0.8\nlearning_steps = ["2m", "20m"]\n',
        encoding="utf-8",
    )
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from quiz.settings import load_settings\n"
        f"loaded = load_settings(Path({str(path)!r}))\n"
        "loaded.scheduler()\n"
        "print(json.dumps([loaded.new_per_day, loaded.learning_steps, 'pydantic' in sys.modules]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [5, ["2m", "20m"], False]


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from([*KEYS, "unknown"]), VALUES, max_size=4))
def test_keys_judged_one_by_one_agree_with_the_whole_model(data: dict[str, Any]) -> None:
    """`drillbit config` checks each key on its own: the problems are exactly the keys the
    model refuses, plus a TOML true or false for a number and a number for true or false
    (which the model converts: `day_starts_at = true` was 1), and with none the settings
    are the model's."""
    judged = settings_module._judged(Path("config.toml"), "", data)
    mixed = {key for key, raw in data.items() if _bool_and_number(key, raw)}
    try:
        expected = settings_module._validator().model_validate(data).model_dump()
    except ValidationError as exc:
        refused = {str(error["loc"][0]) for error in exc.errors()}
        assert {p.key for p in judged.problems} == refused | mixed
        return
    assert {p.key for p in judged.problems} == mixed
    if not mixed:
        assert asdict(judged.settings()) == expected


def _bool_and_number(key: str, raw: Any) -> bool:
    """`raw` is a bool where `key` takes a number, or a number where it takes a bool."""
    if key not in KEYS:
        return False
    default = getattr(Settings(), key)
    if type(default) is bool:
        return type(raw) in (int, float)
    return type(default) in (int, float) and type(raw) is bool


TOML_VALUES = st.recursive(
    st.one_of(
        st.booleans(),
        st.integers(-(2**63), 2**63 - 1),
        st.floats(allow_nan=False),
        st.text(),
        st.dates(),
        st.times(),
        st.datetimes(timezones=st.sampled_from([None, UTC])),
    ),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=6,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(min_size=1), TOML_VALUES, max_size=3), st.sampled_from(KEYS))
def test_a_repair_keeps_every_other_key_as_the_file_held_it(
    tmp_path_factory: pytest.TempPathFactory, data: dict[str, Any], key: str
) -> None:
    """What a repair writes back of a bad or unknown key reads as the same value."""
    import tomllib

    import tomlkit

    path = tmp_path_factory.mktemp("repair") / "config.toml"
    others = {name: value for name, value in data.items() if name != key}
    text = tomlkit.dumps(others)
    path.write_text(text, encoding="utf-8")
    file = settings_module._judged(path, text, tomllib.loads(text))
    saved = save_repair(file, key, None)
    # the file is edited, not rewritten: every other key, good, bad or unknown, as it was
    assert tomllib.loads(path.read_text(encoding="utf-8")) == others
    assert {p.key for p in saved.problems} == {p.key for p in file.problems}


def test_special_floats_and_control_characters_are_written_back(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        'new_per_day = nan\nmock_minutes = -inf\n"a key" = "tab\\t del\\u007f"\n', encoding="utf-8"
    )
    saved = save_repair(read_settings_file(path), "mock_feedback", True)
    text = path.read_text(encoding="utf-8")
    assert "new_per_day = nan\n" in text and "mock_minutes = -inf\n" in text
    assert [p.key for p in saved.problems] == ["new_per_day", "mock_minutes", "a key"]
    assert saved.data["a key"] == "tab\t del\x7f" and saved.values == {"mock_feedback": True}


HAND_WRITTEN = """\
# my drillbit settings
new_per_day = 5  # interview in two weeks: slow down

# ask fewer mock questions
mock_questions = 3
desired_retention = 150  # a typo, to repair
"""


def test_saving_keeps_what_the_person_wrote_around_the_keys(tmp_path: Path) -> None:
    """The settings screen and `drillbit config` edit config.toml in place: comments,
    blank lines, order and the keys not changed stay (the file was rewritten whole, so a
    person's comments were lost at the first save)."""
    path = tmp_path / "config.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    # `drillbit config desired_retention 0.85` repairs the typo in its place
    save_repair(read_settings_file(path), "desired_retention", 0.85)
    assert path.read_text(encoding="utf-8") == HAND_WRITTEN.replace("150", "0.85")
    # the settings screen saves the key edited: one changed, one back to its default (removed)
    save_key("new_per_day", 8, path)
    save_key("mock_questions", Settings().mock_questions, path)
    assert path.read_text(encoding="utf-8") == (
        "# my drillbit settings\n"
        "new_per_day = 8  # interview in two weeks: slow down\n"
        "\n"
        "# ask fewer mock questions\n"
        "desired_retention = 0.85  # a typo, to repair\n"
    )
    # a new file starts with the header that says where to read about the keys
    fresh = save_key("new_per_day", 8, tmp_path / "new.toml").path.read_text(encoding="utf-8")
    assert fresh.startswith("# drillbit settings: `drillbit config` lists every key")
    assert "new_per_day = 8\n" in fresh and "mock_questions" not in fresh


@settings(max_examples=300, deadline=None)
@given(TOML_VALUES | st.floats(), st.text(min_size=1))
def test_a_bad_value_is_shown_as_toml_on_one_line_that_reads_back(value: Any, key: str) -> None:
    """A message shows a value and a key as TOML (tomlkit writes it): one line, and read
    back it is the value the file held, so the person sees exactly what they wrote."""
    import tomllib

    shown = f"{settings_module.toml_key(key)} = {settings_module.toml_text(value)}"
    assert shown.isprintable()  # one line, every character seen (a space is printable)
    read = tomllib.loads(shown)[key]
    assert read == value or (read != read and value != value)  # nan is nan


def test_bad_values_are_shown_as_the_file_wrote_them(tmp_path: Path) -> None:
    """The message of each kind of value TOML holds: special floats as TOML writes them, a
    table inline at any depth, a string quoted with its control characters, line breaks and
    invisible characters escaped, an unknown key quoted when TOML quotes it."""
    path = tmp_path / "config.toml"
    path.write_text(
        "new_per_day = nan\n"
        "mock_minutes = -inf\n"
        'mock_questions = { a = 1, "b c" = [1.5, "s"], d = { e = [{ f = {} }] } }\n'
        'learning_steps = "tab\\t nl\\n esc\\u001b c1\\u009b nel\\u0085 ls\\u2028 rlo\\u202e"\n'
        "relearning_steps = [{ a = 1 }, { b = 2 }]\n"
        "mock_feedback = 1979-05-27T07:32:00Z\n"
        '"a key" = "q\\" bs\\\\ é"\n'
        '"new\\nline" = 1\n',
        encoding="utf-8",
    )
    shown = {p.key: p.one_line("config.toml") for p in read_settings_file(path).problems}
    assert shown["new_per_day"].startswith("config.toml:1: new_per_day = nan: not a whole")
    assert shown["mock_minutes"].startswith("config.toml:2: mock_minutes = -inf: not a whole")
    assert settings_module.toml_text(read_settings_file(path).data["mock_questions"]) == (
        '{a = 1, "b c" = [1.5, "s"], d = {e = [{f = {}}]}}'
    )
    assert shown["mock_questions"].startswith(
        'config.toml:3: mock_questions = {a = 1, "b c" = [1.5, "s"], d = {e = ...: not a whole'
    )
    assert settings_module.toml_text(read_settings_file(path).data["learning_steps"]) == (
        '"tab\\t nl\\n esc\\u001b c1\\u009b nel\\u0085 ls\\u2028 rlo\\u202e"'
    )
    assert shown["relearning_steps"].startswith(
        "config.toml:5: relearning_steps = [{a = 1}, {b = 2}]: not a list of durations"
    )
    assert shown["mock_feedback"].startswith(
        "config.toml:6: mock_feedback = 1979-05-27T07:32:00Z: not true or false"
    )
    assert shown["a key"] == (
        'config.toml:7: "a key" = "q\\" bs\\\\ é": unknown key; '
        "repair: `drillbit config 'a key' --reset` removes it"
    )
    assert shown["new\nline"] == (
        'config.toml: "new\\nline" = 1: unknown key; repair: remove it from the file'
    )
    assert all(len(line.splitlines()) == 1 for line in shown.values())


def test_a_file_edited_into_bad_toml_after_it_was_read_is_not_saved_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """save_key reads config.toml, then writes it: a hand edit between the two that tomlkit
    cannot parse is refused with the file and the line (tomlkit's ParseError was a
    traceback), and the file stays as the person left it."""
    path = tmp_path / "config.toml"
    path.write_text("new_per_day = 7\n", encoding="utf-8")
    checked = read_settings_file(path)
    broken = "new_per_day = 7\nmock_minutes = = 3\n"
    path.write_text(broken, encoding="utf-8")
    monkeypatch.setattr(settings_module, "read_settings_file", lambda _path=None: checked)
    with pytest.raises(SettingsFileError, match=r"^nothing saved: .*config\.toml: not valid TOML"):
        save_key("mock_feedback", True, path)
    assert path.read_text(encoding="utf-8") == broken
