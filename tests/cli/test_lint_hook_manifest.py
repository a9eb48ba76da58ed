"""The hook's manifest (`.pre-commit-hooks.yaml`) as pre-commit itself reads it: its own
schema (`pre-commit validate-manifest`), and a minimum version that knows each key it uses
(`types_or` came with 2.9: an older pre-commit ignored it and passed no linked card)."""

from __future__ import annotations

import subprocess
import sys

import yaml

from tests.conftest import PROCESS_TIMEOUT_SECONDS, REPO

MANIFEST = REPO / ".pre-commit-hooks.yaml"


def test_pre_commit_accepts_the_manifest() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(MANIFEST)],
        capture_output=True,
        text=True,
        timeout=PROCESS_TIMEOUT_SECONDS,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_the_manifest_names_the_pre_commit_its_keys_need() -> None:
    [hook] = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert hook["types_or"] == ["file", "symlink"]  # a linked card is passed: lint names it
    version = tuple(int(part) for part in hook["minimum_pre_commit_version"].split("."))
    assert version >= (2, 9, 2)
