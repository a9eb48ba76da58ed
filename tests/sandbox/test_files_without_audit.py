"""Files reached with no `open` audit event are refused by the hooks too (forty-first round).

SQLite, readline, Tcl (tkinter's interpreter, forty-second round: its `exec` ran /bin/sh too)
and `os.mkfifo` open or make files by a path of their own, which raises no
`open` event: the hooks' "writing outside the work directory" never saw them. Where the hooks
are the only layer on files (no bubblewrap or Landlock, no seccomp: the "hooks-alone" pool),
a submission made a database, a history file and a FIFO outside its work dir, and through
SQLite read the app's progress database. The modules are now refused and the two calls say
in plain words that a drill makes no FIFO. The pools run without seccomp, so what stops each
here is the hooks (under bubblewrap and Landlock the kernel would stop them next).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import run_adversarial

PATIENT = PatientDoubleChecker()

TCL_INIT = (
    "import os\nwith open('init.tcl', 'w'):\n    pass\nos.environ['TCL_LIBRARY'] = os.getcwd()\n"
)
"""Where Tcl finds an init.tcl (an empty one does): under Landlock the machine's is unreadable."""

MAKERS = {
    "sqlite-attach": (
        "import sqlite3\n"
        "db = sqlite3.connect(':memory:')\n"
        "db.execute(f\"ATTACH DATABASE '{TARGET}' AS planted\")\n"
        "db.execute('CREATE TABLE planted.t (x)')\n"
        "db.commit()",
        "No module named 'sqlite3': the sandbox does not provide it",
    ),
    "readline-history": (
        "import readline\nreadline.add_history('planted')\nreadline.write_history_file(TARGET)",
        "No module named 'readline': the sandbox does not provide it",
    ),
    # forty-second round: a Tcl interpreter, whose `open` and `exec` raise no audit event (the
    # init.tcl it needs is written in the work dir when the machine's own is out of reach)
    "tcl-open": (
        TCL_INIT + "import _tkinter\n"
        "tcl = _tkinter.create(None, 'x', 'Tk', False, False, False, False, None)\n"
        "tcl.eval(f'set f [open {{{TARGET}}} w]; puts $f planted; close $f')",
        "No module named '_tkinter': the sandbox does not provide it",
    ),
    "tcl-exec": (
        TCL_INIT + "import tkinter\n"
        "tkinter.Tcl().eval(f'exec /bin/sh -c {{echo planted > {TARGET}}}')",
        "No module named 'tkinter': the sandbox does not provide it",
    ),
    "mkfifo": ("import os\nos.mkfifo(TARGET)", "making FIFOs and device nodes is not allowed"),
    "mknod": (
        "import os, stat\nos.mknod(TARGET, stat.S_IFIFO | 0o600)",
        "making FIFOs and device nodes is not allowed",
    ),
}


def _source(target: Path, maker: str) -> str:
    """A double that makes `target` with `maker` on its first call."""
    body = textwrap.indent(maker, " " * 8)
    return (
        f"TARGET = {str(target)!r}\ndone = []\n\n\ndef double(x):\n"
        f"    if not done:\n        done.append(True)\n{body}\n    return 2 * x\n"
    )


@pytest.mark.parametrize("name", sorted(MAKERS))
def test_a_file_made_without_an_open_event_is_refused(
    name: str, no_seccomp_pool: tuple[str, WorkerPool], tmp_path: Path
) -> None:
    _mode, pool = no_seccomp_pool
    target = tmp_path / f"planted-{name}"
    maker, phrase = MAKERS[name]
    run_adversarial(pool, _source(target, maker), Status.ERROR, phrase, checker=PATIENT)
    assert not target.exists()
