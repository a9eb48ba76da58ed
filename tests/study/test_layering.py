"""study and store stay UI-free and engine-free, checked in a fresh interpreter."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["quiz.study", "quiz.store", "quiz.paths"])
def test_study_and_store_import_neither_textual_nor_the_engine(module: str) -> None:
    code = f"import json, sys, {module}; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(json.loads(out.stdout))
    assert module in loaded
    assert not {m for m in loaded if m.split(".")[0] in {"textual", "engine", "numpy"}}
