"""A config.toml edited by hand into a bad state: `drillbit config` shows and repairs it
(exit 1 while it is bad), and every other command that reads the settings says so in one
line naming the file, the key and the repair command (exit 1: a file, not a command line)."""

from __future__ import annotations

import resource
import subprocess
from pathlib import Path

import pytest

from quiz.settings import load_settings
from tests.conftest import DRILLBIT_COMMAND, PROCESS_TIMEOUT_SECONDS, RunDrillbit

REPAIR_RETENTION = "`drillbit config desired_retention VALUE` (`--reset` for the default, 0.9)"


def _broken(home: Path, text: str = "desired_retention = 1.5\n") -> Path:
    config = home / "config.toml"
    config.write_text(text, encoding="utf-8")
    return config


def test_config_key_value_repairs_the_broken_key(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    """The tester's case: a value hand-edited out of range, then set again with the command."""
    assert drillbit("config", "desired_retention", "0.85").returncode == 0
    config = _isolated_home / "config.toml"
    config.write_text(config.read_text().replace("0.85", "1.5"), encoding="utf-8")
    repaired = drillbit("config", "desired_retention", "0.8")
    assert repaired.returncode == 0, repaired.stderr
    assert "desired_retention = 80%  (saved to" in repaired.stdout and repaired.stderr == ""
    assert load_settings(config).desired_retention == 0.8
    assert drillbit("config").returncode == 0


def test_the_list_marks_the_bad_key_and_says_how_to_repair_it(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    config = _broken(_isolated_home, "# mine\nnew_per_day = 7\ndesired_retention = 1.5\n")
    listed = drillbit("config")
    assert listed.returncode == 1
    assert "new_per_day          = 7  (changed)" in listed.stdout
    assert (
        "desired_retention    = 1.5  (invalid: not a number from 0.7 to 0.99, e.g. 0.9)"
        in listed.stdout
    )
    assert "mock_feedback        = false" in listed.stdout
    assert (
        f"drillbit: settings: {config}:3: desired_retention = 1.5: not a number from 0.7 to 0.99, e.g. 0.9; "
        f"repair: {REPAIR_RETENTION}"
    ) in listed.stderr.splitlines()
    assert "Traceback" not in listed.stderr
    good = drillbit("config", "new_per_day")
    assert good.returncode == 1 and good.stdout == "7\n" and "desired_retention" in good.stderr
    bad = drillbit("config", "desired_retention")
    assert bad.returncode == 1 and bad.stdout == "" and f"{config}:3:" in bad.stderr


def test_changing_another_key_is_refused_while_one_is_bad(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    config = _broken(_isolated_home, "# mine\ndesired_retention = 1.5\n")
    refused = drillbit("config", "new_per_day", "5")
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.strip() == (
        f"drillbit: settings: nothing saved: repair this key first: {config}:2: desired_retention = "
        f"1.5: not a number from 0.7 to 0.99, e.g. 0.9; repair: {REPAIR_RETENTION}"
    )
    assert config.read_text() == "# mine\ndesired_retention = 1.5\n"
    reset = drillbit("config", "new_per_day", "--reset")
    assert reset.returncode == 1 and config.read_text() == "# mine\ndesired_retention = 1.5\n"


def test_a_bad_value_typed_stays_a_usage_error(drillbit: RunDrillbit, _isolated_home: Path) -> None:
    config = _broken(_isolated_home)
    for key, value in [("desired_retention", "2"), ("new_per_day", "many")]:
        typed = drillbit("config", key, value)
        assert typed.returncode == 2 and typed.stderr.startswith(f"drillbit: config: {key}: ")
        assert len(typed.stderr.splitlines()) == 1
    typo = drillbit("config", "desired_retentoin", "0.9")
    assert typo.returncode == 2 and "did you mean 'desired_retention'?" in typo.stderr
    assert config.read_text() == "desired_retention = 1.5\n"


def test_two_bad_keys_are_repaired_one_command_each(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    """The first repair is saved and the other bad key is kept as written (refusing it
    would leave no order in which either could be repaired)."""
    config = _broken(
        _isolated_home,
        'mock_minutes = 0\nlearning_steps = ["1m", "soon"]\nnew_per_day = 5\ncolor = "red"\n',
    )
    first = drillbit("config", "mock_minutes", "30")
    assert first.returncode == 1
    assert "mock_minutes = 30  (saved to" in first.stdout
    assert 'learning_steps = ["1m", "soon"]: \'soon\' is not a duration' in (first.stderr)
    assert 'color = "red": unknown key; repair: `drillbit config color --reset` removes it' in (
        first.stderr
    )
    saved = config.read_text()
    assert 'learning_steps = ["1m", "soon"]\n' in saved and 'color = "red"\n' in saved
    assert "new_per_day = 5\n" in saved and "mock_minutes = 30\n" in saved
    assert drillbit("config", "learning_steps", "1m, 1h").returncode == 1
    last = drillbit("config", "color", "--reset")
    assert last.returncode == 0 and last.stdout.startswith("color removed from ")
    settings = load_settings(config)
    assert (settings.mock_minutes, settings.learning_steps, settings.new_per_day) == (
        30,
        ("1m", "1h"),
        5,
    )


def test_reset_puts_one_key_back_to_its_default(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    config = _isolated_home / "config.toml"
    unset = drillbit("config", "new_per_day", "--reset")
    assert unset.returncode == 0 and "the default; config.toml does not set it" in unset.stdout
    assert not config.exists()
    assert drillbit("config", "new_per_day", "5").returncode == 0
    assert drillbit("config", "mock_feedback", "yes").returncode == 0
    reset = drillbit("config", "new_per_day", "--reset")
    assert reset.returncode == 0 and reset.stdout.startswith("new_per_day = 20  (the default;")
    assert "new_per_day" not in config.read_text() and load_settings(config).mock_feedback
    unknown = drillbit("config", "new_per_dya", "--reset")
    assert unknown.returncode == 2 and "did you mean 'new_per_day'?" in unknown.stderr
    for args in (("--reset",), ("new_per_day", "5", "--reset")):
        wrong = drillbit("config", *args)
        assert wrong.returncode == 2 and "--reset takes a KEY and no VALUE" in wrong.stderr


def test_config_help_shows_reset(drillbit: RunDrillbit) -> None:
    shown = drillbit("config", "--help")
    assert shown.returncode == 0 and "--reset" in shown.stdout and "KEY --reset" in shown.stdout


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("desired_retention = 1.5\n", "config.toml:1: desired_retention = 1.5: not a number"),
        ("\nnew_per_dya = 5\n", "config.toml:2: new_per_dya = 5: unknown key (did you mean"),
        ("new_per_day = \n", "config.toml: not valid TOML: Invalid value (at line 1, column"),
        (b"new_per_day = 5 # \xff\n", "config.toml:1: not UTF-8 text"),
        (None, "config.toml: a folder, not a regular file"),
    ],
    ids=["bad-value", "unknown-key", "not-toml", "not-utf8", "folder"],
)
def test_every_kind_of_bad_file_is_one_line(
    drillbit: RunDrillbit, _isolated_home: Path, text: str | bytes | None, says: str
) -> None:
    config = _isolated_home / "config.toml"
    if text is None:
        config.mkdir()
    elif isinstance(text, bytes):
        config.write_bytes(text)
    else:
        config.write_text(text, encoding="utf-8")
    # `plan` shows and plans: it warns and uses the defaults; `config` is about them: it refuses
    for args, code in ((("plan",), 0), (("config",), 1), (("config", "new_per_day", "3"), 1)):
        run = drillbit(*args)
        assert run.returncode == code, (args, run.stderr)
        lines = [
            line for line in run.stderr.splitlines() if line.startswith("drillbit: settings: ")
        ]
        assert len(lines) == 1 and says in lines[0] and "repair: " in lines[0], run.stderr
        assert "Traceback" not in run.stderr
    if text is None:
        assert config.is_dir()
    else:
        assert (config.read_bytes() if isinstance(text, bytes) else config.read_text()) == text


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("study",),
        ("study", "--mode", "cram"),
        ("drill", "dropout"),
        ("serve", "--port", "8765"),
    ],
    ids=["app", "study", "study-cram", "drill", "serve"],
)
def test_the_app_and_the_server_do_not_start_on_a_bad_file(
    drillbit_process: RunDrillbit, _isolated_home: Path, args: tuple[str, ...]
) -> None:
    """A real process (the app would otherwise start): one line, exit 1, no app."""
    config = _broken(_isolated_home, "# mine\nmock_minutes = 0\n")
    run = drillbit_process(*args)
    assert run.returncode == 1, run.stderr
    assert run.stderr.strip() == (
        f"drillbit: settings: {config}:2: mock_minutes = 0: not a whole number from 1 to 600; "
        "repair: `drillbit config mock_minutes VALUE` (`--reset` for the default, 20)"
    )


def test_watch_stops_before_writing_the_starter(
    drillbit: RunDrillbit, _isolated_home: Path, tmp_path: Path
) -> None:
    _broken(_isolated_home)
    target = tmp_path / "dropout.py"
    run = drillbit("watch", "dropout", str(target))
    assert run.returncode == 1 and "desired_retention" in run.stderr
    assert not target.exists()


def test_more_than_one_bad_key_is_counted_in_the_one_line(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    _broken(_isolated_home, "mock_minutes = 0\nmock_questions = 0\ncolor = 1\n")
    run = drillbit("plan")  # a warning: `plan` goes on with the defaults
    assert run.returncode == 0 and len(run.stderr.splitlines()) == 1
    assert "mock_minutes = 0" in run.stderr
    assert run.stderr.rstrip().endswith("(and 2 more: `drillbit config` lists them)")


def test_a_save_that_fails_is_one_line(drillbit: RunDrillbit, _isolated_home: Path) -> None:
    (_isolated_home / "config.toml.tmp").mkdir()  # where the new file is written first
    run = drillbit("config", "new_per_day", "5")
    assert run.returncode == 1 and run.stderr.startswith("drillbit: settings: cannot save ")
    assert "Traceback" not in run.stderr and not (_isolated_home / "config.toml").exists()


def test_a_save_on_a_full_disk_leaves_no_temporary_file(_isolated_home: Path) -> None:
    """A disk that takes no more bytes (here the file-size limit, which fails a write as a
    full disk does) left an empty `config.toml.tmp` beside the settings."""
    config = _broken(_isolated_home, "# mine\nnew_per_day = 5\n")
    run = subprocess.run(
        [*DRILLBIT_COMMAND, "config", "new_per_day", "7"],
        capture_output=True,  # pipes: the limit does not apply to them
        text=True,
        timeout=PROCESS_TIMEOUT_SECONDS,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0)),
        check=False,
    )
    assert run.returncode == 1 and run.stderr.startswith("drillbit: settings: cannot save "), (
        run.stderr
    )
    assert "Traceback" not in run.stderr
    assert sorted(path.name for path in _isolated_home.iterdir()) == ["config.toml"]
    assert config.read_text() == "# mine\nnew_per_day = 5\n"


def test_an_unknown_key_toml_quotes_is_shown_quoted_and_removed_by_its_command(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    config = _broken(_isolated_home, '"mock minutes" = "thirty\\u2028min"\nnew_per_day = 5\n')
    listed = drillbit("config")
    assert listed.returncode == 1
    assert '"mock minutes"       = "thirty\\u2028min"  (unknown key (did you mean' in listed.stdout
    assert (
        f'drillbit: settings: {config}:1: "mock minutes" = "thirty\\u2028min": unknown key '
        "(did you mean 'mock_minutes'?); repair: `drillbit config 'mock minutes' --reset` removes it"
    ) in listed.stderr.splitlines()
    removed = drillbit("config", "mock minutes", "--reset")
    assert removed.returncode == 0 and config.read_text() == "new_per_day = 5\n"
