"""The root group finds each command's module by name: the table, help and an unknown name."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

from quiz.cli.main import COMMAND_MODULES
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


def test_an_unknown_command_is_a_usage_error(drillbit: RunDrillbit) -> None:
    typo = drillbit("stat")
    assert typo.returncode == 2 and "No such command 'stat'" in typo.stderr
    as_json = drillbit("stat", "--json")
    assert as_json.returncode == 2 and json.loads(as_json.stdout)["error"] == "usage"


def test_a_command_imports_only_its_own_module(drillbit_process: RunDrillbit) -> None:
    assert drillbit_process("stats", "--json").returncode == 0  # the card index is remembered
    modules, _ = modules_imported_by("stats", "--json")
    loaded = {name for name in modules if name.startswith("quiz.cli.")}
    assert loaded == {"quiz.cli.main", "quiz.cli.context", "quiz.cli.study"}
