"""A pack's own checker is its author's code, and `drillbit lint` is what the author runs in
CI: under `--no-drills` it is not run (not even imported), and otherwise a checker that
hangs, ends the process or raises is one problem at its card's `checker` line, while the
other drills are still checked. The `unknown-param` check ran a pack's `make_cases` even
under `--no-drills`: a hanging checker hung lint, an exiting one ended it."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import DATA, RunDrillbit

EXAMPLE = DATA / "example_pack"
DOUBLE = "example-double"

CHECKERS = """

import os as _os
import time as _time

_MARK = _os.environ.get("DRILLBIT_TEST_MARK")
if _MARK:  # the module ran: a run that must not load it leaves no mark
    open(_MARK, "a").close()


class _Hangs(DoubleChecker):
    name = "example.hangs"

    def make_cases(self, rng, params):
        _time.sleep(3600)  # one line: where lint names it stopped


class _Exits(DoubleChecker):
    name = "example.exits"

    def make_cases(self, rng, params):
        _os._exit(3)


class _Raises(DoubleChecker):
    name = "example.raises"

    def reference(self):
        raise RuntimeError("the author's slip")


class _Wrong(DoubleChecker):
    name = "example.wrong"

    def reference(self):
        return {"double": lambda x: 3.0 * x}


hangs, exits, raises, wrong = _Hangs, _Exits, _Raises, _Wrong
"""


def pack_with_checkers(tmp_path: Path) -> tuple[Path, Path]:
    """The example pack, its checkers module grown by four broken checkers and a card for
    each (the double drill, named for its checker; the two whose `make_cases` misbehaves
    with `params: {scale: 2}`, which the `unknown-param` check ran it on): the folder to put
    on PYTHONPATH, and the pack."""
    copy = tmp_path / "example_pack"
    shutil.copytree(EXAMPLE, copy)
    module = copy / "drillbit_example_pack" / "checkers.py"
    module.write_text(module.read_text(encoding="utf-8") + CHECKERS, encoding="utf-8")
    pack = copy / "drillbit_example_pack" / "content" / "example"
    double = pack / "arithmetic" / f"{DOUBLE}.md"
    text = double.read_text(encoding="utf-8")
    assert "checker: example.double\n" in text
    for name in ("hangs", "exits", "raises", "wrong"):
        card = text.replace(f"id: {DOUBLE}\n", f"id: example-{name}\n").replace(
            "checker: example.double\n", f"checker: example.{name}\n"
        )
        if name in ("hangs", "exits"):
            card = card.replace("\n---\n", "\nparams: {scale: 2}\n---\n", 1)
        (pack / "arithmetic" / f"example-{name}.md").write_text(card, encoding="utf-8")
    return copy, pack


def _line_of_exit(copy: Path, text: str = "_os._exit(3)") -> int:
    """The line of the checkers module's `_os._exit(3)` (or of `text`)."""
    module = copy / "drillbit_example_pack" / "checkers.py"
    lines = module.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


def test_no_drills_runs_no_pack_checker_code(tmp_path: Path, drillbit_process: RunDrillbit) -> None:
    copy, pack = pack_with_checkers(tmp_path)
    mark = tmp_path / "loaded"
    env = {"PYTHONPATH": str(copy), "DRILLBIT_TEST_MARK": str(mark)}
    result = drillbit_process("lint", "--no-drills", str(pack), env=env)
    assert (result.returncode, result.stdout) == (0, ""), result.stderr
    assert "6 cards checked, no problems" in result.stderr
    assert not mark.exists()


def test_an_uninstalled_pack_checker_is_told_under_no_drills(
    tmp_path: Path, drillbit_process: RunDrillbit
) -> None:
    """Not run is not unchecked: a checker name no installed pack registers is an error
    that says how a pack's checkers are found (a CI job that runs drillbit without the
    pack installed gets it for each of the pack's drills)."""
    copy, pack = pack_with_checkers(tmp_path)
    card = pack / "arithmetic" / "example-hangs.md"
    card.write_text(
        card.read_text(encoding="utf-8").replace("example.hangs", "exampel.hangs"),
        encoding="utf-8",
    )
    result = drillbit_process("lint", "--no-drills", str(pack), env={"PYTHONPATH": str(copy)})
    assert result.returncode == 1
    assert result.stdout == (
        f"{card}:10:1: checker 'exampel.hangs' not found: no checker module "
        "engine.checkers.exampel, and no installed pack registers 'exampel' under the "
        "drillbit.checkers entry points (a pack's own checkers: install the pack where lint "
        "runs, e.g. uv pip install -e .) [unknown-checker]\n"
    )


