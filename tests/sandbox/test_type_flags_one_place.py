"""CPython's type layout, known in one place (fifty-fifth round, sandbox55).

The fifty-fourth round sealed the grader's classes through a ctypes writer of the launcher's
(its own offset of `tp_flags` and its own flag bits) while the child wrote the same word for
its hollow guard through numpy's memory door, from its own table. The child alone now knows
the layout (`TYPE_SLOTS`, `type_layout_known`) and writes a type's flags (`type_flags`), for
the guard and for `seal_classes`; where the layout is not the known one nothing is written.
The sealed classes' refusals are tested in the files that attack them
(tests/sandbox/test_grader_classes_held.py and the class tests beside it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from engine.sandbox import child


def fresh() -> Any:
    class Fresh:
        """A heap type of this test's own."""

        value = 1

    return Fresh


def test_a_class_is_sealed_where_the_layout_is_the_known_one() -> None:
    assert child.type_layout_known()  # the machine the suite runs on: CPython 3.11, 64-bit
    cls = fresh()
    before = cls.__flags__
    assert child.seal_classes(np, [cls, int, "not a class"]) == 1
    assert cls.__flags__ == before | child.IMMUTABLE_TYPE
    with pytest.raises(TypeError, match="immutable type 'Fresh'"):
        cls.value = 2
    assert cls.value == 1


def test_nothing_is_written_where_the_layout_check_fails() -> None:
    cls = fresh()
    before = cls.__flags__
    assert child.type_flags(np, cls, known=lambda: False) is None
    assert child.seal_classes(np, [cls], known=lambda: False) == 0
    assert cls.__flags__ == before
    cls.value = 2  # still a class like any other
    assert cls.value == 2


def test_a_static_type_is_never_written() -> None:
    """int is no heap type: its word is found (the layout holds) but left alone."""
    before = int.__flags__
    assert child.type_flags(np, int) is not None
    assert child.seal_classes(np, [int, bool]) == 0
    assert int.__flags__ == before


def test_only_the_child_knows_where_tp_flags_is() -> None:
    """No second table of CPython's type layout in the sandbox's modules."""
    sandbox = Path(child.__file__).parent
    knowing = sorted(
        path.name for path in sandbox.glob("*.py") if "tp_flags" in path.read_text("utf-8")
    )
    assert knowing == ["child.py"], knowing
