"""The architecture's direction, checked in a fresh interpreter: the core never pulls in the UI."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from tests.bank_inputs import while_held

pytestmark = pytest.mark.xdist_group("import-hygiene")
"""One worker runs the module, so a module imported by two checks starts one interpreter."""

PURE_MODULES = [
    "engine.checkers",
    "engine.grade_inprocess",
    "engine.verdict",
    "quiz.bank.loader",
    "quiz.bank.lint",
    "quiz.bank.models",
    "quiz.bank.schema",
    "quiz.drill_grading",
    "quiz.store.store",
    "quiz.study.aside",
    "quiz.study.elsewhere_changes",
    "quiz.study.options",
    "quiz.study.queue",
    "quiz.study.session",
    "quiz.study.stats",
]


@cache  # the engine's three modules are checked twice: for textual and for quiz
def _modules_after_import(module: str) -> frozenset[str]:
    """What importing `module` alone loads, in a fresh interpreter (read-only, so kept)."""
    code = f"import json, sys, {module}; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return frozenset(json.loads(out.stdout))


@pytest.mark.parametrize("module", PURE_MODULES)
def test_core_modules_never_import_textual(module: str) -> None:
    loaded = _modules_after_import(module)
    assert not any(m == "textual" or m.startswith("textual.") for m in loaded)


@pytest.mark.parametrize("module", ["engine.checkers", "engine.grade_inprocess", "engine.verdict"])
def test_engine_never_imports_quiz(module: str) -> None:
    loaded = _modules_after_import(module)
    assert not any(m == "quiz" or m.startswith("quiz.") for m in loaded)


def test_the_workspace_stays_a_thin_composition_root() -> None:
    # it wires bank, store, clock and grader; logic belongs in quiz.study and friends
    # (it grew back past the limit once, one forwarding method at a time)
    source = Path(__file__).resolve().parent.parent / "quiz" / "workspace.py"
    lines = len(source.read_text(encoding="utf-8").splitlines())
    assert lines < 250, f"quiz/workspace.py has {lines} lines; move logic out of it"


def test_the_study_screen_leaves_the_summary_models_to_the_first_answer() -> None:
    # a due session's first card is shown before any summary model (pydantic) is built
    assert "quiz.study.summary" not in _modules_after_import("quiz.tui.screens.study")


def test_home_and_a_due_session_without_a_plan_leave_the_plan_code_unimported() -> None:
    # quiz.study.plan (forecast, pacing) is imported when an interview plan exists
    code = (
        "import json, sys\n"
        "from quiz.workspace import StudyRequest, Workspace\n"
        "ws = Workspace.open()\n"
        "ws.home_view()\n"
        "assert ws.plan_status() is None\n"
        "ws.start_session(StudyRequest(mode='due'))\n"
        "ws.close()\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(json.loads(out.stdout))
    assert "quiz.study.plan_status" in loaded and "quiz.study.plan" not in loaded
    assert "tomllib" not in loaded  # no settings file: nothing to parse


@pytest.mark.usefixtures("_warm_card_cache")
def test_a_session_answered_and_summed_up_leaves_pydantic_unimported() -> None:
    # the summary was three pydantic models: importing pydantic and building their schemas
    # (about 0.16 s of CPU) fell between a session's first rating and its next card
    code = (
        "import json, sys\n"
        "from quiz.workspace import StudyRequest, Workspace\n"
        "ws = Workspace.open()\n"
        "session = ws.start_session(StudyRequest(mode='due'))\n"
        "assert session.current is not None\n"
        "session.answer(True)\n"
        "summary = session.finish()\n"
        "assert summary.answers == 1 and summary.questions[0].answered\n"
        "ws.close()\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )

    def run() -> str:
        command = [sys.executable, "-c", code]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout

    loaded = set(json.loads(while_held(run)))  # read the card index: the bank held still
    assert "quiz.study.summary" in loaded and "pydantic" not in loaded
