"""A drill's starter importing what the sandbox refuses or lacks is an error at the import
(forty-fourth round): the unchanged starter is meant to fail, so lint's run of it passed,
and every solution written from it failed at the import. The standard library and NumPy,
however imported, pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bank.edits import edit, line_of, told_in_full, tui_bank_copy

DRILL = Path("mini", "drills", "tiny-sgd.md")
SANDBOX_FIX = (
    "every solution written from it fails at this line; delete the import, or do it with NumPy"
)


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    return tui_bank_copy(tmp_path)


@pytest.mark.parametrize(
    ("written", "col", "why"),
    [
        ("import subprocess", 1, "'subprocess', which the sandbox refuses to drills"),
        ("import sqlite3 as db", 1, "'sqlite3', which the sandbox refuses to drills"),
        ("from ctypes import CDLL", 1, "'ctypes', which the sandbox refuses to drills"),
        ("from engine.checkers import nn", 1, "'engine.checkers', which the sandbox refuses to drills"),
        (
            "import torch",
            1,
            "'torch', which drills cannot import (the sandbox has NumPy and the standard "
            "library only)",
        ),
        (
            "import math, scipy.linalg",
            1,
            "'scipy.linalg', which drills cannot import (the sandbox has NumPy and the "
            "standard library only)",
        ),
        ("from . import helpers", 1, "a relative import: a drill's code is one module, in no package"),
    ],
)  # fmt: skip
def test_a_starter_importing_what_a_drill_cannot_is_an_error_at_the_import(
    bank: Path, written: str, col: int, why: str
) -> None:
    path = bank / DRILL
    edit(path, "import numpy as np\n", f"import numpy as np\n{written}\n")
    assert told_in_full(bank) == [
        (
            path,
            line_of(path, written),
            col,
            "starter-import",
            f"starter imports {why}: {SANDBOX_FIX}",
            True,
        )
    ]


def test_an_import_inside_the_function_is_found_too(bank: Path) -> None:
    path = bank / DRILL
    edit(path, "    raise NotImplementedError", "    import socket\n    raise NotImplementedError")
    assert [(p[1], p[2], p[3]) for p in told_in_full(bank)] == [
        (line_of(path, "    import socket"), 5, "starter-import")
    ]


def test_a_starter_importing_the_standard_library_and_numpy_passes(bank: Path) -> None:
    """Differently written imports a drill has: none is told."""
    path = bank / DRILL
    edit(
        path,
        "import numpy as np\n",
        "from __future__ import annotations\n\nimport math\nimport os.path\n"
        "from collections import deque\nimport numpy as np\nimport numpy.linalg as la\n"
        "from numpy.random import default_rng\n",
    )
    edit(
        path, "    raise NotImplementedError", "    import itertools\n    raise NotImplementedError"
    )
    assert told_in_full(bank) == []
