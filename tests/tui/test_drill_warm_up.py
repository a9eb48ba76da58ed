"""A drill's screen comes up without numpy, the engine or pydantic: its checker is found in
the warm-up thread (with the sandbox's worker), not on the UI thread before the first frame.

Those imports were 0.4 s of CPU between the drill list's enter and the editor; the first
grading needs them, and the person reads the task meanwhile."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from quiz.tui.screens.drill import DrillScreen
from tests.tui.conftest import AppFactory, showing, wait_until

ROOT = Path(__file__).resolve().parents[2]

OPEN_THEN_WARM = """
import json, sys
from pathlib import Path
from quiz.bank import cachefile
from quiz.workspace import Workspace
cachefile.RACY_SECONDS = 0.0  # the bank's files were just copied: remembered all the same
ws = Workspace.open([Path(sys.argv[1])], include_bundled=False, grader=lambda drill, source: None)
sitting = ws.open_drill("tiny-sgd")
opened = sorted(sys.modules)
ws.warm_up(sitting)
warmed = sorted(sys.modules)
ws.close()
print(json.dumps({"opened": opened, "warmed": warmed, "checker": sitting.drill.checker.name}))
"""


def _heavy(modules: list[str]) -> set[str]:
    return {m for m in modules if m.split(".")[0] in ("numpy", "pydantic", "engine")} - {
        "engine",
        "engine.outcome",
    }


def test_the_drill_screen_module_imports_neither_numpy_nor_pydantic() -> None:
    code = "import json, sys, quiz.tui.screens.drill; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert not _heavy(json.loads(out.stdout))


def test_opening_a_drill_leaves_its_checker_to_the_warm_up(
    tui_bank: Path, _isolated_home: Path
) -> None:
    for _ in range(2):  # the first start loads the bank (pydantic) and remembers its index
        out = subprocess.run(
            [sys.executable, "-c", OPEN_THEN_WARM, str(tui_bank)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
    seen = json.loads(out.stdout)
    assert not _heavy(seen["opened"]), "the sitting is opened without the engine"
    warmed = set(seen["warmed"])
    assert {"numpy", "pydantic", "engine.verdict", "engine.checkers.nn.optim"} <= warmed
    assert seen["checker"] == "nn.optim.sgd_step"


async def test_a_drill_whose_checker_does_not_exist_says_so_on_its_screen(
    build: AppFactory, tui_bank: Path
) -> None:
    card = tui_bank / "mini" / "drills" / "tiny-sgd.md"
    card.write_text(
        card.read_text(encoding="utf-8").replace("nn.optim.sgd_step", "nn.optim.no_such_step"),
        encoding="utf-8",
    )
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        screen = await showing(pilot, DrillScreen)
        status = screen.query_one("#verdict-status")
        assert await wait_until(pilot, lambda: "Could not grade" in str(status.render()))
        said = str(status.render())
        assert "'tiny-sgd' names a checker that does not exist" in said
        assert "no_such_step" in said and "sandbox did not start" not in said
