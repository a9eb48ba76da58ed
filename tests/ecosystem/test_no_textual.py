"""The ecosystem modules work without the UI: importing them never loads Textual."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module",
    [
        "quiz.ecosystem.importer",
        "quiz.ecosystem.anki",
        "quiz.ecosystem.progress",
        "quiz.cli.ecosystem",
    ],
)
def test_ecosystem_modules_never_import_textual(module: str) -> None:
    code = f"import json, sys, {module}; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(json.loads(out.stdout))
    assert module in loaded
    assert not any(m == "textual" or m.startswith("textual.") for m in loaded)
