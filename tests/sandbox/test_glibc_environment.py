"""No pointing glibc at the work dir for its conversion modules or locales (forty-third round).

glibc reads `GCONV_PATH` and `LOCPATH` from the environment when it first needs them, not only
at startup: a locale found under `LOCPATH` is loaded by `locale.setlocale`, its binary tables
trusted as the system's own, and a charset no loaded module converts makes glibc read the
`gconv-modules` of `GCONV_PATH` and `dlopen` the module it names, from any folder (the door
PwnKit used). Code sets either through `os.environ`. On this machine a conversion module
planted in the work dir ran native code from a plain `python -I` started in the C locale
(`LC_ALL=C`): `locale.localeconv()`, `time.strftime` and `locale.dgettext` each loaded it. The
child escaped that by the order of its start alone: Python moves a C locale to C.UTF-8, which
reads glibc's module cache before any code runs, and a cache once read is never read again.
A locale of the work dir's still loaded in every mode. The hooks now refuse setting either
variable, whatever the machine's locales.
"""

from __future__ import annotations

import textwrap

import pytest

from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import run_adversarial

PATIENT = PatientDoubleChecker()

PLANTED_LOCALE = textwrap.dedent("""
    import glob, locale, os

    os.environ["LOCPATH"] = os.getcwd()
    os.makedirs("xx_XX.UTF-8")
    with open(glob.glob("/usr/lib/locale/C.*8/LC_CTYPE")[0], "rb") as system:
        with open("xx_XX.UTF-8/LC_CTYPE", "wb") as planted:
            planted.write(system.read())
    locale.setlocale(locale.LC_CTYPE, "xx_XX.UTF-8")  # found only under LOCPATH

    def double(x):
        return 2 * x
""")
"""A copy of the system's C.UTF-8 tables as a locale of the work dir's: before, glibc loaded
it (the drill passed all its cases) in every mode."""

PLANTED_CONVERSIONS = textwrap.dedent("""
    import locale, os

    with open("gconv-modules", "w") as modules:
        modules.write("module PLANTED// INTERNAL planted 1\\nmodule INTERNAL PLANTED// planted 1\\n")
    os.environ["GCONV_PATH"] = os.getcwd()
    locale.localeconv()

    def double(x):
        return 2 * x
""")
"""The first step of a planted conversion module: glibc's search path moved to the work dir
(as bytes through `os.putenv` too, below)."""


@pytest.mark.parametrize(
    ("source", "variable"),
    [
        (PLANTED_LOCALE, "LOCPATH"),
        (PLANTED_CONVERSIONS, "GCONV_PATH"),
        (
            PLANTED_CONVERSIONS.replace(
                'os.environ["GCONV_PATH"] =', "os.putenv(b'GCONV_PATH',"
            ).replace("os.getcwd()\n", "os.fsencode(os.getcwd()))\n", 1),
            "GCONV_PATH",
        ),
    ],
    ids=["locpath", "gconv-path", "gconv-path-putenv-bytes"],
)
def test_glibc_is_not_pointed_at_the_work_dir(pool: WorkerPool, source: str, variable: str) -> None:
    run_adversarial(
        pool,
        source,
        Status.ERROR,
        f"setting {variable} (where glibc loads",
        checker=PATIENT,
    )


def test_other_environment_changes_still_work(pool: WorkerPool) -> None:
    """Only the variables glibc loads code or tables by are refused."""
    source = textwrap.dedent("""
        import os

        os.environ["DRILL_NOTE"] = "mine"
        os.putenv(b"LOCPATH_NOT", b"x")
        del os.environ["DRILL_NOTE"]

        def double(x):
            return 2 * x
    """)
    run_adversarial(pool, source, Status.PASSED, checker=PATIENT)


def test_glibc_is_not_pointed_at_the_work_dir_without_seccomp(
    no_seccomp_pool: tuple[str, WorkerPool],
) -> None:
    """The hooks alone (no kernel layer on files) are where a loaded module would do most."""
    _, pool = no_seccomp_pool
    run_adversarial(pool, PLANTED_LOCALE, Status.ERROR, "setting LOCPATH (where glibc loads")
