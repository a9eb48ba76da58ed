"""The root group finds each command's module by name: the table, help and an unknown name."""

from __future__ import annotations

import importlib
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import click
import pytest

from quiz.cli import COMPLETE_ENV, main
from quiz.cli.group import COMMAND_MODULES
from quiz.errors import UsageError
from quiz.store.errors import StoreError
from tests.conftest import RunDrillbit, modules_imported_by

CLI = Path(__file__).resolve().parents[2] / "quiz" / "cli"


def test_the_table_names_every_command_of_every_module_and_nothing_else() -> None:
    found: dict[str, str] = {}
    for path in sorted(CLI.glob("*.py")):
        module = importlib.import_module(f"quiz.cli.{path.stem}")
        for command in getattr(module, "COMMANDS", ()):
            assert command.name not in found, f"{command.name} registered twice"
            found[command.name] = path.stem
    assert found == COMMAND_MODULES


def test_help_lists_every_command(drillbit: RunDrillbit) -> None:
    shown = drillbit("--help")
    assert shown.returncode == 0
    for name in COMMAND_MODULES:
        assert f"  {name} " in shown.stdout, name


def test_help_lists_the_help_command_with_what_it_does(drillbit: RunDrillbit) -> None:
    """The README's tour and docs/commands.md name `drillbit help [COMMAND]`, but `--help`
    left it out of its command list (the command was hidden): it is listed with the others,
    with its summary, and a slip of its name is suggested."""
    listed = " ".join(drillbit("--help").stdout.split("Commands:")[1].split())
    assert "help Print a command's help (or this list), as `drillbit COMMAND --help` does." in (
        listed
    ), listed
    slipped = drillbit("hlep")
    assert slipped.returncode == 2
    assert "Did you mean 'help'?" in slipped.stderr


@pytest.mark.parametrize("typed", [("--help",), ("export", "--help")], ids=["root", "export"])
def test_the_command_list_gives_each_summary_whole(
    drillbit: RunDrillbit, typed: tuple[str, ...]
) -> None:
    """At 80 columns Click cut each summary to one line: "doctor  List the sandbox's
    isolation layers on this machine...", "cards  List cards with their state (new,
    learning, review,...". Each first sentence is now whole, folded under its command."""
    shown = drillbit(*typed)
    assert shown.returncode == 0
    listed = shown.stdout.split("Commands:")[1]
    assert "..." not in listed, listed
    flat = " ".join(listed.split())
    if typed == ("--help",):
        assert (
            "doctor List the sandbox's isolation layers on this machine (each verified), what "
            "each missing one leaves undone and how to get it." in flat
        ), flat
        assert (
            "cards List cards with their state (new, learning, review, suspended, buried) "
            "and due date." in flat
        ), flat
    else:
        assert "progress Write your progress (card schedules," in flat, flat


def _commands(command: click.Command, name: str) -> list[tuple[str, click.Command]]:
    """`command` and, for a group (`export`), each of its subcommands, with their names."""
    found = [(name, command)]
    if isinstance(command, click.Group):
        for sub, each in command.commands.items():
            found += _commands(each, f"{name} {sub}")
    return found


def test_every_option_says_what_it_does() -> None:
    """`drillbit cards --help` listed `--sort [content|due|difficulty|lapses]` with no word
    of what each order is."""
    silent = []
    for module in sorted(set(COMMAND_MODULES.values())):
        for command in importlib.import_module(f"quiz.cli.{module}").COMMANDS:
            for name, each in _commands(command, command.name or module):
                silent += [
                    f"{name} {param.opts[0]}"
                    for param in each.params
                    if isinstance(param, click.Option) and not param.hidden and not param.help
                ]
    assert silent == []


def test_help_ends_with_what_each_exit_code_means(drillbit: RunDrillbit) -> None:
    """The exit codes were in no help text: Ctrl-C's 130, a failure's 1 and a wrong command
    line's 2 were in the README alone."""
    shown = " ".join(drillbit("--help").stdout.split())
    assert "Exit codes: 0 done; 1 a failure" in shown
    assert "2 a wrong command line; 130 stopped by Ctrl-C" in shown


