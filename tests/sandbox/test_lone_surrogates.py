"""Text from the child that no UTF-8 can hold: a lone surrogate ("\\ud800").

The child's messages are JSON, whose escapes can spell half of a UTF-16 pair alone; such a
string reached the verdict as it was, and `drillbit grade` ended in a UnicodeEncodeError
traceback while printing it (or while saving the try, which was then not recorded). The
parent now shows U+FFFD in its place, as a decoder shows bytes it cannot read.
"""

from __future__ import annotations

import pytest

from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool
from engine.sandbox.text import clip, strip_controls
from engine.verdict import Status
from tests.sandbox.helpers import DOUBLE, shown

SOURCES = {
    "an exception's message": 'def double(x):\n    raise RuntimeError("half \\ud800 a pair")\n',
    "an exception class's name": (
        "class E(Exception):\n    pass\nE.__qualname__ = 'E\\udcff'\n"
        "def double(x):\n    raise E('raised')\n"
    ),
    "an exception as the file loads": 'raise RuntimeError("half \\udfff a pair")\n',
    "a returned dict's key": 'def double(x):\n    return {"\\ud800": 2 * x}\n',
}


@pytest.mark.parametrize("where", list(SOURCES))
def test_a_lone_surrogate_from_the_child_is_shown_as_a_replacement_character(
    pool: WorkerPool, where: str
) -> None:
    verdict = grade(DOUBLE, SOURCES[where], seed=1, pool=pool)
    assert verdict.status in (Status.ERROR, Status.FAILED, Status.INVALID), shown(verdict)
    dumped = verdict.model_dump_json()  # what saving the try does: it raised before
    dumped.encode("utf-8")
    shown(verdict).encode("utf-8")  # what printing it does
    if where != "a returned dict's key":
        assert "\ufffd" in shown(verdict), shown(verdict)


def test_strip_controls_replaces_each_lone_surrogate_and_keeps_real_pairs() -> None:
    assert strip_controls("a\ud800b\udcffc") == "a\ufffdb\ufffdc"
    assert strip_controls("an emoji \U0001f600 stays") == "an emoji \U0001f600 stays"
    assert clip("x\ud83d\n" * 3) == "x\ufffd\n  [previous line repeated 2 more times]\n"
