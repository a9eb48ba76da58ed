"""The sandbox's leftovers of the forty-third round (sandbox43c).

* `shutil.copy` of a file the drill may read into the work dir was refused as "writing outside
  the work directory (<the source>)": the hooks judged both paths of `shutil.copyfile` (and
  `copymode`, `copystat`, `copytree`) as writes. The source is now judged as a read, the
  destination as a write.
* `TZ=":<path>"` and `TZDIR` make glibc read a file with no audit event: pinned here that the
  code learns nothing of a file it may not read (an existing one of the grader's, a missing
  one and a folder give the same zone), in every mode.
* `faulthandler.dump_traceback_later` without the hooks (no layer refuses its thread): pinned
  here that it prints file names, lines and function names only, never a value.
"""

from __future__ import annotations

import re
import textwrap

from engine.sandbox import WorkerPool
from engine.sandbox.config import ENGINE_DIR
from engine.verdict import Status
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import run_adversarial, shown

PATIENT = PatientDoubleChecker()

COPY_IN = textwrap.dedent("""
    import os, shutil
    import numpy as np

    shutil.copy(np.__file__, "copied.py")  # copyfile, then copymode
    shutil.copy2(np.__file__, "copied2.py")  # copyfile, then copystat
    shutil.copytree(os.path.dirname(np.__file__) + "/_utils", "utils_copy")
    with open(np.__file__, "rb") as original, open("copied.py", "rb") as copy:
        SAME = original.read() == copy.read()

    def double(x):
        return 2 * x if SAME and os.path.isdir("utils_copy") else x
""")
"""A read of numpy's own files (which every mode lets a drill read) copied into the work dir:
before, "writing outside the work directory (.../numpy/__init__.py)" in every hooks mode."""


def test_copying_a_readable_file_into_the_work_dir_passes(pool: WorkerPool) -> None:
    run_adversarial(pool, COPY_IN, Status.PASSED, checker=PATIENT)


def test_copying_into_the_work_dir_passes_with_the_hooks_alone(
    no_seccomp_pool: tuple[str, WorkerPool],
) -> None:
    _, pool = no_seccomp_pool
    run_adversarial(pool, COPY_IN, Status.PASSED, checker=PATIENT)


def test_copying_out_of_the_work_dir_is_still_refused(pool: WorkerPool) -> None:
    """The destination is still a write: numpy's folder is readable, never writable."""
    source = textwrap.dedent("""
        import os, shutil
        import numpy as np

        open("mine.txt", "w").close()
        shutil.copyfile("mine.txt", os.path.dirname(np.__file__) + "/planted.txt")

        def double(x):
            return 2 * x
    """)
    run_adversarial(
        pool, source, Status.ERROR, "writing outside the work directory", checker=PATIENT
    )


def test_copying_the_graders_files_in_is_refused_as_a_read(pool: WorkerPool) -> None:
    """The source, judged as a read, is still judged: the grader's files stay unread."""
    source = textwrap.dedent(f"""
        import shutil

        shutil.copytree({str(ENGINE_DIR)!r}, "engine_copy")

        def double(x):
            return 2 * x
    """)
    verdict = run_adversarial(pool, source, Status.ERROR, checker=PATIENT)
    assert "reading the grader's files" in shown(verdict) or "No such file" in shown(verdict), (
        shown(verdict)
    )


ZONES = textwrap.dedent(f"""
    import os, time

    def zone(setting):
        os.environ["TZ"] = setting
        time.tzset()
        return time.tzname, time.timezone, time.localtime(0).tm_zone

    SEEN = [
        zone(":" + path)
        for path in ({str(ENGINE_DIR / "checks.py")!r}, {str(ENGINE_DIR / "no_such_file.py")!r},
                     {str(ENGINE_DIR)!r}, "/proc/self/environ", "/no/such/file")
    ]
    os.environ["TZDIR"] = {str(ENGINE_DIR)!r}
    SEEN += [zone("checks.py"), zone("absent.py")]

    def double(x):
        same = all(seen == SEEN[0] for seen in SEEN[:5])
        same = same and repr(SEEN[5]).replace("checks", "absent") == repr(SEEN[6])
        return 2 * x if same else x
""")
"""A file of the grader's that exists, one that does not, a folder and /proc: glibc reads each
as a zone file, fails to parse it and falls back to UTC, all alike. Through `TZDIR` a name that
is no zone is taken as a POSIX rule whose abbreviation is the name's letters ("checks"), so the
grader's `checks.py` is compared with an absent name of the same shape."""


def test_a_zone_file_tells_nothing_of_files_out_of_reach(pool: WorkerPool) -> None:
    run_adversarial(pool, ZONES, Status.PASSED, checker=PATIENT)


def test_a_zone_file_tells_nothing_without_the_hooks(mode_pool: tuple[str, WorkerPool]) -> None:
    _, pool = mode_pool
    run_adversarial(pool, ZONES, Status.PASSED, checker=PATIENT)


def test_a_zone_file_tells_nothing_with_the_hooks_alone(
    no_seccomp_pool: tuple[str, WorkerPool],
) -> None:
    _, pool = no_seccomp_pool
    run_adversarial(pool, ZONES, Status.PASSED, checker=PATIENT)


WATCHDOG = textwrap.dedent("""
    import faulthandler, time

    SECRET = 987654321  # a value in a frame: the dump must never show it

    def double(x, _secret=SECRET):
        faulthandler.dump_traceback_later(0.01)
        time.sleep(0.3)  # the dump comes while the grader's frames are below this one
        return 2 * x
""")

DUMP_LINE = re.compile(
    r"Timeout \(\d+:\d\d:\d\d(\.\d+)?\)!"
    r"|(Current thread|Thread) 0x[0-9a-f]+ \(most recent call first\):"
    r'|  File "[^"\n]*", line \d+ in [\w<>.]+'
    r'|  File "<the grader\'s code>" in [\w<>.]+'
    r"|  <no Python frame>"
)
"""Every line faulthandler writes in Python 3.11: a header, then a file, line and function
name per frame; no argument, local or global. A frame of the grader's own files reaches the
verdict as `<the grader's code>` without its line (engine/sandbox/text.py)."""


def test_the_watchdog_prints_names_and_lines_only(mode_pool: tuple[str, WorkerPool]) -> None:
    """No hooks (bubblewrap, Landlock, seccomp alone): its thread of C is refused by no layer."""
    _, pool = mode_pool
    verdict = run_adversarial(pool, WATCHDOG, Status.PASSED, checker=PATIENT)
    lines = [line for line in verdict.stderr.splitlines() if line.strip()]
    assert any(line.startswith("  File ") and " in double" in line for line in lines), (
        verdict.stderr
    )
    for line in lines:
        assert DUMP_LINE.fullmatch(line), line
    assert "987654321" not in verdict.stderr, verdict.stderr