def test_an_unknown_command_is_a_usage_error(drillbit: RunDrillbit) -> None:
    typo = drillbit("stat")
    assert typo.returncode == 2 and "No such command 'stat'" in typo.stderr
    as_json = drillbit("stat", "--json")
    assert as_json.returncode == 2 and json.loads(as_json.stdout)["error"] == "usage"


@pytest.mark.parametrize(
    "command",
    sorted([(name,) for name in COMMAND_MODULES] + [("export", "anki"), ("export", "progress")]),
)
def test_each_usage_line_is_one_line(drillbit: RunDrillbit, command: tuple[str, ...]) -> None:
    """`drillbit schema --help` wrapped its ten choices mid-word (`pr` / `ogress`)."""
    usage = drillbit(*command, "--help").stdout.split("\n\n")[0]
    assert usage.startswith(f"Usage: drillbit {' '.join(command)} ") and "\n" not in usage


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (("stat",), "No such command 'stat'. Did you mean 'stats'?"),
        (("lsit",), "No such command 'lsit'. Did you mean 'list' or 'lint'?"),
        (("export", "progres", "x.json"), "No such command 'progres'. Did you mean 'progress'?"),
        (("help", "stat"), "No such command 'stat'. Did you mean 'stats'?"),
        (("help", "export", "ank"), "No such command 'ank'. Did you mean 'anki'?"),
        (("help", "frob"), "No such command 'frob'. `drillbit --help` lists every command."),
    ],
)
def test_a_mistyped_command_names_the_close_ones(
    drillbit_process: RunDrillbit, typed: tuple[str, ...], said: str
) -> None:
    """Click suggested only among the commands loaded so far: with the root group loading
    them by name, `drillbit stat` never heard of `stats` (a fresh process: in this one
    earlier tests have loaded them all)."""
    typo = drillbit_process(*typed)
    assert typo.returncode == 2 and typo.stdout == ""
    assert typo.stderr.splitlines()[0] == f"drillbit: {said}"


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("deck.apkg", "Did you mean `drillbit export anki {path}`?"),
        ("My Deck.APKG", "Did you mean `drillbit export anki {path}`?"),
        ("backup.json.gz", "Did you mean `drillbit export progress {path}`?"),
        ("backup.json", "Did you mean `drillbit export progress {path}`?"),
        ("deck", "drillbit export takes 'anki' or 'progress'."),
    ],
)
def test_a_file_typed_where_export_wants_its_kind_is_told_the_line_meant(
    drillbit: RunDrillbit, tmp_path: Path, typed: str, said: str
) -> None:
    """An Anki user types `drillbit export deck.apkg` and was told only "No such command
    'deck.apkg'", with nothing on what export takes; it now gives the line meant, and
    writes nothing."""
    refused = drillbit("export", str(tmp_path / typed))
    assert refused.returncode == 2 and not (tmp_path / typed).exists()
    first = refused.stderr.splitlines()[0]
    assert first.startswith("drillbit: No such command ")
    assert first.endswith(said.format(path=shlex.quote(str(tmp_path / typed))))


@pytest.mark.parametrize(
    "command", [(), ("stats",), ("export",), ("export", "anki"), ("import-progress",)]
)
def test_help_names_what_dash_dash_help_prints(
    drillbit_process: RunDrillbit, command: tuple[str, ...]
) -> None:
    """`drillbit help` was an error that pointed at `--help`; git and uv answer it with the
    help, and so does drillbit now, of a command or a subcommand too."""
    asked = drillbit_process("help", *command)
    assert asked.returncode == 0, asked.stderr
    assert asked.stdout == drillbit_process(*command, "--help").stdout
    assert asked.stdout.startswith(f"Usage: {' '.join(['drillbit', *command])} ")


