"""`-p tests.environment` (pyproject's addopts, after tests.bytecode): the suite runs without
the variables of the shell it was started from that change what drillbit or Textual do.

A test passed in CI and failed in a developer's shell when its result hung on a variable
nobody set for it. Run beside a shell's `DRILLBIT_CACHE=0` (the card cache off, as
docs/performance.md shows), eleven search-text tests failed and one errored;
`DRILLBIT_SANDBOX_BWRAP=0`, kept from a manual `drillbit grade`, failed three isolation
tests; `COLUMNS=37 LINES=10` made Textual draw a pty test's app at that size, and the test
waited its 600 s for words the small screen never showed. TZ, VISUAL, NO_COLOR and the
`TEXTUAL_*` switches (theme, animations, frames per second) change the study day, the
editor and every screen. They are taken out of this process's environment when pytest
loads this plugin, before Textual reads its switches at import and before xdist starts its
workers (which inherit the environment), so every test and every process a test starts
sees the machine as CI does. A test that needs one sets it itself (`monkeypatch.setenv`, a
process's `env`).

`tests/test_determinism.py` checks that every variable quiz/ and engine/ read is cleared
here or kept on purpose (`KEPT`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable

CLEARED_PREFIXES = ("DRILLBIT_", "TEXTUAL_")
"""Every variable of drillbit's own (the tests set DRILLBIT_HOME and DRILLBIT_CONTENT per
test) and each of Textual's switches, read once when textual.constants is imported."""

CLEARED = (
    "TZ",
    "VISUAL",
    "EDITOR",
    "NO_COLOR",
    "FORCE_COLOR",
    "COLUMNS",
    "LINES",
    "ESCDELAY",
    "XDG_CONFIG_HOME",
    "GITHUB_WORKSPACE",
    "PRE_COMMIT_FROM_REF",
    "PRE_COMMIT_TO_REF",
    "_DRILLBIT_COMPLETE",
)
"""The other variables drillbit or Textual read: the study day's zone (the machine's
/etc/localtime decides, as in CI), the editor, colour and terminal size, the login file's
folder (`drillbit serve`), the paths a lint report names in GitHub's annotations, the
commits a pre-commit hook compares, and the shell completion's request (click answers it
instead of running the command)."""

PLUGINS_OWN = "TEXTUAL_SNAPSHOT_"
"""The snapshot plugin's own variables (it sets TEXTUAL_SNAPSHOT_TEMPDIR at the session's
start and reads it at its end), never a shell's."""

KEPT = {
    "PATH": "programs are found on it",
    "HOME": "the home folder's own files, which DRILLBIT_HOME keeps the tests out of",
    "LANG": "the locale; C or C.UTF-8 alike read as UTF-8 in Python 3.11",
    "TERM": "the terminal's kind; the dumb-terminal tests set TERM themselves",
}
"""Variables drillbit reads that the tests leave as they are, and why."""


def cleared(environ: Iterable[str]) -> list[str]:
    """The names of `environ` (an environment's names) this plugin takes out."""
    return sorted(
        name
        for name in environ
        if name in CLEARED
        or (name.startswith(CLEARED_PREFIXES) and not name.startswith(PLUGINS_OWN))
    )


for _name in cleared(os.environ):
    del os.environ[_name]