def test_broken_pack_checkers_are_each_told_at_their_card(
    tmp_path: Path, drillbit_process: RunDrillbit
) -> None:
    copy, pack = pack_with_checkers(tmp_path)
    result = drillbit_process(
        "lint", "--drill-timeout", "3", "--format", "github", str(pack),
        env={"PYTHONPATH": str(copy)},
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    told = {line.split("file=")[1].split(",")[0]: line for line in lines}
    topic = pack / "arithmetic"
    assert sorted(told) == sorted(
        str(topic / f"example-{n}.md") for n in ("exits", "hangs", "raises", "wrong")
    )
    for name, code, words in [
        ("hangs", "checker-timeout", "checker 'example.hangs' and the starter did not finish within 3 s "
         "(loading the checker, its cases, grading the reference and the starter, stopped at "
         f"{copy / 'drillbit_example_pack' / 'checkers.py'}:{_line_of_exit(copy, '_time.sleep(3600)')})"),
        ("exits", "checker-crashed", "checker 'example.exits' ended the process running it (os._exit(3)) at "
         f"{copy / 'drillbit_example_pack' / 'checkers.py'}:{_line_of_exit(copy)} while reading its entries before"),
        ("raises", "checker-raised", "checker 'example.raises' raised RuntimeError: the author's slip while calling reference() for its signatures"),
        ("wrong", "reference-fails", "the checker's own reference does not pass"),
    ]:  # fmt: skip
        line = told[str(topic / f"example-{name}.md")]
        assert line.startswith("::error file="), line
        assert ",line=10,col=1," in line and f"({code})::" in line and words in line, line
    # the two sound drills (the double drill, the concept card) are still checked and fine
    assert "4 problems in 4 files; 2 cards are fine" in result.stderr
    assert "Traceback" not in result.stderr


JUDGE_EXITS = """

import os as _judge_os


class _ExitsJudging(DoubleChecker):
    name = "example.judge_exits"

    def judge(self, case, outcome):
        if outcome.error is not None:  # the starter's NotImplementedError, not the reference
            _judge_os._exit(4)
        return super().judge(case, outcome)


judge_exits = _ExitsJudging
"""


def test_a_checker_that_exits_while_grading_the_starter_is_the_checker_s(
    tmp_path: Path, drillbit_process: RunDrillbit
) -> None:
    """The process ends while lint grades the starter, but in the checker's own `judge`:
    the checker's file and line are named, never the starter (whose lines are sound)."""
    copy = tmp_path / "example_pack"
    shutil.copytree(EXAMPLE, copy)
    module = copy / "drillbit_example_pack" / "checkers.py"
    module.write_text(module.read_text(encoding="utf-8") + JUDGE_EXITS, encoding="utf-8")
    pack = copy / "drillbit_example_pack" / "content" / "example"
    card = pack / "arithmetic" / "example-judge-exits.md"
    text = (pack / "arithmetic" / f"{DOUBLE}.md").read_text(encoding="utf-8")
    card.write_text(
        text.replace(f"id: {DOUBLE}\n", "id: example-judge-exits\n").replace(
            "checker: example.double\n", "checker: example.judge_exits\n"
        ),
        encoding="utf-8",
    )
    result = drillbit_process("lint", str(pack), env={"PYTHONPATH": str(copy)})
    assert result.returncode == 1, result.stderr
    line = next(
        n
        for n, text in enumerate(module.read_text(encoding="utf-8").splitlines(), 1)
        if "_judge_os._exit(4)" in text
    )
    assert result.stdout == (
        f"{card}:10:1: checker 'example.judge_exits' ended the process running it "
        f"(os._exit(4)) at {module}:{line} while grading the starter before lint could "
        "check the drill: grade the reference and the starter with the checker to see why "
        "[checker-crashed]\n"
    )