@pytest.mark.parametrize(
    ("typed", "same_as"),
    [
        (("help", "--help"), ("--help",)),
        (("help", "-h"), ("--help",)),
        (("help", "study", "--help"), ("study", "--help")),
        (("help", "-h", "export", "anki"), ("export", "anki", "--help")),
    ],
)
def test_help_asked_for_its_help_prints_the_help_all_the_same(
    drillbit: RunDrillbit, typed: tuple[str, ...], same_as: tuple[str, ...]
) -> None:
    """A new user's `drillbit help --help` was "drillbit: No such option '--help'." (exit 2):
    the help flag on the help command asks nothing more, and the help is printed."""
    asked = drillbit(*typed)
    assert asked.returncode == 0, asked.stderr
    assert asked.stdout == drillbit(*same_as).stdout
    assert asked.stdout.startswith("Usage: drillbit")


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (
            ("plan", "--minutes-per-day", "abc"),
            "'abc' is not a number; give one from 1 to 1440",
        ),
        (
            ("plan", "--target", "nan"),
            "'nan' is not a number; give one from 0.5 to 0.99 or 50% to 99%",
        ),
        (("plan", "--minutes-per-day", "NaN"), "'NaN' is not a number; give one from 1 to 1440"),
        (("study", "--limit", "ten"), "'ten' is not a whole number; give 1 or more"),
        (("serve", "--port", "80.5"), "'80.5' is not a whole number; give one from 1 to 65535"),
        (
            ("grade", "sigmoid", "x.py", "--seed", "x"),
            "'x' is not a whole number; give one from 0 to 9223372036854775807",
        ),
    ],
)
def test_a_word_for_a_number_is_told_what_to_give(
    drillbit: RunDrillbit, typed: tuple[str, ...], said: str
) -> None:
    """Click said "'abc' is not a valid float range", its own type's name; `--target nan`
    passed its range check and ended in SQLite's traceback."""
    refused = drillbit(*typed)
    assert refused.returncode == 2
    assert refused.stderr.splitlines()[0].endswith(said), refused.stderr


def test_a_number_out_of_range_is_refused_as_typed_with_what_to_give(
    drillbit: RunDrillbit,
) -> None:
    """Click said "0.0 is not in the range 1<=x<=1440." for a 0 typed (a float, and the
    bounds in notation), and "90.0 is not in the range 0.5<=x<=0.99." for a target typed
    as a percentage, where `drillbit config desired_retention 90` asked "did you mean 90%?"."""
    for typed, said in [
        (
            ("plan", "--target", "2"),
            "'--target': 2 is out of range; give one from 0.5 to 0.99 or 50% to 99%",
        ),
        (
            ("plan", "--target", "90"),
            "'--target': 90 is out of range; give one from 0.5 to 0.99 or 50% to 99% "
            "(did you mean 90%?)",
        ),
        (("plan", "--minutes-per-day", "0"), "0 is out of range; give one from 1 to 1440"),
        (("study", "--limit", "0"), "'--limit': 0 is out of range; give 1 or more"),
    ]:
        refused = drillbit(*typed)
        assert refused.returncode == 2, typed
        assert refused.stderr.splitlines()[0].endswith(said), refused.stderr


def test_a_name_like_no_command_gets_no_guess_only_what_the_group_takes(
    drillbit: RunDrillbit,
) -> None:
    """No command is close to `csv`: none is guessed, and export names the two it has."""
    typo = drillbit("export", "csv", "x.csv")
    assert typo.returncode == 2
    said = "drillbit: No such command 'csv'. drillbit export takes 'anki' or 'progress'."
    assert typo.stderr.splitlines()[0] == said


def test_a_command_imports_only_its_own_module(drillbit_process: RunDrillbit) -> None:
    assert drillbit_process("stats").returncode == 0  # the card index is remembered
    modules, _ = modules_imported_by("stats")
    loaded = {name for name in modules if name.startswith("quiz.cli.")}
    # stats and plain are what the study module's stats command runs (stats --json without
    # click runs them alone: tests/cli/test_cli_stats.py)
    assert loaded == {
        "quiz.cli.group",
        "quiz.cli.context",
        "quiz.cli.pipe",  # a closed pipe's one handling, every command's
        "quiz.cli.study",
        "quiz.cli.numbers",  # the study command's option types
        "quiz.cli.choice",  # its --mode and --kind (a typo gets the closest choice)
        "quiz.cli.stats",
        "quiz.cli.plain",
    }


