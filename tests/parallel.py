"""`uv run pytest` on every core by default, and `-p no:xdist` still a plain run.

Loaded with `-p tests.parallel` (pyproject's addopts). The options `-n auto --dist loadgroup`
used to sit in addopts themselves, so a run without the xdist plugin stopped at once on
options it did not know. This plugin puts them in front of the command line only when xdist
is loaded: what the command line says itself (`-n0`, `-n 4`, `--dist load`) comes later and
wins.
"""

from __future__ import annotations

import pytest

DEFAULT_XDIST_ARGS = ("-n", "auto", "--dist", "loadgroup")
"""Every core (tests/conftest.py says how many workers `auto` means); tests that share an
xdist group run on one worker."""


COLLECT_ONLY = ("--co", "--collect-only", "--collectonly")
"""Listing the tests runs none: one process lists them faster than workers started for
nothing, and syrupy is left out (hearing from no worker it warned, which `filterwarnings
= error` turned into a traceback; in one process it called every snapshot unused and
exited 1)."""


def pytest_load_initial_conftests(early_config: pytest.Config, args: list[str]) -> None:
    """Prepend the default xdist options when the xdist plugin is there to read them,
    unless the run only lists the tests."""
    listing = bool(set(COLLECT_ONLY) & set(args))
    if listing:  # no test runs, so no snapshot is used: syrupy would call them all unused
        syrupy = early_config.pluginmanager.get_plugin("syrupy")
        if syrupy is not None:
            early_config.pluginmanager.unregister(syrupy)
    elif early_config.pluginmanager.has_plugin("xdist"):
        args[:] = [*DEFAULT_XDIST_ARGS, *args]
