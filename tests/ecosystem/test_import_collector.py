"""`drillbit import` as the whole process holds the cyclic collector to its exit, as
`stats --json` does (`quiz.gcpause.to_the_exit`); called with arguments (a test, a tool)
it leaves the collector as it was."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

from quiz.cli import _command, main
from tests.conftest import DATA

_CODE = (
    "import gc, sys\n"
    "from quiz.cli import main\n"
    "sys.argv = ['drillbit', *sys.argv[1:]]\n"
    "try:\n"
    "    main()\n"
    "finally:\n"
    "    print(gc.isenabled(), gc.get_freeze_count() > 0, file=sys.stderr)\n"
)


def test_the_command_is_the_first_word_after_the_content_options() -> None:
    assert _command(["import", "notes.md"]) == "import"
    assert _command(["--content", "import", "list"]) == "list"
    assert _command(["--content=a", "--content", "b", "import", "x"]) == "import"
    assert _command(["--help", "import"]) is None
    assert _command(["--content", "a"]) is None
    assert _command([]) is None


def test_as_the_whole_process_import_holds_the_collector_to_the_exit(tmp_path: Path) -> None:
    notes = str(DATA / "notes" / "shape2-bold.md")
    cases = (
        (["import", notes, "--pack", "p", "--content", str(tmp_path / "a")], "True True"),
        (["--content", str(tmp_path / "b"), "import", notes, "--dry-run"], "True True"),
        (["--content", "import", "list", "--json"], "True False"),
    )
    for args, seen in cases:
        done = subprocess.run(
            [sys.executable, "-c", _CODE, *args], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
        assert done.stderr.splitlines()[-1] == seen, args
    assert (tmp_path / "a" / "p").is_dir()
    assert not (tmp_path / "b").exists()


def test_called_with_arguments_it_leaves_the_collector_alone(tmp_path: Path) -> None:
    frozen = gc.get_freeze_count()
    notes = str(DATA / "notes" / "shape2-bold.md")
    try:
        main(["import", notes, "--pack", "p", "--content", str(tmp_path / "c")])
    except SystemExit as ended:
        assert ended.code in (0, None)
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
