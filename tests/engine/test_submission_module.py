"""A submission loads as a module of its own, in-process and in the sandbox alike.

The stdlib looks a class's module up in sys.modules by its `__module__` name:
`dataclass` does under `from __future__ import annotations` (to read ClassVar and
InitVar from strings), so a correct answer with a dataclass failed to load with
"'NoneType' object has no attribute '__dict__'" while the name led nowhere.
"""

from __future__ import annotations

import sys

from engine.checkers import get_checker
from engine.grade_inprocess import grade_inprocess, load_submission
from engine.grade_sandboxed import grade
from tests.engine.answer_files import ANSWERS

SOURCE = (ANSWERS / "sigmoid" / "correct_dataclass_string_annotations.py").read_text("utf-8")


def test_a_dataclass_with_string_annotations_loads_in_process() -> None:
    before = sys.modules.get("submission")
    checker = get_checker("nn.activations.sigmoid")
    verdict = grade_inprocess(checker, load_submission(SOURCE, checker.entries), seed=0)
    assert verdict.passed, verdict.summary
    assert sys.modules.get("submission") is before  # the test process's modules are left as found


def test_a_dataclass_with_string_annotations_loads_in_the_sandbox() -> None:
    verdict = grade(get_checker("nn.activations.sigmoid"), SOURCE, seed=0)
    assert verdict.passed, verdict.summary
