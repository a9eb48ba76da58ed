"""The grader's files' times, by `os.stat` (forty-fourth round).

`os.stat` raises no audit event and Landlock does not judge it, so under Landlock (the app's
mode without bubblewrap) a drill read the access time of the grader's files, the checkout
being beside `sys.executable`. `relatime` moves a file's access time on its first read after
a change and then once a day, and the app imports a checker's module when it first grades its
drill: the times told which drills were graded lately, and when. The stand-ins of `os.stat`
and `os.lstat` now hand their path to the hooks, which judge it as a read ("reading the
grader's files"); a path of the code's own, numpy's, and `pathlib`'s `exists` still work.
"""

from __future__ import annotations

import ast
import re
import textwrap

from engine.checkers import base
from engine.sandbox import WorkerPool
from tests.sandbox.test_attacks_from_inside import _found
from tests.sandbox.test_folder_descriptors import hooks_pool

__all__ = ["hooks_pool"]

PEEK = """
    import os, pathlib
    import numpy

    GRADER = {grader!r}
    FOUND = {{}}

    def outcome(call):
        try:
            got = call()
        except PermissionError as exc:
            return "refused" if "drillbit sandbox" in str(exc) else "EACCES"
        except OSError as exc:
            return type(exc).__name__
        return "read " + repr(got)[:40]

    FOUND["stat"] = outcome(lambda: os.stat(GRADER).st_atime_ns)
    FOUND["lstat"] = outcome(lambda: os.lstat(GRADER).st_atime_ns)
    FOUND["getatime"] = outcome(lambda: os.path.getatime(GRADER))
    FOUND["pathlib"] = outcome(lambda: pathlib.Path(GRADER).stat().st_atime_ns)
    FOUND["exists"] = outcome(lambda: os.path.exists(GRADER))
    open("own.txt", "w").close()
    FOUND["own"] = outcome(lambda: os.stat("own.txt").st_size)
    FOUND["own-pathlib"] = outcome(lambda: pathlib.Path("own.txt").exists())
    FOUND["numpy"] = outcome(lambda: os.path.isfile(numpy.__file__))
"""

REFUSED = ("stat", "lstat", "getatime", "pathlib")


def test_the_graders_times_are_not_read(hooks_pool: tuple[str, WorkerPool]) -> None:
    """Each way to `stat` a grader's file is refused in words in every mode with the hooks
    (under bubblewrap its path names the grader's place there); before, under Landlock,
    "none" and the hooks alone each read its access time."""
    _, pool = hooks_pool
    grader = base.__file__
    if pool.config.use_bwrap_requested():
        from engine.sandbox.bwrap import SANDBOX_GRADER

        grader = f"{SANDBOX_GRADER}/engine/checkers/base.py"
    message = _found(pool, textwrap.dedent(PEEK.format(grader=grader)))
    listed = re.search(r"found (\{.*\})", message)
    assert listed is not None, message
    found: dict[str, str] = ast.literal_eval(listed.group(1))
    assert {call: found[call] for call in REFUSED} == dict.fromkeys(REFUSED, "refused"), str(found)
    assert found["exists"] == "read False", found  # `exists` takes a refusal for "no"
    assert found["own"] == "read 0", found
    assert found["own-pathlib"] == "read True", found
    assert found["numpy"] == "read True", found
