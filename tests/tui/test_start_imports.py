"""Home and a due session's first card come up without pydantic (about 200 ms of CPU):
the cards shown are plain classes, the settings plainly valid. A due session's first card
also comes up without the screens it does not show (Home, Help, the palette's card search:
DataTable and the plan's status). Checked in fresh processes (`bench.probe`, the
benchmark's own probe) once the card index is remembered."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PROCESS_TIMEOUT_SECONDS

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.xdist_group("start-imports")
"""One worker runs the module, so the probes (`reports`) are made once, not once per worker."""


def _probe(mode: str, out: Path) -> dict[str, Any]:
    subprocess.run(
        [sys.executable, "-m", "bench.probe", mode, str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=PROCESS_TIMEOUT_SECONDS,  # a ceiling: a cold start under load takes long
    )
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return report


Reports = dict[str, dict[str, Any]]


@pytest.fixture(scope="module", params=[False, True], ids=["defaults", "settings"])
def reports(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Reports:
    """The probes of one DRILLBIT_HOME, with or without a config.toml: a due session's
    first start (which loads the bank and remembers its index), then Home and a due
    session's first card once it is remembered. Made once for the module and only read:
    each probe is a fresh app process (about a second of CPU, ten times that under load),
    and the checks below read the same three reports (they made ten processes, now six)."""
    home = tmp_path_factory.mktemp("start-imports-home")
    if request.param:
        (home / "config.toml").write_text(
            'new_per_day = 7\nlearning_steps = ["2m", "20m"]\n', encoding="utf-8"
        )
    out = home.parent / f"{home.name}-probe.json"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DRILLBIT_HOME", str(home))
        patch.delenv("DRILLBIT_CONTENT", raising=False)
        return {
            mode: _probe(mode.removesuffix("_first"), out) for mode in ("due_first", "app", "due")
        }


def test_home_and_the_first_due_card_do_not_import_pydantic(reports: Reports) -> None:
    assert reports["due_first"]["screen"] == "StudyScreen"
    for mode, screen in (("app", "HomeScreen"), ("due", "StudyScreen")):
        report = reports[mode]
        assert report["screen"] == screen
        assert not report["bank_loaded"]
        assert not report["pydantic_loaded"], mode
        assert not report["numpy_loaded"] and not report["textarea_loaded"]


# What a due session's first card must not import: each is imported where first used.
NOT_AT_THE_FIRST_DUE_CARD = (
    "quiz.tui.screens.home",
    "quiz.tui.screens.help",
    "quiz.tui.screens.stats",
    "quiz.tui.screens.settings",
    "quiz.tui.screens.browser",
    "quiz.tui.screens.drills",
    "quiz.tui.screens.drill",
    "quiz.tui.screens.summary",
    "quiz.tui.commands",
    # a drill's sitting and grading, the stats: imported where first used
    "quiz.sitting",
    "quiz.drill_grading",
    "quiz.study.stats",
)


def test_the_first_due_card_imports_no_other_screen(reports: Reports) -> None:
    report = reports["due"]  # the card index remembered
    assert report["screen"] == "StudyScreen"
    loaded = set(report["quiz_modules"])
    assert "quiz.tui.screens.study" in loaded
    assert not loaded & set(NOT_AT_THE_FIRST_DUE_CARD), sorted(loaded)
    assert not report["datatable_loaded"]


def test_home_imports_no_session_screen(reports: Reports) -> None:
    report = reports["app"]  # the card index remembered
    assert report["screen"] == "HomeScreen"
    loaded = set(report["quiz_modules"])
    assert "quiz.tui.screens.home" in loaded
    assert "quiz.tui.screens.study" not in loaded and "quiz.tui.commands" not in loaded
    # nor a session, a drill's sitting or grading, the stats (the workspace's lazy parts)
    assert not loaded & {"quiz.study.session", *NOT_AT_THE_FIRST_DUE_CARD[-3:]}, sorted(loaded)
