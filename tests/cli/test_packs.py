"""Extra packs: --content (repeatable), DRILLBIT_CONTENT, and installed packages' entry points.

The example pack in tests/data/example_pack is a real distribution layout (a package and
its .dist-info with entry points); putting its folder on the path installs it for
importlib.metadata, with no network and no build step.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, REPO

EXAMPLE = DATA / "example_pack"
SOLUTION = "import numpy as np\n\n\ndef double(x):\n    return 2.0 * x\n"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=full_env,
        timeout=120,
    )


@pytest.fixture
def installed_example() -> dict[str, str]:
    """Environment in which the example pack is installed."""
    return {
        "PYTHONPATH": os.pathsep.join(filter(None, [str(EXAMPLE), os.environ.get("PYTHONPATH")]))
    }


def test_an_installed_pack_brings_its_cards(installed_example: dict[str, str]) -> None:
    result = run("list", "--json", "--topic", "arithmetic", env=installed_example)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {(row["id"], row["pack"]) for row in rows} == {
        ("example-double", "example"),
        ("example-why-vectorize", "example"),
    }


def test_without_the_package_its_cards_are_absent() -> None:
    rows = json.loads(run("list", "--json", "--topic", "arithmetic").stdout)
    assert rows == []


def test_an_installed_pack_lints_with_its_own_checker(installed_example: dict[str, str]) -> None:
    content = EXAMPLE / "drillbit_example_pack" / "content"
    result = run("lint", str(content), env=installed_example)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 card(s) checked, no problems" in result.stderr


def test_a_drill_of_an_installed_pack_is_graded_in_the_sandbox(
    installed_example: dict[str, str], tmp_path: Path
) -> None:
    good = tmp_path / "good.py"
    good.write_text(SOLUTION)
    bad = tmp_path / "bad.py"
    bad.write_text(SOLUTION.replace("2.0 * x", "x + x + 1"))
    passed = run("grade", "example-double", str(good), "--json", env=installed_example)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert json.loads(passed.stdout)["drill"] == "example.double"
    failed = run("grade", "example-double", str(bad), "--json", env=installed_example)
    assert failed.returncode == 1
    assert json.loads(failed.stdout)["status"] == "failed"


def test_content_folders_from_the_option_and_the_environment(
    mini_bank: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    (other / "second" / "misc").mkdir(parents=True)
    (other / "second" / "pack.yaml").write_text(
        "title: Second\ndescription: Another pack.\nversion: 1.0.0\n"
    )
    card = (mini_bank / "mini" / "basics" / "what-is-relu.md").read_text()
    card = card.replace("id: what-is-relu", "id: relu-again").replace(
        "topic: basics", "topic: misc"
    )
    (other / "second" / "misc" / "relu-again.md").write_text(card)

    by_option = json.loads(
        run("--content", str(mini_bank), "--content", str(other), "list", "--json").stdout
    )
    by_env = json.loads(
        run(
            "list",
            "--json",
            env={"DRILLBIT_CONTENT": os.pathsep.join([str(mini_bank), str(other)])},
        ).stdout
    )
    for rows in (by_option, by_env):
        packs = {row["pack"] for row in rows}
        assert {"mini", "second", "neural-networks"} <= packs
