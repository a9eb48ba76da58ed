"""Extra packs: --content (repeatable), DRILLBIT_CONTENT, and installed packages' entry points.

The example pack in tests/data/example_pack is a real distribution layout (a package and
its .dist-info with entry points); putting its folder on the path installs it for
importlib.metadata, with no network and no build step. Those tests run `drillbit` as a
process, whose `sys.path` comes from PYTHONPATH; the others run it in this process.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import DATA, RunDrillbit

EXAMPLE = DATA / "example_pack"
SOLUTION = "import numpy as np\n\n\ndef double(x):\n    return 2.0 * x\n"


@pytest.fixture
def installed_example() -> dict[str, str]:
    """Environment in which the example pack is installed."""
    return {
        "PYTHONPATH": os.pathsep.join(filter(None, [str(EXAMPLE), os.environ.get("PYTHONPATH")]))
    }


def test_an_installed_pack_brings_its_cards(
    installed_example: dict[str, str], drillbit_process: RunDrillbit
) -> None:
    result = drillbit_process("list", "--json", "--topic", "arithmetic", env=installed_example)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)["cards"]
    assert {(row["id"], row["pack"]) for row in rows} == {
        ("example-double", "example"),
        ("example-why-vectorize", "example"),
    }


def test_without_the_package_its_cards_are_absent(drillbit: RunDrillbit) -> None:
    rows = json.loads(drillbit("list", "--json").stdout)["cards"]
    assert rows, "the bundled bank lists cards"
    assert not [row for row in rows if row["topic"] == "arithmetic"]
    # Naming the absent pack's topic is a usage error, not an empty list.
    result = drillbit("list", "--json", "--topic", "arithmetic")
    assert result.returncode == 2


def test_an_installed_pack_lints_with_its_own_checker(
    installed_example: dict[str, str], drillbit_process: RunDrillbit
) -> None:
    content = EXAMPLE / "drillbit_example_pack" / "content"
    result = drillbit_process("lint", str(content), env=installed_example)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 cards checked, no problems" in result.stderr


def test_a_drill_of_an_installed_pack_is_graded_in_the_sandbox(
    installed_example: dict[str, str], tmp_path: Path, drillbit_process: RunDrillbit
) -> None:
    good = tmp_path / "good.py"
    good.write_text(SOLUTION)
    bad = tmp_path / "bad.py"
    bad.write_text(SOLUTION.replace("2.0 * x", "x + x + 1"))
    passed = drillbit_process("grade", "example-double", str(good), "--json", env=installed_example)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert json.loads(passed.stdout)["drill"] == "example.double"
    failed = drillbit_process("grade", "example-double", str(bad), "--json", env=installed_example)
    assert failed.returncode == 1
    assert json.loads(failed.stdout)["status"] == "failed"


def test_content_folders_from_the_option_and_the_environment(
    mini_bank: Path, tmp_path: Path, drillbit: RunDrillbit
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
        drillbit("--content", str(mini_bank), "--content", str(other), "list", "--json").stdout
    )["cards"]
    by_env = json.loads(
        drillbit(
            "list",
            "--json",
            env={"DRILLBIT_CONTENT": os.pathsep.join([str(mini_bank), str(other)])},
        ).stdout
    )["cards"]
    for rows in (by_option, by_env):
        packs = {row["pack"] for row in rows}
        assert {"mini", "second", "neural-networks"} <= packs