def test_drillbit_alone_opens_home_without_importing_click() -> None:
    code = (
        "import json, sys\n"
        "import quiz.tui.launch as launch\n"
        "opened = []\n"
        "launch.run_app = lambda content, **how: opened.append([content, sorted(how)])\n"
        "from quiz.cli import main\n"
        "main([])\n"
        "print(json.dumps([opened, 'click' in sys.modules]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [[[[], ["clock"]]], False]  # main's clock: see below


def test_drillbit_study_alone_opens_a_due_session_without_importing_click() -> None:
    code = (
        "import json, sys\n"
        "import quiz.tui.launch as launch\n"
        "opened = []\n"
        "launch.run_study = lambda content, clock, **how: opened.append([content, how])\n"
        "from quiz.cli import main\n"
        "main(['study'])\n"
        "main(['study', '--topic', 'optimizers'])\n"
        "print(json.dumps([opened, 'click' in sys.modules]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    first, second = json.loads(done.stdout)[0]
    assert second[0] == first[0] == []
    assert first == [[], {}]  # what the study command gives run_study with no option:
    assert second[1] == {  # due mode, no filter, no limit
        "mode": "due",
        "pack": None,
        "topic": "optimizers",
        "tag": None,
        "kind": None,
        "limit": None,
        "minutes": None,
        "ahead": False,
    }
    assert json.loads(done.stdout)[1]  # the second went through the click group


@pytest.mark.parametrize(
    ("raised", "code", "message"),
    [
        (UsageError("no such thing"), 2, "no such thing"),
        (StoreError("the database is locked"), 1, "the database is locked"),
        (KeyboardInterrupt(), 130, "Aborted."),
        (EOFError(), 1, "Aborted."),
    ],
)
def test_drillbit_alone_fails_as_the_click_group_does(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    raised: BaseException,
    code: int,
    message: str,
) -> None:
    import quiz.tui.launch

    opened: list[list[Path]] = []

    def run_app(content: list[Path], **_how: object) -> None:
        opened.append(content)
        raise raised

    monkeypatch.setattr(quiz.tui.launch, "run_app", run_app)
    seen = []
    for args in ([], ["--content", str(tmp_path)]):  # no click, then the click group
        with pytest.raises(SystemExit) as exited:
            main(args)
        assert exited.value.code == code
        seen.append(capsys.readouterr())
    assert opened == [[], [tmp_path]]
    assert seen[0] == seen[1] and message in seen[0].err


def test_the_click_group_is_still_there_and_answers_completions(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import quiz.tui.launch
    from quiz.cli import cli

    assert cli.name == "cli" and "stats" in cli.list_commands(click.Context(cli))
    monkeypatch.setattr(quiz.tui.launch, "run_app", lambda _content, **_how: pytest.fail("opened"))
    monkeypatch.setenv(COMPLETE_ENV, "bash_complete")
    monkeypatch.setenv("COMP_WORDS", "drillbit sta")
    monkeypatch.setenv("COMP_CWORD", "1")
    with pytest.raises(SystemExit) as exited:
        main([])  # no arguments, but a shell asking for completions: click answers
    assert exited.value.code == 0 and "stats" in capsys.readouterr().out


def test_ctrl_c_before_the_command_runs_is_aborted_without_a_traceback(
    drillbit: RunDrillbit, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while drillbit still reads its command line (here: which `stats --json` it
    is), before any command's handling, printed a KeyboardInterrupt traceback."""
    import quiz.cli.stats

    def interrupted(_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(quiz.cli.stats, "stats_json_content", interrupted)
    run = drillbit("stats", "--json")
    assert (run.returncode, run.stderr, run.stdout) == (130, "\nAborted.\n", "")


def test_number_options_read_as_words_in_the_help(drillbit: RunDrillbit) -> None:
    """The help said `--minutes-per-day FLOAT RANGE ... [1<=x<=1440]` and `--limit INTEGER
    RANGE ... [x>=1]`: Click's type names and the range in notation. It now says NUMBER or
    N and the range as the refusals say it."""
    for command, option, said in [
        ("plan", "--minutes-per-day NUMBER", "[1 to 1440]"),
        ("plan", "--target NUMBER", "[0.5 to 0.99]"),
        ("study", "--limit N", "[1 or more]"),
        ("serve", "--port N", "[default: 8000; 1 to 65535]"),
    ]:
        shown = drillbit(command, "--help")
        assert shown.returncode == 0
        flat = " ".join(shown.stdout.split())  # the help's lines joined, as folded
        assert re.search(re.escape(option) + r" [^\[]*" + re.escape(said), flat), flat
        assert "RANGE" not in shown.stdout and "<=" not in shown.stdout, shown.stdout
